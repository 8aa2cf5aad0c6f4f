"""python3 -m kb.dev.related_cv: the leave-one-file-out cross-validation behind the related-provision
formula and the repetition check's bounds, on the tuning annotations."""
from __future__ import annotations

import io

from conftest import ROOT


def test_related_cv_keeps_the_held_out_round_out_and_picks_the_current_formula():
    from kb.dev import related_cv
    from kb.library.related import GROUND, RARE, THRESHOLDS

    items = related_cv._items(ROOT)
    # every tuning file (set: tuning — the fourth round's files, named heldout, among them), no file of a text of
    # the round being annotated: 清远's repetition file is the one left out of the repeat files
    names = {f.name for f in (ROOT / "tests/data/related").glob("related-*.yml")
             if "\nset: held-out" not in f.read_text(encoding="utf-8")}
    assert {i["file"] for i in items} == names and "related-heldout-cq-cunwei.yml" in names
    repeat = {f.name for f in related_cv._tuning_files(ROOT, "repeat-*.yml")}
    assert repeat == {f.name for f in (ROOT / "tests/data/related").glob("repeat-*.yml")} - {"repeat-qingyuan-wuye.yml"}
    assert items and all(c["key"][0] not in related_cv.HELD_OUT_REGULATIONS for i in items for c in i["cands"])
    out = io.StringIO()
    res = related_cv.related(ROOT, out)
    p1, r3, chosen = res[("upper", "原公式")]
    # most folds pick the ground weight and threshold kb uses
    assert max(set(chosen), key=chosen.count) == (None, GROUND["upper"], THRESHOLDS["upper"])
    p1, r3, chosen = res[("peer", "原公式")]
    assert max(set(chosen), key=chosen.count) == (None, GROUND["peer"], THRESHOLDS["peer"])
    # … and the weight of the rare-bigram cosine kb gives each kind
    for kind in ("upper", "peer"):
        chosen = res[(kind, "罕见二元组余弦的权重")][2]
        assert max(set(chosen), key=chosen.count)[0] == RARE[kind]
    assert "交叉验证 P@1" in out.getvalue()


def test_repeat_cv_picks_the_least_share_of_the_closest_provision():
    from kb.dev import related_cv
    from kb.library.repeat import MIN_BEST

    out = io.StringIO()
    res = related_cv.repeat(ROOT, out)
    f1, counts, chosen = res["0–0.5，步长 0.05"]
    assert set(chosen) == {MIN_BEST} and f1 > 0.8
    assert "交叉验证 F1" in out.getvalue()
