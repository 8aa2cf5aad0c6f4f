"""Chinese and Arabic numerals: the one place kb reads them.

Numbers of articles, chapters and items (:func:`parse_numeral`): 一 … 九千九百九十九 (十五, 一百零五, 一千二百六十, 二十,
十), 〇/零, 两, the formal forms (壹贰叁…拾佰仟), ASCII and full-width digits.  Parsing is strict: a string that is not a
well-formed numeral raises ValueError, so callers can tell "第十五条" from prose that merely starts with 第.

Figures in running text (:func:`figure_value`, ``FIGURE_NUMERAL_RE``): quantities and amounts of money as a provision
writes them — 十五日, 10,000元, 1.5万元, 一亿五千万元 — read leniently on top of the strict reader: each part between 亿 and
万 is an Arabic number (thousands commas, decimals) or a strict numeral, and a figure that is none has no value (None)
instead of an error (kb.library.repeat compares the figures of a local article with its upper law's by value).
"""
from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9,
           "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}

#: characters that may appear in a numeral; use it to build regular expressions
NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟0-9０-９"
NUMERAL_RE = f"[{NUMERAL_CHARS}]+"

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def to_ascii_digits(s: str) -> str:
    """Full-width digits to ASCII (for matching only; source text is never rewritten)."""
    return s.translate(_FULLWIDTH)


@lru_cache(maxsize=10_000)          # as to_chinese's below
def parse_numeral(s: str) -> int:
    """'十五' -> 15, '一百零五' -> 105, '１５' -> 15, '二〇二三' -> 2023."""
    return _parse_numeral(s)


#: no text numbers its articles, chapters or items past this (一亿 and more is a mistake or an attack)
MAX_NUMBER = 99_999_999


def _parse_numeral(s: str) -> int:
    n = _value(s)
    if n > MAX_NUMBER:
        raise ValueError(f"数字过大：{s[:20]}")
    return n


def _value(s: str) -> int:
    s = to_ascii_digits(s.strip())
    if not s:
        raise ValueError("空数字")
    if len(s) > 20:
        raise ValueError(f"数字过长：{s[:20]}…")
    if s.isdigit():
        return int(s)
    if any(ch not in _DIGITS and ch not in _UNITS for ch in s):
        raise ValueError(f"不是中文数字：{s}")
    if not any(ch in _UNITS for ch in s):
        # digit-by-digit form: 二〇二三
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total, section, digit = 0, 0, None
    last_unit = 10 ** 9
    for ch in s:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0 and digit != 0:
                raise ValueError(f"数字格式错误：{s}")
            digit = _DIGITS[ch]
        else:
            unit = _UNITS[ch]
            if unit == 10000:
                if (section == 0 and not digit) or total:
                    raise ValueError(f"数字格式错误：{s}")    # 万 with nothing before it (一万万), or twice
                section = (section + (digit or 0)) * unit
                total += section
                section, digit, last_unit = 0, None, 10 ** 9
                continue
            if unit >= last_unit:
                raise ValueError(f"数字格式错误：{s}")
            if digit is None:
                # a bare leading 十 means 一十; elsewhere a unit needs a digit
                if unit == 10 and section == 0:
                    digit = 1
                else:
                    raise ValueError(f"数字格式错误：{s}")
            section += digit * unit
            digit, last_unit = None, unit
    return total + section + (digit or 0)


#: a figure as running text writes it (:func:`figure_value`): Arabic digits, whole with their thousands commas and decimals,
#: and Chinese numerals after them (10万, 1.5万), or Chinese numerals alone (十五, 一亿五千万) — for regular expressions
#: (kb.library.repeat's quantities and amounts; a pattern without decimals read 1.5万元 as 5万元, code review 22 item 7); 〇
#: is a digit as 零 is (a year written digit by digit: 二〇一二年 was read 一二年, a figure of twelve years)
FIGURE_NUMERAL_RE = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[零〇一二三四五六七八九十百千万亿两]*|[零〇一二三四五六七八九十百千万亿两]+)"
#: a figure's parts: what stands before 亿, before 万, and after them (each a :func:`_figure_part`)
_FIGURE_PARTS = re.compile(r"(?:([^亿万]*)亿)?(?:([^亿万]*)万)?([^亿万]*)")
_ARABIC = re.compile(r"\d+(?:\.\d+)?")


def figure_value(s: str) -> float | None:
    """The value of a figure of running text (``FIGURE_NUMERAL_RE``) in Chinese numerals (二十万, 一千零五十, 两千, 一九九七),
    Arabic ones (10000, 10,000, 1.5) or both (10万, 1.5万, 1亿); None when it is no number (a lone 万, 十十, 3千): the
    parts between 亿 and 万 are each an Arabic number or a strict numeral (:func:`parse_numeral`)."""
    m = _FIGURE_PARTS.fullmatch(to_ascii_digits(s.strip()).replace(",", ""))     # 10,000: a thousands comma
    if m is None or not s.strip():
        return None
    total = 0.0
    for part, unit in zip(m.groups(), (100_000_000, 10_000, 1)):
        if part is None or (part == "" and unit == 1):
            continue                    # no 亿 / 万, or nothing after the last of them (十万)
        value = _figure_part(part)
        if value is None:
            return None                 # 万 with nothing before it, or a part that is no numeral
        total += value * unit
    return total


def _figure_part(part: str) -> float | None:
    """A figure's part below 万 (:func:`figure_value`): an Arabic number with its decimals or a strict numeral."""
    if _ARABIC.fullmatch(part):
        return float(part)
    try:
        return float(parse_numeral(part))
    except ValueError:
        return None


# 10,000 numbers hold every article, item and year of a real text; a larger cache was 25 MB
# of a text of a million numbered paragraphs (issue 18, kb bench memory)
@lru_cache(maxsize=10_000)
def to_chinese(n: int) -> str:
    """15 -> '十五', 105 -> '一百零五', 1260 -> '一千二百六十'."""
    return _to_chinese(n)


def _to_chinese(n: int) -> str:
    if n < 0:
        raise ValueError(n)
    if n == 0:
        return "零"
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    if n >= 10000:
        parts.append(to_chinese(n // 10000) + "万")
        n %= 10000
        if n and n < 1000:
            parts.append("零")
    out = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit
        n %= unit
        if d:
            if zero:
                out += "零"
                zero = False
            out += digits[d] + name
        elif out:
            zero = True
    if out.startswith("一十") and not parts:
        out = out[1:]
    return "".join(parts) + out


def number_key(number: int | str) -> tuple[int, int]:
    """Sort key for article numbers: 10 < '10-1' < '10-2' < 11."""
    if isinstance(number, int):
        return (number, 0)
    base, _, sub = str(number).partition("-")
    return (int(base), int(sub or 0))


def article_label(number: int | str) -> str:
    """15 -> '第十五条'; '10-1' -> '第十条之一'."""
    base, sub = number_key(number)
    label = f"第{to_chinese(base)}条"
    return label + (f"之{to_chinese(sub)}" if sub else "")


def item_marker_number(marker: str) -> int | None:
    """'（三）' / '(三)' / '三、' / '3.' / '３．' -> 3."""
    m = re.match(rf"^[（(]?({NUMERAL_RE})[）)、.．]?", marker.strip())
    if not m:
        return None
    try:
        return parse_numeral(m.group(1))
    except ValueError:
        return None
