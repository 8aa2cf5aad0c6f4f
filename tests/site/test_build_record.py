"""kb build's record of its last build (kb.site.freshness, issue 17): with nothing changed a second
``kb build`` answers from the record before it imports mkdocs or any layer; anything that could change
the site — an output file changed or removed by hand, a template, kb's code, another output folder,
an environment variable the site reads, the search catalog gone — makes a real build, and a build that
fails leaves no record claiming the site is fresh."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, child_env, copy_seed
from test_site import make_project

#: what the answer "nothing changed" must not import (the heavy part of a build: seconds in a small site)
HEAVY = ("mkdocs", "material", "jinja2", "yaml", "markdown", "kb.layers", "kb.catalog", "kb.text", "kb.site.plugin",
         "kb.site.pages", "kb.outputs.matrix", "kb.compare", "jieba", "lxml")


def seed_project(tmp_path):
    """The seed regulation in a project of its own, with its own copy of the templates (to be changed)
    and the site address read from KB_SITE_URL, as the repository's mkdocs.yml reads it."""
    proj = make_project(tmp_path / "p", {})
    copy_seed(proj / "regulation" / "suining-community")
    shutil.copytree(ROOT / "templates", proj / "templates")
    config = proj / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(f"docs_dir: {ROOT / 'templates' / 'static'}\n", (
        'site_url: !ENV [KB_SITE_URL, "http://127.0.0.1:8000/"]\ndocs_dir: templates/static\n'))
    config.write_text(text.replace(f"templates: {ROOT / 'templates'}\n", "templates: templates\n"), encoding="utf-8")
    assert "templates: templates\n" in config.read_text(encoding="utf-8") and "KB_SITE_URL" in text
    return proj


def stamps(site):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def kb_build(proj, *args, importtime=False):
    cmd = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "kb.cli", "build", *args]
    return subprocess.run(cmd, cwd=proj, env=child_env(), capture_output=True, text=True, timeout=600)


def test_nothing_changed_is_answered_before_mkdocs_is_imported(tmp_path):
    proj = seed_project(tmp_path)
    first = kb_build(proj, "--no-catalog")
    assert first.returncode == 0, first.stderr[-2000:]
    site = proj / "site"
    before = stamps(site)
    again = kb_build(proj, "--no-catalog", importtime=True)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "网站已是最新" in again.stderr and stamps(site) == before
    # the summary is the site's as it is: same pages and downloads as the real build counted
    assert again.stdout.split("用时")[0] == first.stdout.split("用时")[0]
    imported = {line.split("|")[-1].strip() for line in again.stderr.splitlines() if line.startswith("import time:")}
    assert "kb.site.freshness" in imported
    heavy = sorted(m for m in imported if m.startswith(HEAVY))
    assert not heavy, heavy
    forced = kb_build(proj, "--no-catalog", "--force")
    assert forced.returncode == 0 and "网站已是最新" not in forced.stderr


def test_an_output_file_changed_or_removed_by_hand_is_made_again(tmp_path):
    from kb.cli.site import build_site
    from kb.site import freshness

    proj = seed_project(tmp_path)
    assert build_site(proj, catalog=False)["rebuilt"] == "full"
    assert freshness.up_to_date(proj, None, False) is not None
    site = proj / "site"
    page = next(p for p in sorted((site / "suining-community").rglob("*.html")))
    good = page.read_bytes()
    page.write_bytes(good.replace(b"</body>", b"<p>hand-made</p></body>"))
    assert freshness.up_to_date(proj, None, False) is None
    assert build_site(proj, catalog=False)["rebuilt"] == "full"
    assert page.read_bytes() == good
    download = next(p for p in sorted(site.rglob("downloads/*.json")))
    data = download.read_bytes()
    download.unlink()
    assert build_site(proj, catalog=False)["rebuilt"] == "full"
    assert download.read_bytes() == data
    assert build_site(proj, catalog=False)["rebuilt"] == "fresh"


def test_a_changed_template_rebuilds(tmp_path):
    from kb.cli.site import build_site
    from kb.site import freshness

    proj = seed_project(tmp_path)
    build_site(proj, catalog=False)
    template = proj / "templates" / "chapter.html"
    template.write_text(template.read_text(encoding="utf-8") + "<!-- 模板改过了 -->\n", encoding="utf-8")
    assert freshness.up_to_date(proj, None, False) is None
    assert build_site(proj, catalog=False)["rebuilt"] == "full"
    assert any("模板改过了" in p.read_text(encoding="utf-8") for p in (proj / "site").rglob("*.html"))
    assert build_site(proj, catalog=False)["rebuilt"] == "fresh"


def test_a_change_of_kb_rebuilds(tmp_path, monkeypatch):
    """kb's code counts by its content: the same code elsewhere is the same kb, one line more is another."""
    from kb.cli.site import build_site
    from kb.site import freshness

    proj = seed_project(tmp_path)
    build_site(proj, catalog=False)
    code = tmp_path / "kb"
    shutil.copytree(freshness.PACKAGE, code, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(freshness, "PACKAGE", code)
    assert freshness.up_to_date(proj, None, False) is not None
    # a data file is kb's code too: clauses.tsv, the boilerplate table the 对照表 pages read, recounted each session
    # (code review 14 item 1: it was not counted, and the site stayed "fresh" with the old table)
    table = code / "compare" / "data" / "clauses.tsv"
    good = table.read_text(encoding="utf-8")
    table.write_text(good + "99\t本条例自公布之日起施行\n", encoding="utf-8")
    assert freshness.up_to_date(proj, None, False) is None
    table.write_text(good, encoding="utf-8")
    assert freshness.up_to_date(proj, None, False) is not None
    module = code / "site" / "pages" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8") + "# another kb\n", encoding="utf-8")
    assert freshness.up_to_date(proj, None, False) is None
    assert build_site(proj, catalog=False)["rebuilt"] == "full"


def test_another_output_folder_or_environment_rebuilds(tmp_path, monkeypatch):
    from kb.cli.site import build_site
    from kb.site import freshness

    monkeypatch.delenv("KB_SITE_URL", raising=False)
    proj = seed_project(tmp_path)
    build_site(proj, catalog=False)
    other = tmp_path / "other"
    assert freshness.up_to_date(proj, str(other), False) is None
    r = build_site(proj, str(other), catalog=False)
    assert r["rebuilt"] == "full" and (other / "index.html").is_file()
    assert freshness.up_to_date(proj, str(other), False) is not None
    assert freshness.up_to_date(proj, None, False) is not None, "the default folder's build is still fresh"
    monkeypatch.setenv("KB_SITE_URL", "https://example.org/fagui/")
    assert freshness.up_to_date(proj, None, False) is None
    assert build_site(proj, catalog=False)["rebuilt"] == "full"
    assert "https://example.org/fagui/" in (proj / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert build_site(proj, catalog=False)["rebuilt"] == "fresh"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert freshness.up_to_date(proj, None, False) is None


def test_a_failed_build_leaves_no_record_of_freshness(tmp_path):
    from kb.cli.site import build_site
    from kb.site import freshness

    proj = seed_project(tmp_path)
    build_site(proj, catalog=False)
    template = proj / "templates" / "chapter.html"
    good = template.read_text(encoding="utf-8")
    template.write_text(good + "{% if %}\n", encoding="utf-8")
    with pytest.raises(Exception):
        build_site(proj, catalog=False)
    assert freshness.previous(proj, proj / "site") == {}
    template.write_text(good, encoding="utf-8")
    # the inputs are the first build's again, but what the failed build left of the site is not known
    assert freshness.up_to_date(proj, None, False) is None
    assert build_site(proj, catalog=False)["rebuilt"] == "full"


def test_the_search_catalog_is_part_of_the_answer(tmp_path):
    from kb.cli.site import build_site
    from kb.site import freshness

    proj = seed_project(tmp_path)
    build_site(proj)
    again = build_site(proj)
    assert again["rebuilt"] == "fresh" and again["catalog"] == "已是最新"
    shutil.rmtree(proj / ".kb" / "catalog")
    assert freshness.up_to_date(proj, None, False) is not None, "the site alone is still fresh"
    assert freshness.up_to_date(proj, None, True) is None
    r = build_site(proj)
    assert r["catalog"].startswith("已重建") and r["rebuilt"] == "fresh"
    assert freshness.up_to_date(proj, None, True) is not None



def test_a_strict_build_after_one_with_warnings_fails_as_mkdocs_does(tmp_path):
    """Code review 14 item 2: a build with a warning (mkdocs.yml's unknown key), then ``kb build --strict``, was answered
    "fresh" with exit 0 where mkdocs aborts (exit 2, as before the record); a strict build after a strict one is fresh,
    and vouches for a plain one."""
    from kb.cli.site import build_site
    from kb.errors import KbError
    from kb.site import freshness

    proj = seed_project(tmp_path)
    config = proj / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "no_such_setting: 1\n", encoding="utf-8")
    assert build_site(proj, catalog=False)["rebuilt"] == "full"
    assert freshness.up_to_date(proj, None, False) is not None
    assert freshness.up_to_date(proj, None, False, strict=True) is None
    with pytest.raises(KbError, match="strict"):
        build_site(proj, catalog=False, strict=True)
    config.write_text(good, encoding="utf-8")
    assert build_site(proj, catalog=False, strict=True)["rebuilt"] == "full"
    assert build_site(proj, catalog=False, strict=True)["rebuilt"] == "fresh"
    assert build_site(proj, catalog=False)["rebuilt"] == "fresh"


def test_an_input_saved_while_the_build_runs_leaves_no_record(tmp_path, monkeypatch):
    """Code review 14 item 4: the inputs are fingerprinted before mkdocs reads them; a text saved while the build ran is
    in the pages, and saved back afterwards it hashed as recorded — kb build answered 网站已是最新 for pages showing text
    the source no longer has.  Now a build whose inputs moved meanwhile keeps no record: the next build is a full one."""
    from kb.cli import site as cli_site

    proj = seed_project(tmp_path)
    text = proj / "regulation" / "suining-community" / "draft.txt"
    good = text.read_text(encoding="utf-8")
    end = good.index("。", good.index("第二条"))
    real = cli_site._what_to_build

    def saved_meanwhile(*a, **k):
        out = real(*a, **k)
        text.write_text(good[:end] + "紫藤萝" + good[end:], encoding="utf-8")
        return out

    monkeypatch.setattr(cli_site, "_what_to_build", saved_meanwhile)
    assert cli_site.build_site(proj, catalog=False)["rebuilt"] == "full"
    monkeypatch.undo()
    text.write_text(good, encoding="utf-8")
    _no_record_of_the_marker(proj)


def _no_record_of_the_marker(proj):
    """The pages hold the marker the source no longer has: no record vouches for them, the next build is full and
    shows the source, the one after it is fresh."""
    from kb.cli import site as cli_site
    from kb.site import freshness

    pages = (proj / "site" / "suining-community").rglob("*.html")
    assert any("紫藤萝" in p.read_text(encoding="utf-8") for p in pages)
    assert freshness.up_to_date(proj, None, False) is None
    assert cli_site.build_site(proj, catalog=False)["rebuilt"] == "full"
    assert not any("紫藤萝" in p.read_text(encoding="utf-8")
                   for p in (proj / "site" / "suining-community").rglob("*.html"))
    assert cli_site.build_site(proj, catalog=False)["rebuilt"] == "fresh"


def test_an_input_saved_and_saved_back_while_the_build_runs_leaves_no_record(tmp_path, monkeypatch):
    """Code review 15 item 1: a text saved while mkdocs ran and saved back before the build ended (an editor's undo, a
    checkout and back) hashes as the fingerprint taken before the build, but the pages may hold what it said in
    between: a file whose size or mtime moved meanwhile is a change, and the build keeps no record."""
    from kb.cli import site as cli_site
    from kb.site import freshness

    proj = seed_project(tmp_path)
    text = proj / "regulation" / "suining-community" / "draft.txt"
    good = text.read_text(encoding="utf-8")
    end = good.index("。", good.index("第二条"))
    real, real_walk = cli_site._what_to_build, freshness.site_walk

    def saved_meanwhile(*a, **k):
        out = real(*a, **k)
        text.write_text(good[:end] + "紫藤萝" + good[end:], encoding="utf-8")
        return out

    def saved_back(*a, **k):          # after mkdocs wrote the pages, before the build's record
        text.write_text(good, encoding="utf-8")
        return real_walk(*a, **k)

    monkeypatch.setattr(cli_site, "_what_to_build", saved_meanwhile)
    monkeypatch.setattr(freshness, "site_walk", saved_back)
    assert cli_site.build_site(proj, catalog=False)["rebuilt"] == "full"
    monkeypatch.undo()
    assert text.read_text(encoding="utf-8") == good
    _no_record_of_the_marker(proj)
