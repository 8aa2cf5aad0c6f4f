"""The PDF downloads: each version's Word document (kb.outputs.word) converted by LibreOffice, cached;
and the PDFs of ``kb export --format pdf`` and ``kb diff --format pdf`` (:func:`pdfs_of`), made the same way.

Why LibreOffice (``soffice --headless --convert-to pdf``, Debian's libreoffice-writer-nogui, which
scripts/test installs): the PDF is then the very document the DOCX download is — same pages, fonts,
page numbers and header — laid out by a word processor that breaks and justifies Chinese lines and
falls back from 仿宋/黑体 to the installed CJK fonts (fonts-noto-cjk).  A Python PDF library
(reportlab, fpdf2) would need a font file shipped with kb and a second layout written by us; an
HTML-to-PDF engine (WeasyPrint) a second template and more system libraries.

A conversion starts an office suite (about ten seconds), so every version the cache lacks is
converted in one run, and the result is kept under ``.kb/pdf/`` keyed by the hash of the source
text, the header line, the Word layout's version and the converter installed: an unchanged text is
never converted again (the key also holds the DOCX's properties: a new date or issuing body in
meta.yml makes the PDF again).  Where no converter is installed, or it fails, the build says so and
goes on without the PDF.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kb.outputs.word import LAYOUT_VERSION

CONVERTERS = ("soffice", "libreoffice")
#: seconds one conversion run may take before it is given up
TIMEOUT = 300


def converter() -> str | None:
    for name in CONVERTERS:
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def _identity(exe: str) -> str:
    """Which converter this is, cheaply: its resolved path, size and time (a new LibreOffice
    changes them, and with them every cache key)."""
    real = os.path.realpath(exe)
    st = os.stat(real)
    return f"{real}:{st.st_size}:{st.st_mtime_ns}"


def cache_key(source: bytes, header: str, exe: str, props: bytes = b"") -> str:
    """``props``: the DOCX's properties (kb.outputs.docprops), which the PDF carries as its title,
    author and dates."""
    h = hashlib.sha256()
    for part in (source, header.encode("utf-8"), str(LAYOUT_VERSION).encode(), _identity(exe).encode(), props):
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()[:32]


def convert(exe: str, docxs: list[bytes]) -> tuple[list[bytes | None], str | None]:
    """The PDFs of Word documents, in one run of the converter: ([pdf bytes, or None where that document
    failed], None), or ([], why) when the run itself failed."""
    with tempfile.TemporaryDirectory(prefix="kb-pdf-") as t:
        tmp = Path(t)
        files = []
        for i, docx in enumerate(docxs):
            f = tmp / f"{i}.docx"
            f.write_bytes(docx)
            files.append(str(f))
        # a profile of its own: another LibreOffice running on the machine does not block this one
        cmd = [exe, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(tmp), *files]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            return [], f"PDF 转换失败（{type(e).__name__}）"
        out = []
        for i in range(len(docxs)):
            pdf = tmp / f"{i}.pdf"
            data = pdf.read_bytes() if pdf.is_file() else b""
            out.append(data if data[:5] == b"%PDF-" else None)
        return out, None


#: what to do where no converter is installed (the site's build log, kb export/diff --format pdf)
INSTALL = "Debian：apt-get install libreoffice-writer-nogui"


def pdfs_of(docxs: list[bytes], names: list[str]) -> list[bytes]:
    """The PDFs of Word documents (``kb export --format pdf``, ``kb diff --format pdf``), converted in one run as
    the site's PDF downloads are; ``names`` say which document failed.  No converter, or a failed
    conversion: KbError (exit 2), saying what to install or to use instead."""
    from kb.errors import KbError

    exe = converter()
    if exe is None:
        raise KbError(f"生成 PDF 需要 LibreOffice（soffice），本机未安装（{INSTALL}）；"
                      "可改用 --format docx 得到同样版式的 Word 文档")
    made, error = convert(exe, docxs)
    failed = [n for n, data in zip(names, made) if data is None]
    if error or failed:
        why = error or f"LibreOffice 未能把 {'、'.join(failed)} 转换为 PDF"
        raise KbError(f"{why}；可改用 --format docx")
    return made


def make_pdfs(jobs: list[tuple[str, bytes, bytes, str, bytes]], cache: Path) -> tuple[dict[str, bytes], str]:
    """PDFs of ``[(name, docx bytes, source bytes, header, the DOCX's docProps/core.xml)]``: ({name: pdf
    bytes}, a line for the build's log — "" when all came from the cache)."""
    exe = converter()
    if exe is None:
        return {}, f"未安装 LibreOffice（soffice），不生成 PDF 下载（{INSTALL}）"
    out, todo = {}, []
    for name, docx, source, header, props in jobs:
        path = cache / f"{cache_key(source, header, exe, props)}.pdf"
        if path.is_file():
            out[name] = path.read_bytes()
        else:
            todo.append((name, docx, path))
    if not todo:
        return out, ""
    made, error = convert(exe, [docx for _, docx, _ in todo])
    if error:
        return out, f"{error}，本次不生成 PDF 下载"
    failed = []
    cache.mkdir(parents=True, exist_ok=True)
    for (name, _, path), data in zip(todo, made):
        if data is None:
            failed.append(name)
            continue
        part = path.with_suffix(".tmp")
        part.write_bytes(data)
        os.replace(part, path)           # a reader of the cache never sees half a file
        out[name] = data
    # a first build converts them all: "其余取自缓存" is said only when some came from the cache
    cached = len(jobs) - len(todo)
    msg = f"PDF：转换 {len(todo) - len(failed)} 个" + (f"，{cached} 个取自缓存 .kb/pdf/" if cached else "")
    if failed:
        msg += f"；{len(failed)} 个转换失败，未生成：{'、'.join(failed)}"
    return out, msg
