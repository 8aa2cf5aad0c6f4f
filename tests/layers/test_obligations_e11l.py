"""Nineteenth session (issue 11, engineer 11l): a 由-agent whose act's object holds 的.

The duties stated without a modal word that kb missed most over the tuning set are the open class 由X + verb (353 of
1,411 missed, 101 texts, ``python -m kb.dev.implicit_duties``).  Of the misses where kb read the gold's agent after 由 and
stated nothing, the largest group (32 duties, 20 texts) was one guard: ``modality.on_agent`` read any 的 within fourteen
characters after the agent as a relative clause around it (主要由捐赠人出资兴建的工程项目), also when the 的 belongs to the
object of the agent's own act (由乡镇人民政府妥善安排他们的生产和生活).  ``modality._agent_of_its_clause`` now tells the
two apart.  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors, records


def test_an_agent_opening_its_clause_acts_on_an_object_with_de(reg):
    """北京市征兵工作条例 35, 律师法 22 p2, 社会保险法 58, 民法典 1163, 北京市实施《义务教育法》办法 11 (tuning texts): 由 opens
    the clause after a comma; the 的 is the object's (他们的生产, 该律师事务所的执业证书, 其应当缴纳的社会保险费)."""
    assert ("乡镇人民政府", "obligation") in actors(reg, "入伍前是农业户口的义务兵退出现役后，由乡镇人民政府妥善安排他们的生产和"
                                                    "生活。")
    assert ("颁发执业证书的部门", "obligation") in actors(reg, "律师事务所终止的，由颁发执业证书的部门注销该律师事务所的执业证书。")
    assert ("社会保险经办机构", "obligation") in actors(reg, "用人单位未按规定申报应当缴纳的社会保险费数额的，按照该单位上月缴费额的"
                                                       "百分之一百一十确定应当缴纳数额；未办理社会保险登记的，由社会保险经办机构"
                                                       "核定其应当缴纳的社会保险费。")
    assert ("法定继承人", "obligation") in actors(reg, "既有法定继承又有遗嘱继承、遗赠的，由法定继承人清偿被继承人依法应当缴纳的"
                                                  "税款和债务。")
    got = actors(reg, "具有本市户籍的适龄儿童、少年，由父母或者其他法定监护人持本人及儿童、少年的身份证明，到户籍所在区、县的教育"
                      "行政部门确定的学校办理入学手续。")
    assert {("父母", "obligation"), ("其他法定监护人", "obligation")} <= got


def test_an_agent_after_the_topic_of_its_act(reg):
    """重庆市蚕种管理条例 20: a thing's name opens the sentence, the agent acts on it (原蚕种由……选择……单位)."""
    assert ("蚕种管理机构", "obligation") in actors(reg, "原蚕种由市蚕种管理机构选择具备条件的蚕种生产、科研、教学单位，严格按市统一"
                                                     "计划繁殖生产。")


def test_a_relative_clause_around_the_agent_stays_one(reg):
    """The guards the tuning scores asked for: a noun phrase the 由-phrase modifies (test_obligations_rules keeps 主要由捐赠人
    出资兴建的工程项目), the object of a verb before 由 (北京市征兵工作条例 15), the body the agent names (重庆市农村集体资产管理
    条例 4), a share of the body's members (中国人民解放军选举全国人民代表大会和县级以上地方各级人民代表大会代表的办法 36 p2) and
    an exception (彭水自治县矿产资源管理条例 6)."""
    got = records(reg, "区、县人民政府征兵办公室对经过兵役登记的适龄公民，发放由市人民政府征兵办公室印制的《北京市公民兵役证》，并负责"
                       "《北京市公民兵役证》的管理、核验工作。")
    assert not any(action.startswith("印制") for _, _, action in got)
    got = records(reg, "农村集体经济组织负责农村集体资产的经营管理。未建立乡（镇）集体经济组织的，由乡（镇）人民政府确定的机构负责；"
                       "未建立村集体经济组织的，由村民委员会负责。")
    assert not any(action.startswith("确定的机构") for _, _, action in got)
    assert not any(a and a.endswith("军人代表大会") for a, _ in actors(reg, "罢免代表须经原选举单位过半数的军人通过，或者由各该级军人"
                                                                           "代表大会过半数的代表通过。"))
    got = records(reg, "自治县行政区域内的矿产资源，除依法由国土资源部和市国土资源主管部门审批发证的以外，由自治县国土资源主管部门审批"
                       "颁发采矿许可证，报市国土资源主管部门备案。")
    assert not any("审批发证的以外" in action for _, _, action in got)
