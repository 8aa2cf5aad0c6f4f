"""Faults and races (issue 18): what -o writes is all or nothing and lands where the user meant,
a kill leaves nothing behind, two builds of one catalog never lose it, a read-only or full disk is
said as such, and a catalog someone else could have written is never opened.

The kill and race tests run kb in processes of their own and kill them with SIGKILL; each takes a
few seconds.  A read-only or full disk is a small tmpfs mounted for the test (root only; elsewhere
the same faults are injected where kb writes)."""
from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_kb

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("第一章　总则\n第一条　为了规范社区治理，制定本条例。\n第二条　社区居民委员会应当协助街道办事处做好经费管理工作。\n"
        "第二章　保障\n第三条　市、县（市、区）人民政府应当将社区治理所需经费纳入本级财政预算。\n")


def kb(*args, cwd=None, env=None, timeout=120, **kw):
    e = dict(os.environ, PYTHONPATH=str(ROOT / "src"), KB_LAYER_CACHE="off", **(env or {}))
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env=e, timeout=timeout, **kw)


def start(*args, cwd=None) -> subprocess.Popen:
    e = dict(os.environ, PYTHONPATH=str(ROOT / "src"), KB_LAYER_CACHE="off")
    return subprocess.Popen([sys.executable, "-m", "kb.cli", *args], cwd=cwd, env=e,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def project(tmp: Path, text: str = TEXT, name: str = "demo") -> Path:
    d = tmp / "regulation" / name
    d.mkdir(parents=True)
    (d / "v1.txt").write_text(text, encoding="utf-8")
    (d / "meta.yml").write_text("title: 示范条例\nversions:\n  - name: v1\n    file: v1.txt\n", encoding="utf-8")
    (tmp / "mkdocs.yml").write_text("site_name: 示范\nplugins:\n  - kb\n", encoding="utf-8")
    return tmp


def run(args, capsys, cwd=None) -> tuple[int, str, str]:
    return run_kb(args, cwd or os.getcwd(), capsys)


@contextlib.contextmanager
def tmpfs(path: Path, size: str = "4m", readonly: bool = False):
    """A small tmpfs at ``path`` (a disk that fills up, or a read-only one)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("挂载 tmpfs 需要 root 权限（模拟只读或写满的磁盘）")
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if p.returncode != 0:
        pytest.skip(f"无法挂载 tmpfs：{p.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount_readonly(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)


# ------------------------------------------------------------------ -o

def test_output_keeps_mode_follows_links_and_writes_through_devices(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    rc, _, err = run(["export", str(src), "-o", str(out)], capsys)
    assert rc == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and json.loads(out.read_text(encoding="utf-8"))
    link = tmp_path / "link.json"
    link.symlink_to(out)
    out.write_text("old", encoding="utf-8")
    rc, _, err = run(["export", str(src), "-o", str(link)], capsys)
    assert rc == 0 and link.is_symlink() and json.loads(out.read_text(encoding="utf-8"))
    rc, _, err = run(["export", str(src), "-o", "/dev/null"], capsys)
    assert rc == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "link.json", "out.json"]


@pytest.mark.parametrize("where, message", [
    ("dir", "这是一个目录"),
    ("under-file", "路径中有一段不是目录"),
    ("missing-dir", "输出文件所在的目录不存在"),
])
def test_output_to_a_place_that_is_no_file(tmp_path, capsys, where, message):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    target = {"dir": tmp_path, "under-file": src / "x.json", "missing-dir": tmp_path / "no" / "such" / "x.json"}[where]
    rc, _, err = run(["export", str(src), "-o", str(target)], capsys)
    assert rc == 2 and message in err and "Traceback" not in err, err
    assert not (tmp_path / "no").exists()


def test_binary_output_to_stdout_is_refused(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT, encoding="utf-8")
    b.write_text(TEXT.replace("经费", "资金"), encoding="utf-8")
    rc, out, err = run(["diff", str(a), str(b), "--format", "docx", "-o", "-"], capsys)
    assert rc == 2 and "不能写到标准输出" in err and out == ""
    rc, out, err = run(["matrix", str(a), "--format", "xlsx", "-o", "-"], capsys)
    assert rc == 2 and "不能写到标准输出" in err


def test_output_in_a_read_only_place(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    with tmpfs(tmp_path / "ro") as ro:
        (ro / "old.json").write_text("old", encoding="utf-8")
        remount_readonly(ro)
        rc, _, err = run(["export", str(src), "-o", str(ro / "old.json")], capsys)
        assert rc == 2 and "只读" in err and "Traceback" not in err
        assert (ro / "old.json").read_text(encoding="utf-8") == "old"


def test_output_on_a_full_disk_leaves_the_old_file(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(TEXT * 400, encoding="utf-8")
    with tmpfs(tmp_path / "full", size="64k") as full:
        (full / "out.json").write_text("old", encoding="utf-8")
        rc, _, err = run(["export", str(src), "-o", str(full / "out.json")], capsys)
        assert rc == 2 and "磁盘已满" in err and "Traceback" not in err
        assert [p.name for p in full.iterdir()] == ["out.json"]
        assert (full / "out.json").read_text(encoding="utf-8") == "old"


def test_kill_during_output_leaves_old_file_whole_and_no_temporary_file(tmp_path):
    """kill -9 at several moments of a long export -o: the file is the old one or the whole new
    one, and no temporary file stays (the new one is written unnamed and named when whole)."""
    src = tmp_path / "big.txt"
    src.write_text("".join(f"第{i}条　社区居民委员会应当依照第{max(1, i - 1)}条做好第{i}项工作。\n" for i in range(1, 3001)),
                   encoding="utf-8")
    out = tmp_path / "out" / "big.json"
    out.parent.mkdir()
    out.write_text('{"old": true}', encoding="utf-8")
    killed = 0
    for delay in (0.3, 0.8, 1.5, 2.5):
        p = start("export", str(src), "-o", str(out))
        time.sleep(delay)
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            killed += 1
        p.communicate()
        data = json.loads(out.read_text(encoding="utf-8"))
        assert data == {"old": True} or len(data["articles"]) == 3000
        assert [f.name for f in out.parent.iterdir()] == ["big.json"]
    assert killed, "the export was too quick to be killed: make the text longer"


def test_sigterm_during_output_cleans_up(tmp_path):
    src = tmp_path / "big.txt"
    src.write_text("".join(f"第{i}条　居民应当遵守第{i}项规定。\n" for i in range(1, 3001)), encoding="utf-8")
    out = tmp_path / "out.json"
    p = start("export", str(src), "-o", str(out))
    time.sleep(1.0)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=60)
    # -15: kb stopped on the signal, cleaned up and passed the signal on (code review 23 item 9), or the signal came
    # while Python was still starting, before kb's handler (nothing written yet); 0: the export had finished
    assert p.returncode in (0, -signal.SIGTERM), err
    assert "Traceback" not in err
    assert [f.name for f in tmp_path.iterdir() if f.name != "big.txt"] in ([], ["out.json"])


def test_sigterm_during_an_in_process_call_stops_the_caller_too(tmp_path):
    """Code review 23 item 9: a program (a test runner, a script) that calls kb's main in-process is stopped by a SIGTERM
    as any program is; kb cleans up and passes the signal on instead of returning 143 and letting its caller run on
    (pytest under `timeout` or a CI cancel kept going, and the next test failed on a command that returned 143)."""
    src = tmp_path / "t.txt"
    src.write_text("".join(f"第{i}条　居民应当遵守第{i}项规定。\n" for i in range(1, 301)), encoding="utf-8")
    code = ("import os, signal, threading, sys\n"
            "from kb.cli import main\n"
            "threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGTERM)).start()\n"
            f"for i in range(400):\n    main(['export', {str(src)!r}, '-o', {str(tmp_path / 'o.json')!r}])\n"
            "print('CONTINUED', flush=True)\n")
    e = dict(os.environ, PYTHONPATH=str(ROOT / "src"), KB_LAYER_CACHE="off")
    p = subprocess.run([sys.executable, "-c", code], env=e, capture_output=True, text=True, timeout=600)
    assert "CONTINUED" not in p.stdout
    assert p.returncode == -signal.SIGTERM, p.stderr[-2000:]
    assert "Traceback" not in p.stderr
    assert not [f for f in tmp_path.iterdir() if f.name.startswith(".") or f.suffix == ".tmp"]


# ------------------------------------------------------------------ the catalog

def test_racing_builds_never_lose_the_catalog(tmp_path):
    import fcntl

    proj = project(tmp_path)
    cat = proj / ".kb" / "catalog"
    cat.mkdir(parents=True)
    # the race is made certain, not left to the machine's load: the test holds the build lock until all three
    # builds have reached it and said that they wait (three runs started together need not overlap on a busy machine)
    errs = [tmp_path / f"err{i}.txt" for i in range(3)]
    e = dict(os.environ, PYTHONPATH=str(ROOT / "src"), KB_LAYER_CACHE="off")
    with open(cat / "lock", "a+") as held, contextlib.ExitStack() as files:
        fcntl.flock(held, fcntl.LOCK_EX)
        procs = [subprocess.Popen([sys.executable, "-m", "kb.cli", "index", "--full"], cwd=proj, env=e,
                                  stdout=subprocess.DEVNULL, stderr=files.enter_context(f.open("w")))
                 for f in errs]
        deadline = time.monotonic() + 240
        while not all("正在更新检索目录" in f.read_text(encoding="utf-8") for f in errs):
            assert time.monotonic() < deadline and all(p.poll() is None for p in procs), \
                [f.read_text(encoding="utf-8") for f in errs]
            time.sleep(0.2)
        fcntl.flock(held, fcntl.LOCK_UN)
    for p in procs:
        p.wait(timeout=300)
    results = [f.read_text(encoding="utf-8") for f in errs]
    assert all(p.returncode == 0 for p in procs), results
    current = (cat / "CURRENT").read_text(encoding="utf-8").strip()
    assert (cat / current / "manifest.json").is_file()
    r = kb("search", "经费", "--format", "json", cwd=proj)
    assert r.returncode == 0 and json.loads(r.stdout)["count"] >= 1


def test_kill_during_build_keeps_catalog_and_next_build_cleans_up(tmp_path):
    proj = project(tmp_path)
    assert kb("index", cwd=proj).returncode == 0
    cat = proj / ".kb" / "catalog"
    (cat / "CURRENT.99999999.tmp").write_text("ix-0\n", encoding="utf-8")    # as a kill mid-switch leaves it
    for delay in (0.5, 1.2, 2.0):
        p = start("index", "--full", cwd=proj)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.communicate()
        r = kb("search", "经费", "--format", "json", cwd=proj)
        assert r.returncode == 0 and json.loads(r.stdout)["count"] >= 1, r.stderr
    r = kb("index", cwd=proj, timeout=60)          # the lock of a killed build is not in the way
    assert r.returncode == 0 and "正在更新检索目录" not in r.stderr
    names = sorted(p.name for p in cat.iterdir())
    assert not [n for n in names if n.startswith("tmp-") or n.endswith(".tmp")], names
    assert len([n for n in names if n.startswith("ix-")]) <= 2


def test_index_on_a_read_only_or_full_disk_says_so(tmp_path):
    with tmpfs(tmp_path / "disk", size="8m") as disk:
        proj = project(disk)
        remount_readonly(disk)
        r = kb("index", cwd=proj)
        assert r.returncode == 2 and "只读" in r.stderr and "Traceback" not in r.stderr
        # searching a read-only project with no catalog: the catalog is built in a temporary folder
        r = kb("search", "经费", "--format", "json", cwd=proj)
        assert r.returncode == 0 and json.loads(r.stdout)["count"] >= 1 and "临时文件夹" in r.stderr
    with tmpfs(tmp_path / "small", size="200k") as small:
        proj = project(small, TEXT * 60)
        r = kb("index", cwd=proj)
        assert r.returncode == 2 and "磁盘已满" in r.stderr and "Traceback" not in r.stderr


def test_a_catalog_others_could_write_is_not_opened(tmp_path):
    proj = project(tmp_path)
    assert kb("index", cwd=proj).returncode == 0
    cat = proj / ".kb" / "catalog"
    ix = cat / (cat / "CURRENT").read_text(encoding="utf-8").strip()
    toc = next(f for f in ix.iterdir() if f.name != "manifest.json")     # the engine's index file
    assert not any(f.stat().st_mode & 0o022 for f in [proj / ".kb", cat, *ix.iterdir()])
    toc.chmod(0o666)
    r = kb("search", "经费", cwd=proj)
    assert r.returncode == 2 and "所有用户" in r.stderr and "不打开" in r.stderr
    r = kb("index", cwd=proj)                       # a build does not open it either: it builds anew
    assert r.returncode == 0 and "重新建立" in r.stderr
    assert kb("search", "经费", cwd=proj).returncode == 0


def test_a_catalog_folder_others_could_write_is_rebuilt_not_opened(tmp_path):
    """kb index makes a group- or world-writable .kb/ or .kb/catalog private again, and what others
    could have written in it meanwhile is not opened: the whole catalog is built anew."""
    proj = project(tmp_path)
    assert kb("index", cwd=proj).returncode == 0
    for d in (proj / ".kb" / "catalog", proj / ".kb"):
        d.chmod(0o777)
        r = kb("index", cwd=proj)
        assert r.returncode == 0 and "重新建立整个检索目录" in r.stderr and "所有用户" in r.stderr, r.stderr
        assert not d.stat().st_mode & 0o022
        r = kb("index", cwd=proj)                   # private again: an ordinary incremental build
        assert r.returncode == 0 and "重新建立" not in r.stderr, r.stderr


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_a_planted_lock_is_not_written_through(tmp_path, kind):
    """<catalog>/lock planted as a symbolic link to another file (or as a FIFO): kb index neither
    truncates nor writes its pid into the file it names, nor waits on it; it says why (exit 2)."""
    proj = project(tmp_path)
    assert kb("index", cwd=proj).returncode == 0
    lock = proj / ".kb" / "catalog" / "lock"
    lock.unlink()
    victim = tmp_path / "victim"
    victim.write_text("precious\n", encoding="utf-8")
    if kind == "symlink":
        lock.symlink_to(victim)
    else:
        os.mkfifo(lock)
    r = kb("index", "--full", cwd=proj, timeout=60)
    assert r.returncode == 2 and "lock" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert ("符号链接" if kind == "symlink" else "不是普通文件") in r.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"
    lock.unlink()
    assert kb("index", cwd=proj).returncode == 0


# ------------------------------------------------------------------ queries

def test_not_word_written_with_a_minus_sign(tmp_path):
    proj = project(tmp_path)
    assert kb("index", cwd=proj).returncode == 0
    both = json.loads(kb("search", "社区", "--format", "json", cwd=proj).stdout)["count"]
    r = kb("search", "社区", "-经费", "--format", "json", cwd=proj)
    assert r.returncode in (0, 1) and "No such option" not in r.stderr and "没有该选项" not in r.stderr, r.stderr
    assert json.loads(r.stdout)["count"] < both if r.returncode == 0 else True


def test_query_that_is_not_utf8(tmp_path):
    proj = project(tmp_path)
    assert kb("index", cwd=proj).returncode == 0
    e = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    p = subprocess.run([sys.executable.encode(), b"-m", b"kb.cli", b"search", b"\xff\xfe\xe7\xbb"], cwd=proj,
                       capture_output=True, env=e, timeout=120)
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == 2 and "无法解码" in err and "Traceback" not in err


def test_catalog_search_refuses_what_is_no_text(tmp_path):
    from kb.catalog import open_catalog
    from kb.errors import KbError

    proj = project(tmp_path)
    cat = open_catalog(proj)
    cat.build()
    for q in ["\udcff社区", b"\xff\xfe", "社区\ud800", 42]:
        with pytest.raises(KbError):
            cat.search(q)
    assert cat.search(b"\xe7\xbb\x8f\xe8\xb4\xb9")          # UTF-8 bytes are a query too


# ------------------------------------------------------------------ meta.yml

@pytest.mark.parametrize("versions, message", [
    ("  - name: v1\n    file: ../../outside.txt\n", "不在本法规的文件夹中"),
    ("  - name: v1\n    file: /etc/hostname\n", "不在本法规的文件夹中"),
    ("  - name: v1\n    file: link.txt\n", "指向本法规文件夹之外"),
    ("  - name: ../../x\n    file: v1.txt\n", "版本名“../../x”不可用"),
    ("  - name: .hidden\n    file: v1.txt\n", "版本名“.hidden”不可用"),
    ("  - name: \"javascript:alert('x')<!--\"\n    file: v1.txt\n", "版本名“javascript:alert('x')<!--”不可用"),
    ("  - name: v1\n    file: v1.txt\n    amended_by: ../../outside.txt\n",
     "amended_by“../../outside.txt”不在本法规的文件夹中"),
    ("  - name: v1\n    file: v1.txt\n    amended_by: /etc/hostname\n", "amended_by“/etc/hostname”不在本法规的文件夹中"),
    ("  - name: v1\n    file: v1.txt\n    amended_by: link.txt\n", "amended_by“link.txt”经符号链接指向本法规文件夹之外"),
])
def test_meta_paths_stay_in_the_regulation_folder(tmp_path, capsys, versions, message):
    proj = project(tmp_path)
    (tmp_path / "outside.txt").write_text(TEXT, encoding="utf-8")
    d = proj / "regulation" / "demo"
    (d / "link.txt").symlink_to(tmp_path / "outside.txt")
    (d / "meta.yml").write_text("title: 示范条例\nversions:\n" + versions, encoding="utf-8")
    rc, _, err = run(["parse"], capsys, cwd=proj)
    assert rc == 2 and message in err and "Traceback" not in err, err
    rc, _, err = run(["-r", "../..", "parse"] if False else ["parse", "-r", "../regulation"], capsys, cwd=proj)
    assert rc == 2 and "法规名" in err


@pytest.mark.parametrize("name", ["javascript:alert('x')<!--", "a?b", "a#b", "100%", 'x"y', "a&b"])
def test_a_regulation_folder_name_that_is_no_plain_url_path_is_refused(tmp_path, capsys, name):
    """A folder under regulation/ becomes an address of the site: javascript:alert('x')<!-- was a
    clickable script link on the home page."""
    proj = project(tmp_path, name=name)
    rc, _, err = run(["parse"], capsys, cwd=proj)
    assert rc == 2 and f"法规名“{name}”不可用" in err and "Traceback" not in err, err
    rc, _, err = run(["build", "-d", str(tmp_path / "site")], capsys, cwd=proj)
    assert rc == 2 and f"法规名“{name}”不可用" in err and not (tmp_path / "site" / "index.html").exists(), err


def test_site_links_never_carry_a_scheme():
    """Every link between pages goes through one quoting function: a name that held a scheme's colon
    or markup would still be a path on this site."""
    from kb.site.urls import relative, url_path

    assert relative("javascript:alert('x')<!--/v1/", "") == "javascript%3Aalert(%27x%27)%3C!--/v1/"
    assert relative("a/b:c/#art_1", "a/x/") == "../b%3Ac/#art_1"
    assert url_path("北京市城乡规划条例/2019-04-23/") == "北京市城乡规划条例/2019-04-23/"       # unchanged
    assert url_path("刑事诉讼法(2018-10-26)/v1/") == "刑事诉讼法(2018-10-26)/v1/"


# ------------------------------------------------------------------ XML outputs and the site's folder

def site_project(tmp: Path, text: str = TEXT) -> Path:
    """A project that kb build can build (the repository's templates and theme)."""
    sys.path.insert(0, str(ROOT / "tests" / "site"))
    from test_site import make_project

    proj = make_project(tmp, {})
    d = proj / "regulation" / "demo"
    d.mkdir(parents=True)
    (d / "v1.txt").write_text(text, encoding="utf-8")
    (d / "meta.yml").write_text("title: 示范条例\nversions:\n  - name: v1\n    file: v1.txt\n", encoding="utf-8")
    return proj


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\ufffe", "\uffff"])
def test_a_character_xml_cannot_hold_is_said_not_dropped(tmp_path, capsys, char):
    """AKN, the Word 对照表 and the site are XML: a text with U+0001 (or an escape, U+FFFE,
    U+FFFF) is refused naming its file and line, the same way everywhere; JSON keeps it."""
    text = TEXT.replace("做好经费", f"做好{char}经费")
    src = tmp_path / "t.txt"
    src.write_text(text, encoding="utf-8")
    want = f"{src}:3: "
    code = f"U+{ord(char):04X}"
    rc, _, err = run(["export", "--format", "akn", str(src)], capsys)
    assert rc == 2 and want in err and code in err and "Traceback" not in err, err
    rc, _, err = run(["diff", "--format", "docx", str(src), str(src), "-o", str(tmp_path / "d.docx")], capsys)
    assert rc == 2 and want in err and code in err and not (tmp_path / "d.docx").exists(), err
    rc, out, _ = run(["export", str(src)], capsys)
    assert rc == 0 and (char in out or f"\\u{ord(char):04x}" in out)             # JSON keeps it, escaped
    proj = site_project(tmp_path / "p", text)
    rc, _, err = run(["build", "-d", str(tmp_path / "site")], capsys, cwd=proj)
    assert rc == 2 and f"{proj / 'regulation' / 'demo' / 'v1.txt'}:3: " in err and code in err, err
    assert "Traceback" not in err


def test_build_into_a_path_under_a_file_or_without_permission_says_so(tmp_path, capsys, monkeypatch):
    proj = site_project(tmp_path / "p")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    rc, _, err = run(["build", "-d", str(tmp_path / "file" / "site")], capsys, cwd=proj)
    assert rc == 2 and "不是目录" in err and "Traceback" not in err, err
    import shutil

    def denied(src, dst, *a, **kw):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))
    monkeypatch.setattr(shutil, "copyfile", denied)             # as a folder the user may not write
    rc, _, err = run(["build", "--force", "-d", str(tmp_path / "site")], capsys, cwd=proj)
    assert rc == 2 and "没有写入权限" in err and str(tmp_path / "site") in err and "Traceback" not in err, err


def test_build_on_a_full_or_read_only_disk_says_so(tmp_path, capsys):
    proj = site_project(tmp_path / "p")
    with tmpfs(tmp_path / "small", size="300k") as small:
        rc, _, err = run(["build", "-d", str(small / "site")], capsys, cwd=proj)
        assert rc == 2 and "磁盘已满" in err and "Traceback" not in err, err
    with tmpfs(tmp_path / "ro", size="1m") as ro:
        remount_readonly(ro)
        rc, _, err = run(["build", "--force", "-d", str(ro / "site")], capsys, cwd=proj)
        assert rc == 2 and "只读" in err and "Traceback" not in err, err
