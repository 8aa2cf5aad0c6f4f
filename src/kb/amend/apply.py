"""Apply a 修改决定 or 修正案 (kb.text.amendment) to a regulation: the consolidated text and the
list of what changed.

Instructions are applied in order to the text laid out by kb.amend.state; every place they name
is found in the numbering before the amendment (the drafting conventions), and articles, items and
headings are renumbered once at the end (kb.amend.renumber), cross-references with them.  An
instruction that cannot apply stops everything with a :class:`KbError` naming it and why.
"""
from __future__ import annotations

import re

from kb.amend.records import Change, Result
from kb.amend.state import Entry, Piece, Text, block_from, build, pieces_from, plain, split_heading
from kb.errors import KbError
from kb.text.amendment.records import Amendment, Instruction, Op, Target
from kb.text.grammar import HEADINGS
from kb.text.model import Document
from kb.text.numerals import article_label, number_key, to_chinese

#: heading kinds, outermost first, and their rank
RANK = {"part": 0, "subpart": 1, "chapter": 2, "section": 3}
#: the kind of heading directly inside each kind
RANK_KIND = {"part": "chapter", "subpart": "chapter", "chapter": "section"}
_ZH = {"part": "编", "subpart": "分编", "chapter": "章", "section": "节"}
_LABEL_LINE = re.compile(r"^第[〇零一二两三四五六七八九十百千0-9０-９]+条")


class Applier:
    def __init__(self, doc: Document, amendment: Amendment):
        self.doc = doc
        self.am = amendment
        self.t: Text = build(doc)
        self.t.renumber = amendment.renumber
        self.changes: list[Change] = []
        self.warnings: list[str] = []
        self.after: dict[int, Entry] = {}       # id(anchor) -> last entry put after it
        self.headings_changed = False
        self._ins: Instruction | None = None
        self._op: Op | None = None

    # -- errors ------------------------------------------------------------------------------
    def fail(self, why: str) -> KbError:
        """The error that stops applying: which instruction, what it does, why it cannot."""
        op = self._op
        what = f"（{op.describe()}）" if op else ""
        line = op.line if op else (self._ins.line if self._ins else None)
        return KbError(f"{instruction_name(self._ins)}{what}无法执行：{why}", self.am.source, line)

    # -- finding places ----------------------------------------------------------------------
    def live(self) -> list[Entry]:
        return [e for e in self.t.entries if e.status != "deleted"]

    def article(self, t: Target) -> Entry:
        if t.article is None:
            raise self.fail(f"“{t.citation()}”不是条文")
        for e in self.t.entries:
            if e.kind == "article" and e.origin is not None and e.origin.number == t.article:
                if e.status == "deleted":
                    raise self.fail(f"{article_label(t.article)}已被前面的指令删去")
                return e
        arts = [e for e in self.t.entries if e.kind == "article" and e.origin is not None]
        span = f"{arts[0].origin.label}至{arts[-1].origin.label}" if arts else "没有条文"
        raise self.fail(f"原文没有{article_label(t.article)}（原文共 {len(arts)} 条：{span}）")

    def prologue(self) -> Entry:
        for e in self.t.entries:
            if e.kind == "prologue":
                return e
        raise self.fail("原文没有序言")

    def heading(self, t: Target) -> Entry:
        kind = t.level if t.level in HEADINGS else None
        if kind is None:
            raise self.fail(f"“{t.citation()}”不是编、章或节")
        want = {k: getattr(t, k) for k in HEADINGS if getattr(t, k) is not None}
        found = []
        for e in self.t.entries:
            if e.kind != kind or e.origin is None or e.status == "deleted":
                continue
            path = _path(e.origin)
            if all(path.get(k) == v for k, v in want.items()):
                found.append(e)
        if len(found) == 1:
            return found[0]
        if not found:
            raise self.fail(f"原文没有{t.citation().replace('章名', '').replace('节名', '')}")
        raise self.fail(f"“{t.citation()}”不止一处（请写明所在的编或章）")

    def paragraphs(self, t: Target) -> tuple[Entry, list[Piece]]:
        """The article (or prologue) and the paragraphs named, numbered as before."""
        e = self.prologue() if t.prologue else self.article(t)
        if t.paragraph is None:
            return e, list(e.pieces)
        found = [p for p in e.pieces if p.origin is not None and p.number == t.paragraph]
        if found:
            return e, found
        where = "序言" if t.prologue else article_label(t.article)
        n = len({p.number for p in e.pieces if p.origin is not None})
        unit = "自然段" if t.prologue else "款"
        raise self.fail(f"{where}没有第{to_chinese(t.paragraph)}{unit}（原有 {n} {unit}）")

    def paragraph_with_items(self, t: Target) -> tuple[Entry, Piece]:
        """The paragraph an item belongs to: named, singled out by quoted words, or the one with a list."""
        e = self.article(t)
        if t.paragraph is not None:
            ps = self.paragraphs(t)[1]
            return e, next((p for p in ps if p.children), ps[0])
        if t.locator:
            want = plain(t.locator)
            for p in e.pieces:
                if want in plain(p.words()):
                    return e, p
            raise self.fail(f"{article_label(t.article)}中没有“{t.locator}”")
        with_items = [p for p in e.pieces if p.children]
        if len(with_items) == 1 or (with_items and t.item is not None):
            if t.item is not None:
                for p in with_items:
                    if any(c.origin is not None and c.origin.number == t.item for c in p.children):
                        return e, p
            return e, with_items[0]
        if not with_items and len(e.pieces) >= 1:
            return e, e.pieces[0] if len(e.pieces) == 1 else e.pieces[-1]
        raise self.fail(f"{article_label(t.article)}有几款都列有项，请写明是哪一款")

    def items(self, t: Target) -> tuple[Entry, Piece, list[Piece]]:
        e, para = self.paragraph_with_items(t)
        for c in para.children:
            if c.origin is not None and c.origin.number == t.item:
                if t.subitem is None:
                    return e, para, [c]
                for s in c.children:
                    if s.origin is not None and s.origin.number == t.subitem:
                        return e, c, [s]
                raise self.fail(f"{t.citation()}不存在")
        raise self.fail(f"{t.citation()}不存在（该款原有 {len(para.children)} 项）")

    def scope(self, t: Target) -> tuple[Entry, list[Piece], bool]:
        """(entry, pieces, whether the article's own heading is in scope) for words to find."""
        lv = t.level
        if lv in ("article",):
            e = self.article(t)
            return e, list(e.all_pieces()), True
        if lv in ("paragraph", "prologue_paragraph", "prologue"):
            e, ps = self.paragraphs(t)
            return e, [q for p in ps for q in p.walk()], False
        if lv in ("item", "subitem"):
            e, _, its = self.items(t)
            return e, [q for p in its for q in p.walk()], False
        if lv in HEADINGS:
            e = self.heading(t)
            return e, [], True
        raise self.fail(f"无法在“{t.citation()}”中查找字句")

    # -- running -----------------------------------------------------------------------------
    def run(self) -> Result:
        from kb.amend.renumber import finalize

        for ins in self.am.instructions:
            self._ins = ins
            if ins.problems:
                self._op = None
                raise KbError(f"{instruction_name(ins)}有无法识别的修改指令：{ins.problems[0]}", self.am.source, ins.line)
            for op in ins.ops:
                self._op = op
                if op.informational:
                    continue
                op = _unnested(op)
                handler = getattr(self, "op_" + op.action, None)
                if handler is None:
                    raise self.fail(f"不支持的操作“{op.action}”")
                handler(op)
        self._op = None
        return finalize(self)

    def record(self, op: Op, entry: Entry | None, old: str = "", detail: str = "") -> None:
        self.changes.append(Change(instruction_name(self._ins), op.action, old, line=op.line, entry=entry, detail=detail))

    # -- operations ----------------------------------------------------------------------------
    def op_replace(self, op: Op) -> None:
        t = op.target
        lv = t.level
        if lv == "article":
            e = self.article(t)
            self.restate(e, op.text or "")
            self.record(op, e, t.citation())
        elif lv in ("paragraph", "prologue_paragraph"):
            e, first = self.paragraphs(t)
            ps = [p for x in op.targets for p in self.paragraphs(x)[1]] if len(op.targets) > 1 else first
            self.swap(e.pieces, ps, pieces_from(op.text or "", self.t.style, _inline(e, ps[0])))
            e.changed = True
            self.record(op, e, "、".join(x.citation() for x in op.targets))
        elif lv in ("item", "subitem"):
            e, parent, its = self.items(t)
            if len(op.targets) > 1:
                its = [self.items(x)[2][0] for x in op.targets]
            new = self.new_items(op.text or "", parent, its[0], lv)
            self.swap(parent.children, its, new)
            e.changed = True
            self.record(op, e, t.citation())
        elif lv in HEADINGS:
            h = self.heading(t)
            end = self.delete_heading_and_contents(h)
            self.insert_block_at(end, op.text or "")
            self.record(op, h, t.citation())
        else:
            raise self.fail(f"无法整体修改“{t.citation()}”")

    def restate(self, e: Entry, text: str) -> None:
        """The article says ``text`` from now on (its label kept; a bracketed heading in ``text`` is its heading)."""
        heading, body = split_heading(_strip_label(text))
        lab = e.label[1] if e.label else 0
        after = e.head[lab:]
        own_line = after.endswith("\n")          # the words start on the line after the label (and heading)
        gap = _trail(after) if own_line else (_trail(after) or self.t.style.sep)
        e.head = e.head[:lab] + (heading or "") + gap
        e.pieces = pieces_from(body, self.t.style, first_inline=not own_line)
        if e.pieces and not own_line:
            e.pieces[0].raw = e.pieces[0].raw.lstrip()
        e.changed = True

    def swap(self, siblings: list[Piece], old: list[Piece], new: list[Piece]) -> None:
        i = siblings.index(old[0])
        for p in old:
            if p not in siblings:
                raise self.fail("要修改的几款（项）不相连")
        j = max(siblings.index(p) for p in old)
        if j - i + 1 != len(old):
            raise self.fail("要修改的几款（项）不相连")
        if new and old:
            # keep the line end of what is replaced (the last paragraph of a text has no blank after it)
            new[-1].raw = new[-1].raw.rstrip() + _trail(old[-1].raw) if not new[-1].children else new[-1].raw
        siblings[i:j + 1] = new

    def new_items(self, text: str, parent: Piece, like: Piece | None, level: str = "item") -> list[Piece]:
        kind = "subitem" if level == "subitem" else "item"
        prefix = _lead(like.raw) if like is not None else self.t.style.item_prefix
        out = []
        for line in [l.strip() for l in text.split("\n") if l.strip()]:
            out.append(Piece(kind, prefix + line + (_trail(like.raw) if like else self.t.style.para_end),
                             changed=True))
        parent.changed = True
        return out

    def op_replace_text(self, op: Op) -> None:
        """“A”“B”修改为“C”“D”: the paragraphs quoted first are restated by those quoted after."""
        t = op.target
        e, ps = self.paragraphs(t) if t.level != "item" else (self.items(t)[0], self.items(t)[2])
        old = [plain(x) for x in (op.old or "").split("\n") if x.strip()]
        siblings = e.pieces
        words = [plain(p.full_text()) for p in siblings]
        for i in range(len(siblings) - len(old) + 1):
            if words[i:i + len(old)] == old:
                first = siblings[i]
                self.swap(siblings, siblings[i:i + len(old)], pieces_from(op.text or "", self.t.style,
                                                                         _inline(e, first)))
                e.changed = True
                self.record(op, e, t.citation())
                return
        raise self.fail(f"{_where(t)}中没有引号内的原文“{_clip(op.old)}”")

    def op_replace_words(self, op: Op) -> None:
        self.words(op, op.old or "", op.text or "")

    def op_delete_words(self, op: Op) -> None:
        self.words(op, op.old or "", "")

    def op_insert_words(self, op: Op) -> None:
        t = op.target
        if op.old is None:
            e, pieces, _ = self.scope(t)
            p = pieces[-1] if op.position == "end" else pieces[0]
            body = p.raw.rstrip()
            at = len(body) if op.position == "end" else len(_lead(p.raw))
            p.edit(at, at, op.text or "")
            e.changed = True
            self.record(op, e, t.citation())
            return
        add = op.text or ""
        if op.unit == "句":
            add = self.separated(op, add)
        new = (op.old + add) if op.position != "before" else (add + op.old)
        self.words(op, op.old, new, keep=True)

    def separated(self, op: Op, add: str) -> str:
        """在“A”前增写“B”: B joins a list of phrases, with the comma A has on that side."""
        _, pieces, _ = self.scope(op.target)
        raw = "".join(p.raw for p in pieces)
        i = raw.find(op.old or "\0")
        if i < 0:
            return add
        if op.position == "before" and i > 0 and raw[i - 1] in "，、；" and add[-1:] not in "，、；。":
            return add + raw[i - 1]
        after = raw[i + len(op.old):i + len(op.old) + 1]
        if op.position != "before" and after in ("，", "、", "；") and add[:1] not in "，、；。":
            return after + add
        return add

    def words(self, op: Op, old: str, new: str, keep: bool = False) -> None:
        """Replace every ``old`` in the target by ``new`` (the conventions: 将……中的“A”修改为“B”)."""
        if not old:
            raise self.fail("没有给出要修改的字句")
        total = 0
        entries = []
        for t in op.targets:
            e, pieces, head = self.scope(t)
            n = 0
            for p in pieces:
                n += _replace_in(p, old, new)
            if head and n == 0:
                # the article's own heading （……） only when its body does not have the words
                n += self.head_words(e, old, new)
            if n == 0:
                raise self.fail(f"{_where(t)}中没有“{_clip(old)}”")
            e.changed = True
            total += n
            entries.append(e)
        self.record(op, entries[0], "、".join(t.citation() for t in op.targets),
                    detail=f"{total} 处" if total > 1 else "")

    def head_words(self, e: Entry, old: str, new: str) -> int:
        start = e.label[1] if e.label else 0
        rest = e.head[start:]
        n = rest.count(old)
        if n:
            e.head = e.head[:start] + rest.replace(old, new)
            if e.is_heading:
                e.changed = True
        return n

    def op_delete(self, op: Op) -> None:
        for t in op.targets:
            lv = t.level
            if lv == "article":
                e = self.article(t)
                if self.t.renumber:
                    e.status = "deleted"
                else:
                    e.status = "placeholder"
                    e.head = e.head[:e.label[1]] + self.t.style.sep if e.label else e.head
                    e.pieces = [Piece("paragraph", "（删去）" + _trail(_last_raw(e)), changed=True)]
                e.changed = True
                self.record(op, e, t.citation())
            elif lv in ("paragraph", "prologue_paragraph"):
                e, ps = self.paragraphs(t)
                if len(e.pieces) == len(ps):
                    raise self.fail(f"{_where(t)}是该条唯一的一款，应删去整条")
                for p in ps:
                    self._remove_piece(e.pieces, p)
                e.changed = True
                self.record(op, e, t.citation())
            elif lv in ("item", "subitem"):
                e, parent, its = self.items(t)
                self._remove_piece(parent.children, its[0])
                parent.changed = True
                e.changed = True
                self.record(op, e, t.citation())
            elif lv in HEADINGS:
                h = self.heading(t)
                self.delete_heading_and_contents(h)
                self.record(op, h, t.citation())
            else:
                raise self.fail(f"无法删去“{t.citation()}”")

    def _remove_piece(self, siblings: list[Piece], p: Piece) -> None:
        i = siblings.index(p)
        if i == len(siblings) - 1 and i > 0:
            # the last one goes: the one before it takes its line end (the end of the article)
            prev = siblings[i - 1]
            last = prev
            while last.children:
                last = last.children[-1]
            last.raw = last.raw.rstrip() + _trail(_deepest(p).raw)
        del siblings[i]

    def op_delete_heading(self, op: Op) -> None:
        h = self.heading(op.target)
        h.status = "deleted"
        self.headings_changed = True
        self.record(op, h, op.target.citation())

    def delete_heading_and_contents(self, h: Entry) -> int:
        """删去第X章: the heading and everything under it; returns the index after them."""
        es = self.t.entries
        i, j = es.index(h), self.end_of(h)
        for e in es[i:j]:
            # only what the text had under it: entries added or moved there by this decision stay
            if e is h or (e.origin is not None and h.origin is not None and _under(e.origin, h.origin)):
                e.status = "deleted"
        self.headings_changed = True
        return j

    def end_of(self, h: Entry) -> int:
        """Index after the last entry that belongs to heading ``h`` (its articles and sub-headings)."""
        es = self.t.entries
        i = es.index(h) + 1
        while i < len(es):
            e = es[i]
            if e.is_heading and e.status != "deleted" and RANK[e.kind] <= RANK[h.kind]:
                break
            i += 1
        return i

    def op_insert(self, op: Op) -> None:
        if op.unit in ("章", "节", "编"):
            self.insert_heading(op)
            return
        new = self.new_articles(op)
        self.place(new, op)
        for e in new:
            self.record(op, e, "", detail=f"作为{article_label(e.given)}" if e.given is not None else "")

    def new_articles(self, op: Op) -> list[Entry]:
        text = op.text or ""
        if _LABEL_LINE.match(text):
            block = block_from(text, self.t.style)
            arts = [e for e in block if e.kind == "article"]
            if len(arts) != len(block):
                raise self.fail("增加的条文中夹有章节标题，请用“增加一章（节）”")
            for e in arts:
                e.given = e.number
        else:
            heading, body = split_heading(text)
            arts = [Entry("article", "", None, pieces_from(body, self.t.style, first_inline=True),
                          status="inserted", changed=True, title=heading)]
            if op.count > 1:
                raise self.fail(f"增加{to_chinese(op.count)}条，但引号内的条文没有写明条号")
            if op.numbers:
                arts[0].given = op.numbers[0]
        if op.numbers and len(op.numbers) != len(arts):
            raise self.fail(f"写明增加 {len(op.numbers)} 条，引号内却有 {len(arts)} 条")
        if op.count != len(arts) and op.count > 1:
            raise self.fail(f"写明增加{to_chinese(op.count)}条，引号内却有 {len(arts)} 条")
        for e in arts:
            e.number = e.given
        return arts

    def after_last(self, anchor: Entry) -> int:
        """The index right after the last entry put after ``anchor`` (the anchor itself before any): two additions
        after one anchor keep the decision's order (在第五条后增加两条 … 第五条之一、之二)."""
        return self.t.entries.index(self.after.get(id(anchor), anchor)) + 1

    def place(self, new: list[Entry], op: Op) -> None:
        es = self.t.entries
        a = op.anchor
        if a is None:
            i = self.position_by_number(new[0].given)
        elif a.level == "article" or a.level in HEADINGS:
            anchor = self.article(a) if a.level == "article" else self.heading(a)
            if op.position == "before":
                i = es.index(anchor)
            elif op.position == "after" and a.level in HEADINGS:
                i = self.end_of(anchor)         # 在第X章后增加: after the heading's articles and sub-headings
            elif a.level in HEADINGS and new[0].given is not None:
                i = self.position_in(anchor, new[0].given)      # 在第一章中增加一条，作为第四条
            else:
                i = self.after_last(anchor)
                self.after[id(anchor)] = new[-1]
        else:
            raise self.fail(f"无法在“{a.citation()}”{'前' if op.position == 'before' else '后'}增加条文")
        es[i:i] = new

    def position_by_number(self, given) -> int:
        """Where an article added with only its number (增加一条，作为第N条) goes."""
        es = self.t.entries
        if given is None:
            raise self.fail("增加的条文既没有写明位置（在第X条后），也没有写明条号（作为第X条）")
        base, sub = number_key(given)
        if sub:
            return self.after_last(self.article(Target(article=base)))
        arts = [e for e in es if e.kind == "article" and e.status != "deleted"]
        if not self.t.renumber:
            prev = [e for e in arts if e.number is not None and number_key(e.number) < (base, 0)]
            return es.index(prev[-1]) + 1 if prev else (es.index(arts[0]) if arts else len(es))
        if base - 1 < len(arts):
            return es.index(arts[base - 1])
        return es.index(arts[-1]) + 1 if arts else len(es)

    def position_in(self, h: Entry, given) -> int:
        """增加一条，作为第N条 inside a chapter or section (在第一章中增加一条，作为第四条): where the number puts it,
        which must be inside that heading — the number is the article's place, not something to drop for the
        heading's start.  A number just past the heading's last article puts it at the heading's end (not after the
        next chapter's heading, where the article bearing that number now stands)."""
        es = self.t.entries
        start, end = es.index(h) + 1, self.end_of(h)
        arts = [e for e in es if e.kind == "article" and e.status != "deleted"]
        inside = [e for e in es[start:end] if e.kind == "article" and e.status != "deleted"]
        i = self.position_by_number(given)
        live = {id(e) for e in arts}
        between = es[end:i] if i > end else es[i:start]
        fits = not any(id(e) in live for e in between)
        if self.t.renumber and not number_key(given)[1] and number_key(given)[0] > len(arts) + 1:
            fits = False                # past the text's end: position_by_number would just append it
        if not fits:
            now = (f"现有{article_label(inside[0].number)}至{article_label(inside[-1].number)}" if inside
                   else "现在没有条文")
            raise self.fail(f"第{to_chinese(h.number)}{_ZH[h.kind]}{now}，增加的条文不能作为{article_label(given)}")
        if i > end:
            return end
        if i < start:
            return es.index(inside[0]) if inside else end
        return i

    def insert_heading(self, op: Op) -> None:
        kind = {"章": "chapter", "节": "section", "编": "part"}[op.unit]
        es = self.t.entries
        a = op.anchor
        n = op.numbers[0] if op.numbers else None
        chain = None                       # the entry whose "after" chain this addition joins
        if a is None:
            same = [e for e in es if e.kind == kind and e.status != "deleted"]
            i = es.index(same[n - 1]) if n and n - 1 < len(same) else len(es)
        elif a.level in HEADINGS and op.position == "in":
            h = self.heading(a)
            end = self.end_of(h)
            same = [e for e in es[es.index(h) + 1:end] if e.kind == kind and e.status != "deleted"]
            if n and n - 1 < len(same):
                i = es.index(same[n - 1])
            elif kind == RANK_KIND.get(h.kind):
                i = end
            else:
                chain = h
                i = self.after_last(h)
        elif a.level in HEADINGS:
            h = self.heading(a)
            i = self.end_of(h) if op.position == "after" else es.index(h)
        elif a.level == "article":
            art = self.article(a)
            if op.position == "before":
                i = es.index(art)
            else:
                chain = art
                i = self.after_last(art)
        else:
            raise self.fail(f"无法在“{a.citation()}”增加{op.unit}")
        added = self.insert_block(i, kind, n, op)
        if chain is not None:
            self.after[id(chain)] = added[-1]

    def insert_block(self, i: int, kind: str, number, op: Op) -> list[Entry]:
        block = block_from(op.text, self.t.style) if op.text else []
        if block and block[0].kind == kind:
            head = block.pop(0)
            head.title = head.title or op.title
        else:
            head = Entry(kind, "", None, number=number, status="inserted", changed=True, title=op.title)
        if not head.title:
            raise self.fail(f"增加的{_ZH[kind]}没有名称")
        head.given = number if number is not None else head.number
        head.number = head.given
        arts = [e for e in block if e.kind == "article"]
        if op.article_numbers and len(op.article_numbers) != len(arts):
            raise self.fail(f"写明增加 {len(op.article_numbers)} 条，内容中却有 {len(arts)} 条")
        for e in block:
            e.given = e.number
        if any(e.kind == "article" and not e.pieces for e in block):
            raise self.fail("增加的条文没有内容")
        if not block and op.text:
            raise self.fail("没有读出增加的内容")
        self.t.entries[i:i] = [head] + block
        self.headings_changed = True
        self.record(op, head, "", detail=f"“{head.title}”")
        for e in block:
            self.record(op, e, "", detail=f"作为{article_label(e.given)}" if e.kind == "article" else "")
        return [head] + block

    def insert_block_at(self, i: int, text: str) -> None:
        """将第三章修改为：“……”: the chapter written out again goes where the old one was."""
        block = block_from(text, self.t.style)
        if not block or not block[0].is_heading:
            raise self.fail("引号内应以章（节）名开头")
        for e in block:
            e.given = e.number
        self.t.entries[i:i] = block
        self.headings_changed = True

    def op_add_paragraph(self, op: Op) -> None:
        t = op.target
        e = self.prologue() if t.prologue else self.article(t)
        new = pieces_from(op.text or "", self.t.style)
        nums = op.numbers or [None]
        if op.position == "end" or nums[0] is None:
            i = len(e.pieces)
        else:
            i = nums[0] - 1
            if i > len(e.pieces) or i < 0:
                raise self.fail(f"{_where(t.article_only())}现有 {len(e.pieces)} 款，"
                                f"不能增加为第{to_chinese(nums[0])}款")
        if len(nums) > 1 and len(new) != len(nums):
            raise self.fail(f"写明增加 {len(nums)} 款，引号内却有 {len(new)} 段")
        if i == 0 and e.pieces and not e.head.endswith("\n"):
            # a new first paragraph takes the label's line; the old first one moves to a line of its own
            old_first = e.pieces[0]
            old_first.edit(0, 0, self.t.style.para_prefix)
            new[0].raw = new[0].raw.lstrip()
        if i == len(e.pieces) and e.pieces:
            # after the last paragraph: it gets a paragraph's line end; the new one ends the article
            last = _deepest(e.pieces[-1])
            end = _trail(last.raw)
            last.raw = last.raw.rstrip() + self.t.style.para_end
            _deepest(new[-1]).raw = _deepest(new[-1]).raw.rstrip() + end
        e.pieces[i:i] = new
        e.changed = True
        self.record(op, e, t.article_only().citation() if not t.prologue else "序言",
                    detail="增加" + "、".join(f"第{to_chinese(n)}款" for n in nums if n))

    def op_add_item(self, op: Op) -> None:
        t = op.target
        e, para = self.paragraph_with_items(t)
        nums = op.numbers or [len(para.children) + 1]
        i = nums[0] - 1
        if i > len(para.children) or i < 0:
            raise self.fail(f"该款现有 {len(para.children)} 项，不能增加为第{to_chinese(nums[0])}项")
        like = para.children[min(i, len(para.children) - 1)] if para.children else None
        new = self.new_items(op.text or "", para, like)
        if 0 < i < len(para.children) and _words_end(para.children[i - 1]) == "；":
            for p in new:
                if _words_end(p) not in "；;。，":
                    # an item added inside a list ends as its neighbours do
                    p.raw = p.raw.rstrip() + "；" + _trail(p.raw)
        for k, p in enumerate(new):
            if not _has_marker(p.raw):
                p.raw = _lead(p.raw) + _marker_like(like, nums[0] + k) + p.raw.lstrip()
        if i == len(para.children) and para.children:
            last = _deepest(para.children[-1])
            end = _trail(last.raw)
            last.raw = last.raw.rstrip() + self.t.style.para_end
            new[-1].raw = new[-1].raw.rstrip() + end
        para.children[i:i] = new
        para.changed = True
        e.changed = True
        self.record(op, e, t.citation() if t.paragraph else article_label(t.article),
                    detail="增加" + "、".join(f"第{to_chinese(n)}项" for n in nums))

    def op_move(self, op: Op) -> None:
        es = self.t.entries
        for t in op.targets:
            if t.level != "article":
                raise self.fail("只能移动条文；要移动章节，请删去后重新增加")
            e = self.article(t)
            es.remove(e)
            self.place([e], Op("insert", [], op.line, position=op.position, anchor=op.anchor))
            e.moved = True
            e.changed = True
            self.record(op, e, t.citation(),
                        detail=f"移至原{op.anchor.citation()}{'前' if op.position == 'before' else '后'}")

    def op_rename(self, op: Op) -> None:
        t = op.target
        if t.title:
            old = self.doc.title or ""
            if not old or old not in self.t.pre:
                raise self.fail("找不到原文的标题")
            self.t.pre = self.t.pre.replace(old, op.text or "", 1)
            self.record(op, None, "标题")
            return
        h = self.heading(t)
        old = h.name()
        if op.old and plain(op.old) != plain(old):
            raise self.fail(f"{_where(t)}现在是“{old}”，不是“{op.old}”")
        if not h.label:
            raise self.fail(f"找不到{_where(t)}")
        start = h.label[1]
        rest = h.head[start:]
        gap = rest[:len(rest) - len(rest.lstrip())] or self.t.style.heading.get(h.kind, ("", "　", ""))[1]
        h.head = h.head[:start] + gap + (op.text or "") + _trail(rest)
        h.changed = True
        self.record(op, h, t.citation())

    def op_renumber(self, op: Op) -> None:
        """原第二款作为第三款 without new wording: the numbers follow from the other instructions."""

    def op_result(self, op: Op) -> None:
        t = op.target
        if t.level in ("paragraph", "prologue_paragraph"):
            _, ps = self.paragraphs(t)
            have = "\n".join(p.full_text() for p in ps)
        elif t.level == "article":
            have = "\n".join(p.full_text() for p in self.article(t).pieces)
        else:
            _, _, its = self.items(t)
            have = its[0].full_text()
        if plain(have) != plain(op.text or ""):
            raise self.fail(f"按前面的指令修改后，{_where(t)}是“{_clip(have, 60)}”，与“相应修改为”的文字不一致")


def apply(doc: Document, amendment: Amendment) -> Result:
    """Apply ``amendment`` to ``doc``; raises KbError (naming the instruction) when it cannot."""
    return Applier(doc, amendment).run()


# -- helpers -------------------------------------------------------------------------------------

def instruction_name(ins: Instruction | None) -> str:
    """第一项 / 第三十二条: how an instruction is named in messages and lists."""
    if ins is None:
        return "修改指令"
    if not ins.label:
        return "修改指令"
    return f"第{ins.label.rstrip('、．.')}项" if not ins.label.startswith("第") else ins.label


def _where(t: Target) -> str:
    return t.citation().replace("章名", "").replace("节名", "")


def _clip(s: str | None, n: int = 30) -> str:
    s = (s or "").replace("\n", "／")
    return s if len(s) <= n else s[:n] + "…"


def _path(n) -> dict:
    out = {}
    p = n
    while p is not None and p.kind != "document":
        if p.kind in HEADINGS:
            out[p.kind] = p.number
        p = p.parent
    return out


def _under(n, h) -> bool:
    p = n.parent
    while p is not None:
        if p is h:
            return True
        p = p.parent
    return False


def _lead(raw: str) -> str:
    return raw[:len(raw) - len(raw.lstrip())]


def _words_end(p: Piece) -> str:
    return p.raw.rstrip()[-1:]


def _unnested(op: Op) -> Op:
    """Quoted wording as the text has it: a quotation inside a quotation is written ‘’."""
    from dataclasses import replace

    fix = lambda s: s.replace("‘", "“").replace("’", "”") if s else s
    return replace(op, text=fix(op.text), old=fix(op.old), title=fix(op.title))


def _trail(raw: str) -> str:
    return raw[len(raw.rstrip()):]


def _deepest(p: Piece) -> Piece:
    while p.children:
        p = p.children[-1]
    return p


def _last_raw(e: Entry) -> str:
    return _deepest(e.pieces[-1]).raw if e.pieces else e.head


def _inline(e: Entry, first: Piece) -> bool:
    """True when ``first`` is the article's first paragraph written on the label's line."""
    return e.kind == "article" and bool(e.pieces) and e.pieces[0] is first and not e.head.endswith("\n")


def _strip_label(text: str) -> str:
    """“第三条　……” restating an article may repeat its label: the label is not part of the wording."""
    m = _LABEL_LINE.match(text)
    if m:
        rest = text[m.end():]
        m2 = re.match(r"之[〇零一二两三四五六七八九十百千]+", rest)
        if m2:
            rest = rest[m2.end():]
        return rest.lstrip(" \u3000\t")
    return text


_MARKER = re.compile(r"^\s*(?:[（(][〇零一二两三四五六七八九十百千0-9０-９]+[）)]|[〇零一二两三四五六七八九十百千]+、|[0-9０-９]+[.．、])")


def _has_marker(raw: str) -> bool:
    return bool(_MARKER.match(raw))


def _marker_like(like: Piece | None, n: int) -> str:
    if like is None:
        return f"（{to_chinese(n)}）"
    m = _MARKER.match(like.raw)
    s = m.group(0).strip() if m else "（一）"
    if s[0] in "（(":
        return f"{s[0]}{to_chinese(n)}{s[-1]}"
    if s[0].isdigit():
        return f"{n}{s[-1]}"
    return f"{to_chinese(n)}、"


def _replace_in(p: Piece, old: str, new: str) -> int:
    """Replace every ``old`` in a piece's words (spaces between its characters allowed)."""
    raw = p.raw
    hits = [(m.start(), m.end()) for m in re.finditer(re.escape(old), raw)]
    if not hits and len(old) > 1:
        rx = r"[^\S\r\n]*".join(re.escape(c) for c in old if not c.isspace())
        hits = [(m.start(), m.end()) for m in re.finditer(rx, raw)]
    for s, e in reversed(hits):
        p.edit(s, e, new)
    return len(hits)
