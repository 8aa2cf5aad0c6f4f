"""How far two hand alignments of the same version pair agree, by the measure ``kb score-align`` uses.

The alignment goal (F1 ≥ 0.99 on unseen pairs) only means something beside the agreement of two
careful annotators: a link one of them draws and the other does not is a reading the guide leaves
open, and no aligner can score above that.  One file is the reference (A), the other is read as if
it were kb's answer (B); swapping them swaps P and R, F1 is the same.

    python3 -m kb.dev.align_agreement A.tsv B.tsv [-v]
    python3 -m kb.dev.align_agreement --all [-v]     # every tests/data/diff/agreement/<name>.tsv with ../<name>.tsv

Pairs are pooled by summing their links (as ``kb score-align`` micro-averages).  ``-v`` lists the
links only one annotator drew.  Neither file is compared with kb: no text is parsed.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kb.dev.agreement import run_report, same_name_pairs
from kb.dev.score_align import DATA, prf, read_gold

AGREEMENT = DATA / "agreement"


def compare(path_a: Path, path_b: Path) -> tuple[set, set, set]:
    """(links both drew, links only A drew, links only B drew); the two files must name the same pair."""
    old_a, new_a, a = read_gold(path_a)
    old_b, new_b, b = read_gold(path_b)
    if (old_a, new_a) != (old_b, new_b):
        raise ValueError(f"{path_b}: 与 {path_a.name} 标注的不是同一对版本（# old / # new 不同）")
    return a & b, a - b, b - a


def report(pairs: list[tuple[Path, Path]], verbose: bool = False, out=None) -> tuple[float, float, float]:
    """Print each pair's P/R/F1 of B against A and the pooled figure; return the pooled (P, R, F1)."""
    out = out or sys.stdout
    tp = na = nb = 0
    for path_a, path_b in pairs:
        both, only_a, only_b = compare(path_a, path_b)
        p, r, f = prf(both | only_b, both | only_a)
        tp, na, nb = tp + len(both), na + len(both) + len(only_a), nb + len(both) + len(only_b)
        print(f"{path_a.name} / {path_b.name}: A {len(both) + len(only_a)} 条链接，B {len(both) + len(only_b)}，"
              f"共同 {len(both)}   P {p:.3f} R {r:.3f} F1 {f:.3f}", file=out)
        if verbose:
            for what, links in (("只有 A", only_a), ("只有 B", only_b)):
                for o, n in sorted(links):
                    print(f"    {what}: {o} → {n}", file=out)
    p = tp / nb if nb else 0.0
    r = tp / na if na else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if len(pairs) > 1:
        print(f"合计（{len(pairs)} 对，链接数相加）: P {p:.3f} R {r:.3f} F1 {f:.3f}", file=out)
    return p, r, f


def agreement_pairs() -> list[tuple[Path, Path]]:
    """Every second annotation in tests/data/diff/agreement/ with the first one of the same name."""
    return same_name_pairs(DATA, AGREEMENT, "*.tsv")


def main(argv=None) -> int:
    return run_report(argv, agreement_pairs, "python3 -m kb.dev.align_agreement A.tsv B.tsv [A2.tsv B2.tsv …] [-v]"
                      " | --all [-v]", AGREEMENT, report)


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
