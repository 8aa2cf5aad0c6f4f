"""Chinese numerals both ways, as used in article, chapter and item numbers."""
import pytest

from kb.text.numerals import (article_label, item_marker_number, number_key, parse_numeral, to_ascii_digits,
                         to_chinese)

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
