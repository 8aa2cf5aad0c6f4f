"""Related provisions reused from the previous build (kb.library.related_cache) are the answers a
fresh computation gives, on the default knowledge base and an edit of the seed."""
from __future__ import annotations

import json
import pickle

import pytest

from conftest import ROOT


def _versions(edit=None):
    """(reg, version, doc, latest) of every version of the default knowledge base; ``edit``:
    (regulation id, old, new) replaced in that regulation's latest text, as an editor would."""
    from kb.project import Target, list_regulations, load
    from kb.text.parse import parse_text

    out = []
    for r in list_regulations(ROOT):
        for i, v in enumerate(r.versions):
            doc = load(Target(r.path(v), r, v))
            if edit and r.id == edit[0] and i == len(r.versions) - 1:
                assert edit[1] in doc.text
                doc = parse_text(doc.text.replace(edit[1], edit[2], 1), doc.source, meta=doc.meta)
            out.append((r, v, doc, i == len(r.versions) - 1))
    return out


def _library(versions):
    from kb.library.related import Library, grounds

    return Library(versions, grounds(ROOT, versions))


def _shown(lib, answers) -> list:
    return [json.dumps([e.index, [r.to_dict() for r in answers[e.index]]], ensure_ascii=False)
            for e in lib.entries]


@pytest.fixture(scope="module")
def first():
    from kb.library.related_cache import related_all

    lib = _library(_versions())
    answers, state, reused = related_all(lib, lib.entries, None, limit=3)
    assert reused == 0
    # kept as kb build keeps it: a pickle of plain data
    return lib, answers, pickle.loads(pickle.dumps(state))


def test_nothing_changed_every_answer_reused(first):
    from kb.library.related_cache import related_all

    lib, answers, state = first
    again, _, reused = related_all(lib, lib.entries, state, limit=3)
    assert reused == len(lib.entries)
    assert _shown(lib, again) == _shown(lib, answers)
    assert sum(len(v) for v in answers.values()) > 100       # the base has answers to reuse


def test_an_edit_recomputes_what_it_reaches_and_reuses_the_rest(first):
    from kb.library.related_cache import related_all

    _, _, state = first
    # a sentence added to one article of the seed (its articles stay the same articles)
    lib = _library(_versions(("suining-community", "居民委员会应当", "居民委员会（本条经过修改）应当")))
    incremental, _, reused = related_all(lib, lib.entries, state, limit=3)
    fresh, _, _ = related_all(lib, lib.entries, None, limit=3)
    assert _shown(lib, incremental) == _shown(lib, fresh)
    assert 0 < reused < len(lib.entries)


def test_other_parameters_or_articles_reuse_nothing(first):
    from kb.library.related_cache import related_all

    lib, _, state = first
    assert related_all(lib, lib.entries, state, limit=2)[2] == 0
    fewer = _library([v for v in _versions() if v[0].id != "社区矫正法"])
    assert related_all(fewer, fewer.entries, state, limit=3)[2] == 0


def test_state_kept_per_project_and_code_version(tmp_path, monkeypatch):
    from kb.layers import cache

    monkeypatch.delenv("KB_LAYER_CACHE", raising=False)
    assert cache.read_state(tmp_path, "x") is None
    cache.write_state(tmp_path, "x", {"answers": {1: ([2], [])}})
    assert cache.read_state(tmp_path, "x") == {"answers": {1: ([2], [])}}
    assert (tmp_path / ".kb" / "layers" / cache.code_version() / "x.json").is_file()
    (tmp_path / ".kb" / "layers" / cache.code_version() / "x.json").write_bytes(b"\x80\x05broken")
    assert cache.read_state(tmp_path, "x") is None          # a damaged state is no state
    monkeypatch.setenv("KB_LAYER_CACHE", "off")
    cache.write_state(tmp_path / "p", "x", 1)
    assert cache.read_state(tmp_path / "p", "x") is None and not (tmp_path / "p").exists()


def test_a_changed_citation_is_looked_up_again():
    """An article's first 上位法 is the provision it cites by number (Library.cited), whatever the wording: the citations
    are part of what an answer depends on, so a build whose citations differ (here: 北京市村民委员会选举办法 第十八条 no
    longer linked to the 村民委员会组织法's 第十八条, its text unchanged) reuses no answer given with the old ones — the
    answers are what a fresh computation gives."""
    from kb.library.related import Library, _grounds
    from kb.library.related_cache import related_all

    versions = _versions()
    cites, outside, citations = _grounds(ROOT, versions)
    reg = "北京市村民委员会选举办法"
    assert citations[reg]["art_18"] == [("村民委员会组织法", "art_18")]
    before = Library(versions, cites, outside, citations)
    _, state, _ = related_all(before, before.entries, None, limit=3)
    unlinked = {**citations, reg: {k: v for k, v in citations[reg].items() if k != "art_18"}}
    lib = Library(versions, cites, outside, unlinked)
    again, _, _ = related_all(lib, lib.entries, pickle.loads(pickle.dumps(state)), limit=3)
    new = Library(versions, cites, outside, unlinked)
    fresh, _, _ = related_all(new, new.entries, None, limit=3)
    e = next(x for x in new.entries if x.reg.id == reg and x.latest and x.eid == "art_18")
    assert [r.entry.label for r in fresh[e.index] if r.kind == "upper"][:1] != ["第十八条"]
    assert _shown(lib, again) == _shown(new, fresh)
