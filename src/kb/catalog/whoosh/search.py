"""Searching the whoosh index: the live directory kept open between searches, the facet
filters as document sets, and one search from a parsed query to the hits shown.  Which
documents are scored is :mod:`kb.catalog.whoosh.ranking`'s job; what a hit shows is
:mod:`kb.catalog.hits`'.

Imported only when a search runs (it imports whoosh).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kb.catalog.analysis import normalize
from kb.catalog.hits import entry_hit, part_hits, provision_hit
from kb.catalog.interface import Hit
from kb.catalog.query import ParsedQuery, Word, check_filter, flatten_words
from kb.catalog.whoosh import internals, live
from kb.catalog.whoosh.queries import to_whoosh, with_bonus_tiers, word_query
from kb.catalog.whoosh.ranking import Ranker

internals.import_whoosh()

from whoosh import index as wix  # noqa: E402  (after import_whoosh: see kb.catalog.whoosh.internals)
from whoosh import query as Q  # noqa: E402

#: facet filter sets kept per searcher (see OpenIndex.filter_sets)
FILTER_CACHE = 64
#: the type filter of a search listing one hit per article or heading (编、章、节)
ARTICLES_AND_HEADINGS = "article|chapter"
#: how unknown_filter names a filter to the user
FILTER_NAMES = {"regulation": "法规", "version": "版本", "chapter": "章", "actor": "主体"}


class OpenIndex:
    """The live index directory, opened for searching.  One searcher is kept open between
    searches (opening costs more than most queries), with what is cached for it: the
    ranker's postings and bounds, and the facet filter sets."""

    def __init__(self, directory: Path):
        self.dir = directory
        self.ix = wix.open_dir(str(directory), readonly=True)
        self._s = None
        self._ranker: Ranker | None = None
        self._filters: dict = {}

    def searcher(self):
        if self._s is None:
            internals.cache_blocks()
            self._s = self.ix.searcher(weighting=live.LiveBM25F())
            self._ranker = Ranker(self._s)
            self._filters = {}
        return self._s

    def ranker(self) -> Ranker:
        """The ranker of the open searcher (and its caches)."""
        self.searcher()
        return self._ranker

    def close(self) -> None:
        if self._s is not None:
            self._s.close()
        self._s = None
        self._ranker = None

    def filter_sets(self, terms: tuple):
        """(allow, mask) document-number sets for the facet filters, cached per searcher.
        Frequent conditions (type=article, latest version) become a mask of the few
        documents they exclude; selective ones (regulation, version, chapter, actor …) an
        allow set."""
        cache = self._filters
        if terms in cache:
            return cache[terms]
        if len(cache) > FILTER_CACHE:
            cache.clear()
        allow_q, mask_q = [], []
        for name, value in terms:
            if (name, value) == ("type", "article"):
                mask_q += [Q.Term("type", "definition"), Q.Term("type", "chapter")]
            elif (name, value) == ("type", ARTICLES_AND_HEADINGS):
                mask_q.append(Q.Term("type", "definition"))
            elif (name, value) == ("latest", "1"):
                mask_q.append(Q.Term("latest", "0"))
            else:
                allow_q.append(Q.Term(name, value))
        s = self.searcher()
        allow = None
        if allow_q:
            allow = set(s.docs_for_query(allow_q[0] if len(allow_q) == 1 else Q.And(allow_q)))
        mask = set(s.docs_for_query(Q.Or(mask_q))) if mask_q else None
        cache[terms] = (allow, mask or None)
        return cache[terms]


@dataclass
class Plan:
    """One search, decided: the whoosh query, what to list (``mode``: article (articles and
    headings), entry (definitions or headings one by one), obligation, or parts: paragraphs
    and items), the facet filter terms, and the words the hits are marked with."""
    q: object
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


def plan(pq: ParsedQuery, f: dict, manifest: dict, group_by_article: bool) -> Plan:
    """Decide a search: without an obligations layer in the catalog, ``actor`` means the
    text names the actor; with one, it and ``modality`` are facet filters (both on the same
    statement when given together)."""
    main = to_whoosh(pq.tree) if pq.tree is not None else Q.Every()
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
    want_a, want_m = None, f.get("modality")
    actor_text = None
    if f.get("actor"):
        want_a = (manifest.get("actors") or {}).get(f["actor"], f["actor"])
        if "obligations" not in manifest.get("used_layers", []):
            # no obligations layer yet: an actor is a provision that names it
            actor_text = normalize(want_a)
            main = Q.And([main, word_query(Word(actor_text), fields=(("text", 1.0),))])
            want_a = None
    if ftype != "definition":
        if want_a and want_m:       # the same statement must have both
            terms.append(("actmod", f"{want_a}|{want_m}"))
        elif want_a:
            terms.append(("actor", want_a))
        elif want_m:
            terms.append(("modality", want_m))
    pos = pq.positives()
    return Plan(q=with_bonus_tiers(main, pq), mode=mode, ftype=ftype, terms=tuple(terms), facet=(want_a, want_m),
                actor_text=actor_text, words=flatten_words([w for w in pos if w.field != "heading"]),
                hwords=flatten_words([w for w in pos if w.field != "text"]),
                rank_words=[w for w in pos if w.field is None] or pos)


def search(index: OpenIndex, pq: ParsedQuery, f: dict, manifest: dict, limit, group_by_article: bool,
           whole_catalog: bool = True) -> list[Hit]:
    """The hits of a parsed query with its (canonical) filters ``f``; ``limit`` 0 or None:
    every hit.  A paragraph/obligation search asks the ranker for more articles than hits
    wanted (an article may hold none that match by themselves), and for every one if that
    was still too few."""
    p = plan(pq, f, manifest, group_by_article)
    want = None if not limit or limit <= 0 else int(limit)
    allow, mask = index.filter_sets(p.terms)
    if allow is not None and not allow:
        return []
    fetch = want if (want is None or p.mode in ("article", "entry")) else max(want * 3, 30)
    while True:
        results = index.ranker().top(p.q, fetch, allow, mask, p.rank_words, pq.has_or(), whole_catalog)
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
    return hits[:want] if want is not None else hits


def provisions(index: OpenIndex, manifest: dict, address, f: dict, limit=None) -> list[Hit]:
    """The provision ``address`` names in each version the filters ``f`` (regulation, version)
    select: the article entry of each version, looked up by key, its part picked out
    (:func:`kb.catalog.hits.provision_hit`)."""
    from kb.text.address import to_eid

    eid = to_eid(*address)
    art = eid.split("__", 1)[0]
    allow, mask = index.filter_sets(tuple(scope_terms("article", f)))
    s = index.searcher()
    out = []
    for source in manifest.get("sources") or {}:
        d = s.document_number(key=f"{source}/{art}")
        if d is None or (allow is not None and d not in allow) or (mask and d in mask):
            continue
        h = provision_hit(s.stored_fields(d), eid)
        if h is not None:
            out.append(h)
        if limit and len(out) >= limit:
            break
    return out


def unknown_filter(index: OpenIndex, manifest: dict, regulation=None, version=None, chapter=None,
                   actor=None) -> str | None:
    """Why filters match nothing when a value is unknown to the catalog (see
    :meth:`kb.catalog.interface.Catalog.unknown_filter`); None when every value exists."""
    s = index.searcher()
    terms = []
    for name, val in (("regulation", regulation), ("version", version), ("chapter", chapter)):
        if val and not (name == "version" and val == "all"):
            terms.append((name, check_filter(name, str(val))))
    if actor and "obligations" in manifest.get("used_layers", []):
        terms.append(("actor", (manifest.get("actors") or {}).get(actor, actor)))
    for name, value in terms:
        if s.doc_frequency(name, value) > 0:
            continue
        known = sorted({t.decode("utf-8") if isinstance(t, bytes) else str(t)
                        for t in s.reader().lexicon(name)})
        if name == "chapter":
            known = [k for k in known if not k.isdigit()] or known
        shown = "、".join(known[:20]) + ("……" if len(known) > 20 else "")
        return f"检索目录里没有{FILTER_NAMES[name]}“{value}”" + (f"；已有：{shown}" if shown else "")
    return None


def articles(index: OpenIndex) -> Iterator[tuple[str, str, dict]]:
    """(key, regulation, stored data) of every article entry, in index order."""
    for d in index.searcher().all_stored_fields():
        if d.get("type") != "article":
            continue
        yield d["key"], d["regulation"], json.loads(d["data"])
