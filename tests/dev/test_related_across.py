"""同类立法 across the shared-subject gate (kb.library.related.ACROSS, eighteenth session of 2026-12-07): a candidate whose
regulation fails SHARED_SUBJECT is offered at half its relevance where neither article is a frame article
(Library.frame) — the best one only, with no followers after it alone (ACROSS_MOST, nineteenth session). What the folds
chose and what it moved, on the tuning files as they stand: when a round's files join the tuning set the folds choose
anew — re-measure (python3 -m kb.dev.related_cv related) and restate the figures here and in
tests/data/related/README.md ("Peers across the gate (eighteenth session)") together."""
from __future__ import annotations

import io

import pytest

from conftest import CORPUS, ROOT, need_shared

VARIANT = "同类立法门槛外的非框架条（相关度除以倍数）"
#: 同类立法's cross-validated (P@1, R@3) with kb's formula and with the gate alone (ACROSS 0), and the folds' choices of
#: the variant ((divisor, ground weight, threshold): folds), per count of folds: 45 on main as this was measured, 47 once
#: round 24r's two files join outside-kb/ (the session's bookkeeping; its two texts, most articles without a peer, tip
#: the 17 folds that chose ÷1.5 at 0.006 — as good a P@1 + R@3 to within 0.002 — to kb's ÷2 at 0.007), 49 since round
#: 25r's two joined (nineteenth session's bookkeeping: every fold ÷2 at 0.007 again; the two texts add 97 articles, 3 with
#: a weak peer, which ACROSS costs one first answer of the CV's and finds none: −13 / +11 on all 49 files at kb's point;
#: 45 and 47 as measured then, every candidate across the gate offered and followed), and on 49 with one peer across
#: the gate (ACROSS_MOST, engineer 14l of the nineteenth session; 0.852 / 0.689 before it): R@3 +9 articles over the gate
#: alone where every one gave +12, the same first answers (0.852 then; 0.853 with the thirtieth round of obligation
#: rules of the same session, one actor of 重庆市实施村民委员会组织法办法 changed); 51 since round 26r's two joined
#: (twentieth session's bookkeeping: every fold ÷2 at 0.007; the two texts add 103 articles, 9 with a weak peer, and
#: pull both figures down — held out, kb offered peers to 节水 articles annotated none —: R@3 still 0.016 over the
#: gate alone); 53 since round 27r's two joined (twenty-first session's bookkeeping, with that session's obligation
#: rules: three folds ÷2.5; R@3 0.016 over the gate alone, P@1 0.007 under it); 55 since round 28r's two joined
#: (twenty-second session's bookkeeping: three folds ÷2.5, one ÷3; R@3 0.020 over the gate alone, P@1 0.007 under it);
#: 57 since round 29r's two joined (twenty-third session's bookkeeping: the same choices; R@3 0.020 over the gate alone,
#: P@1 0.007 under it); 59 since round 30r's two joined (twenty-fourth session's bookkeeping: 57 folds ÷2 at 0.007, one
#: ÷2.5 at 0.006, one ÷3 at 0.005; R@3 0.022 over the gate alone, P@1 0.004 under it)
FIGURES = {45: ((0.841, 0.695), (0.848, 0.669), {(2, 0, 0.007): 28, (1.5, 0, 0.006): 17}),
           47: ((0.848, 0.693), (0.853, 0.668), {(2, 0, 0.007): 47}),
           49: ((0.853, 0.683), (0.854, 0.664), {(2, 0, 0.007): 49}),
           51: ((0.846, 0.674), (0.851, 0.658), {(2, 0, 0.007): 51}),
           53: ((0.847, 0.670), (0.854, 0.654), {(2, 0, 0.007): 50, (2.5, 0, 0.007): 3}),
           55: ((0.850, 0.667), (0.857, 0.647), {(2, 0, 0.007): 51, (2.5, 0, 0.007): 3, (3, 0, 0.007): 1}),
           57: ((0.854, 0.661), (0.861, 0.641), {(2, 0, 0.007): 53, (2.5, 0, 0.007): 3, (3, 0, 0.007): 1}),
           59: ((0.857, 0.661), (0.861, 0.639), {(2, 0, 0.007): 57, (2.5, 0, 0.006): 1, (3, 0, 0.005): 1})}


@pytest.fixture(scope="module")
def lib():
    from kb.library.related import load_library

    return load_library(ROOT)


def _peers(lib, reg_id: str, label: str) -> list[tuple]:
    e = next(x for x in lib.entries if x.latest and x.reg.id == reg_id and x.label == label)
    return [(r.entry.reg.id, r.entry.label) for r in lib.related(e, kinds=("peer",), marks=False)]


def test_a_peer_across_the_gate_is_offered_where_neither_article_is_a_frame_article(lib, monkeypatch):
    from kb.library import related

    # the 街道办事处条例's 第二十五条 (街道办事处依法开展综合行政执法活动……) and the 城乡规划条例's 第五十八条 (……街道办事处等查处违法
    # 建设的职责分工): the annotators' peer, one institution's enforcement in a text on planning, whose subject the
    # 街道办事处条例's does not share (topics' cosine under SHARED_SUBJECT, no law both cite)
    jiedao, guihua = "北京市街道办事处条例", "北京市城乡规划条例"
    assert not lib.regs_share_subject("peer", jiedao, guihua)
    assert related.ACROSS == {"peer": 2.0}
    assert (guihua, "第五十八条") in _peers(lib, jiedao, "第二十五条")[:3]
    e = next(x for x in lib.entries if x.latest and x.reg.id == jiedao and x.label == "第二十五条")
    b = next(x for x in lib.entries if x.latest and x.reg.id == guihua and x.label == "第五十八条")
    assert not lib.frame(e) and not lib.frame(b)
    # … which the gate alone turned away
    monkeypatch.setattr(related, "ACROSS", {})
    assert (guihua, "第五十八条") not in _peers(lib, jiedao, "第二十五条")


def test_frame_articles_are_the_text_s_frame_not_its_subject(lib):
    from kb.library.related import F_PENALTY

    reg = "北京市街道办事处条例"
    arts = [x for x in lib.entries if x.latest and x.reg.id == reg]
    by = {x.label: x for x in arts}
    # the 第一条 (立法目的) and the last (施行), a penalty, a clause referring to the text's other provisions are frame
    # articles; the body's duties are not
    assert lib.frame(by["第一条"]) and lib.frame(arts[-1])
    assert not lib.frame(by["第二十五条"])
    penalties = [x for x in arts if lib.form(x) & F_PENALTY]
    assert penalties and all(lib.frame(x) for x in penalties)


def test_score_related_peer_figures_move_with_across(monkeypatch):
    """kb score-related on the knowledge base's tuning files: 同类立法 P@1 / R@3 / 覆盖@3 0.663 / 0.816 / 0.647 with the
    gate alone, 0.668 / 0.825 / 0.653 with ACROSS (街道办事处 +2 / +2 articles, seed +1 / +1, 城乡规划 −1 P@1; one answer
    across the gate and no followers after it alone, ACROSS_MOST: 覆盖@3 0.655 → 0.653, the 街道办事处条例's file 0.566 →
    0.544, P@1 and R@3 as with every answer across the gate; P@1 0.671 and 0.666 with the thirtieth round of obligation
    rules of the same session, one actor of 重庆市实施村民委员会组织法办法 changed); 上位法 unchanged by ACROSS:
    it has no gate (0.780 / 0.764 / 0.663 then; 0.777 / 0.760 / 0.659 since POSITION 0.75, nineteenth session,
    tests/dev/test_related_position.py; 0.782 / 0.760 / 0.659 since ORDER_HEAD, twenty-third session, engineer e14d)."""
    from kb.dev.related_cv import tuning_files
    from kb.dev.score_related import score
    from kb.library import related

    def figures():
        s = score(ROOT, tuning_files(ROOT, "related-*.yml"))["tuning"]
        return tuple(tuple(round(s[k][m], 3) for m in ("P@1", "R@3", "覆盖@3")) for k in ("upper", "peer"))

    assert figures() == ((0.782, 0.760, 0.659), (0.671, 0.825, 0.653))
    monkeypatch.setattr(related, "ACROSS", {})
    assert figures() == ((0.782, 0.760, 0.659), (0.666, 0.816, 0.647))


def test_most_folds_choose_across_2_and_it_costs_p1_less_than_it_gains_r3(monkeypatch):
    need_shared(CORPUS)         # outside-kb/'s annotations are of corpus texts; without them the folds choose otherwise
    from kb.dev import related_cv
    from kb.library import related

    items = [i for i in related_cv.annotated_items(ROOT) if i["kind"] == "peer"]
    folds = len({i["file"] for i in items})
    res = related_cv.related(ROOT, io.StringIO(), variants=["原公式", VARIANT], items=items)
    kb, chosen = res[("peer", "原公式")], res[("peer", VARIANT)]
    across = related.ACROSS["peer"]
    monkeypatch.setattr(related, "ACROSS", {})
    gate = related_cv.related(ROOT, io.StringIO(), variants=["原公式"], items=items)[("peer", "原公式")]
    # the bar ACROSS was adopted by: R@3 up, P@1 down by no more than 0.01, against the gate alone (R@3 up by 0.02 and
    # more with every candidate across the gate; by 0.019 with the best one, ACROSS_MOST)
    assert kb[1] > gate[1] + 0.015 and kb[0] >= gate[0] - 0.01
    assert folds in FIGURES, folds
    mine, alone, choices = FIGURES[folds]
    assert tuple(round(x, 3) for x in kb[:2]) == mine and tuple(round(x, 3) for x in gate[:2]) == alone
    assert {c: chosen[2].count(c) for c in set(chosen[2])} == choices
    assert max(choices, key=choices.get)[0] == across == 2.0


def test_an_article_gets_one_peer_across_the_gate_the_best_and_no_followers_after_it(lib, monkeypatch):
    """Code review 25, finding 1 (ACROSS_MOST, nineteenth session): the 城乡规划法's 第十五条 (县人民政府组织编制……总体规划，
    报上一级人民政府审批) shares its subject with no regulation of the knowledge base that has a like clause; across the
    gate it got five answers, the 预算法's filing clauses (第七十三条 调整方案……报上一级政府备案 and four more), none right.
    Now the best one only, and no weaker answers after it."""
    from kb.library import related

    law, label = "城乡规划法", "第十五条"
    e = next(x for x in lib.entries if x.latest and x.reg.id == law and x.label == label)
    got = lib.related(e, kinds=("peer",), marks=False)
    assert len(got) == 1 and not got[0].weak
    assert not lib.regs_share_subject("peer", law, got[0].entry.reg.id)
    # … with ``thresholds=None`` (kb score-related's ranking) every candidate is asked, and one across the gate is ranked
    ranked = lib.related(e, kinds=("peer",), limit=related.CANDIDATES, marks=False, thresholds=None)
    assert sum(not lib.regs_share_subject("peer", law, r.entry.reg.id) for r in ranked) == 1
    # the answer is the best of those the rule offered before, each at half its relevance, with their followers
    monkeypatch.setattr(related, "ACROSS_MOST", {})
    before = lib.related(e, kinds=("peer",), marks=False)
    assert len(before) == related.LIMIT and before[0].entry.reg.id == "预算法"
    assert (got[0].entry.index, got[0].relevance) == (before[0].entry.index, before[0].relevance)


def test_followers_still_come_after_an_answer_of_a_regulation_that_shares_the_subject(lib):
    """ACROSS_MOST bounds the answers across the gate and stops FOLLOW after them alone, not after an answer the gate
    let through: the 街道办事处条例's 第三十二条 (居民公约, 居民委员会's self-government) keeps its weaker answers."""
    from kb.library.related import FOLLOW

    reg = "北京市街道办事处条例"
    e = next(x for x in lib.entries if x.latest and x.reg.id == reg and x.label == "第三十二条")
    got = lib.related(e, kinds=("peer",), marks=False)
    assert "peer" in FOLLOW and any(r.weak for r in got)
    assert any(lib.regs_share_subject("peer", reg, r.entry.reg.id) for r in got if not r.weak)
