"""The catalog: one full-text index of every content item (articles, paragraphs and
items, definitions, obligations), with facets, behind a small engine-neutral
interface::

    cat = Catalog(root)            # lives in <root>/.kb/catalog/
    cat.build(progress=None)       # incremental (source hashes), atomic
    cat.is_stale()                 # sources changed since the last build?
    cat.search("经费", type=None, regulation=None, version=None, chapter=None,
               actor=None, modality=None, limit=10, group_by_article=True) -> list[Hit]

The engine is whoosh (whoosh-reloaded 2.7.5) with the CJK bigram field of
:mod:`kb.analysis`; nothing outside this module and ``kb.analysis`` knows that,
so another engine can serve a larger corpus behind the same methods.

Layout on disk: ``.kb/catalog/CURRENT`` names the live index directory
(``.kb/catalog/ix-<stamp>/``, which also holds ``manifest.json``).  A build
writes a new directory (hard-linking the unchanged segments of the live one when
it updates incrementally) and then replaces ``CURRENT`` atomically, so a build
that is interrupted at any point leaves the previous catalog answering.

What is indexed: one whoosh document per article (label and heading, the text of all
its paragraphs and items, its defined terms, and the actors/modalities of its
obligation statements as facets), plus one per definition.  Paragraphs, items and
obligation statements are stored inside their article (with their own eid, citation,
line and facets) and are picked out at search time by evaluating the query on their
text (:func:`kb.analysis.matches`), so no text is indexed twice; the results are the
same as indexing them separately, at a third of the size and build time.

Ranking: BM25F with the heading (x3) and defined terms (x4) boosted; then, as tiers
above any BM25 score, a provision containing the words of a multi-word query
literally side by side, and (for OR queries) one containing every word.  whoosh
scores matches in Python, so a top-N search scores at most ``SCAN_CAP`` text matches
(divided by the number of bigrams in the query).  For words more frequent than that
(应当, 人民政府 in thousands of articles) the documents to score are chosen over the
whole catalog from a bound read off the postings (BM25 of each bigram's frequency and
the text length, plus the tiers), verified best first until no remaining bound can
beat the N-th hit, so the top-N no longer comes from the regulations indexed first;
heading and definition matches are always verified.  ``limit=0`` returns every hit.

Definitions come from ``kb.links.definitions(doc)`` and obligations from
``kb.obligations.extract(doc)`` when those modules exist; the catalog notes which
layers it was built with, and becomes stale when one appears or changes.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kb.catalog import analysis
from kb.errors import KbError
from kb.text.numerals import to_chinese

SCHEMA_VERSION = "kb-catalog-4/" + analysis.ANALYZER_VERSION
HEADING_BOOST = 3.0
TERMS_BOOST = 4.0
#: ranking tiers (constant-score bonuses) -- far above any BM25F score
BONUS_EXACT = 20000.0        # the words of the query, concatenated, occur literally
BONUS_ALL = 10000.0          # every positive word occurs (matters for OR queries)
LAYER_MODULES = ("links", "obligations", "actors")
#: top-N searches score at most this many text matches (see Catalog._top)
SCAN_CAP = 2000
SCAN_FLOOR = 100
HEADS_FLOOR = 500            # heading/definition matches scored per search, at least
_PKG = Path(__file__).resolve().parents[1]


@dataclass
class Hit:
    eid: str                       # the provision shown (best paragraph/item for an article hit)
    article: int | str | None      # article number
    citation: str                  # 第十五条第一款
    type: str                      # article | paragraph | item | definition | obligation | prologue (序言) | annex (附件)
    score: float
    snippet: str
    marks: list                    # [start, end] spans of the matches in snippet
    regulation: str = ""
    version: str = ""
    path: str = ""                 # regulation/version/eid
    label: str = ""                # 第十五条 / （一）
    heading: str | None = None     # the article's heading
    line: int | None = None        # source line of the provision shown
    title: str = ""                # the regulation's title
    chapter: str | None = None
    status: str | None = None      # the version's status (草案征求意见稿 …)
    article_eid: str | None = None
    heading_marks: list = field(default_factory=list)
    term: str | None = None        # definitions
    actors: list = field(default_factory=list)
    modalities: list = field(default_factory=list)
    action: str | None = None      # obligations
    source: str = ""               # source file

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class SourceSpec:
    """One version of one regulation to catalogue."""
    key: str                       # regulation@version
    path: str
    meta: dict
    latest: bool = True


# --------------------------------------------------------------------------- helpers

def _sha1_file(path: str) -> str:
    import hashlib   # not at the top: kb search rarely needs it (start-up time)

    h = hashlib.sha1()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _stat(path) -> list | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _layer_files() -> dict:
    """name -> file of each enrichment module present, and the data files they read."""
    out = {}
    for name in LAYER_MODULES:
        p = _PKG / "layers" / f"{name}.py"
        if p.is_file():
            out[name] = p
    data = _PKG / "layers" / "data"
    if data.is_dir():
        for p in sorted(data.glob("*.yml")):
            out[f"data/{p.name}"] = p
    return out


def _layer_signature() -> dict:
    """Which enrichment modules (and their data files) exist, with content hashes."""
    return {name: _sha1_file(str(p))[:16] for name, p in _layer_files().items()}


def _layer_stats() -> dict:
    return {name: _stat(p) for name, p in _layer_files().items()}


def _get(obj, name, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _own_text(n) -> str:
    """What a reader sees as this node's own line: item marker + text."""
    if n.kind in ("item", "subitem"):
        return (n.label or "") + (n.text or "")
    return n.text or ""


def _art_of(eid: str) -> str:
    return eid.split("__", 1)[0]


# --------------------------------------------------------------------------- entries

def _load_layers(doc, root):
    """(definitions, statements, used-layer names) from the links/obligations layers if present."""
    defs, stmts, used = [], [], []
    try:
        from kb.layers import links  # type: ignore
    except ImportError:
        links = None
    if links is not None and hasattr(links, "definitions"):
        defs = list(links.definitions(doc) or [])
        used.append("links")
    try:
        from kb.layers import obligations  # type: ignore
    except ImportError:
        obligations = None
    if obligations is not None and hasattr(obligations, "extract"):
        registry = None
        try:
            from kb.layers import actors  # type: ignore
            registry = actors.load_registry(root)
        except Exception:  # registry is optional: extract() has its own default
            registry = None
        try:
            stmts = list(obligations.extract(doc, registry) if registry is not None
                         else obligations.extract(doc))
        except TypeError:
            stmts = list(obligations.extract(doc))
        used.append("obligations")
    return defs, stmts, used


def doc_entries(doc, spec: SourceSpec, root=None) -> tuple[list[dict], list[str]]:
    """Index entries (whoosh documents) for one parsed version."""
    src = spec.key
    meta = spec.meta or {}
    reg, ver = meta.get("regulation") or src.split("@")[0], meta.get("version") or src.partition("@")[2]
    status = meta.get("status") or doc.status
    title = doc.title or meta.get("title") or ""
    latest = "1" if spec.latest else "0"
    defs, stmts, used = _load_layers(doc, root)

    terms_by_art: dict[str, list[str]] = {}
    for d in defs:
        eid = _get(d, "eid") or ""
        t = _get(d, "term")
        if t and eid:
            terms_by_art.setdefault(_art_of(eid), [])
            if t not in terms_by_art[_art_of(eid)]:
                terms_by_art[_art_of(eid)].append(t)
    act_by_eid: dict[str, set] = {}
    mod_by_eid: dict[str, set] = {}
    pair_by_eid: dict[str, set] = {}
    for s in stmts:
        eid = _get(s, "eid") or ""
        actor, modality = str(_get(s, "actor") or ""), str(_get(s, "modality") or "")
        for e in {eid, _art_of(eid)}:
            if actor:
                act_by_eid.setdefault(e, set()).add(actor)
            if modality:
                mod_by_eid.setdefault(e, set()).add(modality)
            if actor and modality:
                pair_by_eid.setdefault(e, set()).add(f"{actor}|{modality}")

    def facets(eid: str) -> dict:
        return {"actor": ",".join(sorted(act_by_eid.get(eid, ()))),
                "modality": ",".join(sorted(mod_by_eid.get(eid, ()))),
                "actmod": ",".join(sorted(pair_by_eid.get(eid, ())))}

    base = {"source": src, "regulation": reg, "version": ver, "latest": latest}
    out: list[dict] = []
    nodes_by_eid = {}
    # the articles, then the 序言 (prologue) and 附件 (annexes): searched like articles,
    # their paragraphs cited 序言第一段 / 附件一第二段
    others = [n for n in doc.root.walk() if n.kind in ("prologue", "annex")]
    for a in list(doc.articles) + others:
        chp, chapter_keys = _containers(a)
        parts = []
        if a.text:
            parts.append([a.eid, a.citation, a.line, a.text, "article"])
        for n in a.walk():
            if n is a or n.kind not in ("paragraph", "item", "subitem"):
                continue
            own = _own_text(n)
            nodes_by_eid[n.eid] = (n, a, chp, chapter_keys)
            if own:
                cit = n.citation
                if not cit and a.kind != "article" and n.kind == "paragraph":
                    cit = f"{a.citation or a.label}第{to_chinese(n.number)}段" if n.number else a.citation
                parts.append([n.eid, cit, n.line, own, "item" if n.kind != "paragraph" else "paragraph"])
        nodes_by_eid[a.eid] = (a, a, chp, chapter_keys)
        for p in parts:   # per-part facets, so the part shown for an article honours --actor/--modality
            p.append(sorted(act_by_eid.get(p[0], ())))
            p.append(sorted(mod_by_eid.get(p[0], ())))
            p.append(sorted(pair_by_eid.get(p[0], ())))
        full = "\n".join(p[3] for p in parts)
        terms = terms_by_art.get(a.eid, [])
        heading = a.title if a.title != a.label else None      # 序言's title is its label
        common = {"status": status, "title": title, "heading": heading, "label": a.label,
                  "article": a.number, "article_eid": a.eid, "chapter": chp or None, "file": doc.source}
        st = [{"eid": e, "actor": str(_get(x, "actor") or ""), "modality": str(_get(x, "modality") or ""),
               "action": _get(x, "action"), "explicit": _get(x, "explicit"),
               "deadline": _json_safe(_get(x, "deadline")), "span": [_get(x, "start"), _get(x, "end")]}
              for x, e in ((x, _get(x, "eid") or "") for x in stmts) if _art_of(e) == a.eid]
        # one whoosh document per article: paragraphs, items and obligation statements are
        # found inside it at search time (kb.analysis.matches), so no text is indexed twice
        out.append(dict(base, key=f"{src}/{a.eid}", type="article", chapter=chapter_keys, artkey=f"{src}/{a.eid}",
                        text=full, heading=f"{a.label} {heading or ''}", terms=" ".join(terms),
                        **facets(a.eid),
                        data=dict(common, eid=a.eid, citation=a.citation or a.label, line=a.line, parts=parts,
                                  terms=terms, statements=st, text=a.text or heading or "",
                                  kind=a.kind if a.kind != "article" else None)))
    for i, d in enumerate(defs):
        eid = _get(d, "eid") or ""
        n, a, chp, chapter_keys = nodes_by_eid.get(eid) or nodes_by_eid.get(_art_of(eid)) or (None, None, "", "")
        term = str(_get(d, "term") or "")
        body = _get(d, "definition") or _get(d, "text") or ""
        text = _own_text(n) if n is not None else str(body)
        if not term:
            continue
        out.append(dict(base, key=f"{src}/{eid}#def-{i}", type="definition", chapter=chapter_keys,
                        artkey=f"{src}/{_art_of(eid)}", text=text, terms=term, actor="", modality="", actmod="",
                        data={"status": status, "title": title, "heading": a.title if a else None,
                              "label": a.label if a else "", "article": a.number if a else None,
                              "article_eid": a.eid if a else None, "chapter": chp or None,
                              "file": doc.source, "eid": eid,
                              "citation": n.citation if n is not None else "",
                              "line": n.line if n is not None else None, "text": text, "term": term,
                              "definition": str(body), "scope": _get(d, "scope")}))
    return out, used


def _containers(a) -> tuple[str, str]:
    """(chapter number, chapter filter keys) of an article.  The keys are the chapter
    number (``3``: chapter 3 of any part) and the eid of every enclosing part, subpart,
    chapter and section (``part_2``, ``part_2__chp_3``, ``part_2__chp_3__sec_1``), so
    ``--chapter`` can name a chapter unambiguously in a text divided into parts (编)."""
    chapter = a.ancestor("chapter")
    chp = str(chapter.number) if chapter is not None and chapter.number is not None else ""
    keys = [chp] if chp else []
    p = a.parent
    while p is not None and p.kind in ("part", "subpart", "chapter", "section"):
        if p.eid and p.eid not in keys:
            keys.append(p.eid)
        p = p.parent
    return chp, ",".join(keys)


def _json_safe(v):
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


def _schema():
    from whoosh.fields import ID, KEYWORD, STORED, Schema

    return Schema(
        key=ID(stored=True, unique=True), source=ID, type=ID(stored=True), regulation=ID(stored=True),
        version=ID(stored=True), latest=ID, artkey=ID(stored=True),
        chapter=KEYWORD(commas=True, lowercase=False, scorable=False),
        actor=KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        modality=KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        actmod=KEYWORD(commas=True, lowercase=False, scorable=False),
        text=analysis.BigramText(), heading=analysis.BigramText(field_boost=1.0),
        terms=analysis.BigramText(), data=STORED)


# --------------------------------------------------------------------------- the catalog

class Catalog:
    """The catalog of a project (``root``), or of explicit ``sources`` (benchmarks, tests)."""

    def __init__(self, root, path=None, sources: list[SourceSpec] | None = None):
        self.root = Path(root) if root is not None else None
        self.path = Path(path) if path is not None else Path(root) / ".kb" / "catalog"
        self._sources = sources
        self._ix = None
        self._ix_dir = None
        self._manifest = None
        self._s = None
        self._s_dir = None
        self._filter_cache: dict = {}

    # ---- where things are
    def current_dir(self) -> Path | None:
        try:
            name = (self.path / "CURRENT").read_text(encoding="utf-8").strip()
        except OSError:
            return None
        d = self.path / name
        return d if name and (d / "manifest.json").is_file() else None

    def exists(self) -> bool:
        return self.current_dir() is not None

    def usable(self) -> bool:
        """There is a catalog and this version of kb can read it."""
        m = self.manifest()
        return m is not None and m.get("schema") == SCHEMA_VERSION

    def manifest(self) -> dict | None:
        d = self.current_dir()
        if d is None:
            return None
        if self._manifest is None or self._manifest[0] != d:
            with open(d / "manifest.json", encoding="utf-8") as f:
                self._manifest = (d, json.load(f))
        return self._manifest[1]

    # ---- sources
    def sources(self) -> list[SourceSpec]:
        if self._sources is not None:
            return self._sources
        from kb.project import list_regulations

        out = []
        for reg in list_regulations(self.root):
            for i, v in enumerate(reg.versions):
                out.append(SourceSpec(f"{reg.id}@{v.name}", str(reg.path(v)), reg.doc_meta(v),
                                      latest=(i == len(reg.versions) - 1)))
        return out

    def _meta_files(self) -> dict:
        """meta.yml/mkdocs.yml hashes: what decides the list of sources and their metadata."""
        if self._sources is not None or self.root is None:
            return {}
        out = {}
        base = self.root / "regulation"
        if base.is_dir():
            for d in sorted(base.iterdir()):
                p = d / "meta.yml"
                if p.is_file():
                    out[str(p.relative_to(self.root))] = _sha1_file(str(p))
        p = self.root / "mkdocs.yml"
        if p.is_file():
            out["mkdocs.yml"] = _sha1_file(str(p))
        return out

    # ---- staleness
    def stale_reasons(self) -> list[str]:
        """Why the catalog is out of date (empty list: up to date).  Cheap: stats files,
        hashes only those whose size/mtime changed; never parses YAML."""
        m = self.manifest()
        if m is None:
            return ["还没有建立检索目录"]
        if m.get("schema") != SCHEMA_VERSION:
            return ["检索目录的格式已更新"]
        reasons = []
        if m.get("layers_stat") != _layer_stats() and m.get("layers") != _layer_signature():
            reasons.append("定义/义务等分析模块已更新")
        if self._sources is not None:
            keys = {s.key: s for s in self._sources}
            if set(keys) != set(m["sources"]):
                reasons.append("法规版本的清单已变化")
        elif m.get("mode") != "sources":    # a catalog of explicit sources: only they count
            if m.get("meta_files") != self._meta_files():
                reasons.append("元数据（meta.yml 或 mkdocs.yml）已变化")
        for key, info in m["sources"].items():
            st = _stat(info["path"])
            if st is None:
                reasons.append(f"{key}：源文件不存在了")
            elif st != info["stat"] and _sha1_file(info["path"]) != info["sha1"]:
                reasons.append(f"{key}：源文件已修改")
        return reasons

    def is_stale(self) -> bool:
        return bool(self.stale_reasons())

    # ---- building
    def build(self, progress=None, full: bool = False) -> dict:
        """Bring the catalog up to date.  Only versions whose source or metadata changed
        are re-indexed.  Returns a summary dict (added/updated/removed/unchanged, entries,
        seconds, layers).  ``progress(done, total, key)`` is called per parsed version."""
        import hashlib

        from kb.text.parse import parse_file

        t0 = time.perf_counter()
        self.path.mkdir(parents=True, exist_ok=True)
        self._cleanup()
        specs = self.sources()
        layers = _layer_signature()
        old = self.manifest()
        old_dir = self.current_dir()
        incremental = (not full and old is not None and old.get("schema") == SCHEMA_VERSION
                       and old.get("layers") == layers)
        new_sources, todo, unchanged = {}, [], []
        for s in specs:
            sha = _sha1_file(s.path) if os.path.exists(s.path) else None
            if sha is None:
                raise KbError("源文件不存在", s.path)
            metahash = hashlib.sha1(json.dumps([s.meta, s.latest], sort_keys=True, ensure_ascii=False,
                                               default=str).encode()).hexdigest()
            info = {"path": str(Path(s.path).resolve()), "stat": _stat(s.path), "sha1": sha, "meta": metahash}
            new_sources[s.key] = info
            prev = old["sources"].get(s.key) if incremental else None
            if prev and prev["sha1"] == sha and prev.get("meta") == metahash:
                unchanged.append(s.key)
                info["entries"] = prev.get("entries", 0)
                info["skipped"] = prev.get("skipped")
            else:
                todo.append(s)
        removed = [k for k in (old or {}).get("sources", {}) if k not in new_sources]
        known = (old or {}).get("sources", {})
        summary = {"added": [s.key for s in todo if s.key not in known],
                   "updated": [s.key for s in todo if s.key in known],
                   "removed": removed, "unchanged": len(unchanged), "skipped": [],
                   "layers": [], "full": not incremental}
        manifest = {"schema": SCHEMA_VERSION, "mode": "sources" if self._sources is not None else "project",
                    "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
                    "layers": layers, "layers_stat": _layer_stats(), "meta_files": self._meta_files(),
                    "sources": new_sources, "used_layers": (old or {}).get("used_layers", []) if incremental else [],
                    "actors": (old or {}).get("actors", {}) if incremental else {}}
        if incremental and not todo and not removed:
            # nothing to re-index: refresh the stamps (cheap staleness checks) atomically
            manifest["entries"] = old.get("entries", 0)
            self._write_json(old_dir / "manifest.json", manifest)
            self._manifest = None
            summary.update(entries=old.get("entries", 0), seconds=time.perf_counter() - t0,
                           layers=manifest["used_layers"])
            return summary

        analysis.import_whoosh()
        from whoosh import index as wix

        tmp = self.path / f"tmp-{os.getpid()}-{time.time_ns()}"
        try:
            if incremental and old_dir is not None:
                tmp.mkdir()
                for f in old_dir.iterdir():
                    if f.name == "manifest.json" or f.name.endswith("LOCK"):
                        continue
                    try:
                        os.link(f, tmp / f.name)
                    except OSError:
                        shutil.copy2(f, tmp / f.name)
                ix = wix.open_dir(str(tmp))
            else:
                tmp.mkdir()
                ix = wix.create_in(str(tmp), _schema())
            # compound=False: whoosh copies a compound segment's sub-files into memory
            # (BytesIO) every time a reader opens them; plain files are read in place
            writer = ix.writer(limitmb=256, compound=False)
            try:
                for key in (removed + [s.key for s in todo]) if incremental else []:
                    writer.delete_by_term("source", key)
                used_layers = set(manifest["used_layers"])
                for i, s in enumerate(todo, 1):
                    try:
                        doc = parse_file(s.path, meta=s.meta)
                    except KbError as e:
                        summary["skipped"].append(f"{s.key}: {e.message}")
                        new_sources[s.key]["entries"] = 0
                        new_sources[s.key]["skipped"] = e.message
                        if progress:
                            progress(i, len(todo), s.key)
                        continue
                    entries, used = doc_entries(doc, s, self.root)
                    used_layers.update(used)
                    for e in entries:
                        e["data"] = json.dumps(e["data"], ensure_ascii=False, default=str)
                        writer.add_document(**e)
                    new_sources[s.key]["entries"] = len(entries)
                    if progress:
                        progress(i, len(todo), s.key)
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            manifest["used_layers"] = sorted(used_layers)
            manifest["actors"] = self._actor_aliases() or manifest["actors"]
            manifest["entries"] = ix.doc_count()
            ix.close()
            self._write_json(tmp / "manifest.json", manifest)
            final = self.path / f"ix-{time.time_ns()}"
            os.rename(tmp, final)
            self._write_text(self.path / "CURRENT", final.name + "\n")   # the atomic switch
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self._ix = None
        self._manifest = None
        if old_dir is not None and old_dir != final:
            shutil.rmtree(old_dir, ignore_errors=True)
        summary.update(entries=manifest["entries"], seconds=time.perf_counter() - t0,
                       layers=manifest["used_layers"])
        return summary

    def size_bytes(self) -> int:
        d = self.current_dir()
        return sum(f.stat().st_size for f in d.iterdir()) if d else 0

    def _actor_aliases(self) -> dict:
        """alias -> canonical actor name, from kb.actors (cached so search needs no YAML)."""
        try:
            from kb.layers import actors  # type: ignore
            reg = actors.load_registry(self.root)
        except Exception:
            return {}
        out = {}
        items = getattr(reg, "actors", None)
        if isinstance(items, dict):
            items = list(items.values())
        try:
            for a in items if items is not None else list(reg):
                name = _get(a, "name")
                if not name:
                    continue
                out[name] = name
                for al in _get(a, "aliases") or []:
                    out.setdefault(str(al), name)
        except TypeError:
            return {}
        return out

    def _cleanup(self) -> None:
        """Remove directories left by interrupted builds and superseded indexes."""
        cur = self.current_dir()
        for d in self.path.iterdir():
            if not d.is_dir() or d == cur:
                continue
            if d.name.startswith("tmp-"):
                pid = d.name.split("-")[1]
                if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
                    continue   # another build is running
                shutil.rmtree(d, ignore_errors=True)
            elif d.name.startswith("ix-") and cur is not None:
                shutil.rmtree(d, ignore_errors=True)   # superseded (a crash after the rename)

    @staticmethod
    def _write_text(path: Path, text: str) -> None:
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)

    def _write_json(self, path: Path, data) -> None:
        self._write_text(path, json.dumps(data, ensure_ascii=False, indent=1))

    # ---- searching
    def _open(self):
        d = self.current_dir()
        if d is None:
            raise KbError("还没有检索目录：请先运行 kb index", str(self.path))
        if self._ix is None or self._ix_dir != d:
            analysis.import_whoosh()
            from whoosh import index as wix

            self._ix = wix.open_dir(str(d), readonly=True)
            self._ix_dir = d
        return self._ix

    def search(self, query, type=None, regulation=None, version=None, chapter=None, actor=None,
               modality=None, limit=10, group_by_article=True) -> list[Hit]:
        """Ranked hits for a query (see kb.analysis for the language).  ``limit=0``: all.
        ``version=None`` searches the latest version of each regulation; "all": every version.
        With no ``type``, one hit per article (showing its best paragraph or item) when
        ``group_by_article``, else every matching paragraph and item; an explicit ``type``
        lists its entries one by one."""
        analysis.import_whoosh()
        from whoosh import query as Q
        from whoosh import scoring

        pq = query if isinstance(query, analysis.ParsedQuery) else analysis.parse_query(query)
        f = dict(pq.filters)
        for name, val in (("type", type), ("regulation", regulation), ("version", version),
                          ("chapter", chapter), ("actor", actor), ("modality", modality)):
            if val is None or val == "":
                continue
            val = str(val)
            if name in f and analysis.check_filter(name, f[name]) != analysis.check_filter(name, val):
                raise KbError(f"查询里的 {name}:{f[name]} 与选项 --{name} {val} 矛盾")
            f[name] = val
        for name in list(f):
            f[name] = analysis.check_filter(name, f[name])
        ix = self._open()
        m = self.manifest() or {}
        if m.get("schema") != SCHEMA_VERSION:
            raise KbError("检索目录是旧版本的格式：请运行 kb index 重建", str(self.path))
        if f.get("modality") and "obligations" not in m.get("used_layers", []):
            raise KbError("检索目录里还没有义务分析（kb.obligations 不可用或尚未重建目录），"
                          "无法按 modality 过滤；请在其可用后运行 kb index")

        main = _to_whoosh(pq.tree, Q) if pq.tree is not None else Q.Every()
        ftype = f.get("type")
        if ftype == "definition":
            mode = "definition"
        elif ftype == "article" or (ftype is None and group_by_article):
            mode = "article"
        elif ftype == "obligation":
            mode = "obligation"
        else:
            mode = "parts"       # paragraphs and items (or items only)
        terms = [("type", "definition" if mode == "definition" else "article")]
        if f.get("regulation"):
            terms.append(("regulation", f["regulation"]))
        if f.get("version") and f["version"] != "all":
            terms.append(("version", f["version"]))
        elif not f.get("version"):
            terms.append(("latest", "1"))
        if f.get("chapter"):
            terms.append(("chapter", f["chapter"]))
        want_a, want_m = None, f.get("modality")
        actor_text = None
        if f.get("actor"):
            want_a = (m.get("actors") or {}).get(f["actor"], f["actor"])
            if "obligations" not in m.get("used_layers", []):
                # no obligations layer yet: an actor is a provision that names it
                actor_text = analysis.normalize(want_a)
                main = Q.And([main, _word_query(analysis.Word(actor_text), Q, fields=(("text", 1.0),))])
                want_a = None
        if mode != "definition":
            if want_a and want_m:       # the same statement must have both
                terms.append(("actmod", f"{want_a}|{want_m}"))
            elif want_a:
                terms.append(("actor", want_a))
            elif want_m:
                terms.append(("modality", want_m))
        q = main
        pos = pq.positives()
        bonus = []
        if len(pos) >= 2:
            plain = [w for w in pos if w.field is None]
            if len(plain) >= 2:
                bonus.append(_const(
                    _word_query(analysis.Word("".join(w.text for w in plain)), Q), BONUS_EXACT))
            if pq.has_or():
                bonus.append(_const(Q.And([_word_query(w, Q) for w in pos]), BONUS_ALL))
        if bonus:
            q = Q.AndMaybe(q, Q.Or(bonus) if len(bonus) > 1 else bonus[0])

        words = analysis.flatten_words([w for w in pos if w.field is None])
        hwords = analysis.flatten_words(pos)
        want = None if not limit or limit <= 0 else int(limit)
        facet = (want_a, want_m)
        s = self._searcher(scoring)
        allow, mask = self._filters(s, tuple(terms), Q)
        if allow is not None and not allow:
            return []
        fetch = want if (want is None or mode in ("article", "definition")) else max(want * 3, 30)
        boost_words = [w for w in pos if w.field is None] or pos
        while True:
            results = self._top(s, q, Q, fetch, allow, mask, boost_words, pq.has_or())
            hits: list[Hit] = []
            for r in results:
                fields = r.fields()
                if mode in ("article", "definition"):
                    hits.append(_hit(fields, r.score, words, hwords, facet))
                else:
                    hits.extend(_part_hits(fields, r.score, pq.tree, words, hwords, facet, mode,
                                           ftype, actor_text))
                if want is not None and len(hits) >= want:
                    break
            if fetch is None or (want is not None and len(hits) >= want) or len(results) < fetch:
                break
            fetch = None      # too few paragraphs in the first articles: take every hit
        return hits[:want] if want is not None else hits

    def _top(self, s, q, Q, limit, allow, mask, words, has_or=False) -> list:
        """The best ``limit`` documents (all when None), as whoosh hits, best first.

        whoosh scores every matching document in Python (~15-40 us each), so a query that
        matches most of a large catalog (应当 in 40,000 articles) would take half a second.
        For top-N requests at most ``SCAN_CAP`` text matches (divided by the number of
        bigrams in the query) are scored.  When a query's words are more frequent than
        that, the documents to score are chosen over the WHOLE catalog by a cheap pre-score
        read from the postings (:meth:`_candidates`: term frequencies and field lengths,
        no phrase verification), so the top-N is not biased towards the regulations
        indexed first; other queries that hit the cap stop scanning in catalog order.
        Documents whose heading or defined terms contain a query word are always scored
        in full, so the boosted ones are never left out.  Queries with fewer matches than
        the cap (nearly all) are ranked exactly; ``limit=None`` (kb search --limit 0)
        always returns every hit."""
        from whoosh.collectors import FilterCollector, TopCollector

        if limit is None:
            return list(s.search(q, limit=None, filter=allow, mask=mask))
        # a phrase of n bigrams costs about n single-term matches per document
        tokens = sum(max(1, len(v) - 1) for w in words for v in w.variants()) or 1
        cap = max(SCAN_FLOOR, SCAN_CAP // tokens)

        class Capped(TopCollector):
            capped = False
            cap = 0

            def matches(self):
                n = 0
                for d in TopCollector.matches(self):
                    yield d
                    n += 1
                    if n >= self.cap:
                        Capped.capped = True
                        break

        def wrap(c):
            return FilterCollector(c, allow=allow, restrict=mask) if (allow or mask) else c

        cands = self._candidates(s, words, cap, allow, mask, has_or)
        found = {}
        if cands is not None:
            # frequent words: verify (and score) the candidates best bound first, in
            # batches, wherever they sit in the catalog (the intersection with the batch
            # is driven by the batch); stop once the next bound cannot beat the limit-th
            # hit, or after the cap
            batch = max(2 * limit, 20)
            heads = list(cands.heads)      # verified with the first batch (one search)
            while cands or heads:
                chunk = cands.take(batch)
                # no block-quality skipping or matcher replacement: with a zero-score
                # restriction in the And, whoosh's replace() drops documents that belong
                # in the top N
                c = TopCollector(limit=limit, usequality=False, replace=0)
                docs = set(heads).union(d for _, d in chunk)
                heads = []
                s.search_with_collector(Q.And([q, _docset(docs, s)]), c)
                for h in c.results():
                    found[h.docnum] = h
                if len(found) >= limit and cands:
                    kth = sorted((h.score for h in found.values()), reverse=True)[limit - 1]
                    if cands.peek() <= kth + 1e-6:
                        break
                batch *= 2
        else:
            c = Capped(limit=limit)
            c.cap = cap
            s.search_with_collector(q, wrap(c))
            found = {h.docnum: h for h in c.results()}
        if words and cands is None and Capped.capped:
            # documents whose heading or defined terms contain a query word: intersect (the
            # sparse side drives the scan), scored as by the full query
            hq = [_word_query(w, Q, fields=(("heading", 1.0), ("terms", 1.0))) for w in words]
            hq = hq[0] if len(hq) == 1 else Q.Or(hq)
            hc = Capped(limit=limit)
            hc.cap = max(HEADS_FLOOR, cap)
            s.search_with_collector(Q.And([q, _const(hq, 0.0)]), wrap(hc))
            for h in hc.results():
                found.setdefault(h.docnum, h)
        return sorted(found.values(), key=lambda h: (-h.score, h.docnum))[:limit]

    def _candidates(self, s, words, cap, allow, mask, has_or=False) -> _Popper | None:
        """For a frequent query, the ``cap`` documents most worth scoring, chosen over the
        whole catalog, as (bound, docnum), best first; None when the query is not frequent
        enough to need it (or has words this pre-score cannot read: field words, single
        characters).

        The bound is read from the text postings alone (no phrase verification): whoosh
        scores a phrase as the sum of its bigrams' BM25 scores, so for every document
        that contains all the bigrams of a word it is that word's BM25 score exactly,
        plus the exact-phrase tier when every bigram of the words run together occurs,
        plus the whole-query tier (OR queries) when every word may occur.  For a document
        that really matches, the bound is its score from the text field; heading and
        defined-term matches are scored separately (see _top).  Without OR, only the
        documents whose text has every word are candidates (any other match has a word in
        its heading or defined terms, and is verified with those).  Ties: lower docnum
        first.  Decoded postings and each word's bounds are cached per searcher."""
        if not words or any(w.field for w in words):
            return None
        groups = []            # per word: [per variant: bigram tokens]
        for w in words:
            if any(len(v) < 2 for v in w.variants()):
                return None
            groups.append([analysis.query_tokens(v) for v in w.variants()])
        dfs = {t: s.doc_frequency("text", t) for vs in groups for toks in vs for t in toks}
        # the most documents the query can match (any word: its variants' rarest bigrams)
        est = sum(min(dfs[t] for t in toks) for vs in groups for toks in vs)
        if est <= cap:
            return None
        from heapq import heapify

        post = {t: self._postings(s, t) for t in dfs if dfs[t]}
        norm = self._norms(s)
        k1 = 1.2
        top = {t: s.idf("text", t) * (k1 + 1) for t in post}     # BM25 as scoring.bm25
        score: dict[int, float] = {}
        present: dict[int, int] = {}
        wcache = self._cache(s, "words")
        bounds = []
        for vs in groups:
            wkey = tuple(tuple(toks) for toks in vs)
            word = wcache.get(wkey)
            if word is None:
                word = self._word_bound(vs, post, top, norm)
                _remember(wcache, wkey, word)
            bounds.append(word)
        if has_or:
            for word in bounds:
                if not score:
                    score, present = dict(word), dict.fromkeys(word, 1)
                    continue
                for d, sc in word.items():
                    score[d] = score.get(d, 0.0) + sc
                    present[d] = present.get(d, 0) + 1
        elif len(bounds) == 1:
            score = bounds[0]        # shared with the cache: only read below (one word)
        else:
            # every word must match: a document lacking one in its text can only match
            # through its heading or defined terms, and those are all verified (heads)
            for d in min(bounds, key=len):
                sc = 0.0
                for word in bounds:
                    v = word.get(d)
                    if v is None:
                        break
                    sc += v
                else:
                    score[d] = sc
        joined = None
        if len(words) >= 2:
            toks = analysis.query_tokens("".join(w.text for w in words))
            joined = [post[t] if t in post else self._postings(s, t) for t in toks]
        nwords = len(groups)
        if joined is not None:
            # the documents with every bigram of the words run together (read off the
            # rarest of those bigrams' postings: the same set as testing every scored one)
            joined.sort(key=len)
            for d in joined[0]:
                if d in score and all(d in pl for pl in joined[1:]):
                    score[d] += BONUS_EXACT
        if has_or:
            for d in score:
                if present[d] == nwords:
                    score[d] += BONUS_ALL
        if allow is not None:
            keyed = [(-sc, d) for d, sc in score.items() if d in allow and not (mask and d in mask)]
        elif mask:
            keyed = [(-sc, d) for d, sc in score.items() if d not in mask]
        else:
            keyed = [(-sc, d) for d, sc in score.items()]
        heapify(keyed)          # popped best first, as far as the caller goes (<= cap)
        # documents whose heading or defined terms may contain a word (all its bigrams
        # occur there): their boosted scores are not bounded above, so all are verified
        heads: set[int] = set()
        for vs in groups:
            for toks in vs:
                for fname in ("heading", "terms"):
                    if not all(s.doc_frequency(fname, t) for t in toks):
                        continue
                    lists = sorted((self._postings(s, t, fname) for t in toks), key=len)
                    heads.update(d for d in lists[0] if all(d in o for o in lists[1:]))
        if mask:
            heads -= mask
        if allow is not None:
            heads &= allow
        return _Popper(keyed, cap, sorted(heads))

    @staticmethod
    def _word_bound(vs, post, top, norm) -> dict[int, float]:
        """{docnum: BM25 of one word in the text field} for every document containing all
        the bigrams of one of its variants (``vs``: per variant, its bigram tokens)."""
        word: dict[int, float] = {}
        for toks in vs:
            if any(t not in post for t in toks):
                continue
            lists = sorted(((post[t], top[t]) for t in toks), key=lambda x: len(x[0]))
            (first, t0), rest = lists[0], lists[1:]
            if not rest and not word:
                word = {d: t0 * tf / (tf + norm[d]) for d, tf in first.items()}
                continue
            for d, tf in first.items():
                nd = norm[d]
                sc = t0 * tf / (tf + nd)
                for other, tt in rest:
                    o = other.get(d)
                    if not o:
                        break
                    sc += tt * o / (o + nd)
                else:
                    word[d] = word.get(d, 0.0) + sc
        return word

    def _cache(self, s, name: str) -> dict:
        """A cache that lives as long as searcher ``s`` (decoded postings, word bounds)."""
        c = getattr(self, "_caches", None)
        if c is None or c[0] is not s:
            c = self._caches = (s, {})
        return c[1].setdefault(name, {})

    def _postings(self, s, token, field="text") -> dict[int, int]:
        """{docnum: frequency} of a bigram over the whole catalog, decoded once per searcher
        (see _read_postings).  The dict is shared: callers must not change it."""
        cache = self._cache(s, "postings")
        key = (field, token)
        out = cache.get(key)
        if out is None:
            out = self._read_postings(s, token, field)
            _remember(cache, key, out)
        return out

    def _read_postings(self, s, token, field="text") -> dict[int, int]:
        """{docnum: frequency} of a text bigram over the whole catalog, read block by
        block (whoosh's per-posting calls cost about a microsecond each)."""
        out: dict[int, int] = {}
        raw = _BLOCK_READERS[0] if _BLOCK_READERS else None
        for sub, offset in s.leaf_searchers():
            r = sub.reader()
            if (field, token) not in r:
                continue
            m = r.postings(field, token)
            while m.is_active():
                try:
                    if m._data is None and raw:   # past the block cache: these lists are
                        raw(m)                    # kept whole in the postings cache
                    m._read_ids()
                    m._read_weights()
                    ids, ws = m._ids, m._weights
                    if offset:
                        ids = [i + offset for i in ids]
                    out.update(zip(ids, ws))
                    m._next_block()
                except AttributeError:      # another codec: the public, slower way
                    while m.is_active():
                        out[m.id() + offset] = m.weight()
                        m.next()
        return out

    def _norms(self, s) -> list[float]:
        """BM25's length normalisation K1 * (1 - B + B * length / average length) of every
        document's text (lengths as whoosh's BM25 sees them), cached per searcher."""
        cached = getattr(self, "_len_cache", None)
        if cached is not None and cached[0] is s:
            return cached[1]
        from whoosh.util.numeric import byte_to_length

        table = [byte_to_length(b) for b in range(256)]
        out: list[float] = []
        for sub, offset in s.leaf_searchers():
            r = sub.reader()
            n = r.doc_count_all()
            out.extend([0.0] * (offset + n - len(out)))
            try:
                from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

                col = r._perdoc._cached_reader(_lenfield("text"), LENGTHS_COLUMN)
                vals = [table[b] if b else 0.0 for b in _column_values(col)] if col is not None else [0.0] * n
            except (AttributeError, ImportError):
                vals = [r.doc_field_length(i, "text") or 0.0 for i in range(n)]
            out[offset:offset + n] = vals[:n]
        avg = s.avg_field_length("text") or 1.0
        k1, b = 1.2, 0.75
        out = [k1 * ((1 - b) + b * fl / avg) for fl in out]
        self._len_cache = (s, out)
        return out

    def unknown_filter(self, regulation=None, version=None, chapter=None, actor=None) -> str | None:
        """Why filters match nothing when a value is unknown to the catalog (a misspelt
        regulation or version, a chapter no text has, an actor no statement names), as a
        message for the user; None when every value exists.  ``kb search`` asks this when
        it found nothing, so a typo is reported as bad input rather than "no hits"."""
        self._open()
        from whoosh import scoring

        s = self._searcher(scoring)
        m = self.manifest() or {}
        terms = []
        for name, val in (("regulation", regulation), ("version", version), ("chapter", chapter)):
            if val and not (name == "version" and val == "all"):
                terms.append((name, analysis.check_filter(name, str(val))))
        if actor and "obligations" in m.get("used_layers", []):
            terms.append(("actor", (m.get("actors") or {}).get(actor, actor)))
        names = {"regulation": "法规", "version": "版本", "chapter": "章", "actor": "主体"}
        for name, value in terms:
            if s.doc_frequency(name, value) > 0:
                continue
            known = sorted({t.decode("utf-8") if isinstance(t, bytes) else str(t)
                            for t in s.reader().lexicon(name)})
            if name == "chapter":
                known = [k for k in known if not k.isdigit()] or known
            shown = "、".join(known[:20]) + ("……" if len(known) > 20 else "")
            return f"检索目录里没有{names[name]}“{value}”" + (f"；已有：{shown}" if shown else "")
        return None

    def _searcher(self, scoring):
        """One searcher per catalog, kept open between searches (opening costs more than
        most queries)."""
        d = self._ix_dir
        if getattr(self, "_s", None) is None or self._s_dir != d:
            self.close()
            _cache_blocks()
            self._s = self._ix.searcher(weighting=scoring.BM25F())
            self._s_dir = d
            self._filter_cache = {}
        return self._s

    def close(self) -> None:
        if getattr(self, "_s", None) is not None:
            self._s.close()
        self._s = None
        self._caches = None

    def _filters(self, searcher, terms: tuple, Q):
        """(allow, mask) document-number sets for the facet filters, cached per searcher.
        Frequent conditions (type=article, latest version) become a mask of the few
        documents they exclude; selective ones (regulation, version, chapter, actor …) an
        allow set."""
        key = terms
        cache = self._filter_cache
        if key in cache:
            return cache[key]
        if len(cache) > 64:
            cache.clear()
        allow_q, mask_q = [], []
        for name, value in terms:
            if (name, value) == ("type", "article"):
                mask_q.append(Q.Term("type", "definition"))
            elif (name, value) == ("latest", "1"):
                mask_q.append(Q.Term("latest", "0"))
            else:
                allow_q.append(Q.Term(name, value))
        allow = None
        if allow_q:
            allow = set(searcher.docs_for_query(allow_q[0] if len(allow_q) == 1 else Q.And(allow_q)))
        mask = set(searcher.docs_for_query(Q.Or(mask_q))) if mask_q else None
        cache[key] = (allow, mask or None)
        return cache[key]


_LAZY_CONST = None


def _const(child, score):
    """A constant-score wrapper evaluated lazily.  whoosh's ConstantScoreQuery lists
    every matching document up front (``all_ids``): for a bonus phrase of frequent words
    (人民政府应当, 5,000 articles) that cost seconds, while only the documents the main
    query visits need checking."""
    global _LAZY_CONST
    if _LAZY_CONST is None:
        from whoosh import matching
        from whoosh.matching.wrappers import ConstantScoreWrapperMatcher
        from whoosh.query import ConstantScoreQuery

        class LazyConstantScoreQuery(ConstantScoreQuery):
            def matcher(self, searcher, context=None):
                m = self.child.matcher(searcher, context)
                if isinstance(m, matching.NullMatcherClass):
                    return m
                return ConstantScoreWrapperMatcher(m, self.score)

        _LAZY_CONST = LazyConstantScoreQuery
    return _LAZY_CONST(child, score)


#: decoded postings / word bounds kept per searcher, in postings entries (~100 bytes each)
CACHE_ENTRIES = 600_000


def _column_values(col) -> list:
    """Every value of a whoosh column: a one-byte numeric column (field lengths) in one
    read (iterating whoosh's reader costs a seek and a read per document); anything
    else through the reader."""
    if (getattr(col, "_typecode", None) == "B" and getattr(col, "_fixedlen", None) == 1
            and not getattr(col, "_reverse", False)):
        try:
            raw = col._dbfile.get(col._basepos, col._count)
        except (AttributeError, OSError):
            return list(col)
        if len(raw) == col._count:
            return list(raw) + [col._default] * max(0, col._doccount - col._count)
    return list(col)


#: decoded postings blocks kept per open postings file (see _cache_blocks)
BLOCK_CACHE = 4000
_BLOCK_READERS: list = []


def _cache_blocks() -> None:
    """Keep whoosh's decoded postings blocks (ids, weights, positions) for as long as
    their postings file is open, up to BLOCK_CACHE blocks per file.  Verifying a phrase
    of frequent words visits a block of each of its bigrams per candidate document, and
    decoding those blocks (unpickle, inflate, delta-decode the ids) was most of the cost
    of a top-10 search; the blocks never change while the file is open (a rebuild writes
    new files, opened by a new searcher).  Patches the whoosh3 codec's leaf matcher once;
    any other codec is left alone."""
    if _BLOCK_READERS:
        return
    try:
        from whoosh.codec.whoosh3 import W3LeafMatcher
        read_data, read_ids = W3LeafMatcher._read_data, W3LeafMatcher._read_ids
    except (ImportError, AttributeError):
        _BLOCK_READERS.extend([None, None])
        return

    def blocks(m) -> dict:
        pf = m._postfile
        c = getattr(pf, "_kb_blocks", None)
        if c is None:
            c = pf._kb_blocks = {}
        return c

    def cached_read_data(self):
        c = blocks(self)
        hit = c.get(self._dataoffset)
        if hit is None:
            read_data(self)
            if len(c) >= BLOCK_CACHE:
                c.clear()
            hit = c[self._dataoffset] = [self._data, None]
        self._data = hit[0]

    def cached_read_ids(self):
        c = blocks(self)
        hit = c.get(self._dataoffset)
        if hit is not None and hit[1] is not None:
            if self._data is None:
                self._data = hit[0]
            self._ids = hit[1]
            return
        read_ids(self)                # reads the block through cached_read_data
        hit = c.get(self._dataoffset)
        if hit is not None and hit[0] is self._data:
            hit[1] = self._ids

    W3LeafMatcher._read_data = cached_read_data
    W3LeafMatcher._read_ids = cached_read_ids
    _BLOCK_READERS.extend([read_data, read_ids])


def _remember(cache: dict, key, value) -> None:
    """Keep ``value`` (a dict) in a per-searcher cache; past CACHE_ENTRIES postings in all,
    the oldest half of the entries goes first.  ``cache[None]`` counts the postings held."""
    size = len(value)
    if size > CACHE_ENTRIES:
        return
    used = cache.get(None, 0)
    while used + size > CACHE_ENTRIES:
        keys = [k for k in cache if k is not None]
        for k in keys[: max(1, len(keys) // 2)]:
            used -= len(cache.pop(k))
    cache[key] = value
    cache[None] = used + size


class _Popper:
    """The best ``cap`` entries of a heap of (-bound, docnum), handed out best first."""

    def __init__(self, heap, cap, heads=()):
        self.heap, self.left, self.heads = heap, cap, list(heads)

    def __bool__(self):
        return bool(self.heap) and self.left > 0

    def peek(self) -> float:
        return -self.heap[0][0]

    def take(self, n) -> list[tuple[float, int]]:
        from heapq import heappop

        out = []
        while self.heap and self.left > 0 and len(out) < n:
            nb, d = heappop(self.heap)
            out.append((-nb, d))
            self.left -= 1
        return out


def _docset(docnums, searcher):
    """A query matching exactly the given (top-level) document numbers, scoring 0: in an
    And it restricts another query to them without visiting anything else."""
    from whoosh import matching
    from whoosh import query as Q
    from whoosh.matching.wrappers import ConstantScoreWrapperMatcher

    by_leaf = {}
    leaves = searcher.leaf_searchers()
    docnums = sorted(docnums)
    for i, (sub, offset) in enumerate(leaves):
        end = leaves[i + 1][1] if i + 1 < len(leaves) else float("inf")
        by_leaf[id(sub)] = [d - offset for d in docnums if offset <= d < end]

    class DocSet(Q.Query):
        def __eq__(self, other):
            return self is other

        def __hash__(self):
            return id(self)

        def estimate_size(self, ixreader):
            return len(docnums)

        def matcher(self, searcher, context=None):
            ids = by_leaf.get(id(searcher))
            if not ids:
                return matching.NullMatcher()
            return ConstantScoreWrapperMatcher(matching.ListMatcher(ids), 0.0)

    return DocSet()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def _word_query(w, Q, fields=None):
    if fields is None:
        fields = ((w.field, 1.0),) if w.field else (("text", 1.0), ("heading", HEADING_BOOST),
                                                     ("terms", TERMS_BOOST))
    alts = []
    for v in w.variants():
        toks = analysis.query_tokens(v)
        for fname, boost in fields:
            if len(v) == 1:
                alts.append(Q.Prefix(fname, v, boost=boost))
            elif len(toks) == 1:
                alts.append(Q.Term(fname, toks[0], boost=boost))
            else:
                alts.append(Q.Phrase(fname, toks, boost=boost))
    return alts[0] if len(alts) == 1 else Q.Or(alts)


def _to_whoosh(n, Q):
    if isinstance(n, analysis.Word):
        return _word_query(n, Q)
    if n.op == "OR":
        return Q.Or([_to_whoosh(c, Q) for c in n.children])
    if n.op == "NOT":   # only reached inside AND (the parser refuses other places)
        return Q.Not(_to_whoosh(n.children[0], Q))
    pos = [_to_whoosh(c, Q) for c in n.children if not (isinstance(c, analysis.BoolOp) and c.op == "NOT")]
    neg = [_to_whoosh(c.children[0], Q) for c in n.children if isinstance(c, analysis.BoolOp) and c.op == "NOT"]
    if not pos:
        raise KbError("不能只有排除条件（NOT）：请至少给出一个要查找的词")
    q = pos[0] if len(pos) == 1 else Q.And(pos)
    if neg:
        q = Q.AndNot(q, neg[0] if len(neg) == 1 else Q.Or(neg))
    return q


def _facet_ok(part, want_a, want_m) -> bool:
    if not want_a and not want_m:
        return True
    if len(part) < 8:
        return False
    if want_a and want_m:
        return f"{want_a}|{want_m}" in part[7]
    return want_a in part[5] if want_a else want_m in part[6]


def _part_hits(r, score, tree, words, hwords, facet, mode, ftype, actor_text) -> list[Hit]:
    """The paragraphs/items (or obligation statements) of one matching article that match
    the query themselves, best first."""
    d = json.loads(r["data"])
    want_a, want_m = facet
    heading = analysis.normalize(f"{d.get('label') or ''} {d.get('heading') or ''}")
    parts = d.get("parts") or []
    by_eid = {p[0]: p for p in parts}
    ok: dict[str, bool] = {}

    def matches(p) -> bool:
        if p[0] not in ok:
            t = analysis.normalize(p[3])
            ok[p[0]] = analysis.matches(tree, t, heading) and (actor_text is None or actor_text in t)
        return ok[p[0]]

    out = []
    if mode == "obligation":
        for st in d.get("statements") or []:
            p = by_eid.get(st["eid"])
            if p is None or (want_a and st["actor"] != want_a) or (want_m and st["modality"] != want_m):
                continue
            if not matches(p):
                continue
            h = _make_hit(r, d, p, score, words, hwords, "obligation")
            h.actors = [st["actor"]] if st["actor"] else []
            h.modalities = [st["modality"]] if st["modality"] else []
            h.action = st.get("action")
            out.append(h)
        return out
    kinds = ("item",) if ftype == "item" else ("paragraph", "item", "article")
    cands = [p for p in parts if p[4] in kinds and _facet_ok(p, want_a, want_m) and matches(p)]
    norm = {p[0]: analysis.normalize(p[3]) for p in cands}
    cands.sort(key=lambda p: -sum(1 for w in words if w in norm[p[0]]))
    return [_make_hit(r, d, p, score, words, hwords, "paragraph" if p[4] == "article" else p[4]) for p in cands]


def _make_hit(r, d, part, score, words, hwords, typ) -> Hit:
    return _new_hit(r, d, part[:4], score, words, hwords, typ,
                    part[5] if len(part) > 5 else [], part[6] if len(part) > 6 else [])


def _new_hit(r, d, where, score, words, hwords, typ, actors, modalities, **extra) -> Hit:
    """A Hit for one provision: ``where`` is (eid, citation, line, text) of the part shown."""
    reg, ver = r["regulation"], r["version"]
    eid, citation, line, text = where
    snip, marks = analysis.snippet(text or "", words)
    heading = d.get("heading")
    return Hit(eid=eid, article=d.get("article"), citation=citation or "", type=typ, score=round(float(score), 4),
               snippet=snip, marks=marks, regulation=reg, version=ver, path=f"{reg}/{ver}/{eid}",
               label=d.get("label") or "", heading=heading, line=line, title=d.get("title") or "",
               chapter=d.get("chapter"), status=d.get("status"), article_eid=d.get("article_eid"),
               heading_marks=[list(x) for x in analysis.find_spans(heading or "", hwords)],
               actors=actors, modalities=modalities, source=d.get("file") or "", **extra)


def _hit(r, score, words, hwords, facets=(None, None)) -> Hit:
    d = json.loads(r["data"])
    typ = r["type"]
    reg, ver = r["regulation"], r["version"]
    eid, citation, line, text = d.get("eid"), d.get("citation"), d.get("line"), d.get("text")
    actors = [a for a in (r.get("actor") or "").split(",") if a]
    modalities = [a for a in (r.get("modality") or "").split(",") if a]
    if typ == "article":
        parts = d.get("parts") or []
        best, best_key = None, None
        want_a, want_m = facets
        if want_a or want_m:
            parts = [p for p in parts if _facet_ok(p, want_a, want_m)] or parts
        for i, p in enumerate(parts):
            spans = analysis.find_spans(p[3], words)
            if not spans:
                continue
            present = sum(1 for w in words if w in analysis.normalize(p[3]))
            k = (present, len(spans), -i)
            if best_key is None or k > best_key:
                best, best_key = p, k
        if best is None and parts:
            best = parts[0]
        if best is not None:
            eid, citation, line, text = best[0], best[1], best[2], best[3]
            if len(best) > 6:
                actors, modalities = best[5], best[6]
    if typ == "article" and d.get("kind"):
        typ = d["kind"]            # prologue (序言) | annex (附件)
    return _new_hit(r, d, (eid, citation, line, text), score, words, hwords, typ, actors, modalities,
                    term=d.get("term"), action=d.get("action"))
