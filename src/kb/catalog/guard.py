"""What keeps a catalog whole: one build at a time, and no catalog opened that someone else
could have written.

:class:`BuildLock` — two builds of one catalog at once could lose it (one build's clean-up removing
the index the other is about to name in CURRENT), so a build holds ``<catalog>/lock``, an exclusive
``flock``.  The kernel releases it when its holder ends, however it ends (``kill -9`` included), so a
lock is never stale; on a file system without ``flock`` the lock file is created exclusively and
holds the builder's process id, and a lock whose process is gone is taken over (the stale-lock
rule).  A second build waits for the first (saying so), up to ``KB_LOCK_TIMEOUT`` seconds (600).

:func:`check_private` — opening a whoosh index unpickles its table of contents: whoever can write
the catalog's files can make kb run code.  A catalog is opened only when it, ``.kb/`` and the
folders between are writable by their owner alone, and that owner is the user running kb (or root).
"""
from __future__ import annotations

import errno
import os
import stat
import sys
import time
from pathlib import Path

from kb.errors import KbError, os_error
from kb.files import alive

DEFAULT_TIMEOUT_S = 600.0
#: the modes kb gives what it writes in a catalog: nobody but the owner writes
DIR_MODE, FILE_MODE = 0o755, 0o644


#: the descriptors of the locks this process holds: a process forked while one is held (kb.pool's workers)
#: closes its copy, so that a build killed while its workers finish is not still locked by them
_HELD: set[int] = set()


def _close_held_in_child() -> None:
    for fd in _HELD:
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_held_in_child)


class BuildLock:
    """``with BuildLock(folder):`` — the one build of the catalog in ``folder``."""

    def __init__(self, folder: Path, timeout: float | None = None, say=None):
        self.path = Path(folder) / "lock"
        self.timeout = timeout if timeout is not None else float(os.environ.get("KB_LOCK_TIMEOUT") or DEFAULT_TIMEOUT_S)
        self.say = say or (lambda msg: print(msg, file=sys.stderr, flush=True))
        self.fd: int | None = None
        self.flock = True

    def __enter__(self) -> "BuildLock":
        # never through a symbolic link (one planted as lock would have the builder truncate and
        # write its pid into whatever file it names) and never a FIFO or device (O_NONBLOCK: opening
        # one does not wait; it is refused below)
        flags = (os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        try:
            self.fd = os.open(self.path, flags, FILE_MODE)
        except OSError as e:
            if e.errno == errno.ELOOP or os.path.islink(self.path):
                raise KbError("检索目录的锁文件 lock 是符号链接，kb 不经它写入：删除它（rm .kb/catalog/lock）后重试",
                              str(self.path)) from None
            raise os_error(e, self.path, writing=True) from None
        st = os.fstat(self.fd)
        if not stat.S_ISREG(st.st_mode):
            os.close(self.fd)
            self.fd = None
            raise KbError("检索目录的锁文件 lock 不是普通文件（可能是命名管道或设备），kb 不使用它："
                          "删除它后重试", str(self.path))
        try:
            self._wait(self._try_flock)
        except _NoFlock:
            os.close(self.fd)
            self.fd, self.flock = None, False
            self._wait(self._try_file)
        if self.fd is not None:
            os.ftruncate(self.fd, 0)
            os.pwrite(self.fd, f"{os.getpid()}\n".encode(), 0)
            _HELD.add(self.fd)
        return self

    def __exit__(self, *exc) -> None:
        if self.flock and self.fd is not None:
            import fcntl

            _HELD.discard(self.fd)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
        elif not self.flock:
            try:
                os.unlink(self.path)
            except OSError:
                pass
        self.fd = None

    def holder(self) -> str:
        try:
            return self.path.read_text(encoding="ascii", errors="replace").strip() or "?"
        except OSError:
            return "?"

    def _wait(self, attempt) -> None:
        if attempt():
            return
        self.say(f"另一个 kb 进程（{self.holder()}）正在更新检索目录，等它完成……")
        deadline = time.monotonic() + self.timeout
        while not attempt():
            if time.monotonic() > deadline:
                raise KbError(f"等了 {self.timeout:.0f} 秒，另一个 kb 进程（{self.holder()}）仍在更新检索目录；"
                              f"它结束后再试（KB_LOCK_TIMEOUT 可调整等待时间）", str(self.path))
            time.sleep(0.1)

    def _try_flock(self) -> bool:
        import fcntl

        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError:                 # ENOLCK, EOPNOTSUPP: a file system without flock
            raise _NoFlock() from None

    def _try_file(self) -> bool:
        """The lock as a file created exclusively, holding its builder's pid."""
        try:
            fd = os.open(self.path.with_name("lock.pid"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            pid = self._pid_in(self.path.with_name("lock.pid"))
            if pid is not None and not alive(pid):       # its builder is gone: the lock is stale
                try:
                    os.unlink(self.path.with_name("lock.pid"))
                except OSError:
                    pass
            return False
        except OSError as e:
            raise os_error(e, self.path, writing=True) from None
        os.write(fd, f"{os.getpid()}\n".encode())
        os.close(fd)
        self.path = self.path.with_name("lock.pid")
        return True

    @staticmethod
    def _pid_in(path: Path) -> int | None:
        try:
            text = path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None


class _NoFlock(Exception):
    pass

def check_private(paths: list[Path], what: str = "检索目录") -> None:
    """Refuse (KbError) when any of ``paths`` could have been written by someone else than the
    user running kb: group- or world-writable, or owned by another user (root's files excepted)."""
    me = os.geteuid()
    for p in paths:
        try:
            st = os.stat(p)
        except OSError:
            continue                        # gone: opening it fails on its own, with its own message
        if st.st_uid not in (me, 0):
            raise KbError(f"{what}的文件属于另一个用户（uid {st.st_uid}），kb 不打开别人可写的{what}："
                          f"删除 .kb/catalog 后运行 kb index 重建", str(p))
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            who = "所有用户" if st.st_mode & stat.S_IWOTH else "同组用户"
            raise KbError(f"{what}可被{who}写入（权限 {stat.filemode(st.st_mode)}），kb 不打开别人可写的{what}"
                          f"（打开时会读取其中的序列化数据）：chmod go-w 或删除 .kb/catalog 后运行 kb index 重建",
                          str(p))


def make_private(folder: Path) -> None:
    """Give a folder of a catalog and everything in it kb's modes (only the owner writes)."""
    os.chmod(folder, DIR_MODE)
    for f in folder.iterdir():
        os.chmod(f, DIR_MODE if f.is_dir() else FILE_MODE)
