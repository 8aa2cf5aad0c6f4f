"""Liability clauses: the violators the name reader does not group (issue 11, twentieth session, engineer 11t).

A condition whose violators no subject group opens — a list under a relative clause (负责知识产权保护的主管部门和相关部门及其
工作人员滥用职权……的), a list of names the lexicon does not know (广播电台、电视台、网络音视频服务提供者违反……的) — gave no
liability record though the words before the breach name them: each member is liable, the staff after 及其 too (the
fourteenth round's X及其工作人员: both liable).  Each sentence is quoted from a corpus text as it stands there; each
positive test fails on the code before (main a880562)."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def _liable(reg, text: str) -> set[str]:
    """The parties liable in one article of a chapter of legal liability."""
    doc = parse_text("第一章 法律责任\n第一条 " + text, "rules.txt", "text")
    return {s.actor for s in extract(doc, reg) if s.modality == "liability"}


def test_the_members_of_a_list_under_a_relative_clause_are_liable(reg):
    """广东省知识产权保护条例 47 and 退役军人保障法 (2020) 76: the bodies and their staff are liable (the gold of
    guangdong-zhishi-chanquan and tuiyi-junren); no subject group opens 负责……的X and Y及其工作人员."""
    got = _liable(reg, "负责知识产权保护的主管部门和相关部门及其工作人员滥用职权、玩忽职守、徇私舞弊的，对直接负责的主管人员和其他直接"
                       "责任人员依法给予处分；构成犯罪的，依法追究刑事责任。")
    assert {"负责知识产权保护的主管部门", "工作人员"} <= got and len(got) == 3
    got = _liable(reg, "其他负责退役军人有关工作的部门及其工作人员违反本法有关规定的，由其上级主管部门责令改正，对直接负责的主管人员和"
                       "其他直接责任人员依法给予处分。")
    assert got == {"其他负责退役军人有关工作的部门", "工作人员"}


def test_a_list_of_unknown_names_before_the_breach_is_liable(reg):
    """反食品浪费法 (2021) 30, 北京市反食品浪费规定 29: 广播电台, 电视台 and 网络音视频服务提供者 (names the lexicon does not
    know, which the name reader does not group) are each liable."""
    got = _liable(reg, "违反本法规定，广播电台、电视台、网络音视频服务提供者制作、发布、传播宣扬量大多吃、暴饮暴食等浪费食品的节目或者"
                       "音视频信息的，由广播电视、网信等部门按照各自职责责令改正，给予警告；拒不改正或者情节严重的，处一万元以上十万元"
                       "以下罚款，并可以责令暂停相关业务、停业整顿，对直接负责的主管人员和其他直接责任人员依法追究法律责任。")
    assert {"广播电台", "电视台", "网络音视频服务提供者"} <= got


def test_the_party_a_breach_falls_on_is_not_liable(reg):
    """Negatives (the first version's wrong records on the tuning texts): the words before the breach open with a
    preposition — 社会保险法 (2018) 92 给用人单位或者个人造成损失的 (the victims), 广州市社会急救医疗管理条例 46 (九) 对急救医疗
    指挥机构……违反本条例的行为不予查处的 (the parties not pursued, the lead-in's body in breach)."""
    got = _liable(reg, "社会保险行政部门和其他有关行政部门、社会保险经办机构、社会保险费征收机构及其工作人员泄露用人单位和个人信息的，"
                       "对直接负责的主管人员和其他直接责任人员依法给予处分；给用人单位或者个人造成损失的，应当承担赔偿责任。")
    assert not got & {"用人单位", "个人", "给用人单位"}
    got = _liable(reg, "卫生健康行政主管部门及其工作人员有下列行为之一的，由有权机关责令限期改正；逾期不改正或者情节严重的，对负有责任的"
                       "主管人员和直接责任人员依法给予处理；构成犯罪的，依法追究刑事责任：\n（一）对急救医疗指挥机构、“120”急救网络医院、"
                       "区域急救医疗中心、急救医疗指挥机构直属急救站及其工作人员违反本条例的行为不予查处的；")
    assert not {a for a in got if "急救" in a}


def test_the_staff_after_the_bodies_a_group_names_are_liable(reg):
    """北京市中小学生人身伤害事故预防与处理条例 32 and 预防未成年人犯罪法 (2020) 62 (beijing-xuesheng-shanghai,
    yufang-weichengnian-fanzui): the group read is 学校; its 教职工 / 教职员工 after 及其 are liable beside it."""
    got = _liable(reg, "学校及其教职工有下列情形之一的，由教育行政部门依法对直接负责的主管人员和直接责任人给予行政处分；构成犯罪的，"
                       "依法追究刑事责任：\n（一）未履行本条例规定的职责，造成重大事故的；")
    assert {"学校", "教职工"} <= got
    got = _liable(reg, "学校及其教职员工违反本法规定，不履行预防未成年人犯罪工作职责，或者虐待、歧视相关未成年人的，由教育行政等部门"
                       "责令改正，通报批评。")
    assert got == {"学校", "教职员工"}
