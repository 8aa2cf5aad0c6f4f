"""An article is written once for both pages that show it, its chapter's and the whole text's
(kb.site.rendering.Renderer.article): the two pages are the HTML they are when the macro writes every article
on each of them — links to the version's nodes (a link to another page on one, an anchor on the other), heading
levels (sections on a chapter page, parts and chapters in the whole text) and the tooltips' definitions — with
directory addresses and without."""
from __future__ import annotations

import pytest

from conftest import ROOT
from test_site import make_project

#: a draft with defined terms and references between its articles; a text in chapters and sections
REGS = ("suining-community", "清远市住宅小区物业管理条例")


def _pages(site) -> dict:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")
            if p.parent.name == "fulltext" or p.name == "fulltext.html" or "/chp_" in p.as_posix()
            or p.parent.name == "text" or p.name == "text.html"}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_an_article_written_once_is_what_the_macro_writes_on_each_page(tmp_path, monkeypatch, directory_urls):
    from kb.cli.site import build_site
    from kb.site import rendering

    proj = make_project(tmp_path / "p", {r: ROOT / "regulation" / r for r in REGS}, "      downloads: false\n")
    if not directory_urls:
        with open(proj / "mkdocs.yml", "a", encoding="utf-8") as f:
            f.write("use_directory_urls: false\n")
    shared = []
    article, filled = rendering.Renderer.article, rendering.Renderer._filled

    def counted(self, html_, eids, level):
        out = filled(self, html_, eids, level)
        shared.append((self.info["kind"], out is not None, len(eids)))
        return out

    monkeypatch.setattr(rendering.Renderer, "_filled", counted)
    build_site(proj, catalog=False, force=True)
    once = _pages(proj / "site")
    # each article of the two versions on its chapter's page and in the whole text: the second of them filled in
    kinds = {k for k, ok, _ in shared if ok}
    assert kinds == {"chapter", "fulltext"} and sum(ok for _, ok, _ in shared) > 200, len(shared)
    assert any(n for _, ok, n in shared if ok), "links to the version's nodes are filled in"

    monkeypatch.setattr(rendering.Renderer, "article", lambda self, a, level, macro: macro(a, level))
    build_site(proj, catalog=False, force=True)
    each = _pages(proj / "site")
    assert set(once) == set(each) and len(once) > 10
    differ = [k for k in each if once[k] != each[k]]
    assert not differ, differ[:5]
    assert article is not rendering.Renderer.article
