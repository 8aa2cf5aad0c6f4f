"""Draft the 修改决定 (or 修正案) that turns one version of a regulation into another.

1. Articles and headings are paired by content (kb.compare.align); the longest run of pairs that
   kept their order stays put, the other pairs are moved (将第X条移至第Y条后), unpaired old ones
   deleted, unpaired new ones added next to an entry that stayed (在第X条后增加一条 / 增加一章).
2. Those instructions are applied (kb.amend.apply): the text in between, renumbered, with its
   cross-references updated.  Each article that stayed is compared with its new wording: words
   replaced inside a paragraph or item when few change (将第X条第Y款中的“A”修改为“B”), the
   paragraph, item or article restated when most of it changed, paragraphs and items added or
   deleted.  A reference that changed only because of renumbering is no instruction, nor is a character
   that changed only in width (“公益活动:” → “公益活动：”, a source's typography): these are listed apart
   (``Drafted.typographic``).
3. The decision is written out, read back (kb.text.amendment) and applied to the old text; an
   article that does not come out as the new text says is restated whole, and the check repeats.
"""
from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field

from kb.amend.apply import Applier
from kb.amend.records import Result
from kb.amend.state import WIDTH, Entry, Piece, Text, build, folded, plain, same_wording
from kb.compare.ops import DEL, EQ, INS, char_ops
from kb.errors import KbError
from kb.text.amendment.records import Amendment, Op, Target
from kb.text.model import Document
from kb.text.numerals import NUMERAL_RE, article_label, number_key

#: share of a unit's characters that may change before it is restated rather than edited
RESTATE_RATIO = 0.45
#: at most this many word edits in one paragraph or item
MAX_EDITS = 4
#: quoted words are at least this long (a lone “行” or “。” says nothing to a reader)
MIN_QUOTE = 4
#: repair rounds (restate what did not come out right, then check again)
ROUNDS = 3


@dataclass
class Drafted:
    """A drafted decision: numbered instructions (each a list of op records) and how to close."""
    law: str
    style: str                              # decision | amendment
    instructions: list[list[Op]]
    renumber: bool
    old: Document
    new: Document
    problems: list[str] = field(default_factory=list)   # articles the check still finds wrong
    repaired: int = 0                       # articles restated whole because word edits did not come out right
    typographic: list[str] = field(default_factory=list)   # where the texts differ only in character width
    text: str = ""                          # the decision as written (kb.amend.write)
    result: Result | None = None            # the old text with the decision applied


def draft(old_doc: Document, new_doc: Document, style: str = "decision", effective: str | None = None) -> Drafted:
    from kb.amend.write import decision_text
    from kb.text.amendment import parse_amendment_text

    d = _Drafter(old_doc, new_doc, style)
    out = None
    for _ in range(ROUNDS):
        out = d.instructions()
        if not out.instructions:
            # else the empty decision is read back and refused as "not a decision", naming a file <决定> the
            # user never gave
            raise KbError("两个文本的条文相同，没有可起草的修改（修改决定至少要有一项修改）")
        out.text = decision_text(out, effective)
        am = parse_amendment_text(out.text, "<决定>")
        ap = Applier(old_doc, am)
        out.result = ap.run()
        if style != "decision":
            break               # a 修正案 keeps the old numbers: it does not read as the new text does
        bad = d.check(ap.t)
        out.typographic = d.typographic
        out.problems = [f"{a}：应用后与新文本不一致" for a in sorted(bad.values())]
        if not bad:
            break
        if set(bad) <= d.restate:
            break
        d.restate |= set(bad)
    out.repaired = len(d.restate)
    return out


class _Drafter:
    def __init__(self, old_doc: Document, new_doc: Document, style: str):
        from kb.compare.align import align

        self.old_doc, self.new_doc, self.style = old_doc, new_doc, style
        self.old_t, self.new_t = build(old_doc), build(new_doc)
        self.al = align(old_doc, new_doc)
        self.restate: set[int] = set()      # id of old article entries to restate whole
        self._pair()
        self.numbers: dict[int, object] = {}  # id(new article entry) -> its number in a 修正案
        if style == "amendment":
            self._amendment_numbering()

    def _amendment_numbering(self) -> None:
        """A 修正案 keeps the old numbers: an article that stays keeps its own, an added one is
        第X条之N after the article before it.  The new text's references are written in these
        numbers (its own, 第十七条之一, and not the renumbered ones) before the wording is compared."""
        from kb.amend.renumber import rewrite_references
        from kb.text.parse import parse_text

        last = None
        by_new: dict = {}
        for e in self.new_t.entries:
            if e.kind != "article":
                continue
            old = self.back.get(id(e))
            if old is not None:
                num = old.origin.number
            else:
                base, sub = number_key(last) if last is not None else (e.origin.number, -1)
                num = f"{base}-{sub + 1}" if last is not None else e.origin.number
            self.numbers[id(e)] = num
            by_new[e.origin.number] = num
            last = num
        text = rewrite_references(self.new_doc, by_new)
        if text != self.new_doc.text:
            doc = parse_text(text, self.new_doc.source, self.new_doc.format, self.new_doc.meta)
            numbers = {e.origin.eid: self.numbers[id(e)] for e in self.new_t.entries if id(e) in self.numbers}
            self.new_doc, self.new_t = doc, build(doc)
            self._pair()
            self.numbers = {id(e): numbers[e.origin.eid] for e in self.new_t.entries if e.kind == "article"}

    # -- pairing --------------------------------------------------------------------------------
    def _pair(self) -> None:
        """One-to-one pairs of entries, old -> new (splits and merges keep their best pair)."""
        al = self.al
        old_arts = {a.eid: e for e in self.old_t.entries if e.kind == "article" for a in [e.origin]}
        new_arts = {a.eid: e for e in self.new_t.entries if e.kind == "article" for a in [e.origin]}
        best: list[tuple[float, int, int]] = []
        for l in al.links:
            if l.old is not None and l.new is not None:
                best.append((1.0 if l.how not in ("split", "merge") else l.similarity * 0.5, l.old, l.new))
        o2n: dict[int, int] = {}
        n2o: dict[int, int] = {}
        for s, o, n in sorted(best, reverse=True):
            if o not in o2n and n not in n2o:
                o2n[o], n2o[n] = o, n
                o2n[o] = n
        self.pair: dict[int, Entry] = {}       # id(old entry) -> new entry
        self.back: dict[int, Entry] = {}       # id(new entry) -> old entry
        for o, n in o2n.items():
            oe, ne = old_arts[al.old[o].eid], new_arts[al.new[n].eid]
            self.pair[id(oe)], self.back[id(ne)] = ne, oe
        old_h = {e.origin: e for e in self.old_t.entries if e.is_heading}
        new_h = {e.origin: e for e in self.new_t.entries if e.is_heading}
        for h in al.headings:
            if h.old is not None and h.new is not None and h.old.kind == h.new.kind and h.status != "regraded" \
                    and h.old in old_h and h.new in new_h:
                oe, ne = old_h[h.old], new_h[h.new]
                if id(oe) not in self.pair and id(ne) not in self.back:
                    self.pair[id(oe)], self.back[id(ne)] = ne, oe
        for oe, ne in zip([e for e in self.old_t.entries if e.kind == "prologue"],
                          [e for e in self.new_t.entries if e.kind == "prologue"]):
            self.pair[id(oe)], self.back[id(ne)] = ne, oe
        # the longest run of pairs that kept their order stays; the rest moves
        old_pos = {id(e): i for i, e in enumerate(self.old_t.entries)}
        from kb.compare.align import longest_chain

        news = [ne for ne in self.new_t.entries if id(ne) in self.back]
        chain = longest_chain([(old_pos[id(self.back[id(ne)])], k) for k, ne in enumerate(news)])
        self.stable = {id(news[k]) for _, k in chain}

    # -- instructions ---------------------------------------------------------------------------
    def instructions(self) -> Drafted:
        old_t = self.old_t
        keyed: list[tuple[tuple, list[Op]]] = []
        pos = {id(e): i for i, e in enumerate(old_t.entries)}
        # 1. what goes: unpaired old entries
        gone = {id(e) for e in old_t.entries if id(e) not in self.pair}
        whole_gone = set()
        for e in old_t.entries:
            if e.is_heading and id(e) in gone and all(id(x) in gone for x in _under(old_t.entries, e)):
                whole_gone |= {id(x) for x in _under(old_t.entries, e)}
                keyed.append(((pos[id(e)], 0), [Op("delete", [_target(e)], 0)]))
        for e in old_t.entries:
            if id(e) in gone and id(e) not in whole_gone and e.kind != "prologue":
                if e.is_heading:
                    keyed.append(((pos[id(e)], 0), [Op("delete_heading", [_target(e, name=True)], 0)]))
                elif e.kind == "article":
                    keyed.append(((pos[id(e)], 0), [Op("delete", [_target(e)], 0)]))
                    whole_gone.add(id(e))
        # 2. what comes or moves: runs of new entries between entries that stayed
        keyed += self._runs(pos)
        # 3. headings that stayed but were renamed
        for oe in old_t.entries:
            ne = self.pair.get(id(oe))
            if oe.is_heading and ne is not None and id(ne) in self.stable:
                if not same_wording(oe.name(), ne.name()):
                    keyed.append(((pos[id(oe)], 1), [Op("rename", [_target(oe, name=True)], 0,
                                                         text=_one_line(ne.name()))]))
        structural = [ops for _, ops in sorted(keyed, key=lambda x: x[0])]
        # 4. the wording of articles that stayed, compared after the structure is in place
        mid = self._apply(structural)
        for oe in old_t.entries:
            ne = self.pair.get(id(oe))
            if ne is None or oe.kind not in ("article", "prologue"):
                continue
            me = mid.get(id(oe))
            ops = self._wording(oe, me, ne)
            if ops:
                keyed.append(((pos[id(oe)], 2), ops))
        title_ops = []
        if not same_wording(self.old_doc.title or "", self.new_doc.title or "") and self.new_doc.title \
                and self.old_doc.title and self.old_doc.title in old_t.pre:
            title_ops = [[Op("rename", [Target(title=True)], 0, text=self.new_doc.title)]]
        ordered = title_ops + [ops for _, ops in sorted(keyed, key=lambda x: x[0])]
        renumber = self.style == "decision" and self._numbers_change(ordered)
        return Drafted(self.new_doc.title or self.old_doc.title or "", self.style, ordered, renumber,
                       self.old_doc, self.new_doc)

    def _numbers_change(self, ordered: list[list[Op]]) -> bool:
        return any(op.action in ("delete", "insert", "move", "delete_heading") for ops in ordered for op in ops)

    def _runs(self, pos: dict) -> list[tuple[tuple, list[Op]]]:
        """Entries that come or move, placed next to an entry that stayed."""
        out = []
        es = self.new_t.entries
        i = 0
        while i < len(es):
            if id(es[i]) in self.stable:
                i += 1
                continue
            j = i
            while j < len(es) and id(es[j]) not in self.stable:
                j += 1
            prev = es[i - 1] if i > 0 else None
            nxt = es[j] if j < len(es) else None
            out += self._run(es[i:j], prev, nxt, pos)
            i = j
        return out

    def _run(self, run: list[Entry], prev: Entry | None, nxt: Entry | None, pos: dict):
        """One run: as instructions anchored on ``prev`` (after it) or ``nxt`` (before it)."""
        p = self.back.get(id(prev)) if prev is not None else None
        q = self.back.get(id(nxt)) if nxt is not None else None
        if p is not None and p.kind == "article":
            anchor, where, key = p, "after", (pos[id(p)], 3)
        elif q is not None and q.kind == "article":
            anchor, where, key = q, "before", (pos[id(q)], -1)
        elif q is not None:
            anchor, where, key = q, "before", (pos[id(q)], -1)
        elif p is not None and p.is_heading:
            anchor, where, key = p, "in", (pos[id(p)], 3)
        else:
            anchor, where, key = None, None, (len(pos), 3)
        ops: list[Op] = []
        k = 0
        while k < len(run):
            e = run[k]
            old = self.back.get(id(e))
            if old is not None and old.kind == "article":
                ops.append(Op("move", [_target(old)], 0, position=where,
                              anchor=_target(anchor) if anchor is not None else None))
                k += 1
                continue
            if old is not None and old.is_heading:
                # a heading that stayed but not in order: it goes, a new one comes
                pass
            # a group of new entries (or headings out of order): up to the next old article
            g = k
            while g < len(run) and not (self.back.get(id(run[g])) is not None and run[g].kind == "article"):
                g += 1
            ops += self._additions(run[k:g], anchor, where)
            k = g
        for e in run:
            old = self.back.get(id(e))
            if old is not None and old.is_heading:
                ops.insert(0, Op("delete_heading", [_target(old, name=True)], 0))
        return [(key, [op]) for op in ops]

    def _additions(self, group: list[Entry], anchor: Entry | None, where: str | None) -> list[Op]:
        out = []
        k = 0
        at = _target(anchor) if anchor is not None else None
        while k < len(group):
            e = group[k]
            if e.is_heading:
                g = k + 1
                while g < len(group) and not (group[g].is_heading and _rank(group[g]) <= _rank(e)):
                    g += 1
                block = group[k:g]
                arts = [x for x in block if x.kind == "article"]
                text = "\n".join(_entry_lines(x) for x in block)
                unit = {"part": "编", "subpart": "编", "chapter": "章", "section": "节"}[e.kind]
                op = Op("insert", [at] if at else [], 0, text=text if len(block) > 1 else None, numbers=[e.number],
                        unit=unit, position=where, anchor=at, title=_one_line(e.name()))
                out.append(op)
                k = g
                continue
            g = k
            while g < len(group) and group[g].kind == "article":
                g += 1
            arts = group[k:g]
            if self.style == "amendment":
                nums = [self.numbers.get(id(a), a.number) for a in arts]
            else:
                nums = [a.number for a in arts]
            if len(arts) == 1:
                text = _article_body(arts[0])
            else:
                text = "\n".join(_entry_lines(a, n) for a, n in zip(arts, nums))
            out.append(Op("insert", [at] if at else [], 0, text=text, numbers=nums, unit="条", position=where,
                          anchor=at, count=len(arts)))
            k = max(g, k + 1)
        return out

    def _apply(self, structural: list[list[Op]]) -> dict[int, Entry]:
        """Apply the structure alone: old entry id -> the same entry in the text in between."""
        am = Amendment("<草拟>", "", None, "decision", None, [], [], renumber=self.style == "decision")
        from kb.text.amendment.records import Instruction
        am.instructions = [Instruction(k + 1, f"{k + 1}、", 0, 0, 0, "", ops) for k, ops in enumerate(structural)]
        ap = Applier(self.old_doc, am)
        ap.run()
        out = {}
        by_origin = {id(e.origin): e for e in ap.t.entries if e.origin is not None}
        for e in self.old_t.entries:
            if e.origin is not None and id(e.origin) in by_origin:
                out[id(e)] = by_origin[id(e.origin)]
            elif e.kind == "prologue":
                out[id(e)] = next((x for x in ap.t.entries if x.kind == "prologue"), None)
        return out

    # -- wording ----------------------------------------------------------------------------------
    def _wording(self, oe: Entry, me: Entry | None, ne: Entry) -> list[Op]:
        """Instructions that make old article ``oe`` (``me`` after the structure) read as ``ne``."""
        if me is None:
            return []
        if same_wording(me.text(), ne.text()):
            return []
        t = _target(oe)
        if oe.kind == "article" and id(oe) in self.restate:
            return [Op("replace", [t], 0, text=_article_body(ne))]
        ops = _Wording(oe, me, ne, t).ops()
        if ops is None:
            if oe.kind == "prologue":
                return [Op("replace", [Target(prologue=True, paragraph=i + 1)], 0, text=p.full_text())
                        for i, p in enumerate(ne.pieces)]
            return [Op("replace", [t], 0, text=_article_body(ne))]
        return ops

    # -- checking -----------------------------------------------------------------------------------
    def check(self, result: Text) -> dict[int, str]:
        """Old articles whose result differs from the new text: id -> label."""
        bad: dict[int, str] = {}
        got = [e for e in result.entries if e.status != "deleted" and (e.kind == "article" or e.is_heading)]
        want = [e for e in self.new_t.entries if e.kind == "article" or e.is_heading]
        olds = {id(e.origin): e for e in self.old_t.entries if e.origin is not None}
        self.typographic = []
        for g, w in zip(got, want):
            # each side normalised once: plain for the typography, folded (plain and one width) for the words
            a, b = plain(g.head + g.text()), plain(w.head + w.text())
            same = a.translate(WIDTH) == b.translate(WIDTH)      # same_wording(a, b)
            if g.kind == w.kind and a != b and same:
                self.typographic.append(w.head.strip() if w.is_heading else article_label(w.number))
            if g.kind != w.kind or not same:
                oe = olds.get(id(g.origin)) if g.origin is not None else None
                if oe is not None and oe.kind == "article":
                    bad[id(oe)] = oe.origin.label
                elif g.kind == "article":
                    bad[id(g)] = f"新增的{article_label(g.number)}"
                else:
                    bad[id(g)] = g.head.strip()
        if len(got) != len(want):
            bad[0] = f"条文和章节共 {len(got)} 处，新文本 {len(want)} 处"
        return bad


class _Wording:
    """Word-level instructions for one article (or the prologue)."""

    def __init__(self, oe: Entry, me: Entry, ne: Entry, t: Target):
        self.oe, self.me, self.ne, self.t = oe, me, ne, t
        self.single = oe.kind == "article" and len(oe.pieces) == 1

    def ops(self) -> list[Op] | None:
        me, ne = self.me, self.ne
        out: list[Op] = []
        if me.kind == "article":
            oh, nh = _heading_of(me), _heading_of(ne)
            if (oh is None) != (nh is None):
                return None
            if not same_wording(oh or "", nh or ""):
                w = self.words(self.t, [("head", oh, oh, nh)])
                if w is None:
                    return None
                out += w
        if len({p.number for p in self.oe.pieces}) != len(self.oe.pieces) and self.oe.kind == "article":
            return None            # a 款 spread over lines (an unnumbered list): restate the article
        pairs = _match(me.pieces, ne.pieces)
        if pairs is None:
            return None
        if not any(m is not None and n is not None for m, n in pairs):
            return None            # no paragraph stays: restate the article
        dels = [m for m, n in pairs if n is None]
        adds = [(k, n) for k, (m, n) in enumerate(pairs) if m is None]
        if len(dels) + len(adds) > max(1, len(ne.pieces) // 2) and len(ne.pieces) > 1:
            return None
        for m in dels:
            if m.origin is None:
                return None
            out.append(Op("delete", [self.para_target(m)], 0))
        changed = 0
        for m, n in pairs:
            if m is None or n is None:
                continue
            w = self.paragraph(m, n)
            if w is None:
                return None
            if w:
                changed += 1
                out += w
        # additions, in the order of the new text (numbers as they are when each comes)
        k = 0
        for m, n in pairs:
            if m is None and n is not None:
                base = self.t if self.oe.kind == "article" else Target(prologue=True)
                out.append(Op("add_paragraph", [base], 0, text=n.full_text(), numbers=[k + 1], unit="款"))
            if n is not None:
                k += 1
        if changed + len(dels) + len(adds) > 1 and changed >= max(2, 0.75 * len(ne.pieces)) and \
                self.oe.kind == "article":
            return None            # most of it changed: restate the article
        return out

    def para_target(self, m: Piece) -> Target:
        if self.oe.kind == "prologue":
            return Target(prologue=True, paragraph=m.number)
        if self.single:
            return self.t
        return Target(article=self.t.article, paragraph=m.number)

    def paragraph(self, m: Piece, n: Piece) -> list[Op] | None:
        """Instructions for one paragraph that stayed; None: restate the whole article."""
        if same_wording(m.full_text(), n.full_text()):
            return []
        if m.origin is None:
            return None
        pt = self.para_target(m)
        whole = pt.paragraph is not None or self.oe.kind == "prologue"     # a 款 that can be restated alone
        restate = [Op("replace", [pt], 0, text=n.full_text())] if whole else None
        items = _match(m.children, n.children)
        if items is None:
            return restate
        out: list[Op] = []
        if not same_wording(m.words(), n.words()):
            w = self.words(pt, [("para", m, m.words(), n.words())])
            if w is None:
                return restate
            out += w
        adds: list[Op] = []
        k = 0
        for mi, ni in items:
            if mi is None:
                adds.append(Op("add_item", [pt], 0, text=ni.full_text(), numbers=[k + 1], unit="项"))
                k += 1
                continue
            if mi.origin is None:
                return restate
            it = self.item_target(pt, mi)
            if ni is None:
                out.append(Op("delete", [it], 0))
                continue
            k += 1
            if same_wording(mi.full_text(), ni.full_text()):
                continue
            w = None
            if not mi.children and not ni.children:
                w = self.words(it, [("item", mi, mi.words(), ni.words())])
            out += w if w is not None else [Op("replace", [it], 0, text=ni.full_text())]
        return out + adds

    def item_target(self, pt: Target, it: Piece) -> Target:
        return Target(article=pt.article, paragraph=pt.paragraph, prologue=pt.prologue, item=it.origin.number)

    def words(self, tgt: Target, units: list[tuple]) -> list[Op] | None:
        """Replace words of one unit: a few edits, each made unique in the target's scope by context."""
        out = []
        for kind, piece, a, b in units:
            old_text = a if kind == "head" else _orig_words(self.oe, piece)
            mid_text = a if kind == "head" else piece.words()
            if old_text is None:
                return None
            hunks = _hunks(mid_text, b)
            changed = sum(max(len(x[2]), x[1] - x[0]) for x in hunks)
            if len(hunks) > MAX_EDITS or changed > RESTATE_RATIO * max(len(mid_text), len(b), 1):
                return None
            atoms = _atoms(old_text, mid_text)
            if atoms is None:
                return None
            scope = self.scope_text(tgt, piece, kind)
            shift = 0
            for i, j, new in _map_hunks(hunks, atoms):
                n_before = len(atoms)
                op = _edit((i + shift, j + shift, new), atoms, scope, tgt)
                if op is None:
                    return None
                shift += len(atoms) - n_before      # later hunks move with the atoms an edit added
                out.append(op)
        return out

    def scope_text(self, tgt: Target, piece, kind: str) -> list[str]:
        """The other texts the apply step searches with this target (words must be unique there)."""
        oe = self.oe
        if kind == "head":
            return [_orig_words(oe, p) or "" for p in oe.all_pieces()]
        if tgt.item is not None:
            return []
        if tgt.paragraph is None and oe.kind == "article":
            others = [p for p in oe.all_pieces() if p.origin is not (piece.origin if piece else None)]
            return [_orig_words(oe, p) or "" for p in others] + [oe.head[oe.label[1]:] if oe.label else ""]
        others = [c for c in piece.walk() if c is not piece] if piece is not None else []
        return [_orig_words(oe, p) or "" for p in others]


# -- word edits ------------------------------------------------------------------------------------

def _hunks(a: str, b: str) -> list[tuple[int, int, str]]:
    """Edits turning a into b: (start, end, new words) in a.  Characters that differ only in width (a half-width
    colon for a full-width one) are no edit: they are compared folded (one character for one), and new words are
    b's own characters."""
    out = []
    i = j = 0
    cur = None
    for kind, t in char_ops(a.translate(WIDTH), b.translate(WIDTH)):
        if kind == EQ:
            if cur:
                out.append(tuple(cur))
                cur = None
            i += len(t)
            j += len(t)
        elif kind == DEL:
            if cur is None:
                cur = [i, i, ""]
            i += len(t)
            cur[1] = i
        elif kind == INS:
            if cur is None:
                cur = [i, i, ""]
            cur[2] += b[j:j + len(t)]
            j += len(t)
    if cur:
        out.append(tuple(cur))
    return out


_NUMERAL_RUN = re.compile(f"{NUMERAL_RE}|.", re.S)


def _atoms(old: str, mid: str) -> list[tuple[str, str]] | None:
    """The unit as (old words, words in between) atoms: one character each where renumbering left
    it alone, one atom for each number renumbering rewrote (a number is never split: 四十 → 五十五)."""
    if old == mid:
        return [(c, c) for c in old]
    a, b = _NUMERAL_RUN.findall(old), _NUMERAL_RUN.findall(mid)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out += [(c, c) for c in "".join(a[i1:i2])]
        else:
            out.append(("".join(a[i1:i2]), "".join(b[j1:j2])))
    return out


def _map_hunks(hunks, atoms) -> list[tuple[int, int, str]]:
    """Hunks in the words-in-between as atom ranges: a hunk that touches an atom takes it whole, its
    new words then carry the rest of the atom in its in-between form; hunks that meet are joined."""
    starts, p = [], 0
    for _, m in atoms:
        starts.append(p)
        p += len(m)
    mid = "".join(m for _, m in atoms)
    ends = [s + len(m) for s, (_, m) in zip(starts, atoms)]
    groups: list[list] = []          # [i, j, [(a, b, new), ...]]
    for a, b, new in hunks:
        if a == b:
            inside = next((k for k in range(len(atoms)) if starts[k] < a < ends[k]), None)
            if inside is None:
                k = next((k for k in range(len(atoms)) if starts[k] >= a), len(atoms))
                i, j = k, k
            else:
                i, j = inside, inside + 1
        else:
            i = next((k for k in range(len(atoms)) if ends[k] > a), len(atoms))
            j = next((k for k in range(len(atoms)) if starts[k] >= b), len(atoms))
        if groups and (i < groups[-1][1] or (i == groups[-1][1] and i == j)):
            groups[-1][1] = max(groups[-1][1], j)
            groups[-1][2].append((a, b, new))
        else:
            groups.append([i, j, [(a, b, new)]])
    out = []
    for i, j, hs in groups:
        lo = starts[i] if i < len(atoms) else p
        hi = ends[j - 1] if j > i else lo
        hi = max(hi, max(b for _, b, _ in hs))
        lo = min(lo, min(a for a, _, _ in hs))
        text, pos = [], lo
        for a, b, new in hs:
            text.append(mid[pos:a] + new)
            pos = b
        text.append(mid[pos:hi])
        out.append((i, j, "".join(text)))
    return out


def _edit(h, atoms, scope: list[str], tgt: Target) -> Op | None:
    """One hunk as an instruction whose quoted words occur once in the target: the edited atoms,
    widened to whole words (jieba's, :func:`_word_bounds`) and then by whole words of context until
    unique (the context is written in its new form on the new side).  A legislature quotes
    “人民政府可以在”, never “府可以在”."""
    i, j, new = h
    old_of = lambda a, b: "".join(o for o, _ in atoms[a:b])
    mid_of = lambda a, b: "".join(m for _, m in atoms[a:b])
    whole = old_of(0, len(atoms))
    others = scope
    bounds = _word_bounds(atoms)

    def unique(s: str) -> bool:
        return len(s) >= min(MIN_QUOTE, len(whole)) and whole.count(s) == 1 and not any(s in x for x in others)

    def left(k: int) -> int | None:
        return max((x for x in bounds if x < k), default=None)

    def right(k: int) -> int | None:
        return min((x for x in bounds if x > k), default=None)

    # the new side is whole words of the new wording too (水行政主管部门 → 水务部门: not “行政主管部门” → “务部门”)
    after = len(mid_of(0, i)) + len(new) - len(mid_of(0, j))      # where the old text after the hunk stands in the new
    new_cuts = _word_offsets(mid_of(0, i) + new + mid_of(j, len(atoms)))

    def whole_words(a: int, b: int) -> bool:
        """Are atoms a..b (around the hunk) whole words of the old text and, with the hunk, of the new?"""
        return a in bounds and b in bounds and len(mid_of(0, a)) in new_cuts \
            and len(mid_of(0, b)) + (after if b >= j else 0) in new_cuts

    def plain_words(a: int, b: int) -> bool:      # no number that renumbering rewrote (四十 → 五十五)
        return all(o == m for o, m in atoms[a:b])

    deleted = old_of(i, j)
    if not new and whole_words(i, j) and unique(deleted):
        op = Op("delete_words", [tgt], 0, old=deleted)
        _commit(atoms, i, j, "")
        return op
    if i == j and whole_words(i, j):
        # an insertion of whole words between two words: after the words before it (or before the words after
        # it); words holding a renumbered number are quoted by a replacement (below), which writes their new form
        k = i
        while (k := left(k)) is not None and plain_words(k, i):
            if unique(old_of(k, i)):
                op = Op("insert_words", [tgt], 0, old=old_of(k, i), text=new, position="after")
                _commit(atoms, i, i, new)
                return op
        k = i
        while (k := right(k)) is not None and plain_words(i, k):
            if unique(old_of(i, k)):
                op = Op("insert_words", [tgt], 0, old=old_of(i, k), text=new, position="before")
                _commit(atoms, i, i, new)
                return op
    # a replacement (or a deletion or insertion inside a word): the whole words it touches, and more
    # whole words around them until the quotation is unique
    a = max(x for x in bounds if x <= i)
    b = min(x for x in bounds if x >= j)
    if a == b:
        b = right(b) if right(b) is not None else b
        a = a if a < b else left(a)
    # a quotation opens on a word, not on a mark (“区、县人民政府”, not “、县人民政府”)
    while not (unique(old_of(a, b)) and whole_words(a, b)) or (_PUNCT.match(old_of(a, b)[:1]) and left(a) is not None
                                                                and not _PUNCT.match(old_of(left(a), a))):
        na, nb = left(a), right(b)
        if na is None and nb is None:
            return None
        # the words that follow first (15个 → 15个工作日, as a legislature quotes a measure or an object),
        # up to the end of the clause; then the words before
        if nb is not None and (na is None or not _PUNCT.match(old_of(b, nb))) \
                and not (_PUNCT.match(old_of(a, b)[:1]) and unique(old_of(a, b))):
            b = nb
        else:
            a = na
    op = Op("replace_words", [tgt], 0, old=old_of(a, b), text=mid_of(a, i) + new + mid_of(j, b))
    _commit(atoms, a, b, mid_of(a, i) + new + mid_of(j, b))
    return op


#: a clause ends here: a quotation grows over it only when nothing else makes it unique
_PUNCT = re.compile(r"[，。；：、！？,.;:!?（）()“”‘’《》\s]")


def _word_bounds(atoms) -> set[int]:
    """The atoms a word of the unit's old text starts at (and the end), by jieba's segmentation:
    the places a quotation of a 修改决定 may begin or end."""
    starts, pos = {}, 0
    for k, (o, _) in enumerate(atoms):
        starts[pos] = k
        pos += len(o)
    starts[pos] = len(atoms)
    return {starts[x] for x in _word_offsets("".join(o for o, _ in atoms)) if x in starts}


@functools.lru_cache(maxsize=256)
def _word_offsets(text: str) -> frozenset[int]:
    """Offsets where jieba's words of ``text`` start, and its end."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    out, pos = {0}, 0
    for w in jieba.cut(text):
        pos += len(w)
        out.add(pos)
    # a number and its unit, and a date, are one word: 15个, 10万元, 2022年1月1日 (jieba cuts 2022/年/1/月/1/日)
    return frozenset(p for p in out if not (0 < p < len(text) and (
        text[p - 1] in _NUMBER and text[p] in _UNIT or text[p - 1] in "年月" and text[p] in _NUMBER)))


_NUMBER = set("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两")
_UNIT = set("年月日时分秒个万亿元角条款项目章节编次人名户件天周倍岁%％")


def _commit(atoms: list, i: int, j: int, new: str) -> None:
    """The atoms after an edit: the new words are written as they are (nothing left to renumber)."""
    atoms[i:j] = [(c, c) for c in new]


# -- helpers -------------------------------------------------------------------------------------

def _under(entries: list[Entry], h: Entry) -> list[Entry]:
    """The heading and the original entries under it."""
    i = entries.index(h)
    out = [h]
    for e in entries[i + 1:]:
        if e.is_heading and _rank(e) <= _rank(h):
            break
        out.append(e)
    return out


_RANKS = {"part": 0, "subpart": 1, "chapter": 2, "section": 3}


def _rank(e: Entry) -> int:
    return _RANKS.get(e.kind, 9)


def _target(e: Entry, name: bool = False) -> Target:
    n = e.origin
    if e.kind == "article":
        return Target(article=n.number)
    if e.kind == "prologue":
        return Target(prologue=True)
    t = Target(name=name)
    p = n
    while p is not None and p.kind != "document":
        if p.kind in _RANKS:
            setattr(t, p.kind, p.number)
        p = p.parent
    return t


def _one_line(s: str) -> str:
    """A name written on one line, without the invisible characters some sources carry."""
    return re.sub(r"[\u200b-\u200f\u2060\ufeff]", "", "".join(x.strip() for x in s.split("\n")))


def _heading_of(e: Entry) -> str | None:
    """An article's bracketed heading as written (（立法目的）), or None."""
    if e.kind != "article":
        return None
    after = e.head[e.label[1]:] if e.label else e.head
    s = after.strip()
    return s or None


def _article_body(e: Entry) -> str:
    """An article's wording for a quotation: its heading, then paragraphs, items and sub-items."""
    lines = [p.words().replace("\n", "") for p in e.all_pieces() if p.words()]
    h = _heading_of(e)
    if h and lines:
        lines[0] = h + lines[0]
    elif h:
        lines = [h]
    return "\n".join(lines)


def _entry_lines(e: Entry, number=None) -> str:
    """A heading or an article written out with its label (for 增加一章 / 增加两条)."""
    if e.is_heading:
        label = e.head[e.label[0]:e.label[1]] if e.label else ""
        return f"{label}　{_one_line(e.name())}".rstrip()
    label = article_label(number if number is not None else e.number)
    return label + "　" + _article_body(e)


def _orig_words(oe: Entry, piece: Piece | None) -> str | None:
    """The words of a paragraph or item as the old text has them (before renumbering)."""
    if piece is None or piece.origin is None:
        return None
    for p in oe.all_pieces():
        if p.origin is piece.origin:
            return p.words()
    return None


def _match(ms: list[Piece], ns: list[Piece]) -> list[tuple[Piece | None, Piece | None]] | None:
    """Pair paragraphs (or items) of the two versions in order: equal ones, then similar ones."""
    a = [folded(p.full_text()) for p in ms]
    b = [folded(p.full_text()) for p in ns]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out: list[tuple[Piece | None, Piece | None]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out += list(zip(ms[i1:i2], ns[j1:j2]))
        elif tag == "delete":
            out += [(m, None) for m in ms[i1:i2]]
        elif tag == "insert":
            out += [(None, n) for n in ns[j1:j2]]
        else:
            out += _pair_similar(ms[i1:i2], ns[j1:j2], a[i1:i2], b[j1:j2])
    return out


def _pair_similar(ms, ns, a, b):
    """In a replaced block, pair in order the pieces that are still recognisably the same."""
    if len(ms) == len(ns):
        return list(zip(ms, ns))
    out = []
    j = 0
    for i, m in enumerate(ms):
        best = None
        for k in range(j, len(ns)):
            r = difflib.SequenceMatcher(None, a[i], b[k], autojunk=False).ratio()
            if r >= 0.5 and (best is None or r > best[0]):
                best = (r, k)
        if best is None:
            out.append((m, None))
            continue
        for k in range(j, best[1]):
            out.append((None, ns[k]))
        out.append((m, ns[best[1]]))
        j = best[1] + 1
    for k in range(j, len(ns)):
        out.append((None, ns[k]))
    return out
