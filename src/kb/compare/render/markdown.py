"""The 对照表 as a Markdown table (for notes, issues and review in plain text).

Markdown tables hold one line per cell, so a cell's paragraphs are joined with <br>, and every
character Markdown would read as markup is escaped.
"""
from __future__ import annotations

from kb.compare.diff import Comparison
from kb.compare.ops import DEL, INS
from kb.compare.render.summary import summary_text
from kb.compare.render.table import LABEL, NOTES_HEAD, empty_word, heads, legend, marked_lines, rows, table_title

#: how Markdown marks deletions, insertions and article labels ({} is the escaped text)
_MD_MARKS = {DEL: "~~{}~~", INS: "**<u>{}</u>**", LABEL: "**{}**"}


def _md_escape(t: str) -> str:
    return (t.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
            .replace("~", "\\~").replace("<", "&lt;").replace(">", "&gt;"))


def _md_cell(lines, side, repeat, word: str | None = None) -> str:
    if lines is None:
        return f"（{word or ('新增' if side == 'old' else '删除')}）"
    if repeat:
        return "（同上）"
    return "<br>".join(marked_lines(lines, _md_escape, _MD_MARKS))


def markdown(cmp: Comparison, notes_column: bool = False, changed_only: bool = False,
               hide_renumbered: bool = False) -> str:
    ho, hn = heads(cmp)
    title = table_title(cmp)
    cols = [ho, hn] + ([NOTES_HEAD] if notes_column else [])
    out = [f"# {_md_escape(title)}", "", summary_text(cmp).replace("\n", "\n\n"), "",
           "| " + " | ".join(_md_escape(c) for c in cols) + " |",
           "|" + "---|" * len(cols)]
    for r in rows(cmp, changed_only=changed_only, hide_renumbered=hide_renumbered):
        cells = [_md_cell(r.old, "old", r.repeat_old, empty_word(cmp, "old")),
                 _md_cell(r.new, "new", r.repeat_new, empty_word(cmp, "new"))]
        if r.kind == "heading":
            cells = [f"**{c}**" if c and not c.startswith("（") else c for c in cells]
        if notes_column:
            cells.append(" ")
        out.append("| " + " | ".join(cells) + " |")
    out += ["", legend(cmp), ""]
    if cmp.references:
        out.append("需要检查的引用：")
        out.append("")
        for f in cmp.references:
            out.append(f"- {f['article']}中的“{_md_escape(f['text'])}”：{_md_escape(f['message'])}")
        out.append("")
    return "\n".join(out)
