"""Every parsing rule of issue 2, each on a small hand-written text (plus the seed)."""
from __future__ import annotations

import json

import pytest

from conftest import SHARED_SEED, need_shared, run_kb
from kb.text.parse import parse_file, parse_text


def parse(text: str, **kw):
    doc = parse_text(text, **kw)
    assert doc.rebuild() == doc.text, "lossless"
    return doc


def kinds(doc, kind):
    return list(doc.nodes(kind))


def paras(art):
    return [c for c in art.children if c.kind == "paragraph"]


# -- preamble -------------------------------------------------------------------------------

PREAMBLE = """附件1

某某市测试条例

（草案征求意见稿）

（2023年1月1日某某市人民代表大会常务委员会第一次会议通过）

目　录

第一章　总　　则
第二章　附　　则

第一章　总　　则

第一条　为了测试，制定本条例。

第二章　附　　则

第二条　本条例自2023年 月 日起施行。
"""


def test_preamble_attachment_title_status_notes_and_toc():
    doc = parse(PREAMBLE)
    assert doc.title == "某某市测试条例"
    assert doc.status == "草案征求意见稿"
    assert doc.meta["notes"] == ["2023年1月1日某某市人民代表大会常务委员会第一次会议通过"]
    pre = doc.root.children[0]
    assert pre.kind == "preamble" and pre.line == 1
    assert "附件1" in pre.text and "目　录" in pre.text
    # the table of contents lists chapters that are not chapters of the body
    assert [(c.label, c.title, c.line) for c in doc.chapters] == [("第一章", "总　　则", 14), ("第二章", "附　　则", 18)]
    assert [c.eid for c in doc.chapters] == ["chp_1", "chp_2"]
    assert kinds(doc, "annex") == []      # 附件1 before the title is not an annex
    assert [a.ancestor("chapter").eid for a in doc.articles] == ["chp_1", "chp_2"]


@pytest.mark.parametrize("suffix,status,stage", [("（草案）", "草案", "vote"),
                                                 ("（草案征求意见稿）", "草案征求意见稿", "comment"),
                                                 ("(草案修改稿)", "草案修改稿", "vote"), ("（送审稿）", "送审稿", "vote")])
def test_a_title_line_ending_in_the_drafts_status_is_a_draft(suffix, status, stage, tmp_path, capsys):
    # the usual form of a draft, ××条例（草案） on the title line, reads as ××条例 with the status, as when
    # （草案） stands on its own line; and kb check then checks it as a draft (review item 6)
    need_shared()
    seed = SHARED_SEED.read_text(encoding="utf-8")
    own_line = "遂宁市社区发展治理促进条例\n\n（草案征求意见稿）"
    assert own_line in seed
    f = tmp_path / "条例.txt"
    f.write_text(seed.replace(own_line, "遂宁市社区发展治理促进条例" + suffix, 1), encoding="utf-8")
    doc = parse_file(str(f))
    assert (doc.title, doc.status) == ("遂宁市社区发展治理促进条例", status)
    rc, out, _ = run_kb(["check", str(f), "--format", "json"], tmp_path, capsys)
    assert json.loads(out)["stage"] == stage


def test_a_title_in_trial_keeps_its_words_and_other_brackets_are_kept():
    # ××办法（试行） is the title of an adopted text; a bracket inside the title is not a status
    assert (parse("某市测试办法（试行）\n\n第一条　为了测试，制定本办法。\n").title) == "某市测试办法（试行）"
    doc = parse("重庆市区县（自治县）测试条例\n\n第一条　为了测试，制定本条例。\n")
    assert (doc.title, doc.status) == ("重庆市区县（自治县）测试条例", None)
    doc = parse("# 某市测试条例（草案）\n\n第一条　为了测试，制定本条例。\n")
    assert (doc.title, doc.status) == ("某市测试条例", "草案")


def test_toc_of_headings_only_even_when_the_body_omits_them():
    text = "测试条例\n\n第一章 总则\n\n第二章 管理\n\n第三章 附则\n\n第一条 甲。\n\n第二条 乙。\n"
    doc = parse(text)
    assert doc.chapters == []
    assert "第三章 附则" in doc.root.children[0].text
    assert [a.number for a in doc.articles] == [1, 2]


def test_metadata_title_and_status_win_over_the_text():
    doc = parse_text(PREAMBLE, meta={"title": "另一个标题", "status": "通过", "regulation": "x"})
    assert (doc.title, doc.status, doc.meta["regulation"]) == ("另一个标题", "通过", "x")


# -- parts, sub-parts, chapters, sections -----------------------------------------------------

CODE = """中华人民共和国测试法典

第一编　总　　则

第一章　基本规定

第一条　第一条正文。

第二章　自然人

第一节　民事权利能力

第二条　第二条正文。

第二节　监护

第三条　第三条正文。

第二编　物　　权

第一分编　通　　则

第一章　一般规定

第四条　第四条正文。

第二分编　所有权

第二章　所有权的取得

第五条　第五条正文。
"""


def test_parts_subparts_and_chapters_restarting_in_each_part():
    doc = parse(CODE)
    assert [p.eid for p in kinds(doc, "part")] == ["part_1", "part_2"]
    assert [p.title for p in kinds(doc, "part")] == ["总　　则", "物　　权"]
    assert [s.eid for s in kinds(doc, "subpart")] == ["part_2__subpart_1", "part_2__subpart_2"]
    assert [c.eid for c in doc.chapters] == ["part_1__chp_1", "part_1__chp_2", "part_2__chp_1", "part_2__chp_2"]
    assert [c.number for c in doc.chapters] == [1, 2, 1, 2]
    assert [s.eid for s in kinds(doc, "section")] == ["part_1__chp_2__sec_1", "part_1__chp_2__sec_2"]
    art4 = doc.article(4)
    assert art4.ancestor("chapter").eid == "part_2__chp_1"
    assert art4.ancestor("subpart").eid == "part_2__subpart_1"
    assert art4.ancestor("part").eid == "part_2"
    assert doc.article(3).ancestor("section").title == "监护"
    assert not doc.warnings


@pytest.mark.parametrize("line,label,title", [
    ("第一章 总则", "第一章", "总则"),                 # normal space
    ("第一章　总则", "第一章", "总则"),                # full-width space
    ("第一章总则", "第一章", "总则"),                  # no space
    ("第一章　总　　则", "第一章", "总　　则"),        # title spread out, kept as written
    ("　　第一章　总　则", "第一章", "总　则"),        # leading spaces
    ("## 第一章 总则", "第一章", "总则"),              # Markdown heading
    ("第一章", "第一章", None),                        # no title
])
def test_chapter_heading_forms(line, label, title):
    doc = parse(f"测试条例\n\n{line}\n\n第一条　正文。\n")
    (c,) = doc.chapters
    assert (c.label, c.title, c.eid, c.number) == (label, title, "chp_1", 1)


def test_section_heading_with_no_space():
    doc = parse("测试条例\n第一章 总则\n第一节一般规定\n第一条 正文。\n")
    (s,) = kinds(doc, "section")
    assert (s.eid, s.label, s.title) == ("chp_1__sec_1", "第一节", "一般规定")


def test_a_sentence_starting_with_a_chapter_label_is_not_a_heading():
    doc = parse("测试条例\n第一章 总则\n第一条 正文：\n第二章规定的事项，由市政府负责。\n")
    assert len(doc.chapters) == 1
    assert [p.text for p in paras(doc.article(1))] == ["正文：", "第二章规定的事项，由市政府负责。"]


# -- articles -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,heading,brackets,body", [
    ("第一条（立法目的）为了测试，制定本条例。\n", "立法目的", ("（", "）"), "为了测试，制定本条例。"),
    ("第一条 【适用范围】本条例适用于本市。\n", "适用范围", ("【", "】"), "本条例适用于本市。"),
    ("第一条　〖定义〗本条例所称社区，是指居委会辖区。\n", "定义", ("〖", "〗"), "本条例所称社区，是指居委会辖区。"),
    ("第一条（立法目的）\n为了测试，制定本条例。\n", "立法目的", ("（", "）"), "为了测试，制定本条例。"),
    ("第一条\n（立法目的）\n为了测试，制定本条例。\n", "立法目的", ("（", "）"), "为了测试，制定本条例。"),
    ("第一条\n【立法目的】\n\n为了测试，制定本条例。\n", "立法目的", ("【", "】"), "为了测试，制定本条例。"),
    ("第一条 为了测试，制定本条例。\n", None, None, "为了测试，制定本条例。"),
    ("第一条\n为了测试，制定本条例。\n", None, None, "为了测试，制定本条例。"),
    ("第一条 （删去）\n", None, None, "（删去）"),
    ("第一条（删去）\n", None, None, "（删去）"),
    ("第一条\n（删去）\n", None, None, "（删去）"),
])
def test_article_heading_and_body(text, heading, brackets, body):
    doc = parse("测试条例\n\n" + text + "第二条 下一条。\n")
    a = doc.article(1)
    assert (a.title, a.brackets, a.heading) == (heading, brackets, heading)
    assert [p.text for p in paras(a)] == [body]
    assert a.label == "第一条" and a.eid == "art_1" and a.citation == "第一条"
    # the brackets are in the article's own slice, so the text can be rebuilt
    if heading:
        assert brackets[0] + heading + brackets[1] in doc.raw(a)


def test_leading_spaces_and_missing_blank_lines():
    doc = parse("测试条例\n　　第一条　甲。\n  第二条 乙。\n\t第三条\t丙。\n第四条 丁。\n")
    assert [a.number for a in doc.articles] == [1, 2, 3, 4]
    assert [paras(a)[0].text for a in doc.articles] == ["甲。", "乙。", "丙。", "丁。"]
    assert [a.line for a in doc.articles] == [2, 3, 4, 5]


def test_body_on_same_and_next_lines_makes_paragraphs():
    doc = parse("测试条例\n\n第一条 第一款。\n第二款。\n\n　　第三款。\n\n第二条\n甲款。\n乙款。\n")
    a1, a2 = doc.articles
    assert [(p.number, p.eid, p.text, p.citation) for p in paras(a1)] == [
        (1, "art_1__para_1", "第一款。", "第一条第一款"),
        (2, "art_1__para_2", "第二款。", "第一条第二款"),
        (3, "art_1__para_3", "第三款。", "第一条第三款")]
    assert [p.text for p in paras(a2)] == ["甲款。", "乙款。"]
    assert [p.line for p in paras(a2)] == [9, 10]


def test_inserted_articles_and_large_numbers():
    doc = parse("测试法\n第一千二百五十九条 甲。\n第一千二百六十条 乙。\n第一千二百六十条之一 丙。\n"
                "第一千二百六十条之二 丁。\n第一千二百六十一条 戊。\n")
    assert [a.number for a in doc.articles] == [1259, 1260, "1260-1", "1260-2", 1261]
    a = doc.article("1260-1")
    assert (a.eid, a.label, a.citation) == ("art_1260-1", "第一千二百六十条之一", "第一千二百六十条之一")
    assert paras(a)[0].eid == "art_1260-1__para_1"
    assert not doc.warnings


def test_a_line_citing_an_article_is_not_an_article():
    doc = parse("测试条例\n第一条 甲：\n第三条规定的情形除外。\n第二条 乙。\n")
    assert [a.number for a in doc.articles] == [1, 2]
    assert paras(doc.article(1))[1].text == "第三条规定的情形除外。"


def test_article_number_glued_to_its_body():
    doc = parse("测试条例\n第一条本条例适用于本市。\n第二条规划部门负责。\n第三条规定的事项另行规定。\n"
                "第三条 丙。\n第四条同级政府负责。\n")
    assert [(a.number, paras(a)[0].text) for a in doc.articles] == [
        (1, "本条例适用于本市。"), (2, "规划部门负责。"), (3, "丙。"), (4, "同级政府负责。")]
    assert paras(doc.article(2))[1].text == "第三条规定的事项另行规定。"    # cites, so not an article
    assert not doc.warnings


def test_closing_provisions_and_effective_date_with_blanks():
    doc = parse("测试条例\n\n第一章 总则\n\n第一条 甲。\n\n第二章　附　　则\n\n"
                "第二条　本条例自2023年 月 日起施行。\n")
    ch = doc.chapters[-1]
    assert ch.title == "附　　则"
    a = doc.article(2)
    assert a.ancestor("chapter") is ch
    assert paras(a)[0].text == "本条例自2023年 月 日起施行。"


# -- items and sub-items --------------------------------------------------------------------

ITEMS = """测试条例

第一条　有下列情形之一的，依法处理：
（一）甲；
(二)乙：
1.子；
2．丑；
三、丙。
前款第一项规定的情形，另行处理。
（一）另一列表的第一项；
（二）另一列表的第二项。

第二条　列举如下：

（一）甲；

（二）乙，包括：

（1）子；

（2）丑。
"""


def test_items_belong_to_the_paragraph_before_them():
    doc = parse(ITEMS)
    p1, p2 = paras(doc.article(1))
    assert p1.text == "有下列情形之一的，依法处理："          # without the items' lines
    items = p1.children
    assert [(i.number, i.label, i.text, i.eid) for i in items] == [
        (1, "（一）", "甲；", "art_1__para_1__point_1"),
        (2, "(二)", "乙：", "art_1__para_1__point_2"),
        (3, "三、", "丙。", "art_1__para_1__point_3")]
    assert items[0].citation == "第一条第一款第一项"
    assert p2.text == "前款第一项规定的情形，另行处理。"
    assert [i.label for i in p2.children] == ["（一）", "（二）"]
    assert p2.children[1].citation == "第一条第二款第二项"


def test_sub_items_belong_to_the_item_before_them():
    doc = parse(ITEMS)
    item2 = paras(doc.article(1))[0].children[1]
    subs = item2.children
    assert [(s.kind, s.number, s.label, s.text, s.eid) for s in subs] == [
        ("subitem", 1, "1.", "子；", "art_1__para_1__point_2__point_1"),
        ("subitem", 2, "2．", "丑；", "art_1__para_1__point_2__point_2")]
    assert subs[1].citation == "第一条第一款第二项第二目"
    # an item's full text holds its sub-items; its own text does not
    assert item2.full_text() == "乙：\n1.子；\n2．丑；"
    # （1） under （二） is a sub-item too, and blank lines do not matter
    (p,) = paras(doc.article(2))
    assert [s.label for s in p.children[1].children] == ["（1）", "（2）"]
    assert not doc.warnings


def test_a_one_paragraph_article_is_cited_without_kuan():
    doc = parse("测试条例\n第一条 有下列情形之一的：\n（一）甲；\n（二）乙。\n")
    (p,) = paras(doc.article(1))
    assert p.citation == "第一条"
    assert p.children[1].citation == "第一条第二项"
    assert p.children[1].eid == "art_1__para_1__point_2"


def test_list_without_lead_in_gets_an_empty_paragraph():
    doc = parse("测试条例\n第一条\n（一）甲；\n（二）乙。\n")
    (p,) = paras(doc.article(1))
    assert p.text == "" and [i.text for i in p.children] == ["甲；", "乙。"]


def test_list_starting_on_the_article_line_is_not_a_heading():
    doc = parse("测试条例\n第一条 （一）甲；\n（二）乙。\n第二条\n（一）丙；\n（二）丁。\n")
    for a, texts in ((doc.article(1), ["甲；", "乙。"]), (doc.article(2), ["丙；", "丁。"])):
        assert a.title is None
        (p,) = paras(a)
        assert p.text == "" and [i.text for i in p.children] == texts
        assert [i.eid for i in p.children] == [f"{a.eid}__para_1__point_1", f"{a.eid}__para_1__point_2"]
    assert not doc.warnings


def test_loose_line_inside_a_list_belongs_to_the_item():
    doc = parse("测试条例\n第一条 下列场合：\n（一）甲会议；\n乙会议；\n（二）丙。\n")
    (p,) = paras(doc.article(1))
    assert [i.text for i in p.children] == ["甲会议；\n乙会议；", "丙。"]


def test_lines_citing_items_are_not_items():
    doc = parse("测试条例\n第一条 有下列情形的：\n（一）甲；\n（二）乙。\n（一）至（二）项所列人员，另行处理。\n"
                "（一）、（二）项的情形除外。\n")
    ps = paras(doc.article(1))
    assert [p.text for p in ps] == ["有下列情形的：", "（一）至（二）项所列人员，另行处理。", "（一）、（二）项的情形除外。"]


def test_item_numbering_gap_is_a_warning():
    doc = parse("测试条例\n第一条 下列：\n（一）甲；\n（三）丙。\n")
    (w,) = doc.warnings
    assert w.line == 4 and "（三）" in w.message
    assert w.code == "item-number"          # kb check tells the kinds of numbering fault apart by it


def test_items_printed_on_one_line_are_items():
    """Items the source prints on one line, their numbering running in sequence (广东省知识产权保护条例 (2022) 第四十九条,
    广东省海域使用管理条例 (2021) 第二十八、三十七条, 广东省人力资源市场条例 (2021) 第四十八条 — the list on the article's
    own line): each is an item node owning its piece of the line, the pieces joining back to the source; a list in a
    quotation (a 修正案 quoting an article) and a number out of sequence stay as they are."""
    doc = parse("第四十九条 自然人、法人和非法人组织有下列情形之一的，三年内不得申请政府财政性资金项目及参与表彰奖励等活动：\n"
                "（一）故意侵犯知识产权严重破坏市场公平竞争秩序的； （二）有能力履行但拒不执行生效的知识产权法律文书的； "
                "（三）侵犯知识产权构成犯罪的； （四）有其他侵犯知识产权严重失信行为的。\n")
    items = kinds(doc, "item")
    assert [(i.number, i.label, i.text) for i in items] == [
        (1, "（一）", "故意侵犯知识产权严重破坏市场公平竞争秩序的；"), (2, "（二）", "有能力履行但拒不执行生效的知识产权法律文书的；"),
        (3, "（三）", "侵犯知识产权构成犯罪的；"), (4, "（四）", "有其他侵犯知识产权严重失信行为的。")]
    assert not doc.warnings
    doc = parse("第二十八条 下列用海免缴海域使用金： （一）军事用海； （二）公务船舶专用码头用海。\n")
    (para,) = paras(doc.articles[0])
    assert para.text == "下列用海免缴海域使用金：" and [i.text for i in para.children] == ["军事用海；", "公务船舶专用码头用海。"]
    # a list on the article's line, going on on the next lines (广东省人力资源市场条例 第四十八条)
    doc = parse("第四十八条 有关主管部门有下列情形之一的，依法给予处分： （一）不依法作出行政许可决定； （二）在办理行政许可中"
                "索取财物；\n（三）违法收费；\n")
    assert [i.number for i in kinds(doc, "item")] == [1, 2, 3] and not doc.warnings
    # out of sequence, or in a quotation: one node as before
    doc = parse("第一条 下列事项：（一）甲；（三）乙。\n第二条 将第五条修改为：“下列行为：（一）甲；（二）乙。”\n")
    assert not kinds(doc, "item")


def test_a_sentence_after_the_last_inline_item_is_the_next_paragraph():
    """重庆市消防条例 (2013) 第四十七条 prints its lead-in, its four items and the sentence after the list on one line: the
    sentence after （四）'s 。 is the article's second paragraph, not part of item 4 (code review 17 item 3: the last inline
    item swallowed it, and kb read the sentence's 应当 as the item's); the pieces still rebuild the source."""
    line = ("第四十七条 单位应当结合实际制定灭火和应急疏散预案。预案应当包括下列内容： （一）确定灭火行动、通讯联络、疏散引导、"
            "安全防护救护等人员分工； （二）报警和接警处置措施； （三）扑救初起火灾和应急疏散措施； （四）通信联络、安全防护救护措施。"
            " 托儿所、幼儿园、学校、养老院、福利院、医院等单位的灭火和应急疏散预案，应当包含在火灾发生时保护婴幼儿、学生、老人、"
            "残疾人、病人的相应措施。\n\n第四十八条 单位应当按照灭火和应急疏散预案实施消防演练。\n")
    doc = parse(line)
    first, second = paras(doc.articles[0])
    assert [i.text for i in first.children] == ["确定灭火行动、通讯联络、疏散引导、安全防护救护等人员分工；", "报警和接警处置措施；",
                                                "扑救初起火灾和应急疏散措施；", "通信联络、安全防护救护措施。"]
    assert second.eid == "art_47__para_2" and second.text.startswith("托儿所、幼儿园") and second.text.endswith("相应措施。")
    assert [p.text for p in paras(doc.articles[1])] == ["单位应当按照灭火和应急疏散预案实施消防演练。"]
    assert not doc.warnings


# -- 序言 and 附件 ---------------------------------------------------------------------------

def test_prologue_and_annexes_are_nodes():
    doc = parse("中华人民共和国测试法\n\n序　言\n\n序言第一段。\n\n序言第二段。\n\n第一章 总纲\n\n第一条 甲。\n\n"
                "第二条 乙。\n\n附件：名录表\n\n一、甲类\n二、乙类\n\n附件2\n\n表格内容\n")
    (pro,) = kinds(doc, "prologue")
    assert [p.text for p in pro.children] == ["序言第一段。", "序言第二段。"]
    assert pro.line == 3
    a1, a2 = kinds(doc, "annex")
    assert (a1.eid, a1.label, a1.title, a1.line) == ("att_1", "附件", "名录表", 15)
    assert a1.full_text() == "一、甲类\n二、乙类"
    assert (a2.eid, a2.label, a2.title) == ("att_2", "附件2", None)
    assert a2.full_text() == "表格内容"
    assert paras(doc.article(2))[0].text == "乙。"      # the annex is not part of the last article
    assert not doc.warnings


def test_annex_forms_and_a_line_that_only_mentions_an_annex():
    doc = parse("测试法\n\n## 序言\n\n序言。\n\n第一条 甲。\n\n## 附件一\n\n甲表\n\n附表二\n\n乙表\n\n"
                "附件三（样式）\n\n关于\n\n附件三所列法律的决定\n\n附录 名词解释\n")
    assert doc.prologue.label == "序言"
    assert [(a.label, a.title) for a in doc.annexes] == [
        ("附件一", None), ("附表二", None), ("附件三", "（样式）"), ("附录", "名词解释")]
    assert doc.annexes[2].full_text() == "关于\n附件三所列法律的决定"


# -- encodings, line ends, formats ------------------------------------------------------------

SMALL = "测试条例\n\n第一章　总则\n\n第一条　甲。\n第二款。\n\n第二条（标题）乙。\n"


def _check_small(doc):
    assert doc.title == "测试条例"
    assert [a.number for a in doc.articles] == [1, 2]
    assert [p.text for p in paras(doc.article(1))] == ["甲。", "第二款。"]
    assert doc.article(2).title == "标题"
    assert doc.rebuild() == doc.text


def test_crlf(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes(SMALL.replace("\n", "\r\n").encode("utf-8"))
    doc = parse_file(str(f))
    _check_small(doc)
    assert doc.text == SMALL.replace("\n", "\r\n")       # line ends kept
    assert not any("\r" in p.text for p in doc.nodes("paragraph"))


def test_bom(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + SMALL.encode("utf-8"))
    doc = parse_file(str(f))
    _check_small(doc)
    assert doc.bom and doc.encoding == "utf-8" and doc.text == SMALL


def test_gb18030(tmp_path):
    f = tmp_path / "gbk.txt"
    f.write_bytes(SMALL.encode("gb18030"))
    doc = parse_file(str(f))
    _check_small(doc)
    assert doc.encoding == "gb18030"


def test_utf16_with_bom(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(SMALL.encode("utf-16"))
    doc = parse_file(str(f))
    _check_small(doc)
    assert doc.encoding == "utf-16" and doc.bom


def test_markdown_corpus_style(tmp_path):
    md = ("# 中华人民共和国测试法\n\n2020年1月1日第十三届全国人民代表大会常务委员会第一次会议通过\n\n"
          "<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 甲。\n\n### 第一节 一般规定\n\n第二条 乙。\n\n"
          "## 第二章 附则\n\n第三条 本法自公布之日起施行。\n")
    f = tmp_path / "测试法(2020-01-01).md"
    f.write_text(md, encoding="utf-8")
    doc = parse_file(str(f))
    assert doc.format == "markdown"
    assert doc.title == "中华人民共和国测试法"
    assert doc.meta["notes"] == ["2020年1月1日第十三届全国人民代表大会常务委员会第一次会议通过"]
    assert [(c.label, c.title) for c in doc.chapters] == [("第一章", "总则"), ("第二章", "附则")]
    assert [s.eid for s in doc.nodes("section")] == ["chp_1__sec_1"]
    assert [a.number for a in doc.articles] == [1, 2, 3]
    assert doc.rebuild() == doc.text


def test_docx(tmp_path):
    import docx
    d = docx.Document()
    for line in ["测试条例", "（草案）", "第一章　总则", "第一条（立法目的）为了测试，制定本条例。",
                 "第二条　有下列情形之一的：", "（一）甲；", "（二）乙。", "第二章　附则", "第三条　本条例自2023年 月 日起施行。"]:
        d.add_paragraph(line)
    f = tmp_path / "草案.docx"
    d.save(str(f))
    doc = parse_file(str(f))
    assert doc.format == "docx"
    assert (doc.title, doc.status) == ("测试条例", "草案")
    assert [c.title for c in doc.chapters] == ["总则", "附则"]
    assert [a.number for a in doc.articles] == [1, 2, 3]
    assert doc.article(1).title == "立法目的"
    assert [i.text for i in paras(doc.article(2))[0].children] == ["甲；", "乙。"]
    assert doc.rebuild() == doc.text


# -- numbering warnings -----------------------------------------------------------------------

@pytest.mark.parametrize("body,line,words", [
    ("第一条 甲。\n第三条 丙。\n", 3, ["条号不连续", "缺第二条"]),
    ("第一条 甲。\n第二条 乙。\n第二条 丙。\n", 4, ["条号重复", "第二条"]),
    ("第一条 甲。\n第三条 丙。\n第二条 乙。\n", 4, ["条号顺序错误", "第二条"]),
    ("第一条 甲。\n第一条之二 乙。\n", 3, ["插入条号不连续"]),
])
def test_numbering_warnings_name_file_and_line(body, line, words):
    doc = parse_text("测试条例\n" + body, source="x.txt")
    w = [w for w in doc.warnings if w.line == line]
    assert w, doc.warnings
    assert w[0].file == "x.txt" and w[0].code == "article-number"
    assert str(w[0]).startswith(f"x.txt:{line}: ")
    for word in words:
        assert word in w[0].message
    assert len(doc.articles) == body.count("\n")        # everything found is still returned


def test_chapter_gap_warning():
    doc = parse_text("测试条例\n第一章 总则\n第一条 甲。\n第三章 附则\n第二条 乙。\n", source="y.txt")
    (w,) = doc.warnings
    assert (w.file, w.line) == ("y.txt", 4) and "第三章" in w.message
    assert w.code == "heading-number"


def test_strict_turns_warnings_into_an_error():
    from kb.errors import KbError

    with pytest.raises(KbError) as e:
        parse_text("测试条例\n第一条 甲。\n第三条 丙。\n", source="z.txt", strict=True)
    assert e.value.file == "z.txt" and e.value.line == 3


# -- the seed ---------------------------------------------------------------------------------

SEED_HEADINGS = ["立法目的依据", "立法适用范围及定义", "立法原则", "政府职责", "部门职责", "群团机关职责",
                 "居民委员会职责", "各类主体职责", "表彰奖励", "社区设立调整", "服务设施规划", "设施保障方式",
                 "验收交接过程", "服务设施管理", "协助事项清单", "负面事项清单", "居民公约", "精神文明建设",
                 "民主协商", "小区治理", "社区应急", "智慧社区建设", "社区服务方式", "社区公共服务",
                 "社区生活性服务", "社区公益志愿服务", "社会组织", "社区社会组织", "社会企业", "经费保障",
                 "社区基金", "特别法人资格", "专项资金审计", "社区居民评议", "服务费用标准", "部门违法责任",
                 "居民委员会违法责任", "人员违法责任", "转致适用"] + [None] * 6


def test_seed_pinned(seed_doc):
    """7 chapters and 45 articles with the headings as written (articles 40-45 have none)."""
    arts = seed_doc.articles
    assert len(arts) == 45 and len(seed_doc.chapters) == 7
    assert [a.title for a in arts] == SEED_HEADINGS
    assert [a.number for a in arts] == list(range(1, 46))
    for a in arts[:39]:
        assert a.brackets == ("（", "）")
        assert seed_doc.raw(a).endswith(f"（{a.title}）") or f"（{a.title}）" in seed_doc.raw(a)
    assert arts[-1].ancestor("chapter").title == "附则"
    assert "起施行" in paras(arts[-1])[0].text
    assert seed_doc.rebuild() == seed_doc.text
    assert not seed_doc.warnings
