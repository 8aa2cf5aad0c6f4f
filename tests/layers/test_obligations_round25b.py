"""The twenty-fifth round of rules, engineer 11b's part (issue 11, fourteenth session): 国家 as a clause's subject.

The tuning gold was counted first (every clause whose subject is the bare 国家, by the class of its verb; the README's
"Twenty-fifth round of rules"): 国家's policy verbs (鼓励, 支持 X, 建立, 实行, 加强, 保障 …) give nothing, a grant to a party
(对X给予, 予以支持, 奖励X, 给予……) is 国家's obligation, explicit false, and 国家 as the subject of a time clause (国家决定实施
国防动员后，……) is no actor of the clause after it.  Each sentence is quoted from a corpus text as it stands there; each
test fails on the code before (lead8 2553b3a).
"""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def records(reg, article: str) -> set[tuple[str, str, str]]:
    """(actor, modality, action) of the duties of one article."""
    doc = parse_text("第一条 " + article, "rules.txt", "text")
    return {(s.actor, s.modality, s.action) for s in extract(doc, reg)}


def actors(reg, article: str) -> set[tuple[str, str]]:
    return {(a, m) for a, m, _ in records(reg, article)}


def test_the_states_decision_is_the_time_of_anothers_duty(reg):
    """国防动员法 5, 10, 63: 国家决定实施国防动员后，应当…… — the state is the subject of the time clause only; the duty is the
    subject's before the ； (公民, 组织; 地方人民政府), or no one's (63: no_actor in the gold).  held-out round 24 found 11 false
    records of 国家 in the text.  The state acting itself keeps its duty (退役军人保障法 60)."""
    got = actors(reg, "公民和组织在和平时期应当依法完成国防动员准备工作；国家决定实施国防动员后，应当完成规定的国防动员任务。")
    assert got == {("公民", "obligation"), ("组织", "obligation")}
    got = records(reg, "地方人民政府应当贯彻和执行国防动员工作的方针、政策和法律、法规；国家决定实施国防动员后，应当根据上级下达的国防"
                       "动员任务，组织本行政区域国防动员的实施。")
    assert ("地方人民政府", "obligation", "根据上级下达的国防动员任务，组织本行政区域国防动员的实施") in got
    assert not any(a == "国家" for a, _, _ in got)
    assert not actors(reg, "国家决定实施国防动员后，根据需要，可以依法在实施国防动员的区域采取下列特别措施：\n"
                           "（一）对金融、交通运输、邮政、电信等行业实行管制；\n（二）需要采取的其他特别措施。")
    assert ("国家", "obligation") in actors(reg, "国家、地方和军队举行重大庆典活动时，应当邀请退役军人代表参加。")


def test_a_grant_of_the_states_is_its_obligation(reg):
    """A grant to a party said without 对……给予 (电影产业促进法 44 予以支持; 反间谍法 (2023) 47 and 国家情报法 24 国家给予妥善安置;
    全国人民代表大会组织法 47 根据实际需要给予; 国家通用语言文字法 7 奖励……) and 对……，给予 whose party holds a 未 (预防未成年人
    犯罪法 14: the 未 of 未成年人 was read as a negation): 国家's obligation, explicit false, as the gold files record it."""
    assert ("国家", "obligation", "对优秀电影的外语翻译制作予以支持，并综合利用外交、文化、教育等对外交流资源开展电影的境外推广活动") in \
        records(reg, "国家对优秀电影的外语翻译制作予以支持，并综合利用外交、文化、教育等对外交流资源开展电影的境外推广活动。")
    assert ("国家", "obligation", "给予妥善安置") in records(reg, "对为国家情报工作作出贡献并需要安置的人员，国家给予妥善安置。")
    assert ("国家", "obligation", "根据实际需要给予适当的补贴和物质上的便利") in records(
        reg, "全国人民代表大会代表在出席全国人民代表大会会议和执行其他属于代表的职务的时候，国家根据实际需要给予适当的补贴和物质上的便利。")
    assert ("国家", "obligation", "奖励为国家通用语言文字事业做出突出贡献的组织和个人") in records(
        reg, "国家奖励为国家通用语言文字事业做出突出贡献的组织和个人。")
    assert ("国家", "obligation", "给予表彰和奖励") in records(reg, "国家对预防未成年人犯罪工作有显著成绩的组织和个人，给予表彰和奖励。")


def test_a_grant_after_the_states_encouragement(reg):
    """公共图书馆法 6, 禁毒法 7, 电影产业促进法 45: 国家鼓励……捐赠，并依法给予税收优惠 — the encouraged parties' act ends before the
    grant, which is 国家's (the gold: 依法给予税收优惠, without the 并); 鼓励 stops a name (国家鼓励公民 was one)."""
    got = records(reg, "国家鼓励公民、法人和其他组织依法向公共图书馆捐赠，并依法给予税收优惠。")
    assert got == {("公民", "encouragement", "依法向公共图书馆捐赠"), ("法人", "encouragement", "依法向公共图书馆捐赠"),
                   ("其他组织", "encouragement", "依法向公共图书馆捐赠"), ("国家", "obligation", "依法给予税收优惠")}
    got = records(reg, "国家鼓励社会力量以捐赠、资助等方式支持电影产业发展，并依法给予优惠。")
    assert got == {("社会力量", "encouragement", "以捐赠、资助等方式支持电影产业发展"), ("国家", "obligation", "依法给予优惠")}


def test_the_states_policy_verbs_give_it_nothing(reg):
    """A duty word after the state's policy verb is the body's it sets up, the encouraged party's or the governed one's (反外国
    制裁法 10: 国家设立……协调机制，负责……; 北京市实施《道路交通安全法》办法 9: 本市鼓励单位和个人……，协助……); an encouraged
    party's 支持 is its own act (学前教育法 66); 鼓励 + a grant inside the encouraged act is the encouraged party's (疫苗管理法
    56 p2); the encouraged parties go on after the policy (土地管理法 (2019) 39)."""
    # (the body set up is charged, as fan-waiguo-zhicai 10 has it, since engineer e11b's founded names: 国家 still gets nothing)
    assert actors(reg, "国家设立反外国制裁工作协调机制，负责统筹协调相关工作。") == {("反外国制裁工作协调机制", "obligation")}
    assert actors(reg, "本市鼓励单位和个人在公安机关交通管理部门的统一组织下，提供志愿服务，协助维护道路交通秩序。") == \
        {("单位", "encouragement"), ("个人", "encouragement")}
    got = records(reg, "国家鼓励自然人、法人和非法人组织通过捐赠、志愿服务等方式支持学前教育事业。")
    assert {a for a, _, _ in got} == {"自然人", "法人", "非法人组织"}
    assert all(x == "通过捐赠、志愿服务等方式支持学前教育事业" for _, _, x in got)
    assert not actors(reg, "国家鼓励通过商业保险等多种形式对预防接种异常反应受种者予以补偿。")
    got = actors(reg, "国家鼓励单位和个人按照土地利用总体规划，在保护和改善生态环境、防止水土流失和土地荒漠化的前提下，开发未利用的"
                      "土地；适宜开发为农用地的，应当优先开发成农用地。")
    assert got == {("单位", "encouragement"), ("个人", "encouragement"), ("单位", "obligation"), ("个人", "obligation")}


def test_fields_closed_by_units_take_the_head_back(reg):
    """国防动员法 51, 62 p2, 清洁生产促进法 15 p3, 北京市建筑绿色发展条例 58: fields closed by 等单位 are each field's unit, as the
    gold files write them (交通运输单位 …; 新闻媒体单位 too: the list closes with 等单位, not 等媒体); a member may be long, the
    last two joined by 和 (……、国防科研生产和市政设施保障等单位), a party may follow the list (……等单位和有关社会团体) and the
    members may be violators (……等单位未按照规定……的).  kb read none of them before (members longer than eight characters,
    和 after the head, 未 after it)."""
    got = actors(reg, "交通运输、邮政、电信、医药卫生、食品和粮食供应、工程建筑、能源化工、大型水利设施、民用核设施、新闻媒体、国防科研生产"
                      "和市政设施保障等单位，应当依法担负国防勤务。")
    assert {a for a, _ in got} == {"交通运输单位", "邮政单位", "电信单位", "医药卫生单位", "食品和粮食供应单位", "工程建筑单位",
                                   "能源化工单位", "大型水利设施单位", "民用核设施单位", "新闻媒体单位", "国防科研生产单位",
                                   "市政设施保障单位"}
    assert {a for a, _ in actors(reg, "新闻出版、广播影视和网络传媒等单位，应当按照国防动员的要求做好宣传教育和相关工作。")} == \
        {"新闻出版单位", "广播影视单位", "网络传媒单位"}
    assert {a for a, _ in actors(reg, "新闻出版、广播影视、文化等单位和有关社会团体，应当发挥各自优势做好清洁生产宣传工作。")} == \
        {"新闻出版单位", "广播影视单位", "文化单位", "社会团体"}
    got = actors(reg, "违反本条例第二十六条第三款规定，供电、供气、供热、供水等单位未按照规定报送结算数据的，由城市管理综合行政执法和水务"
                      "部门依照职责责令限期改正。")
    assert {a for a, m in got if m == "liability"} == {"供电单位", "供气单位", "供热单位", "供水单位"}


def test_a_plan_is_a_thing(reg):
    """重庆市消防条例 (2013) 47: ……制定灭火和应急疏散预案。预案应当包括下列内容： — the plan's contents are no one's duty (the
    gold's no-actor statement); the carried 单位 had the lead-in and its four items."""
    got = records(reg, "单位应当结合实际制定灭火和应急疏散预案。预案应当包括下列内容：\n（一）确定灭火行动、通讯联络、疏散引导、安全防护救护等"
                       "人员分工；\n（二）报警和接警处置措施；\n（三）扑救初起火灾和应急疏散措施；\n（四）通信联络、安全防护救护措施。")
    assert got == {("单位", "obligation", "结合实际制定灭火和应急疏散预案")}


def test_a_list_of_duties_opened_by_an_ascii_colon(reg):
    """安全生产法 (2021) 21: ……负有下列职责: — the lead-in regexes took only a full-width colon (code review 17 item 5)."""
    got = records(reg, "生产经营单位的主要负责人对本单位安全生产工作负有下列职责:\n（一）建立、健全本单位安全生产责任制；\n（二）组织制定本单位"
                       "安全生产规章制度和操作规程。")
    assert ("主要负责人", "obligation", "建立、健全本单位安全生产责任制") in got
    assert ("主要负责人", "obligation", "组织制定本单位安全生产规章制度和操作规程") in got


def test_a_limited_companys_founding_time_and_its_members(reg):
    """公司法 (2023) 43, 50, 68 (code review 18 item 9): 有限责任公司设立时的股东可以…… is the shareholders' permission (the
    company was the party); 有限责任公司设立时，股东未……的 makes the company no violator; 其成员 after 董事会成员 are the members
    (董事会成员成员 was a name)."""
    assert actors(reg, "有限责任公司设立时的股东可以签订设立协议，明确各自在公司设立过程中的权利和义务。") == {("股东", "permission")}
    got = actors(reg, "有限责任公司设立时，股东未按照公司章程规定实际缴纳出资，或者实际出资的非货币财产的实际价额显著低于所认缴的出资额的，"
                      "设立时的其他股东与该股东在出资不足的范围内承担连带责任。")
    assert ("有限责任公司", "liability") not in got
    got = actors(reg, "有限责任公司董事会成员为三人以上，其成员中可以有公司职工代表。")
    assert not any(a.endswith("成员成员") for a, _ in got)
