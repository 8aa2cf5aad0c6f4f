"""Boilerplate: clauses so common across regulations that sharing one says nothing about where an
article's content went.

Two versions of a penalty chapter both end their articles with 构成犯罪的，依法追究刑事责任; a revision
that gathers that tail into one new article (保守国家秘密法 2024 第六十二条: 违反本法规定，构成犯罪的，
依法追究刑事责任) has not split the old articles 第四十八条 and 第五十一条 into it.  What counts as
boilerplate is decided by frequency, not by a word list: a clause (the text between two punctuation
marks, normalised) used by at least ``MIN_LAWS`` regulations of the corpus
(src/kb/compare/data/clauses.tsv, counted by :mod:`kb.dev.boilerplate`).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kb.compare.similarity import normalize

MIN_LAWS = 20       # regulations of the corpus using a clause for it to count as boilerplate
DATA = Path(__file__).parent / "data" / "clauses.tsv"
_BREAK = re.compile(r"[，；。：！？,;:!?\n]")


def clauses_of(text: str) -> list[str]:
    """The normalised clauses of a text (empty ones left out)."""
    return [c for c in (normalize(p) for p in _BREAK.split(text)) if c]


@cache
def _counts() -> dict[str, int]:
    out = {}
    if DATA.exists():
        for line in DATA.read_text(encoding="utf-8").splitlines():
            n, _, c = line.partition("\t")
            out[c] = int(n)
    return out


def is_boilerplate(clause: str, min_laws: int | None = None) -> bool:
    return _counts().get(clause, 0) >= (MIN_LAWS if min_laws is None else min_laws)


def without_boilerplate(text: str) -> str:
    """The normalised text without its boilerplate clauses."""
    return "".join(c for c in clauses_of(text) if not is_boilerplate(c))


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) of each boilerplate clause of ``text``, in its own positions (between the breaks)."""
    out = []
    start = 0
    for m in [*_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        c = normalize(text[start:end])
        if c and is_boilerplate(c):
            out.append((start, end))
        start = m.end() if m else end
    return out


def says_more(text: str, chars: int) -> bool:
    """Does the text hold at least ``chars`` normalised characters outside its boilerplate clauses?  (Stops
    counting once it does: most paragraphs open with a clause of their own.)"""
    n = 0
    for part in _BREAK.split(text):
        c = normalize(part)
        if c and not is_boilerplate(c):
            n += len(c)
            if n >= chars:
                return True
    return False

