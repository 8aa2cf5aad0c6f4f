"""The subject of a clause, and the subject carried on to the next sentence.

A modal word's subject is the actor group that opens a clause of its sentence (possibly after
a modifier ending in 的), else the one carried over from earlier in the paragraph.  A clause
opened by a condition (有……, 对于……) has no subject; one opened by a pronoun (其, 他们) takes
the last actor that stated something; one whose subject is a place or a thing (居民委员会中……,
修建性详细规划应当……) gets an empty group, so that no actor is carried into it.
"""
from __future__ import annotations

import re

from kb.layers.obligations.coordination import Scanner
from kb.layers.obligations.duties import COMPETENCE
from kb.layers.obligations.modals import find_modals
from kb.layers.obligations.names import STOP_IN_NAME, THING_HEADS, VERB_START2
from kb.layers.obligations.records import Group, Mention
from kb.layers.obligations.sentences import Sentence, segments

#: a clause opening with these words is a condition, not a subject (有五分之一以上的居民……提议，应当……)
_PREFIX_STOP = re.compile(r"应当|可以|不得|必须|向|对|由|经|(?<!)从(?!事)|将|把|给|参加|参与|需要")
_COND_START = ("有", "如", "若", "凡", "当", "因", "需要", "涉及", "发生", "违反", "对于", "对", "经", "除")
#: what subject_groups' reading of a clause does when an actor only modifies a noun: read on after it
_READ_ON = "read on"


def _thing(head: str) -> bool:
    """修建性详细规划 (应当……): a short noun phrase naming a thing, not a body."""
    return 2 <= len(head) <= 14 and head.endswith(THING_HEADS) and not STOP_IN_NAME.search(head) and \
        not re.search(r"[，、和及或]", head) and not any(v in head for v in VERB_START2)


def subject_groups(sc: Scanner, text: str, a: int, b: int, carried: Group | None,
                   last_stmt: Group | None) -> list[tuple[int, Group]]:
    """Actor groups that open a clause of text[a:b] (possibly after a modifier ending in 的), each with
    the position where it was found."""
    out: list[tuple[int, Group]] = []
    for ca, cb in segments(text[a:b], "，：,"):
        ca += a
        cb += a
        if text.startswith(_COND_START, ca) and not sc.lexicon(text, ca) and \
                not text.startswith(("有关", "有权"), ca):
            continue
        found = _clause_subject(sc, text, ca, cb, out, carried, last_stmt) or _thing_subject(text, a, b, ca, cb)
        if found is not None:
            out.append(found)
    return out


def _clause_subject(sc: Scanner, text: str, ca: int, cb: int, out, carried, last_stmt):
    """(position, group) of the actor that opens the clause text[ca:cb], or None."""
    k = ca
    while k < cb:
        if k == ca or text[k - 1] == "的":
            if k == ca and (text.startswith(("他们", "它们"), k) or (text.startswith("其", k)
                                                                and not sc.lexicon(text, k))):
                return _pronoun_subject(sc, text, k, out, carried, last_stmt)
            g = sc.group(text, k, discover=True)
            if g and g.end <= cb:
                found = _opening(sc, text, ca, cb, k, g)
                if found is not _READ_ON:
                    return found
                k = g.end
                continue
        if text[k] in "对向由经将把为在与同按依根通" and (k == ca or text[k - 1] in "，、"):
            return None
        k += 1
    return None


def _pronoun_subject(sc: Scanner, text: str, k: int, out, carried, last_stmt):
    """其, 他们, 它们 at k: the actor named after 其, 其成员 of the previous subject, or the group of
    the last statement."""
    g = None
    g_after = sc.group(text, k + 1, discover=False) if text.startswith("其", k) else None
    if g_after is not None and not re.compile(r"其(成员|工作人员)").match(text, k):
        return k, g_after
    if text.startswith("其", k):
        m = re.compile(r"其(成员|工作人员)").match(text, k)
        prev = next((g0 for _, g0 in reversed(out) if g0.mentions), carried)
        if m and prev is not None and prev.mentions:
            base = prev.mentions[0].name
            name = sc.reg.canonical(base + m.group(1))
            if sc.reg.is_known(name):
                g = Group([Mention(name, m.group(0), k, m.end())], k, m.end())
        elif re.compile(r"其[^，。；]{0,3}(应当|应|必须|不得|可以|可|有权)").match(text, k) and last_stmt:
            g = Group([Mention(x.name, "其", k, k + 1, x.levels) for x in last_stmt.mentions],
                      k, k + 1)
        else:
            g = Group([], k, k + 1)       # 其家属聚居区: not an actor
    elif last_stmt is not None:
        g = Group([Mention(x.name, "他们", k, k + 2, x.levels) for x in last_stmt.mentions],
                  k, k + 2)
    return (k, g) if g else None


def _opening(sc: Scanner, text: str, ca: int, cb: int, k: int, g: Group):
    """What the group g found at k in the clause text[ca:cb] is: its subject (position, group),
    _READ_ON when it only modifies a noun, or None when the clause has no subject."""
    nxt = text[g.end:g.end + 1]
    if nxt in ("中", "内") and not text.startswith("内容", g.end):
        return k, Group([], k, g.end + 1)
    if text.startswith("之间", g.end):
        return k, g
    # 县级以上人民政府负责妇女儿童工作的机构: the relative clause names the actor
    rm = re.compile(r"负责[^，。；的]{1,12}的(?:机构|部门|单位|组织)(?=，|应当|负责|可以)").match(
        text, g.end)
    if rm:
        name = sc.reg.canonical(rm.group(0))
        return k, Group([Mention(name, rm.group(0), g.end, rm.end(), known=sc.reg.is_known(name))], k, rm.end())
    if nxt in ("的", "之", "所") and not re.compile(r"的(任务|职责)[：是]").match(text, g.end):
        return _READ_ON
    # 城市、县人民政府组织编制的总体规划，……应当……: the clause is a thing made by the actor
    rel = re.fullmatch(r"([^，。；的]{1,10})的[\u4e00-\u9fff]{1,12}", text[g.end:cb])
    if rel and COMPETENCE.fullmatch(rel.group(1)) and sc.public(g):
        return k, Group([], k, cb)
    # 居民公约的内容, 政府投资兴办的……, 居民不足二百户的……: the actor modifies a noun
    mm = re.compile(r"([^，。；的]{1,6})的").match(text, g.end)
    if mm and (len(mm.group(1)) <= 4 or re.search(r"[0-9一二三四五六七八九十百千]", mm.group(1))) \
            and not mm.group(1).startswith(VERB_START2) and \
            not re.search(r"应当|应|必须|不得|可以|可|有权|负责|对|向|在|按照|根据|依法|从事|协助",
                          mm.group(1)):
        return _READ_ON
    if k > ca:
        prefix = text[ca:k]
        if _PREFIX_STOP.search(prefix) or prefix.startswith(VERB_START2):
            return None
    return k, g


def _thing_subject(text: str, a: int, b: int, ca: int, cb: int):
    """(position, empty group) when a thing is the subject of the clause text[ca:cb], or None."""
    mm = find_modals(text, ca, cb)
    if not mm and not find_modals(text, cb + 1, min(cb + 4, b)):
        return None            # only a clause right before its modal word can be its subject
    head = text[ca:mm[0][0]] if mm else text[ca:cb]
    if (re.fullmatch(r"[^，、]{1,20}的[\u4e00-\u9fff]{1,6}", head) or (ca == a and _thing(head))) and \
            not head.startswith(_COND_START) \
            and not head.startswith(("不", "未", "没", "但", "并", "而", "也") + VERB_START2):
        return ca, Group([], ca, ca + len(head))    # a thing is the subject
    return None


def carry_over(s: Sentence) -> None:
    """The subject carried to the next sentence: the last clause-opening actor, unless it stated
    nothing and an earlier actor did (an agent after it keeps the carried subject as it is)."""
    if not s.subjects or s.is_item:
        return
    last_open = s.subjects[-1][1]
    if not any(ev[1] == "agent" and ev[0] > s.subjects[-1][0] for ev in s.events):
        s.carried = last_open if (s.last_stmt is None or last_open is s.last_stmt or
                                  not last_open.mentions) else s.last_stmt
