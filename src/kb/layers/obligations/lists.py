"""Lists: a lead-in (……应当做好下列事项：, 不得将下列事项交由……办理：, 有下列情形之一的，由……)
carries its items.

The lead-in's duty lists the items' numbers, and each item is also a duty of the lead-in's actor
and modality, its text the action, so that a register shows the whole list and not a lead-in
ending in a colon.  An item that states a duty of its own keeps it; it gets the lead-in's duty only
when it has none of that actor and modality already.
"""
from __future__ import annotations

from dataclasses import replace

from kb.layers.obligations.clauses import list_heads
from kb.layers.obligations.records import Draft

_ITEM_END = "；。，：;, "


def carry_lists(lead: list[Draft], items: list[tuple]) -> None:
    """Hand each lead-in duty of the paragraph (lead) to every item of its list (items: (node, drafts))."""
    if not items or not lead:
        return
    heads = list_heads([d for d in lead if d.mention is not None])
    if not heads:
        return
    numbers = [it.number for it, _ in items]
    for d in heads:
        d.items = list(numbers)
    for it, drafts in items:
        text = it.full_text() if it.children else it.text
        action = text.rstrip(_ITEM_END)
        if not action:
            continue
        own = {(d.mention.name, d.modality) for d in drafts if d.mention is not None}
        for d in heads:
            if (d.mention.name, d.modality) in own:
                continue
            drafts.append(replace(d, trigger=0, begin=0, start=0, end=len(action), region=0, action=action,
                                  node=it, item=it.number, items=[],
                                  deadline=None, quantity=None))
