"""Newcomer review 4 (notes/review-newcomer4.md), items 10 and 14: a provision the text lacks is one
error in every command that reads one (exit code 2, one message with the file, and the article's line
when only its paragraph or item is missing); error hints name what is near, and an empty answer says
why."""
from __future__ import annotations

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
