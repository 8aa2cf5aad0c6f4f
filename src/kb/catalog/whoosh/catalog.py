"""The catalog on whoosh (whoosh-reloaded, pinned in pyproject.toml): the
:class:`~kb.catalog.directory.DirectoryCatalog` whose index folders whoosh writes
(:mod:`~kb.catalog.whoosh.build`) and searches (:mod:`~kb.catalog.whoosh.search`), both imported
on first use so that a staleness check (``kb search`` asks one before every search) imports
neither whoosh nor the parser.
"""
from __future__ import annotations

from kb.catalog.directory import DirectoryCatalog
from kb.catalog.whoosh.schema import SCHEMA_VERSION


class WhooshCatalog(DirectoryCatalog):
    """A catalog in a directory of whoosh indexes.  ``rank_whole_catalog=False`` makes top-N
    searches scan in catalog order instead of choosing the documents to score over the whole
    catalog (a benchmark's baseline)."""

    engine = "whoosh"
    schema_version = SCHEMA_VERSION
    package = "kb.catalog.whoosh"
