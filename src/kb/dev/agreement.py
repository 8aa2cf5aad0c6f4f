"""The command line shared by the agreement tools (kb.dev.obligation_agreement, align_agreement,
related_agreement): pairs of annotation files of one text, first (A) and second (B), named on the command
line or, with ``--all``, every second annotation the repository keeps."""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from kb.errors import KbError


def pairs_from_args(args: list[str], every: Callable[[], list[tuple[Path, Path]]], usage: str,
                    folder: Path) -> list[tuple[Path, Path]] | int:
    """The (A, B) pairs ``args`` name (A1 B1 A2 B2 …, options aside), or ``every()`` for ``--all``; an exit
    code once the reason is printed: 2 for a wrong command line, 1 when ``--all`` finds no second annotation."""
    files = [a for a in args if not a.startswith("-")]
    if "--all" in args and not files:
        pairs = every()
    elif files and len(files) % 2 == 0:
        pairs = [(Path(a), Path(b)) for a, b in zip(files[::2], files[1::2])]
    else:
        print(f"用法：{usage}", file=sys.stderr)
        return 2
    if not pairs:
        print(f"{folder} 中没有第二份标注", file=sys.stderr)
        return 1
    return pairs


def same_name_pairs(data: Path, folder: Path, pattern: str) -> list[tuple[Path, Path]]:
    """Every second annotation in ``folder`` matching ``pattern``, with the first one of the same name in
    ``data`` (a second annotation whose first is gone is left out)."""
    return [(data / second.name, second) for second in sorted(folder.glob(pattern)) if (data / second.name).exists()]


def run_report(argv: list[str] | None, every: Callable[[], list[tuple[Path, Path]]], usage: str, folder: Path,
               report: Callable[..., object]) -> int:
    """The whole command line of align_agreement and related_agreement: the pairs (:func:`pairs_from_args`), then
    ``report(pairs, verbose)`` (``-v``); a file that cannot be read or holds no valid annotation is said in one line,
    exit 2."""
    argv = sys.argv[1:] if argv is None else argv
    pairs = pairs_from_args(argv, every, usage, folder)
    if isinstance(pairs, int):
        return pairs
    try:
        report(pairs, "-v" in argv)
    except (OSError, ValueError, KbError) as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    return 0
