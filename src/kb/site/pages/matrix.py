"""The two overview pages of a version's obligations: the matrix (actors × modality, and a heat map
of actors × chapters) and the governance graph (who supports, guides or supervises whom)."""
from __future__ import annotations

from markupsafe import Markup

from kb.site.pages.actors import edges, modality_counts, relation_rows
from kb.site.svg import flow_svg, heatmap_svg


def ctx_matrix(r):
    vs = r.vs
    actors = list(vs.actor_pages)
    table = [(name, r.page(vs.actor_pages[name]), modality_counts(vs, name)) for name in actors]
    chapters = [(r.plan.pages[src]["obj"][0], src) for src in vs.pages if r.plan.pages[src]["kind"] == "chapter"]
    cols = [(ch.label if ch is not None else "正文", ch.title if ch is not None else "", r.page(src))
            for ch, src in chapters]
    grid = []
    for name in actors:
        grid.append([sum(1 for s in vs.layers.statements if s.actor == name and vs.node_page.get(s.eid) == src)
                     for _, src in chapters])
    svg = Markup(heatmap_svg(actors, [c[0] for c in cols], grid, [r.page(vs.actor_pages[a]) for a in actors]))
    toc = [{"level": 2, "id": "table", "name": "按义务类型", "children": []},
           {"level": 2, "id": "heatmap", "name": "按章分布（热图）", "children": []}]
    return {"table": table, "svg": svg, "cols": cols, "grid": list(zip(actors, grid))}, toc


def ctx_graph(r):
    vs = r.vs
    links = {n: r.page(src) for n, src in vs.actor_pages.items()}
    arrows = edges(vs.layers.relations)
    svg = Markup(flow_svg(arrows, links)) if arrows else None
    return {"svg": svg, "rows": relation_rows(r, vs.layers.relations), "links": links}, []
