"""Top-N ranking over the whoosh index without scoring every match.  whoosh scores matches
in Python (~15-40 us each), so a query matching most of a large catalog (应当 in 40,000
articles) would take half a second; this module decides which documents are worth scoring.

Ranking itself is whoosh's BM25F (heading x3, defined terms x4) plus the tiers of
:mod:`kb.catalog.whoosh.queries`.  A top-N search scores at most ``SCAN_CAP`` text matches
(divided by the number of bigrams in the query).  For words more frequent than that the
documents to score are chosen over the whole catalog from a bound read off the postings
(BM25 of each bigram's frequency and the text length, plus the tiers), verified best first
until no remaining bound can beat the N-th hit, so the top-N does not come from the
regulations indexed first; heading and definition matches are always verified.
``limit=None`` returns every hit.

A :class:`Ranker` lives as long as its searcher: decoded postings, word bounds and length
norms are cached in it.  Imported only when a search runs (it imports whoosh).
"""
from __future__ import annotations

from heapq import heapify, heappop, nsmallest

from kb.catalog import compose
from kb.catalog.analysis import query_tokens
from kb.catalog.searching import admitted, content_key
from kb.catalog.whoosh import internals, live
from kb.catalog.whoosh.queries import BONUS_ALL, BONUS_EXACT, DocSet, const, word_query

internals.import_whoosh()

from whoosh import query as Q  # noqa: E402  (after import_whoosh: see kb.catalog.whoosh.internals)
from whoosh.collectors import FilterCollector  # noqa: E402

#: top-N searches score at most this many text matches (see Ranker.top)
SCAN_CAP, SCAN_FLOOR, HEADS_FLOOR = compose.SCAN_CAP, compose.SCAN_FLOOR, compose.HEADS_FLOOR
#: decoded postings / word bounds kept per searcher, in postings entries (~100 bytes each)
CACHE_ENTRIES = 600_000
K1, B = compose.K1, compose.B


class Ranker:
    """The best documents for a query on one searcher, with the caches that make a warm
    search cheap."""

    def __init__(self, searcher):
        self.s = searcher
        self.caches: dict[str, dict] = {}
        self._norms: list[float] | None = None
        self._keys: dict[int, tuple] = {}
        self._key_column = None

    def top(self, q, limit, allow, mask, words, has_or=False, whole_catalog=True) -> list:
        """The best ``limit`` documents (all when None), as whoosh hits, best first.

        For top-N requests at most ``SCAN_CAP`` text matches (divided by the number of
        bigrams in the query) are scored.  When a query's words are more frequent than
        that, the documents to score are chosen over the WHOLE catalog by a cheap pre-score
        read from the postings (:meth:`candidates`: term frequencies and field lengths,
        no phrase verification), so the top-N is not biased towards the regulations
        indexed first; other queries that hit the cap stop scanning in catalog order.
        Documents whose heading or defined terms contain a query word are always scored
        in full, so the boosted ones are never left out.  Queries with fewer matches than
        the cap (nearly all) are ranked exactly; ``limit=None`` (kb search --limit 0)
        always returns every hit.  ``whole_catalog=False`` turns the choice of candidates
        off: every top-N scan goes in catalog order (the baseline of kb bench search)."""
        s = self.s
        if limit is None:
            return self._sorted({h.docnum: h for h in s.search(q, limit=None, filter=allow, mask=mask)}, None)
        # a phrase of n bigrams costs about n single-term matches per document
        tokens = sum(max(1, len(v) - 1) for w in words for v in w.variants()) or 1
        cap = max(SCAN_FLOOR, SCAN_CAP // tokens)

        def wrap(c):
            return FilterCollector(c, allow=allow, restrict=mask) if (allow or mask) else c

        cands = self.candidates(words, cap, allow, mask, has_or) if whole_catalog else None
        if cands is not None:
            return self._sorted(self._verify(q, cands, limit), limit)
        found, capped = self._capped(q, limit, cap, allow, mask, wrap)
        if words and capped:
            # documents whose heading or defined terms contain a query word: intersect (the
            # sparse side drives the scan), scored as by the full query
            hq = [word_query(w, fields=(("heading", 1.0), ("terms", 1.0))) for w in words]
            hq = hq[0] if len(hq) == 1 else Q.Or(hq)
            heads, _ = self._capped(Q.And([q, const(hq, 0.0)]), limit, max(HEADS_FLOOR, cap), allow, mask, wrap)
            for d, h in heads.items():
                found.setdefault(d, h)
        return self._sorted(found, limit)

    def _capped(self, q, limit, cap, allow, mask, wrap) -> tuple[dict, bool]:
        """The best ``limit`` of the first ``cap`` matches of ``q`` in content order (of all
        when fewer), as {docnum: hit}, and whether there were more.  Not the first in index
        order: those depend on how the catalog was built (an incremental build appends the
        entries it re-indexes)."""
        # every match counted (no block skipping): whether the cap is reached is then a matter
        # of the content alone
        c = internals.top_collector(limit, self.tie_key, cap=cap, usequality=False)
        self.s.search_with_collector(q, wrap(c))
        if not c.capped:
            return {h.docnum: h for h in c.results()}, False
        docs = list(admitted(self.s.docs_for_query(q), allow, mask))
        c = internals.top_collector(limit, self.tie_key, usequality=False, replace=0)
        self.s.search_with_collector(Q.And([q, DocSet(nsmallest(cap, docs, key=self.tie_key), self.s)]), c)
        return {h.docnum: h for h in c.results()}, True

    def _sorted(self, found: dict, limit: int | None) -> list:
        """Best first; equal scores in content order (regulation, version, eid)."""
        return sorted(found.values(), key=lambda h: (-h.score, self.tie_key(h.docnum)))[:limit]

    def tie_key(self, docnum: int) -> tuple:
        """Where a document comes among documents of equal score: the content order of its
        entry's key (:func:`kb.catalog.searching.content_key`), read from the key column."""
        k = self._keys.get(docnum)
        if k is None:
            if self._key_column is None:
                self._key_column = self.s.reader().column_reader("key")
            raw = self._key_column[docnum]
            k = self._keys[docnum] = content_key(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
        return k

    def _verify(self, q, cands: Popper, limit: int) -> dict:
        """Frequent words: verify (and score) the candidates best bound first, in batches,
        wherever they sit in the catalog (the intersection with the batch is driven by the
        batch); stop once the next bound cannot beat the limit-th hit, or after the cap."""
        found = {}
        batch = max(2 * limit, 20)
        heads = list(cands.heads)      # verified with the first batch (one search)
        while cands or heads:
            chunk = cands.take(batch)
            # no block-quality skipping or matcher replacement: with a zero-score
            # restriction in the And, whoosh's replace() drops documents that belong
            # in the top N
            c = internals.top_collector(limit, self.tie_key, usequality=False, replace=0)
            docs = set(heads).union(d for _, d in chunk)
            heads = []
            self.s.search_with_collector(Q.And([q, DocSet(docs, self.s)]), c)
            for h in c.results():
                found[h.docnum] = h
            if len(found) >= limit and cands:
                kth = sorted((h.score for h in found.values()), reverse=True)[limit - 1]
                if cands.peek() < kth - 1e-6:       # one that ties may come first in content order
                    break
            batch *= 2
        return found

    def candidates(self, words, cap, allow, mask, has_or=False) -> Popper | None:
        """For a frequent query, the ``cap`` documents most worth scoring, chosen over the
        whole catalog, as (bound, docnum), best first; None when the query is not frequent
        enough to need it (or has words this pre-score cannot read: field words, single
        characters).

        The bound is read from the text postings alone (no phrase verification): whoosh
        scores a phrase as the sum of its bigrams' BM25 scores, so for every document
        that contains all the bigrams of a word it is that word's BM25 score exactly,
        plus the exact-phrase tier when every bigram of the words run together occurs,
        plus the whole-query tier (OR queries) when every word may occur.  For a document
        that really matches, the bound is its score from the text field; heading and
        defined-term matches are scored separately (see top).  Without OR, only the
        documents whose text has every word are candidates (any other match has a word in
        its heading or defined terms, and is verified with those).  Ties: every document
        of the bound the cap cuts through is handed out.  Decoded postings and each word's
        bounds are cached per searcher."""
        if not words or any(w.field for w in words):
            return None
        groups = []            # per word: [per variant: bigram tokens]
        for w in words:
            if any(len(v) < 2 for v in w.variants()):
                return None
            groups.append([query_tokens(v) for v in w.variants()])
        s = self.s
        st = live.stats(s)          # live documents: what a full rebuild of the content would hold
        dfs = {t: st.doc_frequency("text", t) for vs in groups for toks in vs for t in toks}
        # the most documents the query can match (any word: its variants' rarest bigrams)
        est = sum(min(dfs[t] for t in toks) for vs in groups for toks in vs)
        if est <= cap:
            return None
        post = {t: self.postings(t) for t in dfs if dfs[t]}
        score, present = _combine(self._word_bounds(groups, post), has_or)
        if len(words) >= 2:
            # the documents with every bigram of the words run together (read off the
            # rarest of those bigrams' postings: the same set as testing every scored one)
            toks = query_tokens("".join(w.text for w in words))
            joined = sorted((post[t] if t in post else self.postings(t) for t in toks), key=len)
            for d in joined[0]:
                if d in score and all(d in pl for pl in joined[1:]):
                    score[d] += BONUS_EXACT
        if has_or:
            for d in score:
                if present[d] == len(groups):
                    score[d] += BONUS_ALL
        if allow is not None:
            keyed = [(-sc, d) for d, sc in score.items() if d in allow and not (mask and d in mask)]
        elif mask:
            keyed = [(-sc, d) for d, sc in score.items() if d not in mask]
        else:
            keyed = [(-sc, d) for d, sc in score.items()]
        heapify(keyed)          # popped best first, as far as the caller goes (<= cap)
        return Popper(keyed, cap, sorted(self._heads(groups, allow, mask)))

    def _word_bounds(self, groups, post) -> list[dict[int, float]]:
        """Per word of the query, its bounds (see word_bound), cached per searcher."""
        norm = self.norms()
        top = {t: self.s.idf("text", t) * (K1 + 1) for t in post}     # BM25 as scoring.bm25
        wcache = self.cache("words")
        bounds = []
        for vs in groups:
            wkey = tuple(tuple(toks) for toks in vs)
            word = wcache.get(wkey)
            if word is None:
                word = self.word_bound(vs, post, top, norm)
                remember(wcache, wkey, word)
            bounds.append(word)
        return bounds

    def _heads(self, groups, allow, mask) -> set[int]:
        """Documents whose heading or defined terms may contain a word (all its bigrams
        occur there): their boosted scores are not bounded above, so all are verified."""
        heads: set[int] = set()
        for vs in groups:
            for toks in vs:
                for fname in ("heading", "terms"):
                    if not all(self.s.doc_frequency(fname, t) for t in toks):
                        continue
                    lists = sorted((self.postings(t, fname) for t in toks), key=len)
                    heads.update(d for d in lists[0] if all(d in o for o in lists[1:]))
        if mask:
            heads -= mask
        if allow is not None:
            heads &= allow
        return heads

    @staticmethod
    def word_bound(vs, post, top, norm) -> dict[int, float]:
        """{docnum: BM25 of one word in the text field} for every document containing all
        the bigrams of one of its variants (``vs``: per variant, its bigram tokens)."""
        word: dict[int, float] = {}
        for toks in vs:
            if any(t not in post for t in toks):
                continue
            lists = sorted(((post[t], top[t]) for t in toks), key=lambda x: len(x[0]))
            (first, t0), rest = lists[0], lists[1:]
            if not rest and not word:
                word = {d: t0 * tf / (tf + norm[d]) for d, tf in first.items()}
                continue
            for d, tf in first.items():
                nd = norm[d]
                sc = t0 * tf / (tf + nd)
                for other, tt in rest:
                    o = other.get(d)
                    if not o:
                        break
                    sc += tt * o / (o + nd)
                else:
                    word[d] = word.get(d, 0.0) + sc
        return word

    def cache(self, name: str) -> dict:
        """A cache that lives as long as the searcher (decoded postings, word bounds)."""
        return self.caches.setdefault(name, {})

    def postings(self, token, field="text") -> dict[int, int]:
        """{docnum: frequency} of a bigram over the whole catalog, decoded once per searcher.
        The dict is shared: callers must not change it."""
        cache = self.cache("postings")
        key = (field, token)
        out = cache.get(key)
        if out is None:
            out = internals.read_postings(self.s, token, field)
            remember(cache, key, out)
        return out

    def norms(self) -> list[float]:
        """BM25's length normalisation K1 * (1 - B + B * length / average length) of every
        document's text (lengths as whoosh's BM25 sees them), cached per searcher."""
        if self._norms is None:
            lengths = internals.field_lengths(self.s, "text")
            avg = live.stats(self.s).avg_length("text")
            self._norms = [K1 * ((1 - B) + B * fl / avg) for fl in lengths]
        return self._norms


def _combine(bounds: list[dict[int, float]], has_or: bool) -> tuple[dict[int, float], dict[int, int] | None]:
    """The pre-score of each document from its words' bounds, and (OR) how many words it
    has.  OR: the sum over the words it has.  AND: the sum over every word, only for the
    documents whose text has them all (a document lacking one in its text can only match
    through its heading or defined terms, and those are all verified: heads).  A single
    word's bounds are returned as they are: shared with the cache, so only read (the tiers
    are added for two words or more)."""
    if has_or:
        score: dict[int, float] = {}
        present: dict[int, int] = {}
        for word in bounds:
            if not score:
                score, present = dict(word), dict.fromkeys(word, 1)
                continue
            for d, sc in word.items():
                score[d] = score.get(d, 0.0) + sc
                present[d] = present.get(d, 0) + 1
        return score, present
    if len(bounds) == 1:
        return bounds[0], None
    score = {}
    for d in min(bounds, key=len):
        sc = 0.0
        for word in bounds:
            v = word.get(d)
            if v is None:
                break
            sc += v
        else:
            score[d] = sc
    return score, None


def remember(cache: dict, key, value) -> None:
    """Keep ``value`` (a dict) in a per-searcher cache; past CACHE_ENTRIES postings in all,
    the oldest half of the entries goes first.  ``cache[None]`` counts the postings held."""
    size = len(value)
    if size > CACHE_ENTRIES:
        return
    used = cache.get(None, 0)
    while used + size > CACHE_ENTRIES:
        keys = [k for k in cache if k is not None]
        for k in keys[: max(1, len(keys) // 2)]:
            used -= len(cache.pop(k))
    cache[key] = value
    cache[None] = used + size


class Popper:
    """The best ``cap`` entries of a heap of (-bound, docnum), handed out best first."""

    def __init__(self, heap, cap, heads=()):
        self.heap, self.left, self.heads = heap, cap, list(heads)
        self.last: float | None = None

    def __bool__(self):
        # past the cap, the entries that tie with the last one handed out still come: which
        # of equal bounds are scored must not depend on document numbers
        return bool(self.heap) and (self.left > 0 or -self.heap[0][0] == self.last)

    def peek(self) -> float:
        return -self.heap[0][0]

    def take(self, n) -> list[tuple[float, int]]:
        out = []
        while self and len(out) < n:
            nb, d = heappop(self.heap)
            out.append((-nb, d))
            self.last = -nb
            self.left -= 1
        return out
