"""Read a 修改决定 or 修正案: its preamble (title, date), the intro (……决定对《X》作如下修改：),
the numbered instructions (一、…… or, in the 宪法修正案, 第三十二条 ……) and the closing sentences
(本决定自……起施行；《X》根据本决定作相应修改……重新公布).

Every character of the source belongs to one segment, so the amendment rebuilds its source
exactly.  A text that holds no amending instruction at all is refused, saying so.
"""
from __future__ import annotations

import bisect
import re

from kb.errors import KbError
from kb.text.amendment.clauses import Reading, read_clauses
from kb.text.amendment.quotes import template
from kb.text.amendment.records import Amendment, Instruction
from kb.text.grammar import Line, split_lines
from kb.text.model import Issue
from kb.text.numerals import NUMERAL_RE, parse_numeral
from kb.text.sources import INFO_END, Source, read_source

_N = NUMERAL_RE
_ORDINAL = re.compile(rf"^(?P<lead>[^\S\r\n]*)(?P<label>(?P<num>{_N})[、．.])")
_ARTICLE = re.compile(rf"^(?P<lead>[^\S\r\n]*)(?P<label>第(?P<num>{_N})条)(?=[^\S\r\n])")
_TITLE = re.compile(r"修正案|关于修改.{0,80}的决定")
_INTRO = re.compile(r"作如下修改|^为了")
_CLOSING = re.compile(r"^本(?:修正案|决定)自.{0,40}(?:施行|生效)|根据本决定作相应(?:的)?修改|^(?:此外，)?对条文(?:顺序|序号)作相应调整")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_MD_TITLE = re.compile(r"^#\s+(.+?)\s*$")


def read_amendment(path: str) -> Amendment:
    return parse_amendment(read_source(path))


def parse_amendment_text(text: str, source: str = "<text>") -> Amendment:
    return parse_amendment(Source(source, text, "utf-8", False, "text"))


def looks_like_amendment(src: Source) -> bool:
    """True when the text calls itself a 修正案 or 关于修改……的决定, or opens with 作如下修改."""
    lines = split_lines(src.text)
    pre = _preamble_end(lines, src.format)
    title = _title(lines[:pre], src.format) or ""
    if _TITLE.search(title):
        return True
    head = "".join(l.stripped for l in lines[pre:pre + 6])
    return "作如下修改" in head


def parse_amendment(src: Source) -> Amendment:
    lines = split_lines(src.text)
    if not any(l.stripped for l in lines):
        raise KbError("文件为空", src.path)
    starts = [l.start for l in lines]

    def line_at(offset: int) -> int:
        return bisect.bisect_right(starts, offset)

    pre = _preamble_end(lines, src.format)
    title = _title(lines[:pre], src.format)
    units = _units(lines, pre)
    first_unit = units[0][0] if units else len(lines)
    segments: list[tuple[str, int, int]] = []
    if pre:
        segments.append(("preamble", 0, lines[pre - 1].end))
    body_end = len(lines)
    closing_from = _closing_start(lines, units[-1][0] if units else pre, body_end)
    instructions: list[Instruction] = []
    warnings: list[Issue] = []
    total = Reading()
    # the intro: prose, and in a short 修正案 the one instruction it makes
    if first_unit > pre:
        end = min(first_unit, closing_from)
        s, e = lines[pre].start, lines[end - 1].end
        tpl = template(src.text[s:e], s)
        reading = read_clauses(tpl, line_at, prose_ok=True)
        _merge(total, reading)
        if reading.ops:
            instructions.append(Instruction(None, "", _first_text_line(lines, pre, end), s, e,
                                            src.text[s:e].strip(), reading.ops))
            segments.append(("instruction", s, e))
        else:
            segments.append(("intro", s, e))
    for k, (i, label, num, label_end) in enumerate(units):
        j = units[k + 1][0] if k + 1 < len(units) else closing_from
        j = max(j, i + 1)
        s, e = lines[i].start, lines[j - 1].end
        body_start = lines[i].start + label_end
        tpl = template(src.text[body_start:e], body_start)
        reading = read_clauses(tpl, line_at)
        _merge(total, reading)
        text = src.text[body_start:e].strip()
        if not reading.ops and reading.closing and not reading.problems:
            segments.append(("closing", s, e))
            continue
        ins = Instruction(num, label, lines[i].no, s, e, text, reading.ops,
                          [w for _, w in reading.problems])
        for off, w in reading.problems:
            warnings.append(Issue(src.path, line_at(off), f"{label}无法识别的修改指令：{w}"))
        instructions.append(ins)
        segments.append(("instruction", s, e))
    if closing_from < body_end:
        s, e = lines[closing_from].start, lines[-1].end
        tpl = template(src.text[s:e], s)
        reading = read_clauses(tpl, line_at, prose_ok=True)
        _merge(total, reading)
        segments.append(("closing", s, e))
    if not any(i.ops for i in instructions):
        if warnings and _TITLE.search(title or ""):
            w = warnings[0]
            raise KbError(w.message, src.path, w.line)
        why = "标题是修正案或修改决定，但" if _TITLE.search(title or "") else ""
        raise KbError(f"不是修正案或修改决定：{why}没有读出任何修改指令（将第X条修改为、删去第X条、"
                      f"在第X条后增加一条……）", src.path)
    kind = "amendment" if title and "修正案" in title else "decision"
    law = total.law or _law_from_title(title)
    # a 修改决定 that adds, deletes or moves articles renumbers them (the law is republished so),
    # even when it leaves 对条文顺序作相应调整 unsaid; a 修正案 keeps the numbers unless it says otherwise
    moves = any(op.action in ("insert", "move") or (op.action == "delete" and op.target.level == "article")
                for i in instructions for op in i.ops)
    renumber = total.renumber or (kind == "decision" and (total.republish or moves))
    return Amendment(src.path, src.text, title, kind, law, instructions, segments, date=_date(lines[:pre]),
                     effective=total.effective, renumber=renumber, republish=total.republish,
                     closing=total.closing, encoding=src.encoding, bom=src.bom, format=src.format,
                     warnings=warnings)


def _merge(total: Reading, r: Reading) -> None:
    total.law = total.law or r.law
    total.renumber |= r.renumber
    total.republish |= r.republish
    total.effective = total.effective or r.effective
    total.closing += r.closing


def _preamble_end(lines: list[Line], fmt: str) -> int:
    """Index of the first line after the preamble (title, dates, INFO END)."""
    for i, l in enumerate(lines):
        if l.content.strip() == INFO_END:
            j = i + 1
            while j < len(lines) and not lines[j].stripped:
                j += 1
            return j
    # plain text: the title block runs until the intro or the first instruction
    for i, l in enumerate(lines):
        s = l.stripped
        if s and (_INTRO.search(s) or _ORDINAL.match(l.content) or _ARTICLE.match(l.content)):
            return i
    return 0


def _title(lines: list[Line], fmt: str) -> str | None:
    for l in lines:
        s = l.stripped
        if not s or s == INFO_END:
            continue
        m = _MD_TITLE.match(s)
        if m:
            return m.group(1)
        if s[0] in "（(":
            continue
        return s
    return None


def _date(lines: list[Line]) -> str | None:
    for l in lines:
        if "通过" in l.stripped or "公布" in l.stripped:
            m = _DATE.search(l.stripped)
            if m:
                return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


def _units(lines: list[Line], start: int) -> list[tuple[int, str, int, int]]:
    """(line index, label, number, end of the label in the line) of each numbered instruction: 一、 二、 … or 第N条 running on."""
    out: list[tuple[int, str, int, int]] = []
    style = None
    expected = None
    for i in range(start, len(lines)):
        l = lines[i]
        if not l.stripped or l.stripped[0] in "“‘\"":
            continue
        for name, rx in (("ordinal", _ORDINAL), ("article", _ARTICLE)):
            if style not in (None, name):
                continue
            m = rx.match(l.content)
            if not m:
                continue
            try:
                num = parse_numeral(m.group("num"))
            except ValueError:
                continue
            if expected is None and name == "ordinal" and num != 1:
                continue
            if expected is not None and num != expected:
                continue
            style, expected = name, num + 1
            out.append((i, m.group("label"), num, m.end("label")))
            break
    return out


def _closing_start(lines: list[Line], after: int, end: int) -> int:
    """The first of the trailing lines that are closing sentences (本决定自……施行 …), or ``end``."""
    k = end
    while k > after + 1:
        s = lines[k - 1].stripped
        if not s:
            k -= 1
            continue
        if _CLOSING.search(s) and not _ORDINAL.match(lines[k - 1].content) and not _ARTICLE.match(lines[k - 1].content):
            k -= 1
            continue
        break
    # leave the blank lines before the closing with the last instruction
    while k < end and not lines[k].stripped:
        k += 1
    return k


def _first_text_line(lines: list[Line], a: int, b: int) -> int:
    return next((lines[i].no for i in range(a, b) if lines[i].stripped), lines[a].no)


def _law_from_title(title: str | None) -> str | None:
    if not title:
        return None
    m = re.search(r"关于修改《([^》]+)》", title)
    if m:
        return m.group(1)
    m = re.match(r"(.+?)修正案", title)
    return m.group(1) if m else None
