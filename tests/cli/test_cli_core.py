"""kb parse / toc / show / export as a user runs them: address forms, project discovery,
--root, --regulation/--version and reg@ver specs, --format."""
from __future__ import annotations

import json
import os
import re

import pytest

from conftest import ROOT, SEED, SHARED, need_shared, run_kb
from kb.cli import main


def kb(args, cwd, capsys):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        rc = main([str(a) for a in args])
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return rc, out, err


def ok(args, cwd, capsys):
    rc, out, err = kb(args, cwd, capsys)
    assert rc == 0, err
    return out


# -- kb show: every address form ------------------------------------------------------------

@pytest.mark.parametrize("ref,head,first", [
    ("15", "第十五条　（协助事项清单）", "居民委员会应当依法协助"),
    ("第十五条", "第十五条　（协助事项清单）", "居民委员会应当依法协助"),
    ("第15条", "第十五条　（协助事项清单）", "居民委员会应当依法协助"),
    ("１５", "第十五条　（协助事项清单）", "居民委员会应当依法协助"),
    ("第十五条第二款", "第十五条第二款", "前款规定的事项"),
    ("15.2", "第十五条第二款", "前款规定的事项"),
    ("15.1.3", "第十五条第一款第三项", "非专业性工作任务的发现报告"),
    ("第十五条第一款第三项", "第十五条第一款第三项", "非专业性工作任务的发现报告"),
])
def test_show_address_forms(ref, head, first, root, capsys):
    out = ok(["show", ref], root, capsys).splitlines()
    assert out[0] == "遂宁市社区发展治理促进条例　第三章　社区治理"
    assert out[1] == head
    assert out[2].lstrip("　").startswith(first)


def test_show_article_lists_paragraphs_and_items(root, capsys):
    out = ok(["show", "15"], root, capsys)
    assert "　　（四）法律法规规定的其他职责。" in out
    assert "前款规定之外的其他社区服务事项" in out


@pytest.fixture
def inserted(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    at = text.index("第十一条")
    f = tmp_path / "inserted.txt"
    f.write_text(text[:at] + "第十条之一（插入条款）这是插入的一条。\n\n第二款。\n\n" + text[at:], encoding="utf-8")
    return f


@pytest.mark.parametrize("ref", ["10-1", "第十条之一", "第10条之1", "art_10-1"])
def test_show_inserted_article(ref, inserted, tmp_path, capsys):
    out = ok(["show", ref, inserted], tmp_path, capsys).splitlines()
    assert out[1] == "第十条之一　（插入条款）"
    assert out[2] == "　　这是插入的一条。"


def test_show_inserted_paragraph(inserted, tmp_path, capsys):
    out = ok(["show", "10-1.2", inserted], tmp_path, capsys).splitlines()
    assert out[1:] == ["第十条之一第二款", "第二款。"]


def test_show_json(root, capsys):
    data = json.loads(ok(["show", "15.1.3", "--format", "json"], root, capsys))
    assert (data["eid"], data["citation"], data["text"]) == \
        ("art_15__para_1__point_3", "第十五条第一款第三项", "非专业性工作任务的发现报告；")
    data = json.loads(ok(["show", "15", "--format", "json"], root, capsys))
    assert data["heading"] == "协助事项清单" and len(data["paragraphs"]) == 3


def test_show_of_a_provision_the_text_lacks_or_of_a_bad_address_exits_2(root, capsys):
    # (as every command reading one provision: tests/cli/test_newcomer4.py)
    rc, out, err = kb(["show", "99"], root, capsys)
    assert rc == 2 and "没有找到“99”" in err and "共 45 条" in err
    rc, out, err = kb(["show", "15.9"], root, capsys)
    assert rc == 2 and "第十五条没有这一款或项" in err
    rc, out, err = kb(["show", "甲乙"], root, capsys)
    assert rc == 2 and "无法识别的条款编号" in err


# -- kb toc / kb parse ----------------------------------------------------------------------

def test_toc(root, capsys):
    out = ok(["toc"], root, capsys).splitlines()
    assert out[0] == "遂宁市社区发展治理促进条例（草案征求意见稿）"
    assert out[1] == "第一章　总则"
    assert out[2] == "  第一条　立法目的依据"
    assert "第七章　附则" in out and "  第四十五条" in out
    assert sum(1 for l in out if l.startswith("第") and "章" in l) == 7
    assert sum(1 for l in out if l.startswith("  第")) == 45


def test_toc_json_and_csv(root, capsys):
    data = json.loads(ok(["toc", "--format", "json"], root, capsys))
    kinds = [r["kind"] for r in data["toc"]]
    assert kinds.count("chapter") == 7 and kinds.count("article") == 45
    assert data["toc"][0] == {"kind": "chapter", "eid": "chp_1", "label": "第一章", "title": "总则",
                              "line": 21, "depth": 0}
    csv = ok(["toc", "--format", "csv"], root, capsys)
    assert csv.startswith("\ufeff类别,标识,编号,标题,行\r\n章,chp_1,第一章,总则,21\r\n")


def test_parse_table(root, capsys):
    rc, out, err = kb(["parse", "regulation/suining-community/draft.txt"], root, capsys)
    assert rc == 0 and err == ""
    rows = dict(l.split(None, 1) for l in out.splitlines()[2:12] if l.strip())
    assert rows["标题"] == "遂宁市社区发展治理促进条例"
    assert rows["状态"] == "草案征求意见稿"
    assert rows["章"] == "7" and rows["条"] == "45" and rows["警告"] == "0"
    assert "第三章  社区治理  第十五条至第二十二条（8 条）" in out


def test_parse_json(root, capsys):
    data = json.loads(ok(["parse", "--format", "json"], root, capsys))
    assert (data["title"], data["status"], data["chapters"], data["articles"]) == \
        ("遂宁市社区发展治理促进条例", "草案征求意见稿", 7, 45)
    assert data["warnings"] == []
    assert [c["title"] for c in data["chapter_list"]][:2] == ["总则", "社区建设"]


def test_parse_warnings_with_file_and_line(tmp_path, capsys):
    f = tmp_path / "w.txt"
    f.write_text("测试条例\n第一条 甲。\n第一条 重复。\n第二条 乙。\n第四条 丁。\n第三条 丙。\n", encoding="utf-8")
    rc, out, err = kb(["parse", f, "--format", "json"], tmp_path, capsys)
    assert rc == 0
    ws = json.loads(out)["warnings"]
    assert [(w["file"], w["line"]) for w in ws] == [(str(f), 3), (str(f), 5), (str(f), 6)]
    assert ["重复" in ws[0]["message"], "不连续" in ws[1]["message"], "顺序" in ws[2]["message"]] == [True] * 3
    rc, out, err = kb(["parse", f], tmp_path, capsys)
    assert rc == 0 and err.count("警告：") == 3 and f"警告：{f}:5: " in err
    rc, out, err = kb(["parse", "--strict", f], tmp_path, capsys)
    assert rc == 2


# -- project discovery, --root, --regulation/--version, reg@ver --------------------------------

@pytest.fixture
def project(tmp_path):
    """A small project with two regulations; alpha has two versions."""
    p = tmp_path / "proj"
    (p / "docs" / "deep" / "er").mkdir(parents=True)
    (p / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - kb:\n      default_regulation: alpha\n",
                                  encoding="utf-8")
    a = p / "regulation" / "alpha"
    a.mkdir(parents=True)
    (a / "meta.yml").write_text(
        "title: 甲条例\nversions:\n  - {name: v1, label: 草案, file: v1.txt, status: 草案}\n"
        "  - {name: v2, label: 通过稿, file: v2.txt, status: 通过}\n", encoding="utf-8")
    (a / "v1.txt").write_text("甲条例\n第一条 旧的第一条。\n", encoding="utf-8")
    (a / "v2.txt").write_text("甲条例\n第一条 新的第一条。\n第二条 新增。\n", encoding="utf-8")
    b = p / "regulation" / "beta"
    b.mkdir()
    (b / "meta.yml").write_text("title: 乙条例\nversions:\n  - {name: only, file: b.txt}\n", encoding="utf-8")
    (b / "b.txt").write_text("乙条例\n第一条 乙的第一条。\n", encoding="utf-8")
    return p


def _text_of_1(out):
    return out.splitlines()[2].strip("　")


def test_walks_up_to_mkdocs_yml_and_uses_default_latest(project, capsys):
    out = ok(["show", "1"], project / "docs" / "deep" / "er", capsys)
    assert out.splitlines()[0] == "甲条例" and _text_of_1(out) == "新的第一条。"
    data = json.loads(ok(["parse", "--format", "json"], project / "docs", capsys))
    assert (data["title"], data["status"], data["articles"]) == ("甲条例", "通过", 2)   # status from metadata


@pytest.mark.parametrize("args,text", [
    (["--version", "v1"], "旧的第一条。"),
    (["-v", "草案"], "旧的第一条。"),                         # a version's label works too
    (["alpha@v1"], "旧的第一条。"),
    (["alpha@v2"], "新的第一条。"),
    (["alpha"], "新的第一条。"),
    (["--regulation", "beta"], "乙的第一条。"),
    (["-r", "alpha", "-v", "v1"], "旧的第一条。"),
    (["beta@only"], "乙的第一条。"),
])
def test_regulation_and_version_selection(args, text, project, capsys):
    out = ok(["show", "1", *args], project, capsys)
    assert _text_of_1(out) == text


def _summary(command, data):
    """(title, number of articles or the article's text) from each command's JSON."""
    if command == "parse":
        return data["title"], data["articles"]
    if command == "toc":
        return data["title"], sum(1 for r in data["toc"] if r["kind"] == "article")
    if command == "show":
        return None, data["paragraphs"][0]["text"]
    return data["regulation"]["title"], len(data["articles"])


@pytest.mark.parametrize("command,v1,beta", [
    ("parse", ("甲条例", 1), ("乙条例", 1)),
    ("toc", ("甲条例", 1), ("乙条例", 1)),
    ("show", (None, "旧的第一条。"), (None, "乙的第一条。")),
    ("export", ("甲条例", 1), ("乙条例", 1)),
])
def test_every_command_takes_root_and_specs(command, v1, beta, project, tmp_path, capsys):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    args = [command] + (["1"] if command == "show" else []) + ["--format", "json"]
    rc, out, err = kb(args, outside, capsys)
    assert rc == 2 and "mkdocs.yml" in err
    data = json.loads(ok(["--root", project, *args, "alpha@v1"], outside, capsys))
    assert _summary(command, data) == v1
    data = json.loads(ok(["--root", project, *args, "--regulation", "beta", "--version", "only"], outside, capsys))
    assert _summary(command, data) == beta
    data = json.loads(ok(["--root", project, *args], outside, capsys))        # default: alpha, latest v2
    assert _summary(command, data) != v1


def test_root_must_be_a_project(tmp_path, capsys):
    rc, out, err = kb(["--root", tmp_path, "toc"], tmp_path, capsys)
    assert rc == 2 and "mkdocs.yml" in err


def test_a_file_inside_regulation_gets_its_metadata(project, capsys):
    data = json.loads(ok(["parse", "regulation/alpha/v1.txt", "--format", "json"], project, capsys))
    assert data["status"] == "草案"


def test_help_is_chinese(root, capsys):
    out = ok(["--help"], root, capsys)
    assert "命令" in out and "解析一个文本" in out
    out = ok(["show", "--help"], root, capsys)
    assert "第十五条第二款" in out and "--regulation" in out and "--version" in out


def test_written_files_get_the_ordinary_mode(tmp_path):
    import os

    from kb.outputs.formats import write_bytes

    umask = os.umask(0o022)
    try:
        out = tmp_path / "x.bin"
        write_bytes(b"abc", str(out))
        assert out.read_bytes() == b"abc"
        assert out.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)


def test_parse_names_the_part_of_each_chapter(tmp_path, capsys):
    # chapters are numbered again in each part (编): two chapters titled 管辖 differ by their part
    text = ("示例法\n第一编　总则\n第一章　任务\n第一条　为了示例，制定本法。\n第二章　管辖\n第二条　甲。\n"
            "第二编　涉外程序\n第一章　一般原则\n第三条　乙。\n第二章　管辖\n第四条　丙。\n")
    f = tmp_path / "示例法.txt"
    f.write_text(text, encoding="utf-8")
    rc, out, err = run_kb(["parse", str(f)], tmp_path, capsys)
    assert rc == 0, err
    rows = [l.split() for l in out.splitlines() if "管辖" in l]
    assert [r[:3] for r in rows] == [["第一编", "总则", "第二章"], ["第二编", "涉外程序", "第二章"]]
    assert any(l.startswith("编 ") for l in out.splitlines())           # the column of parts
    rc, out, _ = run_kb(["parse", str(f), "--format", "json"], tmp_path, capsys)
    assert [(c["part"], c["label"], c["title"]) for c in json.loads(out)["chapter_list"]] == [
        ("第一编　总则", "第一章", "任务"), ("第一编　总则", "第二章", "管辖"),
        ("第二编　涉外程序", "第一章", "一般原则"), ("第二编　涉外程序", "第二章", "管辖")]
    # a text without parts keeps the plain chapter table
    rc, out, _ = run_kb(["parse", "suining-community@draft"], ROOT, capsys)
    assert not any(l.startswith("编 ") for l in out.splitlines()) and "第三章  社区治理" in out


def _table_cells(text: str) -> list[list[str]]:
    """The rows of a table kb printed, each cell read down its column over the continuation lines (a line whose
    second column is empty goes on the row above), without ASCII spaces (the padding; a fold may fall on one)."""
    from kb.outputs.formats import width
    lines = text.strip("\n").splitlines()
    spans, at = [], 0
    for dashes in lines[1].split("  "):
        spans.append((at, at + width(dashes)))
        at += width(dashes) + 2

    def cut(line, a, b):              # the characters of line between display columns a and b
        out, col = [], 0
        for c in line:
            if a <= col < b:
                out.append(c)
            col += width(c)
        return "".join(out).replace(" ", "")     # an ideographic space is text (第一编　总则)
    rows: list[list[str]] = []
    for line in lines[2:]:
        cells = [cut(line, a, b) for a, b in spans]
        if rows and not cells[1]:
            rows[-1] = [x + y for x, y in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    return rows


def test_a_narrow_parse_table_folds_parts_titles_and_article_ranges_rather_than_cut_them(tmp_path, capsys,
                                                                                         monkeypatch):
    # 民事诉讼法's table printed 第四编　涉外民事诉讼程序的… and 第二百七十六条至第二百八十…: the part and how many
    # articles a chapter holds were lost at 100 columns (newcomer review 12)
    arts = "".join(f"第{n}条　甲。\n" for n in "一二三四五六七八九十")
    text = f"示例法\n第一编　涉外民事诉讼程序的特别规定\n第一章　任务、适用范围和基本原则\n{arts}第二章　管辖\n第十一条　乙。\n"
    f = tmp_path / "示例法.txt"
    f.write_text(text, encoding="utf-8")
    from kb.outputs.formats import width
    for columns in (40, 60, 100):
        monkeypatch.setenv("COLUMNS", str(columns))
        rc, out, err = run_kb(["parse", str(f)], tmp_path, capsys)
        assert rc == 0, err
        chapters = out[re.search("\n编 +章 ", out).start():]     # the chapter table (the summary above has a row 编)
        assert "…" not in chapters and all(width(l) <= columns for l in chapters.splitlines()), chapters
        assert _table_cells(chapters) == [
            ["第一编　涉外民事诉讼程序的特别规定", "第一章", "任务、适用范围和基本原则", "第一条至第十条（10条）", "3"],
            ["第一编　涉外民事诉讼程序的特别规定", "第二章", "管辖", "第十一条", "14"]], chapters


FIXTURE = SHARED / "fixtures" / "suining-revised-draft.txt"


def test_every_output_file_is_announced_and_stdout_is_not(root, tmp_path, capsys):
    # kb diff --format json|md|html -o and kb export -o wrote their file in silence while docx, akn, check and matrix
    # said 已写入: a newcomer could not tell whether anything was written.  -o - is stdout: nothing to announce.
    need_shared(FIXTURE)
    seed = "suining-community@draft"
    for argv, name in ((["diff", seed, seed, "--format", "json"], "d.json"), (["diff", seed, seed, "--format", "md"], "d.md"),
                       (["diff", seed, str(FIXTURE), "--as", "decision"], "d.txt"),
                       (["export"], "e.json"),
                       (["export", "--format", "akn"], "e.xml")):
        out_file = tmp_path / name
        rc, out, err = run_kb([*argv, "-o", str(out_file)], root, capsys)
        assert rc in (0, 1) and f"已写入 {out_file}" in err and out_file.stat().st_size > 0, (argv, err)
        assert not out
    rc, out, err = run_kb(["diff", seed, seed, "--format", "json", "-o", "-"], root, capsys)
    assert rc == 0 and json.loads(out) and "已写入" not in err


def test_a_decision_between_identical_texts_is_refused_in_plain_words(root, capsys):
    # it used to draft an empty decision, read it back and refuse it as "<决定>: 不是修正案或修改决定"
    rc, out, err = run_kb(["diff", "suining-community@draft", "suining-community@draft", "--as", "decision"], root, capsys)
    assert rc == 2 and "条文相同，没有可起草的修改" in err and "<决定>" not in err and not out


@pytest.mark.parametrize("args", [
    ["show", "15"], ["toc", "--format", "json"], ["export", "--format", "akn"], ["obligations", "--format", "json"],
    ["check", "--format", "json"], ["search", "经费", "--format", "json"], ["related", "15", "--format", "json"],
])
def test_dash_r_takes_regulation_at_version_wherever_it_is_accepted(args, root, capsys):
    # the README's 法规@版本 shorthand after -r too: kb export -r suining-community@draft was
    # 没有法规“suining-community@draft” (review newcomer 2, item 11)
    rc, spelt, err = kb([*args, "-r", "suining-community@draft"], root, capsys)
    assert rc in (0, 1) and "没有法规" not in err, err
    assert (rc, spelt) == kb([*args, "-r", "suining-community", "-v", "draft"], root, capsys)[:2]
    rc, out, err = kb([*args, "-r", "suining-community@draft", "-v", "revised"], root, capsys)
    assert rc == 2 and "-r suining-community@draft 与 -v revised 指定了不同的版本" in err


def test_kb_add_takes_regulation_at_version(tmp_path, capsys):
    import shutil

    from conftest import copy_seed
    proj = tmp_path / "proj"
    copy_seed(proj / "regulation" / "suining-community")
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    draft = need_shared(SHARED / "fixtures" / "suining-revised-draft.txt")
    out = ok(["add", draft, "-r", "suining-community@revised", "--no-index"], proj, capsys)
    assert "已添加 suining-community@revised" in out
    assert "第十五条" in ok(["show", "15", "-r", "suining-community@revised"], proj, capsys)
