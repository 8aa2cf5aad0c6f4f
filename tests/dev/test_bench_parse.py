"""kb bench: the lazy group and the parse benchmark's plumbing (on a tiny corpus; the real
benchmark over the shared corpus is run by hand: ``kb bench parse``)."""
from __future__ import annotations

import os

from kb.dev import bench
from kb.cli import main


def _numerals(n):
    from kb.text.numerals import to_chinese
    return [to_chinese(i) for i in range(1, n + 1)]


def test_bench_parse_runs_on_a_small_corpus(tmp_path):
    from kb.dev.bench_parse import run

    # Big enough (about 60 KB) that the rates, rounded to 0.1 MB/s, stay above zero on a loaded machine.
    body = "".join(f"第{n}条 甲乙丙丁戊己庚辛壬癸。\n\n" for n in _numerals(1500))
    (tmp_path / "a.md").write_text("# 甲法\n\n<!-- INFO END -->\n\n" + body, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# 乙决定\n\n一、不分条。\n", encoding="utf-8")
    lines = []
    res = run(tmp_path, repeat=1, echo=lines.append)
    assert (res["files"], res["parsed"], res["refused"], res["articles"], res["scan_articles"]) == (2, 1, 1, 1500, 1500)
    assert res["parse_mb_s"] > 0 and res["scan_mb_s"] > 0 and res["ratio"] > 0
    text = "\n".join(lines)
    assert "解析器" in text and "正则扫描" in text and "比值" in text


def test_missing_benchmark_module_gives_a_clear_message(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(bench.BENCHES, "nosuch", "kb.bench_nosuch_xyz:run")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        rc = main(["bench", "nosuch"])
    finally:
        os.chdir(old)
    err = capsys.readouterr().err
    assert rc == 2 and "基准测试“nosuch”尚未实现" in err and "kb.bench_nosuch_xyz" in err


def test_bench_group_lists_its_subcommands(capsys):
    rc = main(["bench", "--help"])
    out = capsys.readouterr().out
    assert rc == 0
    for name in ("parse", "search", "diff", "site"):
        assert name in out
