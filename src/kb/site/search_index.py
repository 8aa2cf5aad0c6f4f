"""The site's search index: one small JSON file per regulation version, built from the model, and —
when the site holds several regulations — a sharded map that tells the search which regulations may
hold a query, so that a search across the whole knowledge base loads only the indexes it needs.

material's own search (lunr + jieba) segments Chinese into words and OR-matches them, so a query can
rank first a provision that does not contain it (see issue 7).  Ours is literal:
``templates/static/kb/search.js`` (a drop-in for material's search worker, same message protocol)
loads ``<reg>/<ver>/search.json`` when the reader first searches, and returns exactly the provisions
whose text contains every query term (NFKC-normalised, case-folded), one result per article, the
ones holding the query as a phrase first.  It forgives: an actor's alias finds the actor's name
(居委会 → 居民委员会), 第15条 / 15条 / 十五条 jump to 第十五条, and chapter titles are results.

Version index (compact keys): ``{"v": 2, "title", "version", "docs": [{"u": page url, "c": page
title, "e": eid, "t": heading, "s": [[eid, text], ...], "n": article number, "k": kind}], "a":
{alias: name}}``; kind is "article" (default), "chapter" or "actor"; a chapter's or actor's entry adds
"tt" (title shown) and "d" (text shown), displayed but not searched.

Knowledge-base map (``search/kb.json`` and ``search/kb-<i>.json``, only with several regulations):
the latest version of each regulation ``{"regs": [[index url, title, home url, index bytes]], "shards":
S, "a": {alias: [names]}}`` (every index's aliases, for choosing the regulations) and S shards, each ``{bigram: [regulation numbers]}``; a bigram lives in shard ``(c1 * 31 + c2) %
S`` of its two code points.  A query's bigrams (a few of each term's: the regulations holding them
are a superset of those holding the term, and the index then decides) name the shards to fetch; the
regulations in every one of them are the only ones whose index may then be loaded, a few and a
bounded number of bytes (the index bytes in the map) per query.  A shard holds a bigram's
regulations, not its articles, so it stays small: ~8,000 distinct bigrams per regulation.
"""
from __future__ import annotations

import json
import math
import unicodedata
from collections import defaultdict, deque
from operator import methodcaller

from kb.site.urls import page_url, url_path

#: about this many bytes per shard of the knowledge-base map: a query fetches a few shards per term,
#: so small shards keep a search light (more files on the host, each one small)
SHARD_BYTES = 16_000


def to_json(data) -> bytes:
    """An index or map file as served: compact UTF-8 JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def norm(s: str) -> str:
    """NFKC and lower case, character by character so that positions stay (as search.js does)."""
    return s.translate(_NORM)


class _NormChars(dict):
    """code point -> its character normalised as :func:`norm` says, worked out at its first use
    (str.translate looks each character up: no Python loop over the text)."""

    def __missing__(self, o: int) -> str:
        c = chr(o)
        n = unicodedata.normalize("NFKC", c).lower()
        self[o] = n = n if len(n) == 1 else c
        return n


_NORM = _NormChars()


def build_index(vs, plan) -> dict:
    du = plan.directory_urls
    docs = []
    for src in vs.pages:
        p = plan.pages[src]
        if p["kind"] == "chapter":
            ch, arts = p["obj"]
            u = url_path(page_url(src, du))
            if ch is not None:
                docs.append(_chapter_doc(u, p["title"], ch, arts))
            for a in arts:
                docs.append(_article_doc(u, p["title"], a))
        elif p["kind"] in ("prologue", "annexes"):
            u = url_path(page_url(src, du))
            for n in p["obj"]:
                head = " ".join(x for x in (n.label, n.title) if x) or p["title"]
                segs = [[c.eid, c.text] for c in n.walk() if c is not n and c.text]
                if n.text:
                    segs.insert(0, [n.eid, n.text])
                docs.append({"u": u, "c": p["title"], "e": n.eid, "t": head, "s": segs})
        elif p["kind"] == "actor":
            name = p["obj"]      # the actor's page is found by its name only (no generic words)
            n = sum(1 for s in vs.layers.statements if s.actor == name)
            docs.append({"u": url_path(page_url(src, du)), "c": "主体", "e": "", "t": name, "s": [["", name]], "k": "actor",
                         "tt": f"主体：{name}", "d": f"本法规为{name}设定的全部规定，共 {n} 项"})
    return {"v": 2, "title": vs.title, "version": vs.version.label, "docs": docs,
            "a": _aliases(vs, docs)}


def _article_doc(u: str, page_title: str, a) -> dict:
    heading = a.label + (f"（{a.title}）" if a.title else "")
    segs = []
    for n in a.walk():
        if n.kind == "article":
            continue
        t = (n.label if n.kind in ("item", "subitem") else "") + (n.text or "")
        if t:
            segs.append([n.eid, t])
    doc = {"u": u, "c": page_title, "e": a.eid, "t": heading, "s": segs}
    if a.number is not None:
        doc["n"] = a.number
    return doc


def _chapter_doc(u: str, page_title: str, ch, arts) -> dict:
    first, last = arts[0].label if arts else "", arts[-1].label if arts else ""
    span = first if first == last else f"{first}至{last}"
    return {"u": u, "c": "章", "e": "", "t": ch.title or ch.label, "s": [], "k": "chapter",
            "tt": page_title, "d": f"{span}，共 {len(arts)} 条" if arts else ""}


def _aliases(vs, docs: list) -> dict:
    """alias -> name for the actors of the registry whose name the text uses (an alias that is
    itself an actor's name is left out: that name finds itself)."""
    text = norm("\n".join(seg[1] for d in docs for seg in d["s"]))
    reg = vs.layers.registry
    out = {}
    for alias, name in reg.alias.items():
        if alias != name and alias not in reg.actors and norm(name) in text:
            out[norm(alias)] = norm(name)
    return out


# ----------------------------------------------------------------------------- the knowledge-base map

def _all_aliases(indexes) -> dict:
    """alias -> the names it stands for in any of the indexes: which regulations a query's alias may
    be in (居委会: those holding 居民委员会); each index then uses its own."""
    out: dict[str, list[str]] = {}
    for idx in indexes:
        for alias, name in idx.get("a", {}).items():
            if name not in out.setdefault(alias, []):
                out[alias].append(name)
    return {a: sorted(n) for a, n in sorted(out.items())}


def bigrams(text: str) -> set[str]:
    """The distinct pairs of neighbouring characters of a text (no pair spans a line or a space)."""
    out: set[str] = set()
    _add_bigrams(text, out)
    return out


def _add_bigrams(text: str, out: set) -> None:
    """Add the bigrams of text to out: the pairs of each run of characters between white space (str.split
    splits where str.isspace holds), each pair made in C (map of str.__add__), not by a loop over the text."""
    for run in norm(text).split():
        out.update(map(str.__add__, run, run[1:]))


def shard_of(bigram: str, shards: int) -> int:
    """Which shard holds a bigram: the same sum as search.js's shardOf."""
    return (ord(bigram[0]) * 31 + ord(bigram[1])) % shards


def reg_bigrams(title: str, idx: dict) -> str:
    """The bigrams of a regulation in the knowledge-base map — of its title and of its index's headings and
    texts —, sorted and written one after the other in one string (two characters each: compact to keep)."""
    grams = bigrams(title)
    for d in idx["docs"]:
        _add_bigrams(d.get("t", ""), grams)
        for seg in d["s"]:
            _add_bigrams(seg[1], grams)
    return "".join(sorted(grams))


def build_kb_map(indexes: list[tuple[str, str, str, dict, int]],
                 known: list[str | None] | None = None) -> tuple[dict, list[dict], list[str]]:
    """The knowledge-base map of ``[(index url, title, home url, version index, its bytes)]``: the
    manifest, its shards (see the module docstring), and each regulation's reg_bigrams — given in
    ``known`` where a previous build kept them (None: worked out here)."""
    per_reg = [(known[i] if known is not None and known[i] is not None else reg_bigrams(title, idx))
               for i, (_, title, _, idx, _) in enumerate(indexes)]
    pairs = sum(len(g) // 2 for g in per_reg)
    # ~6 bytes a (bigram, regulation) pair in JSON
    n = max(1, min(4096, math.ceil(pairs * 6 / SHARD_BYTES)))
    # each bigram's regulations, in the order bigrams first appear (regulation by regulation, each one's in
    # sorted order), which is the order each shard lists them in; appended in C (map over the bigrams), not by a
    # loop over the ~500,000 (bigram, regulation) pairs of 200 regulations
    lists: defaultdict[str, list] = defaultdict(list)
    for i, grams in enumerate(per_reg):
        deque(map(methodcaller("append", i), map(lists.__getitem__, _pairs(grams))), maxlen=0)
    shards: list[dict] = [{} for _ in range(n)]
    for g, regs in lists.items():
        shards[shard_of(g, n)][g] = regs
    manifest = {"v": 2, "shards": n, "regs": [[url, title, home, size] for url, title, home, _, size in indexes],
                "a": _all_aliases(idx for _, _, _, idx, _ in indexes)}
    return manifest, shards, per_reg


def _pairs(grams: str) -> list[str]:
    """The bigrams of a reg_bigrams string."""
    return [grams[i:i + 2] for i in range(0, len(grams), 2)]
