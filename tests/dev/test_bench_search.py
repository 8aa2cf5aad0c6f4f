"""kb bench search on a small corpus: recall against the substring scan on the default engine, and
the other engine built beside it answering every query of the benchmark alike."""
from __future__ import annotations

from conftest import CORPUS, need_shared
from kb.catalog import DEFAULT_ENGINE
from kb.dev.bench_search import run
from kb.dev.paths import corpus_texts


def test_bench_search_compares_the_engines(tmp_path):
    need_shared(CORPUS)
    files = corpus_texts(CORPUS)[:4]        # (never a held-out text: kb.dev.heldout.may_read)
    lines: list[str] = []
    res = run(CORPUS, out=lines.append, n_phrases=30, files=files)
    assert res["ok"] and res["engine"] == DEFAULT_ENGINE and res["recall"]["missed"] == 0
    sh = res["against"]
    assert sh["engine"] != DEFAULT_ENGINE and sh["queries"] > 40
    assert sh["same_all"] == sh["queries"], sh["differ"]
    # top-10: whoosh's ranker may choose differently for OR queries of frequent words (tests/catalog/test_engines.py)
    assert all(" OR " in q for q in sh["differ"]), sh["differ"]
    assert "对照" in "\n".join(lines)
