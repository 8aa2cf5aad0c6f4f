"""What a ``kb build`` has to redo: nothing, some regulations' pages, or the whole site.

The inputs of a site are fingerprinted (content hashes) in two parts:

* what every page depends on — kb's code, the versions of mkdocs and its theme, ``mkdocs.yml``,
  the templates, the theme overrides and static files, the project's ``actors.yml``, and the
  list of regulations with their ``meta.yml`` (titles, versions and labels appear in navigation,
  cross-links and the home page);
* each regulation's own files (its texts, its ``actors.yml``): what its pages are made of.

After a successful build the fingerprint is kept in ``.kb/site/<site folder hash>.json``; it is
removed before a build starts, so an interrupted build is never taken for a finished one.  The
next build then compares: everything equal and the site still there, nothing to do; only some
regulations' files changed, those regulations' pages (and the site's own pages, which list
them) are rebuilt — and those whose 相关条文 panels, which quote other regulations, changed with them
(the state keeps a hash of each regulation's panels: kb.site.related.panel_digests); anything else,
the whole site.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from kb.layers.cache import code_version

#: what is found in the folders every page depends on
SHARED_FOLDERS = ("templates", "overrides")


def fingerprint(root: Path, site_dir: Path, folders: list[Path] = ()) -> dict:
    """{"site": hash of what every page depends on, "regulations": {id: hash of its own files}};
    ``folders``: the configuration's templates, theme overrides and static files, wherever they are."""
    from importlib import metadata

    h = hashlib.sha1()
    h.update(code_version().encode())
    for dist in ("mkdocs", "mkdocs-material"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            pass
    for f in ("mkdocs.yml", "actors.yml"):
        _hash_file(h, root / f, f)
    for folder in dict.fromkeys([root / name for name in SHARED_FOLDERS] + [Path(f) for f in folders if f]):
        for p in _files(folder):
            _hash_file(h, p, str(p))
    regs: dict[str, str] = {}
    base = root / "regulation"
    for d in sorted(base.iterdir()) if base.is_dir() else ():
        if not (d / "meta.yml").is_file():
            continue
        _hash_file(h, d / "meta.yml", d.name)
        rh = hashlib.sha1()
        for p in _files(d):
            if p.name != "meta.yml":
                _hash_file(rh, p, p.relative_to(d).as_posix())
        regs[d.name] = rh.hexdigest()
    return {"site": h.hexdigest(), "regulations": regs, "site_dir": str(Path(site_dir).resolve())}


def plan(root: Path, now: dict) -> str | set[str]:
    """"fresh" (nothing to do), the set of regulations whose pages to rebuild, or "full"."""
    before = _read(state_path(root, now["site_dir"]))
    site = Path(now["site_dir"])
    if before is None or not (site / "index.html").is_file():
        return "full"
    if before.get("site") != now["site"] or set(before.get("regulations", {})) != set(now["regulations"]):
        return "full"
    changed = {r for r, h in now["regulations"].items() if before["regulations"].get(r) != h}
    return changed or "fresh"


def previous(root: Path, site_dir) -> dict:
    """The fingerprint the last successful build of ``site_dir`` kept ({} when none)."""
    return _read(state_path(root, site_dir)) or {}


def forget(root: Path, site_dir) -> None:
    try:
        os.unlink(state_path(root, site_dir))
    except OSError:
        pass


def remember(root: Path, fp: dict) -> None:
    """Keep the fingerprint of the site just built (written atomically)."""
    path = state_path(root, fp["site_dir"])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(fp, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass                # a read-only project only rebuilds in full next time


def state_path(root: Path, site_dir) -> Path:
    key = hashlib.sha1(str(Path(site_dir).resolve()).encode()).hexdigest()[:12]
    return root / ".kb" / "site" / f"{key}.json"


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("regulations"), dict) else None


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _hash_file(h, path: Path, name: str) -> None:
    h.update(name.encode("utf-8") + b"\0")
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        h.update(b"<missing>")
    h.update(b"\0")
