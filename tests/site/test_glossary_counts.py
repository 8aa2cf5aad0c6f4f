"""The site glossary and ``kb define`` count a term's uses by one rule (kb.layers.links.uses_by_definition):
both call a provision using the term 一处, so for every term the seed defines the glossary's
"出现在以下 N 处" and its list of provisions are kb define's (newcomer review 3: 32 on the site, 45 in
kb define, which counted each occurrence under the same word 处)."""
from __future__ import annotations

import json
import re

import lxml.html
from click.testing import CliRunner

from conftest import ROOT
from kb.cli import cli
from test_site import built, site  # noqa: F401 - the seed site, built once per session


def _kb(*args) -> str:
    r = CliRunner().invoke(cli, ["--root", str(ROOT), *args])
    assert r.exit_code == 0, r.output
    return r.output


def test_glossary_and_kb_define_agree_on_every_seed_term(site):
    page = lxml.html.parse(str(site / "suining-community/draft/glossary/index.html")).getroot()
    glossary = {}
    for dt in page.xpath("//dl[contains(@class,'kb-defs')]/dt"):
        uses = dt.getnext().xpath(".//p[contains(@class,'kb-uses')]")[0]
        m = re.search(r"出现在以下 (\d+) 处", uses.text_content())
        cites = [a.text_content() for a in uses.xpath("./a")][1:]        # the first link is the definition
        glossary[dt.text_content()] = (int(m.group(1)) if m else 0, cites)
    defined = json.loads(_kb("define", "-r", "suining-community@draft", "--format", "json", "--uses"))
    assert sorted(glossary) == sorted(d["term"] for d in defined) and len(defined) == 7
    for d in defined:
        cites = list(dict.fromkeys(u["citation"] for u in d["use_list"]))
        assert d["provisions"] == len(cites) == glossary[d["term"]][0], d["term"]
        assert cites == glossary[d["term"]][1], d["term"]
        shown = _kb("define", d["term"], "-r", "suining-community@draft")
        assert re.search(r"^使用：(\d+) 处", shown, re.M).group(1) == str(glossary[d["term"]][0]), d["term"]
    assert glossary["社区"][0] == 32 and "使用：32 处（45 次）" in _kb("define", "社区")
