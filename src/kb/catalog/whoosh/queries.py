"""The query language's trees as whoosh queries (built by :mod:`kb.catalog.compose`, which every
engine shares), and the two query kinds kb adds to whoosh: a constant-score wrapper that is
evaluated lazily, and a set of document numbers.

Imported only when a search runs (it imports whoosh).
"""
from __future__ import annotations

from kb.catalog import compose
from kb.catalog.query import ParsedQuery, Word
from kb.catalog.whoosh import internals

internals.import_whoosh()

from whoosh import matching  # noqa: E402  (after import_whoosh: see kb.catalog.whoosh.internals)
from whoosh import query as Q  # noqa: E402
from whoosh.matching.wrappers import ConstantScoreWrapperMatcher  # noqa: E402

BONUS_EXACT, BONUS_ALL = compose.BONUS_EXACT, compose.BONUS_ALL


class WHOOSH_Q:
    """whoosh's query constructors, as :mod:`kb.catalog.compose` asks for them."""
    Or, And, Not, AndNot, AndMaybe = Q.Or, Q.And, Q.Not, Q.AndNot, Q.AndMaybe
    Term, Phrase, Prefix, Every = Q.Term, Q.Phrase, Q.Prefix, Q.Every

    @staticmethod
    def const(child, score):
        return const(child, score)


def word_query(w: Word, fields=None):
    """A word of the query in whoosh (see :func:`kb.catalog.compose.word_query`)."""
    return compose.word_query(WHOOSH_Q, w, fields)


def to_whoosh(n):
    """The whoosh query of a query tree (:mod:`kb.catalog.query`)."""
    return compose.to_query(WHOOSH_Q, n)


def with_bonus_tiers(q, pq: ParsedQuery):
    """``q`` with the ranking tiers of a multi-word query (:func:`kb.catalog.compose.with_bonus_tiers`)."""
    return compose.with_bonus_tiers(WHOOSH_Q, q, pq)


class LazyConstantScoreQuery(Q.ConstantScoreQuery):
    """whoosh's ConstantScoreQuery lists every matching document up front (``all_ids``):
    for a bonus phrase of frequent words (人民政府应当, 5,000 articles) that cost seconds,
    while only the documents the main query visits need checking."""

    def matcher(self, searcher, context=None):
        m = self.child.matcher(searcher, context)
        if isinstance(m, matching.NullMatcherClass):
            return m
        return ConstantScoreWrapperMatcher(m, self.score)


def const(child, score):
    """A constant-score wrapper evaluated lazily (see LazyConstantScoreQuery)."""
    return LazyConstantScoreQuery(child, score)


class DocSet(Q.Query):
    """A query matching exactly the given (top-level) document numbers, scoring 0: in an
    And it restricts another query to them without visiting anything else."""

    def __init__(self, docnums, searcher):
        self.size = len(docnums)
        self.by_leaf = {}
        leaves = searcher.leaf_searchers()
        docnums = sorted(docnums)
        for i, (sub, offset) in enumerate(leaves):
            end = leaves[i + 1][1] if i + 1 < len(leaves) else float("inf")
            self.by_leaf[id(sub)] = [d - offset for d in docnums if offset <= d < end]

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)

    def estimate_size(self, ixreader):
        return self.size

    def matcher(self, searcher, context=None):
        ids = self.by_leaf.get(id(searcher))
        if not ids:
            return matching.NullMatcher()
        return ConstantScoreWrapperMatcher(matching.ListMatcher(ids), 0.0)
