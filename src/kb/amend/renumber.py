"""After the instructions: numbers and cross-references.

With 对条文顺序作相应调整 (or numbers adjusted explicitly, as the 2018 宪法修正案 does) articles are
numbered again in order: an added article takes its place and the later ones shift; a 第X条之一
article keeps its 之 number after its base article.  Without it (a 修正案) every article keeps its
number, added ones take theirs (之一), a deleted one stays as （删去）.  Headings are numbered again
whenever one was added or removed, items wherever one was.  Then every reference of the text
(kb.layers.links) to a provision whose number changed is written with the new number, unless an
instruction already rewrote its words.
"""
from __future__ import annotations

import re

from kb.amend.records import Result
from kb.amend.state import Entry, Piece
from kb.text.numerals import NUMERAL_RE, article_label, number_key, parse_numeral, to_chinese

_ZH = {"part": "编", "subpart": "分编", "chapter": "章", "section": "节"}
_TOKEN = re.compile(rf"(?P<di>第)?(?P<open>[（(]?)(?P<n>{NUMERAL_RE})(?P<close>[）)]?)(?:之(?P<sub>{NUMERAL_RE}))?"
                    rf"(?P<unit>条|款|项|目|章|节|分编|编)?")
_EID = re.compile(r"^art_(?P<art>[0-9]+(?:-[0-9]+)?)(?:__para_(?P<para>[0-9]+))?(?:__point_(?P<item>[0-9]+))?")
_ITEM_MARK = re.compile(rf"^(?P<lead>\s*)(?P<open>[（(]?)(?P<n>{NUMERAL_RE})(?P<close>[）)、.．])")


def finalize(ap) -> Result:
    """Number, write the labels, update the references and render: the Result of applying."""
    t = ap.t
    renumbered = _number_articles(ap)
    if t.renumber or ap.headings_changed:
        _number_headings(t.entries)
    for e in t.entries:
        if e.status != "deleted":
            _write_head(e, t.style)
    maps = _maps(t.entries)
    refs = _update_references(ap, maps) if (renumbered or maps.moved) else []
    if renumbered:
        refs += _update_headings(t.entries, maps)
    for c in ap.changes:
        c.new = _new_citation(c)
    return Result(t.render(), ap.changes, renumbered, refs, ap.warnings, t)


# -- numbers ------------------------------------------------------------------------------------

def _number_articles(ap) -> list[tuple[str, str]]:
    t = ap.t
    out = []
    n = 0
    base = None
    for e in t.articles():
        cur = e.origin.number if e.origin is not None else e.given
        if t.renumber:
            sub = number_key(cur)[1] if cur is not None else 0
            if sub and base is not None:
                new = f"{base}-{sub}"
            else:
                n += 1
                base = new = n
            if e.given is not None and e.origin is None and number_key(e.given) != number_key(new):
                ap.warnings.append(f"增加的{article_label(e.given)}按条文顺序应为{article_label(new)}")
        else:
            if cur is None:
                raise ap.fail("增加的条文没有写明条号（作为第X条之一）")
            new = cur
        if e.origin is not None and number_key(new) != number_key(e.origin.number):
            out.append((e.origin.label, article_label(new)))
        e.number = new
    if not t.renumber:
        seen = {}
        for e in t.articles():
            k = number_key(e.number)
            if k in seen:
                raise ap.fail(f"增加的{article_label(e.number)}与原有条文重号")
            seen[k] = e
    return out


def _number_headings(entries: list[Entry]) -> None:
    """Headings numbered again in order: 编 throughout, 章 within each 编 when the text restarts
    them there (刑法) or throughout when it runs them on (民事诉讼法), 节 within each 章."""
    restart = _chapters_restart(entries)
    count = {"part": 0, "subpart": 0, "chapter": 0, "section": 0}
    for e in entries:
        if e.status == "deleted" or not e.is_heading:
            continue
        k = e.kind
        count[k] += 1
        if k == "part":
            count.update(subpart=0, section=0)
            if restart:
                count["chapter"] = 0
        elif k in ("subpart", "chapter"):
            count["section"] = 0
        e.number = count[k]


def _chapters_restart(entries: list[Entry]) -> bool:
    """True when the text numbers its chapters afresh in each 编."""
    seen_part = 0
    for e in entries:
        if e.origin is None:
            continue
        if e.kind == "part":
            seen_part += 1
        elif e.kind == "chapter" and seen_part > 1:
            return e.origin.number == 1
    return True


def _label_style(old_label: str, new_label: str) -> str:
    """第15条 stays in digits: a label is written again in the numerals the text used."""
    if re.search(r"[0-9０-９]", old_label):
        return re.sub(rf"{NUMERAL_RE}", lambda m: str(parse_numeral(m.group(0))), new_label)
    return new_label


def _write_head(e: Entry, style) -> None:
    if e.kind == "article":
        label = article_label(e.number)
        if e.origin is None:
            gap = style.headed if e.title and style.headed is not None else style.sep
            e.head = label + (e.title or "") + gap
            e.label = (0, len(label))
            if "\n" in gap and e.pieces:
                e.pieces[0].raw = style.para_prefix + e.pieces[0].raw.lstrip()
        elif e.label and number_key(e.number) != number_key(e.origin.number):
            a, b = e.label
            label = _label_style(e.head[a:b], label)
            e.head = e.head[:a] + label + e.head[b:]
            e.label = (a, a + len(label))
    elif e.is_heading:
        label = f"第{to_chinese(e.number)}{_ZH[e.kind]}"
        if e.origin is None:
            prefix, sep, end = style.heading.get(e.kind, ("", "　", style.para_end))
            e.head = prefix + label + sep + (e.title or "") + end
            e.label = (len(prefix), len(prefix) + len(label))
        elif e.label and e.number != e.origin.number:
            a, b = e.label
            label = _label_style(e.head[a:b], label)
            e.head = e.head[:a] + label + e.head[b:]
            e.label = (a, a + len(label))


class _Maps:
    def __init__(self):
        self.art: dict = {}          # old article number -> new number (None: deleted)
        self.para: dict = {}         # old article -> {old paragraph -> new}
        self.item: dict = {}         # (old article, old paragraph) -> {old item -> new}
        self.heading: dict = {}      # heading eid -> new number
        self.moved = False           # a paragraph, item or heading changed number


def _maps(entries: list[Entry]) -> _Maps:
    m = _Maps()
    for e in entries:
        if e.origin is None:
            continue
        if e.kind == "article":
            num = e.origin.number
            m.art[num] = None if e.status == "deleted" else e.number
            paras = {}
            for i, p in enumerate(e.pieces, 1):
                if p.origin is None:
                    continue
                paras[p.origin.number] = i
                m.moved |= i != p.origin.number
                items = {}
                for j, it in enumerate(p.children, 1):
                    if it.origin is not None:
                        items[it.origin.number] = j
                        m.moved |= j != it.origin.number
                    _fix_marker(it, j, p.changed)
                m.item[(num, p.origin.number)] = items
            m.para[num] = paras
        elif e.is_heading:
            m.heading[e.origin.eid] = None if e.status == "deleted" else e.number
            m.moved |= e.status != "deleted" and e.number != e.origin.number
    return m


def _fix_marker(it: Piece, n: int, list_changed: bool) -> None:
    """（三） of an item that is now the fourth becomes （四） (only in lists an instruction changed)."""
    if not list_changed:
        return
    mk = _ITEM_MARK.match(it.raw)
    if not mk:
        return
    try:
        have = parse_numeral(mk.group("n"))
    except ValueError:
        return
    if have == n:
        return
    digits = mk.group("n")[0] in "0123456789０１２３４５６７８９"
    new = str(n) if digits else to_chinese(n)
    it.edit(mk.start("n"), mk.end("n"), new)


# -- references -----------------------------------------------------------------------------------

def _update_references(ap, maps: _Maps) -> list[tuple[str, str, str]]:
    from kb.layers.links import references

    doc = ap.doc
    pieces = {}
    for e in ap.t.entries:
        if e.status == "deleted":
            continue
        for p in e.all_pieces():
            if p.origin is not None:
                pieces[p.origin.eid] = (e, p)
    edits: dict[int, list] = {}
    out = []
    for r in references(doc):
        if r.kind != "internal" or not r.targets or r.eid not in pieces:
            continue
        subs = _rewrite(r, maps)
        if not subs:
            continue
        e, p = pieces[r.eid]
        done = []
        # each number is its own edit: an instruction that rewrote the words around one (第一款)
        # leaves the others (第四十四条) to be renumbered
        for s, en, new in subs:
            span = _raw_span(doc, p, r.start + s, r.start + en)
            span = _through(p.log, *span) if span is not None else None
            if span is None or p.raw[span[0]:span[1]] != r.text[s:en]:
                continue
            edits.setdefault(id(p), [p, []])[1].append((span, new))
            done.append((s, en, new))
        if done:
            text = r.text
            for s, en, new in reversed(done):
                text = text[:s] + new + text[en:]
            out.append((article_label(e.number) if e.kind == "article" else "", r.text, text))
    for p, spans in edits.values():
        for (s, en), new in sorted(spans, key=lambda x: -x[0][0]):
            p.raw = p.raw[:s] + new + p.raw[en:]
    return out


_ART_REF = re.compile(rf"第(?P<n>{NUMERAL_RE})条(?:之(?P<sub>{NUMERAL_RE}))?")


def _update_headings(entries: list[Entry], maps: _Maps) -> list[tuple[str, str, str]]:
    """An article's own heading that names another article (（违反第五条的责任）) follows its number."""
    out = []
    for e in entries:
        if e.kind != "article" or e.origin is None or e.status == "deleted" or not e.origin.title or not e.label:
            continue
        a = e.label[1]
        head = e.head[a:]
        if e.origin.title not in head:
            continue            # the heading was rewritten by an instruction

        def sub(m):
            try:
                old = parse_numeral(m.group("n"))
                key = f"{old}-{parse_numeral(m.group('sub'))}" if m.group("sub") else old
            except ValueError:
                return m.group(0)
            new = maps.art.get(key, key)
            return article_label(new) if new is not None and number_key(new) != number_key(key) else m.group(0)

        new_head = _ART_REF.sub(sub, head)
        if new_head != head:
            out.append((article_label(e.number), head.strip(), new_head.strip()))
            e.head = e.head[:a] + new_head
    return out


def rewrite_references(doc, articles: dict) -> str:
    """``doc``'s text with every reference to an article written with the number ``articles`` maps
    it to (old number -> new); paragraphs and items keep theirs."""
    from kb.amend.state import build
    from kb.layers.links import references

    maps = _Maps()
    maps.art = articles
    pieces = {p.origin.eid: p for e in build(doc).entries for p in e.all_pieces() if p.origin is not None}
    edits = []
    for r in references(doc):
        p = pieces.get(r.eid)
        if r.kind != "internal" or not r.targets or p is None:
            continue
        for s, en, new in _rewrite(r, maps):
            span = _raw_span(doc, p, r.start + s, r.start + en)
            if span is not None:
                edits.append((p.origin.start + span[0], p.origin.start + span[1], new))
    text = doc.text
    for s, en, new in sorted(edits, reverse=True):
        text = text[:s] + new + text[en:]
    return text


def _raw_span(doc, p: Piece, start: int, end: int) -> tuple[int, int] | None:
    """Offsets in the piece's original slice of offsets in its node's text."""
    n = p.origin
    raw = doc.text[n.start:n.end]
    text = n.text
    first = text.split("\n", 1)[0]
    base = raw.find(first)
    if base < 0:
        return None
    if "\n" not in text[:end]:
        return base + start, base + end
    # a paragraph spread over lines: walk the characters
    pos = base
    ti = 0
    a = b = None
    while ti < len(text) and pos <= len(raw):
        if ti == start:
            a = pos
        if ti == end:
            b = pos
            break
        ch = text[ti]
        while pos < len(raw) and raw[pos] != ch:
            pos += 1
        pos += 1
        ti += 1
    if ti == end and b is None:
        b = pos
    return (a, b) if a is not None and b is not None else None


def _through(log: list[tuple[int, int, int]], s: int, e: int) -> tuple[int, int] | None:
    """A span of the original slice after the piece's edits; None when an edit touched it."""
    for a, b, n in log:
        if b <= s and not (a == b == s and False):
            d = n - (b - a)
            s, e = s + d, e + d
        elif a >= e:
            continue
        else:
            return None
    return s, e


def _rewrite(r, maps: _Maps) -> list[tuple[int, int, str]]:
    """The numbers the reference cites whose number changed: (start, end, new numeral) in its words."""
    m = _EID.match(r.targets[0])
    ctx_art = _num(m.group("art")) if m else None
    ctx_para = int(m.group("para")) if m and m.group("para") else None
    text = r.text
    toks = list(_TOKEN.finditer(text))
    units = [t.group("unit") for t in toks]
    for i in range(len(units) - 1, -1, -1):
        if units[i] is None and i + 1 < len(units):
            units[i] = units[i + 1]
    out = []
    for t, unit in zip(toks, units):
        if unit is None:
            continue
        try:
            num = parse_numeral(t.group("n"))
        except ValueError:
            continue
        new = None
        old = num
        if unit == "条":
            old = f"{num}-{parse_numeral(t.group('sub'))}" if t.group("sub") else num
            ctx_art, ctx_para = old, None
            new = maps.art.get(old, old)
            if new is None:
                return []           # cites a deleted article: left as written
        elif unit == "款":
            new = maps.para.get(ctx_art, {}).get(num, num)
            ctx_para = num
        elif unit == "项":
            para = ctx_para if ctx_para is not None else 1
            new = maps.item.get((ctx_art, para), {}).get(num, num)
        elif unit in ("章", "节", "编", "分编"):
            key = {"章": "chp", "节": "sec", "编": "part", "分编": "subpart"}[unit]
            for eid in r.targets:
                if eid.split("__")[-1] == f"{key}_{num}":
                    new = maps.heading.get(eid, num)
                    break
        if new is None or number_key(new) == number_key(old):
            continue
        digits = t.group("n")[0] in "0123456789０１２３４５６７８９"
        base, sub = number_key(new)
        out.append((t.start("n"), t.end("n"), str(base) if digits else to_chinese(base)))
        if unit == "条" and t.group("sub") and sub:
            out.append((t.start("sub"), t.end("sub"), to_chinese(sub)))
        elif unit == "条" and sub:
            out.append((t.end(), t.end(), f"之{to_chinese(sub)}"))       # 第二条 -> 第一条之一
        elif unit == "条" and t.group("sub"):
            out.append((t.start("sub") - 1, t.end("sub"), ""))           # 第十条之一 -> 第十一条
    return out


def _num(s: str):
    return s if "-" in s else int(s)


def _new_citation(c) -> str:
    e = c.entry
    if e is None or e.status == "deleted" or c.action in ("delete", "delete_heading"):
        return "" if c.action != "rename" else c.old
    if e.kind == "article":
        label = article_label(e.number)
        old = c.old
        if e.origin is not None and old.startswith(e.origin.citation or "\0"):
            return label + old[len(e.origin.citation):]
        return label
    if e.is_heading:
        return f"第{to_chinese(e.number)}{_ZH[e.kind]}"
    return c.old
