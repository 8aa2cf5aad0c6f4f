"""One actor element: the unit a list of actors is made of.

A known name with what qualifies it (本市……, 物业所在地……), levels before a government or a
department (县级以上人民政府), a government followed by its own department (市人民政府民政部门,
with the government's level kept as the department's), a list of department stems, or a
discovered name.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kb.layers.actors import CONGRESSES, OFFICE_HEADS, PERSON_SUFFIXES, SUFFIXES, guess_kind
from kb.layers.obligations.names import _AGENT_VERB_SET, NOT_YET, _stop_before_head, SEP, STOP_IN_NAME, THING_HEADS, VERB_START2, NameScanner
from kb.layers.obligations.abbreviations import OWNER_HEADS
from kb.layers.obligations.modals import MODAL_RE
from kb.layers.obligations.records import Mention


#: the offices of a public body that a text names as persons after the body (人民法院院长, 人民政府领导人员); not 主要负责人
#: or 工作人员, which the annotators write without the body
_OFFICE = re.compile(r"(?:专门委员会)?(?:常务)?副?(?:院长|检察长|主任会议|主任(?!委员)|组成人员|领导人员|秘书长|主席(?!团))")
#: a people's congress's own organ and the persons it names by their office or seat (乡、民族乡、镇人民代表大会主席团, ……主席,
#: ……副主席, ……代表): named without the congress, as its texts name them (主席团, 主席, 代表), not the congress
_CONGRESS_OFFICE = re.compile(r"主席团(?!常务主席|成员)|副?主席(?!团)|代表")
#: where the word after a congress ends: a modal word or a mark (代表应当……, 代表、主席团……)
#: whom the verb 代表 represents (……代表全国各族人民, 代表本行政区域人民, 代表国家): the word is no deputy
_REPRESENTED = re.compile(r"全国|全体|各族|本行政区域|本地区|人民|广大|国家|最广大|选民")
_WORD_END = re.compile(r"应当|应|必须|须|不得|可以|可|有权|[，、。；：的和及或与（]")
#: the congresses whose organs and persons are named after them (the committee's are its 主任, 办公厅 …: _CONGRESS_PART, _OFFICE)
_CONGRESS_BODIES = ("人民代表大会", "全国人民代表大会")
#: a people's congress committee (人民代表大会常务委员会, a text's 人大常委会 / 常委会), its working bodies named after it, and the
#: committee in session (……常务委员会会议, not its 主任会议)
_CONGRESS = re.compile(r"(?:常务委员会|常委会)")
_CONGRESS_PART = re.compile(r"([一-鿿]{0,8}?(?:工作机构|办事机构|工作部门))|(办公厅（室）|办公厅|办公室)|"
                            r"(?:全体)?会议(?!期间|议程|审议的|通过的|上|的)")
#: 物业所在地……, 户籍所在地的……: a place that qualifies the body after it
_PLACE_OF = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:所在地|住所地|户籍地|居住地)的?")
_GOV_DEPTS = re.compile(r"的?(?:有关|相关)部门")
_GOV_DEPTS_ANY = re.compile(r"的?(?:有关|相关)?部门")
#: the government's departments or organs named as one party (not followed by a stem that makes them one department)
_GOV_ORGANS = re.compile(r"(?:有关)?政府(?:部门|机关)(?![\u4e00-\u9fff]{0,6}?(?:部门|机关))")


def name_determined_organs(determiner: str, mentions: list[Mention]) -> None:
    """其他有关政府部门, 有关政府部门, 其他政府部门: the government's departments read after a determiner (其他, 有关, 相关) the
    list reader took off are named as written, the determiner kept — 有关政府部门 gave 政府部门 and 其他有关政府部门 gave
    有关政府部门, two names for one body in one article (北京市野生动物保护管理条例 (2020) 34; the gold writes them as the
    text does; code review 27 finding 5).  The mentions are the caller's own copies."""
    for m in mentions:
        if _GOV_ORGANS.fullmatch(m.surface):
            m.name = determiner + m.surface
def _verb_after_name(text: str, k: int) -> bool:
    """Does a verb (not a head, not a verb that names a party: 老年人组织, 医院举办者, 业主代表) start at k?"""
    return text.startswith(VERB_START2, k) and not text.startswith(SUFFIXES + PERSON_SUFFIXES, k) and \
        text[k:k + 2] not in _AGENT_VERB_SET


#: 领导 opening the head of a name (领导小组, 领导机构, 领导班子, 领导人员 …), not the act of leading
_LEADING_HEADS = ("领导小组", "领导机构", "领导机关", "领导班子", "领导人", "领导干部", "领导成员", "领导职务", "领导指挥")


def _person_leads(reg, s: str, text: str, k: int) -> bool:
    """Does a person named by s lead what follows (厂长领导企业的……工作), rather than open a longer name with 领导?"""
    return text.startswith("领导", k) and not text.startswith(_LEADING_HEADS, k) and \
        reg.kind_of(reg.canonical(s)) == "individual"


#: a list of activities sharing the head of their parties (设计、施工、监理单位; 检验、检测机构; 勘察、设计、施工等有关单位)
_STEM_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2}、){1,5}[\u4e00-\u9fff]{2})(?:等(?:有关|相关)?)?(单位|机构|企业|者)")
#: 公安、检察、审判机关; 劳动改造、劳动教养机关: the organs of the state a list of their functions names, sharing 机关
_ORGAN_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})机关")
_ORGAN_STEMS = frozenset("公安 检察 审判 国家安全 安全 司法 司法行政 监察 侦查 劳动改造 劳动教养 监狱 海关 税务 行政 "
                         "行政执法 执法 监督".split())
ACTIVITY_STEMS = frozenset("生产 经营 使用 销售 进口 出口 运输 储存 贮存 设计 施工 监理 检验 检测 认证 评估 勘察 建设 维修 "
                            "保养 安装 改造 充装 处置 收集 利用 加工 批发 零售 研制 开发 制造 管理 经销 仓储 托运 承运 "
                            "检定 培训 咨询 代理 鉴定 诊断 出版 发行 放映 制作 运营 播出 收购 回收 租赁 供应 配送 修理 "
                            "装卸 屠宰 养殖".split())
#: 国家安全 opening a name: the field (国家安全机关, 国家安全主管部门), not the state or the level 国家 (国家安全生产监督管理部门
#: is 安全生产监督管理部门 at the level 国家)
_STATE_SECURITY = re.compile(r"国家安全(?!生产)")
#: the heads of a government's own body named right after it (人民政府教育督导机构)
_GOV_BODY_HEADS = ("机构", "机关", "委员会", "办公室", "领导小组", "指挥部")
#: 居民委员会所在……单位: a body that belongs to the one just named
#: the levels that may act as themselves before a modal word (省、自治区、直辖市可以……)
_PROVINCES = frozenset(("省", "自治区", "直辖市"))
#: a charter a party adopts (居民公约, 业主规约, 协会章程): a document, not the party
_ITS_CHARTER = re.compile(r"公约|规约|章程")
_BELONGING = re.compile(r"(?:所在|所属|下属)?[\u4e00-\u9fff]{0,4}?(?:%s)" % "|".join(SUFFIXES))
#: the army unit a person serves (or served) in, written after the person (退役军人原所在部队, 预备役军官所在部队)
_THEIR_UNIT = re.compile(r"原?所在部队")


#: 企业事业单位, 企事业单位 (国有企业事业单位, 公用企事业单位): enterprises and public institutions, two kinds of party
#: (the annotation convention of 2026-12-05, the spec's split of coordinated actors); 企业事业组织 the same, into 企业 and
#: 事业组织 (the lead's decision of 2026-12-07, eighteenth session: the files disagreed, 国防法's split it)
_JOINT_ENTERPRISES = re.compile(r"(.*?)(?:企业事业单位|企事业单位|企业事业(组织))")


#: a party of its own right after 企业事业单位 (企业事业单位工会, ……企业事业单位主管负责人)
_OWN_PARTY_AFTER = re.compile(r"工会|(?:主管|主要)?负责人|法定代表人")


def split_joint(reg, m: Mention) -> list[Mention]:
    """The parties a mention names: 企业事业单位 → 企业, 事业单位; 国有企业事业单位 → 国有企业, 国有事业单位; any other
    mention is itself."""
    j = _JOINT_ENTERPRISES.fullmatch(m.name)
    if j is None:
        return [m]
    heads = ("企业", "事业组织" if j.group(2) else "事业单位")
    return [replace(m, name=reg.canonical(j.group(1) + head), levels=list(m.levels),
                    known=reg.is_known(reg.canonical(j.group(1) + head))) for head in heads]


def own(element: tuple[list[Mention], int]) -> tuple[list[Mention], int]:
    """A copy of an element's mentions that the caller may change (the scanner keeps the original)."""
    return [replace(m, levels=list(m.levels)) for m in element[0]], element[1]


#: 村（居）民委员会, 居（村）民委员会: 村民委员会 and 居民委员会 in one word
_BOTH_COMMITTEES = re.compile(r"([村居])[（(]([村居])[）)]民委员会")
#: 组织和个人, 组织或者个人: organisations beside persons
_ORGS_AND_PERSONS = re.compile(r"组织(?=(?:和|或者|或|、|及|以及)(?:其他)?个人)")
_AFTER_UNITS = ("单位和", "单位、", "单位或", "单位或者", "单位及")
#: 组织 ending a name (单位和组织依法……), not opening one (单位和组织实施单位)
_ORGS_ENDING = re.compile(r"组织(?=[，。；、等]|和|及|或|依法|应当|应|必须|不得|可以|可|有权|负责|按照|依照|根据|在|对)")

#: （街道办事处）, （乡镇人民政府）: a body in brackets after a government, standing for it elsewhere
_ALTERNATIVE = re.compile(r"（((?:乡镇|乡|镇)人民政府|街道办事处)）")

#: the name of a body an organ of the text follows (农村集体经济组织, 企业): MentionScanner.past_owner
_OWNER = re.compile(r"[\u4e00-\u9fff]{0,14}(?:%s)" % "|".join(OWNER_HEADS))
_OWNER_NOT_FIRST = "的和及或与、，。；：（）"
#: a name's head and a verb after it inside what looks like one owner (物业管理委员会组织业主大会: the committee convenes
#: the owners' assembly, no body 物业管理委员会组织)
_HEAD_THEN_VERB = re.compile(r"(?:%s)(?=%s)" % ("|".join(SUFFIXES), "|".join(VERB_START2)))

#: the joiners of a discovered name made of persons (法官和检察官)
_PERSONS_JOINED = re.compile(r"和|及|或者")
#: the heads a part of such a name may end in: a person's, a body's (首长和政治机关, 气象主管机构和气象灾害敏感单位) or an
#: army's (澳门驻军和澳门特别行政区政府); a field before its head stays one name (住房和城乡建设部门, 转出和接收单位), and 组
#: alone ends too many words that are no body's name
_JOINED_HEADS = PERSON_SUFFIXES + tuple(h for h in SUFFIXES if h != "组") + ("军",)

#: marks that open a quotation
_OPENING_QUOTES = "“‘「『\"'"
_CLOSING_QUOTES = "”’」』\"'"


def _quote_opens(text: str, i: int) -> bool:
    """Does an opening quotation mark stand at i?  (Not at the end of the text: '' is in every string, and a
    provision ending in a modifier, 监督检查, sent the scanner after a mark there until the recursion limit.)"""
    return i < len(text) and text[i] in _OPENING_QUOTES


#: what follows 中华人民共和国 when it names a place, a treaty party or one of a list, not the state acting (境外的组织,
#: 缔结或者参加的国际条约, 领域外, 管辖海域, 和外国之间)
_STATE_OPENS = ("境", "领", "管辖", "缔结", "参加", "尚未", "的", "和", "与", "同", "法律", "国籍")

class MentionScanner(NameScanner):
    """Adds the element (one or more mentions read as one unit) to the name lookups."""

    _el_text: str | None = None
    _el_memo: dict = {}

    def element(self, text: str, i: int, discover: bool) -> tuple[list[Mention], int] | None:
        """The mentions of the element at i and its end (discover: also names the lexicon lacks).
        Kept for the text being read (a list is walked more than once): a caller that changes what it
        gets changes a copy (:func:`own`)."""
        if text is not self._el_text:
            self._el_text, self._el_memo = text, {}
        key = i + i + (1 if discover else 0)     # (an int, not a tuple to build and hash on every call)
        el = self._el_memo.get(key, NOT_YET)
        if el is NOT_YET:
            el = self._element(text, i, discover)
            if el is not None:       # (each of these keeps None: most places asked name no one)
                el = self._with_their_unit(text, self._with_institutions(text, self._with_office(
                    text, self._with_alternative(text, el), discover)))
            self._el_memo[key] = el
        return el

    def _with_their_unit(self, text: str, el):
        """退役军人原所在部队, 军人所在部队, 预备役军官所在部队: the unit the person serves in is the party, named without the
        person as the annotators write it (所在部队, 原所在部队: tuiyi-junren 13, 16, 18, yubeiyi-junguan 18); the person
        alone took the unit's duty before."""
        if el is None or not el[0]:
            return el
        *rest, x = el[0]
        # a known person with the unit right after it (退役军人 | 原所在部队), or one name discovered whole (军人所在部队)
        m = _THEIR_UNIT.match(text, el[1]) if x.name.endswith(PERSON_SUFFIXES) else None
        if m is None:
            m = _THEIR_UNIT.search(x.surface)
            if m is None or m.end() != len(x.surface) or not x.surface[:m.start()].endswith(PERSON_SUFFIXES):
                return el
            unit, end = m.group(0), el[1]
        else:
            unit, end = m.group(0), m.end()
        return rest + [replace(x, name=self.reg.canonical(unit), surface=text[x.start:end], end=end, levels=[],
                               known=self.reg.is_known(self.reg.canonical(unit)))], end

    def _with_institutions(self, text: str, el):
        """国有企业事业单位, 重点企业事业单位: a name ending in 企业 that 事业单位 follows is one word, the enterprises and
        the institutions of that kind (split into the two parties when the duties are numbered: :func:`split_joint`);
        read as 国有企业 alone, 事业单位 was left between the subject and its modal word."""
        if el is None:
            return el
        h = _OWN_PARTY_AFTER.match(text, el[1]) if el[0] and _JOINT_ENTERPRISES.fullmatch(el[0][-1].name) else None
        if h:
            # 企业事业单位工会, ……企业事业单位主管负责人: the union, the head is the party, not the units (code review 11
            # item 12)
            *rest, x = el[0]
            c = self.reg.canonical(h.group(0))
            return rest + [replace(x, name=c, surface=x.surface + h.group(0), end=h.end(), levels=list(x.levels),
                                   known=self.reg.is_known(c))], h.end()
        if not text.startswith("事业单位", el[1]):
            return el
        *rest, x = el[0]
        if not x.surface.endswith("企业") or x.end != el[1]:
            return el
        c = self.reg.canonical(x.name + "事业单位") if x.name != "企业" else "企业事业单位"
        return rest + [replace(x, name=c, surface=x.surface + "事业单位", end=el[1] + 4, levels=list(x.levels))], el[1] + 4

    def _state_opens_name(self, text: str, i: int, s: str) -> bool:
        """国家安全机关, 国家情报工作机构, 国家出资企业: 国家 opens a longer name (the lexicon's 国家 is the state, a name of its
        own before a verb: 国家组织……, 国家举办……); not before a modifier (国家有关部门) nor a department it places (国家网信部门:
        网信部门 at the level 国家)."""
        if s != "国家" or text.startswith(("有关", "相关", "其他", "各") + VERB_START2, i + 2):
            return False
        sub = self._gov_department(text, i + 2, True)
        return sub is None or not all(x.name.endswith("部门") for x in sub[0])

    def _with_office(self, text: str, el, discover: bool):
        """人民法院院长, 人民检察院检察长, 人民政府领导人员, 人民代表大会常务委员会组成人员: a public body's office written right
        after it names a person, not the body."""
        if el is None or not discover or len(el[0]) != 1:
            return el
        x = el[0][0]
        # 人大常委会人事任免工作机构, 人大常委会主任 (discovered whole, or the committee alone): read after the committee
        cm = _CONGRESS.search(text, x.start, el[1])
        congress = cm is not None and self._congress_name(text, x.start, cm.start())
        after = cm.end() if congress else el[1]
        if congress:
            m = _CONGRESS_PART.match(text, after)
            if m and m.group(2) and not SEP.match(text, m.end()) and not text.startswith("（", m.end()):
                # 常务委员会办公厅（室）: the committee's office, which its texts name as 办公厅 or 办公室 (both, when
                # the text writes both)
                names = ["办公厅", "办公室"] if m.group(2) == "办公厅（室）" else [m.group(2)]
                return [Mention(self.reg.canonical(n), text[x.start:m.end()], x.start, m.end(),
                                known=self.reg.is_known(n)) for n in names], m.end()
            if m and m.end() >= el[1]:
                # 本市各级人大常委会人事任免工作机构: the committee's working body, named without it (as a government's:
                # 人民政府教育督导机构 → 教育督导机构); 人大常委会会议, 常务委员会会议: the committee in session acts apart
                name = m.group(1) or text[x.start:m.end()].lstrip("本市各级")
                c = self.reg.canonical(name)
                return [Mention(c, name, m.start(1) if m.group(1) else x.start, m.end(),
                                known=self.reg.is_known(c))], m.end()
        if x.name in _CONGRESS_BODIES:
            office = self._congress_office(text, x, el[1])
            if office is not None:
                return office
        m = _OFFICE.match(text, after)
        if m is None or m.end() < el[1] or (not congress and self.reg.kind_of(x.name) != "government" and
                                            guess_kind(x.name) != "government"):
            return el
        if m.group(0) == "主任会议":      # 人民代表大会常务委员会主任会议: the committee's own organ, in the lexicon
            return [Mention("主任会议", text[x.start:m.end()], x.start, m.end(), known=True)], m.end()
        if congress and m.group(0) == "主任":
            # 人大常委会主任, 人民代表大会常务委员会主任: the committee's chairman, whom its texts call 主任
            return [Mention("主任", text[x.start:m.end()], x.start, m.end(), known=False)], m.end()
        c = self.reg.canonical(text[x.start:m.end()])
        return [Mention(c, text[x.start:m.end()], x.start, m.end(), list(x.levels), known=self.reg.is_known(c))], m.end()

    def _congress_office(self, text: str, x: Mention, k: int):
        """县人民代表大会代表, ……人民代表大会主席团, 全国人民代表大会代表: the congress's organ or the person by its seat, at the
        congress's levels, when the word ends there (not 代表候选人 or 代表团, longer names, nor 代表资格, a thing)."""
        m = _CONGRESS_OFFICE.match(text, k)
        if m is None:
            return None
        b = _WORD_END.search(text, m.end())
        rest = text[m.end():b.start() if b else len(text)]
        end = m.end()
        if m.group(0) == "代表" and text.startswith("的", end):
            return None       # 代表的……: the deputies qualify a noun
        if m.group(0) == "代表" and _REPRESENTED.match(rest):
            return None       # 全国人民代表大会代表全国各族人民……: the verb and whom it represents; the congress acts
        if m.group(0) == "代表" and rest and len(rest) <= 8 and (rest.endswith(SUFFIXES + PERSON_SUFFIXES) or rest == "团") and \
                not STOP_IN_NAME.search(rest) and not rest.startswith(VERB_START2) and "有关" not in rest:
            # 代表候选人, 代表资格审查委员会, 代表团 (团 ends no other name): the longer name (主席团通知代表本人: a verb
            # and its object)
            end += len(rest)
        elif rest.startswith(THING_HEADS + ("名额",)) and not rest.startswith(VERB_START2):
            return None       # 代表资格, 代表名额: a thing of the deputies
        c = self.reg.canonical(text[m.start():end])
        return [Mention(c, text[x.start:end], x.start, end, list(x.levels), known=self.reg.is_known(c))], end

    def _congress_name(self, text: str, i: int, k: int) -> bool:
        """Does text[i:k] only name the congress whose committee starts at k (本市各级人大, 县级以上地方各级人民代表大会, 市, or
        nothing), not a clause that ends there (法律草案表决稿交付常务委员会会议, 临时召集的常委会会议)?"""
        prefix = text[i:k]
        if prefix.startswith("本市"):
            prefix = prefix[2:]
        levels, j = self.level_list(text, k - len(prefix))
        rest = text[j:k] if levels else prefix
        return rest in ("", "人大", "的人大") or (rest.endswith("人民代表大会") and not STOP_IN_NAME.search(rest) and
                                                "的" not in rest.replace("的人民代表大会", ""))

    def _with_alternative(self, text: str, el):
        """镇人民政府（街道办事处）应当……: a government and, in brackets, the body that stands for it elsewhere
        (the town's or the street's): both are the subject."""
        if el is None or not text.startswith("（", el[1]):
            return el
        m = _ALTERNATIVE.match(text, el[1])
        if m is None or not all(self.reg.kind_of(x.name) == "government" for x in el[0]):
            return el
        c = self.reg.canonical(m.group(1))
        if self.reg.kind_of(c) != "government":
            return el
        return el[0] + [Mention(c, m.group(1), m.start(1), m.end(1), known=True)], m.end()

    def _quoted(self, text: str, i: int, discover: bool) -> tuple[list[Mention], int] | None:
        """The element after the opening quotation mark at ``i``, read without the marks: a quotation that goes on
        past the name (a 修正案 quoting the provision it writes), or one that closes right where a name of the
        registry ends (“居民委员会”应当……; “街道办事处”“居民委员会”应当……, two names, each quoted).  A mark closed
        inside a name is the name's own (“120”急救网络医院): not read here (NOT_YET)."""
        close = next((k for k in range(i + 1, min(len(text), i + 9)) if text[k] in _CLOSING_QUOTES), None)
        el = self.element(text, i + 1, discover)
        if close is None:
            return el
        if el is None or el[1] != close or not all(x.known for x in el[0]):
            return NOT_YET
        mentions, end = el[0], close + 1
        if _quote_opens(text, end):
            more = self._quoted(text, end, discover)
            if more is not NOT_YET and more is not None:
                mentions, end = mentions + more[0], more[1]
        return mentions, end

    def past_region(self, text: str, i: int) -> int:
        """Where the name at i goes on after the region the text covers (青藏高原县级以上地方人民政府, 流溪河流域内各级水工程
        管理单位: the region qualifies the level's body that follows, and the annotators drop it as they drop the state's
        name); i itself when no region opens there, or no level follows it (长江流域管理机构: a body of the region's own)."""
        regions = self.reg.regions
        if not regions or not text.startswith(regions, i):
            return i
        r = next(x for x in regions if text.startswith(x, i))
        j = i + len(r) + (1 if text.startswith("内", i + len(r)) else 0)
        if text.startswith("所在", j):
            return i        # 港口所在地的市、县人民政府, 海岛所在省……: a term the text defines, where the body is (as before)
        return j if self.level_list(text, j)[0] else i

    def past_owner(self, text: str, i: int) -> int:
        """Where the name at i goes on after the body whose organ follows it (农村集体经济组织理事会成员, 本农村集体经济组织
        成员大会, 企业职工代表大会: the text introduced the organ — Registry.organs, kb.layers.obligations.abbreviations.own_organs —
        and the annotators name it without its body: 理事会成员, 成员大会, 职工代表大会); i itself when no organ of the text
        follows a body's name there, or the body is a public one."""
        organs = self.reg.organs
        if not organs or text[i:i + 1] in _OWNER_NOT_FIRST:
            return i
        for y in organs:
            k = text.find(y, i + 2, i + 20)
            if k < 0:
                continue
            owner = text[i:k - 1] if text[k - 1] == "的" else text[i:k]
            if _OWNER.fullmatch(owner) and not _stop_before_head(owner) and not SEP.search(owner) and \
                    not self.reg.is_public(owner) and self.reg.kind_of(self.reg.canonical(owner) or owner) not in (
                    "government", "department") and not _HEAD_THEN_VERB.search(owner):
                return k
        return i

    def _element(self, text: str, i: int, discover: bool) -> tuple[list[Mention], int] | None:
        reg = self.reg
        # “国家工作人员就职时应当……”: a quotation opens with the name, the mark is no part of it (a 修正案 quotes
        # the provision it writes; the name kept the mark, “国家工作人员)
        if _quote_opens(text, i):
            el = self._quoted(text, i, discover)
            if el is not NOT_YET:
                return el
        # 村（居）民委员会: the two committees, written as one
        m = _BOTH_COMMITTEES.match(text, i) if text[i:i + 1] in ("村", "居") else None
        if m:
            return [Mention(reg.canonical(f"{c}民委员会"), m.group(0), i, m.end(), known=True)
                    for c in (m.group(1), m.group(2))], m.end()
        # 组织和个人, 单位和组织: 组织 is the noun here (elsewhere mostly the verb: 应当组织……)
        if text.startswith("组织", i) and (_ORGS_AND_PERSONS.match(text, i) or (
                _ORGS_ENDING.match(text, i) and text[max(0, i - 4):i].endswith(_AFTER_UNITS))):
            return [Mention("组织", "组织", i, i + 2)], i + 2
        # 1. a known name (longest match); 本市各级人民政府: 本市 qualifies what follows
        if text.startswith("本市", i):
            nxt = self.element(text, i + 2, discover)
            if nxt is not None:
                return nxt
        j = self.past_region(text, i)
        if j > i:
            nxt = self.element(text, j, discover)
            if nxt is not None:
                return nxt
        j = self.past_owner(text, i)
        if j > i:
            nxt = self.element(text, j, discover)
            if nxt is not None:
                return nxt
        if text.startswith("中华人民共和国", i) and self.lexicon(text, i) == "中华人民共和国":
            # 中华人民共和国有关机关, 中华人民共和国公民: the state's name before its own body or people qualifies them (the
            # annotators drop it); the state itself only before its act (中华人民共和国有权……, 中华人民共和国在……行使……); a
            # place, a treaty or a list it opens is no party (中华人民共和国境外的组织 as before, 禁止中华人民共和国境外的固体废物……)
            if text.startswith(_STATE_OPENS, i + 7):
                r = self.discover(text, i) if discover else None
                if r and r[1] > i + 7 and not SEP.search(text, i + 7, r[1]):
                    c = reg.canonical(r[0])
                    return [Mention(c, text[i:r[1]], i, r[1], known=reg.is_known(c))], r[1]
                return None
            nxt = self.element(text, i + 7, discover)
            if nxt is not None and not nxt[0][0].name.startswith("的"):
                return nxt
            if text.startswith("驻", i + 7):
                return None      # 中华人民共和国驻该国外交、领事代表机构应当……: its missions, not the state
        if text.startswith("代理", i) and self.lexicon(text, i + 2):
            # 代理行政长官应遵守……: the acting officer is a person of its own, not the officer (澳门特别行政区基本法 55 p2,
            # code review 16 item 4: 行政长官 was given the acting one's duty); only right before its modal word (代理主任职务:
            # the verb)
            office = self.lexicon(text, i + 2)
            e = i + 2 + len(office)
            if reg.kind_of(reg.canonical(office)) == "individual" and MODAL_RE.match(text, e):
                return [Mention("代理" + office, text[i:e], i, e)], e
        if text.startswith("外国", i) and MODAL_RE.match(text, i + 2) and not self.lexicon(text, i):
            # 外国可以请求中华人民共和国移管……: a foreign state is a party before its modal word, as the state is (the lead's
            # decision, tenth session; 国际刑事司法协助法 (2018) arts. 55, 62 gave its act no actor or 中华人民共和国)
            return [Mention("外国", "外国", i, i + 2)], i + 2
        # 物业所在地县级人民政府……, 户籍所在地的……: a place qualifies the body that follows
        # (its 地 stands 3 to 8 characters after i)
        m = _PLACE_OF.match(text, i) if text.find("地", i + 3, i + 9) >= 0 else None
        if m and not STOP_IN_NAME.search(text[i:m.start() + len(m.group(0)) - 3]):
            nxt = self.element(text, m.end(), discover)
            if nxt is not None and self.reg.kind_of(nxt[0][0].name) in ("government", "department"):
                return nxt
        s = self.lexicon(text, i)
        m = _GOV_ORGANS.match(text, i) if text[i:i + 1] in ("政", "有") else None
        if m:
            # 政府部门、医疗机构……应当, 有关政府部门可以……, 政府机关、企业事业单位……应当: the government's departments or
            # organs, a party of their own (as the gold files name them, 18 duties in 9 texts), not 人民政府 — the
            # lexicon's 政府 took the first two characters (engineer 11v)
            return [Mention(reg.canonical(m.group(0)), m.group(0), i, m.end())], m.end()
        if s and _ITS_CHARTER.match(text, i + len(s)):
            return None           # 居民公约须报……备案: the party's charter, a document (code review 13 item 8)
        if s and s in reg.expansions:
            # “一府两院”: the text's short name for 人民政府、人民法院和人民检察院, each of them
            return [Mention(n, s, i, i + len(s), known=True) for n in reg.expansions[s]], i + len(s)
        if s == "国家" and _STATE_SECURITY.match(text, i):
            # 国家安全机关, 国家安全主管部门, 国家安全、公安……部门: 国家安全 is the field the body serves, not 安全 at the level
            # 国家 nor the state (code review 18 item 5: 反间谍法 gave 安全主管部门, and 国家 for 县级以上国家安全机关)
            r = self.discover(text, i)
            if r and r[1] > i + 4 and not SEP.search(text, i, r[1]) and r[0].endswith(("部门", "机关", "机构")):
                c = reg.canonical(r[0])
                return [Mention(c, text[i:r[1]], i, r[1], known=reg.is_known(c))], r[1]
            d = self.dept_list(text, i)
            if d:
                return [Mention(reg.canonical(n), n, i, d[1], known=reg.is_known(reg.canonical(n))) for n in d[0]], d[1]
        if s and discover and (reg.kind_of(reg.canonical(s)) != "government" or self._state_opens_name(text, i, s)):
            # 家庭教育指导机构, 公安机关交通管理部门: a longer name that opens with a known one
            r = self.discover(text, i)
            if r and r[1] > i + len(s) and not SEP.search(text, i + len(s), r[1]) and \
                    not _verb_after_name(text, i + len(s)) and not _person_leads(reg, s, text, i + len(s)):
                # 工会支持企业: a verb after the name; 厂长领导企业的生产经营管理工作: a person's 领导 is its act (全民所有制
                # 工业企业法 45 p3, where the director's powers were lost to a name 厂长领导企业)
                c = reg.canonical(r[0])
                return [Mention(c, text[i:r[1]], i, r[1], known=reg.is_known(c))], r[1]
        if s and "\u4e00" <= text[i + len(s):i + len(s) + 1] <= "\u9fff" and not SEP.match(text, i + len(s)) and \
                reg.kind_of(reg.canonical(s)) != "government":
            # 公安机关交通管理、城市管理综合执法……等部门: a known name opens the first stem of a list of departments
            d = self.dept_list(text, i)
            if d and len(d[0]) > 1 and d[0][0].startswith(s) and len(d[0][0]) > len(s) + 2:
                return [Mention(reg.canonical(n), n, i, d[1]) for n in d[0]], d[1]
        levels, j = self.level_list(text, i)
        if s and (not levels or len(s) >= j - i + 2 or not self._after_level(text, j)):
            e = i + len(s)
            if s.endswith("人民政府"):
                m = _GOV_DEPTS.match(text, e)
                if m:
                    return [Mention("有关部门", text[i:m.end()], i, m.end())], m.end()
            if reg.kind_of(reg.canonical(s)) == "government" and not s.endswith(("办事处", "机关", "法院", "检察院")):
                # 市人民政府房地产行政主管部门, 国务院城乡规划主管部门: the government's department
                sub = self._gov_department(text, e, discover)
                if sub:
                    lv = s[:-4] if s.endswith("人民政府") and len(s) > 4 else s
                    sub = own(sub)
                    for x in sub[0]:
                        # (人民代表大会专门委员会: the congress's own committee, named without it)
                        x.levels = [] if s in CONGRESSES else [lv]
                        x.start = i
                    return sub
            m = _BELONGING.match(text, e)
            if m and discover and text.startswith(("所在", "所属", "下属"), e) and not SEP.search(m.group(0)):
                name = text[i:m.end()]
                c = reg.canonical(name)
                return [Mention(c, name, i, m.end(), known=reg.is_known(c))], m.end()
            # 市辖区的人民政府有关部门 style: gov + 有关部门 -> 有关部门
            return [Mention(reg.canonical(s), s, i, e)], e
        # 2. levels + government / department / known actor
        if levels:
            # discovery behind levels only after a list of them (市、区献血工作机构): one level glued to a
            # word is often no level (区域急救医疗中心)
            r = self._after_level(text, j, discover and len(levels) > 1)
            if r:
                kind, names, e = r
                if kind == "gov":
                    head = names[0]
                    if head in CONGRESSES:
                        # 乡、民族乡、镇人民代表大会, 市和区、县人民代表大会常务委员会: one body of one kind at its levels
                        # (by the text's own short name when it defines one: 常务委员会)
                        return [Mention(reg.canonical(head), text[i:e], i, e, list(levels), known=True)], e
                    # (乡、镇人民政府: 乡人民政府 and 镇人民政府, as the spec splits 市、县人民政府 and the annotated files read
                    # it, 16 articles of 17; 乡、镇 stays one level before a department: 乡、镇……管理部门 [乡、镇])
                    govs = [x for lv in levels for x in (("乡", "镇") if lv == "乡、镇" and head == "人民政府" else (lv,))]
                    out = [Mention(reg.canonical(f"{lv}{head}") if head == "人民政府" else f"{lv}{head}",
                                   text[i:e], i, e, [lv]) for lv in govs]
                    m = _GOV_DEPTS_ANY.match(text, e)
                    if m and head == "人民政府":
                        return [Mention("有关部门", text[i:m.end()], i, m.end(), levels)], m.end()
                    if head == "人民政府":      # 县级以上人民政府侨务部门: the government's department
                        k = e + (1 if text.startswith("的", e) else 0)
                        sub = None
                        if not SEP.match(text, k) and not text.startswith(("及", "和", "或"), k):
                            sub = self.element(text, k, discover=False) or self._dept_discover(text, k) or \
                                self._gov_body(text, k)
                        if sub and all(reg.kind_of(x.name) == "department" or (not x.known and x.surface.endswith(_GOV_BODY_HEADS))
                                       for x in sub[0]):
                            sub = own(sub)
                            for x in sub[0]:
                                x.levels = list(levels)
                                x.start = i
                            return sub
                    return out, e
                if names == ["机关"]:          # 上级机关, 同级机关: the level names which one
                    return [Mention(reg.canonical(f"{lv}机关"), text[i:e], i, e, [lv]) for lv in levels], e
                return [Mention(reg.canonical(n), n, i, e, list(levels)) for n in names], e
            if len(levels) > 1 and set(levels) <= _PROVINCES and MODAL_RE.match(text, j):
                # 省、自治区、直辖市可以……: the provinces act themselves (契税法 (2020) arts. 3, 7, 耕地占用税法 (2018) art. 5,
                # round 21: permissions of 省, 自治区 and 直辖市, as the annotators read them)
                return [Mention(lv, text[i:j], i, j) for lv in levels], j
        # 3. department stems list
        d = self.dept_list(text, i)
        if d is None:
            st = self._stem_list(text, i)
            if st:
                return st
        if d:
            names, e = d
            return [Mention(reg.canonical(n), n, i, e) for n in names], e
        # 4. discovery
        if discover:
            r = self.discover(text, i)
            if r:
                name, e = r
                c = reg.canonical(name)
                if name.endswith("人民政府") and len(name) > 4 and name == text[i:e]:
                    # 沿海县级以上人民政府海洋行政主管部门, 安置地人民政府退役军人工作主管部门: a government the lexicon does not
                    # know (a place or a qualifier before its level) and its department right after it: the department
                    # acts, as behind a known government (engineer 11v: the duty went to the government, 20 duties of
                    # 广东省海域使用管理条例 and 退役军人保障法)
                    sub = self._gov_department(text, e, discover)
                    if sub:
                        sub = own(sub)
                        for x in sub[0]:
                            x.levels = [name[:-4]]
                            x.start = i
                        return sub
                return self.persons_joined(Mention(c, text[i:e], i, e, known=reg.is_known(c))), e
        return None

    def persons_joined(self, m: Mention) -> list[Mention]:
        """法官和检察官 (澳门特别行政区基本法 101, code review 16 item 4): a name discovered, or a bare last conjunct, that joins persons is each of
        them; so is one that joins bodies, or a person and a body, each part ending in its head (各级首长和政治机关, engineer
        e11c: one party 首长和政治机关 was read); any other stays one."""
        parts = _PERSONS_JOINED.split(m.surface)
        if len(parts) < 2 or not all(len(x) >= 2 and x.endswith(_JOINED_HEADS) for x in parts):
            return [m]
        out, k = [], m.start
        for x in parts:
            k = m.surface.index(x, k - m.start) + m.start
            # ……的人员和自动消防系统的操作人员 (消防法 (2021) 21 p2): a member's own 的-modifier is dropped, as a name's is
            # (操作人员; code review 17 item 7)
            c = self.reg.canonical(x[x.rindex("的") + 1:] if "的" in x and len(x) - x.rindex("的") > 2 else x)
            out.append(Mention(c, x, k, k + len(x), known=self.reg.is_known(c)))
            k += len(x)
        return out

    def _stem_list(self, text: str, i: int):
        """设计、施工、监理单位, 特种设备生产、经营、使用单位, 检验、检测机构: the kinds of party a list of
        activities names, sharing one head (each activity's party: 设计单位, 施工单位 …), after an optional field;
        公安、检察、审判机关: the organs of those functions (公安机关, 检察机关, 审判机关)."""
        if text.find("、", i + 2, i + 9) < 0:
            return None          # a match at k (i ≤ k < i + 7) has its first 、 at k + 2
        m = _ORGAN_LIST.match(text, i)
        if m and all(x in _ORGAN_STEMS for x in m.group(1).split("、")):
            out = []
            for x in m.group(1).split("、"):
                c = self.reg.canonical(x + "机关")
                out.append(Mention(c, x + "机关", i, m.end(), known=self.reg.is_known(c)))
            return out, m.end()
        for k in range(i, i + 7):
            if k > i and (not "\u4e00" <= text[k - 1:k] <= "\u9fff" or STOP_IN_NAME.match(text, k - 1)):
                return None
            m = _STEM_LIST.match(text, k)
            if m:
                stems = m.group(1).split("、")
                if not all(x in ACTIVITY_STEMS for x in stems) or text[i:k].startswith(VERB_START2):
                    return None
                out = []
                for x in stems:
                    name = text[i:k] + x + m.group(2)
                    c = self.reg.canonical(name)
                    out.append(Mention(c, name, i, m.end(), known=self.reg.is_known(c)))
                return out, m.end()
        return None

    def _gov_department(self, text: str, e: int, discover: bool):
        """A department named right after its government (no separator in between)."""
        k = e + (1 if text.startswith("的", e) else 0)
        if SEP.match(text, k) or text.startswith(("及", "和", "或", "等"), k):
            return None
        sub = self.element(text, k, discover=False) or self._dept_discover(text, k) or self._gov_body(text, k)
        if sub and all(self.reg.kind_of(x.name) == "department" or (not x.known and x.surface.endswith(_GOV_BODY_HEADS))
                       for x in sub[0]):
            return sub
        return None

    def _gov_body(self, text: str, k: int):
        """A body of the government just named, written right after it (人民政府教育督导机构, 人民政府妇女儿童工作
        委员会, 人民政府防汛指挥机构): a name the lexicon does not know, ending in a body's head, with no
        modifier (……批准设立的机构 is a relative clause, not the government's own body)."""
        r = self.discover(text, k)
        if r and r[0] == text[k:r[1]] and r[0].endswith(_GOV_BODY_HEADS) and "的" not in r[0] and \
                3 <= len(r[0]) <= 12 and not self.reg.is_known(r[0]) and \
                not any(v in r[0].replace("监督管理机构", "") for v in VERB_START2):
            # ……乡镇人民政府重新组建物业管理委员会: a verb; 国务院银行业监督管理机构 (国务院证券/期货/保险……监督管理机构,
            # 575 times in 17 corpus texts) is a body of the State Council, named 银行业监督管理机构 at the level 国务院 as
            # its departments are (it gave 国务院, and the rest of the name to the act)
            c = self.reg.canonical(r[0])
            return [Mention(c, r[0], k, r[1], known=False)], r[1]
        return None

    def _after_level(self, text: str, j: int, discover: bool = False):
        for head in ("人民代表大会常务委员会", "人民代表大会", "人民政府"):
            if text.startswith(head, j):
                return "gov", [head], j + len(head)
        if text.startswith(("政府部门", "政府机关"), j):
            return "known", [text[j:j + 4]], j + 4          # 市、区政府部门: the departments at those levels (_GOV_ORGANS)
        if text.startswith("政府", j) and not text.startswith("政府其他", j):
            return "gov", ["人民政府"], j + 2
        s = self.lexicon(text, j)
        if s == "国家" and _STATE_SECURITY.match(text, j):
            r = self.discover(text, j)       # 县级以上国家安全机关: the body, not the state behind a level
            if r and r[1] > j + 4 and not SEP.search(text, j, r[1]):
                return "known", [self.reg.canonical(r[0])], r[1]
        if s and len(s) >= 2:
            return "known", [s], j + len(s)
        d = self.dept_list(text, j)
        if d:
            return "known", d[0], d[1]
        d = self._dept_discover(text, j)      # 市、县级城乡基层网格化服务管理工作主管部门
        if d:
            return "known", [x.name for x in d[0]], d[1]
        if discover:
            # 市、区献血工作机构, 县、自治县……人民武装部: a body or an office the lexicon does not know, behind a list of levels (one level alone
            # is read by discovery itself: 市献血工作机构)
            r = self.discover(text, j)
            if r and r[0].endswith(SUFFIXES + OFFICE_HEADS) and "\u4e00" <= r[0][0] <= "\u9fff":
                return "known", [r[0]], r[1]
        return None
