"""The query language's trees as whoosh queries, and the two query kinds kb adds to whoosh:
a constant-score wrapper that is evaluated lazily, and a set of document numbers.  Kept
apart from searching and ranking so that what a word means to the index (bigram phrases in
the text, heading and defined-term fields, with their boosts) is written once.

Imported only when a search runs (it imports whoosh).
"""
from __future__ import annotations

from kb.catalog.analysis import query_tokens
from kb.catalog.query import BoolOp, ParsedQuery, Word
from kb.catalog.whoosh import internals
from kb.errors import KbError

internals.import_whoosh()

from whoosh import matching  # noqa: E402  (after import_whoosh: see kb.catalog.whoosh.internals)
from whoosh import query as Q  # noqa: E402
from whoosh.matching.wrappers import ConstantScoreWrapperMatcher  # noqa: E402

HEADING_BOOST = 3.0
TERMS_BOOST = 4.0
#: ranking tiers (constant-score bonuses) -- far above any BM25F score
BONUS_EXACT = 20000.0        # the words of the query, concatenated, occur literally
BONUS_ALL = 10000.0          # every positive word occurs (matters for OR queries)


def word_query(w: Word, fields=None):
    """A word of the query: the phrase of its bigrams (a term for two characters, a prefix
    for one) in each field, for each of its spellings.  By default in the text, heading
    (boosted) and defined terms (boosted more); a ``heading:`` word in its field only.  A
    one-character word matches every bigram it begins; its score is the field's boost."""
    if fields is None:
        fields = ((w.field, 1.0),) if w.field else (("text", 1.0), ("heading", HEADING_BOOST),
                                                     ("terms", TERMS_BOOST))
    alts = []
    for v in w.variants():
        toks = query_tokens(v)
        for fname, boost in fields:
            if len(v) == 1:
                # scored by the field's boost alone: whoosh scores a prefix that one term of
                # a segment starts with by BM25, one that several start with by 1, and which
                # terms a segment holds depends on how the catalog was built
                alts.append(const(Q.Prefix(fname, v), boost))
            elif len(toks) == 1:
                alts.append(Q.Term(fname, toks[0], boost=boost))
            else:
                alts.append(Q.Phrase(fname, toks, boost=boost))
    return alts[0] if len(alts) == 1 else Q.Or(alts)


def to_whoosh(n):
    """The whoosh query of a query tree (:mod:`kb.catalog.query`)."""
    if isinstance(n, Word):
        return word_query(n)
    if n.op == "OR":
        return Q.Or([to_whoosh(c) for c in n.children])
    if n.op == "NOT":   # only reached inside AND (the parser refuses other places)
        return Q.Not(to_whoosh(n.children[0]))
    pos = [to_whoosh(c) for c in n.children if not (isinstance(c, BoolOp) and c.op == "NOT")]
    neg = [to_whoosh(c.children[0]) for c in n.children if isinstance(c, BoolOp) and c.op == "NOT"]
    if not pos:
        raise KbError("不能只有排除条件（NOT）：请至少给出一个要查找的词")
    q = pos[0] if len(pos) == 1 else Q.And(pos)
    if neg:
        q = Q.AndNot(q, neg[0] if len(neg) == 1 else Q.Or(neg))
    return q


def with_bonus_tiers(q, pq: ParsedQuery):
    """``q`` with the ranking tiers of a multi-word query added: the words written side by
    side (BONUS_EXACT), and, for OR queries, every word present (BONUS_ALL)."""
    pos = pq.positives()
    bonus = []
    if len(pos) >= 2:
        plain = [w for w in pos if w.field is None]
        if len(plain) >= 2:
            bonus.append(const(word_query(Word("".join(w.text for w in plain))), BONUS_EXACT))
        if pq.has_or():
            bonus.append(const(Q.And([word_query(w) for w in pos]), BONUS_ALL))
    if bonus:
        q = Q.AndMaybe(q, Q.Or(bonus) if len(bonus) > 1 else bonus[0])
    return q


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
