"""The latest 刑法修正案 and 宪法修正案 against the consolidated 刑法 and 宪法: every operation's place is
found and its new wording reads there exactly as the instruction gives it."""
from __future__ import annotations

from conftest import CORPUS, need_shared
from kb.amend.verify import summary, verify
from kb.text.amendment import read_amendment
from kb.text.parse import parse_file


def check(am_rel, law_rel):
    need_shared(CORPUS)
    return verify(read_amendment(str(CORPUS / am_rel)), parse_file(str(CORPUS / law_rel)))


def test_criminal_law_amendment_xii():
    cs = check("刑法/刑法修正案（十二）(2023-12-29).md", "刑法/刑法.md")
    assert summary(cs) == {"operations": 7, "found": 7, "matches": 7}
    assert [c.where for c in cs][:2] == ["第一百六十五条", "第一百六十六条"]


def test_constitution_amendment_2018():
    cs = check("宪法/宪法修正案（2018年）.md", "宪法/宪法.md")
    assert summary(cs) == {"operations": 35, "found": 35, "matches": 35}
    where = {c.where for c in cs}
    # the amendment's own renumbering and additions: 第七节 and items found where they are now
    assert "### 第七节 监察委员会" in where and "第六十二条第7项" in where
    assert "序言第七自然段" in where


def test_a_wrong_wording_is_caught():
    need_shared(CORPUS)
    from kb.text.amendment import parse_amendment_text
    am = parse_amendment_text("中华人民共和国刑法修正案（测试）\n\n一、将刑法第三百九十条第一款修改为：“对犯行贿罪的，处罚金。”\n\n"
                              "二、删去刑法第九百条。\n")
    cs = verify(am, parse_file(str(CORPUS / "刑法/刑法.md")))
    assert [(c.found, c.matches) for c in cs] == [(True, False), (False, False)]
