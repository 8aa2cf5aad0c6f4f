"""Every rule of kb check on a small hand-written text: a bad example it must report (at the line of
the fault) and good examples it must leave alone.  BASE is a clean text every rule passes."""
from __future__ import annotations

import pytest

from kb.check.engine import check
from kb.check.rules import all_rules
from kb.text.parse import parse_text

from conftest import ROOT

#: rules that read the knowledge base (the project's regulation/)
NEEDS_KB = {"upper-repeat", "law-provision-missing"}

BASE = """测试条例

第一章　总则

第一条　为了规范网格管理，根据《中华人民共和国城市居民委员会组织法》，制定本条例。

第二条　本条例所称网格，是指社区内划定的管理单元。

第三条　县级以上人民政府应当加强网格管理。

第二章　管理

第四条　街道办事处应当在每个网格配备网格员。

第五条　网格员发现问题的，应当自发现之日起三日内报告街道办事处。

第六条　任何单位和个人不得损毁网格标识。

第三章　法律责任

第七条　违反本条例第六条规定，损毁网格标识的，由街道办事处责令改正。

第四章　附则

第八条　本条例自2024年1月1日起施行。
"""
def line_of(text: str) -> int:
    return next(i for i, l in enumerate(BASE.splitlines(), 1) if l.startswith(text))


def run(text: str, rule: str, status: str | None = None):
    doc = parse_text(text, "t.txt", meta={"status": status} if status else None)
    # upper-repeat compares with the upper laws of a knowledge base: the project's default one
    return check(doc, ROOT if rule in NEEDS_KB else None, only=[rule]).findings


def swap(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def after(anchor: str, paragraph: str, text: str = BASE) -> str:
    """The text with a new paragraph after the line starting with ``anchor``."""
    lines = text.splitlines()
    i = next(i for i, l in enumerate(lines) if l.startswith(anchor))
    return "\n".join(lines[:i + 1] + ["", paragraph] + lines[i + 1:]) + "\n"


# rule -> (bad text, the line the fault is on, the words at fault)
BAD = {
    "upper-repeat": (swap("第三条　县级以上人民政府应当加强网格管理。",
                          "第三条　居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织。"),
                     line_of("第三条"), "居民委员会是居民自我管理"),
    "num-article": (swap("第五条　", "第九条　"), line_of("第五条"), "第九条"),
    "num-heading": (swap("第三章　法律责任", "第五章　法律责任"), line_of("第三章"), "第五章"),
    "num-item": (after("第六条", "有下列行为之一的，予以劝阻：\n（一）损毁标识；\n（三）涂改标识。"),
                 line_of("第六条") + 4, "（三）"),
    "empty-article": (swap("第三条　县级以上人民政府应当加强网格管理。", "第三条"), line_of("第三条"), "第三条"),
    "placeholder": (swap("2024年1月1日", "2024年 月 日"), line_of("第八条"), "2024年 月 日"),
    "final-chapter": (swap("第二章　管理", "第二章　附则"), line_of("第二章"), "第二章"),
    "ref-missing": (swap("违反本条例第六条", "违反本条例第十六条"), line_of("第七条"), "本条例第十六条"),
    # issue 14 (newcomer review 2, item 3): the knowledge base's 城市居民委员会组织法 has 23 articles, and its
    # 第十七条 two paragraphs
    "law-provision-missing": (swap("组织法》，制定", "组织法》第九十九条，制定"), line_of("第一条"), "第九十九条"),
    "ref-previous": (swap("第三条　县级以上", "第三条　依照前款规定，县级以上"), line_of("第三条"), "前款"),
    "ref-range": (swap("违反本条例第六条", "违反本条例第六条至第四条"), line_of("第七条"), "本条例第六条至第四条"),
    "ref-self-name": (swap("违反本条例第六条", "违反本办法第六条"), line_of("第七条"), "本办法"),
    "law-title": (swap("《中华人民共和国城市居民委员会组织法》", "《城市居民委员会组织法》"), line_of("第一条"),
                  "《城市居民委员会组织法》"),
    "law-repealed": (swap("《中华人民共和国城市居民委员会组织法》", "《中华人民共和国物权法》"), line_of("第一条"),
                     "《中华人民共和国物权法》"),
    "law-brackets": (swap("《中华人民共和国城市居民委员会组织法》", "民法典"), line_of("第一条"), "民法典"),
    "term-unused": (after("第二条", "本条例所称楼栋，是指居民住宅楼。"), line_of("第二条") + 2, "楼栋"),
    "term-before-definition": (after("第六条", "本条例所称网格员，是指网格中的专职工作人员。"),
                               line_of("第四条"), "网格员"),
    "term-duplicate": (after("第八条", "本条例所称网格，是指街道划定的区域。"), line_of("第八条") + 2, "网格"),
    "term-quoted": (swap("加强网格管理", "加强“网格联盟”管理"), line_of("第三条"), "“网格联盟”"),
    "term-variant": (after("第四条", "居民委员会应当协助网格员工作。居委会应当及时通报情况。"), line_of("第四条") + 2, "居委会"),
    "duty-no-actor": (after("第四条", "网格工作经费应当得到保障。"), line_of("第四条") + 2, "网格工作经费应当"),
    "duty-unknown-actor": (after("第四条", "楼栋长应当及时报告。"), line_of("第四条") + 2, "楼栋长"),
    "duty-modal-word": (swap("县级以上人民政府应当", "县级以上人民政府必须"), line_of("第三条"), "必须"),
    "duty-deadline-start": (swap("网格员发现问题的，应当自发现之日起三日内报告", "网格员应当在三日内报告"), line_of("第五条"),
                            "三日内"),
    "duty-no-liability": (after("第五条", "任何单位和个人不得占用网格服务站。"), line_of("第五条") + 2, "不得占用网格服务站"),
    "liability-no-duty": (swap("违反本条例第六条规定，损毁网格标识的", "违反本条例第一条规定的"), line_of("第七条"),
                          "本条例第一条"),
    "form-halfwidth": (swap("为了规范网格管理，根据", "为了规范网格管理,根据"), line_of("第一条"), ","),
    "form-brackets": (swap("第三条　县级以上人民政府", "第三条　县级以上人民政府（含街道"), line_of("第三条"), "（"),
    "form-double-punct": (swap("为了规范网格管理，根据", "为了规范网格管理，，根据"), line_of("第一条"), "，，"),
    "form-trailing-space": (swap("加强网格管理。", "加强网格管理。  "), line_of("第三条"), "  "),
    "form-heading": (swap("第五条　网格员", "第五条 网格员"), line_of("第五条"), "第五条"),
}

# rule -> texts it must leave alone (besides BASE): the exclusions each rule is built on
GOOD = {
    "placeholder": [swap("本条例", "本条例", BASE).replace("第八条　本条例自2024年1月1日起施行。", "第八条　出生年月日应当如实填写。")],
    "final-chapter": [BASE.replace("第四章　附则\n\n第八条　本条例自2024年1月1日起施行。\n", "")],
    "ref-self-name": [swap("测试条例", "测试办法").replace("本条例", "本办法"),
                      after("第三条", "网格管理应当遵守国际关系基本准则。")],       # 基本准则: 本 ends 基本
    "law-title": [swap("《中华人民共和国城市居民委员会组织法》", "《中华人民共和国城市居民委员会组织法》（以下简称《居委会组织法》）")
                  .replace("第三条　县级以上", "第三条　依照《居委会组织法》，县级以上")],
    "law-brackets": [swap("根据《中华人民共和国城市居民委员会组织法》", "根据宪法")],
    # the text's own repealing clause names the law it repeals
    "law-repealed": [swap("第八条　本条例自2024年1月1日起施行。", "第八条　本条例自2024年1月1日起施行。《中华人民共和国物权法》同时废止。")],
    # an extension (包括) after the definition; a term a chapter defines for itself (本章下列用语的含义)
    "term-duplicate": [after("第二条", "本条例所称网格包括城市网格和农村网格。"),
                       after("第二条", "本章下列用语的含义：\n（一）“网格”，是指楼栋划分的小单元。")],
    "term-before-definition": [after("第八条", "本条例所称网格员，是指网格中的专职工作人员。")],
    "term-quoted": [swap("加强网格管理", "坚持“三个代表”重要思想，加强网格管理"),
                    after("第二条", "本条例所称“网格联盟”，是指相邻网格的协作组织。").replace("加强网格管理", "加强“网格联盟”管理"),
                    after("第三条", "设立“网格之星”勋章。每年五月为“网格服务月”。可以使用“网格监制”“网格设计”标志。")],
    "term-variant": [after("第四条", "居民委员会（以下简称居委会）应当协助网格员工作。居委会应当及时通报情况。"),
                     # 五日内向……: a preposition, not the act; the two limits are of different acts
                     after("第四条", "街道办事处应当在收到申请后五个工作日内向申请人发出通知书；签订协议后五日内向申请人退还保证金。")],
    # a term used in a form the term layer does not match: 前款所称, a coordination that shares the head
    "term-unused": [after("第二条", "本条例所称网格服务点，是指楼栋内的服务场所。").replace(
                        "配备网格员。", "配备网格员。网格员应当到网格服务站、服务点报到。"),
                    after("第二条", "本条例所称迁出网格的居民，是指户籍迁出本网格的居民。").replace(
                        "配备网格员。", "配备网格员。居民迁出网格的，应当告知网格员。")],
    "duty-no-actor": [after("第四条", "禁止在网格内乱扔垃圾。"), after("第四条", "网格员的报告应当写明发现问题的时间。"),
                      after("第四条", "从事网格服务，应当遵守本条例。"),
                      # an act as the topic: whoever does it bears the duty
                      after("第四条", "驾驶车辆应当礼让行人。"), after("第四条", "在网格内进行装修作业时，应当避开休息时间。"),
                      after("第四条", "从网格外引进宠物的，应当登记。"),
                      # a modifier (其他应当遵守的规范), a named operator (农产品批发市场), 其
                      after("第四条", "网格员不得有下列行为：\n（一）损毁标识；\n（二）其他应当禁止的行为。"),
                      after("第四条", "农产品批发市场应当设立检测机构。"),
                      after("第四条", "网格员发现问题，其应当及时报告。")],
    "duty-unknown-actor": [after("第四条", "街道办事处可以设立楼栋长。楼栋长应当及时报告。"),
                           after("第四条", "网格机构包括街道网格中心、社区网格站和楼栋长。楼栋长应当及时报告。")],
    # the heading of an article run on into the line before is no reference (num-article reports it)
    "ref-missing": [swap("加强网格管理。", "加强网格管理。 第九条街道办事处应当巡查网格。")],
    "duty-modal-word": [swap("第八条　本条例", "第八条　应纳税额按照规定计算。本条例"),
                        swap("加强网格管理。", "加强网格管理，做到应管尽管。")],
    "duty-deadline-start": [swap("应当自发现之日起三日内报告", "应当在收到通知后三日内报告"),
                            swap("应当自发现之日起三日内报告街道办事处。",
                                 "应当自发现之日起三日内报告街道办事处；情况紧急的，应当在一日内报告。")],
    "duty-no-liability": [after("第六条", "网格员每日工作时间不得超过八小时。"),
                          # a general clause enforces every prohibition of the text
                          after("第四条", "任何单位和个人不得占用网格服务站。").replace(
                              "第七条　违反本条例第六条规定，损毁网格标识的，由街道办事处责令改正。",
                              "第七条　违反本条例规定实施不文明行为，依照相关法律法规规定予以行政处罚。"),
                          after("第四条", "任何单位和个人不得占用网格服务站。").replace(
                              "由街道办事处责令改正。", "由街道办事处责令改正。\n\n违反本条例规定的，由有关部门依法处理。"),
                          after("第四条", "任何单位和个人不得占用网格服务站。").replace(
                              "由街道办事处责令改正。", "由街道办事处责令改正。\n\n有违反本条例其他行为的，由街道办事处责令限期改正。"),
                          # a measure an authority may take; a kind of thing (不得归档的材料)
                          after("第四条", "街道办事处可以禁止或者限制在网格内停放车辆。应当归档的材料和不得归档的材料由街道办事处确定。"),
                          # 禁止 naming a place (禁止吸烟的场所) is no prohibition of its own
                          after("第四条", "吸烟者不得在禁止吸烟的场所吸烟。").replace(
                              "第七条　违反本条例第六条规定", "第七条　违反本条例第四条、第六条规定")],
    "liability-no-duty": [],
    "form-brackets": [swap("第三条　县级以上人民政府", "第三条　县级以上人民政府（含街道办事处）")],
    "form-halfwidth": [swap("2024年1月1日", "2024年1月1日10:00")],
    "law-provision-missing": [swap("组织法》，制定", "组织法》第十七条第二款，制定")],
}


def test_every_rule_has_a_bad_example_here():
    rules = {r for r, x in all_rules().items() if not x.needs}
    assert rules == set(BAD), rules ^ set(BAD)


def test_the_base_text_is_clean():
    doc = parse_text(BASE, "t.txt")
    assert check(doc).findings == []


@pytest.mark.parametrize("rule", sorted(BAD))
def test_bad_example_is_reported_at_its_line(rule):
    text, line, words = BAD[rule]
    found = run(text, rule)
    assert found, f"{rule} found nothing"
    assert any(f.line == line and words in f.words for f in found), [(f.line, f.words, f.message) for f in found]
    for f in found:
        assert f.rule == rule and f.citation and f.message and f.suggestion and f.file == "t.txt"


@pytest.mark.parametrize("rule", sorted(BAD))
def test_good_examples_are_left_alone(rule):
    for text in [BASE] + GOOD.get(rule, []):
        assert run(text, rule) == [], (rule, [(f.line, f.words, f.message) for f in run(text, rule)])


def test_a_break_in_item_numbers_is_reported_once_not_at_every_item_after_it():
    text = after("第六条", "有下列行为之一的，予以劝阻：\n（一）损毁标识；\n（三）涂改标识；\n（四）移动标识；\n（五）遮挡标识。")
    assert [f.words for f in run(text, "num-item")] == ["（三）"]
    text = after("第六条", "有下列行为之一的，予以劝阻：\n（一）损毁标识；\n（二）涂改标识；\n（二）移动标识；\n（三）遮挡标识。")
    assert [(f.line, f.words) for f in run(text, "num-item")] == [(line_of("第六条") + 5, "（二）")]


@pytest.mark.parametrize("general", ["违反本条例规定，构成犯罪的，依法追究刑事责任。",
                                     "违反本条例规定的行为，法律、法规已有处罚规定的，从其规定。"])
def test_a_general_clause_on_a_condition_does_not_enforce_every_prohibition(general):
    text = after("第五条", "任何单位和个人不得占用网格服务站。").replace(
        "由街道办事处责令改正。", "由街道办事处责令改正。\n\n" + general)
    assert [f.words for f in run(text, "duty-no-liability")] == ["不得占用网格服务站"]


def test_a_finding_names_citation_line_column_and_words():
    text, line, _ = BAD["law-brackets"]
    (f,) = run(text, "law-brackets")
    assert (f.citation, f.line, f.words) == ("第一条", line, "民法典")
    src = text.splitlines()[line - 1]
    assert src[f.column - 1:f.column - 1 + len(f.words)] == "民法典"
    assert f.suggestion == "改为《中华人民共和国民法典》"


def test_a_repealed_law_names_its_successor():
    (f,) = run(BAD["law-repealed"][0], "law-repealed")
    assert "2021年1月1日废止" in f.message and "《中华人民共和国民法典》" in f.message


@pytest.mark.parametrize("status,severity", [("草案征求意见稿", "info"), ("草案", "error"), (None, "error")])
def test_placeholder_severity_follows_the_stage(status, severity):
    doc = parse_text(BAD["placeholder"][0], "t.txt", meta={"status": status} if status else None)
    (f,) = check(doc, only=["placeholder"]).findings
    assert f.severity == severity


def test_the_seed_draft_gets_its_known_faults(seed_doc):
    rep = check(seed_doc)
    got = {(f.rule, f.line) for f in rep.findings}
    assert ("placeholder", 269) in got and ("law-brackets", 223) in got and ("form-heading", 166) in got
    assert rep.stage == "comment"
    assert next(f for f in rep.findings if f.rule == "placeholder").severity == "info"


# -- round 3: the weak rules, each fix with a bad and a good example taken from real texts (the source
#    in the comment; tuning texts of tests/data/check, so nothing here is held out)

#: 监察官法 第四条 (官: a person kb's actor words do not know), 深圳经济特区矛盾纠纷多元化解条例 第五十条 (庭),
#: 北京市农村股份合作企业暂行条例 第十四条 (an act as topic: 以其他资产入股的), 重庆市教育督导条例 第九条、第十一条
#: (督学, appointed earlier in the text)
REAL_ACTORS = [
    "监察官应当忠诚坚定、担当尽责、清正廉洁，做严格自律、作风优良、拒腐防变的表率。",
    "劳动争议仲裁庭裁决劳动争议案件，就其中事实清楚的一部分先行裁决后，应当对未裁决的部分进行调解。",
    "除货币外，以其他资产入股的，必须出具产权证明，并办理产权转移手续。",
    "任命或者聘任督学，按照国家规定的任职条件、权限和程序进行。\n\n督学应当服从教育督导机构的管理，接受教育督导机构组织的培训和考核。",
]


@pytest.mark.parametrize("sentence", REAL_ACTORS)
def test_duty_no_actor_sees_subjects_kb_words_do_not_know(sentence):
    assert run(after("第四条", sentence), "duty-no-actor") == []


@pytest.mark.parametrize("sentence,words", [
    # 督学 never appointed or named as acting in the text: no one known
    ("督学应当服从教育督导机构的管理，接受教育督导机构组织的培训和考核。", "督学应当"),
    # 重庆市教育督导条例 第二十七条 with its subject a thing of the text (经费) rather than a document
    ("教育督导经费应当纳入同级财政预算。", "教育督导经费应当"),
])
def test_duty_no_actor_still_reports_a_clause_with_no_one_in_it(sentence, words):
    assert [f.words for f in run(after("第四条", sentence), "duty-no-actor")] == [words]


#: general liability clauses that punish every breach by one party (商业银行法 第八十九条; 北京市优化营商环境条例
#: 第九十二条; 监察官法 第五十二条, whose last item is 其他职务违法犯罪行为) and prohibitions of that party (第九条,
#: 第六十九条, 第二十二条) — and, beside them, a prohibition of another party the clause does not reach
#: (商业银行法 第四十八条: 企业事业单位; 北京市优化营商环境条例 第六十九条第四款: 第三方机构)
PARTY_CLAUSES = [
    ("商业银行违反本法规定的，国务院银行业监督管理机构可以区别不同情形，取消其直接负责的董事、高级管理人员一定期限直至终身的任职资格。",
     "商业银行开展业务，应当遵守公平竞争的原则，不得从事不正当竞争。",
     "企业事业单位可以自主选择一家商业银行的营业场所开立一个办理日常转账结算和现金收付的基本账户，不得开立两个以上基本账户。",
     "不得开立两个以上基本账户"),
    ("政府和有关部门及其工作人员未按照本条例的规定依法履行职责或者侵犯经营主体合法权益的，依法依规追究责任。",
     "行政执法人员现场检查时，以扫描经营主体营业执照二维码记录检查行为，并不得擅自改变行政检查单规定的内容。",
     "行政检查确需第三方机构提供专业协助的，第三方机构不得单独进入检查现场。",
     "不得单独进入检查现场"),
    ("监察官有下列行为之一的，依法给予处理；构成犯罪的，依法追究刑事责任：\n（一）贪污贿赂的；\n（二）其他职务违法犯罪行为。",
     "监察官因工作需要兼职的，应当按照管理权限批准，但是不得领取兼职报酬。",
     "任何单位和个人不得要求监察官从事超出法定职责范围的事务。",
     "不得要求监察官从事超出法定职责范围的事务"),
]


@pytest.mark.parametrize("clause,bound,other,words", PARTY_CLAUSES)
def test_a_general_clause_of_one_party_enforces_that_partys_prohibitions_only(clause, bound, other, words):
    base = BASE.replace("由街道办事处责令改正。", "由街道办事处责令改正。\n\n" + clause)
    assert run(after("第四条", bound, base), "duty-no-liability") == []
    assert [f.words for f in run(after("第四条", other, base), "duty-no-liability")] == [words]


def test_term_quoted_leaves_names_alone_and_reports_a_term():
    # 北京市优化营商环境条例 第六十一条 (slogans joined by ＋), 横琴粤澳深度合作区发展促进条例 (a mark named after a place)
    good = after("第三条", "推行“风险＋信用”“分级分类＋协同”监管。可以使用“澳门监制”标识，建设“澳门新街坊”。")
    assert run(good, "term-quoted") == []
    # 重庆市公共场所控制吸烟条例 第十四条: ways of promotion the prohibition relies on and never explains
    bad = after("第三条", "禁止以“品牌延伸”“品牌共享”等方式进行烟草促销。")
    assert [f.words for f in run(bad, "term-quoted")] == ["“品牌延伸”", "“品牌共享”"]


def test_a_finding_in_a_paragraph_carried_by_an_item_is_on_its_own_line():
    # 北京市人大常委会任免国家机关工作人员条例 第二十七条: paragraphs between two items belong to the first
    # item, each after a blank line; a finding there names the paragraph's line, not the blank one
    # before it (a judge of the held-out texts, round 3, found the line one too early)
    text = after("第四条", "街道办事处可以撤换下列人员：\n\n（一）网格员。\n\n"
                          "在紧急情况下，街道办事处须报告区人民政府。\n\n（二）网格长。")
    lines = text.splitlines()
    [f] = run(text, "duty-modal-word")
    assert lines[f.line - 1].startswith("在紧急情况下") and f.words == "须"
    assert lines[f.line - 1][f.column - 1] == "须"


# -- round 4: the round-3 held-out texts' wrong findings (tuning texts since), each fix with a good example the
#    rule leaves alone and a bad one it still reports, from real texts (the source in the comment)

def as_article_3(sentence: str, text: str = BASE) -> str:
    """BASE with 第三条 replaced: a clause with no subject of its own reads the paragraph before it, and
    第三条 has none in its article."""
    return swap("第三条　县级以上人民政府应当加强网格管理。", "第三条　" + sentence, text)


#: clauses whose subject is an act (its doer bears the duty), a body's own act, a property or content of a thing,
#: a kind of person (应当 in a relative clause), a level of government, or an item of a list whose lead-in names the
#: bearer — none is a duty without an actor
ROUND4_NO_ACTOR_GOOD = [
    # 渔业法 第二条: a long place before the activity
    "在中华人民共和国的内水、滩涂、领海、专属经济区以及中华人民共和国管辖的一切其他海域从事养殖和捕捞水生动物、"
    "水生植物等渔业生产活动，都必须遵守本法。",
    # 阳江市文明行为促进条例 第十三条第一项: a time clause of an act
    "雨天驾驶或通过积水路段时应当减速慢行。",
    # 非物质文化遗产法 第四条、第二十六条、第三十七条第二款: acts as subjects (保护, 确定, 开发利用)
    "保护非物质文化遗产，应当注重其真实性、整体性和传承性。",
    "确定对非物质文化遗产实行区域性整体保护，应当尊重当地居民的意愿。",
    "开发利用非物质文化遗产代表性项目的，应当支持代表性传承人开展传承活动。",
    # 商业银行法 第二十五条第二款: a body's own act
    "商业银行的分立、合并，应当经国务院银行业监督管理机构审查批准。",
    # 商业银行法 第四十九条, 非物质文化遗产法 第二十二条第二款: a property, a condition of a thing
    "商业银行的营业时间应当方便客户，并予以公告。",
    "初评意见应当经专家评审小组成员过半数通过。",
    # 重庆市教育督导条例 第二十七条第二款, 北京市乡村振兴促进条例 第五十一条: a document's content
    "督导意见书应当就督导事项对被督导单位作出客观公正的评价。",
    "村规民约应当弘扬社会主义核心价值观，倡导孝老爱亲、尊重妇女、关爱儿童。",
    # 北京市乡村振兴促进条例 第四十条: ……主体, persons who act
    "农业生产经营主体应当按照国家规定科学合理使用农药、化肥。",
    # 北京市乡村振兴促进条例 第三十条、第四十六条: levels of government
    "涉农区、乡镇应当拓宽村级组织人才选用渠道。",
    "乡镇应当设立综合性政务服务中心和村政务服务站点。",
    # 北京市生活垃圾管理条例 第六十七条第三款: 应当 in a relative clause
    "依据前款规定应当受到处罚的个人，自愿参加生活垃圾分类等社区服务活动的，不予行政处罚。",
    # read in a sample of corpus texts outside every list (seed 20261208): 反有组织犯罪法 第四十一条 (acts as subject),
    # 北京市技术市场条例 第九条 (a party), 对外贸易法 第十五条 (进出口), 监察法 第二十九条 (a relative clause)
    "查封、扣押、冻结、处置涉案财物，应当严格依照法定条件和程序进行。",
    "中介方应当保证自己所提供技术信息的真实性及其来源的合法性。",
    "进出口属于自由进出口的技术，应当向国务院对外贸易主管部门或者其委托的机构办理合同备案登记。",
    "依法应当留置的被调查人如果在逃，监察机关可以决定在本行政区域内通缉。",
    # a second sample (seed 20261209): 湿地保护法 第二十九条 (确需引进的), 重庆市实施《水土保持法》办法 第十九条、第二十三条
    # (开垦……; 依法应当编制……的生产建设项目), 酉阳土家族苗族自治县城镇管理条例 第三十七条、第三十八条 (悬挂标语; 由建设方或
    # 施工方), 农村土地承包经营纠纷调解仲裁法 第四十七条 (仲裁……纠纷), 价格法 第四十七条 (a body's own 收费)
    "禁止向湿地引进和放生外来物种，确需引进的应当进行科学评估，并依法取得批准。",
    "开垦五度以上、二十五度以下的荒坡地应当采取以下水土流失防治措施。",
    "开垦荒坡地面积在二十亩以上的，应当编制水土流失防治方案。",
    "依法应当编制水土保持方案的生产建设项目，生产建设单位未编制水土保持方案的，不得开工建设。",
    "悬挂标语，应当经市政行政主管部门同意，保持整洁、美观，并及时拆除。",
    "因建筑产生的垃圾应当由建设方或施工方负责及时清运。",
    "仲裁农村土地承包经营纠纷，应当自受理仲裁申请之日起六十日内结束。",
    "国家行政机关的收费，应当依法进行，严格控制收费项目，限定收费范围、标准。",
    # a third sample (seed 20261210): a round-5 held-out text, gd-linmu in tests/data/check/README.md (顾问), 北京市小规模食品生产经营管理规定 (小作坊,
    # 食品摊贩; 加工、制作食品), 广东省失业保险条例 (遗属), 森林法 第五十五条、第三十八条、第二十一条 (采伐; 需要临时使用;
    # 确需征收), 村民委员会组织法 第三十二条 (村), 北京市预算审查监督条例 (如实反映), 重庆市行政执法责任制条例 第八条
    # (有条件的，还应: the bearer named at the head of the sentence, past 将……公示)
    "村（居）法律顾问应当参加调处活动。",
    "小作坊从事生产加工活动，应当遵守下列规定。",
    "食品摊贩应当在规定区域、时段内经营。",
    "加工、制作食品，应当生熟分开，食品工具用具专用。",
    "失业人员的遗属应当在失业人员死亡或者收到宣告失业人员死亡判决书之日起六个月内，凭本人身份证明、与失业人员的关系证明和"
    "失业人员的死亡证明，到社会保险经办机构办理领取丧葬补助金、抚恤金和失业保险金的手续。",
    "采伐森林、林木应当遵守下列规定。",
    "需要临时使用林地的，应当经县级以上人民政府林业主管部门批准。",
    "为了生态保护、基础设施建设等公共利益的需要，确需征收、征用林地、林木的，应当依照《中华人民共和国土地管理法》等法律、"
    "行政法规的规定办理审批手续，并给予公平、合理的补偿。",
    "村应当建立村务监督委员会。",
    "审计工作报告应当如实反映对市级预算执行和其他财政收支及市级决算草案的审计工作情况、审计评价、存在问题、处理情况。",
    "行政执法主体应当建立行政执法公开制度，将执法依据、职责范围、执法程序等内容在其办公场所的公共区域公示，"
    "有条件的，还应在公共信息网络上公布。",
    # 北京市生活垃圾管理条例 第三十六条: the lead-in names the bearer of its items
    "生活垃圾分类管理责任人应当按照下列规定设置生活垃圾分类收集容器：\n\n"
    "（一）住宅小区和自然村应当在公共区域成组设置厨余垃圾、其他垃圾两类收集容器。",
]


@pytest.mark.parametrize("sentence", ROUND4_NO_ACTOR_GOOD)
def test_duty_no_actor_round_4_leaves_acts_properties_and_named_bearers_alone(sentence):
    assert run(as_article_3(sentence), "duty-no-actor") == []


@pytest.mark.parametrize("sentence,words", [
    # 重庆市实施《集会游行示威法》办法 第二条: 举行的集会 is a thing, not the act (in a long place, too)
    ("在本市行政区域内的公共道路和露天公共场所举行的集会、游行、示威，必须遵守本办法。", "必须"),
    # 渔业法 第十七条: 进口、出口 of a thing, not a body's act
    ("水产苗种的进口、出口必须实施检疫。", "水产苗种的进口、出口必须"),
    # 北京市农村集体经济审计条例: a document that must be sent on, not its content
    ("审计意见书应当报上一级审计机构备案。", "审计意见书应当"),
    # 遂宁市社区发展治理促进条例（草案）: an activity as subject, 弘扬 as its duty
    ("社区发展治理工作应当弘扬社会主义核心价值观。", "社区发展治理工作应当"),
    # 广东省气候资源保护和开发利用条例 第二十条: 保护、开发 inside the name of a thing
    ("气候资源保护和开发利用规划经批准后应当纳入同级国土空间基础信息平台。", "气候资源保护和开发利用规划经批准后应当"),
    # 体育法 第十二条第二款: 城市 is no level of government's name
    ("城市应当发挥居民委员会等社区基层组织的作用，组织居民开展体育活动。", "城市应当"),
    # 重庆市实施《水土保持法》办法 第二十五条: a thing after the relative clause is the subject of its own clause
    ("依法应当编制水土保持方案的生产建设项目中的水土保持设施，应当与主体工程同时设计、同时施工、同时投产使用。",
     "依法应当编制水土保持方案的生产建设项目中的水土保持设施，应当"),
    # 遂宁市社区发展治理促进条例（草案）: 应当……的比例 is a duty, not a relative clause (no 依法 before it)
    ("新增公共服务支出通过政府购买服务的部分，应当增加向社会组织购买的比例。", "新增公共服务支出通过政府购买服务的部分，应当"),
    # 关税法 第三十六条: 加工贸易 is a trade, not the act 加工 (the duty after 除……外 names no one)
    ("加工贸易保税进口料件或者其制成品内销的，除按照规定征收关税外，还应当征收缓税利息。", "还应当"),
    # 江门市文明行为促进条例 第十二条: 方面 is no party (中介方, 甲方 are)
    ("在维护公共卫生方面，应当遵守下列规定：", "在维护公共卫生方面，应当"),
    # 江门市文明行为促进条例 第十四条: a lead-in that names no bearer leaves its items' subjects to them
    ("在维护交通秩序方面，应当遵守下列规定：\n\n（六）机动车应当依照标识方向停放在规定地点。", "机动车应当"),
])
def test_duty_no_actor_round_4_still_reports_a_clause_with_no_one_in_it(sentence, words):
    assert words in [f.words for f in run(as_article_3(sentence), "duty-no-actor")]


def with_liability(prohibition: str, liability: str) -> str:
    return as_article_3(prohibition, BASE.replace("由街道办事处责令改正。", "由街道办事处责令改正。\n\n" + liability))


#: a prohibition a liability clause reaches by naming its verbs (a list of bare verbs, the verb after 对/以 and
#: its object), with 以……理由 read on into the act, and an incompatibility rule
ROUND4_LIABILITY_GOOD = [
    # 北京市地方金融监督管理条例 第二十七条第三款, 第五十四条
    ("有关单位和个人应当配合检查，如实说明有关情况并提供文件资料，不得隐瞒、拒绝或者阻碍。",
     "地方金融组织及其工作人员阻碍地方金融监督管理部门工作人员依法执行职务的，依照《中华人民共和国治安管理处罚法》予以处罚。"),
    # 体育法 第三十三条, 第四十七条
    ("体育竞赛的组织者和运动员、教练员、裁判员应当遵守体育道德，不得弄虚作假、营私舞弊。",
     "在竞技体育中从事弄虚作假等违反纪律和体育规则的行为，由体育社会团体按照章程规定给予处罚。"),
    # 监察官法 第五十七条第二款, 第六十五条
    ("任何单位和个人不得对监察官及其近亲属打击报复。", "对打击报复的直接责任人员，应当依法追究其责任。"),
    # 军人保险法 第四十三条, 第四十五条第五项
    ("社会保险经办机构及其工作人员，应当依法为军队单位和军人的信息保密，不得以任何形式泄露。",
     "社会保险经办机构有下列情形之一的，由社会保险行政部门责令改正：\n\n（一）泄露军队单位和军人的信息的。"),
    # 重庆市集体合同条例 第二十条, 第五十条第二项
    ("用人单位不得以保守商业秘密等理由，拒绝、隐瞒或者拖延。",
     "用人单位有下列行为之一的，由人力资源和社会保障行政部门责令其在十五日内改正：\n\n"
     "（一）拒绝提供或者不按时、不如实提供有关集体协商所需情况和资料的。"),
    # 重庆市集体合同条例 第八条第四款: incompatibility, no act
    ("双方协商代表不得相互兼任。", "用人单位有下列行为之一的，由人力资源和社会保障行政部门责令改正：\n\n（一）拒绝提供资料的。"),
    # 监察法 第五十九条, 第六十五条 (its last item 其他滥用职权、玩忽职守、徇私舞弊的行为: every breach by the party)
    ("监察机关涉密人员离岗离职后，应当遵守脱密期管理规定，严格履行保密义务，不得泄露相关秘密。",
     "监察机关及其工作人员有下列行为之一的，对负有责任的领导人员和直接责任人员依法给予处理：\n\n"
     "（一）违反规定处置问题线索的；\n\n（二）其他滥用职权、玩忽职守、徇私舞弊的行为。"),
    # 对外贸易法 第二十九条 (a measure an authority may take), 爱国主义教育法 第三十七条第五项 (禁止 modifies)
    ("国务院对外贸易主管部门可以采取在一定期限内禁止侵权人生产、销售的有关货物进口等措施。",
     "违反本条例第六条规定，损毁标识的，由街道办事处责令改正。"),
    ("任何公民和组织不得有下列行为：\n\n（一）侮辱英雄烈士；\n\n（二）法律、行政法规禁止的其他行为。",
     "有下列行为之一的，由街道办事处责令改正：\n\n（一）侮辱英雄烈士的。"),
    # the third sample: limits and legal consequences (律师法 第四十六条: 相抵触; 北京市小规模食品生产经营管理规定 第二十三条:
    # 不得再次申请许可; gd-linmu, a round-5 held-out text (tests/data/check/README.md), 第三十八条: 不得……作为……证据)
    ("律师协会制定的行业规范和惩戒规则，不得与有关法律、行政法规、规章相抵触。", "泄露检查信息的，由街道办事处责令改正。"),
    ("小规模食品生产经营者以欺骗、贿赂等不正当手段取得许可或者备案的，由原许可部门撤销许可；当事人在3年内不得再次申请许可。",
     "泄露检查信息的，由街道办事处责令改正。"),
    ("在林权争议调解中，当事人一方或者第三人为达成协议或者和解，作出妥协而认可的事实、方案和建议，不得在后续的处理、复议、"
     "诉讼程序中作为对其不利的证据，法律另有规定或者当事人均同意的除外。", "泄露检查信息的，由街道办事处责令改正。"),
    # 北京市优化营商环境条例 第三十八条 (本市: the city's government), 第九十二条
    ("本市实行行政许可事项清单管理制度，清单之外不得违法设定、变相设定或者实施行政许可。",
     "政府和有关部门及其工作人员未按照本条例的规定依法履行职责或者侵犯经营主体合法权益的，依法依规追究责任。"),
]


@pytest.mark.parametrize("prohibition,liability", ROUND4_LIABILITY_GOOD)
def test_duty_no_liability_round_4_sees_the_clause_that_reaches_a_prohibition(prohibition, liability):
    assert run(with_liability(prohibition, liability), "duty-no-liability") == []


@pytest.mark.parametrize("prohibition,liability,words", [
    # 广州市幼儿园条例 第三十八条: 将……交与其他人员 ends in its object, and every liability clause names 人员
    ("幼儿园不得将幼儿交与其他人员。", "对直接负责的主管人员和其他直接责任人员依法给予处分。", "不得将幼儿交与其他人员"),
    # 农产品质量安全法 第四十七条: 向……收取费用 ends in its object too
    ("监督抽查不得向被抽查人收取费用。", "违反本条例第四条规定，收取检测费用的，由街道办事处责令退还。", "不得向被抽查人收取费用"),
    # 阳江市文明行为促进条例 第十四条第六项: 禁止 before an act, not a measure (its general clause left out)
    ("禁止携带电动自行车、电动摩托车及其电池进入电梯轿厢。", "泄露检查信息的，由街道办事处责令改正。",
     "禁止携带电动自行车、电动摩托车及其电池进入电梯轿厢"),
    # bare verbs the liability clause does not name (北京市地方金融监督管理条例 第二十七条第三款 beside a clause on 泄露)
    ("有关单位和个人不得隐瞒、拒绝或者阻碍。", "泄露检查信息的，由街道办事处责令改正。", "不得隐瞒、拒绝或者阻碍"),
])
def test_duty_no_liability_round_4_still_reports_what_no_clause_reaches(prohibition, liability, words):
    assert [f.words for f in run(with_liability(prohibition, liability), "duty-no-liability")] == [words]


# ---- round 5: the wrong findings of the round-4 held-out run (those texts are tuning texts now), each reading with a
#      good example the rule leaves alone and a bad one it still reports, from real texts (the source in the comment)

@pytest.mark.parametrize("sentence", [
    # 北京市数字经济促进条例 第四十八条: 开展 only ever opens an act (数据 after it is its object, not a noun's head)
    "开展数据处理活动，应当加强风险监测，发现数据安全缺陷、漏洞等风险时，应当立即采取补救措施。",
    # 北京市旅游管理条例 第二条: 凡……，均应当 — every doer of the act
    "凡在本市行政区域内进行旅游开发建设，从事旅游经营和旅游业管理活动，均应当遵守本条例。",
    # 重庆市民兵预备役工作条例 第十七条: a level of government with its other kinds in brackets
    "各区县（自治县）应当建立民兵训练基地。",
    # 北京市实施《水法》办法 第三十一条第二款: 达到……标准, a property of the water
    "向本市确定的风景观赏功能河道、排水功能河道排水的，水质必须达到国家规定的排放标准。",
    # 北京市实施《水法》办法 第十七条: only an act needs leave (应当经……批准): whoever sinks the well asks
    "开凿机井应当经水务部门批准。",
])
def test_duty_no_actor_round_5_leaves_acts_levels_and_properties_alone(sentence):
    assert run(as_article_3(sentence), "duty-no-actor") == []


@pytest.mark.parametrize("sentence,words", [
    # 重庆市矿产资源管理条例 第十条 (its subject without the act 编制 before it): a plan is a thing, not an act
    ("市级矿产资源专项规划应当经国务院自然资源主管部门批准。", "市级矿产资源专项规划应当"),
    # 遂宁市社区发展治理促进条例（草案）: an activity as subject with no light verb before it names no one
    ("社区发展治理工作应当弘扬社会主义核心价值观。", "社区发展治理工作应当"),
    # 体育法 第十二条第二款: 城市 is no level of government, brackets or not
    ("城市应当发挥居民委员会等社区基层组织的作用，组织居民开展体育活动。", "城市应当"),
])
def test_duty_no_actor_round_5_still_reports_a_clause_with_no_one_in_it(sentence, words):
    assert words in [f.words for f in run(as_article_3(sentence), "duty-no-actor")]


@pytest.mark.parametrize("sentence", [
    # 重庆市民兵预备役工作条例 第三条: 应尽的义务, owed (应 heads a noun phrase)
    "依法参加民兵组织、预备役部队是适龄公民应尽的义务。",
    # 重庆市实施《归侨侨眷权益保护法》办法 第二十二条第三款: 应归属其本人的费用, due to him
    "由社会保险经办机构按照国家和本市有关规定一次性结清应归属其本人的费用，并终止其基本养老保险关系。",
    # the same 办法 第十条第三款: 应捐赠人的请求, at the donor's request
    "县级以上人民政府负责侨务工作的机构应捐赠人的请求应当协助办理有关入境手续。",
    # 全国人民代表大会议事规则 第三十六条 (judged wrong in round 3): 必须 in a condition, a need (= 需要)
    "中央预算经全国人民代表大会批准后，在执行过程中必须作部分调整的，国务院应当将调整方案提请审查和批准。",
    # 重庆市台湾同胞投资保护条例 第三十五条: 应 inside a condition (……承担的，), not a duty
    "投诉事项调查处理完毕，主要责任应由行政机关及其工作人员承担的，由任免机关依法给予行政处分。",
])
def test_duty_modal_word_round_5_leaves_owed_at_request_and_conditions_alone(sentence):
    assert run(as_article_3(sentence), "duty-modal-word") == []


@pytest.mark.parametrize("sentence,word", [
    # 重庆市实施《归侨侨眷权益保护法》办法 第二十六条 (judged right in round 4): 应 as shall before its verb
    ("有关部门和单位应依法及时处理，并将处理结果及时回复当事人。", "应"),
    # 重庆市台湾同胞投资保护条例 第三十五条 read as a duty: 应 with its object, no condition after it
    ("主要责任应由行政机关及其工作人员承担。", "应"),
    # an object after the verb (应保障职工的权益) is a duty, not a noun phrase
    ("用人单位应保障归侨、侨眷职工的合法权益。", "应"),
    # 北京市旅游管理条例 第二十六条 (judged right): a rule's requirement quoted inside a condition is still shall
    ("旅游从业人员应当参加职业技能培训；国家规定必须具有岗位资格或者职业资格的，应当取得相应的资格证书。", "必须"),
])
def test_duty_modal_word_round_5_still_reports_ying_as_shall(sentence, word):
    assert [f.words for f in run(as_article_3(sentence), "duty-modal-word")] == [word]


def test_duty_no_liability_round_5_reads_a_clause_on_every_breach_of_the_text_and_the_laws_before_it():
    # 重庆市实施《归侨侨眷权益保护法》办法 第十条第二款, 第二十七条: the persons responsible for any breach of the laws
    # named and of this 办法 are held to account — every prohibition of the text is reached
    prohibition = "受赠人不得改变捐赠用途，不得变卖、挪用捐赠财产，不得故意损坏捐赠标志。"
    every = ("对违反《中华人民共和国归侨侨眷权益保护法》、《中华人民共和国归侨侨眷权益保护法实施办法》和本办法的主管人员、"
             "直接责任人员，有关主管部门或监察机关应当根据其情节轻重，给予批评教育，责令停止侵害，限期改正，或给予行政处分。")
    assert run(with_liability(prohibition, every), "duty-no-liability") == []
    # 监察官法 第六十五条: the persons responsible for one act only (打击报复) — the prohibitions stay unreached
    one = "对打击报复的直接责任人员，应当依法追究其责任。"
    assert len(run(with_liability(prohibition, one), "duty-no-liability")) == 3
    # a clause on every breach that holds to account only on a condition (……情节严重的，) reaches nothing
    cond = "对违反本条例的单位和个人，情节严重的，依法给予处罚。"
    assert len(run(with_liability(prohibition, cond), "duty-no-liability")) == 3
