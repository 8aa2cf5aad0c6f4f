"""kb build with the work of its versions done on every core (kb.pool, kb build --jobs: the catalog's entries,
and the layers of versions whose obligations are not cached yet): the site is the same, file for file, as with
one process, and the versions are then loaded from the layer cache the workers filled (nothing computed twice)."""
from __future__ import annotations

import shutil
import zipfile

import pytest

from conftest import CORPUS, need_shared
from test_site import make_project

#: corpus texts (none of this session's held-out ones)
TEXTS = ["经济法/个人所得税法(2018-08-31).md", "经济法/中国人民银行法(2003-12-27).md",
         "DLC/北京地方法规/地方性法规/北京/北京市全民健身条例.md", "社会法/军人保险法(2012-04-27).md"]


def _regs(tmp_path):
    regs = {}
    for i, t in enumerate(TEXTS, 1):
        src = CORPUS / t
        if not src.is_file():
            pytest.skip(f"语料中没有 {src}")
        d = tmp_path / "src" / f"r{i:03d}"
        d.mkdir(parents=True)
        shutil.copy(src, d / "current.md")
        (d / "meta.yml").write_text(f"title: {src.stem.split('(')[0]}\nversions:\n  - name: current\n"
                                    "    file: current.md\n    status: 现行有效\n", encoding="utf-8")
        regs[d.name] = d
    return regs


def _files(site):
    out = {}
    for p in sorted(site.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(site).as_posix()
        if p.suffix in (".docx", ".xlsx"):          # their parts (the zip's own dates aside)
            with zipfile.ZipFile(p) as z:
                out[rel] = {n: z.read(n) for n in z.namelist()}
        else:
            out[rel] = p.read_bytes()
    return out


@pytest.mark.forks
@pytest.mark.parametrize("catalog", [True, False])
def test_every_core_builds_the_same_site(tmp_path, monkeypatch, catalog):
    from kb import pool
    from kb.cli.site import build_site
    from kb.layers import cache

    need_shared(CORPUS)
    proj = make_project(tmp_path / "p", _regs(tmp_path))
    sites = {}
    for jobs in (1, 2):
        monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / f"layers-{jobs}"))     # every layer computed anew
        cache.clear_memory()
        shutil.rmtree(proj / "site", ignore_errors=True)
        shutil.rmtree(proj / ".kb", ignore_errors=True)
        with pool.using(jobs):
            said = []
            build_site(proj, catalog=catalog, force=True, progress=said.append)
            # the FTS5 catalog extracts the obligations on every core: after it the site's warm-up has none left
            assert any("个进程" in m for m in said) == (pool.jobs(len(TEXTS)) > 1 and not catalog)
        sites[jobs] = _files(proj / "site")
    assert sites[1].keys() == sites[2].keys() and len(sites[1]) > 100
    differ = [k for k in sites[1] if sites[1][k] != sites[2][k]]
    assert not differ, differ[:10]


@pytest.fixture
def warm(tmp_path, monkeypatch):
    """A project of the corpus texts with a layer cache of its own, and what kb build says (kb.site.versions.say)."""
    from kb.layers import cache
    from kb.site import versions

    need_shared(CORPUS)
    proj = make_project(tmp_path / "p", _regs(tmp_path))
    monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / "layers"))
    cache.clear_memory()
    said: list[str] = []
    monkeypatch.setattr(versions, "say", said.append)
    return proj, said


@pytest.mark.forks
def test_the_versions_are_loaded_from_what_the_workers_computed(warm):
    from kb import pool
    from kb.layers import cache
    from kb.project import list_regulations
    from kb.site import versions

    proj, said = warm
    with pool.using(2):
        docs = versions._warm_layers(proj, [(r, v) for r in list_regulations(proj) for v in r.versions])
        assert len(docs) == len(TEXTS) and any("4 个版本，2 个进程" in m for m in said)
        misses = cache.stats["misses"]
        sites, _ = versions.load_versions(proj, None, None)      # warms again: nothing left to compute
    assert len(sites) == len(TEXTS) and all(vs.layers.statements for vs in sites)
    assert cache.stats["misses"] == misses        # every layer read back, none computed here
    assert sum("个进程" in m for m in said) == 1, said


@pytest.mark.forks
def test_a_change_of_other_layers_is_still_spread_over_the_workers(warm):
    """actors.yml keys the obligations layer but not the term layers: after it the versions go to the workers
    again (their obligations are missing), and the loading then computes nothing."""
    from kb import pool
    from kb.layers import cache
    from kb.project import list_regulations
    from kb.site import versions

    proj, said = warm
    every = [(r, v) for r in list_regulations(proj) for v in r.versions]
    with pool.using(2):
        versions._warm_layers(proj, every)
        assert sum("4 个版本，2 个进程" in m for m in said) == 1, said
        (proj / "actors.yml").write_text("actors:\n  - name: 楼栋长\n    kind: individual\n", encoding="utf-8")
        cache.clear_memory()
        versions._warm_layers(proj, every)
        assert sum("4 个版本，2 个进程" in m for m in said) == 2, said
        misses = cache.stats["misses"]
        sites, _ = versions.load_versions(proj, None, None)
    assert cache.stats["misses"] == misses        # the new obligations were computed by the workers
    assert all(vs.layers.registry.get("楼栋长") for vs in sites)
