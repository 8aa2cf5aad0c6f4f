"""How the FTS5 catalog is written (kb.catalog.fts5.build): a version's rows go in three executemany
calls with the ids SQLite would give, the secondary indexes of a new database are made once its rows
are in, the tokens are made without a regular expression and the stored data by orjson -- and the
database holds exactly what it held when each entry was written row by row (the former writer,
kept here as the reference): the same entries with the same ids, filters, FTS5 tokens at the same
positions and statistics, after a full build and after an incremental one."""
from __future__ import annotations

import dataclasses
import datetime
import json
import shutil
import sqlite3

import pytest

from conftest import CORPUS, SEED, need_shared
from kb.catalog import open_catalog
from kb.catalog.building import data_json, version_entries
from kb.catalog.entries import _json_safe
from kb.catalog.fts5 import build
from kb.catalog.fts5.schema import DB_NAME, DDL, FILTERS, TEXT_FIELDS, quantize, token_text, tokens, values
from kb.dev.bench_search import corpus_sources

TEXTS = ["经济法/个人所得税法(2018-08-31).md", "DLC/北京地方法规/地方性法规/北京/北京市全民健身条例.md",
         "社会法/军人保险法(2012-04-27).md"]


def test_token_text_is_the_tokens_joined_and_counted():
    samples = ["", " ", "　\t\n", "甲", "甲乙", "居民委员会 的职责", "ＡＢ（１）条 ab\u00a0c\u3000d", "哈哈哈  哈", "x\u2028y",
               SEED.read_text(encoding="utf-8")]
    for f in TEXTS:
        if (CORPUS / f).is_file():
            samples.append((CORPUS / f).read_text(encoding="utf-8"))
    for s in samples:
        toks = tokens(s)
        assert token_text(s) == (" ".join(toks), len(toks)), s[:20]


def test_stored_data_reads_back_as_json_wrote_it():
    plain = {"a": [1, "二", None, True, 2.5, {"b": []}], "c": "\x1f\u2028\x7f引号\"\\"}
    assert json.loads(data_json(plain)) == json.loads(json.dumps(plain, ensure_ascii=False, default=str)) == plain

    @dataclasses.dataclass
    class Rec:
        x: int = 1

    # what orjson writes otherwise or refuses: json.dumps(default=str) writes it, byte for byte as before
    for odd in ({"d": datetime.date(2020, 1, 2)}, {"t": datetime.datetime(2020, 1, 2, 3, 4)}, {"r": Rec()},
                {"s": {1}}, {"n": 2 ** 70}, {"u": "\ud800"}, {1: "key not a string"}):
        assert data_json(odd) == json.dumps(odd, ensure_ascii=False, default=str), odd
    assert [_json_safe(v) for v in (float("nan"), float("inf"), 1.5, 3, None, datetime.date(2020, 1, 2))] == \
        ["nan", "inf", 1.5, 3, None, "2020-01-02"]


def _row_by_row(con, entries):
    """The former writer: each entry's row, then its FTS5 row and its filters, SQLite choosing the id."""
    cols = build._COLS
    insert = (f"INSERT INTO entry({', '.join(cols)}, ltext, lheading, lterms, data) "
              f"VALUES ({', '.join('?' * (len(cols) + 4))})")
    for e in entries:
        toks = [tokens(e.get(f) or "") for f in TEXT_FIELDS]
        row = [e.get(c) or "" for c in cols] + [quantize(len(t)) for t in toks] + [e["data"]]
        rid = con.execute(insert, row).lastrowid
        con.execute("INSERT INTO fts(rowid, text, heading, terms) VALUES (?, ?, ?, ?)",
                    [rid, *(" ".join(t) for t in toks)])
        con.executemany("INSERT INTO facet(name, value, id) VALUES (?, ?, ?)",
                        [(name, v, rid) for name in FILTERS for v in values(name, row[cols.index(name)])])


def _reference(db, base, removed, versions):
    if base is not None:
        shutil.copyfile(base, db)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("BEGIN")
    if base is None:
        for statement in DDL.split(";"):
            if statement.strip():
                con.execute(statement)
    for key in removed:
        build._delete_source(con, key)
    for entries in versions:
        _row_by_row(con, entries)
    build._write_stats(con)
    con.execute("COMMIT")
    con.close()


def _content(db) -> dict:
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts, instance)")
    out = {"entry": con.execute("SELECT * FROM entry ORDER BY id").fetchall(),
           "facet": con.execute("SELECT name, value, id FROM facet ORDER BY id, name, value").fetchall(),
           "fts": con.execute("SELECT term, doc, col, offset FROM v ORDER BY term, doc, col, offset").fetchall(),
           "stats": con.execute("SELECT name, value FROM stats ORDER BY name").fetchall(),
           "schema": con.execute("SELECT type, name, tbl_name FROM sqlite_master ORDER BY name").fetchall(),
           "check": con.execute("PRAGMA integrity_check").fetchall()}
    con.close()
    return out


def _live(cat):
    return cat.path / (cat.path / "CURRENT").read_text(encoding="utf-8").strip() / DB_NAME


def _entries(specs):
    return [version_entries(None, s, {}, {"skipped": []})[0] for s in specs]


def test_the_database_holds_what_the_row_by_row_writer_wrote(tmp_path, monkeypatch):
    need_shared(CORPUS)
    files = [CORPUS / t for t in TEXTS]
    if not all(f.is_file() for f in files):
        pytest.skip("语料中缺少测试用的文本")
    monkeypatch.setenv("KB_JOBS", "1")
    work = tmp_path / "kb"
    work.mkdir()
    (work / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    copies = []
    for f in files:                  # copies: the incremental build below changes one
        copies.append(work / f.name)
        shutil.copyfile(f, copies[-1])
    specs = corpus_sources(copies, seed=True, base=work)
    cat = open_catalog(work, sources=specs, engine="fts5")
    cat.build(full=True)
    _reference(tmp_path / "ref.sqlite", None, [], _entries(specs))
    full, ref = _content(_live(cat)), _content(tmp_path / "ref.sqlite")
    assert full == ref and len(full["entry"]) > 100 and full["check"] == [("ok",)]
    assert {"entry_source", "facet_value", "facet_id"} <= {r[1] for r in full["schema"]}

    # incremental: the first text changed (its rows deleted, its new ones appended), the others kept
    base = _live(cat)
    shutil.copyfile(base, tmp_path / "base.sqlite")
    copies[0].write_text(copies[0].read_text(encoding="utf-8").replace("第一条", "第一条　新增的一句话。\n\n第一条", 1),
                         encoding="utf-8")
    summary = open_catalog(work, sources=specs, engine="fts5").build()
    assert summary["updated"] == [specs[0].key] and not summary["full"]
    _reference(tmp_path / "ref2.sqlite", tmp_path / "base.sqlite", [specs[0].key], _entries(specs[:1]))
    after, ref2 = _content(_live(cat)), _content(tmp_path / "ref2.sqlite")
    assert after == ref2 and after != full and after["check"] == [("ok",)]
