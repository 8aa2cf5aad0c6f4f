"""Score article alignment against hand-made gold files (tests/data/diff/*.tsv).

    python3 -m kb.dev.score_align [--tuned | --held-out] [-v] [GOLD.tsv ...]

Each gold file names its two texts (``# old: path`` / ``# new: path``, relative to
``../shared/corpus/lawrefbook``) and lists one link a line: ``old<TAB>new`` (labels as
written).  Precision, recall and F1 are computed over links, for kb.align and for the
two baselines measured in the same run: pairing by article number (eRegulations,
Indigo) and greedy one-to-one matching of the most similar texts.

A gold file whose header says it is *held out* (``# set: held-out``, or a header calling it held
out: annotated before kb's output was seen, and no alignment rule tuned on it) is scored apart:
the tuned files' micro-average first, then the held-out files' on their own, so a figure tuned
on is never mixed with one that was not.  Once scored, a held-out file becomes tuning
(``# set: tuning``) and its header keeps the figure it had.
``--tuned`` scores only the tuned files (what to run while changing the alignment).
``-v`` lists, for each tuned file, kb's missed gold links (漏) and its wrong links (错) with their
cosine, to classify the errors; a held-out file's links are never listed (they would be read before
it is scored once, and a rule would be written on them).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click
from kb.dev import paths

ROOT = paths.REPO
DATA = ROOT / "tests" / "data" / "diff"
SHARED = paths.shared_dir()
CORPUS = SHARED / "corpus" / "lawrefbook"


def read_gold(path: Path) -> tuple[str, str, set[tuple[str, str]]]:
    old = new = None
    links = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# old:"):
            old = line.split(":", 1)[1].strip()
        elif line.startswith("# new:"):
            new = line.split(":", 1)[1].strip()
        elif line.strip() and not line.startswith("#"):
            o, n = line.split("\t")
            links.add((o.strip(), n.strip()))
    if not old or not new:
        raise ValueError(f"{path}: gold file needs '# old:' and '# new:' lines")
    return old, new, links


def held_out(path: Path) -> bool:
    """Is this gold file held out?  A ``# set: tuning`` or ``# set: held-out`` line says so
    outright (a pair that was held out and has been scored becomes tuning, and its header still
    tells that story); without one, a header that calls the file held out (held out, held-out, 留出)."""
    header = [line[1:].strip().lower() for line in path.read_text(encoding="utf-8").splitlines()
              if line.startswith("#")]
    for line in header:
        if line.startswith("set:"):
            return line.split(":", 1)[1].strip() in ("held-out", "held out")
    return any(w in line for line in header for w in ("held out", "held-out", "留出"))


def prf(pred: set, gold: set) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def systems(old_doc, new_doc) -> dict[str, set[tuple[str, str]]]:
    from kb.compare.align import align
    from kb.compare.baselines import align_greedy, align_numbers

    lab_o = {a.eid: a.label for a in old_doc.articles}
    lab_n = {a.eid: a.label for a in new_doc.articles}
    al = align(old_doc, new_doc)
    ours = {(al.old[l.old].label, al.new[l.new].label) for l in al.links
            if l.old is not None and l.new is not None}
    return {
        "number (baseline)": {(lab_o[o], lab_n[n]) for o, n in align_numbers(old_doc, new_doc)},
        "greedy 1:1 (baseline)": {(lab_o[o], lab_n[n]) for o, n in align_greedy(old_doc, new_doc)},
        "kb.compare.align": ours,
    }


def _errors(old_doc, new_doc, pred: set, gold: set, out) -> None:
    """Print kb's missed and wrong links of one pair, each with the two articles' cosine."""
    from kb.compare.similarity import cosine, units, weigh

    old_units, new_units = units(old_doc), units(new_doc)
    weigh(old_units, new_units)
    uo = {u.label: u for u in old_units}
    un = {u.label: u for u in new_units}

    def cos(o, n):
        return f"{cosine(uo[o], un[n]):.2f}" if o in uo and n in un else "  ? "
    for what, links in (("漏", gold - pred), ("错", pred - gold)):
        for o, n in sorted(links, key=lambda l: (_num(l[0]), _num(l[1]))):
            print(f"    {what} {o} → {n}  cos {cos(o, n)}", file=out)


def _num(label: str) -> int:
    from kb.text.numerals import parse_numeral
    try:
        return parse_numeral(label.strip("第条"))
    except ValueError:      # a label that is not 第…条: sorted first
        return 0


def score(paths: list[Path], out=sys.stdout, verbose: bool = False) -> dict:
    """Score every gold file; print each, then the micro-average of the tuned files and, apart,
    of the held-out ones.  Results: (file, system) and ("micro"|"micro held-out", system) ->
    (P, R, F1)."""
    from kb.text.parse import parse_file

    groups = {"tuned": [p for p in paths if not held_out(p)], "held-out": [p for p in paths if held_out(p)]}
    results = {}
    for group, files in groups.items():
        if not files:
            continue
        totals: dict[str, list[int]] = {}
        if group == "held-out":
            print("\n==== held out（标注时未看 kb 的输出，对齐规则未在其上调整）====", file=out)
        for path in files:
            o, n, gold = read_gold(path)
            old_doc, new_doc = parse_file(str(CORPUS / o)), parse_file(str(CORPUS / n))
            print(f"\n{path.name}: {len(old_doc.articles)} → {len(new_doc.articles)} 条，金标准链接 {len(gold)}",
                  file=out)
            print(f"  {'system':24} {'P':>6} {'R':>6} {'F1':>6}   links", file=out)
            for name, pred in systems(old_doc, new_doc).items():
                p, r, f = prf(pred, gold)
                t = totals.setdefault(name, [0, 0, 0])
                t[0] += len(pred & gold)
                t[1] += len(pred)
                t[2] += len(gold)
                results[(path.name, name)] = (p, r, f)
                print(f"  {name:24} {p:6.3f} {r:6.3f} {f:6.3f}   {len(pred)}", file=out)
            if verbose and group == "tuned":
                _errors(old_doc, new_doc, pred, gold, out)
        key = "micro" if group == "tuned" else "micro held-out"
        what = "the tuned gold files" if group == "tuned" else "the held-out gold files"
        print(f"\nmicro-average over {what} ({len(files)}):", file=out)
        print(f"  {'system':24} {'P':>6} {'R':>6} {'F1':>6}", file=out)
        for name, (tp, np_, ng) in totals.items():
            p = tp / np_ if np_ else 0.0
            r = tp / ng if ng else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            results[(key, name)] = (p, r, f)
            print(f"  {name:24} {p:6.3f} {r:6.3f} {f:6.3f}", file=out)
    return results


def gold_files(which: str = "all") -> list[Path]:
    """The gold files: all, only the tuned ones, or only the held-out ones."""
    files = sorted(DATA.glob("*.tsv"))
    if which == "tuned":
        return [f for f in files if not held_out(f)]
    if which == "held-out":
        return [f for f in files if held_out(f)]
    return files


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not CORPUS.exists():
        print(paths.missing(CORPUS), file=sys.stderr)
        return 2
    which = "all"
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    for flag in ("--tuned", "--held-out"):
        if flag in argv:
            argv = [a for a in argv if a != flag]
            which = flag[2:]
    files = [Path(a) for a in argv] or gold_files(which)
    absent = [str(f) for f in files if not f.is_file()]
    if absent:          # a gold file given that is not there: missing input, exit 2
        print(f"错误：标准答案文件不存在：{'、'.join(absent)}", file=sys.stderr)
        return 2
    if not files:
        # say so rather than print nothing: before the held-out pairs are copied in, --held-out has none
        what = {"tuned": "调过规则的", "held-out": "留作检验的"}.get(which, "")
        print(f"{DATA} 中没有{what}标准答案（留作检验的文件头写 # set: held-out）", file=sys.stderr)
        return 1
    score(files, verbose=verbose)
    return 0


@click.command("score-align")
@click.argument("gold", nargs=-1, type=click.Path(dir_okay=False), metavar="[标准答案]...")
@click.option("--tuned", "which", flag_value="tuned", help="只给调整过规则的标准答案打分（修改对齐规则时用）")
@click.option("--held-out", "which", flag_value="held-out", help="只给留作检验的标准答案打分")
@click.option("-v", "--verbose", is_flag=True, help="列出调参答案中 kb 漏掉（漏）和连错（错）的链接及其余弦相似度；留作检验的答案从不列出")
def score_cmd(gold, which, verbose):
    """用 tests/data/diff 的人工对齐给条文对齐打分（P/R/F1，与按条号、贪心对齐对比）。
    标准答案默认为全部；留作检验（held out）的标准答案单独汇总。"""
    rc = main(list(gold) + ([f"--{which}"] if which else []) + (["-v"] if verbose else []))
    if rc:
        raise click.exceptions.Exit(rc)


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
