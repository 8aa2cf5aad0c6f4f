"""Where this checkout is: the repository beside the package, its annotated data and kb check's listing.

A leaf (it imports nothing of kb), so that kb.dev.paths and kb.dev.heldout, which ask each other, both take the paths
from here and compute them once (code review 27 finding 9; tests/test_architecture.py counts a function's import as an
edge of a cycle).
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data"
#: kb check's listing of its texts (``held_out`` among them)
CHECK_LISTING = DATA / "check" / "texts.yml"
