"""The learned second look at the actors the rules miss (kb.dev.subject_ranker, measured by
kb.dev.subject_cv): its candidates on the real seed, its learner, and how it adds records."""
from __future__ import annotations

from conftest import ROOT
from kb.dev.score_obligations import DATA, load_doc, load_gold_file
from kb.dev.subject_cv import clone
from kb.dev.subject_ranker import adjust, candidates, prob, train
from kb.layers.actors import load_registry
from kb.layers.obligations.extractor import _Extractor


def _seed_extraction():
    reg = load_registry(ROOT)
    g = load_gold_file(DATA / "seed.yml")
    x = _Extractor(load_doc(g.data, DATA / "seed.yml"), reg)
    x.run()
    return x


def test_candidates_are_what_the_rules_did_not_record():
    x = _seed_extraction()
    canon = x.reg.match_key
    have = {(str(s.article), s.paragraph, s.item, canon(s.actor), s.modality) for s in x.out}
    cands = candidates(x)
    assert cands
    for c in cands:
        assert c["key"] not in have
        m, (mp, me, mw, mod) = c["mention"], c["modal"]
        text = c["node"].text
        assert 0 <= m.start < m.end <= mp <= len(text)     # a group before its modal word
        if mw:                                  # the first modal word after the group, as written
            assert text[mp:me] == mw
        else:                                   # a duty stated without a modal word
            assert mp == me and mod in ("obligation", "sanction", "liability")
        assert f"mod={mod}" in c["features"] and len(set(c["features"])) == len(c["features"])
    assert [c["features"] for c in candidates(x)] == [c["features"] for c in cands]     # deterministic


def test_the_learner_separates_what_it_is_shown_and_is_reproducible():
    rows = [(["bias", "a"], 1)] * 30 + [(["bias", "b"], 0)] * 70 + [(["bias", "a", "b"], 0)] * 5
    w = train(rows)
    assert prob(w, ["bias", "a"]) > 0.8 > 0.2 > prob(w, ["bias", "b"])
    assert train(rows) == w                     # the same rows, the same weights


def test_adjust_adds_one_record_per_accepted_key_and_keeps_the_rules_records():
    x = _seed_extraction()
    before = list(x.out)
    c = clone(x)
    assert adjust(c, {}) == [] and c.out == before            # probability 0.5 is not above 0.5
    c = clone(x)
    added = adjust(c, {"bias": 5.0})                          # every candidate accepted
    keys = {cd["key"] for cd in candidates(x)}
    assert c.out[:len(before)] == before and c.out[len(before):] == added and x.out == before
    canon = x.reg.match_key
    got = [(str(s.article), s.paragraph, s.item, canon(s.actor), s.modality) for s in added]
    assert len(got) == len(set(got)) and set(got) <= keys and len(got) >= 0.8 * len(keys)
    assert all(s.actor and s.action and 0 <= s.start < s.end <= len(x.doc.get(s.eid).text) for s in added)


def test_held_out_round_is_read_from_the_header():
    from kb.dev.subject_cv import held_out_round
    assert held_out_round(DATA / "laonianren.yml") == 3          # on its set: line (round 3)
    assert held_out_round(DATA / "minfadian-renge.yml") == 25    # a header line (round 25)
    assert held_out_round(DATA / "seed.yml") is None             # annotated as tuning from the start


def test_groups_by_round_keep_each_round_together():
    from kb.dev.subject_cv import groups
    data = {s: (None, DATA / f"{s}.yml") for s in ("laonianren", "beijing-kongyan", "minfadian-renge", "seed",
                                                      "zaosheng")}
    by_round = groups(data, 6, by_round=True)
    assert by_round == {"laonianren": 3, "beijing-kongyan": 3, "minfadian-renge": 25, "seed": 0, "zaosheng": 0}
    assert groups(data, 2, by_round=False) == {"beijing-kongyan": 0, "laonianren": 1, "minfadian-renge": 0,
                                               "seed": 1, "zaosheng": 0}


def test_crf_sequences_mark_annotated_actors_and_list_open_sentences_without_gold():
    from kb.dev.crf_alternative import spans
    from kb.dev.subject_cv import crf_sequences
    x = _seed_extraction()
    g = load_gold_file(DATA / "seed.yml")
    labelled = crf_sequences(x, g.duties)
    assert labelled and all(len(fs) == b - a for *_, a, b, ms, fs, _ in labelled)
    names = {(str(art.number), p, i): {d.actor for d in g.duties if (d.article, d.p, d.i) == (str(art.number), p, i)}
             for art, p, i, *_ in labelled}
    marked = 0
    for art, p, i, node, a, b, ms, fs, labels in labelled:
        if labels is None:
            continue
        found = {node.text[a + s:a + e] for s, e in spans(labels)}
        assert found <= names[(str(art.number), p, i)]             # only annotated names are marked
        marked += bool(found)
    assert marked >= 0.7 * len(labelled)
    open_ = crf_sequences(x)                                      # what an adopted CRF would read
    assert all(labels is None for *_, labels in open_)
    assert all(any(x.said.get((node.eid, m[0])) is False for m in ms) for _, _, _, node, _, _, ms, _, _ in open_)
    assert len(open_) < len(labelled)


def test_the_latest_rounds_are_read_from_the_gold_files():
    """Code review 22 item 8: the rounds reported apart are the three highest the tuning files' headers name — round 27 once
    its texts became tuning (shiyou-guandao, "Held out in round 27"), not a constant list (24, 25, 26)."""
    from kb.dev.subject_cv import held_out_round, latest_rounds
    rounds = {p.stem: held_out_round(p) for p in DATA.glob("*.yml")}
    assert rounds["shiyou-guandao"] == 27 and rounds["guofang"] == 28     # round 28 tuning since the seventeenth session
    assert rounds["shebao"] == 29                                          # round 29 since the eighteenth
    assert rounds["guoge"] == 30                                           # round 30 since the nineteenth
    assert rounds["jianyu"] == 31                                          # round 31 since the twentieth
    assert rounds["jingwai-ngo"] == 32                                     # round 32 since the twenty-first
    assert rounds["jiuye-cujin"] == 33                                     # round 33 since the twenty-second
    assert rounds["zhuzuoquan"] == 34                                      # round 34 since the twenty-third
    assert rounds["faguan"] == 35                                          # round 35 since the twenty-fourth
    assert latest_rounds(rounds) == (33, 34, 35)
    assert latest_rounds({"a": 3, "b": None, "c": 25}) == (3, 25)


def test_bad_options_are_refused_with_exit_2_not_a_traceback_or_silence(capsys):
    """Code review 23 item 11: ``--folds`` without a number gave an IndexError, ``--folds x`` a ValueError, and a
    mistyped option (``--by_round``) or a name of no tuning text was ignored until "0 groups"."""
    from kb.dev import subject_cv

    for argv in (["--folds"], ["--folds", "x"], ["--folds", "1"], ["--by_round"], ["nosuchtext"]):
        assert subject_cv.main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.strip(), argv
    subject_cv.main(["nosuchtext", "beijing-gongyuan"])
    assert "没有名为 nosuchtext 的调参文本" in capsys.readouterr().err
