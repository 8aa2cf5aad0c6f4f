"""The search catalog: one full-text index of every content item of a project (articles,
paragraphs and items, definitions, obligations), with facets.  The rest of kb talks to it
only through this package's face::

    from kb.catalog import open_catalog
    cat = open_catalog(root)        # lives in <root>/.kb/catalog/
    cat.build(progress=None)        # incremental (source hashes), atomic
    cat.is_stale()                  # sources changed since the last build?
    cat.search("经费", type=None, regulation=None, version=None, chapter=None,
               actor=None, modality=None, limit=10, group_by_article=True,
               literal=False) -> Hits    # a list of Hit; .total: every hit, beyond the limit
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

from pathlib import Path

from kb.catalog.interface import Catalog, Hit, Hits, Progress, SourceSpec

__all__ = ["Catalog", "DEFAULT_ENGINE", "ENGINES", "Hit", "Hits", "Progress", "SourceSpec", "open_catalog"]


#: the catalog's engines: name -> (module, class), imported when a catalog is opened
ENGINES = {"whoosh": ("kb.catalog.whoosh.catalog", "WhooshCatalog"),
           "fts5": ("kb.catalog.fts5.catalog", "Fts5Catalog")}
#: the engine of a new catalog when nothing names one (README, 检索引擎: why)
DEFAULT_ENGINE = "fts5"


def open_catalog(root, path=None, sources: list[SourceSpec] | None = None, engine: str | None = None,
                 configured: str | None = None) -> Catalog:
    """The catalog of project ``root`` (in ``<root>/.kb/catalog/`` unless ``path`` says
    otherwise), or of explicit ``sources`` (``root`` may then be None).  Nothing is read
    or built until asked.  Its engine: ``engine`` if given (``kb index --engine``), else
    ``KB_CATALOG_ENGINE``, else ``configured`` (the ``catalog_engine`` option of mkdocs.yml:
    :func:`configured_engine`), else the engine of the catalog already there, else
    :data:`DEFAULT_ENGINE`; a catalog built by another engine is stale (a build replaces it
    in full)."""
    import importlib
    import os

    from kb.errors import KbError

    path = Path(path) if path is not None else Path(root) / ".kb" / "catalog"
    name = engine or os.environ.get("KB_CATALOG_ENGINE") or configured or existing_engine(path) or DEFAULT_ENGINE
    if name not in ENGINES:
        raise KbError(f"未知的检索引擎“{name}”；可用：{'、'.join(ENGINES)}")
    module, cls = ENGINES[name]
    return getattr(importlib.import_module(module), cls)(root, path=path, sources=sources)


def existing_engine(path: Path) -> str | None:
    """The engine of the catalog at ``path`` (its live index's manifest), None when there is none."""
    import json

    try:
        live = (path / "CURRENT").read_text(encoding="utf-8").strip()
        with open(path / live / "manifest.json", encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError):
        return None
    return m.get("engine", "whoosh") if isinstance(m, dict) else None


def configured_engine(root) -> str | None:
    """The engine mkdocs.yml names (the kb plugin's ``catalog_engine``), None when it names none
    (reads YAML: for kb index and kb build, not on kb search's path)."""
    from kb.project import load_config

    value = load_config(Path(root)).get("catalog_engine")
    return str(value) if value else None
