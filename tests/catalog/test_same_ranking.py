"""The same content ranks the same however its catalog was built (issue 18): a catalog updated
incrementally after one file changed (its deleted entries still in whoosh's segments, the new
ones appended) answers every search with the same hits, scores and order as a catalog of the
same files built in full elsewhere, both written on two processes (whose document order varies)."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from kb.catalog import fingerprints, open_catalog
from kb.catalog.whoosh import build, ranking

QUERIES = ["法律责任", "社区", "居民委员会 应当", "应当", "罚款 OR 物业", "法", "heading:物业", "管理 -物业"]
CHANGED = "北京市物业管理条例"


@pytest.fixture(autouse=True)
def fixed_layers(monkeypatch):
    """Layer modules edited by colleagues while this runs must not make the update a full one."""
    monkeypatch.setattr(fingerprints, "layer_signature", lambda: {"pinned": "1"})
    monkeypatch.setattr(fingerprints, "layer_stats", lambda: {"pinned": [1, 1]})
    monkeypatch.setattr(build, "writer_procs", lambda todo: 2)


def project(path):
    (path / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", path / "mkdocs.yml")
    for d in (ROOT / "regulation").iterdir():
        shutil.copytree(d, path / "regulation" / d.name)
    return path


def answers(cat, limit):
    return {q: [(h.regulation, h.version, h.eid, h.score) for h in cat.search(q, limit=limit)] for q in QUERIES}


def test_incremental_ranks_like_a_full_rebuild(tmp_path, monkeypatch):
    inc = open_catalog(project(tmp_path / "inc"), engine="whoosh")
    inc.build()
    src = next((tmp_path / "inc" / "regulation" / CHANGED).glob("*.md"))
    text = src.read_text(encoding="utf-8")
    src.write_text(text.replace("物业", "物业服务", 3), encoding="utf-8")
    s = inc.build()
    assert s["updated"] and not s["full"]
    shutil.copytree(tmp_path / "inc", tmp_path / "full", ignore=shutil.ignore_patterns(".kb"))
    full = open_catalog(tmp_path / "full", engine="whoosh")
    assert full.build()["full"]

    inc.search("社区")                      # the updated catalog really holds deleted entries
    reader = inc._index.searcher().reader()
    assert reader.doc_count_all() > reader.doc_count()

    for limit in (20, 0):
        a, b = answers(inc, limit), answers(full, limit)
        for q in QUERIES:
            assert a[q] == b[q], (q, limit)
        assert all(len(a[q]) >= 5 for q in QUERIES if q != "heading:物业")
    # the capped scans and the whole-catalog candidates (large catalogs), with ties at the cut
    monkeypatch.setattr(ranking, "SCAN_CAP", 60)
    monkeypatch.setattr(ranking, "SCAN_FLOOR", 10)
    monkeypatch.setattr(ranking, "HEADS_FLOOR", 30)
    inc.close(), full.close()
    a, b = answers(open_catalog(tmp_path / "inc", engine="whoosh"), 20), answers(open_catalog(tmp_path / "full", engine="whoosh"), 20)
    for q in QUERIES:
        assert a[q] == b[q], (q, "capped")
