"""Code review 25 (nineteenth session, 2026-12-07), findings 2 to 6: the condition rule's guards (one set for both kinds
of evidence), the founding verb of a list, the receivers of a benefit and the pair 等部门和机构 closing a list.  Each
sentence is the finding's reproduction or quoted from the corpus text it names; each pin fails without its guard."""
from __future__ import annotations

from test_obligations_review24 import parties, records
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def test_what_another_does_to_the_party_of_a_condition_is_refused_by_both_kinds_of_evidence(reg):
    """Finding 2: a refusal only engineer 11j's list held (无, 改正, 较多 …) was undone by engineer 11i's, which knew only
    _SUFFERED — 当事人无异议的，可以当场收缴罚款 gave the party the fine it pays (道路交通安全法 108 p2)."""
    got = records(reg, "行政机关应当告知当事人。当事人无异议的，可以当场收缴罚款。")
    assert {(a, act) for _, a, _, act in got} == {("行政机关", "告知当事人"), ("行政机关", "当场收缴罚款")}
    got = records(reg, "执法机关应当责令当事人限期改正。当事人改正的，应当及时通知规划自然资源主管部门。")
    assert {a for _, a, _, act in got if act == "及时通知规划自然资源主管部门"} == {"执法机关"}
    # 农村集体经济组织法 (2024) 28 (tuning): the organisation sets the congress up, not its members
    assert "农村集体经济组织成员" not in parties(reg, "农村集体经济组织成员较多的，可以按照农村集体经济组织章程规定设立成员代表大会。")
    # a person a proceeding is about, a known name too (民事诉讼法 (2023) 146: the court judges)
    assert not parties(reg, "被告反诉的，可以缺席判决。") - {None}
    # the party's answer is its own act (商标法 34, 35 p2, 种子法 18), whether the lexicon knows its name or not
    assert parties(reg, "商标局应当通知申请人。申请人不服的，可以申请复审。") == {"商标局", "申请人"}
    got = records(reg, "商标局应当书面通知商标注册申请人。商标注册申请人不服的，可以申请复审。")
    assert {a for _, a, _, act in got if act == "申请复审"} == {"商标注册申请人"}
    assert parties(reg, "当事人有异议的，可以申请复核。") == {"当事人"}
    got = records(reg, "受委托的旅行社对组团社承担责任。旅游者不同意的，可以解除合同。")      # 旅游法 63 p2
    assert {a for _, a, _, act in got if act == "解除合同"} == {"旅游者"}
    # a party of many chooses its representative (农村土地承包经营纠纷调解仲裁法 19), though 人数 is something suffered
    assert parties(reg, "当事人一方人数众多的，可以推选代表人参加仲裁。") == {"当事人"}


def test_a_public_bodys_order_in_the_sentence_before_is_a_duty_stated_before(reg):
    """Finding 2: the "stated before" guard looked back to the last 。 only; a body that tells or orders the party in the
    sentence before acts on its answer (the party's name unknown to the lexicon: no 11j evidence either)."""
    got = records(reg, "商标局应当书面通知商标注册申请人。商标注册申请人补正的，应当予以受理。")
    assert {a for _, a, _, act in got if act == "予以受理"} == {"商标局"}


def test_a_body_that_ends_acts_on_its_end(reg):
    """Finding 3: 公共图书馆终止的 (test_obligations_review24) pinned nothing — the one-character head 馆 refused the
    unknown name before 终止 was asked.  With one guard set 终止 refused the known parties of the corpus, who do act
    (固体废物污染环境防治法 41, 深圳经济特区学前教育条例 24 p3; laonianren 46's gold 养老机构变更或者终止的): it is no guard."""
    assert parties(reg, "学校终止的，应当依法进行清算。") == {"学校"}
    assert parties(reg, "产生工业固体废物的单位终止的，应当在终止前对设施采取污染防治措施。") == {"单位"}


def test_a_founding_verb_founds_every_member_of_its_list(reg):
    """Finding 4: _BUILT was asked of each member's surface, which opens with 建设 in the first member only."""
    for s in ("支持建设孵化机构、研发机构和检验检测机构。", "鼓励引进和培育金融机构、研发机构。",
              "支持建设中医药创新研究机构和成果转化中心，推动中医药临床服务。",
              "国家鼓励建设和创办小型微型企业创业基地、孵化基地，为小型微型企业提供生产经营场地和服务。"):   # 中小企业促进法 28
        assert not parties(reg, s) - {None}, s
    # the builders stay parties (beijing-jianshe-zhiliang 62 p3), and a list supported to act
    assert parties(reg, "鼓励建设工程有关单位和从业人员投保工程质量保险。") == {"建设工程有关单位", "从业人员"}
    assert parties(reg, "支持商业银行、担保机构开展业务。") == {"商业银行", "担保机构"}


def test_the_person_a_benefit_is_for_receives_it(reg):
    """Finding 5: 对象 is no person's head, so 优抚对象 lost the passive reading when GRANTED was narrowed to receivers."""
    assert not parties(reg, "优抚对象应当予以优待。") - {None}
    assert not parties(reg, "救助对象应当给予生活补助。") - {None}
    assert parties(reg, "市场主体应当给予奖励。") == {"市场主体"}       # (code review 24 finding 2: its own act)


def test_departments_and_bodies_close_a_list_as_departments_and_units_do(reg):
    """Finding 6: 等部门和机构 gave the fields' departments and a bare 机构 (beijing-yesheng-dongwu-2020 32 p6, tuning)."""
    assert parties(reg, "公安、民政、卫生健康等部门和机构应当配合。") == {"公安部门", "民政部门", "卫生健康部门"}
    assert parties(reg, "消防救援机构、电信等有关部门和组织应当配合。") == {"消防救援机构", "电信部门", "有关部门", "有关组织"}
    assert parties(reg, "公安、民政等有关部门和单位应当配合。") == {"公安部门", "民政部门", "有关部门", "有关单位"}
