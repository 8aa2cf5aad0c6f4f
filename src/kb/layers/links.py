"""Cross-link layer: definitions, term uses, internal/external references, back-references.

Computed from a parsed :class:`~kb.model.Document` without changing it; everything is keyed
by node eid and offsets into that node's ``text`` (paragraphs, items and subitems are the
nodes scanned; the preamble – title block and table of contents – is not).

Public API (agreed with the other layers):

- ``definitions(doc) -> list[Definition]``
- ``term_uses(doc) -> list[TermUse]``
- ``references(doc, index=None) -> list[Reference]`` (``index``: :func:`kb.laws.law_index`)
- ``backrefs(doc) -> dict[target_eid, list[Reference]]``
- ``link_warnings(doc) -> list[Issue]`` (references that point nowhere, with file and line)
- ``export_layer(doc) -> {"definitions": [...], "references": [...], "uses": [...]}``

Everything is cached per Document (weakly), so the site and search can call freely.
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from kb.text.model import Document, Issue, Node
from kb.text.numerals import NUMERAL_RE, parse_numeral, to_chinese

SCANNED = ("paragraph", "item", "subitem")

#: words by which a text names itself (本条例 …); longest first so 本条例 wins over 本条
SELF_WORDS = ("本条例实施细则", "本实施细则", "本实施办法", "本条例", "本规定", "本办法", "本细则", "本规则",
              "本准则", "本决定", "本通则", "本法")
_SELF_ALT = "|".join(SELF_WORDS)
_N = NUMERAL_RE
_LSEP = "(?:、|和|及|或者|或|至|到)"
_K = "两二三四五六七八九十"

# ----------------------------------------------------------------------------- data


@dataclass
class Definition:
    term: str
    eid: str                       # defining node
    article: int | str | None
    paragraph: int | None
    item: int | None
    definition: str                # the defining text (after 是指/指)
    scope: str | None              # eid the definition is confined to; None = whole regulation
    start: int                     # the term's offsets in the defining node's text
    end: int
    line: int
    body_end: int = 0              # end of the definition text in the node's text

    def to_dict(self) -> dict:
        return {"term": self.term, "article": self.article, "paragraph": self.paragraph,
                "definition": self.definition, "scope": self.scope, "eid": self.eid,
                "item": self.item, "line": self.line}


@dataclass
class TermUse:
    term: str
    eid: str
    start: int
    end: int
    defined_in: str = ""           # eid of the definition that applies

    def to_dict(self) -> dict:
        return {"term": self.term, "eid": self.eid, "start": self.start, "end": self.end}


@dataclass
class Reference:
    eid: str                       # referring node
    article: int | str | None
    paragraph: int | None
    item: int | None
    text: str                      # as written (本条例第十五条, 前款, 《……》第五条)
    start: int                     # offsets in the referring node's text
    end: int
    kind: str                      # internal | external | self
    targets: list[str] = field(default_factory=list)   # eids (internal) or the law's full title
    target: str | None = None      # the single target, or the external law's full title
    line: int | None = None
    warning: str | None = None     # why an internal reference points nowhere
    pinpoint: str | None = None    # 第五条 in 《……》第五条 (external)
    link: str | None = None        # the law in the knowledge base (reg id or corpus file)

    @property
    def resolved(self) -> bool:
        return self.kind != "internal" or bool(self.targets)

    def to_dict(self) -> dict:
        d = {"article": self.article, "paragraph": self.paragraph, "item": self.item, "text": self.text,
             "kind": self.kind,
             "targets": [dotted(t) for t in self.targets] if self.kind == "internal" else list(self.targets),
             "target": (dotted(self.target) if self.kind == "internal" and self.target else self.target),
             "eid": self.eid, "start": self.start, "end": self.end, "line": self.line}
        if self.kind == "internal":
            d["target_eids"] = list(self.targets)
        if self.warning:
            d["warning"] = self.warning
        if self.pinpoint:
            d["pinpoint"] = self.pinpoint
        if self.link:
            d["link"] = self.link
        return d


def dotted(eid: str) -> str:
    """art_15 -> "15", art_15__para_2 -> "15.2", art_15__para_1__point_3 -> "15.1.3";
    anything that is not under an article (chp_3, part_1__chp_2) is returned as it is."""
    if not eid.startswith("art_"):
        return eid
    parts = eid.split("__")
    out = [parts[0][4:]]
    for p in parts[1:]:
        out.append(p.split("_", 1)[1])
    return ".".join(out)


# ----------------------------------------------------------------------------- helpers

_CACHE: "weakref.WeakKeyDictionary[Document, dict]" = weakref.WeakKeyDictionary()


def _cache(doc: Document) -> dict:
    c = _CACHE.get(doc)
    if c is None:
        c = _CACHE[doc] = {}
    return c


def _scanned(doc: Document) -> list[Node]:
    c = _cache(doc)
    if "nodes" not in c:
        c["nodes"] = [n for n in doc.root.walk() if n.kind in SCANNED and n.text]
    return c["nodes"]


def _context(n: Node) -> tuple[Node | None, Node | None, Node | None]:
    """(article, paragraph, item) containing n (n itself included)."""
    art = n if n.kind == "article" else n.ancestor("article")
    para = n if n.kind == "paragraph" else n.ancestor("paragraph")
    item = n if n.kind == "item" else n.ancestor("item")
    return art, para, item


def _numbers(n: Node) -> tuple:
    art, para, item = _context(n)
    return (art.number if art else None, para.number if para else None, item.number if item else None)


def _line(n: Node, offset: int) -> int:
    return n.line + n.text.count("\n", 0, offset)


def _within(n: Node, scope: str | None) -> bool:
    if scope is None:
        return True
    while n is not None:
        if n.eid == scope:
            return True
        n = n.parent
    return False


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles (〈〉 allowed inside); runs 《A》《B》 give one span each."""
    return [m.span() for m in _TITLE.finditer(text)]


_TITLE = re.compile(r"《([^《》\n]{1,120})》")


def _inside(spans, a: int, b: int) -> bool:
    return any(s <= a and b <= e for s, e in spans)


def _prev_sibling(n: Node, kind: str, k: int = 1) -> list[Node]:
    """The k siblings of kind just before n (nearest last), or [] if there are fewer."""
    if n is None or n.parent is None:
        return []
    sibs = [c for c in n.parent.children if c.kind == kind]
    try:
        i = sibs.index(n)
    except ValueError:
        return []
    if i - k < 0:
        return []
    return sibs[i - k:i]


# ----------------------------------------------------------------------------- definitions

_SCOPE_WORDS = _SELF_ALT + "|本章|本节|本条|本款|前款|前两款|前三款"
_QUOTES = "“”\"「」『』‘’'【】"
_DEF_INTRO = re.compile(
    rf"(?P<scope>{_SCOPE_WORDS})(?:中)?所称(?:的)?(?P<terms>[^，,。；;：:\n]{{1,60}}?)[，,]?"
    rf"(?P<verb>分别是指|分别指|是指|系指|指|包括)")
# X，是指 / “X”是指 at the start of a 附则 paragraph or of an item under 下列用语的含义
_DEF_LEAD = re.compile(
    rf"^(?P<terms>[{_QUOTES}]?[^，,。；;：:\s{_QUOTES}本前第]"
    rf"[^，,。；;：:\s{_QUOTES}]{{0,24}}?[{_QUOTES}]?(?:[、和][{_QUOTES}]?[^，,。；;：:\s{_QUOTES}]{{1,24}}?[{_QUOTES}]?)*?)"
    rf"[，,]?(?P<verb>分别是指|是指|系指|(?<=[，,])指)")
# “A”、“B” are two terms; an unquoted A、B (捕捞、养殖渔船, 工具、设备) stays one term unless 分别是指
# says otherwise: splitting it would make 捕捞 or 设备 a term and link it everywhere
_TERM_SPLIT = re.compile(r"(?<=[”」』’】])(?:、|和|及|以及)(?=[“「『‘【])")
_TERM_SPLIT_RESP = re.compile(r"、|以及|和|及")


def definitions(doc: Document) -> list[Definition]:
    c = _cache(doc)
    if "defs" in c:
        return c["defs"]
    out: list[Definition] = []
    for n in _scanned(doc):
        out.extend(_node_definitions(doc, n))
    c["defs"] = out
    return out


def _in_final_provisions(n: Node) -> bool:
    chap = n.ancestor("chapter")
    if chap is not None and chap.title and "附则" in chap.title:
        return True
    para = n if n.kind == "paragraph" else n.ancestor("paragraph")
    if n.kind in ("item", "subitem") and para is not None and re.search(r"用语|含义|名词|术语", para.text):
        return True
    if n.kind == "paragraph" and n.parent is not None:
        # 下列用语的含义： followed by entries written as plain paragraphs (no （一） markers)
        for p in n.parent.children:
            if p is n:
                break
            if p.kind == "paragraph" and re.search(r"(用语|名词|术语)的?含义[是为]?[：:]\s*$", p.text):
                return True
    return False


def _node_definitions(doc: Document, n: Node) -> list[Definition]:
    text = n.text
    titles = _title_spans(text)
    found: list[tuple[int, int, str, str | None, str]] = []   # (m.start, body_start, terms, scope, verb)
    hits = []
    for m in _DEF_INTRO.finditer(text):
        if _inside(titles, m.start(), m.end()):
            continue
        hits.append((m.start(), m.start("terms"), m.group("terms"), m.group("scope"), m.group("verb"), m.end()))
    if not hits and _in_final_provisions(n):
        m = _DEF_LEAD.match(text)
        if m:
            hits.append((0, 0, m.group("terms"), None, m.group("verb"), m.end()))
    art, para, item = _context(n)
    res = []
    for i, (s, ts, terms, scope_word, verb, body_start) in enumerate(hits):
        body_end = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        body = text[body_start:body_end].strip().lstrip("，,：:")
        if verb not in ("是指", "指", "系指", "分别是指", "分别指"):
            body = verb + body
        scope = _scope_eid(n, scope_word)
        splitter = _TERM_SPLIT_RESP if verb.startswith("分别") else _TERM_SPLIT
        parts = terms.split("、")
        if len(parts) > 1 and max(map(len, parts)) - min(map(len, parts)) <= 1 and max(map(len, parts)) <= 3:
            splitter = _TERM_SPLIT_RESP         # 以上、以下、以内: parallel terms of one kind
        pos = ts
        for raw in splitter.split(terms):
            k = terms.index(raw, pos - ts) if raw else pos - ts
            term = raw.strip(_QUOTES + " 　")
            if not term or len(term) > 30:
                continue
            off = ts + k + raw.index(term)
            res.append(Definition(term=term, eid=n.eid, article=art.number if art else None,
                                  paragraph=para.number if para else None,
                                  item=item.number if item else None, definition=body, scope=scope,
                                  start=off, end=off + len(term), line=_line(n, off), body_end=body_end))
            pos = ts + k + len(raw)
    return res


def _scope_eid(n: Node, word: str | None) -> str | None:
    art, para, _ = _context(n)
    if word is None or word in SELF_WORDS:
        return None
    if word == "本章":
        c = n.ancestor("chapter")
        return c.eid if c else None
    if word == "本节":
        s = n.ancestor("section")
        return s.eid if s else None
    if word == "本条":
        return art.eid if art else None
    if word == "本款":
        return para.eid if para else None
    if word == "前款":
        prev = _prev_sibling(para, "paragraph", 1)
        return prev[0].eid if prev else (para.eid if para else None)
    if word in ("前两款", "前三款"):
        return art.eid if art else None
    return None


# ----------------------------------------------------------------------------- term uses

_TERM_RE_CACHE: dict[tuple, re.Pattern] = {}


def _terms_regex(terms: tuple[str, ...]) -> re.Pattern:
    r = _TERM_RE_CACHE.get(terms)
    if r is None:
        r = _TERM_RE_CACHE[terms] = re.compile("|".join(re.escape(t) for t in terms))
    return r


def term_uses(doc: Document) -> list[TermUse]:
    """Every use of a defined term: longest match first, only where the definition applies,
    not inside the term's own definition, not inside a title 《…》."""
    c = _cache(doc)
    if "uses" in c:
        return c["uses"]
    defs = definitions(doc)
    out: list[TermUse] = []
    if defs:
        by_term: dict[str, list[Definition]] = {}
        for d in defs:
            by_term.setdefault(d.term, []).append(d)
        terms = tuple(sorted(by_term, key=lambda t: (-len(t), t)))
        rx = _terms_regex(terms)
        own: dict[str, list[Definition]] = {}
        for d in defs:
            own.setdefault(d.eid, []).append(d)
        for n in _scanned(doc):
            titles = _title_spans(n.text)
            for m in rx.finditer(n.text):
                term, a, b = m.group(), m.start(), m.end()
                if _inside(titles, a, b):
                    continue
                if any(d.start <= a < d.body_end and d.term == term or d.start <= a < d.end
                       for d in own.get(n.eid, ())):
                    continue          # the definiendum itself, or the term inside its own definition
                d = _applicable(by_term[term], n)
                if d is None:
                    continue
                if len(term) <= 4 and _in_function_phrase(n.text, a, b):
                    continue          # 以下 inside 以下简称, 外 inside 以外: fixed function words
                if _bound(d) and not _after_quantity(n.text, a):
                    continue          # 以上 defined as 包括本数, but 具备以下特征 / 实施以上犯罪 point at the text
                out.append(TermUse(term, n.eid, a, b, d.eid))
    c["uses"] = out
    return out


#: fixed function words of legal Chinese; a term is not used strictly inside one (以下 in 以下简称)
_FUNCTION = re.compile(r"以[上下](?:分别)?(?:简称|统称|合称|称)|[以之][上下内外前后]|之间|如下|下列|予以|加以|给予|"
                       r"以及|或者|并且|应当|可以|但是|除外")
#: words that bound a quantity (以上、以下、以内，包括本数): used only after a number, a measure word or
#: a rank (三年以下, 县级以上, 有期徒刑以上, 五日以内), not when they point at the text (以下特征)
_BOUND_WORDS = {"以上", "以下", "以内", "以外", "不满", "超过", "以前", "以后", "届满", "不足"}
_QUANTITY = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两半%％"
                      "年月日天周时秒元角倍克吨米亩升株人次级个件岁名户项条款种批期刑役制限度份台辆头只匹本")


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


def _applicable(defs: list[Definition], n: Node) -> Definition | None:
    best, depth = None, -1
    for d in defs:
        if _within(n, d.scope):
            dd = 0 if d.scope is None else d.scope.count("__") + 1
            if dd > depth:
                best, depth = d, dd
    return best


# ----------------------------------------------------------------------------- references

_TOKEN = re.compile(
    r"(?=[本第前下、和及或与至到以一二三四五六七八九十百零〇（(])"
    rf"(?:(?P<self>{_SELF_ALT})"
    # abbreviated lists and ranges: 第三、四项, 第一至三款, 第（一）、（二）项, 第十五条（三）、（四）项
    rf"|(?P<num>第(?P<ln>{_N}(?:{_LSEP}{_N})+)(?P<lu>条|款|项|目(?![标录的前]))"
    rf"|(?:第|(?<=[条款]))(?P<lb>[（(]{_N}[）)](?:{_LSEP}[（(]{_N}[）)])+)(?P<lbu>项|目)"
    # 第（一）项、（二）项 / 第十五条（三）项: 第 left out before a bracketed number
    rf"|(?<=[、和及或至到条款])[（(](?P<cn>{_N})[）)](?P<cu>项|目)"
    rf"|第(?P<n>{_N})(?P<u>条(?:之(?P<sub>{_N}))?|款|项|目(?![标录的前])|章|节|编|分编)"
    rf"|第[（(](?P<pn>{_N})[）)](?P<pu2>项|目)"
    # 本条例四十二条 / 第九十八条和九十九条: 第 left out after 本条例 or a conjunction
    rf"|(?:(?<=本条例)|(?<=本法)|(?<=和)|(?<=、))(?P<bn>[一二三四五六七八九十百零〇]+)(?P<bu>条))"
    rf"|(?P<this>本条|本款|(?<![基根资成样])本项(?!目)|(?<![基根资成样])本目(?![标录的])|本章(?!程)|本节(?!目)|本编)"
    rf"|(?P<prev>前(?P<k>[{_K}])?(?P<pu>条|款|项(?=[规所情的、和或中第之以至及项外，,。；;]|$)))"
    rf"|(?P<xia>(?<![上])下列)"
    rf"|(?P<conj>以及|或者|、|和|及|或|与|至|到))")

#: a 第X条 right after these names another text, not this one
_OTHER = re.compile(r"(?:该|同|上述|前述|原|其他|有关)(?:法律|法规|法|条例|规定|办法|决定|细则|条)$")
#: a law named without brackets just before 第X条 (消防法第十条); group 1 is the name
_BARE_NAME = re.compile(r"(?:^|[，,。；;：:、（(\s和与或及]|依照|依据|根据|按照|违反|适用|参照|对照|遵守|执行)"
                        r"([^\s，,。；;：:、《》（()第本前该同]{2,30}?(?:法|法典|条例|规定|办法|细则|决定|宪章|公约|条约|协定|议定书))$")


@dataclass
class _Tok:
    kind: str
    start: int
    end: int
    text: str
    unit: str = ""
    n: int | str | None = None
    k: int = 1
    multi: list | None = None      # 第三、四项 / 第一至三款: [(first, last), …], a range when first != last


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup if m.lastgroup in ("self", "num", "this", "prev", "xia", "conj") else None
        if kind is None:
            for g in ("self", "num", "this", "prev", "xia", "conj"):
                if m.group(g):
                    kind = g
                    break
        t = _Tok(kind, m.start(), m.end(), m.group())
        if kind == "self":
            prev = text[m.start() - 1] if m.start() else ""
            if t.text == "本法" and prev and prev in "根基资文":
                continue
        elif kind == "num" and (m.group("ln") or m.group("lb")):
            try:
                t.multi = _number_list(m.group("ln") or m.group("lb"))
            except ValueError:
                continue
            t.unit, t.n = (m.group("lu") or m.group("lbu"))[0], t.multi[0][0]
        elif kind == "num":
            u = m.group("u") or m.group("pu2") or m.group("bu") or m.group("cu")
            try:
                num = parse_numeral(m.group("n") or m.group("pn") or m.group("bn") or m.group("cn"))
                if m.group("sub"):
                    num = f"{num}-{parse_numeral(m.group('sub'))}"
            except ValueError:
                continue
            t.unit, t.n = u[0] if u[0] != "分" else "分编", num
        elif kind == "this":
            t.unit = t.text[1:]
        elif kind == "prev":
            t.unit = m.group("pu")
            t.k = parse_numeral(m.group("k")) if m.group("k") else 1
            if m.group("k") == "两":
                t.k = 2
        out.append(t)
    return out


_LIST_PART = re.compile(rf"[（(]?({_N})[）)]?({_LSEP})?")


def _number_list(s: str) -> list[tuple[int, int]]:
    """"三、四" -> [(3, 3), (4, 4)]; "一至三" -> [(1, 3)]; "（一）、（三）至（五）" -> [(1, 1), (3, 5)]."""
    out: list[tuple[int, int]] = []
    rng = False
    for m in _LIST_PART.finditer(s):
        v = parse_numeral(m.group(1))
        if rng and out:
            out[-1] = (out[-1][0], v)
        else:
            out.append((v, v))
        rng = m.group(2) in ("至", "到")
    return out


def _chains(toks: list[_Tok]) -> list[list[_Tok]]:
    """Adjacent tokens form a chain; a conjunction joins only when a 第X… token follows it."""
    chains: list[list[_Tok]] = []
    cur: list[_Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind == "conj":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if cur and cur[-1].end == t.start and nxt is not None and nxt.start == t.end and nxt.kind == "num":
                cur.append(t)
            else:
                if cur:
                    chains.append(cur)
                cur = []
            i += 1
            continue
        if cur and cur[-1].end == t.start and t.kind != "xia" and cur[-1].kind != "xia":
            cur.append(t)
        else:
            if cur:
                chains.append(cur)
            cur = [t]
        i += 1
    if cur:
        chains.append(cur)
    # a chain cannot end in a conjunction
    return [c[:-1] if c[-1].kind == "conj" else c for c in chains if c and not (len(c) == 1 and c[0].kind == "conj")]


def _segments(chain: list[_Tok]) -> list[tuple[str | None, list[_Tok]]]:
    """Split a chain at conjunctions: [(conj before, tokens)]."""
    segs: list[tuple[str | None, list[_Tok]]] = []
    conj = None
    cur: list[_Tok] = []
    for t in chain:
        if t.kind == "conj":
            if cur:
                segs.append((conj, cur))
            conj, cur = t.text, []
        else:
            cur.append(t)
    if cur:
        segs.append((conj, cur))
    return segs


def _single(t: _Tok, number: int) -> _Tok:
    """One number of 第三、四项 as a token of its own (its text 第三项 names it in warnings)."""
    return _Tok(t.kind, t.start, t.end, f"第{to_chinese(number)}{t.unit}", t.unit, number, t.k)


class _Resolver:
    def __init__(self, doc: Document):
        self.doc = doc
        self.articles = doc.articles
        self.art_index = {a.eid: i for i, a in enumerate(self.articles)}
        self.chapters: dict[int, list[Node]] = {}
        for ch in doc.nodes("chapter"):
            self.chapters.setdefault(ch.number, []).append(ch)

    # -- segment -> list of nodes, or an error message
    def segment(self, n: Node, toks: list[_Tok], prev: list[Node] | None,
                outer: Node | None = None, near: bool = False) -> tuple[list[Node], str | None]:
        for j, t in enumerate(toks):
            if t.multi:                         # 第三、四项: each number in turn, ranges spanned
                got: list[Node] = []
                for a, b in t.multi:
                    na, err = self.segment(n, toks[:j] + [_single(t, a)] + toks[j + 1:], prev, outer, near)
                    if err:
                        return [], err
                    if b != a:
                        nb, err = self.segment(n, toks[:j] + [_single(t, b)] + toks[j + 1:], prev, outer, near)
                        if err:
                            return [], err
                        span = self.span(na[0], nb[-1]) if na and nb else []
                        if not span:
                            return [], f"“{t.text}”：范围无效"
                        na = span
                    got.extend(x for x in na if x not in got)
                return got, None
        art, para, item = _context(n)
        cur: list[Node] | None = None       # the nodes meant so far
        first = toks[0]
        continuation = prev is not None and first.kind == "num" and first.unit in "款项目"
        for j, t in enumerate(toks):
            if t.kind == "self":
                if len(toks) == 1:
                    return [], None
                cur = [self.doc.root]
                continue
            if t.kind == "this":
                if t.unit == "条":
                    cur = [art] if art else None
                elif t.unit == "款":
                    cur = [para] if para else None
                elif t.unit == "项":
                    cur = [item] if item else None
                elif t.unit == "目":
                    cur = [n] if n.kind == "subitem" else None
                elif t.unit == "章":
                    c = n.ancestor("chapter")
                    cur = [c] if c else None
                elif t.unit == "节":
                    s = n.ancestor("section")
                    cur = [s] if s else None
                elif t.unit == "编":
                    p = n.ancestor("part")
                    cur = [p] if p else None
                if not cur:
                    if t.unit in ("编", "分编") and not any(True for _ in self.doc.nodes("part")):
                        return [], f"“{t.text}”：本文件没有编（可能只收录了法典的一编）"
                    return [], f"“{t.text}”不在任何{t.unit}中"
                continue
            if t.kind == "prev":
                base = {"条": art, "款": para, "项": item}[t.unit]
                kind = {"条": "article", "款": "paragraph", "项": "item"}[t.unit]
                if base is None:
                    return [], f"“{t.text}”不在任何{t.unit}中"
                if t.unit == "条":
                    i = self.art_index.get(base.eid, 0)
                    cur = self.articles[i - t.k:i] if i - t.k >= 0 else []
                elif t.unit == "项" and n.kind != "item" and item is None:
                    # 前三项 in a paragraph after a list: the k items just before it
                    before = [x for x in art.walk() if x.kind == "item" and x.start < n.start] if art else []
                    cur = before[-t.k:] if len(before) >= t.k else []
                    if not cur:
                        return [], f"“{t.text}”：之前没有{t.k}项"
                    continue
                else:
                    cur = _prev_sibling(base, kind, t.k)
                if not cur:
                    return [], f"“{t.text}”：{base.citation or base.eid}之前没有{t.k if t.k > 1 else ''}{t.unit}"
                continue
            if t.kind == "xia":
                kids = [c for c in n.children if c.kind in ("item", "subitem")]
                if not kids:
                    kids = self._unnumbered_list(n)
                if not kids:
                    after = n.text[t.end:]
                    if re.search(r"[：:]\s*\S", after):
                        return [], "“下列”：各项写在本款之内，未单独成项"
                    return [], "“下列”：本款之后没有列项"
                cur = kids
                continue
            # 第N…
            if t.unit == "条":
                a = self.doc.get(f"art_{t.n}")
                if a is None:
                    return [], f"“{t.text}”：本文没有{t.text}（共 {len(self.articles)} 条）"
                cur = [a]
            elif t.unit in ("章", "编", "分编", "节"):
                found = self._heading(n, t, cur)
                if found is None:
                    return [], f"“{t.text}”：本文没有{t.text}"
                cur = [found]
            else:                                   # 款 项 目
                if cur is None:
                    if continuation and j == 0:
                        # 第十五条第二款、第三款 / 第一款第二项至第四项和第三款: same level as the unit
                        want = {"款": "article", "项": "paragraph", "目": "item"}[t.unit]
                        x = prev[0]
                        while x is not None and x.kind != want:
                            x = x.parent
                        parents = [x] if x is not None else []
                    elif t.unit == "款":
                        parents = [art] if art else []
                        if outer is not None and not any(c.kind == "paragraph" and c.number == t.n
                                                         for c in (art.children if art else ())):
                            # 违反第二十一条第一项规定的，……；违反第二款规定的: that article's paragraph
                            oa = outer if outer.kind == "article" else outer.ancestor("article")
                            if oa is not None and any(c.kind == "paragraph" and c.number == t.n
                                                      for c in oa.children):
                                parents = [oa]
                    elif t.unit == "项":
                        parents = self._item_parent(n, t.n)
                        if outer is not None:
                            # 本法第二十六条第一款规定的……，但是第一项……: the items of the
                            # provision named earlier in the same sentence (or in the list's intro)
                            alt = [outer] if outer.kind == "paragraph" else self._item_parent(outer, t.n)
                            own = parents and any(c.kind == "item" and c.number == t.n for c in parents[0].children)
                            if alt and any(c.kind == "item" and c.number == t.n for c in alt[0].children) \
                                    and (near or not own):
                                parents = alt
                    else:
                        parents = [item] if item else []
                else:
                    if len(cur) != 1:
                        return [], f"“{t.text}”前面指向多处"
                    parents = cur
                if not parents:
                    return [], f"“{t.text}”没有上级条款"
                p = parents[0]
                if p.kind == "document":
                    return [], f"“{t.text}”之前缺少条号"
                if t.unit == "项" and p.kind == "article":
                    paras = [c for c in p.children if c.kind == "paragraph"]
                    withitems = [c for c in paras if any(k.kind == "item" for k in c.children)]
                    p = withitems[0] if len(withitems) == 1 else (paras[0] if paras else p)
                kind = {"款": "paragraph", "项": "item", "目": "subitem"}[t.unit]
                kids = [c for c in p.children if c.kind == kind and c.number == t.n]
                if not kids:
                    return [], f"“{t.text}”：{p.citation or p.eid}没有{t.text}"
                cur = kids
        return cur or [], None

    def _unnumbered_list(self, n: Node) -> list[Node]:
        """A paragraph ending in a colon whose list entries were written as plain lines (no
        （一） markers) and so parsed as the following paragraphs: take them while they read as
        list entries (end in ；，、), up to the entry that ends the list; a 用语的含义 list takes
        every following paragraph of the article."""
        if n.kind != "paragraph" or n.parent is None:
            return []
        sibs = [c for c in n.parent.children if c.kind == "paragraph"]
        rest = sibs[sibs.index(n) + 1:]
        if rest and rest[0].text.rstrip().endswith((":", "：")) and len(rest[0].text) <= 20:
            # a sentence broken over two lines: the items hang on its tail (……的，依法追究刑 / 事责任：)
            kids = [c for c in rest[0].children if c.kind == "item"]
            if kids:
                return kids
        if not n.text.rstrip().endswith((":", "：")):
            return []
        if re.search(r"用语|含义|术语", n.text):
            return rest
        out = []
        for p in rest:
            out.append(p)
            if any(c.kind == "item" for c in p.children) or not p.text.rstrip().endswith(("；", ";", "，", ",", "、")):
                break
        return out

    def _item_parent(self, n: Node, number) -> list[Node]:
        """The paragraph whose items a bare 第N项 means: this paragraph (or the item's paragraph);
        failing that, the only paragraph of the article that has items."""
        art, para, item = _context(n)
        if para is not None and any(c.kind == "item" and c.number == number for c in para.children):
            return [para]
        if art is not None:
            withitems = [c for c in art.children if c.kind == "paragraph"
                         and any(k.kind == "item" and k.number == number for k in c.children)]
            if len(withitems) == 1:
                return withitems
        return [para] if para is not None else []

    def _heading(self, n: Node, t: _Tok, cur) -> Node | None:
        kind = {"章": "chapter", "编": "part", "分编": "subpart", "节": "section"}[t.unit]
        within = cur[0] if cur and cur[0].kind != "document" else None
        if kind == "section" and within is None:
            within = n.ancestor("chapter")
        if kind == "chapter" and within is None:
            within = n.ancestor("part")
        pool = (within.walk() if within is not None else self.doc.root.walk())
        for x in pool:
            if x.kind == kind and x.number == t.n:
                return x
        if within is not None:
            for x in self.doc.root.walk():
                if x.kind == kind and x.number == t.n:
                    return x
        return None

    def span(self, a: Node, b: Node) -> list[Node]:
        """Every node of a's kind from a to b inclusive, in document order."""
        if a.kind == "article" and b.kind == "article":
            i, j = self.art_index.get(a.eid), self.art_index.get(b.eid)
            if i is None or j is None or j < i:
                return []
            return self.articles[i:j + 1]
        if a.parent is not None and a.parent is b.parent:
            sibs = [c for c in a.parent.children if c.kind == a.kind]
            i, j = sibs.index(a), sibs.index(b)
            return sibs[i:j + 1] if j >= i else []
        nodes = [x for x in self.doc.root.walk() if x.kind == a.kind]
        try:
            i, j = nodes.index(a), nodes.index(b)
        except ValueError:
            return []
        return nodes[i:j + 1] if j >= i else []


def references(doc: Document, index: dict | None = None) -> list[Reference]:
    """Every reference in the text, in document order. ``index``: a law index
    (:func:`kb.laws.law_index`) to link external references to laws in the knowledge base."""
    c = _cache(doc)
    key = ("refs", id(index) if index else None)
    if key in c:
        return c[key]
    from kb.layers.laws import lookup, normalise_title

    res = _Resolver(doc)
    bare = _bare_rx()
    own_title = normalise_title(doc.title) if doc.title else None
    out: list[Reference] = []
    list_ctx: dict[str | None, Node] = {}     # paragraph -> the provision its intro cites
    for n in _scanned(doc):
        text = n.text
        arn, pan, itn = _numbers(n)

        def mk(kind, s, e, targets, target=None, warning=None):
            return Reference(eid=n.eid, article=arn, paragraph=pan, item=itn, text=text[s:e], start=s, end=e,
                             kind=kind, targets=targets, target=target, line=_line(n, s), warning=warning)

        node_refs: list[Reference] = []
        # external: 《…》 and well-known names without brackets
        ext: list[Reference] = []
        titles = _title_spans(text)
        for s, e in titles:
            title = normalise_title(text[s + 1:e - 1])
            ext.append(mk("external", s, e, [title], title))
        for m in bare.finditer(text):
            if _inside(titles, m.start(), m.end()) or any(r.start < m.end() and m.start() < r.end for r in ext):
                continue
            title = normalise_title(m.group())
            ext.append(mk("external", m.start(), m.end(), [title], title))
        ext.sort(key=lambda r: r.start)
        ext_end = {r.end: r for r in ext}
        last_ctx: tuple[int, Node] | None = None

        for chain in _chains(_tokens(text)):
            cs, ce = chain[0].start, chain[-1].end
            if _inside(titles, cs, ce):
                continue
            head = chain[0]
            if head.kind == "num":
                r = ext_end.get(cs)
                if r is not None:                   # 《……》第五条: a provision of that law
                    r.end = ce
                    r.text = text[r.start:ce]
                    r.pinpoint = text[cs:ce]
                    continue
                before = text[max(0, cs - 32):cs]
                if _OTHER.search(before):
                    r = _that_law(text, cs, ce, before, ext, mk)
                    if r is not None:               # 该法第十条: the law just named, when only one fits
                        ext.append(r)
                    continue                        # 同条 / 有关法律第十条 / 该法 naming several: unknown which
                m = _BARE_NAME.search(before)
                if m and not m.group(1).startswith(SELF_WORDS):
                    name = _trim_name(m.group(1))
                    s0 = cs - len(name)
                    title = normalise_title(name)
                    r = mk("external", s0, ce, [title], title)
                    r.pinpoint = text[cs:ce]
                    ext.append(r)
                    continue
            prev_nodes: list[Node] | None = None
            outer, near = None, False
            if last_ctx is not None:
                outer, near = last_ctx[1], "。" not in text[last_ctx[0]:cs]
            elif n.kind in ("item", "subitem"):
                outer = list_ctx.get(n.ancestor("paragraph").eid if n.ancestor("paragraph") else None)
                near = True
            segs = _segments(chain)
            i = 0
            while i < len(segs):
                conj, toks = segs[i]
                s, e = toks[0].start, toks[-1].end
                nodes, err = res.segment(n, toks, prev_nodes, outer, near)
                if len(toks) == 1 and toks[0].kind == "self":
                    node_refs.append(mk("self", s, e, [], doc.title))
                    prev_nodes = None
                    i += 1
                    continue
                # a range: this segment 至 the next
                if i + 1 < len(segs) and segs[i + 1][0] in ("至", "到") and not err:
                    toks2 = segs[i + 1][1]
                    nodes2, err2 = res.segment(n, toks2, nodes, outer, near)
                    e2 = toks2[-1].end
                    if err2:
                        node_refs.append(mk("internal", s, e2, [], None, err2))
                    else:
                        span = res.span(nodes[0], nodes2[-1]) if nodes and nodes2 else []
                        if not span:
                            node_refs.append(mk("internal", s, e2, [], None, f"“{text[s:e2]}”：范围无效"))
                        else:
                            node_refs.append(mk("internal", s, e2, [x.eid for x in span],
                                                span[0].eid if len(span) == 1 else None))
                            if span[0].kind == "item" and span[0].parent is not None:
                                last_ctx = (e2, span[0].parent)
                        prev_nodes = nodes2
                    i += 2
                    continue
                if err:
                    node_refs.append(mk("internal", s, e, [], None, err))
                    prev_nodes = None
                else:
                    eids = [x.eid for x in nodes]
                    node_refs.append(mk("internal", s, e, eids, eids[0] if len(eids) == 1 else None))
                    prev_nodes = nodes
                    # the provision later bare 第N项/第N款 of the sentence belong to: the items' parent
                    # (第二十二条第一款第（一）、（二）项…第（四）项), or the one node named
                    same = all(x.parent is nodes[0].parent for x in nodes)
                    ctx = nodes[0].parent if same and nodes[0].kind == "item" else (
                        nodes[0] if len(nodes) == 1 else None)
                    if ctx is not None and ctx.kind in ("article", "paragraph") and ctx is not n \
                            and not _within(n, ctx.eid):
                        last_ctx = (e, ctx)
                        if n.kind == "paragraph" and any(c.kind == "item" for c in n.children):
                            list_ctx[n.eid] = ctx
                i += 1
        for r in ext:
            if own_title and r.target == own_title and not r.pinpoint:
                r.kind, r.targets = "self", []          # 中华人民共和国刑法的任务 … inside 刑法 itself
                continue
            if index:
                hit = lookup(r.target, index)
                if hit is not None:
                    r.link = hit.link
        node_refs.extend(ext)
        node_refs.sort(key=lambda r: r.start)
        out.extend(node_refs)
    c[key] = out
    return out


_THAT = re.compile(r"该(法律|法|条例|规定|办法|决定|细则)$")
_THAT_SUFFIX = {"法律": ("法", "法典"), "法": ("法", "法典")}


def _that_law(text: str, cs: int, ce: int, before: str, ext: list[Reference], mk) -> Reference | None:
    """该法第十条 (该条例…, 该规定…): an external reference to the law named just before it in the
    same node, when only one law of that kind is named there (or, failing that, in the same sentence);
    otherwise None (ambiguous or nothing named)."""
    m = _THAT.search(before)
    if m is None:
        return None
    suffix = _THAT_SUFFIX.get(m.group(1), (m.group(1),))
    named = [r for r in ext if r.end <= cs - len(m.group()) and r.target and r.target.endswith(suffix)]
    titles = list(dict.fromkeys(r.target for r in named))
    if len(titles) != 1:
        sent = max(text.rfind(c, 0, cs) for c in "。；;")
        titles = list(dict.fromkeys(r.target for r in named if r.start > sent))
    if len(titles) != 1:
        return None
    r = mk("external", cs - len(m.group()), ce, [titles[0]], titles[0])
    r.pinpoint = text[cs:ce]
    return r


_NAME_CUT = re.compile(r".*(?:执行|依照|根据|按照|违反|适用|参照|遵守|依据|除|的|在|对|由)")


def _trim_name(name: str) -> str:
    """医疗保健机构除执行母婴保健法 -> 母婴保健法; 有母婴保健法 -> 母婴保健法."""
    name = _NAME_CUT.sub("", name)
    return name[1:] if name.startswith("有") and len(name) > 3 else name


_BARE_RX: list = []


def _bare_rx():
    if not _BARE_RX:
        from kb.layers.laws import bare_law_pattern
        _BARE_RX.append(bare_law_pattern())
    return _BARE_RX[0]


def link_warnings(doc: Document, refs: list[Reference] | None = None) -> list[Issue]:
    """An Issue (file, line, message) for each internal reference that points nowhere."""
    refs = references(doc) if refs is None else refs
    return [Issue(doc.source, r.line, f"引用无法解析：{r.warning}", "link")
            for r in refs if r.kind == "internal" and not r.targets]


def backrefs(doc: Document) -> dict[str, list[Reference]]:
    """target eid -> the internal references that point at it."""
    c = _cache(doc)
    if "back" in c:
        return c["back"]
    back: dict[str, list[Reference]] = {}
    for r in references(doc):
        if r.kind == "internal":
            for t in r.targets:
                back.setdefault(t, []).append(r)
    c["back"] = back
    return back


def export_layer(doc: Document) -> dict:
    index = None
    try:
        from kb.layers.laws import law_index
        from kb.project import find_root
        index = law_index(root=find_root())
    except Exception:                 # outside a project: external references stay unlinked
        index = None
    return {"definitions": [d.to_dict() for d in definitions(doc)],
            "references": [r.to_dict() for r in references(doc, index)],
            "uses": [u.to_dict() for u in term_uses(doc)]}
