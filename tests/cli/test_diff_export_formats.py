"""``kb diff --format xlsx|csv|pdf`` and ``kb export --format docx|pdf``: the 对照表 and the text of one regulation
in the files kb already makes for the site, without a site build (newcomer review 5, item 10).  Real texts: 慈善法
2016 → 2023 from the corpus, the seed; the PDF made by LibreOffice where it is installed, and a clear exit 2 where
it is not."""
from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from conftest import CORPUS, ROOT, need_shared, run_kb

OLD = CORPUS / "社会法" / "慈善法(2016-03-16).md"
NEW = CORPUS / "社会法" / "慈善法(2023-12-29).md"


def _pdf_converter():
    from kb.site.pdf import converter

    if converter() is None:
        pytest.skip("LibreOffice（soffice）未安装：不能生成 PDF")


def _csv_rows(path):
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_comparison_as_a_worksheet_one_row_per_pair(tmp_path, capsys):
    need_shared(OLD)
    rc, out, err = run_kb(["diff", str(OLD), str(NEW), "--format", "json"], ROOT, capsys)
    summary = json.loads(out)["summary"]
    rc, _, err = run_kb(["diff", str(OLD), str(NEW), "--format", "csv", "-o", str(tmp_path / "t.csv")], ROOT, capsys)
    assert rc == 0, err
    rows = _csv_rows(tmp_path / "t.csv")
    head, body = rows[0], rows[1:]
    assert head == ["序号", "类别", "修改前条款", "修改后条款", "修改类型", "条号变动", "移至他章", "相似度",
                    "修改前文本", "修改后文本", "修改说明"]
    arts = [r for r in body if r[1] == "条文"]
    kinds = [r[4] for r in arts]
    # as many 修改 / 新增 rows as the comparison counts (splits and merges are one row each, as in the Word table)
    assert kinds.count("修改") == summary["modified"] and kinds.count("新增") == summary["added"]
    moved = next(r for r in arts if r[2] == "第三十条")
    assert (moved[3], moved[5], moved[6]) == ("第七十条", "是", "移自第三章")
    ninth = next(r for r in arts if r[2] == "第九条")
    assert ninth[4] == "未修改" and ninth[7] == "1.0" and ninth[10] == ""        # width aside, the same words
    assert "非法人组织" in next(r for r in arts if r[2] == "第二条")[9]
    # the workbook holds the same rows, and a sheet saying what is compared
    rc, _, err = run_kb(["diff", str(OLD), str(NEW), "--format", "xlsx", "-o", str(tmp_path / "t.xlsx")], ROOT, capsys)
    assert rc == 0, err
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames == ["对照表", "说明"]
    got = [["" if c is None else str(c) for c in row] for row in wb["对照表"].iter_rows(values_only=True)]
    assert got == rows
    facts = dict(wb["说明"].iter_rows(min_row=2, values_only=True))
    assert facts["标题"] == "中华人民共和国慈善法修改前后对照表" and facts["修改"] == summary["modified"]
    # --changed-only leaves the unchanged articles out, as in the Word table
    rc, _, err = run_kb(["diff", str(OLD), str(NEW), "--format", "csv", "--changed-only", "-o", str(tmp_path / "c.csv")],
                        ROOT, capsys)
    changed = [r for r in _csv_rows(tmp_path / "c.csv")[1:] if r[1] == "条文"]
    assert rc == 0 and "第九条" not in [r[2] for r in changed] and len(changed) < len(arts)
    # a workbook is binary: -o is needed
    rc, _, err = run_kb(["diff", str(OLD), str(NEW), "--format", "xlsx"], ROOT, capsys)
    assert rc == 2 and "需要用 -o" in err


def test_the_comparison_and_a_text_as_pdf(tmp_path, capsys):
    need_shared(OLD)
    _pdf_converter()
    rc, _, err = run_kb(["diff", str(OLD), str(NEW), "--format", "pdf", "-o", str(tmp_path / "t.pdf")], ROOT, capsys)
    assert rc == 0, err
    assert (tmp_path / "t.pdf").read_bytes()[:5] == b"%PDF-"
    rc, _, err = run_kb(["export", "-r", "suining-community", "--format", "pdf", "-o", str(tmp_path / "s.pdf")],
                        ROOT, capsys)
    assert rc == 0, err
    data = (tmp_path / "s.pdf").read_bytes()
    assert data[:5] == b"%PDF-" and b"/Title" in data


def test_without_libreoffice_a_pdf_is_refused_with_the_way_out(tmp_path, capsys, monkeypatch):
    need_shared(OLD)
    monkeypatch.setattr("kb.site.pdf.CONVERTERS", ("no-such-office-suite",))
    for args in (["diff", str(OLD), str(NEW)], ["export", "-r", "suining-community"],
                 ["diff", str(OLD), str(NEW), "--as", "decision"]):
        out = tmp_path / "x.pdf"
        rc, _, err = run_kb(args + ["--format", "pdf", "-o", str(out)], ROOT, capsys)
        assert rc == 2 and not out.exists(), (args, err)
        assert "生成 PDF 需要 LibreOffice（soffice），本机未安装" in err and "--format docx" in err, err


def test_a_text_as_the_sites_word_document(tmp_path, capsys):
    from docx import Document

    out = tmp_path / "s.docx"
    rc, _, err = run_kb(["export", "-r", "suining-community", "--format", "docx", "-o", str(out)], ROOT, capsys)
    assert rc == 0, err
    d = Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "遂宁市社区发展治理促进条例" in text and "第一条" in text and "第四十五条" in text
    head = d.sections[0].header.paragraphs[0].text
    assert head.startswith("《遂宁市社区发展治理促进条例》草案征求意见稿") and "以正式文本为准" in head
    with zipfile.ZipFile(out) as z:
        assert "遂宁市社区发展治理促进条例（草案征求意见稿）" in z.read("docProps/core.xml").decode("utf-8")
    # to a terminal: refused (binary), nothing printed
    rc, stdout, err = run_kb(["export", "-r", "suining-community", "--format", "docx"], ROOT, capsys)
    assert rc == 2 and "需要用 -o" in err and not stdout
    # several texts: one file each in the folder
    rc, _, err = run_kb(["export", "suining-community@draft", "城市居民委员会组织法", "--format", "docx",
                         "-o", str(tmp_path / "many")], ROOT, capsys)
    assert rc == 0, err
    assert sorted(p.suffix for p in (tmp_path / "many").iterdir()) == [".docx", ".docx"]


def test_the_worksheet_says_which_versions_it_compares(tmp_path, capsys):
    # newcomer review 6, item 3: the 说明 sheet said 修改前：修改前, 修改后：修改后 — the one place in the workbook that
    # should name the two texts named neither.  It names what the column heads of the Word table and the terminal name.
    need_shared(OLD)
    from openpyxl import load_workbook

    from conftest import SHARED

    rc, _, err = run_kb(["diff", str(OLD), str(NEW), "--format", "xlsx", "-o", str(tmp_path / "t.xlsx")], ROOT, capsys)
    assert rc == 0, err
    facts = dict(load_workbook(tmp_path / "t.xlsx")["说明"].iter_rows(min_row=2, values_only=True))
    assert (facts["修改前"], facts["修改后"]) == ("2016-03-16", "2023-12-29")
    rc, out, _ = run_kb(["diff", str(OLD), str(NEW)], ROOT, capsys)
    assert out.splitlines()[0] == "修改前（2016-03-16） → 修改后（2023-12-29）"
    # the seed's draft and the fixture's second draft: their stages
    fixture = SHARED / "fixtures" / "suining-revised-draft.txt"
    rc, _, err = run_kb(["diff", str(ROOT / "regulation/suining-community/draft.txt"), str(fixture), "--format", "xlsx",
                         "-o", str(tmp_path / "s.xlsx")], ROOT, capsys)
    assert rc == 0, err
    facts = dict(load_workbook(tmp_path / "s.xlsx")["说明"].iter_rows(min_row=2, values_only=True))
    assert (facts["修改前"], facts["修改后"]) == ("草案征求意见稿", "草案修改稿")
