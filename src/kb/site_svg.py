"""Pictures for the site, as self-contained SVG (no outside fonts or scripts).

Every string placed in the SVG is XML-escaped here.
"""
from __future__ import annotations

import math
from html import escape


def _w(s: str) -> float:
    """Rough display width of a label in px at font-size 13 (CJK full width)."""
    return sum(13 if ord(ch) > 0x2E80 else 7.5 for ch in s)


def heatmap_svg(rows: list[str], cols: list[str], grid: list[list[int]], links: list[str] | None = None) -> str:
    """Actors (rows) × chapters (columns), cell shade by count."""
    if not rows or not cols:
        return ""
    left = min(260, max(_w(r) for r in rows) + 16)
    cell, top = 44, 40
    width = left + cell * len(cols) + 10
    height = top + cell * 0.7 * len(rows) + 10
    ch = cell * 0.7
    hi = max((v for row in grid for v in row), default=0) or 1
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'role="img" aria-label="义务热图" font-family="sans-serif" font-size="13">']
    for j, c in enumerate(cols):
        x = left + cell * j + cell / 2
        out.append(f'<text x="{x:.1f}" y="{top - 12}" text-anchor="middle" font-size="11">{escape(c)}</text>')
    for i, r in enumerate(rows):
        y = top + ch * i
        label = escape(r)
        if links and links[i]:
            out.append(f'<a href="{escape(links[i])}"><text x="{left - 8}" y="{y + ch / 2 + 4:.1f}" '
                       f'text-anchor="end" fill="#1a5fb4">{label}</text></a>')
        else:
            out.append(f'<text x="{left - 8}" y="{y + ch / 2 + 4:.1f}" text-anchor="end">{label}</text>')
        for j, v in enumerate(grid[i]):
            x = left + cell * j
            t = v / hi
            # white -> deep blue
            rr, gg, bb = (int(255 - t * (255 - 21)), int(255 - t * (255 - 101)), int(255 - t * (255 - 192)))
            out.append(f'<rect x="{x + 1}" y="{y + 1:.1f}" width="{cell - 2}" height="{ch - 2:.1f}" '
                       f'fill="rgb({rr},{gg},{bb})" stroke="#ddd"><title>{label} · {escape(cols[j])}：{v}</title></rect>')
            if v:
                fill = "#fff" if t > 0.5 else "#333"
                out.append(f'<text x="{x + cell / 2}" y="{y + ch / 2 + 4:.1f}" text-anchor="middle" '
                           f'font-size="12" fill="{fill}">{v}</text>')
    out.append("</svg>")
    return "".join(out)


#: relations that point up the hierarchy (the helper is below the one helped)
UPWARD = ("协助", "配合", "参与", "报告", "反映")


def _ranks(nodes: list[str], edges: list[tuple[str, str, str]]) -> dict[str, int]:
    """Longest-path layering from the nodes nobody points at (cycles broken by visiting order)."""
    succ: dict[str, list[str]] = {n: [] for n in nodes}
    indeg = {n: 0 for n in nodes}
    edges = [(t, r, f) if r in UPWARD else (f, r, t) for f, r, t in edges]
    for f, _, t in edges:
        if f != t and t not in succ[f]:
            succ[f].append(t)
            indeg[t] += 1
    rank = {n: 0 for n in nodes}
    order, queue = [], [n for n in nodes if indeg[n] == 0] or nodes[:1]
    seen = set()
    while queue or len(seen) < len(nodes):
        if not queue:
            queue = [next(n for n in nodes if n not in seen)]
        n = queue.pop(0)
        if n in seen:
            continue
        seen.add(n)
        order.append(n)
        for m in succ[n]:
            if m not in seen:
                rank[m] = max(rank[m], rank[n] + 1)
                indeg[m] -= 1
                if indeg[m] <= 0:
                    queue.append(m)
    return rank


def graph_svg(edges: list[tuple[str, str, str]], links: dict[str, str] | None = None) -> str:
    """Layered drawing of who guides/supports/supervises whom; edge labels are the relations."""
    links = links or {}
    nodes: list[str] = []
    for f, _, t in edges:
        for n in (f, t):
            if n not in nodes:
                nodes.append(n)
    rank = _ranks(nodes, edges)
    by_rank: dict[int, list[str]] = {}
    for n in nodes:
        by_rank.setdefault(rank[n], []).append(n)
    # order each rank by the mean position of its neighbours above (fewer crossings), then
    # at most 4 boxes a row, so the picture stays legible when scaled to a phone
    neighbours: dict[str, set] = {n: set() for n in nodes}
    for f, _, t in edges:
        neighbours[f].add(t)
        neighbours[t].add(f)
    placed: dict[str, float] = {}
    layers: dict[int, list[str]] = {}
    for r in sorted(by_rank):
        lst = by_rank[r]
        if placed:
            def bary(n, lst=lst):
                xs = [placed[m] for m in neighbours[n] if m in placed]
                return sum(xs) / len(xs) if xs else lst.index(n) / max(1, len(lst) - 1)
            lst = sorted(lst, key=bary)
        for k in range(0, len(lst), 4):
            row = lst[k:k + 4]
            for j, n in enumerate(row):
                placed[n] = (j + 0.5) / len(row)
            layers[len(layers)] = row
    box_h, gap_y = 30, 90
    widths = {n: _w(n) + 20 for n in nodes}
    row_w = {r: sum(widths[n] for n in lst) + 24 * (len(lst) - 1) for r, lst in layers.items()}
    width = max(row_w.values()) + 40
    pos = {}
    for r, lst in sorted(layers.items()):
        x = (width - row_w[r]) / 2
        for n in lst:
            pos[n] = (x + widths[n] / 2, 30 + r * gap_y)
            x += widths[n] + 24
    height = 30 + max(layers) * gap_y + box_h + 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
           f'aria-label="治理关系图" font-family="sans-serif" font-size="13">',
           '<defs><marker id="kb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
           'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#777"/></marker></defs>']
    labels: dict[tuple[str, str], list[str]] = {}
    for f, rel, t in edges:
        lst = labels.setdefault((f, t), [])
        if rel not in lst:
            lst.append(rel)
    for (f, t), rels in labels.items():
        if f == t:
            continue
        (x1, y1), (x2, y2) = pos[f], pos[t]
        if y2 > y1:
            y1 += box_h / 2
            y2 -= box_h / 2
        elif y2 < y1:
            y1 -= box_h / 2
            y2 += box_h / 2
        else:
            x1 += math.copysign(widths[f] / 2, x2 - x1)
            x2 -= math.copysign(widths[t] / 2, x2 - x1)
        # a gentle curve: bends right of the direction of travel, so edges in both directions part
        dx, dy = x2 - x1, y2 - y1
        cx, cy = (x1 + x2) / 2 - dy * 0.15, (y1 + y2) / 2 + dx * 0.15
        mx, my = (x1 + 2 * cx + x2) / 4, (y1 + 2 * cy + y2) / 4
        out.append(f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}" stroke="#999" fill="none" '
                   f'marker-end="url(#kb-arrow)"><title>{escape(f)} {escape("、".join(rels))} {escape(t)}</title></path>')
        out.append(f'<text x="{mx:.1f}" y="{my:.1f}" text-anchor="middle" font-size="10" fill="#555" '
                   f'paint-order="stroke" stroke="#fff" stroke-width="3">{escape("、".join(rels))}</text>')
    for n in nodes:
        x, y = pos[n]
        w = widths[n]
        box = (f'<rect x="{x - w / 2:.1f}" y="{y - box_h / 2:.1f}" width="{w:.1f}" height="{box_h}" rx="6" '
               f'fill="#e8f0fe" stroke="#1a5fb4"/><text x="{x:.1f}" y="{y + 4.5:.1f}" text-anchor="middle">'
               f'{escape(n)}</text>')
        out.append(f'<a href="{escape(links[n])}">{box}</a>' if n in links else box)
    out.append("</svg>")
    return "".join(out)
