"""Retrieval recall of 同类立法 alone: where the catalog's retrieval puts the acceptable peers (issue 14).

    python3 -m kb.dev.peer_recall [--show N]

For each annotated article of the tuning files (those ``kb score-related`` scores and those of ``outside-kb/``, each
text asked of a copy of the library extended with it, as ``python3 -m kb.dev.related_cv related`` asks it) whose
同类立法 annotation names acceptable provisions: the rank of the first acceptable one in the list the retrieval returns
before the cut at ``kb.library.related.CANDIDATES`` (``Library.retrieved``: every 同类立法 article the article's rare
bigrams reach, by summed weight), and in kb's ranking of those it keeps (relevance, no threshold). Printed: recall at
1, 3, 5, 10, 15, 30, 50, 100 and "reached at all" for the retrieval, and the same for the ranking; then the articles
whose acceptable peers all lie beyond the cut, each with what the pair shares (``--show N``: the first N of them with
both texts, to read and classify by hand; tests/data/related/README.md "Twenty-seventh round of tuning (engineer 14b)"
gives the classes).

The misses are described by what kb knows of the pair: whether the two regulations pass the shared-subject gate
(SHARED_SUBJECT: an acceptable peer beyond the gate is no answer whatever its rank — since the eighteenth session
unless neither article is a frame article, ACROSS), the share of actors their duties
name in common (ACTORS), the rare bigrams the two share and how many regulations' articles (the posting lists) hold
them, and the article's heaviest rare bigrams that reach no acceptable peer.
"""
from __future__ import annotations

import sys
from pathlib import Path

CUTS = (1, 3, 5, 10, 15, 30, 50, 100)


def peer_ranks(root: Path, outside: bool = True) -> list[dict]:
    """One row per annotated (article, 同类立法) with acceptable provisions: file, article, the entry and its library,
    the acceptable keys, ``retrieved`` (the rank of the first acceptable one in the retrieval before the cut, None when
    not reached), ``reached`` (how many peers the retrieval reached) and ``ranked`` (its rank in kb's ranking of the
    CANDIDATES best retrieved, relevance without threshold; None when not among them)."""
    from kb.dev.related_cv import outside_kb_annotated, tuning_files
    from kb.dev.score_related import annotated
    from kb.library.related import load_library

    lib = load_library(root)
    groups = [(lib, annotated(root, tuning_files(root, "related-*.yml"), lib))]
    if outside:
        groups += outside_kb_annotated(root, lib)
    return [row for lib_, items in groups for row in _rows(lib_, items)]


def _rows(lib, items) -> list[dict]:
    from kb.library.annotations import NONE
    from kb.library.related import CANDIDATES

    out = []
    for f, ann, art, e, kinds in items:
        gold = kinds.get("peer")
        if gold is None or gold == NONE:
            continue
        found = lib.retrieved(e, ("peer",)).get("peer", [])
        keys = [(lib.entries[j].reg.id, lib.entries[j].label) for _, j in found]
        rank = next((i + 1 for i, k in enumerate(keys) if k in gold), None)
        ranked = [(r.entry.reg.id, r.entry.label) for r in lib.related(e, kinds=("peer",), limit=CANDIDATES, marks=False,
                                                                      thresholds=None, follow=False)]
        out.append({"file": f.name, "article": art, "entry": e, "lib": lib, "gold": gold, "retrieved": rank,
                    "reached": len(found), "ranked": next((i + 1 for i, k in enumerate(ranked) if k in gold), None)})
    return out


def recall(rows: list[dict], key: str) -> dict:
    """cut -> the share of ``rows`` whose ``key`` rank is within it (and "all": reached at all)."""
    n = len(rows) or 1
    out = {c: sum(1 for r in rows if r[key] and r[key] <= c) / n for c in CUTS}
    out["all"] = sum(1 for r in rows if r[key]) / n
    return out


def describe(row: dict) -> dict:
    """What kb knows of an article and its acceptable peers beyond the cut (for the best-placed acceptable one): the
    gate, the actors shared, the rare bigrams shared (with their posting-list lengths) and the article's heaviest rare
    bigrams."""
    lib, e = row["lib"], row["entry"]
    peers = [b for b in lib.entries if (b.reg.id, b.label) in row["gold"]]
    best = None
    for b in peers:
        shared = sorted((g for g in e.vec if g in b.vec and g in lib._weighted), key=lambda g: -e.vec[g] * b.vec[g])
        score = sum(e.vec[g] * b.vec[g] for g in shared)
        if best is None or score > best[0]:
            best = (score, b, shared)
    if best is None:
        return {"peer": None}
    score, b, shared = best
    top = sorted((g for g in e.vec if g in lib._weighted), key=lambda g: -e.vec[g])[:12]
    return {"peer": b, "gate": lib.regs_share_subject("peer", e.reg.id, b.reg.id),
            "actors": lib.shared_actors(e, b), "score": score,
            "shared": [(g, len(lib._weighted[g][0])) for g in shared[:12]],
            "top": [(g, len(lib._weighted[g][0])) for g in top]}


def report(rows: list[dict], show: int = 0, out=sys.stdout) -> None:
    from kb.library.related import CANDIDATES

    print(f"同类立法有可接受答案的条 {len(rows)}", file=out)
    for key, name in (("retrieved", "检索（截断前）"), ("ranked", f"kb 的排序（{CANDIDATES} 个候选内）")):
        r = recall(rows, key)
        print(f"  {name}: " + "  ".join(f"@{c} {r[c]:.3f}" for c in CUTS) + f"  找到 {r['all']:.3f}", file=out)
    beyond = [r for r in rows if not r["retrieved"] or r["retrieved"] > CANDIDATES]
    print(f"可接受的同类立法都在检索的前 {CANDIDATES} 个之外 {len(beyond)}"
          f"（未检索到 {sum(1 for r in beyond if not r['retrieved'])}）", file=out)
    gated = 0
    for i, r in enumerate(sorted(beyond, key=lambda r: (r["file"], str(r["article"])))):
        d = describe(r)
        gated += d["peer"] is not None and not d["gate"]
        if i >= show or d["peer"] is None:
            continue
        e, b = r["entry"], d["peer"]
        print(f"\n== {r['file']} {r['article']}  检索名次 {r['retrieved']}/{r['reached']}  门槛 {'过' if d['gate'] else '不过'}"
              f"  主体重合 {d['actors']:.2f}  共有罕见二元组得分 {d['score']:.3f}", file=out)
        print(f"  本条：{e.text[:300]}", file=out)
        print(f"  同类：{b.reg.title} {b.label}：{b.text[:300]}", file=out)
        print(f"  共有：{' '.join(f'{g}({n})' for g, n in d['shared'])}", file=out)
        print(f"  本条最重：{' '.join(f'{g}({n})' for g, n in d['top'])}", file=out)
    print(f"\n其中所在法规过不了主题门槛的 {gated}", file=out)


def main(argv=None) -> int:
    import argparse

    from kb.dev.paths import REPO

    ap = argparse.ArgumentParser(prog="python3 -m kb.dev.peer_recall", description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", type=int, default=0, help="print the first N misses beyond the cut with both texts")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    report(peer_ranks(REPO), args.show)
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
