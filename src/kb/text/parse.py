"""Parse a regulation's text into the content model (kb.text.model): the tree builder.

Two passes: kb.text.grammar labels every line (heading, article, item, …) on its own, then
``_Builder`` walks the labelled lines and builds the tree: it nests the nodes, gives them their
eids and citations, and warns where the numbering runs wrong.  Every line, blank ones included,
is owned by exactly one node, so the tree rebuilds the source exactly.

``parse_file``, ``parse_text`` and ``parse_source`` are the entry points of the whole stage.
"""
from __future__ import annotations

import re
from array import array

from kb.errors import KbError
from kb.text.grammar import (HEADINGS, Line, article_number, bracket_heading, classify, digit_marker, item_marker,
                             malformed_article, marker_style, split_lines)
from kb.text.gcpause import gc_paused
from kb.text.model import (DERIVED, EID_STEP, NODE_TYPES, Annex, Article, Document, DocumentRoot, Issue, Item, Node, Paragraph, Preamble,
                    Prologue, Subitem)
from kb.text.numerals import article_label, item_marker_number, number_key, parse_numeral, to_chinese
from kb.text.preamble import body_start, read_preamble
from kb.text.sources import Source, read_source


def parse_file(path: str, meta: dict | None = None, strict: bool = False) -> Document:
    return parse_source(read_source(path), meta=meta, strict=strict)


def parse_text(text: str, source: str = "<text>", fmt: str = "text",
               meta: dict | None = None, strict: bool = False) -> Document:
    return parse_source(Source(source, text, "utf-8", False, fmt), meta=meta, strict=strict)


def parse_source(src: Source, meta: dict | None = None, strict: bool = False) -> Document:
    # The tree is one large burst of small linked objects; pausing the cyclic garbage collector
    # while it is built saves a third of the time (it runs again afterwards as usual).
    with gc_paused():
        return _parse_source(src, meta, strict)


def _parse_source(src: Source, meta: dict | None, strict: bool) -> Document:
    lines = split_lines(src.text)
    if not any(l.stripped for l in lines):
        raise KbError("文件为空", src.path)
    classify(lines)
    if not any(l.kind == "article" for l in lines):
        from kb.text.amendment import looks_like_amendment

        if looks_like_amendment(src):
            raise KbError("没有找到任何条文（第X条）：这是修正案或修改决定，不按条编排；"
                          "用 kb parse 查看其修改指令，用 kb amend 把它应用于法规", src.path)
        raise KbError("没有找到任何条文（第X条），也不是修正案或修改决定", src.path)
    doc = _Builder(src, lines).build()
    meta = meta or {}
    doc.meta = {"notes": doc.meta.get("notes", []), **meta}
    if meta.get("title"):
        doc.title = meta["title"]
    if meta.get("status"):
        doc.status = meta["status"]
    if strict and doc.warnings:
        w = doc.warnings[0]
        more = f"（另有 {len(doc.warnings) - 1} 条警告）" if len(doc.warnings) > 1 else ""
        raise KbError(w.message + more, w.file, w.line)
    return doc


class _Builder:
    def __init__(self, src: Source, lines: list[Line]):
        self.src = src
        self.lines = lines
        self.text = src.text
        # what reading the source had to decide (a .docx's tracked changes) comes first
        self.warnings: list[Issue] = [Issue(src.path, line, msg) for line, msg in src.warnings]
        self.root = DocumentRoot("document", "", 0, 0, 1)
        self.title: str | None = None
        self.status: str | None = None
        self.notes: list[str] = []
        self.by_eid: dict[str, Node] = {"": self.root}
        self.articles: list[Node] = []     # in document order
        self.headings: list[Node] = []     # parts, sub-parts, chapters, sections in document order
        self.others: list[Node] = []       # prologues and annexes
        self.annexes = 0
        self.ahead = _Ahead(lines)
        self.more: dict[int, tuple[Node, list[str]]] = {}   # id(node) -> lines given to it after its first

    # -- helpers -------------------------------------------------------------------------
    def warn(self, line: int | None, msg: str, code: str = "warning") -> None:
        """A numbering warning; ``code`` says what is numbered wrong (article-number,
        heading-number, item-number), so that kb check can tell them apart without reading the message."""
        self.warnings.append(Issue(self.src.path, line, msg, code))

    def add(self, parent: Node, node: Node) -> Node:
        node.parent = parent
        if parent.children:
            parent.children.append(node)
        else:
            parent.children = [node]
        step = EID_STEP.get(node.kind)
        if (step is not None and node.number == len(parent.children)
                and node.eid == f"{parent.eid}__{step}_{node.number}" and node.eid not in self.by_eid):
            # unique by construction (its parent's eid is, and its number is its place among its
            # siblings): made when asked, found through the parent (Document.get)
            node.eid = DERIVED
            return node
        by_eid = self.by_eid
        if node.eid in by_eid:
            base, k = node.eid, 2
            while f"{base}-dup{k}" in by_eid:
                k += 1
            node.eid = f"{base}-dup{k}"
        by_eid[node.eid] = node
        k = node.kind
        if k == "article":
            self.articles.append(node)
        elif k in HEADINGS:
            self.headings.append(node)
        elif k in ("prologue", "annex"):
            self.others.append(node)
        return node

    def extend(self, node: Node, line: Line) -> None:
        """Give a following line (blank, or loose text) to an open node.  The lines are joined
        once, at the end (``_join_more``): adding to the text line by line would copy it every
        time, and cost the square of its length."""
        node.end = line.end
        s = line.stripped
        if s:
            more = self.more.get(id(node))
            if more is None:
                self.more[id(node)] = (node, [node.text, s] if node.text else [s])
            else:
                more[1].append(s)

    def _join_more(self) -> None:
        for node, pieces in self.more.values():
            node.text = "\n".join(pieces)
        self.more.clear()

    # -- the walk ------------------------------------------------------------------------
    def build(self) -> Document:
        lines = self.lines
        body = body_start(self.lines)
        pre_end = lines[body - 1].end if body else 0
        self._preamble(lines[:body])
        state = _State(self.root)
        last = self.root.children[-1] if self.root.children else None
        in_annex = False
        # a line is let go once it is read (nothing looks back at it, the look-ahead only
        # forward): the lines and the tree are never both whole, which halves the peak of a
        # text of a million short lines
        for i in range(body, len(lines)):
            l = lines[i]
            lines[i] = None
            if in_annex and l.kind != "annex":
                last = self._extend_annex(last, l)
                continue
            k = l.kind
            if k == "text" and l.stripped[:1] in ("第", "#") and (bad := malformed_article(l.content)):
                self.warn(l.no, f"“{_clip(bad)}”的条号不是有效的中文数字，这一行按正文处理")
            if k == "blank":
                if last is None:
                    last = self.add(self.root, Preamble("preamble", "preface", pre_end, l.end, l.no))
                else:
                    last.end = l.end
                continue
            if k == "annex" and state.seen_article and not self._articles_follow(l, state):
                last = self._annex(l)
                in_annex = True
                continue
            if k in HEADINGS:
                last = self._heading(state, l)
            elif k == "prologue":
                last = self.add(self.root, Prologue("prologue", "preamble", l.start, l.end, l.no,
                                                label=l.stripped.lstrip("#").strip(),
                                                title=l.stripped.lstrip("#").strip()))
                state.container = last
            elif k == "article":
                last = self._article(state, l)
            elif state.article is not None:
                last = self._body_line(state, l)
            elif state.container.kind == "prologue":
                last = self._prologue_para(state.container, l)
            elif last is not None and last.kind != "document":
                self.extend(last, l)
            else:
                last = self.add(self.root, Preamble("preamble", "preface", l.start, l.end, l.no, text=l.stripped))
        self._join_more()
        self._check_numbering()
        self._citations()
        doc = Document(self.src.path, self.text, self.root, title=self.title, status=self.status,
                       encoding=self.src.encoding, bom=self.src.bom, format=self.src.format,
                       warnings=self.warnings, reading=self.warnings[:len(self.src.warnings)],
                       _by_eid=self.by_eid)
        doc.meta = {"notes": self.notes}
        return doc

    def _preamble(self, lines: list[Line]) -> None:
        if not lines:
            return
        node = Preamble("preamble", "preface", lines[0].start, lines[-1].end, lines[0].no, label="",
                    text="\n".join(l.stripped for l in lines if l.stripped))
        self.add(self.root, node)
        self.title, self.status, self.notes = read_preamble(lines, self.src.format)

    def _heading(self, state: "_State", l: Line) -> Node:
        kind = l.kind
        m = l.m
        num = parse_numeral(m.group(3))
        rest = m.group("rest")
        title = rest.strip() or None
        label = m.group("label")
        if kind == "part":
            parent, eid = self.root, f"part_{num}"
        elif kind == "subpart":
            parent = state.part or self.root
            eid = f"{parent.eid}__subpart_{num}" if state.part else f"subpart_{num}"
        elif kind == "chapter":
            parent = state.subpart or state.part or self.root
            prefix = state.part.eid + "__" if state.part else ""
            eid = f"{prefix}chp_{num}"
        else:
            parent = state.chapter or state.subpart or state.part or self.root
            eid = f"{parent.eid}__sec_{num}" if parent is not self.root else f"sec_{num}"
        node = self.add(parent, NODE_TYPES[kind](kind, eid, l.start, l.end, l.no, number=num, label=label, title=title))
        state.enter(node)
        return node

    def _article(self, state: "_State", l: Line) -> Node:
        m = l.m
        num = article_number(m)
        parent = state.container if state.container.kind in HEADINGS else self.root
        rest = m.group("rest")
        label_end = l.start + m.end("label")
        node = self.add(parent, Article("article", f"art_{num}", l.start, label_end, l.no,
                                     number=num, label=m.group("label")))
        state.article, state.para, state.item = node, None, None
        state.seen_article = True
        # heading in brackets on the same line, unless the bracket is the whole body (（删去）)
        pos = len(rest) - len(rest.lstrip())
        body = rest[pos:]
        heading = bracket_heading(body)
        if heading and (body[len(heading[0]) + 2:].strip() or self._has_body_after(l)):
            node.title, node.brackets = heading[0], heading[1]
            after = pos + len(heading[0]) + 2
            tail = rest[after:]
            pos = after + len(tail) - len(tail.lstrip())
            body = rest[pos:]
        if body.strip():
            node.end = label_end + pos
            im = item_marker(body)
            if im and item_marker_number(im.group("marker")) == 1 and self._second_item_follows(l):
                # the list starts on the article's own line (第五条 （一）……): no lead-in sentence
                start = label_end + pos
                state.para = self.add(node, Paragraph("paragraph", f"{node.eid}__para_1", start, start, l.no,
                                                      number=1))
                marker = im.group("marker")
                it = self.add(state.para, Item("item", f"{state.para.eid}__point_1", start, l.end, l.no,
                                               number=1, label=marker, text=body[im.end("marker"):].strip()))
                state.item = it
                return self._items_in_line(state, it, body, start, im.end("marker"), 2, l)
            self._paragraph(state, l, node.end, body)     # one int object: the article's end is its text's start
            return state.item or state.para
        node.end = l.end
        state.await_heading = node.title is None
        return node

    def _second_item_follows(self, l: Line) -> bool:
        """True when the next non-blank line after ``l`` is an item numbered 2."""
        nxt = self.ahead.next_nonblank(l)
        return nxt is not None and nxt.kind == "item" and item_marker_number(nxt.m.group("marker")) == 2

    def _articles_follow(self, l: Line, state: "_State") -> bool:
        """True when the article numbered next still follows ``l``: then a line such as 附件1
        inside the articles is body text, not the start of the annexes."""
        if state.article is None:
            return False
        return self.ahead.article_after(l, number_key(state.article.number)[0] + 1)

    def _has_body_after(self, l: Line) -> bool:
        nxt = self.ahead.next_nonblank(l)
        return nxt is not None and nxt.kind in ("text", "item", "subitem")

    def _body_line(self, state: "_State", l: Line) -> Node:
        art = state.article
        if state.await_heading and state.para is None and l.kind == "text":
            state.await_heading = False
            heading = bracket_heading(l.stripped)
            if heading and len(heading[0]) + 2 == len(l.stripped) and self._has_body_after(l):
                art.title, art.brackets = heading
                art.end = l.end
                return art
        state.await_heading = False
        # 1. lines are sub-items of an item (（一）), but items themselves in a list of 1. lines;
        # 1、 and （1） lines under a （一） item are its sub-items too
        digit_list = state.item is not None and digit_marker(state.item.label)
        if l.kind == "item" and state.item is not None and not digit_list and digit_marker(l.m.group("marker")):
            subs = state.item.children
            if subs and marker_style(subs[-1].label) != marker_style(l.m.group("marker")):
                # a third level (（1） under 1.): the model stops at 目, so the line is part of the 目
                self.extend(subs[-1], l)
                return subs[-1]
            return self._subitem(state, l)
        if l.kind == "item" or (l.kind == "subitem" and (state.item is None or digit_list)):
            return self._item(state, l)
        if l.kind == "subitem":
            return self._subitem(state, l)
        if state.item is not None and self._continues_item(state.item, l):
            # a loose line inside an item, the list going on after it: part of the item
            target = state.item.children[-1] if state.item.children else state.item
            self.extend(target, l)
            return target
        indent = len(l.content) - len(l.content.lstrip())
        return self._paragraph(state, l, l.start, l.content, text_offset=indent)

    def _continues_item(self, item: Node, l: Line) -> bool:
        """True when ``l`` (a text line after ``item``) is followed, within the article, by the
        item numbered next: the line is then part of ``item`` rather than a new paragraph."""
        want = item_marker_number(item.label)
        if want is None:
            return False
        nxt = self.ahead.next_item_or_unit(l, digits=digit_marker(item.label))
        return nxt is not None and nxt.kind == "item" and item_marker_number(nxt.m.group("marker")) == want + 1

    def _paragraph(self, state: "_State", l: Line, start: int, body: str, text_offset: int = 0) -> Node:
        art = state.article
        n = len(art.children) + 1          # an article's children are its paragraphs
        node = self.add(art, Paragraph("paragraph", f"{art.eid}__para_{n}", start, l.end, l.no, number=n,
                                  text=body[text_offset:].rstrip("\r\n").rstrip()))
        state.para, state.item = node, None
        found = _inline_items(body, text_offset, 1)
        if found and body[:found[0][0]].rstrip()[-1:] in "：:" and (len(found) >= 2 or self._second_item_follows(l)):
            # 下列用海免缴海域使用金： （一）军事用海； （二）……: the lead-in and its list on one line of the source
            # (广东省海域使用管理条例 art. 28; one item only when the line of （二） follows: 深圳经济特区房地产登记条例
            # art. 29): the list's items are items, each owning its piece of the line
            node.end = start + found[0][0]
            node.text = body[text_offset:found[0][0]].rstrip()
            first = self._inline_item(state, node, body, start, found, 0, l)
            return self._items_in_line(state, first, body, start, found[0][0] + len(found[0][1]), 2, l)
        return node

    def _inline_item(self, state: "_State", para: Node, body: str, base: int, found: list, k: int, l: Line) -> Node:
        """The k-th of the items found in one line (body, which starts at the offset base of the text): its piece runs
        from its marker to the next one's (or the line's end)."""
        j, marker = found[k]
        end = base + found[k + 1][0] if k + 1 < len(found) else l.end
        stop = found[k + 1][0] if k + 1 < len(found) else len(body)
        n = len(para.children) + 1
        if item_marker_number(marker) != n:
            self.warn(l.no, f"{state.article.label}的项号“{marker}”应为第{to_chinese(n)}项", "item-number")
        node = self.add(para, Item("item", f"{para.eid}__point_{n}", base + j, end, l.no, number=n, label=marker,
                                   text=body[j + len(marker):stop].strip()))
        state.item = node
        return node

    def _items_in_line(self, state: "_State", item: Node, body: str, base: int, j: int, want: int, l: Line) -> Node:
        """An item whose line goes on with the items numbered next (（一）……； （二）……； （三）……, 广东省知识产权保护条例
        art. 49): the item keeps its own piece, each of the others becomes an item of the same paragraph.  Only where
        the numbering runs in sequence from the item's (a 。 or ； before each marker); the last item (or the item
        itself) is returned, the node later lines go on."""
        found = _inline_items(body, j, want)
        if not found:
            return item
        item.end = base + found[0][0]
        item.text = body[j:found[0][0]].strip()
        node = item
        for k in range(len(found)):
            node = self._inline_item(state, item.parent, body, base, found, k, l)
        after = _AFTER_LIST.search(body, found[-1][0] + len(found[-1][1]))
        if after:
            # ……； （四）通信联络、安全防护救护措施。 托儿所、幼儿园……应当包含……: the sentence after the last item, on the
            # list's line of the source (重庆市消防条例 (2013) 第四十七条; code review 17 item 3), is the article's next
            # paragraph, not part of the item
            node.end = base + after.end()
            node.text = body[found[-1][0] + len(found[-1][1]):after.start() + 1].strip()
            return self._paragraph(state, l, base + after.end(), body[after.end():])
        return node

    def _item(self, state: "_State", l: Line) -> Node:
        if state.para is None:
            # a list with no lead-in sentence: an empty paragraph holds it
            art = state.article
            state.para = self.add(art, Paragraph("paragraph", f"{art.eid}__para_1", l.start, l.start, l.no, number=1))
        para = state.para
        m = l.m
        marker = m.group("marker")
        num = item_marker_number(marker)
        n = len(para.children) + 1
        if num != n:
            self.warn(l.no, f"{state.article.label}的项号“{marker}”应为第{to_chinese(n)}项", "item-number")
        node = self.add(para, Item("item", f"{para.eid}__point_{n}", l.start, l.end, l.no, number=n,
                                   label=marker, text=_after(l.content, m.end("marker"))))
        state.item = node
        if num is not None and not digit_marker(marker):
            return self._items_in_line(state, node, l.content, l.start, m.end("marker"), num + 1, l)
        return node

    def _subitem(self, state: "_State", l: Line) -> Node:
        item = state.item
        m = l.m
        marker = m.group("marker")
        n = len(item.children) + 1
        num = item_marker_number(marker)
        if num != n:
            self.warn(l.no, f"{state.article.label}的目号“{marker}”应为{n}", "item-number")
        return self.add(item, Subitem("subitem", f"{item.eid}__point_{n}", l.start, l.end, l.no, number=n,
                                   label=marker, text=_after(l.content, m.end("marker"))))

    def _prologue_para(self, prologue: Node, l: Line) -> Node:
        n = len(prologue.children) + 1
        return self.add(prologue, Paragraph("paragraph", f"preamble__para_{n}", l.start, l.end, l.no, number=n,
                                       text=l.stripped))

    def _annex(self, l: Line) -> Node:
        self.annexes += 1
        n = self.annexes
        m = l.m
        title = m.group("rest").strip().strip(":：").strip() or None
        return self.add(self.root, Annex("annex", f"att_{n}", l.start, l.end, l.no, number=n,
                                        label=m.group("label").strip(), title=title))

    def _extend_annex(self, last: Node, l: Line) -> Node:
        annex = last if last.kind == "annex" else last.parent
        if l.kind == "blank":
            last.end = l.end
            return last
        n = len(annex.children) + 1
        return self.add(annex, Paragraph("paragraph", f"{annex.eid}__para_{n}", l.start, l.end, l.no,
                                    number=n, text=l.stripped))

    # -- checks and citations ------------------------------------------------------------
    def _check_numbering(self) -> None:
        prev = None
        for art in self.articles:
            num = art.number
            if prev is not None:
                pk, nk = number_key(prev), number_key(num)
                if nk == pk:
                    self.warn(art.line, f"条号重复：{art.label}", "article-number")
                elif nk < pk:
                    self.warn(art.line, f"条号顺序错误：{art.label}出现在{article_label(prev)}之后", "article-number")
                elif nk[1] == 0 and nk[0] != pk[0] + 1:
                    missing = article_label(pk[0] + 1)
                    self.warn(art.line, f"条号不连续：{article_label(prev)}之后是{art.label}（缺{missing}）", "article-number")
                elif nk[1] > 0 and not (nk[0] == pk[0] and nk[1] == pk[1] + 1):
                    self.warn(art.line, f"插入条号不连续：{article_label(prev)}之后是{art.label}", "article-number")
            prev = num
        self._check_headings()

    def _check_headings(self) -> None:
        # chapters restart in each part (刑法, 民法典) but run on across sub-parts
        scope_kind = {"part": None, "subpart": "part", "chapter": "part", "section": "chapter"}
        last: dict[tuple, int] = {}
        for n in self.headings:
            outer = n.ancestor(scope_kind[n.kind]) if scope_kind[n.kind] else None
            key = (n.kind, outer.eid if outer else None)
            prev = last.get(key)
            if prev is not None and n.number != prev + 1:
                self.warn(n.line, f"{n.label}的编号不连续（前一个是第{to_chinese(prev)}{n.label[-1]}）", "heading-number")
            last[key] = n.number

    def _citations(self) -> None:
        # from the article down the citation is made when asked (DERIVED, kb.text.model: the
        # article's number, then the parent's and the node's number; the article's alone for
        # its one paragraph)
        for art in self.articles:
            art.citation = DERIVED
            for p in art.children:
                if p.kind != "paragraph":
                    continue
                p.citation = DERIVED
                for it in p.children:
                    it.citation = DERIVED
                    for sub in it.children:
                        sub.citation = DERIVED
        for n in self.headings:
            n.citation = n.label
        for n in self.others:
            n.citation = n.label


class _State:
    def __init__(self, root: Node):
        self.container = root
        self.part: Node | None = None
        self.subpart: Node | None = None
        self.chapter: Node | None = None
        self.section: Node | None = None
        self.article: Node | None = None
        self.para: Node | None = None
        self.item: Node | None = None
        self.await_heading = False
        self.seen_article = False

    def enter(self, node: Node) -> None:
        k = node.kind
        if k == "part":
            self.part, self.subpart, self.chapter, self.section = node, None, None, None
        elif k == "subpart":
            self.subpart, self.chapter, self.section = node, None, None
        elif k == "chapter":
            self.chapter, self.section = node, None
        elif k == "section":
            self.section = node
        self.container = node
        self.article = self.para = self.item = None


#: lines that end an article's body (the look-ahead for a list going on stops at them)
_UNITS = ("article", "part", "subpart", "chapter", "section", "annex", "prologue")


class _Ahead:
    """What follows each line, worked out once in one backward pass, so that the builder's
    look-ahead questions cost the same however long the text is (asking them by scanning
    forward from every line would cost the square of the number of lines)."""

    def __init__(self, lines: list[Line]):
        self.lines = lines
        n = len(lines)
        # machine integers (4 or 8 bytes a line instead of a list slot and an int object each)
        typecode = "i" if n < 2**31 else "q"
        nonblank = array(typecode, [-1]) * (n + 1)      # index of the first non-blank line at or after i
        any_item = array(typecode, [-1]) * (n + 1)      # the first item or unit line at or after i
        cjk_item = array(typecode, [-1]) * (n + 1)      # the same, digit-numbered items (1、 （1）) skipped
        for i in range(n - 1, -1, -1):
            l = lines[i]
            k = l.kind
            nonblank[i] = i if k != "blank" else nonblank[i + 1]
            unit = k in _UNITS
            is_item = k == "item"
            any_item[i] = i if unit or is_item else any_item[i + 1]
            cjk_item[i] = i if unit or (is_item and not digit_marker(l.m.group("marker"))) else cjk_item[i + 1]
        self._nonblank, self._any_item, self._cjk_item = nonblank, any_item, cjk_item
        #: article number (before 之) -> the index of its last line; made when first asked (only
        #: an annex line among the articles asks), from the lines not yet read: a dict of every
        #: article held through the build was a sixth of the peak of a text of one-line articles
        self._last_article: dict[int, int] | None = None

    def _line(self, index: int) -> Line | None:
        return self.lines[index] if index >= 0 else None

    def next_nonblank(self, l: Line) -> Line | None:
        """The first non-blank line after ``l`` (``l.no`` is the index of the line after it)."""
        return self._line(self._nonblank[l.no])

    def next_item_or_unit(self, l: Line, digits: bool) -> Line | None:
        """The first item (counting digit-numbered ones only when ``digits``) or article, heading,
        annex or prologue line after ``l``."""
        return self._line((self._any_item if digits else self._cjk_item)[l.no])

    def article_after(self, l: Line, number: int) -> bool:
        """Whether an article numbered ``number`` (or ``number``之X) comes after ``l``."""
        if self._last_article is None:
            # the builder lets a line go once read: those left are at and after l, which is all
            # the question needs
            self._last_article = {number_key(article_number(x.m))[0]: i
                                  for i, x in enumerate(self.lines) if x is not None and x.kind == "article"}
        return self._last_article.get(number, -1) > l.no - 1


def _clip(s: str, n: int = 24) -> str:
    return s if len(s) <= n else s[:n] + "…"


#: an item's marker inside a line, after the 。 / ； / ： that ends what stands before it (（二） of ……的； （二）……)
_INLINE_ITEM = re.compile(r"(?<=[；;。：:])[ \u3000\t]*(?P<marker>[（(][一二三四五六七八九十]+[）)])")


#: the end of an item's sentence followed, on the same line, by a sentence of its own (not another item's marker)
_AFTER_LIST = re.compile(r"。[ \u3000\t]+(?=[^\s（(])")


def _inline_items(body: str, j: int, want: int) -> list[tuple[int, str]]:
    """(position, marker) of the items numbered want, want + 1, … that follow one another in body from j (none in a
    quotation: a 修正案's quoted article keeps its own lines)."""
    if "“" in body:
        return []
    out = []
    for m in _INLINE_ITEM.finditer(body, j):
        if item_marker_number(m.group("marker")) != want:
            break
        out.append((m.start("marker"), m.group("marker")))
        want += 1
    return out


def _after(content: str, pos: int) -> str:
    return content[pos:].strip()
