"""Duty clauses: where each duty of a sentence ends, and the time limit that governs it.

A duty runs from its word (modal word, duty verb, 由X, governance verb) to the end of its
predicate: the end of the sentence (。 or ；), or the start of the next duty of a subject
(……应当组织……验收，未达到标准的，不得通过验收 is two duties: the condition 未达到标准的 opens
the second), or a clause that opens with another party (……签署，外交部长副署), and without the
exception that may close it (……，法律另有规定的除外).  What stands before a duty's word in its clause, and the conditions and times in
the clauses just before it (……的, 在……内, 对……), belong to that duty: its region, where its
time limit is looked for.  A duty inside another's predicate (the party encouraged, the object
of 督促) ends at the next duty of any kind and takes the limit of the duty it lies in when its
own action has none.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from kb.layers.obligations.limits import deadline_in, leading_limit, quantity_in
from kb.layers.obligations.names import THING_HEADS, VERB_START2
from kb.layers.obligations.records import Draft
from kb.layers.obligations.sentences import Sentence

_CLAUSE_SEP = "，：,"
#: a clause that leads into the duty after it: a condition, a time, a purpose, a manner
LEAD_START = ("对", "在", "经", "因", "如果", "如有", "如遇", "如发现", "凡", "当", "自", "于", "除", "根据", "依照", "按照", "依据", "为了",
               "为", "发现", "遇有", "有下列", "有前款", "有本条", "必要时", "需要", "涉及", "违反", "造成", "属于")
#: a reward opening its own clause after the policy verbs (国家提倡……，鼓励和保护劳动者……，表彰和奖励劳动模范: 劳动法 (2018) 6), not a
#: system of rewards (奖励制度): read here and in duties._GRANT
REWARD_AFTER_POLICY = r"(?<=，)(?:表彰(?:和|、|并))?奖励(?!制度|机制|办法)"
#: after a policy statement of a public body (X鼓励……，), a clause that states the body's own act again (……，推广……,
#: ……，加强对……的指导和监督, ……，对……进行……教育), not the encouraged party's predicate going on.  The 对……给予 branch also
#: ends an encouraged party's predicate before an act that may be the party's own (科学技术进步法 art. 18: 国家鼓励……组织或者
#: 个人设立科学技术奖项，对……给予奖励 — the awards are the prize-givers'): kept because more often the clause is the
#: body's reward again (旅游法 art. 5: 国家……支持和鼓励各类社会机构开展旅游公益宣传，对……给予奖励; code review 12
#: item 5)
OWN_ACT_AFTER_POLICY = re.compile(r"(?<=，)(?:加强|推广|普及|完善|建立|健全|做好|制定|落实|加大|推进|帮助|采取|加快|教育|宣传|"
                                  r"对[^，。；]{1,30}?(?:进行|给予|实行))|(?<=，)(?:并|同时)?(?:依法)?给予|(?<=，并)(?:依法)?给予|" +
                                  REWARD_AFTER_POLICY)
#: (……，并依法给予税收优惠: the state's grant after its 鼓励, gonggong-tushuguan 6, dianying-chanye-cujin 45)
LEAD_END = ("的", "时", "后", "前", "期间", "以前", "之后", "之前")
#: what may join a duty to the next one and is not part of either's action
_JOINERS = ("并且", "并", "同时", "而且", "或者", "和", "及", "也", "但是", "但", "、")


def _clause_start(text: str, a: int, q: int) -> int:
    """Where the clause holding q starts: after the last separator in text[a:q], else a."""
    seps = _separators(text)
    i = bisect_left(seps, q) - 1
    return seps[i] + 1 if i >= 0 and seps[i] >= a else a


@lru_cache(maxsize=64)
def _separators(text: str) -> list[int]:
    """The positions of the clause separators in a text, found once per text: looking back
    from each modal word with rfind read a sentence of thousands of clauses once per clause."""
    return [m.start() for m in _SEP.finditer(text)]


_SEP = re.compile(f"[{re.escape(_CLAUSE_SEP)}]")


def _is_lead(clause: str) -> bool:
    """Does the clause lead into a duty (a condition, a time, a manner) rather than state an act of its
    own (对……给予补贴, 根据需要进行……改造 are acts)?"""
    if not clause:
        return False
    if clause.endswith(LEAD_END) or (deadline_in(clause) is not None and deadline_in(clause).end() == len(clause)):
        return True
    return clause.startswith(LEAD_START) and not _ACT.search(clause) and not _NO_LEAD.match(clause)


#: words that open with a lead's character and are an act's adverb or verb: 自觉维护……, 自行……, 经营……, 当场…… (……应当弘扬爱国主义
#: 精神，自觉维护国家安全、荣誉和利益，不得有下列行为: 自觉 read as 自 (from), the clause given to the 不得 and the first duty cut)
_NO_LEAD = re.compile(r"自(?:觉|行|主|愿|律|我|费|筹)|经(?:营|常)|当场|当即")


#: verbs of an act: a clause with one states a duty, whatever preposition opens it
_ACT = re.compile(r"进行|给予|予以|实行|实施|开展|作出|提出|建立|制定|组织|设立|配备|提供|采取|加强|落实|负责|承担|履行|"
                  r"办理|发放|公布|公开|报告|报送|备案|处理|处置|查处|监督|检查|督促|协助|保障")


def region_start(s: Sentence, q: int, floor: int, subject_start: int | None) -> int:
    """Where the text that belongs to the duty whose word is at q starts: the start of q's clause,
    moved back over the leading conditions and the subject, never before floor (the previous duty's
    action)."""
    text = s.text
    cs = _clause_start(text, s.start, q)
    if cs <= floor:
        return q
    while cs - 1 > s.start:
        ps = _clause_start(text, s.start, cs - 1)
        if ps <= floor:
            break
        clause = text[ps:cs - 1]
        if _is_lead(clause) or (subject_start is not None and ps <= subject_start < cs - 1):
            cs = ps
        else:
            break
    return cs


#: a modal word of a clause's own (its subject carried), which a clause going on under another's duty does not have
_A_MODAL_WORD = re.compile(r"有权|可以|应当|必须|不得")


def continue_duties(x, s: Sentence, prev: Sentence) -> None:
    """A sentence after ； with no duty word of its own and no subject of its own goes on with the
    duties that ran to the end of the previous one (……应当A；按照……，B: a second duty under the same
    应当; ……由X责令改正；拒不改正的，处……罚款: a second sanction of X)."""
    text = s.text
    after = text[prev.end:prev.end + 1]
    if after not in "；。" or any(g.mentions for _, g in s.subjects) or s.agents:
        return
    if text.startswith("其", s.start) and not text.startswith("其他", s.start) and \
            x.sc.group(text, s.start + 1, True) is not None and "的，" not in text[s.start:s.end]:
        return            # ……应当A；其法定代表人或者负责人对……负主要责任: their heads are the subject, not the bodies (……；
        #                   其主要负责人……属于国家工作人员的，按规定给予行政处分: a condition, the body goes on)
    if text.endswith("除外", s.start, s.end):
        return            # ……可以继承股东资格；但是，公司章程另有规定的除外: an exception, no second duty
    if _EXEMPTION.match(text, s.start, s.end):
        return            # ……应当承担侵权责任；但是，能够证明……的，不承担责任: the exemption from the duty, no second one
    if after == "。" and (s.subjects or not _CONTINUES.match(text, s.start)):
        return            # a new sentence goes on only with a verb or 对……: 应当建立评估制度。对……进行评估
    open_ = [d for d in prev.drafts if d.primary and d.mention is not None and d.end is not None and
             d.end >= prev.end - 1]
    if not open_:
        return
    begin = s.start
    while True:             # past the conditions (拒不改正的，……), not the manner (按照……目录，研究制定……)
        k = min([text.find(c, begin, s.end) for c in _CLAUSE_SEP if text.find(c, begin, s.end) >= 0], default=-1)
        if k < 0 or not text[begin:k].endswith(LEAD_END) or not text[k + 1:s.end].strip():
            break
        begin = k + 1
    if _CRIMINAL.search(text, begin, s.end) is not None:
        return                  # 构成犯罪的，依法追究刑事责任: not done by the body before (nor ……造成……损失的，对责任人员
        #                         依照刑法有关规定追究刑事责任, whose condition opens with no 的-clause: code review 13 item 8)
    if s.liability and _BORNE.search(text, begin, s.end) is not None:
        # ……由X责令改正；造成损失的，依法承担赔偿责任: the violator's, not the sanctioning body's; but the violator's own duty
        # goes on when the condition is a harm it causes (合伙企业法 art. 96 合伙人……的，应当将该利益和财产退还合伙企业；给合伙
        # 企业……造成损失的，依法承担赔偿责任: code review 14 item 11), not another party's fault (……；受托人有过错的，承担相应的责任)
        if not _HARM_DONE.match(text, s.start):
            return
        open_ = [d for d in open_ if d.modality == "obligation"]
    for d in open_:
        mod, explicit = d.modality, d.explicit
        if mod == "permission" and not _A_MODAL_WORD.search(text, begin, s.end):
            # ……必须……进行审核，……有权不予接受，并……报告；对……予以退回 (会计法 (2017) 14 p3): 有权 holds its own clause, the
            # clause after the ； goes on under the sentence's duty of the same actor (code review 16, the review's reading);
            # not a clause with a modal word of its own (……；发现其不履行法定职责的，有权责令其依法履行: 海警法 71)
            duty = next((k for k in prev.drafts if k.primary and k.mention is not None and k.mention.name == d.mention.name
                         and k.modality == "obligation" and k.explicit and k.trigger < d.trigger), None)
            if duty is not None:
                mod, explicit = duty.modality, duty.explicit
        x.emit(s, d.mention, mod, explicit and after == "；", begin, begin, s.start)


#: the last clause of a sentence states criminal liability (the courts') or a liability borne (……；造成损失的，依法承担赔偿
#: 责任: the violator's): never an act of the body that sanctioned before ；
_CRIMINAL = re.compile(r"(?:^|(?<=[，：；。]))[^，。；：]{0,24}?追究[^，。；]{0,6}刑事责任[。；：:]?$")
_BORNE = re.compile(r"(?:^|(?<=[，：；。]))(?:依法|由[^，。；]{1,10})?承担[^，。；]{0,10}责任[。；：:]?$")


#: a 但是-clause that frees the actor of the duty before the ； (……；但是，能够证明……的，不承担侵权责任, 民法典 1237–1240, 1248;
#: ……；但是，……的，免除其责任): no second duty goes on in it
_EXEMPTION = re.compile(r"但(?:是)?，?[^。；]*?(?:不承担|不负|免除|免予|免于)[^，。；]{0,12}?责任[。；]?$")
#: the condition of a liability borne that is the harm the party just named causes (给……造成损失的, 造成……的, 致使……的)
_HARM_DONE = re.compile(r"(?:给[^，。；]{1,30}?)?(?:造成|致使)[^，。；]{0,30}的，")


def _not_the_bodys(s: Sentence, begin: int) -> bool:
    """Is the rest of the sentence from begin criminal liability or a liability borne (in a liability sentence)?"""
    return _CRIMINAL.search(s.text, begin, s.end) is not None or \
        (s.liability and _BORNE.search(s.text, begin, s.end) is not None)


def others_liability(s: Sentence) -> bool:
    """Does the sentence only state criminal liability or a liability borne (……，构成犯罪的，依法追究刑事责任)?  The
    sanctioning body before it goes on past it (……责令改正；构成犯罪的，依法追究刑事责任；尚不构成犯罪的，依法给予行政处分;
    ……；造成损失的，依法承担赔偿责任；对……依法给予处分: the 处分 is the body's)."""
    return not s.drafts and _not_the_bodys(s, s.start)
#: the opening of a sentence that goes on with the subject of the one before (对……进行评估, 组织……)
_CONTINUES = re.compile(r"对[^，。；]{1,30}?(?:进行|给予|实行|予以|开展|加强)|(?:组织|建立|制定|负责|做好|开展|加强|推进|"
                        r"完善|落实|保障|提供|协调|指导|监督)")


def finish(s: Sentence) -> None:
    """Bound each draft of the sentence: its action's end, its action, its time limit and quantity."""
    drafts: list[Draft] = s.drafts
    if not drafts:
        return
    text = s.text
    primary_at: dict[int, list[Draft]] = {}
    for d in drafts:
        if d.primary:
            primary_at.setdefault(d.trigger, []).append(d)
    regions: dict[int, int] = {}
    floor = s.start
    for n, q in enumerate(sorted(primary_at)):
        # (a statement without an actor moves back over its subject only when that opens a clause (……，其收入专项用于……，不得
        # 挪作他用); 自然人可以基于慈善目的，立遗嘱向……其他组织捐赠……，并可以……: the rejected 其他组织 inside a clause cut the
        # first permission to 基于慈善目的, code review 11 item 11)
        subj = min((d.start for d in primary_at[q] if d.start < q and (
            d.mention is not None or _clause_start(text, s.start, d.start) == d.start)), default=None)
        regions[q] = s.start if n == 0 else region_start(s, q, floor, subj)
        floor = max(d.begin for d in primary_at[q])
    secondary = sorted({_clause_start(text, s.start, d.trigger) if _clause_start(text, s.start, d.trigger) > d.begin
                        else d.trigger for d in drafts if not d.primary})
    prim_starts = sorted(regions.values())
    parties = _parties_of_their_own(s)
    if parties:
        prim_starts = sorted(set(prim_starts) | set(parties))
    # (工会支持企业……依法进行生产经营活动，教育职工……: the body's own act in a clause after its policy verb; the encouraged
    # party's predicate ends before it, code review 11 item 8)
    prim_begins = sorted(prim_starts + [d.begin for d in drafts if d.primary and OWN_ACT_AFTER_POLICY.match(text, d.begin)])
    for d in drafts:
        bounds = prim_starts if d.primary else sorted(prim_starts + secondary)
        if not d.primary:
            bounds = sorted(bounds + _own_clause_end(text, d, s.end, sorted(prim_begins + secondary)))
        i = bisect_right(bounds, d.begin)         # bounds are sorted: the first past its begin
        d.end = d.end or (bounds[i] if i < len(bounds) else s.end)
        d.region = regions.get(d.trigger, d.trigger) if d.primary else d.trigger
    for d in list(drafts):
        if d.primary:
            _split_at_own_limit(s, d)
    for d in drafts:
        if d.primary:
            _bound(d, text)
    for d in drafts:
        if not d.primary:
            _bound(d, text)
            if d.deadline is None and d.modality != "liability":
                host = next((h for h in drafts if h.primary and h.region <= d.trigger < h.end), None)
                if host is not None:
                    d.deadline = host.deadline


#: what follows a party that opens a clause of its own: a predicate, not the next member of a list of parties (支持和引导
#: 人民团体，行业协会商会、公益慈善……等社会组织，企事业单位等社会力量和公众参与……: the objects of 支持和引导; 提出对人民代表
#: 大会主席、副主席，乡长、副乡长，镇长、副镇长的罢免案: the posts of one object)
_PREDICATE_AFTER = re.compile(r"(?![、和及与或等的])[^，,：:；。]{2,}$")
#: a clause that opens with a joiner or a verb goes on with the act, whatever name the scanner reads in it (……，并报国务院
#: 有关部门备案; ……，提供方便; ……，建设服务型政府; ……，报送工商行政管理部门申请注销登记)
_NO_PARTY_START = ("并", "且", "及", "和", "或", "同时", "还", "也", "以及", "建设", "报送", "报请", "报告", "报经", "报批", "公告") + \
    VERB_START2
#: a clause before whose verb takes parties for its object, which may run on over the comma (……支持和引导人民团体，
#: 行业协会商会……，企事业单位等社会力量和公众参与……)
_OBJECTS_RUN_ON = re.compile(r"(?:鼓励|支持|引导|倡导|提倡|动员|组织|督促|指导|帮助|协助|委托|责令|要求|邀请|吸引|推动|会同|"
                             r"联合|通知|告知)[^，,]*$")


#: a clause whose subject is a thing, stated of it without a modal word (……，解密事项不再保留国家秘密标志; ……，医疗费用按照有关规定
#: 执行; ……，收益归投资者所有; ……，公示内容包括……; ……，其中……): no more the act of the duty before it
_THING_CLAUSE = re.compile(r"(?:其中|[^，。；、：]{0,10}?(?:%s|事项|待遇|收益|数额)(?:不再|按照|依照|归|纳入|列入|计入|包括|由|从|至少|"
                           r"不少于|不超过|同))" % "|".join(h for h in THING_HEADS if h != "决定"))
#: (not 决定: ……，再决定列入常务委员会会议议程 is the act going on; nor a budget: ……，所需经费列入本级财政预算 is the government's
#: act in every file that writes it — 密码, 母婴保健, 防汛抗旱, 革命遗址 …)
_PREPOSITIONS = ("对", "向", "在", "按照", "依照", "根据", "依据", "经", "由", "为", "将", "把", "以", "从", "与", "同", "就", "于", "给")


def _parties_of_their_own(s: Sentence) -> list[int]:
    """The starts of the clauses after a comma that open with a party of their own (……签署，外交部长副署; ……在代表中提名，
    全国人民代表大会会议表决通过; ……由国务院决定，国务院总理发布戒严令): a duty's predicate ends before them whether or
    not the party's clause states a duty kb records, as the annotators cut it (the spec: a duty runs to the end of its
    predicate; another party's clause is none of it).  Only a party the lexicon knows, written where the clause opens: a
    name the scanner discovers there is as often a verb and its object (教育未成年家庭成员……, 重点加强农村学校……, 认定……场所:
    the tuning set lost 76 duties when they ended acts).  With them, the thing's clauses that close the sentence
    (``_things_closing``)."""
    text = s.text
    out = []
    for p, g in s.subjects:
        if not g.mentions or p <= s.start or not all(m.known for m in g.mentions):
            continue
        cs = _clause_start(text, s.start, p)
        ce = min([k for k in (text.find(c, g.end, s.end) for c in _CLAUSE_SEP) if k >= 0], default=s.end)
        if cs > s.start and text[cs - 1] in "，," and g.start == cs and text.startswith(g.mentions[0].name[:2], cs) and \
                not text.startswith(_NO_PARTY_START, cs) and "的" not in text[g.start:g.end] and cs not in out and \
                _PREDICATE_AFTER.match(text, g.end, ce) and \
                not _OBJECTS_RUN_ON.search(text, _clause_start(text, s.start, cs - 1), cs - 1) and \
                not text.endswith("除外", cs, ce):    # (……，但是……，第三人提供证据的除外: the exception, cut as a whole in _bound)
            out.append(cs)
    return sorted(out + _things_closing(s, out))


def _things_closing(s: Sentence, parties: list[int]) -> list[int]:
    """The starts of the clauses that close the sentence and state something of a thing without a modal word (……使用管理，
    收益归投资者所有; ……，其任教时间计入工龄): no more the act of the duty before them.  Only at the sentence's end: one the
    act goes on after is the annotators' act (……应当将……纳入……规划，所需经费纳入本级财政预算，制定和实施……); not before ；,
    where the duty goes on in the next sentence (……可以指定……代为恢复原状，费用由保护责任人承担；造成严重后果的，对单位并处……
    罚款: continue_duties)."""
    text, out = s.text, []
    if text[s.end:s.end + 1] == "；":
        return out
    k = text.rfind("，", s.start, s.end)
    while k >= 0:
        ce = text.find("，", k + 1, s.end)
        clause = text[k + 1:ce if ce >= 0 else s.end]
        if k + 1 not in parties:
            if not _THING_CLAUSE.match(clause) or clause.startswith(_NO_PARTY_START + _PREPOSITIONS) or "预算" in clause:
                break
            out.append(k + 1)
        k = text.rfind("，", s.start, k)
    return out


#: ……，并在推选完成之日起三日内，在……公示: a duty joined by 并 with a time limit of its own
_AND_WITH_LIMIT = re.compile(r"，并(?:且|应当)?(?=(?:在|于|自)?[^，。；]{0,30}?(?:之日起|之日|起|后|前)?"
                             r"(?:[0-9０-９]+|[一二三四五六七八九十两百千]+)个?(?:工作日|日|天|个月|月|年|小时)(?:内|以内|前))")


def _split_at_own_limit(s: Sentence, d: Draft) -> None:
    """Split d where 并 opens a duty with its own time limit (the spec's clause rule)."""
    m = _AND_WITH_LIMIT.search(s.text, d.begin, d.end)
    if m is None or d.mention is None:
        return
    s.drafts.append(Draft(d.mention, d.modality, d.explicit, m.end(), m.end(), m.end(), True, end=d.end,
                          region=m.end(), node=d.node, para=d.para, item=d.item))
    d.end = m.start()


#: a clause after the encouraged party's predicate that is the encourager's again: another encouragement or
#: support (……，鼓励……, ……，支持……), or its purpose (……，推动……多元化, ……，促进……)
_ENCOURAGER_AGAIN = re.compile(r"鼓励|支持|引导|倡导|提倡|扶持|推动|促进|提升|逐步|保障|指导|组织|协助|其|政府")
#: a clause with a modal word of its own (……，政府相关部门应当……; ……，也可以委托……)
_OWN_MODAL = re.compile(r"[^，。；]*?(?:应当|可以|不得|必须)")
#: a clause whose next clause opens with a modal word: the subject of that modal word (……，电信业务经营者……对……账号，
#: 可以通过……)
_MODAL_NEXT = re.compile(r"[^，。；]*，(?:应当|可以|不得|必须)")


def _own_clause_end(text: str, d: Draft, end: int, bounds: list[int]) -> list[int]:
    """The end of the encouraged party's predicate: the end of the sentence, as the annotators read it
    (鼓励教师到民族乡工作，帮助民族乡发展……; 鼓励幼儿园开设托班，招收适龄幼儿), unless a clause after a comma is
    the encourager's again (鼓励社会组织提供公共服务，推动……多元化: 推动 is the encourager's purpose), a condition that
    opens another statement (……就业，应聘任职的，享受……), has a modal word or the subject of the next clause's modal word,
    or holds the next draft's bound (……，参与和支持……: the predicate ends at a comma, never inside a clause)."""
    if d.modality != "encouragement":
        return []
    nxt = min((b for b in bounds if b > d.begin), default=end)
    k = text.find("，", d.begin, end)
    while k >= 0:
        k2 = text.find("，", k + 1, end)
        clause_end = k2 if k2 >= 0 else end
        if _ENCOURAGER_AGAIN.match(text, k + 1) or _OWN_MODAL.match(text, k + 1) or nxt < clause_end \
                or text[k + 1:clause_end].endswith(LEAD_END) or _MODAL_NEXT.match(text, k + 1):
            break
        k = k2
    return [k] if k >= 0 else []


#: an exception closing a duty's clause (……，但上级人民政府根据……需要调用……的除外), with or without its 但 (……，法律另有规定或者
#: 当事人另有约定的除外; ……，公司实施员工持股计划的除外: the exception is no more the act without it)
_EXCEPTION_TAIL = re.compile(r"，(?:但(?:是)?，?)?[^，。；]*?(?:的|者)?除外$")
_BUT_OPENS = re.compile(r"，但(?:是)?，?[^，。；]*$")
#: a reference closing a duty's clause to the rules another text lays down (……，法律、法规另有规定的，依照其规定; ……，法律、
#: 法规规定需要批准的，从其规定): an exception as ……的除外 is, no part of the act (no gold action keeps one)
_ITS_RULES_TAIL = re.compile(r"，(?:但(?:是)?，?)?[^，。；]*?的，(?:从|依照|按照|适用)其规定(?:执行|办理)?$")


def _bound(d: Draft, text: str) -> None:
    """The action of d (its limit moved out), the limit and quantity of its region."""
    a, b = d.begin, d.end
    while a < b and text[a] in "，、 ":
        a += 1
    lead = leading_limit(text, a, b)
    if lead is not None:
        d.deadline = lead.group(0)
        a = lead.end()
        while a < b and text[a] in "，、 ":
            a += 1
    else:
        d.deadline = _region_limit(text, d.region, b)
    # (the ASCII colon and semicolon too: 720 lines of the corpus end a lead-in with ":" — 监察法 (2018) 第十一条 ……职责: —
    # and the action kept it, "履行监督、调查、处置职责:", where a full-width one is left out; code review 17)
    while b > a and text[b - 1] in "，。；：、 :;":
        b -= 1
    action = text[a:b]
    if action.endswith("除外"):
        m = _EXCEPTION_TAIL.search(action)
        if m is not None and m.start() > 0:
            action = action[:m.start()]    # ……不得动用，但上级人民政府……调用……的除外: the exception is no part of the act
            m = _BUT_OPENS.search(action)  # ……，但是行政行为涉及第三人合法权益，第三人提供证据的除外: its 但 clause neither
            if m is not None and m.start() > 0:
                action = action[:m.start()]
    m = _ITS_RULES_TAIL.search(action) if action.endswith(("其规定", "执行", "办理")) else None
    if m is not None and m.start() > 0:
        action = action[:m.start()]
    if action.endswith(_JOINERS):        # (most actions end in none: the loop only changes one that does)
        for j in _JOINERS:
            if action.endswith(j) and len(action) > len(j):
                action = action[:-len(j)].rstrip("，、 ")
    d.action = action
    d.quantity = quantity_in(text, d.region, d.end)
    d.end = max(b, a + 1) if b > a else d.end


def _region_limit(text: str, a: int, b: int) -> str | None:
    """The first time limit in text[a:b] that is not inside a condition (……一年内累计缺席……的，)."""
    k = a
    while True:
        m = deadline_in(text, k, b)
        if m is None:
            return None
        ce = min([j for j in (text.find(c, m.end(), b) for c in "，；。") if j >= 0], default=b)
        if not text[m.end():ce].endswith("的"):
            return m.group(0)
        k = m.end()


#: (not 以下简称/以下称/以下统称: the short name a text defines, no list)
_LIST_LEAD = re.compile(r"下列|以下(?!简称|称|统称)|如下")
#: the colon that opens a list, full-width or ASCII (both end lines of the corpus: 3,820 a Chinese character and "：",
#: 720 one and ":" — 人民警察法 (2012) 第二十条 人民警察必须做到:)
_COLONS = ("：", ":")
_PENALTIES_LISTED = re.compile(r"的，(?:按照|依照)(?:下列|以下)规定[^，。；：]{0,6}[：:]")
#: 有下列情形之一的，: the list is a condition (of every clause after it)
_LIST_CONDITION = re.compile(r"下列[^，。；：]{0,8}之一的，")
#: 按照……和下列要求，组织……: a list the duty is done by, not a list of duties
_BY_LIST = re.compile(r"(?:按照|依照|根据|依据)[^，。；：]*$")


def list_heads(drafts: list[Draft]) -> list[Draft]:
    """The lead-in duties of a paragraph's list: those whose text names it (……做好下列事项：, 有下列
    情形之一的，由……), else those that end at the colon that opens it.  Every lead-in record carries the
    list: the party held liable and the body that acts on the violations listed, and, when the list is the condition of
    the sentence (有下列情形之一的，), every party whose clause ends at the colon."""
    named = [d for d in drafts if any(not _BY_LIST.search(d.node.text, d.region, m.start())
                                      for m in _LIST_LEAD.finditer(d.node.text, d.region, d.end))]
    if named:
        if any(d.modality in ("liability", "sanction") for d in named):
            # 有下列情形之一的，由X责令改正；对……人员，由Y依法给予处分：: every body that acts on the violations listed —
            # not one making good a loss in a case of its own after ；(……；造成失业保险基金损失的，由Z追回……: Z acts on the
            # loss, not on each violation; 重庆市失业保险条例 38, code review 26 finding 6)
            named += [d for d in drafts if d.modality == "sanction" and d not in named and not _a_later_case(d)]
            return named
        # 价格鉴证人有下列情形之一的，应当自行回避，委托单位或者当事人也可以要求其回避：: the list is the condition of the
        # whole sentence, so the clause that ends at its colon, another party's, carries the items too (engineer 11e; not
        # in a penalty, whose later clauses are penalties of their own conditions: ……；逾期未消除的，……)
        if not any(_LIST_CONDITION.search(d.node.text, d.region, d.end) for d in named):
            return named
        return named + [d for d in _at_colon(drafts) if d not in named]
    # 经营者违反……规定的，按照下列规定处罚：: the penalties are listed, the violators are liable on each
    liable = [d for d in drafts if d.modality == "liability" and _PENALTIES_LISTED.match(d.node.text, d.end)]
    if liable:
        return liable
    # a colon of either width opens the list (人民警察法 (2012) 第二十条 人民警察必须做到: — an ASCII colon, so its four items
    # were no one's duties; code review 17)
    return _at_colon(drafts)


#: a case of its own after ；, a loss the violation caused, that a body makes good itself (……；造成失业保险基金损失的，由Y追回……;
#: 给他人造成经济损失的，依法赔偿): the body acts on the loss, not on each violation.  Not a graduated penalty of the same
#: violations, which carries the list as before (……；情节严重的，由原发证机关吊销……, 已取得许可证的，原发证部门……吊销: 传染病防治法 73,
#: 广东省人口与计划生育条例 40, the gold gives each item that body; 有违法所得的，责令退还或者没收违法所得 (法律援助法 61, 民办教育促进法
#: 62); 逾期未能取得……的，责令……赔偿损失 (北京市河湖保护管理条例 40): the body orders the violator — corpus diff, code review 26)
_LOSS_CASE = re.compile(r"造成[^，。；]{0,12}损失的，")
_ORDERS = re.compile(r"责令|没收|罚款|吊销")


def _a_later_case(d: Draft) -> bool:
    """Does the sanction d make good a loss in a case of its own after a ； (……；造成……损失的，由Y追回……), the clause not
    being the one whose colon opens the list?"""
    text = d.node.text
    a = text.rfind("；", 0, d.trigger) + 1
    if a <= 0 or _ORDERS.search(d.action or ""):
        return False
    end = min((i for i in (text.find(c, d.trigger) for c in "；。") if i >= 0), default=len(text))
    if text[end:].strip() == "" and text.rstrip().endswith(_COLONS):
        return False
    return bool(_LOSS_CASE.search(text, a, d.trigger))


def _at_colon(drafts: list[Draft]) -> list[Draft]:
    """The duties whose action ends at the colon that ends their paragraph (the colon opening its list)."""
    return [d for d in drafts if d.node.text.rstrip().endswith(_COLONS) and d.end >= len(d.node.text.rstrip()) - 1]
