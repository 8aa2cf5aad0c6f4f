"""References: every citation in the text, of this text (第十五条第二款, 前款, 第三至五项, 本条例)
or of another law, in document order, each resolved to its target or carrying why it cannot be.

This module walks the nodes and follows a sentence from one citation to the next (a bare 第二项
after 第二十六条第一款 means that paragraph's item); the grammar of citations, their resolution to
nodes and the references to other laws each have a module of their own.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from kb.layers.laws import LawEntry, index_fingerprint, normalise_title
from kb.layers.links.citations import Tok, chains, cites, segments, tokens
from kb.layers.links.external import LawsNamed, link_laws, named_laws, other_laws_provision
from kb.layers.links.provisions import check_pinpoints
from kb.layers.links.records import Reference
from kb.layers.links.resolve import Resolver
from kb.layers.links.scan import cached, inside, line_at, numbers, scanned_nodes, title_spans, within
from kb.text.model import Document, Node

#: (where the citation ends, the provision it named): what later bare 第N项/第N款 of the sentence belong to
Context = tuple[int, Node]

def references(doc: Document, index: dict[str, LawEntry] | None = None) -> list[Reference]:
    """Every reference in the text, in document order. ``index``: a law index
    (:func:`kb.layers.laws.law_index`) to link external references to laws in the knowledge base; a
    citation of a provision that law does not have carries why (``missing``: kb.layers.links.provisions)."""
    if not index:
        return cached(doc, "refs", lambda: _find(doc), index_fingerprint(None))
    # the law index links the references to other laws and changes nothing else: those linked are the
    # unlinked ones (which the catalog finds first, and the layer cache keeps) with each law looked up,
    # not a second reading of the text (kb build read every text twice, once for the catalog, once for the site)
    refs = cached(doc, "refs", lambda: _linked(references(doc), index), index_fingerprint(index))
    check_pinpoints(refs, index)
    return refs


def _linked(refs: list[Reference], index: dict[str, LawEntry]) -> list[Reference]:
    """A copy of a text's unlinked references in which each reference to another law is linked to the
    knowledge base's law (link_laws with the index): what _find gives with the index."""
    out = [replace(r, targets=list(r.targets), parts=list(r.parts)) for r in refs]
    link_laws([r for r in out if r.kind == "external"], None, index)
    return out


def _find(doc: Document) -> list[Reference]:
    """Every reference in the text, unlinked (the laws it names are linked by _linked)."""
    res = Resolver(doc)
    own_title = normalise_title(doc.title) if doc.title else None
    out: list[Reference] = []
    list_ctx: dict[str | None, Node] = {}     # paragraph -> the provision its intro cites
    for n in scanned_nodes(doc):
        text = n.text
        mk = _maker(n)
        node_refs: list[Reference] = []
        titles = title_spans(text)
        ext = named_laws(text, titles, mk)
        found = chains(tokens(text)) if cites(text) else []
        if found:       # (what the citations are read with: most provisions cite nothing)
            ext_end = {r.end: r for r in ext}
            named = LawsNamed(text, ext)
            periods = _Periods(text)
        last_ctx: Context | None = None
        for chain in found:
            cs, ce = chain[0].start, chain[-1].end
            if inside(titles, cs, ce):
                continue
            if chain[0].kind == "num" and other_laws_provision(text, cs, ce, ext, ext_end, mk, named):
                continue
            outer, near = _outer(n, cs, last_ctx, list_ctx, periods)
            refs, ctx = _internal(res, n, chain, outer, near, mk, doc.title, list_ctx)
            node_refs.extend(refs)
            if ctx is not None:
                last_ctx = ctx
        link_laws(ext, own_title, None)
        node_refs.extend(ext)
        node_refs.sort(key=lambda r: r.start)
        out.extend(node_refs)
    return out


def _maker(n: Node):
    """mk(kind, start, end, targets, target=None, warning=None): a Reference of node n."""
    text = n.text
    where: list[tuple] = []       # (article, paragraph, item): found when the first reference is made

    def mk(kind, s, e, targets, target=None, warning=None):
        if not where:
            where.append(numbers(n))
        arn, pan, itn = where[0]
        return Reference(eid=n.eid, article=arn, paragraph=pan, item=itn, text=text[s:e], start=s, end=e,
                         kind=kind, targets=targets, target=target, line=line_at(n, s), warning=warning)
    return mk


class _Periods:
    """Where a text's full stops are, to tell whether two places are in one sentence without
    reading the text between them again for every citation."""

    def __init__(self, text: str):
        self.at = [m.start() for m in re.finditer("。", text)]

    def between(self, a: int, b: int) -> bool:
        """Whether a full stop stands in text[a:b]."""
        return bisect_left(self.at, b) > bisect_left(self.at, a)


def _outer(n: Node, cs: int, last_ctx: Context | None, list_ctx: dict[str | None, Node],
           periods: _Periods) -> tuple[Node | None, bool]:
    """The provision a bare 第N项/第N款 at ``cs`` may belong to, and whether it is near (same
    sentence, or the item of a list whose intro cited it)."""
    if last_ctx is not None:
        return last_ctx[1], not periods.between(last_ctx[0], cs)
    if n.kind in ("item", "subitem"):
        return list_ctx.get(n.ancestor("paragraph").eid if n.ancestor("paragraph") else None), True
    return None, False


def _internal(res: Resolver, n: Node, chain: list[Tok], outer: Node | None, near: bool, mk,
              doc_title: str | None, list_ctx: dict[str | None, Node]) -> tuple[list[Reference], Context | None]:
    """The references of one chain citing this text, and the provision later bare 第N项/第N款 of
    the sentence belong to (None when the chain names none); a list intro's provision is recorded
    in ``list_ctx`` for the list's items."""
    text = n.text
    node_refs: list[Reference] = []
    last_ctx: Context | None = None
    prev_nodes: list[Node] | None = None
    segs = segments(chain)
    i = 0
    while i < len(segs):
        conj, toks = segs[i]
        s, e = toks[0].start, toks[-1].end
        nodes, err = res.segment(n, toks, prev_nodes, outer, near)
        if len(toks) == 1 and toks[0].kind == "self":
            node_refs.append(mk("self", s, e, [], doc_title))
            prev_nodes = None
            i += 1
            continue
        # a range: this segment 至 the next
        if i + 1 < len(segs) and segs[i + 1][0] in ("至", "到") and not err:
            toks2 = segs[i + 1][1]
            nodes2, err2 = res.segment(n, toks2, nodes, outer, near)
            e2 = toks2[-1].end
            if err2:
                node_refs.append(mk("internal", s, e2, [], None, err2))
            else:
                span = res.span(nodes[0], nodes2[-1]) if nodes and nodes2 else []
                if not span:
                    node_refs.append(mk("internal", s, e2, [], None, f"“{text[s:e2]}”：范围无效"))
                else:
                    node_refs.append(mk("internal", s, e2, [x.eid for x in span],
                                        span[0].eid if len(span) == 1 else None))
                    if span[0].kind == "item" and span[0].parent is not None:
                        last_ctx = (e2, span[0].parent)
                prev_nodes = nodes2
            i += 2
            continue
        if err:
            node_refs.append(mk("internal", s, e, [], None, err))
            prev_nodes = None
        else:
            eids = [x.eid for x in nodes]
            node_refs.append(mk("internal", s, e, eids, eids[0] if len(eids) == 1 else None))
            prev_nodes = nodes
            # the provision later bare 第N项/第N款 of the sentence belong to: the items' parent
            # (第二十二条第一款第（一）、（二）项…第（四）项), or the one node named
            same = all(x.parent is nodes[0].parent for x in nodes)
            ctx = nodes[0].parent if same and nodes[0].kind == "item" else (
                nodes[0] if len(nodes) == 1 else None)
            if ctx is not None and ctx.kind in ("article", "paragraph") and ctx is not n \
                    and not within(n, ctx.eid):
                last_ctx = (e, ctx)
                if n.kind == "paragraph" and any(c.kind == "item" for c in n.children):
                    list_ctx[n.eid] = ctx
        i += 1
    return node_refs, last_ctx
