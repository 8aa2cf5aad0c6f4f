"""``kb bench``'s help and arguments say what each bench takes (newcomer review 5, item 13): linear and memory take
line counts and sizes, not a corpus folder; diff and amend read given files of their corpus and say which when a
folder lacks them (exit 2, before any work); every bench's help says its default corpus holds the held-out texts."""
from __future__ import annotations

import shutil

import pytest

from conftest import CORPUS, need_shared, run_kb, ROOT


@pytest.mark.parametrize("name, usage, default", [("memory", "[大小MB,…]", "1,2,4"),
                                                   ("linear", "[行数,…]", "10000,20000,40000")])
def test_size_benches_show_sizes_not_a_corpus_folder(name, usage, default, capsys):
    import importlib

    rc, out, err = run_kb(["bench", name, "-h"], ROOT, capsys)
    assert rc == 0 and f"用法：kb bench {name} [选项] {usage}" in out and "[语料目录]" not in out, out
    assert f"（默认 {default}），不是语料目录" in out
    # the default the help gives is the bench's own
    mod = importlib.import_module(f"kb.dev.bench_{name}")
    sizes = getattr(mod, "SIZES_MB", None) or getattr(mod, "SIZES")
    assert ",".join(str(x) for x in sizes) == default
    rc, out, err = run_kb(["bench", name, "/tmp"], ROOT, capsys)
    assert rc == 2 and f"kb bench {name} 的参数是逗号分隔的" in err and "“/tmp”不是" in err, err


@pytest.mark.parametrize("sizes, default", [((3, 5), "3,5"), ((0.5, 1.5), "0.5,1.5"),
                                             ((250_000, 500_000, 1_000_000), "250000,500000,1000000")])
def test_the_memory_bench_help_says_its_module_default_in_a_form_it_accepts(monkeypatch, capsys, sizes, default):
    """The sizes kb bench memory's help gives are its module's SIZES_MB, written as the argument is (no 1e+06, which
    the bench refuses), and no other line of the help names other sizes."""
    from kb.dev import bench, bench_memory

    monkeypatch.setattr(bench_memory, "SIZES_MB", sizes)
    assert bench.argument_default("memory") == default and bench._NUMBERS.fullmatch(default)
    rc, out, err = run_kb(["bench", "memory", "-h"], ROOT, capsys)
    assert rc == 0 and f"（默认 {default}）" in out and "1、2、4" not in out, out
    rc, out, err = run_kb(["bench", "-h"], ROOT, capsys)
    assert rc == 0 and "1、2、4" not in out, out


@pytest.mark.parametrize("name", ["diff", "amend"])
def test_a_bench_that_reads_given_files_says_which_a_folder_lacks(name, tmp_path, capsys):
    need_shared(CORPUS)
    folder = tmp_path / "社会法"
    folder.mkdir()
    shutil.copy(CORPUS / "社会法" / "慈善法(2016-03-16).md", folder)
    rc, out, err = run_kb(["bench", name, str(tmp_path)], ROOT, capsys)
    assert rc == 2, err
    assert f"kb bench {name} 需要与 lawrefbook 布局相同的语料目录" in err and "民法商法/公司法(2018-10-26).md" in err
    assert "文件不存在" not in err and not out
    rc, out, err = run_kb(["bench", name, "-h"], ROOT, capsys)
    assert "目录须与 lawrefbook 的布局相同" in out and "公司法" in out


def test_every_bench_says_its_default_corpus_holds_the_held_out_texts(capsys):
    from kb.dev.bench import ARGUMENTS, BENCHES

    for name in BENCHES:
        rc, out, err = run_kb(["bench", name, "-h"], ROOT, capsys)
        assert rc == 0, (name, err)
        if name not in ARGUMENTS:
            assert "默认语料含全部文本" in out.replace("\n  ", "").replace(" ", ""), (name, out)


def test_bench_without_a_subcommand_is_a_usage_error(capsys):
    rc, out, err = run_kb(["bench"], ROOT, capsys)
    assert rc == 2 and "用法：kb bench" in out + err
