"""Eighteenth session (issue 11, engineer 11i): the subject of a condition the actor opens with a short act.

The largest cause of the tuning set's "subject not found" misses (python -m kb.dev.duty_misses, 970 over 194 texts) with
a modal word read and no party found was a clause X + act + 的，closing on its 的 (受托人辞任的，……仍应……): an act of four
characters or fewer was read as a modifier of a noun after 的 (居民公约的内容), so X was passed over and the next clause had
no subject.  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_a_short_act_closing_its_clause_opens_the_actors_condition(reg):
    """信托法 38 p2, 北京市保守国家秘密条例 22 p2, 农村集体经济组织法 23, 合同编 780, 公司法 (2023) 70 p3: nothing before."""
    assert ("受托人", "obligation") in actors(reg, "受托人辞任的，在新受托人选出前仍应履行管理信托事务的职责。")
    got = actors(reg, "涉密人员离岗离职的，应当实行脱密期管理，不得违反规定就业、出国（境），不得以任何方式泄露国家秘密。")
    assert {("涉密人员", "obligation"), ("涉密人员", "prohibition")} <= got
    assert ("农村集体经济组织", "obligation") in actors(reg, "农村集体经济组织合并的，应当在清产核资的基础上编制资产负债表和"
                                                          "财产清单。")
    assert ("承揽人", "obligation") in actors(reg, "承揽人完成工作的，应当向定作人交付工作成果，并提交必要的技术资料和有关"
                                                "质量证明。定作人应当验收该工作成果。")
    assert ("董事", "obligation") in actors(reg, "董事辞任的，应当以书面形式通知公司，公司收到通知之日辞任生效。")


def test_a_condition_that_is_no_act_of_the_duty_bearer_gives_it_no_duty(reg):
    """The guards the tuning scores and the corpus diff asked for: a violation the body acts on (人民警察警衔条例 21,
    北京市建设工程质量条例 43 p2), a change or a death that befalls the actor (特种设备 10 i4, 计划生育 19), a verb's object
    discovery read as a name (公证法 42 p3), a person a proceeding is about (刑事诉讼法 162 p2), a duty stated before in the
    sentence (刑事诉讼法 251: the court's, carried), the next clause's own subject (个人独资企业法 29), a one-character head
    (患病住院治疗的)."""
    assert ("人民警察", "permission") not in actors(reg, "人民警察违犯警纪的，可以给予警衔降级的处分。")
    assert ("施工单位", "permission") not in actors(reg, "监理单位应当要求施工单位改正；施工单位拒不改正的，可以要求暂停施工。")
    got = actors(reg, "特种设备生产单位有下列情形之一的，应当办理变更手续：（四）法定代表人或者主要负责人变更的，应当自变更之日起"
                      "三十日内报原生产许可证的发证机关备案。")
    assert not {("法定代表人", "obligation"), ("主要负责人", "obligation")} & got
    assert not any(a and a.startswith("被吊销") for a, _ in actors(reg, "被吊销公证员执业证书的，不得担任辩护人、诉讼代理人。"))
    assert ("犯罪嫌疑人", "obligation") not in actors(reg, "犯罪嫌疑人自愿认罪的，应当记录在案，随案移送。")
    got = actors(reg, "最高人民法院复核死刑案件，应当讯问被告人，辩护律师提出要求的，应当听取辩护律师的意见。")
    assert ("辩护律师", "obligation") not in got and ("最高人民法院", "obligation") in got
    assert ("个人独资企业", "obligation") not in actors(reg, "个人独资企业解散的，财产应当按照下列顺序清偿：")
    got = actors(reg, "年满六十周岁，用人单位应当给予其子女每年五日的护理假；患病住院治疗的，给予其子女每年累计不超过十五日的护理假。")
    assert not any(a and a.startswith("患病") for a, _ in got)


def test_a_two_character_person_before_the_circumstance_it_acts_in(reg):
    """国防法 (2020) 22 p4 (engineer 11f's left item: the subject before a comma) and 义务教育法 (2018) 29: a person named by two
    characters was read only right before its modal word or a time clause; 在……下 / 在……中 may stand between."""
    got = actors(reg, "民兵在军事机关的指挥下，担负战备勤务、执行非战争军事行动任务和防卫作战任务。")
    assert ("民兵", "obligation") in got
    assert ("教师", "obligation") in actors(reg, "教师在教育教学中应当平等对待学生，关注学生的个体差异，因材施教。")
