"""Writing the FTS5 catalog: what :func:`kb.catalog.building.write_index` asks of the engine
(:func:`fill`).  An update starts from a copy of the live database (never written once live),
deletes the entries of the versions that changed or went (FTS5's ``delete`` with the tokens they
were indexed with, made again from their stored fields) and adds theirs.

Imported only when a build runs (it imports the parser and the layers).
"""
from __future__ import annotations

import errno
import os
import shutil
from array import array
import sqlite3
import time
from pathlib import Path

from kb.catalog.building import Changes, versions_entries
from kb.catalog.fts5.schema import ARRAY, DB_NAME, DDL, FILTERS, TEXT_FIELDS, quantize, token_text, values
from kb.catalog.interface import Progress
from kb.errors import KbError
from kb.catalog.searching import content_key

_COLS = ("key", "source", "type", "regulation", "version", "latest", "artkey", "chapter", "actor",
         "modality", "actmod", "cites", "text", "heading", "terms")
_INSERT = (f"INSERT INTO entry(id, {', '.join(_COLS)}, ltext, lheading, lterms, data) "
           f"VALUES ({', '.join('?' * (len(_COLS) + 5))})")
_INSERT_FTS = "INSERT INTO fts(rowid, text, heading, terms) VALUES (?, ?, ?, ?)"
_INSERT_FACET = "INSERT INTO facet(name, value, id) VALUES (?, ?, ?)"
#: the DDL's secondary indexes: a new database gets them once its rows are in (one sort each
#: instead of a b-tree insert per row)
_INDEXES = [st for st in DDL.split(";") if st.strip().startswith("CREATE INDEX")]


def fill(cat, tmp: Path, base: Path | None, ch: Changes, summary: dict, progress: Progress | None,
         used_layers: set) -> int:
    """Write the database in ``tmp`` (a copy of ``base``'s when updating it): the entries of
    ``ch.todo`` added, those of changed and removed versions deleted.  Returns the number of
    entries it holds."""
    db = tmp / DB_NAME
    if base is not None:
        shutil.copyfile(base / DB_NAME, db)
    try:
        return _fill(cat, db, base, ch, summary, progress, used_layers)
    except sqlite3.OperationalError as e:
        # said to the user as any failed write is (kb.errors.os_error: 磁盘已满, 只读 …)
        msg = str(e)
        code = errno.ENOSPC if "full" in msg else errno.EROFS if "readonly" in msg else errno.EIO
        raise OSError(code, os.strerror(code), str(db)) from None
    except sqlite3.DatabaseError as e:      # the live database is damaged: an update cannot start from it
        raise KbError(f"检索目录的数据库已损坏（{e}）：请运行 kb index --full 重建", str(base or db)) from None


def _fill(cat, db: Path, base: Path | None, ch: Changes, summary: dict, progress: Progress | None,
          used_layers: set) -> int:
    con = sqlite3.connect(db, isolation_level=None)
    try:
        # the folder is not live until the build renames it: no journal needed (a crash leaves
        # a tmp- folder the next build removes)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("BEGIN")
        if base is None:
            for statement in DDL.split(";"):
                if statement.strip() and statement not in _INDEXES:
                    con.execute(statement)
        else:
            for key in ch.removed + [s.key for s in ch.todo]:
                _delete_source(con, key)
        # the ids SQLite would give (one past the largest), given here so that a version's rows go in
        # three executemany calls
        rid = con.execute("SELECT coalesce(max(id), 0) + 1 FROM entry").fetchone()[0]
        # the versions parsed and their entries made on every core (kb.pool), written here in their order
        for i, (s, entries, used) in enumerate(versions_entries(cat.root, ch.todo, ch.sources, summary,
                                                                prepare=prepare), 1):
            used_layers.update(used)
            t = time.process_time()
            rid = _insert(con, entries, rid)
            summary["steps"]["index"] += time.process_time() - t
            if progress:
                progress(i, len(ch.todo), s.key)
        t = time.process_time()
        if base is None:
            for statement in _INDEXES:
                con.execute(statement)
        n = _write_stats(con)
        if "steps" in summary:
            summary["steps"]["index"] += time.process_time() - t
        con.execute("COMMIT")
    finally:
        con.close()
    fd = os.open(db, os.O_RDONLY)
    try:
        os.fsync(fd)          # on disk before the folder goes live
    finally:
        os.close(fd)
    return n


def prepare(entries: list[dict]) -> list[tuple]:
    """(entry, its text, heading and terms as FTS5 is given them with their token counts) of each of a
    version's entries: made where the entries are made, on every core (kb.catalog.building.versions_entries)."""
    return [(e, *(token_text(e.get(f) or "") for f in TEXT_FIELDS)) for e in entries]


def _insert(con, prepared: list[tuple], rid: int) -> int:
    """Write one version's entries (:func:`prepare`), the first with id ``rid``; returns the next id."""
    rows, texts, facets = [], [], []
    for e, (text, n_text), (heading, n_heading), (terms, n_terms) in prepared:
        rows.append([rid] + [e.get(c) or "" for c in _COLS]
                    + [quantize(n_text), quantize(n_heading), quantize(n_terms), e["data"]])
        texts.append((rid, text, heading, terms))
        facets += [(name, v, rid) for name in FILTERS for v in values(name, e.get(name) or "")]
        rid += 1
    con.executemany(_INSERT, rows)
    con.executemany(_INSERT_FTS, texts)
    con.executemany(_INSERT_FACET, facets)
    return rid


def _write_stats(con) -> int:
    """The ``stats`` rows (see :mod:`kb.catalog.fts5.schema`) of the entries the database holds now:
    a search then opens the database without reading its entries.  Returns their number."""
    rows = con.execute(f"SELECT id, key, {', '.join('l' + f for f in TEXT_FIELDS)} FROM entry").fetchall()
    size = max((r[0] for r in rows), default=0) + 1
    arrays = {f"len_{f}": array(ARRAY, bytes(4 * size)) for f in TEXT_FIELDS}
    order = array(ARRAY, bytes(4 * size))
    for r in rows:
        for i, f in enumerate(TEXT_FIELDS):
            arrays[f"len_{f}"][r[0]] = r[2 + i]
    for rank, r in enumerate(sorted(rows, key=lambda r: content_key(r[1]))):
        order[r[0]] = rank
    arrays["order"] = order
    con.execute("DELETE FROM stats")
    con.executemany("INSERT INTO stats(name, value) VALUES (?, ?)",
                    [("count", len(rows))] + [(k, a.tobytes()) for k, a in arrays.items()])
    return len(rows)


def _delete_source(con, key: str) -> None:
    """Remove a version's entries: FTS5 (contentless) is told the tokens each was indexed with."""
    rows = con.execute("SELECT id, text, heading, terms FROM entry WHERE source = ?", (key,)).fetchall()
    for rid, *fields in rows:
        con.execute("INSERT INTO fts(fts, rowid, text, heading, terms) VALUES ('delete', ?, ?, ?, ?)",
                    [rid, *(token_text(f or "")[0] for f in fields)])
    con.executemany("DELETE FROM facet WHERE id = ?", [(r[0],) for r in rows])
    con.execute("DELETE FROM entry WHERE source = ?", (key,))
