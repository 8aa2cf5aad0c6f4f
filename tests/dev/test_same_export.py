"""kb.dev.same_export: the proof that a speed-up of a layer changed none of its output (the
exports of this checkout and of a revision, byte for byte)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import CORPUS, need_shared
from kb.dev import same_export


def test_the_checkout_exports_what_its_own_commit_exports(tmp_path, capsys):
    """HEAD against HEAD over the seed and three real texts: identical (a working tree whose
    extractor differs from its commit would show here, which is the point of the tool)."""
    need_shared(CORPUS)
    if shutil.which("git") is None or subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True).returncode:
        pytest.skip("没有 git 仓库")
    assert same_export.run(None, "HEAD", 3) == 0
    out = capsys.readouterr().out
    assert "4 个文本（含样本法规）" in out and "逐字节相同" in out


def test_a_changed_export_is_shown_with_its_lines(tmp_path):
    files = [tmp_path / "a.md", tmp_path / "b.md"]
    for name in ("before", "now"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "0000.json").write_text('{\n  "x": 1\n}', encoding="utf-8")
        (tmp_path / name / "0001.json").write_text('{\n  "actor": "居民委员会"\n}', encoding="utf-8")
    (tmp_path / "now" / "0001.json").write_text('{\n  "actor": "业主委员会"\n}', encoding="utf-8")
    lines: list[str] = []
    differ = same_export.compare(tmp_path / "before", tmp_path / "now", files, out=lines.append)
    assert differ == [files[1]]
    text = "\n".join(lines)
    assert f"不同：{files[1]}" in text and '-  "actor": "居民委员会"' in text and '+  "actor": "业主委员会"' in text


def test_an_unknown_revision_is_refused(capsys):
    need_shared(CORPUS)
    assert same_export.run(None, "no-such-revision-xyz", 1) == 2
    assert "取不到版本 no-such-revision-xyz" in capsys.readouterr().err
