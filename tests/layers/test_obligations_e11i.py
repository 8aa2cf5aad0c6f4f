"""Twenty-third session (issue 11, engineer e11i): a body named by its charge (负责……的部门) in a list or after 由.

A department the text names only by what it is in charge of (负责英雄烈士保护工作的部门, 负责管理地震工作的部门或者机构) was read
after its government only when it stood alone before a comma or a modal word (subjects._IN_CHARGE_OF): with a second head
(……的部门或者机构) or a list after it (……的部门和其他有关部门, ……的部门、海事管理机构) the government took the duty, and after 由 it
took nothing.  The construction recurs in 33 readable corpus texts (94 places, 防震减灾法 the most) and in held-out rounds 30
and 33 (航道法, 英雄烈士保护法, 中小企业促进法).  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_round28 import actors
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def test_a_body_named_by_its_charge_opens_a_list(reg):
    """英雄烈士保护法 (2018) 4 p2: the department and the others, not the government it belongs to."""
    got = actors(reg, "县级以上人民政府负责英雄烈士保护工作的部门和其他有关部门应当依法履行职责，做好英雄烈士保护工作。")
    assert ("负责英雄烈士保护工作的部门", "obligation") in got, got
    assert len(got) == 2 and not any(a == "县级以上人民政府" for a, _ in got), got


def test_two_heads_share_the_charge(reg):
    """防震减灾法 (2008) 22, 50: 负责管理地震工作的部门或者机构 is a department and an agency, each bound; the list's first
    member (国务院地震工作主管部门) stays."""
    got = actors(reg, "沿海县级以上地方人民政府负责管理地震工作的部门或者机构，应当加强海域地震活动监测预测工作。")
    assert got == {("负责管理地震工作的部门", "obligation"), ("负责管理地震工作的机构", "obligation")}, got
    got = actors(reg, "国务院地震工作主管部门和县级以上地方人民政府负责管理地震工作的部门或者机构，应当指导、协助、督促有关单位做好"
                      "防震减灾知识的宣传教育。")
    assert ("负责管理地震工作的部门", "obligation") in got and ("地震工作主管部门", "obligation") in got, got


def test_a_bare_body_named_by_its_charge_in_a_list(reg):
    """航道法 (2016) 31: no government before it, a known body after it."""
    got = actors(reg, "与航道有关的工程施工影响航道正常功能的，负责航道管理的部门、海事管理机构应当根据需要对航标或者航道的位置、走向"
                      "进行临时调整。")
    assert got == {("负责航道管理的部门", "obligation"), ("海事管理机构", "obligation")}, got


def test_the_body_named_by_its_charge_after_you_sanctions(reg):
    """英雄烈士保护法 (2018) 28: 由县级以上人民政府负责……的部门责令改正 — the department sanctions."""
    got = actors(reg, "侵占、破坏、污损英雄烈士纪念设施的，由县级以上人民政府负责英雄烈士保护工作的部门责令改正；造成损失的，依法承担民事"
                      "责任。")
    assert ("负责英雄烈士保护工作的部门", "sanction") in got, got


def test_one_body_named_by_its_charge_as_before(reg):
    """广东省华侨权益保护条例 7 (guard): one such body before 负责 was read before and still is."""
    got = actors(reg, "县级以上人民政府负责侨务工作的部门负责指导、协调、监督华侨权益保护工作。")
    assert got == {("负责侨务工作的部门", "obligation")}, got
