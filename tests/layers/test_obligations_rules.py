"""The general rules of the obligation extractor, each on small hand-written sentences (not corpus
wording): coordinated lists of parties, discovery of unknown heads, a government's department,
competence clauses, thing subjects, name variants; and the per-document cache of the layer."""
from __future__ import annotations

import gc

import pytest

from conftest import ROOT
from kb.layers.actors import load_registry
from kb.layers.obligations import extract, relations, unknown_actors
from kb.layers.obligations.extractor import _Extractor
from kb.layers.obligations.layer import _LAYER_CACHE
from kb.text.parse import parse_text


@pytest.fixture(scope="module")
def reg():
    return load_registry(ROOT)


def doc_of(*articles: str):
    nums = "一二三四五六七八九十"
    text = "\n".join(f"第{nums[i]}条 {a}" for i, a in enumerate(articles))
    return parse_text(text, "rules.txt", "text")


def got(reg, sentence: str) -> set[tuple[str | None, str]]:
    return {(s.actor, s.modality) for s in extract(doc_of(sentence), reg)}


# --- coordinated lists of parties ---------------------------------------------------------------

def test_encouraged_list_of_unknown_places_closed_by_deng(reg):
    assert got(reg, "鼓励商场、公园、车站、码头等为群众提供便利。") == {
        (n, "encouragement") for n in ("商场", "公园", "车站", "码头")}


def test_encouraged_list_with_a_category_head(reg):
    assert got(reg, "引导律师事务所、会计师事务所等专业服务机构提供公益服务。") == {
        ("律师事务所", "encouragement"), ("会计师事务所", "encouragement")}


def test_subject_list_mixing_known_and_unknown_bodies(reg):
    assert got(reg, "学校、医院、图书馆应当配合做好相关工作。") == {
        ("学校", "obligation"), ("医院", "obligation"), ("图书馆", "obligation")}


def test_discovered_heads_in_a_list(reg):
    # 院校, 院所 are discovery heads; 科研院所 is the lexicon's 科研机构
    assert got(reg, "鼓励企业、职业院校、科研院所参与技术研发。") == {
        ("企业", "encouragement"), ("职业院校", "encouragement"), ("科研机构", "encouragement")}


def test_persons_list_before_a_prohibition(reg):
    assert got(reg, "经营者、网络平台运营者不得泄露个人信息。") == {
        ("经营者", "prohibition"), ("网络平台运营者", "prohibition")}


def test_no_list_of_verbs_or_activities(reg):
    # unknown conjuncts without 等 must look like a body: verbs are not parties
    assert got(reg, "个人运送、邮寄、携带物品出境，应当申报。") == {("个人", "obligation")}
    assert got(reg, "鼓励发展托育、家政、养老等服务业。") == set()


def test_a_level_is_not_a_conjunct(reg):
    actors = {a for a, _ in got(reg, "农村地区乡、镇人民政府应当做好相关工作。")}
    assert not any(a and a.startswith("农村") for a in actors)


def test_modifier_inside_a_list(reg):
    assert got(reg, "父母或者其他监护人应当履行监护职责。") == {
        ("父母", "obligation"), ("监护人", "obligation")}


# --- actor names ----------------------------------------------------------------------------------

def test_department_named_after_its_government(reg):
    stmts = extract(doc_of("市人民政府房地产行政主管部门负责本行政区域内的物业管理工作。",
                           "国务院城乡规划主管部门负责全国的城乡规划管理工作。"), reg)
    by_art = {s.article: s for s in stmts}
    assert by_art[1].actor == "房地产行政主管部门" and by_art[1].levels == ["市"]
    assert by_art[2].actor == "城乡规划主管部门" and by_art[2].levels == ["国务院"]


def test_closed_list_of_unknown_department_stems(reg):
    assert got(reg, "价格、水利、档案等其他行政管理部门按照各自职责做好相关工作。") == {
        ("价格部门", "obligation"), ("水行政部门", "obligation"), ("档案部门", "obligation")}


def test_place_qualifier_before_a_body(reg):
    assert got(reg, "物业所在地县级人民政府房地产行政主管部门应当予以协助。") == {
        ("房地产行政主管部门", "obligation")}


def test_organise_as_a_verb_inside_a_name(reg):
    assert got(reg, "规划组织编制机关应当及时公布规划。") == {("规划组织编制机关", "obligation")}


def test_head_noun_variants(reg):
    assert reg.canonical("公益性非营利的事业单位") == "事业单位"
    assert reg.canonical("非营利性养老机构") == "养老机构"
    assert reg.canonical("负责妇女儿童工作的机构") == "负责妇女儿童工作的机构"   # 机构 alone is not an actor
    assert reg.canonical("基层人民法院") == "基层人民法院"                     # a known name stays


def test_bureau_guard(reg):
    assert {a for a, _ in got(reg, "用地布局应当合理。")} <= {None}


# --- clauses ---------------------------------------------------------------------------------------

def test_competence_clause_of_a_public_body(reg):
    assert got(reg, "省人民政府组织编制全省规划，报国务院审批。") == {("省人民政府", "obligation")}
    s = extract(doc_of("省人民政府组织编制全省规划，报国务院审批。"), reg)[0]
    assert s.explicit is False


def test_no_competence_clause_for_a_policy_statement(reg):
    assert got(reg, "国家鼓励采用先进技术。") == set()
    assert got(reg, "居民组织编写社区简报。") == set()           # not a public body


def test_relative_clause_of_a_competence_verb_is_not_a_subject(reg):
    actors = got(reg, "市人民政府组织编制的总体规划，在报送审批前，应当公告。")
    assert ("市人民政府", "obligation") not in actors


def test_thing_subject_stops_the_carried_actor(reg):
    r = got(reg, "镇人民政府可以组织编制详细规划。修建性详细规划应当符合控制性详细规划。")
    assert r == {("镇人民政府", "permission"), (None, "obligation")}


def test_handed_to_a_body(reg):
    assert ("本级人民政府", "obligation") in got(reg, "代表的审议意见交由本级人民政府研究处理。")
    assert got(reg, "有关部门不得将行政事务交由居民委员会办理。") == {("有关部门", "prohibition")}


def test_right_to_report_is_a_permission(reg):
    assert got(reg, "任何单位和个人都有权向有关部门举报违反规划的行为。") == {
        ("任何单位", "permission"), ("任何个人", "permission")}


# --- the cache ---------------------------------------------------------------------------------------

def test_layer_computed_once_per_document(reg, monkeypatch):
    from kb.layers import cache
    monkeypatch.setenv("KB_LAYER_CACHE", "off")       # this process' memory only: nothing from earlier runs
    cache.clear_memory()
    runs = []
    real = _Extractor.run

    def counting(self):
        runs.append(1)
        return real(self)

    monkeypatch.setattr(_Extractor, "run", counting)
    doc = doc_of("居民委员会应当协助人民政府做好相关工作。")
    a = extract(doc, reg)
    relations(doc, reg)
    unknown_actors(doc, reg)
    b = extract(doc, reg)
    assert len(runs) == 1 and a == b
    a[0].actor = "改过的"                       # a caller's change does not reach the cache
    assert extract(doc, reg)[0].actor == "居民委员会"


def test_cache_never_crosses_documents(reg):
    d1 = doc_of("居民委员会应当做好相关工作。")
    d2 = doc_of("业主委员会应当做好相关工作。")
    assert {s.actor for s in extract(d1, reg)} == {"居民委员会"}
    assert {s.actor for s in extract(d2, reg)} == {"业主委员会"}
    key = id(d1)
    del d1
    gc.collect()
    assert key not in _LAYER_CACHE         # released with its document
    d3 = doc_of("村民委员会应当做好相关工作。")          # may reuse the freed id: must not see d1's results
    assert {s.actor for s in extract(d3, reg)} == {"村民委员会"}
