"""Statements of a modal word and of an agent after 由, with the modality each states.

A modal word states its own modality for its subject (or for the agent of 应当由X……), except in
a liability clause, where 由X予以/责令/处…… is a sanction.  An agent after 由 without a modal
word bears a duty (explicit = false), a sanction in a liability clause, or a permission when the
sentence offers it as an alternative (……可以……，或者由X……).  ``x`` below is the running
extractor (its registry, scanner, emit, relation).
"""
from __future__ import annotations

import re

from kb.layers.actors import PERSON_SUFFIXES
from kb.layers.obligations.clauses import LEAD_START as _LEAD_START
from kb.layers.obligations.liability import SANCTION_V, liability_chapter
from kb.layers.obligations.records import Group, Mention
from kb.layers.obligations.names import (ACTS_ON_A_PARTY, MEMBER_SEP, OFFICERS, STOP_IN_NAME, THING_HEADS,
                                         VERB_START)
from kb.layers.obligations.sentences import Sentence, clause_end


#: 业主应当履行的义务, 违反规约应当承担的责任: a verb of the modal word, 的 and the noun it makes (a relative clause)
_REL_VERB_NOUN = re.compile(r"(?:依法)?(?:履行|承担|遵守|缴纳|交纳|支付|提供|具备|具有|办理|报送|提交|公开|公示|负担|执行|享有|"
                            r"采取|达到|符合|遵循|注意|做好|给予|获得|取得|补偿|赔偿|收取|配备|安排|设置|保存|记录|"
                            r"尽|负|缴|交|付|有|做|给)的[^，。；的]{1,8}?(?:$|等|和|及|、|以及)")


#: what after a modal word makes it part of a relative clause (应由……办理的事项, 依法应尽的义务 …)
_OF_WHAT = re.compile(r"的(事项|情形|人|人员)$")
#: a short verb, 的 and 其他 + a noun, the whole of the tail: the last item of a list of matters （十七）双方认为应当协商的其他内容。
#: (北京市集体合同条例 20, code review 26 finding 8: the item's noun, not a duty of the sides; not ……列入……评估的内容, ……规定
#: 免征或者减征耕地占用税的其他情形: a verb's object)
_OTHER_OF_WHAT = re.compile(r"[^，。；的]{1,4}的其他(?:内容|事项|情形)")
_AN_ACT = re.compile(r"(?:由[^，。；]{0,16}|[^，。；]{0,6})的行为")
_EXCEPT = re.compile(r"的[^，。；]{0,10}除外$")
_GIVEN_DE = re.compile(r"(?:依法)?予以[^，。；的]{1,6}的")
_SHORT_DE = re.compile(r"[^，。；以]?的")

#: ……处……罚款，但罚款不得低于二千元: a bound on the body's own penalty, not a restriction on the sanctioned
_BOUND = re.compile(r"(?:低于|高于|少于|多于|超过)")
#: 被吊销许可证的，受到……处罚的，: the sanctioned party described in the clause, the one a 不得 after it restricts
_SANCTIONED_DESC = re.compile(r"被[^，。；]{1,20}的，|受到[^，。；]{1,20}处罚的，")
#: ……不得向其发放许可证: the sanctioned party (其) is the object, so the 不得 binds the body that sanctions
_SANCTIONED_OBJ = re.compile(r"[^，。；]{0,6}?(?:向|对|为|给|受理)其")
#: a source of norms right before a ban (法律禁止, 国家明令禁止, 法律、行政法规禁止)
_NORM_GIVER = re.compile(r"(?:法律|法规|规章|国家|本法|本条例|本办法|本规定)(?:明令|明文|规定)?$")
#: ……禁止宣传的产品和事项: a verb, 的 and the noun it qualifies, to the clause's end
_ATTRIBUTIVE = re.compile(r"[^，。；的]{1,10}的[^，。；的]{1,16}")
#: verbs that name a place or a time by what is banned there (划定禁止……的路段)
_NAMING_VERBS = ("划定", "设置", "设立", "确定", "公布", "规定", "划分", "实行", "标明", "设定", "建立", "张贴", "开展",
                 "落实", "执行")
#: 禁止建设区域, 禁止鸣笛路段: a ban that names a place
_BANNED_PLACE = re.compile(r"(?![在向对从于])[^，。；的]{1,6}(?:区域|路段|地区|时段|名录|名单|目录|清单|标志|标识|场所|制度)")


#: nouns that end in 的 (以营利为目的, 交付标的): a clause ending in one is no relative clause
_NOUN_IN_DE = re.compile(r"(?:(?<!项)目的|(?<![招投中竞夺])标的)$")


def in_relative_clause(text: str, p: int, e: int, w: str) -> bool:
    """Whether the modal word w at p (ending at e) stands in a relative clause (应由……办理的事项, 依法应尽的义务,
    应当予以免税的……车辆, 当事人应当提供的证据): it states no duty of its clause."""
    tail = text[e:clause_end(text, e)]
    return bool((tail.endswith("的") and not _NOUN_IN_DE.search(tail)) or _OF_WHAT.search(tail) or
                _AN_ACT.fullmatch(tail) or _OTHER_OF_WHAT.fullmatch(tail) or _EXCEPT.search(tail) or
                _GIVEN_DE.match(tail) or _SHORT_DE.match(tail) or _REL_VERB_NOUN.match(tail) or
                (text[p - 1:p] in ("的", "") and w in ("可", "应")))     # (应收账款 opening a text: a word)


def on_modal(x, s: Sentence, p: int, data, s_here: Group | None) -> None:
    """A modal word at p: a statement for its subject, or one without an actor."""
    text = s.text
    e, w, mod = data
    clause_tail = text[e:clause_end(text, e)]
    if in_relative_clause(text, p, e, w):
        x.note_silent(s, p, "modifier")
        return
    if s.in_name(p):
        x.note_silent(s, p, "modifier")
        return       # 其他有权请求实现担保物权的人: the name's own 有权, no modal word of the clause
    if w == "可" and text[p - 1:p] == "方":
        x.note_silent(s, p, "condition")
        return       # 确认安全后方可进行操作: a condition of the duty before it
    if w in ("禁止", "严禁") and _attributive_ban(x, text, p, e, clause_tail):
        x.note_silent(s, p, "modifier")
        return       # ……宣传法律禁止宣传的产品和事项: what the law bans qualifies a thing, it is no new ban
    if w == "禁止" and (text[p - 2:p] in _NAMING_VERBS or _BANNED_PLACE.match(text, e)):
        x.note_silent(s, p, "modifier")
        return       # 划定禁止机动车行驶……的路段, 禁止建设区域: a place or a time that is named, not a ban
    actor_g = s_here
    if s.topic is not None and s.topic[0] < p and (s_here is None or s_here.start < s.topic[0]):
        actor_g = s.topic[1]     # 本市支持志愿服务组织……，在……时应当遵守……
    if w in ("禁止", "严禁") and actor_g is not None and actor_g.end == p:
        actor_g = None          # 国家禁止……: who must not is not named
    begin = e
    if w in ("禁止", "严禁"):
        g2 = x.sc.group(text, e) or _banned_party(x, text, e)
        if g2 is not None and g2.mentions and not re.match(r"[的，。；]", text[g2.end:g2.end + 1]):
            # 禁止任何单位或者个人制造……, ……由殡仪馆承办。禁止其他单位和个人经营……: the party banned is the
            # object of 禁止, not a subject carried from before
            actor_g, begin = g2, g2.end
        elif actor_g is not None and actor_g is s.carried and text[p - 1:p] in ("", "。", "\n") and \
                _banned_party_before(x, text, p):
            actor_g = None       # 禁止承包人将……。禁止分包单位将……再分包: the party the last ban found is not the next one's
    if text.startswith("由", e) and not _MADE_UP_BY.match(text, e):
        g2 = x.sc.agent(text, e + 1)
        if g2:
            actor_g, begin = g2, g2.end
    if s.liability and SANCTION_V.search(text[e:e + 12]) and mod != "prohibition" and not _tells_a_body(x, text, e):
        mod = "sanction"
        if actor_g is not None and actor_g is s_here and _in_condition(text, actor_g, p):
            actor_g = None       # ……场所不符合要求的，可以处……罚款: who fines is not named
    elif s.liability and mod == "permission" and actor_g is not None and actor_g.mentions and \
            _PENALTY_ACT.match(text, begin) and _sanctions_already(s, actor_g):
        mod = "sanction"         # ……由X责令改正，并可以处年优待金标准一至三倍罚款: the body's penalty goes on
    if s.liability and mod == "prohibition" and actor_g is not None and _BOUND.match(text, e) and \
            any(d.modality == "sanction" and d.mention in actor_g.mentions for d in s.drafts):
        actor_g = None           # ……处五百元罚款，但罚款不得低于二百元: a bound on the penalty, stated of the fine
    elif s.liability and mod == "prohibition" and actor_g is not None and \
            any(d.modality == "sanction" and d.mention in actor_g.mentions for d in s.drafts):
        if w in ("禁止", "严禁") or _SANCTIONED_OBJ.match(text, e):
            mod = "sanction"     # ……由X没收……，十年内直至终身禁止从事……: the ban is part of X's penalty, not a ban on X
        else:
            # ……由X吊销机动车驾驶证，且终生不得重新取得……: a restriction on the sanctioned party, who is not named here
            # (code review 10 item 7: it was X's sanction, "X re-obtains a licence")
            actor_g = None
    elif s.liability and mod == "prohibition" and actor_g is not None and actor_g is s.carried and \
            s.subject_at(p) is None and all(m.name in s.sanctioners for m in actor_g.mentions) and \
            not _BOUND.match(text, e):
        # ……由X吊销……；情节严重的，禁止其……担任……: the body carried on from its sanction imposes the ban (its
        # penalty); ……被吊销的，五年内不得再次申请: a restriction on the sanctioned party, who is not named here
        if w in ("禁止", "严禁"):
            mod, begin = "sanction", p
        elif _SANCTIONED_DESC.search(text, 0, p) or not _SANCTIONED_OBJ.match(text, e):
            actor_g = None       # ……；三年内不得向其发放许可证: the sanctioned party is the object, the body is bound
    if _COMPOSITION.match(text, e):
        actor_g = None           # 检查人员……不得少于两人: a rule of composition, not an act
    if mod == "permission" and _LENIENCY.match(text, e):
        actor_g = None           # 赌博者有下列情节之一的可以从轻、减轻或者不予处罚: what the offender may receive
    start = actor_g.start if actor_g and s.start <= actor_g.start and actor_g.end <= p else p
    if w == "要" and (actor_g is None or not actor_g.mentions or s.liability or not _yao_after_actor(text, actor_g, p)):
        return                   # 要 is no modal word of the spec: an obligation only of an actor (modals.find_yao)
    if actor_g is None or not actor_g.mentions:
        q = _agent_after(s, e)
        if q is not None:
            s.modal_agents[q] = (mod, p)     # 可以根据当事人的请求，由……部门调解处理: the agent may
            return
        x.emit(s, None, mod, True, p, begin, start)
        return
    for mt in actor_g.mentions:
        x.emit(s, mt, mod, w != "要", p, begin, start)      # (要: explicit false, modals.find_yao)
    s.stated(actor_g)


#: what may stand between an actor (or the start of its clause) and its 要: an adverbial of time or scope, the object of
#: 对, an adverb (常委会组成人员在时间上要服从……, 公民对见义勇为要给予支持和帮助, ……，也要学习……, 既要追诉犯罪); not a noun (实行产地要准出: a place) nor a verb (也可以要
#: 犯罪嫌疑人……, 告知他要如实地……: 要 the verb, or in the object)
_BEFORE_YAO = re.compile(r"(?:在[^，。；：]{0,30}?(?:时候|时|中|前|后|上|期间)|对[^，。；：]{1,20}?)?"
                         r"[既也都还均更就又亦则首先一定切实真正]{0,3}")


def _yao_after_actor(text: str, g: Group, p: int) -> bool:
    """Does the 要 at p stand right after the actor g (or at the start of a clause of g's), but for _BEFORE_YAO?"""
    start = max(text.rfind(c, 0, p) for c in "，。；：\n") + 1
    q = g.end if start <= g.end <= p else start
    return _BEFORE_YAO.fullmatch(text, q, p) is not None


def _attributive_ban(x, text: str, p: int, e: int, clause_tail: str) -> bool:
    """Is 法律禁止…… at p the object of a verb before it (宣传法律禁止宣传的产品), not a ban the law or the state
    issues (本条例禁止经营者……, 国家禁止企业使用……的设备)?  The norm giver must follow other words of its clause
    (the verb), not open it, and the tail must name no one banned."""
    giver = _NORM_GIVER.search(text, 0, p)
    if giver is None or not _ATTRIBUTIVE.fullmatch(clause_tail):
        return False
    clause_start = max(text.rfind(c, 0, giver.start()) for c in "，。；：") + 1
    if not text[clause_start:giver.start()].strip():
        return False
    g = x.sc.group(text, e)
    return g is None or not g.mentions


#: 不得少于两人, 应当为单数: a number the body must have, not an act
_COMPOSITION = re.compile(r"(?:少于|多于|低于|高于|超过|不少于|不超过)?(?:[0-9一二三四五六七八九十两百]+人|单数|双数)|为(?:单数|双数)|"
                          r"(?:少于|多于|低于|超过)[0-9一二三四五六七八九十两百]+个?(?:日|天|个月|年|小时)")


#: 可以从轻、减轻或者不予处罚: leniency a body may grant; the subject receives it, it does nothing
_LENIENCY = re.compile(r"(?:依法)?(?:从轻|减轻|免除|免予|不予)(?:[、或者和]{1,3}(?:从轻|减轻|免除|免予|不予))*"
                       r"[^，。；]{0,6}?(?:处罚|处分)")


#: a penalty a body imposes, read over the whole act after 可以 (SANCTION_V reads twelve characters: 并可以处年优待金标准一至三倍
#: 罚款, 可处被扣押物品价值一倍以上三倍以下的罚款, 可以暂停项目执行, 可以强制执行, 可依法查封……、扣押……); not liability._PENALTY,
#: the penalty read after the party it falls on
_PENALTY_ACT = re.compile(r"(?:并|依法|按照[^，。；]{0,30}?|根据[^，。；]{0,20}?，?|对[^，。；]{0,40}?)*"
                          r"(?:处[^，。；]{0,40}?罚款|处以|并处|没收|吊销|暂扣|暂停|撤销|取消|降低|查封|扣押|强制执行|"
                          r"申请人民法院强制执行|代为履行|责令|给予[^，。；]{0,12}?(?:处分|处罚|警告)|予以(?:处罚|没收|取缔|吊销|撤销))")


def _banned_party(x, text: str, e: int) -> Group | None:
    """The party a ban names by a name the lexicon lacks, right after 禁止 / 严禁 at the opening of its clause (禁止监理单位转让
    监理业务, 禁止施工单位允许……, 禁止旅客携带危险品进站上车, 严禁体育经营者利用……): discovered, and only where the name
    starts at e and a verb follows it (not 禁止在……, 禁止将……, 禁止生产、销售……的产品)."""
    if text[e - 3:e - 2] not in ("", "，", "。", "；", "：", "\n"):
        return None      # ……应当禁止……, 国家禁止……: the ban of a subject before it (on_modal reads that)
    g = x.sc.group(text, e, discover=True)
    if g is None or not g.mentions or g.start != e or any(_act_words(text, m.name) for m in g.mentions):
        return None
    # the text's own party, named again elsewhere in the text (监理单位, 施工单位, 旅游者), not words of the act read once
    # (禁止虐待老人、妇女和儿童, 禁止任何破坏军人婚姻的行为, 禁止……收购和销售国家指定单位统一收购的矿产品)
    doc_text = x.doc_text
    if any(doc_text.count(m.name) < 2 for m in g.mentions):
        return None
    return g


def _banned_party_before(x, text: str, p: int) -> bool:
    """Did the sentence before p open with a ban whose party _banned_party discovered (禁止X……。 then 禁止……)?"""
    q = max(text.rfind("。", 0, p - 1), -1) + 1
    return text.startswith(("禁止", "严禁"), q) and _banned_party(x, text, q + 2) is not None


#: heads of a place as much as of a body: a name discovered after a ban that ends in one is the act's words (禁止旅客携带
#: 危险品进站上车: no party 旅客携带危险品进站)
_PLACE_HEADS = ("站", "场所", "场馆", "馆", "院", "所")
#: verbs inside a name discovered after a ban: the act's words (禁止冒充军人, 严禁行业组织依靠代行政府职能, 禁止……和项目向长江……)
_ACT_IN_NAME = re.compile(r"冒充|假冒|依靠|携带|利用|使用(?!人|者|单位)")


def _act_words(text: str, name: str) -> bool:
    """Is a name discovered after a ban the act's words rather than a party (see _PLACE_HEADS, _ACT_IN_NAME)?"""
    return name.endswith(_PLACE_HEADS) or bool(STOP_IN_NAME.search(name) or _ACT_IN_NAME.search(name)) or \
        name.startswith(VERB_START) or name not in text


def _sanctions_already(s: Sentence, g: Group) -> bool:
    """Has the body g imposed a sanction already in this sentence, or in an earlier sentence of the node?"""
    return any(d.modality == "sanction" and d.mention in g.mentions for d in s.drafts) or \
        all(m.name in s.sanctioners for m in g.mentions)


def _tells_a_body(x, text: str, e: int) -> bool:
    """Is the act after the modal word 通报 + a public body (……发现……违反本法……的，应当通报环境保护行政主管部门依照前款规定予以
    处罚: 海洋环境保护法 (2017) 77 p2)?  Telling the body that sanctions is a duty, not the sanction 通报(批评) (code review
    26 finding 5: the four departments' duty was lost in the liability chapter)."""
    m = SANCTION_V.search(text, e, e + 12)
    if m is None or m.group(0) != "通报" or m.start() != e:
        return False
    g = x.sc.group(text, m.end())
    return g is not None and bool(g.mentions) and g.start == m.end() and x.sc.public(g)


def _in_condition(text: str, g: Group, p: int) -> bool:
    """Does the clause that g opens end with 的 before p (a condition: ……单位……不符合要求的，)?"""
    k = text.find("，", g.end, p)
    return k > 0 and text[k - 1] == "的"


def _agent_after(s: Sentence, e: int) -> int | None:
    """The position of a 由-agent after e, before the next modal word of the sentence."""
    nxt = min([q for q in s.modal_positions if q >= e], default=s.end)
    q = next((q for q, _ in s.agents if e <= q < nxt), None)
    if q is None:
        return None
    between = s.text[e:q].rstrip("，")
    return q if not between or between.startswith(_LEAD_START + ("依法", "由")) else None


def on_agent(x, s: Sentence, p: int, g: Group, s_here: Group | None) -> None:
    """由 + the agent g at p, without a modal word of its own."""
    text = s.text
    vp = text[g.end:clause_end(text, g.end)]
    whose = _LIST_OF_WHOSE_PERSON.match(vp)
    if whose:
        # 由人民解放军各总部、大军区、……单位的正职首长批准 (中国人民解放军军官军衔条例 23 (二), code review 23 finding 7): the bodies
        # a list names, the first of them all g holds, are whose heads approve: the agent is the person (the annotators'
        # 正职首长 of xianyi-junguan 12), and the act is what follows it; 由总参谋长、总政治部主任、……、大军区……的正职首长任免
        # keeps the persons g holds beside it (现役军官法 (2000) 12 (二))
        end = g.end + whose.end()
        c = x.reg.canonical(whose.group(1))
        head = Mention(c, whose.group(1), end - len(whose.group(1)), end, known=x.reg.is_known(c))
        g = Group([m for m in g.mentions if m.name.endswith(PERSON_SUFFIXES)] + [head], g.start, end)
        vp = text[g.end:clause_end(text, g.end)]
    if p in s.modal_agents:                   # the modal word before it has no subject: the agent is it
        mod, q = s.modal_agents[p]
        if s.liability and SANCTION_V.search(text[g.end:g.end + 12]) and mod != "prohibition":
            mod = "sanction"
        for mt in g.mentions or [None]:
            x.emit(s, mt, mod, True, q, g.end, p)
        s.stated(g)
        return
    if not vp or vp[0] in "，。；的" or (re.match(r"[^，。；对向将把给]{0,14}的", vp) and
                                        not re.match(r"根据|依据|按照|依照|在|会同|牵头", vp) and
                                        not _PIVOT.match(vp) and not _acts_on_breach(s, p, g) and
                                        not _agent_of_its_clause(x, s, p, g, vp)):
        g = _named_by_relative_clause(x, s, g, vp)
        if g is None:
            return    # 主要由捐赠人出资兴建的工程项目: a relative clause
        vp = text[g.end:clause_end(text, g.end)]
        q = next((q for q in s.modal_positions if g.end <= q < g.end + len(vp)), None)
        if q is not None and q - g.end <= 6 and "的" not in text[g.end:q]:
            # 由人民法院指定的管理人应当接管财产: Y is the subject of the modal word, which states its duty
            s.subjects = [(k, h) for k, h in s.subjects if h.end <= p or h.start >= g.end] + [(p, g)]
            return
    if any(q < p and text[q:p].find("，") < 0 and p - q <= 4 for q in s.modal_positions):
        return        # 可以由X…: handled with the modal word
    if _MADE_UP_OF.match(vp) or _MAKE_UP.match(vp):
        return        # 由公安消防队、政府专职消防队……等组成的消防组织网络: the members of a whole, no agent of an act
        #               (合议庭……由法官和人民陪审员组成，成员为……: likewise)
    alt = [ev for ev in s.events if ev[1] == "modal" and ev[0] < p and re.search("或者|也可以", text[ev[0]:p])]
    if alt and alt[-1][2][2] == "permission":
        for mt in g.mentions:
            x.emit(s, mt, "permission", True, p, g.end, p)
        return
    stated = _agent_modality(x, s, p, g, vp)
    if stated is None:
        return
    mod, explicit = stated
    for mt in g.mentions:
        x.emit(s, mt, mod, explicit, p, g.end, p)
    if vp.startswith("牵头"):
        x.relation(g, "牵头", None, s.node.eid)
    if mod == "sanction":
        for r in ("纠正", "责令", "查处"):
            if r in vp[:12]:
                x.relation(g, r, None, s.node.eid)
    s.stated(g)


#: what may stand between a comma and 由 when the agent opens the clause's predicate (……的，一律由X……; ……，并由X……)
_ADVERB_BEFORE_YOU = re.compile(r"(?:一律|均|统一|再|则|并|仍|也|另)?")
#: a topic that is no noun phrase: a verb or a preposition whose object the 由-phrase is (是由……的, 开具由……制发的收据,
#: 向海关交验由……颁发的许可证件, 法律规定由……实施检验的……, 授权……审批由国务院审批的……) or an adverb of the clause
#: (主要由……出资兴建的工程项目)
_NOT_A_TOPIC = re.compile(r"[是为对将把给向经以被按据交归指及或在从自于至到让使令请称即系属应可须要所等的]|"
                          r"授权|委托|审批|批准|交验|提交|报送|规定|使用|采用|作为|包括|通过|主要|全部|部分")
#: the last words of a thing's name (具体办法, 补贴标准, 教育大纲, 原蚕种, 山坡地, 烟叶) beside names.THING_HEADS
_THING_TAIL = re.compile(r"(?:办法|细则|大纲|重点|面积|税|款|物|品|证|书|叶|种|地|案|额|价)$")
#: a clause ending in a verb of saying or agreeing: what follows is its content (……约定，由受托人处理……的合同)
_SAYS = re.compile(r"(?:约定|规定|是指|认为|确认|指)$")
#: the head of a body or a person right after the 的: the relative clause names the party that acts
_BODY_HEAD = re.compile(r"(?:部门|机构|机关|单位|组织|委员会|人员|代表|成员|工作人员)")
#: the agent's name going on after the scanner's group (由以后的常务委员会会议……, 由……人民代表大会下次会议……)
_NAME_GOES_ON = re.compile(r"(?:下次)?会议|的")
#: an exception (除……由X审批发证的以外)
_EXCEPTED = re.compile(r"(?:以外|除外|之外)$")
#: 由X的过半数 / 三分之二以上: a share of the agent's members decides, no act of its own
_SHARE_OF = re.compile(r"(?:过半数|半数|多数|[二三四五六七八九十]分之)")
#: the words before the agent's act that carry on a list the scanner cut short (由X或者Y以及法律规定的其他组织……)
_LIST_GOES_ON = MEMBER_SEP
#: the noun after the 的 goes on as the subject of a predicate of its own (但是，由国务院……批准建设的项目使用港口岸线，不再……:
#: 港口法 (2018) 13, code review 26 finding 2): the 由-phrase is a relative clause on that subject (not a noun holding the
#: verb: 用地单位的土地使用权, 使用费)
_NOUN_THEN_VERB = re.compile(r"的[^，。；的]{1,8}?(?:使用(?![权费证人者])|不再|属于|享有)")
#: the 的-phrase is one noun of a list, the object of a verb before the comma (……应当有自己的名称……，由联合社全体成员制定
#: 并承认的章程，以及……; 主要是利用……创作，并由法人……承担责任的工程设计图、产品设计图……等职务作品: code review 26 finding 2)
_NOUN_LIST = re.compile(r"的[^，。；]*、[^，。；]*等[^，。；、]{1,8}(?=[；。]|$)")
_LIST_AFTER = re.compile(r"[，、](?:以及|及|和|等)")
#: a name the scanner discovered that is a verb phrase or a time word, no party (由同级人民政府追究该行政主管部门主要负责人的
#: ……责任 read 追究该行政主管部门; 由机构选派专业人员参加……; 由以后的市人大常委会会议……read 以后的市人: code review 26 findings
#: 2 and 9) — not every verb (选举委员会, 颁发执业证书的部门 are names)
_NOT_A_DISCOVERED_NAME = re.compile(rf"^(?:{ACTS_ON_A_PARTY}|以后|以前|今后)|选派|委派|指派")


def _agent_of_its_clause(x, s: Sentence, p: int, g: Group, vp: str) -> bool:
    """由X + a verb whose object holds 的 (……退出现役后，由乡镇人民政府妥善安排他们的生产和生活; 具体办法由市人民政府参照……
    目录的编制、更新程序另行制定; ……的，由社会保险经办机构核定其应当缴纳的社会保险费): the agent is the actor of its clause,
    not the subject of a relative clause (主要由捐赠人出资兴建的工程项目，……), when 由 opens the clause after a comma or
    follows a topic the act is about (a noun phrase at the clause's start, no party in it), the 的 has a noun after it that
    names no party (由X指定的Y有关部门，按照职责责令改正: Y acts), the clause does not end on 的 (……由单位和个人自筹资金承包
    造林的，: a condition) and no modal word after the 的 makes the phrase the subject of another predicate."""
    text = s.text
    if any(not m.known and _NOT_A_DISCOVERED_NAME.search(m.surface) for m in g.mentions):
        return False      # a name discovery made of a verb phrase (追究该行政主管部门) or of a time word (以后的市人)
    k = max(text.rfind(c, s.start, p) for c in "，；：")
    before = text[max(k + 1, s.start):p]
    if k >= s.start and _SAYS.search(text, s.start, k):
        return False      # 委托合同是委托人和受托人约定，由受托人处理委托人事务的合同: what is agreed, a noun phrase
    if not (k >= s.start and _ADVERB_BEFORE_YOU.fullmatch(before)):
        # a topic: a thing's name opening the sentence, naming no party (烟叶由烟草公司……收购; not 发放由……印制的……,
        # 组织由会议选举……的……: a verb opens it)
        if k >= s.start or len(before) < 2 or _NOT_A_TOPIC.search(before) or before in THING_HEADS or \
                not (before.endswith(THING_HEADS) or _THING_TAIL.search(before)):
            return False
        t = x.sc.group(text, max(k + 1, s.start), discover=True)
        if t is not None and t.mentions:
            return False
    de = vp.find("的")
    end = clause_end(text, g.end)
    if de < 0 or _LIST_GOES_ON.match(vp) or text[end - 1] == "的" or g.end + de + 1 >= end or \
            _SHARE_OF.search(vp, 0, de + 4) or \
            (_RELATIVE.match(vp) and not (s.liability and SANCTION_V.search(text, end, min(s.end, end + 20)))):
        # (由常务委员会全体组成人员的过半数通过: a share of the body; 由X确定的机构负责: the body X names — but in a liability
        # clause 由A、B等部门或者C指定的D有关部门，按照职责责令改正 names the bodies that sanction, A and B among them)
        return False
    if _BODY_HEAD.match(vp, de + 1) or _NAME_GOES_ON.match(vp) or _EXCEPTED.search(text, g.end, end) or \
            text.startswith("由", end + 1) or _NOUN_THEN_VERB.search(text, g.end + de, end) or \
            _NOUN_LIST.search(text, g.end + de, end + 1) or _LIST_AFTER.match(text, end):
        # 由县级以上地方人民政府负责……工作的部门责令改正: the department the government's relative clause names acts; 由以后的
        # 常务委员会会议……: the agent's name runs on; 除……由X审批发证的以外; 由X管理的港口，由Y……: a topic, another agent acts
        return False
    party = x.sc.group(text, g.end + de + 1, discover=True)
    if party is not None and party.mentions and party.start == g.end + de + 1:
        return False
    return not re.search(r"应当|应|必须|须|可以|不得|禁止", text[g.end + de:end])


def _named_by_relative_clause(x, s: Sentence, g: Group, vp: str) -> Group | None:
    """由招标人依法组建的评标委员会负责, 由国务院税务主管部门指定的企业印制: the agent is the party X designated,
    founded or authorised, when a verb follows it (由注册会计师组成的社会团体。 names no agent; 由……制发的收据 names
    a thing; 由X决定送往……的Y进行救治 is X's act)."""
    m = _RELATIVE.match(vp)
    if m is None or s.text[g.start - 2:g.start] in ("给由", "交由"):
        return None       # 移交给由……指定的国有博物馆收藏: the body a thing goes to
    k = g.end + m.end()
    g2 = x.sc.group(s.text, k, discover=True)
    if g2 is None or not g2.mentions or g2.start != k or g2.end >= s.end or \
            not _VERB_AFTER_AGENT.match(s.text, g2.end) or s.text[clause_end(s.text, g2.end) - 1] == "的":
        return None       # ……批准的结算机构作为中央对手方进行集中结算的，: a condition
    return Group(g2.mentions, g.start, g2.end)


#: 由X指定经营有人寿保险业务的保险公司接受转让 (保险法 (2015) 92 p1, code review 16 item 6): a designating verb with its object,
#: whose 的 is the object's own modifier, is X's act (由X指定的Y names Y, _RELATIVE)
_PIVOT = re.compile(r"(?:指定|委托|责成)(?!的)[^，。；的]{1,14}的[^，。；]{1,10}?(?:接受|承担|负责|办理|进行|实施)")
#: a relative clause after the agent of 由 that designates the party acting (……指定的, ……依法组建的, ……所属的)
_RELATIVE = re.compile(r"(?!与|和|同|及|以及|或|会同)[^，。；对向将把给的]{0,10}(?:指定|确定|授权|批准|设立|组建|成立|委托|认定|选定|"
                       r"所属|聘请|聘任|依法设立|[在住居发]生?地)的")
#: 由X组成 closing its clause: X are the members of what the sentence is about (合议庭由法官和人民陪审员组成)
_MAKE_UP = re.compile(r"(?:共同)?(?:组成|构成)(?:[，。；]|$)")
#: the rest of a list of members and 组成的/构成的 (a list the scanner cut short: ……、政府专职消防队、单位专职消防队等组成的)
#: the rest of a list of bodies after the agent, up to the person of each who acts (、大军区、军兵种……单位的正职首长批准)
_LIST_OF_WHOSE_PERSON = re.compile(r"、[^，。；对向将把给依]{1,40}?的((?:正职|主要|有关)?(?:首长|负责人|领导人?|主管人员|主官))")
#: 仲裁庭可以由三名仲裁员或者一名仲裁员组成: what the subject is made of, its members no agent of an act
_MADE_UP_BY = re.compile(r"由[^，。；]{1,40}?(?:组成|构成)(?=[，。；]|$)")
_MADE_UP_OF = re.compile(r"[^，。；]*?(?:组成|构成)的")
#: what may follow an agent: a verb or an adverbial, not a boundary, 的 or a list word
_VERB_AFTER_AGENT = re.compile(r"(?![，。；：、的和及或与等（]|组成|构成)[\u4e00-\u9fff]")


def _acts_on_breach(s: Sentence, p: int, g: Group) -> bool:
    """……骗取补贴的，由X责令退回骗取的补贴 / 由X销毁印制的商标标识，没收……: the agent after the condition of a liability
    clause acts on the breach; the 的 in its object is no relative clause around the agent."""
    return s.liability and bool(_AFTER_CONDITION.search(s.text, s.start, p)) and \
        bool(SANCTION_V.search(s.text, g.end, min(s.end, g.end + 20)) or _FINE_OF.match(s.text, g.end)) and \
        not _BODY_OF.match(s.text, g.end)


#: 由县级以上地方人民政府负责受理……申请的行政主管部门责令……: the agent is the body the relative clause names
_BODY_OF = re.compile(r"[^，。；]{0,16}的[^，。；的]{0,8}?(?:部门|机关|机构|单位|组织)")
#: the agent stands right after a liability clause's condition (……的，由X / ……之一的，由X)
_AFTER_CONDITION = re.compile(r"(?:的|之一)，$")
#: 由X申请人民法院强制执行: the body asks the court to enforce its decision
_ASKS_COURT = re.compile(r"(?:依法)?申请(?:人民)?法院强制执行")
_OFFICER_ACTS = re.compile(r"(?:集体讨论)?(?:决定|批准|签署|签发|审批|同意)")
#: 本条例规定的（其他）行政处罚，由X决定: the body that imposes the text's penalties (3 of the 4 annotated texts read it so:
#: chongqing-anquan, chongqing-lvhua, jiliang; chongqing-fanghulin art. 41 has an obligation).  The penalties are the text's
#: own, named with 的 (本法规定的, 违反本条例的, ……违法行为的): 行政处罚法's 行政处罚由……行政机关管辖 / 实施 (arts. 17, 22, 23) are
#: rules of jurisdiction over every penalty, no one's sanction (code review 13 item 9)
_PENALTIES_BY = re.compile(r"(?:的|其他)[^，。；]{0,8}行政处罚，?$")
#: 由X依照《……》的规定处理: a penalty under another law, wherever the article stands
_PUNISHED_UNDER = re.compile(r"(?:依照|依据|按照)[^。；]{0,80}?规定(?:予以)?(?:处理|处罚|查处)")


#: 由X给予相当于……经费1至3倍的罚款, 由所在单位扣发半年至一年的奖金: a fine or a withheld bonus however long its measure
_FINE_OF = re.compile(r"(?:给予|处以?)[^，。；]{0,40}?罚款|扣发[^，。；]{0,20}?(?:奖金|工资)")


def _agent_modality(x, s: Sentence, p: int, g: Group, vp: str) -> tuple[str, bool] | None:
    """(modality, explicit) of what the agent g does (vp), or None when it is a right."""
    if s.liability and re.match(r"(?:依法)?(?:承担|负责赔偿|赔偿)", vp):
        return "obligation", False      # bears the liability, imposes nothing
    if _ASKS_COURT.match(vp):
        return "obligation", False      # ……期满不起诉又不履行的，由作出决定的机关申请人民法院强制执行: a step it must take, no penalty
    if _PENALTIES_BY.search(s.text, max(s.start, p - 30), p) and not vp.startswith("规定"):
        return "sanction", True         # 本法规定的行政处罚，由……计量行政部门决定: the body that imposes the penalties
        #                                 (……的行政处罚，由国务院规定: the rule-maker, no penalty imposed)
    if s.liability and (SANCTION_V.search(s.text[g.end:min(s.end, g.end + 20)]) or re.match(r"依法|对|将", vp) or
                        # 由公安机关依照《中华人民共和国治安管理处罚法》给予警告……: the law named may be long
                        (re.match(r"依照|按照|根据", vp) and SANCTION_V.search(re.split(r"[，；。]", vp)[0])) or
                        _PUNISHED_UNDER.match(vp) or _FINE_OF.match(vp) or
                        (re.search(r"(?:的|之一)，(?:[^，。；]{0,12}，)?$", s.text[s.start:p]) and
                         liability_chapter(s.art))):
        # outside a chapter of liability, ……逾期仍未召集的，由X组织召集 is X's duty, not a sanction
        return "sanction", True
    if vp.startswith("享有") and not re.search("承担|义务|责任", s.text[g.end:s.end]):
        return "permission", False     # ……的，由制作者享有 (著作权法 (2020) 17 p2, code review 16 item 4): a right it holds, as X享有……
    if re.search(r"选举|推选|推举|参加|出席|讨论|表决|通过|组成|产生|提名|决定|递补|自荐|推荐", vp[:14]) and \
            all(x.reg.kind_of(m.name) == "individual" and not (m.name.endswith(OFFICERS) and _OFFICER_ACTS.match(vp))
                for m in g.mentions):
        return None        # 由居民……选举产生: a right, not a duty (由监察机关负责人决定: the officer's duty)
    return "obligation", False
