"""kb writes its progress bars and binary output through the standard streams, not through click.get_text_stream /
click.get_binary_stream, which Click 8.5 deprecates and Click 9 removes: every command that used them runs, in a
process of its own, with DeprecationWarning an error (python -W error::DeprecationWarning), and says nothing of it."""
from __future__ import annotations

import subprocess
import sys

from conftest import SEED


#: DeprecationWarning an error, but for the compiler's on a package's old escapes (jieba's re.compile("[\.]") …): raised
#: when a package is compiled, i.e. only where its bytecode was not written at install — a fresh train's virtual
#: environment, where kb export (which imports jieba) failed with SyntaxError: invalid escape sequence '\.' (train 1 of
#: 2026-12-06, code review 15 item 3); a later -W is checked first
STRICT = ("-W", "error::DeprecationWarning", "-W", "ignore:invalid escape sequence:DeprecationWarning")


def kb(args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *STRICT, "-m", "kb.cli", *args], cwd=cwd, capture_output=True, timeout=600)


def test_deprecation_warnings_stay_errors_but_a_packages_compile_time_escapes(tmp_path):
    """The child's filters: a DeprecationWarning (click's stream getters') is still an error, a package compiled afresh
    (no bytecode written: PYTHONPYCACHEPREFIX an empty folder) with an invalid escape is not."""
    import os

    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path / "pyc"))
    (tmp_path / "old_escape.py").write_text('import re\nPATTERN = re.compile("[\\.]")\n', encoding="utf-8")
    ok = subprocess.run([sys.executable, *STRICT, "-c", "import old_escape"], cwd=tmp_path, env=env, capture_output=True)
    assert ok.returncode == 0, ok.stderr.decode()
    warned = subprocess.run([sys.executable, *STRICT, "-c", "import warnings; warnings.warn('get_text_stream is "
                             "deprecated', DeprecationWarning)"], cwd=tmp_path, env=env, capture_output=True)
    assert warned.returncode == 1 and b"DeprecationWarning: get_text_stream is deprecated" in warned.stderr


def test_the_commands_that_used_clicks_stream_getters_raise_no_deprecation_warning(tmp_path):
    p = tmp_path / "p"
    p.mkdir()
    (p / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - kb:\n      default_regulation: seed\n", encoding="utf-8")
    folder = tmp_path / "texts"
    folder.mkdir()
    text = "某市居民委员会工作条例\n\n第一条　为了加强居民委员会建设，制定本条例。\n\n第二条　居民委员会应当在十五日内办理登记。\n"
    (folder / "某市居民委员会工作条例.txt").write_text(text, encoding="utf-8")
    runs = {
        # kb add FILE: the catalog refreshed under a progress bar on stderr
        "add FILE": ["add", str(SEED), "-r", "seed", "-v", "draft"],
        # kb add DIR: the import's progress bar
        "add DIR": ["add", str(folder)],
        # kb index: whether stderr is a terminal
        "index": ["index"],
        # kb obligations --regulation all and kb related: reading the knowledge base under a progress bar
        "obligations across": ["obligations", "--actor", "居民委员会", "--regulation", "all"],
        "related": ["related", "2", "-r", "seed", "-v", "draft"],
        # kb export --format akn: bytes to stdout
        "export akn": ["export", "seed@draft", "--format", "akn"],
    }
    for what, args in runs.items():
        r = kb(args, p)
        err = r.stderr.decode("utf-8", "replace")
        # kb related exits 1 when nothing in the knowledge base is close enough (ran, no result)
        assert r.returncode == 0 or what == "related" and r.returncode == 1 and "同类立法：无" in r.stdout.decode(), \
            (what, err)
        assert "DeprecationWarning" not in err and "deprecated" not in err, (what, err)
        if what == "export akn":
            assert r.stdout.startswith(b"<?xml") and "遂宁市社区发展治理促进条例".encode() in r.stdout
        if what == "obligations across":
            assert "居民委员会" in r.stdout.decode("utf-8")
