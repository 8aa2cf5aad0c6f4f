"""Code review 22 (sixteenth session, 2026-12-07), items 1, 2 and 6: wrong records the new name heads (官, 兵, 部) brought.

Item 1: a verb that takes a person as its object (阻挠, 阻碍, 殴打, 侮辱, 打击报复) opened a violator's name (阻挠预备役军官).
Item 2: 发展 opened names ending in 部 or another head (发展总部, 发展青少年体育俱乐部, with empty actions), and 总部经济 is no office.
Item 6: a passive clause after a person's name (义务兵……应当受到社会的尊重, 应当予以优待) was read as the person's duty.
Each sentence is quoted from the corpus text the item names; the guards keep names and duties that must stay.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kb.layers.actors import load_registry
from kb.layers.obligations import extract
from kb.text.parse import parse_file, parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)

from conftest import ROOT

_CORPUS = Path(os.environ.get("KB_SHARED", ROOT.parent / "shared")) / "corpus" / "lawrefbook"


def records(reg, text: str) -> set[tuple[str | None, str, str]]:
    """(actor, modality, action) of the duties of a one-article text."""
    doc = parse_text(text if text.startswith("第") else "第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality, s.action) for s in extract(doc, reg)}


def test_a_verb_before_a_rank_opens_no_violators_name(reg):
    """Item 1: 预备役军官法 (2010) 64 p2 gave the violator 阻挠预备役军官; the obstructed officer is no violator, and the sentence
    names none (the sanction stays)."""
    got = records(reg, "阻挠预备役军官参加军事训练、执行军事勤务，或者履行其他兵役义务的，由县级以上地方人民政府责令限期改正；"
                       "拒不改正的，对直接负责的主管人员和其他直接责任人员依法给予处分。")
    assert not any(a and a.startswith("阻挠") for a, _, _ in got)
    assert ("县级以上地方人民政府", "sanction", "责令限期改正") in got
    # guard: the rank is still a name where it acts
    assert records(reg, "预备役军官应当参加军事训练。") == {("预备役军官", "obligation", "参加军事训练")}


def test_develop_opens_no_name_and_headquarters_economy_is_no_office(reg):
    """Item 2: 中国（重庆）自由贸易试验区条例 28 (三) and 体育法 (2022) 68: 发展总部, 发展青少年体育俱乐部 were encouraged parties,
    two of them with empty actions."""
    got = records(reg, "支持发展总部经济，放宽跨国公司跨境资金集中运营管理准入条件；")
    assert not any(a and "总部" in a for a, _, _ in got)
    got = records(reg, "国家鼓励发展青少年体育俱乐部、社区健身组织等各类自治性体育组织。")
    assert not any(a and a.startswith("发展") for a, _, _ in got)
    assert all(act for _, m, act in got if m == "encouragement")      # no encouragement of nothing
    # guards: 发展 as a name's first word, and an office ending in 部 before the preposition 经
    assert records(reg, "发展改革部门应当会同有关部门制定规划。") == {("发展改革部门", "obligation", "会同有关部门制定规划")}
    assert records(reg, "发展研究中心应当定期发布报告。") == {("发展研究中心", "obligation", "定期发布报告")}
    assert ("外交部", "permission", "调整驻外外交机构的设置") in records(reg, "外交部经国务院批准，可以调整驻外外交机构的设置。")


def test_what_a_person_receives_is_no_duty_of_the_person(reg):
    """Item 6: 北京市征兵工作条例 30 p1, 32 p1, 36 gave 义务兵 the obligations 受到社会的尊重, 予以保留, 按照有关规定给予补偿安置,
    予以优待: what the conscript receives."""
    assert records(reg, "义务兵及其家属应当受到社会的尊重，享受国家和本市规定的优待。") == set()
    got = records(reg, "义务兵原租赁公房的租赁和使用权应当予以保留；住房被拆迁或者其所在地土地被征用的，应当按照有关规定给予补偿安置。")
    assert not any(a == "义务兵" for a, _, _ in got)
    assert records(reg, "义务兵退出现役后，报考国家公务员、高等学校和中等专业学校的，应当予以优待。") == set()
    # guards: a body's grant, a person's own act of giving, and the conscript's own duty stay
    assert records(reg, "有关部门应当予以支持。") == {("有关部门", "obligation", "予以支持")}
    assert records(reg, "医师应当给予患者必要的帮助。") == {("医师", "obligation", "给予患者必要的帮助")}
    assert records(reg, "义务兵应当遵守部队纪律。") == {("义务兵", "obligation", "遵守部队纪律")}


@pytest.mark.skipif(not _CORPUS.is_dir(), reason="the shared corpus (../shared) is absent")
def test_the_corpus_articles_read_as_above():
    """The same articles read from their corpus files (the registry of the knowledge base, not the test's)."""
    reg = load_registry(ROOT)
    doc = parse_file(str(_CORPUS / "行政法" / "预备役军官法(2010-08-28).md"))
    assert not any(s.actor.startswith("阻挠") for s in extract(doc, reg) if s.eid == "art_64__para_2")
    doc = parse_file(str(_CORPUS / "行政法" / "体育法(2022-06-24).md"))
    got = [s for s in extract(doc, reg) if s.article == 68]
    assert not any(s.actor.startswith("发展") or (s.modality == "encouragement" and not s.action) for s in got)
    doc = parse_file(str(_CORPUS / "DLC" / "重庆地方法规" / "地方性法规" / "重庆" / "中国（重庆）自由贸易试验区条例(2019-09-26).md"))
    assert not any("总部" in s.actor for s in extract(doc, reg) if s.article == 28)
    doc = parse_file(str(_CORPUS / "DLC" / "北京地方法规" / "地方性法规" / "北京" / "北京市征兵工作条例.md"))
    got = [s for s in extract(doc, reg) if s.article in (30, 32, 36)]
    assert not any(s.actor == "义务兵" for s in got)
    assert ("原单位", "发给离职当月的全部工资、奖金及各种补贴") in {(s.actor, s.action) for s in got}


def test_a_passive_clause_is_kept_among_the_statements_without_an_actor_once():
    """义务兵及其家属应当受到社会的尊重: no duty of 义务兵 or 家属, but the clause does not vanish (the issue: every modal
    clause yields a record or a statement without an actor) — one statement, not one per party."""
    from kb.layers.obligations import without_actor

    doc = parse_text("第一条　义务兵及其家属应当受到社会的尊重，享受国家和本市规定的优待。\n", "甲条例")
    reg = load_registry(ROOT)
    assert not [r for r in extract(doc, reg) if r.modality == "obligation"]
    assert len([s for s in without_actor(doc, reg) if "受到社会的尊重" in s.action]) == 1


def _doc(text: str, liability: bool = False):
    """A one-article text, in a chapter of liability when liability (the chapter reads its sentences as sanctions)."""
    return parse_text(("第七章　法律责任\n" if liability else "") + "第一条　" + text + "\n", "甲法")


def _fates(text: str, liability: bool = False) -> dict[str, str]:
    """Modal word -> what the coverage measure says became of it, in a one-article text (a word once in the text)."""
    from kb.layers.obligations import modal_fates

    return {w: fate for _, _, w, fate in modal_fates(_doc(text, liability), load_registry(ROOT))}


def test_the_modal_fate_measure_counts_what_became_of_each_clause():
    """The measure (kb score-obligations --coverage) said `record` for a word read with a name, whatever the paragraph's
    close made of it: 义务兵……应当受到社会的尊重 is kept among the statements without an actor (_passive), and 建筑法 (2019) 71
    p1's 可以处以罚款 — the violator, carried to 责令 as its subject, was taken off the sanction (liability.on_violation) —
    went nowhere though counted a record.  Now the measure says what happened, and the sanction of a body the sentence does
    not name is a statement without an actor, as when no subject is carried."""
    from kb.layers.obligations import without_actor

    assert _fates("义务兵及其家属应当受到社会的尊重，享受国家和本市规定的优待。") == {"应当": "no_actor"}
    text = "建筑施工企业违反本法规定，对建筑安全事故隐患不采取措施予以消除的，责令改正，可以处以罚款；情节严重的，责令停业整顿。"
    assert _fates(text, liability=True) == {"可以": "no_actor"}
    doc = _doc(text, liability=True)
    reg = load_registry(ROOT)
    assert ("sanction", "处以罚款") in {(s.modality, s.action) for s in without_actor(doc, reg)}
    assert ("建筑施工企业", "liability") in {(s.actor, s.modality) for s in extract(doc, reg)}
    assert not any(s.actor == "建筑施工企业" and s.modality == "sanction" for s in extract(doc, reg))
    # guards: a duty of an actor is a record; a word inside another duty of the same actor takes that duty's fate
    assert _fates("居民委员会应当组织居民做好公共区域的环境工作。") == {"应当": "record"}
    assert _fates("物业服务人应当及时处理，不得拖延。")["不得"] == "record"


def test_the_body_obstructed_is_no_violator():
    """期货和衍生品法 (2022) 149: 拒绝、阻碍国务院期货监督管理机构或者国务院授权的部门及其工作人员依法行使……职权的 names no violator —
    the body and its staff are what the verbs are done to — but the relative-clause reader (subjects._relative_head) took
    the whole 拒绝、阻碍……部门 as one liable party, and 工作人员 as another.  The sanction stays."""
    text = ("拒绝、阻碍国务院期货监督管理机构或者国务院授权的部门及其工作人员依法行使监督检查、调查职权的，责令改正，"
            "处以十万元以上一百万元以下的罚款，并由公安机关依法给予治安管理处罚。")
    doc = _doc(text, liability=True)
    got = {(s.actor, s.modality) for s in extract(doc, load_registry(ROOT))}
    assert not any(m == "liability" for _, m in got), got
    assert ("公安部门", "sanction") in got
    # guard: a party named by its relative clause with no body right after the verbs is still its subject
    assert records(load_registry(ROOT), "拒绝、阻碍检查的单位应当承担责任。") == {("单位", "obligation", "承担责任")}


def test_a_refusal_opens_no_name():
    """拒绝, 拒不, 妨害 before the body refused (as 阻碍 and 妨碍, item 1): 海岛保护法 (2009) 54 gave the violator 拒绝海洋主管部门,
    反不正当竞争法 (2019) 28 妨害监督检查部门 (the parties liable are the 个人 and 单位 the fines name); and the refuser named
    before the verb is found again (北京市精神卫生条例 30 p2: 监护人或者近亲属拒绝……的，应当说明理由 was a statement without an
    actor)."""
    reg = load_registry(ROOT)
    got = {(s.actor, s.modality) for s in extract(_doc(
        "违反本法规定，拒绝海洋主管部门监督检查，在接受监督检查时弄虚作假，或者不提供有关文件和资料的，由县级以上人民政府海洋主管部门"
        "责令改正，可以处二万元以下的罚款。", liability=True), reg)}
    assert not any(a.startswith("拒绝") for a, _ in got), got
    got = {(s.actor, s.modality) for s in extract(_doc(
        "妨害监督检查部门依照本法履行职责，拒绝、阻碍调查的，由监督检查部门责令改正，对个人可以处五千元以下的罚款，对单位可以处五万元"
        "以下的罚款，并可以由公安机关依法予以治安管理处罚。", liability=True), reg)}
    assert not any(a.startswith("妨害") for a, _ in got) and {("个人", "liability"), ("单位", "liability")} <= got, got
    got = {(s.actor, s.modality) for s in extract(_doc(
        "医学保护性住院由重性精神疾病患者的监护人或者近亲属办理住院手续。监护人或者近亲属拒绝重性精神疾病患者接受医学保护性住院治疗的，"
        "应当说明理由，并由医疗机构在病历中记录。"), reg)}
    assert {("监护人", "obligation"), ("近亲属", "obligation")} <= got, got


def test_dismissing_or_recruiting_a_rank_is_an_act_not_a_person():
    """Item 9, a word-level guard for the head 官: 法官法 (2019) 35 辞退法官应当依照法律规定的程序免除其职务 gave the person 辞退法官
    an obligation (so did 检察官法 36, 监察官法 16 and 35 with 辞退 / 录用, and 公务员法 28 录用公务员，应当发布招考公告): the act is
    the subject, the body that dismisses is not named — statements without an actor.  录用人员 stays a name."""
    from kb.layers.obligations import without_actor

    reg = load_registry(ROOT)
    for text in ("辞退法官应当依照法律规定的程序免除其职务。", "录用公务员，应当发布招考公告。"):
        doc = _doc(text)
        assert extract(doc, reg) == [], text
        assert len(without_actor(doc, reg)) == 1, text
    # guards: the rank itself acts; hired staff are a party
    assert records(reg, "法官应当依法保障当事人和其他诉讼参与人的诉讼权利。") == {
        ("法官", "obligation", "依法保障当事人和其他诉讼参与人的诉讼权利")}
    assert {a for a, _, _ in records(reg, "录用人员应当按照规定参加培训。")} == {"录用人员"}


def test_what_is_respected_or_secured_is_no_duty_of_the_party_named_before_it():
    """The brief's third item, _passive widened by measure: 得到 + 尊重 / 保障 / 保护 / 照顾 / 优待 is passive like 受到 (北京市献血条例
    (2021) 7 gave 个人 the obligation 得到尊重, 老年人权益保障法 (2018) 34 gave 老年人 得到保障: false records in both tuning files);
    the clause goes among the statements without an actor.  获得 / 得到 what the party must obtain stays its duty (16 of the
    corpus' 18 obligations opening with them)."""
    from kb.layers.obligations import without_actor

    reg = load_registry(ROOT)
    for text, action in (("献血者的个人意愿应当得到尊重，个人信息受法律保护。", "得到尊重"),
                         ("老年人依法享有的养老金、医疗待遇和其他待遇应当得到保障，有关机构必须按时足额支付，不得克扣、拖欠或者挪用。",
                          "得到保障")):
        doc = _doc(text)
        assert not any(s.action.startswith(action) for s in extract(doc, reg)), text
        assert any(s.action.startswith(action) for s in without_actor(doc, reg)), text
    # guards: the party's own requirement, and the body that pays
    assert records(reg, "消防技术服务机构应当依法获得相应的资质、资格。") == {
        ("消防技术服务机构", "obligation", "依法获得相应的资质、资格")}
    assert ("有关机构", "obligation", "按时足额支付") in records(
        reg, "老年人依法享有的养老金、医疗待遇和其他待遇应当得到保障，有关机构必须按时足额支付，不得克扣、拖欠或者挪用。")
