"""What newcomer review 6 (issue 12) found in pages kb writes, checked in a real browser on a phone-sized window."""
from __future__ import annotations

import shutil

from conftest import ROOT, run_kb

from test_site import serve, shared_browser

PHONE = {"width": 390, "height": 844}


def _phone_page(browser, base):
    ctx = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    return ctx, ctx.new_page()


def test_the_check_report_fits_a_phone(tmp_path, capsys):
    # item 2: kb check --format html heads the page with the checked file's path, which has no place to break: on a
    # 390-pixel phone the page was 422 pixels wide (the seed at /work/newcomer6/regulation/suining-community/draft.txt)
    # and scrolled sideways ("/work/newcomer6/regulation/suining-" has no break in it).  The file here sits in a folder
    # of one long word.
    browser = shared_browser()
    folder = tmp_path / "draftsofthecommunityregulation" / "suiningcommunity"
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "regulation/suining-community/draft.txt", folder / "draft.txt")
    site = tmp_path / "out"
    site.mkdir()
    rc, _, err = run_kb(["check", str(folder / "draft.txt"), "--format", "html", "-o", str(site / "index.html")],
                        ROOT, capsys)
    assert rc == 1, err
    srv, base = serve(site)
    ctx, pg = _phone_page(browser, base)
    try:
        pg.goto(base)
        assert str(folder / "draft.txt") in pg.inner_text("h1")     # the path is still there, whole
        assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        # and a finding's card stays inside the window too
        right = pg.evaluate("Math.max(...[...document.querySelectorAll('.f')].map(e => e.getBoundingClientRect().right))")
        assert right <= PHONE["width"]
    finally:
        ctx.close()
        srv.shutdown()
