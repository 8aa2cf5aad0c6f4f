"""What kb search searches by default: the whole knowledge base (each regulation's latest version),
not the default regulation the commands that read one text start from; the README says the same."""
from __future__ import annotations

import json
import re
import shutil

from conftest import ROOT, run_kb

REGS = ["suining-community", "城市居民委员会组织法"]


def test_search_covers_every_regulation_and_the_readme_says_so(tmp_path, capsys):
    proj = tmp_path / "proj"
    for reg in REGS:
        shutil.copytree(ROOT / "regulation" / reg, proj / "regulation" / reg)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    rc, out, err = run_kb(["search", "居民委员会", "--literal", "-n", "0", "--format", "json"], proj, capsys)
    assert rc == 0, err
    regs = {h["regulation"] for h in json.loads(out)["hits"]}
    assert regs == set(REGS), regs
    rc, out, err = run_kb(["search", "居民委员会", "--literal", "-n", "0", "--format", "json",
                           "-r", "城市居民委员会组织法"], proj, capsys)
    assert rc == 0 and {h["regulation"] for h in json.loads(out)["hits"]} == {"城市居民委员会组织法"}
    # the README's rule for the default scope names kb search as searching every regulation
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rule = re.search(r"读取知识库的命令都接受.*?。(.*?)\n\n", readme, re.S)
    assert rule and "`kb search`" in rule.group(0) and "每部法规的最新版本" in rule.group(0), rule


# ---------------------------------------------------------------- review newcomer 2, items 1 and 7

PEERS = ["suining-community", "北京市物业管理条例", "清远市住宅小区物业管理条例"]


def _peers(tmp_path):
    proj = tmp_path / "proj"
    for reg in PEERS:
        shutil.copytree(ROOT / "regulation" / reg, proj / "regulation" / reg)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    return proj


def _heads(out: str) -> list[str]:
    return [l for l in re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines() if re.match(r"\s*\d+\. ", l)]


def test_every_hit_names_its_regulation_and_version_also_when_all_fall_in_one(tmp_path, capsys):
    proj = _peers(tmp_path)
    # one hit, in 北京市物业管理条例 alone: the line said only "第五十四条第二款  第 489 行"
    rc, out, err = run_kb(["search", "物业管理委员会主任"], proj, capsys)
    assert rc == 0, err
    (head,) = _heads(out)
    assert head.startswith(" 1. 第五十四条第二款  北京市物业管理条例@2024-03-29（"), head
    # many hits of one regulation, and the hits of a search narrowed to one regulation, too
    for args in (["业主大会", "-n", "0", "-r", "清远市住宅小区物业管理条例"], ["社区矫正"]):
        rc, out, err = run_kb(["search", *args, "--format", "json"], proj, capsys)
        hits = json.loads(out)["hits"]
        assert rc == 0 and len({h["regulation"] for h in hits}) == 1, err
        rc, out, err = run_kb(["search", *args], proj, capsys)
        heads = _heads(out)
        assert len(heads) == len(hits) and all(f"  {h['title']}@{h['version']}（" in l for h, l in zip(hits, heads))
    # a citation's provision says which regulation it is from
    rc, out, err = run_kb(["search", "第五十四条第二款", "-r", "北京市物业管理条例"], proj, capsys)
    assert rc == 0 and re.sub(r"\x1b\[[0-9;]*m", "", out).splitlines()[0].startswith(
        "第五十四条第二款  北京市物业管理条例@2024-03-29（"), out


def test_a_citation_without_di_finds_mentions_of_that_article_only(tmp_path, capsys):
    proj = _peers(tmp_path)

    def mentions(q):
        rc, out, err = run_kb(["search", q, "-n", "0", "--format", "json"], proj, capsys)
        assert rc == 0, err
        return {(h["regulation"], h["article"]) for h in json.loads(out)["hits"]}

    bare = mentions("十五条")
    # 清远 第六十条 cites 第三十五条第二款, 北京 第九十二条 cites 第六十五条: neither cites article 15
    assert ("清远市住宅小区物业管理条例", 60) not in bare and ("北京市物业管理条例", 92) not in bare
    assert bare == mentions("第十五条") == mentions("第15条")
    # the articles that do cite them are found by the citation with or without 第
    assert ("清远市住宅小区物业管理条例", 60) in mentions("三十五条") == mentions("第三十五条")
    assert ("北京市物业管理条例", 92) in mentions("六十五条") == mentions("第65条")
    assert mentions("三十五条第二款") == mentions("第三十五条第二款") != set()
    rc, out, err = run_kb(["search", "三十五条"], proj, capsys)
    assert "提到“第三十五条”的条文：" in out
