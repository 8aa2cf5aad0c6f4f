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

import errno
import io
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field

from kb.errors import KbError, os_error

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


#: the largest source kb reads unless told otherwise: 10 MB (a whole code such as 民法典 is 0.3 MB);
#: ``KB_MAX_INPUT_MB`` (or ``kb --max-input-mb``) sets another
DEFAULT_MAX_MB = 10
#: a .docx's document.xml may be this many times the text limit (Word's markup around the text)
DOCX_XML_FACTOR = 16
#: a .docx may hold (first) paragraphs plus (second) per MB of the file: a parsed line costs up to
#: about 820 bytes (one-line articles), so this keeps kb parse within 30 × the file + 200 MB, where
#: deflate packs a million one-character paragraphs into a few hundred KB (a 0.4 MB file took
#: 1.17 GB to parse); real documents have a few thousand
DOCX_PARAGRAPHS = (150_000, 40_000)


def max_input_bytes() -> int:
    """The largest source (in bytes) kb reads: ``KB_MAX_INPUT_MB`` or 10 MB."""
    raw = os.environ.get("KB_MAX_INPUT_MB", "").strip()
    if not raw:
        return DEFAULT_MAX_MB * 2**20
    try:
        mb = float(raw)
    except ValueError:
        mb = -1.0
    if not mb > 0 or mb != mb or mb == float("inf"):
        raise KbError(f"KB_MAX_INPUT_MB 应为正数（兆字节），而不是“{raw}”")
    return int(mb * 2**20)


def open_regular(path: str | os.PathLike):
    """A binary file object on ``path``, once it is known to be a regular file.

    A FIFO, a device (/dev/zero, /dev/urandom), a socket or a directory is refused before
    anything is read (reading one may never end); a missing file, a symbolic link loop or a
    file without read permission each get their own message."""
    path = os.fspath(path)
    try:
        # O_NONBLOCK: opening a FIFO that nobody writes to would otherwise wait forever
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        if e.errno == errno.ENOENT and os.path.islink(path):
            raise KbError("符号链接指向的文件不存在", path) from None
        raise os_error(e, path) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise KbError("这是一个目录，不是文件", path)
        if not stat.S_ISREG(st.st_mode):
            kind = ("命名管道（FIFO）" if stat.S_ISFIFO(st.st_mode) else "字符设备" if stat.S_ISCHR(st.st_mode)
                    else "块设备" if stat.S_ISBLK(st.st_mode) else "套接字" if stat.S_ISSOCK(st.st_mode) else "特殊文件")
            raise KbError(f"这是{kind}，不是普通文件；kb 只读取普通文件", path)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | os.PathLike, limit: int | None = None, what: str = "文件") -> bytes:
    """The bytes of a regular file (:func:`open_regular`), read whole up to ``limit`` (default:
    max_input_bytes()); a larger file is refused with the limit and how to raise it."""
    limit = max_input_bytes() if limit is None else limit
    with open_regular(path) as f:
        try:
            size = os.fstat(f.fileno()).st_size
            data = f.read(limit + 1) if size <= limit else b""
        except OSError as e:
            raise os_error(e, os.fspath(path)) from None
    if size > limit or len(data) > limit:          # (or the file grew while being read)
        raise KbError(f"{what}过大（{_mb(max(size, len(data)))}，上限 {_mb(limit)}）；确需读取时用环境变量 "
                      f"KB_MAX_INPUT_MB 或 kb --max-input-mb 调高上限", os.fspath(path))
    return data


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def read_source(path: str) -> Source:
    ext = os.path.splitext(path)[1].lower()
    if ext in DOCX_EXTS:
        text, warnings = _read_docx(path)
        return Source(path, text, "docx", False, "docx", warnings)
    if ext not in TEXT_EXTS and ext not in MARKDOWN_EXTS:
        open_regular(path).close()          # a missing file (or a FIFO …) is said first
        raise KbError(f"不支持的文件格式“{ext}”；支持：{'、'.join(SUPPORTED)}", path)
    text, encoding, bom = decode(read_bytes(path), path)
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
        except UnicodeDecodeError as e:
            raise KbError(f"无法解码的字节（文件以 UTF-16 标记开头，但第 {e.start + 1} 个字节起的内容不是 UTF-16）",
                          path) from None
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
    line, column = decode_position(utf8_error)
    raise KbError(f"无法解码的字节（既不是 UTF-8 也不是 GB18030），位于第 {line} 行第 {column} 列"
                  f"（第 {utf8_error.start + 1} 个字节：0x{data[utf8_error.start]:02X}）", path, line)


def decode_utf8(data: bytes, path) -> str:
    """The text of a data file kb reads as UTF-8 (a meta.yml, an actors.yml, an annotation file): a byte that is no
    UTF-8 is a KbError naming the file and the line and column of the first one (a byte-order mark is left to the
    YAML reader, which skips it)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = decode_position(e)
        raise KbError(f"不是 UTF-8 文本（第 {line} 行第 {col} 列无法解码）", os.fspath(path), line) from None


def yaml_error(e, path, text: str) -> KbError:
    """What kb says of a YAML file (``text``) its reader refused, wherever kb reads one: a character YAML does not allow
    (a control character: ReaderError, whose position is a character's, counted into a line here) or bad syntax (the
    reader's problem and line).  Code review 17: four readers built this message each their own way, and the
    参与主体词表's (actors.yml) said a control character in the reader's English with no line."""
    import yaml

    if isinstance(e, yaml.reader.ReaderError) and isinstance(e.character, int):
        return KbError(f"YAML 格式错误：不允许的字符 U+{e.character:04X}（YAML 文件不能含控制字符）", os.fspath(path),
                       text.count("\n", 0, e.position) + 1)
    mark = getattr(e, "problem_mark", None)
    return KbError(f"YAML 格式错误：{getattr(e, 'problem', None) or e}", os.fspath(path),
                   mark.line + 1 if mark else None)


def load_yaml(path):
    """A YAML data file (yaml.safe_load; None when it is empty): a file that is no UTF-8 or no YAML is a KbError with
    the file and the line (:func:`decode_utf8`, :func:`yaml_error`); an OSError is the caller's to say."""
    import yaml

    with open(path, "rb") as f:
        text = decode_utf8(f.read(), path)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise yaml_error(e, path, text) from None


def decode_position(e: UnicodeDecodeError) -> tuple[int, int]:
    """(line, column), both counted from 1, of the first byte ``e`` could not decode; the column
    counts the characters before it on its line, as an editor shows it."""
    data = bytes(e.object[:e.start])
    start = data.rfind(b"\n") + 1
    return data.count(b"\n") + 1, len(data[start:].decode(e.encoding or "utf-8", errors="replace")) + 1


def _mostly_chinese(text: str) -> bool:
    letters = cjk = 0
    for c in text:
        if not c.isspace() and not c.isascii():
            letters += 1
            if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef":
                cjk += 1
    return not letters or cjk / letters > 0.8


def _looks_like_corpus_markdown(text: str) -> bool:
    return text.lstrip().startswith("# ") or INFO_END in text[:5000]


#: what accepting every tracked change keeps and drops, and how a warning names each kind
_INSERTED = {_W + "ins": "插入", _W + "moveTo": "移入"}
_DELETED = {_W + "del": "删除", _W + "moveFrom": "移出"}
#: the text elements of a run (w:delText is the text of a deleted run)
_TEXT = (_W + "t", _W + "delText", _W + "tab", _W + "br", _W + "cr")


def _read_docx(path: str) -> tuple[str, list[tuple[int, str]]]:
    """The text of a .docx (its paragraphs, one line each, tracked changes accepted) and a
    warning for each paragraph holding a change nobody accepted.

    word/document.xml is read as a stream, paragraph by paragraph, each dropped once read: the
    memory used follows the text, not the XML (a small .docx may inflate to gigabytes).  The XML
    read and the text made are both limited (max_input_bytes()); what a damaged, encrypted or
    unusual package does wrong is said, never shown as a Python error."""
    with open_regular(path) as f:
        head = f.read(8)
        if not head:
            raise KbError("文件为空", path)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise KbError(".docx 文件是 OLE 复合文件：加了密码的 Word 文档或改了扩展名的旧版 .doc；"
                          "请在 Word 中取消密码或另存为 .docx", path)
        f.seek(0)
        try:
            with zipfile.ZipFile(f) as z:
                with z.open("word/document.xml") as xml:
                    size = os.fstat(f.fileno()).st_size
                    return _docx_text(_Limited(xml, max_input_bytes() * DOCX_XML_FACTOR, path), path,
                                      max_paragraphs(size))
        except KeyError:
            raise KbError(".docx 文件已损坏（缺少 word/document.xml）", path) from None
        except zipfile.BadZipFile as e:
            why = "document.xml 校验失败（CRC 错误）" if "CRC" in str(e) else "不是有效的 ZIP 包"
            raise KbError(f".docx 文件已损坏（{why}）", path) from None
        except NotImplementedError:     # zipfile: "That compression method is not supported"
            raise KbError(".docx 文件使用了不支持的压缩方式（Word 只用 deflate）；请用 Word 重新保存", path) from None
        except RuntimeError as e:        # zipfile: "File … is encrypted, password required"
            if "encrypt" in str(e) or "password" in str(e):
                raise KbError(".docx 文件的内容已加密（需要密码）；请在 Word 中取消密码后另存", path) from None
            raise
        except (zlib.error, EOFError, ValueError) as e:
            raise KbError(f".docx 文件已损坏（压缩数据无法解开：{e}）", path) from None
        except OSError as e:
            raise os_error(e, path) from None


class _Limited:
    """A file object that refuses to give more than ``limit`` bytes (a .docx's XML inflating
    past any real document's size)."""

    def __init__(self, f, limit: int, path: str):
        self.f, self.left, self.limit, self.path = f, limit, limit, path

    def read(self, n: int = -1) -> bytes:
        data = self.f.read(n if n is not None and n >= 0 else 1 << 20)
        self.left -= len(data)
        if self.left < 0:
            raise KbError(f".docx 文件的 document.xml 解压后超过 {_mb(self.limit)}（不像真实的文档）；"
                          f"确需读取时用环境变量 KB_MAX_INPUT_MB 或 kb --max-input-mb 调高上限", self.path)
        return data


def max_paragraphs(docx_bytes: int) -> int:
    """How many paragraphs a .docx of ``docx_bytes`` may hold (see DOCX_PARAGRAPHS)."""
    return DOCX_PARAGRAPHS[0] + int(DOCX_PARAGRAPHS[1] * docx_bytes / 2**20)


def _docx_text(xml, path: str, paragraphs: int | None = None) -> tuple[str, list[tuple[int, str]]]:
    """Read document.xml element by element: each text element's piece is taken when it ends and
    then dropped with everything before it, so the tree never holds more than the elements still
    open (a paragraph of a million runs costs no more memory than one of ten)."""
    from lxml import etree  # lazy: only .docx needs it

    reader = _DocxReader(max_input_bytes(), path, paragraphs)
    try:
        for event, el in etree.iterparse(xml, events=("start", "end"), resolve_entities=False,
                                         no_network=True, load_dtd=False, huge_tree=False):
            if event == "start":
                if el.tag == _W + "p":
                    reader.open(el)
                continue
            tag = el.tag
            if tag in _TEXT:
                reader.piece(el)
            elif tag == _W + "p":
                reader.close(el)
            elif tag == _W + "del" and _is_mark(el):
                reader.mark_deleted(el.getparent().getparent().getparent())
            if el.getparent() is not None:
                el.clear()
                while el.getprevious() is not None:
                    del el.getparent()[0]
    except etree.XMLSyntaxError as e:
        raise KbError(f".docx 文件已损坏（document.xml 无法解析：{e}）", path) from None
    return reader.result()


def _is_mark(el) -> bool:
    """w:pPr/w:rPr/w:del: the paragraph's mark was deleted (it joins the next one)."""
    rpr = el.getparent()
    ppr = rpr.getparent() if rpr is not None else None
    return rpr is not None and rpr.tag == _W + "rPr" and ppr is not None and ppr.tag == _W + "pPr" \
        and ppr.getparent() is not None and ppr.getparent().tag == _W + "p"


class _Paragraph:
    __slots__ = ("el", "seq", "accepted", "original", "changes", "mark_deleted")

    def __init__(self, el, seq: int):
        self.el, self.seq = el, seq
        self.accepted: list[str] = []
        self.original: list[str] = []
        self.changes: list[str] = []
        self.mark_deleted = False


class _DocxReader:
    """The lines of a .docx as its paragraphs end.  Paragraphs come out in document order, a
    paragraph inside another (a text box) after the one that holds it, whose text includes it."""

    def __init__(self, limit: int, path: str, paragraphs: int | None = None):
        self.limit, self.path, self.paragraphs = limit, path, paragraphs
        self.open_: list[_Paragraph] = []          # the paragraphs being read, outermost first
        self.done: list[_Paragraph] = []           # finished paragraphs inside an open one
        self.seq = 0
        self.out = io.StringIO()                   # the text so far: no object kept per line
        self.lines = 0
        self.warnings: list[tuple[int, str]] = []
        self.joined = False
        self.run: _Run | None = None               # the paragraphs read into the current line
        self.number = 0
        self.size = 0

    def open(self, el) -> None:
        self.seq += 1
        self.open_.append(_Paragraph(el, self.seq))

    def piece(self, el) -> None:
        if el.tag in (_W + "t", _W + "delText"):
            piece = el.text or ""
        else:
            piece = "\t" if el.tag == _W + "tab" else "\n"
        for p in self.open_:
            kind = _change_of(el, p.el)
            if kind in _INSERTED:
                p.accepted.append(piece)
            elif kind in _DELETED:
                p.original.append(piece)
            else:
                p.accepted.append(piece)
                p.original.append(piece)
            if kind is not None and piece.strip():
                name = _INSERTED.get(kind) or _DELETED[kind]
                p.changes.append(f"{name}“{piece}”")
        self.size += len(piece)
        if self.size > self.limit:
            raise KbError(f".docx 文件的文字超过上限 {_mb(self.limit)}；确需读取时用环境变量 "
                          f"KB_MAX_INPUT_MB 或 kb --max-input-mb 调高上限", self.path)

    def mark_deleted(self, p_el) -> None:
        for p in self.open_:
            if p.el is p_el:
                p.mark_deleted = True

    def close(self, el) -> None:
        p = self.open_.pop()
        self.done.append(p)
        if self.open_:
            return                      # a text box: its line follows the paragraph holding it
        for q in sorted(self.done, key=lambda q: q.seq):
            self._line(q)
        self.done = []

    def _line(self, p: _Paragraph) -> None:
        self.number += 1
        if self.paragraphs is not None and self.number > self.paragraphs:
            raise KbError(f".docx 文件的段落超过 {self.paragraphs:,} 段（15 万段，另按文件大小每 MB 4 万段）：压缩得这样"
                          f"密的文件不像真实的文档，读下去会占用远超文件大小的内存", self.path)
        accepted = "".join(p.accepted)
        changes = _merge_changes(p.changes)
        if p.mark_deleted:
            changes.append("删除段落标记（与下一段合并）")
        if not self.joined:
            self.lines += 1
            if self.lines > 1:
                self.out.write("\n")
            self.run = _Run()
        self.out.write(accepted)
        self.run.add(self.number, changes, accepted, "".join(p.original))
        self.joined = p.mark_deleted
        if not self.joined:
            self._said()

    def _said(self) -> None:
        """The warning of the line just read, once it is whole: a paragraph whose mark was deleted is warned of with
        the paragraph it joins, so both readings show the text it becomes."""
        if self.run is not None and self.run.changes:
            self.warnings.append((self.lines, self.run.warning()))
        self.run = None

    def result(self) -> tuple[str, list[tuple[int, str]]]:
        self._said()                    # the last paragraph's mark deleted: nothing followed to join
        text = self.out.getvalue()
        self.out = io.StringIO()
        if not text.strip():
            raise KbError(".docx 文件没有文字内容", self.path)
        return text + "\n", self.warnings


class _Run:
    """Paragraphs read as one line (each but the last with its mark deleted): which of them hold changes, and the
    line's two readings — accepted, one line; rejected, the paragraphs as they were."""

    def __init__(self):
        self.numbers: list[int] = []
        self.changes: list[str] = []
        self.accepted = ""
        self.originals: list[str] = []

    def add(self, number: int, changes: list[str], accepted: str, original: str) -> None:
        if changes:
            self.numbers.append(number)
            self.changes += changes
        self.accepted += accepted
        self.originals.append(original)

    def warning(self) -> str:
        return _revision_warning(self.numbers, self.changes, self.accepted, self.originals)


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


def _revision_warning(numbers: list[int], changes: list[str], accepted: str, originals: list[str]) -> str:
    """第 4 段有未接受的修订（删除“15”、插入“10”）：按接受全部修订后的文本读取（“…10…”；拒绝修订则为“…15…”）.  When
    paragraph marks were deleted, accepted is the one line they become and the rejected reading is the paragraphs
    apart (拒绝修订则为 2 段：“第四条　本条例”“自2023年 月 日起施行。”)."""
    shown = "、".join(changes[:4]) + (f"等 {len(changes)} 处" if len(changes) > 4 else "")
    where = "、".join(map(str, numbers))
    # a paragraph break becomes a newline, so the excerpts are taken around it as around any other change
    a, o = _where_they_differ(accepted.strip(), "\n".join(x.strip() for x in originals))
    rejected = f"“{o}”" if len(originals) == 1 else f" {len(originals)} 段：“{o.replace(chr(10), '”“')}”"
    return f"第 {where} 段有未接受的修订（{shown}）：按接受全部修订后的文本读取（“{a}”；拒绝修订则为{rejected}）"


def _where_they_differ(a: str, b: str, n: int = 40, context: int = 12) -> tuple[str, str]:
    """Excerpts of two readings of a paragraph around the place they differ: a few characters of the
    text both share before it, the differing part, a few shared after it, at most ``n`` characters
    each; … marks text left out.  A paragraph changed beyond its first n characters is otherwise
    shown the same in both.  Readings of at most n characters are shown whole."""
    if len(a) <= n and len(b) <= n:
        return a, b
    from os.path import commonprefix

    head = len(commonprefix([a, b]))
    tail = min(len(commonprefix([a[::-1], b[::-1]])), min(len(a), len(b)) - head)
    start = max(0, head - context)

    def excerpt(s: str) -> str:
        end = min(len(s), len(s) - tail + context)
        piece = s[start:end]
        cut = len(piece) > n
        return ("…" if start else "") + piece[:n] + ("…" if cut or end < len(s) else "")
    return excerpt(a), excerpt(b)




_SPACES = re.compile(r"[\s\u3000]+")


def squash(s: str) -> str:
    """Remove all whitespace (for comparisons that ignore whitespace only)."""
    return _SPACES.sub("", s)
