"""The enrichment layers of one version, computed once when the site is loaded.

Every page of a version reads the same definitions, term uses, references, obligations and
relations; computing them here, once, and indexing them the way pages look them up (by the eid of
the provision) keeps rendering a page from recomputing any layer.  A layer that cannot be computed
(an ``actors.yml`` with an error) raises KbError naming the file, and the build stops with it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from kb.layers import links, obligations
from kb.layers.laws import law_index
from kb.layers.actors import load_registry
from kb.outputs.duties import leads


@dataclass
class Layers:
    definitions: list
    term_uses: dict         # eid -> [TermUse]
    references: dict        # eid -> [Reference]
    backrefs: dict          # article eid -> [Reference]
    backref_parts: dict     # (article eid, referring eid) -> [target eids]
    statements: list
    relations: list
    registry: object

    # a list's items and the lead-in that carries them (kb.outputs.duties), worked out once per version:
    # the actor pages, the matrix, the home page and the downloads all count or read them
    @functools.cached_property
    def carried(self) -> dict:
        """id(item record) -> its lead-in record: kb.outputs.duties.leads of the statements."""
        return leads(self.statements)

    @functools.cached_property
    def counted(self) -> list:
        """The statements a count counts: kb.outputs.duties.counted of the statements."""
        carried = self.carried
        return [s for s in self.statements if id(s) not in carried]


def load_layers(doc, root: Path) -> Layers:
    definitions = links.definitions(doc)
    term_uses: dict = {}
    for u in links.term_uses(doc):
        term_uses.setdefault(u.eid, []).append(u)
    references: dict = {}
    # linked through the knowledge base: a citation of another law lands on that law's article
    for r in links.references(doc, law_index(root=root)):
        references.setdefault(r.eid, []).append(r)
    backrefs, backref_parts = _by_article(links.backrefs(doc))
    registry = load_registry(root, (doc.meta or {}).get("regulation"))
    return Layers(definitions, term_uses, references, backrefs, backref_parts,
                  statements=obligations.extract(doc, registry),
                  relations=obligations.relations(doc, registry), registry=registry)


def _by_article(backrefs: dict) -> tuple[dict, dict]:
    """Back-references gathered under the cited article, and which parts of it each one cites."""
    by_article: dict = {}
    parts_cited: dict = {}
    seen: set = set()               # (article, citing eid), (article, citing eid, target): a look-up,
    for target, refs in backrefs.items():       # not a scan of the list (an article cited 10,000 times)
        art = target.split("__")[0]
        for r in refs:
            src = r.eid or ""
            if r.kind == "self" or links.own_part(src, target):
                continue            # 本条 / 下列: a provision pointing at itself or its own items
            lst = by_article.setdefault(art, [])
            if (art, r.eid) not in seen:
                seen.add((art, r.eid))
                lst.append(r)
            parts = parts_cited.setdefault((art, r.eid), [])
            if (art, r.eid, target) not in seen:
                seen.add((art, r.eid, target))
                parts.append(target)
    return by_article, parts_cited
