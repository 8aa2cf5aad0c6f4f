"""Proof that a speed-up changed nothing: ``kb export --format json`` (or ``--format akn``) of the seed
and of corpus texts, byte for byte, by this checkout and by revision ``REV``.

Run: ``python3 -m kb.dev.same_export [--against REV] [--limit N | --all] [--format json|akn|obligations]
[CORPUS_DIR]``.  ``--format obligations`` compares the whole reading of the obligation extractor, more
than its export shows: every duty with all its fields, the statements without an actor, every relation
before deduplication, the unknown actors, and what became of every word that opened a duty or stated
nothing (modal_fates), each in the order the extractor made it.

Each side runs in a process of its own with its revision's ``src/`` (``git archive``) on PYTHONPATH,
the layer cache off (so every layer is computed, not read back), outside any project (so both read
the same lexicon), and writes each text's export as ``kb export`` makes it (every layer,
:func:`kb.outputs.formats.to_json`).  The exports are compared byte for byte; the first lines that
differ are printed for each text that differs.  Exit 0: identical; 1: some differ; 2: no corpus or
no revision.  The point is a rewrite for speed of a layer (the obligation extractor): its rules
are unchanged only if its output is.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

#: run in a fresh process with one revision's package on PYTHONPATH: export each text into OUT
_SIDE = r'''
import sys
from pathlib import Path
from kb.errors import KbError
from kb.outputs.akn import to_akn
from kb.outputs.export import document_dict
from kb.outputs.formats import to_json
from kb.text.parse import parse_source
from kb.text.sources import read_source
out, fmt = Path(sys.argv[1]), sys.argv[2]


def reading(doc):
    from kb.layers.obligations import _extract_all
    x = _extract_all(doc)
    return "\n".join(["out"] + [repr(s) for s in x.out] + ["no_actor"] + [repr(s) for s in x.no_actor]
                     + ["rels"] + [repr(r) for r in x.rels] + ["unknown", repr(x.unknown), "said", repr(x.said), "fate", repr(x.fate),
                     "silent", repr(x.silent)])


for i, f in enumerate(sys.argv[3:]):
    try:
        doc = parse_source(read_source(f))
        text = (to_json(document_dict(doc)) if fmt == "json" else reading(doc) if fmt == "obligations"
                else to_akn(doc).decode("utf-8"))
    except KbError as e:
        text = "KbError: " + str(e)
    (out / f"{i:04d}.json").write_text(text, encoding="utf-8")
'''


def texts(corpus: Path, limit: int | None) -> list[Path]:
    """The seed and every k-th corpus text (all of them when limit is None)."""
    from kb.dev import paths
    files = paths.corpus_texts(corpus)
    if limit is not None:
        files = files[::max(1, len(files) // limit)][:limit]
    seed = paths.REPO / "regulation" / "suining-community" / "draft.txt"
    return ([seed] if seed.is_file() else []) + files


def _start(src: Path, files: list[Path], out: Path, cwd: str, fmt: str) -> subprocess.Popen:
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=str(src), KB_LAYER_CACHE="off")
    return subprocess.Popen([sys.executable, "-c", _SIDE, str(out), fmt, *map(str, files)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)


def _wait(side: subprocess.Popen, src: Path) -> None:
    err = side.communicate()[1]
    if side.returncode != 0:
        raise RuntimeError(f"{src}: " + (err.strip().splitlines() or ["失败"])[-1])


def compare(a: Path, b: Path, files: list[Path], out=print) -> list[Path]:
    """The texts whose exports differ between folders a (before) and b (now), with their first
    differing lines printed."""
    differ = []
    for i, f in enumerate(files):
        old = (a / f"{i:04d}.json").read_bytes()
        new = (b / f"{i:04d}.json").read_bytes()
        if old == new:
            continue
        differ.append(f)
        out(f"不同：{f}")
        lines = difflib.unified_diff(old.decode("utf-8").splitlines(), new.decode("utf-8").splitlines(),
                                     "before", "now", n=1, lineterm="")
        for line in list(lines)[:12]:
            out("    " + line)
    return differ


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.iterdir()):
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def run(corpus_dir: str | None = None, against: str = "main", limit: int | None = 60, fmt: str = "json") -> int:
    from kb.dev import paths

    corpus = Path(corpus_dir) if corpus_dir else paths.corpus_dir()
    if not any(corpus.rglob("*.md")):
        print(f"没有找到语料：{corpus}（../shared 不在仓库旁边；可设置 KB_SHARED）", file=sys.stderr)
        return 2
    files = texts(corpus, limit)
    with tempfile.TemporaryDirectory(prefix="kb-same-") as tmp:
        base = paths.checkout_src(against, Path(tmp))
        if base is None:
            print(f"取不到版本 {against}（需要 git 与该提交）", file=sys.stderr)
            return 2
        # both sides at once: one per core
        sides = [(_start(src, files, Path(tmp) / name, tmp, fmt), src)
                 for src, name in ((base, "before"), (paths.REPO / "src", "now"))]
        for side, src in sides:
            _wait(side, src)
        differ = compare(Path(tmp) / "before", Path(tmp) / "now", files)
        mb = sum((Path(tmp) / "now" / p.name).stat().st_size for p in (Path(tmp) / "now").iterdir()) / 1e6
        print(f"{len(files)} 个文本（含样本法规），{fmt.upper()} 导出共 {mb:.1f} MB：与 {against} "
              + (f"逐字节相同（摘要 {digest(Path(tmp) / 'now')}）" if not differ else f"有 {len(differ)} 个不同"))
    return 1 if differ else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m kb.dev.same_export", description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir", nargs="?")
    ap.add_argument("--against", default="main", help="与这个提交的导出比较（默认 main）")
    ap.add_argument("--limit", type=int, default=60, help="语料中取多少个文本（均匀抽取，默认 60）")
    ap.add_argument("--all", action="store_true", help="语料中的全部文本")
    ap.add_argument("--format", choices=("json", "akn", "obligations"), default="json",
                    help="比较哪种导出（默认 json；obligations：义务抽取的全部结果，含导出不显示的字段）")
    a = ap.parse_args(argv)
    return run(a.corpus_dir, a.against, None if a.all else a.limit, a.format)


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
