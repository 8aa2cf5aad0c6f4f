"""kb.dev.align_agreement: two hand alignments of one version pair compared link by link."""
from pathlib import Path

import pytest

from kb.dev import align_agreement

HEAD = "# old: a/法(2010-01-01).md\n# new: a/法(2020-01-01).md\n"


def gold(tmp_path: Path, name: str, links: list[tuple[str, str]], head: str = HEAD) -> Path:
    path = tmp_path / name
    path.write_text(head + "".join(f"{o}\t{n}\n" for o, n in links), encoding="utf-8")
    return path


def test_figures_count_links_drawn_by_one_annotator_only(tmp_path, capsys):
    a = gold(tmp_path, "a.tsv", [("第一条", "第一条"), ("第二条", "第三条"), ("第三条", "第四条"), ("第四条", "第五条")])
    b = gold(tmp_path, "b.tsv", [("第一条", "第一条"), ("第二条", "第三条"), ("第三条", "第二条")])
    p, r, f = align_agreement.report([(a, b)], verbose=True)
    assert (round(p, 3), round(r, 3)) == (0.667, 0.5)
    assert round(f, 3) == 0.571
    out = capsys.readouterr().out
    assert "只有 A: 第三条 → 第四条" in out and "只有 B: 第三条 → 第二条" in out


def test_pairs_pool_by_links_not_by_pair(tmp_path):
    a1 = gold(tmp_path, "a1.tsv", [("第一条", "第一条")])
    b1 = gold(tmp_path, "b1.tsv", [])
    a2 = gold(tmp_path, "a2.tsv", [(f"第{i}条", f"第{i}条") for i in range(1, 10)])
    b2 = gold(tmp_path, "b2.tsv", [(f"第{i}条", f"第{i}条") for i in range(1, 10)])
    p, r, _ = align_agreement.report([(a1, b1), (a2, b2)])
    assert p == 1.0 and r == 0.9


def test_files_of_different_pairs_are_refused(tmp_path, capsys):
    a = gold(tmp_path, "a.tsv", [("第一条", "第一条")])
    b = gold(tmp_path, "b.tsv", [("第一条", "第一条")], head="# old: b/x.md\n# new: b/y.md\n")
    assert align_agreement.main([str(a), str(b)]) == 2
    assert "不是同一对版本" in capsys.readouterr().err


def test_every_second_annotation_in_the_repo_has_its_first(capsys):
    seconds = sorted(align_agreement.AGREEMENT.glob("*.tsv"))
    if not seconds:
        pytest.fail(f"{align_agreement.AGREEMENT} holds no second annotation")
    assert [b for _, b in align_agreement.agreement_pairs()] == seconds
    assert align_agreement.main(["--all"]) == 0
    assert "合计" in capsys.readouterr().out or len(seconds) == 1
