"""Align the articles (and headings) of two texts by content, not by number.

Method (no step grows quadratically in characters):

1. Each article becomes a sparse TF-IDF vector of character bigrams of its
   normalised text (whitespace and punctuation removed).  IDF is computed over
   the articles of both texts, so boilerplate (应当, 人民政府 …) weighs little.
2. Identical texts pair first.  Candidates for the rest come from an inverted index
   over each article's 40 rarest bigrams, with postings capped (``DF_CAP``,
   ``DF_MAX``), so each article is compared with a handful of others, not with all;
   exact cosine and containment are computed for candidates only.
3. Confident one-to-one pairs (cosine ≥ ``HIGH``), best first.  The texts count as
   *related* when at least ``RELATED`` of the shorter one paired so; unrelated texts
   keep only these pairs (an honest "no correspondence", nothing forced).
4. For related texts: the longest order-preserving chain of pairs becomes the
   anchors; in each gap between consecutive anchors the remaining articles pair
   with a lower threshold (``GAP``: heavily reworded articles that stayed in place);
   the purpose clause (……制定本法) and the commencement clause (本法自……施行) pair
   however reworded; moved articles pair anywhere (cosine ≥ ``MOVED``).
5. Splits and merges: an unpaired article mostly *contained* in an article of the
   other side (``CONTAIN``), or one of whose paragraphs/items reappears there
   (paragraph-level cosine ≥ ``SEG_SIM``), joins that article; a paragraph moved
   nearly verbatim between two paired articles links them too.  Several links then
   share one side (status split / merged).
6. Headings (编, 分编, 章, 节) are aligned by title and by where their articles went;
   an article pair is ``moved`` when the new article's chapter is not the
   counterpart of the old article's chapter.

Baselines for scoring (``align_numbers``, ``align_greedy``) are at the end.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kb.text.model import Document, Node

HIGH = 0.5        # confident one-to-one pair
GAP = 0.22        # between anchors, same place in the order
MOVED = 0.4       # anywhere else (moved article)
CONTAIN = 0.6     # share of an article's weight found in the other side's article (split/merge)
RELATED = 0.1     # share of the shorter text that must pair confidently for the texts to count as related
CANDIDATES = 12   # candidates kept per article
DF_CAP = 0.05     # bigrams in more than this share of articles are not used to find candidates
DF_MAX = 100     # … and never more than this many articles

ROLES = (re.compile(r"制定本\w{0,6}?(法|条例|办法|规定|细则|决定|规则)$"),
         re.compile(r"^本(法|条例|办法|规定|细则|决定|规则)自.{0,30}(起施行|起实施|施行)"))

HEADING_KINDS = ("part", "subpart", "chapter", "section")


_NONWORD = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """Text for matching only: letters and digits, full-width folded (source text is never changed)."""
    return _NONWORD.sub("", unicodedata.normalize("NFKC", text))


def article_text(a: Node) -> str:
    """What is compared and shown for an article: heading line (if any), then paragraphs and items."""
    parts = []
    if a.title:
        b = a.brackets or ("【", "】")
        parts.append(f"{b[0]}{a.title}{b[1]}")
    body = a.full_text()
    if body:
        parts.append(body)
    return "\n".join(parts)


@dataclass
class Unit:
    index: int
    node: Node
    text: str                 # article_text
    norm: str
    vec: dict = field(default_factory=dict)   # bigram -> tf-idf weight
    norm2: float = 0.0
    chapter: Node | None = None

    @property
    def eid(self) -> str:
        return self.node.eid

    @property
    def label(self) -> str:
        return self.node.label


@dataclass
class Link:
    """One aligned pair (or one unpaired article: old or new is None)."""
    old: int | None
    new: int | None
    status: str = "modified"          # unchanged|modified|added|deleted|split|merged
    similarity: float = 0.0
    renumbered: bool = False
    moved: bool = False
    how: str = ""                     # identical|confident|gap|moved|split|merge (diagnostics)


@dataclass
class HeadingLink:
    kind: str
    old: Node | None
    new: Node | None
    status: str                       # unchanged|renamed|renumbered|regraded|added|deleted


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


def _bigrams(s: str) -> Counter:
    if len(s) < 2:
        return Counter([s]) if s else Counter()
    return Counter(s[i:i + 2] for i in range(len(s) - 1))


def _units(doc: Document) -> list[Unit]:
    out = []
    for i, a in enumerate(doc.articles):
        t = article_text(a)
        out.append(Unit(i, a, t, normalize(t), chapter=_container(a)))
    return out


def _container(n: Node) -> Node | None:
    p = n.parent
    while p is not None and p.kind not in ("chapter", "section", "subpart", "part"):
        p = p.parent
    # the chapter is the unit that "moved" refers to; fall back to the nearest heading
    ch = n.ancestor("chapter")
    return ch or p


def _weigh(old: list[Unit], new: list[Unit]) -> dict[str, float]:
    counts = [_bigrams(u.norm) for u in old + new]
    df = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts) or 1
    idf = {g: math.log((n + 1) / (d + 0.5)) for g, d in df.items()}
    for u, c in zip(old + new, counts):
        u.vec = {g: (1 + math.log(tf)) * idf[g] for g, tf in c.items()}
        u.norm2 = math.sqrt(sum(w * w for w in u.vec.values())) or 1.0
    return {g: d / n for g, d in df.items()}


def cosine(a: Unit, b: Unit) -> float:
    if len(a.vec) > len(b.vec):
        a, b = b, a
    bv = b.vec
    dot = sum(w * bv[g] for g, w in a.vec.items() if g in bv)
    return dot / (a.norm2 * b.norm2)


def containment(part: Unit, whole: Unit) -> float:
    """Share of ``part``'s weight whose bigrams also occur in ``whole``."""
    tot = sum(part.vec.values()) or 1.0
    wv = whole.vec
    return sum(w for g, w in part.vec.items() if g in wv) / tot


def _candidates(old: list[Unit], new: list[Unit], dfrac: dict[str, float],
                skip_old=frozenset(), skip_new=frozenset()) -> dict[int, list[tuple[float, int]]]:
    """For every new article, up to CANDIDATES old articles by exact cosine (found via rare bigrams).
    Articles already paired with an identical text (``skip_*``) are left out."""
    cap = _df_cap(len(old) + len(new))
    index: dict[str, list[int]] = defaultdict(list)
    for u in old:
        if u.index in skip_old:
            continue
        for g in u.vec:
            if dfrac.get(g, 1) <= cap:
                index[g].append(u.index)
    out = {}
    for u in new:
        if u.index in skip_new:
            continue
        acc: Counter = Counter()
        # the 40 heaviest (rarest) bigrams of the article find its candidates
        for g in sorted(u.vec, key=u.vec.__getitem__, reverse=True)[:40]:
            post = index.get(g)
            if post:
                w = u.vec[g]
                for j in post:
                    acc[j] += w * old[j].vec[g]
        cands = [j for j, _ in acc.most_common(CANDIDATES)]
        out[u.index] = sorted(((cosine(u, old[j]), j) for j in cands), reverse=True)
    return out


def _df_cap(total: int) -> float:
    """Largest document frequency (as a share) of a bigram used to look up candidates: 5 % of
    the units, but never more than DF_MAX units, so each lookup costs at most
    40 bigrams × DF_MAX postings however long the texts are (no quadratic growth)."""
    total = max(1, total)
    return max(8 / total, min(DF_CAP, DF_MAX / total))


def _lis(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Longest chain increasing in both old and new index (pairs sorted by old index)."""
    import bisect

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


def align(old_doc: Document, new_doc: Document) -> Alignment:
    old, new = _units(old_doc), _units(new_doc)
    dfrac = _weigh(old, new)
    o2n: dict[int, int] = {}
    n2o: dict[int, int] = {}
    how: dict[tuple[int, int], str] = {}

    def pair(o, n, kind):
        o2n[o] = n
        n2o[n] = o
        how[(o, n)] = kind

    # 1. identical texts (duplicates paired in order)
    by_text = defaultdict(list)
    for u in old:
        by_text[u.norm].append(u.index)
    for u in new:
        lst = by_text.get(u.norm)
        if lst and u.norm:
            pair(lst.pop(0), u.index, "identical")

    cands = _candidates(old, new, dfrac, frozenset(o2n), frozenset(n2o))
    sim: dict[tuple[int, int], float] = {}
    for n, lst in cands.items():
        for s, o in lst:
            sim[(o, n)] = s

    # 2. confident pairs, best first
    ranked = sorted(((s, o, n) for (o, n), s in sim.items() if s >= HIGH), reverse=True)
    for s, o, n in ranked:
        if o not in o2n and n not in n2o:
            pair(o, n, "confident")

    # Texts are "related" (versions of one text, or texts on one subject) when enough articles
    # pair confidently.  Otherwise only identical and confident pairs are kept: no forced pairs.
    related = len(o2n) >= max(3, RELATED * min(len(old), len(new)))

    # 3. anchors = longest order-preserving chain; fill the gaps between them
    anchors = sorted(_lis(list(o2n.items()))) if related else []
    bounds = [(-1, -1)] + anchors + [(len(old), len(new))]
    for (o0, n0), (o1, n1) in zip(bounds, bounds[1:]):
        if o1 - o0 <= 1 or n1 - n0 <= 1:
            continue
        if (o0, n0) == (-1, -1) and (o1, n1) == (len(old), len(new)):
            break   # no anchors at all: the texts have nothing in common
        gap_pairs = []
        for n in range(n0 + 1, n1):
            if n in n2o:
                continue
            for o in range(o0 + 1, o1):
                if o in o2n:
                    continue
                s = sim.get((o, n))
                if s is None and (o1 - o0) * (n1 - n0) <= 400:
                    s = cosine(old[o], new[n])
                if s is not None and s >= GAP:
                    gap_pairs.append((s, o, n))
        # inside a gap prefer order-preserving pairs: take best first, skip crossing ones
        taken: list[tuple[int, int]] = []
        for s, o, n in sorted(gap_pairs, reverse=True):
            if o in o2n or n in n2o:
                continue
            if any((o - a) * (n - b) < 0 for a, b in taken):
                continue
            pair(o, n, "gap")
            taken.append((o, n))

    # 3b. articles with a fixed role, however reworded: the purpose clause (……制定本法) and
    #     the commencement clause (本法自……施行); paired when each side has exactly one unpaired
    for pat in (ROLES if related else ()):
        ro = [u.index for u in old if u.index not in o2n and pat.search(normalize(u.node.full_text()))]
        rn = [u.index for u in new if u.index not in n2o and pat.search(normalize(u.node.full_text()))]
        if len(ro) == 1 and len(rn) == 1:
            pair(ro[0], rn[0], "role")

    # 4. moved articles: anywhere, lower than confident
    ranked = sorted(((s, o, n) for (o, n), s in sim.items() if s >= MOVED and related), reverse=True)
    for s, o, n in ranked:
        if o not in o2n and n not in n2o:
            pair(o, n, "moved")

    # 5. splits and merges
    extra: list[tuple[int, int, str]] = []
    for u in (new if related else ()):
        if u.index in n2o or not u.norm:
            continue
        best = None
        for s, o in cands.get(u.index, []):
            c = containment(u, old[o])
            if c >= CONTAIN and s >= 0.15 and (best is None or c + s > best[0]):
                best = (c + s, o)
        if best:
            extra.append((best[1], u.index, "split"))
    old_cands = defaultdict(list)
    for n, lst in cands.items():
        for s, o in lst:
            old_cands[o].append((s, n))
    split_new = {n for _, n, _ in extra}
    for u in (old if related else ()):
        if u.index in o2n or not u.norm:
            continue
        best = None
        for s, n in old_cands.get(u.index, []):
            if n in split_new:
                continue
            c = containment(u, new[n])
            if c >= CONTAIN and s >= 0.15 and (best is None or c + s > best[0]):
                best = (c + s, n)
        if best:
            extra.append((u.index, best[1], "merge"))

    # 5b. splits and merges seen at paragraph/item level: an unpaired article one of whose
    #     paragraphs or items reappears (nearly) whole in an article of the other side
    have = {(o, n) for o, n, _ in extra}
    seg = _segment_links(old, new, o2n, n2o, {n for _, n, _ in extra}, {o for o, _, _ in extra}) \
        if related else []
    for o, n in seg:
        if (o, n) not in have and o2n.get(o) != n:
            extra.append((o, n, "split" if n not in n2o else "merge"))
            have.add((o, n))

    links: list[Link] = []
    for o, n in o2n.items():
        links.append(Link(o, n, similarity=sim.get((o, n)) or cosine(old[o], new[n]), how=how[(o, n)]))
    for o, n, kind in extra:
        links.append(Link(o, n, similarity=sim.get((o, n)) or cosine(old[o], new[n]), how=kind))
    # an unpaired article whose partner joined a split/merge: that partner becomes shared
    paired_old = {l.old for l in links}
    paired_new = {l.new for l in links}
    for u in old:
        if u.index not in paired_old:
            links.append(Link(u.index, None, "deleted"))
    for u in new:
        if u.index not in paired_new:
            links.append(Link(None, u.index, "added"))

    _statuses(links, old, new)
    headings = _align_headings(old_doc, new_doc, old, new, links)
    _moved(links, old, new, headings)
    links.sort(key=_order_key(links))
    return Alignment(old, new, links, headings, related)


SEG_MIN = 12      # normalised characters a paragraph/item needs to count as evidence
SEG_SIM = 0.5     # cosine of two paragraphs/items taken as "the same provision, reworded"
MOVED_SEG_MIN = 20   # a paragraph moved between two paired articles: at least this long …
MOVED_SEG_SIM = 0.7  # … and nearly verbatim


def _segments(u: Unit) -> list[str]:
    """Normalised paragraphs (own text) and items of an article."""
    out = []
    for n in u.node.walk():
        if n.kind in ("paragraph", "item", "subitem") and n.text:
            t = normalize((n.label if n.kind != "paragraph" else "") + n.text)
            if len(t) >= SEG_MIN:
                out.append(t)
    return out


def _segment_links(old, new, o2n, n2o, done_new, done_old):
    """(old, new) links for unpaired articles from matching paragraphs and items.

    Only the segments of unpaired articles are looked up (via an inverted index of rarer
    bigrams over the other side's segments), so the cost follows the number of unpaired
    articles, not the size of the texts."""
    want_new = {u.index for u in new if u.index not in n2o and u.index not in done_new}
    want_old = {u.index for u in old if u.index not in o2n and u.index not in done_old}
    changed = [(o, n) for o, n in o2n.items() if old[o].norm != new[n].norm]
    if not want_new and not want_old and not changed:
        return []
    segs_o = [(u.index, t) for u in old for t in _segments(u)]
    segs_n = [(u.index, t) for u in new for t in _segments(u)]
    if not segs_o or not segs_n:
        return []
    # paragraphs and items get their own document-frequency idf
    df = Counter()
    grams = []
    for _, t in segs_o + segs_n:
        c = _bigrams(t)
        grams.append(c)
        df.update(c.keys())
    total = len(grams)
    idf = {g: math.log((total + 1) / (d + 0.5)) for g, d in df.items()}
    vecs = []
    for c in grams:
        v = {g: (1 + math.log(tf)) * idf[g] for g, tf in c.items()}
        vecs.append((v, math.sqrt(sum(w * w for w in v.values())) or 1.0))
    vo, vn = vecs[:len(segs_o)], vecs[len(segs_o):]
    cap = _df_cap(total)

    def make_index(vs):
        index: dict[str, list[int]] = defaultdict(list)
        for k, (v, _) in enumerate(vs):
            for g in v:
                if df[g] / total <= cap:
                    index[g].append(k)
        return index

    def best(q, index, vs):
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

    length_o, length_n = Counter(), Counter()
    for i, t in segs_o:
        length_o[i] += len(t)
    for i, t in segs_n:
        length_n[i] += len(t)
    links = set()
    if want_new:
        index_o = make_index(vo)
        evidence: Counter = Counter()
        for k, (ni, t) in enumerate(segs_n):
            if ni in want_new:
                top = best(vn[k], index_o, vo)
                if top and top[0] >= SEG_SIM:
                    evidence[(segs_o[top[1]][0], ni)] += min(len(t), len(segs_o[top[1]][1]))
        for (oi, ni), ev in evidence.items():
            if ev >= 0.25 * length_n[ni] or ev >= 40:
                links.add((oi, ni))
    if want_old:
        index_n = make_index(vn)
        evidence = Counter()
        for k, (oi, t) in enumerate(segs_o):
            if oi in want_old:
                top = best(vo[k], index_n, vn)
                if top and top[0] >= SEG_SIM:
                    evidence[(oi, segs_n[top[1]][0])] += min(len(t), len(segs_n[top[1]][1]))
        for (oi, ni), ev in evidence.items():
            if ni in want_new:
                continue          # both unpaired: the first pass decides (new side's view)
            if ev >= 0.25 * length_o[oi] or ev >= 40:
                links.add((oi, ni))
    # a paragraph or item moved between two articles that are both paired elsewhere
    # (公司法 2018 第三条第二款 → 2023 第四条第一款): near-verbatim, long enough, and not
    # also present in the article's own partner
    if changed:
        index_o = make_index(vo) if not want_new else index_o
        index_n = make_index(vn) if not want_old else index_n
        segs_of_o, segs_of_n = defaultdict(list), defaultdict(list)
        for k, (i, _) in enumerate(segs_o):
            segs_of_o[i].append(k)
        for k, (i, _) in enumerate(segs_n):
            segs_of_n[i].append(k)

        def cos(a, b):
            (va, na), (vb, nb) = a, b
            if len(va) > len(vb):
                va, vb = vb, va
            return sum(w * vb[g] for g, w in va.items() if g in vb) / (na * nb)

        for o, n in changed:
            for k in segs_of_o[o]:
                t = segs_o[k][1]
                if len(t) < MOVED_SEG_MIN or t in new[n].norm \
                        or any(cos(vo[k], vn[j]) >= SEG_SIM for j in segs_of_n[n]):
                    continue        # still (reworded) in its own partner
                top = best(vo[k], index_n, vn)
                if top and top[0] >= MOVED_SEG_SIM:
                    n2 = segs_n[top[1]][0]
                    if n2 != n and n2 in n2o:
                        links.add((o, n2))
            for k in segs_of_n[n]:
                t = segs_n[k][1]
                if len(t) < MOVED_SEG_MIN or t in old[o].norm \
                        or any(cos(vn[k], vo[j]) >= SEG_SIM for j in segs_of_o[o]):
                    continue
                top = best(vn[k], index_o, vo)
                if top and top[0] >= MOVED_SEG_SIM:
                    o2 = segs_o[top[1]][0]
                    if o2 != o and o2 in o2n:
                        links.add((o2, n))
    return sorted(links)


def _statuses(links: list[Link], old: list[Unit], new: list[Unit]) -> None:
    per_old = Counter(l.old for l in links if l.old is not None and l.new is not None)
    per_new = Counter(l.new for l in links if l.old is not None and l.new is not None)
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
        l.renumbered = o.label != n.label
        l.similarity = round(min(1.0, l.similarity), 3)


def _same_punct(o: Unit, n: Unit) -> bool:
    strip = lambda s: re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))
    return strip(o.text) == strip(n.text)


def _order_key(links):
    """Rows in new-text order; deleted articles right after their old predecessor's row."""
    pos_of_old = {}
    for l in links:
        if l.old is not None and l.new is not None:
            pos_of_old.setdefault(l.old, l.new)

    def key(l: Link):
        if l.new is not None:
            return (l.new, 1, l.old if l.old is not None else -1)
        # deleted: place after the new counterpart of the nearest earlier old article
        o = l.old - 1
        while o >= 0 and o not in pos_of_old:
            o -= 1
        return (pos_of_old[o] if o >= 0 else -1, 2, l.old)
    return key


def _heading_nodes(doc: Document, kind: str) -> list[Node]:
    return list(doc.nodes(kind))


def _align_headings(old_doc, new_doc, old, new, links) -> list[HeadingLink]:
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
    return _regraded(out, o_of, n_of, art_map)


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
    ga, gb = _bigrams(a), _bigrams(b)
    inter = sum((ga & gb).values())
    return 2 * inter / (sum(ga.values()) + sum(gb.values()))


def _moved(links, old, new, headings) -> None:
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


def align_numbers(old_doc: Document, new_doc: Document) -> list[tuple[str, str]]:
    """Baseline 1 (eRegulations, Indigo): pair articles with the same number."""
    new_by = {a.eid: a for a in new_doc.articles}
    return [(a.eid, a.eid) for a in old_doc.articles if a.eid in new_by]


def align_greedy(old_doc: Document, new_doc: Document, threshold: float = 0.3) -> list[tuple[str, str]]:
    """Baseline 2: greedy one-to-one pairs of the most similar article texts."""
    old, new = _units(old_doc), _units(new_doc)
    dfrac = _weigh(old, new)
    if len(old) * len(new) <= 200_000:
        # every pair is scored (quadratic, fine for a baseline on texts of a few hundred articles)
        ranked = sorted(((s, o.index, n.index) for o in old for n in new
                         if (s := cosine(o, n)) >= threshold), reverse=True)
    else:   # large texts: the same candidates kb.align looks at
        cands = _candidates(old, new, dfrac)
        ranked = sorted(((s, o, n) for n, lst in cands.items() for s, o in lst if s >= threshold), reverse=True)
    uo, un, out = set(), set(), []
    for s, o, n in ranked:
        if o not in uo and n not in un:
            uo.add(o)
            un.add(n)
            out.append((old[o].eid, new[n].eid))
    return out
