"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-06, sixteenth session, `python -m kb.dev.draw_heldout 20261206j`, the rules unchanged since the
fifteenth session: the obligation stage's files with the parser's data, tests/data/corpus/; the link layer's data is not
obligation material — a citation table records which law a text cites, never a duty — so a text it names stays a
candidate): obligations round 27 (eight texts no file of the obligation stage names, drawn from the texts of 10–130
articles: 9 candidates, the corpus' last but one) and related provisions round 23r (two local regulations of 20–130
articles that no file of the related stage names, whose first article cites a national law of the corpus that the
knowledge base does not ship, 136 candidates; the scoring copy imports each text with the corpus law its first article
names, 水法 2016 for the one and 固体废物污染环境防治法 2020 for the other, which are not held out).
``held_out_file`` says whether a corpus file is one of them or another version of one of them (same title);
kb.dev.boilerplate skips them.  Last session's rounds (obligations 26, related 22r) were scored once and are tuning
data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 27 or related round 23r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 27
    "经济法/进出境动植物检疫法(2009-08-27).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市国防教育条例(2010-11-25).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市厂务公开条例(2010-07-30).md",
    "DLC/北京地方法规/地方性法规/北京/北京市户外广告设施、牌匾标识和标语宣传品设置管理条例(2021-05-27).md",
    "民法典/继承编.md",
    "DLC/北京地方法规/地方性法规/北京/北京市公园条例(2019-07-26).md",
    "DLC/北京地方法规/地方性法规/北京/北京市野生动物保护管理条例(2020-04-24).md",
    "经济法/石油天然气管道保护法(2010-06-25).md",
    # related provisions, round 23r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/重庆地方法规/地方性法规/重庆/重庆市防汛抗旱条例(2018-07-26).md",
    "DLC/广东地方法规/地方性法规/广东/广东省建筑垃圾管理条例(2022-11-30).md",
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
