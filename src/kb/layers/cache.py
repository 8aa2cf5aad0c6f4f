"""The layer cache: each enrichment layer of a text computed once, then read back.

The catalog, the site, the exports and the CLI all ask the layers (definitions, references,
obligations, relations) of the same texts; ``kb build`` used to extract every version's
obligations twice (once for the catalog, once for the site) and every command recomputed what
the previous one had just found.  :func:`layer` is the one place they all go through:

    value = layer(doc, "obligations", compute, registry.fingerprint())

The key is the text itself (its decoded content, its metadata and its path), the layer's name,
whatever else the result depends on (``parts``: the actor registry, the law index …) and the
version of kb's code (a hash of every module and data file of the package, so any change to kb
invalidates every entry).  A value is kept

* in memory, for the life of the process (a small LRU: two parses of one file in one command
  share it), and
* on disk under ``<project>/.kb/layers/<code version>/`` (the project of the text's file, else of the current
  directory; ``KB_LAYER_CACHE`` names another folder, ``KB_LAYER_CACHE=off`` turns the disk
  off), so a second command on an unchanged text skips the work.  The first entry a process
  writes removes the folders of other code versions.

Safe under concurrent runs: an entry is written to a temporary file beside it and renamed over
it, so a reader sees either no entry or a whole one, never a part; two runs computing the same
entry write the same bytes.  An entry that cannot be read (truncated by a full disk, written by
another version of Python) is a miss, recomputed and rewritten.  Entries are pickles read with
an unpickler that only builds kb's own layer records and plain Python values, so a file planted
in ``.kb/`` cannot run code.
"""
from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import pickle
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kb.text.gcpause import gc_paused

T = TypeVar("T")

#: kb's package: every module and data file in it counts towards the code version
PACKAGE = Path(__file__).resolve().parents[1]
#: entries kept in memory (a whole corpus' layers are not: the disk holds those)
MEMORY_ENTRIES = 64
#: modules whose classes an entry may contain (the layers' records), besides builtins
SAFE_MODULES = ("kb.layers.",)
SAFE_BUILTINS = {"set", "frozenset", "tuple", "list", "dict", "str", "int", "float", "bool", "complex",
                 "bytes", "bytearray", "slice", "range"}

_memory: OrderedDict[str, object] = OrderedDict()
_doc_keys: "weakref.WeakKeyDictionary[object, str]" = weakref.WeakKeyDictionary()
_code: list[str] = []
#: what this process found, and the CPU seconds spent computing each layer (benchmarks)
stats: dict = {"hits": 0, "disk_hits": 0, "misses": 0, "seconds": {}}


def code_version() -> str:
    """A hash of kb's code and data (computed once per process)."""
    if not _code:
        h = hashlib.sha1()
        for p in sorted(PACKAGE.rglob("*")):
            if p.suffix in (".py", ".yml", ".yaml", ".json") and p.is_file():
                h.update(p.relative_to(PACKAGE).as_posix().encode())
                h.update(p.read_bytes())
        _code.append(h.hexdigest()[:16])
    return _code[0]


def doc_key(doc) -> str:
    """What a layer of ``doc`` is computed from: its text, metadata, format and path."""
    try:
        return _doc_keys[doc]
    except (KeyError, TypeError):
        pass
    h = hashlib.sha1()
    head = json.dumps([doc.source, doc.format, doc.encoding, doc.meta], sort_keys=True, ensure_ascii=False,
                      default=str)
    h.update(head.encode("utf-8"))
    h.update(b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    key = h.hexdigest()
    try:
        _doc_keys[doc] = key
    except TypeError:
        pass
    return key


def layer(doc, name: str, compute: Callable[[], T], *parts: str) -> T:
    """The layer ``name`` of ``doc``: read back when it was computed for the same text, code
    and ``parts``; else ``compute()``d and kept.  Callers that hand out what they get must
    copy it (the same object is returned to every caller of this process)."""
    key = hashlib.sha1("\0".join((name, code_version(), doc_key(doc), *parts)).encode()).hexdigest()
    if key in _memory:
        _memory.move_to_end(key)
        stats["hits"] += 1
        return _memory[key]  # type: ignore[return-value]
    folder = cache_dir(doc)
    path = folder / code_version() / name / key[:2] / f"{key}.pickle" if folder is not None else None
    value = _read(path) if path is not None else _MISS
    if value is _MISS:
        stats["misses"] += 1
        t = time.process_time()
        with gc_paused():               # a layer is a burst of long-lived records (kb.text.gcpause)
            value = compute()
        stats["seconds"][name] = stats["seconds"].get(name, 0.0) + time.process_time() - t
        if path is not None:
            _prune(folder)
            _write(path, value)
    else:
        stats["disk_hits"] += 1
    _remember(key, value)
    return value  # type: ignore[return-value]


def fingerprint(value) -> str:
    """A stable hash of plain data (a registry's or an index's content) for ``parts``."""
    return hashlib.sha1(json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr).encode()).hexdigest()


def cache_dir(doc=None) -> Path | None:
    """Where entries go: ``KB_LAYER_CACHE``, else ``.kb/layers`` of the project the text's file
    is in, else of the current directory's project; None (memory only) outside any project."""
    if os.environ.get("KB_LAYER_CACHE"):
        return project_folder(None)
    from kb.errors import KbError
    from kb.project import find_root     # lazy: a layer reaches the project only to find its root

    starts = []
    source = getattr(doc, "source", None)
    if source and not str(source).startswith("<"):
        starts.append(Path(source).resolve().parent)
    starts.append(None)
    for s in starts:
        try:
            return find_root(s) / ".kb" / "layers"
        except (KbError, OSError):
            continue
    return None


def project_folder(root) -> Path | None:
    """Where a project's entries go (``KB_LAYER_CACHE`` as for :func:`cache_dir`), None when off."""
    env = os.environ.get("KB_LAYER_CACHE")
    if env:
        return None if env.lower() in ("off", "0", "no", "none") else Path(env)
    return Path(root) / ".kb" / "layers"


def read_state(root, name: str):
    """What the last run kept as ``name`` for the whole project at ``root`` (results over every
    text at once, such as the site's related provisions: :func:`write_state`), None when nothing,
    a damaged entry, or another version of kb's code kept it."""
    folder = project_folder(root)
    value = _read(folder / code_version() / f"{name}.pickle") if folder is not None else _MISS
    return None if value is _MISS else value


def write_state(root, name: str, value) -> None:
    """Keep ``value`` (plain data) as ``name`` for the project at ``root``, atomically, under the
    folder of this version of kb's code (a change of kb's code forgets it)."""
    folder = project_folder(root)
    if folder is not None:
        _prune(folder)
        _write(folder / code_version() / f"{name}.pickle", value)


def clear_memory() -> None:
    """Forget what this process keeps (tests, benchmarks measuring a cold start)."""
    _memory.clear()


_MISS = object()


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module == "builtins" and name in SAFE_BUILTINS) or module.startswith(SAFE_MODULES):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a layer record")


def _read(path: Path):
    try:
        with open(path, "rb") as f:
            data = f.read()
        return _Unpickler(io.BytesIO(data)).load()
    except FileNotFoundError:
        return _MISS
    except Exception:  # noqa: BLE001  (a damaged or foreign entry is a miss, rewritten below)
        return _MISS


def _write(path: Path, value) -> None:
    """Write an entry atomically; a cache that cannot be written (read-only project, full disk)
    only costs the next run the work, so the error is not the user's."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        folder = str(path.parent)
        if folder not in _made:
            path.parent.mkdir(parents=True, exist_ok=True)
            _made.add(folder)
        try:
            fd, tmp = _temporary(folder, path.stem[:8])
        except FileNotFoundError:          # removed meanwhile (another version's run pruned it)
            _made.discard(folder)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = _temporary(folder, path.stem[:8])
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass


#: the folders this process made or found (an entry's folder is not asked for again); the names
#: of its temporary files: its id and a count (tempfile.mkstemp drew random names, a cost per entry)
_made: set[str] = set()
_temp_count = itertools.count()


def _temporary(folder: str, stem: str) -> tuple[int, str]:
    """A new file of this process beside the entry, opened for writing (O_EXCL: never another's)."""
    while True:
        tmp = os.path.join(folder, f".{stem}-{os.getpid()}-{next(_temp_count)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), tmp
        except FileExistsError:        # left by a process of the same id that was killed: another name
            continue


_pruned: set[tuple] = set()


def _prune(folder: Path) -> None:
    """Remove the entries of other versions of kb's code (never read again), once per process
    and folder; a run of the other version that is reading one meanwhile only misses it."""
    if (folder, code_version()) in _pruned:
        return
    _pruned.add((folder, code_version()))
    import shutil

    try:
        old = [d for d in folder.iterdir() if d.is_dir() and d.name != code_version()]
    except OSError:
        return
    for d in old:
        shutil.rmtree(d, ignore_errors=True)


def _remember(key: str, value) -> None:
    _memory[key] = value
    if len(_memory) > MEMORY_ENTRIES:
        _memory.popitem(last=False)
