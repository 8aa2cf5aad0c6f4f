"""The layer's records and their vocabularies.

Every step of the extraction, and every user of the layer, speaks of the same things: a
statement (one duty: one actor, one modality, one clause at one article, paragraph and item), a
governance relation, and, while a text is read, an actor mention, a group of coordinated mentions
and the draft of a duty whose action is not yet bounded.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.layers.cache import record

MODALITIES = ("obligation", "prohibition", "permission", "encouragement", "sanction", "liability")
#: labels for people: a correction or an order is not a punishment, so the body that acts on a
#: violation is 追责 and the party held liable 责任 (never 处罚)
MODALITY_NAMES = {"obligation": "义务", "prohibition": "禁止", "permission": "授权", "encouragement": "鼓励",
                  "sanction": "追责", "liability": "责任"}
#: what every command, page and export shows for a statement that names no actor
NO_ACTOR = "（无主体）"
#: the version of the layer's record (2: one record per duty, clause, items, liability, no_actor apart)
SCHEMA_VERSION = 2
RELATIONS = ("指导", "支持", "帮助", "协助", "监督", "检查", "考核", "委托", "督促", "责令", "纠正", "组织",
             "牵头", "查处")


@record
@dataclass
class Statement:
    """One duty.  ``start``..``end`` is its span in the node's text (from its subject, or its
    modal word, to the end of its action); ``clause`` its 1-based index among the duties of the
    same actor and modality in the same paragraph or item; ``items`` the numbers of the items a
    list's lead-in carries."""
    article: int | str
    paragraph: int | None
    item: int | None
    eid: str
    actor: str | None
    modality: str
    explicit: bool
    action: str
    start: int
    end: int
    deadline: str | None = None
    quantity: str | None = None
    levels: list[str] = field(default_factory=list)
    citation: str = ""
    kind: str | None = None            # the actor's kind (government, department …)
    clause: int = 1
    items: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"article": self.article, "paragraph": self.paragraph, "item": self.item, "clause": self.clause,
                "eid": self.eid, "actor": self.actor, "modality": self.modality, "explicit": self.explicit,
                "action": self.action, "start": self.start, "end": self.end, "deadline": self.deadline,
                "quantity": self.quantity, "levels": list(self.levels), "items": list(self.items)}


@record
@dataclass
class Relation:
    from_: str
    relation: str
    to: str | None
    eid: str

    def to_dict(self) -> dict:
        return {"from": self.from_, "relation": self.relation, "to": self.to, "eid": self.eid}


@record
@dataclass
class Mention:
    """An actor named in the text (offsets into the node's text)."""
    name: str                    # canonical
    surface: str
    start: int
    end: int
    levels: list[str] = field(default_factory=list)
    known: bool = True


@record
@dataclass
class Group:
    """Coordinated mentions that share one statement (市、县（市、区）人民政府 → two mentions)."""
    mentions: list[Mention]
    start: int
    end: int


@record
@dataclass
class Draft:
    """A duty while its sentence is read.  ``trigger`` is where its word stands (the modal word,
    the duty verb, 由, the governance verb), ``begin`` where its action begins; ``end`` (where the
    action ends) is set when the sentence is finished.  A primary duty opens a duty of its own
    subject and so bounds the actions before it; a secondary one (the encouraged party, the
    object of 督促) lies inside another duty's predicate."""
    mention: Mention | None
    modality: str
    explicit: bool
    trigger: int
    begin: int
    start: int
    primary: bool = True
    end: int | None = None
    region: int = 0                  # where the text that belongs to this duty starts (its conditions, limit)
    deadline: str | None = None
    quantity: str | None = None
    action: str = ""
    node: object = None              # the paragraph, item or sub-item
    para: int | None = None
    item: int | None = None
    items: list[int] = field(default_factory=list)     # a list's lead-in: the items it carries
