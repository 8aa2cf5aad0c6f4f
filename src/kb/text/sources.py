"""Reading source files into text: plain text, Markdown, .docx.

Plain text may be UTF-8 (with or without BOM) or GB18030/GBK, with CRLF or LF
line ends.  The decoded text keeps every character and line end; only a UTF-8
BOM is dropped (and recorded), as it is an encoding mark, not text.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass

from kb.errors import KbError

TEXT_EXTS = {".txt", ".text", ""}
MARKDOWN_EXTS = {".md", ".markdown"}
DOCX_EXTS = {".docx"}
SUPPORTED = sorted(TEXT_EXTS - {""} | MARKDOWN_EXTS | DOCX_EXTS)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: the line that ends the metadata block of a corpus-style Markdown text
INFO_END = "<!-- INFO END -->"


@dataclass
class Source:
    path: str
    text: str
    encoding: str
    bom: bool
    format: str          # text | markdown | docx


def read_source(path: str) -> Source:
    ext = os.path.splitext(path)[1].lower()
    if not os.path.exists(path):
        raise KbError("文件不存在", path)
    if os.path.isdir(path):
        raise KbError("这是一个目录，不是文件", path)
    if ext in DOCX_EXTS:
        return Source(path, _read_docx(path), "docx", False, "docx")
    if ext not in TEXT_EXTS and ext not in MARKDOWN_EXTS:
        raise KbError(f"不支持的文件格式“{ext}”；支持：{'、'.join(SUPPORTED)}", path)
    with open(path, "rb") as f:
        data = f.read()
    text, encoding, bom = decode(data, path)
    fmt = "markdown" if ext in MARKDOWN_EXTS or _looks_like_corpus_markdown(text) else "text"
    return Source(path, text, encoding, bom, fmt)


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str, bool]:
    """Bytes to text; raises KbError for empty, binary or undecodable input."""
    if not data.strip():
        raise KbError("文件为空", path)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 with a byte-order mark (Windows Notepad's "Unicode"); the mark is dropped
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise KbError("无法解码的字节（文件以 UTF-16 标记开头，但内容不是 UTF-16）", path) from None
        if not text.strip():
            raise KbError("文件为空", path)
        return text, "utf-16", True
    if b"\x00" in data[:8192] or data[:4] in (b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0"):
        raise KbError("这是二进制文件，不是文本（请提供 UTF-8/GB18030 文本、Markdown 或 .docx）", path)
    if data.startswith(b"\xef\xbb\xbf"):
        data, bom = data[3:], True
    else:
        bom = False
    try:
        return data.decode("utf-8"), "utf-8", bom
    except UnicodeDecodeError as e:
        utf8_error = e
    if not bom:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = None
        if text is not None and _mostly_chinese(text):
            return text, "gb18030", False
    line = data[: utf8_error.start].count(b"\n") + 1
    raise KbError(f"无法解码的字节（既不是 UTF-8 也不是 GB18030），位于第 {utf8_error.start} 字节", path, line)


def _mostly_chinese(text: str) -> bool:
    letters = [c for c in text if not c.isspace() and not c.isascii()]
    if not letters:
        return True
    cjk = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
              or "\uff00" <= c <= "\uffef")
    return cjk / len(letters) > 0.8


def _looks_like_corpus_markdown(text: str) -> bool:
    return text.lstrip().startswith("# ") or INFO_END in text[:5000]


def _read_docx(path: str) -> str:
    from lxml import etree  # lazy: only .docx needs it

    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("word/document.xml")
    except zipfile.BadZipFile:
        raise KbError(".docx 文件已损坏（不是有效的 ZIP 包）", path) from None
    except KeyError:
        raise KbError(".docx 文件已损坏（缺少 word/document.xml）", path) from None
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as e:
        raise KbError(f".docx 文件已损坏（document.xml 无法解析：{e}）", path) from None
    lines = []
    for p in root.iter(_W + "p"):
        buf = []
        for el in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr"):
            if el.tag == _W + "t":
                buf.append(el.text or "")
            elif el.tag == _W + "tab":
                buf.append("\t")
            else:
                buf.append("\n")
        lines.append("".join(buf))
    text = "\n".join(lines)
    if not text.strip():
        raise KbError(".docx 文件没有文字内容", path)
    return text + "\n"


_SPACES = re.compile(r"[\s\u3000]+")


def squash(s: str) -> str:
    """Remove all whitespace (for comparisons that ignore whitespace only)."""
    return _SPACES.sub("", s)
