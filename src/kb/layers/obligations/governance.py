"""Governance relations, and the statements a governance verb implies for the party it governs.

X指导、监督Y gives the relations (X, 指导, Y) and (X, 监督, Y); 鼓励/倡导/引导 Y (and 支持 Y when Y
is not a public body) makes Y the encouraged party; 督促/责令 Y 改正…… gives Y an obligation
(explicit = false).  ``x`` below is the running extractor (its registry, scanner, emit, relation).
"""
from __future__ import annotations

import re

from kb.layers.obligations.records import RELATIONS, Group, Mention
from kb.layers.obligations.sentences import Sentence

_ENC = ("鼓励", "倡导", "提倡", "引导")
CHAIN_V = ("鼓励", "支持", "倡导", "提倡", "引导", "指导", "帮助", "协助", "督促", "组织", "协调", "责令", "委托",
           "监督", "检查", "考核", "查处", "纠正", "动员", "推动", "责成", "扶持")
#: 组织 before 和个人 is the noun (鼓励组织和个人……), not a second verb of the run
_VERBS = "|".join(v if v != "组织" else "组织(?!(?:和|或者|或|、|及|以及)(?:其他)?个人)" for v in CHAIN_V)
CHAIN = re.compile("(?:%s)(?:(?:、|和|与|并|及|或者)?(?:%s))*" % (_VERBS, _VERBS))
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
    target = _target(x, text, k)
    if target is not None and text[target.end:target.end + 1] in ("的",) and \
            not re.compile(r"的").match(text, target.end + 1):
        # 督促未成年人的父母……参加, 鼓励国家机关……的工作人员带头……: the party after 的 is the object
        after = x.sc.group(text, target.end + 1, discover=True)
        if after is not None and after.mentions:
            target = after
        elif not chain.startswith(("鼓励", "支持", "引导", "倡导", "提倡")):
            target = None         # 对……的工作: a modifier, not the object
    _relate(x, s_here, chain, target, s.node.eid)
    if target is None:
        if chain.startswith(_ENC + ("支持",)) and (s_here is None or _policy(s_here)):
            x.emit(s, None, "encouragement", True, p, e, p, primary=False)    # 鼓励发展……服务业: no party
        return
    _encourage(x, s, p, chain, target)
    if (s_here is None or _policy(s_here)) and \
            any(v in chain for v in ("鼓励", "支持", "引导", "倡导", "提倡", "推动")):
        s.topic = (target.start, target)
        # 本市支持志愿服务组织……，在……时应当遵守……; 推动……家政服务人员经备案可以……: the party is the topic
    if ("督促" in chain or "责令" in chain or "责成" in chain) and re.compile(r"(?![的，。；、])[^，。；]").match(
            text, target.end):
        for mt in target.mentions:
            x.emit(s, mt, "obligation", False, p, target.end, target.start, primary=False)


#: subjects of a policy statement (国家鼓励……): they state no duty of their own
_POLICY_SUBJECTS = ("国家", "本市", "本省", "本自治区")
#: 鼓励具备急救能力的个人, 支持具有法律专业知识的人员: a party named by what it has or does
_NAMED_PARTY = re.compile(r"[^，。；：]{2,40}?的(?:人员|个人|单位|组织|机构|企业|志愿者|人士|家庭)(?=[，、和或及参为向对提开从加在依按])")


def _policy(g: Group) -> bool:
    """Is g the subject of a policy statement (国家鼓励……, 本市支持……)?"""
    return any(m.name in _POLICY_SUBJECTS for m in g.mentions)


def _target(x, text: str, k: int):
    """The party a governance verb at k governs (its group, or a party named by a relative clause)."""
    g = x.sc.listed(text, k, loose=True) or x.sc.group(text, k, discover=True)
    if g is not None:
        return g
    for d in re.finditer("的", text[k:k + 50].split("，")[0]):     # ……符合认定条件的基金会、社会团体等
        g = x.sc.group(text, k + d.end(), discover=True)
        if g is not None and g.mentions and all(m.known for m in g.mentions[:1]) and \
                text[g.end:g.end + 1] not in ("", "，", "。", "；"):
            return g         # (鼓励发展……的慈善组织。: what is developed, not a party that acts)
    m = _NAMED_PARTY.match(text, k)
    if m and not re.search(r"应当|可以|不得|，", m.group(0)):
        name = m.group(0)
        c = x.reg.canonical(name)
        return Group([Mention(c, name, k, m.end(), known=x.reg.is_known(c))], k, m.end())
    return None


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
        x.emit(s, mt, "encouragement", True, p, target.end, target.start, primary=False)
