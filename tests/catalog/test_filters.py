"""The facet filters' allow and mask sets, tested in one place (kb.catalog.searching.admits): a count beyond the
limit, the provisions an address names and the chapters a regulation has all let the same documents through, in
both engines."""
from __future__ import annotations


def test_admits_lets_through_what_allow_holds_and_mask_does_not():
    from kb.catalog.searching import admits, admitted

    assert admits(3, None, None) and admits(3, {3}, None) and not admits(3, {4}, None)
    assert not admits(3, None, {3}) and not admits(3, {3}, {3}) and admits(0, {0}, set())
    assert list(admitted([5, 0, 3, 4], {0, 3, 5}, {5})) == [0, 3]


def test_a_limited_search_counts_what_an_unlimited_one_lists(seed_cat):
    """The total beyond the limit (the engine's count of the matches its filters admit) is the number of hits every
    hit is listed with, under an allow set (-r) and a mask (articles: no definitions, no headings)."""
    for kw in ({"type": "article"}, {"type": "article", "regulation": "suining-community"}, {}):
        every = seed_cat.search("居民委员会", limit=0, **kw)
        first = seed_cat.search("居民委员会", limit=1, **kw)
        assert len(every) > 5 and first.total == len(every), kw


def test_a_chapter_the_regulation_lacks_is_named_with_those_it_has(seed_cat):
    why = seed_cat.unknown_filter(regulation="suining-community", chapter="第九章")
    assert why.startswith("法规“suining-community”没有第九章；它有：第一章、第二章、"), why
    assert seed_cat.unknown_filter(regulation="suining-community", chapter="第二章") is None


def test_a_chapter_filter_reads_the_label_kb_writes_for_it():
    """kb.catalog.query reads a --chapter label into the key the catalog holds; kb.catalog.searching writes a key back as
    that label (a message naming the chapters a regulation has): one table of the containers for both ways."""
    from kb.catalog.query import CONTAINERS, _chapter_key
    from kb.catalog.searching import container_label

    for key in ("part_2", "subpart_1", "part_1__subpart_2", "chp_3__sec_1", "part_2__chp_3", "part_2__chp_3__sec_1"):
        label = container_label(key)
        assert label.startswith("第") and _chapter_key(label, label) == key, key
    assert container_label("9") == "第九章" and _chapter_key("第九章", "第九章") == "9"
    assert "".join(CONTAINERS.values()) == "编分编章节"
