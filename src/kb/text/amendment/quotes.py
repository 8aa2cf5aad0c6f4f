"""Split an instruction into its own words and the wording it quotes.

The conventions: quoted wording opens with “ and closes with ”; a quotation of several paragraphs
opens every paragraph with “ and closes only the last; wording quoted inside a quotation uses ‘’.
Some sources drop the “ of a paragraph (lists of items); a quotation then runs on to its ”.  A few
宪法修正案 give new text unquoted after 内容如下：.

The result is a *template*: the instruction's own words with each quotation replaced by one
private-use character (``QUOTE_BASE + k``), so that the clause grammar can be written as regular
expressions over the template, and each template character knows its offset in the source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_BASE = 0xE000
QUOTE_CHARS = f"[{chr(QUOTE_BASE)}-{chr(QUOTE_BASE + 0x7FF)}]"

# after 内容如下： the new text runs unquoted until a sentence that adjusts numbers or starts another clause
_UNQUOTED_LEAD = re.compile(r"内容如下[:：]\s*$")
_ITEM_LINE = re.compile(r"[（(][一二三四五六七八九十]+[）)]")
_UNQUOTED_END = re.compile(r"相应(?:地)?改为|^\s*(?:宪法|刑法|将|删去|在|原)")


@dataclass
class Quote:
    paragraphs: list[str]
    start: int            # offset in the source of the opening “ (or of the first unquoted line)
    end: int              # offset after the closing ”
    closed: bool = True   # False when the instruction ended before the closing ”

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class Template:
    text: str             # own words, whitespace dropped, line breaks kept as "\n", quotes as one char each
    offsets: list[int]    # source offset of every template character
    quotes: list[Quote]

    def quote(self, ch: str) -> Quote:
        return self.quotes[ord(ch) - QUOTE_BASE]


def template(text: str, base: int = 0) -> Template:
    """The template of ``text`` (an instruction's slice of the source, starting at offset ``base``)."""
    out: list[str] = []
    offs: list[int] = []
    quotes: list[Quote] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "“":
            q, i = _read_quote(text, i)
            q.start += base
            q.end += base
            if out and out[-1] >= chr(QUOTE_BASE) and quotes and _adjacent(text, quotes[-1], q, base):
                # “A”“B”: one quotation of two paragraphs
                quotes[-1].paragraphs += q.paragraphs
                quotes[-1].end = q.end
                continue
            _emit(out, offs, quotes, q)
            continue
        if c in "\r\n":
            if out and out[-1] != "\n":
                out.append("\n")
                offs.append(base + i)
            i += 1
            # unquoted new text after 内容如下：
            if _UNQUOTED_LEAD.search("".join(out[-12:]).replace("\n", "")):
                q, i = _read_unquoted(text, i)
                if q is not None:
                    q.start += base
                    q.end += base
                    _emit(out, offs, quotes, q)
            continue
        if c.isspace():
            i += 1
            continue
        out.append(c)
        offs.append(base + i)
        i += 1
    return Template("".join(out), offs, quotes)


def _emit(out: list[str], offs: list[int], quotes: list[Quote], q: Quote) -> None:
    """One quotation into the template, as one character."""
    if len(out) >= 2 and out[-1] == "\n" and out[-2] in ":：":
        # 修改为：⏎“……”: the quotation on the next line still follows the colon
        out.pop()
        offs.pop()
    out.append(chr(QUOTE_BASE + len(quotes)))
    offs.append(q.start)
    quotes.append(q)


def _adjacent(text: str, a: Quote, b: Quote, base: int) -> bool:
    """True when nothing but spaces (no line break) separates two quotations."""
    between = text[a.end - base:b.start - base]
    return not between.strip() and "\n" not in between


def _read_quote(text: str, i: int) -> tuple[Quote, int]:
    """The quotation opening at text[i] (“); returns it and the offset after it."""
    start = i
    i += 1
    depth = 1
    paras: list[str] = []
    cur: list[str] = []
    n = len(text)
    while i < n:
        c = text[i]
        if c == "“":
            depth += 1
        elif c == "”":
            depth -= 1
            if depth == 0:
                paras.append("".join(cur).strip())
                return Quote([p for p in paras if p] or [""], start, i + 1), i + 1
        elif c in "\r\n":
            # a paragraph break inside the quotation: the next paragraph opens with “ (or, in some
            # sources, does not); nested quotes never span lines
            j = i
            while j < n and text[j].isspace():
                j += 1
            paras.append("".join(cur).strip())
            cur = []
            if j < n and text[j] == "“":
                j += 1
            elif not _ITEM_LINE.match(text, j):
                # neither a quoted paragraph nor an item of a list: the closing ” is missing
                return Quote([p for p in paras if p] or [""], start, i, closed=False), i
            depth = 1
            i = j
            continue
        cur.append(c)
        i += 1
    paras.append("".join(cur).strip())
    return Quote([p for p in paras if p] or [""], start, n, closed=False), n


def _read_unquoted(text: str, i: int) -> tuple[Quote | None, int]:
    lines = []
    start = None
    n = len(text)
    pos = i
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        line = text[pos:end]
        s = line.strip()
        if s:
            if _UNQUOTED_END.search(s) and lines:
                break
            if start is None:
                start = pos
            lines.append(s)
        pos = end
    if not lines:
        return None, i
    last_end = pos
    # give back the trailing blank lines so the next clause keeps its line break
    while last_end > start and text[last_end - 1] in "\r\n \t\u3000":
        last_end -= 1
    return Quote(lines, start, last_end), last_end
