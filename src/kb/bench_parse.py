"""Benchmark: parse the whole shared corpus and compare with a bare regular-expression scan.

``python3 -m kb.bench_parse [CORPUS_DIR]`` (or ``kb bench parse``).  Both passes read the
same files, decoded once up front, so the figures measure parsing only.  The baseline is
the least any parser must do: one ``re.finditer`` for ``^第X条`` over the same text.
The target is at least 10 MB/s (of UTF-8 source) on one core.
"""
from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

from .numerals import NUMERAL_RE

TARGET_MBS = 10.0
_SCAN = re.compile(rf"^[^\S\r\n]*(?:#+[^\S\r\n]*)?第{NUMERAL_RE}条", re.M)


def default_corpus() -> Path:
    """../shared/corpus/lawrefbook beside the checkout (or $KB_SHARED/corpus/lawrefbook)."""
    shared = os.environ.get("KB_SHARED")
    if shared:
        return Path(shared) / "corpus" / "lawrefbook"
    here = Path(__file__).resolve()
    for d in here.parents:
        cand = d.parent / "shared" / "corpus" / "lawrefbook"
        if (d / "pyproject.toml").is_file() and cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "corpus" / "lawrefbook"


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def run(corpus_dir: str | os.PathLike | None = None, repeat: int = 3, echo=print) -> dict:
    """Parse every .md under ``corpus_dir``; print and return MB/s for the parser and the scan."""
    from .errors import KbError
    from .parse import parse_source
    from .sources import Source, read_source

    corpus = Path(corpus_dir) if corpus_dir else default_corpus()
    files = sorted(corpus.rglob("*.md")) if corpus.is_dir() else []
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

    t_scan = _best(scan_all, repeat)
    t_parse = _best(parse_all, repeat)
    t_full = _best(read_parse_all, 1)
    parse_mbs, scan_mbs = mb / t_parse, mb / t_scan
    result = {"files": len(files), "mb": round(mb, 2), "parse_s": round(t_parse, 3), "scan_s": round(t_scan, 4),
              "parse_mb_s": round(parse_mbs, 1), "scan_mb_s": round(scan_mbs, 1),
              "ratio": round(scan_mbs / parse_mbs, 1), "parsed": counts["parsed"],
              "refused": counts["refused"], "articles": counts["articles"],
              "scan_articles": scanned["articles"], "target_mb_s": TARGET_MBS,
              "read_parse_s": round(t_full, 3), "read_parse_mb_s": round(mb / t_full, 1),
              "ok": parse_mbs >= TARGET_MBS}
    echo(f"语料：{corpus}（{len(files)} 个文件，{mb:.2f} MB UTF-8；每项取 {repeat} 次中最快的一次）")
    echo(f"解析器：    {t_parse:7.3f} s  {parse_mbs:8.1f} MB/s  （解析 {counts['parsed']} 个，拒绝 {counts['refused']} 个，"
         f"共 {counts['articles']} 条）")
    echo(f"正则扫描：  {t_scan:7.3f} s  {scan_mbs:8.1f} MB/s  （^第X条 行 {scanned['articles']} 个）")
    echo(f"读取+解码+解析：{t_full:7.3f} s  {mb / t_full:8.1f} MB/s  （从磁盘读起的整个过程，仅供参考）")
    echo(f"比值：正则扫描是解析器的 {scan_mbs / parse_mbs:.1f} 倍；目标 ≥ {TARGET_MBS:.0f} MB/s："
         + ("达到" if result["ok"] else "未达到"))
    return result


def main(argv: list[str] | None = None) -> int:
    from .errors import KbError

    argv = sys.argv[1:] if argv is None else argv
    try:
        res = run(argv[0] if argv else None)
    except KbError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    return 0 if res["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
