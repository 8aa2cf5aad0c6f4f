"""The layer's records and their vocabularies.

Every step of the extraction, and every user of the layer, speaks of the same things: a
statement (one actor, one modality, at one article, paragraph and item), a governance relation,
and, while a text is read, an actor mention and a group of coordinated mentions.
"""
from __future__ import annotations

from dataclasses import dataclass, field

MODALITIES = ("obligation", "prohibition", "permission", "encouragement", "sanction")
MODALITY_NAMES = {"obligation": "义务", "prohibition": "禁止", "permission": "授权", "encouragement": "鼓励",
                  "sanction": "处罚"}
RELATIONS = ("指导", "支持", "帮助", "协助", "监督", "检查", "考核", "委托", "督促", "责令", "纠正", "组织",
             "牵头", "查处")


@dataclass
class Statement:
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

    def to_dict(self) -> dict:
        return {"article": self.article, "paragraph": self.paragraph, "item": self.item, "eid": self.eid,
                "actor": self.actor, "modality": self.modality, "explicit": self.explicit,
                "action": self.action, "start": self.start, "end": self.end, "deadline": self.deadline,
                "quantity": self.quantity, "levels": list(self.levels)}


@dataclass
class Relation:
    from_: str
    relation: str
    to: str | None
    eid: str

    def to_dict(self) -> dict:
        return {"from": self.from_, "relation": self.relation, "to": self.to, "eid": self.eid}


@dataclass
class Mention:
    """An actor named in the text (offsets into the node's text)."""
    name: str                    # canonical
    surface: str
    start: int
    end: int
    levels: list[str] = field(default_factory=list)
    known: bool = True


@dataclass
class Group:
    """Coordinated mentions that share one statement (市、县（市、区）人民政府 → two mentions)."""
    mentions: list[Mention]
    start: int
    end: int
