"""What a ``kb build`` has to redo: nothing, some regulations' pages, or the whole site.

The inputs of a site are fingerprinted (content hashes) in two parts:

* what every page depends on — kb's code, the Python and the packages installed (mkdocs, its theme,
  jinja2 …: their names and versions), the environment variables that change the output
  (``KB_*`` ones, ``SOURCE_DATE_EPOCH``, those ``mkdocs.yml`` reads with ``!ENV`` such as
  ``KB_SITE_URL``), ``mkdocs.yml``, the templates, the theme overrides and static files, the
  project's ``actors.yml``, and the list of regulations with their ``meta.yml`` (titles, versions
  and labels appear in navigation, cross-links and the home page);
* each regulation's own files (its texts, its ``actors.yml``): what its pages are made of.

After a successful build the fingerprint is kept in ``.kb/site/<site folder hash>.json`` (the build
record), with each input file's size, mtime and hash (a file whose stat has not changed is not read
again; one changed in the last seconds before it was recorded is read again next time), a hash of
the site folder's listing (every file's path, size and mtime) as the build left it, and the search
catalog's as it was refreshed.  The record is removed before a build starts and written atomically
after it succeeded, so an interrupted or failed build is never taken for a finished one.

The next build then compares, first without mkdocs (:func:`up_to_date`: only the standard library,
so an unchanged site answers in a few tens of milliseconds): everything equal, the site folder as
the last build left it and the catalog too, nothing to do.  Otherwise :func:`plan` (after mkdocs has
read its configuration): only some regulations' files changed, those regulations' pages (and the
site's own pages, which list them) are rebuilt — and those whose 相关条文 panels, which quote other
regulations, changed with them (the state keeps a hash of each regulation's panels:
kb.site.related.panel_digests); a file of the site changed, removed or added by hand, or anything
else, the whole site.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

from kb import CODE_SUFFIXES

#: what is found in the folders every page depends on
SHARED_FOLDERS = ("templates", "overrides")
#: kb's code and data, the files kb.CODE_SUFFIXES names (as kb.layers.cache.code_version counts them)
PACKAGE = Path(__file__).resolve().parents[1]
#: kb's environment variables that change no output: processes, lock waits, where caches and the corpus live
QUIET_ENV = frozenset({"KB_JOBS", "KB_INDEX_PROCS", "KB_LOCK_TIMEOUT", "KB_LAYER_CACHE", "KB_SHARED"})
#: read by mkdocs and kb.outputs.docprops: the sitemap's and the downloads' dates
OUTPUT_ENV = ("SOURCE_DATE_EPOCH",)
#: the variables a ``!ENV`` tag of mkdocs.yml names (``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``)
ENV_TAG = re.compile(rb"!ENV\s*(\[[^\]]*\]|\S+)")
#: a file changed this close to the moment it was recorded may change again within the same mtime tick
RACY_NS = 2_000_000_000


def fingerprint(root: Path, site_dir: Path, folders: list = (), before: dict | None = None) -> dict:
    """{"site": hash of what every page depends on, "regulations": {id: hash of its own files}, "files":
    {path: [size, mtime_ns, sha1] or None when missing}, …}; ``folders``: the configuration's templates,
    theme overrides and static files, wherever they are; ``before``: the last build's record, whose
    hashes are taken for the files whose size and mtime are the same."""
    files = _Files((before or {}).get("files"))
    h = hashlib.sha1()
    try:
        config = (root / "mkdocs.yml").read_bytes()
    except OSError:
        config = b""
    h.update(_environment(config).encode())
    for p in _files(PACKAGE, CODE_SUFFIXES):
        files.hash_into(h, p, "kb/" + p.relative_to(PACKAGE).as_posix())
    for f in ("mkdocs.yml", "actors.yml"):
        files.hash_into(h, root / f, f)
    folders = [str(f) for f in folders if f]
    for folder in dict.fromkeys([root / name for name in SHARED_FOLDERS] + [Path(f) for f in folders]):
        for p in _files(folder):
            files.hash_into(h, p, str(p))
    regs: dict[str, str] = {}
    base = root / "regulation"
    for d in sorted(base.iterdir()) if base.is_dir() else ():
        if not (d / "meta.yml").is_file():
            continue
        files.hash_into(h, d / "meta.yml", d.name)
        rh = hashlib.sha1()
        for p in _files(d):
            if p.name != "meta.yml":
                files.hash_into(rh, p, p.relative_to(d).as_posix())
        regs[d.name] = rh.hexdigest()
    return {"site": h.hexdigest(), "regulations": regs, "site_dir": str(Path(site_dir).resolve()),
            "root": str(Path(root).resolve()), "folders": folders, "files": files.seen}


def up_to_date(root: Path, site_dir: str | None, catalog: bool, strict: bool = False) -> dict | None:
    """The figures of the site (as :func:`site_walk` gives them, and ``local_site_url`` as the last build
    found it) when the last build of it is still what ``kb build`` would make: its record is there, no
    input changed, the site folder holds what that build left, (``catalog``) the search catalog is as that
    build refreshed it and (``strict``) that build was strict too — a build with warnings, then ``kb build
    --strict``, must fail as mkdocs fails on them (code review 14 item 2); None otherwise.  Reads neither
    mkdocs.yml's settings nor anything else through mkdocs: the site folder of a build without ``-d`` is the one
    the last such build used (``mkdocs.yml`` and the environment being unchanged, it is the same)."""
    root = Path(root).resolve()
    target = str(Path(site_dir).resolve()) if site_dir else (_read(default_path(root)) or {}).get("site_dir")
    if not isinstance(target, str):
        return None
    before = _record(state_path(root, target))
    if (before is None or before.get("site_dir") != target or before.get("root") != str(root)
            or not isinstance(before.get("outputs"), str)):
        return None
    if catalog and (before.get("catalog") is None or before["catalog"] != catalog_state(root)):
        return None
    if strict and before.get("strict") is not True:
        return None
    now = fingerprint(root, Path(target), before.get("folders") or [], before)
    if now["site"] != before.get("site") or now["regulations"] != before["regulations"]:
        return None
    walk = site_walk(Path(target))
    if walk is None or walk.pop("digest") != before["outputs"]:
        return None
    return {**walk, "site_dir": target, "local_site_url": before.get("local_site_url")}


def unchanged_since(root: Path, site_dir, fp: dict) -> bool:
    """Whether the inputs are still what ``fp`` (taken before mkdocs read them) found: a file saved while the build
    ran may be in the pages, and once saved back the record would vouch for them (code review 14 item 4).  Only the
    files whose size or mtime moved are read again.  A file whose size or mtime moved is a change even when it hashes
    as before: saved and saved back while mkdocs ran, the pages may hold what it said in between (code review 15
    item 1); a file recorded as changed just before ``fp`` (mtime -1) can only be compared by its content."""
    again = fingerprint(root, Path(site_dir), fp.get("folders") or [], fp)
    return again["site"] == fp["site"] and again["regulations"] == fp["regulations"] and \
        all(again["files"].get(k) == v for k, v in fp["files"].items() if v is not None and v[1] != -1)


def plan(before: dict | None, now: dict, site: dict | None) -> str | set[str]:
    """"fresh" (nothing to do), the set of regulations whose pages to rebuild, or "full"; ``before``: the
    last build's record, ``site``: :func:`site_walk` of the site folder now."""
    if before is None or site is None or site["digest"] != before.get("outputs"):
        return "full"
    if before.get("site") != now["site"] or set(before.get("regulations", {})) != set(now["regulations"]):
        return "full"
    changed = {r for r, h in now["regulations"].items() if before["regulations"].get(r) != h}
    return changed or "fresh"


def previous(root: Path, site_dir) -> dict:
    """The fingerprint the last successful build of ``site_dir`` kept ({} when none)."""
    return _record(state_path(root, site_dir)) or {}


def forget(root: Path, site_dir) -> None:
    try:
        os.unlink(state_path(root, site_dir))
    except OSError:
        pass


def remember(root: Path, record: dict, default: bool) -> None:
    """Keep the record of the site just built (written atomically); ``default``: it was built into the
    folder mkdocs.yml names (no ``-d``), which :func:`up_to_date` then finds without reading mkdocs.yml."""
    path = state_path(root, record["site_dir"])
    try:
        _write(path, record)
        if default:
            _write(default_path(root), {"site_dir": record["site_dir"]})
    except OSError:
        pass                # a read-only project only rebuilds in full next time


def state_path(root: Path, site_dir) -> Path:
    key = hashlib.sha1(str(Path(site_dir).resolve()).encode()).hexdigest()[:12]
    return Path(root) / ".kb" / "site" / f"{key}.json"


def default_path(root: Path) -> Path:
    return Path(root) / ".kb" / "site" / "default.json"


def catalog_state(root: Path) -> list | None:
    """The search catalog's live index as it is on disk (its name, and each file's name, size and mtime),
    None when there is none: what the catalog's freshness was found from stays as it was while this does."""
    where = Path(root) / ".kb" / "catalog"
    try:
        name = (where / "CURRENT").read_text(encoding="utf-8").strip()
        if not name:
            return None
        with os.scandir(where / name) as entries:
            found = sorted([e.name, e.stat().st_size, e.stat().st_mtime_ns] for e in entries if e.is_file())
    except OSError:
        return None
    return [name, found] if found else None


def site_walk(site: Path) -> dict | None:
    """The built site's pages, their bytes, all its bytes and its downloads, and a digest of its listing
    (every file's path, size and mtime), in one walk of it (each file's size from its folder's listing,
    os.scandir: no path object per file, which took two thirds of the walk of 12,000 files); None when
    the folder is not there."""
    if not os.path.isdir(site):
        return None
    pages = html_bytes = total = 0
    downloads, listing = [], []
    start = len(str(site)) + 1
    todo = [str(site)]
    try:
        while todo:
            folder = todo.pop()
            kind = os.path.basename(folder)
            with os.scandir(folder) as entries:
                for e in entries:
                    if e.is_dir():
                        if not e.is_symlink():          # as os.walk: a link to a folder is not followed
                            todo.append(e.path)
                        continue
                    st = e.stat()
                    size = st.st_size
                    listing.append(f"{e.path[start:]}\0{size}\0{st.st_mtime_ns}")
                    total += size
                    if e.name.endswith(".html") and kind != "related":     # not the 相关条文 rows
                        pages += 1
                        html_bytes += size
                    elif kind == "downloads" and e.name != "index.html":
                        downloads.append(e.path[start:])
    except OSError:
        return None
    listing.sort()
    digest = hashlib.sha1("\n".join(listing).encode("utf-8", "surrogateescape")).hexdigest()
    return {"pages": pages, "html_bytes": html_bytes, "bytes": total, "downloads": sorted(downloads),
            "digest": digest}


class _Files:
    """Content hashes of input files, taken from the last record for a file whose size and mtime it
    holds; ``seen``: what the next record keeps of each."""

    def __init__(self, known):
        self.known = known if isinstance(known, dict) else {}
        self.seen: dict[str, list | None] = {}
        self.recent = time.time_ns() - RACY_NS

    def hash_into(self, h, path: Path, name: str) -> None:
        h.update(name.encode("utf-8", "surrogateescape") + b"\0")
        h.update(self.sha1(path).encode() + b"\0")

    def sha1(self, path: Path) -> str:
        key = str(path)
        try:
            st = os.stat(key)
        except OSError:
            self.seen[key] = None
            return "<missing>"
        old = self.known.get(key)
        if (isinstance(old, list) and len(old) == 3 and old[0] == st.st_size and old[1] == st.st_mtime_ns
                and isinstance(old[2], str)):
            digest = old[2]
        else:
            try:
                digest = _sha1_file(key)
            except OSError:
                self.seen[key] = None
                return "<unreadable>"
        # a file changed just now may change again without its mtime moving: read it again next time
        self.seen[key] = [st.st_size, st.st_mtime_ns if st.st_mtime_ns < self.recent else -1, digest]
        return digest


def _sha1_file(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha1").hexdigest()


def _environment(config: bytes) -> str:
    """What besides the files decides the output: the Python, the packages installed (their names and
    versions, from the names of their metadata folders: no import), and the environment variables
    that change the output."""
    names = {n for n in os.environ if n.startswith("KB_") and n not in QUIET_ENV} | set(OUTPUT_ENV)
    for tag in ENV_TAG.findall(config):
        names.update(n.decode() for n in re.findall(rb"[A-Za-z_][A-Za-z0-9_]*", tag))
    installed = set()
    for d in sys.path:
        try:
            installed.update(n for n in os.listdir(d or ".") if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            pass
    return json.dumps([sys.version, {n: os.environ.get(n) for n in sorted(names)}, sorted(installed)],
                      ensure_ascii=False)


def _record(path: Path) -> dict | None:
    data = _read(path)
    return data if data is not None and isinstance(data.get("regulations"), dict) else None


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _files(folder: Path, suffixes: tuple = ()) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                  and (not suffixes or p.suffix in suffixes))
