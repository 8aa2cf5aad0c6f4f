"""kb bench memory: the plumbing, on small inputs (the real run, 1/2/4 MB, is by hand:
``kb bench memory``)."""
from __future__ import annotations

from kb.dev import bench_memory


def test_each_shape_is_a_text_of_about_the_size_asked(tmp_path):
    for make in (bench_memory._short, bench_memory._articles):
        assert 0.09 * 2**20 < len(make(0.1).encode("utf-8")) < 0.12 * 2**20
    bench_memory._docx(tmp_path / "a.docx", 0.05)
    from kb.text.sources import read_source
    assert read_source(str(tmp_path / "a.docx")).text.startswith("第1条")


def test_run_measures_each_command_beside_the_baseline():
    lines = []
    res = bench_memory.run("0.05", shapes=("articles",), echo=lines.append)
    runs = res["runs"]
    assert [r["command"] for r in runs] == list(bench_memory.COMMANDS)
    for r in runs:
        assert r["rc"] == 0 and 10 < r["baseline_mb"] <= r["peak_mb"] < r["limit_mb"]
    assert res["ok"] and "峰值" in "\n".join(lines)
