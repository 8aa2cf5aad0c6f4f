"""Actors a text names by its own abbreviation.

A text may define a short name for a body and then use only that: 本市乡（镇）合作经济联合社和村经济合作社
（以下简称乡联社、村合作社） … 乡联社、村合作社应当加强集体资产管理.  Neither the lexicon nor discovery
knows 乡联社 (its head 社 is no name head), so the text's own definition makes it an actor of that text.
Only an abbreviation of a body or a person counts: what stands before the parenthesis ends in a name head
(……联合社, ……常务委员会, ……人员), or the text says what the short name is and that is a party (食品生产加工小作坊
（以下简称食品小作坊） … 本条例所称食品小作坊是指……的生产经营者); an abbreviation of a law, a place, a thing, a plan or an
activity (以下简称预算法, 特区, 科普, 规划) names no actor.  A name the text defines as a party without a parenthesis
(本条例所称食品摊贩是指……的经营者) is one of its actors too.  Resolved per text, never added to the shared registry.
"""
from __future__ import annotations

import re

from kb.layers.actors import (CONGRESSES, MASS_ORGANISATIONS, OFFICE_HEADS, PERSON_SUFFIXES, PLACE_SUFFIXES, SUFFIXES,
                             guess_kind)

#: （以下简称X）, （以下称X）, （简称X）, （以下简称X、Y）; a quoted or titled abbreviation (《水法》, “一府两院”) is no actor
_DEFINED = re.compile(r"（(?:以下(?:简称|统称|合称|称)为?|简称)([^（）《》“”‘’，。；：]{2,24})）")
#: the end of a phrase naming a body or a person (……联合社, ……合作社, ……服务队 are bodies though 社 and 队
#: are no name heads of the lexicon: 社会, 队伍 would be read as names there)
_BODY_END = tuple(SUFFIXES) + tuple(PERSON_SUFFIXES) + OFFICE_HEADS + ("社", "队", "会", "团")
#: where the phrase before the parenthesis starts
_PHRASE_START = re.compile(r"[，。；：！？、\n]")


def defined_actors(text: str) -> list[str]:
    """The abbreviations text defines for bodies or persons, in text order, each once; then the names it defines as
    parties (本条例所称食品摊贩是指……的经营者: :func:`defined_parties`)."""
    parties = defined_parties(text)
    out: list[str] = []
    for m in _DEFINED.finditer(text):
        before = text[max(0, m.start() - 40):m.start()]
        before = _PHRASE_START.split(before)[-1]
        short = m.group(1)
        if "、" in short and not all(n.endswith(_PARTY_HEADS) and "的" not in n for n in short.split("、")):
            continue         # (……（以下统称从事生产、经营的纳税人）: a phrase, no list of short names)
        if not before.endswith(_BODY_END + _PERSONS) and short not in parties and \
                not all(n.endswith(_PARTY_HEADS) for n in short.split("、")) and not _defined_as_party(text, m.end()):
            continue         # (……的男性公民（以下称适龄人员）, ……及个体采矿（以下简称矿山企业）: the short name says it; ……
            #                  （以下简称X）是……的现役军人: the sentence says it)
        for name in m.group(1).split("、"):
            if 2 <= len(name) <= 12 and name not in out:
                out.append(name)
    return out + [n for n in parties if n not in out]


#: 本条例所称X是指……, 本法所称X，是指……, 本法所称X是……: what the text says a name stands for (to the sentence's end or its
#: colon; 是 as well as 是指: 本法所称预备役军官是被确定为……的预备役人员)
_MEANS = re.compile(r"(?:法|条例|办法|规定|细则)所称(?:的)?([\u4e00-\u9fff]{2,12}?)，?(?:是指|指|是(?!否))([^。；：]{2,150})(?=[。；：])")
#: what a definition says right after the short name it gives (人民解放军现役军官（以下简称军官）是……的现役军人): 是 / 是指 and
#: what the name stands for, to the sentence's end
_IS_AFTER = re.compile(r"，?(?:是指|是(?!否))([^。；：]{2,150})(?=[。；])")


def _defined_as_party(text: str, k: int) -> bool:
    """Does the sentence that gives a short name at k go on to say it is a party (（以下简称军官）是被任命为……，并被授予相应军衔的
    现役军人: the head after the last 的 ends in a body's or a person's head; 是本市……的重要组成部分, 是……的文件 are none)?"""
    m = _IS_AFTER.match(text, k)
    if m is None or "的" not in m.group(1):
        return False
    head = m.group(1).rsplit("的", 1)[-1]
    return 2 <= len(head) <= 12 and head.endswith(_PARTY_HEADS) and not re.search(r"[，、和及或与]", head)
#: persons and operators whose words are no name heads of the lexicon (信仰宗教的公民（以下称信教公民）, 三周岁到入小学前的
#: 儿童（以下简称学前儿童）, 食品生产加工小作坊（以下简称小作坊）)
_PERSONS = ("公民", "儿童", "作坊", "摊贩", "个体工商户", "农户", "商户", "用户", "住户", "董事", "监事", "理事")
#: what a member of a definition of a party ends in (……的生产经营者, 自然人、法人或者其他组织, ……的单位和个人): a body or a
#: person, not a place or a thing (场所, 场馆, 站, 馆, 教育基地, 媒介) nor whom a service is for (对象)
_PARTY_HEADS = tuple(h for h in _BODY_END if h not in PLACE_SUFFIXES + ("媒介", "对象")) + ("法人",) + _PERSONS
#: the members of a definition's head
_MEMBERS = re.compile(r"、|以及|或者|和|及|与")
#: a 的-phrase's head before a list separator (……的活动和……的互助组织: 活动)
_EARLIER_MEMBER = re.compile(r"的([\u4e00-\u9fff]{1,10}?)(?=、|以及|或者|和|及|与)")


def defined_parties(text: str) -> dict[str, str]:
    """The names text defines as parties (本条例所称食品小作坊是指有固定生产加工场所……的生产经营者; 本条例所称食品摊贩是指
    无固定店铺……的经营者), each with the head of its definition (生产经营者, 经营者): what follows the definition's last 的
    (or the whole definition) is a list whose every member ends in a body's or a person's head.  A thing, a place, a plan
    or an activity (……相关的实物和场所, ……设立外商投资企业, 其他政府采购对象) is none."""
    if "所称" not in text:
        return {}
    out: dict[str, str] = {}
    for m in _MEANS.finditer(text):
        name, meaning = m.group(1), m.group(2)
        if re.search(r"的|和|及|或|与", name) or len(name) < 3 or name.endswith(_BODY_END):
            # (精神障碍患者的监护人, 鉴定机构和鉴定人: a phrase or a list, no name; 中小企业, 专业技术人员: a name kb reads
            # by its head already, which known would cut longer ones — 中小企业工作部门; 人才: two characters are read
            # inside other words — 人才招聘洽谈会)
            continue
        head = meaning.rsplit("的", 1)[-1]
        members = [x for x in _MEMBERS.split(head) if x]
        # (……互相帮助的活动和由此形成的互助组织: every 的-phrase of a list is a member, each a party)
        earlier = [x for x in _EARLIER_MEMBER.findall(meaning.rsplit("的", 1)[0] + "的")]
        if members and len(head) <= 30 and all(x.endswith(_PARTY_HEADS) for x in members + earlier) and \
                not re.search(r"[，（）]", head):
            out.setdefault(name, members[-1])
    return out


#: （以下简称“一府两院”）: a short name, quoted or not, for what stands before it
_SHORT_FOR = re.compile(r"（以下简称[“\"]?([^（）《》“”\"，。；：、]{2,12})[”\"]?）")
_LIST_SEP = re.compile(r"、|和|及|或者")


def _full_names(text: str, reg, names: list[str]) -> dict[str, str]:
    """The people's congress or committee an abbreviation without a level stands for (市和区、县人民代表大会常务委员会（以下
    简称常务委员会）: 人民代表大会常务委员会, whose level is an attribute); not one with its level (市人大常委会), nor a
    government (市人民政府（以下简称市政府）), which keeps its level in its name."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        short = m.group(1)
        if short not in names or "、" in short or reg.split_level(short)[0]:
            continue         # 市人大常委会: the body of one level, not of every level the text names
        before = re.split(r"[，。；：！？\n]", text[max(0, m.start() - 40):m.start()])[-1]
        for k in range(len(before) - 1):
            levels, base = reg.split_level(before[k:])
            c = reg.alias.get(base)
            if c and c in CONGRESSES and c != short:
                if len(levels) > 1 or any("各级" in lv or "以上" in lv for lv in levels):
                    # 市和区、县……, 本市各级……: the committees of those levels (市人民代表大会常务委员会（以下简称常委会） is
                    # one body: its 常委会 is not the committee of an autonomous county the text names too)
                    out.setdefault(short, c)
                break
    return out


def defined_lists(text: str, reg) -> dict[str, list[str]]:
    """The short names text defines for a list of bodies the registry knows (人民政府、人民法院和人民检察院（以下简称
    “一府两院”）): each stands for every body of the list."""
    out: dict[str, list[str]] = {}
    for m in _SHORT_FOR.finditer(text):
        before = re.split(r"[，。；：！？\n]", text[max(0, m.start() - 60):m.start()])[-1]
        for k in range(len(before) - 4):
            parts = _LIST_SEP.split(before[k:])
            if len(parts) > 1 and all(reg.alias.get(p) and reg.kind_of(reg.alias[p]) == "government" for p in parts):
                out.setdefault(m.group(1), [reg.alias[p] for p in parts])
                break
    return out


def text_registry(doc, reg):
    """reg, extended by the actors doc names by its own abbreviations (reg itself when there are none); a short name of a
    list of bodies is known, and stands for each of them (``expansions``); the regions the text covers are known as such
    (``regions``: :func:`covered_regions`), and so are the organs it introduces for the body it governs (``organs``:
    :func:`own_organs`)."""
    text = getattr(doc, "text", "") or ""
    regions = covered_regions(text, getattr(doc, "title", None) or "")
    r = _with_abbreviations(text, reg) if "以下" in text or "简称" in text or "所称" in text else reg
    organs = own_organs(text, r)
    if organs:
        # (a two-character officer — 厂长, 经理, 监事 — is known to the text: discovery takes one only before a modal word;
        # a longer organ is discovered by its head, and known it would cut a public body's name: 国务院学位委员会)
        r = r.extended([o for o in organs if len(o) == 2 and o not in r.alias]).with_organs(organs)
    return r.with_regions(regions) if regions else r


#: the head of an organ or an officer of a body (成员大会, 理事会, 监事会, 管理委员会; 理事长, 监事, 厂长, 经理)
_ORGAN_HEAD = r"(?:大会|理事会|监事会|董事会|委员会|理事长|董事长|监事|理事|董事|经理|厂长)"
#: X设理事会, X设立管理委员会, ……可以设一至二名监事, 理事会设理事长一名: X sets up its organ (X: the clause's start)
_SETS_UP = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{0,16}?)(?:应当|可以)?(?:设立|设置|设)"
                      r"(?:[一二两三四五六七八九十]+(?:至[一二两三四五六七八九十]+)?名)?"
                      r"([\u4e00-\u9fff]{0,6}?%s)(?=[，。；、]|一人|一名|[一二两三四五六七八九十]+名|和|或者|$)" % _ORGAN_HEAD)
#: an organ's head anywhere in a sentence: what _SETS_UP and _ORGAN_IS both need (most sentences have none; the two
#: patterns try their lazy lead-ins at every place of a sentence: 2% of the extraction time without this guard, 0.4% with it)
_ORGAN_HEAD_IN = re.compile(_ORGAN_HEAD)
#: X成员大会由……组成, X理事会对……负责, 职工代表大会是……的机构, 厂长是企业的法定代表人: an organ or an officer introduced
#: by what it is made of, answers to or is
_ORGAN_IS = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{0,20}?%s)(?=由[^，。；]{1,40}?组成|对[^，。；]{1,30}?负责[，。；]|"
                       r"是[^。；]{0,30}?(?:机构|法定代表人))" % _ORGAN_HEAD)


def own_organs(text: str, reg) -> tuple[str, ...]:
    """The organs and officers text introduces for a body it governs that is no public body: set up by it (农村集体经济组织设
    理事会, 理事会设理事长一名，可以设副理事长, ……，成员较少的可以设一至二名监事), or named with it and said what they are
    made of, answer to or are (农村集体经济组织成员大会由……组成, 理事会对成员大会……负责, 职工代表大会是……的机构).  A public
    body's organs (人民代表大会常务委员会由……组成, 市人民政府设立……委员会) are not these: their names keep the rules they have."""
    if "设" not in text and "组成" not in text and "负责" not in text and "机构" not in text:
        return ()
    out: list[str] = []
    for sentence in re.split(r"[。；\n]", text):
        if not _ORGAN_HEAD_IN.search(sentence):
            continue         # (both patterns end in an organ's head: a sentence without one is passed over unsearched)
        ups = [(m.group(1), m.group(2)) for m in _SETS_UP.finditer(sentence)]
        owners = [o for o, _ in ups if o and _private_body(reg, o)]
        if owners:
            # (……，成员较少的可以设一至二名监事: the organ the sentence's body sets up, whatever opens the clause)
            out += [y for o, y in ups if not o or o in owners or not _named(reg, o)]
        for m in _ORGAN_IS.finditer(sentence):
            y = _past_owner_name(reg, m.group(1))
            if y is not None:
                out.append(y)
    return tuple(dict.fromkeys(y for y in out if 2 <= len(y) <= 8 and not reg.is_public(y) and
                               not y.startswith(_NOT_AN_ORGAN_START) and not re.search(r"[和及或与、]", y)))


#: what opens no organ's name (的工作委员会, 各专门委员会, 其评标委员会, 若干专业委员会: a modifier or a count before it)
_NOT_AN_ORGAN_START = ("的", "各", "其", "该", "若干", "本", "有关", "相关")


def _named(reg, name: str) -> bool:
    """Does name end in a name's head (a body or a person), not a condition (成员较少的)?"""
    return name.endswith(_BODY_END) and "的" not in name


#: the heads of a body that has organs of its own (农村集体经济组织, 企业, 公司, 合作社, 学校; not 军队, 国务院, 站: 军队设立学位
#: 委员会 names a body of its own)
OWNER_HEADS = tuple(h for h in SUFFIXES if len(h) > 1 and h not in ("政府", "机关", "部门", "办事处", "派出所", "法院",
                                                                    "检察院", "常务委员会")) + ("社", "会")


def _private_body(reg, name: str) -> bool:
    """Is name a body that is no public body (农村集体经济组织, 企业, 理事会; not 市人民政府, 人民代表大会, 工会, 中国红十字会总会:
    a mass organisation's organs keep its name, 红十字会理事会)?"""
    name = re.sub(r"^(?:本|该|各级|各)(?=[\u4e00-\u9fff]{2})", "", name)      # (各级人民检察院: 人民检察院, not 级人民检察院)
    return name.endswith(OWNER_HEADS) and "的" not in name and not re.search(r"[，、和及或与]", name) and \
        not reg.is_public(name) and not any(m in name for m in MASS_ORGANISATIONS) and \
        reg.kind_of(reg.canonical(name) or name) not in ("government", "department")


def _past_owner_name(reg, name: str) -> str | None:
    """The organ in name, after the body it belongs to (农村集体经济组织成员大会 → 成员大会); name itself when no body opens
    it (职工代表大会); None when a public body's (人民代表大会常务委员会, 市人民政府……委员会)."""
    for k in range(len(name) - 2, 1, -1):
        owner, organ = name[:k], name[k:]
        if owner.endswith(SUFFIXES + ("社", "会")) and re.fullmatch(r"[\u4e00-\u9fff]{0,6}?%s" % _ORGAN_HEAD, organ):
            return organ if _private_body(reg, owner) else None
    if reg.is_public(name) or reg.kind_of(reg.canonical(name) or name) in ("government", "department"):
        return None
    return name if len(name) <= 8 else None


#: 本法所称青藏高原，是指……, 本条例所称流溪河流域，是指……: a text defines the region it covers
_REGION = re.compile(r"本(?:法|条例|办法|规定)所称([\u4e00-\u9fff]{2,10})，是指")


def covered_regions(text: str, title: str) -> tuple[str, ...]:
    """The regions a text covers: defined by it (本法所称X，是指……) and named in its title (X, or X's river without 流域:
    黄河流域 in 黄河保护法).  Before a level's body the annotators drop it, as the state's name (青藏高原县级以上地方人民政府
    = 县级以上地方人民政府, 流溪河流域内区人民政府 = 区人民政府); a term the text defines that its title names is a region
    only there, so 本法所称生态保护 is none: no level follows it."""
    out = []
    for m in _REGION.finditer(text):
        x = m.group(1)
        core = x[:-2] if x.endswith("流域") else x
        if len(core) >= 2 and core in title and x not in out:
            out.append(x)
    return tuple(out)


def _with_abbreviations(text: str, reg):
    lists = defined_lists(text, reg)
    names = [n for n in defined_actors(text) if not _leveled_name(reg, n)] + [n for n in lists if n not in reg.alias]
    if not names:
        return reg
    # (a party's name whose own head says nothing — 食品小作坊 — takes the kind of its definition's head: 生产经营者)
    kinds = {n: guess_kind(h) for n, h in defined_parties(text).items() if guess_kind(n) == "other"}
    r = reg.extended(names, full=_full_names(text, reg, names), kinds=kinds)
    if lists and r is not reg:
        r.expansions = lists
    return r


def _leveled_name(reg, name: str) -> bool:
    """A level and a name the rules read (自治县国土资源主管部门: 国土资源主管部门 of 自治县): the abbreviation
    is read as the department with its level, like any other such name, not as a body of its own."""
    levels, base = reg.split_level(name)
    return bool(levels) and base != name and base.endswith(("部门", "人民政府", "机关", "机构"))
