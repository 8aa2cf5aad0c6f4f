"""The enrichment layers of one version, computed once when the site is loaded.

Every page of a version reads the same definitions, term uses, references, obligations and
relations; computing them here, once, and indexing them the way pages look them up (by the eid of
the provision) keeps rendering a page from recomputing any layer.  What only the version's own pages
show (term uses, back-references) is worked out when the first of them is rendered.  A layer that cannot be computed
(an ``actors.yml`` with an error) raises KbError naming the file, and the build stops with it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from kb.layers import links, obligations
from kb.layers.laws import law_index
from kb.layers.actors import load_registry
from kb.outputs.duties import leads


@dataclass
class Layers:
    definitions: list
    references: dict        # eid -> [Reference]
    statements: list
    relations: list
    registry: object
    doc: object = field(repr=False)

    # what only the version's own pages show (kb.site.rendering, the glossary), worked out when one of them is
    # rendered: a build that keeps a regulation's pages as they are (kb build after another one changed) never
    # reads them (of 200 regulations, a twentieth of rebuilding one)
    @functools.cached_property
    def term_uses(self) -> dict:
        """eid -> [TermUse]"""
        out: dict = {}
        for u in links.term_uses(self.doc):
            out.setdefault(u.eid, []).append(u)
        return out

    @functools.cached_property
    def _backrefs(self) -> tuple[dict, dict]:
        return _by_article(links.backrefs(self.doc))

    @property
    def backrefs(self) -> dict:
        """article eid -> [Reference]"""
        return self._backrefs[0]

    @property
    def backref_parts(self) -> dict:
        """(article eid, referring eid) -> [target eids]"""
        return self._backrefs[1]

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


def load_layers(doc, root: Path, everything: bool = False) -> Layers:
    """The layers of ``doc``; with ``everything``, those worked out when a page asks for them too (a worker
    filling the layer cache for the build that reads it)."""
    definitions = links.definitions(doc)
    references: dict = {}
    # linked through the knowledge base: a citation of another law lands on that law's article
    for r in links.references(doc, law_index(root=root)):
        references.setdefault(r.eid, []).append(r)
    registry = load_registry(root, (doc.meta or {}).get("regulation"))
    layers = Layers(definitions, references, statements=obligations.extract(doc, registry),
                    relations=obligations.relations(doc, registry), registry=registry, doc=doc)
    if everything:
        layers.term_uses, layers.backrefs       # noqa: B018 - worked out (into the layer cache) now
    return layers


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
