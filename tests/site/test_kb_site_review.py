"""The knowledge-base site as the newcomer review found it (issue 14's items 3, 7, 13, 15 and 16): the seed with a
second version (the README's kb add example), both 民法典 excerpts, the 北京 办法 whose title holds a title, and
居委会组织法 — real texts, built once."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT, copy_seed, need_shared, run_kb

from test_site import make_project

JW = "城市居民委员会组织法"
BJ = "北京市实施中华人民共和国城市居民委员会组织法办法"
BJ_TITLE = "北京市实施《中华人民共和国城市居民委员会组织法》办法"


@pytest.fixture(scope="module")
def review_site(tmp_path_factory):
    from kb.cli.site import build_site

    fixture = need_shared() / "fixtures" / "suining-revised-draft.txt"
    tmp = tmp_path_factory.mktemp("reviewsite")
    seed = copy_seed(tmp / "seed-src")
    regs = {"suining-community": seed, JW: ROOT / "regulation" / JW, BJ: ROOT / "regulation" / BJ,
            "民法典-物权编": ROOT / "regulation" / "民法典-物权编", "民法典-合同编": ROOT / "regulation" / "民法典-合同编"}
    proj = make_project(tmp / "p", regs, "      default_regulation: suining-community\n")
    import _pytest.capture  # noqa: F401  (run_kb reads the captured output: a throw-away capture here)

    class _Cap:
        def readouterr(self):
            return "", ""
    rc, _, _ = run_kb(["add", str(fixture), "-r", "suining-community", "-v", "revised", "--label", "修改稿",
                       "--date", "2025-01-02", "--no-index"], proj, _Cap())
    assert rc == 0
    out = tmp / "site"
    build_site(proj, str(out), catalog=False)
    return out


def _pages(site):
    """Every page, and the rows of every 相关条文 panel (read by the page when the panel is opened)."""
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("index.html")}
    return pages | {p: _panel(p) for p in site.glob("*/*/related/*.html")}


def _panel(path) -> str:
    return path.read_text(encoding="utf-8")


def _article(html: str, eid: str) -> str:
    i = html.index(f'id="{eid}"')
    return html[i:html.index("</section>", i)]


def _page_of(site, version: str, eid: str) -> str:
    for p in sorted((site / "suining-community" / version).glob("chp_*/index.html")):
        html = p.read_text(encoding="utf-8")
        if f'id="{eid}"' in html:
            return html
    raise AssertionError(f"{version} {eid} not found")


def test_home_names_the_part_of_each_excerpt(review_site):
    """Item 7: two rows 中华人民共和国民法典 | 法律 | 全国 | 有效 | 2020 could not be told apart."""
    html = (review_site / "index.html").read_text(encoding="utf-8")
    rows = [r for r in html.split("<tr") if "中华人民共和国民法典" in r and "data-level" in r]
    assert len(rows) == 2
    parts = sorted(re.search(r'class="kb-part">([^<]+)<', r).group(1) for r in rows)
    assert parts == ["合同编（第九百三十七条至第九百五十条）", "物权编（第二百七十一条至第二百八十七条）"]


def test_a_citation_of_the_whole_civil_code_is_not_sent_to_an_excerpt(review_site):
    """Item 3: the seed's 第三十二条 cites 民法典 for its 特别法人 rules; the site held only two other chapters."""
    art = _article(_page_of(review_site, "draft", "art_32"), "art_32")
    assert "民法典-物权编/" not in art and "民法典-合同编/" not in art
    assert ('data-mark="本库只收部分" data-note="本知识库只收《中华人民共和国民法典》的物权编（第二百七十一条至第二百八十七条）、'
            '合同编（第九百三十七条至第九百五十条），不是整部法律"') in art
    assert re.search(r'<span class="kb-ref-missing"[^>]*>民法典</span>', art)


def test_other_versions_are_named_and_titles_are_titles(review_site):
    """Item 13: a 本法规其他版本 row names its version even when it is the latest; item 15: a related row names the
    regulation by its title, not its folder name, and no page nests 《》 in 《》."""
    art = _article(_page_of(review_site, "draft", "art_15"), "art_15")
    assert '<a class="kb-related-link" href="../related/art_15.html">' in art
    panel = _panel(review_site / "suining-community" / "draft" / "related" / "art_15.html")
    versions = panel[panel.index("本法规其他版本"):]
    assert "（修改稿）第十五条" in versions.split("</ul>")[0]
    pages = _pages(review_site)
    related_rows = [m for html in pages.values() for m in re.findall(r'<li><a href="[^"]*">([^<]*)</a> <span class="kb-badge"', html)]
    assert any(t.startswith(BJ_TITLE) for t in related_rows)
    assert not any(t.startswith(BJ) for t in related_rows)          # the folder name
    nested = [str(p.relative_to(review_site)) for p, html in pages.items() if re.search(r"《[^》]*《", html)]
    assert nested == []
    assert any("《北京市实施〈中华人民共和国城市居民委员会组织法〉办法》" in html for html in pages.values())


def test_the_knowledge_wide_actor_page_has_a_pinyin_address(review_site):
    """Item 16: the README says actor pages are at the name in pinyin (actors/juminweiyuanhui/)."""
    page = review_site / "actors" / "juminweiyuanhui" / "index.html"
    assert page.is_file() and "居民委员会（全部法规）" in page.read_text(encoding="utf-8")
    assert not [p for p in (review_site / "actors").iterdir() if re.fullmatch(r"[0-9a-f]{8}", p.name)]


def test_site_search_does_not_nest_book_title_marks(review_site):
    """Item 15: a search across the knowledge base named the 北京 办法 《北京市实施《中华人民共和国……》办法》."""
    import json

    from test_site import _search, serve, shared_browser

    b = shared_browser()
    srv, base = serve(review_site)
    ctx = b.new_context()
    try:
        pg = ctx.new_page()
        pg.goto(base)
        shown = json.dumps(_search(pg, "居民会议"), ensure_ascii=False)
    finally:
        ctx.close()
        srv.shutdown()
    assert "北京市实施〈中华人民共和国城市居民委员会组织法〉办法" in shown, shown[:2000]
    assert not re.search(r"《[^》]*《", shown)


def test_the_history_of_two_drafts_shows_no_version_in_force(review_site, capsys):
    """Newcomer review 4, item 7: after the README's kb add … -v revised --date 2025-01-02 the 条文沿革 page headed
    its table 各版本施行日期, told how to find the text 施行 on a day, and said each article of the 征求意见稿 was
    制定 — while kb show --as-of says 草案不施行.  The page now agrees with the command."""
    from lxml import html as lh

    t = lh.fromstring((review_site / "suining-community" / "revised" / "history" / "index.html").read_bytes())
    text = t.text_content()
    assert t.xpath("//h2[@id='versions']")[0].text_content() == "各版本日期"
    rows = [[td.text_content().strip() for td in tr.xpath("td")] for tr in t.xpath("//table[@class='kb-history-versions']/tbody/tr")]
    assert [r[:3] for r in rows] == [["2025-01-02", "修改稿", "草案，不施行"], ["（未注明）", "草案征求意见稿", "草案，不施行"]]
    assert "施行日期" not in text and "某日施行的文本" not in text and "制定" not in text
    assert "草案不施行，没有一个版本施行" in text and "自起草以来未作修改" in text
    first = t.xpath("//section[@id='h-art_1']//li")[0].text_content()
    assert "草案征求意见稿" in first and "起草" in first
    rc, out, err = run_kb(["show", "15", "-r", "suining-community", "--as-of", "2025-03-01"], review_site.parent / "p", capsys)
    assert rc == 1 and "草案不施行" in err


def _top_bar(html: str) -> str:
    """The first words of the header (material's md-header__topic)."""
    i = html.index('class="md-header__topic"')
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[i:html.index("</div>", i)])).strip(' "class=md-header__topic>')


def test_each_regulation_s_pages_carry_its_own_title_in_the_top_bar(review_site):
    """Review newcomer 4, item 15: every page said the site's name (the seed's title) in the top bar, including
    北京市物业管理条例's."""
    bj = next((review_site / BJ).glob("*/index.html")).read_text(encoding="utf-8")
    assert _top_bar(bj) == BJ_TITLE
    jw = next((review_site / JW).glob("*/text/index.html")).read_text(encoding="utf-8")
    assert _top_bar(jw) == "中华人民共和国城市居民委员会组织法"
    seed = (review_site / "suining-community/draft/chp_3/index.html").read_text(encoding="utf-8")
    assert _top_bar(seed).startswith("遂宁市社区发展治理促进条例")
    assert _top_bar((review_site / "index.html").read_text(encoding="utf-8")) == "测试站点"     # the site's own pages


def test_the_compare_page_names_the_new_version_once(review_site):
    """Item 15: "草案征求意见稿 → 修改稿（修改稿）"."""
    page = next(review_site.glob("suining-community/compare-*/index.html")).read_text(encoding="utf-8")
    title = re.search(r"<title>([^<]*)</title>", page).group(1)
    assert title.startswith("草案征求意见稿 → 修改稿") and "修改稿（修改稿）" not in title
    assert "修改稿（修改稿）" not in _text_of(page)


def _text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_related_page_is_a_page_of_the_site_with_a_way_back(review_site):
    """Item 15: related/art_15.html, behind 另页列出, had no stylesheet and no link back to 第十五条 or the site."""
    from lxml import html as lh

    f = review_site / "suining-community" / "draft" / "related" / "art_15.html"
    t = lh.fromstring(f.read_bytes())
    css = t.xpath("//link[@rel='stylesheet']/@href")
    assert css and all((f.parent / h).resolve().is_file() for h in css)
    back = t.xpath("//nav[@class='kb-related-back']//a")
    assert back[0].text_content() == "← 返回第十五条" and back[0].get("href") == "../chp_3/#art_15"
    target = (f.parent / back[0].get("href").split("#")[0] / "index.html").read_text(encoding="utf-8")
    assert 'id="art_15"' in target
    assert any((f.parent / a.get("href") / "index.html").resolve() == (review_site / "index.html").resolve() for a in back)
    assert t.xpath("//div[@class='kb-related-rows']")          # what kb.js reads into the panel is still there


def test_the_related_page_of_an_older_version_leads_to_the_same_article_in_the_latest(review_site):
    """Item 15: its 查看最新版本 went to the revised version's overview, not to its 第十五条."""
    from lxml import html as lh

    f = review_site / "suining-community" / "draft" / "related" / "art_15.html"
    t = lh.fromstring(f.read_bytes())
    href = t.xpath("//div[contains(@class,'kb-banner')]//a[text()='查看最新版本']/@href")[0]
    page, _, anchor = href.partition("#")
    assert "/revised/" in (f.parent / page).resolve().as_posix() + "/" and anchor == "art_15"
    assert f'id="{anchor}"' in ((f.parent / page).resolve() / "index.html").read_text(encoding="utf-8")
