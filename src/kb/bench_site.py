"""``kb bench site``: build time, page size and search payload of the generated site.

For the seed project and for a throw-away project of N corpus regulations (default 100, taken
evenly from ../shared/corpus/lawrefbook), it builds the site through the kb plugin, then writes the
*same pages* (same paths, titles, navigation and text) as static Markdown and builds those with a
plain mkdocs + material (material's own search, jieba segmentation) as the baseline.

Run: ``python3 -m kb.bench_site [CORPUS_DIR] [--n 100]`` or ``kb bench site``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path


def _root() -> Path:
    return Path(__file__).resolve().parents[2]


def _config(proj: Path, plugin: str, nav: list | None = None) -> str:
    root = _root()
    import yaml

    cfg = {
        "site_name": "基准测试",
        "docs_dir": str(proj / "docs") if plugin == "static" else str(root / "templates" / "static"),
        "site_dir": "site",
        "theme": {"name": "material", "custom_dir": str(root / "overrides"), "language": "zh",
                  "font": False, "features": ["navigation.prune"]},
        "extra_css": ["kb/kb.css"], "extra_javascript": ["kb/kb.js"],
        "plugins": ["search"],
    }
    if plugin == "kb":
        cfg["plugins"].append({"kb": {"templates": str(root / "templates"), "downloads": False,
                                      "comment_email": "bench@example.org"}})
    if nav is not None:
        cfg["nav"] = nav
    return yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)


def corpus_project(dest: Path, corpus: Path, n: int) -> Path:
    """A project with n corpus regulations, one version each (copied into a temporary folder)."""
    files = sorted(corpus.rglob("*.md"))
    if n < len(files):
        step = len(files) / n
        files = [files[int(i * step)] for i in range(n)]
    for i, f in enumerate(files):
        rid = f"r{i + 1:03d}"
        d = dest / "regulation" / rid
        d.mkdir(parents=True)
        shutil.copy(f, d / "current.md")
        first = f.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff").splitlines()[0]
        title = first.lstrip("# ").strip() or f.stem
        import yaml
        (d / "meta.yml").write_text(yaml.safe_dump({
            "title": title, "versions": [{"name": "current", "file": "current.md", "status": "现行有效"}]},
            allow_unicode=True), encoding="utf-8")
    return dest


def _build(proj: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import logging
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    cfg = load_config(str(proj / "mkdocs.yml"))
    t = time.perf_counter()
    build(cfg)
    return time.perf_counter() - t


def _figures(site: Path, kind: str) -> dict:
    htmls = list(site.rglob("*.html"))
    out = {"pages": len(htmls), "html_mb": sum(p.stat().st_size for p in htmls) / 1e6}
    out["page_kb"] = out["html_mb"] * 1e3 / max(1, len(htmls))
    if kind == "kb":
        idx = [p.stat().st_size for p in site.rglob("search.json")]
        glob = (site / "search" / "search_index.json").stat().st_size
        out["search_kb"] = (max(idx) + glob) / 1e3 if idx else glob / 1e3   # what one page loads, at most
        out["search_total_mb"] = (sum(idx) + glob) / 1e6
    else:
        s = (site / "search" / "search_index.json").stat().st_size
        out["search_kb"] = s / 1e3
        out["search_total_mb"] = s / 1e6
    return out


def _static_copy(kb_proj: Path, dest: Path) -> Path:
    """The kb site's pages, as static Markdown (same paths, titles, navigation and text)."""
    from lxml import html as lh
    import yaml

    site = kb_proj / "site"
    docs = dest / "docs"
    from mkdocs.config import load_config
    cfg = load_config(str(kb_proj / "mkdocs.yml"))
    plugin = cfg.plugins["kb"]
    plugin.on_config(cfg)
    from .site import page_url

    for src, info in plugin.pages.items():
        html_path = site / page_url(src) / "index.html" if page_url(src) else site / "index.html"
        tree = lh.fromstring(html_path.read_bytes())
        art = tree.xpath("//article[contains(@class,'md-content__inner')]")[0]
        lines = [f"# {info['title']}", ""]
        for el in art.iter("h2", "h3", "p", "li", "td", "dt", "dd"):
            t = re.sub(r"\s+", " ", el.text_content()).replace("¶", "").strip()
            if not t:
                continue
            t = re.sub(r"([\\`*_{}\[\]()#+!|<>-])", r"\\\1", t)
            lines += [("## " if el.tag == "h2" else "### " if el.tag == "h3" else "") + t, ""]
        out = docs / src
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines), encoding="utf-8")
    (dest / "kb").mkdir(exist_ok=True)
    shutil.copytree(_root() / "templates" / "static" / "kb", docs / "kb", dirs_exist_ok=True)
    nav = json.loads(json.dumps(cfg.nav))
    (dest / "mkdocs.yml").write_text(_config(dest, "static", nav), encoding="utf-8")
    return dest


def measure(label: str, kb_proj: Path, tmp: Path) -> list[dict]:
    (kb_proj / "mkdocs.yml").write_text(_config(kb_proj, "kb"), encoding="utf-8")
    t_kb = _build(kb_proj)
    f_kb = _figures(kb_proj / "site", "kb")
    static = _static_copy(kb_proj, tmp / f"{label}-static")
    t_st = _build(static)
    f_st = _figures(static / "site", "static")
    return [dict(site=label, build="kb 插件（由模型生成）", seconds=t_kb, **f_kb),
            dict(site=label, build="基线：同样页面的静态 Markdown", seconds=t_st, **f_st)]


def run(corpus_dir: str | None = None, n: int = 100) -> dict:
    from .output import table

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root = _root()
    corpus = Path(corpus_dir) if corpus_dir else root.parent / "shared" / "corpus" / "lawrefbook"
    rows = []
    with tempfile.TemporaryDirectory(prefix="kb-bench-site-") as t:
        tmp = Path(t)
        seed = tmp / "seed"
        shutil.copytree(root / "regulation", seed / "regulation")
        rows += measure("种子（1 部法规）", seed, tmp)
        if corpus.is_dir():
            proj = corpus_project(tmp / "corpus", corpus, n)
            rows += measure(f"语料 {n} 部法规", proj, tmp)
        else:
            print(f"（没有语料目录 {corpus}，只测种子）", file=sys.stderr)
    print(table(["站点", "构建方式", "秒", "页数", "HTML MB", "平均页 KB", "每页检索载荷 KB", "检索索引合计 MB"],
                [[r["site"], r["build"], f"{r['seconds']:.1f}", r["pages"], f"{r['html_mb']:.1f}",
                  f"{r['page_kb']:.1f}", f"{r['search_kb']:.0f}", f"{r['search_total_mb']:.2f}"] for r in rows],
                max_width=160))
    print("每页检索载荷：打开一页并使用检索时浏览器下载的索引（kb：本法规一个版本的索引；基线：全站一个索引）。")
    return {"rows": rows}


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="网站生成性能")
    ap.add_argument("corpus_dir", nargs="?")
    ap.add_argument("--n", type=int, default=100)
    a = ap.parse_args()
    run(a.corpus_dir, a.n)
