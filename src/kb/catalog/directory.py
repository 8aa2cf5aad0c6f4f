"""A catalog that lives in a directory of index folders (``<root>/.kb/catalog/``), whatever
engine writes and reads them: where the live index is, whether it is current, what it is built
from.  Building is :mod:`kb.catalog.building`'s job; an engine (:mod:`kb.catalog.whoosh`,
:mod:`kb.catalog.fts5`) subclasses :class:`DirectoryCatalog` with how it writes
(:meth:`DirectoryCatalog.fill`), opens and searches its index.  A staleness check (``kb search``
asks one before every search) imports neither an engine nor the parser.
"""
from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path

from kb.catalog import fingerprints, searching
from kb.catalog.guard import check_private
from kb.catalog.interface import Catalog, Hit, Progress, SourceSpec
from kb.catalog.query import ParsedQuery, combine_filters
from kb.errors import KbError


class DirectoryCatalog(Catalog):
    """A catalog in a directory of index folders (see :mod:`kb.catalog.building` for the
    layout); subclasses name their ``engine`` and ``schema_version`` (a catalog written with
    another is rebuilt in full) and say how their index is written and opened."""

    engine = ""
    schema_version = ""
    #: the engine's package (its ``build`` and ``search`` modules)
    package = ""
    #: False: top-N searches scan in catalog order instead of choosing the documents to score
    #: over the whole catalog (the baseline of kb bench search; whoosh only)
    rank_whole_catalog = True

    def __init__(self, root, path=None, sources: list[SourceSpec] | None = None):
        self.root = Path(root) if root is not None else None
        self.path = Path(path) if path is not None else Path(root) / ".kb" / "catalog"
        self._sources = sources
        self._manifest = None
        self._index = None             # the live directory opened for searching (search.OpenIndex)

    # ---- where things are
    def current_dir(self) -> Path | None:
        try:
            name = (self.path / "CURRENT").read_text(encoding="utf-8").strip()
        except OSError:
            return None
        d = self.path / name
        return d if name and (d / "manifest.json").is_file() else None

    def private_paths(self) -> list[Path]:
        """What must be writable by its owner alone before the live index is opened (opening
        unpickles its table of contents): the folders down to it, CURRENT, its files."""
        d = self.current_dir()
        paths = [self.path.parent, self.path, self.path / "CURRENT"]
        if d is not None:
            paths.append(d)
            try:
                paths += sorted(d.iterdir())
            except OSError:
                pass
        return paths

    def exists(self) -> bool:
        return self.current_dir() is not None

    def usable(self) -> bool:
        m = self.manifest()
        return m is not None and m.get("schema") == self.schema_version

    def manifest(self) -> dict | None:
        d = self.current_dir()
        if d is None:
            return None
        if self._manifest is None or self._manifest[0] != d:
            with open(d / "manifest.json", encoding="utf-8") as f:
                self._manifest = (d, json.load(f))
        return self._manifest[1]

    def size_bytes(self) -> int:
        d = self.current_dir()
        return sum(f.stat().st_size for f in d.iterdir()) if d else 0

    # ---- what it is built from
    def mode(self) -> str:
        """"sources" for a catalog of explicit sources, "project" for a project's."""
        return "sources" if self._sources is not None else "project"

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

    def meta_files(self) -> dict:
        """The project's metadata fingerprints (none for a catalog of explicit sources)."""
        if self._sources is not None or self.root is None:
            return {}
        return fingerprints.meta_files(self.root)

    # ---- staleness
    def stale_reasons(self) -> list[str]:
        """Cheap: stats files, hashes only those whose size/mtime changed; never parses YAML."""
        m = self.manifest()
        if m is None:
            return ["还没有建立检索目录"]
        if m.get("engine", "whoosh") != self.engine:
            return [f"检索目录是用另一个检索引擎（{m.get('engine', 'whoosh')}）建立的，现在用 {self.engine}"]
        if m.get("schema") != self.schema_version:
            return ["检索目录的格式已更新"]
        reasons = []
        if m.get("layers_stat") != fingerprints.layer_stats() and m.get("layers") != fingerprints.layer_signature():
            reasons.append("定义/义务等分析模块已更新")
        if self._sources is not None:
            keys = {s.key: s for s in self._sources}
            if set(keys) != set(m["sources"]):
                reasons.append("法规版本的清单已变化")
        elif m.get("mode") != "sources":    # a catalog of explicit sources: only they count
            if m.get("meta_files") != self.meta_files():
                reasons.append("元数据（meta.yml 或 mkdocs.yml）已变化")
        for key, info in m["sources"].items():
            st = fingerprints.stat(info["path"])
            if st is None:
                reasons.append(f"{key}：源文件不存在了")
            elif st != info["stat"] and fingerprints.sha1_file(info["path"]) != info["sha1"]:
                reasons.append(f"{key}：源文件已修改")
        return reasons

    # ---- building
    def build(self, progress: Progress | None = None, full: bool = False) -> dict:
        from kb.catalog.building import update

        summary = update(self, progress, full)
        self._manifest = None
        return summary

    # ---- the engine's part: ``<package>.build.fill`` and ``<package>.search`` (imported on first use)
    def fill(self, tmp: Path, base: Path | None, changes, summary: dict, progress: Progress | None,
             used_layers: set) -> int:
        """Write the index into the new folder ``tmp`` (starting from the live one, ``base``,
        when updating it): the entries of ``changes.todo`` added (their layers added to
        ``used_layers``), those of changed and removed versions deleted.  Returns how many
        entries the index holds."""
        return importlib.import_module(f"{self.package}.build").fill(self, tmp, base, changes, summary, progress,
                                                                     used_layers)

    def searching(self):
        """The engine's search module: ``open_index(directory)`` (the index opened for searching,
        kept between searches: what :mod:`kb.catalog.searching` asks of an index) and ``Q_CONSTRUCTORS`` (its
        query constructors, :mod:`kb.catalog.compose`)."""
        return importlib.import_module(f"{self.package}.search")

    # ---- searching
    def _open(self):
        """The live directory opened for searching (reopened when a build replaced it)."""
        d = self.current_dir()
        if d is None:
            raise KbError("还没有检索目录：请先运行 kb index", str(self.path))
        if self._index is None or self._index.dir != d:
            self.close()
            check_private(self.private_paths())
            self._index = self.searching().open_index(d)
        return self._index

    def actor_aliases(self) -> dict[str, str]:
        return (self.manifest() or {}).get("actors") or {}

    def _usable_index(self):
        if self.current_dir() is not None and not self.usable():
            if (self.manifest() or {}).get("engine", "whoosh") != self.engine:
                raise KbError("检索目录是用另一个检索引擎建立的：请运行 kb index 重建", str(self.path))
            raise KbError("检索目录是旧版本的格式：请运行 kb index 重建", str(self.path))
        return self._open()

    def search(self, query, type=None, regulation=None, version=None, chapter=None, actor=None,
               modality=None, limit=10, group_by_article=True, literal=False, cites=None) -> list[Hit]:
        index = self._usable_index()
        pq = query if isinstance(query, ParsedQuery) else self.prepare(query, literal)
        f = combine_filters(pq, {"type": type, "regulation": regulation, "version": version,
                                 "chapter": chapter, "actor": actor, "modality": modality, "cites": cites})
        m = self.manifest() or {}
        if f.get("modality") and "obligations" not in m.get("used_layers", []):
            raise KbError("检索目录里还没有义务分析（kb.obligations 不可用或尚未重建目录），"
                          "无法按 modality 过滤；请在其可用后运行 kb index")
        return searching.search(self.searching().Q_CONSTRUCTORS, index, pq, f, m, limit, group_by_article,
                                self.rank_whole_catalog)

    def titles(self) -> dict[str, str]:
        out = {}
        for key, info in ((self.manifest() or {}).get("sources") or {}).items():
            if info.get("title"):
                out[key.split("@")[0]] = info["title"]
        return out

    def provisions(self, address, regulation=None, version=None, limit=None) -> list[Hit]:
        f = combine_filters(ParsedQuery(None, {}, ""), {"regulation": regulation, "version": version})
        return searching.provisions(self._usable_index(), self.manifest() or {}, address, f, limit)

    def unknown_filter(self, regulation=None, version=None, chapter=None, actor=None) -> str | None:
        return searching.unknown_filter(self._open(), self.manifest() or {}, regulation, version, chapter, actor)

    def articles(self) -> Iterator[tuple[str, str, dict]]:
        return self._open().articles()

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        self._index = None
