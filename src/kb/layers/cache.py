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
another version of Python) is a miss, recomputed and rewritten.

Entries are not pickles: unpickling runs whatever the file names, so a ``.kb/layers`` planted in a
folder someone sent would run its code on ``kb parse`` of a text in it.  An entry is JSON of plain
values (:func:`encode`): strings, numbers, lists, and tagged tuples, dicts, sets and the layers'
own record classes, named in :data:`RECORDS` (an explicit list; nothing else is ever built, and
building one only fills its fields).  A cache folder that others may write (or that belongs to
another user) is not read or written at all: the layers are computed in memory (as for
``.kb/catalog``, :func:`kb.catalog.guard.check_private`).
"""
from __future__ import annotations

import hashlib
import itertools
import json
import os
import stat
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kb import CODE_SUFFIXES
from kb.text.gcpause import gc_paused

T = TypeVar("T")

#: kb's package: every module and data file in it counts towards the code version
PACKAGE = Path(__file__).resolve().parents[1]
#: entries kept in memory (a whole corpus' layers are not: the disk holds those)
MEMORY_ENTRIES = 64
#: an entry's file name
SUFFIX = ".json"

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
            if p.suffix in CODE_SUFFIXES and p.is_file():
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
    key, folder, path = _where(doc, name, parts)
    if key in _memory:
        _memory.move_to_end(key)
        stats["hits"] += 1
        return _memory[key]  # type: ignore[return-value]
    value = _read(path) if path is not None else _MISS
    if value is _MISS:
        stats["misses"] += 1
        with gc_paused():               # a layer is a burst of long-lived records (kb.text.gcpause),
            t = time.process_time()     # its entry a burst of short-lived ones
            value = compute()
            stats["seconds"][name] = stats["seconds"].get(name, 0.0) + time.process_time() - t
            if path is not None:
                _prune(folder)
                _write(path, value)
    else:
        stats["disk_hits"] += 1
    _remember(key, value)
    return value  # type: ignore[return-value]


def _where(doc, name: str, parts: tuple) -> tuple[str, Path | None, Path | None]:
    """The key of the layer name of doc (with parts), the cache folder and the entry's file (None: memory only)."""
    key = hashlib.sha1("\0".join((name, code_version(), doc_key(doc), *parts)).encode()).hexdigest()
    folder = _private(cache_dir(doc))
    path = folder / code_version() / name / key[:2] / f"{key}{SUFFIX}" if folder is not None else None
    return key, folder, path


def kept(doc, name: str, *parts: str) -> bool:
    """Is the layer name of doc (with parts) on disk already (computed by an earlier run, not read here)?"""
    path = _where(doc, name, parts)[2]
    return path is not None and path.is_file()


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


def on_disk(root) -> bool:
    """Are the layers of the project at ``root`` kept on disk (so that what one process computes,
    another reads back: kb.pool's workers)?"""
    return code_folder(root) is not None


def code_folder(root) -> Path | None:
    """The folder where this version of kb's code keeps what it computed for the project at ``root``
    (``<project_folder>/<code_version>``: a change of kb's code leaves it behind), None where the cache is
    off or not private (:func:`_private`: what someone else could write is not read)."""
    folder = _private(project_folder(root))
    return None if folder is None else folder / code_version()


def read_state(root, name: str):
    """What the last run kept as ``name`` for the whole project at ``root`` (results over every
    text at once, such as the site's related provisions: :func:`write_state`), None when nothing,
    a damaged entry, or another version of kb's code kept it."""
    folder = code_folder(root)
    value = _read(folder / f"{name}{SUFFIX}") if folder is not None else _MISS
    return None if value is _MISS else value


def write_state(root, name: str, value) -> None:
    """Keep ``value`` (plain data) as ``name`` for the project at ``root``, atomically, under the
    folder of this version of kb's code (a change of kb's code forgets it)."""
    folder = _private(project_folder(root))
    if folder is not None:
        _prune(folder)
        _write(folder / code_version() / f"{name}{SUFFIX}", value)


def clear_memory() -> None:
    """Forget what this process keeps (tests, benchmarks measuring a cold start)."""
    _memory.clear()
    _trusted.clear()


_MISS = object()
_trusted: dict[Path, bool] = {}


def _private(folder: Path | None) -> Path | None:
    """``folder`` when only its owner (the user running kb, or root) can write it, the folder above
    it (``.kb``) and this code version's folder in it; else None: the cache is neither read nor
    written, the layers are computed in memory (what someone else could write is not read).  A
    sticky folder such as /tmp above a ``KB_LAYER_CACHE`` of one's own counts as private."""
    if folder is None:
        return None
    ok = _trusted.get(folder)
    if ok is None:
        ok, me = True, os.geteuid()
        for d in (folder.parent, folder, folder / code_version()):
            try:
                st = os.stat(d)
            except OSError:
                continue
            sticky = d == folder.parent and st.st_mode & stat.S_ISVTX
            if st.st_uid not in (me, 0) or (st.st_mode & 0o022 and not sticky):
                ok = False
                break
        _trusted[folder] = ok
    return folder if ok else None


def _mkdirs(path: Path) -> None:
    """``path`` and the folders above it that are missing, writable by their owner alone
    (Path.mkdir(parents=True) gives the parents the umask's mode)."""
    missing = []
    while not path.is_dir():
        missing.append(path)
        path = path.parent
    for d in reversed(missing):
        try:
            d.mkdir(mode=0o755)
        except FileExistsError:
            pass


#: the record classes an entry may hold, by name: the layers' dataclasses that say so with
#: :func:`record` (the module that makes a layer's records defines them, so they are known before
#: its entries are read); nothing else is ever built
_RECORDS: dict[str, type] = {}
#: their names (the list is explicit: an entry naming any other class is a miss)
RECORDS = ("Definition", "TermUse", "Reference", "Statement", "Relation", "Mention", "Group", "Draft",
           "Extraction")


def record(cls: type) -> type:
    """Class decorator: ``cls`` (one of :data:`RECORDS`) may be kept in an entry."""
    if cls.__name__ not in RECORDS or _RECORDS.get(cls.__name__, cls) is not cls:
        raise TypeError(f"{cls.__qualname__} is not one of the layer cache's records")
    _RECORDS[cls.__name__] = cls
    return cls


#: the values an entry holds as they are (a float is one too, when finite: :func:`encode`)
_PLAIN = frozenset((str, int, bool, type(None)))


def encode(value):
    """``value`` as JSON-able data that :func:`decode` turns back into an equal value: a list is a
    list; every JSON object is a tag — {"t": tuple}, {"d": [k, v, …]} (a dict), {"s": set},
    {"f": frozenset}, {"c": record class name, "v": [field, value, …]} — so no key of the data
    is ever read as a tag.  Anything else raises TypeError (the entry is then not kept), and so does
    a NaN or an infinity (JSON has none).  (A plain value inside a container is taken as it is
    without a call: a layer holds hundreds of thousands.)"""
    t = type(value)
    if t in _PLAIN:
        return value
    if t is list:
        return [v if type(v) in _PLAIN else encode(v) for v in value]
    if t is float:
        if value - value == 0.0:            # finite (inf - inf and NaN - NaN are NaN)
            return value
        raise TypeError("a NaN or an infinity")
    if t is tuple:
        return {"t": [v if type(v) in _PLAIN else encode(v) for v in value]}
    if t is dict:
        return {"d": _pairs(value)}
    if t is set or t is frozenset:
        return {"s" if t is set else "f": [v if type(v) in _PLAIN else encode(v) for v in value]}
    name = t.__name__
    if _RECORDS.get(name) is t:
        fields = value.__dict__
        out = [None] * (2 * len(fields))
        out[::2] = fields                   # the names: strings
        out[1::2] = [v if type(v) in _PLAIN else encode(v) for v in fields.values()]
        return {"c": name, "v": out}
    raise TypeError(f"{t.__module__}.{t.__qualname__} is not a layer record")


def _pairs(d: dict) -> list:
    """[k, v, …] of a dict, each encoded."""
    out = [None] * (2 * len(d))
    out[::2] = [k if type(k) in _PLAIN else encode(k) for k in d]
    out[1::2] = [v if type(v) in _PLAIN else encode(v) for v in d.values()]
    return out


def dumps(value) -> bytes:
    """The entry of ``value`` (:func:`encode`) as UTF-8 JSON: orjson writes it (C, four times faster
    than json; the same bytes, measured on every entry of the corpus' layers) unless it refuses it (an
    integer past 64 bits, a lone surrogate), for json to write as before."""
    data = encode(value)
    try:
        import orjson

        return orjson.dumps(data)
    except (ImportError, TypeError, ValueError):
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _hook(obj: dict):
    if len(obj) == 1:
        (tag, items), = obj.items()
        if type(items) is list:
            if tag == "t":
                return tuple(items)
            if tag == "d" and len(items) % 2 == 0:
                return dict(zip(items[::2], items[1::2]))
            if tag == "s":
                return set(items)
            if tag == "f":
                return frozenset(items)
    elif len(obj) == 2:
        cls = _RECORDS.get(obj.get("c"))
        items = obj.get("v")
        if cls is not None and type(items) is list and len(items) % 2 == 0:
            names = items[::2]
            if _field_names(names):
                rec = object.__new__(cls)
                rec.__dict__.update(zip(names, items[1::2]))
                return rec
    raise ValueError("not a layer cache entry")


#: the lists of attribute names found to be field names (strings, none a dunder), as tuples: the
#: records of a class all have the same, so each list is checked once rather than name by name on
#: every record (a third of reading an entry)
_NAMES_OK: set = set()


def _field_names(names: list) -> bool:
    """Are these the names of a record's fields: strings, none of them a dunder?"""
    try:
        key = tuple(names)
        if key in _NAMES_OK:
            return True
    except TypeError:           # an unhashable name (a list, a set): no field's
        return False
    if all(type(n) is str and not n.startswith("__") for n in names):
        if len(_NAMES_OK) > 1000:
            _NAMES_OK.clear()
        _NAMES_OK.add(key)
        return True
    return False


def decode(data: str):
    """The value :func:`encode` wrote; ValueError (or TypeError) for anything else."""
    return json.loads(data, object_hook=_hook)


def _read(path: Path):
    try:
        with open(path, "rb") as f:
            data = f.read()
        with gc_paused():           # an entry read back is a burst of long-lived records too
            return decode(data.decode("utf-8", "surrogatepass"))
    except FileNotFoundError:
        return _MISS
    except Exception:  # noqa: BLE001  (a damaged or foreign entry is a miss, rewritten below)
        return _MISS


def _write(path: Path, value) -> None:
    """Write an entry atomically; a cache that cannot be written (read-only project, full disk)
    only costs the next run the work, so the error is not the user's."""
    try:
        data = dumps(value)
        folder = str(path.parent)
        if folder not in _made:
            _mkdirs(path.parent)
            _made.add(folder)
        try:
            fd, tmp = _temporary(folder, path.stem[:8])
        except FileNotFoundError:          # removed meanwhile (another version's run pruned it)
            _made.discard(folder)
            _mkdirs(path.parent)
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
    except (OSError, TypeError, ValueError, RecursionError):
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
