"""The public site: a mkdocs plugin that generates every page from the model.

No page exists on disk.  ``on_config`` reads every version once (``versions``: parse and
enrichment layers) and plans the pages and navigation (``planning``); ``on_files`` adds one
*generated* file per page (chapter pages, home, glossary, actors, matrix, governance graph,
downloads, collections, comparisons), per download (``downloads``) and per search index
(``search_index``); ``on_page_markdown`` hands mkdocs an empty Markdown body; ``on_page_content``
replaces the HTML with the page rendered from the parse tree and the layers through the jinja2
templates in ``templates/`` (``pages``, ``rendering``) and sets the page's table of contents.

Search: material's search box is kept, but its worker is replaced by
``kb/search.js`` (see overrides/main.html) which loads one small index per
regulation version (``<reg>/<ver>/search.json``, built here from the model) and
matches literally (substring, NFKC), so 居民委员会 finds exactly the provisions
that contain 居民委员会.  ``search: material`` in the plugin options restores
material's own index (for comparison in the benchmark).
"""
from __future__ import annotations

import functools
import gc
import hashlib
import html
import json
import re
import urllib.parse

import logging
import os
import time
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink, get_toc

from kb.errors import KbError
from kb.layers.cache import read_state, write_state
from kb.site.compiled_templates import keep_compiled
from kb.site.downloads import add_pdfs, make_downloads
from kb.site.page_nav import regulation_navs, regulation_of
from kb.site.page_shells import shelled
from kb.site.pages import render_page
from kb.site.planning import ACTOR_ALL_SRC, SitePlan, page_title, plan_site, readings_kept, site_nav
from kb.site.progress import TIMINGS, log, say, timed
from kb.site.related import compute_related, panel_digests
from kb.site.rendering import make_env, related_files
from kb.site.folders import folder_pages
from kb.site.search_index import build_index, build_kb_map, to_json
from kb.site.theme_search import skip_where_unchanged
from kb.site.urls import page_url, url_path

#: the knowledge-base map of a site of several regulations (kb.site.search_index)
KB_MAP = "search/kb.json"

#: each regulation's bigrams in the knowledge-base map, kept for the next build (kb.layers.cache.write_state)
KB_MAP_STATE = "site-kb-map"

#: what material ships for its own search (lunr, its languages, its worker) and the source maps of
#: its bundles: about half the bytes of a built site, unused when kb's search replaces them
THEME_SEARCH = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
from kb.site.versions import load_versions
from kb.text.gcpause import gc_paused


class KbConfig(Config):
    default_regulation = c.Optional(c.Type(str))
    comment_email = c.Optional(c.Type(str))
    collections = c.Type(list, default=[])
    downloads = c.Type(bool, default=True)
    catalog_engine = c.Optional(c.Choice(("fts5", "whoosh")))   # kb build's and kb index's search catalog engine
    pdf = c.Type(bool, default=True)            # the text as PDF among the downloads (needs LibreOffice)
    search = c.Choice(("kb", "material"), default="kb")
    regulations = c.Optional(c.Type(list))      # only these regulation ids (default: all)
    templates = c.Type(str, default="templates")
    check = c.Type(dict, default={})            # kb check's settings (kb.check.config reads them; the site does not)


class KbPlugin(BasePlugin[KbConfig]):
    """Generates the site from ``regulation/`` (see the module docstring)."""

    def __init__(self):
        super().__init__()
        self.plan: SitePlan | None = None
        self.env = None
        self.navs: dict = {}            # regulation id -> the navigation its pages carry (page_nav)
        #: set by ``kb build`` for a dirty build: the regulations whose pages and downloads are
        #: made again (the others' were written by the previous build; see kb.site.freshness)
        self.only: set | None = None
        #: the previous build's panel_digests (set by ``kb build`` for a dirty build), and this build's
        self.previous_panels: dict = {}
        self.panels: dict = {}
        #: the regulations a dirty build remakes because their 相关条文 panels changed
        self.panels_changed: set = set()
        #: each actor page across regulations -> a hash of what decides it besides the regulations it lists
        #: (see _listings), this build's and the previous one's (set by ``kb build`` for a dirty build)
        self.listings: dict = {}
        self.previous_listings: dict = {}
        #: the regulations a dirty build remakes because an actor's page across regulations came or went
        self.listed_changed: set = set()
        #: each version's search index (src) -> the sha1 of its bytes, this build's and the previous one's (set by
        #: ``kb build`` for a dirty build, which reuses a kept index only if its file still has those bytes)
        self.indexes: dict = {}
        self.previous_indexes: dict = {}
        #: the kept indexes a dirty build made again, their file being damaged, foreign or gone
        self.remade_indexes: set = set()

    @property
    def pages(self) -> dict:
        """src_uri -> {kind, vs, obj, title, nav} of every planned page."""
        return self.plan.pages if self.plan is not None else {}

    def on_config(self, config):
        t0 = time.perf_counter()
        TIMINGS.clear()
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else Path.cwd()
        try:
            with gc_paused():
                sites, default = load_versions(root, self.config.regulations, self.config.default_regulation)
                gc.freeze()
            compute_related(sites, root)
            self.panels = panel_digests(sites)
            if self.only is not None:
                # a panel quotes other regulations: an unchanged text's pages change with it
                self.panels_changed = {r for r in set(self.panels) | set(self.previous_panels)
                                       if self.panels.get(r) != self.previous_panels.get(r)} - self.only
                self.only |= self.panels_changed
            with readings_kept(root):          # the pinyin of actors' addresses and of the navigation's order
                self.plan = plan_site(root, self.config, config.use_directory_urls, config.site_url or "",
                                      sites, default, config.site_name or "")
                config.nav = site_nav(self.plan)
            self.listings = _listings(self.plan, config.nav)
            self.listed_changed = set()
            if self.only is not None:
                # a regulation's actor page links to the actor's page across regulations, which comes or goes
                # with the regulations naming the actor: where one came or went, those pages are made again
                came_or_went = set(self.plan.actor_all) ^ {v[0] for v in self.previous_listings.values()
                                                               if isinstance(v, list) and len(v) == 2}
                self.listed_changed = {vs.reg.id for vs in self.plan.sites
                                       if not came_or_went.isdisjoint(vs.actor_pages)} - self.only
                self.only |= self.listed_changed
        except KbError as e:
            raise PluginError(f"kb: {e}") from None
        # the header's first words: a site of drafts says so before any page is scrolled (the theme
        # writes site_name as HTML, so the version's label, text from meta.yml, is escaped)
        drafts = {vs.tag for vs in self.plan.sites if vs.latest and vs.draft}
        if len(drafts) == 1 and all(vs.draft for vs in self.plan.sites if vs.latest):
            tag = drafts.pop()
            if tag not in (config.site_name or ""):
                # the tab titles, which carry the tag already, end with the name as configured
                config.setdefault("extra", {})["kb_site_title"] = config.site_name
                config.site_name = f"{config.site_name}{html.escape(f'（{tag}）')}"
        try:        # actor pages are reached from 主体 and the matrix, not the sidebar: don't list them
            config.validation.nav.omitted_files = logging.DEBUG
        except AttributeError:
            pass
        self.env = make_env(root / self.config.templates)
        keep_compiled(self.env, root)
        # material's search handler does nothing on kb's pages (excluded from its index): not run there
        skip_where_unchanged(config.plugins)
        gc.freeze()
        say(f"模型与增强层：{len(sites)} 个版本，{len(self.plan.pages)} 个页面，"
            f"{time.perf_counter() - t0:.2f} 秒")
        if self.config.search == "kb":
            extra = config.setdefault("extra", {})
            extra["kb_search"] = True
            # the 404 page has no regulation of its own: it searches the default one
            first = next((vs for vs in self.plan.sites if vs.latest), None)
            extra["kb_default_index"] = first.p("search.json") if first is not None else ""
            extra["kb_search_map"] = KB_MAP if sum(vs.latest for vs in self.plan.sites) > 1 else ""
        return config

    def _kept_index(self, site_dir: Path | None, vs) -> bytes | None:
        """The search index of a version a dirty build keeps, as the previous build wrote it (None: it is
        made, for its regulation is rebuilt, or its file is not what the previous build wrote — cut short,
        another site's, gone —, which is then written again, with a warning)."""
        if site_dir is None or not self._kept(vs.reg.id):
            return None
        src = vs.p("search.json")
        try:
            data = (site_dir / src).read_bytes()
        except OSError:
            data = None
        if data is not None and hashlib.sha1(data).hexdigest() == self.previous_indexes.get(src):
            return data
        self.remade_indexes.add(src)
        log.warning(f"{site_dir / src}：检索索引{'不见了' if data is None else '不是上次构建写出的（损坏或被改动）'}，"
                    "已从模型重新生成")
        return None

    def _kept(self, reg_id: str | None) -> bool:
        """A dirty build leaves this regulation's output as the previous build wrote it."""
        return self.only is not None and reg_id is not None and reg_id not in self.only

    def _listing_kept(self, src: str, info: dict) -> bool:
        """A dirty build leaves an actor's page across regulations as the previous build wrote it when none
        of the regulations it lists is made again and it lists the same ones, under the same navigation."""
        if self.only is None or info["kind"] != "actor_all":
            return False
        return self.previous_listings.get(src) == self.listings.get(src) is not None and \
            not any(vs.reg.id in self.only for vs, _ in info["obj"][1])

    def on_files(self, files, config):
        for src, info in self.plan.pages.items():
            f = File.generated(config, src, content="")
            if self._kept(regulation_of(info)) or self._listing_kept(src, info):
                f.is_modified = _unmodified
            files.append(f)
        if self.only is not None:
            # an actor now named in one regulation only has no page across regulations any more; what the
            # state names is removed only if it is such a page's address and its file lies in the site folder
            site = Path(config.site_dir).resolve()
            for src in set(valid_listings(self.previous_listings)) - set(self.listings):
                gone = Path(File.generated(config, src, content="").abs_dest_path)
                if not gone.resolve().is_relative_to(site):
                    continue
                gone.unlink(missing_ok=True)
                if gone.name == "index.html" and gone.parent.is_dir() and not any(gone.parent.iterdir()):
                    gone.parent.rmdir()
        if self.config.search == "kb":
            _drop_theme_search(files)
            made = self._search_files(Path(config.site_dir))
            kept = {vs.p("search.json") for vs in self.plan.sites if self._kept(vs.reg.id)} - self.remade_indexes
            for src, data in made:
                if src not in kept:
                    files.append(File.generated(config, src, content=data))
        with timed("render"):           # the rows of the 相关条文 panels, one file per article
            for vs in self.plan.sites:
                if not self._kept(vs.reg.id):
                    for src, data in related_files(self.plan, self.env, vs):
                        files.append(File.generated(config, src, content=data))
        if self.config.downloads:
            made = []
            for vs in self.plan.sites:
                if self._kept(vs.reg.id):
                    continue
                say(f"生成下载文件 {vs.spec}")
                with timed("downloads"):
                    made.append((vs, make_downloads(vs, self.plan)))
            if self.config.pdf:
                with timed("pdf"):
                    self.plan.pdf_note = add_pdfs(made, self.plan.root)
                if self.plan.pdf_note:
                    say(self.plan.pdf_note)
                    log.info(f"kb: {self.plan.pdf_note}")
            for vs, lst in made:
                for src, label, desc, data in lst:
                    vs.downloads.append((src, label, desc, len(data)))
                    files.append(File.generated(config, src, content=data))
        # a folder a reader reaches by shortening an address is never a 404 or a directory listing
        for src, data in folder_pages(self.plan, [f.dest_uri for f in files]):
            f = File.generated(config, src, content=data)
            if self._kept(src.split("/", 1)[0]):    # what it says changes with the regulation's metadata only
                f.is_modified = _unmodified
            files.append(f)
        if self.only is not None:
            for f in files:
                if f.generated_by == "kb" and not f.is_documentation_page() and _written_already(f):
                    f.is_modified = _unmodified
        return files

    def _search_files(self, site_dir: Path | None = None) -> list[tuple[str, bytes]]:
        """Each version's index, and the knowledge-base map when the site holds several regulations.  A
        regulation a dirty build keeps has its index as the previous build wrote it in ``site_dir``: it is
        read back (for the map), not made again (half the time of rebuilding one regulation of 200)."""
        out, latest = [], []
        self.indexes, self.remade_indexes = {}, set()
        # the indexes are a burst of long-lived lists and strings (kb.text.gcpause): a collection at every
        # threshold walked the whole plan (a third of the time of this step in a dirty build)
        with timed("search_index"), gc_paused():
            for vs in self.plan.sites:
                kept = self._kept_index(site_dir, vs)
                data = build_index(vs, self.plan) if kept is None else json.loads(kept)
                out.append((vs.p("search.json"), to_json(data) if kept is None else kept))
                self.indexes[out[-1][0]] = hashlib.sha1(out[-1][1]).hexdigest()
                if vs.latest:
                    latest.append((vs.p("search.json"), vs.title,
                                   url_path(page_url(vs.p("index.md"), self.plan.directory_urls)), data,
                                   len(out[-1][1])))
            if len(latest) > 1:
                manifest, shards = self._kb_map(latest)
                out.append((KB_MAP, to_json(manifest)))
                out += [(KB_MAP.replace(".json", f"-{i}.json"), to_json(shard)) for i, shard in enumerate(shards)]
        if self.only is not None and site_dir is not None:
            # a dirty build writes over the previous map: its shards past the new number (fewer bigrams) go
            made = {src for src, _ in out}
            for old in (site_dir / KB_MAP).parent.glob(Path(KB_MAP).stem + "-*.json"):
                if old.relative_to(site_dir).as_posix() not in made:
                    old.unlink(missing_ok=True)
        return out

    def _kb_map(self, latest: list) -> tuple[dict, list]:
        """The knowledge-base map of the latest versions' indexes (kb.site.search_index.build_kb_map); each
        regulation's bigrams as the previous build kept them where its title and index are the same bytes
        (keyed by their hash: what a dirty build keeps is not read again), and this build's kept for the next."""
        keys = [hashlib.sha1(f"{title}\0{self.indexes[src]}".encode()).hexdigest()
                for src, title, _, _, _ in latest]
        kept = read_state(self.plan.root, KB_MAP_STATE)
        kept = kept if isinstance(kept, dict) else {}
        known = [g if isinstance(g := kept.get(k), str) and len(g) % 2 == 0 else None for k in keys]
        manifest, shards, grams = build_kb_map(latest, known)
        if known != grams:
            write_state(self.plan.root, KB_MAP_STATE, dict(zip(keys, grams)))
        return manifest, shards

    def on_nav(self, nav, config, files):
        self.navs = regulation_navs(nav, self.plan.pages)
        return nav

    def on_env(self, env, config, files):
        keep_compiled(env, self.plan.root)
        nav_key = _cache_theme_nav(env)
        _cache_theme_words(env, config)
        _cache_theme_config(env)
        _cache_theme_page_free_blocks(env)
        _cache_theme_search_box(env)
        tocs = _cache_theme_toc(env)
        _cache_theme_header(env)
        _cache_theme_blank_parts(env)
        _cache_theme_language(env)
        _cache_theme_page_shells(env, nav_key, tocs)
        return env

    def on_page_context(self, context, page, config, nav):
        info = self.plan.pages.get(page.file.src_uri)
        own = self.navs.get(regulation_of(info)) if info else None
        if own is not None:
            context["nav"] = own
        return context

    def on_serve(self, server, config, builder):
        server.watch(str(self.plan.root / "regulation"))
        server.watch(str(self.plan.root / self.config.templates))
        return server

    def _default_version(self, info):
        """The version a page of no version of its own speaks for: the first latest one (a single regulation's home
        page speaks for it; a knowledge base's home page, of several, for none). Asked only for such pages — the plan
        keeps the latest versions, so no page scans every version."""
        latest = self.plan.latest
        if len(latest) == 1 or info["kind"] != "site_home":
            return next(iter(latest.values()), None)
        return None

    def on_page_markdown(self, markdown, page, config, files):
        info = self.plan.pages.get(page.file.src_uri)
        if info is None:
            return markdown
        # the site's own pages (a knowledge base's home page among them) belong to no regulation
        vs = info["vs"] or (info["obj"][1] if info["kind"] == "compare" else None) or self._default_version(info)
        # the theme writes page.meta.title as HTML (tab title, header): ours is text
        page.meta["title"] = html.escape(page_title(self.plan, info))
        if vs is not None and (info["vs"] or info["kind"] in ("compare", "site_home")):
            # the tab's last words: the regulation this page belongs to (see overrides/main.html)
            page.meta["kb_regulation"] = html.escape(vs.reg.short_title or vs.reg.title)
        if vs is not None and (info["vs"] or info["kind"] == "compare"):
            # the top bar's first words: this regulation, not the site's name (the seed's title) on every
            # regulation's pages (overrides/partials/header.html); its drafts say so (as the site's name does)
            page.meta["kb_header"] = html.escape(vs.reg.title + (f"（{vs.tag}）" if vs.draft else ""))
        if self.config.search == "kb":
            page.meta["search"] = {"exclude": True}
        if vs is not None:
            page.meta["kb_search_index"] = vs.p("search.json")
        # the body is "": what mkdocs' Page.render would make of it without a Markdown instance
        # per page (its extensions set up for nothing took 3% of a build); on_page_content fills it
        page.render = functools.partial(_render_empty, page)
        return ""

    def on_page_content(self, html_, page, config, files):
        info = self.plan.pages.get(page.file.src_uri)
        if info is None:
            return html_
        with timed("render"):
            out, toc = render_page(self.plan, self.env, page.url, info)
            page.toc = get_toc(toc)
        return out

    def on_template_context(self, context, template_name, config):
        if template_name == "404.html":
            # A static host serves 404.html at whatever address was missing, so mkdocs makes its links
            # absolute from site_url's path; served under another path they would all break.  Ours
            # are relative, and overrides/main.html finds the site's root in the address (the first
            # folder the site has) and makes it the page's <base>.
            context["base_url"] = "."
            context["kb_top"] = sorted({f.split("/", 1)[0] for f in self.plan.pages if "/" in f})
            context["kb_root"] = urllib.parse.urlsplit(config.site_url or "/").path or "/"
        return context

    def on_post_build(self, config):
        gc.unfreeze()
        say(f"页面生成完成（{len(self.plan.pages)} 页）")

    def on_build_error(self, error):
        # the model set aside from the collector in on_config is given back when a build stops as when it ends
        gc.unfreeze()


def _unmodified() -> bool:
    return False


def _written_already(f: File) -> bool:
    """Does the site hold this generated file's bytes already?  A dirty build leaves such a file as it is (its time
    too): rebuilding one regulation of 200 made 396 files besides its pages (its downloads, the knowledge-base
    map's shards, the search indexes, the folder pages), 387 of them the same bytes as before, and rewriting those
    took 0.25-0.5 s of waiting on the disk (mkdocs truncates and writes each)."""
    try:
        want = f.content_bytes
        if os.path.getsize(f.abs_dest_path) != len(want):
            return False
        with open(f.abs_dest_path, "rb") as fh:
            return fh.read() == want
    except (OSError, UnicodeError):
        return False


def valid_listings(listings) -> dict:
    """The entries of a build state's ``listings`` (read from .kb/site, which a damaged or foreign file can
    fill with anything) that are what _listings writes: an actor page across regulations' address
    (``actors/<pinyin>.md``) -> [the actor's name, a 40-digit hex hash]; the others are ignored."""
    if not isinstance(listings, dict):
        return {}
    return {src: v for src, v in listings.items()
            if isinstance(src, str) and ACTOR_ALL_SRC.fullmatch(src) and isinstance(v, list) and len(v) == 2
            and isinstance(v[0], str) and isinstance(v[1], str) and _HEX40.fullmatch(v[1])}


_HEX40 = re.compile(r"[0-9a-f]{40}")


def _listings(plan: SitePlan, nav) -> dict[str, str]:
    """Each actor page across regulations (src) -> [its actor, a hash of the versions it lists and of the site's navigation],
    which it carries: a dirty build makes it again when that changed or one of those regulations is made again."""
    # the navigation hashed once (each page's hash hashed its whole text again: 695 pages of 200 regulations)
    site = hashlib.sha1(json.dumps(nav, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    out = {}
    for name, src in plan.actor_all.items():
        listed = [(vs.reg.id, vs.version.name) for vs, _ in plan.pages[src]["obj"][1]]
        out[src] = [name, hashlib.sha1(json.dumps([site, listed], ensure_ascii=False).encode("utf-8")).hexdigest()]
    return out


def _cache_theme_nav(env):
    """The theme's navigation (partials/nav.html) of a page that is not in it (an actor's page, a
    background document …: most of a regulation's pages) is rendered once per navigation and folder
    and reused: nothing in it is marked current, and its links, relative, are the same from every
    page of one folder.  It was a fifth of writing the pages.  A page in the navigation, or one
    that another entry of it lies under, is rendered as before.  Returns the key (the navigation and folder of
    such a page, None for the others)."""
    # navigation -> (its pages' ids, every beginning of their addresses): keyed by the object, which it keeps (and
    # with it its pages, whose ids then stay theirs), not by its id, which a later navigation may take
    listed: dict = {}

    def key(context):
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or not getattr(page, "url", ""):
            return None
        ids, starts = listed.get(nav) or listed.setdefault(nav, _nav_pages(nav))
        url = page.url
        if id(page) in ids or url in starts:
            return None
        # the navigation itself in the key (not its id, which a later one may take)
        return nav, url.rstrip("/").rpartition("/")[0], url.count("/"), context.get("base_url")

    _reuse_rendering(env, "partials/nav.html", key)
    return key


def _nav_pages(nav) -> tuple[set, set]:
    """The ids of a navigation's pages (mkdocs' pages compare by title and file: not hashable) and every
    beginning of their addresses (a page another entry lies under has one of them as its address): looked up
    per page rendered, where a scan of the entries for each page took a fifth of rendering the navigation."""
    starts = {p.url[:i] for p in nav.pages for i in range(len(p.url) + 1)}
    return {id(p) for p in nav.pages}, starts


def _reuse_rendering(env, name: str, key) -> dict | None:
    """The theme's template ``name`` rendered once per ``key(context)`` and reused (``None``: rendered
    as usual); returns what it rendered, by key.  Another theme without it: nothing is done (None)."""
    try:
        t = env.get_template(name)
    except Exception:  # noqa: BLE001 - another theme: nothing to reuse
        return None
    rendered: dict = {}
    t.root_render_func = _reusing(t.root_render_func, key, rendered)
    return rendered


def _reusing(render, key, rendered: dict | None = None):
    """A template's or a block's render function (context -> pieces of HTML) that renders once per
    ``key(context)`` and then gives that HTML again (``None``: rendered as usual); made from the theme's own
    function even when it was wrapped before (a second build in the same process).  ``rendered``: where the
    HTML is kept, by key."""
    original = getattr(render, "kb_original", render)
    rendered = {} if rendered is None else rendered

    def reused(context):
        k = key(context)
        if k is None:
            yield from original(context)
            return
        hit = rendered.get(k)
        if hit is None:
            hit = rendered[k] = "".join(original(context))
        yield hit

    reused.kb_original = original
    return reused


def _cache_theme_words(env, config) -> None:
    """The theme's words (partials/languages/<language>.html and the English fallback: a macro
    t(key) that builds its whole table of about ninety words at every call, some twenty calls a
    page) are looked up once per word: the macro's answer depends on the key alone."""
    language = (config.theme or {}).get("language") or "en"
    for name in {f"partials/languages/{language}.html", "partials/languages/en.html"}:
        try:
            module = env.get_template(name).module
            words = module.t
        except Exception:  # noqa: BLE001 - another theme, or another shape of its words
            continue
        if getattr(words, "kb_cached", False):
            continue
        known: dict = {}

        def t(key, _words=words, _known=known):
            if not isinstance(key, str):
                return _words(key)
            hit = _known.get(key)
            if hit is None:
                hit = _known[key] = _words(key)
            return hit

        t.kb_cached = True
        module.t = t


def _cache_theme_config(env) -> None:
    """The theme's page configuration (base.html's block ``config``: the __config script, with the
    site's base and the search worker's address relative to the page, and the theme's words) is
    the same for every page of one folder: rendered once per folder and reused."""
    _reuse_block(env, "base.html", "config", _folder_key)


def _cache_theme_page_free_blocks(env) -> None:
    """The theme's blocks that read the site's settings and nothing of the page but its folder (links made
    relative by the ``url`` filter) are rendered once per folder and reused, as the page configuration is:
    the stylesheets (with the icons' styles), the scripts the theme loads first (``libs``), the fonts, the
    analytics and the scripts at the end.  The footer too, on a page with no previous or next page (kb's
    actor pages, most of a site's pages, are in no navigation): it links those, and otherwise holds the
    copyright and social links of the settings.  Rendered for every page they were 3% of the main process of
    a build of 200 regulations (py-spy; the footer 0.9%, the stylesheets and the last scripts 0.7% each)."""
    for block in ("styles", "libs", "fonts", "analytics", "scripts"):
        _reuse_block(env, "base.html", block, _folder_key)
    _reuse_block(env, "base.html", "footer", _footer_key)


def _folder_key(context):
    """The folder of the page being rendered (and its depth and base_url, for safety), None for a page outside
    the site's folders (the theme's assets/): what a part that depends on the page's folder alone depends on."""
    page = context.get("page")
    url = getattr(page, "url", None) if page is not None else None
    if not url or url.startswith("assets/"):
        return None
    return url.rstrip("/").rpartition("/")[0], url.count("/"), context.get("base_url")


def _footer_key(context):
    """The footer's key (_folder_key) on a page with no previous or next page, whose links it would carry."""
    page = context.get("page")
    if page is None or getattr(page, "previous_page", None) or getattr(page, "next_page", None):
        return None
    return _folder_key(context)


def _reuse_block(env, template: str, name: str, key) -> None:
    """The block ``name`` of the theme's ``template`` rendered once per ``key(context)`` and reused (None:
    rendered as usual); a page template that overrides the block and calls super() reuses the theme's part.
    Another theme without it: nothing is done."""
    try:
        blocks = env.get_template(template).blocks
        block = blocks[name]
    except Exception:  # noqa: BLE001 - another theme: nothing to reuse
        return
    blocks[name] = _reusing(block, key)


def _cache_theme_search_box(env) -> None:
    """The theme's search box (partials/search.html, in every page's header: the form, its icons and
    the theme's words, no link and nothing of the page) is rendered once per depth of folder
    (``base_url``, for safety) and reused: it was a third of rendering the header."""
    _reuse_rendering(env, "partials/search.html", lambda context: (context.get("base_url"),))


def _cache_theme_toc(env):
    """The theme's table of contents of a page (partials/toc.html: the theme's word for it and the page's
    headings, each an anchor of the page itself: nothing of the page's folder) is rendered once per
    list of headings and reused: an actor's page, most of a site's pages, lists the few kinds of duty it
    has, so a site holds few different lists.  A long list (a chapter's articles), which no other page
    repeats, and headings with more than a title, an anchor and a level are rendered as before.  Returns the key
    and the lists rendered by it (None when the theme has no partials/toc.html)."""
    def key(context):
        page = context.get("page")
        toc = getattr(page, "toc", None) if page is not None else None
        if toc is None:
            return None
        out: list = []
        todo = [(0, item) for item in reversed(list(toc))]
        while todo:
            depth, item = todo.pop()
            if len(out) >= TOC_REUSED or type(item) is not AnchorLink or hasattr(item, "typeset"):
                return None
            out.append((depth, item.level, item.id, item.title))
            todo += [(depth + 1, c) for c in reversed(item.children)]
        return tuple(out)

    rendered = _reuse_rendering(env, "partials/toc.html", key)
    return (key, rendered) if rendered is not None else None


def _cache_theme_header(env) -> None:
    """The top bar before and after the page's title (overrides/partials/kb-header-start.html and
    kb-header-end.html: the home and logo links, the icons, the palette, the search box — the theme's
    words and settings, and links relative to the page) is rendered once per folder of pages and reused,
    as the page configuration is (_cache_theme_config); the title between them is the page's own.  Links
    to the site's home page (or to an address elsewhere) and to assets/ read the same from every page of
    a folder; a home page set elsewhere (extra.homepage), alternate languages or sticky tabs: rendered as
    before."""
    for name in ("partials/kb-header-start.html", "partials/kb-header-end.html"):
        _reuse_rendering(env, name, _header_key)


def _header_key(context):
    """What the top bar around a page's title depends on (see _cache_theme_header), or None: render it."""
    page = context.get("page")
    url = getattr(page, "url", None) if page is not None else None
    config, nav = context.get("config"), context.get("nav")
    if not url or url.startswith("assets/") or config is None:
        return None
    extra = config.extra or {}
    if extra.get("alternate"):
        return None
    # navigation.tabs.sticky puts the tabs in the header (kb-header-end.html includes partials/tabs.html): they mark
    # the page's own top-level section, which pages of one folder (the site's top level) do not share
    if "navigation.tabs.sticky" in ((config.theme or {}).get("features") or ()):
        return None
    home = extra.get("homepage") or getattr(getattr(nav, "homepage", None), "url", "") or ""
    if home and "://" not in home:
        return None
    return url.rstrip("/").rpartition("/")[0], url.count("/"), context.get("base_url"), home


def _cache_theme_blank_parts(env) -> None:
    """The parts the theme puts around a page's content (partials/content.html includes tags.html,
    actions.html, source-file.html, feedback.html and comments.html) print only white space on a page
    with no tags, no edit link, no dates or authors from git and no feedback form, as kb's pages are:
    that white space is rendered once and reused.  A page with any of them, or a part that is not
    material's own (an override may print anything), is rendered as before."""
    import material

    own = os.path.join(os.path.dirname(material.__file__), "templates") + os.sep

    def page_of(context):
        return context.get("page")

    def meta(context, *names):
        m = getattr(page_of(context), "meta", None) or {}
        return any(m.get(n) for n in names)

    def analytics(context):
        config = context.get("config")
        return bool(config is not None and (config.extra or {}).get("analytics"))

    blank = {
        "partials/tags.html": lambda ctx: not ctx.get("tags"),
        "partials/actions.html": lambda ctx: page_of(ctx) is not None and not getattr(page_of(ctx), "edit_url", None),
        "partials/source-file.html": lambda ctx: not meta(ctx, "git_revision_date_localized", "revision_date",
                                                          "git_creation_date_localized") and
        not any(ctx.get(v) for v in ("updated", "created", "git_info", "committers")),
        "partials/feedback.html": lambda ctx: not analytics(ctx) and not ctx.get("feedback"),
        "partials/comments.html": lambda ctx: True,
    }
    for name, is_blank in blank.items():
        try:
            filename = env.get_template(name).filename or ""
        except Exception:  # noqa: BLE001 - another theme: nothing to reuse
            continue
        if filename.startswith(own):
            _reuse_rendering(env, name, lambda ctx, is_blank=is_blank: ("blank",) if is_blank(ctx) else None)


def _cache_theme_language(env) -> None:
    """The theme's words (partials/language.html: base.html imports it "with context" at the top of every
    page, which makes a module of it, and runs its imports of the language's words, for each page) are made
    once per language of the theme and reused: the module reads nothing of the context but the theme's
    language (its macro t looks a word up in that language, then in English).  A language.html that is not
    material's own (an override may read anything) is made for each page, as before."""
    import material

    try:
        t = env.get_template("partials/language.html")
    except Exception:  # noqa: BLE001 - another theme: nothing to reuse
        return
    if not (t.filename or "").startswith(os.path.join(os.path.dirname(material.__file__), "templates") + os.sep):
        return
    make = getattr(t.make_module, "kb_original", t.make_module)
    made: dict = {}

    def make_module(vars=None, shared=False, locals=None):
        theme = getattr((vars or {}).get("config"), "theme", None)
        language = theme.get("language") if theme is not None else None
        if not isinstance(language, str):
            return make(vars, shared, locals)
        hit = made.get(language)
        if hit is None:
            hit = made[language] = make(vars, shared, locals)
        return hit

    make_module.kb_original = make
    t.make_module = make_module


def _cache_theme_page_shells(env, nav_key, tocs) -> None:
    """The pages the theme writes alike but for their title, address, headings and text (an actor's page:
    in no navigation, no previous or next page) are written from one shell per folder (kb.site.page_shells),
    checked against a page rendered as usual before it is trusted.  Another theme without main.html or the
    table of contents partial: nothing is done."""
    if tocs is None:
        return
    try:
        t = env.get_template("main.html")
    except Exception:  # noqa: BLE001 - another theme: nothing to reuse
        return
    t.root_render_func = shelled(t.root_render_func, nav_key, *tocs)


#: a table of contents of at most this many headings is rendered once and reused (_cache_theme_toc)
TOC_REUSED = 16


def _render_empty(page, config, files) -> None:
    """mkdocs' Page.render of an empty Markdown body: no HTML, no headings, no anchors, no links
    (Markdown.convert returns "" for a blank text before any extension runs)."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


def _drop_theme_search(files) -> None:
    """Leave out the theme's search bundles and every source map (see THEME_SEARCH)."""
    for f in list(files):
        if f.src_uri.startswith(THEME_SEARCH) or f.src_uri.endswith(".map"):
            files.remove(f)
