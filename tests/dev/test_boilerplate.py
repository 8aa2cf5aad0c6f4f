"""kb.dev.boilerplate: the clause counts alignment reads (src/kb/compare/data/clauses.tsv) are the corpus's."""
from __future__ import annotations

from conftest import CORPUS, need_shared

from kb.dev import boilerplate


def test_the_clause_table_is_what_the_corpus_gives():
    # regenerate with python3 -m kb.dev.boilerplate (after the corpus or HELD_OUT_LAWS changes)
    need_shared(CORPUS)
    assert boilerplate.main(["--check"]) == 0


def test_regulations_count_once_and_held_out_laws_not_at_all(tmp_path, monkeypatch):
    from kb.dev import align_signals
    text = "{}\n\n第一条　违反本法规定，构成犯罪的，依法追究刑事责任。\n第二条　{}应当登记。\n"
    for name, title in (("甲法(2001-01-01)", "甲法"), ("甲法(2010-01-01)", "甲法"), ("乙法(2001-01-01)", "乙法"),
                        ("对外贸易法(2016-11-07)", "对外贸易法")):
        (tmp_path / f"{name}.md").write_text(text.format(title, title), encoding="utf-8")
    # no law held out (as HELD_OUT_LAWS is between rounds): three regulations, 甲法's two versions counting once
    monkeypatch.setattr(align_signals, "HELD_OUT_LAWS", ())
    counts = boilerplate.count(tmp_path)
    assert counts["构成犯罪的"] == 3 and counts["违反本法规定"] == 3
    assert counts["甲法应当登记"] == 1 and counts["对外贸易法应当登记"] == 1
    # a law held out (as 对外贸易法 was in round 8): nothing is learnt from it
    monkeypatch.setattr(align_signals, "HELD_OUT_LAWS", ("对外贸易法",))
    counts = boilerplate.count(tmp_path)
    assert counts["构成犯罪的"] == 2 and counts["违反本法规定"] == 2
    assert counts["甲法应当登记"] == 1 and "对外贸易法应当登记" not in counts
