"""The grammar of amending clauses: one instruction's template (kb.text.amendment.quotes) read into
operations (kb.text.amendment.records.Op).

Each clause is a regular expression over the template (T: a target phrase, Q: one quotation),
tried in order at the current position; the clauses of an instruction are separated by
punctuation or line breaks.  What no clause reads is reported with its line, never dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kb.text.amendment.quotes import QUOTE_CHARS, Template
from kb.text.amendment.records import Op, Target
from kb.text.amendment.targets import TARGET_RE, Anaphora, read_numbers, read_targets
from kb.text.numerals import NUMERAL_RE, parse_numeral

_N = NUMERAL_RE
T = rf"(?P<t>{TARGET_RE})"
Q = QUOTE_CHARS
_NUMBERED = rf"第{_N}(?:条(?:之{_N})?|款|项|章|节|编|分编|目)"
AS = rf"(?P<as>{_NUMBERED}(?:[、和至]{_NUMBERED})*)"
_POS = r"(?P<pos>之后|之前|后|前)"
_UNIT = r"(?P<cnt>" + _N + r")(?P<unit>款|项|条|章|节|目)"
_NAME = rf"(?:[，,]?(?:章名|节名|编名)为(?P<name>{Q}))?"
_TAIL = rf"(?:[，,。]?(?:规定|内容为|内容如下))?[:：]?(?P<q>{Q})?"

_CLAUSES: list[tuple[str, re.Pattern]] = [(name, re.compile(rx)) for name, rx in [
    ("prose", r"为了[^，,：:\n]*|[^，,；;。\n]*?决定(?:对(?P<law>《[^》]+》))?作如下修改[:：]?"
              r"|对(?P<law2>《[^》]+》)作如下修改[:：]?"),
    ("renumber_flag", r"(?:此外[，,])?对条文(?:顺序|序号)作相应调整"),
    ("republish", r"(?P<law>《[^》]+》)?根据本决定作相应(?:的)?修改(?P<order>并对条文(?:顺序|序号)作相应调整)?[，,]?重新公布"),
    ("effective", r"本(?:修正案|决定)自(?P<date>[^。；;\n]+?)(?:起)?(?:施行|生效)"),
    ("result", rf"这一(?P<what>自然段|款|条|项)相应(?:地)?修改为[:：]?(?P<b>{Q})"),
    ("renumber_replace", rf"原{T}(?:作为|改为|相应改为){AS}(?:[，,]?(?:并)?修改为[:：]?(?P<b>{Q}))?"),
    ("renumber", rf"{T}(?:相应(?:地)?|依次)改为{AS}"),
    ("move", rf"将{T}(?:移至|移到|调整至|调至)(?P<a>{TARGET_RE}){_POS}(?:[，,]作为{AS})?"),
    ("rename", rf"将{T}(?:的)?(?P<what>章名|节名|编名|分编名|标题|名称)修改为[:：]?(?P<b>{Q})"),
    ("rename2", rf"{T}(?P<what>章名|节名|编名)(?P<a>{Q})?修改为[:：]?(?P<b>{Q})"),
    ("replace_words", rf"将{T}(?:中的|中|的)(?P<a>{Q})修改为[:：]?(?P<b>{Q})"),
    ("replace", rf"将{T}修改为[:：]?(?P<b>{Q})"),
    ("delete_words", rf"删去{T}(?:中的|中|的)(?P<a>{Q})(?P<more>(?:[、和]{Q})*)"),
    ("delete_heading", rf"删去{T}(?:的)?(?P<what>章名|节名|编名)"),
    ("delete", rf"删去{T}"),
    ("insert_words", rf"在{T}(?:中的|中)(?P<a>{Q}){_POS}(?:增加|增写)[:：]?(?P<b>{Q})"),
    ("insert_words_here", rf"(?:在)?(?P<a>{Q}){_POS}(?:增加|增写)[:：]?(?P<b>{Q})"),
    ("replace_located", rf"{T}(?P<loc>{Q})中(?:的)?(?P<t2>第{_N}[项款])(?P<a>{Q})修改为[:：]?(?P<b>{Q})"),
    ("append_sentence", rf"{T}(?:中的|中)?(?P<a>{Q})?(?P<pos>后|末尾)增写一句[，,]?(?:内容为)?[:：]?(?P<b>{Q})"),
    ("append_end", rf"{T}末尾增加[:：]?(?P<b>{Q})"),
    ("add_provision", rf"{T}增加规定[:：]?(?P<b>{Q})"),
    ("add_at", rf"(?:在)?{T}(?P<loc>{Q})?{_POS}增加{_UNIT}[，,]?(?:分别)?(?:作为{AS})?{_NAME}{_TAIL}"),
    ("add_in", rf"(?:在)?{T}(?P<loc>{Q})?(?:中)?增加{_UNIT}[，,]?(?:分别)?(?:作为{AS})?{_NAME}{_TAIL}"),
    ("add_bare", rf"增加{_UNIT}[，,]?(?:分别)?(?:作为{AS})?{_NAME}{_TAIL}"),
    ("replace_text", rf"{T}[:：]?(?:中的|中)?(?P<a>{Q})修改为[:：]?(?P<b>{Q})"),
    ("pair", rf"(?P<a>{Q})修改为[:：]?(?P<b>{Q})"),
]]
_SEP = re.compile(r"[\s，,；;。：:]+|(?:并|同时|另外|此外)(?=[将在删增原对])")
_NEXT_SEP = re.compile(r"[，,；;。\n]")


@dataclass
class Reading:
    """What the clauses of one instruction (or the intro) say."""
    ops: list[Op] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)   # (offset, words)
    law: str | None = None
    renumber: bool = False
    republish: bool = False
    effective: str | None = None
    closing: list[str] = field(default_factory=list)


def read_clauses(tpl: Template, line_at, prose_ok: bool = False) -> Reading:
    """Read ``tpl`` clause by clause.  ``line_at(offset)`` gives a source line number; with
    ``prose_ok`` (the intro) words that are no clause are the preamble's prose, not problems."""
    r = Reading()
    t = tpl.text
    pos = 0
    prev: Target | None = None
    while pos < len(t):
        m = _SEP.match(t, pos)
        if m:
            pos = m.end()
            continue
        for name, rx in _CLAUSES:
            m = rx.match(t, pos)
            if m and m.end() > pos:
                break
        else:
            m = None
        if m is None:
            nxt = _NEXT_SEP.search(t, pos)
            end = nxt.start() if nxt else len(t)
            if not prose_ok:
                r.problems.append((tpl.offsets[pos], _show(tpl, t[pos:end])))
            pos = end
            continue
        line = line_at(tpl.offsets[pos])
        try:
            prev = _HANDLERS[name](m, tpl, line, prev, r)
        except (ValueError, Anaphora) as e:
            r.problems.append((tpl.offsets[pos], f"{_show(tpl, m.group(0))}（{_why(e)}）"))
        pos = m.end()
    _mark_restated(r.ops)
    return r


def _why(e: Exception) -> str:
    if isinstance(e, Anaphora):
        return f"“{e}”指向的条文前面没有出现"
    return f"无法读出“{e}”"


def _show(tpl: Template, s: str) -> str:
    """Template words with each quotation shown as “…”."""
    return "".join(f"“{tpl.quote(c).text[:20]}…”" if "\ue000" <= c <= "\ue7ff" else c for c in s)


def _targets(m: re.Match, prev: Target | None, group: str = "t") -> list[Target]:
    ts = read_targets(m.group(group), prev)
    return ts


def _q(tpl: Template, m: re.Match, group: str) -> str | None:
    s = m.groupdict().get(group)
    return tpl.quote(s).text if s else None


def _numbers(m: re.Match) -> tuple[str | None, list]:
    s = m.groupdict().get("as")
    return read_numbers(s) if s else (None, [])


# -- handlers: each appends its ops and returns the target later anaphora (该条) refers to ----------

def _prose(m, tpl, line, prev, r):
    law = m.groupdict().get("law") or m.groupdict().get("law2")
    if law:
        r.law = law.strip("《》")
    return prev


def _renumber_flag(m, tpl, line, prev, r):
    r.renumber = True
    r.closing.append(m.group(0))
    return prev


def _republish(m, tpl, line, prev, r):
    r.republish = True
    if m.group("order"):
        r.renumber = True
    if m.group("law"):
        r.law = r.law or m.group("law").strip("《》")
    r.closing.append(m.group(0))
    return prev


def _effective(m, tpl, line, prev, r):
    r.effective = m.group("date")
    r.closing.append(m.group(0))
    return prev


def _result(m, tpl, line, prev, r):
    if prev is None:
        raise Anaphora("这一" + m.group("what"))
    level = {"自然段": "prologue_paragraph", "款": "paragraph", "条": "article", "项": "item"}[m.group("what")]
    target = read_targets({"prologue_paragraph": "这一自然段", "paragraph": "这一款", "article": "这一条",
                           "item": "这一项"}[level], prev)[0]
    r.ops.append(Op("result", [target], line, text=_q(tpl, m, "b")))
    return prev


def _renumber_replace(m, tpl, line, prev, r):
    ts = _targets(m, _article_of(prev))
    unit, nums = _numbers(m)
    if m.group("b"):
        r.ops.append(Op("replace", ts, line, text=_q(tpl, m, "b"), numbers=nums, unit=unit))
    else:
        r.ops.append(Op("renumber", ts, line, numbers=nums, unit=unit, informational=True))
    return ts[0]


def _renumber(m, tpl, line, prev, r):
    ts = _targets(m, _article_of(prev))
    unit, nums = _numbers(m)
    if ts and ts[0].level == "article" and unit == "条":
        r.renumber = True
    r.ops.append(Op("renumber", ts, line, numbers=nums, unit=unit, informational=True))
    return prev


def _move(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    anchor = read_targets(m.group("a"), prev)[0]
    _, nums = _numbers(m)
    r.ops.append(Op("move", ts, line, position=_pos(m.group("pos")), anchor=anchor, numbers=nums))
    return ts[0]


def _rename(m, tpl, line, prev, r):
    what = m.group("what")
    if what in ("标题", "名称"):
        ts = [Target(law=_law_of(m.group("t")), title=True)]
    else:
        ts = [replace(t, name=True) for t in _targets(m, prev)]
    r.ops.append(Op("rename", ts, line, text=_q(tpl, m, "b"), old=_q(tpl, m, "a")))
    return ts[0]


def _replace_words(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    old, new = _q(tpl, m, "a"), _q(tpl, m, "b")
    r.ops.append(Op(_words_action(old, new), ts, line, text=new, old=old))
    return ts[0]


def _replace(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    if len(ts) == 1 and ts[0].title:
        r.ops.append(Op("rename", ts, line, text=_q(tpl, m, "b")))
    else:
        r.ops.append(Op("replace", ts, line, text=_q(tpl, m, "b")))
    return ts[0]


def _delete_words(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    words = [m.group("a")] + re.findall(Q, m.group("more") or "")
    for w in words:
        r.ops.append(Op("delete_words", ts, line, old=tpl.quote(w).text))
    return ts[0]


def _delete_heading(m, tpl, line, prev, r):
    ts = [replace(t, name=True) for t in _targets(m, prev)]
    r.ops.append(Op("delete_heading", ts, line))
    return ts[0]


def _delete(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    r.ops.append(Op("delete", ts, line))
    return ts[0]


def _insert_words(m, tpl, line, prev, r):
    ts = _targets(m, prev) if m.groupdict().get("t") else _here(prev)
    # 增写 adds a phrase to a list or a sentence: it takes the list's comma, which is not quoted
    unit = "句" if "增写" in m.group(0) else None
    r.ops.append(Op("insert_words", ts, line, text=_q(tpl, m, "b"), old=_q(tpl, m, "a"),
                    position=_pos(m.group("pos")), unit=unit))
    return ts[0]


def _append_sentence(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    old = _q(tpl, m, "a")
    r.ops.append(Op("insert_words", ts, line, text=_q(tpl, m, "b"), old=old,
                    position="after" if old else "end", unit="句"))
    return ts[0]


def _append_end(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    r.ops.append(Op("insert_words", ts, line, text=_q(tpl, m, "b"), position="end"))
    return ts[0]


def _add_provision(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    r.ops.append(Op("add_paragraph", ts, line, text=_q(tpl, m, "b"), position="end", unit="款"))
    return ts[0]


def _add(m, tpl, line, prev, r):
    """增加一款/一项/一条/一章/一节 (in, after or before a target, or on its own)."""
    gd = m.groupdict()
    unit = gd["unit"]
    count = parse_numeral(gd["cnt"])
    _, nums = _numbers(m)
    text = _q(tpl, m, "q")
    name = _q(tpl, m, "name")
    loc = _q(tpl, m, "loc")
    if gd.get("t"):
        anchor_ts = _targets(m, prev)
    else:
        anchor_ts = []
    pos = _pos(gd.get("pos")) if gd.get("pos") else ("in" if anchor_ts else None)
    if unit in ("款", "项", "目"):
        base = anchor_ts or _here(_article_of(prev) if unit == "款" else prev)
        action = "add_paragraph" if unit == "款" else "add_item"
        t = replace(base[0], locator=loc) if loc else base[0]
        op = Op(action, [t], line, text=text, numbers=nums, unit=unit, position=pos)
        if count != max(1, len(nums)) and nums:
            raise ValueError(m.group(0))
        r.ops.append(op)
        return t
    if unit in ("章", "节") and text is not None and "\n" not in text and not name and not _has_articles(text):
        name, text = text, None             # 增加一节，作为第七节“监察委员会”: the quotation is the name
    if not anchor_ts and unit == "条" and r.ops and r.ops[-1].action == "insert" and r.ops[-1].unit in ("章", "节") \
            and r.ops[-1].text is None:
        # 增加一节……；增加五条……内容如下: the articles belong to the heading just added
        head = r.ops[-1]
        head.text = text
        head.article_numbers = nums
        return prev
    anchor = anchor_ts[0] if anchor_ts else None
    if anchor is not None and loc:
        anchor = replace(anchor, locator=loc)
    r.ops.append(Op("insert", [anchor] if anchor else [], line, text=text, numbers=nums, unit=unit, position=pos,
                    anchor=anchor, title=name, count=count))
    return anchor or prev


def _replace_located(m, tpl, line, prev, r):
    """宪法第六十七条“……行使下列职权”中第六项“A”修改为“B”: the quoted lead-in singles out the paragraph."""
    base = replace(_targets(m, prev)[0], locator=_q(tpl, m, "loc"))
    t = read_targets(m.group("t2"), base)[0]
    t.locator = base.locator
    old, new = _q(tpl, m, "a"), _q(tpl, m, "b")
    r.ops.append(Op(_words_action(old, new), [t], line, text=new, old=old))
    return base


def _replace_text(m, tpl, line, prev, r):
    ts = _targets(m, prev)
    old, new = _q(tpl, m, "a"), _q(tpl, m, "b")
    r.ops.append(Op(_words_action(old, new, quoted_whole=True), ts, line, text=new, old=old))
    return ts[0]


def _pair(m, tpl, line, prev, r):
    if prev is None:
        raise Anaphora("“……”修改为")
    old, new = _q(tpl, m, "a"), _q(tpl, m, "b")
    r.ops.append(Op(_words_action(old, new), _here(prev), line, text=new, old=old))
    return prev


def _words_action(old: str | None, new: str | None, quoted_whole: bool = False) -> str:
    """“A”“B”修改为“C”: several paragraphs quoted are restated paragraphs, one is words."""
    if quoted_whole and old is not None and ("\n" in old or "\n" in (new or "")):
        return "replace_text"
    return "replace_words"


def _has_articles(text: str) -> bool:
    return bool(re.search(rf"(^|\n)第{_N}条", text))


def _here(prev: Target | None) -> list[Target]:
    if prev is None:
        raise Anaphora("该处")
    return [prev]


def _article_of(prev: Target | None) -> Target | None:
    return prev.article_only() if prev is not None and prev.article is not None else prev


def _law_of(s: str) -> str | None:
    m = re.match(r"(刑法|宪法|《[^》]+》)", s)
    return m.group(1).strip("《》") if m else None


def _pos(s: str | None) -> str | None:
    return {"后": "after", "之后": "after", "前": "before", "之前": "before", "末尾": "end"}.get(s or "", s)


def _mark_restated(ops: list[Op]) -> None:
    """在第X条中增加一款作为第二款，将该条修改为“……”: the whole article is restated, so the added
    paragraph is already in it; the addition is kept for the list of changes only."""
    for i, op in enumerate(ops):
        if op.action == "replace" and op.target.level == "article":
            for prior in ops[:i]:
                if prior.action in ("add_paragraph", "add_item") and prior.target.article == op.target.article:
                    prior.informational = True


_HANDLERS = {
    "prose": _prose, "renumber_flag": _renumber_flag, "republish": _republish, "effective": _effective,
    "result": _result, "renumber_replace": _renumber_replace, "renumber": _renumber, "move": _move,
    "rename": _rename, "rename2": _rename, "replace_words": _replace_words, "replace": _replace,
    "delete_words": _delete_words, "delete_heading": _delete_heading, "delete": _delete,
    "insert_words": _insert_words, "insert_words_here": _insert_words, "append_sentence": _append_sentence,
    "append_end": _append_end, "add_provision": _add_provision, "add_at": _add, "add_in": _add, "add_bare": _add,
    "replace_text": _replace_text, "pair": _pair, "replace_located": _replace_located,
}
