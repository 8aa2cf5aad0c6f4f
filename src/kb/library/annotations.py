"""The hand annotations of related provisions and of repetition of upper law
(tests/data/related/README.md), read into the knowledge base's terms.

Annotations name a provision by corpus path and article label (``宪法相关法/城市居民委员会组织法
(2018-12-29).md#第三条``) — or, for a text that is not from the corpus (the seed), by the id of its
regulation in the project (``suining-community#第七条``) — and an annotated text by ``regulation:``
(a regulation of the project) or ``corpus:`` (a corpus path); corpus paths are mapped to regulations
through the ``source.files`` that ``kb add`` records in each imported regulation's meta.yml.
Labels may be written 第七条, 第7条 or 第十条之一.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import KbError
from kb.text.numerals import parse_numeral, to_chinese

NONE = "none"
SETS = ("tuning", "held-out")
KIND_KEYS = {"upper": "upper", "peer": "peer", "上位法": "upper", "同类立法": "peer"}
_LABEL = re.compile(r"^第(?P<n>[0-9０-９零〇一二三四五六七八九十百千两]+)条(?:之(?P<s>[0-9０-９一二三四五六七八九十]+))?$")


@dataclass
class Annotated:
    """One annotation file."""
    path: Path
    regulation: str                      # the regulation of the project it annotates
    set_name: str = "tuning"             # tuning | held-out
    articles: dict = field(default_factory=dict)   # art number -> {kind: set of (reg, label)} or NONE
    repeats: dict = field(default_factory=dict)    # art number -> set of (reg, label)
    checked: set = field(default_factory=set)      # article numbers judged not repetitions


def source_map(regulations) -> dict[str, str]:
    """Corpus path -> regulation id, from each regulation's meta.yml ``source.files``."""
    out = {}
    for r in regulations:
        for f in (r.source or {}).get("files") or []:
            out[str(f)] = r.id
    return out


def load_file(path: Path) -> dict:
    """The YAML of an annotation file ({} when empty).  What cannot be read as one — not UTF-8, bad YAML, not a mapping
    of keys — is a KbError naming the file (and the line), as kb's readers of project files say it; it was a traceback
    with no file named (code review 15 item 2)."""
    from kb.text.sources import load_yaml

    path = Path(path)
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KbError("标注文件应为键值映射（corpus:、articles: ……），不是列表或单个值", str(path))
    return data


def read_annotations(path: Path, regulations) -> Annotated:
    path = Path(path)
    data = load_file(path)
    files = source_map(regulations)
    ids = {r.id for r in regulations}
    for key, kind, says in (("regulation", str, "法规编号"), ("corpus", str, "语料中的文件路径"),
                            ("articles", dict, "以条号为键的映射"), ("repeats", dict, "以条号为键的映射")):
        if data.get(key) is not None and not isinstance(data[key], kind):
            raise KbError(f"{key}：应为{says}", str(path))      # (a list here was a TypeError: code review 15 item 2)
    if data.get("regulation"):
        reg = data["regulation"]
    elif data.get("corpus") in files:
        reg = files[data["corpus"]]
    else:
        raise KbError(f"标注的文本不在知识库中：{data.get('regulation') or data.get('corpus')}", str(path))
    if reg not in ids:
        raise KbError(f"标注的法规“{reg}”不在知识库中", str(path))

    def provision(ref: str) -> tuple[str, str]:
        p, _, label = str(ref).partition("#")
        if p not in files and p not in ids:
            raise KbError(f"标注引用的文本不在知识库中：{p}", str(path))
        return files.get(p, p), canonical_label(label, path)

    out = Annotated(path, reg, set_of(data, path))
    def answers(art, kind: str, v):
        if v == NONE:
            return NONE
        if not v or not isinstance(v, list):
            raise KbError(f"第{art}条的 {kind}：应为条文列表或 none", str(path))
        return {provision(x) for x in v}

    for art, kinds in (data.get("articles") or {}).items():
        art = article_number(art, path)
        out.articles[art] = {}
        if kinds is not None and not isinstance(kinds, dict):
            raise KbError(f"第{art}条：应为 upper（上位法）、peer（同类立法）的映射", str(path))
        for k, v in (kinds or {}).items():
            kind = KIND_KEYS.get(k)
            if kind is None:
                raise KbError(f"第{art}条的类别“{k}”无效：应为 upper（上位法）或 peer（同类立法）", str(path))
            out.articles[art][kind] = answers(art, k, v)
    for art, refs in (data.get("repeats") or {}).items():
        if refs is not None and not isinstance(refs, list):
            raise KbError(f"repeats 的第{art}条：应为条文列表", str(path))
        out.repeats[article_number(art, path)] = {provision(x) for x in refs or []}
    out.checked = set(data.get("not_repeats_checked") or [])
    return out


def article_number(key, path: Path):
    """An annotated article's number: 7, "7", "第七条" -> 7; "10-1", "第十条之一" -> "10-1"."""
    if isinstance(key, int):
        return key
    key = str(key).strip()
    if re.fullmatch(r"\d+", key):
        return int(key)
    if re.fullmatch(r"\d+-\d+", key):
        return key
    label = canonical_label(key, path)
    m = _LABEL.match(label)
    n = parse_numeral(m["n"])
    return f"{n}-{parse_numeral(m['s'])}" if m["s"] else n


def set_of(data: dict, path: Path) -> str:
    """The file's set: ``set:`` when given (tuning or held-out), else held-out when the file's name
    says so (related-heldout-….yml), else tuning."""
    name = data.get("set")
    if name is None:
        return "held-out" if re.search(r"held-?out", path.name) else "tuning"
    if name not in SETS:
        raise KbError(f"标注的集合“{name}”无效：应为 tuning 或 held-out", str(path))
    return name


def canonical_label(label: str, path: Path) -> str:
    """第7条 / 第七条 / 第十条之一 -> the label kb gives the article (第七条, 第十条之一)."""
    m = _LABEL.match(label.strip())
    if not m:
        raise KbError(f"标注的条文“{label}”不是“第X条”的写法", str(path))
    n = parse_numeral(m["n"])
    return article_label(f"{n}-{parse_numeral(m['s'])}" if m["s"] else n)


def article_label(number) -> str:
    """7 -> 第七条 (the label an annotation's article number stands for)."""
    if isinstance(number, str) and "-" in number:
        a, b = number.split("-", 1)
        return f"第{to_chinese(int(a))}条之{to_chinese(int(b))}"
    return f"第{to_chinese(int(number))}条"


def eid_of(number) -> str:
    return f"art_{number}"
