"""An actor across the knowledge base: its duties in every regulation (latest versions), grouped by
regulation, the regulations ordered by level, jurisdiction and title."""
from __future__ import annotations

from pathlib import Path

from kb.errors import KbError
from kb.project import LEVEL_RANK, Target, list_regulations, load


def duties_across(root: Path, actor: str | None, modality: str | None = None, progress=None,
                  named: set | None = None) -> list[tuple]:
    """[(RegulationMeta, VersionMeta, Document, [statements])] for every regulation whose latest
    version names ``actor`` (any alias: names are compared canonically; None: every actor).  ``named``, when
    given, receives every actor the texts name (to tell a misspelt actor from one without duties)."""
    from kb.layers.actors import load_registry
    from kb.layers.obligations import extract

    regs = list_regulations(root)
    out = []
    for i, reg in enumerate(regs, 1):
        v = reg.versions[-1] if reg.versions else None
        if v is None:
            continue
        doc = load(Target(reg.path(v), reg, v))
        registry = load_registry(root, reg.id)
        want = registry.canonical(actor) if actor else None
        found = extract(doc, registry)
        if named is not None:
            named.update(s.actor for s in found if s.actor)
        stmts = [s for s in found if s.actor and (want is None or registry.canonical(s.actor) == want)
                 and (modality is None or s.modality == modality)]
        if stmts:
            out.append((reg, v, doc, stmts))
        if progress:
            progress(i, len(regs), reg.id)
    out.sort(key=lambda t: (LEVEL_RANK.get(t[0].level or "", 9), t[0].jurisdiction or "", t[0].title))
    return out


def check_actor(actor: str, reg, doc_actors) -> str:
    """The canonical name of actor, or a KbError naming the closest known actors when it is neither
    in the registry nor named in the text (a misspelt 居名委员会 is not an actor without duties)."""
    import difflib

    want = reg.canonical(actor)
    if actor in doc_actors:
        return want
    # a name only kb's reading of texts reduces to a known one -- by its head noun (不存在的机关 →
    # 机关, 公益性的事业单位 → 事业单位) -- is not a name of that actor the user may use: which
    # body it means is unknown (a name the text itself uses is taken above)
    bare = "".join(actor.split())
    reduced = bare not in reg.alias and reg.head_noun(bare) is not None
    if not reduced and (reg.is_known(actor) or want in doc_actors):
        return want
    # the registry's names first: a name only the texts use (at times with a stray word, 从居民委员会)
    # is offered when the registry has none close
    close = (difflib.get_close_matches(actor, sorted(reg.alias), n=5, cutoff=0.5)
             or difflib.get_close_matches(actor, sorted(set(doc_actors)), n=5, cutoff=0.5))
    close = list(dict.fromkeys(reg.canonical(c) for c in close))
    hint = f"；最接近的是：{'、'.join(close)}" if close else "；用 kb actors --all 查看全部主体"
    raise KbError(f"未知的主体“{actor}”{hint}")
