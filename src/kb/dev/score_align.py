"""Score article alignment against hand-made gold files (tests/data/diff/*.tsv).

    python3 -m kb.dev.score_align [GOLD.tsv ...]

Each gold file names its two texts (``# old: path`` / ``# new: path``, relative to
``../shared/corpus/lawrefbook``) and lists one link a line: ``old<TAB>new`` (labels as
written).  Precision, recall and F1 are computed over links, for kb.align and for the
two baselines measured in the same run: pairing by article number (eRegulations,
Indigo) and greedy one-to-one matching of the most similar texts.
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


def score(paths: list[Path], out=sys.stdout) -> dict:
    from kb.text.parse import parse_file

    totals: dict[str, list[int]] = {}
    results = {}
    for path in paths:
        o, n, gold = read_gold(path)
        old_doc, new_doc = parse_file(str(CORPUS / o)), parse_file(str(CORPUS / n))
        print(f"\n{path.name}: {len(old_doc.articles)} → {len(new_doc.articles)} 条，金标准链接 {len(gold)}", file=out)
        print(f"  {'system':24} {'P':>6} {'R':>6} {'F1':>6}   links", file=out)
        for name, pred in systems(old_doc, new_doc).items():
            p, r, f = prf(pred, gold)
            t = totals.setdefault(name, [0, 0, 0])
            t[0] += len(pred & gold)
            t[1] += len(pred)
            t[2] += len(gold)
            results[(path.name, name)] = (p, r, f)
            print(f"  {name:24} {p:6.3f} {r:6.3f} {f:6.3f}   {len(pred)}", file=out)
    print("\nmicro-average over all gold files:", file=out)
    print(f"  {'system':24} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for name, (tp, np_, ng) in totals.items():
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        results[("micro", name)] = (p, r, f)
        print(f"  {name:24} {p:6.3f} {r:6.3f} {f:6.3f}", file=out)
    return results


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not CORPUS.exists():
        print(f"参考资料不存在：{CORPUS}", file=sys.stderr)
        return 2
    paths = [Path(a) for a in argv] or sorted(DATA.glob("*.tsv"))
    score(paths)
    return 0


@click.command("score-align")
@click.argument("gold", nargs=-1, type=click.Path(dir_okay=False))
def score_cmd(gold):
    """用 tests/data/diff 的人工对齐给条文对齐打分（P/R/F1，与按条号、贪心对齐对比）。GOLD 默认为全部。"""
    rc = main(list(gold))
    if rc:
        raise click.exceptions.Exit(rc)


if __name__ == "__main__":
    sys.exit(main())
