"""Parse every file of the shared corpus (../shared/corpus/lawrefbook): no crash, lossless,
article numbers consecutive from each file's first article.  Files refused for having no
articles are exactly those in tests/data/corpus/refused.yml; files whose source itself has
broken numbering are listed with the reason in tests/data/corpus/broken.yml."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import CORPUS, DATA
from kb.errors import KbError
from kb.text.numerals import NUMERAL_RE, number_key
from kb.text.parse import parse_file

REFUSED = yaml.safe_load((DATA / "corpus" / "refused.yml").read_text(encoding="utf-8"))
BROKEN = yaml.safe_load((DATA / "corpus" / "broken.yml").read_text(encoding="utf-8"))
_ART_LINE = re.compile(rf"^[^\S\r\n]*(?:#+[^\S\r\n]*)?第{NUMERAL_RE}条(?:之{NUMERAL_RE})?[ \u3000]", re.M)


@pytest.fixture(scope="module")
def parsed(corpus_files):
    """rel path -> Document or KbError, parsed once for all tests of this module."""
    out = {}
    for f in corpus_files:
        rel = f.relative_to(CORPUS).as_posix()
        try:
            out[rel] = parse_file(str(f))
        except KbError as e:
            out[rel] = e
    return out


def test_corpus_is_complete(corpus_files):
    """739 files (counted by name, none opened); the tests read all of them but the texts held out this session —
    every one of kb.dev.heldout.HELD_OUT_FILES is there and left out (review 9: the module parsed them all) — and kb
    check's held-out texts (kb.dev.heldout.may_read)."""
    from kb.dev.heldout import HELD_OUT_FILES, may_read

    every = sorted(CORPUS.rglob("*.md"))
    assert len(every) == 739, "语料应有 739 个文件"
    assert {f.relative_to(CORPUS).as_posix() for f in every} >= set(HELD_OUT_FILES)
    assert corpus_files == [f for f in every if may_read(f)]
    assert len(corpus_files) <= 739 - len(HELD_OUT_FILES)


def test_data_files_name_real_corpus_files(corpus_files):
    # every file of the corpus, the held-out ones too (the fifteenth session's draw took 预备役军官法, listed in
    # broken.yml for its missing 第十章 heading: the list stays, the text is not parsed this session)
    rels = {f.relative_to(CORPUS).as_posix() for f in CORPUS.rglob("*.md")}
    assert set(REFUSED) <= rels
    assert set(BROKEN) <= rels
    assert not set(REFUSED) & set(BROKEN)
    assert len(REFUSED) == 26
    for rel, entry in BROKEN.items():
        assert entry.get("reason") and entry.get("expect"), rel


def test_refused_files_are_exactly_the_listed_ones(parsed):
    refused = {rel: e for rel, e in parsed.items() if isinstance(e, KbError)}
    assert sorted(refused) == sorted(REFUSED)
    for rel, e in refused.items():
        assert "没有找到任何条文" in e.message, (rel, e.message)
        assert e.file and e.file.endswith(rel.split("/")[-1])


def test_lossless(parsed):
    """Rebuilding from the model gives the source file's text exactly (not only up to whitespace)."""
    bad = []
    for rel, d in parsed.items():
        if isinstance(d, KbError):
            continue
        source = (CORPUS / rel).read_bytes().decode("utf-8-sig")
        if d.rebuild() != source or d.text != source:
            bad.append(rel)
    assert not bad


def test_every_slice_is_owned_once(parsed):
    """Node slices are contiguous, in order, non-overlapping and cover the text."""
    for rel, d in parsed.items():
        if isinstance(d, KbError):
            continue
        pos = 0
        for n in d.root.walk():
            if n.kind == "document":
                continue
            assert n.start == pos and n.end >= n.start, (rel, n.eid, n.start, pos)
            pos = n.end
        assert pos == len(d.text), rel


def test_numbering_warnings_only_where_the_source_is_broken(parsed, record_property):
    unexpected, fixed = {}, []
    for rel, d in parsed.items():
        if isinstance(d, KbError):
            continue
        if rel in BROKEN:
            msgs = [w.message for w in d.warnings]
            if not any(BROKEN[rel]["expect"] in m for m in msgs):
                fixed.append((rel, msgs))
        elif d.warnings:
            unexpected[rel] = [str(w) for w in d.warnings[:3]]
    passed = sum(1 for rel, d in parsed.items() if not isinstance(d, KbError) and not d.warnings)
    record_property("corpus_pass", passed)
    print(f"\n语料：{len(parsed)} 个文件，{passed} 个通过（无警告），{len(REFUSED)} 个按预期拒绝，"
          f"{len(BROKEN)} 个源文件本身编号有误（见 tests/data/corpus/broken.yml）")
    assert not unexpected, unexpected
    assert not fixed, fixed
    # a broken source held out this session is not parsed (test_corpus_is_complete)
    assert passed == len(parsed) - len(REFUSED) - len(set(BROKEN) & set(parsed))


def test_article_numbers_consecutive_from_first(parsed):
    """Outside broken.yml, articles run first, first+1, … (inserted 之一 articles follow their base)."""
    for rel, d in parsed.items():
        if isinstance(d, KbError) or rel in BROKEN:
            continue
        keys = [number_key(a.number) for a in d.articles]
        bases = [k[0] for k in keys if k[1] == 0]
        assert bases == list(range(bases[0], bases[0] + len(bases))), rel


def test_articles_match_a_line_scan(parsed):
    """In this corpus every article opens a line as 第X条 and a space: the articles found are
    exactly the lines a bare scan finds (no citing line taken as an article, none missed)."""
    for rel, d in parsed.items():
        if isinstance(d, KbError):
            continue
        scan = {d.text.count("\n", 0, m.start()) + 1 for m in _ART_LINE.finditer(d.text)}
        lines = {a.line for a in d.articles}
        assert scan == lines, (rel, sorted(scan ^ lines)[:5])


def test_every_article_has_text(parsed):
    for rel, d in parsed.items():
        if isinstance(d, KbError):
            continue
        for a in d.articles:
            assert a.children and any(p.text or p.children for p in a.children), (rel, a.label, a.line)


def test_minfadian_books_and_restarting_chapters(parsed):
    from kb.dev.heldout import may_read

    books = {rel: d for rel, d in parsed.items() if rel.startswith("民法典/") and not isinstance(d, KbError)}
    # the eight books less any held out this session (the fourteenth session's obligations round drew 侵权责任编 and 人格权编)
    present = [p for p in (CORPUS / "民法典").glob("*.md") if may_read(p)]
    assert len(books) == len(present) >= 6
    contract = next(d for rel, d in books.items() if "合同" in rel)
    assert contract.articles[0].number == 463
    assert not contract.warnings


def test_criminal_law_parts_restart_chapters(parsed):
    d = next(d for rel, d in parsed.items() if re.fullmatch(r"刑法/刑法\(.*\)\.md|刑法/刑法\.md", rel)
             and not isinstance(d, KbError))
    eids = [c.eid for c in d.chapters]
    assert "part_1__chp_1" in eids and "part_2__chp_1" in eids
    assert any(n.kind == "section" for n in d.nodes())
    assert not d.warnings
