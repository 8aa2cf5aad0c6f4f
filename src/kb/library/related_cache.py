"""Related provisions reused from the previous build: only the articles whose answer can have
changed are looked up again.

An answer (:meth:`kb.library.related.Library.related`) is computed from the article's own vector,
text and actors (the parties its duties name), the posting lists of its heaviest bigrams (which candidates it reaches, with what weight),
and, for the best candidates of each kind, their vectors, texts and their regulations' centroids;
what one regulation is to another comes from their metadata.  The state a build leaves keeps a
digest of each of these, and each article's answer with the candidates it read.  The next build
reuses an article's answer when every digest it depends on is unchanged, and looks it up again
otherwise; anything global that changed (the set of articles and versions, a regulation's
metadata or grounds, the provisions its articles cite by number, the parameters) means every
article is looked up again.  Reused answers are
the ones a fresh computation gives (tests/library/test_related_cache.py compares the two); the
saving depends on how far an edit reaches: weights are TF-IDF over the whole base, so a changed
text moves the weight of its bigrams in every article that has them.
"""
from __future__ import annotations

import hashlib

from kb.library.related import QUERY_BIGRAMS, Library, Relation


def _sha(value) -> str:
    return hashlib.sha1(repr(value).encode("utf-8", "surrogatepass")).hexdigest()


def digests(lib: Library, params) -> dict:
    """What every answer of ``lib`` may depend on, digested (see the module docstring)."""
    regs = {e.reg.id: e.reg for e in lib.entries}
    return {
        "global": _sha([[(e.reg.id, e.version.name, e.eid, e.latest) for e in lib.entries],
                        sorted((r.id, r.title, r.level, r.jurisdiction, bool((r.raw or {}).get("part")))
                               for r in regs.values()),
                        sorted((k, sorted(v)) for k, v in lib.grounds.items()), sorted(lib.outside),
                        # (the provisions each article cites by number come first among its 上位法: Library.cited)
                        sorted((k, sorted(v.items())) for k, v in lib.citations.items()), params]),
        # (the actors of an article's duties, ACTORS, come from its text and the project's actor registry: a changed
        # registry changes them without changing the text)
        "entries": [_sha((e.text, list(e.vec.items()), e.norm2, e.index in lib.inert, sorted(lib.actors(e))))
                    for e in lib.entries],
        # posting lists are arrays of indexes and weights: their bytes, digested (not hash(): a bytes
        # object's hash differs from one process to the next)
        "posts": {g: hashlib.blake2b(js.tobytes() + ws.tobytes(), digest_size=16).digest()
                  for g, (js, ws) in lib._weighted.items()},
        "centroids": {r: _sha((list(c.items()), n)) for r, (c, n) in lib.centroids.items()},
    }


def _unchanged(lib: Library, e, reads, gates: dict, now: dict, before: dict) -> bool:
    if now["entries"][e.index] != before["entries"][e.index]:
        return False
    # whether the article's regulation shares a subject with each regulation it was asked of (同类立法, SHARED_SUBJECT):
    # the two regulations as wholes, which no digest above covers — asked again, as cheap as it is
    if any(lib.regs_share_subject(kind, e.reg.id, r) != v for (kind, r), v in gates.items()):
        return False
    posts, old_posts = now["posts"], before["posts"]
    # a penalty clause's 上位法 depends on the answers of the duties it enforces (Library.owes_nothing): their candidates
    # are in ``reads``, and what they reach is read from the posting lists of their own heaviest bigrams
    for x in [e] + lib.violated(e):
        if x is not e and now["entries"][x.index] != before["entries"][x.index]:
            return False
        for g in sorted(x.vec or {}, key=x.vec.__getitem__, reverse=True)[:QUERY_BIGRAMS]:
            if posts.get(g) != old_posts.get(g):
                return False
    for j in reads:
        r = lib.entries[j].reg.id
        if now["entries"][j] != before["entries"][j] or now["centroids"].get(r) != before["centroids"].get(r):
            return False
    return True


def related_all(lib: Library, entries: list, previous: dict | None, **kw) -> tuple[dict, dict, int]:
    """({entry index: [Relation]} for ``entries``, the state to keep for the next build, how many
    answers were reused from ``previous`` (the state the last build kept, or None))."""
    params = sorted(kw.items())
    now = digests(lib, params)
    before = previous if previous and previous.get("global") == now["global"] else None
    kept = before["answers"] if before else {}
    answers, out, reused = {}, {}, 0
    for e in entries:
        rec = kept.get(e.index)
        if rec is not None and len(rec) == 3 and _unchanged(lib, e, rec[0], rec[2], now, before):
            reads, rows, gates = rec
            rels = [Relation(k, lib.entries[j], sim, rel, marks, own, shared, weak, cover, ordered)
                    for k, j, sim, rel, marks, own, shared, weak, cover, ordered in rows]
            reused += 1
        else:
            reads, gates = [], {}
            rels = lib.related(e, reads=reads, gates=gates, **kw)
            rows = [(r.kind, r.entry.index, r.similarity, r.relevance, r.marks, r.own_marks, r.shared, r.weak,
                     r.cover, r.ordered) for r in rels]
        answers[e.index] = rels
        out[e.index] = (reads, rows, gates)
    now["answers"] = out
    return answers, now, reused
