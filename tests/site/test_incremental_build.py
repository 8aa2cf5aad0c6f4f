"""kb build does only what changed (kb.site.freshness): nothing at all when no input changed,
only the changed regulation's pages (and the site's own pages, which list it) when one text
changed, everything when the templates, metadata or kb changed, or with --force."""
from __future__ import annotations

import time

from conftest import CORPUS, ROOT
from test_site import make_project


def project(tmp_path, n=3):
    from kb.dev.bench_site import corpus_project

    src = corpus_project(tmp_path / "c", CORPUS, n)
    regs = {d.name: d for d in sorted((src / "regulation").iterdir())}
    return make_project(tmp_path / "p", regs, "      pdf: false\n")


def stamps(site):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def test_nothing_changed_builds_nothing_and_one_text_rebuilds_its_pages(tmp_path, corpus_files):
    from kb.cli.site import build_site

    proj = project(tmp_path)
    t = time.perf_counter()
    first = build_site(proj, catalog=False)
    full_s = time.perf_counter() - t
    assert first["rebuilt"] == "full"
    site = proj / "site"
    before = stamps(site)

    t = time.perf_counter()
    again = build_site(proj, catalog=False)
    assert again["rebuilt"] == "fresh" and stamps(site) == before
    assert time.perf_counter() - t < 0.5 * full_s

    text = proj / "regulation" / "r002" / "current.md"
    body = text.read_text(encoding="utf-8")
    marker = "紫藤花条款"
    i = body.index("第二条")
    text.write_text(body[:i] + body[i:].replace("。", f"{marker}。", 1), encoding="utf-8")
    one = build_site(proj, catalog=False)
    assert one["rebuilt"] == {"r002"}
    after = stamps(site)
    changed = {k for k in after if after[k] != before.get(k)}
    # besides r002: the site's own pages (home, collections, search, the actor pages across
    # regulations) and the regulations whose 相关条文 panels changed with r002's text
    again_regs = {"r002"} | one["panels_changed"]
    assert changed and all(k.split("/")[0] in again_regs or "/" not in k
                           or k.startswith(("collections/", "search/", "actors/", "assets/", "kb/"))
                           for k in changed), sorted(changed)[:20]
    assert not any(k.startswith(tuple(f"{r}/" for r in {"r001", "r003"} - again_regs)) and k.endswith(".html")
                   for k in changed)
    for r in one["panels_changed"]:       # a panel there quotes r002's new wording
        assert any(marker in p.read_text(encoding="utf-8") for p in (site / r).rglob("*.html")), r
    assert any(k.startswith("r002/") and k.endswith(".html") for k in changed)
    assert any(marker in p.read_text(encoding="utf-8") for p in (site / "r002").rglob("*.html"))
    assert set(after) == set(before), "every page and download is still there"
    # the downloads of the changed regulation are new, the others' are kept
    assert any(k.startswith("r002/current/downloads/") for k in changed)
    assert marker.encode() in (site / "r002" / "current" / "downloads" / "r002-current.txt").read_bytes()

    forced = build_site(proj, catalog=False, force=True)
    assert forced["rebuilt"] == "full"


def test_a_template_change_rebuilds_everything(tmp_path, corpus_files):
    from kb.cli.site import build_site

    proj = project(tmp_path, 2)
    build_site(proj, catalog=False)
    (proj / "overrides").mkdir(exist_ok=True)
    meta = proj / "regulation" / "r001" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "short_title: 简称\n", encoding="utf-8")
    assert build_site(proj, catalog=False)["rebuilt"] == "full"
    assert build_site(proj, catalog=False)["rebuilt"] == "fresh"
    (proj / "site" / "index.html").unlink()
    assert build_site(proj, catalog=False)["rebuilt"] == "full", "a site removed by hand is built again"


def test_a_changed_text_remakes_the_panels_that_quote_it(tmp_path):
    """A regulation's 相关条文 panel quotes an article of another: when that article's wording
    changes, an incremental build remakes the quoting regulation's pages too, so no panel shows the
    old wording."""
    from kb.cli.site import build_site
    from kb.library.related import load_library

    regs = ("suining-community", "城市居民委员会组织法", "北京市实施中华人民共和国城市居民委员会组织法办法")
    proj = make_project(tmp_path / "p", {r: ROOT / "regulation" / r for r in regs}, "      pdf: false\n")
    build_site(proj, catalog=False)
    lib = load_library(proj)
    quoting, quoted = next((e.reg.id, r.entry) for e in lib.entries for r in lib.related(e, limit=3, marks=False)
                           if r.entry.reg.id != e.reg.id)
    text = proj / "regulation" / quoted.reg.id / quoted.version.file
    assert quoted.label in text.read_text(encoding="utf-8")
    body = text.read_text(encoding="utf-8")
    marker = "紫藤花条款"
    i = body.index(quoted.label)
    text.write_text(body[:i] + body[i:].replace("。", f"{marker}。", 1), encoding="utf-8")
    one = build_site(proj, catalog=False)
    assert one["rebuilt"] == {quoted.reg.id} and quoting in one["panels_changed"]
    # the panel's rows, read when it is opened (kb.site.rendering.related_files)
    assert any(marker in p.read_text(encoding="utf-8") for p in (proj / "site" / quoting).glob("*/related/*.html"))
