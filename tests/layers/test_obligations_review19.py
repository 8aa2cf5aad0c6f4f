"""Code review 19 (fourteenth session, 2026-12-06): 到 + where one goes, read as a name.  持……证明到……公安机关……办理, 到社会
保险经办机构办理, 工会有权到……场所检查: 到 is a verb (go to), what follows is a place or the body one goes to, not a party
— kb took the words around it for one name (出生证明到父母停留居留地县级以上地方人民政府, 到公安机关, 到社会保险经办机构, 直到终止
合同并要求监理单位) and gave it the act, or cut the true subject's action short.  Each sentence is quoted from a corpus
text as it stands there; each assertion but the guards fails on lead8 2553b3a (code review 18 item 7, its first half)."""
from __future__ import annotations

from test_obligations_review18 import records  # (actor, modality, action) of a text's records
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def test_going_to_a_body_is_the_subjects_act(reg):
    # 出境入境管理法 (2012) art. 40 p1: the parents' (or agent's) duty is the whole registration, and no party is made of
    # the certificate and the place they take it to
    got = records(reg, "第四十条 在中国境内出生的外国婴儿，其父母或者代理人应当在婴儿出生六十日内，持该婴儿的出生证明到父母停留居留地"
                       "县级以上地方人民政府公安机关出入境管理机构为其办理停留或者居留登记。\n")
    act = "在婴儿出生六十日内，持该婴儿的出生证明到父母停留居留地县级以上地方人民政府公安机关出入境管理机构为其办理停留或者居留登记"
    assert {("父母", "obligation", act), ("代理人", "obligation", act)} <= got
    assert not any(a and "到" in a for a, _, _ in got)
    # 北京市实施《道路交通安全法》办法 (2018) art. 21 p1: the owner goes to the traffic police; no party "到公安机关"
    got = records(reg, "第二十一条 非机动车牌证丢失，车辆所有人应当携带本人身份证明和车辆，到公安机关交通管理部门补领。\n")
    assert ("车辆所有人", "obligation", "携带本人身份证明和车辆，到公安机关交通管理部门补领") in got
    assert not any(a and "到" in a for a, _, _ in got)
    # 重庆市工会条例 (2011) art. 23 p1: the union's right to inspect (no actor before: 工会有权到…… was one name's start)
    got = records(reg, "第二十三条 工会有权到企业事业单位的生产、工作、营业等场所，检查劳动条件、安全生产和卫生设施情况。\n")
    assert ("工会", "permission", "到企业事业单位的生产、工作、营业等场所，检查劳动条件、安全生产和卫生设施情况") in got


def test_until_and_fails_to_reach_open_no_name(reg):
    # 广东省建设工程监理条例 (2021) art. 29: 直到 joins the owner's rights; no party "直到终止合同并要求监理单位"
    got = records(reg, "第二十九条 建设单位发现监理人员不按监理合同履行监理职责的，建设单位有权要求更换监理人员，直到终止合同并要求"
                       "监理单位承担相应的赔偿责任或连带赔偿责任。\n")
    assert not any(a and "到" in a for a, _, _ in got)
    # 北京市实施《残疾人保障法》办法 (2019) art. 31 p3: 达不到规定比例的用人单位 — the employer, not "用人"
    got = records(reg, "第三十一条 达不到规定比例的用人单位，应当缴纳残疾人就业保障金。\n")
    assert ("用人单位", "obligation", "缴纳残疾人就业保障金") in got


def test_words_with_dao_stay_names(reg):
    # guards: 接到 / 收到 in a relative clause, 到场 — names of their own (unchanged by the rule)
    assert ("接到报告的部门", "obligation", "及时处理") in records(reg, "第一条 接到报告的部门应当及时处理。\n")
    assert ("到场人员", "obligation", "在笔录上签名") in records(reg, "第一条 到场人员应当在笔录上签名。\n")
