"""Laws on other subjects in the knowledge base (newcomer review 5, items 4 and 5): once the corpus's 社会法 laws were
imported, every national law was an upper law of every local regulation by its level alone, so the seed's 表彰奖励
clause found its "upper law" in the 就业促进法 and the 残疾人保障法, and ``kb check --upper`` reported the 北京市物业管理条例's
构成犯罪的，依法追究刑事责任 as a repetition of the 老年人权益保障法 and the 重庆市志愿服务条例's list of bodies as one of
three laws on women, children and the elderly."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import CORPUS, ROOT, need_shared, run_kb

#: corpus files of laws on other subjects than the default knowledge base's (社会法/)
OTHER_SUBJECTS = ("就业促进法(2015-04-24)", "残疾人保障法(2018-10-26)", "老年人权益保障法(2018-12-29)",
                  "妇女权益保障法(2022-10-30)", "未成年人保护法(2024-04-26)")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The default knowledge base with five 社会法 laws added (kb add DIR of copies of the corpus files)."""
    need_shared(CORPUS)
    from kb.library.importer import import_folder

    tmp = tmp_path_factory.mktemp("other-subjects")
    p = tmp / "p"
    shutil.copytree(ROOT / "regulation", p / "regulation")
    shutil.copy(ROOT / "mkdocs.yml", p / "mkdocs.yml")
    src = tmp / "in" / "社会法"
    src.mkdir(parents=True)
    for name in OTHER_SUBJECTS:
        shutil.copy(CORPUS / "社会法" / f"{name}.md", src)
    report = import_folder(p, tmp / "in")
    assert len(report.imported) == len(OTHER_SUBJECTS) and not report.refused
    return p


def _upper_laws(out: str) -> set[str]:
    return {r["regulation"] for r in json.loads(out)["related"] if r["kind"] == "upper"}


def test_a_clause_of_the_same_form_on_another_subject_is_no_upper_law(project, capsys):
    """Item 5: the seed's 第九条 (表彰奖励 of 社区发展治理) had no upper law before the import ("上位法：无"); after it,
    就业促进法第十条 and 残疾人保障法第十三条 (对…做出显著成绩的单位和个人，给予表彰和奖励) were offered, on the site too."""
    rc, out, err = run_kb(["related", "9", "--kind", "upper", "--format", "json"], project, capsys)
    assert rc in (0, 1), err
    assert _upper_laws(out) == set(), out
    # a law the regulation rests on still counts whatever its topic, and an article on the law's subject finds it
    rc, out, _ = run_kb(["related", "1", "--kind", "upper", "--format", "json"], project, capsys)
    assert "城市居民委员会组织法" in _upper_laws(out), out


def test_boilerplate_and_other_subjects_make_no_repetition_of_upper_law(project, capsys):
    """Item 4: 北京市物业管理条例第一百零二条 (…依法承担民事责任；构成违反治安管理行为的，依法给予治安管理处罚；构成犯罪的，
    依法追究刑事责任) was reported as repeating 老年人权益保障法第七十八条, and 重庆市志愿服务条例第四十条 (国家机关、人民团体、
    企业事业单位…参照本条例执行) as repeating 未成年人保护法第六条, 老年人权益保障法第七条 and 妇女权益保障法第四条.  The
    repetitions of the upper laws these regulations do rest on are still reported (第十一条: 民法典第二百八十六条)."""
    rc, out, err = run_kb(["check", "--upper", "-r", "北京市物业管理条例", "--format", "json"], project, capsys)
    found = {f["citation"] for f in json.loads(out)["findings"]}
    assert "第一百零二条" not in found and "第十一条" in found, out
    rc, out, err = run_kb(["check", "--upper", "-r", "重庆市志愿服务条例", "--format", "json"], project, capsys)
    assert "第四十条" not in {f["citation"] for f in json.loads(out)["findings"]}, out
    # 第七条 (国家机关、人民团体、社会团体、企业事业单位、基层群众性自治组织以及其他组织和个人应当尊重志愿者…) was still
    # reported as repeating 妇女权益保障法第四条 (55%: the list of bodies): the law is not its ground and the article is not on
    # its subject in full (topic 0.034 < REPEAT_TOPIC 0.05), so it is no law the article repeats (newcomer review 5, item 4)
    assert "第七条" not in {f["citation"] for f in json.loads(out)["findings"]}, out
    from kb.library.repeat import boilerplate_letters

    text = "违反本条例规定，造成他人损失的，依法承担民事责任；构成违反治安管理行为的，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任。"
    formula = "".join(text[i] for i in sorted(boilerplate_letters(text)))
    assert "构成犯罪的" in formula and "依法追究刑事责任" in formula and "造成他人损失的" not in formula
