"""The catalog: incremental and atomic builds, staleness, interrupted builds, and the CLI."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import ROOT, copy_seed
from kb.catalog import fingerprints, open_catalog

pytestmark = pytest.mark.usefixtures("engine")       # each test on each engine (conftest.py)


@pytest.fixture(autouse=True)
def fixed_layers(monkeypatch):
    """Other modules (kb.links, kb.obligations …) may be edited while these tests run; their
    signature is pinned so that "incremental" stays incremental within a test."""
    monkeypatch.setattr(fingerprints, "layer_signature", lambda: {"pinned": "1"})
    monkeypatch.setattr(fingerprints, "layer_stats", lambda: {"pinned": [1, 1]})


@pytest.fixture()
def proj(tmp_path):
    """A copy of the seed project (mkdocs.yml + the seed regulation) in tmp_path."""
    p = tmp_path / "proj"
    (p / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", p / "mkdocs.yml")
    copy_seed(p / "regulation" / "suining-community")
    return p


def _edit(path, old, new):
    t = path.read_text(encoding="utf-8")
    assert old in t
    path.write_text(t.replace(old, new, 1), encoding="utf-8")


def test_build_incremental_and_stale(proj):
    cat = open_catalog(proj)
    assert cat.is_stale() and not cat.exists()
    s = cat.build()
    assert s["added"] == ["suining-community@draft"] and s["entries"] >= 45
    assert (proj / ".kb" / "catalog" / "CURRENT").is_file()
    assert not cat.is_stale() and cat.stale_reasons() == []
    # nothing changed: nothing re-indexed
    s = cat.build()
    assert s["unchanged"] == 1 and not s["added"] and not s["updated"]
    # touching without changing content is not a change
    src = proj / "regulation" / "suining-community" / "draft.txt"
    os.utime(src, (time.time() + 5, time.time() + 5))
    assert not cat.is_stale()
    # a real edit is
    _edit(src, "研究解决社区发展治理中的重大问题", "研究解决社区发展治理中的重大问题和紫藤花问题")
    assert cat.is_stale() and "源文件已修改" in cat.stale_reasons()[0]
    assert cat.search("紫藤花") == []
    s = cat.build()
    assert s["updated"] == ["suining-community@draft"] and not s["full"]
    assert not cat.is_stale()
    assert [h.citation for h in cat.search("紫藤花")] == ["第四条第一款"]
    # the old version's entries were replaced, not duplicated
    assert len(cat.search("紫藤花", type="paragraph", limit=0)) == 1


def test_new_version_and_regulation(proj):
    cat = open_catalog(proj)
    cat.build()
    reg = proj / "regulation" / "suining-community"
    text = (reg / "draft.txt").read_text(encoding="utf-8").replace("居民公约", "居民守则")
    (reg / "v2.txt").write_text(text, encoding="utf-8")
    with open(reg / "meta.yml", "a", encoding="utf-8") as f:
        f.write("  - name: v2\n    label: 第二稿\n    file: v2.txt\n    status: 草案第二稿\n")
    assert "元数据" in cat.stale_reasons()[0]
    s = cat.build()
    assert s["added"] == ["suining-community@v2"]
    assert s["updated"] == ["suining-community@draft"]     # no longer the latest version
    # default: latest version only; --version picks one; "all" every version
    assert {h.version for h in cat.search("居民守则", limit=0)} == {"v2"}
    assert cat.search("居民公约") == []
    assert {h.version for h in cat.search("居民公约", version="draft", limit=0)} == {"draft"}
    assert {h.version for h in cat.search("社区", version="all", limit=0)} == {"draft", "v2"}
    assert cat.search("居民守则")[0].status == "草案第二稿"
    # a regulation removed from the project disappears from the catalog
    shutil.rmtree(reg)
    assert cat.is_stale()
    s = cat.build()
    assert set(s["removed"]) == {"suining-community@draft", "suining-community@v2"}
    assert cat.search("社区") == []


def test_interrupted_build_keeps_old_catalog(proj):
    cat = open_catalog(proj)
    cat.build()
    before = [h.eid for h in cat.search("经费")]
    src = proj / "regulation" / "suining-community" / "draft.txt"
    _edit(src, "研究解决社区发展治理中的重大问题", "研究解决社区发展治理中的紫藤花问题")

    def boom(done, total, key):
        raise RuntimeError("模拟中断")

    with pytest.raises(RuntimeError):
        cat.build(progress=boom)
    assert [p.name for p in (proj / ".kb" / "catalog").iterdir() if p.name.startswith("tmp-")] == []
    fresh = open_catalog(proj)
    assert [h.eid for h in fresh.search("经费")] == before
    assert fresh.search("紫藤花") == [] and fresh.is_stale()
    assert fresh.build()["updated"] == ["suining-community@draft"]
    assert fresh.search("紫藤花")


def test_crash_mid_build_keeps_old_catalog(proj):
    """A process killed in the middle of writing the new index (no cleanup runs)."""
    cat = open_catalog(proj)
    cat.build()
    before = [h.eid for h in cat.search("经费")]
    current = (proj / ".kb" / "catalog" / "CURRENT").read_text()
    _edit(proj / "regulation" / "suining-community" / "draft.txt", "研究解决社区发展治理中的重大问题",
          "研究解决社区发展治理中的紫藤花问题")
    code = ("import os, sys\nfrom kb.catalog import open_catalog\n"
            "def crash(*a):\n    os._exit(9)\n"
            f"open_catalog({str(proj)!r}).build(progress=crash)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 9, r.stderr
    left = [p for p in (proj / ".kb" / "catalog").iterdir() if p.name.startswith("tmp-")]
    assert left, "the crashed build should have left its half-written directory"
    assert (proj / ".kb" / "catalog" / "CURRENT").read_text() == current
    fresh = open_catalog(proj)
    assert [h.eid for h in fresh.search("经费")] == before and fresh.is_stale()
    fresh.build()
    assert not [p for p in (proj / ".kb" / "catalog").iterdir() if p.name.startswith("tmp-")]
    assert fresh.search("紫藤花")


def test_layers_are_catalogued(proj):
    cat = open_catalog(proj)
    s = cat.build()
    assert "links" in s["layers"]
    assert {h.term for h in cat.search("社区", type="definition", limit=0)} >= {"社区", "社区发展治理"}


# ---------------------------------------------------------------- CLI

def _kb(proj, *args, env=None):
    e = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONWARNINGS="default")
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(proj), *args],
                          capture_output=True, text=True, timeout=120, env=e)


def test_cli_index_search_formats(proj):
    r = _kb(proj, "index")
    assert r.returncode == 0 and "检索目录已更新" in r.stdout, r.stderr
    r = _kb(proj, "search", "经费", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["count"] >= data["shown"] == len(data["hits"]) > 0
    for h in data["hits"]:
        for k in ("eid", "article", "citation", "type", "score", "snippet", "marks", "regulation", "version",
                  "path", "label", "heading", "line"):
            assert k in h
        for s, e in h["marks"]:
            assert h["snippet"][s:e] == "经费"
    r = _kb(proj, "search", "社区", "--limit", "0", "--format", "csv")
    lines = r.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("序号,法规,版本,标识,条,出处,类型,得分")
    n_all = len(lines) - 1
    assert n_all == len(open_catalog(proj).search("社区", limit=0)) > 10
    r = _kb(proj, "search", "社区", "--type", "definition")
    assert r.returncode == 0 and "定义：社区" in r.stdout
    r = _kb(proj, "search", "居民委员会", "协助", "-n", "1")
    assert r.returncode == 0 and "第三十六条第二项" in r.stdout
    # nothing found: exit 1; malformed: exit 2 with a message, never a traceback
    r = _kb(proj, "search", "紫藤花")
    assert r.returncode == 1 and "没有找到" in r.stderr
    for q in ['"居民', "NOT", "社区 OR", "x" * 300]:
        r = _kb(proj, "search", q)
        assert r.returncode == 2 and r.stderr.startswith("错误："), (q, r.stderr)
        assert "Traceback" not in r.stderr
    assert "Warning" not in r.stderr


def test_cli_stale_notice_and_autobuild(proj):
    r = _kb(proj, "search", "经费")            # no catalog yet: built on the fly
    assert r.returncode == 0 and "正在建立" in r.stderr
    assert "SyntaxWarning" not in r.stderr and "Warning" not in r.stderr
    _edit(proj / "regulation" / "suining-community" / "draft.txt", "研究解决社区发展治理中的重大问题",
          "研究解决社区发展治理中的紫藤花问题")
    r = _kb(proj, "search", "经费")
    assert r.returncode == 0 and "检索目录已过期" in r.stderr and "kb index" in r.stderr
    _kb(proj, "index")
    r = _kb(proj, "search", "经费")
    # (kb.links/kb.obligations may be edited by others while this runs: only that may remain)
    assert "过期" not in r.stderr or "分析模块已更新" in r.stderr


def test_cli_bold_matches(proj):
    from click.testing import CliRunner

    from kb.cli import cli

    open_catalog(proj).build()
    r = CliRunner().invoke(cli, ["--root", str(proj), "search", "经费"], color=True)
    assert r.exit_code == 0
    assert "\x1b[1m" in r.output and "经费\x1b[0m" in r.output
    plain = CliRunner().invoke(cli, ["--root", str(proj), "search", "经费"])
    assert "\x1b[" not in plain.output


def test_cli_search_imports_nothing_heavy(proj, engine):
    open_catalog(proj).build()
    r = _kb(proj, "search", "经费")
    assert r.returncode == 0
    e = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "kb.cli", "--root", str(proj), "search", "经费"],
                       capture_output=True, text=True, timeout=120, env=e)
    mods = {line.split("|")[-1].strip() for line in r.stderr.splitlines() if line.startswith("import time:")}
    # the engine's own reading modules only: whoosh's searching, or sqlite3 (not both, never the build)
    assert ("whoosh.searching" if engine == "whoosh" else "sqlite3") in mods
    other = "sqlite3" if engine == "whoosh" else "whoosh"
    for heavy in ("jieba", "lxml", "yaml", "asyncio", "urllib.request", "kb.text.parse", "kb.layers.links",
                  "kb.layers.obligations", "kb.catalog.entries", "kb.catalog.building", f"kb.catalog.{engine}.build",
                  other, "jinja2"):
        assert heavy not in mods, heavy


def _cols(s: str) -> int:
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)


def test_cli_table_fits_100_columns_and_unknown_filters(proj):
    open_catalog(proj).build()
    r = _kb(proj, "search", "居民委员会", "协助", env={"COLUMNS": "100"})
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith(" 1. 第三十六条第二项（部门违法责任）")
    assert all(_cols(x) <= 100 for x in lines), [x for x in lines if _cols(x) > 100]
    # a long snippet goes on over indented lines; nothing of it is lost
    body = [x for x in lines if x.startswith("    ")]
    assert len(body) > sum(1 for x in lines if x[:3].strip().rstrip(".").isdigit())
    assert "依照法律法规协助街道办事处" in "".join(x.strip() for x in body)
    # a misspelt filter value is bad input (exit 2, with the known values), not "nothing found"
    for args, msg in ((("--regulation", "suining"), "没有法规“suining”；已有：suining-community"),
                      (("--version", "v9"), "没有版本“v9”；已有：draft"),
                      (("--chapter", "第九章"), "没有章“9”"),
                      (("--chapter", "第二编第三章"), "没有章“part_2__chp_3”")):
        r = _kb(proj, "search", "社区", *args)
        assert r.returncode == 2 and "\n错误：" in "\n" + r.stderr and msg in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr
    r = _kb(proj, "search", "社区 regulation:suining")
    assert r.returncode == 2 and "没有法规“suining”" in r.stderr
    r = _kb(proj, "search", "紫藤花", "--regulation", "suining-community")
    assert r.returncode == 1 and "没有找到" in r.stderr


def test_cli_obligation_table_in_chinese(proj):
    open_catalog(proj).build()
    r = _kb(proj, "search", "协助", "--type", "obligation", "--actor", "居委会", "-n", "1")
    assert r.returncode == 0, r.stderr
    assert "第十五条第一款（协助事项清单）  义务：居民委员会（应当）" in r.stdout
    assert "obligation" not in r.stdout


def test_terms_of_an_article_are_listed_once_each_in_order():
    """The catalog's terms per article, first definition first, each once (kept in a dict's keys:
    a list searched before each append was quadratic in kb bench linear's terms shape, issue 18)."""
    from kb.catalog.entries import _terms_by_article
    from kb.layers.links.records import Definition

    def d(term, eid):
        return Definition(term, eid, None, None, None, "", None, 0, len(term), 1)

    got = _terms_by_article([d("乙", "art_2__para_1"), d("甲", "art_2__para_2"), d("乙", "art_2"), d("丙", "art_3"),
                             d("", "art_4"), d("丁", "")])
    assert got == {"art_2": ["乙", "甲"], "art_3": ["丙"]}
