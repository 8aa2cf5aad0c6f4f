"""The comparison page between two consecutive versions: the 新旧对照表 as kb.compare draws it."""
from __future__ import annotations

from markupsafe import Markup

from kb.compare.render.html import comparison_html


def ctx_compare(r):
    old, new = r.info["obj"]
    r.vs = new
    return {"old": old, "new": new, "body": Markup(comparison_html(old.doc, new.doc)),
            "old_home": r.page(old.p("index.md")), "new_home": r.page(new.p("index.md"))}, []
