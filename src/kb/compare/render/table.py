"""The rows of the 新旧对照表 and the words around them, shared by every format.

A reader must see the same table whichever format they open, so the rows (which articles sit
side by side, split into lines of marked segments), the column heads, the title, the legend and
the status words are decided here once; a renderer only chooses how a deletion, an insertion or
an article label is marked up (:func:`marked_lines`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from kb.compare.diff import Comparison, Pair, doc_info, version_label
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


def numbering_note(cmp: Comparison) -> str | None:
    """What a reader of the table must know first when a text is misnumbered (条号重复, 条号不连续 …: the
    parser's warnings, kb parse's lines): the table gives the articles the numbers the text gives them, and
    aligns them by their content, so two rows may carry one number and a renumbering may be the text's error."""
    import os

    said = []
    for side, doc in (("修改前" if same_regulation(cmp) else "左栏", cmp.old_doc),
                      ("修改后" if same_regulation(cmp) else "右栏", cmp.new_doc)):
        issues = [w for w in doc.warnings if w.code.endswith("-number")]
        if issues and not (doc is cmp.new_doc and cmp.new_doc.source == cmp.old_doc.source):
            where = os.path.basename(doc.source or "") or side
            said.append(f"{side}的文本（{where}）编号有误：" + "；".join(
                (f"第 {w.line} 行" if w.line else "") + w.message for w in issues))
    if not said:
        return None
    return ("注意：" + "。".join(said) + "。表中条号照原文列出，条文按内容对齐：同一条号可能出现两次，"
            "“条号变动”也可能出自原文的编号错误。")


Seg = tuple[str, str]          # (equal|delete|insert|label|note, text)
LABEL = "label"                # the article's number (第十条), set in bold as staff do
NOTE = "note"                  # a remark on the article, not its text: （移自第五章）


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
    ops: list = field(default_factory=list)       # the ops shown (a split/merge: of its parts, in order)
    group: list = field(default_factory=list)     # the pairs this row shows
    parts: list = field(default_factory=list)     # a split/merge: [(label of a part, its ops)]
    center: str | None = None  # an entry of a tangled split/merge: the side of its one article, shown
                               # whole; the other side shows each article's share in it


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


def _prefix(lines: list[list[Seg]], label: str | None, note: str | None = None) -> list[list[Seg]]:
    if label:
        lines = [list(l) for l in lines]
        lines[0] = [(LABEL, label)] + ([(NOTE, note)] if note else []) + [(EQ, "　")] + lines[0]
    return lines


def moved_note(p: Pair) -> str | None:
    """（移自第五章） for an article moved from another chapter."""
    return f"（移自{p.moved_from}）" if p.moved and p.moved_from else None


def heads(cmp: Comparison, plain: bool = False) -> tuple[str, str]:
    """Column heads: 修改前 / 修改后, with version label, status and date when known.  A text
    read from a file has no version label: its head names its status (草案修改稿) and date, not
    the file; the file name appears only when the two heads would otherwise read alike, or for a
    text without a title compared with a titled one."""
    same = (cmp.old_doc.title or "") == (cmp.new_doc.title or "")
    docs = (("修改前", cmp.old_doc), ("修改后", cmp.new_doc))
    bits = [_head_bits(d, file_name=False) for _, d in docs]
    if bits[0] == bits[1]:
        bits = [_head_bits(d, file_name=True) for _, d in docs]
    out = []
    for (word, d), b in zip(docs, bits):
        if not same:
            # two different regulations, or a titled text and an untitled one: name each, an untitled
            # text by its file (修改前 beside a title reads as if the title were the only text named)
            word = d.title or os.path.basename(d.source or "") or word
        b = [x for x in b if x != word]
        out.append(word if plain or not b else f"{word}（{'，'.join(b)}）")
    return out[0], out[1]


def _head_bits(doc, file_name: bool) -> list[str]:
    d = doc_info(doc)
    d["label"] = version_label(doc, file_name=file_name)
    bits: list[str] = []
    for k in ("label", "status", "date"):
        v = d.get(k)
        # a version's name is no label (kb add -v revised without --label: 修改后, not 修改后（revised）) unless the
        # two heads would otherwise read alike
        if v and str(v) not in bits and (file_name or k != "label" or str(v) != str(d.get("version"))):
            bits.append(str(v))
    # a label the status says already (kb add --label 修改稿 of a text whose status is 草案修改稿): the status alone
    return [b for b in bits if not any(b != c and b in c for c in bits)]


@dataclass
class _Entry:
    """One row of split/merged pairs: their indexes in ``cmp.pairs``, and for a star cut out of a
    tangled component, the side of its one article (``center``) and each article's links there."""
    members: list[int]
    center: str | None = None
    links: dict = field(default_factory=dict)     # (side, eid) -> the component's pairs (Pair) of that article


def _groups(cmp: Comparison) -> dict[int, list[_Entry]]:
    """Split/merged pairs joined into entries; maps the index of an entry's first pair to its
    entries.  A pure split (one old → several new) or merge (several old → one new) is one entry.
    A tangled component -- an old article split, and one of its parts merged with another old
    article into a new one (代表法 2015 第二十二条 → 2025 第二十九条、第三十一条, 第二十四条 →
    第三十一条) -- is one entry per split article (all its new articles) and one per merged
    article (all its old articles), each showing only the share of the other articles that it
    concerns (:func:`_star_parts`).  Which articles are linked is the alignment's, never changed here."""
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
    out: dict[int, list[_Entry]] = {}
    for v in comps.values():
        olds = {cmp.pairs[i].old.eid for i in v}
        news = {cmp.pairs[i].new.eid for i in v}
        if len(olds) == 1 or len(news) == 1:      # a pure split or a pure merge: one row
            out.setdefault(min(v), []).append(_Entry(sorted(v)))
            continue
        of: dict[tuple[str, str], list[int]] = {}
        for i in v:
            p = cmp.pairs[i]
            of.setdefault(("old", p.old.eid), []).append(i)
            of.setdefault(("new", p.new.eid), []).append(i)
        links = {k: [cmp.pairs[i] for i in mine] for k, mine in of.items()}
        for (side, _), mine in sorted(of.items(), key=lambda kv: min(kv[1])):
            if len(mine) > 1:                     # the one article of a split (old) or of a merge (new)
                out.setdefault(min(mine), []).append(_Entry(sorted(mine), side, links))
    return out


#: a line of an article linked to several holds at least this share of its bigrams in one of them: it
#: is shown with that one too, not only with the one that holds most of it
HELD = 0.5


def _held(lines: list[str], texts: list[str]) -> list[list[float]]:
    """For each line, the share of its character bigrams each text holds."""
    from kb.compare.similarity import bigrams, normalize

    grams = [set(bigrams(normalize(t))) for t in texts]
    out = []
    for line in lines:
        g = set(bigrams(normalize(line)))
        out.append([len(g & h) / len(g) if g else 0.0 for h in grams])
    return out


def _assign(lines: list[str], texts: list[str]) -> list[int]:
    """For each line, the text (its index) that holds most of its character bigrams; a line that
    none holds goes with its neighbour."""
    out: list[int | None] = []
    for scores in _held(lines, texts):
        best = max(range(len(texts)), key=lambda j: scores[j])
        out.append(best if scores[best] > 0 else None)
    for i in range(len(out)):
        if out[i] is None:
            near = [out[j] for j in (*range(i - 1, -1, -1), *range(i + 1, len(out))) if out[j] is not None]
            out[i] = near[0] if near else 0
    return out


def _share_label(article, lines: int, keep: list[int]) -> str:
    """The label of the lines ``keep`` of an article's text: the article's label when they are
    all of its paragraphs, else 第二十二条第四款 (第一款、第三款)."""
    from kb.text.numerals import to_chinese

    of_line: list = [None] if article.title else []
    for c in article.children:
        t = c.display_text()
        if t:
            of_line += [c.number if c.kind == "paragraph" else None] * len(t.split("\n"))
    if len(of_line) != lines:
        return article.label
    paras = [n for n in dict.fromkeys(of_line[k] for k in keep) if isinstance(n, int)]
    every = [n for n in dict.fromkeys(of_line) if isinstance(n, int)]
    if not paras or paras == every or len(every) < 2:
        return article.label
    return article.label + "、".join(f"第{to_chinese(n)}款" for n in paras)


def _star_parts(members: list[Pair], center: str, links: dict) -> tuple[list, list, list, list]:
    """An entry of a tangled component: the one article (of side ``center``) whole, each article
    of the other side by the share it has in common with it.  Each line of the one article goes to
    the article of the other side that holds most of it; an article of the other side linked to
    several (``links``: (side, eid) -> its pairs) keeps the lines that go to this one (old
    第二十二条's fourth paragraph in the merge into new 第三十一条, not the three kept in
    第二十九条; in the split of old 第二十二条, new 第三十一条's second paragraph, not the first
    that is old 第二十四条).  Returns ([(old label, text)], [(new label, text)], [(label of a part,
    its ops)], the ops of the one article): each part diffed against its own share, so that
    nothing kept or moved is shown deleted or new."""
    leaf = "new" if center == "old" else "old"

    def node(q, side):
        return q.old if side == "old" else q.new

    def text(q, side):
        return q.old_text if side == "old" else q.new_text

    leaves = sorted(members, key=lambda q: node(q, leaf).start)
    one = node(members[0], center)
    c_lines = text(members[0], center).split("\n")
    own = _assign(c_lines, [text(q, leaf) for q in leaves])
    shares, parts, pieces = [], [], {}
    for j, q in enumerate(leaves):
        mine = [i for i, a in enumerate(own) if a == j]
        l_node, l_lines = node(q, leaf), text(q, leaf).split("\n")
        keep = list(range(len(l_lines)))
        theirs = sorted(links[(leaf, l_node.eid)], key=lambda p: node(p, center).start)
        if len(theirs) > 1:          # linked to other articles too: only what goes to this one
            texts = [text(p, center) for p in theirs]
            me = next(k for k, p in enumerate(theirs) if node(p, center).eid == one.eid)
            to, held = _assign(l_lines, texts), _held(l_lines, texts)
            keep = [k for k in range(len(l_lines)) if to[k] == me or held[k][me] >= HELD]
            if not keep and mine:    # the line that holds most of this one, rather than none at all
                keep = [max(range(len(l_lines)), key=lambda k: held[k][me])]
        label = _share_label(l_node, len(l_lines), keep)
        l_share = "\n".join(l_lines[k] for k in keep)
        c_share = "\n".join(c_lines[i] for i in mine)
        ops = _part_ops(c_share, l_share) if center == "old" else _part_ops(l_share, c_share)
        shares.append((label, l_share))
        parts.append((label, ops))
        for i, piece in zip(mine, _chunks(ops, center, [c_lines[i] for i in mine])[0]):
            pieces[i] = piece
    keep_kinds = (EQ, DEL) if center == "old" else (EQ, INS)
    whole: list = []
    for i in range(len(c_lines)):
        if i:
            whole.append((EQ, "\n"))
        whole += [(k, t) for k, t in pieces.get(i, []) if k in keep_kinds]
    mid = [(one.label, text(members[0], center))]
    old, new = (mid, shares) if center == "old" else (shares, mid)
    return old, new, parts, whole


def _chunks(ops, side: str, texts: list[str]) -> tuple[list[list], list[str]]:
    """The ops of joined texts (``texts`` of ``side``, joined by newlines) cut at the joins:
    one list of ops per text, and for each join whether the other side had a newline there
    too (EQ) or not.  An edit of the other side goes with the piece of ``side`` it stands
    before, or with the text it ends when a join follows."""
    keep = (EQ, DEL) if side == "old" else (EQ, INS)
    bounds, pos = [], 0
    for t in texts[:-1]:
        pos += len(t)
        bounds.append(pos)
        pos += 1                       # the joining newline
    chunks: list[list] = [[]]
    joins: list[str] = []
    pending: list = []                 # edits of the other side, waiting for this side's next piece
    pos = 0
    for k, t in ops:
        if k not in keep:
            pending.append((k, t))
            continue
        i = 0
        while i < len(t):
            if len(joins) < len(bounds) and pos == bounds[len(joins)]:
                chunks[-1] += pending
                pending = []
                joins.append(k)
                chunks.append([])
                pos, i = pos + 1, i + 1
                continue
            end = bounds[len(joins)] if len(joins) < len(bounds) else pos + len(t) - i
            take = min(len(t) - i, end - pos)
            chunks[-1] += pending + [(k, t[i:i + take])]
            pending = []
            pos, i = pos + take, i + take
    chunks[-1] += pending
    return chunks, joins


def group_parts(members: list[Pair]) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]], list, list]:
    """A split (one old article → several new) or merge (several → one), diffed part by part:
    (status, [(old label, text)], [(new label, text)], [(label of a part, its ops)], the ops of
    the whole side).  Each new article of a split is diffed against the part of the old text it
    took (each old article of a merge against the part of the new text it gave), so a part
    that is an article of its own starts as one, not as text inserted in the middle of another;
    the whole side's ops are those parts' ops, joined where its text had a newline."""
    olds = sorted({q.old.eid: q for q in members}.values(), key=lambda q: q.old.start)
    news = sorted({q.new.eid: q for q in members}.values(), key=lambda q: q.new.start)
    op = [(q.old_label, q.old_text) for q in olds]
    np_ = [(q.new_label, q.new_text) for q in news]
    status = "merged" if len(news) == 1 and len(olds) > 1 else "split"
    side, cut = ("new", np_) if status == "split" else ("old", op)
    keep = (EQ, DEL) if side == "new" else (EQ, INS)          # the whole side's text
    raw = char_ops("\n".join(t for _, t in op), "\n".join(t for _, t in np_))
    chunks, joins = _chunks(raw, side, [t for _, t in cut])
    parts, whole = [], []
    for i, ((label, _), chunk) in enumerate(zip(cut, chunks)):
        o = "".join(t for k, t in chunk if k in (EQ, DEL))
        n = "".join(t for k, t in chunk if k in (EQ, INS))
        ops = _part_ops(o, n)
        parts.append((label, ops))
        if i and joins[i - 1] == EQ:
            whole.append((EQ, "\n"))          # the whole side had a newline at this join
        whole += [(k, t) for k, t in ops if k in keep]
    return status, op, np_, parts, whole


#: an article's heading line as kb.compare.similarity.article_text writes it: 【购买服务事项】, （购买服务事项）
_HEADING_LINE = re.compile(r"[【（(〔\[][^\n]{1,40}[】）)〕\]]")


def _part_ops(o: str, n: str) -> list:
    """The ops of one part of a split or merge.  A first line (the heading of an article that
    is new as such: （购买服务事项）) that the other side's share lacks is inserted (or
    deleted) whole, rather than diffed into the first words of the text; a first line that is a
    paragraph (代表法 2025 第二十九条's first, one sentence longer than 2015 第二十二条's) is diffed."""
    for first, other, kind in ((n, o, INS), (o, n, DEL)):
        line, nl, rest = first.partition("\n")
        if nl and _HEADING_LINE.fullmatch(line) and line not in other:
            ops = char_ops(other, rest) if kind == INS else char_ops(rest, other)
            return [(kind, line + nl)] + ops
    return char_ops(o, n)


def rows(cmp: Comparison, changed_only: bool = False, headings: bool = True,
         hide_renumbered: bool = False) -> list[Row]:
    """The table's rows: headings where they start, then one row per aligned article; a split
    or merge (one old article → several new, or several → one) is one row, its parts diffed
    one by one.  ``changed_only`` leaves out unchanged articles (those only renumbered stay);
    ``hide_renumbered`` leaves those out too: only articles whose text or place changed.
    Computed once per comparison and options (every renderer uses them)."""
    cache = cmp.__dict__.setdefault("_rows_cache", {})
    key = (changed_only or hide_renumbered, headings, hide_renumbered)
    if key not in cache:
        cache[key] = _rows(cmp, changed_only or hide_renumbered, headings, hide_renumbered)
    return cache[key]


def _rows(cmp: Comparison, changed_only: bool, headings: bool, hide_renumbered: bool = False) -> list[Row]:
    out: list[Row] = []
    h_new = {h.new: h for h in cmp.alignment.headings if h.new is not None}
    h_old_deleted = {h.old: h for h in cmp.alignment.headings if h.new is None}
    seen_heads: set = set()
    groups = _groups(cmp)
    in_group = {i for v in groups.values() for e in v for i in e.members}
    for i, p in enumerate(cmp.pairs):
        if i in in_group and i not in groups:
            continue
        if headings:
            out += _heading_rows_before(p, h_new, h_old_deleted, seen_heads)
        if i in groups:
            out += [_group_row(p, [cmp.pairs[j] for j in e.members], e) for e in groups[i]]
            continue
        if changed_only and p.status == "unchanged" and not p.renumbered:
            continue
        if hide_renumbered and p.status == "unchanged" and not p.moved:
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


def _group_row(p: Pair, members: list[Pair], entry: _Entry | None = None) -> Row:
    """A split or merge as one row: the whole article on one side, its parts on the other, each
    part diffed against its share of the whole (:func:`group_parts`; in a tangled component,
    :func:`_star_parts`)."""
    if entry is not None and entry.center is not None:
        status = "split" if entry.center == "old" else "merged"
        op, np_, parts, whole = _star_parts(members, entry.center, entry.links)
    else:
        status, op, np_, parts, whole = group_parts(members)
    one = _prefix(_lines(whole, "old" if status == "split" else "new"),
                  op[0][0] if status == "split" else np_[0][0])
    many = [line for label, ops in parts
            for line in _prefix(_lines(ops, "new" if status == "split" else "old"), label)]
    old, new = (one, many) if status == "split" else (many, one)
    r = Row("article", status, old, new, _heads_of(members, "old"), _heads_of(members, "new"), p)
    r.ops = [op for _, ops in parts for op in ops]
    r.parts = parts
    r.group = members
    r.center = entry.center if entry is not None else None
    return r


def _heads_of(members: list[Pair], side: str) -> str:
    """The articles of one side of a split or merge, in the text's order: 第二十九条、第三十一条."""
    nodes = {n.eid: n for n in ((q.old if side == "old" else q.new) for q in members)}
    return "、".join(n.label for n in sorted(nodes.values(), key=lambda n: n.start))


def _pair_row(p: Pair) -> Row:
    if p.status == "unchanged":     # (may differ in spacing or full/half-width forms only)
        old = _prefix(_lines([(EQ, p.old_text)], "old"), p.old_label)
        new = _prefix(_lines([(EQ, p.new_text)], "new"), p.new_label, moved_note(p))
    else:
        old = _prefix(_lines(p.ops, "old"), p.old_label) if p.old is not None else None
        new = _prefix(_lines(p.ops, "new"), p.new_label, moved_note(p)) if p.new is not None else None
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
    """The text the lines show, without remarks on it (（移自第五章））."""
    return "\n".join("".join(t for k, t in l if k != NOTE) for l in lines) if lines else ""


def marked_lines(lines, escape, marks: dict) -> list[str]:
    """Each line of segments as marked-up text: escape every piece, wrap it by its kind."""
    return ["".join(marks.get(k, "{}").format(escape(t)) for k, t in l) for l in lines]
