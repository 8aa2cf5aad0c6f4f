"""kb.dev.term_nouns lists the term uses the another-noun rule takes away: on the seed, 社区矫正, 社区教育 and
社区就业, and nothing else."""
from __future__ import annotations

import shutil

from conftest import SHARED_SEED, need_shared


def test_the_rule_takes_away_exactly_the_three_uses_of_the_seed(tmp_path, capsys):
    from kb.dev.term_nouns import main

    need_shared()
    shutil.copy(SHARED_SEED, tmp_path / "seed.md")
    shutil.copy(SHARED_SEED, tmp_path / "skipped.md")
    assert main([str(tmp_path), "--skip", "skipped"]) == 0
    out = capsys.readouterr()
    rows = [line.split("\t") for line in out.out.splitlines()]
    assert [(r[1], r[2], r[3][r[3].index("]") + 1:][:2]) for r in rows] == [
        ("art_15__para_1__point_1", "社区", "矫正"), ("art_15__para_1__point_1", "社区", "教育"),
        ("art_24__para_1", "社区", "就业")]
    assert "1 个文本，90 处术语使用，规则去掉 3 处" in out.err


def test_the_listing_leaves_no_uses_without_the_rule_in_the_layer_cache(tmp_path, monkeypatch, capsys):
    """The listing finds the uses with the rule switched off; the layer cache must not keep those as the text's uses
    (the final review: kb define 社区 counted 48 instead of 45 after the listing had run)."""
    from kb.dev.term_nouns import main
    from kb.layers import cache
    from kb.layers.links.terms import term_uses
    from kb.text.parse import parse_file

    need_shared()
    monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / "cache"))
    (tmp_path / "corpus").mkdir()
    shutil.copy(SHARED_SEED, tmp_path / "corpus" / "seed.md")
    assert main([str(tmp_path / "corpus")]) == 0
    capsys.readouterr()
    cache._memory.clear()
    uses = term_uses(parse_file(str(tmp_path / "corpus" / "seed.md")))
    assert sum(u.term == "社区" for u in uses) == 45
