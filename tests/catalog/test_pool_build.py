"""The FTS5 catalog with its versions parsed on every core (kb.pool, kb index --jobs): the same entries,
the same answers, the same summary and progress as with one process."""
from __future__ import annotations

import sqlite3

import pytest

from conftest import CORPUS, need_shared
from kb import pool
from kb.catalog import open_catalog
from kb.catalog.fts5.schema import DB_NAME
from kb.dev.bench_search import corpus_sources

#: corpus texts (none of this session's held-out ones); the last one kb cannot read (no article): skipped
TEXTS = ["经济法/个人所得税法(2018-08-31).md", "经济法/中国人民银行法(2003-12-27).md",
         "DLC/北京地方法规/地方性法规/北京/北京市全民健身条例.md", "社会法/军人保险法(2012-04-27).md",
         "DLC/北京地方法规/地方性法规/北京/关于议案的若干暂行规定(2010-12-23).md"]
QUERIES = ["人民政府 应当", "经费", "第十五条", "罚款 -警告", "委员会"]


def _build(tmp_path, specs, jobs, monkeypatch):
    monkeypatch.setattr(pool, "JOBS", jobs)
    tmp_path.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    cat = open_catalog(tmp_path, sources=specs, engine="fts5")
    seen = []
    summary = cat.build(progress=lambda done, total, key: seen.append((done, total, key)))
    db = cat.path / (cat.path / "CURRENT").read_text(encoding="utf-8").strip() / DB_NAME
    con = sqlite3.connect(db)
    rows = con.execute("SELECT * FROM entry ORDER BY id").fetchall()
    con.close()
    answers = {q: [(h.regulation, h.version, h.eid, round(h.score, 6), h.snippet) for h in cat.search(q, limit=0)]
               for q in QUERIES}
    return rows, answers, seen, summary


@pytest.mark.forks
def test_every_core_writes_the_same_catalog(tmp_path, monkeypatch):
    need_shared(CORPUS)
    files = [CORPUS / t for t in TEXTS]
    if not all(f.is_file() for f in files):
        pytest.skip("语料中缺少测试用的文本")
    specs = corpus_sources(files, seed=True)
    one = _build(tmp_path / "one", specs, 1, monkeypatch)
    two = _build(tmp_path / "two", specs, 2, monkeypatch)
    assert one[0] == two[0] and len(one[0]) > 100
    assert one[1] == two[1] and any(one[1].values())
    assert one[2] == two[2] and [d for d, _, _ in one[2]] == list(range(1, len(specs) + 1))
    for k in ("added", "skipped", "removed", "unchanged"):
        assert one[3][k] == two[3][k], k
    assert len(one[3]["skipped"]) == 1 and "关于议案" in one[3]["skipped"][0]


def test_a_catalog_write_reads_the_actor_registry_once(tmp_path, monkeypatch):
    """load_registry checks its cached registry against every regulation's actors.yml: asked once per
    version, a build of n regulations listed them n times. The versions of one write share one."""
    need_shared(CORPUS)
    files = [CORPUS / t for t in TEXTS[:4]]
    if not all(f.is_file() for f in files):
        pytest.skip("语料中缺少测试用的文本")
    from kb.layers import actors

    calls = []
    real = actors.load_registry
    monkeypatch.setattr(actors, "load_registry", lambda *a, **k: calls.append(a) or real(*a, **k))
    rows, _, _, summary = _build(tmp_path / "one", corpus_sources(files, seed=True), 1, monkeypatch)
    assert len(summary["added"]) == 5 and len(rows) > 100
    assert len(calls) <= 2, calls        # the write's own, and the manifest's actor names
