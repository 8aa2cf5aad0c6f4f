"""Reading source files into text: plain text, Markdown, .docx.

Plain text may be UTF-8 (with or without BOM) or GB18030/GBK, with CRLF or LF
line ends.  The decoded text keeps every character and line end; only a UTF-8
BOM is dropped (and recorded), as it is an encoding mark, not text.

A .docx is read paragraph by paragraph, one line each.  A draft circulated with tracked
changes (修订) that nobody accepted holds two texts; kb reads the one the changes propose
(as Word's "接受所有修订" would show it: insertions and moved-to text kept, deletions and
moved-from text left out, a paragraph whose mark was deleted joined to the next) and says
so in a warning per paragraph (:attr:`Source.warnings`), with the text each reading gives.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field

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
    #: (line of the text, message): what the reader had to decide (a .docx's tracked changes)
    warnings: list = field(default_factory=list)


def read_source(path: str) -> Source:
    ext = os.path.splitext(path)[1].lower()
    if not os.path.exists(path):
        raise KbError("文件不存在", path)
    if os.path.isdir(path):
        raise KbError("这是一个目录，不是文件", path)
    if ext in DOCX_EXTS:
        text, warnings = _read_docx(path)
        return Source(path, text, "docx", False, "docx", warnings)
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


#: what accepting every tracked change keeps and drops, and how a warning names each kind
_INSERTED = {_W + "ins": "插入", _W + "moveTo": "移入"}
_DELETED = {_W + "del": "删除", _W + "moveFrom": "移出"}
#: the text elements of a run (w:delText is the text of a deleted run)
_TEXT = (_W + "t", _W + "delText", _W + "tab", _W + "br", _W + "cr")


def _read_docx(path: str) -> tuple[str, list[tuple[int, str]]]:
    """The text of a .docx (its paragraphs, one line each, tracked changes accepted) and a
    warning for each paragraph holding a change nobody accepted."""
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
    lines: list[str] = []
    warnings: list[tuple[int, str]] = []
    joined = False               # the previous paragraph's mark was deleted: this one continues it
    for number, p in enumerate(root.iter(_W + "p"), 1):
        accepted, original, changes = _paragraph(p)
        line = len(lines) + (0 if joined else 1)
        if joined:
            lines[-1] += accepted
        else:
            lines.append(accepted)
        mark_deleted = p.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None
        if mark_deleted:
            changes.append("删除段落标记（与下一段合并）")
        if changes:
            warnings.append((line, _revision_warning(number, changes, accepted, original)))
        joined = mark_deleted
    text = "\n".join(lines)
    if not text.strip():
        raise KbError(".docx 文件没有文字内容", path)
    return text + "\n", warnings


def _paragraph(p) -> tuple[str, str, list[str]]:
    """(text with the changes accepted, text with them rejected, the changes) of a paragraph."""
    accepted, original, changes = [], [], []
    for el in p.iter(*_TEXT):
        kind = _change_of(el, p)
        if el.tag in (_W + "t", _W + "delText"):
            piece = el.text or ""
        else:
            piece = "\t" if el.tag == _W + "tab" else "\n"
        if kind in _INSERTED:
            accepted.append(piece)
        elif kind in _DELETED:
            original.append(piece)
        else:
            accepted.append(piece)
            original.append(piece)
        if kind is not None and piece.strip():
            name = _INSERTED.get(kind) or _DELETED[kind]
            changes.append(f"{name}“{piece}”")
    return "".join(accepted), "".join(original), _merge_changes(changes)


def _change_of(el, p) -> str | None:
    """The tracked change (w:ins, w:del, w:moveTo, w:moveFrom) a text element sits in, if any."""
    a = el.getparent()
    while a is not None and a is not p:
        if a.tag in _INSERTED or a.tag in _DELETED:
            return a.tag
        a = a.getparent()
    return None


def _merge_changes(changes: list[str]) -> list[str]:
    """Neighbouring pieces of one change joined: 插入“十”、插入“日” -> 插入“十日”."""
    out: list[str] = []
    for c in changes:
        if out and out[-1][:2] == c[:2]:
            out[-1] = out[-1][:-1] + c[3:]
        else:
            out.append(c)
    return out


def _revision_warning(number: int, changes: list[str], accepted: str, original: str) -> str:
    shown = "、".join(changes[:4]) + (f"等 {len(changes)} 处" if len(changes) > 4 else "")
    return (f"第 {number} 段有未接受的修订（{shown}）：按接受全部修订后的文本读取"
            f"（“{_clip(accepted)}”；拒绝修订则为“{_clip(original)}”）")


def _clip(s: str, n: int = 40) -> str:
    s = s.strip()
    return s if len(s) <= n else s[:n] + "…"


_SPACES = re.compile(r"[\s\u3000]+")


def squash(s: str) -> str:
    """Remove all whitespace (for comparisons that ignore whitespace only)."""
    return _SPACES.sub("", s)
