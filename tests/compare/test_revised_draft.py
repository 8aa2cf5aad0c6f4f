"""kb diff of the seed and ../shared/fixtures/suining-revised-draft.txt, a second draft made by
hand whose README lists every change: the comparison reports exactly those, and shows them
as a drafting office expects (a deleted article at its old place, a moved one marked 移自第五章,
a split as its own entry, the page numbers of the Word 对照表)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest

from conftest import SHARED, need_shared, run_kb, ROOT
from kb.compare.diff import compare
from kb.compare.ops import DEL, EQ, INS
from kb.text.parse import parse_file

REVISED = SHARED / "fixtures" / "suining-revised-draft.txt"
SEED = "suining-community@draft"

# the README's list of changes, in the old numbering
REWORDED = {"第一条", "第七条", "第十八条", "第二十二条", "第三十条"}
DEADLINE = "第十三条"          # 15个工作日 → 10个工作日
MODALITY = "第二十四条"        # 第二款 可以 → 应当
SPLIT = ("第十五条", ["第十五条", "第十六条"])
INSERTED = {"第十九条": "网格化服务管理", "第二十七条": "社区养老服务"}
DELETED = {"第二十五条": "社区生活性服务", "第三十五条": "服务费用标准"}
MOVED = ("第三十四条", "第二十二条", "第五章", "第三章")


@pytest.fixture(scope="module")
def cmp(seed_doc):
    need_shared(REVISED)
    return compare(seed_doc, parse_file(str(REVISED)))


def _paired(cmp):
    return [p for p in cmp.pairs if p.old is not None and p.new is not None]


def test_reports_exactly_the_changes_the_readme_lists(cmp):
    s = cmp.summary
    assert s["front"] == {"status": {"old": "草案征求意见稿", "new": "草案修改稿"}}
    modified = {p.old_label for p in cmp.pairs if p.status == "modified"}
    assert modified == REWORDED | {DEADLINE, MODALITY}
    split = [p for p in cmp.pairs if p.status == "split"]
    assert {p.old_label for p in split} == {SPLIT[0]} and sorted(p.new_label for p in split) == SPLIT[1]
    assert {p.new_label: p.new.title for p in cmp.pairs if p.status == "added"} == INSERTED
    assert {p.old_label: p.old.title for p in cmp.pairs if p.status == "deleted"} == DELETED
    assert [(p.old_label, p.new_label, p.moved_from, p.new.ancestor("chapter").label)
            for p in cmp.pairs if p.moved] == [MOVED]
    assert (s["added"], s["deleted"], s["split"], s["merged"], s["moved"]) == (2, 2, 1, 0, 1)
    # nothing else: every other article unchanged, renumbered in order, no heading changed
    rest = [p for p in _paired(cmp) if p.old_label not in modified and p.status != "split" and not p.moved]
    assert all(p.status == "unchanged" for p in rest) and len(rest) == s["unchanged"] - 1 == 34
    news = [p.new.number for p in sorted(rest, key=lambda p: p.old.number)]
    assert news == sorted(news)
    assert all(h.status == "unchanged" for h in cmp.alignment.headings)
    assert not cmp.references


def test_each_change_is_the_one_made(cmp):
    by_old = {p.old_label: p for p in cmp.pairs if p.old is not None and p.status != "split"}
    edits = lambda p: [(k, t) for k, t in p.ops if k != EQ]       # noqa: E731
    assert edits(by_old[DEADLINE]) == [(DEL, "15"), (INS, "10")]
    assert edits(by_old[MODALITY]) == [(DEL, "可以"), (INS, "应当")]
    assert by_old[MODALITY].new.children[1].text.startswith("县（市、区）人民政府应当在社区设立公共服务窗口")


def test_a_split_is_its_own_entry_not_a_renumbering(cmp):
    from kb.compare.render.summary import renumbering_runs
    from kb.compare.render.table import rows
    from kb.compare.render.terminal import terminal

    assert not any(p.renumbered for p in cmp.pairs if p.status == "split")
    assert all("第十五条→" not in r for r in renumbering_runs(cmp))
    (row,) = [r for r in rows(cmp) if r.status == "split"]
    assert (row.old_label, row.new_label) == ("第十五条", "第十五条、第十六条")
    # new 第十五条 is old 第十五条 without its third paragraph; new 第十六条 starts as an article
    (_, first), (_, second) = row.parts
    assert all(k == EQ for k, _ in first)
    assert second[0] == (INS, "（购买服务事项）\n")
    assert "".join(t for k, t in second if k != DEL).startswith("（购买服务事项）\n前条第二款规定之外")
    assert "".join(t for k, t in second if k != INS) == "前款规定之外的其他社区服务事项，市、县（市、区）人民政府" \
                                                       "及其部门可以通过购买服务等方式委托给社区。"
    text = terminal(cmp, color=False)
    assert "第十五条 → 第十五条、第十六条  [拆分]" in text
    assert "  第十六条：\n    {+（购买服务事项）\n" in text


def test_deleted_article_sits_at_its_old_place_and_the_moved_one_says_where_from(cmp):
    from kb.compare.render.markdown import markdown

    md = markdown(cmp).splitlines()
    at = {name: next(i for i, l in enumerate(md) if l.startswith(f"| **{name}**")) for name in
          ("第三十三条", "第三十五条", "第五章　保障措施", "第六章　法律责任")}
    # old 第三十五条 is the last article of 第五章: after 第三十三条 (第三十四条 moved away), before 第六章
    assert at["第五章　保障措施"] < at["第三十三条"] < at["第三十五条"] == at["第六章　法律责任"] - 1
    assert md[at["第三十五条"]].endswith("| （删除） |")
    moved = next(l for l in md if l.startswith("| **第三十四条**"))
    assert "| **第二十二条**（移自第五章）　（社区居民评议）" in moved
    from kb.compare.render.terminal import terminal
    assert "第三十四条 → 第二十二条  [未修改，条号变动，移自第五章]" in terminal(cmp, color=False)


def test_an_option_hides_articles_only_renumbered(cmp):
    from kb.compare.render.table import rows

    shown = [r for r in rows(cmp, hide_renumbered=True) if r.kind == "article"]
    assert len(shown) == 7 + 1 + 2 + 2 + 1          # modified, split, inserted, deleted, moved
    assert {r.old_label for r in shown if r.old_label} == \
        REWORDED | {DEADLINE, MODALITY, SPLIT[0], MOVED[0]} | set(DELETED)
    changed = [r for r in rows(cmp, changed_only=True) if r.kind == "article"]
    # --changed-only keeps the 23 only renumbered (28 renumbered: 4 of them also reworded, 1 moved)
    assert len(changed) == len(shown) + 23


def test_cli_hide_renumbered(capsys):
    need_shared(REVISED)
    rc, out, err = run_kb(["diff", SEED, str(REVISED), "--no-color", "--hide-renumbered"], ROOT, capsys)
    assert rc == 0, err
    heads = [l for l in out.splitlines() if "  [" in l and "→" in l]
    assert len(heads) == 13 and not any(l.endswith("[未修改，条号变动]") for l in heads)
    assert "状态：草案征求意见稿 → 草案修改稿。" in out


def test_docx_has_page_numbers(cmp, tmp_path):
    import docx
    from kb.compare.render.docx import docx_bytes

    data = docx_bytes(cmp)
    d = docx.Document(io.BytesIO(data))
    footer = d.sections[0].footer._element.xml
    assert re.search(r'w:instr="\s*PAGE\s*"', footer) and re.search(r'w:instr="\s*NUMPAGES\s*"', footer)
    assert "第 " in footer and " 页 共 " in footer
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if not soffice or not pdftotext:
        pytest.skip("LibreOffice 或 pdftotext 未安装，无法检查打印出来的页码")
    f = tmp_path / "对照表.docx"
    f.write_bytes(data)
    r = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                        "--outdir", str(tmp_path), str(f)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "对照表.pdf"
    assert pdf.exists(), r.stderr
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    pages = re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", text)
    total = int(pages[0][1])
    assert total >= 3 and [int(a) for a, _ in pages] == list(range(1, total + 1))
    assert all(int(b) == total for _, b in pages)


def test_obligations_as_markdown_and_html(tmp_path, capsys):
    need_shared(REVISED)
    md, page = tmp_path / "义务.md", tmp_path / "义务.html"
    rc, _, err = run_kb(["diff", SEED, str(REVISED), "--obligations", "--format", "md", "-o", str(md)], ROOT, capsys)
    assert rc == 0, err
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# 遂宁市社区发展治理促进条例修改前后各主体的义务变化\n")
    assert "## 情态或期限改变" in text and "可以 → 应当" in text and "15个工作日内" in text
    assert re.search(r"^- 新增：第十九条［应当］", text, re.M)
    rc, _, err = run_kb(["diff", SEED, str(REVISED), "--obligations", "--format", "html", "-o", str(page)], ROOT,
                        capsys)
    assert rc == 0, err
    h = page.read_text(encoding="utf-8")
    assert h.startswith("<!DOCTYPE html>") and "<h2>情态或期限改变" in h and 'class="added"' in h
    rc, plain, _ = run_kb(["diff", SEED, str(REVISED), "--obligations"], ROOT, capsys)
    # the three formats say the same things
    for line in plain.splitlines():
        if line.startswith("  + "):
            assert line[4:].replace("*", "\\*") in text and line[4:] in h.replace("&quot;", '"')


def test_column_heads_name_the_version_not_the_file(cmp, tmp_path, capsys):
    """A text read from a file is headed by its status (草案修改稿), as after `kb add`, not by the
    file name; the file names appear only when the two heads would otherwise read alike."""
    import docx
    from kb.compare.render.docx import docx_bytes
    from kb.compare.render.table import heads

    assert heads(cmp) == ("修改前（草案征求意见稿）", "修改后（草案修改稿）")
    d = docx.Document(io.BytesIO(docx_bytes(cmp)))
    assert [c.text for c in d.tables[0].rows[0].cells] == ["修改前（草案征求意见稿）", "修改后（草案修改稿）"]
    for fmt in ("md", "html"):
        f = tmp_path / f"对照表.{fmt}"
        rc, _, err = run_kb(["diff", SEED, str(REVISED), "--format", fmt, "-o", str(f)], ROOT, capsys)
        assert rc == 0, err
        text = f.read_text(encoding="utf-8")
        assert "修改后（草案修改稿）" in text and REVISED.name not in text
    rc, out, _ = run_kb(["diff", SEED, str(REVISED), "--no-color"], ROOT, capsys)
    assert out.splitlines()[0] == "修改前（草案征求意见稿） → 修改后（草案修改稿）"
    # two copies of one draft: only the file names tell the columns apart
    a, b = tmp_path / "甲.txt", tmp_path / "乙.txt"
    a.write_bytes(REVISED.read_bytes())
    b.write_bytes(REVISED.read_bytes())
    assert heads(compare(parse_file(str(a)), parse_file(str(b)))) == ("修改前（甲.txt，草案修改稿）",
                                                                     "修改后（乙.txt，草案修改稿）")
