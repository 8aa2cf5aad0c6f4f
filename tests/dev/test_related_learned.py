"""kb.dev.related_learned: a learned ranking for 上位法 beside kb's formula, leave one file out as related_cv's folds
(measured, not used: tests/data/related/README.md, "A learned ranking for 上位法 (twentieth session, engineer 14m)")."""
from __future__ import annotations

import io
import math

from conftest import CORPUS, ROOT, need_shared


def _cand(key: str, cos: float, ground: int = 1, subj: float = 0.3, **kw) -> dict:
    """A 上位法 candidate with the signals related_cv._candidates gives (kb's relevance of it is > 0 unless subj is 0)."""
    c = {"key": ("law", key), "kind": "upper", "cos": cos, "part": cos, "rare": cos, "subj": subj, "ground": ground,
         "outside": False, "basis": False, "public": False, "penalty": False, "topic": 0.2, "shared": 1.0,
         "frame": False, "rarew": 0.0, "actors": 0.0, "dpos": 0.1, "bodies": False, "cover": cos, "nb": cos,
         "core": cos, "chars": 80}
    return {**c, **kw}


def _items(n: int = 40) -> list[dict]:
    """Articles in four files whose acceptable candidate is the one of the higher cosine but not always the first by
    kb's relevance (the other has the larger subject signal), and every fifth article annotated none."""
    out = []
    for i in range(n):
        good, bad = 0.2 + 0.01 * (i % 7), 0.15 + 0.01 * (i % 5)
        cands = [_cand("a", good, subj=0.2), _cand("b", bad, subj=0.35), _cand("c", 0.3, subj=0.0)]
        out.append({"file": f"f{i % 4}.yml", "kind": "upper", "gold": "none" if i % 5 == 0 else {("law", "a")},
                    "cands": cands, "pinned": []})
    out.append({"file": "f0.yml", "kind": "peer", "gold": {("law", "a")}, "cands": [], "pinned": []})
    return out


def test_features_leave_out_what_kb_gives_no_relevance_and_label_the_acceptable_candidates():
    from kb.dev.related_learned import FEATURES, prepare

    up = prepare(_items())
    assert len(up) == 40 and all(i["kind"] == "upper" for i in up)     # 同类立法 items are not ranked here
    first = up[1]
    assert set(first["cands"][0]["x"]) == set(FEATURES) and first["cands"][2]["x"] is None    # subject 0: relevance 0
    assert first["rows"][0][1] == 1.0 and first["rows"][1][1] == 0.0 and len(first["rows"]) == 2
    assert all(y == 0.0 for _, y in up[0]["rows"])      # a "none" article: no candidate acceptable
    # the best by kb's relevance ranks first: its rank feature 1
    assert max(first["cands"][:2], key=lambda c: c["x"]["rank"])["x"]["to_best"] == 0.0


def test_a_fold_s_model_is_the_newton_step_from_the_model_of_every_file():
    from kb.dev.related_learned import Model, prepare

    up = prepare(_items())
    rows = {f: [i["rows"] for i in up if i["file"] == f] for f in sorted({i["file"] for i in up})}
    for pairwise in (False, True):
        every = Model(rows, pairwise)
        assert every.w == Model(rows, pairwise).w                   # deterministic
        fold = every.without("f1.yml")
        scratch = Model({f: r for f, r in rows.items() if f != "f1.yml"}, pairwise)
        for i in up:
            a, b = (max((c for c in i["cands"] if c["x"]), key=m.p)["key"] for m in (fold, scratch))
            assert a == b
            assert all(abs(math.log(fold.p(c)) - math.log(scratch.p(c))) < 0.25 for c in i["cands"] if c["x"])
        assert fold.p(up[0]["cands"][2]) == 0.0


def test_the_learned_ranking_puts_the_acceptable_candidate_first_where_kb_s_formula_does_not():
    from kb.dev import related_cv as cv
    from kb.dev.related_learned import MODES, learned, prepare

    items = _items()
    up = prepare(items)
    kb_first = sum(max(i["cands"], key=lambda c: cv.base_relevance(2, c))["key"] == ("law", "a") for i in up)
    res = learned(items, {"g": ["f0.yml", "f1.yml"]}, out=io.StringIO())
    kb, point = (cv.pool(res[k], sorted(res[k])) for k in ("kb", "逐条（概率阈值）"))
    assert kb_first < 40 and point[0] > kb[0]       # the cosine outweighs the subject once learned
    assert set(res["thresholds"]["成对，只重排 kb 给出的答案"].values()) == {0} and len(res["all"]) == 3
    assert set(MODES) <= set(res)


def test_related_learned_refuses_arguments():
    from kb.dev.related_learned import main

    assert main(["--least", "0.016"]) == 2


def test_the_learned_ranking_measured_on_the_tuning_files_is_no_clear_gain_over_kb_s_formula():
    """The README section's conclusion, on the tuning folds as they stand: no learned mode gains P@1 0.02 on the folds of
    texts outside the knowledge base over kb's formula without losing R@3.  (The figures of the section were measured on
    main's 49 folds in the twentieth session — outside-kb/ kb 0.705 / 0.842, pointwise 0.660 / 0.880, pairwise 0.668 /
    0.881, reordering kb's answers 0.708 / 0.848; they move with every fold and every weight of kb's ranking, so the
    conclusion is what is pinned; ``python -m kb.dev.related_learned`` prints the figures.)"""
    need_shared(CORPUS)
    from kb.dev import related_cv as cv
    from kb.dev.related_learned import learned

    out = io.StringIO()
    res = learned(cv.annotated_items(ROOT), groups := cv.fold_groups(ROOT), out)
    outside = {k: cv.figures(cv.pool(res[k], groups["库外"])) for k in
               ("kb", "逐条（概率阈值）", "成对（分数阈值）", "成对，只重排 kb 给出的答案")}
    kb_p1, kb_r3 = outside.pop("kb")
    assert not any(p1 >= kb_p1 + 0.02 and r3 >= kb_r3 for p1, r3 in outside.values()), outside
    assert all(r3 > 0.8 for _, r3 in outside.values())     # every mode ranks: the items reached the models
