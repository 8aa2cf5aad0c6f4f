"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-06, thirteenth session, `python -m kb.dev.draw_heldout 20261206e`, the related round's name check
narrowed that session to the related stage's files, the related round drawn first): obligations round 24 (eight texts
no file of the repository names, drawn from the texts of 10–130 articles, 11 candidates) and related provisions round
20r (two local regulations of 20–130 articles that no file of the related stage names, whose first article cites a
national law of the corpus that the knowledge base does not ship, 173 candidates; the scoring copy imports each text
with its upper law, 传染病防治法 2013 and 专利法 2020, which are not held out).  北京市专利保护和促进条例 is obligations
tuning data (round 22, tests/data/obligations/beijing-zhuanli.yml): kb score-obligations scores its duties as before;
the corpus-wide tools skip it as every file here.  ``held_out_file`` says whether a corpus file is one of them or
another version of one of them (same title); kb.dev.boilerplate skips them.  Last session's rounds (obligations 23,
related 19r) were scored once and are tuning data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 24 or related round 20r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 24
    "经济法/铁路法(2015-04-24).md",
    "经济法/台湾同胞投资保护法(2019-12-28).md",
    "DLC/北京地方法规/地方性法规/北京/北京市国家工作人员宪法宣誓组织办法(2018-03-30).md",
    "行政法/国防动员法(2010-02-26).md",
    "社会法/无障碍环境建设法(2023-06-28).md",
    "DLC/北京地方法规/地方性法规/北京/中关村国家自主创新示范区条例.md",
    "经济法/车船税法(2019-04-23).md",
    "社会法/退役军人保障法(2020-11-11).md",
    # related provisions, round 20r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/广东地方法规/地方性法规/广东/广东省艾滋病防治条例(2022-11-30).md",
    "DLC/北京地方法规/地方性法规/北京/北京市专利保护和促进条例.md",
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
