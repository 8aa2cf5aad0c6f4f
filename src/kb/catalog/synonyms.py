"""Actor names searched under each other's names: a query for 居委会 also finds 居民委员会,
and the reverse, because the actor registry (:mod:`kb.layers.actors`, kept in the catalog's
manifest as alias -> canonical name) says they name the same body.

A word is expanded where an actor's name or alias occurs in it (the whole word, or part of
it: 居民委员会的职责 is also searched as 居委会的职责).  An alias is searched under the
canonical name, a canonical name under its aliases; a spelling is left out when searching it
would add nothing (社区居民委员会 already contains 居民委员会) or would only widen the search to
a shorter, vaguer word (人民政府 is not searched as 政府).  Quoted phrases are searched as
written.  :func:`expand` records what it added, so the user is told (也检索了“居民委员会”).

This module is on the ``kb search`` path: it imports nothing heavy.
"""
from __future__ import annotations

from itertools import product

from kb.catalog.analysis import normalize
from kb.catalog.query import BoolOp, ParsedQuery, Word

#: at most this many other spellings of one query word
MAX_SPELLINGS = 8


def spellings(aliases: dict[str, str]) -> dict[str, list[str]]:
    """name or alias (normalised) -> the other spellings to search it under (perhaps none: a
    name is still a unit, so 人民政府有关部门 is not read as 人民政府 + 有关部门)."""
    names: dict[str, list[str]] = {}
    for alias, canonical in aliases.items():
        names.setdefault(normalize(canonical), [])
        if alias != canonical:
            names[normalize(canonical)].append(normalize(alias))
    out: dict[str, list[str]] = {}
    for canonical, alias_list in names.items():
        for s in [canonical, *alias_list]:
            cands = alias_list if s == canonical else [canonical]
            out[s] = _useful(s, cands)
    return out


def _useful(written: str, cands: list[str]) -> list[str]:
    """The candidates worth searching besides ``written``: none that contains ``written`` or
    another kept spelling (its hits are found already), none that ``written`` contains (a
    vaguer word).  Shortest first, so the containment test sees the short ones first."""
    keep: list[str] = []
    for c in sorted(set(cands), key=lambda x: (len(x), x)):
        if c == written or written in c or c in written or any(k in c for k in keep):
            continue
        keep.append(c)
    return keep


def word_spellings(text: str, table: dict[str, list[str]]) -> list[str]:
    """The other spellings of a (normalised) word: each actor name in it (longest first, left
    to right) replaced by its other spellings, alone and together."""
    pieces = _pieces(text, table)
    if all(len(p) == 1 for p in pieces):
        return []
    out = []
    for combo in product(*pieces):
        s = "".join(combo)
        if s != text and s not in out:
            out.append(s)
        if len(out) >= MAX_SPELLINGS:
            break
    return out


def names_in(text: str, table: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """The actor names in a (normalised) word that have other spellings, each with them:
    居委会的职责 -> [(居委会, [居民委员会])]."""
    return [(p[0], p[1:]) for p in _pieces(text, table) if len(p) > 1]


def _pieces(text: str, table: dict[str, list[str]]) -> list[list[str]]:
    """The word cut into actor names (longest first, left to right), each with its other
    spellings, and the plain text between them (alone)."""
    if not table:
        return [[text]] if text else []
    longest = max(map(len, table))
    pieces: list[list[str]] = []
    i, plain = 0, ""
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            name = text[i:i + n]
            if name in table:
                if plain:
                    pieces.append([plain])
                    plain = ""
                pieces.append([name, *table[name]])      # (only the name: no other spelling)
                i += n
                break
        else:
            plain += text[i]
            i += 1
    if plain:
        pieces.append([plain])
    return pieces


def expand(pq: ParsedQuery, aliases: dict[str, str]) -> ParsedQuery:
    """``pq`` with every unquoted word also searched under the other names of the actors it
    names (:attr:`Word.also`); ``pq.expansions`` lists (word as written, [spellings added],
    excluded: the word is under NOT, [(actor name in the word, [its other spellings])])."""
    table = spellings(aliases or {})
    expansions: list[tuple[str, list[str], bool]] = []

    def walk(n, negated=False):
        if isinstance(n, Word):
            if n.raw.startswith('"'):
                return
            also = word_spellings(n.text, table)
            if also:
                n.also = also
                expansions.append((n.raw or n.text, also, negated, names_in(n.text, table)))
        elif isinstance(n, BoolOp):
            for c in n.children:
                walk(c, negated or n.op == "NOT")
    walk(pq.tree)
    pq.expansions = expansions
    return pq
