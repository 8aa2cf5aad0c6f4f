"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-06, ninth session, `draw20.py 20261206a`, whose name check compares the repository and the titles
normalised — line wraps, brackets, quotes, spaces and 中华人民共和国 removed — after code review 12 item 1): obligations
round 20 (eight texts no file of the repository names — by the whole title, without 中华人民共和国 or the place, by its last
eight characters, or as a contraction or an abridgement, review 11 item 1 — drawn from the texts of 15–60 articles, the
pool round 19 widened to, 26 candidates) and related provisions round 16r (two unnamed local regulations of 20–60 articles
whose first article cites a national law of the corpus that the knowledge base does not ship, 9 candidates; the scoring
copy imports each text with its upper law, 环境噪声污染防治法 2018 and 森林法 2019, which are not held out).
``held_out_file`` says whether a corpus file is one of them or another version of one of them (same title);
kb.dev.boilerplate skips them.  Last session's rounds (obligations 19, related 15r) were scored once and are tuning data
now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 20 or related round 16r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 20
    "宪法相关法/专属经济区和大陆架法(1998-06-26).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《红十字会法》办法.md",
    "DLC/北京地方法规/地方性法规/北京/北京市促进中小企业发展条例(2020-09-25).md",
    "DLC/北京地方法规/地方性法规/北京/北京市推进京津冀社会保障卡一卡通规定(2024-09-27).md",
    "行政法/国防交通法(2016-09-03).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《国家通用语言文字法》若干规定.md",
    "经济法/出口管制法(2020-10-17).md",
    "经济法/海南自由贸易港法(2021-06-10).md",
    # related provisions, round 16r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市环境噪声污染防治办法.md",
    "DLC/北京地方法规/地方性法规/北京/北京市森林资源保护管理条例(2018-03-30).md",
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
