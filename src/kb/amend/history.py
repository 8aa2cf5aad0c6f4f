"""An article through the versions of its regulation: the changes that made an article read as it
does (which version was in force on a date: kb.amend.effective).

A version registered from a decision (``kb amend … --register``) names it in meta.yml
(``amended_by``, ``base``): the decision is applied again to its base to learn which of its
instructions touched the article and what the article was numbered before.  Between two versions
with no decision between them, the comparison (kb.compare.align) tells whether the article was
added, changed or kept, and its number before.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.errors import KbError
from kb.project import RegulationMeta, Target, VersionMeta, is_draft, load
from kb.text.numerals import article_label, number_key


@dataclass
class Step:
    """What one version did to the article."""
    version: str
    label: str
    date: str | None
    how: str                      # 制定（草案：起草） | 新增 | 修改 | 条号变动 | 未变
    old: str | None = None        # its label in the version before (None: added here)
    new: str | None = None        # its label in this version
    changes: list[str] = field(default_factory=list)   # the instructions that changed it
    decision: str | None = None   # the decision's file, when the version came from one

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def version_date(v: VersionMeta) -> str | None:
    return str(v.date) if v.date else None


def first_step(reg: RegulationMeta, v: VersionMeta) -> str:
    """What the first version did to its articles: an adopted text 制定 them, a draft only 起草 them
    (a draft is never enacted: kb.amend.effective.in_force)."""
    return "起草" if is_draft(reg, v) else "制定"


def _base(reg: RegulationMeta, k: int) -> VersionMeta | None:
    v = reg.versions[k]
    name = v.raw.get("base")
    if name:
        return next((x for x in reg.versions if x.name == name), None)
    return reg.versions[k - 1] if k > 0 else None


def article_history(reg: RegulationMeta, version: VersionMeta, number, docs: dict | None = None) -> list[Step]:
    """Oldest first: how the article numbered ``number`` in ``version`` came to read so.  ``docs``:
    parsed versions by name (read from the files when missing)."""
    return History(reg, docs).of(version, number)


class History:
    """The articles of a regulation through its versions.  Each version is compared with its base
    once (its decision applied again, or the two texts aligned); an article's history then follows
    its numbers back through these transitions."""

    def __init__(self, reg: RegulationMeta, docs: dict | None = None):
        self.reg = reg
        self.docs = dict(docs or {})
        self.steps: dict[str, dict] = {}     # version name -> {number_key of new: (Step, old number)}

    def doc(self, v: VersionMeta):
        if v.name not in self.docs:
            self.docs[v.name] = load(Target(self.reg.path(v), self.reg, v))
        return self.docs[v.name]

    def transition(self, v: VersionMeta) -> dict:
        if v.name not in self.steps:
            k = self.reg.versions.index(v)
            base = _base(self.reg, k)
            if base is None:
                how = first_step(self.reg, v)
                self.steps[v.name] = {number_key(a.number): (Step(v.name, v.label, version_date(v), how, None,
                                                                  article_label(a.number)), None)
                                      for a in self.doc(v).articles}
            elif v.raw.get("amended_by"):
                self.steps[v.name] = _by_decision(self.reg, v, self.doc(base))
            else:
                self.steps[v.name] = _by_comparison(v, self.doc(base), self.doc(v))
        return self.steps[v.name]

    def of(self, version: VersionMeta, number) -> list[Step]:
        if self.doc(version).article(number) is None:
            raise KbError(f"{version.label or version.name}没有{article_label(number)}", str(self.reg.path(version)))
        out: list[Step] = []
        v, cur = version, number
        while v is not None and cur is not None:
            step, prev = self.transition(v).get(number_key(cur), (None, None))
            if step is None:
                break
            out.append(step)
            cur = prev
            k = self.reg.versions.index(v)
            v = _base(self.reg, k)
        return out[::-1]


def _by_decision(reg: RegulationMeta, v: VersionMeta, base_doc) -> dict:
    from kb.amend.apply import apply
    from kb.text.amendment import read_amendment

    am = read_amendment(str(reg.folder / v.raw["amended_by"]))
    res = apply(base_doc, am)
    by_entry: dict[int, list[str]] = {}
    for c in res.changes:
        if c.entry is not None:
            by_entry.setdefault(id(c.entry), []).append(f"{c.instruction}：{_what(c)}")
    out = {}
    for e in res.state.articles():
        old = e.origin.number if e.origin is not None else None
        changes = by_entry.get(id(e), [])
        how = "新增" if old is None else ("修改" if changes else
                                        ("条号变动" if number_key(old) != number_key(e.number) else "未变"))
        out[number_key(e.number)] = (Step(v.name, v.label, version_date(v), how,
                                          article_label(old) if old is not None else None, article_label(e.number),
                                          changes, v.raw["amended_by"]), old)
    return out


def _what(c) -> str:
    from kb.text.amendment import ACTIONS

    where = c.old or c.new
    return f"{ACTIONS.get(c.action, c.action)}{'（' + where + '）' if where else ''}{'，' + c.detail if c.detail else ''}"


def _by_comparison(v: VersionMeta, old_doc, new_doc) -> dict:
    from kb.compare.align import align

    al = align(old_doc, new_doc)
    best: dict[int, object] = {}
    for l in al.links:
        if l.new is not None and l.old is not None and (l.new not in best or l.similarity > best[l.new].similarity):
            best[l.new] = l
    out = {}
    for i, u in enumerate(al.new):
        cur = u.node.number
        l = best.get(i)
        if l is None:
            out[number_key(cur)] = (Step(v.name, v.label, version_date(v), "新增", None, article_label(cur)), None)
            continue
        old = al.old[l.old].node.number
        how = "修改" if l.status != "unchanged" else ("条号变动" if number_key(old) != number_key(cur) else "未变")
        note = {"modified": "与上一版本相比有修改", "split": "由上一版本的条文拆分而来",
                "merged": "由上一版本的几条合并而来"}.get(l.status, "")
        out[number_key(cur)] = (Step(v.name, v.label, version_date(v), how, article_label(old), article_label(cur),
                                     [note] if how == "修改" and note else []), old)
    return out
