"""The texts held out this session: being annotated by people who never ran kb, so no kb tool or test runs on
them and nothing is learnt from them until they are scored once.

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

HELD_OUT_LAWS: tuple[str, ...] = ("统计法", "北京市优化营商环境条例")
HELD_OUT_OBLIGATION_PAIRS: tuple[str, ...] = ()


def held_out_regulations() -> set[str]:
    """The regulations of version-pairs.txt whose versions no tool or test compares this session."""
    return set(HELD_OUT_LAWS) | set(HELD_OUT_OBLIGATION_PAIRS)
