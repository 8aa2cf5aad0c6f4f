"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-06, eleventh session, `python -m kb.dev.draw_heldout 20261206c`, its rules widened that session to
15–80 and 20–110 articles): obligations round 22 (eight texts no file of the repository names, drawn from the texts of
15–80 articles, 24 candidates) and related provisions round 18r (two unnamed local regulations of 20–110 articles whose
first article cites a national law of the corpus that the knowledge base does not ship, 4 candidates; the scoring copy
imports each text with its upper law, 种子法 2021 and 道路交通安全法 2021, which are not held out).
``held_out_file`` says whether a corpus file is one of them or another version of one of them (same title);
kb.dev.boilerplate skips them.  Last session's rounds (obligations 21, related 17r) were scored once and are tuning data
now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 22 or related round 18r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 22
    "DLC/重庆地方法规/地方性法规/重庆/重庆市特种设备安全条例(2020-06-05).md",
    "DLC/北京地方法规/地方性法规/北京/北京市建筑绿色发展条例(2023-11-24).md",
    "民法商法/涉外民事关系法律适用法(2010-10-28).md",
    "行政法/青藏高原生态保护法(2023-04-26).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市实施《长江三峡工程建设移民条例》办法(2011-11-29).md",
    "DLC/广东地方法规/地方性法规/广东/广州市流溪河流域保护条例(2021-06-15).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《突发事件应对法》办法.md",
    "DLC/北京地方法规/地方性法规/北京/北京市专利保护和促进条例.md",
    # related provisions, round 18r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市实施《种子法》办法(2018-03-30).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《道路交通安全法》办法(2018-09-28).md",
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
