"""kb.text.gcpause: the cyclic collector paused while the tree, a layer or the catalog's entries
are made (their time grew faster than the text through repeated full collections: kb bench
linear's terms shape), and running again afterwards."""
import gc

from kb.layers import cache
from kb.text.gcpause import gc_paused
from kb.text.parse import parse_text


def test_paused_inside_restored_after_even_when_nested_or_raising():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()          # the inner block does not restart it
    assert gc.isenabled()
    try:
        with gc_paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_layer_is_computed_with_the_collector_paused(monkeypatch):
    monkeypatch.setenv("KB_LAYER_CACHE", "off")
    doc = parse_text("第一条　甲。\n")
    seen = []
    assert cache.layer(doc, "test.gcpause", lambda: seen.append(gc.isenabled()) or 1, "x") == 1
    assert seen == [False] and gc.isenabled()


def test_the_catalog_entries_are_made_with_the_collector_paused(monkeypatch):
    from kb.catalog import entries
    from kb.catalog.interface import SourceSpec

    seen = []
    real = entries._article_entry
    monkeypatch.setattr(entries, "_article_entry", lambda *a: seen.append(gc.isenabled()) or real(*a))
    entries.doc_entries(parse_text("第一条　甲。\n"), SourceSpec("t@1", "t.txt", {}))
    assert seen == [False] and gc.isenabled()
