"""The actor registry: who can hold an obligation.

Known actors come from a lexicon shipped with kb (``kb/layers/data/actors.yml``); a user extends it
without code by putting an ``actors.yml`` of the same shape at the project root or in
``regulation/<reg>/``.  Each actor has a canonical name, aliases (居委会 = 居民委员会), a kind
(government, department, self-governing, social, enterprise, individual, other), a level and a
parent.  Names are compared after canonicalisation (:meth:`Registry.canonical`): aliases are
resolved, and a department's level prefix (市、县（市、区）民政部门) is split off as an attribute.
Actors found in a text but absent from the lexicon are *discovered* and can be listed
(``kb actors --unknown``) so the lexicon can grow.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import KbError

KINDS = ("government", "department", "self-governing", "social", "enterprise", "individual", "other")
KIND_NAMES = {"government": "政府及派出机关", "department": "政府部门", "self-governing": "基层群众自治组织",
              "social": "社会组织", "enterprise": "企事业单位", "individual": "个人", "other": "其他"}

#: words an unknown actor's name may end with (used to discover actors not in the lexicon)
SUFFIXES = ("部门", "机关", "政府", "委员会", "办事处", "单位", "组织", "企业", "机构", "联合会", "协会",
            "中心", "公司", "大会", "团体", "常务委员会", "学校", "中学", "媒体", "医院", "法院", "检察院", "幼儿园", "派出所", "局", "厅",
            "场所", "场馆", "院校", "院所", "事务所", "小组", "组", "办公室", "站", "商", "馆", "院", "管委会", "合作社", "银行", "教育基地", "队", "传媒", "媒介", "诊所", "工会", "少年宫", "文化宫",
            # a party named by its role (民事主体, 信用主体, 市场主体, 行政执法主体, 道路应用试点主体): a body's head, not a person's
            # (code review 24 findings 2, 3: as a person's it made 市场主体 receive the benefits it gives, and it kept no level —
            # 本市各级行政执法主体 lost its party); 主体工程, 主体责任, 以……为主体 and 建筑主体 are refused where the head is read
            # (names._head_verdict)
            "主体")

#: the heads of SUFFIXES that name a place (车站, 商场, 图书馆): a builder builds one, and an abbreviation or a list of
#: parties never ends in one (kb.layers.obligations.subjects and abbreviations leave them out of a party's heads)
PLACE_SUFFIXES = ("场所", "场馆", "站", "馆", "教育基地")

#: the head of an office of a ministry or an army (人民武装部, 政治部, 总参谋部, 指挥部, 门诊部): a head discovery reads (a part —
#: 内部, 全部, 干部 — is refused where the head is read: obligations.names._head_verdict), not one of SUFFIXES, which the rules
#: also read as the end of any known name (科技干部等政府部门: 科技干部 is a department's stem there)
OFFICE_HEADS = ("部",)

#: heads of a person's name (第三人, 未成年人, 管理者, 志愿服务对象, 网格员, 楼栋长, 筹备组组长);
#: used for a subject only
PERSON_SUFFIXES = ("人员", "人物", "人", "者", "对象", "成员", "员", "长", "主任", "代表", "委员", "人士", "主席",
                   "医师", "医生", "专家", "毕业生", "律师", "会计师", "审计师", "工程师", "建筑师", "拍卖师", "评估师", "药师", "教师",
                   "检察官", "法官", "监察官", "学生", "正职领导", "正职领导人",
                   # a rank or a post named by its head alone (军官, 士官, 外交官, 士兵, 新兵): not a closed list of ranks
                   # (a thing that ends so — 器官, 感官, 兵役, 兵种 — is refused where the head is read: names._head_verdict)
                   "官", "兵", "军士",
                   # a user of a utility or a service (天然气用户, 天然气居民用户, 网络用户, 非居民用水户): the text's own party,
                   # named by its head as 官 and 兵 are; a thing named after the user (用户信息, 用户画像) is refused where the
                   # head is read (names._head_verdict)
                   "用户", "用水户")


#: mass organisations (群团组织): public bodies, though their kind is social
MASS_ORGANISATIONS = ("工会", "共青团", "妇联", "残联", "工商联", "红十字会", "科协", "文联", "侨联", "群团组织")

#: modifiers dropped in front of a name when the rest is a known actor (各类公益组织 → 公益组织)
MODIFIERS = ("其他各类", "各类", "各种", "其他", "有关", "相关", "该", "本届", "本", "全体", "它的", "其", "属地", "上届", "上次", "每届",
             # which of them, not who (新建学校, 原有学校, 所属媒体, 首次业主大会, 各有关单位: the annotators write the body)
             "新建", "原有", "现有", "所属", "首次", "各",
             # the state's name before its own bodies (中华人民共和国主管机关, 中华人民共和国有关机关: the annotators drop it)
             "中华人民共和国")


#: a people's congress and its standing committee: named at a level (乡、民族乡、镇人民代表大会, 市人民代表大会常务委员会,
#: a text's 市人大常委会) they keep the level as an attribute, as a department does: one body of one kind at its levels
CONGRESSES = ("人民代表大会", "人民代表大会常务委员会", "人大常委会")

#: a party counted by its sides (双方当事人, 一方当事人), the end of a longer name (租赁合同一方当事人)
_SIDES = re.compile(r"(?:双方|一方|各方)当事人$")


def _modifier(name: str) -> str | None:
    """The longest modifier the name starts with.  The longest only: 其他组织 is 其他 + 组织, too short to
    drop 其他 from, and never 其 + 他组织."""
    if not name.startswith(MODIFIERS):
        return None
    return next((m for m in MODIFIERS if name.startswith(m)), None)

DATA = Path(__file__).resolve().parent / "data" / "actors.yml"


@dataclass
class Actor:
    name: str
    kind: str = "other"
    level: str | None = None
    parent: str | None = None
    aliases: list[str] = field(default_factory=list)
    source: str = "lexicon"            # lexicon | user | discovered | text (an abbreviation the text defines)

    def to_dict(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "kind": self.kind, "level": self.level,
                "parent": self.parent}


def guess_kind(name: str) -> str:
    if name.endswith(("人民代表大会常务委员会", "人民代表大会", "人民政府", "政府", "办事处", "机关")):
        return "government"
    if name.endswith(("管委会", "区管理委员会")):
        # a zone's administrative committee (开发区管委会, 园区管理委员会) governs its zone for the government
        # that set it up; 物业管理委员会, 村合作社管理委员会 are no zone's and stay social
        return "government"
    if name.endswith(("部门", "局", "厅", "委", "机构", "办公室")) and not name.endswith(("服务机构", "保险机构", "养老机构")):
        return "department"
    if name.endswith(("居民委员会", "村民委员会", "居民会议", "居民小组", "业主大会", "业主委员会")):
        return "self-governing"
    if name.endswith(("单位", "企业", "公司", "机构")):
        return "enterprise"
    if name.endswith(("组织", "协会", "联合会", "团体", "中心", "委员会")):
        return "social"
    if name.endswith(("人", "者", "员", "家庭", "代表", "长", "主任", "官", "兵")):
        return "individual"
    return "other"


class Registry:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.alias: dict[str, str] = {}
        self.stems: set[str] = set()
        self.levels: list[str] = []
        self.discovered: dict[str, int] = {}       # unknown name -> times seen
        self.expansions: dict[str, list[str]] = {}  # a text's short name of a list of bodies -> the bodies (“一府两院”)
        self.files: list[str] = []
        #: the region a text covers, named in its title and defined by it (本法所称青藏高原，是指……): before a level's body
        #: it is dropped (青藏高原县级以上地方人民政府 = 县级以上地方人民政府), as the annotators write it (set per text:
        #: kb.layers.obligations.abbreviations.text_registry)
        self.regions: tuple[str, ...] = ()
        #: the organs and officers a text introduces for the body it governs (农村集体经济组织设理事会, 农村集体经济组织成员大会
        #: 由……组成, 企业设立管理委员会): after the body's name they are named without it (农村集体经济组织理事会成员 =
        #: 理事会成员), as the annotators write them (set per text: kb.layers.obligations.abbreviations.own_organs)
        self.organs: tuple[str, ...] = ()
        self._canon: dict[str, str] = {}           # canonical() memo, cleared when the registry changes
        self._split: dict[str, tuple] = {}         # split_level() memo, cleared likewise
        self._fingerprint: str | None = None       # fingerprint() memo, cleared likewise
        self._index: tuple | None = None           # _lookup() memo, cleared likewise
        self._scan: tuple | None = None            # the name scanner's tables (obligations.names), likewise

    # -- building -------------------------------------------------------------------------------
    def add(self, actor: Actor) -> None:
        old = self.actors.get(actor.name)
        if old is not None:
            actor.aliases = list(dict.fromkeys(old.aliases + actor.aliases))
        self._canon.clear()
        self._split.clear()
        self._fingerprint = None
        self._index = None
        self._scan = None
        self.actors[actor.name] = actor
        self.alias[actor.name] = actor.name
        for a in actor.aliases:
            self.alias[a] = actor.name

    def extended(self, names: list[str], source: str = "text", full: dict[str, str] | None = None,
                 kinds: dict[str, str] | None = None) -> "Registry":
        """A copy that also knows names (the abbreviations a text defines for its own actors), or
        this registry when it knows them all; this one is left as it is (it is shared by texts).
        full: the known name an abbreviation stands for (常务委员会 for 人民代表大会常务委员会): the abbreviation
        takes its kind, and the text's mentions of the full name are named by the abbreviation, the text's own name.
        kinds: the kind of a name its own head does not tell (食品小作坊, a 生产经营者 by the text's definition)."""
        full, kinds = full or {}, kinds or {}
        new = [n for n in names if n not in self.alias]
        if not new:
            return self
        r = Registry()
        r.actors, r.alias = dict(self.actors), dict(self.alias)
        r.stems, r.levels, r.files = set(self.stems), list(self.levels), list(self.files)
        r.discovered = self.discovered
        for n in new:
            r.add(Actor(name=n, kind=self.kind_of(full[n]) if n in full else kinds.get(n) or guess_kind(n), source=source))
        for n, f in full.items():
            if n in new:
                r.alias[f] = n
        return r

    def with_regions(self, regions: tuple[str, ...]) -> "Registry":
        """This registry for a text that covers regions (a copy; the memos are shared, the names being the same)."""
        r = copy.copy(self)
        r.regions = tuple(sorted(regions, key=len, reverse=True))
        return r

    def with_organs(self, organs: tuple[str, ...]) -> "Registry":
        """This registry for a text that introduces organs of the body it governs (a copy, as :meth:`with_regions`)."""
        r = copy.copy(self)
        r.organs = tuple(sorted(organs, key=len, reverse=True))
        return r

    def load_file(self, path: Path, source: str = "user") -> None:
        data = _read_yaml(path)
        if not isinstance(data, dict):
            raise KbError("参与主体词表应为映射（actors:, stems:, levels:）", str(path), 1)
        for i, e in enumerate(data.get("actors") or []):
            if isinstance(e, str):
                e = {"name": e}
            if not isinstance(e, dict) or not e.get("name"):
                raise KbError(f"actors 第 {i + 1} 项缺少 name", str(path), _line_of(path, str(e)))
            kind = e.get("kind") or guess_kind(e["name"])
            if kind not in KINDS:
                raise KbError(f"未知的主体类别“{kind}”（可用：{'、'.join(KINDS)}）", str(path),
                              _line_of(path, e["name"]))
            self.add(Actor(name=str(e["name"]), kind=kind, level=e.get("level"), parent=e.get("parent"),
                           aliases=[str(a) for a in e.get("aliases") or []], source=source))
        self._canon.clear()
        self._split.clear()
        self._fingerprint = None
        self._index = None
        self._scan = None
        self.stems.update(str(s) for s in data.get("stems") or [])
        for lv in data.get("levels") or []:
            if lv not in self.levels:
                self.levels.append(str(lv))
        self.levels.sort(key=len, reverse=True)
        self.files.append(str(path))

    def fingerprint(self) -> str:
        """A hash of what the registry knows (actors, aliases, stems, levels): what a layer
        computed with it depends on (see kb.layers.cache)."""
        if self._fingerprint is None:
            from kb.layers.cache import fingerprint

            self._fingerprint = fingerprint([[vars(a) for a in self.actors.values()], sorted(self.alias.items()),
                                             sorted(self.stems), self.levels])
        return self._fingerprint

    # -- lookup ---------------------------------------------------------------------------------
    def split_level(self, name: str) -> tuple[list[str], str]:
        """('市、县（市、区）民政部门') -> (['市', '县（市、区）'], '民政部门')."""
        hit = self._split.get(name)
        if hit is None:
            hit = self._split[name] = self._split_level(name)
        return list(hit[0]), hit[1]

    def _lookup(self) -> tuple[dict[str, list[str]], tuple[str, ...]]:
        """(the levels by their first character, in the order of self.levels; the stems longer than one
        character), made once for what the registry holds now."""
        if self._index is None:
            by_first: dict[str, list[str]] = {}
            for lv in self.levels:
                by_first.setdefault(lv[:1], []).append(lv)
            self._index = (by_first, tuple(st for st in self.stems if len(st) > 1))
        return self._index

    def _split_level(self, name: str) -> tuple[list[str], str]:
        levels: list[str] = []
        rest = name
        by_first = self._lookup()[0]
        while True:
            for lv in by_first.get(rest[:1], ()):
                if rest.startswith(lv) and len(rest) > len(lv) and not self._stem_at(rest, lv):
                    after = rest[len(lv):]
                    m = _LEVEL_PAREN.match(after)
                    if m and not lv.endswith("）"):
                        lv += m.group(0)
                        after = after[m.end():]
                    levels.append(lv)
                    rest = after
                    if rest[:1] in "、和及":
                        rest = rest[1:]
                    if rest.startswith("的"):
                        rest = rest[1:]
                    break
            else:
                return levels, rest

    def _stem_at(self, name: str, lv: str) -> bool:
        """Does name open with a department stem or a word that only looks like the level lv (市场,
        市政, 城市管理, 区域), or is it too short to be a level and a name (市政部门 is not 市 + 政部门)?"""
        rest = name[len(lv):]
        if rest.endswith("部门") and len(rest) < 4:
            return True
        if rest.startswith(self._lookup()[1]) or rest in self.alias:
            return False        # 市政务服务部门: 市 + 政务服务部门
        if len(lv) == 1 and _LEVEL_WORD.match(name):
            return True         # 区域急救医疗中心: a word, not a level
        return any(st.startswith(lv) and len(st) > len(lv) and name.startswith(st) for st in self.stems)

    def canonical(self, name: str | None) -> str | None:
        """The canonical name: aliases resolved, a department's level prefix removed."""
        if not name:
            return name
        hit = self._canon.get(name)
        if hit is None:
            hit = self._canon[name] = self._canonical(name)
        return hit

    def _canonical(self, name: str) -> str:
        n = _SPACES.sub("", name)
        if n in self.alias:
            return self.alias[n]
        if "(" in n or ")" in n:
            # 区县(自治县)人民政府 = 区县（自治县）人民政府: texts write the brackets both ways
            return self._canonical(n.replace("(", "（").replace(")", "）"))
        rest = n
        while True:                  # 其他有关单位 → 单位: stacked modifiers
            mod = _modifier(rest)
            if mod is None or len(rest) <= len(mod) + 1:
                break
            rest = rest[len(mod):]
            if rest in self.alias:
                return self.alias[rest]
            if self.is_known(rest):
                return self.canonical(rest)
        levels, base = self.split_level(n)
        if levels and base != n and _modifier(base):
            return self._canonical(base)     # 各级各类学校 = 学校: a level, then a modifier
        if levels and base in CONGRESSES:
            return self.alias.get(base, base)      # 乡人民代表大会 = 人民代表大会 at the level 乡
        if levels:
            b = self.alias.get(base, base)
            if b.endswith("部门") or self.kind_of(b) == "department":
                return self._canonical(b) if b != n else b
            if base.endswith("人民政府") or base == "政府":
                lv = levels[-1] if len(levels) == 1 else "".join(levels)
                if lv.endswith("级") and lv[:-1] in self.levels and f"{lv}人民政府" not in self.alias:
                    lv = lv[:-1]            # 设区的市级人民政府 = 设区的市人民政府 (本级 stays)
                cand = f"{lv}人民政府"
                return self.alias.get(cand, cand)
            if base in self.alias and self.kind_of(b) != "government":
                return b
            if base.endswith(SUFFIXES + OFFICE_HEADS) and len(base) >= 4 and guess_kind(base) not in ("government", "department"):
                return base         # 市急救医疗指挥中心, 区县（自治县）人民武装部: the body, whatever city it serves
        dept = _dept_variant(n, self.alias)
        if dept is not None:
            return dept
        if n.endswith("政府") and not n.endswith("人民政府") and len(n) > 2:
            cand = n[:-2] + "人民政府"
            return self.alias.get(cand, cand)
        head = self.head_noun(n)
        if head:
            return self.alias[head]
        m = _ORIGIN.match(n)
        if m and len(n) - m.end() >= 3:
            return self.canonical(n[m.end():])    # 外籍家政服务人员 = 家政服务人员 (where they come from)
        return n

    def match_key(self, name: str | None) -> str | None:
        """The name two records are compared by (a score, a version diff): canonical, a modifier ending
        in 的 or a leading 有关/其他 dropped (接到举报的部门 = 部门) and a department by its stem
        (城乡规划主管部门 = 城乡规划部门), so that the text's own wordings of one actor meet."""
        c = self.canonical(name)
        if c and "的" in c and len(c) - c.rindex("的") > 2:
            c = self.canonical(c[c.rindex("的") + 1:])
        while c:                     # 有关应急指挥机构 = 应急指挥机构 (有关部门 stays)
            if c.startswith("本级") and len(c) > 4:
                c = self.canonical(c[2:])      # 本级人民政府 = 人民政府: the level of the body the text is about
                continue                       # (not 本 + 级人民政府)
            mod = _modifier(c)
            if mod is None or len(c) <= len(mod) + 2:
                break
            c = self.canonical(c[len(mod):])
        if c and c.endswith("部门"):
            c = _dept_variant(c, self.alias, known_only=False) or c
        return c

    def head_noun(self, name: str) -> str | None:
        """A name variant that only qualifies a known actor: its head noun (the known name).

        公益性非营利的事业单位 → 事业单位 (a modifier ending in 的), 非营利性养老机构 → 养老机构 (an
        attributive ending in 性/型/类).  A head of one character, or a name the lexicon knows, is left.
        """
        if name in self.alias:
            return None
        if "的" in name:
            tail = name[name.rindex("的") + 1:]
            if len(tail) >= 2 and tail in self.alias:
                return tail
        m = _ATTRIBUTIVE.match(name)
        if m and m.group(1) in self.alias:
            return m.group(1)
        m = _SIDES.search(name)
        if m and m.start() > 0 and m.group(0) in self.alias:
            return m.group(0)          # 租赁双方当事人, 租赁合同一方当事人 → 当事人: the parties of what the text is about
        return None

    def get(self, name: str | None) -> Actor | None:
        c = self.canonical(name)
        return self.actors.get(c) if c else None

    def kind_of(self, name: str) -> str:
        a = self.actors.get(self.alias.get(name, name))
        return a.kind if a else guess_kind(name)

    def is_public(self, name: str) -> bool:
        """A government, a department or a mass organisation (工会, 妇联 …):
        a body whose declarative clause states a duty (省人民政府组织编制……)."""
        c = self.canonical(name) or name
        # 人大常委会, 常委会: a text's own short name of its people's congress committee (its kind stays as guessed,
        # so that 市人大常委会组成人员, 人大常委会预算工作机构 are still read as longer names)
        return self.kind_of(c) in ("government", "department") or c in MASS_ORGANISATIONS or \
            c.endswith(("常委会", "常委会会议", "常务委员会会议"))

    def is_known(self, name: str) -> bool:
        """In the lexicon, or a government named by a known level (县级以上人民政府)."""
        c = self.canonical(name)
        if c in self.actors:
            return True
        if c and c.endswith(("人民政府", "人民代表大会常务委员会")):
            levels, base = self.split_level(c)
            return bool(levels) and base in ("人民政府", "人民代表大会常务委员会")
        return False

    def actor(self, name: str) -> Actor:
        """The registry entry, or a discovered one (not stored in the lexicon)."""
        a = self.get(name)
        if a is not None:
            return a
        c = self.canonical(name) or name
        return Actor(name=c, kind=guess_kind(c), source="discovered")

    def note_unknown(self, name: str) -> None:
        if not self.is_known(name):
            c = self.canonical(name) or name
            self.discovered[c] = self.discovered.get(c, 0) + 1

    def surfaces(self) -> list[str]:
        """Every name and alias, longest first (for longest-match scanning)."""
        return sorted(self.alias, key=len, reverse=True)

    def __iter__(self):
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)


#: where a person or a body comes from: an attribute, not part of the name
_ORIGIN = re.compile(r"外籍|外国|境外|境内|外地|本地")
#: a one-character level that is the start of a word (区域, 市场, 县域 …)
#: a level's own bracket (县（市、区）), white space in a name, an attributive before a known name (非营利性养老机构)
_LEVEL_PAREN = re.compile(r"（[^（）]{1,8}）")
_SPACES = re.compile(r"\s+")
_ATTRIBUTIVE = re.compile(r"[\u4e00-\u9fff]{1,6}?[性型类](.{2,})$")
_LEVEL_WORD = re.compile(r"区域|市场|市政|县域|乡村|市民|区县|镇街|省份|市区|区内|市内")
#: words between a department's stem and 部门 that do not change which department it is
_DEPT_WORDS = re.compile(r"(?:行政主管|行政管理|主管|行政)部门$")


def _dept_variant(name: str, alias: dict[str, str], known_only: bool = True) -> str | None:
    """教育行政部门, 卫生健康行政主管部门, 人民政府民政部门 → the known department of the stem (教育部门,
    卫生健康部门, 民政部门; 水行政主管部门 → 水行政部门).  known_only=False also gives an unknown
    stem's department (城乡规划主管部门 → 城乡规划部门): a name to compare by, not to show."""
    if name.startswith(("人民政府", "政府")) and name.endswith("部门") and not name.startswith("政府其他"):
        rest = name[4:] if name.startswith("人民政府") else name[2:]
        rest = rest[1:] if rest.startswith("的") else rest
        if len(rest) > 2:
            return alias.get(rest) or _dept_variant(rest, alias, known_only) or rest
    m = _DEPT_WORDS.search(name)
    if not m or m.start() < 1:
        return None
    stem, words = name[:m.start()], m.group(0)[:-2]
    for cand in ([stem + "行政部门"] if words.startswith("行政") else []) + [stem + "部门"]:
        if cand in alias:
            return alias[cand]
    return None if known_only else stem + "部门"


def _read_yaml(path: Path):
    from kb.text.sources import load_yaml

    try:
        return load_yaml(path) or {}
    except OSError as e:
        raise KbError(f"无法读取参与主体词表：{e.strerror}", str(path)) from None


def _line_of(path: Path, needle: str) -> int | None:
    try:
        for i, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
            if needle and needle in line:
                return i
    except OSError:
        pass
    return None


_CACHE: dict[tuple, Registry] = {}


def load_registry(root: str | Path | None = None, regulation: str | None = None) -> Registry:
    """The lexicon plus the project's ``actors.yml`` (root) and ``regulation/<reg>/actors.yml``.

    With ``root=None`` the lexicon alone: the caller names the knowledge base (a command its
    project, found once as it starts; a layer the project its document's file is in), never the
    current directory (issue 17).  With ``regulation=None`` every regulation's file is added.
    """
    files: list[Path] = []
    if root is not None:
        r = Path(root)
        files.append(r / "actors.yml")
        regdir = r / "regulation"
        if regulation:
            files.append(regdir / regulation / "actors.yml")
        elif regdir.is_dir():
            files += sorted(regdir.glob("*/actors.yml"))
    files = [f for f in files if f.is_file()]
    key = (str(DATA),) + tuple((str(f), f.stat().st_mtime_ns) for f in files)
    if key in _CACHE:
        return _CACHE[key]
    reg = Registry()
    reg.load_file(DATA, source="lexicon")
    for f in files:
        reg.load_file(f, source="user")
    _CACHE[key] = reg
    return reg
