"""Cross-link layer on the real seed (gold files hand-checked), on a pattern text, and on the corpus."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS, DATA, ROOT, need_shared
from kb.layers import links
from kb.text.parse import parse_file
from kb.dev.score_links import gold, predicted, corpus_stats

LDATA = DATA / "links"
SEED_TERMS = ["社区发展治理", "社区", "社区综合服务设施", "社区服务", "社会组织", "社区社会组织", "社会企业"]


@pytest.fixture(scope="module")
def pat():
    return parse_file(str(LDATA / "patterns.txt"))


def test_seed_has_exactly_seven_definitions(seed_doc):
    defs = links.definitions(seed_doc)
    assert [d.term for d in defs] == SEED_TERMS
    assert all(d.scope is None for d in defs)
    d = {x.term: x for x in defs}
    assert d["社区"].eid == "art_2__para_3" and d["社区"].definition.startswith("依法设立的居民委员会")
    assert d["社区综合服务设施"].eid == "art_40__para_1"     # 本条例所称的X是指
    assert d["社会组织"].definition.startswith("经民政部门登记的")


def test_seed_matches_gold(seed_doc):
    g, p = gold(), predicted(seed_doc)
    for k in ("definitions", "uses", "references"):
        assert p[k] == g[k], (k, sorted(p[k] - g[k])[:5], sorted(g[k] - p[k])[:5])


def test_seed_uses_longest_first_and_not_in_own_definition(seed_doc):
    uses = links.term_uses(seed_doc)
    by = {(u.eid, u.start): u.term for u in uses}
    text = seed_doc.get("art_28__para_1").text
    i = text.index("社区社会组织")
    assert by[("art_28__para_1", i)] == "社区社会组织"
    assert ("art_28__para_1", i + 2) not in by and ("art_28__para_1", i) in by     # no 社会组织 inside
    # 城乡社区综合服务设施: the inner defined term is a use
    assert by[("art_35__para_1", 2)] == "社区综合服务设施"
    # 社区居民 (not a defined term) contains a use of 社区
    t = seed_doc.get("art_23__para_2").text
    assert by[("art_23__para_2", t.index("社区居民"))] == "社区"
    # the definienda are not uses, nor 社区服务 inside the definition of 社区服务
    for d in links.definitions(seed_doc):
        assert (d.eid, d.start) not in by
    art41 = [u for u in uses if u.eid == "art_41__para_1"]
    assert {u.term for u in art41} == {"社区"}
    # nothing inside a title 《…》
    assert not [u for u in uses if u.eid == "art_1__para_1" and u.start > 40]
    assert len(uses) == 87          # 社区矫正、社区教育、社区就业 begin other nouns (issue 12)


def test_seed_references(seed_doc):
    refs = links.references(seed_doc)
    r15 = [r for r in refs if r.eid.startswith("art_15")]
    assert [(r.text, r.targets) for r in r15] == [
        ("下列", [f"art_15__para_1__point_{i}" for i in range(1, 5)]),
        ("前款", ["art_15__para_1"]),
        ("前款", ["art_15__para_2"]),             # literal: the paragraph just before
    ]
    ext = [r for r in refs if r.kind == "external"]
    assert [(r.text, r.target) for r in ext] == [
        ("《中华人民共和国城市居民委员会组织法》", "中华人民共和国城市居民委员会组织法"),
        ("民法典", "中华人民共和国民法典")]
    assert sum(r.kind == "self" for r in refs) == 15
    assert not links.link_warnings(seed_doc)
    back = links.backrefs(seed_doc)
    assert [r.eid for r in back["art_15__para_1"]] == ["art_15__para_2"]


def test_patterns_definitions(pat):
    defs = {d.term: d for d in links.definitions(pat)}
    assert set(defs) == {"网格", "网格员", "服务站", "公共活动场所", "居民议事会", "楼栋长"}
    assert defs["网格"].definition == defs["网格员"].definition        # 分别是指, quoted terms
    assert defs["公共活动场所"].scope == "art_3__para_1"              # 前款所称
    assert defs["居民议事会"].eid == "art_6__para_1__point_1"         # X，是指 in 附则


def test_patterns_uses_respect_scope(pat):
    uses = links.term_uses(pat)
    scoped = [u.eid for u in uses if u.term == "公共活动场所"]
    assert scoped == ["art_3__para_1"]          # not art_5 (out of the 前款 scope)
    # 网格员 is never counted as 网格
    for u in uses:
        t = pat.get(u.eid).text
        if u.term == "网格":
            assert t[u.end:u.end + 1] != "员"


def _refs(doc):
    return [(r.eid, r.text, r.kind, [links.dotted(t) for t in r.targets] if r.kind == "internal" else r.targets,
             r.pinpoint) for r in links.references(doc)]


def test_patterns_references(pat):
    got = _refs(pat)
    want = [
        ("art_1__para_1", "《中华人民共和国行政处罚法》", "external", ["中华人民共和国行政处罚法"], None),
        ("art_1__para_1", "《行政许可法》", "external", ["中华人民共和国行政许可法"], None),
        ("art_1__para_1", "《全国人民代表大会常务委员会关于修改〈中华人民共和国土地管理法〉的决定》", "external",
         ["全国人民代表大会常务委员会关于修改《中华人民共和国土地管理法》的决定"], None),
        ("art_1__para_1", "民法典", "external", ["中华人民共和国民法典"], None),
        ("art_1__para_1", "本条例", "self", [], None),
        ("art_2__para_1", "本条例", "self", [], None),
        ("art_2__para_2", "本条例", "self", [], None),
        ("art_3__para_2", "前款", "internal", ["3.1"], None),
        ("art_4__para_1", "下列", "internal", ["4.1.1", "4.1.2", "4.1.3"], None),
        ("art_4__para_2", "前款第二项", "internal", ["4.1.2"], None),
        ("art_4__para_3", "本条第一款第三项", "internal", ["4.1.3"], None),
        ("art_4__para_3", "本条例第五条", "internal", ["5"], None),
        ("art_5__para_1", "本条例第四条第一款第二项", "internal", ["4.1.2"], None),
        ("art_5__para_1", "第三项", "internal", ["4.1.3"], None),
        ("art_5__para_1", "前条", "internal", ["4"], None),
        ("art_5__para_1", "第三条至第四条", "internal", ["3", "4"], None),
        ("art_5__para_2", "第二条第一款", "internal", ["2.1"], None),
        ("art_5__para_2", "《中华人民共和国刑法》第二百条", "external", ["中华人民共和国刑法"], "第二百条"),
        ("art_5__para_3", "前两款", "internal", ["5.1", "5.2"], None),
        ("art_5__para_3", "本款", "internal", ["5.3"], None),
        ("art_5__para_3", "本章", "internal", ["chp_1"], None),
        ("art_5__para_3", "第二章", "internal", ["chp_2"], None),
        ("art_5__para_3", "第九十条", "internal", [], None),
        ("art_5__para_3", "民法典第一千条", "external", ["中华人民共和国民法典"], "第一千条"),
        ("art_6__para_1", "本条例", "self", [], None),
        ("art_6__para_1", "下列", "internal", ["6.1.1", "6.1.2"], None),
        ("art_7__para_1", "本条例", "self", [], None),
    ]
    assert got == want


def test_dangling_reference_is_a_warning_not_a_crash(pat):
    w = links.link_warnings(pat)
    assert len(w) == 1 and w[0].line == 31 and "第九十条" in w[0].message
    assert w[0].file.endswith("patterns.txt") and str(w[0]).startswith(w[0].file + ":31:")


def test_prose_is_not_a_reference():
    doc = links_doc("第一条 市人民政府对基本项目和前三项污染物给予支持，乘客不得上下列车。\n")
    assert [(r.text, r.kind) for r in links.references(doc)] == []


def links_doc(text):
    from kb.text.parse import parse_text
    return parse_text(text, "<test>")


def test_export_layer_keys(seed_doc):
    out = links.export_layer(seed_doc)
    assert set(out) == {"definitions", "references", "uses"}
    d = out["definitions"][1]
    assert {k: d[k] for k in ("term", "article", "paragraph", "scope", "eid")} == {
        "term": "社区", "article": 2, "paragraph": 3, "scope": None, "eid": "art_2__para_3"}
    r = next(x for x in out["references"] if x["text"] == "前款")
    assert {k: r[k] for k in ("article", "paragraph", "item", "kind", "targets", "target", "eid")} == {
        "article": 15, "paragraph": 2, "item": None, "kind": "internal", "targets": ["15.1"],
        "target": "15.1", "eid": "art_15__para_2"}
    xia = next(x for x in out["references"] if x["text"] == "下列")
    assert xia["targets"] == ["15.1.1", "15.1.2", "15.1.3", "15.1.4"] and xia["target"] is None
    ext = next(x for x in out["references"] if x["kind"] == "external")
    assert ext["target"] == "中华人民共和国城市居民委员会组织法"
    assert out["uses"][0] == {"term": "社区发展治理", "eid": "art_1__para_1", "start": 4, "end": 10}
    json.dumps(out, ensure_ascii=False)


def test_laws_normalisation():
    from kb.layers.laws import normalise_title, match_key
    assert normalise_title("民法典") == "中华人民共和国民法典"
    assert normalise_title("《行政诉讼法》") == "中华人民共和国行政诉讼法"
    assert normalise_title("四川省城乡规划条例") == "四川省城乡规划条例"
    assert normalise_title("城市居民委员会组织法") == "中华人民共和国城市居民委员会组织法"
    assert normalise_title("北京市实施〈矿山安全法〉办法") == "北京市实施《矿山安全法》办法"
    assert normalise_title("反分裂国家法") == "反分裂国家法"
    assert match_key("中华人民共和国刑法(2020-12-26)") == "中华人民共和国刑法"


def test_external_links_to_corpus(seed_doc):
    need_shared(CORPUS)
    from kb.layers.laws import law_index
    idx = law_index(corpus=CORPUS)
    refs = links.references(seed_doc, idx)
    civ = next(r for r in refs if r.text == "民法典")
    assert civ.link and civ.link.endswith("民法典")        # a code split over the files of one folder
    rc = next(r for r in refs if r.kind == "external" and "居民委员会" in r.target)
    assert rc.link and "城市居民委员会组织法" in rc.link


def test_corpus_internal_references(corpus_files):
    st = corpus_stats(CORPUS)
    total = st["resolved"] + st["unresolved"]
    print(f"\ncorpus: {total} internal references, resolved {st['resolved']}, unresolved {st['unresolved']}")
    assert total > 10000
    assert st["resolved"] / total > 0.99
    # every unresolved reference is in the hand-checked sample file, with a reason
    rows = [l.split("\t") for l in (LDATA / "corpus_unresolved.tsv").read_text(encoding="utf-8").splitlines()
            if l and not l.startswith("#")]
    known = {(r[0], int(r[1]), r[2]) for r in rows}
    assert all(r[4] and r[4] != "UNCLASSIFIED" for r in rows)
    new = [(u["file"], u["line"], u["text"]) for u in st["unresolved_refs"]
           if (u["file"], u["line"], u["text"]) not in known]
    assert not new, f"新的无法解析的引用（需核对并记录原因）：{new[:10]}"
    now = {(u["file"], u["line"], u["text"]) for u in st["unresolved_refs"]}
    # a held-out text's rows stay (corpus_stats does not open it this session; the fourteenth session's draw
    # took 民法典 侵权责任编, whose 本编 row is checked and kept for when the text is tuning again)
    from kb.dev.heldout import may_read

    stale = sorted(k for k in known - now if may_read(k[0]))
    assert not stale, f"已能解析、应从 corpus_unresolved.tsv 删除的行：{stale[:10]}"


def test_corpus_stats_never_open_a_held_out_text(tmp_path, monkeypatch):
    """The corpus measure (kb.dev.score_links.corpus_stats, run by the test above on the shared corpus) leaves out
    the texts held out this session without opening them: it parsed every file (review 9)."""
    from kb.dev import heldout
    from kb.text import parse

    for name in ("甲条例", "乙条例"):
        (tmp_path / f"{name}.md").write_text(f"# {name}\n\n第一条 依照本条例第二条的规定执行。\n\n第二条 本条例自公布之日起施行。\n",
                                             encoding="utf-8")
    monkeypatch.setattr(heldout, "HELD_OUT_FILES", ("北京/乙条例.md",))
    opened = []
    real = parse.parse_file
    monkeypatch.setattr(parse, "parse_file", lambda f, *a, **k: opened.append(f) or real(f, *a, **k))
    st = corpus_stats(tmp_path)
    assert [p.rsplit("/", 1)[-1] for p in opened] == ["甲条例.md"]
    assert st["files"] == 1 and st["resolved"] == 1


def test_corpus_hand_checked_samples():
    need_shared(CORPUS)
    from kb.dev.score_links import score_checked
    res = score_checked(CORPUS)
    for k, (ok, tot) in res.items():
        assert tot >= 50 and ok == tot, (k, ok, tot)


def test_external_links_to_regulation_folder():
    from kb.layers.laws import law_index
    from kb.text.parse import parse_text
    from conftest import ROOT
    doc = parse_text("第一条 依照《遂宁市社区发展治理促进条例》第十五条和《四川省不存在条例》办理。\n", "<t>")
    refs = links.references(doc, law_index(root=ROOT))
    assert [(r.text, r.link) for r in refs] == [
        ("《遂宁市社区发展治理促进条例》第十五条", "suining-community"), ("《四川省不存在条例》", None)]
    assert refs[0].pinpoint == "第十五条"


def test_the_linked_references_are_the_unlinked_ones_read_once(monkeypatch):
    """kb build asks for a text's references twice, unlinked (the catalog's cites) and linked through the law
    index (the site): the text is read once, the linked ones are copies of the unlinked with each other law
    looked up, and the unlinked stay unlinked."""
    import uuid

    from kb.layers.laws import law_index
    from kb.layers.links import internal
    from kb.text.parse import parse_text

    reads = []
    find = internal._find
    monkeypatch.setattr(internal, "_find", lambda doc: reads.append(doc) or find(doc))
    # a text of its own (the layer cache keys by the text): nothing is found in the cache
    doc = parse_text(f"测试{uuid.uuid4().hex}条例\n"
                     "第一条 为了实施《遂宁市社区发展治理促进条例》第十五条和《四川省不存在条例》，制定本条例。\n"
                     "第二条 违反本条例第一条的，依照《遂宁市社区发展治理促进条例》第九百九十九条处理。\n", "<t>")
    unlinked = links.references(doc)
    linked = links.references(doc, law_index(root=ROOT))
    assert len(reads) == 1
    assert [(r.kind, r.text) for r in linked] == [(r.kind, r.text) for r in unlinked] == [
        ("external", "《遂宁市社区发展治理促进条例》第十五条"), ("external", "《四川省不存在条例》"),
        ("self", "本条例"), ("internal", "本条例第一条"), ("external", "《遂宁市社区发展治理促进条例》第九百九十九条")]
    assert [r.status for r in linked] == ["linked", "not-in-kb", None, None, "provision-missing"]
    assert [r.link_eid for r in linked] == ["art_15", None, None, None, "art_999"]
    assert all(r.link is None and r.missing is None for r in unlinked)
    assert not any(a is b for a, b in zip(unlinked, linked))


def test_law_aliases():
    from kb.layers.laws import normalise_title
    assert normalise_title("《选举法》") == "中华人民共和国全国人民代表大会和地方各级人民代表大会选举法"
    assert normalise_title("中华人民和国治安管理处罚法") == "中华人民和国治安管理处罚法"


def test_the_terms_pattern_finds_what_the_longest_first_alternation_finds():
    """term uses are found by a trie-shaped pattern (an alternation of thousands of terms was
    quadratic: kb bench linear's terms shape, issue 18); at every place it must pick the same
    term as the alternation ordered longest first did, overlapping and nested terms included."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kb.layers.links.terms import _terms_regex

    alphabet = st.sampled_from("社区服务组织.*(（")
    words = st.lists(st.text(alphabet, min_size=1, max_size=5), min_size=1, max_size=12, unique=True)

    @settings(max_examples=400, deadline=None)
    @given(words, st.text(st.sampled_from("社区服务组织.*(（甲"), max_size=40))
    def same(ws, text):
        terms = tuple(sorted(ws, key=lambda t: (-len(t), t)))
        old = re.compile("|".join(re.escape(t) for t in terms))
        assert ([(m.start(), m.group()) for m in _terms_regex(terms).finditer(text)]
                == [(m.start(), m.group()) for m in old.finditer(text)])

    same()



def test_links_keep_nothing_per_article_of_a_long_text(monkeypatch):
    """The cross-link layer over 20,000 one-line articles that define and cite nothing: its
    finders keep no set, dict entry or index per article (an empty term-list set per article and
    an index of every article were 254 bytes an article above the tree, the whole of kb export's
    excess over kb parse on a 6 MB .docx; now under 120)."""
    import random
    import tracemalloc

    from kb.text.parse import parse_text

    monkeypatch.setenv("KB_LAYER_CACHE", "off")       # computed here, not read back
    n = 20_000
    rnd = random.Random(18)
    text = "".join(f"第{k}条　{''.join(chr(0x4E00 + rnd.randrange(20000)) for _ in range(6))}。\n"
                   for k in range(1, n + 1))
    small = parse_text("第一条　甲。\n")
    links.definitions(small), links.references(small)      # imports and compiled patterns first
    doc = parse_text(text, "articles.txt")
    tracemalloc.start()
    try:
        defs, refs = links.definitions(doc), links.references(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert defs == [] and refs == []
    assert peak / n < 120, f"{peak / n:.0f} bytes an article at the links layer's peak"


def test_what_is_kept_of_a_cited_law_answers_as_its_document_does():
    """kb.layers.links.provisions keeps of each cited law the eids of its articles and their parts, not the
    Document: a pinpoint resolves there exactly when Document.get finds it (paragraphs, items, 之一 articles)."""
    from kb.layers.links.provisions import _names
    from kb.text.parse import parse_file

    for f in [ROOT / "regulation" / "城市居民委员会组织法" / "2018-12-29.md",
              ROOT / "regulation" / "suining-community" / "draft.txt"]:
        doc = parse_file(str(f))
        held = _names(doc)
        assert held.articles == len(doc.articles)
        for a in doc.articles:
            for p in range(0, 6):
                for i in range(0, 10):
                    for step in ("para", "point"):
                        e = a.eid + (f"__para_{p}" if p else "") + (f"__{step}_{i}" if i else "")
                        assert (doc.get(e) is not None) == (held.get(e) is not None), e


def test_a_text_without_a_citation_character_makes_no_chain(seed_doc, pat):
    """kb.layers.links.citations.cites: the test before the tokens of a provision is exact.  Every kind of token but
    a conjunction passes it; the seed's and the pattern text's provisions with those characters taken out (their
    conjunctions left, which tokens() finds) make no chain; with them, they make the chains they made."""
    import re

    from kb.layers.links.citations import _CITES, chains, cites, tokens
    from kb.layers.links.scan import scanned_nodes

    every_kind = ["本条例", "本实施细则", "本法", "第三、四项", "第一至三款", "第（一）、（二）项", "第十五条（三）、（四）项",
                  "、（二）项", "第十五条", "第十条之一", "第二款", "第三章", "第（一）项", "第九十八条和九十九条", "本条", "本款",
                  "本项", "本章", "前款", "前两款", "前条", "下列"]
    for text in every_kind:
        toks = [t for t in tokens("依照" + text + "规定") if t.kind != "conj"]
        assert toks and cites(text), text
    texts = [n.text for doc in (seed_doc, pat) for n in scanned_nodes(doc)]
    assert sum(not cites(t) for t in texts) > 20 and sum(bool(chains(tokens(t))) for t in texts) > 20
    for text in texts:
        if not cites(text):
            assert not chains(tokens(text)), text
        bare = _CITES.sub("", text)
        assert not cites(bare) and not chains(tokens(bare)), text


def test_every_well_known_law_is_found_without_brackets():
    """named_laws searches the names written without 《》 only where the last character of one stands (法, 典, 则):
    each of them is found, after 依照 or 中华人民共和国, and is the one reference of the text."""
    from kb.layers.laws import PRC, WELL_KNOWN
    from kb.layers.links.external import named_laws

    from kb.layers.links.records import Reference

    def mk(kind, s, e, targets, target=None, warning=None):
        return Reference(eid="art_1", article=1, paragraph=1, item=None, text=text[s:e], start=s, end=e, kind=kind,
                         targets=targets, target=target, line=1)

    for name, full in WELL_KNOWN.items():
        for text in (f"依照{name}第五条的规定", f"依照{PRC}{name}处理"):
            found = named_laws(text, [], mk)
            assert [(r.text, r.target) for r in found] == [(text[2:text.index(name) + len(name)], full)], text
