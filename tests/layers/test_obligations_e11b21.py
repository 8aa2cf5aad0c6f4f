"""Twenty-first session (issue 11, engineer e11b): subjects not found — the body a founding names, charged after a comma.

The class "subject" of ``python -m kb.dev.duty_misses`` (1037 duties in 215 texts at main 01067f5) was sub-classed by how
the provision writes the party (tests/data/obligations/README.md, "Subjects not found, a third time").  One general
construction is fixed here: X设立 / 成立 / 组建 / 下设 Y，(具体 / 主要 / 统一)负责 / 承担 / 承办 / 统筹 / 协调 / 管理 / 处理…… gives
the body founded the charge (13 tuning texts gain, none loses), also when the scanner does not read its name (……留检所,
……队, ……协调机制) and when the staff it is given come between (……，按照人口规模配备……工作人员，负责……).  The sentences are
quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_a_body_founded_takes_the_charge_after_an_adverb_or_another_charge_verb(reg):
    """公共图书馆法 22, 海关法 3, 北京市食品安全条例 6, 解放军选举委员会的选举办法 11: 主要承担 / 统一管理 / 统一组织协调 /
    具体承办 after the founded body were the founder's act (only 负责 / 承担 / 代表 right after the comma were a charge)."""
    got = actors(reg, "国家设立国家图书馆，主要承担国家文献信息战略保存、国家书目和联合目录编制、为国家立法和决策服务。")
    assert ("国家图书馆", "obligation") in got
    assert ("国家", "obligation") not in got       # a policy statement's founding: no duty of 国家 (the file gives none)
    assert ("海关总署", "obligation") in actors(reg, "国务院设立海关总署，统一管理全国海关。")
    assert ("食品安全委员会", "obligation") in actors(
        reg, "市和区、县人民政府设立食品安全委员会，统一组织协调本行政区域的食品安全工作，统筹、协调、解决食品安全工作中的"
             "重大问题，推进食品安全长效机制建设。")
    assert ("办公室", "obligation") in actors(reg, "选举委员会下设办公室，具体承办本级有关选举的日常工作。")


def test_a_founded_body_the_scanner_does_not_read_is_named_up_to_its_charge(reg):
    """北京市养犬管理规定 33, 北京市人民防空条例 37 (4), 反外国制裁法 10: ……留检所, ……队, ……协调机制 — no head the scanner
    knows, so the founder kept the charge."""
    got = actors(reg, "市公安机关设立犬类留检所，负责收容处理养犬人放弃饲养的犬、被没收的犬以及无主犬。")
    assert ("犬类留检所", "obligation") in got and ("公安部门", "obligation") in got
    assert ("防化防疫队", "obligation") in actors(
        reg, "卫生、化工、环境保护等部门组建防化防疫队，负责对核武器、化学武器、生物武器袭击的景象、效应进行观测、监测、化验、"
             "侦检，对染毒人员、染毒区进行救治和消毒。")
    assert ("反外国制裁工作协调机制", "obligation") in actors(reg, "国家设立反外国制裁工作协调机制，负责统筹协调相关工作。")


def test_the_staff_between_the_founding_and_the_charge(reg):
    """广东省人口与计划生育条例 (2018) 12 p1: 设立X，按照人口规模配备……工作人员，负责…… — the body set up is charged."""
    got = actors(reg, "乡镇人民政府、街道办事处设立卫生健康工作机构，按照人口规模配备人口与计划生育工作人员，负责本辖区内人口与"
                      "计划生育的管理工作。")
    assert ("卫生健康工作机构", "obligation") in got


def test_a_mechanism_founded_is_charged_only_after_a_policy_subject(reg):
    """出口管制法 5 p2: 国家建立……协调机制，统筹协调…… (the file gives the mechanism the charge); 疫苗管理法 9 and 汕头经济特区
    科技创新促进条例 4 keep the act on the government that builds its mechanism (the tuning diff's false records)."""
    assert ("出口管制工作协调机制", "obligation") in actors(
        reg, "国家建立出口管制工作协调机制，统筹协调出口管制工作重大事项。")
    got = actors(reg, "国务院和省、自治区、直辖市人民政府建立部门协调机制，统筹协调疫苗监督管理有关工作，定期分析疫苗安全形势，"
                      "加强疫苗监督管理，保障疫苗供应。")
    assert ("部门协调机制", "obligation") not in got and ("国务院", "obligation") in got
