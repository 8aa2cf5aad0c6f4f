"""Reading a regulation's meta.yml (kb.project): the dates, and what makes a version a draft."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import KbError


def _regulation(tmp: Path, meta: str) -> Path:
    folder = tmp / "regulation" / "x"
    folder.mkdir(parents=True)
    (folder / "meta.yml").write_text(meta, encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text("第一条　文本。\n", encoding="utf-8")
    return tmp


def test_dates_are_read_once_as_written_or_refused_with_their_line(tmp_path, monkeypatch):
    """A date YAML reads as a date and one written as text are both YYYY-MM-DD; each is converted once, by the check
    that refuses a bad one (load_regulation converted them all a second time)."""
    import kb.project as project

    root = _regulation(tmp_path / "ok", "title: 某条例\nadopted: 2020-05-28\nversions:\n"
                                        "  - {name: a, file: a.txt, date: ' 2021-01-02'}\n  - {name: b, file: b.txt}\n")
    calls = []
    real = project.iso_date
    monkeypatch.setattr(project, "iso_date", lambda value: calls.append(value) or real(value))
    reg = project.load_regulation(root, "x")
    assert reg.adopted == "2020-05-28" and [v.date for v in reg.versions] == ["2021-01-02", None]
    assert len(calls) == 2
    bad = _regulation(tmp_path / "bad", "title: 某条例\nversions:\n  - name: a\n    file: a.txt\n    date: 2021-02-30\n")
    with pytest.raises(KbError) as e:
        project.load_regulation(bad, "x")
    assert e.value.line == 5 and "versions 第 1 项的 date" in str(e.value) and "2021-02-30" in str(e.value)


def test_a_version_is_a_draft_by_the_level_its_tag_shows():
    """is_draft and the tag every page carries (kb.site.versions.status_tag) read a version's level in one place
    (kb.project.version_level: the version's own first, then the regulation's, stripped)."""
    from kb.project import RegulationMeta, VersionMeta, is_draft, version_level
    from kb.site.versions import status_tag

    reg = RegulationMeta("x", Path("x"), "某条例", level="地方性法规", validity="有效", raw={"level": "地方性法规"})
    own = VersionMeta("v", "v.txt", status="现行有效", raw={"level": " 法律 "})
    assert version_level(reg, own) == "法律" and not is_draft(reg, own) and status_tag(reg, own).startswith("法律·")
    plain = VersionMeta("w", "w.txt", status="现行有效")
    assert version_level(reg, plain) == "地方性法规" and status_tag(reg, plain).startswith("地方性法规·")
    draft = VersionMeta("d", "d.txt", label="二审稿", raw={"level": "地方性法规草案"})
    assert version_level(reg, draft) == "地方性法规草案" and is_draft(reg, draft) and status_tag(reg, draft) == "二审稿"
