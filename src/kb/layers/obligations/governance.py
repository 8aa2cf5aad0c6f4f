"""Governance relations, and the statements a governance verb implies for the party it governs.

X指导、监督Y gives the relations (X, 指导, Y) and (X, 监督, Y); 鼓励/倡导/引导 Y (and 支持 Y when Y
is not a public body) makes Y the encouraged party; 督促/责令 Y 改正…… gives Y an obligation
(explicit = false).  ``x`` below is the running extractor (its registry, scanner, emit, relation).
"""
from __future__ import annotations

import re

from kb.layers.obligations.records import RELATIONS, Group
from kb.layers.obligations.sentences import Sentence

_ENC = ("鼓励", "倡导", "引导")
CHAIN_V = ("鼓励", "支持", "倡导", "引导", "指导", "帮助", "协助", "督促", "组织", "协调", "责令", "委托",
           "监督", "检查", "考核", "查处", "纠正", "动员")
CHAIN = re.compile("(?:%s)(?:(?:、|和|与|并|及|或者)?(?:%s))*" % ("|".join(CHAIN_V), "|".join(CHAIN_V)))
#: words between a governance verb and the party it governs (指导给……, 督促同级……)
_REL_TARGET_SKIP = ("给", "同级", "驻地社区的", "当地", "所在地", "所在地的")
_PUBLIC_KINDS = ("government", "department", "self-governing")


def on_chain(x, s: Sentence, p: int, data, s_here: Group | None) -> None:
    """A run of governance verbs at p: relations of the subject to the party after it, and that
    party's encouragement or obligation."""
    text = s.text
    e, chain = data
    k = e
    for skip in _REL_TARGET_SKIP:
        if text.startswith(skip, k):
            k += len(skip)
            break
    target = x.sc.group(text, k, discover=True)
    if target is not None and text[target.end:target.end + 1] in ("的",) and \
            not re.compile(r"的").match(text, target.end + 1):
        # 对……的工作: a modifier, not the object
        if not chain.startswith(("鼓励", "支持", "引导", "倡导")):
            target = None
    _relate(x, s_here, chain, target, s.node.eid)
    if target is None:
        return
    _encourage(x, s, p, chain, target)
    if ("督促" in chain or "责令" in chain) and re.compile(r"[^，。；]{0,4}?(?:将|把|依法|及时|按照|落实|履行|"
                                                         r"改正|整改|限期|做好|开展|办理|移交)").match(
            text, target.end):
        for mt in target.mentions:
            x.emit(s, mt, "obligation", False, text[target.end:s.end], p, s.end)


def on_obj(x, s: Sentence, p: int, data, s_here: Group | None) -> None:
    """对 + a party + a governance verb: relations of the subject to that party."""
    g, chain = data
    _relate(x, s_here, chain, g, s.node.eid)


def _relate(x, subj: Group | None, chain: str, target: Group | None, eid: str) -> None:
    for v in CHAIN_V:
        if v in chain and v in RELATIONS:
            x.relation(subj, v, target, eid)


def _encourage(x, s: Sentence, p: int, chain: str, target: Group) -> None:
    """鼓励/倡导/引导 the target, or 支持 it when it is not a public body: the encouraged party."""
    kind_of = x.reg.kind_of
    enc = any(v in chain for v in _ENC)
    if not enc and not ("支持" in chain and any(kind_of(t.name) not in _PUBLIC_KINDS for t in target.mentions)):
        return
    for mt in target.mentions:
        if "支持" in chain and not enc and kind_of(mt.name) in _PUBLIC_KINDS:
            continue
        x.emit(s, mt, "encouragement", True, s.text[p:s.end], p, s.end)
