"""The glossary page: each definition with its scope and every provision that uses the term (the
target of the term links and tooltips in the text)."""
from __future__ import annotations

import html

from kb.site.rendering import definition_text


def ctx_glossary(r):
    vs = r.vs
    n_defs: dict = {}
    for d in vs.layers.definitions:
        n_defs[d.term] = n_defs.get(d.term, 0) + 1
    by_term: dict = {}
    for eid, lst in vs.layers.term_uses.items():
        for u in lst:
            by_term.setdefault(u.term, []).append((eid, u.defined_in or ""))
    entries = []
    for d in vs.layers.definitions:
        uses = []
        seen = set()
        for eid, defined_in in by_term.get(d.term, []):
            if n_defs[d.term] > 1 and defined_in and defined_in != d.eid:
                continue            # a use governed by the term's other definition
            if eid not in seen:
                seen.add(eid)
                uses.append((r.citation(eid), r.node_link(eid), _order(vs.doc, eid)))
        uses.sort(key=lambda x: x[2])
        scope = vs.doc.get(d.scope) if d.scope else None
        entries.append({"term": d.term, "anchor": vs.def_anchor[(d.term, d.eid)][0], "text": definition_text(d),
                        "where": r.citation(d.eid), "href": r.node_link(d.eid),
                        "scope": scope.citation if scope is not None else None, "uses": uses})
    toc = [{"level": 2, "id": e["anchor"], "name": html.escape(e["term"]), "children": []} for e in entries]
    return {"entries": entries}, toc


def _order(doc, eid):
    n = doc.get(eid)
    return n.start if n is not None else 10 ** 9
