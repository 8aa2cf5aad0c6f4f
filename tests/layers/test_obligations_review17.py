"""Code review 17 (twelfth session, 2026-12-06): a list opened by an ASCII colon.  720 lines of the corpus end a lead-in
with ":" where 3,820 end it with "："; kb read only the full-width one as opening a list, so the items of the others were
no one's duties and the lead-in's action kept the colon.  Each sentence is quoted from a corpus text as it stands there
(the colons as printed); each assertion fails on main b9613ae."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def records(reg, text: str) -> set[tuple[str | None, str, str, int | None]]:
    doc = parse_text(text, "rules.txt", "text")
    return {(s.actor, s.modality, s.action, s.item) for s in extract(doc, reg)}


def test_a_list_opened_by_an_ascii_colon_carries_its_items(reg):
    # 人民警察法 (2012) art. 20: the four items are the police officers' duties, as after a full-width colon
    police = "第二十条 人民警察必须做到{}\n（一）秉公执法，办事公道；\n（二）模范遵守社会公德；\n（三）礼貌待人，文明执勤；\n（四）尊重人民群众的风俗习惯。\n"
    ascii_, full = records(reg, police.format(":")), records(reg, police.format("："))
    assert ascii_ == full
    assert ("人民警察", "obligation", "秉公执法，办事公道", 1) in ascii_ and ("人民警察", "obligation", "做到", None) in ascii_
    # 监察法 (2018) art. 11: the commission's three duties; the lead-in's action without the colon
    got = records(reg, "第十一条 监察委员会依照本法和有关法律规定履行监督、调查、处置职责:\n"
                       "（一）对公职人员开展廉政教育，对其依法履职、秉公用权、廉洁从政从业以及道德操守情况进行监督检查；\n"
                       "（二）对涉嫌贪污贿赂、滥用职权、玩忽职守、权力寻租、利益输送、徇私舞弊以及浪费国家资财等职务违法和职务犯罪进行调查；\n"
                       "（三）对违法的公职人员依法作出政务处分决定。\n")
    assert ("监察委员会", "obligation", "依照本法和有关法律规定履行监督、调查、处置职责", None) in got
    assert {i for a, _, _, i in got if a == "监察委员会"} == {None, 1, 2, 3}


def test_penalties_listed_after_an_ascii_colon_are_the_lead_ins_items(reg):
    # 安全生产法 (2021) art. 114 (its lead-in as printed, with ":"): the fines are listed, each the department's, as after "："
    law = ("第一百一十四条 发生生产安全事故，对负有责任的生产经营单位除要求其依法承担相应的赔偿等责任外，由应急管理部门依照下列规定"
           "处以罚款{}\n（一）发生一般事故的，处三十万元以上一百万元以下的罚款；\n（二）发生较大事故的，处一百万元以上二百万元以下的罚款。\n")
    got = records(reg, law.format(":"))
    assert got == records(reg, law.format("："))
    assert {i for a, _, _, i in got if a == "应急管理部门"} == {None, 1, 2}
    assert not any(act.endswith(":") for _, _, act, _ in got)
