"""The subject of a clause, and the subject carried on to the next sentence.

A modal word's subject is the actor group that opens a clause of its sentence (possibly after
a modifier ending in 的), else the one carried over from earlier in the paragraph.  A clause
opened by a condition (有……, 对于……) has no subject; one opened by a pronoun (其, 他们) takes
the last actor that stated something; one whose subject is a place or a thing (居民委员会中……,
修建性详细规划应当……) gets an empty group, so that no actor is carried into it.
"""
from __future__ import annotations

import re

from kb.layers.actors import PERSON_SUFFIXES, PLACE_SUFFIXES, SUFFIXES
from kb.layers.obligations.coordination import (AGENT_HEAD_CHARS, IN_CHARGE_HEAD, IN_CHARGE_STEM, Scanner, bare_ok,
                                                its_departments, responsible)
from kb.layers.obligations.duties import COMPETENCE, TASKS_OF
from kb.layers.obligations.governance import policy
from kb.layers.obligations.modals import MODAL_RE, find_modals, find_yao
from kb.layers.obligations.names import BAD_START, OBJECT_VERBS, STOP_IN_NAME, THING_HEADS, VERB_START2
from kb.layers.obligations.records import Group, Mention
from kb.layers.obligations.sentences import Sentence, segments

#: a clause opening with these words is a condition, not a subject (有五分之一以上的居民……提议，应当……)
_PREFIX_STOP = re.compile(r"应当|可以|不得|必须|向|对(?!象)|由|经|(?<!)从(?!事)|将|把|给|参加|参与|需要")
#: a clause opened by these is a prepositional phrase: the actor in it is its object (对……的单位，应当……)
_PP_START = ("对", "向", "将", "把", "给", "与", "同", "跟")
_COND_START = ("有", "如", "若", "凡", "当", "因", "需要", "涉及", "发生", "违反", "对于", "对", "经", "除", "属于")
#: a condition opened by a preposition (经向……, 因向……): the body it names is the object, whatever 的 precedes it
_COND_PP = re.compile(r"(?:经过?|因|如|若|凡)(?:向|对|将|把|给|由)")
#: the area a body administers (民政部门管辖区域外, 公安机关辖区内, 学校所在地的……): the body names a place
_ITS_AREA = re.compile(r"(?:所|的)?(?:管辖|辖)(?:的)?(?:行政)?(?:区域|范围|地区|地域)|辖区|所在地|行政区域")
#: a short noun (or a list of them) right after an actor, before a modal word or the clause's end
_NOUN_AFTER = re.compile(r"([\u4e00-\u9fff、]{2,12}?)(?=应当|应|必须|须|不得|可以|可|有权)|([\u4e00-\u9fff]{2,4})(?=，)")
#: what happens to a post (缺额, 空缺 …): its holder is not the one who acts then
_VACANCY = re.compile(r"缺额|空缺|出缺|缺位|死亡|辞职|离职|调离|被罢免|被撤销|终止|届满")
#: a person of the body just named (……单位主要负责人, ……单位有关人员)
_PERSON_OF = re.compile(r"(?:有关|主要|其他|相关|项目)?(?:负责人|工作人员|人员|从业人员|职工|员工)")
#: a person's kin (驻外外交人员的未成年子女, 驻外外交人员配偶、子女): the kin is the subject, not the person
_KIN_OF = re.compile(r"的?((?:未成年)?子女|配偶|父母|近亲属|家属|家庭成员)")
#: words opening a prefix that is not a modifier of the noun after it (a preposition, a connective)
#: connectives opening a clause that goes on (……，并……的X: no modifier of X)
_CONNECTIVES = ("并", "且", "而", "也", "还", "又", "再", "以及", "或者")
_NOT_A_MODIFIER = _CONNECTIVES + ("按照", "根据", "通过", "依托", "利用", "参照", "属于", "依照", "依据")
#: a clause that goes on with the predicate of the one before (并标明……, 同时……)
_GOES_ON = ("并", "且", "还", "同时")
#: the end of a clause of time (在……时, 在……后, 在……期间)
_TIME_END = re.compile(r"(?:时|后|前|期间|以后|以前|之前|之后|过程中)$")
#: the state's decision (or its absence) as the time of another's act: 国家决定实施国防动员后，……; 国家没有作出戒严决定时，……
_STATE_DECIDES = re.compile(r"(?:决定|宣布|发布|没有|未)[^，。；]{0,30}?(?:时|后|以后|之后)")
#: how many places of a clause (its start, and after each 的) may open its subject
_TRIES = 4
#: 根据Y确定的清单: the actor acts by what another made (街道办事处根据市人民政府确定的……清单，依法行使……)
_BY_RULE = re.compile(r"根据|依照|按照|依据")
#: what subject_groups' reading of a clause does when an actor only modifies a noun: read on after it
_READ_ON = "read on"

_THAT_HEAD = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:负责人|人员|单位|机构|组织|部门|委员会|企业|当事人|人)")
_ITS_PERSONS = re.compile(r"其(成员|工作人员)")
#: a body's founding or ending as the time of a noun (有限责任公司设立时的股东) or of another's act (有限责任公司设立时，股东未……的)
_AT_ITS_FOUNDING = re.compile(r"(?:设立|成立|解散|清算|合并|分立|终止|破产)(?:时|前|期间)的")
#: 其职能部门 (as 及其职能部门): the departments of the actor named before; 其主管部门 is another body's
_ITS_DEPTS = re.compile(r"其(?:有关|相关|(职能|所属)各?)?部门")
_ITS_MODAL = re.compile(r"其[^，。；]{0,3}(应当|应|必须|不得|可以|可|有权)")
#: 其主要职责是：, 其任务为：: the lead-in of the duties of the actor just named
_ITS_TASKS = re.compile(r"其(?=(?:主要|基本)?(?:任务|职责)(?:[：:是]|为[：:]))")
_MODAL_SOON = re.compile(r"[^，。；]{0,3}(?:应当|应|必须|不得|可以|可|有权|负责)")
# (one body named by its charge, before its act: the stem and head of coordination's IN_CHARGE_OF, which reads several)
_IN_CHARGE_OF = re.compile(r"%s%s(?=，|应当|负责|可以)" % (IN_CHARGE_STEM, IN_CHARGE_HEAD))
#: what follows a subject before its act (a modal word, a comma, an adverbial)
_BEFORE_ITS_ACT = re.compile(r"，|应当|应|必须|不得|可以|可|有权|负责|在|依法|按照|依照|根据|对|会同")


def _bodies_in_charge(sc: Scanner, text: str, k: int) -> Group | None:
    """The bodies a charge names at k when more than one (……的部门或者机构; ……的部门和其他有关部门; ……的部门、海事管理机构),
    right before their act; one such body alone is _IN_CHARGE_OF's."""
    ic = sc.in_charge(text, k)
    if ic is None or len(ic.mentions) < 2 or not _BEFORE_ITS_ACT.match(text, ic.end):
        return None
    return ic
#: an actor that sets up, runs or appoints the body named after 的 (政府设立的公共图书馆)
_CREATED_BY = re.compile(r"(?:依法)?(?:(?:设立|举办|开办|兴办|创办|组建|成立|设置|建立|运营|委托|指定|聘用|聘任|选聘|确定)"
                         r"(?:或者|和|、|或|并)?)+的")      # 确定或者组建的法律援助机构
_SHORT_MODIFIER = re.compile(r"([^，。；的]{1,6})的")
#: a condition the actor opens with a short act (受托人辞任的，……仍应……; 涉密人员离岗离职的，应当……; 企业合并的，应当……):
#: its 的 closes the clause, no noun follows it to be modified — the actor is the subject the next clause carries
#: (issue 11, eighteenth session: the largest cause of the tuning set's duties whose act was read with no party — 81 of
#: 284 stood before a clause ending in 的 / 时 — was X + ≤4 characters + 的 read as a modifier, the rule for 居民公约的内容 /
#: 政府投资兴办的…… applied to a whole clause; tests/data/obligations/README.md). Not when the act is the actor's
#: violation (人民警察违犯警纪的，可以给予……处分; 施工单位拒不改正的，可以要求暂停施工: the duty is the body's
#: that acts on it), a change or a death that happens to the actor (法定代表人变更的，应当……备案 is the company's; 子女死亡的，
#: 可以再生育 the parents'), nor when the name is a verb's object that discovery read as a name (被吊销公证员执业证书的,
#: 处理个人信息的, 查询他人信用状况的: the clause has no subject) or holds a number (公告满九十日仍无人领取的)
_SUFFERED = re.compile(r"违犯|(?:严重)?违法|另有|无法|(?:发生)?(?:变更|变化)|死亡|失踪|已?被|不明确|人数")
_VERB_BEFORE_PARTY = ("被", "查询", "取得", "达到", "挪用", "侵害", "处理", "强制", "出售", "教唆", "发行", "公开发行", "可能",
                      "致使", "导致", "无法", "依据", "属", "严重", "跨", "征收", "接到", "从", "冒用", "而", "本", "没有", "具备")
#: persons a proceeding is about (犯罪嫌疑人自愿认罪的，应当记录在案; 犯罪嫌疑人已被逮捕的，应当立即释放): the organ acts
_PROCEEDED_AGAINST = ("犯罪嫌疑人", "被告人", "罪犯", "被告", "被申请人", "被执行人")
#: (a name discovery made with a body's head of one character — 患病住院治疗的, 进出口商用密码的 — is no actor's: the clause
#: opens with the condition's act, not with a party)
_ONE_CHARACTER_HEADS = tuple(h for h in SUFFIXES if len(h) == 1)
_STATED_BEFORE = re.compile(r"应当|可以|不得|必须|有权")
#: the next clause names its own party or thing before its modal word (个人独资企业解散的，财产应当按照下列顺序清偿; 招标人设有标底
#: 的，标底必须保密): the condition's actor is not carried
_OWN_SUBJECT_NEXT = re.compile(r"，(?![还也均都仍并即应可须必不])[\u4e00-\u9fff]{1,4}(?:应当|必须|不得|可以)")


#: X有……的义务 / 权利 with a short act (赡养人有维修的义务, 任何单位和个人都有节水的义务, 公民有生育的权利): the predicate that
#: states X's duty or right (duties._HAS), not a short modifier of a noun after 的 (issue 11, engineer 11c: 10 gold duties of
#: the tuning set were lost when the act had four characters or fewer)
_HAS_SHORT = re.compile(r"(?:都|均|也|同时)?有(?!关|权)[^，。；的]{1,4}的(?:权利和义务|权利|义务|责任|职责)(?=[，。；]|$)")
_CONDITION_DE = re.compile(r"[^，。；的]{1,20}的")
_MODAL_IN = re.compile(r"应当|可以|不得|必须")
_NEXT_MARK = re.compile("[的，、]")
_MADE_THING = re.compile(r"([^，。；的]{1,10})的[\u4e00-\u9fff]{1,12}")
_DIGIT = re.compile(r"[0-9一二三四五六七八九十百千]")
#: a violation that opens a condition (……单位超过允许的……范围使用……的，由……): not a modifier of a noun after the actor
_VIOLATES = re.compile(r"超过|违反|擅自|拒不|拒绝|逾期|未|不按|非法")
_ACTS_IN = re.compile(r"应当|应|必须|不得|可以|可|有权|负责|对|向|在|按照|依照|依据|根据|依法|从事|协助")
_MODAL_CHAR = re.compile(r"[应可须]")
_CLAUSE_END = re.compile(r"[，。；：]|$")
_DE_THING = re.compile(r"[^，、]{1,20}的[\u4e00-\u9fff]{1,6}")


def _thing(head: str) -> bool:
    """修建性详细规划 (应当……): a short noun phrase naming a thing, not a body."""
    return 2 <= len(head) <= 14 and head.endswith(THING_HEADS) and not STOP_IN_NAME.search(head.replace("、", "")) \
        and "，" not in head and not any(v in head for v in VERB_START2)


def subject_groups(sc: Scanner, text: str, a: int, b: int, carried: Group | None,
                   last_stmt: Group | None) -> list[tuple[int, Group]]:
    """Actor groups that open a clause of text[a:b] (possibly after a modifier ending in 的), each with
    the position where it was found."""
    out: list[tuple[int, Group]] = []
    run: list[int] = []         # the indexes in out of the subjects of the clauses just before, none with a modal word
    parties: list[int] = []     # the same, of the clauses just before that are nothing but parties (A，B，C，可以……)
    for ca, cb in segments(text[a:b], "，：,"):
        ca += a
        cb += a
        if len(run) > 1 and _SOME_OF_BELOW.match(text, ca, cb):
            _one_condition(out, run)
        if text.startswith(_COND_START, ca) and not sc.lexicon(text, ca) and \
                not text.startswith(("有关", "有权"), ca):
            run = []
            parties = []
            rel = _condition_head(sc, text, ca, cb)    # 需要志愿服务的组织或者个人可以……
            if rel is None and _DUTY_TOWARDS.match(text, ca):
                g = _relative_head(sc, text, ca, cb)   # 对养老机构负有管理和监督职责的部门……
                rel = (ca, g) if g is not None else None
            if rel is not None:
                out.append(rel)
            continue
        found = _clause_subject(sc, text, ca, cb, out, carried, last_stmt) or _party_of_its_time(sc, text, ca, cb) or \
            _thing_subject(text, a, b, ca, cb) or _bare_subject(sc, text, ca, cb)
        if found is not None and found[1].mentions and not MODAL_RE.search(text, ca, cb):
            run.append(len(out))
        else:
            run = []
        opens_modal = _opens_modal(text, ca, found)
        if parties and opens_modal:
            found = _one_subject(out, parties, found)
        if found is not None and found[1].mentions and found[1].start == ca and found[1].end == cb and not opens_modal \
                and (parties or ca == a) and "的" not in text[ca:cb] and all(map(_a_party, found[1].mentions)):
            # (from the sentence's first clause, and no party modified by a clause: 补选……主席、副主席，乡长、副乡长，……，应当
            # 召开……会议 — the parties are 补选's objects; 具备……条件的非居民用水户，水务部门应当…… — a topic, the body acts;
            # bodies and persons, not places or a verb's object: 新建、扩建城市道路、车站……等公共活动场所，业主应当……, 迁移国家
            # 基本水文测站，相应水文机构应当……)
            parties.append(len(out))
        else:
            parties = []
        if found is not None:
            out.append(found)
    return out


#: a body's or a person's head (not a place's: 车站, 商场, 码头 — the things a builder builds)
_PARTY_HEADS = tuple(h for h in SUFFIXES if h not in PLACE_SUFFIXES) + PERSON_SUFFIXES
#: the verbs of building or moving a thing, or electing a person, that open a list of their objects
_MAKES = ("新建", "扩建", "改建", "迁建", "迁移", "拆除", "补选", "选举", "罢免")


def _a_party(m: Mention) -> bool:
    """A name kb knows, or a body's or a person's, not opened by a verb (迁移国家基本水文测站)."""
    return m.known or (m.name.endswith(_PARTY_HEADS) and not m.surface.startswith(VERB_START2 + _MAKES))


def _opens_modal(text: str, ca: int, found) -> bool:
    """Does the clause at ca open with its modal word (，可以……), or with a party right before it (，最高人民检察院可以……)?"""
    if found is None:
        return MODAL_RE.match(text, ca) is not None
    return found[1].mentions and found[1].start == ca and MODAL_RE.match(text, found[1].end) is not None


def _one_subject(out: list[tuple[int, Group]], idx: list[int], found):
    """全国人民代表大会主席团，……，最高人民法院，最高人民检察院，可以向全国人民代表大会提出……议案; 市和区人民政府及其所属部门，
    企业、事业单位，应当……: clauses that are nothing but parties, joined by commas, are one subject of the modal word after
    them (kb gave it the last of them alone: engineer 11m, nineteenth session)."""
    groups = [out[i][1] for i in idx] + ([found[1]] if found is not None else [])
    merged = Group([m for g in groups for m in g.mentions], groups[0].start, groups[-1].end)
    if found is not None:
        return found[0], merged      # the clause's own subject (……，最高人民检察院可以……) stands for them all
    out[idx[-1]] = (out[idx[-1]][0], merged)     # (……，企业、事业单位，应当……: the last party's clause does)
    return None


#: a condition list's clause (有下列情形之一的) after the persons it is about
_SOME_OF_BELOW = re.compile(r"有下列[^，。；：]{0,8}之一的$")


def _one_condition(out: list[tuple[int, Group]], run: list[int]) -> None:
    """X……，Y……，有下列情形之一的，…… (预备役人员法 (2022) 53, 54: 预备役军官、预备役军士服……，预备役兵服……，有下列情形之一的，不得退出
    预备役): the condition is each party's, so the last clause's subject stands for them all, not alone (code review 23
    finding 5)."""
    groups = [out[i][1] for i in run]
    last = run[-1]
    out[last] = (out[last][0], Group([m for g in groups for m in g.mentions], groups[0].start, groups[-1].end))


#: a noun the lexicon does not know, alone before the modal word of its clause (华侨可以……, 用水户应当……, 电视台应当……) or
#: the right it enjoys (少数民族公民享有……权利: duties._enjoys)
_BARE_SUBJECT = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?=应当|必须|不得|可以|有权|(?:依法)?享有(?!的))")


#: no party of its own: a pronoun or a count (前者, 其他, 两人), the bare sides of a relation (双方, 一方: who they are is said
#: elsewhere — not the sides the relation names, 供用水双方, 医患双方, 合作各方, which the gold files record as parties:
#: engineer 11o; one side, 任何一方, 另一方, is one of the parties named before, whom the clause carries), society, a count,
#: a coordination, a verb ending in 工 (竣工, 施工) or in another head's character (代履行, 开庭), a thing (阅览座位), a place
#: in a thing (评标规则中)
_NOT_BARE_SUBJECT = re.compile(r"^[本他其该各此前后或再每某两二三四五六七八九十百千万全个]|^(?:授权|建造|代履行)|^[双各对多]方$|一方$|社会$|每|[和及或与]|(?<![职员民技])工$|"
                               r"(?<!银)行$|(?<!单)位$|(?<![家法])庭$|中$")


#: the sides of a relation named by it (供用水双方, 合作各方): a party's name of 3 to 6 characters
_SIDES = re.compile(r"^[\u4e00-\u9fff]+[双各]方$")
#: a bare noun's predicate that makes it a thing acted on (城市生态公园应当确定为永久保护绿地, 调配处方应当经过核对)
_ACTED_ON = re.compile(r"确定为|认定为|划定为|划为|列为|列入|纳入|经过?(?:核对|审核|审查|批准|审批|检验|检测|验收|鉴定|论证|评估)")
#: adverbs of duration, whose last character a person's name could end in (终生不得重新取得……)
_DURATION = ("终生", "终身", "毕生", "一生", "永久", "长期")


def _bare_subject(sc: Scanner, text: str, ca: int, cb: int) -> tuple[int, Group] | None:
    """(position, group) of a party no head names, standing alone before the clause's modal word: a noun whose last
    character is a body's, a place's or a person's (户, 台, 侨, 属 …), not a verb and its object (确定当事人应当提供的
    证据, 警示用户不得……: names.py's verbs), a condition, a thing acted on (城市生态公园应当确定为……, 调配处方应当经过核对)
    nor an adverb of duration (终生不得……)."""
    m = _BARE_SUBJECT.match(text, ca, cb)
    if m is None:
        return None
    n = m.group(1)
    if _SIDES.search(n):
        # 委托双方, 合作各方, 供用水双方: the relation names its sides by its act (委托, 合作 are verbs, which the checks
        # below refuse in any other name); the words before the side stay a name's
        if _NOT_BARE_SUBJECT.search(n) or "的" in n or STOP_IN_NAME.search(n) or \
                n.startswith(_COND_START + _PP_START + _CONNECTIVES + BAD_START) or _ACTED_ON.match(text, m.end() + 2):
            # (……，但双方应当……: the sides of the parties before, after 但)
            return None
    elif n[-1] not in AGENT_HEAD_CHARS or not bare_ok(n) or n.startswith(_COND_START + _PP_START + _CONNECTIVES) or \
            _NOT_BARE_SUBJECT.search(n) or n in _DURATION or n.startswith(OBJECT_VERBS) or \
            _ACTED_ON.match(text, m.end() + 2):
        return None
    c = sc.reg.canonical(n)
    return ca, Group([Mention(c, n, ca, m.end(1), known=sc.reg.is_known(c))], ca, m.end(1))


#: 实施检查的部门、人员, 接到举报的部门: a generic head named by what it does (a relative clause)
_GENERIC = r"(?:企业事业组织|企业事业单位|事业单位|部门|单位|机构|组织|人员|机关|个人|企业|场所|举办者|经营者|管理者|使用者|所有者|主办者|承办者|" \
           r"组织者|运营者|负责人|公民|最终用户|用户|主办方)"
_GENERIC_RE = re.compile(_GENERIC)
_RELATIVE_HEAD = re.compile(rf"([^，。；：]{{2,40}}?)的({_GENERIC}(?:(?:、|和|或者|及)(?:其他)?{_GENERIC})*)"
                            r"(?=应当|应|必须|须|不得|可以|可|有权|负责|对|在|依法|按照|应|，|以及|$|"
                            r"有(?:下列|以下)|违反|不依法|不履行|未|及其工作人员)")       # 负有……职责的部门、单位不依法履行……的
#: 拒绝、阻碍国务院期货监督管理机构或者国务院授权的部门……的: verbs done to a body (an obstruction), whose object the relative
#: clause and its head are part of — the head is the obstructed body, not the subject (期货和衍生品法 149, code review 22);
#: 拒绝接受检查的单位 is the refuser (no body after the verbs)
_DONE_TO = re.compile(r"(?:拒绝|阻碍|阻挠|妨碍|干扰|干涉|威胁)(?:(?:、|和|或者|或)(?:拒绝|阻碍|阻挠|妨碍|干扰|干涉|威胁))*")
#: 对……负有……职责的部门: a relative clause may open with the 对 of the duty it names
_DUTY_TOWARDS = re.compile(r"对[^，。；：]{1,20}?(?:负有|负责|承担)")


def _relative_head(sc: Scanner, text: str, ca: int, cb: int) -> Group | None:
    """The actors of a clause opened by a relative clause and a generic head, one per head (实施检查的
    部门、人员 → 实施检查的部门, 实施检查的人员).  A clause opened by 由 names the agent as the 由-rule reads it (由单位的负责人负责:
    负责人; 由占用耕地的单位负责开垦……；……应当缴纳……: 单位), never a party named 由单位的负责人 (code review 21 item 2)."""
    if ca >= 0 and text.find("的", ca + 2, min(ca + 41, cb)) < 0:
        return None       # (the clause's 的 stands 2 to 40 characters in: most clauses have none)
    m = _RELATIVE_HEAD.match(text, ca, cb)
    if m and m.group(1).startswith("由"):
        g = sc.agent(text, ca + 1)
        return g if g is not None and g.mentions else None
    if not m or (m.group(1).startswith(_PP_START + _COND_START) and not _DUTY_TOWARDS.match(m.group(1))) or \
            _MODAL_IN.search(m.group(1)) or \
            m.group(1).count("（") > m.group(1).count("）"):
        return None       # (设立……机构（含兼营……业务的单位，下同），应当……: the head inside a bracket names no subject)
    done_to = _DONE_TO.match(text, ca, m.end(1))
    if done_to and sc.group(text, done_to.end(), discover=True) is not None:
        return None       # 拒绝、阻碍国务院……机构或者国务院授权的部门: the obstructed body is the verbs' object
    mentions = []
    for head in _GENERIC_RE.findall(m.group(2)):
        name = f"{m.group(1)}的{head}"
        c = sc.reg.canonical(name)
        mentions.append(Mention(c, name, ca, m.end(), known=sc.reg.is_known(c)))
    end = m.end()
    if text.startswith("及其工作人员", end):    # 对养老机构负有管理和监督职责的部门及其工作人员……的: the staff too
        c = sc.reg.canonical("工作人员")
        mentions.append(Mention(c, "工作人员", end + 2, end + 6, known=sc.reg.is_known(c)))
        end += 6
    if text.startswith("以及", end):       # ……活动的举办者以及……场所的经营者
        more = _relative_head(sc, text, end + 2, cb)
        if more is not None:
            mentions += more.mentions
            end = more.end
    return Group(mentions, ca, end)


def _condition_head(sc: Scanner, text: str, ca: int, cb: int):
    """A clause opened like a condition (有……, 需要……) whose 的 makes a noun: the noun's head is the
    subject (需要志愿服务的组织或者个人可以……; 有良好志愿服务记录的志愿者有需要时，有权……)."""
    m = _CONDITION_DE.match(text, ca, cb)
    if m is None or m.end() >= cb or text.startswith(_PP_START, ca):
        return None
    g = sc.group(text, m.end(), discover=True) or _relative_head(sc, text, ca, cb)
    if g is None or not g.mentions:
        return None
    rest = text[g.end:cb]
    if rest and not MODAL_RE.match(rest) and _COND_PP.match(text, ca):
        return None      # 经向……的民政部门报告……后: the body the preposition names receives the act, it does not act
    if not rest or MODAL_RE.match(rest) or rest.endswith(("时", "后")) or rest.startswith("有权"):
        return ca, g
    return None


#: a number of persons acting jointly (代表十人以上联名, 五分之一以上代表联名): who they are follows the number, or
#: stands before it
_JOINTLY = re.compile(r"(?:[一二三四五六七八九十百0-9]+人|[一二三四五六七八九十]+分之[一二三四五六七八九十]+)以上的?"
                      r"(代表|委员|组成人员)?联名，?")
#: the characters _JOINTLY may open with
_JOINTLY_FIRST = frozenset("一二三四五六七八九十百0123456789")


def _deputies(text: str, ca: int, cb: int) -> tuple[int, Group] | None:
    """代表应当……, 代表十人以上联名可以……, 五分之一以上代表联名，可以……: a congress's deputies, whom its texts call 代表
    (a verb elsewhere: 代表国家行使……), as the subject of a modal word."""
    if ca >= 0 and text[ca:ca + 1] not in _JOINTLY_FIRST and not text.startswith("代表", ca):
        return None           # (neither a number nor 代表 opens the clause: most clauses)
    m = _JOINTLY.match(text, ca)
    if m and m.group(1) == "代表" and (m.end() == cb or MODAL_RE.match(text, m.end())):
        k = m.start(1)
    elif text.startswith("代表", ca) and not text.startswith(("代表大会", "代表团"), ca):
        j = _JOINTLY.match(text, ca + 2)
        after = j.end() if j else ca + 2
        if not (MODAL_RE.match(text, after) or (j and after == cb)):
            return None
        k = ca
    else:
        return None
    return k, Group([Mention("代表", "代表", k, k + 2)], k, k + 2)


#: a condition or a time closing the clause 但 opens, before the modal word (……，但当事人未申请人民调解的，应当……; 但犯罪
#: 嫌疑人……在押期间，应当……): the name after 但 is that clause's, not the subject of the modal word
_BUT_CONDITION = re.compile(r"[^。；]*?(?:的|期间|时|后|前)，")
#: a thing bounded after 但 (但提高的部分不得超过……, 但延长的期限不得超过……)
_BUT_BOUND = re.compile(r"[^，。；]{1,14}的(?:部分|数额|金额|比例|幅度|期限|税额|标准|总额|时间)(?=不得|应当|最长|最高|最多)")
#: a two-character person's name and the right it holds (……由制作者享有，但作者享有署名权……: 著作权法 (2020) art. 17 p2)
_BUT_PERSON_RIGHT = re.compile(r"[\u4e00-\u9fff][者人](?:享有|有权)")


def _named_after_but(sc: Scanner, text: str, k: int) -> bool:
    """Does a name open the clause right after its 但 / 但是 (但代表人变更……, not 但是须经……同意 or 但与……的失业人员)?
    Not when a condition or a time clause stands between the name and its modal word (……，但当事人未申请人民调解的，
    应当主动告知……: the committee named before tells; code review 15) — unless the name judges (但X认为……的，应当……) —
    nor 最长 / 最高 (但最长不得超过……: a bound)."""
    if MODAL_RE.match(text, k) or text[k:k + 1] in "，对向由经将把为在与同按依根通其最":
        return False
    g = sc.group(text, k, discover=True)
    if g is None or g.start != k:
        return False
    if text.startswith(("认为", "发现"), g.end):
        return True       # ……，但精神科医师认为患者不宜出院的，应当告知理由: the one who judges acts on the judgment
        #                   (北京市精神卫生条例 art. 30 p3, tuning)
    mm = MODAL_RE.search(text, g.end)
    cond = _BUT_CONDITION.match(text, g.end)
    return not (cond and (mm is None or cond.end() <= mm.start()))


#: a body's act setting another up, closing a relative clause before the body set up (……设立的国有资产监督管理机构)
_SET_UP_BY = re.compile(r"(?:(?:按照|依照|根据)[^，。；、]{1,16}?|[^，。；、的]{0,8}?)(?:设立|设置|成立|组建)的")


_BODIES_SET_UP = ("机构", "部门", "机关", "委员会", "办公室", "中心")


def _made_by_last(sc: Scanner, text: str, g: Group, cb: int) -> Group | None:
    """A和B按照……设立的C，……: the last conjunct (or every conjunct) sets up the body named after it, which is the party (企业国有资产法 (2008) 11
    p1 国务院国有资产监督管理机构和地方人民政府按照国务院的规定设立的国有资产监督管理机构，……履行出资人职责: the local
    国有资产监督管理机构, not 地方人民政府; code review 16), when that body ends the clause."""
    m = _SET_UP_BY.match(text, g.end)
    if m is None or m.end() >= cb:
        return None
    h = sc.group(text, m.end(), discover=True)
    if h is None or len(h.mentions) != 1 or not h.mentions[0].name.endswith(_BODIES_SET_UP) or h.end != cb:
        return None
    same = [x for x in g.mentions[:-1] if x.name == h.mentions[0].name]
    # (市和区、县人民政府设立的动物疫病预防控制机构: every conjunct sets it up, the body alone is the party; 国务院……机构和地方人民
    # 政府……设立的……机构: a body of the same name stands beside it)
    return Group(same + h.mentions, g.start if same else h.start, h.end)


def _clause_subject(sc: Scanner, text: str, ca: int, cb: int, out, carried, last_stmt):
    """(position, group) of the actor that opens the clause text[ca:cb], or None."""
    if text.startswith("其中", ca) and not text.startswith("其中的", ca):
        ca += 2          # 其中专业技术人员可以……: "among them", a connective, not 其 + 中专业技术人员
    elif text.startswith(("但是", "但"), ca) and not text.endswith("除外", ca, cb):
        k = ca + (2 if text.startswith("但是", ca) else 1)
        bound = _BUT_BOUND.match(text, k)
        if bound:
            return ca, Group([], ca, bound.end())    # ……，但提高的部分不得超过……: a bound on a thing (耕地占用税法 (2018)
            #                                          art. 5, round 21: the gold has no actor; the provinces were carried)
        if text.startswith(("最长", "最短", "最多", "最高", "最低"), k) and MODAL_RE.match(text, k + 2):
            return ca, Group([], ca, k + 2)    # ……约定，但最长不得超过……年限: a bound on the term, no party's (公路法 (2017)
            #                                    art. 60 p3 gave 最长, with the fix above the body that agrees the term)
        if _BUT_PERSON_RIGHT.match(text, k):
            name = sc.reg.canonical(text[k:k + 2])     # ……由制作者享有，但作者享有署名权……: the author holds the right
            return k, Group([Mention(name, text[k:k + 2], k, k + 2, known=sc.reg.is_known(name))], k, k + 2)
        if _named_after_but(sc, text, k):
            ca = k    # ……，但代表人变更、放弃诉讼请求……，必须经……同意: a connective before the subject, not a name 但代表人
            #   (民事诉讼法 arts. 56-57, code review 14 item 12); not in an exception (……，但国务院对批准机关另有规定的
            #   除外: no party's duty)
    if text.startswith("是", ca) and not text.startswith("是否", ca):
        return None      # ……由……组成，是本农村集体经济组织的权力机构，依法行使……: a copula's predicate, no subject (the
        #                  clause before names who acts)
    deputies = _deputies(text, ca, cb)
    if deputies is not None:
        return deputies
    if text.startswith("负责", ca):
        ic = _bodies_in_charge(sc, text, ca)      # 负责航道管理的部门、海事管理机构应当……
        if ic is not None and ic.end <= cb:
            return ca, ic
    first = sc.group(text, ca, discover=True)
    if first is not None and len(first.mentions) > 1:
        made = _made_by_last(sc, text, first, cb)
        if made is not None:
            return ca, made
    if (first is None or (text.startswith("的", first.end) and not first.mentions[0].known)) and \
            not text.startswith(("其", "该", "他们", "它们"), ca):
        # 进入医院的人员应当……: what discovery took for a name (进入医院) is the relative clause of a generic head
        rel = _relative_head(sc, text, ca, cb)
        if rel is not None:
            return ca, rel
    k = ca
    tries = 0
    while k < cb:
        if k == ca or text[k - 1] == "的":
            if k > ca and _CLAIMS.search(text, ca, k):
                return None      # ……，第三人有权选择请求公司或者公司设立时的股东承担: the claim's object, not a subject
            tries += 1
            if tries > _TRIES:
                return None      # a subject stands early in its clause: a long one holds none
            if k == ca and (text.startswith(("他们", "它们"), k) or (text.startswith("其", k) and
                                                                not text.startswith("其他", k) and
                                                                not sc.lexicon(text, k))):
                return _pronoun_subject(sc, text, k, out, carried, last_stmt)
            if text.startswith("该", k):
                that = _that_one(sc, text, k)
                if that is not None:
                    return k, that
            g = sc.group(text, k, discover=True)
            if g and g.end <= cb:
                found = _opening(sc, text, ca, cb, k, g)
                if found is not _READ_ON:
                    return found
                k = g.end
                continue
        if text[k] in "对向由经将把为在与同按依根通" and (k == ca or text[k - 1] in "，、"):
            return None
        # the next place either test above can hold at: right after a 的, 、 or ，
        m = _NEXT_MARK.search(text, k, cb)
        if m is None:
            return None
        k = m.end()
    return None


#: a party's claim before a 的-head of its clause (有权请求, 有权选择请求, 有权要求): the head is what the claim is made on, the
#: party it asks to act owes nothing by this clause (公司法 (2023) 44 p3, code review 21 item 2)
_CLAIMS = re.compile(r"有权(?:选择)?(?:请求|要求)")
#: verbs and marks after which a body or a post is named (设置安全生产工作负责人职务 → 安全生产工作负责人)
_NAMED_AFTER = re.compile(r".*(?:设置|配备|设立|聘任|聘用|选聘|指定|确定|委托|成立|组建|明确|的|、|，|和|或者)")


def _that_one(sc: Scanner, text: str, k: int) -> Group | None:
    """该X at k: X, with the words that named it earlier in the text (该负责人 after 设置安全生产工作
    负责人职务 is 安全生产工作负责人)."""
    g = sc.group(text, k + 1, discover=True)
    if g is None:
        r = _THAT_HEAD.match(text, k + 1)
        if r is None:
            return None
        c = sc.reg.canonical(r.group(0))
        g = Group([Mention(c, r.group(0), k + 1, r.end(), known=sc.reg.is_known(c))], k + 1, r.end())
    if len(g.mentions) != 1:
        return g
    head = text[k + 1:g.end]
    j = text.rfind(head, 0, k)
    if j > 0 and not g.mentions[0].known:
        before = text[max(0, j - 10):j]
        m = _NAMED_AFTER.match(before)
        words = before[m.end():] if m else before
        if 2 <= len(words) <= 8 and not STOP_IN_NAME.search(words):
            name = sc.reg.canonical(words + head)
            g = Group([Mention(name, head, k + 1, g.end, known=sc.reg.is_known(name))], k, g.end)
    return g


def _pronoun_subject(sc: Scanner, text: str, k: int, out, carried, last_stmt):
    """其, 他们, 它们 at k: the actor named after 其, 其成员 of the previous subject, or the group of
    the last statement."""
    g = None
    m = _ITS_DEPTS.match(text, k)
    prev = next((g0 for _, g0 in reversed(out) if g0.mentions), carried or last_stmt)
    if m and prev is not None and prev.mentions:       # 其职能部门: the actor named before has them
        return k, Group([Mention(its_departments(m.group(1)), m.group(0), k, m.end(),
                                 [lv for x in prev.mentions for lv in x.levels])],
                        k, m.end())
    g_after = sc.group(text, k + 1, discover=False) if text.startswith("其", k) else None
    if g_after is not None and not _ITS_PERSONS.match(text, k):
        more = sc.group(text, k + 1, discover=True)
        if more is not None and len(more.mentions) > len(g_after.mentions) and more.end > g_after.end and \
                _MODAL_SOON.match(text, more.end):
            return k, more       # 其父母或者其他法定监护人应当……: the list goes on past the lexicon's names
        return k, g_after
    if text.startswith("其", k) and not _ITS_PERSONS.match(text, k):
        g_after = responsible(sc, text, k + 1)      # ……，其直接负责的主管人员和其他直接责任人员十年内不得……
        if g_after is not None and MODAL_RE.search(text[g_after.end:_CLAUSE_END.search(text, g_after.end).start()]):
            return k, g_after     # (not ……其直接负责的主管人员……属于国家工作人员的，由……: a condition on the persons)
        g_after = sc.group(text, k + 1, discover=True)     # 其安全生产管理机构以及安全生产管理人员应当……
        if g_after is not None and not g_after.mentions[0].known and not text.startswith("中", g_after.end) and \
                _MODAL_SOON.match(text, g_after.end + text.startswith("，", g_after.end)):
            return k, g_after    # (……，其家属、监护人或者代理人，应当……申报: 出境入境管理法 (2012) 40 p2, code review 18 item 7 —
            #                      a list opening with a name the lexicon lacks, its modal word after a comma; not
            #                      ……，其领导成员和工作人员中应当配备……: among them, the body's duty — review 20)
    if text.startswith("其", k):
        m = _ITS_PERSONS.match(text, k)
        prev = next((g0 for _, g0 in reversed(out) if g0.mentions), carried)
        if m and prev is not None and prev.mentions and not text.startswith("的", m.end()):
            # 其成员 are the members of the body named before, 其工作人员 its staff, as ……及其成员 / 及其工作人员 read
            # (coordination.Scanner._group; code review 10 item 10: 其成员 gave the body itself)
            base = prev.mentions[0].name
            if base.endswith(m.group(1)):
                base = base[:-len(m.group(1))]      # 有限责任公司董事会成员为……，其成员中……: the members, not 董事会成员成员 (公司法 (2023) 68)
            name = sc.reg.canonical(base + m.group(1))
            if not sc.reg.is_known(name) and m.group(1) != "成员":
                name = sc.reg.canonical(m.group(1))
            g = Group([Mention(name, m.group(0), k, m.end(), known=sc.reg.is_known(name))], k, m.end())
        elif (_ITS_MODAL.match(text, k) or _ITS_TASKS.match(text, k)) and last_stmt:
            g = Group([Mention(x.name, "其", k, k + 1, x.levels) for x in last_stmt.mentions],
                      k, k + 1)
        else:
            g = Group([], k, k + 1)       # 其家属聚居区: not an actor
    elif last_stmt is not None:
        g = Group([Mention(x.name, "他们", k, k + 2, x.levels) for x in last_stmt.mentions],
                  k, k + 2)
    return (k, g) if g else None


#: what closes a condition X……的 that is a noun phrase (处理个人信息的, 取得教师资格的, 侵害医务人员合法权益的: the one who does it
#: is unnamed, 个人 / 教师 / 医务人员 are its object)
_NOUN_CLOSES = THING_HEADS + ("状况", "要求", "证书", "权益", "权", "资格")
#: a condition on the party that another acts on: a breach or its correction (人民警察违犯警纪的，可以给予……处分; 施工单位拒不改正的，
#: 可以要求暂停施工; 当事人改正的，应当及时通知……: the body that ordered it),
#: the party's state or end (专职消防队确需撤销的, 相关人员无法联系的, 职工人数较多的, 子女死亡的, 犯罪嫌疑人已被逮捕的,
#: 当事人无异议的), or the party is what changes (（四）法定代表人或者主要负责人变更的，应当……备案: the unit of the
#: lead-in reports it; 单位用户地址变更的 is the user's thing)
#: (not 终止: a body that ends acts on its end — 产生工业固体废物的单位终止的，应当在终止前……采取污染防治措施 (固体废物污染环境
#: 防治法 41), 幼儿园终止的，应当依法进行清算, 养老机构变更或者终止的 (laonianren 46's gold); code review 25 finding 3)
_OTHERS_ACT = re.compile(r"违|拒|未|不|无|没有|逾期|改正|确需|撤销|注销|死亡|失踪|(?:变更|变动|调整)$|.*(?:较多|较少|被)")
#: the party's own answer to what was done to it (申请人不服的，可以申请复审; 当事人有异议的，可以……: 商标法 34, 35 p2, 种子法 18;
#: 旅游者不同意的，可以解除合同: 旅游法 63 p2), or a party of many that chooses who acts for it (当事人一方人数众多的，可以推选代表人:
#: 农村土地承包经营纠纷调解仲裁法 19): it acts in the clause after, though 不 or 人数 opens the act.  Not 不服从 (当事人不服从的，
#: 可以强制执行; 驾驶人不服从交通警察指挥的，可以处警告): a breach, the body acts on it (code review 26 finding 10)
_ITS_ANSWER = re.compile(r"不服(?!从)|有异议|不同意|人数众多")
#: a public body's order or notice to the party in the sentence before (执法机关应当责令当事人限期改正。当事人改正的，……;
#: 行政机关应当告知当事人。……): the party's answer is what the body acts on (code review 25 finding 2)
_ORDERS = ("责令", "告知", "通知")         # (书面通知, 书面告知 too)


#: the end of a clause of time that opens with its party (……接到……的通知后, ……认为必要的时候)
_ITS_TIME_END = re.compile(r"(?:时|时候|后|以后|之后)$")
#: a bare head after a 的 of that clause: the party the clause is about (……授权的机构, ……指定的单位)
_BARE_BODY = ("机构", "单位", "部门", "组织", "机关")


def _party_of_its_time(sc: Scanner, text: str, ca: int, cb: int) -> tuple[int, Group] | None:
    """(position, group) of the party that opens a clause of time whose act holds a 的 (网络用户接到转送的通知后，可以……;
    户口登记机关认为必要的时候，可以……; 预备役军官接到征召的通知后，必须……), when the modal clause follows right after it.
    _opening read the party as the modifier of the noun after that 的 (居民公约的内容) and no party stood after it, so the
    clause was a thing's (_DE_THING) and the modal word got none: the party is the time clause's actor and the subject
    the modal clause carries (issue 11, twentieth session: the tuning set's subjects not found).  Not when a party
    stands after a 的 of the clause (its 工作人员 act then: _clause_subject reads it), when the clause opens with the
    party's thing (X的Y……后: _opening's), when what happens is no act of the party's (_not_its_act: ……变更后, 死亡后) or
    befalls a post (_VACANCY: 缺额时 — who elects acts), nor when discovery ran over a verb and its object (发行公司债券的
    ……, 发起人认足公司章程……: the corpus diff's two wrong records)."""
    if not (_ITS_TIME_END.search(text, ca, cb) and text.startswith("，", cb) and MODAL_RE.match(text, cb + 1)):
        return None
    g = sc.group(text, ca, discover=True)
    if g is None or not g.mentions or g.start != ca or g.end >= cb or "的" not in text[g.end:cb] or \
            text.startswith("的", g.end):     # (国家的主权……遭受的威胁消除后: the time of the party's thing, _opening's)
        return None
    act = text[g.end:cb]
    if any(not m.known and (m.surface.startswith(_VERB_BEFORE_PARTY + VERB_START2) or _person_inside(m.surface))
           for m in g.mentions):
        return None     # 发行公司债券的申请……核准后, 发起人认足公司章程规定的出资后: discovery ran over a verb and its object
    if _not_its_act(act) or _VACANCY.search(act) or _VIOLATES.match(act) or \
            _opening(sc, text, ca, cb, ca, g) is not _READ_ON:
        return None
    for j in range(g.end, cb):
        if text[j] == "的":
            h = sc.group(text, j + 1, discover=True)
            if (h is not None and h.mentions and h.start == j + 1) or _PERSON_OF.match(text, j + 1) or \
                    _KIN_OF.match(text, j + 1) or text.startswith(_BARE_BODY, j + 1):
                return None     # (省人民政府授权的机构进行督察时，有权……: the body it empowers acts)
    return ca, g


def _person_inside(name: str) -> bool:
    """Does a person's head (人, 者) end a word inside the discovered name, before its own head (发起人认足公司: 发起人,
    then its act and the act's object)?"""
    return any(name[j - 1] in "人者" for j in range(2, len(name) - 1))


def _not_its_act(act: str) -> bool:
    """Is the short act no act of the party's own — another's act on it, its breach, its state or what happens to it
    (_OTHERS_ACT, _SUFFERED: 当事人无异议的, 当事人改正的, 幼儿园终止的, 法定代表人变更的, 子女死亡的) — but not its answer
    (当事人不服的, 当事人一方人数众多的)?  One guard set for both kinds of evidence of _opens_its_condition (code review 25 finding 2: a
    refusal only 11j's list held was undone by 11i's, 当事人无异议的，可以当场收缴罚款 gave 当事人)."""
    return not _ITS_ANSWER.match(act) and bool(_OTHERS_ACT.match(act) or _SUFFERED.match(act))


def _ordered_before(sc: Scanner, text: str, opened: int, g: Group) -> bool:
    """Does the sentence before (in the paragraph, ending at opened) open with a public body whose modal word orders or
    tells the party (执法机关应当责令当事人限期改正。当事人改正的，应当及时通知……: the body notifies; code review 25 finding
    2 — the duty stated earlier in the same sentence was the only one looked at)?"""
    if opened < 2:
        return False
    start = text.rfind("。", 0, opened - 1) + 1
    first = sc.group(text, start, discover=True)
    if first is None or first.start != start or not sc.public(first):
        return False
    modal = MODAL_RE.search(text, first.end, opened)
    return modal is not None and any(re.search(rf"(?:{'|'.join(_ORDERS)}){re.escape(m.surface)}", text[modal.end():opened])
                                     for m in g.mentions)


def _opens_its_condition(sc: Scanner, text: str, g: Group, act: str, cb: int) -> bool:
    """Is g the party of the condition it opens with the short act, its 的 closing the clause (受托人辞任的，……仍应……;
    单位用户地址变更的，应当及时通知邮政企业) — the party the next clause carries?  One question, two kinds of evidence
    (engineer 11i's, eighteenth session: the party opening its short condition; engineer 11j's, code review 24 finding
    4: X……的，应当 with a known X), one list of refusals in three parts.
    Never when the clause after names the party again (_named_again: what another does to it), the act holds a number
    or is the party's violation (人民警察违犯警纪的: the duty is the body's that acts on it), the act is no act of the
    party's own (_not_its_act, one guard set since code review 25 finding 2: another's act on it, its state or end, what
    happens to it — 当事人无异议的, 当事人改正的, 法定代表人变更的, 职工人数较多的; not its answer, 当事人不服的,
    申请人有异议的), the party is one a proceeding is about (犯罪嫌疑人已被逮捕的, 被告反诉的: the organ acts), the name holds
    属于 or is a name discovery made with a one-character head or 未 (患病住院治疗的), or the next clause names its own
    party before its modal word (个人独资企业解散的，财产应当……).
    Then, from the short condition alone: not after a duty stated earlier in the sentence, whose party the next clause
    carries (人民检察院……可以询问证人……；辩护律师提出要求的，应当听取……), nor after a sentence of the paragraph in which a
    public body orders or tells the party (_ordered_before: 商标局应当书面通知商标注册申请人。商标注册申请人补正的，应当……),
    nor when the name holds a number or opens with a verb (被吊销公证员执业证书的, 处理个人信息的, 查询他人信用状况的: a verb's
    object discovery read as a name).  These refusals give way when the modal word follows right after the comma and the
    lexicon knows the party (or a known kind of one, 单位 + 用户) — 申请人有异议的，可以…… — unless the condition is a noun
    phrase (侵害医务人员合法权益的)."""
    surface = text[g.start:g.end]
    if _named_again(text, cb + 1, g) or _DIGIT.search(act) or _VIOLATES.match(act) or "属于" in surface \
            or _OWN_SUBJECT_NEXT.match(text, cb) or _not_its_act(act) \
            or any(m.name.endswith(_PROCEEDED_AGAINST) for m in g.mentions) \
            or any(not m.known and (m.surface.endswith(_ONE_CHARACTER_HEADS) or "未" in m.surface) for m in g.mentions):
        return False
    opened = text.rfind("。", 0, g.start) + 1
    if not (_STATED_BEFORE.search(text, opened, g.start) or _DIGIT.search(surface)
            or surface.startswith(_VERB_BEFORE_PARTY + VERB_START2)
            or (not _ITS_ANSWER.match(act) and _ordered_before(sc, text, opened, g))):
        return True
    return bool(text.startswith("，", cb) and MODAL_RE.match(text, cb + 1)) \
        and not act.endswith(_NOUN_CLOSES) \
        and all(m.known or _kind_of_party(sc, m.surface) for m in g.mentions)


def _named_again(text: str, at: int, g: Group) -> bool:
    """Does the clause from at name the condition's party again (当事人有过错的，应当确定当事人有责任)?  Then it is what
    another does to the party, not the party's act (申请人败诉的，应当赔偿被申请人……: 被申请人 is the other party)."""
    end = _CLAUSE_END.search(text, at).start()
    # after the modal word only: a time before it may name another of the kind (受托人辞任的，在新受托人选出前仍应履行……)
    modal = MODAL_RE.search(text, at, end)
    at = modal.end() if modal else at
    return any(re.search(f"(?<!被){re.escape(x.surface)}", text[at:end]) for x in g.mentions)


def _kind_of_party(sc: Scanner, name: str) -> bool:
    """Is the name a known party after a known party that says which kind (单位用户, 居民用户)?"""
    reg = sc.reg
    return any(reg.is_known(reg.canonical(name[j:])) and reg.is_known(reg.canonical(name[:j]))
               for j in range(2, len(name) - 1))


def _opening(sc: Scanner, text: str, ca: int, cb: int, k: int, g: Group):
    """What the group g found at k in the clause text[ca:cb] is: its subject (position, group),
    _READ_ON when it only modifies a noun, or None when the clause has no subject."""
    nxt = text[g.end:g.end + 1]
    if nxt == "是" and not text.startswith("是否", g.end) and k == ca and not text[ca:cb].endswith("的"):
        return k, g        # 理事会是本组织的执行机构，……: the subject of a copula (not the noun after its 的); 被执行人是公民的，……
        #                    is a condition
    if nxt in ("中", "内") and not text.startswith("内容", g.end):
        return k, Group([], k, g.end + 1)
    if text.startswith("之间", g.end):
        return k, g
    # 县级以上人民政府负责妇女儿童工作的机构: the relative clause names the actor
    rm = _IN_CHARGE_OF.match(
        text, g.end)
    if rm:
        name = sc.reg.canonical(rm.group(0))
        return k, Group([Mention(name, rm.group(0), g.end, rm.end(), known=sc.reg.is_known(name))], k, rm.end())
    # 县级以上人民政府负责英雄烈士保护工作的部门和其他有关部门应当……; ……负责管理地震工作的部门或者机构，应当……: the bodies
    # named by their charge, and the list they open
    ic = _bodies_in_charge(sc, text, g.end)
    if ic is not None:     # (国务院地震工作主管部门和县级以上地方人民政府负责……的部门或者机构: the list's first members stay)
        return k, Group(g.mentions[:-1] + ic.mentions, k, ic.end)
    if k == ca and [m.name for m in g.mentions] == ["国家"] and _STATE_DECIDES.fullmatch(text, g.end, cb):
        return None        # 国家决定实施国防动员后，应当……: the state is the subject of the time clause only, the duty is the
        #                    context's (国防动员法 5, 10, 63: 11 false records of 国家 in held-out round 24); not when the state
        #                    acts itself (国家、地方和军队举行重大庆典活动时，应当邀请……)
    if text[ca:cb].endswith(("时", "后")) and _VACANCY.search(text, g.end, cb):
        return None        # 工会主席……缺额时，应当及时补选: who elects is the subject of the context
    if _AT_ITS_FOUNDING.match(text, g.end):
        return _READ_ON    # 有限责任公司设立时的股东可以……: the shareholders at the company's founding (公司法 (2023) 43, code review 18
        #                    item 9: the company was the party)
    if nxt == "的" and text[ca:cb].endswith(("后", "时", "前", "以后")) and not STOP_IN_NAME.search(text[g.end + 1:cb]):
        return k, g        # 慈善组织的公开募捐资格注销后，不得……: the time of the actor's thing
    km = _KIN_OF.match(text, g.end)
    if km and all(sc.reg.kind_of(m.name) == "individual" for m in g.mentions):
        g2 = sc.group(text, km.start(1), discover=True)
        if g2 is not None and g2.mentions and g2.end <= cb:
            return km.start(1), g2
    if (nxt in ("的", "之", "所") and not TASKS_OF.match(text, g.end)) or _ITS_AREA.match(text, g.end):
        return _READ_ON
    # 市人民代表大会选举或者通过的下列国家工作人员，……应当……: the party the relative clause modifies is the subject
    head = _head_of_relative(sc, text, g, cb)
    if head is not None:
        return head
    # 城市、县人民政府组织编制的总体规划，……应当……: the clause is a thing made by the actor
    rel = _MADE_THING.fullmatch(text[g.end:cb])
    if rel and COMPETENCE.fullmatch(rel.group(1)) and sc.public(g) and not _BY_RULE.match(rel.group(1)):
        return k, Group([], k, cb)
    # 公民、法人和其他组织设立的公共图书馆，可以……: the body the actor set up is the subject
    cm = _CREATED_BY.match(text, g.end)
    if cm:
        g2 = sc.group(text, cm.end(), discover=True)
        if g2 is not None and g2.mentions and g2.end <= cb and (
                _MODAL_SOON.match(text, g2.end) or g2.end == cb or text.startswith(_PP_START, g2.end)):
            # 国家设立的研究开发机构、高等院校对其持有的科技成果，可以……: a prepositional phrase may stand
            # between the body set up and its modal word
            return cm.end(), g2
        if g is not None and all(m.name in ("国家", "本市") for m in g.mentions):
            # 国家设立的创业投资引导基金，应当……: the state only qualifies what it set up (no policy of 国家's)
            return k, Group([], k, cb)
    # 居民公约的内容, 政府投资兴办的……, 居民不足二百户的……: the actor modifies a noun
    mm = _SHORT_MODIFIER.match(text, g.end)
    own = mm is not None and k == ca and mm.end() == cb and _opens_its_condition(sc, text, g, mm.group(1), cb)
    if own and text.startswith("，", cb) and MODAL_RE.match(text, cb + 1):
        return k, g        # 单位用户地址变更的，应当及时通知邮政企业: the 的 closes a condition and modifies no noun, the party it
        #                    opens with acts in the modal clause right after it (邮政法 (2015) 32 p2 gave 机关、企业…… of the
        #                    sentence before: code review 24 finding 4)
    if mm and (len(mm.group(1)) <= 4 or _DIGIT.search(mm.group(1))) and not _HAS_SHORT.match(text, g.end) and not own \
            and not mm.group(1).startswith(VERB_START2) and not _ACTS_IN.search(mm.group(1)) \
            and not (_VIOLATES.match(mm.group(1)) and text[ca:cb].endswith("的") and mm.end() < cb) \
            and not (mm.group(1).startswith("领导") and all(sc.reg.kind_of(m.name) == "individual" for m in g.mentions)):
        # (厂长领导企业的生产经营管理工作，行使下列职权: a person's 领导 is its act, not a modifier — 全民所有制工业企业法 45 p3)
        # (特种设备使用单位超过允许的工作参数范围使用特种设备的，由……: a condition the actor's violation opens — its 的 is
        # inside the violation, the actor is the violator, not the owner of a thing)
        return _READ_ON
    # 生产经营单位有关负责人或者有关人员应当……: a person of the body is the subject
    pm = _PERSON_OF.match(text, g.end)
    if pm and len(g.mentions) == 1 and len(g.mentions[0].surface) <= 2:
        name = sc.reg.canonical(text[g.start:pm.end()])      # 单位负责人: one term
        return k, Group([Mention(name, text[g.start:pm.end()], g.start, pm.end(), known=sc.reg.is_known(name))],
                        g.start, pm.end())
    if pm:
        g2 = sc.group(text, g.end, discover=True)
        if g2 is not None and g2.mentions:
            return k, g2
    if k > ca and text.startswith(_GOES_ON, ca) and not MODAL_RE.match(text, g.end):
        return None        # ……应当播发……，并标明发布时间和发布的气象台站名称，不得……: the object of a verb that goes on
    # 业主大会会议应当……, 业主代表资格应当……: the actor names a thing of its own
    tm = _NOUN_AFTER.match(text, g.end)
    noun = tm and (tm.group(1) or tm.group(2))
    if noun and any(n.endswith(THING_HEADS) for n in noun.split("、")) and not noun.startswith(VERB_START2 + ("进行", "作出", "召开")) \
            and not STOP_IN_NAME.search(noun) and not _MODAL_CHAR.search(noun):
        return k, Group([], k, tm.end())
    if k > ca:
        prefix = text[ca:k]
        if prefix.endswith("的") and not _PREFIX_STOP.search(prefix.replace("经", "")) and "其" not in prefix:
            if not prefix.startswith(VERB_START2 + _CONNECTIVES):
                return k, g    # 未经……培训合格的从业人员，不得……: the modifier's head is the subject
            if MODAL_RE.match(text, g.end) and not prefix.startswith(_NOT_A_MODIFIER):
                return k, g    # 保护对象的所有人、管理人……应当: a modifier opened by a verb, its head right before the modal word
        if _PREFIX_STOP.search(prefix) or prefix.startswith(VERB_START2):
            return None
    return k, g


#: the actor's act closing a relative clause whose head is the act's object (……选举或者通过的, ……任命的, ……批准的,
#: ……招用的), and the words that may stand between its 的 and the party it modifies (下列国家工作人员)
_RELATIVE_ACT = re.compile(r"((?!、)[^，。；：的（）]{0,20}?"
                           r"(?:选举|通过|任命|任免|任用|聘任|聘用|选聘|招用|招聘|招收|录用|雇用|雇佣|批准|核准|许可|认定|确定|"
                           r"指定|委托|委派|选派|派出|派驻|推荐|推选|选定|登记|注册|判处|宣告缓刑|假释|授权|认可|命名|评定|"
                           r"资助|扶持|收留|安置|动员|征召|招募|接收))的(?:下列|以下|其他|有关)?")
#: the endings of the names of state organs the lexicon does not know (北京知识产权法院, 北京铁路运输检察院)
_STATE_ORGANS = ("法院", "检察院", "机关", "委员会", "人民政府")
#: a modifier opened by a preposition or a copula is no act of the actor's
_NOT_AN_ACT = _PP_START + ("为", "是", "系", "作为", "在", "从", "由", "按照", "依照", "根据", "依据", "关于", "及", "和", "或",
                           "以及", "等", "中", "内", "所")


def _head_of_relative(sc: Scanner, text: str, g: Group, cb: int) -> tuple[int, Group] | None:
    """(position, group) of the party a relative clause opened by the actor g modifies — the object of the act that
    closes it (市人民代表大会选举或者通过的下列国家工作人员，……应当……; 市人民政府、……任命的国家工作人员，任命后应当……;
    县级以上人民政府批准的企业，应当……): the actor only acts inside the modifier, the party is the subject, when it
    closes the clause or stands right before its modal word.  Not a thing or a place (……确定的应急避难场所，应当设置
    明显标志: a thing the actor made, as before), not after a person of the actor's or a pronoun (……负责人或者其委派的
    人员: the persons are joined), not after a preposition or a copula (……对有下列事迹之一的单位和个人，给予
    ……; 保险机构为……的扣缴义务人), and a list of actors only when each is a public body (普通高等院校、经……批准登记的各类
    职业教育机构: the list's first member is no agent of the approval)."""
    end = g.end
    if text.startswith("（", end) and text.find("）", end, cb) > 0:
        end = text.find("）", end, cb) + 1     # ……常务委员会（以下简称人大常委会）任命……的: past the bracket
    m = _RELATIVE_ACT.match(text, end)
    if m is None or m.end() >= cb or MODAL_RE.search(m.group(1)):
        return None
    if m.group(1).startswith(_NOT_AN_ACT) or "其" in m.group(1) or _PERSON_OF.match(m.group(1)) or (len(g.mentions) > 1 and not all(
            sc.reg.is_public(x.name) or x.name.endswith(_STATE_ORGANS) for x in g.mentions)):
        return None
    h = sc.group(text, m.end(), discover=True)
    if h is None:      # ……选举的下列人员: a generic head the lexicon leaves alone
        gm = _GENERIC_RE.match(text, m.end())
        if gm is not None:
            h = Group([Mention(sc.reg.canonical(gm.group(0)), gm.group(0), gm.start(), gm.end(),
                               known=sc.reg.is_known(gm.group(0)))], gm.start(), gm.end())
    if h is None or not h.mentions or h.end > cb or h.start != m.end() or \
            any(sc.reg.kind_of(x.name) == "other" for x in h.mentions):
        return None
    if h.end == cb or MODAL_RE.match(text, h.end):
        return m.end(), h
    return None


#: what a document holds (声明应当包括……, 申请书应当载明……): a thing's predicate, never a party's act
_CONTENTS = re.compile(r"(?:应当|必须|应)(?:包括|包含|载明|写明|列明|注明)")


def _holds_contents(text: str, head: str, mm: list) -> bool:
    """Is the sentence's first clause a short noun no party was read in, before 应当包括 / 应当载明 (平台内经营者……可以……提交……
    声明。声明应当包括……: 电子商务法 43, 民法典 1195, 1196)?  The party of the sentence before was carried onto what the
    document must hold (code review 27 finding 3; minfadian-qinquan's gold: things as subjects, no record)."""
    return bool(mm) and 2 <= len(head) <= 8 and _CONTENTS.match(text, mm[0][0]) is not None and \
        not STOP_IN_NAME.search(head)


def _thing_subject(text: str, a: int, b: int, ca: int, cb: int):
    """(position, empty group) when a thing is the subject of the clause text[ca:cb], or None."""
    mm = sorted(find_modals(text, ca, cb) + find_yao(text, ca, cb))     # (……资料要进行登记: 要 too, modals.find_yao)
    if not mm and not find_modals(text, cb + 1, min(cb + 4, b)):
        return None            # only a clause right before its modal word can be its subject
    head = text[ca:mm[0][0]] if mm else text[ca:cb]
    if (_DE_THING.fullmatch(head) or (ca == a and (_thing(head) or _holds_contents(text, head, mm)))) and \
            not head.startswith(_COND_START) \
            and not head.startswith(("不", "未", "没", "但", "并", "而", "也", "为", "是") + VERB_START2) \
            and not (head.startswith("在") and _TIME_END.search(head)):
        # (……的单位和个人，为印花税的纳税人，应当……: what the subject is; 在确认其……的学术水平时，可以……: when it acts)
        return ca, Group([], ca, ca + len(head))    # a thing is the subject
    return None


#: the next sentence opens with a condition of its own (……；适宜开发为农用地的，应当……; 。已经实现数字化的，应当……) or with the
#: encouraged party so qualified (……；属于国家规定的高危行业、领域的生产经营单位，应当……: 安全生产法 (2021) 51 p2)
_CONDITION_NEXT = re.compile(r"[^，。；：]{1,40}?的(?:[^，。；：的]{0,10}?(?:单位|企业|组织|个人|人员|机构|者|人))?，")


#: a new sentence that opens with the need it serves and goes on to its modal word without a subject (。根据军队需要，可以……):
#: the body that has the need acts, not the person the sentences before were about
_BY_NEEDS_NEXT = re.compile(r"根据[^，。；：]{1,20}需要，(?:也|还)?(?:应当|可以|必须|不得)")


def carry_over(s: Sentence) -> None:
    """The subject carried to the next sentence: the last clause-opening actor, unless it stated
    nothing and an earlier actor did (an agent after it keeps the carried subject as it is)."""
    if s.carried is not None and s.carried.mentions and s.text[s.end:s.end + 1] == "。" and \
            _BY_NEEDS_NEXT.match(s.text, s.end + 1) and all(m.name.endswith(PERSON_SUFFIXES) for m in s.carried.mentions):
        s.carried = Group([], s.end, s.end)   # ……经批准可以选改为军士。根据军队需要，可以直接从……公民中招收军士 (兵役法 (2021) 27 p1):
        return                                # the army's act, no conscript's (code review 23 finding 4)
    if not s.subjects or s.is_item:
        return
    last_open = s.subjects[-1][1]
    if s.topic is not None and last_open.mentions and policy(last_open) and s.topic[0] > s.subjects[-1][0]:
        if _CONDITION_NEXT.match(s.text, s.end + 1):
            s.carried = s.topic[1]     # 国家鼓励单位和个人……开发未利用的土地；适宜开发为农用地的，应当优先开发成农用地: the party
            return                     # the policy names goes on, not the state (土地管理法 (2019) 39, 档案法 (2020) 38)
        # into any other clause neither (本市支持外商投资企业……。制定、修订……地方标准，应当征求外商投资企业的意见; ……；对探索中
        # 出现的失误或者偏差，……可以予以免责; 国家鼓励……投资。开发、经营公路的公司可以……: code review 19): no one is carried
        s.carried = Group([], s.end, s.end)
        return
    if not any(ev[1] == "agent" and ev[0] > s.subjects[-1][0] for ev in s.events):
        s.carried = last_open if (s.last_stmt is None or last_open is s.last_stmt or
                                  not last_open.mentions) else s.last_stmt
        if s.carried is last_open and _policy_only(s, last_open):
            s.carried = Group([], s.end, s.end)


def _policy_only(s: Sentence, g: Group) -> bool:
    """Is s a policy statement of 国家 / 本市 that gave its subject no duty (国家建立战略物资储备制度。战略物资储备应当……;
    本市实行绿色建筑标识制度。……应当申请绿色建筑标识)?  The next sentence's modal word is then a thing's or another party's,
    not the state's: the gold files record no 国家 / 本市 there (the policy convention, README "Conventions settled")."""
    return bool(g.mentions) and policy(g) and s.text[s.end:s.end + 1] == "。" and \
        not any(d.mention in g.mentions for d in s.drafts) and not s.text.startswith(_POLICY_GOES_ON, s.end + 1)


#: a next sentence that opens with the state's policy verb goes on with its policy (本市建立和完善节能服务体系。支持节能服务
#: 机构开展……: 本市 支持 节能服务机构, the relation; 国家鼓励……。支持农民……从事……, 农业法 28)
_POLICY_GOES_ON = ("支持", "鼓励", "引导", "倡导", "提倡", "扶持")
