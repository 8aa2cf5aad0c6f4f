"""A learned alternative to the subject rules, measured on texts it was not trained on: a CRF over the
characters of each sentence that holds a modal word, tagging the actor spans (B/I/O), trained on the
hand annotations of the tuning texts and scored by grouped cross-validation (leave texts out).

    python3 -m kb.dev.crf_alternative [--folds N] [NAMES…]

Why: the rules score 0.90 on the texts they were written on and 0.78–0.84 on each round of held-out
texts.  A trained component is only worth having if it beats the rules on texts it has not seen, so
every text is scored by a model trained without it: the tuning texts are split into N groups (default
6, by name order), each group is scored by a model trained on the others.  The rules are scored on the
same texts; their figure is still a seen-text figure (they were written on all of them), which flatters
the rules, not the CRF.

Training labels: in each sentence with a modal word, the characters of every gold actor name of that
provision (the text's own name, as annotated) are B/I; the rest O.  Features: the character and its
neighbours (±2), bigrams, whether the registry knows a name covering it, whether a modal word follows
within 12 characters.  Records: each tagged span before a modal word of the same sentence is an actor
with that word's modality.  Three extractors are scored, per text and pooled, at the three measures of
``kb score-obligations``: kb rules, CRF alone, and rules + CRF (the CRF names an actor only for the
statements the rules leave without one).  python-crfsuite is not a dependency of kb: the script says so
and stops when it is missing.  Only ``set: tuning`` files are read.
"""
from __future__ import annotations

import statistics
import sys
import time
from types import SimpleNamespace

_SENT_END = "。；！？"


def _sentences(text: str):
    """(start, end) of each sentence of text (ending at 。；！？)."""
    a = 0
    for i, c in enumerate(text):
        if c in _SENT_END:
            yield a, i + 1
            a = i + 1
    if a < len(text):
        yield a, len(text)


def _known_marks(sc, text: str) -> list[bool]:
    """For each character: is it inside a name the registry knows (longest match)?"""
    marks = [False] * len(text)
    i = 0
    while i < len(text):
        s = sc.lexicon(text, i)
        if s:
            for k in range(i, min(len(text), i + len(s))):
                marks[k] = True
            i += len(s)
        else:
            i += 1
    return marks


def features(text: str, known: list[bool], modal_at: set[int]) -> list[list[str]]:
    out = []
    n = len(text)
    near_modal = [False] * n
    for p in modal_at:
        for k in range(max(0, p - 12), p):
            near_modal[k] = True
    for i, c in enumerate(text):
        f = [f"c={c}", f"k={known[i]}", f"m={near_modal[i]}", f"mk={near_modal[i]}|{known[i]}"]
        for d in (-2, -1, 1, 2):
            j = i + d
            f.append(f"c{d}={text[j] if 0 <= j < n else '#'}")
        f.append(f"b-={text[i - 1] if i else '#'}{c}")
        f.append(f"b+={c}{text[i + 1] if i + 1 < n else '#'}")
        f.append(f"k-={known[i - 1] if i else False}|k+={known[i + 1] if i + 1 < n else False}")
        out.append(f)
    return out


def _provisions(doc):
    """(article, paragraph, item, node) of every paragraph and item of doc."""
    from kb.dev.subject_ranker import nodes
    return nodes(doc, subitems=False)


def sequences(doc, sc, names_at=None):
    """(node, art, para, item, start, end, features, labels) of each sentence with a modal word; labels
    from names_at[(article, para, item)] (gold actor names) when given."""
    from kb.layers.obligations.modals import find_modals
    for art, p, i, node in _provisions(doc):
        text = node.text or ""
        if not text:
            continue
        known = _known_marks(sc, text)
        for a, b in _sentences(text):
            modals = find_modals(text, a, b)
            if not modals:
                continue
            sent = text[a:b]
            feats = features(sent, known[a:b], {m[0] - a for m in modals})
            labels = None
            if names_at is not None:
                labels = ["O"] * len(sent)
                for name in names_at.get((str(art.number), p, i), ()):
                    k = sent.find(name)
                    while k >= 0:
                        labels[k] = "B"
                        for q in range(k + 1, k + len(name)):
                            labels[q] = "I"
                        k = sent.find(name, k + len(name))
            yield node, art, p, i, a, b, feats, labels, [(m[0] - a, m[3]) for m in modals]


def spans(tags: list[str]) -> list[tuple[int, int]]:
    out, start = [], None
    for k, t in enumerate(tags + ["O"]):
        if t == "B" or t == "O":
            if start is not None:
                out.append((start, k))
                start = None
            if t == "B":
                start = k
        elif t == "I" and start is None:
            start = k
    return out


def crf_records(doc, sc, tagger, reg, only=None):
    """Statements from the CRF's spans: each span before a modal word of its sentence takes that word's
    modality.  only: {(eid, sentence start)} to restrict to (the hybrid's rule-less statements)."""
    out = []
    for node, art, p, i, a, b, feats, _, modals in sequences(doc, sc):
        if only is not None and (node.eid, a) not in only:
            continue
        tags = tagger.tag(feats)
        sent = (node.text or "")[a:b]
        for s, e in spans(tags):
            for mp, modality in modals:
                if mp >= e:
                    out.append(SimpleNamespace(article=art.number, paragraph=p, item=i, eid=node.eid,
                                               actor=reg.canonical(sent[s:e]), modality=modality,
                                               action=sent[mp:], deadline=None))
                    break
    return out


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        import pycrfsuite
    except ImportError:
        print("没有安装 python-crfsuite（它不是 kb 的依赖）：pip install python-crfsuite 后再比较", file=sys.stderr)
        return 2
    import kb.layers.obligations as layer
    from kb.dev import paths
    from kb.dev.score_obligations import gold_files, load_doc, load_gold_file, score_file
    from kb.layers.actors import load_registry
    from kb.layers.obligations.coordination import Scanner
    from kb.layers.obligations.layer import _LAYER_CACHE

    folds = 6
    if "--folds" in args:
        folds = int(args[args.index("--folds") + 1])
    names = [a for a in args if not a.startswith("-") and not a.isdigit()]
    reg = load_registry(paths.REPO)
    sc = Scanner(reg)
    files = [f for f in gold_files(names, "tuning") if load_gold_file(f).set == "tuning"]
    docs, golds = {}, {}
    for f in files:
        g = load_gold_file(f)
        d = load_doc(g.data, f)
        if d is None:
            continue
        docs[f.stem], golds[f.stem] = d, g
    stems = sorted(docs)
    fold_of = {s: k % folds for k, s in enumerate(stems)}
    by_source = {docs[s].source: s for s in stems}
    data = {}
    for s in stems:
        at: dict = {}
        for d in golds[s].duties:
            at.setdefault((d.article, d.p, d.i), set()).add(d.actor)
        data[s] = [(feats, labels) for *_, feats, labels, _ in sequences(docs[s], sc, at)]
    taggers = {}
    t0 = time.process_time()
    for k in range(folds):
        trainer = pycrfsuite.Trainer(verbose=False)
        for s in stems:
            if fold_of[s] != k:
                for feats, labels in data[s]:
                    trainer.append(feats, labels)
        trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 80})
        model = f"/tmp/kb-crf-fold{k}.crfsuite"
        trainer.train(model)
        tg = pycrfsuite.Tagger()
        tg.open(model)
        taggers[k] = tg
    t_train = time.process_time() - t0

    rules = layer.extract

    def crf_only(doc, registry=None):
        return crf_records(doc, sc, taggers[fold_of[by_source[doc.source]]], reg)

    def hybrid(doc, registry=None):
        out = list(rules(doc, reg))
        only = set()
        for st in layer.without_actor(doc, reg):
            text = doc.get(st.eid).text or ""
            a = max(text.rfind(c, 0, st.start) for c in _SENT_END) + 1
            only.add((st.eid, a))
        return out + crf_records(doc, sc, taggers[fold_of[by_source[doc.source]]], reg, only)

    rows = {}
    for label, fn in (("kb rules", rules), ("CRF alone", crf_only), ("rules+CRF", hybrid)):
        layer.extract = fn
        _LAYER_CACHE.clear()
        try:
            rows[label] = [r for r in (score_file(f, reg) for f in files if f.stem in docs) if r is not None]
        finally:
            layer.extract = rules
    print(f"tuning set: {len(stems)} texts, {folds} folds by text (each text scored by a model trained "
          f"without it); CRF training {t_train:.1f} s CPU for all folds")
    print(f"{'extractor':12} {'measure':30} {'P':>6} {'R':>6} {'F1':>6}   per-text F1: mean  sd    min   max")
    for label, scores in rows.items():
        for attr, name in (("s3", "(art, actor, mod)"), ("s5", "(art, para, item, actor, mod)"),
                           ("duty", "duty (recall: the issue)")):
            ss = [getattr(r, attr) for r in scores if getattr(r, attr) is not None]
            s = sum(ss[1:], ss[0])
            per = [x.f1 for x in ss]
            print(f"{label:12} {name:30} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}   {statistics.mean(per):.3f} "
                  f"{statistics.pstdev(per):.3f} {min(per):.3f} {max(per):.3f}")
    print("per text, (art, actor, mod) F1: kb rules / CRF alone / rules+CRF")
    for a, b, c in zip(*rows.values()):
        print(f"  {a.name:24} {a.s3.f1:.3f} {b.s3.f1:.3f} {c.s3.f1:.3f}")
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
