"""Liability clauses: the violator an item of a list of violations names (issue 11, nineteenth session, engineer 11p).

An item of a list whose lead-in names no violator (有下列行为之一的，由……：) is a violation by its place: the party that
opens it is liable though no word of breach follows its name (（二）血站、医疗机构出售无偿献血的血液的), and such a list is
a liability clause's in an article of any chapter (a text with no chapter of legal liability: 献血法 (1997)).  Each
sentence is quoted from a corpus text as it stands there; each positive test fails on the code before (main d055c15)."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def _records(reg, text: str, chapter: bool) -> set[tuple[str, str, int | None]]:
    """(actor, modality, item) of the duties of one article, in a chapter of legal liability or in a text without
    chapters."""
    doc = parse_text(("第一章 法律责任\n" if chapter else "") + "第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality, s.item) for s in extract(doc, reg)}


_XIANXUE = ("有下列行为之一的，由县级以上地方人民政府卫生行政部门予以取缔，没收违法所得，可以并处十万元以下的罚款；构成犯罪的，"
            "依法追究刑事责任：\n（一）非法采集血液的；\n（二）血站、医疗机构出售无偿献血的血液的；\n（三）非法组织他人出卖血液的。")


def test_an_item_of_a_list_of_violations_names_its_violator_without_a_word_of_breach(reg):
    """献血法 (1997) 18 item 2 (北京市献血条例 47 item 2 the same, beijing-xianxue's gold): 血站 and 医疗机构 are liable
    for selling the blood, though 出售 is no word of breach; 卫生行政部门 acts on every item as before."""
    got = _records(reg, _XIANXUE, chapter=True)
    assert {("血站", "liability", 2), ("医疗机构", "liability", 2)} <= got
    assert {("卫生行政部门", "sanction", i) for i in (1, 2, 3)} <= got


def test_a_list_of_violations_outside_a_chapter_of_liability_is_one(reg):
    """献血法 (1997) has no chapters: its list of violations was read as plain statements and the item's violators lost.
    Likewise 重庆市失业保险条例 32 (（二）单位不为职工办理……手续的), and beijing-zhiyuan 47, guangdong-muying-baojian 23 in
    the tuning texts."""
    assert {("血站", "liability", 2), ("医疗机构", "liability", 2)} <= _records(reg, _XIANXUE, chapter=False)
    got = _records(reg, "违反本条例，有下列情形之一的，由县级以上劳动保障行政部门责令限期改正，情节严重的，对直接负责的主管人员和其他"
                        "直接责任人员各处五百元以上两千元以下罚款；造成失业人员失业保险待遇损失的，由单位负责赔偿:\n（一）单位未按规定"
                        "告知失业人员应当享受的失业保险待遇的；\n（二）单位不为职工办理跨统筹地区迁移参保关系转移手续的；",
                   chapter=False)
    assert ("单位", "liability", 2) in got


def test_the_party_an_item_acts_on_is_not_its_violator(reg):
    """Negatives (the corpus diff's wrong records before the guards): the party suffers the act (工会法 (2021) 53:
    职工因参加工会活动而被解除劳动合同的), is its object after a modifier (广告法 (2021) 58 item 10: 利用不满十周岁的未成年人
    作为广告代言人的), or the lead-in grants a right on the cases it lists (公司法 (2018) 74: 有下列情形之一的，……股东可以
    请求公司……收购其股权 — no list of violations)."""
    union = _records(reg, "违反本法规定，有下列情形之一的，由劳动行政部门责令恢复其工作，并补发被解除劳动合同期间应得的报酬，或者责令给予"
                          "本人年收入二倍的赔偿：\n（一）职工因参加工会活动而被解除劳动合同的；\n（二）工会工作人员因履行本法规定的职责"
                          "而被解除劳动合同的。", chapter=True)
    assert not {a for a, m, _ in union if m == "liability"} & {"职工", "工会工作人员"}
    ads = _records(reg, "有下列行为之一的，由市场监督管理部门责令停止发布广告，处广告费用一倍以上三倍以下的罚款：\n（一）违反本法第十六条"
                        "规定发布医疗、药品、医疗器械广告的；\n（二）违反本法第三十八条第二款规定，利用不满十周岁的未成年人作为广告代言人"
                        "的；\n（三）阻碍消防救援机构的工作人员依法执行职务的。", chapter=True)
    assert not {(a, m) for a, m, _ in ads if m == "liability"}
    company = _records(reg, "有下列情形之一的，对股东会该项决议投反对票的股东可以请求公司按照合理的价格收购其股权：\n（一）公司连续五年不向"
                            "股东分配利润，而公司该五年连续盈利，并且符合本法规定的分配利润条件的；\n（二）公司合并、分立、转让主要财产的；",
                       chapter=False)
    assert not {(a, m) for a, m, _ in company if m == "liability"}
