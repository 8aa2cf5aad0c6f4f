"""What the cross-link layer reads, and where a hit sits.

Every finder of the layer scans the same nodes, places what it finds in the same way (article,
paragraph and item numbers, source line) and keeps its result in the same per-document cache,
so these few helpers are shared here rather than repeated in each finder.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from kb.layers import cache
from kb.text.model import Document, Node

#: the nodes whose text is scanned; the preamble (title block, table of contents) is not
SCANNED = ("paragraph", "item", "subitem")

#: words by which a text names itself (本条例 …); longest first so 本条例 wins over 本条
SELF_WORDS = ("本条例实施细则", "本实施细则", "本实施办法", "本条例", "本规定", "本办法", "本细则", "本规则",
              "本准则", "本决定", "本通则", "本法")
SELF_ALT = "|".join(SELF_WORDS)

_CACHE: "weakref.WeakKeyDictionary[Document, dict]" = weakref.WeakKeyDictionary()


def doc_cache(doc: Document) -> dict:
    """The layer's results for ``doc``, kept as long as the document lives."""
    c = _CACHE.get(doc)
    if c is None:
        c = _CACHE[doc] = {}
    return c


def cached(doc: Document, name: str, compute: Callable, *parts: str):
    """The finder ``name``'s result for ``doc``: kept while the document lives, and in the layer
    cache (:mod:`kb.layers.cache`) for any later Document of the same text; ``parts``: what else
    the result depends on."""
    c = doc_cache(doc)
    key = (name, *parts)
    if key not in c:
        c[key] = cache.layer(doc, f"links.{name}", compute, *parts)
    return c[key]


def scanned_nodes(doc: Document) -> list[Node]:
    c = doc_cache(doc)
    if "nodes" not in c:
        c["nodes"] = [n for n in doc.root.walk() if n.kind in SCANNED and n.text]
    return c["nodes"]


def context(n: Node) -> tuple[Node | None, Node | None, Node | None]:
    """(article, paragraph, item) containing n (n itself included)."""
    art = n if n.kind == "article" else n.ancestor("article")
    para = n if n.kind == "paragraph" else n.ancestor("paragraph")
    item = n if n.kind == "item" else n.ancestor("item")
    return art, para, item


def numbers(n: Node) -> tuple:
    art, para, item = context(n)
    return (art.number if art else None, para.number if para else None, item.number if item else None)


def line_at(n: Node, offset: int) -> int:
    """The source line of ``offset`` in the node's text."""
    ends = _newlines(n.text)
    return n.line + bisect_right(ends, offset - 1) if ends else n.line


_NEWLINES: list = [None, []]     # [text, offsets of its line ends]: the last text asked about


def _newlines(text: str) -> list[int]:
    """Where the line ends of ``text`` are; the finders ask about one node after another, so the
    last answer is kept (counting the newlines before every hit would cost the square of a
    long node's length)."""
    if _NEWLINES[0] is not text:
        _NEWLINES[:] = [text, [m.start() for m in re.finditer("\n", text)]]
    return _NEWLINES[1]


def within(n: Node, scope: str | None) -> bool:
    if scope is None:
        return True
    while n is not None:
        if n.eid == scope:
            return True
        n = n.parent
    return False


def title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles (〈〉 allowed inside); runs 《A》《B》 give one span each."""
    if "《" not in text:
        return []             # (most provisions name no title: a substring test, not the pattern's search)
    return [m.span() for m in _TITLE.finditer(text)]


_TITLE = re.compile(r"《([^《》\n]{1,120})》")


def inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether a..b lies within one of ``spans`` (sorted, not overlapping: title_spans)."""
    i = bisect_right(spans, (a, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= a and b <= spans[i][1]


def overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether a..b overlaps one of ``spans`` (sorted, not overlapping)."""
    i = bisect_left(spans, (b, -1))
    return i > 0 and spans[i - 1][1] > a


_SIBLINGS: "weakref.WeakKeyDictionary[Node, dict]" = weakref.WeakKeyDictionary()


def siblings(parent: Node, kind: str) -> tuple[list[Node], dict[int, int], dict]:
    """The children of ``parent`` of one kind, where each stands among them (id(node) -> index),
    and which bear each number (number -> [nodes]).  Worked out once per parent and kept (the
    tree never changes), so a finder asking about 前款 or 第N项 in every paragraph of a long
    article does not go through the article's children every time."""
    per = _SIBLINGS.get(parent)
    if per is None:
        per = _SIBLINGS[parent] = {}
    got = per.get(kind)
    if got is None:
        sibs = [c for c in parent.children if c.kind == kind]
        numbered: dict = {}
        for c in sibs:
            numbered.setdefault(c.number, []).append(c)
        got = per[kind] = (sibs, {id(c): i for i, c in enumerate(sibs)}, numbered)
    return got


def numbered(parent: Node, kind: str, number) -> list[Node]:
    """The children of ``parent`` of one kind that bear ``number``."""
    return siblings(parent, kind)[2].get(number, [])


def prev_sibling(n: Node, kind: str, k: int = 1) -> list[Node]:
    """The k siblings of kind just before n (nearest last), or [] if there are fewer."""
    if n is None or n.parent is None:
        return []
    sibs, pos, _ = siblings(n.parent, kind)
    i = pos.get(id(n))
    if i is None or i - k < 0:
        return []
    return sibs[i - k:i]
