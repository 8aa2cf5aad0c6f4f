"""The content model: typed nodes, stable ids, citations, lines, slices."""
from kb.text import model
from kb.text.model import (Annex, Article, Chapter, Document, Item, Node, Paragraph, Part, Preamble, Prologue,
                      Section, Subitem, Subpart, make_node)
from kb.text.numerals import to_chinese
from kb.text.parse import parse_text

TEXT = """测试法

序言

序言一段。

第一编 总则

第一分编 通则

第一章 一般规定

第一节 基本原则

第一条（目的）为了测试：
（一）甲；
1.子；
（二）乙。
第二款。

附件1 名录

名录内容。
"""


def test_every_kind_has_its_typed_class():
    doc = parse_text(TEXT)
    expected = {"preamble": Preamble, "prologue": Prologue, "part": Part, "subpart": Subpart,
                "chapter": Chapter, "section": Section, "article": Article, "paragraph": Paragraph,
                "item": Item, "subitem": Subitem, "annex": Annex}
    seen = set()
    for n in doc.nodes():
        if n.kind in expected:
            assert type(n) is expected[n.kind], n.kind
            assert isinstance(n, Node)
            seen.add(n.kind)
    assert seen == set(expected)
    assert isinstance(make_node("article", "art_1", 0, 0, 1), Article)
    assert model.KIND_NAMES["subitem"] == "目"


def test_stable_ids_citations_lines():
    doc = parse_text(TEXT)
    a = doc.article(1)
    assert [n.eid for n in a.walk()] == [
        "art_1", "art_1__para_1", "art_1__para_1__point_1", "art_1__para_1__point_1__point_1",
        "art_1__para_1__point_2", "art_1__para_2"]
    assert [n.citation for n in a.walk()] == [
        "第一条", "第一条第一款", "第一条第一款第一项", "第一条第一款第一项第一目", "第一条第一款第二项", "第一条第二款"]
    assert [n.line for n in a.walk()] == [15, 15, 16, 17, 18, 19]
    assert doc.get("part_1__chp_1__sec_1").title == "基本原则"
    assert doc.get("part_1__subpart_1").label == "第一分编"
    assert a.heading == "目的" and a.brackets == ("（", "）")
    assert doc.preamble.text == "测试法" and doc.prologue.children[0].text == "序言一段。"
    assert [x.eid for x in doc.annexes] == ["att_1"] and doc.annexes[0].title == "名录"
    assert len(doc.parts) == 1 and len(doc.sections) == 1
    # the same text parses to the same ids
    assert [n.eid for n in parse_text(TEXT).root.walk()] == [n.eid for n in doc.root.walk()]


def test_slices_partition_the_text():
    doc = parse_text(TEXT)
    pos = 0
    for n in doc.root.walk():
        assert n.start == pos or n.kind == "document"
        pos = n.end if n.kind != "document" else pos
    assert pos == len(doc.text) and doc.rebuild() == doc.text
    a = doc.article(1)
    assert doc.raw(a) == "第一条（目的）"
    assert doc.raw(a.children[0]).startswith("为了测试：")


def test_document_is_plain_data_independent_of_cli():
    doc = parse_text(TEXT)
    assert isinstance(doc, Document)
    src = open(model.__file__, encoding="utf-8").read()
    assert "import click" not in src and "from .cli" not in src


def test_derived_eids_and_citations_read_and_find_like_stored_ones():
    """A paragraph's, item's and sub-item's eid and citation are made from the parent's when
    asked (issue 18: their strings were two fifths of a dense text's tree): each reads as before,
    doc.get finds each node by it, what no node has is not found, and a value set is kept."""
    doc = parse_text(TEXT)
    derived = [n for n in doc.root.walk() if model.is_derived_eid(n)]
    assert derived and {n.kind for n in derived} == {"paragraph", "item", "subitem"}
    for n in doc.root.walk():
        assert doc.get(n.eid) is n
        assert "\0" not in n.eid and "\0" not in n.citation
    for n in derived:
        step = model.EID_STEP[n.kind]
        assert n.eid == f"{n.parent.eid}__{step}_{n.number}"
        if n.citation:                              # a prologue's or annex's paragraphs cite nothing
            assert n.citation.startswith(n.parent.citation)
    item = next(n for n in derived if n.kind == "item")
    assert item.citation == f"{item.parent.citation}第{to_chinese(item.number)}项"
    for missing in ("art_1__para_99", "art_1__para_0", "art_1__para_x", "art_1__para_１", "nope__para_1", "art_1__sec_1"):
        assert doc.get(missing) is None
    item.eid, item.citation = "custom", "某处"
    assert (item.eid, item.citation) == ("custom", "某处")


def test_a_text_of_short_lines_parses_in_a_few_hundred_bytes_a_line():
    """The tree's memory (issue 18's bound: 30 × the input + 200 MB): a one-character line (4
    bytes) costs one node, not its eid, citation and look-ahead entries besides (713 bytes a line
    at the parse's peak before; the line objects are let go as they are read)."""
    import tracemalloc

    text = "第一条　开始。\n" + "甲\n" * 100_000
    parse_text("第一条　甲。\n")                # imports and caches outside the measure
    tracemalloc.start()
    try:
        doc = parse_text(text, "short.txt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert doc.rebuild() == text and len(doc.article(1).children) == 100_001
    assert peak / 100_000 < 300, f"{peak / 100_000:.0f} bytes a line at the parse's peak"


def test_a_text_of_one_line_articles_parses_in_under_a_thousand_bytes_an_article():
    """The .docx shape of kb bench memory (one-line articles 第N条　……。): the article's citation
    is made from its number when asked and the builder's look-ahead keeps no entry per article,
    so the parse's peak stays under 950 bytes an article (1,243 before: a 6 MB .docx went over
    30 × the input + 200 MB)."""
    import random
    import tracemalloc

    n = 20_000
    rnd = random.Random(18)
    text = "".join(f"第{k}条　{''.join(chr(0x4E00 + rnd.randrange(20000)) for _ in range(6))}。\n"
                   for k in range(1, n + 1))
    parse_text("第一条　甲。\n")                # imports and caches outside the measure
    tracemalloc.start()
    try:
        doc = parse_text(text, "articles.txt")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert doc.rebuild() == text and len(doc.articles) == n
    assert doc.article(12345).citation == "第一万二千三百四十五条" == doc.get("art_12345__para_1").citation
    assert peak / n < 950, f"{peak / n:.0f} bytes an article at the parse's peak"
