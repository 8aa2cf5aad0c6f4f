"""The query language's trees (:mod:`kb.catalog.query`) as an engine's queries, written once for
every engine so that what a word means to the index is the same whichever answers: a word is the
phrase of its bigrams (a term for two characters, a prefix for one, scored by the field's boost
alone) in the text, the headings (boosted) and the defined terms (boosted more), for each of its
spellings; AND, OR and NOT as such; and the ranking tiers of a query of several words.

An engine hands in ``Q``, its query constructors under whoosh's names (``Or``, ``And``,
``AndNot``, ``AndMaybe``, ``Term``, ``Phrase``, ``Prefix``, ``Every``) and ``const`` (a
constant-score wrapper).  Imports nothing heavy.
"""
from __future__ import annotations

from kb.catalog.analysis import query_tokens
from kb.catalog.query import BoolOp, ParsedQuery, Word
from kb.errors import KbError

HEADING_BOOST = 3.0
TERMS_BOOST = 4.0
#: ranking tiers (constant-score bonuses) -- far above any BM25F score
BONUS_EXACT = 20000.0        # the words of the query, concatenated, occur literally
BONUS_ALL = 10000.0          # every positive word occurs (matters for OR queries)
#: a top-N search scores at most this many text matches (divided by the number of bigrams in
#: the query), at least SCAN_FLOOR, and at least HEADS_FLOOR heading/definition matches
#: (see kb.catalog.whoosh.ranking, whose rules the FTS5 engine follows)
SCAN_CAP = 2000
SCAN_FLOOR = 100
HEADS_FLOOR = 500
#: BM25's parameters, as whoosh.scoring.BM25F's defaults
K1, B = 1.2, 0.75


def word_query(Q, w: Word, fields=None):
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
                alts.append(Q.const(Q.Prefix(fname, v), boost))
            elif len(toks) == 1:
                alts.append(Q.Term(fname, toks[0], boost=boost))
            else:
                alts.append(Q.Phrase(fname, toks, boost=boost))
    return alts[0] if len(alts) == 1 else Q.Or(alts)


def to_query(Q, n):
    """The engine's query of a query tree (:mod:`kb.catalog.query`)."""
    if isinstance(n, Word):
        return word_query(Q, n)
    if n.op == "OR":
        return Q.Or([to_query(Q, c) for c in n.children])
    if n.op == "NOT":   # only reached inside AND (the parser refuses other places)
        return Q.Not(to_query(Q, n.children[0]))
    pos = [to_query(Q, c) for c in n.children if not (isinstance(c, BoolOp) and c.op == "NOT")]
    neg = [to_query(Q, c.children[0]) for c in n.children if isinstance(c, BoolOp) and c.op == "NOT"]
    if not pos:
        raise KbError("不能只有排除条件（NOT）：请至少给出一个要查找的词")
    q = pos[0] if len(pos) == 1 else Q.And(pos)
    if neg:
        q = Q.AndNot(q, neg[0] if len(neg) == 1 else Q.Or(neg))
    return q


def with_bonus_tiers(Q, q, pq: ParsedQuery):
    """``q`` with the ranking tiers of a multi-word query added: the words written side by
    side (BONUS_EXACT), and, for OR queries, every word present (BONUS_ALL)."""
    pos = pq.positives()
    bonus = []
    if len(pos) >= 2:
        plain = [w for w in pos if w.field is None]
        if len(plain) >= 2:
            bonus.append(Q.const(word_query(Q, Word("".join(w.text for w in plain))), BONUS_EXACT))
        if pq.has_or():
            bonus.append(Q.const(Q.And([word_query(Q, w) for w in pos]), BONUS_ALL))
    if bonus:
        q = Q.AndMaybe(q, Q.Or(bonus) if len(bonus) > 1 else bonus[0])
    return q
