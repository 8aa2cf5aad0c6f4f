"""Renderers of a :class:`kb.diff.Comparison`: terminal redline, 新旧对照表 as HTML,
Markdown and DOCX (a real Word table), all built from the same rows.

Convention (as staff draw the table by hand): two columns, 修改前 / 修改后 (with the
versions' labels, status and date when known), one row per aligned article;
deleted text struck through in the left column, added text bold and underlined in
the right column; a whole new article shows 新增 on the empty left side, a deleted
one 删除 on the right; a legend line 注：…… under the table; optionally a third,
blank column 修改说明.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from kb.compare.diff import DEL, EQ, INS, Comparison, Pair, compare, doc_info
from kb.text.model import Document

STATUS_ZH = {"unchanged": "未修改", "modified": "修改", "added": "新增", "deleted": "删除",
             "split": "拆分", "merged": "合并", "renamed": "改名", "renumbered": "条号变动",
             "regraded": "层级变动"}
LEGEND = ("注：左栏中加删除线的文字为删除的内容，右栏中加粗并加下划线的文字为新增的内容；"
          "“新增”表示新增的条文，“删除”表示删除的条文；拆分、合并的条文在相应各行分别列出。")
NOTES_HEAD = "修改说明"
HEADING_ZH = {"renumbered": "序号变动", "renamed": "改名"}     # a chapter or section, not an article
# two different regulations (another city's text on the same subject): correspondence, not amendment
CROSS_ZH = {"unchanged": "相同", "modified": "对应", "added": "无对应", "deleted": "无对应",
            "split": "一对多", "merged": "多对一", "renamed": "对应", "renumbered": "对应",
            "regraded": "对应"}
NO_COUNTERPART = "无对应条文"


def same_regulation(cmp: Comparison) -> bool:
    return cmp.summary.get("same_regulation", True)


def status_zh(cmp: Comparison, status: str) -> str:
    return (STATUS_ZH if same_regulation(cmp) else CROSS_ZH).get(status, status)


def empty_word(cmp: Comparison, side: str) -> str:
    """What the empty side of a row says: 新增 / 删除, or 无对应条文 between two regulations."""
    if not same_regulation(cmp):
        return NO_COUNTERPART
    return "新增" if side == "old" else "删除"


def table_title(cmp: Comparison) -> str:
    to, tn = cmp.old_doc.title or "", cmp.new_doc.title or ""
    if same_regulation(cmp) or not (to and tn):
        return f"{to or tn}修改前后对照表"
    return f"{to}与{tn}条文对照表"


def legend(cmp: Comparison) -> str:
    if same_regulation(cmp):
        return LEGEND
    to, tn = cmp.old_doc.title or "左栏", cmp.new_doc.title or "右栏"
    return (f"注：左栏中加删除线的文字为{to}有而{tn}没有的表述，右栏中加粗并加下划线的文字为{tn}有而{to}"
            f"没有的表述；“{NO_COUNTERPART}”表示另一部法规中没有相应的条文；一条对应多条的在同一行列出。")

Seg = tuple[str, str]          # (equal|delete|insert|label, text)
LABEL = "label"                # the article's number (第十条), set in bold as staff do


@dataclass
class Row:
    kind: str                  # heading | article
    status: str
    old: list[list[Seg]] | None    # lines of segments; None = the empty side (新增)
    new: list[list[Seg]] | None    # None = 删除
    old_label: str | None = None
    new_label: str | None = None
    pair: Pair | None = None
    repeat_old: bool = False   # (kept for renderers; split/merge rows are now whole)
    repeat_new: bool = False
    ops: list = field(default_factory=list)       # the ops shown (a split/merge: of the joined texts)
    group: list = field(default_factory=list)     # the pairs this row shows


def _lines(ops: list[tuple[str, str]], side: str) -> list[list[Seg]]:
    """The segments one side shows, cut into lines (paragraphs and items)."""
    keep = (EQ, DEL) if side == "old" else (EQ, INS)
    lines: list[list[Seg]] = [[]]
    for k, t in ops:
        if k not in keep:
            continue
        parts = t.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                lines[-1].append((k, part))
    return [l for l in lines if l] or [[]]


def _prefix(lines: list[list[Seg]], label: str | None) -> list[list[Seg]]:
    if label:
        lines = [list(l) for l in lines]
        lines[0] = [(LABEL, label), (EQ, "　")] + lines[0]
    return lines


def heads(cmp: Comparison, plain: bool = False) -> tuple[str, str]:
    """Column heads: 修改前 / 修改后, with version label, status and date when known."""
    out = []
    same = (cmp.old_doc.title or "") == (cmp.new_doc.title or "")
    for word, d in (("修改前", doc_info(cmp.old_doc)), ("修改后", doc_info(cmp.new_doc))):
        if not same and d.get("title"):
            word = d["title"]         # two different regulations: name them
        bits = []
        for k in ("label", "status", "date"):
            v = d.get(k)
            if v and str(v) not in bits:
                bits.append(str(v))
        out.append(word if plain or not bits else f"{word}（{'，'.join(bits)}）")
    return out[0], out[1]


def _groups(cmp: Comparison) -> dict[int, list[int]]:
    """Split/merged pairs joined into components (one old → several new, several old → one new,
    or both); maps the index of a component's first pair to the indexes of all its pairs."""
    parent = list(range(len(cmp.pairs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    by_old, by_new = {}, {}
    for i, p in enumerate(cmp.pairs):
        if p.status not in ("split", "merged"):
            continue
        for key, table in ((p.old.eid, by_old), (p.new.eid, by_new)):
            if key in table:
                parent[find(i)] = find(table[key])
            else:
                table[key] = i
    comps: dict[int, list[int]] = {}
    for i, p in enumerate(cmp.pairs):
        if p.status in ("split", "merged"):
            comps.setdefault(find(i), []).append(i)
    out = {}
    for v in comps.values():
        olds = {cmp.pairs[i].old.eid for i in v}
        news = {cmp.pairs[i].new.eid for i in v}
        if len(olds) == 1 or len(news) == 1:      # a pure split or a pure merge: one row
            out[min(v)] = sorted(v)
    return out          # tangled (several → several): shown pair by pair


def _cut(ops, side: str, parts: list[tuple[str, str]]) -> list[list[Seg]]:
    """One side of the ops of joined texts, cut back into its articles, each line-split and
    prefixed with its label.  ``parts`` = [(label, text)] in the order they were joined by \n."""
    keep = (EQ, DEL) if side == "old" else (EQ, INS)
    segs = [(k, t) for k, t in ops if k in keep]
    bounds, pos = [], 0
    for _, t in parts:
        pos += len(t)
        bounds.append(pos)
        pos += 1                       # the joining newline
    out: list[list[Seg]] = []
    cur: list[tuple[str, str]] = []
    part, pos = 0, 0
    for k, t in segs:
        i = 0
        while i < len(t):
            if part < len(parts) and pos == bounds[part]:
                # the joining newline between two articles
                out += _prefix(_lines(cur, side), parts[part][0])
                cur = []
                part += 1
                pos += 1
                i += 1
                continue
            end = bounds[part] if part < len(parts) else pos + (len(t) - i)
            take = min(len(t) - i, end - pos)
            cur.append((k, t[i:i + take]))
            pos += take
            i += take
    if part < len(parts):
        out += _prefix(_lines(cur, side), parts[part][0])
    return out


def rows(cmp: Comparison, changed_only: bool = False, headings: bool = True) -> list[Row]:
    """The table's rows: headings where they start, then one row per aligned article; a split
    or merge (one old article → several new, or several → one) is one row, diffed as a whole.
    Computed once per comparison and options (every renderer uses them)."""
    cache = cmp.__dict__.setdefault("_rows_cache", {})
    key = (changed_only, headings)
    if key not in cache:
        cache[key] = _rows(cmp, changed_only, headings)
    return cache[key]


def _rows(cmp: Comparison, changed_only: bool, headings: bool) -> list[Row]:
    from kb.compare.diff import char_ops

    out: list[Row] = []
    h_new = {h.new: h for h in cmp.alignment.headings if h.new is not None}
    h_old_deleted = {h.old: h for h in cmp.alignment.headings if h.new is None}
    seen_heads: set = set()
    groups = _groups(cmp)
    in_group = {i for v in groups.values() for i in v}
    for i, p in enumerate(cmp.pairs):
        if i in in_group and i not in groups:
            continue
        if headings:
            for node, side in ((p.new, "new"), (p.old, "old")):
                if node is None:
                    continue
                chain = []
                a = node.parent
                while a is not None and a.kind != "document":
                    chain.append(a)
                    a = a.parent
                for hnode in reversed(chain):
                    if hnode in seen_heads:
                        continue
                    h = h_new.get(hnode) if side == "new" else h_old_deleted.get(hnode)
                    if h is None:
                        continue
                    seen_heads.add(hnode)
                    if h.old is not None:
                        seen_heads.add(h.old)
                    out.append(_heading_row(h))
        if i in groups:
            members = [cmp.pairs[j] for j in groups[i]]
            olds = sorted({q.old.eid: q for q in members}.values(), key=lambda q: q.old.start)
            news = sorted({q.new.eid: q for q in members}.values(), key=lambda q: q.new.start)
            op = [(q.old_label, q.old_text) for q in olds]
            np_ = [(q.new_label, q.new_text) for q in news]
            ops = char_ops("\n".join(t for _, t in op), "\n".join(t for _, t in np_))
            status = "split" if len(olds) == 1 else "merged" if len(news) == 1 else "split"
            r = Row("article", status, _cut(ops, "old", op), _cut(ops, "new", np_),
                    "、".join(l for l, _ in op), "、".join(l for l, _ in np_), p)
            r.ops = ops
            r.group = members
            out.append(r)
            continue
        if changed_only and p.status == "unchanged" and not p.renumbered:
            continue
        if p.status == "unchanged":     # (may differ in spacing or full/half-width forms only)
            old = _prefix(_lines([(EQ, p.old_text)], "old"), p.old_label)
            new = _prefix(_lines([(EQ, p.new_text)], "new"), p.new_label)
        else:
            old = _prefix(_lines(p.ops, "old"), p.old_label) if p.old is not None else None
            new = _prefix(_lines(p.ops, "new"), p.new_label) if p.new is not None else None
        r = Row("article", p.status, old, new, p.old_label, p.new_label, p)
        r.ops = p.ops
        r.group = [p]
        out.append(r)
    return out


def _heading_row(h) -> Row:
    from kb.compare.diff import char_ops

    def text(n):
        return f"{n.label}　{n.title}" if n is not None and n.title else (n.label if n is not None else "")
    ops = char_ops(text(h.old), text(h.new))
    old = _lines(ops, "old") if h.old is not None else None
    new = _lines(ops, "new") if h.new is not None else None
    return Row("heading", h.status, old, new, h.old.label if h.old else None, h.new.label if h.new else None)


# ---------------------------------------------------------------- terminal

def terminal(cmp: Comparison, color: bool = True, changed_only: bool = True) -> str:
    import click

    def st(t, **kw):
        return click.style(t, **kw) if color else t

    s = cmp.summary
    o, n = heads(cmp)
    lines = [st(f"{o} → {n}", bold=True), summary_text(cmp), ""]
    only: dict[str, list[str]] = {"old": [], "new": []}
    for r in rows(cmp, changed_only=changed_only, headings=cmp.alignment.related):
        if not cmp.alignment.related and (r.old is None or r.new is None):
            continue              # unrelated texts: list only what corresponds
        if not same_regulation(cmp) and r.kind == "article" and (r.old is None or r.new is None):
            # two regulations: an article without counterpart is named, not printed whole
            only["new" if r.old is None else "old"].append(r.pair.new if r.old is None else r.pair.old)
            continue
        if r.kind == "heading":
            if r.status != "unchanged":
                lines.append(st(_plain(r.old) if r.old else "—", dim=True) + " → " +
                             st(_plain(r.new) if r.new else f"（{empty_word(cmp, 'new')}）", bold=True)
                             + f"  [{HEADING_ZH.get(r.status) if same_regulation(cmp) and r.status in HEADING_ZH else status_zh(cmp, r.status)}]")
            continue
        p = r.pair
        tag = status_zh(cmp, r.status)
        extra = []
        if same_regulation(cmp) and any(q.renumbered for q in r.group):
            extra.append("条号变动")
        if same_regulation(cmp) and any(q.moved for q in r.group):
            extra.append("移至他章")
        head = f"{r.old_label or '—'} → {r.new_label or '—'}  [{tag}{'，' + '，'.join(extra) if extra else ''}]"
        if p.old is not None and p.new is not None:
            sims = "、".join(f"{q.similarity:.2f}" for q in r.group)
            head += f"  相似度 {sims}"
        lines.append(st(head, bold=True))
        if r.status == "unchanged":
            lines.append("")
            continue
        buf = []
        for k, t in r.ops:
            if k == EQ:
                buf.append(t)
            elif k == DEL:
                buf.append(st(t, fg="red", strikethrough=True) if color else f"[-{t}-]")
            else:
                buf.append(st(t, fg="green", bold=True, underline=True) if color else f"{{+{t}+}}")
        lines.append("  " + "".join(buf).replace("\n", "\n  "))
        lines.append("")
    for side, doc in (("old", cmp.old_doc), ("new", cmp.new_doc)):
        if only[side]:
            order = {a.eid: i for i, a in enumerate(doc.articles)}
            labels = [a.label for a in sorted(only[side], key=lambda a: order.get(a.eid, 0))]
            lines.append(st(f"{doc.title or ('旧文本' if side == 'old' else '新文本')}中没有对应条文的"
                            f"（{len(labels)} 条）：", bold=True) + "、".join(labels))
    if any(only.values()):
        lines.append("")
    if cmp.references:
        lines.append(st("需要检查的引用：", bold=True))
        for f in cmp.references:
            lines.append(f"  {f['article']} 中的“{f['text']}”：{f['message']}")
    if cmp.alignment.related and cmp.pairs and all(p.status == "unchanged" and not p.renumbered
                                                   for p in cmp.pairs) \
            and all(h.status == "unchanged" for h in cmp.alignment.headings):
        lines.append("两个文本的条文完全相同，没有修改。")
    return "\n".join(lines).rstrip() + "\n"


def summary_text(cmp: Comparison) -> str:
    s = cmp.summary
    if not s.get("related", True):
        pairs = [p for p in cmp.pairs if p.old is not None and p.new is not None]
        if not pairs:
            return (f"两个文本没有对应的条文（旧 {s['old_articles']} 条，新 {s['new_articles']} 条）："
                    "内容互不相关，未强行配对。")
        return (f"两个文本大部分条文没有对应（旧 {s['old_articles']} 条，新 {s['new_articles']} 条）：只有 "
                f"{len(pairs)} 对条文相近（" +
                "，".join(f"{p.old_label}≈{p.new_label} {p.similarity:.2f}" for p in pairs[:8]) +
                "）；其余条文没有对应，未强行配对。")
    if not same_regulation(cmp):
        return _cross_summary(cmp)
    parts = [f"旧 {s['old_articles']} 条，新 {s['new_articles']} 条",
             f"未修改 {s['unchanged']}", f"修改 {s['modified']}", f"新增 {s['added']}",
             f"删除 {s['deleted']}", f"拆分 {s['split']}", f"合并 {s['merged']}",
             f"条号变动 {s['renumbered']}", f"移至他章 {s['moved']}"]
    out = "；".join(parts[:1]) + "：" + "，".join(parts[1:]) + "。"
    if s["renumberings"]:
        out += f"\n条号变动（{len(s['renumberings'])} 处）：" + "，".join(renumbering_runs(cmp))
    if cmp.references:
        out += f"\n需要检查的引用：{len(cmp.references)} 处"
    return out


def renumbering_runs(cmp: Comparison, min_run: int = 3) -> list[str]:
    """The renumberings old → new, every one of them, with runs of consecutive articles that
    moved together written as one range (第十一条至第十七条→第二十二条至第二十八条)."""
    ren = [p for p in cmp.pairs if p.old is not None and p.new is not None and p.renumbered]
    seen, uniq = set(), []
    for p in ren:
        if (p.old.eid, p.new.eid) not in seen:
            seen.add((p.old.eid, p.new.eid))
            uniq.append(p)
    runs: list[list] = []
    for p in uniq:
        last = runs[-1][-1] if runs else None
        if (last is not None and isinstance(p.old.number, int) and isinstance(last.old.number, int)
                and isinstance(p.new.number, int) and isinstance(last.new.number, int)
                and p.old.number == last.old.number + 1 and p.new.number == last.new.number + 1):
            runs[-1].append(p)
        else:
            runs.append([p])
    out = []
    for r in runs:
        if len(r) >= min_run:
            out.append(f"{r[0].old_label}至{r[-1].old_label}→{r[0].new_label}至{r[-1].new_label}")
        else:
            out += [f"{p.old_label}→{p.new_label}" for p in r]
    return out


def _cross_summary(cmp: Comparison) -> str:
    """Two different regulations: which articles correspond and how closely."""
    s = cmp.summary
    to, tn = cmp.old_doc.title or "旧文本", cmp.new_doc.title or "新文本"
    paired = [p for p in cmp.pairs if p.old is not None and p.new is not None]
    k_old, k_new = len({p.old.eid for p in paired}), len({p.new.eid for p in paired})
    bands = [sum(1 for p in paired if p.similarity >= .8), sum(1 for p in paired if .5 <= p.similarity < .8),
             sum(1 for p in paired if p.similarity < .5)]
    out = (f"两部法规的条文对应：{to} {s['old_articles']} 条中有 {k_old} 条、{tn} {s['new_articles']} 条中有 "
           f"{k_new} 条在对方有对应条文，共 {len(paired)} 对，平均相似度 {s['mean_similarity']:.2f}"
           f"（高度相近 ≥0.80：{bands[0]} 对，部分相近 0.50–0.80：{bands[1]} 对，略有相近 <0.50：{bands[2]} 对）；"
           f"{to}另有 {s['old_articles'] - k_old} 条、{tn}另有 {s['new_articles'] - k_new} 条没有对应。")
    if paired:
        out += "\n对应条文（相似度）：" + "，".join(f"{p.old_label}≈{p.new_label} {p.similarity:.2f}" for p in paired)
    return out


def _plain(lines) -> str:
    return "\n".join("".join(t for _, t in l) for l in lines) if lines else ""


#: how HTML and Markdown mark deletions, insertions and article labels ({} is the escaped text)
_HTML_MARKS = {DEL: "<del>{}</del>", INS: "<ins>{}</ins>", LABEL: '<b class="kb-label">{}</b>'}
_MD_MARKS = {DEL: "~~{}~~", INS: "**<u>{}</u>**", LABEL: "**{}**"}


def _marked_lines(lines, escape, marks: dict) -> list[str]:
    """Each line of segments as marked-up text: escape every piece, wrap it by its kind."""
    return ["".join(marks.get(k, "{}").format(escape(t)) for k, t in l) for l in lines]


# ---------------------------------------------------------------- HTML

def _html_cell(lines: list[list[Seg]] | None, side: str, status: str, repeat: bool, word: str | None = None) -> str:
    if lines is None:
        word = word or ("新增" if side == "old" else "删除")
        return f'<td class="kb-empty">（{word}）</td>'
    if repeat:
        return '<td class="kb-repeat">（同上）</td>'
    ps = _marked_lines(lines, html.escape, _HTML_MARKS)
    return f"<td>{''.join(f'<p>{p}</p>' for p in ps)}</td>"


def html_table(cmp: Comparison, notes_column: bool = False, changed_only: bool = False) -> str:
    """The 对照表 as an HTML fragment (escaped): a <table class="kb-diff"> and the legend."""
    ho, hn = heads(cmp)
    out = [f'<div class="kb-diff-summary">{html.escape(summary_text(cmp)).replace(chr(10), "<br>")}</div>',
           '<table class="kb-diff">', "<thead><tr>",
           f"<th>{html.escape(ho)}</th><th>{html.escape(hn)}</th>"]
    if notes_column:
        out.append(f"<th>{NOTES_HEAD}</th>")
    out.append("</tr></thead><tbody>")
    for r in rows(cmp, changed_only=changed_only):
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


def html_page(cmp: Comparison, notes_column: bool = False, changed_only: bool = False) -> str:
    title = table_title(cmp)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>\n"
            f"<h1>{html.escape(title)}</h1>\n{html_table(cmp, notes_column, changed_only)}\n</body></html>\n")


# ---------------------------------------------------------------- Markdown

def _md_escape(t: str) -> str:
    return (t.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
            .replace("~", "\\~").replace("<", "&lt;").replace(">", "&gt;"))


def _md_cell(lines, side, repeat, word: str | None = None) -> str:
    if lines is None:
        return f"（{word or ('新增' if side == 'old' else '删除')}）"
    if repeat:
        return "（同上）"
    return "<br>".join(_marked_lines(lines, _md_escape, _MD_MARKS))


def markdown(cmp: Comparison, notes_column: bool = False, changed_only: bool = False) -> str:
    ho, hn = heads(cmp)
    title = table_title(cmp)
    cols = [ho, hn] + ([NOTES_HEAD] if notes_column else [])
    out = [f"# {_md_escape(title)}", "", summary_text(cmp).replace("\n", "\n\n"), "",
           "| " + " | ".join(_md_escape(c) for c in cols) + " |",
           "|" + "---|" * len(cols)]
    for r in rows(cmp, changed_only=changed_only):
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


# ---------------------------------------------------------------- DOCX

def docx_bytes(cmp: Comparison, notes_column: bool = False, changed_only: bool = False) -> bytes:
    """A Word document with the 对照表 as a real table (python-docx)."""
    import io

    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Cm, Pt

    d = Docx()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)       # A4 (python-docx's template is Letter)
    if notes_column:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Cm(2)
    style = d.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")

    def run_font(run, east="宋体"):
        run.font.name = east
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east)

    title = table_title(cmp)
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(title)
    r.bold = True
    r.font.size = Pt(16)
    run_font(r, "黑体")

    ho, hn = heads(cmp)
    # the table is written as WordprocessingML directly (python-docx's per-cell API is ~20x slower)
    widths = [4815, 4815] if not notes_column else [5950, 5950, 2550]      # twentieths of a point
    heads_text = [ho, hn] + ([NOTES_HEAD] if notes_column else [])
    xml = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
           'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    xml += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    xml.append('</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>')
    for w, t in zip(widths, heads_text):
        xml.append(_tc(w, [[(EQ, t)]], center=True, bold=True, font="黑体"))
    xml.append("</w:tr>")
    for row in rows(cmp, changed_only=changed_only):
        xml.append("<w:tr>")
        for w, lines, side, rep in ((widths[0], row.old, "old", row.repeat_old),
                                    (widths[1], row.new, "new", row.repeat_new)):
            if lines is None:
                xml.append(_tc(w, [[(EQ, empty_word(cmp, side))]], center=True, bold=True,
                               font="黑体", vcenter=True))
            elif rep:
                xml.append(_tc(w, [[(EQ, "（同上）")]], center=True, vcenter=True))
            else:
                heading = row.kind == "heading"
                xml.append(_tc(w, lines, center=heading, bold=heading, font="黑体" if heading else "宋体"))
        if notes_column:
            xml.append(_tc(widths[2], [[]]))
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    tbl = parse_xml("".join(xml))
    lp = d.add_paragraph()
    lp._p.addprevious(tbl)
    lr = lp.add_run(legend(cmp))
    lr.font.size = Pt(9)
    run_font(lr)
    if same_regulation(cmp) and cmp.summary.get("renumberings"):
        rp = d.add_paragraph()
        rr = rp.add_run(f"附：条号变动（{len(cmp.summary['renumberings'])} 处）：" + "，".join(renumbering_runs(cmp)))
        rr.font.size = Pt(9)
        run_font(rr)
    if cmp.references:
        d.add_paragraph().add_run("需要检查的引用：").bold = True
        for f in cmp.references:
            d.add_paragraph(f"{f['article']}中的“{f['text']}”：{f['message']}")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _run_xml(kind: str, text: str, bold=False, font="宋体") -> str:
    from xml.sax.saxutils import escape

    if kind == LABEL:
        font = "黑体"
    pr = [f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>']
    if bold or kind in (INS, LABEL):
        pr.append("<w:b/>")
    if kind == DEL:
        pr.append("<w:strike/>")
    if kind == INS:
        pr.append('<w:u w:val="single"/>')
    t = escape(_XML_BAD.sub("", text))
    return f'<w:r><w:rPr>{"".join(pr)}</w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>'


def _tc(width: int, lines, center=False, bold=False, font="宋体", vcenter=False) -> str:
    out = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
           + ('<w:vAlign w:val="center"/>' if vcenter else "") + "</w:tcPr>"]
    for l in lines or [[]]:
        out.append("<w:p><w:pPr>" + ('<w:jc w:val="center"/>' if center else "") + "</w:pPr>")
        out += [_run_xml(k, t, bold, font) for k, t in l]
        out.append("</w:p>")
    out.append("</w:tc>")
    return "".join(out)


def comparison_html(old_doc: Document, new_doc: Document, notes_column: bool = False) -> str:
    """An escaped HTML fragment (the 新旧对照表) for embedding in a page."""
    return html_table(compare(old_doc, new_doc), notes_column=notes_column)
