"""Check an amendment against the consolidated text that includes it: is every place it changes
found there, and does the new wording read there exactly as the instruction gives it?

The corpus holds the 刑法 and 宪法 only as consolidated, already amended; for the latest 修正案 of
each (no later change touched what it changed) every instruction can be checked so.  The places
are found in the consolidated numbering: the amendment's own renumbering (第七节相应改为第八节，
第一百二十三条至第一百三十八条相应改为……) and the paragraphs and items it adds shift what follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kb.amend.state import plain
from kb.text.amendment.records import Amendment, Op, Target
from kb.text.model import Document
from kb.text.numerals import article_label


@dataclass
class Check:
    instruction: str
    op: str                 # what the operation does (第三百九十条 修改)
    where: str              # the place in the consolidated text
    found: bool             # the place exists there
    matches: bool           # the new wording reads there as given
    why: str = ""

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def verify(am: Amendment, doc: Document) -> list[Check]:
    v = _Verifier(am, doc)
    out = []
    for ins in am.instructions:
        label = ins.label.rstrip("、") or "（前言）"
        for op in ins.ops:
            if op.informational or op.action == "renumber":
                continue
            out.append(v.check(label, op))
    return out


class _Verifier:
    """Finds places in the consolidated text with the apply step's own look-ups (kb.amend.apply)."""

    def __init__(self, am: Amendment, doc: Document):
        from kb.amend.apply import Applier

        self.am, self.doc = am, doc
        self.ap = Applier(doc, Amendment(doc.source, doc.text, None, "amendment", None, [], []))
        self.art_map: dict = {}
        for ins in am.instructions:
            for op in ins.ops:
                if op.action == "renumber" and op.unit == "条" and len(op.targets) == len(op.numbers):
                    for t, n in zip(op.targets, op.numbers):
                        self.art_map[t.article] = n

    def mapped(self, t: Target, op: Op) -> Target:
        """``t`` in the consolidated numbering."""
        m = replace(t, article=self.art_map.get(t.article, t.article))
        if t.paragraph is not None and not t.prologue:
            m.paragraph = t.paragraph + self.added_before(t, "add_paragraph", t.paragraph, op)
        if t.item is not None:
            m.item = t.item + self.added_before(t, "add_item", t.item, op)
        return m

    def added_before(self, t: Target, action: str, n: int, this: Op) -> int:
        """Paragraphs (items) the amendment added in the same article before number ``n``."""
        k = 0
        for op in self.am.ops:
            if op is this:
                break
            if op.action == action and op.target.article == t.article and not op.informational:
                k += sum(1 for x in op.numbers if x <= n + k)
        return k

    def place(self, t: Target) -> tuple[str, str]:
        """(where, what it reads) in the consolidated text; KbError when it is not there."""
        ap = self.ap
        lv = t.level
        if lv in ("part", "subpart", "chapter", "section"):
            h = ap.heading(t)
            return h.head.strip(), h.name()
        if lv == "article":
            e = ap.article(t)
            return article_label(t.article), e.text()
        if lv in ("paragraph", "prologue_paragraph", "prologue"):
            e, ps = ap.paragraphs(t)
            return t.citation(), "\n".join(p.full_text() for p in ps)
        e, _, its = ap.items(t)
        return t.citation(), "\n".join(p.full_text() for p in its)

    def check(self, label: str, op: Op) -> Check:
        from kb.errors import KbError

        what = op.describe()
        if op.action == "insert":
            return self.check_insert(label, op, what)
        t = self.mapped(op.target, op)
        if op.action in ("add_paragraph", "add_item"):
            return self.check_added(label, op, what, t)
        try:
            where, text = self.place(t)
        except KbError:
            return Check(label, what, t.citation(), False, False, "合并文本中没有这一处")
        have = plain(text)
        a = op.action
        if a in ("replace", "replace_text", "result"):
            want, have = _loose(op.text or ""), _loose(text)
            ok = have == want or (a == "replace_text" and want in have)
            return Check(label, what, where, True, ok, "" if ok else "文字不同")
        have = _loose(text)
        if a == "replace_words":
            ok = _loose(op.text or "") in have
            return Check(label, what, where, True, ok, "" if ok else f"没有“{op.text}”")
        if a == "insert_words":
            both = (op.old or "") + (op.text or "") if op.position != "before" else (op.text or "") + (op.old or "")
            ok = _bare(both if op.old else op.text or "") in _bare(text)
            return Check(label, what, where, True, ok, "" if ok else "没有增加的字句")
        if a == "delete_words":
            ok = plain(op.old or "") not in have
            return Check(label, what, where, True, ok, "" if ok else f"仍有“{op.old}”")
        if a == "delete":
            ok = t.level != "article" or "删去" in have
            return Check(label, what, where, True, ok, "" if ok else "条文仍在")
        if a == "rename":
            ok = plain(op.text or "") == have
            return Check(label, what, where, True, ok, "" if ok else f"名称是“{text}”")
        return Check(label, what, where, True, True)

    def check_added(self, label: str, op: Op, what: str, t: Target) -> Check:
        """增加一款/一项: the paragraphs (items) now at the numbers given read as quoted."""
        from kb.errors import KbError

        paras = [plain(x) for x in (op.text or "").split("\n") if x.strip()]
        try:
            if op.action == "add_item":
                _, para = self.ap.paragraph_with_items(t)
                kids = [plain(c.full_text()) for c in para.children]
            else:
                e = self.ap.prologue() if t.prologue else self.ap.article(t)
                groups = {}
                for p in e.pieces:
                    groups.setdefault(p.number, []).append(p.full_text())
                kids = [plain("".join(v)) for k, v in groups.items() if k is not None]
        except KbError:
            return Check(label, what, t.citation(), False, False, "合并文本中没有这一处")
        k = op.numbers[0] if op.numbers else len(kids) - len(paras) + 1
        got = kids[k - 1:k - 1 + len(paras)] if k >= 1 else []
        unit = "项" if op.action == "add_item" else "款"
        where = f"{article_label(t.article) if t.article is not None else '序言'}第{k}{unit}"
        if len(got) < len(paras):
            return Check(label, what, where, False, False, "合并文本中没有这一处")
        ok = all(_loose(g) == _loose(p) for g, p in zip(got, paras))
        return Check(label, what, where, True, ok, "" if ok else "增加的文字不同")

    def check_insert(self, label: str, op: Op, what: str) -> Check:
        from kb.errors import KbError

        if op.unit in ("章", "节", "编"):
            kind = {"章": "chapter", "节": "section", "编": "part"}[op.unit]
            n = op.numbers[0] if op.numbers else None
            base = op.anchor or Target()
            t = replace(base, **{kind: n}) if base.level in ("part", "chapter") else Target(**{kind: n})
            try:
                h = self.ap.heading(t)
            except KbError:
                return Check(label, what, f"第{n}{op.unit}", False, False, "合并文本中没有这一章节")
            ok = plain(h.name()) == plain(op.title or "") and self._articles_match(op.text or "", op.article_numbers)
            return Check(label, what, h.head.strip(), True, ok, "" if ok else "名称或条文不同")
        nums = op.numbers
        missing = [n for n in nums if self.doc.article(n) is None]
        if not nums or missing:
            return Check(label, what, article_label(missing[0]) if missing else "", False, False,
                         "合并文本中没有这一条")
        ok = self._articles_match(op.text or "", nums)
        return Check(label, what, "、".join(article_label(n) for n in nums), True, ok, "" if ok else "文字不同")

    def _articles_match(self, text: str, nums: list) -> bool:
        from kb.amend.state import Style, block_from

        if _LABEL.search(text):
            block = [e for e in block_from(text, Style()) if e.kind == "article"]
            pairs = [(e.number, plain((e.title or "") + "".join(p.full_text() for p in e.pieces))) for e in block]
        elif nums:
            pairs = [(nums[0], plain(text))]
        else:
            return True
        for n, want in pairs:
            a = self.doc.article(n)
            if a is None or plain(self.ap.article(Target(article=n)).text()) != want:
                return False
        return True


def _loose(s: str) -> str:
    """Wording compared as the conventions write it: a quotation inside a quotation in ‘’, an item's
    closing ；or 。 left out of the quotation."""
    return plain(s).replace("‘", "“").replace("’", "”").rstrip("；;。，,")


def _bare(s: str) -> str:
    """Without punctuation: a phrase 增写 into a list takes the list's comma, which is not quoted."""
    return re.sub(r"[，、；。,;]", "", _loose(s))


_LABEL = re.compile(r"(^|\n)第[〇零一二两三四五六七八九十百千]+条")


def summary(checks: list[Check]) -> dict:
    found = sum(c.found for c in checks)
    ok = sum(c.matches for c in checks)
    return {"operations": len(checks), "found": found, "matches": ok}

