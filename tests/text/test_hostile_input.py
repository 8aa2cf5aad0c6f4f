"""Hostile input files (issue 18): nothing hangs, nothing explodes, nothing traces back.  Each bad
file gets a clear Chinese message naming it and exit code 2 — a FIFO or a device is refused before a
byte is read, a file over the size limit is refused with the limit and how to raise it, a .docx that
is encrypted, damaged or inflates without end is said to be so, a symbolic link loop is not "文件不存在",
and a malformed article number (第一万万万条) is a numbering warning, not an article."""
from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kb.cli import main
from kb.errors import KbError
from kb.text.sources import read_source

ROOT = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = "第一条　为了规范社区治理，制定本条例。\n第二条　本条例适用于本市。\n"


def kb(*args, env=None, timeout=60, cwd=None) -> subprocess.CompletedProcess:
    """The kb command in a process of its own (a hang shows as a timeout, not a stuck test run)."""
    e = dict(os.environ, PYTHONPATH=str(ROOT / "src"), **(env or {}))
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=e, cwd=cwd)


def run(args, capsys) -> tuple[int, str, str]:
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def document_xml(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>' \
        .encode("utf-8")


def docx(path: Path, xml: bytes, method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return path


def patch_entry(path: Path, name: bytes, flag: int | None = None, method: int | None = None) -> None:
    """Set the general-purpose flag bits or the compression method of one entry, in its local
    header and in the central directory (what an encrypting or an exotic zip tool writes)."""
    data = bytearray(path.read_bytes())
    for sig, flag_at, method_at, name_len_at, name_at in ((b"PK\x03\x04", 6, 8, 26, 30),
                                                           (b"PK\x01\x02", 8, 10, 28, 46)):
        i = data.find(sig)
        while i >= 0:
            n = int.from_bytes(data[i + name_len_at:i + name_len_at + 2], "little")
            if bytes(data[i + name_at:i + name_at + n]) == name:
                if flag is not None:
                    data[i + flag_at:i + flag_at + 2] = flag.to_bytes(2, "little")
                if method is not None:
                    data[i + method_at:i + method_at + 2] = method.to_bytes(2, "little")
            i = data.find(sig, i + 4)
    path.write_bytes(bytes(data))


# ------------------------------------------------------------------ files that are not files

def test_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    p = kb("parse", str(fifo), timeout=30)
    assert p.returncode == 2 and "命名管道" in p.stderr and str(fifo) in p.stderr and "Traceback" not in p.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_before_any_read(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} 不存在")
    p = kb("parse", device, timeout=30)
    assert p.returncode == 2 and "字符设备" in p.stderr and "不是普通文件" in p.stderr


def test_symlink_loop_and_dangling_link_say_what_they_are(tmp_path, capsys):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    rc, _, err = run(["parse", str(tmp_path / "a.txt")], capsys)
    assert rc == 2 and "符号链接形成循环" in err and "文件不存在" not in err
    (tmp_path / "c.txt").symlink_to(tmp_path / "gone.txt")
    rc, _, err = run(["parse", str(tmp_path / "c.txt")], capsys)
    assert rc == 2 and "符号链接指向的文件不存在" in err


def test_file_without_read_permission(tmp_path, capsys, monkeypatch):
    f = tmp_path / "draft.txt"
    f.write_text(TEXT, encoding="utf-8")
    f.chmod(0)
    if os.geteuid() == 0:
        # root reads any file: the kernel's refusal is injected where kb opens the file
        real_open = os.open

        def refusing(path, *a, **kw):
            if os.fspath(path) == str(f):
                raise PermissionError(errno.EACCES, "Permission denied", str(f))
            return real_open(path, *a, **kw)
        monkeypatch.setattr(os, "open", refusing)
    rc, _, err = run(["parse", str(f)], capsys)
    assert rc == 2 and "没有读取权限" in err and str(f) in err and "Traceback" not in err


# ------------------------------------------------------------------ size limits

def test_text_over_the_limit_is_refused_with_the_limit_and_how_to_raise_it(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(TEXT * 2000, encoding="utf-8")          # about 150 KB
    p = kb("parse", str(f), env={"KB_MAX_INPUT_MB": "0.05"})
    assert p.returncode == 2 and "文件过大" in p.stderr and "上限" in p.stderr and "KB_MAX_INPUT_MB" in p.stderr
    p = kb("--max-input-mb", "0.05", "parse", str(f))
    assert p.returncode == 2 and "文件过大" in p.stderr
    p = kb("--max-input-mb", "1", "parse", str(f), env={"KB_MAX_INPUT_MB": "0.05"})
    assert p.returncode == 0, p.stderr
    p = kb("parse", str(f), env={"KB_MAX_INPUT_MB": "lots"})
    assert p.returncode == 2 and "KB_MAX_INPUT_MB 应为正数" in p.stderr


def test_docx_that_inflates_without_end_is_refused_in_little_memory(tmp_path):
    """A small .docx whose document.xml inflates to 6 MB: refused at the limit (4 MB, 16 times the text
    limit of 0.25 MB), the XML read as a stream (the process stays far below what the elements would
    take as a tree: about 100 MB for the 700,000 read before the limit)."""
    f = tmp_path / "bomb.docx"
    runs = b"<w:r/>" * (1 << 20) + b"<w:r><w:t>x</w:t></w:r>"    # 6 MB: one paragraph of a million runs
    xml = document_xml(["第一条　甲。"])
    docx(f, xml[:-len(b"</w:body></w:document>")] + b"<w:p>" + runs + b"</w:p></w:body></w:document>")
    assert f.stat().st_size < 400_000
    del runs, xml
    # VmHWM, the peak of this process's own memory (ru_maxrss would count the test process it was
    # forked from: Linux carries the parent's peak across exec)
    script = ("import re, sys\nfrom kb.cli import main\nrc = main(sys.argv[1:])\n"
              "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1), file=sys.stderr)\n"
              "sys.exit(rc)\n")
    e = dict(os.environ, PYTHONPATH=str(ROOT / "src"), KB_MAX_INPUT_MB="0.25")      # XML limit 4 MB
    p = subprocess.run([sys.executable, "-c", script, "parse", str(f)], capture_output=True, text=True,
                       timeout=120, env=e)
    assert p.returncode == 2 and "document.xml 解压后超过" in p.stderr, p.stderr
    peak_mb = int(p.stderr.strip().splitlines()[-1]) / 1024
    size_mb = f.stat().st_size / 2**20
    # the bound, and well under what the elements would take as a tree
    assert peak_mb < min(30 * size_mb + 200, 70), f"peak {peak_mb:.0f} MB for a {size_mb:.2f} MB file"


@pytest.mark.parametrize("mb, alphabet", [(0.4, 1), (5.9, 16)])
def test_docx_of_one_character_paragraphs_stays_within_the_memory_target(tmp_path, mb, alphabet):
    """The security review's two Word files: one-character paragraphs, all the same (0.4 MB inflating
    to 143 MB: 4 million paragraphs, 1.17 GB to parse) or one of 16 (5.9 MB inflating past the
    160 MB limit on the XML: 454 MB before the refusal).  Both are refused within 30 × the file
    plus 200 MB, the default limits in force (kb bench memory's docx-bomb and docx-mixed shapes)."""
    from kb.dev import bench_memory

    f = tmp_path / "paragraphs.docx"
    bench_memory._docx_paragraphs(f, mb, alphabet)
    env = {k: v for k, v in os.environ.items() if k != "KB_MAX_INPUT_MB"}
    script = ("import re, sys\nfrom kb.cli import main\nrc = main(sys.argv[1:])\n"
              "print(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read()).group(1), file=sys.stderr)\n"
              "sys.exit(rc)\n")
    p = subprocess.run([sys.executable, "-c", script, "parse", str(f)], capture_output=True, text=True,
                       timeout=300, env=dict(env, PYTHONPATH=str(ROOT / "src"), KB_LAYER_CACHE="off"))
    assert p.returncode == 2 and "段落超过" in p.stderr and "Traceback" not in p.stderr, p.stderr[-500:]
    peak_mb = int(p.stderr.strip().splitlines()[-1]) / 1024
    size_mb = f.stat().st_size / 2**20
    assert peak_mb < 30 * size_mb + 200, f"peak {peak_mb:.0f} MB for a {size_mb:.2f} MB file"
    assert peak_mb < 100                        # the paragraphs read are kept as text, not objects


def test_a_real_sized_docx_of_many_paragraphs_is_read(tmp_path):
    """Under the paragraph limit (150,000 plus 40,000 per MB) a .docx reads as before: kb bench
    memory's dense shape, one article per paragraph."""
    from kb.dev import bench_memory
    from kb.text.sources import max_paragraphs

    f = tmp_path / "dense.docx"
    bench_memory._docx(f, 0.2)
    text = read_source(str(f)).text
    assert text.startswith("第1条") and text.count("\n") > 10_000
    assert max_paragraphs(f.stat().st_size) >= 150_000 + 0.19 * 40_000


def test_docx_streamed_reads_the_same_text(tmp_path):
    """Streaming the XML keeps the reading of a .docx: paragraphs in order, text boxes after the
    paragraph holding them, tracked changes accepted."""
    body = (f'<w:p><w:r><w:t>第一条　甲</w:t></w:r><w:ins><w:r><w:t>乙</w:t></w:r></w:ins>'
            f'<w:del><w:r><w:delText>丙</w:delText></w:r></w:del></w:p>'
            f'<w:tbl><w:tr><w:tc><w:p><w:r><w:t>第二条　表中。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            f'<w:p><w:r><w:t>第三条　框外</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p>'
            f'</w:txbxContent></w:pict></w:r></w:p>')
    xml = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'.encode()
    src = read_source(str(docx(tmp_path / "a.docx", xml)))
    assert src.text == "第一条　甲乙\n第二条　表中。\n第三条　框外框内\n框内\n"
    assert len(src.warnings) == 1 and "插入“乙”" in src.warnings[0][1]


# ------------------------------------------------------------------ damaged or unusual .docx

@pytest.mark.parametrize("damage, message", [
    ("encrypted", "内容已加密"),
    ("compression", "不支持的压缩方式"),
    ("crc", "CRC"),
    ("truncated", "已损坏"),
    ("ole", "OLE 复合文件"),
    ("no-document", "缺少 word/document.xml"),
    ("not-zip", "不是有效的 ZIP 包"),
    ("bad-xml", "document.xml 无法解析"),
])
def test_damaged_docx_gets_a_message_not_a_traceback(tmp_path, capsys, damage, message):
    f = tmp_path / "draft.docx"
    xml = document_xml(["第一条　甲。", "第二条　乙。"] * 50)
    if damage == "encrypted":
        docx(f, xml)
        patch_entry(f, b"word/document.xml", flag=0x1)
    elif damage == "compression":
        docx(f, xml)
        patch_entry(f, b"word/document.xml", method=97)
    elif damage == "crc":
        docx(f, xml, zipfile.ZIP_STORED)
        data = bytearray(f.read_bytes())
        i = data.find("第二条".encode())
        data[i] ^= 0x01
        f.write_bytes(bytes(data))
    elif damage == "truncated":
        docx(f, xml)
        data = bytearray(f.read_bytes())
        i = data.find(b"word/document.xml") + len("word/document.xml") + 40
        data[i:i + 60] = bytes(60)                     # the deflate stream broken in its middle
        f.write_bytes(bytes(data))
    elif damage == "ole":
        f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    elif damage == "no-document":
        with zipfile.ZipFile(f, "w") as z:
            z.writestr("word/other.xml", "<x/>")
    elif damage == "not-zip":
        f.write_bytes(b"this is not a zip file at all" * 10)
    else:
        docx(f, b"<w:document><w:body><w:p>")
    rc, _, err = run(["parse", str(f)], capsys)
    assert rc == 2 and message in err and str(f) in err and "Traceback" not in err, err


# ------------------------------------------------------------------ numbers

def test_malformed_article_number_is_a_numbering_warning(tmp_path, capsys):
    f = tmp_path / "n.txt"
    f.write_text("第一条　甲。\n第一万万万条　乙。\n第二条　丙。\n", encoding="utf-8")
    rc, out, err = run(["parse", str(f), "--format", "json"], capsys)
    import json

    data = json.loads(out)
    assert rc == 0 and data["articles"] == 2
    assert any(w["line"] == 2 and "不是有效的中文数字" in w["message"] for w in data["warnings"])
    rc, _, err = run(["parse", str(f), "--strict"], capsys)
    assert rc == 2 and "第一万万万条" in err


@pytest.mark.parametrize("label", ["第" + "9" * 30 + "条", "第一亿条", "第十十条", "第万条"])
def test_numbers_no_text_has_are_not_articles(tmp_path, capsys, label):
    f = tmp_path / "n.txt"
    f.write_text(f"第一条　甲。\n{label}　乙，依照{label}规定。\n第二条　丙。\n", encoding="utf-8")
    rc, out, err = run(["export", str(f)], capsys)
    assert rc == 0 and "Traceback" not in err and '"art_1"' in out and '"art_2"' in out
    assert '"eid": "art_3"' not in out and "art_99999" not in out


# ------------------------------------------------------------------ terminal escapes

HOSTILE = ("第一章　总则\x1b]0;pwned\x07\n第一条　社区\x1b[2J治理\x9b31m经费\x1b]8;;http://evil/\x1b\\链接\x1b]8;;\x1b\\。\n"
           "第二条　经费\x07保障\x08。\n")


@pytest.mark.parametrize("args", [["parse"], ["toc"], ["show", "1"], ["show", "1", "--format", "json"],
                                  ["export"], ["define"], ["refs", "1"], ["obligations"]])
def test_terminal_escapes_in_source_text_are_shown_not_sent(tmp_path, capsys, args):
    f = tmp_path / "hostile.txt"
    f.write_text(HOSTILE, encoding="utf-8")
    cmd = args[:1] + ([args[1]] if len(args) > 1 and not args[1].startswith("-") else []) + [str(f)] + \
        [a for a in args[1:] if a.startswith("-") or a in ("json",)]
    rc, out, err = run(cmd, capsys)
    assert rc in (0, 1), err
    for stream in (out, err):
        assert "\x1b" not in stream and "\x9b" not in stream and "\x07" not in stream and "\x08" not in stream


def test_terminal_escapes_are_shown_as_pictures():
    from kb.outputs.screen import render, style, visible

    assert visible("a\x1b[2Jb\x9b\x07\x7f\tc\n") == "a␛[2Jb\\x9b␇␡\tc\n"
    assert render(style("第一条", bold=True) + "\x1b[31m", color=True) == "\x1b[1m第一条\x1b[0m␛[31m"
    assert render(style("第一条", bold=True), color=False) == "第一条"


def test_bidirectional_controls_are_shown_as_escapes(tmp_path, capsys):
    """U+202E (RIGHT-TO-LEFT OVERRIDE) and its kin make a terminal show a line in another order
    than it is written: shown as \\u202e like the other controls; JSON keeps them."""
    from kb.outputs.screen import visible

    assert visible("甲\u202e乙\u2066丙\u200f丁\u061c") == "甲\\u202e乙\\u2066丙\\u200f丁\\u061c"
    f = tmp_path / "bidi.txt"
    f.write_text("第一条　社区居民委员会应当\u202e费经理管\u202c。\n", encoding="utf-8")
    rc, out, err = run(["show", "1", str(f)], capsys)
    assert rc == 0 and "\u202e" not in out and "\\u202e" in out and "\\u202c" in out, out
    rc, out, err = run(["show", "1", str(f), "--format", "json"], capsys)
    assert rc == 0 and "\u202e" in json.dumps(json.loads(out), ensure_ascii=False)


def test_json_and_csv_to_a_pipe_stay_exact(tmp_path):
    f = tmp_path / "hostile.txt"
    f.write_text(HOSTILE, encoding="utf-8")
    p = kb("show", "1", str(f), "--format", "json")
    assert p.returncode == 0 and "\\u001b[2J" in p.stdout          # JSON escapes it, losing nothing
    p = kb("toc", str(f), "--format", "csv")
    assert p.returncode == 0 and "\x1b]0;pwned\x07" in p.stdout     # CSV for a program: as written
    p = kb("toc", str(f))
    assert p.returncode == 0 and "\x1b" not in p.stdout and "␛]0;pwned␇" in p.stdout
