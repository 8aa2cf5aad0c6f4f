"""kb.outputs.word: the Word document of a text (the site's DOCX download), read back with python-docx."""
from __future__ import annotations

import io

from kb.outputs.word import BODY_FONT, HEAD_FONT, blocks, text_docx


def _fonts(run):
    from docx.oxml.ns import qn

    rpr = run._element.rPr
    return rpr.rFonts.get(qn("w:eastAsia")), rpr.sz.val.pt


def test_every_block_is_one_paragraph_in_order_with_its_fonts(seed_doc):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document(io.BytesIO(text_docx(seed_doc, "遂宁市社区发展治理促进条例 草案征求意见稿")))
    bl = blocks(seed_doc)
    paras = d.paragraphs
    assert len(paras) == len(bl)
    for p, (kind, lead, text) in zip(paras, bl):
        assert p.text == (lead + ("　" if lead and text else "") + text if kind not in ("title", "subtitle",
                                                                                       "heading", "annex") else text)
        runs = [(r.text, *_fonts(r)) for r in p.runs]
        if kind == "title":
            assert runs == [(text, HEAD_FONT, 22)] and p.alignment == WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "article":
            assert runs[0] == (lead, HEAD_FONT, 16) and runs[-1] == (text, BODY_FONT, 16)
            assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and p.paragraph_format.first_line_indent.pt == 32
        elif kind == "heading":
            assert runs == [(text, HEAD_FONT, 16)] and p.paragraph_format.space_before.pt == 14
    assert "草案征求意见稿" in d.sections[0].header.paragraphs[0].text
    # the same formatting objects are not shared between paragraphs: each is its own copy
    a, b = paras[-1]._p.pPr, paras[-2]._p.pPr
    assert a is not b and a.getparent() is paras[-1]._p


def test_a_tab_in_a_text_is_words_tab_element():
    import docx

    from kb.text.parse import parse_text

    doc = parse_text("第一条　甲\t乙\n第二条　丙。\n")
    art = doc.articles[0]
    d = docx.Document(io.BytesIO(text_docx(doc, "页眉")))
    p = next(p for p in d.paragraphs if p.text.startswith(art.label))
    xml = p._p.xml
    assert "<w:tab/>" in xml and p.text.endswith("甲\t乙")
