"""Work per document on every core: an ordered map over worker processes.

``kb export`` of many texts, the catalog's entries of each version (``kb index``, ``kb build``) and the
layers of each version a site shows are computed one document at a time, each on its own: they are
handed to a pool of processes, one per core, and their results come back **in the order of the
input**, so that what is written is the same, byte for byte, as with one process.  The workers are
forked from the command (on Linux): they start with kb already imported and write the layers they
compute into the same layer cache (``kb.layers.cache``: safe under concurrent writers), from which the
command then reads them.

One process is used when told so (``--jobs 1``, ``KB_JOBS=1``), when there are fewer than
:data:`MIN_ITEMS` documents (starting workers costs more than it saves), on a machine with one core,
where processes cannot be forked, or while other threads run (``kb serve``).  An error raised for a document (a KbError naming its file and
line) is raised by the command when that document's turn comes, as with one process.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: fewer documents than this are done in the command's own process
MIN_ITEMS = 4
#: the number of worker processes asked for (``--jobs``); None: ``KB_JOBS``, else one per core
JOBS: int | None = None


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def jobs(n_items: int | None = None) -> int:
    """How many processes to use for n_items documents (1: the command's own process)."""
    n = JOBS
    if n is None:
        env = os.environ.get("KB_JOBS", "").strip()
        n = int(env) if env.isdigit() else cores()
    n = max(1, n)
    if n_items is not None and n_items < MIN_ITEMS:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1             # no fork while other threads run (kb serve's watcher): a lock one holds would stay locked
    return min(n, n_items) if n_items is not None else n


@contextmanager
def using(n: int | None):
    """The commands' ``--jobs n`` for the work done inside the ``with`` block (None: the default)."""
    global JOBS
    old = JOBS
    if n is not None:
        JOBS = n
    try:
        yield
    finally:
        JOBS = old


def ordered_map(fn: Callable[[T], R], items: Iterable[T], n_jobs: int | None = None) -> Iterator[R]:
    """fn(item) for each item, in the order of items, computed by up to n_jobs processes (default
    :func:`jobs`).  fn must be a module-level function; items and results are pickled.  Results are
    yielded as soon as they and every earlier one are done (a progress bar moves with them)."""
    items = list(items)
    n = jobs(len(items)) if n_jobs is None else max(1, min(n_jobs, len(items)))
    if n <= 1:
        for x in items:
            yield fn(x)
        return
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_worker_start) as ex:
        # submitted a few at a time per worker: results come back in order, and a long document
        # does not hold the others back more than that
        pending = []
        it = iter(items)
        try:
            for x in it:
                pending.append(ex.submit(fn, x))
                if len(pending) >= 2 * n:
                    break
            while pending:
                fut = pending.pop(0)
                result = fut.result()            # an error of this document is raised here, in its turn
                nxt = next(it, _END)
                if nxt is not _END:
                    pending.append(ex.submit(fn, nxt))
                yield result
        except BaseException:                    # an error, ^C, or the caller stopped reading
            for fut in pending:
                fut.cancel()
            raise


_END = object()


def _worker_start() -> None:
    """A worker does its documents with one process (no pool of its own) and leaves ^C to the command."""
    import signal

    global JOBS
    JOBS = 1
    signal.signal(signal.SIGINT, signal.SIG_IGN)
