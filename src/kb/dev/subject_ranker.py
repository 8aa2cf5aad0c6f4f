"""A learned second look at the actors of clauses (issue 11), measured by ``python3 -m kb.dev.subject_cv``
and not adopted: which actor names of a sentence the rules passed over are the subject of a duty.

The rules find the subject of a modal word by construction (the group that opens the clause, the
subject carried over, the agent after 由 …); on unseen texts what they miss is mostly recall.  This
module lists the candidates the rules left — every actor group the rules' own scanner finds (with
discovery of names the lexicon lacks) at the start of a sentence or after a clause or list boundary
(，、；： 和 及 或者 由 对 …), paired with the first modal word after it in its sentence (or, with no
modal word after it, as a duty stated without one: obligation, and in a liability sentence also
sanction and liability), whose (article, paragraph, item, actor, modality) the rules did not record
— describes each by features (the characters around it, how far the modal word is and whether a
comma stands between, the actor's kind, whether the rules gave that modal word an actor at all,
whether it is coordinated with an actor the rules chose …) and scores it with a logistic model
trained by stochastic gradient descent (plain Python, a fixed seed).  ``adjust`` adds the candidates
scored above a threshold to an extraction, with the action and time limit of the duty the rules read
at that modal word (or the rest of the sentence).

Nothing here is used by the extractor: cross-validation by text showed no gain (the data README,
"A learned second look").
"""
from __future__ import annotations

import math
import random

from kb.layers.obligations.modals import find_modals
from kb.layers.obligations.records import Statement
from kb.layers.obligations.sentences import SENT_END, segments

#: a candidate becomes a record when the model thinks it more likely right than wrong
THRESHOLD = 0.5
_BOUNDARY_1 = "，、；：（和及与或由对向经并"
_BOUNDARY_2 = ("以及", "或者", "会同", "协助", "配合")
_CONJ = "、和及或与"


def bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-16" if n <= 16 else "17+"


def nodes(doc, subitems: bool = True):
    """(article, paragraph number, item number, node) of every paragraph, item and (subitems) sub-item."""
    for art in doc.articles:
        for para in art.children:
            if para.kind != "paragraph":
                continue
            yield art, para.number, None, para
            for it in para.children:
                if it.kind != "item":
                    continue
                yield art, para.number, it.number, it
                for sub in it.children if subitems else ():
                    yield art, para.number, it.number, sub


def _boundary(text: str, sa: int, b: int) -> bool:
    return b == sa or text[b - 1] in _BOUNDARY_1 or text[b - 2:b] in _BOUNDARY_2


def candidates(x) -> list[dict]:
    """The candidates of an extraction x (an ``_Extractor`` after ``run``, or anything with its doc, reg,
    sc, out, no_actor, said and silent): dicts with the key (article, paragraph, item, actor, modality),
    the node, the mention, the modal word (position, end, word, modality; word "" for a duty without
    one) and the features."""
    from kb.layers.obligations.liability import liability_chapter, liability_sentence
    reg, sc = x.reg, x.sc
    canon = reg.match_key
    have = {(str(s.article), s.paragraph, s.item, canon(s.actor), s.modality) for s in x.out}
    by_node: dict[str, list[Statement]] = {}
    for s in x.out:
        by_node.setdefault(s.eid, []).append(s)
    no_actor = {(s.eid, s.modality) for s in x.no_actor}
    doc_actors = {canon(s.actor) for s in x.out}
    out = []
    for art, p, i, node in nodes(x.doc):
        text = node.text
        if not text:
            continue
        liab_ch = liability_chapter(art)
        here = by_node.get(node.eid, [])
        for sa, sb in segments(text, SENT_END):
            modals = find_modals(text, sa, sb)
            liab = liab_ch or liability_sentence(text[sa:sb])
            seen = set()
            for b in range(sa, sb):
                if not _boundary(text, sa, b):
                    continue
                g = sc.group(text, b, discover=True)
                if g is None:
                    continue
                after = [m for m in modals if m[0] >= g.end]
                options = [after[0]] if after else \
                    [(g.end, g.end, "", mod) for mod in (("liability", "sanction", "obligation") if liab
                                                         else ("obligation",))]
                for mp, me, mw, mod in options:
                    for k, m in enumerate(g.mentions):
                        name = canon(m.name)
                        key = (str(art.number), p, i, name, mod)
                        if key in have or (name, m.start, mp, mod) in seen:
                            continue
                        seen.add((name, m.start, mp, mod))
                        f = _features(x, node.eid, text, sa, g, k, m, (mp, mw, mod), modals, liab, i is not None,
                                      here, (node.eid, mod) in no_actor, name in doc_actors, reg)
                        out.append({"key": key, "node": node, "mention": m, "modal": (mp, me, mw, mod),
                                    "features": f})
    return out


def _features(x, eid, text, sa, g, k, m, modal, modals, liab, in_item, here, no_actor, doc_actor, reg) -> list[str]:
    mp, mw, mod = modal
    canon = reg.match_key
    said = x.said.get((eid, mp))
    between = text[g.end:mp]
    prev1 = text[g.start - 1] if g.start > sa else "^"
    commas = min(2, between.count("，"))
    dist = bucket(mp - g.end)
    kind = reg.kind_of(m.name) or "?"
    decl = not mw
    cs = g.start == sa or text[g.start - 1] in "，；："
    conj = text[g.start - 1:g.start] in tuple(_CONJ) or text[g.start - 2:g.start] in ("或者", "以及")
    near = text[max(sa, g.start - 14):max(sa, g.start - 1)]
    coord = conj and any(s.modality == mod and s.actor[-3:] in near for s in here)
    next1 = text[g.end:g.end + 1]
    return ["bias", f"mod={mod}", f"mw={mw}", f"prev1={prev1}", f"prev2={text[max(sa, g.start - 2):g.start] or '^'}",
            f"mprev1={text[m.start - 1] if m.start > sa else '^'}", f"next1={next1}", f"next2={text[g.end:g.end + 2]}",
            f"dist={dist}", f"commas={commas}", f"known={m.known}", f"kind={kind}", f"suf1={m.name[-1:]}",
            f"suf2={m.name[-2:]}", f"nment={min(3, len(g.mentions))}", f"first={k == 0}", f"said={said}",
            f"silent={x.silent.get((eid, mp))}", f"noactor={no_actor}",
            f"kbmod={any(s.modality == mod for s in here)}",
            f"kbactor={any(canon(s.actor) == canon(m.name) for s in here)}", f"docactor={doc_actor}",
            f"liab={liab}", f"item={in_item}", f"de={between[:1] == '的'}", f"you={'由' in between}",
            f"modstart={mp == sa}", f"decl={decl}", f"anymodal={bool(modals)}",
            f"cs|dist|said={cs}|{dist}|{said}", f"coordkb={coord}", f"coordkb|said={coord}|{said}",
            f"cs|commas={cs}|{commas}", f"mod|prev1={mod}|{prev1}", f"said|prev1={said}|{prev1}",
            f"said|dist={said}|{dist}", f"kind|mod={kind}|{mod}", f"liab|mod={liab}|{mod}",
            f"said|commas={said}|{commas}", f"known|said={m.known}|{said}", f"decl|mod={decl}|{mod}",
            f"decl|next1={decl}|{next1}", f"decl|prev1={decl}|{prev1}", f"mod|next1={mod}|{next1}"]


def prob(weights: dict, features) -> float:
    z = sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(rows, epochs: int = 15, rate: float = 0.1, l2: float = 1e-3, seed: int = 11) -> dict:
    """Logistic regression by stochastic gradient descent over (features, label) rows (the order
    shuffled with a fixed seed: the same rows give the same weights)."""
    w: dict[str, float] = {}
    order = list(range(len(rows)))
    rnd = random.Random(seed)
    for ep in range(epochs):
        rnd.shuffle(order)
        lr = rate / (1 + ep)
        for j in order:
            feats, y = rows[j]
            g = y - prob(w, feats)
            for f in feats:
                w[f] = w.get(f, 0.0) * (1 - lr * l2) + lr * g
    return w


def record(x, c) -> Statement:
    """The record of an accepted candidate: the action and limit of the duty the rules read at its
    modal word (a statement of the same node and modality starting nearest to it), else the rest of
    the sentence."""
    node, m = c["node"], c["mention"]
    mp, me, _, mod = c["modal"]
    art, p, i = c["key"][:3]
    pool = [s for s in x.out + x.no_actor if s.eid == node.eid and s.modality == mod and s.end > mp]
    tpl = min(pool, key=lambda s: abs(s.start - mp), default=None)
    if tpl is not None and abs(tpl.start - mp) <= 40:
        action, start, end, deadline, explicit = tpl.action, tpl.start, tpl.end, tpl.deadline, tpl.explicit
    else:
        text = node.text
        e = me
        while e < len(text) and text[e] not in "。；":
            e += 1
        action, start, end, deadline, explicit = text[me:e], mp, max(e, mp + 1), None, True
    kind = x.reg.kind_of(m.name)
    levels = [] if kind == "government" and not m.name.endswith("部门") else list(m.levels)
    return Statement(article=int(art) if art.isdigit() else art, paragraph=p, item=i, eid=node.eid, actor=m.name,
                     modality=mod, explicit=explicit, action=action, start=start, end=end, deadline=deadline,
                     levels=levels, citation=node.citation, kind=kind)


def adjust(x, weights: dict, threshold: float = THRESHOLD, cands: list[dict] | None = None) -> list[Statement]:
    """Add to x.out the candidates scored above threshold (one record per key, the best scored; none
    with an empty action); returns the records added."""
    best: dict[tuple, tuple[float, dict]] = {}
    for c in candidates(x) if cands is None else cands:
        pr = prob(weights, c["features"])
        if pr > threshold and (c["key"] not in best or pr > best[c["key"]][0]):
            best[c["key"]] = (pr, c)
    added = [r for r in (record(x, c) for _, c in best.values()) if r.action]    # a name that ends its sentence acts on nothing
    x.out = list(x.out) + added
    return added
