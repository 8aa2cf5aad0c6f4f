"""The reading of one document: the pipeline that ties the rules together.

For each paragraph, its items and their sub-items, sentence by sentence: find the clauses'
subjects (subjects), list what the sentence says (events), let each event's rule draft the duties
it implies (modality, governance, duties, liability), bound each duty's action and find its time
limit (clauses), then hand the subject on to the next sentence.  When a paragraph is read, its
list's lead-in hands its duty to each item (lists) and the duties are numbered per actor and
modality (their clause).  Statements without an actor are kept apart; unknown actors are noted
where they act; every modal word that states nothing (a relative clause, a definition) is noted
with the reason, so that the corpus measure can show that none vanishes silently.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kb.layers.actors import CONGRESSES, Registry
from kb.layers.obligations.abbreviations import text_registry
from kb.layers.obligations.clauses import continue_duties, finish, others_liability
from kb.layers.obligations.coordination import Scanner
from kb.layers.obligations.duties import duties_without_modal, duty_stated_of_a_party, on_found
from kb.layers.obligations.events import read_events
from kb.layers.obligations.governance import on_chain, on_obj
from kb.layers.obligations.lexicon import BARE_DETERMINERS, GRANTED, PAID, RECEIVED, RECEIVERS
from kb.layers.obligations.liability import (civil_rule, liability_chapter, liability_sentence, on_penalised, on_violation,
                                             violation_list)
from kb.layers.obligations.lists import carry_lists, items_name_actors
from kb.layers.obligations.mentions import split_joint
from kb.layers.obligations.modality import on_agent, on_modal
from kb.layers.obligations.modals import find_modals
from kb.layers.obligations.records import Draft, Group, Mention, Relation, Statement
from kb.layers.obligations.sentences import SENT_END, Sentence, segments
from kb.layers.obligations.subjects import carry_over, subject_groups

#: a definition (本条例所称X，是指……; X是指……)
_DEFINING = re.compile(r"所称|是指")
#: what defines the term 所称 names, right after it (本条例所称X，是指……/指……/是……/包括……/不包括……): not a
#: 指 or 是 further on (……由国务院财政部门指定, ……，是否需要调整由……提出, ……，但是应当……)
_DEFINES = re.compile(r"[^，。；由]{1,40}?，?不?(?:是指|指|是|包括|系)")
#: the purpose of the text (为了……，根据……，制定本法。): it states why the text is made, no one's duty
_PURPOSE = re.compile(r"为(?:了)?[^。；]*，制定本(?:法|条例|办法|规定|细则|规则|决定|准则|守则)[。；]?\s*$")
#: a provision the text marks as deleted (（2010年12月23日删除）, （删除）) at its end
_DELETED = re.compile(r"[（(](?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日)?删除[）)]\s*$")
#: the rule for each kind of event (see events)
_RULES = {"modal": on_modal, "agent": on_agent, "chain": on_chain, "obj": on_obj, "found": on_found}


#: an action that is only a predicate of identity (土地及其范围内的建（构）筑物权利主体应当一致: 重庆市土地房屋权属登记条例 (2021) 5 p2,
#: code review 24 finding 5): the text states that things or parties agree, no act of anyone's
_IDENTITY = re.compile(r"一致|相同|相符")


def _passive(st: Statement) -> bool:
    """Does the obligation st's action name what its actor receives, not what it does (or no act at all)?"""
    return _receives(st.modality, st.action, st.actor, st.kind) or \
        (st.modality == "obligation" and _IDENTITY.fullmatch(st.action or "") is not None)


def _receives(modality: str, action: str, actor: str, kind: str | None) -> bool:
    """_passive on the parts of a statement (a draft's, before it is one)."""
    if modality != "obligation":
        return False
    return bool(RECEIVED.match(action)) or \
        (bool(GRANTED.match(action)) and (kind == "individual" or actor.endswith(RECEIVERS))) or \
        (bool(PAID.match(action)) and actor.endswith(RECEIVERS))


#: the lead-in of a list of penalties (给予下列处分或行政处罚：, 予以下列处罚：)
_PENALTY_LIST = re.compile(r"下列[^，。；：:]{0,6}?(?:处分|处罚)[^。；：:]{0,30}[：:]")


class _Extractor:
    def __init__(self, doc, reg: Registry):
        self.doc = doc
        self.reg = reg = text_registry(doc, reg)     # ……（以下简称乡联社）: the text's own names are its actors
        self.sc = Scanner(reg)
        self.out: list[Statement] = []
        self.no_actor: list[Statement] = []
        self.rels: list[Relation] = []
        self.unknown: dict[str, list[str]] = {}
        #: (eid, position) of a modal word that states nothing -> why (modifier, condition, definition)
        self.silent: dict[tuple[str, int], str] = {}
        #: (eid, position) of every word that opened a duty -> whether one of its duties has an actor (when it was read)
        self.said: dict[tuple[str, int], bool] = {}
        #: (eid, position) of every word that opened a duty -> what its duties became when the paragraph closed: "record"
        #: (one of them is a duty of an actor) or "no_actor" (all kept among the statements without an actor, such as a
        #: passive clause _passive drops); a word whose drafts all vanished has none (the corpus measure's "none")
        self.fate: dict[tuple[str, int], str] = {}
        #: node -> (eid, citation): the tree makes a paragraph's or item's from its parent's each time it is asked
        #: (kb.text.model), and every duty and every modal word of a node asks again
        self._ids: dict = {}
        #: the article being read when it is in no chapter of liability (civil_rule reads its text)
        self._article = None
        #: (article, its full text) of the last article civil_rule read: only the article being read is ever asked
        self._read_article: tuple | None = None

    def run(self):
        for art in self.doc.articles:
            liability = liability_chapter(art)
            self._article = None if liability else art       # (its text is read only when civil_rule asks)
            for para in art.children:
                if para.kind != "paragraph":
                    continue
                state: dict = {}
                lead = self.node(para, art, para.number, None, liability, state)
                items = []
                # ……经教育不改的，由人民武装部提请……给予下列处分或行政处罚：（一）是在职职工的，由所在单位扣发……: the items of a
                # list of penalties are the penalties (北京市民兵预备役工作条例 art. 18, code review 14 item 15)
                penalties = bool(_PENALTY_LIST.search(para.text or "") and liability_sentence(para.text))
                # 有下列行为之一的，由……卫生行政部门予以取缔……：（二）血站、医疗机构出售无偿献血的血液的: a list of violations is
                # a liability clause's in any chapter, its items the violations (献血法 (1997) 18: a text with no chapters)
                in_list = liability or penalties or (bool(para.text) and violation_list(para.text) and
                                                     not civil_rule(para.text, self._article_text(para.text)))
                for it in para.children:
                    if it.kind != "item":
                        continue
                    drafts = self.node(it, art, para.number, it.number, in_list, state)
                    for sub in it.children:
                        drafts += self.node(sub, art, para.number, it.number, in_list, state)
                    items.append((it, drafts))
                # (the body that proposes the penalties — 由人民武装部提请……给予下列处分 — imposes none of them: its duty is
                # the lead-in's, not each item's)
                self.close(art, para, lead, items, [d for d in lead if d.modality != "obligation"] if penalties else lead)
        return self.out

    @property
    def doc_text(self) -> str:
        """The whole text of the document, made once (modality._banned_party counts a discovered name in it)."""
        t = getattr(self, "_doc_text", None)
        if t is None:
            t = self._doc_text = "\n".join(a.full_text() for a in self.doc.articles)
        return t

    def _article_text(self, sent: str) -> str:
        """The whole text of the article being read (civil_rule looks there for a body that acts), made once."""
        if self._article is None:
            return sent
        if self._read_article is None or self._read_article[0] is not self._article:
            self._read_article = (self._article, self._article.full_text())
        return self._read_article[1]

    def node(self, node, art, para, item, liability: bool, para_state: dict) -> list[Draft]:
        """The duties of a paragraph, item or sub-item; para_state carries the subject from a
        paragraph to its items (an item does not hand its own subject back)."""
        text = node.text
        if not text:
            return []
        if _DELETED.search(text):        # ……（2010年12月23日删除）: no longer in force, it states no duty
            for (p, _, _, _) in find_modals(text, 0, len(text)):
                self.silent[(node.eid, p)] = "deleted"
            return []
        carried: Group | None = para_state.get("carried")
        last_stmt: Group | None = para_state.get("last_stmt")
        drafts: list[Draft] = []
        prev: Sentence | None = None
        for sa, sb in segments(text, SENT_END):
            sent = text[sa:sb]
            if _PURPOSE.match(sent) and not find_modals(text, sa, sb):
                continue                 # 为了规范和保障公安机关履行……职责，制定本法: a purpose, not a duty
            defining = _DEFINING.search(sent)
            if defining and defining.group(0) == "所称" and not _DEFINES.match(sent, defining.end()):
                defining = None          # 前款所称大件商品的标准和目录由市工商行政管理局……制定发布: names a term, defines nothing
            if defining:                 # 本条例所称X，是指……: the definition itself states nothing
                end = text.find("，", sa + defining.end(), sb)
                if end < 0 or not find_modals(text, end + 1, sb):
                    for (p, _, _, _) in find_modals(text, sa, sb):
                        self.silent[(node.eid, p)] = "definition"
                    continue
                for (p, _, _, _) in find_modals(text, sa, end):
                    self.silent[(node.eid, p)] = "definition"
                sa = end + 1             # ……是指……的股份，经……同意，可以……转让: the rest is read
            # ……由居民会议予以纠正；必要时，由……责令改正: a sanction keeps its meaning across ；
            in_liability = liability or (liability_sentence(sent) and not civil_rule(sent, self._article_text(sent))) or (
                prev is not None and prev.liability and text[prev.end:prev.end + 1] == "；")
            s = Sentence(node, art, para, item, sa, sb, in_liability, carried, last_stmt,
                         subject_groups(self.sc, text, sa, sb, carried, last_stmt),
                         sanctioners=_sanctioners(drafts) if in_liability else frozenset())
            self.sentence(s, prev)
            drafts += s.drafts
            carried, last_stmt = s.carried, s.last_stmt
            if prev is None or text[prev.end:prev.end + 1] != "；" or text[sb:sb + 1] != "；" or not others_liability(s):
                prev = s         # (past criminal liability or a liability borne, between two ；, the sanctioning body goes on)
        if item is None:
            para_state["carried"] = carried
            para_state["last_stmt"] = last_stmt
        return drafts

    def sentence(self, s: Sentence, prev: Sentence | None) -> None:
        read_events(self.sc, s)
        for (p, typ, data) in s.events:
            _RULES[typ](self, s, p, data, s.subject_at(p) or s.carried)
        duties_without_modal(self, s)
        duty_stated_of_a_party(self, s)
        on_violation(self, s)
        on_penalised(self, s)
        if prev is not None and not any(d.primary for d in s.drafts):
            continue_duties(self, s, prev)
        finish(s)
        carry_over(s)

    def close(self, art, para, lead: list[Draft], items: list[tuple], carried: list[Draft] | None = None) -> None:
        """The paragraph's statements: lists carried to their items (carried: the lead-in duties the items take, when not
        all of them), duties numbered, no-actor apart."""
        # the drafts the sentences made (each from its word): the copies lists hand to items are no word's fate
        own = {id(d) for d in lead} | {id(d) for _, ds in items for d in ds}
        heads = lead if carried is None else carried
        if items:
            # a lead-in the party receives (……有下列情形之一的，应当安排退出预备役：) gives the items no duty of the party either:
            # the items are the cases of the passive (预备役人员法 (2022) 53, code review 23 finding 5)
            heads = [d for d in heads if d.mention is None or
                     not _receives(d.modality, d.action, d.mention.name, self.reg.kind_of(d.mention.name))]
        measures = carry_lists(heads, items)
        items_name_actors(self.sc, lead, items)
        for drafts in [lead] + [d for _, d in items]:
            drafts = [(replace(d, mention=m) if m is not d.mention else d, id(d) in own)
                      for d in drafts for m in (split_joint(self.reg, d.mention) if d.mention else [None])]
            words = {id(d) for d, mine in drafts if mine}
            fate_of: dict[int, str] = {}              # id of a kept draft -> what it became
            clauses: dict[tuple, int] = {}
            kept: dict[tuple, list[Draft]] = {}       # by duty: node, modality, actor
            reach: dict[tuple, int] = {}              # by duty: the furthest end kept
            for d in sorted((d for d, _ in drafts), key=lambda d: (d.begin, d.trigger)):
                duty = (id(d.node), d.modality, d.mention is None, d.mention.name if d.mention is not None else None)
                if d.begin < d.end:
                    # the drafts come by their begin: one kept of the same duty overlaps d when it
                    # ends past d's begin (not a scan of every kept draft: a paragraph of 40,000
                    # clauses took minutes)
                    if reach.get(duty, d.begin) > d.begin:
                        if id(d) in words:       # its word went into the kept duty that overlaps it: that one's fate
                            self._fate(d, next((fate_of[id(k)] for k in reversed(kept[duty]) if k.end > d.begin),
                                               None))
                        continue
                else:
                    same = next((k for k in kept.get(duty, ()) if _same_duty(d, k)), None)
                    if same is not None:
                        if id(d) in words:
                            self._fate(d, fate_of[id(same)])
                        continue
                kept.setdefault(duty, []).append(d)
                reach[duty] = max(reach.get(duty, d.end), d.end)
                st = self._statement(art, d)
                if st.actor is None:
                    fate = "no_actor"
                    self.no_actor.append(st)
                elif _passive(st):
                    # the duty is an unnamed party's (society's, the body that grants): kept among the statements
                    # without an actor, so the clause does not vanish (the issue: nothing vanishes silently)
                    fate = "no_actor"
                    if not any(n.eid == st.eid and n.action == st.action for n in self.no_actor):
                        self.no_actor.append(replace(st, actor=None))     # once, not per party (义务兵及其家属)
                else:
                    fate = "record"
                    k = (st.eid, st.actor, st.modality)
                    st.clause = clauses[k] = clauses.get(k, 0) + 1
                    self.out.append(st)
                fate_of[id(d)] = fate
                if id(d) in words:
                    self._fate(d, fate)
        # an item's 禁止 that is the measure a lead-in's party takes (戒严法 13 (二) 禁止罢工……) went into the duty the item
        # carries from the lead-in: that record is its word's fate, so that the word does not vanish from the corpus
        # measure (code review 27 finding 3 dropped the party's prohibition)
        for d in measures:
            eid = self.ids(d.node)[0]
            if any(st.eid == eid and st.actor == d.mention.name for st in self.out):
                self._fate(d, "record")

    def _fate(self, d: Draft, fate: str | None) -> None:
        """Note what the duty d drafted from its word became (a record wins over a statement without an actor: a word
        with a party's duty and a passive clause's is a record)."""
        if fate is None:
            return
        key = (self.ids(d.node)[0], d.trigger)
        if self.fate.get(key) != "record":
            self.fate[key] = fate

    def _statement(self, art, d: Draft) -> Statement:
        m = d.mention
        actor = m.name if m else None
        levels = list(m.levels) if m else []
        kind = self.reg.kind_of(actor) if actor else None
        if kind == "government" and levels and actor and not actor.endswith("部门") and actor not in CONGRESSES and \
                not any(self.reg.alias.get(c) == actor for c in CONGRESSES):      # (a text's 常务委员会 [市])
            levels = []
        eid, citation = self.ids(d.node)
        if m and not m.known:
            self.unknown.setdefault(actor, []).append(eid)
        # the span ends after where it starts, its region's start included: a duty without a modal word whose action
        # takes the manner before its word (duties._manner_start) may have a region past its own end
        start = max(d.start, d.region)
        return Statement(article=art.number, paragraph=d.para, item=d.item, eid=eid, actor=actor,
                         modality=d.modality, explicit=d.explicit, action=d.action, start=start,
                         end=max(d.end, start + 1), deadline=d.deadline, quantity=d.quantity, levels=levels,
                         citation=citation, kind=kind, items=list(d.items))

    def ids(self, node) -> tuple[str, str]:
        """The node's (eid, citation), made once."""
        got = self._ids.get(node)
        if got is None:
            got = self._ids[node] = (node.eid, node.citation)
        return got

    # -- what the rules call -----------------------------------------------------------------------
    def emit(self, s: Sentence, mention: Mention | None, modality: str, explicit: bool, trigger: int, begin: int,
             start: int | None = None, primary: bool = True) -> None:
        """Draft a duty of the sentence s: its word at trigger, its action from begin."""
        if mention is not None and mention.name in BARE_DETERMINERS:
            # 船员、乘客及其他在船人员 cut at a stop word gave the member 其他 (海上交通安全法 (2021) 38 p2, code review 23 finding 6):
            # a determiner alone names no one; the duty is kept as a statement without an actor (the list's other members
            # keep theirs: dropping the member from the group instead gave 反洗钱法 (2006) 30's 反洗钱行政主管部门 its staff's liability)
            mention = None
        key = (self.ids(s.node)[0], trigger)
        self.said[key] = self.said.get(key, False) or mention is not None
        s.drafts.append(Draft(mention, modality, explicit, trigger, begin, trigger if start is None else start,
                              primary, node=s.node, para=s.para, item=s.item))

    def note_silent(self, s: Sentence, p: int, why: str) -> None:
        """The modal word at p states nothing (why: modifier, condition …)."""
        self.silent[(self.ids(s.node)[0], p)] = why

    def relation(self, subj: Group | None, rel: str, target: Group | None, eid: str):
        if subj is None:
            return
        for m in (x for y in subj.mentions for x in split_joint(self.reg, y)):
            if target is None:
                if rel == "牵头":
                    self.rels.append(Relation(m.name, rel, None, eid))
                continue
            for t in (x for y in target.mentions for x in split_joint(self.reg, y)):
                if t.name != m.name:
                    self.rels.append(Relation(m.name, rel, t.name, eid))


def _sanctioners(drafts: list[Draft]) -> frozenset:
    """The actors that imposed a sanction in the drafts so far: only earlier sentences of the node count, for a
    ban carried on from them (……由X吊销……；情节严重的，禁止其……) is the same body's penalty only if X has already
    imposed one (modality.on_modal)."""
    return frozenset(d.mention.name for d in drafts if d.modality == "sanction" and d.mention is not None)


def _same_duty(d: Draft, k: Draft) -> bool:
    """Two drafts of one duty (the same actor and modality, overlapping actions)."""
    if d.node is not k.node or d.modality != k.modality or (d.mention is None) != (k.mention is None):
        return False
    if d.mention is not None and d.mention.name != k.mention.name:
        return False
    return d.begin < k.end and k.begin < d.end
