"""Excel workbooks written directly as SpreadsheetML (the XML parts of an .xlsx, zipped).

The obligation matrix is a workbook of plain cells (numbers and texts), a bold shaded header row,
a frozen corner, one column width and a note (comment) on each counted cell.  openpyxl, even in
its write-only mode, makes a cell object, a style binding and an XML element tree for every cell
and every note: a 200-regulation site spent more time there than on any other download.  Here
each cell is one string, each part one join; what Excel, LibreOffice and openpyxl read back is the
same workbook (tests/outputs/test_xlsx.py reads it with openpyxl cell by cell).

Texts are inline strings, so a text starting with ``=`` is a text, never a formula; a character
XML cannot carry (a C0 control) is written as Excel's ``_xHHHH_`` escape instead of failing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from kb.outputs.zipped import deflated, zip_bytes

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
#: what XML 1.0 cannot hold, and a literal escape-looking run (kept literal by escaping its "_")
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")

HEADER_FILL = "DDEBF7"      # the header row's shading (with bold type)


@dataclass
class Noted:
    """A cell value with a note (an Excel comment) on it."""
    value: object
    note: str


@dataclass
class Sheet:
    """One sheet: rows of values (None: an empty cell; int, float, str, bool, or :class:`Noted`);
    the first row styled as a header when ``header``; ``widths``: column number (1-based) ->
    width; ``freeze``: the top-left cell of the scrolled part ("D2")."""
    name: str
    rows: list = field(default_factory=list)
    header: bool = True
    widths: dict = field(default_factory=dict)
    freeze: str | None = None

    def append(self, values: list) -> None:
        self.rows.append(values)


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA."""
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _text(s: str) -> str:
    return escape(_UNSAFE.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", s))


def _cell(ref: str, v, style: str, escaped: dict | None = None) -> str:
    """One cell's XML; ``escaped``: the sheet's texts escaped so far (text -> XML), filled as cells come (a
    sheet repeats its actors, kinds and citations: each is escaped once)."""
    if type(v) is str:
        if escaped is None:
            t = _text(v)
        else:
            t = escaped.get(v)
            if t is None:
                t = escaped[v] = _text(v)
        return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{t}</t></is></c>'
    if isinstance(v, bool):
        return f'<c r="{ref}"{style} t="b"><v>{int(v)}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"{style}><v>{v!r}</v></c>'
    t = _text(v if isinstance(v, str) else str(v))
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{t}</t></is></c>'


def _sheet_xml(sheet: Sheet, notes: list) -> str:
    """The sheet's XML up to its end tag (a sheet with notes adds its drawing's reference); its notes
    go to ``notes`` as (reference, row, column, text)."""
    letters: list[str] = []
    rows = []
    escaped: dict[str, str] = {}        # each text of the sheet escaped once (see _cell)
    for r, values in enumerate(sheet.rows, 1):
        while len(letters) < len(values):
            letters.append(column_letter(len(letters) + 1))
        style = ' s="1"' if sheet.header and r == 1 else ""
        cells = []
        for c, v in enumerate(values):
            if v is None or v == "":
                continue        # an empty cell is not written (an empty text reads back as no value)
            ref = f"{letters[c]}{r}"
            if isinstance(v, Noted):
                notes.append((ref, r - 1, c, v.note))
                v = v.value
            cells.append(_cell(ref, v, style, escaped))
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    parts = [_XML, f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">']
    if sheet.freeze:
        m = re.fullmatch(r"([A-Z]+)(\d+)", sheet.freeze)
        x = sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(m.group(1)))) - 1
        y = int(m.group(2)) - 1
        parts.append(f'<sheetViews><sheetView workbookViewId="0"><pane xSplit="{x}" ySplit="{y}" '
                     f'topLeftCell="{sheet.freeze}" activePane="bottomRight" state="frozen"/>'
                     f'<selection pane="bottomRight" activeCell="{sheet.freeze}" sqref="{sheet.freeze}"/>'
                     f'</sheetView></sheetViews>')
    if sheet.widths:
        cols = "".join(f'<col min="{c}" max="{c}" width="{w}" customWidth="1"/>' for c, w in sorted(sheet.widths.items()))
        parts.append(f"<cols>{cols}</cols>")
    parts.append("<sheetData>" + "".join(rows) + "</sheetData>")
    return "".join(parts)


def _comments_xml(notes: list) -> str:
    items = "".join(f'<comment ref="{ref}" authorId="0"><text><t xml:space="preserve">{_text(t)}</t></text></comment>'
                    for ref, _, _, t in notes)
    return f'{_XML}<comments xmlns="{_MAIN}"><authors><author>kb</author></authors><commentList>{items}</commentList></comments>'


def _vml(notes: list, first_block: int) -> str:
    """The legacy drawing Excel shows notes with: one hidden text box per note.  Shape ids come in
    blocks of 1024 per drawing (``idmap``), so a sheet of many notes claims several blocks."""
    blocks = (len(notes) + 1023) // 1024
    ids = ",".join(str(first_block + i) for i in range(blocks))
    shapes = "".join(
        f'<v:shape id="_x0000_s{first_block * 1024 + i}" type="#_x0000_t202" style="position:absolute; '
        f'margin-left:59.25pt;margin-top:1.5pt;width:144px;height:79px;z-index:1;visibility:hidden" '
        f'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/>'
        f'<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"/>'
        f'</v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill>'
        f'<x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>'
        for i, (_, row, col, _) in enumerate(notes))
    return ('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:x="urn:schemas-microsoft-com:office:excel">'
            f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{ids}"/></o:shapelayout>'
            '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
            '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
            f"{shapes}</xml>")


_STYLES = (f'{_XML}<styleSheet xmlns="{_MAIN}">'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
           '<font><b val="1"/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
           '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
           f'<fill><patternFill patternType="solid"><fgColor rgb="00{HEADER_FILL}"/></patternFill></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
#: the styles, the same in every workbook: compressed once
_STYLES_PACKED = deflated(_STYLES.encode("utf-8"))


def workbook(sheets: list[Sheet]) -> bytes:
    """The .xlsx file of ``sheets``, in their order."""
    types = ['<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>',
             '<Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
             '<Override PartName="/xl/styles.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>']
    entries, book_rels, parts = [], [], []
    block = 1
    for i, sheet in enumerate(sheets, 1):
        notes: list = []
        xml = _sheet_xml(sheet, notes)
        if notes:
            xml += '<legacyDrawing r:id="rId2"/>'
            parts += [(f"xl/comments{i}.xml", _comments_xml(notes)),
                      (f"xl/drawings/vmlDrawing{i}.vml", _vml(notes, block)),
                      (f"xl/worksheets/_rels/sheet{i}.xml.rels",
                       f'{_XML}<Relationships xmlns="{_PKG_REL}">'
                       f'<Relationship Id="rId1" Type="{_REL}/comments" Target="../comments{i}.xml"/>'
                       f'<Relationship Id="rId2" Type="{_REL}/vmlDrawing" Target="../drawings/vmlDrawing{i}.vml"/>'
                       '</Relationships>')]
            block += (len(notes) + 1023) // 1024
            types.append(f'<Override PartName="/xl/comments{i}.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>')
        parts.append((f"xl/worksheets/sheet{i}.xml", xml + "</worksheet>"))
        types.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                     'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        entries.append(f'<sheet name="{escape(sheet.name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>')
        book_rels.append(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>')
    book_rels.append(f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/styles" Target="styles.xml"/>')
    head = [("[Content_Types].xml", f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                                    f'content-types">{"".join(types)}</Types>'),
            ("_rels/.rels", f'{_XML}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
                            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
            ("xl/workbook.xml", f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{"".join(entries)}'
                                "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", f'{_XML}<Relationships xmlns="{_PKG_REL}">{"".join(book_rels)}'
                                           "</Relationships>"),
            ("xl/styles.xml", _STYLES)]
    # a fixed date: the same matrix makes the same bytes (an unchanged download stays unchanged); the
    # bytes of zipfile's writestr(ZipInfo(name, date), data, ZIP_DEFLATED) (kb.outputs.zipped)
    return zip_bytes([(name, _STYLES_PACKED if text is _STYLES else text.encode("utf-8"))
                      for name, text in head + parts], (1980, 1, 1, 0, 0, 0))
