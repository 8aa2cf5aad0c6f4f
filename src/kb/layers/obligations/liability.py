"""Liability clauses: the body that acts on a violation (sanction, 追责) and the party held liable
(liability, 责任).

居民委员会未按照本条例规定履行义务的，由居民会议予以纠正 gives 居民会议 a sanction (the rule of
its 由-agent, in modality) and 居民委员会 a liability: the violator is the actor that opens the
condition (……的，), its action the violation.  A condition that names no violator (违反本条例规定，
……的) gives no liability record.  ``x`` below is the running extractor.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kb.layers.actors import PERSON_SUFFIXES, SUFFIXES
from kb.layers.obligations.names import MEMBER_SEP as _MEMBER_SEP
from kb.layers.obligations.records import Mention
from kb.layers.obligations.sentences import Sentence
from kb.layers.obligations.coordination import responsible

#: the words of a body punishing, correcting or ordering that both readings below share (责令, 处以, 罚款, 给予处分, 追究 …)
_SANCTION_CORE = (r"责令|责成|处以|罚款|没收|吊销|给予[^，。；]{0,4}?(?:处分|处罚|警告)|追究|依法处理|"
                  # ……，由本市工商行政部门依据有关法律、法规进行处理 / 由国家出口管制管理部门进行处罚 (round 20's
                  # beijing-shishi-tongyong-yuyan 13, chukou-guanzhi 40: sanctions)
                  r"进行处罚|依法处罚|训诫|拘留")
#: a sanction right after a body's name (由X责令, X予以……, X并处……): the core and the looser words a body's name makes a
#: sanction (予以, 收回, 取消, 通报, 警告, 暂扣, 降低, 撤销, 处分)
SANCTION_V = re.compile(_SANCTION_CORE + r"|予以|并处|处[0-9一二三四五六七八九十百千]|收回|取消|通报|警告|暂扣|降低|撤销|处分|"
                        r"(?:依照|按照|依据)[^，。；]{0,40}?处理(?![^，。；]{0,6}?(?:程序|办法))")
#: a condition that names a violation (the party who commits it is liable)
_VIOLATION = re.compile(r"(?:有)?违反|未|不履行|没有履行|擅自|拒不|拒绝|逾期|挪用|侵占|玩忽职守|滥用职权|徇私舞弊|失职|渎职|疏于|过错|损害|"
                        r"妨碍|阻碍|伪造|骗取|隐瞒|弄虚作假|泄露|非法|不按|不依法|不符合|超过|造成|有下列|有以下|"
                        r"有(?:前|本)[^，。；]{0,10}?(?:行为|情形)")      # 有前两款规定行为的, 有本条第一款所列行为的


#: a chapter of legal liability names it (法律责任, 罚则, 犯罪和刑事责任, 监督与责任); 民法典 侵权责任编's 产品责任, 医疗损害责任,
#: 机动车交通事故责任 …, a contract text's 违约责任, 事故责任的承担与赔偿 state civil rules and 绿化责任, 家庭责任, 职责任务 duties:
#: no body acts on a violation there (the lead's decision, fifteenth session: bearing civil liability is the bearer's obligation)
_LIABILITY_TITLE = re.compile(r"法律责任|罚则|刑事责任|与责任\s*$")
_BREACH_OPENS = re.compile(r"^违反|^违者，|；违者，")
_THEN_SANCTION = re.compile(r"(?:的|之一)，(?:(?:视情节[^，。；]{0,6}，)?(?:应当)?(?:依法)?追究(?=[^，。；]{1,24}?(?:人员|负责人)的[^，。；]{0,6}?责任)|由|对|依法(?:给予|追究|承担[^，。；]{0,6}?责任)|给予[^，。；]{0,6}?(?:处分|处罚|警告)|(?:按照|依照)(?:下列|以下)规定|"
                          r"(?:按照|依照)[^，。；]{0,30}?(?:追究|给予|予以)[^，。；]{0,4}?(?:责任|处分|处罚))")
_BREACH = re.compile(r"违反|未|不履行|没有履行|擅自|拒不|逾期|拒绝|挪用|侵占|"
                     r"玩忽职守|滥用职权|徇私舞弊|失职|渎职|疏于|过错|损害|情节|下列情形|下列行为|"
                     r"骗取|伪造|变造|冒用|阻碍|妨碍|打击报复|弄虚作假|非法(?!人)|隐瞒|泄露")


def liability_chapter(art) -> bool:
    """Is the article in a chapter of legal liability (法律责任, 罚则)?"""
    chapter = art.ancestor("chapter")
    return bool(chapter and chapter.title and _LIABILITY_TITLE.search(chapter.title))


def liability_sentence(sent: str) -> bool:
    """Does the sentence state the consequence of a breach (违反……的，由……; ……有下列情形之一的，由……责令)?"""
    return bool(_BREACH_OPENS.search(sent)) or bool(_THEN_SANCTION.search(sent) and _BREACH.search(sent)) \
        or bool(_SANCTIONED_BY.search(sent))


#: bearing a civil liability (承担侵权责任, 承担赔偿责任, 承担相应的补充责任, 承担责任) — not criminal, administrative,
#: disciplinary or "legal" liability (依法承担刑事责任, ……的，依法承担法律责任: a liability clause, its violator liable; code
#: review 21 item 1, 野生动物保护法 (2022) 41)
BEARS_CIVIL = r"承担(?:(?!刑事|法律|行政|纪律)[^，。；]){0,14}?责任"
#: bearing civil liability (承担侵权责任, 依法承担赔偿责任, 与……承担连带责任, 负责赔偿, 予以赔偿, 给予补偿): the bearer's own act
_CIVIL = re.compile(r"(?:依法)?%s|(?:依法)?(?:负责|予以)?赔偿|(?:给予|予以)补偿" % BEARS_CIVIL)
#: a body punishing, correcting or ordering anywhere in an article (责令, 处……罚款, 给予处分, 予以纠正, 追究……责任, 依法处理 …):
#: the core of SANCTION_V and the strict forms of its loose words — with no body's name before them, 予以, 取消, 撤销, 通报
#: alone are any party's acts (予以补偿, 取消订单), only 予以纠正, 取消……资格, 撤销……许可, 通报批评 are a body's sanctions
_BODY_ACTS = re.compile(_SANCTION_CORE + r"|处[0-9一二三四五六七八九十百千](?!分)|"
                        r"予以(?:纠正|处罚|处分|警告|取缔|通报|没收|查处)|行政处分|纪律处分|"
                        r"(?:依照|按照|依据)[^，。；]{0,40}?(?:处罚|处理)(?![^，。；]{0,6}?(?:程序|办法))|查处|取缔|"
                        r"追缴|强制拆除|限期拆除|强制执行|注销|通报批评|暂停|停业整顿|撤销[^，。；]{0,8}?(?:许可|资格|登记|证)|"
                        r"取消[^，。；]{0,8}?资格")


def civil_rule(sent: str, article: str) -> bool:
    """Does the sentence state bearing civil liability as a rule of law, no body acting on a violation anywhere in its
    article (行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任; ……造成损害的，由第三人承担侵权责任; 当事人一方违反……的，
    由有过错的一方承担违约责任)?  Such a sentence is no liability clause: the bearer's 承担 is its obligation and no one is
    held liable (the lead's decision, fifteenth session).  With a body that acts in the article (……由X责令改正；造成损失的，
    依法承担赔偿责任) the spec's roles stay."""
    return bool(_CIVIL.search(sent)) and not _BODY_ACTS.search(_CIVIL.sub("", article))


#: the lead-in of a list of violations (有下列行为之一的，由……; 有下列情形之一，导致……的，由……)
_LIST_OF_VIOLATIONS = re.compile(r"有(?:下列|以下)[^，。；：:]{0,6}?(?:行为|情形)之一")


def violation_list(lead: str) -> bool:
    """Is a paragraph's lead-in a liability clause over a list of violations (有下列情形之一的，由……责令改正：), wherever
    its article stands?  Its items are then the violations, each read as a liability clause (the party an item names is
    liable) — in a chapter of legal liability they are already; outside one (a text without chapters: 献血法 (1997) 18,
    重庆市失业保险条例 32) the items were read as plain statements and their violators lost.  Not a lead-in that punishes
    no one (``_punishes``); the caller also asks ``civil_rule`` (违反本条例的下列行为，当事人应当按规定承担民事责任: the lead's
    decision, fifteenth session), which reads the whole article — only for a lead-in this answers yes for."""
    return bool(_LIST_OF_VIOLATIONS.search(lead)) and liability_sentence(lead) and _punishes(lead)


#: 由X责令改正, 由X处以罚款: a body acting on a violation
#: a body's founding as the time of another's breach (有限责任公司设立时，股东未按照……)
_AT_FOUNDING = re.compile(r"(?:设立|成立|解散|清算|合并|分立|终止|破产)(?:时|前|期间)，")
#: the time of a party's act that another party's breach happens in (执法机关在实施监督检查时，任何个人有阻碍……的: 北京市城乡
#: 规划条例 (2021) 86): the party after the comma is the violator, not the one acting
_WHILE_ACTING = re.compile(r"在[^，。；]{1,20}?(?:时|期间|过程中)，")
_SANCTIONED_BY = re.compile(r"(?:的|之一)，(?:可以?|应当)?由[^，。；]{1,30}?(?:责令|处以|处[0-9一二三四五六七八九十百千]|没收|吊销|"
                            r"给予[^，。；]{0,4}(?:处分|处罚|警告)|(?:依照|按照)[^，。；]{0,40}?处理)")


def on_violation(x, s: Sentence) -> None:
    """The violator of a liability clause that names one: a liability record (action: the violation).

    The condition ends at ……的， or ……之一， before the sanction (建设单位、施工单位有下列行为之一，由……);
    in a list of violations (an item of a liability article, ……的；) the item's own violator is liable."""
    if not s.liability:
        return
    text = s.text
    listed = False
    sanctions = [d for d in s.drafts if d.modality == "sanction"]
    if sanctions:
        first = min(d.trigger for d in sanctions)
        m = None
        for m in _CONDITION_END.finditer(text, s.start, first):
            pass
        if m is not None:
            k = m.start() if m.group(0).startswith("的") else m.end() - 1
        else:            # 任何组织和个人以……名义从事……活动，由……查处
            k = text.rfind("，", s.start, first)
            if k < 0 or not text.startswith("由", k + 1):
                return
    elif s.is_item and re.search(r"的\s*$", text[s.start:s.end]) and not s.drafts:
        k = s.start + len(text[s.start:s.end].rstrip()) - 1      # （一）……单位未按照规定……的；
        # an item of a list of violations whose lead-in names no violator (有下列行为之一的，由……：) is a violation
        # by its place: the party opening it is liable with no word of breach (（二）血站、医疗机构出售无偿献血的血液的；)
        listed = _lists_violations(s)
    elif _CONSEQUENCE.search(text, s.start, s.end) and _CONDITION_END.search(text, s.start, s.end):
        m = None
        for m in _CONDITION_END.finditer(text, s.start, _CONSEQUENCE.search(text, s.start, s.end).start()):
            pass
        if m is None:            # 政府及其职能部门不履行……职责，造成后果的，……依法追究其责任
            return
        k = m.start() if m.group(0).startswith("的") else m.end() - 1     # ……有下列情形之一，依照……追究责任
    else:
        if s.is_item and not s.drafts:
            _item_names_its_violator(x, s)   # （一）食品小作坊销售前未按照规定查验……；: no 的, no modal word
        return
    for p, g in s.subjects:
        if p >= k or not g.mentions or p < s.start:
            continue
        if _AT_FOUNDING.match(text, g.end):
            continue         # 有限责任公司设立时，股东未按照……缴纳出资……的: the time of the shareholders' breach (公司法 (2023) 50)
        during = _WHILE_ACTING.match(text, g.end, k)
        if during and any(q == during.end() for q, _ in s.subjects):
            continue         # 执法机关在实施监督检查时，任何个人有阻碍……的: another party's breach in the time of its act
        staff_only = all(m.name in _STAFF_NOUNS for m in g.mentions)
        named = all(x.reg.is_known(m.name) or m.name.endswith(SUFFIXES + _PERSON_HEADS) or m.name in _STAFF_NOUNS
                    for m in g.mentions)
        if not sanctions and (not _opens(text, _opening(text, s.start, k), p, staff_only) or not (_VIOLATION.match(text, g.end) or (
                named and (_VIOLATION.search(text, g.end, k) or (listed and _by_its_place(x, text, g, _opening(text, s.start, k), k)))
                and not _VICTIM.search(text, g.end, k)))):
            continue         # an item names its violator first: ……单位未按照规定……的
        own = [d for d in sanctions if d.mention is not None and d.mention in g.mentions]
        if own and own[0].trigger > k and _VIOLATION.match(text, g.end):
            # 地方各级人民政府……违反本法规定……的，责令改正: no body is named to act; the violator was only
            # carried to 责令 as its subject.  It is liable, it sanctions no one: the sanctions stay, without an actor, as
            # when no subject is carried (……，责令改正，可以处以罚款 does not vanish: the "nothing vanishes silently")
            s.drafts = [replace(d, mention=None) if any(d is o for o in own) else d for d in s.drafts]
            sanctions = [d for d in sanctions if d not in own]
        elif own:
            continue
        staff = _STAFF_OF.match(text, g.end, k)
        if staff:
            # 烟草专卖行政主管部门和烟草公司的工作人员滥用职权……的: the body's staff are liable, not the body
            if not sanctions:
                name = staff.group(0)
                name = name[name.rindex("的") + 1:] if "的" in name else name
                if name in _STAFF_NOUNS:
                    c = x.reg.canonical(name)
                    x.emit(s, Mention(c, name, staff.end() - len(name), staff.end(), known=x.reg.is_known(c)),
                           "liability", False, p, staff.end(), p, primary=True)
                    s.drafts[-1].end = k
                    break
            continue
        violation = text[g.end:k]
        if not _VIOLATION.search(violation) and not re.search(r"的$", text[p:k + 1]):
            continue
        for mt in _staff_of_the_list(x, g):
            x.emit(s, mt, "liability", False, p, g.end, p, primary=not sanctions)
            s.drafts[-1].end = k
        its = _ITS_STAFF.match(text, g.end, k)
        if its and not any(m.name == its.group(1) for m in g.mentions):
            # 学校及其教职工有下列情形之一的, 有关社会组织、机构及其工作人员虐待……的: the staff after 及其 are liable beside
            # the bodies (the fourteenth round's X及其工作人员: both), which the group read leaves out
            c = x.reg.canonical(its.group(1))
            x.emit(s, Mention(c, its.group(1), its.start(1), its.end(1), known=x.reg.is_known(c)), "liability", False,
                   its.start(1), its.end(1), its.start(1), primary=not sanctions)
            s.drafts[-1].end = k
        break
    else:
        if not any(s.start <= p < k for p, _ in s.subjects):
            _unread_violators(x, s, k, primary=not sanctions)


#: the staff after the bodies a group names (学校及其教职工, ……机构及其工作人员), the last of the list (not 及其工作人员、……)
_ITS_STAFF = re.compile(r"及其(工作人员|教职工|教职员工|从业人员|有关人员)(?![、和及与或])")
#: a level a list's later member shares (市和区、县食品办: 市, 区 are the levels of 食品办)
_LEVEL_ONLY = re.compile(r"(?:省|市|区|县|乡|镇|区县|乡镇)")
#: the heads a member of an unread list of violators may end with: a body's, a person's, a station's (电视台), an office's (食品办)
_MEMBER_HEADS = SUFFIXES + tuple(h for h in PERSON_SUFFIXES if h != "人") + ("台", "办")
#: words that open no violator's name: a preposition before the party an act falls on or the cause of a harm (给……造成损失,
#: 对……不予查处, 因电力运行事故给用户……), a verb of acting on others (强迫农业劳动者、农业生产经营组织应用农业技术,
#: 组织未经登记的人员开展……: the words name those acted on, the violator is unnamed)
_NOT_A_VIOLATOR = re.compile(r"[对给向为与在被将把使由从自经因]|强迫|胁迫|指使|教唆|引诱|组织")


def _unread_violators(x, s: Sentence, k: int, primary: bool) -> None:
    """The violators of a condition no subject group opens, whose words the text still names before the breach
    (负责知识产权保护的主管部门和相关部门及其工作人员滥用职权……的; 其他负责退役军人有关工作的部门及其工作人员违反……的;
    广播电台、电视台、网络音视频服务提供者违反本规定……的): each member is liable, the staff after 及其 too (the gold's
    ……及其工作人员: both liable, fourteenth round rule 2).  The words are ``_violator``'s (the party before its violation word);
    a list whose members are not all parties by their heads gives nothing."""
    text = s.text
    words = _violator(x, text, s.start, k)
    if not words:
        return
    a = text.find(words, s.start, k)
    e = a + len(words)
    # 违反本法规定，广播电台、电视台、网络音视频服务提供者制作……的: the breach stated before a list of parties (not before
    # one name discovery may have made of an act: 违反……，窃取他人……的, 强制旅游者……的)
    breached = _opening(text, s.start, k) == a > s.start and _listed_parties(text, a, k) == words
    if a < 0 or not (_VIOLATION.match(text, e) or breached) or _STAFF_OF.fullmatch(words) or \
            _NOT_A_VIOLATOR.match(words) or "，" in words or "给" in words:
        return           # (a name followed by no breach, none stated before it; staff alone are the loop's: 烟草公司工作人员;
        #                  the party a breach falls on: 给用人单位或者个人造成损失的, 对医疗机构拒绝接收……的行为不按照规定处理,
        #                  操纵市场行为给交易者造成损失的)
    members = _members(x, text, a, e)
    for mt in members or ():
        x.emit(s, mt, "liability", False, mt.start, e, mt.start, primary=primary)
        s.drafts[-1].end = k


def _members(x, text: str, a: int, e: int) -> list[Mention] | None:
    """The parties of the list text[a:e], each a Mention, or None when one piece is no party: a piece the name reader
    groups from its start, else the piece up to the next separator ending with a party's head (a modifier with 的 is
    kept on the first member only when no separator stands in it: 负有……职责的部门、单位)."""
    mod = text.rfind("的", a, e) + 1
    if mod and _MEMBER_SEP.search(text, a, mod):
        return None      # (……部门和烟草公司的工作人员: a separator inside the modifier, the staff of listed bodies)
    out, pos, levels = [], mod or a, False
    while pos < e:
        g = x.sc.group(text, pos, discover=True) if pos > (mod or a) or not mod else None
        if g is not None and g.start == pos and g.mentions and g.end <= e and (
                g.end == e or _MEMBER_SEP.match(text, g.end)):
            out += g.mentions
            end = g.end
        else:
            sep = _MEMBER_SEP.search(text, pos, e)
            end = sep.start() if sep else e
            piece = text[pos:end]
            if _LEVEL_ONLY.fullmatch(piece):
                levels = True
            else:
                if levels and _LEVEL_ONLY.match(piece) and piece[1:].endswith(_MEMBER_HEADS):
                    pos, piece = pos + 1, piece[1:]      # 区、县食品办: the level shared, 食品办 named
                if not piece.endswith(_MEMBER_HEADS) or _VIOLATION.search(piece):
                    return None
                start = a if pos == mod else pos
                name = text[start:end]
                c = x.reg.canonical(name)
                out.append(Mention(c, name, start, end, known=x.reg.is_known(c)))
                levels = False
        sep = _MEMBER_SEP.match(text, end)
        pos = sep.end() if sep else e
        if sep and sep.end() >= e:
            return None
    return out or None


#: a liability lead-in that names no violator (违反本条例规定，有下列情形之一的，由……: 有下列 opens its clause)
#: a lead-in of a list of cases that opens with them, no party before (违反……，有下列情形之一)
_CASES_FIRST = r"^(?:违反[^，。；]{1,30}，)?有(?:下列|以下)(?:情形|行为)之一"
_NO_VIOLATOR_LEAD = re.compile(_CASES_FIRST + r"的，(?:由|对|依法|处)")


#: the lead-in of a list of violations that names no violator, whatever follows it (有下列行为之一的，应当从重处罚：;
#: 违反本条例规定，有下列情形之一的，责令改正……：)
_NAMES_NO_VIOLATOR = re.compile(_CASES_FIRST + r"(?:的)?，")


def _lists_violations(s: Sentence) -> bool:
    """Is the sentence an item of a list of violations whose lead-in names no violator?"""
    lead = s.node.ancestor("paragraph") if s.node is not None else None
    return lead is not None and bool(_NAMES_NO_VIOLATOR.search(lead.text or "")) and _punishes(lead.text)


def _punishes(lead: str) -> bool:
    """Does a lead-in punish (责令, 处以罚款, 给予处分, 追究责任, 从重处罚 …), not grant a right on the cases it lists
    (有下列情形之一的，对股东会该项决议投反对票的股东可以请求公司……收购其股权, 公司法 (2018) 74)?"""
    return bool(_BODY_ACTS.search(lead) or re.search(r"处罚|处分", lead))


def _by_its_place(x, text: str, g, a: int, k: int) -> bool:
    """Is the group g, opening the item text[a:k] of a list of violations, its violator though no word of breach follows
    (（二）血站、医疗机构出售无偿献血的血液的)?  Only a party that opens the item itself (not after 利用……的 / 阻碍……的: the
    object of another's act), not one that suffers it (职工因参加工会活动而被解除劳动合同的), and a name the registry knows or a
    person's (……人员, ……者) that discovery did not make of an act (非法限制精神障碍患者, 违章指挥和强令劳动者)."""
    if g.start != a or ("的" in text[a:g.end] and text[a:g.end] != g.mentions[0].name) or text.startswith("的", g.end) or \
            _PASSIVE.match(text, g.end, k) or _CUT_LIST.match(text, g.end, k):
        return False
    return all(x.reg.is_known(m.name) or m.name in _STAFF_NOUNS or (
        m.name.endswith(_PERSON_HEADS) and not _VIOLATION.search(m.name) and not re.search(r"[和与及、]", m.name))
        for m in g.mentions)


#: the party of an item suffers the act (……而被解除劳动合同的)
_PASSIVE = re.compile(r"[^，。；]{0,12}?被")
#: the group stops inside a list of parties: the scanner read its first member only (包车客运经营者、直通港澳包车客运经营者不能
#: 提供……的: the second member is no name it knows or discovers), so the item's violators are not known (code review 26
#: finding 7; not 与: 投标人与招标人串通的 — the party after 与 is the other side of the act; not 和 either, as first
#: written; not 及时, an adverb)
_CUT_LIST = re.compile(r"(?!和|与|及时)(?:" + _MEMBER_SEP.pattern + ")")


def _item_names_its_violator(x, s: Sentence) -> None:
    """An item of a liability clause's list that opens with a party and states its breach without a closing 的
    (……有下列情形之一的，由……责令改正：（一）食品小作坊销售前未按照规定查验……；（二）食品摊贩未按照规定配备……): the party
    it names is liable (the gold of chongqing-xiaozuofang 56), as the party of an item ending in ……的 is.  Not a party the
    breach is done to (受到……) nor one with no breach word after it (（一）警告；（二）罚款: penalties)."""
    text = s.text
    k = s.start + len(text[s.start:s.end].rstrip())
    lead = s.node.ancestor("paragraph") if s.node is not None else None
    if lead is None or not _NO_VIOLATOR_LEAD.search(lead.text) or "的，" in text[s.start:k]:
        return           # (招标人有下列行为之一的：: the lead-in's party is in breach, the item's only the object of it;
        #                  ……的，责令……: an item with its own condition and penalty is read as a sentence)
    g = x.sc.group(text, s.start, discover=True)
    if g is None or g.start != s.start or not g.mentions or g.end >= k or _STAFF_OF.match(text, g.end, k) or \
            _VIOLATION.search(text, g.start, g.end):
        return           # (……单位的工作人员……, ……机构的负责人……: the staff, not the body; 馆藏文物损毁未报……: a breach read
        #                  into a name)
    breach = _VIOLATION.search(text, g.end, k)
    if breach is None or _VICTIM.search(text, g.end, k) or not (breach.start() - g.end <= 6 or all(
            x.reg.is_known(m.name) or m.name.endswith(SUFFIXES + _PERSON_HEADS) for m in g.mentions)):
        return           # (a name kb discovers must have its breach close after it: 食品摊贩未……, 食品小作坊销售前未……)
    for mt in _staff_of_the_list(x, g):
        x.emit(s, mt, "liability", False, s.start, g.end, s.start, primary=True)
        s.drafts[-1].end = k


#: the heads of a person's name a violator may have without the lexicon knowing it (……人员, ……者, ……员 …; not a bare 人:
#: 行经人行横道, 驾驶残疾人机动轮椅车 are no persons)
_PERSON_HEADS = tuple(h for h in PERSON_SUFFIXES if h != "人")
#: a body whose staff a name ends with (其他相关部门工作人员)
_BODY_HEADS = ("部门", "机关", "机构", "单位", "政府", "公司")


def _staff_of_the_list(x, g) -> list:
    """自治县国土资源主管部门和其他相关部门工作人员……的: the staff of the bodies listed are liable, not the bodies."""
    last = g.mentions[-1]
    staff = next((n for n in _STAFF_NOUNS if last.surface.endswith(n)), None)
    if len(g.mentions) < 2 or staff is None or \
            not all(m.name.endswith(SUFFIXES) for m in g.mentions[:-1]) or \
            not last.surface[:-len(staff)].endswith(_BODY_HEADS):
        return g.mentions        # 生产经营单位有关人员或者其他直接责任人员, 教育考试机构、有关部门及考试工作人员: each liable
    c = x.reg.canonical(staff)
    return [Mention(c, staff, last.end - len(staff), last.end, known=x.reg.is_known(c))]


def on_penalised(x, s: Sentence) -> None:
    """The party a penalty falls on, when the condition names no violator: 有下列行为之一的，责令限期改正，
    对单位处一千元以上罚款；个人违反的，对个人处……罚款 makes 单位 and 个人 liable for the condition."""
    if not s.liability:
        return
    text = s.text
    first = _CONDITION_END.search(text, s.start, s.end)
    prior = None
    if first is None:
        if not text.startswith("对", s.start):
            return
        # ……的，由移民行政部门责令限期退还……；对直接负责的主管人员及直接责任人员，可依法给予行政处分: the breach is the
        # clause's before, which names no violator (chongqing-sanxia-yimin 68, tuiyi-junren 77)
        prior = _prior_condition(text, s.start)
        if prior is None:
            return
        k = s.start
    else:
        k = first.start() if first.group(0).startswith("的") else first.end() - 1
        if _FOLLOW_UP.match(text, _opening(text, s.start, k)):
            # ……；逾期仍不接管的，对直接负责的主管人员……, ……；情节严重的，由……对负有直接责任的主管人员……: the breach before
            prior = _prior_condition(text, s.start)
            if prior is None and not _VIOLATION.search(text, s.start, k):
                return       # 情节严重的，…… after no breach the sentence states
        elif not _VIOLATION.search(text, s.start, k):
            return           # 情节严重的，对有关责任人员给予处分: a graver case of a violation stated before
        elif _named_before(x, text, s.start):
            return           # ……违反本条例规定的，由……；造成严重后果，构成犯罪的，对直接负责的主管人员……: that one's staff
        elif _after_a_duty(text, s):
            return           # ……及其工作人员应当依法履行职责；滥用职权……的，……对直接负责的主管人员……: the staff of those bound
    liable = {d.mention.name for d in s.drafts if d.modality == "liability" and d.mention is not None}
    if liable:
        return           # the condition named its violator: 对有关责任人员给予处分 names that one's staff
    for m in _penalised(text, k, s.end):
        g = x.sc.group(text, m.end(), discover=True) or responsible(x.sc, text, m.end())
        if g is None or not g.mentions:
            continue
        after = g.end + text.startswith("，", g.end)
        if m.group(0).startswith("追究"):
            if not _THEIR_LIABILITY.match(text, g.end) or not all(mt.name.endswith(_STAFF_ENDS) for mt in g.mentions):
                continue     # 追究责任人员的行政责任: the persons whose liability is pursued (not 追究刑事责任)
            if any(text.find(mt.surface, 0, s.start) >= 0 for mt in g.mentions):
                continue     # ……对直接负责的主管人员……给予行政处分。造成……损失的，……并追究直接负责的主管人员……的相应责任: the
                #              persons a sentence before made liable, pursued again for a graver case (chongqing-sanxia-yimin 66)
        else:
            by = _BY_BODY.match(text, after)      # 对该单位主要负责人和直接责任人员，由有关部门依法给予处分
            if not _PENALTY.match(text, by.end() if by else after):
                continue
        if first is None and not all(mt.name.endswith(_STAFF_ENDS) for mt in g.mentions):
            continue         # ……；对有关单位、个人依法给予行政处罚: a penalty of the body carried (laonianren 82)
        a, end = prior or (_opening(text, s.start, k), k)
        named = _violator(x, text, a, end)
        if named and not any(mt.surface in named for mt in g.mentions):
            continue         # 负有公共服务职责的部门和单位未依法……的，……对直接负责的主管人员……: the named violator's staff
        if named and text.find(named, a, end) >= 0:
            # (疾病预防控制机构、接种单位……违反……的，……；拒不改正的，对接种单位……处……罚款: the breach after its violators)
            a = text.find(named, a, end) + len(named)
        for mt in g.mentions:
            if mt.name not in liable:
                liable.add(mt.name)
                x.emit(s, mt, "liability", False, a, a, a, primary=False)
                s.drafts[-1].end = end


#: the persons whose liability a body pursues (追究责任人员的行政责任, 追究其单位主要负责人及直接责任人员的行政责任, 并追究有关责任
#: 人员的责任): the penalty names them after 追究, their liability after 的
_PURSUED = re.compile(r"追究(?:其)?(?:所在)?(?:单位)?(?=[^，。；]{1,24}?的[^，。；]{0,6}?责任)")
_THEIR_LIABILITY = re.compile(r"的[^，。；]{0,6}?责任")


def _penalised(text: str, k: int, end: int) -> list:
    """The places a penalty names the party it falls on, in text order: 对X + a penalty (``_PENALISED``), 追究X的……责任
    (``_PURSUED``)."""
    return sorted(list(_PENALISED.finditer(text, k, end)) + list(_PURSUED.finditer(text, k, end)), key=lambda m: m.start())


#: a condition following up the breach an earlier clause states (……的，由X责令限期接管；逾期仍不接管的，对……给予处分), or a
#: graver case of it (情节严重的, 情节较重的, 造成严重后果的, 后果严重的: no breach of its own — code review 21 item 3,
#: 固体废物污染环境防治法 (2020) 108 p2)
_FOLLOW_UP = re.compile(r"(?:逾期|届期|期满)[^，。；]{0,8}?(?:不|未)|拒不(?:改正|整改|纠正|执行|履行|缴纳|接受)|情节(?:特别)?严重的|"
                        r"情节较重的|造成(?:严重)?后果的|后果严重的")


#: the body named to impose a penalty after the persons it falls on (……，由有关部门依法给予处分)
_BY_BODY = re.compile(r"由[^，。；]{1,20}?(?:部门|机关|机构|政府|单位)(?=依法|给予|处以?|追究|可以?)")


def _prior_condition(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the breach of the sentence's first clause, before the follow-up that starts at start (or, at the
    start of a sentence, of the sentence before): the annotators write the breach as the liable persons' action
    (chongqing-sanxia-yimin 66, yufang-weichengnian-fanzui 63, tuiyi-junren 77)."""
    j = text.rfind("。", 0, start) + 1
    if j == start and start > 0:
        j = text.rfind("。", 0, start - 1) + 1
    m = _CONDITION_END.search(text, j, start)
    if m is None or not _VIOLATION.search(text, j, m.start()) or _FOLLOW_UP.match(text, j):
        return None
    k = m.start() if m.group(0).startswith("的") else m.end() - 1
    return _opening(text, j, k), k


def _named_before(x, text: str, start: int) -> bool:
    """Does the breach of an earlier clause of the sentence name its violator (……国家机关……违反本条例规定的，由……责令改正；
    造成严重后果，构成犯罪的，……: a graver case of that one's breach)?"""
    j = text.rfind("。", 0, start) + 1
    prior = _prior_condition(text, start) if j < start else None
    return prior is not None and bool(_violator(x, text, *prior))


def _after_a_duty(text: str, s: Sentence) -> bool:
    """Does the sentence follow a clause of the same sentence that binds a party and states no breach (……部门及其工作
    人员应当依法履行职责；滥用职权或者不履行法定职责的，……): that party breaks it (beijing-shishi-tongyong-yuyan 17)."""
    j = text.rfind("。", 0, s.start) + 1
    return j < s.start and not _CONDITION_END.search(text, j, s.start) and s.carried is not None and \
        bool(s.carried.mentions)


#: a breach's rule before its violator (违反本条例第二十七条，物业服务企业未……)
#: the occasion a breach happens on, a clause of its own before the violator (举办国家教育考试，教育行政部门……疏于管理……的, 教育法
#: 81; 在突发公共卫生事件应对工作中，有关公职人员……的): passed over as the rule broken is
_OCCASION = r"(?:在|举办|组织)[^，。；]{1,24}?(?:中|时|期间|活动|考试)"
_BREACHED_ANY = re.compile(r"(?:违反[^，。；]{1,30}|%s)，" % _OCCASION)
#: the staff a penalty names (直接负责的主管人员, 其他直接责任人员, 主要负责人): persons of the party in breach
_STAFF_ENDS = ("人员", "负责人")
#: the end of a party's name before its violation (……的部门和单位未依法……, 考试举办者、组织者未……, ……及其工作人员违反……)
_VIOLATOR_END = re.compile(r"(?:部门|单位|机构|机关|政府|人员|者|人|企业|组织|公司|委员会|学校|医院)$")


#: a list of parties opening a breach (广播电台、电视台、网络音视频服务提供者制作……): each member before the last a body or
#: a person by its end, the last a party followed by its act
_LISTED_PARTIES = re.compile(r"((?:[\u4e00-\u9fff]{1,10}?(?:台|站|社|所|院|馆|厂|店|中心|部门|单位|机构|机关|人员|者|企业|组织|公司)、)+)"
                             r"[\u4e00-\u9fff]{1,12}?(?:单位|机构|机关|人员|者|企业|组织|公司)(?=[\u4e00-\u9fff])")


def _listed_parties(text: str, a: int, k: int) -> str | None:
    """The words of a list of parties opening the breach text[a:k] (广播电台、电视台、网络音视频服务提供者), else None: not a
    list with 的 or a violation word in it (a modifier or an act, no list of names)."""
    m = _LISTED_PARTIES.match(text, a, k)
    if m is None or "的" in m.group(0) or _VIOLATION.search(m.group(0)):
        return None
    return m.group(0)


def _violator(x, text: str, a: int, k: int) -> str | None:
    """The words naming the violator of the breach text[a:k] — a party opening it (公共图书馆从事……的), or a party's
    name before its violation word (kb may miss it as a record: 负有公共服务职责的部门和单位未依法……的) — else None
    (有下列行为之一的, 拒绝……的)."""
    lead = _BREACHED_ANY.match(text, a, k)
    a = lead.end() if lead else a
    g = x.sc.group(text, a, discover=True)
    if g is not None and g.start == a and g.mentions and g.end < k and \
            not (_VIOLATION.match(text, a) and "的" not in text[a:g.end] and not text.startswith("未成年", a)):
        # (挪用公共图书馆业务经费的: the act opens the breach, though discovery names 挪用公共图书馆)
        return text[a:g.end]
    listed = _listed_parties(text, a, k)
    if listed:
        return listed    # 广播电台、电视台、网络音视频服务提供者制作……的: parties kb does not group
    m = _VIOLATION.search(text, a, k)
    if m is None:
        return None
    before = text[a:m.start()].rstrip("，")
    return before if _VIOLATOR_END.search(before) else None


#: 对X处……罚款, 对X给予处分, 对X可处……罚款 (重庆市人民防空条例 art. 42): X is the one penalised
_PENALISED = re.compile(r"(?<=[，；。])(?:并|或者|或)?(?:可以?)?对|(?<=由)[^，。；]{2,30}?(?:部门|机关|机构|政府|单位)对")
_PENALTY = re.compile(r"(?:并)?(?:可以?|并)?(?:处以?|给予|依法给予)[^，。；]{0,30}?(?:罚款|处分|警告|处罚|批评教育)|"
                      r"(?:依照[^，。；]{0,20}?规定)?(?:依法)?追究[^，。；]{0,4}?责任")


def _opens(text: str, a: int, p: int, staff: bool = False) -> bool:
    """Does the group at p open the condition that starts at a (场所的经营者、管理者违反……的: after a short
    modifier with 的; staff after the bodies they serve: 烟草专卖行政主管部门和烟草公司（的）工作人员……的)?"""
    return p == a or bool(p > a and (_SHORT_OF.fullmatch(text, a, p) or (staff and _OWNERS.fullmatch(text, a, p))))


_SHORT_OF = re.compile(r"[^，。；、]{1,8}的")
#: the bodies whose staff are named (人民法院和处理违法案件的有关部门的, 烟草专卖行政主管部门和烟草公司)
_OWNERS = re.compile(r"[^，。；]{2,30}?(?:%s)的?" % "|".join(SUFFIXES))


def _opening(text: str, a: int, k: int) -> int:
    """Where the violator of a condition stands: at its start, or after the rule it breaks
    (违反本条例第十四条规定，生产经营单位未……的，责令……)."""
    m = _BREACHED.match(text, a, k)
    return m.end() if m else a


#: the staff of a body just named (……单位分管……的负责人, ……单位有关人员或者其他直接责任人员)
#: the staff nouns a liable party may be (the body's staff after its name)
_STAFF_NOUNS = ("工作人员", "有关人员", "直接责任人员", "其他直接责任人员", "负责人", "主要负责人", "有关负责人")
_STAFF_OF = re.compile(r"(?:[^，。；]{0,12}?的)?(?:有关|主要|直接|其他)?[^，。；]{0,4}?(?:负责人|人员)")
_BREACHED = re.compile(r"(?:违反[^，。；]{1,30}?(?:规定|约定|要求)|%s)，" % _OCCASION)
#: 受到损害: the party named suffers the violation, it does not commit it
_VICTIM = re.compile(r"受到|遭受|受侵害")
#: the consequence of a violation when no body is named to act on it
_CONSEQUENCE = re.compile(r"追究[^，。；]{0,6}责任|依法处理|(?<=的，)依法从重处罚|(?<=的，)处[^，。；]{0,30}?罚款|(?:按照|依照)(?:以下|下列|有关)[^，。；]{0,12}?(?:规定|法律、法规|法律法规)(?:给予|予以)?(?:处罚|处理)|依法给予[^，。；]{0,6}(?:处分|处罚)|承担[^，。；]{0,6}责任|"
                          r"(?<=的，)(?:责令|处以?[0-9一二三四五六七八九十百千]|没收|吊销|给予[^，。；]{0,4}?(?:警告|处分|处罚))|"
                          # ……的，依照《中华人民共和国广告法》的规定处罚 / 依照其他法律的规定处罚: punished by another law, the
                          # clause's violator liable (engineer 11t's measure); not 按照下列规定分别处理, a review body's decisions
                          # on a party's default (行政复议法 (2017) 33), nor a procedure (依照……处理程序)
                          r"(?<=的，)(?:依照|按照|依据)(?![^，。；]{0,4}?下列)[^，。；]{0,40}?"
                          r"(?:处罚|处理(?![^，。；]{0,6}?(?:程序|办法))|追究[^，。；]{0,6}?责任)")
#: where a liability clause's condition ends: ……的， or ……之一，
_CONDITION_END = re.compile(r"的，|之一，")
