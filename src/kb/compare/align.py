"""Decide which articles of two texts correspond, by content, not by number.

The evidence (how alike two articles are, which are worth comparing at all) comes from
:mod:`kb.compare.similarity`; this module holds the rules that turn it into an assignment, in
the order they are trusted, so that a confident pair is never displaced by a weaker one:

1. Identical texts pair first.
2. Confident one-to-one pairs (cosine ≥ ``HIGH``), best first.  The texts count as
   *related* when at least ``RELATED`` of the shorter one paired so; unrelated texts
   keep only these pairs (an honest "no correspondence", nothing forced).
3. For related texts: the longest order-preserving chain of pairs becomes the
   anchors; in each gap between consecutive anchors the remaining articles pair
   with a lower threshold (``GAP``: heavily reworded articles that stayed in place);
   the purpose clause (……制定本法) and the commencement clause (本法自……施行) pair
   however reworded; moved articles pair anywhere (cosine ≥ ``MOVED``).
4. Splits and merges: an unpaired article mostly *contained* in an article of the
   other side (``CONTAIN``), or one of whose paragraphs/items reappears there
   (:mod:`kb.compare.segments`), joins that article; a paragraph moved between two paired
   articles -- nearly verbatim anywhere, or reworded within its stretch of the text -- links
   them too, unless it only follows the pattern of a paragraph that stayed where it was; a new
   article that otherwise says something new (its partner keeps little of it) is linked to the
   old articles around it whose paragraphs it rewrote.  Several links then share one side (status split / merged).  An article paired with an
   identical text takes part in none of these: its whole text is accounted for.  Last, two
   articles still unlinked that are each other's most similar pair (cosine ≥ ``MUTUAL``),
   among all articles and then among the unlinked alone; and the only article left unlinked
   on each side of a stretch between two pairs in order, at a lower bar (``ALONE``).  Very
   last, a new article nothing linked one of whose paragraphs rewrites an old paragraph that
   went nowhere else (:func:`kb.compare.segments.rewritten_links`); then two still unlinked that
   are each other's most similar over the words both texts use (``SHARED``: a revision that renamed
   its actors in every article); then an old article nothing linked whose paragraphs rewrite what
   linked new articles' own old articles do not explain (:func:`kb.compare.segments.remainder_links`:
   a full revision folding short articles into kept ones); last, for two versions of one regulation, two
   articles, one of them unlinked, sharing in several places terms no other article of either text uses
   (:func:`kb.compare.segments.unique_links`).  Boilerplate (clauses many regulations
   use, :mod:`kb.compare.boilerplate`) is no evidence of a split or merge.  Very last, for two versions,
   a link no rule was sure of between two articles citing their own texts' articles that do not
   correspond is dropped (:func:`_drop_cross_cited`: penalty clauses enforcing different duties).
5. Headings (编, 分编, 章, 节) are aligned by title and by where their articles went
   (:mod:`kb.compare.headings`); an article pair is ``moved`` when the new article's
   chapter is not the counterpart of the old article's chapter.

Baselines the alignment is scored against are in :mod:`kb.compare.baselines`.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from kb.compare.boilerplate import says_more
from kb.compare.headings import HeadingLink, align_headings, mark_moved
from kb.compare.segments import SEG_MIN, remainder_links, rewritten_links, segment_links, segments_once, unique_links
from kb.compare.similarity import (Unit, candidates, containment, cosine, normalize, on_vocabulary, shared_vocabulary,
                                   units, weigh)
from kb.text.model import Document
from kb.text.numerals import NUMERAL_RE, parse_numeral

HIGH = 0.5        # confident one-to-one pair
GAP = 0.22        # between anchors, same place in the order
MOVED = 0.4       # anywhere else (moved article)
CONTAIN = 0.6     # share of an article's weight found in the other side's article (split/merge)
MUTUAL = 0.3      # two articles nothing else linked, each the other's most similar
LEFT_ALL = 4000   # unlinked pairs compared one by one at the end (more: by candidates)
ALONE = 0.15      # the only article left unlinked on each side between two pairs in order
SHARED = 0.35     # two articles still unlinked, each the other's most similar over the words both texts use
LIFT = 2.0        # … and at least this many times as alike over those words as over all
RELATED = 0.1     # share of the shorter text that must pair confidently for the texts to count as related

ROLES = (re.compile(r"制定本\w{0,6}?(法|条例|办法|规定|细则|决定|规则)$"),
         re.compile(r"^本(法|条例|办法|规定|细则|决定|规则)自.{0,30}(起施行|起实施|施行)"))


@dataclass
class Link:
    """One aligned pair (or one unpaired article: old or new is None)."""
    old: int | None
    new: int | None
    status: str = "modified"          # unchanged|modified|added|deleted|split|merged
    similarity: float = 0.0
    renumbered: bool = False
    moved: bool = False
    how: str = ""                     # identical|confident|gap|role|moved|split|merge|mutual|alone|rewritten|shared|unique (diagnostics)


@dataclass
class Alignment:
    old: list[Unit]
    new: list[Unit]
    links: list[Link]
    headings: list[HeadingLink]
    related: bool = True

    def counterparts_of_old(self) -> dict[int, list[int]]:
        m = defaultdict(list)
        for l in self.links:
            if l.old is not None and l.new is not None:
                m[l.old].append(l.new)
        return m

    def counterparts_of_new(self) -> dict[int, list[int]]:
        m = defaultdict(list)
        for l in self.links:
            if l.old is not None and l.new is not None:
                m[l.new].append(l.old)
        return m


class _Pairs:
    """The one-to-one pairs found so far (old index <-> new index) and the rule that found each."""

    def __init__(self):
        self.o2n: dict[int, int] = {}
        self.n2o: dict[int, int] = {}
        self.how: dict[tuple[int, int], str] = {}

    def add(self, o: int, n: int, kind: str) -> None:
        self.o2n[o] = n
        self.n2o[n] = o
        self.how[(o, n)] = kind

    def remove(self, o: int, n: int) -> None:
        """Undo :meth:`add` of the pair ``o`` -> ``n``."""
        del self.o2n[o], self.n2o[n], self.how[(o, n)]

    def free(self, o: int, n: int) -> bool:
        return o not in self.o2n and n not in self.n2o


def longest_chain(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Longest chain increasing in both old and new index (pairs sorted by old index)."""
    pairs = sorted(pairs)
    tails, tails_idx, prev = [], [], [None] * len(pairs)
    for k, (_, n) in enumerate(pairs):
        pos = bisect.bisect_left(tails, n)
        if pos == len(tails):
            tails.append(n)
            tails_idx.append(k)
        else:
            tails[pos] = n
            tails_idx[pos] = k
        prev[k] = tails_idx[pos - 1] if pos else None
    out = set()
    k = tails_idx[-1] if tails_idx else None
    while k is not None:
        out.add(pairs[k])
        k = prev[k]
    return out


#: a version note after a title: （草案）, （征求意见稿）, （2024年修订）, (修正) …
_VERSION_NOTE = re.compile(r"[（(][^（()）]*[）)]$")


def title_key(title: str | None) -> str:
    """A regulation's title without version notes, as the laws layer compares titles (spaces, 书名号 and
    中华人民共和国 aside), for telling versions of one text apart from texts on one subject (those share
    words, not titles)."""
    from kb.layers.laws import match_key
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", title or ""))
    while _VERSION_NOTE.search(t):
        t = _VERSION_NOTE.sub("", t)
    return match_key(t) if t else ""


def same_regulation(old_doc: Document, new_doc: Document) -> bool:
    a, b = title_key(old_doc.title), title_key(new_doc.title)
    return bool(a) and a == b


def align(old_doc: Document, new_doc: Document, correspond: list | None = None) -> Alignment:
    """Align the articles of two texts.  ``correspond``: for two different regulations, the pairs a scorer of
    corresponding provisions found ((old eid, new eid, score), best first: kb.library.peers, the related-provision
    scorer of 同类立法); they pair what identical and confident pairs left, in place of the version alignment's
    further steps, which are built for two versions of one text."""
    old, new = units(old_doc), units(new_doc)
    dfrac = weigh(old, new)
    P = _Pairs()
    _pair_identical(old, new, P)
    cands = candidates(old, new, dfrac, frozenset(P.o2n), frozenset(P.n2o))
    sim: dict[tuple[int, int], float] = {}
    for n, lst in cands.items():
        for s, o in lst:
            sim[(o, n)] = s
    _pair_best(sim, HIGH, P, "confident")
    # Texts are "related" (versions of one text, or texts on one subject) when enough articles
    # pair confidently.  Otherwise only identical and confident pairs are kept: no forced pairs.
    # Two versions of one regulation (the same title but for a version note) are related however
    # thoroughly one rewrote the other: a full revision (修订) may keep few articles' wording.
    versions = same_regulation(old_doc, new_doc)
    extra: list[tuple[int, int, str]] = []
    given = _given(old, new, correspond, P) if correspond is not None and not versions else []
    related = versions or len(P.o2n) + len(given) >= max(3, RELATED * min(len(old), len(new)))
    if related:
        for o, n in given:
            P.add(o, n, "related")
    if related and (correspond is None or versions):
        _fill_gaps(old, new, sim, P)
        _pair_roles(old, new, P)
        _pair_best(sim, MOVED, P, "moved")
        segments = segments_once(old, new)
        extra = _splits_and_merges(old, new, cands, P, segments)
        _pair_mutual(sim, P, extra)
        _pair_left(old, new, dfrac, P, extra)
        _pair_alone(old, new, P, extra)
        _link_rewritten(old, new, P, extra, segments)
        _pair_shared(old, new, P, extra)
        _link_remainder(old, new, P, extra, segments)
        if versions:
            _link_unique(old, new, P, extra)
            _drop_cross_cited(old_doc, new_doc, old, new, P, extra)
    links = _links(old, new, sim, P, extra)
    _statuses(links, old, new)
    headings = align_headings(old_doc, new_doc, old, new, links)
    mark_moved(links, old, new, headings)
    links.sort(key=_order_key(links))
    return Alignment(old, new, links, headings, related)


def _given(old: list[Unit], new: list[Unit], correspond: list, P: _Pairs) -> list[tuple[int, int]]:
    """The pairs another scorer found (old eid, new eid, score), best first, each article at most once and none
    already paired: added only when they make the texts related (two regulations that share no subject keep
    their identical and confident pairs alone, as before: nothing forced)."""
    at_old = {u.eid: u.index for u in old}
    at_new = {u.eid: u.index for u in new}
    used_o, used_n, out = set(P.o2n), set(P.n2o), []
    for oe, ne, _ in correspond:
        o, n = at_old.get(oe), at_new.get(ne)
        if o is not None and n is not None and o not in used_o and n not in used_n:
            used_o.add(o)
            used_n.add(n)
            out.append((o, n))
    return out


def _pair_identical(old: list[Unit], new: list[Unit], P: _Pairs) -> None:
    """Identical texts (duplicates paired in order)."""
    by_text = defaultdict(list)
    for u in old:
        by_text[u.norm].append(u.index)
    for u in new:
        lst = by_text.get(u.norm)
        if lst and u.norm:
            P.add(lst.pop(0), u.index, "identical")


def _pair_best(sim: dict[tuple[int, int], float], threshold: float, P: _Pairs, kind: str) -> None:
    """Candidate pairs at least ``threshold`` alike, best first, each article at most once."""
    ranked = sorted(((s, o, n) for (o, n), s in sim.items() if s >= threshold), reverse=True)
    for s, o, n in ranked:
        if P.free(o, n):
            P.add(o, n, kind)


def _fill_gaps(old: list[Unit], new: list[Unit], sim: dict[tuple[int, int], float], P: _Pairs) -> None:
    """Anchors = the longest order-preserving chain of pairs; between two anchors the remaining
    articles pair with the lower threshold GAP (reworded in place)."""
    anchors = sorted(longest_chain(list(P.o2n.items())))
    bounds = [(-1, -1)] + anchors + [(len(old), len(new))]
    for (o0, n0), (o1, n1) in zip(bounds, bounds[1:]):
        if o1 - o0 <= 1 or n1 - n0 <= 1:
            continue
        if (o0, n0) == (-1, -1) and (o1, n1) == (len(old), len(new)):
            break   # no anchors at all: the texts have nothing in common
        gap_pairs = []
        for n in range(n0 + 1, n1):
            if n in P.n2o:
                continue
            for o in range(o0 + 1, o1):
                if o in P.o2n:
                    continue
                s = sim.get((o, n))
                if s is None and (o1 - o0) * (n1 - n0) <= 400:
                    s = cosine(old[o], new[n])
                if s is not None and s >= GAP:
                    gap_pairs.append((s, o, n))
        # inside a gap prefer order-preserving pairs: take best first, skip crossing ones
        taken: list[tuple[int, int]] = []
        for s, o, n in sorted(gap_pairs, reverse=True):
            if not P.free(o, n):
                continue
            if any((o - a) * (n - b) < 0 for a, b in taken):
                continue
            P.add(o, n, "gap")
            taken.append((o, n))


def _pair_roles(old: list[Unit], new: list[Unit], P: _Pairs) -> None:
    """Articles with a fixed role, however reworded: the purpose clause (……制定本法) and the
    commencement clause (本法自……施行); paired when each side has exactly one unpaired."""
    for pat in ROLES:
        ro = [u.index for u in old if u.index not in P.o2n and pat.search(normalize(u.node.full_text()))]
        rn = [u.index for u in new if u.index not in P.n2o and pat.search(normalize(u.node.full_text()))]
        if len(ro) == 1 and len(rn) == 1:
            P.add(ro[0], rn[0], "role")


def _pair_mutual(sim: dict[tuple[int, int], float], P: _Pairs, extra, threshold: float = MUTUAL,
                 kind: str = "mutual") -> None:
    """Last: two articles that no rule linked, each the other's most similar article (cosine ≥
    ``MUTUAL``) -- moved and reworded too much for ``MOVED`` (反间谍法 2014 第十五条 → 2023
    第三十条 on 查封、扣押、冻结).  Taken after the splits and merges so that it moves no anchor."""
    best_of_old: dict[int, tuple[float, int]] = {}
    best_of_new: dict[int, tuple[float, int]] = {}
    for (o, n), s in sim.items():
        best_of_old[o] = max(best_of_old.get(o, (0.0, -1)), (s, n))
        best_of_new[n] = max(best_of_new.get(n, (0.0, -1)), (s, o))
    linked_old, linked_new = _linked(P, extra)
    for o, (s, n) in sorted(best_of_old.items()):
        if s >= threshold and o not in linked_old and n not in linked_new and best_of_new[n][1] == o:
            P.add(o, n, kind)


def _linked(P: _Pairs, extra) -> tuple[set[int], set[int]]:
    """Old and new articles that some pair or split/merge link already holds."""
    return set(P.o2n) | {o for o, _, _ in extra}, set(P.n2o) | {n for _, n, _ in extra}


def _pair_left(old: list[Unit], new: list[Unit], dfrac: dict[str, float], P: _Pairs, extra) -> None:
    """Then the same among the articles still unlinked only: their candidates are looked up
    afresh among each other, since an article's first candidates may all have been linked
    elsewhere, or its bigrams may all be too common to find any (妇女权益保障法 2018 第三十六条 →
    2022 第十八条, 人身权利 → 人身和人格权益, cosine 0.54).  Every pair is compared while there are
    few (``LEFT_ALL``), else candidates are looked up among what is left."""
    linked_old, linked_new = _linked(P, extra)
    free_o = [u for u in old if u.index not in linked_old]
    free_n = [u for u in new if u.index not in linked_new]
    if len(free_o) * len(free_n) <= LEFT_ALL:
        sim = {(u.index, v.index): cosine(u, v) for u in free_o for v in free_n}
    else:
        left = candidates(old, new, dfrac, frozenset(linked_old), frozenset(linked_new))
        sim = {(o, n): s for n, lst in left.items() for s, o in lst}
    _pair_mutual(sim, P, extra)


def _pair_alone(old: list[Unit], new: list[Unit], P: _Pairs, extra) -> None:
    """Last of all: where a stretch between two consecutive pairs in order leaves exactly one
    article unlinked on each side, order gives each no other counterpart, so they pair at a
    lower bar (``ALONE``): 北京市审计条例 2017 第四十条 → 2023 第三十四条 (中介机构专业人员 →
    聘请的专业人员, cosine 0.20).  Decided after the splits and merges, so that an article one of
    them took a paragraph from is not counted as unlinked."""
    for free_o, free_n in unlinked_stretches(old, new, P, extra):
        if len(free_o) == 1 and len(free_n) == 1 and cosine(old[free_o[0]], new[free_n[0]]) >= ALONE:
            P.add(free_o[0], free_n[0], "alone")


def unlinked_stretches(old: list[Unit], new: list[Unit], P: _Pairs, extra):
    """For each stretch between two consecutive links in order (the longest chain of the pairs and
    split/merge links so far), its unlinked old and new articles (lists of indices)."""
    linked_old, linked_new = _linked(P, extra)
    chain = sorted(longest_chain(list(P.o2n.items()) + [(o, n) for o, n, _ in extra]))
    bounds = [(-1, -1)] + chain + [(len(old), len(new))]
    for (o0, n0), (o1, n1) in zip(bounds, bounds[1:]):
        yield ([o for o in range(o0 + 1, o1) if o not in linked_old],
               [n for n in range(n0 + 1, n1) if n not in linked_new])


def _linked_to(P: _Pairs, extra) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Each old article's linked new articles, and each new article's linked old ones, so far."""
    of_old: dict[int, list[int]] = defaultdict(list)
    of_new: dict[int, list[int]] = defaultdict(list)
    for o, n in list(P.o2n.items()) + [(o, n) for o, n, _ in extra]:
        of_old[o].append(n)
        of_new[n].append(o)
    return of_old, of_new


def _link_rewritten(old: list[Unit], new: list[Unit], P: _Pairs, extra, segments) -> None:
    """Very last: a new article nothing linked that rewrites a paragraph of an old one
    (:func:`kb.compare.segments.rewritten_links`): paired when the old article is unlinked too,
    else one more part of the old article (a split)."""
    of_old, of_new = _linked_to(P, extra)
    for o, n in rewritten_links(old, new, of_old, of_new, segments):
        if n in P.n2o or n in of_new and o in of_new[n]:
            continue
        if o in of_old or n in of_new:
            extra.append((o, n, "split"))
        else:
            P.add(o, n, "rewritten")
        of_old[o].append(n)
        of_new[n].append(o)


def _link_remainder(old: list[Unit], new: list[Unit], P: _Pairs, extra, segments) -> None:
    """An old article nothing linked whose paragraphs went, rewritten, into the parts of linked new
    articles that their own old articles do not explain (:func:`kb.compare.segments.remainder_links`):
    merged into them."""
    of_old, of_new = _linked_to(P, extra)
    for o, n in remainder_links(old, new, of_old, of_new, segments):
        extra.append((o, n, "merge"))


def _link_unique(old: list[Unit], new: list[Unit], P: _Pairs, extra) -> None:
    """Last, for two versions of one regulation only: two articles, one of them nothing linked, that share
    terms no other article of either text uses (:func:`kb.compare.segments.unique_links`): paired when both
    are unlinked, else one more part of a split or merge.  Two regulations on one subject (江门、湛江
    文明行为促进条例) share such terms where they follow one model (文明执法, 文明创建), not where one's
    provision became the other's."""
    of_old, of_new = _linked_to(P, extra)
    for o, n in unique_links(old, new, of_old, of_new):
        if o in of_old or n in of_new:
            extra.append((o, n, "split" if o in of_old else "merge"))
        else:
            P.add(o, n, "unique")


def _cited(doc: Document, units: list[Unit]) -> dict[int, set[int]]:
    """unit index -> the indices of the articles of its own text it cites, as the links layer reads the text's internal
    references (kb.compare.references.references_of: 本条例第三十九条, 第三十九条至第四十二条 — each article of the
    range —, 本法第三十六条第二款), relative ones (前款, 本条) aside."""
    from kb.compare.references import references_of

    at = {u.node.number: u.index for u in units if isinstance(u.node.number, int)}
    of = {u.node.eid: u.index for u in units}
    out: dict[int, set[int]] = defaultdict(set)
    for r in references_of(doc):
        i, j = of.get(r.article.eid), at.get(r.number)
        if i is not None and j is not None and i != j:
            out[i].add(j)
    return out


def _drop_cross_cited(old_doc: Document, new_doc: Document, old: list[Unit], new: list[Unit], P: _Pairs,
                      extra) -> None:
    """Very last, for two versions of one regulation: a link the rules were not sure of (neither identical nor
    confident) between two articles that both cite articles of their own text is dropped when every old article it
    cites is linked, and none of them to an article the new one cites (nor to the new article itself, into which it
    may have merged), and the two cite no number alike (a citation carried over unchanged, which may now point at
    another article: :mod:`kb.compare.references`).  Penalty clauses share their wording and differ in the duty they enforce (违反本条例第三十九条
    规定……): 北京市安全生产条例 2016 第八十九条 (第三十九条, now 2022 第二十八、二十九条) is not 2022 第五十九条
    (第三十六条第二款) nor 第六十条 (第三十七条第一款); 公司法 2018 第一百零八条 on the 董事会 (第四十五条、第四十六条) is
    not 2023 第一百三十条 on the 监事会 (第一百二十一条、第一百三十三条)."""
    cited_old, cited_new = _cited(old_doc, old), _cited(new_doc, new)
    if not cited_old or not cited_new:
        return
    of_old, _ = _linked_to(P, extra)

    def all_linked(co: set[int]) -> bool:
        """Every old article cited is linked to something."""
        return all(of_old.get(x) for x in co)

    def points_at_new(co: set[int], cn: set[int], n: int) -> bool:
        """An old article cited is linked to one the new article cites, or to the new article itself."""
        return any(y in cn or y == n for x in co for y in of_old[x])

    def same_numbers(co: set[int], cn: set[int]) -> bool:
        """The two cite a number alike (a citation carried over unchanged)."""
        return bool({old[x].node.number for x in co} & {new[y].node.number for y in cn})

    def crossed(o: int, n: int) -> bool:
        co, cn = cited_old.get(o), cited_new.get(n)
        if not co or not cn or not all_linked(co):
            return False
        return not points_at_new(co, cn, n) and not same_numbers(co, cn)
    for (o, n), kind in list(P.how.items()):
        if kind not in ("identical", "confident") and crossed(o, n):
            P.remove(o, n)
    extra[:] = [(o, n, kind) for o, n, kind in extra if not crossed(o, n)]


def _pair_shared(old: list[Unit], new: list[Unit], P: _Pairs, extra) -> None:
    """After every other rule: a revision that renames what it keeps (国境卫生检疫法 2018 → 2024:
    国境卫生检疫机关 → 海关, 检疫 → 检疫查验 in every article) leaves the kept articles alike only in
    the words both texts still use; their bigrams found in one text alone weigh down every cosine.
    Among the articles still unlinked, two that are each other's most similar over the shared
    vocabulary (cosine ≥ ``SHARED``) pair: 2018 第四条 → 2024 第九条 (cosine 0.11, 0.51 over the shared
    words), 国防教育法 2018 第十二条 → 2024 第十二条 (0.10 → 0.95).  Compared one by one while few are
    left (``LEFT_ALL``); a text with more unlinked articles than that is no such revision.  The shared
    words must explain the difference: at least ``LIFT`` times the cosine over all bigrams."""
    linked_old, linked_new = _linked(P, extra)
    free_o = [u for u in old if u.index not in linked_old and u.norm]
    free_n = [u for u in new if u.index not in linked_new and u.norm]
    if not free_o or not free_n or len(free_o) * len(free_n) > LEFT_ALL:
        return
    vocabulary = shared_vocabulary(old, new)
    sim = {(u.index, v.index): cosine(u, v)
           for u in on_vocabulary(free_o, vocabulary) for v in on_vocabulary(free_n, vocabulary)}
    # a pair the renamed words do not explain -- as unlike over the shared words as over all (行政复议法 2017
    # 第十八条 转送, deleted, and 2023 第六十条: 0.28 → 0.45) -- differs in what it says: not paired
    sim = {k: s for k, s in sim.items() if s >= LIFT * cosine(old[k[0]], new[k[1]])}
    _pair_mutual(sim, P, extra, SHARED, "shared")


def _splits_and_merges(old: list[Unit], new: list[Unit], cands, P: _Pairs, segments=None) -> list[tuple[int, int, str]]:
    """(old, new, split|merge) links that share an article with another link."""
    extra: list[tuple[int, int, str]] = []
    for u in new:
        if u.index in P.n2o or not u.norm:
            continue
        o = _contained_in(u, cands.get(u.index, []), old)
        if o is not None:
            extra.append((o, u.index, "split"))
    old_cands = defaultdict(list)
    for n, lst in cands.items():
        for s, o in lst:
            old_cands[o].append((s, n))
    split_new = {n for _, n, _ in extra}
    for u in old:
        if u.index in P.o2n or not u.norm:
            continue
        n = _contained_in(u, old_cands.get(u.index, []), new, skip=split_new)
        if n is not None:
            extra.append((u.index, n, "merge"))
    # splits and merges seen at paragraph/item level: an unpaired article one of whose
    # paragraphs or items reappears (nearly) whole in an article of the other side
    have = {(o, n) for o, n, _ in extra}
    seg = segment_links(old, new, P.o2n, P.n2o, anchors=longest_chain(list(P.o2n.items())), segments=segments)
    # an article paired with an identical text neither gave nor took anything: its whole text
    # is accounted for (反间谍法 2023 第十条 is 2014 第六条 word for word; 2014 第二十七条's
    # similar paragraph did not go into it)
    closed_old = {o for (o, n), kind in P.how.items() if kind == "identical"}
    closed_new = {n for (o, n), kind in P.how.items() if kind == "identical"}
    for o, n in seg:
        if o in closed_old or n in closed_new:
            continue
        if (o, n) not in have and P.o2n.get(o) != n:
            extra.append((o, n, "split" if n not in P.n2o else "merge"))
            have.add((o, n))
    return extra


def _contained_in(u: Unit, cands: list[tuple[float, int]], others: list[Unit], skip=frozenset()) -> int | None:
    """The candidate that mostly contains ``u`` (containment ≥ CONTAIN), best by containment + cosine.
    An article that is only boilerplate (保守国家秘密法 2024 第六十二条: 违反本法规定，构成犯罪的，依法追究
    刑事责任) is contained in every penalty clause and so is no part of any (:mod:`kb.compare.boilerplate`)."""
    if not says_more(u.node.full_text(), SEG_MIN):
        return None
    best = None
    for s, j in cands:
        if j in skip:
            continue
        c = containment(u, others[j])
        if c >= CONTAIN and s >= 0.15 and (best is None or c + s > best[0]):
            best = (c + s, j)
    return best[1] if best else None


def _links(old: list[Unit], new: list[Unit], sim, P: _Pairs, extra) -> list[Link]:
    """One link per pair and per extra (split/merge) link; an article in none is added or deleted."""
    links: list[Link] = []
    for o, n in P.o2n.items():
        links.append(Link(o, n, similarity=sim.get((o, n)) or cosine(old[o], new[n]), how=P.how[(o, n)]))
    for o, n, kind in extra:
        links.append(Link(o, n, similarity=sim.get((o, n)) or cosine(old[o], new[n]), how=kind))
    paired_old = {l.old for l in links}
    paired_new = {l.new for l in links}
    for u in old:
        if u.index not in paired_old:
            links.append(Link(u.index, None, "deleted"))
    for u in new:
        if u.index not in paired_new:
            links.append(Link(None, u.index, "added"))
    return links


def _statuses(links: list[Link], old: list[Unit], new: list[Unit]) -> None:
    """Each link's status, and whether its article was renumbered: an article split in two
    keeps its number when one of its parts has it (第十五条 → 第十五条、第十六条 is a split,
    not a renumbering), and so does a merge whose result has one of the old numbers."""
    per_old = Counter(l.old for l in links if l.old is not None and l.new is not None)
    per_new = Counter(l.new for l in links if l.old is not None and l.new is not None)
    labels_of_old, labels_of_new = defaultdict(set), defaultdict(set)
    for l in links:
        if l.old is not None and l.new is not None:
            labels_of_old[l.old].add(new[l.new].label)
            labels_of_new[l.new].add(old[l.old].label)
    for l in links:
        if l.old is None or l.new is None:
            l.similarity = 0.0
            continue
        o, n = old[l.old], new[l.new]
        if per_old[l.old] > 1:
            l.status = "split"
        elif per_new[l.new] > 1:
            l.status = "merged"
        elif o.text.replace(" ", "") == n.text.replace(" ", "") or o.norm == n.norm and _same_punct(o, n):
            l.status = "unchanged"
            l.similarity = 1.0
        else:
            l.status = "modified"
        if l.status == "split":
            l.renumbered = o.label not in labels_of_old[l.old]
        elif l.status == "merged":
            l.renumbered = n.label not in labels_of_new[l.new]
        else:
            l.renumbered = o.label != n.label
        l.similarity = round(min(1.0, l.similarity), 3)


def _same_punct(o: Unit, n: Unit) -> bool:
    return _squeezed(o.text) == _squeezed(n.text)


def _squeezed(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _order_key(links):
    """Rows in new-text order; a deleted article at its old place: right after the row of the
    nearest earlier old article that stayed in order (one of the longest chain of pairs
    increasing in both texts), not after one that moved elsewhere (2016 第三十五条 stays in
    第五章 when its neighbour 第三十四条 moved to 第三章)."""
    pairs = [(l.old, l.new) for l in links if l.old is not None and l.new is not None]
    in_order = longest_chain(pairs)
    pos_of_old = {}
    for o, n in sorted(in_order):
        pos_of_old.setdefault(o, n)

    def key(l: Link):
        if l.new is not None:
            return (l.new, 1, l.old if l.old is not None else -1)
        o = l.old - 1
        while o >= 0 and o not in pos_of_old:
            o -= 1
        return (pos_of_old[o] if o >= 0 else -1, 2, l.old)
    return key
