"""What is read off the references once they are found: which citations point at a provision
(its back-references, shown on the provision's page) and which point nowhere (link warnings,
reported by ``kb check`` with file and line)."""
from __future__ import annotations

from kb.layers.links.records import Reference
from kb.layers.links.internal import references
from kb.layers.links.scan import doc_cache
from kb.text.model import Document, Issue


def link_warnings(doc: Document, refs: list[Reference] | None = None) -> list[Issue]:
    """An Issue (file, line, message) for each internal reference that points nowhere, and each citation of
    a provision that the law the knowledge base holds does not have (when ``refs`` were linked with a law index)."""
    refs = references(doc) if refs is None else refs
    return [Issue(doc.source, r.line, f"引用无法解析：{r.warning}" if r.kind == "internal" else
                  f"所引条款不存在：“{r.text}”：{r.missing}", "link")
            for r in refs if not r.resolved]


def own_part(src: str, target: str) -> bool:
    """Whether a reference made in ``src`` points at ``src`` itself or a part of it (本条, 下列 pointing at
    its own items): not a citation of ``target`` by another provision.  A paragraph citing another
    paragraph of its article (前款) is one: kb refs and the site's 本条被以下条款引用 both count it."""
    return src == target or target.startswith(src + "__")


def backrefs(doc: Document) -> dict[str, list[Reference]]:
    """target eid -> the internal references that point at it."""
    c = doc_cache(doc)
    if "back" in c:
        return c["back"]
    back: dict[str, list[Reference]] = {}
    for r in references(doc):
        if r.kind == "internal":
            for t in r.targets:
                back.setdefault(t, []).append(r)
    c["back"] = back
    return back
