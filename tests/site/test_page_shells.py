"""kb.site.page_shells: the pages written from a group's shell are the pages the theme writes, and a shell is
trusted only after a page rendered as usual agreed with it."""
from __future__ import annotations

from types import SimpleNamespace

from kb.site.page_shells import Shell, group_key, page_values


def _page(title="保险机构（现行有效）", content="<h1>保险机构</h1><p>正文</p>", toc=("#m-obligation",), canonical=None,
          **kw):
    fields = dict(meta={"title": title, "kb_header": "某条例"}, title=title, content=content, canonical_url=canonical,
                  toc=[SimpleNamespace(url=u) for u in toc], previous_page=None, next_page=None, edit_url=None,
                  is_homepage=False, ancestors=[], url="r001/current/actors/x/")
    fields.update(kw)
    return SimpleNamespace(**fields)


def _values(page, toc_html="<nav>目录</nav>"):
    return page_values({"page": page}, lambda context: "toc", {"toc": toc_html})


def _html(v):
    """What a theme would write: the title twice, the address, the table of contents and the text."""
    return (f"<title>{v['title']} - 站点</title><link href=\"{v['canonical']}\"><header>{v['title']}</header>"
            f"<aside>{v['toc']}</aside><article>{v['content']}</article><footer>站点</footer>")


def test_a_shell_checked_against_a_page_rendered_as_usual_writes_the_pages_the_theme_writes():
    a = _values(_page(canonical="https://example.org/r001/current/actors/a/"))
    b = _values(_page("财政部门（现行有效）", "<h1>财政部门</h1><p>别的</p>", canonical="https://example.org/r001/current/actors/b/"),
                "<nav>另一个目录</nav>")
    shell = Shell.cut(_html(a), a)
    assert shell.parts is not None and not shell.checked
    shell.check(_html(b), b)
    assert shell.checked
    c = _values(_page("公民（现行有效）", "<h1>公民</h1>", canonical="https://example.org/r001/current/actors/c/"))
    assert shell.fill(c) == _html(c)


def test_a_title_the_first_page_also_has_elsewhere_is_found_out_by_the_check():
    """The first page's title 站点 is also the site's name in the footer: cut there too by mistake; the second
    page, rendered as usual, does not agree with the shell, which is then never used."""
    a = _values(_page("站点"))
    b = _values(_page("财政部门（现行有效）", "<h1>财政部门</h1>"))
    shell = Shell.cut(_html(a), a)
    assert shell.parts is not None
    # a page with the first page's title does not tell a mistaken cut: no check yet
    shell.check(_html(_values(_page("站点", "<h1>x</h1>"))), _values(_page("站点", "<h1>x</h1>")))
    assert shell.parts is not None and not shell.checked
    shell.check(_html(b), b)
    assert shell.parts is None and not shell.checked


def test_values_the_theme_could_write_otherwise_leave_the_page_rendered_as_usual():
    # escaped or spaced titles (striptags, escaping or white-space collapsing could write them otherwise)
    assert _values(_page("A&amp;B")) is None
    assert _values(_page("两个 词")) is None
    assert _values(_page(canonical="https://example.org/a b/")) is None
    assert _values(_page(content="")) is None
    # the text twice in the first page's HTML, or its table of contents nowhere: no shell
    a = _values(_page())
    assert Shell.cut(_html(a) + a["content"], a).parts is None
    assert Shell.cut(_html(a).replace(a["toc"], ""), a).parts is None


def test_pages_the_theme_writes_differently_outside_the_cut_values_are_of_other_groups():
    nav = lambda context: ("nav", "r001/current/actors")        # noqa: E731
    key = group_key({"page": _page()}, nav)
    assert key is not None
    # material's skip link goes to the first heading; a text without <h1> gets the title as its heading
    assert group_key({"page": _page(toc=("#m-prohibition",))}, nav) != key
    assert group_key({"page": _page(content="<p>正文</p>")}, nav) != key
    assert group_key({"page": _page(meta={"title": "保险机构（现行有效）", "kb_header": "别的条例"})}, nav) != key
    assert group_key({"page": _page(toc=("#m-obligation", "#m-prohibition"), title="x")}, nav) == key
    # a page in the navigation, or with a previous or next page, an edit link: no group
    assert group_key({"page": _page()}, lambda context: None) is None
    assert group_key({"page": _page(next_page=object())}, nav) is None
    assert group_key({"page": _page(edit_url="https://example.org/edit")}, nav) is None


def test_a_site_written_from_shells_is_the_site_the_theme_writes(tmp_path, monkeypatch):
    """A corpus site of four regulations with a published address (canonical links): built with the shells and
    with every page rendered as usual, the same HTML; most actor pages came from a shell."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from conftest import CORPUS, need_shared
    from kb.dev.bench_site import corpus_project
    from kb.site import page_shells, plugin
    from test_site import make_project

    need_shared(CORPUS)
    src = corpus_project(tmp_path / "c", CORPUS, 4)
    proj = make_project(tmp_path / "p", {d.name: d for d in sorted((src / "regulation").iterdir())},
                        "      pdf: false\n      downloads: false\n")
    with open(proj / "mkdocs.yml", "a", encoding="utf-8") as f:
        f.write("site_url: https://example.org/kb/\n")
    filled = []
    fill = page_shells.Shell.fill
    monkeypatch.setattr(page_shells.Shell, "fill", lambda self, values: filled.append(values) or fill(self, values))

    def site(folder):
        build(load_config(str(proj / "mkdocs.yml"), site_dir=str(folder)))
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.html")}

    shelled = site(tmp_path / "shelled")
    monkeypatch.setattr(plugin, "_cache_theme_page_shells", lambda env, nav_key, tocs: None)
    assert site(tmp_path / "each") == shelled
    actors = [k for k in shelled if "/actors/" in k]
    assert all(b'rel="canonical"' in shelled[k] for k in actors)
    assert len(actors) / 2 < len(filled) < len(actors), (len(filled), len(actors))
