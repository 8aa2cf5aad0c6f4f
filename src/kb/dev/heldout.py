"""The texts held out this session: being annotated by people who never ran kb, so no kb tool or test runs on
them and nothing is learnt from them until they are scored once.

``HELD_OUT_LAWS`` — the laws of the alignment round being annotated: never aligned by kb.dev (align_signals,
align_learned), not counted in the clause table (kb.dev.boilerplate), their versions never compared
(kb.dev.score_amend.version_pairs).  Round 9, drawn 2026-12-04 (issue 12): 矿产资源法 2009→2024 and
北京市未成年人保护条例 (the undated 2016 text → 2023).  Rounds 8 (对外贸易法, 职业教育法), 7 and 6 were each scored once
and are tuning since.  When round 9 is scored, its laws leave this tuple (empty between rounds) and the clause
table is recounted (python3 -m kb.dev.boilerplate).

``HELD_OUT_OBLIGATION_PAIRS`` — regulations of ../shared/corpus/version-pairs.txt whose versions are held-out texts
of another round (obligations round 10: 北京市机动车停车条例, both versions): their versions are not compared either.
"""
from __future__ import annotations

HELD_OUT_LAWS: tuple[str, ...] = ("矿产资源法", "北京市未成年人保护条例")
HELD_OUT_OBLIGATION_PAIRS: tuple[str, ...] = ("北京市机动车停车条例",)


def held_out_regulations() -> set[str]:
    """The regulations of version-pairs.txt whose versions no tool or test compares this session."""
    return set(HELD_OUT_LAWS) | set(HELD_OUT_OBLIGATION_PAIRS)
