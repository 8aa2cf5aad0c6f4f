"""kb export of several texts (-o DIR) on every core (kb.pool): each file is the one ``kb export TEXT -o FILE``
writes, whatever the number of processes; an error stops the export at its text, names the file and
exits 2, with the same files written as with one process."""
from __future__ import annotations

import pickle

import pytest

from conftest import CORPUS, SEED, child_env, kb_under_test, need_shared, run_kb
from kb import pool
from kb.errors import KbError

#: corpus texts (none of this session's held-out ones), of different kinds
TEXTS = ["经济法/个人所得税法(2018-08-31).md", "经济法/中国人民银行法(2003-12-27).md",
         "DLC/北京地方法规/地方性法规/北京/北京市全民健身条例.md", "社会法/军人保险法(2012-04-27).md"]
#: a corpus text kb cannot read as a regulation (no article) nor as an amendment
NO_ARTICLE = "DLC/北京地方法规/地方性法规/北京/关于议案的若干暂行规定(2010-12-23).md"


@pytest.fixture(scope="module")
def texts():
    need_shared(CORPUS)
    files = [CORPUS / t for t in TEXTS]
    for f in files:
        if not f.is_file():
            pytest.skip(f"语料中没有 {f}")
    return [SEED] + files


@pytest.mark.forks
@pytest.mark.parametrize("fmt,suffix", [("json", ".json"), ("akn", ".xml")])
def test_each_file_is_the_single_export(tmp_path, texts, capsys, fmt, suffix):
    single = {}
    for t in texts:
        rc, _, err = run_kb(["export", str(t), "--format", fmt, "-o", str(tmp_path / f"one{suffix}")], tmp_path, capsys)
        assert rc == 0, err
        single[t.stem + suffix] = (tmp_path / f"one{suffix}").read_bytes()
    for jobs in ("2", "1"):
        out = tmp_path / f"many-{jobs}"
        rc, _, err = run_kb(["export", *map(str, texts), "--format", fmt, "-o", str(out), "--jobs", jobs],
                            tmp_path, capsys)
        assert rc == 0, err
        assert f"已写入 {len(texts)} 个文件到 {out}" in err
        assert sorted(p.name for p in out.iterdir()) == sorted(single)
        for name, data in single.items():
            assert (out / name).read_bytes() == data, (jobs, name)
    assert pool.JOBS is None            # --jobs holds for the command only


@pytest.mark.forks
def test_an_error_stops_at_its_text_whatever_the_processes(tmp_path, texts, capsys):
    bad = CORPUS / NO_ARTICLE
    if not bad.is_file():
        pytest.skip(f"语料中没有 {bad}")
    order = texts[:2] + [bad] + texts[2:]
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        rc, _, err = run_kb(["export", *map(str, order), "-o", str(out), "--jobs", jobs], tmp_path, capsys)
        assert rc == 2
        assert str(bad) in err and "没有找到任何条文" in err
        assert not out.exists()                 # nothing half-written
        old = tmp_path / f"old-{jobs}"          # a folder of an earlier export keeps its files as they were
        old.mkdir()
        (old / (texts[0].stem + ".json")).write_text("旧", encoding="utf-8")
        rc, _, err = run_kb(["export", *map(str, order), "-o", str(old), "--jobs", jobs], tmp_path, capsys)
        assert rc == 2 and str(bad) in err
        assert [(p.name, p.read_text(encoding="utf-8")) for p in old.iterdir()] == [(texts[0].stem + ".json", "旧")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old-1", "old-2"]     # no temporary folder left


@pytest.mark.forks
def test_a_file_that_cannot_be_written_stops_the_export(tmp_path, texts, capsys):
    """The files are written by a thread of their own while the next texts export: a file that cannot be
    written (its name one byte past the file system's limit) still stops the command with its path,
    exit 2, and leaves nothing, whatever the number of processes."""
    long = tmp_path / ("长" * 83 + "xx.txt")             # 251 bytes before .txt: the .json is 256
    long.write_bytes(texts[1].read_bytes())
    order = texts[:2] + [long] + texts[2:]
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        rc, _, err = run_kb(["export", *map(str, order), "-o", str(out), "--jobs", jobs], tmp_path, capsys)
        assert rc == 2 and long.stem in err and "Traceback" not in err, err
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [long.name]    # no temporary folder left


#: kb export in a process of its own (forking needs no other thread), with a worker that dies abruptly
#: (os._exit: as the out-of-memory killer or a crash in a C extension ends it) on one text
#: (argv: the kb package under test, the text, kb's arguments)
_CRASH = """
import os, sys
import kb
if os.path.realpath(kb.__file__) != sys.argv[1]:
    sys.exit(f"the child imported {kb.__file__}, not the kb under test {sys.argv[1]}")
import kb.cli.core as core
parent, real = os.getpid(), core._export_job
def dies(job):
    if os.getpid() != parent and str(job[0].spec).endswith(sys.argv[2]):
        os._exit(9)
    return real(job)
dies.__module__, dies.__qualname__ = "kb.cli.core", "_export_job"
core._export_job = dies
from kb.cli import main
sys.exit(main(sys.argv[3:]))
"""


def test_a_worker_that_dies_does_not_hang_the_export(tmp_path, texts, capsys):
    import subprocess
    import sys

    script = tmp_path / "crash.py"
    script.write_text(_CRASH, encoding="utf-8")
    rc, _, err = run_kb(["export", *map(str, texts), "-o", str(tmp_path / "one"), "--jobs", "1"], tmp_path, capsys)
    assert rc == 0, err
    out = tmp_path / "many"
    # the child imports the kb under test (run from tmp_path, a relative PYTHONPATH=src pointed nowhere and it
    # took the kb the interpreter has installed: another checkout's obligations, a byte diff of the export)
    p = subprocess.run([sys.executable, str(script), str(kb_under_test()), texts[2].name, "export",
                        *map(str, texts), "-o", str(out), "--jobs", "2"], cwd=tmp_path, capture_output=True, text=True,
                       timeout=300, env=child_env())
    assert p.returncode == 0, p.stderr
    assert "工作进程意外退出" in p.stderr and f"已写入 {len(texts)} 个文件" in p.stderr
    assert sorted(f.name for f in out.iterdir()) == sorted(f.name for f in (tmp_path / "one").iterdir())
    for f in out.iterdir():
        assert f.read_bytes() == (tmp_path / "one" / f.name).read_bytes(), f.name


def test_several_texts_need_a_folder_and_distinct_names(tmp_path, texts, capsys):
    rc, _, err = run_kb(["export", str(texts[0]), str(texts[1])], tmp_path, capsys)
    assert rc == 2 and "-o" in err
    (tmp_path / "f.json").write_text("x", encoding="utf-8")
    rc, _, err = run_kb(["export", str(texts[0]), str(texts[1]), "-o", str(tmp_path / "f.json")], tmp_path, capsys)
    assert rc == 2 and "应为目录" in err
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / texts[1].name).write_bytes(texts[1].read_bytes())
    rc, _, err = run_kb(["export", str(texts[1]), str(twin / texts[1].name), "-o", str(tmp_path / "o")],
                        tmp_path, capsys)
    assert rc == 2 and "同一个文件" in err and not (tmp_path / "o").exists()
    rc, _, err = run_kb(["export", str(texts[0]), str(texts[1]), "-r", "x", "-o", str(tmp_path / "o")],
                        tmp_path, capsys)
    assert rc == 2 and "--regulation" in err


def test_an_error_keeps_its_file_and_line_across_processes():
    e = pickle.loads(pickle.dumps(KbError("条号不连续", "a.md", 12)))
    assert (e.message, e.file, e.line, str(e)) == ("条号不连续", "a.md", 12, "a.md:12: 条号不连续")


@pytest.mark.forks
def test_one_process_for_few_documents_or_when_told(monkeypatch):
    monkeypatch.setattr(pool, "JOBS", None)
    monkeypatch.setenv("KB_JOBS", "3")
    assert pool.jobs(pool.MIN_ITEMS - 1) == 1
    assert pool.jobs(100) == 3
    monkeypatch.setenv("KB_JOBS", "1")
    assert pool.jobs(100) == 1
    with pool.using(2):
        assert pool.jobs(100) == 2
    assert pool.jobs(100) == 1
    monkeypatch.setenv("KB_JOBS", "2")
    monkeypatch.setattr(pool.threading, "active_count", lambda: 3)      # kb serve's watcher: no fork
    assert pool.jobs(100) == 1


def _square(x: int) -> int:
    if x == 7:
        raise KbError("七", f"{x}.md", x)
    return x * x


@pytest.mark.forks
def test_results_come_in_order_and_an_error_in_its_turn():
    assert list(pool.ordered_map(_square, range(6), 2)) == [x * x for x in range(6)]
    got = []
    with pytest.raises(KbError) as e:
        for r in pool.ordered_map(_square, range(12), 2):
            got.append(r)
    assert got == [x * x for x in range(7)] and (e.value.file, e.value.line) == ("7.md", 7)


class _BreaksOnSubmit:
    """An executor whose pool breaks after `ok` submissions, seen only when the next one is refused —
    what CI met when a worker died between one result and the next submission."""

    def __init__(self, ok: int, *a, **kw):
        from concurrent.futures import ThreadPoolExecutor
        self.ok, self.inner = ok, ThreadPoolExecutor(1)

    def submit(self, fn, x):
        from concurrent.futures.process import BrokenProcessPool
        if self.ok <= 0:
            raise BrokenProcessPool("a child process terminated abruptly")
        self.ok -= 1
        return self.inner.submit(fn, x)

    def shutdown(self, wait=True, cancel_futures=False):
        self.inner.shutdown(wait=wait, cancel_futures=cancel_futures)


@pytest.mark.parametrize("ok", [0, 3, 5])
def test_a_pool_that_refuses_new_work_falls_back_like_one_that_dies(monkeypatch, capsys, ok):
    import concurrent.futures

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", lambda *a, **kw: _BreaksOnSubmit(ok))
    assert list(pool.ordered_map(_square, range(7), 2, name=lambda x: f"{x}.md")) == [x * x for x in range(7)]
    assert "工作进程意外退出" in capsys.readouterr().err
