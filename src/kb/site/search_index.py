"""The site's search index: one small JSON file per regulation version, built from the model.

material's own search (lunr + jieba) segments Chinese into words and OR-matches
them, so a query can rank first a provision that does not contain it (see issue 7).
Ours is literal: ``templates/static/kb/search.js`` (a drop-in for material's search
worker, same message protocol) loads ``<reg>/<ver>/search.json`` and returns
exactly the provisions whose text contains every query term (NFKC-normalised,
case-folded), grouped by page, the ones with most occurrences first.

Index format (compact keys, one entry per article or page):
``{"v": 1, "title": ..., "docs": [{"u": page url, "c": page title, "e": eid,
"t": heading, "s": [[eid, text], ...]}]}``; an actor's page adds "tt" (title shown) and "d"
(text shown), which are displayed but not searched.
"""
from __future__ import annotations

from kb.site.urls import page_url


def build_index(vs, plan) -> dict:
    du = plan.directory_urls
    docs = []
    for src in vs.pages:
        p = plan.pages[src]
        if p["kind"] == "chapter":
            ch, arts = p["obj"]
            u = page_url(src, du)
            for a in arts:
                heading = a.label + (f"（{a.title}）" if a.title else "")
                segs = []
                for n in a.walk():
                    if n.kind == "article":
                        continue
                    t = (n.label if n.kind in ("item", "subitem") else "") + (n.text or "")
                    if t:
                        segs.append([n.eid, t])
                docs.append({"u": u, "c": p["title"], "e": a.eid, "t": heading, "s": segs})
        elif p["kind"] in ("prologue", "annexes"):
            u = page_url(src, du)
            for n in p["obj"]:
                head = " ".join(x for x in (n.label, n.title) if x) or p["title"]
                segs = [[c.eid, c.text] for c in n.walk() if c is not n and c.text]
                if n.text:
                    segs.insert(0, [n.eid, n.text])
                docs.append({"u": u, "c": p["title"], "e": n.eid, "t": head, "s": segs})
        elif p["kind"] == "actor":
            name = p["obj"]      # the actor's page is found by its name only (no generic words)
            n = sum(1 for s in vs.layers.statements if s.actor == name)
            docs.append({"u": page_url(src, du), "c": "主体", "e": "", "t": name, "s": [["", name]],
                         "tt": f"主体：{name}", "d": f"本法规为{name}设定的全部规定，共 {n} 项"})
    return {"v": 1, "title": vs.title, "version": vs.version.label, "docs": docs}
