"""Write a drafted decision (kb.amend.draft) in the drafting office's words: plain text,
Markdown or Word.

A 修改决定 is titled 关于修改《X》的决定, opens with ……决定对《X》作如下修改：, numbers its
instructions 一、二、…, and closes with 本决定自……起施行 and 《X》根据本决定作相应修改（并对条文顺序作
相应调整），重新公布.  A 修正案 (``--style amendment``) is titled X修正案, adds articles as 第X条之一
and closes with 本修正案自……起施行.  Quoted wording of several paragraphs opens each with “ and
closes only the last.
"""
from __future__ import annotations

import re

from kb.outputs.docprops import NOW, DocProps, stamp
from kb.text.amendment.records import Op, Target
from kb.text.numerals import article_label, to_chinese

_UNIT = {"part": "编", "subpart": "分编", "chapter": "章", "section": "节"}
_NAME = {"part": "编名", "subpart": "分编名", "chapter": "章名", "section": "节名"}


def quote(text: str) -> str:
    """“p1⏎“p2⏎“p3”: every paragraph opens a quotation, only the last closes it."""
    paras = [nested(p) for p in (text or "").split("\n") if p.strip()] or [""]
    return "\n".join("“" + p for p in paras) + "”"


def nested(s: str) -> str:
    """A quotation inside a quotation is written ‘’ (本法所称‘社区’)."""
    return (s or "").replace("“", "‘").replace("”", "’")


def where(t: Target) -> str:
    """第十条第二款 / 第三章第一节 / 序言第七自然段 (without 章名)."""
    return t.citation().removesuffix(_NAME.get(t.level, "\0")).removesuffix("名称")


def _as(numbers: list, unit: str) -> str:
    def one(n):
        if unit == "条":
            return article_label(n)
        return f"第{to_chinese(n)}{unit}"
    if len(numbers) == 1:
        return "作为" + one(numbers[0])
    plain = all(isinstance(n, int) for n in numbers) and numbers == list(range(numbers[0], numbers[-1] + 1))
    if plain and len(numbers) > 2:
        return f"分别作为{one(numbers[0])}至{one(numbers[-1])}"
    return "分别作为" + "、".join(one(n) for n in numbers)


def _count(n: int) -> str:
    return "两" if n == 2 else to_chinese(n)


def ops_text(ops: list[Op], law: str = "", title: str = "") -> str:
    """The operations of one instruction, joined by ；, words replaced in one place written once
    (将第十八条中的“A”修改为“B”，“C”修改为“D”); a final full stop unless a quotation ends it."""
    parts: list[str] = []
    prev = None
    for op in ops:
        if op.action == "replace_words" and prev is not None and prev.action == "replace_words" \
                and prev.targets == op.targets:
            parts[-1] += f"，“{nested(op.old)}”修改为“{nested(op.text)}”"
        else:
            parts.append(op_text(op, law, title))
        prev = op
    s = "；".join(parts)
    return s if s.endswith("”") and ops[-1].action not in ("replace_words", "delete_words", "insert_words",
                                                            "rename") else s + "。"


#: the words of each operation ({w}: where, {q}: the quotation, {side}: 前/后 …)
_WORDS = {
    "replace": "将{w}修改为：{q}",
    "replace_words": "将{w}中的“{old}”修改为“{new}”",
    "delete_words": "删去{w}中的“{old}”",
    "insert_words": "在{w}中的“{old}”{side}增加“{new}”",
    "delete": "删去{w}",
    "delete_heading": "删去{w}的{name}",
    "move": "将{w}移至{law}{anchor}{side}",
    "add_paragraph": "在{w}中增加一款，{as_}：{q}",
    "add_item": "在{w}中增加一项，{as_}：{q}",
}


def op_text(op: Op, law: str = "", title: str = "") -> str:
    """One operation in the conventions' words (``law``: 刑法 in a 修正案, "" in a decision;
    ``title``: the amended law's title, for 本条例的名称)."""
    t = op.target
    a = op.action
    if a == "insert":
        return _insert_text(op, law)
    if a == "rename":
        if t.title:
            return f"将本{_kind_word(title)}的名称修改为“{nested(op.text)}”"
        return f"将{law}{where(t)}的{_NAME.get(t.level, '名称')}修改为“{nested(op.text)}”"
    if a not in _WORDS:
        raise ValueError(a)
    return _WORDS[a].format(
        w=law + where(t) if op.targets else "", q=quote(op.text) if op.text is not None else "",
        old=nested(op.old), new=nested(op.text), side="前" if op.position == "before" else "后",
        name=_NAME.get(t.level, "名称"), law=law, anchor=where(op.anchor) if op.anchor else "",
        as_=_as(op.numbers, "款" if a == "add_paragraph" else "项") if op.numbers else "")


def _kind_word(title: str) -> str:
    """条例 for 《……条例》, 法 for 《……法》 (本条例的名称 / 本法的名称)."""
    m = re.search(r"(条例|办法|规定|细则|规则|决定|法)(?:[（(][^）)]*[）)])?$", title or "")
    return m.group(1) if m else "法"


def _insert_text(op: Op, law: str) -> str:
    unit = op.unit or "条"
    place = ""
    if op.anchor is not None:
        side = {"after": "后", "before": "前", "in": "中"}[op.position or "after"]
        place = f"在{law}{where(op.anchor)}{side}"
    n = op.count if unit == "条" else 1
    head = f"{place}增加{_count(n)}{unit}"
    if op.numbers:
        head += "，" + _as(op.numbers, unit)
    if unit != "条" and op.text is None:
        return f"{head}，{_NAME_FOR[unit]}为“{nested(op.title)}”"
    return f"{head}：{quote(op.text)}"


_NAME_FOR = {"章": "章名", "节": "节名", "编": "编名"}


def decision_text(d, effective: str | None = None) -> str:
    """The whole decision (or 修正案) as plain text."""
    law = d.law or "本法"
    body = []
    if d.style == "amendment":
        title = f"{law}修正案"
        short = "刑法" if law.endswith("刑法") else ""
        for k, ops in enumerate(d.instructions, 1):
            body.append(f"{to_chinese(k)}、" + ops_text(ops, short, law))
        body.append(f"本修正案自{effective or '公布之日'}起施行。")
        return title + "\n\n" + "\n\n".join(body) + "\n"
    title = f"关于修改《{law}》的决定"
    intro = f"决定对《{law}》作如下修改："
    for k, ops in enumerate(d.instructions, 1):
        body.append(f"{to_chinese(k)}、" + ops_text(ops, "", law))
    if d.renumber:
        body.append("此外，对条文顺序作相应调整。")
    body.append(f"本决定自{effective or '公布之日'}起施行。")
    order = "并对条文顺序作相应调整" if d.renumber else ""
    body.append(f"《{law}》根据本决定作相应修改{order}，重新公布。")
    return title + "\n\n" + intro + "\n\n" + "\n\n".join(body) + "\n"


def markdown(text: str) -> str:
    """The decision as Markdown: its title a heading, each paragraph a paragraph."""
    lines = text.split("\n")
    out = ["# " + lines[0], ""]
    out += [l if l else "" for l in lines[1:]]
    return "\n".join(out).rstrip("\n") + "\n"


def docx_bytes(text: str, when: str | None = NOW) -> bytes:
    """The decision as a Word document: title centred and bold, paragraphs indented two characters;
    its properties (kb.outputs.docprops) the decision's title, kb and ``when``."""
    import io

    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Docx()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "SimSun")
    style.font.size = Pt(14)
    lines = [l for l in text.split("\n")]
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(lines[0])
    run.bold = True
    run.font.size = Pt(18)
    for l in lines[1:]:
        if not l.strip():
            continue
        p = doc.add_paragraph(l)
        p.paragraph_format.first_line_indent = Pt(28)
    buf = io.BytesIO()
    doc.save(buf)
    return stamp(buf.getvalue(), DocProps(lines[0].strip(), when=when))
