"""What an end-to-end review of kb check found (round 6), each with a bad and a good example: a citation of a part
of the whole law in an excerpt, an article that is only a bracketed title, law names that are not a law's title, a
rule's own --list-rules example, a liability clause citing an encouragement, a half-width full stop, the JSON
counts under --severity, and upper-repeat's knowledge base indexed once per process."""
from __future__ import annotations

import json
import re

import pytest

from kb.check.engine import check
from kb.check.rules import all_rules
from kb.text.parse import parse_text

from conftest import ROOT, run_kb


def findings(text: str, rule: str, meta: dict | None = None, root=None):
    return check(parse_text(text, "t.txt", meta=meta), root, only=[rule]).findings


def law(*articles: str, title: str = "某某市测试条例") -> str:
    return title + "\n\n" + "\n\n".join(articles) + "\n"


# -- 1. ref-missing in an excerpt (民法典-物权编 holds 第二百七十一条 to 第二百八十七条) -----------------------------------

def test_a_part_of_the_whole_law_cited_by_an_excerpt_is_not_missing():
    from kb.project import load, resolve

    doc = load(resolve(ROOT, "民法典-物权编@2020-05-28"))
    assert "依照本法第三编有关物业服务合同的规定" in doc.text
    assert check(doc, ROOT, only=["ref-missing"]).findings == []
    # the same words in a text that is the whole of itself name a part it does not have
    whole = parse_text(doc.text, "t.txt")
    assert [f.words for f in check(whole, None, only=["ref-missing"]).findings] == ["本法第三编"]


def test_an_excerpt_still_reports_a_missing_article_within_its_range():
    text = law("第二百七十一条　业主对建筑物内的住宅享有所有权。",
               "第二百七十二条　业主行使权利不得危及建筑物的安全。违反本法第二百七十三条规定的，依法处理。"
               "依照本法第二百九十条和本法第三编的规定处理。")
    found = findings(text, "ref-missing", meta={"articles": [271, 287]})
    assert [f.words for f in found] == ["本法第二百七十三条"]      # in range, not in the text: missing
    assert len(findings(text, "ref-missing")) == 3                 # not an excerpt: all three are missing


def test_kb_build_check_passes_on_the_project_as_shipped():
    from kb.check.engine import check_project

    errors = [(r.file, f.line, f.rule, f.words) for r in check_project(ROOT) for f in r.findings
              if f.severity == "error"]
    assert errors == []


# -- 2. empty-article: a bracketed title and nothing else -------------------------------------------------------

def test_an_article_that_is_only_a_bracketed_title_is_empty():
    text = law("第一条　为了规范管理，制定本条例。", "第二条（设施保障方式）", "第三条　本条例自2024年1月1日起施行。")
    found = findings(text, "empty-article")
    assert [(f.line, f.words) for f in found] == [(5, "第二条")] and "条标题" in found[0].message
    # the rule's own --list-rules example
    bad = all_rules()["empty-article"].bad.replace("……", "本条例自2024年1月1日起施行。").split("\n")
    assert findings(law("第十一条　为了规范管理，制定本条例。", *bad), "empty-article")


@pytest.mark.parametrize("article", ["第二条（设施保障方式）　新建住宅小区应当配套建设社区服务设施。",
                                     "第二条（设施保障方式）\n新建住宅小区应当配套建设社区服务设施。",
                                     "第二条　（删去）", "第二条（已删除）", "第二条【略】"])
def test_a_titled_article_with_a_body_or_a_deleted_article_is_not_empty(article):
    text = law("第一条　为了规范管理，制定本条例。", article, "第三条　本条例自2024年1月1日起施行。")
    assert findings(text, "empty-article") == []


# -- 3. law-title: a name that is not a law's title, with the right title ----------------------------------------

@pytest.mark.parametrize("name, right", [
    ("中华人民共和国居民委员会组织法", "中华人民共和国城市居民委员会组织法"),     # words left out
    ("中华人民共和国城市居委会组织法", "中华人民共和国城市居民委员会组织法"),     # a short form inside the name
    ("中华人民共和国城乡规划管理法", "中华人民共和国城乡规划法"),                 # a word added
    ("妇女权益法", "中华人民共和国妇女权益保障法"),
])
def test_a_law_cited_by_a_name_that_is_not_its_title_gets_the_title(name, right):
    text = law(f"第一条　根据《{name}》，制定本条例。", "第二条　本条例自2024年1月1日起施行。")
    found = findings(text, "law-title")
    assert [f.words for f in found] == [f"《{name}》"]
    assert found[0].suggestion == f"改为《{right}》" and "不是法律的名称" in found[0].message


@pytest.mark.parametrize("name", [
    "中华人民共和国城市居民委员会组织法",       # the title
    "中华人民共和国水土保持法",                 # real laws kb does not know, close to 水法, 国防法, 农业法
    "中华人民共和国国防教育法", "中华人民共和国农业技术推广法", "中华人民共和国森林法实施条例",
    "中华人民共和国出入境管理法",               # close to two titles (出境入境管理法, 公民出境入境管理法): not judged
])
def test_a_real_title_or_a_name_close_to_no_single_title_is_left_alone(name):
    text = law(f"第一条　根据《{name}》，制定本条例。", "第二条　本条例自2024年1月1日起施行。")
    assert findings(text, "law-title") == []


# -- 4. term-quoted: its own example -----------------------------------------------------------------------------

def test_term_quoted_reports_its_own_example_and_leaves_a_programme_alone():
    example = all_rules()["term-quoted"].bad.split("（")[0]          # 推行“社区合伙人”制度。
    text = law("第一条　为了规范管理，制定本条例。", f"第二条　{example}", "第三条　本条例自2024年1月1日起施行。")
    assert [f.words for f in findings(text, "term-quoted")] == ["“社区合伙人”"]
    for programme in ("推行“一窗受理”制度。", "推行“河长制”。", "推进“放管服”改革。"):
        text = law("第一条　为了规范管理，制定本条例。", f"第二条　{programme}", "第三条　本条例自2024年1月1日起施行。")
        assert findings(text, "term-quoted") == [], programme


# -- 5. liability-no-duty: a liability clause citing an encouragement ---------------------------------------------

ENCOURAGE = law("第一条　为了促进志愿服务，制定本条例。",
                "第二条　本市鼓励单位和个人参与志愿服务。对在志愿服务中表现突出的，给予表彰。",
                "第三条　志愿服务组织不得向志愿服务对象收取费用。",
                "第四条　违反本条例第{n}条规定的，由民政部门责令改正。",
                "第五条　本条例自2024年1月1日起施行。")


def test_a_liability_clause_citing_an_encouragement_names_no_duty():
    found = findings(ENCOURAGE.format(n="二"), "liability-no-duty")
    assert [f.words for f in found] == ["本条例第二条"]
    assert findings(ENCOURAGE.format(n="三"), "liability-no-duty") == []


def test_an_encouragement_that_also_binds_someone_imposes_a_duty():
    text = ENCOURAGE.replace("给予表彰。", "给予表彰。志愿服务组织应当为志愿者购买保险。").format(n="二")
    assert findings(text, "liability-no-duty") == []


# -- 6. form-halfwidth: a half-width full stop after Chinese ------------------------------------------------------

def test_a_half_width_full_stop_after_chinese_is_reported():
    text = law("第一条　为了规范管理，制定本条例.", "第二条　县级以上人民政府应当加强管理。", "第三条　本条例自2024年1月1日起施行。")
    found = findings(text, "form-halfwidth")
    assert [(f.line, f.words, f.suggestion) for f in found] == [(3, ".", "改为“。”")]


@pytest.mark.parametrize("sentence", ["网址为www.gov.cn，或者http://www.beijing.gov.cn/zwgk。",
                                      "标准值为3.5毫克。", "执行第2.1项标准。", "编号为No.5的文件。",
                                      "列为甲类、乙类……等…"])
def test_decimals_urls_and_abbreviations_are_no_half_width_full_stop(sentence):
    text = law("第一条　为了规范管理，制定本条例。", f"第二条　{sentence}", "第三条　本条例自2024年1月1日起施行。")
    assert findings(text, "form-halfwidth") == []


# -- 7. --severity error --format json: counts of what is listed --------------------------------------------------

def test_json_counts_are_the_findings_listed_and_counts_all_every_finding(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text(law("第一条　为了规范管理,制定本条例。", "第三条　街道办事处应当加强管理，做好服务，保障经费。"),
                     encoding="utf-8")
    rc, out, _ = run_kb(["check", str(draft), "--severity", "error", "--format", "json"], ROOT, capsys)
    data = json.loads(out)
    listed = {s: sum(f["severity"] == s for f in data["findings"]) for s in ("error", "warning", "info")}
    assert data["counts"] == listed and listed["error"] >= 1 and listed["warning"] == listed["info"] == 0
    assert data["counts_all"]["warning"] >= 1 and sum(data["counts_all"].values()) > len(data["findings"])


# -- 8. upper-repeat: the knowledge base indexed once per process --------------------------------------------------

def test_the_knowledge_base_is_indexed_once_and_a_text_outside_it_leaves_it_as_it_was():
    from kb.library.related import base_library, forget_bases, library_with

    forget_bases()
    base = base_library(ROOT)
    assert base_library(ROOT) is base
    n = len(base.entries)
    doc = parse_text(law("第一条　居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织。",
                         "第二条　本条例自2024年1月1日起施行。"), "t.txt")
    lib = library_with(ROOT, doc)
    assert len(base.entries) == n and len(lib.entries) == n + 2
    found = check(doc, ROOT, only=["upper-repeat"]).findings
    assert [f.citation for f in found] == ["第一条"] and "城市居民委员会组织法" in found[0].message
    assert base_library(ROOT) is base                     # the check reused it
    forget_bases()
    assert base_library(ROOT) is not base


def test_the_check_bench_runs_kb_check_as_the_project_does():
    from kb.dev.bench_check import _checker
    from kb.dev import paths
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "t.md"
        f.write_text("# 某某市测试条例\n\n第一条　居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织。\n\n"
                     "第二条　本条例自2024年1月1日起施行。\n", encoding="utf-8")
        assert _checker(paths.REPO)([f]) > _checker(None)([f])      # upper-repeat ran in the project only
