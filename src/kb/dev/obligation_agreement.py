"""How far two hand annotations of the same text agree, by the measures ``kb score-obligations`` uses.

The accuracy goal of the obligation extractor only means something beside the agreement of two careful
annotators: where they differ, the guide leaves room, and no extractor can score above that. One file
is the reference (A), the other is read as if it were kb's answer (B); the figures are symmetric up to
swapping P and R.

    python3 -m kb.dev.obligation_agreement A.yml B.yml [-v]
    python3 -m kb.dev.obligation_agreement A1.yml B1.yml A2.yml B2.yml …   # each pair, then pooled
    python3 -m kb.dev.obligation_agreement --all          # every agreement/<name>-second.yml with <name>.yml

Pooling sums the counts of the pairs (as ``kb score-obligations`` pools its files), so a long text
weighs by its records, not one vote per text.
"""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from kb.dev import paths
from kb.dev.agreement import pairs_from_args
from kb.dev.score_obligations import Score, actor_key, expand_action, load_doc, load_gold_file, match_duties


def agreement(path_a: Path, path_b: Path) -> dict:
    """{"s3", "s5", "duty": Score, "only_a", "only_b": sorted (article, actor, modality) keys}."""
    from kb.errors import KbError
    from kb.layers.actors import load_registry

    a, b = load_gold_file(path_a), load_gold_file(path_b)
    if (a.data.get("corpus"), a.data.get("source")) != (b.data.get("corpus"), b.data.get("source")):
        raise KbError("两个标注文件标注的不是同一个文本（corpus/source 不同）", str(path_b))
    doc = load_doc(a.data, path_a)
    if doc is None:
        raise KbError(f"找不到语料文本（{paths.shared_dir()}）", str(path_a))
    canon = actor_key(load_registry(paths.REPO))

    def keys5(g):
        return {(d.article, d.p, d.i, canon(d.actor), d.m) for d in g.duties}

    ka, kb_ = keys5(a), keys5(b)
    k3a, k3b = {(x, y, z) for x, _, _, y, z in ka}, {(x, y, z) for x, _, _, y, z in kb_}

    def article_text(article: str) -> str:
        node = doc.get(f"art_{article}")
        return node.full_text() if node is not None else ""

    # B's duties stand where kb's records would: the matcher expands A's …… against the same text
    pred = [SimpleNamespace(article=d.article, paragraph=d.p, item=d.i, actor=d.actor, modality=d.m,
                            eid=d.article, action=expand_action(d.action or "", article_text(d.article)),
                            deadline=d.limit) for d in b.duties]
    matched, _ = match_duties(a.duties, pred, canon, article_text)
    return {"s3": Score("(art, actor, mod)", len(k3a & k3b), len(k3b - k3a), len(k3a - k3b)),
            "s5": Score("(art, para, item, actor, mod)", len(ka & kb_), len(kb_ - ka), len(ka - kb_)),
            "duty": Score("duty", matched, len(pred) - matched, len(a.duties) - matched),
            "only_a": sorted(k3a - k3b), "only_b": sorted(k3b - k3a)}


MEASURES = ("s3", "s5", "duty")


def pooled(results: list[dict]) -> dict[str, Score]:
    """The pairs' counts summed per measure (a pooled figure, not a mean of per-text F1)."""
    out = {}
    for k in MEASURES:
        out[k] = Score(results[0][k].name, sum(r[k].tp for r in results), sum(r[k].fp for r in results),
                       sum(r[k].fn for r in results))
    return out


def second_copies() -> list[tuple[Path, Path]]:
    """(reference, second annotation) for every agreement/<name>-second.yml in the repository."""
    base = paths.DATA / "obligations"
    return [(base / (f.stem.removesuffix("-second") + ".yml"), f)
            for f in sorted((base / "agreement").glob("*-second.yml"))]


def _print_scores(res: dict) -> None:
    print(f"{'measure':30} {'A':>4} {'B':>4} {'both':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for k in MEASURES:
        s = res[k]
        print(f"{s.name:30} {s.tp + s.fn:>4} {s.tp + s.fp:>4} {s.tp:>5} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}")


def main(argv=None) -> int:
    from kb.errors import KbError
    args = sys.argv[1:] if argv is None else argv
    pairs = pairs_from_args(args, second_copies, "python3 -m kb.dev.obligation_agreement A.yml B.yml [A2.yml B2.yml …] [-v]"
                            " | --all", paths.DATA / "obligations" / "agreement")
    if isinstance(pairs, int):
        return pairs
    results = []
    for a, b in pairs:
        try:
            res = agreement(a, b)
        except KbError as e:
            print(e, file=sys.stderr)
            return 2
        results.append(res)
        print(f"A = {a}\nB = {b}")
        _print_scores(res)
        if "-v" in args:
            for t in res["only_a"]:
                print(f"   only A {t}")
            for t in res["only_b"]:
                print(f"   only B {t}")
        print()
    if len(results) > 1:
        print(f"pooled over {len(results)} pairs")
        _print_scores(pooled(results))
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
