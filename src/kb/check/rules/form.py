"""Form: half-width punctuation or digits where the rest is full-width (or the reverse), unbalanced
brackets and quotation marks, doubled punctuation, trailing spaces, article and chapter headings
laid out unlike the others."""
from __future__ import annotations

import re
from collections import Counter

from kb.check.registry import rule

#: half-width punctuation -> its full-width form in Chinese text
PAIRS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
FULL = {v: k for k, v in PAIRS.items()}
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_PUNCT = re.compile(r"[,;:?!()，；：？！（）]")
_DIGITS = re.compile(r"[0-9]+|[０-９]+")


def _body_lines(ctx):
    """Source lines of the body (not the title block); Markdown heading marks count as layout."""
    for ln in ctx.lines:
        if not ln.stripped:
            continue
        owner = ctx.owner(ln.start)
        if owner.kind in ("preamble", "document"):
            continue
        yield ln


def _chinese_context(s: str, i: int) -> bool:
    """Whether s[i] stands in Chinese text: a Han character or full-width punctuation beside it,
    and not between two digits (8:30, 1,000)."""
    before, after = s[i - 1:i], s[i + 1:i + 2]
    if before.isdigit() and after.isdigit():
        return False
    near = before + after
    return bool(_HAN.search(near)) or any(c in FULL or c in "。、“”《》" for c in near)


@rule("form-halfwidth", "form", "warning", "中文中混用半角标点或数字（全文其余为全角，或相反）",
      bad="县(市、区)人民政府应当组织编制规划,制定标准。", good="县（市、区）人民政府应当组织编制规划，制定标准。")
def form_halfwidth(ctx):
    lines = list(_body_lines(ctx))
    punct = [(ln, m.start(), m.group()) for ln in lines for m in _PUNCT.finditer(ln.content)
             if _chinese_context(ln.content, m.start())]
    half = sum(1 for *_, c in punct if c in PAIRS)
    full_width = len(punct) - half
    minority = (lambda c: c in PAIRS) if half <= full_width else (lambda c: c in FULL)
    seen = set()
    for ln, col, c in punct:
        if minority(c) and ln.no not in seen:
            seen.add(ln.no)
            n = sum(1 for l2, _, c2 in punct if l2 is ln and minority(c2))
            other = PAIRS.get(c) or FULL.get(c)
            kind = "半角" if c in PAIRS else "全角"
            yield ctx.at_line("form-halfwidth", ln.no, col, c,
                              f"{kind}标点“{c}”，全文其余用“{other}”" + (f"（本行共 {n} 处）" if n > 1 else ""),
                              f"改为“{other}”")
    yield from _half_periods(ctx, lines)
    digits = [(ln, m.start(), m.group()) for ln in lines for m in _DIGITS.finditer(ln.content)]
    wide = sum(1 for *_, d in digits if d[0] in "０１２３４５６７８９")
    if wide and wide < len(digits):
        minority_wide = wide <= len(digits) - wide
        for ln, col, d in digits:
            if (d[0] in "０１２３４５６７８９") == minority_wide:
                other = d.translate(str.maketrans("０１２３４５６７８９0123456789", "0123456789０１２３４５６７８９"))
                yield ctx.at_line("form-halfwidth", ln.no, col, d,
                                  f"{'全角' if minority_wide else '半角'}数字“{d}”，全文其余用{'半角' if minority_wide else '全角'}数字",
                                  f"改为“{other}”")


#: a half-width full stop ending Chinese words (制定本条例.): after a Han character or a full-width closing mark,
#: not one of several (……写作 ...), not before a letter or digit (a domain name, 第3.5条) and not in a URL or an
#: abbreviation (www.gov.cn, No.), which stand in Latin letters
_HALF_PERIOD = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff）》”’】])\.(?![.A-Za-z0-9０-９_/])")
_URLISH = re.compile(r"(?:https?://|www\.)\S*$")


def _half_periods(ctx, lines):
    """form-halfwidth for the full stop: a half-width '.' after Chinese, in a text whose sentences end in '。'."""
    found = [(ln, m.start()) for ln in lines for m in _HALF_PERIOD.finditer(ln.content)
             if not _URLISH.search(ln.content[:m.start()])]
    full = sum(ln.content.count("。") for ln in lines)
    if not found or full < len(found):
        return
    seen = set()
    for ln, col in found:
        if ln.no in seen:
            continue
        seen.add(ln.no)
        n = sum(1 for l2, _ in found if l2 is ln)
        yield ctx.at_line("form-halfwidth", ln.no, col, ".",
                          "半角句点“.”，全文其余用“。”" + (f"（本行共 {n} 处）" if n > 1 else ""), "改为“。”")


#: closing bracket -> opening bracket; （ and ( match either width (a mixed pair is form-halfwidth's)
_CLOSE = {"）": "(", ")": "(", "】": "【", "〕": "〔", "］": "[", "]": "[", "》": "《", "〉": "〈", "”": "“", "’": "‘"}
_OPEN = {"（": "(", "(": "(", "【": "【", "〔": "〔", "［": "[", "[": "[", "《": "《", "〈": "〈", "“": "“", "‘": "‘"}


def unbalanced(text: str) -> tuple[int, str] | None:
    """(position, bracket) of the first bracket or quotation mark without its partner, or None."""
    stack: list[tuple[int, str]] = []
    for i, c in enumerate(text):
        if c in _OPEN:
            stack.append((i, _OPEN[c]))
        elif c in _CLOSE:
            want = _CLOSE[c]
            if stack and stack[-1][1] == want:
                stack.pop()
            elif any(k == want for _, k in stack):
                return stack[-1][0], text[stack[-1][0]]      # an opening bracket left open inside
            else:
                return i, c
    if stack:
        return stack[0][0], text[stack[0][0]]
    if text.count('"') % 2:
        return text.rfind('"'), '"'
    return None


@rule("form-brackets", "form", "warning", "括号、书名号或引号不成对",
      bad="社区服务中心（站、党群服务中心（站）", good="社区服务中心（站）、党群服务中心（站）")
def form_brackets(ctx):
    for art in ctx.articles:
        nodes = [n for n in art.walk() if n.kind in ("paragraph", "item", "subitem") and n.text]
        if art.title and unbalanced(art.title):
            yield ctx.at_node("form-brackets", art, f"条标题“{art.title}”中{unbalanced(art.title)[1]}不成对",
                              "补全或删去不成对的符号", words=art.title)
        bad = [(n, unbalanced(n.text)) for n in nodes]
        bad = [(n, u) for n, u in bad if u]
        if not bad or not unbalanced("".join(n.text for n in nodes)) and len(bad) > 1:
            continue                 # a quotation running over several paragraphs closes in a later one
        for n, (i, c) in bad:
            yield ctx.at("form-brackets", n, i, i + 1, f"“{c}”没有与之成对的符号", "补全或删去不成对的符号")
    for h in ctx.doc.nodes():
        if h.kind in ("part", "subpart", "chapter", "section") and h.title and unbalanced(h.title):
            yield ctx.at_node("form-brackets", h, f"标题“{h.title}”中{unbalanced(h.title)[1]}不成对",
                              "补全或删去不成对的符号", words=h.title)


_DOUBLE = re.compile(r"[，。；：、！？,;:!?](?=[，。；：、！？,;:!?])")


@rule("form-double-punct", "form", "warning", "标点重复或连用（，，  。。  ，。）",
      bad="组织编制社区发展治理规划，，制定社区综合服务标准。", good="组织编制社区发展治理规划，制定社区综合服务标准。")
def form_double_punct(ctx):
    for n in ctx.scanned:
        for m in _DOUBLE.finditer(n.text):
            j = m.end()
            while j < len(n.text) and n.text[j] in "，。；：、！？,;:!?":
                j += 1
            if n.text[m.start():j] in ("？！", "！？"):
                continue
            yield ctx.at("form-double-punct", n, m.start(), j, f"标点“{n.text[m.start():j]}”连用",
                         "只保留一个恰当的标点")


@rule("form-trailing-space", "form", "info", "行尾有多余的空格",
      bad="……纳入控制性详细规划。␣␣␣", good="……纳入控制性详细规划。")
def form_trailing_space(ctx):
    for ln in ctx.lines:
        c = ln.content
        tail = len(c) - len(c.rstrip(" \t　"))
        if tail:
            col = len(c) - tail
            what = "空白行中有空格" if not c.strip(" \t　") else "行尾有多余的空格"
            yield ctx.at_line("form-trailing-space", ln.no, col, c[col:], f"{what}（{tail} 个）", "删去行尾空格")


def _layout(ctx, n) -> dict:
    """How a heading line is laid out: indent, what separates the label from what follows, the
    brackets of an article heading."""
    line = ctx.line_text(n.line)
    head = line.lstrip(" \t　#")
    rest = head[head.find(n.label) + len(n.label):] if n.label in head else ""
    sep = rest[:len(rest) - len(rest.lstrip(" \t　"))]
    out = {"indent": line[:1] in " \t　" and not line.lstrip().startswith("#"),
           "sep": "换行" if not rest.strip() else {"": "无", "　": "全角空格"}.get(sep, "半角空格" if set(sep) == {" "} else "其他空白")}
    if n.kind == "article":
        out["title"] = "".join(n.brackets) if n.title and n.brackets else ("无" if not n.title else "其他")
    return out


_FEATURE = {"indent": "行首缩进", "sep": "编号后", "title": "条标题"}
_SHOW = {True: "有缩进", False: "无缩进", "无": "无条标题"}


def _describe(feature: str, value) -> str:
    if feature == "indent":
        return _SHOW[value]
    if feature == "title":
        return "无条标题" if value == "无" else f"条标题用{value}"
    return f"编号后{'紧接' if value == '无' else '为' + value}"


@rule("form-heading", "form", "warning", "条、章、节的标题格式与其他的不一致（缩进、编号后的空格、条标题）",
      bad="第二十一条（社区应急）\n第二十二条　（智慧社区建设）", good="第二十一条（社区应急）\n第二十二条（智慧社区建设）")
def form_heading(ctx):
    for kind in ("article", "chapter", "section"):
        nodes = [n for n in ctx.doc.nodes(kind) if n.label]
        if len(nodes) < 4:
            continue
        lay = [_layout(ctx, n) for n in nodes]
        usual = {}
        for f in lay[0]:
            value, count = Counter(x[f] for x in lay).most_common(1)[0]
            if count >= 0.6 * len(nodes):
                usual[f] = value
        for n, x in zip(nodes, lay):
            off = [f for f in usual if x[f] != usual[f]]
            if off:
                what = "；".join(f"{_describe(f, x[f])}（其他多为{_describe(f, usual[f])}）" for f in off)
                yield ctx.at_node("form-heading", n, f"{n.label}的格式与其他{'条' if kind == 'article' else '章节'}不一致：{what}",
                                  "按全文通行的格式调整")
