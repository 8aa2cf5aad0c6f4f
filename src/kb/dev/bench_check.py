"""Benchmark: ``kb check`` over the whole shared corpus, beside ``kb export --format json`` of the
same texts measured in the same run (the goal: checking costs less than twice exporting).

Both sides do a command's whole work on each text from its file: read and parse it, compute the
layers (references, definitions, obligations …), then export JSON on one side and run every rule
on the other.  Each side parses its own Documents and the layer cache (kb.layers.cache) is off and
emptied before each run, so neither side reads what the other computed: both are cold.
CPU seconds, best of ``repeat`` runs.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

from kb.dev import paths


def _texts(root: Path, limit: int | None) -> list[Path]:
    from kb.errors import KbError
    from kb.text.parse import parse_file

    from kb.dev.score_check import held_out_files

    # kb check's held-out texts are checked once, after the last rule change (tests/data/check/README.md)
    held = held_out_files(root)
    files = sorted(f for f in root.rglob("*.md") if f not in held)
    if limit:
        files = files[::max(1, len(files) // limit)][:limit]
    ok = []
    for f in files:
        try:
            parse_file(str(f))
            ok.append(f)
        except KbError:                  # refused texts (修正案, 决定 …) are refused by both commands
            pass
    return ok


def _export(files: list[Path]) -> int:
    from kb.outputs.export import document_dict
    from kb.outputs.formats import to_json
    from kb.text.parse import parse_file

    return sum(len(to_json(document_dict(parse_file(str(f))))) for f in files)


def _check(files: list[Path]) -> int:
    from kb.check.engine import check
    from kb.text.parse import parse_file

    return sum(len(check(parse_file(str(f))).findings) for f in files)


def _time(fn, files, repeat: int) -> tuple[float, int]:
    from kb.layers.cache import clear_memory

    best, out = float("inf"), 0
    for _ in range(repeat):
        clear_memory()
        gc.collect()
        t0 = time.process_time()
        out = fn(files)
        best = min(best, time.process_time() - t0)
    return best, out


def run(corpus_dir: str | None = None, limit: int | None = None, repeat: int = 2) -> dict:
    from kb.dev.bench_parse import default_corpus
    from kb.layers.actors import load_registry

    os.environ["KB_LAYER_CACHE"] = "off"        # time the work, not a read of what an earlier run kept
    root = Path(corpus_dir) if corpus_dir else default_corpus()
    files = _texts(root, limit)
    if not files:
        print(paths.missing(root), file=sys.stderr)
        return {"ok": False}
    load_registry()                       # the actor lexicon, loaded once by both sides
    size = sum(f.stat().st_size for f in files) / 1e6
    export_s, json_chars = _time(_export, files, repeat)
    check_s, findings = _time(_check, files, repeat)
    ratio = check_s / export_s
    print(f"texts {len(files)} ({size:.1f} MB), findings {findings}")
    print(f"baseline  kb export --format json  {export_s:7.2f} s CPU  ({size / export_s:5.2f} MB/s)")
    print(f"figure    kb check                 {check_s:7.2f} s CPU  ({size / check_s:5.2f} MB/s, "
          f"{ratio:.2f}x export; goal < 2x)")
    return {"ok": ratio < 2, "texts": len(files), "mb": size, "export_s": export_s, "check_s": check_s,
            "ratio": ratio, "findings": findings}


if __name__ == "__main__":
    sys.exit(0 if run(sys.argv[1] if len(sys.argv) > 1 else None).get("ok") else 1)
