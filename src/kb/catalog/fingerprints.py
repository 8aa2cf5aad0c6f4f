"""What a catalog was built from, fingerprinted so that a later run can tell cheaply whether
it is stale: the source files, the project's metadata files, and the code and data of the
enrichment layers (a change to how obligations are extracted changes what is indexed, so
it invalidates the catalog as much as an edited source does).

Fingerprints are content hashes; (size, mtime) stats are kept beside them so that a
staleness check only hashes the files whose stat changed.
"""
from __future__ import annotations

import os
from pathlib import Path

#: the enrichment layers' package: every module and data file in it (recursively) counts
LAYERS_DIR = Path(__file__).resolve().parents[1] / "layers"
LAYER_FILES = ("*.py", "*.yml")


def sha1_file(path: str) -> str:
    import hashlib   # not at the top: kb search rarely needs it (start-up time)

    h = hashlib.sha1()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def stat(path) -> list | None:
    """[size, mtime_ns] of a file, None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def layer_files() -> dict[str, Path]:
    """relative path -> file of every module and data file of kb.layers, sorted by path
    (the package is split into subpackages: all of them count)."""
    found = {p.relative_to(LAYERS_DIR).as_posix(): p
             for pattern in LAYER_FILES for p in LAYERS_DIR.rglob(pattern) if p.is_file()}
    return dict(sorted(found.items()))


def layer_signature() -> dict:
    """Content hashes of the layers' code and data (see :func:`layer_files`)."""
    return {name: sha1_file(str(p))[:16] for name, p in layer_files().items()}


def layer_stats() -> dict:
    return {name: stat(p) for name, p in layer_files().items()}


def meta_files(root: Path) -> dict:
    """meta.yml/mkdocs.yml hashes of a project: what decides the list of sources and their
    metadata."""
    out = {}
    base = root / "regulation"
    if base.is_dir():
        for d in sorted(base.iterdir()):
            p = d / "meta.yml"
            if p.is_file():
                out[str(p.relative_to(root))] = sha1_file(str(p))
    p = root / "mkdocs.yml"
    if p.is_file():
        out["mkdocs.yml"] = sha1_file(str(p))
    return out
