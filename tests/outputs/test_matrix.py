"""The obligation matrix on the real seed: grouping, the three views, and every renderer."""
from __future__ import annotations

import csv
import io
import json

import pytest

from kb.outputs import matrix as mx
from kb.layers.actors import KINDS
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


def test_cells_count_and_provisions(m):
    r = {x.actor: x for x in m.rows}
    assert r["开发建设单位"].cells == {"obligation": ["第十三条"]}
    assert r["居民委员会"].cells["permission"] == ["第二十六条第一款", "第三十四条"]
    assert len(r["县（市、区）人民政府"].cells["obligation"]) == 14
    assert sum(x.total for x in m.rows) == 110              # one per (article, paragraph, item, actor, modality)


def test_views(seed_doc):
    c = mx.build(seed_doc, by="chapter")
    assert len(c.columns) == 7 and c.labels[c.columns[0]].startswith("第一章")
    r = {x.actor: x for x in c.rows}
    assert r["同级人民政府"].cells == {"chp_6": ["第三十六条"]}
    a = mx.build(seed_doc, by="article")
    assert "13" in a.columns and "1" not in a.columns       # only articles with statements
    assert {x.actor: x for x in a.rows}["开发建设单位"].cells == {"13": ["第十三条"]}


def test_table_fits_100_columns(seed_doc):
    for by in mx.VIEWS:
        text = mx.render_table(mx.build(seed_doc, by=by), 100)
        assert max(width(line) for line in text.splitlines()) <= 100, by
    text = mx.render_table(mx.build(seed_doc, by="modality"), 100)
    assert "【政府及派出机关】" in text and "义务" in text and "13.1" not in text and "13" in text


def test_csv_json_md(m):
    c = mx.render_csv(m)
    assert c.startswith("\ufeff") and "\r\n" in c
    rows = list(csv.reader(io.StringIO(c.lstrip("\ufeff"))))
    assert rows[0][:3] == ["主体", "类别", "层级"] and rows[0][-1] == "合计"
    dev = next(r for r in rows if r[0] == "开发建设单位")
    assert dev[3] == "1：第十三条"
    d = json.loads(json.dumps(m.to_dict(), ensure_ascii=False))
    assert d["by"] == "modality" and [c["key"] for c in d["columns"]][0] == "obligation"
    row = next(r for r in d["rows"] if r["actor"] == "开发建设单位")
    assert row["cells"]["obligation"] == {"count": 1, "provisions": ["第十三条"]}
    md = mx.render_md(m)
    assert md.startswith("| 主体 |") and "| 开发建设单位 |" in md


def test_xlsx_one_sheet_per_view(seed_doc, tmp_path):
    from openpyxl import load_workbook
    data = mx.render_xlsx(seed_doc)
    p = tmp_path / "m.xlsx"
    p.write_bytes(data)
    wb = load_workbook(p)
    assert wb.sheetnames == ["按情态", "按章", "按条", "全部条款"]
    ws = wb["按情态"]
    assert [c.value for c in ws[1]][:4] == ["主体", "类别", "层级", "义务"]
    assert ws.max_row == len(mx.build(seed_doc).rows) + 1
    assert wb["全部条款"].max_row > 100


def test_cli_matrix(capsys, tmp_path):
    from kb.cli import main
    assert main(["matrix", "--by", "chapter"]) == 0
    out = capsys.readouterr().out
    assert "第一章 总则" in out
    assert main(["matrix", "--format", "xlsx"]) == 2             # binary format needs -o
    assert "-o" in capsys.readouterr().err
    f = tmp_path / "m.xlsx"
    assert main(["matrix", "--format", "xlsx", "-o", str(f)]) == 0 and f.stat().st_size > 1000
    f = tmp_path / "m.csv"
    assert main(["matrix", "--format", "csv", "-o", str(f)]) == 0
    assert f.read_bytes().startswith(b"\xef\xbb\xbf")


def test_level_column_is_not_clipped_when_the_width_allows(seed_doc):
    from kb.outputs.matrix import build, render_table
    from kb.outputs.formats import width

    text = render_table(build(seed_doc, by="modality"), width=100)
    assert "市、县（市、区）" in text
    assert max(width(l) for l in text.splitlines()) <= 100
