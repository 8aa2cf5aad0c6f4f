"""One actor name at a position of the text.

The lookups every larger unit is built from: a name or alias of the lexicon (longest match), a
list of level prefixes (市、县（市、区）), a list of department stems (财政、民政等部门), and the
discovery of a name the lexicon does not know, by its head (……委员会, ……机构, ……人) and by what
cannot be in a name (a verb, a preposition, a clause mark).
"""
from __future__ import annotations

import re

from kb.layers.actors import PERSON_SUFFIXES, SUFFIXES, Registry
from kb.layers.obligations.modals import MODAL_RE
from kb.layers.obligations.records import Mention
from kb.layers.obligations.sentences import CLAUSE_END

#: separators of coordinated names (市、县人民政府, 财政和民政部门, 单位或者个人)
SEP = re.compile(r"以及|及其(?!他)|或者|和其他|或其他|、|和|及|或|暨")
STOP_IN_NAME = re.compile(r"应当|可以|不得|必须|通过|按照|根据|依照|依法|对于|对|向|将|把|在|为|给|以|由|经|"
                          r"违反|发生|涉及|需要|从事|享受|新增|设立|开展|提供|建立|组织|负责|进行|实施|[，。；：、]")
BAD_START = ("有", "是", "的", "和", "或", "及", "并", "等", "其", "该", "下列", "上述", "前款", "本款", "以下")
#: a discovered name does not start with a verb (履行组织…, 指导和监督业主大会 are not actors)
VERB_START = ("履行", "开展", "做好", "组织", "推动", "推进", "加强", "建立", "协助", "指导", "支持", "提供", "完善",
              "负责", "依托", "利用", "引导", "鼓励", "发挥", "保障", "落实", "制定", "组建", "监督", "检查", "考核",
              "选举", "选聘", "成立", "参加", "参与", "承担", "办理", "促进", "培育", "整合", "帮助",
              "督促", "委托", "协调", "健全", "设立", "撤销", "调整", "申请", "接受", "需要", "享受", "发放", "举办",
              "兴办", "改变", "维护", "反映", "调解", "宣传", "动员", "召集", "主持", "讨论", "决定",
              "实施", "执行", "遵守", "配合", "审计", "拨付", "纳入", "给予", "按照", "根据", "通过", "未", "不",
              "尊重", "接受", "获得", "要求", "请求", "损害", "索取", "侵犯", "侵占", "强迫", "强行", "泄露", "帮助",
              "照顾", "赡养", "扶养", "抚养", "教育居民", "保护", "参照", "优先", "禁止", "严禁", "或者")
VERB_START2 = tuple(v for v in VERB_START if len(v) > 1)
#: heads of a noun naming a thing, not a body (工作, 经费, 规划 …)
THING_HEADS = ("工作", "服务", "活动", "经费", "资金", "项目", "设施", "规划", "制度", "体系", "机制", "标准",
               "信息", "资源", "技术", "产品", "方式", "方面", "领域", "事业", "产业", "行业", "文化", "环境",
               "以上", "以下", "方法", "措施", "政策", "意见", "建议", "材料", "文件", "资料", "情况", "财产",
               "内容", "结果", "期限", "费用", "程序", "方案", "合同", "协议", "决定", "规约", "章程", "区域")

#: every place a name head (SUFFIXES, PERSON_SUFFIXES) starts; the longest head at each place
_SUFFIX_AT = re.compile("(?=(%s))" % "|".join(sorted(SUFFIXES + PERSON_SUFFIXES, key=len, reverse=True)))


class NameScanner:
    """Name lookups over one registry, its names and levels indexed by their first character."""

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
        """The longest name or alias of the lexicon at i."""
        for s in self.first.get(text[i:i + 1], ()):
            if text.startswith(s, i):
                if s.endswith("人") and text[i + len(s):i + len(s) + 1] in "身民员口格":
                    continue          # 申请人身安全保护令
                return s
        return None

    def level_list(self, text: str, i: int) -> tuple[list[str], int]:
        """市、县（市、区）… at i -> (levels, end); ([], i) when no level starts there."""
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
            if 2 <= len(p) <= 10 and not STOP_IN_NAME.search(p) and "的" not in p and "政府" not in p:
                names.append(p + "部门")
                continue
            return None
        if not known and not (tail.startswith("等") and len(pieces) > 1 and all(len(p) <= 8 for p in pieces)):
            return None        # 价格、城乡规划……等其他行政管理部门: a closed list of stems is a list of departments
        return names, m.end()

    def discover(self, text: str, i: int, agent: bool = False) -> tuple[str, int] | None:
        """A name the lexicon does not know at i, ending in a name head -> (name, end).  agent: after
        由, where a name may be a noun phrase with 的 (发放补贴的部门)."""
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
                        if e2 - e <= 6 and not STOP_IN_NAME.search(text[e:e2]) and \
                                not any(c in text[e:e2] for c in CLAUSE_END + "和及或与"):
                            name2 = text[i:e2]
                            return name2[name2.rindex("的") + 1:] if "的" in name2 else name2, e2
                return r
        return None

    def _candidate(self, text: str, i: int, e: int, agent: bool) -> tuple[str, int] | None:
        name = text[i:e]
        if any(c in name for c in CLAUSE_END) or len(name) < 3 or name in ("他人", "本人", "其人"):
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
                MODAL_RE.match(text, e) and "的" not in name:
            return name, e        # 组织编制机关应当……: the whole noun phrase before the modal word
        if (name.startswith(BAD_START) and not name.startswith(("有关", "其他"))) or \
                (name.startswith(VERB_START) and not (agent and "的" in name)) or \
                (STOP_IN_NAME.search(name[:-2] if len(name) > 2 else "") and not agent):
            return None
        if "的" in name:
            tail = name[name.rindex("的") + 1:]
            if len(tail) >= 2 and (tail in self.reg.alias or (not agent and not any(tail == x for x in SUFFIXES))):
                return tail, e
        m = re.match(r"(?:相关|各类|其他各类|该)(.{3,})$", name)
        if m:
            name = m.group(1)
        return name, e

    def _dept_discover(self, text: str, i: int):
        m = re.compile(r"[\u4e00-\u9fff]{2,16}?部门").match(text, i)
        if m and not STOP_IN_NAME.search(m.group(0)[:-2]):
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
