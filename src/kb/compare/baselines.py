"""The simple alignments kb's own is scored against (``python3 -m kb.dev.score_align``,
``kb bench diff``).

Kept apart from :mod:`kb.compare.align` because nothing in the product uses them: they exist so
that every change to the alignment rules can be measured against what the usual tools do.
"""
from __future__ import annotations

from kb.compare.similarity import candidates, cosine, units, weigh
from kb.text.model import Document


def align_numbers(old_doc: Document, new_doc: Document) -> list[tuple[str, str]]:
    """Baseline 1 (eRegulations, Indigo): pair articles with the same number."""
    new_by = {a.eid: a for a in new_doc.articles}
    return [(a.eid, a.eid) for a in old_doc.articles if a.eid in new_by]


def align_greedy(old_doc: Document, new_doc: Document, threshold: float = 0.3) -> list[tuple[str, str]]:
    """Baseline 2: greedy one-to-one pairs of the most similar article texts."""
    old, new = units(old_doc), units(new_doc)
    dfrac = weigh(old, new)
    if len(old) * len(new) <= 200_000:
        # every pair is scored (quadratic, fine for a baseline on texts of a few hundred articles)
        ranked = sorted(((s, o.index, n.index) for o in old for n in new
                         if (s := cosine(o, n)) >= threshold), reverse=True)
    else:   # large texts: the same candidates kb.compare.align looks at
        cands = candidates(old, new, dfrac)
        ranked = sorted(((s, o, n) for n, lst in cands.items() for s, o in lst if s >= threshold), reverse=True)
    uo, un, out = set(), set(), []
    for s, o, n in ranked:
        if o not in uo and n not in un:
            uo.add(o)
            un.add(n)
            out.append((old[o].eid, new[n].eid))
    return out
