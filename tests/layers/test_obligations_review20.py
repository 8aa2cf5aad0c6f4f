"""Code review 20 (fifteenth session, 2026-12-06): a governance verb right after 对 opens 对's object — a party named by
what it does (国家对支持、协助反间谍工作的个人和组织给予保护) or a matter (国务院对支持小微企业发展……等情形可以制定……) — not a verb of
the subject's: kb read 支持 as the state's support and made the protected parties "encouraged" to 给予保护 (and 小微企业
"encouraged" to the council's policy).  Each sentence is quoted from a corpus text as it stands there; each assertion but
the guards fails on lead10 4645511."""
from __future__ import annotations

from test_obligations_review18 import records  # (actor, modality, action) of a text's records
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def test_a_party_named_by_its_support_is_not_encouraged(reg):
    # 反间谍法 (2023) art. 9 p1: the state's grant only; no encouragement of 个人 / 组织 "给予保护"
    got = records(reg, "第九条 国家对支持、协助反间谍工作的个人和组织给予保护。\n")
    assert got == {("国家", "obligation", "对支持、协助反间谍工作的个人和组织给予保护")}
    # 反间谍法 (2014) art. 7: nor a party "反间谍工作的组织"
    got = records(reg, "第七条 国家对支持、协助反间谍工作的组织和个人给予保护，对有重大贡献的给予奖励。\n")
    assert not any(m == "encouragement" for _, m, _ in got)
    assert ("国家", "obligation", "对支持、协助反间谍工作的组织和个人给予保护，对有重大贡献的给予奖励") in got
    # 国家情报法 (2018) art. 8 p2 (guojia-qingbao.yml records 国家's grant only)
    got = records(reg, "第八条 国家情报工作应当依法进行。\n国家对支持、协助和配合国家情报工作的个人和组织给予保护。\n")
    assert not any(m == "encouragement" for _, m, _ in got)


def test_a_matter_named_by_a_policy_verb_is_no_encouraged_party(reg):
    # 增值税法 (2024) art. 25 p1: the council's permission; 小微企业 is not encouraged to make policy
    got = records(reg, "第二十五条 根据国民经济和社会发展的需要，国务院对支持小微企业发展、扶持重点产业、鼓励创新创业就业、公益事业捐赠等"
                       "情形可以制定增值税专项优惠政策，报全国人民代表大会常务委员会备案。\n")
    assert not any(a == "小微企业" for a, _, _ in got)
    assert any(a == "国务院" and m == "permission" for a, m, _ in got)


def test_governance_verbs_of_the_subject_stay(reg):
    # guards: the subject's own 鼓励和支持 X, and 对X给予指导 (an object event, not a run after 对), as before
    got = records(reg, "第一条 国家鼓励和支持社会力量参与反间谍工作。\n")
    assert ("社会力量", "encouragement", "参与反间谍工作") in got
    got = records(reg, "第一条 县级以上人民政府应当对居民委员会的工作给予指导、支持和帮助。\n")
    assert ("县级以上人民政府", "obligation", "对居民委员会的工作给予指导、支持和帮助") in got
