"""kb.compare.align on real revisions: hand-made gold alignments (tests/data/diff/*.tsv) scored against the two
baselines; invariants over the version pairs of ../shared/corpus (41 regulations, the held-out ones left out); the 1,260-article 民法典 pair."""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS, DATA, SHARED, need_shared, shared_pairs

from kb.compare.align import align, normalize
from kb.dev.score_align import held_out
from kb.text.parse import parse_file

GOLD = sorted((DATA / "diff").glob("*.tsv"))
#: the gold files alignment rules were tuned on; the held-out ones are scored apart (see
#: test_held_out_gold_files_are_scored_apart and ``kb score-align``)
TUNED = [g for g in GOLD if not held_out(g)]


def test_there_are_gold_files_with_a_large_full_revision():
    from kb.dev.score_align import read_gold
    assert len(GOLD) >= 3
    sizes = []
    for g in GOLD:
        o, n, links = read_gold(g)
        assert links
        sizes.append(len(links))
    assert max(sizes) > 50


#: pairs whose precision, measured when they were held out (round 3), is below the 0.95 the pairs tuned on reach:
#: a floor at what was measured, so the figure cannot slip (国防教育法: 2 wrong links of 38; 国境卫生检疫法: 1 of 13)
#: The shared-vocabulary rule (kb.compare.align._pair_shared) trades some precision for recall on full revisions
#: (国境卫生检疫法: +4 right, 1 wrong → 0.889; 行政复议法: 1 wrong, 0.964 ≥ 0.95).
#: 保守国家秘密法 (round 4): 3 wrong of 56, two of them criminal-liability tails the annotator does not link.
PRECISION_FLOOR = {"guofang-jiaoyu-2018-2024": 0.947, "guojing-jianyi-2018-2024": 0.88, "baomi-2010-2024": 0.946,
                   # round 6's 北京市安全生产条例 (6 wrong of 54 when held out, floor 0.888) is at the default since the
                   # citations rule (2026-12-05: 2 wrong of 53, P 0.962)
                   "haiyang-huanjing-2017-2023": 0.923,           # round 7: 8 wrong of 104 in a 97 → 124 revision
                   # round 9, two full revisions rewritten in meaning: 6 wrong of 29 (矿产资源法), 9 of 24 (北京市未成年人保护条例)
                   "kuangchan-ziyuan-2009-2024": 0.79, "beijing-weichengnianren-2016-2023": 0.62,
                   # round 10: 3 wrong of 54 in a 56 → 81 revision (农产品质量安全法; 体育法 1 of 51, above 0.95)
                   "nongchanpin-zhiliang-2018-2022": 0.94}


@pytest.mark.parametrize("gold", TUNED, ids=[g.stem for g in TUNED])
def test_alignment_beats_both_baselines_on_gold(gold):
    need_shared(CORPUS)
    from kb.dev.score_align import prf, read_gold, systems
    o, n, links = read_gold(gold)
    sysres = systems(parse_file(str(CORPUS / o)), parse_file(str(CORPUS / n)))
    ours = prf(sysres["kb.compare.align"], links)
    by_number = prf(sysres["number (baseline)"], links)
    greedy = prf(sysres["greedy 1:1 (baseline)"], links)
    assert ours[0] >= PRECISION_FLOOR.get(gold.stem, 0.95), f"precision {ours}"
    # an amendment that renumbered nothing (农业技术推广法 2012→2024) leaves nothing to beat by number: match it
    assert ours[2] > by_number[2] or ours[2] == by_number[2] == 1.0
    assert ours[2] >= greedy[2], (ours, greedy)
    assert ours[1] >= greedy[1]


def _version_pairs():
    from kb.dev.score_amend import version_pairs
    return version_pairs(CORPUS) if (SHARED / "corpus" / "version-pairs.txt").exists() else []


PAIRS = _version_pairs()


def test_all_41_regulations_are_listed_and_the_held_out_ones_never_compared():
    need_shared(CORPUS)
    from kb.dev.align_signals import HELD_OUT_LAWS
    from kb.dev.heldout import held_out_regulations
    from kb.dev.score_amend import version_pairs
    listed = {Path(a).name.split("(")[0].removesuffix(".md") for a, _ in version_pairs(CORPUS, held_out=True)}
    assert len(listed) == 41
    # no alignment round is being annotated now (fourth session of 2026-12-05): round 13 (北京市机动车停车条例,
    # 野生动物保护法), round 12 (统计法, 北京市优化营商环境条例), round 11 (文物保护法, 北京市人民代表大会常务委员会任免国家机关
    # 工作人员条例), round 10 and round 9, each scored once, are tuning data and compared again: all 41 regulations
    assert held_out_regulations() == set() == set(HELD_OUT_LAWS)
    assert held_out_regulations() <= listed
    compared = {Path(a).name.split("(")[0].removesuffix(".md") for a, _ in PAIRS}
    assert compared == listed - held_out_regulations()
    assert {"北京市机动车停车条例", "野生动物保护法", "统计法", "北京市优化营商环境条例", "文物保护法", "北京市人民代表大会常务委员会任免国家机关工作人员条例", "体育法",
            "农产品质量安全法", "矿产资源法", "北京市未成年人保护条例"} <= compared


@pytest.mark.parametrize("a,b", shared_pairs(PAIRS))
def test_invariants_on_every_version_pair(a, b):
    old, new = parse_file(a), parse_file(b)
    al = align(old, new)
    # every article accounted for: each appears in the links, and only split/merge share a side
    olds = Counter(l.old for l in al.links if l.old is not None)
    news = Counter(l.new for l in al.links if l.new is not None)
    assert set(olds) == set(range(len(old.articles)))
    assert set(news) == set(range(len(new.articles)))
    for l in al.links:
        if l.old is None:
            assert l.status == "added" and news[l.new] == 1
        elif l.new is None:
            assert l.status == "deleted" and olds[l.old] == 1
        elif olds[l.old] > 1:
            assert l.status == "split"
        elif news[l.new] > 1:
            assert l.status == "merged"
        else:
            assert l.status in ("unchanged", "modified")
    # identical texts are always aligned (with an identical text)
    new_by_text = Counter(u.norm for u in al.new)
    partner = {}
    for l in al.links:
        if l.old is not None and l.new is not None:
            partner.setdefault(l.old, set()).add(al.new[l.new].norm)
    old_by_text = Counter(u.norm for u in al.old)
    for u in al.old:
        if u.norm and new_by_text[u.norm] and old_by_text[u.norm] == 1 and new_by_text[u.norm] == 1:
            assert u.norm in partner.get(u.index, set()), f"{u.label} not paired with its identical text"
    # unchanged means the same text
    for l in al.links:
        if l.status == "unchanged":
            assert al.old[l.old].norm == al.new[l.new].norm


def test_civil_code_1260_articles_align_in_seconds():
    need_shared(CORPUS)
    from kb.dev.bench_diff import civil_code_pair
    old, new, gold, _, _ = civil_code_pair(CORPUS)
    assert len(old.articles) == 1260
    t = time.perf_counter()
    al = align(old, new)
    dt = time.perf_counter() - t
    assert dt < 10, f"{dt:.1f} s"
    pred = {(al.old[l.old].eid, al.new[l.new].eid) for l in al.links if l.old is not None and l.new is not None}
    tp = len(pred & gold)
    assert tp / len(pred) > 0.97 and tp / len(gold) > 0.97


def test_purpose_clause_pairs_however_reworded():
    need_shared(CORPUS)
    c = CORPUS / "宪法相关法"
    al = align(parse_file(str(c / "国务院组织法(1982-12-10).md")), parse_file(str(c / "国务院组织法(2024-03-11).md")))
    first = [l for l in al.links if l.old == 0]
    assert [l.new for l in first] == [0]


def test_normalize_only_for_matching():
    assert normalize("第一条　本法（草案）自２０２５年施行。") == "第一条本法草案自2025年施行"


def test_two_cities_regulations_on_one_subject_correspond():
    need_shared(CORPUS)
    dlc = CORPUS / "DLC"
    a = next(dlc.rglob("江门市文明行为促进条例*.md"))
    b = next(dlc.rglob("北京市文明行为促进条例*.md"))
    al = align(parse_file(str(a)), parse_file(str(b)))
    assert al.related
    pairs = {(al.old[l.old].label, al.new[l.new].label) for l in al.links
             if l.old is not None and l.new is not None}
    assert len(pairs) >= 15
    # 网络文明, 医疗秩序, 文明旅游 and the commencement clause correspond (read in both texts)
    for p in [("第十九条", "第二十二条"), ("第十八条", "第二十三条"), ("第二十条", "第二十条"), ("第五十二条", "第六十三条")]:
        assert p in pairs, p


def _links(old_name, new_name):
    need_shared(CORPUS)
    al = align(parse_file(str(CORPUS / old_name)), parse_file(str(CORPUS / new_name)))
    return {(al.old[l.old].label, al.new[l.new].label) for l in al.links if l.old is not None and l.new is not None}


def test_content_carried_into_an_article_that_says_something_new_is_linked():
    # 行政复议法 2017 第十五条 (jurisdiction over 派出机关, 派出机构 …) went into 2023 第二十四条 and
    # 第二十五条 (管辖), which are otherwise new; its item on joint decisions only resembles
    # 2023 第十九条 (被申请人), in another part of the text
    links = _links("诉讼与非诉讼程序法/行政复议法(2017-09-01).md", "诉讼与非诉讼程序法/行政复议法(2023-09-01).md")
    assert {("第十五条", "第二十四条"), ("第十五条", "第二十五条")} <= links
    assert ("第十五条", "第十九条") not in links
    assert ("第十三条", "第二十四条") in links


def test_a_new_article_that_says_something_new_gathers_rewritten_paragraphs_around_it():
    # 行政复议法 2023 第二十四条 (县级以上地方各级人民政府管辖……) is paired with 2017 第十三条 but
    # keeps little of it; its first item rewrites 2017 第十二条 (工作部门), its second paragraph
    # 2017 第十四条 (省级人民政府), both in the same stretch of the text (12/14/15 → 24 in the gold)
    links = _links("诉讼与非诉讼程序法/行政复议法(2017-09-01).md", "诉讼与非诉讼程序法/行政复议法(2023-09-01).md")
    assert {("第十二条", "第二十四条"), ("第十四条", "第二十四条"), ("第十五条", "第二十四条")} <= links
    # only a new article gathers: 2017 第十三条, little of which 第二十四条 keeps, did not go into
    # 2023 第二十八条 (司法行政部门), which follows 2017 第十二条's pattern
    assert ("第十三条", "第二十八条") not in links
    # 反间谍法 2023 第六十条 lists offences; its item 故意阻碍国家安全机关依法执行任务 is 2014
    # 第三十条, its item on 打击报复 only follows 2014 第二十六条, which lives on in 2023 第五十二条
    links = _links("行政法/反间谍法(2014-11-01).md", "行政法/反间谍法(2023-04-26).md")
    assert ("第三十条", "第六十条") in links
    assert ("第二十六条", "第六十条") not in links


def test_an_article_written_on_the_pattern_of_one_that_stayed_is_not_linked_to_it():
    # 慈善法 2023 第五章 慈善信托 has new articles written on the pattern of 2016 articles on
    # 慈善组织 that live on in 2023: 第四十六条 (受益人) after 2016 第五十八条 (2023 第五十九条),
    # 第一百一十八条 (罚则) after 2016 第一百条 (2023 第一百一十二条)
    links = _links("社会法/慈善法(2016-03-16).md", "社会法/慈善法(2023-12-29).md")
    assert ("第五十八条", "第五十九条") in links and ("第五十八条", "第四十六条") not in links
    assert ("第一百条", "第一百一十二条") in links and ("第一百条", "第一百一十八条") not in links


def test_an_article_paired_with_an_identical_text_takes_no_split_or_merge():
    # 反间谍法 2023 第十条 is 2014 第六条 word for word; the first paragraph of 2014 第二十七条
    # (境外机构……相勾结实施间谍行为) resembles it but went into 2023 第五十三条 and 第五十五条
    links = _links("行政法/反间谍法(2014-11-01).md", "行政法/反间谍法(2023-04-26).md")
    assert ("第六条", "第十条") in links
    assert ("第二十七条", "第十条") not in links
    assert {("第二十七条", "第五十三条"), ("第二十七条", "第五十五条")} <= links


def test_two_unlinked_articles_each_the_others_most_similar_are_paired():
    # 反间谍法 2014 第十五条 (查封、扣押、冻结) was moved and reworded as 2023 第三十条: too
    # reworded for a moved pair (cosine 0.38), but nothing else is like either of them
    links = _links("行政法/反间谍法(2014-11-01).md", "行政法/反间谍法(2023-04-26).md")
    assert ("第十五条", "第三十条") in links
    # 行政复议法 2017 第十八条 (转送) was deleted: its most similar 2023 article (第六十条,
    # cosine 0.28) is too unlike it
    links = _links("诉讼与非诉讼程序法/行政复议法(2017-09-01).md", "诉讼与非诉讼程序法/行政复议法(2023-09-01).md")
    assert not any(o == "第十八条" for o, _ in links)


def test_the_unlinked_are_compared_among_themselves_at_the_end():
    # 妇女权益保障法 2018 第三十六条 (人身权利) → 2022 第十八条 (人身和人格权益), cosine 0.54: none of
    # its first candidates is 第十八条 (its bigrams are common in a law on equal rights), so the
    # articles left unlinked are compared with each other afresh
    links = _links("社会法/妇女权益保障法(2018-10-26).md", "社会法/妇女权益保障法(2022-10-30).md")
    assert ("第三十六条", "第十八条") in links


def test_the_only_unlinked_article_on_each_side_of_a_stretch_pair_at_a_lower_bar():
    from kb.compare.align import ALONE
    from kb.compare.similarity import cosine

    # 北京市审计条例 2017 第四十条 → 2023 第三十四条 (中介机构专业人员 → 聘请的专业人员): the only
    # article left on each side between 第三十九条 → 第三十三条 and 第四十一条 → 第三十五条
    shenji = "DLC/北京地方法规/地方性法规/北京/北京市审计条例({}).md"
    need_shared(CORPUS / shenji.format("2017-09-22"))
    old_doc = parse_file(str(CORPUS / shenji.format("2017-09-22")))
    new_doc = parse_file(str(CORPUS / shenji.format("2023-11-24")))
    al = align(old_doc, new_doc)
    how = {(al.old[l.old].label, al.new[l.new].label): l.how for l in al.links if l.old is not None and l.new is not None}
    assert how[("第四十条", "第三十四条")] == "alone"
    assert ALONE <= cosine(al.old[39], al.new[33]) < 0.22      # below the bar of a gap with more in it
    # 海洋环境保护法 2017 第五十八条 (倾倒区) → 2023 第七十四条, cosine 0.17
    links = _links("行政法/海洋环境保护法(2017-11-04).md", "行政法/海洋环境保护法(2023-10-24).md")
    assert ("第五十八条", "第七十四条") in links


def test_an_article_alone_in_its_stretch_is_not_paired_with_an_unlike_one():
    from kb.text.parse import parse_text

    head = "示例条例\n第一条　为了规范公园管理，制定本条例。\n第二条　公园应当向公众开放，免费开放的公园不得收取门票。\n"
    tail = "第四条　公园管理机构应当建立健全安全管理制度，定期检查游乐设施。\n第五条　本条例自公布之日起施行。\n"
    old = head + "第三条　在公园内禁止擅自搭建建筑物、构筑物，禁止损毁花草树木。\n" + tail
    new = head + "第三条　市园林绿化部门应当会同财政部门制定公园分类分级标准并向社会公布。\n" + tail
    al = align(parse_text(old, "<old>"), parse_text(new, "<new>"))
    st = {(l.old, l.new): l.status for l in al.links}
    assert st[(2, None)] == "deleted" and st[(None, 2)] == "added"


def test_an_unlinked_old_article_as_alike_as_a_moved_one_merges_into_its_counterpart():
    # 北京市审计条例 2017 第十条 (绩效审计的评价标准) became the second paragraph of 2023 第四条,
    # which is 2017 第四条: far from where 第十条 stood, but as alike as a moved article (0.43) and
    # with a paragraph reworded (segment cosine 0.60).  Not the other way round: a new article so
    # alike an old one that lives on copied its pattern (慈善法 2023 第四十六条, test above)
    links = _links("DLC/北京地方法规/地方性法规/北京/北京市审计条例(2017-09-22).md",
                   "DLC/北京地方法规/地方性法规/北京/北京市审计条例(2023-11-24).md")
    assert {("第四条", "第四条"), ("第十条", "第四条")} <= links
    # 行政复议法 2017 第十八条 (转送, cosine 0.28 to 2023 第六十条) stays deleted (test above)


def test_a_new_article_that_rewrites_a_paragraph_nothing_else_carried_is_linked():
    # 行政复议法 2017 第三十条 (先行复议 for rights to 土地、矿藏 …) is 2023 第二十三条's item (五), so
    # rewritten that the articles' cosine is 0.26; 2017 第二十八条's paragraph on a respondent who
    # gives no answer is 2023 第七十条 (its partner keeps it at 0.1)
    links = _links("诉讼与非诉讼程序法/行政复议法(2017-09-01).md", "诉讼与非诉讼程序法/行政复议法(2023-09-01).md")
    assert {("第三十条", "第二十三条"), ("第二十八条", "第七十条")} <= links
    # 2017 第十八条 and 2023 第六十条 share only 依照本法第……条的规定接受转送的: not linked (test above)
    # 北京市制定地方性法规条例 2017 第五十七条's sentence on 网站和代表服务平台 → 2023 第七十四条 (a split)
    links = _links("DLC/北京地方法规/地方性法规/北京/北京市制定地方性法规条例(2017-01-20).md",
                   "DLC/北京地方法规/地方性法规/北京/北京市制定地方性法规条例(2023-07-28).md")
    assert {("第五十七条", "第七十三条"), ("第五十七条", "第七十四条")} <= links
    # not a paragraph its old article's partner keeps: 慈善法 2023 第四十六条 (test above) stays added


def test_a_new_chapter_on_the_pattern_of_an_old_one_is_added_not_linked():
    from kb.text.parse import parse_text

    dogs = ["第{}条　养犬人应当在取得犬只之日起三十日内，向居住地的公安派出所申请犬只登记，领取犬只登记证。",
            "第{}条　犬只登记证遗失的，养犬人应当自遗失之日起十五日内向原登记机关申请补办。",
            "第{}条　养犬人携犬出户时，应当为犬只佩戴犬只登记证，束犬链，并由成年人牵领。"]
    head = "示例条例\n第一章　总则\n第一条　为了规范宠物管理，制定本条例。\n第二章　犬只管理\n"
    old = head + "\n".join(t.format(n) for t, n in zip(dogs, "二三四")) + "\n第三章　附则\n第五条　本条例自公布之日起施行。\n"
    cats = "\n".join(t.replace("犬", "猫").format(n) for t, n in zip(dogs, "五六七"))
    new = (head + "\n".join(t.format(n) for t, n in zip(dogs, "二三四")) + "\n第三章　猫只管理\n" + cats
           + "\n第四章　附则\n第八条　本条例自公布之日起施行。\n")
    al = align(parse_text(old, "<old>"), parse_text(new, "<new>"))
    st = {al.new[l.new].label: (l.status, al.old[l.old].label if l.old is not None else None)
          for l in al.links if l.new is not None}
    assert [st[f"第{n}条"] for n in "五六七"] == [("added", None)] * 3
    assert [st[f"第{n}条"][0] for n in "一二三四八"] == ["unchanged"] * 4 + ["unchanged"]


def test_held_out_gold_files_are_scored_apart(tmp_path):
    # a pair annotated before kb's output was seen is reported on its own, after the tuned ones, and
    # never mixed into their average; a held-out pair once scored says ``# set: tuning`` (its header
    # still tells that it was held out) and is tuning from then on
    need_shared(CORPUS)
    import io

    from kb.dev.score_align import gold_files, score

    assert {"kepu-2002-2024", "beijing-shenji-2017-2023"} <= {g.stem for g in TUNED}
    # round 8 (对外贸易法, 职业教育法), scored once, is tuning since
    assert {"duiwai-maoyi-2016-2022", "zhiye-jiaoyu-1996-2022"} <= {g.stem for g in TUNED}
    assert not any(held_out(g) for g in TUNED)
    assert all(held_out(g) for g in gold_files("held-out"))
    src = DATA / "diff" / "guowuyuan-zuzhi-1982-2024.tsv"
    held = tmp_path / "zz-held.tsv"
    held.write_text("# set: held-out\n" + src.read_text(encoding="utf-8"), encoding="utf-8")
    tuned = [g for g in TUNED if g != src]
    out = io.StringIO()
    res = score(tuned + [held], out=out)
    text = out.getvalue()
    cut = text.index("==== held out")
    assert text.index("micro-average over the tuned gold files") < cut
    assert text.index(held.name) > cut and all(text.index(g.name) < cut for g in tuned)
    assert res[("micro held-out", "kb.compare.align")] == res[(held.name, "kb.compare.align")]
    assert res[("micro", "kb.compare.align")] != res[("micro held-out", "kb.compare.align")]
    # with none in the repository (before the pairs annotated apart are copied in), --held-out says so
    from kb.dev import score_align
    if not gold_files("held-out"):
        r = CliRunner().invoke(score_align.score_cmd, ["--held-out"])
        assert r.exit_code == 1 and "没有留作检验的标准答案" in r.output
    # however an annotator words it, a header calling the file held out keeps it apart
    for words in ("# Annotated apart (held out).\n", "# held-out pair\n", "# 留出集，标注时未看 kb 的输出\n"):
        held.write_text(words + src.read_text(encoding="utf-8"), encoding="utf-8")
        assert held_out(held)


def test_a_full_revision_of_one_law_is_aligned_not_called_unrelated():
    # 国境卫生检疫法 2018 → 2024 (修订: 国境卫生检疫机关 → 海关, 检疫 → 检疫查验): only 2 of 27 articles keep their
    # wording closely enough for a confident pair, which made kb diff call the two versions unrelated and align
    # nothing else (held-out round 3: F1 0.125).  Versions of one regulation (same title) are always related.
    need_shared(CORPUS)
    from kb.compare.align import same_regulation, title_key
    from kb.dev.score_align import read_gold
    old = parse_file(str(CORPUS / "行政法" / "国境卫生检疫法(2018-04-27).md"))
    new = parse_file(str(CORPUS / "行政法" / "国境卫生检疫法(2024-06-28).md"))
    assert same_regulation(old, new)
    al = align(old, new)
    got = {(al.old[l.old].label, al.new[l.new].label) for l in al.links if l.old is not None and l.new is not None}
    _, _, gold = read_gold(DATA / "diff" / "guojing-jianyi-2018-2024.tsv")
    gold = set(gold)
    assert len(got & gold) >= 12 and len(got - gold) <= 2, (sorted(got - gold), len(got & gold))
    # a draft and its adopted text are one regulation; two regulations on one subject are not
    assert title_key("遂宁市社区发展治理促进条例（草案征求意见稿）") == title_key("遂宁市社区发展治理促进条例")
    assert title_key("某条例（2024年修订）（草案）") == "某条例"
    assert title_key("国境卫生检疫法（修订草案）") == title_key("中华人民共和国国境卫生检疫法")
    assert title_key("江门市文明行为促进条例") != title_key("湛江市文明行为促进条例")
    assert not title_key("") and not same_regulation(parse_text_titled(""), parse_text_titled(""))


def parse_text_titled(title):
    from kb.text.parse import parse_text
    return parse_text((title + "\n\n" if title else "") + "第一条　甲应当登记。\n", "t.txt")


def test_a_revision_that_renamed_its_words_pairs_kept_articles_over_the_shared_vocabulary():
    # 国境卫生检疫法 2018 → 2024 renamed 国境卫生检疫机关 → 海关 and 检疫 → 检疫查验 in every article; 国防教育法 2018 →
    # 2024 rewrote 第十二条's wording around the same duties.  Over every bigram their cosines are 0.10-0.16; over the
    # bigrams both texts use, each is the other's most similar unlinked article (0.4-0.95): paired (how "shared").
    need_shared(CORPUS)
    for law, pairs in (("国境卫生检疫法(2018-04-27)", [("第三条", "第三条"), ("第四条", "第九条"), ("第十六条", "第十一条")]),
                       ("国防教育法(2018-04-27)", [("第十二条", "第十二条")])):
        new_name = law.replace("2018-04-27", "2024-06-28" if law.startswith("国境") else "2024-09-13")
        old, new = (parse_file(str(CORPUS / "行政法" / f"{n}.md")) for n in (law, new_name))
        al = align(old, new)
        how = {(al.old[l.old].label, al.new[l.new].label): l.how for l in al.links if l.old is not None and l.new is not None}
        for pair in pairs:
            assert how.get(pair) == "shared", (law, pair, how.get(pair))
    # two texts on other subjects (not versions of one) keep their honest "no correspondence": the rule runs for
    # related texts only, and an unrelated pair gets no shared link
    a = parse_file(str(CORPUS / "行政法" / "国防教育法(2018-04-27).md"))
    b = parse_file(str(CORPUS / "行政法" / "国境卫生检疫法(2024-06-28).md"))
    assert not [l for l in align(a, b).links if l.how == "shared"]


def test_a_link_carried_only_by_boilerplate_is_no_link():
    from kb.compare.boilerplate import MIN_LAWS, _counts, is_boilerplate, without_boilerplate

    # boilerplate is what many regulations of the corpus say (a clause's count of regulations), not a word list
    assert is_boilerplate("构成犯罪的") and is_boilerplate("依法追究刑事责任") and is_boilerplate("违反本法规定")
    assert _counts()["构成犯罪的"] > 10 * MIN_LAWS
    assert not is_boilerplate("保密行政管理部门的工作人员在履行保密管理职责中滥用职权")
    assert without_boilerplate("违反本法规定，构成犯罪的，依法追究刑事责任。") == ""
    # 保守国家秘密法 2024 gathers the criminal-liability tails of 2010 第四十八条 and 第五十一条 into a new
    # 第六十二条 (违反本法规定，构成犯罪的，依法追究刑事责任): the annotators do not link them, the rest of each
    # old article lives on in 第五十七条 and 第六十一条
    links = _links("行政法/保守国家秘密法(2010-04-29).md", "行政法/保守国家秘密法(2024-02-27).md")
    assert {("第四十八条", "第五十七条"), ("第五十一条", "第六十一条")} <= links
    assert not any(n == "第六十二条" for _, n in links)
    # 国防教育法 2018 第三十四条 (挪用、克扣国防教育经费 … 构成犯罪的，依法追究刑事责任) and 2024 第四十一条
    # (违反本法规定，构成犯罪的，依法追究刑事责任)
    links = _links("行政法/国防教育法(2018-04-27).md", "行政法/国防教育法(2024-09-13).md")
    assert ("第三十四条", "第四十一条") not in links


def test_a_paragraph_on_the_pattern_of_one_its_article_kept_did_not_move_there():
    # 保守国家秘密法 2010 第二十四条 (涉密信息系统, → 2024 第三十一条) opens 机关、单位应当加强对……的管理，任何组织
    # 和个人不得有下列行为 like 2010 第二十五条 (国家秘密载体), which 2024 第二十八条 keeps word for word: that opening
    # did not move from 第二十四条 into 第二十八条 (cosine 0.14)
    links = _links("行政法/保守国家秘密法(2010-04-29).md", "行政法/保守国家秘密法(2024-02-27).md")
    assert {("第二十四条", "第三十一条"), ("第二十五条", "第二十八条")} <= links
    assert ("第二十四条", "第二十八条") not in links


def test_an_unlinked_old_article_folded_into_the_rest_of_a_kept_one_is_linked():
    # 保守国家秘密法 2010 第三十六条 (涉密人员上岗应当经过保密教育培训……签订保密承诺书) is the rest of 2024 第四十三条's
    # third paragraph, whose other words are 2010 第三十五条's (articles' cosine 0.26); 2010 第二十九条's 采购 is the
    # first paragraph of 2024 第四十二条, whose second is 2010 第三十四条's
    links = _links("行政法/保守国家秘密法(2010-04-29).md", "行政法/保守国家秘密法(2024-02-27).md")
    assert {("第三十五条", "第四十三条"), ("第三十六条", "第四十三条"), ("第二十九条", "第四十二条")} <= links
    # 国防教育法 2018 第二十四条 → 2024 第二十八条; 反洗钱法 2006 第二十二条 → 2024 第二十七条 (both in the gold)
    assert ("第二十四条", "第二十八条") in _links("行政法/国防教育法(2018-04-27).md", "行政法/国防教育法(2024-09-13).md")
    assert ("第二十二条", "第二十七条") in _links("经济法/反洗钱法(2006-10-31).md", "经济法/反洗钱法(2024-11-08).md")
    # alike only through citations of the text's own articles: 行政复议法 2017 第十八条 (转送, deleted) shares
    # 依照本法第……条的规定 with the rest of 2023 第二十六条, nothing more
    links = _links("诉讼与非诉讼程序法/行政复议法(2017-09-01).md", "诉讼与非诉讼程序法/行政复议法(2023-09-01).md")
    assert not any(o == "第十八条" for o, _ in links)


def test_two_articles_sharing_terms_no_other_article_uses_in_several_places_are_linked(monkeypatch):
    import kb.compare.segments as seg

    # a full revision that rewrites a provision in other words keeps some of its own terms, found in that provision
    # alone: 国防教育法 2018 第十五条 → 2024 第十五条 (军事训练相结合, 在有关课程中安排专门的国防教育内容; cosine 0.28),
    # 反洗钱法 2006 第三十二条 → 2024 第五十六条 (取消其任职资格, 禁止其从事有关金融行业工作; 0.36), 备案审查条例 2021
    # 第十三条 → 2024 第十六条 (0.23): all in the gold, none linked without the rule
    cases = [("行政法/国防教育法(2018-04-27).md", "行政法/国防教育法(2024-09-13).md", ("第十五条", "第十五条")),
             ("经济法/反洗钱法(2006-10-31).md", "经济法/反洗钱法(2024-11-08).md", ("第三十二条", "第五十六条")),
             ("DLC/北京地方法规/地方性法规/北京/北京市各级人民代表大会常务委员会规范性文件备案审查条例(2021-11-26).md",
              "DLC/北京地方法规/地方性法规/北京/北京市各级人民代表大会常务委员会规范性文件备案审查条例(2024-09-27).md",
              ("第十三条", "第十六条"))]
    for old, new, pair in cases:
        assert pair in _links(old, new), pair
    monkeypatch.setattr(seg, "UNIQUE", 10 ** 9)
    for old, new, pair in cases:
        assert pair not in _links(old, new), pair


def test_a_set_phrase_in_one_place_is_no_unique_term_evidence(monkeypatch):
    import kb.compare.segments as seg

    # 北京市制定地方性法规条例 2017 第四条 (党的领导 …) and 2023 第十条 (适应改革需要) share only 国家治理体系和治理能力
    # 现代化, a set phrase that no other article of either text uses: one place of the old text, not linked; counted
    # in one place or more, it would be (the gold links 2023 第十条 to 2017 第六条)
    zd = ("DLC/北京地方法规/地方性法规/北京/北京市制定地方性法规条例(2017-01-20).md",
          "DLC/北京地方法规/地方性法规/北京/北京市制定地方性法规条例(2023-07-28).md")
    assert ("第四条", "第十条") not in _links(*zd)
    monkeypatch.setattr(seg, "UNIQUE_RUNS", 1)
    assert ("第四条", "第十条") in _links(*zd)
    # places: stretches apart by a character no term covers
    assert seg._places("甲乙丙丁戊己庚", {"甲乙丙丁", "乙丙丁戊"}) == 1
    assert seg._places("甲乙丙丁戊己庚辛壬癸子", {"甲乙丙丁", "己庚辛壬"}) == 2


def test_penalty_clauses_enforcing_different_duties_are_not_linked(monkeypatch):
    import kb.compare.align as align_mod

    # two penalty clauses share their wording (责令限期改正……罚款) and differ in the duty they enforce: when every
    # article the old one cites is linked, and none to an article the new one cites, a link no rule was sure of is
    # dropped.  北京市安全生产条例 2016 第八十九条 (违反本条例第三十九条, now 2022 第二十八、二十九条) is not 2022 第五十九条
    # (第三十六条第二款) nor 第六十条 (第三十七条第一款); 第八十七条 (第二十八条) is not 第六十一条 (第四十四条), 第九十条
    # (第四十条) not 第六十二条 (第四十七条): none of them in the gold.  公司法 2018 第一百零八条 on the 董事会 (第四十五条、
    # 第四十六条) is not 2023 第一百三十条 on the 监事会 (第一百二十一条、第一百三十三条) (read, not annotated)
    aq = ("DLC/北京地方法规/地方性法规/北京/北京市安全生产条例.md",
          "DLC/北京地方法规/地方性法规/北京/北京市安全生产条例(2022-05-25).md")
    gs = ("民法商法/公司法(2018-10-26).md", "民法商法/公司法(2023-12-29).md")
    crossed = {aq: {("第八十九条", "第五十九条"), ("第八十九条", "第六十条"), ("第八十七条", "第六十一条"),
                    ("第九十条", "第六十二条")}, gs: {("第一百零八条", "第一百三十条")}}
    # kept: an old clause whose cited article merged into the new clause itself (备案审查条例 2021 第十四条 cites 第十三条,
    # both now 2024 第十六条), and a new clause citing the number the old one cited (慈善法 2016 第一百零一条 and 2023
    # 第一百一十四条 both cite 第二十七条: carried over, whatever it points at now) — both in the gold
    kept = {("DLC/北京地方法规/地方性法规/北京/北京市各级人民代表大会常务委员会规范性文件备案审查条例(2021-11-26).md",
             "DLC/北京地方法规/地方性法规/北京/北京市各级人民代表大会常务委员会规范性文件备案审查条例(2024-09-27).md"):
            {("第十四条", "第十六条")},
            ("社会法/慈善法(2016-03-16).md", "社会法/慈善法(2023-12-29).md"): {("第一百零一条", "第一百一十四条")}}
    for pair, links in crossed.items():
        assert not links & _links(*pair), pair
    for pair, links in kept.items():
        assert links <= _links(*pair), pair
    # switched off, the wrong links are there
    monkeypatch.setattr(align_mod, "_drop_cross_cited", lambda *args: None)
    for pair, links in crossed.items():
        assert links <= _links(*pair), pair


def test_a_cited_range_cites_every_article_between_its_ends():
    # 违反本条例第三十九条至第四十二条规定的 cites 第四十条 and 第四十一条 too, not only the two ends (code review 6, item 5);
    # the citations are the links layer's (kb.compare.references.references_of, read-through 6, item 16): a citation
    # of another law (《某某法》第三条) and a relative one (前款) are none of the text's own articles
    from kb.compare.align import _cited
    from kb.compare.similarity import units
    from kb.text.numerals import article_label
    from kb.text.parse import parse_text
    penalty = ("第五十五条　违反本条例第三十九条至第四十二条规定的，由有关部门责令改正；违反本条例第五十条、第五十二条第二款"
               "规定的，处罚款。\n依照《某某法》第三条的规定执行前款。\n")
    body = "".join(penalty if k == 55 else f"{article_label(k)}　某某单位应当做好第{k}项工作。\n" for k in range(1, 60))
    doc = parse_text("某市测试条例\n\n" + body, "<t>")
    us = units(doc)
    cited = _cited(doc, us)
    assert not doc.warnings and us[54].node.number == 55
    assert {us[i].node.number for i in cited[54]} == {39, 40, 41, 42, 50, 52}
    assert set(cited) == {54}
