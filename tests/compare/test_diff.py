"""kb.compare.diff / kb.compare.render / kb diff: hand-written version pairs covering every status, the JSON
contract, character-level redlines, renderers (HTML, Markdown, DOCX opened by LibreOffice),
stale references and the obligation diff."""
from __future__ import annotations

import io
import json
import shutil
import subprocess

import pytest

from conftest import DATA

from kb.compare.diff import compare, previous_numbers
from kb.compare.obligations import obligation_diff
from kb.compare.ops import DEL, EQ, INS, char_ops
from kb.compare.render.html import comparison_html
from kb.text.parse import parse_file, parse_text

D = DATA / "diff"


@pytest.fixture(scope="module")
def dogs():
    return compare(parse_file(str(D / "dogs-v1.txt")), parse_file(str(D / "dogs-v2.txt")))


def _pairs(cmp):
    return {(p.old_label, p.new_label): p for p in cmp.pairs}


def test_every_status_on_a_hand_made_pair(dogs):
    p = _pairs(dogs)
    # unchanged, not renumbered
    assert p[("第一条", "第一条")].status == "unchanged" and not p[("第一条", "第一条")].renumbered
    # unchanged but renumbered (a new 第二条 was inserted before it)
    assert p[("第二条", "第三条")].status == "unchanged" and p[("第二条", "第三条")].renumbered
    # added / deleted
    assert p[(None, "第二条")].status == "added"
    assert p[(None, "第七条")].status == "added"
    assert p[("第四条", None)].status == "deleted"
    # split: old 第三条's two paragraphs became 第四条 and 第五条
    assert p[("第三条", "第四条")].status == p[("第三条", "第五条")].status == "split"
    # merged: old 第八条 and 第九条 became 第十条
    assert p[("第八条", "第十条")].status == p[("第九条", "第十条")].status == "merged"
    # moved to another (new) chapter, unchanged text / modified text
    assert p[("第六条", "第八条")].status == "unchanged" and p[("第六条", "第八条")].moved
    assert p[("第七条", "第九条")].status == "modified" and p[("第七条", "第九条")].moved
    assert not p[("第五条", "第六条")].moved
    # a renamed-free, renumbered chapter; an added chapter
    heads = {(h.old.label if h.old else None, h.new.label if h.new else None): h.status
             for h in dogs.alignment.headings}
    assert heads[("第三章", "第四章")] == "renumbered"
    assert heads[(None, "第三章")] == "added"
    assert heads[("第一章", "第一章")] == "unchanged"
    s = dogs.summary
    assert (s["unchanged"], s["modified"], s["added"], s["deleted"], s["split"], s["merged"]) == (4, 2, 2, 1, 1, 1)
    assert s["moved"] == 2
    assert {"old": "第七条", "new": "第九条"} in s["renumberings"]


def test_every_article_accounted_for_once(dogs):
    old_seen = [p.old.eid for p in dogs.pairs if p.old is not None]
    new_seen = [p.new.eid for p in dogs.pairs if p.new is not None]
    assert set(old_seen) == {a.eid for a in dogs.old_doc.articles}
    assert set(new_seen) == {a.eid for a in dogs.new_doc.articles}
    # only split/merged pairs share a side
    from collections import Counter
    for eid, k in Counter(old_seen).items():
        if k > 1:
            assert all(p.status == "split" for p in dogs.pairs if p.old is not None and p.old.eid == eid)
    for eid, k in Counter(new_seen).items():
        if k > 1:
            assert all(p.status == "merged" for p in dogs.pairs if p.new is not None and p.new.eid == eid)


def test_stale_reference_is_flagged_and_updated_one_is_not(dogs):
    refs = dogs.references
    assert len(refs) == 1, refs
    f = refs[0]
    assert f["article"] == "第十条" and "第七条" in f["text"] and f["kind"] == "old_number"
    assert f["suggest"] == ["第九条"]          # old 第七条 is now 第九条
    # 第六条 in the same article was updated from 第五条: not flagged
    assert not any("第六条" in r["text"] for r in refs)


def test_unrelated_texts_have_no_correspondence():
    cmp = compare(parse_file(str(D / "dogs-v1.txt")), parse_file(str(D / "parks.txt")))
    assert not [p for p in cmp.pairs if p.old is not None and p.new is not None]
    assert cmp.summary["related"] is False and cmp.summary["correspondence"] is False
    assert cmp.summary["deleted"] == 10 and cmp.summary["added"] == 5


def test_json_contract_and_labels_as_written():
    old = parse_text("某条例\n\n第一条　甲应当做好登记工作。\n\n第二条　本条例自公布之日起施行。\n", "a.txt")
    new = parse_text("某条例\n\n第一条　甲应当做好登记工作。\n\n第一条之一　乙应当协助甲做好登记工作，并提供必要的场所。\n\n"
                     "第二条　本条例自公布之日起施行。\n", "b.txt")
    data = json.loads(compare(old, new).to_json())
    assert set(data) >= {"old", "new", "pairs", "summary"}
    assert data["old"]["source"] == "a.txt"
    for p in data["pairs"]:
        assert set(p) >= {"old", "new", "status", "renumbered", "moved", "similarity", "ops"}
        assert p["status"] in {"unchanged", "modified", "added", "deleted", "split", "merged"}
        assert isinstance(p["similarity"], float) and 0.0 <= p["similarity"] <= 1.0
        for op in p["ops"]:
            assert op["op"] in {"equal", "delete", "insert"} and op["text"]
    added = [p for p in data["pairs"] if p["status"] == "added"]
    assert [p["new"] for p in added] == ["第一条之一"]
    assert added[0]["old"] is None and "".join(o["text"] for o in added[0]["ops"]).startswith("乙应当协助")
    for k in ("unchanged", "modified", "added", "deleted", "split", "merged", "renumbered", "moved",
              "renumberings", "references"):
        assert k in data["summary"]


def _sides(ops):
    return ("".join(t for k, t in ops if k != INS), "".join(t for k, t in ops if k != DEL))


def test_char_ops_rebuild_both_texts_and_clean_up_phrases():
    a = "公民、法人或者其他组织认为具体行政行为侵犯其合法权益，向行政机关提出行政复议申请。"
    b = "公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益，向行政复议机关提出行政复议申请。"
    ops = char_ops(a, b)
    assert _sides(ops) == (a, b)
    # the change is shown as phrases, not one-character islands inside a rewrite
    edits = [t for k, t in ops if k != EQ]
    assert "具体" in edits and "行政机关的" in edits
    # semantic cleanup: no equal run of one or two characters left between two edits
    for i in range(1, len(ops) - 1):
        if ops[i][0] == EQ and ops[i - 1][0] != EQ and ops[i + 1][0] != EQ:
            assert len(ops[i][1]) >= 3 or "\n" in ops[i][1], ops
    # paragraphs survive: an inserted paragraph is its own line
    ops = char_ops("第一款。\n第二款。", "第一款。\n新的一款。\n第二款。")
    assert _sides(ops) == ("第一款。\n第二款。", "第一款。\n新的一款。\n第二款。")
    assert ["".join(t for k, t in ops if k != DEL).split("\n")] == [["第一款。", "新的一款。", "第二款。"]]


def test_char_ops_on_real_revisions_rebuild_exactly(need_corpus_pair):
    old, new = need_corpus_pair
    cmp = compare(old, new)
    for p in cmp.pairs:
        assert _sides(p.ops) == (p.old_text, p.new_text)


@pytest.fixture(scope="module")
def need_corpus_pair():
    from conftest import CORPUS, need_shared
    need_shared(CORPUS)
    c = CORPUS / "诉讼与非诉讼程序法"
    return parse_file(str(c / "行政复议法(2017-09-01).md")), parse_file(str(c / "行政复议法(2023-09-01).md"))


def test_html_fragment_is_escaped_and_marks_changes():
    old = parse_text("某条例\n\n第一条　标记<b>不得</b>使用，A&B 应当登记。\n", "a.txt")
    new = parse_text("某条例\n\n第一条　标记<b>不得</b>使用，A&B 应当及时登记。\n\n第二条　新的一条<script>。\n", "b.txt")
    h = comparison_html(old, new)
    assert "<script>" not in h and "&lt;script&gt;" in h and "&lt;b&gt;" in h and "A&amp;B" in h
    assert '<table class="kb-diff">' in h and "<ins>及时</ins>" in h
    assert "（新增）" in h and "注：" in h
    h3 = comparison_html(old, new, notes_column=True)
    assert "<th>修改说明</th>" in h3


def test_markdown_table(dogs):
    from kb.compare.render.markdown import markdown
    md = markdown(dogs, notes_column=True)
    lines = md.splitlines()
    head = next(l for l in lines if l.startswith("| 修改前"))
    assert head.count("|") == 4 and "修改说明" in head
    assert "~~" in md and "**<u>" in md and "（新增）" in md and "（删除）" in md
    assert any(l.startswith("注：") for l in lines)
    # every table row has the same number of cells
    rows = [l for l in lines if l.startswith("| ")]
    assert len({r.replace("\\|", "").count("|") for r in rows}) == 1


def test_docx_is_a_real_word_table(dogs):
    import docx
    from kb.compare.render.docx import docx_bytes

    d = docx.Document(io.BytesIO(docx_bytes(dogs)))
    assert len(d.tables) == 1
    t = d.tables[0]
    assert len(t.columns) == 2
    assert t.rows[0].cells[0].text.startswith("修改前") and t.rows[0].cells[1].text.startswith("修改后")
    texts = [(r.cells[0].text, r.cells[1].text) for r in t.rows]
    assert ("新增", "第二条　养犬管理坚持政府主导、部门协作、养犬人自律和公众参与相结合的原则。") in texts
    assert any(o.startswith("第四条　居民委员会") and n == "删除" for o, n in texts)
    runs = [r for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert any(r.font.strike for r in runs)
    assert any(r.bold and r.underline for r in runs)
    struck = "".join(r.text for r in runs if r.font.strike)
    assert "居民委员会" in struck               # a deleted article's text is struck through
    assert any(p.text.startswith("注：") for p in d.paragraphs)
    d3 = docx.Document(io.BytesIO(docx_bytes(dogs, notes_column=True)))
    assert len(d3.tables[0].columns) == 3 and d3.tables[0].rows[0].cells[2].text == "修改说明"
    assert all(r.cells[2].text == "" for r in d3.tables[0].rows[1:])


def test_docx_opens_in_libreoffice(dogs, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice（soffice）未安装，无法检查 DOCX 能否打开")
    from kb.compare.render.docx import docx_bytes
    f = tmp_path / "对照表.docx"
    f.write_bytes(docx_bytes(dogs))
    r = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                        "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(f)],
                       capture_output=True, text=True, timeout=120)
    out = tmp_path / "对照表.txt"
    assert out.exists(), r.stderr
    text = out.read_text(encoding="utf-8-sig")
    for s in ("修改前后对照表", "修改前", "修改后", "新增", "删除", "第十一条　本条例自2026年1月1日起施行。",
              "第三章　犬只管理", "注："):
        assert s in text, s


def test_previous_numbers(dogs):
    prev = previous_numbers(dogs.old_doc, dogs.new_doc)
    assert prev["art_9"] == "第七条"
    assert prev["art_3"] == "第二条"
    assert prev["art_10"] == "第八条、第九条"          # merged
    assert "art_1" not in prev and "art_2" not in prev    # same number / new article


def test_obligation_diff_matching_with_a_given_extractor():
    from types import SimpleNamespace as S
    old = parse_file(str(D / "obl-v1.txt"))
    new = parse_file(str(D / "obl-v2.txt"))
    table = {
        old.source: [S(eid="art_2__para_1", actor="区人民政府", modality="permission", action="设立养犬管理服务站"),
                     S(eid="art_3__para_1", actor="养犬人", modality="obligation", action="申请登记",
                       deadline="三十日内"),
                     S(eid="art_4__para_1", actor="养犬人", modality="prohibition", action="遗弃犬只")],
        new.source: [S(eid="art_2__para_1", actor="区人民政府", modality="obligation", action="设立养犬管理服务站"),
                     S(eid="art_3__para_1", actor="养犬人", modality="obligation", action="申请登记",
                       deadline="十五日内"),
                     S(eid="art_4__para_1", actor="街道办事处", modality="obligation", action="协助开展文明养犬宣传")],
    }
    od = obligation_diff(compare(old, new), extract=lambda d: table[d.source])
    gov = od["区人民政府"]["changed"][0]["changes"]
    assert gov == [{"field": "modality", "old": "permission", "new": "obligation", "direction": "stricter"}]
    owner = od["养犬人"]
    assert owner["changed"][0]["changes"] == [{"field": "deadline", "old": "三十日内", "new": "十五日内",
                                               "direction": "shortened"}]
    assert [s["action"] for s in owner["removed"]] == ["遗弃犬只"]
    assert [s["action"] for s in od["街道办事处"]["added"]] == ["协助开展文明养犬宣传"]


def test_obligation_diff_with_the_real_extractor():
    cmp = compare(parse_file(str(D / "obl-v1.txt")), parse_file(str(D / "obl-v2.txt")))
    od = obligation_diff(cmp)
    changes = [c for x in od["区人民政府"]["changed"] for c in x["changes"]]
    assert {"field": "modality", "old": "permission", "new": "obligation", "direction": "stricter"} in changes
    assert any(s["action"].startswith("协助") for s in od["街道办事处"]["added"])


def test_cli_formats(tmp_path, capsys):
    from kb.cli import main
    a, b = str(D / "dogs-v1.txt"), str(D / "dogs-v2.txt")
    assert main(["diff", a, b, "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "拆分 1，合并 1" in out and "[-" in out and "{+" in out and "需要检查的引用" in out
    assert main(["diff", a, b, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["added"] == 2
    for fmt, name in (("html", "x.html"), ("md", "x.md"), ("docx", "x.docx")):
        f = tmp_path / name
        assert main(["diff", a, b, "--format", fmt, "-o", str(f)]) == 0
        assert f.stat().st_size > 500
    capsys.readouterr()
    assert main(["diff", a, b, "--format", "docx"]) == 2            # binary needs -o
    assert "-o" in capsys.readouterr().err
    assert main(["diff", a, str(D / "parks.txt")]) == 1             # nothing in common
    assert main(["diff", a, str(tmp_path / "missing.txt")]) == 2


def test_cli_obligations(capsys):
    from kb.cli import main
    assert main(["diff", str(D / "obl-v1.txt"), str(D / "obl-v2.txt"), "--obligations"]) == 0
    out = capsys.readouterr().out
    assert "区人民政府" in out and "可以 → 应当，要求加重" in out


def test_seed_against_itself(seed_doc):
    cmp = compare(seed_doc, seed_doc)
    assert cmp.summary["unchanged"] == len(seed_doc.articles)
    assert cmp.summary["renumbered"] == 0 and not cmp.references


def test_changed_numbers_are_shown_whole():
    assert char_ops("本条例自2025年1月1日起施行。", "本条例自2026年1月1日起施行。") == [
        (EQ, "本条例自"), (DEL, "2025"), (INS, "2026"), (EQ, "年1月1日起施行。")]
    assert char_ops("违反本法第二十三条规定", "违反本法第二十五条规定") == [
        (EQ, "违反本法第"), (DEL, "二十三"), (INS, "二十五"), (EQ, "条规定")]
    assert char_ops("处五百元以下罚款", "处五千元以下罚款")[1:3] == [(DEL, "五百"), (INS, "五千")]


def test_stale_references_when_the_links_layer_fails(monkeypatch):
    import kb.compare.references as R

    def broken(doc):
        raise RuntimeError("links layer failed")
    monkeypatch.setattr(R, "link_references", broken)           # the regex fallback is used
    cmp = compare(parse_file(str(D / "dogs-v1.txt")), parse_file(str(D / "dogs-v2.txt")))
    assert [(r["article"], r["text"], r["suggest"]) for r in cmp.references] == [("第十条", "第七条", ["第九条"])]


def test_docx_page_is_a4_landscape_with_notes_and_the_table_fits(dogs):
    import docx
    from docx.shared import Cm
    from kb.compare.render.docx import docx_bytes

    for notes in (False, True):
        d = docx.Document(io.BytesIO(docx_bytes(dogs, notes_column=notes)))
        sec = d.sections[0]
        w, h = sorted((sec.page_width, sec.page_height))
        assert abs(w - Cm(21)) < Cm(0.1) and abs(h - Cm(29.7)) < Cm(0.1)       # A4, not Letter
        assert (sec.page_width > sec.page_height) == notes                     # three columns: landscape
        grid = d.tables[0]._tbl.tblGrid
        table_w = sum(int(c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
                      for c in grid.iterchildren())
        text_w = (sec.page_width - sec.left_margin - sec.right_margin) / 635     # EMU → twips
        assert table_w <= text_w, (table_w, text_w)


def _cross_city():
    from conftest import CORPUS, need_shared
    dlc = need_shared(CORPUS) / "DLC"       # the cross-city comparison is of corpus texts
    a = next(dlc.rglob("江门市文明行为促进条例*.md"))
    b = next(dlc.rglob("湛江市文明行为促进条例*.md"))
    return compare(parse_file(str(a)), parse_file(str(b)))


def test_two_regulations_report_correspondence_not_amendments():
    from kb.compare.render.docx import docx_bytes
    from kb.compare.render.html import html_page
    from kb.compare.render.markdown import markdown
    from kb.compare.render.terminal import terminal
    c = _cross_city()
    assert c.summary["same_regulation"] is False and c.summary["related"]
    paired = [p for p in c.pairs if p.old is not None and p.new is not None]
    t = terminal(c, color=False)
    head = t.splitlines()[1]
    assert head.startswith("两部法规的条文对应：江门市文明行为促进条例 52 条中有")
    assert f"共 {len(paired)} 对" in head and "平均相似度" in head and "高度相近" in head
    # every corresponding pair is named with its similarity
    listing = t.splitlines()[2]
    for p in paired:
        assert f"{p.old_label}≈{p.new_label} {p.similarity:.2f}" in listing
    assert "[对应]" in t and "[修改" not in t and "条号变动" not in t
    # articles without counterpart are named in one line each side, not printed whole
    only = [l for l in t.splitlines() if "中没有对应条文的" in l]
    assert len(only) == 2 and only[0].startswith("江门市文明行为促进条例中没有对应条文的（")
    # (江门 第九条, 公民应当热爱祖国……遵守公序良俗, corresponds to 湛江 第六条's first paragraph)
    assert "第十条、第十一条" in only[0] and "第九条" not in only[0]
    md = markdown(c)
    assert md.splitlines()[0] == "# 江门市文明行为促进条例与湛江市文明行为促进条例条文对照表"
    assert "（无对应条文）" in md and "（新增）" not in md and "（删除）" not in md
    assert "江门市文明行为促进条例有而湛江市文明行为促进条例没有的表述" in md
    assert "条文对照表" in html_page(c) and "无对应条文" in html_page(c)
    import docx
    d = docx.Document(io.BytesIO(docx_bytes(c)))
    cells = {cell.text for row in d.tables[0].rows for cell in row.cells}
    assert "无对应条文" in cells and "新增" not in cells and "删除" not in cells


def test_versions_of_one_regulation_are_recognised(dogs):
    from kb.compare.diff import same_regulation
    assert dogs.summary["same_regulation"] is True
    a = parse_text("某市养犬管理条例（草案）\n第一条　甲。\n", "a.txt", "txt")
    b = parse_text("某市养犬管理条例\n第一条　甲。\n", "b.txt", "txt")
    c = parse_text("某市文明行为促进条例\n第一条　甲。\n", "c.txt", "txt")
    assert same_regulation(a, b) and not same_regulation(a, c)


def test_renumberings_listed_in_full_with_runs_as_ranges(dogs):
    from kb.compare.render.summary import renumbering_runs, summary_text
    runs = renumbering_runs(dogs)
    assert "第六条至第八条→第八条至第十条" in runs
    text = summary_text(dogs)
    assert "条号变动（9 处）：" in text and "，".join(runs) in text and " 等 " not in text


def test_renumbering_ranges_expand_to_every_renumbering(need_corpus_pair):
    from kb.text.numerals import article_label, parse_numeral
    from kb.compare.render.summary import renumbering_runs
    old, new = need_corpus_pair
    c = compare(old, new)
    want = {(r["old"], r["new"]) for r in c.summary["renumberings"]}
    got = set()
    for r in renumbering_runs(c):
        o, n = r.split("→")
        if "至" in o:
            (o1, o2), (n1, n2) = o.split("至"), n.split("至")
            a = parse_numeral(o1[1:-1])
            b = parse_numeral(n1[1:-1])
            k = parse_numeral(o2[1:-1]) - a
            assert k == parse_numeral(n2[1:-1]) - b >= 2
            got |= {(article_label(a + i), article_label(b + i)) for i in range(k + 1)}
        else:                               # one article, or one split into several: 第十条→第十四条、第十六条
            got |= {(o, m) for m in n.split("、")}
    assert got == want and len(want) > 40
    olds = [r.split("→")[0] for r in renumbering_runs(c)]
    assert len(olds) == len(set(olds))      # each old article (or range) once


def test_cli_obligations_show_the_deadline_itself(capsys):
    from kb.compare.render.obligations import deadline_text as _deadline
    assert _deadline("行政复议机关应当自受理申请之日起三十日内") == "自受理申请之日起三十日内"
    assert _deadline("养犬人应当在取得犬只之日起三十日内") == "在取得犬只之日起三十日内"
    assert _deadline("但是自知道或者应当知道行政行为内容之日起最长不得超过一年") == \
        "自知道或者应当知道行政行为内容之日起最长不得超过一年"
    assert _deadline("七日内") == "七日内" and _deadline(None) is None
    from kb.cli import main
    assert main(["diff", str(D / "obl-v1.txt"), str(D / "obl-v2.txt"), "--obligations"]) == 0
    out = capsys.readouterr().out
    assert "（期限：在取得犬只之日起三十日内 → 在取得犬只之日起十五日内，期限缩短）" in out
    assert "养犬人应当" not in out


def test_cli_unrelated_texts_exit_1_in_every_mode(capsys):
    from kb.cli import main
    a = str(D / "obl-v1.txt")
    b = str(D / "parks.txt")
    for extra in ([], ["--format", "json"], ["--format", "md"], ["--obligations"]):
        assert main(["diff", a, b, *extra]) == 1, extra
    capsys.readouterr()


def test_html_page_is_standalone_and_fits_a_phone(dogs, tmp_path):
    import re as _re
    from kb.compare.render.html import html_page
    h = html_page(dogs)
    assert h.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in h
    assert 'name="viewport" content="width=device-width' in h
    # works offline: nothing loaded from elsewhere
    assert not _re.search(r"<(link|script|img|iframe)\b|@import|url\(", h)
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.skip("chromium 未安装")
    f = tmp_path / "diff.html"
    f.write_text(h, encoding="utf-8")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium)
        page = b.new_page(viewport={"width": 390, "height": 800}, device_scale_factor=1, is_mobile=True)
        page.goto(f.as_uri())
        # the table fits the phone's width: no horizontal scrolling
        assert page.evaluate("document.documentElement.scrollWidth") <= 392
        assert page.evaluate("getComputedStyle(document.querySelector('ins')).textDecorationLine") == "underline"
        assert page.evaluate("getComputedStyle(document.querySelector('del')).textDecorationLine") == "line-through"
        b.close()


def test_terminal_says_when_nothing_changed(seed_doc, dogs):
    from kb.compare.render.terminal import terminal
    assert terminal(compare(seed_doc, seed_doc), color=False).rstrip().endswith("两个文本的条文完全相同，没有修改。")
    assert "完全相同" not in terminal(dogs, color=False)


def test_a_chapter_that_became_a_section_is_one_heading(need_corpus_pair):
    from kb.compare.render.terminal import terminal
    old, new = need_corpus_pair
    c = compare(old, new)
    hs = [(h.old.label if h.old else None, h.new.label if h.new else None, h.status)
          for h in c.alignment.headings if "行政复议范围" in ((h.old or h.new).title or "")]
    assert hs == [("第二章", "第一节", "regraded")]
    t = terminal(c, color=False)
    assert "第二章　行政复议范围 → 第一节　行政复议范围  [层级变动]" in t
    assert "第三章　行政复议申请 → 第二章　行政复议申请  [序号变动]" in t
    assert "行政复议范围 → （删除）" not in t


def test_cli_obligations_open_with_the_gist(capsys):
    from kb.cli import main
    assert main(["diff", str(D / "obl-v1.txt"), str(D / "obl-v2.txt"), "--obligations"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "义务变化涉及 3 个主体：新增 1，删除 1，改变 2。"
    assert out[1] == "情态或期限改变（2 处）："
    assert "  区人民政府　第二条 → 第二条　情态：可以 → 应当，要求加重" in out[2:4]
    assert any(l.startswith("  养犬人　第三条 → 第三条　期限：") and l.endswith("期限缩短") for l in out[2:4])


def test_cli_obligations_real_revision_is_not_swamped(capsys, need_corpus_pair):
    from kb.cli import main
    old, new = need_corpus_pair
    assert main(["diff", old.source, new.source, "--obligations"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("义务变化涉及")
    gist = out[2:out.index("")]
    # a change shared by coordinated actors (公民、法人或者其他组织) is one line, not three
    assert len(gist) == len(set(l.split("　", 1)[1] for l in gist))
    assert any("公民" in l and "法人" in l and "第九条 → 第二十条" in l and "六十日内" in l for l in gist)


def test_article_numbers_set_in_bold_in_every_table(dogs):
    import docx
    from kb.compare.render.docx import docx_bytes
    from kb.compare.render.html import html_page
    from kb.compare.render.markdown import markdown
    d = docx.Document(io.BytesIO(docx_bytes(dogs)))
    first = d.tables[0].rows[2].cells[1].paragraphs[0].runs[0]
    assert first.text == "第一条" and first.bold and not first.underline and not first.font.strike
    assert '<b class="kb-label">第十一条</b>' in html_page(dogs)
    assert "| **第十一条**　本条例自**<u>2026</u>**年1月1日起施行。 |" in markdown(dogs)


def test_docx_lists_the_renumberings_under_the_table(dogs):
    import docx
    from kb.compare.render.docx import docx_bytes
    from kb.compare.render.summary import renumbering_runs
    d = docx.Document(io.BytesIO(docx_bytes(dogs)))
    texts = [p.text for p in d.paragraphs]
    legend = next(i for i, t in enumerate(texts) if t.startswith("注："))
    assert texts[legend + 1] == "附：条号变动（9 处）：" + "，".join(renumbering_runs(dogs))


def test_cli_obligations_refuse_docx(tmp_path, capsys):
    from kb.cli import main
    out = tmp_path / "o.docx"
    assert main(["diff", str(D / "obl-v1.txt"), str(D / "obl-v2.txt"), "--obligations", "--format", "docx",
                 "-o", str(out)]) == 2
    assert not out.exists()
    capsys.readouterr()


def test_kb_diff_of_two_peers_pairs_them_with_the_related_provision_scorer(capsys):
    """Newcomer review 2, item 10: kb diff of 北京市志愿服务促进条例 and 重庆市志愿服务条例 paired 4 of 41 articles
    ("其余条文没有对应"), though kb related finds near copies (北京第三十九条 for 重庆第二十五条, 53% shared; 北京第六条
    for 重庆第五条).  Two different regulations are now paired by the related-provision scorer of 同类立法
    (kb.library.peers); a diff of two versions of one regulation is the version alignment's, unchanged."""
    import json

    from conftest import ROOT, SHARED, need_shared, run_kb
    from kb.project import load, resolve

    REVISED = need_shared() / "fixtures" / "suining-revised-draft.txt"

    rc, out, err = run_kb(["diff", "北京市志愿服务促进条例@2020-12-25", "重庆市志愿服务条例@2015-05-28",
                           "--format", "json"], ROOT, capsys)
    assert rc == 0, err
    data = json.loads(out)
    pairs = {(p["old"], p["new"]) for p in data["pairs"] if p["old"] and p["new"]}
    assert data["summary"]["same_regulation"] is False and data["summary"]["related"]
    assert len(pairs) >= 30, pairs
    assert {("第三十九条", "第二十五条"), ("第六条", "第五条"), ("第二条", "第三条"), ("第五十条", "第四十一条")} <= pairs
    rc, out, _ = run_kb(["diff", "北京市志愿服务促进条例@2020-12-25", "重庆市志愿服务条例@2015-05-28"], ROOT, capsys)
    assert "第三十九条≈第二十五条" in out.splitlines()[2] and "其余条文没有对应" not in out
    # two versions of one regulation: what kb diff prints is the version alignment's, as before
    old, new = (load(resolve(ROOT, s)) for s in ("suining-community@draft", str(REVISED)))
    rc, out, _ = run_kb(["diff", "suining-community@draft", str(REVISED), "--format", "json"], ROOT, capsys)
    assert json.loads(out)["pairs"] == json.loads(compare(old, new).to_json())["pairs"]


def test_kb_diff_of_two_unrelated_regulations_pairs_nothing_by_force(capsys):
    """Review final 2, item 2: 北京市物业管理条例 against 北京市志愿服务促进条例 (or 重庆市志愿服务条例) gave exit 0 with
    pairs such as 第十条≈第二十五条 0.11, which the scorer, asked about the two texts alone, offered above its
    同类立法 threshold.  Only the answers the scorer itself offers in the knowledge base count now: none or one
    here, so the two are not related (exit 1, the old message, no weak pair listed)."""
    import json

    from conftest import ROOT, run_kb

    for a, b in (("北京市物业管理条例", "北京市志愿服务促进条例"), ("重庆市志愿服务条例", "北京市物业管理条例")):
        rc, out, err = run_kb(["diff", a, b], ROOT, capsys)
        assert rc == 1, (a, b, out, err)
        assert "未强行配对" in out.splitlines()[1] and "两部法规的条文对应" not in out
        assert "第十条≈第二十五条" not in out and "第三十九条≈第七十二条" not in out
        rc, out, _ = run_kb(["diff", a, b, "--format", "json"], ROOT, capsys)
        data = json.loads(out)
        assert rc == 1 and data["summary"]["related"] is False
        assert all(p["similarity"] >= 0.5 for p in data["pairs"] if p["old"] and p["new"]), data["pairs"]
