"""What a built site weighs, as the README states it: the largest full-text page, chapter page and
other page, the pages over the budget (tests/site/test_page_budget.py), the largest 相关条文 file,
and the whole site with and without its downloads.

Run: ``kb build -d /tmp/s && python3 -m kb.dev.page_weight /tmp/s`` (``scripts/build`` writes site/).
"""
from __future__ import annotations

import sys
from pathlib import Path

#: the page budgets of tests/site/test_page_budget.py (a full text, or a regulation without chapters
#: on one page, is the whole regulation)
HTML, FULLTEXT = 120_000, 200_000


def _kind(rel: Path) -> str:
    parts = set(rel.parts)
    if parts & {"fulltext", "text"}:
        return "fulltext"
    return "chapter" if any(p.startswith("chp_") for p in rel.parts) else "other"


def weigh(site: Path) -> dict:
    """The figures above for the site built in ``site``."""
    pages = sorted(p for p in site.rglob("*.html") if p.parent.name != "related")   # not the 相关条文 rows
    largest: dict[str, tuple[int, str]] = {}
    over = []
    for p in pages:
        rel = p.relative_to(site)
        size = p.stat().st_size
        kind = _kind(rel)
        if size > largest.get(kind, (0, ""))[0]:
            largest[kind] = (size, str(rel.parent))
        if size > (FULLTEXT if kind == "fulltext" else HTML):
            over.append((size, str(rel)))
    files = [p for p in site.rglob("*") if p.is_file()]
    panels = [p for p in files if p.parent.name == "related" and p.suffix == ".html"]
    versions = {p.parent for p in site.rglob("search.json") if p.parent != site / "search"}
    return {"pages": len(pages), "largest": largest, "over_budget": sorted(over, reverse=True),
            "html": sum(p.stat().st_size for p in pages),
            "site": sum(p.stat().st_size for p in files),
            "site_without_downloads": sum(p.stat().st_size for p in files if "downloads" not in p.parts),
            "related_files": len(panels), "related_largest": max((p.stat().st_size for p in panels), default=0),
            "versions": len(versions), "regulations": _regulations(site, versions)}


def _regulations(site: Path, versions: set) -> int:
    """How many regulations the site holds: the laws its home page lists (the excerpts of one law — 民法典's 物权编 and
    合同编 — are a row each of one law: ``data-law``), else the regulations' folders."""
    import re

    home = site / "index.html"
    listed = set(re.findall(r'<tr data-level=[^>]* data-law="([^"]*)"', home.read_text(encoding="utf-8"))) if home.is_file() else set()
    return len(listed) or len({v.parent for v in versions})


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("用法：python3 -m kb.dev.page_weight 网站目录（kb build -d 目录 生成的）", file=sys.stderr)
        return 2
    w = weigh(Path(args[0]))
    names = {"fulltext": "最大的全文页", "chapter": "最大的章页", "other": "最大的其他页"}
    print(f"{w['regulations']} 部法规、{w['versions']} 个版本、{w['pages']} 个页面，HTML 共 {w['html'] / 1e6:.1f} MB")
    for kind in ("fulltext", "chapter", "other"):
        if kind in w["largest"]:
            size, where = w["largest"][kind]
            print(f"{names[kind]}：{size / 1000:.0f} KB（{where}）")
    print(f"超出预算的页面（全文页 {FULLTEXT // 1000} KB，其他 {HTML // 1000} KB）：{len(w['over_budget'])} 个")
    for size, where in w["over_budget"][:20]:
        print(f"  {size / 1000:.0f} KB  {where}")
    print(f"相关条文文件：{w['related_files']} 个，最大 {w['related_largest'] / 1000:.1f} KB")
    print(f"网站共 {w['site'] / 1e6:.1f} MB，不含下载文件 {w['site_without_downloads'] / 1e6:.1f} MB"
          f"（每个版本 {w['site_without_downloads'] / max(1, w['versions']) / 1e6:.2f} MB）")
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
