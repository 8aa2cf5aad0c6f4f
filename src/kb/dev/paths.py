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


def checkout_src(rev: str, into: Path, parts: tuple[str, ...] = ("src",)) -> Path | None:
    """``into/src``: the src/ (and other parts) of revision rev from git archive, to run an earlier kb
    beside this one; None without git or that revision."""
    import subprocess
    try:
        tar = subprocess.run(["git", "-C", str(REPO), "archive", rev, *parts], capture_output=True,
                             check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(into)], input=tar, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return into / "src"
