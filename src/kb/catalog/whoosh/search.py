"""Searching the whoosh index: the live directory kept open between searches, with what
:mod:`kb.catalog.searching` asks of an engine's index (the facet filters as document sets, the
best documents of a query, stored entries by key, filter values).  Which documents are scored
is :mod:`kb.catalog.whoosh.ranking`'s job; what a hit shows is :mod:`kb.catalog.hits`'.

Imported only when a search runs (it imports whoosh).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from kb.catalog import searching
from kb.catalog.whoosh import internals, live
from kb.catalog.whoosh.queries import WHOOSH_Q
from kb.catalog.whoosh.ranking import Ranker

internals.import_whoosh()

from whoosh import index as wix  # noqa: E402  (after import_whoosh: see kb.catalog.whoosh.internals)
from whoosh import query as Q  # noqa: E402


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
        """(allow, mask) document-number sets for the facet filters (see
        :func:`kb.catalog.searching.filter_sets`), cached per searcher."""
        def docs(q):
            return set(self.searcher().docs_for_query(q))
        return searching.filter_sets(self._filters, terms,
                                     lambda ts: docs(Q.And([Q.Term(n, v) for n, v in ts]) if len(ts) > 1
                                                     else Q.Term(*ts[0])),
                                     lambda ts: docs(Q.Or([Q.Term(n, v) for n, v in ts])))

    def top(self, q, limit, allow, mask, words, has_or=False, whole_catalog=True) -> list:
        """The best ``limit`` documents (see :meth:`kb.catalog.whoosh.ranking.Ranker.top`)."""
        return self.ranker().top(q, limit, allow, mask, words, has_or, whole_catalog)

    def count_matches(self, q, allow, mask) -> int:
        """How many documents match ``q`` among those the facet filters let through."""
        return sum(1 for _ in searching.admitted(self.searcher().docs_for_query(q), allow, mask))

    def stored(self, key: str):
        """(document number, stored fields) of the entry of ``key``; None when there is none."""
        s = self.searcher()
        d = s.document_number(key=key)
        return None if d is None else (d, s.stored_fields(d))

    def doc_frequency(self, name: str, value: str) -> int:
        return self.searcher().doc_frequency(name, value)

    def values(self, name: str) -> set[str]:
        """Every value of the filter field ``name``."""
        return {t.decode("utf-8") if isinstance(t, bytes) else str(t)
                for t in self.searcher().reader().lexicon(name)}

    def articles(self) -> Iterator[tuple[str, str, dict]]:
        """(key, regulation, stored data) of every article entry, in index order."""
        for d in self.searcher().all_stored_fields():
            if d.get("type") != "article":
                continue
            yield d["key"], d["regulation"], json.loads(d["data"])


def open_index(directory: Path) -> OpenIndex:
    return OpenIndex(directory)


#: the query constructors kb.catalog.compose builds whoosh queries with
Q_CONSTRUCTORS = WHOOSH_Q
