"""``kb score-repeat``: the ``upper-repeat`` check against the hand annotations of repetition of upper
law (tests/data/related/repeat-*.yml: the seed and five local regulations, annotated before the check
existed).  Per text and overall: precision, recall and F1 of the articles reported as repetitions,
and how many of the right ones name (one of) the annotated upper provisions."""
from __future__ import annotations

from pathlib import Path

import click



def score(root: Path, files: list[Path], lib=None, threshold: float | None = None) -> dict:
    from kb.library.annotations import read_annotations
    from kb.library.related import load_library
    from kb.library.repeat import THRESHOLD, repetitions
    from kb.project import list_regulations

    regs = list_regulations(root)
    lib = lib or load_library(root)
    out = {}
    for f in files:
        ann = read_annotations(f, regs)
        reg = next(r for r in regs if r.id == ann.regulation)
        found = repetitions(lib, reg.id, reg.versions[-1].name, THRESHOLD if threshold is None else threshold)
        got = {r.entry.node.number: r for r in found}
        gold = set(ann.repeats)
        tp = got.keys() & gold
        same_upper = sum(1 for a in tp if {(u.entry.reg.id, u.entry.label) for u in got[a].upper} & ann.repeats[a])
        out[f.name] = {"regulation": reg.id, "tp": len(tp), "fp": len(got.keys() - gold), "fn": len(gold - got.keys()),
                       "same_upper": same_upper, "found": found, "gold": gold}
    tot = {k: sum(v[k] for v in out.values()) for k in ("tp", "fp", "fn", "same_upper")}
    out["总计"] = tot
    from kb.dev.related_agreement import prf

    for v in out.values():
        v["P"], v["R"], v["F1"] = prf(v["tp"], v["fp"], v["fn"])
    return out


@click.command("score-repeat")
@click.option("--data", "data_dir", default=None, type=click.Path(file_okay=False), metavar="目录",
              help="标注目录（默认 tests/data/related）")
@click.option("-v", "--verbose", is_flag=True, help="列出每个文本找到的重复条文")
@click.pass_context
def score_cmd(ctx, data_dir, verbose):
    """重复上位法检查（upper-repeat）对人工标注的 P/R/F1：种子和 5 部地方性法规。"""
    from kb.cli.core import project_root
    from kb.outputs.formats import table

    from kb.dev.score_related import _f, annotation_files

    root = project_root(ctx)
    res = score(root, annotation_files(root, data_dir, "repeat-*.yml", "重复上位法"))
    rows = [[name, v.get("regulation", ""), v["tp"], v["fp"], v["fn"], _f(v["P"]), _f(v["R"]), _f(v["F1"]),
             v["same_upper"]] for name, v in res.items()]
    click.echo(table(["标注", "法规", "对", "错报", "漏报", "P", "R", "F1", "上位条文一致"], rows))
    if verbose:
        for name, v in res.items():
            for r in v.get("found", []):
                ok = "✓" if r.entry.node.number in v["gold"] else "✗"
                ups = "、".join(f"{u.entry.reg.short_title or u.entry.reg.id}{u.entry.label}" for u in r.upper[:2])
                click.echo(f"{ok} {v['regulation']} {r.entry.label} {r.share:.0%} ← {ups}")

