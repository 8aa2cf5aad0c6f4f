"""The twenty-seventh round of rules, engineer 11b's part (issue 11, sixteenth session): the members of a list that share a
head, the exemption after ；但是, and the sanction words of the liability module kept in one place.

Each sentence is quoted from a corpus text as it stands there (none of them held out); each test but the guards fails on
the code before (5e31cc8).
"""
from __future__ import annotations

from kb.layers.obligations.liability import _BODY_ACTS, SANCTION_V
from test_obligations_round25b import actors, records  # the (actor, modality[, action]) of one article's duties
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def test_trades_closed_by_deng_qiye_take_the_head_back(reg):
    """大气污染防治法 (2018) 48: trades closed by 等企业 are each trade's enterprises (钢铁企业 …), as fields closed by 等单位
    are each field's unit (循环经济促进法 21 p2's gold: 电力企业 … 建材企业); 有色金属 is a trade whatever its last character."""
    got = actors(reg, "钢铁、建材、有色金属、石油、化工、制药、矿产开采等企业，应当加强精细化管理，采取集中收集处理等措施，"
                      "严格控制粉尘和气态污染物的排放。")
    assert got == {(n + "企业", "obligation") for n in ("钢铁", "建材", "有色金属", "石油", "化工", "制药", "矿产开采")}


def test_an_activity_before_deng_danwei_is_no_body(reg):
    """消防法 (2021) 9: 施工 is an activity, no body, though its last character would read as one (工): 施工单位."""
    got = actors(reg, "建设工程的消防设计、施工必须符合国家工程建设消防技术标准。建设、设计、施工、工程监理等单位依法对建设工程的"
                      "消防设计、施工质量负责。")
    assert ("施工单位", "obligation") in got
    assert not any(a == "施工" for a, _ in got)


def test_trades_closed_by_deng_qiye_as_violators(reg):
    """野生动物保护法 (2022) 52 p3: the trades closed by 等企业 before the breach (……等企业未按照规定……的) are the violators."""
    got = actors(reg, "违反本法第三十四条第四款规定，铁路、道路、水运、民航、邮政、快递等企业未按照规定查验或者承运、寄递野生动物及其"
                      "制品的，由交通运输、铁路监督管理、民用航空、邮政管理等相关主管部门按照职责分工没收违法所得，并处违法所得一倍以上"
                      "五倍以下罚款；情节严重的，吊销经营许可证。")
    for trade in ("铁路", "道路", "水运", "民航", "邮政", "快递"):
        assert (trade + "企业", "liability") in got


def test_a_category_head_of_its_own_is_not_restored(reg):
    """Guard (passes before and after): 餐饮、娱乐、宾馆等服务性企业 (循环经济促进法 26) — the head is a category of its own,
    not the bare 企业 the trades take back: no 餐饮企业."""
    got = actors(reg, "餐饮、娱乐、宾馆等服务性企业，应当采用节能、节水、节材和有利于保护环境的产品，减少使用或者不使用浪费资源、"
                      "污染环境的产品。")
    assert not any(a.endswith("企业") and a != "服务性企业" for a, _ in got)


def test_modifiers_share_the_agent_head(reg):
    """农产品质量安全法 (2022) 28 p3, 北京市动物防疫条例 (2019) 36 p2: things before an agent's head written once (农药、兽药
    经营者) are each a party with the head (农药经营者, 兽药经营者); kb found no party at all."""
    assert actors(reg, "农药、兽药经营者应当依照有关法律、行政法规的规定建立销售台账，记录购买者、销售日期和药品施用范围等内容。") == \
        {("农药经营者", "obligation"), ("兽药经营者", "obligation")}
    assert actors(reg, "动物、动物产品经营者应当公示动物、动物产品的检疫信息、产地信息。") == \
        {("动物经营者", "obligation"), ("动物产品经营者", "obligation")}


def test_shared_head_not_where_the_shared_words_are_unclear(reg):
    """Negative: 餐具、饮具集中消毒服务单位 (食品安全法 (2021) 58) shares more than its head (集中消毒服务单位): no 餐具单位; and
    生产者、销售者 are parties each (a guard)."""
    got = actors(reg, "餐具、饮具集中消毒服务单位应当具备相应的作业场所、清洗消毒设备或者设施，用水和使用的洗涤剂、消毒剂应当符合相关"
                      "食品安全国家标准和其他国家标准、卫生规范。")
    assert not any(a == "餐具单位" for a, _ in got)
    assert actors(reg, "生产者、销售者应当建立并执行进货检查验收制度。") == {("生产者", "obligation"), ("销售者", "obligation")}


def test_the_exemption_after_danshi_is_no_second_duty(reg):
    """民法典 1248: ……应当承担侵权责任；但是，能够证明……的，不承担侵权责任 — the 但是-clause frees the zoo of the duty, it is no
    second duty of the zoo's (kb recorded 但是，能够证明尽到管理职责的，不承担侵权责任 as one)."""
    assert records(reg, "动物园的动物造成他人损害的，动物园应当承担侵权责任；但是，能够证明尽到管理职责的，不承担侵权责任。") == \
        {("动物园", "obligation", "承担侵权责任")}


def test_an_exemption_with_its_own_modal_word_stays_a_permission(reg):
    """Guard (passes before and after): 民法典 1245's 但是-clause has its own 可以: the keeper's permission stays."""
    got = records(reg, "饲养的动物造成他人损害的，动物饲养人或者管理人应当承担侵权责任；但是，能够证明损害是因被侵权人故意或者重大"
                       "过失造成的，可以不承担或者减轻责任。")
    assert ("管理人", "permission", "不承担或者减轻责任") in got


def test_the_sanction_words_keep_their_two_readings():
    """Guard (passes before and after: the merge changes no reading). SANCTION_V and _BODY_ACTS share their core (责令,
    处以, 罚款 …): after a body's name the loose words are sanctions (予以, 取消), anywhere in an article only their strict
    forms are (予以纠正, 取消……资格; not 予以补偿, 取消订单)."""
    for word in ("责令改正", "处以罚款", "给予警告", "追究刑事责任", "依法处理"):
        assert SANCTION_V.search(word) and _BODY_ACTS.search(word)
    assert SANCTION_V.search("予以补偿") and not _BODY_ACTS.search("予以补偿")
    assert SANCTION_V.search("取消订单") and not _BODY_ACTS.search("取消订单")
    assert _BODY_ACTS.search("予以纠正") and _BODY_ACTS.search("取消其参加资格")
