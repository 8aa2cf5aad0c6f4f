"""Measured, not used: a learned ranking for 上位法 beside kb's formula, leave one file out as related_cv's folds.

    python3 -m kb.dev.related_learned

kb's 上位法 relevance (kb.library.related) is a product of signals whose weights eleven sessions tuned by hand, one at a
time, each cross-validated (``python3 -m kb.dev.related_cv related``).  This fits them together: for every 上位法 item
of the cross-validation (each annotated article of a tuning file × its ``related_cv.POOL`` candidates, as
``related_cv.annotated_items`` builds them — the files of the knowledge base and those of ``outside-kb/``) each candidate gets
the features below, labelled by whether the annotation accepts it ("none" articles: none of them), and an L2-penalised
logistic regression (:class:`Model`: Newton's method in plain Python with kb.dev.align_learned's solver, deterministic)
learns from them, in one of three modes (``MODES``):

- ``逐条（概率阈值）`` — pointwise: the probability that the candidate is acceptable takes the place of kb's relevance in
  ``related_cv.scores_at`` (kb's pinned answers first, kb's rule for a penalty clause whose duties have no 上位法 judged by
  the same probabilities, the first answers by probability: kb's ORDER left out, the share of the article a candidate
  holds being a feature), the article none when no candidate reaches a threshold among ``PROBABILITIES``;
- ``成对（分数阈值）`` — a pairwise ranker (an acceptable candidate of an article against an unacceptable one), the same
  with its score and a threshold among the ``QUANTILES`` of the training articles' best scores;
- ``成对，只重排 kb 给出的答案`` — the ranker orders only what kb offers (ground weight 2, threshold 0.016 and kb's rules
  decide which candidates pass), then kb's ORDER.

Leave one file out: for each tuning file the model of the other files (:meth:`Model.without`) is scored, its threshold
chosen with the best P@1 + R@3 on those files (as related_cv chooses kb's), and the folds are pooled per group
(:func:`kb.dev.related_cv.fold_groups`: all, the knowledge base's texts, ``outside-kb/``, each round).  Beside them, in the
same run: kb's formula at kb's shipped point (ground weight 2, threshold 0.016: what kb answers) and kb's formula
cross-validated as related_cv does (``--least 0.016``: ground weight and threshold chosen per fold).  Measured on the 49
folds of 2026-12-07, nothing adopted: tests/data/related/README.md, "A learned ranking for 上位法 (twentieth session,
engineer 14m)".

A candidate kb's formula gives no relevance (a law the article's text does not cite and whose subject the article is
off, OFF_TOPIC; a subject of 0) stays out, as in kb: the model ranks what kb ranks.

The features (``FEATURES``): log of kb's relevance at kb's point, and its ratio to the best candidate's (log); kb's rank
of the candidate (1 / (1 + rank)); the logs of the article cosine, of the closest parts' cosine (SEGMENTS), of the
rare-bigram cosine, of the subject signal and of the article's topic with the candidate's law (TOPIC); ground (the law
the text cites), the text resting on a law outside the knowledge base (OUTSIDE) and the two together; a 依据 clause
against another (BASIS), a public-body article against one naming none (PUBLIC), a penalty clause against another
(PENALTY), other kinds of body (OTHER_BODIES); the shared actors (ACTORS); the difference of the two articles' places
(POSITION); the share of the article the candidate holds (ORDER's coverage); the cosines without boilerplate and of the
normative cores; the candidate's length (log characters).

Reads the tuning files only (related_cv's ``HELD_OUT_TEXTS`` stay out).
"""
from __future__ import annotations

import math
import sys

#: L2 penalty of the logistic regression (on standardised features; some thirty thousand rows)
LAMBDA = 1.0
#: the least probabilities for an answer the folds choose among (the "none" threshold)
PROBABILITIES = (0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4)
KB_GROUND, KB_THRESHOLD = 2, 0.016      # kb's shipped point (kb.library.related GROUND, THRESHOLDS)


def _log(v: float, floor: float = 1e-4) -> float:
    return math.log(max(v, floor))


FEATURES = ("relevance", "to_best", "rank", "cos", "part", "rare", "subject", "topic", "ground", "outside",
            "ground_outside", "basis", "public", "penalty", "other_bodies", "actors", "dpos", "cover", "nb", "core",
            "chars")


def features(cands: list[dict]) -> list[dict | None]:
    """Each candidate's features (name -> value, FEATURES), None for one kb's formula gives no relevance."""
    from kb.dev.related_cv import base_relevance

    rel = [base_relevance(KB_GROUND, c) for c in cands]
    order = sorted(range(len(cands)), key=lambda i: -rel[i])
    rank = {i: r for r, i in enumerate(order)}
    best = max(rel, default=0.0)
    out = []
    for i, c in enumerate(cands):
        if rel[i] <= 0:
            out.append(None)
            continue
        out.append({"relevance": _log(rel[i], 1e-6), "to_best": math.log(rel[i] / best), "rank": 1 / (1 + rank[i]),
                    "cos": _log(c["cos"]), "part": _log(c["part"]), "rare": _log(c["rare"]),
                    "subject": _log(c["subj"]), "topic": _log(c["topic"], 1e-3), "ground": float(c["ground"]),
                    "outside": float(c["outside"]), "ground_outside": float(c["ground"] and c["outside"]),
                    "basis": float(bool(c["basis"])), "public": float(bool(c["public"])),
                    "penalty": float(bool(c["penalty"])), "other_bodies": float(bool(c["bodies"])),
                    "actors": c["actors"], "dpos": c["dpos"], "cover": c["cover"], "nb": _log(c["nb"]),
                    "core": _log(c["core"]), "chars": math.log(1 + c["chars"])})
    return out


def prepare(items: list[dict]) -> list[dict]:
    """The 上位法 items, each candidate (and each candidate of a penalty clause's duties) given its features ``x`` and
    the item's candidates their labels: a copy, the items left as they are."""
    from kb.library.annotations import NONE

    out = []
    for it in items:
        if it["kind"] != "upper":
            continue
        it = dict(it)
        it["cands"] = [{**c, "x": x} for c, x in zip(it["cands"], features(it["cands"]))]
        if it.get("duties"):
            it["duties"] = [([{**c, "x": x} for c, x in zip(cs, features(cs))], p) for cs, p in it["duties"]]
        pinned = it.get("pinned", [])
        it["rows"] = [(c["x"], float(it["gold"] != NONE and c["key"] in it["gold"]))
                      for c in it["cands"] if c["x"] is not None and c["key"] not in pinned]
        out.append(it)
    return out


def _moments(cols: list[list[float]], labels: list[float], w: list[float]) -> tuple[list[float], list[list[float]]]:
    """The gradient and the Hessian of the logistic loss (no penalty) at ``w``, the rows given as columns (the first the
    intercept's 1s): each sum over the rows is one ``sum(map(…))``, so some thirty thousand rows take a fraction of a
    second in plain Python."""
    from operator import mul

    from kb.dev.align_learned import sigmoid

    d = len(cols)
    z = [0.0] * len(labels)
    for wi, col in zip(w, cols):
        z = list(map(lambda a, b: a + wi * b, z, col))
    p = list(map(sigmoid, z))
    r = list(map(lambda a, y: a - y, p, labels))
    s = [a * (1 - a) for a in p]
    grad = [sum(map(mul, r, col)) for col in cols]
    hess = [[0.0] * d for _ in range(d)]
    for i in range(d):
        si = list(map(mul, s, cols[i]))
        for j in range(i, d):
            hess[i][j] = hess[j][i] = sum(map(mul, si, cols[j]))
    return grad, hess


def _step(w: list[float], grad: list[float], hess: list[list[float]]) -> list[float]:
    """One Newton step of the L2-penalised loss (``LAMBDA``; the intercept, ``w[0]``, not penalised)."""
    from kb.dev.align_learned import newton_solve

    g = [a + (LAMBDA * b if i else 0.0) for i, (a, b) in enumerate(zip(grad, w))]
    h = [[v + (LAMBDA if i == j and i else 1e-9 if i == j else 0.0) for j, v in enumerate(row)]
         for i, row in enumerate(hess)]
    return [a - b for a, b in zip(w, newton_solve(h, g))]


class Model:
    """Standardised features -> a candidate's score: an L2-penalised logistic regression fitted by Newton's method
    (plain Python, deterministic) — pointwise, the probability that the candidate is acceptable; or, ``pairwise``, a
    ranker: the probability that an acceptable candidate of an article outranks an unacceptable one of the same article
    (the rows are their features' differences, no intercept), the score exp(w·x), comparable across articles only as far
    as the features are.  The features are standardised on every candidate given (no label read for it), so that a
    fold's model is one Newton step away from the model of every file (:meth:`without`)."""

    def __init__(self, rows: dict[str, list[tuple[dict, float]]], pairwise: bool = False, steps: int = 30):
        """``rows``: annotation file -> its articles' candidates, [(features, label)] per article."""
        every = [r for arts in rows.values() for rs in arts for r in rs]
        n = len(every)
        self.pairwise = pairwise
        self.mean = [sum(x[k] for x, _ in every) / n for k in FEATURES]
        self.sd = [math.sqrt(sum((x[k] - m) ** 2 for x, _ in every) / n) or 1.0 for k, m in zip(FEATURES, self.mean)]
        table = {f: self._rows(arts) for f, arts in rows.items()}
        cols = {f: [list(c) for c in zip(*(r for r, _ in t))] for f, t in table.items() if t}
        labels = {f: [y for _, y in table[f]] for f in cols}
        allcols = [sum((cols[f][i] for f in cols), []) for i in range(len(FEATURES) + 1)]
        alllabels = sum((labels[f] for f in cols), [])
        self.w = [0.0] * (len(FEATURES) + 1)
        for _ in range(steps):
            w = _step(self.w, *_moments(allcols, alllabels, self.w))
            done = max(abs(a - b) for a, b in zip(w, self.w)) < 1e-8
            self.w = w
            if done:
                break
        # each file's share of the gradient and the Hessian at the weights of every file: a fold's model is the Newton
        # step from them on the other files (:meth:`without`)
        self._parts = {f: _moments(cols[f], labels[f], self.w) for f in cols}
        self._total = _moments(allcols, alllabels, self.w)

    def _rows(self, arts: list[list[tuple[dict, float]]]) -> list[tuple[list[float], float]]:
        """The regression's rows: each candidate (pointwise), or each (acceptable, unacceptable) pair of an article."""
        if not self.pairwise:
            return [(self.row(x), y) for rs in arts for x, y in rs]
        out = []
        for rs in arts:
            pos, neg = [self.row(x) for x, y in rs if y], [self.row(x) for x, y in rs if not y]
            out += [([0.0] + [a - b for a, b in zip(p[1:], q[1:])], 1.0) for p in pos for q in neg]
        return out

    def without(self, f: str) -> Model:
        """The model of every file but ``f``: one Newton step from this one's weights on the other files' rows (the
        fold's fit to within the step's error: tests/data/related/README.md, "A learned ranking for 上位法")."""
        other = object.__new__(Model)
        other.mean, other.sd, other.pairwise = self.mean, self.sd, self.pairwise
        grad, hess = self._total
        if f in self._parts:
            pg, ph = self._parts[f]
            grad = [a - b for a, b in zip(grad, pg)]
            hess = [[a - b for a, b in zip(r1, r2)] for r1, r2 in zip(hess, ph)]
        other.w = _step(self.w, grad, hess)
        return other

    def row(self, x: dict) -> list[float]:
        return [1.0] + [(x[k] - m) / s for k, m, s in zip(FEATURES, self.mean, self.sd)]

    def p(self, c: dict) -> float:
        """The candidate's score (module doc); 0 for a candidate kb gives no relevance."""
        from kb.dev.align_learned import sigmoid

        if c["x"] is None:
            return 0.0
        z = sum(a * b for a, b in zip(self.w, self.row(c["x"])))
        return math.exp(max(-50.0, min(50.0, z))) if self.pairwise else sigmoid(z)

    def weights(self) -> dict:
        """Feature -> its weight per standard deviation (the intercept as ``(intercept)``, 0 for the ranker)."""
        return dict(zip(("(intercept)",) + FEATURES, self.w))


#: the modes (module doc): name -> whether the model is the pairwise ranker
MODES = {"逐条（概率阈值）": False, "成对（分数阈值）": True, "成对，只重排 kb 给出的答案": True}


def learned(items: list[dict], groups: dict, out=sys.stdout) -> dict:
    """Leave one file out (module doc): {mode or "kb" or "kb_cv": {file: counts}, "weights": {mode: {file: weights}},
    "thresholds": {mode: {file: t}}, "all": {mode: weights fitted on every file}}; counts [P@1 right, n, R@3 right, n
    with answers] as related_cv's.  Prints the table of the groups and the weights."""
    from kb.dev import related_cv as cv

    up = prepare(items)
    files = sorted({i["file"] for i in up})
    res: dict = {"kb": {}, "kb_cv": {}, "weights": {}, "thresholds": {}, "all": {}}
    kb = cv.score_at(up, lambda c: cv.base_relevance(KB_GROUND, c), KB_THRESHOLD)
    res["kb"] = {f: kb.get(f, [0] * 4) for f in files}
    # kb's formula cross-validated as related_cv does at kb's thresholds (ground weight and threshold chosen per fold)
    thresholds = tuple(t for t in cv.THRESHOLDS if t >= KB_THRESHOLD)
    grid = [cv.scores_at(up, (lambda g: lambda c: cv.base_relevance(g, c))(g), thresholds) for g in cv.GROUND["upper"]]
    points = [counts for by_t in grid for counts in by_t.values()]
    for f in files:
        rest = [g for g in files if g != f]
        best = max(points, key=lambda counts: sum(cv.figures(cv.pool(counts, rest))))
        res["kb_cv"][f] = cv.pool(best, [f])
    rows = {f: [i["rows"] for i in up if i["file"] == f] for f in files}
    models = {pairwise: Model(rows, pairwise) for pairwise in (False, True)}
    for mode, pairwise in MODES.items():
        res[mode], res["weights"][mode], res["thresholds"][mode] = {}, {}, {}
        res["all"][mode] = models[pairwise].weights()
        for f in files:
            m = models[pairwise].without(f)
            others = [g for g in files if g != f]
            if mode == "成对，只重排 kb 给出的答案":
                # kb decides which candidates pass (ground weight 2, threshold 0.016, its rules); the ranker orders them,
                # then kb's ORDER
                counts = {0: cv.score_at([i for i in up if i["file"] == f],
                                       (lambda m: lambda c: m.p(c) if cv.base_relevance(KB_GROUND, c) >= KB_THRESHOLD else 0.0)(m),
                                       1e-300)}
                t = 0
            else:
                grid = PROBABILITIES if not pairwise else _quantiles(m, [i for i in up if i["file"] != f])
                counts = cv.scores_at(up, m.p, grid, order=("cover", 0.0))
                t = max(grid, key=lambda t: (sum(cv.figures(cv.pool(counts[t], others))), t))
            res[mode][f], res["weights"][mode][f] = cv.pool(counts[t], [f]), m.weights()
            # the threshold chosen: a probability, or the ranker's share of the training articles below it (QUANTILES)
            res["thresholds"][mode][f] = QUANTILES[grid.index(t)] if mode == "成对（分数阈值）" else t
    table(res, groups, out)
    return res


#: the shares of the training articles below whose best score the ranker's threshold may lie (its scores have no scale)
QUANTILES = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


def _quantiles(m: Model, items: list[dict]) -> tuple:
    """The ranker's thresholds a fold chooses among: the QUANTILES of its training articles' best scores."""
    tops = sorted(max([m.p(c) for c in i["cands"]] or [0.0]) for i in items)
    return tuple(tops[int(len(tops) * q)] for q in QUANTILES)


def table(res: dict, groups: dict, out=sys.stdout) -> None:
    """P@1 / R@3 per group of folds for kb and each mode, then the weights (all files; the folds' range)."""
    from kb.dev.related_cv import by_count, figures, pool

    cols = ("kb", "kb_cv", *MODES)
    print("组别 | 条数 | kb（依据权重 2，阈值 0.016） | kb 公式交叉验证（--least 0.016） | " + " | ".join(MODES), file=out)
    for g, members in {"全部": sorted(res["kb"]), **groups}.items():
        row = [pool(res[k], [f for f in members if f in res[k]]) for k in cols]
        print(f"{g} | {row[0][1]} | " + " | ".join("{:.3f} / {:.3f}".format(*figures(t)) for t in row), file=out)
    for mode in MODES:
        ts = list(res["thresholds"][mode].values())
        print(f"{mode} 各折的阈值：{[(t, ts.count(t)) for t in by_count(ts)]}", file=out)
    print("特征 | " + " | ".join(f"{m}：全部文件拟合的权重（每标准差），各折最小 … 最大" for m in ("逐条（概率阈值）", "成对（分数阈值）")),
          file=out)
    for k in res["all"]["逐条（概率阈值）"]:
        cells = []
        for mode in ("逐条（概率阈值）", "成对（分数阈值）"):
            fold = [ws[k] for ws in res["weights"][mode].values()]
            cells.append(f"{res['all'][mode][k]:+.3f}（{min(fold):+.3f} … {max(fold):+.3f}）")
        print(f"{k} | " + " | ".join(cells), file=out)


def main(argv=None) -> int:
    from kb.dev import related_cv as cv
    from kb.dev.paths import REPO

    argv = sys.argv[1:] if argv is None else argv
    if argv:
        print(f"用法：python3 -m kb.dev.related_learned（不认识：{' '.join(argv)}）", file=sys.stderr)
        return 2
    learned(cv.annotated_items(REPO), cv.fold_groups(REPO))
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
