"""Nineteenth session (issue 11, engineer 11o): names and heads, and the lead's convention Q3.

Q3 (the lead's decision, 2026-12-07): a modifier written once before two agents of one thing (建筑物所有人或者管理人,
动物饲养人或者管理人) goes to every agent of the pair, as a level goes to each member of a split list.  kb gave the first
its modifier and the second a bare 管理人 (`coordination.Scanner._shared_modifier` shared a modifier only between
agents of a trade's activity: 生产者、销售者).  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_a_things_modifier_goes_to_every_holder_of_the_pair(reg):
    """民法典 侵权责任编 1245, 广东省大气污染防治条例 (2022) 45 and 海上交通安全法 (2021) 34 p2: the second holder was bare."""
    got = actors(reg, "饲养的动物造成他人损害的，动物饲养人或者管理人应当承担侵权责任；但是，能够证明损害是因被侵权人故意或者重大过失"
                      "造成的，可以不承担或者减轻责任。")
    assert {("动物饲养人", "obligation"), ("动物管理人", "obligation")} <= got
    assert ("管理人", "obligation") not in got
    got = actors(reg, "非道路移动机械所有人或者使用人应当按照规范对在用非道路移动机械进行维护检修。")
    assert {("非道路移动机械所有人", "obligation"), ("非道路移动机械使用人", "obligation")} <= got
    got = actors(reg, "船舶所有人、经营人或者管理人不得指使、强令船员违章冒险操作、作业。")
    assert {("船舶所有人", "prohibition"), ("船舶经营人", "prohibition"), ("船舶管理人", "prohibition")} == got


def test_only_the_holders_take_the_things_modifier(reg):
    """Guards: 海事诉讼特别程序法 101 (the salvor and the insurer hold no ship: bare, as the gold file writes them) and a
    的-modifier, dropped for every agent as the name rules read it (禁止吸烟场所的经营者、管理者)."""
    got = actors(reg, "船舶所有人、承租人、经营人、救助人、保险人在发生海事事故后，依法申请责任限制的，可以向海事法院申请设立海事赔偿责任"
                      "限制基金。")
    assert {("船舶承租人", "permission"), ("船舶经营人", "permission"), ("救助人", "permission"),
            ("保险人", "permission")} <= got
    got = actors(reg, "禁止吸烟场所的经营者、管理者应当在醒目位置设置禁止吸烟标识。")
    assert got == {("经营者", "obligation"), ("管理者", "obligation")}


def test_the_sides_a_relation_names_are_parties(reg):
    """重庆市村镇供水条例 36, 政府采购法 (2014) 24 p2 and 海洋环境保护法 (2023) 84 p3: `subjects._NOT_BARE_SUBJECT` refused every
    name ending in 双方 / 各方 (a bare 双方 says elsewhere who the sides are), and 联合体 before 各方 was no name kb read."""
    assert ("供用水双方", "obligation") in actors(reg, "供用水双方应当订立供用水合同。")
    assert ("联合体各方", "obligation") in actors(reg, "联合体各方应当共同与采购人签订采购合同，就采购合同约定的事项对采购人承担"
                                                 "连带责任。")
    assert ("船岸双方", "obligation") in actors(reg, "装卸油类及有毒有害货物的作业，船岸双方应当遵守安全防污操作规程。")


def test_a_bare_side_or_one_side_is_no_party_of_its_own(reg):
    """Guards: 北京市旅游管理条例 32 (但双方: the parties before, carried — a first version read 但双方), 家庭教育促进法 20
    (任何一方 is one of the parents the clause carries, as its gold file reads it) and a bare 双方."""
    got = actors(reg, "旅行社与其他旅游经营者发生业务往来，可以按照合同约定收取佣金或者折扣，但双方必须如实入帐，不得帐外暗中给予或者收受"
                      "回扣。")
    assert not any(a.endswith("双方") for a, _ in got)
    got = actors(reg, "未成年人的父母分居或者离异的，应当相互配合履行家庭教育责任，任何一方不得拒绝或者怠于履行；除法律另有规定外，不得阻碍"
                      "另一方实施家庭教育。")
    assert not any(a.endswith("一方") for a, _ in got)
    assert not any(a == "双方" for a, _ in actors(reg, "双方应当订立书面合同。"))


def test_an_arbitrator_is_a_persons_name(reg):
    """仲裁法 (2017) 47: names._NOT_A_HEAD refused 裁员 (a layoff) as a head, so 首席仲裁员或者独任仲裁员 was no name, and the
    clause took 当事人 from the sentence before."""
    got = actors(reg, "当事人在仲裁过程中有权进行辩论。辩论终结时，首席仲裁员或者独任仲裁员应当征询当事人的最后意见。")
    assert {("首席仲裁员", "obligation"), ("独任仲裁员", "obligation")} <= got
    assert ("企业", "prohibition") in actors(reg, "企业不得随意裁员。")


def test_the_members_a_body_is_made_of_are_no_agents(reg):
    """Guard: 仲裁法 (2017) 30 (仲裁庭可以由三名仲裁员或者一名仲裁员组成: 由X组成 is what the subject is made of, not X's act
    — the arbitrators read as a name made them the agent of 组成)."""
    got = actors(reg, "仲裁庭可以由三名仲裁员或者一名仲裁员组成。由三名仲裁员组成的，设首席仲裁员。")
    assert not any(a.endswith("仲裁员") for a, _ in got)


def test_fields_share_the_kind_of_department_written_after_the_last(reg):
    """传染病防治法 (2013) 13 p3 and 北京市环境噪声污染防治办法 3: fields before one 行政部门 / 行政主管部门 without 等 were a list of
    departments only when the lexicon knew one of its stems; 铁路、交通、民用航空行政部门 gave nothing."""
    got = actors(reg, "铁路、交通、民用航空行政部门负责组织消除交通工具以及相关场所的鼠害和蚊、蝇等病媒生物的危害。")
    assert {("铁路部门", "obligation"), ("交通部门", "obligation"), ("民用航空部门", "obligation")} <= got
    got = actors(reg, "铁路、民航行政主管部门依据各自职责分别对火车、飞机噪声实施监督管理。")
    assert {("铁路部门", "obligation"), ("民航部门", "obligation")} <= got


def test_levels_or_a_verb_before_one_department_are_no_fields(reg):
    """Guards (the corpus diff and beijing-wenwu-baohu 9, 16): 报区、县文物行政部门备案 and 由各区、县水行政主管部门 name one department
    at its levels, no departments 报区, 县文物, 各区, 县水 (北京市实施《水法》办法 9 p2)."""
    got = actors(reg, "区、县的区域综合规划，由各区、县水行政主管部门会同有关部门编制。")
    assert not any(a in ("各区部门", "县水部门") for a, _ in got)
    got = actors(reg, "建设单位应当将方案报区、县文物行政部门备案。")
    assert not any(a.startswith("报") for a, _ in got)
