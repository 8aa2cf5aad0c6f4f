"""The grammar of a regulation's lines: what each line of the source is (a 编/章/节 heading, an
article, an item or sub-item, a prologue, a table of contents, an annex, or plain text).

A line is judged on its own and on its neighbours' kinds only, never on a tree: keeping the
grammar apart from the tree builder (kb.text.parse) lets a new way of writing a heading or a
list be taught in one place, and lets the builder trust every line's kind.
"""
from __future__ import annotations

import re

from kb.text.numerals import NUMERAL_RE, number_key, parse_numeral

WS = r"[^\S\r\n]"
_N = f"({NUMERAL_RE})"
# 编, 分编, 章, 节: the label, then spaces, then the title (possibly spread out: 总　　则)
_HEADING = re.compile(rf"^{WS}*(?P<hashes>#+{WS}*)?(?P<label>第{_N}(?P<kind>分编|编|章|节))(?P<rest>.*)$")
_ARTICLE = re.compile(rf"^(?P<lead>{WS}*(?:#+{WS}*)?)(?P<label>第{_N}条(?:之{_N})?)(?P<rest>.*)$", re.S)
_ITEM = re.compile(rf"^{WS}*(?P<marker>[（(]{_N}[）)]|{_N}、)")
_SUBITEM = re.compile(rf"^{WS}*(?P<marker>([0-9]+|[０-９]+)[.．](?![0-9０-９]))")
_PROLOGUE = re.compile(rf"^{WS}*(?:#+{WS}*)?序{WS}*言{WS}*$")
_ANNEX = re.compile(rf"^{WS}*(?:#+{WS}*)?(?P<label>(?:附件|附表|附录){WS}*[0-9０-９一二三四五六七八九十]*)(?P<rest>(?:(?:{WS}+|{WS}*[:：（(])[^。；]{{0,40}})?)$")
_TOC = re.compile(rf"^{WS}*(?:#+{WS}*)?目{WS}*录{WS}*$")
_OPEN_CLOSE = {"（": "）", "(": ")", "【": "】", "〖": "〗", "[": "]"}
# a 第X条 at line start followed by one of these is prose that cites an article
_CITING_NEXT = ("规定", "的", "、", "，", ",", "至", "和", "或", "及", "中", "第", "所", "项", "款", "之规定")

#: the kinds of heading line, outermost first
HEADINGS = ("part", "subpart", "chapter", "section")


class Line:
    __slots__ = ("no", "start", "end", "content", "stripped", "kind", "m")

    def __init__(self, no: int, start: int, end: int, content: str, kind: str = "text",
                 m: re.Match | None = None):
        self.no = no              # 1-based
        self.start = start        # offset of the line in the text
        self.end = end            # offset after its line end
        self.content = content    # the line without its line end
        self.stripped = content.strip()
        self.kind = kind          # blank|text|part|subpart|chapter|section|article|item|subitem|prologue|annex|toc
        self.m = m


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    append = out.append
    # one string object for every equal short line (and the node texts made from it): a file of
    # a million one-character lines would otherwise hold a million copies of the character
    short: dict[str, str] = {}
    i = 0
    for raw in text.splitlines(keepends=True):
        i += 1
        n = len(raw)
        content = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if len(content) <= 8:
            content = short.setdefault(content, content)
        end = pos + n                # one int object: this line's end is the next line's start
        append(Line(i, pos, end, content))
        pos = end
    return out


# first characters (after spaces and Markdown #) of lines that may be more than plain text
_MAYBE = frozenset("第序目附（(" + "〇零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟0123456789０１２３４５６７８９")


def classify(lines: list[Line]) -> None:
    """Give every line its kind (and its match, for the builder to read labels and markers)."""
    maybe = _MAYBE
    for l in lines:
        s = l.stripped
        if not s:
            l.kind = "blank"
            continue
        c = s[0]
        if c == "#":
            c = s.lstrip("#").lstrip()[:1]
        if c not in maybe:
            continue
        m = _ARTICLE.match(l.content) if c == "第" else None
        if m and valid_numeral(m.group(3)) and (m.group(4) is None or valid_numeral(m.group(4))):
            l.kind, l.m = "article", m
            continue
        m = _HEADING.match(l.content)
        if m and valid_numeral(m.group(3)) and (m.group("hashes") or _is_heading_rest(m.group("rest"))):
            l.kind, l.m = {"编": "part", "分编": "subpart", "章": "chapter", "节": "section"}[m.group("kind")], m
            continue
        if _PROLOGUE.match(l.content):
            l.kind = "prologue"
            continue
        if _TOC.match(l.content):
            l.kind = "toc"
            continue
        m = _ANNEX.match(l.content)
        if m:
            l.kind, l.m = "annex", m
            continue
        m = item_marker(l.content)
        if m:
            l.kind, l.m = "item", m
            continue
        m = _SUBITEM.match(l.content)
        if m:
            l.kind, l.m = "subitem", m
    _demote_citing_lines(lines)


def malformed_article(content: str) -> str | None:
    """The label of a line that opens like an article (第……条) but whose number is no numeral
    (第一万万万条, 第十十条): the builder warns of it, as a numbering error."""
    m = _ARTICLE.match(content)
    if m and not (valid_numeral(m.group(3)) and (m.group(4) is None or valid_numeral(m.group(4)))):
        return m.group("label")
    return None


def valid_numeral(s: str | None) -> bool:
    try:
        parse_numeral(s or "")
        return True
    except ValueError:
        return False


# an item marker followed by one of these cites items (（一）至（三）项所列人员, （四）、（五）项) instead of opening one
_ITEM_CITING = re.compile(rf"^{WS}*(?:[至、和或及与]{WS}*(?:[（(]|第)|项(?=[所规的中情、，之]))")


def item_marker(s: str) -> re.Match | None:
    """The item marker s opens with (（一）, 一、), unless what follows it cites items rather than
    opening one; group "marker" is the marker as written."""
    m = _ITEM.match(s)
    if m and valid_numeral(m.group(2) or m.group(3)) and not _ITEM_CITING.match(s[m.end("marker"):]):
        return m
    return None


def _is_heading_rest(rest: str) -> bool:
    """A chapter title: empty, or after a space, or short and without sentence punctuation."""
    if not rest.strip():
        return True
    if rest[0].isspace():
        return not re.search(r"[。；]", rest)
    return len(rest) <= 30 and not re.search(r"[。，；、：:,]", rest) and not rest.startswith(("规定", "的"))


def _demote_citing_lines(lines: list[Line]) -> None:
    """A line opening with 第X条 but running straight into prose (第十条规定的……) is an article
    only when its number is the one expected next."""
    expected = None
    for l in lines:
        if l.kind != "article":
            continue
        num = article_number(l.m)
        rest = l.m.group("rest")
        glued = rest and not rest[0].isspace() and rest[0] not in "（(【〖[" and not rest.startswith("\n")
        if glued and (rest.startswith(_CITING_NEXT) or (expected is not None and num != expected)):
            l.kind, l.m = "text", None
            continue
        expected = _next_number(num)


def article_number(m: re.Match) -> int | str:
    """The number of an article line's match: 15, or "10-1" for 第十条之一."""
    base = parse_numeral(m.group(3))
    return f"{base}-{parse_numeral(m.group(4))}" if m.group(4) else base


def _next_number(num: int | str) -> int:
    return number_key(num)[0] + 1


def bracket_heading(s: str) -> tuple[str, tuple[str, str]] | None:
    """'（立法目的）……' -> ('立法目的', ('（', '）')) when s opens with a closed bracket group."""
    if not s or s[0] not in _OPEN_CLOSE:
        return None
    close = _OPEN_CLOSE[s[0]]
    end = s.find(close, 1)
    if end <= 1:
        return None
    inner = s[1:end]
    if len(inner) > 40 or re.search(r"[。；]", inner) or s[0] in "([" and not inner.strip():
        return None
    if s[0] in "（(" and valid_numeral(inner):
        return None          # （一）: an item marker, not a heading
    return inner, (s[0], close)


def digit_marker(marker: str) -> bool:
    """'1.' '１．' '1、' '（1）' '(1)': a marker numbered with digits, not Chinese numerals."""
    s = marker.lstrip(" \t\u3000（(")
    return bool(s) and s[0] in "0123456789０１２３４５６７８９"


def marker_style(marker: str) -> str:
    """'（1）' -> '（）', '1.' -> '.', '1、' -> '、': the marker without its number."""
    return re.sub(rf"{NUMERAL_RE}", "", marker.strip()).replace("(", "（").replace(")", "）").replace("．", ".")
