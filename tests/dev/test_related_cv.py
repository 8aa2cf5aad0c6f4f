"""python3 -m kb.dev.related_cv: the leave-one-file-out cross-validation behind the related-provision
formula and the repetition check's bounds, on the tuning annotations.

The fold counts and figures below are measurements on the tuning files as they stand (code review 10, item 12): when a
round's files join the tuning set or an annotation changes, the folds choose anew. A failing count is then a reason to
re-measure (python3 -m kb.dev.related_cv related / repeat) and to re-tune kb's constants where the folds now agree on
other values, stating the new figures here and in tests/data/related/README.md together — not to patch the numbers alone."""
from __future__ import annotations

import io

import pytest

from conftest import CORPUS, ROOT, need_shared


#: the 上位法 "none" rules of the twenty-seventh round (related_cv.VARIANTS), measured and not adopted
NONE_RULES = ("无答案规则：第一答案的覆盖下限", "无答案规则：依据在库外时第一答案的罕见二元组余弦下限", "依据法律的候选另设阈值倍数")


def test_related_cv_keeps_the_held_out_round_out_and_picks_the_current_formula():
    need_shared(CORPUS)         # outside-kb/'s annotations are of corpus texts; without them the folds choose otherwise
    from kb.dev import related_cv
    from kb.library.related import BASIS, GROUND, OUTSIDE, PENALTY, POSITION, PUBLIC, RARE, SEGMENTS, THRESHOLDS

    items = related_cv.annotated_items(ROOT)
    # every tuning file (set: tuning — the fourth to sixth rounds' files, named heldout, among them; and outside-kb/'s,
    # texts not in the knowledge base, whose articles ask a copy of the library extended with them); round 25r's two
    # texts (HELD_OUT_TEXTS since the eighteenth session, 2026-12-07) would be left out, but no tuning file is theirs
    # (they are being annotated outside the repository; round 24r's two texts, scored once, are tuning in outside-kb/
    # since the eighteenth session, as round 23r's since the seventeenth), so no file is left out and every repetition
    # file is read — so it is of round 28r's (HELD_OUT_TEXTS in the twenty-first session), of round 29r's (the
    # twenty-second), of round 30r's (the twenty-third) and of round 31r's (since the twenty-fourth), round 27r's being tuning since the twenty-first session and round 28r's since the twenty-second
    from kb.dev.heldout import HELD_OUT_FILES
    assert {t for t in related_cv.HELD_OUT_TEXTS if not any(t in f for f in HELD_OUT_FILES)} == set()
    assert len(related_cv.HELD_OUT_TEXTS) == 2 and related_cv.HELD_OUT_REGULATIONS == ()
    names = {f.name for f in (ROOT / "tests/data/related").glob("related-*.yml")
             if "\nset: held-out" not in f.read_text(encoding="utf-8")}
    assert {"related-heldout-cq-cunwei.yml", "related-heldout-qingyuan-wuye.yml",
            "related-heldout-bj-cunmin-guiding.yml"} <= names
    outside_files = {"related-heldout-cq-jiedao-gongwei.yml", "related-heldout-cq-cunzhen-guihua.yml",
                     "related-heldout-cq-daibiao.yml", "related-heldout-cq-xiangzhen-renda.yml",
                     "related-heldout-cq-daibiao-jianyi.yml", "related-heldout-cq-changweihui-yishi.yml",
                     "related-heldout-cq-zhifa-jiandu.yml", "related-heldout-gd-changweihui-yishi.yml",
                     "related-heldout-cq-difang-lifa.yml", "related-heldout-bj-jihua-shencha.yml",
                     "related-heldout-cq-yusuan-jiandu.yml", "related-heldout-bj-zhuanxiang-baogao.yml",
                     "related-heldout-gd-renda-yishi.yml", "related-heldout-bj-xuanju-xize.yml",
                     "related-heldout-bj-cehui.yml", "related-heldout-bj-fanbuzhengdang.yml",
                     "related-heldout-bj-youzheng.yml", "related-heldout-cq-chanpin-zhiliang.yml",
                     "related-heldout-bj-zaosheng.yml", "related-heldout-bj-senlin.yml",
                     "related-heldout-bj-renfang.yml", "related-heldout-bj-funv.yml",
                     "related-heldout-bj-zhongzi.yml", "related-heldout-bj-jiaotong.yml",
                     "related-heldout-bj-jianshe-zhiliang.yml", "related-heldout-bj-jieneng.yml",
                     "related-heldout-gd-aizibing.yml", "related-heldout-bj-zhuanli.yml",
                     "related-heldout-bj-jujia-yanglao.yml", "related-heldout-gd-gufei.yml",
                     "related-heldout-cq-jiliang.yml", "related-heldout-cq-kexie.yml",
                     "related-heldout-cq-fangxun.yml", "related-heldout-gd-jianzhu-laji.yml",
                     "related-heldout-cq-feiyi.yml", "related-heldout-cq-shuiziyuan.yml",
                     "related-heldout-bj-zhongyiyao.yml", "related-heldout-gd-dongwu-fangyi.yml",
                     "related-heldout-bj-wenwu.yml", "related-heldout-bj-jieshui.yml",
                     "related-heldout-bj-fan-langfei.yml", "related-heldout-cq-fangzhen.yml",
                     "related-heldout-gd-jisheng.yml", "related-heldout-bj-tongji.yml",
                     "related-heldout-cq-zhaobiao.yml", "related-heldout-cq-canjiren.yml",
                     "related-heldout-bj-hezuoshe.yml", "related-heldout-cq-jixu-jiaoyu.yml"}
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
    # the 村镇规划建设管理条例; round 12r's three (tuning since the sixth session): the 预算法 and 监督法, the 监督法, and the
    # 地方组织法, 选举法 and 代表法 (with the 宪法, which every text may cite); round 13r's one (tuning since the seventh
    # session): the 选举法, the 地方组织法 and the 立法法 — it rests outside too: its 第一条 cites the 全国人大常委会's 若干规定 on
    # direct elections, not in the knowledge base; round 14r's two (tuning since the eighth session): each rests on a law
    # the knowledge base does not ship (测绘法 2017, 反不正当竞争法 2019), which its files name under extra_laws:, so each is
    # read in a copy that holds that law and rests on it there; so are round 15r's two (tuning since the ninth session:
    # 邮政法 2015, 产品质量法 2018), round 16r's two (tuning since the tenth: 环境噪声污染防治法 2018, 森林法 2019), round
    # 17r's two (tuning since the eleventh: 人民防空法 2009, 妇女权益保障法 2022) and round 18r's two (tuning since the
    # twelfth: 种子法 2021, 道路交通安全法 2021) — the 交通 text rests outside too: its 第一条 cites the
    # 道路交通安全法实施条例, which the corpus lacks (tests/library/test_shipped_grounds.py); round 19r's two (tuning since
    # the thirteenth: 建筑法 2019, 节约能源法 2018) — the 建设工程质量 text rests outside too, on the 建设工程质量管理条例 —;
    # round 20r's two (tuning since the fourteenth: 传染病防治法 2013, 专利法 2020) — both rest outside too, on the
    # 艾滋病防治条例 and the 专利法实施细则; round 21r's two (tuning since the fifteenth: 老年人权益保障法 2018; 环境保护法 2014
    # and 固体废物污染环境防治法 2020, the first text of the outside set with two extra_laws); round 22r's two (tuning since the
    # sixteenth: 计量法 2018, 科学技术进步法 2021); round 23r's two (tuning since the seventeenth: 水法 2016, 固体废物污染环境防治法
    # 2020) — the 防汛抗旱 text rests outside too: its 第一条 cites the 防洪法, which the knowledge base leaves out on purpose,
    # and the 防汛条例, which the corpus lacks (tests/library/test_shipped_grounds.py); round 24r's two (tuning since the
    # eighteenth: 非物质文化遗产法 2011, 水法 2016), each resting on its one law alone, as do round 25r's (tuning since the
    # nineteenth: 中医药法 2016, 动物防疫法 2021), round 26r's (tuning since the twentieth: 文物保护法 2024, 水法 2016) and
    # round 27r's (tuning since the twenty-first: 反食品浪费法 2021, 防震减灾法 2008; each 第一条 names its law with 相关 or
    # 有关法律、行政法规 only) and round 28r's (tuning since the twenty-second: 人口与计划生育法 2021, 统计法 2024); round 29r's
    # two (tuning since the twenty-third: 招标投标法 2017, 残疾人保障法 2018) — the 招标投标 text rests outside too, on the
    # 招标投标法实施条例, which the corpus lacks (tests/library/test_shipped_grounds.py); round 30r's two (tuning since the
    # twenty-fourth: 农民专业合作社法 2017, 教育法 2021) — the 继续教育 text rests outside too, on the 科学技术进步法 its
    # 第一条 names after the 教育法, which the round did not import (NOT_IMPORTED there)
    for name, articles, rests_outside in (("related-heldout-cq-jiedao-gongwei.yml", 12, False),
                                          ("related-heldout-cq-cunzhen-guihua.yml", 54, True),
                                          ("related-heldout-cq-daibiao.yml", 58, False),
                                          ("related-heldout-cq-xiangzhen-renda.yml", 52, False),
                                          ("related-heldout-cq-daibiao-jianyi.yml", 40, False),
                                          ("related-heldout-cq-changweihui-yishi.yml", 49, False),
                                          ("related-heldout-cq-zhifa-jiandu.yml", 25, False),
                                          ("related-heldout-gd-changweihui-yishi.yml", 56, False),
                                          ("related-heldout-cq-difang-lifa.yml", 85, False),
                                          ("related-heldout-bj-jihua-shencha.yml", 34, False),
                                          ("related-heldout-cq-yusuan-jiandu.yml", 44, False),
                                          ("related-heldout-bj-zhuanxiang-baogao.yml", 17, False),
                                          ("related-heldout-gd-renda-yishi.yml", 66, False),
                                          ("related-heldout-bj-xuanju-xize.yml", 68, True),
                                          ("related-heldout-bj-cehui.yml", 55, False),
                                          ("related-heldout-bj-fanbuzhengdang.yml", 50, False),
                                          ("related-heldout-bj-youzheng.yml", 53, False),
                                          ("related-heldout-cq-chanpin-zhiliang.yml", 53, False),
                                          ("related-heldout-bj-zaosheng.yml", 47, False),
                                          ("related-heldout-bj-senlin.yml", 51, False),
                                          ("related-heldout-bj-renfang.yml", 50, False),
                                          ("related-heldout-bj-funv.yml", 49, False),
                                          ("related-heldout-bj-zhongzi.yml", 66, False),
                                          ("related-heldout-bj-jiaotong.yml", 108, True),
                                          ("related-heldout-bj-jianshe-zhiliang.yml", 106, True),
                                          ("related-heldout-bj-jieneng.yml", 70, False),
                                          ("related-heldout-gd-aizibing.yml", 53, True),
                                          ("related-heldout-bj-zhuanli.yml", 51, True),
                                          ("related-heldout-bj-jujia-yanglao.yml", 22, False),
                                          ("related-heldout-gd-gufei.yml", 53, False),
                                          ("related-heldout-cq-jiliang.yml", 48, False),
                                          ("related-heldout-cq-kexie.yml", 24, False),
                                          ("related-heldout-cq-fangxun.yml", 57, True),
                                          ("related-heldout-gd-jianzhu-laji.yml", 23, False),
                                          ("related-heldout-cq-feiyi.yml", 41, False),
                                          ("related-heldout-cq-shuiziyuan.yml", 45, False),
                                          ("related-heldout-bj-zhongyiyao.yml", 59, False),
                                          ("related-heldout-gd-dongwu-fangyi.yml", 38, False),
                                          ("related-heldout-bj-wenwu.yml", 32, False),
                                          ("related-heldout-bj-jieshui.yml", 71, False),
                                          ("related-heldout-bj-fan-langfei.yml", 30, False),
                                          ("related-heldout-cq-fangzhen.yml", 37, False),
                                          ("related-heldout-gd-jisheng.yml", 47, False),
                                          ("related-heldout-bj-tongji.yml", 39, False),
                                          ("related-heldout-cq-zhaobiao.yml", 56, True),
                                          ("related-heldout-cq-canjiren.yml", 52, False),
                                          ("related-heldout-bj-hezuoshe.yml", 52, False),
                                          ("related-heldout-cq-jixu-jiaoyu.yml", 20, True)):
        outside = [i for i in items if i["file"] == name]
        assert len(outside) == 2 * articles and all(c["outside"] == rests_outside for i in outside for c in i["cands"])
    repeat = {f.name for f in related_cv.tuning_files(ROOT, "repeat-*.yml")}
    assert repeat == {f.name for f in (ROOT / "tests/data/related").glob("repeat-*.yml")}
    assert {"repeat-qingyuan-wuye.yml", "repeat-beijing-cunmin.yml"} <= repeat
    assert items and all(c["key"][0] not in related_cv.HELD_OUT_REGULATIONS for i in items for c in i["cands"])
    out = io.StringIO()
    res = related_cv.related(ROOT, out, items=items)

    def most(kind, name):
        chosen = res[(kind, name)][2]
        best = max(set(chosen), key=chosen.count)
        return best, chosen.count(best)

    def both(kind, name):       # P@1 + R@3
        return sum(res[(kind, name)][:2])

    # Since the sixth session of 2026-12-05: 24 folds (round 12r's three files joined), the 立法法, 监督法, 选举法 and 预算法
    # in the knowledge base, rounds 8r–11r's annotations extended with them (21 folds: 0.704 / 0.805, every fold but three
    # kb's ground weight 3 / threshold 0.016). With 12r no fold picked 3 / 0.016 (20 ground 2 / threshold 0.012, 4 ground 1 /
    # 0.007: 0.694 / 0.812); with the place of the two articles in their texts (POSITION, thirteenth round of tuning):
    # 0.694 / 0.812 → 0.708 / 0.815, 22 folds 2 / 0.012 (2 folds 2 / 0.01). kb keeps 3 / 0.016 (kb.library.related.GROUND
    # says why: P@1 on all 24 files 0.716 there, 0.714 at 2 / 0.012; and at 0.012 the seed's 表彰奖励 clause takes the
    # 残疾人保障法's in a knowledge base with the 社会法 laws, tests/library/test_other_subjects.py). Seventh session: 25
    # folds (round 13r's election text joined): 0.697 / 0.823, 21 folds 2 / 0.012 (2 folds 0.006, 1 each 0.008, 0.01).
    # Eighth session: 27 folds (round 14r's 测绘 and 反不正当竞争 texts joined, each older than its law's corpus version):
    # 0.687 / 0.831, 17 folds 2 / 0.01 (5 folds 0.012, 4 0.006, 1 0.007). Several of kb's signals no longer pay on 27 folds
    # (below: POSITION, SEGMENTS, ACTORS, OUTSIDE); the bookkeeping stated the figures and left the choices to issue 14.
    # Issue 14 (same session): ground weight 3 → 2 with OUTSIDE 2 → 1.5 (kb.library.related.GROUND says why): 0.717 / 0.818,
    # 26 folds 2 / 0.016 — kb's ground weight and threshold — and the signals pay again (below). Ninth session: 29 folds
    # (round 15r's 邮政通信条例 and 产品质量条例 joined, each again far older than its law's corpus version): 0.708 / 0.826,
    # 28 folds kb's 2 / 0.016 (1 fold 2 / 0.01). Tenth session: 31 folds (round 16r's 噪声 and 森林 texts joined): 0.711 /
    # 0.829, 30 folds kb's 2 / 0.016 (1 fold 2 / 0.01). Eleventh session: 33 folds (round 17r's 人防 and 妇女 texts joined):
    # 0.721 / 0.838, 32 folds kb's 2 / 0.016 (1 fold 2 / 0.01). Issue 14, same session (PUBLIC weighs only a candidate of a
    # law the article's regulation does not cite, below; with issue 11's twenty-second round of obligation rules): 0.728 /
    # 0.843, every fold kb's 2 / 0.016. Twelfth session: 35 folds (round 18r's 种子 and 交通 texts joined, the second
    # resting mostly on a 实施条例 the corpus lacks): 0.719 / 0.844, 34 folds kb's 2 / 0.016 (1 fold 2 / 0.007). Issue 14,
    # same session (a 依据 clause's first 上位法 the 依据 clause of the law it names, Library.named_ground, pinned as kb
    # gives it): 0.729 / 0.848, every fold kb's 2 / 0.016. Thirteenth session: 37 folds (round 19r's 建设工程质量 and
    # 节约能源 texts joined, the first resting as much on a 行政法规 the corpus lacks): 0.718 / 0.843, every fold kb's 2 / 0.016.
    # Issue 14, same session (a penalty clause punishing the breach of articles of its own text none of which has a 上位法
    # has none either: Library.owes_nothing, DUTIES): 0.720 / 0.843, every fold kb's 2 / 0.016 — the 110 items of such
    # clauses (14 files) carry their duties' candidates, judged with the same variant and threshold as kb judges them.
    # On 39 folds (fourteenth session, round 20r joined: the 艾滋病防治 and 专利 texts, each resting partly on a 行政法规 the
    # corpus lacks): 0.701 / 0.835, 38 folds 2 / 0.014, 1 fold kb's 2 / 0.016 — the folds leave kb's threshold for the
    # next lower one (on thresholds of 0.016 and up, below, every fold keeps kb's formula: 0.707 / 0.831); the penalty
    # clauses carrying their duties' candidates are 111 items (15 files: the 专利 text's one joined). On 41 folds
    # (fifteenth session, round 21r joined: the 居家养老 and 固体废物 texts, the second under two imported laws): 0.701 /
    # 0.836, 40 folds 2 / 0.014, 1 fold kb's 2 / 0.016 (on thresholds of 0.016 and up every fold keeps kb's formula:
    # 0.706 / 0.832); the penalty clauses carrying their duties' candidates are 116 items (16 files; without their duties'
    # candidates 0.695 / 0.836). With kb's first three answers ordered by relevance × the share of the article each holds
    # (ORDER, issue 14's twenty-fifth round, same session; every variant scores it, related_cv.ORDERED): 0.713 / 0.836, 39
    # folds 2 / 0.014, 1 fold 2 / 0.01, 1 fold kb's 2 / 0.016 (on thresholds of 0.016 and up every fold kb's formula:
    # 0.721 / 0.832); without the duties' candidates 0.707 / 0.837. On 43 folds (sixteenth session, round 22r joined: the
    # 计量 and 科学技术协会 texts, held out 0.562 and 0.375 P@1): 0.676 / 0.840 — the folds go lower still: 24 folds 2 /
    # 0.008, 13 folds 2 / 0.014, 4 folds 2 / 0.005, 1 each 2 / 0.007 and 2 / 0.006 (on thresholds of 0.016 and up 41
    # folds kb's formula, 2 folds ground 3: 0.709 / 0.828); the penalty clauses carrying their duties' candidates are 121
    # items; without the duties' candidates 0.679 / 0.847 (33 folds 2 / 0.007) — above kb's on both at the
    # folds' free thresholds, the first time (on kb's own threshold the rule is kb's: Library.owes_nothing). On 45 folds
    # (seventeenth session, round 23r joined: the 防汛抗旱 and 建筑垃圾 texts, held out 0.596 and 0.783 P@1): 0.681 / 0.849
    # — the folds' threshold 0.007 now: 36 folds 2 / 0.007, the others 2 / 0.008, 2 / 0.005, 2 / 0.006 or 1 / 0.005 (on
    # thresholds of 0.016 and up 41 folds kb's formula, 4 ground 3: 0.704 / 0.820); the penalty clauses carrying their
    # duties' candidates are 123 items; without the duties' candidates 0.685 / 0.851, above kb's on both again. On 47
    # folds (eighteenth session, round 24r joined: the 非遗 and 水资源 texts, held out 0.854 and 0.844 P@1, each resting
    # on the one law imported for it): 0.688 / 0.855, 38 folds 2 / 0.007 (on thresholds of 0.016 and up 43 folds kb's
    # formula, the same 4 ground 3: 0.710 / 0.828); still 123 items; without the duties' candidates 0.691 / 0.857. On 49
    # folds (nineteenth session, round 25r joined: the 中医药 and 动物防疫 texts, held out 0.763 P@1 both, each resting on
    # the one law imported for it): 0.690 / 0.856, 40 folds 2 / 0.007 (on thresholds of 0.016 and up 45 folds kb's
    # formula, the same 4 ground 3: 0.712 / 0.833); the penalty clauses carrying their duties' candidates are 131 items
    # (the two texts' 8); without the duties' candidates 0.694 / 0.861. With POSITION 0.75 (engineer 14k, nineteenth
    # session) every one of the 49 folds 2 / 0.007: 0.702 / 0.862 (on thresholds of 0.016 and up every fold kb's formula:
    # 0.721 / 0.833). On 51 folds (twentieth session, round 26r joined: the 文物 text of 2004 under the 2024 law and the
    # 节水 text, held out 0.656 and 0.563 P@1, each resting on the one law imported for it): 0.699 / 0.859, every fold
    # 2 / 0.007 (on thresholds of 0.016 and up 10 folds kb's formula, 41 ground 3 — on the 51 files ground 2 and 3 tie,
    # P@1 + R@3 1.5427 against 1.5429, ground 3 trading 17 first answers for 14 top-three ones: 0.705 / 0.826, where kb's
    # point is 0.715 / 0.828); the penalty clauses carrying their duties' candidates are 146 items (the two texts' 15);
    # without the duties' candidates above kb's on both still. On 55 folds (twenty-second session, rounds 27r and 28r
    # joined — the 反食品浪费 and 防震减灾 texts, held out 0.892 P@1 both, and the 计划生育 and 统计 texts, held out 0.872 and
    # 0.692 —, with the twenty-first session's obligation rules): 0.702 / 0.864, 51 folds 2 / 0.007, 4 folds 2 / 0.006; the
    # penalty clauses carrying their duties' candidates are 149 items; without the duties' candidates P@1 above kb's, R@3
    # the same. On 57 folds (twenty-third session, round 29r joined — the 残疾人保障 and 招标投标 texts, held out 0.846 and
    # 0.643 —, with the clause table recounted after the session's draw and engineer e14d's ORDER_HEAD): 0.704 / 0.865
    # (0.703 / 0.865 before ORDER_HEAD), 38 folds 2 / 0.006, 19 folds
    # 2 / 0.007 (the folds' threshold moves down a step); the penalty clauses carrying their duties' candidates 152 items.
    # On 59 folds (twenty-fourth session, round 30r joined, with the clause table recounted after the session's draw, engineer e11j's obligation rule and e14f's REFERRAL): 0.702 / 0.865, 38 folds 2 / 0.007 (the threshold back up a step)
    p1, r3 = res[("upper", "原公式")][:2]
    best, n = most("upper", "原公式")
    assert best == (None, 2, 0.007) and n == 38
    owing = [i for i in items if i.get("duties")]
    assert len(owing) == 152 and related_cv.DUTIES and all(i["kind"] == "upper" and not i["pinned"] for i in owing)
    plain = related_cv.related(ROOT, io.StringIO(), variants=["原公式"],
                               items=[{k: v for k, v in i.items() if k != "duties"} for i in items if i["kind"] == "upper"])
    assert plain[("upper", "原公式")][0] > p1 and r3 <= plain[("upper", "原公式")][1] < r3 + 0.01
    assert (GROUND["upper"], THRESHOLDS["upper"]) == (GROUND["lower"], THRESHOLDS["lower"]) == (2.0, 0.016)
    # POSITION: every fold weighs it 0.5 (22 of 24 with ground weight 2 / threshold 0.012, 21 of 25) of 0 … 1; without it
    # 0.694 / 0.812 on 24 folds, 0.696 / 0.819 on 25 — the election text follows the 选举法's order, so the place adds
    # little there: the gain on 25 folds is 0.001 / 0.004; on 27 it trades P@1 for R@3 (0.692 / 0.828 without it, 0.687 /
    # 0.831 with; 26 folds weigh it 0.5, 1 fold 0.25); with kb's ground weight 2 / OUTSIDE 1.5 it pays again: 0.686 / 0.824
    # without it, 0.717 / 0.818 with (24 folds weigh it 0.5, 23 of them with 2 / 0.016); on 29 folds 0.678 / 0.829 without
    # it, 0.708 / 0.826 with (27 folds weigh it 0.5, 26 of them with 2 / 0.016); on 31 folds 0.686 / 0.832 without it,
    # 0.711 / 0.829 with (29 folds weigh it 0.5, 28 of them with 2 / 0.016); on 33 folds 0.697 / 0.840 without it, 0.721 /
    # 0.838 with (32 folds weigh it 0.5, 31 of them with 2 / 0.016)
    unplaced = res[("upper", "第十三轮之前（不看位置）")]
    # (with PUBLIC for laws not cited only, eleventh session: 0.710 / 0.841 without it, 0.728 / 0.843 with, every fold 0.5
    # with 2 / 0.016); on 35 folds (twelfth session) 0.705 / 0.843 without it, 0.719 / 0.844 with (33 folds 0.5 with
    # 2 / 0.016, 2 folds 0.75); on 37 (thirteenth) 0.707 / 0.842 without it, 0.718 / 0.843 with (36 folds 0.5 with
    # 2 / 0.016, 1 fold 0.75); with issue 11's twenty-fourth round (engineer 11b: lists closed by a role or 有关单位, code
    # review 17's items — the obligations' actors of a few articles of 消防法, 道路交通安全法, 禁毒法 …) 0.713 / 0.841 with it
    # (32 folds 0.5 with 2 / 0.016, 3 folds 0.75 with 0.014, 2 folds 0.75 with 0.016), kb's own formula unchanged; on 39
    # folds (fourteenth session, round 20r joined) 0.696 / 0.835 without it, 0.701 / 0.835 with — the P@1 gain 0.005, no
    # longer above 0.01 (every fold without it 1 / 0.01) —; chosen fold by fold 0.697 / 0.832 (30 folds 0.5 with 2 / 0.014,
    # 8 folds 0.75 with 0.014, 1 fold 0.25 with 1 / 0.01); on 41 folds (fifteenth session, round 21r joined) 0.690 /
    # 0.837 without it (39 folds 1 / 0.01, 2 folds 1 / 0.007), 0.701 / 0.836 with — the P@1 gain 0.011, above 0.01
    # again —; chosen fold by fold no fold weighs it kb's 0.5 any more: 40 folds 0.75 with 2 / 0.014, 1 fold 0.75 with
    # 2 / 0.007, 0.700 / 0.837 (P@1 0.0015 below kb's, R@3 0.001 above); with ORDER (same session) 39 folds 0.75 with
    # 2 / 0.014, 2 with 2 / 0.007: 0.715 / 0.838, above kb's 0.713 / 0.836 on both (on kb's thresholds every fold 0.75,
    # 0.725 / 0.832 against 0.721 / 0.832; without the place 0.705 / 0.834): POSITION 0.75 is the next round's candidate;
    # on 43 folds (sixteenth session, round 22r joined) 40 folds 0.75 with 2 / 0.007, 3 with 2 / 0.014: 0.692 / 0.847,
    # above kb's 0.676 / 0.840 on both; without the place 0.676 / 0.834 — the place's P@1 gain at the folds' thresholds
    # 0.0005 (0.011 on 41 folds); on 45 folds (seventeenth session, round 23r joined) every fold 0.75 with 2 / 0.007:
    # 0.694 / 0.852, above kb's 0.681 / 0.849 on both; without the place 0.680 / 0.845; on 47 folds (eighteenth session,
    # round 24r joined) every fold again: 0.700 / 0.858, above kb's 0.688 / 0.855 on both; without the place 0.686 / 0.852;
    # on 49 folds (nineteenth session, round 25r joined) every fold again: 0.702 / 0.862, above kb's 0.690 / 0.856 on
    # both; without the place 0.689 / 0.856 — kb's since engineer 14k of the same session (POSITION 0.75, chosen on the
    # outside-kb/ folds; tests/data/related/README.md "The first 上位法 answer"); on 51 folds (twentieth session, round
    # 26r joined) every fold keeps kb's 0.75: 0.699 / 0.859, kb's own; without the place 0.685 / 0.854; on 55 folds
    # (twenty-second session, rounds 27r and 28r joined) every fold keeps it (51 with 2 / 0.007, 4 with 2 / 0.006): 0.702 /
    # 0.864, kb's own; without the place 0.691 / 0.857; on 57 folds (twenty-third session, round 29r joined) every fold
    # keeps it (38 with 2 / 0.006, 19 with 2 / 0.007): 0.704 / 0.865, kb's own; without the place 0.696 / 0.862; on 59
    # folds (twenty-fourth session, round 30r joined) every fold keeps it (38 with 2 / 0.007): 0.702 / 0.865, kb's own
    assert most("upper", "位置（相对位置之差）") == ((0.75, 2, 0.007), 38) and POSITION["upper"] == 0.75
    assert [c[0] for c in res[("upper", "位置（相对位置之差）")][2]].count(POSITION["upper"]) == 59
    assert p1 > unplaced[0] and p1 + r3 > sum(unplaced[:2]) and POSITION["peer"] == 0
    # the closest parts (SEGMENTS 0.4) beat round 7's formula without them (0.696 / 0.804 on 24 folds; 0.696 / 0.805 →
    # 0.704 / 0.805 on 21; 0.700 / 0.819 on 25: R@3 for a little P@1); their weight 0.4: 19 folds of 24 (with ground 2 /
    # threshold 0.012), 0.5 in 4; 18 of 25. On 27 folds they no longer pay: without them 0.696 / 0.831 (every fold 3 /
    # 0.012), with them 0.687 / 0.831; chosen fold by fold 0.5 in 22 (18 with 2 / 0.012): 0.682 / 0.829. With ground 2 /
    # OUTSIDE 1.5 they pay again (without them 0.686 / 0.829, 22 folds 3 / 0.012); 26 folds lean to 0.5 with 2 / 0.016
    # (0.723 / 0.818): a candidate for the next tuning; on 29 folds 28 (0.713 / 0.826 against kb's 0.708 / 0.826; without
    # the closest parts 0.678 / 0.831); on 31 folds 30 (0.716 / 0.829 against kb's 0.711 / 0.829; without them 0.680 /
    # 0.833); on 33 folds 28 lean to 0.5, 5 keep kb's 0.4 (0.724 / 0.836 against kb's 0.721 / 0.838; without them 0.692 /
    # 0.839)
    # On 43 folds (sixteenth session, round 22r joined) round 7's formula, 34 folds 3 / 0.012 and 9 folds 2 / 0.012, beats
    # kb's at the folds' free thresholds: 0.687 / 0.836 against 0.676 / 0.840 (P@1 + R@3 0.007 above) — kb's formula lost
    # its margin (0.02 up to 41 folds) where its folds left kb's threshold for 0.008. On 45 folds (seventeenth session,
    # round 23r joined) kb's folds come back to 0.007 and kb's formula is above round 7's on both again: 0.681 / 0.849
    # against 0.680 / 0.837 (round 7's folds 3 / 0.01, 3 / 0.012 or 2 / 0.012). On 47 folds (eighteenth session, round
    # 24r joined) round 7's formula 0.688 / 0.844 against kb's 0.688 / 0.855: one first answer more of 2,248 (1,547
    # against 1,546), R@3 0.011 below — kb's above on P@1 + R@3
    r7 = res[("upper", "第七轮的公式（不用最相近款项）")]
    assert r7[0] < p1 + 0.001 and r7[1] < r3 and sum(r7[:2]) < p1 + r3
    assert SEGMENTS["upper"] == SEGMENTS["lower"] == 0.4 and SEGMENTS["peer"] == 0
    # (27 folds since issue 11's nineteenth round, eighth session: the obligations' actors changed in a few articles; 28 of
    # 29 in the ninth, 30 of 31 in the tenth, 28 of 33 in the eleventh)
    # (32 of 33 with PUBLIC for laws not cited only). On 35 folds (twelfth session) the folds come back to kb's 0.4: 29
    # of 35 with 2 / 0.016, 5 lean to 0.5 (0.716 / 0.843 against kb's 0.719 / 0.844). On 37 folds (thirteenth) 32 lean
    # to 0.5 again, 5 keep kb's 0.4, and the folds' choice loses pooled (0.715 / 0.843 against kb's 0.718 / 0.843); with
    # issue 11's twenty-fourth round (engineer 11b) 36 lean to 0.5, 1 keeps 0.4 (0.715 / 0.845 against kb's 0.718 / 0.843).
    # On 39 folds (fourteenth session, round 20r joined) 36 keep kb's 0.4 (with 2 / 0.014), 3 lean to 0.5 (with 2 / 0.016):
    # 0.701 / 0.833 against kb's 0.701 / 0.835 (without the closest parts 0.669 / 0.839). On 41 folds (fifteenth session,
    # round 21r joined) 38 keep kb's 0.4 (with 2 / 0.014), 3 lean to 0.5 (with 2 / 0.016): 0.700 / 0.834 against kb's
    # 0.701 / 0.836 (without the closest parts 0.674 / 0.847, 39 folds 3 / 0.012). With ORDER (same session) no fold keeps
    # kb's 0.4: 35 lean to 0.2 with 2 / 0.014, 5 to 0.3, 1 to 0.1: 0.715 / 0.833 against kb's 0.713 / 0.836 — P@1 for
    # R@3 (without the closest parts 0.691 / 0.840). On 43 folds (sixteenth session, round 22r joined) none keeps 0.4
    # either: 25 lean to 0.2 with 2 / 0.014, 7 to 0.3 with 2 / 0.007, 11 others: 0.677 / 0.833 against kb's 0.676 / 0.840.
    # On 45 folds (seventeenth session, round 23r joined) none keeps 0.4: the folds take 0.1, 0.2 or 0.3 with 2 / 0.006,
    # 0.007 or 0.014 (1 fold 0.2 with 2 / 0.014): 0.685 / 0.844 against kb's 0.681 / 0.849 — P@1 for R@3 again. On 47
    # folds (eighteenth session, round 24r joined) none keeps 0.4 either (0.1 with 2 / 0.014 where 0.2 was): 0.691 / 0.848
    # against kb's 0.688 / 0.855 — P@1 for R@3. On 49 folds (nineteenth session, round 25r joined) none keeps 0.4 (0.1 or
    # 0.2 with 2 / 0.006, 0.007 or 0.014): 0.695 / 0.853 against kb's 0.690 / 0.856 — P@1 for R@3, the P@1 margin 0.005.
    # With POSITION 0.75 (engineer 14k) the folds return to kb's 0.4: on 49 folds 48 with 2 / 0.007, 1 0.1 with 2 / 0.006;
    # on 51 folds (twentieth session, round 26r joined) 50 and 1 the same way: 0.698 / 0.858 against kb's 0.699 / 0.859;
    # on 55 folds (twenty-second session, rounds 27r and 28r joined, with the twenty-first session's obligation rules)
    # every fold keeps kb's 0.4 (51 with 2 / 0.007, 4 with 2 / 0.006): kb's own 0.702 / 0.864; on 57 folds (twenty-third
    # session, round 29r joined) every fold keeps it (19 with 2 / 0.007, 38 with 2 / 0.006): kb's own 0.704 / 0.865; on 59
    # folds (twenty-fourth session, round 30r joined) every fold keeps it (38 with 2 / 0.007): kb's own 0.702 / 0.865
    chosen = res[("upper", "最相近款项的余弦")][2]
    assert [c[0] for c in chosen].count(SEGMENTS["upper"]) == 59 and chosen.count((SEGMENTS["upper"], 2, 0.007)) == 38
    assert res[("upper", "最相近款项的余弦")][:2] == res[("upper", "原公式")][:2]
    assert max(related_cv.VARIANTS["最相近款项的余弦"][0]) > SEGMENTS["upper"]
    # the actors two articles share (ACTORS: relevance × (1 + 0.5 × the share of actors in common), third session of
    # 2026-12-05; 0.751 / 0.815 → 0.757 / 0.822 on seventeen folds, 0.722 / 0.787 → 0.727 / 0.793 on nineteen): on 24 folds
    # without it and POSITION 0.691 / 0.799; before POSITION every fold picked kb's 0.5; with it 19 folds lean to 0.75, 3
    # keep 0.5, at no gain (0.705 / 0.812): kb keeps 0.5. On 25 folds 18 lean to 0.75, 0.704 / 0.818 against kb's 0.697 /
    # 0.823 — P@1 for R@3, within 0.002 of P@1 + R@3: a candidate for the next tuning, not a finding. On 27 folds 23 pick 0
    # (no actors) with threshold 0.006: 0.689 / 0.838, above kb's 0.687 / 0.831 on both; with ground 2 / OUTSIDE 1.5, 19
    # folds keep kb's 0.5 (with 2 / 0.016), 2 pick 0: 0.695 / 0.816, below kb's 0.717 / 0.818. Issue 11's nineteenth
    # round (obligations, same session: names across a verb, a list of bodies closed by their heads …) changed the actors
    # of a few articles: 10 folds keep 0.5, 10 pick 0.75 (with 2 / 0.016; 4 more 0.75 with 0.014 / 0.01): 0.694 / 0.816,
    # still below kb's 0.717 / 0.818 (unchanged), so kb keeps 0.5. On 29 folds (ninth session) 22 keep 0.5 with 2 / 0.016,
    # 2 pick 0.75 with it (3 more with 0.014): 0.693 / 0.825, below kb's 0.708 / 0.826; on 31 folds (tenth) 24 keep 0.5
    # with 2 / 0.016, 2 pick 0.75 with it (3 more with 0.014): 0.698 / 0.828, below kb's 0.711 / 0.829; on 33 (eleventh)
    # 29 keep 0.5 with 2 / 0.016, none picks 0.75 with it (1 with 0.014): 0.710 / 0.838, below kb's 0.721 / 0.838
    from kb.library.related import ACTORS

    chosen = [c for c in res[("upper", "主体重合")][2]]
    # (with PUBLIC for laws not cited only: 32 of 33 keep 0.5 with 2 / 0.016, 1 picks 0.25: 0.727 / 0.843; on 35 folds,
    # twelfth session, 30 keep 0.5 with 2 / 0.016, 4 pick 0 with 0.006 / 0.008, 1 picks 0.25: 0.706 / 0.844; with
    # named_ground 31 keep 0.5, 3 pick 0, 1 picks 0.25: 0.711 / 0.848; on 37 folds, thirteenth session, 23 keep 0.5, 8
    # pick 0.75, 6 pick 0.25, all with 2 / 0.016: 0.713 / 0.840, below kb's 0.718 / 0.843; with issue 11's twenty-fourth
    # round (engineer 11b: the actors of a few knowledge-base articles renamed) 5 keep 0.5, 23 pick 0.75, 9 pick 0.25, all
    # with 2 / 0.016: 0.711 / 0.840, below kb's 0.718 / 0.843 — kb keeps 0.5, a candidate for issue 14's next tuning; on
    # 39 folds, fourteenth session, round 20r joined, no fold keeps 0.5: 32 pick 0.25 with 2 / 0.014, 5 pick 0.75 with
    # 0.014, 1 0.75 with 0.016, 1 picks 0 with 0.014: 0.700 / 0.832, below kb's 0.701 / 0.835; on 41 folds, fifteenth
    # session, round 21r joined, none keeps 0.5 either: 32 pick 0.25 with 2 / 0.014, 1 with 2 / 0.016, 5 pick 0 with
    # 0.008, 2 pick 0 with 0.014, 1 picks 0.75 with 0.014: 0.689 / 0.834, below kb's 0.701 / 0.836; with ORDER, same
    # session, 20 pick 0 with 2 / 0.014, 11 pick 0 with 0.008, 8 pick 0.25, 2 pick 0.75: 0.696 / 0.839, R@3 for P@1
    # against kb's 0.713 / 0.836; with issue 11's twenty-sixth round too (engineer 11b: the actors of five texts of the
    # knowledge base and the corpus renamed), 19 pick 0 with 2 / 0.014, 10 with 0.008, 7 pick 0.75, 5 pick 0.25: 0.695 /
    # 0.836, below kb's 0.713 / 0.837; on 43 folds, sixteenth session, round 22r joined, 39 pick 0 with 2 / 0.008, 2 pick 0
    # with 2 / 0.007, 1 each 0.75 and 0.25 with 2 / 0.014: 0.691 / 0.847, above kb's 0.676 / 0.840 on both — no actors at
    # the folds' lower thresholds, a candidate for issue 14's next round, measured on kb's thresholds first; on 45 folds,
    # seventeenth session, round 23r joined, every fold picks 0 with 2 / 0.007 but one (0 with 2 / 0.008): 0.691 / 0.850,
    # above kb's 0.681 / 0.849 on both; with POSITION 0.75, engineer 14k, the folds turn back to kb's 0.5: 44 of 49;
    # on 51 folds, twentieth session, round 26r joined, 48 keep 0.5 with 2 / 0.007, 3 pick 0 with 2 / 0.007: 0.698 /
    # 0.856, below kb's 0.699 / 0.859 on both — no actors no longer pays at the folds' thresholds; on 55 folds,
    # twenty-second session, rounds 27r and 28r joined, with the twenty-first session's obligation rules, every fold
    # keeps 0.5, 51 with 2 / 0.007, 4 with 2 / 0.006: kb's own 0.702 / 0.864; on 57 folds, twenty-third session, round
    # 29r joined, with ORDER_HEAD (engineer e14d), 41 keep 0.5, the others another weight: P@1 + R@3 0.010 below kb's
    # own (0.699 / 0.861 against 0.704 / 0.865) — folds choosing differently where kb's weight serves better; on 59
    # folds, twenty-fourth session, round 30r joined, with engineer e11j's obligation rule, 52 keep 0.5)
    assert [c[0] for c in chosen].count(ACTORS["upper"]) == 52
    assert ACTORS["upper"] == 0.5
    assert p1 + r3 - 0.015 < both("upper", "主体重合") < p1 + r3
    # round 9's formula (no ACTORS): its R@3 was below kb's up to 33 folds; on 35 it is 0.003 above (0.694 / 0.847
    # against kb's 0.719 / 0.844): ACTORS now buys P@1 only; on 37 (thirteenth session) 0.702 / 0.843 against kb's 0.718 /
    # 0.843 — the P@1 margin narrows from 0.02 to 0.016; with a penalty clause owing nothing where its duties have no 上位法
    # (DUTIES, same session) 0.709 / 0.841 against kb's 0.720 / 0.843: the rule gives round 9's formula more (its
    # penalty clauses' duties answer none more often) — the margin 0.011 (0.0098 with issue 11's twenty-fourth round); on
    # 39 folds (fourteenth session, round 20r joined) 0.678 / 0.835 against kb's 0.701 / 0.835: the margin 0.023, R@3 the
    # same; on 41 folds (fifteenth session, round 21r joined) 0.674 / 0.839 against kb's 0.701 / 0.836: the margin 0.027,
    # round 9's R@3 0.0025 above kb's; on 43 folds (sixteenth session, round 22r joined) 0.680 / 0.841 (38 folds ground 1
    # / 0.006) against kb's 0.676 / 0.840: round 9's formula above kb's on both, the margin gone; on 45 folds
    # (seventeenth session, round 23r joined) 0.676 / 0.843 against kb's 0.681 / 0.849: kb's above on both again (the
    # margin 0.005)
    r9 = res[("upper", "第九轮的公式（不看主体重合）")]
    assert r9[0] < p1 and r9[1] < r3
    # the actors compared by the bodies their names name (ACTOR_BODIES, fourth session: 0.727 / 0.793 → 0.729 / 0.801 on
    # nineteen folds); the bodies ended in generic tails (部门, 单位, 主任, 代表 …: 民政部门 was 财政部门, code review 9, M9),
    # cut to the bodies a level or place qualifies in the fifth session. On 24 folds (each without POSITION): by the names
    # 0.700 / 0.808, with the generic tails 0.698 / 0.812, cut 0.694 / 0.812 — the same folds' choices but one: a fold's
    # noise either way; kb's formula, cut bodies and POSITION, beat both on 24 folds; on 25 (with POSITION) by the names
    # 0.706 / 0.815, with the tails 0.704 / 0.818, kb's 0.697 / 0.823: R@3 higher, P@1 lower, P@1 + R@3 within 0.002; on 27
    # by the names 0.701 / 0.822, with the tails 0.699 / 0.828, kb's 0.687 / 0.831: R@3 higher, P@1 lower by more; with
    # ground 2 / OUTSIDE 1.5 by the names 0.690 / 0.824, with the tails 0.682 / 0.825, kb's 0.717 / 0.818; on 29 folds by the
    # names 0.682 / 0.829, with the tails 0.674 / 0.831, kb's 0.708 / 0.826; on 31 by the names 0.690 / 0.832, with the
    # tails 0.680 / 0.835, kb's 0.711 / 0.829; on 33 by the names 0.705 / 0.837, with the tails 0.692 / 0.842, kb's 0.721 /
    # 0.838 (by the names P@1 0.016 below kb's: the margin was 0.02 up to 31 folds)
    names, generic = res[("upper", "主体按名称（第十一轮之前）")], res[("upper", "主体按机关含通名（第十二轮之前）")]
    # (with POSITION 0.75, engineer 14k, kb's formula gains first answers the two do not: on 49 folds by the names 0.688 /
    # 0.860, with the tails 0.693 / 0.854, kb's 0.702 / 0.862; on 51 folds, twentieth session, round 26r joined: by the
    # names 0.686 / 0.858, with the tails 0.690 / 0.852, kb's 0.699 / 0.859 — both below kb's on both, P@1 + R@3 by 0.015
    # and 0.017: the ACTOR_BODIES cut pays again)
    # (with PUBLIC for laws not cited only: by the names 0.714 / 0.841, with the tails 0.703 / 0.843, kb's 0.728 / 0.843;
    # on 35 folds, twelfth session: by the names 0.712 / 0.842, with the tails 0.701 / 0.844, kb's 0.719 / 0.844 — the
    # margins narrow to 0.007 and 0.018; on 37 folds with DUTIES, thirteenth session: by the names 0.711 / 0.842, with the
    # tails 0.706 / 0.842, kb's 0.720 / 0.843 — 0.009 and 0.014; on 39 folds, fourteenth session, round 20r joined: by
    # the names 0.690 / 0.832, with the tails 0.675 / 0.836, kb's 0.701 / 0.835 — 0.011 and 0.026; on 41 folds, fifteenth
    # session, round 21r joined: by the names 0.689 / 0.834, with the tails 0.671 / 0.840, kb's 0.701 / 0.836 — 0.012 and
    # 0.030; on 43 folds, sixteenth session, round 22r joined: by the names 0.677 / 0.839 (36 folds 2 / 0.007), with the
    # tails 0.684 / 0.844 (41 folds 2 / 0.01), kb's 0.676 / 0.840 — the margins gone, the tails above kb's on both; on 45
    # folds, seventeenth session, round 23r joined: by the names 0.681 / 0.850 (every fold 2 / 0.007), with the tails
    # 0.680 / 0.843, kb's 0.681 / 0.849 — by the names kb's P@1 and R@3 a hair above, the tails below kb's on both; on 47
    # folds, eighteenth session, round 24r joined: by the names 0.687 / 0.855, with the tails 0.689 / 0.849, kb's 0.688 /
    # 0.855 — by the names two first answers fewer and the same R@3, with the tails three more and R@3 0.006 below: kb's
    # P@1 + R@3 above both; on 49 folds, nineteenth session, round 25r joined: by the names 0.688 / 0.860 (every fold
    # 2 / 0.007), with the tails 0.693 / 0.854, kb's 0.690 / 0.856 — by the names three first answers fewer of 2,345 and
    # eight R@3 more of 1,887, with the tails eight first answers more and three R@3 fewer: each above kb's P@1 + R@3 now,
    # by 0.003 and 0.002 — the ACTOR_BODIES cut no longer pays on 上位法, within a few answers either way)
    # (57 folds, twenty-third session, round 29r joined, with ORDER_HEAD: by the names 0.009 of P@1 below kb's, with the
    # tails below kb's on both; P@1 + R@3 below kb's by 0.009 and 0.010 — the margin of 0.01 of the 51 and 55 folds
    # narrowed)
    assert names[0] < p1 - 0.005 and names[1] < r3 and generic[0] < p1 and generic[1] < r3
    assert sum(generic[:2]) < p1 + r3 - 0.005 and sum(names[:2]) < p1 + r3 - 0.005
    # 同类立法: with the generic tails no fold gained by ACTORS (on nineteen folds 10 picked 0, 9 0.5); with the bodies cut
    # every fold picks 0.75 (21 of 21, 24 of 24, 25 of 25), kb's since the fifth session: 0.783 / 0.725 without it on 24
    # folds, 0.793 / 0.736 with it (with the generic tails 0.790 / 0.736); on 25: 0.754 / 0.725 → 0.760 / 0.736; with
    # OTHER_BODIES (below) 22 of 25 (3 pick 0.5 with threshold 0.006: 0.815 / 0.733, kb's 0.817 / 0.736); 27 of 27; 29 of
    # 29 (0.836 / 0.731); 31 of 31 (0.840 / 0.714); 33 of 33 (0.842 / 0.692)
    # (32 of 33 with issue 11's twenty-second round of obligation rules, which changed the actors of a few articles: 1 fold
    # picks 1; on 35 folds, twelfth session, 25 of 35 keep 0.75, 8 pick 1 — no factor — at 0.007: 0.852 / 0.686 against
    # kb's 0.855 / 0.691; on 37 folds, thirteenth session, 33 of 37 keep 0.75: 0.826 / 0.678 against kb's 0.834 / 0.689;
    # on 39 folds, fourteenth session, round 20r joined, 35 of 39 keep 0.75: 0.834 / 0.670 against kb's 0.835 / 0.680;
    # with 同类立法's followers (FOLLOW, same session) every fold of 39 picks 1 — no factor — at 0.007: 0.836 / 0.704
    # against kb's 0.839 / 0.698, R@3 for P@1 (the followers were to leave P@1 as it was): kb keeps 0.75, a candidate for
    # issue 14's next round; on 41 folds, fifteenth session, round 21r joined, every fold again picks 1 at 0.007: 0.837 /
    # 0.688 against kb's 0.840 / 0.682; on 43 folds, sixteenth session, round 22r joined, every fold again: 0.841 / 0.682
    # against kb's 0.843 / 0.676; on 45 folds, seventeenth session, round 23r joined, every fold again: 0.845 / 0.678
    # against kb's 0.848 / 0.669; on 47 folds, eighteenth session, round 24r joined, every fold again: 0.851 / 0.676
    # against kb's 0.853 / 0.668)
    actors = res[("peer", "主体重合")]
    # (with ACROSS, engineer 14h of the same session: 46 folds, 0.845 / 0.695 against kb's 0.848 / 0.693; on 49 folds,
    # nineteenth session, round 25r joined: 47 folds, 0.849 / 0.689 against kb's 0.852 / 0.689 — the same R@3 now, P@1
    # below: no factor buys nothing; with one peer across the gate, ACROSS_MOST, engineer 14l of the same session: 45
    # folds, 0.843 / 0.680 against kb's 0.852 / 0.683 — below on both; with the thirtieth round of obligation rules, same
    # session, one actor of 重庆市实施村民委员会组织法办法 changed: 46 folds, 0.846 / 0.683 against kb's 0.853 / 0.683 — the
    # same R@3, P@1 below)
    # (on 51 folds, twentieth session, round 26r joined: 48 folds, 0.842 / 0.672 against kb's 0.846 / 0.674 — below on
    # both; on 55 folds, twenty-second session, rounds 27r and 28r joined: 52 folds, R@3 0.663 against kb's 0.850 / 0.667
    # — below on both; on 57 folds, twenty-third session, round 29r joined: R@3 0.655 against kb's 0.854 / 0.661 — below
    # on both, R@3 by 0.006 now; on 59 folds, twenty-fourth session, round 30r joined: 56 folds, below kb's 0.857 / 0.661
    # on both)
    assert most("peer", "主体重合") == ((1, GROUND["peer"], 0.007), 56) and ACTORS["peer"] == 0.75
    kb_p1, kb_r3 = res[("peer", "原公式")][:2]
    assert actors[0] < kb_p1 and kb_r3 - 0.007 < actors[1] <= kb_r3
    peer_p1, peer_r3 = res[("peer", "原公式")][:2]
    p9, generic = res[("peer", "第九轮的公式（不看主体重合）")], res[("peer", "主体按机关含通名（第十二轮之前）")]
    assert peer_p1 > p9[0] and peer_r3 > p9[1] and peer_p1 > generic[0] and peer_r3 >= generic[1]
    # the topic of a law the regulation does not cite (TOPIC, OFF_TOPIC: newcomer review 5) cost cross-validated P@1 on the
    # default knowledge base when it came (0.745 → 0.733); on 24 folds it trades P@1 for R@3 (0.700 / 0.796 without it);
    # on 27 folds 0.707 / 0.816 without it (and without ACTORS) against kb's 0.687 / 0.831; on 39 folds (fourteenth
    # session, round 20r joined) 0.682 / 0.829 without it against kb's 0.701 / 0.835; on 41 folds (fifteenth session,
    # round 21r joined) 0.684 / 0.832 without it against kb's 0.701 / 0.836
    from kb.library.related import OFF_TOPIC, TOPIC

    assert (TOPIC["upper"], TOPIC["lower"], TOPIC["peer"], OFF_TOPIC) == (0.05, 0.05, 0.0, 0.025)
    before = res[("upper", "不看主题的公式（TOPIC 之前）")][:2]      # (and without ACTORS)
    assert r3 > before[1] and p1 >= before[0] - 0.025
    # the four signals (OUTSIDE, BASIS, PUBLIC, PENALTY), chosen together by each fold, beat the formula without them
    # on P@1 + R@3; BASIS: every fold kept kb's 0.5 until the four laws joined, every fold picked 1 (no factor) at the same
    # figures after; with POSITION 21 folds of 24 keep kb's 0.5 again (0.707 / 0.815). On 27 folds the four chosen together
    # no longer beat round 5's formula (0.680 / 0.828 against 0.691 / 0.822), and BASIS: 22 folds pick 1 (no factor), 5 kb's
    # 0.5, at kb's figures; on 29 folds the four together 0.674 / 0.834 against round 5's 0.683 / 0.827, BASIS 1 in 28.
    # On 31 folds (tenth session) the four chosen together beat round 5's formula again (0.697 / 0.833 against 0.689 /
    # 0.832; 27 folds choose kb's OUTSIDE 1.5, BASIS 1, PUBLIC 1, PENALTY 0.5), still below kb's 0.711 / 0.829 on P@1;
    # BASIS 1 in 30; on 33 (eleventh session) the four together 0.712 / 0.843 against round 5's 0.702 / 0.843 (30 folds
    # choose kb's OUTSIDE, BASIS 1, PUBLIC 1, PENALTY), still below kb's 0.721 / 0.838 on P@1; BASIS 1 in 32; on 39
    # (fourteenth session, round 20r joined) the four together 0.687 / 0.841 against round 5's 0.675 / 0.839 (28 folds
    # choose OUTSIDE 3, BASIS 1, PUBLIC 0.1, PENALTY 0.5 with 2 / 0.007), still below kb's 0.701 / 0.835 on P@1; on 41
    # (fifteenth session, round 21r joined) 0.687 / 0.846 against round 5's 0.677 / 0.841 (36 folds choose OUTSIDE 3,
    # BASIS 1, PUBLIC 0.1, PENALTY 0.5 with 2 / 0.007), still below kb's 0.701 / 0.836 on P@1; on 43 (sixteenth session,
    # round 22r joined) 0.697 / 0.845 against round 5's 0.677 / 0.836 (37 folds choose OUTSIDE 3, BASIS 1, PUBLIC 0.1,
    # PENALTY 0.5 with 2 / 0.007) — now above kb's 0.676 / 0.840 on both (OUTSIDE 3 at a threshold kb cannot take); on
    # 45 (seventeenth session, round 23r joined) 0.681 / 0.841 against round 5's 0.673 / 0.833, P@1 a hair above kb's
    # 0.681 / 0.849; on 47 (eighteenth session, round 24r joined) 0.688 / 0.848 against round 5's 0.681 / 0.839 — kb's
    # P@1 exactly (1,546 first answers of 2,248), R@3 below; on 49 (nineteenth session, round 25r joined) 0.691 / 0.852
    # against round 5's 0.682 / 0.845 — three first answers more than kb's 0.690 / 0.856 (1,620 of 2,345), R@3 0.004
    # below: kb's P@1 + R@3 above
    # — with POSITION 0.75 (engineer 14k) kb's P@1 is above again: on 49 folds 0.691 / 0.854 against kb's 0.702 / 0.862;
    # on 51 (twentieth session, round 26r joined) 0.690 / 0.852 against kb's 0.699 / 0.859 and round 5's 0.680 / 0.850;
    # on 55 (twenty-second session, rounds 27r and 28r joined, with the twenty-first session's obligation rules) 0.702 /
    # 0.859 against kb's 0.702 / 0.864 and round 5's 0.686 / 0.852 — a first answer below kb's, R@3 below; on 57
    # (twenty-third session, round 29r joined) before ORDER_HEAD 0.703 / 0.862 against kb's 0.703 / 0.865 — a first
    # answer above kb's, R@3 0.003 below; with ORDER_HEAD (engineer e14d, the same session) 0.709 / 0.862 against kb's
    # 0.704 / 0.865 — P@1 0.004 ABOVE kb's, R@3 0.003 below, P@1 + R@3 0.002 above, at thresholds kb cannot take (its
    # 0.016); on kb's thresholds (related_cv related --least 0.016, the same session) 0.709 / 0.843 against kb's 0.721 /
    # 0.836 — 0.005 below on the sum: not worth taking; on 59 (twenty-fourth session, round 30r joined) 0.705 / 0.858
    # against kb's 0.702 / 0.865 — P@1 0.003 above kb's, R@3 0.007 below, the sum 0.005 below: kb's P@1 + R@3 above again
    joint = res[("upper", "四个信号（各折一起选）")]
    assert sum(joint[:2]) > both("upper", "第五轮的公式（不用下面四个信号）") and p1 < joint[0] < p1 + 0.006
    assert joint[1] < r3
    assert p1 + r3 - 0.006 < sum(joint[:2]) < p1 + r3
    # (40 of 41 with 2 / 0.014 in the fifteenth session, round 21r joined, 1 with 2 / 0.016: 0.701 / 0.837; 38 of 39
    # with 2 / 0.014 in the fourteenth session, round 20r joined, 1 with 2 / 0.016: 0.701 / 0.836; 37 of 37 in
    # the thirteenth session; 35 of 35 with named_ground; 34 of 35 before, 33 of 33, 32 before PUBLIC for laws not cited
    # only)
    # (41 folds with ORDER, fifteenth session: 39 with 2 / 0.014; 43 folds, sixteenth session, round 22r joined: 24 with
    # 2 / 0.008, 12 with 2 / 0.014, 0.675 / 0.840; 45 folds, seventeenth session, round 23r joined: 34 with 2 / 0.007,
    # 0.679 / 0.849; 47 folds, eighteenth session, round 24r joined: 36 with 2 / 0.007, 0.686 / 0.855; 49 folds,
    # nineteenth session, round 25r joined: the folds turn back to kb's 0.5, 37 with 2 / 0.007 (the others 0.5 or 1 at
    # other thresholds), 0.687 / 0.856 against kb's 0.690 / 0.856)
    # (with POSITION 0.75, engineer 14k: 48 of 49 with 1 at 2 / 0.007; on 51 folds, twentieth session, round 26r joined,
    # 50 with 1 at 2 / 0.007: 0.699 / 0.859, kb's figures — BASIS 0.5 and 1 tie where the folds choose; on 55 folds,
    # twenty-second session, rounds 27r and 28r joined, 51 with 1 at 2 / 0.007: 0.702 / 0.864, kb's figures again; on 57
    # folds, twenty-third session, round 29r joined, 37 with 1 at 2 / 0.006: 0.704 / 0.865, kb's figures again; on 59
    # folds, twenty-fourth session, round 30r joined, 38 with 1 at 2 / 0.007)
    assert most("upper", "目的依据条对其他条") == ((1, 2, 0.007), 38)
    assert BASIS["upper"] == 0.5 and abs(both("upper", "目的依据条对其他条") - p1 - r3) < 0.005
    for value in (BASIS, PUBLIC):
        assert value["peer"] == 1.0         # 同类立法: no fold gains by them
    # most folds weigh a penalty clause beside a peer's resting on another ground at kb's 0.5 (with kb's ground weight 0:
    # 33 of 33, 31 of 31, 29 of 29, 27 of 27, 24 of 25 and 23 of 24 at threshold 0.007, 20 of 21 before round 12r, 17 of 19
    # at kb's 0.006 before round 11r); on 37 folds (thirteenth session, round 19r's 建设工程质量 text with 26 peer answers
    # joined) 35 lean to 0.3 at no gain: 0.827 / 0.689 against kb's 0.834 / 0.689 — kb keeps 0.5; on 39 folds (fourteenth
    # session, round 20r joined) 36 lean to 0.3 at no gain: 0.832 / 0.678 against kb's 0.835 / 0.680; with 同类立法's
    # followers (FOLLOW, same session) 35 lean to 0.7, 3 to 0.3, 1 keeps kb's 0.5: 0.837 / 0.698 against kb's 0.839 / 0.698;
    # on 41 folds (fifteenth session, round 21r joined) 38 lean to 0.7, 2 to 0.3, 1 keeps kb's 0.5: 0.838 / 0.682 against
    # kb's 0.840 / 0.682; on 43 folds (sixteenth session, round 22r joined) 40 lean to 0.7, 2 to 0.3, 1 keeps kb's 0.5:
    # 0.841 / 0.676 against kb's 0.843 / 0.676; on 45 folds (seventeenth session, round 23r joined) 41 lean to 0.7 with
    # 0.007 (the others 0.3 or kb's 0.5, or 0.7 with 0.006): 0.846 / 0.669 against kb's 0.848 / 0.669; on 47 folds
    # (eighteenth session, round 24r joined) 43 lean to 0.7 with 0.007: 0.851 / 0.668 against kb's 0.853 / 0.668
    peer_penalty = res[("peer", "罚则对非依据法律的罚则")]
    # (with ACROSS: 44 folds, 0.846 / 0.693 against kb's 0.848 / 0.693; on 49 folds, nineteenth session, round 25r
    # joined: 48 folds, the other keeping kb's 0.5, a first answer or so below kb's 0.852 / 0.689, the same R@3)
    # (on 51 folds, twentieth session, round 26r joined: 50 folds, 0.845 / 0.674 against kb's 0.846 / 0.674)
    # (55 folds, twenty-second session, rounds 27r and 28r joined: 54 folds 0.7, 0.849 / 0.667 against kb's 0.850 / 0.667)
    # (57 folds, twenty-third session, round 29r joined: 56 folds 0.7, below kb's 0.854 / 0.661)
    # (59 folds, twenty-fourth session, round 30r joined: 58 folds choose 0.7)
    assert most("peer", "罚则对非依据法律的罚则") == ((0.7, GROUND["peer"], 0.007), 58) and PENALTY["peer"] == 0.5
    assert peer_penalty[0] < res[("peer", "原公式")][0] and peer_penalty[1] <= res[("peer", "原公式")][1]
    # PUBLIC and PENALTY, each chosen again fold by fold, do no better than kb's 0.1, 0.3 (24 folds: 0.705 / 0.814, 0.707 /
    # 0.815). OUTSIDE chosen again: 4 with threshold 0.006 in 22 folds, 0.702 / 0.828 — R@3 bought with P@1, the measure
    # furthest from the goal: not taken (before POSITION: 3 with ground 1 / threshold 0.007 in 23 folds, 0.703 / 0.814).
    # On 25 folds (seventh session, with round 13r) 4 / 0.006 in 23 folds gives 0.708 / 0.833 against kb's 0.697 / 0.823 —
    # both higher — but only with the threshold 0.006 for every text resting on the knowledge base: kb's threshold stays at
    # 0.016 (GROUND says why: at 0.012 already the seed's 表彰 clause takes the 残疾人保障法's in a knowledge base with the
    # 社会法 laws), and on thresholds of 0.012 and up every fold keeps kb's OUTSIDE 2 (0.719 / 0.820; at 3 / 0.016 alone all
    # 25: 0.721 / 0.813): not adopted (seventh session). On 27 folds every fold picks 4 / 0.006: 0.705 / 0.842 against kb's
    # 0.687 / 0.831 — the strongest candidate for issue 14, with the same caveat on the threshold. Issue 14 (eighth session):
    # on thresholds of 0.016 and up 26 folds pick 1.5 with ground 2 (0.713 / 0.812 → 0.718 / 0.818): kb's OUTSIDE 1.5 and
    # GROUND 2 since (GROUND); the folds still pick 4 / 0.006 (0.705 / 0.842: R@3 bought with P@1 at a threshold kb cannot
    # take; on 29 folds all 29: 0.697 / 0.847 against kb's 0.708 / 0.826; on 31 all 31: 0.701 / 0.849 against 0.711 /
    # 0.829). PUBLIC on 31 folds (tenth session): every fold picks 1 — no factor for an article of a public body beside a
    # provision that names none — and the folds reach 0.716 / 0.833 against kb's 0.711 / 0.829, better on both: the folds
    # now agree on another value than kb's 0.1, left to issue 14 to re-tune (kb score-related and the seed's answers with it);
    # on 33 folds (eleventh session) every fold again: 0.727 / 0.843 against kb's 0.721 / 0.838. OUTSIDE on 33: all 33 pick
    # 4 / 0.006 (0.712 / 0.856). Issue 14 (eleventh session): what the folds drop is the factor for a provision of a law
    # the article's regulation cites (its ground) — chosen together with the factor for other laws, every fold of 31 and of
    # 33 picks 1 for the ground, 0.3 for the others in 30 of 31 and 32 of 33 (kb's 0.1 as good pooled) — and PUBLIC 1
    # everywhere has the seed's 第九条 (市、县人民政府…表彰和奖励) take the 社区矫正法's 第七条 (annotated none; newcomer review
    # 5 item 5, tests/library/test_other_subjects.py): PUBLIC weighs only a candidate of a law the regulation does not cite
    # (Library.mismatch). 0.721 / 0.838 → 0.728 / 0.843; the factor chosen again fold by fold now: 0.3 in 32 folds, 0.727 /
    # 0.843; OUTSIDE 4 / 0.006 in 32 (0.712 / 0.858)
    assert (OUTSIDE["upper"], PUBLIC["upper"], PENALTY["upper"]) == (1.5, 0.1, 0.3) and OUTSIDE["peer"] == 1.0
    assert both("upper", "罚则对非依据法律的罚则") < p1 + r3 + 0.005
    public = res[("upper", "公权主体条对不提公权的条")]
    # (35 folds, twelfth session: PUBLIC 0.3 in 33, 0.718 / 0.844; OUTSIDE 4 / 0.006 in 34, 0.706 / 0.861; with
    # named_ground PUBLIC 0.3 in 34, 0.728 / 0.848; OUTSIDE 4 / 0.006 in 33, 0.709 / 0.862; 37 folds, thirteenth session:
    # PUBLIC 0.3 in 36, 0.718 / 0.843; OUTSIDE 4 / 0.006 in 36, 0.706 / 0.856; 39 folds, fourteenth session, round 20r
    # joined: PUBLIC kb's 0.1 in 37 with 2 / 0.014 (0.3 in 1, 1 in 1), 0.701 / 0.835; OUTSIDE 3 / 0.007 in 30, 2 / 0.01
    # in 5, 4 / 0.006 in none, 0.682 / 0.841; 41 folds, fifteenth session, round 21r joined: PUBLIC kb's 0.1 in 39 with
    # 2 / 0.014 (0.3 in 1, 1 in 1), 0.700 / 0.836; OUTSIDE 3 / 0.007 in 38, 4 with 0.006 or 0.005 in 2, 2 / 0.006 in 1,
    # 0.686 / 0.847)
    # (41 folds with ORDER, fifteenth session: kb's 0.1 in 38 with 2 / 0.014; 43 folds, sixteenth session, round 22r
    # joined: kb's 0.1 in 24 with 2 / 0.008, in 13 with 2 / 0.014, 0.3 in 4 with 2 / 0.005: kb's figures, 0.676 / 0.840;
    # OUTSIDE 4 / 0.005 in 42, 0.698 / 0.853 — above kb's on both, at a threshold kb cannot take; 45 folds, seventeenth
    # session, round 23r joined: kb's 0.1 in 36 with 2 / 0.007, 0.681 / 0.849, kb's figures; OUTSIDE 4 / 0.005 in 38,
    # 0.685 / 0.844 — P@1 for R@3; 47 folds, eighteenth session, round 24r joined: kb's 0.1 in 38 with 2 / 0.007, 0.688 /
    # 0.855, kb's figures; OUTSIDE 4 / 0.005 in 40, 0.692 / 0.850 — P@1 for R@3; 49 folds, nineteenth session, round 25r
    # joined: kb's 0.1 in 40 with 2 / 0.007, 0.690 / 0.856, kb's figures; OUTSIDE 4 / 0.005 in 41, 0.694 / 0.852 — P@1 for
    # R@3)
    # (51 folds, twentieth session, round 26r joined, with POSITION 0.75: kb's 0.1 in 50 with 2 / 0.007, kb's figures
    # 0.699 / 0.859; OUTSIDE 2 / 0.006 in 37, 0.690 / 0.850 — below kb's on both)
    # (57 folds, twenty-third session, round 29r joined: kb's 0.1 in 38 with 2 / 0.006, 0.704 / 0.865 — kb's figures)
    # (59 folds, twenty-fourth session, round 30r joined: kb's 0.1 in 37 with 2 / 0.007)
    assert most("upper", "公权主体条对不提公权的条") == ((PUBLIC["upper"], 2, 0.007), 37)
    assert public[0] <= p1 and public[1] <= r3
    outside = res[("upper", "依据条引库外法律时的阈值倍数")]
    # (41 folds with ORDER, fifteenth session: 3 / 0.007 in 36, 0.699 / 0.847; 43 folds, sixteenth session, round 22r
    # joined: 4 / 0.005 in 42, 0.698 / 0.853; 45 folds, seventeenth session, round 23r joined: 4 / 0.005 in 38, 2 / 0.006
    # in the others, 0.685 / 0.844 — above kb's P@1, below its R@3; 47 folds, eighteenth session, round 24r joined: 4 /
    # 0.005 in 40, 0.692 / 0.850, the same; 49 folds, nineteenth session, round 25r joined: 4 / 0.005 in 41, 0.694 /
    # 0.852, the same)
    # (with POSITION 0.75, engineer 14k: 4 / 0.005 in 40 of 49, 0.693 / 0.852, below kb's 0.702 / 0.862 on both; 51
    # folds, twentieth session, round 26r joined: 2 / 0.006 in 37, 0.690 / 0.850, below kb's 0.699 / 0.859 on both; 55
    # folds, twenty-second session, rounds 27r and 28r joined: 2 / 0.006 in 51, 0.702 / 0.858 — a first answer or less
    # below kb's 0.702, R@3 below its 0.864; 57 folds, twenty-third session, round 29r joined: 2 / 0.006 in 53, 0.704 /
    # 0.859 — P@1 a hair ABOVE kb's 0.703 (0.7036 against 0.7028, two first answers), R@3 0.006 below its 0.865: kb's
    # P@1 + R@3 above; with ORDER_HEAD, the same session: P@1 0.0015 above kb's 0.704, R@3 below, the sum below; 59
    # folds, twenty-fourth session, round 30r joined: 2 / 0.006 in 51, 0.705 / 0.856 — P@1 0.003 above kb's 0.702 (0.7051
    # against 0.7023), R@3 0.009 below its 0.865: kb's P@1 + R@3 above)
    assert most("upper", "依据条引库外法律时的阈值倍数") == ((2, 2, 0.006), 51) and p1 <= outside[0] < p1 + 0.003
    assert outside[1] < r3 and sum(outside[:2]) < p1 + r3
    # … the choice kb can take (python3 -m kb.dev.related_cv related --least 0.016): on thresholds of 0.016 and up every
    # fold picks kb's formula at kb's ground weight and threshold (0.723 / 0.818; 29 folds 0.713 / 0.826), and OUTSIDE
    # chosen again is kb's 1.5 in 26 (28 of 29; 31 folds: all 31 kb's formula, 0.716 / 0.829, OUTSIDE 1.5 in 30; 33 folds:
    # all 33, 0.726 / 0.838, OUTSIDE 1.5 in 32)
    low = related_cv.related(ROOT, io.StringIO(), least=THRESHOLDS["upper"], items=items,
                             variants=("原公式", "依据条引库外法律时的阈值倍数", "罕见二元组余弦的权重", "前三个答案按覆盖排序（覆盖指数）")
                             + NONE_RULES)
    chosen = low[("upper", "原公式")][2]
    # (43 folds, sixteenth session, round 22r joined: 41 kb's, 2 ground 3 at 0.016, 0.709 / 0.828; 45 folds, seventeenth
    # session, round 23r joined: 41 kb's, 4 ground 3 at 0.016, 0.704 / 0.820; 47 folds, eighteenth session, round 24r
    # joined: 43 kb's, the same 4 ground 3, 0.710 / 0.828; 49 folds, nineteenth session, round 25r joined: 45 kb's, the
    # same 4 ground 3, 0.712 / 0.833)
    # (with POSITION 0.75, engineer 14k: every fold of 49 kb's, 0.721 / 0.833 — kb's point; on 51 folds, twentieth
    # session, round 26r joined: 10 kb's, 41 ground 3 at 0.016, 0.705 / 0.826 — on the 51 files ground 2 and 3 tie
    # (P@1 + R@3 1.5427 against 1.5429: ground 3 17 first answers fewer, 14 top-three answers more), so every fold whose
    # own file does not tip it takes 3; kb's point 0.715 / 0.828; on 55 folds, twenty-second session, rounds 27r and 28r
    # joined, with the twenty-first session's obligation rules: 12 kb's, 43 ground 3 at 0.016; on 57 folds, twenty-third
    # session, round 29r joined: 12 kb's, 45 ground 3; with ORDER_HEAD, the same session: 53 kb's, 4 ground 3 — the tie
    # of ground 2 and 3 on kb's thresholds is broken towards kb's; on 59 folds, twenty-fourth session, round 30r joined:
    # 57 kb's, 2 ground 3)
    assert chosen.count((None, GROUND["upper"], THRESHOLDS["upper"])) == 57 and len(chosen) == 59
    assert chosen.count((None, 3, THRESHOLDS["upper"])) == 2
    # (all 33 with PUBLIC for laws not cited only, 0.728 / 0.843; all 35 in the twelfth session, 0.726 / 0.844, OUTSIDE
    # 1.5 in all 35; with named_ground 0.729 / 0.848, the same choices; all 37 in the thirteenth, 0.718 / 0.843; all 39 in
    # the fourteenth, round 20r joined, 0.707 / 0.831, OUTSIDE 1.5 in 38 of 39, 1 in 1; all 41 in the fifteenth, round
    # 21r joined, 0.706 / 0.832, OUTSIDE 1.5 in 40 of 41, 1 in 1; with ORDER, same session, 0.721 / 0.832, OUTSIDE 1.5 in
    # 38, 1 in 3; all but 2 of 43 in the sixteenth, round 22r joined, 0.709 / 0.828, OUTSIDE 1.5 in 26 of 43, 2 (with
    # ground 3) in 15, 1 in 2: 0.699 / 0.826; 41 of 45 in the seventeenth, round 23r joined, 0.704 / 0.820, OUTSIDE
    # chosen again: 1.5 in 1 fold only, 1 (with ground 2 or 3) or 2 (with ground 3) in the others: 0.693 / 0.822; 43 of
    # 47 in the eighteenth, round 24r joined, 0.710 / 0.828, OUTSIDE chosen again 1.5 in 1 fold still: 0.700 / 0.830; 45
    # of 49 in the nineteenth, round 25r joined, 0.712 / 0.833, OUTSIDE chosen again 1.5 in 2 folds, 1 (with ground 2 or
    # 3) or 2 (with ground 3) in the others: 0.702 / 0.835)
    # (51 folds, twentieth session, round 26r joined, with POSITION 0.75: OUTSIDE chosen again 1 or 2 with ground 3 in
    # every fold, none kb's 1.5: 0.701 / 0.835 against kb's formula's folds' 0.705 / 0.826)
    # (57 folds, twenty-third session, round 29r joined, with ORDER_HEAD: kb's 1.5 in 4 folds again; 59 folds,
    # twenty-fourth session, round 30r joined: in 5)
    assert [c[0] for c in low[("upper", "依据条引库外法律时的阈值倍数")][2]].count(OUTSIDE["upper"]) == 5
    assert all(c[2] >= THRESHOLDS["upper"] for c in low[("upper", "依据条引库外法律时的阈值倍数")][2])
    assert set(low) == {(k, n) for k in ("upper", "peer")
                        for n in ("原公式", "依据条引库外法律时的阈值倍数", "罕见二元组余弦的权重", "前三个答案按覆盖排序（覆盖指数）") + NONE_RULES}
    # 上位法's "none" (the twenty-seventh round of tuning, seventeenth session: tests/data/related/README.md): on 45 folds (43
    # before round 23r joined) at kb's point 142 articles annotated none get a first answer (139; the second class of wrong
    # first answers), 141 of them of the law the text's first article names, as 1,171 of the 1,208 right first answers —
    # and their coverage, rare-bigram cosine and relevance overlap the right answers' (median coverage 0.17 against 0.36;
    # a least coverage of 0.1 leaves 17 of them none for 34 right answers lost on 43 folds). A least coverage of kb's first
    # answer: on kb's thresholds every fold leaves it out (0.704 / 0.820, kb's; 43 folds 0.708 / 0.827); at the free
    # thresholds 1 fold takes 0.06, 0.680 / 0.847 against kb's 0.681 / 0.849 (43: 0.674 / 0.840 against 0.676 / 0.840). A
    # least rare-bigram cosine for a text resting outside: on kb's thresholds 1 fold takes 0.06, 0.705 / 0.815 — R@3 lost
    # for P@1 gained (43: 0.709 / 0.823) —; at the free thresholds 40 folds take 0.06 with 2 / 0.005, 0.682 / 0.844, P@1
    # for R@3 at a threshold kb cannot take (43: 0.683 / 0.848, above kb's on both). A threshold of its own for the
    # candidates of the ground (divided by p): every fold 1.25 with ground weight 3 at 0.016, 0.711 / 0.822 (43: 0.714 /
    # 0.829) — a ground factor of 3.2 against kb's 3 (ground weight 2.2), not a "none" rule: on all 45 files at kb's
    # threshold it answers as many articles right at P@1 as kb's 2 and 3 more at R@3 (1,538 / 1,420 against 1,538 /
    # 1,417); what the folds gain over kb's 0.704 / 0.820 is that kb's own formula's folds split between ground weights 2
    # and 3 (41 and 4). None adopted. On 47 folds (eighteenth session, round 24r joined), on kb's thresholds: the least
    # coverage left out in every fold (kb's 0.710 / 0.828), the least rare-bigram cosine 0.06 in 1 fold (0.711 / 0.823),
    # the ground's own threshold 1.25 with ground 3 in every fold (0.717 / 0.830); at the free thresholds the least
    # coverage 0.06 in 1 fold (0.686 / 0.854 against kb's 0.688 / 0.855), the least rare-bigram cosine 0.06 with 2 /
    # 0.005 in 42 (0.689 / 0.850) — the same pattern. On 49 folds (nineteenth session, round 25r joined), on kb's
    # thresholds: the least coverage left out in every fold (kb's 0.712 / 0.833), the least rare-bigram cosine 0.06 in 1
    # fold (0.713 / 0.828), the ground's own threshold 1.25 with ground 3 in every fold (0.719 / 0.835); at the free
    # thresholds the least coverage 0.06 in 1 fold (0.688 / 0.854 against kb's 0.690 / 0.856), the least rare-bigram
    # cosine 0.06 with 2 / 0.005 in 44 (0.692 / 0.854) — the same pattern again
    cover, rare_out, grounded = (low[("upper", n)] for n in NONE_RULES)
    base = low[("upper", "原公式")]
    # (51 folds, twentieth session, round 26r joined, with POSITION 0.75: the coverage rule 0 in every fold; the rare
    # bigrams' 0 in 50; the ground's own threshold 1.25 with ground 3 in 39, 0.706 / 0.826; the none rules 0 in every fold
    # and 49, at the folds' free thresholds kb's figures and below them)
    # (55 folds, twenty-second session, rounds 27r and 28r joined: the coverage rule 0 in every fold; the rare bigrams' 0
    # in 54; the ground's own threshold 1.25 with ground 3 in 47; the none rules 0 in every fold and 49, at the folds'
    # free thresholds kb's figures and, for the second, kb's P@1 and a lower R@3 (0.702 / 0.856))
    # (57 folds, twenty-third session, round 29r joined, with ORDER_HEAD: the coverage rule 0 in every fold; the rare
    # bigrams' 0 in 56; the ground's own threshold 1.25 with ground 3 in 55; the none rules 0 in every fold and 35 with
    # 2 / 0.006, at the folds' free thresholds kb's figures and, for the second, P@1 a first answer or so above kb's and a
    # lower R@3, the sum below)
    # (59 folds, twenty-fourth session, round 30r joined: coverage 0 in every fold, the rare bigrams' 0 in 58, the
    # ground's own threshold 1.25 with ground 3 in 58, the none rules 0 in every fold and 37 with 2 / 0.007)
    assert [c[0] for c in cover[2]].count(0) == 59 and cover[:2] == base[:2]
    assert [c[0] for c in rare_out[2]].count(0) == 58 and rare_out[0] > base[0] and base[1] - rare_out[1] > rare_out[0] - base[0]
    assert grounded[2].count((1.25, 3, THRESHOLDS["upper"])) == 58 and grounded[0] - base[0] < 0.01
    assert [c[0] for c in res[("upper", NONE_RULES[0])][2]].count(0) == 59 and res[("upper", NONE_RULES[0])][:2] == (p1, r3)
    assert most("upper", NONE_RULES[1]) == ((0, 2, 0.007), 37)
    assert res[("upper", NONE_RULES[1])][0] < p1 + 0.002 and res[("upper", NONE_RULES[1])][1] < r3
    assert sum(res[("upper", NONE_RULES[1])][:2]) < p1 + r3
    assert res[("peer", NONE_RULES[0])][:2] == res[("peer", NONE_RULES[1])][:2] == res[("peer", "原公式")][:2]
    # The last rounds' two candidates decided (the twenty-eighth round, seventeenth session, engineer 14e;
    # tests/data/related/README.md "Twenty-eighth round"): the rare-bigram weight 0.25 with ground weight 3 (0.709 / 0.827,
    # every fold) and the ground's own threshold (1.25 with ground 3, i.e. ground weight 2.2: 0.711 / 0.822, every fold)
    # are above kb's 0.704 / 0.820 because kb's own formula's folds split: the four folds holding out the files below take
    # ground 3, worse on them than kb's 2 (9 of the first candidate's 11 more right first answers, all 16 of the
    # second's). On all 45 files at kb's threshold, kb's point against the two and the two parts of the first: the first trades
    # 5 right first answers for 11 at R@3 (16 of its 23 lost are articles annotated none whose best candidate of the
    # ground, 0.013-0.016 with kb's weight 2, passes 0.016 with 3 — the seed's 第四十一条 among them, its 居委会组织法第四条
    # 0.0146 -> 0.0172 —, its gains the same articles annotated with that answer: a lower threshold for the ground's
    # candidates), file by file 15 better and 11 worse; the rare-bigram weight alone (ground 2) goes the other way (P@1 up
    # 6, R@3 down 7); ground weight 2.2 moves 9 articles (P@1 4 up, 4 down; R@3 4 up, 1 down), 4 files better, 4 worse.
    # Neither adopted: no gain across the folds over kb's point, and P@1 is the measure further from the goal. On all 47
    # files (eighteenth session, round 24r joined: 86 more items) the same trades: kb 1,612 / 1,496; the rare-bigram
    # weight 0.25 with ground 3 1,608 / 1,507 (4 first answers for 11 at R@3); alone 1,619 / 1,489; ground weight 2.2
    # 1,612 / 1,499; kb's own formula's folds take ground 3 in the same four files. On all 49 files (nineteenth session,
    # round 25r joined: 97 more items) the same again: kb 1,685 / 1,572; the rare-bigram weight 0.25 with ground 3 1,681 /
    # 1,584 (4 first answers for 12 at R@3); alone 1,692 / 1,566; ground weight 2.2 1,685 / 1,575; the same four files
    tuned = [i for i in items if i["kind"] == "upper"]
    tuned_files = sorted({i["file"] for i in tuned})
    variants = related_cv.VARIANTS

    def everywhere(name, p, g):
        fn = variants[name][1]
        t = related_cv.pool(related_cv.score_at(tuned, lambda c: fn(p, g, c), THRESHOLDS["upper"]), tuned_files)
        return t[0], t[2]

    # On all 51 files (twentieth session, round 26r joined, with POSITION 0.75: 103 more items): kb 1,750 / 1,640; the
    # rare-bigram weight 0.25 with ground 3 1,744 / 1,646 (6 first answers for 6 at R@3); alone 1,750 / 1,624; ground
    # weight 2.2 1,750 / 1,641 — no gain over kb's point; kb's own formula's folds take ground 3 in 41 files now (the
    # four above among them): on the 51 files ground 2 and 3 tie. On all 55 files (twenty-second session, rounds 27r
    # and 28r joined — 153 more items —, with the twenty-first session's obligation rules): kb 1,876 / 1,771; the
    # rare-bigram weight 0.25 with ground 3 1,870 / 1,777 (6 first answers for 6 at R@3 again); alone 1,875 / 1,754;
    # ground weight 2.2 1,876 / 1,772 — one top-three answer, no gain worth a change; kb's own formula's folds take
    # ground 3 in 43 files. On all 57 files (twenty-third session, round 29r joined — 108 more items): kb 1,956 / 1,856;
    # the rare-bigram weight 0.25 with ground 3 1,951 / 1,862 (5 first answers for 6 at R@3); alone 1,956 / 1,839; ground
    # weight 2.2 1,956 / 1,857 — one top-three answer again; kb's own formula's folds took ground 3 in 45 files. With
    # ORDER_HEAD (engineer e14d, the same session): kb 1,965 / 1,856 (9 first answers more, the same top three); the
    # rare-bigram weight 0.25 with ground 3 1,956 / 1,862, alone 1,963 / 1,839; ground weight 2.2 1,965 / 1,857; kb's
    # own formula's folds take ground 3 in 4 files only. On all 59 files (twenty-fourth session, round 30r joined — 72
    # more items —, with engineer e11j's obligation rule): kb 2,013 / 1,909; the rare-bigram weight 0.25 with ground 3
    # 2,003 / 1,917 (10 first answers for 8 at R@3); alone 2,010 / 1,892; ground weight 2.2 2,013 / 1,911 — two top-three
    # answers, no first answer; kb's own formula's folds take ground 3 in 2 files
    assert everywhere("原公式", None, GROUND["upper"]) == (2013, 1909)
    assert everywhere("罕见二元组余弦的权重", 0.25, 3) == (2003, 1917)
    assert everywhere("罕见二元组余弦的权重", 0.25, GROUND["upper"]) == (2010, 1892)
    assert everywhere("原公式", None, 2.2) == everywhere("依据法律的候选另设阈值倍数", 1.25, 3) == (2013, 1911)
    assert len({tuned_files[j] for j, c in enumerate(base[2]) if c[1] == 3}) == 2
    assert {tuned_files[j] for j, c in enumerate(base[2]) if c[1] == 3} == {
        "related-heldout-cq-cunzhen-guihua.yml", "related-heldout-qingyuan-wuye.yml"}
    # tried in round 7 against the largest causes of 上位法 errors (tests/data/related/README.md), not adopted: the
    # threshold raised for a text resting outside the knowledge base only for laws it does not cite (0.676 / 0.815 on
    # 24 folds: 0.686 / 0.811); the cosine with the candidate law's own subject taken out, worse then, 0.711 / 0.806 on 21
    # folds (every fold 0.75 with threshold 0.012), 0.699 / 0.814 on 24 before POSITION, 0.701 / 0.795 with it (15 folds
    # 0.75 with ground 1 / threshold 0.006): the sixth session's first candidate, no gain once POSITION weighs (25 folds:
    # 0.701 / 0.805, 17 folds 0.75 with ground 1 / threshold 0.006; 27 folds: 0.697 / 0.820, 21 folds). The first, on 27
    # folds: 0.701 / 0.824 (25 folds 1.5 with 2 / 0.016), above kb's P@1 + R@3 by 0.007 — another candidate for issue 14;
    # with kb's ground 2 / OUTSIDE 1.5 below it (the same 0.701 / 0.824 against 0.717 / 0.818), and the cosine without the
    # law's subject 0.707 / 0.830 (26 folds 1 with ground 1 / threshold 0.006): P@1 for R@3 at a threshold kb cannot take;
    # on 29 folds 0.693 / 0.831 (27 folds 1.5 with 2 / 0.016) and 0.698 / 0.834 (28 folds), kb's 0.708 / 0.826; on 31
    # 0.698 / 0.834 (29 folds) and 0.701 / 0.837 (30 folds), kb's 0.711 / 0.829; on 33 0.708 / 0.843 (31 folds) and
    # 0.717 / 0.843 (33 folds), kb's 0.721 / 0.838; with PUBLIC for laws not cited only 0.713 / 0.848 (31 folds) and
    # 0.714 / 0.843 (29 folds), kb's 0.728 / 0.843; on 39 folds (fourteenth session, round 20r joined) 0.688 / 0.839 (29
    # folds 1 with 2 / 0.016, 7 with 2 / 0.014), kb's 0.701 / 0.835; on 41 folds (fifteenth session, round 21r joined)
    # 0.685 / 0.841 (30 folds 1 with 2 / 0.016, 7 with 2 / 0.014), kb's 0.701 / 0.836; on 43 folds (sixteenth session,
    # round 22r joined) 0.672 / 0.856 (39 folds 3 with 2 / 0.005), kb's 0.676 / 0.840: above on P@1 + R@3 (R@3 for P@1);
    # on 45 folds (seventeenth session, round 23r joined) 0.666 / 0.845, kb's 0.681 / 0.849: below on both again
    assert both("upper", "阈值倍数只对本法规未引的法律") < p1 + r3
    # (35 folds with named_ground: 0.702 / 0.857, 30 folds 1 with ground 1 / threshold 0.006; 37 folds: 0.698 / 0.845,
    # 25 folds; with DUTIES 0.705 / 0.845, 26 folds; 39 folds, fourteenth session, round 20r joined: 0.699 / 0.844, all 39;
    # 41 folds, fifteenth session, round 21r joined: 0.698 / 0.843, 40 of 41, 1 fold 1 with ground 3 / threshold 0.007;
    # with ORDER, same session, 0.697 / 0.842: 24 folds 0.75 with 2 / 0.006, 10 folds 1 with 1 / 0.006, 7 others; 43
    # folds, sixteenth session, round 22r joined: 0.690 / 0.850, 30 folds 0.75 with 2 / 0.006, 6 with 2 / 0.005, 7 others
    # — above kb's 0.676 / 0.840 on both, at a threshold kb cannot take; 45 folds, seventeenth session, round 23r joined:
    # 0.695 / 0.847, 39 folds 0.75 with 2 / 0.006, the others 0.75 with 2 / 0.005 or 3 / 0.008 — P@1 above kb's 0.681,
    # R@3 below its 0.849; 47 folds, eighteenth session, round 24r joined: 0.702 / 0.853, 41 folds 0.75 with 2 / 0.006 —
    # P@1 above kb's 0.688, R@3 below its 0.855; 49 folds, nineteenth session, round 25r joined: 0.704 / 0.858, 43 folds
    # 0.75 with 2 / 0.006 — above kb's 0.690 / 0.856 on both, at a threshold kb cannot take)
    # (51 folds, twentieth session, round 26r joined, with POSITION 0.75: 0.703 / 0.857, 47 folds 0.75 with 2 / 0.005 —
    # P@1 above kb's 0.699 / 0.859, R@3 below; 55 folds, twenty-second session, rounds 27r and 28r joined: 0.710 / 0.862,
    # 51 folds 0.75 with 2 / 0.005 — P@1 above kb's 0.702 / 0.864, R@3 below, at a threshold kb cannot take; 57 folds,
    # twenty-third session, round 29r joined, with ORDER_HEAD: 0.713 / 0.864, 51 folds 0.75 with 2 / 0.005 (53 before
    # it) — P@1 above kb's 0.704 / 0.865, R@3 a hair below, at a threshold kb cannot take; 59 folds, twenty-fourth
    # session, round 30r joined: 52 folds 0.75 with 2 / 0.005)
    assert res[("upper", "去法规主题的余弦")][0] > p1 and most("upper", "去法规主题的余弦") == ((0.75, 2, 0.005), 52)
    # 同类立法: the folds keep kb's ground weight 0 (no weight for two peers citing the same law); its threshold: 0.007 in
    # every fold (25 of 25, 24 of 24, 21 of 21 before round 12r; 0.006, kb's until the sixth session, in 19 of 19 before
    # round 11r, when the 同类立法 items of the round's two texts were not in). With round 13r (68 articles annotated none,
    # kb offering a peer for 48): 0.793 / 0.736 → 0.760 / 0.736; with OTHER_BODIES 0.817 / 0.736; 27 folds 0.823 / 0.737;
    # 29 folds 0.836 / 0.731; 31 folds 0.840 / 0.714 (round 16r's 森林 text: one weak peer, 噪声 nine, none in kb's three);
    # 33 folds 0.842 / 0.692 (round 17r's 人防 six weak peers, 妇女 seven, none in kb's three); 35 folds 0.855 / 0.691
    # (round 18r's 种子 text: no peer, every article rightly none; 交通 two weak peers), 34 folds kb's 0 / 0.007; 37 folds
    # 0.834 / 0.689 (round 19r's 建设工程质量 text: 26 peer answers, 节约能源 one), every fold kb's 0 / 0.007; 39 folds
    # (fourteenth session, round 20r joined) 0.835 / 0.680, 38 folds kb's 0 / 0.007, 1 fold 0 / 0.005; with the followers
    # (FOLLOW, same session; every variant counts them) 0.839 / 0.698, every fold kb's 0 / 0.007; 41 folds (fifteenth
    # session, round 21r joined) 0.840 / 0.682, every fold kb's 0 / 0.007; 43 folds (sixteenth session, round 22r joined)
    # 0.843 / 0.676, every fold kb's 0 / 0.007; 45 folds (seventeenth session, round 23r joined) 0.848 / 0.669, 44 folds
    # kb's 0 / 0.007, 1 fold 0 / 0.006; 47 folds (eighteenth session, round 24r joined: one weak peer in 86 articles)
    # 0.853 / 0.668, 46 folds kb's 0 / 0.007, 1 fold 0 / 0.006
    # (with ACROSS, engineer 14h: every fold kb's 0 / 0.007, 0.848 / 0.693; 49 folds, nineteenth session, round 25r
    # joined: 97 articles, 3 weak peers, none in kb's three: every fold kb's 0 / 0.007, 0.852 / 0.689)
    # (51 folds, twentieth session, round 26r joined: every fold, 0.846 / 0.674; 55 folds, twenty-second session, rounds
    # 27r and 28r joined: every fold, 0.850 / 0.667; 57 folds, twenty-third session, round 29r joined: every fold, 0.854 /
    # 0.661; 59 folds, twenty-fourth session, round 30r joined: every fold, 0.857 / 0.661)
    assert most("peer", "原公式") == ((None, GROUND["peer"], THRESHOLDS["peer"]), 59) and GROUND["peer"] == 0
    assert THRESHOLDS["peer"] == 0.007
    r8_chosen = res[("peer", "第八轮的公式（同类立法不看共同主题，罕见二元组 0.5）")][2]
    # (39 folds before the followers: 38 with 1 / 0.008, 1 with 1 / 0.012; with them 37 and 1; 41 folds, fifteenth
    # session, round 21r joined: 40 with 1 / 0.008, 1 with 1 / 0.012; 43 folds, sixteenth session, round 22r joined: 41
    # and 1, 1 with 2 / 0.016; 45 folds, seventeenth session, round 23r joined: 44 with 1 / 0.008, 1 with 2 / 0.016; 47
    # folds, eighteenth session, round 24r joined: 45 with 1 / 0.008, 1 with 1 / 0.012, 1 with 2 / 0.016; 49 folds,
    # nineteenth session, round 25r joined: 47, 1 and 1)
    # (51 folds, twentieth session, round 26r joined: 49, 1 and 1; 55 folds, twenty-second session, rounds 27r and 28r
    # joined: 52, 2 and 1; 57 folds, twenty-third session, round 29r joined: 54, 2 and 1; 59 folds, twenty-fourth session,
    # round 30r joined: 56, 2 and 1)
    assert r8_chosen.count((None, 1, 0.008)) == 56 and r8_chosen.count((None, 1, 0.012)) == 2
    # a peer needs a shared subject (SHARED_SUBJECT: a law both cite, or the regulations' topics' cosine ≥ 0.1) and the
    # rare-bigram weight is 0.25 (was 0.5): cross-validated 同类立法 P@1 0.615 → 0.686, R@3 0.751 → 0.776 when it came;
    # on 24 folds round 8's formula 0.716 / 0.695, kb's 0.793 / 0.736. The gate chosen fold by fold: 0.08 in every fold
    # (24; 0.1 in 18 of 19 before round 11r), trading P@1 for R@3 (0.771 / 0.763); with the rare-bigram weight, 0.08 and
    # kb's 0.25 in every fold. On 29 folds (ninth session) the gate moves to 0.09 in 28 folds (0.807 / 0.751, P@1 for R@3
    # again), and chosen with the rare-bigram weight 25 folds take 0.09 with no rare-bigram weight (0.810 / 0.746): both
    # below kb's P@1 of 0.836, the measure furthest from the goal after R@3 — kb keeps 0.1 / 0.25, a candidate for issue 14;
    # on 31 folds 0.09 in 30 (0.813 / 0.733), with the rare-bigram weight 27 take 0.09 / 0 (0.816 / 0.728), kb's 0.840 / 0.714;
    # on 33 0.09 in 32 (0.817 / 0.711), with the rare-bigram weight 30 take 0.09 / 0 (0.832 / 0.706), kb's 0.842 / 0.692.
    # On 39 folds (fourteenth session, round 20r joined) round 8's formula 0.731 / 0.687 against kb's 0.835 / 0.680: kb's
    # R@3 now below round 8's (by 0.007; P@1 0.10 above); with the followers (FOLLOW, same session) 0.728 / 0.676 against
    # kb's 0.839 / 0.698: above on both again. On 41 folds (fifteenth session, round 21r joined) round 8's formula 0.730 /
    # 0.699 against kb's 0.840 / 0.682: kb's R@3 below round 8's again, followers and all (by 0.017; P@1 0.11 above). On
    # 43 folds (sixteenth session, round 22r joined) round 8's formula 0.728 / 0.661 against kb's 0.843 / 0.676: kb's R@3
    # above round 8's again (by 0.015) — the two new texts' peers are rare (0.000 R@3 held out) and round 8's ranks them
    # no better. On 45 folds (seventeenth session, round 23r joined) round 8's formula 0.730 / 0.672 against kb's 0.848 /
    # 0.669: kb's R@3 below round 8's again (by 0.003; P@1 0.12 above). On 47 folds (eighteenth session, round 24r
    # joined) round 8's formula 0.733 / 0.656 against kb's 0.853 / 0.668: kb's R@3 above round 8's again (by 0.012)
    from kb.library.related import SHARED_SUBJECT

    round8 = res[("peer", "第八轮的公式（同类立法不看共同主题，罕见二元组 0.5）")]
    # (with ACROSS kb's R@3 0.693 stands 0.037 above round 8's 0.656: the gate no longer costs R@3; on 55 folds,
    # twenty-second session, rounds 27r and 28r joined, kb's 0.850 / 0.667 against round 8's 0.737 / 0.624: 0.042 above)
    assert peer_p1 > round8[0] + 0.1 and round8[1] + 0.04 < peer_r3 < round8[1] + 0.05
    assert SHARED_SUBJECT == {"upper": 0.0, "peer": 0.1, "version": 0.0, "lower": 0.0}
    gate = res[("peer", "同类立法的主题门槛（共同依据或法规主题余弦）")]
    # (35 folds: 0.09 in 34, 0.835 / 0.710; 37 folds: 0.09 in 35, 0.808 / 0.692; 39 folds, fourteenth session, round 20r
    # joined: 0.09 in 37, 0.815 / 0.683; 41 folds, fifteenth session, round 21r joined: 0.09 in 36, 0.803 / 0.688; 43
    # folds, sixteenth session, round 22r joined: 0.09 in 37, 0.806 / 0.691; 45 folds, seventeenth session, round 23r
    # joined: 0.09 in 34, 0.811 / 0.686; 47 folds, eighteenth session, round 24r joined: 0.09 in 3 only, the others 0.08,
    # 0.1 or 0.11, 0.814 / 0.662 — no R@3 bought any more: below kb's 0.853 / 0.668 on both)
    # (with ACROSS, engineer 14h: the folds pick 0.14 or 0.11, 0.842 / 0.701 against kb's 0.848 / 0.693 — a stricter gate
    # buys R@3 for P@1 again, once the gated candidates pass at half their relevance)
    assert not any(g[0] == 0.09 for g in gate[2]) and gate[0] < peer_p1  # (0.08 in 27 of 27, 24 of 25 with OTHER_BODIES)
    # (51 folds, twentieth session, round 26r joined: 0.12 or 0.11 with 0.006 or 0.007, 0.846 / 0.664 against kb's
    # 0.846 / 0.674 — the stricter gate no longer buys R@3)
    assert gate[1] < peer_r3
    joint = res[("peer", "主题门槛与罕见二元组权重（各折一起选）")]
    # (every fold of 33 with issue 11's twenty-second round of obligation rules: 0.837 / 0.715; every fold of 35 in the
    # twelfth session: 0.853 / 0.712; 36 of 37 in the thirteenth: 0.823 / 0.696; 38 of 39 in the fourteenth, round 20r
    # joined: 0.828 / 0.687; 38 of 41 in the fifteenth, round 21r joined: 0.811 / 0.699; 40 of 43 in the sixteenth, round
    # 22r joined: 0.816 / 0.695; 40 of 45 in the seventeenth, round 23r joined: 0.817 / 0.692; 37 of 47 in the
    # eighteenth, round 24r joined, the others 0.08, 0.1 or 0.11 with no rare-bigram weight: 0.819 / 0.681)
    # (with ACROSS every fold picks the gate 0.11: 0.823 / 0.699)
    # (51 folds, twentieth session, round 26r joined: the gate 0.12 or 0.11, the rare-bigram weight 0.25 or 0: 0.844 /
    # 0.662)
    assert all(g[0][0] in (0.11, 0.12) for g in joint[2]) and RARE["peer"] == 0.25    # ((0.08, 0.25) in 27 of 27 before)
    assert joint[0] < peer_p1
    # without the exception for a law both cite, the gate does not pay (tests/data/related/README.md); for 上位法 the
    # folds choose a gate (0.07 in 22 of 24) and lose by it (0.697 / 0.812); on 37 folds with DUTIES (thirteenth session)
    # every fold leaves it out: kb's figures; on 39 (fourteenth session, round 20r joined) 36 leave it out (35 with 2 /
    # 0.014, 1 with 2 / 0.016), 3 pick 0.07 or 0.08 with ground 1: 0.690 / 0.834 against kb's 0.701 / 0.835; on 41
    # (fifteenth session, round 21r joined) 37 leave it out (36 with 2 / 0.014, 1 with 2 / 0.016), 4 pick 0.08 with ground
    # 1 / 0.005: 0.687 / 0.836 against kb's 0.701 / 0.836; with ORDER (same session) 35 leave it out (34 with 2 / 0.014),
    # 6 pick 0.07 or 0.08 with ground 1: 0.699 / 0.836 against kb's 0.713 / 0.836; on 43 (sixteenth session, round 22r
    # joined) 1 leaves it out, 42 pick 0.07 or 0.08 (34 with 2 / 0.005, 7 with 1 / 0.005): 0.681 / 0.853 against kb's
    # 0.676 / 0.840 — above on both, at a threshold kb cannot take; on 45 (seventeenth session, round 23r joined) every
    # fold picks 0.08, 40 with 1 / 0.005, the others 2 / 0.005: 0.686 / 0.850 against kb's 0.681 / 0.849 — above on
    # both, at a threshold kb cannot take; on 47 (eighteenth session, round 24r joined) every fold picks 0.08, 42 with 1 /
    # 0.005, the others 2 / 0.005: 0.693 / 0.857 against kb's 0.688 / 0.855 — above on both, at a threshold kb cannot take;
    # on 49 (nineteenth session, round 25r joined) every fold picks 0.08, 44 with 1 / 0.005, the others 2 / 0.005: 0.695 /
    # 0.860 against kb's 0.690 / 0.856 — the same
    # (51 folds, twentieth session, round 26r joined, with POSITION 0.75: 0.07 with 2 / 0.007 in 49, the others 0.07 with
    # 0.006 or 0.08: 0.699 / 0.859, a first answer below kb's; 55 folds, twenty-second session, rounds 27r and 28r
    # joined, with the twenty-first session's obligation rules: 0.07 with 2 / 0.007 in 48, the others 0.07 with 0.006 or
    # 0.08: 0.703 / 0.863 against kb's 0.702 / 0.864 — two first answers above, a top-three answer or two below: no gain;
    # 57 folds, twenty-third session, round 29r joined, with ORDER_HEAD: 0.07 with 2 / 0.006 in 50: 0.706 / 0.865
    # against kb's 0.704 / 0.865 — two first answers or so above, a top-three answer below)
    gate = res[("upper", "同类立法的主题门槛（共同依据或法规主题余弦）")]
    assert p1 < gate[0] < p1 + 0.002 and r3 - 0.001 < gate[1] < r3
    # (59 folds, twenty-fourth session, round 30r joined: 0.07 with 2 / 0.006 in 52)
    assert most("upper", "同类立法的主题门槛（共同依据或法规主题余弦）") == ((0.07, 2, 0.006), 52)
    # … and the weight of the rare-bigram cosine: 同类立法's 0.25 in 22 folds of 24, 24 of 25 (with threshold 0.007), 22 of
    # 25 with OTHER_BODIES (3 folds 0), 25 of 27, 25 of 29, 22 of 31, 21 of 33; for 上位法 (none) a weight chosen fold by
    # fold does no better
    # — with issue 11's twenty-second round of obligation rules (the actors of a few articles changed) 32 folds of 33 pick
    # 0 (0.837 / 0.699 against kb's 0.842 / 0.694: R@3 for P@1), 1 kb's 0.25: kb keeps 0.25 (P@1 is the measure the goal
    # is further from on the texts of the knowledge base's subjects), a candidate for issue 14's next round; on 35 folds
    # (twelfth session) every fold picks 0 (0.853 / 0.698 against kb's 0.855 / 0.691); on 37 (thirteenth) 33 pick 0, 3
    # keep 0.25 (0.830 / 0.681 against kb's 0.834 / 0.689: now below kb on both); on 39 (fourteenth session, round 20r
    # joined) 34 pick 0, 3 keep 0.25, 2 pick 0.75 with 0.004 (0.831 / 0.672 against kb's 0.835 / 0.680: below on both);
    # with the followers (FOLLOW, same session) 36 pick 0, 1 keeps 0.25 (0.835 / 0.689 against kb's 0.839 / 0.698); on 41
    # (fifteenth session, round 21r joined) 39 pick 0, none keeps 0.25, 2 pick 0.75 with 0.006 (0.835 / 0.677 against
    # kb's 0.840 / 0.682); on 43 (sixteenth session, round 22r joined) 41 pick 0, 2 pick 0.75 with 0.006 (0.839 / 0.672
    # against kb's 0.843 / 0.676); on 45 (seventeenth session, round 23r joined) 43 pick 0 with 0.007, 2 pick 0.75 with
    # 0.006 (0.843 / 0.667 against kb's 0.848 / 0.669); on 47 (eighteenth session, round 24r joined) 45 pick 0 with
    # 0.007, 2 pick 0.75 with 0.006 (0.849 / 0.666 against kb's 0.853 / 0.668)
    # (with ACROSS 43 folds pick kb's 0.25 with 0.007, the others 0.75 with 0.006 or 0: 0.847 / 0.681 against kb's
    # 0.848 / 0.693; on 49, nineteenth session, round 25r joined, 46 folds pick kb's 0.25 with 0.007, the others 0.75 with
    # 0.006: 0.852 / 0.678 against kb's 0.852 / 0.689; with one peer across the gate, ACROSS_MOST, engineer 14l of the
    # same session, 43 folds pick 0.75 with 0.006, the others kb's 0.25 or 0.5 with 0.007: 0.849 / 0.672 against kb's
    # 0.852 / 0.683 — below on both, kb keeps 0.25; with the thirtieth round of obligation rules, same session, still 43
    # folds (40 on a stack without the lead's guard on fields sharing a kind of department, names._names_a_party):
    # below kb's 0.853 / 0.683 on both)
    # (51 folds, twentieth session, round 26r joined: 42 folds 0.75 with 0.006, 0.841 / 0.664 against kb's 0.846 / 0.674;
    # 55 folds, twenty-second session, rounds 27r and 28r joined: 48 folds 0.75 with 0.006; 57 folds, twenty-third
    # session, round 29r joined: 51; 59 folds, twenty-fourth session, round 30r joined: 53)
    assert most("peer", "罕见二元组余弦的权重") == ((0.75, GROUND["peer"], 0.006), 53) and RARE["peer"] == 0.25
    rare = res[("peer", "罕见二元组余弦的权重")]
    assert rare[0] < res[("peer", "原公式")][0] and rare[1] < res[("peer", "原公式")][1]
    # a peer governs the same kind of body (OTHER_BODIES, seventh session: the titles of the two regulations name bodies of
    # BODY_KINDS and no kind in common → relevance × 0): every fold of 25 picks 0 of 1, 0.5, 0.25, 0 (with 0 / 0.007);
    # 同类立法 0.760 / 0.736 → 0.817 / 0.736 (round 13r's election text 19 → 68 of its 68 articles rightly without a peer,
    # the 乡镇人大工作条例 38 → 50 of 51). 上位法: the folds pick 0.25 at no gain (0.697 / 0.824): kb keeps 1. On 29 folds
    # every fold picks 0 (0.788 / 0.731 without it, 0.836 / 0.731 with it); on 31 too (0.796 / 0.714, 0.840 / 0.714); on 33
    # too (0.801 / 0.692, 0.842 / 0.692); on 35 34 of 35 (0.821 / 0.691, 0.855 / 0.691: round 18r's texts have a peer
    # of no other kind of body to drop, so the margin narrows from 0.04 to 0.034); on 37 all 37 (0.801 / 0.689, 0.834 /
    # 0.689); on 39 (fourteenth session, round 20r joined) 38 of 39 (0.808 / 0.680, 0.835 / 0.680: the margin narrows to
    # 0.027). 上位法 on 39: 37 folds pick 0.25 with 2 / 0.014, 0.702 / 0.835 against kb's 0.701 / 0.835 (one article).
    # With the followers (FOLLOW, same session) all 39 (0.808 / 0.698, 0.839 / 0.698). On 41 (fifteenth session, round
    # 21r joined) all 41 (0.809 / 0.682, 0.840 / 0.682: the margin 0.030). 上位法 on 41: 39 folds pick 0.25 with 2 / 0.014,
    # 0.7015 / 0.836 against kb's 0.701 / 0.836 (one article). On 43 (sixteenth session, round 22r joined) all 43 (0.814 /
    # 0.676, 0.843 / 0.676: the margin 0.029); 上位法: 23 folds pick 0.25 with 2 / 0.008, 0.677 / 0.839 against kb's
    # 0.676 / 0.840. On 45 (seventeenth session, round 23r joined) 44 with 0.007, 1 with 0.006 (0.820 / 0.672 without it,
    # 0.848 / 0.669 with: P@1 0.028 up, R@3 0.003 down — the first time it costs R@3); 上位法: the folds pick 0.25 or 0.5,
    # 0.681 / 0.849, kb's figures. On 47 (eighteenth session, round 24r joined) 46 with 0.007, 1 with 0.006 (0.826 /
    # 0.670 without it, 0.853 / 0.668 with); 上位法: 0.688 / 0.855, kb's figures. On 49 (nineteenth session, round 25r
    # joined, with ACROSS) all 49 with 0.007 (0.822 / 0.689 without it, 0.852 / 0.689 with); 上位法: 0.691 / 0.856, a first
    # answer or two above kb's 0.690 / 0.856
    from kb.library.related import OTHER_BODIES

    # 46 before ACROSS, 49 of 49 with it, 51 of 51 (twentieth session, round 26r joined), 55 of 55 (twenty-second
    # session, rounds 27r and 28r joined), 57 of 57 (twenty-third session, round 29r joined), 59 of 59 (twenty-fourth
    # session, round 30r joined)
    assert most("peer", "法规名称所指机关种类不同") == ((OTHER_BODIES["peer"], GROUND["peer"], 0.007), 59)
    before14 = res[("peer", "第十四轮之前（不看法规名称所指机关）")]
    # (with ACROSS the R@3 is the same with and without it: 0.693)
    assert OTHER_BODIES["peer"] == 0 and peer_p1 > before14[0] + 0.025 and before14[1] - 0.005 < peer_r3 <= before14[1]
    assert OTHER_BODIES["upper"] == OTHER_BODIES["lower"] == 1.0
    assert both("upper", "法规名称所指机关种类不同") < p1 + r3 + 0.002
    # (上位法 with ORDER, fifteenth session: on the full grid every fold takes 0.25 with 2 / 0.012, 0.719 / 0.842 — above
    # kb's 0.713 / 0.836, at a threshold kb cannot take —; on kb's thresholds 36 folds 0.25 with ground 3, 0.715 / 0.831
    # against kb's 0.721 / 0.832: kb keeps 0. On 43 folds, sixteenth session, round 22r joined: on the full grid every
    # fold 0.25, 35 with 2 / 0.012, 0.688 / 0.841 against kb's 0.676 / 0.840; on kb's thresholds every fold 0.25 with
    # ground 3, 0.711 / 0.833 against kb's 0.709 / 0.828 — above kb's on both: the next round's candidate. On 49 folds,
    # nineteenth session, round 25r joined: on the full grid 0.25 with 2 / 0.006, 0.007 or 0.012 and, for the first time,
    # 0.5 with 2 / 0.006 in a fold or more: 0.696 / 0.855 against kb's 0.690 / 0.856; on kb's thresholds every fold 0.25
    # with ground 3, 0.717 / 0.839 against kb's 0.712 / 0.833)
    rare = res[("upper", "罕见二元组余弦的权重")]
    assert RARE.get("upper", 0) == 0 and all(c[0] in (0.25, 0.5) and c[2] < THRESHOLDS["upper"] for c in rare[2])
    # (51 folds, twentieth session, round 26r joined, with POSITION 0.75: 0.25 with 2 / 0.006 in every fold, 0.700 /
    # 0.860 against kb's 0.699 / 0.859 — a hair above on both, at a threshold kb cannot take;
    # on kb's thresholds 0.705 / 0.825 against kb's formula's folds' 0.705 / 0.826: below; 55 folds, twenty-second
    # session, rounds 27r and 28r joined: 0.25 with 2 / 0.006 in every fold, 0.707 / 0.864 against kb's 0.702 / 0.864 —
    # above on P@1, at a threshold kb cannot take; 57 folds, twenty-third session, round 29r joined, with ORDER_HEAD:
    # every fold 0.25 with 2 / 0.006, 0.711 / 0.866 against kb's 0.704 / 0.865 — above on both at a threshold kb cannot
    # take; on kb's
    # thresholds P@1 + R@3 above kb's formula's folds before ORDER_HEAD (1.5513 against 1.5486), 0.005 below it with
    # ORDER_HEAD (engineer e14d, the same session))
    assert [c[0] for c in rare[2]].count(0.25) == 59          # every fold (59, twenty-fourth session, round 30r joined)
    assert both("upper", "罕见二元组余弦的权重") > p1 + r3
    assert sum(low[("upper", "罕见二元组余弦的权重")][:2]) < sum(low[("upper", "原公式")][:2])
    # kb's first three 上位法 answers above the threshold ordered by relevance × the share of the article's weight each
    # holds (kb.library.related.ORDER, fifteenth session of 2026-12-06, issue 14's twenty-fifth round; every variant scores
    # it, related_cv.ORDERED): without it 0.701 / 0.836 (40 folds 2 / 0.014), with it 0.713 / 0.836; its weight chosen fold
    # by fold among 0, 0.25, 0.5, 1, 2: 1 in 38 folds (37 with 2 / 0.014), 2 in 3 — 0.711 / 0.836; on kb's thresholds
    # 0.706 / 0.832 without it, 0.721 / 0.832 with it, chosen 1 in 40 folds, 0.5 in 1: 0.720 / 0.832. R@3 cannot move (the
    # first three stay the first three). The candidate's length in its place (characters^w: pivoted length normalisation)
    # does worse: 0.698 / 0.836 (tests/data/related/README.md, Twenty-fifth round of tuning). On 43 folds (sixteenth
    # session, round 22r joined) without it 0.664 / 0.837 (34 folds 2 / 0.014: the folds' thresholds move with it, so R@3
    # does too), with it 0.676 / 0.840; chosen fold by fold 1 in 41 folds (23 with 2 / 0.008, 13 with 2 / 0.014): 0.674
    # / 0.840; on kb's thresholds 1 in 41 (39 with kb's 2 / 0.016): 0.704 / 0.828 against kb's 0.709 / 0.828
    from kb.library.related import ORDER, ORDER_AMONG

    assert ORDER == {"upper": 1.0} and ORDER_AMONG == 3 and related_cv.ORDERED
    order = res[("upper", "前三个答案按覆盖排序（覆盖指数）")]
    # (45 folds, seventeenth session, round 23r joined: 1 in 43, 35 of them with 2 / 0.007, 2 in 2: 0.679 / 0.849 against
    # kb's 0.681 / 0.849; on kb's thresholds 1 with kb's 2 / 0.016 in 39, 0.701 / 0.819 against kb's 0.704 / 0.820; 47
    # folds, eighteenth session, round 24r joined: 1 in every fold, 38 with 2 / 0.007 — kb's own 0.688 / 0.855; on kb's
    # thresholds 1 with kb's 2 / 0.016 in 39, 0.706 / 0.828 against kb's 0.710 / 0.828; 49 folds, nineteenth session,
    # round 25r joined: 1 in every fold, 40 with 2 / 0.007 — kb's own 0.690 / 0.856; on kb's thresholds 1 with kb's
    # 2 / 0.016 in 44, 0.710 / 0.833 against kb's 0.712 / 0.833)
    # (51 folds, twentieth session, round 26r joined, with POSITION 0.75: ORDER in every fold with 2 / 0.007 — kb's
    # figures; on kb's thresholds in every fold, 10 with ground 2, 41 with 3, as kb's formula's folds; without the order
    # 0.679 / 0.859: ORDER gains 0.020 of P@1, R@3 by construction the same)
    # (55 folds, twenty-second session, rounds 27r and 28r joined: ORDER in every fold, 51 with 2 / 0.007 — kb's figures;
    # on kb's thresholds in every fold, 12 with ground 2, 43 with 3, as kb's formula's folds)
    # (57 folds, twenty-third session, round 29r joined: ORDER in every fold, 38 with 2 / 0.006 — kb's figures; on kb's
    # thresholds, with ORDER_HEAD, 53 with ground 2, as kb's formula's folds; 59 folds, twenty-fourth session, round 30r
    # joined: ORDER in every fold, 38 with 2 / 0.007 — kb's figures; on kb's thresholds 57 with ground 2)
    assert most("upper", "前三个答案按覆盖排序（覆盖指数）") == ((ORDER["upper"], 2, 0.007), 38)
    assert [c[0] for c in order[2]].count(ORDER["upper"]) == 59 and order[1] == r3 and p1 - 0.005 < order[0] <= p1
    chosen = low[("upper", "前三个答案按覆盖排序（覆盖指数）")][2]
    assert chosen.count((ORDER["upper"], GROUND["upper"], THRESHOLDS["upper"])) == 57
    assert res[("upper", "前三个答案按长度排序（长度指数）")][0] < p1
    related_cv.ORDERED = False
    try:
        unordered = related_cv.related(ROOT, io.StringIO(), variants=["原公式"],
                                       items=[i for i in items if i["kind"] == "upper"])[("upper", "原公式")]
    finally:
        related_cv.ORDERED = True
    assert unordered[0] + 0.01 < p1 and unordered[1] <= r3
    # 同类立法's followers (kb.library.related.FOLLOW, fourteenth session of 2026-12-06: once a peer passes the threshold
    # and the gate, the next candidates down to 0.003 follow it, the gate not asked), counted in every variant as kb lists
    # them (related_cv.FOLLOWERS): 39 folds 0.835 / 0.680 without them (38 folds kb's 0 / 0.007, 1 fold 0 / 0.005), 0.839 /
    # 0.698 with them (every fold 0 / 0.007: the fold that took 0.005 for its R@3 has it from the followers). Their least
    # relevance chosen fold by fold among none and 0.006 … 0.001 (a tie to the highest, the fewest listed): 0.003 in 38
    # folds, 0.004 in 1 (whose own gain needs 0.003), 0.839 / 0.696. Keeping the gate for them did worse (0.838 / 0.687:
    # tests/data/related/README.md, Twenty-fourth round of tuning). On 41 folds (fifteenth session, round 21r joined):
    # 0.835 / 0.665 without them, 0.840 / 0.682 with them (every fold kb's 0 / 0.007); their least relevance chosen fold by fold 0.003 in 40 folds,
    # 0.004 in 1, 0.840 / 0.679. On 43 folds (sixteenth session, round 22r joined): 0.839 / 0.659 without them, 0.843 /
    # 0.676 with them (every fold kb's 0 / 0.007); their least relevance 0.003 in 42 folds, 0.004 in 1, 0.843 / 0.674
    from kb.library.related import FOLLOW

    assert FOLLOW == {"peer": 0.003} and related_cv.FOLLOWERS
    follow = res[("peer", "同类立法的后随答案（相关度下限）")]
    # (45 folds, seventeenth session, round 23r joined: 0.003 in 43 folds, 0.004 in 1, 0.003 with 0.006 in 1, 0.848 / 0.667;
    # 47 folds, eighteenth session, round 24r joined: 0.003 in 45 folds, 0.004 in 1, 0.003 with 0.006 in 1, 0.853 / 0.666)
    # (with ACROSS: 0.003 in 46 folds, 0.004 in 1, 0.848 / 0.691; 49 folds, nineteenth session, round 25r joined: 0.003
    # in 48 folds, 0.004 in 1, 0.852 / 0.687)
    # (51 folds, twentieth session, round 26r joined: 50 folds kb's 0.003, 0.846 / 0.672 against kb's 0.846 / 0.674; 55
    # folds, twenty-second session, rounds 27r and 28r joined: 54 folds kb's 0.003; 57 folds, twenty-third session, round
    # 29r joined: 56; 59 folds, twenty-fourth session, round 30r joined: 58)
    assert most("peer", "同类立法的后随答案（相关度下限）") == ((FOLLOW["peer"], GROUND["peer"], 0.007), 58)
    assert follow[0] == peer_p1 and peer_r3 - 0.005 < follow[1] <= peer_r3
    assert res[("upper", "同类立法的后随答案（相关度下限）")][:2] == (p1, r3)      # 上位法 has none
    related_cv.FOLLOWERS = False
    try:
        alone = related_cv.related(ROOT, io.StringIO(), variants=["原公式"], items=[i for i in items if i["kind"] == "peer"])
    finally:
        related_cv.FOLLOWERS = True
    # (with ACROSS, without the followers: 0.820 / 0.687 against kb's 0.848 / 0.693; on 49 folds, nineteenth session,
    # round 25r joined: 0.825 / 0.678 against kb's 0.852 / 0.689)
    assert alone[("peer", "原公式")][0] < peer_p1 and alone[("peer", "原公式")][1] + 0.005 < peer_r3
    # A 同类立法 candidate the shared-subject gate turns away, offered even so, its relevance divided by a factor
    # (seventeenth session, engineer 14b, on main's 43 folds: tests/data/related/README.md, Twenty-seventh round (engineer
    # 14b)) — 75 of the 154 R@3 misses are acceptable peers among the 15 candidates that the gate turns away: when the two
    # articles' duties name a body in common, 0.829 / 0.705 (folds ÷ 1.5 or 2); when each article is on the other's
    # regulation's subject (the lesser topic at least 0.025–0.03), 0.834 / 0.693 — R@3 bought with P@1 each time (the
    # 20 outside texts no candidate of which passes the gate, the held-out rounds' kind: 951 → 939 first answers right of
    # 1,007 for 4 of their 56 weak peers), not adopted; the gate gives the 上位法 nothing to turn away
    for name in ("同类立法门槛外有共同主体的候选（相关度除以倍数）", "同类立法门槛外两条互在对方主题上的候选（倍数, 主题下限）"):
        gated = res[("peer", name)]
        # (with ACROSS, engineer 14h's rule for the gated candidates that are no frame articles, neither buys R@3 any
        # more: 0.834 / 0.695 and 0.847 / 0.687 against kb's 0.848 / 0.693; on 57 folds, twenty-third session, round 29r
        # joined: 0.851 / 0.653 and 0.852 / 0.643 against kb's 0.854 / 0.661, and some folds of the second take no gated
        # candidate at all (0))
        assert gated[0] < peer_p1 and gated[1] < peer_r3 + 0.005
        assert sum(c[0] != 0 for c in gated[2]) > len(gated[2]) // 2
        assert res[("upper", name)][:2] == (p1, r3)
    assert "交叉验证 P@1" in out.getvalue()


def test_repeat_cv_picks_the_least_share_of_the_closest_provision():
    from kb.dev import related_cv
    from kb.library.repeat import MIN_BEST

    need_shared(CORPUS)         # outside-kb/'s annotations are of corpus texts
    out = io.StringIO()
    res = related_cv.repeat(ROOT, out)
    f1, counts, chosen = res["0–0.5，步长 0.05"]
    # the eight files of texts of the knowledge base and those of outside-kb/ (rounds 6, 8r–12r, checked in a copy of the
    # library extended with the text, as kb check checks a draft): 0.843 (70 / 8 / 18) on the eight alone, 0.789 on
    # thirteen folds, 0.785 on fifteen (142 / 38 / 40), 0.770 on seventeen (146 / 43 / 44, every fold kb's MIN_BEST); with
    # the 立法法, 监督法, 选举法 and 预算法 in the knowledge base and the repeats of them annotated (fifth session of 2026-12-05)
    # 0.682 (150 / 80 / 60; the folds chose 0.5 in 11, 0.4 in 5, kb's 0.45 in 1); with round 12r's three texts (sixth
    # session, twenty folds) 0.673 (185 / 112 / 68): 15 folds choose 0.5, 5 choose 0.25, none kb's 0.45 — the new laws'
    # provisions repeated with other bodies' names and local steps (the annotators' "not repetitions") sit on the bound.
    # All twenty files at kb's bounds: 185 / 88 / 68 (0.703). With round 13r's election text (seventh session, 21 folds;
    # it copies the 选举法 closely, 35 repeats): 0.721 (205 / 76 / 83), 19 folds 0.5, 2 kb's 0.45. With round 14r's two
    # texts (eighth session, 23 folds; each read in a copy with its law, extra_laws:): 0.742 (223 / 65 / 90), every fold
    # 0.5 — kb's 0.45 in none; not adopted (kb.library.repeat.MIN_BEST: all 23 files at 0.45 are 0.733, 238 / 98 / 75, so
    # the folds gain 0.009, all of it outside-kb/'s, while kb score-repeat's eight files go 69 / 9 / 19 → 60 / 4 / 28).
    # With round 15r's two texts (ninth session, 25 folds; the 1994 邮政通信条例 repeats the 1986 law's wording, which the
    # 2015 law kept only in part): 0.692 (243 / 129 / 87); 16 folds pick 0.5, 5 pick 0.25, 3 pick 0.4, 1 picks 0.3; all 25
    # files at kb's 0.45: 0.724 (245 / 102 / 85).  Since the tenth session (2026-12-06) an upper provision for the national
    # legislature alone is no candidate of a local article (kb.library.repeat.another_legislature: 31 of the 重庆市地方立法条例's
    # false reports gone): 0.733 (260 / 119 / 70), 17 folds pick 0.25, 6 pick 0.4, 2 pick 0.5; all 25 files at kb's 0.45:
    # 0.753 (242 / 71 / 88); and a purpose and ground clause is never reported (kb.library.repeat.ground_clause: three false
    # reports gone): 0.765 (282 / 125 / 48), every fold picks 0.25; all 25 files at kb's 0.45: 0.756 (242 / 68 / 88).  Not
    # adopted: at 0.25 kb score-repeat's eight files go 69 / 9 / 19 → 76 / 26 / 12 (F1 0.831 → 0.800) and round 16r's two
    # texts 12 / 1 / 10 → 13 / 9 / 9 (0.686 → 0.591): the two sets of annotators draw the line apart, as before.  With
    # round 16r's two as tuning files (the tenth session's bookkeeping, 27 folds; the 1999 森林 text under the 2019 law):
    # 0.733 (271 / 116 / 81); 16 folds pick 0.25, 9 pick 0.4, 2 pick kb's 0.45; all 27 files at 0.45: 0.753 (254 / 69 / 98).
    # And a law whose title names another kind of body is no candidate (OTHER_BODIES' test: the 选举法 beside the 村民委员会
    # 选举办法): 0.743 (279 / 120 / 73), 18 folds pick 0.25, 6 pick 0.4, 3 pick 0.3; all 27 files at 0.45: 0.755 (254 / 67 /
    # 98); on the 25 folds before round 16r 0.765 → 0.770.  With round 17r's two as tuning files (the eleventh session's
    # bookkeeping, 29 folds; the 2009 妇女 text under the 2022 law): 0.755 (325 / 131 / 80); 22 folds pick 0.3, 6 pick 0.25,
    # 1 picks 0.4; all 29 files at 0.45: 0.754 (287 / 69 / 118) — the folds no better than kb's bound
    # With PUBLIC for laws the text does not cite only (issue 14, the same session; the check's candidates are the 上位法
    # ranking's above its threshold): 0.755 (326 / 133 / 79), 21 folds pick 0.3, 7 pick 0.25, 1 picks 0.4; all 29 at 0.45:
    # 0.755 (288 / 70 / 117).  With round 18r's two as tuning files (the twelfth session's bookkeeping, 31 folds; the
    # 2006 种子 text under the 2021 law, the 交通 text under the 2021 law): 0.755 (351 / 138 / 90), 30 folds pick 0.3, 1
    # picks 0.4; all 31 at 0.45: 0.745 (306 / 74 / 135).  With a repeat spread over two provisions reported (the same
    # session: kb.library.repeat.PAIR 0.55 and PAIR_REST 0.15 in kb's rule, which this mode counts): 0.766 (328 / 87 / 113),
    # every fold kb's 0.45 — the spread repeats had pulled the single provision's bound down; all 31 at 0.45 the same.
    # With the 妇女 text compared also with the law's 2018 wording (kb.library.repeat.earlier_texts; its file's
    # extra_laws: names both versions, the same session): 0.765 (330 / 92 / 111), 29 folds kb's 0.45, 1 picks 0.5, 1 picks
    # 0.4; all 31 at kb's bounds 0.772 (332 / 87 / 109). With round 19r's two as tuning files (the thirteenth session's
    # bookkeeping, 33 folds; the 建设工程质量 text rewords the 建筑法): 0.767 (353 / 98 / 116), 31 folds kb's 0.45, 1 picks
    # 0.5, 1 picks 0.4; all 33 at kb's bounds 0.774 (355 / 93 / 114).  With an article reported through its closest
    # provision taking a good part of it (the same session: kb.library.repeat.PART 0.15, PART_WHOLE 0.75): 0.777 (344 / 72 /
    # 125), 32 folds kb's 0.45, 1 picks 0.4; all 33 at kb's bounds 0.783 (345 / 67 / 124).  With round 20r's two as
    # tuning files (the fourteenth session's bookkeeping, 35 folds; the 艾滋病防治 text under the 2013 传染病防治法, the 专利
    # text under the 2020 专利法): 0.774 (344 / 72 / 129), 34 folds kb's 0.45, 1 picks 0.4; all 35 at kb's bounds 0.780
    # (345 / 67 / 128).  With round 21r's two as tuning files (the fifteenth session's bookkeeping, 37 folds; the 居家养老
    # text under the 2018 老年人权益保障法, the 固体废物 text under the 2014 环境保护法 and the 2020 固体废物污染环境防治法):
    # 0.767 (353 / 78 / 136), 36 folds kb's 0.45, 1 picks 0.4; all 37 at kb's bounds 0.773 (354 / 73 / 135).  With a
    # fine of the text's own amount not reported (the same session: kb.library.repeat.OWN_FINE, which this mode counts):
    # 0.775 (354 / 70 / 135), every fold kb's 0.45; all 37 at kb's bounds the same.  With round 22r's two as tuning files
    # (the sixteenth session's bookkeeping, 39 folds; the 计量 text under the 2018 计量法, the 科学技术协会 text under the 2021
    # 科学技术进步法): 0.771 (356 / 70 / 141), every fold kb's 0.45; all 39 at kb's bounds the same.  With quantities compared
    # by value (the same session: kb.library.repeat.BY_VALUE, which this mode counts): 0.773 (357 / 70 / 140), every fold
    # kb's 0.45; all 39 at kb's bounds the same.  With round 23r's two as tuning files (the seventeenth session's
    # bookkeeping, 41 folds; the 防汛抗旱 text under the 2016 水法, the 建筑垃圾 text under the 2020 固体废物污染环境防治法; 4
    # repeats, none found): 0.764 (356 / 75 / 145), 40 folds kb's 0.45, 1 picks 0.4; all 41 at kb's bounds 0.769 (357 / 70 /
    # 144).  With round 24r's two as tuning files (the eighteenth session's bookkeeping, 43 folds; the 非遗 text under the
    # 2011 非物质文化遗产法, the 水资源 text under the 2016 水法; 24 repeats, held out 16 / 11 / 8): 0.759 (374 / 87 / 151),
    # 42 folds kb's 0.45, 1 picks 0.3; all 43 at kb's bounds 0.762 (373 / 81 / 152).  With round 25r's two as tuning files
    # (the nineteenth session's bookkeeping, 45 folds; the 中医药 text under the 2016 中医药法, the 动物防疫 text under the
    # 2021 动物防疫法; 23 repeats, held out 17 / 5 / 6): 0.762 (390 / 86 / 158), every fold kb's 0.45; all 45 at kb's
    # bounds the same.  With round 26r's two as tuning files (the twentieth session's bookkeeping, 47 folds; the 2004
    # 文物 text under the 2024 文物保护法, the 节水 text under the 2016 水法; 10 repeats, held out 2 / 3 / 8): 0.742 (392 /
    # 106 / 166), 40 folds kb's 0.45, 7 pick 0.3 — the folds scatter again (the seven at 0.3 find no repeat more and
    # report 17 false ones more); all 47 at kb's bounds 0.755 (392 / 89 / 166: the two texts' 2 / 3 / 8 as held out); on the finer grid
    # 0.3–0.55 46 folds pick 0.46, 1 0.3: 0.753 (391 / 90 / 167) — kb's 0.45 stays.  With engineer 14n's three provisions
    # together (kb.library.repeat.TRIPLE 0.6, TRIPLE_REST 0.1, the same session): every fold kb's 0.45 again, 0.765 (406 / 98
    # / 152; the seven folds at 0.3 came back), every file at kb's bounds the same; the finer grid: every fold 0.46, 0.767
    # (405 / 93 / 153).  With a sentence of the article's own stating a figure of its own not reported (twenty-first session,
    # engineer 14a: kb.library.repeat.LOCAL_SENTENCE 0.35, which this mode counts): every fold kb's 0.45, 0.768 (404 / 90
    # / 154); the finer grid every fold 0.46, 0.770 (403 / 86 / 155).  With rounds 27r's and 28r's two each as tuning
    # files (the twenty-second session's bookkeeping, 51 folds, with the twenty-first session's obligation rules; the
    # 反食品浪费 and 防震减灾 texts, 16 / 8 / 1 held out, the 计划生育 and 统计 texts, 19 / 7 / 3): every fold kb's 0.45,
    # 0.770 (439 / 105 / 158); with a spread repeat's least part of its closest provision (the same session, engineer
    # e14c: kb.library.repeat.SPREAD_PART 0.07, which this mode counts) every fold kb's 0.45, 0.771 (438 / 101 / 159).
    # With round 29r's two as tuning files (the twenty-third session's bookkeeping, 53 folds, with the clause table
    # recounted after that session's draw; the 残疾人保障 text, 5 / 4 / 2 held out, the 招标投标 text, 1 / 1 / 1): every
    # fold kb's 0.45, 0.768 (444 / 106 / 162). With round 30r's two (the twenty-fourth session's bookkeeping, 55 folds,
    # the clause table recounted after that session's draw; the 合作社 text, 8 / 3 / 5 held out, the 继续教育 text none)
    # and engineer e14f's REFERRAL (a reference clause restates no sanction: three false reports fewer): every fold
    # kb's 0.45, 0.767 (452 / 107 / 167)
    assert len(chosen) == 55 and chosen.count(MIN_BEST) == 55
    assert MIN_BEST == 0.45 and 0.767 < f1 < 0.769
    # two provisions together (a repeat spread over them) did not beat the single closest one until the four laws came
    # (every fold left them out); then most folds took them (a pair's share ≥ 0.6: 18 of 20, 18 of 21) for a better
    # figure (0.696 on 20; on 21 a hair, 0.7213 against 0.7206: 220 / 102 / 68); on 23 folds 21 take 0.6 but the pair
    # does worse than the single provision (0.728, 243 / 112 / 70, against 0.742); on 25 folds 24 take 0.6 and the pair does
    # better (0.726, 254 / 116 / 76, against 0.692): a candidate for issue 14 (left to it: the folds' single-provision bound
    # scatters, and kb score-repeat must not lose what the folds gain); since the tenth session 24 take 0.55 (0.760, 255 / 86 /
    # 75), but kb score-repeat's eight files go 69 / 9 / 19 → 70 / 14 / 18 at 0.55: not adopted; with ground_clause every
    # fold takes 0.55 (0.769, 258 / 83 / 72); on 27 folds every fold too (0.764, 270 / 85 / 82; with other kinds of body left
    # out 0.769, 270 / 80 / 82); on 29 folds every fold too (0.773, 307 / 82 / 98); on 31 every fold too (0.765, 328 / 89 /
    # 113).  Adopted in the twelfth session with a second bound chosen with it, the most of the article other provisions'
    # wording may be (phrases of several provisions pieced together: 北京市实施《村民委员会组织法》的若干规定 第二十二条,
    # 0.19 beyond its two; kb score-repeat 69 / 7 / 19 → 70 / 9 / 18 without it, 70 / 8 / 18 with it): every fold (0.55,
    # 0.15), 0.766 (328 / 87 / 113) — kb.library.repeat.PAIR, PAIR_REST; with the 妇女 text's 2018 wording every fold too,
    # 0.772 (332 / 87 / 109); on 33 folds (thirteenth session) every fold too, 0.774 (355 / 93 / 114); with kb's PART every
    # fold too, 0.783 (345 / 67 / 124); on 35 folds (fourteenth session, round 20r joined) every fold too, 0.780 (345 / 67 /
    # 128); on 37 folds (fifteenth session, round 21r joined) every fold too, 0.773 (354 / 73 / 135); with kb's OWN_FINE
    # every fold too, 0.775 (354 / 70 / 135); on 39 folds (sixteenth session, round 22r joined) every fold too, 0.771
    # (356 / 70 / 141); with kb's BY_VALUE every fold too, 0.773 (357 / 70 / 140); on 41 folds (seventeenth session, round
    # 23r joined) 39 folds (0.55, 0.15), 2 (0.55, 0.3): 0.768 (357 / 72 / 144); on 43 folds (eighteenth session, round
    # 24r joined) 41 folds (0.55, 0.15), 2 (0.55, 0.3): 0.760 (373 / 83 / 152); on 45 folds (nineteenth session, round
    # 25r joined) 43 folds (0.55, 0.15), 2 (0.55, 0.3): 0.760 (390 / 88 / 158) — two false reports more than kb's bounds,
    # now every fold's MIN_BEST (0.762); on 47 folds (twentieth session, round 26r joined) 44 folds (0.55, 0.15), 2 (0.55,
    # 0.3), 1 (0.5, 0.3): 0.748 (392 / 98 / 166) — above the folds' MIN_BEST (0.742), nine false reports more than every
    # file at kb's bounds (0.755, 392 / 89 / 166); with engineer 14n's TRIPLE (the same session) every fold (0.55, 0.1),
    # 0.765 (406 / 98 / 152), the same as kb's (0.55, 0.15) on every file — PAIR_REST 0.1 and 0.15 tie with three provisions
    # read after two, and the grid's tie goes to the smaller; on 51 folds (twenty-second session, rounds 27r and 28r
    # joined, with engineer e14c's SPREAD_PART) every fold (0.55, 0.1), 0.771 (438 / 101 / 159), kb's; on 53 folds
    # (twenty-third session, round 29r joined) every fold (0.55, 0.1), 0.768 (444 / 106 / 162), kb's
    from kb.library.repeat import PAIR, PAIR_REST

    pair = res["前两条合计"]
    # (55 folds, twenty-fourth session, round 30r joined: every fold (0.55, 0.1), 0.767 (452 / 107 / 167), kb's)
    assert pair[2].count((0.55, 0.1)) == 55 and (PAIR, PAIR_REST) == (0.55, 0.15) and pair[0] == f1
    # an article reported through its closest provision that takes less than PART of that provision's wording (a phrase or
    # two of a long one: the 地方组织法's 第二十二、五十三条 beside local rules on withdrawing a 质询案) and of which less than
    # PART_WHOLE is upper law's: the annotators' local rule.  Thirteenth session: every fold takes (0.15, 0.75) on the grid
    # 0.1–0.25 × 0.6–0.8 and none, 0.774 (355 / 93 / 114) → 0.783 (345 / 67 / 124); on main's 31 folds before round 19r
    # 0.772 → 0.782; kb score-repeat 70 / 8 / 18 before and after — kb.library.repeat.PART, PART_WHOLE; on 35 folds
    # (fourteenth session, round 20r joined) every fold too, 0.780 (345 / 67 / 128); on 37 folds (fifteenth session, round
    # 21r joined) every fold too, 0.773 (354 / 73 / 135); with kb's OWN_FINE every fold too, 0.775 (354 / 70 / 135); on
    # 39 folds (sixteenth session, round 22r joined) every fold too, 0.771 (356 / 70 / 141); with kb's BY_VALUE every fold
    # too, 0.773 (357 / 70 / 140); on 41 folds (seventeenth session, round 23r joined) every fold too, 0.769 (357 / 70 /
    # 144); on 43 folds (eighteenth session, round 24r joined) every fold too, 0.762 (373 / 81 / 152); on 45 folds
    # (nineteenth session, round 25r joined) every fold too, 0.762 (390 / 86 / 158); on 47 folds (twentieth session, round
    # 26r joined) every fold too, 0.755 (392 / 89 / 166); on 51 folds (twenty-second session, rounds 27r and 28r joined,
    # with engineer e14c's SPREAD_PART) 50 folds (0.15, 0.75), one fold another pair: 0.769, below kb's 0.771 on every file;
    # on 53 folds (twenty-third session, round 29r joined) 52 folds (0.15, 0.75), one another pair: 0.766, below kb's 0.768
    from kb.library.repeat import PART, PART_WHOLE

    part = res["所取比例"]
    # (55 folds, twenty-fourth session, round 30r joined: 54 folds (0.15, 0.75), one another pair, below kb's 0.767)
    assert part[2].count((PART, PART_WHOLE)) == 54 and (PART, PART_WHOLE) == (0.15, 0.75) and f1 - 0.005 < part[0] < f1
    # the least share of the article's wording in its upper provisions together (THRESHOLD 0.5): every fold picks 0.55
    # (0.707, 181 / 78 / 72; on 21 folds 0.736, 215 / 81 / 73; on 23 0.739, 233 / 85 / 80, 0.737 with 86 false reports
    # since the 上位法 ground weight 2 / OUTSIDE 1.5 moved a candidate), but kb score-repeat's eight
    # files of the knowledge base lose three repeats (69 / 9 / 19 → 66 / 8 / 22): not adopted (kb.library.repeat.THRESHOLD);
    # on 25 folds 24 pick 0.55 (0.724, 239 / 91 / 91); since the tenth session 21 (0.747, 236 / 66 / 94), with
    # ground_clause 22 (0.752, 236 / 62 / 94); on 27 folds 25 keep kb's 0.5, 2 pick 0.55 (0.743, 249 / 69 / 103; with other
    # kinds of body left out 0.746, 249 / 67 / 103); on 29 folds 28 keep 0.5, 1 picks 0.55 (0.749, 284 / 69 / 121); on 31
    # every fold keeps 0.5 (0.745, 306 / 74 / 135); with kb's PAIR every fold too (0.766, 328 / 87 / 113); on 33 folds
    # (thirteenth session) 32 keep 0.5, 1 picks 0.55 (0.770, 352 / 93 / 117); with kb's PART every fold keeps 0.5 (0.783,
    # 345 / 67 / 124); on 35 folds (fourteenth session, round 20r joined) every fold keeps 0.5 (0.780, 345 / 67 / 128); on
    # 37 folds (fifteenth session, round 21r joined) every fold keeps 0.5 (0.773, 354 / 73 / 135); with kb's OWN_FINE
    # every fold keeps 0.5 (0.775, 354 / 70 / 135); on 39 folds (sixteenth session, round 22r joined) every fold keeps 0.5
    # (0.771, 356 / 70 / 141); with kb's BY_VALUE every fold keeps 0.5 (0.773, 357 / 70 / 140); on 41 folds (seventeenth
    # session, round 23r joined) every fold keeps 0.5 (0.769, 357 / 70 / 144); on 43 folds (eighteenth session, round
    # 24r joined) every fold keeps 0.5 (0.762, 373 / 81 / 152); on 45 folds (nineteenth session, round 25r joined) every
    # fold keeps 0.5 (0.762, 390 / 86 / 158); on 47 folds (twentieth session, round 26r joined) every fold keeps 0.5
    # (0.755, 392 / 89 / 166); on 51 folds (twenty-second session, rounds 27r and 28r joined) every fold keeps 0.5; on 53
    # folds (twenty-third session, round 29r joined) every fold keeps 0.5 (0.768, 444 / 106 / 162)
    from kb.library.repeat import THRESHOLD

    share = res["合计比例下限"]
    # (55 folds, twenty-fourth session, round 30r joined: every fold 0.5, 0.767 (452 / 107 / 167))
    assert share[2].count(THRESHOLD) == 55 and len(share[2]) == 55 and THRESHOLD == 0.5
    # a fine of the text's own amount (an article imposing a 罚款 of an amount of money its upper provisions do not state:
    # the annotators' local rule) not reported: fifteenth session, every fold of 37 takes it, 0.773 (354 / 73 / 135) →
    # 0.775 (354 / 70 / 135; 测绘 第四十九条, 种子 第五十九条, 固体废物 第五十一条 go, no repeat is lost); kb score-repeat
    # 70 / 8 / 18 before and after — kb.library.repeat.OWN_FINE; on 39 folds (sixteenth session, round 22r joined) every
    # fold takes it, 0.771 (356 / 70 / 141); with kb's BY_VALUE every fold, 0.773 (357 / 70 / 140); on 41 folds
    # (seventeenth session, round 23r joined) every fold, 0.769 (357 / 70 / 144); on 43 folds (eighteenth session, round
    # 24r joined) every fold, 0.762 (373 / 81 / 152); on 45 folds (nineteenth session, round 25r joined) every fold,
    # 0.762 (390 / 86 / 158); on 47 folds (twentieth session, round 26r joined) every fold, 0.755 (392 / 89 / 166) —
    # every file at kb's bounds, above the folds' MIN_BEST and their pair; with engineer 14n's TRIPLE every fold, 0.765
    # (406 / 98 / 152), the folds' MIN_BEST and pair the same; on 51 folds (twenty-second session, rounds 27r and 28r
    # joined, with engineer e14c's SPREAD_PART) every fold, 0.771 (438 / 101 / 159); on 53 folds (twenty-third session,
    # round 29r joined) every fold, 0.768 (444 / 106 / 162)
    from kb.library.repeat import BY_VALUE, OWN_FINE

    fine = res["罚款数额"]
    # (55 folds, twenty-fourth session, round 30r joined, with REFERRAL: every fold, 0.767 (452 / 107 / 167))
    assert fine[2].count(True) == 55 and OWN_FINE and fine[0] >= f1 and fine[1] == [452, 107, 167]
    assert pair[0] == fine[0]
    # quantities (and a fine's amounts with their bounds) compared by value whatever the numerals, not as written: sixteenth
    # session, 38 of 39 folds take it — the 人防 fold, whose 第四十五条 (the 人民防空法's 第四十九条 with its fines in Arabic
    # numerals, an annotated repeat) is the one article it changes, ties and keeps the strings, so held out 0.771 (356 / 70 /
    # 141) as before —; all 39 files at kb's bounds 0.771 → 0.773 (357 / 70 / 140); kb score-repeat 70 / 8 / 18 before and
    # after — kb.library.repeat.BY_VALUE; on 41 folds (seventeenth session, round 23r joined) 40 of 41 take it (one fold
    # keeps the strings), 0.768 (356 / 70 / 145) against 0.769 (357 / 70 / 144) for every file at kb's bounds; on 43 folds
    # (eighteenth session, round 24r joined) 42 of 43, 0.761 (372 / 81 / 153) against 0.762 (373 / 81 / 152); on 45 folds
    # (nineteenth session, round 25r joined) every fold takes it, 0.762 (390 / 86 / 158): the fold that kept the strings
    # takes the values now; on 47 folds (twentieth session, round 26r joined) every fold, 0.755 (392 / 89 / 166); with
    # engineer 14n's TRIPLE every fold, 0.765 (406 / 98 / 152); on 51 folds (twenty-second session) every fold, 0.771
    # (438 / 101 / 159); on 53 folds (twenty-third session, round 29r joined) every fold, 0.768 (444 / 106 / 162)
    values = res["数额按数值比较"]
    # (55 folds, twenty-fourth session, round 30r joined, with REFERRAL: every fold, 0.767 (452 / 107 / 167))
    assert values[2].count(True) == 55 and BY_VALUE and values[1] == [452, 107, 167] and values[0] == fine[0]
    # a reworded repeat told from a local rule worded as closely by the duties' bodies (seventeenth session, engineer 14d):
    # an article of which 0.4 or 0.45 is upper law's wording (below THRESHOLD) reported when its closest provision names
    # half or all of the bodies its duties are laid on (Library.shared_actors) — kb's other bounds kept.  38 of 39 folds
    # take (0.4, 0.5), one none, and held out nothing moves, 0.773 (357 / 70 / 140): the one article it adds on all files
    # is 重庆市地方立法条例 第二十一条 (share 0.497, closest 0.453, an annotated repeat), whose own fold cannot see it.
    # Measured outside the repository, not adopted either: the same without MIN_BEST and PART (0.764–0.768 on the 36
    # folds whose texts the obligation layer may read), modal word + action verb shared, sentence-level coverage,
    # character-bigram coverage, a logistic model over them all (0.764 / 0.765) — tests/data/related/README.md
    # "Twenty-seventh round of tuning (engineer 14d)".  On 41 folds (round 23r joined, the lead's stacking): 40 take
    # (0.4, 0.5), one none, 0.769 (357 / 70 / 144) — every file at kb's bounds, where kb's own CV is 0.764 (one fold
    # picks MIN_BEST 0.4).  On 43 folds (round 24r joined, the eighteenth session's bookkeeping): 42 take (0.4, 0.5), one
    # none, 0.761 (373 / 82 / 152) — one false report more than every file at kb's bounds, 0.762 (373 / 81 / 152).  On 45
    # folds (round 25r joined, the nineteenth session's bookkeeping): 44 take (0.4, 0.5), one none, 0.761 (390 / 87 /
    # 158) — one false report more than kb's own CV, every fold at kb's bounds now (0.762, 390 / 86 / 158).  On 47 folds
    # (round 26r joined, the twentieth session's bookkeeping): 46 take (0.4, 0.5), one none, 0.754 (392 / 90 / 166) —
    # one false report more than every file at kb's bounds (0.755, 392 / 89 / 166), above the folds' MIN_BEST (0.742);
    # with engineer 14n's TRIPLE the same 46 and one, 0.764 (406 / 99 / 152), one false report more than kb's 0.765.  On
    # 51 folds (rounds 27r and 28r joined, the twenty-second session's bookkeeping, with engineer e14c's SPREAD_PART): 50
    # take (0.4, 0.5), one none, 438 / 102 / 159 — one false report more than kb's 438 / 101 / 159.  On 53 folds (round
    # 29r joined, the twenty-third session's bookkeeping, the clause table recounted): the folds turn away — 51 none, 2
    # take (0.4, 0.5) —, 444 / 108 / 162: two false reports more than kb's 444 / 106 / 162
    duty = res["义务主体"]
    # On 55 folds (round 30r joined, the twenty-fourth session's bookkeeping, with REFERRAL): 53 none, 2 take (0.4, 0.5),
    # 452 / 109 / 167: two false reports more than kb's 452 / 107 / 167
    assert duty[2].count((0.4, 0.5)) == 2 and duty[2].count(None) == 53 and duty[1] == [452, 109, 167]
    assert fine[0] - 0.002 < duty[0] < fine[0]
    # a sentence of the article's own wording (at most LOCAL_SENTENCE of it upper law's) stating a quantity its upper
    # provisions lack: a local rule, not reported (twenty-first session, engineer 14a; tests/data/related/README.md "A
    # sentence of its own with a figure of its own").  46 of 47 folds take 0.35, the fold of 北京市实施《村民委员会组织法》的若干
    # 规定 (whose 第二十二条, 村民代表总数一般不得少于三十人, holds 0.33 of its sentence from upper law) 0.3, on the grid None,
    # 0.1–0.6: 0.765 (406 / 98 / 152) → 0.767 (404 / 91 / 154); every file at kb's bounds 0.768 (404 / 90 / 154: 8 false
    # reports gone, 2 repeats lost); kb score-repeat 71 / 10 / 17 → 71 / 9 / 17.  On 51 folds (twenty-second session,
    # rounds 27r and 28r joined, with engineer e14c's SPREAD_PART): 50 take 0.35, the same fold 0.3: 438 / 102 / 159, one
    # false report more than kb's bounds on every file (438 / 101 / 159).  On 53 folds (twenty-third session, round 29r
    # joined): 52 take 0.35, the same fold 0.3: 444 / 107 / 162, one false report more than kb's (444 / 106 / 162)
    from kb.library.repeat import LOCAL_SENTENCE

    local = res["本地数量"]
    # (55 folds, twenty-fourth session, round 30r joined, with REFERRAL: 54 take 0.35, one 0.3: 452 / 108 / 167, one
    # false report more than kb's 452 / 107 / 167)
    assert local[2].count(LOCAL_SENTENCE) == 54 and local[2].count(0.3) == 1 and LOCAL_SENTENCE == 0.35
    assert local[1] == [452, 108, 167] and local[0] > 0.766
    assert "交叉验证 F1" in out.getvalue()


def test_related_errors_classify_every_error_score_related_counts():
    """python3 -m kb.dev.related_errors: every P@1 error and R@3 miss of the tuning set in exactly one class (the
    totals are kb score-related's), and every annotated repeat the check misses by the bound it fails.  Since the eighth
    session of 2026-12-05 the classes cover every fold of the cross-validation: outside-kb/'s files too, each text asked
    of the copy of the library the folds ask (before, the knowledge base's eleven files alone)."""
    need_shared(CORPUS)         # outside-kb/'s annotations are of corpus texts
    from kb.dev import related_cv, related_errors, score_related
    from kb.dev.related_cv import tuning_files
    from kb.library.annotations import NONE

    def errors(res, kind, what, files):
        return sum(1 for v in res[kind][what].values() for f, _, _ in v if f in files)

    res = related_errors.classify(ROOT)
    kb_files = {f.name for f in tuning_files(ROOT, "related-*.yml")}
    scores = score_related.score(ROOT, tuning_files(ROOT, "related-*.yml"))["tuning"]
    # outside-kb/'s: counted as kb score-related counts a file, each article answered in its file's library
    outside: dict = {}
    for lib2, items in related_cv.outside_kb_annotated(ROOT, related_cv._library(ROOT)):
        for f, ann, art, e, kinds in items:
            rel = lib2.related(e, kinds=tuple(kinds), marks=False)
            for kind, gold in kinds.items():
                got = [(r.entry.reg.id, r.entry.label) for r in rel if r.kind == kind]
                score_related._count(outside, kind, gold, got, (f.name, art), NONE)
    outside_files = {f.name for f in (ROOT / "tests/data/related/outside-kb").glob("related-*.yml")}
    assert {f for v in res["upper"]["p1"].values() for f, _, _ in v} & outside_files
    for kind in ("upper", "peer"):
        s, o = scores[kind], outside[kind]
        assert errors(res, kind, "p1", kb_files) == s["n"] - s["p1"]
        assert errors(res, kind, "r3", kb_files) == s["n_some"] - s["r3"]
        assert errors(res, kind, "p1", outside_files) == o["n"] - o["p1"]
        assert errors(res, kind, "r3", outside_files) == o["n_some"] - o["r3"]
        assert sum(len(v) for v in res[kind]["p1"].values()) == s["n"] - s["p1"] + o["n"] - o["p1"]
        assert set(res[kind]["r3"]) <= {"threshold", "ranked 4–15", "gate", "beyond 15", "not retrieved"}
    # 同类立法's two largest classes: annotated none, kb offers a peer (北京城乡规划条例 has no planning peer in the base),
    # and an acceptable weak peer among kb's 15 candidates whose regulation fails the shared-subject gate, so that kb
    # offers nothing (counted "beyond 15" until the seventeenth session: the ranking leaves a gated candidate out, and the
    # class read its absence as a rank beyond the candidates — 67 of the 154 R@3 misses of 43 folds, with 8 more where kb
    # offers another peer; tests/data/related/README.md, Twenty-seventh round (engineer 14b)); the gate is 同类立法's alone
    peer = res["peer"]["p1"]
    largest = sorted(peer, key=lambda k: -len(peer[k]))[:2]
    # (with ACROSS, eighteenth session: the gate's misses fall to 16 of the R@3 misses, below those beyond the 15
    # candidates, 44; a wrong first peer where an acceptable one stands among the three is the second class; with one
    # peer across the gate, ACROSS_MOST, nineteenth session, the ranking holds one candidate across it, and those after
    # it are the gate's again: 47, above the 44 beyond the candidates; with round 30r's two (twenty-fourth session) the
    # second class is an acceptable peer behind the gate with nothing offered again, above a wrong first peer)
    assert set(largest) == {"none→offer", "nothing (acceptable gate)"}
    assert len(res["peer"]["r3"]["gate"]) > len(res["peer"]["r3"]["beyond 15"]) > 0
    assert "gate" not in res["upper"]["r3"] and not any("gate" in c for c in res["upper"]["p1"])
    misses = related_errors.classify_repeat(ROOT)
    from kb.dev.score_repeat import score as score_repeat

    total = score_repeat(ROOT, tuning_files(ROOT, "repeat-*.yml"))["总计"]
    kb_repeat = {f.name for f in tuning_files(ROOT, "repeat-*.yml")}
    assert sum(1 for v in misses.values() for f, _, _ in v if f in kb_repeat) == total["fn"]
    assert {f for v in misses.values() for f, _, _ in v} - kb_repeat      # outside-kb/'s repeats too
    assert set(misses) <= {"no candidate", "ground clause", "reworded", "too short", "own figures", "own fine",
                           "local figure", "referral", "spread", "small part"}
    out = io.StringIO()
    related_errors.report(res, out)
    related_errors.report_repeat(misses, out)
    assert "上位法 P@1 错" in out.getvalue() and "重复上位法 漏报" in out.getvalue()


@pytest.mark.parametrize("module", ["related_errors", "peer_recall"])
@pytest.mark.parametrize("args, rc", [(["--bogus"], 2), (["extra"], 2), (["-h"], 0)])
def test_related_errors_reads_its_arguments(module, args, rc, capsys):
    # review-final3 item 6: --bogus ran the whole report with exit code 0, -h gave no usage; kb.dev.peer_recall (the
    # seventeenth session's retrieval recall of 同类立法) reads its own the same way
    import importlib

    with pytest.raises(SystemExit) as e:
        importlib.import_module(f"kb.dev.{module}").main(args)
    assert e.value.code == rc
    out, err = capsys.readouterr()
    assert f"usage: python3 -m kb.dev.{module}" in (err if rc else out)
    assert "P@1" not in out and "检索" not in out             # no report


def test_the_ranking_scored_once_for_every_threshold_counts_as_each_threshold_alone():
    """The cross-validation ranks each article's candidates once per (parameter, ground weight) and reads every
    threshold off that ranking (newcomer review 5, item 9: the test above took about 7 minutes of the suite, scoring
    and sorting again for each of the 12 thresholds): the counts are those of scoring at each threshold alone, on
    the real tuning items — kb's pinned answers (Library.pinned: provisions cited by number, the 依据 clause of the law a
    依据 clause names) first at every threshold, as kb gives them; and none for a penalty clause none of whose duties has a
    上位法 at that threshold (Library.owes_nothing, DUTIES: the duties' candidates ride on the item); the first three above the
    threshold by relevance × the share of the article each holds where none is pinned (Library.related, ORDER)."""
    from kb.dev import related_cv
    from kb.library.annotations import NONE
    from kb.library.related import ORDER, ORDER_AMONG, ORDER_HEAD

    items = [i for i in related_cv.annotated_items(ROOT) if i["kind"] == "upper"]
    fn = related_cv.VARIANTS["原公式"][1]
    # round 4r–18r's 依据 clauses pin their law's 第一条 (and a few articles cite a provision by number)
    assert sum(bool(i["pinned"]) for i in items) > 20
    assert sum(bool(i.get("duties")) for i in items) > 100      # penalty clauses naming duties of their own text

    def alone(threshold):
        out: dict = {}
        for it in items:
            scored = sorted(((fn(None, 3, c), c["key"]) for c in it["cands"] if c["key"] not in it["pinned"]),
                            reverse=True)[:5]
            kept = [(s, k) for s, k in scored if s >= threshold]
            if not it["pinned"]:
                cover = {c["key"]: c["cover"] for c in it["cands"]}
                # (× the first clauses' cosine^ORDER_HEAD since the twenty-third session, engineer e14d)
                head = {c["key"]: max(c.get("head", 1.0), 1e-3) ** ORDER_HEAD.get("upper", 0.0) for c in it["cands"]}
                kept = sorted(kept[:ORDER_AMONG], key=lambda x: -x[0] * cover[x[1]] ** ORDER["upper"] * head[x[1]]) \
                    + kept[ORDER_AMONG:]
            got = (it["pinned"] + [k for s, k in kept])[:5]
            duties = it.get("duties")
            if duties and not any(p or any(fn(None, 3, c) >= threshold for c in cs if c["key"] not in p) for cs, p in duties):
                got = []
            t = out.setdefault(it["file"], [0, 0, 0, 0])
            t[1] += 1
            if it["gold"] == NONE:
                t[0] += not got
            else:
                t[0] += bool(got) and got[0] in it["gold"]
                t[2] += bool(set(got[:3]) & it["gold"])
                t[3] += 1
        return out

    every = related_cv.scores_at(items, lambda c: fn(None, 3, c), related_cv.THRESHOLDS)
    assert list(every) == list(related_cv.THRESHOLDS)
    for t in related_cv.THRESHOLDS:
        assert every[t] == alone(t), t
    # the thresholds do tell the answers apart (a test of a grid that never changed anything would prove nothing)
    assert len({str(sorted(every[t].items())) for t in related_cv.THRESHOLDS}) > 3


def test_the_folds_choices_are_printed_in_one_order():
    """Code review 12 item 7: the distinct choices of the folds, most chosen first, a tie in the order the folds first
    chose them — the list was sorted from a set, whose order of tuples holding None changed from process to process, so
    two runs of the same cross-validation printed different lines."""
    from kb.dev.related_cv import by_count

    a, b, c = (None, 0, 0.007), (None, 0, 0.006), (None, 0, 0.005)
    assert by_count([b, a, c, a]) == [a, b, c]
    assert by_count([c, a, b, a]) == [a, c, b]
    assert by_count([]) == []


@pytest.mark.parametrize("args", [["bogus"], ["related", "--least"], ["related", "--least", "x"],
                                  ["related", "--bogus", "0.016"], ["repeat", "--least", "0.016"],
                                  ["related", "--least", "0.03"], ["related", "--least", "nan"]])
def test_related_cv_refuses_what_it_does_not_know(args, capsys):
    """``related [--least X]`` or ``repeat``: anything else is a usage error (exit 2), with no cross-validation run — a
    floor above the grid's largest threshold too (0.03, nan: no threshold left to choose; code review 13 item 13: it ran
    the items, then failed in max() on an empty grid)."""
    from kb.dev import related_cv

    assert related_cv.main(args) == 2
    out, err = capsys.readouterr()
    assert "用法" in err and "交叉验证" not in out
