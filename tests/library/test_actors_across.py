"""An actor's duties across every regulation of the knowledge base."""
from __future__ import annotations

import json

from conftest import ROOT, run_kb


def test_obligations_of_an_actor_in_every_regulation(capsys):
    rc, out, err = run_kb(["obligations", "--actor", "居委会", "--regulation", "all", "--format", "json"], ROOT, capsys)
    assert rc == 0, err
    rows = json.loads(out)
    regs = [r["regulation"] for r in rows]
    assert {"suining-community", "城市居民委员会组织法", "北京市实施中华人民共和国城市居民委员会组织法办法"} <= set(regs)
    assert all(r["actor"] == "居民委员会" for r in rows)
    levels = [r["level"] for r in rows]
    assert levels == sorted(levels, key=["法律", "地方性法规"].index)      # grouped by level, higher first
    rc, out, err = run_kb(["obligations", "--actor", "居民委员会", "--regulation", "all"], ROOT, capsys)
    assert rc == 0 and out.index("【法律】") < out.index("【地方性法规】")
    rc, out, err = run_kb(["obligations", "--regulation", "all", "--format", "json"], ROOT, capsys)
    assert rc == 0 and len({r["actor"] for r in json.loads(out)}) > 1     # review-newcomer5 item 12: every actor
    # a real actor with no such duty anywhere: exit 1; a misspelt one is an error naming the closest (exit 2),
    # as in one regulation
    rc, _, err = run_kb(["obligations", "--actor", "居民会议", "-m", "encouragement", "--regulation", "all"], ROOT, capsys)
    assert rc == 1 and "知识库中没有“居民会议”" in err
    rc, _, err = run_kb(["obligations", "--actor", "居名委员会", "--regulation", "all"], ROOT, capsys)
    assert rc == 2 and "未知的主体“居名委员会”；最接近的是：居民委员会、" in err, err
    rc, _, err = run_kb(["obligations", "--actor", "没有这个主体", "--regulation", "all"], ROOT, capsys)
    assert rc == 2 and "未知的主体" in err


def test_the_table_across_regulations_never_cuts_an_actor(capsys, monkeypatch):
    # issue 12: "never cut an actor's name", at any width, as the single-regulation table
    for cols in ("50", "60", "100"):
        monkeypatch.setenv("COLUMNS", cols)
        rc, out, err = run_kb(["obligations", "--actor", "人力资源和社会保障部门", "--regulation", "all"], ROOT, capsys)
        assert rc == 0, err
        rows = [line for line in out.splitlines() if line.startswith("第")]
        assert rows and all("人力资源和社会保障部门" in line for line in rows), (cols, out)
