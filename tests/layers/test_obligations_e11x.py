"""Twentieth session (issue 11, engineer 11x): code review 26's findings 4, 5, 8 and 10 — names, heads, sides and a
party's answer, exposed or made by engineer 11o's names (仲裁员, the department lists, ……双方).  The sentences are quoted
from their corpus texts (none is held out)."""
from __future__ import annotations

from test_obligations_rules import doc_liability, reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors

from kb.layers.obligations import extract


def test_not_obeying_is_a_breach_not_the_partys_answer(reg):
    """Finding 10: subjects._ITS_ANSWER read 不服从 as 不服 (the party's answer, 申请人不服的，可以申请复审), so the party that
    suffers the enforcement was recorded as the one who enforces."""
    assert not any(a == "当事人" for a, _ in actors(reg, "当事人不服从的，可以强制执行。"))
    # guard: the answer
    assert ("申请人", "permission") in actors(reg, "申请人不服的，可以申请复审。")


def test_the_members_a_condition_makes_up_a_whole_of_are_no_agent(reg):
    """仲裁法 (2017) 31 p1 (finding 4): since 仲裁员 is a name (engineer 11o), the 由-agent of the condition's 由……组成仲裁庭的
    took the parties' duty; the members are no agent, the party of the condition acts."""
    got = actors(reg, "当事人约定由三名仲裁员组成仲裁庭的，应当各自选定或者各自委托仲裁委员会主任指定一名仲裁员。")
    assert got == {("当事人", "obligation")}
    # guard: a body that forms a group acts (the clause does not close a condition)
    assert ("市人民政府", "obligation") in actors(reg, "由市人民政府组成调查组，负责调查处理。")


def test_an_ascii_semicolon_ends_the_clause_a_whole_is_made_up_in(reg):
    """Code review 27 finding 7: guangdong-sanju-minzu 27 (广东省散居少数民族权益保障条例 27, a tuning text) — without the
    guard the 由……构成犯罪的 of events._MADE_UP runs over the ASCII ; and the two bodies that sanction lose their records
    (tuning duty 27584/3801/5620 → 27583/3800/5621 with the guard gone)."""
    got = actors(reg, "违反本条例有关规定，损害少数民族合法权益的单位和个人，由本单位或者上级部门给予批评教育或者处分;构成犯罪的，"
                      "依法追究刑事责任。")
    assert ("上级部门", "sanction") in got


def test_a_body_that_learns_of_a_breach_is_not_its_violator(reg):
    """海洋环境保护法 (2017) 77 p2 (finding 5): in the liability chapter the four departments that discover a breach were
    recorded as liable, and their duty to tell the body that sanctions was read as a sanction (通报) without an actor."""
    doc = doc_liability("违反本法第三十条第一款、第三款规定设置入海排污口的，由县级以上地方人民政府环境保护行政主管部门责令其关闭，并处二万元"
                        "以上十万元以下的罚款。\n\n海洋、海事、渔业行政主管部门和军队环境保护部门发现入海排污口设置违反本法第三十条第一款、"
                        "第三款规定的，应当通报环境保护行政主管部门依照前款规定予以处罚。")
    got = {(s.actor, s.modality) for s in extract(doc, reg) if s.eid.endswith("para_2")}
    assert got == {("海洋部门", "obligation"), ("海事部门", "obligation"), ("渔业部门", "obligation"),
                   ("军队环境保护部门", "obligation")}
    # guards: the violator of the first paragraph stays liable, 通报批评 stays a sanction
    doc = doc_liability("建设单位违反本法规定设置入海排污口的，由环境保护行政主管部门责令其关闭，予以通报批评。")
    got = {(s.actor, s.modality) for s in extract(doc, reg)}
    assert ("开发建设单位", "liability") in got and ("环境保护部门", "sanction") in got


def test_a_modal_word_in_an_items_relative_clause_states_no_duty(reg):
    """北京市集体合同条例 20 (finding 8): （十七）双方认为应当协商的其他内容 gave the sides an obligation 协商的其他内容 beside the
    item the lead-in carries (the items of a 就下列……内容 list are the lead-in's, as the gold files record them: beijing-
    zhuanli 14, beijing-tushuguan, beijing-sifa-jianding)."""
    got = actors(reg, "集体协商双方可以就下列一项或者多项内容，通过集体协商签订集体合同：\n（一）劳动报酬；\n（二）双方认为应当协商的其他"
                      "内容。")
    assert got == {("集体协商双方", "permission")}
