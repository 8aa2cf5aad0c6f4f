"""Liability clauses: a violation punished by another law's rules, no body named (issue 11, twenty-first session,
engineer e11a).

……的，依照《中华人民共和国广告法》的规定处罚 / 依照其他法律的规定处罚 / 依照《中华人民共和国劳动合同法》的规定处理 names no body
that acts; the clause is still a liability clause and its violator is liable (engineer 11t measured it, twentieth session).
Not 按照下列规定分别处理 (行政复议法 (2017) 33): a review body's decisions on a party's default, no penalty.  Each sentence
is quoted from a corpus text as it stands there; each positive test fails on the code before (main 01067f5)."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def _records(reg, text: str) -> set[tuple[str, str]]:
    """(actor, modality) of the liability and sanction records of one article of a chapter of legal liability."""
    doc = parse_text("第一章 法律责任\n第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality) for s in extract(doc, reg) if s.modality in ("liability", "sanction")}


def test_a_violation_punished_by_another_laws_rules_makes_its_violator_liable(reg):
    """电子商务法 (2018) 81 p2 and 79, 社会保险法 (2018) 85 (the gold of dianzi-shangwu and shebao): the party opening
    the condition is liable though the clause names no body."""
    assert _records(reg, "电子商务平台经营者违反本法第四十条规定，对竞价排名的商品或者服务未显著标明“广告”的，依照《中华人民共和国"
                         "广告法》的规定处罚。") == {("电子商务平台经营者", "liability")}
    assert _records(reg, "电子商务经营者违反法律、行政法规有关个人信息保护的规定，或者不履行本法第三十条和有关法律、行政法规规定的网络"
                         "安全保障义务的，依照《中华人民共和国网络安全法》等法律、行政法规的规定处罚。") == {("电子商务经营者", "liability")}
    assert _records(reg, "用人单位拒不出具终止或者解除劳动关系证明的，依照《中华人民共和国劳动合同法》的规定处理。") == \
        {("用人单位", "liability")}


def test_punished_by_other_laws(reg):
    """石油天然气管道保护法 (2010) 50 p2 (shiyou-guandao): 依照其他法律的规定处罚."""
    assert _records(reg, "管道企业违反本法规定的行为同时违反建设工程质量管理、安全生产、消防等其他法律的，依照其他法律的规定处罚。") \
        == {("管道企业", "liability")}


def test_a_review_bodys_decisions_are_no_liability(reg):
    """行政复议法 (2017) 33: 按照下列规定分别处理 states what the bodies do on a party's default, no penalty; the applicant
    is not made liable (engineer 11t's seven doubtful provisions)."""
    got = _records(reg, "申请人逾期不起诉又不履行行政复议决定的，或者不履行最终裁决的行政复议决定的，按照下列规定分别处理：\n（一）维持具体"
                        "行政行为的行政复议决定，由作出具体行政行为的行政机关依法强制执行，或者申请人民法院强制执行；")
    assert not {a for a, m in got if m == "liability"}


def test_the_party_whose_act_is_the_time_of_the_breach_is_not_liable(reg):
    """北京市城乡规划条例 (2021) 86 (a text of regulation/): 执法机关在实施监督检查时，任何个人有阻碍……的 — the breach is 任何
    个人's, 执法机关's inspection only its time; the first version of the rule made 执法机关 liable (engineer 11t's wrong
    record, found again on the corpus)."""
    got = _records(reg, "执法机关在实施监督检查时，任何个人有阻碍执法机关依法执行职务的行为，或者隐藏、转移、变卖、损毁查封、扣押的财物"
                        "的，依照《中华人民共和国治安管理处罚法》的规定处罚。")
    assert ("执法机关", "liability") not in got
