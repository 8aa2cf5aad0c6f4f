"""The records the cross-link layer hands to other stages, and their JSON form.

Kept apart from the finders so that the site, the search catalog and the exports depend on the
shape of a definition, a term use or a reference, not on how they are found.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.layers.cache import record


@record
@dataclass
class Definition:
    term: str
    eid: str                       # defining node
    article: int | str | None
    paragraph: int | None
    item: int | None
    definition: str                # the defining text (after 是指/指)
    scope: str | None              # eid the definition is confined to; None = whole regulation
    start: int                     # the term's offsets in the defining node's text
    end: int
    line: int
    body_end: int = 0              # end of the definition text in the node's text

    def to_dict(self) -> dict:
        return {"term": self.term, "article": self.article, "paragraph": self.paragraph,
                "definition": self.definition, "scope": self.scope, "eid": self.eid,
                "item": self.item, "line": self.line}


@record
@dataclass
class TermUse:
    term: str
    eid: str
    start: int
    end: int
    defined_in: str = ""           # eid of the definition that applies

    def to_dict(self) -> dict:
        return {"term": self.term, "eid": self.eid, "start": self.start, "end": self.end}


@record
@dataclass
class Reference:
    eid: str                       # referring node
    article: int | str | None
    paragraph: int | None
    item: int | None
    text: str                      # as written (本条例第十五条, 前款, 《……》第五条)
    start: int                     # offsets in the referring node's text
    end: int
    kind: str                      # internal | external | self
    targets: list[str] = field(default_factory=list)   # eids (internal) or the law's full title
    target: str | None = None      # the single target, or the external law's full title
    line: int | None = None
    warning: str | None = None     # why an internal reference points nowhere
    pinpoint: str | None = None    # 第五条 in 《……》第五条 (external)
    link: str | None = None        # the law in the knowledge base (reg id or corpus file)
    link_eid: str | None = None    # the cited provision in that law (art_278, art_5__para_2), when pinpointed
    #: a law the knowledge base holds only in parts, none of which is the part cited (民法典 as a whole,
    #: 民法典第一百零一条): those parts' regulation ids; the reference has no link
    parts: list[str] = field(default_factory=list)
    #: the law is in the knowledge base but the provision cited is not (第九十九条 of a law of 23 articles):
    #: why; set by kb.layers.links.provisions each time the references are read, never cached
    missing: str | None = None

    @property
    def resolved(self) -> bool:
        """Whether the reference lands somewhere: an internal one on its targets, an external one not on a
        provision missing from the law the knowledge base holds (a law not held at all is no fault of the text)."""
        return bool(self.targets) if self.kind == "internal" else not self.missing

    @property
    def status(self) -> str | None:
        """Of an external reference: linked (the law, and the provision cited, are in the knowledge base),
        provision-missing (the law is, the provision cited is not), other-parts (only other parts of the law
        are) or not-in-kb; None for the others."""
        if self.kind != "external":
            return None
        if self.link:
            return "provision-missing" if self.missing else "linked"
        return "other-parts" if self.parts else "not-in-kb"

    def to_dict(self) -> dict:
        d = {"article": self.article, "paragraph": self.paragraph, "item": self.item, "text": self.text,
             "kind": self.kind,
             "targets": [dotted(t) for t in self.targets] if self.kind == "internal" else list(self.targets),
             "target": (dotted(self.target) if self.kind == "internal" and self.target else self.target),
             "eid": self.eid, "start": self.start, "end": self.end, "line": self.line}
        if self.kind == "internal":
            d["target_eids"] = list(self.targets)
        if self.warning:
            d["warning"] = self.warning
        if self.pinpoint:
            d["pinpoint"] = self.pinpoint
        if self.link:
            d["link"] = self.link
        if self.link_eid and not self.missing:
            d["link_eid"] = self.link_eid
        if self.kind == "external":
            d["in_kb"] = bool(self.link)       # a law the knowledge base does not hold says so
            if self.parts:                     # … or holds only other parts of
                d["in_kb_parts"] = list(self.parts)
            d["status"] = self.status
            if self.missing:                   # … or holds, without the provision cited
                d["missing"] = self.missing
        return d


def dotted(eid: str) -> str:
    """art_15 -> "15", art_15__para_2 -> "15.2", art_15__para_1__point_3 -> "15.1.3";
    anything that is not under an article (chp_3, part_1__chp_2) is returned as it is."""
    if not eid.startswith("art_"):
        return eid
    parts = eid.split("__")
    out = [parts[0][4:]]
    for p in parts[1:]:
        out.append(p.split("_", 1)[1])
    return ".".join(out)
