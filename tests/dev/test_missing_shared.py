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


def test_the_check_scorer_needs_the_corpus_only_for_corpus_texts(tmp_path, monkeypatch):
    """Newcomer review 4, item 3: on a clone without ../shared, kb score-check --dump-to … --only seed (the seed is
    a text of the project) stopped with click's English "Error: 找不到语料" and exit 1, and the suite failed.  Now
    only a run that reads the corpus (its texts, or planting faults) needs it, and says so with exit 2."""
    from kb.dev.score_check import score_cmd

    monkeypatch.setenv("KB_SHARED", str(tmp_path / "no-shared"))
    r = CliRunner().invoke(score_cmd, ["--dump-to", str(tmp_path / "out"), "--only", "seed"])
    assert r.exit_code == 0 and (tmp_path / "out" / "seed.tsv").is_file(), r.output
    for args in ([], ["--no-plant"], ["--dump-to", str(tmp_path / "all")]):
        r = CliRunner().invoke(cli, ["score-check", *args])
        assert r.exit_code == 2, (args, r.output)
        assert "参考资料不存在" in r.output and "KB_SHARED" in r.output and "Error" not in r.output
    r = CliRunner().invoke(cli, ["score-check", "--corpus", str(tmp_path / "nowhere"), "--no-plant"])
    assert r.exit_code == 2 and "语料目录不存在" in r.output and "nowhere" in r.output


def test_the_amendment_scorer_without_the_version_pairs_listing(tmp_path):
    """kb score-amend reads ../shared/corpus/version-pairs.txt beside the corpus (kb.dev.paths.version_pair_regulations):
    without it the scorer stops with a KbError that says where it looked (kb's exit 2, missing input), not with a
    FileNotFoundError (a traceback, exit 1)."""
    from kb.dev import score_amend
    from kb.errors import KbError

    corpus = tmp_path / "corpus" / "lawrefbook"
    corpus.mkdir(parents=True)
    with pytest.raises(KbError, match="version-pairs.txt.*KB_SHARED"):
        score_amend.run(str(corpus))
