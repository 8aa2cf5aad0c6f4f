"""A body's duties stated without a modal word (issue 11, eleventh session, engineer 11b): the lists of a body's acts
(……履行下列职责：, ……开展下列工作：, ……进行如下审查：) and a public body's act on a thing introduced by a preposition
(……对……进行监督检查).  Each sentence is quoted from a corpus text as it stands there; each test fails on the code before
(main 246825d)."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def duties(reg, article: str) -> set[tuple[int | None, str | None, str, bool]]:
    """(item, actor, modality, explicit) of the duties of one article."""
    doc = parse_text("第一条 " + article, "rules.txt", "text")
    return {(s.item, s.actor, s.modality, s.explicit) for s in extract(doc, reg)}


def test_a_list_of_a_bodys_acts_without_a_modal_word(reg):
    """……履行下列职责：（一）…… with no modal word: the lead-in and each item are the subject's duties (explicit false),
    a public body's or not, as the annotators read them (北京市实施《红十字会法》办法 art. 7, whose 除履行……规定的职责外 is a
    condition before the duty word, not the duty; 地方各级人民代表大会和地方各级人民政府组织法 (2022) art. 35; 北京市安全生产
    条例 art. 16).  Before, the 除 clause hid the duty word and a body the lexicon does not call public got nothing."""
    red_cross = duties(reg, "本市红十字会除履行《中华人民共和国红十字会法》规定的职责外，履行下列职责：\n\n"
                            "（一）宣传、贯彻《中华人民共和国红十字会法》和本办法。\n\n（二）依据红十字会章程吸收会员，发展组织。\n\n"
                            "（三）对容易发生意外伤害的单位进行初级卫生救护培训和组织群众参加现场救护工作。")
    assert {(None, "红十字会", "obligation", False), (1, "红十字会", "obligation", False),
            (2, "红十字会", "obligation", False), (3, "红十字会", "obligation", False)} <= red_cross
    committees = duties(reg, "各专门委员会在本级人民代表大会及其常务委员会领导下，开展下列工作：\n\n"
                             "（一）审议本级人民代表大会主席团或者常务委员会交付的议案；\n\n"
                             "（七）办理本级人民代表大会及其常务委员会交办的其他工作。")
    assert {(None, "各专门委员会", "obligation", False), (1, "各专门委员会", "obligation", False)} <= committees
    head = duties(reg, "生产经营单位的主要负责人对本单位安全生产工作负有下列职责：\n\n（一）建立健全并督促落实安全生产责任制；\n\n"
                       "（二）组织制定并督促落实安全生产规章制度和操作规程；")
    assert {(None, "主要负责人", "obligation", False), (2, "主要负责人", "obligation", False)} <= head


def test_a_list_of_rights_ranks_or_ways_is_no_list_of_duties(reg):
    """Not a list of acts: rights (北京市物业管理条例 art. 27, beijing-wuye: no record), ranks (国家综合性消防救援队伍消防
    救援衔条例 art. 7), ways a party comes about (北京市物业管理条例 art. 40); and a name found in a later clause is not
    the subject of the list (全国人民代表大会议事规则 (2021) art. 10: 主席团 decides the items, 推选主席 is no party)."""
    assert not duties(reg, "业主在物业管理活动中，享有下列权利：\n\n（一）自行管理物业；\n\n"
                           "（二）要求物业服务人按照物业服务合同的约定提供服务；")
    assert not duties(reg, "管理指挥人员消防救援衔设下列三等十一级：\n\n（一）总监、副总监、助理总监；")
    assert not duties(reg, "业主委员会委员候选人通过下列方式产生：\n\n（一）社区党组织推荐；\n\n（二）居民委员会、村民委员会推荐；")
    presidium = duties(reg, "主席团第一次会议推选主席团常务主席若干人，推选主席团成员若干人分别担任每次大会全体会议的执行主席，"
                            "并决定下列事项：\n\n（一）副秘书长的人选；\n\n（二）会议日程；")
    assert {a for _, a, _, _ in presidium} == {"主席团"}
    assert (2, "主席团", "obligation", False) in presidium


def test_a_public_bodys_act_on_a_thing_it_names_after_a_preposition(reg):
    """X对Y进行监督 / X对Y实施监督: a public body's act stated without a modal word, its object a thing introduced by a
    preposition (核安全法 (2017) art. 51 p2; 北京市信息化促进条例 art. 38, beijing-xinxihua).  Before, the thing after
    对 (……对信息化发展规划……) was read as the subject naming a thing the clause is about (业主大会会议分为……), and the
    body got nothing."""
    police = duties(reg, "公安机关对核材料、放射性废物道路运输的实物保护实施监督，依法处理可能危及核材料、放射性废物安全运输的事故。")
    assert (None, "公安机关", "obligation", False) in police or (None, "公安部门", "obligation", False) in police
    it = duties(reg, "市和区、县信息化主管部门对信息化发展规划和政府投资建设信息化工程年度计划的落实情况进行监督检查，并组织开展"
                     "对国家机关的电子政务绩效考核工作。")
    assert (None, "信息化主管部门", "obligation", False) in it


def test_a_comma_between_a_public_body_and_its_act(reg):
    """X，依法对……进行监督检查: a comma between the sentence's subject and its predicate (价格法 (1997) art. 33, jiage;
    国家通用语言文字法 art. 22, tongyong-yuyan-wenzi).  Not after a name in a later clause (北京市征兵工作条例 art. 26:
    ……，通知其常住户口所在地的户口登记机关，并统一编制…… gives the registry nothing)."""
    prices = duties(reg, "县级以上各级人民政府价格主管部门，依法对价格活动进行监督检查，并依照本法的规定对价格违法行为实施行政处罚。")
    assert (None, "价格部门", "obligation", False) in prices
    language = duties(reg, "地方语言文字工作部门和其他有关部门，管理和监督本行政区域内的国家通用语言文字的使用。")
    assert (None, "语言文字工作部门", "obligation", False) in language
    conscripts = duties(reg, "区、县人民政府征兵办公室应当对被批准服现役的公民办理入伍手续，发给《应征公民入伍通知书》，通知其常住户口"
                             "所在地的户口登记机关，并统一编制《新兵花名册》，报市人民政府征兵办公室备案。")
    assert {a for _, a, _, _ in conscripts} == {"征兵办公室"}


def test_a_party_that_cooperates_without_a_modal_word(reg):
    """……由X组织编制，有关部门和单位配合 / ……，生态环境主管部门予以配合: the party that cooperates has the duty (explicit
    false), as the annotators read it (重庆市人民防空条例 art. 11, 噪声污染防治法 (2021) art. 16, 北京市见义勇为人员奖励和
    保护条例 art. 6); not a cooperation that is the object of another act (……，加强信息共享和行动配合)."""
    civil = duties(reg, "人民防空建设规划由各级人民防空主管部门组织编制，有关部门和单位配合。编制规划应依照国家和本市有关规定与城市"
                        "建设相结合。")
    assert {(None, "有关部门", "obligation", False), (None, "有关单位", "obligation", False)} <= civil
    noise = duties(reg, "县级以上人民政府市场监督管理等部门对生产、销售的有噪声限值的产品进行监督抽查，对电梯等特种设备使用时发出的"
                        "噪声进行监督抽测，生态环境主管部门予以配合。")
    assert (None, "生态环境部门", "obligation", False) in noise or (None, "生态环境主管部门", "obligation", False) in noise
    brave = duties(reg, "奖励和保护见义勇为人员的工作由市和区人民政府负责，日常工作由民政部门办理，其他有关部门密切配合。")
    assert any(a and "其他" in a and m == "obligation" for _, a, m, _ in brave)


def test_the_level_of_a_body_in_a_list(reg):
    """……和同级军事机关: 同级 gives the level of a body the name lacks, inside a list (重庆市人民防空条例 art. 5: both
    bodies lead the work, as the annotators read it); 同级人民政府 stays a name of its own."""
    assert duties(reg, "县级以上人民政府和同级军事机关领导本行政区域的人民防空工作。") == {
        (None, "县级以上人民政府", "obligation", False), (None, "军事机关", "obligation", False)}
