"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-06, tenth session, `python -m kb.dev.draw_heldout 20261206b` — the rules of draw19.py / draw20.py,
restated in the repository after those scripts were lost with their machine; it reproduces round 20's draw from seed
20261206a on 9284842): obligations round 21 (eight texts no file of the repository names, drawn from the texts of 15–60
articles, 16 candidates) and related provisions round 17r (two unnamed local regulations of 20–60 articles whose first
article cites a national law of the corpus that the knowledge base does not ship, 4 candidates; the scoring copy imports
each text with its upper law, 人民防空法 2009 and 妇女权益保障法 2022, which are not held out).
``held_out_file`` says whether a corpus file is one of them or another version of one of them (same title);
kb.dev.boilerplate skips them.  Last session's rounds (obligations 20, related 16r) were scored once and are tuning data
now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 21 or related round 17r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 21
    "经济法/耕地占用税法(2018-12-29).md",
    "经济法/银行业监督管理法(2006-10-31).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《义务教育法》办法.md",
    "DLC/广东地方法规/地方性法规/广东/广东省知识产权保护条例(2022-03-29).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市防汛抗旱条例(2018-07-26).md",
    "经济法/契税法(2020-08-11).md",
    "行政法/电影产业促进法(2016-11-07).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市人民防空条例(2010-07-30).md",
    # related provisions, round 17r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市人民防空条例.md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《妇女权益保障法》办法.md",
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
