"""kb.dev.related_agreement: two hand annotations of related provisions compared as kb's answers are scored."""
from pathlib import Path

import pytest

from kb.dev import related_agreement

LAW = "宪法相关法/城市居民委员会组织法(2018-12-29).md"
PEER = "DLC/北京地方法规/地方性法规/北京/北京市物业管理条例(2024-03-29).md"


def ann(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text("corpus: x/清远.md\nset: tuning\narticles:\n" + body, encoding="utf-8")
    return path


def test_first_answer_and_first_three_as_score_related_counts_them(tmp_path, capsys):
    a = ann(tmp_path, "a.yml", f"  1:\n    upper: [{LAW}#第三条]\n    peer: none\n"
                               f"  2:\n    upper: [{LAW}#第四条, {LAW}#第五条]\n    peer: [{PEER}#第7条]\n")
    b = ann(tmp_path, "b.yml", f"  1:\n    upper: [{LAW}#第二条, {LAW}#第3条]\n    peer: none\n"
                               f"  第二条:\n    upper: [{LAW}#第五条]\n    peer: none\n")
    res = related_agreement.report([(a, b)], verbose=True)
    # B against A: upper — art 1 first answer 第二条 not accepted (but 第三条 within three), art 2 right
    assert res[("B 对照 A", "upper")] == (0.5, 1.0)
    # peer — art 1 both none (right), art 2 B says none where A has an answer
    assert res[("B 对照 A", "peer")] == (0.5, 0.0)
    # A against B: upper — art 1 A's 第三条 is in B's list, art 2 第四条 is not; R@3 both reached
    assert res[("A 对照 B", "upper")] == (0.5, 1.0)
    assert "第2条 参照" in capsys.readouterr().out


def test_annotations_of_different_texts_are_refused(tmp_path, capsys):
    a = ann(tmp_path, "a.yml", f"  1:\n    upper: none\n")
    b = tmp_path / "b.yml"
    b.write_text("corpus: y/其他.md\narticles:\n  1:\n    upper: none\n", encoding="utf-8")
    assert related_agreement.main([str(a), str(b)]) == 2
    assert "不是同一个文本" in capsys.readouterr().err


def test_every_second_annotation_in_the_repo_has_its_first():
    seconds = sorted(related_agreement.AGREEMENT.glob("*.yml")) + sorted((related_agreement.AGREEMENT / "outside-kb").glob("*.yml"))
    if not seconds:
        pytest.fail(f"{related_agreement.AGREEMENT} holds no second annotation")
    assert [b for _, b in related_agreement.agreement_pairs()] == seconds
    assert related_agreement.main(["--all"]) == 0


@pytest.mark.parametrize("body", ["  1:\n    upper: [未闭合\n", "  1:\n    本法规其他版本: none\n", "  1:\n    peer: 第三条\n"])
def test_a_broken_annotation_is_named_not_traced_back(tmp_path, capsys, body):
    a = ann(tmp_path, "a.yml", "  1:\n    upper: none\n")
    b = ann(tmp_path, "b.yml", body)
    assert related_agreement.main([str(a), str(b)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "b.yml" in err and "Traceback" not in err


def test_two_repetition_annotations_compared_as_score_repeat_counts_kb(tmp_path, capsys):
    def rep(name, repeats, checked):
        path = tmp_path / name
        body = "".join(f"  {a}: [{LAW}#第{a}条]\n" for a in repeats)
        path.write_text(f"corpus: x/预算.md\nset: tuning\nrepeats:\n{body}not_repeats_checked: {checked}\n", encoding="utf-8")
        return path

    # A: 2, 4, 6 repeat; B: 2, 4, 7 (and 9, which A did not judge: left out); B's 4 names the same provision
    a = rep("repeat-a.yml", [2, 4, 6], [1, 3, 5, 7, 8])
    b = rep("repeat-b.yml", [2, 4, 7, 9], [1, 3, 5, 6, 8])
    res = related_agreement.report([(a, b)], verbose=True)
    assert res[("B 对照 A", "repeat")] == (2 / 3, 2 / 3) == res[("A 对照 B", "repeat")][::-1]
    out = capsys.readouterr().out
    assert "F1 0.667" in out and "只在 A：第6条；只在 B：第7条" in out and "上位条文一致 2" in out


def test_a_repetition_file_is_not_compared_with_a_related_one(tmp_path, capsys):
    a = ann(tmp_path, "related-a.yml", "  1:\n    upper: none\n")
    b = tmp_path / "repeat-b.yml"
    b.write_text(f"corpus: x/清远.md\nrepeats:\n  1: [{LAW}#第三条]\n", encoding="utf-8")
    assert related_agreement.main([str(a), str(b)]) == 2
    assert "一份是重复标注" in capsys.readouterr().err


def test_a_second_annotation_of_a_text_outside_the_knowledge_base_pairs_with_its_first_in_outside_kb():
    # round 12r's first annotations are in outside-kb/ (tuning since the sixth session of 2026-12-05), its second ones in
    # agreement/outside-kb/ (agreement/ itself stays readable by kb score-related --data: texts of the knowledge base only)
    pairs = dict((b.relative_to(related_agreement.AGREEMENT), a) for a, b in related_agreement.agreement_pairs())
    for name in ("related-heldout-cq-yusuan-jiandu.yml", "repeat-heldout-bj-zhuanxiang-baogao.yml"):
        assert pairs[Path("outside-kb", name)] == related_agreement.DATA / "outside-kb" / name
    assert pairs[Path("related-heldout-qingyuan-wuye.yml")] == related_agreement.DATA / "related-heldout-qingyuan-wuye.yml"
    res = related_agreement.report(list(related_agreement.agreement_pairs()))
    # the repetition agreement of round 12r's two texts, as counted by hand when they were scored (F1 0.839), pooled since
    # the eighth session of 2026-12-05 with round 14r's 北京市测绘条例 (16 and 16 repeats, all in common: F1 1.000) → 0.921,
    # since the ninth (2026-12-06) with round 15r's 北京市邮政通信条例 (9 and 9 repeats, 8 in common: F1 0.889) → 0.914,
    # since the tenth (2026-12-06) with round 16r's 北京市环境噪声污染防治办法 (14 and 13 repeats, 13 in common: F1 0.963) → 0.926,
    # since the eleventh (2026-12-06) with round 17r's 北京市人民防空条例 (27 and 28 repeats, 26 in common: F1 0.945) → 0.933,
    # since the thirteenth (2026-12-06) with round 19r's 北京市实施《节约能源法》办法 (22 and 26 repeats, 21 in common: F1
    # 0.875) → 0.919, since the fourteenth (2026-12-06) with round 20r's 广东省艾滋病防治条例 (1 and 3 repeats, 1 in common:
    # F1 0.500) → 0.912, since the fifteenth (2026-12-06) with round 21r's 北京市居家养老服务条例 (3 and 3 repeats, 2 in
    # common: F1 0.667) → 0.905, since the sixteenth (2026-12-06) with round 22r's 重庆市计量监督管理条例 (7 and 7 repeats, all
    # in common: F1 1.000) → 0.911, since the seventeenth (2026-12-07) with round 23r's 广东省建筑垃圾管理条例 (3 and 2
    # repeats, 2 in common: F1 0.800) → 0.908, since the eighteenth (2026-12-07) with round 24r's 重庆市非物质文化遗产条例
    # (13 and 12 repeats, 12 in common: F1 0.960) → 0.913, since the nineteenth (2026-12-07) with round 25r's
    # 广东省动物防疫条例 (11 and 11 repeats, all in common: F1 1.000) → 0.920, since the twentieth (2026-12-07) with round
    # 26r's 北京市实施《文物保护法》办法 (6 and 6 repeats, 5 in common: F1 0.833) → 0.916, since the twenty-first
    # (2026-12-07) with round 27r's 重庆市防震减灾条例 (11 and 12 repeats, 10 in common: F1 0.870) → 0.913, since the
    # twenty-second (2026-12-07) with round 28r's 北京市统计条例 (3 and 5 repeats, 3 in common: F1 0.750) → 0.909, since the
    # twenty-third (2026-12-07) with round 29r's 重庆市残疾人保障条例 (7 and 10 repeats, 7 in common: F1 0.824) → 0.905,
    # since the twenty-fourth (2026-12-08) with round 30r's 北京市实施《农民专业合作社法》办法 (13 and 11 repeats, 10 in
    # common: F1 0.833) → 0.900
    for name in ("repeat-heldout-bj-cehui.yml", "repeat-heldout-bj-youzheng.yml", "repeat-heldout-bj-zaosheng.yml",
                 "repeat-heldout-bj-renfang.yml", "repeat-heldout-bj-jieneng.yml", "repeat-heldout-gd-aizibing.yml",
                 "repeat-heldout-bj-jujia-yanglao.yml", "repeat-heldout-cq-jiliang.yml",
                 "repeat-heldout-gd-jianzhu-laji.yml", "repeat-heldout-cq-feiyi.yml",
                 "repeat-heldout-gd-dongwu-fangyi.yml", "related-heldout-gd-dongwu-fangyi.yml",
                 "repeat-heldout-bj-wenwu.yml", "related-heldout-bj-wenwu.yml",
                 "repeat-heldout-cq-fangzhen.yml", "related-heldout-cq-fangzhen.yml",
                 "repeat-heldout-bj-tongji.yml", "related-heldout-bj-tongji.yml",
                 "repeat-heldout-cq-canjiren.yml", "related-heldout-cq-canjiren.yml",
                 "repeat-heldout-bj-hezuoshe.yml", "related-heldout-bj-hezuoshe.yml"):
        assert pairs[Path("outside-kb", name)] == related_agreement.DATA / "outside-kb" / name
    p, r = res[("B 对照 A", "repeat")]
    assert round(2 * p * r / (p + r), 3) == 0.900
