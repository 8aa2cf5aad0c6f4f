"""The reading of one document: the pipeline that ties the rules together.

For each paragraph and item, sentence by sentence: find the clauses' subjects (subjects), list
what the sentence says (events), let each event's rule state what it implies (modality,
governance, duties), then hand the subject on to the next sentence.  Statements are merged by
(article, paragraph, item, actor, modality); unknown actors are noted where they act.
"""
from __future__ import annotations

import re

from kb.layers.actors import Registry
from kb.layers.obligations.coordination import Scanner
from kb.layers.obligations.duties import duties_without_modal, on_found
from kb.layers.obligations.events import read_events
from kb.layers.obligations.governance import on_chain, on_obj
from kb.layers.obligations.limits import deadline_in, quantity_in
from kb.layers.obligations.modality import liability_chapter, liability_sentence, on_agent, on_modal
from kb.layers.obligations.records import Group, Mention, Relation, Statement
from kb.layers.obligations.sentences import SENT_END, Sentence, segments
from kb.layers.obligations.subjects import carry_over, subject_groups

#: the rule for each kind of event (see events)
_RULES = {"modal": on_modal, "agent": on_agent, "chain": on_chain, "obj": on_obj, "found": on_found}


class _Extractor:
    def __init__(self, doc, reg: Registry):
        self.doc = doc
        self.reg = reg
        self.sc = Scanner(reg)
        self.out: dict[tuple, Statement] = {}
        self.rels: list[Relation] = []
        self.unknown: dict[str, list[str]] = {}

    def run(self):
        for art in self.doc.articles:
            liability = liability_chapter(art)
            for para in art.children:
                if para.kind != "paragraph":
                    continue
                state: dict = {}
                self.node(para, art, para.number, None, liability, state)
                for it in para.children:
                    if it.kind == "item":
                        self.node(it, art, para.number, it.number, liability, state)
        return list(self.out.values())

    def node(self, node, art, para, item, liability: bool, para_state: dict):
        """The sentences of a paragraph or item; para_state carries the subject from a paragraph
        to its items (an item does not hand its own subject back)."""
        text = node.text
        if not text:
            return
        carried: Group | None = para_state.get("carried")
        last_stmt: Group | None = para_state.get("last_stmt")
        for sa, sb in segments(text, SENT_END):
            sent = text[sa:sb]
            if re.search(r"所称|是指", sent):
                continue
            s = Sentence(node, art, para, item, sa, sb, liability or liability_sentence(sent), carried, last_stmt,
                         subject_groups(self.sc, text, sa, sb, carried, last_stmt))
            self.sentence(s)
            carried, last_stmt = s.carried, s.last_stmt
        if item is None:
            para_state["carried"] = carried
            para_state["last_stmt"] = last_stmt

    def sentence(self, s: Sentence) -> None:
        read_events(self.sc, s)
        for (p, typ, data) in s.events:
            _RULES[typ](self, s, p, data, s.subject_at(p) or s.carried)
        duties_without_modal(self, s)
        carry_over(s)

    # -- what the rules call -----------------------------------------------------------------------
    def emit(self, s: Sentence, mention: Mention | None, modality, explicit, action, start, end):
        """A statement of the sentence s (merged with an earlier one of the same key)."""
        actor = mention.name if mention else None
        key = (s.art.number, s.para, s.item, actor, modality)
        deadline, quantity = deadline_in(s.sent), quantity_in(s.sent)
        levels = list(mention.levels) if mention else []
        kind = self.reg.kind_of(actor) if actor else None
        if kind == "government" and levels and actor and not actor.endswith("部门"):
            levels = []
        if mention and not mention.known:
            self.unknown.setdefault(actor, []).append(s.node.eid)
        old = self.out.get(key)
        if old is not None:
            old.explicit = old.explicit or explicit
            old.deadline = old.deadline or deadline
            old.quantity = old.quantity or quantity
            old.levels = list(dict.fromkeys(old.levels + levels))
            return
        self.out[key] = Statement(article=s.art.number, paragraph=s.para, item=s.item, eid=s.node.eid, actor=actor,
                                  modality=modality, explicit=explicit, action=action.strip("，。；：、 "),
                                  start=start, end=end, deadline=deadline, quantity=quantity, levels=levels,
                                  citation=s.node.citation, kind=kind)

    def relation(self, subj: Group | None, rel: str, target: Group | None, eid: str):
        if subj is None:
            return
        for m in subj.mentions:
            if target is None:
                if rel == "牵头":
                    self.rels.append(Relation(m.name, rel, None, eid))
                continue
            for t in target.mentions:
                if t.name != m.name:
                    self.rels.append(Relation(m.name, rel, t.name, eid))
