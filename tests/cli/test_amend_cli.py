"""kb amend, kb diff --as decision, kb parse/export of an amendment and kb show --as-of, as a user
runs them (the real entry point, in a throw-away copy of the project for --register)."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml

from conftest import CORPUS, DATA, ROOT, SHARED, need_shared
from conftest import run_kb as _run


def run_kb(args, cwd, capsys):
    return _run([str(a) for a in args], cwd, capsys)

AMEND = DATA / "amend"


def test_amend_writes_the_new_text_and_lists_the_changes(tmp_path, capsys):
    out = tmp_path / "new.txt"
    rc, stdout, err = run_kb(["amend", AMEND / "base.txt", AMEND / "decision-forms.txt", "-o", out], ROOT, capsys)
    assert rc == 0, err
    assert "18 项指令" in stdout and "7 条重新编号" in stdout and "移至原第十条后" in stdout
    assert "第十二条（施行日期）" in out.read_text(encoding="utf-8")
    rc, stdout, err = run_kb(["amend", AMEND / "base.txt", AMEND / "decision-forms.txt", "--format", "json"],
                             ROOT, capsys)
    data = json.loads(stdout)
    assert rc == 0 and data["decision"]["renumber"] and data["text"].startswith("某市测试质量管理条例")
    assert {"instruction": "第三项", "action": "delete", "old": "第二条", "new": "", "line": 11,
            "detail": ""} in data["changes"]
    # without -o the text goes to stdout and the list to stderr
    rc, stdout, err = run_kb(["amend", AMEND / "base.txt", AMEND / "amendment-forms.txt"], ROOT, capsys)
    assert rc == 0 and "第六条之一（报告更正）" in stdout and "4 项指令" in err


@pytest.mark.parametrize("name", ["bad-words.txt", "bad-article.txt", "bad-paragraph.txt", "bad-unreadable.txt"])
def test_a_decision_that_does_not_apply_exits_2_and_writes_nothing(tmp_path, capsys, name):
    out = tmp_path / "new.txt"
    rc, stdout, err = run_kb(["amend", AMEND / "base.txt", AMEND / name, "-o", out], ROOT, capsys)
    assert rc == 2 and not out.exists() and not list(tmp_path.iterdir())
    assert err.startswith("错误：") and name in err and "无法" in err


@pytest.fixture
def project(tmp_path):
    p = tmp_path / "proj"
    (p / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", p / "mkdocs.yml")
    reg = p / "regulation" / "test"
    reg.mkdir()
    shutil.copy(AMEND / "base.txt", reg / "v1.txt")
    (reg / "meta.yml").write_text("# 测试用\ntitle: 某市测试管理条例\nversions:\n  - name: v1\n    label: 2020年通过\n"
                                  "    file: v1.txt\n    date: 2020-03-01   # 施行日期\n", encoding="utf-8")
    return p


def test_register_adds_a_version_that_diff_show_and_history_follow(project, capsys):
    dec = AMEND / "decision-forms.txt"
    rc, out, err = run_kb(["amend", "test@v1", dec, "--register", "v2"], project, capsys)
    assert rc == 0, err
    reg = project / "regulation" / "test"
    meta = (reg / "meta.yml").read_text(encoding="utf-8")
    assert "# 测试用" in meta and "# 施行日期" in meta            # the file's comments are kept
    v2 = yaml.safe_load(meta)["versions"][-1]
    assert v2 == {"name": "v2", "file": "v2.txt", "label": "根据《某市人民代表大会常务委员会关于修改〈某市测试管理条例〉的决定》修正",
                  "date": "2024-07-01", "adopted": "2024-06-01", "effective": "2024年7月1日", "base": "v1",
                  "amended_by": "decisions/v2.txt"}
    assert (reg / "decisions" / "v2.txt").read_text(encoding="utf-8") == dec.read_text(encoding="utf-8")
    # the comparison follows: kb diff between the two versions
    rc, out, err = run_kb(["diff", "test@v1", "test@v2", "--format", "json"], project, capsys)
    assert rc == 0 and json.loads(out)["summary"]
    # the text in force on a date, and how the article came to read so
    rc, out, err = run_kb(["show", "10", "-r", "test", "--as-of", "2024-08-01"], project, capsys)
    assert rc == 0, err
    assert "第十条　（违反第四条的责任）" in out and "2024-07-01 施行的是" not in out
    assert "本条沿革" in out and "第九条→第十条" in out and "第十六项：移动" in out
    rc, out, err = run_kb(["show", "10", "-r", "test", "--as-of", "2023-01-01"], project, capsys)
    assert rc == 0 and "（违反第六条的责任）" in out and "制定" in out
    rc, out, err = run_kb(["show", "8", "-r", "test", "--as-of", "2024年8月1日", "--format", "json"], project, capsys)
    data = json.loads(out)
    assert data["version"] == "v2" and data["history"][-1]["how"] == "新增" and data["history"][-1]["changes"]
    # no version in force yet: nothing found (1); a date kb cannot read: bad input (2)
    assert run_kb(["show", "1", "-r", "test", "--as-of", "2019-01-01"], project, capsys)[0] == 1
    assert run_kb(["show", "1", "-r", "test", "--as-of", "去年"], project, capsys)[0] == 2
    # registering the same name again: refused, nothing touched
    before = meta
    rc, out, err = run_kb(["amend", "test@v1", dec, "--register", "v2"], project, capsys)
    assert rc == 2 and "已有版本“v2”" in err
    assert (reg / "meta.yml").read_text(encoding="utf-8") == before
    # a decision that does not apply registers nothing
    rc, out, err = run_kb(["amend", "test@v1", AMEND / "bad-words.txt", "--register", "v3"], project, capsys)
    assert rc == 2 and not (reg / "v3.txt").exists() and "v3" not in (reg / "meta.yml").read_text(encoding="utf-8")


def test_register_needs_a_regulation_of_the_knowledge_base(capsys):
    rc, out, err = run_kb(["amend", AMEND / "base.txt", AMEND / "decision-forms.txt", "--register", "x"], ROOT, capsys)
    assert rc == 2 and "--register 需要" in err


def test_diff_as_decision_in_every_format(tmp_path, capsys):
    need_shared(SHARED / "fixtures")
    fix = SHARED / "fixtures" / "suining-revised-draft.txt"
    rc, out, err = run_kb(["diff", "suining-community@draft", fix, "--as", "decision"], ROOT, capsys)
    assert rc == 0 and out.startswith("关于修改《遂宁市社区发展治理促进条例》的决定") and not err
    rc, out, err = run_kb(["diff", "suining-community@draft", fix, "--as", "decision", "--format", "md"], ROOT, capsys)
    assert out.startswith("# 关于修改")
    rc, out, err = run_kb(["diff", "suining-community@draft", fix, "--as", "decision", "--format", "json",
                           "--effective", "2025年1月1日"], ROOT, capsys)
    data = json.loads(out)
    assert data["renumber"] and "本决定自2025年1月1日起施行。" in data["text"] and not data["problems"]
    docx = tmp_path / "决定.docx"
    rc, out, err = run_kb(["diff", "suining-community@draft", fix, "--as", "decision", "--format", "docx", "-o", docx],
                          ROOT, capsys)
    assert rc == 0 and docx.read_bytes()[:2] == b"PK"
    rc, out, err = run_kb(["diff", "suining-community@draft", fix, "--as", "decision", "--style", "amendment"],
                          ROOT, capsys)
    assert out.startswith("遂宁市社区发展治理促进条例修正案") and "之一" in out
    # txt belongs to the decision
    assert run_kb(["diff", "suining-community@draft", fix, "--format", "txt"], ROOT, capsys)[0] == 2


def test_parse_and_export_show_the_instructions(capsys):
    need_shared(CORPUS)
    f = CORPUS / "刑法" / "刑法修正案（十二）(2023-12-29).md"
    rc, out, err = run_kb(["parse", f], ROOT, capsys)
    assert rc == 0 and "修正案" in out and "第三百九十条" in out and "2024年3月1日" in out
    rc, out, err = run_kb(["parse", f, "--format", "json"], ROOT, capsys)
    assert [i["label"] for i in json.loads(out)["instructions"]] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
    rc, out, err = run_kb(["export", CORPUS / "宪法" / "宪法修正案（2018年）.md"], ROOT, capsys)
    am = json.loads(out)["amendment"]
    assert am["kind"] == "amendment" and len(am["instructions"]) == 21
    rc, out, err = run_kb(["parse", AMEND / "decision-forms.txt", "--format", "csv"], ROOT, capsys)
    assert rc == 0 and out.startswith("\ufeff指令,行,操作,位置,内容")
    # a file that is no amendment and has no article is still refused, saying so
    rc, out, err = run_kb(["parse", CORPUS / "其他" / "劳动仲裁和劳动诉讼的攻略.md"], ROOT, capsys)
    assert rc == 2 and "也不是修正案或修改决定" in err


def test_an_article_numbered_outside_its_chapter_exits_2_and_writes_nothing(tmp_path, capsys):
    dec = tmp_path / "decision.txt"
    dec.write_text("关于修改《某市测试管理条例》的决定\n\n一、在第一章中增加一条，作为第九十九条：“市测试主管部门应当加强监督检查。”\n\n"
                   "此外，对条文顺序作相应调整。\n", encoding="utf-8")
    out = tmp_path / "new.txt"
    rc, stdout, err = run_kb(["amend", AMEND / "base.txt", dec, "-o", out], ROOT, capsys)
    assert rc == 2 and not out.exists()
    assert "decision.txt:3" in err and "第一项（第一章中 增加）无法执行：第一章现有第一条至第三条，增加的条文不能作为第九十九条" in err
