"""Plain-data views of a parsed document (the JSON export contract).

Enrichment layers (definitions, references, obligations …) add their own keys:
each module named in ``LAYERS`` provides ``export_layer(doc, root=None) -> dict``; a layer
whose module is missing is skipped, so the base export never depends on them.
"""
from __future__ import annotations

import importlib
from pathlib import Path

from kb.text.gcpause import gc_paused
from kb.text.model import Document, Node

#: modules that add keys to the export, in order
LAYERS = ("kb.layers.links", "kb.layers.obligations")


def node_ref(n: Node) -> dict:
    return {"eid": n.eid, "kind": n.kind, "label": n.label, "citation": n.citation, "line": n.line}


def item_dict(it: Node) -> dict:
    d = {"number": it.number, "marker": it.label, "eid": it.eid, "citation": it.citation,
         "text": it.full_text(), "line": it.line}
    if it.children:
        d["subitems"] = [{"number": s.number, "marker": s.label, "eid": s.eid, "citation": s.citation,
                          "text": s.text, "line": s.line} for s in it.children]
    return d


def article_dict(a: Node, lazy: bool = False) -> dict:
    chapter = a.ancestor("chapter")
    section = a.ancestor("section")
    part = a.ancestor("part")
    return {
        "number": a.number, "label": a.label, "heading": a.title,
        "heading_brackets": "".join(a.brackets) if a.brackets else None,
        "chapter": chapter.number if chapter else None,
        "chapter_eid": chapter.eid if chapter else None,
        "section": section.number if section else None,
        "part": part.number if part else None,
        "eid": a.eid, "citation": a.citation, "line": a.line,
        "paragraphs": _paragraphs(_paragraphs_of(a), lazy),
    }


def _paragraphs_of(a: Node) -> list[Node]:
    """An article's paragraphs: its children themselves when all are (no copy of a list of a
    million paragraphs)."""
    kids = a.children
    return kids if all(c.kind == "paragraph" for c in kids) else [p for p in kids if p.kind == "paragraph"]


def _paragraphs(paras: list[Node], lazy: bool) -> list:
    return Lazy(lambda: map(paragraph_dict, paras), len(paras)) if lazy else [paragraph_dict(p) for p in paras]


def paragraph_dict(p: Node) -> dict:
    return {"number": p.number, "eid": p.eid, "citation": p.citation, "text": p.text, "line": p.line,
            "items": [item_dict(i) for i in p.children]}


def heading_dict(n: Node) -> dict:
    parent = n.parent
    return {"number": n.number, "label": n.label, "title": n.title, "eid": n.eid, "line": n.line,
            "parent": parent.eid if parent is not None and parent.kind != "document" else None}


class Lazy(list):
    """A list for the JSON encoder whose members are made as it reaches them (``make()``
    yields them, ``n`` of them) and dropped once written: the export of a text of a million
    short lines never holds a dict per line.  Only for encoding (json.JSONEncoder.iterencode
    with an indent, which walks lists with ``len`` and ``for``)."""

    def __init__(self, make, n: int):
        super().__init__()
        self.make, self.n = make, n

    def __len__(self) -> int:
        return self.n

    def __iter__(self):
        return iter(self.make())


#: a text of more lines or characters than these is exported with its articles made as the JSON encoder
#: reaches them (:class:`Lazy`: a dict per line held at once would be as large again as the tree); a
#: shorter one is made whole, so that orjson, which writes the same text as the json encoder some thirty
#: times faster, can write it (kb.outputs.formats: it takes data of up to ORJSON_MAX_CHARS characters,
#: about four times the text's own once the layers quote it)
STREAM_LINES = 20_000
STREAM_CHARS = 1_000_000


def streamed(doc: Document) -> bool:
    """Is ``doc`` large enough for ``kb export`` to make its export as it writes it (``lazy``)?"""
    text = doc.text or ""
    return len(text) > STREAM_CHARS or text.count("\n") > STREAM_LINES


def document_dict(doc: Document, layers: bool = True, lazy: bool = False, root: Path | None = None) -> dict:
    """The export of ``doc``; ``lazy``: its articles made as the JSON encoder reaches them
    (:class:`Lazy`: for kb export's streamed JSON, not for reading back); ``root``: the knowledge base
    being exported or built, handed to each layer (which citations it links, whose actors.yml; None:
    the project doc's file is in, never the current directory).  Made with the cyclic collector
    paused (kb.text.gcpause): a burst of dicts and lists without cycles."""
    with gc_paused():
        return _document_dict(doc, layers, lazy, root)


#: the kinds of node the export lists apart from the articles' own (their headings, the preamble …)
_LISTED_KINDS = ("preamble", "part", "subpart", "chapter", "section", "article", "prologue", "annex")


def _nodes_by_kind(doc: Document) -> dict[str, list[Node]]:
    """The nodes of the kinds the export lists, each kind in document order: one walk of the tree
    (it was one walk per kind, eight over every paragraph and item)."""
    out: dict[str, list[Node]] = {k: [] for k in _LISTED_KINDS}
    for n in doc.root.walk():
        bucket = out.get(n.kind)
        if bucket is not None:
            bucket.append(n)
    return out


def _document_dict(doc: Document, layers: bool, lazy: bool, root: Path | None = None) -> dict:
    kinds = _nodes_by_kind(doc)
    pre = kinds["preamble"][0] if kinds["preamble"] else None
    articles = kinds["article"]
    out = {
        "regulation": {
            "title": doc.title, "status": doc.status, "source": doc.source,
            "id": doc.meta.get("regulation"), "version": doc.meta.get("version"),
            "version_label": doc.meta.get("version_label"), "date": doc.meta.get("date"),
            "jurisdiction": doc.meta.get("jurisdiction"), "issuing_body": doc.meta.get("issuing_body"),
            "encoding": doc.encoding, "bom": doc.bom, "format": doc.format,
            "notes": doc.meta.get("notes", []),
        },
        "preamble": {"eid": pre.eid, "text": pre.text, "line": pre.line} if pre else None,
        "parts": [heading_dict(n) for n in kinds["part"]],
        "subparts": [heading_dict(n) for n in kinds["subpart"]],
        "chapters": [heading_dict(n) for n in kinds["chapter"]],
        "sections": [heading_dict(n) for n in kinds["section"]],
        "articles": (Lazy(lambda: (article_dict(a, lazy=True) for a in articles), len(articles))
                     if lazy else [article_dict(a) for a in articles]),
        "prologue": [{"eid": p.eid, "text": p.full_text(), "line": p.line} for p in kinds["prologue"]],
        "annexes": [{"eid": a.eid, "label": a.label, "title": a.title, "text": a.full_text(), "line": a.line}
                    for a in kinds["annex"]],
        "warnings": [{"file": w.file, "line": w.line, "message": w.message} for w in doc.warnings],
    }
    if layers:
        for name in LAYERS:
            try:
                mod = importlib.import_module(name)
            except ModuleNotFoundError as e:
                if e.name != name:
                    raise
                continue
            fn = getattr(mod, "export_layer", None)
            if fn:
                out.update(fn(doc, root=root))
    return out
