"""What a site build tells the people waiting for it while it runs.

``kb build`` shows one line per step (it sets ``PROGRESS``); ``kb bench site`` prints the seconds
spent per stage (``TIMINGS``).  Kept apart from the plugin so that the modules which load the
model report the same way without importing the plugin.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager

log = logging.getLogger("mkdocs.plugins.kb")

#: optional progress callback (set by ``kb build``): called with one Chinese line per step
PROGRESS = None

#: seconds spent per stage in the last build (kb bench site prints them)
TIMINGS: dict[str, float] = {}


def say(msg: str) -> None:
    if PROGRESS:
        PROGRESS(msg)
    log.debug(msg)


@contextmanager
def timed(stage: str):
    """Add the time spent in the ``with`` block to ``TIMINGS[stage]``."""
    t0 = time.perf_counter()
    try:
        yield
    finally:
        TIMINGS[stage] = TIMINGS.get(stage, 0.0) + time.perf_counter() - t0
