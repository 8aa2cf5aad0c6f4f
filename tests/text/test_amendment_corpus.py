"""The corpus's amendments read as amendments: the 12 刑法修正案 (refused by the regulation parser) and
the 5 宪法修正案 parse into instructions, losslessly, every clause read (none reported); every other
file the regulation parser refuses is refused by the amendment reader too, saying it is no amendment."""
from __future__ import annotations

import pytest
import yaml

from conftest import CORPUS, DATA, need_shared
from kb.errors import KbError
from kb.text.amendment import read_amendment
from kb.text.parse import parse_file

AMENDMENTS = yaml.safe_load((DATA / "corpus" / "amendments.yml").read_text(encoding="utf-8"))
REFUSED = yaml.safe_load((DATA / "corpus" / "refused.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("rel", sorted(AMENDMENTS))
def test_every_amendment_reads_losslessly_and_completely(rel):
    need_shared(CORPUS)
    am = read_amendment(str(CORPUS / rel))
    assert am.rebuild() == am.text == (CORPUS / rel).read_bytes().decode("utf-8-sig")
    assert len(am.instructions) == AMENDMENTS[rel]
    assert not am.warnings, [str(w) for w in am.warnings]
    assert all(i.ops for i in am.instructions)
    assert am.kind == "amendment" and am.law in ("中华人民共和国刑法", "中华人民共和国宪法")
    assert am.date and am.date[:4] in rel or am.date


def test_the_refused_criminal_law_amendments_are_amendments():
    need_shared(CORPUS)
    crim = [r for r in REFUSED if r.startswith("刑法/")]
    assert len(crim) == 12 and set(crim) <= set(AMENDMENTS)
    for rel in crim:
        with pytest.raises(KbError, match="这是修正案或修改决定"):
            parse_file(str(CORPUS / rel))


@pytest.mark.parametrize("rel", sorted(r for r in REFUSED if not r.startswith("刑法/")))
def test_what_is_no_amendment_is_still_refused(rel):
    need_shared(CORPUS)
    with pytest.raises(KbError, match="不是修正案或修改决定") as e:
        read_amendment(str(CORPUS / rel))
    assert e.value.file.endswith(rel.split("/")[-1])
    with pytest.raises(KbError, match="也不是修正案或修改决定"):
        parse_file(str(CORPUS / rel))


def _ops(rel, label):
    am = read_amendment(str(CORPUS / rel))
    return next(i for i in am.instructions if i.label.rstrip("、") == label).ops


def test_criminal_law_forms():
    need_shared(CORPUS)
    # 在刑法第X条后增加一条，作为第X条之一
    op, = _ops("刑法/刑法修正案（七）.md", "四")
    assert (op.action, op.anchor.article, op.position, op.numbers) == ("insert", 224, "after", ["224-1"])
    # three clauses, one instruction: 将第二款修改为；增加一款作为第三款；原第三款作为第四款，修改为
    ops = _ops("刑法/刑法修正案（七）.md", "十二")
    assert [(o.action, o.target.paragraph, o.numbers) for o in ops] == [
        ("replace", 2, []), ("add_paragraph", None, [3]), ("replace", 3, [4])]
    # 增加五条，作为第一百二十条之二、…之六：“第一百二十条之二 ……”
    op, = _ops("刑法/刑法修正案（九）.md", "七")
    assert op.numbers == ["120-2", "120-3", "120-4", "120-5", "120-6"] and op.count == 5
    assert op.text.startswith("第一百二十条之二")
    # 删去刑法第一百九十九条 / 删去第三百六十条第二款
    assert [(o.action, o.target.citation()) for o in _ops("刑法/刑法修正案（九）.md", "十二")] == [("delete", "第一百九十九条")]
    assert [o.target.citation() for o in _ops("刑法/刑法修正案（九）.md", "四十三")] == ["第三百六十条第二款"]
    # 将刑法第三百五十条第一款、第二款修改为：two paragraphs restated together
    op, = _ops("刑法/刑法修正案（九）.md", "四十一")
    assert [t.paragraph for t in op.targets] == [1, 2] and op.text.count("\n") == 1
    # 在刑法第一百六十五条中增加一款作为第二款，将该条修改为: the addition is in the restated article
    add, rep = _ops("刑法/刑法修正案（十二）(2023-12-29).md", "一")
    assert add.informational and rep.action == "replace" and rep.target.article == 165
    # the one instruction of the opening sentence, its quotation on the next line
    am = read_amendment(str(CORPUS / "刑法/刑法修正案（二）.md"))
    op, = am.instructions[0].ops
    assert (op.action, op.target.article, am.effective) == ("replace", 342, "公布之日")
    # items of a quotation whose lines lack the opening “
    op, = _ops("刑法/刑法修正案.md", "六")
    assert op.text.count("\n") >= 4 and "（四）以其他方法操纵证券、期货交易价格的" in op.text


def test_constitution_forms():
    need_shared(CORPUS)
    # 宪法第十一条增加规定：a paragraph at the end
    op, = _ops("宪法/宪法修正案（1988年）.md", "第一条")
    assert (op.action, op.position) == ("add_paragraph", "end")
    # 序言第七自然段后两句：“A”修改为：“B”
    op, = _ops("宪法/宪法修正案（1993年）.md", "第三条")
    assert op.target.prologue and op.target.paragraph == 7 and op.action == "replace_words"
    # 宪法第六条：“A”“B”修改为：“C”“D”: paragraphs restated
    op, = _ops("宪法/宪法修正案（1999年）.md", "第十四条")
    assert op.action == "replace_text" and op.old.count("\n") == 1
    # 第四章章名“……”修改为“……”; 第一百三十六条增加一款，作为第二款
    ren, add = _ops("宪法/宪法修正案（2004年）.md", "第三十一条")
    assert (ren.action, ren.target.chapter, ren.old, ren.text) == ("rename", 4, "国旗、国徽、首都", "国旗、国歌、国徽、首都")
    assert (add.action, add.numbers) == ("add_paragraph", [2])
    # several replacements, a phrase 增写 before words, and the paragraph as it then reads
    ops = _ops("宪法/宪法修正案（2018年）.md", "第三十二条")
    assert [o.action for o in ops] == ["replace_words", "replace_words", "insert_words", "replace_words", "result"]
    assert (ops[2].position, ops[2].unit) == ("before", "句")
    # 后增写一句，内容为
    op, = _ops("宪法/宪法修正案（2018年）.md", "第三十六条")
    assert (op.action, op.position, op.target.paragraph) == ("insert_words", "after", 2)
    # 宪法第六十二条“……”中增加一项，作为第七项“（七）……”，第七项至第十五项相应改为第八项至第十六项
    add, ren = _ops("宪法/宪法修正案（2018年）.md", "第四十一条")
    assert (add.action, add.numbers, add.target.locator) == ("add_item", [7], "全国人民代表大会行使下列职权")
    assert ren.action == "renumber" and ren.numbers == list(range(8, 17))
    # 中第六项“A”修改为“B”；增加一项……；a second clause on its own line for another article
    ops = _ops("宪法/宪法修正案（2018年）.md", "第四十四条")
    assert [(o.action, o.target.article, o.target.item) for o in ops[:2]] == [("replace_words", 67, 6), ("add_item", 67, None)]
    assert ops[-1].target.article == 70
    # 增加一节，作为第七节“监察委员会”；增加五条……内容如下：(unquoted); 第七节相应改为第八节 …
    ops = _ops("宪法/宪法修正案（2018年）.md", "第五十二条")
    sec = ops[0]
    assert (sec.action, sec.unit, sec.numbers, sec.title, sec.article_numbers) == (
        "insert", "节", [7], "监察委员会", [123, 124, 125, 126, 127])
    assert sec.anchor.chapter == 3 and sec.text.startswith("第七节")
    assert ops[1].target.section == 7 and ops[1].numbers == [8]
    assert ops[2].numbers[0] == 128 and ops[2].numbers[-1] == 143
    assert read_amendment(str(CORPUS / "宪法/宪法修正案（2018年）.md")).renumber
