"""Repetition of upper law: an article that restates a provision of an upper-level law in the
knowledge base (立法法: 对上位法已经明确规定的内容，一般不作重复性规定).

The knowledge base's related-provision layer finds each article's upper-law provisions
(kb.library.related); kb.library.repeat measures how much of the article is their wording.  An
article at or above the threshold (0.5 by default: "most of it"; ``kb check --threshold``) is reported
with the provisions, the share and the repeated words.  ``kb check --upper`` runs this rule alone and
lists the articles by share.
"""
from __future__ import annotations

from kb.check.context import citation_of
from kb.check.registry import rule
from kb.text.numerals import to_chinese


@rule("upper-repeat", "upper", "warning", "重复上位法已经明确规定的内容",
      bad="居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织。（照抄居委会组织法第二条）",
      good="只规定本地需要补充、细化的内容，上位法已有规定的不再重复")
def upper_repeat(ctx):
    from kb.library.related import EXTRA_ID, EXTRA_VERSION, base_library, library_with
    from kb.library.repeat import THRESHOLD, repetitions

    if ctx.root is None:
        return                      # no knowledge base: no upper law to compare with
    threshold = getattr(getattr(ctx, "config", None), "upper_threshold", None)
    reg_id, version = _place(ctx)
    # the knowledge base is indexed once per process; a text outside it is only looked up in it
    lib = base_library(ctx.root) if reg_id else library_with(ctx.root, ctx.doc)
    if reg_id is None:
        reg_id, version = EXTRA_ID, EXTRA_VERSION
    for rep in repetitions(lib, reg_id, version, THRESHOLD if threshold is None else threshold):
        node = ctx.doc.get(rep.entry.eid)
        if node is None:
            continue
        # a provision whose earlier wording the article shares (an older text: kb.library.repeat.earlier_texts) is named as
        # it stands, with the version whose wording it had
        uppers = "、".join(f"《{u.entry.reg.title}》{u.entry.label}"
                          + (f"（{rep.earlier[u.entry.index]}文本的措辞）" if u.entry.index in rep.earlier else "")
                          for u in rep.upper[:3])
        where, words, paragraphs = _words(ctx, node, rep)
        message = f"本条 {rep.share:.0%} 的字句与上位法相同{paragraphs}：{uppers}"
        suggestion = "删去与上位法重复的内容，或写明“依照" + (f"《{rep.upper[0].entry.reg.title}》{rep.upper[0].entry.label}"
                                                      if rep.upper else "上位法") + "的规定”，只规定本地补充、细化的内容"
        if where is None:
            f = ctx.at_node("upper-repeat", node, message, suggestion)
        else:
            f = ctx.at_line("upper-repeat", where, ctx.line_text(where).find(words), words, message, suggestion)
            f.citation, f.eid = citation_of(node), node.eid or None   # the article, not the paragraph
        f.score = rep.share
        yield f


def _words(ctx, node, rep) -> tuple[int | None, str, str]:
    """(source line, words, paragraphs note) of the repeated wording to show: from the first repeated word to
    the last within one line of the article (a paragraph or an item) — the line holding the most repeated
    letters when several do, the note then naming the paragraphs (（第一款、第二款）); (None, "", "") when no line of
    the source holds them (the finding then stands on the article's label)."""
    text = rep.entry.text
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    lines: dict[int, list] = {}
    for s, t in rep.marks:
        k = text.count("\n", 0, s)
        end = min(t, starts[k + 1] - 1 if k + 1 < len(starts) else len(text))
        lines.setdefault(k, []).append((s, end))
    best, paragraphs = None, set()
    for k, spans in lines.items():
        words = text[spans[0][0]:spans[-1][1]]
        letters = sum(1 for s, t in spans for ch in text[s:t] if ch.isalnum())
        no = ctx._text_line(node.line, k)
        src = ctx.line_text(no)
        if not words or words not in src:
            continue
        own = ctx.owner(ctx.lines[no - 1].start + src.find(words))
        para = own if own.kind == "paragraph" else own.ancestor("paragraph")
        if para is not None and para.number is not None:
            paragraphs.add(para.number)
        if best is None or letters > best[0]:
            best = (letters, no, words)
    if best is None:
        return None, "", ""
    note = "（" + "、".join(f"第{to_chinese(p)}款" for p in sorted(paragraphs)) + "）" if len(paragraphs) > 1 else ""
    return best[1], best[2], note


def _place(ctx) -> tuple[str | None, str | None]:
    """The regulation and version of the checked text when the knowledge base holds it."""
    meta = ctx.doc.meta or {}
    reg, ver = meta.get("regulation"), meta.get("version")
    if reg and ver and (ctx.root / "regulation" / reg / "meta.yml").is_file():
        return reg, ver
    return None, None
