"""Where the developer tools find the repository's annotated data and the reference material.

The benchmarks and scorers run from a checkout: the annotations are in ``tests/data`` and the
seed, corpus and spec in ``../shared`` beside the checkout (``KB_SHARED`` points elsewhere).
"""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data"


def shared_dir() -> Path:
    env = os.environ.get("KB_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def corpus_dir() -> Path:
    return shared_dir() / "corpus" / "lawrefbook"
