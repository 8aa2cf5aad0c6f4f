"""Seventeenth session (issue 11, engineer 11): 用户 and 主体 as a party's head.

Classed by construction (python -m kb.dev.duty_misses), a user of a utility or a service (天然气用户, 天然气居民用户, 非居民
用水户, 网络用户) lost its duties in four tuning texts (chongqing-tianranqi, beijing-jieshui, minfadian-qinquan,
beijing-shuili-gongcheng): kb found such a name only right before a modal word, by discovery, and not before another verb,
a condition or a liability clause.  用户 and 用水户 are persons' heads now (kb.layers.actors.PERSON_SUFFIXES), with the
user's things refused (用户信息, 用户名 …) and the verbs that take a user as their object kept out of the name (妨害用户,
限定用户, 知道其用户).  主体 likewise (民事主体, 信用主体, 道路应用试点主体, 行政执法主体: 13 tuning texts lost duties of
such a party), not where it is a thing or a part (主体工程, 主体责任, 以……为主体, 市场主体登记机关) nor the last member of a
list joined by 和 (农民和农业经营主体 are two parties).  Each sentence is quoted from its corpus text (none is held out).
"""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def records(reg, text: str) -> set[tuple[str | None, str, str]]:
    """(actor, modality, action) of the duties of a one-article text."""
    doc = parse_text(text if text.startswith("第") else "第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality, s.action) for s in extract(doc, reg)}


def actors(reg, text: str) -> set[tuple[str | None, str]]:
    return {(a, m) for a, m, _ in records(reg, text)}


def test_a_user_before_a_condition_or_another_verb_is_the_subject(reg):
    """重庆市天然气管理条例 43, 44, 42 and 北京市燃气管理条例 (2020) 33: the user opens a clause whose modal word comes after a
    condition (……的，应当; 在……后，应当) or bears a duty without one (承担……责任)."""
    assert ("天然气用户", "obligation") in actors(reg, "天然气用户安装、改装、拆除责任范围内天然气设施的，应当委托具有相应资质的单位"
                                                  "按照国家有关工程建设标准和规范实施。")
    assert ("天然气用户", "obligation") in actors(reg, "天然气用户在安装、改装天然气设施完成后，应当向管道天然气经营企业申请通气验收，"
                                                  "管道天然气经营企业应当自收到申请之日起五个工作日内进行通气验收。")
    assert ("天然气居民用户", "obligation") in actors(reg, "天然气居民用户承担下列范围内天然气设施的运行、维护、抢修和更新改造责任：")
    got = actors(reg, "居民用户燃气设施的更新改造，居民用户承担相应费用，国家另有规定的除外。")
    assert ("居民用户", "obligation") in got and ("居民", "obligation") not in got


def test_a_user_is_the_violator_of_a_liability_clause(reg):
    """重庆市天然气管理条例 60: 违反本条例规定，天然气用户有下列行为之一的 — the user is liable, beside the body that acts."""
    got = actors(reg, "违反本条例规定，天然气用户有下列行为之一的，由天然气管理部门责令限期改正；逾期未改正的，对天然气单位用户处一万元"
                      "以上十万元以下罚款，对天然气居民用户处两百元以上一千元以下罚款：")
    assert ("天然气用户", "liability") in got
    assert ("天然气管理部门", "sanction") in got


def test_a_user_named_with_a_modifier_keeps_it(reg):
    """北京市节水条例 (2022) 28: 居民用水户 was cut to 居民 (a known name); the user is the party."""
    got = actors(reg, "居民用水户应当节约用水。")
    assert got == {("居民用水户", "obligation")}


def test_a_users_thing_and_a_verb_before_a_user_make_no_party(reg):
    """Guards: a thing named after the user (用户信息) is no party; a verb before the user (妨害用户, 限定用户) opens no name —
    北京市邮政通信条例 44 and 北京市反不正当竞争条例 12 gave 妨害用户 and 限定用户 with the head alone; 反不正当竞争法 (2019) 28
    gave the violator 妨害监督检查部门 (now the penalised 个人 and 单位, as the annotation convention reads it)."""
    assert not any(a and "用户" in a for a, _ in actors(reg, "网络服务提供者应当对收集的用户信息严格保密。"))
    assert actors(reg, "供水单位应当向用户提供合格的水。") == {("供水单位", "obligation")}
    got = actors(reg, "违反本条例第二十九条第三项规定，在邮政局（所）门前、邮政信筒（箱）周围及邮车必经通道内堆物堆料、摆摊设点，"
                      "妨害用户用邮或者影响邮车通行的，由邮政通信主管部门给予警告、责令限期改正。")
    assert not any(a and a.startswith("妨害") for a, _ in got)
    got = actors(reg, "经营者不得限定用户、消费者只能购买和使用其附带提供的或者其指定的经营者提供的相关商品。")
    assert not any(a and a.startswith("限定") for a, _ in got)
    got = actors(reg, "妨害监督检查部门依照本法履行职责，拒绝、阻碍调查的，由监督检查部门责令改正，对个人可以处五千元以下的罚款，"
                      "对单位可以处五万元以下的罚款，并可以由公安机关依法给予治安管理处罚。")
    assert not any(a and a.startswith("妨害") for a, _ in got)


def test_a_party_named_by_its_role_as_a_subject(reg):
    """民法典 总则 8 and 118 (民事主体), 北京市自动驾驶汽车条例 36 (道路应用试点主体), 广东省优化营商环境条例 48 (行政检查主体): the
    subject was not found (no record) or another party was taken."""
    got = records(reg, "民事主体从事民事活动，不得违反法律，不得违背公序良俗。")
    assert {("民事主体", "prohibition", "违反法律"), ("民事主体", "prohibition", "违背公序良俗")} <= got
    assert ("民事主体", "permission") in actors(reg, "民事主体依法享有债权。")
    assert ("道路应用试点主体", "obligation") in actors(reg, "道路应用试点主体应当建立自动驾驶汽车安全管理制度。")
    assert ("行政检查主体", "obligation") in actors(reg, "行政检查主体应当制定年度行政检查计划，并报上级行政检查主体备案。")


def test_a_thing_a_part_or_a_list_ending_in_zhuti_is_no_one_party(reg):
    """Guards: 个人所得税法 (2018) 15 p2 (市场主体登记机关 stays the body, not 市场主体), 北京市保守国家秘密条例 15 p2 (指定承担主体 is
    the act of the bodies before it), 乡村振兴促进法 66 (农民和农业经营主体: two parties), 主体责任."""
    got = actors(reg, "个人转让股权办理变更登记的，市场主体登记机关应当查验与该股权交易相关的个人所得税的完税凭证。")
    assert ("市场主体登记机关", "obligation") in got and ("市场主体", "obligation") not in got
    got = records(reg, "无承担机关、单位的，由决定设立该机构的机关、单位指定承担主体。")
    assert not any(a and a.endswith("承担主体") for a, _, _ in got)
    got = actors(reg, "支持农民和农业经营主体依法开展互助合作保险。")
    assert {("农民", "encouragement"), ("农业经营主体", "encouragement")} <= got
    assert not any(a and "和" in a for a, _ in got)
    assert actors(reg, "生产经营单位应当落实安全生产主体责任。") == {("生产经营单位", "obligation")}
