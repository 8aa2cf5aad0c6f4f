"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-05, fourth session, `draw.py 20261205c`): obligations round 15 (eight texts of 20–45 articles no
file of the repository named) and related provisions round 11r (two local regulations resting on the knowledge base's
laws; too few unnamed texts of 20–60 articles were left, so the draw took 15–90).  ``held_out_file`` says whether a
corpus file is one of them or another version of one of them (same title); kb.dev.boilerplate skips them.  Last
session's rounds (obligations 14, alignment 13, related 10r) were scored once and are tuning data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 15 or related round 11r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 15
    "DLC/北京地方法规/地方性法规/北京/北京市烟花爆竹安全管理规定(2017-12-01).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市绿化条例(2018-07-26).md",
    "经济法/反食品浪费法(2021-04-29).md",
    "DLC/广东地方法规/地方性法规/广东/汕头经济特区预防与化解纠纷促进条例(2021-11-22).md",
    "行政法/人民警察警衔条例(2009-08-27).md",
    "DLC/北京地方法规/地方性法规/北京/北京市预算监督条例.md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《防震减灾法》规定(2013-07-26).md",
    "DLC/北京地方法规/地方性法规/北京/北京市司法鉴定管理条例(2020-09-25).md",
    # related provisions, round 11r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/重庆地方法规/地方性法规/重庆/重庆市地方立法条例(2017-01-19).md",
    "DLC/北京地方法规/地方性法规/北京/北京市国民经济和社会发展计划审查监督条例(2022-05-26).md",
)
HELD_OUT_LAWS: tuple[str, ...] = ()
HELD_OUT_OBLIGATION_PAIRS: tuple[str, ...] = ()


def held_out_regulations() -> set[str]:
    """The regulations of version-pairs.txt whose versions no tool or test compares this session."""
    return set(HELD_OUT_LAWS) | set(HELD_OUT_OBLIGATION_PAIRS)


def _title(path) -> str:
    """A corpus file's title: its name without the date and the suffix (统计法(2009-06-27).md -> 统计法)."""
    from pathlib import PurePath

    return PurePath(str(path)).name.split("(")[0].removesuffix(".md")


def held_out_file(path) -> bool:
    """Whether a corpus file (any path: its name is what counts) is a held-out text of this session, or another
    version of one (the same title)."""
    return _title(path) in {_title(f) for f in HELD_OUT_FILES}
