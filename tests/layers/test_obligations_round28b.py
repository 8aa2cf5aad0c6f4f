"""Seventeenth session (issue 11, engineer 11e): an army unit named by 部队 is a party.

Classed by construction (python -m kb.dev.duty_misses), army bodies by 军区 / 部队 lost 28 duties in four texts of
rounds 24–26 (预备役军官法, 退役军人保障法, 国防动员法, 中国人民解放军选举全国人民代表大会和县级以上地方各级人民代表大会代表的
办法).  部队 was no head at all: 队 names a body only after a service's word (消防队, 救援队: names._SERVICE_TEAM), and 部
refuses 队 after it (部队 is no office).  部 joins the services' words, so 所在部队, 原所在部队, 预备役部队, 现役部队 and
武装警察部队 are found as any team is (and named without the person they belong to: 退役军人原所在部队 → 原所在部队, as
the annotators write it); 部队特点, 部队建设 (a thing after the unit) stay no name, as 队伍 and 队员 do, and so
does a 部队 that owns the party after it (……部队的执勤人员, ……部队各级监察委员会) or closes a list joined by 和.  The sentences
are quoted from their corpus texts (none is held out) but for the two made-up guards of
test_a_thing_of_the_unit_is_no_party.
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_the_unit_a_soldier_served_in_is_the_party(reg):
    """退役军人保障法 (2020) 19 and 33: 由原所在部队负责处理; 所在部队……可以……提供……培训 — no record before."""
    got = actors(reg, "退役军人移交接收过程中，发生与其服现役有关的问题，由原所在部队负责处理；发生与其安置有关的问题，由安置地人民政府"
                      "负责处理；发生其他移交接收方面问题的，由安置地人民政府负责处理，原所在部队予以配合。")
    assert ("原所在部队", "obligation") in got
    got = actors(reg, "军人退役前，所在部队在保证完成军事任务的前提下，可以根据部队特点和条件提供职业技能储备培训，组织参加高等教育"
                      "自学考试和各类高等学校举办的高等学历继续教育，以及知识拓展、技能培训等非学历继续教育。")
    assert ("所在部队", "permission") in got


def test_a_thing_of_the_unit_is_no_party(reg):
    """Guards: 部队 before a thing (部队建设, 部队特点) names no party, and 队伍 stays no head."""
    assert not any(a and a.endswith("部队") for a, _ in actors(reg, "各级人民政府应当支持部队建设，帮助解决实际困难。"))
    assert not any(a and a.endswith("队") for a, _ in actors(reg, "有关部门应当加强执法队伍建设。"))


def test_a_unit_that_owns_the_party_or_closes_a_list_is_no_name(reg):
    """Guards from the corpus diff of the rule: 监狱法 (2012) 46 lost 人民警察 to 人民警察和人民武装警察部队 (one name, then
    its 执勤人员); 人民武装警察法 (2020) 42's 人民武装警察部队各级监察委员会 was cut to 人民武装警察部队."""
    got = actors(reg, "人民警察和人民武装警察部队的执勤人员遇有下列情形之一，非使用武器不能制止的，按照国家有关规定，可以使用武器：")
    assert ("人民警察", "permission") in got
    got = actors(reg, "中央军事委员会监察委员会、人民武装警察部队各级监察委员会接到公民、法人和其他组织的检举、控告，或者接到县级以上"
                      "人民政府及其有关部门对人民武装警察违法违纪行为的情况通报后，应当依法及时查处，按照有关规定将处理结果反馈检举人、"
                      "控告人或者通报县级以上人民政府及其有关部门。")
    assert ("人民武装警察部队各级监察委员会", "obligation") in got
    assert ("人民武装警察部队", "obligation") not in got


def test_the_unit_is_named_without_the_person_it_belongs_to(reg):
    """退役军人保障法 (2020) 13 and 预备役军官法 (2010) 18: the annotators write 原所在部队 / 所在部队 for 退役军人原所在部队,
    预备役军官所在部队; the person (a known name) took the unit's duty before."""
    got = actors(reg, "退役军人原所在部队应当将退役军人移交安置地人民政府退役军人工作主管部门，安置地人民政府退役军人工作主管部门负责"
                      "接收退役军人。")
    assert ("原所在部队", "obligation") in got and ("退役军人", "obligation") not in got
    got = actors(reg, "考核工作由预备役军官所在部队或者兵役机关会同地方有关部门，根据国家有关规定，按照职责分工，共同组织实施。")
    assert ("所在部队", "obligation") in got and ("预备役军官", "obligation") not in got
