"""Lists of actors kb cut short (issue 11, twelfth session, engineer 11b): lists of department stems closed by a
connector of their own — the last stem joined by 和 / 及 / 或者 (财政、审计和监察部门) or the list closed by 其他
(……、信息化及其他有关部门, ……及其他用卡场景业务主管部门) — and 组织 joined to persons (公民和组织应当……).  Each sentence is
quoted from a corpus text as it stands there; the tests fail on the code before (main b9613ae), where such a list gave
no department at all, or one garbage name (质量技术监督和财政部门, 网信及行业主管部门), or the government named before the
stems, or 公民 alone."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def actors(reg, article: str) -> set[tuple[str, str]]:
    """(actor, modality) of the duties of one article."""
    doc = parse_text("第一条 " + article, "rules.txt", "text")
    return {(s.actor, s.modality) for s in extract(doc, reg)}


def test_the_last_stem_joined_by_and(reg):
    """财政、审计和监察部门: three departments (重庆市失业保险条例 (2011) art. 5 p3; 广东省艾滋病防治条例 (2022) art. 32,
    where the list named nobody and the government before the stems took the duty; 北京市水土保持条例 (2019) art. 5 p2,
    where 质量技术监督和财政 was one department's name).  审计 is a verb too (审计机关 audits): as a stem of a list it
    names a department."""
    assert actors(reg, "地方税务机关负责失业保险费的征收。财政、审计和监察部门依法对失业保险基金的收支、管理情况进行监督。") >= {
        ("财政部门", "obligation"), ("审计部门", "obligation"), ("监察部门", "obligation")}
    aids = actors(reg, "县级以上人民政府公安、卫生健康、司法行政和药品监督管理等部门应当互相配合，加强对吸毒人员的艾滋病监测，"
                       "建立强制隔离戒毒、社区戒毒、社区康复和戒毒药物维持治疗等相衔接的治疗机制以及异地服药的保障机制。")
    assert {("公安部门", "obligation"), ("卫生健康部门", "obligation"), ("药品监督管理部门", "obligation")} <= aids
    assert ("县级以上人民政府", "obligation") not in aids
    soil = actors(reg, "发展改革、规划、国土资源、农业、园林绿化、市政市容、环境保护、住房和城乡建设、质量技术监督和财政等有关部门，"
                       "按照各自职责做好有关的水土流失预防和治理工作。")
    assert {("质量技术监督部门", "obligation"), ("财政部门", "obligation")} <= soil
    assert not any("和财政" in a for a, _ in soil)


def test_a_list_closed_by_other_departments(reg):
    """……及其他X部门: the stems' departments and the other ones, each an actor (北京市推进京津冀社会保障卡一卡通规定
    art. 21 p2, beijing-shebaoka, whose annotator records 人力资源和社会保障部门, 政务服务和数据管理部门 and
    其他用卡场景业务主管部门; 国境卫生检疫法 (2024) art. 5 p3)."""
    card = actors(reg, "人力资源和社会保障、政务服务和数据管理及其他用卡场景业务主管部门应当加强线上线下业务安全管理，"
                       "建立突发事件应急处置机制，加强风险监测，采取相应的技术措施和其他必要措施，做好京津冀一卡通相关数据安全和网络"
                       "安全工作；对在服务过程中知悉的个人信息应当严格保密，不得泄露、篡改、毁损、出售或者非法向他人提供。")
    assert {("人力资源和社会保障部门", "obligation"), ("政务服务和数据管理部门", "obligation"),
            ("其他用卡场景业务主管部门", "obligation"), ("其他用卡场景业务主管部门", "prohibition")} <= card
    quarantine = actors(reg, "海关、卫生健康、疾病预防控制和其他有关部门在国境卫生检疫工作中应当密切配合，建立部门协调机制，"
                             "强化信息共享和协同联动。")
    assert ("疾病预防控制部门", "obligation") in quarantine
    assert not any("和其他" in a for a, _ in quarantine)


def test_one_department_named_with_and_stays_one(reg):
    """林业和草原 and 城市管理和综合执法 name one department each (国家林业和草原局; the annotators of guangzhou-cishan
    and jiangmen-wenming record 城市管理和综合执法部门), so the lexicon knows them as stems; a list of places closed by
    其他……的管理部门 is no list of departments (北京市老年人权益保障条例 art. 30 p2: the managers of cultural, entertainment
    and sports venues, not 文化部门)."""
    assert ("城市管理和综合执法部门", "obligation") in actors(
        reg, "城市管理和综合执法主管部门组织排水防涝设施维护；负责所管辖道路、桥梁、路灯等市政公共设施（不含房屋建筑）安全运行和抢修。")
    venues = actors(reg, "文化、娱乐、体育和其他公共场所的管理部门和经营单位应当为老年人开展活动提供优惠服务。")
    assert ("文化部门", "obligation") not in venues


def test_organisations_joined_to_persons_are_a_party(reg):
    """公民和组织 / 个人和组织 / 公民、组织 before the clause's modal word or verb: 组织 is the organisations, a party of its own,
    not the verb (to organise) a name cannot hold (国防法 (2020) art. 55 p2; 国防交通法 art. 5, guofang-jiaotong, whose
    annotator records 公民 and 组织; 禁毒法 (2007) art. 11 p2, where the list's 组织 was read into the encouraged act).
    组织者 stays no party of this kind, and 组织 followed by its object stays the verb."""
    assert {("公民", "obligation"), ("组织", "obligation"), ("组织", "prohibition")} <= actors(
        reg, "公民和组织应当保护国防设施，不得破坏、危害国防设施。")
    assert {("公民", "encouragement"), ("组织", "encouragement")} <= actors(
        reg, "国家鼓励公民、组织开展公益性的禁毒宣传活动。")
    assert ("组织", "obligation") not in actors(reg, "活动的承办单位和组织者应当宣传告知文明观赛要求。")


def test_a_list_after_its_goes_on_past_the_lexicons_names(reg):
    """其父母或者其他法定监护人应当……: after 其 the list goes on past the names the lexicon knows (义务教育法 (2018) art. 11,
    北京市实施《义务教育法》办法 art. 8, beijing-shishi-yiwu-jiaoyu, whose annotator records 父母 and 其他法定监护人;
    精神卫生法 (2018) art. 28 p2: its 近亲属、所在单位、当地公安机关, where only 近亲属 was read)."""
    assert {("父母", "obligation"), ("其他法定监护人", "obligation")} <= actors(
        reg, "凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育；条件不具备的地区的儿童，可以推迟到七周岁。")
    assert {("近亲属", "obligation"), ("所在单位", "obligation")} <= actors(
        reg, "疑似精神障碍患者发生伤害自身、危害他人安全的行为，或者有伤害自身、危害他人安全的危险的，其近亲属、所在单位、当地公安"
             "机关应当立即采取措施予以制止，并将其送往医疗机构进行精神障碍诊断。")


def test_a_list_closed_by_a_role_names_each_places_holder(reg):
    """……等水工程管理单位 / ……等场所运营单位: the places and works listed are what the role is held for, each one's holder of
    the role is a party (水库管理单位, as chongqing-fangxun-kanghan's gold 16 p4 and 42 p2), not the place, which a list closed
    by a bare 等单位 keeps (thirteenth session). chongqing-fangxun-kanghan 16 p4 (a tuning text), 未成年人保护法 (2020) 56 p1:
    corpus sentences; both gave the bare places."""
    assert actors(reg, "水库、水电站、电灌站、堤防、水闸、堰坝等水工程管理单位应当编制应急预案，报有管辖权的防汛抗旱指挥机构"
                       "批准。") >= {(a + "管理单位", "obligation") for a in ("水库", "水电站", "电灌站", "堤防", "水闸", "堰坝")}
    got = actors(reg, "大型的商场、超市、医院、图书馆、博物馆、科技馆、游乐场、车站、码头、机场、旅游景区景点等场所运营单位应当"
                      "设置搜寻走失未成年人的安全警报系统。")
    assert {("超市运营单位", "obligation"), ("车站运营单位", "obligation"), ("博物馆运营单位", "obligation")} <= got
    assert ("超市", "obligation") not in got and ("车站", "obligation") not in got


def test_fields_closed_by_relevant_units_are_each_fields_unit(reg):
    """新闻、广播、电视等有关单位: fields closed by 有关单位 are each field's unit, as a list closed by 等单位 (chongqing-xiaofang
    11 p2's gold: 新闻单位, 广播单位, 电视单位), not the category 有关单位 (thirteenth session). 消防法 (2021) 6 p5, 海上交通安全法
    (2021) 25: corpus sentences; both gave 有关单位."""
    assert actors(reg, "新闻、广播、电视等有关单位，应当有针对性地面向社会进行消防宣传教育。") == {
        ("新闻单位", "obligation"), ("广播单位", "obligation"), ("电视单位", "obligation")}
    assert actors(reg, "天文、气象、海洋等有关单位应当及时预报、播发和提供航海天文、世界时、海洋气象、海浪、海流、潮汐、冰情等"
                       "信息。") == {("天文单位", "obligation"), ("气象单位", "obligation"), ("海洋单位", "obligation")}
