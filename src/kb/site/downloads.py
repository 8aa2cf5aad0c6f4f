"""The files a reader can download for one version, and the page that lists them.

Made once per build from the same model the pages show, so a download never disagrees with the
page: the source text as received, the JSON export, the obligation matrix (CSV, XLSX), Akoma Ntoso
XML, and the 新旧对照表 against the previous version (DOCX).
"""
from __future__ import annotations

import json

from kb.compare.diff import compare
from kb.compare.render.docx import docx_bytes
from kb.outputs import akn, matrix
from kb.outputs.export import document_dict


def make_downloads(vs, plan) -> list[tuple[str, str, str, bytes]]:
    """[(src_uri, label, description, bytes)] for one version: text, JSON, matrix, AKN, 对照表."""
    reg, v, doc = vs.reg, vs.version, vs.doc
    stem = f"{reg.id}-{v.name}"
    d = vs.p("downloads/")
    L = vs.layers
    out = [_source(vs, d + stem),
           (d + f"{stem}.json", "JSON", "全文结构及术语、引用、主体与义务等分析结果（供程序读取）",
            json.dumps(document_dict(doc), ensure_ascii=False, indent=2).encode("utf-8")),
           (d + f"{stem}-matrix.csv", "义务矩阵 CSV", "每条义务一行（Excel 可直接打开）",
            matrix.render_csv(matrix.build(doc, statements=L.statements, registry=L.registry)).encode("utf-8")),
           (d + f"{stem}-matrix.xlsx", "义务矩阵 XLSX", "Excel 工作簿",
            matrix.render_xlsx(doc, registry=L.registry, statements=L.statements)),
           (d + f"{stem}.akn.xml", "Akoma Ntoso XML", "法律文本交换标准格式", akn.to_akn(doc))]
    versions = [s for s in plan.sites if s.reg is reg]
    i = versions.index(vs)
    if i > 0:
        old = versions[i - 1]
        out.append((d + f"{reg.id}-{old.version.name}-{v.name}-对照表.docx", "新旧对照表 DOCX",
                    f"{old.version.label} → {v.label}", docx_bytes(compare(old.doc, doc))))
    return out


def _source(vs, stem: str) -> tuple[str, str, str, bytes]:
    """The source text, byte for byte (a Markdown or HTML source is served as .txt, or mkdocs
    would turn it into a page)."""
    src_path = vs.reg.path(vs.version)
    suffix = src_path.suffix or ".txt"
    if suffix.lower() in (".md", ".markdown", ".html", ".htm"):
        suffix += ".txt"
    return stem + suffix, "原文", "来源文本，原样（未作任何改动）", src_path.read_bytes()


def ctx_downloads(r):
    files = [(label, desc, r.link(src), src.rsplit("/", 1)[-1], size)
             for src, label, desc, size in r.vs.downloads]
    return {"files": files}, []
