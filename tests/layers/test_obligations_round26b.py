"""The twenty-sixth round of rules, engineer 11b's part (issue 11, fifteenth session): civil liability outside a
liability clause, under the lead's decision.

Bearing civil liability (承担侵权责任, 承担连带责任, 承担相应的补充责任, 依法承担赔偿责任 …) stated as a rule of law — no body
acts on a violation — is the bearer's obligation (explicit as its modal word says), not the liability role: the tuning
gold records it so in every text that names the bearer (the README's "Annotation decisions", with the counts).  Inside a
liability clause (a 法律责任 chapter, or an article where a body punishes, corrects or orders) the spec's roles stay.
Each sentence is quoted from a corpus text as it stands there; each test but the guards fails on the code before
(lead10 4645511).
"""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def records(reg, text: str) -> set[tuple[str, str, bool, str]]:
    """(actor, modality, explicit, action) of the duties of a text (one article unless it opens with a chapter)."""
    doc = parse_text(text if text.startswith("第") else "第一条 " + text, "rules.txt", "text")
    return {(s.actor, s.modality, s.explicit, s.action) for s in extract(doc, reg)}


def test_a_chapter_of_civil_liability_is_no_penalty_chapter(reg):
    """民法典 侵权责任编 1198 p2, in 第三章 责任主体的特殊规定: the chapter's title names 责任 but no body acts on a breach there
    (the book has no 法律责任 chapter).  Every chapter whose title held 责任 was read as a chapter of legal liability (产品责任,
    医疗损害责任, 机动车交通事故责任 …; 违约责任, 事故责任的承担与赔偿, 绿化责任, 家庭责任): 16 false liability records in
    minfadian-qinquan (held-out round 25).  The one who fails bears the supplementary liability: its obligation, explicit false."""
    got = records(reg, "第一章 一般规定\n第一条 用户应当妥善保管交易密码。\n第二章 责任主体的特殊规定\n"
                       "第二条 因第三人的行为造成他人损害的，由第三人承担侵权责任；经营者、管理者或者组织者未尽到安全保障义务的，"
                       "承担相应的补充责任。经营者、管理者或者组织者承担补充责任后，可以向第三人追偿。")
    assert not any(m == "liability" for _, m, _, _ in got)
    assert ("第三人", "obligation", False, "承担侵权责任") in got
    for party in ("经营者", "管理者", "组织者"):
        assert (party, "obligation", False, "承担相应的补充责任") in got
        assert (party, "permission", True, "向第三人追偿") in got
    assert not any(a.endswith("后") for _, _, _, a in got)       # 承担补充责任后，: the time of the permission


def test_a_civil_rule_outside_any_chapter_holds_no_one_liable(reg):
    """民法典 1191 p1 (……造成他人损害的，由用人单位承担侵权责任) and 电子商务法 57 p3 (……未及时采取措施导致损失扩大的，对损失扩大部分
    承担责任): no body acts in the article, so the sentence is no liability clause — the staff who caused the harm are not
    'liable' (the 由-agent bears it), the provider bears its share as its obligation (the gold of dianzi-shangwu 57 p3)."""
    got = records(reg, "用人单位的工作人员因执行工作任务造成他人损害的，由用人单位承担侵权责任。用人单位承担侵权责任后，"
                       "可以向有故意或者重大过失的工作人员追偿。")
    assert got == {("用人单位", "obligation", False, "承担侵权责任"),
                   ("用人单位", "permission", True, "向有故意或者重大过失的工作人员追偿")}
    got = records(reg, "电子支付服务提供者发现支付指令未经授权，或者收到用户支付指令未经授权的通知时，应当立即采取措施防止损失扩大。"
                       "电子支付服务提供者未及时采取措施导致损失扩大的，对损失扩大部分承担责任。")
    assert got == {("电子支付服务提供者", "obligation", True, "立即采取措施防止损失扩大"),
                   ("电子支付服务提供者", "obligation", False, "对损失扩大部分承担责任")}


def test_where_a_body_acts_the_roles_stay(reg):
    """Guards (pass before and after): a 法律责任 chapter, and an article where a body orders (由……责令限期改正；造成损失的，
    依法承担赔偿责任), keep the violator's liability and the body's sanction."""
    article = "建设单位违反本条例第十条规定，擅自拆除供水设施的，由市水行政主管部门责令限期改正；造成损失的，依法承担赔偿责任。"
    for text in (article, "第一章 法律责任\n第一条 " + article):
        got = records(reg, text)
        assert any(m == "liability" for _, m, _, _ in got)
        assert any(m == "sanction" and a == "责令限期改正" for _, m, _, a in got)


def test_state_security_is_a_field_not_the_state(reg):
    """Code review 18 item 5, 反间谍法 (2023) 33 p1-p2 and 15, 北京市信息化促进条例 47 (beijing-xinxihua's gold: 国家安全部门):
    the 国家 of 国家安全 was read as the state placing a department (安全主管部门) or, after a level, as the state itself
    (省级以上国家安全机关 → 国家).  国家安全生产监督管理部门 stays the department 安全生产监督管理部门 (a guard)."""
    got = records(reg, "对出境后可能对国家安全造成危害，或者对国家利益造成重大损失的中国公民，国务院国家安全主管部门可以决定其在一定期限"
                       "内不准出境，并通知移民管理机构。\n对涉嫌间谍行为人员，省级以上国家安全机关可以通知移民管理机构不准其出境。")
    assert {a for a, _, _, _ in got} == {"国家安全主管部门", "国家安全机关"}
    got = records(reg, "对于信息化发展过程中有危害国家安全，扰乱公共秩序，损害公民、法人和其他组织的合法权益，危害网络与信息系统安全以及"
                       "散布、传播违法信息等活动的，由国家安全、公安、保密、工商以及其他部门依法处理；构成犯罪的，依法追究刑事责任。")
    assert {"国家安全部门", "公安部门", "保密部门", "工商部门"} <= {a for a, _, _, _ in got}
    assert "安全部门" not in {a for a, _, _, _ in got}
    assert {a for a, _, _, _ in records(reg, "国家安全生产监督管理部门应当加强监督。")} == {"安全生产监督管理部门"}


def test_its_relatives_listed_before_a_comma(reg):
    """Code review 18 item 7, 出境入境管理法 (2012) 40 p2: 其家属、监护人或者代理人，应当……申报 gave no actor (家属 is no name
    the lexicon knows, and the modal word stands after a comma).  Guards: 其家属聚居区 stays no actor (居民委员会组织法 19 p2), and
    so do the staff among whom a minority citizen is to be (code review 20)."""
    got = records(reg, "外国人在中国境内死亡的，其家属、监护人或者代理人，应当按照规定，持该外国人的死亡证明向县级以上地方人民政府公安机关"
                       "出入境管理机构申报，注销外国人停留居留证件。")
    assert {(a, m) for a, m, _, _ in got} == {("家属", "obligation"), ("监护人", "obligation"), ("代理人", "obligation")}
    got = records(reg, "前款所列单位的职工及家属、军人及随军家属，参加居住地区的居民委员会；其家属聚居区可以单独成立家属委员会，"
                       "承担居民委员会的工作。")
    assert not any(a == "家属" for a, _, _, _ in got)
    got = records(reg, "散居少数民族人口较多的区县（自治县）和乡（镇）人民政府，以及国家和本市认定的直接为少数民族生产、生活服务的单位和"
                       "部门，其领导成员和工作人员中应当配备少数民族公民。")       # (重庆市散居少数民族权益保障条例 10 p2: among them)
    assert not any(a in ("领导成员", "工作人员") for a, _, _, _ in got)


def test_the_director_leads_the_enterprise(reg):
    """全民所有制工业企业法 45 p3 (quanmin-gongye-qiye, a tuning text): 厂长领导企业的生产经营管理工作，行使下列职权: — 厂长领导企业
    was taken for a name (厂长 + 领导 + 企业) and then for a modifier of the work (……领导企业的……工作), so the director's powers
    were no one's; the gold records the lead-in and its six items as 厂长's."""
    got = records(reg, "第七条 企业实行厂长（经理）负责制。\n厂长依法行使职权，受法律保护。\n"
                       "第四十五条 厂长是企业的法定代表人。\n厂长领导企业的生产经营管理工作，行使下列职权:\n"
                       "（一）依照法律和国务院规定，决定或者报请审查批准企业的各项计划。\n（二）决定企业行政机构的设置。")
    assert ("厂长", "obligation", False, "领导企业的生产经营管理工作，行使下列职权") in got
    assert ("厂长", "obligation", False, "决定企业行政机构的设置") in got


def test_an_encouraged_party_is_carried_only_into_a_condition(reg):
    """Code review 19: 北京市优化营商环境条例 5 (……；对探索中出现的失误或者偏差，符合规定条件的，可以予以免责 — the governments
    exempted by themselves) and 旅游法 (2018) 4 (利用公共资源建设的游览场所应当体现公益性质 — 市场主体's): the party a policy
    statement encourages goes on only into a clause that opens with a condition of its own (档案法 (2020) 38: 已经实现数字化的，
    应当对档案原件妥善保管, and 安全生产法 (2021) 51 p2: ……；属于……的生产经营单位，应当……, guards)."""
    got = records(reg, "本市鼓励政府及有关部门结合实际情况，在法治框架内积极探索原创性、差异化的优化营商环境具体措施；对探索中出现的失误"
                       "或者偏差，符合规定条件的，可以予以免责或者减轻责任。")
    assert not any(m == "permission" for _, m, _, _ in got)
    got = records(reg, "旅游业发展应当遵循社会效益、经济效益和生态效益相统一的原则。国家鼓励各类市场主体在有效保护旅游资源的前提下，依法"
                       "合理利用旅游资源。利用公共资源建设的游览场所应当体现公益性质。")
    assert not any(m == "obligation" for _, m, _, _ in got)
    got = records(reg, "国家鼓励和支持档案馆和机关、团体、企业事业单位以及其他组织推进传统载体档案数字化。已经实现数字化的，应当对档案原件"
                       "妥善保管。")
    assert ("档案馆", "obligation", True, "对档案原件妥善保管") in got
    got = records(reg, "国家鼓励生产经营单位投保安全生产责任保险；属于国家规定的高危行业、领域的生产经营单位，应当投保安全生产责任保险。")
    assert ("生产经营单位", "obligation", True, "投保安全生产责任保险") in got


def test_encouraged_and_protected_then_rewarded(reg):
    """劳动法 (2018) 6 (code review 19): 鼓励和保护劳动者进行科学研究…… — the party is after the second verb (it was a statement
    without an actor, 和保护劳动者……); ，表彰和奖励劳动模范和先进工作者 is the state's grant (the lead's decision on 国家)."""
    got = records(reg, "国家提倡劳动者参加社会义务劳动，开展劳动竞赛和合理化建议活动，鼓励和保护劳动者进行科学研究、技术革新和发明创造，"
                       "表彰和奖励劳动模范和先进工作者。")
    assert got == {("劳动者", "encouragement", True, "参加社会义务劳动，开展劳动竞赛和合理化建议活动"),
                   ("劳动者", "encouragement", True, "进行科学研究、技术革新和发明创造"),
                   ("国家", "obligation", False, "表彰和奖励劳动模范和先进工作者")}
