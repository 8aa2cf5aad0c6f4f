"""material's search plugin on kb's pages: its per-page step skipped where it would change nothing.

kb keeps material's search plugin (the theme shows its search box only with it) and excludes every
page it generates from material's index (``page.meta["search"] = {"exclude": True}``, kb.site.plugin:
kb's own worker searches per-regulation indexes instead).  On such a page material's
``on_page_context`` indexes nothing, then removes ``data-search-*`` attributes with a regular
expression run over the page's whole HTML; kb's pages carry none, so the expression finds nothing,
but running it over some 10,000 pages of a 200-regulation site cost about a second of CPU.

:func:`skip_where_unchanged` puts a wrapper in place of that handler in mkdocs' list of
``page_context`` handlers (``config.plugins.events``, where mkdocs registered it): on a page excluded
from material's index whose HTML holds no ``data-search-`` it returns at once, which is what the
handler would have done (nothing indexed, the same HTML); on every other page it calls the handler.
This module is the only place that knows of it (tests/site/test_theme_search.py guards it).
"""
from __future__ import annotations

import functools

#: the attributes material's handler removes (its expression: ``\\s?data-search-\\w+="[^"]+"``)
MARK = "data-search-"


def _search_plugin_class():
    try:
        from material.plugins.search.plugin import SearchPlugin
    except ImportError:             # another theme: nothing to skip
        return None
    return SearchPlugin


def unchanged_by_search(page) -> bool:
    """material's ``on_page_context`` would leave this page as it is: excluded from its index, and
    no ``data-search-`` attribute in its HTML."""
    search = page.meta.get("search") if isinstance(page.meta, dict) else None
    content = page.content
    return (isinstance(search, dict) and bool(search.get("exclude"))
            and isinstance(content, str) and MARK not in content)


def skip_where_unchanged(plugins) -> bool:
    """Wrap material search's ``on_page_context`` in ``plugins`` (mkdocs' PluginCollection) so that
    it is not run on a page it would leave unchanged; True when it was (or already is) wrapped."""
    cls = _search_plugin_class()
    handlers = getattr(plugins, "events", {}).get("page_context")
    if cls is None or handlers is None:
        return False
    done = False
    for i, handler in enumerate(handlers):
        if getattr(handler, "kb_skips_unchanged", False):
            done = True
        elif isinstance(getattr(handler, "__self__", None), cls) and \
                getattr(handler, "__func__", None) is cls.on_page_context:
            handlers[i] = _skipping(handler)
            done = True
    return done


def _skipping(handler):
    @functools.wraps(handler)
    def on_page_context(context, *, page, config, nav):
        if unchanged_by_search(page):
            return None             # the handler's own answer: it returns nothing
        return handler(context, page=page, config=config, nav=nav)

    on_page_context.kb_skips_unchanged = True
    on_page_context.kb_wrapped = handler
    return on_page_context
