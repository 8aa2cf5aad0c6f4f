"""The public site: a mkdocs plugin that generates every page from the model.

No page exists on disk.  ``on_files`` adds one *generated* file per page (chapter
pages, home, glossary, actors, matrix, governance graph, downloads, collections,
comparisons) and per download; ``on_page_markdown`` hands mkdocs an empty
Markdown body; ``on_page_content`` replaces the HTML with the page rendered from
the parse tree and the enrichment layers through the jinja2 templates in
``templates/`` (autoescaped: regulation text is never read as Markdown, HTML or
template syntax) and sets the page's table of contents from the tree.

Enrichment layers (kb.links, kb.obligations, kb.actors, kb.catalog, kb.redline,
kb.akn, kb.matrix) are optional: each is imported when present, and a page that
needs a missing layer says so instead of failing.

Search: material's search box is kept, but its worker is replaced by
``kb/search.js`` (see overrides/main.html) which loads one small index per
regulation version (``<reg>/<ver>/search.json``, built here from the model) and
matches literally (substring, NFKC), so 居民委员会 finds exactly the provisions
that contain 居民委员会.  ``search: material`` in the plugin options restores
material's own index (for comparison in the benchmark).
"""
from __future__ import annotations

import hashlib
import html
import importlib
import json
import logging
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin

from kb.site.urls import page_url, relative

log = logging.getLogger("mkdocs.plugins.kb")

#: optional progress callback (set by ``kb build``): called with one Chinese line per step
PROGRESS = None

MODALITY_NAMES = {"obligation": "义务", "prohibition": "禁止", "permission": "权限（可以）",
                  "encouragement": "鼓励", "sanction": "法律责任"}
MODALITY_ORDER = ("obligation", "prohibition", "permission", "encouragement", "sanction")
KIND_NAMES = {"government": "国家机关、政府", "department": "政府部门", "self-governing": "基层群众自治组织",
              "enterprise": "企业事业单位", "social": "社会组织", "individual": "个人", "other": "其他",
              "party": "党组织", "judicial": "司法机关"}
DRAFT_WORDS = ("草案", "征求意见", "送审", "审议稿", "建议稿", "修改稿")


def _progress(msg: str) -> None:
    if PROGRESS:
        PROGRESS(msg)
    log.debug(msg)


def optional(name: str):
    """Import an optional layer module; None when it does not exist (yet)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name and (e.name == name or name.startswith(e.name + ".")):
            return None
        raise


def _call(label: str, fn, *a, default=None, **kw):
    """Run one layer; a failing layer is reported and the site still builds."""
    try:
        return fn(*a, **kw)
    except Exception as e:  # noqa: BLE001 - layers are written elsewhere; the site must not depend on them
        log.warning(f"kb: {label} 出错，相关内容未显示：{type(e).__name__}: {e}")
        return default


def slug(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


def version_state(reg, v) -> tuple[bool | None, str]:
    """(in force? — None when unknown, wording) for the banner."""
    raw = v.raw or {}
    status = v.status or ""
    if "in_force" in raw:
        return bool(raw["in_force"]), ("现行有效" if raw["in_force"] else "未生效或已失效")
    if any(w in status for w in DRAFT_WORDS):
        return False, "尚未生效，仅供征求意见"
    if any(w in status for w in ("废止", "失效")):
        return False, "已失效"
    if reg.versions and v is not reg.versions[-1]:
        return False, "已被新版本取代，不再有效"
    if not status:
        return None, "元数据未注明效力状态"
    return True, "现行有效"


# --------------------------------------------------------------------------- the model side

@dataclass
class Layers:
    definitions: list = field(default_factory=list)
    term_uses: dict = field(default_factory=dict)       # eid -> [TermUse]
    references: dict = field(default_factory=dict)      # eid -> [Reference]
    backrefs: dict = field(default_factory=dict)        # article eid -> [Reference]
    backref_parts: dict = field(default_factory=dict)   # (article eid, referring eid) -> [target eids]
    statements: list = field(default_factory=list)
    relations: list = field(default_factory=list)
    have_links: bool = False
    have_obligations: bool = False
    registry: object = None


@dataclass
class VersionSite:
    """One version of one regulation and the pages made from it."""
    reg: object
    version: object
    doc: object
    base: str                                   # "suining-community/draft/"
    latest: bool
    layers: Layers = field(default_factory=Layers)
    pages: list = field(default_factory=list)   # [(src_uri, title, kind, obj)]
    node_page: dict = field(default_factory=dict)   # eid -> src_uri of the page that shows it
    actor_pages: dict = field(default_factory=dict)  # actor name -> src_uri
    term_anchor: dict = field(default_factory=dict)  # term -> anchor id in the glossary (first definition)
    def_anchor: dict = field(default_factory=dict)   # (term, defining eid) -> (anchor id, Definition)
    downloads: list = field(default_factory=list)   # [(src_uri, label, description)]
    previous: dict = field(default_factory=dict)    # article eid -> number in the previous version
    previous_label: str = ""

    @property
    def spec(self) -> str:
        return f"{self.reg.id}@{self.version.name}"

    @property
    def title(self) -> str:
        return self.doc.title or self.reg.title

    def p(self, name: str) -> str:
        return self.base + name


#: seconds spent per stage in the last build (kb bench site prints them)
TIMINGS: dict[str, float] = {}


def _tick(key: str, t0: float) -> None:
    TIMINGS[key] = TIMINGS.get(key, 0.0) + time.perf_counter() - t0


def load_layers(doc, root: Path) -> Layers:
    t0 = time.perf_counter()
    try:
        return _load_layers(doc, root)
    finally:
        _tick("layers", t0)


def _load_layers(doc, root: Path) -> Layers:
    L = Layers()
    links = optional("kb.layers.links")
    if links is not None:
        L.have_links = True
        L.definitions = _call("kb.layers.links.definitions", links.definitions, doc, default=[]) or []
        for u in _call("kb.layers.links.term_uses", links.term_uses, doc, default=[]) or []:
            L.term_uses.setdefault(u.eid, []).append(u)
        for r in _call("kb.layers.links.references", links.references, doc, default=[]) or []:
            L.references.setdefault(r.eid, []).append(r)
        br = _call("kb.layers.links.backrefs", links.backrefs, doc, default={}) or {}
        for target, refs in br.items():
            art = target.split("__")[0]
            for r in refs:
                src = r.eid or ""
                if getattr(r, "kind", "") == "self" or src == target or target.startswith(src + "__"):
                    continue            # 本条 / 下列: a provision pointing at itself or its own items
                lst = L.backrefs.setdefault(art, [])
                if all(x.eid != r.eid for x in lst):
                    lst.append(r)
                parts = L.backref_parts.setdefault((art, r.eid), [])
                if target not in parts:
                    parts.append(target)
    obl = optional("kb.layers.obligations")
    if obl is not None:
        L.have_obligations = True
        registry = None
        actors = optional("kb.layers.actors")
        if actors is not None:
            registry = _call("kb.layers.actors.load_registry", actors.load_registry, root,
                             (doc.meta or {}).get("regulation"))
        L.registry = registry
        L.statements = _call("kb.layers.obligations.extract", obl.extract, doc, registry, default=[]) or []
        if hasattr(obl, "relations"):
            L.relations = _call("kb.layers.obligations.relations", obl.relations, doc, registry, default=[]) or []
    return L


def _claim(vs, roots, page: str, keep: bool = False) -> None:
    """Every node under ``roots`` is shown on ``page`` (with keep, a page already given stays)."""
    path = vs.p(page)
    for root in roots:
        for n in root.walk():
            if keep:
                vs.node_page.setdefault(n.eid, path)
            else:
                vs.node_page[n.eid] = path


def _article_groups(doc) -> list[tuple[object | None, list]]:
    """Pages of articles: one per chapter (or one for the whole text when it has no chapters)."""
    groups: list[tuple[object | None, list]] = []
    by_ch: dict = {}
    for a in doc.articles:
        ch = a.ancestor("chapter")
        if ch is None and doc.chapters:
            # an article before the first chapter (or in a part without chapters): nearest container
            ch = a.ancestor("section") or a.ancestor("part")
        key = ch.eid if ch is not None else None
        if key not in by_ch:
            by_ch[key] = (ch, [])
            groups.append(by_ch[key])
        by_ch[key][1].append(a)
    return groups


# --------------------------------------------------------------------------- the plugin

class KbConfig(Config):
    default_regulation = c.Optional(c.Type(str))
    comment_email = c.Optional(c.Type(str))
    collections = c.Type(list, default=[])
    downloads = c.Type(bool, default=True)
    search = c.Choice(("kb", "material"), default="kb")
    regulations = c.Optional(c.Type(list))      # only these regulation ids (default: all)
    templates = c.Type(str, default="templates")


class KbPlugin(BasePlugin[KbConfig]):
    """Generates the site from ``regulation/`` (see the module docstring)."""

    def __init__(self):
        super().__init__()
        self.sites: list[VersionSite] = []
        self.pages: dict[str, dict] = {}        # src_uri -> {kind, vs, obj, title}
        self.extra_files: dict[str, bytes] = {}
        self.env = None
        self.root: Path | None = None

    # ------------------------------------------------------------------ config and model
    def on_config(self, config):
        from mkdocs.exceptions import PluginError

        from kb.errors import KbError
        from kb.project import list_regulations, load

        t0 = time.perf_counter()
        TIMINGS.clear()
        self.root = Path(config.config_file_path).resolve().parent if config.config_file_path \
            else Path.cwd()
        self.directory_urls = config.use_directory_urls
        self.site_url = config.site_url or ""
        try:
            regs = list_regulations(self.root)
        except KbError as e:
            raise PluginError(f"kb: {e}") from None
        if self.config.regulations:
            wanted = set(self.config.regulations)
            regs = [r for r in regs if r.id in wanted]
        if not regs:
            raise PluginError(f"kb: {self.root / 'regulation'} 下没有任何法规")
        default = self.config.default_regulation or regs[0].id
        regs.sort(key=lambda r: (r.id != default, r.id))
        self.default = default
        self.sites = []
        for reg in regs:
            from kb.project import Target
            if not reg.versions:
                raise PluginError(f"kb: {reg.folder / 'meta.yml'}: 元数据中没有列出任何版本")
            for i, v in enumerate(reg.versions):
                _progress(f"解析 {reg.id}@{v.name}")
                t1 = time.perf_counter()
                try:
                    doc = load(Target(reg.path(v), reg, v))
                except KbError as e:
                    raise PluginError(f"kb: {e}") from None
                except OSError as e:
                    raise PluginError(f"kb: {reg.path(v)}: 无法读取：{e.strerror}") from None
                _tick("parse", t1)
                for w in doc.warnings:
                    log.warning(f"kb: {w}")
                vs = VersionSite(reg, v, doc, f"{reg.id}/{v.name}/", latest=(i == len(reg.versions) - 1))
                vs.layers = load_layers(doc, self.root)
                self.sites.append(vs)
        for old, new in zip(self.sites, self.sites[1:]):
            if old.reg is new.reg:
                new.previous = previous_numbers(old.doc, new.doc)
                new.previous_label = old.version.label
        self._plan()
        config.nav = self._nav()
        try:        # actor pages are reached from 主体 and the matrix, not the sidebar: don't list them
            config.validation.nav.omitted_files = logging.DEBUG
        except AttributeError:
            pass
        self._setup_env()
        self.t_model = time.perf_counter() - t0
        _progress(f"模型与增强层：{len(self.sites)} 个版本，{len(self.pages)} 个页面，"
                  f"{self.t_model:.2f} 秒")
        if self.config.search == "kb":
            extra = config.setdefault("extra", {})
            extra["kb_search"] = True
        return config

    def _setup_env(self):
        import jinja2

        tdir = self.root / self.config.templates
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tdir)), autoescape=True, auto_reload=False,
                                      trim_blocks=True, lstrip_blocks=True,
                                      undefined=jinja2.Undefined)
        obl = optional("kb.layers.obligations")
        if obl is not None and isinstance(getattr(obl, "MODALITY_NAMES", None), dict):
            MODALITY_NAMES.update(obl.MODALITY_NAMES)      # the same words as kb matrix and the CSV
        kinds = dict(KIND_NAMES)
        actors = optional("kb.layers.actors")
        kinds.update(getattr(actors, "KIND_NAMES", {}) if actors is not None else {})
        self.env.globals.update(modality_names=MODALITY_NAMES, modality_order=MODALITY_ORDER,
                                kind_names=kinds)

    # ------------------------------------------------------------------ planning the pages
    def _add(self, src, title, kind, vs=None, obj=None, nav=True):
        self.pages[src] = {"kind": kind, "vs": vs, "obj": obj, "title": title, "nav": nav}
        if vs is not None:
            vs.pages.append(src)

    def _plan(self):
        self.pages = {}
        self.extra_files = {}
        for vs in self.sites:
            doc = vs.doc
            self._add(vs.p("index.md"), "概览", "home", vs)
            prologues = list(doc.nodes("prologue"))
            if prologues:
                self._add(vs.p("prologue.md"), "序言", "prologue", vs, prologues)
                _claim(vs, prologues, "prologue.md")
            for ch, arts in _article_groups(doc):
                name = (ch.eid if ch is not None else "text") + ".md"
                title = f"{ch.label}　{ch.title}".strip() if ch is not None else "正文"
                self._add(vs.p(name), title, "chapter", vs, (ch, arts))
                _claim(vs, ([ch] if ch is not None else []) + list(arts), name, keep=True)
            annexes = list(doc.nodes("annex"))
            if annexes:
                self._add(vs.p("annexes.md"), "附件", "annexes", vs, annexes)
                _claim(vs, annexes, "annexes.md")
            for n in doc.nodes():        # sections/parts: the page of their first article
                if n.eid not in vs.node_page:
                    first = next((a for a in n.walk() if a.kind == "article"), None)
                    if first is not None:
                        vs.node_page[n.eid] = vs.node_page[first.eid]
            L = vs.layers
            if L.have_links:
                self._add(vs.p("glossary.md"), "术语", "glossary", vs)
                for d in L.definitions:
                    first = d.term not in vs.term_anchor
                    anchor = "t-" + slug(d.term) if first else "t-" + slug(f"{d.term}@{d.eid}")
                    vs.term_anchor.setdefault(d.term, anchor)
                    vs.def_anchor[(d.term, d.eid)] = (anchor, d)
            if L.have_obligations:
                self._add(vs.p("actors/index.md"), "主体", "actors", vs)
                for name in sorted({s.actor for s in L.statements if s.actor}, key=self._actor_key(vs)):
                    src = vs.p(f"actors/{slug(name)}.md")
                    vs.actor_pages[name] = src
                    self._add(src, name, "actor", vs, name, nav=False)
                self._add(vs.p("matrix.md"), "义务矩阵", "matrix", vs)
                self._add(vs.p("graph.md"), "治理关系图", "graph", vs)
            self._add(vs.p("downloads.md"), "下载", "downloads", vs)
        # comparisons between consecutive versions
        self.comparisons = []
        by_reg: dict = {}
        for vs in self.sites:
            by_reg.setdefault(vs.reg.id, []).append(vs)
        for reg_id, lst in by_reg.items():
            for old, new in zip(lst, lst[1:]):
                src = f"{reg_id}/compare-{old.version.name}-{new.version.name}.md"
                title = f"{old.version.label} → {new.version.label}"
                self._add(src, title, "compare", None, (old, new))
                self.comparisons.append((src, old, new))
        self._add("index.md", "首页", "site_home", None)
        self.collection_pages = []
        for i, col in enumerate(self.config.collections or []):
            if not isinstance(col, dict) or not col.get("title"):
                from mkdocs.exceptions import PluginError
                raise PluginError(f"kb: collections 第 {i + 1} 项需要 title")
            src = f"collections/{col.get('slug') or slug(col['title'])}.md"
            self._add(src, col["title"], "collection", None, col)
            self.collection_pages.append(src)
        if self.collection_pages:
            self._add("collections/index.md", "专题汇编", "collections", None)

    def _actor_key(self, vs):
        counts: dict = {}
        for s in vs.layers.statements:
            counts[s.actor] = counts.get(s.actor, 0) + 1
        return lambda name: (-counts.get(name, 0), name)

    def _nav(self):
        def section(vs):
            items = [{p["title"]: src} for src, p in self.pages.items()
                     if p["vs"] is vs and p["nav"]]
            if vs.latest and vs.reg.id == self.default and len(self.sites) == 1:
                items = items[1:]          # the site's home page is this version's home
            return items
        nav: list = [{"首页": "index.md"}]
        latest = [vs for vs in self.sites if vs.latest]
        many = len(latest) > 1
        regs_nav: list = []
        for vs in latest:
            items = section(vs)
            older = [o for o in self.sites if o.reg is vs.reg and o is not vs]
            for o in older:
                items.append({f"{o.version.label}（历史版本）": section(o)})
            for src, old, new in self.comparisons:
                if new.reg is vs.reg:
                    items.append({f"对照：{self.pages[src]['title']}": src})
            if many:
                regs_nav.append((vs, {vs.reg.short_title or vs.reg.title: items}))
            else:
                nav += items
        nav += self._group(regs_nav)
        if self.collection_pages:
            nav.append({"专题汇编": ["collections/index.md", *self.collection_pages]})
        return nav

    GROUP_OVER = 12

    def _group(self, regs_nav: list) -> list:
        """Many regulations: group them (by ``category`` in meta.yml, else in runs of about √N) so
        that, with navigation.prune, each page carries O(√N) navigation entries instead of O(N)."""
        if len(regs_nav) <= self.GROUP_OVER:
            return [entry for _, entry in regs_nav]
        cats: dict[str, list] = {}
        if all((vs.reg.raw or {}).get("category") for vs, _ in regs_nav):
            for vs, entry in regs_nav:
                cats.setdefault(str(vs.reg.raw["category"]), []).append(entry)
        else:
            import math
            k = max(2, math.ceil(math.sqrt(len(regs_nav))))
            for i in range(0, len(regs_nav), k):
                chunk = regs_nav[i:i + k]
                cats[f"法规 {i + 1}–{i + len(chunk)}"] = [entry for _, entry in chunk]
        return [{name: entries} for name, entries in cats.items()]

    # ------------------------------------------------------------------ files
    def on_files(self, files, config):
        from mkdocs.structure.files import File

        t0 = time.perf_counter()
        for src in self.pages:
            files.append(File.generated(config, src, content=""))
        for vs in self.sites:
            if self.config.search == "kb":
                from kb.site.search_index import build_index
                t1 = time.perf_counter()
                data = build_index(vs, self)
                _tick("search_index", t1)
                files.append(File.generated(config, vs.p("search.json"),
                                            content=json.dumps(data, ensure_ascii=False,
                                                               separators=(",", ":")).encode("utf-8")))
            if self.config.downloads:
                _progress(f"生成下载文件 {vs.spec}")
                t1 = time.perf_counter()
                made = make_downloads(vs, self)
                _tick("downloads", t1)
                for src, label, desc, data in made:
                    vs.downloads.append((src, label, desc, len(data)))
                    files.append(File.generated(config, src, content=data))
        self.t_files = time.perf_counter() - t0
        return files

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / "regulation"))
        server.watch(str(self.root / self.config.templates))
        return server

    # ------------------------------------------------------------------ pages
    def on_page_markdown(self, markdown, page, config, files):
        info = self.pages.get(page.file.src_uri)
        if info is None:
            return markdown
        page.meta["title"] = info["title"] if info["kind"] != "site_home" else \
            (self.sites[0].title if self.sites else "首页")
        if self.config.search == "kb":
            page.meta["search"] = {"exclude": True}
        vs = info["vs"] or (info["obj"][1] if info["kind"] == "compare" else None) \
            or next((s for s in self.sites if s.latest), None)
        if vs is not None:
            page.meta["kb_search_index"] = vs.p("search.json")
        return ""

    def on_page_content(self, html_, page, config, files):
        info = self.pages.get(page.file.src_uri)
        if info is None:
            return html_
        from mkdocs.structure.toc import get_toc

        t1 = time.perf_counter()
        r = Renderer(self, page.url, info)
        out, toc = r.render()
        page.toc = get_toc(toc)
        _tick("render", t1)
        return out

    def on_post_build(self, config):
        _progress(f"页面生成完成（{len(self.pages)} 页）")


# --------------------------------------------------------------------------- rendering

class Renderer:
    """Renders one page: holds the current URL so every link is relative."""

    def __init__(self, plugin: KbPlugin, url: str, info: dict):
        self.P = plugin
        self.url = url
        self.info = info
        self.vs: VersionSite | None = info["vs"]

    # -- urls
    def link(self, target: str) -> str:
        return relative(target, self.url)

    def page(self, src: str, frag: str | None = None) -> str:
        u = page_url(src, self.P.directory_urls)
        return self.link(u + (f"#{frag}" if frag else ""))

    def node_link(self, eid: str, vs: VersionSite | None = None) -> str | None:
        """Link to the page showing a node; articles, sections, paragraphs and items by their anchor."""
        vs = vs or self.vs
        src = vs.node_page.get(eid) if vs else None
        if src is None:
            return None
        n = vs.doc.get(eid)
        anchored = n is not None and n.kind in ("section", "article", "paragraph", "item", "subitem")
        return self.page(src, eid if anchored else None)

    # -- text with links
    def text(self, node) -> "Markup":
        from markupsafe import Markup

        vs = self.vs
        t = node.text or ""
        spans = []
        L = vs.layers
        for r in L.references.get(node.eid, []):
            targets = [x for x in (getattr(r, "targets", None) or []) if isinstance(x, str)]
            if targets and all(x.startswith(node.eid + "__") for x in targets):
                continue        # 下列 / 以下: its own items, right below it; a link would only scroll a line
            href = self._ref_href(r)
            if href and 0 <= r.start < r.end <= len(t):
                title = "、".join(self._cite(x) for x in (r.targets or []) if isinstance(x, str))
                spans.append((r.start, r.end, 0, "ref", href, title))
        for u in L.term_uses.get(node.eid, []):
            # the definition that applies here (a term may be defined twice, with different scopes)
            anchor, d = vs.def_anchor.get((u.term, getattr(u, "defined_in", "") or ""), (None, None))
            if anchor is None:
                anchor, d = vs.term_anchor.get(u.term), self._definition(u.term)
            if anchor and 0 <= u.start < u.end <= len(t):
                spans.append((u.start, u.end, 1, "term", self.page(vs.p("glossary.md"), anchor),
                              _deftext(d)))
        spans.sort(key=lambda s: (s[0], s[2], -(s[1] - s[0])))
        out, pos = [], 0
        for start, end, _, kind, href, title in spans:
            if start < pos:
                continue            # overlapping span: the earlier (or the reference) wins
            out.append(html.escape(t[pos:start], quote=False))
            seg = html.escape(t[start:end], quote=False)
            if kind == "ref":
                out.append(f'<a class="kb-ref" href="{html.escape(href)}" title="{html.escape(title)}">{seg}</a>')
            else:
                out.append(f'<a class="kb-term" href="{html.escape(href)}" data-def="{html.escape(title)}">'
                           f'{seg}</a>')
            pos = end
        out.append(html.escape(t[pos:], quote=False))
        return Markup("".join(out))

    def _definition(self, term):
        for d in self.vs.layers.definitions:
            if d.term == term:
                return d
        return None

    def _cite(self, target: str) -> str:
        n = self.vs.doc.get(target) if self.vs else None
        return n.citation if n is not None else target

    def _ref_href(self, r) -> str | None:
        kind = getattr(r, "kind", "internal")
        targets = [x for x in (getattr(r, "targets", None) or []) if isinstance(x, str)]
        if kind in ("internal", "self") and targets:
            return self.node_link(targets[0])
        if kind == "external":
            title = (targets[0] if targets else getattr(r, "target", "") or "").strip("《》")
            link = getattr(r, "link", None)
            for s in self.P.sites:
                if s.latest and (link == s.reg.id or title in (s.reg.title, s.reg.short_title, s.doc.title)):
                    return self.page(s.p("index.md"))
        return None

    # -- article helpers
    def cite(self, node) -> str:
        return f"《{self.vs.title}》{node.citation}"

    def mailto(self, node) -> str | None:
        vs = self.vs
        # with no address configured the mail still opens, addressed by the reader
        email = (vs.version.comment or {}).get("email") or self.P.config.comment_email or ""
        subject = f"对《{vs.title}》（{vs.version.label}）{node.citation}的意见"
        body = f"法规：《{vs.title}》\n版本：{vs.version.label}\n条款：{node.citation}\n"
        site_url = self.P_site_url()
        if site_url:
            path = page_url(vs.node_page.get(node.eid, ""), self.P.directory_urls)
            body += f"链接：{site_url.rstrip('/')}/{path}#{node.eid}\n"
        body += "\n意见：\n"
        q = urllib.parse.quote
        return f"mailto:{email}?subject={q(subject, safe='')}&body={q(body, safe='')}"

    def P_site_url(self) -> str:
        return getattr(self.P, "site_url", "") or ""

    def heading(self, a) -> str:
        if not a.title:
            return a.label
        b = a.brackets or ("（", "）")
        return f"{a.label}{b[0]}{a.title}{b[1]}"

    def backrefs(self, a) -> list[tuple[str, str | None, str]]:
        """(citation of the referring provision, its link, which part of this article it cites:
        "第一款" when it cites a paragraph or item rather than the whole article, else "")."""
        out = []
        L = self.vs.layers
        for r in L.backrefs.get(a.eid, []):
            n = self.vs.doc.get(r.eid)
            parts = []
            for t in L.backref_parts.get((a.eid, r.eid), []):
                tn = self.vs.doc.get(t)
                if t != a.eid and tn is not None and tn.citation.startswith(a.citation):
                    parts.append(tn.citation[len(a.citation):])
            out.append((n.citation if n is not None else r.eid, self.node_link(r.eid), "、".join(parts)))
        return out

    # -- page kinds
    def render(self):
        kind = self.info["kind"]
        fn = getattr(self, f"ctx_{kind}")
        ctx, toc = fn()
        tmpl = self.P.env.get_template(f"{kind}.html")
        base = {"r": self, "vs": self.vs, "P": self.P}
        if self.vs is not None:
            base["state"] = version_state(self.vs.reg, self.vs.version)
        base.update(ctx)
        return tmpl.render(**base), toc

    def ctx_site_home(self):
        vs = next((s for s in self.P.sites if s.latest), None)
        self.vs = vs
        others = [s for s in self.P.sites if s.latest and s is not vs]
        ctx, toc = self.ctx_home()
        ctx.update(others=others, site_home=True, state=version_state(vs.reg, vs.version))
        return ctx, toc

    def counts(self):
        vs = self.vs
        L = vs.layers
        return {
            "articles": len(vs.doc.articles),
            "definitions": len(L.definitions) if L.have_links else None,
            "actors": len({s.actor for s in L.statements if s.actor}) if L.have_obligations else None,
            "obligations": len(L.statements) if L.have_obligations else None,
        }

    def ctx_home(self):
        vs = self.vs
        groups = []
        for src in vs.pages:
            p = self.P.pages[src]
            if p["kind"] == "chapter":
                ch, arts = p["obj"]
                groups.append((p["title"], self.page(src), [(a, self.page(src, a.eid)) for a in arts]))
            elif p["kind"] in ("prologue", "annexes"):
                groups.append((p["title"], self.page(src), []))
        versions = [s for s in self.P.sites if s.reg is vs.reg]
        compares = [(src, old, new) for src, old, new in self.P.comparisons if new.reg is vs.reg]
        tools = [(self.P.pages[src]["title"], self.page(src)) for src in vs.pages
                 if self.P.pages[src]["kind"] in ("glossary", "actors", "matrix", "graph", "downloads")]
        cols = [(self.P.pages[s]["title"], self.page(s)) for s in self.P.collection_pages]
        ctx = {"groups": groups, "counts": self.counts(), "versions": versions, "compares": compares,
               "tools": tools, "collections": cols, "others": [], "site_home": False}
        toc = [{"level": 2, "id": "toc", "name": "条文目录", "children": []}]
        return ctx, toc

    def ctx_chapter(self):
        ch, arts = self.info["obj"]
        blocks = []        # [(section node or None, [articles])]
        for a in arts:
            sec = a.ancestor("section")
            if not blocks or blocks[-1][0] is not sec:
                blocks.append((sec, []))
            blocks[-1][1].append(a)
        has_sections = any(s is not None for s, _ in blocks)
        toc = []
        for sec, lst in blocks:
            items = [{"level": 3 if has_sections else 2, "id": a.eid,
                      "name": html.escape(self.heading(a), quote=False), "children": []} for a in lst]
            if sec is not None:
                toc.append({"level": 2, "id": sec.eid, "name": html.escape(f"{sec.label}　{sec.title or ''}"),
                            "children": items})
            else:
                toc += items
        return {"chapter": ch, "blocks": blocks, "hlevel": 3 if has_sections else 2}, toc

    def ctx_prologue(self):
        nodes = self.info["obj"]
        toc = [{"level": 2, "id": n.eid, "name": html.escape(n.title or n.label or "序言"), "children": []}
               for n in nodes]
        return {"nodes": nodes}, toc

    def ctx_annexes(self):
        nodes = self.info["obj"]
        items = []
        for n in nodes:
            head = " ".join(x for x in (n.label, n.title) if x) or "附件"
            lines = [ln for ln in n.full_text().split("\n") if ln.strip()]
            items.append((n, head, lines))
        toc = [{"level": 2, "id": n.eid, "name": html.escape(head), "children": []} for n, head, _ in items]
        return {"items": items}, toc

    def ctx_glossary(self):
        vs = self.vs
        entries = []
        n_defs: dict = {}
        for d in vs.layers.definitions:
            n_defs[d.term] = n_defs.get(d.term, 0) + 1
        by_term: dict = {}
        for eid, lst in vs.layers.term_uses.items():
            for u in lst:
                by_term.setdefault(u.term, []).append((eid, getattr(u, "defined_in", "") or ""))
        for d in vs.layers.definitions:
            uses = []
            seen = set()
            for eid, defined_in in by_term.get(d.term, []):
                if n_defs[d.term] > 1 and defined_in and defined_in != d.eid:
                    continue            # a use governed by the term's other definition
                if eid not in seen:
                    seen.add(eid)
                    n = vs.doc.get(eid)
                    uses.append((n.citation if n is not None else eid, self.node_link(eid),
                                 _order(vs.doc, eid)))
            uses.sort(key=lambda x: x[2])
            defn = vs.doc.get(d.eid)
            scope = vs.doc.get(d.scope) if getattr(d, "scope", None) else None
            entries.append({"term": d.term, "anchor": vs.def_anchor[(d.term, d.eid)][0], "text": _deftext(d),
                            "where": defn.citation if defn is not None else d.eid,
                            "href": self.node_link(d.eid),
                            "scope": scope.citation if scope is not None else None, "uses": uses})
        toc = [{"level": 2, "id": e["anchor"], "name": html.escape(e["term"]), "children": []} for e in entries]
        return {"entries": entries}, toc

    def _stmt_row(self, s):
        vs = self.vs
        n = vs.doc.get(s.eid)
        return {"s": s, "cite": n.citation if n is not None else s.eid, "href": self.node_link(s.eid),
                "text": _stmt_text(vs.doc, s)}

    def ctx_actors(self):
        vs = self.vs
        rows = []
        for name, src in vs.actor_pages.items():
            counts = {m: 0 for m in MODALITY_ORDER}
            for s in vs.layers.statements:
                if s.actor == name:
                    counts[s.modality] = counts.get(s.modality, 0) + 1
            rows.append((name, self.page(src), counts))
        return {"rows": rows}, []

    def ctx_actor(self):
        vs = self.vs
        name = self.info["obj"]
        groups = []
        for m in MODALITY_ORDER:
            lst = [self._stmt_row(s) for s in vs.layers.statements if s.actor == name and s.modality == m]
            if lst:
                groups.append((m, lst))
        reg = vs.layers.registry
        actor = _call("registry.get", reg.get, name) if reg is not None and hasattr(reg, "get") else None
        rels = [r for r in vs.layers.relations if _rel(r, "from") == name or _rel(r, "to") == name]
        rel_rows = self._relation_rows(rels)
        from markupsafe import Markup

        from kb.site.svg import neighbourhood_svgs
        links = {n: self.page(src) for n, src in vs.actor_pages.items() if n != name}
        edges = [(_rel(r, "from"), _rel(r, "relation"), _rel(r, "to")) for r in rels]
        svgs = [Markup(x) for x in neighbourhood_svgs(name, [e for e in edges if e[0] and e[2]], links)]
        toc = [{"level": 2, "id": f"m-{m}", "name": MODALITY_NAMES.get(m, m), "children": []}
               for m, _ in groups]
        if rel_rows:
            toc.append({"level": 2, "id": "relations", "name": "治理关系", "children": []})
        return {"name": name, "groups": groups, "actor": actor, "relations": rel_rows,
                "svgs": svgs,
                "graph_href": self.page(vs.p("graph.md")),
                "actor_href": lambda n: self.page(vs.actor_pages[n]) if n in vs.actor_pages else None}, toc

    def _relation_rows(self, rels) -> list:
        """One row per pair of actors: (街道办事处, "支持、指导、帮助", 居民委员会, [(第四条第三款, href)])."""
        merged: dict = {}
        for r in rels:
            if not _rel(r, "from"):
                continue
            key = (_rel(r, "from"), _rel(r, "to") or "—")
            rel_list, cites = merged.setdefault(key, ([], []))
            if _rel(r, "relation") not in rel_list:
                rel_list.append(_rel(r, "relation"))
            eid = _rel(r, "eid") or ""
            if all(e != eid for e, _, _ in cites):
                cites.append((eid, self._cite(eid), self.node_link(eid)))
        return [(f, "、".join(rl), t, [(c, h) for _, c, h in cites]) for (f, t), (rl, cites) in merged.items()]

    def ctx_matrix(self):
        from markupsafe import Markup

        vs = self.vs
        from kb.site.svg import heatmap_svg
        actors = list(vs.actor_pages)
        table = []
        for name in actors:
            counts = {m: 0 for m in MODALITY_ORDER}
            for s in vs.layers.statements:
                if s.actor == name:
                    counts[s.modality] = counts.get(s.modality, 0) + 1
            table.append((name, self.page(vs.actor_pages[name]), counts))
        chapters = [(self.P.pages[src]["obj"][0], src) for src in vs.pages if self.P.pages[src]["kind"] == "chapter"]
        cols = [(ch.label if ch is not None else "正文", ch.title if ch is not None else "", self.page(src))
                for ch, src in chapters]
        grid = []
        for name in actors:
            row = []
            for ch, src in chapters:
                row.append(sum(1 for s in vs.layers.statements if s.actor == name
                               and vs.node_page.get(s.eid) == src))
            grid.append(row)
        svg = Markup(heatmap_svg([a for a in actors], [c[0] for c in cols], grid,
                                 [self.page(vs.actor_pages[a]) for a in actors]))
        toc = [{"level": 2, "id": "table", "name": "按义务类型", "children": []},
               {"level": 2, "id": "heatmap", "name": "按章分布（热图）", "children": []}]
        return {"table": table, "svg": svg, "cols": cols, "grid": list(zip(actors, grid))}, toc

    def ctx_graph(self):
        from markupsafe import Markup

        from kb.site.svg import flow_svg
        vs = self.vs
        edges = [(_rel(r, "from"), _rel(r, "relation"), _rel(r, "to")) for r in vs.layers.relations]
        edges = [e for e in edges if e[0] and e[2]]
        links = {n: self.page(src) for n, src in vs.actor_pages.items()}
        svg = Markup(flow_svg(edges, links)) if edges else None
        rows = self._relation_rows(vs.layers.relations)
        return {"svg": svg, "rows": rows, "links": links}, []

    def ctx_downloads(self):
        vs = self.vs
        files = [(label, desc, self.link(src), src.rsplit("/", 1)[-1], size)
                 for src, label, desc, size in vs.downloads]
        return {"files": files}, []

    def ctx_compare(self):
        from markupsafe import Markup

        old, new = self.info["obj"]
        self.vs = new
        body = comparison_html(old.doc, new.doc)
        return {"old": old, "new": new, "body": Markup(body) if body else None,
                "old_home": self.page(old.p("index.md")), "new_home": self.page(new.p("index.md"))}, []

    def ctx_collections(self):
        cols = [(self.P.pages[s]["title"], self.P.pages[s]["obj"].get("description"), self.page(s))
                for s in self.P.collection_pages]
        return {"cols": cols}, []

    def ctx_collection(self):
        col = self.info["obj"]
        hits, source = collection_hits(self.P, col)
        rows = []
        for vs, eid, text, extra in hits:
            n = vs.doc.get(eid)
            self.vs = vs
            rows.append({"reg": vs.title, "version": vs.version.label,
                         "cite": n.citation if n is not None else eid,
                         "href": self.node_link(eid, vs), "text": text, "extra": extra})
        self.vs = None
        return {"col": col, "rows": rows, "source": source}, []


def _deftext(d) -> str:
    if d is None:
        return ""
    return getattr(d, "definition", None) or getattr(d, "text", "") or ""


def _comparison(old_doc, new_doc):
    diff = optional("kb.compare.diff")
    if diff is None or not hasattr(diff, "compare"):
        return None
    return _call("kb.compare.diff.compare", diff.compare, old_doc, new_doc)


def comparison_html(old_doc, new_doc) -> str | None:
    """The comparison page body: kb.diff.comparison_html (agreed API), or kb.redline's table."""
    for name in ("kb.compare.diff", "kb.compare.render.html"):
        mod = optional(name)
        if mod is not None and hasattr(mod, "comparison_html"):
            return _call(f"{name}.comparison_html", mod.comparison_html, old_doc, new_doc)
    red = optional("kb.compare.render.html")
    if red is not None and hasattr(red, "html_table"):
        cmp = _comparison(old_doc, new_doc)
        if cmp is not None:
            return _call("kb.compare.render.html.html_table", red.html_table, cmp)
    return None


def previous_numbers(old_doc, new_doc) -> dict:
    """new article eid -> its number in the previous version, when it changed (kb.diff)."""
    for name in ("kb.compare.diff",):
        mod = optional(name)
        if mod is not None and hasattr(mod, "previous_numbers"):
            return _call(f"{name}.previous_numbers", mod.previous_numbers, old_doc, new_doc, default={}) or {}
    return {}


def comparison_docx(old_doc, new_doc) -> bytes | None:
    red = optional("kb.compare.render.docx")
    if red is None:
        return None
    for name in ("comparison_docx", "to_docx"):
        if callable(getattr(red, name, None)):
            return _call(f"kb.compare.render.docx.{name}", getattr(red, name), old_doc, new_doc)
    if hasattr(red, "docx_bytes"):
        cmp = _comparison(old_doc, new_doc)
        if cmp is not None:
            return _call("kb.compare.render.docx.docx_bytes", red.docx_bytes, cmp)
    return None


def _order(doc, eid):
    n = doc.get(eid)
    return n.start if n is not None else 10 ** 9


def _rel(r, key):
    """A field of a Relation (dataclass or dict); ``from`` is spelt from_/source in Python."""
    names = ("from", "from_", "source", "frm", "subject") if key == "from" else (key,)
    for k in names:
        v = r.get(k) if isinstance(r, dict) else getattr(r, k, None)
        if v is not None:
            return v
    return None


def _stmt_text(doc, s) -> str:
    n = doc.get(s.eid)
    if n is None:
        return s.action or ""
    return (n.label if n.kind in ("item", "subitem") else "") + (n.text or "")


# --------------------------------------------------------------------------- collections

def collection_hits(P: KbPlugin, col: dict):
    """What a named query returns: [(VersionSite, eid, text, extra)], and where it came from.

    Configuration keys: ``query`` (text, through the catalog), and filters ``actor``,
    ``modality`` (obligation|prohibition|permission|encouragement|sanction), ``deadline: true``.
    Text queries go to kb.catalog; obligation filters are answered from the obligations layer
    (the same layer the catalog indexes).
    """
    query = (col.get("query") or "").strip()
    filters = dict(col.get("filters") or {})
    for k in ("actor", "modality", "deadline", "regulation"):
        if k in col and k not in filters:
            filters[k] = col[k]
    latest = [vs for vs in P.sites if vs.latest]
    if "regulation" in filters:
        latest = [vs for vs in latest if vs.reg.id == filters["regulation"]]
    cat = optional("kb.catalog.engine")
    cat_keys = {"actor", "modality", "regulation", "chapter", "type"}
    if query and cat is not None and set(filters) <= cat_keys:
        try:
            catalog = cat.Catalog(P.root)
            if catalog.is_stale():
                catalog.build()
            hits = catalog.search(query, limit=0, **filters)
            by_id = {(vs.reg.id, vs.version.name): vs for vs in P.sites}
            out = []
            for h in hits:
                vs = by_id.get((h.regulation, h.version))
                if vs is None:
                    continue
                n = vs.doc.get(h.eid)
                text = ((n.label if n.kind in ("item", "subitem") else "") + n.text) if n is not None \
                    else h.snippet
                out.append((vs, h.eid, text, None))
            return out, "按关键词检索全部条文"
        except Exception as e:  # noqa: BLE001
            log.warning(f"kb: 专题“{col.get('title')}”检索目录出错，改用逐条匹配：{type(e).__name__}: {e}")
    if filters.keys() & {"actor", "modality", "deadline"}:
        out = []
        for vs in latest:
            for s in vs.layers.statements:
                if "actor" in filters and s.actor != filters["actor"]:
                    continue
                if "modality" in filters and s.modality != filters["modality"]:
                    continue
                if filters.get("deadline") and not getattr(s, "deadline", None):
                    continue
                text = _stmt_text(vs.doc, s)
                if query and query not in text:
                    continue
                extra = MODALITY_NAMES.get(s.modality, s.modality)
                if getattr(s, "deadline", None):
                    extra += f"；期限：{s.deadline}"
                if s.actor and "actor" not in filters:
                    extra = f"{s.actor}：{extra}"
                out.append((vs, s.eid, text, extra))
        if not any(vs.layers.have_obligations for vs in latest):
            return [], "主体与义务的自动识别尚不可用"
        return out, ("按条文中的主体和“应当”“不得”“可以”“鼓励”等用语自动识别，"
                     "可能有遗漏或误判，以原文为准")
    if not query:
        return [], "本专题没有设置查询条件"
    out = []
    for vs in latest:
        for n in vs.doc.nodes():
            if n.kind in ("paragraph", "item", "subitem") and query in (n.text or ""):
                out.append((vs, n.eid, (n.label if n.kind != "paragraph" else "") + n.text, None))
    return out, "逐条查找含有该词的条文"


def _accepts(fn, name) -> bool:
    import inspect
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return False
    return name in sig.parameters or any(p.kind == p.VAR_KEYWORD for p in sig.parameters.values())


# --------------------------------------------------------------------------- downloads

def make_downloads(vs: VersionSite, P: KbPlugin | None = None) -> list[tuple[str, str, str, bytes]]:
    """[(src_uri, label, description, bytes)] for one version: text, JSON, matrix, AKN, 对照表."""
    from kb.outputs.export import document_dict
    from kb.outputs.formats import to_csv

    reg, v, doc = vs.reg, vs.version, vs.doc
    stem = f"{reg.id}-{v.name}"
    d = vs.p("downloads/")
    out = []
    src_path = reg.path(v)
    suffix = src_path.suffix or ".txt"
    if suffix.lower() in (".md", ".markdown", ".html", ".htm"):
        suffix += ".txt"            # mkdocs would turn a .md file into a page; serve the source as text
    out.append((d + f"{stem}{suffix}", "原文", "来源文本，原样（未作任何改动）", src_path.read_bytes()))
    out.append((d + f"{stem}.json", "JSON", "全文结构及术语、引用、主体与义务等分析结果（供程序读取）",
                json.dumps(document_dict(doc), ensure_ascii=False, indent=2).encode("utf-8")))
    L = vs.layers
    if L.have_obligations:
        matrix = optional("kb.outputs.matrix")
        csv_bytes = xlsx_bytes = None
        if matrix is not None:
            csv_bytes = _matrix_bytes(matrix, doc, "csv", L)
            xlsx_bytes = _matrix_bytes(matrix, doc, "xlsx", L)
        if csv_bytes is None:
            rows = [[s.article, s.paragraph, s.item, s.eid, s.actor, MODALITY_NAMES.get(s.modality, s.modality),
                     s.action, getattr(s, "deadline", None)] for s in L.statements]
            csv_bytes = to_csv(["条", "款", "项", "eid", "主体", "类型", "行为", "期限"], rows).encode("utf-8")
        out.append((d + f"{stem}-matrix.csv", "义务矩阵 CSV", "每条义务一行（Excel 可直接打开）", csv_bytes))
        if xlsx_bytes is None:
            xlsx_bytes = _statements_xlsx(L.statements)
        if xlsx_bytes:
            out.append((d + f"{stem}-matrix.xlsx", "义务矩阵 XLSX", "Excel 工作簿", xlsx_bytes))
    akn = optional("kb.outputs.akn")
    if akn is not None and hasattr(akn, "to_akn"):
        data = _call("kb.outputs.akn.to_akn", akn.to_akn, doc)
        if data:
            out.append((d + f"{stem}.akn.xml", "Akoma Ntoso XML", "法律文本交换标准格式",
                        data if isinstance(data, bytes) else str(data).encode("utf-8")))
    if P is not None:
        prev = [s for s in P.sites if s.reg is reg]
        i = prev.index(vs)
        if i > 0:
            data = comparison_docx(prev[i - 1].doc, doc)
            if isinstance(data, (bytes, bytearray)):
                out.append((d + f"{reg.id}-{prev[i - 1].version.name}-{v.name}-对照表.docx", "新旧对照表 DOCX",
                            f"{prev[i - 1].version.label} → {v.label}", bytes(data)))
    return out


def _matrix_bytes(matrix, doc, fmt, L) -> bytes | None:
    """The obligation matrix as kb.matrix renders it (CSV: the by-modality view; XLSX: every view)."""
    data = None
    if fmt == "csv" and hasattr(matrix, "build") and hasattr(matrix, "render_csv"):
        m = _call("kb.outputs.matrix.build", matrix.build, doc, statements=L.statements, registry=L.registry)
        if m is not None:
            data = _call("kb.outputs.matrix.render_csv", matrix.render_csv, m)
    elif fmt == "xlsx" and hasattr(matrix, "render_xlsx"):
        data = _call("kb.outputs.matrix.render_xlsx", matrix.render_xlsx, doc, registry=L.registry,
                     statements=L.statements)
    if isinstance(data, str):
        data = data.encode("utf-8")
    return bytes(data) if isinstance(data, (bytes, bytearray)) else None


def _statements_xlsx(statements) -> bytes | None:
    try:
        import openpyxl
    except ImportError:
        return None
    import io
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "义务"
    ws.append(["条", "款", "项", "eid", "主体", "类型", "行为", "期限"])
    for s in statements:
        ws.append([s.article, s.paragraph, s.item, s.eid, s.actor, MODALITY_NAMES.get(s.modality, s.modality),
                   s.action, str(getattr(s, "deadline", None) or "")])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
