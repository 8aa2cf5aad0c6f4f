"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-05, eighth session, `draw19.py 20261205i`, whose name check compares the repository and the titles
normalised — line wraps, brackets, quotes, spaces and 中华人民共和国 removed — after code review 12 item 1): obligations
round 19 (eight texts no file of the repository names — by the whole title, without 中华人民共和国 or the place, by its last
eight characters, or as a contraction or an abridgement, review 11 item 1; the pool of 20–45 articles had two texts left
after round 18, so by the rule fixed before the draw the round is drawn from texts of 15–60 articles, 36 candidates) and
related provisions round 15r (two unnamed local regulations of 20–60 articles whose first article cites a national law of
the corpus that the knowledge base does not ship, 12 candidates; the scoring copy imports each text with its upper law,
邮政法 2015 and 产品质量法 2018, which are not held out).  ``held_out_file`` says whether a corpus file is one of them or
another version of one of them (same title); kb.dev.boilerplate skips them.  Last session's rounds (obligations 18,
related 14r) were scored once and are tuning data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 19 or related round 15r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 19
    "DLC/北京地方法规/地方性法规/北京/北京市专业技术人员继续教育规定.md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市村镇供水条例(2016-11-24).md",
    "DLC/北京地方法规/地方性法规/北京/北京市信息化促进条例.md",
    "宪法相关法/反外国制裁法(2021-06-10).md",
    "宪法相关法/全国人民代表大会组织法(2021-03-11).md",
    "宪法相关法/领海及毗连区法(1992-02-25).md",
    "DLC/北京地方法规/地方性法规/北京/北京市精神卫生条例.md",
    "行政法/公证法(2017-09-01).md",
    # related provisions, round 15r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市邮政通信条例.md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市产品质量条例(2014-08-01).md",
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
