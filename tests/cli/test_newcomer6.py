"""What newcomer review 6 (issue 12) found in the terminal output of kb's commands, on the default knowledge base."""
from __future__ import annotations

from conftest import ROOT, run_kb


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
