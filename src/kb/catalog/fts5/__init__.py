"""The catalog's SQLite FTS5 engine (sqlite3 from Python's standard library: no dependency).
By concern: :mod:`~kb.catalog.fts5.catalog` (the Catalog), :mod:`~kb.catalog.fts5.schema` (the
tables, and the CJK bigrams as FTS5 tokens), :mod:`~kb.catalog.fts5.build` (writing),
:mod:`~kb.catalog.fts5.search` (matching in FTS5, scoring as the whoosh engine does).  Only
:mod:`kb.catalog` imports this package.
"""
