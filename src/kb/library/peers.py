"""Which articles of two different regulations correspond (``kb diff`` of another city's 同类条例): the pairs the
related-provision scorer (kb.library.related, ``kb related``) itself offers in the knowledge base.

The version alignment (kb.compare.align) is built for two versions of one text: it pairs articles whose wording
was kept, and two cities' texts on one subject share far less (北京市志愿服务促进条例 and 重庆市志愿服务条例: 4 of
their articles paired, though kb related finds near copies of many more).  Here each article of one text asks the
scorer of the knowledge base what it relates to, exactly as ``kb related`` does — its kinds, thresholds, candidates
and number of answers, less the weaker 同类立法 answers that follow a first one (kb.library.related.FOLLOW) — and the
answers that are articles of the other text are the pairs, best first.  A text
outside the knowledge base asks as a draft does (kb.library.related.library_with).  Asked in a Library of the two
texts alone, the scorer had nothing else to rank and offered almost any two articles above its 同类立法 threshold
(北京市物业管理条例 第十条 ≈ 北京市志愿服务促进条例 第二十五条 at 0.11); in the knowledge base the 物业 articles'
answers are other 物业 provisions, and the 志愿服务 regulation is offered once, at the threshold.  Nothing of the
scorer is changed or tuned here.
"""
from __future__ import annotations

from pathlib import Path

from kb.errors import KbError
from kb.library.related import EXTRA_ID, EXTRA_VERSION, base_library, library_with


def _in_base(doc, root):
    """(regulation id, version name) of a compared text that is a version of the knowledge base, else None (a file).
    A regulation whose meta.yml cannot be read counts as outside: the commands that read it report the error."""
    from kb.project import load_regulation

    meta = doc.meta or {}
    if not (meta.get("regulation") and meta.get("version")):
        return None
    try:
        reg = load_regulation(Path(root), meta["regulation"])
        return reg.id, reg.version(meta["version"]).name
    except (KbError, OSError):     # a missing or broken meta.yml, a version it does not list
        return None


def _offered(lib, asking: tuple, doc, answering: tuple) -> list[tuple[float, str, str]]:
    """(relevance, asking eid, answering eid) of every answer the scorer offers an article of ``doc`` (the text
    ``asking`` = (regulation id, version) in ``lib``) that is an article of ``answering``."""
    out = []
    for a in doc.articles:
        e = lib.get(asking[0], asking[1], a.eid)
        if e is None:
            continue
        for r in lib.related(e, marks=False, follow=False):
            if (r.entry.reg.id, r.entry.version.name) == answering:
                out.append((r.relevance, a.eid, r.entry.eid))
    return out


def correspondence(old_doc, new_doc, root=None) -> list[tuple[str, str, float]] | None:
    """(old article eid, new article eid, relevance) of every pair the related-provision scorer offers between the
    two texts, most relevant first; None when there is no scorer to ask (no knowledge base, or neither text in it)
    or the two are versions of one regulation (the version alignment's task)."""
    if root is None:
        return None
    old, new = _in_base(old_doc, root), _in_base(new_doc, root)
    if old is not None and new is not None and old[0] == new[0]:
        return None
    if new is not None:
        lib = base_library(root) if old is not None else library_with(root, old_doc)
        found = _offered(lib, old or (EXTRA_ID, EXTRA_VERSION), old_doc, new)
    elif old is not None:
        # only the base answers (library_with adds the text as a query only): the text outside it asks
        found = [(rel, o, n) for rel, n, o in _offered(library_with(root, new_doc), (EXTRA_ID, EXTRA_VERSION),
                                                       new_doc, old)]
    else:
        return None
    found.sort(key=lambda x: -x[0])
    return [(o, n, rel) for rel, o, n in found]
