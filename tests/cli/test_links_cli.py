"""kb define / kb refs / kb export (json) on the real seed, through the CLI."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from conftest import CORPUS, DATA, ROOT, need_shared
from kb.cli import cli


def run(*args):
    r = CliRunner().invoke(cli, ["--root", str(ROOT), *args])
    return r.exit_code, r.output


def test_define_lists_all_and_one():
    code, out = run("define")
    assert code == 0
    for t in ["社区发展治理", "社区综合服务设施", "社区社会组织", "社会企业"]:
        assert t in out
    code, out = run("define", "社区")
    assert code == 0
    assert "第二条第三款" in out and "draft.txt:32" in out and "使用：32 处（45 次）" in out
    assert "依法设立的居民委员会开展居民自治的地域范围" in out
    # 社区矫正、社区教育、社区就业 begin other nouns: not uses of 社区 (issue 12)
    code, out = run("define", "社区", "--uses")
    assert code == 0 and "【社区】矫正" not in out and "【社区】教育" not in out and "【社区】就业" not in out
    assert "【社区】居民" in out


def test_define_json_csv_and_missing():
    code, out = run("define", "社会企业", "--format", "json", "--uses")
    d = json.loads(out)
    assert d["term"] == "社会企业" and d["uses"] == 2 and d["provisions"] == 1 and d["eid"] == "art_44__para_1"
    assert [u["eid"] for u in d["use_list"]] == ["art_29__para_1", "art_29__para_1"]
    code, out = run("define", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0][:3] == ["术语", "出处", "标识"] and len(rows) == 8
    code, out = run("define", "居民")
    assert code == 1


def test_define_on_a_file():
    code, out = run("define", str(DATA / "links" / "patterns.txt"))
    assert code == 0 and "公共活动场所" in out and "第三条第一款" in out


def test_refs_article_15():
    code, out = run("refs", "15", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    outs = [(r["eid"], r["text"], r["targets"]) for r in rows if r["direction"] == "out"]
    assert outs == [("art_15__para_1", "下列", ["15.1.1", "15.1.2", "15.1.3", "15.1.4"]),
                    ("art_15__para_2", "前款", ["15.1"]), ("art_15__para_3", "前款", ["15.2"])]
    # nothing outside 第十五条 cites it, but its 第二款 and 第三款 cite its 第一款 and 第二款 (前款): the site's
    # 本条被以下条款引用 lists them, and so does kb refs, saying they are within the article; 下列 pointing
    # at 第一款's own items is no citation of 第十五条 by another provision
    ins = [(r["eid"], r["targets"]) for r in rows if r["direction"] == "in"]
    assert ins == [("art_15__para_2", ["15.1"]), ("art_15__para_3", ["15.2"])]
    code, out = run("refs", "15")
    assert code == 0 and "第十五条：引用 3 处，被引用 2 处（都在本条内）" in out
    code, out = run("refs", "15.1")
    assert code == 0 and "第十五条第一款：引用 1 处，被引用 1 处\n" in out
    # in the pattern text, 第四条 is cited from 第五条
    code, out = run("refs", "4", str(DATA / "links" / "patterns.txt"), "--format", "json")
    ins = [(r["eid"], r["text"], r["targets"]) for r in json.loads(out) if r["direction"] == "in"]
    assert ins == [("art_4__para_2", "前款第二项", ["4.1.2"]), ("art_4__para_3", "本条第一款第三项", ["4.1.3"]),
                   ("art_5__para_1", "本条例第四条第一款第二项", ["4.1.2"]), ("art_5__para_1", "第三项", ["4.1.3"]),
                   ("art_5__para_1", "前条", ["4"]), ("art_5__para_1", "第三条至第四条", ["3", "4"])]


def test_refs_and_the_site_agree_on_what_cites_each_article(seed_doc):
    # one truth: for every article of the seed, the provisions kb refs lists as citing it are those the
    # site lists under 本条被以下条款引用 (kb.site.version_layers, what the page renders)
    from kb.site.version_layers import load_layers

    from kb.text.parse import parse_file

    cited = 0
    for doc, source in ((seed_doc, []), (parse_file(str(DATA / "links" / "patterns.txt")),
                                          [str(DATA / "links" / "patterns.txt")])):
        site = load_layers(doc, ROOT).backrefs
        for a in doc.articles:
            r = CliRunner().invoke(cli, ["--root", str(ROOT), "refs", str(a.number), *source, "--format", "json"])
            ins = [x["eid"] for x in json.loads(r.stdout) if x["direction"] == "in"] if r.exit_code == 0 else []
            assert sorted(set(ins)) == sorted(x.eid for x in site.get(a.eid, [])), a.citation
            cited += bool(ins)
    assert cited >= 4


def test_refs_nothing_and_bad_input():
    code, _ = run("refs", "3")          # 第三条 refers to nothing and nothing refers to it
    assert code == 1
    code, _ = run("refs", "99")
    assert code != 0


def test_refs_unresolved_warns_with_file_and_line():
    code, out = run("refs", str(DATA / "links" / "patterns.txt"), "--unresolved", "--format", "csv")
    assert code == 0
    assert "第九十条" in out
    rows = list(csv.reader(io.StringIO(out.split("\ufeff", 1)[1])))
    assert rows[1][3] == "31"


def test_refs_links_to_corpus():
    need_shared(CORPUS)
    code, out = run("refs", "32", "--corpus", str(CORPUS), "--format", "json")
    r = json.loads(out)[0]
    assert r["target"] == "中华人民共和国民法典" and r["link"].endswith("民法典")


def test_export_json_has_layer_keys():
    code, out = run("export", "suining-community@draft", "--format", "json")
    assert code == 0
    d = json.loads(out)
    assert len(d["definitions"]) == 7 and len(d["uses"]) == 87 and len(d["references"]) == 24
    assert set(d["definitions"][0]) >= {"term", "article", "paragraph", "definition", "scope", "eid"}
    assert set(d["references"][0]) >= {"article", "paragraph", "item", "text", "kind", "targets", "target", "eid"}
    assert set(d["uses"][0]) == {"term", "eid", "start", "end"}


def test_refs_kind_filter():
    code, out = run("refs", "--kind", "external", "--format", "json")
    assert code == 0
    assert [r["text"] for r in json.loads(out)] == ["《中华人民共和国城市居民委员会组织法》", "民法典"]


def test_parse_reports_dangling_references_with_file_and_line():
    r = CliRunner().invoke(cli, ["--root", str(ROOT), "parse", str(DATA / "links" / "patterns.txt")])
    assert r.exit_code == 0
    assert "引用警告  1" in r.stdout
    assert f"警告：{DATA / 'links' / 'patterns.txt'}:31: 引用无法解析：“第九十条”" in r.stderr
    r = CliRunner().invoke(cli, ["--root", str(ROOT), "parse", str(DATA / "links" / "patterns.txt"),
                                 "--format", "json"])
    data = json.loads(r.stdout)
    assert [(w["line"], w["message"][:12]) for w in data["link_warnings"]] == [(31, "引用无法解析：“第九十条")]
    assert data["warnings"] == []
    # the seed has none
    data = json.loads(run("parse", "--format", "json")[1])
    assert data["link_warnings"] == []


def _cites(tmp_path, cited: str):
    """The seed, its 第一条 citing ``cited`` of 城市居民委员会组织法 (23 articles in the knowledge base; 第十七条 has two
    paragraphs)."""
    seed = (ROOT / "regulation" / "suining-community" / "draft.txt").read_text(encoding="utf-8")
    law = "根据《中华人民共和国城市居民委员会组织法》"
    assert law in seed
    p = tmp_path / "cites.txt"
    p.write_text(seed.replace(law, law[:-1] + "》" + cited, 1), encoding="utf-8")
    return str(p)


def test_a_provision_the_law_in_the_knowledge_base_does_not_have_is_no_link(tmp_path):
    """Newcomer review 2, item 3: 《城市居民委员会组织法》第九十九条 was exported as a link to #art_99 (in_kb true),
    listed by neither --unresolved nor kb check; the same for a paragraph that does not exist."""
    for cited, why in [("第九十九条", "中没有第九十九条（共二十三条）"),
                       ("第十七条第九款", "中没有第十七条第九款（第十七条只有二款）")]:
        f = _cites(tmp_path, cited)
        r = CliRunner().invoke(cli, ["--root", str(ROOT), "refs", f, "--kind", "external", "--format", "json"])
        row = next(x for x in json.loads(r.stdout) if x["text"].endswith(cited))
        assert f"{f}:24: 所引条款不存在：“《中华人民共和国城市居民委员会组织法》{cited}”" in r.stderr
        assert row["in_kb"] is True and row["link"] == "城市居民委员会组织法"
        assert row["status"] == "provision-missing" and why in row["missing"] and "link_eid" not in row
        code, out = run("refs", f, "--unresolved")
        assert code == 0 and cited in out and "城市居民委员会组织法" in out and "（不存在）" in out
        r = CliRunner().invoke(cli, ["--root", str(ROOT), "check", f, "--rule", "law-provision-missing",
                                     "--format", "json"])
        found = json.loads(r.stdout)["findings"]
        assert r.exit_code == 1 and [(x["line"], x["rule"]) for x in found] == [(24, "law-provision-missing")]
        assert why in found[0]["message"]
        r = CliRunner().invoke(cli, ["--root", str(ROOT), "export", f, "--format", "akn"])
        assert r.exit_code == 0
        ref = next(x for x in r.stdout.split("<ref ")[1:] if cited + "</ref>" in x)
        assert "#art_" not in ref.split(">")[0] and 'class="provisionNotInKnowledgeBase"' in ref
    # a provision that is there stays a link, and is not unresolved
    f = _cites(tmp_path, "第十七条第二款")
    row = next(r for r in json.loads(run("refs", f, "--kind", "external", "--format", "json")[1])
               if r["text"].endswith("第十七条第二款"))
    assert row["status"] == "linked" and row["link_eid"] == "art_17__para_2" and "missing" not in row
    assert run("refs", f, "--unresolved")[0] == 1


def _table_rows(out: str) -> list[list[str]]:
    """The rows of a kb refs table, each cell put together from the lines it goes on over (a row starts where 方向
    is written); columns found by display width from the rule under the heading."""
    from kb.outputs.formats import width

    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("方向"))
    spans, col = [], 0
    for rule in lines[at + 1].split("  "):
        spans.append((col, col + width(rule)))
        col += width(rule) + 2
    rows = []
    for line in lines[at + 2:]:
        cells, col, pos = [""] * len(spans), 0, 0
        for c in line:
            k = next((k for k, (a, b) in enumerate(spans) if a <= col < b), None)
            if k is not None:
                cells[k] += c
            col += width(c)
        cells = [c.strip() for c in cells]
        if cells[0]:
            rows.append(cells)
        else:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells)]
    return rows


def _table_of(*args):
    """kb refs's table (stdout: the warnings go to stderr)."""
    r = CliRunner().invoke(cli, ["--root", str(ROOT), "refs", *args])
    return r.exit_code, r.stdout


def test_refs_table_keeps_where_and_what_whole_and_fits_narrow_terminals(tmp_path, monkeypatch):
    """Review final 2, item 3: at 80 columns 出处 read “第三…” (第三条 or 第三十条?) and 指向 “物业管…”, as 链接 kept 36
    columns; at 60 and 70 columns the table was 72 wide.  出处 is never cut, 指向 goes on over lines, and every line
    fits the terminal (display width, a Chinese character taking two columns)."""
    from kb.outputs.formats import width

    monkeypatch.setenv("COLUMNS", "80")
    code, out = _table_of("-r", "清远市住宅小区物业管理条例", "--kind", "external")
    assert code == 0 and max(map(width, out.splitlines())) <= 80, out
    rows = _table_rows(out)
    assert ["第三条第一款", "中国共产党章程"] in [[r[1], r[4]] for r in rows], rows
    assert ["第一条", "物业管理条例"] in [[r[1], r[4]] for r in rows], rows
    f = _cites(tmp_path, "第九十九条")
    for cols in (60, 70, 80, 100):
        monkeypatch.setenv("COLUMNS", str(cols))
        for args in (("-r", "清远市住宅小区物业管理条例"), (f,)):
            code, out = _table_of(*args, "--kind", "external")
            assert code == 0 and max(map(width, out.splitlines())) <= cols, (cols, out)
            rows = _table_rows(out)
            assert all(r[1].startswith("第") and r[1].endswith(("条", "款", "项")) for r in rows), rows
        assert ["第一条", "中华人民共和国城市居民委员会组织法第九十九条"] in [[r[1], r[4]] for r in rows], (cols, out)
        assert "城市居民委员会组织法 99（不存在）" in [r[5] for r in rows], (cols, out)


def test_the_project_exported_links_citations_whatever_the_current_directory(tmp_path, monkeypatch):
    """Issue 17: kb export (and the site's JSON and AKN downloads) looked the law index up from the
    current directory: ``kb --root ROOT export …`` run from elsewhere exported the citation of
    《城市居民委员会组织法》, a law the knowledge base holds, as not-in-kb.  Run from a directory in no
    project, and from another project's (a mkdocs.yml, no laws), the export is the one made from ROOT."""
    reg = "北京市实施中华人民共和国城市居民委员会组织法办法"

    def export(where, *args):
        monkeypatch.chdir(where)
        r = CliRunner().invoke(cli, ["--root", str(ROOT), "export", reg, *args])
        assert r.exit_code == 0, r.output
        return r.stdout

    at_root = export(ROOT)
    refs = [x for x in json.loads(at_root)["references"] if x.get("link") == "城市居民委员会组织法"]
    assert refs and all(x["in_kb"] is True and x["status"] == "linked" for x in refs)
    akn = export(ROOT, "--format", "akn")
    assert "/akn/cn/act/" in akn and 'href="/akn/cn/act/2018-12-29/城市居民委员会组织法"' in akn
    other = tmp_path / "other"
    other.mkdir()
    (other / "mkdocs.yml").write_text("site_name: 别的项目\n", encoding="utf-8")
    for where in (tmp_path, other):
        assert export(where) == at_root
        assert export(where, "--format", "akn") == akn
    # several texts at once (-o DIR, each exported by a worker): the same project decides
    monkeypatch.chdir(other)
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["--root", str(ROOT), "export", reg, "城市居民委员会组织法", "-o", str(out)])
    assert r.exit_code == 0, r.output
    (f,) = [p for p in out.iterdir() if p.name.startswith(reg)]
    assert f.read_text(encoding="utf-8").rstrip("\n") == at_root.rstrip("\n")


def test_a_download_links_to_the_site_s_laws_whatever_the_current_directory(tmp_path, monkeypatch):
    """Issue 17: the layers under kb build take the site's root (plan.root); with none they use the
    project the document's file is in, never the current directory."""
    from kb.outputs.akn import to_akn
    from kb.outputs.export import document_dict
    from kb.project import load, resolve

    doc = load(resolve(ROOT, "北京市实施中华人民共和国城市居民委员会组织法办法"))
    monkeypatch.chdir(tmp_path)
    for root in (ROOT, None):
        refs = [x for x in document_dict(doc, root=root)["references"] if x.get("link") == "城市居民委员会组织法"]
        assert refs and all(x["in_kb"] is True for x in refs)
        assert 'href="/akn/cn/act/2018-12-29/城市居民委员会组织法"' in to_akn(doc, root).decode("utf-8")


def test_refs_lists_the_provisions_of_other_regulations_citing_the_article(tmp_path):
    """Newcomer review 5, item 6: kb refs 18 -r 村民委员会组织法 said "被引用 0 处" although
    北京市村民委员会选举办法 第十八条第一款 cites 《中华人民共和国村民委员会组织法》第十八条 (kb search
    村民委员会组织法第十八条 found it).  Now the article's citers in other regulations come first, then
    those citing the law without naming an article -- in a copy of the two regulations (its catalog built
    by kb refs itself)."""
    import shutil

    proj = tmp_path / "p"
    (proj / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    for reg in ("村民委员会组织法", "北京市村民委员会选举办法"):
        shutil.copytree(ROOT / "regulation" / reg, proj / "regulation" / reg)

    def refs(*args):
        r = CliRunner().invoke(cli, ["--root", str(proj), "refs", *args, "-r", "村民委员会组织法"])
        return r.exit_code, r.stdout

    code, out = refs("18")
    assert code == 0, out
    assert "第十八条：引用 0 处，被引用 0 处；其他法规引用本条 1 处，引用本法（未写明条文）3 处" in out
    assert "北京市村民委员会选举办法  第十八条第一款  具有《中华人民共和国村民委员会组织法》第十八条规定情形的" in out
    code, out = refs("18", "--format", "json")
    rows = json.loads(out)
    assert [(d["direction"], d["regulation"], d["eid"]) for d in rows if d["direction"] == "in_other"] == \
        [("in_other", "北京市村民委员会选举办法", "art_18__para_1")]
    law = [d["citation"] for d in rows if d["direction"] == "in_other_law"]
    assert sorted(law) == sorted(["第一条", "第三十六条第一款", "第三十七条"]), law
    # an article nothing cites by number: the law's citers only, and the citing law's own articles are not
    # listed as citing another law's
    code, out = refs("2", "--format", "json")
    assert code == 0 and {d["direction"] for d in json.loads(out)} == {"in_other_law"}
    r = CliRunner().invoke(cli, ["--root", str(proj), "refs", "18", "-r", "北京市村民委员会选举办法", "--format", "json"])
    assert all(d["direction"] in ("out", "in") for d in json.loads(r.stdout))


def test_refs_as_json_finds_the_citers_in_a_project_it_cannot_write(tmp_path, monkeypatch):
    """kb refs --format json brings the catalog up to date by kb search's own function, without a word on stderr
    (read-through 6, item 9): where the project's catalog cannot be written, one in a temporary folder answers, as for
    the table (the JSON path had a copy of its own that answered nothing there)."""
    import shutil

    from kb.catalog import building
    from kb.errors import UnwritableError

    proj = tmp_path / "p"
    (proj / "regulation").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    for reg in ("村民委员会组织法", "北京市村民委员会选举办法"):
        shutil.copytree(ROOT / "regulation" / reg, proj / "regulation" / reg)
    real = building.update

    def update(cat, *args, **kw):
        if str(proj) in str(cat.path):
            raise UnwritableError(f"无法写入：{cat.path}")
        return real(cat, *args, **kw)

    monkeypatch.setattr(building, "update", update)
    r = CliRunner().invoke(cli, ["--root", str(proj), "refs", "18", "-r", "村民委员会组织法", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [(d["regulation"], d["eid"]) for d in rows if d["direction"] == "in_other"] == \
        [("北京市村民委员会选举办法", "art_18__para_1")]
    assert r.stderr == ""
