"""kb.amend.apply: a decision applied to a regulation gives the text the decision describes (hand-made
in tests/data/amend before kb existed), numbers adjusted, references updated, every untouched
character as it was; an instruction that cannot apply stops with its name and why."""
from __future__ import annotations

import re

import pytest

from conftest import CORPUS, DATA, SEED, need_shared
from kb.amend.apply import apply
from kb.amend.state import build
from kb.errors import KbError
from kb.text.amendment import parse_amendment_text, read_amendment
from kb.text.parse import parse_file, parse_text

AMEND = DATA / "amend"


def words(s: str) -> str:
    return re.sub(r"\s", "", s)


def test_decision_of_every_form_gives_the_hand_made_result():
    base = parse_file(str(AMEND / "base.txt"))
    res = apply(base, read_amendment(str(AMEND / "decision-forms.txt")))
    assert words(res.text) == words((AMEND / "expected-forms.txt").read_text(encoding="utf-8"))
    # the result is a regulation kb reads without a warning
    assert not parse_text(res.text).warnings
    # what changed, numbered before and after
    got = {(c.instruction, c.action, c.old, c.new) for c in res.changes}
    assert ("第十六项", "move", "第九条", "第十条") in got
    assert ("第三项", "delete", "第二条", "") in got
    assert ("第十八项", "insert", "", "第十一条") in got
    assert ("第九条", "第十条") in {(o, n) for o, n in res.renumbered}
    assert ("第九条", "本条例第六条", "本条例第五条") in res.references
    assert ("第十条", "（违反第五条的责任）", "（违反第四条的责任）") in res.references


def test_amendment_style_keeps_the_numbers():
    base = parse_file(str(AMEND / "base.txt"))
    res = apply(base, read_amendment(str(AMEND / "amendment-forms.txt")))
    assert words(res.text) == words((AMEND / "expected-amendment.txt").read_text(encoding="utf-8"))
    assert not res.renumbered and not res.references


def test_untouched_characters_stay_as_they_were():
    base = parse_file(str(AMEND / "base.txt"))
    res = apply(base, read_amendment(str(AMEND / "decision-forms.txt")))
    # the notes line and the untouched last article are byte-identical; only its label moved
    assert "（2020年1月1日某市人民代表大会常务委员会第一次会议通过）\n\n第一章　总则\n\n第一条（目的）" in res.text
    assert res.text.endswith("第十二条（施行日期）本条例自2020年3月1日起施行。\n")
    # with nothing to do, the text comes back exactly, for the seed and a corpus law
    for path in [SEED] + ([CORPUS / "宪法/宪法.md"] if CORPUS.exists() else []):
        doc = parse_file(str(path))
        assert build(doc).render() == doc.text


DEC = "关于修改《某市测试管理条例》的决定\n\n一、{}\n\n此外，对条文顺序作相应调整。\n"


def run(instruction: str, base: str | None = None):
    doc = parse_file(str(AMEND / "base.txt")) if base is None else parse_text(base)
    return apply(doc, parse_amendment_text(DEC.format(instruction)))


def test_words_replaced_everywhere_in_the_place_named_and_only_there():
    res = run("将第三条中的“测试主管部门”修改为“测试管理部门”。")
    assert res.text.count("测试管理部门负责") == 2 and "第九条（违反第五条的责任）测试机构不符合本条例第五条规定条件的，由市测试主管部门" in res.text
    # the article's own heading is changed only when its body does not have the words
    res = run("将第七条中的“紧急测试”修改为“应急测试”。")
    assert "第七条（应急测试）发生紧急情况的" in res.text
    res = run("将第八条中的“费用”修改为“收费”。")
    assert "第八条（费用）紧急测试不得收取额外收费。" in res.text


def test_an_item_added_inside_a_list_ends_as_its_neighbours():
    res = run("在第五条中增加一项，作为第二项：“（二）有健全的制度”。")
    assert "（二）有健全的制度；\n（三）有专业的人员；\n（四）有必要的设备。" in res.text


def test_an_item_deleted_renumbers_the_list_and_references_follow():
    base = ("某条例\n\n第一条　下列事项：\n（一）甲；\n（二）乙；\n（三）丙。\n\n第二条　前条第三项所列事项，依照本条例第一条第三项办理。\n")
    res = run("删去第一条第二项。", base)
    assert "（一）甲；\n（二）丙。" in res.text
    assert "依照本条例第一条第二项办理" in res.text


def test_a_paragraph_added_first_takes_the_labels_line():
    res = run("在第二条中增加一款，作为第一款：“本条例所称测试，是指检验。”")
    assert "第二条（适用范围）本条例所称测试，是指检验。\n本市行政区域内" in res.text or \
        "第二条（适用范围）本条例所称测试，是指检验。\n\n本市行政区域内" in res.text


def test_a_chapter_restated_whole():
    res = run("将第三章修改为：“第三章　罚则\n“第九条　违反本条例的，依法处理。\n“第十条　本条例自2020年3月1日起施行。”")
    assert "第三章　罚则" in res.text and "第十条（违反第六条" not in res.text
    assert words(res.text).endswith("第十条本条例自2020年3月1日起施行。")



def test_an_article_added_after_a_chapter_follows_its_last_article_and_one_before_it_precedes_its_heading():
    # (Applier.place: after a heading is after everything the heading holds, not right after its line)
    res = run("在第一章后增加一条：“第四条　本市鼓励测试。”")
    assert "区测试主管部门负责本辖区测试管理工作。\n\n第四条　本市鼓励测试。\n\n第二章　测试活动" in res.text
    res = run("在第二章第一节后增加一条：“第七条　节后条。”")
    assert "出具测试报告。\n\n第七条　节后条。\n\n第二节　特别规定" in res.text
    res = run("在第一章前增加一条：“第一条　章前条。”")
    assert "第一次会议通过）\n\n第一条　章前条。\n\n第一章　总则\n\n第二条（目的）" in res.text

BAD = [
    ("bad-words.txt", 5, "第二项（第三条第一款 修改字句）无法执行：第三条第一款中没有“省测试主管部门”"),
    ("bad-article.txt", 3, "原文没有第二十条（原文共 11 条：第一条至第十一条）"),
    ("bad-paragraph.txt", 3, "第一条没有第三款（原有 1 款）"),
]


@pytest.mark.parametrize("name,line,why", BAD)
def test_a_decision_that_does_not_apply_is_refused_naming_the_instruction(name, line, why):
    with pytest.raises(KbError) as e:
        apply(parse_file(str(AMEND / "base.txt")), read_amendment(str(AMEND / name)))
    assert why in e.value.message and e.value.line == line and e.value.file.endswith(name)


@pytest.mark.parametrize("instruction,why", [
    ("删去第三条第一款。删去第三条第二款。", "是该条唯一的一款，应删去整条"),
    ("在第五条中增加一项，作为第九项：“（九）甲。”", "该款现有 3 项，不能增加为第九项"),
    ("删去第二条。删去第二条。", "第二条已被前面的指令删去"),
    ("将第四章的章名修改为“附则”。", "原文没有第四章"),
    ("将第三章移至第一章后。", "只能移动条文"),
])
def test_more_refusals(instruction, why):
    with pytest.raises(KbError, match=why):
        run(instruction)


def test_the_latest_criminal_law_amendment_applies_to_the_consolidated_law():
    need_shared(CORPUS)
    law = parse_file(str(CORPUS / "刑法/刑法.md"))
    am = read_amendment(str(CORPUS / "刑法/刑法修正案（十二）(2023-12-29).md"))
    res = apply(law, am)
    # the consolidated text already reads so: applying it again changes no word
    assert words(res.text) == words(law.text)
    assert {c.old for c in res.changes} >= {"第一百六十五条", "第三百八十七条第一款", "第三百九十条"}


AMENDMENT = "某市测试管理条例修正案\n\n一、{}\n\n二、本修正案自2024年7月1日起施行。\n"


def test_an_article_added_in_a_chapter_takes_the_place_its_number_gives():
    # 作为第四条 in chapter 1 (第一条至第三条): after 第三条, at the chapter's end, the later articles shifted
    res = run("在第一章中增加一条，作为第四条：“（监督）市测试主管部门应当加强监督检查。”")
    assert words("第三条（部门职责）市测试主管部门负责本市测试管理工作。区测试主管部门负责本辖区测试管理工作。"
                 "第四条（监督）市测试主管部门应当加强监督检查。第二章测试活动") in words(res.text)
    assert "第五条（测试原则）" in res.text and not res.warnings
    # the first and the last place of a chapter with sections: before its first article, after its last
    res = run("在第二章中增加一条，作为第四条：“（定义）本条例所称测试，是指检验。”")
    assert words("第一节一般规定第四条（定义）本条例所称测试，是指检验。第五条（测试原则）") in words(res.text)
    res = run("在第二章中增加一条，作为第九条：“（备案）测试机构应当备案。”")
    assert words("第八条（费用）紧急测试不得收取额外费用。第九条（备案）测试机构应当备案。第三章法律责任") in words(res.text)
    # a 修正案 keeps the numbers: 第三条之一 follows 第三条 in its chapter
    doc = parse_file(str(AMEND / "base.txt"))
    res = apply(doc, parse_amendment_text(AMENDMENT.format("在第一章中增加一条，作为第三条之一：“（监督）应当加强监督。”")))
    assert words("负责本辖区测试管理工作。第三条之一（监督）应当加强监督。第二章") in words(res.text)


@pytest.mark.parametrize("instruction,why", [
    ("在第一章中增加一条，作为第九十九条：“（监督）应当加强监督。”", "第一章现有第一条至第三条，增加的条文不能作为第九十九条"),
    ("在第二章中增加一条，作为第二条：“（监督）应当加强监督。”", "第二章现有第四条至第八条，增加的条文不能作为第二条"),
    ("在第三章中增加一条，作为第九十九条：“（监督）应当加强监督。”", "增加的条文不能作为第九十九条"),
])
def test_an_article_whose_number_is_not_in_the_chapter_is_refused(instruction, why):
    with pytest.raises(KbError, match=why) as e:
        run(instruction)
    assert e.value.message.startswith("第一项") and e.value.line == 3


def test_a_numbered_article_added_in_a_chapter_by_an_amendment_keeps_the_numbers():
    # no renumbering: 第四条 in chapter 1 would be a second 第四条
    doc = parse_file(str(AMEND / "base.txt"))
    with pytest.raises(KbError, match="增加的第四条与原有条文重号"):
        apply(doc, parse_amendment_text(AMENDMENT.format("在第一章中增加一条，作为第四条：“（监督）应当加强监督。”")))
