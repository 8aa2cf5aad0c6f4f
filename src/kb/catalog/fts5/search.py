"""Searching the FTS5 catalog with the whoosh engine's rules, so that both answer alike: FTS5 (C)
finds the entries a word's phrase or prefix matches; the score of each is computed here as whoosh
computes it (BM25F over the live entries: K1 1.2, B 0.75, idf log(N / (df + 1)) + 1, whoosh's
one-byte field lengths; a phrase scores the sum of its bigrams' BM25, a field's boost multiplies
it, OR and AND add their parts' scores, AND NOT keeps the positive part's, the tiers of
:mod:`kb.catalog.compose` add constants), and equal scores are ordered by content
(:func:`kb.catalog.searching.content_key`).  A top-N search scores every match exactly (FTS5
hands over a frequent word's postings in one query), except where whoosh's ranker stops at its
scan cap: a query with a one-character or field-restricted word and more matches than the cap
is ranked, as by whoosh, among its first ``cap`` matches in content order and its heading and
defined-term matches.

Imported only when a search runs (it imports sqlite3).
"""
from __future__ import annotations

import json
import math
import sqlite3
from array import array
from collections.abc import Iterator
from heapq import nlargest, nsmallest
from pathlib import Path

from kb.catalog import compose, searching
from kb.catalog.analysis import normalize, query_tokens
from kb.catalog.fts5.schema import ARRAY, DB_NAME, STORED, TEXT_FIELDS, token
from kb.errors import KbError

#: postings, scores and phrase matches kept per open database, in entries (see OpenDb._remember)
CACHE_ENTRIES = 600_000
#: a phrase matching at most this many entries is scored from their text, not its tokens' postings
TEXT_TF_MAX = 3000


# ---------------------------------------------------------------- queries (kb.catalog.compose builds them)

class Node:
    """A query node; :meth:`OpenDb.evaluate` gives its {entry id: score}."""
    __slots__ = ()


class Or(Node):
    __slots__ = ("children",)

    def __init__(self, children):
        self.children = list(children)


class And(Or):
    __slots__ = ()


class Not(Node):
    __slots__ = ("child",)

    def __init__(self, child):
        self.child = child


class AndNot(Node):
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a, self.b = a, b


class AndMaybe(AndNot):
    __slots__ = ()


class Term(Node):
    __slots__ = ("field", "text", "boost")

    def __init__(self, field, text, boost=1.0):
        self.field, self.text, self.boost = field, text, boost


class Phrase(Node):
    __slots__ = ("field", "words", "boost")

    def __init__(self, field, words, boost=1.0):
        self.field, self.words, self.boost = field, list(words), boost


class Prefix(Term):
    __slots__ = ()


class Every(Node):
    __slots__ = ()


class Const(Node):
    __slots__ = ("child", "score")

    def __init__(self, child, score):
        self.child, self.score = child, score


class FTS5_Q:
    """The constructors :mod:`kb.catalog.compose` builds queries with."""
    Or, And, Not, AndNot, AndMaybe, Term, Phrase, Prefix, Every = Or, And, Not, AndNot, AndMaybe, Term, Phrase, \
        Prefix, Every

    @staticmethod
    def const(child, score):
        return Const(child, score)


def _count(text: str, bigram: str) -> int:
    """How often a bigram occurs in a (normalised) text, overlaps counted (哈哈 twice in 哈哈哈), as
    its tokens do: a bigram never spans whitespace, so counting in the whole text is counting in its runs."""
    if bigram[0] != bigram[1]:
        return text.count(bigram)
    n, i = 0, text.find(bigram)
    while i >= 0:
        n += 1
        i = text.find(bigram, i + 1)
    return n


def _tree_sum(xs: list[float]) -> float:
    """A sum in the order whoosh's intersection of a phrase's terms adds them (a balanced tree):
    the same float, to the last bit."""
    if len(xs) == 1:
        return xs[0]
    half = len(xs) // 2
    return _tree_sum(xs[:half]) + _tree_sum(xs[half:])


class Result:
    """One ranked entry: its score and, on demand, its stored fields."""
    __slots__ = ("db", "docnum", "score")

    def __init__(self, db, docnum, score):
        self.db, self.docnum, self.score = db, docnum, score

    def fields(self) -> dict:
        row = self.db.con.execute(f"SELECT {', '.join(STORED)} FROM entry WHERE id = ?", (self.docnum,)).fetchone()
        return dict(zip(STORED, row))


class OpenDb:
    """The live database, opened read-only for searching, with what is cached between searches:
    the statistics, postings, phrase matches, filter sets and content keys."""

    def __init__(self, directory: Path):
        self.dir = directory
        # immutable: a live index is never written again (a build writes a new folder)
        try:
            self.con = sqlite3.connect(f"file:{directory / DB_NAME}?mode=ro&immutable=1", uri=True)
            self.con.execute("SELECT count(*) FROM stats").fetchone()
            self.con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, instance)")
            self.con.execute("CREATE VIRTUAL TABLE temp.vcol USING fts5vocab(main, fts, col)")
        except sqlite3.DatabaseError as e:
            raise KbError(f"检索目录的数据库已损坏（{e}）：请运行 kb index --full 重建", str(directory)) from None
        self._lengths: dict | None = None
        self._avg: dict = {}
        self.count = 0
        self._cache: dict = {}
        self._dfs: dict = {}
        self._filters: dict = {}
        self._order: array | None = None

    def close(self) -> None:
        self.con.close()

    # ---- statistics
    def lengths(self, field: str) -> array:
        """Every entry's ``field`` length as whoosh stores it, by entry id (written by the build)."""
        if self._lengths is None:
            stats = dict(self.con.execute("SELECT name, value FROM stats"))
            self.count = stats["count"] or 1
            self._lengths = {f: self._array(stats[f"len_{f}"]) for f in TEXT_FIELDS}
            self._order = self._array(stats["order"])
            for f in TEXT_FIELDS:
                self._avg[f] = (float(sum(self._lengths[f])) / self.count) or 1.0
        return self._lengths[field]

    @staticmethod
    def _array(blob: bytes) -> array:
        a = array(ARRAY)
        a.frombytes(blob)
        return a

    def _remember(self, key, value):
        cache = self._cache
        used = cache.get(None, 0)
        if len(value) > CACHE_ENTRIES:
            return value
        while used + len(value) > CACHE_ENTRIES:
            keys = [k for k in cache if k is not None]
            for k in keys[: max(1, len(keys) // 2)]:
                used -= len(cache.pop(k))
        cache[key] = value
        cache[None] = used + len(value)
        return value

    def postings(self, field: str, tok: str) -> dict[int, int]:
        """{entry id: frequency} of an FTS5 token in a field."""
        key = ("p", field, tok)
        out = self._cache.get(key)
        if out is None:
            out = dict(self.con.execute("SELECT doc, count(*) FROM vocab WHERE term = ? AND col = ? GROUP BY doc",
                                        (tok, field)).fetchall())
            self._remember(key, out)
        return out

    def matching(self, field: str, expr: str) -> set[int]:
        """The entries whose ``field`` matches an FTS5 expression (a phrase, a prefix)."""
        key = ("m", field, expr)
        out = self._cache.get(key)
        if out is None:
            out = {r[0] for r in self.con.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (f"{field} : {expr}",))}
            self._remember(key, out)
        return out

    def _scores(self, field: str, tok: str) -> dict[int, float]:
        """{entry id: BM25 of a token in a field} of every entry holding it."""
        key = ("s", field, tok)
        out = self._cache.get(key)
        if out is None:
            post = self.postings(field, tok)
            bm25 = self._bm25(field, len(post))
            out = {d: bm25(tf, d) for d, tf in post.items()}
            self._remember(key, out)
        return out

    def _bm25(self, field: str, df: int):
        """BM25 of a token found in ``df`` entries' ``field``, as a function of its frequency in an
        entry and the entry: whoosh.scoring.bm25, the same expression (the same float)."""
        lengths = self.lengths(field)
        idf = math.log(self.count / (df + 1)) + 1
        avgfl, K1, B = self._avg[field], compose.K1, compose.B
        return lambda tf, d: idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * lengths[d] / avgfl)))

    def _df(self, field: str, tok: str) -> int:
        """How many entries hold a token in a field (counted by FTS5, without listing them)."""
        key = (field, tok)
        out = self._dfs.get(key)
        if out is None:
            if len(self._dfs) > CACHE_ENTRIES // 100:
                self._dfs.clear()
            row = self.con.execute("SELECT doc FROM vcol WHERE term = ? AND col = ?", (tok, field)).fetchone()
            out = self._dfs[key] = row[0] if row else 0
        return out

    def _phrase(self, field: str, words: list[str], docs: set[int]) -> dict[int, float]:
        """{entry id: the sum of a phrase's bigrams' BM25} over the entries matching it: from each
        token's postings when many match, else from the bigrams counted in the entries' text (what
        FTS5 was given, so the same frequencies) without reading postings of thousands of entries."""
        toks = [token(w) for w in words]
        if len(docs) > TEXT_TF_MAX:
            parts = [self._scores(field, t) for t in toks]
            return {d: _tree_sum([p[d] for p in parts]) for d in docs}
        fns = [self._bm25(field, self._df(field, t)) for t in toks]
        out = {}
        for start in range(0, len(docs), 500):
            ids = sorted(docs)[start:start + 500]
            q = f"SELECT id, {field} FROM entry WHERE id IN ({', '.join('?' * len(ids))})"
            for d, text in self.con.execute(q, ids):
                norm = normalize(text)
                out[d] = _tree_sum([fn(_count(norm, w), d) for fn, w in zip(fns, words)])
        return out

    # ---- evaluating a query
    def evaluate(self, n) -> dict[int, float]:
        """{entry id: score} of every entry a query matches."""
        if isinstance(n, Prefix):
            return dict.fromkeys(self.matching(n.field, f"{token(n.text)}*"), 1.0)
        if isinstance(n, Term):
            sc = self._scores(n.field, token(n.text))
            return {d: s * n.boost for d, s in sc.items()} if n.boost != 1.0 else dict(sc)
        if isinstance(n, Phrase):
            docs = self.matching(n.field, '"' + " ".join(token(w) for w in n.words) + '"')
            out = self._phrase(n.field, n.words, docs) if docs else {}
            return {d: s * n.boost for d, s in out.items()} if n.boost != 1.0 else out
        if isinstance(n, Const):
            return dict.fromkeys(self.evaluate(n.child), n.score)
        if isinstance(n, And):
            parts = [self.evaluate(c) for c in n.children]
            first = min(parts, key=len)
            return {d: sum(p[d] for p in parts) for d in first if all(d in p for p in parts)}
        if isinstance(n, Or):
            out: dict[int, float] = {}
            for c in n.children:
                for d, s in self.evaluate(c).items():
                    out[d] = out[d] + s if d in out else s
            return out
        if isinstance(n, AndMaybe):
            out, extra = self.evaluate(n.a), self.evaluate(n.b)
            return {d: s + extra[d] if d in extra else s for d, s in out.items()}
        if isinstance(n, AndNot):
            out, drop = self.evaluate(n.a), self.evaluate(n.b)
            return {d: s for d, s in out.items() if d not in drop}
        if isinstance(n, Every):
            return dict.fromkeys((r[0] for r in self.con.execute("SELECT id FROM entry")), 1.0)
        raise TypeError(f"unknown query node {n!r}")

    # ---- what kb.catalog.searching asks
    def filter_sets(self, terms: tuple):
        """(allow, mask) entry-id sets for the facet filters (:func:`kb.catalog.searching.filter_sets`)."""
        return searching.filter_sets(self._filters, terms, lambda ts: set.intersection(*(self._ids(*t) for t in ts)),
                                     lambda ts: set().union(*(self._ids(*t) for t in ts)))

    def _ids(self, name: str, value: str) -> set[int]:
        return {r[0] for r in self.con.execute("SELECT id FROM facet WHERE name = ? AND value = ?", (name, value))}

    def tie_key(self, d: int) -> int:
        """Where an entry comes among entries of equal score: its place in content order
        (:func:`kb.catalog.searching.content_key`, ranked by the build)."""
        if self._order is None:
            self.lengths("text")
        return self._order[d]

    def top(self, q, limit, allow, mask, words, has_or=False, whole_catalog=True) -> list[Result]:
        """The best ``limit`` entries (all when None), best first: every match scored, except
        where whoosh's ranker caps its scan (see the module's docstring)."""
        scores = self.evaluate(q)
        docs = list(searching.admitted(scores, allow, mask))
        pool = docs
        if limit is not None:
            n_tokens = sum(max(1, len(v) - 1) for w in words for v in w.variants()) or 1
            cap = max(compose.SCAN_FLOOR, compose.SCAN_CAP // n_tokens)
            if len(docs) > cap and not (whole_catalog and self._frequent(words, cap)):
                pool = set(nsmallest(cap, docs, key=self.tie_key))
                if words:
                    hq = [compose.word_query(FTS5_Q, w, fields=(("heading", 1.0), ("terms", 1.0))) for w in words]
                    heads = self.evaluate(hq[0] if len(hq) == 1 else Or(hq))
                    pool.update(nsmallest(max(compose.HEADS_FLOOR, cap), [d for d in docs if d in heads],
                                          key=self.tie_key))
        if limit is not None and len(pool) > limit:
            # only the entries scoring at least the limit-th best are ordered (ties included)
            kth = nlargest(limit, (scores[d] for d in pool))[-1]
            pool = [d for d in pool if scores[d] >= kth]
        best = sorted(pool, key=lambda d: (-scores[d], self.tie_key(d)))[:limit]
        return searching.Ranked((Result(self, d, scores[d]) for d in best), matched=len(docs))

    def count_matches(self, q, allow, mask) -> int:
        """How many entries match ``q`` among those the facet filters let through."""
        return sum(1 for _ in searching.admitted(self.evaluate(q), allow, mask))

    def _frequent(self, words, cap) -> bool:
        """Whether whoosh's ranker would choose this query's candidates over the whole catalog
        (:meth:`kb.catalog.whoosh.ranking.Ranker.candidates`): text words of two characters or
        more whose rarest bigrams are in more than ``cap`` entries' text in all."""
        if not words or any(w.field for w in words):
            return False
        est = 0
        for w in words:
            for v in w.variants():
                if len(v) < 2:
                    return False
                est += min(len(self.postings("text", token(t))) for t in query_tokens(v))
        return est > cap

    def stored(self, key: str):
        row = self.con.execute(f"SELECT id, {', '.join(STORED)} FROM entry WHERE key = ?", (key,)).fetchone()
        return None if row is None else (row[0], dict(zip(STORED, row[1:])))

    def doc_frequency(self, name: str, value: str) -> int:
        return self.con.execute("SELECT count(*) FROM facet WHERE name = ? AND value = ?", (name, value)).fetchone()[0]

    def values(self, name: str) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT DISTINCT value FROM facet WHERE name = ?", (name,))}

    def articles(self) -> Iterator[tuple[str, str, dict]]:
        """(key, regulation, stored data) of every article entry, in the order they were written."""
        for key, reg, data in self.con.execute("SELECT key, regulation, data FROM entry WHERE type = 'article' "
                                               "ORDER BY id"):
            yield key, reg, json.loads(data)


def open_index(directory: Path) -> OpenDb:
    return OpenDb(directory)


#: the query constructors kb.catalog.compose builds FTS5 queries with
Q_CONSTRUCTORS = FTS5_Q
