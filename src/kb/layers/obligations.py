"""Obligation statements and governance relations (a layer keyed by eid).

Follows ``../shared/spec/obligations.md``: one record per (article, paragraph, item, actor,
modality); modalities obligation | prohibition | permission | encouragement | sanction.
The parse tree is not changed; offsets are into the node's ``text``.

How a statement is found (rule-based, no model):
* a modal word (应当, 不得, 可以 …) and its subject: the nearest actor group that opens a clause
  of the same sentence before the modal word, else the subject carried over from an earlier
  clause or sentence of the same paragraph;
* a duty assigned without a modal word: ``X负责/承担/履行/做好/协助/给予……``, ``由X + verb``,
  ``成立X，负责……``, ``X的任务：``;
* 鼓励/支持/倡导/引导 followed by an actor (the encouraged party);
* in liability clauses ``由X予以/责令/处……`` (the sanctioning body);
* a duty on the object: ``督促/责令 Y ……`` gives Y an obligation (explicit = false).
Coordinated actors are split (市、县（市、区）人民政府 → 2; 财政、……等部门 → one per department);
a department keeps its level prefix as ``levels``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kb.layers.actors import PERSON_SUFFIXES, SUFFIXES, Registry, load_registry

MODALITIES = ("obligation", "prohibition", "permission", "encouragement", "sanction")
MODALITY_NAMES = {"obligation": "义务", "prohibition": "禁止", "permission": "授权", "encouragement": "鼓励",
                  "sanction": "处罚"}
RELATIONS = ("指导", "支持", "帮助", "协助", "监督", "检查", "考核", "委托", "督促", "责令", "纠正", "组织",
             "牵头", "查处")


@dataclass
class Statement:
    article: int | str
    paragraph: int | None
    item: int | None
    eid: str
    actor: str | None
    modality: str
    explicit: bool
    action: str
    start: int
    end: int
    deadline: str | None = None
    quantity: str | None = None
    levels: list[str] = field(default_factory=list)
    citation: str = ""
    kind: str | None = None            # the actor's kind (government, department …)

    def to_dict(self) -> dict:
        return {"article": self.article, "paragraph": self.paragraph, "item": self.item, "eid": self.eid,
                "actor": self.actor, "modality": self.modality, "explicit": self.explicit,
                "action": self.action, "start": self.start, "end": self.end, "deadline": self.deadline,
                "quantity": self.quantity, "levels": list(self.levels)}


@dataclass
class Relation:
    from_: str
    relation: str
    to: str | None
    eid: str

    def to_dict(self) -> dict:
        return {"from": self.from_, "relation": self.relation, "to": self.to, "eid": self.eid}


@dataclass
class Mention:
    name: str                    # canonical
    surface: str
    start: int
    end: int
    levels: list[str] = field(default_factory=list)
    known: bool = True


@dataclass
class Group:
    mentions: list[Mention]
    start: int
    end: int


# --------------------------------------------------------------------------------------------
# vocabulary

_MODALS = [("不应当", "prohibition"), ("不得", "prohibition"), ("禁止", "prohibition"), ("严禁", "prohibition"),
           ("不应", "prohibition"), ("不准", "prohibition"), ("不许", "prohibition"),
           ("应当", "obligation"), ("应该", "obligation"), ("必须", "obligation"), ("可以", "permission"),
           ("有权", "permission"), ("须", "obligation"), ("应", "obligation"), ("可", "permission")]
_YING_NOT = ("相应", "适应", "供应", "回应", "响应", "对应", "反应", "呼应", "效应", "答应", "感应", "顺应")
_YING_NEXT = "急用对届邀聘征"
_KE_NOT_PREV = "许认不即宁"
_KE_NOT_NEXT = ("能", "行", "靠", "持续", "视", "控", "再生", "回收", "供", "疑", "见", "观", "口", "信")
_XU_NOT_PREV = "无必"

_SEP = re.compile(r"以及|及其(?!他)|或者|和其他|或其他|、|和|及|或|暨")
_DUTY = re.compile(r"具体承担|承担|负责(?!人)|履行|做好|依法协助|协助|给予|统筹解决|具体实施")
_ENC = ("鼓励", "倡导", "引导")
_CHAIN_V = ("鼓励", "支持", "倡导", "引导", "指导", "帮助", "协助", "督促", "组织", "协调", "责令", "委托",
            "监督", "检查", "考核", "查处", "纠正", "动员")
_CHAIN = re.compile("(?:%s)(?:(?:、|和|与|并|及|或者)?(?:%s))*" % ("|".join(_CHAIN_V), "|".join(_CHAIN_V)))
_SANCTION_V = re.compile(r"予以|给予[^，。；]{0,4}?(?:处分|处罚|警告|罚款)|责令|处以|处[0-9一二三四五六七八九十百千万]|罚款|没收|吊销|收回|取消|追究|通报|警告|"
                         r"暂扣|降低|撤销|依法处理|处分|训诫|拘留")
_YOU_NOT = ("由于", "由此", "自由", "理由", "经由", "事由", "缘由", "交由", "转由", "应由", "来由", "由衷")
_STOP_IN_NAME = re.compile(r"应当|可以|不得|必须|通过|按照|根据|依照|依法|对于|对|向|将|把|在|为|给|以|由|经|"
                           r"违反|发生|涉及|需要|从事|享受|新增|设立|开展|提供|建立|组织|负责|进行|实施|[，。；：、]")
_BAD_START = ("有", "是", "的", "和", "或", "及", "并", "等", "其", "该", "下列", "上述", "前款", "本款", "以下")
#: a discovered name does not start with a verb (履行组织…, 指导和监督业主大会 are not actors)
_VERB_START = ("履行", "开展", "做好", "组织", "推动", "推进", "加强", "建立", "协助", "指导", "支持", "提供", "完善",
               "负责", "依托", "利用", "引导", "鼓励", "发挥", "保障", "落实", "制定", "组建", "监督", "检查", "考核",
               "选举", "选聘", "成立", "参加", "参与", "承担", "办理", "促进", "培育", "整合", "帮助",
               "督促", "委托", "协调", "健全", "设立", "撤销", "调整", "申请", "接受", "需要", "享受", "发放", "举办",
               "兴办", "改变", "维护", "反映", "调解", "宣传", "动员", "召集", "主持", "讨论", "决定",
               "实施", "执行", "遵守", "配合", "审计", "拨付", "纳入", "给予", "按照", "根据", "通过", "未", "不",
               "尊重", "接受", "获得", "要求", "请求", "损害", "索取", "侵犯", "侵占", "强迫", "强行", "泄露", "帮助",
               "照顾", "赡养", "扶养", "抚养", "教育居民", "保护", "参照", "优先", "禁止", "严禁", "或者")
_VERB_START2 = tuple(v for v in _VERB_START if len(v) > 1)
#: a clause opening with these words is a condition, not a subject (有五分之一以上的居民……提议，应当……)
_PREFIX_STOP = re.compile(r"应当|可以|不得|必须|向|对|由|经|(?<!)从(?!事)|将|把|给|参加|参与|需要")
_COND_START = ("有", "如", "若", "凡", "当", "因", "需要", "涉及", "发生", "违反", "对于", "对", "经", "除")
_CLAUSE_END = "，。；：！？\n"
_SENT_END = "。；！？\n"

_DEADLINE = re.compile(
    r"(?:在|自|于)?[^，。；：]{0,20}?(?:之日起|之日|起)[^，。；：]{0,6}?"
    r"(?:[0-9０-９]+|[一二三四五六七八九十两百]+)个?(?:工作日|日|天|个月|月|年|小时)(?:内|以内)?"
    r"|(?:[0-9０-９]+|[一二三四五六七八九十两百]+)个?(?:工作日|日|天|个月|小时)(?:内|以内)")
_NUM = r"(?:[0-9０-９.]+|[一二三四五六七八九十两百千万零]+)"
_QUANTITY = re.compile(
    rf"每[^，。；：]{{1,12}}?(?:不低于|不少于|不超过|不高于|至少|不足)[^，。；：]{{0,12}}?{_NUM}[^，。；：的]{{0,6}}"
    rf"|{_NUM}万?元以上(?:{_NUM}万?元)?以下(?:的)?罚款"
    rf"|{_NUM}(?:户|人|名)至{_NUM}(?:户|人|名)")

#: a competence clause: a public body's own act stated without a modal word (X组织编制……，报……审批)
_COMPETENCE = re.compile(r"(?:(?:会同|根据|依照|按照|依据)[^。；]{0,40}?，?)?"
                         r"(?:组织编制|组织实施|组织制定|组织审查|编制|审批|审查|批准|确定|划定|制定|公布|发布|报(?!告))")

#: what may follow a coordinated list of parties: a modal word or the clause's verb
_BARE_FOLLOW = re.compile(r"应当|应|必须|须|不得|可以|可|有权|负责(?!人)|依法|按照|依照|根据|在|为|向|对|与|以|通过|利用|"
                          r"参与|参加|开展|提供|积极|主动|加入|捐赠|捐助|发挥|投入|兴办|举办|建立|设立|承担|组织|结对|"
                          r"帮助|给予|共同|协同|配合|协助|做好|履行|实施|进入|合作|创办|运营|从事|加强|落实|，")
_LIST_SEP = re.compile(r"以及|或者|、|和|及|或")
_LIST_NEAR = re.compile(r"、|和|及|或")                   # a list has a separator close to its start
#: a bare conjunct: a short noun ending right before a separator, 等, or what may follow the list
_BARE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?=以及|或者|、|和|及|或|等|%s)" % _BARE_FOLLOW.pattern)
#: last characters of a noun naming a body or a place that acts (车站, 码头, 商场, 公园, 图书馆 …)
_AGENT_HEAD_CHARS = "馆站头场园院校厂店行社台户会团队军部局处室家人者员方商司庭铺坊厅中位构织侨胞民工生师友属兵士"
_BARE_VERB = ("发展", "采用", "使用", "设置", "加快", "探索", "实行", "推广", "创新", "增强", "提高", "改善", "普及",
              "规范", "鼓励", "倡导", "引导", "开发", "培养", "扶持", "优化", "保护", "弘扬", "树立", "形成", "实现",
              "新建", "改建", "扩建", "建设", "修建", "运送", "邮寄", "携带", "推荐", "申请", "自行")


_THING_HEADS = ("工作", "服务", "活动", "经费", "资金", "项目", "设施", "规划", "制度", "体系", "机制", "标准",
                "信息", "资源", "技术", "产品", "方式", "方面", "领域", "事业", "产业", "行业", "文化", "环境",
                "以上", "以下", "方法", "措施", "政策", "意见", "建议", "材料", "文件", "资料", "情况", "财产",
                "内容", "结果", "期限", "费用", "程序", "方案", "合同", "协议", "决定", "规约", "章程", "区域")


def _thing(head: str) -> bool:
    """修建性详细规划 (应当……): a short noun phrase naming a thing, not a body."""
    return 2 <= len(head) <= 14 and head.endswith(_THING_HEADS) and not _STOP_IN_NAME.search(head) and \
        not re.search(r"[，、和及或]", head) and not any(v in head for v in _VERB_START2)


def _bare_ok(n: str) -> bool:
    """Can n be a party in a list (not a verb phrase, an activity or a thing)?"""
    if n[-1] in "乡镇市县区省村" or n in ("国家", "社会", "政府"):
        return False             # 农村地区乡、镇人民政府: a level or a territory, not a party
    if "的" in n or "之间" in n or _STOP_IN_NAME.search(n) or n.startswith(_VERB_START2 + _BARE_VERB + _BAD_START):
        return False
    if n.endswith(_THING_HEADS):
        return False
    return not re.search(r"[0-9０-９一二三四五六七八九十百千万]", n)


#: every place a name head (SUFFIXES, PERSON_SUFFIXES) starts; the longest head at each place
_SUFFIX_AT = re.compile("(?=(%s))" % "|".join(sorted(SUFFIXES + PERSON_SUFFIXES, key=len, reverse=True)))

_REL_TARGET_SKIP = ("给", "同级", "驻地社区的", "当地", "所在地", "所在地的")


# --------------------------------------------------------------------------------------------
# actor groups

class _Scanner:
    def __init__(self, reg: Registry):
        self.reg = reg
        self.surfaces = reg.surfaces()
        self.first: dict[str, list[str]] = {}
        for s in self.surfaces:
            self.first.setdefault(s[0], []).append(s)
        self.levels = reg.levels
        self._levels_first: dict[str, list[str]] = {}
        for lv in self.levels:              # longest first, as in reg.levels
            self._levels_first.setdefault(lv[0], []).append(lv)
        self._stems_by_first: dict[str, list[str]] = {}
        for st in reg.stems:             # 城市管理 is a department stem, not the level 城市 + 管理
            self._stems_by_first.setdefault(st[0], []).append(st)

    def lexicon(self, text: str, i: int) -> str | None:
        for s in self.first.get(text[i:i + 1], ()):
            if text.startswith(s, i):
                if s.endswith("人") and text[i + len(s):i + len(s) + 1] in "身民员口格":
                    continue          # 申请人身安全保护令
                return s
        return None

    def level_list(self, text: str, i: int) -> tuple[list[str], int]:
        levels: list[str] = []
        j = i
        while True:
            if text.startswith("所在", j) and not text.startswith("所在地", j):
                j += 2
            for lv in self._levels_first.get(text[j:j + 1], ()):
                if text.startswith(lv, j) and not any(st.startswith(lv) and len(st) > len(lv) and
                                                      text.startswith(st, j) for st in self._stems_by_first.get(lv[0], ())):
                    j += len(lv)
                    m = re.compile(r"（[^（）]{1,8}）").match(text, j)
                    if m and not lv.endswith("）"):
                        lv += m.group(0)
                        j = m.end()
                    levels.append(lv)
                    break
            else:
                break
            sep = re.compile(r"、|和|及|或者|或").match(text, j)
            if sep and any(text.startswith(lv, sep.end()) for lv in self.levels):
                j = sep.end()
                continue
            if text[j:j + 1] == "的":
                j += 1
            # a level may be directly followed by another (所在地县（市、区）)
            if any(text.startswith(lv, j) for lv in self.levels) and not self._known_at(text, j):
                continue
            break
        return (levels, j) if levels else ([], i)

    def _known_at(self, text: str, j: int) -> bool:
        s = self.lexicon(text, j)
        return bool(s) and len(s) > 1

    def dept_list(self, text: str, i: int) -> tuple[list[str], int] | None:
        """财政、自然资源和规划……以及政府其他部门 -> names; i at the first stem."""
        m = re.compile(r"[^，。；：！？\n]{0,80}?部门").match(text, i)
        if not m:
            return None
        chunk = text[i:m.end() - 2]
        tail = ""
        tm = re.search(r"(?:等(?:其他)?(?:有关|相关)?|(?<!、)(?:有关|相关))(?:行政管理|行政主管|主管|行政)?$", chunk)
        if tm and tm.start() > 0:
            chunk, tail = chunk[:tm.start()], tm.group(0)
        if not chunk:
            return None
        pieces = [p for p in re.split(r"以及|、|，", chunk) if p]
        names: list[str] = []
        known = 0
        for k, p in enumerate(pieces):
            last = k == len(pieces) - 1
            if last and not tail and (p + "部门") in self.reg.alias:
                names.append(p + "部门")
                known += 1
                continue
            if p in self.reg.stems:
                names.append(p + "部门")
                known += 1
                continue
            parts = re.split(r"和|及", p)
            if len(parts) > 1 and all(q in self.reg.stems for q in parts):
                names += [q + "部门" for q in parts]
                known += 1
                continue
            if 2 <= len(p) <= 10 and not _STOP_IN_NAME.search(p) and "的" not in p and "政府" not in p:
                names.append(p + "部门")
                continue
            return None
        if not known and not (tail.startswith("等") and len(pieces) > 1 and all(len(p) <= 8 for p in pieces)):
            return None        # 价格、城乡规划……等其他行政管理部门: a closed list of stems is a list of departments
        return names, m.end()

    def discover(self, text: str, i: int, agent: bool = False) -> tuple[str, int] | None:
        ends = []
        for m in _SUFFIX_AT.finditer(text, i, i + 16):
            k, suf = m.start(), m.group(1)
            e = k + len(suf)
            if suf in PERSON_SUFFIXES:
                if e > i + 10 or text[e:e + 1] in "民员口群格身权" or (suf == "者" and text[k - 1:k] == "或"):
                    continue
            elif e > i + 16:
                continue
            ends.append(e)
        ends = sorted(set(ends))
        for n, e in enumerate(ends):
            r = self._candidate(text, i, e, agent)
            if r:
                if text[e - 2:e] == "组织":
                    # 组织 is also a verb: 城乡规划组织编制机关 is one name, not 城乡规划组织 + 编制机关
                    for e2 in ends[n + 1:]:
                        if e2 - e <= 6 and not _STOP_IN_NAME.search(text[e:e2]) and \
                                not any(c in text[e:e2] for c in _CLAUSE_END + "和及或与"):
                            name2 = text[i:e2]
                            return name2[name2.rindex("的") + 1:] if "的" in name2 else name2, e2
                return r
        return None

    def _candidate(self, text: str, i: int, e: int, agent: bool) -> tuple[str, int] | None:
        name = text[i:e]
        if any(c in name for c in _CLAUSE_END) or len(name) < 3 or name in ("他人", "本人", "其人"):
            return None
        if re.search(r"[0-9一二三四五六七八九十百千]人$", name):
            return None           # 户代表五人
        if name.endswith("局") and name[-2:-1] in "布格结大全骗时僵开终棋变残":
            return None           # 用地布局, 总体格局: not a bureau
        if re.match(r"报(?!刊|社|纸)", name):
            return None           # 报上一级人民政府审批: a verb
        if re.search(r"和其他|及其他|或者|以及", name):
            return None           # 副行长及其他工作人员: a coordination, not one name
        if name.startswith(("组织", "主管", "承办")) and name.endswith(("机关", "部门", "单位", "机构")) and \
                _MODAL_RE.match(text, e) and "的" not in name:
            return name, e        # 组织编制机关应当……: the whole noun phrase before the modal word
        if (name.startswith(_BAD_START) and not name.startswith(("有关", "其他"))) or \
                (name.startswith(_VERB_START) and not (agent and "的" in name)) or \
                (_STOP_IN_NAME.search(name[:-2] if len(name) > 2 else "") and not agent):
            return None
        if "的" in name:
            tail = name[name.rindex("的") + 1:]
            if len(tail) >= 2 and (tail in self.reg.alias or (not agent and not any(tail == x for x in SUFFIXES))):
                return tail, e
        m = re.match(r"(?:相关|各类|其他各类|该)(.{3,})$", name)
        if m:
            name = m.group(1)
        return name, e

    def element(self, text: str, i: int, discover: bool) -> tuple[list[Mention], int] | None:
        reg = self.reg
        # 1. a known name (longest match); 本市各级人民政府: 本市 qualifies what follows
        if text.startswith("本市", i):
            nxt = self.element(text, i + 2, discover)
            if nxt is not None:
                return nxt
        # 物业所在地县级人民政府……, 户籍所在地的……: a place qualifies the body that follows
        m = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:所在地|住所地|户籍地|居住地)的?").match(text, i)
        if m and not _STOP_IN_NAME.search(text[i:m.start() + len(m.group(0)) - 3]):
            nxt = self.element(text, m.end(), discover)
            if nxt is not None and self.reg.kind_of(nxt[0][0].name) in ("government", "department"):
                return nxt
        s = self.lexicon(text, i)
        levels, j = self.level_list(text, i)
        if s and (not levels or len(s) >= j - i + 2 or not self._after_level(text, j)):
            e = i + len(s)
            if s.endswith("人民政府"):
                m = re.compile(r"的?(?:有关|相关)部门").match(text, e)
                if m:
                    return [Mention("有关部门", text[i:m.end()], i, m.end())], m.end()
            if reg.kind_of(reg.canonical(s)) == "government" and not s.endswith(("办事处", "机关", "法院", "检察院")):
                # 市人民政府房地产行政主管部门, 国务院城乡规划主管部门: the government's department
                sub = self._gov_department(text, e, discover)
                if sub:
                    lv = s[:-4] if s.endswith("人民政府") and len(s) > 4 else s
                    for x in sub[0]:
                        x.levels = [lv]
                        x.start = i
                    return sub
            m = re.compile(r"(?:所在|所属|下属)?[\u4e00-\u9fff]{0,4}?(?:%s)" % "|".join(SUFFIXES)).match(text, e)
            if m and discover and re.compile(r"所在|所属|下属").match(text, e) and not _SEP.search(m.group(0)):
                name = text[i:m.end()]
                c = reg.canonical(name)
                return [Mention(c, name, i, m.end(), known=reg.is_known(c))], m.end()
            # 市辖区的人民政府有关部门 style: gov + 有关部门 -> 有关部门
            return [Mention(reg.canonical(s), s, i, e)], e
        # 2. levels + government / department / known actor
        if levels:
            r = self._after_level(text, j)
            if r:
                kind, names, e = r
                if kind == "gov":
                    head = names[0]
                    out = [Mention(reg.canonical(f"{lv}{head}") if head == "人民政府" else f"{lv}{head}",
                                   text[i:e], i, e, [lv]) for lv in levels]
                    m = re.compile(r"的?(?:有关|相关)?部门").match(text, e)
                    if m and head == "人民政府":
                        return [Mention("有关部门", text[i:m.end()], i, m.end(), levels)], m.end()
                    if head == "人民政府":      # 县级以上人民政府侨务部门: the government's department
                        k = e + (1 if text.startswith("的", e) else 0)
                        sub = None
                        if not _SEP.match(text, k) and not text.startswith(("及", "和", "或"), k):
                            sub = self.element(text, k, discover=False) or self._dept_discover(text, k)
                        if sub and all(reg.kind_of(x.name) == "department" for x in sub[0]):
                            for x in sub[0]:
                                x.levels = list(levels)
                                x.start = i
                            return sub
                    return out, e
                return [Mention(reg.canonical(n), n, i, e, list(levels)) for n in names], e
        # 3. department stems list
        d = self.dept_list(text, i)
        if d:
            names, e = d
            return [Mention(reg.canonical(n), n, i, e) for n in names], e
        # 4. discovery
        if discover:
            r = self.discover(text, i)
            if r:
                name, e = r
                c = reg.canonical(name)
                return [Mention(c, text[i:e], i, e, known=reg.is_known(c))], e
        return None

    def _gov_department(self, text: str, e: int, discover: bool):
        """A department named right after its government (no separator in between)."""
        k = e + (1 if text.startswith("的", e) else 0)
        if _SEP.match(text, k) or text.startswith(("及", "和", "或", "等"), k):
            return None
        sub = self.element(text, k, discover=False) or self._dept_discover(text, k)
        if sub and all(self.reg.kind_of(x.name) == "department" for x in sub[0]):
            return sub
        return None

    def _dept_discover(self, text: str, i: int):
        m = re.compile(r"[\u4e00-\u9fff]{2,16}?部门").match(text, i)
        if m and not _STOP_IN_NAME.search(m.group(0)[:-2]):
            c = self.reg.canonical(m.group(0))
            return [Mention(c, m.group(0), i, m.end(), known=self.reg.is_known(c))], m.end()
        return None

    def _after_level(self, text: str, j: int):
        for head in ("人民代表大会常务委员会", "人民代表大会", "人民政府"):
            if text.startswith(head, j):
                return "gov", [head], j + len(head)
        if text.startswith("政府", j) and not text.startswith("政府其他", j):
            return "gov", ["人民政府"], j + 2
        s = self.lexicon(text, j)
        if s and len(s) >= 2:
            return "known", [s], j + len(s)
        d = self.dept_list(text, j)
        if d:
            return "known", d[0], d[1]
        d = self._dept_discover(text, j)      # 市、县级城乡基层网格化服务管理工作主管部门
        if d:
            return "known", [x.name for x in d[0]], d[1]
        return None

    def group(self, text: str, i: int, discover: bool = False) -> Group | None:
        if discover:
            g = self.listed(text, i)
            if g:
                return g
        g = self._group(text, i, discover)
        if discover and _LIST_NEAR.search(text, i, i + 16):
            c = self.coordinated(text, i)
            if c is not None and (g is None or (len(c.mentions) > len(g.mentions) and c.end >= g.end)):
                return c
        return g

    def coordinated(self, text: str, i: int) -> Group | None:
        """A coordinated list of parties, some of them unknown to the lexicon:
        会展场所、体育场馆、车站、码头等为……; 学校、医院、养老机构应当……; 企业、高等院校、科研院所参与…….

        Each conjunct is a known or discoverable actor, or a bare noun (2-8 characters, no verb, no
        的).  The list is accepted when it has two or more conjuncts and is anchored: it is closed by
        等 (……等为, ……等社会力量), or one conjunct at least is a known or discovered actor; and what
        follows it is a modal word or the verb of the clause.
        """
        mentions: list[Mention] = []
        known = 0
        bare: list[str] = []
        k = i
        while True:
            el = self.element(text, k, discover=True)
            for mod in ("其他各类", "其他", "各类", "有关", "相关"):
                if el is None and text.startswith(mod, k):
                    el = self.element(text, k + len(mod), discover=True)
                    if el is not None:
                        for x in el[0]:
                            x.start = k
            if el is not None and not (el[1] < len(text) and _BARE_FOLLOW.match(text, el[1]) is None and
                                       not _LIST_SEP.match(text, el[1]) and not text.startswith("等", el[1])):
                ms, e = el
                known += any(self.reg.is_known(x.name) for x in ms)
            else:
                m = _BARE.match(text, k)
                if not m or not _bare_ok(m.group(1)):
                    break
                n = m.group(1)
                c = self.reg.canonical(n)
                ms, e = [Mention(c, n, k, m.end(1), known=self.reg.is_known(c))], m.end(1)
                if not self.reg.is_known(c):
                    bare.append(n)
                known += self.reg.is_known(c)
            mentions += ms
            k = e
            sep = _LIST_SEP.match(text, k)
            if sep:
                k = sep.end()
                continue
            break
        closed = headed = False
        if text.startswith("等", k) and len(mentions) > 1:
            closed = True
            k += 1
            hm = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:%s|场所|媒体|力量|主体|群体|机构|单位)" % "|".join(SUFFIXES)).match(text, k)
            if hm and _BARE_FOLLOW.match(text, hm.end()):
                k = hm.end()
                headed = True
        if closed and not headed and 2 * sum(n[-1] in _AGENT_HEAD_CHARS for n in bare) < len(bare):
            return None          # 改变名称、住所或者分立、合并、停业等: things and acts, not parties
        if len(mentions) < 2 or not (closed or known) or not _BARE_FOLLOW.match(text, k):
            return None
        if not closed and not all(n[-1] in _AGENT_HEAD_CHARS for n in bare):
            return None          # 个人运送、邮寄、携带……: without 等, an unknown conjunct must look like a body
        return Group(mentions, i, k)

    def _group(self, text: str, i: int, discover: bool = False) -> Group | None:
        start = i
        mentions: list[Mention] = []
        anyone = ""
        while True:
            mod = ""
            for m in ("任何", "其他各类", "各类", "各级", "全体", "它的", "其他", "每个", "每一", "其委托的", "其所属的",
                      "有关", "相关"):
                if text.startswith(m, i) and not self.lexicon(text, i):
                    mod = m
                    break
            if mod == "任何" or text.startswith("任何", i):
                anyone = "任何"
            el = self.element(text, i + len(mod), discover)
            if el is None and mod:
                el = None
            if el is None:
                if anyone and mentions:
                    # 任何部门和单位: the bare noun after the connector
                    m2 = re.compile(r"(部门|单位|组织|个人)").match(text, i)
                    if m2:
                        mentions.append(Mention(f"任何{m2.group(1)}", m2.group(1), i, m2.end()))
                        i = m2.end()
                        sep = _SEP.match(text, i)
                        if sep:
                            i2 = sep.end()
                            if self.element(text, i2, discover) or re.compile(r"(部门|单位|组织|个人)").match(text, i2):
                                i = i2
                                continue
                        break
                break
            ms, e = el
            if mod in ("其他", "有关"):
                for m in ms:
                    if not m.known and not self.reg.is_known(mod + m.name):
                        m.name = self.reg.canonical(mod + m.surface)
            if anyone:
                for m in ms:
                    if not m.name.startswith("任何") and f"任何{m.name}" in self.reg.alias:
                        m.name = f"任何{m.name}"
            mentions += ms
            i = e
            # 及其（有关）部门
            m = re.compile(r"及其(?:有关|相关)?部门").match(text, i)
            if m:
                mentions.append(Mention("有关部门", m.group(0), i, m.end(), [lv for x in ms for lv in x.levels]))
                i = m.end()
            sep = _SEP.match(text, i)
            if not sep:
                break
            j = sep.end()
            if sep.group(0) in ("和其他", "或其他"):
                j -= 2
            nxt = text[j:j + 2]
            if nxt.startswith(("任何",)):
                pass
            if self.element(text, j + (2 if text.startswith(("其他各类",), j) else 0), discover) is None and not (
                    anyone and re.compile(r"(部门|单位|组织|个人)").match(text, j)) and not \
                    self._mod_element(text, j, discover):
                bare = self.bare_before_modal(text, j) if discover else None
                if bare is not None:
                    mentions.append(bare)
                    i = bare.end
                break
            i = j
        if not mentions:
            return None
        m = re.compile(r"等(?:各类|其他)?[^，。；：、]{0,6}?(?:主体|机关|组织|单位|部门|机构|团体|力量|群体)").match(text, i)
        if m and len(mentions) > 1:
            i = m.end()
        elif text.startswith("等", i) and len(mentions) > 1:
            i += 1
        return Group(mentions, start, i)

    def agent(self, text: str, i: int) -> Group | None:
        """The agent after 由: 由街道办事处……, 由发放补贴的部门……, 由全体十八周岁以上的居民……"""
        g = self.group(text, i, discover=True)
        if g is None:
            r = self.discover(text, i, agent=True)
            if r:
                name, e = r
                c = self.reg.canonical(name)
                g = Group([Mention(c, name, i, e, known=self.reg.is_known(c))], i, e)
        if g is None:
            m = re.compile(r"[^，。；：、]{1,12}?的").match(text, i)
            if m:
                g = self.group(text, m.end(), discover=False)
                if g:
                    g.start = i
        return g

    def _mod_element(self, text, j, discover):
        for m in ("其他各类", "各类", "其他", "它的", "各级", "任何", "其委托的", "其所属的", "有关", "相关"):
            if text.startswith(m, j) and self.element(text, j + len(m), discover):
                return True
        return False

    def listed(self, text: str, i: int) -> Group | None:
        """广播、电视、报刊、网站等新闻媒体 -> the listed names (the head is a category)."""
        m = re.compile(r"((?:[\u4e00-\u9fff]{1,8}、)+[\u4e00-\u9fff]{1,8}?)等([\u4e00-\u9fff]{0,8}?)"
                       r"(?=应当|应|必须|不得|可以|可|有权|负责|按照|依法|在|，)").match(text, i)
        if not m:
            return None
        head = m.group(2)
        if head and (not (head in self.reg.alias or head.endswith(SUFFIXES)) or head.endswith("部门")):
            return None
        if not head and any(len(n) > 4 for n in re.split(r"、|和|及", m.group(1))):
            return None
        names = re.split(r"、|和|及", m.group(1))
        if any(_STOP_IN_NAME.search(n) or len(n) < 2 for n in names):
            return None
        out, k = [], i
        for n in names:
            c = self.reg.canonical(n)
            out.append(Mention(c, n, k, k + len(n), known=self.reg.is_known(c)))
            k += len(n) + 1
        return Group(out, i, m.end())

    def bare_before_modal(self, text: str, j: int) -> Mention | None:
        """X、Y和Z应当: the last conjunct may be a noun the lexicon does not know."""
        m = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?=应当|应|必须|不得|可以|可|有权|负责|依法|在)").match(text, j)
        if not m or _STOP_IN_NAME.search(m.group(1)) or m.group(1).endswith(("工作", "服务", "活动", "经费")):
            return None
        c = self.reg.canonical(m.group(1))
        return Mention(c, m.group(1), j, m.end(), known=self.reg.is_known(c))


# --------------------------------------------------------------------------------------------
# extraction

_MODAL_RE = re.compile("|".join(re.escape(w) for w, _ in _MODALS))
_MODAL_OF = dict(_MODALS)


def _find_modals(text: str, a: int, b: int) -> list[tuple[int, int, str, str]]:
    out = []
    for m in _MODAL_RE.finditer(text, a, b):
        i, w = m.start(), m.group(0)
        if w == "应":
            if text[i - 1:i + 1] in _YING_NOT or text[i + 1:i + 2] in _YING_NEXT or text[i + 1:i + 2] == "":
                continue
        elif w == "可":
            if text[i - 1:i] in _KE_NOT_PREV or text.startswith(_KE_NOT_NEXT, i + 1):
                continue
        elif w == "须":
            if text[i - 1:i] in _XU_NOT_PREV or text[i + 1:i + 2] == "知":
                continue
        elif w == "有权":
            if text[i - 1:i] in "所产":
                continue
        elif w == "禁止":
            if text[i + 2:i + 3] == "性":
                continue
        out.append((i, m.end(), w, _MODAL_OF[w]))
    return out


def _segments(text: str, chars: str) -> list[tuple[int, int]]:
    out, s = [], 0
    for k, c in enumerate(text):
        if c in chars:
            if k > s:
                out.append((s, k))
            s = k + 1
    if s < len(text):
        out.append((s, len(text)))
    return out


def _clause_end(text: str, i: int) -> int:
    k = i
    while k < len(text) and text[k] not in _CLAUSE_END:
        k += 1
    return k


def _sent_end(text: str, i: int) -> int:
    k = i
    while k < len(text) and text[k] not in _SENT_END:
        k += 1
    return k


class _Extractor:
    def __init__(self, doc, reg: Registry):
        self.doc = doc
        self.reg = reg
        self.sc = _Scanner(reg)
        self.out: dict[tuple, Statement] = {}
        self.rels: list[Relation] = []
        self.unknown: dict[str, list[str]] = {}

    # -- helpers ---------------------------------------------------------------------------------
    def emit(self, node, art, para, item, mention: Mention | None, modality, explicit, action, start, end,
             sent: str, sent_off: int):
        actor = mention.name if mention else None
        key = (art.number, para, item, actor, modality)
        deadline = quantity = None
        m = _DEADLINE.search(sent)
        if m:
            deadline = m.group(0)
        m = _QUANTITY.search(sent)
        if m:
            quantity = m.group(0)
        levels = list(mention.levels) if mention else []
        kind = self.reg.kind_of(actor) if actor else None
        if kind == "government" and levels and actor and not actor.endswith("部门"):
            levels = []
        if mention and not mention.known:
            self.unknown.setdefault(actor, []).append(node.eid)
        old = self.out.get(key)
        if old is not None:
            old.explicit = old.explicit or explicit
            old.deadline = old.deadline or deadline
            old.quantity = old.quantity or quantity
            old.levels = list(dict.fromkeys(old.levels + levels))
            return
        self.out[key] = Statement(article=art.number, paragraph=para, item=item, eid=node.eid, actor=actor,
                                  modality=modality, explicit=explicit, action=action.strip("，。；：、 "),
                                  start=start, end=end, deadline=deadline, quantity=quantity, levels=levels,
                                  citation=node.citation, kind=kind)

    def relation(self, subj: Group | None, rel: str, target: Group | None, eid: str):
        if subj is None:
            return
        for s in subj.mentions:
            if target is None:
                if rel == "牵头":
                    self.rels.append(Relation(s.name, rel, None, eid))
                continue
            for t in target.mentions:
                if t.name != s.name:
                    self.rels.append(Relation(s.name, rel, t.name, eid))

    def subject_groups(self, text: str, a: int, b: int, carried: Group | None,
                       last_stmt: Group | None) -> list[tuple[int, Group]]:
        """Actor groups that open a clause of text[a:b] (possibly after a modifier ending in 的).

        A clause whose subject is a place or a thing inside an actor (居民委员会中应当……) gets an
        empty group, so that no subject is carried into it.
        """
        out = []
        for ca, cb in _segments(text[a:b], "，：,"):
            ca += a
            cb += a
            if text.startswith(_COND_START, ca) and not self.sc.lexicon(text, ca) and \
                    not text.startswith(("有关", "有权"), ca):
                continue
            found_before = len(out)
            k = ca
            while k < cb:
                if k == ca or text[k - 1] == "的":
                    if k == ca and (text.startswith(("他们", "它们"), k) or (text.startswith("其", k)
                                                                        and not self.sc.lexicon(text, k))):
                        g = None
                        g_after = self.sc.group(text, k + 1, discover=False) if text.startswith("其", k) else None
                        if g_after is not None and not re.compile(r"其(成员|工作人员)").match(text, k):
                            out.append((k, g_after))
                            break
                        if text.startswith("其", k):
                            m = re.compile(r"其(成员|工作人员)").match(text, k)
                            prev = next((g0 for _, g0 in reversed(out) if g0.mentions), carried)
                            if m and prev is not None and prev.mentions:
                                base = prev.mentions[0].name
                                name = self.reg.canonical(base + m.group(1))
                                if self.reg.is_known(name):
                                    g = Group([Mention(name, m.group(0), k, m.end())], k, m.end())
                            elif re.compile(r"其[^，。；]{0,3}(应当|应|必须|不得|可以|可|有权)").match(text, k) and last_stmt:
                                g = Group([Mention(x.name, "其", k, k + 1, x.levels) for x in last_stmt.mentions],
                                          k, k + 1)
                            else:
                                g = Group([], k, k + 1)       # 其家属聚居区: not an actor
                        elif last_stmt is not None:
                            g = Group([Mention(x.name, "他们", k, k + 2, x.levels) for x in last_stmt.mentions],
                                      k, k + 2)
                        if g:
                            out.append((k, g))
                        break
                    g = self.sc.group(text, k, discover=True)
                    if g and g.end <= cb:
                        nxt = text[g.end:g.end + 1]
                        if nxt in ("中", "内") and not text.startswith("内容", g.end):
                            out.append((k, Group([], k, g.end + 1)))
                            break
                        if text.startswith("之间", g.end):
                            out.append((k, g))
                            break
                        # 县级以上人民政府负责妇女儿童工作的机构: the relative clause names the actor
                        rm = re.compile(r"负责[^，。；的]{1,12}的(?:机构|部门|单位|组织)(?=，|应当|负责|可以)").match(
                            text, g.end)
                        if rm:
                            name = self.reg.canonical(rm.group(0))
                            out.append((k, Group([Mention(name, rm.group(0), g.end, rm.end(),
                                                          known=self.reg.is_known(name))], k, rm.end())))
                            break
                        if nxt in ("的", "之", "所") and not re.compile(r"的(任务|职责)[：是]").match(text, g.end):
                            k = g.end
                            continue
                        # 城市、县人民政府组织编制的总体规划，……应当……: the clause is a thing made by the actor
                        rel = re.fullmatch(r"([^，。；的]{1,10})的[\u4e00-\u9fff]{1,12}", text[g.end:cb])
                        if rel and _COMPETENCE.fullmatch(rel.group(1)) and self._public(g):
                            out.append((k, Group([], k, cb)))
                            break
                        # 居民公约的内容, 政府投资兴办的……, 居民不足二百户的……: the actor modifies a noun
                        mm = re.compile(r"([^，。；的]{1,6})的").match(text, g.end)
                        if mm and (len(mm.group(1)) <= 4 or re.search(r"[0-9一二三四五六七八九十百千]", mm.group(1))) \
                                and not mm.group(1).startswith(_VERB_START2) and \
                                not re.search(r"应当|应|必须|不得|可以|可|有权|负责|对|向|在|按照|根据|依法|从事|协助",
                                              mm.group(1)):
                            k = g.end
                            continue
                        if k > ca:
                            prefix = text[ca:k]
                            if _PREFIX_STOP.search(prefix) or prefix.startswith(_VERB_START2):
                                break
                        out.append((k, g))
                        break
                if text[k] in "对向由经将把为在与同按依根通" and (k == ca or text[k - 1] in "，、"):
                    break
                k += 1
            if len(out) == found_before:
                mm = _find_modals(text, ca, cb)
                if not mm and not _find_modals(text, cb + 1, min(cb + 4, b)):
                    continue            # only a clause right before its modal word can be its subject
                head = text[ca:mm[0][0]] if mm else text[ca:cb]
                if (re.fullmatch(r"[^，、]{1,20}的[\u4e00-\u9fff]{1,6}", head) or (ca == a and _thing(head))) and \
                        not head.startswith(_COND_START) \
                        and not head.startswith(("不", "未", "没", "但", "并", "而", "也") + _VERB_START2):
                    out.append((ca, Group([], ca, ca + len(head))))    # a thing is the subject
        return out

    # -- one node ----------------------------------------------------------------------------------
    def node(self, node, art, para, item, liability: bool, para_state: dict):
        text = node.text
        if not text:
            return
        is_item = item is not None
        carried: Group | None = para_state.get("carried")
        last_stmt: Group | None = para_state.get("last_stmt")
        for sa, sb in _segments(text, _SENT_END):
            sent = text[sa:sb]
            if re.search(r"所称|是指", sent):
                continue
            liab = liability or bool(re.search(r"^违反", sent)) or bool(
                re.search(r"的，(?:由|对)", sent) and re.search(r"违反|未|不履行|没有履行|擅自|拒不|逾期|拒绝|挪用|侵占|"
                                                           r"玩忽职守|滥用职权|过错|损害|情节", sent))
            subs = self.subject_groups(text, sa, sb, carried, last_stmt)
            events: list[tuple] = []
            handled_agents: set[int] = set()

            agents: list[tuple[int, Group]] = []

            def subject_at(pos: int) -> Group | None:
                best, bp = None, -1
                for p, g in subs + agents:
                    if p < pos and g.end <= pos and p > bp:
                        best, bp = g, p
                return best

            # 由 + agent
            for m in re.finditer("由", sent):
                p = sa + m.start()
                if text[p - 1:p + 1] == "交由" and not _find_modals(text, sa, p):
                    pass                 # 审议意见交由本级人民政府研究处理 (but 不得将……交由X办理 is not X's duty)
                elif text[p - 1:p + 1] in _YOU_NOT or text[p:p + 2] in _YOU_NOT:
                    continue
                g = self.sc.agent(text, p + 1)
                if not g:
                    continue
                handled_agents.add(p)
                events.append((p, "agent", g))
                agents.append((p, g))
            for (p, e, w, mod) in _find_modals(text, sa, sb):
                events.append((p, "modal", (e, w, mod)))
            for m in _CHAIN.finditer(sent):
                p = sa + m.start()
                if self._inside_name(text, p, m.end() + sa):
                    continue
                events.append((p, "chain", (sa + m.end(), m.group(0))))
            for m in re.finditer(r"对", sent):     # 对违法物业服务企业及时依法查处, 对居民委员会的工作给予指导
                p = sa + m.start()
                k = p + 1 + (2 if text.startswith("违法", p + 1) else 0)
                g = self.sc.group(text, k, discover=True)
                if not g:
                    continue
                vm = re.compile(r"[^，。；]{0,10}?(%s)" % _CHAIN.pattern).match(text, g.end)
                if vm:
                    events.append((p, "obj", (g, vm.group(1))))
            for m in re.finditer(r"成立", sent):
                p = sa + m.start()
                g = self.sc.group(text, p + 2, discover=True)
                if g and re.compile(r"，?(?:负责|承担)").match(text, g.end):
                    events.append((p, "found", g))
            events.sort(key=lambda x: x[0])

            cur_subj = carried
            modal_positions = [ev[0] for ev in events if ev[1] == "modal"]
            for (p, typ, data) in events:
                s_here = subject_at(p) or carried
                if typ == "modal":
                    e, w, mod = data
                    ce = _clause_end(text, e)
                    clause_tail = text[e:ce]
                    if clause_tail.endswith("的") or re.search(r"的(事项|情形|人|人员)$", clause_tail) or \
                            re.fullmatch(r"(?:由[^，。；]{0,16}|[^，。；]{0,6})的行为", clause_tail) or \
                            re.search(r"的[^，。；]{0,10}除外$", clause_tail) or \
                            re.compile(r"[^，。；以]?的").match(clause_tail):
                        continue       # a relative clause (应由……办理的事项, 依法应尽的义务)
                    if text[p - 1:p] in "的" and w in ("可", "应"):
                        continue
                    actor_g = s_here
                    if w in ("禁止", "严禁") and actor_g is not None and actor_g.end == p:
                        actor_g = None          # 国家禁止……: who must not is not named
                    ag = re.compile(r"(?:由|经)").match(text, e)
                    if ag and text.startswith("由", e):
                        g2 = self.sc.agent(text, e + 1)
                        if g2:
                            actor_g = g2
                    if liab and _SANCTION_V.search(text[e:e + 8]) and mod != "prohibition":
                        mod = "sanction"
                    action = text[e:sb]
                    start = actor_g.start if actor_g and sa <= actor_g.start and actor_g.end <= p else p
                    if actor_g is None or not actor_g.mentions:
                        self.emit(node, art, para, item, None, mod, True, action, p, sb, sent, sa)
                        continue
                    for mt in actor_g.mentions:
                        self.emit(node, art, para, item, mt, mod, True, action, start, sb, sent, sa)
                    last_stmt = actor_g
                    carried = actor_g if not is_item else carried
                elif typ == "agent":
                    g = data
                    vp = text[g.end:_clause_end(text, g.end)]
                    if not vp or vp[0] in "，。；的" or (re.match(r"[^，。；对向将把给]{0,14}的", vp) and
                                                        not re.match(r"根据|依据|按照|依照|在|会同", vp)):
                        continue        # 主要由捐赠人出资兴建的工程项目: a relative clause
                    prev_modal = any(q < p and text[q:p].find("，") < 0 and p - q <= 4 for q in modal_positions)
                    if prev_modal:
                        continue      # 可以由X…: handled with the modal word
                    alt = [ev for ev in events if ev[1] == "modal" and ev[0] < p and re.search("或者|也可以", text[ev[0]:p])]
                    if alt and alt[-1][2][2] == "permission":
                        for mt in g.mentions:
                            self.emit(node, art, para, item, mt, "permission", True, vp, p, _sent_end(text, p), sent, sa)
                        continue
                    if liab and re.match(r"(?:依法)?(?:承担|负责赔偿|赔偿)", vp):
                        mod, explicit = "obligation", False      # bears the liability, imposes nothing
                    elif liab and (_SANCTION_V.search(vp) or re.match(r"依法|对|将", vp) or
                                   re.search(r"的，(?:[^，。；]{0,12}，)?$", text[sa:p])):
                        mod, explicit = "sanction", True
                    else:
                        if re.search(r"选举|推选|推举|参加|出席|讨论|表决|通过|组成|产生|提名", vp[:14]) and \
                                all(self.reg.kind_of(x.name) == "individual" for x in g.mentions):
                            continue        # 由居民……选举产生: a right, not a duty
                        mod, explicit = "obligation", False
                    for mt in g.mentions:
                        self.emit(node, art, para, item, mt, mod, explicit, vp, p, _sent_end(text, p), sent, sa)
                    if vp.startswith("牵头"):
                        self.relation(g, "牵头", None, node.eid)
                    if mod == "sanction":
                        for r in ("纠正", "责令", "查处"):
                            if r in vp[:12]:
                                self.relation(g, r, None, node.eid)
                    last_stmt = g
                    if not is_item:
                        carried = g
                elif typ == "chain":
                    e, chain = data
                    k = e
                    for skip in _REL_TARGET_SKIP:
                        if text.startswith(skip, k):
                            k += len(skip)
                            break
                    target = self.sc.group(text, k, discover=True)
                    if target is not None and text[target.end:target.end + 1] in ("的",) and \
                            not re.compile(r"的").match(text, target.end + 1):
                        # 对……的工作: a modifier, not the object
                        if not chain.startswith(("鼓励", "支持", "引导", "倡导")):
                            target = None
                    verbs = [v for v in _CHAIN_V if v in chain]
                    subj = s_here
                    for v in verbs:
                        if v in RELATIONS:
                            self.relation(subj, v, target, node.eid)
                    if target is None:
                        continue
                    enc = any(v in chain for v in _ENC) or (
                        "支持" in chain and any(self.reg.kind_of(t.name) not in ("government", "department",
                                                                             "self-governing")
                                              for t in target.mentions))
                    if enc:
                        for mt in target.mentions:
                            if "支持" in chain and not any(v in chain for v in _ENC) and \
                                    self.reg.kind_of(mt.name) in ("government", "department", "self-governing"):
                                continue
                            self.emit(node, art, para, item, mt, "encouragement", True, text[p:sb], p, sb, sent, sa)
                    if ("督促" in chain or "责令" in chain) and re.compile(r"[^，。；]{0,4}?(?:将|把|依法|及时|按照|落实|履行|"
                                                                         r"改正|整改|限期|做好|开展|办理|移交)").match(
                            text, target.end):
                        for mt in target.mentions:
                            self.emit(node, art, para, item, mt, "obligation", False, text[target.end:sb], p, sb,
                                      sent, sa)
                elif typ == "obj":
                    g, chain = data
                    for v in _CHAIN_V:
                        if v in chain and v in RELATIONS:
                            self.relation(s_here, v, g, node.eid)
                elif typ == "found":
                    g = data
                    for mt in g.mentions:
                        self.emit(node, art, para, item, mt, "obligation", False, text[g.end:sb].lstrip("，"),
                                  g.start, sb, sent, sa)
            # duties without a modal word: X负责……, X协助……, X对Y给予……, X的任务：
            for idx, (p, g) in enumerate(subs):
                nxt = subs[idx + 1][0] if idx + 1 < len(subs) else sb
                scope = text[g.end:nxt]
                first_modal = min([q for q in modal_positions if p <= q < nxt], default=nxt)
                if not g.mentions:
                    continue
                scope = text[g.end:first_modal]
                if any(p < q < nxt for q in handled_agents):
                    continue
                if re.match(r"的(任务|职责)[：是]", scope):
                    m = _DUTY  # lead-in of a list of duties
                    for mt in g.mentions:
                        self.emit(node, art, para, item, mt, "obligation", False, scope[1:], p, nxt, sent, sa)
                    continue
                dm = _DUTY.search(scope) or re.compile(r"(?:按照|依照|根据|在)各自(?:的)?职责").match(scope)
                if not dm and first_modal == nxt and self._public(g):
                    dm = _COMPETENCE.match(scope)      # 省、自治区人民政府组织编制……，报国务院审批
                    if dm and (text[g.end + dm.end():g.end + dm.end() + 1] == "的" or
                               text[g.start - 1:g.start] == "由"):
                        dm = None                        # 城市人民政府组织编制的总体规划: a modifier
                if not dm or "的" in scope[:dm.start()][-1:]:
                    continue
                if re.search(r"无法|未|不|没有|拒绝", scope[:dm.start()]):
                    continue
                run_end = g.end + dm.end()
                while run_end < sb and text[run_end] not in "；。":
                    if text[run_end] == "，" and text[run_end - 1] == "的":
                        break
                    run_end += 1
                if text[run_end - 1:run_end] == "的" and text[run_end:run_end + 1] == "，":
                    continue      # a condition (……履行监护职责，……的，)
                if dm.group(0) == "给予" and "对" not in scope[:dm.start()]:
                    continue
                if liab:
                    continue
                for mt in g.mentions:
                    self.emit(node, art, para, item, mt, "obligation", False, scope[dm.start():], p, nxt, sent, sa)
                last_stmt = g
                if not is_item:
                    carried = g
            # the carried subject for the next sentence: the last clause-opening actor
            if subs and not is_item:
                last_open = subs[-1][1]
                if not any(ev[1] == "agent" and ev[0] > subs[-1][0] for ev in events):
                    # a clause-opening actor that stated nothing does not displace the last actor that did
                    carried = last_open if (last_stmt is None or last_open is last_stmt or
                                            not last_open.mentions) else last_stmt
        if not is_item:
            para_state["carried"] = carried
            para_state["last_stmt"] = last_stmt

    def _public(self, g: Group) -> bool:
        """Every member of g is a public body (a government, a department, a 机关)."""
        return bool(g.mentions) and all(self.reg.kind_of(m.name) in ("government", "department") or
                                        m.name.endswith("机关") for m in g.mentions) and \
            not any(m.name in ("国家", "本市") for m in g.mentions)

    def _inside_name(self, text: str, a: int, b: int) -> bool:
        """Is text[a:b] part of a known actor name (社会组织 contains 组织)?"""
        for k in range(max(0, a - 8), a):
            s = self.sc.lexicon(text, k)
            if s and k + len(s) > a:
                return True
        if text[a - 2:a] in ("民主", "社会", "自治", "公益", "慈善", "群团", "社区", "基层"):
            return True
        return False

    def run(self):
        for art in self.doc.articles:
            chapter = art.ancestor("chapter")
            liability = bool(chapter and chapter.title and re.search(r"责任|罚则", chapter.title))
            for para in art.children:
                if para.kind != "paragraph":
                    continue
                state: dict = {}
                self.node(para, art, para.number, None, liability, state)
                for it in para.children:
                    if it.kind == "item":
                        self.node(it, art, para.number, it.number, liability, state)
        return list(self.out.values())


def _registry_for(doc, registry: Registry | None) -> Registry:
    if registry is not None:
        return registry
    root = None
    try:
        from pathlib import Path

        from kb.project import find_root
        root = find_root(Path(doc.source).resolve().parent) if doc.source else None
    except Exception:
        root = None
    return load_registry(root, doc.meta.get("regulation") if doc.meta else None)


#: id(doc) -> (weakref to doc, {id(registry): (registry, extractor)}).  An entry is dropped when its
#: Document is collected, and a lookup checks that the weakref still points at the same object, so a
#: new Document that reuses a collected one's id never sees the old results.
_LAYER_CACHE: dict[int, tuple] = {}


def _forget(key: int, ref) -> None:
    entry = _LAYER_CACHE.get(key)
    if entry is not None and entry[0] is ref:
        del _LAYER_CACHE[key]


def _extract_all(doc, registry=None) -> _Extractor:
    """The extraction of doc with registry, computed once per (Document, registry)."""
    import weakref

    reg = _registry_for(doc, registry)
    key = id(doc)
    entry = _LAYER_CACHE.get(key)
    if entry is None or entry[0]() is not doc:
        try:
            ref = weakref.ref(doc, lambda r, k=key: _forget(k, r))
        except TypeError:              # an object without weakref support: no caching
            x = _Extractor(doc, reg)
            x.run()
            return x
        entry = (ref, {})
        _LAYER_CACHE[key] = entry
    per_reg = entry[1]
    hit = per_reg.get(id(reg))
    if hit is not None and hit[0] is reg:
        return hit[1]
    x = _Extractor(doc, reg)
    x.run()
    x.doc = None                       # the cache must not keep the Document alive
    per_reg[id(reg)] = (reg, x)
    return x


def extract(doc, registry: Registry | None = None) -> list[Statement]:
    """Every deontic statement of doc, in document order (copies: the cached layer stays intact)."""
    return [replace(s, levels=list(s.levels)) for s in _extract_all(doc, registry).out.values()]


def relations(doc, registry: Registry | None = None) -> list[Relation]:
    """Governance relations stated in doc (指导, 支持, 督促 …): from, relation, to, eid."""
    return [replace(r) for r in _dedupe(_extract_all(doc, registry).rels)]


def _dedupe(rels: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in rels:
        k = (r.from_, r.relation, r.to, r.eid)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def unknown_actors(doc, registry: Registry | None = None) -> dict[str, list[str]]:
    """Actors found in doc that the lexicon does not know: name -> eids where they act."""
    return dict(_extract_all(doc, registry).unknown)


def export_layer(doc) -> dict:
    reg = _registry_for(doc, None)
    x = _extract_all(doc, reg)
    stmts = list(x.out.values())
    rels = _dedupe(x.rels)
    names = list(dict.fromkeys(s.actor for s in stmts if s.actor))
    actors = []
    for n in names:
        d = reg.actor(n).to_dict()
        levels = list(dict.fromkeys(lv for s in stmts if s.actor == n for lv in s.levels))
        if d["kind"] == "department" and levels and d["parent"] == "人民政府":
            # 县（市、区）民政部门 is the 民政部门 of 县（市、区）人民政府
            d["parent"] = "、".join(reg.canonical(f"{lv}人民政府") for lv in levels)
            d["level"] = d["level"] or "、".join(levels)
        actors.append(d)
    return {"obligations": [s.to_dict() for s in stmts], "actors": actors,
            "relations": [r.to_dict() for r in rels]}
