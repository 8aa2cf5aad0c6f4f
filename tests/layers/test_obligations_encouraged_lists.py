"""Eighteenth session (issue 11, engineer 11k): every member of a list that is the object of 鼓励 / 支持 / 引导.

The list as the object of 鼓励 / 支持 / 引导 was the largest single cause of missed members of a list after the
session's first rules (`python -m kb.dev.duty_misses`, all tuning texts: 86 misses in 42 texts, notes/e11h.md).  Its
one cause that is no text's own was in kb.layers.obligations.governance._encourage: 支持 + a public body is a
relation, not an encouragement (the data README's convention), and an X机构 the lexicon lacks was guessed a department
(担保机构, 职业培训机构, 仲裁机构), so the businesses and schools of a supported list were dropped while the known
members beside them kept their records.  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_every_body_of_a_supported_list_is_encouraged(reg):
    """职业教育法 (2022) 18 p2 (职业学校 alone was encouraged) and 北京市中关村国家自主创新示范区条例 44 (担保机构 and
    小额贷款机构 were lost between 商业银行 and 保险机构)."""
    got = actors(reg, "国家采取措施，支持残疾人教育机构、职业学校、职业培训机构及其他教育机构开展或者联合开展残疾人职业教育。")
    for party in ("残疾人教育机构", "职业学校", "职业培训机构", "其他教育机构"):
        assert (party, "encouragement") in got
    got = actors(reg, "支持商业银行、担保机构、保险机构和小额贷款机构开展针对示范区内企业的知识产权质押、信用贷款等业务。")
    for party in ("商业银行", "担保机构", "保险机构", "小额贷款机构"):
        assert (party, "encouragement") in got


def test_an_authority_supported_stays_a_relation(reg):
    """Guard: 中国（重庆）自由贸易试验区条例 (2019) 70 — 区域管理机构 is the zone's authority (a 管理机构): supporting it is the
    governments' duty and a relation, and it is not encouraged."""
    got = actors(reg, "创新措施涉及市人民政府及其部门权限的，市人民政府及其有关部门应当支持区域管理机构先行先试。")
    assert ("有关部门", "obligation") in got
    assert ("区域管理机构", "encouragement") not in got
