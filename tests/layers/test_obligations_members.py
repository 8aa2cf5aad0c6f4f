"""Eighteenth session (issue 11, engineer 11h): the members of a list of parties.

A member of a list of parties was the largest class of duties missed in every round since 24
(`python -m kb.dev.duty_misses`, all tuning texts: 787 misses in 159 texts).  Two of its causes in
kb.layers.obligations.coordination are no one text's: an aside after a member (村民委员会（村民小组）、居民委员会……,
省军区（卫戍区、警备区）、军分区（警备区）和县人民武装部) ended the list at that member, and a list closed by 等 + a category
(……报刊等媒体) lost the party joined after the category (……和政府网站), the listed names reading 媒体和政府网站 as the
category's name.  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors, records


def test_an_aside_after_a_member_does_not_end_the_list(reg):
    """重庆市森林防火条例 (2018) 11 (the list stopped at 村民委员会) and 预备役军官法 (2010) 44 (at 省军区)."""
    got = actors(reg, "森林、林木、林地经营单位和个人，林区的村民委员会（村民小组）、居民委员会、企业、事业单位及其他组织，应当按照区县"
                      "（自治县）人民政府森林防火指挥机构或者乡（镇）人民政府、街道办事处的要求，建立森林防火责任制，划定森林防火责任区，"
                      "明确森林防火负责人。")
    for party in ("村民委员会", "居民委员会", "企业", "事业单位", "其他组织"):
        assert (party, "obligation") in got
    got = actors(reg, "省军区（卫戍区、警备区）、军分区（警备区）和县人民武装部应当根据国防动员的需要，会同县级以上地方人民政府有关部门制定"
                      "预备役军官征召预案。")
    assert {("省军区", "obligation"), ("军分区", "obligation"), ("人民武装部", "obligation")} <= got


def test_an_aside_is_no_part_of_the_action(reg):
    """广东省艾滋病防治条例 (2022) 10 p2: the parties urged are three, and the action no longer opens with （含技工学校）、普通中学."""
    got = records(reg, "县级以上人民政府教育、人力资源社会保障等部门应当指导和督促普通高等学校、职业学校（含技工学校）、普通中学将艾滋病"
                       "防治知识和性健康教育纳入有关课程。")
    urged = {a for a, _, act in got if act.startswith("将艾滋病防治知识")}
    assert {"普通高等学校", "职业学校", "普通中学"} <= urged
    assert not any(act.startswith("（") for _, _, act in got)


def test_an_aside_before_no_party_leaves_the_list_as_it_was(reg):
    """中国人民解放军选举……办法 (2021) 14 p2: 人民武装部分别 is no name kb reads; the list ends before the aside, as it did, and
    its first members keep their duty (省军区 was lost when the aside was passed and nothing followed it)."""
    got = actors(reg, "有关选举事宜，由省军区（卫戍区、警备区）、军分区（警备区）、人民武装部分别与驻地的人民代表大会常务委员会协商决定。")
    assert ("省军区", "obligation") in got


def test_a_party_joined_after_the_category_of_a_list(reg):
    """重庆市国防教育条例 (2010) 15 (政府网站 was lost: the category read as 媒体和政府网站) and 汕头经济特区消防条例 (2022) 32 p3
    (……通信等部门和公用企业: one record for 部门和公用企业 before)."""
    got = actors(reg, "广播电台、电视台、报刊等媒体和政府网站应当开设国防教育节目或者栏目，进行普及国防知识的公益宣传。")
    assert {("广播电台", "obligation"), ("电视台", "obligation"), ("报刊", "obligation"),
            ("政府网站", "obligation")} <= got
    got = actors(reg, "自然资源、住房和城乡建设、气象、地震、供水、供电、供气、通信等部门和公用企业，应当及时、无偿向消防救援机构提供涉及"
                      "消防安全和灭火救援工作的信息资料。")
    assert {("自然资源部门", "obligation"), ("通信部门", "obligation"), ("公用企业", "obligation")} <= got
    assert ("部门和公用企业", "obligation") not in got


def test_a_category_joined_to_a_category_adds_no_party(reg):
    """Guards: 广州市社会急救医疗管理条例 (2023) 34 (……等公共场所和单位: the places, no 单位 of its own) and 国防教育法
    (2018) 22 (a bare 等部门和单位 closes the list, the data README's convention)."""
    got = actors(reg, "政务服务大厅、机场、火车站、客运码头、城市轨道交通站点、高速公路服务区、风景旅游区、学校、体育场馆、养老服务机构、"
                      "大型商场等公共场所和单位应当配置自动体外除颤器，并定期检查、维护保养和做好记录。")
    assert ("机场", "obligation") in got and ("大型商场", "obligation") in got
    assert not {a for a, _ in got} & {"单位", "公共场所", "公共场所和单位"}
    got = actors(reg, "文化、新闻、出版、广播、电影、电视等部门和单位应当根据形势和任务的要求，采取多种形式开展国防教育。")
    assert ("文化部门", "obligation") in got and ("单位", "obligation") not in got


def test_businesses_the_lexicon_lacks_closed_by_an_agent(reg):
    """北京市野生动物保护管理条例 (2020) 27 and 北京市反食品浪费规定 (2021) 13: places and businesses the lexicon lacks, closed by
    等 + the agent they all are (……等餐饮服务提供者, ……等食品经营者), are each a party, as before 等 + a category of bodies (no
    record before: the agent was no head a list could close with, and 超市 read as a territory)."""
    got = actors(reg, "酒楼、饭店、餐厅、民宿、会所、食堂等餐饮服务提供者，对禁止食用的野生动物及其制品不得购买、储存、加工、出售或者提供来料"
                      "加工服务。")
    assert {(p, "prohibition") for p in ("酒楼", "饭店", "餐厅", "民宿", "会所", "食堂")} <= got
    got = actors(reg, "超市、商场、便利店、农贸市场等食品经营者应当建立健全精细化的食品采购、储存等管理制度，按需进货。")
    assert {(p, "obligation") for p in ("超市", "商场", "便利店", "农贸市场")} <= got


def test_a_kind_of_enterprise_closed_by_a_unit_stays_the_unit(reg):
    """Guard from the corpus diff: 北京市安全生产条例 (2022) 15 p2 (小型、微型企业等规模较小的生产经营单位: the unit, not 小型)."""
    got = actors(reg, "依法不需要建立职工代表大会或者职工大会的小型、微型企业等规模较小的生产经营单位，根据本单位实际，可以制定综合性的安全"
                      "生产规章制度。")
    assert not {a for a, _ in got} & {"小型", "企业"}
