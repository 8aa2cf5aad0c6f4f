"""Bad input: one clear line naming the file (and line where it helps), exit code 2, and
nothing written when -o is given.  Runs the real ``kb`` entry point (kb.cli.main)."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import child_env, run_kb




def _docx_parts(path, files):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)


CASES = {
    "missing": (None, "missing.txt", "文件不存在"),
    "empty": (b"", "empty.txt", "文件为空"),
    "blank": (b"\n \n\t\n", "blank.txt", "文件为空"),
    "binary": (b"\x00\x01\x02\x03text", "binary.txt", "二进制文件"),
    "pdf": (b"%PDF-1.4\n...", "doc.txt", "二进制文件"),
    "undecodable": ("第一条 甲。\n".encode() + b"\xff\xfe\x80\x81\xc3\x28 abc\n", "bad.txt", "无法解码"),
    "no articles": ("测试条例\n\n只是一段文字，没有条文。\n".encode(), "noart.txt", "没有找到任何条文"),
    "unsupported": (b"hello", "law.pdf", "不支持的文件格式"),
    "not a zip": (b"this is not a zip", "broken.docx", ".docx 文件已损坏"),
    "truncated zip": (b"PK\x03\x04\x14\x00garbage", "trunc.docx", ".docx 文件已损坏"),
    "no document.xml": ("zip", "nodoc.docx", "缺少 word/document.xml"),
    "bad xml": ("badxml", "badxml.docx", "document.xml 无法解析"),
}


def _make(tmp_path, kind, data, name):
    f = tmp_path / name
    if data is None:
        return f
    if data == "zip":
        _docx_parts(f, {"[Content_Types].xml": "<Types/>"})
    elif data == "badxml":
        _docx_parts(f, {"word/document.xml": "<w:document xmlns:w='x'><w:body><unclosed>"})
    else:
        f.write_bytes(data)
    return f


@pytest.mark.parametrize("kind", list(CASES))
@pytest.mark.parametrize("command", [["parse"], ["export", "--format", "json"], ["toc"]])
def test_bad_input_one_line_exit_2(kind, command, tmp_path, capsys):
    data, name, words = CASES[kind]
    f = _make(tmp_path, kind, data, name)
    rc, out, err = run_kb(command + [str(f)], tmp_path, capsys)
    assert rc == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"错误：{f}")          # names the file first
    assert words in lines[0]
    assert out == ""


def test_undecodable_names_the_line(tmp_path, capsys):
    f = tmp_path / "bad.txt"
    f.write_bytes("标题\n第一条 甲。\n第二条 乙。\n".encode() + b"\xff\xfe\x80 abc\n")
    rc, _, err = run_kb(["parse", str(f)], tmp_path, capsys)
    assert rc == 2 and err.startswith(f"错误：{f}:4: ")


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "no articles", "not a zip"])
def test_nothing_written_with_output_file(kind, tmp_path, capsys):
    data, name, _ = CASES[kind]
    f = _make(tmp_path, kind, data, name)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "result.json"
    rc, _, _ = run_kb(["export", str(f), "-o", str(target)], tmp_path, capsys)
    assert rc == 2
    assert list(out_dir.iterdir()) == []            # no file, no temporary left behind


def test_existing_output_is_left_untouched(tmp_path, capsys):
    target = tmp_path / "result.json"
    target.write_text("old", encoding="utf-8")
    rc, _, _ = run_kb(["export", str(tmp_path / "missing.txt"), "-o", str(target)], tmp_path, capsys)
    assert rc == 2 and target.read_text(encoding="utf-8") == "old"


def test_strict_makes_numbering_warnings_exit_2(tmp_path, capsys):
    f = tmp_path / "gap.txt"
    f.write_text("测试条例\n第一条 甲。\n第三条 丙。\n", encoding="utf-8")
    rc, out, err = run_kb(["parse", str(f)], tmp_path, capsys)
    assert rc == 0 and f"{f}:3: 条号不连续" in err
    rc, out, err = run_kb(["parse", "--strict", str(f)], tmp_path, capsys)
    assert rc == 2 and err.strip().splitlines()[-1].startswith(f"错误：{f}:3: 条号不连续")
    target = tmp_path / "o.json"
    rc, _, _ = run_kb(["export", "--strict", str(f), "-o", str(target)], tmp_path, capsys)
    assert rc == 2 and not target.exists()


def test_unknown_regulation_and_version(root, capsys):
    rc, _, err = run_kb(["parse", "no-such-reg@draft"], root, capsys)
    assert rc == 2 and "没有法规“no-such-reg”" in err
    rc, _, err = run_kb(["parse", "suining-community@v9"], root, capsys)
    assert rc == 2 and "没有版本“v9”" in err and "meta.yml" in err


def test_outside_a_project_a_regulation_name_needs_a_root(tmp_path, capsys):
    rc, _, err = run_kb(["toc"], tmp_path, capsys)
    assert rc == 2 and "mkdocs.yml" in err and "--root" in err


def test_installed_kb_command_exit_code(tmp_path):
    """The console script itself (as a user runs it) exits 2 with one line on stderr."""
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    p = subprocess.run([sys.executable, "-c", "import sys; from kb.cli import run; sys.argv[0]='kb'; run()",
                        "parse", str(f)], capture_output=True, text=True, cwd=tmp_path, env=child_env())
    assert p.returncode == 2
    assert p.stderr.strip() == f"错误：{f}: 文件为空"
