"""Newcomer review 4, item 15 (the command line's part): a comparison with an untitled file names the
file; every ``--format csv`` is for a person pasting into a spreadsheet — Chinese heads and the
table's words for codes, as the matrix CSV always was — while JSON keeps its keys and codes."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import DATA, ROOT, run_kb

DOGS = DATA / "diff" / "dogs-v1.txt"
SEED = ["-r", "suining-community", "-v", "draft"]


def test_a_diff_with_an_untitled_file_names_the_file(tmp_path, capsys):
    """It headed the output 修改前 → 某市养犬管理条例（草案）: only the titled text was named."""
    untitled = tmp_path / "无标题.txt"
    untitled.write_text("第一条　为了测试，制定本条例。\n第二条　居民委员会应当协助街道办事处工作。\n", encoding="utf-8")
    rc, out, _ = run_kb(["diff", str(untitled), str(DOGS)], ROOT, capsys)
    assert rc in (0, 1) and out.splitlines()[0] == "无标题.txt → 某市养犬管理条例（草案）"
    rc, out, _ = run_kb(["diff", str(DOGS), str(untitled), "--format", "md"], ROOT, capsys)
    assert "| 某市养犬管理条例（草案） | 无标题.txt |" in out


#: each command's CSV, and codes its JSON has that must not reach the CSV
CSV_COMMANDS = [
    (["search", "经费", "--type", "obligation"], ["obligation"]),
    (["obligations", *SEED], ["obligation", "yes", "no"]),
    (["obligations", "--actor", "居民委员会", "--regulation", "all"], ["obligation"]),
    (["actors", *SEED], ["government", "yes"]),
    (["actors", *SEED, "--unknown"], []),
    (["define", *SEED], []),
    (["refs", *SEED], ["out", "internal", "external", "self"]),
    (["related", "15", *SEED], []),
    (["toc", *SEED], ["chapter", "article"]),
    (["parse", "regulation/suining-community/draft.txt"], []),
    (["matrix", *SEED], []),
]


@pytest.mark.parametrize("args, codes", CSV_COMMANDS, ids=lambda a: a[0] if isinstance(a, list) and a else "")
def test_every_csv_is_in_chinese(capsys, args, codes):
    rc, out, err = run_kb([*args, "--format", "csv"], ROOT, capsys)
    assert rc in (0, 1), err
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    head = rows[0]
    english = [h for h in head if re.search(r"[A-Za-z]", h)]
    assert head and not english, head
    cells = {c for r in rows[1:] for c in r}
    assert not cells & set(codes), cells & set(codes)


def test_json_keeps_its_keys_and_codes(capsys):
    rc, out, _ = run_kb(["obligations", *SEED, "--format", "json"], ROOT, capsys)
    row = json.loads(out)[0]
    assert rc == 0 and row["modality"] == "obligation" and row["explicit"] is True and row["modality_label"] == "义务"
    rc, out, _ = run_kb(["actors", *SEED, "--format", "json"], ROOT, capsys)
    assert {"name", "kind", "known"} <= set(json.loads(out)[0]) and json.loads(out)[0]["kind"] == "government"
