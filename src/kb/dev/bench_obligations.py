"""Benchmark: obligation extraction over the shared corpus, beside parsing the same texts.

``python3 -m kb.dev.bench_obligations [CORPUS_DIR] [--limit N]`` (the lead may wire it into
``kb bench obligations``).  Texts are read and parsed once; the baseline is the parse time of
the same texts measured in the same run, the figure is the extraction time (CPU seconds,
best of 2) and its rate in articles per second.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def run(corpus_dir: str | None = None, limit: int = 200) -> dict:
    from kb.layers.actors import load_registry
    from kb.dev.bench_parse import default_corpus
    from kb.errors import KbError
    from kb.layers.obligations import extract
    from kb.text.parse import parse_file

    root = Path(corpus_dir) if corpus_dir else default_corpus()
    files = sorted(root.rglob("*.md"))
    if not files:
        print(f"没有找到语料：{root}", file=sys.stderr)
        return {"ok": False}
    step = max(1, len(files) // limit)
    files = files[::step][:limit]
    reg = load_registry()
    t0 = time.process_time()
    docs = []
    for f in files:
        try:
            docs.append(parse_file(str(f)))
        except KbError:
            pass
    parse_cpu = time.process_time() - t0
    from kb.layers.obligations.layer import _LAYER_CACHE
    best, n = float("inf"), 0
    for _ in range(2):
        _LAYER_CACHE.clear()          # time the extraction, not the per-document cache
        t0 = time.process_time()
        n = sum(len(extract(d, reg)) for d in docs)
        best = min(best, time.process_time() - t0)
    t0 = time.process_time()                      # the second use of the layer (relations, export …)
    sum(len(extract(d, reg)) for d in docs)
    cached = time.process_time() - t0
    arts = sum(len(d.articles) for d in docs)
    print(f"texts {len(docs)}, articles {arts}, statements {n}")
    print(f"baseline  parse        {parse_cpu:7.2f} s CPU  ({arts / parse_cpu:8.0f} articles/s)")
    print(f"figure    obligations  {best:7.2f} s CPU  ({arts / best:8.0f} articles/s, "
          f"{best / parse_cpu:.2f}x parse)")
    print(f"          cached reuse {cached:7.2f} s CPU  (a second call on the same Document)")
    return {"ok": True, "texts": len(docs), "articles": arts, "statements": n, "parse_s": parse_cpu,
            "extract_s": best, "cached_s": cached}


if __name__ == "__main__":
    args = sys.argv[1:]
    lim = 200
    if "--limit" in args:
        i = args.index("--limit")
        lim = int(args[i + 1])
        del args[i:i + 2]
    sys.exit(0 if run(args[0] if args else None, lim).get("ok") else 1)
