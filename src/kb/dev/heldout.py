"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-06, twelfth session, `python -m kb.dev.draw_heldout 20261206d`, its rules widened that session to
10–130 and 20–130 articles, the related round drawn first): obligations round 23 (eight texts no file of the repository
names, drawn from the texts of 10–130 articles, 23 candidates) and related provisions round 19r (the two unnamed local
regulations of 20–130 articles whose first article cites a national law of the corpus that the knowledge base does not
ship, 2 candidates; the scoring copy imports each text with its upper law, 建筑法 2019 and 节约能源法 2018, which are
not held out).  ``held_out_file`` says whether a corpus file is one of them or another version of one of them (same
title); kb.dev.boilerplate skips them.  Last session's rounds (obligations 22, related 18r) were scored once and are
tuning data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 23 or related round 19r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 23
    "DLC/广东地方法规/地方性法规/广东/广东省中新广州知识城条例(2022-01-16).md",
    "DLC/北京地方法规/地方性法规/北京/北京市人大常委会组成人员守则.md",
    "DLC/广东地方法规/地方性法规/广东/深圳经济特区社会信用条例(2023-01-06).md",
    "民法商法/电子商务法(2018-08-31).md",
    "民法商法/全民所有制工业企业法(2009-08-27).md",
    "社会法/农村集体经济组织法(2024-06-28).md",
    "社会法/预防未成年人犯罪法(2020-12-26).md",
    "诉讼与非诉讼程序法/海事诉讼特别程序法(1999-12-25).md",
    # related provisions, round 19r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市建设工程质量条例.md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《节约能源法》办法(2019-11-27).md",
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
