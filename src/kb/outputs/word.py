"""The text of a version as a Word document, in the form drafting offices circulate it: A4, the body
in 仿宋 (宋体 where 仿宋 is missing) at 三号, headings in 黑体, page numbers centred at the foot
(— 1 —), and in the page header the regulation and the version, so a printed page of a draft says
it is a draft.

Every paragraph comes from the parse tree in reading order (``blocks``), so the document holds the
text's characters and nothing else but the header's line; the site's PDF is this document converted
(kb.site.pdf).
"""
from __future__ import annotations

import functools
import io

#: bump when the layout changes: cached PDFs made from an older layout are then made again
LAYOUT_VERSION = 1

BODY_FONT = "仿宋"
HEAD_FONT = "黑体"


def blocks(doc) -> list[tuple[str, str, str]]:
    """(kind, lead, text) for each paragraph of the document in reading order.  kind is "title"
    (题注 lines), "heading" (编、章、节, centred), "article" (lead = 第一条（目的）, then the first
    paragraph), "para" (a further paragraph, an item), "annex" (附件 heading) or "plain"; the 题注's
    lines other than the title are "subtitle"."""
    out: list[tuple[str, str, str]] = []
    for n in doc.root.children:
        _node_blocks(n, out)
    # the 题注's line that is the title stands out; its other lines (附件1, （草案征求意见稿）, a
    # table of contents) are centred at the body's size
    title = (doc.title or "").strip()
    return [("subtitle" if k == "title" and t != title else k, lead, t) for k, lead, t in out]


def _node_blocks(n, out: list) -> None:
    kind = n.kind
    if kind == "preamble":
        out += [("title", "", line.strip()) for line in n.full_text().split("\n") if line.strip()]
        return
    if kind in ("part", "subpart", "chapter", "section"):
        out.append(("heading", "", "　".join(x for x in (n.label, n.title) if x)))
    elif kind == "article":
        lead = n.label + (f"{(n.brackets or ('（', '）'))[0]}{n.title}{(n.brackets or ('（', '）'))[1]}"
                          if n.title else "")
        first, rest = _first_paragraph(n)
        out.append(("article", lead, first))
        for c in rest:
            _provision_blocks(c, out)
        return
    elif kind == "annex":
        out.append(("annex", "", " ".join(x for x in (n.label, n.title) if x)))
        out += [("plain", "", line) for line in (n.text or "").split("\n") if line.strip()]
        for c in n.children:
            out += [("plain", "", line) for line in c.display_text().split("\n") if line.strip()]
        return
    elif n.text:
        out += [("plain", "", line) for line in n.text.split("\n") if line.strip()]
    for c in n.children:
        _node_blocks(c, out)


def _first_paragraph(a) -> tuple[str, list]:
    """The text that follows an article's number, and the provisions after it."""
    if a.text:
        return a.text, list(a.children)
    if a.children and a.children[0].kind == "paragraph":
        p = a.children[0]
        return p.text or "", list(p.children) + list(a.children[1:])
    return "", list(a.children)


def _provision_blocks(n, out: list) -> None:
    own = (n.label if n.kind in ("item", "subitem") else "") + (n.text or "")
    if own:
        out.append(("para", "", own))
    for c in n.children:
        _provision_blocks(c, out)


def text_docx(doc, header: str) -> bytes:
    """The Word document of a parsed text; ``header`` is the line in every page's header."""
    from copy import deepcopy

    from docx import Document as Docx
    from docx.oxml import OxmlElement

    d = Docx()
    _page(d, header)
    ppr, rpr = _prototypes()
    body = d.element.body
    sect = body.sectPr
    # each paragraph and run is a copy of its kind's formatting, made once (_prototypes), and the
    # text set on the run's own element: python-docx's proxies look up and insert every property
    # one by one, which took most of the time of a site's Word downloads
    for kind, lead, text in blocks(doc):
        p = OxmlElement("w:p")
        p.append(deepcopy(ppr[kind]))
        if kind in _CENTRED:
            runs = [(text, BODY_FONT if kind == "subtitle" else HEAD_FONT, 22 if kind == "title" else 16)]
        else:
            runs = [(lead, HEAD_FONT, 16)] if lead else []
            if lead and text:
                runs.append(("　", BODY_FONT, 16))
            if text:
                runs.append((text, BODY_FONT, 16))
        for t, font, size in runs:
            r = OxmlElement("w:r")
            r.append(deepcopy(rpr[(font, size)]))
            if "\t" in t or "\n" in t or "\r" in t:
                r.text = t            # python-docx's own reading of a run's text (tabs, breaks)
            elif t:
                r.add_t(t)            # what that reading makes of plain text, without its loop per character
            p.append(r)
        if sect is not None:
            sect.addprevious(p)
        else:
            body.append(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


#: the kinds of block that are centred (the others are justified, their first line indented)
_CENTRED = ("title", "subtitle", "heading", "annex")
_KINDS = _CENTRED + ("article", "para", "plain")


@functools.lru_cache(maxsize=1)
def _prototypes():
    """The paragraph properties of each kind of block and the run properties of each font and size,
    as python-docx writes them (made once, on a scratch document)."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    scratch = Docx()
    ppr = {}
    for kind in _KINDS:
        p = scratch.add_paragraph()
        fmt = p.paragraph_format
        fmt.space_after = Pt(0)
        fmt.line_spacing = Pt(28)
        if kind in _CENTRED:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if kind in ("heading", "annex"):
                fmt.space_before = fmt.space_after = Pt(14)
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            fmt.first_line_indent = Pt(32)           # two characters of 三号
        ppr[kind] = p._p.pPr
    rpr = {}
    for font, size in ((HEAD_FONT, 22), (HEAD_FONT, 16), (BODY_FONT, 16)):
        rpr[(font, size)] = _run(scratch.add_paragraph(), "", font, size)._element.rPr
    return ppr, rpr


def _page(d, header: str) -> None:
    """A4 with the margins of 党政机关公文格式 (GB/T 9704), the header line, page numbers."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm, Pt

    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    style = d.styles["Normal"]
    style.font.size = Pt(16)
    _fonts(style.element.get_or_add_rPr(), BODY_FONT)
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(hp, header, BODY_FONT, 10.5)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(fp, "— ", BODY_FONT, 14)
    fp._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    _run(fp, " —", BODY_FONT, 14)


def _run(p, text: str, font: str, size: float):
    from docx.shared import Pt

    r = p.add_run(text)
    r.font.size = Pt(size)
    _fonts(r._element.get_or_add_rPr(), font)
    return r


def _fonts(rpr, font: str) -> None:
    """Chinese text takes its font from w:eastAsia; a 仿宋 missing on the reader's machine falls back
    to 宋体 through the font's alternate name."""
    from docx.oxml.ns import qn

    rf = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rf.set(qn(attr), font)
