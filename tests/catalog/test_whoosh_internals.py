"""kb.catalog.whoosh.internals reaches past whoosh's public API (see its docstring).  These
tests fail, naming the whoosh-reloaded release it was written against, when the installed
whoosh no longer has what it relies on, or when what it reads no longer agrees with what
whoosh's public API (and the indexed texts themselves) say.  At run time the module falls
back to the public API, so such a change would only make searching slower: here it is loud."""
from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kb.catalog.analysis import bigram_positions
from kb.catalog.whoosh import internals

internals.import_whoosh()

import whoosh  # noqa: E402
from whoosh import index as wix  # noqa: E402
from whoosh import query as Q  # noqa: E402
from whoosh.fields import Schema  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
#: two segments (the second one's docnums offset), several postings blocks per word
TEXTS = [("社区服务站 社区" * (i % 3 + 1)) if i % 2 else f"居民委员会协助第{i}项社区工作" for i in range(300)] + \
        [("居民 社区服务" * (i % 4 + 1)) for i in range(180)]
WORDS = ["社区", "区服", "居民", "服务", "协助"]


def broken(what: str) -> str:
    return (f"whoosh-reloaded {internals.PINNED} internals changed: {what} (installed: whoosh "
            f"{whoosh.versionstring()}).  kb.catalog.whoosh.internals was written against "
            f"{internals.PINNED}: read its docstring, adapt it, then update PINNED.")


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from kb.catalog.whoosh.schema import BigramText

    d = tmp_path_factory.mktemp("internals")
    ix = wix.create_in(str(d), Schema(text=BigramText()))
    for batch, merge in ((TEXTS[:300], True), (TEXTS[300:], False)):
        w = ix.writer()
        for t in batch:
            w.add_document(text=t)
        w.commit(merge=merge)
    internals.cache_blocks()
    s = ix.searcher()
    assert len(s.leaf_searchers()) == 2 and s.leaf_searchers()[1][1] == 300
    yield s
    s.close()
    ix.close()


def expected_postings(token: str) -> dict[int, int]:
    """{docnum: frequency} of a token, from the texts themselves."""
    out = {}
    for d, t in enumerate(TEXTS):
        n = len(bigram_positions(t).get(token, []))
        if n:
            out[d] = n
    return out


def public_postings(s, token: str) -> dict[int, float]:
    """The same through whoosh's public matcher API, one posting at a time."""
    out = {}
    for sub, offset in s.leaf_searchers():
        r = sub.reader()
        if ("text", token) not in r:
            continue
        m = r.postings("text", token)
        while m.is_active():
            out[m.id() + offset] = m.weight()
            m.next()
    return out


def test_the_pin_is_the_release_the_internals_were_written_against():
    pin = re.search(r'"whoosh-reloaded==([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pin and pin.group(1) == internals.PINNED, (
        f"pyproject.toml pins whoosh-reloaded {pin and pin.group(1)}, but kb.catalog.whoosh.internals was "
        f"written against {internals.PINNED}: check what it relies on, then update PINNED")
    assert whoosh.versionstring() == internals.PINNED, broken("another release is installed")


def test_the_leaf_matcher_has_what_the_block_reads_use(searcher):
    from whoosh.codec.whoosh3 import W3LeafMatcher

    read_data, read_ids = internals._BLOCK_READERS
    assert read_data is not None and read_ids is not None, broken("W3LeafMatcher._read_data/_read_ids are gone")
    for name, fn in (("_read_data", read_data), ("_read_ids", read_ids),
                     ("_read_weights", getattr(W3LeafMatcher, "_read_weights", None)),
                     ("_next_block", getattr(W3LeafMatcher, "_next_block", None))):
        assert fn is not None, broken(f"W3LeafMatcher.{name} is gone")
        assert list(inspect.signature(fn).parameters) == ["self"], broken(f"W3LeafMatcher.{name}'s signature")
    m = searcher.leaf_searchers()[0][0].reader().postings("text", "社区")
    assert isinstance(m, W3LeafMatcher), broken(f"postings are read by {type(m).__name__}")
    m.id()
    for attr in ("_postfile", "_dataoffset", "_data", "_ids"):
        assert hasattr(m, attr), broken(f"W3LeafMatcher has no {attr}")
    m.weight()
    assert hasattr(m, "_weights"), broken("W3LeafMatcher has no _weights")
    assert m._data is not None and list(m._ids)[:1] == [m.id()], broken("a block's _data/_ids")


@pytest.mark.parametrize("token", WORDS)
def test_block_reads_give_the_postings_of_the_texts(searcher, token):
    want = expected_postings(token)
    assert len(want) > 128, "the word should span several postings blocks"
    for run in ("cold", "warm"):
        assert internals.read_postings(searcher, token) == want, broken(f"block-by-block postings ({run})")
        assert public_postings(searcher, token) == want, broken(f"postings through the block cache ({run})")


def test_the_block_cache_is_used_and_phrases_still_match(searcher):
    want = {d for d, t in enumerate(TEXTS) if "社区服务" in t}
    phrase = Q.Phrase("text", ["社区", "区服", "服务"])
    for run in ("cold", "warm"):
        got = {hit.docnum for hit in searcher.search(phrase, limit=None)}
        assert got == want, broken(f"phrase matches through the block cache ({run})")
    m = searcher.leaf_searchers()[0][0].reader().postings("text", "社区")
    assert getattr(m._postfile, "_kb_blocks", None), broken("the decoded blocks are not cached")


def test_length_columns_read_in_one_go(searcher):
    """BM25 length norms come from the field-length columns read in one go: the same values
    as whoosh's per-document reader, for every document."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

    for sub, _ in searcher.leaf_searchers():
        r = sub.reader()
        assert list(inspect.signature(r._perdoc._cached_reader).parameters)[:2] == ["fieldname", "column"], \
            broken("the per-document reader's _cached_reader")
        col = r._perdoc._cached_reader(_lenfield("text"), LENGTHS_COLUMN)
        assert col is not None, broken("no field-length column")
        for attr in ("_dbfile", "_basepos", "_count", "_default", "_doccount"):
            assert hasattr(col, attr), broken(f"the length column reader has no {attr}")
        assert (col._typecode, col._fixedlen, col._reverse) == ("B", 1, False), \
            broken("field lengths are no longer one unsigned byte per document")
        vals = internals.column_values(col)
        assert vals == list(col) and len(vals) == r.doc_count_all(), broken("the length column's bytes")
    lengths = internals.field_lengths(searcher, "text")
    want = [searcher.reader().doc_field_length(d, "text") or 0 for d in range(searcher.doc_count_all())]
    assert lengths == pytest.approx(want, rel=1e-12), broken("field lengths read in one go")


def test_whoosh_imports_without_urllib_and_asyncio():
    """The stand-ins of import_whoosh keep ``urllib.request`` and asyncio (via the
    cached_property package) out of a search process, and whoosh works with them."""
    code = ("import sys, functools\n"
            "from kb.catalog.whoosh.internals import import_whoosh\n"
            "import_whoosh()\n"
            "import whoosh.reading, whoosh.compat\n"
            "assert 'urllib.request' not in sys.modules, 'urllib.request'\n"
            "assert 'asyncio' not in sys.modules, 'asyncio'\n"
            "assert 'cached_property' not in sys.modules, 'the stand-in stayed'\n"
            "assert whoosh.reading.cached_property is functools.cached_property, 'cached_property'\n"
            "assert callable(whoosh.compat.urlretrieve), 'urlretrieve'\n")
    path = [str(ROOT / "src"), os.environ.get("PYTHONPATH")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in path if p))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 0, broken(f"importing whoosh: {r.stderr.strip().splitlines()[-1:]}")


def test_the_content_top_collector_uses_what_it_replaces(searcher):
    """top_collector replaces TopCollector's _collect/remove/results and sets its items,
    minscore and total: they must still be there and mean what they meant."""
    from whoosh.collectors import ScoredCollector, TopCollector

    for name in ("_collect", "remove", "results", "_results", "matches"):
        assert callable(getattr(TopCollector, name, None)), broken(f"TopCollector.{name} is gone")
    assert list(inspect.signature(TopCollector._collect).parameters) == ["self", "global_docnum", "score"], \
        broken("TopCollector._collect's signature")
    assert "self.minscore" in inspect.getsource(ScoredCollector.matches), broken("ScoredCollector.matches' minscore")
    # whoosh's own collector: equal scores by document number; the content one: by the key given
    q = Q.Term("text", "社区")
    plain = TopCollector(limit=5)
    searcher.search_with_collector(q, plain)
    whoosh_top = [(h.score, h.docnum) for h in plain.results()]
    same = internals.top_collector(5, lambda d: d)
    searcher.search_with_collector(q, same)
    assert [(h.score, h.docnum) for h in same.results()] == whoosh_top, broken("top-N collection")
    reverse = internals.top_collector(5, lambda d: -d)
    searcher.search_with_collector(q, reverse)
    scores = sorted({s for s, _ in whoosh_top}, reverse=True)
    every = {h.docnum: h.score for h in searcher.search(q, limit=None)}
    want, left = [], 5
    for sc in scores:                       # per score, the highest document numbers first
        tied = sorted((d for d, s in every.items() if s == sc), reverse=True)[:left]
        want += [(sc, d) for d in tied]
        left -= len(tied)
        if not left:
            break
    assert [(h.score, h.docnum) for h in reverse.results()] == want, broken("equal scores kept by the key")
    cap = sum(1 for d in every if d < 300) + 3     # past the first segment's matches
    capped = internals.top_collector(5, lambda d: d, cap=cap, usequality=False)
    searcher.search_with_collector(q, capped)
    assert capped.capped and capped.total == cap < len(every), broken("a cap of matches over all segments")
