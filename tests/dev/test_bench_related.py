"""kb bench related prints time and memory per regulation by size, beside the all-pairs baseline
(small sizes here; the README's figures come from 100, 300 and all 713 texts)."""
from __future__ import annotations

from conftest import CORPUS, need_shared


def test_bench_related_prints_per_regulation_figures_and_baseline(monkeypatch, capsys):
    need_shared(CORPUS)
    from kb.dev import bench_related

    monkeypatch.setattr(bench_related, "SIZES", (3, 6, 9))
    monkeypatch.setattr(bench_related, "BASELINE", (3, 6))
    res = bench_related.run(str(CORPUS))
    out = capsys.readouterr().out
    assert res["ok"] and sorted(res["sizes"]) == [3, 6, 9]
    assert "每部法规 毫秒" in out and "答案/条" in out and "每部法规 MB" in out and "基线" in out
    # the index never holds a posting list longer than DF_MAX: the work per article is bounded
    small, large = res["sizes"][3], res["sizes"][9]
    assert large["articles"] > small["articles"]
    # the work counted per article stays under its bounds at every size, and the table prints it
    from kb.library.kinds import KINDS
    from kb.library.related import CANDIDATES, DF_MAX, QUERY_BIGRAMS

    for r in res["sizes"].values():
        assert 0 < r["postings"] <= QUERY_BIGRAMS * DF_MAX and 0 < r["cosines"] <= CANDIDATES * len(KINDS)
    assert "读倒排/条" in out and "余弦/条" in out


def test_postings_read_counts_what_retrieval_reads():
    """Library.postings_read is the retrieval's own reading: as many posting entries as the candidates
    it reaches are summed from (each reached article counted once per bigram it shares)."""
    from conftest import ROOT
    from kb.library.related import load_library

    lib = load_library(ROOT)
    e = lib.get("suining-community", "draft", "art_7")
    reached = sum(len(v) for v in lib.retrieved(e).values())
    assert lib.postings_read(e) >= reached > 0
    inert = lib.get("suining-community", "draft", "art_45")
    assert lib.postings_read(inert) == 0


def test_the_bench_never_opens_a_held_out_text(monkeypatch):
    """The bench's texts leave out this session's held-out texts without opening them: in its shuffled order one of
    them is the sixth file, so every train's run of the test above (nine texts) parsed it (found 2026-12-05, fifth
    session); the others keep their order."""
    import random

    from kb.dev import bench_related
    from kb.dev.heldout import may_read
    from kb.library.importer import texts_in

    need_shared(CORPUS)
    files = texts_in(CORPUS)
    random.Random(14).shuffle(files)
    first = next(i for i, p in enumerate(files) if not may_read(p))
    opened = []
    import kb.text.parse as parse

    real = parse.parse_file
    monkeypatch.setattr(parse, "parse_file", lambda path, *a, **k: opened.append(path) or real(path, *a, **k))
    texts = bench_related._texts(CORPUS, first + 2)
    assert len(texts) == first + 2 and all(may_read(p) for p in opened)
    assert [str(p) for p in opened[:first]] == [str(p) for p in files[:first]]
