"""Repetition of upper law: an article that restates a provision of an upper-level law in the
knowledge base (立法法: 对上位法已经明确规定的内容，一般不作重复性规定).

The knowledge base's related-provision layer finds each article's upper-law provisions
(kb.library.related); kb.library.repeat measures how much of the article is their wording.  An
article at or above the threshold (0.5 by default: "most of it"; ``kb check --threshold``) is reported
with the provisions, the share and the repeated words.  ``kb check --upper`` runs this rule alone and
lists the articles by share.
"""
from __future__ import annotations

from kb.check.registry import rule


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
        uppers = "、".join(f"《{u.entry.reg.title}》{u.entry.label}" for u in rep.upper[:3])
        # the words at fault: from the first repeated word to the last (the article's own line)
        words = rep.entry.text[rep.marks[0][0]:rep.marks[-1][1]] if rep.marks else ""
        words = words if words and "\n" not in words and words in ctx.line_text(node.line) else None
        f = ctx.at_node("upper-repeat", node,
                        f"本条 {rep.share:.0%} 的字句与上位法相同：{uppers}",
                        "删去与上位法重复的内容，或写明“依照" + (f"《{rep.upper[0].entry.reg.title}》{rep.upper[0].entry.label}"
                                                        if rep.upper else "上位法") + "的规定”，只规定本地补充、细化的内容",
                        words=words or None)
        f.score = rep.share
        yield f


def _place(ctx) -> tuple[str | None, str | None]:
    """The regulation and version of the checked text when the knowledge base holds it."""
    meta = ctx.doc.meta or {}
    reg, ver = meta.get("regulation"), meta.get("version")
    if reg and ver and (ctx.root / "regulation" / reg / "meta.yml").is_file():
        return reg, ver
    return None, None
