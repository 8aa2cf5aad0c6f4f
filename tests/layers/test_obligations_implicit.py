"""Issue 11, engineer 11c (seventeenth session, 2026-12-07): duties stated without a modal word.

有……的义务 / 有……的权利 with a short act (赡养人有维修的义务, 任何单位和个人都有节水的义务, 公民有生育的权利) lost its subject:
the act and its 的 were read as a short modifier of a noun (居民不足二百户的……), so the clause had no actor.  And a right
stated with a duty (公民有受教育的权利和义务) gave the right only, though the conventions of 2026-12-05 (point (a)) give
both.  Each sentence is quoted from the corpus text named; the guards keep what must stay.
"""
from __future__ import annotations

from kb.dev.implicit_duties import construction
from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def records(reg, text: str) -> set[tuple[str | None, str, bool, str]]:
    """(actor, modality, explicit, action) of the duties of a one-article text."""
    doc = parse_text("第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality, s.explicit, s.action) for s in extract(doc, reg)}


def test_a_short_act_of_has_duty_keeps_its_subject(reg):
    # 北京市节水条例 (2022) 7, 老年人权益保障法 (2018) 16 p3: no record before
    assert records(reg, "任何单位和个人都有节水的义务。") == {
        ("任何单位", "obligation", False, "节水"), ("任何个人", "obligation", False, "节水")}
    assert records(reg, "老年人自有的住房，赡养人有维修的义务。") == {("赡养人", "obligation", False, "维修")}
    # 北京市人口与计划生育条例 (2021) 15: the right and the duty after it
    got = records(reg, "公民有生育的权利，也有依法实行计划生育的义务。")
    assert got == {("公民", "permission", True, "生育"), ("公民", "obligation", False, "依法实行计划生育")}


def test_a_short_modifier_stays_a_modifier(reg):
    # guards: a noun after the short modifier's 的 is still no duty of the party before it, and 有关 is no 有
    assert records(reg, "居民不足二百户的，可以设立居民委员会。") == set()
    assert records(reg, "单位有关的人员应当登记。") == {("人员", "obligation", True, "登记")}
    assert records(reg, "赡养人有维修住房的义务。") == {("赡养人", "obligation", False, "维修住房")}


def test_a_right_stated_with_a_duty_gives_both(reg):
    # 教育法 (2021) 9, 人民陪审员法 (2018) 2 p1: the duty was missing
    assert records(reg, "中华人民共和国公民有受教育的权利和义务。") == {
        ("公民", "permission", True, "受教育"), ("公民", "obligation", False, "受教育")}
    assert ("公民", "obligation", False, "依法担任人民陪审员") in records(reg, "公民有依法担任人民陪审员的权利和义务。")
    # guard: a right alone stays a right
    assert records(reg, "中华人民共和国劳动者有休息的权利。") == {("劳动者", "permission", True, "休息")}


def test_the_measure_sorts_duties_by_construction():
    """kb.dev.implicit_duties reads the construction from the words before the action."""
    text = "市民政部门负责社区发展治理的组织协调工作。"
    assert construction(text, text.index("负责"), "负责社区发展治理的组织协调工作") == "负责"
    text = "……的具体办法由市人民政府另行制定。"
    assert construction(text, text.index("另行"), "另行制定") == "由X + verb"
    text = "……的，公安机关不予受理。"
    assert construction(text, text.index("不予"), "不予受理") == "不予 (refusal)"
    text = "国家对在……作出突出贡献的公民和组织，给予表彰和奖励。"
    assert construction(text, text.index("给予"), "给予表彰和奖励") == "对Y给予 (grant)"
