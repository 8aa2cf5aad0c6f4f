"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-07, nineteenth session, `python -m kb.dev.draw_heldout 20261207c`, the quoted rule as widened in
the eighteenth session: a text that any stage's data hold — tests/data/ — or a regulation of the corpus' version pairs is
no candidate): obligations round 30 (eight texts of 10–130 articles that no data of the repository holds, that the
knowledge base does not ship, at most 20% of whose articles the obligation stage's files quote: 82 candidates; the quoted
articles — 48 of 490 — are left out of the annotation, ``partial: true``) and related provisions round 26r (two local
regulations of 20–130 articles that no file of the related stage names, whose first article cites a national law of the
corpus that the knowledge base does not ship, 119 candidates; the scoring copy imports each text with the corpus law its
first article names — the newest version the corpus holds, by the draw's rule, set before the draw: 文物保护法 2024 for
北京市实施《文物保护法》办法 (2004, written on the 2002 law) and 水法 2016 for 北京市节水条例 (2022); neither law is held out).
No obligation text of the round is related data.  Held out from the related stage only (the lead's decision on code
review 24 item 1, as for 北京市中医药条例 in round 25r and 重庆市非物质文化遗产条例 in round 24r): both related texts are
obligation tuning texts (tests/data/obligations/beijing-wenwu-baohu.yml, beijing-jieshui.yml), since the thirteenth
session's rule lets a text the obligation data annotate into the related pool, its upper law and peers never having been
read.  kb score-obligations, the FLOORS test and the obligation stage's dev tools keep scoring them: their duties are
obligation material, not related material; no related rule is written from them, and no one reads their related
provisions or repetitions until the round is scored.
``held_out_file`` says whether a corpus file is one of them or another version of one of them (same title).
``may_read`` is the one question every corpus-wide dev tool and test asks of a corpus file it opens (paths.corpus_texts, the
clause count, the coverage measure, the benchmarks, the draw, the samples of the search and build tests — code review 25
finding 7; tests that only count or name the files open none): neither one of these texts nor a version of a regulation
kb check holds out (tests/data/check/texts.yml ``held_out``, scored once after the last rule change) — the seventeenth
session's corpus diff of the obligation stage printed an article of a kb check held-out text.  Last session's rounds
(obligations 28, related 24r) were scored once and are tuning
data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now, and none can be since the eighteenth session's draw, which leaves the regulations of
version-pairs.txt out of the obligations round (round 28's 职业教育法 had two versions listed there).
"""
from __future__ import annotations

from functools import lru_cache

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 30 (the quoted articles left out: kb.dev.draw_heldout 20261207c prints them)
    "宪法相关法/民族区域自治法(2001-02-28).md",
    "DLC/广东地方法规/地方性法规/广东/广东省科学技术普及条例(2021-05-26).md",
    "DLC/北京地方法规/地方性法规/北京/北京市危险废物污染环境防治条例(2020-06-05).md",
    "DLC/北京地方法规/地方性法规/北京/北京市宗教事务条例.md",
    "经济法/航道法(2016-07-02).md",
    "经济法/长江保护法(2020-12-26).md",
    "民法商法/票据法(2004-08-28).md",
    "宪法相关法/国歌法(2017-09-01).md",
    # related provisions, round 26r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市实施《文物保护法》办法.md",
    "DLC/北京地方法规/地方性法规/北京/北京市节水条例(2022-11-25).md",
)
HELD_OUT_LAWS: tuple[str, ...] = ()
HELD_OUT_OBLIGATION_PAIRS: tuple[str, ...] = ()


def held_out_regulations() -> set[str]:
    """The regulations of version-pairs.txt whose versions no tool or test compares this session."""
    return set(HELD_OUT_LAWS) | set(HELD_OUT_OBLIGATION_PAIRS)


def title_of(path) -> str:
    """A corpus file's title: its name without the date and the suffix (统计法(2009-06-27).md -> 统计法)."""
    from pathlib import PurePath

    return PurePath(str(path)).name.split("(")[0].removesuffix(".md")


def held_out_file(path) -> bool:
    """Whether a corpus file (any path: its name is what counts) is a held-out text of this session, or another
    version of one (the same title)."""
    return title_of(path) in {title_of(f) for f in HELD_OUT_FILES}


@lru_cache(maxsize=1)
def check_held_out_titles() -> frozenset[str]:
    """The titles of kb check's held-out texts (tests/data/check/texts.yml ``held_out``): every version of those
    regulations, wherever the corpus files them, is left alone until kb check's held-out run."""
    # read here, not through kb.dev.score_check (which asks this module; kb.dev.paths asks it too): no import cycle
    from pathlib import Path

    import yaml

    listing = Path(__file__).resolve().parents[3] / "tests" / "data" / "check" / "texts.yml"
    held = (yaml.safe_load(listing.read_text(encoding="utf-8")) or {}).get("held_out") or {}
    return frozenset(title_of(p) for p in held.values())


def may_read(path) -> bool:
    """Whether a dev tool or a test may open this corpus file (any path: its name is what counts): not a held-out text
    of this session nor another version of one (``held_out_file``), not a version of a regulation kb check holds out
    (``check_held_out_titles``)."""
    return not held_out_file(path) and title_of(path) not in check_held_out_titles()
