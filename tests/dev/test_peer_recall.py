"""python3 -m kb.dev.peer_recall: where the catalog's retrieval puts the acceptable 同类立法 (issue 14, the
twenty-seventh round of tuning, engineer 14b)."""
from __future__ import annotations

import io

from conftest import ROOT


def test_recall_counts_each_row_within_each_cut():
    from kb.dev.peer_recall import CUTS, recall

    rows = [{"retrieved": 1}, {"retrieved": 4}, {"retrieved": 16}, {"retrieved": None}]
    r = recall(rows, "retrieved")
    assert (r[1], r[3], r[5], r[15], r[30], r["all"]) == (0.25, 0.25, 0.5, 0.5, 0.75, 0.75)
    assert set(r) == set(CUTS) | {"all"}
    assert recall([], "retrieved")[1] == 0.0      # no row: no division by zero


def test_every_peer_kb_ranks_was_retrieved_within_the_candidates():
    """On the knowledge base's own tuning files (the outside texts' copies left out: they take a minute): one row per
    article whose 同类立法 annotation names provisions, as kb score-related counts them; an acceptable peer kb's ranking
    holds lies within the CANDIDATES best retrieved, so the retrieval's recall at 15 bounds the ranking's — the gap is
    the peers whose regulation fails the shared-subject gate (SHARED_SUBJECT)."""
    from kb.dev.peer_recall import peer_ranks, recall, report
    from kb.dev.related_cv import tuning_files
    from kb.dev.score_related import score
    from kb.library.related import CANDIDATES

    rows = peer_ranks(ROOT, outside=False)
    assert len(rows) == score(ROOT, tuning_files(ROOT, "related-*.yml"))["tuning"]["peer"]["n_some"]
    assert all(r["retrieved"] and r["retrieved"] <= CANDIDATES for r in rows if r["ranked"])
    assert all(r["reached"] >= (r["retrieved"] or 0) for r in rows)
    assert recall(rows, "retrieved")[CANDIDATES] > recall(rows, "ranked")[CANDIDATES]
    out = io.StringIO()
    report(rows, show=1, out=out)
    assert "检索（截断前）" in out.getvalue() and "主题门槛" in out.getvalue()
