"""What newcomer review 6 (issue 12) found in the terminal output of kb's commands, on the default knowledge base."""
from __future__ import annotations

from conftest import ROOT, need_shared, run_kb


def test_kb_actors_keeps_a_category_on_one_line(capsys):
    # item 4: in a 100-column table (a pipe, or a terminal that wide) the 类别 column was squeezed so that 政府及派出机关
    # read 政府及派出机 / 关 over two lines, while the aliases beside it had room to wrap
    rc, out, err = run_kb(["actors"], ROOT, capsys)
    assert rc == 0, err
    lines = out.splitlines()
    from kb.outputs.formats import width

    assert any(line.startswith("市人民政府 ") and "政府及派出机关" in line for line in lines), out
    assert not any("政府及派出机 " in line or line.rstrip().endswith("政府及派出机") for line in lines), out
    assert max(width(line) for line in lines) <= 100      # and the table still fits the 100 columns


def test_diff_obligations_does_not_count_statements_without_an_actor_as_an_actor(capsys):
    # item 5: kb diff 草案 修改稿 --obligations opened with 义务变化涉及 12 个主体 — one of them （无主体）, the statements
    # that are no one's duty (kb obligations leaves them out of the matrix and says so) — and listed that group third,
    # among the actors.  The seed's draft and the fixture's second draft: 11 actors; the deleted 第二十五条 鼓励发展社区物业……
    # (no actor) is told apart, and its group comes last.
    fixture = need_shared() / "fixtures" / "suining-revised-draft.txt"
    rc, out, err = run_kb(["diff", str(ROOT / "regulation/suining-community/draft.txt"), str(fixture), "--obligations"],
                          ROOT, capsys)
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0] == ("义务变化涉及 11 个主体：新增 5，删除 0，改变 10；另有没有主体的陈述（不属于任何主体的义务）"
                        "新增 0，删除 1，改变 0。"), lines[0]
    sections = [line.split("：")[0] for line in lines if "：新增 " in line and not line.startswith(("义务", " "))]
    assert sections[-1] == "（无主体）" and "（无主体）" not in sections[:-1] and len(sections) == 12


def test_the_readme_describes_every_key_of_the_export_json(tmp_path, capsys):
    # item 6: the README's command list said kb export --format json gives 全部解析结果（JSON 契约见下）, and nothing below
    # described it: a programmer reading the export had to guess what preamble, target_eids, in_kb_parts or
    # obligations_without_actor are.  The section 导出 JSON 的结构 names every key the exports of the default knowledge
    # base have (each regulation's latest version; the seed's items, 民法典's parts, the references of all kinds), and
    # names no key they do not have.
    import json
    import re

    from kb.project import list_regulations

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("### 导出 JSON 的结构")
    section = readme[start:readme.index("\n## ", start)]
    rows = {}
    for line in section.splitlines():
        if line.startswith("| `"):
            head, body = line.split(" | ", 1)
            for key in re.findall(r"`([a-z_]+)`", head):
                rows[key] = set(re.findall(r"`([a-z_]+)`", body))
    got: dict[str, set] = {"top": set()}
    for reg in list_regulations(ROOT):
        rc, out, err = run_kb(["export", "--format", "json", "-r", f"{reg.id}@{reg.versions[-1].name}"], ROOT, capsys)
        assert rc == 0, err
        d = json.loads(out)
        got["top"] |= set(d)
        got.setdefault("regulation", set()).update(d["regulation"])
        if d["preamble"]:
            got.setdefault("preamble", set()).update(d["preamble"])
        for k, v in d.items():
            if isinstance(v, list) and v and isinstance(v[0], dict):
                got.setdefault(k, set()).update(*v)
        for a in d["articles"]:
            got.setdefault("paragraphs", set()).update(*a["paragraphs"])
            for p in a["paragraphs"]:
                for i in p["items"]:
                    got.setdefault("items", set()).update(i)
    # (no text of the knowledge base is misnumbered: a warning's keys from a text that is)
    broken = tmp_path / "broken.txt"
    broken.write_text("某市测试条例\n\n第一条　甲应当登记。\n第一条　乙应当报告。\n", encoding="utf-8")
    rc, out, err = run_kb(["export", "--format", "json", str(broken)], ROOT, capsys)
    got.setdefault("warnings", set()).update(*json.loads(out)["warnings"])
    assert got["top"] == set(rows), (got["top"] ^ set(rows))
    same = {"obligations_without_actor": "obligations"}          # 字段同上
    for k, fields in got.items():
        if k not in ("top", "paragraphs", "items"):
            assert fields <= rows[same.get(k, k)] | {"paragraphs"}, (k, fields - rows[same.get(k, k)])
    assert got["paragraphs"] | got["items"] <= rows["articles"]
    # and it names nothing the exports do not have (a reference's missing, warning … are there when they apply)
    real = set().union(*got.values()) | {"subitems", "missing", "warning", "in_kb_parts", "link_eid", "pinpoint"}
    assert set(re.findall(r"`([a-z_]+)`", section)) - real <= {"art_15__para_1__point_3"}


def _seed_and_second_draft(tmp_path, capsys, *options):
    """A project holding the seed (suining-community@draft) and, added as the README does, the fixture's second draft
    as suining-community@revised (``options``: more of kb add's)."""
    import shutil

    from conftest import copy_seed

    fixture = need_shared() / "fixtures" / "suining-revised-draft.txt"
    proj = tmp_path / "p"
    proj.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    copy_seed(proj / "regulation" / "suining-community")
    rc, out, err = run_kb(["add", str(fixture), "-r", "suining-community", "-v", "revised", *options, "--no-index"], proj,
                          capsys)
    assert rc == 0, err
    return proj


def test_a_version_s_label_its_status_says_already_is_not_said_twice(tmp_path, capsys):
    # item 7: the README's own kb add 修改稿.docx -r suining-community -v revised --label 修改稿 (the fixture's second
    # draft, whose status line says 草案修改稿), then kb diff @draft @revised, headed the new column
    # 修改后（修改稿，草案修改稿，2025-01-02）: the label said twice.  The status says it: 修改后（草案修改稿，2025-01-02）.
    proj = _seed_and_second_draft(tmp_path, capsys, "--label", "修改稿", "--date", "2025-01-02")
    rc, out, err = run_kb(["diff", "@draft", "@revised"], proj, capsys)
    assert rc == 0, err
    assert out.splitlines()[0] == "修改前（草案征求意见稿） → 修改后（草案修改稿，2025-01-02）", out.splitlines()[0]


def test_kb_refs_says_what_a_filter_leaves_out(capsys):
    # item 8: kb refs 15 --kind external answered 第十五条：引用 0 处，被引用 0 处 (exit 1) — read alone, 第十五条 cites
    # nothing and nothing cites it; it cites 3 provisions and is cited twice (kb refs 15), none of them another law
    rc, out, err = run_kb(["refs", "15", "--kind", "external"], ROOT, capsys)
    assert rc == 1
    assert out.splitlines()[0] == "第十五条：引用 0 处，被引用 0 处（只列外部引用；不加限定时引用 3 处，被引用 2 处）"
    rc, out, err = run_kb(["refs", "15", "--unresolved"], ROOT, capsys)
    assert out.splitlines()[0] == "第十五条：引用 0 处，被引用 0 处（只列无法解析的引用；不加限定时引用 3 处，被引用 2 处）"
    # a filter that leaves nothing out says nothing more
    rc, out, err = run_kb(["refs", "15", "--kind", "internal"], ROOT, capsys)
    assert rc == 0 and out.splitlines()[0] == "第十五条：引用 3 处，被引用 2 处（都在本条内）"


def test_kb_amend_without_a_version_says_which_version_it_amended(tmp_path, capsys):
    # item 9: after the README's kb add … -v revised, a decision drafted from @draft (kb diff @draft @revised --as decision)
    # applied as kb amend suining-community 决定.txt went to the latest version, @revised, which already reads so:
    # 第一项（……）无法执行：第一条中没有“提升基层” — right, but nothing said the text amended was @revised, not @draft
    proj = _seed_and_second_draft(tmp_path, capsys)
    decision = tmp_path / "决定.txt"
    assert run_kb(["diff", "@draft", "@revised", "--as", "decision", "-o", str(decision)], proj, capsys)[0] == 0
    rc, out, err = run_kb(["amend", "suining-community", str(decision), "-o", str(tmp_path / "a.txt")], proj, capsys)
    assert rc == 2 and "无法执行" in err
    assert ("（没有写版本，应用于最新版本 suining-community@revised；修改决定针对的若是另一版本，写 法规@版本，"
            "如 suining-community@draft）") in err, err
    # the version it was drafted for takes it; one named version gets no such note
    rc, out, err = run_kb(["amend", "suining-community@draft", str(decision), "-o", str(tmp_path / "a.txt")], proj,
                          capsys)
    assert rc == 0, err
    rc, out, err = run_kb(["amend", "suining-community@revised", str(decision), "-o", str(tmp_path / "b.txt")], proj,
                          capsys)
    assert rc == 2 and "没有写版本" not in err
