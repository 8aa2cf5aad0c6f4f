"""Compare two versions: the :class:`Comparison` every renderer and the site read.

``compare(old_doc, new_doc) -> Comparison`` (the agreed layer API) ties the stages of a
comparison together: articles aligned by content (:mod:`kb.compare.align`), each pair's
character-level changes (:mod:`kb.compare.ops`), references left pointing at old numbers
(:mod:`kb.compare.references`), and the summary counts.  The result is plain data; renderers
are in :mod:`kb.compare.render`, the obligation comparison in :mod:`kb.compare.obligations`.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kb.compare.align import Alignment, Link, align
from kb.compare.ops import EQ, cleanup, ratio, raw_ops
from kb.compare.references import stale_references
from kb.text.model import Document, Node


@dataclass
class Pair:
    old: Node | None
    new: Node | None
    status: str
    renumbered: bool
    moved: bool
    similarity: float
    ops: list[tuple[str, str]]
    old_text: str = ""
    new_text: str = ""
    moved_from: str | None = None      # moved: the old article's chapter (第五章; 第二编第三章)

    @property
    def old_label(self) -> str | None:
        return self.old.label if self.old is not None else None

    @property
    def new_label(self) -> str | None:
        return self.new.label if self.new is not None else None

    def to_dict(self) -> dict:
        return {"old": self.old_label, "new": self.new_label, "status": self.status,
                "renumbered": self.renumbered, "moved": self.moved, "moved_from": self.moved_from,
                "similarity": self.similarity,
                "old_eid": self.old.eid if self.old is not None else None,
                "new_eid": self.new.eid if self.new is not None else None,
                "ops": [{"op": k, "text": t} for k, t in self.ops]}


@dataclass
class Comparison:
    old_doc: Document
    new_doc: Document
    alignment: Alignment
    pairs: list[Pair]
    summary: dict
    references: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"old": doc_info(self.old_doc), "new": doc_info(self.new_doc),
                "pairs": [p.to_dict() for p in self.pairs], "summary": self.summary,
                "headings": [{"kind": h.kind, "old": _hlabel(h.old), "new": _hlabel(h.new), "status": h.status}
                             for h in self.alignment.headings]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def changed(self) -> list[Pair]:
        return [p for p in self.pairs if p.status != "unchanged" or p.renumbered or p.moved]


def _hlabel(n: Node | None) -> str | None:
    if n is None:
        return None
    return f"{n.label} {n.title}".strip() if n.title else n.label


def doc_info(doc: Document) -> dict:
    m = doc.meta or {}
    return {"title": doc.title, "source": doc.source, "regulation": m.get("regulation"),
            "version": m.get("version"), "label": m.get("version_label") or version_label(doc),
            "status": doc.status, "date": m.get("date") or _date_from_name(doc.source),
            "articles": len(doc.articles), "chapters": len(doc.chapters),
            # what is wrong with its numbering (kb parse's warnings): a misnumbered text's rows say so
            "warnings": [{"line": w.line, "message": w.message, "code": w.code}
                         for w in doc.warnings if w.code.endswith("-number")]}


def _date_from_name(path: str) -> str | None:
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)", path or "")
    return m.group(1) if m else None


def version_label(doc: Document, file_name: bool = True) -> str | None:
    """The version's label (meta.yml), else the date in the file name, else the file name
    (``file_name=False``: None)."""
    m = doc.meta or {}
    if m.get("version_label"):
        return str(m["version_label"])
    d = _date_from_name(doc.source)
    if d:
        return d
    if not file_name:
        return None
    return os.path.basename(doc.source or "") or "?"


def compare(old_doc: Document, new_doc: Document, correspond: list | None = None) -> Comparison:
    """Compare two texts; ``correspond``: for two different regulations, the pairs of corresponding articles a
    scorer found (kb.library.peers; see kb.compare.align.align)."""
    al = align(old_doc, new_doc, correspond)
    pairs = [_pair(al, l) for l in al.links]
    cmp = Comparison(old_doc, new_doc, al, pairs, {})
    cmp.references = stale_references(old_doc, new_doc, pairs)
    cmp.summary = _summary(cmp)
    return cmp


def _pair(al: Alignment, l: Link) -> Pair:
    """One link of the alignment with its texts, its character-level ops and their similarity."""
    o = al.old[l.old] if l.old is not None else None
    n = al.new[l.new] if l.new is not None else None
    ot, nt = (o.text if o else ""), (n.text if n else "")
    if l.status == "unchanged":
        raw = ops = [(EQ, nt)] if nt else []
    else:
        raw = raw_ops(ot, nt)
        ops = cleanup(raw)
    sim = ratio(raw) if o and n else 0.0
    if l.status in ("split", "merged") and ot and nt:
        # the part's share found in the whole (a third of a split article matches it well)
        eq = sum(len(t) for k, t in raw if k == EQ)
        sim = round(min(1.0, eq / min(len(ot), len(nt))), 3)
    if l.status == "unchanged":
        sim = 1.0
    return Pair(o.node if o else None, n.node if n else None, l.status, l.renumbered, l.moved,
                sim, ops, ot, nt, moved_from=_chapter_label(o.node) if l.moved and o else None)


def _chapter_label(article: Node) -> str | None:
    """The chapter an article sits in, as a reader names it: 第五章, 第二编第三章."""
    chain = []
    p = article.parent
    while p is not None and p.kind != "document":
        if p.kind in ("part", "subpart", "chapter") and p.label:
            chain.append(p.label)
        p = p.parent
    return "".join(reversed(chain)) or None


_TITLE_NOISE = re.compile(r"[（(][^）)]*[）)]|中华人民共和国|[\s　]")


def same_regulation(old_doc: Document, new_doc: Document) -> bool:
    """Two versions of one regulation (True) or two different regulations (False)?

    The ``regulation`` key of both versions' metadata decides when known; otherwise the
    titles, read without bracketed notes such as （草案） or （2023年修订）.
    """
    mo, mn = old_doc.meta or {}, new_doc.meta or {}
    if mo.get("regulation") and mn.get("regulation"):
        return mo["regulation"] == mn["regulation"]
    to, tn = (_TITLE_NOISE.sub("", d.title or "") for d in (old_doc, new_doc))
    return not to or not tn or to in tn or tn in to


def _summary(cmp: Comparison) -> dict:
    pairs = cmp.pairs
    counts = Counter()
    split_old = {p.old.eid for p in pairs if p.status == "split"}
    merged_new = {p.new.eid for p in pairs if p.status == "merged"}
    for p in pairs:
        if p.status in ("unchanged", "modified", "added", "deleted"):
            counts[p.status] += 1
    counts["split"] = len(split_old)
    counts["merged"] = len(merged_new)
    renum = [{"old": p.old_label, "new": p.new_label, "old_eid": p.old.eid, "new_eid": p.new.eid}
             for p in pairs if p.old is not None and p.new is not None and p.renumbered]
    heads = Counter(h.status for h in cmp.alignment.headings)
    paired = [p for p in pairs if p.old is not None and p.new is not None]
    return {
        "old_articles": len(cmp.old_doc.articles), "new_articles": len(cmp.new_doc.articles),
        "unchanged": counts["unchanged"], "modified": counts["modified"], "added": counts["added"],
        "deleted": counts["deleted"], "split": counts["split"], "merged": counts["merged"],
        "renumbered": len({(r["old"], r["new"]) for r in renum}),
        "moved": sum(1 for p in paired if p.moved),
        "correspondence": bool(paired),
        "related": cmp.alignment.related,
        "same_regulation": same_regulation(cmp.old_doc, cmp.new_doc),
        "coverage": round((len({p.old.eid for p in paired}) + len({p.new.eid for p in paired}))
                          / max(1, len(cmp.old_doc.articles) + len(cmp.new_doc.articles)), 3),
        "mean_similarity": round(sum(p.similarity for p in paired) / len(paired), 3) if paired else 0.0,
        "renumberings": [{"old": r["old"], "new": r["new"]} for r in renum],
        "headings": dict(heads),
        "references": cmp.references,
        "front": front_changes(cmp.old_doc, cmp.new_doc),
    }


def front_changes(old_doc: Document, new_doc: Document) -> dict:
    """What changed above the articles: the title and the status line (草案征求意见稿 →
    草案修改稿), as {field: {"old": …, "new": …}} (empty when nothing did)."""
    out = {}
    for name in ("title", "status"):
        a, b = getattr(old_doc, name) or "", getattr(new_doc, name) or ""
        if a != b and (a or b):
            out[name] = {"old": a, "new": b}
    return out


def previous_numbers(old_doc: Document, new_doc: Document) -> dict[str, str]:
    """new article eid -> the label it had in the old text (only when it differs): 本条在上一稿中为第X条."""
    al = align(old_doc, new_doc)
    out: dict[str, list[str]] = defaultdict(list)
    for l in al.links:
        if l.old is not None and l.new is not None:
            o, n = al.old[l.old], al.new[l.new]
            if o.label != n.label or l.status in ("merged",):
                out[n.eid].append(o.label)
    return {k: "、".join(v) for k, v in out.items()}
