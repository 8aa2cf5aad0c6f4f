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
