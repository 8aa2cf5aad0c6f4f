"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).  Exceptions, said
where they are: tests/data/check/texts.yml and plant.yml run ``kb check`` on the two texts of alignment round 12
(统计法 2024, 北京市优化营商环境条例 2024) — a check of numbering and references, which learns nothing about an alignment.

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session: obligations round 13, alignment round 12, related provisions round 9r.  ``held_out_file`` says whether a
corpus file is one of them or another version of one of them (same title); kb.dev.boilerplate skips them.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Round 12, drawn for this session (2026-12-05, second session) and being
annotated now outside the repository: 统计法 2009→2024 and 北京市优化营商环境条例 2020→2024.  Both are listed in
../shared/corpus/version-pairs.txt, so the tuple names them rather than being empty.  Round 11 (文物保护法,
北京市人民代表大会常务委员会任免国家机关工作人员条例) was scored once and is tuning since 2026-12-05, as are rounds 10
(体育法, 农产品质量安全法), 9 (矿产资源法, 北京市未成年人保护条例), 8 (对外贸易法, 职业教育法), 7 and 6.  When round 12
is scored, its laws leave this tuple (empty between rounds) and the clause table is recounted
(python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (obligations round 10's 北京市机动车停车条例 was scored once and is tuning data; none of
round 11's texts has two versions listed there), so its versions are compared again.
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 13
    "DLC/北京地方法规/地方性法规/北京/北京市体育设施管理条例.md",
    "行政法/消防救援衔条例(2018-10-26).md",
    "DLC/广东地方法规/地方性法规/广东/广州市青年创新创业促进条例(2023-01-19).md",
    "经济法/深海海底区域资源勘探开发法(2016-02-26).md",
    "DLC/北京地方法规/地方性法规/北京/北京市促进私营个体经济发展条例(2016-11-25).md",
    "行政法/国家通用语言文字法(2000-10-31).md",
    "经济法/清洁生产促进法(2012-02-29).md",
    "DLC/广东地方法规/地方性法规/广东/广东省革命遗址保护条例(2022-01-16).md",
    # alignment, round 12 (HELD_OUT_LAWS)
    "DLC/北京地方法规/地方性法规/北京/北京市优化营商环境条例(2020-03-27).md",
    "DLC/北京地方法规/地方性法规/北京/北京市优化营商环境条例(2024-11-29).md",
    "经济法/统计法(2009-06-27).md",
    "经济法/统计法(2024-09-13).md",
    # related provisions, round 9r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/重庆地方法规/地方性法规/重庆/重庆市人民代表大会代表建议批评和意见工作条例(2017-11-30).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市人民代表大会常务委员会议事规则(2023-03-30).md",
)
HELD_OUT_LAWS: tuple[str, ...] = ("统计法", "北京市优化营商环境条例")
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
