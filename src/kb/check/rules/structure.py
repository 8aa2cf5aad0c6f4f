"""Structure: numbering of articles, headings and items; empty articles; placeholders; 附则 last."""
from __future__ import annotations

import re

from kb.check.registry import rule

_NUMBERING = {"article-number": "条", "heading-number": "章节", "item-number": "项"}


def _numbering(ctx, code: str, rule_id: str, suggestion: str):
    for w in ctx.doc.warnings:
        if w.code == code and w.line:
            node = ctx.owner(ctx.lines[w.line - 1].start)
            words = node.label if node.line == w.line and node.label else ctx.line_text(w.line).strip()[:12]
            col = ctx.line_text(w.line).find(words)
            yield ctx.at_line(rule_id, w.line, max(col, 0), words, w.message, suggestion)


@rule("num-article", "structure", "error", "条号缺号、重号或顺序错误",
      bad="第一条 ……\n第三条 ……", good="第一条 ……\n第二条 ……")
def num_article(ctx):
    yield from _numbering(ctx, "article-number", "num-article", "按顺序重新编排条号，并核对引用这些条的条文")


@rule("num-heading", "structure", "error", "编、章、节的编号不连续",
      bad="第一章 总则\n……\n第三章 附则", good="第一章 总则\n……\n第二章 附则")
def num_heading(ctx):
    yield from _numbering(ctx, "heading-number", "num-heading", "按顺序重新编排章节序号")


@rule("num-item", "structure", "error", "项、目的序号缺号、重号或顺序错误",
      bad="（一）……；\n（三）……。", good="（一）……；\n（二）……。")
def num_item(ctx):
    cascade = _renumbered_after_a_break(ctx)
    for f in _numbering(ctx, "item-number", "num-item", "按顺序重新编排项（目）的序号"):
        if f.line not in cascade:
            yield f


def _renumbered_after_a_break(ctx) -> set[int]:
    """Lines of items that follow the item before them in order (（三） after （二）) although the list as a
    whole is off (its （一） lost its marker): the parser warns at each of them, the fault is at the break."""
    from kb.text.numerals import item_marker_number

    out = set()
    for art in ctx.articles:
        for node in art.walk():
            if node.kind not in ("item", "subitem") or node.parent is None:
                continue
            siblings = [c for c in node.parent.children if c.kind == node.kind]
            i = siblings.index(node)
            if i == 0:
                continue
            prev, num = item_marker_number(siblings[i - 1].label or ""), item_marker_number(node.label or "")
            if prev is not None and num == prev + 1:
                out.add(node.line)
    return out


@rule("empty-article", "structure", "error", "条文没有内容",
      bad="第十二条（设施保障）\n第十三条 ……", good="第十二条（设施保障） 新建住宅小区……")
def empty_article(ctx):
    for art in ctx.articles:
        body = art.full_text().strip()
        title = art.title or _title_alone(body)
        if not body or _title_alone(body):
            yield ctx.at_node("empty-article", art, f"{art.label}只有条号{('和条标题' if title else '')}，没有条文内容",
                              "补写条文内容，或删去本条并调整其后的条号")


#: a bracketed note that stands for an article on purpose: deleted, omitted or left blank by the text itself
_DELETED = re.compile(r"^.{0,4}(?:删去|删除|已删|废止|废除).{0,2}$|^(?:略|空|空缺|暂缺)$")


def _title_alone(body: str) -> str | None:
    """The title of an article whose whole body is a bracketed title (第二条（设施保障） and nothing after it: the
    parser keeps the bracket as the text, as it keeps 第一百九十九条（删去）); None for a deletion note."""
    from kb.text.grammar import bracket_heading

    h = bracket_heading(body)
    if h is None or len(h[0]) + 2 != len(body) or _DELETED.search(h[0]):
        return None
    return h[0]


_BLANK = "[ 　\t_＿]"
_CROSS = "[×XＸ*＊]"
# a date: each part a number, crosses, or nothing; a part left blank (2023年 月 日) is a placeholder,
# 年月日 written together (出生年月日) is a word
_DATE = re.compile(
    rf"(?P<y>[0-9０-９〇零一二三四五六七八九十]{{2,4}}|{_CROSS}{{2,4}})?{_BLANK}*年(?P<s1>{_BLANK}*)"
    rf"(?P<m>[0-9０-９一二三四五六七八九十]{{1,2}}|{_CROSS}{{1,2}})?{_BLANK}*月(?P<s2>{_BLANK}*)"
    rf"(?P<d>[0-9０-９一二三四五六七八九十]{{1,3}}|{_CROSS}{{1,2}})?{_BLANK}*日")
# crosses, circles and 某某 for a name; a bracketed note to the drafters (【待定】, （待补充）); underscores
_OTHER = re.compile(
    r"[×Ｘ]{2,}|(?<![A-Za-z])XX+(?![A-Za-z])|(?<![〇零一二三四五六七八九十])[○〇]{2,}(?![〇零一二三四五六七八九十年])|某某"
    r"|[【\[（(][^【】\[\]（）()\n]{0,10}?(?:待定|待补充|待完善|待明确|待商榷|待研究|暂定|此处|请填写)[^【】\[\]（）()\n]{0,10}?[】\]）)]"
    r"|_{3,}|＿{2,}")


def _blank_date(m: re.Match) -> bool:
    crosses = any(g and g[0] in "×XＸ*＊" for g in (m.group("y"), m.group("m"), m.group("d")))
    return crosses or (not m.group("m") and bool(m.group("s1"))) or (not m.group("d") and bool(m.group("s2")))


def placeholders(text: str):
    """(start, words, what) of each placeholder in a line of text."""
    out = [(m.start(), m.group().strip(" 　\t"), "日期") for m in _DATE.finditer(text) if _blank_date(m)]
    out += [(m.start(), m.group(), "内容") for m in _OTHER.finditer(text)
            if not any(s <= m.start() < s + len(w) for s, w, _ in out)]
    return sorted(out)


@rule("placeholder", "structure", {"comment": "info", "vote": "error", "adopted": "error"},
      "占位符尚未填写（日期空白、××、【待定】）",
      bad="本条例自2023年 月 日起施行。", good="本条例自2023年10月1日起施行。")
def placeholder(ctx):
    for ln in ctx.lines:
        if not ln.stripped:
            continue
        for start, words, what in placeholders(ln.content):
            col = ln.content.find(words, start)
            yield ctx.at_line("placeholder", ln.no, col, words, f"占位符“{words}”：{what}尚未填写",
                              f"填写具体{what}" + ("（提请表决前必须补全）" if ctx.stage == "comment" else ""))


def _final_chapter(n) -> bool:
    return bool(n.title) and re.sub(r"\s+", "", n.title) in ("附则", "附　则")


@rule("final-chapter", "structure", "warning", "附则不是最后一章（编）",
      bad="第六章 附则\n……\n第七章 法律责任", good="第六章 法律责任\n……\n第七章 附则")
def final_chapter(ctx):
    heads = [n for n in ctx.doc.nodes() if n.kind in ("part", "chapter")]
    for i, h in enumerate(heads):
        if _final_chapter(h):
            later = [x for x in heads[i + 1:] if x.kind == h.kind or (h.kind == "part" and x.kind == "chapter"
                                                                          and x.ancestor("part") is not h)]
            if later:
                yield ctx.at_node("final-chapter", h, f"“{h.label}　附则”之后还有{later[0].label}",
                                  f"把附则移到最后，作为{'最后一编' if h.kind == 'part' else '最后一章'}")
