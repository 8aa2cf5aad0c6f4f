"""The 对照表 as a Word document, the form in which drafts are circulated for comment.

The table is written as WordprocessingML directly, because python-docx's per-cell API is about
twenty times slower on a long revision; python-docx still makes the document around it.
"""
from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

from kb.compare.diff import Comparison
from kb.compare.ops import DEL, EQ, INS
from kb.compare.render.summary import renumbering_runs
from kb.outputs.docprops import AUTHOR, NOW, DocProps, stamp
from kb.compare.render.table import (LABEL, NOTES_HEAD, empty_word, heads, legend, numbering_note, rows, same_regulation,
                                     table_title)
from kb.text.xmlchars import check_doc


def docx_bytes(cmp: Comparison, notes_column: bool = False, changed_only: bool = False,
               hide_renumbered: bool = False, author: str = AUTHOR, when: str | None = NOW) -> bytes:
    """A Word document with the 对照表 as a real table (python-docx); its properties
    (kb.outputs.docprops) the table's title, ``author`` and ``when``."""
    check_doc(cmp.old_doc, "Word 对照表（XML）")
    check_doc(cmp.new_doc, "Word 对照表（XML）")
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt

    d = Docx()
    _page_setup(d, landscape=notes_column)
    _page_numbers(d)
    title = table_title(cmp)
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(title)
    r.bold = True
    r.font.size = Pt(16)
    _run_font(r, "黑体")
    note = numbering_note(cmp)
    if note:                            # a misnumbered text: said before the table, where it is read first
        nr = d.add_paragraph().add_run(note)
        nr.bold = True
        nr.font.size = Pt(10)
        _run_font(nr)

    tbl = parse_xml(_table_xml(cmp, notes_column, changed_only, hide_renumbered))
    lp = d.add_paragraph()
    lp._p.addprevious(tbl)
    lr = lp.add_run(legend(cmp))
    lr.font.size = Pt(9)
    _run_font(lr)
    if same_regulation(cmp) and cmp.summary.get("renumberings"):
        rp = d.add_paragraph()
        rr = rp.add_run(f"附：条号变动（{len(cmp.summary['renumberings'])} 处）：" + "，".join(renumbering_runs(cmp)))
        rr.font.size = Pt(9)
        _run_font(rr)
    if cmp.references:
        d.add_paragraph().add_run("需要检查的引用：").bold = True
        for f in cmp.references:
            d.add_paragraph(f"{f['article']}中的“{f['text']}”：{f['message']}")
    buf = io.BytesIO()
    d.save(buf)
    return stamp(buf.getvalue(), DocProps(title, author, when))


def _page_setup(d, landscape: bool) -> None:
    """A4 (python-docx's template is Letter), landscape for three columns; 宋体 10.5 pt."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Cm(2)
    style = d.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")


def _page_numbers(d) -> None:
    """The footer of every page: 第 X 页 共 Y 页, centred, from Word's PAGE and NUMPAGES fields
    (Word and LibreOffice fill them in when the document is opened or printed)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    p = d.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = '<w:r {ns}><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>'
    field = ('<w:fldSimple {ns} w:instr=" {f} "><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r>'
             '</w:fldSimple>')
    for xml in (run.format(ns=nsdecls("w"), t="第 "), field.format(ns=nsdecls("w"), f="PAGE"),
                run.format(ns=nsdecls("w"), t=" 页 共 "), field.format(ns=nsdecls("w"), f="NUMPAGES"),
                run.format(ns=nsdecls("w"), t=" 页")):
        p._p.append(parse_xml(xml))


def _run_font(run, east="宋体") -> None:
    from docx.oxml.ns import qn

    run.font.name = east
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east)


def _table_xml(cmp: Comparison, notes_column: bool, changed_only: bool, hide_renumbered: bool = False) -> str:
    """The table as WordprocessingML: a repeated header row, then one row per table row."""
    from docx.oxml.ns import nsdecls

    ho, hn = heads(cmp)
    widths = [4815, 4815] if not notes_column else [5950, 5950, 2550]      # twentieths of a point
    heads_text = [ho, hn] + ([NOTES_HEAD] if notes_column else [])
    xml = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
           'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    xml += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    xml.append('</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>')
    for w, t in zip(widths, heads_text):
        xml.append(_tc(w, [[(EQ, t)]], center=True, bold=True, font="黑体"))
    xml.append("</w:tr>")
    for row in rows(cmp, changed_only=changed_only, hide_renumbered=hide_renumbered):
        xml.append("<w:tr>")
        for w, lines, side, rep in ((widths[0], row.old, "old", row.repeat_old),
                                    (widths[1], row.new, "new", row.repeat_new)):
            if lines is None:
                xml.append(_tc(w, [[(EQ, empty_word(cmp, side))]], center=True, bold=True,
                               font="黑体", vcenter=True))
            elif rep:
                xml.append(_tc(w, [[(EQ, "（同上）")]], center=True, vcenter=True))
            else:
                heading = row.kind == "heading"
                xml.append(_tc(w, lines, center=heading, bold=heading, font="黑体" if heading else "宋体"))
        if notes_column:
            xml.append(_tc(widths[2], [[]]))
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return "".join(xml)


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _run_xml(kind: str, text: str, bold=False, font="宋体") -> str:
    if kind == LABEL:
        font = "黑体"
    pr = [f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>']
    if bold or kind in (INS, LABEL):
        pr.append("<w:b/>")
    if kind == DEL:
        pr.append("<w:strike/>")
    if kind == INS:
        pr.append('<w:u w:val="single"/>')
    t = escape(_XML_BAD.sub("", text))
    return f'<w:r><w:rPr>{"".join(pr)}</w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>'


def _tc(width: int, lines, center=False, bold=False, font="宋体", vcenter=False) -> str:
    out = [f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
           + ('<w:vAlign w:val="center"/>' if vcenter else "") + "</w:tcPr>"]
    for l in lines or [[]]:
        out.append("<w:p><w:pPr>" + ('<w:jc w:val="center"/>' if center else "") + "</w:pPr>")
        out += [_run_xml(k, t, bold, font) for k, t in l]
        out.append("</w:p>")
    out.append("</w:tc>")
    return "".join(out)
