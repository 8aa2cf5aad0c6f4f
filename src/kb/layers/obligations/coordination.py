"""Actor groups: coordinated actors that share one statement.

市、县（市、区）人民政府 is two governments; 学校、医院、养老机构 is three parties the lexicon may not
know; 任何单位和个人 is two.  Also the agent after 由 and the parties listed before 等 + category
(广播、电视、报刊等新闻媒体).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kb.layers.actors import PERSON_SUFFIXES, SUFFIXES
from kb.layers.obligations.lexicon import DETERMINERS
from kb.layers.obligations.mentions import ACTIVITY_STEMS, MentionScanner, name_determined_organs, own
from kb.layers.obligations.modals import MODAL_RE
from kb.layers.obligations.names import (ACTS_ON_A_PARTY, BAD_START, NOT_YET, OFFICERS, SEP, STOP_IN_NAME, THING_HEADS,
                                        VERB_START2)
from kb.layers.obligations.records import Group, Mention

#: what may follow a coordinated list of parties: a modal word or the clause's verb
_BARE_FOLLOW = re.compile(r"(?:每年|每季度|每月|每半年|定期|及时|主动)?(?:应当|应|必须|须|不得|可以|可)|有权|负责(?!人)|违反|"
                          r"依法|按照|依照|根据|在|为|向|对|与|以|通过|利用|"
                          r"参与|参加|开展|提供|积极|主动|加入|捐赠|捐助|发挥|投入|兴办|举办|建立|设立|承担|组织|结对|"
                          r"帮助|给予|共同|协同|配合|协助|做好|履行|实施|进入|合作|创办|运营|从事|加强|落实|，")
_LIST_SEP = re.compile(r"以及|或者|、|和|及|或")
_LIST_NEAR = re.compile(r"、|和|及|或")                   # a list has a separator close to its start
#: a bare conjunct: a short noun ending right before a separator, 等, or what may follow the list
_BARE = re.compile(r"([\u4e00-\u9fff]{1,8}?(?:（[\u4e00-\u9fff]{1,4}）[\u4e00-\u9fff]{0,4})?)(?<=..)"
                   r"(?=以及|或者|、|和|及|或|等|%s)" % _BARE_FOLLOW.pattern)
#: last characters of a noun naming a body or a place that acts (车站, 码头, 商场, 公园, 图书馆 …)
AGENT_HEAD_CHARS = "馆站头场园院校厂店行社台户会团队军部局处室家人者员方商司庭铺坊厅中位构织侨胞民工生师友属兵士"
_BARE_VERB = ("发展", "采用", "使用", "设置", "加快", "探索", "实行", "推广", "创新", "增强", "提高", "改善", "普及",
              "规范", "鼓励", "倡导", "引导", "开发", "培养", "扶持", "优化", "保护", "弘扬", "树立", "形成", "实现",
              "新建", "改建", "扩建", "建设", "修建", "运送", "邮寄", "携带", "推荐", "申请", "自行")


#: a head that is only a kind of body: 金融、审计等机构 are 金融机构, 审计机构
_GENERIC_HEADS = ("机构", "单位", "组织", "企业", "部门", "团体", "事业单位")
#: the last character of a body's or a place's name (托儿所, 水库, 码头, 堤防): a member of a list closed by 等单位 that keeps
#: its name (a field, 电信 or 施工, gets the head back: 电信单位)
_PLACE_CHARS = AGENT_HEAD_CHARS + "所库区闸坝市园港湾桥防点纽"
_HEAD_IN_MEMBER = re.compile(r"部门|单位|机关|机构|组织|委员会|人员")
#: fields whose last character would read as a body's or a person's (医药卫生, 能源化工, 网络传媒: 国防动员法 51, 62 p2;
#: 有色金属: 循环经济促进法 21 p2)
_FIELD_ENDS = ("卫生", "化工", "传媒", "媒体", "金属")
#: kinds of medium: a member of a list closed by 等媒体单位 that stays bare (新闻、出版、广播等媒体单位 → 新闻, 出版, 广播), as
#: the members of 等媒体 / 等新闻媒体 do (the lead's media decision, conventions of 2026-12-05: 新闻媒体单位 is no one's name)
_MEDIA_KINDS = frozenset(("报刊", "报纸", "杂志", "期刊", "广播", "电视", "广播电视", "广电", "网络", "网站", "新闻", "出版",
                          "新闻出版", "影视", "广播影视", "电影", "通讯"))
#: the role a closing head names (……等水工程管理单位, ……等场所经营单位): a place or a work listed before it is what the role
#: is held for, the party is the place's holder of the role
_ROLE_HEAD = re.compile(r"(?:经营管理|运营管理|管理|经营|运营)(?:单位|机构)$")
#: the heads of a category (团体, 机构 …) that closes a list rather than adding a party to it
_CATEGORY = r"(?:团体|组织|机构|单位|场所|主体|群体|力量)$"


def _fields_of(head: str, bare: list[str], mentions: list, stems=()) -> bool:
    """法律、会计、工程等专业服务机构: the conjuncts are fields (no body among them), the head names the
    parties; 广播、电视、报刊等新闻媒体 are media, and 律师事务所、会计师事务所 bodies, each a party.  A
    department stem is a field whatever its last character (卫生、体育等事业单位)."""
    return bool(bare) and len(bare) == len(mentions) and not head.endswith(("媒体", "媒体单位")) and \
        not any((n[-1] in AGENT_HEAD_CHARS and n not in stems) or n.endswith(SUFFIXES + PERSON_SUFFIXES)
                for n in bare)


#: the ends of a party's name the lexicon may lack beyond AGENT_HEAD_CHARS: a place that acts through its staff (托儿所,
#: 未成年犯管教所, 招待所) and a broadcaster (广播电台、电视台……应当: engineer e11c), named so in the lists of bodies before a
#: modal word (台 alone ends things too: 阳台, 站台)
_BODY_ENDS = ("所", "电台", "电视台")
#: a modal word right after a list: the list is the clause's subject (可 and 应 alone are too often part of another word)
_MODAL_AFTER = re.compile(r"(?:应当|必须|不得|可以|有权|禁止|严禁)")
#: what a list that opens its sentence may stand before besides: a comma and the modal word (广播电台、电视台、报刊出版单位、
#: 互联网信息服务提供者，应当……, 英雄烈士保护法 19: engineer e11j), as one party may
_COMMA_MODAL = re.compile(r"，" + _MODAL_AFTER.pattern)
#: where a sentence opens: a list after a comma, its sentence's subject named before it, may be the object of a verb
#: (公安机关……讯问……，询问未成年被害人、证人，应当依法通知……, 未成年人保护法 110)
_SENTENCE_OPEN = "。；："


def _bodies_before_modal(text: str, i: int, k: int, bare: list[str], mentions: list[Mention]) -> bool:
    """托儿所、幼儿园、中小学校应当……; 报关企业和报关人员不得……; 未成年犯管教所、社区矫正机构应当……: a list of names the lexicon
    lacks, none known and no 等 to close it, is still the clause's parties when a modal word follows it at once (or a
    comma and the modal word, when the list opens its sentence) and every member ends in a party's head (a body's, a
    person's, 所) — a list of things, acts or fields does not (建设项目、设施应当; 改变名称、住所应当 …; engineer 11s: such
    lists gave no record at all); or when every member is a body or a place that acts (``_places_before_modal``)."""
    if not bare or not _modal_follows(text, i, k):
        return False
    return all(len(n) >= 3 and n.endswith(SUFFIXES + PERSON_SUFFIXES + _BODY_ENDS) for n in bare) or \
        _places_before_modal(text, i, bare, mentions)


def _modal_follows(text: str, i: int, k: int) -> bool:
    """Does the modal word of the list text[i:k] follow it: at once, or after a comma when the list opens its sentence?"""
    return bool(_MODAL_AFTER.match(text, k)) or \
        bool(_COMMA_MODAL.match(text, k)) and (i == 0 or text[i - 1] in _SENTENCE_OPEN)


#: a short field and a head (示威负责人, 管理单位) closing a list: the list's fields share that head (集会、游行、示威负责人 is
#: one organiser; 管线权属、管理单位 the owners' and the managers' units), no member is a place of its own
_SHARED_TAIL = re.compile(r"[\u4e00-\u9fff]{1,2}(?:负责人|单位|企业|机构|人员)")


def _places_before_modal(text: str, i: int, bare: list[str], mentions: list[Mention]) -> bool:
    """宾馆、旅店、招待所不得……; 报社、期刊社可以……; 燃煤电厂和其他燃煤单位应当……: short names of bodies and places the lexicon
    lacks (two characters: 宾馆, 报社, 码头) end in a body's or a place's last character, and such a list right before
    the modal word is its parties, each place standing for its operator (the lead's decision Q1, 2026-12-07: a place
    as the subject of an act only its operator can do is recorded under its name) — but not the head of a relative
    clause (……物品的工厂、仓库和专用车站、码头，必须设置在……: the places where something is, and the name would be cut
    from its clause), nor a list a relative clause closes (举行集会、游行、示威的负责人必须……: acts, then one person), nor
    fields sharing the last member's head (``_SHARED_TAIL``), nor a one-character word (中、小学校) (engineer e11j)."""
    if text[i - 1:i] == "的" or any("的" in m.surface for m in mentions) or _SHARED_TAIL.fullmatch(mentions[-1].surface):
        return False
    return all(len(n) >= 2 and (n[-1] in AGENT_HEAD_CHARS or n.endswith(_BODY_ENDS)) and not _ends_with_activity(n)
               for n in bare)


def _ends_with_activity(n: str) -> bool:
    """A member ending in an activity (施工, 石油加工, 机动车制造) names a field of work, no body or place, whatever its last
    character (工 would read as a body's: 施工 stayed bare before 等单位, 循环经济促进法 23)."""
    return n[-2:] in ACTIVITY_STEMS


@lru_cache(maxsize=1 << 16)
def bare_ok(n: str) -> bool:
    """Can n be a party in a list (not a verb phrase, an activity or a thing)?  (Asked of the same words again
    and again: the answer is kept.)"""
    if (n[-1] in "乡镇市县区省村" and not n.endswith(("景区", "园区", "超市"))) or n in ("国家", "社会", "政府") + _ADVERBS:
        return False             # 农村地区乡、镇人民政府: a level or a territory, not a party
    if "的" in n or "之间" in n or STOP_IN_NAME.search(n) or n.startswith(_NOT_BARE_START):
        return False
    if n.endswith(THING_HEADS):
        return False
    return not _NUMERAL.search(n)


#: adverbs before a verb the lists' last member may be followed by (……的法定代表人、直接负责的主管人员: not a party 直接)
_ADVERBS = ("直接", "间接")
_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百千万]")
_NOT_BARE_START = VERB_START2 + _BARE_VERB + BAD_START

#: a parenthesis after a list's member that only glosses it (（村民小组）, （卫戍区、警备区）, （含技工学校）), no definition
#: (（以下简称……）) and no clause
_ASIDE = re.compile(r"（(?![^）]*(?:以下|简称|统称))[^（）。；：，]{1,12}）")
#: the agents that close a list of businesses or places the lexicon lacks (酒楼、饭店、餐厅……等餐饮服务提供者; 超市、商场、
#: 便利店、农贸市场等食品经营者): each member is a party, as before a category of bodies (engineer 11h)
_AGENT_HEADS = ("经营者", "提供者", "服务者", "运营者", "管理者")
_JOINED_HEAD = re.compile(r"和|以及|及|或者|与")
_LIST_HEAD = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:%s|场所|媒体|力量|主体|群体|机构|单位|%s)" % ("|".join(SUFFIXES), "|".join(_AGENT_HEADS)))
_ANYONE_HEAD = re.compile(r"(部门|单位|组织|个人)")
#: what may stand before an element of a group (任何, 其他, 有关 …), tried in this order
#: an agent noun: a two-character activity and its agent's head (生产者, 销售者, 管理人, 使用人)
_AGENT_NOUN = re.compile(r"([\u4e00-\u9fff]{2})(者|人)$")
#: the holders of a thing (its owner, keeper, manager, user): 建筑物所有人或者管理人, 动物饲养人或者管理人, 船舶所有人、经营人或者
#: 管理人 name one thing's holders, the thing written once, before the first (the lead's decision Q3, 2026-12-07: the
#: modifier goes to every holder of the pair, as a level goes to each member of a split list)
_HOLDERS = ("所有权人", "使用权人", "所有人", "所有者", "饲养人", "管理人", "管理者", "使用人", "使用者", "经营人", "经营者",
            "占有人", "承租人", "保管人")
_HOLDER_END = re.compile("(%s)$" % "|".join(_HOLDERS))
#: the modifiers an element of a group may have (任何单位, 其他组织, 有关部门, 上届……), longest first so that a regex
#: built from them, or a loop over them, takes 其他各类 before 其他 and 其委托的 before 其
GROUP_MODIFIERS = ("其他各类", "其委托的", "其所属的", "上届", "上次", "任何", "一切", "各类", "各级", "全体", "它的", "其他",
                   "每个", "每一", "有关", "相关", "同级", "其")
_GROUP_MOD = re.compile("|".join(GROUP_MODIFIERS))
_GROUP_MOD_FIRST = frozenset(m[0] for m in GROUP_MODIFIERS)     # (most places asked open with none of them)
#: what stands before an agent that does not take another's modifier (……的其他经营者): the group modifiers, and 该, 本
_GROUP_MOD_WORDS = GROUP_MODIFIERS + ("该", "本")
#: the parties 组织 is joined to as a party of its own (公民和组织, 个人或者组织), not as the verb
_WITH_ORGANISATIONS = ("公民", "个人", "自然人", "法人", "单位", "企业")
#: bare generic heads that share the 有关 of the element before them (有关部门和单位, 相关部门和组织)
_SHARED_RELEVANT = ("单位", "组织", "机构", "人员")
#: one of them as a word of its own (the list, the clause's verb or a mark follows): 有关部门和机构应当……
_SHARED_HEAD = re.compile(r"(单位|组织|机构|人员)(?=[、，。；]|和|及|或|以及|等|应|必须|须|不得|可|有权|负责(?!人)|依法|按照|依照)")
_AND_ITS_DEPTS = re.compile(r"(?:及|以及|和|或者|或)其(?:有关|相关|(职能|所属)各?)?部门")
#: 企业及其所属单位, ……及其下属单位: the units as the text names them (所属单位), as 及其所属部门 (code review 11, review 8
#: item 4: a bare 单位 was read)
_AND_ITS_UNITS = re.compile(r"(?:及|以及|和|或者|或)其(所属|下属)(?:各)?(企业事业单位|企事业单位|单位|企业|机构)")

#: a department named by no stem (行政主管部门): after 有关/相关 it is the lexicon's 有关部门
_GENERIC_DEPT = re.compile(r"(?:行政)?(?:主管|管理)?部门")
#: a body's officer named after it, before the verb of what the officer does (由……机关负责人决定, ……部门正职领导批准)
_OFFICER = re.compile(r"(?:%s)(?=批准|决定|签发|审批|签署|同意)" % "|".join(OFFICERS))
#: the head that makes a list of bodies one party: their heads, their legal representatives, their unions
_HEAD_OF_UNITS = re.compile(r"(?:(?:主管|主要)?负责人|法定代表人|工会)$")
#: 及其负责人, 和其工会: the body's own head, beside the body (not 其他组织的负责人)
_ITS = re.compile(r"其(?!他)")
#: the bodies such a list is made of (机关、团体、企业事业单位, 国家机关、企业事业单位和其他组织)
_UNITS_WITH_HEADS = ("机关", "团体", "企业", "单位", "组织", "机构", "部门", "人民政府")
#: the last member of such a list names a body right before the head (其他组织的负责人, 企业事业单位主要负责人): 项目负责人,
#: 地方总工会, 交通工具的负责人 are a person, a union, a thing's master of their own (code review 13 item 6)
_BODY_BEFORE_HEAD = re.compile(r"(?:%s)的?$" % "|".join(_UNITS_WITH_HEADS))
_AND_ITS_PERSONS = re.compile(r"及其(成员|工作人员|从业人员|负责人|主要负责人)")
_AND_OTHERS = re.compile(r"等(?:各类|其他)?[^，。；：、]{0,6}?(?:主体|机关|组织|单位|部门|机构|团体|力量|群体)")
_MODIFIER_DE = re.compile(r"[^，。；：、]{1,12}?的")
#: a body named by its charge (负责航道管理的部门, 负责管理地震工作的部门或者机构): heads sharing the relative clause, one party each
IN_CHARGE_STEM, IN_CHARGE_HEAD = r"负责[^，。；的]{1,12}的", r"(?:机构|部门|单位|组织)"
IN_CHARGE_OF = re.compile(r"%s(%s(?:(?:或者|和|、|及)%s)*)" % (IN_CHARGE_STEM, IN_CHARGE_HEAD, IN_CHARGE_HEAD))
_IN_CHARGE_HEADS = re.compile(IN_CHARGE_HEAD)
#: a list goes on after such a body (……的部门和其他有关部门, ……的部门、海事管理机构)
_LIST_JOIN = re.compile(r"以及|或者|和|、|及")
#: the endings of a public body's name the lexicon may lack (海事管理机构, 文物主管部门)
_STATE_BODY_ENDS = ("部门", "机构", "机关", "委员会", "人民政府")
#: 等部门和单位, and its kin 等部门和机构 / 等有关部门和组织 (code review 25 finding 6: 等部门和机构 gave the fields' departments
#: and a bare 机构): the pair closes the list
_DEPTS_AND_UNITS = re.compile(r"(有关|相关)?部门(?:和|及|以及)(有关|相关)?(单位|机构|组织)")
#: ends of nouns naming a sign, a document or a printed thing (a list of them closed by 等 is no list of parties)
_THING_TAILS = ("牌", "公文", "印章", "屏幕", "标语", "票据", "报表", "说明书", "广告", "出版物", "包装", "标志", "标识",
                "文书", "证件", "证书", "招牌", "封皮", "刊名", "报头")
_LISTED_BODY = r"((?:[\u4e00-\u9fff]{1,8}、)+[\u4e00-\u9fff]{1,8}?)等([\u4e00-\u9fff]{0,8}?)"
_LISTED = re.compile(_LISTED_BODY + r"(?=应当|应|必须|不得|可以|可|有权|有[^，。；]{1,30}的(?:义务|权利|责任)|负责|按照|"
                     r"依法|在|，)")
#: fields closed by 等单位 / 等有关单位 (or 等企业: 电力、……和建材等企业未在规定的范围……的, 循环经济促进法 52), a member up to 14
#: characters long (交通运输、……、新闻媒体、国防科研生产和市政设施保障等单位，国防动员法 51), the list followed by another party
#: (新闻出版、广播影视、文化等单位和有关社会团体，清洁生产促进法 15 p3) or by the breach its members commit (供电、供气、供热、
#: 供水等单位未按照规定报送……的)
_UNITS_LISTED = re.compile(r"((?:[\u4e00-\u9fff]{1,14}、)+[\u4e00-\u9fff]{1,14}?)等((?:有关|相关)?(?:单位|企业))"
                           r"(?=应当|应|必须|不得|可以|可|负责|按照|依法|在|，|未|违反|和|及|以及)")
_LISTED_LOOSE = re.compile(r"((?:[\u4e00-\u9fff]{1,8}、)+[\u4e00-\u9fff]{1,8}?)等([\u4e00-\u9fff]{0,8}?(?:%s|媒体|场所|力量|主体|群体))"
                           r"(?=[^，。；：、])" % "|".join(SUFFIXES))

#: modifiers that share one head, the last written with it (烟草制品、电子烟销售者; ……生产、……提供、通信运营等相关企业), before
#: the clause's modal word or verb: the members, the last member, 等, the head (a generic body, 主体, or an activity's agent)
_SHARED_HEAD_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,10}、)+)([\u4e00-\u9fff]{2,10}?)(等(?:相关|有关)?)?"
                               r"(企业|主体|单位|机构|[\u4e00-\u9fff]{2}者)"
                               r"(?=应当|应|必须|不得|可以|可|有权|负责|依法|按照|依照|，)")

#: a join inside a list's members (和, 及, 或, a second 等): where a shared head's words begin is no longer clear
_INNER_JOIN = re.compile(r"和|及|或|等(?!(?:相关|有关)?$)")

#: the last conjunct of a list, right before its modal word or verb
#: 其他 + a relative clause + 的 + a bare head (其他依法成立的组织, 其他有权请求实现担保物权的人)
_OTHER_RELATIVE = re.compile(r"其他([\u4e00-\u9fff]{2,16}?)的(组织|单位|机构|个人|人员|人(?![民员士群身口数]))")
_BARE_LAST = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?=应当|应|必须|不得|可以|可|有权|负责|依法|在|按照|依照|根据|责令|"
                        r"予以|给予|对)")


def its_departments(which: str | None) -> str:
    """The actor of 其部门 / 其有关部门 (有关部门), 其职能部门 (职能部门), 其所属（各）部门 (所属部门)."""
    return which + "部门" if which else "有关部门"


#: a verb that opens what the name reader took for a name after 由 (追究该行政主管部门): the agent stands before it
_ACT_OPENS_NAME = re.compile(ACTS_ON_A_PARTY)


class Scanner(MentionScanner):
    """The actor scanner the rules use: names, elements and groups over one registry."""

    _memo_text: str | None = None
    _memo: dict = {}

    def group(self, text: str, i: int, discover: bool = False) -> Group | None:
        """The actor group at i: a listed category, a list of elements, or a coordinated list of
        parties, whichever names more (discover: also names the lexicon lacks).  The rules ask for the
        same places again and again: the answer is kept for the text being read; a caller that changes
        what it gets changes a copy."""
        if text is not self._memo_text:
            self._memo_text, self._memo = text, {}
        key = i + i + (1 if discover else 0)     # (an int, not a tuple to build and hash on every call)
        g = self._memo.get(key, NOT_YET)
        if g is NOT_YET:
            g = self._memo[key] = self._find_group(text, i, discover)
        return g

    def _find_group(self, text: str, i: int, discover: bool) -> Group | None:
        if discover:
            g = self.listed(text, i)
            if g:
                join = re.compile(r"以及|和|及").match(text, g.end)
                if join and _UNITS_LISTED.match(text, i):
                    # ……等单位和有关社会团体，应当……: the list, then another party
                    more = self._group(text, join.end(), discover)
                    if more is not None and more.mentions and more.start == join.end():
                        return Group(g.mentions + more.mentions, g.start, more.end)
                deng = text.rfind("等", i, g.end) + 1
                if (_LIST_SEP.match(text, g.end) or _JOINED_HEAD.search(text, deng, g.end)) and \
                        not _DEPTS_AND_UNITS.match(text, deng):
                    # 广播电台、电视台、报刊等媒体和政府网站应当……: the category, then one more party, which the listed names
                    # took for the category's name (……等公共场所和单位 stays one category: coordinated finds no more; a bare
                    # 等部门和单位 closes the list, the data README's convention)
                    c = self.coordinated(text, i)
                    if c is not None and len(c.mentions) > len(g.mentions) and c.end >= g.end:
                        return self._their_unit(text, c)
                return g
        g = self._group(text, i, discover)
        if discover and _LIST_NEAR.search(text, i, i + 16):
            c = self.coordinated(text, i)
            if c is not None and (g is None or (len(c.mentions) > len(g.mentions) and c.end >= g.end)):
                return self._their_unit(text, c)
        if g is None and discover:
            return self.shared_head(text, i)
        return self._their_unit(text, g)

    def _their_unit(self, text: str, g: Group | None) -> Group | None:
        """人民警察、消防救援人员……从业人员所在单位: the unit each of them works in is the one party; a list of bodies
        closed by (的)(主管|主要)负责人 / 法定代表人 / 工会 (国家机关、企业事业单位和其他组织的负责人; 机关、团体、企业事业
        单位主要负责人): the heads (the union) of them all are, named as the text names them (code review 11 item 12,
        review 12 item 4)."""
        if g is None or len(g.mentions) < 2:
            return g
        last = g.mentions[-1]
        head = _HEAD_OF_UNITS.search(last.surface)
        if head and _BODY_BEFORE_HEAD.search(last.surface, 0, head.start()) and \
                not _ITS.search(text, g.mentions[-2].end, last.start + head.start()) and \
                all(m.name.endswith(_UNITS_WITH_HEADS) and not m.name.endswith(head.group(0)) for m in g.mentions[:-1]):
            # (机关、团体和工会: the union beside the bodies, a party of its own: no body before the head; 科技成果完成人、
            # 课题负责人: persons, each a party; 总工会和产业工会: unions, each a party; 监测机构及其负责人: the body and
            # its head, both)
            return Group([replace(last, name=self.reg.canonical(head.group(0)))], g.start, g.end)
        if not last.surface.endswith("所在单位") or "其" in text[max(g.start, last.start - 2):last.end]:
            return g      # 专业技术人员及其所在单位: the person and the unit, both
        if any(self.reg.kind_of(m.name) in ("government", "department") or m.name.endswith(SUFFIXES)
               for m in g.mentions[:-1]):
            # 上级主管部门或者所在单位: a body beside the unit, each a party (only persons have a unit they work in);
            # ……或者工作人员所在单位 is the unit too
            return Group(g.mentions[:-1] + [replace(last, name=self.reg.canonical("所在单位"))], g.start, g.end)
        return Group([Mention(self.reg.canonical("所在单位"), last.surface, g.start, last.end)], g.start, g.end)

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
            # 一切 opens the constitution's list (一切国家机关和武装力量、各政党和各社会团体、各企业事业组织……, 宪法 5, 国防法 45 p3,
            # 50 p2): without it the list stopped at its first member
            for mod in (("其他各类", "其他", "各类", "有关", "相关", "一切") if el is None and text[k:k + 1] in "其各有相一"
                        else ()):
                if el is None and text.startswith(mod, k):
                    el = self.element(text, k + len(mod), discover=True)
                    if el is not None:
                        el = own(el)
                        for x in el[0]:
                            x.start = k
                        if mod in DETERMINERS:
                            name_determined_organs(mod, el[0])
            if el is not None and not (el[1] < len(text) and _BARE_FOLLOW.match(text, el[1]) is None and
                                       not _LIST_SEP.match(text, el[1]) and not text.startswith("等", el[1])):
                ms, e = el
                if not mentions and len(ms) < 2 and not _LIST_SEP.match(text, e):
                    return None      # one party and no list after it (most places asked): no list of two
                known += any(self.reg.is_known(x.name) for x in ms)
            else:
                m = _BARE.match(text, k)
                if not m or not bare_ok(m.group(1)):
                    break
                if not mentions and not _LIST_SEP.match(text, m.end(1)):
                    return None      # (likewise: one bare noun, no list)
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
            hm = _LIST_HEAD.match(text, k)
            if hm and _BARE_FOLLOW.match(text, hm.end()):
                k = hm.end()
                headed = True
            elif hm and _LIST_SEP.match(text, hm.end()):
                # ……等公共场所、公共服务机构可以……: the category is followed by one more party
                j = _LIST_SEP.match(text, hm.end()).end()
                after = self._group(text, j, discover=True)
                if after is None and _BARE.match(text, j) and bare_ok(_BARE.match(text, j).group(1)):
                    n = _BARE.match(text, j).group(1)       # ……等公共文化服务机构和爱国主义教育基地应当
                    c = self.reg.canonical(n)
                    after = Group([Mention(c, n, j, j + len(n), known=self.reg.is_known(c))], j, j + len(n))
                if after is not None and _BARE_FOLLOW.match(text, after.end):
                    if all(re.search(_CATEGORY, x.surface) for x in after.mentions):
                        after = Group([], after.start, after.end)    # ……等人民团体和群众团体: one more category
                    if _fields_of(hm.group(0), bare, mentions) and hm.group(0) not in _GENERIC_HEADS:
                        # 法律、会计……等专业服务机构和人员: the fields name the category's bodies and persons
                        mentions = [self._named(hm.group(0), i)] + [
                            self._named(hm.group(0)[:-2] + x.surface if x.surface in ("人员", "个人") else x.surface, j)
                            for x in after.mentions]
                    else:
                        mentions += after.mentions
                    k = after.end
                    headed = True
            if headed and _fields_of(hm.group(0), bare, mentions) and len(mentions) > 1 and \
                    all(m.start < hm.start() for m in mentions):
                if hm.group(0) in _GENERIC_HEADS:     # 法律服务、金融、审计等机构: each field's body
                    mentions = [self._named(m.surface + hm.group(0), m.start) for m in mentions]
                else:                                  # 法律、会计等专业服务机构: the category
                    mentions = [self._named(hm.group(0), i)]
        if closed and not headed and 2 * sum(n[-1] in AGENT_HEAD_CHARS for n in bare) < len(bare):
            return None          # 改变名称、住所或者分立、合并、停业等: things and acts, not parties
        if len(mentions) < 2 or not _BARE_FOLLOW.match(text, k):
            return None
        bodies = not closed and _bodies_before_modal(text, i, k, bare, mentions)
        if not (closed or known or bodies):
            return None
        if not (closed or bodies) and not all(n[-1] in AGENT_HEAD_CHARS or n.endswith(_BODY_ENDS) for n in bare):
            # 个人运送、邮寄、携带……: without 等, an unknown conjunct must look like a body — its last character one of a
            # body's or a place's (a body's head alone, 有防汛任务的部门和单位 cut to 部门、单位, names no one: code review
            # 27 finding 2)
            return None
        return Group(mentions, i, k)

    def _other(self, text: str, i: int, discover: bool) -> tuple[list[Mention], int] | None:
        """The conjunct at i that starts with 其他 and the lexicon lacks: the discovered name (……以及其他保护责任人),
        unless a modal word stands inside it (其他有权请求……的人, 其他可以申请登记的组织: the 有权, 可以 is the relative
        clause's, no modal word of the clause, and no name runs through one); then 其他 and the head after the
        relative clause's 的 (其他人, 其他组织)."""
        el = self.element(text, i, discover)
        if el is not None and not MODAL_RE.search(text, i, el[1]):
            return el
        m = _OTHER_RELATIVE.match(text, i)
        if m is None:
            return None
        c = self.reg.canonical("其他" + m.group(2))
        return [Mention(c, m.group(0), i, m.end(), known=self.reg.is_known(c))], m.end()

    @staticmethod
    def _relevant(mentions: list[Mention]) -> bool:
        """Is the last conjunct an 有关 one: written so (有关部门, 相关单位) or named so (县级以上人民政府有关部门: 有关部门)?"""
        return bool(mentions) and (mentions[-1].surface.startswith(("有关", "相关")) or
                                   mentions[-1].name.startswith(("有关", "相关")))

    def _shared_relevant(self, text: str, i: int, mentions: list[Mention]) -> tuple[list[Mention], int] | None:
        """A generic head as a word of its own after an 有关 conjunct (有关部门和机构, 人民政府有关部门和单位, 有关部门和组织):
        有关 is shared, as the texts mean it; the bare head is no element of the lexicon's (机构, 人员) or none at all
        there (组织, mostly a verb)."""
        m = _SHARED_HEAD.match(text, i) if self._relevant(mentions) else None
        if m is None:
            return None
        c = self.reg.canonical("有关" + m.group(1))
        return [Mention(c, m.group(1), i, m.end(), known=self.reg.is_known(c))], m.end()

    def _organisations(self, text: str, i: int, mentions: list[Mention]) -> tuple[list[Mention], int] | None:
        """组织 after persons or units joined to it (公民和组织, 公民、组织, 个人或者组织) and before the clause's modal word or
        verb: the organisations, a party of their own (国防交通法 art. 5: 公民和组织应当依法履行国防交通义务, as its annotator
        records 公民 and 组织), not the verb 组织 (to organise) a name cannot hold."""
        if not text.startswith("组织", i) or not all(m.name in _WITH_ORGANISATIONS for m in mentions):
            return None
        if not (_BARE_FOLLOW.match(text, i + 2) or SEP.match(text, i + 2) or text.startswith("等", i + 2)) or \
                text.startswith("组织", i + 2):
            return None
        c = self.reg.canonical("组织")
        return [Mention(c, "组织", i, i + 2, known=self.reg.is_known(c))], i + 2

    def _named(self, name: str, at: int) -> Mention:
        c = self.reg.canonical(name)
        return Mention(c, name, at, at + len(name), known=self.reg.is_known(c))

    def _group(self, text: str, i: int, discover: bool = False) -> Group | None:
        """Elements joined by separators, with their modifiers (任何, 其他, 有关 …) and a closing 等."""
        start = i
        mentions: list[Mention] = []
        anyone = ""
        while True:
            i = self.past_region(text, i)
            mm = _GROUP_MOD.match(text, i) if i < 0 or text[i:i + 1] in _GROUP_MOD_FIRST else None
            mod = mm.group(0) if mm and not self.lexicon(text, i) else ""
            if mod == "同级" and self.element(text, i, discover) is not None:
                mod = ""         # 同级人民政府 is a name of its own; ……和同级军事机关: the level of a body the name lacks
            if mod in ("任何", "一切") or text.startswith(("任何", "一切"), i):
                anyone = mod or text[i:i + 2]        # 任何单位和个人, 一切单位和个人: each, with the word
            el = self.element(text, i + len(mod), discover)
            if el is None and mod == "其他" and mentions:
                el = self._other(text, i, discover)      # ……以及其他保护责任人: a name the lexicon lacks, with 其他
                mod = "" if el is not None else mod
            if el is None and not mod and not anyone and mentions:
                el = self._shared_relevant(text, i, mentions)     # 有关部门和机构, ……有关部门和组织: 有关 shared
            if el is None and not mod and not anyone and mentions:
                el = self._organisations(text, i, mentions)       # 公民和组织应当……: the organisations, a party
            if el is None:
                if anyone and mentions:
                    # 任何部门和单位: the bare noun after the connector
                    m2 = _ANYONE_HEAD.match(text, i)
                    if m2:
                        mentions.append(Mention(f"{anyone}{m2.group(1)}", m2.group(1), i, m2.end()))
                        i = m2.end()
                        sep = SEP.match(text, i)
                        if sep:
                            i2 = sep.end()
                            if self.element(text, i2, discover) or _ANYONE_HEAD.match(text, i2):
                                i = i2
                                continue
                        break
                break
            ms, e = own(el) if mod in DETERMINERS or anyone else el
            if mod in DETERMINERS:
                name_determined_organs(mod, ms)
                for m in ms:
                    if m.name == mod + m.surface:
                        continue      # (named as written just now: 有关政府部门)
                    named = self.reg.canonical(mod + m.surface)
                    if not m.known and (mod == "其他" or self.reg.is_known(named)) and \
                            (not self.reg.is_known(mod + m.name) or _GENERIC_DEPT.fullmatch(m.name)):
                        m.name = named        # 其他负有……职责的部门; 相关行政部门 = 有关部门
                    elif m.name == "组织":
                        m.name = self.reg.canonical(mod + "组织")    # 有关组织和个人: not every organisation
            if not mod and not anyone and self._relevant(mentions):
                for m in ms:
                    if m.surface in _SHARED_RELEVANT:
                        m.name = self.reg.canonical("有关" + m.surface)   # 有关部门和单位: 有关单位, as 有关部门
            if anyone:
                for m in ms:
                    if not m.name.startswith(anyone) and f"{anyone}{m.name}" in self.reg.alias:
                        m.name = f"{anyone}{m.name}"
            mentions += ms
            i = e
            # 及其（有关）部门, 或者其有关部门; 及其成员, 及其工作人员: the body's own; 及其职能部门, 及其所属部门 by the
            # text's own name (the annotation convention of 2026-12-05: the department as written after 及其)
            m = _AND_ITS_DEPTS.match(text, i)
            if m:
                mentions.append(Mention(its_departments(m.group(1)), m.group(0), i, m.end(),
                                        [lv for x in ms for lv in x.levels]))
                i = m.end()
            m = _AND_ITS_UNITS.match(text, i)
            if m:
                # (the text's own name, as its_departments gives 所属部门: the lexicon's head-noun variants would make
                # it a bare 单位)
                for head in (("企业", "事业单位") if m.group(2) in ("企业事业单位", "企事业单位") else (m.group(2),)):
                    n = m.group(1) + head         # (所属企业事业单位: 所属企业, 所属事业单位, as 企业事业单位 is split)
                    mentions.append(Mention(n, m.group(0), i, m.end(), known=self.reg.is_known(self.reg.canonical(n))))
                i = m.end()
            m = _AND_ITS_PERSONS.match(text, i)
            if m:
                whose = self.reg.canonical(ms[-1].name + m.group(1)) if ms else m.group(1)
                if not self.reg.is_known(whose) and m.group(1) != "成员":
                    whose = self.reg.canonical(m.group(1))      # ……及其工作人员: 工作人员 (……及其成员: whose)
                mentions.append(Mention(whose, m.group(0), i, m.end(), known=self.reg.is_known(whose)))
                i = m.end()
            aside = _ASIDE.match(text, i)
            before_aside = i
            if aside and SEP.match(text, aside.end()):
                # 村民委员会（村民小组）、居民委员会……; 省军区（卫戍区、警备区）、军分区（警备区）和县人民武装部: an aside after a
                # member is no end of the list (the list stopped at its first member, engineer 11h); when no party follows
                # the separator, the list ends before the aside, as it did
                i = aside.end()
            sep = SEP.match(text, i)
            if not sep and text.startswith("与", i) and mentions:
                el2 = self.element(text, i + 1, discover)
                if el2 is not None and MODAL_RE.match(text, el2[1]):
                    mentions += el2[0]       # 建设单位与前期物业服务人应当……: both are bound, 与 joins them
                    i = el2[1]
                break
            if not sep:
                break
            j = sep.end()
            if sep.group(0) in ("和其他", "或其他"):
                j -= 2
            if self.element(text, j + (2 if text.startswith(("其他各类",), j) else 0), discover) is None and not (
                    anyone and _ANYONE_HEAD.match(text, j)) and not \
                    self._mod_element(text, j, discover) and not (
                    text.startswith("其他", j) and self._other(text, j, discover)) and not \
                    self._shared_relevant(text, j, mentions) and not self._organisations(text, j, mentions):
                bare = self.bare_before_modal(text, j) if discover else None
                if bare is not None:
                    mentions.extend(self.persons_joined(bare))
                    i = bare.end
                else:
                    i = before_aside
                break
            i = j
        if not mentions:
            return None
        if len(mentions) > 1:
            mentions = self._shared_modifier(text, mentions)
        m = _AND_OTHERS.match(text, i)
        if m and (len(mentions) > 1 or _AND_ITS_PERSONS.match(text, m.end())):
            i = m.end()          # (公安机关等行政部门及其工作人员: a list of one, closed, whose staff follow)
        elif text.startswith("等", i) and len(mentions) > 1:
            i += 1
        m = _AND_ITS_PERSONS.match(text, i) if m else None
        if m and m.group(1) == "工作人员":
            # 教育、卫生行政部门和公安机关等有关部门及其工作人员……: the staff of the bodies listed, each liable with them
            mentions.append(self._named("工作人员", i + 2))
            i = m.end()
        return Group(mentions, start, i)

    def _shared_modifier(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """农业机械生产者、销售者、维修者; 烟草制品生产者或者销售者: the first agent's modifier (what is made, sold, run) is
        shared by the bare agents of the same kind after it (农业机械销售者, 农业机械维修者), as the texts mean them; a thing's
        holder likewise gives the thing to the holders after it (动物饲养人或者管理人 → 动物管理人; 建筑物所有人、使用人或者管理人),
        where the second was bare before (the lead's decision Q3)."""
        first = text[mentions[0].start:mentions[0].end]
        m = _AGENT_NOUN.search(first)
        holder = _HOLDER_END.search(first)
        if holder is not None and holder.start() >= 2:
            m = holder          # 动物饲养人或者管理人: the thing's holders (饲养, 所有 are no trade's activity)
        elif m is None or m.start() < 2 or m.group(1) not in ACTIVITY_STEMS:
            return mentions
        mod = first[:m.start()]
        if STOP_IN_NAME.search(mod) or mod.startswith(_GROUP_MOD_WORDS) or not mentions[0].name.startswith(mod):
            # (禁止吸烟场所的经营者、管理者: the first is named 经营者 without its place, the others likewise)
            return mentions
        out = list(mentions)
        for k, x in enumerate(mentions[1:], 1):
            surface = text[x.start:x.end]
            if text[max(0, x.start - 2):x.start].endswith(_GROUP_MOD_WORDS):
                continue
            bare = _AGENT_NOUN.fullmatch(surface)
            if not (bare and bare.group(1) in ACTIVITY_STEMS and bare.group(2) == m.group(0)[-1]):
                bare = _HOLDER_END.fullmatch(surface) if m is holder else None
            if bare:
                name = mod + bare.group(0)
                c = self.reg.canonical(name)
                out[k] = Mention(c, text[x.start:x.end], x.start, x.end, list(x.levels), known=self.reg.is_known(c))
        return out

    def agent(self, text: str, i: int) -> Group | None:
        """The agent after 由: 由街道办事处……, 由发放补贴的部门……, 由全体十八周岁以上的居民……"""
        g = self.group(text, i, discover=True)
        if g is None:
            r = self.discover(text, i, agent=True)
            if r:
                name, e = r
                c = self.reg.canonical(name)
                g = Group([Mention(c, name, i, e, known=self.reg.is_known(c))], i, e)
        if g is not None and len(g.mentions) == 1 and not g.mentions[0].known:
            v = _ACT_OPENS_NAME.match(g.mentions[0].name)
            j = text.find(v.group(0), i, g.end) if v else -1
            if j > i:
                # 由同级人民政府追究该行政主管部门主要负责人的……责任 (北京市河湖保护管理条例 47, code review 26 finding 9): the
                # name reader took 同级人民政府 for a level of a name that opens with the verb; the agent is the name before it
                g2 = self.group(text[:j], i, discover=True)
                if g2 is not None and g2.mentions and g2.end == j:
                    g = g2
        if g is not None and len(g.mentions) == 1 and g.mentions[0].name.endswith("单位") and \
                text[g.end:g.end + 1] not in "的，。；、和及或与":
            g2 = self.group(text, g.end, discover=True)
            if g2 is not None and g2.mentions and g2.start == g.end:
                return Group(g2.mentions, i, g2.end)   # 由其所在单位上级主管机关……: the unit only places the body
        if g is not None and len(g.mentions) == 1 and self.reg.is_public(g.mentions[0].name):
            ic = self.in_charge(text, g.end)
            if ic is not None:
                return Group(ic.mentions, i, ic.end)   # 由县级以上人民政府负责英雄烈士保护工作的部门责令改正: the department acts
        if g is not None and len(g.mentions) == 1:
            m = _OFFICER.match(text, g.end)
            if m:
                # 由国务院应急管理部门正职领导批准, 由监察机关负责人决定: the body's officer acts, not the body
                name = text[g.mentions[0].start:m.end()]
                c = self.reg.canonical(name)
                return Group([Mention(c, name, g.mentions[0].start, m.end(), known=self.reg.is_known(c))], i, m.end())
        if g is None and not text.startswith(("本人", "他人"), i):
            # (由本人向户籍所在地的……机构提出: the person himself, not the body addressed, code review 14 item 15)
            m = _MODIFIER_DE.match(text, i)
            if m:
                g = self.group(text, m.end(), discover=False)
                if g:
                    g = Group(g.mentions, i, g.end)
        return g

    def in_charge(self, text: str, k: int) -> Group | None:
        """The bodies named by their charge at k (负责英雄烈士保护工作的部门; 负责管理地震工作的部门或者机构: one per head) and
        the known parties a list joins to them (……的部门和其他有关部门, ……的部门、海事管理机构), or None."""
        m = IN_CHARGE_OF.match(text, k)
        if m is None:
            return None
        stem = text[k:m.start(1)]
        mentions = []
        for head in _IN_CHARGE_HEADS.findall(m.group(1)):
            c = self.reg.canonical(stem + head)
            mentions.append(Mention(c, stem + head, k, m.end(), known=self.reg.is_known(c)))
        end = m.end()
        j = _LIST_JOIN.match(text, end)
        if j:
            more = self.group(text, j.end(), discover=True)
            if more is not None and more.mentions and more.start == j.end() and \
                    all(x.known or x.name.endswith(_STATE_BODY_ENDS) for x in more.mentions):
                mentions += more.mentions
                end = more.end
        return Group(mentions, k, end)

    def _mod_element(self, text, j, discover):
        for m in GROUP_MODIFIERS:
            if text.startswith(m, j) and self.element(text, j + len(m), discover):
                return True
        return False

    def listed(self, text: str, i: int, loose: bool = False) -> Group | None:
        """广播、电视、报刊、网站等新闻媒体 -> the listed names (the head is a category).  loose: the list is
        the object of a verb (鼓励……等媒体减免……), whatever follows it."""
        if i >= 0 and text.find("、", i + 1, i + 9) < 0:
            return None          # (the list's first 、 stands 1 to 8 characters after i: most places have none)
        m = _LISTED_LOOSE.match(text, i) if loose else _UNITS_LISTED.match(text, i)
        if m and not loose and _HEAD_IN_MEMBER.search(m.group(1)):
            m = None     # 相关部门和电力、通信、给排水、燃气等单位: a body before the fields, no field of the list
        if not m and not loose:
            m = _LISTED.match(text, i)
        if not m:
            return None
        head = m.group(2)
        if _DEPTS_AND_UNITS.fullmatch(head):
            return self._depts_and_units(m, i)
        if head and (not (head in self.reg.alias or head.endswith(SUFFIXES)) or head.endswith("部门")):
            return None
        if not head and any(len(n) > 4 for n in re.split(r"、|和|及", m.group(1))):
            return None
        names = re.split(r"、|和|及", m.group(1))
        if m.re is _UNITS_LISTED:
            # A、B和C: 和 joins the last two members; inside a member it is part of its name (食品和粮食供应)
            parts = m.group(1).split("、")
            names = parts[:-1] + re.split(r"和|及", parts[-1])
        if not head and all(n.endswith(_THING_TAILS + THING_HEADS) for n in names):
            return None          # 名称牌、公文、印章、标牌……标语等应当使用规范汉字: things, no party (the spec; the lead's decision)
        if any(STOP_IN_NAME.search(n) or len(n) < 2 for n in names):
            return None
        bare = head[2:] if head.startswith(("有关", "相关")) else head
        if bare in ("单位", "机构", "企业") and all(n in ACTIVITY_STEMS for n in names):
            # 建设、勘察、设计、施工、监理等单位: each activity's party (建设单位, 勘察单位 …), as 设计、施工单位
            return Group([self._named(n + bare, i) for n in names], i, m.end())
        if head and _fields_of(head, names, names, self.reg.stems):      # 法律、会计等专业服务机构: fields of a category
            if bare in _GENERIC_HEADS:     # (医保、残联等单位: a body the lexicon names stays itself; 新闻、广播、电视等
                # 有关单位: each field's unit, as 等单位 — chongqing-xiaofang 11 p2's gold, thirteenth session)
                return Group([self._named(n if n in self.reg.alias and n not in self.reg.stems else n + bare, i)
                              for n in names], i, m.end())
            return Group([self._named(head, i)], i, m.end())
        # 公安、民政、医保、残联等单位: a member that is no body's name gets the closing head back (公安单位; 残联 stays), as
        # the annotation convention of 2026-12-05 reads a list closed by 等X; so do the trades closed by 等企业 (电力、石油加工、
        # 化工……和建材等企业: 电力企业 …, 循环经济促进法 21 p2's gold), as 等单位's fields do
        restore = bare if (bare.endswith(("单位", "机构")) or bare == "企业") and "企事业" not in bare and \
            "企业事业" not in bare else ""
        # 水库、水电站、堤防……等水工程管理单位: places and works are what the head's role is held for, the party is each
        # one's 管理单位 (水库管理单位, as chongqing-fangxun-kanghan's gold), not the place (which 等单位 keeps)
        role = _ROLE_HEAD.search(bare)
        out, k = [], i
        for n in names:
            named = n + restore if restore and not (n in _MEDIA_KINDS and "媒体" in restore) and (
                n in self.reg.stems or n.endswith(_FIELD_ENDS) or _ends_with_activity(n) or
                (n not in self.reg.alias and not n.endswith(SUFFIXES + PERSON_SUFFIXES) and n[-1] not in _PLACE_CHARS)) \
                else n
            if role and named == n and n[-1] in _PLACE_CHARS and n not in self.reg.alias and \
                    not n.endswith(PERSON_SUFFIXES):
                named = n + role.group(0)
            c = self.reg.canonical(named)
            out.append(Mention(c, n, k, k + len(n), known=self.reg.is_known(c)))
            k += len(n) + 1
        return Group(out, i, m.end())

    def shared_head(self, text: str, i: int) -> Group | None:
        """烟草制品、电子烟销售者应当……; 道路测试、示范应用、道路应用试点主体应当……; ……汽车生产、车联网软件提供、通信运营等相关
        企业应当……: modifiers (things, fields, activities; none a party's name) share the head the last one is written with,
        each with it is a party (烟草制品销售者, 电子烟销售者), as the gold files write such lists.  Asked only where no party
        was found, at the start of a clause (a list inside a clause is the object of its verb)."""
        if i > 0 and text[i - 1] not in "，。；：\n":
            return None
        m = _SHARED_HEAD_LIST.match(text, i)
        if m is None or (m.group(4).endswith("者") and m.group(4)[:2] not in ACTIVITY_STEMS):
            return None
        names = m.group(1).split("、")[:-1] + [m.group(2)]
        head = m.group(4)
        if head in ("单位", "机构", "企业") and not m.group(3):
            return None      # 餐具、饮具集中消毒服务单位: the shared words may be more than the head; 等 closes a list of fields
        if text.startswith(_NOT_BARE_START, i) or _INNER_JOIN.search(m.group(0), 0, m.start(4) - i) or \
                any(not self._modifier_only(n, head) for n in names):
            return None      # (支持……、认证等专业机构: a verb's object; 养护和经营管理单位, 饲料和饲料添加剂: a share unclear)
        out, k = [], i
        for n in names:
            c = self.reg.canonical(n + head)
            out.append(Mention(c, n, k, k + len(n), known=self.reg.is_known(c)))
            k += len(n) + 1
        return Group(out, i, m.end())

    def _modifier_only(self, n: str, head: str) -> bool:
        """Can n be no more than a modifier of the head (a thing, a field, an activity): not a party's name of its own, a
        level or a territory, nor words with 的; before a body's head (单位, 机构, 企业) not a place's or a body's name either
        (学校、医院等单位 are the places' own bodies; 道路应用试点主体: a 主体 or an agent is no place's)?"""
        if n in self.reg.alias or self.reg.is_known(self.reg.canonical(n)) or n.endswith(SUFFIXES + PERSON_SUFFIXES):
            return False
        if head in ("单位", "机构", "企业") and n[-1] in _PLACE_CHARS and not _ends_with_activity(n) and \
                not n.endswith(_FIELD_ENDS):
            return False
        return "的" not in n and n[-1] not in "乡镇市县区省村" and n not in ("国家", "社会", "政府", "本市", "各级")

    def _depts_and_units(self, m: re.Match, i: int) -> Group:
        """消防救援机构、电信等有关部门和单位: a body stays itself, a stem is its department (电信部门), and the
        departments and units the text calls 有关 are actors too (有关部门, 有关单位: 有关 shared by both); a bare
        等部门和单位 closes the list, no party of its own (the annotation convention of 2026-12-05)."""
        out = []
        for n in re.split(r"、|和|及", m.group(1)):
            out.append(self._named(n if n.endswith(SUFFIXES) or n in self.reg.alias else n + "部门", i))
        relevant = _DEPTS_AND_UNITS.fullmatch(m.group(2))
        if relevant.group(1):
            out.append(self._named("有关部门", i))
        if relevant.group(1) or relevant.group(2):
            out.append(self._named("有关" + relevant.group(3), i))
        return Group(out, i, m.end())

    def bare_before_modal(self, text: str, j: int) -> Mention | None:
        """X、Y和Z应当: the last conjunct may be a noun the lexicon does not know."""
        m = _BARE_LAST.match(text, j)
        if not m or STOP_IN_NAME.search(m.group(1)) or m.group(1).endswith(("工作", "服务", "活动", "经费")) or \
                m.group(1) in _ADVERBS:
            return None
        c = self.reg.canonical(m.group(1))
        return Mention(c, m.group(1), j, m.end(), known=self.reg.is_known(c))

    def public(self, g: Group) -> bool:
        """Every member of g is a public body: a government, a department, a 机关, a self-governing
        body or a mass organisation (工会, 妇联 …)."""
        return bool(g.mentions) and all(self.reg.is_public(m.name) or m.name.endswith("机关")
                                        for m in g.mentions) and \
            not any(m.name in ("国家", "本市") for m in g.mentions)


#: the persons a penalty or a ban names by their part in a breach (直接负责的主管人员, 负有直接责任的主管人员, 直接责任人员)
_RESPONSIBLE_OF = re.compile(r"(?:直接负责的|负有直接责任的)(?=主管人员|领导人员|负责人)|(?=(?:其他)?直接责任人员)")


def responsible(sc: Scanner, text: str, i: int) -> Group | None:
    """对直接负责的主管人员和其他直接责任人员，依法给予处分; 其直接负责的主管人员和其他直接责任人员十年内不得……: the persons
    at i, the first named with its part in the breach, as the text and the annotators write it (no name the scanner
    finds opens with 直接负责的)."""
    m = _RESPONSIBLE_OF.match(text, i)
    g = sc.group(text, m.end(), discover=True) if m else None
    if g is None or not g.mentions or g.start != m.end():
        return None
    first = g.mentions[0]
    c = sc.reg.canonical(text[i:first.end])
    return Group([Mention(c, text[i:first.end], i, first.end, first.levels, sc.reg.is_known(c))] + g.mentions[1:],
                 i, g.end)
