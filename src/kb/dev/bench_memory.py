"""``kb bench memory``: peak memory of kb on inputs of 1, 2 and 4 MB (issue 18).

The target: every command keeps its peak under 30 × the input plus 200 MB.  Each run is a kb
process of its own, whose peak is the kernel's high-water mark of its resident memory (VmHWM of
/proc/self/status, read as it exits: ru_maxrss would also count the process it was forked from).
The inputs are the shapes that cost the most memory per byte:

- ``short``: a text of one-character lines (``甲``), each a node of the tree (the issue's
  "1M short lines took 864 MB");
- ``articles``: short articles, each citing the one before (the tree, the references and the
  exports all grow with it);
- ``docx``: a Word document of that many MB of short paragraphs (its document.xml is streamed);
- ``docx-bomb``: a Word document of one-character paragraphs, all the same character: deflate packs
  them about 340 to 1, so 0.4 MB held 4 million paragraphs (143 MB of XML) and took 1.17 GB to
  parse; now at most 150,000 paragraphs plus 40,000 per MB of the file are read, then refused;
- ``docx-mixed``: the same with one of 16 characters (about 31 to 1: 5.9 MB inflated past the
  160 MB limit on the XML and took 454 MB before the refusal).

A refusal (exit code 2, kb's message) counts as passing when its peak is within the target.

Commands: ``kb parse`` (read and parse), ``kb export`` (JSON with every layer: the issue's "a 50 MB
file took 2.56 GB to export") and ``kb export --format akn``.  The baseline, measured in the same
run, is the Python interpreter with kb's command-line module imported reading the same file
whole: what any command must pay before kb does anything.

``kb bench memory 1,2,4`` gives the sizes in MB; the size limit on inputs is raised for the run.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SIZES_MB = (1, 2, 4)
FACTOR, OVERHEAD_MB = 30, 200

#: the child's own peak, printed as it exits
_PEAK = ("import atexit, re, sys\n"
         "atexit.register(lambda: sys.__stderr__.write('\\nVmHWM ' + re.search(r'VmHWM:\\s*(\\d+)', "
         "open('/proc/self/status').read()).group(1) + '\\n'))\n")
_KB = _PEAK + "from kb.cli import main\nsys.exit(main(sys.argv[1:]))\n"
_READ = _PEAK + "import kb.cli\ndata = open(sys.argv[1], 'rb').read()\ntext = data.decode('utf-8', 'replace')\n"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _short(mb: float) -> str:
    n = int(mb * 2**20) // 4                       # 甲\n: 4 bytes
    return "第一条　开始。\n" + "甲\n" * n


def _articles(mb: float) -> str:
    out, size, k = [], 0, 1
    while size < mb * 2**20:
        line = f"第{k}条　依照第{max(1, k - 1)}条办理。\n"
        out.append(line)
        size += len(line.encode("utf-8"))
        k += 1
    return "".join(out)


def _docx(path: Path, mb: float) -> None:
    """A .docx of about ``mb`` MB (compressed) of short paragraphs."""
    import random

    rnd = random.Random(18)
    body, size, k = [], 0, 1
    # numbered articles with a random tail, so that the deflate stream stays about as big as the text
    while size < mb * 2**20:
        tail = "".join(chr(0x4E00 + rnd.randrange(20000)) for _ in range(6))
        body.append(f"<w:p><w:r><w:t>第{k}条　{tail}。</w:t></w:r></w:p>")
        size += 12
        k += 1
    xml = f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}</w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)


def _docx_paragraphs(path: Path, mb: float, alphabet: int) -> None:
    """A .docx of about ``mb`` MB (compressed) of one-character paragraphs drawn from ``alphabet``
    characters (1: all the same), written as a stream (the XML is hundreds of times the file)."""
    import random

    rnd = random.Random(18)
    chars = [f"<w:p><w:r><w:t>{chr(0x7532 + i)}</w:t></w:r></w:p>".encode() for i in range(alphabet)]
    with open(path, "wb") as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as w:
            w.write(f'<w:document xmlns:w="{W}"><w:body>'.encode())
            while f.tell() < mb * 2**20:
                w.write(b"".join(rnd.choice(chars) for _ in range(50_000)) if alphabet > 1 else chars[0] * 200_000)
            w.write(b"</w:body></w:document>")


def _peak(script: str, args: list[str]) -> tuple[float, int, str]:
    """(peak MB, exit code, last error line) of a kb process."""
    env = dict(os.environ, KB_LAYER_CACHE="off", KB_MAX_INPUT_MB="64")
    p = subprocess.run([sys.executable, "-c", script, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True, env=env)
    m = re.search(r"VmHWM (\d+)", p.stderr)
    err = [l for l in p.stderr.splitlines() if l and not l.startswith("VmHWM")]
    return (int(m.group(1)) / 1024 if m else float("nan")), p.returncode, (err[-1] if err else "")


COMMANDS = {"parse": ["parse"], "export": ["export"], "export-akn": ["export", "--format", "akn"]}


#: the Word shapes and how each is written
DOCX_SHAPES = {"docx": _docx, "docx-bomb": lambda path, mb: _docx_paragraphs(path, mb, 1),
               "docx-mixed": lambda path, mb: _docx_paragraphs(path, mb, 16)}


def run(sizes: str | None = None, shapes=("short", "articles", "docx", "docx-bomb", "docx-mixed"),
        echo=print) -> dict:
    from kb.outputs.formats import table

    mbs = tuple(float(s) for s in sizes.split(",")) if sizes else SIZES_MB
    echo(f"峰值内存（MB，进程自身的 VmHWM）；目标：< {FACTOR} × 输入 + {OVERHEAD_MB} MB；基线：同一文件由 Python 整个读入并解码")
    rows, ok, result = [], True, {"runs": []}
    with tempfile.TemporaryDirectory(prefix="kb-bench-memory-") as tmp:
        for shape in shapes:
            for mb in mbs:
                path = Path(tmp) / f"{shape}-{mb:g}.{'docx' if shape in DOCX_SHAPES else 'txt'}"
                if shape in DOCX_SHAPES:
                    DOCX_SHAPES[shape](path, mb)
                else:
                    path.write_text((_short if shape == "short" else _articles)(mb), encoding="utf-8")
                size_mb = path.stat().st_size / 2**20
                limit = FACTOR * size_mb + OVERHEAD_MB
                base, _, _ = _peak(_READ, [str(path)])
                for name, args in COMMANDS.items():
                    peak, rc, err = _peak(_KB, [*args, str(path)])
                    refused = rc == 2 and "错误" in err
                    good = (rc == 0 or refused) and peak < limit
                    ok = ok and good
                    result["runs"].append({"shape": shape, "mb": size_mb, "command": name, "peak_mb": peak,
                                           "baseline_mb": base, "limit_mb": limit, "rc": rc})
                    rows.append([shape, f"{size_mb:.2f}", f"kb {' '.join(args)}", f"{base:.0f}", f"{peak:.0f}",
                                 f"{limit:.0f}", f"{peak / size_mb:.0f}×" if size_mb else "—",
                                 ("拒绝，" if refused else "") + ("通过" if good else (f"退出码 {rc}：{err[:40]}"
                                                                                      if rc and not refused else "超出"))])
                path.unlink()
            # shape by shape: the run is long
            echo(table(["形态", "输入 MB", "命令", "基线", "峰值", "上限", "峰值/输入", "结果"], rows, max_width=140))
            echo("")
            rows = []
    echo("全部在上限之内" if ok else "有命令超出上限")
    result["ok"] = ok
    return result
