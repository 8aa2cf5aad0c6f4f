"""The learned alternative's own parts (kb.dev.crf_alternative), on the real seed's hand annotation: the
labels a model is trained on mark the annotated actors where the sentence names them, and tags become
spans.  Training itself needs python-crfsuite (not a dependency of kb) and is not run here."""
from __future__ import annotations

from conftest import ROOT
from kb.dev.crf_alternative import sequences, spans
from kb.dev.score_obligations import DATA, load_doc, load_gold_file
from kb.layers.actors import load_registry
from kb.layers.obligations.coordination import Scanner


def test_spans_of_tags():
    assert spans(["O", "B", "I", "I", "O", "B", "B", "I"]) == [(1, 4), (5, 6), (6, 8)]
    assert spans(["I", "I", "O"]) == [(0, 2)]          # an I with no B still opens a span
    assert spans([]) == []


def test_training_labels_mark_the_annotated_actors_of_the_seed():
    reg = load_registry(ROOT)
    g = load_gold_file(DATA / "seed.yml")
    doc = load_doc(g.data, DATA / "seed.yml")
    at: dict = {}
    for d in g.duties:
        at.setdefault((d.article, d.p, d.i), set()).add(d.actor)
    seqs = list(sequences(doc, Scanner(reg), at))
    assert seqs and all(len(feats) == len(labels) for *_, feats, labels, _ in seqs)
    marked = 0
    for node, art, p, i, a, b, feats, labels, modals in seqs:
        sent = node.text[a:b]
        names = {sent[s:e] for s, e in spans(labels)}
        assert names <= at.get((str(art.number), p, i), set())      # only annotated names are marked
        marked += bool(names)
        assert modals and all(0 <= mp < len(sent) for mp, _ in modals)
    assert marked >= 0.8 * len(seqs)      # most modal sentences of the seed name their actor as annotated (36 of 42)
