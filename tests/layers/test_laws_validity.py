"""Which laws are no longer in force (kb.layers.laws.validity): the table in the repo and a
regulation's own meta.yml, and the successor in force."""
from __future__ import annotations

import yaml

from kb.layers.laws import (REPEALED, VALIDITY_TABLE, match_key, successor_in_force, validity,
                            validity_table)


def test_the_civil_code_replaced_the_laws_it_repealed():
    for short in ("物权法", "合同法", "民法通则", "婚姻法", "继承法", "侵权责任法", "担保法", "收养法"):
        v = validity(f"《{short}》")
        assert v is not None and v.validity == REPEALED and v.repealed == "2021-01-01", short
        assert successor_in_force(v) == "中华人民共和国民法典"


def test_a_successor_that_was_replaced_in_turn_is_followed():
    v = validity("中华人民共和国经济合同法")
    assert v.successor == "中华人民共和国合同法"
    assert successor_in_force(v) == "中华人民共和国民法典"


def test_laws_in_force_are_not_listed_and_repeal_without_successor():
    assert validity("中华人民共和国民法典") is None
    assert validity("中华人民共和国城市居民委员会组织法") is None
    assert successor_in_force(validity("中华人民共和国农业税条例")) is None


def test_every_entry_is_well_formed():
    raw = yaml.safe_load(VALIDITY_TABLE.read_text(encoding="utf-8"))["laws"]
    assert len(validity_table()) == len(raw), "a title is listed twice"
    for e in raw:
        assert e["validity"] == REPEALED and str(e["repealed"])[:2] in ("19", "20")
        assert e["title"] and "《" not in e["title"]
        if e["successor"]:
            assert match_key(e["successor"]) != match_key(e["title"])


def test_a_regulation_meta_yml_wins_over_the_table(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    reg = tmp_path / "regulation" / "old"
    reg.mkdir(parents=True)
    (reg / "meta.yml").write_text("title: 某某市养犬管理规定\nvalidity: 已废止\nrepealed: 2020-05-01\n"
                                  "successor: 某某市养犬管理条例\nversions: []\n", encoding="utf-8")
    v = validity("某某市养犬管理规定", tmp_path)
    assert (v.validity, v.repealed, v.successor) == (REPEALED, "2020-05-01", "某某市养犬管理条例")
    assert v.source.endswith("meta.yml")
    assert validity("某某市养犬管理规定") is None


def test_the_knowledge_bases_validity_is_read_once_and_again_when_a_meta_yml_changes(tmp_path, monkeypatch):
    """kb check asks for every law a text cites: the meta.yml files are read once, not for each citation (a
    corpus-wide check spent half its time reading them), and read again when one of them changes."""
    import kb.layers.laws as laws

    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    reg = tmp_path / "regulation" / "old"
    reg.mkdir(parents=True)
    meta = reg / "meta.yml"
    meta.write_text("title: 某某市养犬管理规定\nvalidity: 有效\nversions: []\n", encoding="utf-8")
    reads = []
    real = laws._read_kb_validity
    monkeypatch.setattr(laws, "_read_kb_validity", lambda root: reads.append(root) or real(root))
    for _ in range(3):
        assert validity("某某市养犬管理规定", tmp_path).in_force
    assert len(reads) == 1
    meta.write_text("title: 某某市养犬管理规定\nvalidity: 已废止\nrepealed: 2020-05-01\nversions: []\n", encoding="utf-8")
    assert not validity("某某市养犬管理规定", tmp_path).in_force and len(reads) == 2
