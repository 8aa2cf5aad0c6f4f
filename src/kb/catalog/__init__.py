"""The search catalog: one full-text index of every content item of a project (articles,
paragraphs and items, definitions, obligations), with facets.  The rest of kb talks to it
only through this package's face::

    from kb.catalog import open_catalog
    cat = open_catalog(root)        # lives in <root>/.kb/catalog/
    cat.build(progress=None)        # incremental (source hashes), atomic
    cat.is_stale()                  # sources changed since the last build?
    cat.search("经费", type=None, regulation=None, version=None, chapter=None,
               actor=None, modality=None, limit=10, group_by_article=True,
               literal=False) -> list[Hit]
    cat.prepare("居委会").expansions   # other names of actors searched too (居民委员会)
    cat.provisions((15, 2, None, None)) -> list[Hit]   # 第十五条第二款 in each version searched

Inside, by concern: :mod:`~kb.catalog.interface` (the :class:`Catalog` contract, :class:`Hit`,
:class:`SourceSpec`), :mod:`~kb.catalog.analysis` (CJK bigrams, normalisation, snippets),
:mod:`~kb.catalog.query` (the query language and filters), :mod:`~kb.catalog.synonyms`
(actor names searched under each other's names), :mod:`~kb.catalog.entries`
(what a parsed document and its layers contribute), :mod:`~kb.catalog.fingerprints` (what
makes a catalog stale), :mod:`~kb.catalog.hits` (stored entries back into hits), and the
whoosh engine in :mod:`kb.catalog.whoosh`.  Nothing outside this package imports whoosh or
the engine's modules.

Importing this package is cheap (``kb search`` starts in a few tens of milliseconds): the
engine is imported when a catalog is opened, whoosh itself when one is built or searched.
"""
from __future__ import annotations

from kb.catalog.interface import Catalog, Hit, Progress, SourceSpec

__all__ = ["Catalog", "Hit", "Progress", "SourceSpec", "open_catalog"]


def open_catalog(root, path=None, sources: list[SourceSpec] | None = None) -> Catalog:
    """The catalog of project ``root`` (in ``<root>/.kb/catalog/`` unless ``path`` says
    otherwise), or of explicit ``sources`` (``root`` may then be None).  Nothing is read
    or built until asked."""
    from kb.catalog.whoosh.catalog import WhooshCatalog

    return WhooshCatalog(root, path=path, sources=sources)
