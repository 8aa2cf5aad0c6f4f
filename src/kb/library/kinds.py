"""How one regulation stands to another, from their metadata alone: 上位法 (a higher level, or the
same level of an enclosing jurisdiction: a province's 地方性法规 over a city's), 同类立法 (the same
level elsewhere), 下位法 (the reverse of 上位法) or 本法规其他版本 (another version of the same
regulation).  A regulation whose level is not stated relates to others only as its own versions.
"""
from __future__ import annotations

UPPER, PEER, LOWER, VERSION = "upper", "peer", "lower", "version"
KINDS = (UPPER, PEER, VERSION, LOWER)
KIND_NAMES = {UPPER: "上位法", PEER: "同类立法", VERSION: "本法规其他版本", LOWER: "下位法"}


def kind_of(mine, other) -> str | None:
    """What ``other`` (a RegulationMeta) is to ``mine``: UPPER, PEER, LOWER, VERSION or None."""
    if other.id == mine.id:
        return VERSION
    if _same_law(mine, other):
        return None            # two parts of one law (民法典 物权编 and 合同编): neither upper nor peer
    a, b = mine.rank, other.rank
    if a is None or b is None:
        return None
    if b < a:
        return UPPER
    if b > a:
        return LOWER
    ja, jb = mine.jurisdiction or "", other.jurisdiction or ""
    if ja and jb and ja != jb:
        if ja.startswith(jb):
            return UPPER       # 广东省 over 广东省清远市
        if jb.startswith(ja):
            return LOWER
    return PEER


def _same_law(a, b) -> bool:
    return bool((a.raw or {}).get("part") or (b.raw or {}).get("part")) and a.title == b.title
