"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-06, fourteenth session, `python -m kb.dev.draw_heldout 20261206f`, the obligations round's name
check narrowed that session to the obligation stage's files, ``OBLIGATION_FILES``, the related round drawn first):
obligations round 25 (eight texts no file of the obligation stage names, drawn from the texts of 10–130 articles, 104
candidates; code review 19 item 1 found five of them in kb check's material, which reads the obligation layer's output —
北京市发展中医条例, 北京市实施《母婴保健法》办法, 重庆市实施《水土保持法》办法, 标准化法, 重庆市公共场所控制吸烟条例 —, so the
obligation stage was widened to kb check, the parser and the commit messages, and five more texts were drawn under it,
seed 20261206g, 28 candidates: thirteen texts held out, eight of them unseen under the widened rule) and related provisions round 21r (two local regulations of 20–130 articles that no file of the related stage
names, whose first article cites a national law of the corpus that the knowledge base does not ship, 141 candidates; the
scoring copy imports each text with the corpus laws its first article names, 老年人权益保障法 2018 for the one, 环境保护法
2014 and 固体废物污染环境防治法 2020 for the other, which are not held out).  北京市居家养老服务条例 is obligations tuning
data (tests/data/obligations/beijing-jujia-yanglao.yml): kb score-obligations scores its duties as before; the
corpus-wide tools skip it as every file here.  ``held_out_file`` says whether a corpus file is one of them or another
version of one of them (same title); kb.dev.boilerplate skips them.  Last session's rounds (obligations 24, related 20r)
were scored once and are tuning data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 25 or related round 21r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 25
    "民法典/侵权责任编.md",
    "DLC/北京地方法规/地方性法规/北京/北京市发展中医条例.md",
    "经济法/标准化法(2017-11-04).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《母婴保健法》办法.md",
    "经济法/环境保护税法(2018-10-26).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市公共场所控制吸烟条例(2020-09-29).md",
    "DLC/北京地方法规/地方性法规/北京/北京市院前医疗急救服务条例.md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市实施《水土保持法》办法(2018-07-26).md",
    # obligations, round 25, drawn again under the widened name check (code review 19 item 1; seed 20261206g)
    "DLC/重庆地方法规/地方性法规/重庆/重庆市非物质文化遗产条例(2012-07-26).md",
    "民法商法/信托法(2001-04-28).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市天然气管理条例(2019-05-31).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市食品生产加工小作坊和食品摊贩管理条例(2016-11-24).md",
    "民法典/人格权编.md",
    # related provisions, round 21r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市居家养老服务条例.md",
    "DLC/广东地方法规/地方性法规/广东/广东省固体废物污染环境防治条例(2022-11-30).md",
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
