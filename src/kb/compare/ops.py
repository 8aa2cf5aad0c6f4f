"""Character-level changes between two texts, as a reader wants to see them.

Chinese has no word boundaries, so the change is computed character by character and then
cleaned up semantically (``cleanup``): short equal runs caught between edits are folded into the
edits, so a reader sees 具体行政行为 → 行政行为 or a phrase replaced, not scattered single
characters, and a changed number is shown whole.  Newlines are never folded, so paragraph and
item structure survives in the ops.  Pure string work: nothing here knows of articles.
"""
from __future__ import annotations

import difflib

EQ, DEL, INS = "equal", "delete", "insert"


def char_ops(a: str, b: str) -> list[tuple[str, str]]:
    """Character-level diff of a → b, semantically cleaned."""
    return cleanup(raw_ops(a, b))


def raw_ops(a: str, b: str) -> list[tuple[str, str]]:
    """Character-level diff of a → b before cleanup (what similarity is computed from)."""
    if a == b:
        return [(EQ, a)] if a else []
    if not a:
        return [(INS, b)]
    if not b:
        return [(DEL, a)]
    # common prefix/suffix first (cheap, and keeps SequenceMatcher small)
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    ops: list[tuple[str, str]] = []
    if p:
        ops.append((EQ, a[:p]))
    am, bm = a[p:len(a) - s], b[p:len(b) - s]
    sm = difflib.SequenceMatcher(None, am, bm, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            ops.append((EQ, am[i1:i2]))
        else:
            if i2 > i1:
                ops.append((DEL, am[i1:i2]))
            if j2 > j1:
                ops.append((INS, bm[j1:j2]))
    if s:
        ops.append((EQ, a[len(a) - s:]))
    return ops


def _merge(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join neighbours of the same kind; within each run of edits, deletions before insertions."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(ops):
        if ops[i][0] == EQ:
            if ops[i][1]:
                if out and out[-1][0] == EQ:
                    out[-1] = (EQ, out[-1][1] + ops[i][1])
                else:
                    out.append(ops[i])
            i += 1
            continue
        d, n = [], []
        while i < len(ops) and ops[i][0] != EQ:
            (d if ops[i][0] == DEL else n).append(ops[i][1])
            i += 1
        if d and "".join(d):
            out.append((DEL, "".join(d)))
        if n and "".join(n):
            out.append((INS, "".join(n)))
    return out


def cleanup(ops: list[tuple[str, str]], min_keep: int = 3) -> list[tuple[str, str]]:
    """Fold short equalities that sit between edits into the edits (diff-match-patch's
    semantic cleanup, adapted): an equal run is folded when it is no longer than the
    edits on both sides, or shorter than ``min_keep`` characters with edits on both
    sides.  Equal runs holding a newline are kept."""
    ops = _merge(ops)
    changed = True
    while changed:
        changed = False
        for i in range(1, len(ops) - 1):
            tag, text = ops[i]
            if tag != EQ or "\n" in text:
                continue
            before = _edit_len(ops, i, -1)
            after = _edit_len(ops, i, +1)
            if not before or not after:
                continue
            if len(text) <= min(before, after) or len(text) < min_keep:
                ops = ops[:i] + [(DEL, text), (INS, text)] + ops[i + 1:]
                ops = _merge(ops)
                changed = True
                break
    return _whole_numbers(ops)


_NUM = set("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万两")


def _whole_numbers(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A changed number is shown whole: 202[-5-]{+6+}年 → [-2025-]{+2026+}年, 第二十[-三-]{+五+}条 →
    第[-二十三-]{+二十五+}条.  Applies when every edited character of a run is part of a number."""
    ops = list(ops)
    i = 0
    while i < len(ops):
        if ops[i][0] == EQ:
            i += 1
            continue
        j = i
        while j < len(ops) and ops[j][0] != EQ:
            j += 1
        edited = "".join(t for _, t in ops[i:j])
        if edited and all(c in _NUM for c in edited):
            head = ""
            if i > 0:
                t = ops[i - 1][1]
                k = len(t)
                while k > 0 and t[k - 1] in _NUM:
                    k -= 1
                head = t[k:]
                ops[i - 1] = (EQ, t[:k])
            tail = ""
            if j < len(ops):
                t = ops[j][1]
                k = 0
                while k < len(t) and t[k] in _NUM:
                    k += 1
                tail = t[:k]
                ops[j] = (EQ, t[k:])
            d = "".join(t for k2, t in ops[i:j] if k2 == DEL)
            n = "".join(t for k2, t in ops[i:j] if k2 == INS)
            repl = [(DEL, head + d + tail), (INS, head + n + tail)]
            repl = [x for x in repl if x[1]]
            ops[i:j] = repl
            i += len(repl)
        else:
            i = j
    return _merge([o for o in ops if o[1]])


def _edit_len(ops, i, step) -> int:
    """Length of the longer side (deleted or inserted) of the edits next to position i."""
    d = n = 0
    j = i + step
    while 0 <= j < len(ops) and ops[j][0] != EQ:
        if ops[j][0] == DEL:
            d += len(ops[j][1])
        else:
            n += len(ops[j][1])
        j += step
    return max(d, n)


def ratio(ops) -> float:
    eq = sum(len(t) for k, t in ops if k == EQ)
    tot = sum(len(t) for k, t in ops if k in (EQ, DEL)) + sum(len(t) for k, t in ops if k in (EQ, INS))
    return round(2 * eq / tot, 3) if tot else 1.0
