"""kb bench index: its plumbing on a tiny corpus (each build in its own process, the FTS5
baseline, the ratios and the breakdown are printed); the real run over the shared corpus is
run by hand: ``kb bench index``."""
from __future__ import annotations

from kb.dev.bench_index import run

TEXT = "# {t}\n\n<!-- INFO END -->\n\n第一条 县级以上人民政府应当加强{t}工作。\n\n第二条 居民委员会可以协助。\n"


def test_bench_index_runs_on_a_small_corpus(tmp_path):
    for i, t in enumerate(("甲法", "乙条例", "丙办法")):
        (tmp_path / f"{i}.md").write_text(TEXT.format(t=t), encoding="utf-8")
    lines: list[str] = []
    res = run(tmp_path, out=lines.append)
    assert res["ok"]
    for mode in ("kb-cold", "kb-warm", "kb-serial", "kb-fts5", "whoosh-floor", "fts5"):
        assert res[mode]["texts"] == 4 and res[mode]["wall_s"] > 0 and res[mode]["peak_mib"] > 0  # + the seed
    assert res["kb-cold"]["entries"] == res["kb-warm"]["entries"] == res["kb-serial"]["entries"] == \
        res["kb-fts5"]["entries"] > res["fts5"]["entries"] > 6
    assert res["whoosh-floor"]["entries"] == res["fts5"]["entries"], "the floor indexes the baseline's articles"
    assert res["kb-cold"]["ratio"] > 0 and res["whoosh-floor"]["cpu_ratio"] > 0 and set(res["steps"]) >= {"解析", "whoosh 写入"}
    text = "\n".join(lines)
    assert "基线" in text and "FTS5" in text and "峰值内存" in text and "与基线之比" in text and "whoosh 的下限" in text and "FTS5 引擎" in text


def test_bench_export_runs_on_a_small_corpus(tmp_path):
    from kb.dev.bench_export import run as run_export
    from kb.pool import cores

    for i, t in enumerate(("甲法", "乙条例")):
        (tmp_path / f"{i}.md").write_text(TEXT.format(t=t), encoding="utf-8")
    lines: list[str] = []
    # the baseline revision's export runs in a process of its own (HEAD here: any revision git can archive)
    res = run_export(tmp_path, out=lines.append, against="HEAD")
    assert res["ok"] and res["cold"]["texts"] == 2 and res["cold"]["mb_s"] > 0
    assert res["cold"]["layers"].get("obligations", 0) > 0 and not res["warm"]["layers"], "warm: nothing recomputed"
    assert res["baseline"]["texts"] == 2 and res["baseline"]["cpu_s"] > 0 and res["speedup"] > 0
    text = "\n".join(lines)
    assert "基线" in text and "解析" in text and "义务" in text and "HEAD" in text and "本议题提出时记下" in text
    # kb export of every text at once, one process and one per core, wall and CPU beside the baseline's process
    assert [r["jobs"] for r in res["cli"]] == [1, max(2, cores())] and all(r["wall_s"] > 0 for r in res["cli"])
    assert res["baseline"]["process_wall_s"] > 0 and res["wall_speedup"] > 0 and "--jobs 1 墙钟" in text


def test_bench_index_measures_only_the_builds_asked_beside_the_baseline(tmp_path):
    (tmp_path / "a.md").write_text(TEXT.format(t="甲法"), encoding="utf-8")
    lines: list[str] = []
    res = run(tmp_path, out=lines.append, modes=("whoosh-floor",))
    assert res["ok"] and {"whoosh-floor", "fts5"} <= set(res) and "kb-cold" not in res and "steps" not in res
    assert res["whoosh-floor"]["cpu_ratio"] > 0 and "whoosh 下限" in "\n".join(lines)


def test_bench_index_measures_the_fts5_engine_uncached_and_cached_beside_the_baseline(tmp_path):
    for i, t in enumerate(("甲法", "乙条例", "丙办法", "丁规定")):
        (tmp_path / f"{i}.md").write_text(TEXT.format(t=t), encoding="utf-8")
    lines: list[str] = []
    res = run(tmp_path, out=lines.append, modes=("kb-fts5", "kb-fts5-warm"))
    assert res["ok"] and {"kb-fts5", "kb-fts5-warm", "fts5"} <= set(res) and "kb-cold" not in res
    assert res["kb-fts5"]["entries"] == res["kb-fts5-warm"]["entries"] > res["fts5"]["entries"]
    assert res["kb-fts5"]["cpu_ratio"] > 0 and res["kb-fts5-warm"]["cpu_ratio"] > 0
    text = "\n".join(lines)
    assert "kb index --engine fts5，分析层未缓存" in text and "kb index --engine fts5，分析层已缓存" in text
    assert "FTS5 引擎未缓存" in text and "FTS5 引擎已缓存" in text
    steps = res["fts5_steps"]          # where an uncached FTS5 build's CPU goes, one process, every text
    assert set(steps) >= {"解析", "义务层", "定义与引用层", "FTS5 写入（切分二元组、插入、索引、统计）"}
    assert steps["义务层"] > 0 and steps["解析"] > 0 and "除去两个分析层是基线 CPU 的" in text


def test_bench_index_fills_the_layer_cache_before_a_cached_fts5_build_alone(tmp_path):
    (tmp_path / "a.md").write_text(TEXT.format(t="甲法"), encoding="utf-8")
    lines: list[str] = []
    res = run(tmp_path, out=lines.append, modes=("kb-fts5-warm",))
    assert res["ok"] and "kb-fts5" not in res and res["kb-fts5-warm"]["entries"] > res["fts5"]["entries"]
    assert "分析层已缓存" in "\n".join(lines)
