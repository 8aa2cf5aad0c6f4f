"""Read the place an instruction names: 刑法第一百二十条之一第一款, 第三章第二节, 宪法序言第七自然段,
第六十七条全国人民代表大会常务委员会职权第二十项, 第一百八十六条第一款、第二款, 第十条至第十二条,
该条, 这一自然段, 本条例的名称 …  Read from an instruction's template (kb.text.amendment.quotes)."""
from __future__ import annotations

import re
from dataclasses import replace

from kb.text.amendment.records import LEVELS, Target
from kb.text.numerals import NUMERAL_RE, parse_numeral

_N = NUMERAL_RE
LAW = r"(?:刑法|宪法|本法|本条例|本规定|本办法|本细则|本决定|该法|《[^》\n]{1,80}》)"
_LAW = re.compile(LAW)
_TOKEN = re.compile(rf"第({_N})(分编|编|章|节|条(?:之({_N}))?|款|项|目|自然段)")
# words between an article and the item it names: 第六十七条全国人民代表大会常务委员会职权第二十项
_BETWEEN = re.compile(rf"[^\W第\d]{{1,30}}?(?=第{_N}[项款])")
_SENTENCE = re.compile(rf"(?:第{_N}句|[前后]{_N}句)")
_ANAPHORA = {"该条": "article", "本条": "article", "这一条": "article", "该款": "paragraph", "本款": "paragraph",
             "这一款": "paragraph", "该项": "item", "这一项": "item", "这一自然段": "prologue_paragraph",
             "该自然段": "prologue_paragraph", "该章": "chapter", "该节": "section"}
_ANA = re.compile("|".join(sorted(_ANAPHORA, key=len, reverse=True)))
_TITLE = re.compile(r"(?:的)?(?:名称|标题)")
_JOIN = re.compile(r"[、和及]|以及")
_UNIT = {"编": "part", "分编": "subpart", "章": "chapter", "节": "section", "款": "paragraph", "项": "item",
         "目": "subitem", "自然段": "paragraph"}

#: a regular expression matching any target phrase (for the clause grammar)
TARGET_RE = (rf"(?:{LAW})?(?:序言(?:第{_N}自然段)?(?:{_SENTENCE.pattern})?|"
             rf"(?:第{_N}(?:分编|编|章|节|条(?:之{_N})?|款|项|目|自然段)"
             rf"(?:[^\W第\d]{{1,30}}?(?=第{_N}[项款]))?(?:[、和及至]|以及)?)+|"
             rf"{_ANA.pattern}|(?:{LAW})?(?:的)?(?:名称|标题))")


class Anaphora(Exception):
    """Raised by :func:`read_targets` when a target says 该条/这一自然段 and no earlier target exists."""


def read_targets(s: str, previous: Target | None = None) -> list[Target]:
    """The targets named by ``s`` (a whole target phrase).  Raises ValueError when ``s`` is not one."""
    pos = 0
    law = None
    m = _LAW.match(s, pos)
    if m:
        law = m.group(0).strip("《》")
        pos = m.end()
    m = _ANA.match(s, pos)
    if m:
        if previous is None:
            raise Anaphora(m.group(0))
        return [_narrow(previous, _ANAPHORA[m.group(0)])]
    m = _TITLE.fullmatch(s, pos)
    if m:
        return [Target(law=law, title=True)]
    if s.startswith("序言", pos):
        t = Target(law=law, prologue=True)
        pos += 2
        m = _TOKEN.match(s, pos)
        if m and m.group(2) == "自然段":
            t.paragraph = parse_numeral(m.group(1))
            pos = m.end()
        m = _SENTENCE.match(s, pos)
        if m:
            pos = m.end()
        if pos != len(s):
            raise ValueError(s)
        return [t]
    out: list[Target] = []
    cur = Target(law=law)
    joiner = None
    while pos < len(s):
        # a bare 第二款 / 第八项 after a target keeps that target's article (and paragraph)
        inherit = cur if out else (previous if law is None and previous is not None else None)
        t, pos = _read_one(s, pos, inherit, law)
        if joiner == "至" and out:
            out += _expand(out.pop(), t)
        else:
            out.append(t)
        cur = t
        if pos == len(s):
            break
        m = _JOIN.match(s, pos) or (re.compile("至").match(s, pos))
        if not m:
            raise ValueError(s)
        joiner = m.group(0)
        pos = m.end()
    if not out:
        raise ValueError(s)
    return out


def _read_one(s: str, pos: int, inherit: Target | None, law: str | None) -> tuple[Target, int]:
    t = Target(law=law)
    first = True
    while True:
        m = _TOKEN.match(s, pos)
        if not m:
            break
        unit = m.group(2)
        if unit.startswith("条"):
            level = "article"
        else:
            level = _UNIT[unit]
        if first and inherit is not None and LEVELS.index(level) > LEVELS.index("article"):
            # 第一款、第二款: the second keeps the article of the first
            t = _keep_above(inherit, level)
        elif first and inherit is not None and level != "article" and inherit.article is None:
            t = _keep_above(inherit, level)
        first = False
        num = parse_numeral(m.group(1))
        if level == "article":
            t.article = f"{num}-{parse_numeral(m.group(3))}" if m.group(3) else num
        else:
            setattr(t, level, num)
        pos = m.end()
        b = _BETWEEN.match(s, pos)
        if b and level == "article":
            pos = b.end()
    if first:
        raise ValueError(s)
    return t, pos


def _keep_above(t: Target, level: str) -> Target:
    """A copy of ``t`` keeping only the levels above ``level``."""
    keep = replace(t, locator=None, name=False)
    idx = LEVELS.index(level)
    for lv in LEVELS[idx:]:
        setattr(keep, lv, None)
    return keep


def _narrow(t: Target, level: str) -> Target:
    """该条 after 第十条第二款 is 第十条; 这一自然段 is the paragraph named before."""
    if level == "prologue_paragraph":
        return replace(t, locator=None)
    out = replace(t, locator=None, name=False)
    idx = LEVELS.index(level)
    for lv in LEVELS[idx + 1:]:
        setattr(out, lv, None)
    return out


def _expand(a: Target, b: Target) -> list[Target]:
    """第十条至第十二条 -> 第十条, 第十一条, 第十二条 (plain numbers only)."""
    level = b.level
    va, vb = getattr(a, level), getattr(b, level)
    if not isinstance(va, int) or not isinstance(vb, int) or vb < va or vb - va > 2000:
        return [a, b]
    return [replace(a, **{level: k}) for k in range(va, vb + 1)]


def read_numbers(s: str) -> tuple[str | None, list]:
    """作为 第三款、第四款 / 第一百二十条之二、第一百二十条之三 / 第一百二十三条至第一百二十七条 ->
    (unit, numbers); numbers are ints, or "120-2" for 之 articles."""
    unit = None
    nums: list = []
    pos = 0
    pending_range = False
    while pos < len(s):
        m = _TOKEN.match(s, pos)
        if not m:
            raise ValueError(s)
        u = m.group(2)
        unit = "条" if u.startswith("条") else u
        num = parse_numeral(m.group(1))
        value = f"{num}-{parse_numeral(m.group(3))}" if m.group(3) else num
        if pending_range and nums and isinstance(nums[-1], int) and isinstance(value, int):
            nums += list(range(nums[-1] + 1, value + 1))
        else:
            nums.append(value)
        pos = m.end()
        pending_range = False
        if pos < len(s):
            if s[pos] == "至":
                pending_range = True
            elif s[pos] not in "、和":
                raise ValueError(s)
            pos += 1
    return unit, nums
