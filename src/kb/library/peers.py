"""Which articles of two different regulations correspond (``kb diff`` of another city's 同类条例): the
related-provision scorer of 同类立法 (kb.library.related), asked about the two texts only.

The version alignment (kb.compare.align) is built for two versions of one text: it pairs articles whose wording
was kept, and two cities' texts on one subject share far less (北京市志愿服务促进条例 and 重庆市志愿服务条例: 4 of
their articles paired, though kb related finds near copies of many more).  Here the two texts are a Library of
their own (every article a TF-IDF vector of character bigrams, candidates found by rare bigrams, ranked by the
relevance and cut at the threshold of the kind one regulation is to the other: 同类立法, or 上位法 / 下位法
between levels), and each article of the first is paired with its most relevant article of the second, best
pairs first, each article once.  Nothing of the scorer is changed or tuned here.
"""
from __future__ import annotations

from pathlib import Path

from kb.library.related import THRESHOLDS, Library, grounds


def _meta_of(doc, root, side: str):
    """(RegulationMeta, VersionMeta) of a compared text: its regulation in the knowledge base, else one made
    from the text's metadata (地方性法规 when it states no level, as kb check --upper reads a draft)."""
    from kb.project import RegulationMeta, VersionMeta, load_regulation

    meta = doc.meta or {}
    if root is not None and meta.get("regulation") and meta.get("version"):
        try:
            reg = load_regulation(Path(root), meta["regulation"])
            return reg, reg.version(meta["version"])
        except Exception:        # a broken meta.yml is reported by the commands that read it
            pass
    reg = RegulationMeta(f"~{side}", Path(doc.source).parent, doc.title or side,
                         jurisdiction=meta.get("jurisdiction"), level=meta.get("level") or "地方性法规")
    return reg, VersionMeta(side, Path(doc.source).name)


def correspondence(old_doc, new_doc, root=None) -> list[tuple[str, str, float]] | None:
    """(old article eid, new article eid, relevance) of every pair the related-provision scorer finds between the
    two texts, most relevant first; None when the scorer cannot say (one regulation is no upper law, lower law
    or peer of the other: an unknown level, or two parts of one law)."""
    ro, vo = _meta_of(old_doc, root, "old")
    rn, vn = _meta_of(new_doc, root, "new")
    if ro.id == rn.id:
        return None                     # two versions of one regulation: the version alignment's task
    versions = [(ro, vo, old_doc, True), (rn, vn, new_doc, True)]
    lib = Library(versions, grounds(root, versions) if root is not None else None)
    olds = [lib.get(ro.id, vo.name, a.eid) for a in old_doc.articles]
    news = [lib.get(rn.id, vn.name, a.eid) for a in new_doc.articles]
    if not olds or not news:
        return None
    kind = lib.kind(olds[0], news[0])
    if kind is None or kind not in THRESHOLDS:
        return None
    out = []
    for e in olds:
        for r in lib.related(e, kinds=(kind,), limit=len(news), candidates=len(news), marks=False):
            if r.entry.reg.id == rn.id:
                out.append((r.relevance, e.eid, r.entry.eid))
    out.sort(key=lambda x: -x[0])
    return [(o, n, rel) for rel, o, n in out]
