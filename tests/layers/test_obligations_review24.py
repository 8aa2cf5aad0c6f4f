"""Code review 24 (eighteenth session, 2026-12-07), findings 2 to 5 and 8: wrong or lost records of the seventeenth
session's rules (the passive benefits after a person, the heads 主体 and 用户, the condition shared by ranks) on corpus
sentences.  Each sentence is quoted from the corpus text the finding names, or is the finding's reproduction."""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def records(reg, *articles: str) -> set[tuple[str, str | None, str, str]]:
    """(eid, actor, modality, action) of the duties of a text whose articles are given (第一条, 第二条 …)."""
    text = "\n".join(f"第{'一二三四五六七八九'[i]}条 {a}" for i, a in enumerate(articles))
    return {(s.eid, s.actor, s.modality, s.action) for s in extract(parse_text(text, "rules.txt", "text"), reg)}


def parties(reg, *articles: str) -> set[str | None]:
    return {a for _, a, _, _ in records(reg, *articles)}


def test_a_partys_own_arrangement_or_award_is_no_benefit_it_receives(reg):
    """Finding 2: _GRANTED read 安排工作 in 安排工作人员 as the work a person is given, and took any name with a person's
    head — 主体 and 用户 are heads of PERSON_SUFFIXES since the seventeenth session — for one who receives a benefit."""
    assert parties(reg, "燃气经营者应当安排工作人员入户检查。") == {"燃气经营者"}
    assert parties(reg, "当事人应当安排工作人员到场。") == {"当事人"}
    assert parties(reg, "市场主体应当给予奖励。") == {"市场主体"}
    # guards: what a person receives stays passive (北京市征兵工作条例 34, 预备役人员法 (2022) 53, 兵役法 (2021) 50)
    assert not parties(reg, "义务兵退出现役后，应当安排工作。")
    assert not parties(reg, "义务兵应当予以优待。")
    assert not parties(reg, "烈士遗属应当予以抚恤。")


def test_each_rank_keeps_a_condition_stated_before_fu_service(reg):
    """Finding 8: 预备役人员法 (2022) 54 lost 预备役军士 — 军士 was no head, so 预备役军士服预备役满…… had no name before 服 (a
    name right before a modal word needs none: 预备役军士应当…… was found)."""
    got = parties(reg, "预备役军士服预备役满本衔级最低年限的，不得退出预备役。")
    assert got == {"预备役军士"}
    assert parties(reg, "预备役军官、预备役军士服预备役期间应当参加训练。") == {"预备役军官", "预备役军士"}


def test_a_defined_zhuti_keeps_its_level_words_out_and_its_party(reg):
    """Finding 3: 重庆市行政执法责任制条例 (2010) 2 and 3 lost 行政执法主体 (本市 / nothing) when 主体 became a person's head:
    a person's name is short and keeps no level.  主体 is a body's head (市场主体, 行政执法主体 are no persons): the levels
    before it are read as before 部门."""
    got = records(reg, "本市各级行政执法主体均应遵守本条例。本条例所称行政执法主体，是指市和区县（自治县）、乡（镇）行政机关。",
                  "市和区县（自治县）、乡（镇）行政执法主体均应建立行政执法责任制。",
                  "本市各级检查主体应当遵守本条例。本条例所称检查主体，是指行政机关。")
    assert {(e[:5], a) for e, a, _, _ in got} == {("art_1", "行政执法主体"), ("art_2", "行政执法主体"), ("art_3", "检查主体")}
    # guards: the refusals of the head stay (农民和农业经营主体: 主体 closes the last member only; 主体工程 is a thing)
    assert "农民和农业经营主体" not in parties(reg, "农民和农业经营主体应当保护耕地。")
    assert parties(reg, "民事主体从事民事活动，应当遵循诚信原则。") == {"民事主体"}
    assert not parties(reg, "主体工程应当按期完工。") - {None}


def test_a_condition_opened_by_its_party_names_the_party_of_the_clause_after_it(reg):
    """Finding 4: 邮政法 (2015) 32 p2 gave the four parties of the sentence before the duty of 单位用户 (the condition X……的，
    named no subject, so the last one was carried).  Only a known party or a known kind of one opens such a condition:
    a name discovery makes up there is mostly a verb and its object (处理个人信息的, 教唆他人犯罪的)."""
    got = records(reg, "机关、企业事业单位、住宅小区管理单位等应当为邮政企业投递邮件提供便利。单位用户地址变更的，应当及时通知邮政企业。")
    assert {a for _, a, _, act in got if act == "及时通知邮政企业"} == {"单位用户"}
    assert parties(reg, "单位用户地址变更的，应当及时通知邮政企业。") == {"单位用户"}
    assert parties(reg, "业主是自然人的，应当符合下列条件。") == {"业主"}        # beijing-wuye 39 p3's gold
    # guards: a verb and its object, a breach and a state of the party name no party of the clause after them (公共图书馆终止的
    # and the one-sentence 当事人改正的 below hold without 终止 / 改正 too — the head 馆, the duty stated before: code review
    # 25 finding 3; test_obligations_review25 pins those words)
    for s in ("处理个人信息的，应当遵循合法、正当、必要原则。", "教唆他人犯罪的，应当按照他在共同犯罪中所起的作用处罚。",
              "人民警察违犯警纪的，可以给予警衔降级的处分。", "公共图书馆终止的，应当依照有关规定处理其剩余财产。",
              "子女死亡的，可以再生育至三个子女。"):
        assert not parties(reg, s) - {None}, s
    # the clause after it answers another's act: the party is named again in it, or the condition is its correction
    # (北京市实施道路交通安全法办法 68, 北京市城乡规划条例 66 p2: the body before is carried, not the party)
    assert "当事人" not in parties(reg, "公安机关交通管理部门应当确定当事人的责任。当事人有过错的，应当确定当事人有责任。")
    assert parties(reg, "执法机关作出责令限期改正决定的，应当通知规划自然资源主管部门；当事人改正的，应当及时通知规划自然资源主管部门。") \
        == {"执法机关"}
    # but 被申请人 is another party (民事诉讼法 (2023) 110 p2)
    assert parties(reg, "申请人败诉的，应当赔偿被申请人因先予执行遭受的财产损失。") == {"申请人"}


def test_an_identity_is_no_duty_and_a_related_zhuti_is_a_party(reg):
    """Finding 5: 重庆市土地房屋权属登记条例 (2021) 5 p2 gave 建（构）筑物权利主体 the obligation 一致 (the owners must be the
    same: no act); 广东省人力资源市场条例 (2021) 40 p3 gave the bare head 主体 for 相关主体 (now 有关主体, as 相关单位 is 有关单位)."""
    assert not parties(reg, "土地及其范围内的建（构）筑物权利主体应当一致。") - {None}
    assert parties(reg, "相关主体应当予以配合。") == {"有关主体"}
