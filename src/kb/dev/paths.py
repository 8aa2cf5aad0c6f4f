"""Where the developer tools find the repository's annotated data and the reference material.

The benchmarks and scorers run from a checkout: the annotations are in ``tests/data`` and the
seed, corpus and spec in ``../shared`` beside the checkout (``KB_SHARED`` points elsewhere).
"""
from __future__ import annotations

import os
from pathlib import Path

from kb.dev.checkout import DATA, REPO  # noqa: F401 - the tools take them from here


def shared_dir() -> Path:
    env = os.environ.get("KB_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def corpus_dir() -> Path:
    return shared_dir() / "corpus" / "lawrefbook"


def corpus_texts(corpus) -> list[Path]:
    """The Markdown texts of a corpus folder in path order, less this session's held-out texts, kb check's and their
    other versions (kb.dev.heldout.may_read, by name): a corpus-wide tool never opens them, whatever folder it is given."""
    from kb.dev.heldout import may_read

    return sorted(f for f in Path(corpus).rglob("*.md") if may_read(f))


def version_pair_regulations(corpus) -> list[str]:
    """The regulations ../shared/corpus/version-pairs.txt (beside the corpus folder) lists, in its order, each as its
    path in the corpus without date and suffix (宪法相关法/立法法); none when the file is missing.  The one reader of the
    listing: kb score-amend's and the alignment tools' version pairs, and the draw's rule that a regulation of the
    version pairs is no candidate."""
    listing = Path(corpus).parent / "version-pairs.txt"
    if not listing.is_file():
        return []
    return [line.strip() for line in listing.read_text(encoding="utf-8").splitlines() if line.strip()]


def missing(path) -> str:
    """What a benchmark or scorer says when its reference material is not there: where it looked, and
    how to point it elsewhere (a newcomer's clone usually has no ../shared beside it)."""
    return f"参考资料不存在：{path}（../shared 不在仓库旁边；可设置 KB_SHARED 指向它）"


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
