"""Benchmark of ``kb export --format json`` over the whole shared corpus (``kb bench export`` /
``python3 -m kb.dev.bench_export [CORPUS]``), beside the parse of the same texts in the same run.

Every text is exported as ``kb export`` does it (the parse, every layer, its JSON as :func:`kb.outputs.formats.to_json` writes it), first
with an empty layer cache (what a first export costs: every layer computed, and written to the
cache), then again with the layers read back from that cache.  Printed: MB/s of source (CPU time, which other jobs on the shared
machine do not inflate), the ratio to the parse alone, and where the time goes (parse,
obligations, links, JSON) as the layer cache accounts for it.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kb.dev import paths


def _export_all(sources, steps: dict) -> int:
    from kb.errors import KbError
    from kb.outputs.export import document_dict
    from kb.outputs.formats import to_json
    from kb.text.parse import parse_source

    n = 0
    for src in sources:
        c = time.process_time()
        try:
            doc = parse_source(src)
        except KbError:
            continue
        c2 = time.process_time()
        d = document_dict(doc)
        c3 = time.process_time()
        to_json(d)                 # the JSON as kb export writes it
        c4 = time.process_time()
        steps["parse"] += c2 - c
        steps["layers"] += c3 - c2
        steps["json"] += c4 - c3
        n += 1
    return n


def run(corpus_dir=None, out=print) -> dict:
    from kb.layers import cache
    from kb.text.sources import read_source

    corpus = Path(corpus_dir) if corpus_dir else paths.corpus_dir()
    files = sorted(corpus.rglob("*.md")) if corpus.is_dir() else []
    if not files:
        out(paths.missing(corpus))
        return {"ok": False}
    sources = [read_source(str(f)) for f in files]
    mb = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
    res: dict = {"mb": mb, "ok": True}
    work = Path(tempfile.mkdtemp(prefix="kb-bench-export-"))
    old_env = os.environ.get("KB_LAYER_CACHE")
    try:
        # the first export starts from an empty cache and fills it, as a first ``kb export`` does
        os.environ["KB_LAYER_CACHE"] = str(work)
        for mode in ("cold", "warm"):
            cache.clear_memory()
            cache.stats["seconds"].clear()
            steps = dict.fromkeys(("parse", "layers", "json"), 0.0)
            n = _export_all(sources, steps)
            layers = dict(cache.stats["seconds"])
            total = sum(steps.values())
            res[mode] = {"texts": n, "cpu_s": total, "mb_s": mb / total, "parse_mb_s": mb / steps["parse"],
                         "ratio": total / steps["parse"], "steps": steps, "layers": layers}
        cold, warm = res["cold"], res["warm"]
        out(f"kb export --format json，{cold['texts']} 个文本（{mb:.1f} MB）：首次（分析层未缓存）{cold['mb_s']:.2f} MB/s"
            f"（CPU {cold['cpu_s']:.1f} 秒）；分析层已缓存 {warm['mb_s']:.2f} MB/s（CPU {warm['cpu_s']:.1f} 秒）")
        out(f"基线：同一次运行中只解析 {cold['parse_mb_s']:.1f} MB/s；导出是解析的 {cold['ratio']:.0f}×（已缓存 {warm['ratio']:.0f}×）")
        st, lay = cold["steps"], cold["layers"]
        obl = lay.get("obligations", 0.0)
        links = sum(v for k, v in lay.items() if k.startswith("links."))
        other = st["layers"] - obl - links
        parts = {"解析": st["parse"], "义务": obl, "定义与引用": links, "其余结构": other, "JSON": st["json"]}
        out("首次导出的时间花在：" + "，".join(f"{k} {v:.1f} 秒（{v / cold['cpu_s']:.0%}）" for k, v in parts.items()))
        res["parts"] = parts
    finally:
        if old_env is None:
            os.environ.pop("KB_LAYER_CACHE", None)
        else:
            os.environ["KB_LAYER_CACHE"] = old_env
        shutil.rmtree(work, ignore_errors=True)
    return res


if __name__ == "__main__":
    r = run(sys.argv[1] if len(sys.argv) > 1 else None)
    sys.exit(0 if r.get("ok") else 1)
