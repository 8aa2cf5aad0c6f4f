"""The two overview pages of a version's obligations: the matrix (actors × modality, and a heat map
of actors × chapters) and the governance graph (who supports, guides or supervises whom)."""
from __future__ import annotations

from collections import Counter

from markupsafe import Markup

from kb.layers.obligations import MODALITIES
from kb.site.pages.actors import all_modality_counts, edges, relation_rows
from kb.site.svg import flow_svg, heatmap_svg


def ctx_matrix(r):
    vs = r.vs
    actors = list(vs.actor_pages)
    counts = all_modality_counts(vs)
    hrefs = [r.page(vs.actor_pages[name]) for name in actors]
    table = [(name, href, counts.get(name) or {m: 0 for m in MODALITIES}) for name, href in zip(actors, hrefs)]
    chapters = [(r.plan.pages[src]["obj"][0], src) for src in vs.pages if r.plan.pages[src]["kind"] == "chapter"]
    cols = [(ch.label if ch is not None else "正文", ch.title if ch is not None else "", r.page(src))
            for ch, src in chapters]
    # statements by (actor, page of the provision), counted once (not once per actor and chapter)
    where = Counter((s.actor, vs.node_page.get(s.eid)) for s in vs.layers.counted)
    grid = [[where[(name, src)] for _, src in chapters] for name in actors]
    svg = Markup(heatmap_svg(actors, [c[0] for c in cols], grid, hrefs))
    toc = [{"level": 2, "id": "table", "name": "按义务类型", "children": []},
           {"level": 2, "id": "heatmap", "name": "按章分布（热图）", "children": []}]
    return {"table": table, "svg": svg, "cols": cols, "grid": list(zip(actors, grid))}, toc


def ctx_graph(r):
    vs = r.vs
    links = {n: r.page(src) for n, src in vs.actor_pages.items()}
    arrows = edges(vs.layers.relations)
    svg = Markup(flow_svg(arrows, links)) if arrows else None
    return {"svg": svg, "rows": relation_rows(r, vs.layers.relations), "links": links}, []
