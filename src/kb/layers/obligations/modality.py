"""Statements of a modal word and of an agent after 由, with the modality each states.

A modal word states its own modality for its subject (or for the agent of 应当由X……), except in
a liability clause, where 由X予以/责令/处…… is a sanction.  An agent after 由 without a modal
word bears a duty (explicit = false), a sanction in a liability clause, or a permission when the
sentence offers it as an alternative (……可以……，或者由X……).  ``x`` below is the running
extractor (its registry, scanner, emit, relation).
"""
from __future__ import annotations

import re

from kb.layers.obligations.records import Group
from kb.layers.obligations.sentences import Sentence, clause_end, sent_end

_SANCTION_V = re.compile(r"予以|给予[^，。；]{0,4}?(?:处分|处罚|警告|罚款)|责令|处以|处[0-9一二三四五六七八九十百千万]|罚款|没收|吊销|收回|取消|追究|通报|警告|"
                         r"暂扣|降低|撤销|依法处理|处分|训诫|拘留")


def liability_chapter(art) -> bool:
    """Is the article in a chapter of legal liability (法律责任, 罚则)?"""
    chapter = art.ancestor("chapter")
    return bool(chapter and chapter.title and re.search(r"责任|罚则", chapter.title))


def liability_sentence(sent: str) -> bool:
    """Does the sentence state the consequence of a breach (违反……的，由……)?"""
    return bool(re.search(r"^违反", sent)) or bool(
        re.search(r"的，(?:由|对)", sent) and re.search(r"违反|未|不履行|没有履行|擅自|拒不|逾期|拒绝|挪用|侵占|"
                                                   r"玩忽职守|滥用职权|过错|损害|情节", sent))


def on_modal(x, s: Sentence, p: int, data, s_here: Group | None) -> None:
    """A modal word at p: a statement for its subject, or one without an actor."""
    text = s.text
    e, w, mod = data
    clause_tail = text[e:clause_end(text, e)]
    if clause_tail.endswith("的") or re.search(r"的(事项|情形|人|人员)$", clause_tail) or \
            re.fullmatch(r"(?:由[^，。；]{0,16}|[^，。；]{0,6})的行为", clause_tail) or \
            re.search(r"的[^，。；]{0,10}除外$", clause_tail) or \
            re.compile(r"[^，。；以]?的").match(clause_tail):
        return       # a relative clause (应由……办理的事项, 依法应尽的义务)
    if text[p - 1:p] in "的" and w in ("可", "应"):
        return
    actor_g = s_here
    if w in ("禁止", "严禁") and actor_g is not None and actor_g.end == p:
        actor_g = None          # 国家禁止……: who must not is not named
    if text.startswith("由", e):
        g2 = x.sc.agent(text, e + 1)
        if g2:
            actor_g = g2
    if s.liability and _SANCTION_V.search(text[e:e + 8]) and mod != "prohibition":
        mod = "sanction"
    action = text[e:s.end]
    start = actor_g.start if actor_g and s.start <= actor_g.start and actor_g.end <= p else p
    if actor_g is None or not actor_g.mentions:
        x.emit(s, None, mod, True, action, p, s.end)
        return
    for mt in actor_g.mentions:
        x.emit(s, mt, mod, True, action, start, s.end)
    s.stated(actor_g)


def on_agent(x, s: Sentence, p: int, g: Group, s_here: Group | None) -> None:
    """由 + the agent g at p, without a modal word of its own."""
    text = s.text
    vp = text[g.end:clause_end(text, g.end)]
    if not vp or vp[0] in "，。；的" or (re.match(r"[^，。；对向将把给]{0,14}的", vp) and
                                        not re.match(r"根据|依据|按照|依照|在|会同", vp)):
        return        # 主要由捐赠人出资兴建的工程项目: a relative clause
    if any(q < p and text[q:p].find("，") < 0 and p - q <= 4 for q in s.modal_positions):
        return        # 可以由X…: handled with the modal word
    alt = [ev for ev in s.events if ev[1] == "modal" and ev[0] < p and re.search("或者|也可以", text[ev[0]:p])]
    if alt and alt[-1][2][2] == "permission":
        for mt in g.mentions:
            x.emit(s, mt, "permission", True, vp, p, sent_end(text, p))
        return
    stated = _agent_modality(x, s, p, g, vp)
    if stated is None:
        return
    mod, explicit = stated
    for mt in g.mentions:
        x.emit(s, mt, mod, explicit, vp, p, sent_end(text, p))
    if vp.startswith("牵头"):
        x.relation(g, "牵头", None, s.node.eid)
    if mod == "sanction":
        for r in ("纠正", "责令", "查处"):
            if r in vp[:12]:
                x.relation(g, r, None, s.node.eid)
    s.stated(g)


def _agent_modality(x, s: Sentence, p: int, g: Group, vp: str) -> tuple[str, bool] | None:
    """(modality, explicit) of what the agent g does (vp), or None when it is a right."""
    if s.liability and re.match(r"(?:依法)?(?:承担|负责赔偿|赔偿)", vp):
        return "obligation", False      # bears the liability, imposes nothing
    if s.liability and (_SANCTION_V.search(vp) or re.match(r"依法|对|将", vp) or
                        re.search(r"的，(?:[^，。；]{0,12}，)?$", s.text[s.start:p])):
        return "sanction", True
    if re.search(r"选举|推选|推举|参加|出席|讨论|表决|通过|组成|产生|提名", vp[:14]) and \
            all(x.reg.kind_of(m.name) == "individual" for m in g.mentions):
        return None        # 由居民……选举产生: a right, not a duty
    return "obligation", False
