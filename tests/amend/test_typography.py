"""A character that differs only in width is typography, not an amendment: the 2016 text of 慈善法 in the corpus
writes half-width colons (公益活动:) where the 2023 text has full-width ones, and ``kb diff --as decision`` used to
draft seven instructions such as 将第三条中的“公益活动:”修改为“公益活动：” (newcomer review 5, item 14).  The
decision now leaves them out and says so in one note; applied to the old text it still reads as the new one."""
from __future__ import annotations

import json
import re

from conftest import CORPUS, ROOT, need_shared, run_kb

from kb.amend.state import folded, same_wording

OLD = CORPUS / "社会法" / "慈善法(2016-03-16).md"
NEW = CORPUS / "社会法" / "慈善法(2023-12-29).md"


def test_width_is_not_wording():
    assert same_wording("下列条件:", "下列条件：") and same_wording("（一）１５日", "(一)15日")
    assert not same_wording("其他组织", "非法人组织") and not same_wording("。", ".")
    assert folded("公益活动：") == "公益活动:"


def test_a_decision_amends_no_colon_and_names_the_articles_that_differ_only_so(tmp_path, capsys):
    need_shared(OLD)
    out = tmp_path / "决定.txt"
    rc, _, err = run_kb(["diff", str(OLD), str(NEW), "--as", "decision", "-o", str(out)], ROOT, capsys)
    assert rc == 0, err
    text = out.read_text(encoding="utf-8")
    pairs = re.findall(r"“([^”]*)”修改为“([^”]*)”", text)
    assert pairs and not [p for p in pairs if same_wording(*p)], [p for p in pairs if same_wording(*p)]
    assert "“公益活动:”" not in text and "“下列条件:”" not in text
    # 第三条 keeps its real change; 第九条 (only its colon differs) gets no instruction at all
    assert "将第三条中的“其他组织”修改为“非法人组织”。" in text and "第九条" not in text
    assert "说明：新文本的第三条、第九条、第十一条、第十六条、第十七条" in err and "不是修改，未写入决定" in err, err
    n = len(re.findall(r"^[一二三四五六七八九十百]+、", text, re.M))
    assert n == 53, n                       # was 60: the 7 colon-only instructions are gone
    # applied to the old text, the decision gives the new one (width aside, as the drafting check compares)
    applied = tmp_path / "applied.txt"
    rc, _, err = run_kb(["amend", str(OLD), str(out), "-o", str(applied)], ROOT, capsys)
    assert rc == 0, err
    from kb.dev.score_amend import body
    assert body(applied.read_text(encoding="utf-8")) == body(NEW.read_text(encoding="utf-8"))
    rc, js, err = run_kb(["diff", str(OLD), str(NEW), "--as", "decision", "--format", "json"], ROOT, capsys)
    data = json.loads(js)
    assert rc == 0 and "第九条" in data["typographic"] and not data["problems"]
