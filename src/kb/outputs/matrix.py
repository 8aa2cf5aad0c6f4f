"""The obligation matrix: actors × (modality | chapter | article).

Rows are actors grouped by kind and level; each cell holds the provisions (规定) of that actor in that
column (one per duty record, a list's lead-in and the items it carries counted once: kb.outputs.duties)
and the provisions (第十五条第一款) that state them, in article order; every format says which number is
which and names the column's unit (12 项义务（11 个条款）, 1 项禁止（1 个条款）, 3 项规定 by chapter).
Statements without an actor are nobody's duty and stay out.
Renderers: table (a grid at the terminal's width, never cutting an actor's name, then where each
actor's provisions are), csv (UTF-8 with BOM), json, md, xlsx (numbers in the cells, the provisions in
each cell's note and on a sheet of their own; written by kb.outputs.xlsx).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.layers.actors import KINDS, KIND_NAMES
from kb.layers.obligations import MODALITIES, MODALITY_NAMES
from kb.outputs.duties import counted, leads, reading, unit
from kb.text.numerals import number_key

VIEWS = ("modality", "chapter", "article")
#: the most columns a sheet of an Excel workbook holds
XLSX_MAX_COLUMNS = 16_384
VIEW_NAMES = {"modality": "按情态", "chapter": "按章", "article": "按条"}
LEVEL_ORDER = ("市", "县", "乡镇街道", "社区")


@dataclass
class Row:
    actor: str
    kind: str
    level: str | None
    counts: dict[str, int] = field(default_factory=dict)          # column -> provisions (规定)
    cells: dict[str, list[str]] = field(default_factory=dict)     # column -> provisions, in article order

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Matrix:
    by: str
    columns: list[str]               # keys
    labels: dict[str, str]           # key -> header
    rows: list[Row]
    short: dict[str, str] = field(default_factory=dict)     # key -> a grid header (第一章, 13)

    def to_dict(self) -> dict:
        return {"by": self.by, "columns": [{"key": c, "label": self.labels[c], "unit": self.unit(c)}
                                          for c in self.columns],
                "rows": [{"actor": r.actor, "kind": r.kind, "kind_label": KIND_NAMES.get(r.kind, r.kind),
                          "level": r.level, "total": r.total,
                          "cells": {c: {"count": r.counts.get(c, 0), "provisions": r.cells.get(c, [])}
                                    for c in self.columns}} for r in self.rows]}


    def unit(self, column: str) -> str:
        """What a count in ``column`` counts: 项禁止 in the 禁止 column, 项规定 in a chapter's or article's."""
        return unit(column if self.by == "modality" else None)


def cell_count(n: int, provisions: list[str], what: str = "项规定") -> str:
    """What a cell counts, said: 12 项义务（11 个条款） -- two duties may share one provision (第三十条第一款),
    so the count and the provisions listed differ."""
    return f"{n} {what}（{len(provisions)} 个条款）"


def provision_label(s) -> str:
    return s.citation or f"第{s.article}条"


def _provision_key(s) -> tuple:
    return (number_key(s.article), s.paragraph or 0, s.item or 0)


def build(doc, statements=None, by: str = "modality", registry=None, carried: dict | None = None) -> Matrix:
    """The matrix of doc's statements by ``by``; ``carried``: kb.outputs.duties.leads of the statements
    when the caller has it (made here otherwise)."""
    from kb.layers.obligations import _registry_for, extract

    if by not in VIEWS:
        raise ValueError(by)
    reg = _registry_for(doc, registry)
    # a list's items are counted with their lead-in, which stands for them (kb.outputs.duties)
    stmts = counted([s for s in (statements if statements is not None else extract(doc, reg)) if s.actor], carried)
    short: dict[str, str] = {}
    if by == "modality":
        columns = list(MODALITIES)
        labels = dict(MODALITY_NAMES)
        short = dict(MODALITY_NAMES)
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
                short[k] = c.label if c else "无章"
        key = lambda s: chap.get(str(s.article), "none")  # noqa: E731
    else:
        arts = {str(s.article) for s in stmts}
        columns = [a for a in (str(x.number) for x in doc.articles) if a in arts]
        labels = {a: doc.get(f"art_{a}").label if doc.get(f"art_{a}") else a for a in columns}
        short = {a: a for a in columns}
        key = lambda s: str(s.article)  # noqa: E731
    rows: dict[str, Row] = {}
    seen_levels: dict[str, list[str]] = {}
    listed: set = set()
    for s in sorted(stmts, key=_provision_key):
        r = rows.get(s.actor)
        if r is None:
            a = reg.actor(s.actor)
            r = rows[s.actor] = Row(s.actor, a.kind, a.level)
            seen_levels[s.actor] = []
        if not reg.actor(s.actor).level:
            lv = seen_levels[s.actor]
            lv += [x for x in s.levels if x not in lv]
            r.level = "、".join(lv) or None
        k = key(s)
        r.counts[k] = r.counts.get(k, 0) + 1
        cell = r.cells.setdefault(k, [])
        label = provision_label(s)
        if (s.actor, k, label) not in listed:      # a set: a cell may list thousands of provisions
            listed.add((s.actor, k, label))
            cell.append(label)

    def order(r: Row):
        k = KINDS.index(r.kind) if r.kind in KINDS else len(KINDS)
        lv = r.level or ""
        li = next((i for i, x in enumerate(LEVEL_ORDER) if lv.startswith(x)), len(LEVEL_ORDER))
        return (k, li, -r.total, r.actor)

    return Matrix(by, columns, labels, sorted(rows.values(), key=order), short)


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


def render_grid(m: Matrix, width: int | None = None) -> str:
    """The counts as a grid at ``width`` columns (default: the terminal's): the actor's name is never
    cut; when the columns do not fit, they are printed in blocks, each repeating the actors."""
    from kb.outputs.formats import pad, terminal_width
    from kb.outputs.formats import width as w

    width = width or terminal_width()
    name_w = max([w(r.actor) for r in m.rows] + [4])
    level_w = max([w(r.level or "") for r in m.rows] + [4]) + 2 if m.by == "modality" else 0
    heads = [m.short.get(c, c) for c in m.columns]
    col_w = max([w(h) for h in heads] + [len(str(r.counts.get(c, 0))) for r in m.rows for c in m.columns] + [2]) + 2
    fixed = name_w + 2 + level_w
    per_block = max(1, (width - fixed - 6) // col_w)
    blocks = [list(range(i, min(i + per_block, len(m.columns)))) for i in range(0, len(m.columns), per_block)]
    lines: list[str] = []
    for n, block in enumerate(blocks):
        last = n == len(blocks) - 1
        head = pad("主体", name_w) + "  " + (pad("层级", level_w) if level_w else "") + \
            "".join(pad(heads[c], col_w) for c in block) + ("合计" if last else "")
        lines += [head.rstrip(), "─" * min(width, w(head))]
        kind = None
        for r in m.rows:
            if r.kind != kind:
                kind = r.kind
                lines.append(f"【{KIND_NAMES.get(kind, kind)}】")
            cells = "".join(pad(str(r.counts[m.columns[c]]) if r.counts.get(m.columns[c]) else "·", col_w)
                            for c in block)
            lines.append((pad(r.actor, name_w) + "  " + (pad(r.level or "", level_w) if level_w else "") + cells +
                          (str(r.total) if last else "")).rstrip())
        lines.append("")
    if m.by == "chapter":           # what the short headers stand for
        lines += _wrap(" ".join(f"{m.labels[c]}；" for c in m.columns).rstrip("；"), width, "")
        lines.append("")
    return "\n".join(lines)


def render_table(m: Matrix, width: int | None = None) -> str:
    """Readable at ``width`` columns (default: the terminal's): the grid of counts, then where each
    actor's provisions are."""
    from kb.outputs.formats import terminal_width

    width = width or terminal_width()
    lines = [render_grid(m, width), *_wrap(GRID_NOTE, width, ""), "", "各主体的条款（条.款.项）："]
    kind = None
    for r in m.rows:
        if r.kind != kind:
            kind = r.kind
            lines.append(f"【{KIND_NAMES.get(kind, kind)}】")
        lines.append(f"  {r.actor}" + (f"（{r.level}）" if r.level else "") + f"  共 {r.total} 项规定")
        for c in m.columns:
            prov = r.cells.get(c)
            if not prov:
                continue
            text = f"    {m.labels[c]} {cell_count(r.counts[c], prov, m.unit(c))}：{_short(prov)}"
            lines += _wrap(text, width, "      ")
    return "\n".join(lines)


#: under the grid: what its numbers count
GRID_NOTE = "格中的数字是规定的项数（一个条款可含几项规定）； 列举的各项与其引语合为一项"


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
                    [(f"{cell_count(r.counts[c], r.cells[c], m.unit(c))}：" + "、".join(r.cells[c])) if r.cells.get(c) else ""
                     for c in m.columns] +
                    [r.total])
    return to_csv(headers, rows)


def render_md(m: Matrix) -> str:
    def esc(s: str) -> str:
        return s.replace("|", "\\|")
    out = [f"| 主体 | 类别 | 层级 | " + " | ".join(esc(m.labels[c]) for c in m.columns) + " | 合计 |",
           "|" + "---|" * (len(m.columns) + 4)]
    for r in m.rows:
        cells = [(f"{cell_count(r.counts[c], r.cells[c], m.unit(c))}<br>" + "、".join(r.cells[c])) if r.cells.get(c) else ""
                 for c in m.columns]
        out.append(f"| {esc(r.actor)} | {KIND_NAMES.get(r.kind, r.kind)} | {r.level or ''} | " +
                   " | ".join(cells) + f" | {r.total} |")
    return "\n".join(out) + "\n"


def _article_cell(article):
    """The 条 column of a sheet: a number Excel can sort (10-1, 第十条之一, stays as written)."""
    return article if isinstance(article, int) else str(article)


def render_xlsx(doc, registry=None, statements=None, carried: dict | None = None) -> bytes:
    """A workbook with one sheet per view (按情态, 按章, 按条): each cell the number of duties (sortable,
    summable), its provisions in the cell's note; a sheet listing the provisions of every cell
    (条款明细) and one listing every duty (全部条款, the 条/款/项 columns numbers).

    Written as SpreadsheetML directly (kb.outputs.xlsx): no cell or style objects.  ``carried``: kb.outputs.duties.leads
    of the statements when the caller has it; made once here otherwise, for every view."""
    from kb.layers.obligations import _registry_for, extract
    from kb.outputs.xlsx import Noted, Sheet, workbook

    reg = _registry_for(doc, registry)
    stmts = statements if statements is not None else extract(doc, reg)
    if carried is None:
        carried = leads(stmts)
    # every view is built and measured before any sheet is made: a refusal leaves nothing half-made
    matrices = [(view, build(doc, stmts, view, reg, carried)) for view in VIEWS]
    for view, m in matrices:
        if len(m.columns) + 4 > XLSX_MAX_COLUMNS:     # 主体、类别、层级 … 合计
            from kb.errors import KbError
            raise KbError(f"义务矩阵（{VIEW_NAMES[view]}）有 {len(m.columns):,} 列，超过 Excel 一张表 "
                          f"{XLSX_MAX_COLUMNS:,} 列的上限；请改用 CSV（--format csv）", doc.source)
    sheets = []
    detail = Sheet("条款明细")
    detail.append(["视图", "主体", "列", "规定项数", "条款数", "条款"])
    for view, m in matrices:
        ws = Sheet(VIEW_NAMES[view], widths={1: 24}, freeze="D2")
        ws.append(["主体", "类别", "层级"] + [m.labels[c] for c in m.columns] + ["合计"])
        for r in m.rows:
            counts = []
            for c in m.columns:
                n = r.counts.get(c) or None
                if n and r.cells.get(c):
                    provisions = "、".join(r.cells[c])
                    detail.append([VIEW_NAMES[view], r.actor, m.labels[c], n, len(r.cells[c]), provisions])
                    n = Noted(n, f"{cell_count(n, r.cells[c], m.unit(c))}：{provisions}")
                counts.append(n)
            ws.append([r.actor, KIND_NAMES.get(r.kind, r.kind), r.level or ""] + counts + [r.total])
        sheets.append(ws)
    alls = Sheet("全部条款")
    # one row per record; an item a lead-in carries reads with the lead-in's verb and says it is counted there
    alls.append(["条", "款", "项", "分句", "出处", "主体", "情态", "明示", "行为", "期限", "数量", "随引语计入"])
    for s in sorted(stmts, key=_provision_key):
        if not s.actor:
            continue
        lead = carried.get(id(s))
        alls.append([_article_cell(s.article), s.paragraph, s.item, s.clause, s.citation, s.actor,
                     MODALITY_NAMES.get(s.modality), "是" if s.explicit else "否", reading(s, lead), s.deadline,
                     s.quantity, lead.citation if lead else ""])
    return workbook(sheets + [detail, alls])
