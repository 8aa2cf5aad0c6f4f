"""Benchmark: obligation extraction over a 200-text sample of the shared corpus (this session's held-out texts
left out, never opened: :func:`sample`).

``kb bench obligations [CORPUS_DIR]`` (or ``python3 -m kb.dev.bench_obligations [CORPUS_DIR]
[--limit N] [--against REV]``).  The figure is the extraction time of the sample (CPU seconds, best
of 2, the layer cache off so the work is timed and not a read of what an earlier run kept).  The
baseline is the extractor of revision ``REV`` (default: the commit before issue 11's duty-by-duty
extraction, whose figure the issue asks to stay within 1.5×), measured in the same run on the same
texts: each side runs in a process of its own, from ``git archive`` of its revision, so the machine's
load weighs on both alike.  Without git (or that revision) the figure is shown with no ratio: the one
recorded in the README is of another sample and load.  The parse of the same texts is shown too, and the floor of a one-pass extractor
(:func:`one_pass`): what finding every word the rules look at, once, with one regex, costs before any rule.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import statistics
import sys
import tempfile
import time
from pathlib import Path

#: the extractor before issue 11 (duty by duty): the baseline the issue measures against
BASELINE_REV = "1955f7c"
#: its figure on this sample, measured on 2026-12-03 before any change (README 义务、主体与义务矩阵)
BASELINE_RECORDED = 6.9
GOAL = 1.5
#: rounds of the two sides, their order alternating: one round's ratio strays 20% and more at the machine's usual load
#: (README "Speed, third pass"); the ratio of the bests over several rounds and the rounds' spread are what is read
ROUNDS = 3
#: extractions in each side's process, the best kept
PASSES = 2

#: run in a fresh process with one revision's package on PYTHONPATH: parse the sample, time extract() over it
#: PASSES times (argv[2]) and report every pass, so that the caller takes the best and can tell what fewer passes
#: would have given (the choice of PASSES was measured so: README "The bench, alternating")
_SIDE = r'''
import json, sys, time
from pathlib import Path
from kb.text.parse import parse_file
from kb.layers.actors import load_registry
from kb.layers.obligations import extract
from kb.layers.obligations import layer
files = [Path(f) for f in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if f]
t0 = time.process_time()
docs = []
for f in files:
    try:
        docs.append(parse_file(str(f)))
    except Exception:
        pass
parse = time.process_time() - t0
reg = load_registry()
times = []
n = 0
for k in range(int(sys.argv[2])):
    layer._LAYER_CACHE.clear()
    try:
        from kb.layers.cache import clear_memory
        clear_memory()
    except ImportError:
        pass
    t0 = time.process_time()
    n = sum(len(extract(d, reg)) for d in docs)
    times.append(time.process_time() - t0)
t0 = time.process_time()
sum(len(extract(d, reg)) for d in docs)
cached = time.process_time() - t0
print(json.dumps({"texts": len(docs), "articles": sum(len(d.articles) for d in docs), "statements": n,
                  "parse_s": parse, "extract_s": min(times), "passes_s": times, "cached_s": cached}))
'''


#: run in a fresh process with this checkout on PYTHONPATH: parse the sample, time :func:`one_pass` over every
#: provision's text (paragraphs, items, sub-items: what the extractor reads), best of 2
_FLOOR = r'''
import json, sys, time
from pathlib import Path
from kb.dev.bench_obligations import one_pass, one_pass_pattern, provision_texts
from kb.layers.actors import load_registry
from kb.text.parse import parse_file
texts = []
for f in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
    try:
        texts += provision_texts(parse_file(f))
    except Exception:
        pass
pattern, kinds = one_pass_pattern(load_registry())
best = None
for k in range(2):
    t0 = time.process_time()
    n = sum(len(one_pass(t, pattern, kinds)) for t in texts)
    t = time.process_time() - t0
    best = t if best is None else min(best, t)
print(json.dumps({"texts": len(texts), "chars": sum(map(len, texts)), "tokens": n, "one_pass_s": best}))
'''


def provision_texts(doc) -> list[str]:
    """The texts the extractor reads, in its order: each article's paragraphs, their items and sub-items."""
    out = []
    for art in doc.articles:
        for para in art.children:
            if para.kind != "paragraph":
                continue
            out.append(para.text)
            for it in para.children:
                if it.kind == "item":
                    out.append(it.text)
                    out += [sub.text for sub in it.children]
    return [t for t in out if t]


#: the punctuation a clause is read by (the clause marks, and 、 of a list)
_MARKS = "，。；：！？\n、"


def one_pass_pattern(reg) -> tuple[re.Pattern, dict[str, str]]:
    """One regex for every word the obligation rules look for in a provision, and each word's kind: the lexicon's
    names and aliases (name), levels (level), name heads (head: discovery's 委员会, 人员 …), modal words (modal) and
    the marks a clause is read by (mark: punctuation, 的, 由, 对, separators, 负责, 设立 …); longest first, so that
    a match is the longest word at its place, as the lexicon's longest match."""
    from kb.layers.actors import PERSON_SUFFIXES, SUFFIXES
    from kb.layers.obligations.modals import MODALS

    kinds: dict[str, str] = dict.fromkeys(reg.surfaces(), "name")
    for words, kind in ((reg.levels, "level"), (SUFFIXES + PERSON_SUFFIXES, "head")):
        for w in words:
            kinds.setdefault(w, kind)
    kinds.update((w, "modal") for w, _ in MODALS)
    for w in list(_MARKS) + "的 由 对 和 及 或 或者 以及 等 负责 设立 成立".split():
        kinds.setdefault(w, "mark")
    words = sorted(kinds, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), kinds


def one_pass(text: str, pattern: re.Pattern, kinds: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every word of :func:`one_pass_pattern` in text, left to right: the one scan a
    one-pass extractor would make of a provision, and the least it would cost (no rule is applied)."""
    return [(m.start(), m.end(), kinds[m.group()]) for m in pattern.finditer(text)]


def sample(root: Path, limit: int) -> list[Path]:
    """Every k-th text of the corpus folder, ``limit`` of them, this session's held-out texts left out (never
    opened: paths.corpus_texts)."""
    from kb.dev import paths

    files = paths.corpus_texts(root)
    return files[::max(1, len(files) // limit)][:limit]


def _side(src: Path, root: Path, files: list[Path], cwd: str, passes: int = 2) -> dict:
    """One revision's figures on ``files``, ``passes`` extractions in a process of its own (cwd: outside any project,
    so both sides read the same lexicon)."""
    env = dict(os.environ, PYTHONPATH=str(src), KB_LAYER_CACHE="off", KB_SHARED=str(root.parents[1]))
    listed = Path(cwd) / "sample.txt"
    listed.write_text("".join(f"{f}\n" for f in files), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _SIDE, str(listed), str(passes)], capture_output=True, text=True,
                         env=env, cwd=cwd)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _floor(root: Path, files: list[Path], cwd: str) -> dict:
    """:data:`_FLOOR` over files, in a process of its own with this checkout's kb."""
    from kb.dev import paths

    env = dict(os.environ, PYTHONPATH=str(paths.REPO / "src"), KB_LAYER_CACHE="off", KB_SHARED=str(root.parents[1]))
    listed = Path(cwd) / "floor.txt"
    listed.write_text("".join(f"{f}\n" for f in files), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", _FLOOR, str(listed)], capture_output=True, text=True, env=env, cwd=cwd)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


#: the two sides of the figure, as the rounds name them
NOW, BASE = "now", "baseline"


def orders(rounds: int, sides: tuple[str, ...] = (NOW, BASE)) -> list[tuple[str, ...]]:
    """The order the sides run in, round by round: as given, then reversed, and so on (now/base, base/now, now/base
    …). A side run second inherits whatever the first left on the machine (its caches, the clock it set, a burst of
    other users' load); alternating spreads that over both sides instead of charging it to one."""
    return [sides if r % 2 == 0 else sides[::-1] for r in range(rounds)]


def alternate(measure, rounds: int, sides: tuple[str, ...] = (NOW, BASE)) -> list[dict]:
    """``measure(side)`` for each side of each round, in :func:`orders`; one record a round: its order and each
    side's result."""
    out = []
    for order in orders(rounds, sides):
        out.append({"order": list(order), **{side: measure(side) for side in order}})
    return out


def _ratio(now: float, base: float) -> float:
    return now / base if base else float("inf")


def spread(rounds: list[dict], passes: int | None = None) -> dict:
    """The ratio now/baseline of each round, its median and its range (min, max): how far one round's figure can
    stray. ``passes``: as if each process had kept only the best of its first ``passes`` extractions (what a smaller
    PASSES would have read, from the same run)."""
    def cpu(res: dict) -> float:
        return min(res["passes_s"][:passes]) if passes else res["extract_s"]

    ratios = [_ratio(cpu(r[NOW]), cpu(r[BASE])) for r in rounds]
    return {"ratios": ratios, "median": statistics.median(ratios), "min": min(ratios), "max": max(ratios)}


def best(rounds: list[dict], side: str) -> dict:
    """A side's figures over the rounds: each time the least of any round (the run least disturbed by the load),
    the counts of the first round (every round reads the same texts)."""
    runs = [r[side] for r in rounds]
    out = dict(runs[0])
    for key in ("parse_s", "extract_s", "cached_s"):
        out[key] = min(run[key] for run in runs)
    return out


def run(corpus_dir: str | None = None, limit: int = 200, against: str | None = BASELINE_REV, rounds: int = ROUNDS,
        passes: int = PASSES) -> dict:
    from kb.dev import paths
    from kb.dev.bench_parse import default_corpus

    root = Path(corpus_dir) if corpus_dir else default_corpus()
    files = sample(root, limit)
    if not files:
        print(paths.missing(root), file=sys.stderr)
        return {"ok": False}
    here = paths.REPO / "src"
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        base_src = paths.checkout_src(against, Path(tmp)) if against else None
        src = {NOW: here, BASE: base_src}
        t0 = time.perf_counter()
        done = alternate(lambda side: _side(src[side], root, files, tmp, passes), rounds,
                         (NOW, BASE) if base_src else (NOW,))
        floor = _floor(root, files, tmp)
        wall = time.perf_counter() - t0
    now = best(done, NOW)
    base = best(done, BASE) if base_src else None
    ratio = _ratio(now["extract_s"], base["extract_s"]) if base else None
    noise = spread(done) if base else None
    _report(now, base, against, ratio, done, floor, passes)
    print(f"          ({wall:.0f} s wall in all)")
    return {"ok": True, "ratio": ratio, "now": now, "baseline": base, "one_pass": floor, "passes": passes,
            "rounds": done,
            "round_ratios": noise["ratios"] if noise else None, "median": noise["median"] if noise else None,
            "spread": [noise["min"], noise["max"]] if noise else None}


def _x(ratios: list[float]) -> str:
    return " ".join(f"{r:.2f}x" for r in ratios)


def _report(now: dict, base: dict | None, against: str | None, ratio: float | None, done: list[dict], floor: dict,
            passes: int) -> None:
    """The figures as the README shows them: the ratio of the sides' bests, then each round's ratio, their median
    and range, so that a reader sees how far one round strays from another."""
    print(f"texts {now['texts']}, articles {now['articles']}, statements {now['statements']}"
          + (f" (before: {base['statements']})" if base else ""))
    order = ", ".join("/".join("now" if side == NOW else "base" for side in r["order"]) for r in done)
    print(f"rounds    {len(done)}, each side in a process of its own, best of {passes} passes in it; order {order}")
    if base:
        noise = spread(done)
        print(f"baseline  extraction at {against:12} {base['extract_s']:7.2f} s CPU  (best of the rounds; same texts)")
        print(f"figure    extraction now         {now['extract_s']:7.2f} s CPU  ({ratio:.2f}x the baseline, the "
              f"ratio of the bests; goal ≤ {GOAL}x)")
        print(f"          each round             {_x(noise['ratios'])}  (median {noise['median']:.2f}x, spread "
              f"{noise['min']:.2f}–{noise['max']:.2f}x: the noise between processes)")
        if passes > 1:
            kept = [spread(done, k) for k in range(1, passes + 1)]
            print("          passes kept            " + ", ".join(
                f"best of {k}: {s['median']:.2f}x ({s['min']:.2f}–{s['max']:.2f}x)" for k, s in enumerate(kept, 1))
                  + "  (each round's ratio had each process kept fewer passes)")
    else:
        # no ratio to the recorded figure: it was measured on another sample (the held-out texts left out change it
        # each session) under another load — in a `git archive` copy of issue 11's twentieth round it read 0.77x
        # where the same-run baseline, a minute later in a git checkout, gave 1.40x (code review 14)
        print(f"baseline  extraction at {BASELINE_REV} not measured (git or the revision is not available); the figure "
              f"recorded on 2026-12-03, {BASELINE_RECORDED:.2f} s CPU, is of another sample and load: no ratio")
        print(f"figure    extraction now         {now['extract_s']:7.2f} s CPU  (goal ≤ {GOAL}x a baseline of the same "
              f"run: run kb bench obligations in a git checkout)")
    print(f"          parse of the texts     {now['parse_s']:7.2f} s CPU  ({now['articles'] / now['extract_s']:.0f} "
          f"articles/s extracted)")
    print(f"          one pass, no rule      {floor['one_pass_s']:7.2f} s CPU  ({floor['one_pass_s'] / now['extract_s']:.0%} "
          f"of the extraction: {floor['tokens']} words of the lexicon, levels, heads, modal words and marks found by "
          f"one regex in {floor['texts']} provisions, the floor of a one-pass extractor before its rules)")
    print(f"          cached reuse           {now['cached_s']:7.2f} s CPU  (a second call on the same Document)")


def main(argv: list[str] | None = None) -> int:
    """``python3 -m kb.dev.bench_obligations [CORPUS_DIR] [--limit N] [--against REV]``: a bad argument is a usage
    error, exit 2 (``--limit`` with no value or not a number was a traceback: code review 15)."""
    import argparse

    def positive(v: str) -> int:
        if not v.isdigit() or int(v) < 1:
            raise argparse.ArgumentTypeError(f"应为正整数：{v}")
        return int(v)

    parser = argparse.ArgumentParser(prog="python3 -m kb.dev.bench_obligations", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=None)
    parser.add_argument("--limit", type=positive, default=200)
    parser.add_argument("--against", default=BASELINE_REV)
    parser.add_argument("--rounds", type=positive, default=ROUNDS)
    parser.add_argument("--passes", type=positive, default=PASSES)
    args = parser.parse_args(argv)
    return 0 if run(args.corpus, args.limit, args.against, args.rounds, args.passes).get("ok") else 1


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
