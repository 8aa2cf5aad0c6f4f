"""Evidence for splits and merges that whole-article similarity cannot see.

When one article is cut in two, or a paragraph moves into another article, the articles as a
whole are no longer alike; their paragraphs and items still are.  Alignment asks this module,
for the articles it could not pair (and for paired articles that changed), which articles of the
other side hold their paragraphs.  Only the segments of those articles are looked up, via an
inverted index of rarer bigrams over the other side's segments, so the cost follows the number
of unpaired articles, not the size of the texts.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kb.compare.similarity import Unit, bigrams, df_cap, normalize, tfidf

SEG_MIN = 12      # normalised characters a paragraph/item needs to count as evidence
SEG_SIM = 0.5     # cosine of two paragraphs/items taken as "the same provision, reworded"
MOVED_SEG_MIN = 20   # a paragraph moved between two paired articles: at least this long …
MOVED_SEG_SIM = 0.7  # … and nearly verbatim

Vec = tuple[dict, float]    # TF-IDF vector of a segment, and its length


def _segments(u: Unit) -> list[str]:
    """Normalised paragraphs (own text) and items of an article."""
    out = []
    for n in u.node.walk():
        if n.kind in ("paragraph", "item", "subitem") and n.text:
            t = normalize((n.label if n.kind != "paragraph" else "") + n.text)
            if len(t) >= SEG_MIN:
                out.append(t)
    return out


@dataclass
class _Side:
    """The segments of one text: (article index, normalised text), their vectors, and lookups."""
    segs: list[tuple[int, str]]
    vecs: list[Vec]
    index: dict[str, list[int]] | None = None                   # rare bigram -> segments (built when needed)
    length: Counter = field(default_factory=Counter)            # article -> characters in its segments
    of: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))   # article -> its segments

    def __post_init__(self):
        for k, (i, t) in enumerate(self.segs):
            self.length[i] += len(t)
            self.of[i].append(k)


class _Segments:
    """The paragraphs and items of both texts, weighed with their own document frequencies."""

    def __init__(self, old: list[Unit], new: list[Unit]):
        segs_o = [(u.index, t) for u in old for t in _segments(u)]
        segs_n = [(u.index, t) for u in new for t in _segments(u)]
        self.df, vecs = tfidf([bigrams(t) for _, t in segs_o + segs_n])
        self.total = len(vecs)
        self.cap = df_cap(self.total)
        self.old = _Side(segs_o, vecs[:len(segs_o)])
        self.new = _Side(segs_n, vecs[len(segs_o):])

    def _index(self, side: _Side) -> dict[str, list[int]]:
        if side.index is None:
            side.index = defaultdict(list)
            for k, (v, _) in enumerate(side.vecs):
                for g in v:
                    if self.df[g] / self.total <= self.cap:
                        side.index[g].append(k)
        return side.index

    def best(self, q: Vec, side: _Side) -> tuple[float, int] | None:
        """The segment of ``side`` most like ``q``: (cosine, its position), or None."""
        index, vs = self._index(side), side.vecs
        v, nv = q
        acc: Counter = Counter()
        # the query's 24 heaviest (rarest) bigrams are enough to find its best match
        for g in sorted(v, key=v.__getitem__, reverse=True)[:24]:
            w = v[g]
            for j in index.get(g, ()):
                acc[j] += w * vs[j][0][g]
        top = None
        for j, _ in acc.most_common(5):
            ov, onv = vs[j]
            small, big = (v, ov) if len(v) < len(ov) else (ov, v)
            sc = sum(w * big[g] for g, w in small.items() if g in big) / (nv * onv)
            if top is None or sc > top[0]:
                top = (sc, j)
        return top


def _cos(a: Vec, b: Vec) -> float:
    (va, na), (vb, nb) = a, b
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(w * vb[g] for g, w in va.items() if g in vb) / (na * nb)


def segment_links(old: list[Unit], new: list[Unit], o2n: dict[int, int], n2o: dict[int, int],
                  done_new: set[int], done_old: set[int]) -> list[tuple[int, int]]:
    """(old, new) links for unpaired articles from matching paragraphs and items, and for a
    paragraph moved nearly verbatim between two articles paired elsewhere."""
    want_new = {u.index for u in new if u.index not in n2o and u.index not in done_new}
    want_old = {u.index for u in old if u.index not in o2n and u.index not in done_old}
    changed = [(o, n) for o, n in o2n.items() if old[o].norm != new[n].norm]
    if not want_new and not want_old and not changed:
        return []
    S = _Segments(old, new)
    if not S.old.segs or not S.new.segs:
        return []
    links = set()
    if want_new:
        links |= {(o, n) for n, o in _evidence_links(S, S.new, S.old, want_new)}
    if want_old:
        # an article unpaired on both sides: the first pass decided (new side's view)
        links |= _evidence_links(S, S.old, S.new, want_old, skip=want_new)
    # a paragraph or item moved between two articles that are both paired elsewhere
    # (公司法 2018 第三条第二款 → 2023 第四条第一款): near-verbatim, long enough, and not
    # also present in the article's own partner
    for o, n in changed:
        links |= {(o, n2) for n2 in _moved_out(S, S.old, S.new, o, n, new[n].norm, n2o)}
        links |= {(o2, n) for o2 in _moved_out(S, S.new, S.old, n, o, old[o].norm, o2n)}
    return sorted(links)


def _evidence_links(S: _Segments, src: _Side, dst: _Side, want: set[int], skip=frozenset()) -> set[tuple[int, int]]:
    """(article of src, article of dst) for each wanted src article whose paragraphs reappear in a
    dst article: a quarter of its text, or at least 40 characters."""
    evidence: Counter = Counter()
    for k, (a, t) in enumerate(src.segs):
        if a in want:
            top = S.best(src.vecs[k], dst)
            if top and top[0] >= SEG_SIM:
                evidence[(a, dst.segs[top[1]][0])] += min(len(t), len(dst.segs[top[1]][1]))
    return {(a, b) for (a, b), ev in evidence.items()
            if b not in skip and (ev >= 0.25 * src.length[a] or ev >= 40)}


def _moved_out(S: _Segments, src: _Side, dst: _Side, a: int, b: int, b_norm: str, paired) -> list[int]:
    """Articles of the other side, paired elsewhere, that a paragraph of ``a`` moved to
    rather than staying (reworded) in ``a``'s partner ``b``."""
    out = []
    for k in src.of[a]:
        t = src.segs[k][1]
        if len(t) < MOVED_SEG_MIN or t in b_norm \
                or any(_cos(src.vecs[k], dst.vecs[j]) >= SEG_SIM for j in dst.of[b]):
            continue        # still (reworded) in its own partner
        top = S.best(src.vecs[k], dst)
        if top and top[0] >= MOVED_SEG_SIM:
            b2 = dst.segs[top[1]][0]
            if b2 != b and b2 in paired:
                out.append(b2)
    return out
