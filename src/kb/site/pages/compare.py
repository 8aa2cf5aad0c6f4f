"""The comparison page between two consecutive versions: the 新旧对照表 as kb.compare draws it, with
links to the same table as Word and PDF, and a switch that leaves out the unchanged articles."""
from __future__ import annotations

from markupsafe import Markup

from kb.compare.render.html import html_table
from kb.compare.render.table import rows
from kb.site.downloads import table_downloads


def ctx_compare(r):
    old, new = r.info["obj"]
    r.vs = new
    cmp = r.plan.comparison(old, new)
    arts = [x for x in rows(cmp) if x.kind == "article"]
    same = sum(1 for x in arts if x.status == "unchanged" and not (x.pair is not None and x.pair.moved))
    return {"old": old, "new": new, "body": Markup(html_table(cmp)),
            "rows": len(arts), "unchanged": same,
            "files": [(label, r.link(src)) for src, label in table_downloads(new)],
            "old_home": r.page(old.p("index.md")), "new_home": r.page(new.p("index.md"))}, []
