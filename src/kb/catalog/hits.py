"""Stored catalog entries back into the hits a user sees: which paragraph, item or
obligation statement of a matching article to show, its snippet and marks, its facets.
Engine-neutral: an engine hands over an entry's stored fields (``data``, ``type``,
``regulation``, ``version``, ``actor``, ``modality``) and its score.

The parts of an article are stored as [eid, citation, line, text, kind, actors, modalities,
actor|modality pairs] (see :mod:`kb.catalog.entries`).
"""
from __future__ import annotations

import json

from kb.catalog import analysis
from kb.catalog.interface import Hit
from kb.catalog.query import matches as query_matches


def _facet_ok(part, want_a, want_m) -> bool:
    if not want_a and not want_m:
        return True
    if len(part) < 8:
        return False
    if want_a and want_m:
        return f"{want_a}|{want_m}" in part[7]
    return want_a in part[5] if want_a else want_m in part[6]


def part_hits(r, score, tree, words, hwords, facet, mode, ftype, actor_text, count_only=False):
    """The paragraphs/items (or obligation statements) of one matching article that match
    the query themselves, best first (``count_only``: how many, no hit made: kb search's total)."""
    d = json.loads(r["data"])
    want_a, want_m = facet
    heading = _heading_text(d)
    parts = d.get("parts") or []
    by_eid = {p[0]: p for p in parts}
    ok: dict[str, bool] = {}

    def matches(p) -> bool:
        if p[0] not in ok:
            t = analysis.normalize(p[3])
            ok[p[0]] = query_matches(tree, t, heading) and (actor_text is None or actor_text in t)
        return ok[p[0]]

    if mode == "obligation":
        found = [(st, by_eid[st["eid"]]) for st in d.get("statements") or []
                 if st["eid"] in by_eid and not (want_a and st["actor"] != want_a)
                 and not (want_m and st["modality"] != want_m) and matches(by_eid[st["eid"]])]
        if count_only:
            return len(found)
        out = []
        for st, p in found:
            h = _make_hit(r, d, p, score, words, hwords, "obligation")
            h.actors = [st["actor"]] if st["actor"] else []
            h.modalities = [st["modality"]] if st["modality"] else []
            h.action = st.get("action")
            h.deadline = st.get("deadline")
            out.append(h)
        return out
    kinds = ("item",) if ftype == "item" else ("paragraph", "item", "article")
    cands = [p for p in parts if p[4] in kinds and _facet_ok(p, want_a, want_m) and matches(p)]
    if count_only:
        return len(cands)
    norm = {p[0]: analysis.normalize(p[3]) for p in cands}
    cands.sort(key=lambda p: -sum(1 for w in words if w in norm[p[0]]))
    return [_make_hit(r, d, p, score, words, hwords, "paragraph" if p[4] == "article" else p[4]) for p in cands]


def _make_hit(r, d, part, score, words, hwords, typ) -> Hit:
    return _new_hit(r, d, part[:4], score, words, hwords, typ,
                    part[5] if len(part) > 5 else [], part[6] if len(part) > 6 else [])


def _new_hit(r, d, where, score, words, hwords, typ, actors, modalities, snippet_width=90, **extra) -> Hit:
    """A Hit for one provision: ``where`` is (eid, citation, line, text) of the part shown; its
    snippet is a window of ``snippet_width`` characters around the first match (0: the whole text)."""
    reg, ver = r["regulation"], r["version"]
    eid, citation, line, text = where
    if snippet_width:
        snip, marks = analysis.snippet(text or "", words, snippet_width)
    else:
        snip, marks = text or "", [list(m) for m in analysis.find_spans(text or "", words)]
    heading = d.get("heading")
    return Hit(eid=eid, article=d.get("article"), citation=citation or "", type=typ, score=round(float(score), 4),
               snippet=snip, marks=marks, regulation=reg, version=ver, path=f"{reg}/{ver}/{eid}",
               label=d.get("label") or "", heading=heading, line=line, title=d.get("title") or "",
               chapter=d.get("chapter"), status=d.get("status"), article_eid=d.get("article_eid"),
               heading_marks=[list(x) for x in analysis.find_spans(heading or "", hwords)],
               actors=actors, modalities=modalities, source=d.get("file") or "",
               version_label=d.get("version_label") or "", **extra)


def entry_hit(r, score, words, hwords, facets=(None, None), pq=None) -> Hit:
    """The hit of one matching entry: a definition or a heading (编、章、节), or an article
    shown by its best part: one that satisfies the query by itself (``pq``), most query words
    first, then most matches, among the parts of the wanted actor/modality.  When no part
    holds every word, the hit says which parts hold which (``spread``)."""
    d = json.loads(r["data"])
    typ = r["type"]
    eid, citation, line, text = d.get("eid"), d.get("citation"), d.get("line"), d.get("text")
    actors = [a for a in (r.get("actor") or "").split(",") if a]
    modalities = [a for a in (r.get("modality") or "").split(",") if a]
    spread = []
    if typ == "article":
        parts = d.get("parts") or []
        want_a, want_m = facets
        if want_a or want_m:
            parts = [p for p in parts if _facet_ok(p, want_a, want_m)] or parts
        best, spread = _best_part(parts, words, pq, _heading_text(d))
        if best is not None:
            eid, citation, line, text = best[0], best[1], best[2], best[3]
            if len(best) > 6:
                actors, modalities = best[5], best[6]
    if d.get("kind"):
        typ = d["kind"]            # prologue (序言), annex (附件); part, chapter, section (headings)
    return _new_hit(r, d, (eid, citation, line, text), score, words, hwords, typ, actors, modalities,
                    term=d.get("term"), action=d.get("action"), spread=spread)


def _heading_text(d: dict) -> str:
    return analysis.normalize(f"{d.get('label') or ''} {d.get('heading') or ''}")


def _best_part(parts, words, pq, heading: str):
    """(the part to show, spread) of an article: see :func:`entry_hit`."""
    if not parts:
        return None, []
    norm = [analysis.normalize(p[3]) for p in parts]
    whole = [pq is None or pq.tree is None or query_matches(pq.tree, t, heading) for t in norm]
    best, best_key = None, None
    for i, p in enumerate(parts):
        spans = analysis.find_spans(p[3], words)
        if not spans:
            continue
        k = (whole[i], sum(1 for w in words if w in norm[i]), len(spans), -i)
        if best_key is None or k > best_key:
            best, best_key = p, k
    if best is None:
        best = parts[0]
    spread = []
    if pq is not None and len(pq.positives()) > 1 and not any(whole):
        spread = _spread(parts, norm, pq, heading)
    return best, spread


def _spread(parts, norm, pq, heading: str) -> list:
    """[[word as written, [citations of the parts holding it], [the form each holds]]] for the
    positive words of the query, when they are found in different parts of one article (标题: in its
    heading).  A form is "" where the part holds the word as written, else the other name it holds
    (居委会 searched, 居民委员会 found)."""
    out = []
    for w in pq.positives():
        names = [(s, analysis.variants(s)) for s in (w.text, *w.also)]

        def form(t: str) -> str | None:
            found = next((s for s, vs in names if any(v in t for v in vs)), None)
            return None if found is None else "" if found == w.text else found
        where, forms = [], []
        for p, t in zip(parts, norm):
            f = None if w.field else form(t)
            if f is not None:
                where.append(p[1] or p[0])
                forms.append(f)
        if not where and (f := form(heading)) is not None:
            where, forms = ["标题"], [f]
        out.append([w.raw or w.text, where, forms])
    return out


def provision_hit(r, eid: str) -> Hit | None:
    """The provision ``eid`` (an article, or one of its paragraphs or items) of a stored article
    entry: its whole text, items included; None when the article has no such part."""
    d = json.loads(r["data"])
    parts = d.get("parts") or []
    if eid == d.get("eid"):
        mine = parts
        citation, line = d.get("citation"), d.get("line")
    else:
        mine = [p for p in parts if p[0] == eid or p[0].startswith(eid + "__")]
        if not mine or mine[0][0] != eid:
            return None
        citation, line = mine[0][1], mine[0][2]
    text = "\n".join(p[3] for p in mine)
    typ = "article" if eid == d.get("eid") else mine[0][4]
    return _new_hit(r, d, (eid, citation, line, text), 0.0, [], [], typ,
                    sorted({a for p in mine if len(p) > 5 for a in p[5]}),
                    sorted({m for p in mine if len(p) > 6 for m in p[6]}), snippet_width=0)
