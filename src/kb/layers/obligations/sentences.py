"""Sentences and clauses of a node's text, and the sentence being read.

A statement is found within one sentence (its modal word, its subject, its action), while the
subject carries on across the sentences of a paragraph; :class:`Sentence` is what the rules of
one sentence share, and what it hands on to the next.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from kb.layers.obligations.records import Group

CLAUSE_END = "，。；：！？\n"
SENT_END = "。；！？\n"


def segments(text: str, chars: str) -> list[tuple[int, int]]:
    """The non-empty stretches of text between any of chars."""
    pat = _SEGMENT.get(chars)
    if pat is None:
        pat = _SEGMENT[chars] = re.compile("[^%s]+" % re.escape(chars))
    return [m.span() for m in pat.finditer(text)]


_SEGMENT: dict[str, re.Pattern] = {}


#: the marks that end a clause, a sentence: searched for, not walked to a character at a time (the rules ask for a
#: clause's end some 40,000 times in kb bench obligations' sample)
_CLAUSE_END_AT = re.compile("[%s]" % re.escape(CLAUSE_END))
_SENT_END_AT = re.compile("[%s]" % re.escape(SENT_END))


def clause_end(text: str, i: int) -> int:
    """Where the clause at i ends: its mark's place, the text's end, or i itself past the end."""
    return _end_at(_CLAUSE_END_AT, CLAUSE_END, text, i)


def sent_end(text: str, i: int) -> int:
    """Where the sentence at i ends (as clause_end)."""
    return _end_at(_SENT_END_AT, SENT_END, text, i)


def _end_at(pattern: re.Pattern, marks: str, text: str, i: int) -> int:
    if i < 0:          # (counted from the end, as text[i] reads it: a search starts at 0)
        k = i
        while k < len(text) and text[k] not in marks:
            k += 1
        return k
    m = pattern.search(text, i)
    return m.start() if m else max(i, len(text))


@dataclass
class Sentence:
    """One sentence of a paragraph or item, as the rules read it.

    ``subjects`` are the actor groups that open its clauses, ``agents`` the groups after 由, and
    ``events`` what the sentence says, in text order: ``(position, kind, data)`` with kind one of
    agent, modal, chain, obj, found.  ``carried`` (the subject carried over from earlier clauses
    or sentences) and ``last_stmt`` (the group of the last statement) change as it is read;
    ``drafts`` are its duties, bounded when it is finished (clauses.finish).
    """
    node: object                       # the paragraph or item: its text, eid and citation
    art: object                        # the article
    para: int | None
    item: int | None
    start: int                         # the sentence is text[start:end]
    end: int
    liability: bool                    # a liability clause (a sanction, not a duty, may be stated)
    carried: Group | None
    last_stmt: Group | None
    subjects: list[tuple[int, Group]] = field(default_factory=list)
    agents: list[tuple[int, Group]] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    modal_positions: list[int] = field(default_factory=list)
    drafts: list = field(default_factory=list)      # the duties stated in it (records.Draft)
    modal_agents: dict = field(default_factory=dict)  # 由-agent position -> (modality, modal position)
    founded: list = field(default_factory=list)     # (position of 设立/成立…, where the founded body's charge starts, its group)
    topic: tuple | None = None         # (position, group): the party of a policy statement (本市支持X……)
    sanctioners: frozenset = frozenset()  # the actors that imposed a sanction in earlier sentences of the node
    text: str = field(init=False)
    sent: str = field(init=False)
    _openers: tuple = field(init=False, default=(None, [], []), repr=False)

    def __post_init__(self) -> None:
        self.text = self.node.text
        self.sent = self.text[self.start:self.end]

    @property
    def is_item(self) -> bool:
        return self.item is not None

    def subject_at(self, pos: int) -> Group | None:
        """The group (a clause's subject or an agent after 由) that opens nearest before pos and
        ends by it; of several opening there, the first subject (then agent).  Looked up in the
        groups sorted by where they open, not by reading them all: a sentence of thousands of
        clauses asks once per clause."""
        key = (id(self.subjects), len(self.subjects), id(self.agents), len(self.agents))
        if self._openers[0] != key:
            order = sorted((p, i, g) for i, (p, g) in enumerate(self.subjects + self.agents))
            self._openers = (key, [p for p, _, _ in order], order)
        _, starts, order = self._openers
        best, bp = None, None
        for j in range(bisect_left(starts, pos) - 1, -1, -1):
            p, _, g = order[j]
            if bp is not None and p != bp:
                break
            if g.end <= pos:
                best, bp = g, p            # walking back: the same p again is an earlier group
        return best

    def in_name(self, pos: int) -> bool:
        """Is pos inside the name of a party of a group (其他有权请求……的人: the 有权 is the name's own)?  Only the
        groups opening shortly before pos are asked (a name is short)."""
        self.subject_at(pos)            # the groups sorted by where they open
        _, starts, order = self._openers
        for j in range(bisect_left(starts, pos) - 1, -1, -1):
            p, _, g = order[j]
            if p < pos - 64:
                break
            if any(m.start < pos < m.end for m in g.mentions):
                return True
        return False

    def stated(self, g: Group) -> None:
        """g has stated something: it is the last statement's group, and (not in an item) the
        subject carried on."""
        self.last_stmt = g
        if not self.is_item:
            self.carried = g
