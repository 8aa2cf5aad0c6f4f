"""References to this text: to provisions that do not exist, 前款 where there is none, ranges
written backwards, and the text named by another kind of title (本办法 in a 条例)."""
from __future__ import annotations

import re

from kb.check.registry import rule
from kb.layers.laws import book_title


def _unresolved(ctx, kinds: tuple[str, ...]):
    from kb.check.rules.terms import amendment
    from kb.layers.links import problem_kind

    if amendment(ctx):
        return                       # 宪法第二十七条增加一款，作为第三款: it cites the text it amends
    for r in ctx.references:
        if r.kind == "internal" and not r.targets and problem_kind(r.warning) in kinds:
            yield r


def _finding(ctx, rule_id: str, r, message: str, suggestion: str):
    node = ctx.doc.get(r.eid)
    return ctx.at(rule_id, node, r.start, r.end, message, suggestion)


#: a bare article number opening a sentence: the heading of an article run on into the line before
_HEADING_RUN_ON = re.compile(r"^第[〇零一二三四五六七八九十百千]+条$")
#: the article, or the part, chapter or section of the whole law a citation names first
_CITED_ARTICLE = re.compile(r"第([〇零一二三四五六七八九十百千]+)条")
_CITED_DIVISION = re.compile(r"第[〇零一二三四五六七八九十百千]+(?:分编|编|章|节)")


def outside_excerpt(ctx, text: str) -> bool:
    """Whether a citation of an excerpt (民法典-物权编 holds 第二百七十一条 to 第二百八十七条 of the code) names
    a part of the whole law the excerpt leaves out: a 编, 章 or 节 (本法第三编), or an article outside its range."""
    from kb.text.numerals import parse_numeral

    if ctx.excerpt is None:
        return False
    lo, hi = ctx.excerpt
    m = _CITED_ARTICLE.search(text)
    if m is None:
        return bool(_CITED_DIVISION.search(text))
    try:
        n = parse_numeral(m.group(1))
    except ValueError:
        return False
    return not lo <= n <= hi or bool(_CITED_DIVISION.search(text[:m.start()]))


@rule("ref-missing", "references", "error", "引用了本文不存在的条、款、项或章节",
      bad="（全文共四十五条）依照本条例第九十条的规定处理。", good="依照本条例第十九条的规定处理。")
def ref_missing(ctx):
    for r in _unresolved(ctx, ("missing",)):
        node = ctx.doc.get(r.eid)
        if _HEADING_RUN_ON.match(r.text) and re.search(r"。\s*$", node.text[:r.start]):
            continue                 # ……会议决定。 第十六条市人民代表大会……: an article run on, num-article says so
        if outside_excerpt(ctx, r.text):
            continue                 # 本法第三编 in an excerpt of 民法典's 物权编: there, not missing
        msg = r.warning.split("：", 1)[-1] if "：" in r.warning else r.warning
        yield _finding(ctx, "ref-missing", r, f"“{r.text}”指向的条款不存在：{msg}",
                       "核对条号（条文增删后引用是否随之调整）")


@rule("ref-previous", "references", "error", "“前款”“前条”“前项”之前没有可指的条款（如第一款中的前款）",
      bad="第八条 依照前款规定……（本条第一款）", good="第八条第二款 依照前款规定……")
def ref_previous(ctx):
    for r in _unresolved(ctx, ("previous",)):
        unit = r.text[-1] if r.text[-1] in "条款项" else "款"
        yield _finding(ctx, "ref-previous", r, f"“{r.text}”写在{_first(unit)}，之前没有可指的{unit}",
                       f"写明所指的条款（如“第X条第X款”），或调整条文顺序")


def _first(unit: str) -> str:
    return {"条": "第一条", "款": "本条第一款", "项": "第一项"}.get(unit, "开头")


@rule("ref-range", "references", "error", "引用的范围颠倒或无效（如第十条至第五条）",
      bad="第十五条至第十二条规定的事项", good="第十二条至第十五条规定的事项")
def ref_range(ctx):
    for r in _unresolved(ctx, ("range",)):
        yield _finding(ctx, "ref-range", r, f"“{r.text}”：范围的起点在终点之后，或两端不是同一层级",
                       "按从小到大的顺序写明起止条款")


#: the word a text calls itself by, from the end of its title (longest first)
_SELF_BY_TITLE = (("实施细则", ("本细则", "本实施细则")), ("实施办法", ("本办法", "本实施办法")),
                  ("细则", ("本细则",)), ("办法", ("本办法",)), ("规定", ("本规定",)), ("条例", ("本条例",)),
                  ("规则", ("本规则",)), ("准则", ("本准则",)), ("决定", ("本决定",)), ("通则", ("本通则",)),
                  ("法典", ("本法", "本法典")), ("法", ("本法",)))


def self_words(title: str | None) -> tuple[str, ...] | None:
    """The words by which a text of this title names itself (本条例 for a 条例), or None when unknown."""
    if not title:
        return None
    t = re.sub(r"[（(][^（）()]*[）)]$", "", re.sub(r"\s+", "", title))
    for suffix, words in _SELF_BY_TITLE:
        if t.endswith(suffix):
            return words
    return None


#: characters that make a word with the 本 after them (基本, 根本, 资本, 成本, 样本, 文本, 版本 …)
_WORD_BEFORE_BEN = "基根资成日版样标文脚课剧账原副正范读书"


@rule("ref-self-name", "references", "warning", "称呼本文的用词与标题不一致（条例中写“本办法”）",
      bad="《某某市养犬管理条例》：违反本办法规定的……", good="违反本条例规定的……")
def ref_self_name(ctx):
    from kb.layers.links.scan import SELF_WORDS

    own = self_words(ctx.doc.title)
    if not own:
        return
    for r in ctx.references:
        if r.kind not in ("self", "internal"):
            continue
        word = next((w for w in SELF_WORDS if r.text.startswith(w)), None)   # 本条例, 本条例第十条
        if word and word not in own:
            node = ctx.doc.get(r.eid)
            if r.start and node.text[r.start - 1] in _WORD_BEFORE_BEN:
                continue             # 基本准则, 资本法: 本 ends another word
            yield ctx.at("ref-self-name", node, r.start, r.start + len(word),
                         f"本文标题是{book_title(ctx.doc.title)}，却称“{word}”", f"改为“{own[0]}”")
