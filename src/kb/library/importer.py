"""``kb add DIR``: bring every text of a folder (a corpus, or part of one) into ``regulation/``.

Each file becomes one version of a regulation (the dated files of one law — 体育法(2016-11-07).md,
体育法(2022-06-24).md — become its versions, oldest first), through the same
:func:`kb.project.add_file` as ``kb add FILE``: the text is copied unchanged, each file is
imported whole or not at all, and adding a text already there changes nothing.  The metadata
comes from :mod:`kb.library.corpus` (folder → level and jurisdiction; history → dates and issuing
body), validity from the table of repealed laws, and the rest from the caller's options.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import KbError
from kb.layers.laws import PRC
from kb.library.corpus import CorpusFiles, CorpusText, find_corpus_root, read_corpus_text, title_id
from kb.project import add_file
from kb.text.sources import SUPPORTED

#: what an imported text says of itself (meta.yml and the site's banner)
NOT_OFFICIAL = "本文本取自公开语料，仅供参考，不是官方文本；以制定机关公布的文本为准。"
#: what a text imported from a folder not laid out as the corpus says of itself
FROM_FOLDER = "本文本由 kb add 从目录导入，来源未注明；不一定是官方文本。"


@dataclass
class ImportReport:
    imported: list = field(default_factory=list)     # [Added] newly written
    unchanged: list = field(default_factory=list)    # [Added] already there, same text
    refused: list = field(default_factory=list)      # [(path, reason)]
    unstated: list = field(default_factory=list)     # [Added] imported with no validity (a text of one's own)
    known: list = field(default_factory=list)        # [(path, "reg@version")] the same text is there: not imported
    joined: list = field(default_factory=list)       # [(path, Added)] a version of the regulation of that title
    seen: int = 0

    @property
    def ok(self) -> bool:
        return not self.refused


def texts_in(folder: Path) -> list[Path]:
    """The text files under ``folder`` (every supported extension), in a stable order."""
    exts = set(SUPPORTED)
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in exts
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def import_folder(root: Path, folder: Path, defaults: dict | None = None, corpus_root: Path | None = None,
                  progress=None, only: set[str] | None = None) -> ImportReport:
    """Import every text under ``folder``.  ``defaults`` (level, jurisdiction, issuing_body,
    validity) fill what the corpus does not say; ``corpus_root`` is the folder the corpus' paths
    are relative to (default: found above ``folder``, see find_corpus_root); ``progress(done, total, path)`` is called per file;
    ``only`` restricts the import to these corpus-relative paths."""
    folder = Path(folder)
    if not folder.is_dir():
        raise KbError("目录不存在", str(folder))
    corpus_root = Path(corpus_root) if corpus_root is not None else find_corpus_root(folder)
    defaults = defaults or {}
    files = texts_in(folder)
    report = ImportReport()
    texts: list[CorpusText] = []
    inside = folder.resolve()
    corpus = CorpusFiles.near(root)
    for p in files:
        try:
            target = p.resolve()
        except (OSError, RuntimeError):
            target = p                  # a link loop: reading it says so
        if not target.is_relative_to(inside):
            # a symbolic link out of the folder: kb add DIR imports what is in DIR, not what a link
            # placed there reaches (another user's or a private file would be copied and published)
            report.refused.append((p, f"是指向目录之外的符号链接（{target}），不导入；要导入它请直接 kb add 该文件"))
            continue
        try:
            ct = read_corpus_text(p, corpus_root, corpus)
        except OSError as e:
            report.refused.append((p, f"无法读取：{e.strerror}"))
            continue
        if only is None or ct.rel in only:
            texts.append(ct)
    # a law's versions oldest first, so that the latest is the regulation's last version
    texts.sort(key=lambda t: (t.regulation_id, t.date or ""))
    latest = {t.regulation_id: t for t in texts}
    total = len(texts)
    known = KnownTexts.of(root)
    for i, ct in enumerate(texts, 1):
        report.seen += 1
        _import_one(root, ct, defaults, latest[ct.regulation_id] is ct, known, report)
        if progress:
            progress(i, total, ct.rel)
    return report


@dataclass
class KnownTexts:
    """What the knowledge base holds: each version's text by its content, each regulation by its title.  A text of
    the folder already there under another name (kb add mydraft.txt -r my-eldercare, then its folder) is not
    imported again, and one whose title a regulation has is a version of that regulation, not a second one."""
    by_content: dict = field(default_factory=dict)   # sha256 -> (regulation id, version name)
    by_title: dict = field(default_factory=dict)     # (title key, part) -> regulation id

    @classmethod
    def of(cls, root: Path) -> "KnownTexts":
        from kb.project import list_regulations

        known = cls()
        for reg in list_regulations(Path(root)):
            known.by_title.setdefault(_title_key(reg.title, reg.raw.get("part")), reg.id)
            for v in reg.versions:
                if reg.path(v).is_file():
                    known.by_content.setdefault(_digest(reg.path(v)), (reg.id, v.name))
        return known


def _title_key(title: str, part) -> tuple:
    return title_id(title), part or None


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _import_one(root: Path, ct: CorpusText, defaults: dict, is_latest: bool, known: KnownTexts,
                report: ImportReport) -> None:
    """Import one text into ``report``: skipped when the knowledge base holds the same text under another name, a
    version of the regulation that has its title, else as add_text says."""
    into = known.by_title.get(_title_key(ct.title, ct.part))
    into = into if ct.titled and into != ct.regulation_id else None
    try:
        digest = _digest(ct.path)
    except OSError as e:
        report.refused.append((ct.path, f"无法读取：{e.strerror}"))
        return
    there = known.by_content.get(digest)
    if there is not None and (into or there != (ct.regulation_id, ct.version_name)):
        # (the same text where an earlier import of the folder put it is "unchanged", below)
        report.known.append((ct.path, f"{there[0]}@{there[1]}"))
        return
    try:
        added = add_text(root, ct, defaults, is_latest=is_latest, into=into)
    except KbError as e:
        report.refused.append((ct.path, e.message))
        return
    (report.unchanged if added.unchanged else report.imported).append(added)
    known.by_content.setdefault(digest, (added.regulation, added.version))
    known.by_title.setdefault(_title_key(ct.title, ct.part), added.regulation)
    if into and not added.unchanged:
        report.joined.append((ct.path, added))
    if is_latest and not into and not added.unchanged and text_validity(ct, defaults, is_latest) is None:
        report.unstated.append(added)


def add_text(root: Path, ct: CorpusText, defaults: dict, is_latest: bool = True, into: str | None = None):
    """Add one corpus text as a version of its regulation — or of ``into``, an existing regulation of the same title
    whose metadata (written by whoever made it) is left as it is.  A text that states no title is refused: nothing
    would say which regulation it is but its file's name, and the site would publish it under that name."""
    if not ct.titled:
        raise KbError(f"文本开头没有标题（法规名称），无法判断是哪部法规，不导入；请在第一行写上标题，"
                      f"或单独添加并给出标题：kb add {ct.path} -r 法规名 -v 版本名 --title 标题", str(ct.path))
    status = version_status(ct, defaults, is_latest)
    if into:
        return add_file(root, ct.path, into, ct.version_name, label=ct.label(), status=status, date=ct.date,
                        effective=ct.effective)
    meta = regulation_meta(root, ct, defaults, is_latest, ct.regulation_id)
    return add_file(root, ct.path, ct.regulation_id, ct.version_name, label=ct.label(), status=status,
                       date=ct.date, meta=meta, effective=ct.effective)


def version_status(ct: CorpusText, defaults: dict, is_latest: bool) -> str | None:
    """The version's status: a draft's stage, else what its validity makes it (现行有效, 已被修改, 已废止)."""
    validity = text_validity(ct, defaults, is_latest)
    return ct.status if ct.draft else {"有效": "现行有效", "已修改": "已被修改", "已废止": "已废止"}.get(validity, validity)


def regulation_meta(root: Path, ct: CorpusText, defaults: dict, is_latest: bool, reg_id: str) -> dict:
    """The metadata of regulation ``reg_id`` that ``ct`` gives: title, level, jurisdiction, issuing body, adoption date,
    validity (its latest version's), source (the corpus and its files, or a folder of one's own)."""
    # a national law's short title is its title without 中华人民共和国 (城市居民委员会组织法); other titles have none
    # (the folder name of 北京市实施《……》办法 drops its book-title marks: no title to show)
    short = ct.regulation_id if ct.title.startswith(PRC) and not ct.part else None
    meta = {"title": ct.title, "short_title": short,
            "part": ct.part,
            "level": ct.level or defaults.get("level"),
            "jurisdiction": ct.jurisdiction or defaults.get("jurisdiction"),
            "issuing_body": ct.issuing_body or defaults.get("issuing_body"),
            "adopted": ct.adopted}
    if is_latest:
        # the regulation's validity is its latest version's; older versions never overwrite it
        meta["validity"] = text_validity(ct, defaults, is_latest)
    successor = _successor(ct.title)
    if successor and is_latest:
        meta["successor"] = successor
    if ct.corpus:
        meta["source"] = {"corpus": defaults.get("corpus_name") or "lawrefbook", "note": NOT_OFFICIAL}
    else:
        # a folder of one's own: name the file (relative to the folder given), claim nothing of its origin
        meta["source"] = {"note": FROM_FOLDER}
    existing = _existing_files(root, reg_id)
    meta["source"]["files"] = sorted(set(existing) | {ct.rel})
    return meta


def corpus_file(root: Path, path: Path, reg_id: str) -> tuple[dict, dict] | None:
    """``kb add FILE`` of the public corpus's own file (kb.library.corpus.CorpusFiles: in the corpus, or a byte-for-byte
    copy of one of its files): the metadata ``kb add DIR`` reads from the same file, as (the regulation's metadata,
    the version's fields label/status/date/effective); None for any other file.  The version is the corpus's latest of
    its law unless the corpus holds a later-dated file of the same title (then 已被修改, and the regulation's validity is
    left to the later one).  A regulation that exists and was not made from the corpus keeps its metadata: only the
    version's fields are given for it."""
    files = CorpusFiles.near(root)
    path = Path(path)
    if files.find(path) is None:
        return None
    ct = read_corpus_text(path, None, files)
    if not ct.titled:
        return None
    home = next((h for h in files.homes if (h / ct.rel).is_file()), None)
    is_latest = True
    if home is not None and ct.date:
        place = (home / ct.rel).parent
        for other in sorted(place.glob(f"{Path(ct.rel).name.split('(')[0].removesuffix('.md')}*.md")):
            o = read_corpus_text(other, home)
            if o.regulation_id == ct.regulation_id and o.part == ct.part and (o.date or "") > ct.date:
                is_latest = False
                break
    version = {"label": ct.label(), "status": version_status(ct, {}, is_latest), "date": ct.date,
               "effective": ct.effective}
    meta_path = Path(root) / "regulation" / reg_id / "meta.yml"
    if meta_path.is_file():
        from kb.project import load_regulation

        if not (load_regulation(Path(root), reg_id).source or {}).get("corpus"):
            return {}, version
    meta = regulation_meta(root, ct, {}, is_latest, reg_id)
    if not is_latest and not meta_path.is_file():
        meta["validity"] = text_validity(ct, {}, is_latest)     # a law's older text alone: 已修改, not unstated
    return meta, version


def _existing_files(root: Path, reg_id: str) -> list[str]:
    from kb.project import load_regulation

    if not (Path(root) / "regulation" / reg_id / "meta.yml").is_file():
        return []
    return list((load_regulation(Path(root), reg_id).source or {}).get("files") or [])


def text_validity(ct: CorpusText, defaults: dict, is_latest: bool) -> str | None:
    """A draft is 草案 (unless the caller says otherwise).  Else 已废止 when the table of repealed laws lists the
    title; an older version of a law is 已修改; else the caller's --validity; else 有效 for a corpus text (the
    corpus holds laws as published) and None — not stated — for a text of one's own folder, which nothing
    shows to be in force."""
    if ct.draft:
        return defaults.get("validity") or "草案"
    v = _table_entry(ct.title)
    if v is not None and not v.in_force:
        return "已废止"
    if not is_latest:
        return "已修改"
    return defaults.get("validity") or ("有效" if ct.corpus else None)


def _successor(title: str) -> str | None:
    v = _table_entry(title)
    return v.successor if v is not None and not v.in_force else None


def _table_entry(title: str):
    from kb.layers.laws import validity

    # the table of repealed laws (src/kb/layers/data/validity.yml), which kb check reads too
    return validity(title)
