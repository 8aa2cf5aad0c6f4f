"""kb search as the third newcomer review found it (notes/review-newcomer3.md, items 3, 4, 9, 11, 14):
the hits a limit leaves out are counted and said; an obligation hit says whose duty and which
(actor, modality, action, deadline) in every format; a chapter the regulation searched does not have
is an error naming that regulation's chapters; one vocabulary of modalities; a trailing 法规@版本.
A copy of the seed and of 社区矫正法 (nine chapters: the seed has seven), built by each engine."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from conftest import ROOT, copy_seed, run_kb
from kb.catalog import open_catalog
from kb.cli.search import MODALITY_NAMES

OTHER = "社区矫正法"


@pytest.fixture(scope="module")
def proj(tmp_path_factory, engine):
    p = tmp_path_factory.mktemp("review3") / "proj"
    (p / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", p / "mkdocs.yml")
    copy_seed(p / "regulation" / "suining-community")
    shutil.copytree(ROOT / "regulation" / OTHER, p / "regulation" / OTHER)
    open_catalog(p).build()
    return p


def kb(proj, capsys, *args):
    return run_kb(["--root", str(proj), "search", *args], proj, capsys)


def as_json(proj, capsys, *args):
    rc, out, err = kb(proj, capsys, *args, "--format", "json")
    assert rc == 0, err
    return json.loads(out)


# ---------------------------------------------------------------- item 3: what the limit leaves out

@pytest.mark.parametrize("args", [("经费",), ("社区",), ("经费", "--type", "paragraph"), ("经费", "--all-hits"),
                                  ("经费", "--type", "obligation"), ("社区", "--type", "definition"),
                                  ("社区 OR 矫正",), ("社区", "--modality", "obligation"), ("社区", "--type", "obligation", "--actor", "居民委员会")])
def test_the_total_counts_every_hit_beyond_the_limit(proj, capsys, args):
    every = as_json(proj, capsys, *args, "--limit", "0")
    assert every["count"] == every["shown"] == len(every["hits"]) > 3, args
    for limit in (1, 3):
        top = as_json(proj, capsys, *args, "--limit", str(limit))
        assert top["shown"] == len(top["hits"]) == limit and top["count"] == every["count"], (args, limit)
        if " OR " not in args[0]:     # (whoosh's top-N of an OR query may differ from its full ranking: README)
            assert top["hits"] == every["hits"][:limit], (args, limit)


def test_a_listing_cut_by_the_limit_says_so(proj, capsys):
    total = as_json(proj, capsys, "社区", "--limit", "0")["count"]
    assert total > 10
    rc, out, err = kb(proj, capsys, "社区")
    assert rc == 0 and f"显示前 10 条，共 {total} 条；用 --limit 查看更多（--limit 0 显示全部）" in out
    rc, out, err = kb(proj, capsys, "社区", "--limit", "0")
    assert rc == 0 and "显示前" not in out + err
    rc, out, err = kb(proj, capsys, "社区", "--format", "csv")        # the CSV itself stays data only
    assert rc == 0 and len(list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))) == 11
    assert f"共 {total} 条" in err and "显示前" not in out


def test_a_paragraph_count_past_its_budget_is_a_lower_bound_and_says_so(proj, capsys, monkeypatch):
    from kb.catalog import searching

    every = as_json(proj, capsys, "社区", "--type", "paragraph", "--limit", "0")["count"]
    exact = as_json(proj, capsys, "社区", "--type", "paragraph", "--limit", "3")
    assert exact["count"] == every and exact["count_exact"] is True
    monkeypatch.setattr(searching, "PARTS_COUNTED", 4)     # count the parts of the best 4 articles only
    cut = as_json(proj, capsys, "社区", "--type", "paragraph", "--limit", "3")
    assert cut["count_exact"] is False and 3 <= cut["count"] < every
    assert cut["hits"] == exact["hits"]
    rc, out, _ = kb(proj, capsys, "社区", "--type", "paragraph", "--limit", "3")
    assert rc == 0 and f"显示前 3 条，共 {cut['count']} 条以上；" in out


# ---------------------------------------------------------------- item 4: an obligation hit says which duty

def test_obligation_hits_carry_actor_modality_action_and_deadline(proj, capsys):
    args = ("经费", "--type", "obligation", "-r", "suining-community", "--limit", "3")
    hits = as_json(proj, capsys, *args)["hits"]
    # 第三十条第一款: two duties of 市人民政府 and one of 县（市、区）人民政府, one paragraph
    assert {h["eid"] for h in hits} == {"art_30__para_1"}
    duties = [(h["actors"], h["modalities"], h["action"]) for h in hits]
    assert len(set(map(str, duties))) == 3
    assert (["市人民政府"], ["obligation"], "按照政府购买服务指导性目录，研究制定配套政策，将政府购买服务所需经费纳入同级财政预算") \
        in duties
    rc, out, _ = kb(proj, capsys, *args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert rc == 0 and [(r["主体"], r["情态"], r["行为"]) for r in rows] == \
        [("、".join(a), "、".join(MODALITY_NAMES[c] for c in m), x) for a, m, x in duties]
    assert len({tuple(r.values()) for r in rows}) == 3 and all("期限" in r for r in rows)
    rc, out, _ = kb(proj, capsys, *args)
    assert rc == 0
    for _, _, action in duties:
        assert f"行为：{action}" in out.replace("\n    ", "")
    # a duty with a time limit shows it (第十三条: within 15 working days of the acceptance)
    hits = as_json(proj, capsys, "移交", "--type", "obligation", "-r", "suining-community", "--limit", "0")["hits"]
    timed = [h for h in hits if h["deadline"]]
    assert timed and "15个工作日内" in timed[0]["deadline"]
    rc, out, _ = kb(proj, capsys, "移交", "--type", "obligation", "-r", "suining-community")
    assert f"（期限：{timed[0]['deadline']}）" in out.replace("\n    ", "")


# ---------------------------------------------------------------- item 9: a chapter the regulation does not have

def test_a_chapter_the_regulation_searched_lacks_is_an_error_naming_its_chapters(proj, capsys):
    seven = "第一章、第二章、第三章、第四章、第五章、第六章、第七章"
    # 社区矫正法 has a 第九章, the seed has not: both ways of asking say so, naming the seed's chapters only
    for args in (("社区", "-r", "suining-community", "--chapter", "9"), ("chapter:9 社区", "-r", "suining-community"),
                 ("社区", "-r", "suining-community", "--chapter", "第九章"), ("chapter:99 社区", "-r", "suining-community")):
        rc, out, err = kb(proj, capsys, *args)
        assert rc == 2 and "法规“suining-community”没有第九" in err and f"它有：{seven}" in err, (args, err)
        assert "chp_" not in err and out == ""
    rc, _, err = kb(proj, capsys, "社区", "-r", "suining-community", "--chapter", "第二编第三章")
    assert rc == 2 and "没有第二编第三章" in err and seven in err and "第八章" not in err
    rc, _, err = kb(proj, capsys, "社区", "-r", "suining-community@draft", "--chapter", "第三章第一节")
    assert rc == 2 and "法规“suining-community@draft”没有第三章第一节" in err
    # a chapter it has, holding nothing that matches: nothing found (1), not an error
    rc, _, err = kb(proj, capsys, "监狱", "-r", "suining-community", "--chapter", "3")
    assert rc == 1 and "没有找到" in err
    rc, out, _ = kb(proj, capsys, "社区", "-r", OTHER, "--chapter", "9")
    assert rc in (0, 1) and "错误" not in out


# ---------------------------------------------------------------- item 11: one vocabulary of modalities

def test_modalities_are_written_the_same_way_in_search_and_obligations(proj, capsys):
    from kb.catalog.query import MODALITY_ALIASES, MODALITY_LABELS

    for code, label in MODALITY_LABELS.items():
        assert MODALITY_ALIASES[label] == code
    for word, code in (("禁止", "prohibition"), ("不得", "prohibition"), ("授权", "permission"), ("义务", "obligation")):
        by_word = as_json(proj, capsys, "社区", "--type", "obligation", "--modality", word, "--limit", "0")
        by_code = as_json(proj, capsys, "社区", "--type", "obligation", "--modality", code, "--limit", "0")
        assert by_word == by_code and by_word["hits"], word
        assert {m for h in by_word["hits"] for m in h["modalities"]} == {code}
        in_query = as_json(proj, capsys, f"modality:{word} 社区", "--type", "obligation", "--limit", "0")
        assert in_query["hits"] == by_code["hits"], word
        rc, out, _ = run_kb(["--root", str(proj), "obligations", "-m", word, "--format", "json"], proj, capsys)
        assert rc == 0 and {r["modality"] for r in json.loads(out)} == {code}, word
    for cmd in (["search", "社区"], ["obligations"]):
        for word in ("处罚", "法律责任"):             # neither role: refused in both, naming the two
            rc, _, err = run_kb(["--root", str(proj), *cmd, "--modality", word], proj, capsys)
            assert rc == 2 and "追责（sanction" in err and "责任（liability" in err, (cmd, word)
        rc, out, _ = run_kb(["--root", str(proj), *cmd, "--help"], proj, capsys)
        flat = "".join(out.split())          # (the help is wrapped to the terminal)
        assert rc == 0 and "permission授权" in flat and "sanction追责" in flat and "处罚" not in flat
    rc, out, _ = run_kb(["--help"], proj, capsys)
    assert "处罚" not in out


# ---------------------------------------------------------------- item 14: a trailing 法规@版本

def test_a_trailing_regulation_at_version_scopes_the_search(proj, capsys):
    scoped = as_json(proj, capsys, "社区", "-r", "suining-community@draft", "--limit", "0")
    assert {h["regulation"] for h in scoped["hits"]} == {"suining-community"}
    assert as_json(proj, capsys, "社区", "suining-community@draft", "--limit", "0") == scoped
    assert as_json(proj, capsys, "社区 suining-community@draft", "--limit", "0") == scoped
    assert as_json(proj, capsys, "社区", "suining-community@", "--limit", "0")["hits"] == scoped["hits"]
    assert as_json(proj, capsys, "社区", "suining-community@draft", "-r", "suining-community",
                   "--limit", "0") == scoped
    rc, _, err = kb(proj, capsys, "社区", "suining-community@draft", "-r", OTHER)
    assert rc == 2 and "不同的法规" in err
    rc, _, err = kb(proj, capsys, "社区", "suining-community@draft", "-v", "revised")
    assert rc == 2 and "不同的版本" in err
    rc, _, err = kb(proj, capsys, "社区", "nosuch@draft")
    assert rc == 2 and "没有法规“nosuch”" in err
    rc, _, err = kb(proj, capsys, "suining-community@draft")
    assert rc == 2 and "没有检索词" in err
