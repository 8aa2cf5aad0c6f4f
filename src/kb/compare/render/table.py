"""The rows of the 新旧对照表 and the words around them, shared by every format.

A reader must see the same table whichever format they open, so the rows (which articles sit
side by side, split into lines of marked segments), the column heads, the title, the legend and
the status words are decided here once; a renderer only chooses how a deletion, an insertion or
an article label is marked up (:func:`marked_lines`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.compare.diff import Comparison, Pair, doc_info
from kb.compare.ops import DEL, EQ, INS, char_ops

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
            out += _heading_rows_before(p, h_new, h_old_deleted, seen_heads)
        if i in groups:
            out.append(_group_row(p, [cmp.pairs[j] for j in groups[i]]))
            continue
        if changed_only and p.status == "unchanged" and not p.renumbered:
            continue
        out.append(_pair_row(p))
    return out


def _heading_rows_before(p: Pair, h_new: dict, h_old_deleted: dict, seen_heads: set) -> list[Row]:
    """Rows for the headings (of the new text, or deleted ones of the old) that start at this
    pair's articles and have not been shown yet (``seen_heads`` is updated)."""
    out = []
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
    return out


def _group_row(p: Pair, members: list[Pair]) -> Row:
    """A split or merge as one row: the joined old texts diffed against the joined new texts."""
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
    return r


def _pair_row(p: Pair) -> Row:
    if p.status == "unchanged":     # (may differ in spacing or full/half-width forms only)
        old = _prefix(_lines([(EQ, p.old_text)], "old"), p.old_label)
        new = _prefix(_lines([(EQ, p.new_text)], "new"), p.new_label)
    else:
        old = _prefix(_lines(p.ops, "old"), p.old_label) if p.old is not None else None
        new = _prefix(_lines(p.ops, "new"), p.new_label) if p.new is not None else None
    r = Row("article", p.status, old, new, p.old_label, p.new_label, p)
    r.ops = p.ops
    r.group = [p]
    return r


def _heading_row(h) -> Row:
    def text(n):
        return f"{n.label}　{n.title}" if n is not None and n.title else (n.label if n is not None else "")
    ops = char_ops(text(h.old), text(h.new))
    old = _lines(ops, "old") if h.old is not None else None
    new = _lines(ops, "new") if h.new is not None else None
    return Row("heading", h.status, old, new, h.old.label if h.old else None, h.new.label if h.new else None)


def plain(lines) -> str:
    return "\n".join("".join(t for _, t in l) for l in lines) if lines else ""


def marked_lines(lines, escape, marks: dict) -> list[str]:
    """Each line of segments as marked-up text: escape every piece, wrap it by its kind."""
    return ["".join(marks.get(k, "{}").format(escape(t)) for k, t in l) for l in lines]
