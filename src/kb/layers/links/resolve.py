"""Resolving a citation of this text to its nodes: which article, paragraph or item 第十五条第二款,
前款 or 第三至五项 names, seen from the node that cites it.

The same words name different nodes depending on where they stand (前款, a bare 第二项 after a
cited article), and some name nothing; a failure is returned as a message for the link warnings
rather than raised, so one bad citation never stops the layer.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kb.layers.links.citations import Tok, single
from kb.layers.links.scan import context, numbered, prev_sibling, siblings
from kb.text.model import Document, Node

_LISTED_INLINE = re.compile(r"[：:]\s*\S")


def problem_kind(message: str | None) -> str | None:
    """What an unresolved citation gets wrong, read off the message :class:`Resolver` wrote for it
    (kept beside the messages so the two change together): "previous" (前款 in a first paragraph,
    前条 in the first article), "range" (第十条至第五条: reversed or across levels), "list" (下列 with
    no list after it), "unclear" (the citation cannot be placed: 本款 outside a paragraph, 第二项
    after several provisions; 本编 in a file holding one part of a code) or "missing" (it names an
    article, paragraph, item or chapter the text
    does not have).  None for no message."""
    if not message:
        return None
    if "之前没有" in message:
        return "previous"
    if "范围无效" in message:
        return "range"
    if message.startswith("“下列”"):
        return "list"
    if any(w in message for w in ("前面指向多处", "没有上级条款", "之前缺少条号", "不在任何", "可能只收录了")):
        return "unclear"
    return "missing"


class Resolver:
    """Resolves the citations of one document.  What it looks up again and again (the nodes of a
    kind, the headings of a container, the items of an article, the paragraphs holding item N) is
    worked out once and kept, so that resolving costs the same for every citation however long the
    article or the text is."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.articles = doc.articles
        self._art_index: dict[str, int] | None = None
        self._of_kind: dict[str, tuple[list[Node], dict[int, int]]] = {}
        self._headings: dict[int, dict[tuple, Node]] = {}
        self._items: dict[int, tuple[list[int], list[Node]]] = {}
        self._item_paras: dict[int, dict] = {}
        self._has_parts: bool | None = None

    @property
    def art_index(self) -> dict[str, int]:
        """Article eid -> its place among the articles; made when 前条 or a range first asks (a
        text of 350,000 articles citing neither held 24 MB of it)."""
        if self._art_index is None:
            self._art_index = {a.eid: i for i, a in enumerate(self.articles)}
        return self._art_index

    def segment(self, n: Node, toks: list[Tok], prev: list[Node] | None,
                outer: Node | None = None, near: bool = False) -> tuple[list[Node], str | None]:
        """The nodes one segment of a chain (本条例第十五条第二款, 前款, 第三、四项) names, seen from
        node n, or ([], why it names none).  ``prev``: what the segment before it named (第二款、第三款
        goes on at its level); ``outer``: the provision a bare 第N项/第N款 may belong to, ``near``
        when it was named in the same sentence."""
        listed = next((j for j, t in enumerate(toks) if t.multi), None)
        if listed is not None:
            return self._each_number(n, toks, listed, prev, outer, near)
        cur: list[Node] | None = None       # the nodes meant so far
        for j, t in enumerate(toks):
            if t.kind == "self":
                if len(toks) == 1:
                    return [], None
                cur, err = [self.doc.root], None
            elif t.kind == "this":
                cur, err = self._this(n, t)
            elif t.kind == "prev":
                cur, err = self._previous(n, t)
            elif t.kind == "xia":
                cur, err = self._listed(n, t)
            elif t.unit == "条":               # 第N…
                a = self.doc.get(f"art_{t.n}")
                cur, err = [a], None if a is not None else f"“{t.text}”：本文没有{t.text}（共 {len(self.articles)} 条）"
            elif t.unit in ("章", "编", "分编", "节"):
                found = self._heading(n, t, cur)
                cur, err = [found], (None if found is not None else f"“{t.text}”：本文没有{t.text}")
            else:                               # 款 项 目
                cur, err = self._subdivision(n, t, cur, prev if j == 0 else None, outer, near)
            if err:
                return [], err
        return cur or [], None

    def _each_number(self, n: Node, toks: list[Tok], j: int, prev: list[Node] | None,
                     outer: Node | None, near: bool) -> tuple[list[Node], str | None]:
        """第三、四项 / 第一至三款 (toks[j]): each number in turn, ranges spanned."""
        t = toks[j]
        got: list[Node] = []
        seen: set[int] = set()
        for a, b in t.multi:
            na, err = self.segment(n, toks[:j] + [single(t, a)] + toks[j + 1:], prev, outer, near)
            if err:
                return [], err
            if b != a:
                nb, err = self.segment(n, toks[:j] + [single(t, b)] + toks[j + 1:], prev, outer, near)
                if err:
                    return [], err
                span = self.span(na[0], nb[-1]) if na and nb else []
                if not span:
                    return [], f"“{t.text}”：范围无效"
                na = span
            for x in na:
                if id(x) not in seen:
                    seen.add(id(x))
                    got.append(x)
        return got, None

    def _this(self, n: Node, t: Tok) -> tuple[list[Node] | None, str | None]:
        """本条, 本款, 本项, 本目, 本章, 本节, 本编: the unit n stands in."""
        art, para, item = context(n)
        if t.unit == "条":
            cur = [art] if art else None
        elif t.unit == "款":
            cur = [para] if para else None
        elif t.unit == "项":
            cur = [item] if item else None
        elif t.unit == "目":
            cur = [n] if n.kind == "subitem" else None
        else:
            outer = n.ancestor({"章": "chapter", "节": "section", "编": "part"}[t.unit])
            cur = [outer] if outer else None
        if cur:
            return cur, None
        if t.unit in ("编", "分编") and not self._parts():
            return None, f"“{t.text}”：本文件没有编（可能只收录了法典的一编）"
        return None, f"“{t.text}”不在任何{t.unit}中"

    def _previous(self, n: Node, t: Tok) -> tuple[list[Node] | None, str | None]:
        """前条, 前款, 前两款, 前项: the k units just before the one n stands in."""
        art, para, item = context(n)
        base = {"条": art, "款": para, "项": item}[t.unit]
        kind = {"条": "article", "款": "paragraph", "项": "item"}[t.unit]
        if base is None:
            return None, f"“{t.text}”不在任何{t.unit}中"
        if t.unit == "条":
            i = self.art_index.get(base.eid, 0)
            cur = self.articles[i - t.k:i] if i - t.k >= 0 else []
        elif t.unit == "项" and n.kind != "item" and item is None:
            # 前三项 in a paragraph after a list: the k items just before it
            cur = self._items_before(art, n.start, t.k) if art else []
            return (cur, None) if cur else (None, f"“{t.text}”：之前没有{t.k}项")
        else:
            cur = prev_sibling(base, kind, t.k)
        if not cur:
            return None, f"“{t.text}”：{base.citation or base.eid}之前没有{t.k if t.k > 1 else ''}{t.unit}"
        return cur, None

    def _listed(self, n: Node, t: Tok) -> tuple[list[Node] | None, str | None]:
        """下列: the items (or entries written as plain paragraphs) that n introduces."""
        kids = [c for c in n.children if c.kind in ("item", "subitem")]
        if not kids:
            kids = self._unnumbered_list(n)
        if kids:
            return kids, None
        if _LISTED_INLINE.search(n.text, t.end):
            return None, "“下列”：各项写在本款之内，未单独成项"
        return None, "“下列”：本款之后没有列项"

    def _subdivision(self, n: Node, t: Tok, cur: list[Node] | None, prev: list[Node] | None,
                     outer: Node | None, near: bool) -> tuple[list[Node] | None, str | None]:
        """第N款, 第N项, 第N目: within what the segment named so far (``cur``), or else the
        provision it goes on from (``prev``), the sentence's provision (``outer``) or n's own."""
        if cur is None:
            parents = self._implied_parents(n, t, prev, outer, near)
        elif len(cur) != 1:
            return None, f"“{t.text}”前面指向多处"
        else:
            parents = cur
        if not parents:
            return None, f"“{t.text}”没有上级条款"
        p = parents[0]
        if p.kind == "document":
            return None, f"“{t.text}”之前缺少条号"
        if t.unit == "项" and p.kind == "article":
            paras = siblings(p, "paragraph")[0]
            withitems = self._paras_with_items(p)
            p = withitems[0] if len(withitems) == 1 else (paras[0] if paras else p)
        kind = {"款": "paragraph", "项": "item", "目": "subitem"}[t.unit]
        kids = numbered(p, kind, t.n)
        if not kids:
            return None, f"“{t.text}”：{p.citation or p.eid}没有{t.text}"
        return kids, None

    def _implied_parents(self, n: Node, t: Tok, prev: list[Node] | None, outer: Node | None,
                         near: bool) -> list[Node]:
        """The unit a bare 第N款/第N项/第N目 (no article before it) is part of."""
        art, para, item = context(n)
        if prev is not None:
            # 第十五条第二款、第三款 / 第一款第二项至第四项和第三款: same level as the unit
            want = {"款": "article", "项": "paragraph", "目": "item"}[t.unit]
            x = prev[0]
            while x is not None and x.kind != want:
                x = x.parent
            return [x] if x is not None else []
        if t.unit == "款":
            parents = [art] if art else []
            if outer is not None and not (art and numbered(art, "paragraph", t.n)):
                # 违反第二十一条第一项规定的，……；违反第二款规定的: that article's paragraph
                oa = outer if outer.kind == "article" else outer.ancestor("article")
                if oa is not None and numbered(oa, "paragraph", t.n):
                    parents = [oa]
            return parents
        if t.unit == "项":
            parents = self._item_parent(n, t.n)
            if outer is not None:
                # 本法第二十六条第一款规定的……，但是第一项……: the items of the
                # provision named earlier in the same sentence (or in the list's intro)
                alt = [outer] if outer.kind == "paragraph" else self._item_parent(outer, t.n)
                own = parents and numbered(parents[0], "item", t.n)
                if alt and numbered(alt[0], "item", t.n) and (near or not own):
                    parents = alt
            return parents
        return [item] if item else []

    def _unnumbered_list(self, n: Node) -> list[Node]:
        """A paragraph ending in a colon whose list entries were written as plain lines (no
        （一） markers) and so parsed as the following paragraphs: take them while they read as
        list entries (end in ；，、), up to the entry that ends the list; a 用语的含义 list takes
        every following paragraph of the article up to the next one that opens a list."""
        if n.kind != "paragraph" or n.parent is None:
            return []
        sibs, pos, _ = siblings(n.parent, "paragraph")
        start = pos[id(n)] + 1
        if start < len(sibs) and sibs[start].text.rstrip().endswith((":", "：")) and len(sibs[start].text) <= 20:
            # a sentence broken over two lines: the items hang on its tail (……的，依法追究刑 / 事责任：)
            kids = [c for c in sibs[start].children if c.kind == "item"]
            if kids:
                return kids
        if not n.text.rstrip().endswith((":", "：")):
            return []
        terms = re.search(r"用语|含义|术语", n.text) is not None
        out = []
        for p in sibs[start:]:
            if terms:
                if p.text.rstrip().endswith((":", "：")):
                    break
                out.append(p)
                continue
            out.append(p)
            if any(c.kind == "item" for c in p.children) or not p.text.rstrip().endswith(("；", ";", "，", ",", "、")):
                break
        return out

    def _item_parent(self, n: Node, number) -> list[Node]:
        """The paragraph whose items a bare 第N项 means: this paragraph (or the item's paragraph);
        failing that, the only paragraph of the article that has items."""
        art, para, item = context(n)
        if para is not None and numbered(para, "item", number):
            return [para]
        if art is not None:
            withitems = self._item_paras_of(art).get(number, [])
            if len(withitems) == 1:
                return withitems
        return [para] if para is not None else []

    # -- what is looked up again and again, worked out once ---------------------------------------
    def _item_paras_of(self, art: Node) -> dict:
        """item number -> the paragraphs of ``art`` that have an item of that number."""
        got = self._item_paras.get(id(art))
        if got is None:
            got = self._item_paras[id(art)] = {}
            for p in siblings(art, "paragraph")[0]:
                for number in siblings(p, "item")[2]:
                    got.setdefault(number, []).append(p)
        return got

    def _paras_with_items(self, art: Node) -> list[Node]:
        """The paragraphs of ``art`` that have items."""
        key = ("with-items", id(art))
        got = self._item_paras.get(key)
        if got is None:
            got = self._item_paras[key] = [p for p in siblings(art, "paragraph")[0] if siblings(p, "item")[0]]
        return got

    def _items_before(self, art: Node, offset: int, k: int) -> list[Node]:
        """The k items of ``art`` just before ``offset`` ([] when there are fewer)."""
        got = self._items.get(id(art))
        if got is None:
            items = [x for x in art.walk() if x.kind == "item"]
            got = self._items[id(art)] = ([x.start for x in items], items)
        starts, items = got
        i = bisect_left(starts, offset)
        return items[i - k:i] if i >= k else []

    def _parts(self) -> bool:
        if self._has_parts is None:
            self._has_parts = any(True for _ in self.doc.nodes("part"))
        return self._has_parts

    def _nodes_of_kind(self, kind: str) -> tuple[list[Node], dict[int, int]]:
        got = self._of_kind.get(kind)
        if got is None:
            nodes = [x for x in self.doc.root.walk() if x.kind == kind]
            got = self._of_kind[kind] = (nodes, {id(x): i for i, x in enumerate(nodes)})
        return got

    def _first_heading(self, container: Node, kind: str, number) -> Node | None:
        """The first node of ``kind`` numbered ``number`` within ``container`` (in document order)."""
        got = self._headings.get(id(container))
        if got is None:
            got = self._headings[id(container)] = {}
            for x in container.walk():
                if x.kind in ("part", "subpart", "chapter", "section"):
                    got.setdefault((x.kind, x.number), x)
        return got.get((kind, number))

    def _heading(self, n: Node, t: Tok, cur) -> Node | None:
        kind = {"章": "chapter", "编": "part", "分编": "subpart", "节": "section"}[t.unit]
        within = cur[0] if cur and cur[0].kind != "document" else None
        if kind == "section" and within is None:
            within = n.ancestor("chapter")
        if kind == "chapter" and within is None:
            within = n.ancestor("part")
        found = self._first_heading(within if within is not None else self.doc.root, kind, t.n)
        if found is None and within is not None:
            found = self._first_heading(self.doc.root, kind, t.n)
        return found

    def span(self, a: Node, b: Node) -> list[Node]:
        """Every node of a's kind from a to b inclusive, in document order."""
        if a.kind == "article" and b.kind == "article":
            i, j = self.art_index.get(a.eid), self.art_index.get(b.eid)
            if i is None or j is None or j < i:
                return []
            return self.articles[i:j + 1]
        if a.parent is not None and a.parent is b.parent:
            sibs, pos, _ = siblings(a.parent, a.kind)
            i, j = pos[id(a)], pos.get(id(b))
            if j is None:
                return []
            return sibs[i:j + 1] if j >= i else []
        nodes, pos = self._nodes_of_kind(a.kind)
        i, j = pos.get(id(a)), pos.get(id(b))
        if i is None or j is None:
            return []
        return nodes[i:j + 1] if j >= i else []
