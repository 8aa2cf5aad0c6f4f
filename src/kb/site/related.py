"""The site's 相关条文 panels and its cross-regulation actor pages, computed once per build.

Related provisions come from kb.library.related over the versions the site already parsed (no text
is read twice): every article of every version gets at most ``PER_KIND`` answers per kind, with the
shared wording marked.  The actor pages gather, for each actor named in two regulations or more,
its duties across every regulation of the site, grouped by level and regulation.
"""
from __future__ import annotations

from pathlib import Path

from kb.layers.cache import read_state, write_state
from kb.library.kinds import KIND_NAMES, KINDS, kind_of
from kb.library.related import Library, cited_provisions, cited_regulations, rests_outside
from kb.library.related_cache import related_all
from kb.project import LEVEL_RANK, count_laws
from kb.site.progress import say, timed

PER_KIND = 3            # answers per kind in a panel (the CLI gives more)
STATE = "site-related"  # the answers a build keeps for the next (kb.layers.cache.write_state)


def compute_related(sites: list, root: Path | None = None) -> None:
    """Fill ``vs.related`` (eid -> [Relation]) for every version of the site; with the project's
    ``root``, the answers the previous build kept are reused where nothing they depend on changed
    (kb.library.related_cache) and this build's are kept."""
    if not _any_kin(sites):
        return          # no two versions relate (one version each, no level stated): no index to build
    with timed("related"):
        refs = {vs.reg.id: [r for rs in vs.layers.references.values() for r in rs] for vs in sites if vs.latest}
        grounds = {reg: cited_regulations(rs) for reg, rs in refs.items()}
        outside = {vs.reg.id for vs in sites if vs.latest and rests_outside(vs.doc, refs[vs.reg.id])}
        citations = {reg: cited_provisions(rs) for reg, rs in refs.items()}
        lib = Library([(vs.reg, vs.version, vs.doc, vs.latest) for vs in sites], grounds, outside, citations)
        previous = read_state(root, STATE) if root is not None else None
        answers, state, reused = related_all(lib, lib.entries, previous, limit=PER_KIND)
        if root is not None:
            write_state(root, STATE, state)
        for vs in sites:
            for a in vs.doc.articles:
                e = lib.get(vs.reg.id, vs.version.name, a.eid)
                rel = answers.get(e.index) if e is not None else None
                if rel:
                    vs.related[a.eid] = rel
    again = f"，{len(lib.entries) - reused} 条重新计算（其余沿用上次构建）" if previous else ""
    say(f"相关条文：{sum(len(v.related) for v in sites)} 条有相关条文{again}")


def _any_kin(sites: list) -> bool:
    """Whether some version is of any kind (kb.library.kinds) to another: two versions of one
    regulation, or two regulations whose levels place them."""
    regs = list({vs.reg.id: vs.reg for vs in sites}.values())
    return len(sites) > len(regs) or any(kind_of(a, b) for a in regs for b in regs if a is not b)


def panel_digests(sites: list) -> dict[str, str]:
    """Regulation id -> a hash of what its pages' 相关条文 panels show (each answer's regulation,
    version, article, figures, text and marks): a regulation whose text did not change is rebuilt
    by an incremental ``kb build`` when this changed (another regulation's text it quotes, or which
    provisions relate to it)."""
    import hashlib
    import json

    out: dict[str, "hashlib._Hash"] = {}
    for vs in sorted(sites, key=lambda v: (v.reg.id, v.version.name)):
        h = out.setdefault(vs.reg.id, hashlib.sha1())
        for eid, rel in vs.related.items():
            shown = [(r.kind, r.entry.reg.id, r.entry.version.name, r.entry.eid, round(r.similarity, 4),
                      round(r.shared, 4), r.entry.text, r.marks, r.weak, round(r.relevance, 4) if r.weak else None)
                     for r in rel]
            h.update(json.dumps([vs.version.name, eid, shown], ensure_ascii=False).encode("utf-8"))
    return {r: h.hexdigest() for r, h in out.items()}


def kind_name(kind: str) -> str:
    return KIND_NAMES[kind]


def grouped(rel: list) -> list[tuple[str, list]]:
    """[(kind name, [Relation])] in the order of KINDS."""
    return [(KIND_NAMES[k], [r for r in rel if r.kind == k]) for k in KINDS if any(r.kind == k for r in rel)]


def shared_actors(sites: list, registry_of) -> dict[str, list]:
    """Canonical actor name -> [(VersionSite, [statements])] for the actors named in the latest
    versions of two regulations or more, the regulations ordered by level, then jurisdiction, then
    title."""
    by_actor: dict[str, dict] = {}
    for vs in sites:
        if not vs.latest:
            continue
        reg = registry_of(vs)
        for s in vs.layers.statements:
            if not s.actor:
                continue
            name = reg.canonical(s.actor) if reg is not None else s.actor
            by_actor.setdefault(name, {}).setdefault(vs.reg.id, (vs, []))[1].append(s)
    out = {}
    for name, regs in by_actor.items():
        if count_laws(vs.reg for vs, _ in regs.values()) < 2:
            continue            # one regulation (or the excerpts of one law: 民法典's 物权编 and 合同编)
        out[name] = sorted(regs.values(), key=lambda t: (LEVEL_RANK.get(t[0].reg.level or "", 9),
                                                          t[0].reg.jurisdiction or "", t[0].title))
    return out
