"""Obligation layer: the spec's examples on the real seed, the registry, discovery, the JSON export,
the CLI, and accuracy against hand annotations (tests/data/obligations, scored by kb.score_obligations)."""
from __future__ import annotations

import json

import pytest

from conftest import DATA, ROOT, SHARED, need_shared
from kb.layers.actors import load_registry
from kb.errors import KbError
from kb.layers.obligations import export_layer, extract, relations
from kb.text.parse import parse_text
from kb.dev.score_obligations import score_file

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


def test_duty_on_object_deadline(seed_doc, stmts):
    r = {(s.actor, s.modality): s for s in stmts if s.article == 13}
    assert set(r) == {("住房和城乡建设部门", "obligation"), ("住房和城乡建设部门", "prohibition"),
                      ("开发建设单位", "obligation")}
    dev = r[("开发建设单位", "obligation")]
    assert dev.explicit is False and dev.deadline == "在工程验收合格之日起15个工作日内"
    assert r[("住房和城乡建设部门", "obligation")].levels == ["县（市、区）"]


def test_quantity(stmts):
    s = next(s for s in stmts if s.article == 11 and s.paragraph == 1)
    assert s.quantity == "每百户居民不低于建筑面积三十平方米"


def test_encouragement_and_support(stmts):
    assert recs(stmts, 8, 2) == {(a, "encouragement") for a in ("公民", "法人", "其他组织")}
    # 应当支持居民委员会开展工作: an obligation and a relation, no encouragement of the committee
    assert recs(stmts, 8, 1) == {(a, "obligation") for a in ("国家机关", "事业单位", "国有企业")}
    assert ("居民", "encouragement") in recs(stmts, 18)          # 应当……引导居民崇德向善


def test_prohibition_and_sanction(stmts):
    assert {a for a, m in recs(stmts, 16) if m == "prohibition"} == {
        "市人民政府", "县（市、区）人民政府", "有关部门", "街道办事处", "乡镇人民政府"}
    assert recs(stmts, 36) == {("同级人民政府", "sanction")}
    assert recs(stmts, 37) == {("居民会议", "sanction"), ("街道办事处", "sanction"), ("乡镇人民政府", "sanction")}


def test_activity_subject_has_no_actor(stmts):
    s3 = [s for s in stmts if s.article == 3]
    assert s3 and all(s.actor is None for s in s3)               # 社区发展治理工作应当……


def test_items_only_when_they_state_something(stmts):
    assert not [s for s in stmts if s.article in (15, 16, 19, 29) and s.item is not None]
    assert [s for s in stmts if s.article == 15 and s.paragraph == 1 and s.item is None]


def test_offsets_point_into_node_text(seed_doc, stmts):
    for s in stmts:
        node = seed_doc.get(s.eid)
        assert node is not None and node.kind in ("paragraph", "item")
        assert 0 <= s.start < s.end <= len(node.text)
        assert s.action and s.action[:4] in node.text[s.start:s.end]


def test_one_record_per_key(stmts):
    keys = [(s.article, s.paragraph, s.item, s.actor, s.modality) for s in stmts]
    assert len(keys) == len(set(keys))


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
    a = reg.get("县（市、区）人民政府")
    assert a.kind == "government" and a.level == "县" and a.parent == "市人民政府"
    assert reg.get("民政部门").kind == "department" and reg.get("居委会").kind == "self-governing"


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


def test_unknown_actors_discovered(reg):
    from kb.layers.obligations import unknown_actors
    doc = parse_text("第一条 区县社区服务中心应当公开服务项目。相关物业管理协会可以制定行业规范。\n"
                     "第二条 由发放补贴的部门收回补贴。\n")
    unk = unknown_actors(doc, reg)
    assert {"区县社区服务中心", "物业管理协会"} <= set(unk)
    got = {(s.actor, s.modality) for s in extract(doc, reg)}
    assert ("物业管理协会", "permission") in got and ("发放补贴的部门", "obligation") in got


# --- export and CLI -------------------------------------------------------------------------------

def test_export_layer_keys(seed_doc):
    d = export_layer(seed_doc)
    assert set(d) == {"obligations", "actors", "relations"}
    o = d["obligations"][0]
    assert set(o) == {"article", "paragraph", "item", "eid", "actor", "modality", "explicit", "action", "start",
                      "end", "deadline", "quantity", "levels"}
    assert set(d["actors"][0]) == {"name", "aliases", "kind", "level", "parent"}
    assert set(d["relations"][0]) == {"from", "relation", "to", "eid"}
    names = {a["name"] for a in d["actors"]}
    assert {s["actor"] for s in d["obligations"] if s["actor"]} == names


def run(capsys, *args):
    from kb.cli import main
    rc = main(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_cli_export_json_has_layer(capsys):
    rc, out, _ = run(capsys, "export", "--format", "json")
    d = json.loads(out)
    assert rc == 0 and len(d["obligations"]) > 100 and d["relations"] and d["actors"]


def test_cli_obligations_filters(capsys):
    rc, out, _ = run(capsys, "obligations", "--actor", "居委会", "--format", "json")
    rows = json.loads(out)
    assert rc == 0 and rows and all(r["actor"] == "居民委员会" for r in rows)
    assert any(r["citation"] == "第十五条第一款" for r in rows)
    rc, out, _ = run(capsys, "obligations", "-m", "sanction", "--format", "csv")
    assert rc == 0 and out.startswith("\ufeff") and "同级人民政府" in out and "监察机关" in out
    rc, out, _ = run(capsys, "obligations", "--article", "13")
    assert rc == 0 and "开发建设单位" in out and "第十三条" in out
    rc, _, err = run(capsys, "obligations", "--actor", "不存在的主体")
    assert rc == 1 and "没有找到" in err


def test_cli_actors(capsys):
    rc, out, _ = run(capsys, "actors", "--format", "json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rc == 0 and rows["居民委员会"]["count"] == 11 and "居委会" in rows["居民委员会"]["aliases"]
    rc, _, err = run(capsys, "actors", "--unknown")
    assert rc == 1 and "没有发现" in err                      # the lexicon covers the seed


# --- accuracy against hand annotations -----------------------------------------------------------

def test_seed_f1(reg):
    s3, s5, fps, fns, n = score_file(ODATA / "seed.yml", reg)
    assert n == 45                                           # every article annotated
    assert s3.f1 >= 0.95, (fps, fns)
    assert s5.f1 >= 0.95, (fps, fns)


#: floors: the figures printed by ``python3 -m kb.score_obligations`` on 2026-11-26 after the general
#: rules of the second round (coordinated lists, head nouns, competence clauses), F1 on (article, actor,
#: modality) and on (article, paragraph, item, actor, modality), minus about 0.01.  Held-out first runs
#: are in tests/data/obligations/README.md (0.72-0.78 for the first five; chengxiang-guihua 0.441,
#: qingyuan-wuye 0.706 before the second round; jiangmen-wenming 0.836 after it).
FLOORS = {"jumin-zuzhifa": (0.94, 0.94), "beijing-jujia-yanglao": (0.99, 0.99),
          "chongqing-zhiyuan": (0.98, 0.98), "fanjiabao": (0.96, 0.96), "juanzeng": (0.99, 0.99),
          "beijing-jumin-banfa": (0.92, 0.92),
          "chengxiang-guihua": (0.97, 0.96), "qingyuan-wuye": (0.99, 0.99),
          # held out: no rule was changed after looking at their differences
          "guangzhou-cishan": (0.82, 0.84), "jiangmen-wenming": (0.82, 0.81)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_corpus_f1_floor(name, reg):
    need_shared(SHARED / "corpus")
    r = score_file(ODATA / f"{name}.yml", reg)
    if r is None:
        pytest.skip(f"语料文件不存在：{name}")
    s3, s5, fps, fns, n = r
    assert n >= 15
    assert s3.f1 >= FLOORS[name][0], (fps, fns)
    assert s5.f1 >= FLOORS[name][1], (fps, fns)


def test_gold_files_cover_every_article(reg):
    from kb.dev.score_obligations import load_doc, load_gold
    total = 0
    for f in sorted(ODATA.glob("*.yml")):
        data, gold = load_gold(f)
        doc = load_doc(data, f)
        if doc is None:
            continue
        if data.get("partial"):
            assert set(int(a) for a in data["articles"]) <= {a.number for a in doc.articles}, f.name
        else:
            assert sorted(int(a) for a in data["articles"]) == [a.number for a in doc.articles], f.name
        for a, p, i, actor, m in gold:
            assert m in ("obligation", "prohibition", "permission", "encouragement", "sanction")
            node = doc.get(f"art_{a}__para_{p}" + (f"__point_{i}" if i else ""))
            assert node is not None, (f.name, a, p, i)
        if f.stem != "seed":
            total += len(data["articles"])
    if total:
        assert total >= 30                                     # other regulations: at least 30 articles


def test_corpus_sample_runs_clean(corpus_files, reg):
    """Every 25th corpus file: extraction never fails, records are well-formed, offsets valid."""
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
            assert s.modality in ("obligation", "prohibition", "permission", "encouragement", "sanction")
            assert s.actor is None or (s.actor and "，" not in s.actor and len(s.actor) <= 30), (f.name, s.actor)
            n += 1
    assert n > 500


def test_export_parent_follows_level(seed_doc):
    a = {x["name"]: x for x in export_layer(seed_doc)["actors"]}
    assert a["国资部门"]["parent"] == "县（市、区）人民政府"     # 县（市、区）国资部门
    assert a["民政部门"]["parent"] == "市人民政府、县（市、区）人民政府"
    assert a["县（市、区）人民政府"]["parent"] == "市人民政府"
