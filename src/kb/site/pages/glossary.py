"""The glossary page: each definition with its scope and every provision that uses the term (the
target of the term links and tooltips in the text)."""
from __future__ import annotations

import html

from kb.layers import links
from kb.site.rendering import definition_text


def ctx_glossary(r):
    vs = r.vs
    uses = [u for lst in vs.layers.term_uses.values() for u in lst]
    entries = []
    for d, _, eids in links.uses_by_definition(vs.layers.definitions, uses):
        # one entry per provision (处), the rule kb define counts by
        where = sorted(((r.citation(eid), r.node_link(eid), _order(vs.doc, eid)) for eid in eids),
                       key=lambda x: x[2])
        scope = vs.doc.get(d.scope) if d.scope else None
        entries.append({"term": d.term, "anchor": vs.def_anchor[(d.term, d.eid)][0], "text": definition_text(d),
                        "where": r.citation(d.eid), "href": r.node_link(d.eid),
                        "scope": scope.citation if scope is not None else None, "uses": where})
    toc = [{"level": 2, "id": e["anchor"], "name": html.escape(e["term"]), "children": []} for e in entries]
    return {"entries": entries}, toc


def _order(doc, eid):
    n = doc.get(eid)
    return n.start if n is not None else 10 ** 9
