"""The project's YAML files (mkdocs.yml, each meta.yml) are read by libyaml where PyYAML has it, and every error
is still said by the pure-Python reader, in its words and at its line (kb.project._yaml_load); a text where the two
readers differ (kb.project._LIBYAML_DIFFERS) is read by the Python reader only."""
from __future__ import annotations

import pytest

from conftest import ROOT


def _files():
    return sorted([ROOT / "mkdocs.yml", *ROOT.glob("regulation/*/meta.yml"), *(ROOT / "tests").rglob("*.yml")])


def test_libyaml_reads_every_yaml_file_of_the_repository_as_the_python_reader_does():
    from kb.errors import KbError
    from kb.project import _yaml_loader, _yaml_read

    if _yaml_loader(True) is None:
        pytest.skip("PyYAML without libyaml")
    read = 0
    for f in _files():
        text = f.read_text(encoding="utf-8")
        try:
            slow = _yaml_read(_yaml_loader(), text, f)
        except KbError:
            continue
        assert _yaml_read(_yaml_loader(True), text, f) == slow, f
        read += 1
    assert read > 20


@pytest.mark.parametrize("body, line", [("title: 法\nversions:\n\t- name: a\n", 3),
                                         ("title: [法\n", 2),
                                         ("title: 法\nadopted: 2025-13-01\n", 2),
                                         # libyaml reads these (a tab after the colon, in a value, in a flow
                                         # sequence, before the colon; a ? in a flow sequence)
                                         ("title:\t某条例\nversions:\n  - name: a\n", 1),
                                         ("title: 某\t条例\n", 1), ("title: 条例\t\n", 1),
                                         ("tags: [法,\t律]\n", 1), ("title\t: 法\n", 1),
                                         ("short_title: 法\ntags: [法 ?]\n", 2)])
def test_an_error_is_said_by_the_python_reader(tmp_path, body, line):
    from kb.errors import KbError
    from kb.project import _yaml_load, _yaml_loader, _yaml_read

    f = tmp_path / "meta.yml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(KbError) as python:
        _yaml_read(_yaml_loader(), body, f)
    with pytest.raises(KbError) as got:
        _yaml_load(f)
    assert str(got.value) == str(python.value) and got.value.line == python.value.line == line


def test_a_control_character_is_a_clear_error_with_its_line(tmp_path):
    """A control character in a meta.yml (the pure-Python reader refuses it as it is made): a KbError naming the
    character, the file and the line (it was a traceback)."""
    from kb.errors import KbError
    from kb.project import _yaml_load

    f = tmp_path / "meta.yml"
    f.write_text("title: 法\nshort_title: 简\x07称\n", encoding="utf-8")
    with pytest.raises(KbError) as got:
        _yaml_load(f)
    assert "U+0007" in str(got.value) and got.value.line == 2 and str(f) in str(got.value)


def test_a_text_the_two_readers_read_differently_is_read_as_the_python_reader_does(tmp_path):
    """A second byte-order mark: libyaml drops it from the key, the Python reader keeps it."""
    from kb.project import _yaml_load, _yaml_loader, _yaml_read

    body = "\ufeff\ufeffa: 1\n"
    f = tmp_path / "meta.yml"
    f.write_text(body, encoding="utf-8")
    assert _yaml_load(f) == _yaml_read(_yaml_loader(), body, f)
