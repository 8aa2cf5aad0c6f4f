"""How a register, a matrix and a page read and count the duty records of a list.

The layer gives a list's lead-in (不得将……下列事项交由居民委员会办理：) a record that names its items, and
each item it carries a record of the same actor and modality whose action is the item's text
(招商引资、协税护税、经济创收等事项).  Read alone, that item row says the opposite of the law (市人民政府
禁止 招商引资……), and counted alone, one prohibition becomes five.  Here an item row reads with its
lead-in's verb (将……下列事项交由居民委员会办理：招商引资……; a condition of a sanction list reads
……的，予以纠正……), and a count counts the lead-in and its items once: one 规定, as the annotations do
(tests/data/obligations/README.md: "a list … holds its record in the lead-in").

Only rendering: the records are the layer's, unchanged (kb score-obligations reads them).
"""
from __future__ import annotations

from kb.layers.obligations import MODALITY_NAMES

#: a list whose items are the conditions of its lead-in's consequence (有下列情形之一的，由……予以纠正)
_CONDITION_LISTS = ("sanction", "liability")


def leads(stmts) -> dict[int, object]:
    """id(item record) -> the lead-in record that carries it: same provision above it, actor and
    modality, the item among the lead-in's items, and the item's action its own text (from its start)."""
    heads = {(s.eid, s.actor, s.modality): s for s in stmts if s.items}
    out: dict[int, object] = {}
    if not heads:
        return out
    for s in stmts:
        if s.item is None or s.items or s.start != 0 or "__" not in s.eid:
            continue
        lead = heads.get((s.eid.rsplit("__", 1)[0], s.actor, s.modality))
        if lead is not None and s.item in lead.items:
            out[id(s)] = lead
    return out


def reading(s, lead=None) -> str:
    """The action as the law says it: an item carried by ``lead`` with the lead-in's verb."""
    if lead is None or not lead.action:
        return s.action
    if s.modality in _CONDITION_LISTS:
        return f"{s.action}，{lead.action}"
    return f"{lead.action}：{s.action}"


def wording(doc, s, lead=None) -> str:
    """The words of the text that state the duty (from its subject or modal word to the end of its
    action: 不得强迫命令), an item carried by ``lead`` with the lead-in's words (……不得将……下列事项交由
    居民委员会办理：招商引资……)."""
    own = _span(doc, s)
    if lead is None:
        return own
    head = _span(doc, lead)
    if not head:
        return own
    return f"{own}，{head}" if s.modality in _CONDITION_LISTS else f"{head}：{own}"


def _span(doc, s) -> str:
    node = doc.get(s.eid)
    return node.text[s.start:s.end] if node is not None else s.action


def counted(stmts, carried: dict | None = None) -> list:
    """The records a count counts: every one but the items a lead-in of the same list carries.
    ``carried``: :func:`leads` of stmts, or of any list that holds them (a lead-in and its items have
    one actor and modality: the leads of a version's statements are those of any part of them that
    takes whole actors), when the caller has it already."""
    if carried is None:
        carried = leads(stmts)
    return [s for s in stmts if id(s) not in carried]


def how_many(*groups) -> str:
    """"20 条", or "25 条，合 20 项规定" when a list's items are rows of their own: the records of ``groups``, each the
    records of one text (a list's lead-in and its items are one 规定 there: :func:`counted`)."""
    rows = sum(len(g) for g in groups)
    provisions = sum(len(counted(g)) for g in groups)
    return f"{rows} 条" + (f"，合 {provisions} 项规定" if provisions != rows else "")


def unit(modality: str | None = None) -> str:
    """What a count of ``modality`` counts (项禁止, 项授权); without one, 项规定."""
    return "项" + (MODALITY_NAMES.get(modality, "规定") if modality else "规定")


def carried_note(stmts) -> str:
    """Said under a register that lists the items of a list: how they are counted."""
    n = len(leads(stmts))
    return f"列举的各项（{n} 条）与其引语合为一项" if n else ""
