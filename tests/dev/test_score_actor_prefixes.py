"""The lead's decision of the thirteenth session on the actor prefixes the gold files disagree on.

kb's records keep the text's words (国家国防交通主管机构, 当地人民政府, 任何个人); the scorer (``kb score-obligations``)
and the agreement scorer (``python3 -m kb.dev.obligation_agreement``) compare actors modulo a leading 任何, a locator
(当地, ……所在地) and 国家 before a body's name — in the one place they compare actors,
``kb.dev.score_obligations.actor_key``.  The pairs below are real: the gold's name and kb's for one record.
"""
from pathlib import Path

import pytest
import yaml

from conftest import need_shared
from kb.dev import obligation_agreement as oa
from kb.dev import paths
from kb.dev.score_obligations import actor_key, score_file
from kb.layers.actors import load_registry

ODATA = paths.DATA / "obligations"


@pytest.fixture(scope="module")
def reg():
    return load_registry(paths.REPO)


# (file, article, gold's actor, kb's actor): each a record the two wrote with and without the prefix
PAIRS = [
    ("guofang-jiaotong", "4", "国防交通主管机构", "国家国防交通主管机构"),        # 国家 before a body's name
    ("kezaisheng-nengyuan", "29", "电力监管机构", "国家电力监管机构"),
    ("chukou-guanzhi", "23", "国家军品出口管制管理部门", "军品出口管制管理部门"),  # the reverse: the gold keeps it
    ("beijing-zhian-zonghe", "41", "人民政府", "当地人民政府"),                    # a locator
    ("beijing-jisheng", "14", "户籍所在地人民政府", "人民政府"),
    ("haishi-susong", "6", "海事法院", "船籍港所在地海事法院"),
    ("quanmin-gongye-qiye", "58", "任何机关", "机关"),                              # a quantifier
    ("zhuanshu-jingjiqu", "5", "外国的个人", "任何个人"),
]


@pytest.mark.parametrize("name, article, gold, kb", PAIRS, ids=[f"{p[0]}-{p[1]}" for p in PAIRS])
def test_the_scorer_matches_names_modulo_the_prefixes_the_gold_files_disagree_on(reg, name, article, gold, kb):
    key = actor_key(reg)
    assert reg.match_key(gold) != reg.match_key(kb)          # the registry's own key tells them apart
    assert key(gold) == key(kb)


def test_the_state_and_the_names_it_forms_stay_parties(reg):
    key = actor_key(reg)
    assert key("国家") == "国家"                              # the state itself, a party
    assert key("国家工作人员") != key("工作人员")               # a person, not a body
    assert key("国家机关") != key("机关")                      # too short a rest to be a body's name
    assert key("任何人") == "任何人"
    assert key("当地") == "当地" and key("所在地") == "所在地"
    assert key("国家有关部门") == key("有关部门") == key("国务院有关部门")
    # code review 18 item 4: any state is not the state, 国家安全 is part of a body's name, a verb before 所在地 no locator
    assert key("任何国家") != key("国家")
    assert key("国家安全部门") != key("安全部门") and key("国家安全机关") != key("安全机关")
    assert key("国家安全生产监督管理部门") == key("安全生产监督管理部门")
    assert key("报所在地人民政府") != key("人民政府")


def test_kb_keeps_the_texts_words_and_the_score_counts_the_record(reg):
    need_shared()
    from kb.layers.obligations import extract
    from kb.dev.score_obligations import load_doc, load_gold_file

    path = ODATA / "guofang-jiaotong.yml"
    doc = load_doc(load_gold_file(path).data, path)
    if doc is None:
        pytest.skip("语料文件不存在：国防交通法")
    recs = [s for s in extract(doc, reg) if str(s.article) == "4" and s.paragraph == 1]
    assert "国家国防交通主管机构" in {s.actor for s in recs}     # lossless: the record names the body as the text does
    r = score_file(path, reg)
    key = actor_key(reg)
    missed = {(a, p, x, m) for a, p, _, x, m in r.fns}
    assert ("4", 1, key("国防交通主管机构"), "obligation") not in missed


def test_the_agreement_scorer_compares_actors_the_same_way(tmp_path):
    need_shared()
    a = ODATA / "beijing-yanhua-baozhu.yml"
    data = yaml.safe_load(a.read_text(encoding="utf-8"))
    changed = 0
    for rows in (data.get("articles") or {}).values():
        for r in rows or []:
            if isinstance(r, dict) and r.get("actor") in ("个人", "单位", "组织"):
                r["actor"] = "任何" + r["actor"]               # the other annotator writes the quantifier
                changed += 1
    assert changed
    b = tmp_path / "beijing-yanhua-baozhu-second.yml"
    b.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res = oa.agreement(a, b)
    if res is None:
        pytest.skip("语料文件不存在")
    for k in ("s3", "s5", "duty"):
        assert res[k].fp == res[k].fn == 0, (k, res["only_a"], res["only_b"])
