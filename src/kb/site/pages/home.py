"""The home pages: a version's overview (contents, figures, versions, tools, collections) and the
site's home: that overview on a site of one regulation, the library on a knowledge base of several."""
from __future__ import annotations

from kb.site.versions import version_state

#: the pages a version's overview lists as tools
TOOL_KINDS = ("fulltext", "glossary", "actors", "matrix", "graph", "downloads")


def ctx_site_home(r):
    """A site of one regulation opens on its overview; a knowledge base on its library: the site's name,
    what it holds, the drafts open for comment, the table of regulations with its filters, and the pages
    of the whole knowledge base (actors, collections)."""
    latest = [s for s in r.plan.sites if s.latest]
    if len(latest) == 1:
        r.vs = latest[0]
        ctx, toc = ctx_home(r)
        ctx.update(site_home=True, state=version_state(r.vs.reg, r.vs.version))
        return ctx, toc
    ctx = library(r)
    levels: dict[str, set] = {}            # the laws of each level (民法典's excerpts are one: kb.project.laws)
    for x in ctx["library"]:
        levels.setdefault(x["level"], set()).add(x["law"])
    actors = "actors/index.md" if "actors/index.md" in r.plan.pages else None
    ctx.update(site_name=r.plan.site_name or "法规库", levels=[(level, len(ls)) for level, ls in levels.items()],
               consulting=[(s.title, s.tag, r.page(s.p("index.md"))) for s in latest if s.draft],
               actors_all=r.page(actors) if actors else None,
               collections=[(r.plan.pages[c]["title"], r.page(c)) for c in r.plan.collection_pages])
    toc = [{"level": 2, "id": "library", "name": "法规库", "children": []}]
    if actors or r.plan.collection_pages:
        toc.append({"level": 2, "id": "whole", "name": "全库", "children": []})
    return ctx, toc


#: the home page's filters: (field, label)
FILTERS = (("level", "效力级别"), ("jurisdiction", "地域"), ("validity", "效力状态"), ("year", "年份"))


def library(r) -> dict:
    """The regulations of the site (latest versions) for the home page's table, and the values
    of its filters (level, jurisdiction, validity, year)."""
    from kb.project import LEVEL_RANK, laws, shared_titles

    rows = []
    latest = [s for s in r.plan.sites if s.latest]
    # two regulations of one title (and part) are told apart by their folder's name, the -r of the commands
    shared = shared_titles((s.reg.id, (s.title, s.reg.part)) for s in latest)
    # the excerpts of one law (民法典's 物权编 and 合同编) are a row each but one regulation in the counts: the heading's
    # and the filters' (kb.js counts the distinct data-law of the rows shown)
    law = {reg_id: ":".join(key) for reg_id, key in laws(s.reg for s in latest).items()}
    for s in latest:
        reg = s.reg
        part = reg.part if (s.title, reg.part) not in shared else "；".join(x for x in (reg.part, f"法规名 {reg.id}") if x)
        rows.append({"title": s.title, "href": r.page(s.p("index.md")), "level": reg.level or "未注明",
                     "jurisdiction": reg.jurisdiction or "未注明", "validity": reg.validity or "未注明",
                     "year": reg.year or "未注明", "articles": len(s.doc.articles), "label": s.version.label, "part": part,
                     "law": law[reg.id]})
    rows.sort(key=lambda x: (LEVEL_RANK.get(x["level"], 9), x["jurisdiction"], x["title"], x["part"] or ""))
    filters = []
    for key, label in FILTERS:
        values = sorted({x[key] for x in rows} - {"未注明"}, reverse=key == "year",
                        key=lambda v: (LEVEL_RANK.get(v, 9), v) if key == "level" else v)
        values += ["未注明"] if any(x[key] == "未注明" for x in rows) else []
        filters.append((key, label, values))
    return {"library": rows, "filters": filters, "regulations": len({x["law"] for x in rows})}


def ctx_home(r):
    vs = r.vs
    pages = r.plan.pages
    groups = []
    for src in vs.pages:
        p = pages[src]
        if p["kind"] == "chapter":
            _, arts = p["obj"]
            groups.append((p["title"], r.page(src), [(a, r.page(src, a.eid)) for a in arts]))
        elif p["kind"] in ("prologue", "annexes"):
            groups.append((p["title"], r.page(src), []))
    versions = [s for s in r.plan.sites if s.reg is vs.reg]
    compares = [(src, old, new) for src, old, new in r.plan.comparisons if new.reg is vs.reg]
    tools = [(pages[src]["title"], r.page(src)) for src in vs.pages if pages[src]["kind"] in TOOL_KINDS]
    cols = [(pages[s]["title"], r.page(s)) for s in r.plan.collection_pages]
    background = [(bg.kind, bg.title, r.page(vs.p(f"background/{bg.slug}.md"))) for bg in vs.background]
    ctx = {"groups": groups, "counts": _counts(vs), "background": background, "versions": versions, "compares": compares,
           "tools": tools, "collections": cols, "site_home": False}
    toc = [{"level": 2, "id": "toc", "name": "条文目录", "children": []}]
    if background:
        toc.insert(0, {"level": 2, "id": "background", "name": "背景材料", "children": []})
    return ctx, toc


#: what the home page calls 义务性规定: the provisions that oblige (应当) or forbid (不得)
DUTY_MODALITIES = ("obligation", "prohibition")


def _counts(vs) -> dict:
    """The figures at the top of a version's home page; a list's lead-in and its items are one 规定
    (kb.outputs.duties), and 义务性规定 counts only duties and prohibitions, the rest apart."""
    L = vs.layers
    provisions = L.counted
    duties = sum(1 for s in provisions if s.modality in DUTY_MODALITIES)
    return {"articles": len(vs.doc.articles), "definitions": len(L.definitions),
            "actors": len({s.actor for s in L.statements if s.actor}), "obligations": duties,
            "other_provisions": len(provisions) - duties}
