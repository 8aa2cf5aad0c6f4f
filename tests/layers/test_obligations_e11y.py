"""Code review 26's findings 6 and 7 on liability lists (issue 11, twentieth session, engineer 11y).

Each sentence is quoted from a corpus text as it stands there; each test fails on final31 (the session's stack)."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def _records(reg, text: str, chapter: bool) -> set[tuple[str, str, int | None]]:
    """(actor, modality, item) of the duties of one article, in a chapter of legal liability or in a text without one."""
    doc = parse_text(("第一章 法律责任\n" if chapter else "") + "第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality, s.item) for s in extract(doc, reg)}


_SHIYE = ("人力资源和社会保障行政部门、失业保险经办机构或者税务机关的工作人员有下列行为之一的，由主管行政机关或行政监察机关依法给予"
          "行政处分；造成失业保险基金损失的，由人力资源和社会保障行政部门或税务机关追回损失的失业保险基金；给管理相对人造成经济损失的，"
          "按照国家有关规定予以赔偿；构成犯罪的，依法追究刑事责任:\n（一）非法侵犯管理相对人人身、财产权利的；\n（二）滥用职权、"
          "索贿受贿、徇私舞弊，违反法定办事程序的；\n（五）玩忽职守，严重失职的。")


def test_a_body_acting_on_a_later_case_of_the_lead_in_does_not_act_on_each_violation(reg):
    """重庆市失业保险条例 (2011) 38 (code review 26 finding 6): the bodies that recover the fund's loss (造成……损失的，由Y追回……,
    a case of its own after ；) were copied as sanctioners onto each of the five items — 10 wrong records.  The items'
    sanctioners are the bodies of the clause that opens the list, and the staff are liable; whatever the lead-in's own
    records are (engineer 11w's fix of finding 1 may change them), the items hold only these."""
    for chapter in (False, True):
        got = _records(reg, _SHIYE, chapter)
        for i in (1, 2, 3):
            assert {("主管行政机关", "sanction", i), ("行政监察机关", "sanction", i), ("工作人员", "liability", i)} <= got
            assert not {(a, m, it) for a, m, it in got if it == i and a in ("人力资源和社会保障部门", "税务机关")}


def test_a_later_clause_that_closes_the_lead_in_at_its_colon_still_carries_the_list(reg):
    """统计法 (2009) 38 p1 (engineer 531df1b's rule, kept): ……；对直接负责的主管人员……，由任免机关或者监察机关依法给予处分：
    — no case of its own, so its bodies act on every item."""
    got = _records(reg, "县级以上人民政府统计机构或者有关部门在组织实施统计调查活动中有下列行为之一的，由本级人民政府、上级人民政府统计"
                        "机构或者本级人民政府统计机构责令改正，予以通报；对直接负责的主管人员和其他直接责任人员，由任免机关或者监察机关依法"
                        "给予处分：\n（一）未经批准擅自组织实施统计调查的；\n（二）未经批准擅自变更统计调查制度的内容的；", chapter=True)
    assert {("任免机关", "sanction", 2), ("监察机关", "sanction", 2), ("统计机构", "sanction", 2)} <= got


def test_an_item_whose_violators_kb_reads_only_in_part_names_none(reg):
    """广东省道路运输条例 (2021) 63 p1 item 4 (code review 26 finding 7): the scanner reads 包车客运经营者 and stops at 、
    (直通港澳包车客运经营者 is no name it knows or discovers); engineer 11p's rule made the first member liable for
    '直通港澳包车客运经营者不能提供……' — half a list, the second member in the act.  With both members read (献血法 18 item 2,
    血站、医疗机构) the item's violators stand."""
    got = _records(reg, "有下列行为之一的，由县级以上道路运输管理机构责令改正，处一千元以上三千元以下的罚款：\n（四）包车客运经营者、"
                        "直通港澳包车客运经营者不能提供有效包车合同的；", chapter=True)
    assert ("道路运输管理机构", "sanction", 1) in got
    assert not {r for r in got if r[1] == "liability"}
    got = _records(reg, "有下列行为之一的，由县级以上地方人民政府卫生行政部门予以取缔：\n（一）非法采集血液的；\n（二）血站、医疗机构"
                        "出售无偿献血的血液的；", chapter=True)
    assert {("血站", "liability", 2), ("医疗机构", "liability", 2)} <= got
