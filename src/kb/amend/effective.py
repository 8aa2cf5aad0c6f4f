"""When a version took effect (施行), and which text was in force on a day: what ``kb show --as-of``
and the site's 条文沿革 page say.

A version's date (meta.yml ``date``) is the day it was adopted, amended or revised (通过/修正/修订).
A text is in force from its 施行 date, which is often months later (慈善法: 通过 2016-03-16, 本法自
2016年9月1日起施行).  The 施行 date is taken, in this order, from

- the version's metadata, ``effective`` (``kb amend --register`` writes the decision's 本决定自……起施行;
  ``kb add DIR`` the 施行 line of a corpus text's history, 2022年5月1日 施行);
- the text's own commencement clause (本法自2016年9月1日起施行), when it is not earlier than the version's
  date: an amended text keeps the original's clause (慈善法 2023年修正 still reads 本法自2016年9月1日起施行),
  which says nothing of when the amendment took effect;
- else it is unknown, and kb says so rather than take the adoption date for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.project import RegulationMeta, Target, VersionMeta, is_draft, iso_date, load

#: 本法自2016年9月1日起施行 / 本条例自公布之日起施行 / 本办法于2020年3月1日实施
_CLAUSE = re.compile(r"本(?:法|条例|办法|规定|细则|决定|规则|实施办法|若干规定)(?:自|于)"
                     r"(?P<when>[^。；，,]{2,24}?)(?:起)?(?:施行|实施|生效)")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass
class Effect:
    """One adopted version's dates."""
    version: VersionMeta
    date: str                   # 通过/修正/修订日期 (YYYY-MM-DD)
    effective: str | None       # 施行日期 (YYYY-MM-DD) when known
    how: str                    # where the 施行 date comes from, or why it is not known

    @property
    def name(self) -> str:
        return self.version.label or self.version.name

    def describe(self) -> str:
        """2016年通过（2016-03-16 通过，自 2016-09-01 起施行） / 2023年修正（2023-12-29 修正，施行日期未注明）"""
        when = f"自 {self.effective} 起施行" if self.effective else "施行日期未注明"
        return f"{self.name}（{self.date} {event_word(self.version)}，{when}）"


def event_word(v: VersionMeta) -> str:
    """What the version's date is the date of: 通过, 修正, 修订 (as its label says), else 通过或修改."""
    text = f"{v.label or ''} {v.status or ''}"
    return next((w for w in ("修订", "修正", "通过") if w in text), "通过或修改")


def _iso(text) -> str | None:
    m = _DATE.search(str(text or ""))
    if m:
        try:
            return iso_date(f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}")
        except ValueError:
            return None
    try:
        return iso_date(text) if text else None
    except ValueError:
        return None


def commencement(doc) -> tuple[str, str] | None:
    """(article label, the date as written: 2016年9月1日 / 公布之日) of the text's commencement clause, the last
    article that states one; None when it states none."""
    for a in reversed(doc.articles):
        m = _CLAUSE.search(a.full_text())
        if m:
            return a.label, re.sub(r"\s+", "", m.group("when"))
    return None


def adopted_on(v: VersionMeta) -> str:
    """The day a dated version was adopted (its metadata's ``adopted``, else its date), read without its text."""
    return _iso((v.raw or {}).get("adopted")) or str(v.date)


def effect(reg: RegulationMeta, v: VersionMeta, doc=None) -> Effect:
    """The dates of an adopted, dated version (``doc``: its parsed text, read from the file when None)."""
    raw = v.raw or {}
    date = adopted_on(v)
    if raw.get("effective"):
        eff = _iso(raw["effective"])
        if eff:
            return Effect(v, date, eff, "据修改决定" if raw.get("amended_by") else "据元数据")
        return Effect(v, date, None, f"元数据写作“自{raw['effective']}起施行”，其日期未注明")
    if doc is None:
        doc = load(Target(reg.path(v), reg, v))
    found = commencement(doc)
    if found is None:
        return Effect(v, date, None, "文本没有施行日期条款")
    label, when = found
    eff = _iso(when)
    if eff is None:
        return Effect(v, date, None, f"{label}写作“自{when}起施行”，其日期未注明")
    if eff < date:
        return Effect(v, date, None, f"{label}“自{when}起施行”是原文本的施行日期，早于本版本的{event_word(v)}日期，"
                                     f"不是本次{event_word(v)}的施行日期")
    return Effect(v, date, eff, f"据{label}")


def effects(reg: RegulationMeta, until: str | None = None) -> list[Effect]:
    """The adopted, dated versions' dates, by date (a draft is never in force; an undated version cannot be placed);
    ``until``: only those adopted by that day (the later ones' texts are not read for their 施行 dates)."""
    out = [effect(reg, v) for v in reg.versions
           if v.date and not is_draft(reg, v) and (until is None or adopted_on(v) <= until)]
    return sorted(out, key=lambda e: e.date)


@dataclass
class InForce:
    """The answer to "which text was in force on this day"."""
    day: str
    effect: Effect | None            # the text in force — or, when not certain, the latest adopted by then
    certain: bool = True
    earlier: Effect | None = None    # not certain: the text in force if ``effect`` had not yet taken effect
    pending: list[Effect] = field(default_factory=list)   # adopted by then, in force only later

    @property
    def version(self) -> VersionMeta | None:
        return self.effect.version if self.effect else None

    def headline(self) -> str:
        """One sentence on the day's text, for ``kb show --as-of``."""
        later = "".join(f"；{e.describe()}，该日尚未施行" for e in self.pending)
        if self.effect is None:
            return f"{self.day} 没有施行的版本{later}"
        if self.certain:
            return f"{self.day} 施行的是 {self.effect.describe()}{later}"
        before = (f"若尚未施行，该日施行的是 {self.earlier.describe()}" if self.earlier else
                  "若尚未施行，该日没有施行的版本")
        return (f"{self.day} 以前最近{event_word(self.effect.version)}的是 {self.effect.describe()}："
                f"{self.effect.how}，不能确定该日是否已施行；{before}{later}")

    def to_dict(self) -> dict:
        def one(e):
            return None if e is None else {"version": e.version.name, "date": e.date, "effective": e.effective,
                                            "how": e.how}
        return {"day": self.day, "certain": self.certain, "text": one(self.effect), "earlier": one(self.earlier),
                "pending": [one(e) for e in self.pending]}


def in_force(reg: RegulationMeta, day: str) -> InForce:
    """Which adopted version was in force on ``day`` (YYYY-MM-DD).  A version adopted by then whose 施行 date is
    later was not yet in force; one whose 施行 date is unknown may or may not have been (``certain`` False, with
    the text in force before it)."""
    adopted = effects(reg, until=day)
    pending: list[Effect] = []
    while adopted:
        e = adopted.pop()
        if e.effective and e.effective > day:
            pending.insert(0, e)
            continue
        if e.effective:
            return InForce(day, e, True, None, pending)
        earlier = next((x for x in reversed(adopted) if not (x.effective and x.effective > day)), None)
        return InForce(day, e, False, earlier, pending)
    return InForce(day, None, True, None, pending)
