"""Newcomer review 3 (notes/review-newcomer3.md), items 1, 2, 6, 12 and 15: what kb says, and with
which exit code, when the metadata is mistyped, a text is misnumbered, a date is no date, a file
does not decode, and the reader of its output goes away."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, copy_seed, need_shared, run_kb

SRC = REPO / "src"


def seed_project(tmp: Path) -> Path:
    """A project holding the seed as shipped (its draft) and a plain mkdocs.yml."""
    copy_seed(tmp / "regulation" / "suining-community")
    (tmp / "mkdocs.yml").write_text("site_name: 种子\nplugins:\n  - kb:\n      default_regulation: suining-community\n",
                                    encoding="utf-8")
    return tmp


def kb_process(args, cwd, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(SRC), KB_LAYER_CACHE="off")
    return subprocess.Popen([sys.executable, "-m", "kb.cli", *args], cwd=cwd, env=env, **kw)


# ------------------------------------------------------------------ 15: a closed pipe, missing reference data

@pytest.mark.parametrize("args", [["search", "社区", "--limit", "3"], ["show", "5"], ["export", "--format", "json"]])
def test_a_reader_that_goes_away_ends_kb_quietly_with_exit_code_0(args, tmp_path):
    # kb search 社区 --limit 3 | head -2 under `set -o pipefail`: the reader is gone before kb writes;
    # click's own handling of the broken pipe made it exit 1, the code for "nothing found"
    project = seed_project(tmp_path)
    p = kb_process(args, project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()            # the reading end closed: every write (or flush) meets EPIPE
    err = p.stderr.read().decode("utf-8")
    assert p.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


def test_a_reader_that_goes_away_leaves_kb_check_its_exit_code_1(tmp_path):
    # set -o pipefail; kb check | head && echo clean: the seed has findings, so kb check exits 1 whether
    # or not its reader stays to the end (review-final3 item 1: it was 0)
    project = seed_project(tmp_path)
    whole = kb_process(["check"], project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, _ = whole.communicate(timeout=120)
    assert whole.returncode == 1 and out          # the seed has findings
    p = kb_process(["check"], project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()
    err = p.stderr.read().decode("utf-8")
    assert p.wait(timeout=120) == 1, err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


def test_score_amend_without_the_shared_folder_is_missing_input(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KB_SHARED", str(tmp_path / "no-shared"))
    rc, out, err = run_kb(["score-amend"], REPO, capsys)
    assert rc == 2, out + err
    assert "参考资料不存在" in err and "KB_SHARED" in err


def test_score_links_with_a_corpus_that_is_not_there_is_missing_input(tmp_path):
    from kb.cli import cli

    r = CliRunner().invoke(cli, ["score-links", "--corpus", str(tmp_path / "no-corpus")])
    assert r.exit_code == 2, r.output
    assert "语料目录不存在" in r.output


def test_score_obligations_without_the_shared_folder_scores_the_seed_and_says_the_rest_is_missing(tmp_path):
    from kb.cli import cli

    r = CliRunner(env={"KB_SHARED": str(tmp_path / "no-shared")}).invoke(cli, ["score-obligations"])
    assert r.exit_code == 2, r.output
    assert "参考资料不存在" in r.output and "POOLED" in r.output
    # one line says what is left out, not a line in English for each corpus text's annotation file before the figures
    # (code review 16: ~170 "xxx skipped: corpus file not found under …" lines a newcomer's first run began with)
    assert "skipped" not in r.output
    import re
    left_out = re.search(r"(\d+) 个语料文本的标注未评分", r.output)
    assert left_out and int(left_out.group(1)) > 100, r.output


# ------------------------------------------------------------------ 1: a mistyped meta.yml or mkdocs.yml

SEED_META = "regulation/suining-community/meta.yml"

#: (what is changed in the seed's meta.yml, the key the message names, the line it is on)
MISTYPED = [
    (("    date: null ", "    date: 2025-13-01 "), "versions 第 1 项的 date", 13, "月份应为 1 至 12"),
    (("    date: null ", "    date: '2019-02-30' "), "versions 第 1 项的 date", 13, "2019 年 2 月只有 28 日"),
    (("    date: null ", "    date: 明天 "), "versions 第 1 项的 date", 13, "YYYY-MM-DD"),
    (("title: 遂宁市社区发展治理促进条例", "title: [遂宁市社区发展治理促进条例]"), "title", 2, "应为文本，而不是列表"),
    (("    status: 草案征求意见稿", "    status: [a]"), "versions 第 1 项的 status", 12, "应为文本"),
    (("level: 地方性法规", "level: [a]"), "level", 6, "应为文本"),
    (("validity: 草案", "validity: 草案\nadopted: 2019-02-30"), "adopted", 8, "2019 年 2 月只有 28 日"),
]


@pytest.mark.parametrize("change,key,line,why", MISTYPED, ids=[m[1] + ":" + m[0][1].strip() for m in MISTYPED])
@pytest.mark.parametrize("command", [["parse", SEED_META.replace("meta.yml", "draft.txt")], ["search", "社区"],
                                     ["obligations"], ["index"], ["check"], ["export", "--format", "akn"],
                                     ["show", "5"], ["toc"], ["diff", "suining-community@draft", "suining-community@draft"]])
def test_a_mistyped_meta_yml_is_a_message_with_file_line_and_key(change, key, line, why, command, tmp_path, capsys):
    project = seed_project(tmp_path)
    meta = project / SEED_META
    text = meta.read_text(encoding="utf-8")
    assert change[0] in text
    meta.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    rc, out, err = run_kb(command, project, capsys)
    assert rc == 2, out + err
    assert f"regulation/suining-community/meta.yml:{line}: {key}：" in err and why in err, err


@pytest.mark.parametrize("value,key", [("[a, b]", "default_regulation"), ("3", "catalog_engine")])
def test_a_mistyped_kb_setting_in_mkdocs_yml_is_a_message_with_file_line_and_key(value, key, tmp_path, capsys):
    project = seed_project(tmp_path)
    mk = project / "mkdocs.yml"
    mk.write_text(mk.read_text(encoding="utf-8").replace("      default_regulation: suining-community\n", "")
                  + f"      {key}: {value}\n", encoding="utf-8")
    rc, out, err = run_kb(["show", "5"], project, capsys)
    assert rc == 2, out + err
    assert f"mkdocs.yml:4: plugins 第 1 项的 kb 的 {key}：应为" in err, err


# ------------------------------------------------------------------ 6: dates that are no dates; drafts are not in force

@pytest.mark.parametrize("date,why", [("2025-02-30", "2025 年 2 月只有 28 日"), ("2025-13-01", "月份应为 1 至 12"),
                                      ("2024年2月30日", "2024 年 2 月只有 29 日")])
def test_as_of_a_date_that_does_not_exist_is_refused(date, why, tmp_path, capsys):
    project = seed_project(tmp_path)
    rc, out, err = run_kb(["show", "15", "--as-of", date], project, capsys)
    assert rc == 2 and why in err, out + err


@pytest.mark.parametrize("date", ["明天", "2025-13-45", "2025-02-29"])
def test_kb_add_refuses_a_date_that_is_no_date_and_writes_nothing(date, tmp_path, capsys):
    from conftest import SHARED, need_shared

    revised = need_shared(SHARED / "fixtures" / "suining-revised-draft.txt")
    project = seed_project(tmp_path)
    before = (project / SEED_META).read_bytes()
    rc, out, err = run_kb(["add", str(revised), "-r", "suining-community", "-v", "rev2", "--date", date, "--no-index"],
                          project, capsys)
    assert rc == 2 and "--date" in err and date in err, out + err
    assert (project / SEED_META).read_bytes() == before
    assert not (project / "regulation" / "suining-community" / "rev2.txt").exists()


def test_a_dated_draft_is_not_said_to_be_in_force(tmp_path, capsys):
    # the README's own workflow: the revised draft added with --date; --as-of used to call it 施行
    from conftest import SHARED, need_shared

    revised = need_shared(SHARED / "fixtures" / "suining-revised-draft.txt")
    project = seed_project(tmp_path)
    rc, out, err = run_kb(["add", str(revised), "-r", "suining-community", "-v", "revised", "--date", "2025-01-02",
                           "--no-index"], project, capsys)
    assert rc == 0, err
    rc, out, err = run_kb(["show", "15", "--as-of", "2025-06-01"], project, capsys)
    assert rc == 1 and "施行的是" not in out, out
    assert "没有施行的版本" in err and "草案修改稿（2025-01-02）是草案，草案不施行" in err, err


def test_the_adopted_version_is_in_force_and_a_later_dated_draft_is_not(tmp_path, capsys):
    # an adopted text (the seed's words, registered as 现行有效 of 2020) and a draft of its revision dated 2024
    from conftest import SHARED, need_shared

    revised = need_shared(SHARED / "fixtures" / "suining-revised-draft.txt")
    project = seed_project(tmp_path)
    reg = project / "regulation" / "suining-community"
    meta = (reg / "meta.yml").read_text(encoding="utf-8")
    meta = meta.replace("validity: 草案", "validity: 有效").replace("    label: 草案征求意见稿", "    label: 2020年版")
    meta = meta.replace("    status: 草案征求意见稿", "    status: 现行有效").replace("    date: null ", "    date: 2020-05-01 ")
    (reg / "meta.yml").write_text(meta, encoding="utf-8")
    rc, out, err = run_kb(["add", str(revised), "-r", "suining-community", "-v", "revised", "--date", "2024-01-02",
                           "--no-index"], project, capsys)
    assert rc == 0, err
    rc, out, err = run_kb(["show", "15", "--as-of", "2025-06-01"], project, capsys)
    assert rc == 0, err
    # the 2020 text is the one adopted by then; its clause (本条例自2023年 月 日起施行) gives no date, and kb says so
    # (newcomer review 5, item 2) rather than call 2020-05-01 its 施行 date
    assert "2025-06-01 以前最近通过或修改的是 2020年版（2020-05-01 通过或修改，施行日期未注明）" in out, out
    assert "第四十五条写作“自2023年月日起施行”，其日期未注明" in out and "修改稿" not in out
    rc, out, err = run_kb(["show", "15", "--as-of", "2019-06-01"], project, capsys)
    assert rc == 1 and "有日期的已通过版本：2020年版（2020-05-01）" in err, err


# ------------------------------------------------------------------ 12: where a file does not decode; an empty .docx

def test_an_undecodable_byte_is_given_by_line_and_column_counted_from_1(tmp_path, capsys):
    from conftest import SEED

    lines = SEED.read_bytes().split(b"\n")
    k = next(i for i, l in enumerate(lines) if l.startswith("第三条".encode("utf-8")))
    at = len("第三条".encode("utf-8"))
    lines[k] = lines[k][:at] + b"\xff" + lines[k][at:]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\n".join(lines))
    offset = sum(len(l) + 1 for l in lines[:k]) + at          # 0-based: the old message gave this as 第 N 字节
    rc, out, err = run_kb(["parse", str(bad)], tmp_path, capsys)
    assert rc == 2
    assert f"bad.txt:{k + 1}: 无法解码的字节" in err
    assert f"位于第 {k + 1} 行第 4 列（第 {offset + 1} 个字节：0xFF）" in err, err


def test_a_big5_file_is_not_said_to_fail_at_byte_0(tmp_path, capsys):
    from conftest import SEED

    big5 = tmp_path / "big5.txt"
    big5.write_bytes(SEED.read_text(encoding="utf-8").encode("big5", errors="replace"))
    rc, out, err = run_kb(["parse", str(big5)], tmp_path, capsys)
    assert rc == 2 and "big5.txt:1: " in err
    assert "位于第 1 行第 1 列（第 1 个字节" in err and "第 0" not in err, err


def test_an_empty_docx_is_empty_not_damaged(tmp_path, capsys):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    rc, out, err = run_kb(["parse", str(empty)], tmp_path, capsys)
    assert rc == 2 and "empty.docx: 文件为空" in err and "损坏" not in err, err


def test_a_meta_yml_that_is_not_utf8_is_given_by_line_and_column(tmp_path, capsys):
    project = seed_project(tmp_path)
    meta = project / SEED_META
    meta.write_bytes(meta.read_bytes().replace("issuing_body: 遂宁市".encode("utf-8"),
                                               "issuing_body: 遂宁市".encode("gbk")))
    rc, out, err = run_kb(["show", "5"], project, capsys)
    assert rc == 2 and "meta.yml:5: 不是 UTF-8 文本（第 5 行第 15 列无法解码）" in err, err


@pytest.mark.parametrize("entry, says", [
    ("name: 网格员".encode("gbk"), "actors.yml:2: 不是 UTF-8 文本（第 2 行第 11 列无法解码）"),
    ("name: 网格员\x01".encode(), "actors.yml:2: YAML 格式错误：不允许的字符 U+0001（YAML 文件不能含控制字符）")])
def test_an_actors_yml_that_is_not_utf8_or_holds_a_control_character_is_given_by_line(entry, says, tmp_path, capsys):
    """Code review 17: the project's 参与主体词表 (actors.yml) with a byte that is no UTF-8 was a traceback
    (UnicodeDecodeError, exit 1) and a control character the YAML reader's English with a character position
    ("unacceptable character #x0001 … position 21"), where a meta.yml says both with its line; kb's YAML readers now
    share one way of saying it (kb.text.sources.load_yaml / yaml_error)."""
    project = seed_project(tmp_path)
    (project / "actors.yml").write_bytes(b"actors:\n  - " + entry + b"\n")
    rc, out, err = run_kb(["actors"], project, capsys)
    assert rc == 2 and says in err and "Traceback" not in err, err


# ------------------------------------------------------------------ 2: a misnumbered text, whatever command reads it

def misnumbered(tmp: Path) -> tuple[Path, int, int]:
    """The seed with 第五条 numbered 第六条 (two 第六条, no 第五条); the lines of the two 第六条."""
    from conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    assert text.count("\n第五条") == 1
    bad = tmp / "broken.txt"
    bad.write_text(text.replace("\n第五条", "\n第六条"), encoding="utf-8")
    lines = [i for i, l in enumerate(bad.read_text(encoding="utf-8").split("\n"), 1) if l.startswith("第六条")]
    assert len(lines) == 2
    return bad, lines[0], lines[1]


@pytest.mark.parametrize("command", [["show", "6"], ["toc"], ["obligations"], ["define"], ["refs", "6"], ["matrix"],
                                     ["actors"], ["diff", "@", "suining-community@draft"],
                                     ["diff", "@", "@"], ["show", "5"]])
def test_every_command_that_reads_a_misnumbered_text_says_so_as_kb_parse_does(command, tmp_path, capsys):
    project = seed_project(tmp_path)
    bad, first, second = misnumbered(tmp_path)
    args = [a if a != "@" else str(bad) for a in command]
    if "@" not in command:
        args.append(str(bad))
    rc, out, err = run_kb(["parse", str(bad)], project, capsys)
    said = [l for l in err.splitlines() if "broken.txt:" in l]
    assert said == [f"警告：{bad}:{first}: 条号不连续：第四条之后是第六条（缺第五条）", f"警告：{bad}:{second}: 条号重复：第六条"]
    rc, out, err = run_kb(args, project, capsys)
    assert [l for l in err.splitlines() if l.startswith("警告：")] == said, err      # the same lines, once each


def test_show_says_which_of_two_articles_of_one_number_it_shows_and_why_one_is_missing(tmp_path, capsys):
    project = seed_project(tmp_path)
    bad, first, second = misnumbered(tmp_path)
    rc, out, err = run_kb(["show", "6", str(bad)], project, capsys)
    assert rc == 0 and f"本文有 2 条第六条（第 {first}、{second} 行），显示的是第 {first} 行的一条" in err
    rc, out, err = run_kb(["show", "5", str(bad)], project, capsys)
    assert rc == 2 and "本文条号有误，见上面的警告" in err


@pytest.mark.parametrize("fmt", ["table", "md", "html", "docx", "json"])
def test_a_comparison_with_a_misnumbered_text_says_so_in_the_output_itself(fmt, tmp_path, capsys):
    # the Word 对照表 travels without the terminal's stderr: it says itself that its two 第六条 rows are the text's error
    project = seed_project(tmp_path)
    bad, first, second = misnumbered(tmp_path)
    out_file = tmp_path / f"cmp.{fmt}"
    rc, out, err = run_kb(["diff", str(bad), "suining-community@draft", "--format", fmt, "-o", str(out_file)],
                          project, capsys)
    assert rc == 0, err
    if fmt == "json":
        import json

        data = json.loads(out_file.read_text(encoding="utf-8"))
        assert [w["line"] for w in data["old"]["warnings"]] == [first, second] and data["new"]["warnings"] == []
        return
    if fmt == "docx":
        from docx import Document

        text = "\n".join(p.text for p in Document(str(out_file)).paragraphs)
    else:
        text = out_file.read_text(encoding="utf-8")
    assert f"注意：修改前的文本（broken.txt）编号有误：第 {first} 行条号不连续" in text
    assert f"第 {second} 行条号重复：第六条" in text and "同一条号可能出现两次" in text


def test_a_decision_whose_date_does_not_exist_is_not_registered(tmp_path, capsys):
    # kb amend --register takes the version's date from the decision (自2024年7月1日起施行): a 2月30日 there
    # would have been written into meta.yml, and every later command refused the project
    amend = REPO / "tests" / "data" / "amend"
    reg = tmp_path / "regulation" / "test"
    reg.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - kb\n", encoding="utf-8")
    (reg / "meta.yml").write_text("title: 某市测试管理条例\nversions:\n  - name: v1\n    file: v1.txt\n", encoding="utf-8")
    (reg / "v1.txt").write_bytes((amend / "base.txt").read_bytes())
    decision = tmp_path / "decision.txt"
    text = (amend / "decision-forms.txt").read_text(encoding="utf-8")
    assert "自2024年7月1日起施行" in text
    decision.write_text(text.replace("自2024年7月1日起施行", "自2024年2月30日起施行"), encoding="utf-8")
    before = (reg / "meta.yml").read_bytes()
    rc, out, err = run_kb(["amend", "test@v1", str(decision), "--register", "v2"], tmp_path, capsys)
    assert rc == 2 and "2024-02-30" in err and "2024 年 2 月只有 29 日" in err, err
    assert (reg / "meta.yml").read_bytes() == before and not (reg / "v2.txt").exists()
    rc, out, err = run_kb(["show", "1", "test"], tmp_path, capsys)
    assert rc == 0, err


def test_score_obligations_coverage_without_the_corpus_is_missing_input(tmp_path):
    # review-final3 item 3: it printed 没有找到语料 on stdout and exited 1
    from kb.cli import cli

    r = CliRunner(env={"KB_SHARED": str(tmp_path / "no-shared")}).invoke(cli, ["score-obligations", "--coverage"])
    assert r.exit_code == 2, r.output
    assert "参考资料不存在" in r.stderr and "no-shared" in r.stderr and r.stdout == ""


def test_score_obligations_of_a_text_with_no_annotation_is_a_usage_error():
    from kb.cli import cli

    r = CliRunner().invoke(cli, ["score-obligations", "没有这个文本"])
    assert r.exit_code == 2, r.output
    assert "没有这个文本" in r.stderr and "beijing-jiedao" in r.stderr and r.stdout == ""


def test_score_align_of_a_gold_file_that_is_not_there_is_missing_input(tmp_path):
    from kb.cli import cli
    from kb.dev.score_align import CORPUS

    need_shared(CORPUS)         # (without it score-align stops at the missing corpus)
    r = CliRunner().invoke(cli, ["score-align", str(tmp_path / "no-gold.tsv")])
    assert r.exit_code == 2, r.output
    assert "标准答案文件不存在" in r.stderr and "no-gold.tsv" in r.stderr
