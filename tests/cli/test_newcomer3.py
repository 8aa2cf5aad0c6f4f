"""Newcomer review 3 (notes/review-newcomer3.md), items 1, 2, 6, 12 and 15: what kb says, and with
which exit code, when the metadata is mistyped, a text is misnumbered, a date is no date, a file
does not decode, and the reader of its output goes away."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, copy_seed, run_kb

SRC = REPO / "src"


def seed_project(tmp: Path) -> Path:
    """A project holding the seed as shipped (its draft) and a plain mkdocs.yml."""
    copy_seed(tmp / "regulation" / "suining-community")
    (tmp / "mkdocs.yml").write_text("site_name: 种子\nplugins:\n  - kb:\n      default_regulation: suining-community\n",
                                    encoding="utf-8")
    return tmp


def kb_process(args, cwd, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(SRC), KB_LAYER_CACHE="off")
    return subprocess.Popen([sys.executable, "-m", "kb.cli", *args], cwd=cwd, env=env, **kw)


# ------------------------------------------------------------------ 15: a closed pipe, missing reference data

@pytest.mark.parametrize("args", [["search", "社区", "--limit", "3"], ["show", "5"], ["export", "--format", "json"]])
def test_a_reader_that_goes_away_ends_kb_quietly_with_exit_code_0(args, tmp_path):
    # kb search 社区 --limit 3 | head -2 under `set -o pipefail`: the reader is gone before kb writes;
    # click's own handling of the broken pipe made it exit 1, the code for "nothing found"
    project = seed_project(tmp_path)
    p = kb_process(args, project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()            # the reading end closed: every write (or flush) meets EPIPE
    err = p.stderr.read().decode("utf-8")
    assert p.wait(timeout=120) == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


def test_score_amend_without_the_shared_folder_is_missing_input(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KB_SHARED", str(tmp_path / "no-shared"))
    rc, out, err = run_kb(["score-amend"], REPO, capsys)
    assert rc == 2, out + err
    assert "参考资料不存在" in err and "KB_SHARED" in err


def test_score_links_with_a_corpus_that_is_not_there_is_missing_input(tmp_path):
    from kb.cli import cli

    r = CliRunner().invoke(cli, ["score-links", "--corpus", str(tmp_path / "no-corpus")])
    assert r.exit_code == 2, r.output
    assert "语料目录不存在" in r.output


def test_score_obligations_without_the_shared_folder_scores_the_seed_and_says_the_rest_is_missing(tmp_path):
    from kb.cli import cli

    r = CliRunner(env={"KB_SHARED": str(tmp_path / "no-shared")}).invoke(cli, ["score-obligations"])
    assert r.exit_code == 2, r.output
    assert "参考资料不存在" in r.output and "POOLED" in r.output
