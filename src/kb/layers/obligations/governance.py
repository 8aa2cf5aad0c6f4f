"""Governance relations, and the statements a governance verb implies for the party it governs.

X指导、监督Y gives the relations (X, 指导, Y) and (X, 监督, Y); 鼓励/倡导/引导 Y (and 支持 Y when Y
is not a public body) makes Y the encouraged party; 督促/责令 Y 改正…… gives Y an obligation
(explicit = false).  ``x`` below is the running extractor (its registry, scanner, emit, relation).
"""
from __future__ import annotations

import re

from kb.layers.obligations.lexicon import DETERMINERS
from kb.layers.obligations.records import RELATIONS, Group, Mention
from kb.layers.obligations.sentences import Sentence

_ENC = ("鼓励", "倡导", "提倡", "引导")
_CLAUSE_MARK = re.compile("[，。；：]")
CHAIN_V = ("鼓励", "支持", "倡导", "提倡", "引导", "指导", "帮助", "协助", "督促", "组织", "协调", "责令", "委托",
           "监督", "检查", "考核", "查处", "纠正", "动员", "推动", "责成", "扶持")
#: 组织 before 和个人 is the noun (鼓励组织和个人……), not a second verb of the run
_VERBS = "|".join(v if v != "组织" else "组织(?!(?:和|或者|或|、|及|以及)(?:其他)?个人)" for v in CHAIN_V)
CHAIN = re.compile("(?:%s)(?:(?:、|和|与|并|及|或者)?(?:%s))*" % (_VERBS, _VERBS))
#: words between a governance verb and the party it governs (指导给……, 督促同级……)
_REL_TARGET_SKIP = ("给", "同级", "驻地社区的", "当地", "所在地", "所在地的")
_PUBLIC_KINDS = ("government", "department", "self-governing")
#: a second verb joined to an encouragement that takes the same party (鼓励和保护劳动者……; not after 支持: 支持和保障社区服务站
#: 开展工作 is the body's support, beijing-jiedao 34)
_ALSO_PROTECTS = re.compile(r"(?:和|并|、)(?:保护|保障)")
#: 本机关, 本单位: the body the subject heads or works in (code review 12 item 4)
_ITS_OWN = re.compile(r"本(?:机关|单位|组织|部门|团体|企业|机构|系统|行业)$")


def on_chain(x, s: Sentence, p: int, data, s_here: Group | None) -> None:
    """A run of governance verbs at p: relations of the subject to the party after it, and that
    party's encouragement or obligation."""
    text = s.text
    e, chain = data
    if text.endswith("对", 0, p):
        return       # 国家对支持、协助反间谍工作的个人和组织给予保护: the run opens 对's object, a party named by what it does
        #              (code review 20: the protected were "encouraged" to 给予保护), not a verb of the subject's
    k = e
    for skip in _REL_TARGET_SKIP:
        if text.startswith(skip, k):
            k += len(skip)
            break
    also = _ALSO_PROTECTS.match(text, k) if chain.startswith(_ENC) else None
    if also:
        k = also.end()       # 鼓励和保护劳动者进行科学研究……: the party after the second verb (劳动法 (2018) 6, code review 19)
    target = _target(x, text, k, chain)
    if target is not None and text[target.end:target.end + 1] in ("的",) and \
            not re.compile(r"的").match(text, target.end + 1):
        # 督促未成年人的父母……参加, 鼓励国家机关……的工作人员带头……: the party after 的 is the object
        after = x.sc.group(text, target.end + 1, discover=True)
        if after is not None and after.mentions:
            target = after
        elif not chain.startswith(("鼓励", "支持", "引导", "倡导", "提倡")):
            target = None         # 对……的工作: a modifier, not the object
    if target is not None and _ITS_OWN.match(target.mentions[0].surface if target.mentions else ""):
        target = None     # 负责人应当支持本机关、单位、组织内部的……活动: the subject's own bodies, no party it governs
    if target is not None and text[target.end:target.end + 1] not in "的，。；、和及或与等":
        # 提倡学生父母或者其他监护人……: a person named right after another is that one's (the students' parents; not
        # 劳动者个人, individually)
        after = x.sc.group(text, target.end, discover=False)
        if after is not None and after.start == target.end and after.mentions and \
                not any(m.name == "个人" for m in after.mentions) and \
                all(x.reg.kind_of(m.name) == "individual" for m in target.mentions + after.mentions):
            target = after
    if target is None and (s_here is None or policy(s_here)) and any(
            q < p and typ == "chain" and d[1].startswith(_ENC) and not _CLAUSE_MARK.search(text, q, p)
            for q, typ, d in s.events):
        return       # 国家鼓励自然人……通过捐赠、志愿服务等方式支持学前教育事业: the encouraged party's act, not the state's
        #              second policy verb with no party (its party's predicate was cut at 支持, 学前教育事业 read as encouraged)
    _relate(x, s_here, chain, target, s.node.eid)
    if target is None:
        if chain.startswith(_ENC + ("支持",)) and (s_here is None or policy(s_here)):
            x.emit(s, None, "encouragement", True, p, e, p, primary=False)    # 鼓励发展……服务业: no party
        return
    _encourage(x, s, p, chain, target)
    if (s_here is None or policy(s_here)) and \
            any(v in chain for v in ("鼓励", "支持", "引导", "倡导", "提倡", "推动")):
        s.topic = (target.start, target)
        # 本市支持志愿服务组织……，在……时应当遵守……; 推动……家政服务人员经备案可以……: the party is the topic
    if ("督促" in chain or "责令" in chain or "责成" in chain) and re.compile(r"(?![的，。；、])[^，。；]").match(
            text, target.end):
        for mt in target.mentions:
            x.emit(s, mt, "obligation", False, p, target.end, target.start, primary=False)


#: subjects of a policy statement (国家鼓励……): they state no duty of their own
_POLICY_SUBJECTS = ("国家", "中华人民共和国", "本市", "本省", "本自治区")
#: 鼓励具备急救能力的个人, 支持具有法律专业知识的人员: a party named by what it has or does
_NAMED_PARTY = re.compile(r"[^，。；：]{2,40}?的(?:人员|个人|单位|组织|机构|企业|志愿者|人士|家庭)(?=[，、和或及参为向对提开从加在依按])")


def policy(g: Group) -> bool:
    """Is g the subject of a policy statement (国家鼓励……, 本市支持……, 国家制定……标准)?"""
    return any(m.name in _POLICY_SUBJECTS for m in g.mentions)


def _target(x, text: str, k: int, chain: str = ""):
    """The party a governance verb at k governs (its group, or a party named by a relative clause)."""
    listed = x.sc.listed(text, k, loose=True)
    g = listed or x.sc.group(text, k, discover=True)
    if listed is None and chain.startswith(_ENC + ("支持", "扶持")):
        loose = _encouraged_list(x, text, k)
        if loose is not None and (g is None or (loose.end > g.end and len(loose.mentions) > len(g.mentions))):
            return loose      # 支持家庭农场、农民专业合作社……发展: parties the lexicon does not know
    if g is not None:
        return g
    for d in re.finditer("的", text[k:k + 50].split("，")[0]):     # ……符合认定条件的基金会、社会团体等
        g = x.sc.group(text, k + d.end(), discover=True)
        if g is not None and g.mentions and (all(m.known for m in g.mentions[:1]) or (
                chain.startswith(_ENC + ("支持", "扶持")) and _ACTS_NEXT.match(text, g.end) and
                not re.search("[；。]", text[k:g.start]))) \
                and text[g.end:g.end + 1] not in ("", "，", "。", "；"):
            return g         # (鼓励发展……的慈善组织。: what is developed, not a party that acts; 鼓励保护对象的所有人、
            #                   管理人……开展……: parties the lexicon lacks, before what they are encouraged to do)
    m = _NAMED_PARTY.match(text, k)
    if m and not re.search(r"应当|可以|不得|，", m.group(0)):
        name = m.group(0)
        c = x.reg.canonical(name)
        return Group([Mention(c, name, k, m.end(), known=x.reg.is_known(c))], k, m.end())
    return None


#: what an encouraged party is encouraged to do: the verb that ends the list of parties (支持家庭农场……发展,
#: 鼓励农民参与……, 支持村集体利用……)
_PARTY_ACTS = (r"发展|开展|参与|参加|利用|建立|提供|从事|依法|投资|设立|举办|兴办|创办|领办|通过|接受|采取|实施|发挥|"
               r"加强|组建|开发|推广|运用|承担|购买|使用|捐赠|到|为|向|在|与|按照|根据|结合|自主|积极|共同|主动|带头")
_ACTS_NEXT = re.compile(_PARTY_ACTS)
_PARTY_RUN = re.compile(r"[^，。；：！？“”《》（）]{2,60}?(?=%s)" % _PARTY_ACTS)
_PARTY_SEP = re.compile(r"以及|、|和|及|或者")
#: ends of a party's name beyond the name heads: persons (农民, 农户, 种植大户) and bodies (合作社, 家庭农场,
#: 经营主体, 村集体, 联合体) that the encouragement clauses of economic and rural texts name
_PARTY_ENDS = ("民", "户", "社", "主体", "集体", "联合体", "农场", "林场",
               # offices and societies of the lists of encouraged bodies (鼓励律师事务所、公证处、基层法律服务所和其他
               # 法律服务机构……; 支持行业协会、学会、第三方机构……; 鼓励社会资本和受益群众……): a name ending so stopped the list
               "所", "公证处", "学会", "商会", "基金会", "研究会", "促进会", "群众")


def _encouraged_list(x, text: str, k: int) -> Group | None:
    """The parties right after an encouragement verb, up to the verb of what they are encouraged to do, when
    every conjunct looks like a party (not a verb, not a thing, no preposition): 支持供销合作社、农业龙头企业、
    种植大户等组织和个人发挥…… → 供销合作社, 农业龙头企业, 种植大户.  None when one of them does not."""
    from kb.layers.actors import PERSON_SUFFIXES, SUFFIXES
    from kb.layers.obligations.names import STOP_IN_NAME, THING_HEADS, VERB_START
    m = _PARTY_RUN.match(text, k)
    if not m:
        return None
    run = m.group(0)
    if "等" in run:
        run = run[:run.rindex("等")]      # ……种植大户等组织和个人: the category closes the list
    mentions, pos = [], k
    pieces = _PARTY_SEP.split(run)
    if len(pieces) > 1 and "的" in pieces[-1] and not any("的" in q for q in pieces[:-1]):
        # 国家机关、国有企业事业单位的工作人员: the list before 的 says whose; the party is after it
        pos = k + run.rindex("的")
        pieces = [pieces[-1]]
    for piece in pieces:
        at = text.find(piece, pos)
        pos = at + len(piece)
        name = piece[piece.rindex("的") + 1:] if "的" in piece else piece   # 具备条件的中医医疗机构
        start = pos - len(name)
        for mod in ("各类",) + DETERMINERS:
            if name.startswith(mod):
                name = name[len(mod):]
        if not (2 <= len(name) <= 12) or name.startswith(VERB_START) or name.endswith(THING_HEADS) or \
                STOP_IN_NAME.search(name) or x.sc.inside_name(name, 0, 0):
            return None
        c = x.reg.canonical(name)
        if not (x.reg.is_known(c) or name.endswith(_PARTY_ENDS) or
                (name.endswith(SUFFIXES + PERSON_SUFFIXES) and name not in SUFFIXES + PERSON_SUFFIXES)):
            return None       # 鼓励法律、会计、工程等……: fields, not parties
        mentions.append(Mention(c, name, start, pos, known=x.reg.is_known(c)))
    if not mentions:
        return None
    return Group(mentions, k, m.end())


def on_obj(x, s: Sentence, p: int, data, s_here: Group | None) -> None:
    """对 + a party + a governance verb: relations of the subject to that party."""
    g, chain = data
    _relate(x, s_here, chain, g, s.node.eid)


def _relate(x, subj: Group | None, chain: str, target: Group | None, eid: str) -> None:
    for v in CHAIN_V:
        if v in chain and v in RELATIONS:
            x.relation(subj, v, target, eid)


#: an X机构 the lexicon lacks is an authority only when its name says it governs (……管理机构, 消防救援机构, 派出机构,
#: 人大常委会工作机构); guess_kind reads every unknown X机构 as a department, so 支持商业银行、担保机构、保险机构和小额贷款机构
#: 开展…… and 支持残疾人教育机构、职业学校、职业培训机构……开展…… lost the businesses and schools supported (a relation of an
#: authority, the data README's convention) — the largest cause of the members missed after 支持 (engineer 11k)
_AUTHORITY_BODY = re.compile(r"(?:管理|行政|执法|监督|监察|督导|矫正|主管|工作|派出|办事|救援|指挥|协调|议事|审计|统计|登记|机关)[^、]{0,4}机构$")


def _authority(x, name: str) -> bool:
    """Is the party a public body, whose support (支持) is a relation and no encouragement?"""
    if x.reg.kind_of(name) not in _PUBLIC_KINDS:
        return False
    return x.reg.is_known(name) or not name.endswith("机构") or bool(_AUTHORITY_BODY.search(name))


#: a body brought into being is no party that acts (支持建设孵化机构, 支持建设世界一流新型研发机构: what is built); 建设单位,
#: 建设工程有关单位 are the builders, parties (鼓励建设工程有关单位和从业人员投保……, beijing-jianshe-zhiliang 62 p3)
_BUILT = re.compile(r"(?:建设|新建|组建|设立|培育|引进|兴办|创办|举办)(?!单位|工程|方|项目|者)")


def _encourage(x, s: Sentence, p: int, chain: str, target: Group) -> None:
    """鼓励/倡导/引导 the target, or 支持 it when it is not a public body: the encouraged party."""
    enc = any(v in chain for v in _ENC)
    if not enc and not ("支持" in chain and any(not _authority(x, t.name) for t in target.mentions)):
        return
    if _BUILT.match(s.text, target.start) or (target.mentions and _BUILT.match(target.mentions[0].surface)):
        return     # 支持建设孵化机构、研发机构和检验检测机构: the verb founds every member of the list, not the first alone
        #            (code review 25 finding 4: the later members became encouraged parties with no act)
    for mt in target.mentions:
        if "支持" in chain and not enc and _authority(x, mt.name):
            continue
        if _BUILT.match(mt.surface):
            continue       # (a member founded on its own: 支持企业和新建研发机构)
        x.emit(s, mt, "encouragement", True, p, target.end, target.start, primary=False)
