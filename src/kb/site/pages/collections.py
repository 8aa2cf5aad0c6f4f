"""Collections: named queries kept in mkdocs.yml (``collections:``), each a page listing the
provisions it finds across the latest versions, and an index of them.

Configuration keys: ``query`` (text, through the catalog), and filters ``actor``, ``modality``
(obligation|prohibition|permission|encouragement|sanction|liability), ``deadline: true``, ``regulation``.
Text queries go to the search catalog; obligation filters are answered from the obligations layer
(the same layer the catalog indexes); a query the catalog cannot answer is matched provision by
provision.
"""
from __future__ import annotations

from kb.catalog import open_catalog
from kb.project import count_laws
from kb.layers.obligations import MODALITY_NAMES
from kb.site.pages.actors import statement_text
from kb.site.planning import collection_sites
from kb.site.progress import log
from kb.site.versions import version_state

#: the filters the catalog answers along with a text query
CATALOG_FILTERS = {"actor", "modality", "regulation", "chapter", "type"}


def ctx_collections(r):
    """The index of the collections: it quotes no provision, so no note on their sources (the heading
    still carries the versions' tag when they share one: a site of one draft says 草案 on every page)."""
    cols = [(r.plan.pages[s]["title"], r.plan.pages[s]["obj"].get("description"), r.page(s))
            for s in r.plan.collection_pages]
    sources = [(vs, None) for vs in collection_sites(r.plan, {})]
    return {"cols": cols, "sources": sources}, []


def ctx_collection(r):
    col = r.info["obj"]
    hits, source = collection_hits(r.plan, col)
    rows = []
    for vs, eid, text, extra in hits:
        n = vs.doc.get(eid)
        r.vs = vs
        art = n if n is not None and n.kind == "article" else (n.ancestor("article") if n is not None else None)
        rows.append({"reg": vs.title, "version": vs.version.label, "article": (vs.reg.id, art.eid if art else eid),
                     "cite": n.citation if n is not None else eid,
                     "href": r.node_link(eid, vs), "text": text, "extra": extra})
    r.vs = None
    quoted = {id(vs) for vs, *_ in hits}
    sources = [(vs, version_state(vs.reg, vs.version)) for vs in collection_sites(r.plan, col) if id(vs) in quoted]
    return {"col": col, "rows": rows, "source": source, "sources": sources, "note": source_note(sources)}, []


def source_note(sources: list) -> tuple[str, str] | None:
    """One short note on where a collection's provisions come from (banner class, text): the version and
    its state when one regulation is quoted; else how many are in force, each other one named with its
    state (a draft is never passed off as law) -- not one banner per regulation."""
    if not sources:
        return None
    if len(sources) == 1:
        vs, (inforce, words) = sources[0]
        return _banner_class(inforce), f"本页的条文来自《{vs.title}》{vs.version.label}，{words}。"
    ok = [vs for vs, (inforce, _) in sources if inforce]
    others = [(vs, words) for vs, (inforce, words) in sources if not inforce]
    parts = [f"{count_laws(vs.reg for vs in ok)} 部现行有效"] if ok else []
    parts += [f"《{vs.title}》{vs.version.label}{words}" for vs, words in others]
    states = [inforce for _, (inforce, _) in sources]
    klass = _banner_class(True if all(states) else (False if False in states else None))
    # the excerpts of one law (民法典's 物权编 and 合同编) are one regulation
    n = count_laws(vs.reg for vs, _ in sources)
    return klass, f"本页的条文来自 {n} 部法规（各取最新版本）：{'；'.join(parts)}。每条下注明出处。"


def _banner_class(inforce: bool | None) -> str:
    return "kb-banner" + (" kb-banner--inforce" if inforce else (" kb-banner--unknown" if inforce is None else ""))


def collection_hits(plan, col: dict):
    """What a named query returns: [(VersionSite, eid, text, extra)], and where it came from."""
    query = (col.get("query") or "").strip()
    filters = dict(col.get("filters") or {})
    for k in ("actor", "modality", "deadline", "regulation"):
        if k in col and k not in filters:
            filters[k] = col[k]
    latest = collection_sites(plan, {"filters": filters})
    if query and set(filters) <= CATALOG_FILTERS:
        try:
            return _catalog_hits(plan, query, filters), "按关键词检索全部条文"
        except Exception as e:  # noqa: BLE001 - the collection is still made, by matching each provision
            log.warning(f"kb: 专题“{col.get('title')}”检索目录出错，改用逐条匹配：{type(e).__name__}: {e}")
    if filters.keys() & {"actor", "modality", "deadline"}:
        return _statement_hits(latest, query, filters), ("按条文中的主体和“应当”“不得”“可以”“鼓励”等用语自动识别，"
                                                         "可能有遗漏或误判，以原文为准")
    if not query:
        return [], "本专题没有设置查询条件"
    out = []
    for vs in latest:
        for n in vs.doc.nodes():
            if n.kind in ("paragraph", "item", "subitem") and query in (n.text or ""):
                out.append((vs, n.eid, (n.label if n.kind != "paragraph" else "") + n.text, None))
    return out, "逐条查找含有该词的条文"


def _catalog_hits(plan, query: str, filters: dict) -> list:
    catalog = open_catalog(plan.root)
    if catalog.is_stale():
        catalog.build()
    by_id = {(vs.reg.id, vs.version.name): vs for vs in plan.sites}
    out = []
    for h in catalog.search(query, limit=0, **filters):
        vs = by_id.get((h.regulation, h.version))
        if vs is None:
            continue
        n = vs.doc.get(h.eid)
        text = ((n.label if n.kind in ("item", "subitem") else "") + n.text) if n is not None else h.snippet
        out.append((vs, h.eid, text, None))
    return out


def _statement_hits(latest: list, query: str, filters: dict) -> list:
    """The provisions whose duties pass the filters (and contain the query), in article order, each
    once: its duties' actors and modalities told in one badge (a list's items each after its lead-in,
    the badge saying whose list it is: "市人民政府：禁止" beside 招商引资…… said the opposite of the law)."""
    from kb.outputs.duties import leads
    from kb.text.numerals import number_key
    out = []
    for vs in latest:
        seen: dict[str, int] = {}
        stmts = sorted(vs.layers.statements, key=lambda s: (number_key(s.article), s.paragraph or 0, s.item or 0))
        carried = leads(stmts)
        for s in stmts:
            if "actor" in filters and s.actor != filters["actor"]:
                continue
            if "modality" in filters and s.modality != filters["modality"]:
                continue
            if filters.get("deadline") and not s.deadline:
                continue
            text = statement_text(vs.doc, s)
            if query and query not in text:
                continue
            extra = MODALITY_NAMES.get(s.modality, s.modality)
            if s.deadline:
                extra += f"；期限：{s.deadline}"
            if s.actor and "actor" not in filters:
                extra = f"{s.actor}：{extra}"
            if id(s) in carried:             # what the lead-in's duty is about, not a duty of its own
                extra = f"{carried[id(s)].citation}所列事项"
            if s.eid in seen:                # another duty of the same provision
                v, eid, t, old = out[seen[s.eid]]
                if extra not in old.split("　"):
                    out[seen[s.eid]] = (v, eid, t, f"{old}　{extra}")
                continue
            seen[s.eid] = len(out)
            out.append((vs, s.eid, text, extra))
    return out
