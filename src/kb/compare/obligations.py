"""How the duties of each actor changed between two versions (``kb diff --obligations``).

A revision matters to the people it binds: a permission becoming an obligation, a deadline
shortened.  This module compares the obligation statements the obligations layer extracts from
both versions, matched through the article alignment of a :class:`~kb.compare.diff.Comparison`;
it is apart from the comparison itself because only this question needs the obligations layer.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict

from kb.compare.diff import Comparison
from kb.layers.obligations import NO_ACTOR, without_actor
from kb.layers.obligations import extract as extract_statements
from kb.text.model import Document
from kb.text.numerals import NUMERAL_RE, parse_numeral

MODALITY_ZH = {"obligation": "应当", "prohibition": "不得", "permission": "可以",
               "encouragement": "鼓励", "sanction": "追责", "liability": "责任"}


# permission → obligation makes a duty stricter; the reverse relaxes it
_STRENGTH = {("permission", "obligation"): "stricter", ("encouragement", "obligation"): "stricter",
             ("encouragement", "permission"): "stricter", ("obligation", "permission"): "relaxed",
             ("obligation", "encouragement"): "relaxed", ("permission", "encouragement"): "relaxed",
             ("permission", "prohibition"): "stricter", ("prohibition", "permission"): "relaxed"}
_UNIT_DAYS = {"小时": 1 / 24, "日": 1, "天": 1, "工作日": 1, "个工作日": 1, "周": 7, "个月": 30, "月": 30,
              "年": 365}
_DEADLINE = re.compile(rf"({NUMERAL_RE}|[0-9０-９]+)\s*(个工作日|工作日|小时|个月|日|天|周|月|年)")


def deadline_days(text) -> float | None:
    """三十日内 → 30, 三个月 → 90, 2年 → 730 (for comparing deadlines; None when there is none)."""
    if not text:
        return None
    m = _DEADLINE.search(str(text))
    if not m:
        return None
    try:
        n = parse_numeral(m.group(1))
    except (ValueError, KeyError):
        return None
    return n * _UNIT_DAYS[m.group(2)]


def _stmt_dict(s, doc: Document) -> dict:
    eid = getattr(s, "eid", "") or ""
    art = doc.get(eid.split("__")[0]) if eid else None
    return {"article": art.label if art is not None else getattr(s, "article", None), "eid": eid,
            "modality": getattr(s, "modality", None), "action": getattr(s, "action", "") or "",
            "deadline": _plainval(getattr(s, "deadline", None)),
            "quantity": _plainval(getattr(s, "quantity", None)),
            "explicit": getattr(s, "explicit", None)}


def obligation_diff(cmp: Comparison, extract=None) -> dict:
    """Per actor: obligation statements added, removed or changed (modality, deadline, quantity, wording).

    Statements come from ``kb.layers.obligations.extract`` (or ``extract``); an old and a new
    statement are the same statement when their actors are equal, their articles are aligned,
    and their actions are similar (or they are the only statements of that actor in the pair).
    """
    if extract is None:            # the duties, and the statements without an actor under one label
        def extract(doc):
            return extract_statements(doc) + without_actor(doc)
    old_s = list(extract(cmp.old_doc))
    new_s = list(extract(cmp.new_doc))
    matches = _match(cmp, old_s, new_s)
    out: dict[str, dict] = defaultdict(lambda: {"added": [], "removed": [], "changed": [], "unchanged": 0})
    for i, j in matches:
        s, t = old_s[i], new_s[j]
        actor = getattr(t, "actor", None) or NO_ACTOR
        changes = _changes(s, t)
        if changes:
            out[actor]["changed"].append({"old": _stmt_dict(s, cmp.old_doc), "new": _stmt_dict(t, cmp.new_doc),
                                          "changes": changes})
        else:
            out[actor]["unchanged"] += 1
    used_old = {i for i, _ in matches}
    used_new = {j for _, j in matches}
    for i, s in enumerate(old_s):
        if i not in used_old:
            out[getattr(s, "actor", None) or NO_ACTOR]["removed"].append(_stmt_dict(s, cmp.old_doc))
    for j, t in enumerate(new_s):
        if j not in used_new:
            out[getattr(t, "actor", None) or NO_ACTOR]["added"].append(_stmt_dict(t, cmp.new_doc))
    # the actors, most changed first; the statements without an actor (no one's duty) after them
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == NO_ACTOR, -(len(kv[1]["added"]) + len(kv[1]["removed"])
                                                                        + len(kv[1]["changed"])))))


def _art_eid(s) -> str:
    return (getattr(s, "eid", "") or "").split("__")[0]


def _match(cmp: Comparison, old_s: list, new_s: list) -> list[tuple[int, int]]:
    """(old, new) statement positions that are one statement: same actor, aligned articles,
    similar actions (same modality counts a little), best first, each at most once."""
    o2n = defaultdict(set)
    for p in cmp.pairs:
        if p.old is not None and p.new is not None:
            o2n[p.old.eid].add(p.new.eid)
    by_actor_new = defaultdict(list)
    for i, s in enumerate(new_s):
        by_actor_new[getattr(s, "actor", None)].append(i)
    cand = []
    for i, s in enumerate(old_s):
        targets = o2n.get(_art_eid(s), set())
        for j in by_actor_new.get(getattr(s, "actor", None), []):
            t = new_s[j]
            if _art_eid(t) not in targets:
                continue
            sim = _dice_text(getattr(s, "action", "") or "", getattr(t, "action", "") or "")
            same_mod = getattr(s, "modality", None) == getattr(t, "modality", None)
            cand.append((sim + (0.1 if same_mod else 0), i, j))
    used_old: set[int] = set()
    used_new: set[int] = set()
    matches = []
    for sc, i, j in sorted(cand, reverse=True):
        if i in used_old or j in used_new or sc < 0.3:
            continue
        used_old.add(i)
        used_new.add(j)
        matches.append((i, j))
    return matches


def _changes(s, t) -> list[dict]:
    """What changed from statement ``s`` to ``t``: modality (stricter/relaxed), deadline
    (shortened/lengthened), quantity, and the action's wording."""
    changes = []
    for f in ("modality", "deadline", "quantity"):
        a, b = getattr(s, f, None), getattr(t, f, None)
        if a != b:
            ch = {"field": f, "old": _plainval(a), "new": _plainval(b)}
            if f == "deadline":
                da, db = deadline_days(a), deadline_days(b)
                if da is not None and db is not None and da != db:
                    ch["direction"] = "shortened" if db < da else "lengthened"
            elif f == "modality":
                ch["direction"] = _STRENGTH.get((a, b))
            changes.append(ch)
    if (getattr(s, "action", "") or "") != (getattr(t, "action", "") or ""):
        changes.append({"field": "action", "old": getattr(s, "action", ""), "new": getattr(t, "action", "")})
    return changes


def _plainval(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (list, tuple)):
        return [_plainval(x) for x in v]
    if isinstance(v, dict):
        return {k: _plainval(x) for k, x in v.items()}
    if hasattr(v, "__dataclass_fields__"):
        return asdict(v)
    return str(v)


def _dice_text(a: str, b: str) -> float:
    if a == b:
        return 1.0
    ga = Counter(a[i:i + 2] for i in range(len(a) - 1))
    gb = Counter(b[i:i + 2] for i in range(len(b) - 1))
    tot = sum(ga.values()) + sum(gb.values())
    return 2 * sum((ga & gb).values()) / tot if tot else 0.0
