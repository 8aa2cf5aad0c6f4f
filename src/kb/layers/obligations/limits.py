"""Time limits and quantities of a statement.

A duty's figures (……之日起三十日内, 每百户不少于……, 五百元以上二千元以下的罚款) are stated
anywhere in its sentence; each statement of the sentence gets the sentence's first ones.
"""
from __future__ import annotations

import re

_DEADLINE = re.compile(
    r"(?:在|自|于)?[^，。；：]{0,20}?(?:之日起|之日|起)[^，。；：]{0,6}?"
    r"(?:[0-9０-９]+|[一二三四五六七八九十两百]+)个?(?:工作日|日|天|个月|月|年|小时)(?:内|以内)?"
    r"|(?:[0-9０-９]+|[一二三四五六七八九十两百]+)个?(?:工作日|日|天|个月|小时)(?:内|以内)")
_NUM = r"(?:[0-9０-９.]+|[一二三四五六七八九十两百千万零]+)"
_QUANTITY = re.compile(
    rf"每[^，。；：]{{1,12}}?(?:不低于|不少于|不超过|不高于|至少|不足)[^，。；：]{{0,12}}?{_NUM}[^，。；：的]{{0,6}}"
    rf"|{_NUM}万?元以上(?:{_NUM}万?元)?以下(?:的)?罚款"
    rf"|{_NUM}(?:户|人|名)至{_NUM}(?:户|人|名)")


def deadline_in(sent: str) -> str | None:
    m = _DEADLINE.search(sent)
    return m.group(0) if m else None


def quantity_in(sent: str) -> str | None:
    m = _QUANTITY.search(sent)
    return m.group(0) if m else None
