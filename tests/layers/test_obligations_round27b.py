"""The twenty-seventh round of rules, engineer 11b's part (issue 11, sixteenth session): the members of a list that share a
head, the exemption after ；但是, and the sanction words of the liability module kept in one place.

Each sentence is quoted from a corpus text as it stands there (none of them held out); each test but the guards fails on
the code before (5e31cc8).
"""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.layers.obligations.liability import _BODY_ACTS, SANCTION_V
from kb.text.parse import parse_text
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
    """Guard (passes before and after): 民法典 1245's 但是-clause has its own 可以: the keeper's permission stays (动物管理人
    since the lead's decision Q3, nineteenth session: the modifier goes to both agents)."""
    got = records(reg, "饲养的动物造成他人损害的，动物饲养人或者管理人应当承担侵权责任；但是，能够证明损害是因被侵权人故意或者重大"
                       "过失造成的，可以不承担或者减轻责任。")
    assert ("动物管理人", "permission", "不承担或者减轻责任") in got


def test_the_sanction_words_keep_their_two_readings():
    """Guard (passes before and after: the merge changes no reading). SANCTION_V and _BODY_ACTS share their core (责令,
    处以, 罚款 …): after a body's name the loose words are sanctions (予以, 取消), anywhere in an article only their strict
    forms are (予以纠正, 取消……资格; not 予以补偿, 取消订单)."""
    for word in ("责令改正", "处以罚款", "给予警告", "追究刑事责任", "依法处理"):
        assert SANCTION_V.search(word) and _BODY_ACTS.search(word)
    assert SANCTION_V.search("予以补偿") and not _BODY_ACTS.search("予以补偿")
    assert SANCTION_V.search("取消订单") and not _BODY_ACTS.search("取消订单")
    assert _BODY_ACTS.search("予以纠正") and _BODY_ACTS.search("取消其参加资格")


def test_the_violator_after_an_occasion_clause(reg):
    """教育法 (2021) 81 and 北京市突发公共卫生事件应急条例 (2020) 57: the violators stand after a clause that names the occasion
    (举办国家教育考试，; 在突发公共卫生事件应对工作中，), and 疏于管理 is a breach: the bodies (the officials) are liable, the
    persons the penalty names are not (the convention of the persons a penalty names: a violator is named)."""
    got = actors(reg, "举办国家教育考试，教育行政部门、教育考试机构疏于管理，造成考场秩序混乱、作弊情况严重的，对直接负责的主管人员"
                      "和其他直接责任人员，依法给予处分；构成犯罪的，依法追究刑事责任。")
    assert {("教育部门", "liability"), ("教育考试机构", "liability")} <= got
    assert not any(m == "obligation" for _, m in got)
    got = actors(reg, "在突发公共卫生事件应对工作中，有关公职人员不履行、违法履行、不当履行职责，应当受到政务处分的，由任免机关、"
                      "单位，监察机关依法处理；构成犯罪的，依法追究刑事责任。")
    assert ("公职人员", "liability") in got


def test_a_violator_named_after_the_occasion_stays(reg):
    """Guard (passes before and after): 在河湖保护管理工作中，公务人员滥用职权……的 (北京市河湖保护管理条例 (2019)) — a
    violator kb already saw after the occasion keeps its record and its sanctioning bodies."""
    got = actors(reg, "在河湖保护管理工作中，公务人员滥用职权、徇私舞弊、玩忽职守的，由其所在单位或者上级主管部门给予行政处分；"
                      "构成犯罪的，依法追究刑事责任。")
    assert ("公务人员", "liability") in got


def _liability_article(reg, text: str) -> set[tuple[str, str, int | None]]:
    """(actor, modality, item) of the duties of one article in a chapter of legal liability."""
    doc = parse_text("第一章 法律责任\n第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality, s.item) for s in extract(doc, reg)}


def test_an_item_names_its_violator_without_a_closing_de(reg):
    """食品安全法 (2021) 126: the lead-in names no violator (违反本法规定，有下列情形之一的，由……), each item names its own and
    states the breach with no closing 的 ((二) 食品生产经营企业未按规定建立……；): that party is liable on its item
    (chongqing-xiaozuofang 56's gold); only an item ending in ……的 was read so."""
    got = _liability_article(reg, "违反本法规定，有下列情形之一的，由县级以上人民政府食品安全监督管理部门责令改正，给予警告；拒不改正"
                                  "的，处五千元以上五万元以下罚款；情节严重的，责令停产停业，直至吊销许可证：\n"
                                  "（一）食品生产经营企业未按规定建立食品安全管理制度，或者未按规定配备或者培训、考核食品安全管理"
                                  "人员；\n（二）食品生产经营企业未制定食品安全事故处置方案。")
    assert {("食品生产经营企业", "liability", 1), ("食品生产经营企业", "liability", 2)} <= got


def test_an_item_after_a_named_violator_names_no_other(reg):
    """Negative: 北京市出租汽车管理条例 27 — the lead-in names the violator (出租汽车经营者违反本条例，有下列行为之一的); the
    persons an item names (（五）法定代表人和管理人员不按照规定参加……培训) are the object of its breach, not liable."""
    got = _liability_article(reg, "出租汽车经营者违反本条例，有下列行为之一的，由交通行政主管部门给予警告，并可处以200元至2000元的罚款"
                                  "：\n（一）未按规定建立或者执行各项规章制度；\n（二）法定代表人和管理人员不按照规定参加市交通行政"
                                  "主管部门组织的培训或者未经培训合格擅自上岗。")
    assert not any(a in ("法定代表人", "管理人员") and m == "liability" for a, m, _ in got)
