"""The shape of the whoosh index: its fields, and the field type that indexes a text as the
CJK bigrams of :mod:`kb.catalog.analysis`.  Its own module because whoosh pickles the schema
into every index: the classes are found again by this module's name when an index is
opened, so they must stay here (moving them means bumping :data:`SCHEMA_VERSION`, which
makes existing catalogs rebuild instead of failing to open).

Importing this module does not import whoosh: BigramText and BigramAnalyzer are created on
first use (the schema unpickler asks for them by name).
"""
from __future__ import annotations

from kb.catalog.analysis import ANALYZER_VERSION, bigram_positions
from kb.catalog.whoosh.internals import import_whoosh

#: the catalog's format: a catalog written with another one is rebuilt in full.
#: 5: the field classes moved to kb.catalog.whoosh.schema (unpickled by module name)
#: 6: heading entries (type chapter), version labels in the stored data
#: 7: the key as a column (equal scores are ordered by it: kb.catalog.whoosh.live)
#: 8: the cites facet (kb.catalog.citing)
#: 9: a list's item's stored action reads with its lead-in's verb (kb.catalog.entries._statements)
SCHEMA_VERSION = "kb-catalog-9/" + ANALYZER_VERSION


def schema():
    """A new index's schema: the entries of :mod:`kb.catalog.entries`, their text fields as
    bigrams, the filters as keywords, everything a hit shows in ``data``."""
    import_whoosh()
    from whoosh.fields import ID, KEYWORD, STORED, Schema

    bigrams = _field_class("BigramText")
    return Schema(
        key=ID(stored=True, unique=True, sortable=True), source=ID, type=ID(stored=True), regulation=ID(stored=True),
        version=ID(stored=True), latest=ID, artkey=ID(stored=True),
        chapter=KEYWORD(commas=True, lowercase=False, scorable=False),
        actor=KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        modality=KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        actmod=KEYWORD(commas=True, lowercase=False, scorable=False),
        cites=KEYWORD(commas=True, lowercase=False, scorable=False),
        text=bigrams(), heading=bigrams(field_boost=1.0), terms=bigrams(), data=STORED)


def __getattr__(name):
    # BigramText / BigramAnalyzer are created on first use so that importing this
    # module does not import whoosh (the schema unpickler asks for them by name).
    if name in ("BigramText", "BigramAnalyzer"):
        return _field_class(name)
    raise AttributeError(name)


def _field_class(name: str):
    if name not in globals():
        _define_whoosh_classes()
    return globals()[name]


def _define_whoosh_classes():
    import_whoosh()
    from whoosh import analysis, fields, formats

    class BigramAnalyzer(analysis.Tokenizer):
        """whoosh analyzer equivalent of :func:`bigram_positions` (used by whoosh
        utilities; indexing goes through BigramText.index, which is faster)."""

        def __eq__(self, other):
            return other is not None and self.__class__ is other.__class__

        def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                     start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
            t = analysis.Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
            items = sorted((p, tok) for tok, ps in bigram_positions(value).items() for p in ps)
            for p, tok in items:
                t.text = tok
                t.boost = 1.0
                t.stopped = False
                if positions:
                    t.pos = start_pos + p
                yield t

    class BigramText(fields.FieldType):
        def __init__(self, stored=False, field_boost=1.0):
            self.analyzer = BigramAnalyzer()
            self.format = formats.Positions(field_boost=field_boost)
            self.vector = None
            self.scorable = True
            self.stored = stored
            self.unique = False
            self.column_type = None
            self.spelling = False
            self.multitoken_query = "phrase"

        def index(self, value, **kwargs):
            enc = self.format.encode
            fb = self.format.field_boost
            for tok, poslist in bigram_positions(value).items():
                yield tok.encode("utf-8"), len(poslist), len(poslist) * fb, enc(poslist)

        def separate_spelling(self):
            return False

        def has_morph(self):
            return False

    BigramAnalyzer.__module__ = BigramText.__module__ = __name__
    BigramAnalyzer.__qualname__ = "BigramAnalyzer"
    BigramText.__qualname__ = "BigramText"
    globals()["BigramAnalyzer"] = BigramAnalyzer
    globals()["BigramText"] = BigramText
