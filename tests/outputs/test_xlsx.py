"""kb.outputs.xlsx: the workbook it writes, read back by openpyxl (what Excel and LibreOffice read
is the same SpreadsheetML)."""
from __future__ import annotations

import io
import re
import zipfile

from openpyxl import load_workbook

from kb.outputs.xlsx import Noted, Sheet, column_letter, workbook


def _read(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_values_styles_notes_and_view_read_back():
    s = Sheet("按情态", widths={1: 24}, freeze="D2")
    s.append(["主体", "类别", "层级", "义务", "合计"])
    s.append(["居民委员会", "自治组织", "", Noted(3, "第三条、第五条"), 3])
    s.append(["=1+1", None, "  空格  ", 2.5, True])
    wb = _read(workbook([s, Sheet("全部条款", header=False, rows=[["条"], [7]])]))
    assert wb.sheetnames == ["按情态", "全部条款"]
    ws = wb["按情态"]
    assert [c.value for c in ws[1]] == ["主体", "类别", "层级", "义务", "合计"]
    assert all(c.font.b and c.fill.fgColor.rgb == "00DDEBF7" for c in ws[1])
    assert not ws["A2"].font.b and ws["A2"].fill.fill_type is None
    assert ws["C2"].value is None                    # an empty text is an empty cell
    assert ws["D2"].value == 3 and ws["D2"].comment.text == "第三条、第五条" and ws["D2"].comment.author == "kb"
    assert ws["E2"].comment is None                  # the note is on its cell only
    assert ws["A3"].value == "=1+1" and ws["A3"].data_type == "s"     # a text, never a formula
    assert ws["C3"].value == "  空格  " and ws["D3"].value == 2.5 and ws["E3"].value is True
    assert ws.freeze_panes == "D2" and ws.column_dimensions["A"].width == 24
    assert wb["全部条款"]["A2"].value == 7 and not wb["全部条款"]["A1"].font.b


def test_characters_xml_cannot_hold_are_escaped_not_fatal():
    s = Sheet("x", rows=[["a\x01b", "_x0041_"]])
    data = workbook([s])
    ws = _read(data)["x"]
    # Excel's escape for a control character; a literal "_x0041_" keeps its underscore escaped
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "a_x0001_b" in xml and "_x005F_x0041_" in xml
    assert ws["A1"].value is not None and ws["B1"].value is not None


def test_many_notes_claim_enough_drawing_blocks_and_the_bytes_are_stable():
    s = Sheet("m", header=False, rows=[[Noted(i, f"第{i}条")] for i in range(1, 2501)])
    data = workbook([s, Sheet("n", header=False, rows=[[Noted(1, "一")]])])
    assert data == workbook([s, Sheet("n", header=False, rows=[[Noted(1, "一")]])])    # no timestamps
    z = zipfile.ZipFile(io.BytesIO(data))
    vml = z.read("xl/drawings/vmlDrawing1.vml").decode()
    assert 'data="1,2,3"' in vml            # 2,500 shapes: three blocks of 1,024 ids
    ids = [int(i) for i in re.findall(r'id="_x0000_s(\d+)"', vml)]
    assert len(ids) == len(set(ids)) == 2500 and min(ids) >= 1024 and max(ids) < 4 * 1024
    assert 'data="4"' in z.read("xl/drawings/vmlDrawing2.vml").decode()
    ws = _read(data)["m"]
    assert ws["A2500"].value == 2500 and ws["A2500"].comment.text == "第2500条"


def test_column_letters():
    assert [column_letter(n) for n in (1, 26, 27, 52, 703, 16384)] == ["A", "Z", "AA", "AZ", "AAA", "XFD"]
