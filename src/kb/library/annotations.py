"""The hand annotations of related provisions and of repetition of upper law
(tests/data/related/README.md), read into the knowledge base's terms.

Annotations name a provision by corpus path and article label (``宪法相关法/城市居民委员会组织法
(2018-12-29).md#第三条``) and an annotated text by ``regulation:`` (a regulation of the project)
or ``corpus:`` (a corpus path); both are mapped to regulations through the ``source.files`` that
``kb add`` records in each imported regulation's meta.yml.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import KbError
from kb.text.numerals import to_chinese

NONE = "none"


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


def read_annotations(path: Path, regulations) -> Annotated:
    import yaml

    path = Path(path)
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    files = source_map(regulations)
    ids = {r.id for r in regulations}
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
        if p not in files:
            raise KbError(f"标注引用的文本不在知识库中：{p}", str(path))
        return files[p], label

    out = Annotated(path, reg, data.get("set") or "tuning")
    for art, kinds in (data.get("articles") or {}).items():
        out.articles[art] = {k: (NONE if v == NONE else {provision(x) for x in v or []})
                             for k, v in (kinds or {}).items()}
    for art, refs in (data.get("repeats") or {}).items():
        out.repeats[art] = {provision(x) for x in refs or []}
    out.checked = set(data.get("not_repeats_checked") or [])
    return out


def article_label(number) -> str:
    """7 -> 第七条 (the label an annotation's article number stands for)."""
    if isinstance(number, str) and "-" in number:
        a, b = number.split("-", 1)
        return f"第{to_chinese(int(a))}条之{to_chinese(int(b))}"
    return f"第{to_chinese(int(number))}条"


def eid_of(number) -> str:
    return f"art_{number}"
