"""Whether the provision a citation of another law names is in that law as the knowledge base holds it.

《中华人民共和国城市居民委员会组织法》第九十九条 names a law the knowledge base holds, but that law has 23
articles: the citation is not a link.  The references layer finds the law (its result is cached with the
law index's fingerprint); the cited law's text can change without the index changing, so whether the
provision is there is read here, each time the references are asked for, from the cited text as it is now
(parsed once per process while the file is unchanged, and kept as the names of its provisions).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from kb.errors import KbError
from kb.layers.laws import LawEntry, book_title, lookup
from kb.layers.links.records import Reference
from kb.text.numerals import to_chinese


@dataclass
class Held:
    """What a cited law's text holds, as much as a citation of it needs: its number of articles, and the eid of
    every article and part of one (art_5__para_1__point_3) with its citation, kind and number of parts."""
    articles: int
    names: dict = field(default_factory=dict)      # name -> (citation, kind, children)

    def get(self, eid: str):
        return self.names.get(eid)


#: (path, size, mtime) -> Held, or None (unreadable: nothing is flagged), for the life of the process: a site
#: of many texts citing many laws parses each cited law once (a few names per provision, not its Document)
_HELD: dict = {}


def _held(path: str) -> Held | None:
    """What the cited law's text at ``path`` holds, None when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not os.path.isfile(path):
        return None                     # a law split over a folder of the corpus (民法典/): not checked
    key = (path, st.st_size, st.st_mtime_ns)
    if key not in _HELD:
        from kb.text.parse import parse_file

        try:
            doc = parse_file(path)
        except (KbError, OSError, UnicodeDecodeError):
            _HELD[key] = None
        else:
            _HELD[key] = _names(doc)
    return _HELD[key]


def _names(doc) -> Held:
    """The eid of every article of ``doc`` and of every part of one (what Document.get answers for a pinpoint,
    which always names an article first: kb.layers.links.external)."""
    held = Held(len(doc.articles))
    for a in doc.articles:
        for n in a.walk():
            held.names[n.eid] = (n.citation, n.kind, len(n.children))
    return held


def _text_of(r: Reference, entry: LawEntry) -> str | None:
    """The file of the text a linked reference lands on: the regulation's latest version (or the part
    of the law it lands on), or the corpus file."""
    if r.link in entry.texts:
        return entry.texts[r.link]
    if entry.kind == "corpus" and r.link == entry.link:
        return entry.link
    return None


def missing_provision(r: Reference, held: Held) -> str | None:
    """Why the provision ``r`` cites is not in ``held`` (the cited law as the knowledge base holds it), None when
    it is."""
    if held.get(r.link_eid) is not None:
        return None
    title = book_title(r.target or "")
    parts = r.link_eid.split("__")
    head = None
    for k in range(len(parts) - 1, 0, -1):
        head = held.get("__".join(parts[:k]))
        if head is not None:
            break
    if head is None:
        return f"本知识库所收的{title}中没有{_cited(r)}（共{to_chinese(held.articles)}条）"
    citation, kind, n = head
    unit = {"article": "款", "paragraph": "项", "item": "目"}.get(kind, "项")
    what = f"只有{to_chinese(n)}{unit}" if n > 1 else f"不分{unit}"
    return f"本知识库所收的{title}中没有{_cited(r)}（{citation}{what}）"


def _cited(r: Reference) -> str:
    """The provision cited, as the pinpoint writes it (its first provision for a list)."""
    from kb.layers.links.external import first_provision

    return first_provision(r.pinpoint) or r.pinpoint or ""


def check_pinpoints(refs: list[Reference], index: dict[str, LawEntry] | None) -> None:
    """Set ``missing`` on each reference whose law is in the knowledge base but whose cited provision is not."""
    for r in refs:
        if r.kind != "external" or not r.link or not r.link_eid:
            if r.missing:
                r.missing = None
            continue
        entry = lookup(r.target or "", index)
        path = _text_of(r, entry) if entry is not None else None
        held = _held(path) if path else None
        r.missing = missing_provision(r, held) if held is not None else None
