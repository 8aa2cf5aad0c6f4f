"""Score the obligation extractor against hand annotations in ``tests/data/obligations``.

Prints precision, recall and F1 over (article, actor, modality) and over (article, paragraph,
item, actor, modality).  Actors are matched through the registry (aliases, a department's level
prefix split off); statements without an actor are not scored.

    python3 -m kb.dev.score_obligations            # every annotated file
    python3 -m kb.dev.score_obligations seed -v    # one file, with the differences
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import click

from kb.dev import paths

DATA = paths.DATA / "obligations"




@dataclass
class Score:
    name: str
    tp: int
    fp: int
    fn: int

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def load_gold(path: Path):
    import yaml

    from kb.errors import KbError
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise KbError(f"YAML 格式错误：{e}", str(path), mark.line + 1 if mark else None) from None
    recs = []
    for art, rows in (data.get("articles") or {}).items():
        for r in rows or []:
            recs.append((art, r[0], r[1], r[2], r[3]))
    return data, recs


def load_doc(data: dict, path: Path):
    from kb.text.parse import parse_file
    if data.get("corpus"):
        f = paths.shared_dir() / "corpus" / "lawrefbook" / data["corpus"]
        if not f.exists():
            return None
        return parse_file(str(f))
    src = paths.REPO / data["source"]
    return parse_file(str(src))


def score_file(path: Path, registry=None):
    """(article-level Score, provision-level Score, false positives, false negatives) or None."""
    from kb.layers.actors import load_registry
    from kb.layers.obligations import extract

    data, gold = load_gold(path)
    doc = load_doc(data, path)
    if doc is None:
        return None
    reg = registry or load_registry(paths.REPO)
    canon = reg.canonical
    g5 = {(str(a), p, i, canon(x), m) for a, p, i, x, m in gold}
    pred = [s for s in extract(doc, reg) if s.actor]
    if data.get("partial"):
        listed = {str(a) for a in data.get("articles") or {}}
        pred = [s for s in pred if str(s.article) in listed]
    p5 = {(str(s.article), s.paragraph, s.item, canon(s.actor), s.modality) for s in pred}
    g3 = {(a, x, m) for a, _, _, x, m in g5}
    p3 = {(a, x, m) for a, _, _, x, m in p5}
    s3 = Score(path.stem, len(g3 & p3), len(p3 - g3), len(g3 - p3))
    s5 = Score(path.stem, len(g5 & p5), len(p5 - g5), len(g5 - p5))
    return s3, s5, sorted(p5 - g5, key=_k), sorted(g5 - p5, key=_k), len(data.get("articles") or {})


def _k(t):
    a = t[0]
    return (int(a.split("-")[0]) if a.split("-")[0].isdigit() else 0, str(t))


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    names = [a for a in args if not a.startswith("-")]
    files = sorted(DATA.glob("*.yml"))
    if names:
        files = [f for f in files if f.stem in names]
    if not files:
        print("没有标注文件", file=sys.stderr)
        return 1
    print(f"{'file':28} {'articles':>8}  {'measure':24} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn")
    for f in files:
        r = score_file(f)
        if r is None:
            print(f"{f.stem:28} skipped: corpus file not found under {paths.shared_dir()}")
            continue
        s3, s5, fps, fns, n = r
        for label, s in (("(art, actor, modality)", s3), ("(art, para, item, actor, mod)", s5)):
            print(f"{f.stem:28} {n:>8}  {label:24} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}  {s.tp}/{s.fp}/{s.fn}")
        if verbose:
            for t in fps:
                print("   FP", t)
            for t in fns:
                print("   FN", t)
    return 0


@click.command("score-obligations")
@click.argument("names", nargs=-1)
@click.option("--verbose", "-v", is_flag=True, help="列出多报（FP）和漏报（FN）")
def score_cmd(names, verbose):
    """用 tests/data/obligations 的人工标注给义务抽取打分（P/R/F1）。"""
    rc = main(list(names) + (["-v"] if verbose else []))
    if rc:
        raise click.exceptions.Exit(rc)


if __name__ == "__main__":
    sys.exit(main())
