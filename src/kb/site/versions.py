"""The regulation versions a site shows, read once.

Each version is parsed, given its enrichment layers and linked to the version before it here, so
that planning, rendering and downloads all read the same objects and never go back to the files.
Problems with the files (no regulation, no versions, an unreadable text) raise KbError naming the
file; the plugin reports them as the build's error.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from kb.compare.diff import previous_numbers
from kb.errors import KbError
from kb.layers import obligations
from kb.project import Target, is_draft, list_regulations, load, version_level
from kb.site.background import load_background, mentions
from kb.site.progress import log, say, timed
from kb.site.version_layers import Layers, load_layers
from kb.text.preamble import is_draft_status
from kb.text.xmlchars import check_doc


@dataclass
class VersionSite:
    """One version of one regulation and the pages made from it."""
    reg: object
    version: object
    doc: object
    base: str                                   # "suining-community/draft/"
    latest: bool
    layers: Layers
    pages: list = field(default_factory=list)   # [src_uri] of this version's pages, in order
    node_page: dict = field(default_factory=dict)   # eid -> src_uri of the page that shows it
    actor_pages: dict = field(default_factory=dict)  # actor name -> src_uri
    term_anchor: dict = field(default_factory=dict)  # term -> anchor id in the glossary (first definition)
    def_anchor: dict = field(default_factory=dict)   # (term, defining eid) -> (anchor id, Definition)
    downloads: list = field(default_factory=list)   # [(src_uri, label, description, size)]
    previous: dict = field(default_factory=dict)    # article eid -> number in the previous version
    previous_label: str = ""
    background: list = field(default_factory=list)   # [Background]: 起草说明 … (kb.site.background)
    mentioned: dict = field(default_factory=dict)    # article eid -> [(Background, paragraph anchor)]
    related: dict = field(default_factory=dict)     # article eid -> [kb.library.related.Relation]

    @property
    def spec(self) -> str:
        return f"{self.reg.id}@{self.version.name}"

    @property
    def title(self) -> str:
        return self.doc.title or self.reg.title

    # draft and tag follow from meta.yml, read once per build; every page asks for them, and each page
    # without a version of its own (the home page, an actor's page across regulations) for every version's
    # tag (kb.site.planning.page_title): worked out each time, 200 regulations spent a second on them
    @functools.cached_property
    def draft(self) -> bool:
        return is_draft(self.reg, self.version)

    @functools.cached_property
    def tag(self) -> str:
        """草案征求意见稿, or 地方性法规·现行有效: see ``status_tag``."""
        return status_tag(self.reg, self.version)

    def p(self, name: str) -> str:
        return self.base + name


def _validity(reg, v) -> str:
    """The validity written in meta.yml (有效 / 已修改 / 已废止 / 尚未生效 …), the version's own first."""
    raw, reg_raw = v.raw or {}, reg.raw or {}
    return str(raw.get("validity") or reg_raw.get("validity") or "").strip()


def version_state(reg, v) -> tuple[bool | None, str]:
    """(in force? — None when unknown, wording) for the banner."""
    raw = v.raw or {}
    status = v.status or ""
    if "in_force" in raw:
        return bool(raw["in_force"]), ("现行有效" if raw["in_force"] else "未生效或已失效")
    if is_draft_status(status):
        return False, "尚未生效，仅供征求意见"
    validity = _validity(reg, v)
    if validity:
        if any(w in validity for w in ("废止", "失效")):
            return False, validity
        if "尚未" in validity or "未生效" in validity:
            return False, validity
        if "修改" in validity or "修订" in validity:
            return False, f"{validity}（本版本已被修改后的文本取代）"
        return True, "现行有效" if validity in ("有效", "现行有效") else validity
    if any(w in status for w in ("废止", "失效")):
        return False, "已失效"
    if reg.versions and v is not reg.versions[-1]:
        return False, "已被新版本取代，不再有效"
    if not status:
        return None, "元数据未注明效力状态"
    return True, "现行有效"


def status_tag(reg, v) -> str:
    """The few words every page of a version carries after its title: the version's name for a draft
    (草案征求意见稿), the level and validity for a text in force (地方性法规·现行有效)."""
    if is_draft(reg, v):
        return v.label or v.status or "草案"
    in_force, words = version_state(reg, v)
    parts = [x for x in (version_level(reg, v), words.split("（")[0] if in_force is not None else "") if x]
    return "·".join(parts) or v.label


def load_versions(root: Path, only: list | None, default: str | None) -> tuple[list[VersionSite], str]:
    """Every version of the project's regulations (or of ``only`` these), the default regulation's
    first; and the default regulation's id."""
    regs = list_regulations(root)
    if only:
        wanted = set(only)
        regs = [r for r in regs if r.id in wanted]
    if not regs:
        raise KbError(f"{root / 'regulation'} 下没有任何法规")
    default = default or regs[0].id
    regs.sort(key=lambda r: (r.id != default, r.id))
    for reg in regs:
        if not reg.versions:
            raise KbError("元数据中没有列出任何版本", str(reg.folder / "meta.yml"))
    docs = _warm_layers(root, [(reg, v) for reg in regs for v in reg.versions])
    sites = []
    for reg in regs:
        for i, v in enumerate(reg.versions):
            sites.append(_load_version(root, reg, v, latest=(i == len(reg.versions) - 1),
                                       doc=docs.get((reg.id, v.name))))
    for old, new in zip(sites, sites[1:]):
        if old.reg is new.reg:
            new.previous = previous_numbers(old.doc, new.doc)
            new.previous_label = old.version.label
    return sites, default


def _warm_layers(root: Path, versions: list[tuple]) -> dict:
    """Compute on every core (kb.pool) the layers of the versions whose obligations the layer cache does
    not hold yet, into the cache the versions are then loaded from, one after the other, as they always
    were.  After the catalog (whose FTS5 engine extracts the obligations on every core itself) none is
    left, and the rest of the site's layers (term uses, references) costs less than handing them to
    workers that would read the cached ones back (measured: 200 regulations, 2.0 s in the command, 6-7 s
    through workers); without the catalog (kb build --no-catalog, the whoosh engine) or after a text
    changed, its versions go.  Nothing when one process is to do the work, or when the layer cache is
    off (the layers would be computed twice).  Returns the versions parsed meanwhile, (regulation,
    version) -> Document, for the loading to use."""
    from kb import pool
    from kb.layers import cache
    from kb.layers.actors import load_registry
    from kb.layers.laws import law_index
    from kb.layers.links.terms import plain_nouns

    if pool.jobs(len(versions)) <= 1 or not cache.on_disk(root):
        return {}
    docs, todo = {}, []
    with timed("parse"):
        for reg, v in versions:
            try:
                doc = docs[(reg.id, v.name)] = load(Target(reg.path(v), reg, v))
            except (KbError, OSError):
                continue            # said when the version is loaded
            if not obligations.kept(doc, load_registry(root, (doc.meta or {}).get("regulation"))):
                todo.append((root, reg, v))      # the costly layer (the registry is the one load_layers uses)
    n = pool.jobs(len(todo))
    if n > 1:
        # read once here rather than once in each worker: jieba's nouns (term uses; about 0.6 s of CPU
        # a process) and the knowledge base's laws (references)
        plain_nouns()
        law_index(root=root)
        say(f"分析层：{len(todo)} 个版本，{n} 个进程")
        with timed("layers"):
            for _ in pool.ordered_map(_version_layers, todo, name=lambda job: f"{job[1].id}@{job[2].name}"):
                pass
    return docs


def _version_layers(job: tuple) -> None:
    """The layers of one version, computed (or found) in the layer cache by a worker process; a text
    that cannot be read or parsed is left to the loading that follows, which reports it."""
    root, reg, v = job
    try:
        doc = load(Target(reg.path(v), reg, v))
        load_layers(doc, root, everything=True)
    except (KbError, OSError):
        pass


def _load_version(root: Path, reg, v, latest: bool, doc=None) -> VersionSite:
    say(f"解析 {reg.id}@{v.name}")
    with timed("parse"):
        try:
            doc = load(Target(reg.path(v), reg, v)) if doc is None else doc
        except OSError as e:
            raise KbError(f"无法读取：{e.strerror}", str(reg.path(v))) from None
    check_doc(doc, "网站（页面与 Word、AKN 下载都是 XML 或 HTML）")
    for w in doc.warnings:
        log.warning(f"kb: {w}")
    with timed("layers"):
        layers = load_layers(doc, root)
    vs = VersionSite(reg, v, doc, f"{reg.id}/{v.name}/", latest=latest, layers=layers)
    vs.background = load_background(reg, v, doc)
    vs.mentioned = mentions(vs.background)
    return vs
