"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-05, third session, `draw.py 20261205b`): obligations round 14 (eight texts of 20–45 articles no
file of the repository named), alignment round 13, related provisions round 10r.  ``held_out_file`` says whether a
corpus file is one of them or another version of one of them (same title); kb.dev.boilerplate skips them.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Round 13, drawn for this session and being annotated now outside the repository:
北京市机动车停车条例 2021→2024 and 野生动物保护法 2018→2022.  Round 12 (统计法, 北京市优化营商环境条例) was scored once
(F1 1.000 / 0.994) and becomes tuning data this session, as rounds 11 (文物保护法, 北京市人民代表大会常务委员会任免国家机关
工作人员条例), 10, 9, 8, 7 and 6 did.  When round 13 is scored, its laws leave this tuple (empty between rounds) and the
clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 14 has two versions listed there; 北京市机动车停车条例, an
obligations text of round 10 and tuning data since, is now held out as alignment round 13 through HELD_OUT_LAWS).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 14
    "DLC/北京地方法规/地方性法规/北京/北京市见义勇为人员奖励和保护条例.md",
    "宪法相关法/香港特别行政区驻军法(1996-12-30).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《气象法》办法(2019-07-26).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《野生动物保护法》办法(2018-03-30).md",
    "宪法相关法/中国人民解放军选举全国人民代表大会和县级以上地方各级人民代表大会代表的办法(2021-04-29).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市高等级公路管线工程建设管理条例(2010-07-30).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《集会游行示威法》办法.md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《农业技术推广法》办法.md",
    # alignment, round 13 (HELD_OUT_LAWS)
    "DLC/北京地方法规/地方性法规/北京/北京市机动车停车条例(2021-09-24).md",
    "DLC/北京地方法规/地方性法规/北京/北京市机动车停车条例(2024-03-29).md",
    "经济法/野生动物保护法(2018-10-26).md",
    "经济法/野生动物保护法(2022-12-30).md",
    # related provisions, round 10r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/重庆地方法规/地方性法规/重庆/重庆市行政执法监督条例(2010-07-30).md",
    "DLC/广东地方法规/地方性法规/广东/广东省人民代表大会常务委员会议事规则(2023-03-30).md",
)
HELD_OUT_LAWS: tuple[str, ...] = ("北京市机动车停车条例", "野生动物保护法")
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
