"""Benchmark: ``kb check`` over the whole shared corpus, beside ``kb export --format json`` of the
same texts measured in the same run (the goal: checking costs less than twice exporting).

Both sides do a command's whole work on each text from its file: read and parse it, compute the
layers (references, definitions, obligations …), then export JSON on one side and run every rule
on the other.  The check side runs what ``kb check FILE`` runs in the project (the repository's own,
or ``root``): the project's settings and its knowledge base, so ``upper-repeat`` compares every text
with the upper laws the knowledge base holds, as ``kb check`` does by default.  Each side parses its
own Documents and the layer cache (kb.layers.cache) is off and emptied before each run, so neither
side reads what the other computed: both are cold (what a process keeps across texts — the knowledge
base's retrieval index, built once — is dropped before each run and built within the timing).
CPU seconds, best of ``repeat`` runs.

``KB_BENCH_EXCLUDE`` may name a file of regulation titles (one a line) to leave out besides kb check's
held-out texts: other issues' held-out texts, which no run of kb may read.
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

    from kb.dev.score_check import _regulation

    # kb check's held-out texts are checked once, after the last rule change (tests/data/check/README.md), and the
    # session's held-out texts are never read: paths.corpus_texts leaves both out (kb.dev.heldout.may_read)
    other = _excluded_titles()
    files = [f for f in paths.corpus_texts(root) if _regulation(f.name) not in other]
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


def _excluded_titles() -> set[str]:
    path = os.environ.get("KB_BENCH_EXCLUDE")
    if not path:
        return set()
    return {x.strip() for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()}


def _export(files: list[Path]) -> int:
    from kb.outputs.export import document_dict
    from kb.outputs.formats import to_json
    from kb.text.parse import parse_file

    return sum(len(to_json(document_dict(parse_file(str(f))))) for f in files)


def _checker(project: Path | None):
    """What ``kb check FILE`` runs on each file in the project at ``project`` (None: outside any project)."""
    from kb.check.config import load_config
    from kb.check.engine import check
    from kb.text.parse import parse_file

    config = load_config(project)

    def run(files: list[Path]) -> int:
        return sum(len(check(parse_file(str(f)), project, config).findings) for f in files)
    return run


def _time(fn, files, repeat: int) -> tuple[float, int]:
    from kb.layers.cache import clear_memory

    best, out = float("inf"), 0
    for _ in range(repeat):
        clear_memory()
        _forget_knowledge_base()
        gc.collect()
        t0 = time.process_time()
        out = fn(files)
        best = min(best, time.process_time() - t0)
    return best, out


def _forget_knowledge_base() -> None:
    """Drop what the process keeps of the knowledge base between texts (its retrieval index), so that each
    timed run builds it as a fresh ``kb check`` process does."""
    try:
        from kb.library.related import forget_bases
    except ImportError:                 # a version without the kept index
        return
    forget_bases()


def run(corpus_dir: str | None = None, limit: int | None = None, repeat: int = 2, root: str | None = None,
        upper: bool = True) -> dict:
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
    project = Path(root) if root else paths.REPO
    export_s, json_chars = _time(_export, files, repeat)
    check_s, findings = _time(_checker(project if upper else None), files, repeat)
    ratio = check_s / export_s
    print(f"texts {len(files)} ({size:.1f} MB), findings {findings}; kb check in {project if upper else '(no project)'}")
    print(f"baseline  kb export --format json  {export_s:7.2f} s CPU  ({size / export_s:5.2f} MB/s)")
    print(f"figure    kb check                 {check_s:7.2f} s CPU  ({size / check_s:5.2f} MB/s, "
          f"{ratio:.2f}x export; goal < 2x)")
    return {"ok": ratio < 2, "texts": len(files), "mb": size, "export_s": export_s, "check_s": check_s,
            "ratio": ratio, "findings": findings}


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(lambda: 0 if run(sys.argv[1] if len(sys.argv) > 1 else None).get("ok") else 1))
