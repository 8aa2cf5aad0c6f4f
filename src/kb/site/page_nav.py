"""The navigation each page carries: a regulation's pages carry that regulation's tree only.

mkdocs hands every page the whole site's navigation, and the theme writes it into every page: with
200 regulations one chapter page listed 399 entries, its HTML grew with every regulation added,
and rendering that navigation on every page was a quarter of ``kb build``.  A page of a regulation
(any of its versions, its comparisons) gets instead a navigation of the site's home page and that
regulation's section, made of the same nav objects (so the current page and its section are
marked as mkdocs marked them); the site's own pages (home, collections) keep the site's
navigation, grouped as :func:`kb.site.planning.site_nav` made it.  Other regulations are reached
from the home page, which lists them all.
"""
from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section


def regulation_navs(nav: Navigation, pages: dict) -> dict[str, Navigation]:
    """regulation id -> the navigation its pages carry.  ``pages``: the plan's pages (src_uri ->
    info); a section belongs to a regulation when every page under it does."""
    def reg_of(item) -> str | None:
        file = getattr(item, "file", None)
        info = pages.get(file.src_uri) if file is not None else None
        return regulation_of(info) if info else None

    def owner(item) -> str | None:
        if isinstance(item, Section):
            regs = {owner(c) for c in item.children}
            return regs.pop() if len(regs) == 1 else None
        return reg_of(item)

    top = [i for i in nav.items if not isinstance(i, Section) and reg_of(i) is None]   # 首页
    sections: dict[str, Section] = {}

    def find(items) -> None:
        for item in items:
            if not isinstance(item, Section):
                continue
            r = owner(item)
            if r is not None:
                sections.setdefault(r, item)
            else:
                find(item.children)
    find(nav.items)
    if len(sections) <= 1:
        return {}                   # one regulation: its tree is the site's navigation
    out = {}
    for r, section in sections.items():
        items = top + [section]
        mine = {id(p) for p in _pages(items)}
        out[r] = Navigation(items, [p for p in nav.pages if id(p) in mine])
    return out


def regulation_of(info: dict) -> str | None:
    """The regulation a planned page belongs to (None for the site's own pages)."""
    vs = info.get("vs")
    if vs is None and info.get("kind") == "compare":
        vs = info["obj"][1]
    return vs.reg.id if vs is not None else None


def _pages(items):
    for i in items:
        if isinstance(i, Section):
            yield from _pages(i.children)
        elif getattr(i, "file", None) is not None:
            yield i
