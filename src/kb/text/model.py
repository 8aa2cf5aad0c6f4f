"""The content model: one tree of typed nodes per parsed version.

Every node owns one contiguous slice of the decoded source (``start``..``end``)
and its children follow that slice, so a pre-order walk concatenating the
slices rebuilds the source exactly (see :meth:`Document.rebuild`).  Enrichment
layers (definitions, references, obligations, …) never change the tree; they
are computed separately and keyed by ``eid``.

Nodes are typed (:class:`Article`, :class:`Paragraph`, … are subclasses of :class:`Node`;
``make_node(kind, …)`` picks the class).  The model knows nothing of the project on disk: a
regulation's metadata (``kb.project``) reaches a document only as the plain ``meta`` dict.

Identifiers follow Akoma Ntoso naming: ``chp_1``, ``part_2__chp_1``,
``chp_3__sec_2``, ``art_15``, ``art_10-1``, ``art_15__para_2``,
``art_15__para_1__point_3``, ``art_15__para_1__point_3__point_1``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from kb.text.numerals import article_label, to_chinese


#: kinds of node, outermost first
KINDS = ("document", "preamble", "prologue", "part", "subpart", "chapter", "section",
         "article", "paragraph", "item", "subitem", "annex")

#: Chinese names of the kinds, for the UI
KIND_NAMES = {"document": "全文", "preamble": "题注", "prologue": "序言", "part": "编",
              "subpart": "分编", "chapter": "章", "section": "节", "article": "条",
              "paragraph": "款", "item": "项", "subitem": "目", "annex": "附件"}


@dataclass(eq=False, slots=True, weakref_slot=True)
class Node:
    kind: str
    eid: str
    start: int                     # own slice of the source text
    end: int
    line: int                      # 1-based line where the node starts
    number: int | str | None = None
    label: str = ""                # as written: 第一章, 第十五条, （一）, 1.
    title: str | None = None       # chapter/section title or article heading, no brackets
    brackets: tuple[str, str] | None = None   # brackets of an article heading
    text: str = ""                 # the node's own content as written, stripped of its label
    citation: str = ""             # 第十五条第二款
    # a leaf's children are the shared empty tuple, a list from its first child on (a list per
    # node was 15 MB of a text of 262,144 one-line paragraphs)
    children: "list[Node] | tuple[()]" = ()
    parent: "Node | None" = field(default=None, repr=False)

    def walk(self) -> Iterator["Node"]:
        """This node and all its descendants, in document (pre-)order."""
        stack = [self]
        pop, extend = stack.pop, stack.extend
        while stack:
            n = pop()
            yield n
            if n.children:
                extend(reversed(n.children))

    def full_text(self) -> str:
        """The node's text with every descendant's text, lines joined by newlines."""
        parts = [self.text] if self.text else []
        parts += [c.display_text() for c in self.children]
        return "\n".join(p for p in parts if p)

    def display_text(self) -> str:
        """Label + text + children, roughly as a reader sees it."""
        head = self.label if self.kind in ("item", "subitem") else ""
        own = head + self.text
        parts = [own] if own else []
        parts += [c.display_text() for c in self.children]
        return "\n".join(p for p in parts if p)

    def ancestor(self, kind: str) -> "Node | None":
        n = self.parent
        while n is not None and n.kind != kind:
            n = n.parent
        return n

    @property
    def heading(self) -> str | None:
        return self.title if self.kind == "article" else None


# A paragraph's, item's or sub-item's eid and citation follow from its parent's and its number
# (art_15__para_2, 第十五条第二款), an article's citation from its number: the parser stores
# DERIVED in their slots and the properties below make them when asked.  The strings of a text
# of a million short paragraphs were two fifths of its tree's memory, an article's citation an
# eighth of a text of one-line articles (issue 18, kb bench memory).
#: the slots themselves, under the properties
_CITATION_SLOT = Node.__dict__["citation"]
_EID_SLOT = Node.__dict__["eid"]
#: stored in a slot: made from the parent's when asked
DERIVED = "\0derived"
_UNIT_OF = {"paragraph": "款", "item": "项", "subitem": "目"}
#: the eid step of each kind whose eid may be derived
EID_STEP = {"paragraph": "para", "item": "point", "subitem": "point"}


def _derived_eid(node: "Node") -> str:
    own = _EID_SLOT.__get__(node)
    if own is not DERIVED:
        return own
    return f"{node.parent.eid}__{EID_STEP[node.kind]}_{node.number}"


def is_derived_eid(node: "Node") -> bool:
    """Whether the node's eid is made from its parent's (so no index needs to hold it)."""
    return _EID_SLOT.__get__(node) is DERIVED


def _derived_citation(node: "Node") -> str:
    """第十五条第二款第三项: the parent's citation and the node's number; an article's is its
    number's (第十五条), and the one paragraph of an article is cited as the article."""
    own = _CITATION_SLOT.__get__(node)
    if own is not DERIVED:
        return own
    if node.kind == "article":
        return article_label(node.number)
    parent = node.parent
    if node.kind == "paragraph" and parent.kind == "article" and len(parent.children) == 1:
        return parent.citation
    return f"{parent.citation}第{to_chinese(node.number)}{_UNIT_OF[node.kind]}"


_LAZY_CITATION = property(_derived_citation, _CITATION_SLOT.__set__,
                          doc="第十五条第二款: the node's citation (see _derived_citation)")
_LAZY_EID = property(_derived_eid, _EID_SLOT.__set__, doc="art_15__para_2: the node's eid (see _derived_eid)")


# Typed views of the node kinds.  Each is a Node (same fields, same behaviour) whose class
# names its kind, so code may test ``isinstance(n, Article)`` as well as ``n.kind == "article"``.
@dataclass(eq=False, slots=True)
class DocumentRoot(Node):
    """The root of the tree (kind "document")."""


@dataclass(eq=False, slots=True)
class Preamble(Node):
    """What precedes the body: attachment marker, title, status, notes, table of contents."""


@dataclass(eq=False, slots=True)
class Prologue(Node):
    """A 序言 before the articles (Akoma Ntoso ``preamble``); its children are paragraphs."""


@dataclass(eq=False, slots=True)
class Part(Node):
    """第X编."""


@dataclass(eq=False, slots=True)
class Subpart(Node):
    """第X分编."""


@dataclass(eq=False, slots=True)
class Chapter(Node):
    """第X章; ``number`` is the number within its part."""


@dataclass(eq=False, slots=True)
class Section(Node):
    """第X节."""


@dataclass(eq=False, slots=True)
class Article(Node):
    """第X条 (``number`` is an int, or "10-1" for 第十条之一); children are paragraphs."""


@dataclass(eq=False, slots=True)
class Paragraph(Node):
    """款: one line of an article body (its items excluded from ``text``)."""


@dataclass(eq=False, slots=True)
class Item(Node):
    """项: （一） / (一) / 一、; children are sub-items."""


@dataclass(eq=False, slots=True)
class Subitem(Node):
    """目: 1. / 1． (and 1、 / （1） under an item)."""


@dataclass(eq=False, slots=True)
class Annex(Node):
    """附件 after the articles; children are paragraphs."""


# set after the classes are made: dataclass(slots=True) drops a class attribute named like a field
Article.citation = Paragraph.citation = Item.citation = Subitem.citation = _LAZY_CITATION
Paragraph.eid = Item.eid = Subitem.eid = _LAZY_EID

#: kind -> typed node class
NODE_TYPES: dict[str, type[Node]] = {
    "document": DocumentRoot, "preamble": Preamble, "prologue": Prologue, "part": Part,
    "subpart": Subpart, "chapter": Chapter, "section": Section, "article": Article,
    "paragraph": Paragraph, "item": Item, "subitem": Subitem, "annex": Annex,
}


def make_node(kind: str, *args, **kwargs) -> Node:
    """A node of the typed class for ``kind`` (same arguments as :class:`Node`)."""
    return NODE_TYPES.get(kind, Node)(kind, *args, **kwargs)


@dataclass
class Issue:
    """A warning or error found while reading or parsing; names file and line."""
    file: str
    line: int | None
    message: str
    code: str = "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass(eq=False)
class Document:
    """One parsed version of one regulation."""
    source: str                    # path of the file as given
    text: str                      # decoded source (BOM removed, line ends kept)
    root: Node
    title: str | None = None
    status: str | None = None
    encoding: str = "utf-8"
    bom: bool = False
    format: str = "text"
    meta: dict = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)
    #: what reading the source decided (a .docx's tracked changes: which text was read); also in warnings
    reading: list[Issue] = field(default_factory=list)
    _by_eid: dict[str, Node] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self._by_eid:
            self.reindex()

    def reindex(self) -> None:
        # a derived eid is found through its parent's (see get)
        self._by_eid = {n.eid: n for n in self.root.walk() if not is_derived_eid(n)}

    def get(self, eid: str) -> Node | None:
        n = self._by_eid.get(eid)
        if n is None and "__" in eid:
            n = self._derived(eid)
        return n

    def _derived(self, eid: str) -> Node | None:
        """The node of a derived eid (art_15__para_2): its parent's child of that number."""
        head, _, step = eid.rpartition("__")
        kind, _, num = step.partition("_")
        if kind not in ("para", "point") or not (num.isascii() and num.isdigit()):
            return None
        parent = self.get(head)
        i = int(num) - 1
        if parent is None or not 0 <= i < len(parent.children):
            return None
        child = parent.children[i]
        return child if child.eid == eid else None

    def nodes(self, kind: str | None = None) -> Iterator[Node]:
        for n in self.root.walk():
            if kind is None or n.kind == kind:
                yield n

    @property
    def articles(self) -> list[Node]:
        return list(self.nodes("article"))

    @property
    def chapters(self) -> list[Node]:
        return list(self.nodes("chapter"))

    def article(self, number: int | str) -> Node | None:
        return self.get(f"art_{number}")

    def raw(self, node: Node) -> str:
        return self.text[node.start:node.end]

    @property
    def preamble(self) -> Node | None:
        return next(self.nodes("preamble"), None)

    @property
    def prologue(self) -> Node | None:
        return next(self.nodes("prologue"), None)

    @property
    def parts(self) -> list[Node]:
        return list(self.nodes("part"))

    @property
    def sections(self) -> list[Node]:
        return list(self.nodes("section"))

    @property
    def annexes(self) -> list[Node]:
        return list(self.nodes("annex"))

    @property
    def regulation(self) -> str | None:
        """The regulation's id (folder under regulation/), when loaded from the project."""
        return self.meta.get("regulation")

    @property
    def version(self) -> str | None:
        """The version's short name, when loaded from the project."""
        return self.meta.get("version")

    def rebuild(self) -> str:
        """Concatenate every node's own slice in document order: equals ``text``."""
        return "".join(self.text[n.start:n.end] for n in self.root.walk())
