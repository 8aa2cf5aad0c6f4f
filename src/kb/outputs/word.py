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
import re
import zipfile

from kb.outputs.docprops import DocProps, parts, stamp
from kb.outputs.zipped import deflated, zip_bytes
from kb.text.xmlchars import check_doc

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


def export_docx(doc) -> bytes:
    """``kb export --format docx``: the Word document the site offers for download (:func:`text_docx`), its header
    naming the text and its version as far as the knowledge base or the text says, its properties the issuing
    body and the version's date where known."""
    from kb.layers.laws import book_title
    from kb.outputs.docprops import AUTHOR

    meta = doc.meta or {}
    title = doc.title or meta.get("title") or ""
    label = meta.get("version_label") or doc.status or ""
    header = f"{book_title(title) if title else ''}{label}".strip() + "　（kb 生成，以正式文本为准）"
    date = meta.get("date")
    props = DocProps(f"{title}（{label}）" if title and label else title, meta.get("issuing_body") or AUTHOR,
                     str(date) if date else None)
    return text_docx(doc, header, props)


def text_docx(doc, header: str, props: DocProps | None = None) -> bytes:
    """The Word document of a parsed text; ``header`` is the line in every page's header, ``props``
    its title, author and date (kb.outputs.docprops; by default the text's title, kb, now)."""
    check_doc(doc, "Word 文档（XML）")
    props = props or DocProps(doc.title or "")
    bl = blocks(doc)
    if not (header and _plain(header) and all(_plain(lead) and _plain(text) for _, lead, text in bl)):
        return stamp(_built_docx(bl, header), props)
    # the parts are python-docx's (_skeleton); only the body's paragraphs, the header's text and the
    # properties (kb.outputs.docprops) are written here, as lxml would serialise them
    _, head, tail, header_part, ppr, rpr = _skeleton()
    out = [head]
    for kind, lead, text in bl:
        out.append(ppr[kind])
        if kind in _CENTRED:
            out.append(_run_xml(rpr[(BODY_FONT if kind == "subtitle" else HEAD_FONT, 22 if kind == "title" else 16)],
                                text))
        else:
            if lead:
                out.append(_run_xml(rpr[(HEAD_FONT, 16)], lead))
                if text:
                    out.append(_run_xml(rpr[(BODY_FONT, 16)], "　"))
            if text:
                out.append(_run_xml(rpr[(BODY_FONT, 16)], text))
        out.append("</w:p>")
    out.append(tail)
    own = {"word/document.xml": "".join(out).encode("utf-8"),
           header_part[0]: header_part[1].replace(_PLACEHOLDER_T, _t_xml(header).encode("utf-8")), **parts(props)}
    # the members every document shares are compressed once (kb.outputs.zipped: the bytes zipfile writes)
    return zip_bytes([(name, own[name] if name in own else packed) for name, packed in _packed()])


def _built_docx(bl: list, header: str) -> bytes:
    """The document built through python-docx's elements: a text whose characters are not all plain
    (tabs and line breaks become w:tab and w:br; a character XML cannot hold is refused before,
    kb.text.xmlchars), and the skeleton of every other document."""
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
    for kind, lead, text in bl:
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


#: text with none of these is written as one w:t: XML 1.0's characters but tab, line feed, carriage
#: return (python-docx makes those w:tab and w:br), and no surrogate
_NOT_PLAIN = re.compile("[^\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PLACEHOLDER = "KBHEADERPLACEHOLDER"
_PLACEHOLDER_T = f"<w:t>{_PLACEHOLDER}</w:t>".encode()


def _plain(t: str) -> bool:
    return not _NOT_PLAIN.search(t)


def _t_xml(t: str) -> str:
    """A w:t as CT_R.add_t makes it and lxml writes it (xml:space="preserve" when str.strip would
    take anything away)."""
    esc = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<w:t xml:space="preserve">{esc}</w:t>' if len(t.strip()) < len(t) else f"<w:t>{esc}</w:t>"


def _run_xml(rpr: str, t: str) -> str:
    return f"<w:r>{rpr}{_t_xml(t)}</w:r>" if t else f"<w:r>{rpr}</w:r>"


@functools.lru_cache(maxsize=1)
def _skeleton():
    """What every document shares, as python-docx writes it (_built_docx, made once): the package's
    members in order with their bytes; word/document.xml before and after the body's paragraphs;
    the header part with a placeholder for its text; the serialised w:p and w:pPr opening a
    paragraph of each kind, and the w:rPr of each font and size."""
    def members(data: bytes) -> list:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [(i.filename, z.read(i)) for i in z.infolist()]

    empty = members(_built_docx([], _PLACEHOLDER))
    xml = dict(empty)["word/document.xml"].decode("utf-8")
    cut = xml.index("<w:sectPr")
    assert xml.count("<w:sectPr") == 1
    head, tail = xml[:cut], xml[cut:]
    # one paragraph of each kind, each of its runs with a text of its own
    sample = [(k, "", f"KB{i}") if k in _CENTRED else (k, f"KB{i}L", f"KB{i}T") for i, k in enumerate(_KINDS)]
    full = dict(members(_built_docx(sample, _PLACEHOLDER)))["word/document.xml"].decode("utf-8")
    assert full.startswith(head) and full.endswith(tail)
    paras = full[len(head):-len(tail)].split("</w:p>")[:-1]
    ppr, rpr = {}, {}
    for (kind, lead, text), p in zip(sample, paras):
        ppr[kind] = p[:p.index("<w:r>")]
        runs = p[len(ppr[kind]):].split("</w:r>")[:-1]
        fonts = [(BODY_FONT if kind == "subtitle" else HEAD_FONT, 22 if kind == "title" else 16)] \
            if kind in _CENTRED else [(HEAD_FONT, 16), (BODY_FONT, 16), (BODY_FONT, 16)]
        for key, r in zip(fonts, runs):
            rpr.setdefault(key, r[len("<w:r>"):r.index("<w:t")])
    headers = [(n, d) for n, d in empty if d.count(_PLACEHOLDER_T) == 1]
    assert len(headers) == 1 and sum(d.count(_PLACEHOLDER.encode()) for _, d in empty) == 1
    return empty, head, tail, headers[0], ppr, rpr


@functools.lru_cache(maxsize=1)
def _packed() -> list:
    """The skeleton's members, each compressed once (kb.outputs.zipped), in order."""
    return [(name, deflated(data)) for name, data in _skeleton()[0]]


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
