"""Twenty-first session (issue 11, engineer 11f): 非政府组织 is a name of its own, never a government.

境外非政府组织境内活动管理法 (2017), scored in round 32: the name finder ended its party at the head 政府 inside
非政府组织 and the canonical name made it 非人民政府 (55+ false records, most of the text's missed duties); and the head 代表
of 境外非政府组织代表机构 was read as a representative (……组织代表).  The sentences are quoted from their corpus texts
(境外非政府组织境内活动管理法 5, 9 p2, 31; 枪支管理法 (2015) 34).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_a_non_governmental_organisation_is_no_government(reg):
    """境外非政府组织境内活动管理法 5 p1, 9 p2: 非政府 says what the organisation is not; the party is the organisation."""
    got = actors(reg, "境外非政府组织在中国境内开展活动应当遵守中国法律，不得危害中国的国家统一、安全和民族团结，不得损害中国国家"
                      "利益、社会公共利益和公民、法人以及其他组织的合法权益。")
    assert got == {("非政府组织", "obligation"), ("非政府组织", "prohibition")}
    got = actors(reg, "境外非政府组织未登记设立代表机构、开展临时活动未经备案的，不得在中国境内开展或者变相开展活动，不得委托、资助"
                      "或者变相委托、资助中国境内任何单位和个人在中国境内开展活动。")
    assert got == {("非政府组织", "prohibition")}


def test_a_representative_office_is_a_body_not_a_representative(reg):
    """境外非政府组织境内活动管理法 31 (代表机构 is the organisation's office, the party of its own); 枪支管理法 34 (the
    persons of 外国驻华外交代表机构、领事机构 — no 驻华外交代表 in the clause)."""
    got = actors(reg, "境外非政府组织代表机构应当于每年1月31日前向业务主管单位报送上一年度工作报告，经业务主管单位出具意见后，于3月"
                      "31日前报送登记管理机关，接受年度检查。")
    assert got == {("非政府组织代表机构", "obligation")}
    got = actors(reg, "外国驻华外交代表机构、领事机构的人员携带枪支入境，必须事先报经中华人民共和国外交部批准；携带枪支出境，应当"
                      "事先照会中华人民共和国外交部，办理有关手续。")
    assert ("驻华外交代表", "obligation") not in got
