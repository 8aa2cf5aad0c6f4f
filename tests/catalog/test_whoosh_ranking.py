"""The whoosh engine's own top-N ranking machinery: its scan cap, lazily evaluated tiers, the
candidates chosen over the whole catalog, its caches (kb.catalog.whoosh.ranking and internals)."""
from __future__ import annotations

import os

import pytest

from kb.text.numerals import to_chinese
from kb.catalog import SourceSpec, open_catalog
from kb.catalog.whoosh import internals
from kb.catalog.whoosh import ranking as R


@pytest.fixture(scope="module", autouse=True)
def engine():
    """This module's catalogs are whoosh's (the shared fixtures build with ``engine``)."""
    old = os.environ.get("KB_CATALOG_ENGINE")
    os.environ["KB_CATALOG_ENGINE"] = "whoosh"
    yield "whoosh"
    if old is None:
        os.environ.pop("KB_CATALOG_ENGINE", None)
    else:
        os.environ["KB_CATALOG_ENGINE"] = old


def arts(hits):
    return [h.article for h in hits]


# ---------------------------------------------------------------- the whoosh engine's top-N ranking

def test_bonus_tiers_are_evaluated_lazily(seed_cat, monkeypatch):
    """The exact-phrase / all-words bonus tiers and the heading pass must not list every
    matching document up front (whoosh's ConstantScoreQuery does: seconds for
    人民政府 应当 over the corpus); results stay those of the ranking tests."""
    from whoosh.query import ConstantScoreQuery

    def eager(*a, **kw):
        raise AssertionError("ConstantScoreQuery.matcher lists every match")

    before = [(h.eid, h.score) for h in seed_cat.search("居民委员会 协助")]
    monkeypatch.setattr(ConstantScoreQuery, "matcher", eager)
    assert [(h.eid, h.score) for h in seed_cat.search("居民委员会 协助")] == before
    assert seed_cat.search("居民委员会 OR 协助", limit=3)
    assert seed_cat.search("居民委员会 协助")[0].eid == "art_36__para_1__point_2"


def test_capped_scan_keeps_heading_matches(rank_cat, monkeypatch):
    """With the scan cap forced down to one document, heading matches are still scored
    and ranked, and limit=0 still returns every hit."""
    full = rank_cat.search("服务", limit=0)
    monkeypatch.setattr(R, "SCAN_CAP", 1)
    monkeypatch.setattr(R, "SCAN_FLOOR", 1)
    top = rank_cat.search("服务", limit=3)
    assert {5, 7} <= set(arts(top))                 # headings 服务规范, 物业服务
    assert arts(rank_cat.search("服务", limit=0)) == arts(full)
    assert len(full) > len(top)


# ---------------------------------------------------------------- capped ranking is not biased by catalog order

def _synthetic_regulation(title: str, n: int, best: int | None = None) -> str:
    """A plain-text regulation of ``n`` articles, each using 应当 and 人民政府 once in a
    long sentence; article ``best`` (if any) is short and uses them several times."""
    lines = [title, ""]
    filler = "为了规范有关工作，保障各方合法权益，促进经济社会协调发展，结合本地实际情况，"
    for i in range(1, n + 1):
        num = to_chinese(i)
        if i == best:
            text = "县级以上人民政府应当统筹。人民政府应当监督，人民政府应当公开。"
        else:
            text = filler * 2 + f"县级以上人民政府应当做好第{num}项工作。"
        lines += [f"第{num}条 {text}", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def order_cat(tmp_path_factory):
    """Five regulations indexed in order; the best article for 应当 / 人民政府 (short,
    several occurrences) is in the LAST one indexed."""
    base = tmp_path_factory.mktemp("ordercat")
    specs = []
    for k, reg in enumerate(["alpha", "beta", "gamma", "delta", "omega"]):
        f = base / f"{reg}.txt"
        f.write_text(_synthetic_regulation(f"{reg}条例", 40, best=33 if reg == "omega" else None),
                     encoding="utf-8")
        specs.append(SourceSpec(f"{reg}@v1", str(f), {"regulation": reg, "version": "v1"}))
    cat = open_catalog(None, path=base / "catalog", sources=specs)
    cat.build()
    return cat


@pytest.mark.parametrize("q", ["应当", "人民政府", "人民政府 应当", "县级以上 人民政府"])
def test_capped_ranking_is_not_biased_by_catalog_order(order_cat, monkeypatch, q):
    """With the scan cap far below the number of matches (200 articles, cap 20), the top
    hits are chosen over the whole catalog: the best article, in the last regulation
    indexed, comes first as in the uncapped ranking; limit=0 still returns every hit."""
    full = order_cat.search(q, limit=0)
    assert len(full) == 200
    assert (full[0].regulation, full[0].article) == ("omega", 33)
    monkeypatch.setattr(R, "SCAN_CAP", 20)
    monkeypatch.setattr(R, "SCAN_FLOOR", 20)
    top = order_cat.search(q, limit=5)
    assert (top[0].regulation, top[0].article) == ("omega", 33)
    assert [h.score for h in top] == [h.score for h in full[:5]]
    assert len(order_cat.search(q, limit=0)) == 200


def test_postings_cache_keeps_results_and_stays_bounded(order_cat, monkeypatch):
    """Decoded postings and word bounds are cached per searcher: a warm search ranks
    exactly as a cold one, and a cache too small for the frequent words (evicting, or not
    keeping a list at all) changes nothing either; it never holds more than its bound."""
    monkeypatch.setattr(R, "SCAN_CAP", 20)
    monkeypatch.setattr(R, "SCAN_FLOOR", 20)
    qs = ["应当", "人民政府", "人民政府 应当", "县级以上 人民政府", "人民政府 OR 监督"]

    def run():
        return [[(h.regulation, h.article, h.score) for h in order_cat.search(q, limit=5)] for q in qs]

    def caches():
        return order_cat._index.ranker().caches

    order_cat.close()
    cold = run()
    assert caches()["postings"]                      # something was cached
    assert run() == cold
    for size in (150, 10):                           # evicting / too small to keep 应当
        monkeypatch.setattr(R, "CACHE_ENTRIES", size)
        monkeypatch.setattr(internals, "BLOCK_CACHE", size // 10)     # decoded blocks: likewise
        order_cat.close()
        assert run() == cold
        for cache in caches().values():
            assert cache.get(None, 0) <= size
            assert sum(len(v) for k, v in cache.items() if k is not None) == cache.get(None, 0)
    assert [r[0][:2] for r in cold[:4]] == [("omega", 33)] * 4


def test_remember_evicts_oldest_half():
    cache: dict = {}
    old = R.CACHE_ENTRIES
    try:
        R.CACHE_ENTRIES = 10
        for k in "abcd":
            R.remember(cache, k, dict.fromkeys(range(3)))
        # a, b, c fill 9 of 10: d evicts the oldest half of them (a)
        assert [k for k in cache if k is not None] == ["b", "c", "d"] and cache[None] == 9
        R.remember(cache, "e", dict.fromkeys(range(8)))        # evicts b, then c and d
        assert [k for k in cache if k is not None] == ["e"] and cache[None] == 8
        R.remember(cache, "big", dict.fromkeys(range(11)))     # larger than the cache: not kept
        assert "big" not in cache and cache[None] == 8
    finally:
        R.CACHE_ENTRIES = old


@pytest.mark.parametrize("q", ["经费 应当", "服务 应当", "物业 应当", "居民 应当", "经费 OR 物业"])
def test_capped_and_query_keeps_word_found_only_in_heading(rank_cat, monkeypatch, q):
    """With the candidate path forced (cap of one) but as many candidates verified as it
    takes, an AND query's candidates are the documents with every word in their text,
    plus the heading/defined-term matches: the top 5 is the full ranking's, and an
    article whose heading alone has a word (第二条, 经费保障) is not lost."""
    full = rank_cat.search(q, limit=0)
    monkeypatch.setattr(R, "SCAN_CAP", 1)
    monkeypatch.setattr(R, "SCAN_FLOOR", 1)
    init = R.Popper.__init__

    def uncapped(self, heap, cap, heads=()):
        init(self, heap, 10 ** 6, heads)

    monkeypatch.setattr(R.Popper, "__init__", uncapped)
    used = []
    cands = R.Ranker.candidates
    def counted(*a, **k):
        r = cands(*a, **k)
        used.append(r is not None)
        return r

    monkeypatch.setattr(R.Ranker, "candidates", counted)
    top = rank_cat.search(q, limit=5)
    assert [(h.article, h.score) for h in top] == [(h.article, h.score) for h in full[:5]]
    assert used and all(used) and len(top) == min(5, len(full))
    if q == "经费 应当":
        assert 2 in arts(top)
