"""material's search handler is not run on kb's pages where it would change nothing (kb.site.theme_search),
and is run, as before, everywhere else."""
from __future__ import annotations

import types

import pytest

from conftest import ROOT, copy_seed

from kb.site.theme_search import skip_where_unchanged



def _config(tmp_path, regulation: bool = False):
    """The configuration of a project with material's search and kb, as mkdocs loads it."""
    from mkdocs.config import load_config

    from test_site import make_project

    proj = make_project(tmp_path / "p", {})
    if regulation:
        copy_seed(proj / "regulation" / "suining-community")
    else:
        (proj / "regulation").mkdir()
    return load_config(str(proj / "mkdocs.yml"))


def _page(content: str, exclude: bool):
    meta = {"search": {"exclude": True}} if exclude else {}
    return types.SimpleNamespace(meta=meta, content=content, toc=[], url="a/b/", title="页",
                                 file=types.SimpleNamespace(src_uri="a/b.md"))


def _run(config, page):
    """The page_context handlers of material search, as mkdocs runs them (kb's own needs a built plan)."""
    from material.plugins.search.plugin import SearchPlugin

    for h in config.plugins.events["page_context"]:
        if getattr(h, "kb_skips_unchanged", False) or isinstance(getattr(h, "__self__", None), SearchPlugin):
            h({}, page=page, config=config, nav=None)


@pytest.fixture
def wrapped(tmp_path):
    config = _config(tmp_path)
    search = config.plugins["material/search"]
    search.on_config(config)                        # sets up material's index (kb's on_config is not needed here)
    seen = []
    original = search.search_index.add_entry_from_context
    search.search_index.add_entry_from_context = lambda page: (seen.append(page.url), original(page))[1]
    assert skip_where_unchanged(config.plugins)
    return config, search, seen


def test_an_excluded_page_without_search_attributes_is_left_alone(wrapped):
    config, search, seen = wrapped
    html = '<article class="md-content__inner"><p id="art_1">第一条　本条例。</p></article>'
    page = _page(html, exclude=True)
    _run(config, page)
    assert page.content is html and seen == [] and search.search_index.entries == []


def test_material_still_strips_its_attributes_and_indexes_other_pages(wrapped):
    config, search, seen = wrapped
    page = _page('<h1 id="x">标题</h1><p data-search-exclude="true">不进索引</p>', exclude=True)
    _run(config, page)
    assert seen == ["a/b/"] and "data-search-" not in page.content and "不进索引" in page.content
    page = _page('<h1 id="x">标题</h1><p>正文</p>', exclude=False)
    _run(config, page)
    assert seen == ["a/b/", "a/b/"] and search.search_index.entries


def test_wrapping_twice_keeps_one_wrapper(wrapped):
    config, _, _ = wrapped
    before = list(config.plugins.events["page_context"])
    assert skip_where_unchanged(config.plugins)
    assert config.plugins.events["page_context"] == before
    assert sum(getattr(h, "kb_skips_unchanged", False) for h in before) == 1


def test_kb_build_configuration_wraps_materials_handler(tmp_path):
    """kb's on_config puts the wrapper in place (the one handler of material search for page_context)."""
    from material.plugins.search.plugin import SearchPlugin

    config = _config(tmp_path, regulation=True)
    handlers = config.plugins.events["page_context"]
    assert any(getattr(h, "__func__", None) is SearchPlugin.on_page_context for h in handlers)
    config = config.plugins.on_config(config)
    handlers = config.plugins.events["page_context"]
    assert not any(getattr(h, "__func__", None) is SearchPlugin.on_page_context for h in handlers)
    ours = [h for h in handlers if getattr(h, "kb_skips_unchanged", False)]
    assert len(ours) == 1 and ours[0].kb_wrapped.__self__ is config.plugins["material/search"]


def _counted(tmp_path, name: str, which):
    """(config, theme environment, template name, the theme's words, calls): each rendering of the template
    appends which(context) to calls."""
    config = _config(tmp_path)
    env = config.theme.get_env()
    t = env.get_template(name)
    lang = env.get_template("partials/language.html").make_module({"config": config})
    own = t.root_render_func
    calls = []

    def counted(context):
        calls.append(which(context))
        yield from own(context)

    t.root_render_func = counted
    return config, env, t, lang, calls


def test_the_search_box_is_the_themes_own_rendered_once_per_depth(tmp_path):
    """kb.site.plugin._cache_theme_search_box: the theme's search box (no link, nothing of the page) is
    rendered once per base_url and reused, the same HTML as the theme makes for each page."""
    from kb.site.plugin import _cache_theme_search_box

    config, env, t, lang, calls = _counted(tmp_path, "partials/search.html", lambda context: context.get("base_url"))
    pages = [{"config": config, "lang": lang, "features": [], "base_url": b, "page": _page(f"<p>{i}</p>", True)}
             for i, b in enumerate(["..", "../..", "..", "../..", "."])]
    want = [t.render(c) for c in pages]
    assert len(calls) == 5 and "md-search" in want[0]
    calls.clear()
    _cache_theme_search_box(env)
    assert [t.render(c) for c in pages] == want and calls == ["..", "../..", "."]


def test_a_table_of_contents_is_rendered_once_per_list_of_headings(tmp_path):
    """kb.site.plugin._cache_theme_toc: pages with the same headings (title, anchor, level, nesting) share one
    rendering of the theme's table of contents, the same HTML as the theme makes for each; other headings,
    and a list longer than TOC_REUSED, are rendered for their page."""
    from mkdocs.structure.toc import get_toc

    from kb.site.plugin import TOC_REUSED, _cache_theme_toc

    config, env, t, lang, calls = _counted(tmp_path, "partials/toc.html", lambda context: context["page"].url)

    def page(url, toc):
        p = _page("", True)
        p.url, p.toc = url, get_toc(toc)
        return {"config": config, "lang": lang, "page": p}

    duty = [{"level": 2, "id": "m-duty", "name": "义务", "children": []}]
    nested = [{"level": 2, "id": "a", "name": "甲", "children": [{"level": 3, "id": "b", "name": "乙", "children": []}]}]
    flat = [{"level": 2, "id": "a", "name": "甲", "children": []}, {"level": 3, "id": "b", "name": "乙", "children": []}]
    long = [{"level": 2, "id": f"art_{i}", "name": f"第{i}条", "children": []} for i in range(TOC_REUSED + 1)]
    pages = [page("r1/v/actors/a/", duty), page("r2/v/actors/b/", duty), page("x/", nested), page("y/", flat),
             page("z/", []), page("c1/", long), page("c2/", long)]
    want = [t.render(c) for c in pages]
    assert "m-duty" in want[0] and want[0] == want[1] and want[2] != want[3]
    calls.clear()
    _cache_theme_toc(env)
    assert [t.render(c) for c in pages] == want
    assert calls == ["r1/v/actors/a/", "x/", "y/", "z/", "c1/", "c2/"]
