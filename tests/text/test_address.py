"""Addresses users type for a provision, to (article, paragraph, item, subitem) and eids."""
import pytest

from kb.text.address import parse_address, to_eid
from kb.errors import KbError


@pytest.mark.parametrize("text,want,eid", [
    ("15", (15, None, None, None), "art_15"),
    ("十五", (15, None, None, None), "art_15"),
    ("第十五条", (15, None, None, None), "art_15"),
    ("第15条", (15, None, None, None), "art_15"),
    ("１５", (15, None, None, None), "art_15"),
    ("第 十五 条", (15, None, None, None), "art_15"),
    ("第十五条第二款", (15, 2, None, None), "art_15__para_2"),
    ("15.2", (15, 2, None, None), "art_15__para_2"),
    ("１５．２", (15, 2, None, None), "art_15__para_2"),
    ("15.1.3", (15, 1, 3, None), "art_15__para_1__point_3"),
    ("第十五条第一款第三项", (15, 1, 3, None), "art_15__para_1__point_3"),
    ("第十五条第三项", (15, None, 3, None), "art_15__para_1__point_3"),
    ("15.1.3.2", (15, 1, 3, 2), "art_15__para_1__point_3__point_2"),
    ("第十五条第一款第三项第二目", (15, 1, 3, 2), "art_15__para_1__point_3__point_2"),
    ("10-1", ("10-1", None, None, None), "art_10-1"),
    ("第十条之一", ("10-1", None, None, None), "art_10-1"),
    ("第十条之一第二款", ("10-1", 2, None, None), "art_10-1__para_2"),
    ("10-1.2", ("10-1", 2, None, None), "art_10-1__para_2"),
    ("第一千二百六十条", (1260, None, None, None), "art_1260"),
    ("art_15__para_1__point_3", (15, 1, 3, None), "art_15__para_1__point_3"),
])
def test_forms(text, want, eid):
    got = parse_address(text)
    assert got == want
    assert to_eid(*got) == eid


@pytest.mark.parametrize("bad", ["", "甲", "十五款", "15.x", "第条", "abc"])
def test_bad_addresses(bad):
    with pytest.raises(KbError) as e:
        parse_address(bad)
    assert "无法识别的条款编号" in str(e.value)
