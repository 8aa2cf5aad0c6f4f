"""The developer tools that list a corpus folder themselves (kb bench parse / links / export / index / search /
obligations, kb.dev.same_export) leave out this session's held-out texts by name and never open them, whatever folder
they are given (common rule: corpus-wide tools keep skipping them).  Until code review 10 only the tests' fixture,
kb.dev.score_links, bench_site, bench_related, the clause count and the coverage measure did; `kb bench obligations`
on the shared corpus took 4 held-out texts into its 200-text sample."""
from __future__ import annotations

from pathlib import Path

from kb.dev.heldout import HELD_OUT_FILES


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus folder of two texts, the second named as a held-out text (its content a stand-in: no held-out text
    is read here)."""
    corpus = tmp_path / "corpus" / "lawrefbook"
    kept = corpus / "行政法" / "某某管理条例(2020-01-01).md"
    held = corpus / HELD_OUT_FILES[0]
    for f in (kept, held):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("# 某某管理条例\n\n第一条 为了管理，制定本条例。\n", encoding="utf-8")
    return corpus, kept


def test_the_corpus_tools_never_take_a_held_out_text(tmp_path):
    from kb.dev import bench_index, bench_obligations, paths, same_export
    from kb.dev.bench_search import corpus_sources

    corpus, kept = _corpus(tmp_path)
    held = corpus / HELD_OUT_FILES[0]
    assert same_export.texts(corpus, None)[-1:] == [kept] and held not in same_export.texts(corpus, None)
    assert [s.path for s in corpus_sources(base=corpus, seed=False)] == [str(kept)]
    assert [s.path for s in bench_index._specs(corpus) if not s.key.startswith("suining-community")] == [str(kept)]
    assert paths.corpus_texts(corpus) == [kept]
    assert bench_obligations.sample(corpus, 200) == [kept]
