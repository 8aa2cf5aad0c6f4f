"""The site's page families.  Each module builds the template context of its kind of page; this
table says which function builds which kind (the kind is also the template's name: ``<kind>.html``
in ``templates/``)."""
from __future__ import annotations

from kb.site.amendments import ctx_decision, ctx_history
from kb.site.downloads import ctx_downloads
from kb.site.pages.actors import ctx_actor, ctx_actor_all, ctx_actors, ctx_actors_all
from kb.site.pages.chapters import ctx_annexes, ctx_background, ctx_chapter, ctx_fulltext, ctx_prologue
from kb.site.pages.collections import ctx_collection, ctx_collections
from kb.site.pages.compare import ctx_compare
from kb.site.pages.glossary import ctx_glossary
from kb.site.pages.home import ctx_home, ctx_site_home
from kb.site.pages.matrix import ctx_graph, ctx_matrix
from kb.site.rendering import Renderer

CONTEXTS = {
    "site_home": ctx_site_home, "home": ctx_home,
    "fulltext": ctx_fulltext, "chapter": ctx_chapter, "background": ctx_background, "prologue": ctx_prologue, "annexes": ctx_annexes,
    "glossary": ctx_glossary,
    "actors": ctx_actors, "actor": ctx_actor, "actor_all": ctx_actor_all, "actors_all": ctx_actors_all,
    "matrix": ctx_matrix, "graph": ctx_graph,
    "downloads": ctx_downloads,
    "compare": ctx_compare,
    "collections": ctx_collections, "collection": ctx_collection,
    "decision": ctx_decision, "history": ctx_history,
}


def render_page(plan, env, url: str, info: dict) -> tuple[str, list]:
    """One planned page's HTML and table of contents, its links relative to ``url``."""
    return Renderer(plan, env, url, info).render(CONTEXTS[info["kind"]])
