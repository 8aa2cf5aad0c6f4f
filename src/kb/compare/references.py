"""Citations in a revised text that still use an article's old number.

A revision renumbers articles, and a citation 第X条 copied unchanged from the old text then
silently points at another provision.  Finding these needs the alignment (which old article
became which new one) and the text's internal references; the result is a list of flags the
comparison carries and every renderer shows.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from kb.compare.similarity import article_text
from kb.layers.links import references as link_references
from kb.text.model import Document, Node
from kb.text.numerals import NUMERAL_RE, article_label, parse_numeral

_CITE = re.compile(rf"第({NUMERAL_RE})条(?:之({NUMERAL_RE}))?")
_LAWISH = re.compile(r"(》|[^本](法|条例|规定|办法|细则|决定|规则))$")


@dataclass
class Ref:
    eid: str            # referring node
    article: Node
    text: str           # as written, 第十二条
    number: int | str   # article number cited
    start: int
    end: int


def _regex_refs(doc: Document) -> list[Ref]:
    out = []
    for a in doc.articles:
        for node in a.walk():
            t = node.text or ""
            chain_start = None
            last_end = -1
            for m in _CITE.finditer(t):
                try:
                    num = parse_numeral(m.group(1))
                    num = f"{num}-{parse_numeral(m.group(2))}" if m.group(2) else num
                except (ValueError, KeyError):
                    continue
                between = t[last_end:m.start()] if last_end >= 0 else None
                if between is not None and re.fullmatch(r"(第[^条]{0,6}款)?(第[^条]{0,6}项)?[、，,和及与或者至到]{1,3}", between):
                    pass    # continues a chain: 第十二条、第十三条
                else:
                    chain_start = m.start()
                last_end = m.end()
                before = t[max(0, chain_start - 12):chain_start]
                if _LAWISH.search(before) and not re.search(r"本(法|条例|规定|办法|细则|决定|规则)$", before):
                    continue   # cites another law
                out.append(Ref(node.eid, a, m.group(0), num, m.start(), m.end()))
    return out


def references_of(doc: Document) -> list[Ref]:
    """Internal article references of ``doc``: from the links layer, or a regex should it fail."""
    try:
        refs = link_references(doc)
    except Exception:       # a failure of the links layer must not break diff
        return _regex_refs(doc)
    out = []
    for r in refs:
        if getattr(r, "kind", "internal") != "internal" or not _CITE.search(r.text or ""):
            continue          # external, self, or relative (前款, 本条): numbers don't matter
        node = doc.get(r.eid)
        art = node if node is not None and node.kind == "article" else (node.ancestor("article") if node else None)
        if art is None:
            continue
        nums = []
        for t in r.targets or []:
            m = re.match(r"art_([0-9]+(?:-[0-9]+)?)", str(t))
            if m:
                nums.append(int(m.group(1)) if m.group(1).isdigit() else m.group(1))
        if not r.targets:       # unresolved: read the numbers as written
            for m in _CITE.finditer(r.text):
                try:
                    n = parse_numeral(m.group(1))
                    nums.append(f"{n}-{parse_numeral(m.group(2))}" if m.group(2) else n)
                except (ValueError, KeyError):
                    pass
        for num in dict.fromkeys(nums):
            out.append(Ref(r.eid, art, r.text, num, r.start, r.end))
    # de-duplicate (one reference may name several paragraphs of one article)
    seen, uniq = set(), []
    for r in out:
        k = (r.eid, r.start, r.number)
        if k not in seen:
            seen.add(k)
            uniq.append(r)
    return uniq


def stale_references(old_doc: Document, new_doc: Document, pairs) -> list[dict]:
    """References in the new text that still use an old number, or now point at a different provision.

    A citation 第X条 in an article of the new text is *carried over* when the citation with
    a few characters around it appears verbatim in the old counterpart article: nobody
    edited it.  If the old 第X条 now has another number (or was deleted) while the new text
    has a different article numbered X, the carried-over citation still uses the old number
    and silently points at another provision: flagged, with the number to use.  A cited
    article that does not exist in the new text is flagged too.
    """
    old_num = {a.number: a for a in old_doc.articles}
    new_num = {a.number: a for a in new_doc.articles}
    o2n = defaultdict(list)
    n2o = defaultdict(list)
    for p in pairs:
        if p.old is not None and p.new is not None:
            o2n[p.old.eid].append(p.new)
            n2o[p.new.eid].append(p.old)
    old_text = {}
    flags = []
    for r in references_of(new_doc):
        x = r.number
        target_new = new_num.get(x)
        old_x = old_num.get(x)
        now = o2n.get(old_x.eid, []) if old_x is not None else []
        now_labels = "、".join(n.label for n in now)
        flag = None
        if target_new is None:
            flag = ("missing", f"引用的第{x}条在新文本中不存在" if not isinstance(x, int) else
                    f"引用的{_label(x)}在新文本中不存在" + (f"；原{_label(x)}现为{now_labels}" if now else ""))
        elif old_x is not None and all(n is not target_new for n in now):
            carried = _carried_over(r, new_doc, n2o.get(r.article.eid, []), old_text)
            if carried and now:
                flag = ("old_number", f"仍使用旧条号：原{old_x.label}现为{now_labels}，"
                                      f"而新文本的{target_new.label}是另一条")
            elif carried:
                flag = ("deleted_target", f"引用的原{old_x.label}已删除，新文本的{target_new.label}是另一条")
        if flag:
            flags.append({"eid": r.eid, "article": r.article.label, "text": r.text, "start": r.start,
                          "end": r.end, "kind": flag[0], "message": flag[1], "cited": _label(x),
                          "suggest": [n.label for n in now] if flag[0] != "deleted_target" else []})
    return flags


def _carried_over(r: Ref, new_doc: Document, old_articles: list[Node], old_text: dict[str, str]) -> bool:
    """Does the citation, with a few characters around it, appear verbatim in an old counterpart
    of its article (``old_text`` caches their texts)?"""
    node = new_doc.get(r.eid)
    t = node.text if node is not None else ""
    left = re.split(r"[。；;]", t[max(0, r.start - 6):r.start])[-1] if t else ""
    right = re.split(r"[。；;]", t[r.end:r.end + 6])[0] if t else ""
    window = left + (t[r.start:r.end] if t else r.text) + right
    carried = False
    for o in old_articles:
        if o.eid not in old_text:
            old_text[o.eid] = article_text(o)
        if window and window in old_text[o.eid]:
            carried = True
    return carried


def _label(x) -> str:
    try:
        return article_label(x)
    except Exception:
        return f"第{x}条"
