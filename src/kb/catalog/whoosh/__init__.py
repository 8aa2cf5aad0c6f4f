"""The catalog's whoosh engine (whoosh-reloaded, pinned in pyproject.toml).  By concern:
:mod:`~kb.catalog.whoosh.catalog` (the Catalog: where it lives, whether it is current),
:mod:`~kb.catalog.whoosh.schema` (fields and the bigram field type), :mod:`~kb.catalog.whoosh.build`
(incremental builds, atomic switch), :mod:`~kb.catalog.whoosh.search` (one search),
:mod:`~kb.catalog.whoosh.queries` (query trees as whoosh queries), :mod:`~kb.catalog.whoosh.ranking`
(top-N without scoring every match) and :mod:`~kb.catalog.whoosh.internals`, the one module that
reaches past whoosh's public API.  Only :mod:`kb.catalog` imports this package.
"""
