"""kb bench linear: the plumbing (on small sizes; the real run, 10k/20k/40k lines, is by hand:
``kb bench linear``)."""
from __future__ import annotations

from kb.dev import bench_linear
from kb.text.parse import parse_text


def test_every_shape_is_a_text_of_about_n_lines_that_parses():
    for name, (desc, make) in bench_linear.SHAPES.items():
        text = make(200)
        units = max(text.count("\n"), text.count("，"))      # lines, or clauses of a one-line shape
        assert 150 <= units <= 260, name
        assert parse_text(text).articles, name


def test_exponent_reads_linear_and_quadratic_growth():
    assert abs(bench_linear.exponent((1, 2, 4), (1.0, 2.0, 4.0)) - 1) < 1e-9
    assert abs(bench_linear.exponent((1, 2, 4), (1.0, 4.0, 16.0)) - 2) < 1e-9
    assert bench_linear.exponent((1, 2, 4), (0.01, 0.02, 0.05)) is None      # too quick to tell


def test_run_times_every_stage_and_prints_a_table():
    lines = []
    res = bench_linear.run("60,120", shapes=["paragraphs", "laws"], echo=lines.append)
    assert set(res["shapes"]) == {"paragraphs", "laws"}
    for v in res["shapes"].values():
        assert set(v["times"]) == {"baseline", "parse", "links", "obligations", "entries", "exports", "site"}
        assert all(len(t) == 2 and all(x >= 0 for x in t) for t in v["times"].values())
    text = "\n".join(lines)
    assert "阶段" in text and "paragraphs" in text and "site" in text


def test_run_leaves_the_process_layer_cache_setting_as_it_was(tmp_path, monkeypatch):
    """bench_linear.run switches the layer cache off while it times, then gives the process its setting back: it left
    KB_LAYER_CACHE=off in os.environ, and every later test of the session ran with the cache off
    (tests/site/test_compiled_templates.py failed in the 15:00 train of 2026-12-05)."""
    import os

    monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / "cache"))
    bench_linear.run("60,120", shapes=["paragraphs"], echo=lambda line: None)
    assert os.environ["KB_LAYER_CACHE"] == str(tmp_path / "cache")
