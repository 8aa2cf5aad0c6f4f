"""The site's pages on amendments: each decision a version was registered from (``kb amend …
--register``), shown as its list of changes, each linked to the article it changes; and, for a
regulation with several dated versions, the history of its articles (which version was in force
when, and the changes that made each article read as it does).

A page family of its own: planned here (``plan_amendments``), rendered by ``ctx_decision`` and
``ctx_history`` with templates/decision.html and templates/history.html.
"""
from __future__ import annotations

from kb.text.numerals import number_key


def plan_amendments(plan) -> None:
    """A decision page for each version registered from a decision; a history page for the latest
    version of each regulation with more than one version."""
    by_reg: dict = {}
    for vs in plan.sites:
        by_reg.setdefault(vs.reg.id, []).append(vs)
    for reg_id, lst in by_reg.items():
        for vs in lst:
            if (vs.version.raw or {}).get("amended_by"):
                plan.add(vs.p("decision.md"), "修改决定", "decision", vs, _base_site(lst, vs))
        latest = next((vs for vs in lst if vs.latest), None)
        if latest is not None and len(lst) > 1:
            plan.add(latest.p("history.md"), "条文沿革", "history", latest, lst)


def _base_site(lst: list, vs):
    raw = vs.version.raw or {}
    name = raw.get("base")
    if name:
        return next((o for o in lst if o.version.name == name), None)
    i = lst.index(vs)
    return lst[i - 1] if i else None


def _history(lst: list):
    from kb.amend.history import History

    reg = lst[0].reg
    return History(reg, {vs.version.name: vs.doc for vs in lst})


def ctx_decision(r):
    """The decision as the list of its changes: each instruction as written, and what it did where,
    linked to the article before (in the base version) and after (in this version)."""
    from kb.amend.apply import apply, instruction_name
    from kb.text.amendment import ACTIONS, read_amendment

    vs, base = r.vs, r.info["obj"]
    am = read_amendment(str(vs.reg.folder / vs.version.raw["amended_by"]))
    res = apply(base.doc, am) if base is not None else None
    changes: dict = {}
    for c in (res.changes if res else []):
        changes.setdefault(c.instruction, []).append(c)
    rows = []
    for ins in am.instructions:
        items = []
        for c in changes.get(instruction_name(ins), []):
            e = c.entry
            after = None
            if e is not None and e.kind == "article" and e.status != "deleted" and c.action not in ("delete",):
                after = r.node_link(f"art_{e.number}", vs)
            before = None
            if e is not None and e.origin is not None and base is not None:
                before = r.node_link(e.origin.eid, base)
            items.append({"action": ACTIONS.get(c.action, c.action), "old": c.old, "new": c.new,
                          "detail": c.detail, "before": before, "after": after})
        rows.append({"label": ins.label.rstrip("、") or "—", "text": ins.text, "line": ins.line, "changes": items})
    toc = [_toc("changes", "修改内容")]
    return {"am": am, "rows": rows, "base": base, "result": res,
            "base_home": r.page(base.p("index.md")) if base is not None else None}, toc


def ctx_history(r):
    """Every article of the latest version with the steps that made it; the versions with their dates."""
    lst = r.info["obj"]
    vs = r.vs
    hist = _history(lst)
    sites = {o.version.name: o for o in lst}
    articles = []
    quiet = 0
    for a in vs.doc.articles:
        steps = hist.of(vs.version, a.number)
        if all(s.how in ("制定", "起草", "未变") for s in steps):
            quiet += 1
            continue
        rows = []
        for s in steps:
            site = sites.get(s.version)
            num = _number(s.new)
            link = r.node_link(f"art_{num}", site) if site is not None and num is not None else None
            dec = r.page(site.p("decision.md")) if site is not None and (site.version.raw or {}).get("amended_by") else None
            rows.append({"step": s, "link": link, "decision": dec})
        articles.append({"node": a, "href": r.node_link(a.eid, vs), "rows": rows})
    from kb.amend.history import first_step

    versions = _versions(r, lst)
    heading = _versions_heading(versions)
    toc = [_toc("versions", heading), _toc("articles", "条文沿革")]
    return {"versions": versions, "versions_heading": heading, "drafts": _drafts(versions), "articles": articles,
            "quiet": quiet, "since": first_step(vs.reg, lst[0].version)}, toc


def _versions(r, lst: list) -> list[dict]:
    """The versions by date (undated last), each saying whether it is a draft — a draft is never in force,
    whatever its date — and, for an adopted one, when it took effect as far as the text or its metadata says
    (kb.amend.effective, as ``kb show --as-of``)."""
    from kb.amend.effective import effect
    from kb.project import is_draft

    dated = sorted(((o.version.date or "", o) for o in lst), key=lambda x: (x[0] == "", x[0]))
    out = []
    for d, o in dated:
        draft = is_draft(o.reg, o.version)
        e = effect(o.reg, o.version, o.doc) if d and not draft else None
        out.append({"date": e.date if e else d, "vs": o, "href": r.page(o.p("index.md")), "draft": draft,
                    "effect": e})
    return out


def _versions_heading(versions: list[dict]) -> str:
    return "各版本日期" if all(v["draft"] for v in versions) else "各版本日期与施行日期"


def _drafts(versions: list[dict]) -> str:
    """Which of the versions are drafts: "all", "some" or "none" (the table's note says accordingly
    which text was in force on a day, in agreement with ``kb show --as-of``)."""
    n = sum(v["draft"] for v in versions)
    return "all" if n == len(versions) else ("some" if n else "none")


def _toc(anchor: str, name: str) -> dict:
    return {"level": 2, "id": anchor, "name": name, "children": []}


def _number(label: str | None):
    from kb.text.address import parse_address

    if not label:
        return None
    try:
        art = parse_address(label)[0]
    except Exception:
        return None
    base, sub = number_key(art)
    return f"{base}-{sub}" if sub else base
