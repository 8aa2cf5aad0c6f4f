"""kb.dev.implicit_duties' command line: usage errors exit 2 with a message, an empty set exits 1 (code review 24
finding 7: the hand-rolled reader gave an IndexError for ``--set`` alone, measured nothing with exit 0 for a mistyped
set, and ignored unknown options and construction names)."""
from __future__ import annotations

from kb.dev import implicit_duties


def test_bad_options_and_unknown_constructions_are_refused_with_exit_2(capsys):
    for argv in (["--set"], ["--set", "bogus"], ["-x"], ["--verbose", "--bogus"], ["no-such-construction"]):
        assert implicit_duties.main(argv) == 2, argv
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.strip(), argv
    implicit_duties.main(["负责", "no-such-construction"])
    assert "没有名为 no-such-construction 的句式" in capsys.readouterr().err


def test_a_set_without_gold_files_is_nothing_found(monkeypatch, capsys):
    monkeypatch.setattr(implicit_duties, "gold_files", lambda names=(), which=None: [])
    assert implicit_duties.main(["--set", "held-out"]) == 1
    assert "没有 set: held-out 的标注文件" in capsys.readouterr().err
