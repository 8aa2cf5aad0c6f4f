"""What a rule reads: the document, its source lines, the layers kb computes from it (references,
definitions, term uses, obligations, actors, laws) and the stage of the text; and how a rule turns
a place in the text into a :class:`Finding` (citation, line, column, the words at fault).

Layers are computed on first use and kept for the run, so rules that share a layer share its cost.
"""
from __future__ import annotations

import bisect
from functools import cached_property
from pathlib import Path

from kb.check.registry import Finding
from kb.text.grammar import split_lines
from kb.text.model import Document, Node

#: status words → stage; the first family that matches wins (草案征求意见稿 is open for comment)
STAGE_WORDS = (("comment", ("征求意见", "讨论稿", "初稿", "建议稿", "调研稿", "意见稿")),
               ("vote", ("草案", "送审稿", "审议稿", "修改稿", "表决稿", "修订稿")))


def stage_of(status: str | None) -> str:
    """comment (征求意见稿 …), vote (草案, 审议稿, 表决稿 …) or adopted (no draft word: 试行 included)."""
    for stage, words in STAGE_WORDS:
        if status and any(w in status for w in words):
            return stage
    return "adopted"


def citation_of(node: Node | None) -> str:
    """第十五条第二款 for a paragraph, 第三章 for a chapter, 题注 for the title block."""
    n = node
    while n is not None and not n.citation:
        if n.kind == "preamble":
            return "题注"
        n = n.parent
    if n is None or n.kind == "document":
        return "全文"
    return n.citation


class Context:
    def __init__(self, doc: Document, root: Path | None = None, stage: str | None = None,
                 corpus: str | Path | None = None, variants: list[list[str]] | None = None):
        self.doc = doc
        self.root = root
        self.stage = stage or stage_of(doc.status)
        self.corpus = corpus
        self.extra_variants = variants or []

    # -- the source ---------------------------------------------------------------------------
    @cached_property
    def lines(self) -> list:
        """The source lines (kb.text.grammar.Line: no, start, end, content), numbered as the parser does."""
        return split_lines(self.doc.text)

    def line_text(self, no: int) -> str:
        return self.lines[no - 1].content if 0 < no <= len(self.lines) else ""

    @cached_property
    def _owners(self) -> tuple[list[int], list[Node]]:
        nodes = list(self.doc.root.walk())
        return [n.start for n in nodes], nodes

    def owner(self, offset: int) -> Node:
        """The node whose own slice of the source holds ``offset``."""
        starts, nodes = self._owners
        i = bisect.bisect_right(starts, offset) - 1
        while i > 0 and nodes[i].end <= offset and nodes[i].start == nodes[i - 1].start:
            i -= 1          # an empty node (a list's lead-in paragraph) shares its start with the next
        return nodes[max(i, 0)]

    # -- findings -----------------------------------------------------------------------------
    def at(self, rule: str, node: Node, start: int, end: int, message: str, suggestion: str = "") -> Finding:
        """A finding on ``node.text[start:end]`` (the offsets the layers use)."""
        text = node.text
        line = self._text_line(node.line, text.count("\n", 0, start))
        words = text[start:end]
        line_start = text.rfind("\n", 0, start) + 1
        text_line = text[line_start:text.find("\n", start) if "\n" in text[start:] else len(text)]
        src = self.line_text(line)
        p = src.find(text_line) if text_line else -1
        col = p + (start - line_start) if p >= 0 else src.find(words)
        return Finding(rule, message, citation_of(node), line, words, suggestion, self.doc.source,
                       column=col + 1 if col >= 0 else None, eid=node.eid or None)

    def _text_line(self, first: int, k: int) -> int:
        """The source line of a node's ``k``-th text line (0-based), the node starting on ``first``: the
        node's lines may stand apart in the source (paragraphs carried by a list item, each after a
        blank line), so count only lines that hold text."""
        no = first
        for _ in range(k):
            no += 1
            while no <= len(self.lines) and not self.lines[no - 1].content.strip():
                no += 1
        return no

    def at_line(self, rule: str, line: int, col: int, words: str, message: str, suggestion: str = "") -> Finding:
        """A finding on source line ``line`` (1-based), ``words`` starting at character ``col`` (0-based)."""
        node = self.owner(self.lines[line - 1].start + col) if 0 < line <= len(self.lines) else self.doc.root
        return Finding(rule, message, citation_of(node), line, words, suggestion, self.doc.source,
                       column=col + 1, eid=node.eid or None)

    def at_node(self, rule: str, node: Node, message: str, suggestion: str = "", words: str | None = None) -> Finding:
        """A finding on a whole node (an article, a chapter heading): its label line."""
        src = self.line_text(node.line)
        w = words if words is not None else (node.label or src.strip())
        col = src.find(w) if w else -1
        return Finding(rule, message, citation_of(node), node.line, w, suggestion, self.doc.source,
                       column=col + 1 if col >= 0 else None, eid=node.eid or None)

    @cached_property
    def excerpt(self) -> tuple[int, int] | None:
        """(first, last) article of the whole law when the text is an excerpt of it (a knowledge-base
        regulation whose meta.yml gives ``articles: [271, 287]``, as 民法典-物权编 does), else None."""
        meta = self.doc.meta or {}
        arts = meta.get("articles")
        if isinstance(arts, (list, tuple)) and len(arts) == 2 and all(isinstance(x, int) for x in arts):
            return arts[0], arts[1]
        reg = meta.get("regulation")
        if reg and self.root is not None:
            # the law index (kept per process) holds each part's range, read from its meta.yml
            for entry in (self.law_index or {}).values():
                for reg_id, lo, hi in entry.parts:
                    if reg_id == reg:
                        return lo, hi
        return None

    # -- the layers (computed once per run) -----------------------------------------------------
    @cached_property
    def law_index(self):
        from kb.layers.laws import law_index
        if self.root is None and self.corpus is None:
            return None
        try:
            return law_index(root=self.root, corpus=self.corpus)
        except OSError:
            return None

    @cached_property
    def references(self):
        from kb.layers.links import references
        return references(self.doc, self.law_index)

    @cached_property
    def definitions(self):
        from kb.layers.links import definitions
        return definitions(self.doc)

    @cached_property
    def term_uses(self):
        from kb.layers.links import term_uses
        return term_uses(self.doc)

    @cached_property
    def registry(self):
        from kb.layers.obligations.layer import _registry_for
        return _registry_for(self.doc, None)

    @cached_property
    def statements(self):
        """The duties with an actor, and the statements without one (the rules look at both)."""
        from kb.layers.obligations import extract, without_actor
        return extract(self.doc, self.registry) + without_actor(self.doc, self.registry)

    @cached_property
    def without_actor(self) -> list:
        """The statements without an actor, as the obligation layer lists them apart (issue 11)."""
        from kb.layers.obligations import without_actor
        return without_actor(self.doc, self.registry)

    @cached_property
    def unknown_actors(self) -> dict[str, list[str]]:
        from kb.layers.obligations import unknown_actors
        return unknown_actors(self.doc, self.registry)

    @cached_property
    def scanned(self) -> list[Node]:
        """The nodes whose text the layers read: paragraphs, items, sub-items (not the title block)."""
        return [n for n in self.doc.root.walk() if n.kind in ("paragraph", "item", "subitem") and n.text
                and n.ancestor("preamble") is None]

    @cached_property
    def articles(self) -> list[Node]:
        return self.doc.articles
