"""The rules of ``kb check`` in one place, and what a rule reports.

Each rule is a function registered with :func:`rule`: its id (``ref-missing``), its family, its default
severity (one, or one per stage of the text: a placeholder is only a note in a 征求意见稿 but an error
in a text going to a vote), a short Chinese description and an example written wrong and right.  The
function reads a :class:`~kb.check.context.Context` and yields :class:`Finding` objects; the engine
gives each its severity from the project's configuration.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

SEVERITIES = ("error", "warning", "info")
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
RANK = {"info": 0, "warning": 1, "error": 2}

#: the stages a text goes through, from its status (草案征求意见稿 → comment)
STAGES = ("comment", "vote", "adopted")
STAGE_NAMES = {"comment": "征求意见", "vote": "提请审议、表决", "adopted": "已通过"}

FAMILIES = {"structure": "结构", "references": "内部引用", "laws": "引用法律", "terms": "术语",
            "duties": "义务与责任", "form": "格式", "upper": "上位法"}


@dataclass
class Finding:
    """One fault: which rule, where (citation, file, line, column), the words at fault, what to do."""
    rule: str
    message: str                   # the problem, in Chinese
    citation: str                  # 第十五条第二款 (or 第三章, 题注)
    line: int
    words: str                     # the words at fault, as written
    suggestion: str = ""
    file: str = ""
    severity: str = "warning"
    column: int | None = None      # 1-based, in characters, where the words start in their line
    eid: str | None = None
    score: float | None = None     # a measure the rule gives (upper-repeat: the share repeated), for ordering

    def to_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "citation": self.citation, "file": self.file,
                "line": self.line, "column": self.column, "words": self.words, "message": self.message,
                "suggestion": self.suggestion, "eid": self.eid,
                **({"score": round(self.score, 4)} if self.score is not None else {})}


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: str | tuple[tuple[str, str], ...]    # one severity, or (stage, severity) pairs
    title: str                                     # what it checks, in a short Chinese sentence
    bad: str                                       # an example the rule reports
    good: str                                      # the same, written right
    check: Callable = field(compare=False, repr=False)
    needs: str | None = None                       # why it cannot run yet (then it is off by default)

    def severity_for(self, stage: str) -> str:
        if isinstance(self.severity, str):
            return self.severity
        return dict(self.severity)[stage]

    def describe_severity(self) -> str:
        if isinstance(self.severity, str):
            return self.severity
        return "，".join(f"{STAGE_NAMES[s]}：{v}" for s, v in self.severity)


RULES: dict[str, Rule] = {}


def rule(id: str, family: str, severity: str | dict[str, str], title: str, bad: str, good: str,
         needs: str | None = None) -> Callable:
    """Register the decorated function ``fn(ctx) -> Iterable[Finding]`` as the rule ``id``."""
    assert family in FAMILIES, family
    sev = severity if isinstance(severity, str) else tuple((s, severity[s]) for s in STAGES)

    def deco(fn: Callable[..., Iterable[Finding]]) -> Callable:
        if id in RULES:
            raise ValueError(f"rule {id} registered twice")
        RULES[id] = Rule(id, family, sev, title, bad, good, fn, needs)
        return fn
    return deco
