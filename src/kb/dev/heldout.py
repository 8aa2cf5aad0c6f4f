"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-07, seventeenth session, `python -m kb.dev.draw_heldout 20261207a --rule quoted`, the first
draw under the quoted rule: after round 27 one text was left that no file of the obligation stage names):
obligations round 28 (eight texts of 10–130 articles that no annotation of the obligation stage covers, that the
knowledge base does not ship, at most 20% of whose articles the stage's files quote: 211 candidates; the quoted
articles — 60 of 547 — are left out of the annotation, ``partial: true``) and related provisions round 24r (two local
regulations of 20–130 articles that no file of the related stage names, whose first article cites a national law of the
corpus that the knowledge base does not ship, 133 candidates; the scoring copy imports each text with the corpus law
its first article names, 非物质文化遗产法 2011 for the one and 水法 2016 for the other, which are not held out).
Held out from the obligation stage, not from the others (the lead's decision on code review 23 items 1 and 12): the
quoted rule reads the obligation stage's files only, so four of round 28's texts are data of other stages —
北京市人民防空条例 and 北京市建设工程质量条例 are related-provision tuning texts (tests/data/related/outside-kb/), 传染病防治法
(2013) is the upper law imported for one (广东省艾滋病防治条例's extra_laws), and 职业教育法's 1996→2022 pair is alignment
tuning gold (tests/data/diff/zhiye-jiaoyu-1996-2022.tsv).  Their tools (kb.dev.related_cv, kb score-related, kb
score-repeat, kb score-align, kb score-amend, tests/library/test_repeat.py, test_shipped_grounds.py) keep reading them —
leaving them out would change those stages' figures for no gain.  The related ranking runs the obligation extractor
inside its own signals (the bodies two articles share); those records are features no one reads, and no obligation
rule is written from them, so the texts stay unseen for the obligation stage.  Likewise an obligation test quotes
重庆市非物质文化遗产条例 29 (related round 24r), an obligation tuning text: obligation material is no related material, as
the link tables are no obligation material.  The reviewer of code review 23 saw one line of 北京市古树名木保护管理条例
(第五条, a commendation clause) by mistake; no rule was written from it.
``held_out_file`` says whether a corpus file is one of them or another version of one of them (same title);
kb.dev.boilerplate skips them.  Last session's rounds (obligations 27, related 23r) were scored once and are tuning
data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now: 职业教育法 (round 28) has two versions listed there, but the pair is compared by the alignment and
amendment tools only, which read wording, not obligations (above), so it stays compared.
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 28 (the quoted articles left out: kb.dev.draw_heldout 20261207a --rule quoted prints them)
    "DLC/北京地方法规/地方性法规/北京/北京市古树名木保护管理条例(2019-07-26).md",
    "DLC/北京地方法规/地方性法规/北京/北京市人民防空条例.md",
    "行政法/海关法(2021-04-29).md",
    "DLC/北京地方法规/地方性法规/北京/北京市建设工程质量条例.md",
    "DLC/广东地方法规/地方性法规/广东/广东省海域使用管理条例(2021-09-29).md",
    "宪法相关法/国防法(2020-12-26).md",
    "行政法/职业教育法(2022-04-20).md",
    "行政法/传染病防治法(2013-06-29).md",
    # related provisions, round 24r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/重庆地方法规/地方性法规/重庆/重庆市非物质文化遗产条例(2012-07-26).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市水资源管理条例(2023-03-30).md",
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
