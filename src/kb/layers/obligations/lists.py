"""Lists: a lead-in (……应当做好下列事项：, 不得将下列事项交由……办理：, 有下列情形之一的，由……)
carries its items.

The lead-in's duty lists the items' numbers, and each item is also a duty of the lead-in's actor
and modality, its text the action, so that a register shows the whole list and not a lead-in
ending in a colon.  An item that states a duty of its own keeps it; it gets the lead-in's duty only
when it has none of that actor and modality already.
"""
from __future__ import annotations

import re
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


#: a lead-in whose subject is the list itself: 下列单位应当建立专职消防队：, 下列人员应当接受……培训：
_LISTED_SUBJECT = re.compile(r"下列(?:单位|人员|机构|组织|场所|企业|主体|个人|部门)")


def items_name_actors(sc, lead: list[Draft], items: list[tuple]) -> None:
    """下列单位应当建立专职消防队：（一）民用机场……；（三）古建筑管理单位: the lead-in names no one, each item
    names the parties that bear its duty (the lead-in's modality and action, on the item)."""
    if not items:
        return
    heads = [d for d in lead if d.mention is None and _LISTED_SUBJECT.match(d.node.text, d.region, d.trigger)]
    for d in heads:
        for it, drafts in items:
            own = {(x.mention.name, x.modality) for x in drafts if x.mention is not None}
            for m in _item_parties(sc, it.text):
                if (m.name, d.modality) not in own:
                    own.add((m.name, d.modality))
                    # the action is the lead-in's; the span is the item that names the party
                    drafts.append(replace(d, mention=m, node=it, item=it.number, items=[], trigger=0, begin=0,
                                          start=0, end=max(1, len(it.text.rstrip(_ITEM_END))), region=0))


#: what follows a party an item names (not 的 or a verb: 人员密集场所的保安人员, 县级以上人民政府确定的其他单位)
_PARTY_END = re.compile(r"$|[，；。、：]|以及|和|及|或者?")


def _item_parties(sc, text: str) -> list:
    """The parties an item names: the groups at its start or after 的 (生产……危险物品的大型企业) that end a
    phrase."""
    found, k = [], 0
    while k < len(text):
        if k == 0 or text[k - 1] in "的，、":
            g = sc.group(text, k, discover=True)
            if g is not None and g.mentions and _PARTY_END.match(text, g.end):
                found += g.mentions
                k = max(g.end, k + 1)
                continue
        k += 1
    return found
