"""Repetition of upper law (the upper-repeat check) on the default knowledge base."""
from __future__ import annotations

import pytest

from conftest import ROOT, run_kb


@pytest.fixture(scope="module")
def lib():
    from kb.library.related import load_library

    return load_library(ROOT)


def test_verbatim_restatement_is_found_with_its_upper_provision(lib):
    from kb.library.repeat import repetitions

    reg = "北京市实施中华人民共和国城市居民委员会组织法办法"
    found = repetitions(lib, reg, "1991-12-21")
    by_label = {r.entry.label: r for r in found}
    r = by_label["第三条"]        # 居民委员会是居民自我管理……: 居委会组织法第二条第一款 word for word
    assert r.share == pytest.approx(1.0)
    assert (r.upper[0].entry.reg.id, r.upper[0].entry.label) == ("城市居民委员会组织法", "第二条")
    text = r.entry.text
    assert "".join(text[s:t] for s, t in r.marks).startswith("居民委员会是居民自我管理")
    shares = [x.share for x in found]
    assert shares == sorted(shares, reverse=True)              # sorted by share
    assert all(x.share >= 0.5 for x in found)


def test_threshold_option_and_no_upper_law(lib):
    from kb.library.repeat import repetitions

    reg = "北京市实施中华人民共和国城市居民委员会组织法办法"
    assert len(repetitions(lib, reg, "1991-12-21", threshold=0.9)) < len(repetitions(lib, reg, "1991-12-21"))
    # a national law has no upper law in this knowledge base: nothing to repeat
    assert repetitions(lib, "城市居民委员会组织法", "2018-12-29", threshold=0.0) == []


def test_score_repeat_prints_p_r_f1_on_the_six_texts(capsys):
    rc, out, err = run_kb(["score-repeat"], ROOT, capsys)
    assert rc == 0, err
    lines = out.splitlines()
    assert "F1" in lines[0]
    assert sum(l.startswith("repeat-") for l in lines) == 6 and lines[-1].startswith("总计")
