"""Page URLs as mkdocs makes them, and links between pages."""
from __future__ import annotations

import functools
import re


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


#: what a URL's path may not hold as it is: controls, space, a scheme's colon, and what a URL or
#: HTML reads as a query, a fragment, an escape or markup (other characters, Chinese included, stay)
_UNSAFE = re.compile(r"[\x00-\x20\x7f\"#%'<>?\\^`{|}:]")


def url_path(path: str) -> str:
    """``path`` (built from regulation and version names) as a URL path: the characters above are
    percent-encoded, so a name like ``javascript:alert(1)`` can never read as a scheme.  Names are
    refused with such characters (kb.project.confined_name); this keeps a link a link regardless."""
    return _UNSAFE.sub(lambda m: "%{:02X}".format(ord(m.group())), path)


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
    return url_path(rel)
