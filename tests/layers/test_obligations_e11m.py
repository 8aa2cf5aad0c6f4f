"""Nineteenth session (issue 11, engineer 11m): which party a clause gets — an item that names its own party.

The tuning set's "act given to another party" misses (216 over 93 texts, kb's record of the act paired with another gold
duty) are, read one by one, mostly not a carried party beating a written one: in 174 of them kb's record is a gold duty of
its own party, and the gold gives the same act to a second party kb has no record for.  One general class of them is a
list of steps whose items open with the party that does the step (……应当按照下列程序办理：（一）申请人……提出申请；（二）
乡（镇）人民政府……报……): kb carried the lead-in's duty to each item and read no item's own party, which stated its act
without a modal word.  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_an_item_of_a_list_of_steps_opening_with_its_party_gives_it_the_step(reg):
    """重庆市村镇规划建设管理条例 19, 重庆市实施《村民委员会组织法》办法 29, 重庆市市容环境卫生管理条例 21: nothing of the
    item's party before."""
    got = actors(reg, "乡镇企业、乡村公共设施、公益事业建设和农村集中居民点建设，应当符合乡规划、村规划，并按照以下程序办理乡村"
                      "建设规划许可证：\n（一）建设单位或者个人持申请书、村民委员会意见、土地主管部门有关使用土地的证明文件等法律、"
                      "法规规定需要的材料向乡（镇）人民政府提出申请。\n（二）乡（镇）人民政府自受理之日起三个工作日内将初审意见报"
                      "城乡规划主管部门。")
    assert {("个人", "obligation"), ("乡（镇）人民政府", "obligation")} <= got
    got = actors(reg, "村务公开按照下列程序进行：\n（一）村民委员会依法提出村务公开的具体方案；\n（四）村民委员会按照规定的形式和"
                      "时间公布公开方案确定的内容，并报乡、民族乡、镇人民政府备案。")
    assert ("村民委员会", "obligation") in got
    got = actors(reg, "申请临时占道，按下列程序办理：\n（一）申请人持有效证明向所在区县（自治县）市政设施主管部门提出申请；")
    assert ("申请人", "obligation") in got


def test_an_item_of_a_list_of_things_or_persons_names_no_party_of_its_own(reg):
    """The guards the corpus diff asked for: a list of matters a body may rule on (立法法 (2023) 72 p2), of persons whose
    office a body may revoke (北京市人大常委会任免国家机关工作人员条例 (2023) 26), of ways (行政许可法 13)."""
    got = actors(reg, "行政法规可以就下列事项作出规定：\n（一）为执行法律的规定需要制定行政法规的事项；\n（二）宪法第八十九条规定的"
                      "国务院行政管理职权的事项。")
    assert ("国务院", "obligation") not in got
    got = actors(reg, "市人大常委会可以撤销下列本市国家机关工作人员的职务：\n（二）市人民政府个别副市长和秘书长，市人民政府组成部门的"
                      "局长、主任。")
    assert ("市人民政府", "obligation") not in got
    got = actors(reg, "本法第十二条所列事项，通过下列方式能够予以规范的，可以不设行政许可：\n（一）公民、法人或者其他组织能够自主"
                      "决定的；")
    assert ("公民", "obligation") not in got
