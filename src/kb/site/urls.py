"""Page URLs as mkdocs makes them, and links between pages."""
from __future__ import annotations

import functools


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The URL (relative to the site root) mkdocs gives a Markdown file."""
    stem = src_uri[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def relative(target: str, current: str) -> str:
    path, sep, frag = target.partition("#")
    if path == current and sep:
        return "#" + frag
    rel = _relative_path(path, current)
    return rel + (sep + frag if sep else "")


@functools.lru_cache(maxsize=1 << 16)
def _relative_path(path: str, current: str) -> str:
    """``path`` from the page at ``current`` (a page links many anchors of one other page)."""
    from mkdocs.utils import get_relative_url

    rel = get_relative_url(path or ".", current or ".") if path != current else "./"
    if path.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
