"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-05, fifth session, `draw.py 20261205f`): obligations round 16 (eight texts of 20–45 articles no
file of the repository named) and related provisions round 12r (three local regulations resting on the knowledge base's
laws, 立法法, 监督法, 选举法 and 预算法 counted among them as they are shipped this session; one unnamed text of 20–60
articles was left, so the draw took two more of 15–90).  ``held_out_file`` says whether a corpus file is one of them or
another version of one of them (same title); kb.dev.boilerplate skips them.  Last session's rounds (obligations 15,
related 11r) were scored once and are tuning data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 16 or related round 12r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 16
    "DLC/北京地方法规/地方性法规/北京/北京市反食品浪费规定(2021-05-27).md",
    "DLC/北京地方法规/地方性法规/北京/北京市少数民族权益保障条例.md",
    "DLC/北京地方法规/地方性法规/北京/北京市图书馆条例.md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市长江防护林体系管理条例(2019-05-31).md",
    "行政法/密码法(2019-10-26).md",
    "DLC/广东地方法规/地方性法规/广东/汕头经济特区科技创新条例(2022-05-30).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市专利促进与保护条例(2011-11-29).md",
    "行政法/黑土地保护法(2022-06-24).md",
    # related provisions, round 12r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/重庆地方法规/地方性法规/重庆/重庆市预算审查监督条例(2016-09-29).md",
    "DLC/北京地方法规/地方性法规/北京/北京市各级人民代表大会常务委员会听取和审议人民政府、人民法院和人民检察院专项工作报告办法.md",
    "DLC/广东地方法规/地方性法规/广东/广东省人民代表大会议事规则(2022-01-22).md",
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
