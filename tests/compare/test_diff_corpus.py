"""Every version pair of the 41 listed regulations (the held-out ones left out: test_align.PAIRS) is compared and rendered in every format; each row of the
对照表 shows exactly the articles' texts (nothing lost or duplicated by the redline)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import shared_pairs
from test_align import PAIRS

from kb.compare.diff import compare
from kb.text.parse import parse_file
from kb.compare.render.docx import docx_bytes
from kb.compare.render.html import html_page
from kb.compare.render.markdown import markdown
from kb.compare.render.table import plain, rows
from kb.compare.render.terminal import terminal


@pytest.mark.parametrize("a,b", shared_pairs(PAIRS))
def test_every_pair_renders_and_rows_rebuild_the_texts(a, b):
    c = compare(parse_file(a), parse_file(b))
    assert terminal(c, color=True) and html_page(c) and markdown(c) and docx_bytes(c, notes_column=True)
    data = json.loads(c.to_json())
    assert len(data["pairs"]) == len(c.pairs)
    assert data["summary"]["same_regulation"] is True      # two versions of one regulation
    assert "修改前后对照表" in markdown(c).splitlines()[0]
    shown: dict = {}          # (side, eid) -> lines of an article shown in the entries of a tangled split/merge
    for r in rows(c):
        if r.kind != "article":
            continue
        olds = sorted({q.old.eid: q for q in r.group if q.old is not None}.values(), key=lambda q: q.old.start)
        news = sorted({q.new.eid: q for q in r.group if q.new is not None}.values(), key=lambda q: q.new.start)
        for side, arts, lines in (("old", olds, r.old), ("new", news, r.new)):
            label = (lambda q: q.old_label) if side == "old" else (lambda q: q.new_label)
            text = (lambda q: q.old_text) if side == "old" else (lambda q: q.new_text)
            if not arts:
                assert lines is None
            elif r.center in (None, side):
                assert plain(lines) == "\n".join(f"{label(q)}　{text(q)}" for q in arts)
                if r.center == side:        # the one article of a tangled split/merge, whole
                    (q,) = arts
                    shown.setdefault((side, q.old.eid if side == "old" else q.new.eid), set()).update(
                        range(len(text(q).split("\n"))))
            else:
                # each article of the other side by its share: whole lines of its text, in order
                got = plain(lines).split("\n")
                for q, nxt in zip(arts, arts[1:] + [None]):
                    head = re.match(rf"{re.escape(label(q))}(?:第[一二三四五六七八九十]+款、?)*　", got[0])
                    assert head, (got[0], label(q))
                    got[0] = got[0][head.end():]
                    end = next((i for i, g in enumerate(got) if nxt is not None and g.startswith(label(nxt))),
                               len(got))
                    share, got = got[:end], got[end:]
                    whole = text(q).split("\n")
                    at = iter(range(len(whole)))
                    idx = [next(i for i in at if whole[i] == g) for g in share if g or len(share) > 1]
                    shown.setdefault((side, q.old.eid if side == "old" else q.new.eid), set()).update(idx)
    # every line of an article shown in some entry of its tangled split/merge
    for (side, eid), idx in shown.items():
        q = next(p for p in c.pairs if (p.old if side == "old" else p.new) is not None
                 and (p.old if side == "old" else p.new).eid == eid)
        assert idx == set(range(len((q.old_text if side == "old" else q.new_text).split("\n")))), (side, eid)


def test_a_split_article_part_of_which_merges_into_another(tmp_path):
    """代表法 2015 → 2025: old 第二十二条's first three paragraphs are new 第二十九条, its fourth joins old
    第二十四条 in new 第三十一条.  One split entry (第二十二条 → 第二十九条、第三十一条) and one merge entry
    (第二十二条、第二十四条 → 第三十一条), in every format; nothing kept or moved is shown deleted or new;
    the 条号变动 line names each old article once (review newcomer 2, item 2)."""
    import io

    import docx

    from conftest import CORPUS, need_shared
    from kb.compare.ops import DEL, INS
    from kb.compare.render.summary import renumbering_runs
    from kb.compare.render.table import LABEL

    need_shared(CORPUS)
    law = CORPUS / "宪法相关法" / "全国人民代表大会和地方各级人民代表大会代表法"
    c = compare(parse_file(f"{law}(2015-08-29).md"), parse_file(f"{law}(2025-03-11).md"))
    kept = c.old_doc.get("art_22").children[0].text             # in new 第二十九条, unchanged
    carried = "代表参加视察、专题调研活动形成的报告"                  # old 第二十四条, in new 第三十一条
    mine = [r for r in rows(c) if r.kind == "article" and ("第二十二条" in (r.old_label or "").split("、")
                                                          or r.new_label == "第三十一条")]
    assert [(r.old_label, r.new_label, r.status) for r in mine] == [
        ("第二十二条", "第二十九条、第三十一条", "split"), ("第二十二条、第二十四条", "第三十一条", "merged")]
    split, merge = mine
    for r in mine:
        deleted = "".join(t for line in r.old for k, t in line if k == DEL)
        inserted = "".join(t for line in r.new for k, t in line if k == INS)
        assert kept[:20] not in deleted and carried not in inserted and "专题调研活动形成" not in inserted
    assert [line[0] for line in split.new if line[0][0] == LABEL] == [(LABEL, "第二十九条"), (LABEL, "第三十一条第二款")]
    assert [line[0] for line in merge.old if line[0][0] == LABEL] == [(LABEL, "第二十二条第四款"), (LABEL, "第二十四条")]
    assert carried not in plain(split.new) and kept not in plain(merge.old)
    # the text output, the 条号变动 line, and the other formats
    out = terminal(c, color=False)
    assert "第二十二条 → 第二十九条、第三十一条  [拆分" in out and "第二十二条、第二十四条 → 第三十一条  [合并" in out
    assert "第二十二条 → 第二十九条  [" not in out and "第二十二条 → 第三十一条  [" not in out
    runs = renumbering_runs(c)
    assert "第二十二条→第二十九条、第三十一条" in runs
    assert sum(r.startswith("第二十二条") for r in runs) == 1
    md = markdown(c)
    assert md.count("**第二十二条第四款**") == 1 and f"~~{kept[:10]}" not in md and f"<u>{carried}" not in md
    html = html_page(c)
    assert html.count("第二十二条第四款") == 1 and f"<del>{kept[:10]}" not in html
    table = docx.Document(io.BytesIO(docx_bytes(c))).tables[0]
    struck = "".join(r.text for row in table.rows for p in row.cells[0].paragraphs for r in p.runs if r.font.strike)
    added = "".join(r.text for row in table.rows for p in row.cells[1].paragraphs for r in p.runs
                    if r.bold and r.underline)
    assert kept[:20] not in struck and carried not in added
    assert sum(row.cells[0].text.startswith("第二十二条") for row in table.rows) == 2
