"""The files a reader can download for one version, and the page that lists them.

Made once per build from the same model the pages show, so a download never disagrees with the
page: the text as plain text (UTF-8 with a byte-order mark, so that a browser opening it from any
static host shows Chinese, not mojibake), the source file as received when it is not UTF-8 text,
the text as Word (DOCX) and PDF (kb.site.pdf), the JSON export, the obligation matrix (CSV, XLSX),
Akoma Ntoso XML, and the 新旧对照表 against the previous version (DOCX, and PDF).
"""
from __future__ import annotations

import sys
from pathlib import Path

from kb.compare.render.docx import docx_bytes
from kb.errors import KbError
from kb.layers.laws import book_title
from kb.outputs import akn, matrix
from kb.outputs.docprops import AUTHOR, DocProps, core_xml
from kb.outputs.export import document_dict
from kb.outputs.formats import to_json
from kb.outputs.word import text_docx
from kb.site.pdf import make_pdfs

BOM = "\ufeff".encode("utf-8")


#: what the two matrix files hold, as the downloads page says it (the CSV is kb.outputs.matrix.render_csv:
#: a row per actor; the workbook has a sheet with a row per duty record)
MATRIX_CSV = "每个主体一行，各列是该主体的义务、禁止、授权、鼓励、追责、责任的项数及所在条款（Excel 可直接打开）"
MATRIX_XLSX = "Excel 工作簿：按情态、按章、按条三张矩阵（格中是项数，批注列出条款），条款明细，以及逐项列出每条规定（列举的各项各占一行）的“全部条款”表"


def make_downloads(vs, plan) -> list[tuple[str, str, str, bytes]]:
    """[(src_uri, label, description, bytes)] for one version: text, JSON, matrix, AKN, 对照表."""
    reg, v, doc = vs.reg, vs.version, vs.doc
    stem = f"{reg.id}-{v.name}"
    d = vs.p("downloads/")
    L = vs.layers
    out = [*_text(vs, d + stem),
           (d + f"{stem}.docx", "Word（DOCX）", "全文，A4 版式，仿宋正文、黑体标题，带页码",
            text_docx(doc, docx_header(vs), text_props(vs))),
           (d + f"{stem}.json", "JSON", "全文结构及术语、引用、主体与义务等分析结果（供程序读取）",
            to_json(document_dict(doc, root=plan.root)).encode("utf-8")),
           (d + f"{stem}-matrix.csv", "义务矩阵 CSV", MATRIX_CSV,
            matrix.render_csv(matrix.build(doc, statements=L.statements, registry=L.registry,
                                           carried=L.carried)).encode("utf-8")),
           *_xlsx(vs, d + f"{stem}-matrix.xlsx"),
           (d + f"{stem}.akn.xml", "Akoma Ntoso XML", "法律文本交换标准格式", akn.to_akn(doc, plan.root))]
    versions = [s for s in plan.sites if s.reg is reg]
    i = versions.index(vs)
    if i > 0:
        old = versions[i - 1]
        props = docx_props(vs, "")           # the title is the table's own (修改前后对照表)
        out.append((d + f"{reg.id}-{old.version.name}-{v.name}{TABLE_SUFFIX}", "新旧对照表 DOCX",
                    f"{old.version.label} → {v.label}",
                    docx_bytes(plan.comparison(old, vs, keep=True), author=props.author, when=props.when)))
    return out


def _xlsx(vs, uri: str) -> list[tuple[str, str, str, bytes]]:
    """The matrix workbook; none when the text has more articles than a sheet has columns (the
    CSV beside it has every actor's counts and provisions): said as the site is built, the site built
    without it."""
    try:
        data = matrix.render_xlsx(vs.doc, registry=vs.layers.registry, statements=vs.layers.statements,
                                  carried=vs.layers.carried)
    except KbError as e:
        print(f"注意：{e}；网站不提供这个版本的义务矩阵 XLSX", file=sys.stderr)
        return []
    return [(uri, "义务矩阵 XLSX", MATRIX_XLSX, data)]


#: the download of the 新旧对照表 of a version against the one before it (DOCX, and its PDF)
TABLE_SUFFIX = "-对照表.docx"


def table_downloads(vs) -> list[tuple[str, str]]:
    """[(src, label)] of the 对照表 this version's downloads hold (Word, then PDF when made), for the
    comparison page's links to its own table."""
    return [(src, label) for src, label, _, _ in vs.downloads
            if src.endswith((TABLE_SUFFIX, TABLE_SUFFIX[:-len(".docx")] + ".pdf"))]


def add_pdfs(made: list, root: Path) -> str:
    """Put each version's PDFs (its Word documents converted, kb.site.pdf: the text, and the 对照表
    against the version before it) after their DOCX in ``made`` (``[(VersionSite, [(src, label,
    description, bytes)])]``); returns the line for the build's log."""
    jobs, where = [], {}
    for vs, files in made:
        for src, _, desc, data in files:
            if src.endswith(f"/{vs.reg.id}-{vs.version.name}.docx"):
                name, source, header = vs.spec, vs.reg.path(vs.version).read_bytes(), docx_header(vs)
                # the properties the DOCX was written with (its docProps/core.xml), not read back from it
                props = core_xml(text_props(vs))
                pdf = ("PDF", "全文，与 Word 文档版式相同，可直接打印")
            elif src.endswith(TABLE_SUFFIX):
                # the table's Word document is made the same from the same texts: it is its own key
                name, source, header, props = f"{vs.spec} 对照表", data, "对照表", b""
                pdf = ("新旧对照表 PDF", f"{desc}，与 Word 对照表版式相同，可直接打印")
            else:
                continue
            jobs.append((name, data, source, header, props))
            where[name] = (files, src, src[:-len(".docx")] + ".pdf", pdf)
    pdfs, msg = make_pdfs(jobs, root / ".kb" / "pdf")
    for name, (files, docx, src, (label, desc)) in where.items():
        if name in pdfs:
            i = next(k for k, f in enumerate(files) if f[0] == docx)
            files.insert(i + 1, (src, label, desc, pdfs[name]))
    return msg


def text_props(vs) -> DocProps:
    """The properties of the version's Word document (and of the PDF made from it)."""
    return docx_props(vs, f"{vs.title}（{vs.version.label or vs.version.name}）")


def docx_props(vs, title: str) -> DocProps:
    """A download's properties: the issuing body where meta.yml names it, and the version's date
    (none when it is undated), so that a rebuilt site writes the same files."""
    return DocProps(title, vs.reg.issuing_body or AUTHOR, str(vs.version.date) if vs.version.date else None)


def docx_header(vs) -> str:
    """The line at the top of every page of the Word and PDF documents."""
    return f"{book_title(vs.title)}{vs.version.label}　{vs.tag if vs.tag != vs.version.label else ''}".rstrip() + \
        "　（本站生成，以正式文本为准）"


def _text(vs, stem: str) -> list[tuple[str, str, str, bytes]]:
    """The text as a .txt a browser reads right (UTF-8 with a BOM), and, when the source is not
    UTF-8 text (GB18030, a .docx …), the source file byte for byte as well.  A Markdown or HTML
    source is served as .txt, or mkdocs would turn it into a page."""
    src_path = vs.reg.path(vs.version)
    raw = src_path.read_bytes()
    doc = vs.doc
    utf8_text = doc.format != "docx" and doc.encoding == "utf-8"
    body = raw[len(BOM):] if raw.startswith(BOM) else raw
    if utf8_text:
        return [(stem + ".txt", "纯文本（TXT）",
                 "来源文本；UTF-8 编码，开头加字节顺序标记以便浏览器正确显示，除此以外与来源文件逐字节相同",
                 BOM + body)]
    out = [(stem + ".txt", "纯文本（TXT）", "来源文本转为 UTF-8（带字节顺序标记），字符与来源相同",
            BOM + doc.text.encode("utf-8"))]
    suffix = src_path.suffix or ".txt"
    if suffix.lower() in (".md", ".markdown", ".html", ".htm"):
        suffix += ".txt"
    out.append((f"{stem}.source{suffix}", "原始文件", f"来源文件，原样（{doc.encoding}，未作任何改动）", raw))
    return out


def ctx_downloads(r):
    files = [(label, desc, r.link(src), src.rsplit("/", 1)[-1], size)
             for src, label, desc, size in r.vs.downloads]
    no_pdf = files and not any(name.endswith(".pdf") for *_, name, _ in files)
    return {"files": files, "pdf_note": r.plan.pdf_note if no_pdf else ""}, []
