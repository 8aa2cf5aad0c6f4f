"""Nineteenth session (issue 11, engineer 11m): which party a clause gets.

The tuning set's "act given to another party" misses (216 over 93 texts, kb's record of the act paired with another
gold duty) are, read one by one, mostly not a carried party beating a written one: in 174 of them kb's record is a gold
duty of its own party, and the gold gives the same act to a second party kb has no record for.  Two general classes of
them: a list of steps whose items open with the party that does the step (……应当按照下列程序办理：（一）申请人……提出
申请；（二）乡（镇）人民政府……报……), where kb carried the lead-in's duty to each item and read no item's own party, which
stated its act without a modal word; and parties joined by commas before one modal word (A，B，C，可以……), where kb gave
the modal word to the last alone.  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors, records


def test_an_item_of_a_list_of_steps_opening_with_its_party_gives_it_the_step(reg):
    """重庆市村镇规划建设管理条例 19, 重庆市实施《村民委员会组织法》办法 29, 重庆市市容环境卫生管理条例 21: nothing of the
    item's party before."""
    got = actors(reg, "乡镇企业、乡村公共设施、公益事业建设和农村集中居民点建设，应当符合乡规划、村规划，并按照以下程序办理乡村"
                      "建设规划许可证：\n（一）建设单位或者个人持申请书、村民委员会意见、土地主管部门有关使用土地的证明文件等法律、"
                      "法规规定需要的材料向乡（镇）人民政府提出申请。\n（二）乡（镇）人民政府自受理之日起三个工作日内将初审意见报"
                      "城乡规划主管部门。")
    assert {("个人", "obligation"), ("乡（镇）人民政府", "obligation")} <= got
    got = actors(reg, "村务公开按照下列程序进行：\n（一）村民委员会依法提出村务公开的具体方案；\n（四）村民委员会按照规定的形式和"
                      "时间公布公开方案确定的内容，并报乡、民族乡、镇人民政府备案。")
    assert ("村民委员会", "obligation") in got
    got = actors(reg, "申请临时占道，按下列程序办理：\n（一）申请人持有效证明向所在区县（自治县）市政设施主管部门提出申请；")
    assert ("申请人", "obligation") in got


def test_an_item_of_a_list_of_things_or_persons_names_no_party_of_its_own(reg):
    """The guards the corpus diff asked for: a list of matters a body may rule on (立法法 (2023) 72 p2), of persons whose
    office a body may revoke (北京市人大常委会任免国家机关工作人员条例 (2023) 26), of ways (行政许可法 13)."""
    got = actors(reg, "行政法规可以就下列事项作出规定：\n（一）为执行法律的规定需要制定行政法规的事项；\n（二）宪法第八十九条规定的"
                      "国务院行政管理职权的事项。")
    assert ("国务院", "obligation") not in got
    got = actors(reg, "市人大常委会可以撤销下列本市国家机关工作人员的职务：\n（二）市人民政府个别副市长和秘书长，市人民政府组成部门的"
                      "局长、主任。")
    assert ("市人民政府", "obligation") not in got
    got = actors(reg, "本法第十二条所列事项，通过下列方式能够予以规范的，可以不设行政许可：\n（一）公民、法人或者其他组织能够自主"
                      "决定的；")
    assert ("公民", "obligation") not in got


def test_parties_joined_by_commas_share_the_modal_word_after_them(reg):
    """全国人民代表大会议事规则 (2021) 23, 北京市民兵预备役工作条例 8: clauses that are nothing but parties, joined by commas, are
    one subject; kb gave the modal word to the last of them alone."""
    got = actors(reg, "主席团，全国人民代表大会常务委员会，全国人民代表大会各专门委员会，国务院，中央军事委员会，国家监察委员会，"
                      "最高人民法院，最高人民检察院，可以向全国人民代表大会提出属于全国人民代表大会职权范围内的议案。")
    assert {("主席团", "permission"), ("国务院", "permission"), ("最高人民法院", "permission"),
            ("最高人民检察院", "permission")} <= got
    got = actors(reg, "乡、镇人民政府和街道办事处，企业、事业单位应当把民兵、预备役人员的政治教育纳入全民国防教育计划，保证人员、"
                      "时间、内容的落实。")
    assert {("街道办事处", "obligation"), ("企业", "obligation"), ("事业单位", "obligation")} <= got


def test_a_topic_or_an_object_before_the_party_is_no_party_of_the_list(reg):
    """The guards the tuning scores and the corpus diff asked for: the objects of a verb (北京市乡、民族乡、镇人民代表大会组织条例 29: 补选
    ……; 重庆市残疾人保障条例 38: 新建、扩建……车站……等公共活动场所; 重庆市水文条例 29 p2), a party modified by a clause, the
    body acting on it (北京市节水条例 43 p2)."""
    got = actors(reg, "补选乡、民族乡、镇人民代表大会主席、副主席，乡长、副乡长，镇长、副镇长，应当召开人民代表大会会议。")
    assert not {a for a, _ in got} & {"乡长", "副乡长"}      # (镇长、副镇长 before the modal word: kb's reading as before)
    got = actors(reg, "新建、扩建城市道路、车站、停车场、码头、商场、宾馆、影剧场等公共活动场所，业主应当进行无障碍设计和建设，并设立"
                      "国际通用的无障碍标志。")
    assert not {a for a, _ in got} & {"车站", "商场", "码头", "新建"}
    got = actors(reg, "迁移国家基本水文测站，相应水文机构应当采取应急措施，保证迁移期间水文监测工作正常开展。")
    assert not any(a and a.startswith("迁移") for a, _ in got)
    got = actors(reg, "具备再生水利用条件的非居民用水户，水务部门应当将再生水用量纳入其用水指标，同步合理减少其地下水、自来水的"
                      "用水指标。")
    assert ("非居民用水户", "obligation") not in got


def test_the_staff_a_body_takes_on_bears_the_charge_given_after_them(reg):
    """国防教育法 (2018) 14 p3, 香港特别行政区维护国家安全法 16 p3: 配备 / 聘请 X，负责 / 协助…… gives X the charge, as 设立X，
    负责……; not after a body set up in the same sentence, nor one of two ways of the founder (guangdong-jisheng 12 p2, p3)."""
    got = records(reg, "小学和初级中学可以根据需要聘请校外辅导员，协助学校开展多种形式的国防教育活动。")
    assert ("校外辅导员", "obligation", "协助学校开展多种形式的国防教育活动") in got
    assert ("小学", "permission", "根据需要聘请校外辅导员") in got
    got = actors(reg, "国家机关、社会团体、企业事业单位应当根据需要，设立计划生育工作机构或者配备计划生育工作人员，负责本系统、"
                      "本单位计划生育的具体管理工作。")
    assert ("计划生育工作人员", "obligation") not in got
