"""The plain data applying hands back: the consolidated text and the list of what changed."""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.amend.state import Entry


@dataclass
class Change:
    """One change, for the list a reader checks: which instruction, what it did, where (before
    and after renumbering)."""
    instruction: str
    action: str
    old: str                              # where, numbered as before (第十条第二款); "" for an addition
    new: str = ""                         # where, numbered as after
    line: int | None = None
    entry: Entry | None = field(default=None, repr=False, compare=False)
    detail: str = ""

    def to_dict(self) -> dict:
        return {"instruction": self.instruction, "action": self.action, "old": self.old, "new": self.new,
                "line": self.line, "detail": self.detail}


@dataclass
class Result:
    text: str
    changes: list[Change]
    renumbered: list[tuple[str, str]]     # (old label, new label) of articles that changed number
    references: list[tuple[str, str, str]]   # (where, old wording, new wording) of updated references
    warnings: list[str]
    state: object = field(default=None, repr=False, compare=False)   # the amended layout (kb.amend.state.Text)

    def to_dict(self) -> dict:
        return {"changes": [c.to_dict() for c in self.changes],
                "renumbered": [{"old": o, "new": n} for o, n in self.renumbered],
                "references": [{"where": w, "old": o, "new": n} for w, o, n in self.references],
                "warnings": list(self.warnings)}
