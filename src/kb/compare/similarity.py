"""How alike two articles are, measured without ever comparing every article with every other.

Alignment decides which articles correspond; this module only supplies the evidence it decides
on, so that the measure (TF-IDF of character bigrams, since Chinese has no word boundaries) can
be tuned or scored apart from the assignment rules:

- each article becomes a sparse TF-IDF vector of character bigrams of its normalised text
  (whitespace and punctuation removed); IDF is computed over the articles of both texts, so
  boilerplate (应当, 人民政府 …) weighs little;
- candidates for an article come from an inverted index over its 40 rarest bigrams, with
  postings capped (``DF_CAP``, ``DF_MAX``), so each article is compared with a handful of
  others, not with all; exact cosine and containment are computed for candidates only.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import mul

from kb.text.model import Document, Node

CANDIDATES = 12   # candidates kept per article
DF_CAP = 0.05     # bigrams in more than this share of articles are not used to find candidates
DF_MAX = 100     # … and never more than this many articles

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


def bigrams(s: str) -> Counter:
    if len(s) < 2:
        return Counter([s]) if s else Counter()
    return Counter(s[i:i + 2] for i in range(len(s) - 1))


def tfidf(counts: list[Counter]) -> tuple[Counter, list[tuple[dict, float]]]:
    """Document frequencies of the bigrams of ``counts``, and each one's TF-IDF vector with its length."""
    df = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts) or 1
    idf = {g: math.log((n + 1) / (d + 0.5)) for g, d in df.items()}
    vecs = []
    for c in counts:
        v = {g: (1 + math.log(tf)) * idf[g] for g, tf in c.items()}
        vecs.append((v, math.sqrt(sum(w * w for w in v.values())) or 1.0))
    return df, vecs


def units(doc: Document) -> list[Unit]:
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


def weigh(old: list[Unit], new: list[Unit]) -> dict[str, float]:
    """Give every unit its vector; returns each bigram's document frequency as a share of the units."""
    counts = [bigrams(u.norm) for u in old + new]
    df, vecs = tfidf(counts)
    for u, (vec, norm2) in zip(old + new, vecs):
        u.vec, u.norm2 = vec, norm2
    n = len(counts) or 1
    return {g: d / n for g, d in df.items()}


def cosine(a: Unit, b: Unit) -> float:
    if len(a.vec) > len(b.vec):
        a, b = b, a
    # Σ w × bv[g] over the bigrams both hold, in a's order: the others add w × 0.0 = 0.0, which leaves a sum of
    # positive weights unchanged bit for bit; looked up by map() in C rather than a generator's two look-ups
    dot = sum(map(mul, a.vec.values(), map(b.vec.get, a.vec, repeat(0.0))))
    return dot / (a.norm2 * b.norm2)


def containment(part: Unit, whole: Unit) -> float:
    """Share of ``part``'s weight whose bigrams also occur in ``whole``."""
    tot = sum(part.vec.values()) or 1.0
    wv = whole.vec
    return sum(w for g, w in part.vec.items() if g in wv) / tot


def shared_vocabulary(old: list[Unit], new: list[Unit]) -> set[str]:
    """The bigrams that occur in both texts."""
    return set().union(*(u.vec for u in old)) & set().union(*(u.vec for u in new))


def on_vocabulary(us: list[Unit], vocabulary: set[str]) -> list[Unit]:
    """Copies of the units whose vectors keep only the bigrams of ``vocabulary`` (renormalised), for
    comparing two versions on what they say alike rather than on the words one of them renamed."""
    out = []
    for u in us:
        vec = {g: w for g, w in u.vec.items() if g in vocabulary}
        out.append(replace(u, vec=vec, norm2=math.sqrt(sum(w * w for w in vec.values())) or 1.0))
    return out


def candidates(old: list[Unit], new: list[Unit], dfrac: dict[str, float],
               skip_old=frozenset(), skip_new=frozenset()) -> dict[int, list[tuple[float, int]]]:
    """For every new article, up to CANDIDATES old articles by exact cosine (found via rare bigrams).
    Articles already paired with an identical text (``skip_*``) are left out."""
    cap = df_cap(len(old) + len(new))
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


def df_cap(total: int) -> float:
    """Largest document frequency (as a share) of a bigram used to look up candidates: 5 % of
    the units, but never more than DF_MAX units, so each lookup costs at most
    40 bigrams × DF_MAX postings however long the texts are (no quadratic growth)."""
    total = max(1, total)
    return max(8 / total, min(DF_CAP, DF_MAX / total))
