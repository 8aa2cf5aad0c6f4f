"""kb build does only what changed (kb.site.freshness): nothing at all when no input changed,
only the changed regulation's pages (and the site's own pages, which list it) when one text
changed, everything when the templates, metadata or kb changed, or with --force."""
from __future__ import annotations

import json
import time

import pytest

from conftest import CORPUS, ROOT
from test_site import make_project


# the texts these tests build, named (kb.dev.bench_site.corpus_project spreads over the corpus less the session's
# held-out texts, so each draw shifted its picks: r002 became a text every actor page lists, and an edit's bigrams no
# longer fell into one shard); a text held out by a later draw is replaced by the spread's next one.  The three the
# tests took before the fourteenth session's draw, and the four the first test took (with three of them, 重庆市邮政条例
# as r003, an edit of r003 rebuilt the whole site: not what these tests are about)
REPORTS = "DLC/北京地方法规/地方性法规/北京/关于市人民政府向市人民代表大会常务委员会报告重大事项的若干规定.md"
TEXTS = {3: (REPORTS, "DLC/广东地方法规/地方性法规/广东/汕头经济特区基层医疗卫生服务条例(2022-12-30).md",
             "社会法/农村集体经济组织法(2024-06-28).md"),
         4: (REPORTS, "DLC/北京地方法规/地方性法规/北京/北京市食品安全条例.md",
             "DLC/重庆地方法规/地方性法规/重庆/重庆市邮政条例(2012-11-29).md", "经济法/对外贸易法(2022-12-30).md")}


def project(tmp_path, n=3):
    from kb.dev.bench_site import corpus_project

    src = corpus_project(tmp_path / "c", CORPUS, n, TEXTS.get(n, TEXTS[3][:n]))
    regs = {d.name: d for d in sorted((src / "regulation").iterdir())}
    return make_project(tmp_path / "p", regs, "      pdf: false\n")


def stamps(site):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def test_nothing_changed_builds_nothing_and_one_text_rebuilds_its_pages(tmp_path, corpus_files):
    from kb.cli.site import build_site

    # four texts: with three spread ones, the draw of the thirteenth session of 2026-12-06 made r002 a text every actor
    # page lists, and no page was left to show that an actor page without r002 is kept
    proj = project(tmp_path, 4)
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

    generated = {k: (site / k).read_bytes() for k in before if k.startswith("search/kb")}    # the map: kb.site.search_index
    text = proj / "regulation" / "r002" / "current.md"
    body = text.read_text(encoding="utf-8")
    i = body.index("第二条")
    # the edit's new bigrams (the character before the 。 with the marker's first, the marker, its last with the 。) and
    # the one it may remove (the character before the 。 with the 。) fall into one shard of the knowledge-base map, so
    # the other shards must be left as they are: a fixed five-character marker spread its bigrams over every shard of a
    # three-shard map when the held-out draw of the eighth session of 2026-12-05 changed the texts (182 pairs of flower
    # names: one fits unless the map has very many shards). A pair cannot always fit: with four shards a bigram's shard
    # is the difference of its characters' code points modulo 4 (31 = -1), so a pair fits only when 。 and the character
    # before it differ by an even number — the twenty-fifth round's obligation records gave these texts a four-shard
    # map and r002 a character at an odd distance. Four characters always fit then (their five differences sum to that
    # of the bigram removed): the shortest marker of distinct flower names that fits is taken.
    from itertools import permutations
    from kb.site.search_index import shard_of

    shards = json.loads(generated["search/kb.json"])["shards"]
    before_dot = body[body.index("。", i) - 1]
    flowers = "紫藤萝蔷薇芍药牡丹桂梅兰菊竹"

    def fits(m: str) -> bool:
        grams = [before_dot + m[0]] + [m[j:j + 2] for j in range(len(m) - 1)] + [m[-1] + "。", before_dot + "。"]
        return len({shard_of(g, shards) for g in grams}) == 1

    marker = next((m for n in (2, 3, 4) for m in map("".join, permutations(flowers, n)) if fits(m)), None)
    assert marker, f"no marker of {flowers} puts the edit's bigrams into one of {shards} shards"
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
    # the actor pages across regulations: those that list r002 are made again, the others are left as they were
    across = {k for k in after if k.startswith("actors/") and k.endswith("/index.html") and k != "actors/index.html"}
    listing = {k for k in across if 'href="../../r002/current/actors/' in (site / k).read_text(encoding="utf-8")}
    assert listing and across - listing, (len(listing), len(across))
    assert {k for k in across if k in changed} == listing
    # a generated file whose bytes the site holds already is left as it is (here the knowledge-base map's shards),
    # one whose bytes changed is written (so are r002's downloads, below)
    same = {k for k, data in generated.items() if (site / k).read_bytes() == data}
    assert same and not same & changed and set(generated) - same <= changed, sorted(same & changed)[:5]
    assert set(generated) - same == {"search/kb.json", f"search/kb-{shard_of(marker, shards)}.json"} and shards > 1
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


def _files(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.parametrize("cut", [False, True])
def test_a_rebuild_of_one_text_writes_the_site_a_full_build_writes(tmp_path, corpus_files, cut):
    """What a dirty build keeps (the other regulations' pages, downloads and search indexes, read back for the
    knowledge-base map; the actor pages across regulations that do not list it) is what a full build of the same
    inputs writes: the two sites are the same, file for file.  cut: the text is cut to one article, so that
    actors it named drop out of the pages across regulations, and some of those pages out of the site."""
    import zipfile
    from io import BytesIO

    from kb.cli.site import build_site

    proj = project(tmp_path)
    build_site(proj, catalog=False)
    across = set((proj / "site" / "actors").glob("*/index.html"))
    text = proj / "regulation" / "r003" / "current.md"
    body = text.read_text(encoding="utf-8")
    if cut:
        body = body.splitlines()[0] + "\n\n第一条　本条例自公布之日起施行。紫藤花条款。\n"
    text.write_text(body.replace("。", "紫藤花条款。", 1), encoding="utf-8")
    assert build_site(proj, catalog=False)["rebuilt"] == {"r003"}
    if cut:
        assert set((proj / "site" / "actors").glob("*/index.html")) < across, "pages of actors named once are gone"
    dirty = _files(proj / "site")
    assert build_site(proj, catalog=False, force=True)["rebuilt"] == "full"
    full = _files(proj / "site")
    assert set(dirty) == set(full) and "search/kb.json" in full
    differ = [k for k in full if dirty[k] != full[k] and not (
        k.endswith((".docx", ".xlsx")) and all(zipfile.ZipFile(BytesIO(dirty[k])).read(n) == zipfile.ZipFile(BytesIO(full[k])).read(n)
                                                for n in zipfile.ZipFile(BytesIO(full[k])).namelist()))]
    assert not differ, differ[:10]
    assert "紫藤花条款".encode() in full["r003/current/search.json"]


def test_the_actors_readings_are_kept_for_the_next_build(tmp_path):
    """The pinyin addresses of actor pages are worked out once and kept in the project's .kb: the next build reads
    them back and does not load pypinyin's dictionary; the pages' addresses are the same."""
    import json
    import os
    import subprocess
    import sys

    proj = make_project(tmp_path / "p", {"suining-community": ROOT / "regulation" / "suining-community"})
    child = ("import sys, json\nfrom pathlib import Path\nfrom kb.cli.site import build_site\n"
             "build_site(Path(sys.argv[1]), catalog=False, force=True)\n"
             "print(json.dumps('pypinyin' in sys.modules))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    env.pop("KB_LAYER_CACHE", None)

    def build():
        out = subprocess.run([sys.executable, "-c", child, str(proj)], capture_output=True, text=True, env=env, cwd=proj)
        assert out.returncode == 0, out.stderr[-2000:]
        pages = sorted(p.relative_to(proj / "site").as_posix() for p in (proj / "site").rglob("actors/*/index.html"))
        return json.loads(out.stdout.strip().splitlines()[-1]), pages

    loaded, pages = build()
    kept = list((proj / ".kb" / "layers").glob("*/readings-pypinyin-*.json"))
    assert loaded and len(kept) == 1 and pages
    readings = json.loads(kept[0].read_text(encoding="utf-8"))
    assert readings["slug"]["居民委员会"] == "juminweiyuanhui"
    assert build() == (False, pages)
    kept[0].write_text(json.dumps({"slug": {"居民委员会": "../../etc"}}), encoding="utf-8")      # not a reading: worked out again
    assert build() == (True, pages)


def _two_seed_regulations(tmp_path):
    regs = ("suining-community", "城市居民委员会组织法")
    return make_project(tmp_path / "p", {r: ROOT / "regulation" / r for r in regs})


def _touch_text(proj, reg="suining-community"):
    text = proj / "regulation" / reg / "draft.txt"
    body = text.read_text(encoding="utf-8")
    i = body.index("第二条")
    text.write_text(body[:i] + body[i:].replace("。", "紫藤花条款。", 1), encoding="utf-8")


def test_a_planted_build_state_deletes_nothing_outside_the_site(tmp_path):
    """The build state (.kb/site/<hash>.json) names the actor pages across regulations the last build made; a
    dirty build removes those that are gone.  A state that names anything else — a path out of the site folder,
    an absolute one, a page that is not an actor's page across regulations — is not followed: nothing outside
    the site's actor pages is removed, and the build completes."""
    import json

    from kb.cli.site import build_site
    from kb.site import freshness

    proj = _two_seed_regulations(tmp_path)
    assert build_site(proj, catalog=False)["rebuilt"] == "full"
    site = proj / "site"
    state = freshness.state_path(proj, site)
    data = json.loads(state.read_text(encoding="utf-8"))
    assert data["listings"], "the seed's two regulations share actors"
    own = site / "notes" / "index.html"       # a file of the site folder that is no actor's page across regulations
    victims = [tmp_path / "victim" / "index.html", tmp_path / "abs" / "index.html", own]
    for v in victims:
        v.parent.mkdir(parents=True, exist_ok=True)
        v.write_text("precious", encoding="utf-8")
    data["listings"].update({"../../victim/index.md": ["某主体", "0" * 40],
                             str(tmp_path / "abs" / "index.md"): ["某主体", "0" * 40],
                             "notes/index.md": ["某主体", "0" * 40],
                             "actors/../index.md": ["某主体", "0" * 40]})
    # the state also vouches for the site folder as it is now (with the page planted in it): else that page,
    # not made by the last build, makes this build a full one, which empties the folder first
    data["outputs"] = freshness.site_walk(site)["digest"]
    state.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _touch_text(proj)
    assert build_site(proj, catalog=False)["rebuilt"] == {"suining-community"}
    assert all(v.is_file() for v in victims), [str(v) for v in victims if not v.is_file()]


@pytest.mark.parametrize("damage", ["truncated", "foreign", "missing"])
def test_a_damaged_kept_search_index_is_made_again_with_a_warning(tmp_path, caplog, damage):
    """A dirty build reuses the search index (search.json) of a regulation it keeps, as the last build wrote it, for
    the knowledge-base map.  A file that is not what that build wrote — cut short by an interrupted copy, valid JSON of
    another site, gone — makes the next build a full one (the build record's listing of the site folder sees it); where
    the listing cannot see it (a file put back with the size and time it had), it is still not trusted: it is made
    again from the model and written, with a warning naming it, and the site is the one a full build writes (never a
    traceback)."""
    from kb.cli.site import build_site
    from kb.site import freshness

    proj = _two_seed_regulations(tmp_path)
    build_site(proj, catalog=False)
    index = proj / "site" / "城市居民委员会组织法" / "2018-12-29" / "search.json"
    good = index.read_bytes()
    if damage == "truncated":
        index.write_bytes(good[:300])
    elif damage == "foreign":
        index.write_text('{"docs": []}', encoding="utf-8")
    else:
        index.unlink()
    # the record of the last build (its listing of the site folder) sees the change, and a build would be a full one
    assert freshness.up_to_date(proj, None, False) is None
    # damage it cannot see (a file put back with the size and time it had): a state that vouches for the folder as it is
    state = freshness.state_path(proj, proj / "site")
    data = json.loads(state.read_text(encoding="utf-8"))
    data["outputs"] = freshness.site_walk(proj / "site")["digest"]
    state.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    text = proj / "regulation" / "suining-community" / "draft.txt"    # a change that quotes nothing new
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    caplog.clear()
    one = build_site(proj, catalog=False)
    assert one["rebuilt"] == {"suining-community"} and "城市居民委员会组织法" not in one["panels_changed"]
    assert index.read_bytes() == good
    err = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "WARNING")   # kb build: 警告：…
    assert "城市居民委员会组织法/2018-12-29/search.json" in err and "重新生成" in err, err
    dirty = _files(proj / "site")
    build_site(proj, catalog=False, force=True)
    assert dirty["search/kb.json"] == _files(proj / "site")["search/kb.json"]
