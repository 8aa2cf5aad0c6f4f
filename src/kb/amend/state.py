"""The text being amended: the parsed tree laid out as a flat list of entries (headings, the
prologue, articles) whose paragraphs, items and sub-items keep the exact slice of the source
they came from.  Applying an instruction edits these slices (or replaces them with new ones);
rendering joins them again, so every character no instruction touched stays as it was.

Headings are entries of the list, not containers: an article belongs to the chapter whose
heading precedes it, which makes moving articles and adding or removing a 章 or 节 a matter of
moving entries.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kb.text.grammar import HEADINGS, article_number, bracket_heading, classify, split_lines
from kb.text.model import Document, Node
from kb.text.numerals import parse_numeral

_TRAIL = re.compile(r"\s*\Z")
# invisible characters: whitespace and format characters (zero-width space, BOM …)
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]+")


def plain(s: str) -> str:
    """Text for comparing wordings: whitespace and invisible characters dropped (the conventions
    never amend spacing; a source's zero-width spaces are no words)."""
    return _INVISIBLE.sub("", s)


#: the full-width forms of ASCII (：；，（）！？１２Ａ …, U+FF01–FF5E) as their half-width forms, one character for
#: one: a source's half-width colon where the new text has a full-width one is typography, not an amendment
WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def folded(s: str) -> str:
    """:func:`plain`, with full-width and half-width forms of a character the same."""
    return plain(s).translate(WIDTH)


def same_wording(a: str, b: str) -> bool:
    """Do two texts say the same words (spacing, invisible characters and character width aside)?"""
    return folded(a) == folded(b)
_LEAD = re.compile(r"\A[^\S\r\n]*")


_LIST_LINE_END = ("，", "；", ",", ";", "、")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def group_paragraphs(words: list[str]) -> list[list[int]]:
    """Paragraphs as the law counts them (款, 自然段): a lead-in ending in ：followed by short lines
    each ending in ，or ；and a last one ending in 。 (委员长，⏎副委员长若干人，⏎……⏎委员若干人。) is one
    款 with its lines; a source's markup line (<!-- FORCE BREAK -->) is none.  Indexes into ``words``."""
    out: list[list[int]] = []
    i = 0
    while i < len(words):
        w = words[i].strip()
        if _COMMENT.match(w):
            i += 1
            continue
        g = [i]
        if w.endswith(("：", ":")):
            j = i + 1
            run = []
            while j < len(words) and len(words[j].strip()) <= 30:
                x = words[j].strip()
                run.append(j)
                j += 1
                if x.endswith("。") or not x.endswith(_LIST_LINE_END):
                    break
            if len(run) >= 2 and words[run[-1]].strip().endswith("。") and \
                    all(words[k].strip().endswith(_LIST_LINE_END) for k in run[:-1]):
                g += run
        out.append(g)
        i = g[-1] + 1
    return out


@dataclass(eq=False)
class Piece:
    """A paragraph, item or sub-item: its own slice as written (indent, marker, words, line end and
    the blank lines after it) and the pieces under it."""
    kind: str                          # paragraph | item | subitem
    raw: str
    origin: Node | None = None
    children: list["Piece"] = field(default_factory=list)
    log: list[tuple[int, int, int]] = field(default_factory=list)   # edits: (start, end, new length)
    changed: bool = False
    number: int | None = None          # its 款 (自然段) number as the law counts them, before amending

    def edit(self, start: int, end: int, new: str) -> None:
        self.raw = self.raw[:start] + new + self.raw[end:]
        self.log.append((start, end, len(new)))
        self.changed = True

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def words(self) -> str:
        """The piece's own words (indent and line end stripped)."""
        return self.raw.strip()

    def full_text(self) -> str:
        return "\n".join(p.words() for p in self.walk() if p.words())


@dataclass(eq=False)
class Entry:
    """A heading (编, 分编, 章, 节), the prologue, or an article."""
    kind: str
    head: str                          # own slice: label (and heading) of an article, the heading line …
    origin: Node | None = None
    pieces: list[Piece] = field(default_factory=list)
    label: tuple[int, int] | None = None   # where the label (第十五条, 第三章) sits in ``head``
    number: int | str | None = None    # the number it has now (before renumbering: the original one)
    given: int | str | None = None     # the number an instruction gave it (作为第N条)
    status: str = "kept"               # kept | inserted | deleted | placeholder
    changed: bool = False
    moved: bool = False
    title: str | None = None           # of a new heading, or a new article's bracketed heading （……）

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADINGS

    def text(self) -> str:
        """What the entry reads (label excluded), for checks and comparisons."""
        head = self.head[self.label[1]:] if self.label else self.head
        parts = [head.strip()] + [p.full_text() for p in self.pieces]
        return "\n".join(p for p in parts if p)

    def name(self) -> str:
        """A heading's name as written (all of it, when the source breaks it over lines)."""
        return self.head[self.label[1]:].strip() if self.label else (self.title or "")

    def all_pieces(self):
        for p in self.pieces:
            yield from p.walk()


@dataclass
class Style:
    """How the text writes what an amendment adds: taken from the text itself."""
    sep: str = "　"                    # between an article's label and its first words
    para_prefix: str = ""              # indent of a paragraph on its own line
    para_end: str = "\n"               # line end and blank lines after a paragraph
    item_prefix: str = ""
    headed: str | None = None          # after an article's bracketed heading (None: as ``sep``)
    heading: dict = field(default_factory=dict)   # kind -> (prefix, sep, end)
    newline: str = "\n"


@dataclass(eq=False)
class Text:
    doc: Document
    pre: str
    entries: list[Entry]
    tail: str
    style: Style
    renumber: bool = False

    def render(self) -> str:
        out = [self.pre]
        for e in self.entries:
            if e.status == "deleted":
                continue
            out.append(e.head)
            for p in e.all_pieces():
                out.append(p.raw)
        out.append(self.tail)
        return "".join(out)

    def articles(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "article" and e.status != "deleted"]


def _full(doc: Document, n: Node) -> str:
    """A node's own slice and all its descendants'."""
    end = n.end
    last = n
    while last.children:
        last = last.children[-1]
    end = last.end
    return doc.text[n.start:end]


def _piece(doc: Document, n: Node) -> Piece:
    return Piece(n.kind, doc.text[n.start:n.end], n, [_piece(doc, c) for c in n.children])


def build(doc: Document) -> Text:
    """Lay ``doc`` out for amending; ``build(doc).render() == doc.text``."""
    pre: list[str] = []
    tail: list[str] = []
    entries: list[Entry] = []

    def visit(n: Node) -> None:
        k = n.kind
        if k in HEADINGS:
            raw = doc.text[n.start:n.end]
            entries.append(Entry(k, raw, n, label=_label_span(raw, n.label), number=n.number))
            for c in n.children:
                visit(c)
        elif k == "article":
            raw = doc.text[n.start:n.end]
            entries.append(Entry(k, raw, n, _numbered([_piece(doc, c) for c in n.children]),
                                 _label_span(raw, n.label), n.number))
        elif k == "prologue":
            entries.append(Entry(k, doc.text[n.start:n.end], n, _numbered([_piece(doc, c) for c in n.children])))
        elif entries:
            tail.append(_full(doc, n))
        else:
            pre.append(_full(doc, n))

    for n in doc.root.children:
        if tail and n.kind != "annex":
            tail.append(_full(doc, n))
            continue
        visit(n)
    text = Text(doc, "".join(pre), entries, "".join(tail), _style(doc, entries))
    return text


def _numbered(pieces: list[Piece]) -> list[Piece]:
    for k, g in enumerate(group_paragraphs([p.raw for p in pieces]), 1):
        for i in g:
            pieces[i].number = k
    return pieces


def _label_span(raw: str, label: str) -> tuple[int, int] | None:
    i = raw.find(label) if label else -1
    return (i, i + len(label)) if i >= 0 else None


def _style(doc: Document, entries: list[Entry]) -> Style:
    st = Style()
    st.newline = "\r\n" if "\r\n" in doc.text[:5000] else "\n"
    seps, prefixes, ends, items, headed = Counter(), Counter(), Counter(), Counter(), Counter()
    for e in entries:
        if e.kind == "article" and e.label and e.pieces:
            after = e.head[e.label[1]:]
            if after and not after.strip():
                seps[after] += 1
            elif e.origin is not None and e.origin.title:
                headed[_TRAIL.search(after).group(0)] += 1
            for i, p in enumerate(e.pieces):
                if i or e.head.endswith("\n"):
                    prefixes[_LEAD.match(p.raw).group(0)] += 1
                ends[_TRAIL.search(p.raw).group(0)] += 1
                for c in p.children:
                    items[_LEAD.match(c.raw).group(0)] += 1
        elif e.is_heading and e.label:
            t = e.head
            prefix = t[:e.label[0]]
            rest = t[e.label[1]:]
            title = (e.origin.title or "") if e.origin is not None else ""
            i = rest.find(title) if title else -1
            sep = rest[:i] if i >= 0 else "　"
            end = _TRAIL.search(t).group(0)
            st.heading.setdefault(e.kind, (prefix, sep, end))
    _missing_headings(st)
    if seps:
        st.sep = seps.most_common(1)[0][0]
    if prefixes:
        st.para_prefix = prefixes.most_common(1)[0][0]
    if ends:
        st.para_end = ends.most_common(1)[0][0] or st.newline
    if items:
        st.item_prefix = items.most_common(1)[0][0]
    if headed:
        st.headed = headed.most_common(1)[0][0]
    return st


def _missing_headings(st: Style) -> None:
    """A kind of heading the text does not have yet (a first 节) is written like its neighbour,
    one Markdown level deeper or shallower (## 第一章 → ### 第一节)."""
    kinds = list(HEADINGS)
    for k in kinds:
        if k in st.heading:
            continue
        known = [(abs(kinds.index(j) - kinds.index(k)), j) for j in st.heading]
        if not known:
            continue
        _, j = min(known)
        prefix, sep, end = st.heading[j]
        hashes = len(prefix) - len(prefix.lstrip("#"))
        if hashes:
            depth = max(1, hashes + kinds.index(k) - kinds.index(j))
            prefix = "#" * depth + prefix[hashes:]
        st.heading[k] = (prefix, sep, end)


# -- new text -------------------------------------------------------------------------------------

def pieces_from(text: str, style: Style, first_inline: bool = False) -> list[Piece]:
    """Paragraphs (with their items and sub-items) from new wording, one line each, written in
    the text's style.  ``first_inline``: the first paragraph follows the article's label."""
    lines = split_lines(text)
    classify(lines)
    out: list[Piece] = []
    for l in lines:
        s = l.stripped
        if not s:
            continue
        if l.kind == "item" and out:
            out[-1].children.append(Piece("item", style.item_prefix + s + style.para_end))
        elif l.kind == "subitem" and out and out[-1].children:
            out[-1].children[-1].children.append(Piece("subitem", style.item_prefix + s + style.para_end))
        else:
            prefix = "" if first_inline and not out else style.para_prefix
            out.append(Piece("paragraph", prefix + s + style.para_end))
    for p in out:
        for q in p.walk():
            q.changed = True
    return out


def split_heading(text: str) -> tuple[str | None, str]:
    """'（立法目的）为了……' -> ('（立法目的）', '为了……'): an article heading at the start of new wording."""
    first = text.split("\n", 1)[0]
    h = bracket_heading(first)
    if not h:
        return None, text
    title, (o, c) = h
    n = len(title) + 2
    return first[:n], text[n:].lstrip()


def block_from(text: str, style: Style) -> list[Entry]:
    """Headings and articles written out in full (增加一章：“第六章 …… 第九十三条 ……”)."""
    lines = split_lines(text)
    classify(lines)
    out: list[Entry] = []
    body: list[str] = []

    def close():
        if out and out[-1].kind == "article":
            out[-1].pieces = pieces_from("\n".join(body), style, first_inline=True)
        body.clear()

    for l in lines:
        if l.kind in HEADINGS:
            close()
            m = l.m
            title = m.group("rest").strip()
            out.append(Entry(l.kind, "", None, number=parse_numeral(m.group(3)), status="inserted",
                             changed=True, title=title))
        elif l.kind == "article":
            close()
            m = l.m
            rest = m.group("rest").strip()
            head, rest = split_heading(rest)
            out.append(Entry("article", "", None, number=article_number(m), status="inserted", changed=True,
                             title=head))
            body.append(rest)
        elif out and out[-1].kind == "article":
            body.append(l.stripped)
    close()
    return out
