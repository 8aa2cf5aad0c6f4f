"""“共 N 条，合 M 项规定”: one count (kb.outputs.duties.how_many) for ``kb obligations`` in one regulation and across the
knowledge base, whose lists' items are counted with their lead-ins text by text."""
from __future__ import annotations

from conftest import ROOT, run_kb


def test_one_count_of_rows_and_provisions_in_one_regulation_and_across(capsys):
    from kb.library.actors import duties_across
    from kb.outputs.duties import counted, how_many

    groups = duties_across(ROOT, "居民委员会")
    assert len(groups) >= 3
    stmts = {reg.id: s for reg, _, _, s in groups}
    seed = stmts["suining-community"]
    assert len(counted(seed)) < len(seed)                   # the seed lists items a lead-in carries
    assert how_many(seed) == f"{len(seed)} 条，合 {len(counted(seed))} 项规定"
    plain = next(s for s in stmts.values() if len(counted(s)) == len(s))
    assert how_many(plain) == f"{len(plain)} 条"
    # across the knowledge base each text's lists are counted in that text
    every = [s for _, _, _, s in groups]
    assert how_many(*every) == (f"{sum(map(len, every))} 条，合 {sum(len(counted(s)) for s in every)} 项规定")
    rc, out, err = run_kb(["obligations", "--actor", "居民委员会"], ROOT, capsys)
    assert rc == 0 and f"共 {how_many(seed)}：" in out
    rc, out, err = run_kb(["obligations", "--actor", "居民委员会", "--regulation", "all"], ROOT, capsys)
    assert rc == 0 and err.splitlines()[-1].startswith(how_many(*every) + "，")
    assert f"遂宁市社区发展治理促进条例（四川省遂宁市，{how_many(seed)}）" in out
