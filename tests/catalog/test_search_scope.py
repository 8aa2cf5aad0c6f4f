"""What kb search searches by default: the whole knowledge base (each regulation's latest version),
not the default regulation the commands that read one text start from; the README says the same."""
from __future__ import annotations

import json
import re
import shutil

from conftest import ROOT, run_kb

REGS = ["suining-community", "城市居民委员会组织法"]


def test_search_covers_every_regulation_and_the_readme_says_so(tmp_path, capsys):
    proj = tmp_path / "proj"
    for reg in REGS:
        shutil.copytree(ROOT / "regulation" / reg, proj / "regulation" / reg)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    rc, out, err = run_kb(["search", "居民委员会", "--literal", "-n", "0", "--format", "json"], proj, capsys)
    assert rc == 0, err
    regs = {h["regulation"] for h in json.loads(out)["hits"]}
    assert regs == set(REGS), regs
    rc, out, err = run_kb(["search", "居民委员会", "--literal", "-n", "0", "--format", "json",
                           "-r", "城市居民委员会组织法"], proj, capsys)
    assert rc == 0 and {h["regulation"] for h in json.loads(out)["hits"]} == {"城市居民委员会组织法"}
    # the README's rule for the default scope names kb search as searching every regulation
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rule = re.search(r"读取知识库的命令都接受.*?。(.*?)\n\n", readme, re.S)
    assert rule and "`kb search`" in rule.group(0) and "每部法规的最新版本" in rule.group(0), rule
