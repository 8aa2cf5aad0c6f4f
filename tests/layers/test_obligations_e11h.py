"""Twenty-second session (issue 11, engineer e11h): the persons whose liability a body pursues (追究X的……责任).

A clause that names no violator and whose penalty names the persons makes them liable (the lead's decision (b),
tests/data/obligations/README.md); kb read the persons after 对 + a penalty (对直接负责的主管人员……依法给予处分) but not after
追究 (……的，应当追究责任人员的行政责任; ……，并追究有关责任人员的责任), and a clause ……的，应当追究…… / ……的，视情节和后果，追究……
outside a chapter of legal liability was no liability clause at all.  The gold files record the persons liable where no
violator is named (beijing-shuili-gongcheng 24, 25; geren-duzi-qiye 41) and not where one is (beijing-zhongguancun 66 p2,
geren-duzi-qiye 39).  The sentences are quoted from their corpus texts (none is held out).
"""
from __future__ import annotations

from test_obligations_round28 import actors, records
from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)


def test_the_persons_whose_liability_is_pursued_are_liable(reg):
    """北京市水利工程保护管理条例 24, 25 (a chapter 奖励与惩罚, no liability title), 税收征收管理法 (2015) 84: no violator named,
    the persons after 追究 liable."""
    for sentence in ("对拒不执行防洪调度命令，尚未造成后果的，应当追究责任人员的行政责任；构成犯罪的，依法追究刑事责任。",
                     "在水利工程管理工作中，滥用职权、徇私舞弊、玩忽职守的，视情节和后果，追究责任人员的行政责任或刑事责任。"):
        assert ("责任人员", "liability") in actors(reg, sentence), sentence
    got = actors(reg, "违反法律、行政法规的规定，擅自作出税收的开征、停征或者减税、免税、退税、补税以及其他同税收法律、行政法规相抵触"
                      "的决定的，除依照本法规定撤销其擅自作出的决定外，补征应征未征税款，退还不应征收而征收的税款，并由上级机关追究直接"
                      "负责的主管人员和其他直接责任人员的行政责任；构成犯罪的，依法追究刑事责任。")
    assert ("直接负责的主管人员", "liability") in got and ("其他直接责任人员", "liability") in got


def test_a_named_violators_persons_pursued_stay_unliable(reg):
    """中关村 66 p2 (北京市中关村科技园区条例): the violator is named (行政机关), its persons get nothing, as the gold; 重庆市实施
    《长江三峡工程建设移民条例》办法 66 (in its 法律责任 chapter): persons made liable a sentence before are not pursued again for the graver case."""
    got = actors(reg, "行政机关未履行本条例规定职责的，由上级机关责令改正；情节严重的，由监察机关或者上级机关追究直接责任人和主要负责人"
                      "的行政责任。")
    assert ("行政机关", "liability") in got and not any(m == "liability" and a != "行政机关" for a, m in got), got
    got = [r for r in records(reg, "第一章 法律责任\n第一条 拒绝或拖延接管迁建城镇市政设施、公用设施和专业设施的，由区县（自治县）人民政府责令限期接管；逾期仍不"
                                  "接管的，对直接负责的主管人员和直接责任人员，依法给予行政处分。造成设施毁损或其他损失的，应当依法赔偿，"
                                  "并追究直接负责的主管人员和直接责任人员的相应责任。")]
    assert [a for a, m, _ in got if m == "liability"].count("直接负责的主管人员") == 1, got
