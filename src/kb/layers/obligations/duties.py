"""Duties stated without a modal word.

X负责……, X承担……, X协助……, X对Y给予……, X按照各自职责……, X的任务：……, 成立X，负责……, and a
public body's own act (省人民政府组织编制……，报国务院审批) are duties of X (explicit = false).
``x`` below is the running extractor (its registry, scanner, emit, relation).
"""
from __future__ import annotations

import re

from kb.layers.obligations.records import Group
from kb.layers.obligations.sentences import Sentence

_DUTY = re.compile(r"具体承担|承担|负责(?!人)|履行|做好|依法协助|协助|给予|统筹解决|具体实施")
_EACH_DUTY = re.compile(r"(?:按照|依照|根据|在)各自(?:的)?职责")
#: a competence clause: a public body's own act stated without a modal word (X组织编制……，报……审批)
COMPETENCE = re.compile(r"(?:(?:会同|根据|依照|按照|依据)[^。；]{0,40}?，?)?"
                        r"(?:组织编制|组织实施|组织制定|组织审查|编制|审批|审查|批准|确定|划定|制定|公布|发布|报(?!告))")


def on_found(x, s: Sentence, p: int, g: Group, s_here: Group | None) -> None:
    """成立X，负责……: the body founded is given what follows."""
    for mt in g.mentions:
        x.emit(s, mt, "obligation", False, s.text[g.end:s.end].lstrip("，"), g.start, s.end)


def duties_without_modal(x, s: Sentence) -> None:
    """Each clause-opening actor's duty words up to its first modal word (or the next subject)."""
    text, subs = s.text, s.subjects
    for idx, (p, g) in enumerate(subs):
        nxt = subs[idx + 1][0] if idx + 1 < len(subs) else s.end
        first_modal = min([q for q in s.modal_positions if p <= q < nxt], default=nxt)
        if not g.mentions:
            continue
        scope = text[g.end:first_modal]
        if any(p < q < nxt for q, _ in s.agents):
            continue
        if re.match(r"的(任务|职责)[：是]", scope):       # lead-in of a list of duties
            for mt in g.mentions:
                x.emit(s, mt, "obligation", False, scope[1:], p, nxt)
            continue
        dm = _duty_word(x, s, g, scope, first_modal == nxt)
        if dm is None or s.liability:
            continue
        for mt in g.mentions:
            x.emit(s, mt, "obligation", False, scope[dm.start():], p, nxt)
        s.stated(g)


def _duty_word(x, s: Sentence, g: Group, scope: str, no_modal: bool) -> re.Match | None:
    """The duty word (or competence verb) of g in scope, unless negated, a modifier or a condition."""
    text = s.text
    dm = _DUTY.search(scope) or _EACH_DUTY.match(scope)
    if not dm and no_modal and x.sc.public(g):
        dm = COMPETENCE.match(scope)      # 省、自治区人民政府组织编制……，报国务院审批
        if dm and (text[g.end + dm.end():g.end + dm.end() + 1] == "的" or
                   text[g.start - 1:g.start] == "由"):
            dm = None                        # 城市人民政府组织编制的总体规划: a modifier
    if not dm or "的" in scope[:dm.start()][-1:]:
        return None
    if re.search(r"无法|未|不|没有|拒绝", scope[:dm.start()]):
        return None
    run_end = g.end + dm.end()
    while run_end < s.end and text[run_end] not in "；。":
        if text[run_end] == "，" and text[run_end - 1] == "的":
            break
        run_end += 1
    if text[run_end - 1:run_end] == "的" and text[run_end:run_end + 1] == "，":
        return None      # a condition (……履行监护职责，……的，)
    if dm.group(0) == "给予" and "对" not in scope[:dm.start()]:
        return None
    return dm
