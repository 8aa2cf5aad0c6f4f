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
    for mode in ("kb-cold", "kb-warm", "kb-serial", "fts5"):
        assert res[mode]["texts"] == 4 and res[mode]["wall_s"] > 0 and res[mode]["peak_mib"] > 0  # + the seed
    assert res["kb-cold"]["entries"] == res["kb-warm"]["entries"] == res["kb-serial"]["entries"] > res["fts5"]["entries"] > 6
    assert res["kb-cold"]["ratio"] > 0 and set(res["steps"]) >= {"解析", "whoosh 写入"}
    text = "\n".join(lines)
    assert "基线" in text and "FTS5" in text and "峰值内存" in text and "与基线之比" in text
