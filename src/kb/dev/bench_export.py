"""Benchmark of ``kb export --format json`` over the whole shared corpus (``kb bench export`` /
``python3 -m kb.dev.bench_export [CORPUS] [--against REV]``), beside the parse of the same texts in
the same run, and beside the export of kb as it was when issue 17 was filed.

Every text is exported as ``kb export`` does it (the parse, every layer, its JSON as :func:`kb.outputs.formats.to_json` writes it), first
with an empty layer cache (what a first export costs: every layer computed, and written to the
cache), then again with the layers read back from that cache.  Printed: MB/s of source (CPU time, which other jobs on the shared
machine do not inflate), the ratio to the parse alone, and where the time goes (parse,
obligations, links, JSON) as the layer cache accounts for it.

The baseline: the same texts exported by revision ``REV`` (default :data:`BASELINE_REV`, kb when the
issue asked for an export three times faster), in a process of its own from ``git archive`` of that
revision, in the same run, so the machine's load weighs on both alike; the issue's own figures
(:data:`FILED`) are printed beside them.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb.dev import paths

#: kb when issue 17 was filed (its export had no layer cache: every export computed every layer)
BASELINE_REV = "850ed94"
#: the issue's figures when it was filed: export 0.9 MB/s, the parse alone 23 MB/s
FILED = {"export_mb_s": 0.9, "parse_mb_s": 23.0}
#: the issue's goal: the export (a first one, every layer computed) three times faster
GOAL = 3.0

#: run in a fresh process with one revision's package on PYTHONPATH: export the texts listed in
#: argv[1] (one path a line) once, every layer computed, by :func:`_export_all` of this file (argv[2],
#: its imports of kb resolved in that revision), and print the CPU seconds of each step
_SIDE = r'''
import importlib.util, json, sys
from pathlib import Path
from kb.text.sources import read_source
spec = importlib.util.spec_from_file_location("kb_bench_export_side", sys.argv[2])
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
sources = [read_source(f) for f in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()]
steps = dict.fromkeys(("parse", "layers", "json"), 0.0)
n = bench._export_all(sources, steps)
print(json.dumps({"texts": n, "steps": steps}))
'''


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


def _baseline(rev: str, files: list[Path], mb: float, work: Path) -> dict | None:
    """The export of the same texts by revision rev, in a process of its own (the layer cache pointed
    at an empty folder: a revision that has one computes every layer, as one without does); None
    without git or that revision."""
    src = paths.checkout_src(rev, work)
    if src is None:
        return None
    listing = work / "files.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    cache = work / "layers"
    cache.mkdir()
    env = dict(os.environ, PYTHONPATH=str(src), KB_LAYER_CACHE=str(cache))
    rc, stdout, stderr, wall, cpu = _timed_process([sys.executable, "-c", _SIDE, str(listing), __file__], env, work)
    if rc != 0:
        raise RuntimeError(f"{rev}: " + (stderr.strip().splitlines() or ["失败"])[-1])
    r = json.loads(stdout.strip().splitlines()[-1])
    total = sum(r["steps"].values())
    r.update(cpu_s=total, mb_s=mb / total, parse_mb_s=mb / r["steps"]["parse"], ratio=total / r["steps"]["parse"],
             process_wall_s=wall, process_cpu_s=cpu)
    return r


def _timed_process(cmd: list[str], env: dict, cwd: Path) -> tuple[int, str, str, float, float]:
    """Run cmd: (exit code, stdout, stderr, wall seconds, CPU seconds of the process and of its
    sub-processes — kb.pool's workers — as the kernel reports them when it ends)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=str(cwd), text=True)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        return os.waitstatus_to_exitcode(status), out.read(), err.read(), wall, ru.ru_utime + ru.ru_stime


def _cli_export(files: list[Path], jobs: int, work: Path) -> dict:
    """``kb export FILE… -o DIR --jobs N`` of this checkout over files (linked under numbered names: the
    corpus has texts of one name in two folders), from an empty layer cache: wall and CPU seconds."""
    texts = work / "texts"
    if not texts.is_dir():
        texts.mkdir()
        for i, f in enumerate(files):
            (texts / f"{i:04d}-{f.name}").symlink_to(f.resolve())
    out, cache = work / f"out-{jobs}", work / f"layers-{jobs}"
    env = dict(os.environ, PYTHONPATH=str(paths.REPO / "src"), KB_LAYER_CACHE=str(cache))
    cmd = [sys.executable, "-m", "kb", "export", *map(str, sorted(texts.iterdir())), "-o", str(out), "--jobs", str(jobs)]
    rc, _, stderr, wall, cpu = _timed_process(cmd, env, work)
    if rc != 0:
        raise RuntimeError(f"kb export --jobs {jobs}: " + (stderr.strip().splitlines() or ["失败"])[-1])
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    return {"jobs": jobs, "wall_s": wall, "cpu_s": cpu}


def run(corpus_dir=None, out=print, against: str | None = BASELINE_REV) -> dict:
    from kb.layers import cache
    from kb.text.sources import read_source

    corpus = Path(corpus_dir) if corpus_dir else paths.corpus_dir()
    files = paths.corpus_texts(corpus) if corpus.is_dir() else []
    if not files:
        out(paths.missing(corpus))
        return {"ok": False}
    sources = [read_source(str(f)) for f in files]
    mb = sum(len(s.text.encode("utf-8")) for s in sources) / 1e6
    res: dict = {"mb": mb, "ok": True}
    work = Path(tempfile.mkdtemp(prefix="kb-bench-export-"))
    old_env = os.environ.get("KB_LAYER_CACHE")
    try:
        # the baseline first: a revision's own process, the machine as loaded as for the figure after it
        (work / "base").mkdir()
        res["baseline"] = _baseline(against, files, mb, work / "base") if against else None
        # the first export starts from an empty cache and fills it, as a first ``kb export`` does
        os.environ["KB_LAYER_CACHE"] = str(work / "layers")
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
        out(f"基线：同一次运行中只解析 {cold['parse_mb_s']:.1f} MB/s；导出是解析的 {cold['ratio']:.1f}×（已缓存 {warm['ratio']:.1f}×）")
        base = res["baseline"]
        filed = FILED["parse_mb_s"] / FILED["export_mb_s"]
        if base:
            speedup = base["cpu_s"] / cold["cpu_s"]
            res["speedup"] = speedup
            who = "（本议题提出时的 kb）" if against == BASELINE_REV else ""
            out(f"基线：同一次运行中 {against}{who}导出同样的 {base['texts']} 个文本 {base['mb_s']:.2f} MB/s"
                f"（CPU {base['cpu_s']:.1f} 秒），只解析 {base['parse_mb_s']:.1f} MB/s，导出是解析的 {base['ratio']:.1f}×；"
                f"本版首次导出的速度是它的 {speedup:.2f} 倍（目标 {GOAL:.0f} 倍：{'达到' if speedup >= GOAL else '未达到'}）")
        elif against:
            out(f"（取不到 {against}：需要 git 与该提交；只与本议题记下的数字比较）")
        out(f"本议题提出时记下：导出 {FILED['export_mb_s']} MB/s、只解析 {FILED['parse_mb_s']:.0f} MB/s（导出是解析的 {filed:.1f}×）；"
            f"本次是 {cold['ratio']:.1f}×，按这一比值是那时速度的 {filed / cold['ratio']:.2f} 倍"
            f"（{GOAL:.0f} 倍即导出不超过解析的 {filed / GOAL:.1f}×）")
        # kb export of every text at once (kb.pool), one process and one per core, beside the baseline's process
        from kb.errors import KbError
        from kb.pool import cores
        from kb.text.parse import parse_source

        def readable(src) -> bool:
            try:
                parse_source(src)
                return True
            except KbError:
                return False
        ok = [f for f, src in zip(files, sources) if readable(src)]
        n_jobs = max(2, cores())
        load = os.getloadavg()[0]
        runs = [_cli_export(ok, 1, work), _cli_export(ok, n_jobs, work)]
        res["cli"] = runs
        one, many = runs
        line = (f"kb export {len(ok)} 个文本 -o 目录（同一次运行，分析层从空缓存算起，墙钟与 CPU 秒均含解释器启动，"
                f"CPU 含子进程；开始时负载 {load:.1f}，本机 {cores()} 核）：--jobs 1 墙钟 {one['wall_s']:.1f} 秒"
                f"（CPU {one['cpu_s']:.1f} 秒）；--jobs {n_jobs} 墙钟 {many['wall_s']:.1f} 秒（CPU {many['cpu_s']:.1f} 秒），"
                f"墙钟快 {one['wall_s'] / many['wall_s']:.2f} 倍")
        if base:
            res["wall_speedup"] = base["process_wall_s"] / many["wall_s"]
            line += (f"；基线 {against} 一个进程 墙钟 {base['process_wall_s']:.1f} 秒（CPU {base['process_cpu_s']:.1f} 秒），"
                     f"本版 --jobs {n_jobs} 的速度（墙钟）是它的 {res['wall_speedup']:.2f} 倍")
        out(line)
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


def main(argv=None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python3 -m kb.dev.bench_export", description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir", nargs="?")
    ap.add_argument("--against", default=BASELINE_REV,
                    help=f"同一次运行中与这个提交的导出比较（默认 {BASELINE_REV}，本议题提出时的 kb；写 none 不比较）")
    a = ap.parse_args(argv)
    r = run(a.corpus_dir, against=None if a.against == "none" else a.against)
    return 0 if r.get("ok") else 1


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
