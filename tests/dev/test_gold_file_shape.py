"""Code review 18 (thirteenth session, 2026-12-06): an obligation annotation file whose shape is not an annotation's.
kb score-obligations (and python3 -m kb.dev.obligation_agreement) read the records with no check, so an actor written
as a number was a TypeError traceback deep in the actor matching, a record without its paragraph a KeyError, and a
file whose set was misspelt (tunning) was scored in neither set without a word.  Each is now a KbError naming the file,
the line and what is wrong; every file of tests/data/obligations still loads."""
from __future__ import annotations

import pytest

from kb.dev.score_obligations import DATA, load_gold_file
from kb.errors import KbError

GOOD = """schema: 2
set: tuning
corpus: 网络安全法.md
articles:
  4:
    - {p: 1, actor: 市人民政府, m: obligation, action: 组织编制规划}
    - {p: 2, i: 1, actor: 区人民政府, m: permission, action: 制定办法}
"""


def load(tmp_path, text: str):
    gold = tmp_path / "x.yml"
    gold.write_text(text, encoding="utf-8")
    return load_gold_file(gold)


@pytest.mark.parametrize("old, new, said", [
    ("actor: 市人民政府", "actor: 123", "x.yml:6: 第4条的第 1 条记录：actor（主体）应为文字"),
    ("{p: 2, i: 1, ", "{i: 1, ", "x.yml:7: 第4条的第 2 条记录：p（款号）应为整数"),
    ("m: permission", "m: permision", "x.yml:7: 第4条的第 2 条记录：m（情态）“permision”无效"),
    ("i: 1", "i: 一", "x.yml:7: 第4条的第 2 条记录：i（项号）应为整数"),
    ("- {p: 1, actor: 市人民政府, m: obligation, action: 组织编制规划}", "- 市人民政府", "x.yml:6: 第4条的第 1 条记录：应为"),
    ("set: tuning", "set: tunning", "x.yml:2: 标注的集合“tunning”无效：应为 tuning 或 held-out"),
    ("schema: 2", "schema: two", "x.yml:1: schema 应为 1 或 2，不是“two”"),
])
def test_a_record_of_the_wrong_shape_names_file_line_and_what(tmp_path, old, new, said):
    assert len(load(tmp_path, GOOD).duties) == 2
    with pytest.raises(KbError) as e:
        load(tmp_path, GOOD.replace(old, new, 1))
    assert said in str(e.value)


def test_every_annotation_file_of_the_repository_loads():
    files = sorted(DATA.glob("*.yml")) + sorted((DATA / "agreement").glob("*.yml"))
    assert len(files) > 200
    assert all(load_gold_file(f).duties is not None for f in files)
