"""The grammar of citations: how legal Chinese writes 第十五条第二款, 前款, 第三、四项, 第一至三款.

It cuts a text into tokens and groups adjacent tokens into chains, without looking at the
document: deciding which node a chain names is the resolver's job (resolve.py), deciding whether
it names this text or another law that of internal.py and external.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.layers.links.scan import SELF_ALT
from kb.text.numerals import NUMERAL_RE, parse_numeral, to_chinese

_N = NUMERAL_RE
_LSEP = "(?:、|和|及|或者|或|至|到)"
_K = "两二三四五六七八九十"

_TOKEN = re.compile(
    r"(?=[本第前下、和及或与至到以一二三四五六七八九十百零〇（(])"
    rf"(?:(?P<self>{SELF_ALT})"
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


#: what every token but a conjunction holds: 本 (本条例, 本条 …), 第, 前 (前款), 下 (下列), 条 (九十九条 after 和) or a
#: bracket (（三）项 after 、); a text without one of them cites nothing (a conjunction alone makes no chain)
_CITES = re.compile(r"[本第前下条（(]")


def cites(text: str) -> bool:
    """May text hold a citation (a chain of :func:`chains`)?  A test before :func:`tokens`, which finds
    every conjunction of a text (most provisions cite nothing, and hold none of these characters)."""
    return _CITES.search(text) is not None


@dataclass
class Tok:
    kind: str
    start: int
    end: int
    text: str
    unit: str = ""
    n: int | str | None = None
    k: int = 1
    multi: list | None = None      # 第三、四项 / 第一至三款: [(first, last), …], a range when first != last


def tokens(text: str) -> list[Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup if m.lastgroup in ("self", "num", "this", "prev", "xia", "conj") else None
        if kind is None:
            for g in ("self", "num", "this", "prev", "xia", "conj"):
                if m.group(g):
                    kind = g
                    break
        t = Tok(kind, m.start(), m.end(), m.group())
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


def chains(toks: list[Tok]) -> list[list[Tok]]:
    """Adjacent tokens form a chain; a conjunction joins only when a 第X… token follows it."""
    chains: list[list[Tok]] = []
    cur: list[Tok] = []
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


def segments(chain: list[Tok]) -> list[tuple[str | None, list[Tok]]]:
    """Split a chain at conjunctions: [(conj before, tokens)]."""
    segs: list[tuple[str | None, list[Tok]]] = []
    conj = None
    cur: list[Tok] = []
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


def single(t: Tok, number: int) -> Tok:
    """One number of 第三、四项 as a token of its own (its text 第三项 names it in warnings)."""
    return Tok(t.kind, t.start, t.end, f"第{to_chinese(number)}{t.unit}", t.unit, number, t.k)
