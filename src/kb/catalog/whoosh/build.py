"""Writing the whoosh catalog: what :func:`kb.catalog.building.write_index` asks of the engine
(:func:`fill`).  An update starts from hard links to the live index's segments (whoosh never
rewrites a segment file: it writes new ones), deletes the entries of the versions that changed
or went and adds theirs; a large build writes on both cores (whoosh's multi-process writer).

Imported only when a build runs (it imports whoosh, the parser and the layers).
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from kb.catalog.building import Changes, version_entries
from kb.catalog.interface import Progress
from kb.catalog.whoosh import internals
from kb.catalog.whoosh.schema import schema

internals.import_whoosh()

from whoosh import index as wix  # noqa: E402  (after import_whoosh: see kb.catalog.whoosh.internals)


#: versions to index from which the writing is spread over the cores (below, starting the
#: sub-processes costs more than it saves)
PARALLEL_FROM = 40
#: memory (MB) for each writer's buffer of postings before it spills a sorted run to disk
#: (whoosh's estimate: the process holds about three times as much)
WRITER_MB = 96


def writer_procs(todo: int) -> int:
    """Processes to write ``todo`` versions with: both cores for a large build
    (``KB_INDEX_PROCS`` sets the number)."""
    env = os.environ.get("KB_INDEX_PROCS", "")
    if env.isdigit() and int(env) >= 1:
        return int(env)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(2, cores) if todo >= PARALLEL_FROM else 1


def fill(cat, tmp: Path, base: Path | None, ch: Changes, summary: dict, progress: Progress | None,
         used_layers: set) -> int:
    """Write the index in ``tmp`` (over hard links to ``base``'s segments when updating it):
    the entries of ``ch.todo`` added, those of changed and removed versions deleted.  Returns
    the number of entries it holds."""
    ix = _open_copy(base, tmp) if base is not None else wix.create_in(str(tmp), schema())
    writer = internals.writer(ix, procs=writer_procs(len(ch.todo)), limitmb=WRITER_MB)
    try:
        for key in (ch.removed + [s.key for s in ch.todo]) if base is not None else []:
            writer.delete_by_term("source", key)
        for i, s in enumerate(ch.todo, 1):
            entries, used = version_entries(cat.root, s, ch.sources[s.key], summary)
            used_layers.update(used)
            t = time.process_time()
            for e in entries:
                writer.add_document(**e)
            summary["steps"]["index"] += time.process_time() - t
            if progress:
                progress(i, len(ch.todo), s.key)
        t = time.process_time()
        writer.commit()
        if "steps" in summary:
            summary["steps"]["index"] += time.process_time() - t
    except BaseException:
        internals.abandon(writer)
        raise
    n = ix.doc_count()
    ix.close()
    return n


def _open_copy(base: Path, tmp: Path):
    """The index of ``base`` in ``tmp``, its files hard-linked (copied where links fail)."""
    for f in base.iterdir():
        if f.name == "manifest.json" or f.name.endswith("LOCK"):
            continue
        try:
            os.link(f, tmp / f.name)
        except OSError:
            shutil.copy2(f, tmp / f.name)
    return wix.open_dir(str(tmp))
