"""Evidence for splits and merges that whole-article similarity cannot see.

When one article is cut in two, or a paragraph moves into another article, the articles as a
whole are no longer alike; their paragraphs and items still are.  Alignment asks this module,
for the articles it could not pair (and for paired articles that changed), which articles of the
other side hold their paragraphs.  Only the segments of those articles are looked up, via an
inverted index of rarer bigrams over the other side's segments, so the cost follows the number
of unpaired articles, not the size of the texts.

Three things look like carried content and are not:

- boilerplate: a paragraph with fewer than ``SEG_MIN`` characters outside clauses many regulations
  use (构成犯罪的，依法追究刑事责任; :mod:`kb.compare.boilerplate`) is no segment at all;
- a paragraph written on the pattern of one that stayed where it was (慈善法 2023 第四十六条 on
  慈善信托's beneficiaries copies the wording of 2016 第五十八条, which lives on, nearly
  verbatim, as 2023 第五十九条): a paragraph that its own article's partner keeps at least as
  closely is not evidence that it went anywhere else -- whether it is looked for from an unpaired
  article or from a paired one whose partner lost it (保守国家秘密法 2010 第二十四条's opening
  机关、单位应当加强对……的管理 did not move into 2024 第二十八条, which keeps 2010 第二十五条's);
- a paragraph that merely resembles one far away.  A paragraph that left an article paired
  elsewhere is linked to the article that took it when it is nearly verbatim (``MOVED_SEG_SIM``)
  wherever that article is, or reworded (``SEG_SIM``) when the link keeps to the order
  of the text: it crosses none of the anchors, the pairs that keep their order (行政复议法 2017
  第十五条's items on 派出机关 → 2023 第二十四条 in the same stretch of the text; not its item
  on joint decisions → 第十九条 on respondents, before the anchor 第十一条 → 第二十二条).

An old article left unpaired whose paragraph reappears reworded (``SEG_SIM``) far away is linked
when the two articles as a whole are as alike as a moved article (``MOVED_ALIKE``): 北京市审计条例
2017 第十条 (绩效审计的评价标准) became the second paragraph of 2023 第四条, which is 2017 第四条.
Only for old articles: an unpaired *new* article that alike was written on a pattern (above).

A new article that otherwise says something new -- its partner keeps less than a third of its
text -- is where rewritten paragraphs of the old articles around it are likeliest to have gone, so
for its paragraphs the bar is lower (``CARRIED_SIM``): 行政复议法 2023 第二十四条 rewrites 2017
第十二条 (工作部门) as its first item and 2017 第十四条 (省级人民政府) as its second paragraph.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain

from kb.compare.boilerplate import says_more, without_boilerplate
from kb.compare.similarity import Unit, bigrams, cosine, df_cap, normalize, tfidf
from kb.text.numerals import NUMERAL_RE

SEG_MIN = 12      # normalised characters a paragraph/item needs to count as evidence
SEG_SIM = 0.5     # cosine of two paragraphs/items taken as "the same provision, reworded"
MOVED_SEG_MIN = 20   # a paragraph moved between two paired articles: at least this long …
MOVED_SEG_SIM = 0.7  # … and nearly verbatim anywhere, or reworded (SEG_SIM) in its stretch of the text
MOVED_ALIKE = 0.4    # … or reworded anywhere, for an unpaired old article as alike as a moved one (align.MOVED)
NEW_KEPT = 1 / 3     # an article whose partner keeps less than this share of its text is mostly new …
CARRIED_SIM = 0.3    # … and its other paragraphs are looked for, rewritten this far, in its stretch of the text
REWRITTEN_SIM = 0.3  # a paragraph of an article nothing linked and its mutual best paragraph of the other text …
REWRITTEN_KEPT = 0.3  # … which the old article's own partners keep less closely than this
REMAINDER_SIM = 0.25 # an old article nothing linked: each paragraph this alike to a paragraph its new article's partners do not keep
UNIQUE = 5           # shared terms found in no other article of either text (see unique_links) …
UNIQUE_RUNS = 2      # … in at least this many places of the old article's text
UNIQUE_N = 4         # the terms: strings of this many characters

Vec = tuple[dict, float]    # TF-IDF vector of a segment, and its length

# a citation of the text's own articles (normalised: 依照本法第五十六条第五十七条的规定): after a
# renumbering it names other numbers, and the words around it are shared by every citing sentence
_OWN_CITATION = re.compile(rf"(?:依照|按照|根据)?本(?:法|条例|办法|规定|细则)(?:第(?:{NUMERAL_RE})[条款项])+(?:的规定)?")


def _segments(u: Unit) -> list[str]:
    """Normalised paragraphs (own text) and items of an article."""
    out = []
    for n in u.node.walk():
        if n.kind in ("paragraph", "item", "subitem") and n.text:
            t = normalize((n.label if n.kind != "paragraph" else "") + n.text)
            if len(t) >= SEG_MIN and says_more(n.text, SEG_MIN):
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
        ranked = self.ranked(q, side)
        return ranked[0] if ranked else None

    def ranked(self, q: Vec, side: _Side) -> list[tuple[float, int]]:
        """The (up to five) segments of ``side`` most like ``q``, best first: (cosine, position)."""
        index, vs = self._index(side), side.vecs
        v, nv = q
        acc: Counter = Counter()
        # the query's 24 heaviest (rarest) bigrams are enough to find its best matches
        for g in sorted(v, key=v.__getitem__, reverse=True)[:24]:
            w = v[g]
            for j in index.get(g, ()):
                acc[j] += w * vs[j][0][g]
        return sorted(((_cos(q, vs[j]), j) for j, _ in acc.most_common(5)), reverse=True)

    def vector(self, text: str) -> Vec:
        """The TF-IDF vector of any normalised text, weighed like the segments."""
        v = {g: (1 + math.log(tf)) * math.log((self.total + 1) / (self.df.get(g, 0) + 0.5))
             for g, tf in bigrams(text).items()}
        return v, math.sqrt(sum(w * w for w in v.values())) or 1.0

    def kept(self, q: Vec, side: _Side, article: int) -> float:
        """How closely an article of ``side`` keeps a paragraph: its best cosine with ``q``."""
        return max((_cos(q, side.vecs[j]) for j in side.of.get(article, ())), default=0.0)


def _cos(a: Vec, b: Vec) -> float:
    (va, na), (vb, nb) = a, b
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(w * vb[g] for g, w in va.items() if g in vb) / (na * nb)


def segments_once(old: list[Unit], new: list[Unit]):
    """A function returning the segments of both texts, weighed on its first call only: the rules
    of :func:`segment_links` and :func:`rewritten_links` share them (weighing is most of their cost)."""
    made: list[_Segments] = []

    def get() -> _Segments:
        if not made:
            made.append(_Segments(old, new))
        return made[0]
    return get


def segment_links(old: list[Unit], new: list[Unit], o2n: dict[int, int], n2o: dict[int, int],
                  anchors=(), segments=None) -> list[tuple[int, int]]:
    """(old, new) links for unpaired articles from matching paragraphs and items (also those
    already linked by containment: a split may have more parts), and for a paragraph moved
    between two articles paired elsewhere (``anchors``: the pairs that keep their order, see
    the module's docstring)."""
    want_new = {u.index for u in new if u.index not in n2o}
    want_old = {u.index for u in old if u.index not in o2n}
    changed = [(o, n) for o, n in o2n.items() if old[o].norm != new[n].norm]
    if not want_new and not want_old and not changed:
        return []
    S = (segments or segments_once(old, new))()
    if not S.old.segs or not S.new.segs:
        return []
    order = _Order(anchors, new)
    links = set()
    if want_new:
        links |= {(o, n) for n, o in _evidence_links(S, S.new, S.old, want_new, partners=o2n,
                                                       in_place=lambda n, o: order.keeps(o, n))}
    if want_old:
        # an article unpaired on both sides: the first pass decided (new side's view)
        links |= _evidence_links(S, S.old, S.new, want_old, skip=want_new, partners=n2o, in_place=order.keeps,
                                 alike=lambda o, n: cosine(old[o], new[n]) >= MOVED_ALIKE)
    # a paragraph or item moved between two articles that are both paired elsewhere
    # (公司法 2018 第三条第二款 → 2023 第四条第一款): near-verbatim and long enough, or reworded
    # in place; and not also present in the article's own partner
    for o, n in changed:
        links |= {(o, n2) for n2 in _moved_out(S, S.old, S.new, o, n, new[n].norm, n2o,
                                               lambda b2: order.keeps(o, b2))}
        links |= {(o2, n) for o2 in _moved_out(S, S.new, S.old, n, o, old[o].norm, o2n,
                                               lambda b2: order.keeps(b2, n))}
        # a new article that otherwise says something new gathers rewritten paragraphs of the
        # old articles around it (行政复议法 2023 第二十四条: 2017 第十二条 → its first item,
        # 第十四条 → its second paragraph).  Only this way: an old article its partner keeps
        # little of was rewritten, or split, which _moved_out and _evidence_links judge.
        links |= {(o2, n) for o2 in _carried_into(S, S.new, S.old, n, o, old[o].norm, o2n,
                                                  lambda b2: order.keeps(b2, n))}
    return sorted(links)


def rewritten_links(old: list[Unit], new: list[Unit], of_old: dict[int, list[int]],
                    of_new: dict[int, list[int]], segments=None) -> list[tuple[int, int]]:
    """Last: (old, new) links for new articles that no rule linked, one of whose paragraphs is
    an old paragraph rewritten so far that only a few words remain (cosine ≥ ``REWRITTEN_SIM``,
    where the whole articles are not alike at all).  Three things must hold, since a paragraph
    that alike is as often a new provision in an old one's words: the two paragraphs are each
    other's most similar in the two texts; the old paragraph's own article's partners
    (``of_old``: old article -> new articles) keep it less closely than ``REWRITTEN_KEPT`` (it went
    nowhere else); and the new article has no partner (``of_new``); and the paragraphs are still alike without their
citations of the text's own articles (行政复议法 2017 第十八条 and 2023 第六十条 share
依照本法第……条的规定接受转送的, nothing more).  行政复议法 2017 第三十条
    (先行复议) → 2023 第二十三条 item 5 (cosine of the articles 0.26, of the paragraphs 0.51);
    北京市制定地方性法规条例 2017 第五十七条's 网站公布 sentence → 2023 第七十四条.
    ``segments``: see :func:`segments_once`."""
    if all(n in of_new for n in range(len(new))):
        return []
    S = (segments or segments_once(old, new))()
    if not S.old.segs or not S.new.segs:
        return []
    links = set()
    for kn, (n, _) in enumerate(S.new.segs):
        if n in of_new:
            continue
        ranked = S.ranked(S.new.vecs[kn], S.old)
        if not ranked or ranked[0][0] < REWRITTEN_SIM:
            continue
        ko = ranked[0][1]
        back = S.ranked(S.old.vecs[ko], S.new)
        if not back or back[0][1] != kn:
            continue        # the old paragraph is more like another new one
        o = S.old.segs[ko][0]
        if _cos(*(S.vector(_OWN_CITATION.sub("", t)) for t in (S.old.segs[ko][1], S.new.segs[kn][1]))) < REWRITTEN_SIM:
            continue        # alike through citations of the text's own articles (依照本法第…条的规定)
        if any(S.kept(S.old.vecs[ko], S.new, m) >= REWRITTEN_KEPT for m in of_old.get(o, ())):
            continue        # its own article's partner keeps it: this one copies its pattern
        links.add((o, n))
    return sorted(links)


def remainder_links(old: list[Unit], new: list[Unit], of_old: dict[int, list[int]],
                    of_new: dict[int, list[int]], segments=None) -> list[tuple[int, int]]:
    """(old, new) links for old articles that no rule linked, every paragraph of which reappears,
    rewritten, in what a linked new article's own old articles (``of_new``) do not explain: a
    paragraph of the new article without the bigrams of those old articles (its *remainder*) is at
    least ``REMAINDER_SIM`` alike to the old paragraph, and that remainder is more like it than like any
    other old paragraph.  A full revision rewrites the articles it
    keeps and folds short ones into them: 保守国家秘密法 2010 第三十六条 (涉密人员上岗应当经过保密教育培训 …)
    is the rest of the third paragraph of 2024 第四十三条, whose other words rewrite 2010 第三十五条
    (articles' cosine 0.26)."""
    free = [a for a in range(len(old)) if a not in of_old]
    if not free:
        return []
    S = (segments or segments_once(old, new))()
    if not S.old.segs or not S.new.segs:
        return []
    index = S._index(S.new)
    known: dict[int, set[str]] = {}
    rest: dict[int, Vec] = {}

    def remainder(j: int) -> Vec:
        if j not in rest:
            b, t = S.new.segs[j]
            if b not in known:
                known[b] = set().union(*(old[p].vec for p in of_new[b]))
            v = {g: w for g, w in S.vector(_OWN_CITATION.sub("", t))[0].items() if g not in known[b]}
            rest[j] = v, math.sqrt(sum(w * w for w in v.values())) or 1.0
        return rest[j]
    # compared without citations of the text's own articles (as in rewritten_links: 行政复议法 2017
    # 第十八条 and 2023 第二十六条 share 依照本法第…条…的规定, nothing more); a paragraph that is little
    # more than such a citation (本法第八十七条、第八十八条的规定适用于公司公开发行新股) is no evidence
    own = {k: _OWN_CITATION.sub("", S.old.segs[k][1]) for a in free for k in S.old.of.get(a, ())}
    query = {k: S.vector(t) for k, t in own.items() if len(t) >= SEG_MIN}
    best_of_new: dict[int, int] = {}
    links = set()
    for a in free:
        targets = set()
        for k in S.old.of.get(a, ()):
            if k not in query:
                continue
            v, acc = S.old.vecs[k][0], Counter()
            for g in sorted(v, key=v.__getitem__, reverse=True)[:24]:
                for j in index.get(g, ()):
                    if S.new.segs[j][0] in of_new:
                        acc[j] += v[g] * S.new.vecs[j][0][g]
            # the paragraphs of linked new articles most like it as a whole, then compared with their rest
            near = [j for j, _ in acc.most_common(5)]
            ranked = sorted(((_cos(query[k], remainder(j)), j) for j in near), reverse=True)
            if not ranked or ranked[0][0] < REMAINDER_SIM:
                break
            j = ranked[0][1]
            if j not in best_of_new:
                back = S.ranked(remainder(j), S.old)
                best_of_new[j] = back[0][1] if back else -1
            if best_of_new[j] != k:
                break       # the rest of that paragraph is more like another old paragraph
            targets.add(S.new.segs[j][0])
        else:
            links |= {(a, b) for b in targets}
    return sorted(links)


class _Order:
    """The anchors of an alignment (pairs increasing in both texts), to ask whether a link
    keeps to the order of the text: the new article lies in the stretch that the two anchors on
    either side of the old article span (one article of slack), or under the same heading (节,
    else 章) as one of their new articles.  A reordering inside a rewritten stretch or chapter
    is local; a jump to another part of the text is not."""

    REACH = 2      # anchors on either side

    def __init__(self, anchors, new: list[Unit]):
        self.pairs = sorted(anchors)
        self.olds = [a for a, _ in self.pairs]
        self.heading = [u.node.parent for u in new]      # the 节 or 章 (or the document) holding it

    def keeps(self, o: int, n: int) -> bool:
        k = bisect_left(self.olds, o)
        j = k + 1 if k < len(self.olds) and self.olds[k] == o else k
        around = self.pairs[max(0, k - self.REACH):k] + self.pairs[j:j + self.REACH]
        if not around:
            return True
        lo = min(b for _, b in around) if k - self.REACH >= 0 else -1
        hi = max(b for _, b in around) if j + self.REACH <= len(self.pairs) else float("inf")
        if lo - 1 <= n <= hi + 1:
            return True
        h = self.heading[n]
        return h is not None and h.kind != "document" and any(self.heading[b] is h for _, b in around)


def _evidence_links(S: _Segments, src: _Side, dst: _Side, want: set[int], skip=frozenset(),
                    partners=None, in_place=None, alike=None) -> set[tuple[int, int]]:
    """(article of src, article of dst) for each wanted src article whose paragraphs reappear in a
    dst article: one paragraph or item, reworded (``SEG_SIM``), when the link keeps to the order
    of the text (``in_place(src article, dst article)``) or the articles are alike as a whole
    (``alike(src article, dst article)``); elsewhere nearly verbatim
    (``MOVED_SEG_SIM``) and a quarter of the article's text or at least 40 characters.  A dst
    paragraph that the dst article's own partner (``partners``: dst article -> src article)
    keeps nearly verbatim, and at least as closely, is not evidence: the src paragraph was
    written on its pattern."""
    evidence: Counter = Counter()
    local: set[tuple[int, int]] = set()
    for k, (a, t) in enumerate(src.segs):
        if a not in want:
            continue
        for sim, j in S.ranked(src.vecs[k], dst):
            if sim < SEG_SIM:
                break
            b = dst.segs[j][0]
            p = (partners or {}).get(b)
            if p is not None and p != a and _patterned(S, dst, src, j, p, sim):
                continue        # its partner keeps it, nearly verbatim: a pattern, not a move
            if in_place is not None and in_place(a, b) or alike is not None and alike(a, b):
                local.add((a, b))
            elif sim >= MOVED_SEG_SIM or in_place is None:
                evidence[(a, b)] += min(len(t), len(dst.segs[j][1]))
            else:
                continue
            break
    far = {(a, b) for (a, b), ev in evidence.items() if ev >= 0.25 * src.length[a] or ev >= 40}
    return {(a, b) for a, b in local | far if b not in skip}


def _moved_out(S: _Segments, src: _Side, dst: _Side, a: int, b: int, b_norm: str, paired, in_place) -> list[int]:
    """Articles of the other side, paired elsewhere, that a paragraph of ``a`` moved to
    rather than staying (reworded) in ``a``'s partner ``b``: nearly verbatim, or reworded when
    the link keeps to the order of the text (``in_place(article)``)."""
    out = []
    for k in src.of[a]:
        t = src.segs[k][1]
        if len(t) < MOVED_SEG_MIN or t in b_norm \
                or any(_cos(src.vecs[k], dst.vecs[j]) >= SEG_SIM for j in dst.of[b]):
            continue        # still (reworded) in its own partner
        for sim, j in S.ranked(src.vecs[k], dst):
            b2 = dst.segs[j][0]
            if b2 == b or b2 not in paired:
                continue
            if _patterned(S, dst, src, j, paired[b2], sim):
                continue        # b2's own partner has that paragraph: b2 kept it, ``a`` shares its pattern
            # reworded: only a part of ``a`` can leave it (a one-paragraph article is its partner)
            if sim >= MOVED_SEG_SIM or (sim >= SEG_SIM and len(src.of[a]) > 1 and in_place(b2)):
                out.append(b2)
                break
    return out


def _carried_into(S: _Segments, src: _Side, dst: _Side, a: int, b: int, b_norm: str, partners,
                  in_place) -> list[int]:
    """Old articles whose content the new article ``a`` took in, when ``a`` is mostly new: its
    partner ``b`` keeps less than ``NEW_KEPT`` of its text.  Each paragraph ``b`` does not keep
    is linked to the article, in its stretch of the text (``in_place(article)``), holding the
    most similar paragraph (cosine ≥ ``CARRIED_SIM``), unless that paragraph's own article's
    partner (``partners``) keeps it nearly verbatim: ``a`` then only copied its pattern."""
    kept = {k for k in src.of[a] if _kept_by(S, src, dst, k, b, b_norm)}
    if sum(len(src.segs[k][1]) for k in kept) >= NEW_KEPT * src.length[a]:
        return []
    out = []
    for k in src.of[a]:
        if k in kept:
            continue
        ranked = [(sim, j) for sim, j in S.ranked(src.vecs[k], dst) if dst.segs[j][0] != b]
        if not ranked or ranked[0][0] < CARRIED_SIM:
            continue
        j = ranked[0][1]
        b2 = dst.segs[j][0]
        p = partners.get(b2)
        if b2 in out or not in_place(b2) or (p is not None and p != a and S.kept(dst.vecs[j], src, p) >= MOVED_SEG_SIM):
            continue
        out.append(b2)
    return out


def _patterned(S: _Segments, side: _Side, other: _Side, j: int, partner: int, sim: float) -> bool:
    """Does ``partner`` (an article of ``other``) keep paragraph ``j`` of ``side`` nearly verbatim
    (``MOVED_SEG_SIM``) and at least as closely as ``sim``?  Then a paragraph ``sim`` alike elsewhere was
    written on its pattern rather than moved into it."""
    return S.kept(side.vecs[j], other, partner) >= max(sim, MOVED_SEG_SIM)


def _kept_by(S: _Segments, src: _Side, dst: _Side, k: int, b: int, b_norm: str) -> bool:
    """Does article ``b`` of ``dst`` keep paragraph ``k`` of ``src`` (whole, or reworded)?"""
    return src.segs[k][1] in b_norm or any(_cos(src.vecs[k], dst.vecs[j]) >= SEG_SIM for j in dst.of[b])


def unique_links(old: list[Unit], new: list[Unit], of_old: dict[int, list[int]],
                 of_new: dict[int, list[int]]) -> list[tuple[int, int]]:
    """(old, new) links, one of them an article nothing linked, for two articles that share at least
    ``UNIQUE`` strings of ``UNIQUE_N`` characters that no other article of either text uses, in at least
    ``UNIQUE_RUNS`` places of the old article (apart by a character no such string covers), each the
    other's article sharing most such strings.  A full revision that rewrites a provision in other words still keeps some of its
    own terms, found in that provision alone (国防教育法 2018 第十五条 → 2024 第十五条: 军事训练相结合,
    在有关课程中安排专门的国防教育内容; 反洗钱法 2006 第三十二条 → 2024 第五十六条: 取消其任职资格,
    禁止其从事有关金融行业工作), where the cosine over all bigrams (0.2–0.4) drowns in the new words
    around them.  One place is not enough: a set phrase (新工艺、新技术、新材料; 国家治理体系和治理能力现代化)
    is no one provision's term.  Boilerplate clauses and citations of the text's own articles are left
    out first (:mod:`kb.compare.boilerplate`, ``_OWN_CITATION``)."""
    if all(o in of_old for o in range(len(old))) and all(n in of_new for n in range(len(new))):
        return []
    text_o = [_unique_text(u) for u in old]
    only_o = _owners([_grams(t) for t in text_o])
    only_n = _owners([_grams(_unique_text(u)) & only_o.keys() for u in new])
    shared: dict[tuple[int, int], set[str]] = defaultdict(set)
    for g, o in only_o.items():
        n = only_n.get(g)
        if n is not None and (o not in of_old or n not in of_new):
            shared[(o, n)].add(g)
    # each the other's best among the pairs that may be linked: an article linked already shares most with
    # its own partner, so for it the other is the best of the articles nothing linked
    best_o: dict[int, tuple[int, int]] = {}
    best_n: dict[int, tuple[int, int]] = {}
    for (o, n), gs in shared.items():
        best_o[o] = max(best_o.get(o, (0, -1)), (len(gs), n))
        best_n[n] = max(best_n.get(n, (0, -1)), (len(gs), o))
    return sorted((o, n) for (o, n), gs in shared.items()
                  if len(gs) >= UNIQUE and best_o[o][1] == n and best_n[n][1] == o
                  and _places(text_o[o], gs) >= UNIQUE_RUNS)


def _owners(grams_of_articles: list[set[str]]) -> dict[str, int]:
    """Each term that one article alone uses -> that article."""
    count = Counter(chain.from_iterable(grams_of_articles))
    return {g: i for i, gs in enumerate(grams_of_articles) for g in gs if count[g] == 1}


def _unique_text(u: Unit) -> str:
    return _OWN_CITATION.sub("", without_boilerplate(u.text))


def _grams(t: str) -> set[str]:
    return {t[i:i + UNIQUE_N] for i in range(len(t) - UNIQUE_N + 1)}


def _places(text: str, grams: set[str]) -> int:
    """In how many places of ``text`` its ``grams`` occur: stretches they cover, apart by at least one
    character none of them covers."""
    places, end = 0, -1
    for i in range(len(text) - UNIQUE_N + 1):
        if text[i:i + UNIQUE_N] in grams:
            if i > end:
                places += 1
            end = i + UNIQUE_N
    return places
