"""The obligation layer of a Document, as its users get it.

The extraction is computed once per (text, registry) — through the layer cache
(:mod:`kb.layers.cache`: kept on disk, so a second command on an unchanged text reads it back) —
and kept while the Document lives, so the statements, the relations, the unknown actors and the
JSON export of one text (a page of the site, a matrix, a diff, the catalog) cost one reading;
callers get copies, so the cached layer stays intact.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace

from kb.layers import cache
from kb.layers.actors import Registry, load_registry
from kb.layers.obligations.extractor import _Extractor
from kb.layers.obligations.records import SCHEMA_VERSION, Relation, Statement


def _registry_for(doc, registry: Registry | None, root=None) -> Registry:
    """registry, else the lexicon with the actors.yml of ``root`` (None: the project doc's file is in)."""
    if registry is not None:
        return registry
    if root is None:
        from kb.project import project_of     # lazy: the layer reaches the project only to find its root
        root = project_of(doc)
    return load_registry(root, doc.meta.get("regulation") if doc.meta else None)


#: id(doc) -> (weakref to doc, {id(registry): (registry, extractor)}).  An entry is dropped when its
#: Document is collected, and a lookup checks that the weakref still points at the same object, so a
#: new Document that reuses a collected one's id never sees the old results.
_LAYER_CACHE: dict[int, tuple] = {}


def _forget(key: int, ref) -> None:
    entry = _LAYER_CACHE.get(key)
    if entry is not None and entry[0] is ref:
        del _LAYER_CACHE[key]


@cache.record
@dataclass
class Extraction:
    """What the reading of a text found (the part of an :class:`_Extractor` that is kept)."""
    out: list = field(default_factory=list)        # [Statement]: the duties, one per clause
    no_actor: list = field(default_factory=list)   # [Statement]: the statements without an actor
    rels: list = field(default_factory=list)       # [Relation]
    unknown: dict = field(default_factory=dict)    # unknown actor -> eids
    said: dict = field(default_factory=dict)       # (eid, position) of a word that opened a duty -> with an actor
    silent: dict = field(default_factory=dict)     # (eid, position) of a modal word that states nothing -> why
    fate: dict = field(default_factory=dict)       # (eid, position) of a word that opened a duty -> record / no_actor


def _read(doc, reg: Registry) -> Extraction:
    """The extraction of doc with reg, from the layer cache or computed."""
    def compute() -> Extraction:
        x = _Extractor(doc, reg)
        x.run()
        return Extraction(x.out, x.no_actor, x.rels, x.unknown, x.said, x.silent, x.fate)
    return cache.layer(doc, "obligations", compute, reg.fingerprint())


def kept(doc, registry: Registry | None = None) -> bool:
    """Is the extraction of doc with registry in the layer cache on disk already (computed by an earlier
    run or another process, not read here)?"""
    return cache.kept(doc, "obligations", _registry_for(doc, registry).fingerprint())


def _extract_all(doc, registry=None) -> Extraction:
    """The extraction of doc with registry, computed once per (Document, registry)."""
    reg = _registry_for(doc, registry)
    key = id(doc)
    entry = _LAYER_CACHE.get(key)
    if entry is None or entry[0]() is not doc:
        try:
            ref = weakref.ref(doc, lambda r, k=key: _forget(k, r))
        except TypeError:              # an object without weakref support: no caching
            return _read(doc, reg)
        entry = (ref, {})
        _LAYER_CACHE[key] = entry
    x = _held(doc, reg)
    if x is None:
        x = _read(doc, reg)
        entry[1][id(reg)] = (reg, x)
    return x


def _held(doc, reg: Registry) -> Extraction | None:
    """The extraction of doc with reg that this process holds for the Document (_extract_all), if any."""
    entry = _LAYER_CACHE.get(id(doc))
    hit = entry[1].get(id(reg)) if entry is not None and entry[0]() is doc else None
    return hit[1] if hit is not None and hit[0] is reg else None


def actors_by_article(doc, registry: Registry | None = None) -> dict[str, set]:
    """Article eid -> the actors of the duties it states, read from the layer as :func:`extract` reads it (the same
    statements) but neither copied nor kept with the Document: a caller holding many Documents (the related-provision
    library, kb.library.related) keeps these sets only, not every text's extraction for as long as its Document lives."""
    reg = _registry_for(doc, registry)
    x = _held(doc, reg) or _read(doc, reg)
    out: dict[str, set] = {}
    for s in x.out:
        if s.actor:
            out.setdefault(s.eid.split("__")[0], set()).add(s.actor)
    return out


def _copy(s: Statement) -> Statement:
    # the fields as they are, without dataclasses.replace's call of __init__ (every statement is
    # copied on every call); the lists copied so that the cached layer stays intact
    c = object.__new__(Statement)
    c.__dict__.update(s.__dict__)
    c.levels = list(s.levels)
    c.items = list(s.items)
    return c


def extract(doc, registry: Registry | None = None) -> list[Statement]:
    """Every duty of doc with its actor, in document order (copies: the cached layer stays intact).
    Statements that name no actor are not obligations of anyone: see :func:`without_actor`."""
    return [_copy(s) for s in _extract_all(doc, registry).out]


def without_actor(doc, registry: Registry | None = None) -> list[Statement]:
    """Modal statements of doc that name no actor (社区发展治理工作应当……, 鼓励发展……服务业), in
    document order: kept apart from the register, the matrices and the scores, for a drafter to see."""
    return [_copy(s) for s in _extract_all(doc, registry).no_actor]


def modal_fates(doc, registry: Registry | None = None) -> list[tuple[str, int, str, str]]:
    """What became of each modal word of doc's articles (the spec's words standing as words, as
    ``modals.find_modals`` finds them): (eid, position, word, fate) with fate ``record`` (it opened a
    duty of an actor), ``no_actor`` (a statement without an actor), a reason it states nothing
    (``modifier`` 应由……办理的事项, ``condition`` 方可, ``definition`` 所称……是指), or ``none``: it
    vanished, which the corpus measure counts (goal 0)."""
    from kb.layers.obligations.modals import find_modals
    x = _extract_all(doc, registry)
    out = []
    for art in doc.articles:
        for node in art.walk():
            if node.kind not in ("paragraph", "item", "subitem") or not node.text:
                continue
            for (p, _, w, _) in find_modals(node.text, 0, len(node.text)):
                key = (node.eid, p)
                if key in x.said:
                    # what its duties became when the paragraph closed (a passive clause's is no_actor though it was read
                    # with a name; a draft lost there is none), not whether it was read with an actor
                    fate = x.fate.get(key, "none")
                else:
                    fate = x.silent.get(key, "none")
                out.append((node.eid, p, w, fate))
    return out


def relations(doc, registry: Registry | None = None) -> list[Relation]:
    """Governance relations stated in doc (指导, 支持, 督促 …): from, relation, to, eid."""
    return [replace(r) for r in _dedupe(_extract_all(doc, registry).rels)]


def _dedupe(rels: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in rels:
        k = (r.from_, r.relation, r.to, r.eid)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def unknown_actors(doc, registry: Registry | None = None) -> dict[str, list[str]]:
    """Actors found in doc that the lexicon does not know: name -> eids where they act."""
    return dict(_extract_all(doc, registry).unknown)


def export_layer(doc, root=None) -> dict:
    """The layer as JSON: its schema version, the duties, the statements without an actor, the actors
    they name (with a department's parent government from its levels), and relations.  ``root``: the
    knowledge base being exported, whose actors.yml is read (None: the project doc's file is in)."""
    reg = _registry_for(doc, None, root)
    x = _extract_all(doc, reg)
    stmts = list(x.out)
    rels = _dedupe(x.rels)
    # each actor's levels in the order the statements give them (one pass: a text of many actors and
    # duties went over every statement once per actor)
    levels_of: dict[str, dict] = {}
    for s in stmts:
        if s.actor:
            levels_of.setdefault(s.actor, {}).update(dict.fromkeys(s.levels))
    actors = []
    for n, seen in levels_of.items():
        d = reg.actor(n).to_dict()
        levels = list(seen)
        if d["kind"] == "department" and levels and d["parent"] == "人民政府":
            # 县（市、区）民政部门 is the 民政部门 of 县（市、区）人民政府
            d["parent"] = "、".join(reg.canonical(f"{lv}人民政府") for lv in levels)
            d["level"] = d["level"] or "、".join(levels)
        actors.append(d)
    return {"schema_version": SCHEMA_VERSION, "obligations": [s.to_dict() for s in stmts],
            "obligations_without_actor": [s.to_dict() for s in x.no_actor], "actors": actors,
            "relations": [r.to_dict() for r in rels]}
