"""Chinese numerals both ways, as used in article, chapter and item numbers; figures of running text."""
import re

import pytest

from kb.text.numerals import (FIGURE_NUMERAL_RE, article_label, figure_value, item_marker_number, number_key,
                              parse_numeral, to_ascii_digits, to_chinese)

CASES = [
    (1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (15, "十五"), (20, "二十"), (21, "二十一"),
    (99, "九十九"), (100, "一百"), (101, "一百零一"), (105, "一百零五"), (110, "一百一十"),
    (115, "一百一十五"), (120, "一百二十"), (200, "二百"), (463, "四百六十三"), (999, "九百九十九"),
    (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"), (1205, "一千二百零五"),
    (1259, "一千二百五十九"), (1260, "一千二百六十"), (9999, "九千九百九十九"), (10000, "一万"),
]


@pytest.mark.parametrize("n,cn", CASES)
def test_both_ways(n, cn):
    assert to_chinese(n) == cn
    assert parse_numeral(cn) == n


def test_every_article_number_up_to_1260_round_trips():
    for n in range(1, 1261):
        assert parse_numeral(to_chinese(n)) == n


@pytest.mark.parametrize("s,n", [
    ("１５", 15), ("15", 15), ("１２６０", 1260), ("〇", 0), ("零", 0), ("二〇二三", 2023),
    ("两百", 200), ("壹佰零伍", 105), ("拾伍", 15), ("一十五", 15), (" 十五 ", 15),
])
def test_other_forms(s, n):
    assert parse_numeral(s) == n


@pytest.mark.parametrize("bad", ["", "条", "第十", "十十", "百十", "一二百", "五十百", "abc", "十五条"])
def test_rejects_what_is_not_a_numeral(bad):
    with pytest.raises(ValueError):
        parse_numeral(bad)


def test_full_width_digits_for_matching_only():
    assert to_ascii_digits("第１５条") == "第15条"


def test_article_labels_and_inserted_articles():
    assert article_label(15) == "第十五条"
    assert article_label(1260) == "第一千二百六十条"
    assert article_label("10-1") == "第十条之一"
    assert article_label("10-2") == "第十条之二"
    assert number_key(10) < number_key("10-1") < number_key("10-2") < number_key(11)
    assert number_key("10-1") == (10, 1)


@pytest.mark.parametrize("marker,n", [("（一）", 1), ("(二)", 2), ("三、", 3), ("（十一）", 11), ("1.", 1),
                                      ("２．", 2), ("（3）", 3), ("12、", 12)])
def test_item_markers(marker, n):
    assert item_marker_number(marker) == n


def test_item_marker_that_is_not_one():
    assert item_marker_number("甲") is None


@pytest.mark.parametrize("s,n", [
    ("十万", 100000), ("10万", 100000), ("一万", 10000), ("10000", 10000), ("二十万", 200000), ("一千零五十", 1050),
    ("两千", 2000), ("1.5万", 15000), ("10,000", 10000), ("１.５", 1.5), ("0.2", 0.2), ("一亿五千万", 150_000_000),
    ("十亿", 1_000_000_000), ("一万零五百", 10500), ("零", 0), ("0", 0),
])
def test_figures_of_running_text(s, n):
    """Quantities and amounts as a provision writes them (kb.library.repeat compares them by value): Chinese, Arabic or
    both, decimals and thousands commas whole, 万 and 亿."""
    assert figure_value(s) == n


def test_a_figure_is_read_by_the_strict_reader_between_wan_and_yi():
    """figure_value reads each part below 万 with parse_numeral: a year written digit by digit is its number (the reader
    kb.library.repeat had of its own took the last digit: 一九九七年 was 7年, 22 figures of four corpus texts), and what the
    strict reader refuses has no value instead of a guess (十十 was 20)."""
    assert figure_value("一九九七") == 1997 and figure_value("二零四七") == 2047
    for bad in ("万", "十十", "3千", "", "亿五千"):
        assert figure_value(bad) is None


def test_the_figure_pattern_takes_a_number_whole():
    found = [m.group(0) for m in re.finditer(FIGURE_NUMERAL_RE, "处1.5万元以上10,000元、一亿五千万元以下，十五日")]
    assert found == ["1.5万", "10,000", "一亿五千万", "十五"]
    assert all(figure_value(f) is not None for f in found)
    # 〇 is a digit of a year written digit by digit, as 零 is (二〇一二年 was read 一二年: twelve years)
    year = [m.group(0) for m in re.finditer(FIGURE_NUMERAL_RE, "二〇一二年、二零一二年")]
    assert year == ["二〇一二", "二零一二"] and {figure_value(y) for y in year} == {2012}
