"""The actors' pages: the list of actors with their counts by modality, and one page per actor
with everything the regulation requires of it, its governance relations and their pictures."""
from __future__ import annotations

from markupsafe import Markup

from kb.layers.obligations import MODALITIES, MODALITY_NAMES
from kb.outputs.duties import counted, wording
from kb.project import count_laws
from kb.site.svg import neighbourhood_svgs


def all_modality_counts(vs) -> dict[str, dict]:
    """actor -> modality -> how many provisions (规定) of the version have that actor (a list's lead-in
    and its items once: kb.outputs.duties), in one pass over the statements (a page listing every actor
    went over all of them once per actor)."""
    out: dict[str, dict] = {}
    for s in vs.layers.counted:
        counts = out.get(s.actor)
        if counts is None:
            counts = out[s.actor] = {m: 0 for m in MODALITIES}
        counts[s.modality] = counts.get(s.modality, 0) + 1
    return out


def statement_text(doc, s) -> str:
    """The text of the provision a statement was read from (an item with its marker)."""
    n = doc.get(s.eid)
    if n is None:
        return s.action or ""
    return (n.label if n.kind in ("item", "subitem") else "") + (n.text or "")


def relation_rows(r, rels) -> list:
    """One row per pair of actors: (街道办事处, "支持、指导、帮助", 居民委员会, [(第四条第三款, href)])."""
    merged: dict = {}
    for rel in rels:
        if not rel.from_:
            continue
        key = (rel.from_, rel.to or "—")
        rel_list, cites = merged.setdefault(key, ([], []))
        if rel.relation not in rel_list:
            rel_list.append(rel.relation)
        eid = rel.eid or ""
        if all(e != eid for e, _, _ in cites):
            cites.append((eid, r.citation(eid), r.node_link(eid)))
    return [(f, "、".join(rl), t, [(c, h) for _, c, h in cites]) for (f, t), (rl, cites) in merged.items()]


def edges(rels) -> list[tuple[str, str, str]]:
    """(from, relation, to) of the relations between two named actors: the arrows of the pictures."""
    return [(rel.from_, rel.relation, rel.to) for rel in rels if rel.from_ and rel.to]


def ctx_actors(r):
    vs = r.vs
    counts = all_modality_counts(vs)
    rows = [(name, r.page(src), counts.get(name) or {m: 0 for m in MODALITIES})
            for name, src in vs.actor_pages.items()]
    return {"rows": rows}, []


def provision_rows(r, stmts) -> list[dict]:
    """One row per provision, in article order: a provision that states two duties (第十三条) is shown
    once, a list's items each after its lead-in (第十五条第一款 does not end at 下列事项：)."""
    from kb.text.numerals import number_key
    rows: dict[str, dict] = {}
    for s in sorted(stmts, key=lambda s: (number_key(s.article), s.paragraph or 0, s.item or 0, s.clause)):
        row = rows.get(s.eid)
        if row is None:
            row = rows[s.eid] = dict(_statement_row(r, s), deadlines=[], inferred=False, article=s.article)
        if s.deadline and s.deadline not in row["deadlines"]:
            row["deadlines"].append(s.deadline)
        row["inferred"] = row["inferred"] or not s.explicit
    return list(rows.values())


def ctx_actor(r):
    vs = r.vs
    name = r.info["obj"]
    mine = [s for s in vs.layers.statements if s.actor == name]
    groups = []
    for m in MODALITIES:              # 追责 (the body that acts) and 责任 (the party held liable) included
        lst = provision_rows(r, [s for s in mine if s.modality == m])
        if lst:
            groups.append((m, lst))
    rels = [rel for rel in vs.layers.relations if rel.from_ == name or rel.to == name]
    drawn = edges(rels)
    # the pictures link the boxes they draw: only the actors of these relations need a link
    named = {n for e in drawn for n in (e[0], e[2])}
    links = {n: r.page(src) for n, src in vs.actor_pages.items() if n != name and n in named}
    svgs = [Markup(x) for x in neighbourhood_svgs(name, drawn, links)]
    toc = [{"level": 2, "id": f"m-{m}", "name": MODALITY_NAMES.get(m, m), "children": []}
           for m, _ in groups]
    rel_rows = relation_rows(r, rels)
    if rel_rows:
        toc.append({"level": 2, "id": "relations", "name": "治理关系", "children": []})
    counts = {"duties": len(counted(mine, vs.layers.carried)), "articles": len({s.article for s in mine}), "provisions": len({s.eid for s in mine})}
    return {"name": name, "groups": groups, "counts": counts, "actor": vs.layers.registry.get(name),
            "relations": rel_rows,
            "svgs": svgs,
            "graph_href": r.page(vs.p("graph.md")),
            "all_href": r.page(r.plan.actor_all[name]) if name in r.plan.actor_all else None,
            "actor_href": lambda n: r.page(vs.actor_pages[n]) if n in vs.actor_pages else None}, toc


def _statement_row(r, s) -> dict:
    return {"s": s, "cite": r.citation(s.eid), "href": r.node_link(s.eid), "text": statement_text(r.vs.doc, s)}


def ctx_actor_all(r):
    """An actor's duties across every regulation of the site, grouped by level, then regulation: one row
    per provision, with what it requires of the actor (the actions, an item with its lead-in's verb)."""
    name, groups = r.info["obj"]
    by_level: dict = {}
    total = {"provisions": 0, "duties": 0}
    for vs, stmts in groups:
        rows = action_rows(r, vs, stmts)
        total["provisions"] += len(rows)
        total["duties"] += len(counted(stmts, vs.layers.carried))
        href = r.page(vs.actor_pages[name]) if name in vs.actor_pages else r.page(vs.p("index.md"))
        by_level.setdefault(vs.reg.level or "未注明级别", []).append((vs, rows, href))
    levels = list(by_level.items())
    toc = [{"level": 2, "id": f"level-{i}", "name": level, "children": []} for i, (level, _) in enumerate(levels, 1)]
    index = "actors/index.md"
    return {"name": name, "groups": groups, "regulations": count_laws(vs.reg for vs, _ in groups), "by_level": levels,
            "total": total,
            "index_href": r.page(index) if index in r.plan.pages else None}, toc


def ctx_actors_all(r):
    """/actors/: every actor named in two regulations or more, with how many regulations, provisions
    and 规定 it has there, each linking to its page; ordered by kind, then by how many regulations."""
    from kb.layers.actors import KIND_NAMES, KINDS
    rows = []
    for name, src in r.plan.actor_all.items():
        groups = r.plan.pages[src]["obj"][1]
        vs0 = groups[0][0]
        kind = vs0.layers.registry.actor(name).kind
        rows.append({"name": name, "href": r.page(src), "kind": KIND_NAMES.get(kind, kind),
                     "order": KINDS.index(kind) if kind in KINDS else len(KINDS),
                     "regulations": count_laws(vs.reg for vs, _ in groups),
                     "duties": sum(len(counted(st, v.layers.carried)) for v, st in groups)})
    rows.sort(key=lambda x: (x["order"], -x["regulations"], -x["duties"], x["name"]))
    return {"rows": rows}, []


def action_rows(r, vs, stmts) -> list[dict]:
    """One row per provision of ``vs`` in article order: its citation, link and the distinct duties it
    states, each (modality, action) (two aliases of one actor, or the same duty twice, read once)."""
    from kb.text.numerals import number_key
    carried = vs.layers.carried
    rows: dict[str, dict] = {}
    for s in sorted(stmts, key=lambda s: (number_key(s.article), s.paragraph or 0, s.item or 0, s.clause)):
        row = rows.get(s.eid)
        if row is None:
            node = vs.doc.get(s.eid)
            row = rows[s.eid] = {"cite": node.citation if node is not None else s.eid,
                                 "href": r.node_link(s.eid, vs), "duties": []}
        duty = (MODALITY_NAMES.get(s.modality, s.modality), wording(vs.doc, s, carried.get(id(s))))
        if duty not in row["duties"]:
            row["duties"].append(duty)
    return list(rows.values())
