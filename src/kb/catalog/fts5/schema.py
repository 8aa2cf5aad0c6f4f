"""The shape of the FTS5 catalog: one SQLite database (``catalog.sqlite`` in the index folder)
holding the entries of :mod:`kb.catalog.entries` with their stored data, their filter values, and a
contentless FTS5 table of their text, heading and defined terms.

FTS5 cannot take a tokenizer written in Python, so the text is handed to it already cut into the
tokens of :func:`kb.catalog.analysis.bigram_positions` (each run of non-space characters as its
overlapping bigrams, its last character also as a unigram), each character written as six hex
digits of its code point: a bigram is a 12-digit token, a unigram a 6-digit one, and FTS5's
``ascii`` tokenizer splits them at the spaces.  A word of two characters or more is then the FTS5
phrase of its bigram tokens (consecutive positions: a phrase of bigrams never crosses a unigram,
so never joins two runs, as with whoosh), one character the prefix query of its six digits (every
bigram it begins, and itself as a run's last character).  Field lengths are stored as whoosh
stores them (a byte, :func:`quantize`), so that BM25 scores are the same.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kb.catalog.analysis import ANALYZER_VERSION, normalize

#: the catalog's format: a catalog written with another one is rebuilt in full (4: a list's item's stored
#: action reads with its lead-in's verb, kb.catalog.entries._statements)
SCHEMA_VERSION = "kb-fts5-4/" + ANALYZER_VERSION
#: ``stats``: what a search reads in one go when the database is opened, written by each build --
#: ``count`` (entries), ``len_<field>`` (each entry's field length, an array of uint32 by entry id)
#: and ``order`` (each entry's place in content order: equal scores are listed in it)
ARRAY = "I"
DB_NAME = "catalog.sqlite"
#: the text fields, in the FTS5 table's column order
TEXT_FIELDS = ("text", "heading", "terms")
#: filter fields (as whoosh's ID and comma-separated KEYWORD fields)
FILTERS = ("source", "type", "regulation", "version", "latest", "chapter", "actor", "modality", "actmod", "cites")
MULTI = ("chapter", "actor", "modality", "actmod", "cites")
#: stored with each entry and handed back to kb.catalog.hits (as the whoosh engine's stored fields)
STORED = ("key", "type", "regulation", "version", "artkey", "actor", "modality", "data")

DDL = f"""
CREATE TABLE entry(id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, source TEXT, type TEXT,
    regulation TEXT, version TEXT, latest TEXT, artkey TEXT, chapter TEXT, actor TEXT, modality TEXT,
    actmod TEXT, cites TEXT, text TEXT, heading TEXT, terms TEXT, ltext INTEGER, lheading INTEGER, lterms INTEGER,
    data TEXT);
CREATE INDEX entry_source ON entry(source);
CREATE TABLE facet(name TEXT NOT NULL, value TEXT NOT NULL, id INTEGER NOT NULL);
CREATE INDEX facet_value ON facet(name, value);
CREATE INDEX facet_id ON facet(id);
CREATE VIRTUAL TABLE fts USING fts5({", ".join(TEXT_FIELDS)}, content='', columnsize=0, tokenize='ascii');
CREATE TABLE stats(name TEXT PRIMARY KEY, value);
"""

#: whoosh's one-byte field lengths (whoosh.util.numeric: round((1.033 ** n - 1) * 27)), so that
#: a document's length is what whoosh's BM25 sees
_LENGTHS = [int(round((pow(1.033, n) - 1) * 27)) for n in range(256)]


def quantize(length: int) -> int:
    """The length whoosh stores for a field of ``length`` tokens (rounded up to a byte's step)."""
    return _LENGTHS[255] if length >= _LENGTHS[255] else _LENGTHS[bisect_left(_LENGTHS, length)]


class _Hex(dict):
    """code point -> its six hex digits (whitespace -> a space), filled as characters are met:
    ``str.translate`` looks each character up in C and calls ``__missing__`` once per new one."""

    def __missing__(self, c: int) -> str:
        v = self[c] = " " if chr(c).isspace() else f"{c:06x}"
        return v


_HEX = _Hex()
#: at each character: the bigram it begins, or (the last of a run) the character alone
_TOKEN = re.compile(r"(?=([0-9a-f]{12}|[0-9a-f]{6}(?![0-9a-f])))[0-9a-f]{6}")


def tokens(text: str) -> list[str]:
    """The FTS5 tokens of a text, in position order (see the module's docstring)."""
    return _TOKEN.findall(normalize(text).translate(_HEX)) if text else []


class _HexOf(dict):
    """character -> its six hex digits, filled as characters are met (as :data:`_HEX`, keyed by
    the character: ``map`` looks a run's characters up in C)."""

    def __missing__(self, c: str) -> str:
        v = self[c] = f"{ord(c):06x}"
        return v


_HEX_OF = _HexOf()
_JOIN = str.__add__


def token_text(text: str) -> tuple[str, int]:
    """What FTS5 is given for a text: its tokens (:func:`tokens`) joined by spaces, and how many
    there are (one per non-space character).  Made run by run from the characters' hex digits, in C
    (``map``), without a regular expression: 20% faster than joining :func:`tokens`, the same string."""
    if not text:
        return "", 0
    out = []
    n = 0
    hex_of = _HEX_OF.__getitem__
    for run in normalize(text).split():
        hx = list(map(hex_of, run))
        if len(hx) > 1:
            out.append(" ".join(map(_JOIN, hx, hx[1:])))
        out.append(hx[-1])
        n += len(hx)
    return " ".join(out), n


def token(s: str) -> str:
    """The FTS5 token of a (normalised) bigram or single character."""
    return s.translate(_HEX)


def values(name: str, value) -> list[str]:
    """The filter values an entry's field holds (comma-separated lists for MULTI fields)."""
    if not value:
        return []
    if name in MULTI:
        return [v.strip() for v in str(value).split(",") if v.strip()]
    return [str(value)]
