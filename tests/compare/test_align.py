"""kb.compare.align on real revisions: hand-made gold alignments (tests/data/diff/*.tsv) scored against the two
baselines; invariants over all 41 version pairs of ../shared/corpus; the 1,260-article 民法典 pair."""
from __future__ import annotations

import glob
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, DATA, SHARED, need_shared

from kb.compare.align import align, normalize
from kb.text.parse import parse_file

GOLD = sorted((DATA / "diff").glob("*.tsv"))


def test_there_are_gold_files_with_a_large_full_revision():
    from kb.dev.score_align import read_gold
    assert len(GOLD) >= 3
    sizes = []
    for g in GOLD:
        o, n, links = read_gold(g)
        assert links
        sizes.append(len(links))
    assert max(sizes) > 50


@pytest.mark.parametrize("gold", GOLD, ids=[g.stem for g in GOLD])
def test_alignment_beats_both_baselines_on_gold(gold):
    need_shared(CORPUS)
    from kb.dev.score_align import prf, read_gold, systems
    o, n, links = read_gold(gold)
    sysres = systems(parse_file(str(CORPUS / o)), parse_file(str(CORPUS / n)))
    ours = prf(sysres["kb.compare.align"], links)
    by_number = prf(sysres["number (baseline)"], links)
    greedy = prf(sysres["greedy 1:1 (baseline)"], links)
    assert ours[0] >= 0.95, f"precision {ours}"
    assert ours[2] > by_number[2]
    assert ours[2] >= greedy[2], (ours, greedy)
    assert ours[1] >= greedy[1]


def _version_pairs():
    if not (SHARED / "corpus" / "version-pairs.txt").exists():
        return []
    out = []
    for pre in (SHARED / "corpus" / "version-pairs.txt").read_text(encoding="utf-8").split():
        files = sorted(glob.glob(str(CORPUS / (glob.escape(pre) + "(*).md"))))
        if (CORPUS / (pre + ".md")).exists():
            files.append(str(CORPUS / (pre + ".md")))
        out += list(zip(files, files[1:]))
    return out


PAIRS = _version_pairs()


def test_all_41_regulations_are_listed():
    need_shared(CORPUS)
    assert len({Path(a).name.split("(")[0] for a, _ in PAIRS}) == 41


@pytest.mark.parametrize("a,b", PAIRS, ids=[Path(a).stem + "→" + Path(b).stem.split("(")[-1] for a, b in PAIRS])
def test_invariants_on_every_version_pair(a, b):
    old, new = parse_file(a), parse_file(b)
    al = align(old, new)
    # every article accounted for: each appears in the links, and only split/merge share a side
    olds = Counter(l.old for l in al.links if l.old is not None)
    news = Counter(l.new for l in al.links if l.new is not None)
    assert set(olds) == set(range(len(old.articles)))
    assert set(news) == set(range(len(new.articles)))
    for l in al.links:
        if l.old is None:
            assert l.status == "added" and news[l.new] == 1
        elif l.new is None:
            assert l.status == "deleted" and olds[l.old] == 1
        elif olds[l.old] > 1:
            assert l.status == "split"
        elif news[l.new] > 1:
            assert l.status == "merged"
        else:
            assert l.status in ("unchanged", "modified")
    # identical texts are always aligned (with an identical text)
    new_by_text = Counter(u.norm for u in al.new)
    partner = {}
    for l in al.links:
        if l.old is not None and l.new is not None:
            partner.setdefault(l.old, set()).add(al.new[l.new].norm)
    old_by_text = Counter(u.norm for u in al.old)
    for u in al.old:
        if u.norm and new_by_text[u.norm] and old_by_text[u.norm] == 1 and new_by_text[u.norm] == 1:
            assert u.norm in partner.get(u.index, set()), f"{u.label} not paired with its identical text"
    # unchanged means the same text
    for l in al.links:
        if l.status == "unchanged":
            assert al.old[l.old].norm == al.new[l.new].norm


def test_civil_code_1260_articles_align_in_seconds():
    need_shared(CORPUS)
    from kb.dev.bench_diff import civil_code_pair
    old, new, gold, _, _ = civil_code_pair(CORPUS)
    assert len(old.articles) == 1260
    t = time.perf_counter()
    al = align(old, new)
    dt = time.perf_counter() - t
    assert dt < 10, f"{dt:.1f} s"
    pred = {(al.old[l.old].eid, al.new[l.new].eid) for l in al.links if l.old is not None and l.new is not None}
    tp = len(pred & gold)
    assert tp / len(pred) > 0.97 and tp / len(gold) > 0.97


def test_purpose_clause_pairs_however_reworded():
    need_shared(CORPUS)
    c = CORPUS / "宪法相关法"
    al = align(parse_file(str(c / "国务院组织法(1982-12-10).md")), parse_file(str(c / "国务院组织法(2024-03-11).md")))
    first = [l for l in al.links if l.old == 0]
    assert [l.new for l in first] == [0]


def test_normalize_only_for_matching():
    assert normalize("第一条　本法（草案）自２０２５年施行。") == "第一条本法草案自2025年施行"


def test_two_cities_regulations_on_one_subject_correspond():
    need_shared(CORPUS)
    dlc = CORPUS / "DLC"
    a = next(dlc.rglob("江门市文明行为促进条例*.md"))
    b = next(dlc.rglob("北京市文明行为促进条例*.md"))
    al = align(parse_file(str(a)), parse_file(str(b)))
    assert al.related
    pairs = {(al.old[l.old].label, al.new[l.new].label) for l in al.links
             if l.old is not None and l.new is not None}
    assert len(pairs) >= 15
    # 网络文明, 医疗秩序, 文明旅游 and the commencement clause correspond (read in both texts)
    for p in [("第十九条", "第二十二条"), ("第十八条", "第二十三条"), ("第二十条", "第二十条"), ("第五十二条", "第六十三条")]:
        assert p in pairs, p
