"""The obligation matrix on the real seed: grouping, the three views as grids, and every renderer
(the XLSX cells numbers, their provisions in comments and on a sheet of their own)."""
from __future__ import annotations

import csv
import io
import json

import pytest

from kb.layers.actors import KINDS
from kb.outputs import matrix as mx
from kb.outputs.formats import width


@pytest.fixture(scope="module")
def m(seed_doc):
    return mx.build(seed_doc, by="modality")


def test_rows_grouped_by_kind_then_level(m):
    kinds = [KINDS.index(r.kind) for r in m.rows]
    assert kinds == sorted(kinds)
    gov = [r.actor for r in m.rows if r.kind == "government"]
    assert gov.index("市人民政府") < gov.index("县（市、区）人民政府") < gov.index("乡镇人民政府")
    r = {x.actor: x for x in m.rows}
    assert r["民政部门"].level == "市、县（市、区）"
    assert r["居民委员会"].kind == "self-governing"


def test_columns_tell_the_body_that_acts_from_the_party_held_liable(m):
    assert m.columns == ["obligation", "prohibition", "permission", "encouragement", "sanction", "liability"]
    assert [m.labels[c] for c in m.columns] == ["义务", "禁止", "授权", "鼓励", "追责", "责任"]
    r = {x.actor: x for x in m.rows}
    assert r["居民会议"].counts == {"sanction": 1}                  # 予以纠正: it acts, it does not punish
    assert r["居民委员会"].counts["liability"] == 1 and r["居民委员会"].cells["liability"] == ["第三十七条"]


def test_cells_count_duties_and_list_provisions_in_article_order(m, seed_doc):
    from kb.layers.obligations import extract
    r = {x.actor: x for x in m.rows}
    assert r["开发建设单位"].cells == {"obligation": ["第十三条"]}
    # 第十三条 holds two duties of the department (组织……验收, 督促……移交): two, one provision
    assert r["住房和城乡建设部门"].counts["obligation"] == 3 and r["住房和城乡建设部门"].cells["obligation"][:1] == ["第五条第三款"]
    assert r["居民委员会"].cells["permission"] == ["第二十六条第一款", "第三十四条"]
    # the list of 第十五条第一款: the lead-in stands for its four items, one 规定 (review-newcomer4 item 5)
    assert r["居民委员会"].cells["obligation"][:3] == ["第七条", "第十五条第一款", "第十七条第一款"]
    stmts = extract(seed_doc)
    items = [s for s in stmts if s.item is not None and any(x.items and s.item in x.items and x.actor == s.actor
                                                            and x.eid == s.eid.rsplit("__", 1)[0] for x in stmts)]
    assert len(items) == 34
    assert sum(x.total for x in m.rows) == len(stmts) - len(items)        # none without an actor
    for row in m.rows:
        for c, prov in row.cells.items():
            assert len(prov) <= row.counts[c]


def test_views(seed_doc):
    c = mx.build(seed_doc, by="chapter")
    assert len(c.columns) == 7 and c.labels[c.columns[0]].startswith("第一章") and c.short[c.columns[0]] == "第一章"
    r = {x.actor: x for x in c.rows}
    assert r["同级人民政府"].cells == {"chp_6": ["第三十六条"]} and r["同级人民政府"].counts == {"chp_6": 1}
    assert "1 项规定（1 个条款）：第三十六条" in mx.render_csv(c)          # a chapter's column counts 规定
    a = mx.build(seed_doc, by="article")
    assert "13" in a.columns and "1" not in a.columns       # only articles with statements
    assert {x.actor: x for x in a.rows}["开发建设单位"].cells == {"13": ["第十三条"]}


@pytest.mark.parametrize("by", mx.VIEWS)
def test_every_view_is_a_grid_that_fits_and_never_cuts_a_name(seed_doc, by):
    m = mx.build(seed_doc, by=by)
    for cols in (100, 60):
        grid = mx.render_grid(m, cols)
        assert max(width(line) for line in grid.splitlines()) <= cols, (by, cols)
        for r in m.rows:
            assert any(line.startswith(r.actor + " ") or line == r.actor for line in grid.splitlines()), r.actor
    text = mx.render_table(m, 100)
    assert max(width(line) for line in text.splitlines()) <= 100
    if by == "article":                    # more columns than fit: blocks, each with the actors again
        grid = mx.render_grid(m, 100)
        assert sum(1 for line in grid.splitlines() if line.startswith("主体")) > 1


def test_csv_json_md(m):
    c = mx.render_csv(m)
    assert c.startswith("\ufeff") and "\r\n" in c
    rows = list(csv.reader(io.StringIO(c.lstrip("\ufeff"))))
    assert rows[0][:3] == ["主体", "类别", "层级"] and rows[0][-1] == "合计"
    dev = next(r for r in rows if r[0] == "开发建设单位")
    assert dev[3] == "1 项义务（1 个条款）：第十三条"
    d = json.loads(json.dumps(m.to_dict(), ensure_ascii=False))
    assert d["by"] == "modality" and [c["key"] for c in d["columns"]][0] == "obligation"
    row = next(r for r in d["rows"] if r["actor"] == "开发建设单位")
    assert row["cells"]["obligation"] == {"count": 1, "provisions": ["第十三条"]}
    md = mx.render_md(m)
    assert md.startswith("| 主体 |") and "| 开发建设单位 |" in md


def test_xlsx_cells_are_numbers_with_their_provisions(seed_doc, tmp_path):
    from openpyxl import load_workbook
    p = tmp_path / "m.xlsx"
    p.write_bytes(mx.render_xlsx(seed_doc))
    wb = load_workbook(p)
    assert wb.sheetnames == ["按情态", "按章", "按条", "条款明细", "全部条款"]
    ws = wb["按情态"]
    head = [c.value for c in ws[1]]
    assert head[:4] == ["主体", "类别", "层级", "义务"] and head[-3:] == ["追责", "责任", "合计"]
    assert ws.max_row == len(mx.build(seed_doc).rows) + 1
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "开发建设单位")
    assert row[3].value == 1 and isinstance(row[3].value, int)          # sortable, summable
    assert row[3].comment is not None and "第十三条" in row[3].comment.text
    assert isinstance(row[-1].value, int)
    assert row[-1].comment is None          # the 合计 cell carries no cell's note (openpyxl's write-only mode copied one)
    detail = [[c.value for c in r] for r in wb["条款明细"].iter_rows(min_row=2)]
    assert ["按情态", "开发建设单位", "义务", 1, 1, "第十三条"] in detail
    alls = wb["全部条款"]
    assert [c.value for c in alls[1]][:4] == ["条", "款", "项", "分句"]
    assert all(isinstance(r[0].value, int) for r in alls.iter_rows(min_row=2))      # the 条 column: numbers
    assert alls.max_row > 100


def test_cli_matrix(capsys, tmp_path):
    from kb.cli import main
    assert main(["matrix", "--by", "chapter", "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert "第一章 总则" in out and out.splitlines()[0].split()[:3] == ["主体", "第一章", "第二章"]
    assert main(["matrix", "--by", "article", "--width", "100"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:2] == ["主体", "4"]
    assert main(["matrix", "--format", "xlsx"]) == 2             # binary format needs -o
    assert "-o" in capsys.readouterr().err
    f = tmp_path / "m.xlsx"
    assert main(["matrix", "--format", "xlsx", "-o", str(f)]) == 0 and f.stat().st_size > 1000
    f = tmp_path / "m.csv"
    assert main(["matrix", "--format", "csv", "-o", str(f)]) == 0
    assert f.read_bytes().startswith(b"\xef\xbb\xbf")


def test_level_column_is_not_clipped_when_the_width_allows(seed_doc):
    text = mx.render_table(mx.build(seed_doc, by="modality"), width=100)
    assert "市、县（市、区）" in text
    assert max(width(line) for line in text.splitlines()) <= 100


def test_a_matrix_wider_than_a_sheet_is_refused_with_a_message():
    """An Excel sheet holds 16,384 columns: the by-article view of a text of more articles is
    refused with a message naming the file and the way out, not an openpyxl traceback (issue 18)."""
    from kb.errors import KbError
    from kb.outputs.matrix import XLSX_MAX_COLUMNS, render_xlsx
    from kb.text.parse import parse_text

    n = XLSX_MAX_COLUMNS
    doc = parse_text("".join(f"第{k}条　居民委员会应当办理第{k}项事务。\n" for k in range(1, n + 1)), "wide.txt")
    with pytest.raises(KbError) as e:
        render_xlsx(doc)
    assert "16,384 列" in e.value.message and "CSV" in e.value.message and e.value.file == "wide.txt"


def test_the_width_refusal_prints_only_kbs_message(tmp_path):
    """The refusal leaves nothing else on stderr: a write-only sheet created before it was raised
    printed openpyxl's "Exception ignored … LxmlSyntaxError" tracebacks as it was collected
    (issue 18).  The seed's by-article view is made too wide by lowering the limit in the child."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from conftest import SEED

    out = tmp_path / "m.xlsx"
    code = ("import sys, kb.outputs.matrix as m; m.XLSX_MAX_COLUMNS = 12\n"
            "from kb.cli import main; sys.exit(main(sys.argv[1:]))")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"), KB_LAYER_CACHE="off")
    p = subprocess.run([sys.executable, "-c", code, "matrix", str(SEED), "--format", "xlsx", "-o", str(out)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 2
    lines = [l for l in p.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "超过 Excel 一张表 12 列的上限" in lines[0] and str(SEED) in lines[0], p.stderr
    assert not out.exists()


def test_full_width_formula_characters_are_neutralised_in_csv(tmp_path, capsys):
    """＝ ＋ － ＠ (an input method's full-width forms, also after spaces or full-width spaces)
    start a formula in a spreadsheet as = + - @ do: kb obligations, kb matrix and the site's
    *-matrix.csv write such a cell as text (a leading apostrophe), like the ASCII ones."""
    from conftest import run_kb
    from kb.outputs.formats import as_text_cell

    for v in ("＝1+1", "＋1", "－1", "＠SUM(A1)", "　＝1+1", " ＝1", "\u3000\u3000+1", " =1"):
        assert as_text_cell(v) == "'" + v, v
    for v in ("第一条", "甲＝乙", "1-2", ""):
        assert as_text_cell(v) == v
    f = tmp_path / "t.txt"
    f.write_text('第一条　居民委员会应当＝HYPERLINK("http://x")。\n第二条　街道办事处应当　＋1+1。\n',
                 encoding="utf-8")
    rc, out, _ = run_kb(["obligations", str(f), "--format", "csv"], tmp_path, capsys)
    assert rc == 0
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert [r["行为"] for r in rows] == ['\'＝HYPERLINK("http://x")', "'　＋1+1"]
    for r in rows:
        for cell in r.values():
            assert not (cell or "").lstrip(" \u3000").startswith(("=", "+", "-", "@", "＝", "＋", "－", "＠"))


def test_a_cell_says_it_counts_duties_beside_the_provisions_it_lists(seed_doc, tmp_path):
    # review-newcomer3 item 13: 市人民政府 has 12 duties in 11 provisions (two in 第三十条): every format
    # says which number is which, never a bare "12：" before 11 provisions
    from openpyxl import load_workbook
    m = mx.build(seed_doc)
    gov = next(r for r in m.rows if r.actor == "市人民政府")
    n, provisions = gov.counts["obligation"], gov.cells["obligation"]
    assert n == 12 and len(provisions) == 11 and "第三十条" in provisions
    said = "12 项义务（11 个条款）"
    row = next(r for r in csv.reader(io.StringIO(mx.render_csv(m).lstrip("\ufeff"))) if r[0] == "市人民政府")
    assert row[3] == f"{said}：" + "、".join(provisions)
    assert f"| {said}<br>第四条第一款、" in mx.render_md(m)
    table = mx.render_table(m, 100)
    assert f"义务 {said}：4.1, 4.2" in table and "格中的数字是规定的项数" in table and "共 14 项规定" in table
    p = tmp_path / "m.xlsx"
    p.write_bytes(mx.render_xlsx(seed_doc))
    wb = load_workbook(p)
    assert [c.value for c in wb["条款明细"][1]] == ["视图", "主体", "列", "规定项数", "条款数", "条款"]
    assert ["按情态", "市人民政府", "义务", 12, 11, "、".join(provisions)] in \
        [[c.value for c in r] for r in wb["条款明细"].iter_rows(min_row=2)]
    cell = next(r for r in wb["按情态"].iter_rows(min_row=2) if r[0].value == "市人民政府")[3]
    assert cell.value == 12 and cell.comment.text.startswith(f"{said}：第四条第一款")


def test_a_list_counts_once_and_each_column_names_its_unit(seed_doc, tmp_path):
    # review-newcomer4 item 5: 第十六条 forbids five bodies to hand four kinds of matter to the 居委会 -- one
    # prohibition each, not "5 项义务（5 个条款）：第十六条、第十六条第一项…"; 授权 and 追责 say what they count
    from openpyxl import load_workbook
    m = mx.build(seed_doc)
    rows = {r[0]: r for r in csv.reader(io.StringIO(mx.render_csv(m).lstrip("\ufeff")))}
    head = rows["主体"]
    gov = dict(zip(head, rows["市人民政府"]))
    assert gov["禁止"] == "1 项禁止（1 个条款）：第十六条"
    assert gov["授权"].startswith("1 项授权（1 个条款）：第十五条第三款")
    assert dict(zip(head, rows["同级人民政府"]))["追责"] == "1 项追责（1 个条款）：第三十六条"
    assert not any("项义务" in v for r in rows.values() for k, v in zip(head, r) if k != "义务")
    d = m.to_dict()
    assert [c["unit"] for c in d["columns"]] == ["项义务", "项禁止", "项授权", "项鼓励", "项追责", "项责任"]
    p = tmp_path / "m.xlsx"
    p.write_bytes(mx.render_xlsx(seed_doc))
    sheet = [[c.value for c in r] for r in load_workbook(p)["全部条款"].iter_rows()]
    item = next(r for r in sheet if r[4] == "第十六条第一项" and r[5] == "市人民政府")
    assert item[8] == "将属于自己职责范围内的下列事项交由居民委员会办理：招商引资、协税护税、经济创收等事项"
    assert item[-1] == "第十六条" and sheet[0][-1] == "随引语计入"
