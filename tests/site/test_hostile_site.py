"""Hostile content (issue 18): a regulation whose every field — headings, titles, labels, terms, actors,
items, annex, comment address, collections — holds HTML, Markdown, template syntax and attribute lists.
The built site must show all of it as text and run none of it: every page and picture is opened in a
real headless Chromium with a dialog handler, and the downloads are checked for live formulas."""
from __future__ import annotations

import csv
import io
import urllib.parse
import zipfile
from pathlib import Path

import pytest

from conftest import DATA
from test_site import make_project, serve

HOSTILE = DATA / "site" / "hostile"
COLLECTIONS = """      comment_email: "office@example.org?bcc=evil@example.com&subject=<script>alert('mail')</script>"
      collections:
        - title: "专题<img src=x onerror=alert('collection-title')>"
          slug: zhuanti
          description: "说明</title><script>alert('collection-desc')</script>{{ 7*7 }}"
          filters: {actor: "巡查<img src=x onerror=alert('actor')>委员会"}
        - title: "检索{: onclick=alert('collection-attr') }"
          slug: jiansuo
          query: "巡查"
"""


def live_markup(path: Path) -> list[str]:
    """Elements of a page or picture that would run script: an on* handler, a javascript: link, or
    a script element that is not one of the site's own (ours never call alert)."""
    from lxml import etree
    from lxml import html as lh

    data = path.read_bytes()
    tree = etree.fromstring(data) if path.suffix == ".svg" else lh.fromstring(data)
    bad = []
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        tag = etree.QName(el).localname.lower()
        for name, value in el.attrib.items():
            name = etree.QName(name).localname.lower()
            if name.startswith("on") or value.strip().lower().startswith("javascript:"):
                bad.append(f"<{tag} {name}={value[:60]!r}>")
        if tag == "script" and "alert(" in (el.text or ""):
            bad.append(f"<script>{(el.text or '')[:60]}")
    return bad


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    from kb.cli.site import build_site

    proj = make_project(tmp_path_factory.mktemp("hostile"), {"hostile": HOSTILE}, plugin_extra=COLLECTIONS)
    # the project's own mkdocs.yml names its comment address; the make_project default is replaced
    cfg = proj / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("      comment_email: test@example.org\n", ""),
                   encoding="utf-8")
    out = proj / "site"
    build_site(proj, str(out), catalog=False)
    return out


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in (".html", ".svg"))


def test_no_page_source_holds_live_markup(hostile_site):
    bad = [f"{p.relative_to(hostile_site)}: {b}" for p in pages(hostile_site) for b in live_markup(p)]
    assert not bad, "\n".join(bad[:20])


def test_mailto_links_add_no_recipient(hostile_site):
    from lxml import html as lh

    seen = 0
    for p in hostile_site.rglob("*.html"):
        for a in lh.fromstring(p.read_bytes()).iter("a"):
            href = a.get("href") or ""
            if not href.startswith("mailto:"):
                continue
            seen += 1
            u = urllib.parse.urlsplit(href)
            assert set(urllib.parse.parse_qs(u.query)) <= {"subject", "body"}, href
            assert "bcc" not in urllib.parse.unquote(u.path.split("?")[0]).split("@")[0] or "?" not in u.path
            assert urllib.parse.unquote(u.path) == "office@example.org?bcc=evil@example.com&subject=" \
                                                   "<script>alert('mail')</script>", href
    assert seen, "没有意见邮件链接"


def test_downloads_hold_no_live_formula(hostile_site):
    from openpyxl import load_workbook

    xlsx = sorted(hostile_site.rglob("*.xlsx"))
    csvs = sorted(hostile_site.rglob("*.csv"))
    assert xlsx and csvs
    for f in xlsx:
        wb = load_workbook(f)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    assert c.data_type != "f", f"{f.name} {ws.title}!{c.coordinate}: {c.value!r}"
        with zipfile.ZipFile(f) as z:
            assert not any("<f>" in z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    risky = 0
    for f in csvs:
        for row in csv.reader(io.StringIO(f.read_text(encoding="utf-8-sig"))):
            for cell in row:
                assert not cell[:1] in ("=", "+", "-", "@", "\t", "\r"), f"{f.name}: {cell!r}"
                risky += cell.startswith("'=") or cell.startswith("'@") or cell.startswith("'+")
    assert risky, "恶意单元格应以 ' 开头原样保留"


def hover_everything(pg, base):
    """Hover every element once: a handler hidden in an attribute would fire now.  A page of the site that moves on by
    itself (a redirect page) can do so while this runs, which destroys the context under load (the merge train of
    2026-12-06 00:09 failed so): then the page must have stayed on the site, and the new page is hovered."""
    from playwright.sync_api import Error

    script = "document.querySelectorAll('*').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))"
    try:
        pg.evaluate(script)
    except Error as e:
        if "Execution context was destroyed" not in str(e):
            raise
        pg.wait_for_load_state()
        assert pg.url.startswith(base), pg.url
        pg.evaluate(script)


def test_every_page_shows_the_text_and_runs_nothing(hostile_site):
    from test_site import shared_browser

    b = shared_browser()
    srv, base = serve(hostile_site)
    dialogs, errors = [], []
    try:
        pg = b.new_page()
        pg.on("dialog", lambda d: (dialogs.append(f"{pg.url}: {d.message}"), d.dismiss()))
        pg.on("pageerror", lambda e: errors.append(f"{pg.url}: {e}"))
        for f in pages(hostile_site):
            rel = f.relative_to(hostile_site).as_posix()
            pg.goto(base + urllib.parse.quote(rel))
            pg.wait_for_timeout(50)
            if rel.endswith(".html"):
                hover_everything(pg, base)
        chapter = "hostile/v2/chp_1/"
        pg.goto(base + chapter)
        heading = "总则<img src=x onerror=alert('chapter')>"
        assert heading in pg.title()
        assert heading in pg.locator("h1").first.inner_text()
        assert heading in pg.locator("nav").first.inner_text()
        assert "{{ 7*7 }}" in pg.locator("article").inner_text()
        # the search box shows headings and text of hostile provisions: as text
        pg.locator("label.md-search__icon, .md-search__input").first.click()
        pg.locator("input.md-search__input").fill("巡查")
        pg.wait_for_selector(".md-search-result__item", timeout=10000)
        results = pg.locator(".md-search-result").inner_text()
        assert "<script>alert('item')</script>" in results or "alert('actor')" in results
        pg.goto(base + "hostile/v2/")
        body = pg.locator("body").inner_text()
        assert "恶意<img src=x onerror=alert('meta-title')>条例" in body
        pg.close()
    finally:
        srv.shutdown()
    assert dialogs == [], "\n".join(dialogs)
    assert errors == [], "\n".join(errors)


def test_404_page_loads_nothing_from_another_host(hostile_site):
    """A static host answers a missing address with 404.html (nginx's error_page); the 404 page finds
    the site's root in the address.  An address beginning //other.host/ must not make that host the
    page's base: the site's own scripts (bundle.js, kb/kb.js) and the root probes would load from it."""
    import functools
    import http.server
    import threading

    from test_site import shared_browser

    body = (hostile_site / "404.html").read_bytes()

    class Site(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def send_error(self, code, message=None, explain=None):
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    reached = []

    class Evil(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def _answer(self, send_body=True):
            reached.append(f"{self.command} {self.path}")
            js = b"alert('evil: ' + location.host)"
            self.send_response(200)
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Content-Type", "application/javascript")
            self.send_header("Content-Length", str(len(js)))
            self.end_headers()
            if send_body:
                self.wfile.write(js)

        def do_GET(self):
            self._answer()

        def do_HEAD(self):
            self._answer(False)

    try:
        evil = http.server.ThreadingHTTPServer(("127.0.0.2", 0), Evil)
    except OSError:
        pytest.skip("127.0.0.2 不可用")
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Site, directory=str(hostile_site)))
    for s in (srv, evil):
        threading.Thread(target=s.serve_forever, daemon=True).start()
    site, other = f"http://127.0.0.1:{srv.server_address[1]}", f"127.0.0.2:{evil.server_address[1]}"
    b = shared_browser()
    dialogs, bases = [], []
    try:
        pg = b.new_page()
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in (f"//{other}/hostile/x", f"//{other}/a/b", f"///{other}/hostile/x", f"/\\{other}/hostile/x",
                     "/hostile/no/such/page"):
            pg.goto(site + path)
            pg.wait_for_timeout(300)
            bases.append(pg.evaluate("document.baseURI"))
        pg.close()
    finally:
        srv.shutdown()
        evil.shutdown()
    assert reached == [], reached
    assert dialogs == [], dialogs
    assert all(u.startswith(site + "/") and "127.0.0.2" not in u for u in bases), bases
    # a real missing page under the site still finds the site's root
    assert bases[-1] == site + "/"
