"""Twentieth session (issue 11, engineer 11s): the members of a list of parties, again.

Counted over all 247 tuning texts (`python -m kb.dev.duty_misses`), a member of a list is the second-largest class of
duties missed (820 in 168 texts).  One of its causes is no one text's wording: a list of parties the lexicon lacks,
written right before the clause's modal word, gave no record at all — `coordination.Scanner.coordinated` took a list
only when it was closed by 等 or one member was known, and took an unknown member only when its last character was one
of AGENT_HEAD_CHARS (所 is not: 托儿所, 未成年犯管教所).  The sentences are quoted from their corpus texts (none is held
out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_a_list_of_unknown_bodies_before_a_modal_word(reg):
    """海关法 (2021) 11 p2 and 预防未成年人犯罪法 (2020) 54: no member is known and no 等 closes the list, but a modal word
    follows it at once and every member ends in a party's head."""
    got = actors(reg, "报关企业和报关人员不得非法代理他人报关。")
    assert {("报关企业", "prohibition"), ("报关人员", "prohibition")} <= got
    got = actors(reg, "未成年犯管教所、社区矫正机构应当对未成年犯、未成年社区矫正对象加强法治教育，并根据实际情况对其进行职业教育。")
    assert {("未成年犯管教所", "obligation"), ("社区矫正机构", "obligation")} <= got


def test_a_place_named_by_suo_is_a_member(reg):
    """河源市暴雨灾害预警与响应条例 (2022) 18 p6: 托儿所 ends in 所, which no AGENT_HEAD_CHARS held, and the whole list was
    refused."""
    got = actors(reg, "托儿所、幼儿园、中小学校应当停课。未启程上学的学生不必到学校上课。")
    assert {("托儿所", "obligation"), ("幼儿园", "obligation"), ("中小学校", "obligation")} <= got


def test_a_list_of_things_before_a_modal_word_names_no_party(reg):
    """Guards: things, fields or a member whose head is no party's (学校食堂) are no list of parties, modal word or not."""
    assert not any(a in ("建设项目", "设施") for a, _ in actors(reg, "建设项目、配套设施应当符合国家规定的标准。"))
    got = actors(reg, "移动式压力容器、气瓶充装单位应当按照法律、法规、规章和安全技术规范的要求进行充装。")
    assert not any(a == "移动式压力容器" for a, _ in got)


def test_an_unknown_member_ending_in_a_bodys_head_beside_known_ones(reg):
    """北京市危险废物污染环境防治条例 33: 政府机关 is no name of the lexicon and its last character (关) none of
    AGENT_HEAD_CHARS, so the whole list beside the known 企业事业单位 and 社会团体 was refused.  Engineer 11s let a member
    ending in a body's head through (coordination._BODY_HEADS); since engineer 11v's mentions._GOV_ORGANS reads 政府机关
    as a party, that rule decided nothing here and was dropped (code review 27 finding 2): this pins the reading, not it."""
    got = actors(reg, "政府机关、企业事业单位及社会团体对其产生的废弃荧光灯管，应当单独收集、贮存，定期交有危险废物经营许可证的单位"
                      "回收利用、处置。")
    assert {("政府机关", "obligation"), ("企业", "obligation"), ("事业单位", "obligation"),
            ("社会团体", "obligation")} <= got


def test_a_known_party_and_its_verb_are_no_member(reg):
    """Guard: 北京市实施《工会法》办法 5, 44 — 工会支持企业 / 工会推动企业 ends in 企业 but opens with the known 工会 and its
    verb: no member 工会支持企业, and 工会 keeps its duty."""
    got = actors(reg, "工会推动企业、事业单位建立和实行厂务公开制度。")
    assert ("工会", "obligation") in got
    assert not any(a.startswith("工会推动") for a, _ in got)
    got = actors(reg, "工会支持企业、事业单位依法进行生产经营活动，教育职工遵纪守法。")
    assert not any(a.startswith("工会支持") for a, _ in got)


def test_a_bodys_head_cut_from_a_relative_clause_names_no_one(reg):
    """Code review 27 finding 2: 河源市暴雨灾害预警与响应条例 (2022) 6 p2, 24 p2 and 广东省华侨权益保护条例 (2021) 31 p1 — the
    relative clause 有防汛任务的 / 负责侨务工作的 qualifies every member, and the scanner's list after it held the bare heads
    部门 and 单位, which 11s's _BODY_HEADS let through as parties (the gold names 有防汛任务的部门, 负责侨务工作的部门): a
    record of 部门 or 单位 alone names nobody (the README's "never 部门 alone")."""
    for t in ("各级三防指挥部应当建立防汛责任人制度。有防汛任务的部门和单位应当明确防汛责任人，报本级三防指挥部备案，并向社会公布。",
              "有防汛任务的部门和单位应当结合需要，组建或者明确应急救援队伍承担抢险救援工作。",
              "负责侨务工作的部门和有关部门应当在规定期限内作出处理。"):
        assert not {a for a, _ in actors(reg, t)} & {"部门", "单位"}, t
