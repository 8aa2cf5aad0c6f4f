"""Term uses: where a defined term occurs, so a reader can jump from the word to its definition.

A definition matters only where it applies, so a use is linked to the narrowest definition whose
scope holds it, and words that merely contain a short term (以下 in 以下简称) are left alone.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kb.layers.links.defining import definitions
from kb.layers.links.records import Definition, TermUse
from kb.layers.links.scan import cached, inside, scanned_nodes, title_spans, within
from kb.text.model import Document, Node

_TERM_RE_CACHE: dict[tuple, re.Pattern] = {}


def _terms_regex(terms: tuple[str, ...]) -> re.Pattern:
    """A pattern matching the longest of ``terms`` at each place, written as a trie: an
    alternation of the terms themselves is tried term by term at every character, quadratic in
    a text defining thousands of terms (kb bench linear's terms shape)."""
    r = _TERM_RE_CACHE.get(terms)
    if r is None:
        r = _TERM_RE_CACHE[terms] = re.compile(_trie_pattern(terms))
    return r


def _trie_pattern(words) -> str:
    """The words as one pattern that branches on one character at a time.  Where a word ends
    inside a longer one the rest is optional and greedy, so the longest word that matches wins,
    as in an alternation ordered longest first (the branches after a character differ in their
    first character, so at most one of them can match)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def pattern(node: dict) -> str:
        alts = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return (body if len(alts) > 1 else "(?:" + body + ")") + "?"
        return body

    # the recursion is as deep as the longest term, a few dozen characters at most
    return pattern(trie)


def term_uses(doc: Document) -> list[TermUse]:
    """Every use of a defined term: longest match first, only where the definition applies,
    not inside the term's own definition, not inside a title 《…》."""
    return cached(doc, "uses", lambda: _find(doc))


def uses_by_definition(defs: list[Definition], uses) -> list[tuple[Definition, list[TermUse], list[str]]]:
    """Each definition with the uses it governs (in text order) and the provisions (eids, each once,
    in the order of their first use) they stand in.  The one rule for counting a term's uses:
    ``kb define`` and the site glossary both call it, and both call a provision 一处 (a provision
    using the term twice is one 处 of two 次)."""
    by_def: dict[tuple[str, str], list[TermUse]] = {}
    for u in uses:
        by_def.setdefault((u.term, u.defined_in), []).append(u)
    out = []
    for d in defs:
        mine = by_def.get((d.term, d.eid), [])
        out.append((d, mine, list(dict.fromkeys(u.eid for u in mine))))
    return out


def _find(doc: Document) -> list[TermUse]:
    defs = definitions(doc)
    out: list[TermUse] = []
    if defs:
        by_term: dict[str, list[Definition]] = {}
        for d in defs:
            by_term.setdefault(d.term, []).append(d)
        terms = tuple(sorted(by_term, key=lambda t: (-len(t), t)))
        rx = _terms_regex(terms)
        own: dict[str, _Own] = {}
        for d in defs:
            own.setdefault(d.eid, _Own()).add(d)
        scopes = {t: _Scopes(ds) for t, ds in by_term.items()}
        for n in scanned_nodes(doc):
            titles = title_spans(n.text)
            mine = own.get(n.eid)
            for m in rx.finditer(n.text):
                term, a, b = m.group(), m.start(), m.end()
                if inside(titles, a, b):
                    continue
                if mine is not None and mine.covers(term, a):
                    continue          # the definiendum itself, or the term inside its own definition
                d = scopes[term].applicable(n)
                if d is None:
                    continue
                if len(term) <= 4 and _in_function_phrase(n.text, a, b):
                    continue          # 以下 inside 以下简称, 外 inside 以外: fixed function words
                if _bound(d) and not _after_quantity(n.text, a):
                    continue          # 以上 defined as 包括本数, but 具备以下特征 / 实施以上犯罪 point at the text
                if heads_a_listed_noun(n.text, a, b):
                    continue          # 社区 in 社会治安、社区矫正、公共卫生: the first characters of another noun
                out.append(TermUse(term, n.eid, a, b, d.eid))
    return out


#: fixed function words of legal Chinese; a term is not used strictly inside one (以下 in 以下简称)
_FUNCTION = re.compile(r"以[上下](?:分别)?(?:简称|统称|合称|称)|[以之][上下内外前后]|之间|如下|下列|予以|加以|给予|"
                       r"以及|或者|并且|应当|可以|但是|除外")
#: words that bound a quantity (以上、以下、以内，包括本数): used only after a number, a measure word or
#: a rank (三年以下, 县级以上, 有期徒刑以上, 五日以内), not when they point at the text (以下特征)
_BOUND_WORDS = {"以上", "以下", "以内", "以外", "不满", "超过", "以前", "以后", "届满", "不足"}
_QUANTITY = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两半%％"
                      "年月日天周时秒元角倍克吨米亩升株人次级个件岁名户项条款种批期刑役制限度份台辆头只匹本")


#: words that join the last items of an enumeration (甲、乙和丙, 甲、乙等) or end it (……等): a sibling item ends there
_LIST_JOIN = re.compile(r"[等和及与或]")


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


_NOUNS: frozenset | None = None


def _plain_noun(word: str) -> bool:
    """Whether jieba's dictionary (a dependency of kb) has ``word`` as a plain noun (tag n: 名称, 水质,
    种子), not a verb or verbal noun (矫正, 教育, 就业, 预防, 旅游)."""
    return word in plain_nouns()


def plain_nouns() -> frozenset:
    """The two-character plain nouns of jieba's dictionary, read once per process, when first needed
    (a command that forks workers reads them first: kb.site.versions)."""
    global _NOUNS
    if _NOUNS is None:
        import jieba

        # jieba's own dictionary through its public accessor (pinned version: the dictionary is part of what
        # kb's code version stands for); its lines are "word frequency tag": one search over the whole file
        # (a third of the time of splitting its 349,046 lines one by one, a cost of every process that exports)
        with jieba.get_dict_file() as f:
            data = f.read().decode("utf-8")
        _NOUNS = frozenset(_NOUN_LINE.findall(data))
    return _NOUNS


#: a line of jieba's dictionary giving a plain noun (tag n) of two characters: 名称 1234 n
_NOUN_LINE = re.compile(r"^(\S\S) \S+ n$", re.M)


def heads_a_listed_noun(text: str, a: int, b: int) -> bool:
    """Whether the term at text[a:b] is the first characters of another noun rather than a use of the
    term standing alone: the term and one more word of two characters make an item of an enumeration
    of nouns of one shape, at least three in a row, the others without the term (社会治安、社区矫正、
    公共卫生; 推进社区就业、社会保障、社会救助): each item names a field of its own, and the term only begins
    one.  Where the term modifies a list (社区文化、卫生、教育), is repeated in each item (燃气储罐、燃气罐车、
    燃气管道), or its item differs from the others (社区居民、驻区单位为对象), it is a use."""
    j = b
    while j < len(text) and _han(text[j]) and not _LIST_JOIN.match(text, j):
        j += 1
    if j - b != 2 or _plain_noun(text[b:j]):  # the term and one word naming an activity: 社区矫正,
        return False                            # 社区教育, 社区就业 (湿地名称, 河流水质: a thing of the term)
    term, size = text[a:b], j - a
    same = 1                                # the items of this shape in the enumeration, this one too
    k = j                                   # the items after it
    while text[k:k + 1] == "、":
        e = k + 1
        while e < len(text) and _han(text[e]) and not _LIST_JOIN.match(text, e):
            e += 1
        if e - k - 1 != size or term in text[k + 1:e]:
            break
        same, k = same + 1, e
    k = a                                   # and before it
    while k > 0 and text[k - 1] == "、":
        s = k - 1
        while s > 0 and _han(text[s - 1]) and not _LIST_JOIN.match(text, s - 1):
            s -= 1
        if k - 1 - s != size or term in text[s:k - 1]:
            break
        same, k = same + 1, s
    return same >= 3


def _after_quantity(text: str, a: int) -> bool:
    """Whether text[a:] follows a quantity: 三年以下, 县级（含县级）以上 (a bracketed note skipped)."""
    if a and text[a - 1] in "）)":
        i = max(text.rfind("（", 0, a - 1), text.rfind("(", 0, a - 1))
        if i >= 0 and a - i <= 12:
            a = i
    return a > 0 and text[a - 1] in _QUANTITY


def _bound(d: Definition) -> bool:
    return d.term in _BOUND_WORDS or "本数" in d.definition


def _in_function_phrase(text: str, a: int, b: int) -> bool:
    lo = max(0, a - 4)
    for m in _FUNCTION.finditer(text, lo, min(len(text), b + 4)):
        if m.start() <= a and b <= m.end() and (m.start(), m.end()) != (a, b):
            return True
    return False


class _Own:
    """The definitions made in one node: where their terms stand, and how far each definition's
    body runs (a term used there is not a use), looked up by bisection.  Both kinds of span
    end later the later they start, so the last one starting at or before a place is the only
    one that may hold it."""

    def __init__(self):
        self.terms: list[tuple[int, int]] = []                  # (start, end) of each definiendum
        self.bodies: dict[str, list[tuple[int, int]]] = {}      # term -> (start, body end)
        self.ready = False

    def add(self, d: Definition) -> None:
        self.terms.append((d.start, d.end))
        self.bodies.setdefault(d.term, []).append((d.start, d.body_end))

    def covers(self, term: str, a: int) -> bool:
        if not self.ready:
            self.terms.sort()
            for spans in self.bodies.values():
                spans.sort()
            self.ready = True
        return _last_holds(self.terms, a) or _last_holds(self.bodies.get(term, []), a)


def _last_holds(spans: list[tuple[int, int]], a: int) -> bool:
    i = bisect_right(spans, (a, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= a < spans[i][1]


class _Scopes:
    """The definitions of one term by the scope they hold in (None: the whole text)."""

    def __init__(self, defs: list[Definition]):
        self.first: dict[str | None, tuple[int, Definition]] = {}
        for i, d in enumerate(defs):
            self.first.setdefault(d.scope, (i, d))

    def applicable(self, n: Node) -> Definition | None:
        """The definition whose scope holds n and names the deepest unit (scope eid with the
        most parts); the first one given on a tie."""
        best = None
        x = n
        while x is not None:
            got = self.first.get(x.eid) if x.eid else None
            if got is not None:
                best = _deeper(best, got, x.eid.count("__") + 1)
            x = x.parent
        got = self.first.get(None)
        if got is not None:
            best = _deeper(best, got, 0)
        return best[2] if best is not None else None


def _deeper(best, got: tuple[int, Definition], depth: int):
    """(depth, -index, definition): the deeper scope, or the earlier definition on a tie."""
    cand = (depth, -got[0], got[1])
    return cand if best is None or cand[:2] > best[:2] else best
