"""The catalog on SQLite FTS5: the :class:`~kb.catalog.directory.DirectoryCatalog` whose index
folders hold one SQLite database, written by :mod:`~kb.catalog.fts5.build` and searched by
:mod:`~kb.catalog.fts5.search`, both imported on first use (a staleness check imports neither
sqlite3 nor the parser).
"""
from __future__ import annotations

from kb.catalog.directory import DirectoryCatalog
from kb.catalog.fts5.schema import SCHEMA_VERSION


class Fts5Catalog(DirectoryCatalog):
    """A catalog in a directory of SQLite FTS5 databases."""

    engine = "fts5"
    schema_version = SCHEMA_VERSION
    package = "kb.catalog.fts5"
