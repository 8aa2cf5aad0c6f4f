"""kb search of a law's provision (notes/review-newcomer4.md, item 4): 城市居民委员会组织法第三条 --
with a space, in 《》, with the full title or a shorter name -- shows that article of that law, then the
provisions that cite it (that article first, then the law as a whole), as kb search 第15条 does for a
provision of the text searched.  A copy of the seed and of three laws the knowledge base holds, built
by each engine."""
from __future__ import annotations

import shutil

import pytest

from conftest import CORPUS, ROOT, copy_seed, need_shared, run_kb
from kb.catalog import open_catalog
from kb.catalog.citing import law_citation, pinpoint_eids
from test_search_review3 import as_json, kb

LAWS = ("城市居民委员会组织法", "村民委员会组织法", "民法典-物权编")
RESIDENTS = "中华人民共和国城市居民委员会组织法"


def project(p, laws=LAWS):
    (p / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", p / "mkdocs.yml")
    copy_seed(p / "regulation" / "suining-community")
    for law in laws:
        shutil.copytree(ROOT / "regulation" / law, p / "regulation" / law)
    open_catalog(p).build()
    return p


@pytest.fixture(scope="module")
def proj(tmp_path_factory, engine):
    return project(tmp_path_factory.mktemp("cited") / "proj")


def where(h) -> tuple[str, str]:
    return h["regulation"], h["eid"]


@pytest.mark.parametrize("query", ["城市居民委员会组织法第三条", "城市居民委员会组织法 第三条", "居民委员会组织法第三条",
                                   "《中华人民共和国城市居民委员会组织法》第三条", "《城市居民委员会组织法》 第3条"])
def test_a_laws_article_is_shown_then_what_cites_the_law(proj, capsys, query):
    data = as_json(proj, capsys, query)
    assert [where(h) for h in data["provisions"]] == [("城市居民委员会组织法", "art_3")]
    assert data["provisions"][0]["snippet"].startswith("居民委员会的任务：")
    assert data["cited"]["laws"] == [{"title": RESIDENTS, "regulations": ["城市居民委员会组织法"]}]
    # the seed's 第一条 cites the law (根据《中华人民共和国城市居民委员会组织法》等有关法律法规), no text its 第三条
    assert ("suining-community", "art_1__para_1") in [where(h) for h in data["hits"]]
    assert data["cited"]["citing_provision"] == 0 and data["count"] == len(data["hits"])


def test_the_listing_says_which_provisions_cite_the_article_and_which_the_law(proj, capsys):
    rc, out, err = kb(proj, capsys, "城市居民委员会组织法第三条")
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("第三条") and RESIDENTS in lines[0]
    assert f"没有条文写明引用《{RESIDENTS}》第三条。" in lines
    head = lines.index(f"引用《{RESIDENTS}》（未写明条文）的条文：")
    assert lines[head + 1].startswith(" 1. 第一条") and "遂宁市社区发展治理促进条例" in lines[head + 1]


def test_a_citation_of_the_article_itself_comes_first(proj, capsys):
    # 村民委员会组织法 第十九条: 补选程序参照本法第十五条的规定办理
    rc, out, err = kb(proj, capsys, "村民委员会组织法第十五条")
    assert rc == 0, err
    lines = out.splitlines()
    head = lines.index("引用《中华人民共和国村民委员会组织法》第十五条的条文：")
    assert lines[head + 1].startswith(" 1. 第十九条") and "村民委员会组织法" in lines[head + 1]
    data = as_json(proj, capsys, "村民委员会组织法第十五条")
    assert data["cited"]["citing_provision"] == 1 and where(data["hits"][0]) == ("村民委员会组织法", "art_19__para_1")


def test_a_law_held_in_part_shows_the_article_from_the_part_that_holds_it(proj, capsys):
    data = as_json(proj, capsys, "民法典第二百七十七条")
    assert [where(h) for h in data["provisions"]] == [("民法典-物权编", "art_277")]
    # the seed's 第三十二条: 市、县（市、区）人民政府应当落实民法典等法律法规中有关特别法人制度
    assert ("suining-community", "art_32__para_1") in [where(h) for h in data["hits"]]


def test_the_options_narrow_the_citing_provisions(proj, capsys):
    data = as_json(proj, capsys, "城市居民委员会组织法第三条", "-r", "suining-community")
    assert [where(h) for h in data["hits"]] == [("suining-community", "art_1__para_1")]
    assert [where(h) for h in data["provisions"]] == [("城市居民委员会组织法", "art_3")]


def test_a_law_the_knowledge_base_does_not_hold_is_still_found_cited(tmp_path, capsys, engine):
    p = project(tmp_path / "p", laws=())
    rc, out, err = kb(p, capsys, "城市居民委员会组织法第三条")
    assert rc == 0, err
    assert out.splitlines()[0] == f"知识库中没有《{RESIDENTS}》"
    assert "第一条（立法目的依据）" in out


def test_words_that_only_look_like_a_law_are_searched_as_words(proj, capsys):
    rc, _, err = kb(proj, capsys, "本规定第三条")
    assert rc == 1 and "没有找到“本规定第三条”" in err
    assert law_citation("社区") is None and law_citation("第十五条") is None


@pytest.mark.parametrize("pinpoint, eids", [
    ("第十三条、第十四条、第十五条和第十六条", ["art_13", "art_14", "art_15", "art_16"]),
    ("第十三条至第十五条", ["art_13", "art_14", "art_15"]),
    ("第十三、十四条", ["art_13", "art_14"]),
    ("第三条第二款", ["art_3", "art_3__para_2"]),
    ("第三条第一、二款和第五条", ["art_3", "art_5"]),
    ("第三章", []),
])
def test_a_pinpoint_cites_every_article_it_names(pinpoint, eids):
    assert pinpoint_eids(pinpoint) == eids


# ---- code review 5

@pytest.mark.parametrize("option", [("-r", "nosuch"), ("-v", "nosuch"), ("--actor", "不存在的主体"), ("--chapter", "99"),
                                    ("-r", "suining-community", "--chapter", "99"),
                                    ("-r", "suining-community", "-v", "nosuch")])
@pytest.mark.parametrize("query", ["城市居民委员会组织法第三条", "第三条"])
def test_a_name_that_points_nowhere_is_an_error_though_the_provision_is_shown(proj, capsys, query, option):
    # item 1: the provision is shown whatever the filters are, so the check of the names they give
    # was never reached; a word search says it (exit 2), and so must a search of a provision
    rc, out, err = kb(proj, capsys, query, *option)
    want_rc, _, want = kb(proj, capsys, "居民", *option)
    assert want_rc == 2 and want.startswith("错误：") and out == ""
    assert (rc, err) == (2, want)


@pytest.mark.parametrize("option", [("-r", "suining-community"), ("--actor", "居委会"), ("--chapter", "第三章"),
                                    ("-v", "all")])
def test_a_name_that_exists_still_shows_the_provision(proj, capsys, option):
    data = as_json(proj, capsys, "城市居民委员会组织法第三条", *option)
    assert [where(h) for h in data["provisions"]] == [("城市居民委员会组织法", "art_3")]


#: a corpus text whose 第五十三条 cites 防洪法 as a whole and its 第六十五条 (违反《防洪法》和本办法，依照《防洪法》
#: 第六十五条规定); its 第一条 and 第四十六条 cite the law as a whole
FLOOD = "DLC/北京地方法规/地方性法规/北京/北京市实施《防洪法》办法(2019-07-26).md"


@pytest.fixture(scope="module")
def flood(tmp_path_factory, engine):
    need_shared(CORPUS)
    p = tmp_path_factory.mktemp("flood") / "proj"
    (p / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", p / "mkdocs.yml")
    reg = p / "regulation" / "beijing-fanghong"
    reg.mkdir()
    shutil.copy(CORPUS / FLOOD, reg / "2019-07-26.md")
    (reg / "meta.yml").write_text("title: 北京市实施《中华人民共和国防洪法》办法\nversions:\n"
                                  "- {name: '2019-07-26', label: '2019-07-26', file: 2019-07-26.md}\n", encoding="utf-8")
    open_catalog(p).build()
    return p


@pytest.mark.parametrize("extra", [(), ("--all-hits",)])
def test_the_total_counts_an_article_citing_the_provision_and_the_law_once_whatever_the_limit(flood, capsys, extra):
    # item 2: 第五十三条 is in both lists (the provision's citers, the law's); a limit that hid its second
    # place counted it twice (显示前 1 条，共 4 条)
    every = as_json(flood, capsys, "防洪法第六十五条", "--limit", "0", *extra)
    assert [h["eid"].split("__")[0] for h in every["hits"]] == ["art_53", "art_1", "art_46"]
    assert every["count"] == 3 and every["cited"]["citing_provision"] == 1
    for n in (1, 2, 3):
        data = as_json(flood, capsys, "防洪法第六十五条", "--limit", str(n), *extra)
        assert (data["count"], data["shown"]) == (3, n) and data["hits"] == every["hits"][:n]
    rc, out, _ = kb(flood, capsys, "防洪法第六十五条", "--limit", "1", *extra)
    assert rc == 0 and out.splitlines()[-1].startswith("显示前 1 条，共 3 条")


def test_several_keys_in_cites_find_the_articles_citing_any_of_them(flood):
    from kb.catalog.query import ParsedQuery

    cat, every = open_catalog(flood), ParsedQuery(None, {}, "")      # no words: every article the filters let through
    law = "中华人民共和国防洪法"
    one = {k: [h.article_eid for h in cat.search(every, cites=k, limit=0)] for k in (law, f"{law}#art_65", f"{law}#art_27")}
    assert one == {law: ["art_1", "art_46", "art_53"], f"{law}#art_65": ["art_53"], f"{law}#art_27": ["art_21"]}
    both = cat.search(every, cites=f"{law}#art_65,{law}", limit=1)
    assert both.total == 3 and len(both) == 1
    assert sorted(h.article_eid for h in cat.search(every, cites=",".join(one), limit=0)) == ["art_1", "art_21", "art_46",
                                                                                         "art_53"]


def test_an_article_the_law_lacks_is_said_and_what_cites_the_law_is_listed(proj, capsys):
    # item 3: JSON said it only by an empty provisions list, as for a law the knowledge base does not hold
    data = as_json(proj, capsys, "城市居民委员会组织法第九十九条")
    assert data["cited"]["provision_found"] is False and data["cited"]["eid"] == "art_99"
    assert data["provisions"] == [] and data["cited"]["citing_provision"] == 0
    assert data["cited"]["laws"] == [{"title": RESIDENTS, "regulations": ["城市居民委员会组织法"]}]
    assert ("suining-community", "art_1__para_1") in [where(h) for h in data["hits"]]
    assert as_json(proj, capsys, "城市居民委员会组织法第三条")["cited"]["provision_found"] is True
    rc, out, err = kb(proj, capsys, "城市居民委员会组织法第九十九条")
    assert rc == 0, err          # a search: what it finds is listed (0); found nothing is 1, never 2
    assert out.splitlines()[:2] == [f"《{RESIDENTS}》没有第九十九条", f"没有条文写明引用《{RESIDENTS}》第九十九条。"]
    rc, out, err = kb(proj, capsys, "城市居民委员会组织法第九十九条", "-r", "村民委员会组织法")
    assert (rc, out) == (1, "") and "没有找到“城市居民委员会组织法第九十九条”" in err
    rc, out, err = kb(proj, capsys, "第九十九条", "-r", "城市居民委员会组织法")
    assert (rc, out) == (1, "") and "没有找到“第九十九条”" in err


def test_a_law_not_held_has_no_provision_found(tmp_path, capsys, engine):
    p = project(tmp_path / "p", laws=())
    data = as_json(p, capsys, "城市居民委员会组织法第三条")
    assert data["cited"]["provision_found"] is False and data["cited"]["laws"][0]["regulations"] == []
    assert data["provisions"] == [] and data["hits"]
