"""Learned pieces for the actors the obligation rules miss, measured only on texts they were not trained
on (issue 11): cross-validation by text over the annotated tuning texts.

    python3 -m kb.dev.subject_cv [--folds N] [--pos] [--crf] [NAMES…]

Two learned pieces, each added to the rules (which stay as they are), each scored at the three
measures of ``kb score-obligations`` beside the rules alone on the same texts:

* the ranker (``kb.dev.subject_ranker``): a logistic model over the actor groups the rules' scanner
  finds in a sentence and the rules did not make a duty's actor; candidates scored above 0.5 (more
  likely right than wrong: the threshold fixed before measuring) and above 0.7 become records.
  ``--pos`` adds features from jieba's part-of-speech tags (the word after the group, the word before
  it, a verb between it and the modal word).
* ``--crf``: a character CRF (python-crfsuite, not a dependency of kb: the script says so and stops)
  tags actor spans in the sentences of the modal words the rules left without an actor; a span
  before such a modal word becomes its actor.  Trained on every sentence with a modal word whose
  annotated actors the sentence names verbatim before a modal word of theirs (the rest is left out of
  training rather than taught as "no actor").

Cross-validation: the tuning texts (``set: tuning``; held-out files are never read) are split into N
groups by name order (default 6); each group is scored by models trained on the other groups only.
Printed: how many candidates the ranker accepts and how many of them are annotated duties; pooled
P/R/F1 and duty recall for all tuning texts, for the eight round-8 texts apart (the only tuning texts
no rule was written on, so there the rules' figure is an unseen-text figure too) and for the others;
the texts whose (art, actor, mod) F1 moved.
"""
from __future__ import annotations

import sys
import time

#: the round-8 texts: held out until they were scored once, no rule written on them since
ROUND8 = ("beijing-jiuye-yuanzhu", "beijing-xuesheng-shanghai", "beijing-yishi-guize", "beijing-zhengbing",
          "chongqing-jiti-zichan", "guangdong-jisheng", "huzhao", "jinchukou-jianyan")
THRESHOLDS = (0.5, 0.7)


def clone(x):
    """A copy of an extraction that ``subject_ranker.adjust`` may extend without touching x."""
    from types import SimpleNamespace
    return SimpleNamespace(doc=x.doc, reg=x.reg, sc=x.sc, out=list(x.out), no_actor=list(x.no_actor),
                           said=dict(x.said), silent=x.silent)


def load(names=()) -> tuple:
    """(registry, {stem: (gold, path, extraction, [(features, label)], candidates)}) of the tuning texts."""
    from kb.dev import paths
    from kb.dev.score_obligations import gold_files, load_doc, load_gold_file
    from kb.dev.subject_ranker import candidates
    from kb.layers.actors import load_registry
    from kb.layers.obligations.extractor import _Extractor
    reg = load_registry(paths.REPO)
    canon = reg.match_key
    data = {}
    for f in gold_files(names, "tuning"):
        g = load_gold_file(f)
        doc = load_doc(g.data, f)
        if doc is None:
            continue
        x = _Extractor(doc, reg)
        x.run()
        gold = {(d.article, d.p, d.i, canon(d.actor), d.m) for d in g.duties}
        cands = candidates(x)
        rows = [(c["features"], int(c["key"][:3] + (canon(c["mention"].name), c["key"][4]) in gold)) for c in cands]
        data[f.stem] = (g, f, x, rows, cands)
    return reg, data


def add_pos_features(data) -> float:
    """Extend each candidate's features with jieba's tags around it; returns the CPU seconds it took
    (jieba's dictionary load included)."""
    import logging

    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(logging.ERROR)
    t0 = time.process_time()
    tagged: dict[str, list] = {}

    def tags(text):
        if text not in tagged:
            out, pos = [], 0
            for w in pseg.lcut(text):
                out.append((pos, pos + len(w.word), w.flag))
                pos += len(w.word)
            tagged[text] = out
        return tagged[text]

    for s in data:
        rows, cands = data[s][3], data[s][4]
        for j, c in enumerate(cands):
            tg = tags(c["node"].text)
            m, mp = c["mention"], c["modal"][0]
            nxt = next((f for a, _, f in tg if a == m.end), "mid")
            prv = next((f for _, b, f in tg if b == m.start), "mid")
            verb = any(f.startswith("v") for a, b, f in tg if m.end <= a and b <= mp)
            said = next(f for f in c["features"] if f.startswith("said="))
            rows[j] = (rows[j][0] + [f"posn={nxt}", f"posp={prv}", f"verb={verb}", f"posn|{said}|{nxt}"], rows[j][1])
    return time.process_time() - t0


def ranker_outputs(data, folds: int, thresholds=THRESHOLDS) -> tuple[dict, list, float]:
    """({label: {source: records}}, [(probability, label)] of every candidate, training CPU seconds)."""
    from kb.dev.subject_ranker import adjust, prob, train
    stems = sorted(data)
    fold_of = {s: k % folds for k, s in enumerate(stems)}
    t0 = time.process_time()
    models = {k: train([r for s in stems if fold_of[s] != k for r in data[s][3]]) for k in range(folds)}
    t_train = time.process_time() - t0
    outs: dict[float, dict] = {th: {} for th in thresholds}
    scored = []
    for s in stems:
        _, _, x, rows, cands = data[s]
        w = models[fold_of[s]]
        for (feats, y), c in zip(rows, cands):
            c["features"] = feats
            scored.append((prob(w, feats), y))
        for th in thresholds:
            c = clone(x)
            adjust(c, w, th, cands)
            outs[th][x.doc.source] = c.out
    return outs, scored, t_train


def crf_outputs(data, folds: int) -> tuple[dict, str]:
    """({source: rules' records + the CRF's actors for the modal words the rules left without one}, a
    note: the sentences trained on and the training time)."""
    import pycrfsuite

    from kb.dev.crf_alternative import _known_marks, spans
    from kb.dev.subject_ranker import bucket, nodes
    from kb.layers.obligations.modals import find_modals
    from kb.layers.obligations.records import Statement
    from kb.layers.obligations.sentences import SENT_END, segments

    def feats(text, a, b, known, modals):
        out, nxt = [], None
        at = {m[0] for m in modals}
        ahead = [None] * (b - a)
        for k in range(b - 1, a - 1, -1):
            nxt = k if k in at else nxt
            ahead[k - a] = nxt
        for k in range(a, b):
            d = ahead[k - a]
            dist = "none" if d is None else bucket(d - k)
            f = [f"c={text[k]}", f"k={known[k]}", f"d={dist}", f"cm={d is not None and '，' in text[k:d]}",
                 f"kd={known[k]}|{dist}", f"b-={text[k - 1] if k > a else '^'}{text[k]}",
                 f"b+={text[k]}{text[k + 1] if k + 1 < b else '$'}"]
            for o in (-2, -1, 1, 2):
                j = k + o
                f += [f"c{o}={text[j] if a <= j < b else '#'}", f"k{o}={known[j] if a <= j < b else 'x'}"]
            out.append(f)
        return out

    stems = sorted(data)
    fold_of = {s: k % folds for k, s in enumerate(stems)}
    seqs = {}
    for s in stems:
        g, _, x, _, _ = data[s]
        at: dict = {}
        for d in g.duties:
            at.setdefault((d.article, d.p, d.i), []).append(d)
        sq = []
        for art, p, i, node in nodes(x.doc):
            text = node.text or ""
            known = _known_marks(x.sc, text) if text else []
            for a, b in segments(text, SENT_END):
                ms = find_modals(text, a, b)
                if not ms:
                    continue
                labels, clean = ["O"] * (b - a), True
                for d in at.get((str(art.number), p, i), ()):
                    last = max((m[0] for m in ms if m[3] == d.m), default=None)
                    if last is None:
                        continue
                    k = text.rfind(d.actor, a, last)
                    if k < 0 or k + len(d.actor) > last:
                        clean = clean and text.find(d.actor, a, b) < 0
                        continue
                    labels[k - a] = "B"
                    for q in range(k + 1, k + len(d.actor)):
                        labels[q - a] = "I"
                sq.append((art, p, i, node, a, b, ms, feats(text, a, b, known, ms), labels if clean else None))
        seqs[s] = sq
    t0 = time.process_time()
    taggers = {}
    for k in range(folds):
        tr = pycrfsuite.Trainer(verbose=False)
        for s in stems:
            if fold_of[s] != k:
                for *_, fs, labels in seqs[s]:
                    if labels is not None:
                        tr.append(fs, labels)
        tr.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 60})
        path = f"/tmp/kb-subject-cv-crf{k}.crfsuite"
        tr.train(path)
        taggers[k] = pycrfsuite.Tagger()
        taggers[k].open(path)
    t_train = time.process_time() - t0
    n_all = sum(len(seqs[s]) for s in stems)
    n_clean = sum(1 for s in stems for q in seqs[s] if q[-1] is not None)
    note = (f"CRF: {n_clean} of {n_all} sentences with a modal word name their annotated actors verbatim (trained on); "
            f"training {t_train:.1f} s CPU for all folds")
    out = {}
    for s in stems:
        x = data[s][2]
        add = []
        for art, p, i, node, a, b, ms, fs, _ in seqs[s]:
            open_ = [m for m in ms if x.said.get((node.eid, m[0])) is False]
            if not open_:
                continue
            for sp, ep in spans(taggers[fold_of[s]].tag(fs)):
                nxt = [m for m in ms if m[0] >= a + ep]
                if not nxt or nxt[0] not in open_:
                    continue
                mp, me, _, mod = nxt[0]
                pool = [st for st in x.no_actor if st.eid == node.eid and st.modality == mod]
                tpl = min(pool, key=lambda st: abs(st.start - mp), default=None)
                add.append(Statement(article=art.number, paragraph=p, item=i, eid=node.eid,
                                     actor=x.reg.canonical(node.text[a + sp:a + ep]), modality=mod, explicit=True,
                                     action=tpl.action if tpl else node.text[me:b], start=mp, end=b,
                                     deadline=tpl.deadline if tpl else None))
        out[x.doc.source] = list(x.out) + add
    return out, note


def score_all(reg, data, outputs: dict) -> dict:
    """{label: {stem: FileScore}} of each extractor's records, scored as ``kb score-obligations`` does."""
    import kb.layers.obligations as layer
    from kb.dev.score_obligations import score_file
    rules = layer.extract
    res = {}
    try:
        for label, by_src in outputs.items():
            layer.extract = lambda doc, registry=None, by_src=by_src: list(by_src[doc.source])
            res[label] = {s: score_file(data[s][1], reg) for s in data}
    finally:
        layer.extract = rules
    return res


def report(res: dict, out=print) -> None:
    stems = sorted(next(iter(res.values())))
    out(f"{'texts':9} {'extractor':22} {'measure':30} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn")
    for subset, names in (("all", stems), ("round 8", [s for s in stems if s in ROUND8]),
                          ("others", [s for s in stems if s not in ROUND8])):
        if not names:
            continue
        for label, r in res.items():
            for attr, name in (("s3", "(art, actor, mod)"), ("s5", "(art, para, item, actor, mod)"),
                               ("duty", "duty (recall: the issue)")):
                ss = [getattr(r[s], attr) for s in names if getattr(r[s], attr) is not None]
                t = sum(ss[1:], ss[0])
                out(f"{subset:9} {label:22} {name:30} {t.p:6.3f} {t.r:6.3f} {t.f1:6.3f}  {t.tp}/{t.fp}/{t.fn}")
    base = res["rules"]
    for label, r in res.items():
        if label == "rules":
            continue
        moved = [(s, base[s].s3.f1, r[s].s3.f1) for s in stems if abs(base[s].s3.f1 - r[s].s3.f1) > 1e-9]
        out(f"{label}: (art, actor, mod) F1 moved on {len(moved)} texts, up {sum(b > a for _, a, b in moved)}, "
            f"down {sum(b < a for _, a, b in moved)}: " +
            ", ".join(f"{s} {a:.3f}→{b:.3f}" for s, a, b in sorted(moved, key=lambda t: t[2] - t[1])))


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folds = int(args[args.index("--folds") + 1]) if "--folds" in args else 6
    names = [a for a in args if not a.startswith("-") and not a.isdigit()]
    if "--crf" in args:
        try:
            import pycrfsuite  # noqa: F401
        except ImportError:
            print("没有安装 python-crfsuite（它不是 kb 的依赖）：pip install python-crfsuite 后再比较", file=sys.stderr)
            return 2
    reg, data = load(names)
    if len(data) < folds:
        print(f"调参文本只有 {len(data)} 个，少于 {folds} 折", file=sys.stderr)
        return 2
    outputs = {"rules": {data[s][2].doc.source: list(data[s][2].out) for s in data}}
    notes = []
    if "--pos" in args:
        notes.append(f"jieba POS features: {add_pos_features(data):.1f} s CPU")
    by_th, scored, t_train = ranker_outputs(data, folds)
    notes.append(f"ranker training {t_train:.1f} s CPU for all folds")
    for th, by_src in by_th.items():
        outputs[f"rules+ranker>{th}"] = by_src
    if "--crf" in args:
        outputs["rules+CRF(no actor)"], note = crf_outputs(data, folds)
        notes.append(note)
    print(f"tuning set: {len(data)} texts, {folds} folds by text (each text scored by models trained without it); "
          f"{len(scored)} ranker candidates, {sum(y for _, y in scored)} of them annotated duties; " + "; ".join(notes))
    print("ranker candidates scored on texts left out of training: above threshold / of them annotated duties")
    for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        sel = [y for p, y in scored if p > th]
        print(f"  > {th}: {len(sel):5} / {sum(sel):4}" + (f"  ({sum(sel) / len(sel):.2f})" if sel else ""))
    report(score_all(reg, data, outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
