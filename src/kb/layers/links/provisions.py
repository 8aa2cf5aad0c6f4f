"""Whether the provision a citation of another law names is in that law as the knowledge base holds it.

《中华人民共和国城市居民委员会组织法》第九十九条 names a law the knowledge base holds, but that law has 23
articles: the citation is not a link.  The references layer finds the law (its result is cached with the
law index's fingerprint); the cited law's text can change without the index changing, so whether the
provision is there is read here, each time the references are asked for, from the cited text as it is now
(parsed once per process while the file is unchanged).
"""
from __future__ import annotations

import os
from collections import OrderedDict

from kb.errors import KbError
from kb.layers.laws import LawEntry, book_title, lookup
from kb.layers.links.records import Reference
from kb.text.numerals import to_chinese

#: parsed cited texts kept in memory: (path, size, mtime) -> Document (or None: unreadable, not checked)
_DOCS: OrderedDict = OrderedDict()
_KEEP = 16


def _held_doc(path: str):
    """The Document of the cited law's text at ``path``, None when it cannot be read (then nothing is flagged)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not os.path.isfile(path):
        return None                     # a law split over a folder of the corpus (民法典/): not checked
    key = (path, st.st_size, st.st_mtime_ns)
    if key in _DOCS:
        _DOCS.move_to_end(key)
        return _DOCS[key]
    from kb.text.parse import parse_file

    try:
        doc = parse_file(path)
    except (KbError, OSError, UnicodeDecodeError):
        doc = None
    _DOCS[key] = doc
    while len(_DOCS) > _KEEP:
        _DOCS.popitem(last=False)
    return doc


def _text_of(r: Reference, entry: LawEntry) -> str | None:
    """The file of the text a linked reference lands on: the regulation's latest version (or the part
    of the law it lands on), or the corpus file."""
    if r.link in entry.texts:
        return entry.texts[r.link]
    if entry.kind == "corpus" and r.link == entry.link:
        return entry.link
    return None


def missing_provision(r: Reference, doc) -> str | None:
    """Why the provision ``r`` cites is not in ``doc`` (the cited law as held), None when it is."""
    if doc.get(r.link_eid) is not None:
        return None
    title = book_title(r.target or "")
    parts = r.link_eid.split("__")
    held = None
    for k in range(len(parts) - 1, 0, -1):
        held = doc.get("__".join(parts[:k]))
        if held is not None:
            break
    if held is None:
        return f"本知识库所收的{title}中没有{_cited(r)}（共{to_chinese(len(doc.articles))}条）"
    unit = {"article": "款", "paragraph": "项", "item": "目"}.get(held.kind, "项")
    n = len(held.children)
    what = f"只有{to_chinese(n)}{unit}" if n > 1 else f"不分{unit}"
    return f"本知识库所收的{title}中没有{_cited(r)}（{held.citation}{what}）"


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
        doc = _held_doc(path) if path else None
        r.missing = missing_provision(r, doc) if doc is not None else None
