"""A regulation's pages carry its own tree only (kb.site.page_nav): their HTML does not grow
with the number of other regulations in the knowledge base, and names none of them (but the footer's 下一页 on its last page); the site's
own pages keep the whole (grouped) navigation."""
from __future__ import annotations

from conftest import CORPUS
from test_site import make_project


def built(tmp_path, corpus_files, n):
    from kb.cli.site import build_site
    from kb.dev.bench_site import corpus_project

    src = corpus_project(tmp_path / f"c{n}", CORPUS, n)
    regs = {d.name: d for d in sorted((src / "regulation").iterdir())}
    proj = make_project(tmp_path / f"p{n}", regs, "      downloads: false\n")
    build_site(proj, catalog=False)
    return proj / "site", regs


def titles(regs) -> dict[str, str]:
    import yaml

    return {rid: yaml.safe_load((d / "meta.yml").read_text(encoding="utf-8"))["title"] for rid, d in regs.items()}


def test_page_html_does_not_grow_with_other_regulations(tmp_path, corpus_files):
    small, regs_small = built(tmp_path, corpus_files, 2)
    big, regs_big = built(tmp_path, corpus_files, 16)
    assert titles(regs_small)["r001"] == titles(regs_big)["r001"]       # the same first text
    pages = sorted(p.relative_to(small / "r001") for p in (small / "r001").rglob("*.html"))
    assert len(pages) > 5
    names = titles(regs_big)
    for rel in pages:
        a, b = (small / "r001" / rel).read_text(encoding="utf-8"), (big / "r001" / rel).read_text(encoding="utf-8")
        assert abs(len(a) - len(b)) < 300, (rel, len(a), len(b))
        others = {rid for rid in names if rid != "r001" and f"/{rid}/current/" in b}
        assert len(others) <= 1, (rel, others)     # at most the footer's 下一页 into the next regulation
    home = (big / "index.html").read_text(encoding="utf-8")
    assert all(f"{rid}/current/" in home for rid in names), "the site's home page still reaches every regulation"
