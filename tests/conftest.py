"""Shared fixtures.  ../shared (seed, corpus, spec) sits beside the checkout; tests that
need it skip with a clear reason when it is absent (set KB_SHARED to point elsewhere)."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

#: the checkout
REPO = Path(__file__).resolve().parents[1]


def _project_as_shipped(repo: Path) -> Path:
    """The project the tests run kb in: the checkout itself, unless its knowledge base (regulation/, mkdocs.yml) has
    changes git has not committed — the README's own example, kb add 修改稿.docx -r suining-community -v revised,
    adds a version, and kb add DIR whole regulations.  The tests are of kb and of the knowledge base it ships, not of
    what a user has since added, so they then run in a copy of the project whose regulation/ and mkdocs.yml are
    the committed ones (git archive HEAD) and whose other entries link to the checkout's; the session's header
    says so.  Without git (an unpacked archive) the checkout is used as it is."""
    import subprocess

    try:
        st = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=all", "--",
                             "regulation", "mkdocs.yml"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return repo
    if st.returncode != 0 or not st.stdout.strip():
        return repo
    import io
    import tarfile

    archive = subprocess.run(["git", "-C", str(repo), "archive", "HEAD", "regulation", "mkdocs.yml"],
                             capture_output=True, timeout=120)
    if archive.returncode != 0:
        return repo
    tmp = Path(tempfile.mkdtemp(prefix="kb-test-project-"))
    atexit.register(shutil.rmtree, tmp, True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        # extraction filters came in Python 3.11.4 (and 3.8.17, 3.9.17, 3.10.12); Debian 12's python3 is 3.11.2, where
        # filter= is a TypeError.  The archive is git's of this checkout's HEAD, so without filters it is taken as is
        tar.extractall(tmp, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    for entry in repo.iterdir():
        # the checkout's own catalog and site describe its changed knowledge base: the copy makes its own
        if entry.name not in ("regulation", "mkdocs.yml", ".kb", "site") and not (tmp / entry.name).exists():
            (tmp / entry.name).symlink_to(entry)
    _SHIPPED_NOTE.append(f"regulation/ 或 mkdocs.yml 有未提交的改动（如 README 中 kb add 的例子）：测试在已提交的知识库的副本 {tmp} 中运行")
    return tmp


_SHIPPED_NOTE: list[str] = []
#: the project the tests run kb in (see _project_as_shipped): the checkout, or a copy with its committed knowledge base
ROOT = _project_as_shipped(REPO)
if ROOT != REPO and Path.cwd() == REPO:
    os.chdir(ROOT)          # tests that run kb where they stand (scripts/test runs them from the checkout)


def pytest_report_header(config):
    return _SHIPPED_NOTE + shared_note()


def shared_note(path: Path | None = None) -> list[str]:
    """The header line of a run without ../shared: the tests that need it skip, and a newcomer's green run would
    otherwise say so only under -rs (code review 25 finding 10)."""
    path = SHARED if path is None else path
    if path.exists():
        return []
    return [f"{missing_shared(path)}：需要它的测试跳过（pytest -rs 列出）"]
SHARED = Path(os.environ.get("KB_SHARED", REPO.parent / "shared"))
SEED = ROOT / "regulation" / "suining-community" / "draft.txt"
SHARED_SEED = SHARED / "seeds" / "000_27ae19131ff8e498.txt"
CORPUS = SHARED / "corpus" / "lawrefbook"
DATA = ROOT / "tests" / "data"

# Tests never read or write the checkout's own layer cache (.kb/layers): a second run would find
# the first run's entries and a test that counts computations would see none.  One folder per
# session; a test of the disk cache sets its own.
if "KB_LAYER_CACHE" not in os.environ:
    _LAYER_CACHE = tempfile.mkdtemp(prefix="kb-test-layers-")
    os.environ["KB_LAYER_CACHE"] = _LAYER_CACHE
    atexit.register(shutil.rmtree, _LAYER_CACHE, True)


#: the seed regulation's versions as the project ships them
SEED_VERSIONS = ("draft",)


def copy_seed(dest: Path, root: Path = ROOT) -> Path:
    """The seed regulation as the project ships it (its draft) copied to ``dest`` (a folder to be created): a
    test of the seed must not depend on the versions a user has since added to regulation/suining-community —
    the README's own example (kb add 修改稿.docx -r suining-community -v revised) adds one.  The meta.yml text
    is kept as written (its comments) but for the entries of versions the project does not ship, which kb add
    appends to its ``versions:`` list."""
    src = Path(root) / "regulation" / "suining-community"
    dest = Path(dest)
    dest.mkdir(parents=True)
    lines = (src / "meta.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    out, in_versions, keep, indent = [], False, True, None
    for line in lines:
        stripped = line.lstrip(" ")
        depth = len(line) - len(stripped)
        if not line.startswith((" ", "-")) and stripped.strip() and not stripped.startswith("#"):
            in_versions, keep = stripped.startswith("versions:"), True      # a top-level key
        elif in_versions and stripped.startswith("- ") and (indent is None or depth == indent):
            indent = depth
            name = stripped[2:].split("#")[0].strip()
            keep = not name.startswith("name:") or name[5:].strip().strip("'\"") in SEED_VERSIONS
        if keep:
            out.append(line)
    (dest / "meta.yml").write_text("".join(out), encoding="utf-8")
    import yaml

    for v in yaml.safe_load("".join(out))["versions"]:
        shutil.copy2(src / v["file"], dest / v["file"])
    return dest


def missing_shared(path: Path = SHARED) -> str:
    """Why a test that needs ../shared skips: the one wording of every such skip."""
    return f"参考资料不存在：{path}（../shared 不在仓库旁边；可设置 KB_SHARED）"


def need_shared(path: Path = SHARED) -> Path:
    if not path.exists():
        pytest.skip(missing_shared(path))
    return path


def shared_pairs(pairs: list, path: Path = CORPUS) -> list:
    """The (old, new) version pairs of ../shared as parameters of a test, each named 体育法→2022-06-24; when
    ../shared is absent, one case that skips saying so (an empty list would skip with pytest's "got empty
    parameter set", which names no reason)."""
    if not pairs and not path.exists():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=missing_shared(path)), id="no-shared")]
    return [pytest.param(a, b, id=Path(a).stem + "→" + Path(b).stem.split("(")[-1]) for a, b in pairs]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_doc():
    from kb.project import find_root, load, resolve

    r = find_root(ROOT)
    return load(resolve(r, "suining-community@draft"))


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """The corpus files the tests may open: every one but the texts held out this session (kb.dev.heldout), which
    no test parses or runs kb on while they are being annotated."""
    from kb.dev.paths import corpus_texts

    need_shared(CORPUS)
    return corpus_texts(CORPUS)


def kb_under_test() -> Path:
    """The ``kb/__init__.py`` the tests import (the checkout's, by its real path)."""
    import kb

    return Path(kb.__file__).resolve()


def child_env(**extra: str) -> dict:
    """The environment of a Python sub-process that must import the kb under test: its folder first on
    PYTHONPATH, by an absolute path.  A relative PYTHONPATH=src points nowhere from another working
    directory, and the child then imports the kb the interpreter has installed (another checkout's)."""
    path = [str(kb_under_test().parents[1]), os.environ.get("PYTHONPATH")]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in path if p), **extra)


def run_kb(args, cwd, capsys):
    """Run the real ``kb`` entry point in ``cwd``; returns (exit code, stdout, stderr)."""
    from kb.cli import main

    old = os.getcwd()
    os.chdir(cwd)
    try:
        rc = main(list(args))
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return rc, out, err


# ---------------------------------------------------------------- the catalog's engines (tests/catalog)

@pytest.fixture(scope="module", params=["fts5", "whoosh"])
def engine(request):
    """Every engine in turn: catalogs opened meanwhile (open_catalog, the CLI, sub-processes) are
    of this engine (KB_CATALOG_ENGINE)."""
    old = os.environ.get("KB_CATALOG_ENGINE")
    os.environ["KB_CATALOG_ENGINE"] = request.param
    yield request.param
    if old is None:
        os.environ.pop("KB_CATALOG_ENGINE", None)
    else:
        os.environ["KB_CATALOG_ENGINE"] = old


@pytest.fixture(scope="module")
def seed_cat(tmp_path_factory, engine):
    # the seed alone: the default knowledge base also ships the laws it rests on (issue 14)
    from kb.catalog import SourceSpec, open_catalog
    from kb.project import load_regulation

    reg = load_regulation(ROOT, "suining-community")
    v = next(v for v in reg.versions if v.name in SEED_VERSIONS)        # the shipped seed, whatever kb add added
    cat = open_catalog(ROOT, path=tmp_path_factory.mktemp("seedcat") / "catalog",
                       sources=[SourceSpec(f"{reg.id}@{v.name}", str(reg.path(v)), reg.doc_meta(v))])
    cat.build()
    return cat


@pytest.fixture(scope="module")
def rank_cat(tmp_path_factory, engine):
    from kb.catalog import open_catalog

    cat = open_catalog(DATA / "search" / "project", path=tmp_path_factory.mktemp("rankcat") / "catalog")
    cat.build()
    return cat


def pytest_configure(config):
    config.addinivalue_line("markers", "forks: the test forks worker processes (kb.pool): it runs with no other "
                                       "thread in its process")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """A test marked ``forks`` runs where no other thread runs: kb.pool never forks beside another thread
    (one holding a lock would leave it locked in the child), and a test that ran earlier in this pytest
    process may have left threads (a session's web server, the browser driver's child watcher).  Then the
    test runs in a pytest process of its own and passes or fails with it; there it checks that it is alone."""
    if pyfuncitem.get_closest_marker("forks") is None:
        return None
    import threading

    alone = threading.active_count() == 1
    if os.environ.get("KB_TEST_ALONE") == pyfuncitem.nodeid:
        assert alone, [t.name for t in threading.enumerate()]
    if alone:
        return None
    import subprocess
    import sys

    env = dict(os.environ, KB_TEST_ALONE=pyfuncitem.nodeid)
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", pyfuncitem.nodeid],
                       cwd=pyfuncitem.config.rootpath, env=env, capture_output=True, text=True, timeout=1800)
    assert p.returncode == 0, f"在单独的进程中运行：\n{p.stdout[-6000:]}\n{p.stderr[-2000:]}"
    return True
