"""Compare two versions: aligned articles, character-level changes, summary, stale references.

``compare(old_doc, new_doc) -> Comparison`` (the agreed layer API).  The alignment
itself is :mod:`kb.align`; renderers are in :mod:`kb.redline`.

Within a pair the change is computed character by character (Chinese has no word
boundaries) and then cleaned up semantically (``cleanup``): short equal runs caught
between edits are folded into the edits, so a reader sees 具体行政行为 → 行政行为
or a phrase replaced, not scattered single characters.  Newlines are never folded,
so paragraph and item structure survives in the ops.
"""
from __future__ import annotations

import difflib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kb.compare.align import Alignment, align, article_text
from kb.text.model import Document, Node
from kb.text.numerals import NUMERAL_RE, parse_numeral

EQ, DEL, INS = "equal", "delete", "insert"


# ---------------------------------------------------------------- character diff

def char_ops(a: str, b: str) -> list[tuple[str, str]]:
    """Character-level diff of a → b, semantically cleaned."""
    return cleanup(raw_ops(a, b))


def raw_ops(a: str, b: str) -> list[tuple[str, str]]:
    """Character-level diff of a → b before cleanup (what similarity is computed from)."""
    if a == b:
        return [(EQ, a)] if a else []
    if not a:
        return [(INS, b)]
    if not b:
        return [(DEL, a)]
    # common prefix/suffix first (cheap, and keeps SequenceMatcher small)
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    s = 0
    while s < min(len(a), len(b)) - p and a[-1 - s] == b[-1 - s]:
        s += 1
    ops: list[tuple[str, str]] = []
    if p:
        ops.append((EQ, a[:p]))
    am, bm = a[p:len(a) - s], b[p:len(b) - s]
    sm = difflib.SequenceMatcher(None, am, bm, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            ops.append((EQ, am[i1:i2]))
        else:
            if i2 > i1:
                ops.append((DEL, am[i1:i2]))
            if j2 > j1:
                ops.append((INS, bm[j1:j2]))
    if s:
        ops.append((EQ, a[len(a) - s:]))
    return ops


def _merge(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join neighbours of the same kind; within each run of edits, deletions before insertions."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(ops):
        if ops[i][0] == EQ:
            if ops[i][1]:
                if out and out[-1][0] == EQ:
                    out[-1] = (EQ, out[-1][1] + ops[i][1])
                else:
                    out.append(ops[i])
            i += 1
            continue
        d, n = [], []
        while i < len(ops) and ops[i][0] != EQ:
            (d if ops[i][0] == DEL else n).append(ops[i][1])
            i += 1
        if d and "".join(d):
            out.append((DEL, "".join(d)))
        if n and "".join(n):
            out.append((INS, "".join(n)))
    return out


def cleanup(ops: list[tuple[str, str]], min_keep: int = 3) -> list[tuple[str, str]]:
    """Fold short equalities that sit between edits into the edits (diff-match-patch's
    semantic cleanup, adapted): an equal run is folded when it is no longer than the
    edits on both sides, or shorter than ``min_keep`` characters with edits on both
    sides.  Equal runs holding a newline are kept."""
    ops = _merge(ops)
    changed = True
    while changed:
        changed = False
        for i in range(1, len(ops) - 1):
            tag, text = ops[i]
            if tag != EQ or "\n" in text:
                continue
            before = _edit_len(ops, i, -1)
            after = _edit_len(ops, i, +1)
            if not before or not after:
                continue
            if len(text) <= min(before, after) or len(text) < min_keep:
                ops = ops[:i] + [(DEL, text), (INS, text)] + ops[i + 1:]
                ops = _merge(ops)
                changed = True
                break
    return _whole_numbers(ops)


_NUM = set("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万两")


def _whole_numbers(ops: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A changed number is shown whole: 202[-5-]{+6+}年 → [-2025-]{+2026+}年, 第二十[-三-]{+五+}条 →
    第[-二十三-]{+二十五+}条.  Applies when every edited character of a run is part of a number."""
    ops = list(ops)
    i = 0
    while i < len(ops):
        if ops[i][0] == EQ:
            i += 1
            continue
        j = i
        while j < len(ops) and ops[j][0] != EQ:
            j += 1
        edited = "".join(t for _, t in ops[i:j])
        if edited and all(c in _NUM for c in edited):
            head = ""
            if i > 0:
                t = ops[i - 1][1]
                k = len(t)
                while k > 0 and t[k - 1] in _NUM:
                    k -= 1
                head = t[k:]
                ops[i - 1] = (EQ, t[:k])
            tail = ""
            if j < len(ops):
                t = ops[j][1]
                k = 0
                while k < len(t) and t[k] in _NUM:
                    k += 1
                tail = t[:k]
                ops[j] = (EQ, t[k:])
            d = "".join(t for k2, t in ops[i:j] if k2 == DEL)
            n = "".join(t for k2, t in ops[i:j] if k2 == INS)
            repl = [(DEL, head + d + tail), (INS, head + n + tail)]
            repl = [x for x in repl if x[1]]
            ops[i:j] = repl
            i += len(repl)
        else:
            i = j
    return _merge([o for o in ops if o[1]])


def _edit_len(ops, i, step) -> int:
    """Length of the longer side (deleted or inserted) of the edits next to position i."""
    d = n = 0
    j = i + step
    while 0 <= j < len(ops) and ops[j][0] != EQ:
        if ops[j][0] == DEL:
            d += len(ops[j][1])
        else:
            n += len(ops[j][1])
        j += step
    return max(d, n)


def ratio(ops) -> float:
    eq = sum(len(t) for k, t in ops if k == EQ)
    tot = sum(len(t) for k, t in ops if k in (EQ, DEL)) + sum(len(t) for k, t in ops if k in (EQ, INS))
    return round(2 * eq / tot, 3) if tot else 1.0


# ---------------------------------------------------------------- comparison

@dataclass
class Pair:
    old: Node | None
    new: Node | None
    status: str
    renumbered: bool
    moved: bool
    similarity: float
    ops: list[tuple[str, str]]
    old_text: str = ""
    new_text: str = ""

    @property
    def old_label(self) -> str | None:
        return self.old.label if self.old is not None else None

    @property
    def new_label(self) -> str | None:
        return self.new.label if self.new is not None else None

    def to_dict(self) -> dict:
        return {"old": self.old_label, "new": self.new_label, "status": self.status,
                "renumbered": self.renumbered, "moved": self.moved, "similarity": self.similarity,
                "old_eid": self.old.eid if self.old is not None else None,
                "new_eid": self.new.eid if self.new is not None else None,
                "ops": [{"op": k, "text": t} for k, t in self.ops]}


@dataclass
class Comparison:
    old_doc: Document
    new_doc: Document
    alignment: Alignment
    pairs: list[Pair]
    summary: dict
    references: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"old": doc_info(self.old_doc), "new": doc_info(self.new_doc),
                "pairs": [p.to_dict() for p in self.pairs], "summary": self.summary,
                "headings": [{"kind": h.kind, "old": _hlabel(h.old), "new": _hlabel(h.new), "status": h.status}
                             for h in self.alignment.headings]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def changed(self) -> list[Pair]:
        return [p for p in self.pairs if p.status != "unchanged" or p.renumbered or p.moved]


def _hlabel(n: Node | None) -> str | None:
    if n is None:
        return None
    return f"{n.label} {n.title}".strip() if n.title else n.label


def doc_info(doc: Document) -> dict:
    m = doc.meta or {}
    return {"title": doc.title, "source": doc.source, "regulation": m.get("regulation"),
            "version": m.get("version"), "label": m.get("version_label") or version_label(doc),
            "status": doc.status, "date": m.get("date") or _date_from_name(doc.source),
            "articles": len(doc.articles), "chapters": len(doc.chapters)}


def _date_from_name(path: str) -> str | None:
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)", path or "")
    return m.group(1) if m else None


def version_label(doc: Document) -> str:
    m = doc.meta or {}
    if m.get("version_label"):
        return str(m["version_label"])
    d = _date_from_name(doc.source)
    if d:
        return d
    import os
    return os.path.basename(doc.source or "") or "?"


def compare(old_doc: Document, new_doc: Document) -> Comparison:
    al = align(old_doc, new_doc)
    pairs: list[Pair] = []
    for l in al.links:
        o = al.old[l.old] if l.old is not None else None
        n = al.new[l.new] if l.new is not None else None
        ot, nt = (o.text if o else ""), (n.text if n else "")
        if l.status == "unchanged":
            raw = ops = [(EQ, nt)] if nt else []
        else:
            raw = raw_ops(ot, nt)
            ops = cleanup(raw)
        sim = ratio(raw) if o and n else 0.0
        if l.status in ("split", "merged") and ot and nt:
            # the part's share found in the whole (a third of a split article matches it well)
            eq = sum(len(t) for k, t in raw if k == EQ)
            sim = round(min(1.0, eq / min(len(ot), len(nt))), 3)
        if l.status == "unchanged":
            sim = 1.0
        pairs.append(Pair(o.node if o else None, n.node if n else None, l.status, l.renumbered, l.moved,
                          sim, ops, ot, nt))
    cmp = Comparison(old_doc, new_doc, al, pairs, {})
    cmp.references = stale_references(cmp)
    cmp.summary = _summary(cmp)
    return cmp


_TITLE_NOISE = re.compile(r"[（(][^）)]*[）)]|中华人民共和国|[\s　]")


def same_regulation(old_doc: Document, new_doc: Document) -> bool:
    """Two versions of one regulation (True) or two different regulations (False)?

    The ``regulation`` key of both versions' metadata decides when known; otherwise the
    titles, read without bracketed notes such as （草案） or （2023年修订）.
    """
    mo, mn = old_doc.meta or {}, new_doc.meta or {}
    if mo.get("regulation") and mn.get("regulation"):
        return mo["regulation"] == mn["regulation"]
    to, tn = (_TITLE_NOISE.sub("", d.title or "") for d in (old_doc, new_doc))
    return not to or not tn or to in tn or tn in to


def _summary(cmp: Comparison) -> dict:
    pairs = cmp.pairs
    counts = Counter()
    split_old = {p.old.eid for p in pairs if p.status == "split"}
    merged_new = {p.new.eid for p in pairs if p.status == "merged"}
    for p in pairs:
        if p.status in ("unchanged", "modified", "added", "deleted"):
            counts[p.status] += 1
    counts["split"] = len(split_old)
    counts["merged"] = len(merged_new)
    renum = [{"old": p.old_label, "new": p.new_label, "old_eid": p.old.eid, "new_eid": p.new.eid}
             for p in pairs if p.old is not None and p.new is not None and p.renumbered]
    heads = Counter(h.status for h in cmp.alignment.headings)
    paired = [p for p in pairs if p.old is not None and p.new is not None]
    return {
        "old_articles": len(cmp.old_doc.articles), "new_articles": len(cmp.new_doc.articles),
        "unchanged": counts["unchanged"], "modified": counts["modified"], "added": counts["added"],
        "deleted": counts["deleted"], "split": counts["split"], "merged": counts["merged"],
        "renumbered": len({(r["old"], r["new"]) for r in renum}),
        "moved": sum(1 for p in paired if p.moved),
        "correspondence": bool(paired),
        "related": cmp.alignment.related,
        "same_regulation": same_regulation(cmp.old_doc, cmp.new_doc),
        "coverage": round((len({p.old.eid for p in paired}) + len({p.new.eid for p in paired}))
                          / max(1, len(cmp.old_doc.articles) + len(cmp.new_doc.articles)), 3),
        "mean_similarity": round(sum(p.similarity for p in paired) / len(paired), 3) if paired else 0.0,
        "renumberings": [{"old": r["old"], "new": r["new"]} for r in renum],
        "headings": dict(heads),
        "references": cmp.references,
    }


# ---------------------------------------------------------------- references

_CITE = re.compile(rf"第({NUMERAL_RE})条(?:之({NUMERAL_RE}))?")
_LAWISH = re.compile(r"(》|[^本](法|条例|规定|办法|细则|决定|规则))$")
_SEP = re.compile(r"(款|项|条)?[、，,和及与或者至到]*$")


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
    """Internal article references of ``doc``: from kb.links when available, else a regex."""
    import importlib
    try:
        links = importlib.import_module("kb.layers.links")
    except ImportError:
        return _regex_refs(doc)
    try:
        refs = links.references(doc)
    except Exception:       # the links layer is someone else's; a failure there must not break diff
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


def stale_references(cmp: Comparison) -> list[dict]:
    """References in the new text that still use an old number, or now point at a different provision.

    A citation 第X条 in an article of the new text is *carried over* when the citation with
    a few characters around it appears verbatim in the old counterpart article: nobody
    edited it.  If the old 第X条 now has another number (or was deleted) while the new text
    has a different article numbered X, the carried-over citation still uses the old number
    and silently points at another provision: flagged, with the number to use.  A cited
    article that does not exist in the new text is flagged too.
    """
    old_doc, new_doc = cmp.old_doc, cmp.new_doc
    old_num = {a.number: a for a in old_doc.articles}
    new_num = {a.number: a for a in new_doc.articles}
    o2n = defaultdict(list)
    n2o = defaultdict(list)
    for p in cmp.pairs:
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
            node = new_doc.get(r.eid)
            t = node.text if node is not None else ""
            left = re.split(r"[。；;]", t[max(0, r.start - 6):r.start])[-1] if t else ""
            right = re.split(r"[。；;]", t[r.end:r.end + 6])[0] if t else ""
            window = left + (t[r.start:r.end] if t else r.text) + right
            carried = False
            for o in n2o.get(r.article.eid, []):
                if o.eid not in old_text:
                    old_text[o.eid] = article_text(o)
                if window and window in old_text[o.eid]:
                    carried = True
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


def _label(x) -> str:
    from kb.text.numerals import article_label
    try:
        return article_label(x)
    except Exception:
        return f"第{x}条"


# ---------------------------------------------------------------- for the site

def previous_numbers(old_doc: Document, new_doc: Document) -> dict[str, str]:
    """new article eid -> the label it had in the old text (only when it differs): 本条在上一稿中为第X条."""
    al = align(old_doc, new_doc)
    out: dict[str, list[str]] = defaultdict(list)
    for l in al.links:
        if l.old is not None and l.new is not None:
            o, n = al.old[l.old], al.new[l.new]
            if o.label != n.label or l.status in ("merged",):
                out[n.eid].append(o.label)
    return {k: "、".join(v) for k, v in out.items()}


# ---------------------------------------------------------------- obligations

MODALITY_ZH = {"obligation": "应当", "prohibition": "不得", "permission": "可以",
               "encouragement": "鼓励", "sanction": "处罚"}


# permission → obligation makes a duty stricter; the reverse relaxes it
_STRENGTH = {("permission", "obligation"): "stricter", ("encouragement", "obligation"): "stricter",
             ("encouragement", "permission"): "stricter", ("obligation", "permission"): "relaxed",
             ("obligation", "encouragement"): "relaxed", ("permission", "encouragement"): "relaxed",
             ("permission", "prohibition"): "stricter", ("prohibition", "permission"): "relaxed"}
_UNIT_DAYS = {"小时": 1 / 24, "日": 1, "天": 1, "工作日": 1, "个工作日": 1, "周": 7, "个月": 30, "月": 30,
              "年": 365}
_DEADLINE = re.compile(rf"({NUMERAL_RE}|[0-9０-９]+)\s*(个工作日|工作日|小时|个月|日|天|周|月|年)")


def deadline_days(text) -> float | None:
    """三十日内 → 30, 三个月 → 90, 2年 → 730 (for comparing deadlines; None when there is none)."""
    if not text:
        return None
    m = _DEADLINE.search(str(text))
    if not m:
        return None
    try:
        n = parse_numeral(m.group(1))
    except (ValueError, KeyError):
        return None
    return n * _UNIT_DAYS[m.group(2)]


class ObligationsUnavailable(RuntimeError):
    pass


def _stmt_dict(s, doc: Document) -> dict:
    eid = getattr(s, "eid", "") or ""
    art = doc.get(eid.split("__")[0]) if eid else None
    return {"article": art.label if art is not None else getattr(s, "article", None), "eid": eid,
            "modality": getattr(s, "modality", None), "action": getattr(s, "action", "") or "",
            "deadline": _plainval(getattr(s, "deadline", None)),
            "quantity": _plainval(getattr(s, "quantity", None)),
            "explicit": getattr(s, "explicit", None)}


def obligation_diff(cmp: Comparison, extract=None) -> dict:
    """Per actor: obligation statements added, removed or changed (modality, deadline, quantity, wording).

    Statements come from ``kb.obligations.extract``; an old and a new statement are the
    same statement when their actors are equal, their articles are aligned, and their
    actions are similar (or they are the only statements of that actor in the pair).
    """
    if extract is None:
        try:
            from kb.layers.obligations import extract
        except ImportError as e:
            raise ObligationsUnavailable("义务抽取模块（kb.obligations）尚不可用") from e
    old_s = list(extract(cmp.old_doc))
    new_s = list(extract(cmp.new_doc))
    o2n = defaultdict(set)
    for p in cmp.pairs:
        if p.old is not None and p.new is not None:
            o2n[p.old.eid].add(p.new.eid)

    def art_eid(s):
        return (getattr(s, "eid", "") or "").split("__")[0]

    by_actor_new = defaultdict(list)
    for i, s in enumerate(new_s):
        by_actor_new[getattr(s, "actor", None)].append(i)
    used_new: set[int] = set()
    out: dict[str, dict] = defaultdict(lambda: {"added": [], "removed": [], "changed": [], "unchanged": 0})
    cand = []
    for i, s in enumerate(old_s):
        targets = o2n.get(art_eid(s), set())
        for j in by_actor_new.get(getattr(s, "actor", None), []):
            t = new_s[j]
            if art_eid(t) not in targets:
                continue
            sim = _dice_text(getattr(s, "action", "") or "", getattr(t, "action", "") or "")
            same_mod = getattr(s, "modality", None) == getattr(t, "modality", None)
            cand.append((sim + (0.1 if same_mod else 0), i, j))
    used_old: set[int] = set()
    matches = []
    for sc, i, j in sorted(cand, reverse=True):
        if i in used_old or j in used_new or sc < 0.3:
            continue
        used_old.add(i)
        used_new.add(j)
        matches.append((i, j))
    for i, j in matches:
        s, t = old_s[i], new_s[j]
        actor = getattr(t, "actor", None) or "（未识别）"
        changes = []
        for f in ("modality", "deadline", "quantity"):
            a, b = getattr(s, f, None), getattr(t, f, None)
            if a != b:
                ch = {"field": f, "old": _plainval(a), "new": _plainval(b)}
                if f == "deadline":
                    da, db = deadline_days(a), deadline_days(b)
                    if da is not None and db is not None and da != db:
                        ch["direction"] = "shortened" if db < da else "lengthened"
                elif f == "modality":
                    ch["direction"] = _STRENGTH.get((a, b))
                changes.append(ch)
        if (getattr(s, "action", "") or "") != (getattr(t, "action", "") or ""):
            changes.append({"field": "action", "old": getattr(s, "action", ""), "new": getattr(t, "action", "")})
        if changes:
            out[actor]["changed"].append({"old": _stmt_dict(s, cmp.old_doc), "new": _stmt_dict(t, cmp.new_doc),
                                          "changes": changes})
        else:
            out[actor]["unchanged"] += 1
    for i, s in enumerate(old_s):
        if i not in used_old:
            out[getattr(s, "actor", None) or "（未识别）"]["removed"].append(_stmt_dict(s, cmp.old_doc))
    for j, t in enumerate(new_s):
        if j not in used_new:
            out[getattr(t, "actor", None) or "（未识别）"]["added"].append(_stmt_dict(t, cmp.new_doc))
    return dict(sorted(out.items(), key=lambda kv: -(len(kv[1]["added"]) + len(kv[1]["removed"])
                                                     + len(kv[1]["changed"]))))


def _plainval(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (list, tuple)):
        return [_plainval(x) for x in v]
    if isinstance(v, dict):
        return {k: _plainval(x) for k, x in v.items()}
    if hasattr(v, "__dataclass_fields__"):
        from dataclasses import asdict
        return asdict(v)
    return str(v)


def _dice_text(a: str, b: str) -> float:
    if a == b:
        return 1.0
    ga = Counter(a[i:i + 2] for i in range(len(a) - 1))
    gb = Counter(b[i:i + 2] for i in range(len(b) - 1))
    tot = sum(ga.values()) + sum(gb.values())
    return 2 * sum((ga & gb).values()) / tot if tot else 0.0
