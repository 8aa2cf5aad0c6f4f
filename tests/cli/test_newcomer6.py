"""What newcomer review 6 (issue 12) found in the terminal output of kb's commands, on the default knowledge base."""
from __future__ import annotations

from conftest import ROOT, need_shared, run_kb


def test_kb_actors_keeps_a_category_on_one_line(capsys):
    # item 4: in a 100-column table (a pipe, or a terminal that wide) the 类别 column was squeezed so that 政府及派出机关
    # read 政府及派出机 / 关 over two lines, while the aliases beside it had room to wrap
    rc, out, err = run_kb(["actors"], ROOT, capsys)
    assert rc == 0, err
    lines = out.splitlines()
    from kb.outputs.formats import width

    assert any(line.startswith("市人民政府 ") and "政府及派出机关" in line for line in lines), out
    assert not any("政府及派出机 " in line or line.rstrip().endswith("政府及派出机") for line in lines), out
    assert max(width(line) for line in lines) <= 100      # and the table still fits the 100 columns


def test_diff_obligations_does_not_count_statements_without_an_actor_as_an_actor(capsys):
    # item 5: kb diff 草案 修改稿 --obligations opened with 义务变化涉及 12 个主体 — one of them （无主体）, the statements
    # that are no one's duty (kb obligations leaves them out of the matrix and says so) — and listed that group third,
    # among the actors.  The seed's draft and the fixture's second draft: 11 actors; the deleted 第二十五条 鼓励发展社区物业……
    # (no actor) is told apart, and its group comes last.
    fixture = need_shared() / "fixtures" / "suining-revised-draft.txt"
    rc, out, err = run_kb(["diff", str(ROOT / "regulation/suining-community/draft.txt"), str(fixture), "--obligations"],
                          ROOT, capsys)
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0] == ("义务变化涉及 11 个主体：新增 5，删除 0，改变 10；另有没有主体的陈述（不属于任何主体的义务）"
                        "新增 0，删除 1，改变 0。"), lines[0]
    sections = [line.split("：")[0] for line in lines if "：新增 " in line and not line.startswith(("义务", " "))]
    assert sections[-1] == "（无主体）" and "（无主体）" not in sections[:-1] and len(sections) == 12
