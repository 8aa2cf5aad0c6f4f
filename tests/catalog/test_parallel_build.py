"""kb index on both cores (kb.catalog.whoosh.build: whoosh's multi-process writer for a large
build): the catalog it writes answers every search exactly as the one written by one process;
an error while writing ends the writer's sub-processes and leaves the previous catalog."""
from __future__ import annotations

import multiprocessing
import shutil

import pytest

from conftest import CORPUS, need_shared
from kb.catalog import open_catalog
from kb.catalog.whoosh import build, internals
from kb.dev.bench_search import corpus_sources
from kb.dev.paths import corpus_texts

QUERIES = ["人民政府 应当", "经费", "第十五条", "\"县级以上地方人民政府\"", "罚款 -警告", "不得", "委员会"]


@pytest.fixture(scope="module")
def specs():
    need_shared(CORPUS)
    return corpus_sources(corpus_texts(CORPUS)[:24], seed=True)     # (never a held-out text: kb.dev.heldout.may_read)


def built(tmp_path, specs, procs, monkeypatch):
    monkeypatch.setattr(build, "writer_procs", lambda todo: procs)
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    cat = open_catalog(tmp_path, sources=specs, engine="whoosh")
    cat.build()
    return cat


def answers(cat):
    return {q: [(h.regulation, h.version, h.eid, round(h.score, 6), h.snippet) for h in cat.search(q, limit=0)]
            for q in QUERIES}


def test_two_processes_write_the_same_catalog(tmp_path, specs, monkeypatch):
    one = built(tmp_path / "one", specs, 1, monkeypatch)
    two = built(tmp_path / "two", specs, 2, monkeypatch)
    assert one.manifest()["entries"] == two.manifest()["entries"] > 500
    assert sorted(k for k, _, _ in two.articles()) == sorted(k for k, _, _ in one.articles())
    a, b = answers(one), answers(two)
    for q in QUERIES:      # the same hits, scores and order (documents of equal score may swap)
        assert [h[3] for h in b[q]] == [h[3] for h in a[q]], q
        assert sorted(b[q]) == sorted(a[q]), q
    assert any(a.values())


def test_an_error_ends_the_sub_processes(tmp_path, specs, monkeypatch):
    cat = built(tmp_path, specs[:3], 2, monkeypatch)
    before = cat.search("应当", limit=0)
    monkeypatch.setattr(build, "writer_procs", lambda todo: 2)
    calls = []

    def boom(done, total, key):
        calls.append(key)
        if done == 6:
            raise RuntimeError("模拟中断")

    fresh = open_catalog(tmp_path, sources=specs, engine="whoosh")
    with pytest.raises(RuntimeError):
        fresh.build(progress=boom)
    assert not [p for p in multiprocessing.active_children()], "the writer's sub-processes must end"
    again = open_catalog(tmp_path, sources=specs[:3], engine="whoosh")
    assert [h.eid for h in again.search("应当", limit=0)] == [h.eid for h in before]


def test_fast_lengths_write_the_same_bytes(tmp_path):
    """internals.fast_flush hands whoosh the lengths it would read itself: identical files."""
    internals.import_whoosh()
    from whoosh import index as wix
    from whoosh import writing

    from kb.catalog.whoosh.schema import schema

    texts = [f"第{i}条 居民委员会应当协助街道办事处做好社区第{i % 7}项工作" * (i % 5 + 1) for i in range(200)]
    sizes = []
    for name, patched in (("plain", False), ("fast", True)):
        flush = writing.SegmentWriter._flush_segment
        if not patched and internals._FLUSH and internals._FLUSH[0] is not None:
            writing.SegmentWriter._flush_segment = internals._FLUSH[0]
        try:
            if patched:
                internals.fast_flush()
            d = tmp_path / name
            d.mkdir()
            ix = wix.create_in(str(d), schema())
            w = ix.writer(compound=False)
            for i, t in enumerate(texts):
                w.add_document(key=str(i), text=t, heading=t[:6], data={"i": i})
            w.commit()
            ix.close()
            sizes.append(sorted((f.suffix, f.read_bytes()) for f in d.iterdir() if f.suffix in (".pst", ".trm")))
        finally:
            writing.SegmentWriter._flush_segment = flush
    assert sizes[0] == sizes[1]
    shutil.rmtree(tmp_path)
