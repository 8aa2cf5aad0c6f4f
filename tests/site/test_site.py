"""The public site (issue 7): built once per session from the real seed through mkdocs and the kb
plugin, checked as files, with a link checker, and in a real headless browser (Debian's chromium
driven by Playwright; never a downloaded browser).  Screenshots go to tests/artifacts/.
"""
from __future__ import annotations

import functools
import html
import http.server
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import DATA, ROOT, copy_seed

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "tests" / "artifacts"
SITE_DATA = DATA / "site"
TITLE = "遂宁市社区发展治理促进条例"


# ----------------------------------------------------------------------------------- helpers

def make_project(tmp: Path, regs: dict[str, Path], plugin_extra: str = "") -> Path:
    """A throw-away project using the repository's templates, overrides and assets (without the PDF
    downloads unless ``plugin_extra`` asks for them: a conversion takes seconds)."""
    tmp.mkdir(parents=True, exist_ok=True)
    for rid, src in regs.items():
        shutil.copytree(src, tmp / "regulation" / rid)
    (tmp / "mkdocs.yml").write_text(f"""site_name: 测试站点
docs_dir: {ROOT / 'templates' / 'static'}
site_dir: site
theme:
  name: material
  custom_dir: {ROOT / 'overrides'}
  language: zh
  font: false
  features: [navigation.prune]
extra_css: [kb/kb.css]
extra_javascript: [kb/kb.js]
extra: {{generator: false}}
plugins:
  - search
  - kb:
      templates: {ROOT / 'templates'}
      comment_email: test@example.org
{plugin_extra if "pdf:" in plugin_extra else plugin_extra + "      pdf: false"}
""", encoding="utf-8")
    return tmp


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def serve(directory: Path):
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}/"


def norm(s: str) -> str:
    return "".join(n if len(n := unicodedata.normalize("NFKC", c).lower()) == 1 else c for c in s)


def article_text(a) -> str:
    heading = a.label + (f"（{a.title}）" if a.title else "")
    parts = [heading] + [(n.label if n.kind in ("item", "subitem") else "") + (n.text or "")
                         for n in a.walk() if n.kind != "article"]
    return "\n".join(parts)


def check_links(site: Path) -> tuple[int, list[str]]:
    """Every internal href/src in every page (and in the 相关条文 rows it reads) resolves to a file, and every
    #fragment to an id."""
    from lxml import html as lh

    ids: dict[Path, set] = {}
    pages = sorted(site.rglob("*.html"))

    def ids_of(p: Path) -> set:
        if p not in ids:
            t = lh.fromstring(p.read_bytes())
            ids[p] = {e.get("id") for e in t.iter() if isinstance(e.tag, str) and e.get("id")}
        return ids[p]

    broken, n = [], 0
    # (the rows of the 相关条文 panels are pages too, related/<eid>.html: links relative to their file)
    for page, tree in ((p, lh.fromstring(p.read_bytes())) for p in pages):
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("href", "src", "data-src"):
                v = el.get(attr)
                if not v or el.tag == "link" and el.get("rel") in ("canonical",):
                    continue
                u = urllib.parse.urlsplit(v)
                if u.scheme in ("mailto", "data", "javascript") or (u.scheme and u.netloc):
                    continue
                n += 1
                path = urllib.parse.unquote(u.path)
                # 404.html uses root-absolute links (served from any path)
                target = page if not path else (site / path.lstrip("/")).resolve() if path.startswith("/") \
                    else (page.parent / path).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    broken.append(f"{page.relative_to(site)}: {v}")
                    continue
                if u.fragment and target.suffix == ".html" and urllib.parse.unquote(u.fragment) not in ids_of(target):
                    broken.append(f"{page.relative_to(site)}: {v}（无此锚点）")
    return n, broken


# ----------------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The seed site, built once through the same function `kb build` uses: the project's own
    configuration, templates and seed, without the other regulations the default knowledge base
    ships (tests/site/test_kb_site.py builds a site of several)."""
    from kb.cli.site import build_site

    proj = tmp_path_factory.mktemp("seedproject")
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    for d in ("templates", "overrides"):
        (proj / d).symlink_to(ROOT / d)
    (proj / "regulation").mkdir()
    copy_seed(proj / "regulation" / "suining-community")
    out = tmp_path_factory.mktemp("site") / "site"
    t = time.perf_counter()
    figures = build_site(proj, str(out), catalog=False)
    figures["test_build_seconds"] = time.perf_counter() - t
    return out, figures


@pytest.fixture(scope="session")
def site(built):
    return built[0]


@pytest.fixture(scope="session")
def server(site):
    srv, base = serve(site)
    yield base
    srv.shutdown()


_PLAYWRIGHT: dict = {}


def shared_browser():
    """One chromium for every browser test of the session, whichever module asks first (Playwright's
    sync API runs one instance per thread); closed when the tests end."""
    if "browser" not in _PLAYWRIGHT:
        if not CHROMIUM.exists():
            pytest.skip("没有 /usr/bin/chromium（测试命令会安装 Debian 的 chromium）")
        import playwright.sync_api as sync_api
        import atexit

        pw = sync_api.sync_playwright().start()
        _PLAYWRIGHT["browser"] = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        atexit.register(pw.stop)
        atexit.register(_PLAYWRIGHT["browser"].close)
    return _PLAYWRIGHT["browser"]


@pytest.fixture(scope="session")
def browser():
    return shared_browser()


@pytest.fixture
def page(browser, server):
    """A page that records console errors and every request; both are checked at the end."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    ctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    pg = ctx.new_page()
    errors, outside = [], []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None)
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    ctx.close()
    assert errors == [], f"控制台错误：{errors}"
    assert outside == [], f"向外部主机发出的请求：{outside}"


@pytest.fixture(scope="session")
def seed_layers(seed_doc):
    from kb.layers.actors import load_registry
    from kb.layers.links import definitions
    from kb.layers.obligations import extract

    terms = sorted({d.term for d in definitions(seed_doc)})
    actors = sorted({s.actor for s in extract(seed_doc, load_registry(ROOT)) if s.actor})
    return terms, actors


# ----------------------------------------------------------------------------------- files

def test_every_article_paragraph_and_item_is_anchored_on_its_chapter_page(site, seed_doc):
    from lxml import html as lh

    base = site / "suining-community" / "draft"
    seen = set()
    for ch in seed_doc.chapters:
        tree = lh.fromstring((base / ch.eid / "index.html").read_bytes())
        ids = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
        assert tree.findtext(".//h1").strip().replace("　", " ") == f"{ch.label} {ch.title}"
        for n in ch.walk():
            if n.kind in ("article", "paragraph", "item", "subitem"):
                assert n.eid in ids, (ch.eid, n.eid)
                seen.add(n.eid)
        for a in (n for n in ch.walk() if n.kind == "article"):
            h = tree.get_element_by_id(a.eid)
            assert h.tag in ("h2", "h3")
            text = h.text_content().replace("¶", "")
            assert text == a.label + (("".join([a.brackets[0], a.title, a.brackets[1]])) if a.title else "")
            assert h.find(".//a[@class='headerlink']").get("href") == f"#{a.eid}"
    assert {a.eid for a in seed_doc.articles} <= seen


def test_no_hand_written_copy_of_any_article(seed_doc):
    """Pages come from the model: no file in the repository but the source repeats article text."""
    probe = seed_doc.get("art_15__para_2").text
    hits = []
    for p in ROOT.rglob("*"):
        rel = p.relative_to(ROOT).parts
        if not p.is_file() or rel[0] in ("regulation", "site", "docs", ".git", ".kb", "tests") \
                or p.suffix in (".pyc",):
            continue
        try:
            if probe in p.read_text(encoding="utf-8"):
                hits.append(str(p))
        except (UnicodeDecodeError, OSError):
            continue
    assert hits == []


def test_home_page_shows_status_body_counts_and_toc(site, seed_doc):
    from lxml import html as lh

    t = lh.fromstring((site / "index.html").read_bytes())
    text = t.text_content()
    assert TITLE in t.findtext(".//h1")
    assert "草案征求意见稿" in text and "尚未生效" in text
    assert "征求意见期限" in text and "意见反馈渠道" in text
    assert "遂宁市人民代表大会常务委员会" in text
    counts = [li.text_content() for li in t.xpath("//ul[@class='kb-counts']/li")]
    assert counts[0] == f"{len(seed_doc.articles)}条"
    toc = t.xpath("//nav[@class='kb-toc']//a/@href")
    assert "suining-community/draft/chp_3/#art_15" in toc
    assert len([h for h in toc if "#art_" in h]) == len(seed_doc.articles)


def test_term_links_are_not_false(site):
    """社区 inside 社区社会组织 is not a use of 社区: no term link stops inside a longer defined term."""
    pages = "".join(p.read_text(encoding="utf-8")
                    for p in (site / "suining-community/draft").glob("chp_*/index.html"))
    links = re.findall(r'<a class="kb-term" href="[^"]*">([^<]+)</a>([^<]{0,8})', pages)
    assert links
    assert not [t + after for t, after in links if t == "社区" and after.startswith("社会组织")]
    assert any(t == "社区社会组织" for t, _ in links)


def test_version_banner_on_every_regulation_page(site):
    from kb.site.folders import is_folder_page

    pages = list((site / "suining-community").rglob("index.html")) + [site / "index.html"]
    assert len(pages) > 10
    for p in pages:
        s = p.read_text(encoding="utf-8")
        if is_folder_page(s):           # suining-community/: it leads on to the draft (kb.site.folders)
            continue
        assert 'class="kb-banner' in s and "草案征求意见稿" in s and "尚未生效" in s, p


def test_comment_link_names_regulation_version_and_article(site, page, server):
    """The page carries the address once per article (``mailto:``, which opens a mail without scripts);
    kb.js adds the subject and body from the page's data (#kb-page) and the article's citation."""
    from kb.project import load_config
    s = (site / "suining-community/draft/chp_3/index.html").read_text(encoding="utf-8")
    email = load_config(ROOT).get("comment_email") or ""
    assert re.findall(r'<a class="md-button kb-comment" href="(mailto:[^"]*)" data-c="第十五条">', s) == \
        ["mailto:" + email]
    page.goto(server + "suining-community/draft/chp_3/")
    one = page.locator(".kb-article:has(#art_15) a.kb-comment").get_attribute("href")
    u = urllib.parse.urlsplit(one)
    q = urllib.parse.parse_qs(u.query)
    assert u.path == email
    assert q["subject"] == [f"对《{TITLE}》（草案征求意见稿）第十五条的意见"]
    assert f"法规：《{TITLE}》" in q["body"][0] and "版本：草案征求意见稿" in q["body"][0]
    assert "条款：第十五条" in q["body"][0]
    assert "链接：" not in q["body"][0]          # site_url is the local address: no link


def test_downloads_are_written_and_faithful(site, built):
    d = site / "suining-community/draft/downloads"
    src = ROOT / "regulation/suining-community/draft.txt"
    # the text as received, with the byte-order mark that makes a browser read it as UTF-8
    assert (d / "suining-community-draft.txt").read_bytes() == "\ufeff".encode() + src.read_bytes()
    data = json.loads((d / "suining-community-draft.json").read_text(encoding="utf-8"))
    assert data["regulation"]["title"] == TITLE and len(data["articles"]) == 45
    page = (d / "index.html").read_text(encoding="utf-8")
    for f in d.iterdir():
        if f.name != "index.html":
            assert f.stat().st_size > 0
            assert urllib.parse.quote(f.name) in page or f.name in page, f.name
    assert built[1]["downloads"], built[1]


def test_downloads_in_every_format_the_layers_offer(site):
    from lxml import etree

    d = site / "suining-community/draft/downloads"
    root = etree.parse(str(d / "suining-community-draft.akn.xml")).getroot()
    assert root.tag.endswith("akomaNtoso")
    csv = (d / "suining-community-draft-matrix.csv").read_text(encoding="utf-8-sig")
    assert "居民委员会" in csv
    assert (d / "suining-community-draft-matrix.xlsx").read_bytes()[:2] == b"PK"


def test_matrix_heatmap_and_governance_graph(site, seed_layers):
    from lxml import html as lh

    m = lh.fromstring((site / "suining-community/draft/matrix/index.html").read_bytes())
    assert m.xpath("//table[contains(@class,'kb-matrix')]//a[text()='居民委员会']")
    svg = m.xpath("//*[local-name()='svg'][@aria-label='义务热图']")
    assert svg and len(svg[0].xpath(".//*[local-name()='rect']")) >= len(seed_layers[1])
    g = lh.fromstring((site / "suining-community/draft/graph/index.html").read_bytes())
    svg = g.xpath("//*[local-name()='svg'][@aria-label='治理关系图']")
    assert svg and svg[0].xpath(".//*[local-name()='text'][text()='居民委员会']")
    assert g.xpath("//table//td[text()='指导']")


def test_search_index_is_per_regulation_and_small(site):
    """material's global index carries no page text; each version has its own small index."""
    mat = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert mat["docs"] == []
    idx = site / "suining-community/draft/search.json"
    data = json.loads(idx.read_text(encoding="utf-8"))
    assert len([d for d in data["docs"] if d["e"].startswith("art_")]) == 45
    assert idx.stat().st_size < 200_000
    page = (site / "suining-community/draft/chp_3/index.html").read_text(encoding="utf-8")
    assert "kb/search.js" in page and "search.json" in page


def test_no_broken_internal_link(site):
    n, broken = check_links(site)
    assert n > 1000
    assert broken == []


def test_no_outside_host_in_pages(site):
    """No CDN asset or web font: every script, stylesheet and image is local."""
    bad = []
    for p in site.rglob("*.html"):
        s = p.read_text(encoding="utf-8")
        for m in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="(https?:)?//[^"]+"', s):
            if 'rel="canonical"' not in m.group(0):      # the page's own address (site_url), never fetched
                bad.append(f"{p.relative_to(site)}: {m.group(0)[:80]}")
    assert bad == []


def _actor_page(site, name: str) -> str:
    for p in (site / "suining-community/draft/actors").rglob("index.html"):
        s = p.read_text(encoding="utf-8")
        if re.search(rf"<h1[^>]*>{name}<", s):
            return s
    raise AssertionError(f"no page for {name}")


def test_obligation_lists_are_whole_in_article_order_with_liability(site):
    """Issue 11/13: an actor's page and a collection show a list's items, not a lead-in ending in 下列事项：;
    provisions once each, in article order, counted right; the liability articles that concern the
    actor (居民委员会 and 第三十七条) under 责任, the body that corrects under 追责, never 处罚."""
    from lxml import html as lh

    s = _actor_page(site, "居民委员会")
    doc = lh.fromstring(s)
    text = doc.text_content()
    assert "与居民利益有关的社会治安" in text and "法律法规规定的其他职责" in text      # 第十五条第一款's items
    assert "处罚" not in text
    groups: dict[str, list[str]] = {}
    for el in doc.xpath("//h2|//div[contains(@class,'kb-stmt')]"):
        if el.tag == "h2":
            head = el.text_content().strip()[:2]
            groups[head] = []
        elif groups:
            groups[head] += [c.text_content() for c in el.xpath(".//*[contains(@class,'kb-cite')]")]
    assert groups["责任"] == ["第三十七条"]
    from kb.text.address import parse_address
    for head, cites in groups.items():
        keys = [parse_address(c)[:3] for c in cites if c.startswith("第")]
        assert keys == sorted(keys, key=lambda k: (k[0], k[1] or 0, k[2] or 0)), head      # article order
        assert len(cites) == len(set(cites)), head                                         # each provision once
    council = _actor_page(site, "居民会议")
    assert "追责" in council and "处罚" not in council
    col = lh.fromstring((site / "collections/jumin-weiyuanhui/index.html").read_bytes()).text_content()
    assert "与居民利益有关的社会治安" in col and "第三十七条" in col
    m = re.search(r"共 (\d+) 条、(\d+) 处", col)
    assert m and int(m.group(1)) < int(m.group(2))
    matrix = (site / "suining-community/draft/matrix/index.html").read_text(encoding="utf-8")
    assert "追责" in matrix and "责任" in matrix and "处罚" not in matrix


def test_collections_are_pages(site):
    idx = (site / "collections/index.html").read_text(encoding="utf-8")
    for name in ("居民委员会的全部职责", "所有禁止性规定", "有期限的义务", "涉及经费的条款"):
        assert name in idx
    s = (site / "collections/jingfei/index.html").read_text(encoding="utf-8")
    assert "第三十条" in s and "经费" in s


def _escape_site(tmp_path) -> Path:
    from kb.cli.site import build_site

    proj = make_project(tmp_path / "p", {"escape-test": SITE_DATA / "escape-test"})
    build_site(proj, catalog=False)
    return proj / "site"


def test_escaping_and_versions(tmp_path):
    """HTML, Markdown and template syntax in a source render literally; two versions get a comparison."""
    from lxml import html as lh

    site = _escape_site(tmp_path)
    page = site / "escape-test/v2/chp_1/index.html"
    s = page.read_text(encoding="utf-8")
    assert "<script>alert" not in s and "<img src=x" not in s and "<b>粗</b>" not in s
    tree = lh.fromstring(s)
    art = tree.get_element_by_id("art_1").getparent()
    text = art.text_content()
    for literal in ('<script>alert("x")</script>', "**粗体**", "_下划线_", "[链接](http://example.com/)",
                    "# 标题", "{{ config.site_name }}", "{% if true %}模板{% endif %}", "&amp; 实体"):
        assert literal in text, literal
    assert tree.get_element_by_id("art_1").text_content().startswith("第一条（目的*强调*）")
    assert not tree.xpath("//article//script") and not tree.xpath("//article//img")
    assert "<b>粗</b>" not in (site / "escape-test/v2/index.html").read_text(encoding="utf-8")
    # versions: each has its pages, the older one says it is superseded; a comparison page exists
    assert (site / "escape-test/v1/chp_1/index.html").exists()
    assert "已被新版本取代" not in s
    old = (site / "escape-test/v1/chp_1/index.html").read_text(encoding="utf-8")
    assert "第一稿" in old
    cmp_page = site / "escape-test/compare-v1-v2/index.html"
    assert cmp_page.exists()
    c = lh.fromstring(cmp_page.read_bytes()).text_content()
    assert "第一稿" in c and "第二稿" in c and '<script>alert("x")</script>' in c
    assert "并每月公开" in c
    moved = (site / "escape-test/v2/chp_2/index.html").read_text(encoding="utf-8")
    assert "本条在第一稿中为第四条" in moved
    docx = site / "escape-test/v2/downloads/escape-test-v1-v2-对照表.docx"
    assert docx.read_bytes()[:2] == b"PK"
    import docx as python_docx
    props = python_docx.Document(str(docx)).core_properties      # item 13 of newcomer review 4: not python-docx's
    assert (props.title, props.author, props.created) == ("转义测试条例修改前后对照表", "测试机关<b>粗</b>", None)
    n, broken = check_links(site)
    assert broken == []


def test_corpus_site_has_no_broken_link(tmp_path, corpus_files):
    """Real, messy corpus texts (8 regulations spread over the collection, .md sources) build into a
    site whose every internal link and anchor resolves; downloads keep the source bytes."""
    from kb.dev.bench_site import corpus_project
    from kb.cli.site import build_site

    from conftest import CORPUS

    src = corpus_project(tmp_path / "c", CORPUS, 8)
    regs = {d.name: d for d in sorted((src / "regulation").iterdir())}
    proj = make_project(tmp_path / "p", regs)
    r = build_site(proj, catalog=False)
    assert r["pages"] > 8 * 3
    n, broken = check_links(proj / "site")
    assert broken == []
    for rid, d in regs.items():
        got = proj / "site" / rid / "current" / "downloads" / f"{rid}-current.txt"
        raw = (d / "current.md").read_bytes()
        assert got.read_bytes() == "\ufeff".encode() + raw.removeprefix("\ufeff".encode())


def test_prologue_and_annex_pages(tmp_path, corpus_files):
    """序言 and 附件 are shown (and anchored), not dropped."""
    import yaml
    from kb.cli.site import build_site
    from kb.text.parse import parse_file

    from conftest import CORPUS

    picks = {"xianfa": CORPUS / "宪法/宪法.md", "guoge": CORPUS / "宪法相关法/国歌法(2017-09-01).md"}
    regs = {}
    for rid, f in picks.items():
        if not f.exists():
            pytest.skip(f"语料中没有 {f.name}")
        d = tmp_path / "src" / rid
        d.mkdir(parents=True)
        shutil.copy(f, d / "current.md")
        (d / "meta.yml").write_text(yaml.safe_dump({"title": rid, "versions": [
            {"name": "current", "file": "current.md"}]}), encoding="utf-8")
        regs[rid] = d
    proj = make_project(tmp_path / "p", regs)
    build_site(proj, catalog=False)
    site = proj / "site"
    xf = parse_file(str(picks["xianfa"]))
    pro = next(xf.nodes("prologue"))
    page = (site / "xianfa/current/prologue/index.html").read_text(encoding="utf-8")
    assert pro.children[0].text in page and f'id="{pro.children[0].eid}"' in page
    gg = parse_file(str(picks["guoge"]))
    annex = next(gg.nodes("annex"))
    page = (site / "guoge/current/annexes/index.html").read_text(encoding="utf-8")
    assert f'id="{annex.eid}"' in page and annex.title in page
    home = (site / "xianfa/current/index.html").read_text(encoding="utf-8")
    assert "prologue/" in home
    assert check_links(site)[1] == []


def test_kb_build_reports_progress_and_bad_input_exits_2(tmp_path, capsys):
    from kb.cli import main

    proj = make_project(tmp_path / "ok", {"escape-test": SITE_DATA / "escape-test"})
    assert main(["--root", str(proj), "build", "--no-catalog"]) == 0
    err = capsys.readouterr()
    assert "解析 escape-test@v2" in err.err and "完成：" in err.out
    assert (proj / "site/escape-test/v2/downloads/escape-test-v2.json").exists()
    bad = make_project(tmp_path / "bad", {"escape-test": SITE_DATA / "escape-test"})
    (bad / "regulation/escape-test/meta.yml").write_text("versions: []\n", encoding="utf-8")
    assert main(["--root", str(bad), "build", "--no-catalog"]) == 2
    assert "元数据缺少 title" in capsys.readouterr().err
    missing = make_project(tmp_path / "missing", {"escape-test": SITE_DATA / "escape-test"})
    (missing / "regulation/escape-test/v1.txt").unlink()
    assert main(["--root", str(missing), "build", "--no-catalog"]) == 2


# ----------------------------------------------------------------------------------- browser

def shot(pg, name: str):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_reader_journey(page, server, seed_layers):
    """Home → TOC → 第十五条 → a term's tooltip → 前款 → copy the citation."""
    pg = page
    pg.goto(server)
    assert TITLE in pg.title()
    pg.click("nav.kb-toc a:has-text('第十五条')")
    pg.wait_for_url("**/chp_3/#art_15")
    assert pg.locator("#art_15").is_visible()
    assert pg.evaluate("document.querySelector(':target').id") == "art_15"
    # a defined term's tooltip
    term = pg.locator("#art_15 ~ .kb-para a.kb-term, .kb-article a.kb-term").first
    assert term.count()
    term.scroll_into_view_if_needed()
    term.hover()
    tip = pg.locator("#kb-tooltip")
    tip.wait_for(state="visible")
    assert term.inner_text() in tip.inner_text() and len(tip.inner_text()) > len(term.inner_text()) + 4
    # 前款 in 第十五条第二款 points to 第十五条第一款
    ref = pg.locator("#art_15__para_2 a.kb-ref", has_text="前款")
    assert ref.count() == 1
    ref.click()
    pg.wait_for_url("**#art_15__para_1")
    assert pg.evaluate("document.querySelector(':target').id") == "art_15__para_1"
    # 复制引用 on 第十五条第二款
    pg.locator("#art_15__para_2 > p button.kb-act").click()
    pg.locator(".kb-menu [role=menuitem]", has_text="复制引用").click()
    assert pg.evaluate("navigator.clipboard.readText()") == f"《{TITLE}》（草案征求意见稿）第十五条第二款"
    pg.locator("#art_15 ~ .kb-actions button.kb-copy, .kb-article:has(#art_15) .kb-actions button.kb-copy").first.click()
    assert pg.evaluate("navigator.clipboard.readText()") == f"《{TITLE}》（草案征求意见稿）第十五条"


def test_back_references_listed_under_article(page, server, seed_doc):
    from kb.layers.links import backrefs

    targets = {t.split("__")[0] for t, refs in backrefs(seed_doc).items()
               if any(r.kind != "self" and r.eid != t and not t.startswith(r.eid + "__") for r in refs)}
    assert targets
    pg = page
    for art in sorted(targets)[:3]:
        chapter = seed_doc.get(art).ancestor("chapter").eid
        pg.goto(f"{server}suining-community/draft/{chapter}/#{art}")
        box = pg.locator(f".kb-article:has(#{art}) .kb-backrefs")
        assert box.inner_text().startswith("本条被以下条款引用：")
        href = box.locator("a").first.get_attribute("href")
        box.locator("a").first.click()
        frag = href.split("#")[1]
        pg.wait_for_function(f"location.hash === '#{frag}'")
        assert pg.locator(f"[id='{frag}']").is_visible()


def _search(pg, query: str) -> list[list[dict]]:
    """Run material's search box's worker (ours) exactly as the page does; return its result groups."""
    from kb.dev.bench_site import SEARCH_JS
    return pg.evaluate(SEARCH_JS, query)


def test_search_every_term_and_actor(page, server, seed_doc, seed_layers):
    """For every defined term and actor name: every result contains it, every provision containing it is found."""
    terms, actors = seed_layers
    queries = sorted(set(terms) | set(actors) | {"经费", "居民委员会"})
    pg = page
    pg.goto(f"{server}suining-community/draft/chp_1/")
    texts = {a.eid: norm(article_text(a)) for a in seed_doc.articles}
    failures = []
    for q in queries:
        groups = _search(pg, q)
        got = []
        for g in groups:
            for item in g:
                loc = item["location"]
                if "#" in loc:
                    eid = loc.split("#")[1].split("__")[0]
                    got.append(eid)
                    if norm(q) not in texts[eid]:
                        failures.append(f"{q}: {eid} 不含查询词")
                    assert f"<mark>{html.escape(q)}</mark>" in item["text"] or norm(q) in norm(item["title"])
        want = {eid for eid, t in texts.items() if norm(q) in t}
        if set(got) != want:
            failures.append(f"{q}: 漏检 {sorted(want - set(got))} 误检 {sorted(set(got) - want)}")
    assert failures == []
    assert len(queries) >= 2 + (len(terms) > 0) + (len(actors) > 0)


@pytest.mark.parametrize("query", ["经费", "居民委员会"])
def test_search_box(page, server, seed_doc, seed_layers, query):
    pg = page
    pg.goto(f"{server}suining-community/draft/chp_1/")
    pg.click("input.md-search__input")
    pg.fill("input.md-search__input", query)
    pg.wait_for_selector(".md-search-result__item")
    pg.wait_for_timeout(200)
    want = [a for a in seed_doc.articles if query in article_text(a)]
    # one result per article (its matching paragraphs under it); material renders ten, then more as
    # the list scrolls
    items = pg.locator(".md-search-result__item")
    while True:
        n = items.count()
        items.last.scroll_into_view_if_needed()
        pg.wait_for_timeout(300)
        if items.count() == n:
            break
    arts = pg.locator(".md-search-result__item a:has(h2)")
    assert arts.count() == len(want)
    for i in range(arts.count()):
        assert query in arts.nth(i).inner_text()
        assert arts.nth(i).locator("mark").first.inner_text() == query
    # the count above the list is a count of provisions (and of the actor's own page)
    meta = pg.locator(".md-search-result__meta").inner_text()
    assert meta.startswith(f"找到 {len(want)} 条条文"), meta
    if query in seed_layers[1]:     # an actor: its own page is the first result
        assert pg.locator(".md-search-result__item").first.locator("h1").inner_text() == f"主体：{query}"
        assert meta.endswith("1 个章节或主体页面"), meta
    first = arts.first
    first.scroll_into_view_if_needed()
    href = first.get_attribute("href")
    first.click()
    frag = href.split("#")[1]
    pg.wait_for_function(f"location.hash === '#{frag}'")
    eid = pg.evaluate("location.hash").lstrip("#")
    assert query in pg.locator(f"[id='{eid}']").inner_text()
    shot(pg, f"search-{'jingfei' if query == '经费' else 'juweihui'}")


def test_actor_page(page, server):
    pg = page
    pg.goto(f"{server}suining-community/draft/actors/")
    pg.click("table a:text-is('居民委员会')")
    pg.wait_for_selector("h1:has(span.kb-tag):text-matches('^居民委员会')")
    heads = pg.locator("article h2").all_inner_texts()
    assert any(h.startswith("义务") for h in heads)
    link = pg.locator(".kb-stmt a.kb-cite").first
    href = link.get_attribute("href")
    link.click()
    frag = href.split("#")[1]
    pg.wait_for_function(f"location.hash === '#{frag}'")
    assert "居民委员会" in pg.locator(f".kb-article:has([id='{frag}'])").inner_text()


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_and_layout(browser, server, width):
    """Screenshots for review; no horizontal scrolling at phone width; print hides the chrome."""
    ctx = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    pg = ctx.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pages = {"home": "", "article": "suining-community/draft/chp_3/#art_15",
             "matrix": "suining-community/draft/matrix/"}
    pg.goto(f"{server}suining-community/draft/actors/")
    pages["actor"] = "suining-community/draft/actors/" + pg.locator("table a:text-is('居民委员会')") \
        .get_attribute("href")
    for name, path in pages.items():
        pg.goto(server + path)
        pg.wait_for_timeout(150)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} 在 {width}px 宽时横向溢出 {overflow}px"
        shot(pg, f"{name}-{width}")
    pg.goto(server + pages["article"])
    pg.emulate_media(media="print")
    assert not pg.locator(".md-sidebar--primary").is_visible()
    assert not pg.locator(".kb-actions").first.is_visible()
    assert pg.locator("#art_15__para_1").is_visible()
    ctx.close()
    assert errors == []


def test_escaped_text_in_browser(browser, tmp_path):
    """The hostile fixture shows its markup as text and runs none of it."""
    site = _escape_site(tmp_path)
    srv, base = serve(site)
    try:
        pg = browser.new_page()
        dialogs = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        pg.goto(base + "escape-test/v2/chp_1/")
        pg.wait_for_timeout(200)
        body = pg.locator("article").inner_text()
        assert '<script>alert("x")</script>' in body and "{{ config.site_name }}" in body
        assert "<img src=x onerror=alert(2)>" in body
        assert dialogs == []
        pg.close()
    finally:
        srv.shutdown()


def test_live_reload_rebuilds_on_source_change(tmp_path):
    """`mkdocs serve` watches regulation/: editing a source text changes the served page."""
    proj = make_project(tmp_path / "p", {"escape-test": SITE_DATA / "escape-test"},
                        plugin_extra="      downloads: false\n")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-q",
                             "-a", f"127.0.0.1:{port}", "-f", str(proj / "mkdocs.yml")],
                            cwd=proj, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/escape-test/v2/chp_1/"

    def fetch():
        try:
            return urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
        except OSError:
            return ""
    try:
        deadline = time.time() + 30
        while "网格员" not in fetch():
            assert time.time() < deadline, "mkdocs serve 没有启动"
            time.sleep(0.3)
        src = proj / "regulation/escape-test/v2.txt"
        src.write_text(src.read_text(encoding="utf-8").replace("从事巡查和上报工作", "从事巡逻和登记工作"),
                       encoding="utf-8")
        deadline = time.time() + 30
        while "巡逻和登记" not in fetch():
            assert time.time() < deadline, "改动原文后页面没有重建"
            time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(10)


# ----------------------------------------------------------------------------------- review fixes

def _max_depth(s: str) -> int:
    depth = best = 0
    for ch in s:
        if ch in "（(":
            depth += 1
            best = max(best, depth)
        elif ch in "）)":
            depth -= 1
    return best


def test_home_status_reads_plainly_and_says_who_receives_comments(site):
    """No 草案征求意见稿（尚未生效（草案，供征求意见））: status and banner have no nested brackets;
    with no comment address the home page says the e-mail opens without a recipient."""
    from lxml import html as lh

    from kb.project import load_config

    t = lh.fromstring((site / "index.html").read_bytes())
    status = t.xpath("//dd[contains(@class,'kb-status')]")[0].text_content()
    banner = t.xpath("//div[contains(@class,'kb-banner')]")[0].text_content()
    assert "草案征求意见稿" in status and "尚未生效" in status
    assert _max_depth(status) <= 1 and _max_depth(banner) <= 1, (status, banner)
    assert status.count("草案") == 1, status
    channel = t.xpath("//dd[contains(@class,'kb-channel')]")[0].text_content()
    email = load_config(ROOT).get("comment_email") or ""
    if email:
        assert email in channel
    else:
        assert "收件人须由您自行填写" in channel and "对本条提出意见" in channel, channel
    # the links to the tools are a list, not text joined by separators
    assert [a.text for a in t.xpath("//ul[@class='kb-links']//a")][:3] == ["全文", "术语", "主体"]


def test_items_below_are_not_linked_to_themselves(site):
    """下列 points at the provision's own items right below it: not a link; 前款 still is."""
    s = (site / "suining-community/draft/chp_3/index.html").read_text(encoding="utf-8")
    refs = re.findall(r'<a class="kb-ref" href="([^"]*)"[^>]*>([^<]+)</a>', s)
    assert ("#art_15__para_1", "前款") in refs
    assert not [h for h, t in refs if t == "下列"], refs


def test_governance_graph_does_not_tangle(seed_doc):
    """The overall picture: two columns (who acts / on whom), one arrow per pair of actors, far fewer
    crossings than the order of appearance; the per-actor picture puts the actor in the middle."""
    from lxml import etree

    from kb.layers.actors import load_registry
    from kb.layers.obligations import relations
    from kb.site.svg import _order_columns, crossings, flow_svg, merge_pairs, neighbourhood_svgs

    edges = [(r.from_, r.relation, r.to) for r in relations(seed_doc, load_registry(ROOT)) if r.from_ and r.to]
    pairs = merge_pairs(edges)
    assert len(pairs) < len(edges)           # 支持、指导、帮助 between the same two actors: one arrow
    left, right = _order_columns(pairs)
    naive_l = list(dict.fromkeys(f for f, _ in pairs))
    naive_r = list(dict.fromkeys(t for _, t in pairs))
    ours, naive = crossings(pairs, left, right), crossings(pairs, naive_l, naive_r)
    assert ours <= naive // 2, (ours, naive)
    svg = etree.fromstring(flow_svg(edges).encode("utf-8"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    xs = {r.get("x") for r in svg.xpath("//s:rect", namespaces=ns)}
    assert len(xs) == 2                      # every box in one of two columns
    names = [t.text for t in svg.xpath("//s:rect/following-sibling::s:text[1]", namespaces=ns)]
    assert all(names.count(n) <= 2 for n in names)
    assert len(svg.xpath("//s:path/s:title", namespaces=ns)) == len(pairs)
    pics = neighbourhood_svgs("居民委员会", edges)
    assert len(pics) == 2
    inc = {f for f, t in pairs if t == "居民委员会"}
    boxes = [t.text for t in etree.fromstring(pics[0].encode()).xpath("//s:rect/following-sibling::s:text[1]",
                                                                      namespaces=ns)]
    assert set(boxes) == inc | {"居民委员会"}


def test_actor_page_relations_one_line_per_pair(site):
    from lxml import html as lh

    idx = lh.fromstring((site / "suining-community/draft/actors/index.html").read_bytes())
    href = idx.xpath("//table//a[text()='居民委员会']/@href")[0]
    t = lh.fromstring((site / "suining-community/draft/actors" / href / "index.html").read_bytes())
    lines = [li.text_content() for li in t.xpath("//ul[@class='kb-rels']/li")]
    assert any("支持、指导、帮助" in x for x in lines), lines
    pairs = [re.sub(r"（.*", "", x) for x in lines]
    assert len(pairs) == len(set(pairs))
    assert t.xpath("//div[@class='kb-figs']//*[local-name()='svg']")
    assert "relations" in [a.get("href", "")[1:] for a in t.xpath("//nav[contains(@class,'md-nav--secondary')]//a")]


def test_term_tooltip_on_tap(browser, server):
    """A phone has no hover: the first tap on a term shows its definition and stays on the page, the
    tooltip's link (or a second tap) opens the glossary; a tap elsewhere closes it."""
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                              locale="zh-CN")
    pg = ctx.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    try:
        pg.goto(f"{server}suining-community/draft/chp_3/#art_15")
        term = pg.locator(".kb-article a.kb-term").first
        assert term.count()
        url = pg.url
        term.scroll_into_view_if_needed()
        term.tap()
        tip = pg.locator("#kb-tooltip")
        tip.wait_for(state="visible")
        assert pg.url == url
        assert tip.inner_text().startswith(term.inner_text() + "：")
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
        shot(pg, "tooltip-tap-360")
        pg.locator("h1").tap()
        pg.wait_for_timeout(100)
        assert not tip.is_visible()
        term.tap()
        tip.wait_for(state="visible")
        tip.locator("a.kb-tooltip__more").tap()
        pg.wait_for_url("**/glossary/#t-*")
    finally:
        ctx.close()
    assert errors == []


@pytest.mark.parametrize("name,path", [
    ("glossary", "suining-community/draft/glossary/"), ("graph", "suining-community/draft/graph/"),
    ("downloads", "suining-community/draft/downloads/"), ("collections", "collections/"),
    ("collection", "collections/jumin-weiyuanhui/"), ("actors", "suining-community/draft/actors/")])
def test_more_pages_fit_a_phone(browser, server, name, path):
    """No sideways scrolling of the page at 360 px (wide pictures and tables scroll in their own box);
    table headings stay on one line; screenshots for review."""
    ctx = browser.new_context(viewport={"width": 360, "height": 800}, locale="zh-CN")
    pg = ctx.new_page()
    try:
        pg.goto(server + path)
        pg.wait_for_timeout(100)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} 在 360px 宽时横向溢出 {overflow}px"
        lines = pg.evaluate("""() => [...document.querySelectorAll('article th')].map(th => {
            const r = document.createRange(); r.selectNodeContents(th);
            return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; })""")
        assert all(n <= 1 for n in lines), lines
        for svg in pg.locator("article figure svg").all():
            assert svg.bounding_box()["width"] >= 300      # legible: never squeezed below phone width
        shot(pg, f"{name}-360")
    finally:
        ctx.close()


def test_interface_text_is_chinese(site):
    """No English words in what a reader sees (file-format names aside), the 404 page included."""
    from lxml import html as lh

    allowed = {"CSV", "XLSX", "JSON", "Excel", "Akoma Ntoso XML", "DOCX", "PDF", "Word", "TXT", "UTF-"}
    found = set()
    for p in site.rglob("*.html"):
        t = lh.fromstring(p.read_bytes())
        for bad in t.xpath("//script|//style|//code"):
            bad.drop_tree()
        words = re.findall(r"[A-Za-z][A-Za-z .\-]{2,}", t.text_content())
        words += [w for a in t.xpath("//@title|//@aria-label|//@placeholder")
                  for w in re.findall(r"[A-Za-z][A-Za-z .\-]{2,}", a)]
        found |= {f"{p.relative_to(site)}: {w.strip()}" for w in words if w.strip() not in allowed}
    assert not found, sorted(found)[:10]
    assert "页面不存在" in (site / "404.html").read_text(encoding="utf-8")


def test_back_references_say_which_part_they_cite(site):
    """前款 in 第十五条第二款 cites 第十五条第一款: under 第十五条 the reader sees which paragraph."""
    from lxml import html as lh

    t = lh.fromstring((site / "suining-community/draft/chp_3/index.html").read_bytes())
    box = t.xpath("//section[h2[@id='art_15'] or h3[@id='art_15']]//p[@class='kb-backrefs']")[0].text_content()
    assert box.startswith("本条被以下条款引用：")
    assert "第十五条第二款（引用本条第一款）" in box and "第十五条第三款（引用本条第二款）" in box, box
