"""The redline ``kb diff`` prints: changed articles one after another, with inline marks.

A terminal has no table columns, so it shows each changed article once with deletions and
insertions inline (coloured, or [-…-] and {+…+} without colour).
"""
from __future__ import annotations

from kb.compare.diff import Comparison
from kb.compare.ops import DEL, EQ
from kb.compare.render.summary import summary_text
from kb.compare.render.table import HEADING_ZH, Row, empty_word, heads, plain, rows, same_regulation, status_zh
from kb.outputs.screen import style


def terminal(cmp: Comparison, color: bool = True, changed_only: bool = True,
             hide_renumbered: bool = False) -> str:
    """The redline as text for kb.outputs.formats.write_human (emphasis marked with
    kb.outputs.screen.style when ``color``, [-…-] and {+…+} otherwise)."""
    def st(t, **kw):
        return style(t, **kw) if color else t

    o, n = heads(cmp)
    lines = [st(f"{o} → {n}", bold=True), summary_text(cmp), ""]
    only: dict[str, list[str]] = {"old": [], "new": []}
    for r in rows(cmp, changed_only=changed_only, headings=cmp.alignment.related,
                  hide_renumbered=hide_renumbered):
        if not cmp.alignment.related and (r.old is None or r.new is None):
            continue              # unrelated texts: list only what corresponds
        if not same_regulation(cmp) and r.kind == "article" and (r.old is None or r.new is None):
            # two regulations: an article without counterpart is named, not printed whole
            only["new" if r.old is None else "old"].append(r.pair.new if r.old is None else r.pair.old)
            continue
        if r.kind == "heading":
            if r.status != "unchanged":
                lines.append(_heading_line(cmp, r, st))
            continue
        lines += _article_lines(cmp, r, st, color)
    lines += _without_counterpart(cmp, only, st)
    if cmp.references:
        lines.append(st("需要检查的引用：", bold=True))
        for f in cmp.references:
            lines.append(f"  {f['article']} 中的“{f['text']}”：{f['message']}")
    if cmp.alignment.related and cmp.pairs and all(p.status == "unchanged" and not p.renumbered
                                                   for p in cmp.pairs) \
            and all(h.status == "unchanged" for h in cmp.alignment.headings):
        lines.append("两个文本的条文完全相同，没有修改。")
    return "\n".join(lines).rstrip() + "\n"


def _heading_line(cmp: Comparison, r: Row, st) -> str:
    word = HEADING_ZH.get(r.status) if same_regulation(cmp) and r.status in HEADING_ZH else status_zh(cmp, r.status)
    return (st(plain(r.old) if r.old else "—", dim=True) + " → " +
            st(plain(r.new) if r.new else f"（{empty_word(cmp, 'new')}）", bold=True) + f"  [{word}]")


def _article_lines(cmp: Comparison, r: Row, st, color: bool) -> list[str]:
    """A head line (labels, status, similarity), then the text with its changes marked inline."""
    p = r.pair
    tag = status_zh(cmp, r.status)
    extra = []
    if same_regulation(cmp) and any(q.renumbered for q in r.group):
        extra.append("条号变动")
    if same_regulation(cmp):
        extra += sorted({f"移自{q.moved_from}" if q.moved_from else "移至他章" for q in r.group if q.moved})
    head = f"{r.old_label or '—'} → {r.new_label or '—'}  [{tag}{'，' + '，'.join(extra) if extra else ''}]"
    if p.old is not None and p.new is not None:
        sims = "、".join(f"{q.similarity:.2f}" for q in r.group)
        head += f"  相似度 {sims}"
    if r.status == "unchanged":
        return [st(head, bold=True), ""]
    if not r.parts:
        return [st(head, bold=True), "  " + _inline(r.ops, st, color).replace("\n", "\n  "), ""]
    # a split or merge: each part under its own number, diffed against its share of the whole
    lines = [st(head, bold=True)]
    for label, ops in r.parts:
        lines += [st(f"  {label}：", bold=True), "    " + _inline(ops, st, color).replace("\n", "\n    ")]
    return lines + [""]


def _inline(ops, st, color: bool) -> str:
    """Ops as one text with deletions and insertions marked inline."""
    buf = []
    for k, t in ops:
        if k == EQ:
            buf.append(t)
        elif k == DEL:
            buf.append(st(t, fg="red", strikethrough=True) if color else f"[-{t}-]")
        else:
            buf.append(st(t, fg="green", bold=True, underline=True) if color else f"{{+{t}+}}")
    return "".join(buf)


def _without_counterpart(cmp: Comparison, only: dict[str, list], st) -> list[str]:
    """Two regulations: one line per side naming the articles that have no counterpart."""
    lines = []
    for side, doc in (("old", cmp.old_doc), ("new", cmp.new_doc)):
        if only[side]:
            order = {a.eid: i for i, a in enumerate(doc.articles)}
            labels = [a.label for a in sorted(only[side], key=lambda a: order.get(a.eid, 0))]
            lines.append(st(f"{doc.title or ('旧文本' if side == 'old' else '新文本')}中没有对应条文的"
                            f"（{len(labels)} 条）：", bold=True) + "、".join(labels))
    if any(only.values()):
        lines.append("")
    return lines
