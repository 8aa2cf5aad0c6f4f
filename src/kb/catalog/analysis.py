"""Chinese text analysis for the catalog: how a text and a query word are cut into
the tokens they are matched by, and how matches are shown.  Kept apart from the query
language and from any engine so that indexing, searching and the snippets agree on one
definition of "this text contains this word".

Why bigrams and not a word segmenter: a segmenter (jieba) cuts the text one way
at index time and the query another way at search time, so a string that occurs
literally in a provision can be missed (measured on LawRefBook: 2,496 misses of
206,059 substring hits, 3,300 false hits), and its dictionary costs ~0.8 s in
every new process.  Here every run of non-space characters is indexed as its
overlapping character bigrams at consecutive positions (the last character of a
run also as a unigram), and a query word of n >= 2 characters becomes the phrase
of its n-1 bigrams: a provision matches exactly when it contains the word, so
recall against a substring scan is 100% by construction (and the tests check
it).  A one-character word is a prefix query over the tokens.

Normalisation (for matching only, one character to one character so offsets
into the source stay valid): full-width ASCII (０-９, Ａ-Ｚ, （）…) to ASCII,
Latin letters to lower case.  Queries additionally treat 第15条 and 第十五条
(and 第15章/款/项/节/编) alike by searching both spellings (:func:`variants`).

This module is on the ``kb search`` path: it imports nothing heavy.
"""
from __future__ import annotations

import re

from kb.text.numerals import NUMERAL_CHARS, parse_numeral, to_chinese

#: bump when tokenisation changes: forces a full rebuild of existing catalogs
ANALYZER_VERSION = "bigram-1"

_FW = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FW.update({c: c + 32 for c in range(0x41, 0x5B)})             # A-Z -> a-z
_FW.update({c: c - 0xFF21 + 0x61 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ -> a-z
_WS_RE = re.compile(r"\S+")


def normalize(s: str) -> str:
    """Matching form of a text: same length as ``s`` (offsets stay valid)."""
    return s.translate(_FW)


def bigram_positions(text: str) -> dict[str, list[int]]:
    """token -> positions.  Each run's overlapping bigrams at consecutive positions,
    its last character also as a unigram; runs are separated by a gap of one position."""
    out: dict[str, list[int]] = {}
    pos = 0
    for m in _WS_RE.finditer(normalize(text)):
        r = m.group()
        n = len(r)
        for i in range(n - 1):
            t = r[i:i + 2]
            lst = out.get(t)
            if lst is None:
                out[t] = [pos + i]
            else:
                lst.append(pos + i)
        t = r[-1]
        lst = out.get(t)
        if lst is None:
            out[t] = [pos + n - 1]
        else:
            lst.append(pos + n - 1)
        pos += n + 1
    return out


def query_tokens(word: str) -> list[str]:
    """The tokens a (normalised, whitespace-free) query word is looked up by."""
    if len(word) <= 1:
        return [word]
    return [word[i:i + 2] for i in range(len(word) - 1)]


# --------------------------------------------------------------------------- numbering variants

_NUM_REF = re.compile(rf"第([{NUMERAL_CHARS}]+)(条|款|项|章|节|编|目)")


def variants(word: str) -> list[str]:
    """The spellings a normalised word is searched under: 第15条 <-> 第十五条."""
    if "第" not in word:
        return [word]

    def conv(m: re.Match, to_digits: bool) -> str:
        try:
            n = parse_numeral(m.group(1))
        except ValueError:
            return m.group(0)
        return f"第{n if to_digits else to_chinese(n)}{m.group(2)}"

    out = [word]
    for to_digits in (False, True):
        v = _NUM_REF.sub(lambda m: conv(m, to_digits), word)
        if v not in out:
            out.append(v)
    return out


# --------------------------------------------------------------------------- matching & snippets

def find_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Merged [start, end) spans where any of the (normalised) words occur in text."""
    if not text or not words:
        return []
    norm = normalize(text)
    spans = []
    for w in words:
        if not w:
            continue
        i = norm.find(w)
        while i >= 0:
            spans.append((i, i + len(w)))
            i = norm.find(w, i + 1)
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def snippet(text: str, words: list[str], width: int = 90) -> tuple[str, list[list[int]]]:
    """A window of ``text`` around the first match, and the match spans inside it."""
    text = text or ""
    spans = find_spans(text, words)
    if len(text) <= width:
        return text, [[s, e] for s, e in spans]
    start = 0
    if spans:
        first = spans[0][0]
        start = max(0, min(first - width // 4, len(text) - width))
    end = min(len(text), start + width)
    pre = "…" if start > 0 else ""
    post = "…" if end < len(text) else ""
    out = pre + text[start:end] + post
    off = len(pre) - start
    marks = [[max(s, start) + off, min(e, end) + off] for s, e in spans if e > start and s < end]
    return out, marks
