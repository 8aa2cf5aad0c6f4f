"""An index page for every folder of the site that has no page of its own.

A reader who shortens an address (``/慈善法/2023-12-29/chp_3/`` → ``/慈善法/``, or the address of a
相关条文 file → ``…/related/``) got a 404 from a static host, or the server's directory listing.  Each
such folder now holds a small ``index.html`` that sends the reader on — a regulation's folder to its
latest version, a version's ``related/`` to that version's home page, any other folder (``search/``,
``kb/``) to the folder above it — with a ``<meta http-equiv="refresh">`` (no script: it works where
scripts are off) and a link saying where it leads.  mkdocs' theme assets (``assets/``) are left alone.
"""
from __future__ import annotations

import html
import posixpath

from kb.layers.laws import book_title
from kb.site.urls import page_url, relative

#: the theme's own folders: not the reader's addresses
SKIPPED = ("assets/",)
#: what only these pages hold (they are not reading pages: no heading, banner or navigation)
MARK = '<meta http-equiv="refresh"'


def is_folder_page(html_text: str) -> bool:
    """Whether a page of the site is one of these (tests and tools that read every page skip them)."""
    return MARK in html_text


def folder_pages(plan, dests: list[str]) -> list[tuple[str, bytes]]:
    """``[(folder/index.html, its bytes)]`` for every folder holding one of ``dests`` (the site's files,
    paths from its root) or a version's related/ folder, that holds no index.html of its own."""
    du = plan.directory_urls
    dests = set(dests)
    folders = {posixpath.dirname(d) for d in dests}
    folders |= {vs.base + "related" for vs in plan.sites if vs.related}
    for f in list(folders):
        while f:                      # every folder above a file is a folder too
            folders.add(f)
            f = posixpath.dirname(f)
    latest = {vs.base.split("/", 1)[0]: vs for vs in plan.sites if vs.latest}
    related = {vs.base + "related": vs for vs in plan.sites}
    out = []
    for f in sorted(folders):
        if not f or f + "/index.html" in dests or (f + "/").startswith(SKIPPED):
            continue
        here = f + "/"
        if f in latest:
            vs = latest[f]
            target, words = page_url(vs.p("index.md"), du), f"本法规的最新版本：{book_title(vs.title)}{vs.version.label}"
        elif f in related:
            vs = related[f]
            target, words = page_url(vs.p("index.md"), du), (f"{book_title(vs.title)}{vs.version.label}"
                                                             "（各条的相关条文在条文下方的“相关条文”中）")
        else:
            target = posixpath.dirname(f) + "/" if "/" in f else ""
            words = "上一级页面" if target else "网站首页"      # the parent folder, or the home page at the top
            if not du:
                target += "index.html"
        href = relative(target, here)
        out.append((here + "index.html", redirect_page(href + "/" if du and not href.endswith("/") else href, words)))
    return out


def redirect_page(href: str, words: str) -> bytes:
    """A page that sends the reader to ``href`` (relative to it, made by kb.site.urls.relative: a URL
    path) at once, saying where (``words``)."""
    h, w = html.escape(href), html.escape(words)
    return (f'<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>转到{w}</title>'
            f'{MARK} content="0; url={h}"><link rel="canonical" href="{h}"></head>\n'
            f'<body><p>本地址没有页面，正在转到<a href="{h}">{w}</a>。</p></body></html>\n').encode("utf-8")
