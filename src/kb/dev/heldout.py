"""The texts held out this session: being annotated by people who never ran kb, so nothing is learnt from them until
they are scored once, and kb's corpus-wide dev tools and tests leave them out (``HELD_OUT_FILES``).

``HELD_OUT_FILES`` — the corpus files (relative to ../shared/corpus/lawrefbook) of every round being annotated this
session (drawn 2026-12-08, twenty-fourth session, `python -m kb.dev.draw_heldout 20261208a`, the quoted rule as widened in
the eighteenth session: a text that any stage's data hold — tests/data/ — or a regulation of the corpus' version pairs is
no candidate): obligations round 35 (eight texts of 10–130 articles that no data of the repository holds, that the
knowledge base does not ship, at most 20% of whose articles the obligation stage's files quote: 38 candidates; the quoted
articles — 57 of 490 — are left out of the annotation, ``partial: true``) and related provisions round 31r (two local
regulations of 20–130 articles that no file of the related stage names, whose first article cites a national law of the
corpus that the knowledge base does not ship, 98 candidates; the scoring copy imports each text with the corpus law its
first article names — the newest version the corpus holds, by the draw's rule, set before the draw: 动物防疫法 2021 for
北京市实施《动物防疫法》办法 (2024) and the 宪法 for 重庆市各级人民代表大会常务委员会人事任免工作条例 (2022); neither law is
held out).
No obligation text of the round is held by any data of the repository.  Held out from the related stage only (the lead's
decision on code review 24 item 1, as in rounds 26r–30r): the obligation stage's data hold 重庆市各级人民代表大会常务委员会
人事任免工作条例 (tests/data/obligations/chongqing-renshi-renmian.yml, annotated for its duties) and its README quotes
北京市实施《动物防疫法》办法's 第四条 (an actor convention), since the thirteenth session's rule lets a text the other
stages' data hold into the related pool, its upper law and peers never having been read.
The corpus-wide tools leave them out this session, since they ask ``may_read`` (by title): paths.corpus_texts,
kb score-obligations --coverage (the modal fates), the clause table, the benchmarks, kb.dev.same_export (code review 26
finding 12).  No rule is written from them, and no one reads kb's duties, related provisions or repetitions of them until
the round is scored.
``held_out_file`` says whether a corpus file is one of them or another version of one of them (same title).
``may_read`` is the one question every corpus-wide dev tool and test asks of a corpus file it opens (paths.corpus_texts, the
clause count, the coverage measure, the benchmarks, the draw, the samples of the search and build tests — code review 25
finding 7; tests that only count or name the files open none): neither one of these texts nor a version of a regulation
kb check holds out (tests/data/check/texts.yml ``held_out``, scored once after the last rule change) — the seventeenth
session's corpus diff of the obligation stage printed an article of a kb check held-out text.  Last session's rounds
(obligations 34, related 30r) were scored once and are tuning data now.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Empty now: alignment round 13 (北京市机动车停车条例 2021→2024, 野生动物保护法
2018→2022) was scored once (F1 1.000 / 0.991) and became tuning data this session, as rounds 12 (统计法, 北京市优化营商环境
条例), 11, 10, 9, 8, 7 and 6 did; the alignment goal was met two rounds running (issue 12 resolved), so no round is drawn
now.  When a round is drawn its laws go here and the clause table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round: none now, and none can be since the eighteenth session's draw, which leaves the regulations of
version-pairs.txt out of the obligations round (round 28's 职业教育法 had two versions listed there).
"""
from __future__ import annotations

from functools import lru_cache

from kb.dev.checkout import CHECK_LISTING

HELD_OUT_FILES: tuple[str, ...] = (
    # obligations, round 35 (the quoted articles left out: kb.dev.draw_heldout 20261208a prints them)
    "经济法/审计法(2021-10-23).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市实施全民义务植树条例(2010-07-30).md",
    "民法商法/合伙企业法(2006-08-27).md",
    "DLC/北京地方法规/地方性法规/北京/北京市实施《消费者权益保护法》办法.md",
    "经济法/农业法(2012-12-28).md",
    "宪法相关法/人民检察院组织法(2018-10-26).md",
    "宪法相关法/法官法(2019-04-23).md",
    "DLC/广东地方法规/地方性法规/广东/深圳经济特区外商投资条例(2022-09-05).md",
    # related provisions, round 31r (kb.dev.related_cv.HELD_OUT_TEXTS)
    "DLC/北京地方法规/地方性法规/北京/北京市实施《动物防疫法》办法(2024-07-26).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市各级人民代表大会常务委员会人事任免工作条例(2022-06-10).md",
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


@lru_cache(maxsize=1)
def check_held_out_titles() -> frozenset[str]:
    """The titles of kb check's held-out texts (tests/data/check/texts.yml ``held_out``): every version of those
    regulations, wherever the corpus files them, is left alone until kb check's held-out run."""
    # read here, not through kb.dev.score_check (which asks this module)
    import yaml

    from kb.errors import KbError, os_error

    listing = CHECK_LISTING
    try:
        text = listing.read_text(encoding="utf-8")
    except OSError as e:
        # a copy of src/ alone or an install that is not editable has no tests/data: every corpus tool asks may_read,
        # so say which file and why (exit 2), not a bare traceback (code review 26 finding 11)
        why = os_error(e, listing).message
        raise KbError(f"{why}：这是 kb check 的留出文本清单，语料开发工具按它跳过留出文本，要从仓库的检出目录运行",
                      file=str(listing)) from None
    except UnicodeDecodeError as e:
        raise KbError(f"kb check 的留出文本清单不是 UTF-8 文本（第 {e.start + 1} 个字节）", file=str(listing)) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        why = getattr(e, "problem", None) or str(e)
        raise KbError(f"kb check 的留出文本清单不是合法的 YAML：{why}", file=str(listing),
                      line=mark.line + 1 if mark is not None else None) from None
    held = (data or {}).get("held_out") or {} if isinstance(data, (dict, type(None))) else None
    if not isinstance(held, dict) or not all(isinstance(p, str) for p in held.values()):
        # held_out written as a list (- 行政法/a.md) is the natural slip of a hand edit (code review 27 finding 6)
        raise KbError("kb check 的留出文本清单的 held_out 应是“编号: 语料文件路径”的映射（路径为字符串）",
                      file=str(listing)) from None
    return frozenset(title_of(p) for p in held.values())


def may_read(path) -> bool:
    """Whether a dev tool or a test may open this corpus file (any path: its name is what counts): not a held-out text
    of this session nor another version of one (``held_out_file``), not a version of a regulation kb check holds out
    (``check_held_out_titles``)."""
    return not held_out_file(path) and title_of(path) not in check_held_out_titles()
