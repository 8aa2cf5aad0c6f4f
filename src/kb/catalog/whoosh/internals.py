"""Every place where kb reaches past whoosh's public API, gathered so that a whoosh upgrade
has one module to read and one test to run (tests/catalog/test_whoosh_internals.py, which
fails naming :data:`PINNED` if anything listed here changed).

Written against **whoosh-reloaded 2.7.5** (pinned in pyproject.toml).  What it relies on, and
why (each is a measured cost of ``kb search`` / ``kb index``, not a nicety):

* Importing quietly and fast (:func:`import_whoosh`).  2.7.5 has invalid escape sequences
  (SyntaxWarnings when compiled without a bytecode cache); ``whoosh.compat`` imports
  ``urllib.request`` for one download helper (~25 ms), and ``whoosh.reading`` imports the
  ``cached_property`` package, which imports asyncio (~25 ms) for one decorator.  Stand-ins
  sit in ``sys.modules`` only while whoosh is imported.
* Decoded postings blocks kept while their file is open (:func:`cache_blocks`): replaces
  ``whoosh.codec.whoosh3.W3LeafMatcher._read_data`` and ``._read_ids`` (methods of ``self``
  only) and uses the matcher's ``_postfile``, ``_dataoffset``, ``_data`` and ``_ids``.
  Verifying a phrase of frequent words decodes the same blocks over and over; this was most
  of the cost of a top-10 search.
* Postings read block by block (:func:`read_postings`): the leaf matcher's ``_read_ids``,
  ``_read_weights``, ``_next_block``, ``_data``, ``_ids`` and ``_weights`` (per-posting
  ``id()``/``weight()``/``next()`` cost about a microsecond each, and the top-N pre-score
  reads whole postings lists of words in tens of thousands of documents).
* Field lengths read in one go (:func:`field_lengths`): ``whoosh.codec.whoosh3.LENGTHS_COLUMN``
  and ``_lenfield``, the reader's ``_perdoc._cached_reader(fieldname, column)``, and the
  numeric column reader's ``_typecode``, ``_fixedlen``, ``_reverse``, ``_dbfile``,
  ``_basepos``, ``_count``, ``_default``, ``_doccount`` (whoosh's reader seeks and reads
  once per document).

* Field lengths handed to the postings writer from memory (:func:`fast_flush`): replaces
  ``whoosh.writing.SegmentWriter._flush_segment`` (which uses the writer's ``perdocwriter``,
  ``codec.length_stats``, ``per_document_reader()``, ``pool.iter_postings()`` and
  ``fieldwriter.add_postings``) so that the length of a document's field, which whoosh's
  postings writer asks for once per posting (block statistics), is read from a list loaded
  once per field instead of a seek and a read each time: a quarter of ``kb index``'s commit.

* Writing on several cores (:func:`writer`, :func:`abandon`): whoosh's ``MpWriter``
  (``ix.writer(procs=N, multisegment=True)``, public) farms documents out to sub-processes
  that each write a segment; but its ``cancel()`` only flags the sub-processes' objects in the
  parent, so after an error they would wait on the job queue for ever and keep the process
  from exiting: :func:`abandon` terminates them (its ``tasks``).

* Documents of equal score kept and ordered by their content (:func:`top_collector`): a
  ``whoosh.collectors.TopCollector`` whose ``_collect``, ``remove`` and ``results`` are
  replaced, using its ``items``, ``minscore``, ``total`` and ``_results``.  whoosh keeps, among
  equal scores, the lowest internal document numbers, which depend on how the catalog was
  written (an incremental build appends; the multi-process writer's order varies): the same
  content must rank the same however it was built.  It also stops at a cap of matches (the
  top-N scan of :mod:`kb.catalog.whoosh.ranking`) through ``matches``.

Each falls back to the public API (slower, same results) when what it expects is missing,
so a whoosh upgrade degrades speed, never results; the test is what notices.
"""
from __future__ import annotations

import sys
import warnings

#: the whoosh-reloaded release whose internals this module was written against
PINNED = "2.7.5"

# compiled without a bytecode cache (PYTHONDONTWRITEBYTECODE), whoosh 2.7.5's invalid escape
# sequences would print SyntaxWarnings to users
warnings.filterwarnings("ignore", category=SyntaxWarning, module=r"whoosh(\..*)?")
warnings.filterwarnings("ignore", category=SyntaxWarning, message=r".*invalid escape sequence")
warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"whoosh(\..*)?")

#: decoded postings blocks kept per open postings file (see cache_blocks)
BLOCK_CACHE = 4000
#: whoosh's own W3LeafMatcher._read_data and ._read_ids once cache_blocks() has replaced them
#: ([None, None] when the codec is not the one expected)
_BLOCK_READERS: list = []


def import_whoosh() -> None:
    """Import the whoosh modules searching needs, without their two costly, unused
    dependencies: ``whoosh.compat`` imports ``urllib.request`` (for one download
    helper, ~25 ms) and ``whoosh.reading`` imports the ``cached_property`` package,
    which imports asyncio (~25 ms) for one decorator that ``functools.cached_property``
    serves equally.  Stand-ins are placed in ``sys.modules`` only while whoosh is
    imported and removed afterwards, so later imports get the real modules."""
    if "whoosh.reading" in sys.modules:
        return
    import functools
    import types

    placed = []
    if "urllib.request" not in sys.modules:
        stub = types.ModuleType("urllib.request")

        def urlretrieve(*a, **kw):
            sys.modules.pop("urllib.request", None)
            import urllib.request as real
            return real.urlretrieve(*a, **kw)

        stub.urlretrieve = urlretrieve
        sys.modules["urllib.request"] = stub
        placed.append("urllib.request")
    if "cached_property" not in sys.modules:
        cp = types.ModuleType("cached_property")
        cp.cached_property = functools.cached_property
        sys.modules["cached_property"] = cp
        placed.append("cached_property")
    try:
        import whoosh.compat  # noqa: F401
        import whoosh.reading  # noqa: F401
    finally:
        for name in placed:
            if sys.modules.get(name) is not None and getattr(sys.modules[name], "__file__", None) is None:
                del sys.modules[name]


def cache_blocks() -> None:
    """Keep whoosh's decoded postings blocks (ids, weights, positions) for as long as
    their postings file is open, up to BLOCK_CACHE blocks per file.  Verifying a phrase
    of frequent words visits a block of each of its bigrams per candidate document, and
    decoding those blocks (unpickle, inflate, delta-decode the ids) was most of the cost
    of a top-10 search; the blocks never change while the file is open (a rebuild writes
    new files, opened by a new searcher).  Patches the whoosh3 codec's leaf matcher once;
    any other codec is left alone."""
    if _BLOCK_READERS:
        return
    try:
        from whoosh.codec.whoosh3 import W3LeafMatcher
        read_data, read_ids = W3LeafMatcher._read_data, W3LeafMatcher._read_ids
    except (ImportError, AttributeError):
        _BLOCK_READERS.extend([None, None])
        return

    def blocks(m) -> dict:
        pf = m._postfile
        c = getattr(pf, "_kb_blocks", None)
        if c is None:
            c = pf._kb_blocks = {}
        return c

    def cached_read_data(self):
        c = blocks(self)
        hit = c.get(self._dataoffset)
        if hit is None:
            read_data(self)
            if len(c) >= BLOCK_CACHE:
                c.clear()
            hit = c[self._dataoffset] = [self._data, None]
        self._data = hit[0]

    def cached_read_ids(self):
        c = blocks(self)
        hit = c.get(self._dataoffset)
        if hit is not None and hit[1] is not None:
            if self._data is None:
                self._data = hit[0]
            self._ids = hit[1]
            return
        read_ids(self)                # reads the block through cached_read_data
        hit = c.get(self._dataoffset)
        if hit is not None and hit[0] is self._data:
            hit[1] = self._ids

    W3LeafMatcher._read_data = cached_read_data
    W3LeafMatcher._read_ids = cached_read_ids
    _BLOCK_READERS.extend([read_data, read_ids])


_FLUSH: list = []


def fast_flush() -> None:
    """Make every whoosh segment writer of this process hand field lengths to the postings
    writer from memory (see the module docstring).  The lengths are the same numbers whoosh
    reads itself, so the index written is byte for byte the same; any other whoosh is left
    alone."""
    if _FLUSH:
        return
    try:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
        from whoosh.util.numeric import byte_to_length
        from whoosh.writing import SegmentWriter
        original = SegmentWriter._flush_segment
    except (ImportError, AttributeError):
        _FLUSH.append(None)
        return
    table = [byte_to_length(b) for b in range(256)]

    class Lengths:
        """What add_postings asks of the per-document reader, from columns read whole."""

        def __init__(self, pdr):
            self.pdr, self.cols = pdr, {}

        def doc_field_length(self, docnum, fieldname, default=0):
            col = self.cols.get(fieldname)
            if col is None:
                reader = self.pdr._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
                col = self.cols[fieldname] = column_values(reader) if reader is not None else ()
            if docnum >= len(col):
                return self.pdr.doc_field_length(docnum, fieldname, default)
            b = col[docnum]
            return table[b] if b else None

    def flush(self):
        if not (getattr(self.codec, "length_stats", False) and hasattr(self, "pool")
                and hasattr(self.pool, "iter_postings")):
            return original(self)
        self.perdocwriter.close()
        pdr = self.per_document_reader()
        try:
            self.fieldwriter.add_postings(self.schema, Lengths(pdr), self.pool.iter_postings())
            self.fieldwriter.close()
        finally:
            pdr.close()

    SegmentWriter._flush_segment = flush
    _FLUSH.append(original)


def writer(ix, procs: int = 1, limitmb: int = 256):
    """A writer of ``ix``: on ``procs`` processes (each writing its own segment; no merge at
    the end) when more than one, with field lengths from memory (:func:`fast_flush`), segments
    as plain files (whoosh copies a compound segment's sub-files into memory every time a
    reader opens them)."""
    fast_flush()
    if procs > 1:
        return ix.writer(procs=procs, multisegment=True, batchsize=64, limitmb=limitmb, compound=False)
    return ix.writer(limitmb=limitmb, compound=False)


def abandon(w) -> None:
    """Cancel a writer after an error, ending the sub-processes of a multi-process one."""
    try:
        w.cancel()
    finally:
        for task in getattr(w, "tasks", ()):
            if task.is_alive():
                task.terminate()
            task.join(5)


_TOP: list = []


def top_collector(limit: int, tie_key, cap: int | None = None, **kw):
    """A whoosh top-``limit`` collector that keeps, among documents of equal score, those
    first by ``tie_key(docnum)`` and lists equal scores in that order; with ``cap``, it stops
    after that many matches over all segments (``capped`` then says so; without
    ``usequality=False`` the blocks skipped are not counted).  Block-quality skipping stays on, just
    below the lowest kept score, so that a document tying with it is still seen."""
    if not _TOP:
        _TOP.append(_top_class())
    return _TOP[0](limit, tie_key, cap, **kw)


def _top_class():
    from heapq import heappush, heapreplace

    from whoosh.collectors import TopCollector

    class Last:
        """A tie key that sorts last-first: the heap's head is the one to drop."""
        __slots__ = ("key",)

        def __init__(self, key):
            self.key = key

        def __lt__(self, other):
            return other.key < self.key

        def __eq__(self, other):
            return self.key == other.key

    class ContentTop(TopCollector):
        def __init__(self, limit, tie_key, cap=None, **kw):
            super().__init__(limit=limit, **kw)
            self.tie_key, self.cap, self.capped, self.seen = tie_key, cap, False, 0

        def matches(self):
            # called once per segment: the cap counts the matches of all of them
            if self.capped:
                return
            for d in super().matches():
                yield d
                self.seen += 1
                if self.cap is not None and self.seen >= self.cap:
                    self.capped = True
                    break

        def _collect(self, global_docnum, score):
            items = self.items
            self.total += 1
            if len(items) < self.limit:
                heappush(items, (score, Last(self.tie_key(global_docnum)), global_docnum))
            else:
                low = items[0]
                if score < low[0]:
                    return 0 - score
                key = self.tie_key(global_docnum)
                if score == low[0] and not key < low[1].key:
                    return 0 - score
                heapreplace(items, (score, Last(key), global_docnum))
            if len(items) >= self.limit:
                # just below the lowest kept score: a block whose best equals it may hold a
                # document that ties with it and comes first in content order
                low = items[0][0]
                self.minscore = low - abs(low) * 1e-9 - 1e-12 if low > 0 else 0
            return 0 - score

        def remove(self, global_docnum):
            kept = [it for it in self.items if it[2] != global_docnum]
            if len(kept) != len(self.items):
                self.items[:] = kept
                self.items.sort()
                self.minscore = 0

        def results(self):
            ranked = sorted(self.items, key=lambda it: (-it[0], it[1].key))
            return self._results([(score, d) for score, _, d in ranked])

    return ContentTop


def read_postings(searcher, token, field="text") -> dict[int, int]:
    """{docnum: frequency} of a token in a field over the whole index, read block by block
    (whoosh's per-posting calls cost about a microsecond each).  Blocks not yet in the
    block cache are decoded past it: the caller keeps such whole lists itself."""
    out: dict[int, int] = {}
    raw = _BLOCK_READERS[0] if _BLOCK_READERS else None
    for sub, offset in searcher.leaf_searchers():
        r = sub.reader()
        if (field, token) not in r:
            continue
        m = r.postings(field, token)
        while m.is_active():
            try:
                if m._data is None and raw:   # past the block cache: these lists are
                    raw(m)                    # kept whole in the postings cache
                m._read_ids()
                m._read_weights()
                ids, ws = m._ids, m._weights
                if offset:
                    ids = [i + offset for i in ids]
                out.update(zip(ids, ws))
                m._next_block()
            except AttributeError:      # another codec: the public, slower way
                while m.is_active():
                    out[m.id() + offset] = m.weight()
                    m.next()
    return out


def field_lengths(searcher, field="text") -> list[float]:
    """The length of a field in every document of the index (by docnum), as whoosh's BM25
    sees it (lengths are stored as one byte each), read column by column."""
    from whoosh.util.numeric import byte_to_length

    table = [byte_to_length(b) for b in range(256)]
    out: list[float] = []
    for sub, offset in searcher.leaf_searchers():
        r = sub.reader()
        n = r.doc_count_all()
        out.extend([0.0] * (offset + n - len(out)))
        try:
            from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

            col = r._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
            vals = [table[b] if b else 0.0 for b in column_values(col)] if col is not None else [0.0] * n
        except (AttributeError, ImportError):
            vals = [r.doc_field_length(i, field) or 0.0 for i in range(n)]
        out[offset:offset + n] = vals[:n]
    return out


def column_values(col) -> list:
    """Every value of a whoosh column: a one-byte numeric column (field lengths) in one
    read (iterating whoosh's reader costs a seek and a read per document); anything
    else through the reader."""
    if (getattr(col, "_typecode", None) == "B" and getattr(col, "_fixedlen", None) == 1
            and not getattr(col, "_reverse", False)):
        try:
            raw = col._dbfile.get(col._basepos, col._count)
        except (AttributeError, OSError):
            return list(col)
        if len(raw) == col._count:
            return list(raw) + [col._default] * max(0, col._doccount - col._count)
    return list(col)
