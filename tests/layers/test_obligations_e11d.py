"""Twenty-first session (issue 11, engineer 11d): false records.

The tuning set's false records (duty_misses' classes ``false_node`` and ``false``) were classed by construction
(tests/data/obligations/README.md, "False records (twenty-first session, engineer e11d)").  The class handled here: a
policy statement of 国家 / 本市 (国家建立……制度。, 本市实行……制度。: no modal word, no duty of the state's, the policy
convention) carried its subject into the next sentence, whose modal word is a thing's or an unnamed party's, so the
state got a duty the gold files never record.  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_a_policy_statement_carries_no_state_into_the_next_sentence(reg):
    """国防法 49, 循环经济促进法 47, 农村土地承包法 27 p2, 北京市绿色建筑发展条例 28: 国家 / 本市 + a policy verb, 。, then a
    sentence whose subject is a thing (战略物资储备应当……) or written nowhere (不得以……; 使用财政性资金进行采购的，应当……)."""
    for sentence, state in (
            ("国家建立战略物资储备制度。战略物资储备应当规模适度、储存安全、调用方便、定期更换，保障战时的需要。", "国家"),
            ("国家实行有利于循环经济发展的政府采购政策。使用财政性资金进行采购的，应当优先采购节能、节水、节材和有利于保护环境的产品"
             "及再生产品。", "国家"),
            ("国家保护进城农户的土地承包经营权。不得以退出土地承包经营权作为农户进城落户的条件。", "国家"),
            ("本市实行绿色建筑标识制度。政府性资金参与投资建设的新建大型公共建筑应当申请绿色建筑标识，鼓励其他新建建筑申请绿色建筑标识。"
             "绿色建筑标识应当挂置在建筑的显著位置。", "本市")):
        got = actors(reg, sentence)
        assert not any(a == state for a, _ in got), (sentence, got)


def test_the_state_keeps_what_it_states(reg):
    """The state's own duty stays: its modal word (国家可以决定实行戒严, 戒严法 2) and its grant (本市对……给予表彰奖励,
    北京市节约用水办法 7 p2, the lead's grant convention); the rule asks only a sentence that gave its policy subject nothing."""
    assert ("国家", "permission") in actors(reg, "在发生严重危及国家的统一、安全或者社会公共安全的动乱、暴乱或者严重骚乱，"
                                                  "不采取非常措施不足以维护社会秩序、保护人民的生命和财产安全的紧急状态时，"
                                                  "国家可以决定实行戒严。")
    assert ("本市", "obligation") in actors(reg, "本市对在节水工作中做出突出贡献的单位和个人，按照国家和本市有关规定给予表彰奖励。")


def test_a_next_sentence_opening_with_the_policy_verb_goes_on_with_the_policy(reg):
    """北京市实施《节约能源法》办法 20, 农业法 (2012) 28: 本市 / 国家 + a policy, 。, then 支持X…… with no subject — the state's
    support of X is a relation the text states (the corpus diff of the rule above lost four such relations)."""
    from kb.layers.obligations import relations
    from kb.text.parse import parse_text
    for sentence, support in (
            ("本市建立和完善节能服务体系。支持节能服务机构开展节能咨询、设计、评估、检测、审计、认证等活动，开展节能知识宣传和"
             "节能技术培训，提供节能信息、节能示范和其他公益性节能服务。", ("本市", "支持", "节能服务机构")),
            ("国家鼓励和支持发展多种形式的农产品流通活动。支持农民和农民专业合作经济组织按照国家有关规定从事农产品收购、批发、贮藏、"
             "运输、零售和中介活动。", ("国家", "支持", "农民和农民专业合作经济组织"))):
        doc = parse_text("第一条 " + sentence, "rules.txt", "text")
        assert support in {(r.from_, r.relation, r.to) for r in relations(doc, reg)}, sentence
