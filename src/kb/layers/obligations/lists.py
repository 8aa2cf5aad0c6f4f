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
from kb.layers.obligations.names import STOP_IN_NAME, VERB_START2
from kb.layers.obligations.records import Draft, Mention

_ITEM_END = "；。，：;, "
#: where the violation an item of a liability list states ends (……要求的，责令限期整改……)
_VIOLATION_END = re.compile(r"的[，；。]")


def carry_lists(lead: list[Draft], items: list[tuple]) -> list[Draft]:
    """Hand each lead-in duty of the paragraph (lead) to every item of its list (items: (node, drafts)); return the
    items' drafts dropped as a measure the lead-in's party takes (:func:`_measures_banned`), whose words went into the
    item's carried duty."""
    if not items or not lead:
        return []
    heads = list_heads([d for d in lead if d.mention is not None])
    if not heads:
        return []
    numbers = [it.number for it, _ in items]
    for d in heads:
        d.items = list(numbers)
    dropped = _measures_banned(heads, items)
    for it, drafts in items:
        text = it.full_text() if it.children else it.text
        action = text.rstrip(_ITEM_END)
        if not action:
            continue
        own = {(d.mention.name, d.modality) for d in drafts if d.mention is not None}
        for d in heads:
            if (d.mention.name, d.modality) in own:
                continue
            act = action
            if d.modality == "liability":
                m = _VIOLATION_END.search(action)
                act = action[:m.start() + 1] if m else action   # the violation, not the penalty the item goes on to
            # the action reads the item with its sub-items (目); the span stays inside the item's own text, the node
            # the record points at (行政复议法 (2017) 28 (三) 1.–5.: end 145 in an item of 80 characters)
            drafts.append(replace(d, trigger=0, begin=0, start=0, end=min(len(act), len(it.text)), region=0, action=act,
                                  node=it, item=it.number, items=[],
                                  deadline=None, quantity=None))
    return dropped


#: the lead-in of a list of measures a party may or must take (可以决定……采取下列措施：, 可以区别情形，对其采取下列措施：,
#: 应当采取下列一项或者多项保护措施：)
_MEASURES_LISTED = re.compile(r"下列[^，。；：]{0,14}措施")
#: an item that bans or restricts, opening with its word (（二）禁止罢工、罢市、罢课)
_BAN_OPENS = re.compile(r"禁止|严禁")


def _measures_banned(heads: list[Draft], items: list[tuple]) -> list[Draft]:
    """戒严实施机关可以决定……采取下列措施：（二）禁止罢工、罢市、罢课: an item of a list of measures that opens with 禁止 states
    the measure the lead-in's party may (or must) take, not a ban on that party; the lead-in's actor, carried into the
    item as its subject, got the item's 禁止 as its own prohibition (戒严法 13: the body that imposes the ban was listed as
    banned; jieyan's gold has the lead-in's record only — code review 27 finding 3).  The item keeps the lead-in's duty,
    which carry_lists hands it.  Returns the drafts dropped."""
    takers = {d.mention.name for d in heads if d.modality in ("permission", "obligation") and
              _MEASURES_LISTED.search(d.node.text, d.region, d.end + 1)}
    dropped: list[Draft] = []
    if not takers:
        return dropped
    for it, drafts in items:
        if not _BAN_OPENS.match(it.text or ""):
            continue
        banned = [d for d in drafts if d.modality == "prohibition" and d.trigger == 0 and d.mention is not None and
                  d.mention.name in takers]
        drafts[:] = [d for d in drafts if d not in banned]
        dropped += banned
    return dropped


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
_AFTER_PARTY = re.compile(r"$|[，；。、：]|以及|和|及|或者?")


def _item_parties(sc, text: str) -> list:
    """The parties an item names: the groups at its start or after 的 (生产……危险物品的大型企业) that end a
    phrase."""
    found, k = [], 0
    while k < len(text):
        if k == 0 or text[k - 1] in "的，、":
            g = sc.group(text, k, discover=True)
            if g is not None and g.mentions and _AFTER_PARTY.match(text, g.end):
                found += g.mentions
                k = max(g.end, k + 1)
                continue
        k += 1
    return found or _bare_parties(sc, text)


#: a conjunct of an item that only lists parties: a short noun, no verb, no clause mark
_CONJ = re.compile(r"以及|或者|、|和|及|或")


def _bare_parties(sc, text: str) -> list:
    """（一）民用机场、大型发电厂、大型港口；: an item that is nothing but a list of nouns, under a lead-in that
    says they are parties (下列单位……：), names each, though no name head marks them."""
    body = text.rstrip(_ITEM_END)
    body = body[body.rfind("的") + 1:]
    names = _CONJ.split(body)
    if not names or any(not 2 <= len(n) <= 8 or STOP_IN_NAME.search(n) or n.startswith(VERB_START2) for n in names):
        return []
    out, k = [], len(text.rstrip(_ITEM_END)) - len(body)
    for n in names:
        c = sc.reg.canonical(n)
        out.append(Mention(c, n, k, k + len(n), known=sc.reg.is_known(c)))
        k += len(n) + 1
    return out
