"""Which pages the site has, which page shows each node, and the navigation.

Decided once, before any page is rendered: a link to an article, a term or an actor can then be
made from any page, and mkdocs gets its file list and its navigation from the same plan.
"""
from __future__ import annotations

import html

import functools
import hashlib
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import KbError

#: more regulations than this: the navigation groups them (see ``_group``)
GROUP_OVER = 12


def slug(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]


@dataclass
class SitePlan:
    """The whole site: its versions, its pages and what the pages need to link to each other."""
    root: Path
    config: object                  # the plugin's options (collections, comment_email, …)
    directory_urls: bool
    site_url: str
    sites: list                     # [VersionSite], the default regulation's first
    default: str                    # the default regulation's id
    pages: dict = field(default_factory=dict)       # src_uri -> {kind, vs, obj, title, nav}
    comparisons: list = field(default_factory=list)  # [(src_uri, old VersionSite, new VersionSite)]
    collection_pages: list = field(default_factory=list)  # [src_uri]
    pdf_note: str = ""              # what became of the PDF downloads (no converter, a failure …)
    actor_all: dict = field(default_factory=dict)   # actor name -> src_uri of its page across regulations
    site_name: str = ""             # mkdocs.yml's site_name: the knowledge base's own name (its home page's heading)
    #: the two versions' identities and texts (comparison_key) -> the Comparison the 对照表 download made,
    #: until the comparison page takes it
    _compared: dict = field(default_factory=dict, repr=False)
    #: (version, article eid) -> the article as the first of its two pages (its chapter's, the whole text) wrote it,
    #: until the other takes it (kb.site.rendering.Renderer.article)
    articles: dict = field(default_factory=dict, repr=False)

    def comparison(self, old, new, keep: bool = False):
        """kb.compare.diff.compare of two consecutive versions, worked out once for the 对照表 download and
        the comparison page (keep: the download's, kept for the page; the page's call takes it out)."""
        key = comparison_key(old, new)
        cmp = self._compared.get(key) if keep else self._compared.pop(key, None)
        if cmp is None:
            from kb.compare.diff import compare
            cmp = compare(old.doc, new.doc)
            if keep:
                self._compared[key] = cmp
        return cmp

    @functools.cached_property
    def latest(self) -> dict:
        """regulation id -> its latest VersionSite (where a citation of that law lands)."""
        return {vs.reg.id: vs for vs in self.sites if vs.latest}

    @functools.cached_property
    def latest_named(self) -> tuple[dict, dict]:
        """({regulation id: i}, {title: i}): the first latest version in ``sites`` (its index) of each
        regulation id, and of each title, short title and text title of a regulation not held in part —
        what a citation of a law outside the knowledge base's index lands on (Renderer._ref_href asks
        for every such citation of every page)."""
        ids: dict = {}
        titles: dict = {}
        for i, vs in enumerate(self.sites):
            if not vs.latest:
                continue
            ids.setdefault(vs.reg.id, i)
            if not vs.reg.part:
                for t in (vs.reg.title, vs.reg.short_title, vs.doc.title):
                    titles.setdefault(t, i)
        return ids, titles

    @functools.cached_property
    def cited_from(self) -> dict:
        """(law key, article eid) -> [(VersionSite, citing eid)]: the provisions of the latest versions
        citing that article of that law by name (《中华人民共和国村民委员会组织法》第十八条), keyed as
        kb.catalog.citing keys the catalog's ``cites`` (what kb refs and kb search list)."""
        from kb.catalog.citing import law_key, pinpoint_eids

        out: dict = {}
        seen: set = set()        # (key, eid, id(vs), citing eid): a list test per citation grew with the base
        for vs in self.sites:
            if not vs.latest:
                continue
            for refs in vs.layers.references.values():
                for r in refs:
                    if r.kind != "external" or not r.target:
                        continue
                    key = law_key(r.target)
                    for eid in pinpoint_eids(r.pinpoint):
                        if "__" not in eid and (key, eid, id(vs), r.eid) not in seen:
                            seen.add((key, eid, id(vs), r.eid))
                            out.setdefault((key, eid), []).append((vs, r.eid))
        return out

    @functools.cached_property
    def by_spec(self) -> dict:
        """(regulation id, version name) -> VersionSite."""
        return {(vs.reg.id, vs.version.name): vs for vs in self.sites}

    def add(self, src, title, kind, vs=None, obj=None, nav=True):
        self.pages[src] = {"kind": kind, "vs": vs, "obj": obj, "title": title, "nav": nav}
        if vs is not None:
            vs.pages.append(src)


def comparison_key(old, new) -> tuple:
    """What a comparison of two versions is made from: each one's regulation and version (its spec) and its
    text (kb.layers.cache.doc_key: content, metadata, path) — not the objects' ids, which another object may
    take once one is gone."""
    from kb.layers.cache import doc_key

    return old.spec, doc_key(old.doc), new.spec, doc_key(new.doc)


def plan_site(root: Path, config, directory_urls: bool, site_url: str, sites: list, default: str,
              site_name: str = "") -> SitePlan:
    plan = SitePlan(root, config, directory_urls, site_url, sites, default, site_name=site_name)
    for vs in sites:
        _plan_version(plan, vs)
    _plan_comparisons(plan)
    from kb.site.amendments import plan_amendments
    plan_amendments(plan)
    plan.add("index.md", "首页", "site_home", None)
    _plan_collections(plan, config.collections or [])
    _plan_actors_across(plan)
    return plan


def _plan_version(plan: SitePlan, vs) -> None:
    doc = vs.doc
    plan.add(vs.p("index.md"), "概览", "home", vs)
    plan.add(vs.p("fulltext.md"), "全文", "fulltext", vs)
    for bg in vs.background:          # reached from the home page and the articles they discuss
        plan.add(vs.p(f"background/{bg.slug}.md"), bg.kind, "background", vs, bg, nav=False)
    prologues = list(doc.nodes("prologue"))
    if prologues:
        plan.add(vs.p("prologue.md"), "序言", "prologue", vs, prologues)
        _claim(vs, prologues, "prologue.md")
    for ch, arts in _article_groups(doc):
        name = (ch.eid if ch is not None else "text") + ".md"
        title = f"{ch.label}　{ch.title}".strip() if ch is not None else "正文"
        plan.add(vs.p(name), title, "chapter", vs, (ch, arts))
        _claim(vs, ([ch] if ch is not None else []) + list(arts), name, keep=True)
    annexes = list(doc.nodes("annex"))
    if annexes:
        plan.add(vs.p("annexes.md"), "附件", "annexes", vs, annexes)
        _claim(vs, annexes, "annexes.md")
    for n in doc.nodes():        # sections/parts: the page of their first article
        if n.eid not in vs.node_page:
            first = next((a for a in n.walk() if a.kind == "article"), None)
            if first is not None:
                vs.node_page[n.eid] = vs.node_page[first.eid]
    plan.add(vs.p("glossary.md"), "术语", "glossary", vs)
    _anchor_terms(vs)
    plan.add(vs.p("actors/index.md"), "主体", "actors", vs)
    names = sorted({s.actor for s in vs.layers.statements if s.actor}, key=_actor_key(vs))
    slugs = actor_slugs(names)
    for name in names:
        src = vs.p(f"actors/{slugs[name]}.md")
        vs.actor_pages[name] = src
        plan.add(src, name, "actor", vs, name, nav=False)
    plan.add(vs.p("matrix.md"), "义务矩阵", "matrix", vs)
    plan.add(vs.p("graph.md"), "治理关系图", "graph", vs)
    plan.add(vs.p("downloads.md"), "下载", "downloads", vs)


def actor_slugs(names) -> dict[str, str]:
    """Readable, stable addresses of actor pages: the name in pinyin (居民委员会 → juminweiyuanhui,
    市、县（市、区）人民政府 → shi-xian-shi-qu-renminzhengfu).  Pinyin rather than an eid-style
    number because a number changes when actors are added, and the reader can tell which page a
    pinyin address is; pypinyin (pinned) knows the readings of phrases, which a table of ours would
    not.  Names that read alike (同音) each get four hex digits of their hash, so the address of one
    never depends on which other actors the text has."""
    reads = {n: _pinyin_slug(n) for n in names}
    counts: dict = {}
    for r in reads.values():
        counts[r] = counts.get(r, 0) + 1
    return {n: r if counts[r] == 1 else f"{r}-{slug(n)[:4]}" for n, r in reads.items()}


#: what pypinyin reads, worked out once in a process and kept in the project's .kb for the next build
#: (readings_kept), which then need not load pypinyin's dictionary of phrases (a tenth of the time of rebuilding
#: one regulation of 200): "slug", an actor's name -> the address of its page (_pinyin_slug); "sort", a name -> how
#: it sorts (_reading)
_READINGS: dict[str, dict[str, str]] = {"slug": {}, "sort": {}}
#: what an address is made of (a file of readings that holds anything else there is not read)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: the address of an actor's page across regulations (_plan_actors_across)
ACTOR_ALL_SRC = re.compile(rf"actors/{_SLUG.pattern}\.md")


def _pinyin_slug(name: str) -> str:
    """An actor name in pinyin, syllables run together, a hyphen where anything else stood (the
    same names recur in every regulation: read once)."""
    known = _READINGS["slug"]
    r = known.get(name)
    if r is None:
        r = known[name] = _read_pinyin(name)
    return r


@contextmanager
def readings_kept(root):
    """Inside the block, the readings the project kept are known (a file missing, damaged or foreign: none);
    after it, those worked out meanwhile are kept too (a cache that cannot be written only costs the next
    build the work)."""
    import json

    from kb.files import write_atomic

    path = _readings_file(root)
    if path is not None:
        try:
            kept = json.loads(path.read_bytes())
        except (OSError, ValueError):
            kept = None
        for kind, known in _READINGS.items():
            got = kept.get(kind) if isinstance(kept, dict) else None
            if isinstance(got, dict):
                known.update((k, v) for k, v in got.items() if isinstance(k, str) and isinstance(v, str) and
                             (kind != "slug" or _SLUG.fullmatch(v)))
    count = sum(map(len, _READINGS.values()))
    yield
    if path is not None and sum(map(len, _READINGS.values())) > count:
        try:
            write_atomic(path, json.dumps(_READINGS, ensure_ascii=False).encode("utf-8"), make_dirs=True)
        except (KbError, OSError):
            pass


def _readings_file(root) -> Path | None:
    """Where the project keeps the readings: beside the layers of this version of kb's code (removed with them
    when the code changes), named by pypinyin's version; None where the layer cache is off or not private."""
    from importlib.metadata import PackageNotFoundError, version

    from kb.layers.cache import code_folder

    folder = code_folder(root) if root is not None else None
    if folder is None:
        return None
    try:
        return folder / f"readings-pypinyin-{version('pypinyin')}.json"
    except PackageNotFoundError:
        return None


def _read_pinyin(name: str) -> str:
    from pypinyin import lazy_pinyin

    out, sep = [], False
    for syl in lazy_pinyin(name, errors=lambda s: "-"):
        if syl == "-" or not syl.isascii() or not syl.isalnum():
            sep = True
            continue
        if sep and out:
            out.append("-")
        sep = False
        out.append(syl.lower())
    return "".join(out) or "actor"


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


def _anchor_terms(vs) -> None:
    """The glossary anchor of each definition (a term defined twice gets a second anchor)."""
    for d in vs.layers.definitions:
        first = d.term not in vs.term_anchor
        anchor = "t-" + slug(d.term) if first else "t-" + slug(f"{d.term}@{d.eid}")
        vs.term_anchor.setdefault(d.term, anchor)
        vs.def_anchor[(d.term, d.eid)] = (anchor, d)


def _actor_key(vs):
    """Actors with most statements first, then by name."""
    counts: dict = {}
    for s in vs.layers.statements:
        counts[s.actor] = counts.get(s.actor, 0) + 1
    return lambda name: (-counts.get(name, 0), name)


def _plan_comparisons(plan: SitePlan) -> None:
    """A comparison page between each two consecutive versions of a regulation."""
    by_reg: dict = {}
    for vs in plan.sites:
        by_reg.setdefault(vs.reg.id, []).append(vs)
    for reg_id, lst in by_reg.items():
        for old, new in zip(lst, lst[1:]):
            src = f"{reg_id}/compare-{old.version.name}-{new.version.name}.md"
            plan.add(src, f"{old.version.label} → {new.version.label}", "compare", None, (old, new))
            plan.comparisons.append((src, old, new))


def _plan_collections(plan: SitePlan, collections: list) -> None:
    for i, col in enumerate(collections):
        if not isinstance(col, dict) or not col.get("title"):
            raise KbError(f"collections 第 {i + 1} 项需要 title")
        src = f"collections/{col.get('slug') or slug(col['title'])}.md"
        plan.add(src, col["title"], "collection", None, col)
        plan.collection_pages.append(src)
    if plan.collection_pages:
        plan.add("collections/index.md", "专题汇编", "collections", None)


def page_title(plan: SitePlan, info: dict) -> str:
    """A page's title as the tab and the header show it: with the status of the version it shows
    (第三章　社区治理（草案征求意见稿）), so no tab passes a draft off as the law."""
    vs = info["vs"]
    title = info["title"]
    if info["kind"] == "site_home":
        latest = [s for s in plan.sites if s.latest]
        # a site of one regulation opens on its overview; a knowledge base on its library
        vs = latest[0] if len(latest) == 1 else None
        title = vs.title if vs is not None else "法规库" if latest else "首页"
    elif info["kind"] == "compare":
        vs = info["obj"][1]
        if vs.tag in title:         # 草案征求意见稿 → 草案修改稿: the draft's tag is its label, said once
            return title
    if vs is not None:
        return f"{title}（{vs.tag}）"
    tags = {s.tag for s in collection_sites(plan, info["obj"])} if info["kind"] == "collection" \
        else {s.tag for s in plan.sites if s.latest}
    return f"{title}（{tags.pop()}）" if len(tags) == 1 else title


def collection_sites(plan: SitePlan, col: dict) -> list:
    """The versions a collection draws on: the latest of each regulation (of one, with a filter)."""
    reg = (col.get("filters") or {}).get("regulation") or col.get("regulation")
    return [vs for vs in plan.sites if vs.latest and (not reg or vs.reg.id == reg)]


def _plan_actors_across(plan: SitePlan) -> None:
    """One page per actor named in two regulations or more: its duties in all of them."""
    from kb.site.related import shared_actors

    shared = shared_actors(plan.sites, lambda vs: vs.layers.registry)
    slugs = actor_slugs(shared)         # in pinyin, as a regulation's own actor pages (actors/juminweiyuanhui/)
    for name, groups in shared.items():
        src = f"actors/{slugs[name]}.md"
        plan.actor_all[name] = src
        plan.add(src, f"{name}（全部法规）", "actor_all", None, (name, groups), nav=False)
    if shared:      # /actors/ is a page, not a 404 or a server's listing of pinyin file names
        plan.add("actors/index.md", "主体（全部法规）", "actors_all", None, nav=False)


# --------------------------------------------------------------------------- navigation

def site_nav(plan: SitePlan) -> list:
    """mkdocs' navigation: the home page, each regulation's latest version with its older versions
    and comparisons under it, then the collections."""
    nav: list = [{"首页": "index.md"}]
    latest = [vs for vs in plan.sites if vs.latest]
    many = len(latest) > 1
    regs_nav: list = []
    order = {src: i for i, src in enumerate(plan.pages)}
    for vs in latest:
        items = _section(plan, vs, order)
        for o in plan.sites:
            if o.reg is vs.reg and o is not vs:
                items.append({f"{o.version.label}（历史版本）": _section(plan, o, order)})
        for src, old, new in plan.comparisons:
            if new.reg is vs.reg:
                items.append({f"对照：{plan.pages[src]['title']}": src})
        if many:
            regs_nav.append((vs, {vs.reg.short_title or vs.reg.title: items}))
        else:
            nav += items
    nav += _group(regs_nav)
    if plan.collection_pages:
        nav.append({"专题汇编": ["collections/index.md", *plan.collection_pages]})
    return as_html_titles(nav)


def as_html_titles(nav):
    """mkdocs and its theme treat navigation titles as HTML; ours are text from sources and metadata
    (headings, titles, labels), so each is escaped once here, where the text crosses into mkdocs."""
    if isinstance(nav, list):
        return [as_html_titles(x) for x in nav]
    if isinstance(nav, dict):
        return {html.escape(k): as_html_titles(v) for k, v in nav.items()}
    return nav


def _section(plan: SitePlan, vs, order: dict) -> list:
    """The version's pages in the navigation, in the plan's order (``order``: each page's place in it): its own
    list of pages looked up, not every page of the site (for each of 200 regulations, 10,000 pages)."""
    mine = [src for src in dict.fromkeys(vs.pages) if plan.pages[src]["vs"] is vs and plan.pages[src]["nav"]]
    items = [{plan.pages[src]["title"]: src} for src in sorted(mine, key=order.__getitem__)]
    if vs.latest and vs.reg.id == plan.default and len(plan.sites) == 1:
        items = items[1:]          # the site's home page is this version's home
    return items


def _group(regs_nav: list) -> list:
    """Many regulations: grouped by 效力级别 (法律, 行政法规, 地方性法规 … in that order; one not stated
    by its meta.yml ``category``, else under 未注明效力级别), a large group again by 地域 (全国 first),
    each group in the order of the names' pinyin — so a reader finds 慈善法 under 法律 — and, with
    navigation.prune, each page carries a few entries per group instead of every regulation."""
    if len(regs_nav) <= GROUP_OVER:
        return [entry for _, entry in regs_nav]
    from kb.project import LEVEL_RANK

    levels: dict[str, list] = {}
    for vs, entry in regs_nav:
        reg = vs.reg
        levels.setdefault(reg.level or str((reg.raw or {}).get("category") or "未注明效力级别"), []).append((vs, entry))
    out = []
    for level in sorted(levels, key=lambda x: (LEVEL_RANK.get(x, 9), x == "未注明效力级别", _reading(x))):
        members = sorted(levels[level], key=lambda x: _reading(x[0].reg.short_title or x[0].reg.title))
        places = {vs.reg.jurisdiction or "未注明地域" for vs, _ in members}
        if len(members) > GROUP_OVER and len(places) > 1:
            by_place: dict[str, list] = {}
            for vs, entry in members:
                by_place.setdefault(vs.reg.jurisdiction or "未注明地域", []).append((vs, entry))
            order = sorted(by_place, key=lambda x: (x != "全国", x == "未注明地域", _reading(x)))
            entries = [{_counted(x, by_place[x]): [entry for _, entry in by_place[x]]} for x in order]
        else:
            entries = [entry for _, entry in members]
        out.append({_counted(level, members): entries})
    return out


def _counted(label: str, members: list) -> str:
    """A group's label with its number of regulations (民法典's excerpts one: kb.project.count_laws)."""
    from kb.project import count_laws

    return f"{label}（{count_laws(vs.reg for vs, _ in members)} 部）"


def _reading(name: str) -> str:
    """A name as it sorts for a reader: by its pinyin (慈善法 among the C's), not by code point."""
    known = _READINGS["sort"]
    r = known.get(name)
    if r is None:
        from pypinyin import lazy_pinyin

        r = known[name] = " ".join(lazy_pinyin(name.removeprefix("中华人民共和国")))
    return r
