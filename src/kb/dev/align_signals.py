"""Measure signals for rewritten articles against the tuned gold alignments, honestly.

    python3 -m kb.dev.align_signals [lopo|shared|remainder|boilerplate|unique|gaps|rename|lexicon]

``lopo`` — leave one pair out for the thresholds of the last alignment rule (a new article nothing
linked that rewrites an old paragraph, :func:`kb.compare.segments.rewritten_links`): for each tuned
gold pair the thresholds are chosen on the other pairs from a grid, then that pair is scored with
them; the micro-average is printed beside the rule switched off, measured in the same run.

``shared`` — the same for the threshold of the shared-vocabulary rule (two unlinked articles, each
the other's most similar over the bigrams both texts use: :func:`kb.compare.align._pair_shared`).

``remainder`` — the same for the threshold of the remainder rule (an old article nothing linked whose
paragraphs reappear, rewritten, in what linked new articles' own old articles do not explain:
:func:`kb.compare.segments.remainder_links`).

``boilerplate`` — the same for the number of regulations of the corpus that must use a clause for it
to count as boilerplate (:data:`kb.compare.boilerplate.MIN_LAWS`: an article or paragraph that is only
boilerplate is no evidence of a split or merge).

``unique`` — the same for the two thresholds of the unique-terms rule (two articles, one of them nothing
linked, sharing trigrams no other article of either text uses, in several places of the old article:
:func:`kb.compare.segments.unique_links`).

``gaps`` — tried, not used: order-preserving gap filling.  After every rule, where a stretch between two
consecutive links in order leaves at most ``few`` unlinked articles on each side (2 × 2, 3 × 3 …), two of them
that are each other's most similar inside the stretch pair when their cosine reaches ``sim`` (the rule in use
does this for a 1 × 1 stretch only: :func:`kb.compare.align._pair_alone`).  Leave one pair out over ``few`` and
``sim``, as above.

``rename`` — tried, not used: similarity on the content words after a per-pair rename table.  The words a
pair's own confident links removed or added nearly every time (bigrams dropped from ≥ ``ratio`` of the linked
old articles using them, and at least twice; likewise added), plus boilerplate clauses and citations of the
text's own articles, are left out of every article; after every rule, two articles still unlinked that are
each other's most similar over what remains (cosine ≥ ``sim``) pair.  Leave one pair out over ``sim`` and
``ratio``.

``lexicon`` — a rewrite lexicon learned from the corpus itself (the version pairs of
../shared/corpus/version-pairs.txt, minus the held-out laws (HELD_OUT_LAWS), minus the law of the pair being
scored): bigrams removed and added between articles kb links confidently (cosine 0.5–0.97), scored
by PMI.  For each tuned pair, the candidate links among articles kb left unlinked are ranked by
cosine + λ·lexicon score; the ranks of the gold links are printed for each λ (λ = 0 is cosine
alone).  Measured 2026-12-03: every λ > 0 ranks the gold links lower on every pair (the lexicon
mostly learns the boilerplate of rewritten penalty clauses), so kb does not use it.

Neither mode reads a held-out gold file nor prints an alignment of a held-out pair.
"""
from __future__ import annotations

import itertools
import math
import sys
import types
from collections import Counter
from pathlib import Path

from kb.dev import paths
# the laws of the alignment round being annotated: never aligned here, never learnt from (kb.dev.boilerplate and the
# tests read them here)
from kb.dev.heldout import HELD_OUT_LAWS
from kb.dev.score_align import CORPUS, gold_files, read_gold

GRID = list(itertools.product([0.25, 0.3, 0.35, 0.4, 0.5], [0.15, 0.3, 0.5]))
REMAINDER_GRID = [(0.25,), (0.3,), (0.35,), (0.4,), (0.5,)]
BOILERPLATE_GRID = [(5,), (10,), (20,), (50,), (100,), (200,)]
UNIQUE_GRID = list(itertools.product([3, 4], [3, 4, 5, 6, 8], [1, 2, 3]))
SHARED_GRID = list(itertools.product([0.25, 0.3, 0.35, 0.4, 0.5], [1.0, 1.5, 2.0, 2.5, 3.0]))


def _law(path: str) -> str:
    return Path(path).name.split("(")[0].removesuffix(".md")


def _tuned():
    from kb.text.parse import parse_file
    out = []
    for p in gold_files("tuned"):
        o, n, gold = read_gold(p)
        out.append((p.name, o, parse_file(str(CORPUS / o)), parse_file(str(CORPUS / n)), gold))
    return out


def _linked(al) -> set[tuple[str, str]]:
    return {(al.old[l.old].label, al.new[l.new].label) for l in al.links if l.old is not None and l.new is not None}


def _prf(counts) -> tuple[float, float, float]:
    tp, np_, ng = (sum(c[i] for c in counts) for i in range(3))
    p, r = tp / (np_ or 1), tp / (ng or 1)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def lopo(out=sys.stdout) -> dict:
    import kb.compare.segments as seg

    # a paragraph cosine no pair reaches switches the rule off
    return _lopo(seg, ("REWRITTEN_SIM", "REWRITTEN_KEPT"), GRID, (9.9, 0.3), out)


def lopo_shared(out=sys.stdout) -> dict:
    """The same for the thresholds of the shared-vocabulary rule (kb.compare.align.SHARED, LIFT)."""
    import kb.compare.align as align_mod

    return _lopo(align_mod, ("SHARED", "LIFT"), SHARED_GRID, (9.9, 1.0), out)


def lopo_remainder(out=sys.stdout) -> dict:
    """The same for the threshold of the remainder rule (kb.compare.segments.REMAINDER_SIM: an old article
    nothing linked whose paragraphs rewrite what linked new articles' own old articles do not explain)."""
    import kb.compare.segments as seg

    return _lopo(seg, ("REMAINDER_SIM",), REMAINDER_GRID, (9.9,), out)


def lopo_boilerplate(out=sys.stdout) -> dict:
    """The same for the frequency that makes a clause boilerplate (kb.compare.boilerplate.MIN_LAWS:
    regulations of the corpus using it); a count no clause reaches switches the rule off."""
    import kb.compare.boilerplate as boilerplate_mod

    return _lopo(boilerplate_mod, ("MIN_LAWS",), BOILERPLATE_GRID, (10 ** 9,), out)


def lopo_unique(out=sys.stdout) -> dict:
    """The same for the thresholds of the unique-terms rule (kb.compare.segments.UNIQUE_N, UNIQUE, UNIQUE_RUNS:
    the terms' length, how many, in how many places)."""
    import kb.compare.segments as seg

    return _lopo(seg, ("UNIQUE_N", "UNIQUE", "UNIQUE_RUNS"), UNIQUE_GRID, (3, 10 ** 9, 1), out)


def _patched(name: str, after):
    """Run the alignment rule ``kb.compare.align.<name>`` and then ``after`` with the same arguments
    (a tried signal, measured without being part of kb)."""
    import kb.compare.align as align_mod

    rule = getattr(align_mod, name)

    def both(*args):
        rule(*args)
        after(*args)
    return align_mod, rule, both


def _lopo_tried(name: str, after, knobs, names, grid, off, out) -> dict:
    align_mod, rule, both = _patched(name, after)
    setattr(align_mod, name, both)
    try:
        return _lopo(knobs, names, grid, off, out)
    finally:
        setattr(align_mod, name, rule)


GAPS = types.SimpleNamespace(few=0, sim=9.9)
GAPS_GRID = list(itertools.product([2, 3, 4], [0.05, 0.1, 0.15, 0.2]))


def _fill_small_gaps(old, new, P, extra) -> None:
    from kb.compare.align import unlinked_stretches
    from kb.compare.similarity import cosine

    for free_o, free_n in unlinked_stretches(old, new, P, extra):
        if not (1 <= len(free_o) <= GAPS.few and 1 <= len(free_n) <= GAPS.few):
            continue
        sim = {(o, n): cosine(old[o], new[n]) for o in free_o for n in free_n}
        for o in free_o:
            s, n = max((sim[(o, n)], n) for n in free_n)
            if s >= GAPS.sim and max((sim[(o2, n)], o2) for o2 in free_o)[1] == o and P.free(o, n):
                P.add(o, n, "alone")


def lopo_gaps(out=sys.stdout) -> dict:
    """Tried, not used: mutual best pairs inside stretches of at most ``few`` × ``few`` unlinked articles."""
    return _lopo_tried("_pair_alone", _fill_small_gaps, GAPS, ("few", "sim"), GAPS_GRID, (0, 9.9), out)


RENAME = types.SimpleNamespace(sim=9.9, ratio=0.7)
RENAME_GRID = list(itertools.product([0.15, 0.2, 0.25, 0.3], [0.5, 0.7, 0.9]))


def _pair_renamed(old, new, P, extra) -> None:
    from kb.compare.align import _linked, _pair_mutual
    from kb.compare.boilerplate import without_boilerplate
    from kb.compare.segments import _OWN_CITATION
    from kb.compare.similarity import bigrams, tfidf

    removed, added, used_o, used_n = Counter(), Counter(), Counter(), Counter()
    for (o, n), how in P.how.items():
        if how in ("confident", "gap", "moved") and old[o].norm != new[n].norm:
            bo, bn = set(bigrams(old[o].norm)), set(bigrams(new[n].norm))
            used_o.update(bo)
            used_n.update(bn)
            removed.update(bo - bn)
            added.update(bn - bo)
    gone = {g for g, c in removed.items() if c >= 2 and c >= RENAME.ratio * used_o[g]}
    came = {g for g, c in added.items() if c >= 2 and c >= RENAME.ratio * used_n[g]}
    counts = []
    for units_, drop in ((old, gone), (new, came)):
        for u in units_:
            c = bigrams(_OWN_CITATION.sub("", without_boilerplate(u.text)))
            counts.append(Counter({g: k for g, k in c.items() if g not in drop}))
    _, vecs = tfidf(counts)
    vo, vn = vecs[:len(old)], vecs[len(old):]
    linked_old, linked_new = _linked(P, extra)
    free_o = [u.index for u in old if u.index not in linked_old]
    free_n = [u.index for u in new if u.index not in linked_new]
    if len(free_o) * len(free_n) > 4000:
        return

    def cos(a, b):
        (va, na), (vb, nb) = a, b
        return sum(w * vb.get(g, 0.0) for g, w in va.items()) / (na * nb)
    sim = {(o, n): cos(vo[o], vn[n]) for o in free_o for n in free_n}
    _pair_mutual(sim, P, extra, RENAME.sim, "renamed")


def lopo_rename(out=sys.stdout) -> dict:
    """Tried, not used: unlinked articles paired over their content words after the pair's own rename table."""
    return _lopo_tried("_link_unique", _pair_renamed, RENAME, ("sim", "ratio"), RENAME_GRID, (9.9, 0.7), out)


def _lopo(module, names: tuple[str, ...], grid: list, off: tuple, out) -> dict:
    """Align every tuned pair at every grid point of the module's thresholds ``names`` (and at ``off``,
    the rule switched off), then leave one pair out; the thresholds in use are restored."""
    from kb.compare.align import align

    pairs = _tuned()
    saved = tuple(getattr(module, n) for n in names)
    counts = {}
    try:
        for g in [None] + grid:
            for n, v in zip(names, off if g is None else g):
                setattr(module, n, v)
            for name, _, od, nd, gold in pairs:
                pred = _linked(align(od, nd))
                counts[(g, name)] = (len(pred & gold), len(pred), len(gold))
    finally:
        for n, v in zip(names, saved):
            setattr(module, n, v)
    return _leave_one_out(counts, [p[0] for p in pairs], grid, saved, out)


def _leave_one_out(counts: dict, names: list[str], grid: list, current, out) -> dict:
    """Score each pair with the grid point best on the other pairs; print and return the micro-averages
    of that, of the rule switched off (grid point None) and of the ``current`` threshold."""
    chosen = []
    for held in names:
        rest = [n for n in names if n != held]
        best = max(grid, key=lambda g: _prf([counts[(g, n)] for n in rest])[2])
        chosen.append(counts[(best, held)])
        print(f"  {held:34} 阈值 {best}  F1 {_prf([counts[(best, held)]])[2]:.3f}"
              f"（不用此规则 {_prf([counts[(None, held)]])[2]:.3f}）", file=out)
    # a tried signal's thresholds in use are "off" (not a grid point): current is the rule switched off
    cur = current if (current, names[0]) in counts else None
    res = {"lopo": _prf(chosen), "off": _prf([counts[(None, n)] for n in names]),
           "current": _prf([counts[(cur, n)] for n in names])}
    for key, what in (("lopo", "留一对交叉验证（阈值在其余各对上选）"), ("off", "不用此规则"),
                      ("current", f"现行阈值 {current}（在全部调参对上）")):
        p, r, f = res[key]
        print(f"{what}: P {p:.3f} R {r:.3f} F1 {f:.3f}", file=out)
    return res


def _events():
    """(law, removed bigrams, added bigrams) for every confident, changed link in the corpus pairs."""
    from kb.compare.align import align
    from kb.compare.similarity import bigrams
    from kb.dev.score_amend import version_pairs
    from kb.text.parse import parse_file

    events = []
    for a, b in version_pairs(CORPUS):
        if _law(a) in HELD_OUT_LAWS:
            continue
        al = align(parse_file(a), parse_file(b))
        for l in al.links:
            if l.old is None or l.new is None or l.how not in ("confident", "gap", "moved"):
                continue
            if 0.5 <= l.similarity < 0.97:
                bo, bn = set(bigrams(al.old[l.old].norm)), set(bigrams(al.new[l.new].norm))
                if 0 < len(bo - bn) <= 80 and 0 < len(bn - bo) <= 80:
                    events.append((_law(a), frozenset(bo - bn), frozenset(bn - bo)))
    return events


def _pmi(events, exclude: str) -> dict:
    cr, ca, cra = Counter(), Counter(), Counter()
    n = 0
    for law, removed, added in events:
        if law == exclude:
            continue
        n += 1
        cr.update(removed)
        ca.update(added)
        cra.update(itertools.product(removed, added))
    return {k: v for k, c in cra.items() if c >= 2 and (v := math.log(c * n / (cr[k[0]] * ca[k[1]]))) > 0}


def lexicon(out=sys.stdout) -> dict:
    from kb.compare.align import align
    from kb.compare.similarity import bigrams, cosine

    events = _events()
    ranks = {}
    for name, old_path, od, nd, gold in _tuned():
        pmi = _pmi(events, _law(old_path))
        al = align(od, nd)
        lo = {l.old for l in al.links if l.old is not None and l.new is not None}
        ln = {l.new for l in al.links if l.old is not None and l.new is not None}
        rows = []
        for u in al.old:
            for v in al.new:
                if u.index in lo and v.index in ln or (c := cosine(u, v)) < 0.03:
                    continue
                bo, bn = set(bigrams(u.norm)), set(bigrams(v.norm))
                lex = sum(pmi.get((r, a), 0.0) * u.vec[r] * v.vec[a] for r in bo - bn for a in bn - bo)
                rows.append((c, lex / (u.norm2 * v.norm2), (u.label, v.label) in gold))
        print(f"  {name}（语料中学到 {len(pmi)} 对替换）", file=out)
        for lam in (0, 0.5, 1, 2):
            ranked = sorted(rows, key=lambda r: -(r[0] + lam * r[1]))
            ranks[(name, lam)] = [k for k, r in enumerate(ranked) if r[2]]
            print(f"    λ={lam}: 金标准链接的名次 {ranks[(name, lam)][:8]}", file=out)
    return ranks


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not CORPUS.exists():
        print(paths.missing(CORPUS), file=sys.stderr)
        return 2
    which = argv[0] if argv else "lopo"
    modes = {"lopo": lopo, "shared": lopo_shared, "remainder": lopo_remainder, "boilerplate": lopo_boilerplate, "unique": lopo_unique,
             "gaps": lopo_gaps, "rename": lopo_rename, "lexicon": lexicon}
    if which not in modes:
        print(f"用法：python3 -m kb.dev.align_signals [lopo|shared|remainder|boilerplate|unique|gaps|rename|lexicon]（不认识：{which}）", file=sys.stderr)
        return 2
    modes[which]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
