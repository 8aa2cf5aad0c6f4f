"""The project on disk: its root (where mkdocs.yml is), configuration, and the
regulations under ``regulation/``, each with a ``meta.yml`` and one source file
per version.  Versions are addressed as ``regulation@version``.

A regulation's metadata says what the knowledge base needs to put it beside the others: its
level (宪法, 法律, 行政法规, 地方性法规 …, ``LEVELS``), jurisdiction, issuing body, dates, validity
(有效, 已修改, 已废止, 草案) and, for an imported text, where it came from.  :func:`add_version` is
the one way a text enters ``regulation/`` (``kb add``, the corpus import, ``kb amend --register``).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import KbError


@dataclass
class VersionMeta:
    name: str
    file: str
    label: str = ""
    status: str | None = None
    date: str | None = None
    comment: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)

    def __post_init__(self):
        # how the version is named to a reader: its label; without one -- or with one that only repeats its name,
        # as kb add wrote when given no --label until 2026-12-04 -- its status (草案修改稿), else its date, else its name (draft: a
        # version with no label, status or date of its own, which commands then name once: @draft, not @draft（draft）)
        if not self.label or str(self.label) == self.name:
            self.label = str(self.status or self.date or self.name)


#: levels of legal force, highest first (立法法); a text ranks by its level, a draft by the level it
#: is a draft of.  "其他" (司法解释, 标准, 指南 …) ranks below all.
LEVELS = ("宪法", "法律", "行政法规", "监察法规", "部门规章", "地方性法规", "自治条例和单行条例",
          "地方政府规章", "其他")
LEVEL_RANK = {"宪法": 0, "法律": 1, "行政法规": 2, "监察法规": 2, "部门规章": 3, "地方性法规": 3,
              "自治条例和单行条例": 3, "地方政府规章": 4, "其他": 5}
#: validity of a regulation (its latest version)
VALIDITIES = ("有效", "已修改", "已废止", "草案")


@dataclass
class RegulationMeta:
    id: str
    folder: Path
    title: str
    short_title: str | None = None
    jurisdiction: str | None = None
    issuing_body: str | None = None
    versions: list[VersionMeta] = field(default_factory=list)
    raw: dict = field(default_factory=dict)
    level: str | None = None          # one of LEVELS
    validity: str | None = None       # one of VALIDITIES (None: not stated)
    adopted: str | None = None        # date first adopted (YYYY-MM-DD)
    source: dict = field(default_factory=dict)   # where an imported text came from (corpus, files, note)

    @property
    def rank(self) -> int | None:
        """Rank of the level (0 highest), None when the level is not known."""
        return LEVEL_RANK.get(self.level) if self.level else None

    @property
    def year(self) -> str | None:
        """Year of the latest version (else of adoption), for the site's filters."""
        for d in [v.date for v in reversed(self.versions)] + [self.adopted]:
            if d and str(d)[:4].isdigit():
                return str(d)[:4]
        return None

    @property
    def part(self) -> str | None:
        """Which part of a law this regulation holds when it holds only a part (meta.yml ``part`` and
        ``articles: [first, last]``): 物权编（第二百七十一条至第二百八十七条）; None for a whole text.  Two
        excerpts of one law (民法典's) share its title, so a list of regulations names the part beside it."""
        from kb.text.numerals import to_chinese

        part = self.raw.get("part")
        arts = self.raw.get("articles")
        span = ""
        if isinstance(arts, (list, tuple)) and len(arts) == 2 and all(isinstance(x, int) for x in arts):
            span = f"第{to_chinese(arts[0])}条至第{to_chinese(arts[1])}条"
        if not part and not span:
            return None
        return f"{part or '节选'}（{span}）" if span else str(part)

    def version(self, name: str | None) -> VersionMeta:
        if not self.versions:
            raise KbError("元数据中没有列出任何版本", str(self.folder / "meta.yml"))
        if name is None:
            return self.versions[-1]
        for v in self.versions:
            if v.name == name or v.label == name:
                return v
        names = "、".join(v.name for v in self.versions)
        raise KbError(f"法规“{self.id}”没有版本“{name}”（已有：{names}）", str(self.folder / "meta.yml"))

    def path(self, v: VersionMeta) -> Path:
        return self.folder / v.file

    def doc_meta(self, v: VersionMeta) -> dict:
        """Metadata handed to the parser: version values override regulation values."""
        return {"title": self.title, "status": v.status, "regulation": self.id, "version": v.name,
                "version_label": v.label, "date": v.date, "comment": v.comment,
                "jurisdiction": self.jurisdiction, "issuing_body": self.issuing_body,
                "short_title": self.short_title, "level": self.level, "validity": self.validity}


def version_level(reg: RegulationMeta, v: VersionMeta) -> str:
    """法律 / 行政法规 / 地方性法规 … as meta.yml says (the version's own first), "" when unsaid."""
    return str((v.raw or {}).get("level") or (reg.raw or {}).get("level") or "").strip()


def is_draft(reg: RegulationMeta, v: VersionMeta) -> bool:
    """A version published for comment or review, not a text adopted and in force (its status, label
    or level — :func:`version_level` — says 草案, 征求意见稿, 送审稿, 修改稿 …: kb.text.preamble's one list of draft words)."""
    from kb.text.preamble import is_draft_status

    return is_draft_status(" ".join(str(x or "") for x in (v.status, v.label, version_level(reg, v))))


def find_root(start: str | os.PathLike | None = None) -> Path:
    p = Path(start or os.getcwd()).resolve()
    for d in (p, *p.parents):
        if (d / "mkdocs.yml").is_file():
            return d
    raise KbError("找不到项目根目录（从当前目录向上没有 mkdocs.yml）；请在项目内运行或使用 --root", str(p))


def project_of(doc) -> Path | None:
    """The project the file ``doc`` was read from is in (None: no file, or a file in no project).
    What a layer falls back to when its caller names no root: never the current directory, which
    is the command's to look up once, not each stage's (a site built with ``--root`` from elsewhere
    linked no citation to its laws)."""
    if not getattr(doc, "source", None):
        return None
    try:
        return find_root(Path(doc.source).resolve().parent)
    except (KbError, OSError):
        return None


@functools.lru_cache(maxsize=None)
def _yaml_loader(fast: bool = False):
    """The safe YAML loader of the project's files; fast: on libyaml (nine times quicker on a knowledge base's
    meta.yml files: they are read three times a build), when PyYAML has it."""
    import yaml

    base = getattr(yaml, "CSafeLoader", None) if fast else yaml.SafeLoader
    if base is None:
        return None

    class _Loader(base):
        pass

    # mkdocs.yml may hold !!python/name: tags (material's emoji settings); read them as text
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return _Loader


def _yaml_load(path: Path):
    """A YAML file of the project (mkdocs.yml, a meta.yml).  What YAML itself cannot read — bad
    syntax, a date that is no date (``date: 2025-13-01``, which YAML reads as a date and Python
    cannot make) — is a KbError naming the file, the line and the key."""
    from kb.text.sources import decode_utf8, read_bytes

    text = decode_utf8(read_bytes(path), path)
    if _yaml_loader(True) is not None and not _LIBYAML_DIFFERS.search(text) and "\ufeff" not in text[1:]:
        try:
            return _yaml_read(_yaml_loader(True), text, path)
        except KbError:
            pass                 # said by the pure-Python reader, as it always was (its words, its line)
    return _yaml_read(_yaml_loader(), text, path)


#: where libyaml reads a text otherwise than the pure-Python reader (a tab in a value or a flow sequence, a tag, a
#: block scalar's header, a ? in a flow sequence, the line breaks \x85 \u2028 \u2029; and a second byte-order mark),
#: it accepts what that reader refuses or reads another value: a text with any of them is read by the Python reader
#: only (comparing the two on 150,000 random short texts without them found no difference; meta.yml files have none)
_LIBYAML_DIFFERS = re.compile("[\t!|>?\x85\u2028\u2029]")


def _yaml_read(loader_class, text: str, path: Path):
    import yaml

    from kb.text.sources import yaml_error

    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as e:
        # a character YAML does not allow (a control character): the Python reader says so as it is made (it
        # was a traceback); its position is a character's, not a line's
        raise yaml_error(e, path, text) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return {}
        for keys, value in _scalars(node):
            if value.tag == "tag:yaml.org,2002:timestamp":
                try:
                    loader.construct_object(value)
                except ValueError as e:
                    raise KbError(f"{key_name(keys)}：“{value.value}”不是有效的日期（{_date_reason(value.value, e)}）",
                                  str(path), value.start_mark.line + 1) from None
        data = loader.construct_document(node)
        return {} if data is None else data
    except yaml.YAMLError as e:
        raise yaml_error(e, path, text) from None
    finally:
        loader.dispose()


def _scalars(node, keys=()):
    """(key path, node) of every scalar value under a composed YAML node."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from _scalars(v, keys + (getattr(k, "value", "?"),))
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            yield from _scalars(v, keys + (i,))
    else:
        yield keys, node


def key_name(keys) -> str:
    """``versions`` 第 1 项的 ``date`` for the key path ("versions", 0, "date")."""
    out = ""
    for k in keys:
        if isinstance(k, int):
            out += f" 第 {k + 1} 项"
        else:
            out += (" 的 " if out and not out.endswith("项") else "的 " if out else "") + str(k)
    return out or "（顶层）"


def key_line(path: Path, keys) -> int | None:
    """The line of the key path ``keys`` in YAML file ``path`` (its value's line for a list item),
    None when it cannot be found: for a message about a value read from it."""
    import yaml

    try:
        node = yaml.compose(read_text_quietly(path), Loader=_yaml_loader())
    except Exception:           # the file was read once already; this is only for a line number
        return None
    line = None
    for k in keys:
        if isinstance(node, yaml.MappingNode) and isinstance(k, str):
            # the last of a key written twice: the one YAML keeps
            pair = next(((kn, vn) for kn, vn in reversed(node.value) if getattr(kn, "value", None) == k), None)
            if pair is None:
                return line
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(k, int) and k < len(node.value):
            node = node.value[k]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def read_text_quietly(path: Path) -> str:
    return Path(path).read_text(encoding="utf-8", errors="replace")


# --------------------------------------------------------------------------- dates

_TYPED = re.compile(r"\s*(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?\s*")


def date_argument(text: str, option: str) -> str:
    """A date given on the command line (``kb show --as-of``, ``kb add --date``): 2024-03-01,
    2024-3-1, 2024.3.1 or 2024年3月1日, as YYYY-MM-DD; one that is no date (2025-02-30, 2025-13-01,
    明天) is a KbError."""
    m = _TYPED.fullmatch(text or "")
    if not m:
        raise KbError(f"{option}：无法识别的日期“{text}”（示例：2024-03-01 或 2024年3月1日）")
    try:
        return iso_date(f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
    except ValueError as e:
        raise KbError(f"{option}：日期“{text}”无效：{e}") from None


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date_reason(text: str, error: Exception | None = None) -> str:
    """Why ``text`` is no date, in Chinese (月份应为 1 至 12; 2025 年 2 月只有 28 日)."""
    import calendar

    m = re.fullmatch(r"\s*(\d{4})\D(\d{1,2})\D(\d{1,2})\D?\s*", str(text))
    if m:
        y, mo, d = (int(x) for x in m.groups())
        if not 1 <= mo <= 12:
            return f"月份应为 1 至 12，而不是 {mo}"
        last = calendar.monthrange(y, mo)[1] if y >= 1 else 31
        if not 1 <= d <= last:
            return f"{y} 年 {mo} 月只有 {last} 日"
    return "日期写作 YYYY-MM-DD，如 2025-01-02"


def iso_date(value) -> str:
    """``value`` as YYYY-MM-DD when it is a real date (a YAML date, or text written so); raises
    ValueError with the reason in Chinese otherwise (2025-02-30, 2025-13-01, 明天)."""
    import datetime

    if isinstance(value, datetime.datetime):
        raise ValueError("日期写作 YYYY-MM-DD，不带时刻")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    m = _ISO.fullmatch(text or "")
    if m:
        try:
            return datetime.date(*(int(x) for x in m.groups())).isoformat()
        except ValueError:
            pass
    raise ValueError(_date_reason(text if text is not None else ""))


def load_config(root: Path) -> dict:
    """kb's settings: the options of the ``kb`` plugin in mkdocs.yml."""
    cfg = _yaml_load(root / "mkdocs.yml")
    if not isinstance(cfg, dict):
        raise KbError("mkdocs.yml 的顶层应为“键: 值”映射", str(root / "mkdocs.yml"))
    plugins = cfg.get("plugins") or []
    for i, p in enumerate(plugins if isinstance(plugins, list) else []):
        if isinstance(p, dict) and "kb" in p:
            options = p["kb"] or {}
            where = ("plugins", i, "kb")
            if not isinstance(options, dict):
                raise KbError(f"{key_name(where)}：kb 插件的设置应为“键: 值”映射", str(root / "mkdocs.yml"),
                              key_line(root / "mkdocs.yml", where))
            for key, (types, what) in _CONFIG_TYPES.items():
                if options.get(key) is not None and not isinstance(options[key], types):
                    raise KbError(f"{key_name(where + (key,))}：应为{what}，而不是 {options[key]!r}",
                                  str(root / "mkdocs.yml"), key_line(root / "mkdocs.yml", where + (key,)))
            return options
    return {}


#: the kb plugin's settings that kb reads outside ``kb build`` too (mkdocs checks them all when it
#: builds: kb.site.plugin.KbConfig), and what each must be
_CONFIG_TYPES = {"default_regulation": (str, "一部法规的名称（regulation/ 下的目录名）"),
                 "catalog_engine": (str, "检索引擎名（fts5 或 whoosh）"),
                 "comment_email": (str, "电子邮件地址"),
                 "templates": (str, "目录名"),
                 "collections": (list, "专题的列表"),
                 "regulations": (list, "法规名的列表"),
                 "check": (dict, "kb check 的设置（键: 值）"),
                 "downloads": (bool, "true 或 false"),
                 "pdf": (bool, "true 或 false")}


def confined_name(name: str, what: str, where: str | None = None) -> str:
    """A regulation's id or a version's name as read from the project (kb add's names are
    stricter: check_name): it becomes a folder and a part of the site's
    addresses, so it may not climb out of its folder (../x), name a hidden one (.x) or hold a
    separator or a control character."""
    if not name or name in (".", "..") or name.startswith(".") or any(c in name for c in URL_UNSAFE) \
            or any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in name):
        raise KbError(f"{what}“{name}”不可用：不能为空、不能以 . 开头，不能含有控制字符或 "
                      f"{' '.join(URL_UNSAFE)}（它用作文件夹名和网址：javascript:… 这样的名字会成为可点击的脚本链接）",
                      where)
    return name


#: characters a regulation's or version's folder name may not hold: separators, a scheme's colon,
#: and what HTML or a URL reads as markup, a query, a fragment or an escape
URL_UNSAFE = "/\\:<>\"'`#?%&"


def source_in(folder: Path, file, meta_path: Path, key: str = "file") -> str:
    """A version's ``file:`` (or ``amended_by:``, its amending decision): a file in the regulation's
    own folder (a corpus elsewhere is given to kb build on the command line or in mkdocs.yml, never
    through meta.yml)."""
    if not isinstance(file, str) or not file:
        raise KbError(f"版本的 {key} 应为文件名，而不是“{file}”", str(meta_path))
    path = folder / file
    if os.path.isabs(file) or ".." in Path(file).parts:
        raise KbError(f"{key}“{file}”不在本法规的文件夹中：文件须放在 {folder} 之下", str(meta_path))
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):       # a symbolic link loop: reading it will say so
        inside = True
    if not inside:
        raise KbError(f"{key}“{file}”经符号链接指向本法规文件夹之外（{path.resolve()}）：文件须放在 {folder} 之下",
                      str(meta_path))
    return file


def load_regulation(root: Path, reg_id: str) -> RegulationMeta:
    confined_name(reg_id, "法规名", str(root / "regulation"))
    folder = root / "regulation" / reg_id
    meta_path = folder / "meta.yml"
    if not meta_path.is_file():
        known = "、".join(r.id for r in list_regulations(root)) or "无"
        raise KbError(f"没有法规“{reg_id}”（已有：{known}）", str(root / "regulation"))
    raw = _yaml_load(meta_path)
    if not isinstance(raw, dict):
        raise KbError("meta.yml 的顶层应为“键: 值”映射", str(meta_path))
    adopted, dates = _check_meta(raw, meta_path)
    versions = []
    for v, date in zip(raw.get("versions") or [], dates):
        source_in(folder, v["file"], meta_path)
        if v.get("amended_by") is not None:
            source_in(folder, v["amended_by"], meta_path, "amended_by")
        versions.append(VersionMeta(name=str(v["name"]), file=v["file"], label=str(v.get("label") or v["name"]),
                                    status=v.get("status"), date=date, comment=v.get("comment") or {}, raw=v))
    return RegulationMeta(id=reg_id, folder=folder, title=raw["title"], short_title=raw.get("short_title"),
                          jurisdiction=raw.get("jurisdiction"), issuing_body=raw.get("issuing_body"),
                          versions=versions, raw=raw, level=raw.get("level"), validity=raw.get("validity"),
                          adopted=adopted, source=raw.get("source") if isinstance(raw.get("source"), dict) else {})


#: meta.yml's keys that hold text (a number YAML reads, 123, is not taken for one)
_TEXT_KEYS = ("title", "short_title", "jurisdiction", "issuing_body", "level", "validity", "part")
_VERSION_TEXT_KEYS = ("label", "status")


def _check_meta(raw: dict, meta_path: Path) -> tuple[str | None, list[str | None]]:
    """Every value kb reads from a meta.yml is of the kind it reads: text where text is meant, a real
    date, a list of versions each with a name and a file.  A wrong one is a KbError naming the file,
    the line and the key (title: [..] or date: 2025-13-01 used to end in a Python traceback).  Returns the dates as
    read (YYYY-MM-DD: :func:`iso_date`), the adoption's and each version's (None where none is written)."""
    def bad(keys, message):
        return KbError(f"{key_name(keys)}：{message}", str(meta_path), key_line(meta_path, keys))

    def kind(value) -> str:
        return {list: "列表", dict: "映射", bool: "真假值", int: "数字", float: "数字"}.get(type(value), type(value).__name__)

    if not raw.get("title"):
        raise bad(("title",), "元数据缺少 title（法规标题）")
    for key in _TEXT_KEYS:
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise bad((key,), f"应为文本，而不是{kind(raw[key])}（{raw[key]!r}）")
    level, validity = raw.get("level"), raw.get("validity")
    if level is not None and level not in LEVEL_RANK:
        raise bad(("level",), f"未知的效力级别“{level}”（可用：{'、'.join(LEVELS)}）")
    if validity is not None and validity not in VALIDITIES:
        raise bad(("validity",), f"未知的效力状态“{validity}”（可用：{'、'.join(VALIDITIES)}）")
    adopted = None
    if raw.get("adopted"):
        try:
            adopted = iso_date(raw["adopted"])
        except ValueError as e:
            raise bad(("adopted",), f"“{raw['adopted']}”不是有效的日期（{e}）") from None
    listed = raw.get("versions") or []
    if not isinstance(listed, list) or not all(isinstance(v, dict) for v in listed):
        raise bad(("versions",), "应为版本的列表（每项含 name、file 等）")
    dates: list[str | None] = []
    for i, v in enumerate(listed):
        if not v.get("name") or not v.get("file"):
            raise bad(("versions", i), "每个版本都需要 name 和 file")
        if isinstance(v["name"], (list, dict, bool)):
            raise bad(("versions", i, "name"), f"版本名应为文本，而不是{kind(v['name'])}")
        confined_name(str(v["name"]), "版本名", str(meta_path))
        for key in _VERSION_TEXT_KEYS:
            if v.get(key) is not None and not isinstance(v[key], str):
                raise bad(("versions", i, key), f"应为文本，而不是{kind(v[key])}（{v[key]!r}）")
        if v.get("comment") is not None and not isinstance(v["comment"], dict):
            raise bad(("versions", i, "comment"), f"应为映射（period、channel、email 等），而不是{kind(v['comment'])}")
        dates.append(None)
        if v.get("date"):
            try:
                dates[-1] = iso_date(v["date"])
            except ValueError as e:
                raise bad(("versions", i, "date"), f"“{v['date']}”不是有效的日期（{e}）") from None
        if v.get("effective") and _ISO.fullmatch(str(v["effective"])):
            # 施行日期: a date, or as a decision writes it (2024年7月1日, 公布之日)
            try:
                iso_date(v["effective"])
            except ValueError as e:
                raise bad(("versions", i, "effective"), f"“{v['effective']}”不是有效的日期（{e}）") from None
    return adopted, dates


def list_regulations(root: Path) -> list[RegulationMeta]:
    base = root / "regulation"
    if not base.is_dir():
        return []
    return [load_regulation(root, d.name) for d in sorted(base.iterdir()) if (d / "meta.yml").is_file()]


def shared_titles(pairs) -> set:
    """The titles (or any key) that two or more regulations share, of (regulation id, title) pairs: where such
    regulations are listed together each is named with its id too (kb add FILE -r brk of a copy of the seed)."""
    ids: dict = {}
    for reg_id, title in pairs:
        ids.setdefault(title, set()).add(reg_id)
    return {t for t, s in ids.items() if len(s) > 1}


def laws(regs) -> dict[str, tuple]:
    """Regulation id -> the law it is, of the RegulationMeta ``regs``: the excerpts of one law — 民法典's 物权编 and 合同编,
    two folders of regulation/ whose meta.yml names the ``part`` each holds — are one law (its title), with the whole text
    when the knowledge base has it too (kb.library.kinds: neither is the other's 上位法 or 同类立法); any other regulation
    is its own.  What counts regulations counts these (:func:`count_laws`): the excerpts stay apart as content (pages,
    search, related provisions), but the knowledge base does not hold one regulation more for each."""
    regs = list(regs)
    excerpted = {r.title for r in regs if (r.raw or {}).get("part")}
    return {r.id: ("law", r.title) if r.title in excerpted else ("regulation", r.id) for r in regs}


def count_laws(regs) -> int:
    """How many regulations the RegulationMeta ``regs`` are, the excerpts of one law counted once (:func:`laws`)."""
    return len(set(laws(regs).values()))


def default_regulation(root: Path) -> str:
    cfg = load_config(root)
    if cfg.get("default_regulation"):
        return cfg["default_regulation"]
    regs = list_regulations(root)
    if not regs:
        raise KbError("regulation/ 下没有任何法规", str(root / "regulation"))
    return regs[0].id


def split_spec(spec: str) -> tuple[str, str | None]:
    reg, _, ver = spec.partition("@")
    return reg, (ver or None)


def regulation_option(regulation: str | None, version: str | None) -> tuple[str | None, str | None]:
    """``-r 法规@版本`` as ``-r 法规 -v 版本`` (the README's shorthand, wherever -r is accepted); a
    version written both ways must be the same one."""
    if not regulation or "@" not in regulation:
        return regulation, version
    reg, ver = split_spec(regulation)
    if not reg:
        raise KbError(f"-r “{regulation}”没有法规名：写 -r 法规@版本，或 -r 法规 -v 版本")
    if ver and version and ver != version:
        raise KbError(f"-r {regulation} 与 -v {version} 指定了不同的版本：只写一处（-r {reg}@{ver}，或 -r {reg} -v {version}）")
    return reg, ver or version


@dataclass
class Target:
    """What a command works on: a known version, or a bare file."""
    path: Path
    regulation: RegulationMeta | None = None
    version: VersionMeta | None = None

    @property
    def spec(self) -> str:
        if self.regulation and self.version:
            return f"{self.regulation.id}@{self.version.name}"
        return str(self.path)

    def meta(self) -> dict:
        return self.regulation.doc_meta(self.version) if self.regulation else {}


def looks_like_path(source: str) -> bool:
    """A file path rather than a regulation name: has a folder separator or an extension."""
    return os.sep in source or "/" in source or "." in os.path.basename(source)


def resolve(root: Path | None, source: str | None = None, regulation: str | None = None,
            version: str | None = None) -> Target:
    """A file path, a ``reg@ver`` spec, or --regulation/--version (defaults from configuration;
    --regulation may be written reg@ver too)."""
    regulation, version = regulation_option(regulation, version)
    if source and "@" not in source and (os.path.exists(source) or looks_like_path(source)):
        path = Path(source)
        if root is not None:
            # a file inside regulation/ is known to the project: use its metadata
            for reg in list_regulations(root):
                for v in reg.versions:
                    if path.exists() and reg.path(v).resolve() == path.resolve():
                        return Target(path, reg, v)
        return Target(path)
    if source:
        regulation, v2 = split_spec(source)
        version = v2 or version
    if root is None:
        raise KbError("找不到项目根目录（从当前目录向上没有 mkdocs.yml）；请在项目内运行或使用 --root")
    reg = load_regulation(root, regulation or default_regulation(root))
    v = reg.version(version)
    return Target(reg.path(v), reg, v)


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` all or nothing, making its folder when missing (kb.files)."""
    from kb.files import write_atomic as write

    write(path, data, make_dirs=True)


def add_version(root: Path, reg_id: str, name: str, text: str | bytes, suffix: str = ".txt",
                fields: dict | None = None, files: dict[str, str] | None = None) -> VersionMeta:
    """Add version ``name`` to regulation ``reg_id``: its text (``bytes`` are written as they are)
    written as ``<name><suffix>`` beside meta.yml, ``files`` (relative path -> text) written too,
    then the version appended to meta.yml (its comments kept).  Each file is written atomically and
    meta.yml last, so a failure leaves the regulation as it was: files already written are removed
    again.  ``kb add`` (:func:`add_file`) and ``kb amend --register`` both come through here."""
    reg = load_regulation(root, reg_id)
    if any(v.name == name for v in reg.versions):
        raise KbError(f"法规“{reg_id}”已有版本“{name}”", str(reg.folder / "meta.yml"))
    if not name or "/" in name or name.startswith("."):
        raise KbError(f"版本名“{name}”不能用作文件名")
    wanted = {f"{name}{suffix}": text, **(files or {})}
    for rel in wanted:
        if (reg.folder / rel).exists():
            raise KbError(f"文件已存在：{rel}", str(reg.folder))
    entry = {"name": name, "file": f"{name}{suffix}", **(fields or {})}
    meta_path = reg.folder / "meta.yml"
    # versions stand in time order, the last the default (META_HEADER): a dated version goes before the first one dated
    # later — kb add of the corpus's 立法法(2015-03-15).md to a 立法法 holding 2023-03-13 appended it, and kb show, search,
    # the site and the repetition check took the 2015 text for the law as it stands (code review 16)
    later = next((v.name for v in reg.versions if entry.get("date") and v.date and str(v.date) > str(entry["date"])),
                 None)
    new_meta = _append_version(meta_path.read_text(encoding="utf-8"), entry, before=later)
    import yaml

    _check_meta(yaml.safe_load(new_meta), meta_path)    # (a decision's 2月30日) never written to be refused later
    written = []
    try:
        for rel, content in wanted.items():
            write_atomic(reg.folder / rel, content if isinstance(content, bytes) else content.encode("utf-8"))
            written.append(reg.folder / rel)
        write_atomic(meta_path, new_meta.encode("utf-8"))
    except BaseException:
        for p in written:
            p.unlink(missing_ok=True)
        raise
    return load_regulation(root, reg_id).version(name)


def _append_version(meta: str, entry: dict, before: str | None = None) -> str:
    """meta.yml with ``entry`` appended to its versions (or put right before version ``before``), written as the
    existing entries are."""
    import yaml

    raw = yaml.safe_load(meta) or {}
    lines = meta.rstrip("\n").split("\n")
    item = re.compile(r"^(\s*)-\s+name:")
    indent = next((m.group(1) for m in map(item.match, lines) if m), "  ")
    body = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, default_flow_style=False)
    block = "\n".join(indent + l for l in body.rstrip("\n").split("\n"))
    names = [str(v.get("name")) for v in raw.get("versions") or [] if isinstance(v, dict)]
    at = names.index(before) if before in names else len(names)
    # the versions list is the file's last block: append there (or insert before the item of version ``before``);
    # otherwise write the file anew
    last_key = [l for l in lines if re.match(r"^[A-Za-z_]", l)]
    starts = [i for i, l in enumerate(lines) if (m := item.match(l)) and m.group(1) == indent]
    if raw.get("versions") and last_key and last_key[-1].startswith("versions:") and len(starts) == len(names):
        if at == len(names):
            out = meta.rstrip("\n") + "\n" + block + "\n"
        else:
            out = "\n".join(lines[:starts[at]] + [block] + lines[starts[at]:]) + "\n"
    else:
        raw["versions"] = list(raw.get("versions") or [])
        raw["versions"].insert(at, entry)
        out = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)
    check = yaml.safe_load(out)
    if not check.get("versions") or [str(v.get("name")) for v in check["versions"]] != \
            names[:at] + [str(entry["name"])] + names[at:]:
        raise KbError("无法更新 meta.yml（版本列表格式无法识别）")
    return out


def load(target: Target, strict: bool = False):
    from kb.text.parse import parse_file

    return parse_file(str(target.path), meta=target.meta(), strict=strict)


# --------------------------------------------------------------------------- adding a version

#: what a regulation or version name may not contain: it becomes a folder or a file name and
#: appears in reg@version specs and in URLs
_BAD_NAME = ("/", "\\", "@", "#", "?", "%", "\x00", ":", "*", '"', "<", ">", "|")


def check_name(name: str, what: str) -> str:
    """A regulation or version name that is safe as a file name and in a reg@version spec."""
    name = (name or "").strip()
    if not name or name.startswith(".") or any(c in name for c in _BAD_NAME) or len(name) > 120 \
            or any(c.isspace() for c in name):
        raise KbError(f"{what}“{name}”不可用：不能为空、不能以 . 开头、不能含空白或 / \\ @ # ? % : * \" < > |，"
                      "最长 120 个字符")
    return name


@dataclass
class Added:
    """What :func:`add_version` did."""
    regulation: str
    version: str
    path: Path                  # the copy in regulation/<reg>/
    created: bool = False       # the regulation was new (its meta.yml was written)
    unchanged: bool = False     # the same text was already there under that version: nothing written
    #: what reading and parsing the file found, as Issues: a .docx's unaccepted tracked changes (which text was
    #: read) first, then what kb parse warns of (条号不连续, 条号重复 …)
    warnings: list = field(default_factory=list)


def add_file(root: Path, file: str | os.PathLike, regulation: str, version: str, label: str | None = None,
             status: str | None = None, date: str | None = None, meta: dict | None = None,
             effective: str | None = None) -> Added:
    """Add ``file`` as version ``version`` of ``regulation`` (``kb add``), the regulation and its
    meta.yml created when new; ``effective``: the version's 施行 date when its metadata states one
    (kb.amend.effective).

    The text is copied byte for byte; it must read and parse (bad input raises KbError naming the
    file and nothing is written).  ``meta`` gives the regulation's metadata when it is new (title,
    level, jurisdiction …; the title defaults to the one the text states) and updates it when it
    exists.  Adding the same text under the same version again changes nothing; a different text
    under an existing version name is refused.  A new regulation's folder appears whole (written
    aside, then renamed); a version is added to an existing one by :func:`add_version`.
    """
    from kb.text.parse import parse_source
    from kb.text.sources import read_source

    root = Path(root)
    regulation = check_name(regulation, "法规名")
    version = check_name(version, "版本名")
    if date:
        date = date_argument(date, "--date")
    src = Path(file)
    source = read_source(str(src))
    _refuse_amendment(source)
    doc = parse_source(source)          # bad input (empty, binary, no articles …) stops here
    data = src.read_bytes()
    status, label, draft = _draft_from_text(doc, status, label)
    ext = src.suffix.lower() if src.suffix.lower() in (".txt", ".md", ".markdown", ".docx") else ".txt"
    folder = root / "regulation" / regulation
    meta_path = folder / "meta.yml"
    # no label of its own (no --label, no draft status the text states): none written, not the version's name --
    # a reader names such a version by its status, date or name (VersionMeta)
    fields = {**({"label": label} if label else {}), **({"status": status} if status else {}),
              **({"date": str(date)} if date else {}), **({"effective": str(effective)} if effective else {})}
    if not meta_path.is_file():
        raw = {"title": _new_title(meta, doc, src)}
        raw.update({k: v for k, v in (meta or {}).items() if v is not None and k != "title"})
        if draft:
            raw.setdefault("validity", "草案")      # as kb add DIR records a draft
        raw["versions"] = [{"name": version, **({"label": fields.pop("label")} if "label" in fields else {}),
                            "file": version + ext, **fields}]
        _check_meta(raw, meta_path)
        _create_regulation(folder, raw, version + ext, data)
        return Added(regulation, version, folder / (version + ext), created=True, warnings=doc.warnings)
    reg = load_regulation(root, regulation)
    for v in reg.versions:
        if v.name == version:
            old = reg.path(v)
            if old.is_file() and old.read_bytes() == data:
                return Added(regulation, version, old, unchanged=True, warnings=doc.warnings)
            raise KbError(f"法规“{regulation}”已有版本“{version}”，内容与此文件不同；请换一个版本名", str(src))
    changes = {k: v for k, v in (meta or {}).items() if v is not None and k != "title" and reg.raw.get(k) != v}
    _check_meta({**reg.raw, **changes}, meta_path)     # the metadata as it will be written, checked as it will be read
    v = add_version(root, regulation, version, data, ext, fields)
    if changes:                         # what a newer version changes (validity, source files …)
        raw = dict(load_regulation(root, regulation).raw)
        raw.update(changes)
        first = meta_path.read_text(encoding="utf-8").split("\n", 1)[0]
        write_atomic(meta_path, ((first + "\n") if first.startswith("#") else "").encode("utf-8")
                     + _dump(raw).encode("utf-8"))
    return Added(regulation, version, reg.folder / v.file, warnings=doc.warnings)


def _new_title(meta: dict | None, doc, src: Path) -> str:
    """A new regulation's title: the caller's --title, else the one the text states.  A text stating none is
    refused rather than published under its folder's name (《my-law》)."""
    title = (meta or {}).get("title") or doc.title
    if not title:
        raise KbError("文本开头没有标题（法规名称）：新建法规需要标题，请在第一行写上标题，或用 --title 给出"
                      "（如 --title 某市某某条例）", str(src))
    return title


def _refuse_amendment(source) -> None:
    """A 修正案 or 修改决定 is no regulation: its articles (宪法修正案's 第四十条 宪法第二十七条增加一款……) are instructions
    to change another law, which as a regulation of their own would be published as law in force, their quotations
    read as duties.  kb.text.amendment reads them (kb parse shows the instructions, kb amend applies them)."""
    from kb.text.amendment import looks_like_amendment, parse_amendment

    if not looks_like_amendment(source):
        return
    try:
        am = parse_amendment(source)
        law, kind = am.law, am.kind_zh
    except KbError:
        law, kind = None, "修正案或修改决定"
    of = f"对《{law}》的" if law else ""
    raise KbError(f"这是{of}{kind}：各条是修改指令，不是独立的法律规范，不作为法规导入（否则修改指令会被当作"
                  "现行规定和义务）；用 kb parse 查看其修改指令，用 kb amend 把它应用于知识库中的法规", source.path)


def _draft_from_text(doc, status: str | None, label: str | None) -> tuple[str | None, str | None, bool]:
    """What a draft says of itself when the caller does not (kb add FILE as kb add DIR reads it): the status its
    title block states (某市居民委员会工作条例（草案）, a （征求意见稿） line: kb.text.preamble's one list of draft
    words) and the version's label (草案, not the version's name ``draft``).  Returns (status, label, whether the
    version is a draft: a new regulation's validity is then 草案)."""
    from kb.text.preamble import is_draft_status, split_status

    stated = doc.status if is_draft_status(doc.status) else split_status(doc.title or "")[1]
    if status is None and stated:
        status = stated
    if not is_draft_status(status):
        return status, label, False
    return status, label or status, True


META_HEADER = ("# {title}：元数据（kb add 写入）。版本按时间先后排列，最后一个是默认的最新版本。\n")


def _create_regulation(folder: Path, raw: dict, name: str, data: bytes) -> None:
    """A new regulation folder appears whole: written aside, then renamed into place."""
    import shutil

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.parent / f".tmp-{folder.name}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        tmp.mkdir()
        (tmp / name).write_bytes(data)
        (tmp / "meta.yml").write_text(META_HEADER.format(title=raw["title"]) + _dump(raw), encoding="utf-8")
        os.rename(tmp, folder)
    except FileExistsError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise KbError("另一个进程同时创建了这部法规；请重试", str(folder)) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _dump(raw: dict) -> str:
    import yaml

    return yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
