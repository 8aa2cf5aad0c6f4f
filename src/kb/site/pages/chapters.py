"""The pages of the regulation's own text: the whole text on one page (全文), a chapter's articles
(grouped by section), the prologue and the annexes.  Their tables of contents come from the parse
tree."""
from __future__ import annotations

import html


def ctx_chapter(r):
    ch, arts = r.info["obj"]
    blocks = []        # [(section node or None, [articles])]
    for a in arts:
        sec = a.ancestor("section")
        if not blocks or blocks[-1][0] is not sec:
            blocks.append((sec, []))
        blocks[-1][1].append(a)
    has_sections = any(s is not None for s, _ in blocks)
    toc = []
    for sec, lst in blocks:
        items = [{"level": 3 if has_sections else 2, "id": a.eid,
                  "name": html.escape(r.heading(a), quote=False), "children": []} for a in lst]
        if sec is not None:
            toc.append({"level": 2, "id": sec.eid, "name": html.escape(f"{sec.label}　{sec.title or ''}"),
                        "children": items})
        else:
            toc += items
    return {"chapter": ch, "blocks": blocks, "hlevel": 3 if has_sections else 2}, toc


def ctx_prologue(r):
    nodes = r.info["obj"]
    toc = [{"level": 2, "id": n.eid, "name": html.escape(n.title or n.label or "序言"), "children": []}
           for n in nodes]
    return {"nodes": nodes}, toc


def ctx_annexes(r):
    items = []
    for n in r.info["obj"]:
        head = " ".join(x for x in (n.label, n.title) if x) or "附件"
        lines = [ln for ln in n.full_text().split("\n") if ln.strip()]
        items.append((n, head, lines))
    toc = [{"level": 2, "id": n.eid, "name": html.escape(head), "children": []} for n, head, _ in items]
    return {"items": items}, toc


def ctx_fulltext(r):
    """The whole text in reading order: [(kind, node, heading level)] for the template, where kind
    is "heading" (编、章、节), "article", "prologue" or "annex"; links stay on the page."""
    items: list = []
    for n in r.vs.doc.root.children:
        _fulltext_items(r, n, 2, items)
    toc = [{"level": 2, "id": n.eid, "name": html.escape(_heading_text(n)), "children": []}
           for kind, n, level in items if kind == "heading" and level == 2]
    return {"items": items}, toc


def _fulltext_items(r, n, level: int, out: list) -> None:
    if n.kind in ("part", "subpart", "chapter", "section"):
        out.append(("heading", n, min(level, 4)))
        for c in n.children:
            _fulltext_items(r, c, level + 1, out)
    elif n.kind == "article":
        out.append(("article", n, min(level, 5)))
    elif n.kind in ("prologue", "annex"):
        out.append((n.kind, n, min(level, 4)))


def _heading_text(n) -> str:
    return "　".join(x for x in (n.label, n.title) if x) or n.citation


def ctx_background(r):
    """A background document (起草说明 …): its paragraphs, the articles they cite linked."""
    bg = r.info["obj"]
    paras = [(pid, _linked(r, text)) for pid, text, _ in bg.paragraphs]
    return {"bg": bg, "paras": paras}, []


def _linked(r, text: str):
    from markupsafe import Markup

    from kb.site.background import article_spans

    out, pos = [], 0
    for start, end, eid in article_spans(text, r.vs.doc):
        out.append(html.escape(text[pos:start], quote=False))
        out.append(f'<a class="kb-ref" href="{html.escape(r.node_link(eid) or "")}">'
                   f'{html.escape(text[start:end], quote=False)}</a>')
        pos = end
    out.append(html.escape(text[pos:], quote=False))
    return Markup("".join(out))
