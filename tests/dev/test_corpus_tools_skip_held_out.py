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


def test_the_corpus_tools_never_take_a_kb_check_held_out_text(tmp_path):
    """kb check's held-out texts (tests/data/check/texts.yml held_out, checked once after the last rule change) are left
    out by the same question, kb.dev.heldout.may_read: the seventeenth session's corpus diff of the obligation stage
    (kb.dev.same_export) printed an article of one, and the clause count, the coverage measure, the benchmarks' samples
    and the tests' corpus read them all."""
    from kb.dev import bench_obligations, boilerplate, heldout, paths, same_export, score_check
    from kb.dev.score_obligations import coverage

    corpus = tmp_path / "corpus" / "lawrefbook"
    kept = corpus / "行政法" / "某某管理条例(2020-01-01).md"
    check = sorted(score_check.texts(held_out=True).values())[0]
    # another version of the regulation, filed elsewhere: the title is what counts
    held = corpus / "其他" / f"{heldout.title_of(check)}(1999-01-01).md"
    for f in (kept, corpus / check, held):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("# 某某管理条例\n\n第一条 违反本条例规定，构成犯罪的，依法追究刑事责任。\n第二条 居民委员会应当协助做好工作。\n",
                     encoding="utf-8")
    assert heldout.may_read(kept) and not heldout.may_read(corpus / check) and not heldout.may_read(held)
    assert paths.corpus_texts(corpus) == [kept] == bench_obligations.sample(corpus, 200)
    assert same_export.texts(corpus, None)[-1:] == [kept]
    assert boilerplate.count(corpus)["构成犯罪的"] == 1
    lines: list[str] = []
    assert sum(coverage(corpus, out=lines.append).values()) == 1 and "留出文本 2 个未读" in lines[0]


def test_without_kb_checks_listing_a_corpus_tool_names_the_missing_file_and_exits_2(tmp_path):
    """A copy of src/ alone (an install that is not editable) has no tests/data beside it: may_read, which every
    corpus-wide tool asks, read tests/data/check/texts.yml and raised a bare FileNotFoundError traceback (code review 26
    finding 11). Now the CLI says which file is missing and exits 2."""
    import os
    import shutil
    import subprocess
    import sys

    from kb.dev.paths import REPO

    shutil.copytree(REPO / "src" / "kb", tmp_path / "src" / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    corpus, _ = _corpus(tmp_path / "shared")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "src"), KB_SHARED=str(corpus.parent.parent))
    r = subprocess.run([sys.executable, "-m", "kb", "score-obligations", "--coverage"], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    assert str(tmp_path / "tests" / "data" / "check" / "texts.yml") in r.stderr
    assert "Traceback" not in r.stderr


def test_a_listing_without_a_mapping_is_an_error_naming_it(tmp_path, monkeypatch):
    from kb.dev import heldout
    from kb.errors import KbError

    listing = tmp_path / "check" / "texts.yml"
    listing.parent.mkdir()
    listing.write_text("- 只是一个列表\n", encoding="utf-8")
    monkeypatch.setattr(heldout, "CHECK_LISTING", listing)
    heldout.check_held_out_titles.cache_clear()
    try:
        with __import__("pytest").raises(KbError, match="held_out") as e:
            heldout.may_read("行政法/某某管理条例(2020-01-01).md")
        assert e.value.file == str(listing)
    finally:
        heldout.check_held_out_titles.cache_clear()


def _listing_error(tmp_path, monkeypatch, content: bytes):
    """The KbError may_read raises on kb check's listing holding ``content``."""
    import pytest

    from kb.dev import heldout
    from kb.errors import KbError

    listing = tmp_path / "check" / "texts.yml"
    listing.parent.mkdir(parents=True)
    listing.write_bytes(content)
    monkeypatch.setattr(heldout, "CHECK_LISTING", listing)
    heldout.check_held_out_titles.cache_clear()
    try:
        with pytest.raises(KbError) as e:
            heldout.may_read("行政法/某某管理条例(2020-01-01).md")
    finally:
        heldout.check_held_out_titles.cache_clear()
    assert e.value.file == str(listing)
    return e.value


def test_a_held_out_of_the_wrong_type_is_an_error_naming_the_listing(tmp_path, monkeypatch):
    """Code review 27 finding 6: ``held_out`` written as a list (the natural slip of a hand edit) or a string raised a
    bare AttributeError from every corpus tool (held.values() stood outside the try)."""
    for i, content in enumerate(("held_out:\n  - 行政法/a.md\n", "held_out: 行政法/a.md\n", "held_out:\n  a: [1, 2]\n")):
        e = _listing_error(tmp_path / str(i), monkeypatch, content.encode("utf-8"))
        assert "held_out" in e.message and "映射" in e.message


def test_a_listing_that_is_not_utf8_is_an_error_naming_it(tmp_path, monkeypatch):
    """Code review 27 finding 6: bytes that are no UTF-8 raised UnicodeDecodeError (a ValueError; only OSError was
    caught)."""
    assert "UTF-8" in _listing_error(tmp_path, monkeypatch, b"\xff\xfeheld_out:\n").message


def test_a_yaml_error_in_the_listing_names_its_line(tmp_path, monkeypatch):
    """Code review 27 finding 6: PyYAML's own message (in "<unicode string>", line 2) was the only place the line was
    said; the KbError had line=None, so no file:line."""
    e = _listing_error(tmp_path, monkeypatch, "tuning:\n  a: 行政法/a.md\n  b: [\nheld_out:\n  c: d\n".encode("utf-8"))
    # the line where PyYAML finds the problem: the unclosed [ runs on to c: d
    assert e.line == 5 and str(e).startswith(f"{e.file}:5: ")


def test_the_dev_tools_run_as_modules_exit_2_on_a_kb_error(tmp_path):
    """Code review 27 finding 6: only the kb CLI turned a KbError into 错误：… and exit 2; ``python -m kb.dev.draw_heldout``
    (and every ``python -m kb.dev.…`` tool that asks may_read) printed a traceback and exited 1 when kb check's listing
    was missing.  kb.errors.run_tool is their __main__'s handling now."""
    import os
    import shutil
    import subprocess
    import sys

    from kb.dev.paths import REPO

    shutil.copytree(REPO / "src" / "kb", tmp_path / "src" / "kb", ignore=shutil.ignore_patterns("__pycache__"))
    corpus, _ = _corpus(tmp_path / "shared")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "src"), KB_SHARED=str(corpus.parent.parent))
    listing = str(tmp_path / "tests" / "data" / "check" / "texts.yml")
    for tool in (["kb.dev.boilerplate", str(corpus)], ["kb.dev.bench_obligations", str(corpus)]):
        r = subprocess.run([sys.executable, "-m", *tool], cwd=tmp_path, env=env, capture_output=True, text=True,
                           timeout=300)
        assert r.returncode == 2, (tool, r.stderr[-2000:])
        assert r.stderr.startswith("错误：") and listing in r.stderr and "Traceback" not in r.stderr, (tool, r.stderr)
    # the draw (which lists the checkout's files and history first, so it cannot run from a bare copy) and every other
    # tool: each __main__ of kb.dev runs its main through run_tool
    import re

    for f in sorted((REPO / "src" / "kb" / "dev").glob("*.py")):
        tail = f.read_text(encoding="utf-8").partition('if __name__ == "__main__":')[2]
        assert not tail or re.search(r"sys\.exit\(run_tool\(", tail), f.name
