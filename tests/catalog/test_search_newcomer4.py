"""kb search's hints and empty answers (notes/review-newcomer4.md, item 14): an unknown actor is answered
with the closest actors (as kb obligations answers it), an unknown version of the regulation -r names with
that regulation's versions, and a search whose conditions leave nothing says which conditions and how many
hits there are without them.  A copy of the seed and of 社区矫正法 (other versions, other actors), built by
each engine."""
from __future__ import annotations

import pytest

from test_search_review3 import as_json, kb, proj  # noqa: F401 - the same project (fixture)


def error(proj, capsys, *args) -> str:
    rc, out, err = kb(proj, capsys, *args)
    assert rc == 2 and out == "", (args, rc, err)
    return [line for line in err.splitlines() if line.startswith("错误：")][0]


def test_an_unknown_actor_is_answered_with_the_closest_ones(proj, capsys):
    said = error(proj, capsys, "社区", "--actor", "居委")
    # (was: 已有：上一级人民政府、上级人民政府、上级行政机关… -- the first in alphabetical order)
    assert said.startswith("错误：检索目录里没有主体“居委”；最接近的是：居民委员会、")
    assert "上一级人民政府" not in said
    assert error(proj, capsys, "社区", "--actor", "外星人") == "错误：检索目录里没有主体“外星人”；用 kb actors --all 查看全部主体"


def test_an_unknown_version_is_answered_with_the_versions_of_the_regulation_named(proj, capsys):
    said = error(proj, capsys, "社区", "-r", "suining-community", "-v", "nosuch")
    assert said == "错误：法规“suining-community”没有版本“nosuch”；它有：draft"      # not 社区矫正法's 2019-12-28
    assert "2019-12-28" in error(proj, capsys, "社区", "-v", "nosuch")               # no -r: every version


def test_each_condition_is_checked_after_a_version_or_chapter_that_is_there(proj, capsys):
    said = error(proj, capsys, "社区", "-r", "suining-community", "-v", "draft", "--chapter", "9")
    assert said.startswith("错误：法规“suining-community@draft”没有第九章；它有：第一章、")
    said = error(proj, capsys, "社区", "-r", "suining-community", "--chapter", "1", "--actor", "居委")
    assert said.startswith("错误：检索目录里没有主体“居委”；最接近的是：")


@pytest.mark.parametrize("args, condition, without", [
    (("--modality", "禁止"), "情态“禁止”", ()),
    (("--modality", "prohibition", "--actor", "居民委员会"), "主体“居民委员会”、情态“禁止”", ()),
    (("--chapter", "1"), "章“1”", ()),
    (("--type", "definition"), "类型“definition”", ()),
])
def test_conditions_that_leave_nothing_are_named_with_the_hits_without_them(proj, capsys, args, condition, without):
    n = as_json(proj, capsys, "经费", "-r", "suining-community")["count"]
    assert n > 0
    rc, out, err = kb(proj, capsys, "经费", "-r", "suining-community", *args)
    assert rc == 1 and out == ""
    limits = "这些" if "、" in condition else "这一"
    assert err.splitlines() == [f"没有找到“经费”：限定{condition}时一条也没有（不加{limits}限定时有 {n} 条）"], err


def test_a_regulation_without_the_words_is_named_with_the_hits_elsewhere(proj, capsys):
    n = as_json(proj, capsys, "假释", "--limit", "0")["count"]
    rc, _, err = kb(proj, capsys, "假释", "-r", "suining-community", "--type", "definition")
    assert rc == 1 and err.splitlines() == [
        f"没有找到“假释”：限定类型“definition”、法规“suining-community”时一条也没有（不加这些限定时有 {n} 条）"], err


def test_words_found_nowhere_are_said_as_before(proj, capsys):
    rc, _, err = kb(proj, capsys, "紫藤花", "--modality", "禁止")
    assert rc == 1 and err.splitlines() == ["没有找到“紫藤花”"]
