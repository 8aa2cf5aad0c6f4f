"""Benchmark: parse the whole shared corpus and compare with a bare regular-expression scan.

``python3 -m kb.dev.bench_parse [CORPUS_DIR]`` (or ``kb bench parse``).  Both passes read the
same files, decoded once up front, so the figures measure parsing only.  The baseline is
the least any parser must do: one ``re.finditer`` for ``^第X条`` over the same text.
The target is at least 10 MB/s (of UTF-8 source) on one core: the figure compared with it is
CPU time (``time.process_time``), which other jobs on a shared machine do not inflate; wall-clock
figures are printed beside it.
"""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from kb.text.numerals import NUMERAL_RE
from kb.dev import paths

TARGET_MBS = 10.0
_SCAN = re.compile(rf"^[^\S\r\n]*(?:#+[^\S\r\n]*)?第{NUMERAL_RE}条", re.M)


def default_corpus() -> Path:
    """../shared/corpus/lawrefbook beside the checkout (or $KB_SHARED/corpus/lawrefbook)."""
    return paths.corpus_dir()


def _best(fn, repeat: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds), each the best of ``repeat`` runs.  CPU time is what one core
    spends on the work, so it stays meaningful on a machine shared with other jobs."""
    cpu = wall = float("inf")
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu = min(cpu, time.process_time() - c)
        wall = min(wall, time.perf_counter() - w)
    return cpu, wall


def run(corpus_dir: str | os.PathLike | None = None, repeat: int = 3, echo=print) -> dict:
    """Parse every .md under ``corpus_dir``; print and return MB/s for the parser and the scan."""
    from kb.errors import KbError
    from kb.text.parse import parse_source
    from kb.text.sources import Source, read_source

    corpus = Path(corpus_dir) if corpus_dir else default_corpus()
    files = paths.corpus_texts(corpus) if corpus.is_dir() else []
    if not files:
        raise KbError("找不到语料（需要 ../shared/corpus/lawrefbook，或用 KB_SHARED 指定）", str(corpus))
    sources: list[Source] = [read_source(str(f)) for f in files]
    nbytes = sum(len(s.text.encode("utf-8")) for s in sources)
    mb = nbytes / 1e6
    counts = {"files": len(files), "parsed": 0, "refused": 0, "articles": 0}

    def parse_all():
        counts.update(parsed=0, refused=0, articles=0)
        for s in sources:
            try:
                doc = parse_source(s)
            except KbError:
                counts["refused"] += 1
                continue
            counts["parsed"] += 1
            counts["articles"] += len(doc.articles)

    scanned = {"articles": 0}

    def scan_all():
        n = 0
        for s in sources:
            for _ in _SCAN.finditer(s.text):
                n += 1
        scanned["articles"] = n

    def read_parse_all():
        for f in files:
            try:
                parse_source(read_source(str(f)))
            except KbError:
                pass

    (c_scan, w_scan) = _best(scan_all, repeat)
    (c_parse, w_parse) = _best(parse_all, repeat)
    (c_full, w_full) = _best(read_parse_all, 1)
    parse_mbs, scan_mbs = mb / c_parse, mb / c_scan
    result = {"files": len(files), "mb": round(mb, 2),
              "parse_cpu_s": round(c_parse, 3), "parse_wall_s": round(w_parse, 3),
              "scan_cpu_s": round(c_scan, 4), "scan_wall_s": round(w_scan, 4),
              "parse_mb_s": round(parse_mbs, 1), "scan_mb_s": round(scan_mbs, 1),
              "parse_wall_mb_s": round(mb / w_parse, 1), "scan_wall_mb_s": round(mb / w_scan, 1),
              "read_parse_mb_s": round(mb / c_full, 1),
              "ratio": round(scan_mbs / parse_mbs, 1), "parsed": counts["parsed"],
              "refused": counts["refused"], "articles": counts["articles"],
              "scan_articles": scanned["articles"], "target_mb_s": TARGET_MBS,
              "load": _load(), "ok": parse_mbs >= TARGET_MBS}
    echo(f"语料：{corpus}（{len(files)} 个文件，{mb:.2f} MB UTF-8；每项取 {repeat} 次中最快的一次）")
    from kb.outputs.formats import table

    rows = [["解析器", f"{c_parse:.3f}", f"{parse_mbs:.1f}", f"{w_parse:.3f}", f"{mb / w_parse:.1f}",
             f"解析 {counts['parsed']} 个，拒绝 {counts['refused']} 个，共 {counts['articles']} 条"],
            ["正则扫描", f"{c_scan:.3f}", f"{scan_mbs:.1f}", f"{w_scan:.3f}", f"{mb / w_scan:.1f}",
             f"^第X条 行 {scanned['articles']} 个"],
            ["读取+解码+解析", f"{c_full:.3f}", f"{mb / c_full:.1f}", f"{w_full:.3f}", f"{mb / w_full:.1f}",
             "从磁盘读起，仅供参考"]]
    echo(table(["", "CPU 秒", "单核 MB/s", "墙钟秒", "墙钟 MB/s", "说明"], rows, max_width=120))
    echo(f"比值：正则扫描的速度是解析器的 {scan_mbs / parse_mbs:.1f} 倍；"
         f"目标 单核 ≥ {TARGET_MBS:.0f} MB/s：" + ("达到" if result["ok"] else "未达到")
         + (f"（系统负载 {result['load']}）" if result["load"] is not None else ""))
    return result


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 1)
    except (AttributeError, OSError):
        return None


def main(argv: list[str] | None = None) -> int:
    from kb.errors import KbError

    argv = sys.argv[1:] if argv is None else argv
    try:
        res = run(argv[0] if argv else None)
    except KbError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
