"""kb.dev.align_signals: the leave-one-pair-out estimate of the last alignment rule, on the real tuned
gold pairs (tests/data/diff) and corpus texts."""
from __future__ import annotations

import io

from conftest import CORPUS, need_shared

from kb.dev import align_signals
from kb.dev.score_align import gold_files, read_gold


def test_lopo_scores_each_pair_with_thresholds_chosen_on_the_others():
    need_shared(CORPUS)
    out = io.StringIO()
    res = align_signals.lopo(out)
    text = out.getvalue()
    # one line per tuned pair, then the three micro-averages measured in the same run
    assert text.count(".tsv ") == len(align_signals._tuned())
    assert "留一对交叉验证" in text and "不用此规则" in text
    # the rule adds links (recall up); thresholds chosen on the other pairs may do a little better or worse on a
    # pair than the ones in use (with the 10 pairs of round 3: 0.903 vs 0.901), never far from them
    assert res["off"][1] < res["lopo"][1]
    assert abs(res["lopo"][1] - res["current"][1]) < 0.02
    assert res["lopo"][2] > res["off"][2]


def test_held_out_laws_are_never_aligned():
    # no alignment round is being annotated now (fourth session of 2026-12-05): round 13 (北京市机动车停车条例,
    # 野生动物保护法), scored once, became tuning data, and the goal was met two rounds running, so none was drawn
    assert align_signals.HELD_OUT_LAWS == ()
    # a law is matched by its title, dated or not, so when a round's laws go in every version of each is held out,
    # and a law of another title that names one (北京市实施《野生动物保护法》办法) is not held out with it
    assert align_signals._law("/x/经济法/野生动物保护法(2018-10-26).md") == "野生动物保护法"
    assert align_signals._law("/x/经济法/野生动物保护法(2022-12-30).md") == "野生动物保护法"
    assert align_signals._law("/x/北京/北京市机动车停车条例(2021-09-24).md") == "北京市机动车停车条例"
    assert align_signals._law("/x/北京/北京市机动车停车条例.md") == "北京市机动车停车条例"
    assert align_signals._law("/x/北京/北京市野生动物保护管理条例(2020-04-24).md") != "野生动物保护法"
    assert align_signals._law("/x/北京/北京市实施《野生动物保护法》办法(2018-03-30).md") != "野生动物保护法"
    assert align_signals._law("/x/经济法/对外贸易法(2016-11-07).md") == "对外贸易法"
    assert align_signals._law("/x/北京/北京市实施《职业教育法》办法.md") != "职业教育法"
    # every gold pair is tuned now; rounds 7 to 13, each scored once, are tuning since
    tuned_laws = {align_signals._law(read_gold(p)[0]) for p in gold_files("tuned")}
    assert {"行政复议法", "北京市实施《水法》办法", "海洋环境保护法", "对外贸易法", "职业教育法", "矿产资源法",
            "北京市未成年人保护条例", "体育法", "农产品质量安全法", "文物保护法",
            "北京市人民代表大会常务委员会任免国家机关工作人员条例", "统计法", "北京市优化营商环境条例",
            "北京市机动车停车条例", "野生动物保护法"} <= tuned_laws
    assert len(gold_files("tuned")) == 30 and gold_files("held-out") == []


def test_an_unknown_mode_is_refused(capsys):
    need_shared(CORPUS)
    assert align_signals.main(["nonsense"]) == 2
    assert ("lopo|shared|remainder|boilerplate|unique|gaps|rename|lexicon|misses|substitute|neighbour|merge|contain|"
            "left|left-chapter|left-stretch|keyterm|cites|retune") in capsys.readouterr().err


def test_the_shared_vocabulary_threshold_chosen_leave_one_pair_out_still_helps():
    # thresholds of kb.compare.align.SHARED chosen on the other 9 pairs, each pair scored with them: F1 above the rule
    # switched off (measured 2026-12-04: 0.946 vs 0.943; in use on all 10 pairs 0.950)
    need_shared(CORPUS)
    out = io.StringIO()
    res = align_signals.lopo_shared(out)
    assert out.getvalue().count(".tsv ") == len(align_signals._tuned())
    assert res["lopo"][2] > res["off"][2] and res["lopo"][1] > res["off"][1]


def test_the_unique_terms_thresholds_chosen_leave_one_pair_out_still_help():
    # the unique-terms rule's three thresholds (kb.compare.segments.UNIQUE_N, UNIQUE, UNIQUE_RUNS) chosen on the other
    # 15 pairs, each pair scored with them: F1 and recall above the rule switched off (measured 2026-12-04: 0.949 vs
    # 0.946; in use on all 16 pairs 0.952, precision unchanged 0.985).  With round 9's two pairs tuning (22 pairs,
    # 2026-12-04): 0.916 vs 0.911, in use 0.917; precision 0.968 vs 0.969 off — the rule's links on the two rewrites
    # (北京市未成年人保护条例 0.361 → 0.400) are a little less precise than the rest, so precision may sit a link below off.
    # With round 10's two pairs (24 pairs, 2026-12-05): 0.911 vs 0.905, in use 0.910; precision 0.968 in use and off.
    # With round 11's two pairs (26 pairs, 2026-12-05): 0.917 vs 0.911, in use 0.917; precision 0.973 in use and off.
    # With round 12's two pairs (28 pairs, 2026-12-05, third session): 0.924 vs 0.919, in use 0.924; precision 0.975 in
    # use, 0.976 off. With round 13's (30 pairs, fourth session): 0.928 vs 0.923, in use 0.928; precision 0.975, in use
    # and off 0.977
    need_shared(CORPUS)
    out = io.StringIO()
    res = align_signals.lopo_unique(out)
    assert out.getvalue().count(".tsv ") == len(align_signals._tuned())
    assert res["lopo"][2] > res["off"][2] and res["lopo"][1] > res["off"][1]
    assert res["current"][0] >= res["off"][0] - 0.002


def test_every_missed_gold_link_is_classified():
    # python3 -m kb.dev.align_signals misses: each gold link kb misses on the tuned pairs has one kind, and each kind's
    # breakdown by what kb linked adds up to it (measured 2026-12-04: 96 misses; splits 34, many-to-many 30, merges 17,
    # one-to-one rewrites 15; with round 9's two pairs, 22 pairs: 160 misses, 52 / 41 / 35 / 32; with round 10's,
    # 24 pairs (2026-12-05): 192 misses, 71 / 48 / 37 / 36; with round 11's, 26 pairs: 198 misses, 73 / 52 / 37 / 36;
    # with round 12's, 28 pairs (third session): 199 misses, 74 / 52 / 37 / 36; with round 13's, 30 pairs (fourth
    # session): 200 misses, 74 / 52 / 37 / 37)
    need_shared(CORPUS)
    from kb.compare.align import align
    out = io.StringIO()
    count = align_signals.misses(out)
    missed = sum(len(gold - align_signals._linked(align(od, nd))) for _, _, od, nd, gold in align_signals._tuned())
    kinds = [k for k in count if isinstance(k, str)]
    assert len(kinds) == 4 and sum(count[k] for k in kinds) == missed
    assert f"漏掉的金标准链接：{missed} 条" in out.getvalue()
    for k in kinds:
        assert sum(c for key, c in count.items() if isinstance(key, tuple) and key[0] == k) == count[k]
    # and each has one kind of evidence (what the two articles still share) and place (in kb's order or moved far)
    evidence = {key: c for key, c in count.items() if isinstance(key, tuple) and key[0] == "证据"}
    assert sum(evidence.values()) == missed and {key[1] for key in evidence} <= set(align_signals.EVIDENCE)
    assert "按字面证据" in out.getvalue()


def test_substitutions_are_the_replacements_a_pair_makes_again_and_again():
    pairs = [("国境卫生检疫机关应当检疫", "海关应当检疫"), ("由国境卫生检疫机关处罚", "由海关处罚"), ("应当报告", "必须报告")]
    table = align_signals.substitutions(pairs)
    # the rename made twice is learnt (as a character diff cuts it), 应当 → 必须 made once is not
    assert align_signals.substituted("国境卫生检疫机关负责", table) == "海关负责"
    assert align_signals.substituted("应当报告", table) == "应当报告"


def test_the_merge_side_of_the_neighbour_signal_links_an_old_article_folded_into_its_neighbours_new_one(monkeypatch):
    # python3 -m kb.dev.align_signals merge (tried, not used): old 第二条, nothing linked, beside old 第一条 linked to new
    # 第一条, is linked to it when alike enough; switched off (sim 9.9) it is not
    import kb.compare.align as align_mod
    from kb.text.parse import parse_text

    old = parse_text("某条例\n\n第一条　居民委员会应当每年召开居民会议，讨论本居住地区的公共事务。\n\n"
                     "第二条　居民会议由十八周岁以上的居民组成，可以由全体居民参加。\n\n第三条　本条例自公布之日起施行。\n")
    new = parse_text("某条例\n\n第一条　居民委员会应当每年召开居民会议，讨论本居住地区的公共事务，居民会议的成员为十八周岁以上的居民。"
                     "\n\n第二条　本条例自公布之日起施行。\n")

    def links():
        al = align_mod.align(old, new)
        return {(al.old[l.old].label, al.new[l.new].label) for l in al.links if l.old is not None and l.new is not None}

    _, rule, both = align_signals._patched("_link_unique", align_signals._link_neighbour)
    monkeypatch.setattr(align_mod, "_link_unique", both)
    monkeypatch.setattr(align_signals, "NEIGHBOUR", align_signals.types.SimpleNamespace(sim=9.9, reach=1, side="merge"))
    assert links() == {("第一条", "第一条"), ("第三条", "第二条")}
    align_signals.NEIGHBOUR.sim = 0.1
    assert links() == {("第一条", "第一条"), ("第三条", "第二条"), ("第二条", "第一条")}
    # the split side does not look at old articles left over
    align_signals.NEIGHBOUR.side = "split"
    assert ("第二条", "第一条") not in links()
