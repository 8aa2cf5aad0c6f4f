"""Definitions: where the text says what one of its terms means (本条例所称X，是指…), and how far
that meaning reaches (本章所称 confines it to the chapter).

Everything else in the layer that speaks of terms (their uses, the site's glossary, the search
catalog's definition records) starts from the list this module finds.
"""
from __future__ import annotations

import re

from kb.layers.links.records import Definition
from kb.layers.links.scan import (SELF_ALT, SELF_WORDS, cached, context, inside, line_at, prev_sibling,
                                  scanned_nodes, title_spans)
from kb.text.model import Document, Node

_SCOPE_WORDS = SELF_ALT + "|本章|本节|本条|本款|前款|前两款|前三款"
_QUOTES = "“”\"「」『』‘’'【】"
_DEF_INTRO = re.compile(
    rf"(?P<scope>{_SCOPE_WORDS})(?:中)?所称(?:的)?(?P<terms>[^，,。；;：:\n]{{1,60}}?)[，,]?"
    rf"(?P<verb>分别是指|分别指|是指|系指|指|包括)")
# X，是指 / “X”是指 at the start of a 附则 paragraph or of an item under 下列用语的含义
_DEF_LEAD = re.compile(
    rf"^(?P<terms>[{_QUOTES}]?[^，,。；;：:\s{_QUOTES}本前第]"
    rf"[^，,。；;：:\s{_QUOTES}]{{0,24}}?[{_QUOTES}]?(?:[、和][{_QUOTES}]?[^，,。；;：:\s{_QUOTES}]{{1,24}}?[{_QUOTES}]?)*?)"
    rf"[，,]?(?P<verb>分别是指|是指|系指|(?<=[，,])指)")
# “A”、“B” are two terms; an unquoted A、B (捕捞、养殖渔船, 工具、设备) stays one term unless 分别是指
# says otherwise: splitting it would make 捕捞 or 设备 a term and link it everywhere
_TERM_SPLIT = re.compile(r"(?<=[”」』’】])(?:、|和|及|以及)(?=[“「『‘【])")
_TERM_SPLIT_RESP = re.compile(r"、|以及|和|及")


def definitions(doc: Document) -> list[Definition]:
    return cached(doc, "defs", lambda: _find(doc))


def _find(doc: Document) -> list[Definition]:
    out: list[Definition] = []
    term_lists: dict = {}
    for n in scanned_nodes(doc):
        out.extend(_node_definitions(n, term_lists))
    return out


def _in_final_provisions(n: Node, term_lists: dict) -> bool:
    """Whether n may define a term without saying 所称: in the 附则 chapter, or as an entry of a
    list of terms (下列用语的含义：).  ``term_lists`` remembers the entries of each parent read."""
    chap = n.ancestor("chapter")
    if chap is not None and chap.title and "附则" in chap.title:
        return True
    para = n if n.kind == "paragraph" else n.ancestor("paragraph")
    if n.kind in ("item", "subitem") and para is not None and _names_terms(para, term_lists):
        return True
    if n.kind == "paragraph" and n.parent is not None:
        return n in _term_list_entries(n.parent, term_lists)
    return False


def _names_terms(para: Node, memo: dict) -> bool:
    """Whether a paragraph speaks of terms (its items may then define without 所称); asked for
    each of its items, answered once.  The nodes are read in document order, so a paragraph's
    items are asked about together: only the last paragraph's answer is kept (one per paragraph
    was 23 MB of a text of 87,000 one-line articles)."""
    last = memo.get("names-terms")
    if last is None or last[0] is not para:
        last = memo["names-terms"] = (para, re.search(r"用语|含义|名词|术语", para.text) is not None)
    return last[1]


_TERM_LIST = re.compile(r"(用语|名词|术语)的?含义[是为]?[：:]\s*$")


_NO_ENTRIES: frozenset = frozenset()


def _term_list_entries(parent: Node, memo: dict) -> "set[Node] | frozenset":
    """The paragraphs of ``parent`` after one that opens a list of terms (下列用语的含义：) whose
    entries were written as plain paragraphs (no （一） markers).  Each parent is read once, so a
    long article costs one pass, not one pass per paragraph; its paragraphs come together in
    document order, so only the last parent's entries are kept (see _names_terms)."""
    last = memo.get("term-list")
    if last is not None and last[0] is parent:
        return last[1]
    entries: "set[Node] | frozenset" = _NO_ENTRIES
    opened = False
    for p in parent.children:
        if p.kind != "paragraph":
            continue
        if opened:
            if not entries:
                entries = set()
            entries.add(p)
        elif _TERM_LIST.search(p.text):
            opened = True
    memo["term-list"] = (parent, entries)
    return entries


def _node_definitions(n: Node, term_lists: dict) -> list[Definition]:
    text = n.text
    hits = []
    if "所称" in text:          # (every definition _DEF_INTRO finds says 所称: most provisions do not)
        titles = title_spans(text)
        for m in _DEF_INTRO.finditer(text):
            if inside(titles, m.start(), m.end()):
                continue
            hits.append((m.start(), m.start("terms"), m.group("terms"), m.group("scope"), m.group("verb"), m.end()))
    if not hits and _in_final_provisions(n, term_lists):
        m = _DEF_LEAD.match(text)
        if m:
            hits.append((0, 0, m.group("terms"), None, m.group("verb"), m.end()))
    if not hits:
        return []
    art, para, item = context(n)
    res = []
    for i, (s, ts, terms, scope_word, verb, body_start) in enumerate(hits):
        body_end = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        body = text[body_start:body_end].strip().lstrip("，,：:")
        if verb not in ("是指", "指", "系指", "分别是指", "分别指"):
            body = verb + body
        scope = _scope_eid(n, scope_word)
        splitter = _TERM_SPLIT_RESP if verb.startswith("分别") else _TERM_SPLIT
        parts = terms.split("、")
        if len(parts) > 1 and max(map(len, parts)) - min(map(len, parts)) <= 1 and max(map(len, parts)) <= 3:
            splitter = _TERM_SPLIT_RESP         # 以上、以下、以内: parallel terms of one kind
        pos = ts
        for raw in splitter.split(terms):
            k = terms.index(raw, pos - ts) if raw else pos - ts
            term = raw.strip(_QUOTES + " 　")
            if not term or len(term) > 30:
                continue
            off = ts + k + raw.index(term)
            res.append(Definition(term=term, eid=n.eid, article=art.number if art else None,
                                  paragraph=para.number if para else None,
                                  item=item.number if item else None, definition=body, scope=scope,
                                  start=off, end=off + len(term), line=line_at(n, off), body_end=body_end))
            pos = ts + k + len(raw)
    return res


def _scope_eid(n: Node, word: str | None) -> str | None:
    art, para, _ = context(n)
    if word is None or word in SELF_WORDS:
        return None
    if word == "本章":
        c = n.ancestor("chapter")
        return c.eid if c else None
    if word == "本节":
        s = n.ancestor("section")
        return s.eid if s else None
    if word == "本条":
        return art.eid if art else None
    if word == "本款":
        return para.eid if para else None
    if word == "前款":
        prev = prev_sibling(para, "paragraph", 1)
        return prev[0].eid if prev else (para.eid if para else None)
    if word in ("前两款", "前三款"):
        return art.eid if art else None
    return None
