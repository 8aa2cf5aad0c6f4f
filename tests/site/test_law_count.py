"""The two 民法典 excerpts of the knowledge base (regulation/民法典-合同编, 民法典-物权编: meta.yml ``part``) are two folders,
shown, searched and related apart, but one law: every count of regulations counts them once — the home page's heading
and its filters' count, the actor pages across regulations (which actors get one, and how many regulations each
names), ``kb obligations --regulation all`` and ``python3 -m kb.dev.page_weight``.  Built from the shipped texts."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT

from test_site import make_project, serve, shared_browser

REGS = ("民法典-合同编", "民法典-物权编", "北京市物业管理条例")


@pytest.fixture(scope="module")
def law_project(tmp_path_factory):
    from kb.cli.site import build_site

    tmp = tmp_path_factory.mktemp("laws")
    proj = make_project(tmp / "p", {r: ROOT / "regulation" / r for r in REGS})
    build_site(proj, str(tmp / "site"), catalog=False)
    return proj, tmp / "site"


def test_laws_count_the_excerpts_of_one_law_once():
    from kb.project import count_laws, laws, load_regulation

    regs = [load_regulation(ROOT, r) for r in REGS]
    assert laws(regs)["民法典-合同编"] == laws(regs)["民法典-物权编"] != laws(regs)["北京市物业管理条例"]
    assert count_laws(regs) == 2 and count_laws(regs[:2]) == 1 and count_laws(regs[1:]) == 2
    # two regulations of one title that are not excerpts (kb add FILE -r brk of a copy) stay two
    import copy

    twin = copy.copy(regs[2])
    twin.id = "brk"
    assert count_laws([regs[2], twin]) == 2


def test_home_page_and_actor_pages_count_one_civil_code(law_project):
    from kb.dev.page_weight import weigh

    _, site = law_project
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "法规库（2 部）" in home                      # was 3: one row per folder
    assert len(re.findall(r"<tr data-level=[^>]* data-law=", home)) == 3 and home.count('data-law="law:中华人民共和国民法典"') == 2
    # 业主 has duties in both excerpts and in 北京市物业管理条例: two regulations (was 3)
    index = (site / "actors" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<a href="yezhu/">业主</a></td><td>[^<]*</td><td class="n">(\d+)', index)
    assert row and row.group(1) == "2"
    page = (site / "actors" / "yezhu" / "index.html").read_text(encoding="utf-8")
    assert "知识库 2 部法规" in page and page.count("<h3 ") == 3        # each excerpt keeps its own group
    assert weigh(site)["regulations"] == 2


def test_obligations_across_counts_one_civil_code(law_project, capsys):
    from conftest import run_kb

    proj, _ = law_project
    rc, out, err = run_kb(["obligations", "--actor", "业主", "--regulation", "all"], proj, capsys)
    assert rc == 0, err
    assert err.rstrip().endswith("，2 部法规"), err                # was 3
    assert out.count("中华人民共和国民法典（") == 2                  # both excerpts listed


def test_the_filters_count_laws_in_the_browser(law_project):
    _, site = law_project
    b = shared_browser()
    srv, base = serve(site)
    ctx = b.new_context()
    try:
        pg = ctx.new_page()
        errors = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(base)
        pg.select_option("select[data-kb-filter=level]", "法律")
        assert pg.locator(".kb-lib-table tbody tr:not([hidden])").count() == 2
        assert pg.locator(".kb-lib-count").inner_text() == "显示 1 部"
        pg.select_option("select[data-kb-filter=level]", "")
        assert pg.locator(".kb-lib-count").inner_text() == "显示 2 部"
        assert errors == []
    finally:
        ctx.close()
        srv.shutdown()
