"""The 新旧对照表 as a worksheet (``kb diff --format xlsx|csv``): one line per row of the table — the same
rows, in the same order, as every other format (kb.compare.render.table) — with its kind of change in a
column of its own and an empty 修改说明 column, for those who annotate a revision in a spreadsheet."""
from __future__ import annotations

from kb.compare.diff import Comparison
from kb.compare.render.table import (HEADING_ZH, STATUS_ZH, heads, moved_note, plain, rows, same_regulation, status_zh,
                                     table_title)


def columns(cmp: Comparison) -> list[str]:
    if same_regulation(cmp):
        return ["序号", "类别", "修改前条款", "修改后条款", "修改类型", "条号变动", "移至他章", "相似度",
                "修改前文本", "修改后文本", "修改说明"]
    old, new = (d.title or w for d, w in ((cmp.old_doc, "左栏"), (cmp.new_doc, "右栏")))
    return ["序号", "类别", f"{old}条款", f"{new}条款", "对应关系", "条号变动", "移至他章", "相似度",
            f"{old}文本", f"{new}文本", "说明"]


def lines(cmp: Comparison, changed_only: bool = False, hide_renumbered: bool = False) -> list[list]:
    """The table's rows as cells: headings (编、章、节) and articles, split and merged articles one row each."""
    out = []
    for k, r in enumerate(rows(cmp, changed_only=changed_only, hide_renumbered=hide_renumbered), 1):
        p = r.pair
        if r.kind == "heading":
            word = HEADING_ZH.get(r.status) if same_regulation(cmp) and r.status in HEADING_ZH \
                else status_zh(cmp, r.status)
            out.append([k, "章节", r.old_label or "", r.new_label or "", word, "", "", "",
                        plain(r.old), plain(r.new), ""])
            continue
        renumbered = any(q.renumbered for q in r.group) if r.group else bool(p and p.renumbered)
        moved = next((moved_note(q) for q in r.group if moved_note(q)), "") if r.group else ""
        sim = round(p.similarity, 3) if p is not None and r.old is not None and r.new is not None else ""
        out.append([k, "条文", r.old_label or "", r.new_label or "", status_zh(cmp, r.status),
                    "是" if renumbered else "", (moved or "").strip("（）"), sim, plain(r.old), plain(r.new), ""])
    return out


def csv_text(cmp: Comparison, changed_only: bool = False, hide_renumbered: bool = False) -> str:
    from kb.outputs.formats import to_csv

    return to_csv(columns(cmp), lines(cmp, changed_only, hide_renumbered))


def xlsx_bytes(cmp: Comparison, changed_only: bool = False, hide_renumbered: bool = False) -> bytes:
    from kb.outputs.xlsx import Sheet, workbook

    sheet = Sheet("对照表", [columns(cmp)] + lines(cmp, changed_only, hide_renumbered),
                  widths={1: 6, 2: 6, 3: 14, 4: 14, 5: 10, 6: 8, 7: 10, 8: 8, 9: 60, 10: 60, 11: 30}, freeze="E2")
    return workbook([sheet, _about(cmp)])


def _about(cmp: Comparison):
    """A second sheet: what the table compares, and its counts (the summary every format gives)."""
    from kb.outputs.xlsx import Sheet

    s = cmp.summary
    facts = [["项目", "内容"], ["标题", table_title(cmp)]] + [list(x) for x in _sides(cmp)]
    names = {"old_articles": "修改前条数", "new_articles": "修改后条数",
             **{k: STATUS_ZH[k] for k in ("unchanged", "modified", "added", "deleted", "split", "merged", "renumbered")},
             "moved": "移至他章"}
    facts += [[v, s[k]] for k, v in names.items() if k in s]
    return Sheet("说明", facts, widths={1: 14, 2: 60})


def _sides(cmp: Comparison) -> list[tuple[str, str]]:
    """(修改前, what it is), (修改后, what it is): the version the column heads name (草案征求意见稿; 2016-03-16; 修改稿，
    草案修改稿，2025-01-02), else the text's file — not the bare word 修改前 again."""
    import os

    out = []
    for word, head, doc in zip(("修改前", "修改后"), heads(cmp), (cmp.old_doc, cmp.new_doc)):
        if head.startswith(word + "（") and head.endswith("）"):
            head = head[len(word) + 1:-1]
        elif head == word:
            head = os.path.basename(doc.source or "") or "未注明"
        out.append((word, head))
    return out
