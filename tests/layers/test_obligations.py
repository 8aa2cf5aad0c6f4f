"""Obligation layer on the real seed, duty by duty (the spec's examples, 第十三条 and 第二十条 with every
duty and each deadline where it belongs, lists, liability, statements without an actor), the registry,
discovery, the JSON export, the corpus measure, and accuracy against the hand annotations
(tests/data/obligations, scored by kb.dev.score_obligations; the tuning set only)."""
from __future__ import annotations

import pytest

from conftest import DATA, ROOT, SHARED, need_shared
from kb.dev.score_obligations import FileScore, Score, gold_files, load_doc, load_gold_file, report, score_file
from kb.errors import KbError
from kb.layers.actors import load_registry
from kb.layers.obligations import (SCHEMA_VERSION, export_layer, extract, modal_fates, relations, unknown_actors,
                                   without_actor)
from kb.text.parse import parse_text

ODATA = DATA / "obligations"


@pytest.fixture(scope="module")
def reg():
    return load_registry(ROOT)


@pytest.fixture(scope="module")
def stmts(seed_doc, reg):
    return extract(seed_doc, reg)


def recs(stmts, article, paragraph=None):
    return {(s.actor, s.modality) for s in stmts
            if str(s.article) == str(article) and (paragraph is None or s.paragraph == paragraph)}


def duties(stmts, article, paragraph=None):
    """(actor, modality, clause, explicit, action, deadline) of each duty, sorted."""
    return sorted((s.actor, s.modality, s.clause, s.explicit, s.action, s.deadline) for s in stmts
                  if str(s.article) == str(article) and (paragraph is None or s.paragraph == paragraph)
                  and s.item is None)


# --- the spec's examples on the seed ------------------------------------------------------------

def test_governments_split(stmts):
    assert recs(stmts, 4, 1) == {("市人民政府", "obligation"), ("县（市、区）人民政府", "obligation")}
    assert recs(stmts, 4, 3) == {("街道办事处", "obligation"), ("乡镇人民政府", "obligation")}


def test_department_list_one_per_department(stmts):
    got = {a for a, m in recs(stmts, 5, 3)}
    assert len(got) == 13
    assert {"财政部门", "自然资源和规划部门", "住房和城乡建设部门", "国资部门", "政务服务和大数据部门",
            "政府其他部门"} <= got
    s = next(s for s in stmts if s.actor == "财政部门")
    assert s.explicit is False and s.modality == "obligation"      # 按照各自职责……做好


def test_mass_organisations_five(stmts):
    assert {a for a, _ in recs(stmts, 6)} == {"工会", "共青团", "妇联", "残联", "工商联"}


def test_department_keeps_levels(stmts):
    s = next(s for s in stmts if s.article == 5 and s.paragraph == 1 and s.modality == "obligation")
    assert s.actor == "民政部门" and s.levels == ["市", "县（市、区）"] and s.explicit is False
    assert ("民政部门", "permission") in recs(stmts, 5, 1)     # 日常工作可以委托: carried subject


def test_seed_13_every_duty_with_its_deadline(stmts):
    """……应当组织……验收，未达到标准的，不得通过验收；在……15个工作日内，应当督促……移交: three duties of
    the department, and the developer's duty on the object of 督促, the deadline on the duties it governs."""
    limit = "在工程验收合格之日起15个工作日内"
    got = duties(stmts, 13)
    assert [(a, m, c, e, d) for a, m, c, e, _, d in got] == [
        ("住房和城乡建设部门", "obligation", 1, True, None),
        ("住房和城乡建设部门", "obligation", 2, True, limit),
        ("住房和城乡建设部门", "prohibition", 1, True, None),
        ("开发建设单位", "obligation", 1, False, limit)]
    actions = {(a, m, c): act for a, m, c, _, act, _ in got}
    assert actions[("住房和城乡建设部门", "obligation", 1)] == "组织同级民政、自然资源和规划、国资部门参加社区综合服务设施验收"
    assert actions[("住房和城乡建设部门", "prohibition", 1)] == "通过验收"
    assert actions[("住房和城乡建设部门", "obligation", 2)].startswith("督促开发建设单位将社区综合服务设施无偿移交")
    assert actions[("开发建设单位", "obligation", 1)].startswith("将社区综合服务设施无偿移交给所在地")
    s = next(s for s in stmts if s.article == 13 and s.modality == "prohibition")
    assert s.levels == ["县（市、区）"]


def test_seed_20_every_duty(stmts):
    """第二十条第二款: two duties of each government, the second 应当 clause (组织居民做好……) included."""
    assert [(a, m, c, e, d) for a, m, c, e, _, d in duties(stmts, 20, 1)] == [
        ("县（市、区）人民政府", "obligation", 1, True, None), ("有关部门", "obligation", 1, True, None)]
    p2 = duties(stmts, 20, 2)
    assert [(a, m, c) for a, m, c, *_ in p2] == [
        ("乡镇人民政府", "obligation", 1), ("乡镇人民政府", "obligation", 2),
        ("街道办事处", "obligation", 1), ("街道办事处", "obligation", 2)]
    acts = {(a, c): act for a, _, c, _, act, _ in p2}
    assert acts[("街道办事处", 1)] == "对成立业主大会和选举业主委员会给予指导和协助，指导和监督业主大会、业主委员会依法履行职责"
    assert acts[("街道办事处", 2)] == "组织居民做好公共区域的环境和物业管理工作，推动老旧小区（院落）建立物业管理机制"
    assert acts[("乡镇人民政府", 2)] == acts[("街道办事处", 2)]
    assert duties(stmts, 20, 3) == [("居民委员会", "obligation", 1, False, "依法协助街道办事处、乡镇人民政府开展相关工作", None)]


def test_a_second_duty_under_one_modal_word_after_the_semicolon(stmts):
    """第三十条 ……应当将……纳入……预算并及时拨付……；按照……目录，研究制定配套政策……: two duties."""
    got = duties(stmts, 30)
    assert [(a, c) for a, _, c, *_ in got] == [("县（市、区）人民政府", 1), ("县（市、区）人民政府", 2),
                                               ("市人民政府", 1), ("市人民政府", 2)]
    assert got[1][4].startswith("按照政府购买服务指导性目录")


def test_quantity(stmts):
    s = next(s for s in stmts if s.article == 11 and s.paragraph == 1)
    assert s.quantity == "每百户居民不低于建筑面积三十平方米"


def test_encouragement_and_support(stmts):
    assert recs(stmts, 8, 2) == {(a, "encouragement") for a in ("公民", "法人", "其他组织")}
    # 应当支持居民委员会开展工作: an obligation and a relation, no encouragement of the committee
    assert recs(stmts, 8, 1) == {(a, "obligation") for a in ("国家机关", "事业单位", "国有企业")}
    assert ("居民", "encouragement") in recs(stmts, 18)          # 应当……引导居民崇德向善


# --- lists, liability, statements without an actor ----------------------------------------------

def items_of(stmts, article, actor, modality):
    return {s.item: s.action for s in stmts if s.article == article and s.actor == actor and s.modality == modality
            and s.item is not None}


def test_a_list_lead_in_carries_its_items(stmts):
    """第十五条第一款 ends at 下列事项：; the register shows the whole list, each item a duty."""
    lead = next(s for s in stmts if s.article == 15 and s.paragraph == 1 and s.item is None)
    assert lead.actor == "居民委员会" and lead.items == [1, 2, 3, 4] and lead.action.endswith("做好下列事项")
    items = items_of(stmts, 15, "居民委员会", "obligation")
    assert sorted(items) == [1, 2, 3, 4] and items[4] == "法律法规规定的其他职责"
    assert items[1].startswith("与居民利益有关的社会治安") and not items[1].endswith("；")
    # 不得将……下列事项交由居民委员会办理: every actor of the lead-in, every item, prohibited
    for actor in ("市人民政府", "县（市、区）人民政府", "有关部门", "街道办事处", "乡镇人民政府"):
        assert sorted(items_of(stmts, 16, actor, "prohibition")) == [1, 2, 3, 4], actor
    # 支持社会企业发展，鼓励社会企业参与供给下列社区服务: the second encouragement carries the list
    enc = [s for s in stmts if s.article == 29 and s.item is None]
    assert [(s.clause, s.items) for s in enc] == [(1, []), (2, [1, 2, 3, 4])]


def test_liability_and_the_body_that_acts(stmts):
    """第三十七条: 居民委员会 is held liable (责任); 居民会议, 街道办事处 and 乡镇人民政府 act on it (追责),
    the sanction keeping its meaning after ；."""
    assert recs(stmts, 37) == {("居民委员会", "liability"), ("居民会议", "sanction"), ("街道办事处", "sanction"),
                               ("乡镇人民政府", "sanction")}
    s = next(s for s in stmts if s.article == 37 and s.modality == "liability")
    assert s.action == "未按照本条例规定履行义务"
    # 第三十六条 names no violator (违反本条例规定，有下列情形之一的): no liability, the body acts on each case
    assert recs(stmts, 36) == {("同级人民政府", "sanction")}
    assert sorted(items_of(stmts, 36, "同级人民政府", "sanction")) == [1, 2]
    assert recs(stmts, 38) == {("监察机关", "sanction")}       # 依法追究刑事责任: no body named


def test_statements_without_actor_are_kept_apart(seed_doc, stmts, reg):
    assert not [s for s in stmts if s.actor is None]
    apart = {(s.article, s.paragraph, s.modality) for s in without_actor(seed_doc, reg)}
    assert {(3, 1, "obligation"), (12, 1, "obligation"), (23, 1, "obligation"), (25, 1, "encouragement"),
            (27, 2, "obligation")} <= apart
    assert not recs(stmts, 3) and not recs(stmts, 25)
    assert all(s.actor is None for s in without_actor(seed_doc, reg))


def test_offsets_point_into_node_text(seed_doc, stmts):
    for s in stmts:
        node = seed_doc.get(s.eid)
        assert node is not None and node.kind in ("paragraph", "item")
        assert 0 <= s.start < s.end <= len(node.text)
        assert s.action and s.action in node.text


def test_clauses_number_the_duties_of_one_actor(stmts):
    keys = [(s.eid, s.actor, s.modality, s.clause) for s in stmts]
    assert len(keys) == len(set(keys))
    for s in stmts:
        same = [t.clause for t in stmts if (t.eid, t.actor, t.modality) == (s.eid, s.actor, s.modality)]
        assert sorted(same) == list(range(1, len(same) + 1))


def test_relations(seed_doc):
    rel = {(r.from_, r.relation, r.to) for r in relations(seed_doc)}
    for x in ("指导", "支持", "帮助"):
        assert ("街道办事处", x, "居民委员会") in rel
    assert ("住房和城乡建设部门", "督促", "开发建设单位") in rel
    assert ("住房和城乡建设部门", "组织", "民政部门") in rel
    assert ("民政部门", "委托", "社区服务机构") in rel
    assert ("居民委员会", "协助", "街道办事处") in rel
    assert ("街道办事处", "牵头", None) in rel
    assert ("县（市、区）人民政府", "查处", "物业服务企业") in rel


# --- registry ---------------------------------------------------------------------------------

def test_registry_aliases_and_levels(reg):
    assert reg.canonical("居委会") == "居民委员会"
    assert reg.canonical("国有资产管理部门") == "国资部门"
    assert reg.canonical("县（市、区）民政部门") == "民政部门"
    assert reg.canonical("市政府") == "市人民政府"
    assert reg.canonical("其他各类公益组织") == "公益组织"
    assert reg.canonical("教育行政部门") == "教育部门" and reg.canonical("卫生健康行政主管部门") == "卫生健康部门"
    assert reg.canonical("市政部门") == "市政部门"                     # 市政 is a stem, not 市 + 政部门
    assert reg.canonical("区域急救医疗中心") == "区域急救医疗中心"     # 区域 is a word, not the level 区
    a = reg.get("县（市、区）人民政府")
    assert a.kind == "government" and a.level == "县" and a.parent == "市人民政府"
    assert reg.get("民政部门").kind == "department" and reg.get("居委会").kind == "self-governing"


def test_match_key_meets_the_texts_own_wordings(reg):
    """How a score or a diff compares two names: 接到举报的部门 = 部门, 城乡规划主管部门 = 城乡规划部门."""
    k = reg.match_key
    assert k("接到举报的部门") == k("部门")
    assert k("城乡规划主管部门") == k("城乡规划部门") == "城乡规划部门"
    assert k("有关应急指挥机构") == k("应急指挥机构")
    assert k("外籍家政服务人员") == "家政服务人员"
    # 本级人民政府 = 人民政府 (the level of the body the text is about; was 级人民政府, 本 read as a modifier)
    assert k("本级人民政府") == k("人民政府") and k("本级人民代表大会常务委员会") == k("人民代表大会常务委员会")
    assert reg.canonical("城乡规划主管部门") == "城乡规划主管部门"      # shown as the text names it


def test_user_lexicon_extends_without_code(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    (tmp_path / "actors.yml").write_text(
        "actors:\n  - {name: 社区党组织, kind: social, aliases: [社区党委]}\nstems: [网格化服务管理]\n",
        encoding="utf-8")
    (tmp_path / "regulation" / "x").mkdir(parents=True)
    (tmp_path / "regulation" / "x" / "actors.yml").write_text(
        "actors:\n  - {name: 网格员, kind: individual}\n", encoding="utf-8")
    r = load_registry(tmp_path)
    assert r.canonical("社区党委") == "社区党组织" and r.get("网格员").kind == "individual"
    doc = parse_text("第一条 社区党委应当领导社区工作。网格化服务管理、民政等部门应当予以配合。\n")
    got = {(s.actor, s.modality) for s in extract(doc, r)}
    assert got == {("社区党组织", "obligation"), ("网格化服务管理部门", "obligation"), ("民政部门", "obligation")}


def test_bad_lexicon_names_file_and_line(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    (tmp_path / "actors.yml").write_text("actors:\n  - {name: 甲, kind: government\n", encoding="utf-8")
    with pytest.raises(KbError) as e:
        load_registry(tmp_path)
    assert "actors.yml" in str(e.value) and ":" in str(e.value)
    (tmp_path / "actors.yml").write_text("actors:\n  - {name: 甲单位, kind: alien}\n", encoding="utf-8")
    with pytest.raises(KbError) as e:
        load_registry(tmp_path)
    assert "alien" in str(e.value) and ":2" in str(e.value)


def test_a_gold_file_that_is_not_utf8_names_file_and_line(tmp_path):
    """Code review 17: kb score-obligations read an annotation file as UTF-8 text with no guard, so a GBK byte was a
    traceback (UnicodeDecodeError); it is a KbError with the file, line and column, as kb's other YAML readers say it."""
    gold = tmp_path / "x.yml"
    gold.write_bytes("schema: 2\ncorpus: 网络安全法.md\narticles: {}\n".encode("gbk"))
    with pytest.raises(KbError) as e:
        load_gold_file(gold)
    assert "x.yml:2: 不是 UTF-8 文本（第 2 行第 9 列无法解码）" in str(e.value)


def test_unknown_actors_discovered(reg):
    doc = parse_text("第一条 区县社区服务中心应当公开服务项目。相关物业管理协会可以制定行业规范。\n"
                     "第二条 由发放补贴的部门收回补贴。\n")
    unk = unknown_actors(doc, reg)
    assert {"社区服务中心", "物业管理协会"} <= set(unk)          # 区县 is the centre's level
    got = {(s.actor, s.modality) for s in extract(doc, reg)}
    assert ("物业管理协会", "permission") in got and ("发放补贴的部门", "obligation") in got


# --- export ---------------------------------------------------------------------------------------

def test_export_layer_keys(seed_doc):
    d = export_layer(seed_doc)
    assert set(d) == {"schema_version", "obligations", "obligations_without_actor", "actors", "relations"}
    assert d["schema_version"] == SCHEMA_VERSION == 2
    o = d["obligations"][0]
    assert set(o) == {"article", "paragraph", "item", "clause", "eid", "actor", "modality", "explicit", "action",
                      "start", "end", "deadline", "quantity", "levels", "items"}
    assert set(d["actors"][0]) == {"name", "aliases", "kind", "level", "parent"}
    assert set(d["relations"][0]) == {"from", "relation", "to", "eid"}
    names = {a["name"] for a in d["actors"]}
    assert {s["actor"] for s in d["obligations"]} == names
    assert d["obligations_without_actor"] and all(s["actor"] is None for s in d["obligations_without_actor"])
    assert any(s["modality"] == "liability" for s in d["obligations"])


def test_export_parent_follows_level(seed_doc):
    a = {x["name"]: x for x in export_layer(seed_doc)["actors"]}
    assert a["国资部门"]["parent"] == "县（市、区）人民政府"     # 县（市、区）国资部门
    assert a["民政部门"]["parent"] == "市人民政府、县（市、区）人民政府"
    assert a["县（市、区）人民政府"]["parent"] == "市人民政府"


# --- accuracy against hand annotations (the tuning set; held-out files are scored by people) -------

def test_seed_scores(reg):
    r = score_file(ODATA / "seed.yml", reg)
    assert r.articles == 45                                   # every article annotated
    for s in (r.s3, r.s5, r.duty):
        assert s.f1 >= 0.97, (r.fps, r.fns, r.duty_misses)
    assert r.duty.r >= 0.97


#: floors: ``kb score-obligations --set tuning`` on 2026-12-03 after the duty-level rules, F1 at
#: (article, actor, modality) and at (article, paragraph, item, actor, modality), and the duty-level
#: recall, each minus about 0.02.  First-run figures of the earlier held-out files are in the README.
#: Raised on 2026-12-04 after the tenth round of rules (issue 11) to each file's figures then minus 0.02, where that
#: is higher (none lowered); raised again likewise after the eleventh round (2026-12-04, issue 11) and after the
#: thirteenth (2026-12-05, issue 11: 26 files, among them the twelfth round's congress texts and the eight round-12 texts)
#: and after the fourteenth (2026-12-05, third session, issue 11: 34 files), the fifteenth (2026-12-05, fourth
#: session, issue 11: 37 files) and the sixteenth (2026-12-05, fifth session, issue 11: 8 files); round 17's eight
#: files joined after their one held-out scoring (2026-12-05, sixth session); seventh session (issue 11): nine raised
#: (X在……工作中的任务：, 公安、检察、审判机关, 乡、镇人民政府 split, 上级主管部门或者所在单位, review 11 item 11, ……是公民的
#: 义务), none lowered.
FLOORS = {
    "beijing-jiedao": (0.92, 0.93, 0.87), "beijing-jujia-yanglao": (0.96, 0.97, 0.96),
    "beijing-jumin-banfa": (0.92, 0.93, 0.92), "beijing-wuye": (0.90, 0.91, 0.85),
    "beijing-zhiyuan": (0.94, 0.95, 0.92), "chengxiang-guihua": (0.96, 0.95, 0.91),
    "chongqing-anquan": (0.83, 0.87, 0.82), "chongqing-zhiyuan": (0.96, 0.96, 0.95),
    "fanjiabao": (0.94, 0.94, 0.96), "guangzhou-cishan": (0.96, 0.97, 0.92),
    "guangzhou-jijiu": (0.95, 0.92, 0.93), "jiangmen-wenming": (0.93, 0.93, 0.94),
    "jiating-jiaoyu": (0.90, 0.91, 0.86), "juanzeng": (0.98, 0.98, 0.96),
    "jumin-zuzhifa": (0.93, 0.94, 0.93), "qingyuan-wuye": (0.97, 0.98, 0.96),
    "zaosheng": (0.93, 0.89, 0.80),
    # held out in round 3 (scored once at 02eff74), tuning since: their figures after the round-3 rules, minus 0.02
    "beijing-kongyan": (0.95, 0.94, 0.88), "beijing-wuzhangai": (0.94, 0.94, 0.93),
    "chongqing-jiating": (0.91, 0.92, 0.89), "chongqing-xiaofang": (0.80, 0.81, 0.76),
    "dongguan-wenming": (0.88, 0.88, 0.82), "gonggong-tushuguan": (0.89, 0.92, 0.92),
    "guangdong-zulin": (0.72, 0.74, 0.75), "laonianren": (0.87, 0.87, 0.83),
    # held out in round 4 (scored once at 72ac263), tuning since: their figures after the round-4 rules, minus 0.02
    "aiguozhuyi": (0.93, 0.94, 0.90), "beijing-binzang": (0.91, 0.91, 0.90),
    "beijing-falvyuanzhu": (0.90, 0.93, 0.91), "beijing-jisheng": (0.90, 0.90, 0.86),
    "chongqing-tiyu": (0.91, 0.94, 0.87), "chongqing-yuanlin": (0.90, 0.92, 0.88),
    "jiangmen-menlou": (0.94, 0.95, 0.93), "shantou-yiliao": (0.81, 0.80, 0.82),
    # held out in round 5 (scored once at d9ffa1c), tuning since: their figures after the round-5 rules, minus 0.02
    "beijing-jiaoshi": (0.92, 0.92, 0.79), "beijing-jiti-zichan": (0.75, 0.70, 0.62),
    "beijing-zhiye-jiaoyu": (0.87, 0.89, 0.86), "beijing-zhongyiyao": (0.90, 0.92, 0.88),
    "chongqing-jixujiaoyu": (0.70, 0.63, 0.40), "guangdong-xiangcun": (0.92, 0.92, 0.84),
    "jiage": (0.85, 0.88, 0.82), "yancao": (0.81, 0.79, 0.70),
    # held out in round 6 (scored once at 637a92b, rules 525a0e9), tuning since: their figures after the round-6 rules, minus 0.02
    "beijing-jingkai": (0.78, 0.86, 0.86), "beijing-xianxue": (0.84, 0.86, 0.81),
    "beijing-yiyuan-anquan": (0.87, 0.90, 0.86), "chongqing-dubo": (0.91, 0.92, 0.88),
    "chongqing-hangdao": (0.91, 0.90, 0.88), "diyue-chengxu": (0.84, 0.86, 0.78),
    "keji-chengguo": (0.83, 0.82, 0.79), "zhuwai-waijiao": (0.89, 0.89, 0.86),
    # held out in round 7 (scored once at 14fbabe, rules f13c46f), tuning since: their figures after the round-8 rules
    # (2c35922), minus 0.02
    "beijing-guofang-jiaoyu": (0.89, 0.89, 0.88), "chongqing-canzhong": (0.87, 0.86, 0.78),
    "chongqing-juanxian": (0.85, 0.85, 0.80), "guangdong-tudi": (0.89, 0.89, 0.80),
    "guangdong-waishang": (0.88, 0.89, 0.87), "pengshui-kuangchan": (0.88, 0.90, 0.83),
    "waiguo-huomian": (0.61, 0.57, 0.76), "zhuce-kuaiji": (0.82, 0.81, 0.76),
    # held out in round 8 (scored once on main 99b6859, rules 2c35922), tuning since: their figures then, minus 0.02
    "beijing-jiuye-yuanzhu": (0.87, 0.87, 0.85), "beijing-xuesheng-shanghai": (0.78, 0.78, 0.71),
    "beijing-yishi-guize": (0.78, 0.79, 0.67), "beijing-zhengbing": (0.81, 0.82, 0.77),
    "chongqing-jiti-zichan": (0.75, 0.68, 0.57), "guangdong-jisheng": (0.83, 0.81, 0.70),
    "huzhao": (0.79, 0.81, 0.69), "jinchukou-jianyan": (0.76, 0.77, 0.70),
    # held out in round 9 (scored once on main 0646f38; no extractor rule changed since), tuning since: their figures
    # then, minus 0.02
    "chongqing-hezhang": (0.57, 0.48, 0.47), "chongqing-qiye-fudan": (0.86, 0.84, 0.77),
    "chongqing-senlin-fanghuo": (0.80, 0.84, 0.70), "dianzi-qianming": (0.82, 0.83, 0.71),
    "guangdong-huaqiao": (0.77, 0.76, 0.72), "guangdong-sanju-minzu": (0.76, 0.79, 0.73),
    "hukou-dengji": (0.55, 0.52, 0.38), "xiangzhen-qiye": (0.81, 0.76, 0.71),
    # held out in round 10 (scored once on main 46879f8, after the round-10 rules), tuning since: raised after the
    # round-11 rules (bef61ff) to their figures then, minus 0.02
    "beijing-huangshan-zulin": (0.84, 0.86, 0.84), "beijing-nongye-jixiehua": (0.87, 0.88, 0.82),
    "beijing-tingche": (0.88, 0.88, 0.87), "beijing-yuye": (0.94, 0.95, 0.90),
    "chongqing-fangzhen-jianzai": (0.89, 0.89, 0.87), "chongqing-guaimai": (0.83, 0.84, 0.82),
    "chongqing-renshi-renmian": (0.77, 0.83, 0.74), "guangdong-renshi-renmian": (0.70, 0.74, 0.69),
    # held out in round 11 (scored once on main 622abcf, after the round-11 rules), tuning since: their figures then,
    # minus 0.02
    "beijing-shiyan-dongwu": (0.92, 0.92, 0.86), "beijing-shuili-gongcheng": (0.68, 0.60, 0.43),
    "beijing-xiangzhen-renda": (0.66, 0.71, 0.57), "beijing-yangquan": (0.88, 0.90, 0.88),
    "beijing-zhifa-jiancha": (0.82, 0.74, 0.67), "chongqing-jiage-jianzheng": (0.88, 0.88, 0.84),
    "guangdong-jiazheng": (0.93, 0.94, 0.90), "guojia-qingbao": (0.85, 0.84, 0.82),
    # held out in round 12 (scored once on main d6e60d6, after the round-12 rules), tuning since: their figures then,
    # minus 0.02; raised after the round-13 rules (written on them)
    "beijing-rencai-shichang": (0.89, 0.92, 0.86), "beijing-zhongzhouxian": (0.96, 0.97, 0.98),
    "chongqing-dianxin": (0.87, 0.85, 0.75), "chongqing-qixiang-zaihai": (0.93, 0.94, 0.89),
    "guangdong-tudi-quanshu": (0.82, 0.82, 0.74), "jiliang": (0.90, 0.90, 0.84),
    "xuewei-tiaoli": (0.64, 0.66, 0.72), "yinhuashui": (0.88, 0.87, 0.79),
    # held out in round 13 (scored once on main d2e0063, after the round-13 rules; identical at 74c1624), tuning since:
    # their figures then, minus 0.02
    "beijing-siying-geti": (0.85, 0.83, 0.78), "beijing-tiyu-sheshi": (0.91, 0.94, 0.96),
    "guangdong-geming-yizhi": (0.90, 0.89, 0.82), "guangzhou-qingnian-chuangye": (0.90, 0.85, 0.82),
    "qingjie-shengchan": (0.83, 0.85, 0.80), "shenhai-haidi": (0.96, 0.97, 0.95),
    "tongyong-yuyan-wenzi": (0.79, 0.79, 0.73), "xiaofang-jiuyuan-xian": (0.68, 0.71, 0.69),
    # held out in round 14 (scored once on main a6764ef, after the fourteenth round's last rule), tuning since: their
    # figures then, minus 0.02
    "beijing-jianyi-yongwei": (0.92, 0.92, 0.86), "beijing-jihui-youxing": (0.77, 0.79, 0.75),
    "beijing-nongye-tuiguang": (0.80, 0.81, 0.74), "beijing-qixiang": (0.85, 0.84, 0.85),
    "beijing-yesheng-dongwu": (0.87, 0.88, 0.89), "chongqing-gonglu-guanxian": (0.94, 0.95, 0.87),
    "jiefangjun-xuanju": (0.52, 0.55, 0.49), "xianggang-zhujun": (0.83, 0.81, 0.74),
    # held out in round 15 (scored once on main 7c9385b, after the fifteenth round's last rule), tuning since: their
    # figures then, minus 0.02
    "beijing-fangzhen-jianzai": (0.95, 0.93, 0.92), "beijing-sifa-jianding": (0.83, 0.83, 0.75),
    "beijing-yanhua-baozhu": (0.76, 0.83, 0.75), "beijing-yusuan-jiandu": (0.82, 0.87, 0.78),
    "chongqing-lvhua": (0.85, 0.87, 0.80), "fan-shipin-langfei": (0.83, 0.82, 0.76),
    "renmin-jingcha-jingxian": (0.78, 0.74, 0.69), "shantou-jiufen": (0.85, 0.86, 0.78),
    # held out in round 16 (scored once on main 28c51b5, after the sixteenth round's last rule), tuning since: their
    # figures then, minus 0.02
    "beijing-fan-shipin-langfei": (0.78, 0.79, 0.70), "beijing-shaoshu-minzu": (0.78, 0.81, 0.74),
    "beijing-tushuguan": (0.87, 0.85, 0.80), "chongqing-fanghulin": (0.78, 0.76, 0.64),
    "chongqing-zhuanli": (0.93, 0.94, 0.93), "heitudi-baohu": (0.83, 0.80, 0.67),
    "mima-fa": (0.92, 0.92, 0.92), "shantou-keji-chuangxin": (0.89, 0.90, 0.85),
    # held out in round 17 (scored once on main 1d870b1, after the seventeenth round's last rule), tuning since: their
    # figures then, minus 0.02
    "beijing-jiesu-jiban": (0.79, 0.77, 0.66), "beijing-nongye-chengbao": (0.73, 0.70, 0.58),
    "beijing-yinyongshui": (0.81, 0.80, 0.60), "beijing-zhian-zonghe": (0.89, 0.91, 0.90),
    "guangdong-banquan": (0.94, 0.90, 0.74), "guangdong-tongji-tiaoli": (0.90, 0.89, 0.88),
    "kezaisheng-nengyuan": (0.91, 0.88, 0.87), "pengshui-lvyou": (0.85, 0.85, 0.82),
    # held out in round 18 (scored once on main f9c2ef0, after the eighteenth round's last rule), tuning since: their
    # figures then, minus 0.02
    "aomen-zhujun": (0.84, 0.84, 0.82), "beijing-wenwu-baohu": (0.86, 0.87, 0.76),
    "guangdong-muying-baojian": (0.93, 0.93, 0.85), "jieyan": (0.75, 0.72, 0.56),
    "beijing-baomi": (0.86, 0.75, 0.67), "beijing-minban-jiaoyu": (0.91, 0.91, 0.87),
    "haiguan-guanxian": (0.62, 0.52, 0.50), "renmin-peishenyuan": (0.65, 0.67, 0.53),
    # held out in round 19 (scored once on main d14c588, after the nineteenth round's last rule), tuning since: their
    # figures then, minus 0.02
    "chongqing-cunzhen-gongshui": (0.87, 0.91, 0.82), "fan-waiguo-zhicai": (0.58, 0.68, 0.64),
    "linghai-pilianqu": (0.71, 0.71, 0.71), "quanguo-renda-zuzhi": (0.57, 0.62, 0.45),
    "beijing-jingshen-weisheng": (0.87, 0.86, 0.79), "beijing-jixu-jiaoyu": (0.73, 0.73, 0.64),
    "beijing-xinxihua": (0.82, 0.83, 0.78), "gongzheng": (0.85, 0.88, 0.88),
    # held out in round 20 (scored once on main e4ae227, after the twentieth round's last rule), tuning since: their
    # figures then, minus 0.02
    "beijing-shishi-tongyong-yuyan": (0.72, 0.73, 0.67), "beijing-zhongxiao-qiye": (0.81, 0.78, 0.69),
    "guofang-jiaotong": (0.90, 0.91, 0.89), "zhuanshu-jingjiqu": (0.90, 0.91, 0.83),
    "beijing-hongshizihui": (0.72, 0.77, 0.67), "beijing-shebaoka": (0.87, 0.87, 0.85),
    "chukou-guanzhi": (0.84, 0.86, 0.79), "hainan-ziyougang": (0.76, 0.76, 0.66),
    # held out in round 21 (scored once on 415b646 — main 0d1b11e with the bookkeeping and the twenty-first round's last
    # rule — the same figures as the session start fc4f9ab), tuning since: their figures then, minus 0.02
    "beijing-shishi-yiwu-jiaoyu": (0.91, 0.91, 0.86), "chongqing-fangxun-kanghan": (0.87, 0.91, 0.85),
    "chongqing-renmin-fangkong": (0.81, 0.85, 0.77), "dianying-chanye-cujin": (0.88, 0.87, 0.78),
    "gengdi-zhanyongshui": (0.92, 0.92, 0.98), "guangdong-zhishi-chanquan": (0.85, 0.81, 0.65),
    "qishui": (0.89, 0.90, 0.83), "yinhangye-jiandu": (0.74, 0.68, 0.62),
    # round 22 (held out in the eleventh session of 2026-12-06, scored once on c50f6ac = the code of the last train, then tuning)
    "beijing-jianzhu-lvse": (0.88, 0.88, 0.83), "beijing-tufa-shijian": (0.86, 0.82, 0.74), "beijing-zhuanli": (0.85, 0.86, 0.82),
    "chongqing-sanxia-yimin": (0.78, 0.79, 0.71), "chongqing-tezhong-shebei": (0.88, 0.89, 0.88),
    "guangzhou-liuxihe": (0.92, 0.92, 0.90), "qingzang-gaoyuan-shengtai": (0.88, 0.89, 0.80),
    "shewai-minshi-falv-shiyong": (0.98, 0.98, 0.98),
    # round 23 (held out in the twelfth session of 2026-12-06, scored once on 4eb49bd = main b9613ae + every branch of the
    # session's last two trains, then tuning)
    "beijing-renda-shouze": (0.86, 0.83, 0.71), "dianzi-shangwu": (0.89, 0.90, 0.86),
    "guangzhou-zhishicheng": (0.74, 0.75, 0.69), "haishi-susong": (0.79, 0.80, 0.69),
    "nongcun-jiti-jingji": (0.79, 0.85, 0.79), "quanmin-gongye-qiye": (0.76, 0.75, 0.67),
    "shenzhen-xinyong": (0.85, 0.84, 0.70), "yufang-weichengnian-fanzui": (0.86, 0.88, 0.84),
    # round 24 (held out in the thirteenth session of 2026-12-06, scored once on 4c7c4b7 = main + every branch of the
    # session's last two trains, then tuning)
    "beijing-xianfa-xuanshi": (0.79, 0.87, 0.90), "beijing-zhongguancun": (0.87, 0.88, 0.86),
    "chechuanshui": (0.76, 0.76, 0.64), "guofang-dongyuan": (0.86, 0.86, 0.76), "taibao-touzi": (0.70, 0.80, 0.98),
    "tielu": (0.73, 0.73, 0.66), "tuiyi-junren": (0.79, 0.81, 0.76), "wuzhangai": (0.80, 0.80, 0.78),
    # round 25 (held out in the fourteenth session of 2026-12-06, scored on cdeec02 = lead8 + every branch that lands with
    # it, then tuning; the first five were seen by kb check's duty rules and are reported apart)
    "beijing-fazhan-zhongyi": (0.82, 0.82, 0.75), "beijing-muying-baojian": (0.87, 0.88, 0.82),
    "beijing-yuanqian-jijiu": (0.91, 0.89, 0.81), "biaozhunhua": (0.82, 0.84, 0.78), "chongqing-kongyan": (0.81, 0.77, 0.78),
    "chongqing-shuitu-baochi": (0.93, 0.94, 0.88), "chongqing-feiyi": (0.81, 0.77, 0.76),
    "chongqing-tianranqi": (0.93, 0.93, 0.89), "chongqing-xiaozuofang": (0.87, 0.90, 0.89), "huanbao-shui": (0.77, 0.79, 0.67),
    "minfadian-qinquan": (0.83, 0.83, 0.79), "minfadian-renge": (0.83, 0.81, 0.81), "xintuo": (0.87, 0.86, 0.87),
    # round 26 (held out in the fifteenth session of 2026-12-06, scored once on 0b2626a = main + every branch that lands
    # with it, then tuning; yubeiyi-junguan was named by the parser's data and is reported apart)
    "beijing-jieshui": (0.89, 0.86, 0.79), "beijing-lishi-mingcheng": (0.96, 0.96, 0.94),
    "beijing-zidong-jiashi": (0.83, 0.77, 0.64), "renmin-yinhang": (0.87, 0.89, 0.82), "xianyi-junguan": (0.75, 0.79, 0.66),
    "xunhuan-jingji": (0.80, 0.80, 0.79), "yanye-shui": (0.98, 0.98, 0.98), "yubeiyi-junguan": (0.54, 0.57, 0.42),
    # round 27 (held out in the sixteenth session of 2026-12-06, scored once on 103bc89 = main + every branch that lands
    # with it, then tuning)
    "beijing-gongyuan": (0.87, 0.87, 0.78), "beijing-huwai-guanggao": (0.89, 0.88, 0.86),
    "beijing-yesheng-dongwu-2020": (0.82, 0.87, 0.80), "chongqing-changwu-gongkai": (0.57, 0.27, 0.18),
    "chongqing-guofang-jiaoyu": (0.82, 0.79, 0.75), "jinchujing-jianyi": (0.82, 0.84, 0.72), "minfadian-jicheng":
    (0.78, 0.81, 0.78), "shiyou-guandao": (0.94, 0.92, 0.88),
    # round 28 (held out in the seventeenth session of 2026-12-07, scored once on f947a52 = main + every branch that
    # lands with it, then tuning; drawn by --rule quoted, partial: the articles the obligation stage's files quote left out)
    "beijing-gushu-mingmu": (0.95, 0.95, 0.91), "beijing-jianshe-zhiliang": (0.84, 0.86, 0.77),
    "beijing-renfang": (0.88, 0.88, 0.71), "chuanranbing": (0.85, 0.88, 0.81), "guangdong-haiyu": (0.74, 0.77, 0.67),
    "guofang": (0.66, 0.70, 0.50), "haiguan": (0.76, 0.79, 0.72), "zhiye-jiaoyu": (0.85, 0.85, 0.79),
    # round 29 (held out in the eighteenth session of 2026-12-07, scored once on 5e66c12 = main + every branch that
    # lands with it, then tuning; drawn by --rule quoted, partial: the articles the obligation stage's files quote left out)
    "beijing-guidao-jiaotong": (0.84, 0.83, 0.79), "beijing-lvhua": (0.92, 0.92, 0.92),
    "beijing-shipin-anquan": (0.78, 0.79, 0.68), "heyuan-baoyu": (0.84, 0.84, 0.72),
    "laodong-zhengyi": (0.82, 0.83, 0.78), "lvshi": (0.84, 0.86, 0.74), "nongcun-tudi-chengbao": (0.82, 0.82, 0.80),
    "shebao": (0.80, 0.81, 0.79),
    # round 30 (held out in the nineteenth session of 2026-12-07, scored once on 03a9452 = main + every branch that
    # lands with it, then tuning; drawn by --rule quoted, partial: the articles the obligation stage's files quote left out)
    "beijing-weixian-feiwu": (0.88, 0.89, 0.85), "beijing-zongjiao": (0.91, 0.91, 0.89),
    "changjiang-baohu": (0.88, 0.88, 0.81), "guangdong-kepu": (0.84, 0.83, 0.77), "guoge": (0.75, 0.75, 0.68),
    "hangdao": (0.90, 0.91, 0.82), "minzu-quyu-zizhi": (0.66, 0.65, 0.59), "piaoju": (0.88, 0.90, 0.79),
    # round 31 (held out in the twentieth session of 2026-12-07, scored once on 1b9b4e8 = main + every branch that
    # lands with it, then tuning; drawn by --rule quoted, partial: the articles the obligation stage's files quote left out)
    "beijing-jinzhi-dubo": (0.84, 0.84, 0.61), "chongqing-jiaoyu-kaoshi": (0.80, 0.78, 0.78),
    "guangdong-huanjing-baohu": (0.83, 0.83, 0.74), "jianyu": (0.81, 0.75, 0.64), "meitan": (0.85, 0.87, 0.84),
    "qiangzhi-guanli": (0.79, 0.85, 0.72), "xingzheng-chufa": (0.82, 0.79, 0.72), "yimiao-guanli": (0.89, 0.88, 0.83),
    # round 32 (held out in the twenty-first session of 2026-12-07, scored once on 83f1f8d = main + engineers e11a-e11e,
    # r27a, 14a and 14b, then tuning; drawn by --rule quoted, partial: the articles the obligation stage's files quote left out)
    "beijing-dongwu-fangyi": (0.79, 0.76, 0.67), "beijing-jishu-shichang": (0.92, 0.93, 0.90),
    "beijing-shirong-weisheng": (0.84, 0.85, 0.75), "daqi-wuran": (0.86, 0.87, 0.80), "falv-yuanzhu-fa": (0.89, 0.91, 0.88),
    "geren-xinxi": (0.77, 0.76, 0.70), "guoji": (0.86, 0.82, 0.76),
    # jingwai-ngo scored 0.422 / 0.413 / 0.367 held out (境外非政府组织 read as 非人民政府); engineer e11f's fix, written on the
    # scored text, gives 0.854 / 0.893 / 0.831: its floors are those minus 0.02, so the fix cannot silently go
    "jingwai-ngo": (0.83, 0.87, 0.81),
    # round 33 (held out in the twenty-second session of 2026-12-07, scored once on a492b33 = main + the twenty-first
    # session's rule branches, then tuning; drawn by --rule quoted, partial: the articles the obligation stage's files quote
    # left out); 反分裂国家法 (8 articles annotated, 4 duties) scored 0.333 / 0.333 / 0.000
    "beijing-yufuka": (0.86, 0.89, 0.85), "chongqing-shuiwen": (0.78, 0.82, 0.75), "fan-fenlie": (0.31, 0.31, 0.0),
    "geren-duzi-qiye": (0.71, 0.59, 0.49), "guangdong-jianshe-jianli": (0.85, 0.83, 0.76),
    "jiuye-cujin": (0.88, 0.82, 0.81), "yingxiong-lieshi": (0.75, 0.75, 0.63), "zhongxiao-qiye-cujin": (0.81, 0.81, 0.76),
    # round 34 (held out in the twenty-third session of 2026-12-07, scored once on 5d9ea6b = main + engineers p11, e11i,
    # p11b and e14d, then tuning; drawn by --rule quoted, partial: the articles the obligation stage's files quote left out)
    "beijing-qunzhong-huodong": (0.87, 0.9, 0.85), "beijing-zhaobiao": (0.91, 0.87, 0.85),
    "chongqing-jindu": (0.82, 0.79, 0.71), "kuangshan-anquan": (0.74, 0.81, 0.68), "paimai": (0.8, 0.82, 0.81),
    "shenzhen-anquan-shengchan": (0.79, 0.77, 0.68), "youyang-chengzhen": (0.86, 0.86, 0.79),
    "zhuzuoquan": (0.63, 0.62, 0.53),
    # round 35 (held out in the twenty-fourth session of 2026-12-08, scored once on 78dab4b = main + engineers e14f,
    # p11c, e11j and p11d, then tuning; drawn by --rule quoted, partial: the articles the obligation stage's files quote
    # left out)
    "beijing-xiaofeizhe": (0.82, 0.85, 0.78), "chongqing-zhishu": (0.7, 0.73, 0.53), "faguan": (0.62, 0.61, 0.48),
    "hehuo-qiye": (0.81, 0.8, 0.73), "nongye": (0.79, 0.76, 0.69), "renmin-jianchayuan": (0.81, 0.81, 0.77),
    "shenji": (0.76, 0.71, 0.62), "shenzhen-waishang-touzi": (0.92, 0.93, 0.88)}
#: the paragraph-level floors of chongqing-zhiyuan, guangzhou-jijiu and jiating-jiaoyu were lowered in round 4: the
#: guide's list rule (every lead-in record carries the items) now holds for the body that acts on a list of
#: violations too, as the later annotators wrote it; these three files list the violations under the party liable
#: only (their figures: 0.918, 0.892, 0.905).  2026-12-05 (sixth session): the gold was harmonised to the conventions
#: settled that day (issue-11h: those three files' sanction lead-ins now carry their items, 企业事业单位 split, rights
#: stated with 享有 are permissions …) and kb follows them; every floor a file's figures rose past was raised to its
#: figures minus 0.02.  Two were lowered, both files whose gold the curator extended with rights stated without
#: 有权/可以 (享受 + a benefit, 有……的权利 in a list) that kb reads only in part: guangdong-zulin (was 0.75, 0.77, 0.80;
#: now 0.740, 0.765, 0.776) and beijing-jiti-zichan's duty recall (was 0.63; now 0.622).
#: Eighth session (issue 11c, data only): 62 tuning records of a bare 享受 + a benefit were removed (README, conventions
#: settled 2026-12-05: no record); kb matched none of them, so the 18 files' recall rose and 17 floors were raised to
#: their figures minus 0.02 (beijing-jiedao's rise stays under its floor plus 0.02); none lowered.
#: Ninth session (issue 11, twentieth round: code review 13 items 6-11, 主持 / 工作如下, criminal liability and liability
#: borne not the sanctioning body's, exceptions, charters): ten raised to their figures minus 0.02; none lowered.
#: Tenth session (issue 11, data only): linghai-pilianqu harmonised to the lead's decision (a ship or an aircraft is no
#: actor; 16 records became statements without an actor), its floor re-measured: its figures minus 0.02.
#: Tenth session (issue 11, twenty-first round: code review 14 items 11, 12, 15, exceptions): five raised (huzhao,
#: hukou-dengji, beijing-jingshen-weisheng, beijing-wuzhangai, gongzheng) to their figures minus 0.02; none lowered.
#: Then the state as a party (中华人民共和国; its name before its bodies dropped; its powers as rights): four raised
#: (zhuanshu-jingjiqu, linghai-pilianqu, chukou-guanzhi, hukou-dengji); none lowered.
#: Then a list of things closed by 等 is no list of parties: beijing-shishi-tongyong-yuyan raised; none lowered.
#: Twelfth session (issue 11, twenty-third round): the region a text covers dropped before a level's body (青藏高原县级以上
#: 地方人民政府 = 县级以上地方人民政府): qingzang-gaoyuan-shengtai, guangzhou-liuxihe, beijing-tushuguan raised; none lowered.
#: Then a public body's refusal without a modal word is its duty (the lead's decision; five gold files harmonised):
#: huzhao, gongzheng, beijing-xinxihua, beijing-jihui-youxing, beijing-sifa-jianding, beijing-falvyuanzhu raised; none lowered.
#: Then code review 16's items (persons joined in a name, 由X享有, 由X指定…接受, 代理X): guangdong-muying-baojian raised.
#: Thirteenth session (issue 11, twenty-fourth round): a text's own organs and officers (农村集体经济组织理事会成员 = 理事会成员,
#: 成员大会是……的权力机构 → 成员大会): nongcun-jiti-jingji, quanmin-gongye-qiye, beijing-yinyongshui, beijing-xiangzhen-renda raised;
#: none lowered.
#: Then 要 standing after an actor as an obligation, explicit false (the lead's decision): beijing-renda-shouze,
#: chongqing-guaimai, beijing-jiti-zichan, beijing-tushuguan, chongqing-sanxia-yimin raised; none lowered.
#: Thirteenth session: the scorer matches actors modulo 任何, 当地 / ……所在地 and 国家 before a body (the lead's decision;
#: kb.dev.score_obligations.actor_key): 23 raised (beijing-jingkai, beijing-jisheng, beijing-qixiang, beijing-xinxihua,
#: beijing-yinyongshui, beijing-zhian-zonghe, chongqing-guaimai, chongqing-jiating, chongqing-lvhua, chongqing-qixiang-zaihai,
#: chongqing-sanxia-yimin, chukou-guanzhi, dianying-chanye-cujin, fan-shipin-langfei, guangdong-geming-yizhi, guofang-jiaotong,
#: haishi-susong, kezaisheng-nengyuan, linghai-pilianqu, quanmin-gongye-qiye, xiangzhen-qiye, zaosheng, zhuanshu-jingjiqu);
#: none lowered. Then a list closed by a role (……等水工程管理单位) or by 有关单位 after fields: chongqing-fangxun-kanghan,
#: chongqing-xiaofang raised; none lowered.
#: Fourteenth session (issue 11, twenty-fifth round): the party a relative clause modifies (市人民代表大会选举或者通过的下列
#: 国家工作人员，……应当…… → 国家工作人员): beijing-xianfa-xuanshi, chongqing-qiye-fudan, guangdong-tudi raised; none lowered.
#: Fourteenth session (engineer 11b, twenty-fifth round): 国家 as a clause's subject (the lead's decision: a grant is its
#: obligation, its policy verbs give nothing, a time clause's 国家 is no actor; eight gold files harmonised), fields closed by
#: 等单位 (交通运输、……等单位 → 交通运输单位 …), 预案 a thing, lead-ins with an ASCII colon: 21 raised (guofang-dongyuan,
#: qingjie-shengchan, tongyong-yuyan-wenzi, guojia-qingbao, gonggong-tushuguan, beijing-jianzhu-lvse, beijing-guofang-jiaoyu …);
#: none lowered.
#: Fifteenth session (issue 11, twenty-sixth round, engineer 11): a name a text defines for a party is its actor (the
#: lead's decision: ……小作坊（以下简称食品小作坊）, 本条例所称食品摊贩是指……的经营者): chongqing-xiaozuofang raised; none lowered.
#: Then the persons a penalty names when the clause names no violator (对直接负责的主管人员和其他直接责任人员，依法给予处分;
#: the lead's decision on liability persons; seven gold files harmonised: beijing-guofang-jiaoyu, beijing-zhiye-jiaoyu,
#: beijing-tushuguan, zaosheng, mima-fa, chongqing-juanxian, beijing-jiaoshi): 20 raised (guofang-dongyuan, dianzi-qianming,
#: chongqing-cunzhen-gongshui, wuzhangai, zaosheng, mima-fa, beijing-tushuguan, beijing-zhiye-jiaoyu, tuiyi-junren …); none lowered.
#: Sixteenth session (issue 11, twenty-seventh round, engineer 11): persons named by their rank, post or role (军官, 士兵, 安全员,
#: 行长、副行长……) and offices named by 部 (人民武装部, 政治部, 指挥部): 15 raised (xianyi-junguan, yubeiyi-junguan,
#: renmin-yinhang, beijing-zidong-jiashi, xianggang-zhujun, aomen-zhujun, beijing-tufa-shijian …); none lowered.
#: Then a condition list (有下列情形之一的，) carried by every clause that ends at its colon (engineer 11e): one lowered,
#: guangzhou-jijiu's paragraph-level floor (0.94 -> 0.92; its figure 0.940 rounds under it): its annotator gives the
#: condition items of art. 24 p3 to no one (kb's 急救人员 permission on them was an FP already), the patients' 应当予以
#: 配合 on them are 21 FPs more; the files of jiage-jianzheng, jiating, falvyuanzhu, fangzhen-jianzai carry such items:
#: their paragraph-level floors and duty recall raised to their figures minus 0.02.
#: Nineteenth session (engineer 11o): the lead's decision Q1 (a place named as the subject of an act only its operator can
#: do stands for it, each place of the list an actor) harmonised three files; one lowered, chongqing-qixiang-zaihai's duty
#: recall (0.92 -> 0.89; its figure 0.914): 35 p2's seven places (矿区、车站……易燃易爆场所等……应当……传播) are gold now, and kb
#: reads the list only from its bodies 学校, 医院.


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_tuning_floor(name, reg):
    need_shared(SHARED / "corpus")
    path = ODATA / f"{name}.yml"
    assert load_gold_file(path).set == "tuning"
    r = score_file(path, reg)
    if r is None:
        pytest.skip(f"语料文件不存在：{name}")
    s3, s5, duty = FLOORS[name]
    assert r.s3.f1 >= s3 and r.s5.f1 >= s5 and r.duty.r >= duty, (name, r.s3.f1, r.s5.f1, r.duty.r)


def test_every_tuning_file_has_a_floor():
    assert {f.stem for f in gold_files(which="tuning")} == set(FLOORS) | {"seed"}


def test_report_prints_the_tuning_and_held_out_sets_apart():
    """The held-out run is one command: each set its own block, per document and pooled, at the three
    measures (the scores here are made up: no held-out file is read)."""
    def fs(name, which, tp):
        return FileScore(name, which, 10, Score(name, tp, 1, 2), Score(name, tp + 1, 1, 2), Score(name, tp, 2, 3))
    lines: list[str] = []
    pooled = report([fs("a", "tuning", 10), fs("b", "held-out", 20), fs("c", "held-out", 30)], out=lines.append)
    text = "\n".join(lines)
    assert text.index("== tuning (1 texts)") < text.index("POOLED tuning") < text.index("== held-out (2 texts)") \
        < text.index("POOLED held-out")
    held = [ln for ln in lines if ln.startswith("POOLED held-out")]
    assert len(held) == 3 and "duty" in held[2]
    assert (pooled["held-out"]["s3"].tp, pooled["held-out"]["s3"].fp) == (50, 2)
    assert pooled["tuning"]["s5"].tp == 11


#: articles whose text lost an item's numeral (东莞市文明行为促进条例 第十条, 第十三条: the first item line has no （一）, so
#: the parse reads it as a paragraph); the annotators kept the items the law cites (第十条第一项), which no
#: node of the parse holds.
LOST_NUMERAL = {("dongguan-wenming", "10"), ("dongguan-wenming", "13")}
#: the source file of 北京市水利工程保护管理条例 breaks 第十五条's third paragraph in the middle of a phrase (……10日内向市和 /
#: 区、县人民政府提出……), so the parse holds it as two paragraphs; the annotator recorded the 设障单位's duty in the paragraph of
#: its 应当 with its whole action, which therefore spans both
SPLIT_BY_SOURCE = {("beijing-shuili-gongcheng", "15")}


def test_gold_files_are_well_formed():
    """Every file: schema 2, a set, every article of its text (or a partial range), each record's
    paragraph and item a node of the text, its action a verbatim piece of it (…… may elide a middle)."""
    for f in sorted(ODATA.glob("*.yml")):
        g = load_gold_file(f)
        assert g.schema == 2 and g.set in ("tuning", "held-out"), f.name
        doc = load_doc(g.data, f)
        if doc is None:
            continue
        listed = [int(a) for a in g.data["articles"]]
        if g.data.get("partial"):
            assert set(listed) <= {a.number for a in doc.articles}, f.name
        else:
            assert sorted(listed) == [a.number for a in doc.articles], f.name
        for d in g.duties:
            assert d.m in ("obligation", "prohibition", "permission", "encouragement", "sanction", "liability")
            if (f.stem, str(d.article)) in LOST_NUMERAL:
                continue
            para = doc.get(f"art_{d.article}__para_{d.p}")
            node = doc.get(f"art_{d.article}__para_{d.p}__point_{d.i}") if d.i else para
            assert node is not None, (f.name, d.key5)
            # an item that names the actor (下列单位应当建立……：（一）民用机场) takes its action from the lead-in
            where = node.text + (para.text if d.i else "")
            if (f.stem, str(d.article)) in SPLIT_BY_SOURCE:
                following = doc.get(f"art_{d.article}__para_{d.p + 1}")
                where += following.text if following is not None else ""
            assert all(part in where for part in (d.action or "").split("……") if part), (f.name, d.action)


# --- the corpus ---------------------------------------------------------------------------------------

def test_a_duty_without_a_modal_word_has_a_span_that_ends_after_it_starts(reg):
    """香港特别行政区基本法 第九十五、九十七条 (the corpus text, a file the sample above came to once the held-out list
    changed): a duty without a modal word whose action takes the manner before its word got a region past its end
    (start 40 = end 40, start 47 > end 46); every record's span is non-empty."""
    need_shared(SHARED / "corpus")
    from kb.text.parse import parse_file
    doc = parse_file(str(SHARED / "corpus" / "lawrefbook" / "宪法相关法" / "香港特别行政区基本法(1990-04-04).md"))
    records = extract(doc, reg)
    assert any(s.article == 95 for s in records)
    for s in records:
        node = doc.get(s.eid)
        assert 0 <= s.start < s.end <= len(node.text), s


def test_a_carried_item_with_sub_items_keeps_its_span_inside_the_item(reg):
    """行政复议法 (2017) 第二十八条第一款第三项 (a file the sample below came to once the held-out list changed, seventeenth
    session): the lead-in's duty carried to an item with sub-items (1.–5.) reads the item and its sub-items as its
    action, but its span ran past the item's own text (end 145 in 80 characters)."""
    need_shared(SHARED / "corpus")
    from kb.text.parse import parse_file
    doc = parse_file(str(SHARED / "corpus" / "lawrefbook" / "诉讼与非诉讼程序法" / "行政复议法(2017-09-01).md"))
    records = [s for s in extract(doc, reg) if s.eid == "art_28__para_1__point_3"]
    carried = [s for s in records if s.start == 0 and s.modality == "obligation" and s.explicit]
    assert carried and "5.具体行政行为明显不当的" in carried[0].action
    for s in records:
        assert 0 <= s.start < s.end <= len(doc.get(s.eid).text), s


def test_corpus_sample_runs_clean(corpus_files, reg):
    """Every 25th corpus file: records well-formed, offsets valid, and every modal word of its articles
    either opens a duty, is a statement without an actor, or is a modifier, a condition or a definition."""
    from kb.text.parse import parse_file
    n = 0
    for f in corpus_files[::25]:
        try:
            doc = parse_file(str(f))
        except KbError:
            continue                      # not an article-structured text (the parser says so)
        for s in extract(doc, reg):
            node = doc.get(s.eid)
            assert node is not None and 0 <= s.start < s.end <= len(node.text), (f.name, s)
            assert s.modality in ("obligation", "prohibition", "permission", "encouragement", "sanction",
                                  "liability")
            assert s.actor and "，" not in s.actor and len(s.actor) <= 40, (f.name, s.actor)
            n += 1
        lost = [x for x in modal_fates(doc, reg) if x[3] == "none"]
        assert not lost, (f.name, lost[:3])
    assert n > 500


def test_round_three_files_are_whole():
    """The texts held out in round 3 (tuning since) list every article of their text, no more: a file
    annotated for a held-out round covers its whole regulation."""
    need_shared(SHARED / "corpus")
    round3 = [load_gold_file(p) for p in gold_files(which="tuning")
              if "held out in round 3" in p.read_text(encoding="utf-8")]
    assert len(round3) == 8
    for g in round3:
        doc = load_doc(g.data, g.path)
        assert doc is not None, g.name
        numbers = {str(a.number) for a in doc.articles}
        assert {str(k) for k in g.data["articles"]} == numbers, g.name


def test_tax_words_need_not_and_a_granted_exemption_are_no_statements_without_actor():
    """车辆购置税法 and 增值税法 (kb check's tuning texts): 应纳税额 (payable) and 应税交易 (taxable) are no modal
    words, 毋须 is "need not", and 依照法律规定应当予以免税的……车辆 names the vehicles (a modifier): none of them is
    a duty without an actor — kb check's duty-no-actor relies on this list and no longer filters them itself."""
    from kb.layers.obligations.modals import find_modals

    for text in ("车辆购置税的应纳税额按照应税车辆的计税价格乘以税率计算。", "当事人毋须到场。"):
        assert find_modals(text, 0, len(text)) == [], text
    assert [w for _, _, w, _ in find_modals("预算资金应纳入财政管理。", 0, 9)] == ["应"]
    doc = parse_text("测试法\n\n第一条　依照法律规定应当予以免税的外国驻华使馆的自用车辆，免征车辆购置税。\n", "t.txt")
    assert without_actor(doc) == []
    assert [f for *_, f in modal_fates(doc)] == ["modifier"]


def test_discovery_judges_each_head_once_within_its_reach():
    """Discovery judges a name head once per text (kb.layers.obligations.names._head_verdict) and still bounds the
    name from where it starts: a head more than 24 characters on ends no name there (政府 included — a speed commit
    once let it through), nor does a modifier's 政府 (政府定价), while the same head within reach does."""
    from kb.layers.obligations.names import NameScanner

    sc = NameScanner(load_registry(ROOT))
    far = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天政府应当做好工作"
    assert sc.discover(far, 0) is None
    assert sc.discover(far, 1) == ("乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天政府", 25)
    assert sc.discover("依法制定的政府定价", 0) is None
