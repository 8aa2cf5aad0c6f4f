"""Which 编, 分编, 章 and 节 of two texts correspond, once their articles are aligned.

Headings are matched after the articles, because a chapter is best recognised by where its
articles went (a renamed chapter keeps its articles; a renumbered one keeps its title), and the
chapter correspondence in turn tells which aligned articles were *moved* to another chapter.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kb.compare.similarity import bigrams, normalize
from kb.text.model import Document, Node

HEADING_KINDS = ("part", "subpart", "chapter", "section")


@dataclass
class HeadingLink:
    kind: str
    old: Node | None
    new: Node | None
    status: str                       # unchanged|renamed|renumbered|regraded|added|deleted


def _heading_nodes(doc: Document, kind: str) -> list[Node]:
    return list(doc.nodes(kind))


def align_headings(old_doc, new_doc, old, new, links) -> list[HeadingLink]:
    """Headings of each kind: same title first, then by where their articles went."""
    out: list[HeadingLink] = []
    o_of = {u.node: u.index for u in old}
    n_of = {u.node: u.index for u in new}
    art_map = defaultdict(set)
    for l in links:
        if l.old is not None and l.new is not None:
            art_map[l.old].add(l.new)
    for kind in HEADING_KINDS:
        hs_old, hs_new = _heading_nodes(old_doc, kind), _heading_nodes(new_doc, kind)
        if not hs_old and not hs_new:
            continue
        arts_old = {h: {o_of[a] for a in h.walk() if a.kind == "article" and a in o_of} for h in hs_old}
        arts_new = {h: {n_of[a] for a in h.walk() if a.kind == "article" and a in n_of} for h in hs_new}
        pairs = _pair_headings(hs_old, hs_new, arts_old, arts_new, art_map)
        out += _heading_links(kind, hs_old, hs_new, pairs)
    return _regraded(out, o_of, n_of, art_map)


def _pair_headings(hs_old, hs_new, arts_old, arts_new, art_map) -> dict[int, int]:
    """old heading position -> new heading position, best scoring (title and shared articles) first."""
    # candidate heading pairs: same title, or sharing at least one aligned article (no full product)
    head_of_new_art = defaultdict(list)
    for j, hn in enumerate(hs_new):
        for n in arts_new[hn]:
            head_of_new_art[n].append(j)
    by_title = defaultdict(list)
    for j, hn in enumerate(hs_new):
        by_title[normalize(hn.title or "")].append(j)
    scores = []
    for i, ho in enumerate(hs_old):
        mapped = set()
        for o in arts_old[ho]:
            mapped |= art_map.get(o, set())
        to = normalize(ho.title or "")
        cand = set(by_title.get(to, [])) if to else set()
        for n in mapped:
            cand.update(head_of_new_art.get(n, ()))
        if not mapped and not cand:
            cand = set(range(len(hs_new))) if len(hs_new) <= 50 else set()
        for j in sorted(cand):
            hn = hs_new[j]
            tn = normalize(hn.title or "")
            title = 1.0 if to and to == tn else _dice(to, tn)
            overlap = len(mapped & arts_new[hn]) / max(1, min(len(mapped), len(arts_new[hn]))) \
                if mapped and arts_new[hn] else 0.0
            s = 0.5 * title + 0.5 * overlap
            if title == 1.0 and (overlap > 0 or not mapped or not arts_new[hn]):
                s += 0.5
            if s >= 0.35:
                scores.append((s, -abs(i / max(1, len(hs_old)) - j / max(1, len(hs_new))), i, j))
    used_o, used_n, pairs = set(), set(), {}
    for s, _, i, j in sorted(scores, reverse=True):
        if i not in used_o and j not in used_n:
            used_o.add(i)
            used_n.add(j)
            pairs[i] = j
    return pairs


def _heading_links(kind, hs_old, hs_new, pairs: dict[int, int]) -> list[HeadingLink]:
    out = []
    emitted_new = set()
    for i, ho in enumerate(hs_old):
        j = pairs.get(i)
        if j is None:
            out.append(HeadingLink(kind, ho, None, "deleted"))
            continue
        hn = hs_new[j]
        emitted_new.add(j)
        if normalize(ho.title or "") != normalize(hn.title or ""):
            st = "renamed"
        elif ho.label != hn.label:
            st = "renumbered"
        else:
            st = "unchanged"
        out.append(HeadingLink(kind, ho, hn, st))
    for j, hn in enumerate(hs_new):
        if j not in emitted_new:
            out.append(HeadingLink(kind, None, hn, "added"))
    return out


def _regraded(out: list[HeadingLink], o_of, n_of, art_map) -> list[HeadingLink]:
    """A chapter that became a section (or the reverse) keeps its title: 2017 第二章 行政复议范围 →
    2023 第二章第一节 行政复议范围.  A deleted heading and an added heading of another kind with
    the same title, sharing aligned articles, are one heading whose level changed ("regraded")."""
    added = [h for h in out if h.old is None and h.new is not None and h.new.title]
    if not added:
        return out
    drop = set()
    for k, h in enumerate(out):
        if h.new is not None or h.old is None or not h.old.title:
            continue
        t = normalize(h.old.title)
        mapped = set()
        for a in h.old.walk():
            if a.kind == "article" and a in o_of:
                mapped |= art_map.get(o_of[a], set())
        for g in added:
            if id(g) in drop or g.kind == h.kind or normalize(g.new.title) != t:
                continue
            arts = {n_of[a] for a in g.new.walk() if a.kind == "article" and a in n_of}
            if mapped & arts or not (mapped or arts):
                out[k] = HeadingLink(h.kind, h.old, g.new, "regraded")
                drop.add(id(g))
                break
    return [h for h in out if id(h) not in drop]


def _dice(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    ga, gb = bigrams(a), bigrams(b)
    inter = sum((ga & gb).values())
    return 2 * inter / (sum(ga.values()) + sum(gb.values()))


def mark_moved(links, old, new, headings: list[HeadingLink]) -> None:
    """An article pair is ``moved`` when the new article's chapter is not the counterpart of the
    old article's chapter."""
    chap_map = {h.old: h.new for h in headings if h.kind == "chapter" and h.old is not None}
    if not chap_map:
        return
    for l in links:
        if l.old is None or l.new is None:
            continue
        co, cn = old[l.old].node.ancestor("chapter"), new[l.new].node.ancestor("chapter")
        if co is None or cn is None:
            continue
        l.moved = chap_map.get(co) is not cn
