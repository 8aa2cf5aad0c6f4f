"""BM25 over the live documents only, and documents of equal score in content order: the same
content ranks the same however its catalog was built (issue 18).

whoosh's own BM25F takes its statistics from every document a segment holds, deleted ones
included (an incremental ``kb index`` deletes the entries of a changed version and adds new
ones; they are purged only when whoosh happens to merge that segment), and orders equal scores
by internal document number, which depends on the order the documents were written in (the
multi-process writer hands them out as its sub-processes ask).  Purging deletions by merging
costs as much as indexing again, so the statistics are computed here instead: the number of
live documents, each term's live document frequency (postings of the segments that have
deletions counted past them) and each field's average length over the live documents (the
one-byte lengths whoosh stores per document, the same whichever segment holds it).  Equal
scores are ordered by :func:`kb.catalog.searching.content_key` of the entry's key (regulation@version/eid, numbers
compared as numbers).

Imported only when a search runs (it imports whoosh).
"""
from __future__ import annotations

import math
import weakref

from kb.catalog.whoosh import internals

internals.import_whoosh()

from whoosh import scoring  # noqa: E402  (after import_whoosh: see kb.catalog.whoosh.internals)


class LiveStats:
    """The statistics of one (top-level) searcher's live documents, computed on first use."""

    def __init__(self, searcher):
        self.s = searcher
        self.count = searcher.doc_count() or 1
        self._df: dict = {}
        self._avg: dict[str, float] = {}
        self._live: list[tuple[int, set | None, int]] | None = None

    def leaves(self) -> list[tuple[int, set | None, int]]:
        """(offset, live docnums or None when the segment has no deletions, size) per segment."""
        if self._live is None:
            self._live = []
            for sub, offset in self.s.leaf_searchers():
                r = sub.reader()
                live = set(r.all_doc_ids()) if r.has_deletions() else None
                self._live.append((offset, live, r.doc_count_all()))
        return self._live

    def doc_frequency(self, fieldname: str, text) -> int:
        """How many live documents have ``text`` in ``fieldname``."""
        key = (fieldname, text)
        n = self._df.get(key)
        if n is None:
            n = 0
            for (sub, _), (_, live, _) in zip(self.s.leaf_searchers(), self.leaves()):
                r = sub.reader()
                if live is None:
                    n += r.doc_frequency(fieldname, text)
                elif (fieldname, text) in r:
                    # the segment's postings skip its deleted documents
                    n += sum(1 for _ in r.postings(fieldname, text).all_ids())
            self._df[key] = n
        return n

    def avg_length(self, fieldname: str) -> float:
        """The average length of ``fieldname`` over the live documents."""
        avg = self._avg.get(fieldname)
        if avg is None:
            lengths = internals.field_lengths(self.s, fieldname)
            total = 0.0
            for offset, live, size in self.leaves():
                if live is None:
                    total += sum(lengths[offset:offset + size])
                else:
                    total += sum(lengths[offset + d] for d in live)
            avg = self._avg[fieldname] = (total / self.count) or 1.0
        return avg


_STATS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def stats(searcher) -> LiveStats:
    """The live statistics of ``searcher``'s top-level searcher (kept as long as it is)."""
    top = searcher.get_parent()
    st = _STATS.get(top)
    if st is None:
        st = _STATS[top] = LiveStats(top)
    return st


class LiveBM25F(scoring.BM25F):
    """whoosh's BM25F (same formula and parameters) with the statistics of :class:`LiveStats`."""

    def idf(self, searcher, fieldname, text):
        st = stats(searcher)
        return math.log(st.count / (st.doc_frequency(fieldname, text) + 1)) + 1

    def scorer(self, searcher, fieldname, text, qf=1):
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        return LiveScorer(searcher, fieldname, text, self.B, self.K1, qf)


class LiveScorer(scoring.BM25FScorer):
    """BM25FScorer whose average field length is that of the live documents."""

    def __init__(self, searcher, fieldname, text, B, K1, qf=1):
        parent = searcher.get_parent()
        self.idf = parent.idf(fieldname, text)          # LiveBM25F.idf, cached by the searcher
        self.avgfl = stats(searcher).avg_length(fieldname)
        self.B, self.K1, self.qf = B, K1, qf
        self.setup(searcher, fieldname, text)
