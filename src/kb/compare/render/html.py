"""The 对照表 as HTML: a fragment for the site's comparison page, or a standalone printable page.

Text is escaped before it is marked, so a regulation's own characters (<, &) can never become markup.
"""
from __future__ import annotations

import html

from kb.compare.diff import Comparison, compare
from kb.compare.ops import DEL, INS
from kb.compare.render.summary import summary_text
from kb.compare.render.table import (LABEL, NOTES_HEAD, Seg, empty_word, heads, legend, marked_lines, rows,
                                     table_title)
from kb.text.model import Document

#: how HTML marks deletions, insertions and article labels ({} is the escaped text)
_HTML_MARKS = {DEL: "<del>{}</del>", INS: "<ins>{}</ins>", LABEL: '<b class="kb-label">{}</b>'}


def _html_cell(lines: list[list[Seg]] | None, side: str, status: str, repeat: bool, word: str | None = None) -> str:
    if lines is None:
        word = word or ("新增" if side == "old" else "删除")
        return f'<td class="kb-empty">（{word}）</td>'
    if repeat:
        return '<td class="kb-repeat">（同上）</td>'
    ps = marked_lines(lines, html.escape, _HTML_MARKS)
    return f"<td>{''.join(f'<p>{p}</p>' for p in ps)}</td>"


def html_table(cmp: Comparison, notes_column: bool = False, changed_only: bool = False,
               hide_renumbered: bool = False) -> str:
    """The 对照表 as an HTML fragment (escaped): a <table class="kb-diff"> and the legend."""
    ho, hn = heads(cmp)
    out = [f'<div class="kb-diff-summary">{html.escape(summary_text(cmp)).replace(chr(10), "<br>")}</div>',
           '<table class="kb-diff">', "<thead><tr>",
           f"<th>{html.escape(ho)}</th><th>{html.escape(hn)}</th>"]
    if notes_column:
        out.append(f"<th>{NOTES_HEAD}</th>")
    out.append("</tr></thead><tbody>")
    for r in rows(cmp, changed_only=changed_only, hide_renumbered=hide_renumbered):
        cls = f"kb-{r.kind} kb-{r.status}"
        if r.pair is not None and r.pair.renumbered:
            cls += " kb-renumbered"
        if r.pair is not None and r.pair.moved:
            cls += " kb-moved"
        ident = ""
        if r.pair is not None and r.pair.new is not None:
            ident = f' id="diff-{html.escape(r.pair.new.eid)}"'
        elif r.pair is not None and r.pair.old is not None:
            ident = f' id="diff-old-{html.escape(r.pair.old.eid)}"'
        cells = (_html_cell(r.old, "old", r.status, r.repeat_old, empty_word(cmp, "old")) +
                 _html_cell(r.new, "new", r.status, r.repeat_new, empty_word(cmp, "new")))
        if notes_column:
            cells += "<td></td>"
        out.append(f'<tr class="{cls}"{ident} data-status="{r.status}">{cells}</tr>')
    out.append("</tbody></table>")
    out.append(f'<p class="kb-diff-legend">{html.escape(legend(cmp))}</p>')
    if cmp.references:
        out.append('<div class="kb-diff-refs"><p>需要检查的引用：</p><ul>')
        for f in cmp.references:
            out.append(f"<li>{html.escape(f['article'])}中的“{html.escape(f['text'])}”："
                       f"{html.escape(f['message'])}</li>")
        out.append("</ul></div>")
    return "\n".join(out)


CSS = """
body{font-family:"Noto Serif CJK SC","Songti SC",SimSun,serif;margin:2em;line-height:1.7}
table.kb-diff{border-collapse:collapse;width:100%;table-layout:fixed}
table.kb-diff th,table.kb-diff td{border:1px solid #444;padding:.4em .6em;vertical-align:top}
table.kb-diff th{background:#f0f0f0}
table.kb-diff td p{margin:0 0 .3em 0}
table.kb-diff del{text-decoration:line-through;color:#a00}
table.kb-diff ins{text-decoration:underline;font-weight:bold;color:#060}
tr.kb-heading td{font-weight:bold;text-align:center;background:#fafafa}
td.kb-empty,td.kb-repeat{color:#666;text-align:center;vertical-align:middle}
.kb-diff-legend{font-size:.9em;color:#333}
@media (max-width:600px){body{margin:.6em}table.kb-diff th,table.kb-diff td{padding:.2em .3em;font-size:.92em}}
@media print{body{margin:0}thead{display:table-header-group}tr{break-inside:avoid}
table.kb-diff del,table.kb-diff ins{color:#000}}
@page{size:A4;margin:2cm}
"""


def html_page(cmp: Comparison, notes_column: bool = False, changed_only: bool = False,
               hide_renumbered: bool = False) -> str:
    title = table_title(cmp)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>\n"
            f"<h1>{html.escape(title)}</h1>\n{html_table(cmp, notes_column, changed_only, hide_renumbered)}\n</body></html>\n")


def comparison_html(old_doc: Document, new_doc: Document, notes_column: bool = False) -> str:
    """An escaped HTML fragment (the 新旧对照表) for embedding in a page."""
    return html_table(compare(old_doc, new_doc), notes_column=notes_column)
