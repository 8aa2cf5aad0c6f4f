"""The obligation matrix: actors × (modality | chapter | article).

Rows are actors grouped by kind and level; each cell holds the number of statements and the
list of provisions (第十五条第一款) where they are made.  Renderers: table (a terminal at 100
columns), csv (UTF-8 with BOM), json, md, xlsx (one sheet per view; openpyxl imported lazily).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.layers.actors import KINDS, KIND_NAMES
from kb.layers.obligations import MODALITIES, MODALITY_NAMES

VIEWS = ("modality", "chapter", "article")
VIEW_NAMES = {"modality": "按情态", "chapter": "按章", "article": "按条"}
LEVEL_ORDER = ("市", "县", "乡镇街道", "社区")


@dataclass
class Row:
    actor: str
    kind: str
    level: str | None
    cells: dict[str, list[str]] = field(default_factory=dict)     # column -> provisions

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.cells.values())


@dataclass
class Matrix:
    by: str
    columns: list[str]               # keys
    labels: dict[str, str]           # key -> header
    rows: list[Row]

    def to_dict(self) -> dict:
        return {"by": self.by, "columns": [{"key": c, "label": self.labels[c]} for c in self.columns],
                "rows": [{"actor": r.actor, "kind": r.kind, "kind_label": KIND_NAMES.get(r.kind, r.kind),
                          "level": r.level, "total": r.total,
                          "cells": {c: {"count": len(r.cells.get(c, [])), "provisions": r.cells.get(c, [])}
                                    for c in self.columns}} for r in self.rows]}


def provision_label(s) -> str:
    return s.citation or f"第{s.article}条"


def build(doc, statements=None, by: str = "modality", registry=None) -> Matrix:
    from kb.layers.obligations import _registry_for, extract

    if by not in VIEWS:
        raise ValueError(by)
    reg = _registry_for(doc, registry)
    stmts = [s for s in (statements if statements is not None else extract(doc, reg)) if s.actor]
    if by == "modality":
        columns = [m for m in MODALITIES]
        labels = dict(MODALITY_NAMES)
        key = lambda s: s.modality  # noqa: E731
    elif by == "chapter":
        chap = {}
        columns, labels = [], {}
        for a in doc.articles:
            c = a.ancestor("chapter")
            k = c.eid if c else "none"
            chap[str(a.number)] = k
            if k not in labels:
                columns.append(k)
                labels[k] = (f"{c.label}" + (f" {c.title}" if c.title else "")) if c else "（无章）"
        key = lambda s: chap.get(str(s.article), "none")  # noqa: E731
    else:
        arts = []
        for s in stmts:
            if str(s.article) not in arts:
                arts.append(str(s.article))
        columns = [a for a in (str(x.number) for x in doc.articles) if a in arts]
        labels = {a: doc.get(f"art_{a}").label if doc.get(f"art_{a}") else a for a in columns}
        key = lambda s: str(s.article)  # noqa: E731
    rows: dict[str, Row] = {}
    seen_levels: dict[str, list[str]] = {}
    for s in stmts:
        r = rows.get(s.actor)
        if r is None:
            a = reg.actor(s.actor)
            r = rows[s.actor] = Row(s.actor, a.kind, a.level)
            seen_levels[s.actor] = []
        if not reg.actor(s.actor).level:
            lv = seen_levels[s.actor]
            lv += [x for x in s.levels if x not in lv]
            r.level = "、".join(lv) or None
        label = provision_label(s)
        if by == "modality":
            pass
        cell = r.cells.setdefault(key(s), [])
        if label not in cell:
            cell.append(label)
    if by == "modality":
        # one entry per statement for counts: a provision may hold two modalities of one actor
        pass

    def order(r: Row):
        k = KINDS.index(r.kind) if r.kind in KINDS else len(KINDS)
        lv = r.level or ""
        li = next((i for i, x in enumerate(LEVEL_ORDER) if lv.startswith(x)), len(LEVEL_ORDER))
        return (k, li, -r.total, r.actor)

    return Matrix(by, columns, labels, sorted(rows.values(), key=order))


def _short(provisions: list[str]) -> str:
    """第四条第一款、第四条第二款、第九条 -> 4.1, 4.2, 9"""
    from kb.text.address import parse_address
    out = []
    for p in provisions:
        try:
            a, para, item, _ = parse_address(p)
            out.append(".".join(str(x) for x in (a, para, item) if x is not None))
        except Exception:
            out.append(p)
    return ", ".join(out)


def render_table(m: Matrix, width: int = 100) -> str:
    """Readable at ``width`` columns: a grid of counts, then where each actor's provisions are."""
    from kb.outputs.formats import clip, pad, width as w

    name_w = min(24, max([w(r.actor) for r in m.rows] + [4]))
    lines = []
    if m.by == "modality":
        col_w = 6
        # the level column takes what the counts leave of the width (市、县（市、区） needs 16)
        room = width - name_w - 2 - col_w * len(m.columns) - 6
        level_w = max(6, min(room, max([w(r.level or "") for r in m.rows] + [4]) + 2))
        head = pad("主体", name_w) + "  " + pad("层级", level_w) + "".join(pad(m.labels[c], col_w) for c in m.columns)
        lines.append(head + "合计")
        lines.append("─" * min(width, w(head) + 4))
        kind = None
        for r in m.rows:
            if r.kind != kind:
                kind = r.kind
                lines.append(f"【{KIND_NAMES.get(kind, kind)}】")
            cells = "".join(pad(str(len(r.cells.get(c, []))) if r.cells.get(c) else "·", col_w) for c in m.columns)
            lines.append(pad(clip(r.actor, name_w), name_w) + "  " + pad(clip(r.level or "", level_w - 1), level_w) + cells +
                         str(r.total))
        lines.append("")
    lines.append("各主体的条款（条.款.项）：")
    kind = None
    for r in m.rows:
        if r.kind != kind:
            kind = r.kind
            lines.append(f"【{KIND_NAMES.get(kind, kind)}】")
        lines.append(f"  {r.actor}" + (f"（{r.level}）" if r.level else "") + f"  共 {r.total}")
        for c in m.columns:
            prov = r.cells.get(c)
            if not prov:
                continue
            text = f"    {m.labels[c]} {len(prov)}：{_short(prov)}"
            lines += _wrap(text, width, "      ")
    return "\n".join(lines)


def _wrap(text: str, width: int, indent: str) -> list[str]:
    """Wrap at spaces by display width, keeping the first line's leading spaces."""
    from kb.outputs.formats import width as w
    lead = text[:len(text) - len(text.lstrip(" "))]
    out, cur = [], lead
    for tok in text.strip(" ").split(" "):
        cand = cur + (" " if cur.strip() else "") + tok
        if w(cand) > width and cur.strip():
            out.append(cur)
            cur = indent + tok
        else:
            cur = cand
    if cur.strip():
        out.append(cur)
    return out


def render_csv(m: Matrix) -> str:
    from kb.outputs.formats import to_csv
    headers = ["主体", "类别", "层级"] + [m.labels[c] for c in m.columns] + ["合计"]
    rows = []
    for r in m.rows:
        rows.append([r.actor, KIND_NAMES.get(r.kind, r.kind), r.level or ""] +
                    [(f"{len(r.cells[c])}：" + "、".join(r.cells[c])) if r.cells.get(c) else "" for c in m.columns] +
                    [r.total])
    return to_csv(headers, rows)


def render_md(m: Matrix) -> str:
    def esc(s: str) -> str:
        return s.replace("|", "\\|")
    out = [f"| 主体 | 类别 | 层级 | " + " | ".join(esc(m.labels[c]) for c in m.columns) + " | 合计 |",
           "|" + "---|" * (len(m.columns) + 4)]
    for r in m.rows:
        cells = [(f"{len(r.cells[c])}<br>" + "、".join(r.cells[c])) if r.cells.get(c) else "" for c in m.columns]
        out.append(f"| {esc(r.actor)} | {KIND_NAMES.get(r.kind, r.kind)} | {r.level or ''} | " +
                   " | ".join(cells) + f" | {r.total} |")
    return "\n".join(out) + "\n"


def render_xlsx(doc, registry=None, statements=None) -> bytes:
    """A workbook with one sheet per view (按情态, 按章, 按条) and a sheet listing every statement.

    Written row by row (openpyxl's write-only mode, streamed to the file): a cell is a plain
    value unless it needs a style (the header, a cell listing several provisions on lines of
    its own), and those share three style objects made once."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from kb.outputs.formats import xlsx_row

    from kb.layers.obligations import _registry_for, extract
    reg = _registry_for(doc, registry)
    stmts = statements if statements is not None else extract(doc, reg)
    wb = Workbook(write_only=True)
    head = {"font": Font(bold=True), "fill": PatternFill("solid", fgColor="DDEBF7")}
    wrap = {"alignment": Alignment(wrap_text=True, vertical="top")}
    for view in VIEWS:
        m = build(doc, stmts, view, reg)
        ws = wb.create_sheet(VIEW_NAMES[view])
        ws.column_dimensions["A"].width = 24
        ws.freeze_panes = "D2"
        ws.append(xlsx_row(ws, ["主体", "类别", "层级"] + [m.labels[c] for c in m.columns] + ["合计"], head))
        for r in m.rows:
            cells = [(f"{len(r.cells[c])}\n" + "\n".join(r.cells[c])) if r.cells.get(c) else None for c in m.columns]
            ws.append(xlsx_row(ws, [r.actor, KIND_NAMES.get(r.kind, r.kind), r.level or ""], None)
                      + xlsx_row(ws, cells, wrap) + [r.total])
    ws = wb.create_sheet("全部条款")
    ws.append(xlsx_row(ws, ["条", "款", "项", "出处", "主体", "情态", "明示", "行为", "期限", "数量"], head))
    for s in stmts:
        ws.append(xlsx_row(ws, [str(s.article), s.paragraph, s.item, s.citation, s.actor,
                                MODALITY_NAMES.get(s.modality), "是" if s.explicit else "否", s.action, s.deadline,
                                s.quantity], None))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
