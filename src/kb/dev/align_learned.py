"""Tried, not used: a learned pair classifier over the alignment's signals, measured by leaving one pair out.

    python3 -m kb.dev.align_learned [add|rescore]

Every rule of :mod:`kb.compare.align` decides on one signal at one threshold.  This combines them: after kb's
alignment of a tuned gold pair, each candidate pair of articles (cosine ≥ ``MIN_COS``, or sharing a term no other
article uses, or linked) gets the features below, and a logistic regression (L2 ``LAMBDA``, fitted by Newton's
method in plain Python: twenty-odd features and some twenty thousand rows need no numerical library) learns which
are gold links.  Leave one pair out: for each of the tuned pairs (``kb score-align --tuned``) the model and its
thresholds are fitted and chosen on the other pairs, then that pair is scored; the micro-average is printed beside
kb's rules alone, measured in the same run.

``add`` — the rules' links stay; a candidate the rules left out is added when its probability reaches the threshold
(best first, at most one added link per article).
``rescore`` — identical, confident, moved and role pairs stay; every other link the rules made (gap, split, merge,
mutual, alone, rewritten, shared, unique) is kept only when its probability reaches a second threshold, and
candidates are added as in ``add``.

The features of a candidate (old article o, new article n):

- ``cos``, ``shared_cos``, ``para_cos``: cosine of the two articles over all bigrams, over the bigrams both texts use
  (:func:`kb.compare.similarity.on_vocabulary`), and of their most alike paragraphs or items;
- ``contain_old``, ``contain_new``: share of one's weight whose bigrams the other has;
- ``unique``: log(1 + four-character strings only these two articles use, boilerplate and own citations removed, as
  :func:`kb.compare.segments.unique_links` counts them);
- ``rank_old``, ``rank_new``: 1 / (1 + rank of n among the new articles by cosine with o), and the reverse;
- order against the anchors (the longest chain of links in order): ``in_stretch`` (n lies between the new articles
  of the anchors around o), ``offset`` (distance from the place interpolated between them, as a share of the new
  text), ``crossed`` (log(1 + anchors the pair crosses)); ``neighbours`` (links (o±1, n±1) on the diagonal) and
  ``near`` (links within two articles on both sides, same direction);
- ``same_chapter`` (n's chapter is where most links of o's chapter went), ``chapter_title`` (bigram overlap of the
  two chapters' titles);
- ``free_old``, ``free_new`` (no link yet), ``explained_old``, ``explained_new`` (how much of the article its other
  partners contain), ``rest_old``, ``rest_new`` (share of what its other partners do not explain that the candidate
  has), ``rest_size_old``, ``rest_size_new`` (how big that unexplained part is);
- ``length``: |log| of the two lengths' ratio; and, for ``rescore``, which rule linked the pair.

Measured 2026-12-04 on the 18 tuned pairs (README, 版本对照), rules alone P 0.979 R 0.917 F1 0.947:

- ``add``: P 0.962 R 0.932 F1 0.947 — 32 links added, 15 right; gains on 海洋环境保护法 (0.889 → 0.905), 备案审查条例,
  国境卫生检疫法, 科学技术普及法, losses on 行政复议法 (0.964 → 0.931: 4 added, none right), 北京市安全生产条例 (0.829 → 0.818)
  and 国务院组织法 (1.000 → 0.957);
- ``rescore``: P 0.963 R 0.923 F1 0.942 (6 links of the rules dropped, 5 of them right);
- learnt on all 18 pairs and scored on them, nothing held out (the ceiling of these features): F1 0.952 either way.

No gain, so kb does not use it.  Two variants were also tried with throw-away scripts, not kept, so no figure of
theirs is quoted here: a few-feature rule fitted the same way over nearly these features (the conjunction of up to
three feature thresholds best on the other pairs), and three more features for ``add`` (shared amounts such as
三十日 or 五万元, amounts none of which is shared, shared actor words ending in 部门, 机关, 委员会 …); neither was
adopted.  The missed gold links are rewrites that these signals, combined or alone, rank among as many non-links.

Reads the tuned gold files only: a held-out pair (and the laws of :data:`kb.dev.align_signals.HELD_OUT_LAWS`) is
never aligned here.
"""
from __future__ import annotations

import bisect
import math
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

from kb.dev import paths
from kb.dev.align_signals import _prf
from kb.dev.score_align import CORPUS

MIN_COS = 0.03       # candidates: at least this cosine, or a shared unique term, or linked by the rules
LAMBDA = 1.0         # L2 penalty of the logistic regression (on standardised features)
ADD_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)     # 1.01: add nothing
KEEP_GRID = (0.0, 0.05, 0.1, 0.2, 0.3)                          # 0.0: keep every link the rules made
SURE = ("identical", "confident", "role", "moved")
FEATURES = ("cos", "shared_cos", "para_cos", "contain_old", "contain_new", "unique", "rank_old", "rank_new",
            "in_stretch", "offset", "crossed", "neighbours", "near", "same_chapter", "chapter_title", "free_old",
            "free_new", "explained_old", "explained_new", "rest_old", "rest_new", "rest_size_old", "rest_size_new",
            "length")
RULE_FEATURES = ("by_gap", "by_split_merge", "by_late_rule")


@dataclass
class Candidate:
    key: tuple[str, str]        # (old label, new label)
    x: dict[str, float]
    how: str                    # the rule that linked it, "" when the rules did not
    gold: bool


def _title_overlap(a: str, b: str) -> float:
    from kb.compare.similarity import bigrams
    if not a or not b:
        return 0.0
    A, B = bigrams(a), bigrams(b)
    return sum(min(A[g], B[g]) for g in A if g in B) / math.sqrt(sum(A.values()) * sum(B.values()))


def _paragraph_vectors(old, new):
    from kb.compare.segments import _segments
    from kb.compare.similarity import bigrams, tfidf

    segs = [_segments(u) or ([u.norm] if u.norm else []) for u in old + new]
    _, vecs = tfidf([bigrams(s) for ss in segs for s in ss])
    it = iter(vecs)
    per = [[next(it) for _ in ss] for ss in segs]
    return per[:len(old)], per[len(old):]


def _unique_counts(old, new) -> Counter:
    from kb.compare.segments import _grams, _owners, _unique_text

    only_o = _owners([_grams(_unique_text(u)) for u in old])
    only_n = _owners([_grams(_unique_text(u)) & only_o.keys() for u in new])
    return Counter((o, only_n[g]) for g, o in only_o.items() if g in only_n)


def candidates(al, gold: set[tuple[str, str]]) -> list[Candidate]:
    """The candidate pairs of one alignment with their features."""
    from kb.compare.align import longest_chain
    from kb.compare.segments import _cos
    from kb.compare.similarity import containment, cosine, normalize, on_vocabulary, shared_vocabulary

    old, new = al.old, al.new
    how = {(l.old, l.new): l.how for l in al.links if l.old is not None and l.new is not None}
    of_old, of_new = defaultdict(list), defaultdict(list)
    for o, n in how:
        of_old[o].append(n)
        of_new[n].append(o)
    chain = sorted(longest_chain(list(how)))
    chain_old = [a for a, _ in chain]
    para_o, para_n = _paragraph_vectors(old, new)
    unique = _unique_counts(old, new)
    vocabulary = shared_vocabulary(old, new)
    shared_o, shared_n = on_vocabulary(old, vocabulary), on_vocabulary(new, vocabulary)
    cos = [[cosine(u, v) for v in new] for u in old]
    rank_o = [{n: r for r, n in enumerate(sorted(range(len(new)), key=lambda n: -row[n]))} for row in cos]
    rank_n = [{o: r for r, o in enumerate(sorted(range(len(old)), key=lambda o: -cos[o][n]))} for n in range(len(new))]
    chapters = defaultdict(Counter)
    for o, n in how:
        chapters[id(old[o].chapter)][id(new[n].chapter)] += 1
    chapter_of = {k: c.most_common(1)[0][0] for k, c in chapters.items()}

    def title(u):
        return normalize(u.chapter.title) if u.chapter is not None and u.chapter.title else ""

    def rest(u, partners, v):
        """(share of u's weight outside its partners' bigrams that v has, that weight's share of u's)."""
        r = {g: w for g, w in u.vec.items() if g not in partners}
        tot = sum(r.values())
        return (sum(w for g, w in r.items() if g in v.vec) / tot if tot else 0.0), tot / (sum(u.vec.values()) or 1.0)

    out = []
    for o, u in enumerate(old):
        k = bisect.bisect_left(chain_old, o)
        before = chain[k - 1] if k else (-1, -1)
        k += k < len(chain) and chain[k][0] == o
        after = chain[k] if k < len(chain) else (len(old), len(new))
        for n, v in enumerate(new):
            linked = (o, n) in how
            if cos[o][n] < MIN_COS and not unique[(o, n)] and not linked:
                continue
            others_o = [m for m in of_old.get(o, ()) if m != n]
            others_n = [m for m in of_new.get(n, ()) if m != o]
            rest_o, size_o = rest(u, set().union(*(new[m].vec for m in others_o)), v)
            rest_n, size_n = rest(v, set().union(*(old[m].vec for m in others_n)), u)
            place = before[1] + (o - before[0]) * (after[1] - before[1]) / max(1, after[0] - before[0])
            x = {
                "cos": cos[o][n], "shared_cos": cosine(shared_o[o], shared_n[n]),
                "para_cos": max((_cos(a, b) for a in para_o[o] for b in para_n[n]), default=0.0),
                "contain_old": containment(u, v), "contain_new": containment(v, u),
                "unique": math.log1p(unique[(o, n)]),
                "rank_old": 1 / (1 + rank_o[o][n]), "rank_new": 1 / (1 + rank_n[n][o]),
                "in_stretch": float(before[1] < n < after[1]), "offset": abs(n - place) / max(1, len(new)),
                "crossed": math.log1p(sum(1 for a, b in chain if (a - o) * (b - n) < 0)),
                "neighbours": float((o - 1, n - 1) in how) + float((o + 1, n + 1) in how),
                "near": float(sum(1 for a in range(o - 2, o + 3) for b in range(n - 2, n + 3)
                                  if (a, b) in how and (a - o) * (b - n) > 0)),
                "same_chapter": float(chapter_of.get(id(u.chapter)) == id(v.chapter)),
                "chapter_title": _title_overlap(title(u), title(v)),
                "free_old": float(not others_o), "free_new": float(not others_n),
                "explained_old": max((containment(u, new[m]) for m in others_o), default=0.0),
                "explained_new": max((containment(v, old[m]) for m in others_n), default=0.0),
                "rest_old": rest_o, "rest_new": rest_n, "rest_size_old": size_o, "rest_size_new": size_n,
                "length": abs(math.log((len(u.norm) + 1) / (len(v.norm) + 1))),
            }
            h = how.get((o, n), "")
            x.update(by_gap=float(h == "gap"), by_split_merge=float(h in ("split", "merge")),
                     by_late_rule=float(h in ("mutual", "alone", "rewritten", "shared", "unique")))
            key = (u.label, v.label)
            out.append(Candidate(key, x, h, key in gold))
    return out


def fit(rows: list[list[float]], labels: list[float], lam: float = LAMBDA, steps: int = 30) -> list[float]:
    """Weights of an L2-penalised logistic regression (the first column is the intercept, not penalised),
    by Newton's method."""
    d = len(rows[0])
    w = [0.0] * d
    for _ in range(steps):
        grad = [lam * w[i] if i else 0.0 for i in range(d)]
        hess = [[(lam if i and i == j else 1e-9 if i == j else 0.0) for j in range(d)] for i in range(d)]
        for x, y in zip(rows, labels):
            p = sigmoid(sum(a * b for a, b in zip(w, x)))
            s = p * (1 - p)
            for i in range(d):
                grad[i] += (p - y) * x[i]
                sx, hi = s * x[i], hess[i]
                for j in range(i, d):
                    hi[j] += sx * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
        step = newton_solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(map(abs, step)) < 1e-7:
            break
    return w


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def newton_solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a·x = b (Gauss–Jordan with partial pivoting; a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


class Model:
    """Standardised features → probability of a gold link."""

    def __init__(self, cands: list[Candidate], names: tuple[str, ...]):
        self.names = names
        cols = [[c.x[k] for c in cands] for k in names]
        self.mean = [sum(col) / len(col) for col in cols]
        self.sd = [math.sqrt(sum((v - m) ** 2 for v in col) / len(col)) or 1.0 for col, m in zip(cols, self.mean)]
        self.w = fit([self.row(c) for c in cands], [float(c.gold) for c in cands])

    def row(self, c: Candidate) -> list[float]:
        return [1.0] + [(c.x[k] - m) / s for k, m, s in zip(self.names, self.mean, self.sd)]

    def p(self, c: Candidate) -> float:
        return sigmoid(sum(a * b for a, b in zip(self.w, self.row(c))))


def decide(cands: list[Candidate], probs: list[float], add: float, keep: float | None) -> set[tuple[str, str]]:
    """The links: the rules' (those not sure kept only at ``keep`` when it is given), then candidates the rules left
    out at ``add`` or above, best first, at most one added link per article."""
    out = {c.key for c, p in zip(cands, probs) if c.how and (keep is None or c.how in SURE or p >= keep)}
    used_o, used_n = set(), set()
    for c, p in sorted(zip(cands, probs), key=lambda r: -r[1]):
        if p < add:
            break
        if not c.how and c.key[0] not in used_o and c.key[1] not in used_n:
            out.add(c.key)
            used_o.add(c.key[0])
            used_n.add(c.key[1])
    return out


def _count(pred: set, gold: set) -> tuple[int, int, int]:
    return len(pred & gold), len(pred), len(gold)


def tuned_candidates():
    """(name, kb's links, gold links, candidates) for every tuned gold pair."""
    from kb.compare.align import align
    from kb.dev.align_signals import _linked, _tuned

    out = []
    for name, _, od, nd, gold in _tuned():
        al = align(od, nd)
        out.append((name, _linked(al), gold, candidates(al, gold)))
    return out


def lopo(mode: str = "add", pairs=None, out=sys.stdout) -> dict:
    """Leave one pair out; returns the micro-averages ("lopo"; "rules", kb's rules alone; "fitted", the model learnt and
    scored on every pair, nothing held out) and each pair's (P, R, F1)."""
    pairs = tuned_candidates() if pairs is None else pairs
    rescore = mode == "rescore"
    names = FEATURES + (RULE_FEATURES if rescore else ())
    grid = [(a, k) for a in ADD_GRID for k in (KEEP_GRID if rescore else (None,))]

    def learnt_from(c):
        return c.how not in SURE if rescore else not c.how
    res, chosen, base = {}, [], []
    for held, (name, pred, gold, cands) in enumerate(pairs):
        rest = [p for i, p in enumerate(pairs) if i != held]
        model = Model([c for p in rest for c in p[3] if learnt_from(c)], names)
        probs = [[model.p(c) for c in p[3]] for p in rest]
        best = max(grid, key=lambda g: _prf([_count(decide(p[3], ps, *g), p[2]) for p, ps in zip(rest, probs)])[2])
        links = decide(cands, [model.p(c) for c in cands], *best)
        chosen.append(_count(links, gold))
        base.append(_count(pred, gold))
        res[name] = _prf([chosen[-1]])
        print(f"  {name:40} 阈值 {best[0] if best[1] is None else best}  +{len(links - pred)}（对 {len((links - pred) & gold)}）"
              f" -{len(pred - links)}（对 {len((pred - links) & gold)}）  P {res[name][0]:.3f} R {res[name][1]:.3f}"
              f" F1 {res[name][2]:.3f}（只用规则 {_prf([base[-1]])[2]:.3f}）", file=out)
    res["lopo"], res["rules"] = _prf(chosen), _prf(base)
    # the ceiling: learnt on every pair and scored on them (nothing held out)
    model = Model([c for p in pairs for c in p[3] if learnt_from(c)], names)
    probs = [[model.p(c) for c in p[3]] for p in pairs]
    res["fitted"] = max((_prf([_count(decide(p[3], ps, *g), p[2]) for p, ps in zip(pairs, probs)]) for g in grid),
                        key=lambda r: r[2])
    for key, what in (("lopo", f"留一对交叉验证（{mode}：模型和阈值在其余各对上学）"), ("rules", "只用规则"),
                      ("fitted", "在全部各对上学、在它们上打分（不留出，上限）")):
        p, r, f = res[key]
        print(f"{what}: P {p:.3f} R {r:.3f} F1 {f:.3f}", file=out)
    return res


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not CORPUS.exists():
        print(paths.missing(CORPUS), file=sys.stderr)
        return 2
    mode = argv[0] if argv else "add"
    if mode not in ("add", "rescore"):
        print(f"用法：python3 -m kb.dev.align_learned [add|rescore]（不认识：{mode}）", file=sys.stderr)
        return 2
    lopo(mode)
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
