"""Twenty-second session (issue 11, engineer e11g): two classes of the tuning set's duty differences.

Classed by construction (``python -m kb.dev.duty_misses -v`` on the 271 tuning texts, round 33's eight read first;
tests/data/obligations/README.md, "Penalties after 可以, bans that name their party (twenty-second session, engineer
e11g)"):

- *a body's penalty after 可以 in a liability clause* (……由X责令改正，并可以处……罚款): SANCTION_V reads the twelve characters
  after the modal word, so 处 + a long measure before 罚款, 暂停, 查封, 扣押, 强制执行 made the body's permission where every
  tuning file records its sanction (29 records in 15 texts);
- *a ban that names its party by a name the lexicon lacks* (禁止施工单位……, 禁止监理单位……, 严禁体育经营者……): the party was
  looked for in the lexicon only, so the ban was kept among the statements without an actor (23 gold duties in 15 texts).

The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from kb.layers.obligations import extract
from kb.text.parse import parse_text
from test_obligations_round28 import actors, records
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def test_a_penalty_after_keyi_of_the_body_that_sanctions_is_its_sanction(reg):
    """北京市征兵工作条例 40, 重庆市专利促进与保护条例 29, 北京市殡葬管理条例 26, 注册会计师法 (2014) 39 p2, 北京市建设工程质量
    条例 82: the body that 责令改正 (or 给予警告) goes on with 可以 / 可 + its penalty — the fine, 强制执行, 暂停 — in the same
    sentence; the gold files record a sanction, kb recorded a permission."""
    for sentence, body in (
            ("违反本条例第十五条第三款规定，转借、涂改、伪造和变造《北京市公民兵役证》逃避兵役登记的，由区、县人民政府责令改正，"
             "并可以处年优待金标准l至3倍罚款。", "区人民政府"),
            ("擅自启封、处理被扣押物品的，由市专利管理部门责令改正，并可处被扣押物品价值一倍以上三倍以下的罚款。", "专利管理部门"),
            ("违反本条例第七条第一款、第十九条第三款的规定，火葬地区内死者的遗体不实行火化，或者在公墓以外修墓立碑的，由民政部门"
             "责令限期改正；拒不改正的，可以强制执行。", "民政部门"),
            ("注册会计师违反本法第二十条、第二十一条规定的，由省级以上人民政府财政部门给予警告；情节严重的，可以由省级以上人民政府"
             "财政部门暂停其执行业务或者吊销注册会计师证书。", "财政部门"),
            ("违反本条例第二十四条规定，建设单位将一个单位工程发包给两个以上的施工单位，或者将预拌混凝土直接发包的，由住房城乡建设"
             "或者专业工程行政主管部门责令改正，处单位工程合同价款百分之零点五以上百分之一以下的罚款；对全部或者部分使用国有资金的"
             "项目，可以暂停项目执行或者资金拨付。", "专业工程部门")):
        got = actors(reg, sentence)
        assert (body, "sanction") in got and (body, "permission") not in got, (sentence, got)


def test_a_permission_outside_a_sanction_stays(reg):
    """海事诉讼特别程序法 16, 护照法 15: a court's or a body's 可以责令 / 可以扣押 with no sanction of its own before it in the
    sentence is its permission (the gold files record one)."""
    assert ("海事法院", "permission") in actors(reg, "海事法院受理海事请求保全申请，可以责令海事请求人提供担保。"
                                                  "海事请求人不提供的，驳回其申请。")
    got = actors(reg, "人民法院、人民检察院、公安机关、国家安全机关、行政监察机关因办理案件需要，可以依法扣押案件当事人的护照。")
    assert ("人民法院", "permission") in got and not any(m == "sanction" for _, m in got)


def test_a_ban_names_its_party_the_lexicon_lacks(reg):
    """北京市建设工程质量条例 34, 建筑法 (2019) 28: 禁止 + a party the text names again + its act — the party is banned (the
    gold files record it); it was a statement without an actor."""
    got = records(reg, "禁止施工单位允许其他单位或者个人通过挂靠方式，以本单位的名义承揽工程。禁止施工单位通过挂靠方式，"
                       "以其他施工单位的名义承揽工程。")
    assert ("施工单位", "prohibition", "允许其他单位或者个人通过挂靠方式，以本单位的名义承揽工程") in got
    assert ("施工单位", "prohibition", "通过挂靠方式，以其他施工单位的名义承揽工程") in got
    got = actors(reg, "禁止承包单位将其承包的全部建筑工程转包给他人，禁止承包单位将其承包的全部建筑工程肢解以后以"
                      "分包的名义分别转包给他人。")
    assert ("承包单位", "prohibition") in got


def test_a_ban_read_once_names_no_party(reg):
    """宪法 49 p4, 合同编 791 p3: words after 禁止 that end in a person's head but are the act (虐待老人) or a name the text
    writes only there are no party; and the party the last ban found is not carried to the next ban's sentence
    (禁止分包单位将其承包的工程再分包 is no duty of 承包人)."""
    got = actors(reg, "禁止破坏婚姻自由，禁止虐待老人、妇女和儿童。")
    assert not any(a and a.startswith(("虐待", "破坏")) for a, _ in got), got
    doc = parse_text("第一条 禁止承包人将工程分包给不具备相应资质条件的单位。禁止分包单位将其承包的工程再分包。"
                     "建设工程主体结构的施工必须由承包人自行完成。", "rules.txt", "text")
    got = {(s.actor, s.modality, s.action) for s in extract(doc, reg)}
    assert ("承包人", "prohibition", "将工程分包给不具备相应资质条件的单位") in got
    assert not any("再分包" in (act or "") for _, _, act in got), got
    assert not any(a == "单位" for a, _, _ in got), got


def test_a_breach_named_by_its_act_makes_a_liability_clause(reg):
    """护照法 (2006) 17, 北京市实施《渔业法》办法 27, 北京市见义勇为人员奖励和保护条例 20 p2: a condition that names the breach
    by its act (骗取, 阻碍, 打击报复 …) and a body after 由 that punishes or deals with it — outside a chapter of legal liability
    the clause was read as the body's duty; the gold files record its sanction."""
    for sentence, body in (
            ("弄虚作假骗取护照的，由护照签发机关收缴护照或者宣布护照作废；由公安机关处二千元以上五千元以下罚款；构成犯罪的，"
             "依法追究刑事责任。", "公安部门"),
            ("阻碍渔政执法人员依法执行职务的，由公安机关依照《中华人民共和国治安管理处罚法》的规定处罚；构成犯罪的，依法追究刑事"
             "责任。", "公安部门"),
            ("打击报复见义勇为人员的，由有关机关依法处理。", "有关机关")):
        got = actors(reg, sentence)
        assert (body, "sanction") in got and (body, "obligation") not in got, (sentence, got)


def test_a_non_legal_person_is_no_breach(reg):
    """家庭教育促进法 12: 非法人组织 holds 非法 but names no breach — 国家's grant stays its obligation (the lead's decision on
    国家)."""
    assert ("国家", "obligation") in actors(reg, "国家鼓励和支持自然人、法人和非法人组织为家庭教育事业进行捐赠或者提供志愿服务，"
                                               "对符合条件的，依法给予税收优惠。")
