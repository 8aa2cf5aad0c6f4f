"""One actor name at a position of the text.

The lookups every larger unit is built from: a name or alias of the lexicon (longest match), a
list of level prefixes (市、县（市、区）), a list of department stems (财政、民政等部门), and the
discovery of a name the lexicon does not know, by its head (……委员会, ……机构, ……人) and by what
cannot be in a name (a verb, a preposition, a clause mark).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kb.layers.actors import OFFICE_HEADS, PERSON_SUFFIXES, SUFFIXES, Registry
from kb.layers.obligations.modals import MODAL_RE
from kb.layers.obligations.records import Mention
from kb.layers.obligations.sentences import CLAUSE_END

#: separators of coordinated names (市、县人民政府, 财政和民政部门, 单位或者个人)
SEP = re.compile(r"以及|及其(?!他)|或者|和其他|或其他|、|和|及|或|暨")
#: the separators between the members of a list of parties the clause rules read (……部门和相关部门及其工作人员, 广播电台、
#: 电视台、网络音视频服务提供者, 由X或者Y以及……): one definition, its variants named where they are used (liability._CUT_LIST)
MEMBER_SEP = re.compile(r"、|以及|及其|及|和|与|或者|或")
#: verbs of acting on a party that open what name discovery took for a name (由同级人民政府追究该行政主管部门……: 追究该行政主管
#: 部门, code review 26 finding 9): the agent stands before the verb (coordination) and the name is none (modality)
ACTS_ON_A_PARTY = "追究|责令|给予|要求|通知|告知|督促"
#: what cannot be inside a name: modal words, prepositions, verbs, clause marks (a preposition that is
#: also part of a noun is no stop there: 经营, 对外, 以上, 在职, 在船人员 (海上交通安全法 (2021) 38 p2, code review 23 finding 6) …)
STOP_IN_NAME = re.compile(r"应当|可以|不得|必须|通过|会同|按照|根据|依照|依法|对于|对(?![外象口])|向(?!导)|将(?!士)|把|"
                          r"(?<![所存现实内外])在(?![职编校岗押]|船人员)|(?<![作行认])为(?![民])|给(?![水排])|"
                          r"(?<![所])以(?![上下外内])|(?<![自理缘])由|(?<![神曾])经(?![营济费销理纪贸办手常验委])|"
                          r"违反|发生(?!单位)|涉及|需要|从事|享受|新增|设立|开展|提供|建立|组织|负责(?!人)|进行|实施|实行|委托(?![人方])|"
                          r"派(?![出驻遣])|(?<![参给])与(?![会])|(?<![高平中初上下同对])等|[，。；：、]|"
                          # verbs that never make a body's name (造成承租人; 阻挠预备役军官, 殴打士兵: a verb before the person it is done
                          # to, as 妨碍 — code review 22 item 1; 妨害用户, 限定用户, 知道其用户, 激发经营主体, 促使各签约主体 (seventeenth session), 干涉老年人, 城乡居民首选……机构; 定期了解未成年人: 家庭教育促进法 21;
                          # 拒绝海洋主管部门监督检查, 拒不接受……, 妨害监督检查部门……的: the body obstructed, no violator — 海岛保护法 54)
                          r"造成|改善|定期|了解|调动|补贴|办好|鼓励|倡导|提倡|适用|妨碍|妨害|限定|知道|激发|促使|拒绝|拒不|阻挠|阻碍|殴打|侮辱|打击报复|兴建|坚持|遵循|干扰|送至|干涉|首选|参考|优待|擅自|逐步|持续|"
                          # nor these, before what they govern (血站作为公益性医疗卫生机构, 企业认为行政机关, 学校收回教师,
                          # 社会力量举办中医医疗机构, 团长召集并主持代表团……, 总理召集和主持国务院……); 举办单位, 举办者, ……举办的医疗卫生机构,
                          # 会议主持人 are names
                          r"作为|认为|收回|举办(?![单者方的])|召集|主持(?!人)|"
                          # nor 从 after a person, a preposition before a body (法官从人民法院离任后 (法官法 (2019) art. 36),
                          # 招标人从国务院有关部门……提供的……名单中确定; 从业人员 is a name)
                          r"(?<=[官人员者])从(?!业)|"
                          # nor an adverb of manner (国家有计划地用……装备各级税务机关: 税收征收管理法 (2015) 6 p1 was one name
                          # up to 税务机关; code review 16)
                          r"有(?:计划|步骤|重点|针对性|序|效|组织|目的)地|"
                          # nor 到 before a place or a body, what one goes to (持……证明到……公安机关, 到户口所在地……经办机构);
                          # 接到 / 收到 / 得到 / 达到 / 报到 and 到场 / 到期 / 到位 / 到达 / 到会 are words of their own
                          r"(?<![接收得达报遇受])到(?![场期位达会岗庭])|"
                          # nor the time of a soldier's service (义务兵和军士入伍前依法取得的……: 兵役法 (2021) 50 p3 gave the name
                          # 军士入伍前; code review 23 finding 4); 退役军人, 服役人员 are names
                          r"(?:入伍|退役|退伍|服役|服现役)(?:前|后|期间)")
BAD_START = ("有", "是", "但", "的", "和", "或", "及", "并", "等", "其", "该", "下列", "上述", "前款", "本款", "以下", "与", "同",
             "跟", "向", "对", "给", "为", "在", "把", "将", "确需", "确有", "如需", "需")
#: a discovered name does not start with a verb (履行组织…, 指导和监督业主大会 are not actors)
VERB_START = ("履行", "开展", "做好", "组织", "推动", "推进", "加强", "建立", "协助", "指导", "支持", "提供", "完善",
              "负责", "依托", "利用", "引导", "鼓励", "发挥", "保障", "落实", "制定", "组建", "监督", "检查", "考核",
              "选举", "选聘", "成立", "参加", "参与", "承担", "办理", "促进", "培育", "整合", "帮助",
              "督促", "委托", "协调", "健全", "设立", "撤销", "调整", "申请", "接受", "需要", "享受", "发放", "举办",
              "兴办", "改变", "维护", "反映", "调解", "宣传", "动员", "召集", "主持", "讨论", "决定",
              "实施", "执行", "遵守", "配合", "审计", "拨付", "纳入", "给予", "按照", "根据", "通过", "未", "不",
              "尊重", "接受", "获得", "要求", "请求", "损害", "索取", "侵犯", "侵占", "强迫", "强行", "泄露", "帮助",
              # nor a verb of making another act (个人强令中国人民银行及其工作人员违反……: 中国人民银行法 (2003) 49, code review 27
              # finding 1 — the name ran on to the bank, and the list's 及其工作人员 made the coerced staff liable)
              "强令", "胁迫", "指使", "授意",
              "照顾", "赡养", "扶养", "抚养", "教育居民", "保护", "参照", "优先", "禁止", "严禁", "或者",
              "减少", "防止", "避免", "确保", "保证", "加大", "提高", "降低", "增加", "扩大", "采取", "公布", "告知",
              "听取", "收集", "核实", "作出", "召开", "制止", "劝阻", "指派", "协商", "共同", "加入", "投保", "缴纳",
              "交纳", "收取", "支付", "向", "属于", "明确", "批转", "拟订", "增强", "实现", "指挥调度", "发现",
              "坚持", "实行", "贯彻", "强化", "代表", "密切", "担任", "警示", "调配", "更正", "发回",
              # before a person named by a rank's or a role's head (拒绝接受民兵, 培养运动员, 指控行政长官; 拒绝 alone opens a condition whose party is named before it)
              "拒绝接受", "培养", "指控")
VERB_START2 = tuple(v for v in VERB_START if len(v) > 1)
#: heads of a noun naming a thing, not a body (工作, 经费, 规划 …)
THING_HEADS = ("工作", "服务", "活动", "经费", "资金", "项目", "设施", "规划", "制度", "体系", "机制", "标准",
               "信息", "资源", "技术", "产品", "方式", "方面", "领域", "事业", "产业", "行业", "文化", "环境",
               "以上", "以下", "方法", "措施", "政策", "意见", "建议", "材料", "文件", "资料", "情况", "财产",
               "内容", "结果", "期限", "费用", "程序", "方案", "合同", "协议", "决定", "规约", "章程", "区域",
               "会议", "资格", "人数", "规则", "名单", "数量", "比例", "任期", "账户", "名称", "记录", "档案", "报告",
               "条件", "场地", "用房", "经营活动", "选举", "罢免", "选址", "布局", "名录", "时间", "预案")

#: the last character of a person's name before 本人 (公民, 华侨, 董事, 督学, 申请人, 劳动者, 职员, 家长, 医师, 学生, 亲属)
_PERSON_END = "民侨事学人者员长师生属"
#: a team named after its owner (政府专职消防队, 单位专职消防队)
_TEAM_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}队")
#: the services a team (队) is named by: 消防队, 救援队, 救护队, 治安队, 交通队, 护卫队, 巡查队, 执法队; and 部队, an army
#: unit (所在部队, 原所在部队, 预备役部队, 中国人民武装警察部队: the annotators' party in six tuning texts, where kb
#: found none — 部 refuses 队 after it as an office's head, so 部队 had no head at all)
_SERVICE_TEAM = "防援护安通卫查法部"
#: words ending in a head that are not names (动员, 延长, 重组: verbs; 成员 is a head of its own)
_NOT_A_HEAD = re.compile(r"(?<!运)动员|增长|延长|成长|擅长|生长|助长|专长|特长|重组|改组|分组|编组|机组|人员|成员|委员|会员|"
                         r"(?<!安)全员|满员|减员|(?<!仲)裁员|超员|官员|协商|招商|磋商|商量|会商|经商|通商|商业|商务|商品|人士")
#: verbs that take a body as their object (拟订街道办事处设立标准, 批转市民政部门审核)
OBJECT_VERBS = ("拟订", "增强", "实现", "批转", "协调", "统筹", "推动", "确定", "指定", "通知", "告知", "报告", "提请",
                 "报请", "委托", "召集", "联系", "会同", "商请", "征求", "请求", "要求", "支持", "帮助", "协助", "配合",
                 "督促", "指导", "监督", "检查", "考核", "表彰", "奖励", "批评", "约谈", "責令", "责令", "授权")
#: verbs that name a body or a person by what it does (举办单位, 指导机构, 检查人员), and the heads they take
_AGENT_VERBS = ("制定", "选举", "考核", "举办", "承办", "主办", "建设", "施工", "监理", "使用", "管理", "经营", "运营", "执法", "检查", "监督",
                "指导", "协调", "救援", "救助", "服务", "培训", "执行", "审批", "登记", "参加", "参与", "负责", "发放",
                "实施", "接受", "申请", "评估", "鉴定", "调解", "仲裁", "咨询", "组织", "领导", "办理", "保管", "维修",
                "养护", "销售", "生产", "设计", "代理", "委托", "受托", "承接", "捐赠", "受赠")
_AGENT_HEADS = ("单位", "机构", "机关", "部门", "者", "人", "人员", "方", "中心", "小组", "组", "委员会", "企业")
#: verbs that make a person's or a body's name only with a second verb (监督检查人员, 指挥调度人员)
_TWIN_VERBS = ("指挥", "调度", "监测", "检测", "检验", "巡查", "调查", "执勤", "值班")
#: the same words as sets (asked of every discovered candidate: a tuple is searched one word after another)
_AGENT_VERB_SET = frozenset(_AGENT_VERBS)
_AGENT_OR_TWIN_SET = frozenset(_AGENT_VERBS + _TWIN_VERBS)
_AGENT_HEAD_SET = frozenset(_AGENT_HEADS)
_OBJECT_VERB_SET = frozenset(OBJECT_VERBS)
#: the verbs that open no department's name either (a government 责成 / 领导 the departments: 沿海县级以上地方人民政府责成有关
#: 部门……, 县级以上人民政府领导有关部门……), kept out of OBJECT_VERBS, whose other readers would refuse 领导小组 as a name
#: (code review 27 finding 8)
_DEPT_NOT_OPENING = _OBJECT_VERB_SET | {"责成", "领导"}
#: first characters of a two-character word ending in a head that is not a name (本人, 前者, 或者, 各院)
_NOT_A_NAME_START = "本他其该各此前后或再每某两二三四五六七八九十百千万全个"
#: a head alone is a category, not a name (有关机构, 有关人员 are read with their modifier; 主任, 委员 are posts)
_BARE_HEADS = frozenset(SUFFIXES + ("人员", "人物", "人士", "对象"))
#: a part or an officer of the body just named (……组组长, ……委员会办公室, ……小组副组长, ……委员会小组长)
_PART_OF = re.compile(r"(?:直属|下属|所属)[\u4e00-\u9fff]{0,6}(?:站|机构|单位|中心)|办事机构|工作机构|"
                      r"(?:管理|监察|监督|执行)委员会|理事会|监事会|"     # 村合作社管理委员会: the body's own organ
                      r"(?:副|常务)?(?:小组长|组长|主任|委员|成员|组成人员|办公室|秘书长|负责人|会长|队长|站长|校长|院长|馆长|所长|局长|部长|厅长|正职领导人?|"
                      r"理事长|主席|工作人员)|部门|(?:经营)?管理者|经营者|管理人|所有[者人]|使用[者人]|举办者|主办者|"
                      r"承办者|组织者|运营者|"
                      r"(?:(?![和及或与、的等]|作为|所在)[\u4e00-\u9fff]){2,4}机构")      # 公安机关消防机构: the office of the body
#: a body of an office named after it (中国人民解放军总后勤部军人保险基金管理机构, ……总后勤部财务部门): one name, the office's part
_OFFICE_PART = re.compile(r"[\u4e00-\u9fff]{2,10}(?:机构|部门)")
#: what the office does to a body it governs, not a part of its name (外交部统一领导驻外外交机构的工作)
_GOVERNS = re.compile(r"领导|指导|监督|统筹|协调")
#: heads of a body whose name may begin with its members (注册会计师协会, 消费者协会, 会员代表大会, 律师事务所)
_BODY_AFTER_PERSON = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:协会|学会|事务所|代表大会|大会|委员会|联合会|中心|公司)")


def _body_after_person(text: str, e: int) -> bool:
    """Does a body's head follow the person's name at e, at once or after a few words (检察官遴选委员会), or a unit named
    by what it does to them (运动员管理单位; not 所在单位, nor 负责人是本单位……)?"""
    if text[e + 2:e + 4] == "单位" and text[e:e + 2] in _AGENT_VERB_SET:
        return True
    m = _BODY_AFTER_PERSON.match(text, e)
    return bool(m) and not STOP_IN_NAME.search(m.group(0)) and not re.search(r"[和及或与]|应当|可以|必须", m.group(0))
#: every place a name head (SUFFIXES, PERSON_SUFFIXES, OFFICE_HEADS) starts; the longest head at each place
_HEADS = sorted(SUFFIXES + PERSON_SUFFIXES + OFFICE_HEADS, key=len, reverse=True)
#: the longest head starting at each place (the alternatives longest first; a lookahead, so that heads
#: that overlap are all found)
#: (the class of their first characters first: a place where none starts is passed over without trying
#: the seventy alternatives; half the time of the search)
_HEAD_AT = re.compile("(?=[%s])(?=(%s))" % (re.escape("".join(sorted({h[0] for h in _HEADS}))),
                                             "|".join(map(re.escape, _HEADS))))


def _head_index(text: str) -> tuple[list[int], list[str], list]:
    """(positions, heads, verdicts): the longest name head at each place of text where one starts, found in
    one pass over the text (discovery asks for the heads near each of many places); each head's verdict
    (:func:`_head_verdict`) is filled in when discovery first looks at it."""
    found = list(_HEAD_AT.finditer(text))
    return [m.start() for m in found], [m.group(1) for m in found], [None] * len(found)


#: what a head says wherever discovery starts (:func:`_head_verdict`): never a name's end there; a person's
#: head, whose name is short (the start decides); a name's end within 24 characters of the start
_V_NONE, _V_PERSON, _V_NEAR = range(3)
_PERSON_HEADS = frozenset(PERSON_SUFFIXES)
#: a rank's one-character head (官, 兵) in a word that names no person: (the characters before it, after it) that make
#: such a word (器官, 感官, 五官, 官方, 官网, 官司; 征兵, 练兵, 阅兵, 兵役, 兵种, 兵团, 兵器, 兵站, 兵营, 兵力, 兵源), or a thing
#: or a body named after the rank (军官军衔, 军官预备役, 法官法, 军官登记, 法官考核, 法官培训, 法官惩戒; 民兵组织, 民兵武器装备,
#: 民兵专业技术分队, 民兵预备役工作, 民兵条件, 民兵排, 民兵连, 民兵分队, 民兵训练)
_RANK_NOT_A_HEAD = {"官": ("器感五", "方网司僚职兵军预法登考培惩衔"),
                    "兵": ("征练阅用出派", "役种团器站营力源组武专预条排连分训"),
                    # 用户信息, 用户画像, 用户名, 用户账号, 用户隐私, 用户需求, 用户规模, 用户协议, 用户端, 用户量: the user's thing
                    "用户": ("", "信画名账隐需规协端量"),
                    # 以……为主体, 建筑主体, 工程主体, 指定承担主体; 主体工程, 主体责任, 主体结构, 主体功能区, 主体资格, 主体地位, 主体作用, 主体部分,
                    # 主体框架, 主体性; 市场主体登记机关, 经营主体经济损失, 主体名称, 主体信息: a thing or a part, no party
                    "主体": ("为筑程担", "工责结功资地作部框性登经名信")}
#: 部 in a word that names no office (全部, 内部, 局部, 顶部, 干部 (a person), 一部, 各部, 结合部; 部分, 部位, 部署, 部件, 部队,
#: 部长 (the officer, read by its own head), 部门 (a head of its own))
_PART_NOT_AN_OFFICE = ("全内外局顶底干面一各合东西南北中腹头胸背端上下首尾本", "分位署件队长门属委级")
#: words after 部 that make it a thing's modifier (总部经济, 总部基地: code review 22 item 2) — a word, not a character: 外交部经
#: 国务院批准 is the office and a preposition
_PART_THEN_THING = ("经济", "基地")
#: a verb opening what looks like a name ending in a head (发展青少年体育俱乐部, 发展总部: code review 22 item 2); 发展 is a
#: name's first word in 发展和改革委员会, 发展改革部门, 发展研究中心 (not in VERB_START, whose words are also sought inside heads)
#: 辞退 / 录用 before a rank or a post (辞退法官应当依照……程序免除其职务, 录用公务员，应当……: the act is the subject, 法官法 (2019) 35,
#: 检察官法 36, 监察官法 16 and 35, 公务员法 27, 28, 90 — the head 官 read them as persons); 录用人员 is a name
_VERB_OPENS_NAME = re.compile(r"发展(?!和改革|改革|研究|规划)|辞退|录用(?!人员)")


def _head_verdict(text: str, k: int, suf: str) -> int:
    """What the head suf at k says of a name ending with it, by the text around the head alone: each head is
    judged once, not once for every place discovery starts from (up to 24 of them)."""
    e = k + len(suf)
    if suf in _PERSON_HEADS:
        if text[e:e + 1] in "民员口群格身权数次力才均事工文造性道长物体助官" or \
                (suf == "者" and text[k - 1:k] == "或") or (suf == "代表" and text[e:e + 1] == "人" and text[e + 1:e + 2] not in "选数") or \
                (suf == "代表" and text.startswith("机构", e)) or \
                _NOT_A_HEAD.match(text, k - 1) or \
                _body_after_person(text, e):
            return _V_NONE    # 注册会计师协会, 消费者协会, 会员代表大会: the person names the body's members; 代表机构 (境外非政府组织
            #                   代表机构): a body's office, no representative; 法定代表人,
            #                   诉讼代表人: the head is 人 (code review 13 item 11: 法定代表 was cut off; 代表人选 a thing)
        if suf in _RANK_NOT_A_HEAD and (text[k - 1:k] in _RANK_NOT_A_HEAD[suf][0] or text[e:e + 1] in _RANK_NOT_A_HEAD[suf][1]):
            return _V_NONE    # 人体器官, 感官, 官方; 征兵, 兵役, 军兵种, 生产建设兵团: a thing, an act or a body, no rank
        return _V_PERSON
    if (suf == "队" and (text[k - 1:k] not in _SERVICE_TEAM or text[e:e + 1] in "伍员长列形组" or
                        (text[k - 1:k] == "部" and text[e:e + 1] in "的各"))) or \
            (suf == "工会" and text[e:e + 1] in "委主经组小干会工活") or \
            (suf == "主体" and (text[k - 1:k] in _RANK_NOT_A_HEAD[suf][0] or text[e:e + 1] in _RANK_NOT_A_HEAD[suf][1])):
        return _V_NONE        # 团队, 领队, 队伍建设, 队员; 人民武装警察部队的执勤人员, 人民武装警察部队各级监察委员会 (the unit
        #                       owns the party); 企业工会委员会, 工会主席; 主体工程, 以……为主体: no body's head here
    if suf in ("政府", "单位") and _TEAM_AFTER.match(text, e):
        return _V_NONE        # 政府专职消防队, 单位专职消防队: the team's owner, no head
    if suf == "政府" and (_GOVERNMENT_AS_MODIFIER.match(text, e) or text[k - 1:k] == "非"):
        return _V_NONE        # 依法制定的政府定价: 政府 qualifies a thing; 境外非政府组织, 非政府投资: no government at all
    if suf == "部" and (text[k - 1:k] in _PART_NOT_AN_OFFICE[0] or text[e:e + 1] in _PART_NOT_AN_OFFICE[1] or k == 0 or
                       text.startswith(_PART_THEN_THING, e)):
        return _V_NONE        # 全部, 内部, 干部, 部分, 部署: no office's head here
    if suf == "组" and (_NOT_A_HEAD.match(text, k - 1) or text[e:e + 1] in "织成建长合"):
        return _V_NONE
    if suf == "商" and (_NOT_A_HEAD.match(text, k - 1) or text[e:e + 1] in "业务品标场会铺店户" or
                       text[k - 1:e + 2] == "工商行政"):      # 市工商行政管理局: a field, no merchant
        return _V_NONE
    return _V_NEAR


@lru_cache(maxsize=1 << 16)
def _stop_before_head(name: str) -> bool:
    """Does a word that cannot stand in a name end before the name's last two characters (its head)?
    Read with the head in view: 房地产开发经营者's 经 is the start of 经营, not the preposition; a
    word ending inside the head is part of it (信息服务提供者)."""
    m = STOP_IN_NAME.search(name)       # matches come in order: the first ends first
    return m is not None and m.end() <= len(name) - 2


#: a body named by what it does for the field before it (公共信用信息提供单位, 戒严实施机关, 项目组织单位): the verb is the
#: name's, not the clause's
_ITS_ACT_HEAD = re.compile(r"(提供|实施|组织|负责|设立)(?:单位|机关|机构|方)$")
#: (the first of two names joined before their modal word: 戒严实施机关或者戒严指挥机构可以……)
_OR_TO_MODAL = re.compile(r"(?:或者|和|及)[^，。；：、的]{1,12}(?=应当|必须|不得|可以|有权|应|须)")


def _named_by_its_act(text: str, name: str, e: int) -> bool:
    """Is name a field, then the body's act, then its head, right before its modal word (公共信用信息提供单位应当……,
    戒严实施机关可以……)?  STOP_IN_NAME holds these verbs because they open a clause's predicate (……单位提供……, 组织实施……),
    so the name was refused and the modal word had no party (issue 11, twentieth session).  Only when the field before
    the verb holds no word that stops a name (依法实施机关, 向社会提供单位: a verb's object) and opens with none that
    opens a clause."""
    m = _ITS_ACT_HEAD.search(name)
    if m is None or not (MODAL_RE.match(text, e) or _LIST_TO_MODAL.match(text, e) or _OR_TO_MODAL.match(text, e)):
        return False
    field = name[:m.start()]
    return len(field) >= 2 and not STOP_IN_NAME.search(field) and not field.startswith(BAD_START + VERB_START)


#: a conjunction inside what looks like one name
_AND_IN = re.compile(r"和|及|或者")
#: a copula inside what looks like a name with 的 (理事会是本组织的执行机构)
_COPULA = re.compile(r"是(?!否)")
#: what a relative clause before a name cannot hold: modal words, prepositions, clause marks
_REL_STOP = re.compile(r"应当|可以|不得|必须|向|对|将|把|在|由|给|与|按照|根据|依照|请求|[，。；：、]")
_PAREN = re.compile(r"（[^（）]{1,8}）")
_PARENS = re.compile(r"（[^（）]*）")
_LEVEL_SEP = re.compile(r"、|和|及|或者|或")
_UP_TO_DEPT = re.compile(r"[^，。；：！？\n]{0,160}?(?:部门|(?<=等)行政(?=机关)|(?<=等有关)行政(?=机关))")
#: what closes a list of department stems (……等其他负有……职责的部门, ……等有关主管部门); the list's separators
_STEMS_TAIL = re.compile(r"(?:等(?:其他)?(?:[^，。；、]{0,24}?的)?(?:有关|相关)?(?:政府|行业)?|(?<!、)(?:有关|相关))"
                         r"(?:行政管理|行政主管|主管|行政)?$|(?:行政管理|行政主管|主管|行政)$|"
                         # ……等宣传部门, ……等管理部门, ……等执法部门: the kind of department the stems are
                         r"等(?:有关|相关)?(?:宣传|管理|执法|监管|工作|审批|行政执法|专业管理)$")
#: the kind of department fields share, written once after the last (铁路、交通、民用航空行政部门)
_DEPT_KINDS = ("行政", "主管", "行政主管", "行政管理")
#: what opens a piece that is no field: a verb or a preposition before the list
_NOT_A_FIELD = tuple("报向由经将对")
_BARE_LEVELS = ("市", "区", "县", "省", "乡", "镇", "区县", "县区")
_STEM_SEP = re.compile(r"以及|、|，|或者")
#: the last piece of a list of stems closed by 其他 (……、信息化及其他, ……、政务服务和数据管理及其他用卡场景业务): the stem, 其他……
_LAST_OTHER = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:以及|及|和|或者|或)(其他[\u4e00-\u9fff]{0,10})")
#: the last piece joined to the one before by its own connector (审计和信息化): the two stems, split at the last 和 / 及 / 或者
_LAST_AND = re.compile(r"([\u4e00-\u9fff]{2,12})(?:和|及|或者)([\u4e00-\u9fff]{2,8}?)")
_AND_SPLIT = re.compile(r"和|及")
_DEPT_NAME = re.compile(r"[\u4e00-\u9fff]{2,16}?部门")
#: the words that join two names or a level to a name, or open a 由-agent: no department's name opens with them
#: (code review 21 item 2)
_JOINS_NAMES = ("和", "及", "或", "由")
_PERSONS_END = re.compile(r"(?:有关|相关|主要)(?:负责人|人员|工作人员)$")
#: a coordination inside what looks like one name (副行长及其他工作人员, 中职学校和科研机构)
#: a name's head, then 和: two names, not one (统计机构和有关部门; 林业草原或者其他有关行政主管部门 is one list of stems)
_NAME_THEN_AND = re.compile(r"(?:%s)(?:和|及(?!其)|或者)" % "|".join(SUFFIXES))
_COORDINATION_IN = re.compile(r"和其他|及其他|或者|以及|及其|(?:%s)和" % "|".join(SUFFIXES))
#: what a discovered name cannot hold (a clause mark, a list's 、), and the counts and verbs it cannot be
_CLAUSE_MARK = re.compile("[%s、]" % CLAUSE_END)
_COUNTED = re.compile(r"[0-9一二三四五六七八九十百千两]+(?:个|名|家)?(?:以上|以下)|[0-9一二三四五六七八九十百千两]+(?:个|名|家)"
                      r"(?=[\u4e00-\u9fff]{2})")
_A_NUMBER = re.compile(r"分之|^[0-9一二三四五六七八九十百千每](?!级)")
_SO_MANY_PERSONS = re.compile(r"[0-9一二三四五六七八九十百千]人$")
_REPORT = re.compile(r"报(?!刊|社|纸)")
#: 凭 / 持 + what is shown (+ 到 + where): a preposition opening the act, not a name (持票人, 持有人, 持证件人 are names)
_HOLDING = re.compile(r"凭|持[^，。；：、]*?到")
#: a body's officers, named after it (由……机关负责人决定, ……部门正职领导批准, 由提请机关正职领导人签署): whose 决定 / 批准
#: is the body's act, a duty (not a person's vote); longest first, for a regex built from them
OFFICERS = ("主要负责人", "负责人", "正职领导人", "正职领导", "政治部主任")
#: titles that name the agent of 由 alone (由院长提请……, 由署长批准)
_AGENT_TITLES = ("院长", "庭长", "署长", "关长", "部长", "局长", "厅长", "主任", "总理", "主席", "委员长", "检察长") + OFFICERS
#: a verb or a preposition before the body it names (提请X, 报X, 向X, 从X): what follows is an object, not a name's head;
#: 提请机关 / 报请机关 are nouns, the body that proposes (code review 13 item 7)
_TO_A_BODY = re.compile(r"提请(?!机关)|报请(?!机关)|报送|报(?![刊社纸告])|向(?!导)|^从(?![事业])")
#: a department named with its level (县级农业行政主管部门, 市地震工作主管部门): a known body after 报
_LEVEL_DEPT = re.compile(r"(?:县级(?:以上)?|市|区|省|国务院|本级|上级|同级|上一级)[\u4e00-\u9fff]{2,12}部门")
#: what 政府 qualifies when it names no actor (政府指导价, 政府定价, 政府举办的综合医院, 政府购买服务)
_GOVERNMENT_AS_MODIFIER = re.compile(r"指导价|定价|举办|投资|购买|采购|出资|补贴|性|信息公开|规章|债务|网站|价格")
_LOOSE_MODIFIER = re.compile(r"(?:相关|各类|其他各类|该)(.{3,})$")


#: what may follow a school's name written without its head (中小学、幼儿园应当……; 到中小学任教)
_AFTER_SHORT_SCHOOL = "、，。；：和及或与应可不必负等在对按依的"


def _name_here(text: str, i: int, s: str) -> bool:
    """Does the name s, found at i, name an actor there (not a word that goes on: 人身, 中小学生, 政府定价)?"""
    if s.endswith("人") and text[i + len(s):i + len(s) + 1] in "身民员口格":
        return False          # 申请人身安全保护令
    if s in ("群众", "公众") and (text[i + 2:i + 3] in "性场聚评号" or text.startswith("自治", i + 2)):
        return False          # 群众性文化活动, 公众场所, 群众自治组织, 群众评议, 公众号: a thing, a body, a condition
        #                       (群众自觉……, 群众自救: the masses themselves)
    if s == "学生" and text[i + 2:i + 3] == "会":
        return False          # 学生会: the students' union, not the students
    if s.endswith("长") and text[i + len(s):i + len(s) + 1] in "期远效久度足短城江":
        return False          # 城市长期, 区县长效: 长 opens a word, no head of a government by title
    if s.endswith("长") and text[i + len(s):i + len(s) + 1] == "制":
        return False          # 河长制工作机构: the system of the river chiefs, not the chief
    if s == "被告" and text[i + 2:i + 3] == "知":
        return False          # 被告知: is told (a passive), not the defendant
    if s.endswith("学") and text[i + len(s):i + len(s) + 1] not in _AFTER_SHORT_SCHOOL:
        return False          # 中小学生, 中小学教师: 中小学 (a school short of its head 校) qualifies a person
    if s == "政府" and _GOVERNMENT_AS_MODIFIER.match(text, i + 2):
        return False          # 政府指导价, 政府定价, 政府举办的医院: 政府 qualifies a thing or a body
    return True


#: a place not looked at yet in a memo of the scanners (None is an answer: nothing there)
#: a time clause between a person and its modal word: 从……离任后(两年内)，不得 / 被开除后，不得
_AFTER_THEN = re.compile(r"(?:从|被)[^，。；]{1,16}?后[^，。；]{0,6}，(?:应当|不得|必须|可以)"
                         # ……, or the circumstance it acts in (民兵在军事机关的指挥下，担负……任务: 国防法 (2020) 22 p4, the subject
                         # before a comma, engineer 11f's left item)
                         r"|在[^，。；]{1,20}?(?:下|中)，?(?:应当|不得|必须|可以|有权|担负|承担|负责)")

NOT_YET = object()

#: the rest of a list of persons up to its modal word (行长、|副行长及其他工作人员，应当): no 的, no clause mark
_LIST_TO_MODAL = re.compile(r"、[^，。；：、的]{1,12}(?:、[^，。；：、的]{1,12}){0,6}?(?=，?(?:应当|必须|不得|可以|有权|应|须))")
#: the modal word then 由 + its agent: the list before it is what the agent acts on (主任、副主任和委员可以由中国国际商会聘任)
_MODAL_THEN_BY = re.compile(r"，?(?:应当|必须|可以|应|须)由")


def _persons_to_modal(text: str, e: int) -> bool:
    """Does a list of persons or bodies run from e to its modal word, the last member ending in a name's head (、副行长及其他
    工作人员应当, 、士兵应当)?  A two-character person opens it then (行长、副行长……, 军官、士兵); a list of modifiers does not
    (民兵、预备役部队武器装备……应当, 民兵、预备役工作经费的增长应当: a thing follows)."""
    m = _LIST_TO_MODAL.match(text, e)
    return m is not None and m.group(0).endswith(PERSON_SUFFIXES + SUFFIXES) and not _MODAL_THEN_BY.match(text, m.end())


def _tables(reg: Registry) -> tuple:
    """The lookups of NameScanner over reg: its names (longest first), by first character, and by first
    character and length; its levels and department stems by first character."""
    surfaces = reg.surfaces()
    first: dict[str, list[str]] = {}
    for s in surfaces:
        first.setdefault(s[0], []).append(s)
    #: first character -> ((length, names of that length), …), longest first: the names that may
    #: start at a place are looked up by length, not tried one by one
    by_length: dict[str, tuple[tuple[int, frozenset], ...]] = {}
    for c, names in first.items():
        lengths = sorted({len(s) for s in names}, reverse=True)
        by_length[c] = tuple((n, frozenset(s for s in names if len(s) == n)) for n in lengths)
    levels_first: dict[str, list[str]] = {}
    for lv in reg.levels:               # longest first, as in reg.levels
        levels_first.setdefault(lv[0], []).append(lv)
    stems_by_first: dict[str, list[str]] = {}
    for st in reg.stems:                # 城市管理 is a department stem, not the level 城市 + 管理
        stems_by_first.setdefault(st[0], []).append(st)
    return surfaces, first, by_length, reg.levels, levels_first, stems_by_first


class NameScanner:
    """Name lookups over one registry, its names and levels indexed by their first character."""

    def __init__(self, reg: Registry):
        self.reg = reg
        if reg._scan is None:          # made once per registry (a text's scanner reuses them), dropped when it changes
            reg._scan = _tables(reg)
        self.surfaces, self.first, self._by_length, self.levels, self._levels_first, self._stems_by_first = reg._scan

    def lexicon(self, text: str, i: int) -> str | None:
        """The longest name or alias of the lexicon at i."""
        if i < 0:                # (a slice does not read a negative start as str.startswith does)
            return next((s for s in self.first.get(text[i:i + 1], ())
                         if text.startswith(s, i) and _name_here(text, i, s)), None)
        for n, names in self._by_length.get(text[i:i + 1], ()):
            s = text[i:i + n]
            if s in names:
                if s.endswith("部") and text[i + n:i + n + 1] == "门":
                    return None     # 商务部门, 国家安全部门: a department by its stem, not the ministry 商务部 (nor 国家)
                if _name_here(text, i, s):
                    return s
        return None

    def level_list(self, text: str, i: int) -> tuple[list[str], int]:
        """市、县（市、区）… at i -> (levels, end); ([], i) when no level starts there."""
        if text[i:i + 1] not in self._levels_first and not text.startswith("所在", i):
            return [], i         # (no level's first character here: most places asked)
        levels: list[str] = []
        j = i
        while True:
            if text.startswith("所在", j) and not text.startswith("所在地", j):
                j += 2
            for lv in self._levels_first.get(text[j:j + 1], ()):
                if text.startswith(lv, j) and not any(st.startswith(lv) and len(st) > len(lv) and
                                                      text.startswith(st, j) for st in self._stems_by_first.get(lv[0], ())):
                    j += len(lv)
                    m = _PAREN.match(text, j)
                    if m and not lv.endswith("）"):
                        lv += m.group(0)
                        j = m.end()
                    levels.append(lv)
                    break
            else:
                break
            sep = _LEVEL_SEP.match(text, j)
            if sep and self._level_at(text, sep.end()):
                j = sep.end()
                continue
            if text[j:j + 1] == "的":
                j += 1
            # a level may be directly followed by another (所在地县（市、区）)
            if self._level_at(text, j) and not self._known_at(text, j):
                continue
            break
        return (levels, j) if levels else ([], i)

    def _level_at(self, text: str, j: int) -> bool:
        """Does a level start at j?"""
        return any(text.startswith(lv, j) for lv in self._levels_first.get(text[j:j + 1], ()))

    def _known_at(self, text: str, j: int) -> bool:
        s = self.lexicon(text, j)
        return bool(s) and len(s) > 1

    def _names_a_party(self, piece: str) -> bool:
        """Does a known name stand inside a piece of a list?  A field (铁路, 民用航空) names none; 个人持申请书 and
        村民委员会意见 do: things listed before a 主管部门, not fields sharing it (the lead at stacking, nineteenth session)."""
        return any(self._known_at(piece, j) for j in range(len(piece) - 1))

    def dept_list(self, text: str, i: int) -> tuple[list[str], int] | None:
        """财政、自然资源和规划……以及政府其他部门 -> names; i at the first stem."""
        if text.find("部门", i, i + 162) < 0 and text.find("行政机关", i, i + 164) < 0:
            return None      # (no 部门 or 行政机关 for the list to close with: most places, without the lazy search)
        if text.startswith(_JOINS_NAMES, i):
            return None      # (市和有关区教育、财政等部门: a list of stems never opens with the word that joins it to a level)
        m = _UP_TO_DEPT.match(text, i)
        if not m:
            return None
        if m.group(0).endswith("行政"):      # 民政、公安、劳动、工商、教育等行政机关: the departments of those stems
            chunk, end = text[i:m.end()], m.end() + 2
        else:
            chunk, end = text[i:m.end() - 2], m.end()
        tail = ""
        # ……等其他负有……职责的部门, ……等有关主管部门, ……或者房屋主管部门: what closes the list of stems
        tm = _STEMS_TAIL.search(chunk)
        if tm and tm.group(0) == "行政" and "、" not in chunk:
            tm = None            # 卫生行政部门: one department, named as written (the bare 行政 is a list's shared kind only)
        if tm and tm.start() > 0:
            chunk, tail = chunk[:tm.start()], tm.group(0)
        if not chunk:
            return None
        pieces = [p for p in _STEM_SEP.split(chunk) if p]
        pieces, other = self._last_conjunct(pieces, tail) if len(pieces) > 1 else (pieces, None)
        names: list[str] = []
        known = 0
        for k, p in enumerate(pieces):
            last = k == len(pieces) - 1
            if last and p.lstrip("其") in ("上级", "同级", "本级"):
                names.append(p.lstrip("其") + tail + "部门")     # 所在单位或者其上级主管部门: the superior department
                known += 1
                continue
            if last and not tail and (p + "部门") in self.reg.alias:
                names.append(p + "部门")
                known += 1
                continue
            if p in self.reg.stems or p == "国家安全":      # (国家安全、公安、保密……部门: the state-security department)
                names.append(p + "部门")
                known += 1
                continue
            if p.startswith(VERB_START2) or "政府" in p:
                return None      # 协助市、县级人民政府相关行政管理部门: not a list of departments
            if (p in self.reg.alias or (p.endswith(SUFFIXES) and len(p) > 3 and not p.endswith("部门"))) and \
                    not STOP_IN_NAME.search(p[:-2]):
                names.append(p)          # 公安机关、消防救援等部门; 消防救援机构、电信等有关部门
                known += 1
                continue
            if len(pieces) > 1 and not tail and 2 <= len(p) <= 8 and not STOP_IN_NAME.search(p):
                names.append(p + "部门")   # 宣传、文化广电旅游部门负责……: stems sharing one 部门
                continue
            parts = _AND_SPLIT.split(p)
            if len(parts) > 1 and all(q in self.reg.stems or self._stem_before_tail(q, tail) for q in parts):
                # (环保、卫生和水行政主管部门: 水 takes the 行政 the tail took, 水行政部门 — 重庆市村镇供水条例 art. 33, round 19)
                names += [q + "部门" if q in self.reg.stems else q + "行政部门" for q in parts]
                known += 1
                continue
            if last and self._stem_before_tail(p, tail):
                names.append(p + "行政部门")
                known += 1
                continue
            if 2 <= len(p) <= 10 and not STOP_IN_NAME.search(p) and "的" not in p and "政府" not in p:
                names.append(p + "部门")
                continue
            return None
        if other is not None:
            # ……、信息化及其他有关部门, ……及其他用卡场景业务主管部门: the other departments the list closes with, named as
            # the text names them (其他有关部门), a member of the list (and the mark of a list of departments)
            names.append(self.reg.canonical(other + tail + "部门"))
            known += 1
        if not known and not ((tail.startswith("等") or (tail in _DEPT_KINDS and len(pieces) > 1 and
                                                        not any(p.startswith(_NOT_A_FIELD) or p.lstrip("各") in _BARE_LEVELS
                                                                or self._names_a_party(p) for p in pieces))) and
                              all(len(p) <= 8 for p in pieces)):
            # 价格、城乡规划……等其他行政管理部门: a closed list of stems is a list of departments; so are fields sharing the
            # kind of department without 等 (铁路、交通、民用航空行政部门负责……, 传染病防治法 13 p3: engineer 11o), not after
            # a verb or a bare level (报区、县文物行政部门备案, 各区、县水行政主管部门: the levels of one department)
            return None
        return names, end

    def _last_conjunct(self, pieces: list[str], tail: str) -> tuple[list[str], str | None]:
        """The list's last connector, inside its last piece (the pieces are split at 、): 质量技术监督、信息化及其他有关部门
        closes with 其他 (其他有关部门, a member of its own: the pieces and 其他); 财政、审计和信息化部门 joins its last stem
        with 和 (审计 and 信息化, two departments — the piece is no stem of one department's name, and one of the two is a
        stem the lexicon knows: 住房和城乡建设, 规划和自然资源 stay one).  (The pieces, 其他 + what follows it or None.)"""
        p = pieces[-1]
        m = _LAST_OTHER.fullmatch(p)
        if m and "的" not in m.group(2) and not STOP_IN_NAME.search(m.group(2)):
            # (文化、娱乐、体育和其他公共场所的管理部门: the managers of places, no list of departments; 新设行政许可、行政强制
            # 措施和其他涉及行政管理部门与……的: a list of acts)
            return pieces[:-1] + [m.group(1)], m.group(2)
        if p in self.reg.stems or (p + "部门") in self.reg.alias or (p + tail + "部门") in self.reg.alias:
            return pieces, None
        m = _LAST_AND.fullmatch(p)
        if m and (m.group(1) in self.reg.stems or m.group(2) in self.reg.stems) and \
                all(2 <= len(q) <= 8 and not STOP_IN_NAME.search(q) and "的" not in q and "政府" not in q
                    for q in m.groups()):
            return pieces[:-1] + [m.group(1), m.group(2)], None
        return pieces, None

    def _stem_before_tail(self, q: str, tail: str) -> bool:
        """Is q the stem of a department the lexicon knows with the 行政 a list's tail (行政主管) took (水 → 水行政部门)?"""
        return tail.startswith("行政") and q not in self.reg.stems and (q + "行政部门") in self.reg.alias

    _dis_text: str | None = None
    _dis_memo: dict = {}
    _dis_heads: tuple[list[int], list[str], list] = ([], [], [])

    def discover(self, text: str, i: int, agent: bool = False) -> tuple[str, int] | None:
        """A name the lexicon does not know at i, ending in a name head -> (name, end).  agent: after
        由, where a name may be a noun phrase with 的 (发放补贴的部门).  Kept for the text being read."""
        if text is not self._dis_text:
            self._dis_text, self._dis_memo, self._dis_heads = text, {}, _head_index(text)
        key = i + i + (1 if agent else 0)
        r = self._dis_memo.get(key, NOT_YET)
        if r is NOT_YET:
            r = self._dis_memo[key] = self._discover(text, i, agent)
        return r

    def _discover(self, text: str, i: int, agent: bool) -> tuple[str, int] | None:
        ends = []
        pos, heads, verdicts = self._dis_heads
        for n in range(bisect_left(pos, i), bisect_left(pos, i + 24)):
            v = verdicts[n]
            if v is None:
                v = verdicts[n] = _head_verdict(text, pos[n], heads[n])
            if v == _V_NONE:
                continue
            e = pos[n] + len(heads[n])
            if v == _V_PERSON:
                if e > i + (20 if "的" in text[i:e] else 10):
                    continue      # a person's name is short (unless a modifier with 的 opens it)
            elif e > i + 24:
                continue          # a long name is a noun with a relative clause (负有……职责的部门)
            elif heads[n] == "主体" and _AND_IN.search(text, i, e):
                continue          # 农民和农业经营主体, 创新资源和创新主体: 主体 closes the last member only
            elif heads[n] == "队" and text[e - 2] == "部" and _AND_IN.search(text, i, e):
                continue          # 中国人民解放军和中国人民武装警察部队, 人民警察和人民武装警察部队的执勤人员: 部队 closes the
                #                   last member only (each army is a party of its own)
            ends.append(e)
        if len(ends) > 1:
            ends = sorted(set(ends))
        for n, e in enumerate(ends):
            if "《" in text[i:e]:
                return None       # 《全国人民代表大会……: a title's words
            verb = self._verb_then_body(text[i:e])
            if verb is not None:
                # 院长提请同级人民代表大会, 规划报市人民政府, 本人向户口登记机关: a verb and its object, and so is any
                # longer name from here (调查结果报国务院 | 能源主管部门); the agent before the verb may be a person's
                # title (由院长提请……任免)
                if agent and verb > 1 and text[i:i + verb].endswith(_AGENT_TITLES + ("提请机关", "报请机关")):
                    return text[i:i + verb], i + verb
                return None
            r = self._candidate(text, i, e, agent)
            if r:
                # 筹备组组长, ……委员会办公室, ……小组副组长: a head right after the name names a part of it
                for e2 in ends[n + 1:]:
                    part = _PART_OF.fullmatch(text, e, e2) or (text[e - 1:e + 1] == "组长" and e2 == e + 1) or \
                        (text[e - 1] == "部" and _OFFICE_PART.fullmatch(text, e, e2) and
                         not text.startswith(VERB_START + ("统一",), e) and not _GOVERNS.search(text, e, e2))
                    if part and self._candidate(text, i, e2, agent):      # 居民小组 + 长
                        return self._candidate(text, i, e2, agent)
                if text[e - 2:e] == "组织":
                    # 组织 is also a verb: 城乡规划组织编制机关 is one name, not 城乡规划组织 + 编制机关
                    for e2 in ends[n + 1:]:
                        if e2 - e <= 6 and not STOP_IN_NAME.search(text[e:e2]) and \
                                not any(c in text[e:e2] for c in CLAUSE_END + "和及或与"):
                            name2 = text[i:e2]
                            return name2[name2.rindex("的") + 1:] if "的" in name2 else name2, e2
                return r
        return None

    def _candidate(self, text: str, i: int, e: int, agent: bool) -> tuple[str, int] | None:
        name = text[i:e]
        plain = _PARENS.sub("", name) if "（" in name else name      # 开发区（工业园区、产业园区）管理机构
        if _COPULA.search(name):
            return None          # 理事会是本组织的执行机构, 理事会是本组织: a copula, no name
        if _CLAUSE_MARK.search(plain) or name in ("他人", "本人", "其人") or "（以下" in name:
            return None          # ……机构（以下统称投诉工作机构）: the definition of a short name is no part of a name
        if name.startswith(("他人", "本人")) and STOP_IN_NAME.search(name):
            return None          # 由本人向户籍所在地的……人民政府公安机关……提出: the person, then a verb (护照法 art. 11 p2,
            #                      code review 14 item 15), not a name 本人向户籍所在地的县级以上地方人民政府
        if len(name) < 3 and not (len(name) == 2 and name[0] not in _NOT_A_NAME_START and
                                  name not in _BARE_HEADS and (MODAL_RE.match(text, e) or
                                                               (name.endswith(PERSON_SUFFIXES) and
                                                                (_AFTER_THEN.match(text, e) or _persons_to_modal(text, e))))):
            return None          # 总馆应当, 读者应当, 馆长应当: a two-character name only right before its modal word, or a
            #                      person's before the time clause of it (法官从人民法院离任后，不得……: 法官法 (2019) 36, code review 16)
            #                      or the first of a list of persons (行长、副行长及其他工作人员应当……, 军官、士兵: a post by its head)
        if name.endswith("本人") and len(name) > 3 and not STOP_IN_NAME.search(name) and not SEP.search(name) and \
                name[-3] in _PERSON_END:
            return name[:-2], e       # 适龄公民本人, 华侨本人, 董事本人: the person himself (not 他人代替本人, 签署本人)
        pm = _PERSONS_END.search(name)
        if pm and pm.start() > 0 and not self.lexicon(name, 0):
            return pm.group(0), e        # 事故现场有关人员: the persons, wherever they are
        if name.endswith("部门工作人员") and _DEPT_NAME.fullmatch(name[:-4]) and not STOP_IN_NAME.search(name):
            return "工作人员", e           # 电信主管部门工作人员: a department's staff, named without it (as ……及其工作人员)
        q = _COUNTED.match(name)
        if q and "分之" not in name:
            name = name[q.end():]   # 两个以上单位: the parties, counted
        if name[-1] in _RANK_NOT_A_HEAD and "有" in name[:-1]:
            return None           # 配备有民兵、……的乡、镇人民政府: a verb and the rank it governs, no name (a rank by its one
            #                       character is a short noun)
        if _A_NUMBER.search(name):
            return None           # 三分之一以上委员, 每户派代表: a number of persons, not a name
        if _SO_MANY_PERSONS.search(name):
            return None           # 户代表五人
        if name.endswith("局") and name[-2:-1] in "布格结大全骗时僵开终棋变残":
            return None           # 用地布局, 总体格局: not a bureau
        if _REPORT.match(name) or _HOLDING.match(name):
            return None           # 报上一级人民政府审批, 凭律师执业证书……, 持转让合同到……主管部门: a verb or a preposition
        if _COORDINATION_IN.search(name) or (("和" in name or "及" in name or "或者" in name) and
                                             self._known_then_and(name)):
            return None           # 副行长及其他工作人员, 辖区居民和单位: a coordination, not one name
        if name.startswith(("组织", "主管", "承办")) and name.endswith(("机关", "部门", "单位", "机构")) and \
                MODAL_RE.match(text, e) and "的" not in name:
            return name, e        # 组织编制机关应当……: the whole noun phrase before the modal word
        verb_and_head = (name[:2] in _AGENT_VERB_SET and name[2:] in _AGENT_HEAD_SET) or \
            (name[:2] in _AGENT_OR_TWIN_SET and name[2:4] in _AGENT_OR_TWIN_SET and
             name[4:] in _AGENT_HEAD_SET)     # 举办单位, 指导机构, 检查人员; 监督检查人员, 指挥调度人员
        if "的" in name and not name.startswith(BAD_START) and not _REL_STOP.search(name[:name.rindex("的")]):
            tail = name[name.rindex("的") + 1:]
            if tail in self.reg.alias and not SEP.search(tail):
                longer = self.lexicon(text, e - len(tail))
                if longer and len(longer) > len(tail):
                    # 排放工业噪声的企业事业单位和其他生产经营者: the longest known name after 的 (a list may follow)
                    return longer, e - len(tail) + len(longer)
                return tail, e    # 接受捐赠的慈善组织, 开展慈善活动的其他组织: the known body
        if (name.startswith(BAD_START) and not name.startswith(("有关", "其他"))) or _VERB_OPENS_NAME.match(name) or \
                (name.startswith(VERB_START) and not name.startswith("负责人") and not verb_and_head and
                 not (agent and "的" in name)) or \
                (_stop_before_head(name) and not agent and not verb_and_head and not _named_by_its_act(text, name, e)):
            return None
        if "的" in name:
            tail = name[name.rindex("的") + 1:]
            if SEP.search(tail):
                return None       # ……的车辆和人员: a list after a modifier, not one name
            if len(tail) >= 2 and (tail in self.reg.alias or (not agent and not any(tail == x for x in SUFFIXES))):
                return tail, e
        m = _LOOSE_MODIFIER.match(name)
        if m:
            name = m.group(1)
        if self._verb_then_known(name):
            return None          # 拟订街道办事处……, 增强街道办事处……: a verb and its object
        return name, e

    def _known_then_and(self, name: str) -> bool:
        """Does a known actor stand right before 和, 及 or 或者 inside name (辖区居民和单位)?"""
        for m in _AND_IN.finditer(name):
            left = name[:m.start()]
            if any(left[-n:] in self.reg.alias for n in range(2, min(len(left), 8) + 1)):
                return True
        return False

    def _verb_then_body(self, name: str) -> int | None:
        """Where a verb that takes a body as its object, or a preposition, stands inside name before a known body
        that ends it (院长提请同级人民代表大会, 航道发展规划报市人民政府, 本人向户口登记机关, 从本级人民代表大会), or None."""
        for m in _TO_A_BODY.finditer(name):
            rest = name[m.end():]
            if len(rest) >= 2 and "的" not in rest and (
                    self.reg.is_known(rest) or self.lexicon(rest, 0) == rest or _LEVEL_DEPT.fullmatch(rest) or
                    (m.group(0) in ("向", "提请") and len(rest) >= 3 and rest.endswith(SUFFIXES))):
                return m.start()  # (向户口登记机关: a body the lexicon lacks, after a word that never stands in a name)
        return None

    def _verb_then_known(self, name: str) -> bool:
        """Is name a verb of two characters, then a known actor (拟订街道办事处……: a verb and its object)?"""
        rest = name[2:]
        if len(rest) < 2 or rest not in self.reg.alias or name in self.reg.alias:
            return False
        return name[:2] in _OBJECT_VERB_SET


    def _dept_discover(self, text: str, i: int):
        if text.startswith(_JOINS_NAMES, i):
            return None      # (中央和国家机关各部门: no department is named 和国家机关各部门)
        m = _DEPT_NAME.match(text, i)
        if m and not STOP_IN_NAME.search(m.group(0)[:-2]) and \
                not (m.group(0)[:2] in _DEPT_NOT_OPENING and m.group(0)[2:3] != "的") and \
                not _NAME_THEN_AND.search(m.group(0)) and not self._known_then_and(m.group(0)):
            # (政府统计机构和有关部门, 国家安全机关和有关部门: a name, then 和, then another)
            # (市人民政府)批转市民政部门: a verb and its object; (人民政府)指定的部门 is a department
            c = self.reg.canonical(m.group(0))
            return [Mention(c, m.group(0), i, m.end(), known=self.reg.is_known(c))], m.end()
        return None

    def inside_name(self, text: str, a: int, b: int) -> bool:
        """Is text[a:b] part of a known actor name (社会组织 contains 组织)?"""
        for k in range(max(0, a - 8), a):
            s = self.lexicon(text, k)
            if s and k + len(s) > a:
                return True
        if text[a - 2:a] in ("民主", "社会", "自治", "公益", "慈善", "群团", "社区", "基层"):
            return True
        return False
