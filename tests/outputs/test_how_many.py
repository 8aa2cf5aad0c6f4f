"""“共 N 条，合 M 项规定”: one count (kb.outputs.duties.how_many) for ``kb obligations`` in one regulation and across the
knowledge base, whose lists' items are counted with their lead-ins text by text."""
from __future__ import annotations

from conftest import ROOT, run_kb


def test_one_count_of_rows_and_provisions_in_one_regulation_and_across(capsys):
    from kb.library.actors import duties_across
    from kb.outputs.duties import how_many

    groups = duties_across(ROOT, "居民委员会")
    assert len(groups) >= 3
    stmts = {reg.id: s for reg, _, _, s in groups}
    seed = stmts["suining-community"]
    # literal figures, not how_many's own formula (code review 6, item 12): the seed's 20 rows, of which 8 are items
    # a lead-in carries, are 12 provisions
    assert how_many(seed) == "20 条，合 12 项规定"
    assert how_many(stmts["社区矫正法"]) == "5 条"          # no list: rows and provisions are one count
    # across the knowledge base each text's lists are counted in that text: 106 rows, 80 provisions (108 / 82 until the
    # twenty-fourth round of obligation rules: 由……组成 is no agent — 北京市物业管理条例 54 and 清远市住宅小区物业管理条例 27
    # (物业管理委员会由居民委员会代表……组成) gave 居民委员会 the garbage duty "代表……组成")
    every = [s for _, _, _, s in groups]
    assert how_many(*every) == "106 条，合 80 项规定"
    rc, out, err = run_kb(["obligations", "--actor", "居民委员会"], ROOT, capsys)
    assert rc == 0 and "共 20 条，合 12 项规定：" in out
    rc, out, err = run_kb(["obligations", "--actor", "居民委员会", "--regulation", "all"], ROOT, capsys)
    assert rc == 0 and err.splitlines()[-1].startswith("106 条，合 80 项规定，")
    assert "遂宁市社区发展治理促进条例（四川省遂宁市，20 条，合 12 项规定）" in out
