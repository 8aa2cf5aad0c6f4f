"""kb.site.compiled_templates: a build reads the templates the last one compiled (kb's and the theme's) and writes
the same site; compiled code is never used for another text, other options, or another way of calling a filter;
a damaged kept file means compiling again."""
from __future__ import annotations

import jinja2
import pytest

from conftest import ROOT
from test_site import make_project


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    """Each test its own project cache: kept templates live in it (kb.layers.cache.code_folder), and the session's
    may have been switched off by an earlier test in the same process (kb.dev.bench_linear sets KB_LAYER_CACHE=off
    in os.environ and leaves it so: after tests/dev/test_bench_linear.py no template was kept and these tests failed)."""
    monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def compiled(monkeypatch):
    """The names of the templates compiled from now on."""
    names: list = []
    compile_ = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return names


def test_a_build_reads_the_templates_the_last_one_compiled_and_writes_the_same_site(tmp_path, compiled, monkeypatch):
    from kb.cli.site import build_site

    monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / "cache"))      # none compiled yet

    proj = make_project(tmp_path / "p", {"suining-community": ROOT / "regulation" / "suining-community"},
                        "      downloads: false\n")
    build_site(proj, catalog=False, force=True)
    first = {p: p.read_bytes() for p in (proj / "site").rglob("*.html")}
    assert {"chapter.html", "main.html", "base.html"} <= set(compiled), "kb's templates and the theme's"
    compiled.clear()
    build_site(proj, catalog=False, force=True)
    # but the theme's words, which material's search plugin compiles in an environment of its own (its _translate)
    assert set(compiled) <= {"partials/language.html", "partials/languages/zh.html", "partials/languages/en.html"}
    assert {p: p.read_bytes() for p in (proj / "site").rglob("*.html")} == first


def _env(folder, **options):
    from kb.site.compiled_templates import keep_compiled

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), **options)
    keep_compiled(env, folder)
    assert env.bytecode_cache is not None
    return env


def test_compiled_code_is_used_only_for_the_same_text_options_and_filters(tmp_path, compiled, monkeypatch):
    # a cache of this test's own: the session's may have been found not private by a test before (kb.layers.cache)
    monkeypatch.setenv("KB_LAYER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.html").write_text("{% if x %}\n  {{ x | shout }}\n{% endif %}\n", encoding="utf-8")

    def plain(env):
        env.filters["shout"] = lambda v: f"{v}!"
        return env

    assert plain(_env(folder)).get_template("a.html").render(x="嗨") == "\n  嗨!\n"
    assert compiled == ["a.html"]
    assert plain(_env(folder)).get_template("a.html").render(x="嗨") == "\n  嗨!\n"
    assert compiled == ["a.html"], "read back"
    # other options: the same text is compiled otherwise
    assert plain(_env(folder, trim_blocks=True, lstrip_blocks=True)).get_template("a.html").render(x="嗨") == "  嗨!\n"
    assert compiled == ["a.html"] * 2
    # a filter now given the context is called with it: compiled again
    env = _env(folder)
    env.filters["shout"] = jinja2.pass_context(lambda ctx, v: f"{v}{ctx['x']}")
    assert env.get_template("a.html").render(x="嗨") == "\n  嗨嗨\n"
    assert compiled == ["a.html"] * 3
    # another text
    (folder / "a.html").write_text("{{ x }}", encoding="utf-8")
    assert plain(_env(folder)).get_template("a.html").render(x="嗨") == "嗨"
    assert compiled == ["a.html"] * 4
    # a damaged file: compiled again
    from pathlib import Path

    for f in Path(env.bytecode_cache.directory).glob("__jinja2_*.cache"):
        f.write_bytes(f.read_bytes()[:-7])
    assert plain(_env(folder)).get_template("a.html").render(x="嗨") == "嗨"
    assert compiled == ["a.html"] * 5


def test_compiled_code_is_not_used_with_another_finalize(tmp_path, compiled):
    """jinja2 compiles the environment's finalize into a template's code (the output of every {{ }} goes through it,
    and the template's constant text is finalized when compiling): code compiled without one is not used by an
    environment that has one, nor the other way round."""
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.html").write_text("{{ x }}|{{ y }}", encoding="utf-8")
    assert _env(folder).get_template("a.html").render(x="嗨", y=None) == "嗨|None"
    blank = _env(folder, finalize=lambda v: "" if v is None else v)
    assert blank.get_template("a.html").render(x="嗨", y=None) == "嗨|"
    assert compiled == ["a.html"] * 2
    assert _env(folder).get_template("a.html").render(x="嗨", y=None) == "嗨|None"
    assert compiled == ["a.html"] * 2, "read back, each with its own finalize"


def test_the_package_versions_are_read_once_per_process(tmp_path, monkeypatch):
    """importlib.metadata looks through sys.path at each call (0.7 ms): a build loading some sixty templates read
    jinja2's, mkdocs' and the theme's versions sixty times; now once, and every load still keys on them."""
    from importlib import metadata

    from kb.site import compiled_templates

    asked: list = []
    version = metadata.version
    monkeypatch.setattr(metadata, "version", lambda dist: asked.append(dist) or version(dist))
    compiled_templates._versions.cache_clear()      # another test of this process may have read them
    folder = tmp_path / "t"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.html").write_text(name + "{{ x }}", encoding="utf-8")
        assert _env(folder).get_template(f"{name}.html").render(x=1) == f"{name}1"
    assert sorted(asked) == ["jinja2", "mkdocs", "mkdocs-material"]
    assert compiled_templates._options(_env(folder))[:3] == tuple(f"{d}={version(d)}" for d in sorted(asked))
    compiled_templates._versions.cache_clear()
