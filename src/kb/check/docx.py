"""审校意见 as a Word document the office can circulate: A4, a title, what was checked, and one
table (序号 / 条款 / 问题 / 建议) in the order of the text."""
from __future__ import annotations

import datetime as dt
import io
import re

from kb.check.engine import Report
from kb.check.registry import SEVERITY_NAMES, STAGE_NAMES, Finding
from kb.check.report import summary
from kb.outputs.docprops import NOW, DocProps, stamp

HEADS = ("序号", "条款", "问题", "建议")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")      # not allowed in WordprocessingML
WIDTHS_CM = (1.2, 3.0, 8.3, 4.5)          # 17 cm: A4 less two 2 cm margins


def to_docx(rep: Report, shown: list[Finding], today: dt.date | None = None) -> bytes:
    """The report; its properties (kb.outputs.docprops) its title, kb and the time it is written
    (``today``'s date when given)."""
    from docx import Document as Docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = Docx()
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)         # A4 (python-docx's template is Letter)
    sec.left_margin = sec.right_margin = Cm(2)
    sec.top_margin = sec.bottom_margin = Cm(2.5)
    normal = d.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")

    def east(run, font):
        run.font.name = font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    title = f"《{rep.title or rep.file}》{('（' + rep.status + '）') if rep.status else ''}审校意见"
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(title)
    r.bold, r.font.size = True, Pt(16)
    east(r, "黑体")
    meta = d.add_paragraph()
    meta.alignment = WD_ALIGN_PARAGRAPH.CENTER
    m = meta.add_run(f"{(today or dt.date.today()).isoformat()}　阶段：{STAGE_NAMES[rep.stage]}　{summary(rep, shown)}"
                     f"　（kb check 自动生成，请逐条核对）")
    m.font.size = Pt(9)

    t = d.add_table(rows=1, cols=len(HEADS))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for cell, head, w in zip(t.rows[0].cells, HEADS, WIDTHS_CM):
        cell.width = Cm(w)
        cell.text = ""
        run = cell.paragraphs[0].add_run(head)
        run.bold = True
        east(run, "黑体")
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    tr_pr = t.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")            # the head row repeats on every page
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    for i, f in enumerate(shown, 1):
        cells = t.add_row().cells
        problem = f"【{SEVERITY_NAMES[f.severity]}】{f.message}"
        if f.words and f.words.strip() and f.words not in f.message:
            problem += f"（原文：“{f.words}”）"
        values = (str(i), f"{f.citation}\n（第 {f.line} 行）", problem, f.suggestion)
        for cell, v, w in zip(cells, values, WIDTHS_CM):
            cell.width = Cm(w)
            cell.text = _XML_BAD.sub("", v)
    if not shown:
        d.add_paragraph("未发现问题。")
    buf = io.BytesIO()
    d.save(buf)
    return stamp(buf.getvalue(), DocProps(title, when=today.isoformat() if today else NOW))
