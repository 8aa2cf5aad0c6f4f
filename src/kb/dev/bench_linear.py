"""``kb bench linear``: every stage takes time in proportion to its input, however the input is shaped.

A text of N lines is generated in each of several hostile shapes (one article of N paragraphs, one
paragraph of N clauses, N articles, N terms, N laws named in one line …), at N = 10,000, 20,000 and
40,000 lines (``kb bench linear 2000,4000,8000`` for other sizes), and every stage is timed on it:
parse, the links layer, the obligations layer, the catalog's entries, the exports (JSON with its
layers, Akoma Ntoso, the obligation matrix) and the site (versions, plan, downloads, search index
and every page rendered; the PDF download, LibreOffice's work, left out).  The figure is the growth exponent k of t ∝ N^k between the smallest
and the largest size: 1 is linear, 2 quadratic.  The baseline, measured in the same run on the same
texts, is a regular-expression scan of the lines (k ≈ 1 by construction): it shows how much noise
the machine adds.  A stage passes when k ≤ 1.35, or when it takes under 0.2 s at the largest size.

Times are CPU seconds of this process (``time.process_time``), so other jobs on a shared machine do
not inflate them.  The layer cache's disk is off (``KB_LAYER_CACHE=off``): each run does the work.
"""
from __future__ import annotations

import gc
import math
import re
import shutil
import tempfile
import time
from pathlib import Path

from kb.dev import paths

SIZES = (10_000, 20_000, 40_000)
MAX_EXPONENT = 1.35
NEGLIGIBLE_S = 0.2


def _numbered(n: int, line) -> str:
    return "".join(line(k) for k in range(1, n + 1))


#: shape -> (what it is, text of about n lines)
SHAPES = {
    "paragraphs": ("一条 N 款，每款引用前款、他条之款与项", lambda n: "第一条　总则。\n" + _numbered(
        n, lambda k: f"社区居民委员会应当依照前款和第二条第{k}款的规定，做好本款第{k}项工作。\n")
        + "第二条　附。\n"),
    "items": ("一款 N 项，每项引用前项与第N项", lambda n: "第一条　居民委员会履行下列职责：\n" + _numbered(
        n, lambda k: f"（{k}）协助做好前项和第{max(1, k - 1)}项规定的工作；\n")),
    "loose": ("一项之后 N 行散行，再接第二项", lambda n: "第一条　下列事项：\n（一）甲；\n"
              + _numbered(n, lambda k: f"说明{k}\n") + "（二）乙。\n"),
    "clauses": ("一款一行 N 个分句", lambda n: "第一条　" + _numbered(
        n, lambda k: f"社区居民委员会应当在三十日内做好第{k}项工作，") + "。\n"),
    "articles": ("N 条，每百条一章，引用前条与他章", lambda n: _numbered(
        n, lambda k: (f"第{(k - 1) // 100 + 1}章　第{k}章\n" if k % 100 == 1 else "")
        + f"第{k}条　街道办事处应当依照第{max(1, k - 1)}条和第一章的规定做好工作，不得拖延。\n")),
    "terms": ("附则一条 N 个定义，随后使用", lambda n: "第一章　总则\n第一条　总则。\n第二章　附则\n第二条　本条例下列用语的含义：\n"
              + _numbered(n // 2, lambda k: f"术语{k}甲，是指某事项。\n")
              + "第三条　使用。\n" + _numbered(n - n // 2, lambda k: f"术语{k}甲应当依照术语{k}甲办理。\n")),
    "laws": ("一行引用 N 部法律及其条文", lambda n: "第一条　" + _numbered(
        n, lambda k: f"依照《某某法{k}》第{k}条和该法第{k}条，") + "。\n"),
    "short": ("一条 N 个一字短行", lambda n: "第一条　开始。\n" + "甲\n" * n),
    "annexes": ("条号错乱，条间 N 个附件行", lambda n: _numbered(
        n // 2, lambda k: f"第{k if k % 2 else k + 3}条　内容。\n附件{k}\n")),
}

_SCAN = re.compile(r"^.*$", re.M)


def _baseline(text: str) -> None:
    """The least any stage must do: look at every line once."""
    for _ in _SCAN.finditer(text):
        pass


def _project(tmp: Path, text: str) -> Path:
    """A throw-away project holding one regulation whose only version is ``text``."""
    d = tmp / "regulation" / "bench"
    d.mkdir(parents=True, exist_ok=True)
    (d / "current.txt").write_text(text, encoding="utf-8")
    (d / "meta.yml").write_text("title: 基准条例\nversions:\n  - name: current\n    file: current.txt\n"
                                "    status: 草案\n", encoding="utf-8")
    (tmp / "mkdocs.yml").write_text(
        f"site_name: 基准\ndocs_dir: {paths.REPO / 'templates' / 'static'}\nsite_dir: site\n"
        f"theme:\n  name: material\n  custom_dir: {paths.REPO / 'overrides'}\n  language: zh\n"
        f"plugins:\n  - kb:\n      templates: {paths.REPO / 'templates'}\n      comment_email: a@example.org\n"
        f"      pdf: false\n",                   # LibreOffice's work, not kb's
        encoding="utf-8")
    return tmp


def _site(root: Path) -> int:
    """Everything kb does for a site (mkdocs' own copying and theme rendering aside): read the
    versions, plan the pages, make the downloads and search index, render every page."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from kb.site.pages import render_page
    from kb.site.urls import page_url

    cfg = load_config(str(root / "mkdocs.yml"))
    plugin = cfg.plugins["kb"]
    cfg = cfg.plugins.on_config(cfg)         # through mkdocs' plugin collection, as a build calls it
    cfg.plugins.on_files(Files([]), config=cfg)
    for src, info in plugin.pages.items():
        render_page(plugin.plan, plugin.env, page_url(src), info)
    return len(plugin.pages)


def _stages(text: str, tmp: Path) -> list[tuple[str, object]]:
    """(stage, fn) in pipeline order; each fn builds on the ones before it (shared ``state``)."""
    from kb.catalog.entries import doc_entries
    from kb.catalog.interface import SourceSpec
    from kb.errors import KbError
    from kb.layers import links, obligations
    from kb.outputs.akn import to_akn
    from kb.outputs.export import document_dict
    from kb.outputs.formats import to_json
    from kb.outputs.matrix import build as build_matrix, render_csv, render_xlsx
    from kb.text.parse import parse_text

    state: dict = {}

    def parse():
        state["doc"] = parse_text(text, "bench.txt")

    def link_layer():
        doc = state["doc"]
        links.definitions(doc), links.term_uses(doc), links.references(doc)
        links.backrefs(doc), links.link_warnings(doc)

    def obligation_layer():
        doc = state["doc"]
        obligations.extract(doc), obligations.relations(doc), obligations.unknown_actors(doc)

    def entries():
        doc_entries(state["doc"], SourceSpec("bench@current", "bench.txt", {}))

    def exports():
        doc = state["doc"]
        to_json(document_dict(doc))
        to_akn(doc)
        render_csv(build_matrix(doc))
        try:
            render_xlsx(doc)
        except KbError:          # more articles than a sheet has columns: said, as kb export says it
            pass

    def site():
        _site(_project(tmp, text))

    return [("parse", parse), ("links", link_layer), ("obligations", obligation_layer),
            ("entries", entries), ("exports", exports), ("site", site)]


def _cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def exponent(sizes, times) -> float | None:
    """k in t ∝ N^k between the smallest and the largest size (None when too small to tell)."""
    if times[-1] < NEGLIGIBLE_S or times[0] <= 0:
        return None
    return math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])


def run(sizes: str | None = None, shapes: list[str] | None = None, echo=print) -> dict:
    """Time every stage on every shape at each size; print a table, return the exponents.  The layer cache is off
    while it runs (the work is timed, not a read of what an earlier run kept) and as it was afterwards: a caller in the
    same process (the tests) keeps its own setting."""
    import os

    old = os.environ.get("KB_LAYER_CACHE")
    os.environ["KB_LAYER_CACHE"] = "off"
    try:
        return _run(sizes, shapes, echo)
    finally:
        if old is None:
            os.environ.pop("KB_LAYER_CACHE", None)
        else:
            os.environ["KB_LAYER_CACHE"] = old


def _run(sizes: str | None, shapes: list[str] | None, echo) -> dict:
    from kb.outputs.formats import table

    ns = tuple(int(s) for s in sizes.split(",")) if sizes else SIZES
    shapes = shapes or list(SHAPES)
    echo(f"行数：{'、'.join(f'{n:,}' for n in ns)}；CPU 秒；k 为 t∝N^k 的指数（1 线性，2 平方），"
         f"k ≤ {MAX_EXPONENT} 或最大规模下不足 {NEGLIGIBLE_S} 秒为通过")
    result: dict = {"sizes": ns, "shapes": {}, "ok": True}
    heads = ["形态", "阶段", *(f"{n:,} 行" for n in ns), "k", "说明"]
    for shape in shapes:
        desc, make = SHAPES[shape]
        times: dict[str, list[float]] = {}
        mb = 0.0
        for n in ns:
            # each size starts from a clean heap: the trees of the smaller sizes are cyclic (parent
            # links) and, the collector being paused while trees and layers are made, would
            # otherwise linger and be walked by every full collection of the larger sizes
            gc.collect()
            text = make(n)
            mb = len(text.encode("utf-8")) / 1e6
            times.setdefault("baseline", []).append(_cpu(lambda: _baseline(text)))
            with tempfile.TemporaryDirectory(prefix="kb-bench-linear-") as tmp:
                for stage, fn in _stages(text, Path(tmp)):
                    times.setdefault(stage, []).append(_cpu(fn))
        ks = {stage: exponent(ns, t) for stage, t in times.items()}
        bad = [s for s, k in ks.items() if s != "baseline" and k is not None and k > MAX_EXPONENT]
        result["shapes"][shape] = {"times": times, "exponents": ks, "mb": mb, "quadratic": bad}
        result["ok"] = result["ok"] and not bad
        rows = [[shape if stage == "baseline" else "", stage, *(f"{x:.2f}" for x in t),
                 "—" if ks[stage] is None else f"{ks[stage]:.2f}",
                 (f"{desc}（最大 {mb:.1f} MB）" if stage == "baseline" else ("超线性" if stage in bad else ""))]
                for stage, t in times.items()]
        echo(table(heads, rows, max_width=140))    # shape by shape: the run is long
        echo("")
    echo("全部线性" if result["ok"] else "超线性：" + "；".join(
        f"{s} 的 {'、'.join(v['quadratic'])}" for s, v in result["shapes"].items() if v["quadratic"]))
    return result
