"""Code review 17's items 6 and 7 and the small items left from code review 16 (issue 11, thirteenth session, engineer 11b).

Each sentence is quoted from a corpus text as it stands there; each test fails on the code before (main 0c3b042).  Item 3
(重庆市消防条例 47's last inline item) is a parser test: tests/text/test_parse_rules.py.
"""
from __future__ import annotations

from kb.layers.obligations import extract, without_actor
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def records(reg, article: str) -> set[tuple[str, str, str]]:
    """(actor, modality, action) of the duties of one article."""
    doc = parse_text("第一条 " + article, "rules.txt", "text")
    return {(s.actor, s.modality, s.action) for s in extract(doc, reg)}


def test_a_refusal_ends_before_another_partys_refusal(reg):
    """北京市实施《水法》办法 (2019) 47 p2: ……水行政主管部门不予核定用水指标，供水单位不予供水 — the department's refusal ends at
    the comma; the utility's clause was its action's tail (code review 17 item 6)."""
    got = records(reg, "节水设施竣工后，建设单位应当向水行政主管部门申报验收；验收不合格的，建设项目不得投入使用，水行政主管部门不予"
                       "核定用水指标，供水单位不予供水。")
    assert ("水行政部门", "obligation", "不予核定用水指标") in got
    assert not any("供水单位" in action for _, _, action in got)


def test_persons_joined_drop_their_own_modifier(reg):
    """消防法 (2021) 21 p2: ……具有火灾危险作业的人员和自动消防系统的操作人员 — the second person is 操作人员, its 的-modifier
    dropped as a name's is (code review 17 item 7: it was 自动消防系统的操作人员)."""
    got = records(reg, "进行电焊、气焊等具有火灾危险作业的人员和自动消防系统的操作人员，必须持证上岗，并遵守消防安全操作规程。")
    assert {a for a, _, _ in got} == {"人员", "操作人员"}


def test_a_clause_after_a_right_goes_on_under_the_sentences_duty(reg):
    """会计法 (2017) 14 p3: ……必须……进行审核，……有权不予接受，并向单位负责人报告；对……原始凭证予以退回…… — the clause after the
    ； goes on under 必须 (the bodies' obligation), not under the middle clause's 有权 (code review 16); a clause with a modal
    word of its own keeps it (海警法 71: ……；发现其不履行法定职责的，有权责令其依法履行)."""
    got = records(reg, "会计机构、会计人员必须按照国家统一的会计制度的规定对原始凭证进行审核，对不真实、不合法的原始凭证有权不予接受，并向"
                       "单位负责人报告；对记载不准确、不完整的原始凭证予以退回，并要求按照国家统一的会计制度的规定更正、补充。")
    back = "对记载不准确、不完整的原始凭证予以退回，并要求按照国家统一的会计制度的规定更正、补充"
    assert {(a, m) for a, m, x in got if x == back} == {("会计机构", "obligation"), ("会计人员", "obligation")}
    got = records(reg, "上级海警机构应当对下级海警机构的海上维权执法工作进行监督，发现其作出的处理措施或者决定有错误的，有权撤销、变更或者"
                       "责令下级海警机构撤销、变更；发现其不履行法定职责的，有权责令其依法履行。")
    assert ("海警机构", "permission", "有权责令其依法履行") in got


def test_the_body_a_listed_party_sets_up_is_the_party(reg):
    """企业国有资产法 (2008) 11 p1: 国务院国有资产监督管理机构和地方人民政府按照国务院的规定设立的国有资产监督管理机构，…… — the
    second party is the local 国有资产监督管理机构 (set up by 地方人民政府), not the government with the body's name in its
    action (code review 16)."""
    got = records(reg, "国务院国有资产监督管理机构和地方人民政府按照国务院的规定设立的国有资产监督管理机构，根据本级人民政府的授权，代表"
                       "本级人民政府对国家出资企业履行出资人职责。")
    assert {a for a, _, _ in got} == {"国有资产监督管理机构"}
    assert all(x.startswith("根据本级人民政府的授权") for _, _, x in got)
    # every conjunct sets the body up (北京市动物防疫条例 (2019) 7 p1; 广东省森林防火条例 (2021) 6 p3): the body alone
    assert {a for a, _, _ in records(reg, "市和区、县人民政府设立的动物疫病预防控制机构，承担动物疫病的监测、检测、诊断、流行病学调查、"
                                          "疫情报告、动物防疫知识宣传以及其他预防、控制等技术工作。")} == {"动物疫病预防控制机构"}
    assert {a for a, _, _ in records(reg, "乡镇人民政府、街道办事处根据实际需要设立的森林防灭火指挥机构，按照森林防火责任规定，做好"
                                          "森林防火工作。")} == {"森林防灭火指挥机构"}


def test_an_adverb_of_manner_ends_a_name(reg):
    """税收征收管理法 (2015) 6 p1: 国家有计划地用现代信息技术装备各级税务机关，…… — 国家's policy statement, no party named
    国家有计划地用……税务机关 (code review 16)."""
    assert records(reg, "国家有计划地用现代信息技术装备各级税务机关，加强税收征收管理信息系统的现代化建设，建立、健全税务机关与政府其他"
                        "管理机关的信息共享制度。") == set()


def test_the_clause_after_a_bodys_time_is_another_persons(reg):
    """选举法 (2020) 33 and 45 p2: ……人民代表大会在选举上一级人民代表大会代表时，代表候选人不限于…… / 获得……选票时，始得当选 —
    the clause after the time is the candidates', no act of the congress (code review 16)."""
    assert records(reg, "县级以上的地方各级人民代表大会在选举上一级人民代表大会代表时，代表候选人不限于各该级人民代表大会的代表。") == set()
    assert records(reg, "县级以上的地方各级人民代表大会在选举上一级人民代表大会代表时，代表候选人获得全体代表过半数的选票时，始得当选。") \
        == set()


def test_a_person_before_the_time_clause_of_its_modal_word(reg):
    """法官法 (2019) 36 p1, p3: 法官从人民法院离任后两年内，不得…… / 法官被开除后，不得…… — 法官's prohibitions (no actor before:
    a two-character name was a name only right before its modal word; code review 16)."""
    assert records(reg, "法官从人民法院离任后两年内，不得以律师身份担任诉讼代理人或者辩护人。") == {
        ("法官", "prohibition", "以律师身份担任诉讼代理人或者辩护人")}
    doc = parse_text("第一条 法官被开除后，不得担任诉讼代理人或者辩护人，但是作为当事人的监护人或者近亲属代理诉讼或者进行辩护的除外。",
                     "rules.txt", "text")
    assert {s.actor for s in extract(doc, reg)} == {"法官"} and not without_actor(doc, reg)
