"""Learned pieces for the actors the obligation rules miss, measured only on texts they were not trained
on (issue 11): cross-validation by text over the annotated tuning texts.

    python3 -m kb.dev.subject_cv [--folds N | --by-round] [--pos] [--crf] [NAMES…]
    python3 -m kb.dev.subject_cv --cost       # what each piece would cost kb obligations and kb bench obligations
    python3 -m kb.dev.subject_cv --show-added N   # the CRF's records on held-out round N, trained on the others

Two learned pieces, each added to the rules (which stay as they are), each scored at the three
measures of ``kb score-obligations`` beside the rules alone on the same texts:

* the ranker (``kb.dev.subject_ranker``): a logistic model over the actor groups the rules' scanner
  finds in a sentence and the rules did not make a duty's actor; candidates scored above 0.5 (more
  likely right than wrong: the threshold fixed before measuring) and above 0.7 become records.
  ``--pos`` scores a second ranker beside the first, its features extended with jieba's part-of-speech
  tags (the word after the group, the word before it, a verb between it and the modal word).
* ``--crf``: a character CRF (python-crfsuite, not a dependency of kb: the script says so and stops)
  tags actor spans in the sentences of the modal words the rules left without an actor; a span
  before such a modal word becomes its actor.  Trained on every sentence with a modal word whose
  annotated actors the sentence names verbatim before a modal word of theirs (the rest is left out of
  training rather than taught as "no actor").

Cross-validation: the tuning texts (``set: tuning``; held-out files are never read) are split into N
groups by name order (default 6), or with ``--by-round`` into the held-out rounds they came from (the
gold file's header, "Held out in round N"; the texts without a round are one group): each round is
then scored by models trained on every other text, as a learned piece would meet the next round.
Each group is scored by models trained on the other groups only.  Printed: how many candidates the
ranker accepts and how many of them are annotated duties; pooled P/R/F1 and duty recall for all
tuning texts, for each of the latest rounds (``LATEST`` of them, :func:`latest_rounds`) apart and for them pooled; the texts whose
(art, actor, mod) F1 moved.
"""
from __future__ import annotations

import re
import sys
import tempfile
import time

#: how many held-out rounds are reported apart: the latest ones scored once and moved into the tuning set, read from the
#: gold files' headers (:func:`latest_rounds`) — a constant list of rounds went stale when round 27 became tuning (code
#: review 22 item 8)
LATEST = 3
THRESHOLDS = (0.5, 0.7)
_ROUND = re.compile(r"held out in round (\d+)", re.IGNORECASE)


def held_out_round(path) -> int | None:
    """The held-out round a tuning text came from: the first "Held out in round N" of its comments (the
    header, or the comment on its ``set:`` line), None for a text annotated as tuning from the start."""
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ROUND.search(line)
        if m and "#" in line[:m.start()]:
            return int(m.group(1))
    return None


def groups(data, folds: int, by_round: bool) -> dict[str, int]:
    """{stem: group}: by name order into folds groups, or by held-out round (0: no round)."""
    stems = sorted(data)
    if by_round:
        return {s: held_out_round(data[s][1]) or 0 for s in stems}
    return {s: k % folds for k, s in enumerate(stems)}


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


def ranker_outputs(data, fold_of: dict, thresholds=THRESHOLDS) -> tuple[dict, list, float]:
    """({label: {source: records}}, [(probability, label)] of every candidate, training CPU seconds);
    fold_of: {stem: group}, each group scored by the model trained on the others."""
    from kb.dev.subject_ranker import adjust, prob, train
    stems = sorted(data)
    t0 = time.process_time()
    models = {k: train([r for s in stems if fold_of[s] != k for r in data[s][3]]) for k in set(fold_of.values())}
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


def _crf_features(text, a, b, known, modals) -> list[list[str]]:
    """The features of each character of the sentence text[a:b]: the character and its neighbours, whether
    the registry knows a name covering them, how far the next modal word is and whether a comma stands
    between."""
    from kb.dev.subject_ranker import bucket
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


def crf_sequences(x, duties=None) -> list[tuple]:
    """(art, para, item, node, start, end, modal words, features, labels) of each sentence of an extraction
    x with a modal word.  With duties (the gold file's), labels mark each annotated actor of the provision
    where the sentence names it before a modal word of its modality (None for a sentence that names one
    only elsewhere: left out of training rather than taught as "no actor"); without, only the sentences
    with a modal word the rules left without an actor are listed (what an adopted CRF would tag)."""
    from kb.dev.crf_alternative import _known_marks
    from kb.dev.subject_ranker import nodes
    from kb.layers.obligations.modals import find_modals
    from kb.layers.obligations.sentences import SENT_END, segments
    at: dict = {}
    for d in duties or ():
        at.setdefault((d.article, d.p, d.i), []).append(d)
    sq = []
    for art, p, i, node in nodes(x.doc):
        text = node.text or ""
        known = None
        for a, b in segments(text, SENT_END):
            ms = find_modals(text, a, b)
            if not ms or (duties is None and not any(x.said.get((node.eid, m[0])) is False for m in ms)):
                continue
            known = _known_marks(x.sc, text) if known is None else known
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
            sq.append((art, p, i, node, a, b, ms, _crf_features(text, a, b, known, ms),
                       labels if clean and duties is not None else None))
    return sq


def crf_train(seqs, path: str):
    """A tagger trained on the labelled sequences (``crf_sequences`` with duties), its model written to path."""
    import pycrfsuite
    tr = pycrfsuite.Trainer(verbose=False)
    for *_, fs, labels in seqs:
        if labels is not None:
            tr.append(fs, labels)
    tr.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 60})
    tr.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def crf_added(x, seqs, tagger) -> list:
    """The records the CRF adds to an extraction x: each span it tags before a modal word the rules left
    without an actor becomes that word's actor, with the action and time limit of the rules' statement
    without an actor there (else the rest of the sentence)."""
    from kb.dev.crf_alternative import spans
    from kb.layers.obligations.records import Statement
    add = []
    for art, p, i, node, a, b, ms, fs, _ in seqs:
        open_ = [m for m in ms if x.said.get((node.eid, m[0])) is False]
        if not open_:
            continue
        for sp, ep in spans(tagger.tag(fs)):
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
    return add


def crf_outputs(data, fold_of: dict) -> tuple[dict, str]:
    """({source: rules' records + the CRF's actors for the modal words the rules left without one}, a
    note: the sentences trained on and the training time); fold_of as for ``ranker_outputs``."""
    stems = sorted(data)
    seqs = {s: crf_sequences(data[s][2], data[s][0].duties) for s in stems}
    t0 = time.process_time()
    tmp = tempfile.TemporaryDirectory(prefix="kb-subject-cv-")     # two runs at once must not share model files
    taggers = {k: crf_train([q for s in stems if fold_of[s] != k for q in seqs[s]], f"{tmp.name}/crf{k}.crfsuite")
               for k in sorted(set(fold_of.values()))}
    t_train = time.process_time() - t0
    n_all = sum(len(seqs[s]) for s in stems)
    n_clean = sum(1 for s in stems for q in seqs[s] if q[-1] is not None)
    note = (f"CRF: {n_clean} of {n_all} sentences with a modal word name their annotated actors verbatim (trained on); "
            f"training {t_train:.1f} s CPU for all folds")
    out = {}
    for s in stems:
        x = data[s][2]
        out[x.doc.source] = list(x.out) + crf_added(x, seqs[s], taggers[fold_of[s]])
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


def latest_rounds(rounds: dict) -> tuple[int, ...]:
    """The LATEST highest held-out rounds among rounds ({stem: held-out round or None}), in order."""
    return tuple(sorted({n for n in rounds.values() if n})[-LATEST:])


def report(res: dict, rounds: dict, out=print) -> None:
    """The pooled figures of each extractor on all texts and on the latest rounds; rounds: {stem: held-out
    round or None}."""
    stems = sorted(next(iter(res.values())))
    out(f"{'texts':12} {'extractor':22} {'measure':30} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn")
    newest = latest_rounds({s: rounds[s] for s in stems})
    latest = {n: [s for s in stems if rounds[s] == n] for n in newest}
    subsets = [("all", stems)] + [(f"round {n}", latest[n]) for n in newest] + \
        ([(f"rounds {newest[0]}-{newest[-1]}", [s for n in newest for s in latest[n]])] if newest else [])
    for subset, names in subsets:
        if not names:
            continue
        for label, r in res.items():
            for attr, name in (("s3", "(art, actor, mod)"), ("s5", "(art, para, item, actor, mod)"),
                               ("duty", "duty (recall: the issue)")):
                ss = [getattr(r[s], attr) for s in names if getattr(r[s], attr) is not None]
                t = sum(ss[1:], ss[0])
                out(f"{subset:12} {label:22} {name:30} {t.p:6.3f} {t.r:6.3f} {t.f1:6.3f}  {t.tp}/{t.fp}/{t.fn}")
    base = res["rules"]
    for label, r in res.items():
        if label == "rules":
            continue
        moved = [(s, base[s].s3.f1, r[s].s3.f1) for s in stems if abs(base[s].s3.f1 - r[s].s3.f1) > 1e-9]
        out(f"{label}: (art, actor, mod) F1 moved on {len(moved)} texts, up {sum(b > a for _, a, b in moved)}, "
            f"down {sum(b < a for _, a, b in moved)}: " +
            ", ".join(f"{s} {a:.3f}→{b:.3f}" for s, a, b in sorted(moved, key=lambda t: t[2] - t[1])))


def cost(reg, data, samples, out=print) -> None:
    """What each learned piece would add to kb's extraction if adopted: trained once on every tuning text
    (offline), then run after the rules on each text of each (label, files) of samples; CPU seconds of the
    rules and of each piece's own work (the ranker's candidates and scores; jieba's tags; the CRF's
    features and tagging of the sentences it would read), what a CLI run pays once (jieba's import and
    dictionary, python-crfsuite's import and model load), and the models' sizes."""
    import json
    import logging
    import os

    from kb.dev.subject_ranker import adjust, candidates, train
    from kb.layers.obligations.extractor import _Extractor
    from kb.text.parse import parse_file
    stems = sorted(data)
    t0 = time.process_time()
    w = train([r for s in stems for r in data[s][3]])
    t_rank_train = time.process_time() - t0
    tmp = tempfile.TemporaryDirectory(prefix="kb-subject-cv-")
    path = f"{tmp.name}/crf.crfsuite"
    t0 = time.process_time()
    crf_train([q for s in stems for q in crf_sequences(data[s][2], data[s][0].duties)], path)
    t_crf_train = time.process_time() - t0
    size = len(json.dumps({k: round(v, 4) for k, v in w.items() if abs(v) >= 1e-4}, ensure_ascii=False).encode())
    out(f"models trained on all {len(stems)} tuning texts: ranker {t_rank_train:.1f} s CPU, {len(w)} weights, "
        f"{size / 1024:.0f} KB as JSON; CRF {t_crf_train:.1f} s CPU, {os.path.getsize(path) / 1024:.0f} KB")
    t0 = time.process_time()
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(logging.ERROR)
    pseg.lcut("居民委员会应当")     # the dictionary loads on the first cut
    t_jieba = time.process_time() - t0
    t0 = time.process_time()
    import pycrfsuite
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    t_crf_load = time.process_time() - t0
    out(f"once per CLI run: jieba's import and dictionary {t_jieba:.2f} s CPU; python-crfsuite's import and the "
        f"model's load {t_crf_load:.3f} s")
    for label, files in samples:
        docs = []
        for f in files:
            try:
                docs.append(parse_file(str(f)))
            except Exception:       # the bench skips what does not parse too
                pass
        t = dict.fromkeys(("rules", "ranker", "pos", "crf"), 0.0)
        added = dict.fromkeys(("ranker", "crf"), 0)
        for doc in docs:
            t0 = time.process_time()
            x = _Extractor(doc, reg)
            x.run()
            t1 = time.process_time()
            cands = candidates(x)
            added["ranker"] += len(adjust(clone(x), w, THRESHOLDS[0], cands))
            t2 = time.process_time()
            add_pos_features({doc.source: (None, None, x, [(c["features"], 0) for c in cands], cands)})
            t3 = time.process_time()
            added["crf"] += len(crf_added(x, crf_sequences(x), tagger))
            t4 = time.process_time()
            for k, v in zip(t, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                t[k] += v
        out(f"{label}: {len(docs)} texts, {sum(len(d.articles) for d in docs)} articles; rules {t['rules']:.2f} s "
            f"CPU; ranker +{t['ranker']:.2f} s ({added['ranker']} records added at > {THRESHOLDS[0]}); jieba's "
            f"tags for the ranker +{t['pos']:.2f} s; CRF +{t['crf']:.2f} s ({added['crf']} records added)")


def show_added(rnd: int, out=print) -> None:
    """Each record the CRF adds to the texts of held-out round rnd, trained on every other tuning text, with
    its (art, actor, mod) judged against the annotation (right, wrong, or a key the rules had already) and
    the text before its modal word: what a reader checks before trusting the figures."""
    from kb.dev import paths
    from kb.dev.score_obligations import gold_files, load_doc, load_gold_file
    from kb.layers.actors import load_registry
    from kb.layers.obligations.extractor import _Extractor
    reg = load_registry(paths.REPO)
    canon = reg.match_key
    train, test = [], []
    for f in gold_files((), "tuning"):
        g = load_gold_file(f)
        doc = load_doc(g.data, f)
        if doc is not None:
            x = _Extractor(doc, reg)
            x.run()
            (test if held_out_round(f) == rnd else train).append((f, g, x))
    tmp = tempfile.TemporaryDirectory(prefix="kb-subject-cv-")
    tagger = crf_train([q for _, g, x in train for q in crf_sequences(x, g.duties)], f"{tmp.name}/crf.crfsuite")
    n = {"right": 0, "wrong": 0, "had": 0}
    for f, g, x in test:
        gold = {(d.article, canon(d.actor), d.m) for d in g.duties}
        have = {(str(s.article), canon(s.actor), s.modality) for s in x.out}
        for s in crf_added(x, crf_sequences(x), tagger):
            key = (str(s.article), canon(s.actor), s.modality)
            tag = "had" if key in have else "right" if key in gold else "wrong"
            n[tag] += 1
            before = x.doc.get(s.eid).text[max(0, s.start - 40):s.start + 12]
            out(f"{tag:5} {f.stem} {s.article} {s.actor} {s.modality} | {before}")
    out(f"round {rnd}: {len(test)} texts, the CRF trained on the other {len(train)}; added {sum(n.values())}: "
        f"{n['right']} right, {n['wrong']} wrong, {n['had']} keys the rules had")


def _arguments(argv):
    """The options, checked (code review 23 item 11: a hand-rolled reader gave a traceback for ``--folds`` without a
    number and ignored a mistyped option); None after argparse has printed why it refuses them (exit 2)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m kb.dev.subject_cv", description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="tuning texts (gold file stems); all when none is given")
    parser.add_argument("--folds", type=int, default=6, help="groups by name order (default 6)")
    parser.add_argument("--by-round", action="store_true", help="groups by the held-out round a text came from")
    parser.add_argument("--pos", action="store_true", help="a second ranker with jieba's part-of-speech tags")
    parser.add_argument("--crf", action="store_true", help="the character CRF (python-crfsuite)")
    parser.add_argument("--cost", action="store_true", help="what each piece costs kb obligations")
    parser.add_argument("--show-added", type=int, metavar="ROUND", help="the CRF's records on held-out round ROUND")
    try:
        args = parser.parse_args(argv)
    except SystemExit:
        return None
    if args.folds < 2:
        print(f"--folds 至少为 2（给的是 {args.folds}）", file=sys.stderr)
        return None
    if args.names:
        from kb.dev.score_obligations import refuse_unknown_names
        if refuse_unknown_names(args.names):
            return None
    return args


def main(argv=None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    if args is None:
        return 2
    folds, names = args.folds, args.names
    if args.crf or args.cost or args.show_added is not None:
        try:
            import pycrfsuite  # noqa: F401
        except ImportError:
            print("没有安装 python-crfsuite（它不是 kb 的依赖）：pip install python-crfsuite 后再比较", file=sys.stderr)
            return 2
    if args.show_added is not None:
        show_added(args.show_added)
        return 0
    reg, data = load(names)
    if args.cost:    # the CLI's own text (the seed) and kb bench obligations' sample
        from kb.dev import paths
        from kb.dev.bench_obligations import sample
        cost(reg, data, [("seed (kb obligations)", [paths.REPO / "regulation/suining-community/draft.txt"]),
                         ("kb bench obligations' sample", sample(paths.corpus_dir(), 200))])
        return 0
    by_round = args.by_round
    fold_of = groups(data, folds, by_round)
    n_groups = len(set(fold_of.values()))
    if n_groups < 2:
        print(f"调参文本只分成 {n_groups} 组，无法交叉验证", file=sys.stderr)
        return 2
    outputs = {"rules": {data[s][2].doc.source: list(data[s][2].out) for s in data}}
    notes = []
    by_th, scored, t_train = ranker_outputs(data, fold_of)
    notes.append(f"ranker training {t_train:.1f} s CPU for all folds")
    for th, by_src in by_th.items():
        outputs[f"rules+ranker>{th}"] = by_src
    if args.pos:     # the same ranker again, its candidates' features extended with jieba's tags
        notes.append(f"jieba POS features: {add_pos_features(data):.1f} s CPU")
        for th, by_src in ranker_outputs(data, fold_of)[0].items():
            outputs[f"rules+ranker+POS>{th}"] = by_src
    if args.crf:
        outputs["rules+CRF(no actor)"], note = crf_outputs(data, fold_of)
        notes.append(note)
    how = "groups by held-out round (texts without a round: one group)" if by_round else "groups by name order"
    print(f"tuning set: {len(data)} texts, {n_groups} {how}, each text scored by models trained without its group; "
          f"{len(scored)} ranker candidates, {sum(y for _, y in scored)} of them annotated duties; " + "; ".join(notes))
    print("ranker candidates scored on texts left out of training: above threshold / of them annotated duties")
    for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        sel = [y for p, y in scored if p > th]
        print(f"  > {th}: {len(sel):5} / {sum(sel):4}" + (f"  ({sum(sel) / len(sel):.2f})" if sel else ""))
    report(score_all(reg, data, outputs), {s: held_out_round(data[s][1]) for s in data})
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
