"""Building and updating a catalog (``kb index``), whatever its engine: only the versions whose
source or metadata changed are re-indexed, and the switch to the new index is atomic.

Layout on disk: ``.kb/catalog/CURRENT`` names the live index directory
(``.kb/catalog/ix-<stamp>/``, which also holds ``manifest.json``).  A build writes a new
directory ``tmp-<pid>-<stamp>/`` (the engine starts it from the live one's files when it updates
incrementally: hard links for whoosh's segments, a copy of FTS5's database), renames it
``ix-<stamp>`` and then replaces ``CURRENT``, so a build interrupted at any point leaves the
previous catalog answering; what it left behind is removed by the next build, which also removes
the indexes before the previous one (a search may still be reading that).  A build holds ``lock``
(kb.catalog.guard.BuildLock) from start to end.

The engine writes the entries (:meth:`kb.catalog.directory.DirectoryCatalog.fill`); this module
decides what to write, parses the versions (:func:`version_entries`) and makes the result live.
Imported only when a build runs (it imports the parser and the layers).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from kb.catalog import fingerprints
from kb.catalog.entries import actor_aliases, doc_entries, one_registry
from kb.catalog.guard import DIR_MODE, FILE_MODE, BuildLock, check_private, make_private
from kb.catalog.interface import Progress, SourceSpec
from kb.errors import KbError, os_error
from kb.text.parse import parse_file


@dataclass
class Changes:
    """What a build has to do: the fingerprints of every source now, which versions to
    (re-)index and which are gone."""
    sources: dict                  # key -> {path, stat, sha1, meta[, entries, skipped]}
    todo: list[SourceSpec] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def update(cat, progress: Progress | None = None, full: bool = False) -> dict:
    """Bring ``cat`` (a DirectoryCatalog) up to date; see :meth:`kb.catalog.interface.Catalog.build`.
    One build at a time (kb.catalog.guard.BuildLock); a folder kb cannot write (read-only or full
    disk, no permission) is said as such (UnwritableError)."""
    t0 = time.perf_counter()
    try:
        opened = _mkdirs(cat.path)
    except OSError as e:
        raise os_error(e, e.filename or cat.path, writing=True) from None
    with BuildLock(cat.path):
        try:
            summary = _update(cat, progress, full, opened)
        except OSError as e:
            raise os_error(e, e.filename or cat.path, writing=True) from None
    summary["seconds"] = time.perf_counter() - t0
    return summary


def _mkdirs(path: Path) -> str | None:
    """The catalog's folder and .kb/ above it, writable by their owner alone (kb.catalog.guard).
    A folder that others could write (group- or world-writable: not made by kb, whose folders
    are 0755 whatever the umask) is made private, and what others could have written in it is
    never opened: the reason is returned, and the build is then a full one (:func:`_update`)."""
    reason = None
    for d in (path.parent, path):
        if not d.is_dir():
            d.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
            continue
        st = d.stat()
        if st.st_uid == os.geteuid() and st.st_mode & 0o022:
            who = "所有用户" if st.st_mode & 0o002 else "同组用户"
            reason = reason or f"{d} 曾可被{who}写入（权限 {stat.filemode(st.st_mode)}），已改为只有所有者可写"
            os.chmod(d, st.st_mode & ~0o022)
    return reason


def _update(cat, progress: Progress | None, full: bool, untrusted: str | None = None) -> dict:
    old_dir = cat.current_dir()
    if old_dir is not None and not full and untrusted:
        print(f"注意：{untrusted}；其中的检索目录不打开，重新建立整个检索目录", file=sys.stderr)
        full = True
    if old_dir is not None and not full:
        try:
            check_private(cat.private_paths())
        except KbError as e:            # never opened: the whole catalog is built again
            print(f"注意：{e}；重新建立整个检索目录", file=sys.stderr)
            full = True
    cleanup(cat.path, old_dir)
    specs = cat.sources()
    layers = fingerprints.layer_signature()
    old = cat.manifest()
    incremental = (not full and old is not None and old.get("schema") == cat.schema_version
                   and old.get("layers") == layers)
    ch = changes(specs, old, incremental)
    known = (old or {}).get("sources", {})
    summary = {"added": [s.key for s in ch.todo if s.key not in known],
               "updated": [s.key for s in ch.todo if s.key in known],
               "removed": ch.removed, "unchanged": len(ch.unchanged), "skipped": [],
               "layers": [], "full": not incremental}
    manifest = {"schema": cat.schema_version, "engine": cat.engine, "mode": cat.mode(),
                "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
                "layers": layers, "layers_stat": fingerprints.layer_stats(), "meta_files": cat.meta_files(),
                "sources": ch.sources, "used_layers": (old or {}).get("used_layers", []) if incremental else [],
                "actors": (old or {}).get("actors", {}) if incremental else {}}
    if incremental and not ch.todo and not ch.removed:
        # nothing to re-index: refresh the stamps (cheap staleness checks) atomically
        manifest["entries"] = old.get("entries", 0)
        write_json(old_dir / "manifest.json", manifest)
    else:
        # the index it replaces stays until the next build: a search that opened it goes on
        write_index(cat, ch, manifest, summary, old_dir if incremental else None, progress)
    summary.update(entries=manifest["entries"], layers=manifest["used_layers"])
    return summary


def changes(specs: list[SourceSpec], old: dict | None, incremental: bool) -> Changes:
    """Fingerprint every source; an incremental build keeps the versions whose source and
    metadata are those of the ``old`` manifest."""
    ch = Changes(sources={})
    for s in specs:
        sha = fingerprints.sha1_file(s.path) if os.path.exists(s.path) else None
        if sha is None:
            raise KbError("源文件不存在", s.path)
        metahash = hashlib.sha1(json.dumps([s.meta, s.latest], sort_keys=True, ensure_ascii=False,
                                           default=str).encode()).hexdigest()
        info = {"path": str(Path(s.path).resolve()), "stat": fingerprints.stat(s.path), "sha1": sha,
                "meta": metahash, "title": (s.meta or {}).get("title") or ""}
        ch.sources[s.key] = info
        prev = old["sources"].get(s.key) if incremental else None
        if prev and prev["sha1"] == sha and prev.get("meta") == metahash:
            ch.unchanged.append(s.key)
            info["entries"] = prev.get("entries", 0)
            info["skipped"] = prev.get("skipped")
        else:
            ch.todo.append(s)
    ch.removed = [k for k in (old or {}).get("sources", {}) if k not in ch.sources]
    return ch


def write_index(cat, ch: Changes, manifest: dict, summary: dict, base: Path | None,
                progress: Progress | None) -> Path:
    """Have the engine write the new index into a new folder (starting from ``base``'s when
    updating it), then make it the live one.  Returns its directory."""
    tmp = cat.path / f"tmp-{os.getpid()}-{time.time_ns()}"
    try:
        tmp.mkdir(mode=DIR_MODE)
        used_layers = set(manifest["used_layers"])
        with one_registry(cat.root):
            manifest["entries"] = cat.fill(tmp, base, ch, summary, progress, used_layers)
        manifest["used_layers"] = sorted(used_layers)
        manifest["actors"] = actor_aliases(cat.root) or manifest["actors"]
        expected = sum(info.get("entries", 0) for info in ch.sources.values())
        if manifest["entries"] != expected:      # e.g. a sub-process of whoosh's writer lost its segment
            raise KbError(f"检索目录写入不完整：应有 {expected} 个条目，写入了 {manifest['entries']} 个；"
                          "原来的检索目录未受影响，请重新运行 kb index", str(cat.path))
        write_json(tmp / "manifest.json", manifest)
        make_private(tmp)
        final = cat.path / f"ix-{time.time_ns()}"
        os.rename(tmp, final)
        write_text(cat.path / "CURRENT", final.name + "\n")   # the atomic switch
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final


def version_entries(root, s: SourceSpec, info: dict, summary: dict) -> tuple[list[dict], list[str]]:
    """Parse one version: its catalog entries (``data`` as JSON text) and the layers they were
    built with; a text kb cannot parse gives none (noted in the summary).  The CPU time of the
    parse and of the entries is added to ``summary["steps"]`` (the engine adds its own, "index")."""
    steps = summary.setdefault("steps", dict.fromkeys(("parse", "entries", "index"), 0.0))
    t = time.process_time()
    try:
        doc = parse_file(s.path, meta=s.meta)
    except KbError as e:
        summary["skipped"].append(f"{s.key}: {e.message}")
        info["entries"] = 0
        info["skipped"] = e.message
        return [], []
    t2 = time.process_time()
    entries, used = doc_entries(doc, s, root)
    for e in entries:
        e["data"] = data_json(e["data"])
    steps["parse"] += t2 - t
    steps["entries"] += time.process_time() - t2
    info["entries"] = len(entries)
    return entries, used


def data_json(data: dict) -> str:
    """An entry's stored data as JSON (read back with json.loads, kb.catalog.hits): written by orjson
    (C; the json module's encoder took a tenth of a cached kb index) when the data holds only what
    both write as the same values -- dicts with string keys, lists, strings, integers, booleans, None,
    floats (entries hold no NaN or infinity: kb.catalog.entries) -- else by json.dumps with
    ``default=str`` (a date, a dataclass or any other type, a lone surrogate, an integer past 64 bits)."""
    try:
        import orjson
    except ImportError:
        return json.dumps(data, ensure_ascii=False, default=str)
    try:
        return orjson.dumps(data, default=_not_plain, option=orjson.OPT_PASSTHROUGH_DATACLASS
                            | orjson.OPT_PASSTHROUGH_DATETIME).decode("utf-8")
    except (TypeError, orjson.JSONEncodeError):
        return json.dumps(data, ensure_ascii=False, default=str)


def _not_plain(value):
    raise TypeError(type(value).__name__)


def versions_entries(root, todo: list[SourceSpec], sources: dict, summary: dict, prepare=None):
    """(version, entries, layers used) of each version of todo, in its order: :func:`version_entries` of
    each, the versions parsed and their layers computed on every core (kb.pool), their fingerprints'
    ``entries``/``skipped`` and the summary's ``skipped`` and CPU ``steps`` as with one process.
    ``prepare`` (a module-level function, or None): the engine's own work on a version's entries that
    needs nothing but them (FTS5: their tokens), done where they are made -- on every core -- instead
    of in the writing process; the entries are then what it returns, its CPU time counted as "index"."""
    from kb import pool

    if pool.jobs(len(todo)) <= 1:
        for s in todo:
            entries, used = _prepared(version_entries(root, s, sources[s.key], summary), prepare, summary)
            yield s, entries, used
        return
    steps = summary.setdefault("steps", dict.fromkeys(("parse", "entries", "index"), 0.0))
    jobs = [(root, s, prepare) for s in todo]
    for s, (entries, used, info, part) in zip(todo, pool.ordered_map(_version_job, jobs,
                                                                     name=lambda job: job[1].key)):
        sources[s.key].update(info)
        summary["skipped"] += part["skipped"]
        for k, v in part["steps"].items():
            steps[k] += v
        yield s, entries, used


def _version_job(job: tuple) -> tuple:
    """version_entries of one version in a worker process: what it found and what it noted."""
    root, s, prepare = job
    info: dict = {}
    part: dict = {"skipped": []}
    entries, used = _prepared(version_entries(root, s, info, part), prepare, part)
    return entries, used, info, part


def _prepared(made: tuple, prepare, summary: dict) -> tuple:
    """(entries, layers used) of :func:`version_entries`, the entries handed to ``prepare`` if any."""
    entries, used = made
    if prepare is None:
        return entries, used
    t = time.process_time()
    entries = prepare(entries)
    summary["steps"]["index"] += time.process_time() - t
    return entries, used


def cleanup(path: Path, current: Path | None) -> None:
    """Remove what interrupted builds left (``tmp-*`` folders, ``*.tmp`` files such as
    ``CURRENT.<pid>.tmp``) and the indexes superseded before the previous one.  Called with the
    build lock held, so no other build is writing; the index CURRENT names and the one before it
    (a search may still be reading it) are kept."""
    indexes = sorted((d for d in path.iterdir() if d.is_dir() and d.name.startswith("ix-")),
                     key=lambda d: _stamp(d.name))
    keep = {current} | ({max((d for d in indexes if d != current), key=lambda d: _stamp(d.name))}
                        if any(d != current for d in indexes) else set())
    for d in path.iterdir():
        if d.is_dir() and (d.name.startswith("tmp-") or (d.name.startswith("ix-") and d not in keep)):
            shutil.rmtree(d, ignore_errors=True)
        elif d.is_file() and d.name.endswith(".tmp"):
            _unlink(d)
    for d in keep - {None}:
        for f in d.glob("*.tmp"):
            _unlink(f)


def _stamp(name: str) -> int:
    tail = name.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _unlink(f: Path) -> None:
    try:
        f.unlink()
    except OSError:
        pass


def write_text(path: Path, text: str) -> None:
    """Replace a file atomically (written beside it, synced, then renamed over it)."""
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with open(fd, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def write_json(path: Path, data) -> None:
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1))
