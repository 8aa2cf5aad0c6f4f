"""Repetition of upper law (the upper-repeat check) on the default knowledge base."""
from __future__ import annotations

import pytest

from conftest import CORPUS, ROOT, need_shared, run_kb


def check_draft(tmp_path, capsys, title: str, home, *articles: str) -> str:
    """``kb check draft.txt --upper`` in the project ``home`` on a draft of ``articles`` (第一条, 第二条, … in order): its
    output, the exit code asserted 1 (a finding)."""
    from kb.text.numerals import to_chinese

    draft = tmp_path / "draft.txt"
    draft.write_text(f"{title}\n\n" + "".join(f"第{to_chinese(i)}条　{a}\n\n" for i, a in enumerate(articles, 1)),
                     encoding="utf-8")
    rc, out, err = run_kb(["check", str(draft), "--upper"], home, capsys)
    assert rc == 1, err
    return out


@pytest.fixture(scope="module")
def lib():
    from kb.library.related import load_library

    return load_library(ROOT)


def test_verbatim_restatement_is_found_with_its_upper_provision(lib):
    from kb.library.repeat import repetitions

    reg = "北京市实施中华人民共和国城市居民委员会组织法办法"
    found = repetitions(lib, reg, "1991-12-21")
    by_label = {r.entry.label: r for r in found}
    r = by_label["第三条"]        # 居民委员会是居民自我管理……: 居委会组织法第二条第一款 word for word
    assert r.share == pytest.approx(1.0)
    assert (r.upper[0].entry.reg.id, r.upper[0].entry.label) == ("城市居民委员会组织法", "第二条")
    text = r.entry.text
    assert "".join(text[s:t] for s, t in r.marks).startswith("居民委员会是居民自我管理")
    shares = [x.share for x in found]
    assert shares == sorted(shares, reverse=True)              # sorted by share
    assert all(x.share >= 0.5 for x in found)


def test_threshold_option_and_no_upper_law(lib):
    from kb.library.repeat import repetitions

    reg = "北京市实施中华人民共和国城市居民委员会组织法办法"
    assert len(repetitions(lib, reg, "1991-12-21", threshold=0.9)) < len(repetitions(lib, reg, "1991-12-21"))
    # a national law has no upper law in this knowledge base: nothing to repeat
    assert repetitions(lib, "城市居民委员会组织法", "2018-12-29", threshold=0.0) == []


def test_score_repeat_prints_p_r_f1_on_every_annotated_text(capsys):
    rc, out, err = run_kb(["score-repeat"], ROOT, capsys)
    assert rc == 0, err
    lines = out.splitlines()
    assert "F1" in lines[0]
    files = len(list((ROOT / "tests" / "data" / "related").glob("repeat-*.yml")))
    assert files >= 8 and sum(l.startswith("repeat-") for l in lines) == files and lines[-1].startswith("总计")


def test_kb_check_upper_runs_the_rule_alone_sorted_by_share(tmp_path, capsys):
    import json

    rc, out, err = run_kb(["check", "--upper", "-r", "北京市实施中华人民共和国城市居民委员会组织法办法",
                           "--format", "json"], ROOT, capsys)
    assert rc == 1, err
    data = json.loads(out)
    findings = data["findings"] if isinstance(data, dict) else data
    assert {f["rule"] for f in findings} == {"upper-repeat"}
    scores = [f["score"] for f in findings]
    assert scores == sorted(scores, reverse=True) and scores[0] == 1.0
    assert findings[0]["citation"] == "第三条" and "第二条" in findings[0]["message"]
    rc, out, _ = run_kb(["check", "--upper", "-r", "北京市实施中华人民共和国城市居民委员会组织法办法",
                         "--threshold", "0.95", "--format", "json"], ROOT, capsys)
    data = json.loads(out)
    assert 0 < len(data["findings"] if isinstance(data, dict) else data) < len(findings)
    # a draft outside the knowledge base is compared with the upper laws the knowledge base holds
    draft = tmp_path / "draft.txt"
    draft.write_text("某市社区条例（草案）\n\n第一条　居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织。\n\n"
                     "第二条　本市各区设立社区服务中心，每年向区人民政府报告工作情况。\n", encoding="utf-8")
    rc, out, err = run_kb(["check", str(draft), "--upper"], ROOT, capsys)
    assert rc == 1 and "第一条" in out and "城市居民委员会组织法》第二条" in out and "第二条　本市" not in out


def test_kb_check_upper_shows_the_repeated_words_of_an_article_of_several_paragraphs(capsys):
    """北京 办法 第十五条 has three paragraphs, each from 居委会组织法第九条: the finding shows a paragraph's repeated
    wording on its own line (not the label 第十五条) and names the paragraphs that repeat."""
    import json

    reg = "北京市实施中华人民共和国城市居民委员会组织法办法"
    rc, out, err = run_kb(["check", "--upper", "-r", reg, "--format", "json"], ROOT, capsys)
    by = {f["citation"]: f for f in json.loads(out)["findings"]}
    source = (ROOT / "regulation" / reg / "1991-12-21.md").read_text(encoding="utf-8").splitlines()
    for label in ("第十五条", "第十六条", "第十九条"):
        f = by[label]
        assert f["words"] != label and len(f["words"]) > 15, f
        line = source[f["line"] - 1]
        assert line[f["column"] - 1:].startswith(f["words"]), (label, line)
    assert by["第十五条"]["words"].startswith("居民会议")
    assert "（第一款、第二款、第三款）" in by["第十五条"]["message"]
    assert "款）" not in by["第三条"]["message"]           # one paragraph: nothing to name
    rc, out, err = run_kb(["check", "--upper", "-r", reg], ROOT, capsys)
    assert "（原文：“第十五条”）" not in out and "（原文：“居民会议" in out


def test_an_article_adding_figures_of_its_own_implements_rather_than_repeats(tmp_path, capsys):
    """Most of the wording copied, but two quantities the upper provision does not state (三十日内, 二百户):
    local detail, which the annotators did not count as repetition; one figure alone does not excuse it."""
    from kb.library.repeat import own_figures

    assert own_figures("应当在三十日内召开会议，每二百户推选代表。", ["应当召开会议。"]) == ["三十日", "二百户"]
    assert own_figures("罚款五千元以上一万元以下。", ["处五千元以上罚款。"]) == ["一万元"]
    # a range with its unit is one quantity (北京市村民委员会选举办法第九条: 村民选举委员会由五至九人组成)
    assert own_figures("村民选举委员会由五至九人组成，三日内公布。", ["村民选举委员会由主任和委员组成。"]) == ["五至九人", "三日"]
    assert own_figures("由三至五人组成。", ["由三至五人组成。"]) == []
    draft = tmp_path / "draft.txt"
    copied = "居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织"
    draft.write_text("某市社区条例（草案）\n\n"
                     f"第一条　{copied}，每二百户设立一个居民委员会，在三十日内完成选举。\n\n"
                     f"第二条　{copied}，在三十日内完成选举。\n", encoding="utf-8")
    rc, out, err = run_kb(["check", str(draft), "--upper"], ROOT, capsys)
    assert rc == 1 and "第二条" in out and "第一条" not in out


def test_a_sentence_of_its_own_with_a_figure_of_its_own_is_a_local_rule(tmp_path, capsys):
    """The 居委会组织法's 第二条 copied, then a sentence of the article's own giving a deadline the law does not
    (街道办事处应当在三十日内公布评议结果): a local rule, not reported (LOCAL_SENTENCE; 北京市实施《村民委员会组织法》的若干规定
    第二十二条's 村民代表总数一般不得少于三十人, the annotators' "not a repetition") — though the one figure inside the copied
    sentence (第二条: …自治组织，在三十日内完成选举) leaves that article reported, as before (MAX_OWN_FIGURES)."""
    from kb.library.repeat import LOCAL_SENTENCE, local_cover

    assert LOCAL_SENTENCE == 0.35
    text = "居民委员会是自治组织。街道办事处应当在三十日内公布评议结果。"
    copied = set(range(text.index("。") + 1))
    assert local_cover(text, copied, ["三十日"]) == 0.0
    assert local_cover(text, copied, []) == 1.0                        # no figure of its own: no local rule
    assert local_cover(text, copied | set(range(11, 16)), ["三十日"]) == 5 / 18     # 街道办事处 is upper wording
    assert local_cover("居民委员会是自治组织，在三十日内完成选举。", set(range(10)), ["三十日"]) == 10 / 19
    copied = "居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织"
    out = check_draft(tmp_path, capsys, "某市社区条例（草案）", ROOT, f"{copied}。街道办事处应当在三十日内公布评议结果。",
                      f"{copied}，在三十日内完成选举。")
    assert "第二条" in out and "第一条" not in out


def test_an_article_pieced_from_several_provisions_repeats_none_of_them(tmp_path, capsys):
    """All of 第一条's wording is in the 居委会组织法, but in four articles (第三、四、五、十一条), none of which
    holds as much as 45% of it: phrases pieced together, not a provision restated.  第二条 is mostly
    第四条: reported."""
    from kb.library.repeat import MIN_BEST

    assert MIN_BEST == 0.45
    draft = tmp_path / "draft.txt"
    draft.write_text("某市社区条例（草案）\n\n"
                     "第一条　居民委员会开展便民利民的社区服务活动，教育居民互相帮助，互相尊重，加强民族团结，"
                     "协助维护社会治安，决定问题采取少数服从多数的原则。\n\n"
                     "第二条　居民委员会应当开展便民利民的社区服务活动，可以兴办有关的服务事业，并加强民族团结。\n",
                     encoding="utf-8")
    rc, out, err = run_kb(["check", str(draft), "--upper"], ROOT, capsys)
    assert rc == 1 and "第二条" in out and "第一条" not in out
    rc, out, err = run_kb(["check", str(draft), "--upper", "--threshold", "0.0", "--format", "json"], ROOT, capsys)
    assert "第一条" not in out          # whatever the threshold: no one provision holds most of it


def test_one_check_says_why_an_article_is_not_reported():
    """kb, the cross-validation and the error classes use one check (read-through 6, item 7: the dev tools tested
    ``repeated`` letters where kb tests those outside boilerplate, ``substantive``)."""
    from types import SimpleNamespace

    from kb.library.repeat import (LOCAL_SENTENCE, MIN_BEST, MIN_REPEATED, PAIR, PAIR_REST, PART, PART_WHOLE,
                                   SPREAD_PART, THRESHOLD, Repetition, unreported)

    def rep(**kw):
        args = dict(entry=None, share=0.9, upper=[SimpleNamespace(shared=0.8)], repeated=40, substantive=40)
        args.update(kw)
        return Repetition(**args)

    assert unreported(rep()) is None
    assert unreported(None) == "no candidate"
    assert unreported(rep(share=THRESHOLD - 0.01)) == "reworded"
    # letters of a boilerplate clause are repeated but not substantive: too short for kb, whatever ``repeated`` says
    assert unreported(rep(repeated=40, substantive=MIN_REPEATED - 1)) == "too short"
    assert unreported(rep(own_figures=["十五日", "三十人"])) == "own figures"
    assert unreported(rep(upper=[SimpleNamespace(shared=MIN_BEST - 0.01)])) == "spread"
    assert unreported(rep(upper=[SimpleNamespace(shared=MIN_BEST - 0.01)]), best=0.0) is None
    # two provisions holding PAIR together report a spread repeat, unless more than PAIR_REST of the article is other
    # provisions' wording (phrases of several pieced together)
    spread = dict(upper=[SimpleNamespace(shared=MIN_BEST - 0.01)], pair=PAIR, share=PAIR + PAIR_REST)
    assert unreported(rep(**spread)) is None and unreported(rep(**spread), pair=None) == "spread"
    assert unreported(rep(**dict(spread, share=PAIR + PAIR_REST + 0.02))) == "spread"
    # an article reported through its closest provision that takes less than PART of that provision's wording is a phrase
    # or two of it, unless PART_WHOLE of the article is upper law's wording; the pair route does not ask (its own bounds)
    assert unreported(rep(share=PART_WHOLE - 0.01, part=PART - 0.01)) == "small part"
    assert unreported(rep(share=PART_WHOLE - 0.01, part=PART - 0.01), part=None) is None
    assert unreported(rep(share=PART_WHOLE, part=PART - 0.01)) is None
    assert unreported(rep(share=PART_WHOLE - 0.01, part=PART)) is None
    assert unreported(rep(**dict(spread, part=PART - 0.01))) is None
    # one reported through the two or three closest takes SPREAD_PART of its closest provision (twenty-second session)
    assert unreported(rep(**dict(spread, part=SPREAD_PART - 0.01))) == "small part"
    assert unreported(rep(**dict(spread, part=SPREAD_PART - 0.01)), spread_part=None) is None
    assert unreported(rep(**dict(spread, part=SPREAD_PART))) is None
    # a fine of the article's own amount (OWN_FINE): a local rule, whichever route would report it
    assert unreported(rep(own_fine=True, own_figures=["五千元"])) == "own fine"
    assert unreported(rep(own_fine=True, own_figures=["五千元"]), fine=False) is None
    assert unreported(rep(**dict(spread, own_fine=True))) == "own fine"
    # a sentence at most LOCAL_SENTENCE upper law's wording stating a quantity of the article's own: a local rule, whichever
    # route would report it; one figure in restated wording (a sentence more upper law's) is no bar
    assert unreported(rep(own_figures=["三十人"], local=LOCAL_SENTENCE)) == "local figure"
    assert unreported(rep(**dict(spread, own_figures=["三十人"], local=0.0))) == "local figure"
    assert unreported(rep(own_figures=["三十人"], local=LOCAL_SENTENCE), local=None) is None
    assert unreported(rep(own_figures=["三十人"], local=LOCAL_SENTENCE + 0.01)) is None
    # a reference clause (…的，由…依法处理) whose closest provision is no referral: not reported, whichever route (REFERRAL)
    assert unreported(rep(referral=True)) == "referral" and unreported(rep(**dict(spread, referral=True))) == "referral"
    assert unreported(rep(referral=True), refer=False) is None


def test_boilerplate_clauses_are_found_where_the_clauses_break():
    """kb.compare.boilerplate gives the positions of its clauses (read-through 6, item 11: repeat.py read the module's
    private break pattern)."""
    from kb.compare.boilerplate import boilerplate_spans

    text = "违反本条例规定的，由有关部门责令改正；构成犯罪的，依法追究刑事责任。"
    spans = boilerplate_spans(text)
    assert [text[s:e] for s, e in spans] == ["构成犯罪的", "依法追究刑事责任"]


def test_a_procedure_of_the_national_legislature_restated_for_a_local_body_is_no_repetition(tmp_path, capsys):
    """重庆市地方立法条例 (round 11r, tests/data/related/outside-kb/): its 第二十四条 gives the 立法法's 第二十一条 — the
    procedure of the 全国人民代表大会 on 法律案 — near verbatim to the 市人民代表大会 and its 法规案; the annotator counts a
    rule restated for another body as no repetition (31 of the text's 40 reports were such).  Its 第五条 restates the
    立法法's 第六条, a principle of all legislation, and is still reported."""
    local = ("列入市人民代表大会会议议程的法规案，大会全体会议听取市人大常委会或者提案人的说明后，由各代表团进行审议。\n"
             "各代表团审议法规案时，提案人应当派人听取意见，回答询问。")
    draft = tmp_path / "draft.txt"
    draft.write_text("重庆市地方立法条例（草案）\n\n"
                     "第一条　为了规范本市地方立法活动，提高地方立法质量，根据《中华人民共和国立法法》、《中华人民共和国地方各级人民代表大会和"
                     "地方各级人民政府组织法》等法律，结合本市实际，制定本条例。\n\n"
                     "第二条　地方立法应当发扬社会主义民主，坚持立法公开，保障公民通过多种途径参与立法活动。\n\n"
                     f"第三条　{local}\n", encoding="utf-8")
    rc, out, err = run_kb(["check", str(draft), "--upper"], ROOT, capsys)
    assert rc == 1, err
    assert "第二条" in out and "立法法》第六条" in out
    assert "第三条" not in out and "第二十一条" not in out
    from kb.library.repeat import another_legislature

    national = ("列入全国人民代表大会会议议程的法律案，大会全体会议听取提案人的说明后，由各代表团进行审议。\n"
                "各代表团审议法律案时，提案人应当派人听取意见，回答询问。")
    assert another_legislature(local, national)
    assert not another_legislature(national, national)      # an article on the national legislature itself
    # a provision also for local levels (立法法 第八十八条 on 地方性法规), or on no legislature, is one a local text may repeat
    assert not another_legislature(local, "省、自治区、直辖市的人民代表大会制定的地方性法规由大会主席团发布公告予以公布。")
    assert not another_legislature(local, "立法应当体现人民的意志，发扬社会主义民主，坚持立法公开，保障人民通过多种途径参与立法活动。")
    # the 地方组织法 (全国人民代表大会和地方各级人民代表大会… is a title on every level)
    assert not another_legislature(local, "依照《全国人民代表大会和地方各级人民代表大会选举法》的规定选举代表。")


def test_a_purpose_and_ground_clause_cites_its_upper_law_and_repeats_nothing(tmp_path, capsys):
    """北京市测绘条例 (round 12r, tests/data/related/outside-kb/) in a project holding its upper law, the 测绘法: its 第一条,
    为了加强测绘管理，促进测绘事业发展……根据《中华人民共和国测绘法》……制定本条例, copies two thirds of the law's 第一条
    and was reported; none of the 26 purpose and ground clauses of the repeat files is annotated a repetition (a clause
    that only cites its upper law restates no rule of it).  Its 第六条, the law's 第六条 near verbatim, is still reported."""
    from kb.dev.extra_laws import with_laws

    need_shared(CORPUS)
    home = with_laws(ROOT, ("行政法/测绘法(2017-04-27).md",))
    out = check_draft(tmp_path, capsys, "北京市测绘条例（草案）", home,
                      "为了加强测绘管理，促进测绘事业发展，保障测绘事业为经济建设、城市建设和社会发展服务，根据《中华人民共和国测绘法》"
                      "和有关法律、法规，结合本市实际情况，制定本条例。",
                      "本市鼓励测绘科学技术的创新和进步，采用先进的技术和设备，提高测绘水平。")
    assert "第二条" in out and "测绘法》第六条" in out
    assert "第一条" not in out


def test_a_rule_of_a_law_on_another_kind_of_body_is_no_repetition(lib):
    """北京市村民委员会选举办法 第二十九条 (候选人获得参加投票的村民过半数的选票，始得当选……如遇票数相同……再次投票) words
    the 选举法's 第四十五条 on electing 人民代表大会 deputies at 0.75, but the annotator counts a rule restated for another body
    as no repetition: a law whose title names another kind of body (人民代表大会 beside 村民委员会, kb.library.related's
    OTHER_BODIES test) is no candidate.  第三条 still repeats the 村民委员会组织法's 第六条 (at 0.45+)."""
    from kb.library.repeat import repetition, repetitions

    reg = "北京市村民委员会选举办法"
    found = {r.entry.label: r for r in repetitions(lib, reg, "2012-09-28")}
    assert "第二十九条" not in found and "第三十条" not in found
    assert found["第三条"].upper[0].entry.reg.id == "村民委员会组织法"
    e = next(x for x in lib.entries if x.reg.id == reg and x.label == "第二十九条")
    rep = repetition(lib, e)
    assert rep is None or all(u.entry.reg.id != "全国人民代表大会和地方各级人民代表大会选举法" for u in rep.upper)


def test_an_older_text_repeats_its_upper_law_as_worded_when_it_was_adopted(capsys):
    """北京市实施《妇女权益保障法》办法 (2009; round 17r, scored once, tuning data) restates the 妇女权益保障法 as it stood
    then (2005; the 2018 amendment changed a few words), and the 2022 revision reworded most of it: against the 2022 text
    alone kb found 11 of its 26 annotated repeats.  Its 第四十四条 (侵害妇女文化教育权益的，由其所在单位或者上级机关责令改正……
    依法给予行政处分) holds 0.37 of the 2022 law's 第八十四条 — the provision the annotator names — but 0.59 with the 2018
    text's 第五十七条, which the version alignment pairs with that 第八十四条 (cosine 0.78): in a knowledge base holding both
    versions it is reported, naming the 2022 provision and the version whose wording it shares.  Its 第四十二条 (the 妇联
    exposing acts in the media) copies the 2018 law's 第五十四条 second paragraph, which the 2022 law dropped (merged into
    第七十三条 at 0.25, below EARLIER_LINK): not reported, as the annotator has it."""
    from kb.dev.extra_laws import with_laws
    from kb.library.related import load_library
    from kb.library.repeat import earlier_version, repetition, repetitions, unreported

    need_shared(CORPUS)
    text = "DLC/北京地方法规/地方性法规/北京/北京市实施《妇女权益保障法》办法.md"
    home = with_laws(ROOT, ("社会法/妇女权益保障法(2018-10-26).md", "社会法/妇女权益保障法(2022-10-30).md"), texts=(text,))
    lib = load_library(home)
    reg = next(e.reg for e in lib.entries if e.reg.title == "北京市实施《中华人民共和国妇女权益保障法》办法")
    law = next(e.reg for e in lib.entries if e.reg.title == "中华人民共和国妇女权益保障法")
    assert [v.date for v in law.versions] == ["2018-10-26", "2022-10-30"] and reg.versions[-1].date == "2009-09-25"
    # the version in force in 2009 (2005) is not in the base: its earliest, the 2018 amendment, stands in for it
    assert earlier_version(law, "2009-09-25").name == "2018-10-26"
    assert earlier_version(law, "2019-01-01").name == "2018-10-26"        # in force then
    assert earlier_version(law, "2023-01-01") is None and earlier_version(law, None) is None
    found = {r.entry.label: r for r in repetitions(lib, reg.id, reg.versions[-1].name)}
    r = found["第四十四条"]
    assert (r.upper[0].entry.label, r.upper[0].entry.version.name) == ("第八十四条", "2022-10-30")
    assert r.upper[0].shared > 0.5 and r.earlier[r.upper[0].entry.index] == "2018年修正"
    assert r.to_dict()["upper"][0]["earlier"] == "2018年修正" and "earlier" not in r.to_dict()["upper"][1]
    assert "第四十二条" not in found
    # may_repeat's quick bound takes in the earlier wording that may count (the 2018 articles paired with the 2022 ones):
    # it still rules articles out in a base holding an earlier version — it let through every article of every text dated
    # before 2022-10-30, 1,048 of the copy's 1,467; now 473 — and none that the full check reports
    from kb.library.repeat import may_repeat

    dated = [x for x in lib.entries if x.latest and x.version.date and x.version.date < "2022-10-30"]
    out = [x for x in dated if not may_repeat(lib, x)]
    assert len(out) > len(dated) // 3 and all(unreported(repetition(lib, x)) is not None for x in out)
    assert any(x.reg.id == reg.id for x in out)
    # against the 2022 text alone (what kb did before): 0.37, not reported
    e = r.entry
    alone = with_laws(ROOT, ("社会法/妇女权益保障法(2022-10-30).md",), texts=(text,))
    lib2 = load_library(alone)
    e2 = next(x for x in lib2.entries if x.reg.id == reg.id and x.label == "第四十四条")
    assert unreported(repetition(lib2, e2)) == "reworded"
    assert e.text == e2.text


def test_a_repeat_spread_over_two_provisions_is_reported(lib):
    """重庆市实施《村民委员会组织法》办法 第四条 (村应当建立村务监督委员会，依照法律、法规和村民自治章程独立行使监督权，对村务
    进行监督; annotated a repeat) takes its first half from the 村民委员会组织法's 第三十二条 (村应当建立村务监督委员会…) and
    依照法律、法规和村民自治章程 from its 第二十七条: the closest holds 0.31 of it, under MIN_BEST, the two together 0.59 and
    nothing else — reported since the twelfth session (PAIR), naming both.  北京市实施《村民委员会组织法》的若干规定 第二十二条
    has 0.58 of its letters from the law's 第二十五条 and 第六条 but 0.19 more from its 第十一、二十八条 (多民族…民族的代表,
    任何组织和个人不得…): phrases of four provisions around a local rule (村民代表总数一般不得少于三十人; the annotator: "the rest is
    local"), more than PAIR_REST — not reported through the pair (the three closest, 第二十五、六、十一条, hold 0.75 of it with
    0.01 beyond: since the twentieth session TRIPLE reports it, one of the two false reports that route added on kb
    score-repeat's files; since the twenty-first its sentence of its own with its own figure, 三十人, leaves it unreported,
    LOCAL_SENTENCE)."""
    from kb.library.repeat import MIN_BEST, PAIR, PAIR_REST, repetition, repetitions, unreported

    assert (PAIR, PAIR_REST) == (0.55, 0.15)
    reg = "重庆市实施中华人民共和国村民委员会组织法办法"
    found = {r.entry.label: r for r in repetitions(lib, reg, "2013-09-25")}
    r = found["第四条"]
    assert r.best < MIN_BEST <= PAIR <= r.pair and r.share - r.pair <= PAIR_REST
    assert [(u.entry.reg.id, u.entry.label) for u in r.upper[:2]] == [("村民委员会组织法", "第三十二条"),
                                                                     ("村民委员会组织法", "第二十七条")]
    assert unreported(r, pair=None) == "spread"             # the closest provision alone: what kb did before
    reg = "北京市实施中华人民共和国村民委员会组织法的若干规定"
    e = next(x for x in lib.entries if x.reg.id == reg and x.label == "第二十二条")
    rep = repetition(lib, e)
    assert rep.best < MIN_BEST and rep.pair >= PAIR and rep.share - rep.pair > PAIR_REST
    assert unreported(rep, triple=None, local=None) == "spread"
    assert unreported(rep, local=None) is None                                  # through the three (TRIPLE)
    assert unreported(rep) == "local figure"
    assert "第二十二条" not in {x.entry.label for x in repetitions(lib, reg, "2012-09-28")}


def test_a_repeat_spread_over_three_provisions_is_reported(lib):
    """重庆市实施《村民委员会组织法》办法 第十六条 (村民委员会的主要职责: annotated a repeat of the 村民委员会组织法's 第八、九条,
    第二条第二款 and 第十条, item by item) — the closest provision (第八条) holds 0.35 of it, the two closest 0.53 (under
    MIN_BEST and PAIR), the three closest 0.60 with 0.03 of it beyond them: reported since the twentieth session (TRIPLE,
    TRIPLE_REST; every fold of python3 -m kb.dev.related_cv repeat takes them).  The seed's draft article pieced from four
    provisions (test_an_article_pieced_from_several_provisions_repeats_none_of_them) is still not reported: its three
    closest hold 0.86 of it, the fourth provision's wording 0.14 more, beyond TRIPLE_REST."""
    from kb.library.repeat import MIN_BEST, PAIR, TRIPLE, TRIPLE_REST, repetitions, unreported

    assert (TRIPLE, TRIPLE_REST) == (0.6, 0.1)
    reg = "重庆市实施中华人民共和国村民委员会组织法办法"
    r = {x.entry.label: x for x in repetitions(lib, reg, "2013-09-25")}["第十六条"]
    assert r.best < MIN_BEST and r.pair < PAIR and r.triple >= TRIPLE and r.share - r.triple <= TRIPLE_REST
    assert {u.entry.label for u in r.upper[:3]} == {"第八条", "第九条", "第二条"}
    assert unreported(r, triple=None) == "spread"               # the closest one or two alone: what kb did before


def test_an_article_taking_a_phrase_or_two_of_a_long_provision_restates_none_of_it(tmp_path, capsys):
    """Articles of the tuning texts (outside-kb/) on local procedure, worded with phrases of a long provision of the
    地方组织法, which the annotators count as local rules: 广东省人民代表大会常务委员会议事规则 第四十条 (withdrawing a 质询案 in
    the 常务委员会) holds 0.48 of its letters from the law's 第二十二条 on 议案 at the 人大 session, 0.74 from upper law in
    all, but takes 0.07 of that provision's wording; 重庆市乡镇人民代表大会工作条例 第三十七条 (the 主席团 guided by the upper
    常委会) 0.59 from the law's 第十二条, the list of a 乡镇 人大's powers, of which it takes 0.04.  Both were reported; since
    the thirteenth session an article takes PART of its closest provision or PART_WHOLE of it is upper law's wording.
    重庆市人民代表大会常务委员会议事规则 第八条 (meetings every two months, convened and chaired by the 主任: the law's
    第五十一条 near verbatim, annotated a repeat) takes 0.20 of that provision, and 重庆市乡镇人民代表大会工作条例 第五条
    (每届任期五年, annotated a repeat) 0.07 of the law's 第十八条 but is all upper law's wording: both still reported."""
    from kb.library.repeat import PART, PART_WHOLE

    assert (PART, PART_WHOLE) == (0.15, 0.75)
    out = check_draft(tmp_path, capsys, "广东省人民代表大会常务委员会议事规则（草案）", ROOT,
                      "为了健全省人民代表大会常务委员会的议事程序，保障和规范其行使职权，根据宪法和《中华人民共和国地方各级人民代表大会和"
                      "地方各级人民政府组织法》《中华人民共和国各级人民代表大会常务委员会监督法》等法律规定，结合本省实际，制定本规则。",
                      "常委会会议，每两个月至少举行一次。有特殊需要的时候，可以临时召集会议。\n常委会会议由主任召集并主持。主任可以委托"
                      "副主任主持。",
                      "列入常务委员会会议的质询案，在未作出答复前，提质询案人要求撤回的，对该质询案的审议即行终止。",
                      "乡、民族乡、镇人民代表大会主席团的工作接受上级人大常委会的指导。",
                      "乡、民族乡、镇人民代表大会每届任期五年。")
    assert "第二条" in out and "组织法》第五十一条" in out
    assert "第三条" not in out and "第四条" not in out
    from kb.library.related import EXTRA_ID, library_with
    from kb.library.repeat import repetition, unreported
    from kb.text.parse import parse_file

    lib = library_with(ROOT, parse_file(str(tmp_path / "draft.txt")))
    reps = {e.label: repetition(lib, e) for e in lib.entries if e.reg.id == EXTRA_ID}
    for label, law_article in (("第三条", "第二十二条"), ("第四条", "第十二条")):
        r = reps[label]
        assert r.upper[0].entry.label == law_article and r.part < PART and r.share < PART_WHOLE
        assert unreported(r) == "small part" and unreported(r, part=None) is None      # reported before
    assert reps["第二条"].part >= PART and unreported(reps["第二条"]) is None
    assert reps["第五条"].part < PART and reps["第五条"].share >= PART_WHOLE and unreported(reps["第五条"]) is None
    assert "第五条" in out


def test_the_pair_is_the_best_two_of_every_provision_sharing_wording(lib):
    """北京市城乡规划条例 第六十四条 (施工现场公示规划许可证, phrases of the 城乡规划法 pieced together): its letters come from the
    law's 第六十条 (32 of them), 第四十条 (27), 第四十一条 (22), 第五十条 and 第六十五条 (18 each).  第四十条 adds no letter
    to those of the provisions met before it, so it is not listed among those the article shares text with; but with 第六十条
    it holds all of the article's repeated wording (0.46), where the pair was read among the listed ones only (第六十条 and
    第四十一条, 0.41) — code review 17 item 9.  Still no repeat: 0.46 is under THRESHOLD and PAIR."""
    from kb.library.related import common_runs
    from kb.library.repeat import MIN_RUN, PAIR, THRESHOLD, repetition, unreported

    e = next(x for x in lib.entries if x.reg.id == "北京市城乡规划条例" and x.label == "第六十四条" and x.latest)
    rep = repetition(lib, e)
    listed = {u.entry.label for u in rep.upper}
    assert "第四十条" not in listed and {"第六十条", "第四十一条"} <= listed
    law40 = next(x for x in lib.entries if x.reg.id == "城乡规划法" and x.label == "第四十条" and x.latest)
    own, _ = common_runs(e.text, law40.text, MIN_RUN)
    assert sum(ch.isalnum() for s, t in own for ch in e.text[s:t]) == 27
    assert rep.pair == pytest.approx(rep.share) and rep.share == pytest.approx(0.46, abs=0.005)
    assert rep.pair < PAIR and rep.share < THRESHOLD and unreported(rep) == "reworded"


def test_a_fine_of_the_texts_own_amount_is_a_local_rule(lib):
    """广东省固体废物污染环境防治条例 (2022; round 21r, scored once, tuning data) in a project holding its two upper laws, the
    环境保护法 and the 固体废物污染环境防治法, and the text, as its held-out scoring had it: its 第五十一条 (未按照规定建立和保存
    危险废物经营情况档案的，由县级以上人民政府生态环境主管部门责令限期改正，处五千元以上五万元以下罚款) takes the law's penalty
    formula from its 第一百一十一、一百一十四条 (0.61 of it together) and was reported; the annotator's policy, as in every
    round since 8r, counts a fine of an amount the law does not give as a local rule, and the law names no 五千元 — "own
    fine" now, though one figure of its own (MAX_OWN_FIGURES) stops no other article.  Its 第二十九条 (the law's 第二十二条 near
    verbatim) is still reported; so are, in the knowledge base, 北京市城乡规划条例 第七十五条 (a penalty at the law's own
    造价百分之五以上百分之十以下: no amount of its own) and 北京市实施《村民委员会组织法》的若干规定 第二十条 (one own figure,
    五日内, in no fine)."""
    from kb.dev.extra_laws import with_laws
    from kb.library.related import load_library
    from kb.library.repeat import MAX_OWN_FIGURES, OWN_FINE, own_fine, repetition, repetitions, unreported

    assert OWN_FINE and MAX_OWN_FIGURES == 1
    # (own_fine reads the article's amounts against its upper provisions' texts since the sixteenth session)
    assert own_fine("处五千元以上五万元以下罚款。", ["处一万元以上五万元以下罚款。"])
    assert not own_fine("处五千元以上五万元以下罚款。", ["处五千元以上五万元以下的罚款。"])
    assert not own_fine("应当在五日内召集。", []) and not own_fine("补助五千元。", [])
    need_shared(CORPUS)
    text = "DLC/广东地方法规/地方性法规/广东/广东省固体废物污染环境防治条例(2022-11-30).md"
    home = with_laws(ROOT, ("行政法/环境保护法(2014-04-24).md", "行政法/固体废物污染环境防治法(2020-04-29).md"),
                     texts=(text,))
    lib2 = load_library(home)
    reg = next(e.reg for e in lib2.entries if e.reg.title == "广东省固体废物污染环境防治条例")
    found = {r.entry.label: r for r in repetitions(lib2, reg.id, reg.versions[-1].name)}
    assert "第五十一条" not in found and "第二十九条" in found
    assert found["第二十九条"].upper[0].entry.label == "第二十二条"
    e = next(x for x in lib2.entries if x.reg.id == reg.id and x.label == "第五十一条")
    rep = repetition(lib2, e)
    assert rep.own_figures == ["五千元"] and rep.own_fine
    # what kb did before (reported through the pair; since the twenty-second session it takes too little of its closest
    # provision, 0.06, for that route as well: SPREAD_PART)
    assert unreported(rep) == "own fine" and unreported(rep, fine=False, spread_part=None) is None
    assert unreported(rep, fine=False) == "small part"
    found = {r.entry.label: r for r in repetitions(lib, "北京市城乡规划条例", "2021-09-24")}
    assert "第七十五条" in found and "罚款" in found["第七十五条"].entry.text and not found["第七十五条"].own_fine
    found = {r.entry.label: r for r in repetitions(lib, "北京市实施中华人民共和国村民委员会组织法的若干规定", "2012-09-28")}
    assert found["第二十条"].own_figures == ["五日"] and not found["第二十条"].own_fine


def _article(path: str, label: str) -> str:
    """The text of article ``label`` of the corpus file ``path`` (relative to ../shared/corpus/lawrefbook), as kb parses it."""
    from kb.dev.paths import corpus_dir
    from kb.text.parse import parse_file

    doc = parse_file(str(corpus_dir() / path))
    return next(n.full_text() for n in doc.articles if n.label == label)


def test_amounts_are_compared_by_value_whatever_the_numerals():
    """OWN_FINE and MAX_OWN_FIGURES read an article's quantities against its upper provisions': a local text writing the
    law's 一万元至五万元 as 1万元以上5万元以下 or its 十五日 as 15日 states no figure of its own (sixteenth session: the
    strings differed, so 北京市人民防空条例 第四十五条 — the 人民防空法's 第四十九条 with its fines in Arabic numerals, an
    annotated repeat — was taken for an article adding three figures of its own); a fine capped at the law's cap without its
    floor is still the text's own (北京市实施《种子法》办法 第五十九条, 3万元以下 for the law's 三千元以上三万元以下: the
    annotator's local rule)."""
    from kb.library.repeat import BY_VALUE, fines, own_figures, own_fine

    assert BY_VALUE             # the figures' values: kb.text.numerals.figure_value (tests/text/test_numerals.py)
    assert fines("处五千元以上五万元以下罚款；处3万元以下罚款；一万元至五万元；二百元") == \
        [(5000, 50000), (None, 30000), (10000, 50000), (200, 200)]
    need_shared(CORPUS)
    renfang = _article("DLC/北京地方法规/地方性法规/北京/北京市人民防空条例.md", "第四十五条")
    law = _article("行政法/人民防空法(2009-08-27).md", "第四十九条")
    assert "5000元以下" in renfang and "1万元以上5万元以下" in renfang and "一万元至五万元" in law
    assert own_figures(renfang, [law]) == [] and not own_fine(renfang, [law])
    # as written (what kb did before): three figures of its own, and a fine of its own amount
    assert own_figures(renfang, [law], values=False) == ["5000元", "1万元", "5万元"] and own_fine(renfang, [law], values=False)
    fanghong = _article("DLC/北京地方法规/地方性法规/北京/北京市实施《防洪法》办法(2019-07-26).md", "第四十八条")
    law = _article("经济法/防洪法(2016-07-02).md", "第五十三条")
    assert "1万元以上10万元以下" in fanghong and "一万元以上十万元以下" in law
    assert own_figures(fanghong, [law]) == [] and not own_fine(fanghong, [law])
    zhongzi = _article("DLC/北京地方法规/地方性法规/北京/北京市实施《种子法》办法(2018-03-30).md", "第五十九条")
    law = _article("经济法/种子法(2021-12-24).md", "第八十四条")
    assert own_figures(zhongzi, [law]) == [] and own_fine(zhongzi, [law])


def test_an_article_restating_its_laws_fines_in_arabic_numerals_is_reported():
    """北京市人民防空条例 (round 17r, tuning data) in a project holding its upper law, the 人民防空法: its 第四十五条 (the law's
    第四十九条 with 5000元以下 and 1万元以上5万元以下 for 五千元以下 and 一万元至五万元; an annotated repeat) is reported now that
    amounts are compared by value — before, 'own figures'; its 第四十七条, whose closest provision holds 0.32 of it, stays
    unreported ('spread')."""
    from kb.dev.extra_laws import with_laws
    from kb.library.related import load_library
    from kb.library.repeat import repetition, repetitions, unreported

    need_shared(CORPUS)
    home = with_laws(ROOT, ("行政法/人民防空法(2009-08-27).md",),
                     texts=("DLC/北京地方法规/地方性法规/北京/北京市人民防空条例.md",))
    lib2 = load_library(home)
    reg = next(e.reg for e in lib2.entries if e.reg.title == "北京市人民防空条例")
    found = {r.entry.label: r for r in repetitions(lib2, reg.id, reg.versions[-1].name)}
    assert "第四十五条" in found and found["第四十五条"].upper[0].entry.label == "第四十九条"
    e = next(x for x in lib2.entries if x.reg.id == reg.id and x.label == "第四十七条")
    assert unreported(repetition(lib2, e)) == "spread"


def test_a_figure_with_decimals_or_thousands_commas_is_read_whole():
    """Code review 22 item 7: the figures' pattern had no decimals, so 处1.5万元罚款 was read as 5万元 (= the law's 五万元, no
    figure of its own) and 10,000元 as 000元 (= 0); one numeral pattern (_NUMERAL) now serves figures and amounts of money.
    No corpus text writes a decimal amount (a grep of 1.5万元 / 0.5万元 finds none), so the review's strings stand here."""
    from kb.library.repeat import _FIGURE, _quantity, fines, own_figures, own_fine

    assert [m.group(0) for m in _FIGURE.finditer("处1.5万元以上3万元以下的罚款")] == ["1.5万元", "3万元"]
    assert _quantity("1.5万元") == (15000, None, "元") and _quantity("10,000元") == (10000, None, "元")
    assert own_figures("处1.5万元罚款", ["处五万元罚款"], values=True) == ["1.5万元"]
    assert own_fine("处1.5万元罚款", ["处五万元罚款"], values=True)
    assert fines("处10,000元罚款") == [(10000, 10000)]
    # guards: the same amount in other numerals is no figure of its own; plain figures read as before
    assert own_figures("处5万元罚款", ["处五万元罚款"], values=True) == []
    assert not own_fine("处1.5万元以上3万元以下的罚款", ["处一万五千元以上三万元以下的罚款"], values=True)
    assert own_figures("应当在三十日内召开会议，每二百户推选代表。", ["应当召开会议。"]) == ["三十日", "二百户"]


def test_a_spread_repeat_restates_a_good_part_of_its_closest_provision(lib, tmp_path, capsys):
    """Articles of the tuning texts on a local step, worded with a phrase of one long provision and a phrase of another:
    北京市村民委员会选举办法 第三十一条 (村民选举委员会确认选举有效后，当场公布选举结果，并报乡、民族乡、镇人民政府备案) holds 0.43
    of its letters from the 村民委员会组织法's 第十五条 and 0.80 with its 第二十七条, but takes 0.04 of the first; 重庆市人民代表
    大会常务委员会议事规则 第四十一条 (a 质询案 withdrawn before the answer, 经主任会议同意，质询即行终止) takes 0.05 of the
    地方组织法's 第五十三条, its closest — the annotators' local rules (the confirmation and the filing; withdrawing a 质询案
    in the 主任会议), reported through the pair (PAIR) until the twenty-second session, when an article reported
    through its two or three closest provisions must take SPREAD_PART of its closest one, as one reported through the
    closest alone must take PART.  重庆市实施《村民委员会组织法》办法 第四条 (村务监督委员会, annotated a repeat) takes 0.09 of the law's
    第三十二条, its closest: still reported through the pair."""
    from kb.library.repeat import MIN_BEST, PAIR, SPREAD_PART, repetition, repetitions, unreported

    assert SPREAD_PART == 0.07
    reg = "北京市村民委员会选举办法"
    e = next(x for x in lib.entries if x.reg.id == reg and x.label == "第三十一条" and x.version.name == "2012-09-28")
    r = repetition(lib, e)
    assert r.best < MIN_BEST and r.pair >= PAIR and r.part < SPREAD_PART and r.upper[0].entry.label == "第十五条"
    assert unreported(r) == "small part" and unreported(r, spread_part=None) is None      # reported before
    assert "第三十一条" not in {x.entry.label for x in repetitions(lib, reg, "2012-09-28")}
    reg = "重庆市实施中华人民共和国村民委员会组织法办法"
    r = {x.entry.label: x for x in repetitions(lib, reg, "2013-09-25")}["第四条"]
    assert r.best < MIN_BEST and SPREAD_PART <= r.part < 0.1
    out = check_draft(tmp_path, capsys, "重庆市人民代表大会常务委员会议事规则（草案）", ROOT,
                      "常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。常务委员会会议由主任召集并主持。"
                      "主任可以委托副主任主持会议。",
                      "质询案在主任会议决定交受质询机关答复前，提议案人要求撤回的，经主任会议同意，质询即行终止。")
    assert "第一条" in out and "第二条" not in out
    from kb.library.related import EXTRA_ID, library_with
    from kb.text.parse import parse_file

    draft = library_with(ROOT, parse_file(str(tmp_path / "draft.txt")))
    r = repetition(draft, next(x for x in draft.entries if x.reg.id == EXTRA_ID and x.label == "第二条"))
    assert r.best < MIN_BEST and r.part < SPREAD_PART
    assert unreported(r) == "small part" and unreported(r, spread_part=None) is None


def test_a_reference_clause_restates_no_sanction():
    """北京市反食品浪费规定 (round 27r, scored once, tuning data) in a project holding its upper law, the 反食品浪费法, as its
    held-out scoring had it: its 第二十六、二十九条 name the offence in the law's words (0.78 and 0.70 of their letters the law's
    第二十八、三十条) and leave the sanction to 依法处理 — a reference clause, which the annotators never count as a repetition
    (rounds 6, 10r, 11r, 27r, 30r): no longer reported (REFERRAL; both were false reports).  第二十五、二十七条, which restate
    the law's own 责令改正，给予警告 (annotated repeats), are still reported; an article restating the law's own referral
    (北京市邮政通信条例 第四十八条, 由物价部门依法处罚 for the 邮政法's 第七十四条, 由政府价格主管部门依照《中华人民共和国价格法》的
    规定处罚: an annotated repeat) is no reference clause of its own."""
    from kb.dev.extra_laws import with_laws
    from kb.library.related import load_library
    from kb.library.repeat import REFERRAL, referral, repetition, repetitions, unreported

    assert REFERRAL
    need_shared(CORPUS)
    text = "DLC/北京地方法规/地方性法规/北京/北京市反食品浪费规定(2021-05-27).md"
    law = "经济法/反食品浪费法(2021-04-29).md"
    assert referral(_article(text, "第二十六条"), _article(law, "第二十八条"))
    assert not referral(_article(text, "第二十五条"), _article(law, "第二十八条"))      # 责令改正，给予警告: a sanction
    youzheng = _article("DLC/北京地方法规/地方性法规/北京/北京市邮政通信条例.md", "第四十八条")
    assert youzheng.rstrip("。").endswith("由物价部门依法处罚")
    assert not referral(youzheng, _article("经济法/邮政法(2015-04-24).md", "第七十四条"))
    assert referral(youzheng, _article(law, "第二十八条"))          # the same clause beside a provision with sanctions
    lib2 = load_library(with_laws(ROOT, (law,), texts=(text,)))
    reg = next(e.reg for e in lib2.entries if e.reg.title == "北京市反食品浪费规定")
    found = {r.entry.label for r in repetitions(lib2, reg.id, reg.versions[-1].name)}
    assert {"第二十五条", "第二十七条"} <= found and not {"第二十六条", "第二十九条"} & found
    for label in ("第二十六条", "第二十九条"):
        rep = repetition(lib2, next(x for x in lib2.entries if x.reg.id == reg.id and x.label == label))
        # what kb did before: reported through the closest provision
        assert rep.share > 0.6 and unreported(rep) == "referral" and unreported(rep, refer=False) is None
