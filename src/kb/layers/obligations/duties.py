"""Duties stated without a modal word.

X负责……, X承担……, X协助……, X对Y给予……, X按照各自职责……, X的任务：……, 成立X，负责……, and a
public body's own act (省人民政府组织编制……，报国务院审批) are duties of X (explicit = false).
``x`` below is the running extractor (its registry, scanner, emit, relation).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kb.layers.obligations.clauses import LEAD_END, OWN_ACT_AFTER_POLICY, REWARD_AFTER_POLICY
from kb.layers.obligations.governance import policy
from kb.layers.obligations.liability import BEARS_CIVIL
from kb.layers.obligations.modality import in_relative_clause
from kb.layers.obligations.modals import find_modals
from kb.layers.obligations.names import THING_HEADS
from kb.layers.obligations.records import Group
from kb.layers.obligations.sentences import Sentence, clause_end

#: 行使……职权 is a body's competence stated as its power (开发区管委会行使下列职权：): a duty assigned, as 履行……职责
#: 担负……任务 as 承担 (现役部队……主要担负防卫作战任务, 中国人民武装警察部队担负执勤……任务: an army's or a body's tasks stated
#: without a modal word, which the files record as its duties — 国防法 22, 澳门驻军法, 北京市人民防空条例)
_DUTY = re.compile(r"具体承担|承担|担负|负责(?!人|的|制(?![定订作止]))|履行|行使(?=[^，。；：]{0,20}职权)|做好|依法协助|协助|给予|统筹解决|具体实施")
#: presiding over a body's meetings or work (委员长主持常务委员会会议和常务委员会的工作, 主席团常务主席召集并主持主席团会议): the
#: office's charge, stated as a declarative, right after its holder
_PRESIDES = re.compile(r"(?:负责)?(?:召集(?:并|和))?主持(?=[^，。；：]{0,20}(?:会议|工作))")
_EACH_DUTY = re.compile(r"，?(?:按照|依照|根据|在)各自(?:的)?职责")
#: the founding of a body (its founder's duty), up to the charge it gives (……，负责……)
_FOUNDING = re.compile(r"[^，。；]+")
#: a competence clause: a public body's own act stated without a modal word (X组织编制……，报……审批)
COMPETENCE = re.compile(r"(?:(?:会同|根据|依照|按照|依据)[^。；]{0,40}?，?)?"
                        r"(?:组织编制|组织实施|组织制定|组织审查|编制|审批|审查|批准|确定|划定|制定|公布|发布|报(?!告))")


#: a public body's clause that states no act of it: the scope of the text
#: (市人大常委会对……的任命……，适用本条例), the lead-in of a list of what it looks at (……监督的主要内容：), and, when
#: another party's clause follows, a time (市人大常委会审议任免案时，提案人……应当……)
_NOT_AN_ACT = re.compile(r"[^。；：]*?(?:适用(?:于)?本(?:条例|办法|规定|法)(?:[。；]|$)|的(?:主要)?(?:内容|范围)：)")
_ONLY_A_TIME = re.compile(r"[^，。；：]*?(?:时|的时候|后)，\s*")
#: an adverbial of time or scope opening the scope (在行使职权中，, 在常委会会议举行前，)
_IN_ADVERBIAL = re.compile(r"在[^，。；：]*?(?:时|的时候|后|前|中|期间)，")
#: an adverbial naming the rule the act follows (根据……, 依照……)
_BY_RULE = re.compile(r"根据|依照|按照|依据")
#: any predicate of a declarative clause, after its adverbials (not 是, 由, 有 …: a definition, an
#: agent or a composition is not an act; nor 认为, an opinion that conditions another's act: 工会认为……时，用人单位应当……)
_DECLARATIVE = re.compile(r"(?:(?:会同|根据|依照|按照|依据|结合|在|对|依法|通过)[^。；]{0,40}?，?)?"
                          r"(?!是|为|的|由|系|属于|包括|每|任期|设有|下设|享有|有|不|未|无|没有|也|可|应|须|必|所|之|认为|"
                          r"和|及|或|与|等|、|，|：|（)[\u4e00-\u9fff]")


#: a clause whose predicate, after its adverbials, is 享有/享受 (a right or a benefit, not an act)
#: (享有下列职权： is a body's powers, a duty assigned, as 行使下列职权：)
#: (not in the object of an act: 自治机关保障……各民族都享有平等权利; 民政部门审核确定享受最低生活保障的家庭: the families
#: that enjoy it, named by the body's act)
_RIGHT_ENJOYED = re.compile(r"(?![^，。；]*?(?:保障|保证|确保|维护|尊重)[^，。；]*?享)[^，。；]*?"
                            r"(?<!确定|认定|审核|核定|核准|批准|审批|决定|安排|核实)(?:享有|享受)(?!下列|以下|[^，。；]{0,10}职权)")
#: 业主大会会议分为……, 居民委员会工作经费……: the actor names a thing the clause is about
#: (not after a preposition: 市和区、县信息化主管部门对信息化发展规划……进行监督检查 is the body's act on a thing)
_THING_FIRST = re.compile(r"(?!对|为|向|在|与|同|按|依|通过|会同|结合)[\u4e00-\u9fff]{0,2}(?:%s)" % "|".join(THING_HEADS))
#: the lead-in of a list of the subject's own acts, stated without a modal word (本市红十字会……履行下列职责：, 选举委员会……，
#: 办理下列事项：, 财经委员会对……进行如下审查：, 中小企业公共服务平台为中小企业提供下列服务：): the subject's duties, a
#: body's or not, as the annotators read them; a list of acts (职责, 事项, 工作, 服务, 审查 …), not of rights (享有下列权利：),
#: ranks (设下列三等十一级：), ways (通过下列方式产生：) or rules the act follows (依照下列规定办理：)
_ACTS_LISTED = re.compile(r"(?:[^。；：]*，)?(?![^，。；：]*?(?:享有|享受|按照|依照|根据|依据))[^，。；：]*?(?:下列|以下|如下)"
                          r"(?:[^，。；：的]{0,8}的)?(?:主要)?(?:职责|职权|事项|工作|服务|任务|措施|审查|检查|监督)[：:]\s*$")
#: the lead-in of a list whose items name the parties that do each step (机关、单位确定国家秘密，应当符合下列程序：
#: （一）承办人……拟定密级……；（二）定密责任人……进行审核; ……应当按照下列规定报送信息：（一）乡镇人民政府、街道办事处向
#: 区、县人民政府报告; 土地承包应当按照以下程序进行：……（二）承包工作小组……拟订并公布承包方案): an item opening with
#: its own party states that party's act, its obligation (explicit false), beside the lead-in's duty carried to the item
#: (the data README's convention: an item gets its own record when it names its own actor).  Not a list of situations,
#: acts forbidden or conditions (下列情形, 下列行为: the party an item names there is the one the case is about), nor of
#: ways (下列方式), of things a body may rule on (就下列事项作出规定：, 立法法 72 p2), of persons (撤销下列本市国家机关
#: 工作人员的职务：) or documents (下列规范性文件)
_STEPS_LISTED = re.compile(r"(?:下列|以下|如下)(?:(?!事项|方式|情形|人员|行为(?!规范))[^，。；：]){0,4}?"
                           r"(?:程序|流程|规定|工作(?!人员)|步骤|规范(?!性))(?:(?!的，)[^。；：]){0,20}?[：:]\s*$")
#: (code review 17 item 5: these lead-ins and TASKS_OF, _ITS_TASKS_OF, _LISTED_DUTIES, subjects._ITS_TASKS and
#: extractor._PENALTY_LIST take an ASCII colon too: 生产经营单位的主要负责人对本单位安全生产工作负有下列职责: — 安全生产法 (2021) 21)
#: code review 16 item 7: a public body's clause that states no act of its own — a definition (受理国籍申请的机关，在国内为当地
#: 市、县公安局: 国籍法 15) or a list of ways (……对于以下情形，分别按照下列方式处理：, 北京市信访条例 44, whose items say 可以
#: or name another body)
_NOT_ITS_ACT = re.compile(r"(?:在[^，。；]{1,20}?)?为(?![^，。；]{0,12}(?:提供|服务|办理))|[^。；：]*?(?:按照|依照)(?:下列|以下|如下)方式")
#: a public body's refusal stated without a modal word (……的，公安机关不予受理; 护照签发机关不予签发护照：; ……部门对于不符合……的
#: 信息化工程，不予审查和审批通过): its duty, explicit false — the lead's decision of 2026-12-06 (twelfth session), as the
#: annotators record it (huzhao 13-14, qishui 11, guangdong-tudi 21 p2); 不予 is no modal word of the spec, so no prohibition
_REFUSES = re.compile(r"(?:(?:对|对于|依法|依照[^，。；]{1,30}?|按照[^，。；]{1,30}?|根据[^，。；]{1,30}?)[^。；：]{0,40}?，?)?"
                      r"(?:一律|均|也|都)?不予(?=[\u4e00-\u9fff])(?![^，。；：]{0,12}的)")
#: 在……时，+ a person named by its head (候选人, 人员, 者) + its own predicate: the time of the body's act is the clause of
#: another party (not 在……时，组织有关人员……: the body's act on persons)
_WHILE_ANOTHER = re.compile(r"在[^，。；]{1,30}?时，(?!组织|召集|通知|安排|指定|确定|委托|邀请|听取|要求|责令)"
                            r"(?![^，。；]{0,4}(?:有关|相关))[\u4e00-\u9fff]{0,4}(?:候选人|人员|者)(?=获得|不限于|应当|可以|不得|必须|有权|享有)")
#: a party's own refusal after a comma (……，供水单位不予供水): the clause of another party, not part of the one before
_OTHERS_REFUSAL = re.compile(r"(?:也|均|一律)?不予")


def _refusal_end(x, s: Sentence, j: int) -> int | None:
    """Where a public body's refusal ends when the next clause is another party's refusal (北京市实施《水法》办法 (2019) 47
    p2 ……，水行政主管部门不予核定用水指标，供水单位不予供水: the department's ends at the comma; code review 17 item 6), else
    None (the sentence's own bounds)."""
    text = s.text
    while j < s.end and text[j] not in "，；。":
        j += 1
    if not text.startswith("，", j):
        return None
    g = x.sc.group(text, j + 1, discover=True)
    if g is None or not g.mentions or not _OTHERS_REFUSAL.match(text, g.end):
        return None
    return j


#: ……，适用本法第十九条的规定 / 适用本章规定: what a clause falls under, no act
_APPLIES = re.compile(r"(?:[^，。；]*?，)?适用(?:于)?[^，。；]{0,30}?(?:规定|条例|办法|本法)(?:[。；]|$)")
#: X（予以/密切/积极）配合 right after its subject, without a modal word (……由X组织编制，有关部门和单位配合): its duty, as
#: the annotators read it (not 加强……配合, 相互配合: the predicate's object)
_COOPERATES = re.compile(r"(?:依法|积极|密切|予以|给予|主动)?配合(?=[。；，、]|$|[\u4e00-\u9fff])")
#: 除履行……职责外，: a condition before the duty word
_BESIDES = re.compile(r"除[^，。；外]*外，")


def on_found(x, s: Sentence, p: int, g: Group, s_here: Group | None) -> None:
    """成立X，负责……: the body founded is given what follows, from its charge (负责……); the founder's duty is the
    founding itself (乡(镇)人民政府设水利助理员 | 水利助理员负责……, as the annotators read it)."""
    charge = s.text.index("，", g.end) + 1 if s.text.startswith("，", g.end) else g.end
    for mt in g.mentions:
        x.emit(s, mt, "obligation", False, charge, charge, g.start)
    s.founded.append((p, charge, g))


#: a founding stated without a modal word, up to the charge or the make-up of the body founded (城建、市政管理、电力等部门
#: 组建抢险抢修队，负责……; 市公安机关设立犬类留检所，负责……; ……人民政府设立防汛抗旱指挥机构，由……负责人组成): the founder's act
#: is the founding, as ``on_found`` reads it when the scanner knows the body's name (抢险抢修队, 犬类留检所 it does not);
#: not 设在 (……的办事机构设在同级残疾人组织，负责……: where the body sits, and the charge is its own)
_FOUNDING_CHARGED = re.compile(r"(?:成立|设立|设置|组建|设(?![在于]))[^，。；的]{1,20}(?=，(?:负责(?!人)|由[^，。；]{1,40}?组成))")


def _founding_end(scope: str, k: int, base: int) -> int | None:
    """Where the founder's act from k of scope ends when it is a founding whose body is charged in the next clause (the
    comma before the charge, base the scope's offset in the sentence), else None (the sentence's own bounds)."""
    m = _FOUNDING_CHARGED.match(scope, k)
    return base + m.end() if m else None


#: the cost of an act named as a thing (……行使职权所必需的费用，由公司承担; ……履行职责所需经费，由……负担)
_COST_OF = re.compile(r"[^，。；]*?(?:所需|所必需|必需|需要)的?(?:费用|经费|资金)(?=[，。；]|$)")
#: the short name a text gives the subject it has just named, between the subject and its duty word
_DEFINED_NAME = re.compile(r"（以下(?:简称|统称|称)[^（）]{1,20}），?")


def duties_without_modal(x, s: Sentence) -> None:
    """Each clause-opening actor's duty words up to its first modal word (or the next subject)."""
    text, subs = s.text, s.subjects
    modal_words = {ev[0]: ev[2][:2] for ev in s.events if ev[1] == "modal"}
    for idx, (p, g) in enumerate(subs):
        nxt = subs[idx + 1][0] if idx + 1 < len(subs) else s.end
        # the modal positions are in text order (events.read_events): the first at or after p, passing
        # over 禁止 inside the subject, which names a place (禁止吸烟场所的经营者……负有下列责任)
        mp = s.modal_positions
        i = bisect_left(mp, p)
        while i < len(mp) and mp[i] < min(g.end, nxt) and text.startswith(("禁止", "严禁"), mp[i]):
            i += 1
        # and over a modal word of a relative clause (人民法院根据……，确定当事人应当提供的证据: no modal word of its own),
        # not of an exception (……规定可以……的除外: the clause states no act)
        rel_at = None       # the first of them: a duty word after it is the relative clause's, not the subject's
        while i < len(mp) and mp[i] < nxt and in_relative_clause(text, mp[i], *modal_words[mp[i]]) and \
                not text.startswith("的除外", clause_end(text, mp[i]) - 3):
            rel_at = mp[i] if rel_at is None else rel_at
            i += 1
        first_modal = mp[i] if i < len(mp) and mp[i] < nxt else nxt
        if not g.mentions:
            continue
        named = _DEFINED_NAME.match(text, g.end, first_modal)
        if named:
            g = Group(g.mentions, g.start, named.end())     # X（以下简称Y），负责……: the duty follows the short name
        scope = text[g.end:first_modal]
        if any(p < q < nxt for q, _ in s.agents):
            # ……，由Y决定: what follows the 由-agent is Y's; a duty word of the subject before it is still its own
            # (常委会任免工作机构负责审查……，并向主任会议提出审查报告，由主任会议决定……)
            dm = _duty_word(x, s, g, scope, False)
            if dm is None or s.liability or any(p < q < g.end + dm.start() for q, _ in s.agents) or \
                    not scope.startswith(dm.group(0)) or _COST_OF.match(scope):
                continue     # (监事会行使职权所必需的费用，由公司承担: the cost of its act is a thing the agent bears — 公司法 (2023) 82)
            for mt in g.mentions:
                x.emit(s, mt, "obligation", False, g.end + dm.start(), g.end + dm.start(), p)
            s.stated(g)
            continue
        if TASKS_OF.match(scope) or (g.mentions[0].surface == "其" and _ITS_TASKS_OF.match(scope)):
            # lead-in of a list of duties (X的任务：; ……。其主要职责是：)
            a = g.end + scope.startswith("的")
            for mt in g.mentions:
                x.emit(s, mt, "obligation", False, a, a, p)
            continue
        right_end = _enjoys(x, s, g, p, scope)
        if right_end:
            # 行纪人对该合同直接享有权利、承担义务: a duty word is read on after the right, never inside it (预备役人员享有与其
            # 履行职责相应的……待遇: 履行 is the right's)
            right_end += _READ_ON_JOIN.match(scope, right_end).end() - right_end
            g, scope = Group(g.mentions, g.start, g.end + right_end), scope[right_end:]
        if _rights_and_duties(x, s, g, p, scope):
            continue
        sm = _SANCTION_OPEN.match(scope)
        if s.liability and sm and text[p - 2:p] == "的，":
            # ……侵害未成年人合法权益的，相关单位和组织依法予以劝诫: the body acts on the breach, though no 由 names it
            for mt in g.mentions:
                x.emit(s, mt, "sanction", True, g.end + sm.end(1), g.end + sm.end(1), p)
            s.stated(g)
            continue
        dm = _duty_word(x, s, g, scope, first_modal == nxt)
        if dm is None or s.liability or (rel_at is not None and g.end + dm.start() > rel_at):
            continue     # (人民法院认为管理人应当履行的其他职责: 履行 is what the relative clause says the 管理人 does)
        begin = g.end + _manner_start(scope, dm.start())
        if dm.re is _GRANT and scope[dm.start() - 1:dm.start()] == "，":
            begin = g.end + dm.start()     # ……，表彰和奖励劳动模范: the grant opens its own clause after the policy verbs
        dui = scope.rfind("对", 0, dm.start())
        if policy(g) and dm.group(0) == "给予" and begin == g.end + dm.start() and dui >= 0 and \
                "，" not in scope[dui:dm.start()]:
            begin = g.end + dui     # 国家对因承担……的单位给予补偿: the grant with its party (a duty word inside the party's name)
        if all(m.name in _STATES for m in g.mentions) and text.startswith(("并", "同时"), begin) and begin > g.end:
            begin += 1 if text[begin] == "并" else 2      # 国家鼓励……，并依法给予优惠: the joiner is no part of the grant
        stop = _refusal_end(x, s, g.end + dm.end()) if dm.re is _REFUSES else _founding_end(scope, begin - g.end, g.end)
        for mt in g.mentions:
            x.emit(s, mt, "obligation", False, g.end + dm.start(), begin, p)
            s.drafts[-1].end = stop
        # 自治县人民政府设立……保护管理机构，负责……。其主要职责是：: the body founded is the one the text goes on about
        s.stated(next((fg for q, charge, fg in s.founded if g.end + dm.start() <= q < charge), g))


#: 依法服兵役是公民的光荣义务, 保卫祖国、抵抗侵略是每一个公民的神圣职责, 维护职工合法权益是工会的基本职责: an act stated as
#: a party's duty (no modal word): the act before 是, the party before 的
_DUTY_OF = re.compile(r"([^，。；：是]{2,40}?)是(?:中华人民共和国)?(?:每个|每一个|全体)?([^，。；的是]{2,12}?)"
                      r"(?:应尽|应当履行|应履行)?的[^，。；的]{0,4}?(?:权利和义务|义务|职责)(?=[。；，]|$)")


def duty_stated_of_a_party(x, s: Sentence) -> None:
    """依法服兵役是公民的光荣义务: the party's obligation (explicit false), the act before 是 its action."""
    if "是" not in s.text[s.start:s.end]:
        return           # (most sentences have no 是)
    m = _DUTY_OF.match(s.text, s.start)
    if m is None or "是否" in m.group(0) or m.end() > s.end:
        return
    g = x.sc.group(s.text, m.start(2), discover=True)
    if g is None or not g.mentions or g.end != m.end(2):
        return           # 普及国防教育是全社会的共同责任: no party
    for mt in g.mentions:
        x.emit(s, mt, "obligation", False, m.start(2), m.start(1), m.start(2))
        s.drafts[-1].end = m.end(1)


#: X的任务：, X的主要职责是, X的基本职责是, X的职责为：, X的义务：: the lead-in of a list of X's duties (X的权利： is none, as
#: the annotators read it), numbered or separated by ；
#: (X在……工作中的任务：, X在继续教育中的职责：: the field of the duties named before them; X的职权是：, 各专门委员会的工作
#: 如下： likewise)
TASKS_OF = re.compile(r"(?:在[^，。；：、]{1,20}?中)?的(?:主要|基本)?(?:(?:任务|职责|职权|义务)(?:[：:是]|为[：:]|如下[：:])|工作如下[：:])")
#: after 其 (subjects: the actor just named): 其主要职责是：
_ITS_TASKS_OF = re.compile(r"(?:主要|基本)?(?:任务|职责)(?:[：:是]|为[：:])")
#: X有义务/有责任 + a verb (not 有……的义务, read by _HAS)
_HAS_DUTY_TO = re.compile(r"(?:都|均|也)?有(?:义务|责任)(?=[\u4e00-\u9fff])(?!的)")
#: a body's consequence of a breach without 由 (相关单位依法予以劝诫, 公安机关责令改正)
_SANCTION_OPEN = re.compile(r"((?:依法|及时|可以)?)(?:予以|给予|责令|处以|没收|吊销|责成)")
#: X负有下列责任：: duties listed after the colon (享有下列权利： is no marker, as the guide's annotators read it)
_LISTED_DUTIES = re.compile(r"(?:都|均|也|依法)?((?:负|)有下列(?:[^，。；：]{0,8}的)?(?:义务|责任|职责))(?=[：:])")
#: ……的行为受……, ……的活动应当……: the duty word is inside the subject of another predicate
#: ……履行职责受法律保护 / ……依法履行职责，受法律保护: the act is what the law protects (a right), not a duty
_NOUN_OF_ACT = re.compile(r"的(?:行为|活动|情况|事项)(?:受|不受|应当|是|属于)|，?受法律(?:的)?保护")
#: X（对……）负有保密义务: the duty named (not 负有直接责任的……, a relative clause)
_BEARS = re.compile(r"(?:都|均|也|依法)?(?:对[^，。；]{1,40}?)?(负有[^，。；的]{1,8}?义务)(?=[，。；]|$)")
#: X有……的权利 (a permission), X有……的义务 (a duty): 享有 and 拥有 a right state no act, nor does 有关 (依照有关法律……
#: 确定的职责，……: the rule the act follows), nor 不（负）有 (中华人民共和国不负有协助送达的义务: no duty)
_HAS = re.compile(r"(?:都|均|也|同时)?(?<![享拥具不])(?<!不负)有(?!关)((?:(?!的权利|的义务|的责任|的职责)[^。；]){2,50})的(权利|义务|责任|职责)")


_COMMA = re.compile("，")
#: a grant of the state's to a party, said without 给予 (国家对……予以支持 / 予以表彰, 国家奖励……的组织和个人): its obligation,
#: explicit false, as 国家对……给予…… (the lead's decision of 2026-12-06, fourteenth session: 国家 is recorded where it pays
#: or bears a cost, its policy verbs — 鼓励, 支持 X, 建立, 实行, 加强, 保障 — give nothing)
_GRANT = re.compile(r"予以(?:支持|扶持|补助|补偿|奖励|表彰|资助|优待)|^奖励(?!制度|机制|办法)|" + REWARD_AFTER_POLICY)
#: (国家提倡……，鼓励和保护劳动者……，表彰和奖励劳动模范和先进工作者: a grant opening a clause of its own after the policy verbs,
#: 劳动法 (2018) 6 — code review 19)
_GIVES = re.compile("给予")
#: adverbials before a duty word that opens its subject's predicate (国家依法承担……, 本市按照……规定负责……)
_OPENS_PREDICATE = re.compile(r"(?:依法|(?:根据|按照|依照)[^，。；]{0,20}?，?)?")
#: 给予 opening its clause after the state's policy clause or adverbial (国家鼓励……捐赠，并依法给予税收优惠; 国家给予妥善安置;
#: 国家根据实际需要给予适当的补贴): the state's grant, though no 对 names the party
_GRANT_OPENS = re.compile(r"(?:^|，(?:并|同时)?)(?:依法|(?:根据|按照|依照)[^，。；]{0,20}?)?$")
#: a clause of the head that opens with a joiner, or with 等 closing the group, is the rest of a group of subjects not
#: read whole (科协和群众团体，以及……行业组织按照各自职责，共同做好: 和群众团体，以及……; ……的工矿企业等相关单位，负责:
#: 等相关单位，), not the manner of the act
_REST_OF_LIST = ("以及", "及", "和", "或者", "、", "等")
#: a clause of the head that is a policy of its own (国家鼓励……研究，对……给予奖励), not the manner of the act
_POLICY = ("鼓励", "支持", "引导", "倡导", "提倡", "扶持")


#: 由……组成 (成员大会由……全体成员组成，……，依法行使……): what the subject is made of, no manner of its act
_MADE_UP_CLAUSE = re.compile(r"由[^，。；]{1,40}?(?:组成|构成)")


def _manner_start(scope: str, k: int) -> int:
    """Where the action of the duty word at k of scope starts: with the manner before the word, as the annotators
    read it (X对Y给予扶持; X按照职责分工，各负其责，密切配合，共同做好……), not with a condition or the
    party a clause of its own names (……的，给予; 对……的单位和个人，给予表彰), a definition (X是……部门，负责; X（以下统称Y），负责) nor with
    another duty (……全面负责，履行下列职责).  A policy clause (国家鼓励……研究，对……给予奖励) is left out only when it opens the
    head: after the body's own acts (科协……牵头实施……，组织开展……，支持……，协助……) it is one of them (code review 10 item 9:
    the acts before it were lost)."""
    head = scope[:k]
    if not head or _DUTY.search(head) or find_modals(head, 0, len(head)):
        return k
    a = c = len(head) - len(head.lstrip("，"))
    rest = head.startswith(_REST_OF_LIST, c)       # the head opens with the rest of the group of subjects
    for m in _COMMA.finditer(head, c):
        rest = rest and head.startswith(_REST_OF_LIST, c)
        if head[:m.start()].endswith(LEAD_END) or head.startswith(("对", "是", "（"), c) or rest or \
                _MADE_UP_CLAUSE.fullmatch(head, c, m.start()) or \
                (head.startswith(_POLICY, c) and a == c) or _RIGHT_ENJOYED.match(head, c):
            a = m.end()    # ……的，; 对……的单位和个人，; 是……部门，; （以下统称……），; 和……团体，; 享有权利，; 由……组成，: no manner of the act
        c = m.end()
    return k if head.startswith(_REST_OF_LIST, a) else a


#: X（依法）享有……权利/权/权益/待遇: a right of X stated without 有权/可以 (its adverbials kept: 依法享有……, 对……享有……), not a
#: list of them (享有下列权利：) nor what X enjoys as a relative clause (依法享有的权利)
_ENJOYS = re.compile(r"，?((?:(?:依法|依照[^，。；]{1,20}?|按照[^，。；]{1,20}?|在[^，。；]{1,40}?|对[^，。；]{1,30}?)，?)?"
                     r"享有(?!下列|以下|的)[^，。；]{0,40}?(?:权利|权益|权|待遇|机会|特权和豁免|特权|豁免))(?=[，。；]|、(?:承担|履行)|并|$)")


#: what joins the duty read on to the right before it (享有权利，并承担义务; 享有……权利并承担相应义务)
_READ_ON_JOIN = re.compile(r"[、，]?(?:并且|并|且|同时)?")
#: 在……的 right before a name: the place where the clause's own subject acts
_PLACE_BEFORE = re.compile(r"在[^，。；]{1,20}的$")


#: a state's powers stated without a modal word (中华人民共和国在专属经济区为……，行使主权权利; ……对大陆架……行使管辖权;
#: 拥有授权和管理……的专属权利; 有专属权利建造……): its rights, as the annotators read them (zhuanshu-jingjiqu, lead's decision
#: of the tenth session: a state is a party)
_STATE_POWER = re.compile(r"，?((?:(?:在|对|为|依法)[^。；]{0,120}?，?)?(?:行使(?:专属)?(?:主权权利|主权|管辖权|管制权|紧追权)|"
                          r"拥有[^，。；]{0,40}?(?:专属)?权利|有专属权利[^，。；]{1,40}))(?=[，。；]|$)")
_STATES = ("中华人民共和国", "国家", "我国")


def _enjoys(x, s: Sentence, g: Group, p: int, scope: str) -> int:
    """X享有……权利: a permission of X, explicit = false (conventions of 2026-12-05: 有……的权利 spells out 有权, and
    享有 states the same); its duty words, if any, are read on (享有权利，承担义务).  A state's powers likewise."""
    m = _ENJOYS.match(scope)
    if m is None and all(mt.name in _STATES for mt in g.mentions):
        m = _STATE_POWER.match(scope)
    if m is None or _PLACE_BEFORE.search(s.text, max(0, g.start - 30), g.start):
        return 0      # (外国国家……在中华人民共和国的法院享有管辖豁免: the court is where, not who)
    a = g.end + m.start(1)
    for mt in g.mentions:
        x.emit(s, mt, "permission", False, g.end + m.start(1) + max(m.group(1).find("享有"), 0), a, p)
        s.drafts[-1].end = g.end + m.end(1)
    s.stated(g)
    return m.end(1)


def _rights_and_duties(x, s: Sentence, g: Group, p: int, scope: str) -> bool:
    """从业人员有依法获得安全生产保障的权利，并应当……: each 有……的权利/义务 of g's clause."""
    m = _LISTED_DUTIES.match(scope)
    if m:                     # 经营者、管理者负有下列责任：: the lead-in of a list of duties
        for mt in g.mentions:
            x.emit(s, mt, "obligation", False, g.end + m.start(1), g.end + m.start(1), p)
            s.drafts[-1].end = g.end + m.end()
        s.stated(g)
        return True
    m = _HAS_DUTY_TO.match(scope)
    if m:                     # 赡养人有义务耕种……: 有义务 + a verb is a duty, as 应当
        for mt in g.mentions:
            x.emit(s, mt, "obligation", True, g.end + m.end(), g.end + m.end(), p)
        s.stated(g)
        return True
    m = _BEARS.match(scope)
    if m:                     # 市电信主管部门及其工作人员对……信息负有保密义务: a duty, said without a modal word
        for mt in g.mentions:
            x.emit(s, mt, "obligation", False, g.end + m.start(1), g.end + m.start(), p)
            s.drafts[-1].end = g.end + m.end()
        s.stated(g)
        return True
    found = False
    for m in _HAS.finditer(scope):
        if m.start() > 0 and scope[m.start() - 1] not in "，并、":
            if m.start() > 2:
                continue
        mod = "permission" if m.group(2) == "权利" else "obligation"
        a = g.end + m.start(1)
        # 公民有受教育的权利和义务, 各共有人都有管理的权利和义务: a right stated with a duty gives both records (the
        # conventions of 2026-12-05, point (a)); the duty's explicit false as any 有……的义务
        both = mod == "permission" and scope.startswith("和义务", m.end())
        for mt in g.mentions:
            for mm in (mod, "obligation") if both else (mod,):
                x.emit(s, mt, mm, mm == "permission", a, a, p)
                s.drafts[-1].end = g.end + m.end(1)
        found = True
    if found:
        s.stated(g)
    return found


#: a condition of the subject's own, then the civil liability it bears without a modal word (……未尽到安全保障义务的，承担相应的
#: 补充责任; ……未及时采取措施导致损失扩大的，对损失扩大部分承担责任; ……未采取必要措施的，与侵权人承担连带责任) — not a party
#: that suffers the harm (……受到……损害的)
_OWN_CONDITION = re.compile(r"(?![^。；]*?(?:受到|遭受|受侵害))[^。；]*?的，")
_BEARS_CIVIL = re.compile(r"(?:依法|并|还|也)?(?:(?:与|对|向)[^，。；不]{1,30}?)?%s(?=[，。；]|$)|" % BEARS_CIVIL +
                          r"(?:依法)?(?:负责)?赔偿(?=[^，。；]{0,20}(?:[，。；]|$))")
#: a time clause (……后，, ……时，, ……的时候，, ……期间，) after a duty word: bearing a liability as the time clause right before a
#: modal word (……承担补充责任后，可以向第三人追偿) is the time of the permission, no duty (only 承担: a body's own act in its time
#: clause is its duty — 国务院在……会议时，向大会作……报告); so is a task's clause (……担负……任务时，, ……任务期间，)
_TIME_CLAUSE = re.compile(r"[^，。；：]*?(?:后|时|的时候|期间)，\s*")


def _opens_a_step(s: Sentence, g: Group) -> bool:
    """g opens an item of a list of steps (_STEPS_LISTED) — the item's first words, its own party."""
    lead = s.node.parent
    return s.is_item and g.start == s.start == 0 and lead is not None and lead.kind == "paragraph" and \
        all(m.known for m in g.mentions) and bool(_STEPS_LISTED.search(lead.text or ""))


def _duty_word(x, s: Sentence, g: Group, scope: str, no_modal: bool) -> re.Match | None:
    """The duty word (or competence verb) of g in scope, unless negated, a modifier or a condition."""
    text = s.text
    cond = _OWN_CONDITION.match(scope) if not s.liability and g.start == s.start and "的，" in scope else None
    if cond and "由" not in scope[:cond.end()]:
        # a civil rule of law (no body acts on a violation: the lead's decision, fifteenth session): the party the condition
        # names bears the liability, its obligation (explicit false), as the annotators record it
        borne = _BEARS_CIVIL.match(scope, cond.end())
        if borne:
            return borne
    # 乡(镇)人民政府设水利助理员，负责……: the founder's duty is the founding, the charge the founded body's
    founding = next((q for q, charge, _ in s.founded if g.end <= q < charge and not _DUTY.search(text, g.end, q)), None)
    if founding is not None and "，" not in text[g.end:founding]:
        founding = g.end         # 市人民政府组织……部门组成征兵办公室: the clause's predicate is the founder's act
    if founding is not None and policy(g):
        return None              # 国家设立国家图书馆，主要承担……: a policy statement; the body founded is charged (the files)
    dm = (_FOUNDING.match(scope, founding - g.end) if founding is not None else None) or \
        _DUTY.search(scope) or _EACH_DUTY.match(scope) or _PRESIDES.match(scope)
    besides = _BESIDES.match(scope)
    skip = besides.end() if besides else 0      # 本市红十字会除履行……规定的职责外，履行下列职责：: the duty word after it
    if dm and dm.start() < skip:
        dm = _DUTY.search(scope, skip)
    if not dm:
        dm = _COOPERATES.match(scope, skip)    # ……由各级人民防空主管部门组织编制，有关部门和单位配合。
    # a list of the acts of the sentence's first subject (not of a name found in a later clause: 主席团第一次会议推选……，
    # 推选主席团成员……，并决定下列事项：)
    listed = no_modal and not s.is_item and s.subjects[0][1] is g and _ACTS_LISTED.match(scope)
    step = no_modal and _opens_a_step(s, g)
    if not dm and no_modal and (x.sc.public(g) or listed or step) and not policy(g):
        # 省、自治区人民政府组织编制……，报国务院审批; 妇女联合会发挥……作用，宣传……: a public body's act
        if scope.startswith("，", skip) and not scope.startswith(_REST_OF_LIST, skip + 1) and g.start == s.start and \
                not any(q > g.end for q in s.modal_positions) and not _APPLIES.match(scope, skip + 1):
            # 县级以上各级人民政府价格主管部门，依法对价格活动进行监督检查: a comma between the subject that opens the sentence
            # and its predicate (not after a name in a later clause: ……，通知其……户口登记机关，并……; ……，即中央人民政府，同……;
            # nor before a modal word: ……法院或者仲裁机构，根据具体情况，……，可以裁定……; nor before the rules it falls under:
            # ……的人民代表大会，对于……的选举，适用前款的规定)
            skip += 1
        dm = COMPETENCE.match(scope, skip)
        if not dm and (not s.is_item or step) and not _THING_FIRST.match(scope, skip):
            dm = _DECLARATIVE.match(scope, skip)
        if dm and _WHILE_ANOTHER.match(scope, skip):
            dm = None    # ……人民代表大会在选举……代表时，代表候选人不限于……: the clause after the time is a person's (选举法 (2020)
            #              33, 45 p2; code review 16)
        if dm and _NOT_ITS_ACT.match(scope, skip):
            dm = None                        # code review 16 item 7 (below)
        if not dm and x.sc.public(g) and not s.is_item:
            # (not in an item: （四）申请政府信息公开，行政机关不予公开 is one of the situations a lead-in lists)
            dm = _REFUSES.match(scope, skip)
            if dm:
                return dm            # (its 不 is the refusal, not a negated act)
        if dm and text[g.end + dm.end():g.end + dm.end() + 1] == "的" and _BY_RULE.match(scope) and \
                "，" in scope:
            # 根据市人民政府确定的……清单，依法行使……: the act follows the adverbial
            dm = _DECLARATIVE.match(scope, scope.index("，") + 1)
        if dm and (text[g.end + dm.end():g.end + dm.end() + 1] == "的" or
                   text[g.start - 1:g.start] == "由"):
            dm = None                        # 城市人民政府组织编制的总体规划: a modifier
        if dm and (_NOT_AN_ACT.match(scope) or _ONLY_A_TIME.fullmatch(scope)):
            dm = None                        # ……适用本条例; ……监督的主要内容：; 市人大常委会审议任免案时，(提案人……)
        if dm and _RIGHT_ENJOYED.match(scope, skip):
            dm = None                        # ……医疗卫生机构在……等方面享有与政府举办的……同等的权利: a right, no act
        if dm and scope.startswith(_POLICY, dm.end() - 1):
            # 县级以上地方人民政府鼓励、指导……; 市人民政府支持企业……: a policy statement, as 国家鼓励……, no act of the body
            # (the party named is encouraged: governance.on_chain); its own act may follow in a later clause
            # (……鼓励和支持……研究，推广先进的……技术: 推广 is the government's)
            dm = OWN_ACT_AFTER_POLICY.search(scope, dm.end())
    state = all(m.name in _STATES for m in g.mentions)
    if not dm and state:
        dm = _GRANT.search(scope)     # 国家对优秀电影的外语翻译制作予以支持; 国家奖励为……做出突出贡献的组织和个人
        if dm and dm.start() and scope[dm.start() - 1] != "，" and ("对" not in scope[:dm.start()] or
                                  any(v in scope[:dm.start()].rpartition("，")[2] for v in _POLICY)):
            dm = None    # (国家鼓励通过商业保险等多种形式对……受种者予以补偿: the encouraged act, 疫苗管理法 56 p2)
    if not dm or "的" in scope[:dm.start()][-1:]:
        return None
    if policy(g) and dm.re is _DUTY and dm.group(0) != "给予" and not _OPENS_PREDICATE.fullmatch(scope, 0, dm.start()):
        dm = _GIVES.search(scope, dm.end())       # (国家对因承担……造成直接经济损失的单位给予补偿: the grant after the party)
        if dm is None:
            return None  # 国家设立……机制，负责……; 本市鼓励单位和个人……，协助维护……; 国家采取措施……帮助……履行监护职责: the duty
        #                  word is the body's set up, the encouraged party's or the governed one's, not the state's (its policy
        #                  verbs give nothing, as 国家鼓励……); 国家负责…… / 国家依法承担…… opening the predicate stay
    if dm.group(0) == "承担" and not no_modal and _TIME_CLAUSE.fullmatch(scope, dm.end()) and "，" not in scope[:dm.start()]:
        return None      # 经营者、管理者或者组织者承担补充责任后，可以向第三人追偿: the time of the permission (its modal word
        #                  right after the time clause; 香港驻军人员在协助……时，行使……权力 and 专利管理部门查处……时，对……依法查封 stay)
    if dm.group(0) == "担负" and (_TIME_CLAUSE.match(scope, dm.end()) or scope[dm.start() - 1:dm.start()] == "、"):
        return None      # 民兵、预备役人员和其他公民……，担负……任务时，应当履行……; 预备役人员参战、参加军事训练、担负战备勤务、
        #                  执行……任务期间，享受……: the task is the time of another duty or one of a person's activities a
        #                  benefit is granted for (国防法 58, 兵役法 (2021) 48, 预备役人员法 41, 43), not a duty of its own
    if re.search(r"无法|未(?!成年)|不|没有|拒绝", scope[:dm.start()]):
        return None      # (未成年人 is no negation: 国家对预防未成年人犯罪工作有显著成绩的组织和个人，给予表彰和奖励)
    if re.search(r"除[^，。；外]*$", scope[:dm.start()]):
        return None        # 除履行……职责外，还应当……: a condition
    adverbial = _IN_ADVERBIAL.match(scope) if dm.re is _DUTY and not no_modal else None
    if adverbial and dm.end() < adverbial.end():
        return None        # 常委会组成人员在行使职权中，要遵循……: the word is inside the adverbial of the modal word's act (without
        #                    a modal word the act is the duty's: 工作人员在履行……职责中，对……负有保密义务)
    run_end = g.end + dm.end()
    while run_end < s.end and text[run_end] not in "；。":
        if text[run_end] == "，" and text[run_end - 1] == "的":
            break
        run_end += 1
    if text[run_end - 1:run_end] == "的" and text[run_end:run_end + 1] == "，":
        return None      # a condition (……履行监护职责，……的，)
    if _NOUN_OF_ACT.search(text, g.end + dm.end(), run_end):
        return None      # 公民和组织支持、协助国家安全工作的行为受法律保护: a noun phrase, not a duty
    if dm.group(0) == "给予" and "对" not in scope[:dm.start()] and \
            not (state and _GRANT_OPENS.search(scope, 0, dm.start())):
        return None
    return dm
