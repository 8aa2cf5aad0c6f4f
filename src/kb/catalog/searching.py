"""One search, whatever the engine: a parsed query and its filters decided into a plan (the
engine's query, what to list, the facet filter terms, the words to mark), then the engine's best
documents turned into the hits shown (:mod:`kb.catalog.hits`).  An engine's open index offers
``filter_sets(terms)`` ((allow, mask) document sets), ``top(q, limit, allow, mask, words, has_or,
whole_catalog)`` (results best first, each with ``score`` and ``fields()``: the stored fields),
``count_matches(q, allow, mask)`` (how many documents match), ``stored(key)`` (the stored fields of the
entry of a key, or None), ``doc_frequency(name, value)`` and ``values(name)`` (a filter field's values).  Imports nothing heavy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.catalog import compose
from kb.catalog.analysis import normalize
from kb.catalog.hits import entry_hit, part_hits, provision_hit
from kb.catalog.interface import Hit, Hits
from kb.catalog.query import CONTAINERS, ParsedQuery, Word, check_filter, flatten_words

#: the type filter of a search listing one hit per article or heading (编、章、节)
ARTICLES_AND_HEADINGS = "article|chapter"
#: how unknown_filter names a filter to the user
FILTER_NAMES = {"regulation": "法规", "version": "版本", "chapter": "章", "actor": "主体"}

_DIGITS = re.compile(r"(\d+)")


def content_key(key: str) -> tuple:
    """The order of entries of equal score: by regulation, version and eid, numbers as
    numbers (art_9 before art_10); the same whichever engine built the catalog, however."""
    parts = _DIGITS.split(key)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


#: facet filter sets an open index keeps (see filter_sets)
FILTER_CACHE = 64


def filter_sets(cache: dict, terms: tuple, all_of, any_of) -> tuple[set | None, set | None]:
    """(allow, mask) document sets for the facet filter ``terms`` (:func:`mask_terms`), kept in an
    open index's ``cache``: ``all_of(terms)`` / ``any_of(terms)`` are the engine's documents with
    every one / any one of a list of (field, value) terms."""
    if terms in cache:
        return cache[terms]
    if len(cache) > FILTER_CACHE:
        cache.clear()
    allow_t, mask_t = mask_terms(terms)
    every = [t for t in allow_t if not _any_of(t)]
    sets = ([all_of(every)] if every else []) + [any_of([(t[0], v) for v in t[1].split(",")])
                                                 for t in allow_t if _any_of(t)]
    allow = set.intersection(*sets) if sets else None
    mask = any_of(mask_t) if mask_t else None
    cache[terms] = (allow, mask or None)
    return cache[terms]


def admits(d, allow, mask) -> bool:
    """Whether the facet filters let document ``d`` through (:func:`filter_sets`: in ``allow`` unless it is None, not
    in ``mask``)."""
    return (allow is None or d in allow) and not (mask and d in mask)


def admitted(docs, allow, mask):
    """The documents of ``docs`` the facet filters let through (:func:`admits`), in their order."""
    return (d for d in docs if admits(d, allow, mask))


def _any_of(term: tuple[str, str]) -> bool:
    """A ``cites`` filter of several keys joined by "," (no key holds one: kb.catalog.citing.cite_key):
    the documents citing any of them."""
    return term[0] == "cites" and "," in term[1]


def mask_terms(terms: tuple) -> tuple[list, list]:
    """The facet filter terms split into (allow, mask) terms: frequent conditions (type=article,
    latest version) become a mask of the few documents they exclude; selective ones
    (regulation, version, chapter, actor …) an allow set."""
    allow, mask = [], []
    for name, value in terms:
        if (name, value) == ("type", "article"):
            mask += [("type", "definition"), ("type", "chapter")]
        elif (name, value) == ("type", ARTICLES_AND_HEADINGS):
            mask.append(("type", "definition"))
        elif (name, value) == ("latest", "1"):
            mask.append(("latest", "0"))
        else:
            allow.append((name, value))
    return allow, mask


class Ranked(list):
    """An engine's best documents (``top``), and ``matched``: how many matched in all, when the
    engine knows it without counting again (FTS5 scores every match)."""

    def __init__(self, results=(), matched: int | None = None):
        super().__init__(results)
        self.matched = matched


#: a paragraph/obligation search past its limit counts the parts that match in at most this many of
#: the best matching articles (each is read and its parts matched: 应当 is in 19,624 corpus articles);
#: past them its total is a lower bound (``Hits.exact`` False: "共 N 条以上")
PARTS_COUNTED = 500


@dataclass
class Plan:
    """One search, decided: the engine's query, what to list (``mode``: article (articles and
    headings), entry (definitions or headings one by one), obligation, or parts: paragraphs
    and items), the facet filter terms, and the words the hits are marked with."""
    q: object
    match: object                  # the engine's query without the bonus tiers: what matches (kb search's total)
    mode: str
    ftype: str | None
    terms: tuple
    facet: tuple                   # (actor, modality) a shown part must have
    actor_text: str | None         # no obligations layer: the actor must be named in the text
    words: list[str]               # text words, every spelling (snippet marks)
    hwords: list[str]              # every positive word (heading marks)
    rank_words: list[Word]         # what the ranker bounds scores by


def scope_terms(kind: str, f: dict) -> list[tuple[str, str]]:
    """The filter terms of the entries of a ``kind`` in the regulations and versions ``f``
    selects (the latest version of each unless ``f["version"]``; "all": every version)."""
    terms = [("type", kind)]
    if f.get("regulation"):
        terms.append(("regulation", f["regulation"]))
    if f.get("version") and f["version"] != "all":
        terms.append(("version", f["version"]))
    elif not f.get("version"):
        terms.append(("latest", "1"))
    return terms


def plan(Q, pq: ParsedQuery, f: dict, manifest: dict, group_by_article: bool) -> Plan:
    """Decide a search (``Q``: the engine's query constructors, see :mod:`kb.catalog.compose`):
    without an obligations layer in the catalog, ``actor`` means the text names the actor; with
    one, it and ``modality`` are facet filters (both on the same statement when given together)."""
    main = compose.to_query(Q, pq.tree) if pq.tree is not None else Q.Every()
    ftype = f.get("type")
    if ftype in ("definition", "chapter"):
        mode, kind = "entry", ftype
    elif ftype == "article" or (ftype is None and group_by_article):
        mode, kind = "article", ftype or ARTICLES_AND_HEADINGS
    elif ftype == "obligation":
        mode, kind = "obligation", "article"
    else:
        mode, kind = "parts", "article"       # paragraphs and items (or items only)
    terms = scope_terms(kind, f)
    if f.get("chapter"):
        terms.append(("chapter", f["chapter"]))
    if f.get("cites"):
        terms.append(("cites", f["cites"]))
    want_a, want_m = None, f.get("modality")
    actor_text = None
    if f.get("actor"):
        want_a = (manifest.get("actors") or {}).get(f["actor"], f["actor"])
        if "obligations" not in manifest.get("used_layers", []):
            # no obligations layer yet: an actor is a provision that names it
            actor_text = normalize(want_a)
            main = Q.And([main, compose.word_query(Q, Word(actor_text), fields=(("text", 1.0),))])
            want_a = None
    if ftype != "definition":
        if want_a and want_m:       # the same statement must have both
            terms.append(("actmod", f"{want_a}|{want_m}"))
        elif want_a:
            terms.append(("actor", want_a))
        elif want_m:
            terms.append(("modality", want_m))
    pos = pq.positives()
    marked = pos + pq.marks          # marks: shown in the hits, not searched (nor ranked by)
    return Plan(q=compose.with_bonus_tiers(Q, main, pq), match=main, mode=mode, ftype=ftype, terms=tuple(terms),
                facet=(want_a, want_m), actor_text=actor_text,
                words=flatten_words([w for w in marked if w.field != "heading"]),
                hwords=flatten_words([w for w in marked if w.field != "text"]),
                rank_words=[w for w in pos if w.field is None] or pos)


def search(Q, index, pq: ParsedQuery, f: dict, manifest: dict, limit, group_by_article: bool,
           whole_catalog: bool = True) -> Hits:
    """The hits of a parsed query with its (canonical) filters ``f``; ``limit`` 0 or None:
    every hit.  A paragraph/obligation search asks the engine for more articles than hits
    wanted (an article may hold none that match by themselves), and for every one if that
    was still too few.  ``total`` of the list: every hit, counted beyond the limit (an
    article or entry search counts the matching entries; a paragraph/obligation search the
    parts of every matching article that match, without making their hits)."""
    p = plan(Q, pq, f, manifest, group_by_article)
    want = None if not limit or limit <= 0 else int(limit)
    allow, mask = index.filter_sets(p.terms)
    if allow is not None and not allow:
        return Hits()
    fetch = want if (want is None or p.mode in ("article", "entry")) else max(want * 3, 30)
    while True:
        results = index.top(p.q, fetch, allow, mask, p.rank_words, pq.has_or(), whole_catalog)
        hits: list[Hit] = []
        for r in results:
            fields = r.fields()
            if p.mode in ("article", "entry"):
                hits.append(entry_hit(fields, r.score, p.words, p.hwords, p.facet, pq))
            else:
                hits.extend(part_hits(fields, r.score, pq.tree, p.words, p.hwords, p.facet, p.mode,
                                      p.ftype, p.actor_text))
            if want is not None and len(hits) >= want:
                break
        if fetch is None or (want is not None and len(hits) >= want) or len(results) < fetch:
            break
        fetch = None      # too few paragraphs in the first articles: take every hit
    if want is None or len(hits) < want:
        return Hits(hits)
    complete = fetch is None or len(results) < fetch          # every matching entry is in results
    if p.mode in ("article", "entry"):          # one hit an entry
        total = len(results) if complete else _matched(index, results, p, allow, mask)
        return Hits(hits[:want], total)
    every = results if complete else index.top(p.match, PARTS_COUNTED, allow, mask, p.rank_words, pq.has_or(),
                                               whole_catalog)
    matched = len(results) if complete else _matched(index, every, p, allow, mask)
    every = every[:PARTS_COUNTED]
    total = sum(part_hits(r.fields(), r.score, pq.tree, p.words, p.hwords, p.facet, p.mode, p.ftype,
                          p.actor_text, count_only=True) for r in every)
    return Hits(hits[:want], max(total, want), exact=matched <= len(every))


def _matched(index, results, p: Plan, allow, mask) -> int:
    """How many entries match the plan's query: as the engine's ranking said, or counted."""
    n = getattr(results, "matched", None)
    return n if n is not None else index.count_matches(p.match, allow, mask)


def provisions(index, manifest: dict, address, f: dict, limit=None) -> list[Hit]:
    """The provision ``address`` names in each version the filters ``f`` (regulation, version)
    select: the article entry of each version, looked up by key, its part picked out
    (:func:`kb.catalog.hits.provision_hit`)."""
    from kb.text.address import to_eid

    eid = to_eid(*address)
    art = eid.split("__", 1)[0]
    allow, mask = index.filter_sets(tuple(scope_terms("article", f)))
    out = []
    for source in manifest.get("sources") or {}:
        found = index.stored(f"{source}/{art}")
        if found is None:
            continue
        d, fields = found
        if not admits(d, allow, mask):
            continue
        h = provision_hit(fields, eid)
        if h is not None:
            out.append(h)
        if limit and len(out) >= limit:
            break
    return out


def unknown_filter(index, manifest: dict, regulation=None, version=None, chapter=None,
                   actor=None) -> str | None:
    """Why filters match nothing when a value is unknown to the catalog (see
    :meth:`kb.catalog.interface.Catalog.unknown_filter`); None when every value exists."""
    terms = []
    for name, val in (("regulation", regulation), ("version", version), ("chapter", chapter)):
        if val and not (name == "version" and val == "all"):
            terms.append((name, check_filter(name, str(val))))
    if actor and "obligations" in manifest.get("used_layers", []):
        terms.append(("actor", (manifest.get("actors") or {}).get(actor, actor)))
    one = regulation and index.doc_frequency("regulation", regulation) > 0         # -r names a regulation there is
    for name, value in terms:
        if name in ("chapter", "version") and one:
            why = _chapter_in(index, regulation, version, value) if name == "chapter" else \
                _version_in(manifest, regulation, value)
            if why:
                return why
            continue
        if index.doc_frequency(name, value) > 0:
            continue
        if name == "actor":
            return _actor_hint(index, manifest, actor)
        known = sorted(index.values(name))
        if name == "chapter":
            known = [k for k in known if not k.isdigit()] or known
        shown = "、".join(known[:20]) + ("……" if len(known) > 20 else "")
        return f"检索目录里没有{FILTER_NAMES[name]}“{value}”" + (f"；已有：{shown}" if shown else "")
    return None


def _version_in(manifest: dict, regulation: str, version: str) -> str | None:
    """Why -v matches nothing in the one regulation -r names: it has no such version, and which it has
    (another regulation's 2019-12-28 does not make the seed have one); None when it has it."""
    have = [key.partition("@")[2] for key in manifest.get("sources") or {} if key.partition("@")[0] == regulation]
    if version in have:
        return None
    return f"法规“{regulation}”没有版本“{version}”；它有：{'、'.join(have)}"


def _actor_hint(index, manifest: dict, actor: str) -> str:
    """An actor no statement names, with the closest names the catalog knows (as kb obligations names
    them: by similarity, each by its canonical name), not the first in alphabetical order."""
    import difflib

    aliases = manifest.get("actors") or {}
    names = sorted(set(index.values("actor")) | set(aliases))
    close = difflib.get_close_matches(actor, names, n=5, cutoff=0.5)
    close = list(dict.fromkeys(aliases.get(c, c) for c in close))
    hint = f"；最接近的是：{'、'.join(close)}" if close else "；用 kb actors --all 查看全部主体"
    return f"检索目录里没有主体“{actor}”{hint}"


def container_label(key: str) -> str:
    """第三章第一节 for chp_3__sec_1, 第二编第三章 for part_2__chp_3, 第九章 for a chapter number (9): the label
    kb.catalog.query reads (its CONTAINERS)."""
    from kb.text.numerals import to_chinese

    if key.isdigit():
        return f"第{to_chinese(int(key))}章"
    out = ""
    for seg in key.split("__"):
        kind, _, n = seg.rpartition("_")
        if kind not in CONTAINERS or not n.isdigit():
            return key
        out += f"第{to_chinese(int(n))}{CONTAINERS[kind]}"
    return out


def _chapter_in(index, regulation: str, version: str | None, chapter: str) -> str | None:
    """Why --chapter matches nothing in the one regulation searched (the version searched: the
    latest unless ``version``): it has no such chapter, and which it has; None when it has it (the
    words are not found there).  Another regulation's 第九章 does not make the seed have one."""
    allow, mask = index.filter_sets(tuple(scope_terms("article", {"regulation": regulation, "version": version})[1:]))

    def present(value: str) -> bool:
        docs = index.filter_sets((("chapter", value),))[0] or set()
        return any(admits(d, allow, mask) for d in docs)

    if present(chapter):
        return None
    have = sorted((v for v in index.values("chapter") if not v.isdigit() and present(v)), key=content_key)
    where = regulation + (f"@{version}" if version and version != "all" else "")
    shown = "、".join(container_label(v) for v in have)
    return f"法规“{where}”没有{container_label(chapter)}" + (f"；它有：{shown}" if shown else "；它不分章")
