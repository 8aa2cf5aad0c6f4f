"""Turning one page's context into HTML.

The jinja2 environment is autoescaped, so regulation text is never read as Markdown, HTML or
template syntax.  The ``Renderer`` knows the URL of the page being rendered, so every link it makes
is relative (the site works from any folder and from file://), and it writes the text of a
provision with its references and defined terms as links and tooltips.  The page families
(``kb.site.pages``) build their templates' context on top of it.
"""
from __future__ import annotations

import html
import json
import re
import urllib.parse
from pathlib import Path

import jinja2
from markupsafe import Markup

from kb.layers.laws import book_title
from kb.layers.actors import KIND_NAMES
from kb.layers.obligations import MODALITIES, MODALITY_NAMES
from kb.site.urls import page_url, relative
from kb.site.versions import version_state

#: the marks of an article written for two pages (Renderer.article): its heading level, a link to a node of its
#: version (NUL never stands in a text a site shows: kb.text.xmlchars), and a link either escaping writes as it is
_LEVEL = "\0L\0"
_MARK = re.compile("\0([0-9]+)\0")
_AS_ESCAPED = re.compile("[^&<>\"']+")

#: a site_url on this machine (kb serve's default) is no address to send to anyone
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", None)


def make_env(template_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(template_dir)), autoescape=True,
                             auto_reload=False, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.Undefined)
    # the same words as kb matrix and the CSV
    env.globals.update(modality_names=MODALITY_NAMES, modality_order=MODALITIES, kind_names=KIND_NAMES)
    # 《title》 with a title inside it in 〈〉: 《北京市实施〈中华人民共和国城市居民委员会组织法〉办法》
    env.filters["book"] = book_title
    return env


def cite_text(vs, citation: str) -> str:
    """《title》第十五条; a draft's version named in brackets after the title (see Renderer.cite_prefix)."""
    version = f"（{vs.version.label}）" if vs.draft else ""
    return f"{book_title(vs.title)}{version}{citation}"


def definition_text(d) -> str:
    """What a definition says (the tooltip of the term), "" for none."""
    return (d.definition or "") if d is not None else ""


def marked(text: str, marks: list, limit: int = 400) -> Markup:
    """``text`` escaped, its ``marks`` ([start, end]) in <mark>, cut after ``limit`` characters."""
    out, pos = [], 0
    cut = min(len(text), limit)
    for s, e in marks:
        if s >= cut:
            break
        e = min(e, cut)
        out.append(html.escape(text[pos:s], quote=False) + "<mark>" + html.escape(text[s:e], quote=False) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:cut], quote=False) + ("…" if cut < len(text) else ""))
    return Markup("".join(out).replace("\n", "<br>"))


def related_src(vs, eid: str) -> str:
    """Where article ``eid``'s 相关条文 rows are: one small file per article, shared by the chapter
    page and the full text (a page that inlined them weighed up to four times its text): a small plain
    HTML page, linked from the panel (a reader without scripts, or a site opened from disk, follows the
    link) and read by kb.js into the panel when it is opened."""
    return vs.p(f"related/{eid}.html")


def related_files(plan, env, vs) -> list[tuple[str, bytes]]:
    """(src, HTML) of each article's 相关条文 rows (templates/_related.html): a page of its own, its
    links relative to the file itself (kb.js reads them against the file's address)."""
    tmpl = env.get_template("_related.html")
    out = []
    for a in vs.doc.articles:
        if not vs.related.get(a.eid):
            continue
        src = related_src(vs, a.eid)
        r = Renderer(plan, env, src, {"kind": "related", "vs": vs})
        page = tmpl.render(r=r, a=a, vs=vs, P=plan, state=version_state(vs.reg, vs.version), rel=r.related(a),
                           latest_href=_latest_counterpart(r, plan, vs, a))
        out.append((src, page.strip().encode("utf-8")))
    return out


def _latest_counterpart(r, plan, vs, a) -> str | None:
    """An older version's article: the link to its counterpart in the latest version (the 本法规其他版本
    row of its panel), for the banner's 查看最新版本; None when it has none (the banner links the overview)."""
    if vs.latest:
        return None
    for x in vs.related.get(a.eid) or []:
        target = plan.by_spec.get((x.entry.reg.id, x.entry.version.name)) if x.kind == "version" else None
        if target is not None and target.latest:
            return r.node_link(x.entry.eid, target)
    return None


class Renderer:
    """Renders one page: holds the current URL so every link is relative."""

    def __init__(self, plan, env: jinja2.Environment, url: str, info: dict):
        self.plan = plan
        self.env = env
        # mkdocs gives a page's address percent-encoded; the links are made from plain paths
        self.url = urllib.parse.unquote(url)
        self.info = info
        self.vs = info["vs"]
        self._terms_linked: dict = {}   # article eid -> terms already marked in it (see text)
        self._defs: dict = {}           # a term link's href -> its definition, of the terms linked on the page
        #: while an article is written for both its pages (see article): the eids its links to this version's
        #: nodes stand for, the definitions it adds to _defs, whether a link makes it one page's own
        self._shared: tuple[list, list, list] | None = None

    def render(self, context) -> tuple[str, list]:
        """The page's HTML and its table of contents; ``context(self)`` gives the template's
        variables and the table of contents."""
        kind = self.info["kind"]
        ctx, toc = context(self)
        tmpl = self.env.get_template(f"{kind}.html")
        base = {"r": self, "vs": self.vs, "P": self.plan}
        if self.vs is not None:
            base["state"] = version_state(self.vs.reg, self.vs.version)
        base.update(ctx)
        out = tmpl.render(**base)
        if self._defs:
            # the tooltips' definitions, each once (kb.js): data in an attribute, no script in a page
            data = json.dumps(self._defs, ensure_ascii=False, separators=(",", ":"))
            out += f'<div id="kb-defs" hidden data-defs="{html.escape(data)}"></div>'
        return out, toc

    def article(self, a, level: int, macro) -> Markup:
        """Article ``a`` as ``macro`` (_macros.html's article) writes it at heading ``level``, written once for
        both pages that show it, its chapter's and the whole text's (the same folder: every link to another
        page reads the same from both): the first writes it with a mark for each link to a node of this version
        (a link on one page, an anchor of the other) and for the level, fills them in, and keeps it with the
        definitions it added to the page's tooltips; the second fills in its own links, level and tooltips.
        An article one of the two pages would write otherwise (a link missing on one of them, or that escaping
        would change; written twice on a page) is written by the macro on each page, as every other is."""
        key = (self.vs.spec, a.eid) if self.vs is not None else None
        if self.info["kind"] not in ("chapter", "fulltext") or a.eid in self._terms_linked:
            return macro(a, level)
        kept = self.plan.articles.pop(key, None)
        if kept is not None:
            html_, eids, defs, terms = kept
            out = self._filled(html_, eids, level)
            if out is not None:
                for href, title in defs:
                    self._defs.setdefault(href, title)
                self._terms_linked[a.eid] = set(terms)
                return out
            return macro(a, level)
        self._shared = ([], [], [])
        try:
            html_ = str(macro(a, _LEVEL))
        finally:
            eids, defs, own = self._shared
            self._shared = None
        out = self._filled(html_, eids, level) if not own else None
        if out is None:
            self._terms_linked.pop(a.eid, None)     # the tooltips' definitions are added again alike
            return macro(a, level)
        self.plan.articles[key] = (html_, eids, defs, frozenset(self._terms_linked.get(a.eid, ())))
        return out

    def _filled(self, html_: str, eids: list, level: int) -> Markup | None:
        """An article written by ``article`` with this page's links and heading level in place of its marks;
        None when a link is missing or escaping would write it otherwise (the mark stood for text escaped)."""
        links = [self.node_link(eid) for eid in eids]
        if not all(x and _AS_ESCAPED.fullmatch(x) for x in links):
            return None
        return Markup(_MARK.sub(lambda m: links[int(m.group(1))], html_).replace(_LEVEL, str(level)))

    # -- urls
    def link(self, target: str) -> str:
        return relative(target, self.url)

    def page(self, src: str, frag: str | None = None) -> str:
        u = page_url(src, self.plan.directory_urls)
        return self.link(u + (f"#{frag}" if frag else ""))

    def node_link(self, eid: str, vs=None) -> str | None:
        """Link to the page showing a node; articles, sections, paragraphs and items by their anchor."""
        vs = vs or self.vs
        if self._shared is not None and vs is self.vs:
            # an article written for its chapter's page and the whole text: a node of this version is on another
            # page, or this one, as either of them sees it: a mark that each fills in (see article)
            eids, _, own = self._shared
            if vs.node_page.get(eid) is not None:
                eids.append(eid)
                return f"\0{len(eids) - 1}\0"
            if vs.doc.get(eid) is not None:
                own.append(eid)         # a node of the whole text on no page of its own: on that page only
        if self.info["kind"] == "fulltext" and vs is self.vs and vs.doc.get(eid) is not None:
            return "#" + eid            # the whole text is on this page
        src = vs.node_page.get(eid) if vs else None
        if src is None:
            return None
        n = vs.doc.get(eid)
        anchored = n is not None and n.kind in ("section", "article", "paragraph", "item", "subitem")
        return self.page(src, eid if anchored else None)

    # -- text with links
    def text(self, node) -> Markup:
        """A node's text, escaped, with its references and defined terms as links."""
        t = node.text or ""
        spans = self._reference_spans(node, t) + self._term_spans(node, t)
        spans.sort(key=lambda s: (s[0], s[2], -(s[1] - s[0])))
        art = node if node.kind == "article" else node.ancestor("article")
        seen = self._terms_linked.setdefault(art.eid if art is not None else node.eid, set())
        out, pos = [], 0
        for start, end, _, kind, href, title, *term in spans:
            if start < pos:
                continue            # overlapping span: the earlier (or the reference) wins
            if kind == "term":
                # a term is marked at its first use in each article, not every time
                if term[0] in seen:
                    continue
                seen.add(term[0])
            out.append(html.escape(t[pos:start], quote=False))
            seg = html.escape(t[start:end], quote=False)
            if kind == "missing":
                # a phone has no hover: a short mark stands after the citation (kb.css, generated content, so the
                # text copies as it is written) and a tap shows the whole note (kb.js); the title is for a mouse
                out.append(f'<span class="kb-ref-missing" tabindex="0" role="button" data-mark="{html.escape(href)}" '
                           f'data-note="{html.escape(title)}" title="{html.escape(title)}">{seg}</span>')
            elif kind == "ref":
                out.append(f'<a class="kb-ref" href="{html.escape(href)}" title="{html.escape(title)}">{seg}</a>')
            else:
                # the definition once per page (see render), not on every link
                self._defs.setdefault(href, title)
                if self._shared is not None:
                    self._shared[1].append((href, title))
                out.append(f'<a class="kb-term" href="{html.escape(href)}">{seg}</a>')
            pos = end
        out.append(html.escape(t[pos:], quote=False))
        return Markup("".join(out))

    def _reference_spans(self, node, t: str) -> list:
        spans = []
        for r in self.vs.layers.references.get(node.eid, []):
            if r.targets and all(x.startswith(node.eid + "__") for x in r.targets):
                continue        # 下列 / 以下: its own items, right below it; a link would only scroll a line
            # a provision the cited law does not have is no link to that law's home page: it says so
            href = self._ref_href(r) if not r.missing else None
            if href and 0 <= r.start < r.end <= len(t):
                title = "、".join(self.citation(x) for x in r.targets) if r.kind != "external" else \
                    book_title(r.target) + (r.pinpoint or "")
                spans.append((r.start, r.end, 0, "ref", href, title))
            elif r.kind == "external" and 0 <= r.start < r.end <= len(t):
                spans.append((r.start, r.end, 0, "missing", _missing_mark(r), _missing_title(r, [
                    self.plan.latest[p].reg.part or p if p in self.plan.latest else p for p in r.parts])))
        return spans

    def _term_spans(self, node, t: str) -> list:
        vs = self.vs
        spans = []
        for u in vs.layers.term_uses.get(node.eid, []):
            # the definition that applies here (a term may be defined twice, with different scopes)
            anchor, d = vs.def_anchor.get((u.term, u.defined_in or ""), (None, None))
            if anchor is None:
                anchor, d = vs.term_anchor.get(u.term), self._definition(u.term)
            if anchor and 0 <= u.start < u.end <= len(t):
                spans.append((u.start, u.end, 1, "term", self.page(vs.p("glossary.md"), anchor),
                              definition_text(d), u.term))
        return spans

    def _definition(self, term):
        return next((d for d in self.vs.layers.definitions if d.term == term), None)

    def _ref_href(self, r) -> str | None:
        if r.kind in ("internal", "self") and r.targets:
            return self.node_link(r.targets[0])
        if r.kind == "external":
            target = self.plan.latest.get(r.link) if r.link else None
            if target is not None:
                return (self.node_link(r.link_eid, target) if r.link_eid else None) or \
                    self.page(target.p("index.md"))
            if r.parts:
                return None     # a law held in part, not the part cited: no excerpt stands for it
            title = (r.targets[0] if r.targets else r.target or "").strip("《》")
            # min() of the two indexes: the version the old scan of every version met first, whether by its
            # regulation id or by its title (SitePlan.latest_named keeps each one's first index)
            ids, titles = self.plan.latest_named
            first = [i for i in (ids.get(r.link), titles.get(title)) if i is not None]
            if first:
                return self.page(self.plan.sites[min(first)].p("index.md"))
        return None

    # -- citations
    def citation(self, eid: str) -> str:
        """How a node of this version is cited (第十五条第二款); the eid when there is no such node."""
        n = self.vs.doc.get(eid) if self.vs else None
        return n.citation if n is not None else eid

    def cite_prefix(self) -> str:
        """What 复制引用 puts before a provision's citation on this version's pages (kb.js adds the
        citation): 《title》, and for a draft 《title》（草案征求意见稿）, so that a quotation never passes
        a draft off as the law."""
        return cite_text(self.vs, "")

    def mail_address(self) -> str:
        """``mailto:`` and the comment address: kb.js adds subject and body (regulation, version,
        article and, on a published site, its link).  With no address configured the mail still
        opens, addressed by the reader.  The address is percent-encoded: one from the
        configuration must not add recipients or headers (an address with ?bcc= …)."""
        email = (self.vs.version.comment or {}).get("email") or self.plan.config.comment_email or ""
        return f"mailto:{urllib.parse.quote(email, safe='@')}"

    def public_url(self) -> str:
        """This page's address on the published site ("" when site_url is a local address: a
        comment e-mail then carries no link)."""
        if self.plan.site_url and urllib.parse.urlsplit(self.plan.site_url).hostname not in LOCAL_HOSTS:
            return f"{self.plan.site_url.rstrip('/')}/{urllib.parse.quote(self.url)}"
        return ""

    def heading(self, a) -> str:
        if not a.title:
            return a.label
        b = a.brackets or ("（", "）")
        return f"{a.label}{b[0]}{a.title}{b[1]}"

    def background(self, a) -> list[tuple[str, str, str]]:
        """(kind, title, link to the paragraph) of each background document that discusses article ``a``."""
        vs = self.vs
        return [(bg.kind, bg.title, self.page(vs.p(f"background/{bg.slug}.md"), pid))
                for bg, pid in vs.mentioned.get(a.eid, [])]

    def related(self, a) -> list[tuple[str, list[dict]]]:
        """The 相关条文 panel of article ``a``: [(kind name, [row])], each row the other article's
        regulation, label, link, similarity, share of shared wording and its text with the shared
        wording marked, and whether it is a weaker answer following one above the threshold (with its relevance)."""
        from kb.site.related import grouped

        rel = self.vs.related.get(a.eid) if self.vs is not None else None
        out = []
        for kind, items in grouped(rel or []):
            rows = []
            for x in items:
                e = x.entry
                target = self.plan.by_spec.get((e.reg.id, e.version.name))
                rows.append({"title": e.reg.short_title or e.reg.title, "label": e.label,
                             # which version: always for 本法规其他版本, else when it is not the latest
                             "version": e.version.label if x.kind == "version" or not e.latest else "",
                             "href": self.node_link(e.eid, target) if target is not None else None,
                             "level": e.reg.level or "", "where": e.reg.jurisdiction or "",
                             "similarity": x.similarity, "shared": x.shared, "text": marked(e.text, x.marks),
                             # a follower (kb.library.related.FOLLOW): below the kind's threshold, shown as weaker
                             "weak": x.weak, "relevance": x.relevance})
            out.append((kind, rows))
        return out

    def related_panel(self, a) -> tuple[int, str] | None:
        """(rows, link to related/<eid>.html) of article ``a``'s 相关条文 panel, None for none: the
        page carries the panel's summary and that link only, its rows are read when a reader opens it."""
        from kb.site.related import grouped

        rel = self.vs.related.get(a.eid) if self.vs is not None else None
        if not rel:
            return None
        return sum(len(rows) for _, rows in grouped(rel)), self.link(related_src(self.vs, a.eid))

    def backrefs(self, a) -> list[tuple[str, str | None, str]]:
        """(citation of the referring provision, its link, which part of this article it cites:
        "第一款" when it cites a paragraph or item rather than the whole article, else "")."""
        out = []
        L = self.vs.layers
        for r in L.backrefs.get(a.eid, []):
            parts = []
            for t in L.backref_parts.get((a.eid, r.eid), []):
                tn = self.vs.doc.get(t)
                if t != a.eid and tn is not None and tn.citation.startswith(a.citation):
                    parts.append(tn.citation[len(a.citation):])
            out.append((self.citation(r.eid), self.node_link(r.eid), "、".join(parts)))
        return out + self.backrefs_elsewhere(a)

    def backrefs_elsewhere(self, a) -> list[tuple[str, str | None, str]]:
        """The provisions of the other regulations on the site citing article ``a`` by its law's name
        (《北京市村民委员会选举办法》第十八条第一款), on the latest version's page, where such a citation lands."""
        from kb.catalog.citing import law_key

        if not self.vs.latest or not self.vs.doc.title:
            return []
        out = []
        for vs, eid in self.plan.cited_from.get((law_key(self.vs.doc.title), a.eid), []):
            if vs.reg.id == self.vs.reg.id:
                continue
            n = vs.doc.get(eid)
            title = vs.reg.short_title or vs.reg.title
            out.append((f"《{title}》{n.citation if n is not None else eid}", self.node_link(eid, vs), ""))
        return out


def _missing_mark(r) -> str:
    """The short mark shown after a citation the site cannot link (the note itself is shown on a tap)."""
    if r.missing:
        return "本库文本无此条"
    if r.link:
        return "不在本站"
    return "本库只收部分" if r.parts else "本库未收"


def _missing_title(r, parts: list[str] = ()) -> str:
    """What a citation the site cannot link says (on a tap, a hover or a focus): the law is not in the knowledge
    base, or only other parts of it are (民法典 as a whole: the knowledge base holds two of its chapters, ``parts``
    as the site names them: 物权编（第二百七十一条至第二百八十七条）), or the provision cited is not in the law the
    knowledge base holds (第九十九条 of a law of 23 articles), or the law is not on this site."""
    if r.missing:
        return r.missing
    if r.link:
        return f"{book_title(r.target)}{r.pinpoint or ''}不在本站"
    if r.parts:
        what = f"不含所引的{r.pinpoint}" if r.pinpoint else "不是整部法律"
        return f"本知识库只收{book_title(r.target)}的{'、'.join(parts or r.parts)}，{what}"
    return f"本知识库中没有{book_title(r.target)}" + (r.pinpoint or "")

