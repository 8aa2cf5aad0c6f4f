"""The site's amendment pages (kb.site.amendments): a version registered from a decision gets the
decision as its list of changes, each linked to the article it changes before and after; a
regulation with several versions gets the history of its articles.  Built through `kb amend
--register` and `kb build`'s own function, opened in a real headless Chromium."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html as lh

from conftest import DATA, run_kb
from test_site import CHROMIUM, check_links, make_project, serve

AMEND = DATA / "amend"


@pytest.fixture(scope="module")
def amended_site(tmp_path_factory) -> Path:
    from kb.cli.site import build_site

    src = tmp_path_factory.mktemp("reg") / "test"
    src.mkdir()
    shutil.copy(AMEND / "base.txt", src / "v1.txt")
    (src / "meta.yml").write_text("title: 某市测试管理条例\nversions:\n  - name: v1\n    label: 2020年通过\n"
                                  "    file: v1.txt\n    status: 通过\n    date: 2020-03-01\n", encoding="utf-8")
    proj = make_project(tmp_path_factory.mktemp("amended"), {"test": src})
    class _Cap:             # run_kb reads its output through capsys; a module fixture has none
        def readouterr(self):
            return "", ""
    rc, _, _ = run_kb(["amend", "test@v1", str(AMEND / "decision-forms.txt"), "--register", "v2"], proj, _Cap())
    assert rc == 0
    out = proj / "site"
    build_site(proj, str(out), catalog=False)
    return out


def test_decision_page_lists_each_change_linked_to_its_article(amended_site):
    page = amended_site / "test" / "v2" / "decision" / "index.html"
    t = lh.fromstring(page.read_bytes())
    items = t.xpath("//li[contains(@class,'kb-instruction')]")
    assert len(items) == 18
    moved = items[15]
    assert "将第九条移至第十条后" in moved.text_content()
    hrefs = [a.get("href") for a in moved.xpath(".//a")]
    assert any("v1/" in h and h.endswith("#art_9") for h in hrefs)       # before: the old 第九条
    assert any("v1/" not in h and h.endswith("#art_10") for h in hrefs)  # after: now 第十条 (this version)
    assert "18 项指令" in t.text_content() and "7 条重新编号" in t.text_content()


def v2_label() -> str:
    return "根据《某市人民代表大会常务委员会关于修改〈某市测试管理条例〉的决定》修正"


def test_history_page_gives_versions_in_force_and_each_articles_changes(amended_site):
    t = lh.fromstring((amended_site / "test" / "v2" / "history" / "index.html").read_bytes())
    text = t.text_content()
    assert "2020-03-01" in text and "2024-07-01" in text
    assert t.xpath("//h2[@id='versions']")[0].text_content() == "各版本日期与施行日期"      # no draft among them
    # v1's own clause (第十一条 本条例自2020年3月1日起施行); v2 registered from a decision adopted 2024-06-01 that
    # takes effect 2024年7月1日
    assert [[td.text_content() for td in tr.xpath("td")[:3]]
            for tr in t.xpath("//table[@class='kb-history-versions']/tbody/tr")] \
        == [["2020-03-01", "2020年通过", "自 2020-03-01 起施行（据第十一条）"],
            ["2024-06-01", v2_label(), "自 2024-07-01 起施行（据修改决定）"]]
    assert "某日施行的文本：已通过的版本中施行日期不晚于该日的最后一个" in text and "草案" not in text
    sec = t.xpath("//section[@id='h-art_10']")[0].text_content()
    assert "第十六项：移动（第九条）" in sec and "原第九条，现第十条" in sec
    assert "第八条（投诉举报）" in text and "新增" in t.xpath("//section[@id='h-art_8']")[0].text_content()


def test_every_link_of_the_amended_site_resolves(amended_site):
    n, broken = check_links(amended_site)
    assert n > 0 and not broken, broken[:10]


def test_the_decision_page_in_a_browser(amended_site):
    if not CHROMIUM.exists():
        pytest.skip("没有 /usr/bin/chromium（测试命令会安装 Debian 的 chromium）")
    import playwright.sync_api as sync_api
    from test_site import ARGS

    srv, base = serve(amended_site)
    try:
        with sync_api.sync_playwright() as p:
            b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            pg = b.new_page()
            errors = []
            pg.on("pageerror", lambda e: errors.append(str(e)))
            pg.goto(base + "test/v2/decision/")
            assert pg.locator("li.kb-instruction").count() == 18
            pg.locator("li.kb-instruction").nth(15).locator("a[href$='#art_10']").first.click()
            pg.wait_for_load_state()
            assert pg.url.endswith("#art_10")
            assert "违反第四条的责任" in pg.locator("#art_10").inner_text()
            b.close()
            assert errors == []
    finally:
        srv.shutdown()
