"""python3 -m kb.dev.related_cv: the leave-one-file-out cross-validation behind the related-provision
formula and the repetition check's bounds, on the tuning annotations."""
from __future__ import annotations

import io

import pytest

from conftest import CORPUS, ROOT, need_shared


def test_related_cv_keeps_the_held_out_round_out_and_picks_the_current_formula():
    need_shared(CORPUS)         # outside-kb/'s annotations are of corpus texts; without them the folds choose otherwise
    from kb.dev import related_cv
    from kb.library.related import BASIS, GROUND, OUTSIDE, PENALTY, PUBLIC, RARE, SEGMENTS, THRESHOLDS

    items = related_cv._items(ROOT)
    # every tuning file (set: tuning — the fourth to sixth rounds' files, named heldout, among them; and outside-kb/'s,
    # texts not in the knowledge base, whose articles ask a copy of the library extended with them); no round is being
    # annotated (round 6 was scored once), so no file is left out and every repetition file is read; round 12r's three
    # texts, being annotated now, would be (no file of theirs is in the repository yet)
    from kb.dev.heldout import HELD_OUT_FILES
    assert {t for t in related_cv.HELD_OUT_TEXTS if not any(t in f for f in HELD_OUT_FILES)} == set()
    assert len(related_cv.HELD_OUT_TEXTS) == 3 and related_cv.HELD_OUT_REGULATIONS == ()
    names = {f.name for f in (ROOT / "tests/data/related").glob("related-*.yml")
             if "\nset: held-out" not in f.read_text(encoding="utf-8")}
    assert {"related-heldout-cq-cunwei.yml", "related-heldout-qingyuan-wuye.yml",
            "related-heldout-bj-cunmin-guiding.yml"} <= names
    outside_files = {"related-heldout-cq-jiedao-gongwei.yml", "related-heldout-cq-cunzhen-guihua.yml",
                     "related-heldout-cq-daibiao.yml", "related-heldout-cq-xiangzhen-renda.yml",
                     "related-heldout-cq-daibiao-jianyi.yml", "related-heldout-cq-changweihui-yishi.yml",
                     "related-heldout-cq-zhifa-jiandu.yml", "related-heldout-gd-changweihui-yishi.yml",
                     "related-heldout-cq-difang-lifa.yml", "related-heldout-bj-jihua-shencha.yml"}
    assert {i["file"] for i in items} == names | outside_files
    # × 2 kinds; the 重庆 街道工作委员会工作条例 rested outside the knowledge base until its grounds (地方组织法, 代表法) were
    # imported (round 7r); the 村镇规划建设管理条例's 村庄和集镇规划建设管理条例 is not in ../shared/corpus; round 8r's two
    # texts (tuning since 2026-12-05): the 代表法 实施办法 rests on the 代表法, the 乡镇人大工作条例 on the 选举法 too, which
    # the knowledge base leaves out (tests/library/test_shipped_grounds.py); round 9r's two (tuning since the third session
    # of 2026-12-05) rest on the 代表法 and the 地方组织法, both in the knowledge base; round 10r's two (tuning since the fourth
    # session of 2026-12-05): the 重庆 行政执法监督条例 on the 地方组织法 "等法律、法规", the 广东 议事规则 on the 监督法 too, which
    # the knowledge base left out until the fifth session of 2026-12-05 (tests/library/test_shipped_grounds.py), as it did the
    # 选举法; round 11r's two (tuning since that session): the 重庆市地方立法条例 on the 立法法 and the 地方组织法, the 北京
    # 计划审查监督条例 on the 地方组织法 and the 监督法 — since the four laws joined, every text rests on the knowledge base but
    # the 村镇规划建设管理条例
    for name, articles, rests_outside in (("related-heldout-cq-jiedao-gongwei.yml", 12, False),
                                          ("related-heldout-cq-cunzhen-guihua.yml", 54, True),
                                          ("related-heldout-cq-daibiao.yml", 58, False),
                                          ("related-heldout-cq-xiangzhen-renda.yml", 52, False),
                                          ("related-heldout-cq-daibiao-jianyi.yml", 40, False),
                                          ("related-heldout-cq-changweihui-yishi.yml", 49, False),
                                          ("related-heldout-cq-zhifa-jiandu.yml", 25, False),
                                          ("related-heldout-gd-changweihui-yishi.yml", 56, False),
                                          ("related-heldout-cq-difang-lifa.yml", 85, False),
                                          ("related-heldout-bj-jihua-shencha.yml", 34, False)):
        outside = [i for i in items if i["file"] == name]
        assert len(outside) == 2 * articles and all(c["outside"] == rests_outside for i in outside for c in i["cands"])
    repeat = {f.name for f in related_cv.tuning_files(ROOT, "repeat-*.yml")}
    assert repeat == {f.name for f in (ROOT / "tests/data/related").glob("repeat-*.yml")}
    assert {"repeat-qingyuan-wuye.yml", "repeat-beijing-cunmin.yml"} <= repeat
    assert items and all(c["key"][0] not in related_cv.HELD_OUT_REGULATIONS for i in items for c in i["cands"])
    out = io.StringIO()
    res = related_cv.related(ROOT, out)
    p1, r3, chosen = res[("upper", "原公式")]
    # the ground weight and threshold kb uses, with the closest parts weighing 0.4 (SEGMENTS): every fold picks them
    def most(kind, name):
        chosen = res[(kind, name)][2]
        best = max(set(chosen), key=chosen.count)
        return best, chosen.count(best)

    # Since the fifth session of 2026-12-05 (21 folds: round 11r's two files joined; the 立法法, 监督法, 选举法 and 预算法 joined
    # the knowledge base) the figures undercount: the gold of the texts resting on those laws (rounds 8r–11r) lacks their
    # provisions until an annotator extends it, so kb's answers from them count as wrong. What the folds choose on this
    # data is stated as measured; kb's constants are not moved on it.
    best, n = most("upper", "原公式")
    # (with TOPIC/OFF_TOPIC, newcomer review 5: eleven folds of thirteen; without it every fold; 21 of 21 now)
    assert best == (None, GROUND["upper"], THRESHOLDS["upper"]) and n >= 11 and THRESHOLDS["upper"] == 0.016
    # the closest parts beat round 7's formula without them; their weight, 0.2 when chosen (twelve folds, round 7r) and 0.4
    # on the annotations extended that round (every fold, of a grid reaching 0.6: not an edge of it), with kb's ground
    # weight and threshold
    p1, r3 = res[("upper", "原公式")][:2]
    r7 = res[("upper", "第七轮的公式（不用最相近款项）")]
    assert p1 > r7[0] and r3 >= r7[1]
    assert SEGMENTS["upper"] == SEGMENTS["lower"] == 0.4 and SEGMENTS["peer"] == 0
    # 19 of 19 folds since round 10r's two files joined (17 of 17 with ACTORS, below; 16 of 17 without it since round 9r's
    # two files joined, 13 of 15 with round 8r's, 10 of 13 before; with the topic of uncited laws, TOPIC, below, some folds
    # picked other ground weights or thresholds — every fold the weight 0.4; on the formula before it every fold chose all
    # three); since the four laws joined (21 folds, the four laws' provisions missing from the gold) every fold picks 0.5 with kb's ground
    # weight and threshold (0.590 / 0.672 against kb's 0.595 / 0.663); with the actors' bodies cut to levels and places
    # (ACTOR_BODIES, fifth session) 19 of 21 (0.589 / 0.665 against kb's 0.592 / 0.660)
    assert most("upper", "最相近款项的余弦") == ((0.5, GROUND["upper"], THRESHOLDS["upper"]), 19)
    # the actors two articles share (ACTORS: relevance × (1 + 0.5 × the share of actors in common), third session of
    # 2026-12-05): every fold picks 0.5 with kb's ground weight and threshold, and the formula beats the one without it
    # (0.751 / 0.815 → 0.757 / 0.822 on seventeen folds; 0.722 / 0.787 → 0.727 / 0.793 on nineteen, every fold too; by
    # the actors' bodies, below, 0.729 / 0.801); since the four laws joined (21 folds, the four laws' provisions missing from the gold) 20 of
    # 21 folds pick 0.5, and ACTORS buys R@3 for P@1 (0.601 / 0.647 without it, 0.595 / 0.663 with it); with the bodies cut
    # to levels and places (below) 18 of 21 (3 pick 0.25): 0.601 / 0.647 without it, 0.592 / 0.660 with it
    from kb.library.related import ACTORS

    assert most("upper", "主体重合") == ((ACTORS["upper"], GROUND["upper"], THRESHOLDS["upper"]), 18)
    r9 = res[("upper", "第九轮的公式（不看主体重合）")]
    assert r3 > r9[1] and p1 + r3 > r9[0] + r9[1]
    # 同类立法: no fold gained by it on nineteen folds (10 of 19 picked 0, 9 0.5); on 21 with the four laws 19 picked 0.75
    # at no gain while a department's or unit's name was its generic tail (0.764 / 0.732 against 0.762 / 0.735); with
    # the bodies cut to levels and places every fold picks 0.75, kb's ACTORS for 同类立法 since the fifth session:
    # 0.762 / 0.735 → 0.770 / 0.745 (the same actors with the generic tails: 0.767 / 0.745)
    assert most("peer", "主体重合") == ((ACTORS["peer"], GROUND["peer"], 0.007), 21) and ACTORS["peer"] == 0.75
    peer_p1, peer_r3 = res[("peer", "原公式")][:2]
    p9, generic = res[("peer", "第九轮的公式（不看主体重合）")], res[("peer", "主体按机关含通名（第十二轮之前）")]
    assert peer_p1 > p9[0] and peer_r3 > p9[1] and peer_p1 > generic[0] and peer_r3 >= generic[1]
    # the actors compared by the bodies their names name (ACTOR_BODIES, fourth session of 2026-12-05) beat the names
    # themselves: 0.727 / 0.793 → 0.729 / 0.801 on nineteen folds, every fold keeping ACTORS 0.5, ground 3, threshold 0.016;
    # on 21 with the four laws 0.597 / 0.652 → 0.595 / 0.663 (20 folds keep ground 3, threshold 0.016). Those bodies
    # ended in generic tails (部门, 单位, 主任, 代表 …: 民政部门 was 财政部门, code review 9, M9); cut to the bodies a
    # level or place qualifies (fifth session) 0.592 / 0.660, every fold but one keeping ground 3 and threshold 0.016
    # (one picks 0.014) — at kb's own ground weight and threshold three 上位法 answers more are right and none fewer
    # (北京市城乡规划条例 two, the 乡镇人大工作条例 one): within a fold's noise of the generic tails
    names = res[("upper", "主体按名称（第十一轮之前）")]
    assert r3 > names[1] and p1 + r3 > sum(names[:2]) and most("upper", "主体按名称（第十一轮之前）")[1] == 20
    generic = res[("upper", "主体按机关含通名（第十二轮之前）")]
    assert abs(generic[0] - p1) < 0.005 and abs(generic[1] - r3) < 0.005
    assert max(related_cv.VARIANTS["最相近款项的余弦"][0]) > SEGMENTS["upper"]
    # the topic of a law the regulation does not cite (TOPIC, OFF_TOPIC: newcomer review 5): with the closest parts at 0.4
    # it costs cross-validated P@1 on the default knowledge base (0.745 → 0.733, R@3 0.755 both: two folds lower their
    # thresholds), though kb score-related's totals do not move (the earlier formulas above are without it, as they were)
    from kb.library.related import OFF_TOPIC, TOPIC

    assert (TOPIC["upper"], TOPIC["lower"], TOPIC["peer"], OFF_TOPIC) == (0.05, 0.05, 0.0, 0.025)
    before = res[("upper", "不看主题的公式（TOPIC 之前）")][:2]      # (and without ACTORS)
    assert r3 >= before[1] and p1 >= before[0] - 0.015
    # the four signals (OUTSIDE, BASIS, PUBLIC, PENALTY), chosen together by each fold, beat the formula without them
    # on P@1 + R@3; every fold keeps kb's BASIS
    joint = res[("upper", "四个信号（各折一起选）")]
    assert sum(joint[:2]) > sum(res[("upper", "第五轮的公式（不用下面四个信号）")][:2])
    # … and kept kb's BASIS 0.5 until the four laws joined; on 21 folds with them 20 folds pick 1 (no factor), at the
    # same figures (0.592 / 0.660)
    assert most("upper", "目的依据条对其他条") == ((1, GROUND["upper"], THRESHOLDS["upper"]), 20) and BASIS["upper"] == 0.5
    assert res[("upper", "目的依据条对其他条")][:2] == res[("upper", "原公式")][:2]
    for value in (BASIS, PUBLIC):
        assert value["peer"] == 1.0         # 同类立法: no fold gains by them
    # … and most folds weighed a penalty clause beside a peer's resting on another ground at kb's 0.5 (with kb's ground
    # weight 0 and threshold: 17 of 19 since round 10r's files joined, 12 of 17 since round 9r's, 10 of 15 before); on 21
    # folds with the four laws, the four laws' provisions missing from the gold, 20 pick kb's 0.5 and threshold 0.007 (with
    # ACTORS 0.75 for 同类立法; without it 16 picked 1), at a figure no higher (0.769 / 0.745)
    assert most("peer", "罚则对非依据法律的罚则") == ((PENALTY["peer"], GROUND["peer"], 0.007), 20)
    assert sum(res[("peer", "罚则对非依据法律的罚则")][:2]) < sum(res[("peer", "原公式")][:2])
    assert PENALTY["peer"] == 0.5
    # OUTSIDE, PUBLIC and PENALTY, each chosen again fold by fold, did no better in cross-validation than kb's 2, 0.1, 0.3;
    # on 21 folds with the four laws (the gold undercounting) and the bodies cut to levels and places, PUBLIC chosen again
    # (0.3 in 20 folds) gives 0.596 / 0.660 and OUTSIDE 0.597 / 0.657 against kb's 0.592 / 0.660: two to four articles,
    # not adopted on this gold (measured again once rounds 8r–11r are extended with the four laws)
    assert (OUTSIDE["upper"], PUBLIC["upper"], PENALTY["upper"]) == (2.0, 0.1, 0.3) and OUTSIDE["peer"] == 1.0
    for name in ("依据条引库外法律时的阈值倍数", "公权主体条对不提公权的条", "罚则对非依据法律的罚则"):
        assert res[("upper", name)][0] <= p1 + 0.005 and res[("upper", name)][1] <= r3
    # tried in round 7 against the largest causes of 上位法 errors (tests/data/related/README.md), neither adopted: the cosine
    # with the candidate law's own subject taken out (another provision of the right law first), and the threshold raised
    # for a text resting outside the knowledge base only for laws it does not cite (answers cut by the threshold)
    # (the first at P@1 0.596 against 0.595 on 21 folds with the four laws, but R@3 0.658 against 0.663)
    for name in ("去法规主题的余弦", "阈值倍数只对本法规未引的法律"):
        assert sum(res[("upper", name)][:2]) < p1 + r3
    # 同类立法: the folds keep kb's threshold 0.006 and ground weight 0 (no weight for two peers citing the same law: twelve
    # folds of thirteen on round 7r's extended annotations, every fold with the penalty factor 0.5); 13 of 15 since round
    # 8r's two files joined (annotated none but one article each): the folds leaving out related-jiedao.yml and
    # related-seed.yml pick ground 1 / threshold 0.014 and 0 / 0.007; since round 9r's two files joined (17 folds) that
    # formula's folds pick 0.007 (14 of 17), kb's formula's kb's 0.006 (15 of 17; 11 of 15 before); since round 10r's two
    # joined (19 folds) 11 of 19 and every fold; on 21 folds with the four laws (the four laws' provisions missing from the gold) round 8's
    # formula splits 9 / 9 between 0 / 0.007 and 1 / 0.008, and kb's formula's folds pick 0.007 (every fold with ACTORS
    # 0.75, 20 of 21 before; kb keeps 0.006)
    r8_chosen = res[("peer", "第八轮的公式（同类立法不看共同主题，罕见二元组 0.5）")][2]
    assert r8_chosen.count((None, 0, 0.007)) == r8_chosen.count((None, 1, 0.008)) == 9
    assert most("peer", "原公式") == ((None, GROUND["peer"], 0.007), 21) and GROUND["peer"] == 0
    # a peer needs a shared subject (SHARED_SUBJECT: a law both cite, or the regulations' topics' cosine ≥ 0.1) and the
    # rare-bigram weight is 0.25 (was 0.5): cross-validated 同类立法 P@1 0.615 → 0.686, R@3 0.751 → 0.776; 13 of 15 folds
    # choose the gate 0.1 (the others 0.08, 0.14); the rare-bigram weight chosen with it: 0.25 in 8 folds, 0 in 7 (since
    # round 9r's two files joined: the gate 0.1 in 15 folds of 17, the weight 0.25 with it in 11; since round 10r's: 18 of 19
    # and 15; on 21 folds with the four laws, the four laws' provisions missing from the gold, the gate 0.08 in 20 and, chosen with the
    # weight, 0.09 with weight 0 in 20 — neither doing better than kb's formula; with ACTORS 0.75 for 同类立法 the gate
    # 0.08 in every fold and, with the weight, 0.08 and kb's 0.25 in 19)
    from kb.library.related import SHARED_SUBJECT

    p1, r3 = res[("peer", "原公式")][:2]
    round8 = res[("peer", "第八轮的公式（同类立法不看共同主题，罕见二元组 0.5）")]
    assert p1 > round8[0] + 0.05 and r3 > round8[1]
    gate = res[("peer", "同类立法的主题门槛（共同依据或法规主题余弦）")][2]
    assert SHARED_SUBJECT == {"upper": 0.0, "peer": 0.1, "version": 0.0, "lower": 0.0}
    assert sum(g[0] == 0.08 for g in gate) == 21
    joint = res[("peer", "主题门槛与罕见二元组权重（各折一起选）")][2]
    assert sum(g[0] == (0.08, RARE["peer"]) for g in joint) == 19 and RARE["peer"] == 0.25
    assert res[("peer", "同类立法的主题门槛（共同依据或法规主题余弦）")][0] < p1
    # without the exception for a law both cite, the gate does not pay (tests/data/related/README.md); for 上位法 the
    # folds chose a gate too but did worse in cross-validation than kb's formula without it; with ACTORS no fold chose one
    # (on 21 folds with the four laws 19 choose 0.07, doing worse: 0.589 / 0.663)
    assert res[("upper", "同类立法的主题门槛（共同依据或法规主题余弦）")][0] <= res[("upper", "原公式")][0]
    # … and the weight of the rare-bigram cosine kb gives 同类立法; for 上位法 (none) a weight chosen fold by fold
    # does worse in cross-validation than the formula without it
    # (on round 8's formula 14 of 15 folds chose 0.25; with the shared subject 7 folds choose 0.25, the rest 0; 11 of 17
    # since round 9r's files joined, 15 of 19 since round 10r's; on 21 folds with the four laws, the four laws' provisions missing from the gold,
    # every fold chose 0 and threshold 0.007: 0.765 / 0.747 against 0.762 / 0.735 — not adopted on this gold; with ACTORS
    # 0.75 for 同类立法 every fold chooses kb's 0.25)
    assert most("peer", "罕见二元组余弦的权重") == ((RARE["peer"], GROUND["peer"], 0.007), 21)
    assert RARE.get("upper", 0) == 0 and sum(res[("upper", "罕见二元组余弦的权重")][:2]) <= sum(res[("upper", "原公式")][:2])
    assert "交叉验证 P@1" in out.getvalue()


def test_repeat_cv_picks_the_least_share_of_the_closest_provision():
    from kb.dev import related_cv
    from kb.library.repeat import MIN_BEST

    need_shared(CORPUS)         # outside-kb/'s annotations are of corpus texts
    out = io.StringIO()
    res = related_cv.repeat(ROOT, out)
    f1, counts, chosen = res["0–0.5，步长 0.05"]
    # fifteen folds: the eight files of texts of the knowledge base and the seven of outside-kb/ (rounds 6, 8r, 9r and 10r,
    # checked in a copy of the library extended with the text, as kb check checks a draft; before the third session of
    # 2026-12-05 the cross-validation read the eight only: F1 0.843, 70 / 8 / 18; thirteen folds before round 10r's two
    # joined: 0.789, 127 / 30 / 38; fifteen: 0.785, 142 / 38 / 40, every fold kb's MIN_BEST). Seventeen since round 11r's
    # two joined (fifth session of 2026-12-05): 0.770, 146 / 43 / 44, every fold MIN_BEST; with the 立法法, 监督法, 选举法 and
    # 预算法 in the knowledge base (the repeats annotated against them missing until an annotator extends the files: the
    # figures undercount) 0.680, 135 / 72 / 55, 14 folds choosing 0.5 and 3 kb's 0.45
    assert len(chosen) == 17 and chosen.count(0.5) == 14 and chosen.count(MIN_BEST) == 3 and f1 > 0.65
    # two provisions together (a repeat spread over them) did not beat the single closest one (since round 7r every fold
    # left them out: the same figure); with the four laws every fold leaves them out and does better (0.697, 147 / 85 / 43)
    assert None in res["前两条合计"][2]
    assert "交叉验证 F1" in out.getvalue()


def test_related_errors_classify_every_error_score_related_counts():
    """python3 -m kb.dev.related_errors: every P@1 error and R@3 miss of the tuning set in exactly one class (the totals
    are kb score-related's), and every annotated repeat the check misses by the bound it fails."""
    from kb.dev import related_errors, score_related
    from kb.dev.related_cv import tuning_files

    res = related_errors.classify(ROOT)
    scores = score_related.score(ROOT, tuning_files(ROOT, "related-*.yml"))["tuning"]
    for kind in ("upper", "peer"):
        s = scores[kind]
        assert sum(len(v) for v in res[kind]["p1"].values()) == s["n"] - s["p1"]
        assert sum(len(v) for v in res[kind]["r3"].values()) == s["n_some"] - s["r3"]
        assert set(res[kind]["r3"]) <= {"threshold", "ranked 4–15", "beyond 15", "not retrieved"}
    # 同类立法's largest class: annotated none, kb offers a peer (北京城乡规划条例 has no planning peer in the base)
    peer = res["peer"]["p1"]
    assert max(peer, key=lambda k: len(peer[k])) == "none→offer"
    misses = related_errors.classify_repeat(ROOT)
    from kb.dev.score_repeat import score as score_repeat

    total = score_repeat(ROOT, tuning_files(ROOT, "repeat-*.yml"))["总计"]
    assert sum(len(v) for v in misses.values()) == total["fn"]
    assert set(misses) <= {"no candidate", "reworded", "too short", "own figures", "spread"}
    out = io.StringIO()
    related_errors.report(res, out)
    related_errors.report_repeat(misses, out)
    assert "上位法 P@1 错" in out.getvalue() and "重复上位法 漏报" in out.getvalue()


@pytest.mark.parametrize("args, rc", [(["--bogus"], 2), (["extra"], 2), (["-h"], 0)])
def test_related_errors_reads_its_arguments(args, rc, capsys):
    # review-final3 item 6: --bogus ran the whole report with exit code 0, -h gave no usage
    from kb.dev import related_errors

    with pytest.raises(SystemExit) as e:
        related_errors.main(args)
    assert e.value.code == rc
    out, err = capsys.readouterr()
    assert "usage: python3 -m kb.dev.related_errors" in (err if rc else out)
    assert "P@1" not in out             # no report


def test_the_ranking_scored_once_for_every_threshold_counts_as_each_threshold_alone():
    """The cross-validation ranks each article's candidates once per (parameter, ground weight) and reads every
    threshold off that ranking (newcomer review 5, item 9: the test above took about 7 minutes of the suite, scoring
    and sorting again for each of the 12 thresholds): the counts are those of scoring at each threshold alone, on
    the real tuning items."""
    from kb.dev import related_cv
    from kb.library.annotations import NONE

    items = [i for i in related_cv._items(ROOT) if i["kind"] == "upper"]
    fn = related_cv.VARIANTS["原公式"][1]

    def alone(threshold):
        out: dict = {}
        for it in items:
            scored = sorted(((fn(None, 3, c), c["key"]) for c in it["cands"]), reverse=True)[:5]
            got = [k for s, k in scored if s >= threshold]
            t = out.setdefault(it["file"], [0, 0, 0, 0])
            t[1] += 1
            if it["gold"] == NONE:
                t[0] += not got
            else:
                t[0] += bool(got) and got[0] in it["gold"]
                t[2] += bool(set(got[:3]) & it["gold"])
                t[3] += 1
        return out

    every = related_cv._scores(items, lambda c: fn(None, 3, c), related_cv.THRESHOLDS)
    assert list(every) == list(related_cv.THRESHOLDS)
    for t in related_cv.THRESHOLDS:
        assert every[t] == alone(t), t
    # the thresholds do tell the answers apart (a test of a grid that never changed anything would prove nothing)
    assert len({str(sorted(every[t].items())) for t in related_cv.THRESHOLDS}) > 3
