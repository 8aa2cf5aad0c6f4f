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
from test_obligations_round28 import actors


def test_every_member_of_the_constitutions_list_is_a_party(reg):
    """反间谍法 (2023) 7 p2: one party before (国家机关), six now; 一切 and 各 are no part of a name."""
    got = actors(reg, "一切国家机关和武装力量、各政党和各人民团体、企业事业组织和其他社会组织，都有防范、制止间谍行为，维护国家安全的义务。")
    for party in ("国家机关", "武装力量", "政党", "人民团体", "企业事业组织"):
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
