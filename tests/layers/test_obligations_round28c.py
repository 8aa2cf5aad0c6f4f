"""Seventeenth session (issue 11, engineer 11f): the constitution's list of parties.

Round 28's 国防法 (2020) lost most of its duties to one construction (python -m kb.dev.duty_misses --round 28: 26 of
国防法's misses were members of 45 p3 and 50 p2): the list the constitution opens with 一切 (一切国家机关和武装力量、各政党
和各人民团体、企业事业组织……, 宪法 5), which other national laws repeat (国家安全法 11, 反间谍法 7, 保守国家秘密法 3, 档案法
5, 国防教育法 7, 科学技术普及法 7).  政党 and 武装力量 were no names (no discovered head ends them), so the list stopped at
its first member, and 一切 before a list's first member was not read as a modifier.  The sentences are quoted from their
corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors, records


def test_every_member_of_the_constitutions_list_is_a_party(reg):
    """反间谍法 (2023) 7 p2: one party before (国家机关), six now; 一切 and 各 are no part of a name."""
    got = actors(reg, "一切国家机关和武装力量、各政党和各人民团体、企业事业组织和其他社会组织，都有防范、制止间谍行为，维护国家安全的义务。")
    for party in ("国家机关", "武装力量", "政党", "人民团体", "企业", "事业组织"):    # 企业事业组织 split (eighteenth session)
        assert (party, "obligation") in got


def test_parties_and_the_armed_forces_are_parties(reg):
    """选举法 (2020) 30 p2 (nothing before: 政党 was no name) and 保守国家秘密法 (2010) 3 p2 (the list stopped at 武装力量)."""
    got = actors(reg, "各政党、各人民团体，可以联合或者单独推荐代表候选人。")
    assert {("政党", "permission"), ("人民团体", "permission")} <= got
    got = actors(reg, "一切国家机关、武装力量、政党、社会团体、企业事业单位和公民都有保守国家秘密的义务。")
    assert {("武装力量", "obligation"), ("政党", "obligation"), ("公民", "obligation")} <= got


def test_the_badge_of_the_armed_forces_is_no_party(reg):
    """国徽法 (2020) 10 p2: 国家机关和武装力量的徽章 is a thing; kb gave 国家机关 and 武装力量的徽章 a permission before."""
    assert not any(a for a, _ in actors(reg, "国家机关和武装力量的徽章可以将国徽图案作为核心图案。"))


def test_a_task_borne_is_a_duty(reg):
    """人民武装警察法 (2020) 4 and 人民防空法 (2009) 41 p2: 担负……任务 without a modal word is the body's duty, as 承担……
    (国防法 22 p2, p3 in the files; nothing before)."""
    got = records(reg, "人民武装警察部队担负执勤、处置突发社会安全事件、防范和处置恐怖活动、海上维权执法、抢险救援和防卫作战以及中央军事"
                       "委员会赋予的其他任务。")
    assert any(a == "人民武装警察部队" and m == "obligation" and act.startswith("担负执勤") for a, m, act in got)
    got = records(reg, "群众防空组织战时担负抢险抢修、医疗救护、防火灭火、防疫灭菌、消毒和消除沾染、保障通信联络、抢救人员和抢运物资、"
                       "维护社会治安等任务，平时应当协助防汛、防震等部门担负抢险救灾任务。")
    assert any(a == "群众防空组织" and act.startswith("战时担负抢险抢修") for a, m, act in got)


def test_a_task_that_is_a_time_or_an_activity_granted_for_is_no_duty(reg):
    """Guards from the corpus diff: 预备役人员法 (2022) 43 and 兵役法 (2021) 48 (a person's activities a benefit is granted for),
    国防法 (2020) 58 (……担负……任务时，应当履行……: the task is the time of the duty)."""
    assert not actors(reg, "预备役人员参加军事训练、担负战备勤务、执行非战争军事行动任务期间，军队为其购买人身意外伤害保险。") & {
        ("预备役人员", "obligation")}
    assert ("预备役人员", "obligation") not in actors(reg, "预备役人员参战、参加军事训练、担负战备勤务、执行非战争军事行动任务，享受国家"
                                                         "规定的伙食、交通等补助。")
    got = records(reg, "民兵、预备役人员和其他公民依法参加军事训练，担负战备勤务、防卫作战、非战争军事行动等任务时，应当履行自己的职责和"
                       "义务；国家和社会保障其享有相应的待遇，按照有关规定对其实行抚恤优待。")
    assert not any("担负" in act for _, _, act in got)
    assert any(a == "民兵" and act == "履行自己的职责和义务" for a, _, act in got)


def test_enterprises_and_institutions_called_organisations_are_two_parties(reg):
    """The lead's decision of the eighteenth session: 企业事业组织 is split into 企业 and 事业组织, as 企业事业单位 is (城市居民委员会
    组织法 (1989) 19: 机关、团体、部队、企业事业组织，不参加所在地的居民委员会，但是应当支持所在地的居民委员会的工作); the files
    disagreed (国防法 split it, four older files did not).  Before: one party, 企业事业组织."""
    got = actors(reg, "企业事业组织，应当支持所在地的居民委员会的工作。")
    assert {("企业", "obligation"), ("事业组织", "obligation")} <= got and ("企业事业组织", "obligation") not in got
