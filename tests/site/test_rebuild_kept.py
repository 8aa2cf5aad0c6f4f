"""What a kb build after one text changed does not do again for the regulations it keeps (issue 17): their
bigrams in the knowledge-base map are read as the last build kept them, keyed by their index's bytes; their term
uses and back-references, which only their own pages show, are never worked out; and the site's model, read
once, is set aside from the garbage collector while the pages are made, and given back to it afterwards."""
from __future__ import annotations

import gc
import hashlib
import json

from conftest import ROOT
from test_incremental_build import project


def _map(site):
    manifest = json.loads((site / "search" / "kb.json").read_bytes())
    shards = [json.loads((site / "search" / f"kb-{i}.json").read_bytes()) for i in range(manifest["shards"])]
    return manifest, shards


def test_the_map_reads_each_regulations_bigrams_as_the_last_build_kept_them(tmp_path, corpus_files, monkeypatch):
    from kb.cli.site import build_site

    # a cache of this test's own: the session's may have been found not private by a test before (kb.layers.cache)
    monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / "cache"))
    from kb.layers.cache import read_state, write_state
    from kb.site.plugin import KB_MAP_STATE
    from kb.site.search_index import reg_bigrams, shard_of

    proj = project(tmp_path)
    site = proj / "site"
    build_site(proj, catalog=False)
    assert gc.get_freeze_count() == 0, "after the build the model is the collector's again (kb serve goes on)"
    text = proj / "regulation" / "r002" / "current.md"
    text.write_text(text.read_text(encoding="utf-8").replace("。", "紫藤花条款。", 1), encoding="utf-8")
    assert build_site(proj, catalog=False)["rebuilt"] == {"r002"}
    manifest, shards = _map(site)
    # what the build kept: each regulation's bigrams as its title and index (the file the site serves) give them
    kept = read_state(proj, KB_MAP_STATE)
    assert len(kept) == len(manifest["regs"]) == 3
    for url, title, _, _ in manifest["regs"]:
        data = (site / url).read_bytes()
        key = hashlib.sha1(f"{title}\0{hashlib.sha1(data).hexdigest()}".encode()).hexdigest()
        assert kept[key] == reg_bigrams(title, json.loads(data)), url
    # the changed text's bigrams are its new ones, not those kept for its old index
    r002 = next(i for i, reg in enumerate(manifest["regs"]) if reg[0].startswith("r002/"))
    assert shards[shard_of("紫藤", manifest["shards"])]["紫藤"] == [r002]
    # kept bigrams that are not what the build keeps (damaged) are worked out again: the same map
    write_state(proj, KB_MAP_STATE, {k: v[:-1] if i % 2 else 7 for i, (k, v) in enumerate(kept.items())})
    assert build_site(proj, catalog=False, force=True)["rebuilt"] == "full"
    assert _map(site) == (manifest, shards)
    assert read_state(proj, KB_MAP_STATE) == kept


def test_a_versions_term_uses_and_back_references_are_worked_out_when_a_page_asks(corpus_files):
    from kb.layers import links
    from kb.project import find_root, load, resolve
    from kb.site.version_layers import _by_article, load_layers

    doc = load(resolve(find_root(ROOT), "suining-community@draft"))
    layers = load_layers(doc, ROOT)
    assert not {"term_uses", "_backrefs"} & set(vars(layers)), "not worked out while the site is loaded"
    uses: dict = {}
    for u in links.term_uses(doc):
        uses.setdefault(u.eid, []).append(u)
    assert layers.term_uses == uses and uses
    assert (layers.backrefs, layers.backref_parts) == _by_article(links.backrefs(doc)) and layers.backrefs
    # a worker filling the layer cache for the build works out everything
    assert {"term_uses", "_backrefs"} <= set(vars(load_layers(doc, ROOT, everything=True)))


def test_a_build_that_stops_gives_the_model_back_to_the_collector(tmp_path, monkeypatch):
    """kb serve goes on after a build that failed (a page that cannot be made): what on_config set aside from the
    collector is given back then too."""
    import pytest

    from kb.cli.site import build_site
    from kb.errors import KbError
    from kb.site import plugin
    from test_site import make_project

    proj = make_project(tmp_path / "p", {"suining-community": ROOT / "regulation" / "suining-community"},
                        "      downloads: false\n")

    def fails(plan, env, url, info):
        assert gc.get_freeze_count() > 0, "set aside while the pages are made"
        raise RuntimeError("页面做不出来")

    monkeypatch.setattr(plugin, "render_page", fails)
    with pytest.raises((KbError, RuntimeError)):
        build_site(proj, catalog=False)
    assert gc.get_freeze_count() == 0
