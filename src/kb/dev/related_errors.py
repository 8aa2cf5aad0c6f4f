"""Where kb's related provisions go wrong on the tuning annotations, by cause (tests/data/related/README.md).

    python3 -m kb.dev.related_errors

Each annotated (article, kind) of the tuning files that kb answers wrong — the files of texts of the knowledge base,
which ``kb score-related`` scores, and those of ``outside-kb/``, each text asked of a copy of the library extended with
it: every fold of ``python3 -m kb.dev.related_cv related`` (since the eighth session of 2026-12-05; the knowledge base's
files alone before) — is put in one class by what kb's own ranking shows: every candidate ranked by relevance with no
threshold (the 15 of ``CANDIDATES``), the threshold of the article, and where the retrieval placed the first acceptable
provision:

P@1 errors —
- ``none→offer``: annotated none, kb offers a provision above its threshold;
- ``nothing``: the annotation has answers, kb offers nothing; by the rank of the first acceptable provision without the
  threshold (1–3: the threshold cut it; 4–15: others rank above it too; gate: among the candidates, but its regulation
  shares no subject with the article's — SHARED_SUBJECT, 同类立法 — and one of the two is a frame article (ACROSS), so
  kb ranks it nowhere; >15: beyond the candidates
  or not retrieved);
- ``first wrong``: kb's first answer is not acceptable — another provision of a law (regulation) the annotation names
  (``same``), or of another one (``other``); by the same ranks.

R@3 misses (articles with answers whose first three answers hold none) —
``threshold`` (an acceptable provision is among the first three without the threshold), ``ranked 4–15``, ``gate``
(among the CANDIDATES best retrieved, but of a regulation the shared-subject gate turns away: 同类立法), ``beyond 15``
(retrieved, but not among the candidates ranked), ``not retrieved``.

Each class is printed with its count and the files it falls in; ``outside`` counts the articles of texts resting on a
law the knowledge base lacks (their 上位法 threshold is raised: OUTSIDE).

The repetition check's misses (tests/data/related/repeat-*.yml and outside-kb/repeat-*.yml, the annotated repeats kb
does not report) by the first
bound of kb.library.repeat they fail: ``no candidate`` (no upper provision above the threshold), ``ground clause`` (a
purpose and ground clause, never reported: kb.library.repeat.ground_clause), ``reworded`` (less than
THRESHOLD of the wording found in the upper provisions), ``too short`` (MIN_REPEATED), ``own figures``
(MAX_OWN_FIGURES), ``own fine`` (a fine of an amount its upper provisions do not state: OWN_FINE), ``local figure`` (a
sentence of its own wording states a quantity its upper provisions lack: LOCAL_SENTENCE), ``referral`` (a reference clause,
…的，由…依法处理, whose closest provision is no referral: REFERRAL), ``spread`` (enough wording,
but no single provision holds MIN_BEST of it, nor two PAIR with
no more than PAIR_REST of it from others, nor three TRIPLE with no more than TRIPLE_REST), ``small part`` (its closest provision holds MIN_BEST of it, but it takes less
than PART of that provision's wording and less than PART_WHOLE of it is upper law's); and whether an annotated
provision is among the check's candidates.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

KIND_NAMES = {"upper": "上位法", "peer": "同类立法"}


def _band(rank: int | None, gated: bool = False) -> str:
    return "1–3" if rank and rank <= 3 else ("4–15" if rank else ("gate" if gated else ">15"))


def classify(root: Path, outside: bool = True) -> dict:
    """kind -> {"p1": {class: [(file, article, outside)]}, "r3": {class: [...]}} over the tuning files: those of texts
    of the knowledge base (the files ``kb score-related`` scores) and, with ``outside``, those of ``outside-kb/`` — each
    text asked of a copy of the library extended with it, as the cross-validation asks it (kb.dev.related_cv), so that
    the classes cover every fold of ``python3 -m kb.dev.related_cv related``."""
    from kb.dev.related_cv import outside_kb_annotated, tuning_files
    from kb.dev.score_related import annotated
    from kb.library.related import load_library

    lib = load_library(root)
    out: dict = {k: {"p1": defaultdict(list), "r3": defaultdict(list)} for k in KIND_NAMES}
    _classify_into(out, lib, annotated(root, tuning_files(root, "related-*.yml"), lib))
    for lib2, items in (outside_kb_annotated(root, lib) if outside else ()):
        _classify_into(out, lib2, items)
    return out


def _classify_into(out: dict, lib, annotated) -> None:
    """Add each annotated (article, kind) of ``annotated`` ((file, Annotated, article, Entry, {kind: acceptable set or
    NONE})) that kb's answers in ``lib`` get wrong to its class in ``out`` (:func:`classify`)."""
    from kb.library.annotations import NONE
    from kb.library.related import CANDIDATES, FOLLOW, ORDER, THRESHOLDS

    for f, ann, art, e, kinds in annotated:
        for kind, gold in kinds.items():
            if kind not in out:
                continue
            ranked = lib.related(e, kinds=(kind,), limit=CANDIDATES, marks=False, thresholds=None)
            # what kb shows, as kb score-related reads it: first the provisions kb pins whatever their relevance
            # (Library.pinned, which the ranking puts first too: the 2006 种子 text of round 18r cites the 2000 law's
            # 第二十九条, which the 2021 law renumbered — filtering by relevance alone hid that wrong first answer), then
            # those above the threshold
            pinned = {(b.reg.id, b.label) for b in lib.pinned(e)} if kind == "upper" and e.index not in lib.inert else set()
            least = lib.threshold(kind, e, THRESHOLDS)
            got = [k for r in ranked if (k := (r.entry.reg.id, r.entry.label)) in pinned or r.relevance >= least][:5]
            # … and none for a penalty clause whose duties have no 上位法 (Library.owes_nothing), as kb answers
            if kind == "upper" and got and lib.owes_nothing(e):
                got = []
            # … and, once an answer passed, the weaker ones that follow it (FOLLOW: 同类立法), and the first ones in kb's
            # order (ORDER: 上位法, by relevance × the share of the article each holds), as kb lists them
            if got and (kind in FOLLOW or kind in ORDER):
                got = [(r.entry.reg.id, r.entry.label) for r in lib.related(e, kinds=(kind,), marks=False)]
            where = (f.name, art, e.reg.id in lib.outside)
            if gold == NONE:
                if got:
                    out[kind]["p1"]["none→offer"].append(where)
                continue
            keys = [(r.entry.reg.id, r.entry.label) for r in ranked]
            rank = next((i + 1 for i, k in enumerate(keys) if k in gold), None)
            # an acceptable provision among the CANDIDATES best retrieved that kb's ranking leaves out is one whose
            # regulation fails the shared-subject gate (SHARED_SUBJECT, 同类立法) with a frame article on either side
            # (ACROSS; across the gate otherwise, at half its relevance): ranked nowhere whatever its
            # relevance, yet retrieved — "gate", not "beyond 15" (the sixteenth session counted 119 同类立法 R@3 misses
            # beyond the candidates on 43 folds: 75 of them lie among the candidates, turned away by the gate; the
            # twenty-seventh round of tuning (engineer 14b), kb.dev.peer_recall)
            found = [(lib.entries[j].reg.id, lib.entries[j].label) for _, j in lib.retrieved(e, (kind,)).get(kind, [])]
            at = next((i + 1 for i, k in enumerate(found) if k in gold), None)
            gated = rank is None and at is not None and at <= CANDIDATES
            if not got:
                out[kind]["p1"][f"nothing (acceptable {_band(rank, gated)})"].append(where)
            elif got[0] not in gold:
                same = "same" if got[0][0] in {g[0] for g in gold} else "other"
                out[kind]["p1"][f"first wrong, {same} (acceptable {_band(rank, gated)})"].append(where)
            if not set(got[:3]) & gold:
                if rank and rank <= 3:
                    why = "threshold"
                elif rank:
                    why = "ranked 4–15"
                elif gated:
                    why = "gate"
                else:
                    why = "beyond 15" if at else "not retrieved"
                out[kind]["r3"][why].append(where)


def classify_repeat(root: Path, outside: bool = True) -> dict:
    """cause -> [(file, article, an annotated provision among the candidates)] for the annotated repeats kb misses: in
    the repetition files of texts of the knowledge base (those ``kb score-repeat`` scores) and, with ``outside``, those
    of ``outside-kb/``, each text checked in a copy of the library extended with it (as the cross-validation checks
    it)."""
    from kb.dev.related_cv import repeat_texts
    from kb.library import repeat as rp

    out: dict = defaultdict(list)
    for f, ann, lib_ in repeat_texts(root, outside):
        version = next(e.reg.versions[-1].name for e in lib_.entries if e.reg.id == ann.regulation)
        found = {r.entry.node.number for r in rp.repetitions(lib_, ann.regulation, version)}
        for e in lib_.entries:
            n = e.node.number
            if e.reg.id != ann.regulation or e.version.name != version or n not in ann.repeats or n in found:
                continue
            why = rp.unreported(rp.repetition(lib_, e))
            cands = {(r.entry.reg.id, r.entry.label) for r in lib_.related(e, kinds=("upper",), limit=rp.CANDIDATES,
                                                                           marks=False, actors=False, duties=False)}
            out[why].append((f.name, n, bool(cands & ann.repeats[n])))
    return out


def report(res: dict, out=sys.stdout) -> None:
    for kind, name in KIND_NAMES.items():
        for what, title in (("p1", "P@1 错"), ("r3", "R@3 漏")):
            classes = res[kind][what]
            print(f"{name} {title} {sum(len(v) for v in classes.values())}", file=out)
            for cls, items in sorted(classes.items(), key=lambda x: -len(x[1])):
                files = Counter(f.removeprefix("related-").removesuffix(".yml") for f, _, _ in items)
                outside = sum(1 for *_, o in items if o)
                print(f"  {len(items):3}  {cls}（依据在库外的文本 {outside}）  {dict(files.most_common())}", file=out)


def report_repeat(misses: dict, out=sys.stdout) -> None:
    print(f"重复上位法 漏报 {sum(len(v) for v in misses.values())}", file=out)
    for why, items in sorted(misses.items(), key=lambda x: -len(x[1])):
        among = sum(1 for *_, c in items if c)
        where = [f"{f.removeprefix('repeat-').removesuffix('.yml')}#{n}" for f, n, _ in items]
        print(f"  {len(items):3}  {why}（标注的上位条文在候选中 {among}）  {where}", file=out)


def main(argv=None) -> int:
    import argparse

    from kb.dev.paths import REPO

    # no options: it reads the tuning files of tests/data/related; -h prints what it does, anything else is a
    # usage error (exit 2), not a run of the whole report
    ap = argparse.ArgumentParser(prog="python3 -m kb.dev.related_errors", description=__doc__.split("\n\n")[0])
    ap.parse_args(sys.argv[1:] if argv is None else argv)
    report(classify(REPO))
    report_repeat(classify_repeat(REPO))
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
