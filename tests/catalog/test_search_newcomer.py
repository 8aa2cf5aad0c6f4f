"""kb search as a newcomer uses it: other names of actors (居委会 / 居民委员会), citations
(第15条, 15.2, a bare 15), chapter titles, the paragraph that holds the words, and version
labels under -v all.  A copy of the seed project with a second version made by editing it."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import ROOT, copy_seed, run_kb
from kb.catalog import open_catalog
from kb.catalog.analysis import normalize
from kb.catalog.query import citation, loosen, parse_query
from kb.catalog.synonyms import expand, spellings, word_spellings

SEED_DIR = ROOT / "regulation" / "suining-community"
#: the second version: 第十七条 names the 居民委员会 by its short name, twice
EDITS = [("居民委员会应当推进居民自治工作制度化、规范化，组织制定居民公约。",
          "居委会应当推进居民自治工作制度化、规范化，组织制定居民公约；居委会的职责由居民会议监督。")]


@pytest.fixture(scope="module")
def proj(tmp_path_factory, engine):
    """The project, its catalog built by each engine in turn."""
    p = tmp_path_factory.mktemp("newcomer") / "proj"
    (p / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", p / "mkdocs.yml")
    reg = p / "regulation" / "suining-community"
    copy_seed(reg)
    text = (SEED_DIR / "draft.txt").read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1
        text = text.replace(old, new)
    (reg / "revised.txt").write_text(text.replace("草案征求意见稿", "草案修改稿", 1), encoding="utf-8")
    meta = (reg / "meta.yml").read_text(encoding="utf-8")
    (reg / "meta.yml").write_text(meta + "  - name: revised\n    label: 草案修改稿\n    file: revised.txt\n"
                                  "    status: 草案修改稿\n", encoding="utf-8")
    open_catalog(p).build()
    return p


@pytest.fixture(scope="module")
def cat(proj):
    c = open_catalog(proj)
    yield c
    c.close()


def kb(proj, capsys, *args):
    return run_kb(["--root", str(proj), "search", *args], proj, capsys)


# ---------------------------------------------------------------- other names of actors

def test_spellings_say_the_same_body_without_widening_or_repeating():
    table = spellings({"居民委员会": "居民委员会", "居委会": "居民委员会", "社区居民委员会": "居民委员会",
                       "人民政府": "人民政府", "政府": "人民政府", "各级人民政府": "人民政府",
                       "有关部门": "有关部门", "人民政府有关部门": "有关部门", "相关部门": "有关部门"})
    assert table["居委会"] == ["居民委员会"]
    assert table["居民委员会"] == ["居委会"]              # 社区居民委员会 is found by 居民委员会 anyway
    assert table["人民政府"] == [] and table["政府"] == []  # never widened to a vaguer word
    assert word_spellings("居民委员会的职责", table) == ["居委会的职责"]
    assert word_spellings("人民政府有关部门", table) == []   # a name of its own, not 人民政府 + 有关部门
    assert word_spellings("经费", table) == []


def test_an_alias_also_searches_the_canonical_name_and_the_reverse(cat):
    short = {h.article for h in cat.search("居委会", version="revised", limit=0)}
    full = {h.article for h in cat.search("居民委员会", version="revised", limit=0)}
    literal_short = {h.article for h in cat.search("居委会", version="revised", limit=0, literal=True)}
    literal_full = {h.article for h in cat.search("居民委员会", version="revised", limit=0, literal=True)}
    assert literal_short == {17}                      # only the edited article says 居委会
    assert len(literal_full) > 5
    assert short == full == literal_short | literal_full
    assert cat.prepare("居委会").expansions == [("居委会", ["居民委员会"], False, [("居委会", ["居民委员会"])])]
    assert cat.prepare("居委会", literal=True).expansions == []


def test_a_name_inside_a_word_and_beside_other_words(cat):
    # 居民委员会的职责 is also searched as 居委会的职责 (the revised 第十七条 says so)
    assert [h.article for h in cat.search("居民委员会的职责", version="revised")] == [17]
    assert cat.search("居民委员会的职责", version="revised", literal=True) == []
    two = cat.search("居民委员会 的职责", version="revised", limit=0)
    assert [h.article for h in two] == [17]
    assert [h.article for h in cat.search("居委会 的职责", version="revised", limit=0)] == [17]


def test_the_particle_de_joins_words_a_text_writes_apart():
    assert loosen("居民委员会的职责") == "居民委员会 职责"
    assert loosen("居委会 的职责") == "居委会 职责"
    assert loosen("(居委会的职责 OR 经费)") == "(居委会 职责 OR 经费)"
    # words of their own, quoted phrases, excluded words and filters stay as written
    for q in ("目的", "有的", "经费", '"居民委员会的职责"', "社区 -居委会的职责", "actor:居委会的人"):
        assert loosen(q) is None, q


def test_a_query_found_nothing_as_written_is_searched_without_de(proj, capsys):
    # the seed never says 居民委员会的职责 or 居委会的职责; its 第七条 is headed 居民委员会职责
    for q in (["居民委员会的职责"], ["居委会", "的职责"]):
        rc, out, err = kb(proj, capsys, *q, "-v", "draft")
        assert rc == 0, err
        lines = out.splitlines()
        assert lines[0].startswith(f"没有找到“{' '.join(q)}”，改为检索“")
        assert next(l for l in lines if l.lstrip()[:2] == "1.").split()[1] == "第七条（居民委员会职责）"
    rc, out, err = kb(proj, capsys, "居委会", "的职责", "-v", "draft", "--format", "json")
    assert json.loads(out)["searched_as"] == "居委会 职责"
    rc, out, err = kb(proj, capsys, "居委会", "的职责", "-v", "draft", "--literal")
    assert rc == 1 and "没有找到“居委会 的职责”" in err
    # found as written: nothing loosened (the revised 第十七条 says 居委会的职责)
    rc, out, err = kb(proj, capsys, "居民委员会的职责", "-v", "revised")
    assert rc == 0 and "改为检索" not in out and "第十七条" in out
    assert json.loads(kb(proj, capsys, "居民委员会的职责", "-v", "revised", "--format", "json")[1])["searched_as"] is None


def test_quoted_phrases_and_exclusions(cat):
    assert {h.article for h in cat.search('"居委会"', version="revised", limit=0)} == {17}
    excluded = cat.search("居民 -居委会", version="revised", limit=0)
    assert excluded and all("居民委员会" not in normalize(h.snippet) or h.article != 7 for h in excluded)
    assert 7 not in {h.article for h in excluded} and 17 not in {h.article for h in excluded}
    pq = expand(parse_query("居民 -居委会"), cat.actor_aliases())
    assert pq.expansions == [("居委会", ["居民委员会"], True, [("居委会", ["居民委员会"])])]


def test_cli_says_what_else_was_searched(proj, capsys):
    rc, out, err = kb(proj, capsys, "居委会", "-v", "revised", "-n", "3")
    assert rc == 0, err
    assert out.splitlines()[0].startswith("也检索了“居民委员会”（与“居委会”指同一主体")
    rc, out, err = kb(proj, capsys, "居委会", "-v", "revised", "--literal")
    assert rc == 0 and "也检索了" not in out and "第十七条" in out
    rc, out, err = kb(proj, capsys, "居委会", "-v", "draft", "--literal")      # the draft never says 居委会
    assert rc == 1 and "没有找到“居委会”" in err
    rc, out, _ = kb(proj, capsys, "居委会", "-v", "revised", "--format", "json")
    assert json.loads(out)["also_searched"] == [{"word": "居委会", "also": ["居民委员会"], "excluded": False,
                                                 "names": {"居委会": ["居民委员会"]}}]
    # a word that holds a name says which name stands for which, not that the word is an actor
    rc, out, err = kb(proj, capsys, "居委会职责", "-v", "draft")
    assert rc == 0, err
    assert out.splitlines()[0] == "也检索了“居民委员会职责”（“居委会”与“居民委员会”指同一主体；加 --literal 只按原词检索）"
    assert "第七条（居民委员会职责）" in out


# ---------------------------------------------------------------- citations

@pytest.mark.parametrize("q,address,bare", [
    ("第15条", (15, None, None, None), False), ("十五条", (15, None, None, None), False),
    ("第十五条第二款", (15, 2, None, None), False), ("15.2", (15, 2, None, None), False),
    ("15", (15, None, None, None), True), ("十五", (15, None, None, None), True),
    ("第十条之一", ("10-1", None, None, None), False),
])
def test_citation_queries_are_recognised(q, address, bare):
    assert citation(q) == (address, bare)


@pytest.mark.parametrize("q", ["经费", "第三章", "15 经费", "type:article", '"15"'])
def test_other_queries_are_not_citations(q):
    assert citation(q) is None


def test_provisions_have_their_whole_text(cat):
    seed = (SEED_DIR / "draft.txt").read_text(encoding="utf-8")
    (p,) = cat.provisions((15, 2, None, None))
    assert p.citation == "第十五条第二款" and p.eid == "art_15__para_2"
    assert p.snippet in seed and p.snippet.startswith("前款规定的事项")
    (a,) = cat.provisions((15, None, None, None))
    assert a.citation == "第十五条" and a.snippet.count("\n") == 6   # 2 paragraphs + 4 items + 1 paragraph
    assert all(line in seed for line in a.snippet.split("\n"))
    (i,) = cat.provisions((15, 1, 3, None))
    assert i.snippet == "（三）非专业性工作任务的发现报告；"
    assert cat.provisions((99, None, None, None)) == [] and cat.provisions((15, 9, None, None)) == []
    both = cat.provisions((17, None, None, None), version="all")
    assert [h.version for h in both] == ["draft", "revised"] and "居委会" in both[1].snippet


@pytest.mark.parametrize("q", ["第15条", "十五条", "第十五条第二款", "15.2"])
def test_cli_shows_the_provision_first(proj, capsys, q):
    rc, out, err = kb(proj, capsys, q)
    assert rc == 0, err
    first = out.splitlines()[0]
    assert first.startswith("第十五条第二款" if "2" in q or "二款" in q else "第十五条（协助事项清单）")
    rc, out, _ = kb(proj, capsys, q, "--format", "json")
    data = json.loads(out)
    assert data["provisions"][0]["eid"] == ("art_15__para_2" if first.startswith("第十五条第二款") else "art_15")
    # the ordinary hits cite it in their text; the provision's own label is not one of them
    assert all(h["article"] != 15 for h in data["hits"])


def test_cli_bare_number_searches_literally_and_offers_the_article(proj, capsys):
    rc, out, err = kb(proj, capsys, "15")
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("要找的是这一条吗？") and lines[1].startswith("第十五条（协助事项清单）")
    rest = out[out.index("含“15”的条文："):]
    assert " 1. 第十三条（验收交接过程）" in rest and "15个工作日" in re.sub(r"\x1b\[[0-9;]*m", "", rest)
    rc, out, err = kb(proj, capsys, "88")           # no such article, no such text
    assert rc == 1 and out == "" and "没有找到“88”" in err


# ---------------------------------------------------------------- headings, paragraphs, versions

def test_chapter_titles_are_searchable(cat, proj, capsys):
    hits = cat.search("社区治理")
    assert (hits[0].type, hits[0].citation, hits[0].heading) == ("chapter", "第三章", "社区治理")
    assert hits[0].snippet == "第三章　社区治理（第十五条至第二十二条，共 8 条）"
    assert [h.citation for h in cat.search("社区治理", type="chapter")] == ["第三章"]
    assert cat.search("社区治理", type="article")[0].type == "article"
    assert [h.citation for h in cat.search("总则", chapter="1", type="chapter")] == ["第一章"]
    rc, out, _ = kb(proj, capsys, "社区治理", "-n", "1")
    assert out.startswith(" 1. 第三章（社区治理）  章")


def test_a_hit_shows_a_paragraph_holding_all_its_words(cat):
    hits = cat.search("居民委员会 经费", limit=0)
    assert hits
    for h in hits:
        if not h.spread:
            t = normalize(h.snippet)
            assert "居民委员会" in t and "经费" in t, h


def test_words_spread_over_paragraphs_say_where_each_is(cat, proj, capsys):
    (h,) = [h for h in cat.search("经费 保障", limit=0) if h.article == 15]
    assert h.spread == [["经费", ["第十五条第二款"], [""]], ["保障", ["第十五条第一款第一项"], [""]]]
    top = cat.search("经费 保障")[0]
    assert top.article == 30 and top.spread == []          # 第三十条 holds both in one paragraph
    rc, out, _ = kb(proj, capsys, "经费", "保障")
    assert "（没有一款同时含有全部检索词：“经费”在第十五条第二款；“保障”在第十五条第一款第一项）" in out
    # the hit is named as the article that matches, not as the item shown, which holds 保障 alone (newcomer review 12:
    # "2. 第十五条第一款第一项（协助事项清单）" for 经费 保障); a hit whose paragraph holds both stays that paragraph
    heads = [line.split("（")[0].split(". ", 1)[1] for line in out.splitlines() if line[:4].strip().endswith(".")]
    assert "第十五条" in heads and "第十五条第一款第一项" not in heads, heads
    rc, out, _ = kb(proj, capsys, "经费", "居民委员会")
    assert ". 第十五条第二款（协助事项清单）" in out and "没有一款同时含有" not in out


def test_a_spread_word_found_under_another_name_says_which(cat, proj, capsys):
    # 居委会 searched, 居民委员会 found: the note names the form the paragraph holds (review item 11:
    # "“居委会”在第八条第一款" where that paragraph holds 居民委员会, not 居委会)
    hits = [h for h in cat.search("居委会 职责", version="draft", limit=0) if h.spread]
    assert hits
    for h in hits:
        for word, where, forms in h.spread:
            assert len(where) == len(forms) and set(forms) <= {"", "居民委员会"}, h.spread
    (h,) = [h for h in hits if h.article == 8]
    assert ["居委会", ["第八条第一款"], ["居民委员会"]] in h.spread
    rc, out, _ = kb(proj, capsys, "居委会 的职责", "-v", "draft")
    assert "“居委会”在第八条第一款（作“居民委员会”）" in out
    assert "“居委会”在第八条第一款；" not in out


def test_every_hit_carries_its_version_label_under_v_all(cat, proj, capsys):
    hits = cat.search("居民公约", version="all", limit=0)
    assert {(h.version, h.version_label) for h in hits} == {("draft", "草案征求意见稿"), ("revised", "草案修改稿")}
    rc, out, _ = kb(proj, capsys, "居民公约", "-v", "all")
    heads = [l for l in out.splitlines() if re.match(r"\s*\d+\. ", l)]
    assert heads and all(re.search(r"@(draft（草案征求意见稿）|revised（草案修改稿）)", l) for l in heads)
    # every hit of one version, still labelled: -v all says which version each is from
    rc, out, _ = kb(proj, capsys, "居委会", "-v", "all", "--literal")
    heads = [l for l in out.splitlines() if re.match(r"\s*\d+\. ", l)]
    assert heads and all("@revised（草案修改稿）" in l for l in heads)


def test_a_list_s_item_found_as_a_duty_reads_with_its_lead_in(proj, capsys):
    # newcomer review 4, item 5: "第十六条第一项 义务：市人民政府（禁止） 行为：招商引资、协税护税、经济创收等事项"
    # said the city government is forbidden to attract investment; the article forbids handing it to the 居委会
    rc, out, err = kb(proj, capsys, "招商引资", "--type", "obligation", "-v", "draft")
    assert rc == 0, err
    actions = [line.strip() for line in out.splitlines() if line.strip().startswith("行为：")]
    assert actions and all(a == "行为：将属于自己职责范围内的下列事项交由居民委员会办理：招商引资、协税护税、经济创收等事项"
                           for a in actions)
