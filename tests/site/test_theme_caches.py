"""The theme's parts that kb renders once and reuses (kb.site.plugin) are reused only where every page they
serve would print the same (code review 6, item 7)."""
from __future__ import annotations

from types import SimpleNamespace

from conftest import ROOT


def _context(features):
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.theme["features"] = list(features)
    return {"page": SimpleNamespace(url="r001/current/a1/"), "config": config, "nav": None, "base_url": "../../.."}


def test_the_header_is_reused_per_folder_unless_sticky_tabs_mark_the_page_s_section():
    from kb.site.plugin import _header_key

    plain = _header_key(_context(["navigation.top"]))
    assert plain == ("r001/current", 3, "../../..", "")
    # navigation.tabs.sticky: the header holds the tabs, whose active one is the page's own top-level section
    assert _header_key(_context(["navigation.tabs", "navigation.tabs.sticky"])) is None
    assert _header_key(_context(["navigation.tabs"])) == plain      # tabs below the header: not in it


def test_the_page_free_blocks_are_rendered_once_per_folder_and_print_what_the_theme_prints(tmp_path, monkeypatch):
    """kb.site.plugin._cache_theme_page_free_blocks: the theme's stylesheets, first scripts, fonts, analytics,
    last scripts and (on a page with no previous or next page) footer are rendered once per folder; and
    _cache_theme_language: the theme's words module is made once for the site's language.  The site is the one
    built with every page rendering them and making its words module."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from kb.dev.bench_site import corpus_project
    from kb.site import plugin
    from conftest import CORPUS, need_shared
    from test_site import make_project

    need_shared(CORPUS)
    src = corpus_project(tmp_path / "c", CORPUS, 3)
    proj = make_project(tmp_path / "p", {d.name: d for d in sorted((src / "regulation").iterdir())},
                        "      pdf: false\n      downloads: false\n")
    renders: dict = {}
    reuse = plugin._reuse_block

    def counted(env, template, name, key):            # how often each reused block's theme part runs
        block = env.get_template(template).blocks[name]
        own = getattr(block, "kb_original", block)

        def run(context):
            renders[name] = renders.get(name, 0) + 1
            yield from own(context)
        env.get_template(template).blocks[name] = run
        reuse(env, template, name, key)

    def site(folder):
        cfg = load_config(str(proj / "mkdocs.yml"), site_dir=str(folder))
        build(cfg)
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.html")}

    words = plugin._cache_theme_language

    def counted_words(env):                           # how often the words module is made
        t = env.get_template("partials/language.html")
        own = getattr(t.make_module, "kb_original", t.make_module)

        def make(*args):
            renders["language"] = renders.get("language", 0) + 1
            return own(*args)
        t.make_module = make
        words(env)

    monkeypatch.setattr(plugin, "_reuse_block", counted)
    monkeypatch.setattr(plugin, "_cache_theme_language", counted_words)
    reused = site(tmp_path / "reused")
    pages, made = len(reused), dict(renders)
    monkeypatch.setattr(plugin, "_cache_theme_page_free_blocks", lambda env: None)
    monkeypatch.setattr(plugin, "_cache_theme_language", lambda env: None)
    assert site(tmp_path / "each") == reused
    assert made["language"] == 1, made
    folders = len({k.rpartition("/")[0].rpartition("/")[0] for k in reused})
    assert all(made[b] <= folders + 3 < pages / 2 for b in ("styles", "libs", "fonts", "analytics", "scripts")), \
        (made, folders, pages)
    # pages in the navigation have a previous or next page in the footer: rendered for each
    assert folders < made["footer"] < pages
