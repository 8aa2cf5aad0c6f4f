"""The six rules that fire nowhere in the corpus (no clean text has an empty article or a range written
backwards): on a real law they stay silent where it does the very thing they check, and they report the
fault at its line when it is planted into that law (the planters kb score-check measures recall with)."""
from __future__ import annotations

import pytest

from conftest import CORPUS, need_shared

#: 精神卫生法 (a tuning text of tests/data/check): 前款 in second paragraphs, a range of articles, a liability
#: article that cites a duty (违反本法第四条第三款规定), 附则 as its last chapter
LAW = "行政法/精神卫生法(2018-04-27).md"
RARE = ["empty-article", "final-chapter", "ref-previous", "ref-range", "liability-no-duty", "form-double-punct"]


@pytest.fixture(scope="module")
def law():
    need_shared(CORPUS)
    from kb.text.parse import parse_file
    return parse_file(str(CORPUS / LAW))


def test_the_real_law_has_what_the_rules_look_at(law):
    text = law.text
    assert "依照前款规定" in text and "违反本法第四条第三款规定" in text and "条至第" in text
    assert law.chapters[-1].title.replace(" ", "") == "附则"
    assert all(a.text or a.children for a in law.articles)


@pytest.mark.parametrize("rule", RARE)
def test_a_rare_rule_is_silent_on_the_real_law(law, rule):
    from kb.check.engine import check
    assert check(law, only=[rule]).findings == []


@pytest.mark.parametrize("rule", RARE)
def test_a_rare_rule_reports_a_fault_planted_into_the_real_law(rule):
    need_shared(CORPUS)
    from kb.dev.plant_check import run
    outcomes = run(CORPUS, rules=[rule], texts=[LAW])
    assert outcomes, f"{rule}: nothing could be planted"
    assert all(o.found for o in outcomes), [(o.line, o.what) for o in outcomes if not o.found]
