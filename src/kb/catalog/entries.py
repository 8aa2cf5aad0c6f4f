"""What one parsed version contributes to the catalog: its entries, engine-neutral dicts of
the fields to index and the data to store.  The enrichment layers are read here (defined
terms from kb.layers.links, obligation statements from kb.layers.obligations, actor names
from kb.layers.actors), so an engine only has to index what it is given.

One entry per article (and per 序言 prologue and 附件 annex, searched like articles): label
and heading, the text of all its paragraphs and items, its defined terms, and the actors
and modalities of its obligation statements as facets, and what its references cite
(kb.catalog.citing).  Its paragraphs, items and
statements are stored inside it (with their own eid, citation, line and facets) and picked
out at search time by evaluating the query on their text (:func:`kb.catalog.query.matches`),
so no text is indexed twice.  Plus one entry per definition, and one per heading (编、分编、
章、节: its number and title, type ``chapter``), so 社区治理 finds 第三章　社区治理.
"""
from __future__ import annotations

import math
from contextlib import contextmanager

from kb.catalog.citing import article_cites
from kb.catalog.interface import SourceSpec
from kb.layers import actors, links, obligations
from kb.text.gcpause import gc_paused
from kb.text.numerals import to_chinese

#: the layers every catalog is built with (noted in its manifest)
USED_LAYERS = ["links", "obligations"]


def own_text(n) -> str:
    """What a reader sees as this node's own line: item marker + text."""
    if n.kind in ("item", "subitem"):
        return (n.label or "") + (n.text or "")
    return n.text or ""


def article_of(eid: str) -> str:
    return eid.split("__", 1)[0]


def _registry(root):
    """The project's actor registry; None (extract() then uses kb's lexicon alone) when the
    project's actors.yml cannot be read, so a broken lexicon file does not stop indexing."""
    if root is not None and str(root) in _ONE_REGISTRY:
        return _ONE_REGISTRY[str(root)]
    try:
        return actors.load_registry(root)
    except Exception:  # noqa: BLE001
        return None


#: project root -> the registry a catalog write reads its versions with (:func:`one_registry`)
_ONE_REGISTRY: dict = {}


@contextmanager
def one_registry(root):
    """Read every version of one catalog write with the registry as it was when the write began.
    load_registry finds whether its cached registry is still the project's by listing every
    regulation's actors.yml: once per version, that was a scan of all regulations per version
    (O(n²); 0.7 s of CPU of the workers in a build of 200 regulations).  The pool's workers, forked
    inside the block, inherit the registry."""
    key = str(root)
    had = key in _ONE_REGISTRY
    if not had:
        _ONE_REGISTRY[key] = _registry(root)
    try:
        yield
    finally:
        if not had:
            _ONE_REGISTRY.pop(key, None)


def actor_aliases(root) -> dict:
    """alias -> canonical actor name (kept in the manifest, so searching needs no YAML)."""
    registry = _registry(root)
    out: dict[str, str] = {}
    for a in registry or ():
        if not a.name:
            continue
        out[a.name] = a.name
        for alias in a.aliases:
            out.setdefault(str(alias), a.name)
    return out


class Facets:
    """The actors and modalities of a version's obligation statements, by provision (and by
    the article that contains it): what ``--actor``/``--modality`` filter on."""

    def __init__(self, stmts):
        self.actors: dict[str, set] = {}
        self.modalities: dict[str, set] = {}
        self.pairs: dict[str, set] = {}
        for s in stmts:
            eid = s.eid or ""
            actor, modality = str(s.actor or ""), str(s.modality or "")
            for e in {eid, article_of(eid)}:
                if actor:
                    self.actors.setdefault(e, set()).add(actor)
                if modality:
                    self.modalities.setdefault(e, set()).add(modality)
                if actor and modality:
                    self.pairs.setdefault(e, set()).add(f"{actor}|{modality}")

    def lists(self, eid: str) -> list[list[str]]:
        """[actors, modalities, actor|modality pairs] of one provision, sorted."""
        return [sorted(self.actors.get(eid, ())), sorted(self.modalities.get(eid, ())),
                sorted(self.pairs.get(eid, ()))]

    def fields(self, eid: str) -> dict:
        """The facet fields of one entry (comma-separated)."""
        return {"actor": ",".join(sorted(self.actors.get(eid, ()))),
                "modality": ",".join(sorted(self.modalities.get(eid, ()))),
                "actmod": ",".join(sorted(self.pairs.get(eid, ())))}


def doc_entries(doc, spec: SourceSpec, root=None) -> tuple[list[dict], list[str]]:
    """The catalog entries of one parsed version, and the layers they were built with."""
    with gc_paused():           # a burst of long-lived dicts (kb.text.gcpause)
        return _doc_entries(doc, spec, root)


def _doc_entries(doc, spec: SourceSpec, root) -> tuple[list[dict], list[str]]:
    src = spec.key
    meta = spec.meta or {}
    reg, ver = meta.get("regulation") or src.split("@")[0], meta.get("version") or src.partition("@")[2]
    version = {"status": _json_safe(meta.get("status") or doc.status),
               "title": _json_safe(doc.title or meta.get("title") or ""),
               "file": doc.source, "label": _json_safe(meta.get("version_label") or "")}
    defs = list(links.definitions(doc) or [])
    registry = _registry(root)
    stmts = list(obligations.extract(doc, registry) if registry is not None else obligations.extract(doc))
    base = {"source": src, "regulation": reg, "version": ver, "latest": "1" if spec.latest else "0"}
    out: list[dict] = []
    nodes_by_eid = {}
    # the articles, then the 序言 (prologue) and 附件 (annexes): searched like articles,
    # their paragraphs cited 序言第一段 / 附件一第二段
    others = [n for n in doc.root.walk() if n.kind in ("prologue", "annex")]
    terms = _terms_by_article(defs)
    facets = Facets(stmts)
    cites = article_cites(doc)
    by_article: dict[str, list] = {}          # one pass, not one per article
    for x in stmts:
        by_article.setdefault(article_of(x.eid or ""), []).append(x)
    for a in list(doc.articles) + others:
        chp, chapter_keys = _containers(a)
        for n in a.walk():
            if n is a or n.kind in ("paragraph", "item", "subitem"):
                nodes_by_eid[n.eid] = (n, a, chp, chapter_keys)
        out.append(_article_entry(a, base, version, chp, chapter_keys, terms.get(a.eid, []), facets,
                                  by_article.get(a.eid, []), cites.get(a.eid, [])))
    for i, d in enumerate(defs):
        entry = _definition_entry(d, i, base, version, nodes_by_eid)
        if entry is not None:
            out.append(entry)
    out += [_heading_entry(n, base, version) for n in doc.root.walk() if n.kind in HEADING_KINDS]
    return out, list(USED_LAYERS)


def _terms_by_article(defs) -> dict[str, list[str]]:
    """article eid -> the terms defined in it, in order, once each."""
    # an ordered set per article (a dict's keys): a list searched before each append was
    # quadratic in an article of thousands of definitions (kb bench linear's terms shape)
    out: dict[str, dict[str, None]] = {}
    for d in defs:
        eid, t = d.eid or "", d.term
        if t and eid:
            out.setdefault(article_of(eid), {})[t] = None
    return {eid: list(terms) for eid, terms in out.items()}


def _parts(a, facets: Facets) -> list[list]:
    """The stored parts of an article, [eid, citation, line, text, kind, actors, modalities,
    actor|modality pairs]: its own text, then each paragraph and item, each with its own
    facets, so the part shown for an article honours --actor/--modality (kb.catalog.hits
    reads them back)."""
    parts = []
    if a.text:
        parts.append([a.eid, a.citation, a.line, a.text, "article"])
    for n in a.walk():
        if n is a or n.kind not in ("paragraph", "item", "subitem"):
            continue
        own = own_text(n)
        if own:
            cit = n.citation
            if not cit and a.kind != "article" and n.kind == "paragraph":
                cit = f"{a.citation or a.label}第{to_chinese(n.number)}段" if n.number else a.citation
            parts.append([n.eid, cit, n.line, own, "item" if n.kind != "paragraph" else "paragraph"])
    for p in parts:
        p.extend(facets.lists(p[0]))
    return parts


def _statements(stmts) -> list[dict]:
    """The stored obligation statements of an article (``stmts``: those of the article); a list's item
    with its lead-in's verb (将……下列事项交由居民委员会办理：招商引资……, not 禁止 招商引资……: kb.outputs.duties)."""
    from kb.outputs.duties import leads, reading
    carried = leads(stmts)
    return [{"eid": x.eid or "", "actor": str(x.actor or ""), "modality": str(x.modality or ""),
             "action": reading(x, carried.get(id(x))), "explicit": x.explicit, "deadline": _json_safe(x.deadline),
             "span": [x.start, x.end]} for x in stmts]


HEADING_KINDS = ("part", "subpart", "chapter", "section")


def _heading_entry(n, base, version) -> dict:
    """A heading (编、分编、章、节): found by its number and title, shown with its articles."""
    chp, keys = _containers(n)
    arts = [a for a in n.walk() if a.kind == "article"]
    span = (arts[0].label if len(arts) == 1 else f"{arts[0].label}至{arts[-1].label}，共 {len(arts)} 条") if arts else ""
    citation = "".join(h.label for h in _heading_chain(n) if h.label)
    key = f"{base['source']}/{n.eid}"
    return dict(base, key=key, type="chapter", chapter=keys, artkey=key, text="",
                heading=f"{n.label} {n.title or ''}", terms="", actor="", modality="", actmod="", cites="",
                data={"status": version["status"], "title": version["title"], "version_label": version["label"],
                      "heading": n.title or None, "label": n.label, "article": None, "article_eid": None,
                      "chapter": chp or None, "file": version["file"], "eid": n.eid, "citation": citation,
                      "line": n.line, "text": f"{citation}　{n.title or ''}".rstrip() + (f"（{span}）" if span else ""),
                      "kind": n.kind})


def _heading_chain(n) -> list:
    """The headings a heading sits in, outermost first, and itself: 第二编、第三章 → 第二编第三章."""
    chain = []
    while n is not None and n.kind in HEADING_KINDS:
        chain.append(n)
        n = n.parent
    return chain[::-1]


def _article_entry(a, base, version, chp, chapter_keys, terms, facets, stmts, cites) -> dict:
    parts = _parts(a, facets)
    full = "\n".join(p[3] for p in parts)
    heading = a.title if a.title != a.label else None      # 序言's title is its label
    common = {"status": version["status"], "title": version["title"], "version_label": version["label"],
              "heading": heading, "label": a.label,
              "article": a.number, "article_eid": a.eid, "chapter": chp or None, "file": version["file"]}
    key = f"{base['source']}/{a.eid}"
    return dict(base, key=key, type="article", chapter=chapter_keys, artkey=key,
                text=full, heading=f"{a.label} {heading or ''}", terms=" ".join(terms),
                **facets.fields(a.eid), cites=",".join(cites),
                data=dict(common, eid=a.eid, citation=a.citation or a.label, line=a.line, parts=parts,
                          terms=terms, statements=_statements(stmts), text=a.text or heading or "",
                          kind=a.kind if a.kind != "article" else None))


def _definition_entry(d, i, base, version, nodes_by_eid) -> dict | None:
    eid = d.eid or ""
    n, a, chp, chapter_keys = nodes_by_eid.get(eid) or nodes_by_eid.get(article_of(eid)) or (None, None, "", "")
    term = str(d.term or "")
    if not term:
        return None
    body = d.definition or ""
    text = own_text(n) if n is not None else str(body)
    return dict(base, key=f"{base['source']}/{eid}#def-{i}", type="definition", chapter=chapter_keys,
                artkey=f"{base['source']}/{article_of(eid)}", text=text, terms=term, actor="", modality="",
                actmod="", cites="",
                data={"status": version["status"], "title": version["title"], "version_label": version["label"],
                      "heading": a.title if a else None,
                      "label": a.label if a else "", "article": a.number if a else None,
                      "article_eid": a.eid if a else None, "chapter": chp or None,
                      "file": version["file"], "eid": eid,
                      "citation": n.citation if n is not None else "",
                      "line": n.line if n is not None else None, "text": text, "term": term,
                      "definition": str(body), "scope": d.scope})


def _containers(a) -> tuple[str, str]:
    """(chapter number, chapter filter keys) of an article, or of a heading (itself counted).
    The keys are the chapter number (``3``: chapter 3 of any part) and the eid of every
    enclosing part, subpart, chapter and section (``part_2``, ``part_2__chp_3``,
    ``part_2__chp_3__sec_1``), so ``--chapter`` can name a chapter unambiguously in a text
    divided into parts (编)."""
    chapter = a if a.kind == "chapter" else a.ancestor("chapter")
    chp = str(chapter.number) if chapter is not None and chapter.number is not None else ""
    keys = [chp] if chp else []
    p = a if a.kind in HEADING_KINDS else a.parent
    while p is not None and p.kind in HEADING_KINDS:
        if p.eid and p.eid not in keys:
            keys.append(p.eid)
        p = p.parent
    return chp, ",".join(keys)


def _json_safe(v):
    """A value as an entry stores it: strings, integers, booleans, None and finite floats as they are,
    anything else as its str (what json.dumps(default=str) wrote), NaN and the infinities too (orjson,
    kb.catalog.building.data_json, would write them as null)."""
    if v is None or isinstance(v, (str, int, bool)) or (isinstance(v, float) and math.isfinite(v)):
        return v
    return str(v)
