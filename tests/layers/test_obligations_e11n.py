"""Nineteenth session (issue 11, engineer 11n): where a duty's act ends.

The boundary misses of the tuning set (party and modality right, the act differs) were counted by where kb's act and the
gold's part (tests/data/obligations/README.md, "Where a duty's act ends"); the general causes fixed here: a clause after a
comma that opens with a party of its own is none of the duty's predicate (……由国务院决定，国务院总理发布戒严令), nor is an
exception without 但 (……，法律另有规定的除外) or a thing's clause closing the sentence (……，收益归投资者所有); a clause that
opens with 自觉 / 自行 / 经营 … is an act, not a lead (自 from, 经 by) into the next duty of the subject; 不准予 is no 不准.
The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import records


def _acts(reg, text: str, actor: str, modality: str = "obligation") -> set[str]:
    return {a for x, m, a in records(reg, text) if x == actor and m == modality}


def test_a_party_that_opens_the_next_clause_ends_the_act(reg):
    """缔结条约程序法 7 p4, 戒严法 3 p2, 全国人民代表大会组织法 34 p3, 驻外外交人员法 17 (二): the second party's clause states no
    duty kb records (副署, 发布, 表决通过, 授予 have no modal word), so the first duty's act ran on over it."""
    assert _acts(reg, "批准书由中华人民共和国主席签署，外交部长副署。", "国家主席") == {"签署"}
    assert _acts(reg, "省、自治区、直辖市的范围内部分地区的戒严，由国务院决定，国务院总理发布戒严令。", "国务院") == {"决定"}
    assert _acts(reg, "各专门委员会的主任委员、副主任委员和委员的人选由主席团在代表中提名，全国人民代表大会会议表决通过。",
                 "主席团") == {"在代表中提名"}
    assert _acts(reg, "公使衔、参赞衔，由外交部或者其他派出部门批准，外交部部长授予；", "外交部") == {"批准"}


def test_a_verb_read_as_a_name_or_a_list_of_objects_does_not_end_the_act(reg):
    """The guards: a party the lexicon does not know is no party here (教育未成年家庭成员, 重点加强农村学校 are an act and its
    object: 北京市反食品浪费规定 14, 北京市实施《义务教育法》办法 5), nor one after a verb (邀请有关人员, 家庭教育促进法 41), nor the
    parties a verb of the clause before takes (支持和引导人民团体，行业协会商会……，企事业单位等社会力量和公众参与……)."""
    assert _acts(reg, "家长应当以身作则，教育未成年家庭成员节约资源、珍惜粮食。", "家长") == {
        "以身作则，教育未成年家庭成员节约资源、珍惜粮食"}
    assert _acts(reg, "中小学校、幼儿园应当根据家长的需求，邀请有关人员传授家庭教育理念、知识和方法，组织开展家庭教育指导服务和"
                      "实践活动，促进家庭与学校共同教育。", "幼儿园") == {
        "根据家长的需求，邀请有关人员传授家庭教育理念、知识和方法，组织开展家庭教育指导服务和实践活动，促进家庭与学校共同教育"}
    got = _acts(reg, "市、区人民政府和有关部门应当采取措施、畅通渠道，支持和引导人民团体，行业协会商会、公益慈善、城乡社区服务等"
                     "社会组织，企事业单位等社会力量和公众参与诉求办理和社会治理。", "有关部门")
    assert len(got) == 1 and next(iter(got)).endswith("参与诉求办理和社会治理")


def test_an_adverb_of_the_act_is_no_lead_into_the_next_duty(reg):
    """爱国主义教育法 37: 自觉 is no 自 (from) opening a time before the 不得, so the clause stays the first duty's."""
    text = "任何公民和组织都应当弘扬爱国主义精神，自觉维护国家安全、荣誉和利益，不得有下列行为："
    assert _acts(reg, text, "任何公民") == {"弘扬爱国主义精神，自觉维护国家安全、荣誉和利益"}
    assert _acts(reg, text, "任何公民", "prohibition") == {"有下列行为"}


def test_an_exception_without_but_is_no_part_of_the_act(reg):
    """重庆市特种设备安全条例 13 p2 (……，法律另有规定或者当事人另有约定的除外: a tuning text), 公司法 (2023) 163 (……，公司实施员工持股计划的
    除外) and 行政复议法 (2023) 70 (……，但是行政行为涉及第三人合法权益，第三人提供证据的除外: the 但 clause too)."""
    assert _acts(reg, "公司不得为他人取得本公司或者其母公司的股份提供赠与、借款、担保以及其他财务资助，公司实施员工持股计划的除外。",
                 "公司", "prohibition") == {"为他人取得本公司或者其母公司的股份提供赠与、借款、担保以及其他财务资助"}
    got = _acts(reg, "被申请人不按照本法第四十八条、第五十四条的规定提出书面答复、提交作出行政行为的证据、依据和其他有关材料的，"
                     "视为该行政行为没有证据、依据，行政复议机关决定撤销、部分撤销该行政行为，确认该行政行为违法、无效或者决定"
                     "被申请人在一定期限内履行，但是行政行为涉及第三人合法权益，第三人提供证据的除外。", "行政复议机关")
    assert got == {"决定撤销、部分撤销该行政行为，确认该行政行为违法、无效或者决定被申请人在一定期限内履行"}
    assert _acts(reg, "特种设备在出租期间的使用管理和维护保养义务由特种设备出租单位承担，法律另有规定或者当事人另有约定的除外。",
                 "特种设备出租单位") == {"承担"}


def test_a_things_clause_closing_the_sentence_is_no_part_of_the_act(reg):
    """人民防空法 (2009) 5 p2 (……使用管理，收益归投资者所有), 义务教育法 (2018) 33 p2 (……，其任教时间计入工龄), 法官法 (2019) 16 p2
    (……，其中法官代表不少于三分之一); not a budget the files keep in the government's act (密码法 11, the tuning text mima-fa),
    nor a clause the act goes on after (江门市文明行为促进条例 5, jiangmen-wenming)."""
    assert _acts(reg, "人民防空工程平时由投资者使用管理，收益归投资者所有。", "投资者") == {"使用管理"}
    assert _acts(reg, "国家鼓励高等学校毕业生以志愿者的方式到农村地区、民族地区缺乏教师的学校任教。县级人民政府教育行政部门依法"
                      "认定其教师资格，其任教时间计入工龄。", "教育部门") == {"依法认定其教师资格"}
    text = "县级以上人民政府应当将密码工作纳入本级国民经济和社会发展规划，所需经费列入本级财政预算。"
    assert _acts(reg, text, "县级以上人民政府") == {"将密码工作纳入本级国民经济和社会发展规划，所需经费列入本级财政预算"}
    text = ("县级以上人民政府应当将文明行为促进工作纳入国民经济和社会发展规划，所需经费纳入财政预算，建立健全文明行为规范实施"
            "工作长效机制。")
    assert _acts(reg, text, "县级以上人民政府") == {
        "将文明行为促进工作纳入国民经济和社会发展规划，所需经费纳入财政预算，建立健全文明行为规范实施工作长效机制"}


def test_not_to_grant_is_no_ban(reg):
    """海事诉讼特别程序法 30 (a tuning text, haishi-susong): 不准予 is the decision not to grant, not 不准 (may not)."""
    got = records(reg, "海事法院收到拍卖船舶的申请后，应当进行审查，作出准予或者不准予拍卖船舶的裁定。")
    assert {(a, m) for a, m, _ in got} == {("海事法院", "obligation")}
    assert _acts(reg, "海事法院收到拍卖船舶的申请后，应当进行审查，作出准予或者不准予拍卖船舶的裁定。", "海事法院") == {
        "进行审查，作出准予或者不准予拍卖船舶的裁定"}
