"""The content model: one tree of typed nodes per parsed version.

Every node owns one contiguous slice of the decoded source (``start``..``end``)
and its children follow that slice, so a pre-order walk concatenating the
slices rebuilds the source exactly (see :meth:`Document.rebuild`).  Enrichment
layers (definitions, references, obligations, …) never change the tree; they
are computed separately and keyed by ``eid``.

Identifiers follow Akoma Ntoso naming: ``chp_1``, ``part_2__chp_1``,
``chp_3__sec_2``, ``art_15``, ``art_10-1``, ``art_15__para_2``,
``art_15__para_1__point_3``, ``art_15__para_1__point_3__point_1``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from .numerals import to_chinese

#: kinds of node, outermost first
KINDS = ("document", "preamble", "prologue", "part", "subpart", "chapter", "section",
         "article", "paragraph", "item", "subitem", "annex")

#: Chinese names of the kinds, for the UI
KIND_NAMES = {"document": "全文", "preamble": "题注", "prologue": "序言", "part": "编",
              "subpart": "分编", "chapter": "章", "section": "节", "article": "条",
              "paragraph": "款", "item": "项", "subitem": "目", "annex": "附件"}


@dataclass(eq=False)
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
    children: list["Node"] = field(default_factory=list)
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
    _by_eid: dict[str, Node] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self._by_eid = {n.eid: n for n in self.root.walk()}

    def get(self, eid: str) -> Node | None:
        return self._by_eid.get(eid)

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

    def rebuild(self) -> str:
        """Concatenate every node's own slice in document order: equals ``text``."""
        return "".join(self.text[n.start:n.end] for n in self.root.walk())

