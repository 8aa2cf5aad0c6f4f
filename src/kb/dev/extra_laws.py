"""Annotation files of a text resting on a law the knowledge base does not ship (``extra_laws:``).

A related-provision or repetition annotation (tests/data/related/README.md) of such a text names, after ``corpus:``,
the corpus files of those laws (``extra_laws: [行政法/测绘法(2017-04-27).md]``) and may list their provisions as its
answers.  The scorers (``kb score-related`` and its ``--check``, ``kb score-repeat``) and the cross-validation
(kb.dev.related_cv) read such a file in a copy of the project whose knowledge base also holds those laws, imported
as ``kb add`` imports a corpus file (level and jurisdiction from its corpus folder, the corpus path in its meta.yml):
the laws are candidates like any shipped law, weigh in the base's bigram weights and take the text's citations.
The project itself is left as it is; one copy is made per set of laws and kept for the process.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path, PurePath

from kb.errors import KbError

KEY = "extra_laws"
_COPIES: dict[tuple, Path] = {}


def extra_laws(data: dict, path: Path) -> tuple[str, ...]:
    """The corpus paths an annotation file's ``extra_laws:`` names, in its order (``()`` without it); KbError naming
    the file when it is not a list of paths."""
    laws = data.get(KEY)
    if laws is None:
        return ()
    if not isinstance(laws, list) or not laws or not all(isinstance(x, str) and x.strip() for x in laws):
        raise KbError(f"{KEY}：应为语料中法律文件路径的列表（如 [行政法/某法(2017-04-27).md]）", str(path))
    return tuple(dict.fromkeys(x.strip() for x in laws))


def laws_of(path: Path) -> tuple[str, ...]:
    """:func:`extra_laws` of the annotation file at ``path``."""
    import yaml

    return extra_laws(yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}, path)


def with_laws(root: Path, laws: tuple[str, ...], where: Path | None = None) -> Path:
    """The root of a project whose knowledge base is ``root``'s with the corpus files ``laws`` imported (``root``
    itself when it holds them all already); ``where``: the annotation file that asks, named in errors (a law that is
    not a corpus file, another version of a law ``root`` ships, or a file the import refuses)."""
    from kb.library.annotations import source_map
    from kb.library.corpus import title_id
    from kb.project import list_regulations

    root = Path(root)
    regs = list_regulations(root)
    held = source_map(regs)
    todo = tuple(sorted(rel for rel in laws if rel not in held))
    if not todo:
        return root
    # another version of a law the base ships would be imported as that regulation's latest version and answer for it
    # in every article of the file (code review 12 item 3: 立法法 2015 became the 立法法 of the copy)
    shipped = {r.id: r for r in regs}
    for rel in todo:
        r = shipped.get(title_id(PurePath(rel).name.split("(")[0].removesuffix(".md")))
        if r is not None:
            raise KbError(f"{KEY} 中的 {rel} 是知识库已收法规“{r.id}”的另一版本"
                          f"（知识库收的是 {'、'.join((r.source or {}).get('files') or []) or '其文本'}）：导入会把它当作"
                          f"该法规的最新版本，换掉知识库所收的文本；请写知识库所收的版本，或去掉这一项", str(where or root))
    key = (str(root.resolve()), todo)
    if key not in _COPIES:
        _COPIES[key] = _copy_with(root, todo, where)
    return _COPIES[key]


def grouped(root: Path, files: list[Path]) -> list[tuple[Path, list[Path]]]:
    """``files`` by the project they are read in (:func:`with_laws` of each one's ``extra_laws``): ``root`` first
    when any file needs no law beyond it, in the files' order otherwise."""
    out: dict[Path, list[Path]] = {}
    for f in files:
        out.setdefault(with_laws(root, laws_of(f), f), []).append(f)
    return sorted(out.items(), key=lambda x: x[0] != Path(root))


def _copy_with(root: Path, laws: tuple[str, ...], where: Path | None) -> Path:
    """A new project in a temporary folder (removed when the process ends): ``root``'s mkdocs.yml and regulation/,
    and ``laws`` imported from the corpus (kb.library.importer.add_text, each file read alone: no other corpus text is
    opened)."""
    from kb.library.corpus import CorpusFiles, read_corpus_text
    from kb.library.importer import add_text

    files = CorpusFiles.near(root)
    found = {rel: next((h for h in files.homes if (h / rel).is_file()), None) for rel in laws}
    lacking = [rel for rel, home in found.items() if home is None]
    if lacking:
        raise KbError(f"{KEY} 中的法律不在语料中：{'、'.join(lacking)}（语料目录：{'、'.join(map(str, files.homes)) or '无'}）",
                      str(where or root))
    copy = Path(tempfile.mkdtemp(prefix="kb-extra-laws-"))
    atexit.register(shutil.rmtree, copy, True)
    shutil.copy(root / "mkdocs.yml", copy / "mkdocs.yml")
    shutil.copytree(root / "regulation", copy / "regulation")
    for rel, home in found.items():
        ct = read_corpus_text(home / rel, home, CorpusFiles([home]))
        try:
            add_text(copy, ct, {}, is_latest=True)
        except KbError as e:
            raise KbError(f"{KEY} 中的法律 {rel} 无法导入：{e.message}", str(where or root)) from e
    return copy
