"""A .docx circulated with tracked changes nobody accepted: kb reads the text the changes
propose, and says so for each paragraph (file, paragraph, both readings)."""
from __future__ import annotations

from conftest import run_kb
from kb.text.parse import parse_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LINES = ["测试条例", "（草案）", "第一条　为了测试，制定本条例。",
         "第二条　主管部门应当在收到申请之日起【15】个工作日内作出决定。",
         "第三条　【旧的规定。】", "第四条　本条例", "自2023年 月 日起施行。"]


def _revised_docx(path):
    """LINES as a .docx; in 第二条 15 is deleted and 10 inserted (tracked), 第三条's text is
    moved out and 新的规定。 moved in, and the mark of 第四条's first paragraph is deleted."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    for line in LINES:
        before, _, rest = line.partition("【")
        changed, _, after = rest.partition("】")
        p = d.add_paragraph(before)
        if not changed:
            continue
        attrs = f'xmlns:w="{W}" w:id="{len(LINES)}" w:author="审稿人" w:date="2024-01-01T00:00:00Z"'
        if changed == "15":
            p._p.append(parse_xml(f'<w:del {attrs}><w:r><w:delText>15</w:delText></w:r></w:del>'))
            p._p.append(parse_xml(f'<w:ins {attrs}><w:r><w:t>10</w:t></w:r></w:ins>'))
        else:
            p._p.append(parse_xml(f'<w:moveFrom {attrs}><w:r><w:t>{changed}</w:t></w:r></w:moveFrom>'))
            p._p.append(parse_xml(f'<w:moveTo {attrs}><w:r><w:t>新的规定。</w:t></w:r></w:moveTo>'))
        p.add_run(after)
    # 第四条's first paragraph mark deleted: accepted, its two paragraphs are one line
    mark = d.paragraphs[5]._p.get_or_add_pPr()
    mark.append(parse_xml(f'<w:rPr xmlns:w="{W}"><w:del w:id="99" w:author="审稿人" '
                          f'w:date="2024-01-01T00:00:00Z"/></w:rPr>'))
    d.save(str(path))
    return path


def test_tracked_changes_are_read_accepted_and_reported(tmp_path):
    f = _revised_docx(tmp_path / "修订稿.docx")
    doc = parse_file(str(f))
    assert "在收到申请之日起10个工作日内作出决定" in doc.text and "15" not in doc.text
    assert "新的规定。" in doc.text and "旧的规定" not in doc.text
    assert "第四条　本条例自2023年 月 日起施行。\n" in doc.text     # the deleted paragraph mark joins them
    assert [a.number for a in doc.articles] == [1, 2, 3, 4]
    messages = [w.message for w in doc.reading]
    assert len(messages) == 3 and doc.reading == doc.warnings[:3]
    assert [w.line for w in doc.reading] == [4, 5, 6] and all(w.file == str(f) for w in doc.reading)
    first, second, third = messages
    assert first.startswith("第 4 段有未接受的修订（删除“15”、插入“10”）：按接受全部修订后的文本读取")
    assert "拒绝修订则为“第二条　主管部门应当在收到申请之日起15个工作日内作出决定。”" in first
    assert "移出“旧的规定。”、移入“新的规定。”" in second
    assert third.startswith("第 6 段有未接受的修订（删除段落标记（与下一段合并））")


def test_cli_warns_with_file_and_paragraph(tmp_path, capsys):
    f = _revised_docx(tmp_path / "修订稿.docx")
    rc, out, err = run_kb(["show", "2", str(f)], tmp_path, capsys)
    assert rc == 0 and "10个工作日" in out
    assert f"警告：{f}:" in err and "第 4 段有未接受的修订" in err and "按接受全部修订后的文本读取" in err
    rc, out, err = run_kb(["parse", str(f)], tmp_path, capsys)
    assert rc == 0 and err.count("第 4 段有未接受的修订") == 1        # said once


def test_a_docx_without_revisions_has_no_such_warning(tmp_path):
    import docx
    d = docx.Document()
    for line in LINES:
        d.add_paragraph(line.replace("【", "").replace("】", ""))
    d.save(str(tmp_path / "定稿.docx"))
    doc = parse_file(str(tmp_path / "定稿.docx"))
    assert doc.reading == [] and "15个工作日" in doc.text


def _tracked_seed(f):
    """The seed as a .docx with 15 → 10 tracked in 第十三条, beyond the first 40 characters of its paragraph."""
    import docx
    from docx.oxml import parse_xml

    from conftest import SHARED_SEED, need_shared
    need_shared()
    d = docx.Document()
    attrs = f'xmlns:w="{W}" w:id="1" w:author="审稿人" w:date="2024-01-01T00:00:00Z"'
    for line in SHARED_SEED.read_text(encoding="utf-8").splitlines():
        before, sep, after = line.partition("在工程验收合格之日起15个工作日内")
        p = d.add_paragraph(before + ("在工程验收合格之日起" if sep else ""))
        if sep:
            p._p.append(parse_xml(f'<w:del {attrs}><w:r><w:delText>15</w:delText></w:r></w:del>'))
            p._p.append(parse_xml(f'<w:ins {attrs}><w:r><w:t>10</w:t></w:r></w:ins>'))
            p.add_run("个工作日内" + after)
    d.save(str(f))
    return f


def test_a_change_far_into_a_long_paragraph_shows_where_the_readings_differ(tmp_path, capsys):
    # the two excerpts are the place that differs, not the same 40 first characters twice (review item 8)
    f = _tracked_seed(tmp_path / "tracked.docx")
    rc, out, err = run_kb(["parse", str(f)], tmp_path, capsys)
    assert rc == 0
    (warning,) = [line for line in err.splitlines() if "未接受的修订" in line]
    accepted, rejected = warning.split("按接受全部修订后的文本读取（“")[1].split("”；拒绝修订则为“")
    rejected = rejected.removesuffix("”）")
    assert accepted != rejected, warning
    assert "验收合格之日起10个工作日内" in accepted and "验收合格之日起15个工作日内" in rejected
    assert accepted.startswith("…") and accepted.endswith("…") and len(accepted) <= 42


def test_kb_add_warns_of_tracked_changes_like_show_and_build(tmp_path, capsys):
    """kb add brings the text into the knowledge base: it says, like kb show and kb build, which
    paragraph holds unaccepted changes and which reading it took (review newcomer 2, item 6)."""
    import shutil

    from conftest import ROOT, copy_seed

    f = _tracked_seed(tmp_path / "修改稿.docx")
    proj = tmp_path / "proj"
    copy_seed(proj / "regulation" / "suining-community")
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    rc, out, err = run_kb(["add", str(f), "-r", "suining-community", "-v", "revised"], proj, capsys)
    assert rc == 0 and "已添加 suining-community@revised" in out, err
    (warning,) = [line for line in err.splitlines() if "未接受的修订" in line]
    assert warning.startswith(f"警告：{f}:") and "段有未接受的修订（删除“15”、插入“10”）" in warning
    assert "按接受全部修订后的文本读取" in warning and "拒绝修订则为" in warning
    # adding it again changes nothing, and still says which reading the version holds
    rc, out, err = run_kb(["add", str(f), "-r", "suining-community", "-v", "revised"], proj, capsys)
    assert rc == 0 and "未做改动" in out and err.count("未接受的修订") == 1
    # a folder: each such file says so too (in a project without it: where it is, the folder's copy is not imported
    # again, and the import says where it is — newcomer review 4, item 2)
    folder = tmp_path / "drafts"
    folder.mkdir()
    shutil.copy(f, folder / "某市社区条例.docx")
    rc, out, err = run_kb(["add", str(folder)], proj, capsys)
    assert rc == 0 and "与 suining-community@revised 的文本相同，未重复导入" in out, (out, err)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", other / "mkdocs.yml")
    rc, out, err = run_kb(["add", str(folder), "--level", "地方性法规", "--jurisdiction", "某市"], other, capsys)
    assert rc == 0, (out, err)
    assert sum(f"警告：{folder / '某市社区条例.docx'}:" in line and "未接受的修订" in line
               for line in err.splitlines()) == 1


def _marks_deleted_docx(path, paragraphs, deleted_marks, inserted=None):
    """``paragraphs`` as a .docx whose paragraphs numbered (from 1) in ``deleted_marks`` have their mark deleted;
    ``inserted``: (paragraph, text) tracked as inserted at its end."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    for n, text in enumerate(paragraphs, 1):
        p = d.add_paragraph(text)
        if inserted and inserted[0] == n:
            p._p.append(parse_xml(f'<w:ins xmlns:w="{W}" w:id="{n}" w:author="审稿人" w:date="2024-01-01T00:00:00Z">'
                                  f'<w:r><w:t>{inserted[1]}</w:t></w:r></w:ins>'))
        if n in deleted_marks:
            p._p.get_or_add_pPr().append(parse_xml(f'<w:rPr xmlns:w="{W}"><w:del w:id="9{n}" w:author="审稿人" '
                                                   f'w:date="2024-01-01T00:00:00Z"/></w:rPr>'))
    d.save(str(path))
    return path


def test_a_deleted_paragraph_mark_shows_the_line_it_makes_and_the_paragraphs_it_joins(tmp_path):
    # the two readings of a deleted mark were both “第四条　本条例” (the first paragraph alone): the accepted one is
    # the line the two paragraphs become, the rejected one the two paragraphs (newcomer review 12)
    doc = parse_file(str(_revised_docx(tmp_path / "修订稿.docx")))
    third = doc.reading[2].message
    assert "按接受全部修订后的文本读取（“第四条　本条例自2023年 月 日起施行。”；" in third, third
    assert third.endswith("拒绝修订则为 2 段：“第四条　本条例”“自2023年 月 日起施行。”）"), third
    # three paragraphs joined, the last with a change of its own: one warning naming both paragraphs that hold changes
    f = _marks_deleted_docx(tmp_path / "三段.docx", ["测试条例", "第一条　甲", "乙", "丙。", "第二条　丁。"], {2, 3},
                            inserted=(4, "戊"))
    doc = parse_file(str(f))
    assert "第一条　甲乙丙。戊\n" in doc.text
    (w,) = doc.reading
    assert w.line == 2 and w.message.startswith("第 2、3、4 段有未接受的修订（删除段落标记（与下一段合并）、"
                                                "删除段落标记（与下一段合并）、插入“戊”）"), w.message
    assert "（“第一条　甲乙丙。戊”；拒绝修订则为 3 段：“第一条　甲”“乙”“丙。”）" in w.message
    # the last paragraph's mark deleted (nothing follows to join): still said
    doc = parse_file(str(_marks_deleted_docx(tmp_path / "末段.docx", ["测试条例", "第一条　甲。"], {2})))
    (w,) = doc.reading
    assert w.line == 2 and "第 2 段有未接受的修订（删除段落标记（与下一段合并））" in w.message
