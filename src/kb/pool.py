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


def ordered_map(fn: Callable[[T], R], items: Iterable[T], n_jobs: int | None = None,
                name: Callable[[T], str] = str) -> Iterator[R]:
    """fn(item) for each item, in the order of items, computed by up to n_jobs processes (default
    :func:`jobs`).  fn must be a module-level function; items and results are pickled.  Results are
    yielded as soon as they and every earlier one are done (a progress bar moves with them).

    A worker that dies (killed for want of memory, a crash in a C extension) never leaves the command
    waiting: the other workers are stopped, the command says so on stderr, naming (``name``) the
    document whose turn it was, and does that document and the rest in its own process."""
    items = list(items)
    n = jobs(len(items)) if n_jobs is None else max(1, min(n_jobs, len(items)))
    if n <= 1:
        for x in items:
            yield fn(x)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ex = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"),
                             initializer=_worker_start)
    # submitted a few at a time per worker: results come back in order, and a long document does
    # not hold the others back more than that
    pending: deque = deque()
    it = iter(items)
    rest: list = []
    def submit(x):
        # a worker may die between one result and the next submission: the executor then refuses new
        # work, which must take the same way back to this process as a result that reports the death
        try:
            return ex.submit(fn, x)
        except BrokenProcessPool:
            return None

    try:
        for x in it:
            pending.append((x, submit(x)))
            if len(pending) >= 2 * n:
                break
        while pending:
            x, fut = pending.popleft()
            try:
                if fut is None:
                    raise BrokenProcessPool("the pool refused new work")
                result = fut.result()            # an error of this document is raised here, in its turn
            except BrokenProcessPool:
                # the executor has already stopped the other workers (SIGTERM: see _worker_start)
                rest = [x] + [y for y, _ in pending] + list(it)
                pending.clear()
                ex.shutdown(wait=False, cancel_futures=True)
                ex = None
                _say(f"警告：处理 {name(x)} 时一个工作进程意外退出（可能因内存不足被系统终止）；"
                     f"它和其后的 {len(rest) - 1} 个改在本进程中处理")
                break
            nxt = next(it, _END)
            if nxt is not _END:
                pending.append((nxt, submit(nxt)))
            yield result
    finally:                                     # done, an error, ^C, or the caller stopped reading
        if ex is not None:
            for _, fut in pending:
                if fut is not None:
                    fut.cancel()
            ex.shutdown(wait=True, cancel_futures=True)
    for x in rest:
        yield fn(x)


def _say(line: str) -> None:
    import click

    click.echo(line, err=True)


_END = object()


def _worker_start() -> None:
    """A worker does its documents with one process (no pool of its own) and leaves ^C to the command;
    SIGTERM and SIGHUP end it at once (the command's own handlers, inherited by the fork, would turn
    them into an exception the worker catches and goes on after: when the pool stops its workers
    because one died, the survivors would never end and the command would wait for them for ever)."""
    import signal

    global JOBS
    JOBS = 1
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
