"""The site's search index: one small JSON file per regulation version, built from the model.

material's own search (lunr + jieba) segments Chinese into words and OR-matches
them, so a query can rank first a provision that does not contain it (see issue 7).
Ours is literal: ``templates/static/kb/search.js`` (a drop-in for material's search
worker, same message protocol) loads ``<reg>/<ver>/search.json`` and returns
exactly the provisions whose text contains every query term (NFKC-normalised,
case-folded), grouped by page, the ones with most occurrences first.

Index format (compact keys, one entry per article or page):
``{"v": 1, "title": ..., "docs": [{"u": page url, "c": page title, "e": eid,
"t": heading, "s": [[eid, text], ...]}]}``.
"""
from __future__ import annotations

import unicodedata


def build_index(vs, plugin) -> dict:
    from .site import page_url

    du = plugin.directory_urls
    docs = []
    for src in vs.pages:
        p = plugin.pages[src]
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
        elif p["kind"] == "actor":
            name = p["obj"]
            n = sum(1 for s in vs.layers.statements if s.actor == name)
            docs.append({"u": page_url(src, du), "c": "主体", "e": "", "t": name,
                         "s": [["", f"{name}：本规定中的职责、禁止、权限与鼓励事项共 {n} 项"]]})
    return {"v": 1, "title": vs.title, "version": vs.version.label, "docs": docs}


def _norm(s: str) -> str:
    """Same normalisation as search.js: per character NFKC + lower, keeping offsets."""
    out = []
    for ch in s:
        n = unicodedata.normalize("NFKC", ch).lower()
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def search(index: dict, query: str) -> list[dict]:
    """Python mirror of search.js (used by the benchmark and tests): ranked matching docs."""
    import re

    terms = [t for t in re.split(r"[\s\u3000\"“”'‘’]+", _norm(query)) if t]
    terms = list(dict.fromkeys(terms))
    if not terms:
        return []
    hits = []
    for i, d in enumerate(index["docs"]):
        title = _norm(d["t"])
        segs = [_norm(t) for _, t in d["s"]]
        whole = title + "\n" + "\n".join(segs)
        if not all(t in whole for t in terms):
            continue
        score = sum(sum(s.count(t) for s in segs) + (3 if t in title else 0) for t in terms)
        hits.append({"doc": d, "score": score, "order": i})
    hits.sort(key=lambda h: (-h["score"], h["order"]))
    return hits
