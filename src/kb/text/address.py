"""Addresses users type for a provision: 15, 第十五条第二款, 15.2, 15.1.3, 第15条, １５,
10-1, 第十条之一, 第十五条第一款第三项 … to (article, paragraph, item, subitem) and eids."""
from __future__ import annotations

import re

from kb.errors import KbError
from kb.text.numerals import NUMERAL_RE, parse_numeral, to_ascii_digits

_CN = re.compile(
    rf"^第?(?P<art>{NUMERAL_RE})条?(?:之(?P<sub>{NUMERAL_RE}))?"
    rf"(?:第(?P<para>{NUMERAL_RE})款)?(?:第(?P<item>{NUMERAL_RE})项)?(?:第(?P<subitem>{NUMERAL_RE})目)?$")
_DOTTED = re.compile(r"^(?P<art>\d+(?:-\d+)?)(?:\.(?P<para>\d+))?(?:\.(?P<item>\d+))?(?:\.(?P<subitem>\d+))?$")


def parse_address(text: str) -> tuple[int | str, int | None, int | None, int | None]:
    s = to_ascii_digits(re.sub(r"\s+", "", text)).replace("．", ".")
    s = s.replace("art_", "").replace("__para_", ".").replace("__point_", ".") if s.startswith("art_") else s
    m = _DOTTED.match(s)
    if m:
        art = m.group("art")
        art_no: int | str = art if "-" in art else int(art)
        return art_no, _int(m.group("para")), _int(m.group("item")), _int(m.group("subitem"))
    m = _CN.match(s)
    if m and s and (s.startswith("第") or s[0].isdigit() or "条" in s or m.group("art") == s):
        try:
            base = parse_numeral(m.group("art"))
            art_no = f"{base}-{parse_numeral(m.group('sub'))}" if m.group("sub") else base
            return (art_no, _num(m.group("para")), _num(m.group("item")), _num(m.group("subitem")))
        except ValueError:
            pass
    raise KbError(f"无法识别的条款编号“{text}”（示例：15、15.2、第十五条第二款、第十条之一）")


def to_eid(art, para=None, item=None, subitem=None) -> str:
    eid = f"art_{art}"
    if para is not None:
        eid += f"__para_{para}"
    elif item is not None:
        eid += "__para_1"
    if item is not None:
        eid += f"__point_{item}"
    if subitem is not None:
        eid += f"__point_{subitem}"
    return eid


def _int(s):
    return int(s) if s else None


def _num(s):
    return parse_numeral(s) if s else None
