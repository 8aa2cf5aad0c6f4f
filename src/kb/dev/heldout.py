"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-05, sixth session, `draw.py 20261205g`): obligations round 17 (eight texts of 20–45 articles no
file of the repository names — by the whole title, without 中华人民共和国 or the place, or by its last eight characters:
round 12r's 北京 专项工作报告办法 had been quoted that way, review 10 item 1) and related provisions round 13r (the only
unnamed local regulation of 15–90 articles citing a law of the knowledge base).  ``held_out_file`` says whether a corpus
file is one of them or another version of one of them (same title); kb.dev.boilerplate skips them.  Last session's
rounds (obligations 16, related 12r) were scored once and are tuning data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now (no text of obligations round 17 or related round 13r has two versions listed there).
"""
from __future__ import annotations

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 17
    "DLC/重庆地方法规/地方性法规/重庆/彭水苗族土家族自治县旅游条例(2019-04-19).md",
    "经济法/可再生能源法(2009-12-26).md",
    "DLC/北京地方法规/地方性法规/北京/北京市接诉即办工作条例(2021-09-24).md",
    "DLC/北京地方法规/地方性法规/北京/北京市农业承包合同条例.md",
    "DLC/北京地方法规/地方性法规/北京/北京市生活饮用水卫生监督管理条例.md",
    "DLC/广东地方法规/地方性法规/广东/广东省统计条例(2022-09-29).md",
    "DLC/北京地方法规/地方性法规/北京/北京市社会治安综合治理条例.md",
    "DLC/广东地方法规/地方性法规/广东/广东省版权条例(2022-09-29).md",
    # related provisions, round 13r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市区、乡、民族乡、镇人民代表大会代表选举实施细则(2021-05-27).md",
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
