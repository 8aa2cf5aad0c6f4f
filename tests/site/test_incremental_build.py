"""kb build does only what changed (kb.site.freshness): nothing at all when no input changed,
only the changed regulation's pages (and the site's own pages, which list it) when one text
changed, everything when the templates, metadata or kb changed, or with --force."""
from __future__ import annotations

import time

from conftest import CORPUS
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
    assert changed and all(k.startswith("r002/") or "/" not in k or k.startswith(("collections/", "search/"))
                           or k.startswith(("assets/", "kb/")) for k in changed), sorted(changed)[:20]
    assert not any(k.startswith(("r001/", "r003/")) and k.endswith(".html") for k in changed)
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
