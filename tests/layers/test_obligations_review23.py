"""Code review 23 (seventeenth session, 2026-12-07), findings 3 to 8: wrong records the sixteenth session's rules (the list
of posts, the heads 兵, 官 and 部, the benefits after a person) gave on unannotated corpus texts (finding 10 is the
annotators' convention, no defect: tests/data/obligations/README.md). Each sentence is quoted from the corpus text the finding names, and the articles are also read
from their corpus files; the guards keep names and duties that must stay.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kb.layers.actors import load_registry
from kb.layers.obligations import extract
from kb.text.parse import parse_file, parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)

from conftest import ROOT

_CORPUS = Path(os.environ.get("KB_SHARED", ROOT.parent / "shared")) / "corpus" / "lawrefbook"
_needs_corpus = pytest.mark.skipif(not _CORPUS.is_dir(), reason="the shared corpus (../shared) is absent")


def records(reg, text: str) -> set[tuple[str | None, str, str]]:
    """(actor, modality, action) of the duties of a one-article text."""
    doc = parse_text(text if text.startswith("第") else "第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality, s.action) for s in extract(doc, reg)}


def corpus_records(path: str, eid: str) -> set[tuple[str, str, str]]:
    """(eid, actor, modality) of the duties of the corpus text's provision eid and its items, read with the knowledge
    base's registry."""
    doc = parse_file(str(_CORPUS / path))
    return {(s.eid, s.actor, s.modality) for s in extract(doc, load_registry(ROOT))
            if s.eid == eid or s.eid.startswith(eid + "__")}


def test_a_list_of_posts_before_a_modal_word_and_its_agent_is_no_party(reg):
    """Finding 3: 仲裁法 (2017) 66 p3 gave 主任, 副主任 and 委员 the permission 由中国国际商会聘任: the posts are what the
    chamber appoints (应当由 / 可以由 + agent), not a list of persons acting."""
    got = records(reg, "涉外仲裁委员会的主任、副主任和委员可以由中国国际商会聘任。")
    assert not any(a in ("主任", "副主任", "委员") for a, _, _ in got)
    # guard: 农民专业合作社法 (2017) 56's agent stays the party
    got = records(reg, "农民专业合作社联合社不设成员代表大会，可以根据需要设立理事会、监事会或者执行监事。理事长、理事应当由成员社选派的"
                       "人员担任。")
    assert ("成员社选派的人员", "obligation", "担任") in got
    assert not any(a in ("理事长", "理事") for a, _, _ in got)


@_needs_corpus
def test_the_arbitration_commissions_posts_read_from_the_corpus():
    assert not corpus_records("诉讼与非诉讼程序法/仲裁法(2017-09-01).md", "art_66__para_3")

