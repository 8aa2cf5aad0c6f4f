"""Code review 18 (thirteenth session, 2026-12-06): 凭 / 持 opening what is shown, read as a name.  凭X证书……, 持X到Y
部门……: a preposition, the act's manner, not a party; kb took the words up to the next body's head for one name (凭律师,
凭国务院, 持房地产开发项目转让合同到城乡建设主管部门) and gave it the act, or cut the true subject's action empty.  Each
sentence is quoted from a corpus text as it stands there; each assertion fails on main 0c3b042."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def records(reg, text: str) -> set[tuple[str | None, str, str]]:
    doc = parse_text(text, "rules.txt", "text")
    return {(s.actor, s.modality, s.action) for s in extract(doc, reg)}


def test_a_clause_opened_by_ping_is_no_name(reg):
    # 律师法 (2017) art. 35 p2: the lawyer's right, not one of "凭律师"
    got = records(reg, "第三十五条 律师自行调查取证的，凭律师执业证书和律师事务所证明，可以向有关单位或者个人调查与承办法律事务"
                       "有关的情况。\n")
    assert ("律师", "permission", "向有关单位或者个人调查与承办法律事务有关的情况") in got
    assert not any(a and a.startswith("凭") for a, _, _ in got)
    # 北京市实施《农民专业合作社法》办法 art. 10 p2: the non-farming residents' right
    got = records(reg, "第十条 拥有本市农村土地承包经营权证的非农业户籍人员，凭本人居民身份证和本市农村土地承包经营权证或者村民委员会、"
                       "居民委员会出具的身份证明，可以以农民成员身份申请办理入社登记。\n")
    assert ("非农业户籍人员", "permission", "以农民成员身份申请办理入社登记") in got
    assert not any(a and a.startswith("凭") for a, _, _ in got)


def test_holding_a_paper_to_a_department_is_the_subjects_act(reg):
    # 重庆市城市房地产开发经营管理条例 (2018) art. 29 p1: both parties file the contract; no party "持……到城乡建设主管部门"
    got = records(reg, "第二十九条 转让房地产开发项目，转让人与受让人应当自土地使用权变更登记手续办理完毕之日起三十日内，持房地产开发"
                       "项目转让合同到城乡建设主管部门备案。\n")
    act = "持房地产开发项目转让合同到城乡建设主管部门备案"
    assert {("转让人", "obligation", act), ("受让人", "obligation", act)} <= got
    assert not any(a and a.startswith("持") for a, _, _ in got)
    # names that open with 持 stay names
    assert ("持票人", "obligation", "按照法定程序在票据上签章") in records(reg, "第四条 持票人应当按照法定程序在票据上签章。\n")


def test_a_limited_company_is_a_party(reg):
    """有限责任公司 / 有限合伙企业 open with 有, which opens no discovered name (有下列情形之一的, 有关部门): no record of the
    corpus named either (公司法 (2018) 62: 一人有限责任公司应当……, no actor; 31, 合伙企业法 69 likewise). The lexicon knows
    them now."""
    got = records(reg, "第三十一条 有限责任公司成立后，应当向股东签发出资证明书。\n")
    assert ("有限责任公司", "obligation", "向股东签发出资证明书") in got
    got = records(reg, "第六十二条 一人有限责任公司应当在每一会计年度终了时编制财务会计报告，并经会计师事务所审计。\n")
    assert ("一人有限责任公司", "obligation", "在每一会计年度终了时编制财务会计报告，并经会计师事务所审计") in got
    got = records(reg, "第六十九条 有限合伙企业不得将全部利润分配给部分合伙人；但是，合伙协议另有约定的除外。\n")
    assert ("有限合伙企业", "prohibition", "将全部利润分配给部分合伙人") in got
    # the company's shareholders stay theirs (公司法 (2018) 71)
    got = records(reg, "第七十一条 有限责任公司的股东之间可以相互转让其全部或者部分股权。\n")
    assert ("股东", "permission", "相互转让其全部或者部分股权") in got
    # and 有 before a list of cases stays a condition
    assert ("公司", "obligation", "解散") in records(reg, "第一条 有下列情形之一的，公司应当解散。\n")
