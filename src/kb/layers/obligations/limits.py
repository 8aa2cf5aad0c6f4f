"""Time limits and quantities of a duty.

A time limit is a span or a point a duty must keep: a number of days after an event
(自……之日起三十日内, 会议结束后三日内, 届满前六个月, 提前六十日), a plain span (在三十日内,
五个工作日内), a fixed event before which to act (在销售物业前, 在投入生产或者使用之前) or a period
set elsewhere (在规定期限内).  A moment (……时), a period (……期间) and 及时/立即/定期 are not limits, nor is 婚前 /
孕前 (premarital, before pregnancy: 在边远山区开展婚前巡回保健服务 is a service, not a time) or 前 before a paragraph's number
(……以及前二款金融机构: the paragraphs before).
A duty's limit is the first one in the text that belongs to it (its conditions, its action);
a quantity (每百户不少于……, 五百元以上二千元以下的罚款) likewise.
"""
from __future__ import annotations

import re

_N = r"(?:[0-9０-９]+|[一二三四五六七八九十两百千]+)"
_UNIT = r"个?(?:工作日|日|天|个月|月|年|小时|分钟|周)"
LIMIT = re.compile(
    rf"(?:在|于|自|从)?[^，。；：]{{0,30}}?(?:之日起|之日|起|后|前){_N}{_UNIT}(?:内|以内|之内|前)?"
    rf"|(?:在|于)?{_N}{_UNIT}(?:内|以内|之内)"
    rf"|提前{_N}{_UNIT}"
    rf"|(?:在|于)[^，。；：、]{{0,20}}?(?:规定|约定|指定|确定|法定|合理)[^，。；：]{{0,4}}?(?:期限|时限)(?:内|以内)"
    rf"|(?:在|于)[^，。；：]{{2,24}}?(?:之前|以前|(?<![目当提院婚孕])前)(?![款期条述项列景往沿端台线提]|{_N}[款条项章])")
_NUM = r"(?:[0-9０-９.]+|[一二三四五六七八九十两百千万零]+)"
_QUANTITY = re.compile(
    rf"每[^，。；：]{{1,12}}?(?:不低于|不少于|不超过|不高于|至少|不足)[^，。；：]{{0,12}}?{_NUM}[^，。；：的]{{0,6}}"
    rf"|{_NUM}万?元以上(?:{_NUM}万?元)?以下(?:的)?罚款"
    rf"|{_NUM}(?:户|人|名)至{_NUM}(?:户|人|名)")


#: every time limit holds a number and its unit, or 期限/时限 (both hold 限), or 在/于 and 前 (LIMIT's
#: alternatives): cheap tests before the costly search, which tries its lazy lead-in at every place
_SPAN = re.compile(rf"{_N}{_UNIT}")


def deadline_in(text: str, a: int = 0, b: int | None = None) -> re.Match | None:
    """The first time limit in text[a:b]."""
    b = len(text) if b is None else b
    if _SPAN.search(text, a, b) is None and text.find("限", a, b) < 0 and not (
            text.find("前", a, b) >= 0 and (text.find("在", a, b) >= 0 or text.find("于", a, b) >= 0)):
        return None
    return LIMIT.search(text, a, b)


def leading_limit(text: str, a: int, b: int) -> re.Match | None:
    """A time limit that opens text[a:b] (应当[在三十日内]作出决定): the action starts after it."""
    m = LIMIT.match(text, a, b)
    return m if m and m.end() < b else None


#: every quantity holds one of these (每……不少于, ……元以上……以下的罚款, ……户至……户)
_QUANTITY_MAYBE = re.compile(r"[每元至]")


def quantity_in(text: str, a: int = 0, b: int | None = None) -> str | None:
    b = len(text) if b is None else b
    if _QUANTITY_MAYBE.search(text, a, b) is None:
        return None
    m = _QUANTITY.search(text, a, b)
    return m.group(0) if m else None
