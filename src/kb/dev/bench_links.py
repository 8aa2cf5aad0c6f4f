"""Benchmark: the cross-link layers (definitions, uses, references) and the Akoma Ntoso export,
beside the parse time of the same texts (the baseline, measured in the same run).

    python3 -m kb.dev.bench_links [--corpus DIR] [--akn]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from kb.dev import paths


def bench(corpus: Path | None = None, akn: bool = False) -> dict:
    from kb.layers import links
    from kb.errors import KbError
    from kb.text.parse import parse_file

    if corpus is None:
        corpus = paths.corpus_dir()
    files = paths.corpus_texts(corpus)
    t_parse = t_links = t_akn = 0.0
    n = arts = 0
    for f in files:
        t0 = time.perf_counter()
        try:
            doc = parse_file(str(f))
        except KbError:
            continue
        t1 = time.perf_counter()
        links.definitions(doc)
        links.term_uses(doc)
        links.references(doc)
        t2 = time.perf_counter()
        if akn:
            from kb.outputs.akn import to_akn
            to_akn(doc, paths.REPO)            # the repository's laws, whatever the current directory
        t3 = time.perf_counter()
        t_parse += t1 - t0
        t_links += t2 - t1
        t_akn += t3 - t2
        n += 1
        arts += len(doc.articles)
    return {"files": n, "articles": arts, "parse_s": t_parse, "links_s": t_links, "akn_s": t_akn if akn else None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m kb.dev.bench_links")
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--akn", action="store_true", help="also time the Akoma Ntoso export")
    a = ap.parse_args(argv)
    r = bench(Path(a.corpus) if a.corpus else None, a.akn)
    print(f"{r['files']} files, {r['articles']} articles")
    print(f"  parse (baseline)     {r['parse_s']:.2f} s")
    print(f"  links layers         {r['links_s']:.2f} s  ({r['links_s'] / max(r['parse_s'], 1e-9):.2f}× parse)")
    if r["akn_s"] is not None:
        print(f"  Akoma Ntoso export   {r['akn_s']:.2f} s  ({r['akn_s'] / max(r['parse_s'], 1e-9):.2f}× parse)")
    return 0


def run(corpus_dir: str | None = None) -> dict:
    """``kb bench links``: the same report, AKN export included."""
    main((["--corpus", corpus_dir] if corpus_dir else []) + ["--akn"])
    return {"ok": True}


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
