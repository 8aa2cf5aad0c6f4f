"""Newcomer review 4 (notes/review-newcomer4.md), items 10 and 14: a provision the text lacks is one
error in every command that reads one (exit code 2, one message with the file, and the article's line
when only its paragraph or item is missing); error hints name what is near, and an empty answer says
why."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import ROOT, run_kb

SEED = ROOT / "regulation"

#: the commands reading one provision, with the provision put where each takes it
COMMANDS = {"show": lambda ref: ["show", ref], "related": lambda ref: ["related", ref],
            "refs": lambda ref: ["refs", ref], "obligations": lambda ref: ["obligations", "--article", ref]}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("ref, said", [
    ("99", "/suining-community/draft.txt: 没有找到“99”：本文共 45 条（第一条至第四十五条）"),
    ("第九十九条", "/suining-community/draft.txt: 没有找到“第九十九条”：本文共 45 条（第一条至第四十五条）"),
    # 第十五条 is there, its 第九款 is not: the article's line, and that reason (kb refs said 本文共 45 条)
    ("15.9", "/suining-community/draft.txt:102: 没有找到“15.9”：第十五条没有这一款或项"),
])
def test_a_provision_the_text_lacks_is_one_error_in_every_command(command, ref, said, capsys):
    rc, out, err = run_kb(COMMANDS[command](ref), ROOT, capsys)
    assert rc == 2, (command, err)
    assert [line for line in err.splitlines() if line.startswith("错误：")] == [f"错误：{SEED}{said}"], (command, err)
    assert out == ""


# ------------------------------------------------------------------ 14: empty answers that say why

def test_no_dangling_reference_is_said_as_good_news(capsys):
    # the seed's references all resolve: was an empty table header and nothing else
    rc, out, err = run_kb(["refs", "--unresolved"], ROOT, capsys)
    assert rc == 1 and out == "" and err.splitlines() == ["没有悬空引用：本文的引用都能解析"]
    rc, out, err = run_kb(["refs", "--unresolved", "--kind", "external"], ROOT, capsys)
    assert rc == 1 and err.splitlines() == ["没有悬空引用：本文的外部引用都能解析"]
    rc, out, err = run_kb(["refs", "--unresolved", "--format", "json"], ROOT, capsys)
    assert rc == 1 and json.loads(out) == []


@pytest.mark.parametrize("fmt, parsed", [("json", lambda out: json.loads(out) == []),
                                         ("csv", lambda out: list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
                                          == [["术语", "出处", "标识", "行", "范围", "使用次数", "使用条款数",
                                               "定义"]])])
def test_a_term_not_defined_is_an_empty_answer_a_program_can_read(fmt, parsed, capsys):
    # kb define 不存在 --format json wrote nothing at all (kb search writes count 0, kb obligations [])
    rc, out, err = run_kb(["define", "不存在", "--format", fmt], ROOT, capsys)
    assert rc == 1 and parsed(out), out
    assert err.startswith("没有找到术语“不存在”的定义。本文定义的术语：社区发展治理、")
