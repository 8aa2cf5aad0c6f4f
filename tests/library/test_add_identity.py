"""``kb add``: which regulation a text is.  A text that does not say (no title) is not imported under its file's
name, a text of one's own is not published as law in force, and a text already in the knowledge base is
recognised (newcomer review 4, items 1 and 2)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import SEED, run_kb


def project(tmp: Path) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - kb:\n      default_regulation: seed\n",
                                    encoding="utf-8")
    return tmp


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines(keepends=True)


def untitled_seed() -> str:
    """The seed's text from 第一章 on: no title, no status line."""
    lines = seed_lines()
    return "".join(lines[next(i for i, l in enumerate(lines) if l.startswith("第一章")):])


def seed_in_force() -> str:
    """The seed's text with its title but without 附件1 and its （草案征求意见稿） line: a text of one's own that says
    nothing of being a draft, nor of being in force."""
    return "".join(l for l in seed_lines() if l.strip() not in ("附件1", "（草案征求意见稿）"))


def test_a_folder_text_without_a_title_is_refused_and_one_of_ones_own_is_not_law_in_force(tmp_path, capsys):
    """Newcomer review 4, item 1: kb add DIR of a GBK text with no title wrote title: c (its file name), validity 有效
    and status 现行有效; the site listed 《c》 as a law in force.  Now the untitled text is refused, saying how to add
    it (a title line, or kb add FILE --title); a titled text of one's own folder that is no draft is imported with
    no validity (not 有效: nothing shows it in force), labelled 文本 (not 现行文本), and the import says so."""
    from kb.project import load_regulation
    from kb.site.versions import status_tag, version_state

    src = tmp_path / "f"
    src.mkdir()
    (src / "c.txt").write_bytes(untitled_seed().encode("gbk"))
    (src / "d.txt").write_text(seed_in_force(), encoding="utf-8")
    p = project(tmp_path / "p")
    rc, out, err = run_kb(["add", str(src), "--no-index"], p, capsys)
    assert rc == 1 and "导入 1 个文本" in out and "1 个被拒绝" in out, out + err
    (refusal,) = [l for l in out.splitlines() if l.startswith("拒绝：")]
    assert refusal.startswith(f"拒绝：{src / 'c.txt'}：文本开头没有标题") and "--title" in refusal, refusal
    assert sorted(x.name for x in (p / "regulation").iterdir()) == ["遂宁市社区发展治理促进条例"]
    folder = p / "regulation" / "遂宁市社区发展治理促进条例"
    meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
    assert "validity" not in meta, meta
    assert meta["versions"] == [{"name": "text", "label": "文本", "file": "text.txt"}]
    reg = load_regulation(p, "遂宁市社区发展治理促进条例")
    assert version_state(reg, reg.versions[0]) == (None, "元数据未注明效力状态")
    assert "有效" not in status_tag(reg, reg.versions[0])
    assert "未注明效力状态：遂宁市社区发展治理促进条例@text" in out and "--validity" in out
    # nothing else reads the refused text: the obligations of every regulation are the imported one's
    rc, out, err = run_kb(["obligations", "--actor", "居民委员会", "--regulation", "all"], p, capsys)
    heads = [l for l in out.splitlines() if re.fullmatch(r".+（.*\d+ 条.*）", l)]
    assert rc == 0 and heads and all(l.startswith("遂宁市社区发展治理促进条例（") for l in heads), out
    # the caller who knows says so
    q = project(tmp_path / "q")
    rc, out, err = run_kb(["add", str(src), "--validity", "有效", "--no-index"], q, capsys)
    meta = yaml.safe_load((q / "regulation/遂宁市社区发展治理促进条例/meta.yml").read_text(encoding="utf-8"))
    assert meta["validity"] == "有效" and meta["versions"][0]["status"] == "现行有效" and "未注明效力状态" not in out


def test_a_file_without_a_title_needs_one_for_a_new_regulation(tmp_path, capsys):
    """What the refusal above suggests: kb add FILE of an untitled text names the regulation only with --title (it
    was titled with the folder's name, 《c》); a version of an existing regulation needs none."""
    f = tmp_path / "c.txt"
    f.write_bytes(untitled_seed().encode("gbk"))
    p = project(tmp_path / "p")
    rc, out, err = run_kb(["add", str(f), "-r", "c", "-v", "v1", "--no-index"], p, capsys)
    assert rc == 2 and "没有标题" in err and "--title" in err and str(f) in err, (rc, out, err)
    assert not (p / "regulation" / "c").exists()
    rc, out, err = run_kb(["add", str(f), "-r", "c", "-v", "v1", "--title", "某市社区条例", "--no-index"], p, capsys)
    assert rc == 0, err
    meta = yaml.safe_load((p / "regulation/c/meta.yml").read_text(encoding="utf-8"))
    assert meta["title"] == "某市社区条例"
    g = tmp_path / "c2.txt"
    g.write_bytes(untitled_seed().replace("社区", "城乡社区", 1).encode("gbk"))
    rc, out, err = run_kb(["add", str(g), "-r", "c", "-v", "v2", "--no-index"], p, capsys)
    assert rc == 0, err


def seed_project(tmp: Path) -> Path:
    """A project holding the seed as the repository ships it (suining-community@draft)."""
    from conftest import ROOT, copy_seed

    p = tmp / "p"
    copy_seed(p / "regulation" / "suining-community")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (p / "mkdocs.yml").write_text(config.replace("downloads: true", "downloads: false"), encoding="utf-8")
    for name in ("templates", "overrides"):         # the site's own, for kb build
        (p / name).symlink_to(ROOT / name)
    return p


def test_a_folder_text_already_in_the_knowledge_base_is_recognised(tmp_path, capsys):
    """Newcomer review 4, item 2: kb add DIR of a folder holding a text the knowledge base has under a name of its own
    (suining-community; the review's kb add mydraft.txt -r my-eldercare) made a second regulation of the same title,
    with the same bytes, named after the title.  Now the same text is not imported again and the import says where it
    is; another text of that title is a version of that regulation (its metadata untouched), and the import says so."""
    p = seed_project(tmp_path)
    meta_before = yaml.safe_load((p / "regulation/suining-community/meta.yml").read_text(encoding="utf-8"))
    src = tmp_path / "f"
    (src / "草案").mkdir(parents=True)
    (src / "草案" / "a.txt").write_bytes(SEED.read_bytes())
    rc, out, err = run_kb(["add", str(src), "--no-index"], p, capsys)
    assert rc == 0 and "导入 0 个文本" in out and "1 个已在知识库中" in out, out + err
    assert f"已在知识库中：{src / '草案' / 'a.txt'} 与 suining-community@draft 的文本相同，未重复导入" in out, out
    assert sorted(x.name for x in (p / "regulation").iterdir()) == ["suining-community"]
    # a later stage of the same regulation: a version of it, not a second 遂宁市社区发展治理促进条例
    revised = SEED.read_text(encoding="utf-8").replace("（草案征求意见稿）", "（草案修改稿）").replace("附件1\n", "")
    (src / "草案" / "b.txt").write_text(revised, encoding="utf-8")
    rc, out, err = run_kb(["add", str(src), "--no-index"], p, capsys)
    assert rc == 0 and "导入 1 个文本" in out, out + err
    assert f"并入已有法规：{src / '草案' / 'b.txt'} 的标题与 suining-community 相同，作为它的版本 " \
           "suining-community@draft-修改稿 导入" in out, out
    assert sorted(x.name for x in (p / "regulation").iterdir()) == ["suining-community"]
    meta = yaml.safe_load((p / "regulation/suining-community/meta.yml").read_text(encoding="utf-8"))
    assert {k: v for k, v in meta.items() if k != "versions"} == {k: v for k, v in meta_before.items() if k != "versions"}
    assert [(v["name"], v.get("status")) for v in meta["versions"]][-1] == ("draft-修改稿", "草案修改稿")
    assert (p / "regulation/suining-community/draft-修改稿.txt").read_text(encoding="utf-8") == revised


def test_two_regulations_of_one_title_are_told_apart(tmp_path, capsys):
    """Newcomer review 4, item 2: a copy of the seed added as brk (kb add FILE -r brk) and the seed showed as two
    identical lines in kb search (遂宁市社区发展治理促进条例@…), two 遂宁市社区发展治理促进条例 headings in kb obligations
    --regulation all and two identical rows on the home page.  Where two regulations share a title each is named
    with its folder's name (-r) too; a title nobody else has is shown as before."""
    import re

    p = seed_project(tmp_path)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    rc, out, err = run_kb(["add", str(copy), "-r", "brk", "-v", "d"], p, capsys)
    assert rc == 0, err
    rc, out, err = run_kb(["search", "居民委员会应当以服务居民为宗旨", "--limit", "0"], p, capsys)
    assert rc == 0, err
    where = sorted(re.search(r"\s(\S+@\S+)（", l).group(1) for l in out.splitlines() if re.match(r"\s*\d+\. ", l))
    assert where == ["遂宁市社区发展治理促进条例（brk）@d", "遂宁市社区发展治理促进条例（suining-community）@draft"], out
    rc, out, err = run_kb(["search", "居民委员会应当以服务居民为宗旨", "-r", "brk"], p, capsys)
    assert "遂宁市社区发展治理促进条例@d" in out and "（brk）" not in out, out       # alone among the hits
    rc, out, err = run_kb(["obligations", "--actor", "居民委员会", "--regulation", "all"], p, capsys)
    heads = sorted(l.split("，")[0] for l in out.splitlines() if l.startswith("遂宁市社区发展治理促进条例（"))
    assert heads == ["遂宁市社区发展治理促进条例（brk", "遂宁市社区发展治理促进条例（suining-community"], out
    rc, out, err = run_kb(["build", "--no-catalog", "-q", "-j", "1"], p, capsys)
    assert rc == 0, err
    home = (p / "site" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr data-level[^>]*><td><a [^>]*>遂宁市社区发展治理促进条例</a>(.*?)</td>", home)
    assert sorted(rows) == ['<br><span class="kb-part">法规名 brk</span>',
                            '<br><span class="kb-part">法规名 suining-community</span>'], rows


def test_kb_add_of_a_misnumbered_text_warns_at_once(tmp_path, capsys):
    """Newcomer review 4, item 12: kb add of the seed with 第五条 renumbered 第六条 said only "新建法规并添加 brk@d"; the
    warnings came at the next kb build.  kb add is where a text comes in: it says what kb parse says of it (file:line),
    for a file and for each file of a folder."""
    broken = tmp_path / "broken.txt"
    broken.write_text(SEED.read_text(encoding="utf-8").replace("\n第五条", "\n第六条", 1), encoding="utf-8")
    p = seed_project(tmp_path)
    rc, out, err = run_kb(["parse", str(broken)], p, capsys)
    said = [l for l in err.splitlines() if l.startswith("警告：")]
    assert any(f"{broken}:" in l and "条号不连续" in l for l in said) and any("条号重复" in l for l in said), err
    rc, out, err = run_kb(["add", str(broken), "-r", "brk", "-v", "d", "--no-index"], p, capsys)
    assert rc == 0 and "新建法规并添加 brk@d" in out, err
    assert [l for l in err.splitlines() if l.startswith("警告：")] == said, err
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "b.txt").write_text(broken.read_text(encoding="utf-8").replace("遂宁市", "某市", 1), encoding="utf-8")
    q = seed_project(tmp_path / "q")
    rc, out, err = run_kb(["add", str(folder), "--no-index"], q, capsys)
    assert rc == 0 and "导入 1 个文本" in out, out + err
    assert [l for l in err.splitlines() if l.startswith("警告：")] == [l.replace(str(broken), str(folder / "b.txt"))
                                                                   for l in said], err
