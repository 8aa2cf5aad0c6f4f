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


def test_offices_and_societies_continue_an_encouraged_list(reg):
    """老年人权益保障法 (2018) 56 p2 (律师事务所 alone: 公证处 and 基层法律服务所 end with no head the loose list knew) and
    北京市建筑绿色发展条例 52 (行业协会 alone: 学会)."""
    got = actors(reg, "鼓励律师事务所、公证处、基层法律服务所和其他法律服务机构为经济困难的老年人提供免费或者优惠服务。")
    for party in ("律师事务所", "公证处", "基层法律服务所"):
        assert (party, "encouragement") in got
    got = actors(reg, "本市支持行业协会、学会、第三方机构为市场主体提供建筑绿色发展相关技术推广、信息咨询、宣传培训、市场拓展、权益保护、"
                      "运行维护评估等方面的服务。")
    assert {("行业协会", "encouragement"), ("学会", "encouragement"), ("第三方机构", "encouragement")} <= got
