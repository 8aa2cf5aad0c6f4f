"""kb bench site: its plumbing on a tiny corpus (sizes in one run, each build in a process of its
own with its time, CPU and peak memory, the rebuilds with nothing changed and after one text
changed, the static baseline with the same downloads and search indexes, page bytes per
regulation); the real run over the shared corpus is run by hand: ``kb bench site``."""
from __future__ import annotations

from kb.dev.bench_site import run

TEXT = "# {t}\n\n<!-- INFO END -->\n\n第一条 县级以上人民政府应当加强{t}工作。\n\n第二条 居民委员会可以协助。\n"


def test_bench_site_runs_on_a_small_corpus(tmp_path, capsys):
    for i, t in enumerate(("甲法", "乙条例")):
        (tmp_path / f"{i}.md").write_text(TEXT.format(t=t), encoding="utf-8")
    res = run(tmp_path, sizes="1,2", search=False)
    one, two = res["rows"]
    assert (one["n"], two["n"]) == (1, 2)
    for r in (one, two):
        assert r["first"]["rebuilt"] == "full" and r["again"]["rebuilt"] == "fresh"
        assert r["one"]["rebuilt"] == "{'r001'}"
        assert r["first"]["peak_mib"] > 20 and r["first"]["cpu_s"] > 0 and r["static"]["process_s"] > 0
        assert r["r001_kb"] > 0 and r["pages"] > 5
    assert two["pages"] > one["pages"]
    out = capsys.readouterr().out
    assert "基线" in out and "峰值 MiB" in out and "r001 的页面 KB" in out


def test_the_corpus_sites_never_take_a_held_out_text(tmp_path, monkeypatch):
    """corpus_project (the bench's and the site tests' knowledge bases of N corpus texts) leaves out the texts held
    out this session: evenly spread over the corpus, it took one as the second of four and the third of eight."""
    from kb.dev import heldout
    from kb.dev.bench_site import corpus_project

    for i, t in enumerate(("甲法", "乙条例", "丙办法", "丁规定")):
        (tmp_path / "c" / f"{i}").mkdir(parents=True)
        (tmp_path / "c" / f"{i}" / f"{t}.md").write_text(TEXT.format(t=t), encoding="utf-8")
    monkeypatch.setattr(heldout, "HELD_OUT_FILES", ("1/乙条例.md",))
    proj = corpus_project(tmp_path / "p", tmp_path / "c", 4)
    titles = sorted((d / "meta.yml").read_text(encoding="utf-8").split("title: ")[1].split()[0]
                    for d in (proj / "regulation").iterdir())
    assert titles == ["丁规定", "丙办法", "甲法"]


def test_a_named_text_the_corpus_lacks_is_an_error(tmp_path):
    """corpus_project takes the texts a test names first (tests/site/test_incremental_build.py names its four): one the
    corpus copy lacks, or that has no articles, is an error — the even spread used to fill its place without a word, so
    the test's knowledge base changed silently (code review 19 item 5); a named text held out this session is still
    left out (the test above)."""
    import pytest

    from kb.dev.bench_site import corpus_project
    from kb.errors import KbError

    for i, t in enumerate(("甲法", "乙条例", "丙办法")):
        (tmp_path / "c" / f"{i}").mkdir(parents=True)
        (tmp_path / "c" / f"{i}" / f"{t}.md").write_text(TEXT.format(t=t), encoding="utf-8")
    proj = corpus_project(tmp_path / "p", tmp_path / "c", 2, ("2/丙办法.md",))
    assert "丙办法" in (proj / "regulation" / "r001" / "meta.yml").read_text(encoding="utf-8")
    with pytest.raises(KbError):
        corpus_project(tmp_path / "q", tmp_path / "c", 2, ("9/戊条例.md",))
    (tmp_path / "c" / "3").mkdir()
    (tmp_path / "c" / "3" / "己决定.md").write_text("# 己决定\n\n<!-- INFO END -->\n\n决定如下。\n", encoding="utf-8")
    with pytest.raises(KbError):
        corpus_project(tmp_path / "r", tmp_path / "c", 2, ("3/己决定.md",))
