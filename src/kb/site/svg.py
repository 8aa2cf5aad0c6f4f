"""Pictures for the site, as self-contained SVG (no outside fonts or scripts).

Every string placed in the SVG is XML-escaped here.
"""
from __future__ import annotations

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
    # a picture holding links is a group of them: an element marked as an image hides its links
    role = "group" if links else "img"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
           f'role="{role}" aria-label="义务热图" font-family="sans-serif" font-size="13" '
           f'style="min-width:{min(width, 480):.0f}px;max-width:{width * 1.15:.0f}px">']
    for j, c in enumerate(cols):
        x = left + cell * j + cell / 2
        out.append(f'<text x="{x:.1f}" y="{top - 12}" text-anchor="middle" font-size="12">{escape(c)}</text>')
    cells, empty, counts = [], [], []
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
            if not v:
                # an empty cell: one stroke of the grid's path, no element of its own (a regulation
                # naming sixty actors has some four hundred of them)
                empty.append(f"M{x + 1} {y + 1:.1f}h{cell - 2}v{ch - 2:.1f}h-{cell - 2}z")
                continue
            t = v / hi
            # white -> deep blue
            rr, gg, bb = (int(255 - t * (255 - 21)), int(255 - t * (255 - 101)), int(255 - t * (255 - 192)))
            cells.append(f'<rect x="{x + 1}" y="{y + 1:.1f}" width="{cell - 2}" height="{ch - 2:.1f}" '
                         f'fill="#{rr:02x}{gg:02x}{bb:02x}"><title>{label} · {escape(cols[j])}：{v}</title></rect>')
            light = ' fill="#fff"' if t > 0.5 else ""     # on a dark cell
            counts.append(f'<text x="{x + cell / 2}" y="{y + ch / 2 + 4:.1f}"{light}>{v}</text>')
    # the cells' shared attributes once, on their group
    out.append(f'<g fill="#fff" stroke="#ddd">{"".join(cells)}'
               + (f'<path d="{"".join(empty)}"/>' if empty else "") + "</g>")
    out.append(f'<g text-anchor="middle" font-size="12" fill="#333">{"".join(counts)}</g>')
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- readable relation pictures
#
# A layered drawing crossed most of its edges once a regulation named twenty actors.  These two
# pictures do not tangle: the overall one puts every actor that acts on another in a
# left column and every actor acted on in a right column (an actor doing both appears in both),
# ordered to cross as few edges as possible, and colours each edge by the family of its relation;
# the neighbourhood one shows one actor in the middle, who acts on it on the left and whom it acts
# on on the right, each edge labelled with its relations.

#: relation families: (name shown in the legend, colour, relations)
FAMILIES = (
    ("指导、监督", "#c62828", ("指导", "监督", "督促", "查处", "检查", "考核", "管理", "领导", "统筹")),
    ("支持、协助", "#2e7d32", ("支持", "协助", "帮助", "配合", "参与", "保障", "扶持")),
    ("委托", "#1565c0", ("委托", "交由", "授权")),
    ("组织、牵头", "#6a1b9a", ("组织", "牵头", "引导", "动员")),
)
OTHER = ("其他", "#616161")


def family(rel: str) -> tuple[str, str]:
    for name, colour, rels in FAMILIES:
        if rel in rels:
            return name, colour
    return OTHER


def merge_pairs(edges: list[tuple[str, str, str]]) -> dict[tuple[str, str], list[str]]:
    """(from, to) -> relations between them, in order of first appearance; loops dropped."""
    pairs: dict[tuple[str, str], list[str]] = {}
    for f, rel, t in edges:
        if not f or not t or f == t:
            continue
        lst = pairs.setdefault((f, t), [])
        if rel not in lst:
            lst.append(rel)
    return pairs


def _order_columns(pairs) -> tuple[list[str], list[str]]:
    """Left and right columns ordered by repeated barycentre sweeps (few crossings)."""
    left: list[str] = []
    right: list[str] = []
    for f, t in pairs:
        if f not in left:
            left.append(f)
        if t not in right:
            right.append(t)
    deg = {}
    for f, t in pairs:
        deg[f] = deg.get(f, 0) + 1
    left.sort(key=lambda n: -deg[n])

    def sweep(fixed, moving, forward):
        pos = {n: i for i, n in enumerate(fixed)}
        def bary(n):
            xs = [pos[b if forward else a] for a, b in pairs if (a if forward else b) == n]
            return sum(xs) / len(xs) if xs else 0
        key = {n: (bary(n), i) for i, n in enumerate(moving)}
        return sorted(moving, key=lambda n: key[n])

    best, best_x = (left, right), None
    for _ in range(6):
        right = sweep(left, right, False)
        left = sweep(right, left, True)
        x = crossings(pairs, left, right)
        if best_x is None or x < best_x:
            best, best_x = (list(left), list(right)), x
    return best


def crossings(pairs, left: list[str], right: list[str]) -> int:
    """Number of pairs of edges that cross in a two-column drawing."""
    li = {n: i for i, n in enumerate(left)}
    ri = {n: i for i, n in enumerate(right)}
    es = [(li[f], ri[t]) for f, t in pairs]
    return sum(1 for i, (a, b) in enumerate(es) for c, d in es[i + 1:] if (a - c) * (b - d) < 0)


def _box(x, y, w, h, name, links, cls="", fill="#e8f0fe", stroke="#1a5fb4", bold=False):
    weight = ' font-weight="700"' if bold else ""
    box = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h}" rx="6" fill="{fill}" stroke="{stroke}"/>'
           f'<text x="{x + w / 2:.1f}" y="{y + h / 2 + 5:.1f}" text-anchor="middle"{weight}>{escape(name)}</text>')
    return f'<a href="{escape(links[name])}"{cls}>{box}</a>' if name in links else box


def _svg_open(width, height, label, min_width=None):
    """The opening tag: never drawn wider than 1.15× its own size (text stays text-sized on a desktop);
    its natural size in width/height, which the actor page keeps so its two pictures share one scale.
    The boxes are links, so the picture is a group of them, not an image (which would hide them)."""
    style = f' style="{f"min-width:{min_width:.0f}px;" if min_width else ""}max-width:{width * 1.15:.0f}px"'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="{width:.0f}" height="{height:.0f}" role="group" '
            f'aria-label="{escape(label)}" font-family="sans-serif" font-size="14"{style}>')


def _marker(mid, colour):
    return (f'<marker id="{mid}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            f'orient="auto"><path d="M0,0L10,5L0,10z" fill="{colour}"/></marker>')


def flow_svg(edges: list[tuple[str, str, str]], links: dict[str, str] | None = None,
             label: str = "治理关系图") -> str:
    """Every relation as an arrow from a left column (who acts) to a right column (on whom)."""
    links = links or {}
    pairs = merge_pairs(edges)
    if not pairs:
        return ""
    left, right = _order_columns(pairs)
    used = {family(r)[0] for rels in pairs.values() for r in rels}
    legend = [(n, c) for n, c, _ in FAMILIES if n in used] + ([OTHER] if OTHER[0] in used else [])
    row, box_h = 36, 28
    lw = max(_w(n) for n in left) * 14 / 13 + 20
    rw = max(_w(n) for n in right) * 14 / 13 + 20
    gap = 110
    width = lw + gap + rw + 20
    top = 60
    height = top + row * max(len(left), len(right)) + 10
    y0l = top + (row * (max(len(left), len(right)) - len(left))) / 2
    y0r = top + (row * (max(len(left), len(right)) - len(right))) / 2
    yl = {n: y0l + row * i + box_h / 2 for i, n in enumerate(left)}
    yr = {n: y0r + row * i + box_h / 2 for i, n in enumerate(right)}
    x1, x2 = 10 + lw, 10 + lw + gap
    out = [_svg_open(width, height, label),      # fits a phone's width (about 0.7×)
           "<defs>" + "".join(_marker(f"kb-f{i}", c) for i, (_, c) in enumerate(legend)) + "</defs>"]
    out.append(f'<text x="{10 + lw / 2:.1f}" y="18" text-anchor="middle" font-size="12" fill="#555">主体</text>'
               f'<text x="{x2 + rw / 2:.1f}" y="18" text-anchor="middle" font-size="12" fill="#555">对象</text>')
    lx = 10
    for name, colour in legend:
        out.append(f'<line x1="{lx}" y1="40" x2="{lx + 18}" y2="40" stroke="{colour}" stroke-width="2.5"/>'
                   f'<text x="{lx + 22}" y="44" font-size="12" fill="{colour}">{escape(name)}</text>')
        lx += 30 + _w(name) * 12 / 13
    fam_index = {n: i for i, (n, _) in enumerate(legend)}
    for (f, t), rels in pairs.items():
        fam = family(rels[0])
        colour = fam[1]
        ya, yb = yl[f], yr[t]
        c = gap * 0.45
        text = f"{f} {'、'.join(rels)} {t}"
        out.append(f'<path d="M{x1:.1f},{ya:.1f} C{x1 + c:.1f},{ya:.1f} {x2 - c:.1f},{yb:.1f} {x2 - 2:.1f},{yb:.1f}" '
                   f'stroke="{colour}" stroke-width="1.6" fill="none" opacity=".85" '
                   f'marker-end="url(#kb-f{fam_index[fam[0]]})"><title>{escape(text)}</title></path>')
    for n in left:
        out.append(_box(10, yl[n] - box_h / 2, lw, box_h, n, links))
    for n in right:
        out.append(_box(x2, yr[n] - box_h / 2, rw, box_h, n, links))
    out.append("</svg>")
    return "".join(out)


def neighbourhood_svgs(center: str, edges: list[tuple[str, str, str]],
                       links: dict[str, str] | None = None) -> list[str]:
    """Two narrow pictures (each fits a phone): who acts on the actor, and on whom it acts."""
    return [s for s in (neighbourhood_svg(center, edges, links, "in"),
                        neighbourhood_svg(center, edges, links, "out")) if s]


def neighbourhood_svg(center: str, edges: list[tuple[str, str, str]], links: dict[str, str] | None = None,
                      side: str | None = None) -> str:
    """One actor in the middle: who acts on it (left), whom it acts on (right), labelled arrows.
    ``side`` "in" or "out" draws only one of the two halves."""
    links = links or {}
    pairs = merge_pairs(edges)
    inc = [(f, rels) for (f, t), rels in pairs.items() if t == center] if side != "out" else []
    outg = [(t, rels) for (f, t), rels in pairs.items() if f == center] if side != "in" else []
    if not inc and not outg:
        return ""
    row, box_h = 40, 28
    scale = 14 / 13
    lw = max((_w(n) for n, _ in inc), default=0) * scale + 20
    rw = max((_w(n) for n, _ in outg), default=0) * scale + 20
    cw = _w(center) * scale + 28
    lab = lambda rels: "、".join(rels)           # noqa: E731
    gl = max((_w(lab(r)) * 12 / 13 for _, r in inc), default=0) + 40
    gr = max((_w(lab(r)) * 12 / 13 for _, r in outg), default=0) + 40
    n = max(len(inc), len(outg), 1)
    height = 30 + row * n + 10
    xl = 10
    xc = xl + (lw + gl if inc else 0)
    xr = xc + cw + (gr if outg else 0)
    width = xr + (rw if outg else 0) + 10
    cy = 30 + row * n / 2
    what = "作用于" + center + "的主体" if not outg else (center + "作用于的主体" if not inc else center + "的治理关系")
    out = [_svg_open(width, height, what, min_width=min(width, 320)),
           "<defs>" + _marker("kb-n", "#666") + "</defs>"]
    if inc:
        out.append(f'<text x="{xl + lw / 2:.1f}" y="18" text-anchor="middle" font-size="12" fill="#555">'
                   f'作用于{escape(center)}的主体</text>')
    if outg:
        out.append(f'<text x="{xr + rw / 2:.1f}" y="18" text-anchor="middle" font-size="12" fill="#555">'
                   f'{escape(center)}作用于</text>')

    def column(items, x, w, side):
        y0 = 30 + row * (n - len(items)) / 2
        for i, (name, rels) in enumerate(items):
            y = y0 + row * i + (row - box_h) / 2
            ym = y + box_h / 2
            colour = family(rels[0])[1]
            if side == "in":
                a, b = (x + w, ym), (xc, cy)
                tx, anchor = x + w + 6, "start"
            else:
                a, b = (xc + cw, cy), (x, ym)
                tx, anchor = x - 6, "end"
            out.append(f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0] - 1:.1f}" y2="{b[1]:.1f}" stroke="{colour}" '
                       f'stroke-width="1.6" marker-end="url(#kb-n)"/>')
            out.append(f'<text x="{tx:.1f}" y="{ym - 5:.1f}" text-anchor="{anchor}" font-size="12" fill="{colour}" '
                       f'paint-order="stroke" stroke="#fff" stroke-width="3">{escape(lab(rels))}</text>')
            out.append(_box(x, y, w, box_h, name, links))

    column(inc, xl, lw, "in")
    column(outg, xr, rw, "out")
    out.append(_box(xc, cy - box_h / 2, cw, box_h, center, {}, fill="#fff3c4", stroke="#e9a23b", bold=True))
    out.append("</svg>")
    return "".join(out)
