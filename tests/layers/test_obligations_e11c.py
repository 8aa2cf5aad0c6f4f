"""Twenty-first session (issue 11, engineer e11c): lists — the members of a list and the items of a lead-in.

A name the scanner discovers may join two parties with 和 / 及 / 或者 (各级首长和政治机关): it was split only when both
parts ended in a person's head (法官和检察官), so one party 首长和政治机关 was recorded and both members were missed.  A
name whose first part is a field before the shared head stays one (住房和城乡建设部门, 转出和接收单位).  The sentences
are quoted from their corpus texts (none is held out).

A list of broadcasters before a modal word (广播电台、电视台应当……) gave no record: no member is known, no 等 closes the
list, and 台 is no party's head in `coordination._bodies_before_modal` (电台 and 电视台 are now; 台 alone ends things too).
"""
from __future__ import annotations

from test_obligations_rules import reg  # noqa: F401 - the registry shared by the rules' tests (fixture)
from test_obligations_round28 import actors


def test_a_person_and_a_body_joined_in_one_discovered_name(reg):
    """现役军官法 (2000) 11: 首长 ends in a person's head, 政治机关 in a body's: two parties."""
    got = actors(reg, "各级首长和政治机关应当按照分工对所属军官进行考核。")
    assert {("首长", "obligation"), ("政治机关", "obligation")} <= got
    assert not any(a and "和" in a for a, _ in got)


def test_a_field_before_its_head_stays_one_name(reg):
    """Guards: a department whose name holds 和 (住房和城乡建设部门), and fields sharing one head (转出和接收单位: no party
    转出), are not split by the rule."""
    got = actors(reg, "区住房和城乡建设部门应当加强对物业管理活动的监督管理。")
    assert not any(a in ("住房", "城乡建设部门") for a, _ in got)
    got = actors(reg, "转出和接收单位应当遵守国家危险废物转移联单制度和运输管理规定。")
    assert not any(a == "转出" for a, _ in got)


def test_broadcasters_listed_before_a_modal_word(reg):
    """北京市反食品浪费规定 (2021) 22 and 国歌法 13: stations the lexicon lacks, right before 应当, each a party."""
    got = actors(reg, "广播电台、电视台、网络音视频服务提供者应当加强对节目或者音视频信息的审核，不得制作、发布、传播宣扬量大多吃、"
                      "暴饮暴食等浪费行为的节目或者音视频信息。")
    assert {("广播电台", "obligation"), ("电视台", "obligation"), ("网络音视频服务提供者", "obligation")} <= got
    got = actors(reg, "中央和省、自治区、直辖市的广播电台、电视台应当按照国务院广播电视主管部门规定的时点播放国歌。")
    assert {("广播电台", "obligation"), ("电视台", "obligation")} <= got

