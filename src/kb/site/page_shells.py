"""Pages the theme would write alike but for their own title, address, headings and text, written from one shell.

An actor's page (7,286 of the 10,616 pages of a site of 200 regulations) is in no navigation and has no
previous or next page: what the theme writes around its text is the same for every actor page of one folder
but for four things of the page itself — its title (the tab title and the top bar), its address (the
canonical link, when the site has an address), its table of contents and its text.  Rendering that frame,
even with kb's cached parts of it (kb.site.plugin), was a third of a millisecond a page.

So the first page of such a group is rendered as usual and cut, at those four values, into a shell; a later
page of the group is the shell filled with its own four.  The shell is trusted only after it has been
checked: the next page of the group whose title and address differ from the first page's is rendered as
usual too and compared with the filled shell; if they differ, the group is rendered as usual from then on.
A value that could be written otherwise than as it is (a title with &, <, >, quotes or white space) or that
the first page's HTML does not hold where it should (its text or table of contents not exactly once) leaves
the group — or the page — rendered as usual.

A group is every page of one folder, under the same navigation (in which none of them is), with the same
metadata but the title, the same ancestors, not the home page, and no previous or next page and no edit link;
and what the theme writes of its values elsewhere than where it writes them — material's link to the first
heading (skip to content), and a heading of the title for a text without one — the same.
"""
from __future__ import annotations

import re

#: a title or an address written as it is wherever the theme writes it (no escaping, striptags or white space
#: collapsing changes it)
_PLAIN_TITLE = re.compile(r"[^&<>\"'\s]+")
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9:/._~%\-]+")

#: the values a shell is cut at, in the order they are looked for (a title inside the text stays in the text);
#: True: the value is where the first page's HTML holds it exactly once
HOLES = (("content", True), ("toc", True), ("title", False), ("canonical", False))


class Shell:
    """The HTML of a group's first page cut at its values: literal pieces and hole names, in order."""

    def __init__(self, parts: list | None, first: dict):
        self.parts = parts          # [str | (hole name,)], None: not usable
        # the title and address of the page it was cut from (a page the check can tell from it has others)
        self.first = {name: first.get(name) for name, once in HOLES if not once}
        self.checked = False

    @classmethod
    def cut(cls, html: str, values: dict) -> "Shell":
        parts: list = [html]
        for name, once in HOLES:
            value = values.get(name)
            if value is None:
                continue
            out: list = []
            found = 0
            for p in parts:
                if not isinstance(p, str):
                    out.append(p)
                    continue
                pieces = p.split(value)
                found += len(pieces) - 1
                for i, piece in enumerate(pieces):
                    if i:
                        out.append((name,))
                    out.append(piece)
            if found == 0 or (once and found != 1):
                return cls(None, values)
            parts = out
        return cls(parts, values)

    def fits(self, values: dict) -> bool:
        """Whether the shell is usable and the page has a value for each of its holes."""
        return self.parts is not None and all(values.get(p[0]) is not None for p in self.parts if not isinstance(p, str))

    def fill(self, values: dict) -> str:
        return "".join(p if isinstance(p, str) else values[p[0]] for p in self.parts)

    def check(self, html: str, values: dict) -> None:
        """Compare a page rendered as usual with the shell filled with its values, when they tell a title or
        an address cut by mistake (one that happened to be written elsewhere too) from the first page's: a page
        whose title and address differ from the first page's (its text and headings, which the first page's HTML
        holds exactly once, are where the shell has them)."""
        if self.checked or not self.fits(values):
            return
        if any(values.get(name) == first for name, first in self.first.items() if first is not None):
            return
        if self.fill(values) == html:
            self.checked = True
        else:
            self.parts = None


def page_values(context, toc_key, tocs: dict) -> dict | None:
    """The four values of the page being rendered (its table of contents as the theme wrote it, None when it
    has not written that list yet), or None when the page cannot be written from a shell."""
    page = context.get("page")
    meta = getattr(page, "meta", None)
    if page is None or not isinstance(meta, dict):
        return None
    title, content = meta.get("title"), getattr(page, "content", None)
    if not isinstance(title, str) or title != page.title or not _PLAIN_TITLE.fullmatch(title):
        return None
    if not isinstance(content, str) or not content:
        return None
    canonical = getattr(page, "canonical_url", None)
    if canonical is not None and not (isinstance(canonical, str) and _PLAIN_ADDRESS.fullmatch(canonical)):
        return None
    key = toc_key(context)
    if key is None:
        return None
    return {"content": content, "toc": tocs.get(key), "title": title, "canonical": canonical}


def group_key(context, nav_key):
    """What every page of a group shares (see the module's docstring), None for a page of no group."""
    page = context.get("page")
    if page is None or page.previous_page is not None or page.next_page is not None or page.edit_url \
            or page.is_homepage:
        return None
    nav = nav_key(context)              # None: the page is in the navigation, or an entry of it lies under it
    if nav is None:
        return None
    try:
        meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k != "title"))
    except TypeError:                   # keys that do not sort
        return None
    # what material's base.html derives from the page's values outside the holes: the skip link to the first
    # heading, and a heading of the title where the text has none (partials/content.html)
    first = next(iter(page.toc or ()), None)
    return (nav, meta, tuple(id(a) for a in page.ancestors or ()), getattr(first, "url", None),
            "<h1" in page.content)


def shelled(render, nav_key, toc_key, tocs: dict):
    """The page template's render function (context -> pieces of HTML) writing a group's pages from its
    shell once the shell is checked; made from the theme's own function even when it was wrapped before."""
    original = getattr(render, "kb_original", render)
    shells: dict = {}

    def render_page(context):
        values = page_values(context, toc_key, tocs)
        key = group_key(context, nav_key) if values is not None else None
        if key is None:
            yield from original(context)
            return
        shell = shells.get(key)
        if shell is not None and shell.checked and shell.fits(values):
            yield shell.fill(values)
            return
        html = "".join(original(context))
        values["toc"] = tocs.get(toc_key(context))      # written by now, if the theme writes it
        if shell is None:
            shells[key] = Shell.cut(html, values) if values["toc"] is not None else Shell(None, values)
        else:
            shell.check(html, values)
        yield html

    render_page.kb_original = original
    return render_page
