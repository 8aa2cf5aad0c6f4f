"""python3 -m kb.dev.obligation_agreement: the agreement of two hand annotations of one text."""
from pathlib import Path

import yaml

from conftest import need_shared
from kb.dev import obligation_agreement as oa
from kb.dev import paths

SEED = paths.DATA / "obligations" / "seed.yml"


def test_a_file_agrees_with_itself():
    res = oa.agreement(SEED, SEED)
    for k in ("s3", "s5", "duty"):
        assert res[k].fp == res[k].fn == 0 and res[k].tp > 0
    assert res["only_a"] == res["only_b"] == []


def test_a_duty_one_annotator_left_out_is_a_disagreement(tmp_path):
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    art, rows = next((a, r) for a, r in data["articles"].items() if r and len(r) == 1)
    removed = rows[0]
    data["articles"][art] = []
    b = tmp_path / "b.yml"
    b.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    res = oa.agreement(SEED, b)
    assert res["duty"].fn == 1 and res["duty"].fp == 0
    assert len(res["only_a"]) == 1 and res["only_a"][0][0] == str(art) and res["only_a"][0][2] == removed["m"]
    assert res["only_b"] == []
    # symmetric: swapping the files swaps P and R
    back = oa.agreement(b, SEED)
    assert (back["duty"].p, back["duty"].r) == (res["duty"].r, res["duty"].p)


def test_files_of_different_texts_are_refused(tmp_path, capsys):
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["source"] = "regulation/other/draft.txt"
    b = tmp_path / "b.yml"
    b.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert oa.main([str(SEED), str(b)]) == 2
    assert "不是同一个文本" in capsys.readouterr().err
    assert oa.main([str(SEED)]) == 2


def test_the_second_annotations_are_of_the_texts_they_are_named_for():
    need_shared(paths.shared_dir())     # the agreement texts are corpus files
    second = sorted((paths.DATA / "obligations" / "agreement").glob("*-second.yml"))
    assert len(second) == 57      # round 17 added 北京市接诉即办工作条例 and 广东省版权条例 (2026-12-05, sixth session), round 18
    # 北京市实施《民办教育促进法》办法 and 广东省母婴保健管理条例 (seventh session), round 19 公证法 and 重庆市村镇供水条例 (eighth),
    # round 20 出口管制法 and 北京市推进京津冀社会保障卡一卡通规定 (ninth, 2026-12-06), round 21 银行业监督管理法 and
    # 重庆市防汛抗旱条例 (tenth), round 22 青藏高原生态保护法 and 北京市专利保护和促进条例 (eleventh), round 23
    # 预防未成年人犯罪法 and 广东省中新广州知识城条例 (twelfth), round 24 中关村国家自主创新示范区条例 and 台湾同胞投资保护法
    # (thirteenth), round 25 标准化法, 重庆市实施《水土保持法》办法 and 重庆市食品生产加工小作坊和食品摊贩管理条例 (fourteenth), round 26 北京市自动驾驶汽车条例,
    # 烟叶税法 and 循环经济促进法 (fifteenth), round 27 进出境动植物检疫法, 北京市公园条例 and 石油天然气管道保护法 (sixteenth), round 28
    # 北京市古树名木保护管理条例, 广东省海域使用管理条例 and 北京市人民防空条例 (seventeenth, 2026-12-07), round 29 河源市暴雨灾害
    # 预警与响应条例, 劳动争议调解仲裁法 and 律师法 (eighteenth, 2026-12-07), round 30 北京市危险废物污染环境防治条例,
    # 北京市宗教事务条例 and 航道法 (nineteenth, 2026-12-07), round 31 枪支管理法, 重庆市国家教育考试条例 and 煤炭法 (twentieth),
    # round 32 国籍法, 北京市实施《动物防疫法》办法 and 北京市技术市场条例 (twenty-first), round 33 英雄烈士保护法 and
    # 北京市单用途预付卡管理条例 (twenty-second)
    for f in second:
        ref = paths.DATA / "obligations" / (f.stem.removesuffix("-second") + ".yml")
        res = oa.agreement(ref, f)            # refuses two different texts
        # a copy of another text scores near 0; two real annotations of one text agree at 0.77 (国家通用语言文字法,
        # round 13: the annotators differ on 有……的权利 and on declaratives of schools and broadcasters) to 1.0
        assert res["s3"].tp > 0 and res["duty"].f1 > 0.7, f.name


def test_pooled_agreement_sums_the_counts_of_the_pairs(tmp_path, capsys):
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    art = next(a for a, r in data["articles"].items() if r and len(r) == 1)
    data["articles"][art] = []
    b = tmp_path / "b.yml"
    b.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    one, two = oa.agreement(SEED, SEED), oa.agreement(SEED, b)
    tot = oa.pooled([one, two])
    for k in oa.MEASURES:
        assert (tot[k].tp, tot[k].fp, tot[k].fn) == (one[k].tp + two[k].tp, one[k].fp + two[k].fp,
                                                     one[k].fn + two[k].fn)
    assert tot["duty"].fn == 1 and 0 < tot["duty"].r < 1
    assert oa.main([str(SEED), str(SEED), str(SEED), str(b)]) == 0
    out = capsys.readouterr().out
    assert "pooled over 2 pairs" in out and f"{tot['s3'].f1:6.3f}" in out.split("pooled over")[1]
    assert oa.main([str(SEED), str(SEED), str(SEED)]) == 2      # an odd number of files is no set of pairs


def test_all_pools_every_second_copy_in_the_repository(capsys):
    need_shared(paths.shared_dir())     # the agreement texts are corpus files
    assert len(oa.second_copies()) == 57
    assert oa.main(["--all"]) == 0
    out = capsys.readouterr().out
    assert out.count("A = ") == 57 and "pooled over 57 pairs" in out
