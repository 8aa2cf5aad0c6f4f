"""What a sentence says, in text order: the events the rules turn into statements and relations.

agent   由 + an actor (由街道办事处负责……): the actor does what follows;
modal   a modal word (应当, 不得, 可以 …);
chain   a run of governance verbs (指导、监督, 鼓励和支持 …) and the party after it;
obj     对 + an actor + a governance verb (对居民委员会的工作给予指导);
found   成立 + a body + 负责/承担 (成立X，负责……).
"""
from __future__ import annotations

import re

from kb.layers.obligations.coordination import Scanner
from kb.layers.obligations.governance import CHAIN
from kb.layers.obligations.modals import find_modals, find_yao
from kb.layers.obligations.records import Group, Mention
from kb.layers.obligations.sentences import Sentence

_YOU = re.compile("由")
_DUI = re.compile("对")
#: a body founded (成立X, 设立X, 设置X, 组建X, 组成X, 下设X, 建立X, 设X; not 建设, 开设, 设区的市 …) or staff taken on (配备X, 聘请X),
#: given what follows (……，负责……)
_FOUNDS = re.compile("成立|设立|设置|组建|组成|配备|聘请|聘任|下设(?!的)|建立(?!健全)|(?<![建开铺增架假陈摆附敷预新创下另分常不])设(?![立置计施备定有区])")
#: a run of governance verbs soon after the party of 对 (对居民委员会的工作给予指导)
_CHAIN_SOON = re.compile(r"[^，。；]{0,10}?(%s)" % CHAIN.pattern)
#: words with 由 that do not introduce an agent (由于, 理由 …)
_YOU_NOT = ("由于", "由此", "自由", "理由", "经由", "事由", "缘由", "交由", "转由", "应由", "来由", "由衷")


#: 处理由, 管理由, 治理由, 清理由: a verb in 理 before the agent, not 理由 (a reason)
_VERB_LI = ("处理", "管理", "治理", "清理")


def _managed_by(text: str, sa: int, p: int) -> bool:
    """……的维护管理由X负责, 事故预防与处理由X负责: the topic's noun in 理 and the agent after it; not ……，管理由X确定的……
    (the verb of the clause before, its object after 由)."""
    return text[p - 2:p] in _VERB_LI and p - 3 >= sa and text[p - 3] not in "，；。：、"


def read_events(sc: Scanner, s: Sentence) -> None:
    """Fill s.agents, s.events (sorted by position) and s.modal_positions."""
    s.agents = _agents(sc, s)
    events = [(p, "agent", g) for p, g in s.agents]
    events += [(p, "modal", (e, w, mod)) for (p, e, w, mod) in find_modals(s.text, s.start, s.end) +
               find_yao(s.text, s.start, s.end)]
    events += _chains(sc, s) + _objects(sc, s) + _foundings(sc, s)
    events.sort(key=lambda x: x[0])
    s.events = events
    s.modal_positions = [ev[0] for ev in events if ev[1] == "modal"]


#: 由X组成 closing its clause (合议庭由法官和人民陪审员组成，……), or the whole it makes up closing a condition (当事人约定由三名
#: 仲裁员组成仲裁庭的，应当各自选定……: 仲裁法 31 — the members are no agent, the condition's party acts; since engineer 11o's
#: 仲裁员 is a name, code review 26 finding 4; not across an ASCII ;: ……给予批评教育或者处分;构成犯罪的, guangdong-sanju-minzu 27.
#: A second guard, (?!人员|犯罪) after 组成 / 构成, decided no corpus clause the ; did not: removed, code review 27 finding 7)
_MADE_UP = re.compile(r"由[^，。；]{1,40}?(?:组成|构成)(?=[，。；]|$)|由[^，。；;]{1,40}?(?:组成|构成)[^，。；;的]{1,12}的(?=，)")


def _agents(sc: Scanner, s: Sentence) -> list[tuple[int, Group]]:
    text, sa = s.text, s.start
    out = []
    for m in _YOU.finditer(s.sent):
        p = sa + m.start()
        if text[p - 1:p + 1] == "交由" and not find_modals(text, sa, p):
            pass                 # 审议意见交由本级人民政府研究处理 (but 不得将……交由X办理 is not X's duty)
        elif (text[p - 1:p + 1] in _YOU_NOT and not _managed_by(text, sa, p)) or text[p:p + 2] in _YOU_NOT:
            continue
        if _MADE_UP.match(text, p):
            continue             # 成员大会由……全体成员组成，……: the members of a whole, no agent (modality._MAKE_UP); the
            #                      clause's subject keeps the duty words that follow (……，依法行使下列职权：)
        g = sc.agent(text, p + 1)
        if g is None and text.startswith("本人", p + 1) and not text.startswith("申请", p + 3) and \
                not find_modals(text, sa, p):
            # 护照持有人申请换发……，由本人向……提出: the party the sentence opens with, himself (护照法 art. 11 p2, code
            # review 14 item 15); not 个人会员由本人申请 (applying is the person's right: no record in the gold), nor a
            # party named before 的 (国有企业、集体企业的负责人……的，由本人承担: the heads, not the enterprises)
            first = sc.group(text, sa, discover=True)
            if first is not None and text.startswith("的", first.end):
                first = None
            elif first is None or first.start != sa or first.end >= p:
                first = s.carried if s.subjects == [] else None    # ……；在国外，由本人向……提出: the party carried on
            if first is not None and first.mentions:
                g = Group(first.mentions, p + 1, p + 3)
        if g and len(g.mentions) == 1 and text.startswith(g.mentions[0].name + "其他", p + 1):
            # 由公司其他股东按照……缴纳: the other shareholders of the company act, not the company (公司法 (2023) 52 p2, code
            # review 21 item 2); not a party a relative clause after 由 names (由它任命的本级人民政府其他组成人员)
            others = sc.group(text, g.end, discover=True)
            if others is not None and others.mentions and others.start == g.end:
                g = Group(others.mentions, g.start, others.end)
        if g:
            out.append((p, g))
    return out


def _chains(sc: Scanner, s: Sentence) -> list[tuple]:
    out = []
    for m in CHAIN.finditer(s.sent):
        p = s.start + m.start()
        if not sc.inside_name(s.text, p, m.end() + s.start):
            out.append((p, "chain", (s.start + m.end(), m.group(0))))
    return out


def _objects(sc: Scanner, s: Sentence) -> list[tuple]:
    """对违法物业服务企业及时依法查处, 对居民委员会的工作给予指导."""
    text, out = s.text, []
    for m in _DUI.finditer(s.sent):
        p = s.start + m.start()
        k = p + 1 + (2 if text.startswith("违法", p + 1) else 0)
        g = sc.group(text, k, discover=True)
        if not g:
            continue
        vm = _CHAIN_SOON.match(text, g.end)
        if vm:
            out.append((p, "obj", (g, vm.group(1))))
    return out


#: the short name a founding defines for the body it founds (设立……管理委员会（以下简称开发区管委会）)
_SHORT_NAME = re.compile(r"（以下(?:简称|称)([^（）、，。；]{2,12})）")
#: what the founded body is given: its charge (负责, 承担) or its mandate (代表市人民政府……管理)
_FOUNDED_DOES = re.compile(r"，?(?:负责|承担|代表)(?!人)")
#: the staff a body takes on (村民委员会配备兼职母婴保健人员，负责……; 市科学技术行政部门聘请实验动物质量监督员，协助其……:
#: the persons are charged, as a body set up is — engineer 11m, the "gold's party after kb's act" row)
_STAFFS = ("配备", "聘请", "聘任")
#: after the other founding verbs only a charge in a clause of its own (组成征兵办公室，负责……; not 由组建单位承担, 应当设置……机构，
#: 承担……: the founder's duty goes on)
_CHARGED = re.compile(r"，(?:负责(?!人)|协助)")
#: a body's charge in a clause of its own, after 设立 / 成立 / 组建 (国家设立国家图书馆，主要承担……; 国务院设立海关总署，统一管理
#: 全国海关; ……设立食品安全委员会，统一组织协调……; 选举委员会下设办公室，具体承办……; 乡镇人民政府……设立卫生健康工作机构，按照
#: 人口规模配备……工作人员，负责……: the staff it is given come between) — the founded body's, as 负责 is (engineer e11b, twenty-first
#: session: 13 tuning texts gain, none loses)
_BODY_CHARGED = re.compile(r"，(?:按照[^，。；]{1,16}配备[^，。；]{1,20}，)?(?:具体|主要|统一|专门)?"
                           r"(?:负责(?!人(?!口))|承担|承办|统筹|组织协调|协调|管理|处理)")
#: 建立 founds a body only after the subject of a policy statement (国家建立出口管制工作协调机制，统筹协调……: the files give the
#: mechanism the charge in three texts; after a government they keep the act on the government)
_POLICY_FOUNDERS = ("国家", "本市", "本省", "本自治区")
#: the founding verbs whose body may be charged so (not 配备 / 聘请: staff, nor 设置 / 组成 / 设: 设置……机构，承担…… is the founder's)
_FOUNDS_A_BODY = ("设立", "成立", "组建", "下设", "建立")
#: a founded body's name the scanner does not read, up to the comma of its charge: a head of a body or of its staff
#: (市公安机关设立犬类留检所，负责……; 交通运输部门组建运输队，负责……; 国家设立反外国制裁工作协调机制，负责……)
_FOUNDED_NAME = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:所|队|站|中心|委员会|办公室|总署|机构|小组|协调机制|领导机制)(?=，)")


def _foundings(sc: Scanner, s: Sentence) -> list[tuple]:
    text, out = s.text, []
    for m in _FOUNDS.finditer(s.sent):
        p = s.start + m.start()
        if m.group(0) in _STAFFS and (any(f.group(0) != "建立" for f in _FOUNDS.finditer(s.sent, 0, m.start())) or
                                      s.sent[:m.start()].endswith("或者")):
            continue     # 设立计划生育委员会，按照人口规模配备……工作人员，负责……: the body set up is charged, or the founder
            #              (设立……工作机构或者配备……工作人员，负责……: guangdong-jisheng 12 p2, p3)
        if m.group(0) == "建立" and not text.endswith(_POLICY_FOUNDERS, s.start, p):
            continue     # 国务院……建立部门协调机制，统筹协调……: the government's act goes on (yimiao-guanli 9, shantou-keji-chuangxin 4)
        g = sc.group(text, s.start + m.end(), discover=True)
        charged = None
        if m.group(0) in _FOUNDS_A_BODY and not (g and _SHORT_NAME.match(text, g.end)):
            charged = _charged_body(sc, text, s.start + m.end(), g)
            g = charged or g
        if not g:
            continue
        am = _SHORT_NAME.match(text, g.end)
        if am:
            # the text names the body by its short name from here on: the duty is the short name's, its
            # action starts after the parenthesis
            short = sc.group(text, am.start(1), discover=True)
            if short is None or short.end != am.end(1):
                continue
            g = Group(short.mentions, short.start, am.end())
        if charged or (_FOUNDED_DOES.match(text, g.end) if m.group(0) in ("成立", "设立") else _CHARGED.match(text, g.end)):
            out.append((p, "found", g))
    return out


def _charged_body(sc: Scanner, text: str, i: int, g: Group | None) -> Group | None:
    """The body founded at i when a charge of its own follows it (_BODY_CHARGED), ending at the comma before the charge;
    its name read up to that comma when the scanner read none or a shorter one (海关 of 海关总署). None otherwise."""
    if g is None or not g.mentions or not text.startswith("，", g.end):
        nm = _FOUNDED_NAME.match(text, i)
        if nm is None or any(w in nm.group(0) for w in ("的", "和", "或", "及")):
            return None
        name = nm.group(0)
        c = sc.reg.canonical(name)
        g = Group([Mention(c, name, i, nm.end(), known=sc.reg.is_known(c))], i, nm.end())
    cm = _BODY_CHARGED.match(text, g.end)
    if cm is None:
        return None
    k = text.rfind("，", g.end, cm.end())
    return Group(g.mentions, g.start, k) if k > g.end else g
