"""Every instruction form of the drafting conventions, read from hand-written decisions
(tests/data/amend: the corpus has no 关于修改《……》的决定) and from one-line snippets."""
from __future__ import annotations

import pytest

from conftest import DATA
from kb.errors import KbError
from kb.text.amendment import parse_amendment_text, read_amendment

HEAD = "关于修改《某市测试管理条例》的决定\n\n某市人民代表大会常务委员会决定对《某市测试管理条例》作如下修改：\n\n"


def one(instruction: str):
    am = parse_amendment_text(HEAD + "一、" + instruction + "\n\n本决定自公布之日起施行。\n")
    assert not am.warnings, [str(w) for w in am.warnings]
    assert am.rebuild() == am.text
    return am.instructions[0].ops


FORMS = [
    ("将第三条修改为：“为了测试，制定本条例。”", "replace", "第三条"),
    ("将第三条第二款修改为：“甲。”", "replace", "第三条第二款"),
    ("将第五条第一款第二项修改为：“（二）乙；”", "replace", "第五条第一款第二项"),
    ("将第三条第二款中的“甲”修改为“乙”", "replace_words", "第三条第二款"),
    ("删去第八条中的“甲”", "delete_words", "第八条"),
    ("在第二条中的“甲”后增加“乙”", "insert_words", "第二条"),
    ("删去第八条", "delete", "第八条"),
    ("删去第三条第二款", "delete", "第三条第二款"),
    ("删去第五条第三项", "delete", "第五条第三项"),
    ("在第十条后增加一条，作为第十一条：“甲。”", "insert", "第十条"),
    ("在第十条前增加一条，作为第十条：“甲。”", "insert", "第十条"),
    ("在第十条后增加一条，作为第十条之一：“甲。”", "insert", "第十条"),
    ("在第三条中增加一款，作为第三款：“甲。”", "add_paragraph", "第三条"),
    ("在第五条中增加一项，作为第三项：“（三）甲；”", "add_item", "第五条"),
    ("将第九条移至第十条后", "move", "第九条"),
    ("将本条例的名称修改为“某市测试质量管理条例”", "rename", "标题"),
    ("将第二章的章名修改为“测试活动规范”", "rename", "第二章章名"),
    ("删去第二章第二节", "delete", "第二章第二节"),
    ("删去第二章第二节的节名", "delete_heading", "第二章第二节节名"),
    ("在第三章前增加一章，作为第三章：“第三章　监督管理\n“第八条　甲。”", "insert", "第三章"),
    ("在第二章中增加一节，作为第二节，节名为“测试监督”", "insert", "第二章"),
    ("原第二款作为第三款，修改为：“甲。”", None, None),
]


@pytest.mark.parametrize("text,action,where", FORMS[:-1], ids=[f[0][:14] for f in FORMS[:-1]])
def test_each_form(text, action, where):
    op, = one(text)
    assert op.action == action
    place = op.anchor if op.action == "insert" else op.target
    assert place.citation() == where
    assert op.line == 5


def test_numbers_given_for_added_provisions():
    assert one("在第十条后增加一条，作为第十条之一：“甲。”")[0].numbers == ["10-1"]
    assert one("在第三条中增加一款，作为第三款：“甲。”")[0].numbers == [3]
    op, = one("在第十条后增加两条，分别作为第十一条、第十二条：“第十一条　甲。\n“第十二条　乙。”")
    assert (op.count, op.numbers, op.text) == (2, [11, 12], "第十一条　甲。\n第十二条　乙。")
    op, = one("在第三章前增加一章，作为第三章：“第三章　监督管理\n“第八条　甲。”")
    assert (op.unit, op.numbers, op.position) == ("章", [3], "before")
    op, = one("在第二章中增加一节，作为第二节，节名为“测试监督”")
    assert (op.unit, op.title, op.text, op.position) == ("节", "测试监督", None, "in")


def test_several_words_in_one_instruction_and_several_places():
    ops = one("将第一条中的“甲”修改为“乙”，“丙”修改为“丁”")
    assert [(o.old, o.text, o.target.article) for o in ops] == [("甲", "乙", 1), ("丙", "丁", 1)]
    op, = one("将第三条、第九条中的“市测试主管部门”修改为“市测试管理部门”")
    assert [t.article for t in op.targets] == [3, 9]
    op, = one("将第十条至第十二条中的“甲”修改为“乙”")
    assert [t.article for t in op.targets] == [10, 11, 12]


def test_the_added_paragraph_is_inside_the_restated_article():
    add, rep = one("在第三条中增加一款作为第二款，将该条修改为：“甲。\n“乙。”")
    assert add.informational and not rep.informational
    assert (rep.action, rep.target.article, rep.text) == ("replace", 3, "甲。\n乙。")


def test_renumbered_paragraph_restated():
    ops = one("在第十条中增加一款作为第二款：“甲。”\n\n原第二款作为第三款，修改为：“乙。”")
    assert [(o.action, o.target.citation(), o.numbers) for o in ops] == [
        ("add_paragraph", "第十条", [2]), ("replace", "第十条第二款", [3])]


def test_quotation_of_several_paragraphs_and_a_quotation_inside_one():
    op, = one("将第三条修改为：“本条例所称‘测试’，是指检验。\n\n“测试应当公正。”")
    assert op.text == "本条例所称‘测试’，是指检验。\n测试应当公正。"


def test_closing_sentences():
    am = read_amendment(str(DATA / "amend" / "decision-forms.txt"))
    assert am.renumber and am.republish and am.effective == "2024年7月1日"
    assert am.law == "某市测试管理条例" and am.date == "2024-06-01" and am.kind == "decision"
    assert len(am.instructions) == 18 and not am.warnings
    assert [s for s in am.segments if s[0] == "closing"]
    assert am.rebuild() == am.text


def test_amendment_style():
    am = read_amendment(str(DATA / "amend" / "amendment-forms.txt"))
    assert am.kind == "amendment" and not am.renumber and am.effective == "2024年7月1日"
    assert [len(i.ops) for i in am.instructions] == [1, 2, 2, 1]


def test_unreadable_instruction_is_reported_with_its_line():
    am = parse_amendment_text(HEAD + "一、将第一条中的“甲”修改为“乙”。\n\n二、把第三条写得好一些。\n")
    assert len(am.warnings) == 1 and am.warnings[0].line == 7 and "把第三条写得好一些" in am.warnings[0].message
    assert am.instructions[1].problems
    with pytest.raises(KbError) as e:
        read_amendment(str(DATA / "amend" / "bad-unreadable.txt"))
    assert e.value.line == 3 and "将第三条改得更加清楚一些" in e.value.message


def test_no_amendment_at_all():
    with pytest.raises(KbError, match="不是修正案或修改决定"):
        parse_amendment_text("某市关于加强测试工作的决定\n\n一、各部门应当重视测试工作。\n")
    with pytest.raises(KbError, match="文件为空"):
        parse_amendment_text("\n\n")
