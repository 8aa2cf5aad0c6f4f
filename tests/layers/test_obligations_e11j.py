"""Twenty-fourth session (issue 11, engineer e11j): lists of parties the lexicon lacks before a modal word, again.

Counted over the tuning set (`python -m kb.dev.duty_misses`, rounds 31–34 and all), a member of a list of parties is
one of the largest classes of duties missed in the held-out rounds (123 in 24 of 31 readable texts of rounds 31–34).
Two of its forms are no one text's wording: a list of names the lexicon lacks, none known, separated from its modal
word by a comma (广播电台、电视台……，应当), and a list of short names of bodies and places (宾馆、旅店, 报社、期刊社, 医师或者
护士) right before it — `coordination._bodies_before_modal` took such a list only when the modal word followed at once
and every member, three characters or more, ended in a party's head.  The sentences are quoted from their corpus texts
(none is held out).
"""
from __future__ import annotations

from test_obligations_round28 import actors
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def test_a_comma_between_a_list_of_bodies_and_its_modal_word(reg):
    """英雄烈士保护法 (2018) 19 (held out in round 33): the four media, each a party, as without the comma."""
    got = actors(reg, "广播电台、电视台、报刊出版单位、互联网信息服务提供者，应当通过播放或者刊登英雄烈士题材作品、发布公益广告、"
                      "开设专栏等方式，广泛宣传英雄烈士事迹和精神。")
    assert got == {("广播电台", "obligation"), ("电视台", "obligation"), ("报刊出版单位", "obligation"),
                   ("互联网信息服务提供者", "obligation")}, got


def test_short_names_of_places_before_a_ban(reg):
    """广东省散居少数民族权益保障条例 (2022) 23 and 北京市少数民族权益保障条例 34: hotels and inns stand for their operators
    (the lead's decision Q1); with a comma and a category closing the list as well."""
    got = actors(reg, "宾馆、旅店、招待所不得因生活习惯不同拒绝接待少数民族公民。")
    assert got == {("宾馆", "prohibition"), ("旅店", "prohibition"), ("招待所", "prohibition")}, got
    got = actors(reg, "宾馆、旅店以及其他公共活动场所，不得以风俗习惯为由，拒绝接待少数民族公民。")
    assert {("宾馆", "prohibition"), ("旅店", "prohibition"), ("其他公共活动场所", "prohibition")} <= got, got


def test_short_names_of_bodies_and_persons_before_a_modal_word(reg):
    """著作权法 (2020) 36 p2 (held out in round 34), 大气污染防治法 (2018) 41 (round 31), 北京市精神卫生条例 44: the
    newspapers, the power plants, the physician or the nurse — not the patient the clause informs."""
    got = actors(reg, "报社、期刊社可以对作品作文字性修改、删节。")
    assert got == {("报社", "permission"), ("期刊社", "permission")}, got
    got = actors(reg, "燃煤电厂和其他燃煤单位应当采用清洁生产工艺，配套建设除尘、脱硫、脱硝等装置，或者采取技术改造等其他控制大气"
                      "污染物排放的措施。")
    assert ("燃煤电厂", "obligation") in got, got
    got = actors(reg, "因病情或者治疗等原因需要限制住院精神疾病患者上述权益时，医师或者护士应当将理由告知该精神疾病患者或者其监护人、"
                      "近亲属，并由医疗机构在病历中记录。")
    assert {("医师", "obligation"), ("护士", "obligation")} <= got, got
    assert ("精神疾病患者", "obligation") not in got, got


def test_places_a_relative_clause_names_are_no_parties(reg):
    """重庆市消防条例 (2013) 33 and 北京市实施《集会游行示威法》办法 16 (guards): the head list of a relative clause (where
    the plants must be built) and acts a relative clause closes (举行集会、游行、示威的负责人) give no member."""
    got = actors(reg, "生产、储存和装卸易燃易爆危险物品的工厂、仓库和专用车站、码头，必须设置在城镇边缘或者相对独立的安全地带。")
    assert not {a for a, _ in got} & {"工厂", "码头", "仓库和专用车站"}, got
    got = actors(reg, "举行集会、游行、示威的负责人必须负责维持秩序，并佩戴明显标志。")
    assert not {a for a, _ in got} & {"举行集会", "游行"}, got


def test_a_list_of_things_before_a_modal_word_still_names_no_party(reg):
    """Guards: 建设项目、配套设施 are things (no body's or place's last character); 移动式压力容器 is a thing before its
    filler's name (engineer 11s's guards hold with the comma too)."""
    assert not {a for a, _ in actors(reg, "建设项目、配套设施，应当符合国家规定的标准。")} & {"建设项目", "配套设施"}
    got = actors(reg, "移动式压力容器、气瓶充装单位，应当按照法律、法规、规章和安全技术规范的要求进行充装。")
    assert not any(a == "移动式压力容器" for a, _ in got), got


def test_fields_sharing_a_head_an_object_and_a_one_character_word_are_no_members(reg):
    """Guards, from the corpus diff of a first version: 重庆市实施《集会游行示威法》办法 18 (one organiser of the three
    acts), 重庆市城市管线条例 42 (the owners' and the managers' units), 北京市实施《道路交通安全法》办法 8 p3 (中、小学校),
    未成年人保护法 (2020) 110 (the witness the bodies question after a comma is their object)."""
    got = actors(reg, "集会、游行、示威负责人应当佩戴由主管机关统一制发的标志。")
    assert not {a for a, _ in got} & {"集会", "游行"}, got
    got = actors(reg, "管线权属、管理单位应当将更改、报废、测漏部分的管线资料修改补充到本单位的管线专业图上，并及时将修改补充的信息"
                      "报送城乡建设档案管理机构。")
    assert not any(a == "管线权属" for a, _ in got), got
    got = actors(reg, "学校应当将道路交通安全教育纳入法制教育的内容，中、小学校应当将学生遵守道路交通安全法律、法规的情况纳入综合评定。")
    assert not any(a == "中" for a, _ in got), got
    got = actors(reg, "公安机关、人民检察院、人民法院讯问未成年犯罪嫌疑人、被告人，询问未成年被害人、证人，应当依法通知其法定代理人或者"
                      "其成年亲属、所在学校的代表等合适成年人到场，并采取适当方式，在适当场所进行，保障未成年人的名誉权、隐私权和"
                      "其他合法权益。")
    assert not any(a == "证人" for a, _ in got), got
