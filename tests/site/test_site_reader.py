"""The public site as a citizen reads it (issue 13): every page says which version and status it shows,
the whole text and the documents people open, the background of a draft, search that forgives, weight
budgets and accessibility.  Built from the seed and from two fixture regulations under
tests/data/site/: ``consult`` (a draft open for comment, with its 起草说明 and notice) and ``inforce``
(a local regulation in force)."""
from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

import pytest

from conftest import DATA
from test_site import built, make_project, serve, site  # noqa: F401 - fixtures shared with test_site

SITE_DATA = DATA / "site"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """A site of the two fixture regulations (no seed)."""
    from kb.cli.site import build_site

    proj = make_project(tmp_path_factory.mktemp("reader"),
                        {"consult": SITE_DATA / "consult", "inforce": SITE_DATA / "inforce"})
    build_site(proj, catalog=False)
    return proj / "site"


def _tree(p: Path):
    from lxml import html as lh

    return lh.fromstring(p.read_bytes())


def _reading_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


# ----------------------------------------------------------------------------- it says "draft" everywhere

def test_every_page_of_the_draft_says_draft_in_tab_heading_and_banner(site):  # noqa: F811
    pages = _reading_pages(site)
    assert len(pages) > 50
    for p in pages:
        t = _tree(p)
        title = t.findtext(".//title")
        assert "草案征求意见稿" in title, (p, title)
        h1 = t.xpath("//article//h1")[0]
        assert "草案征求意见稿" in h1.text_content(), (p, h1.text_content())
        banner = t.xpath("//div[contains(@class,'kb-banner')]")
        assert banner and "草案征求意见稿" in banner[0].text_content(), p
    glossary = _tree(site / "suining-community/draft/glossary/index.html").findtext(".//title")
    assert glossary.startswith("术语（草案征求意见稿）")


def test_the_copied_citation_names_the_draft(site):  # noqa: F811
    t = _tree(site / "suining-community/draft/chp_3/index.html")
    cites = t.xpath("//@data-cite")
    assert "《遂宁市社区发展治理促进条例》（草案征求意见稿）第十五条" in cites
    assert all("（草案征求意见稿）第" in c for c in cites), cites[:3]


def test_the_banner_shows_the_comment_deadline_and_channel(fixture_site):
    t = _tree(fixture_site / "consult/draft/chp_2/index.html")
    banner = t.xpath("//div[contains(@class,'kb-banner')]")[0]
    text = banner.text_content()
    assert "2026年11月1日至2026年11月30日" in text and "示例市人大常委会法制工作委员会" in text
    assert banner.xpath(".//a/@href") == ["mailto:fzw%40example.org"]
    assert "（草案征求意见稿）" in t.findtext(".//title")


def test_pages_of_a_law_in_force_say_its_level_and_validity(fixture_site):
    pages = _reading_pages(fixture_site / "inforce")
    assert pages
    for p in pages:
        t = _tree(p)
        assert "地方性法规·现行有效" in t.findtext(".//title"), p
        body = t.xpath("//article")[0].text_content()
        assert "草案" not in body and "征求意见" not in body, p
        assert "地方性法规" in t.xpath("//div[contains(@class,'kb-banner')]")[0].text_content()
    cites = _tree(fixture_site / "inforce/2024/text/index.html").xpath("//@data-cite")
    assert "《示例市文明行为促进条例》第一条" in cites
