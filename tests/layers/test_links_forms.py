"""Cross-link layer: abbreviated item/paragraph/article lists and ranges, 该法第X条, and term uses
inside fixed function words (以下简称) or in the text-pointing sense of 以上/以下. Small hand-written
texts, each expectation written by hand; plus two real corpus files."""
from __future__ import annotations

import pytest

from conftest import CORPUS, need_shared
from kb.layers import links
from kb.text.parse import parse_file, parse_text

LIST_TEXT = """示例条例

第一条　为了规范管理，制定本条例。

第二条　有下列情形之一的，予以处理：

（一）一；

（二）二；

（三）三；

（四）四；

（五）五。

有前款第三、四项情形的，从重处理。

有第一款第（一）、（二）项情形的，从轻处理。

第三条　违反本条例第二条第一款第（三）项规定的，予以警告。

依照第二条第一款第三项至第五项规定处理。

第四条　有本条例第二条第一款第一至三项、第（四）项、（五）项情形的，另行处理。

适用第二条（三）、（四）项和第三条第一、二款的规定。

第五条　依照第一条、第二条、第四条的规定；适用第一条和第三条的规定。

违反第二条第一款第三项、第四项规定的，处罚款；违反第二条第一款第（一）至（三）项规定的，处罚款。

第六条　违反第二条第一款第一、二、五项规定的，处警告；违反第三、四项规定的，处罚款。

第七条　违反第二条第一款第四、五、六项规定的，处罚款。
"""


@pytest.fixture(scope="module")
def lists():
    return parse_text(LIST_TEXT, "<lists>")


def _internal(doc, eid=None):
    return [(r.eid, r.text, [links.dotted(t) for t in r.targets])
            for r in links.references(doc) if r.kind == "internal" and (eid is None or r.eid == eid)]


def test_abbreviated_item_lists(lists):
    assert _internal(lists, "art_2__para_2") == [("art_2__para_2", "前款第三、四项", ["2.1.3", "2.1.4"])]
    assert _internal(lists, "art_2__para_3") == [("art_2__para_3", "第一款第（一）、（二）项", ["2.1.1", "2.1.2"])]
    assert _internal(lists, "art_3__para_1") == [("art_3__para_1", "本条例第二条第一款第（三）项", ["2.1.3"])]
    assert _internal(lists, "art_3__para_2") == [
        ("art_3__para_2", "第二条第一款第三项至第五项", ["2.1.3", "2.1.4", "2.1.5"])]


def test_abbreviated_ranges_and_bracketed_items_without_di(lists):
    assert _internal(lists, "art_4__para_1") == [
        ("art_4__para_1", "本条例第二条第一款第一至三项", ["2.1.1", "2.1.2", "2.1.3"]),
        ("art_4__para_1", "第（四）项", ["2.1.4"]),
        ("art_4__para_1", "（五）项", ["2.1.5"]),
    ]
    assert _internal(lists, "art_4__para_2") == [
        ("art_4__para_2", "第二条（三）、（四）项", ["2.1.3", "2.1.4"]),
        ("art_4__para_2", "第三条第一、二款", ["3.1", "3.2"]),
    ]


def test_article_lists_resolve_to_each_target(lists):
    assert _internal(lists, "art_5__para_1") == [
        ("art_5__para_1", "第一条", ["1"]), ("art_5__para_1", "第二条", ["2"]),
        ("art_5__para_1", "第四条", ["4"]), ("art_5__para_1", "第一条", ["1"]),
        ("art_5__para_1", "第三条", ["3"])]
    assert _internal(lists, "art_5__para_2") == [
        ("art_5__para_2", "第二条第一款第三项", ["2.1.3"]), ("art_5__para_2", "第四项", ["2.1.4"]),
        ("art_5__para_2", "第二条第一款第（一）至（三）项", ["2.1.1", "2.1.2", "2.1.3"])]


def test_bare_items_after_a_list_belong_to_the_same_paragraph(lists):
    # 违反第二条第一款第一、二、五项……；违反第三、四项: the items of 第二条第一款, not of 第六条
    assert _internal(lists, "art_6__para_1") == [
        ("art_6__para_1", "第二条第一款第一、二、五项", ["2.1.1", "2.1.2", "2.1.5"]),
        ("art_6__para_1", "第三、四项", ["2.1.3", "2.1.4"])]


def test_a_missing_number_in_a_list_is_a_warning_naming_it(lists):
    assert _internal(lists, "art_7__para_1") == [("art_7__para_1", "第二条第一款第四、五、六项", [])]
    w = [x for x in links.link_warnings(lists) if "第六项" in x.message]
    assert len(w) == 1 and w[0].line == LIST_TEXT.splitlines().index(
        "第七条　违反第二条第一款第四、五、六项规定的，处罚款。") + 1


def test_what_an_unresolved_reference_gets_wrong():
    doc = parse_text("示例条例\n第一条　依照前款规定处理。\n第二条　第三条至第一条另有规定的除外。\n"
                     "第三条　依照本条例第九条处理。\n第四条　有下列情形的，处罚款。\n", "<t>")
    kinds = {r.text: links.problem_kind(r.warning) for r in links.references(doc) if r.kind == "internal"}
    assert kinds == {"前款": "previous", "第三条至第一条": "range", "本条例第九条": "missing", "下列": "list"}
    assert links.problem_kind(None) is None


def test_lists_are_not_taken_from_prose():
    doc = parse_text("第一条　第一、二季度的报告，由第三、四名工作人员汇总。\n", "<t>")
    assert _internal(doc) == []


THAT_TEXT = """第一条　违反《中华人民共和国行政处罚法》规定的，依照该法第十条处理。

第二条　依照《中华人民共和国行政许可法》和《中华人民共和国行政处罚法》的规定，该法第五条另有规定的除外。

第三条　依照《四川省城乡规划条例》和《中华人民共和国城乡规划法》，该条例第九条另有规定的除外。

第四条　该法第三条另有规定的除外。
"""


def test_that_law_is_the_law_named_just_before():
    doc = parse_text(THAT_TEXT, "<t>")
    ext = [(r.eid, r.text, r.target, r.pinpoint) for r in links.references(doc) if r.kind == "external"]
    assert ("art_1__para_1", "该法第十条", "中华人民共和国行政处罚法", "第十条") in ext
    # two laws named before 该法: ambiguous, skipped (and not an internal reference either)
    assert not [x for x in ext if x[0] == "art_2__para_1" and x[1].startswith("该法")]
    # 该条例 fits only the 条例 of the two
    assert ("art_3__para_1", "该条例第九条", "四川省城乡规划条例", "第九条") in ext
    # nothing named before: skipped
    assert not [x for x in ext if x[0] == "art_4__para_1"]
    assert not [r for r in links.references(doc) if r.kind == "internal"]


BOUND_TEXT = """第一条　全国人民代表大会常务委员会关于惩治违法行为的决定（以下简称决定）施行。

第二条　犯前款罪的，处三年以下有期徒刑；被判处有期徒刑以上刑罚的，五日以内报告；县级（含县级）以上。

第三条　黑社会性质的组织应当同时具备以下特征，没收实施以上犯罪的财物；以下统称组织。

第四条　本法所称以上、以下、以内，包括本数。
"""


def test_bound_words_are_uses_only_after_a_quantity():
    doc = parse_text(BOUND_TEXT, "<t>")
    assert [d.term for d in links.definitions(doc)] == ["以上", "以下", "以内"]
    uses = [(u.eid, doc.get(u.eid).text[u.start - 2:u.end]) for u in links.term_uses(doc)]
    assert uses == [("art_2__para_1", "三年以下"), ("art_2__para_1", "徒刑以上"), ("art_2__para_1", "五日以内"),
                    ("art_2__para_1", "级）以上")]


def test_term_list_written_as_plain_paragraphs():
    # 下列用语的含义： with its entries as plain paragraphs (no （一） markers): only the paragraphs
    # after it define, not the one before it nor those of the next article
    doc = parse_text("第一条　甲，是指乙。\n\n下列用语的含义：\n\n社区，是指居民委员会辖区。\n\n"
                     "网格，是指管理单元。\n\n第二条　丙，是指丁。\n", "<t>")
    assert [(d.term, d.eid) for d in links.definitions(doc)] == [("社区", "art_1__para_3"), ("网格", "art_1__para_4")]


def test_no_use_strictly_inside_a_fixed_function_word():
    doc = parse_text("第一条　下列用语的含义：\n\n（一）下，是指下游。\n\n（二）外国人，是指外籍人员。\n\n"
                     "第二条　本市以下简称市，以外国人名义登记的，下游除外。\n", "<t>")
    assert {d.term for d in links.definitions(doc)} == {"下", "外国人"}
    got = [(u.term, doc.get(u.eid).text[u.start:u.end + 1]) for u in links.term_uses(doc) if u.eid == "art_2__para_1"]
    # 下 inside 以下简称 is no use; 外国人 straddling 以外 still is (以 外国人名义); 下游 is
    assert got == [("外国人", "外国人名"), ("下", "下游")]


def test_corpus_text_pointing_bound_words_are_not_uses():
    need_shared(CORPUS)
    doc = parse_file(str(CORPUS / "刑法" / "刑法.md"))
    uses = links.term_uses(doc)
    near = {doc.get(u.eid).text[u.start - 2:u.end + 2] for u in uses if u.term in ("以上", "以下", "以内")}
    assert "具备以下特征" not in near and "实施以上犯罪" not in near
    assert "三年以下有期" in near and "徒刑以上刑罚" in near
    assert sum(u.term in ("以上", "以下", "以内") for u in uses) > 500


def test_corpus_abbreviated_lists_resolve():
    need_shared(CORPUS)
    doc = parse_file(str(CORPUS / "行政法" / "海洋环境保护法(2017-11-04).md"))
    got = {(r.text, ",".join(links.dotted(t) for t in r.targets)) for r in links.references(doc)
           if r.eid == "art_73__para_2" and r.kind == "internal"}
    assert got == {("前款第（一）、（三）项", "73.1.1,73.1.3"), ("前款第（二）、（四）项", "73.1.2,73.1.4")}


def test_seed_no_use_inside_a_title_or_its_own_definition(seed_doc):
    import re
    defs = links.definitions(seed_doc)
    uses = links.term_uses(seed_doc)
    assert len(uses) == 87
    for u in uses:
        text = seed_doc.get(u.eid).text
        assert not any(m.start() <= u.start < m.end() for m in re.finditer(r"《[^》]*》", text)), u
        assert not any(d.eid == u.eid and d.term == u.term and d.start <= u.start < d.body_end for d in defs), u
    # issue 12: a use is the term standing alone, not the first characters of another noun: 社区矫正, 社区教育
    # (社会治安、社区矫正、公共卫生…) and 社区就业 (推进社区就业、社会保障、社会救助) are not uses of 社区; inside other
    # longer phrases that are not defined terms it is (社区志愿者, 社区居民, 产业社区)
    near = {seed_doc.get(u.eid).text[u.start:u.end + 2] for u in uses if u.term == "社区"}
    assert not {"社区矫正", "社区教育", "社区就业"} & near
    assert {"社区志愿", "社区居民", "社区治理"} <= near
    assert any(seed_doc.get(u.eid).text[u.start - 2:u.end] == "产业社区" for u in uses)
    assert any(seed_doc.get(u.eid).text[u.start:u.end + 2] == "社区服务机构" for u in uses if u.term == "社区服务")


def test_a_term_beginning_another_listed_noun_is_no_use():
    # the rule on its own, and where it holds back: an item shaped like its neighbours (three or more, without the
    # term) and made of the term and an activity word is another noun; a term modifying the list, repeated in every
    # item, followed by a plain noun, or in an item of another length, is a use
    from kb.layers.links.terms import heads_a_listed_noun as other_noun

    assert other_noun("社会治安、社区矫正、公共卫生", 5, 7)
    assert other_noun("应当推进社区就业、社会保障、社会救助", 4, 6)
    assert not other_noun("社区文化、卫生、教育、科普", 0, 2)
    assert not other_noun("气瓶、燃气储罐、燃气罐车、燃气管道", 3, 5)
    assert not other_noun("明确湿地名称、地理坐标、四至范围", 2, 4)          # 名称: a plain noun, a thing of the 湿地
    assert not other_noun("社会组织、社会工作者、社区志愿者、社会慈善资源", 11, 13)
    assert not other_noun("社区矫正、公共卫生", 0, 2)                      # two items are no enumeration to go by
    assert not other_noun("社区应当坚持政府主导、鼓励社会参与、推动共建共享", 0, 2)
