"""``kb score-related``: kb's related provisions against the hand annotations
(tests/data/related/related-*.yml), per kind (上位法, 同类立法), tuning and held-out sets apart.

- **P@1** (precision of the first answer), over every annotated (article, kind): right when kb's
  first answer is one of the acceptable provisions, or — for an article annotated ``none`` — when
  kb offers nothing above its threshold.
- **R@3** (recall within the first three), over the (article, kind) pairs that have acceptable
  provisions: the share for which at least one of kb's first three answers is acceptable.
- **覆盖@3** (coverage, printed beside it): |kb's first three ∩ acceptable| / min(3, |acceptable|),
  summed over the same pairs — how much of the acceptable set the first three answers reach.

``--ceiling`` says where the misses lie, over the same pairs: the rank of the first acceptable provision
when every article the retrieval reaches is ranked by relevance and no threshold cuts the list — first,
2–3, 4–10, 11–30, further down, or not reached at all.  Far down or unreached is a representation
problem (the article and its answer share too little wording); 4–30 a ranking problem.
"""
from __future__ import annotations

from pathlib import Path

import click

from kb.errors import KbError

DATA = Path("tests") / "data" / "related"
KIND_NAMES = {"upper": "上位法", "peer": "同类立法"}


def score(root: Path, files: list[Path], lib=None, verbose: bool = False) -> dict:
    """{set: {kind: {P@1, R@3, 覆盖@3, n, n_some, wrong: [...]}}} over the annotation ``files``; each
    file's own figures also under ``"<set>:<file name>"`` (so that the held-out files are seen apart)."""
    from kb.library.annotations import NONE

    out: dict = {}
    for f, ann, art, e, kinds, lib_ in annotated_in_libraries(root, files, lib):
        rel = lib_.related(e, kinds=tuple(kinds), marks=False)
        for kind, gold in kinds.items():
            got = [(r.entry.reg.id, r.entry.label) for r in rel if r.kind == kind]
            for key in (ann.set_name, f"{ann.set_name}:{f.name}"):
                _count(out.setdefault(key, {}), kind, gold, got, (f.name, art), NONE)
    for kinds in out.values():
        for s in kinds.values():
            s["P@1"] = s["p1"] / s["n"] if s["n"] else None
            s["R@3"] = s["r3"] / s["n_some"] if s["n_some"] else None
            s["覆盖@3"] = s["cover"] / s["n_some"] if s["n_some"] else None
    return out


#: rank buckets of ``--ceiling``: (name, last rank in it)
CEILING = (("1", 1), ("2–3", 3), ("4–10", 10), ("11–30", 30), (">30", None))
UNREACHED = "检索不到"


def ceiling(root: Path, files: list[Path], lib) -> dict:
    """{set or "<set>:<file>": {kind: {bucket: count}}}: where the first acceptable provision of each
    annotated (article, kind) with acceptable provisions ranks among everything retrieval reaches,
    unthresholded (module docstring)."""
    from kb.library.annotations import NONE

    out: dict = {}
    for f, ann, _, e, kinds, lib_ in annotated_in_libraries(root, files, lib):
        for kind, gold in kinds.items():
            if gold == NONE:
                continue
            reached = lib_.retrieved(e, (kind,)).get(kind, [])
            ranked = lib_.related(e, kinds=(kind,), limit=len(reached), marks=False, thresholds=None,
                                 candidates=len(reached))
            rank = next((i for i, r in enumerate(ranked, 1) if (r.entry.reg.id, r.entry.label) in gold), None)
            bucket = UNREACHED if rank is None else next(n for n, last in CEILING if last is None or rank <= last)
            for key in (ann.set_name, f"{ann.set_name}:{f.name}"):
                counts = out.setdefault(key, {}).setdefault(kind, dict.fromkeys([n for n, _ in CEILING] + [UNREACHED], 0))
                counts[bucket] += 1
    return out


def libraries(root: Path, files: list[Path], lib=None):
    """(project root, its Library, the annotation files read in it) for ``files``, one project after the other: those
    of texts of the knowledge base naming no law beyond it in ``root``'s (``lib`` when given); the others — with
    ``extra_laws:``, or of a text the knowledge base does not hold (a held-out round's, outside-kb/'s) — in a copy of
    the project that also holds those laws and that text, imported from the corpus as ``kb add`` imports them
    (kb.dev.extra_laws).  The copies are all made first (kb.dev.extra_laws.grouped: about a megabyte each); each one's
    library is built when its turn comes and the copy removed, with its library, once its files are read: nothing is
    left behind, and one copy's library is in memory at a time."""
    from kb.dev.extra_laws import grouped, release
    from kb.library.related import base_library

    groups = grouped(root, files, own=True)
    try:
        for r, fs in groups:
            if r == Path(root):
                yield r, lib if lib is not None else base_library(r), fs
            else:
                yield r, base_library(r), fs
                release(r)
    finally:
        for r, _ in groups:         # a run stopped on bad input: the copies not reached yet go too
            release(r)


def annotated_in_libraries(root: Path, files: list[Path], lib=None):
    """:func:`annotated` of ``files``, each item with the Library it is to be answered in (:func:`libraries`)."""
    for r, lib_, fs in libraries(root, files, lib):
        for item in annotated(r, fs, lib_):
            yield (*item, lib_)


def annotated(root: Path, files: list[Path], lib):
    """(file, Annotated, article number, its Entry, {kind: acceptable set or NONE}) for every annotated
    article of ``files``, once each file has been checked whole: every article and every acceptable
    provision is in the knowledge base, and each provision is of the kind it is listed under (KbError
    naming the file otherwise) — without computing any related provision."""
    from kb.library.annotations import NONE, article_label, eid_of, read_annotations
    from kb.library.kinds import KIND_NAMES as NAMES
    from kb.project import list_regulations

    regs = list_regulations(root)
    latest = {(e.reg.id, e.label): e for e in lib.entries if e.latest}
    out = []
    for f in files:
        ann = read_annotations(f, regs)
        reg = next(r for r in regs if r.id == ann.regulation)
        for art, kinds in ann.articles.items():
            e = lib.get(reg.id, reg.versions[-1].name, eid_of(art))
            if e is None:
                raise KbError(f"标注的条文在知识库中找不到：{reg.id} {article_label(art)}", str(f))
            for kind, gold in kinds.items():
                for p in sorted(gold) if gold != NONE else ():
                    if p not in latest:
                        raise KbError(f"第{art}条标注的条文在知识库中找不到：{p[0]} {p[1]}", str(f))
                    actual = lib.kind(e, latest[p])
                    if actual != kind:
                        raise KbError(f"第{art}条的{NAMES[kind]}中列了 {p[0]} {p[1]}，它对本法规是"
                                      f"{NAMES.get(actual, '无关系的法规')}", str(f))
            out.append((f, ann, art, e, kinds))
    return out


def _count(kinds: dict, kind: str, gold, got: list, where: tuple, none) -> None:
    """Add one annotated (article, kind) to the tallies ``kinds[kind]``."""
    s = kinds.setdefault(kind, {"p1": 0, "n": 0, "r3": 0, "cover": 0.0, "n_some": 0, "wrong": []})
    s["n"] += 1
    if gold == none:
        right = not got
    else:
        right = bool(got) and got[0] in gold
        s["n_some"] += 1
        top3 = set(got[:3])
        s["r3"] += bool(top3 & gold)
        s["cover"] += len(top3 & gold) / min(3, len(gold))
    s["p1"] += right
    if not right:
        s["wrong"].append((*where, gold if gold == none else sorted(gold), got[:3]))


@click.command("score-related")
@click.option("--data", "data_dir", default=None, type=click.Path(file_okay=False), metavar="目录",
              help="标注目录（默认 tests/data/related）")
@click.option("-v", "--verbose", is_flag=True, help="列出答错的条文")
@click.option("--check", "check_only", is_flag=True,
              help="只检查标注文件（条文都在知识库中、类别对），不计算相关条文、不打分")
@click.option("--ceiling", "ceiling_", is_flag=True,
              help="不计阈值、按相关度给检索到的全部条文排序，列出第一个可接受条文排在第几（1、2–3、4–10、11–30、更后、检索不到）")
@click.pass_context
def score_cmd(ctx, data_dir, verbose, check_only, ceiling_):
    """相关条文对人工标注的得分：每类（上位法、同类立法）的 P@1 与 R@3，调参集与留出集分开。"""
    from kb.cli.core import project_root
    from kb.library.related import load_library
    from kb.outputs.formats import table

    root = project_root(ctx)
    files = annotation_files(root, data_dir, "related-*.yml", "相关条文")
    lib = load_library(root)
    if check_only:
        counts: dict = {}
        for f, ann, _, _, kinds, _ in annotated_in_libraries(root, files, lib):
            c = counts.setdefault(f.name, [ann.set_name, 0, 0, 0])
            c[1] += 1
            c[2] += "upper" in kinds
            c[3] += "peer" in kinds
        click.echo(table(["标注文件", "集合", "条文", "上位法", "同类立法"], [[n, *c] for n, c in counts.items()]))
        return
    if ceiling_:
        res = ceiling(root, files, lib)
        names = [n for n, _ in CEILING] + [UNREACHED]
        rows = [[key, KIND_NAMES[kind], sum(c.values()), *[c[n] for n in names]]
                for key in _keys(res) for kind in ("upper", "peer") if (c := res[key].get(kind))]
        click.echo(table(["集合", "类别", "有答案", *[f"第{n}" if n[0].isdigit() else n for n in names]], rows))
        return
    res = score(root, files, lib)
    rows = []
    for set_name in ("tuning", "held-out"):
        per_file = sorted(k for k in res if k.startswith(set_name + ":"))
        # the set as a whole, then each of its files when it has several
        for key in [set_name] + (per_file if len(per_file) > 1 else []):
            for kind in ("upper", "peer"):
                s = res.get(key, {}).get(kind)
                if s is None:
                    rows.append([key, KIND_NAMES[kind], "（尚无标注）", "", "", "", ""])
                    continue
                rows.append([key, KIND_NAMES[kind], s["n"], s["n_some"], _f(s["P@1"]), _f(s["R@3"]),
                             _f(s["覆盖@3"])])
    click.echo(table(["集合", "类别", "条文", "有答案", "P@1", "R@3", "覆盖@3"], rows))
    if verbose:
        for set_name, kinds in res.items():
            if ":" in set_name:
                continue
            for kind, s in kinds.items():
                for fname, art, gold, got in s["wrong"]:
                    click.echo(f"{set_name} {KIND_NAMES.get(kind, kind)} {fname} 第{art}条：标注 {gold}；kb {got}")


def _keys(res: dict) -> list[str]:
    """Each set, then each of its files when it has several (the order of the score table)."""
    out = []
    for set_name in ("tuning", "held-out"):
        per_file = sorted(k for k in res if k.startswith(set_name + ":"))
        out += ([set_name] if set_name in res else []) + (per_file if len(per_file) > 1 else [])
    return out


def annotation_files(root: Path, data_dir: str | None, pattern: str, what: str) -> list[Path]:
    """The annotation files ``pattern`` in ``data_dir`` (default tests/data/related); KbError if none."""
    d = Path(data_dir) if data_dir else root / DATA
    files = sorted(d.glob(pattern))
    if not files:
        raise KbError(f"没有{what}的标注文件（{pattern}）", str(d))
    return files


def _f(x) -> str:
    return "—" if x is None else f"{x:.3f}"
