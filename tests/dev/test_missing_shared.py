"""A newcomer's clone has no ../shared beside it: the benchmarks and scorers that need the corpus say
where they looked and how to point them at it (KB_SHARED), and exit 2 (missing input), not 1
("nothing found")."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kb.cli import cli
from kb.dev import score_align


@pytest.mark.parametrize("bench", ["diff", "amend", "check", "obligations", "export"])
def test_a_benchmark_without_its_corpus_says_how_to_point_at_it(bench, tmp_path):
    missing = tmp_path / "no-corpus"
    r = CliRunner().invoke(cli, ["bench", bench, str(missing)])
    assert r.exit_code == 2, r.output
    assert str(missing) in r.output and "KB_SHARED" in r.output


def test_the_alignment_scorer_without_the_corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(score_align, "CORPUS", tmp_path / "no-corpus")
    r = CliRunner().invoke(cli, ["score-align"])
    assert r.exit_code == 2
    assert "参考资料不存在" in r.output and "KB_SHARED" in r.output
