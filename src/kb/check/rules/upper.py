"""Repetition of upper law: an article that restates a provision of an upper-level law in the
knowledge base (立法法: 对上位法已经明确规定的内容，一般不作重复性规定).

The rule needs the knowledge base's related-provision layer (issue 14: each article beside its
upper law); until that exists it is registered but off, and says why when asked for.
"""
from __future__ import annotations

from kb.check.registry import rule


@rule("upper-repeat", "upper", "warning", "重复上位法已经明确规定的内容",
      bad="居民委员会是居民自我管理、自我教育、自我服务的基层群众性自治组织。（照抄居委会组织法第二条）",
      good="只规定本地需要补充、细化的内容，上位法已有规定的不再重复",
      needs="需要知识库的相关条文层（上位法条文比对，见 issue 14），该层尚未建成")
def upper_repeat(ctx):
    return iter(())
