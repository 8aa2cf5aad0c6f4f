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
    rc, _, err = run_kb(["obligations", "--regulation", "all"], ROOT, capsys)
    assert rc == 2 and "--actor" in err
    rc, _, err = run_kb(["obligations", "--actor", "没有这个主体", "--regulation", "all"], ROOT, capsys)
    assert rc == 1
