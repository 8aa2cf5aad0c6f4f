"""The README's quick start: scripts/build and scripts/test install into the project's own virtual
environment (.venv/), never into the system Python (PEP 668), and scripts/kb runs kb from it.
CI (.ci/run) runs both commands for real with Debian's externally managed /usr/bin/python3."""
from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT

SCRIPTS = ["scripts/build", "scripts/test", "scripts/kb", "scripts/_deps.sh", ".ci/run"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_is_valid_bash(script):
    r = subprocess.run(["bash", "-n", str(ROOT / script)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_pip_only_ever_installs_into_the_project_venv():
    for script in SCRIPTS:
        text = (ROOT / script).read_text(encoding="utf-8")
        assert "--break-system-packages" not in text, script
        for line in text.splitlines():
            if re.search(r"\bpip(3)? install\b", line) and not re.search(r"^\s*#|echo ", line):
                assert '"$KB_PY" -m pip install' in line, f"{script}: {line.strip()}"
    assert "/.venv/" in (ROOT / ".gitignore").read_text(encoding="utf-8")


def test_ci_runs_the_readme_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for cmd in ("scripts/build", "scripts/test"):
        assert cmd in ci and cmd in readme
    assert "EXTERNALLY-MANAGED" in ci


def test_scripts_kb_runs_kb_from_the_venv():
    if not (ROOT / ".venv" / "bin" / "kb").exists():
        pytest.skip(".venv/ 尚未创建（scripts/build 或 scripts/test 会创建它）")
    r = subprocess.run([str(ROOT / "scripts" / "kb"), "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "kb：中国法规知识库" in r.stdout


def test_scripts_kb_outside_any_project_means_its_own(tmp_path):
    # scripts/kb is run with the stand-in kb below: from inside a project kb finds the root itself;
    # from a directory with no mkdocs.yml above, scripts/kb names its own project (and a --root the
    # user gives comes after it, so click takes the user's)
    proj = tmp_path / "proj"
    (proj / "scripts").mkdir(parents=True)
    (proj / "scripts" / "kb").write_text((ROOT / "scripts" / "kb").read_text(encoding="utf-8"), encoding="utf-8")
    (proj / "scripts" / "kb").chmod(0o755)
    (proj / ".venv" / "bin").mkdir(parents=True)
    (proj / ".venv" / "bin" / "kb").write_text('#!/bin/sh\necho "$@"\n', encoding="utf-8")
    (proj / ".venv" / "bin" / "kb").chmod(0o755)
    (proj / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (proj / "regulation").mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    def args(cwd, *a):
        r = subprocess.run([str(proj / "scripts" / "kb"), *a], capture_output=True, text=True, cwd=cwd)
        assert r.returncode == 0, r.stderr
        return r.stdout.split()

    assert args(proj / "regulation", "toc") == ["toc"]
    assert args(elsewhere, "toc") == ["--root", str(proj), "toc"]
    assert args(elsewhere, "--root", "/x", "toc") == ["--root", str(proj), "--root", "/x", "toc"]
