"""The text and the findings side by side, as one self-contained HTML page (no outside requests):
each source line beside the findings on it, the words at fault marked, a filter by severity."""
from __future__ import annotations

from collections import defaultdict
from html import escape

from kb.check.engine import Report
from kb.check.registry import SEVERITY_NAMES, STAGE_NAMES, Finding
from kb.check.rules import all_rules
from kb.check.report import heading, summary

CSS = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;margin:0;color:#222;background:#fafafa}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.6rem 1rem;z-index:1}
h1{font-size:1.15rem;margin:0 0 .3rem;overflow-wrap:anywhere}
.meta{color:#555;font-size:.9rem}
label{margin-right:1rem;font-size:.9rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td{vertical-align:top;padding:.15rem .5rem;border-bottom:1px solid #f0f0f0;word-break:break-all}
td.no{width:3.2rem;text-align:right;color:#999;font-family:monospace;font-size:.8rem}
td.src{width:55%;white-space:pre-wrap;line-height:1.7}
tr.hit td.src{background:#fffbe6}
mark{background:#ffe08a;padding:0 1px}
mark.error{background:#ffb3b3}
.f{border-left:4px solid #999;background:#fff;margin:.15rem 0;padding:.2rem .4rem;font-size:.88rem;line-height:1.5}
.f.error{border-color:#c62828}.f.warning{border-color:#ef8f00}.f.info{border-color:#1e88e5}
.f b{font-weight:600}.f .rule{color:#777;font-family:monospace;font-size:.78rem}
.f .sug{color:#2e7d32}
body.hide-error .f.error,body.hide-warning .f.warning,body.hide-info .f.info{display:none}
@media (max-width:700px){td.src{width:auto}tr{display:block}td{display:block;width:auto!important}}
@media print{header{position:static}}
"""

JS = """
document.querySelectorAll('input[data-sev]').forEach(function(c){c.addEventListener('change',function(){
document.body.classList.toggle('hide-'+c.dataset.sev,!c.checked);});});
"""


def _marked(line: str, fs: list[Finding]) -> str:
    spans, out, pos = [], [], 0
    for f in sorted(fs, key=lambda f: f.column or 0):
        if f.column and f.words and line[f.column - 1:f.column - 1 + len(f.words)] == f.words:
            a, b = f.column - 1, f.column - 1 + len(f.words)
            if not spans or a >= spans[-1][1]:
                spans.append((a, b, f.severity))
    for a, b, sev in spans:
        out.append(escape(line[pos:a]))
        out.append(f'<mark class="{sev}">{escape(line[a:b]) or "&nbsp;"}</mark>')
        pos = b
    out.append(escape(line[pos:]))
    return "".join(out)


def _card(f: Finding, rules) -> str:
    title = rules[f.rule].title if f.rule in rules else ""
    sug = f'<div class="sug">建议：{escape(f.suggestion)}</div>' if f.suggestion else ""
    return (f'<div class="f {f.severity}"><b>{SEVERITY_NAMES[f.severity]}</b> {escape(f.citation)}：'
            f'{escape(f.message)} <span class="rule" title="{escape(title)}">{escape(f.rule)}</span>{sug}</div>')


def to_html(rep: Report, shown: list[Finding], text: str) -> str:
    from kb.text.grammar import split_lines

    rules = all_rules()
    by_line = defaultdict(list)
    for f in shown:
        by_line[f.line].append(f)
    rows = []
    for ln in split_lines(text):
        fs = by_line.get(ln.no, [])
        cls = ' class="hit"' if fs else ""
        rows.append(f'<tr id="L{ln.no}"{cls}><td class="no">{ln.no}</td><td class="src">{_marked(ln.content, fs)}</td>'
                    f'<td>{"".join(_card(f, rules) for f in fs)}</td></tr>')
    counts = {s: sum(1 for f in shown if f.severity == s) for s in ("error", "warning", "info")}
    boxes = "".join(f'<label><input type="checkbox" data-sev="{s}" checked> {SEVERITY_NAMES[s]} {counts[s]}</label>'
                    for s in ("error", "warning", "info"))
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>审校意见：{escape(rep.title or rep.file)}</title><style>{CSS}</style></head><body>'
            f'<header><h1>审校意见：{escape(heading(rep))}</h1>'
            f'<div class="meta">阶段：{STAGE_NAMES[rep.stage]}；{escape(summary(rep, shown))}　{boxes}</div></header>'
            f'<main><table>{"".join(rows)}</table></main><script>{JS}</script></body></html>\n')
