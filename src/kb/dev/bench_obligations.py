"""Benchmark: obligation extraction over a 200-text sample of the shared corpus (this session's held-out texts
left out, never opened: :func:`sample`).

``kb bench obligations [CORPUS_DIR]`` (or ``python3 -m kb.dev.bench_obligations [CORPUS_DIR]
[--limit N] [--against REV] [--rounds N] [--chunk N]``).  The figure is the extraction time of the sample (CPU
seconds, the layer cache off so the work is timed and not a read of what an earlier run kept).  The baseline is the
extractor of revision ``REV`` (default: the commit before issue 11's duty-by-duty extraction, whose figure the issue
asks to stay within 1.5×), measured in the same run on the same texts: each side runs in a process of its own, from
``git archive`` of its revision, both parse the sample once and then take turns, text by text (``--chunk``), the order
alternating (now/base, base/now …), over ``--rounds`` passes of the whole sample, so that the machine's load weighs on
both alike.  Printed: each side's best pass, the ratio of the bests, and each round's ratio with their median and
range — the noise a single round carries.  Without git (or that revision) the figure is shown with no ratio: the one
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
#: rounds: in each, each side extracts the whole sample once. One round's ratio strays 20% and more at the machine's
#: usual load (README "Speed, third pass"); the ratio of the bests and the rounds' spread are what is read
ROUNDS = 3
#: texts a side extracts before the other side takes its turn: the other users' load moves in bursts of seconds to
#: minutes, so a side timed over a whole pass (~10 s) while the other is timed over the next meets another load. Measured
#: on the sample, six rounds each (README "The bench, alternating"): the rounds' ratios spread 1.58–1.97x taking turns
#: every whole pass, 1.53–1.71x and 1.55–1.76x every 8 texts, 1.62–1.71x every text
CHUNK = 1

#: a side: runs in a process of its own with one revision's package on PYTHONPATH, parses the sample (argv[1]) once,
#: then answers the caller's commands, a line each, with a JSON line: "clear" (forget the layer cache: a round's first
#: command, so each text is extracted, not read from memory), "x I J" (extract texts I..J-1, the CPU seconds it took),
#: "cached" (extract the whole sample again, kept from the last round: the cost of a second call). kb's own prints go
#: to stderr, so that the answers are the only lines on stdout.
_SIDE = r'''
import json, sys, time
from pathlib import Path
from kb.text.parse import parse_file
from kb.layers.actors import load_registry
from kb.layers.obligations import extract
from kb.layers.obligations import layer
answer, sys.stdout = sys.stdout, sys.stderr
def say(**kw):
    answer.write(json.dumps(kw) + "\n")
    answer.flush()
files = [Path(f) for f in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if f]
t0 = time.process_time()
docs = []
for f in files:
    try:
        docs.append(parse_file(str(f)))
    except Exception:
        docs.append(None)
parse = time.process_time() - t0
reg = load_registry()
read = [d for d in docs if d is not None]
say(texts=len(read), articles=sum(len(d.articles) for d in read), parse_s=parse)
for line in sys.stdin:
    cmd, *args = line.split()
    if cmd == "clear":
        layer._LAYER_CACHE.clear()
        try:
            from kb.layers.cache import clear_memory
            clear_memory()
        except ImportError:
            pass
        say()
        continue
    todo = [d for d in (docs[int(args[0]):int(args[1])] if cmd == "x" else docs) if d is not None]
    t0 = time.process_time()
    n = sum(len(extract(d, reg)) for d in todo)
    say(cpu=time.process_time() - t0, statements=n)
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


class _Side:
    """One revision's extractor in a process of its own (:data:`_SIDE`), kept for the whole run: both sides parse the
    sample once and then take turns (cwd: outside any project, so both read the same lexicon)."""

    def __init__(self, src: Path, root: Path, files: list[Path], cwd: str, name: str):
        env = dict(os.environ, PYTHONPATH=str(src), KB_LAYER_CACHE="off", KB_SHARED=str(root.parents[1]))
        listed = Path(cwd) / "sample.txt"
        listed.write_text("".join(f"{f}\n" for f in files), encoding="utf-8")
        self._err = open(Path(cwd) / f"{name}.err", "w+", encoding="utf-8")
        self._proc = subprocess.Popen([sys.executable, "-c", _SIDE, str(listed)], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=self._err, text=True, env=env, cwd=cwd)
        self.info = self._answer()

    def _answer(self) -> dict:
        line = self._proc.stdout.readline()
        if not line:
            self._proc.wait()
            self._err.seek(0)
            err = self._err.read().strip()
            raise RuntimeError(err.splitlines()[-1] if err else "failed")
        return json.loads(line)

    def ask(self, *command) -> dict:
        self._proc.stdin.write(" ".join(map(str, command)) + "\n")
        self._proc.stdin.flush()
        return self._answer()

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.stdin.close()
            self._proc.wait()
        self._err.close()


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


def orders(rounds: int, chunks: int, sides: tuple[str, ...] = (NOW, BASE)) -> list[list[tuple[str, ...]]]:
    """The order the sides take each chunk in, round by round: round 0 as given then reversed chunk by chunk (now/base,
    base/now, now/base …), round 1 starting reversed, and so on. A side timed second inherits what the first left on
    the machine (its caches, the clock it set, a burst of other users' load); alternating spreads that over both
    sides instead of charging it to one."""
    return [[sides if (r + c) % 2 == 0 else sides[::-1] for c in range(chunks)] for r in range(rounds)]


def alternate(measure, rounds: int, chunks: int, sides: tuple[str, ...] = (NOW, BASE)) -> list[dict]:
    """``measure(side, chunk)`` (CPU seconds) for each side and chunk of each round, in :func:`orders`; one record a
    round: the order of its first chunk and each side's CPU seconds over the round's chunks."""
    out = []
    for order in orders(rounds, chunks, sides):
        cpu = dict.fromkeys(sides, 0.0)
        for c, turn in enumerate(order):
            for side in turn:
                cpu[side] += measure(side, c)
        out.append({"first": list(order[0]), **cpu})
    return out


def _ratio(now: float, base: float) -> float:
    return now / base if base else float("inf")


def spread(rounds: list[dict]) -> dict:
    """The ratio now/baseline of each round, its median and its range (min, max): how far one round's figure can
    stray from another's."""
    ratios = [_ratio(r[NOW], r[BASE]) for r in rounds]
    return {"ratios": ratios, "median": statistics.median(ratios), "min": min(ratios), "max": max(ratios)}


def _measure(sides: dict[str, _Side], files: int, rounds: int, chunk: int) -> tuple[list[dict], dict[str, int]]:
    """The rounds over the sample (:func:`alternate`), each round's first turn clearing what a side kept from the
    last; and the statements each side read in a round."""
    statements = dict.fromkeys(sides, 0)

    def measure(side: str, c: int) -> float:
        if c == 0:
            sides[side].ask("clear")
            statements[side] = 0
        res = sides[side].ask("x", c * chunk, (c + 1) * chunk)
        statements[side] += res["statements"]
        return res["cpu"]

    return alternate(measure, rounds, -(-files // chunk), tuple(sides)), statements


def run(corpus_dir: str | None = None, limit: int = 200, against: str | None = BASELINE_REV, rounds: int = ROUNDS,
        chunk: int = CHUNK) -> dict:
    from kb.dev import paths
    from kb.dev.bench_parse import default_corpus

    root = Path(corpus_dir) if corpus_dir else default_corpus()
    files = sample(root, limit)
    if not files:
        print(paths.missing(root), file=sys.stderr)
        return {"ok": False}
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        base_src = paths.checkout_src(against, Path(tmp)) if against else None
        srcs = {NOW: paths.REPO / "src", BASE: base_src} if base_src else {NOW: paths.REPO / "src"}
        t0 = time.perf_counter()
        sides: dict[str, _Side] = {}
        try:
            for name, src in srcs.items():
                sides[name] = _Side(src, root, files, tmp, name)
            done, statements = _measure(sides, len(files), rounds, chunk)
            figures = {name: {**side.info, "statements": statements[name], "extract_s": min(r[name] for r in done)}
                       for name, side in sides.items()}
            figures[NOW]["cached_s"] = sides[NOW].ask("cached")["cpu"]
        finally:
            for side in sides.values():
                side.close()
        floor = _floor(root, files, tmp)
        wall = time.perf_counter() - t0
    now, base = figures[NOW], figures.get(BASE)
    ratio = _ratio(now["extract_s"], base["extract_s"]) if base else None
    noise = spread(done) if base else None
    _report(now, base, against, ratio, done, floor, chunk)
    print(f"          ({wall:.0f} s wall in all)")
    return {"ok": True, "ratio": ratio, "now": now, "baseline": base, "one_pass": floor, "chunk": chunk,
            "rounds": done, "round_ratios": noise["ratios"] if noise else None,
            "median": noise["median"] if noise else None, "spread": [noise["min"], noise["max"]] if noise else None}


def _x(ratios: list[float]) -> str:
    return " ".join(f"{r:.2f}x" for r in ratios)


def _report(now: dict, base: dict | None, against: str | None, ratio: float | None, done: list[dict], floor: dict,
            chunk: int) -> None:
    """The figures as the README shows them: the ratio of the sides' bests, then each round's ratio, their median
    and range, so that a reader sees how far one round strays from another."""
    print(f"texts {now['texts']}, articles {now['articles']}, statements {now['statements']}"
          + (f" (before: {base['statements']})" if base else ""))
    first = ", ".join("/".join("now" if side == NOW else "base" for side in r["first"]) for r in done)
    print(f"rounds    {len(done)}, each side in a process of its own, taking turns every {chunk} texts; the first "
          f"turn {first}")
    if base:
        noise = spread(done)
        print(f"baseline  extraction at {against:12} {base['extract_s']:7.2f} s CPU  (best of the rounds; same texts)")
        print(f"figure    extraction now         {now['extract_s']:7.2f} s CPU  ({ratio:.2f}x the baseline, the "
              f"ratio of the bests; goal ≤ {GOAL}x)")
        print(f"          each round             {_x(noise['ratios'])}  (median {noise['median']:.2f}x, spread "
              f"{noise['min']:.2f}–{noise['max']:.2f}x: what one round alone could have read)")
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
    parser.add_argument("--chunk", type=positive, default=CHUNK)
    args = parser.parse_args(argv)
    return 0 if run(args.corpus, args.limit, args.against, args.rounds, args.chunk).get("ok") else 1


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
