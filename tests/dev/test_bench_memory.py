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


def test_exports_take_no_more_memory_than_the_parse(tmp_path):
    """kb export writes its JSON and its Akoma Ntoso as they are made (a member's dicts, a
    provision's XML elements at a time): on 65,536 one-character lines (each a node) either peaks
    within 5% of kb parse's own peak, where an lxml tree of the body once took as much again."""
    f = tmp_path / "short.txt"
    f.write_text(bench_memory._short(0.25), encoding="utf-8")
    parse, rc, err = bench_memory._peak(bench_memory._KB, ["parse", str(f)])
    assert rc == 0, err
    for args in (["export"], ["export", "--format", "akn"]):
        peak, rc, err = bench_memory._peak(bench_memory._KB, [*args, str(f), "-o", str(tmp_path / "out")])
        assert rc == 0, err
        assert peak <= parse * 1.05 + 5, f"kb {' '.join(args)}: {peak:.0f} MB, kb parse {parse:.0f} MB"
