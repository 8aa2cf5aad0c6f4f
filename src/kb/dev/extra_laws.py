"""Annotation files of a text resting on a law the knowledge base does not ship (``extra_laws:``).

A related-provision or repetition annotation (tests/data/related/README.md) of such a text names, after ``corpus:``,
the corpus files of those laws (``extra_laws: [行政法/测绘法(2017-04-27).md]``) and may list their provisions as its
answers.  The scorers (``kb score-related`` and its ``--check``, ``kb score-repeat``) and the cross-validation
(kb.dev.related_cv) read such a file in a copy of the project whose knowledge base also holds those laws, imported
as ``kb add`` imports a corpus file (level and jurisdiction from its corpus folder, the corpus path in its meta.yml):
the laws are candidates like any shipped law, weigh in the base's bigram weights and take the text's citations.
The project itself is left as it is; one copy is made per set of laws and kept for the process.

The scorers also import the file's own text (``corpus:``) into that copy when the knowledge base does not hold it (a
held-out round's text, a file of ``outside-kb/``), as the lead's scoring of a held-out round does with ``kb add``: the
text is then a regulation of the copy, answered as any other (:func:`scoring_groups`), and the copy is removed once its
files are scored.  The cross-validation instead extends a library with the text (kb.dev.related_cv: the text asks, the
base answers).
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path, PurePath

from kb.errors import KbError

KEY = "extra_laws"
_COPIES: dict[tuple, Path] = {}


def extra_laws(data: dict, path: Path) -> tuple[str, ...]:
    """The corpus paths an annotation file's ``extra_laws:`` names, in its order (``()`` without it); KbError naming
    the file when it is not a list of paths."""
    laws = data.get(KEY)
    if laws is None:
        return ()
    if not isinstance(laws, list) or not laws or not all(isinstance(x, str) and x.strip() for x in laws):
        raise KbError(f"{KEY}：应为语料中法律文件路径的列表（如 [行政法/某法(2017-04-27).md]）", str(path))
    return tuple(dict.fromkeys(x.strip() for x in laws))


def laws_of(path: Path) -> tuple[str, ...]:
    """:func:`extra_laws` of the annotation file at ``path``."""
    from kb.library.annotations import load_file

    return extra_laws(load_file(path), path)


def own_text(path: Path) -> tuple[str, ...]:
    """The corpus path of the text the annotation file at ``path`` annotates (``corpus:``; ``()`` for a file naming a
    regulation of the project, ``regulation:``)."""
    from kb.library.annotations import load_file

    data = load_file(path)
    text = data.get("corpus")
    return (text.strip(),) if isinstance(text, str) and text.strip() and not data.get("regulation") else ()


def with_laws(root: Path, laws: tuple[str, ...], where: Path | None = None, texts: tuple[str, ...] = ()) -> Path:
    """The root of a project whose knowledge base is ``root``'s with the corpus files ``laws`` imported, then the
    corpus files ``texts`` (an annotation file's own text) — those ``root`` does not hold; ``root`` itself when it
    holds them all already.  ``where``: the annotation file that asks, named in errors (a file that is not in the
    corpus or no corpus at all, another version of a regulation ``root`` ships, or a file the import refuses)."""
    from kb.library.annotations import source_map
    from kb.project import list_regulations

    root = Path(root)
    regs = list_regulations(root)
    held = source_map(regs)
    todo = tuple(sorted(rel for rel in laws if rel not in held))
    mine = tuple(rel for rel in texts if rel not in held and rel not in todo)
    if not todo and not mine:
        return root
    for rel in todo + mine:
        _not_another_version(regs, rel, f"{KEY} 中的" if rel in todo else "标注的文本（corpus:）", where or root)
    key = (str(root.resolve()), todo, mine)
    if key not in _COPIES:
        _COPIES[key] = _copy_with(root, todo + mine, where)
    return _COPIES[key]


def _not_another_version(regs, rel: str, what: str, where: Path) -> None:
    """KbError when the corpus file ``rel`` is another version of a regulation of ``regs``: it would be imported as that
    regulation's latest version and answer for it in every article (code review 12 item 3: 立法法 2015 became the 立法法
    of the copy)."""
    from kb.library.corpus import title_id

    r = {r.id: r for r in regs}.get(title_id(PurePath(rel).name.split("(")[0].removesuffix(".md")))
    if r is not None:
        raise KbError(f"{what} {rel} 是知识库已收法规“{r.id}”的另一版本"
                      f"（知识库收的是 {'、'.join((r.source or {}).get('files') or []) or '其文本'}）：导入会把它当作"
                      f"该法规的最新版本，换掉知识库所收的文本；请写知识库所收的版本，或去掉这一项", str(where))


def grouped(root: Path, files: list[Path], own: bool = False) -> list[tuple[Path, list[Path]]]:
    """``files`` by the project they are read in (:func:`with_laws` of each one's ``extra_laws`` — and, with ``own``,
    of its own text when ``root`` does not hold it): ``root`` first when any file needs nothing beyond it, in the
    files' order otherwise."""
    out: dict[Path, list[Path]] = {}
    try:
        for f in files:
            out.setdefault(with_laws(root, laws_of(f), f, own_text(f) if own else ()), []).append(f)
    except KbError:
        for copy in out:            # a bad file stops the run: the copies made for the files before it go
            release(copy)
        raise
    return sorted(out.items(), key=lambda x: x[0] != Path(root))


def release(copy: Path) -> None:
    """Remove a project copy :func:`with_laws` made (nothing when ``copy`` is not one): its folder, and the library
    kb.library.related kept of it."""
    from kb.library.related import forget_base

    for key in [k for k, v in _COPIES.items() if v == Path(copy)]:
        forget_base(copy)
        shutil.rmtree(_COPIES.pop(key), ignore_errors=True)


def _copy_with(root: Path, laws: tuple[str, ...], where: Path | None) -> Path:
    """A new project in a temporary folder (removed by :func:`release`, or when the process ends): ``root``'s
    mkdocs.yml and regulation/, and ``laws`` imported from the corpus in their order (kb.library.importer.add_text,
    each file read alone: no other corpus text is opened)."""
    from kb.library.corpus import CorpusFiles, read_corpus_text
    from kb.library.importer import add_text

    files = CorpusFiles.near(root)
    if not files.homes:
        raise KbError(f"找不到语料目录（../shared/corpus/lawrefbook 不在仓库旁边；可设置 KB_SHARED 指向 shared 目录）："
                      f"本文件要从语料导入 {'、'.join(laws)}", str(where or root))
    found = {rel: next((h for h in files.homes if (h / rel).is_file()), None) for rel in laws}
    lacking = [rel for rel, home in found.items() if home is None]
    if lacking:
        raise KbError(f"要导入的文件不在语料中：{'、'.join(lacking)}（语料目录：{'、'.join(map(str, files.homes))}）",
                      str(where or root))
    copy = Path(tempfile.mkdtemp(prefix="kb-extra-laws-"))
    atexit.register(shutil.rmtree, copy, True)
    shutil.copy(root / "mkdocs.yml", copy / "mkdocs.yml")
    shutil.copytree(root / "regulation", copy / "regulation")
    for rel, home in found.items():
        ct = read_corpus_text(home / rel, home, CorpusFiles([home]))
        try:
            add_text(copy, ct, {}, is_latest=True)
        except KbError as e:
            raise KbError(f"语料文件 {rel} 无法导入：{e.message}", str(where or root)) from e
    return copy
