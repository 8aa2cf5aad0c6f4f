"""Writing a file all or nothing.

:func:`write_atomic` is how kb writes every file a user names (``-o``) or a project holds: the data
goes to an unnamed file in the same folder (O_TMPFILE; a named ``.kb-<pid>-….tmp`` where the file
system has none), which takes the old file's mode (and owner, when kb may give it) and is then
renamed over it, so a failure, Ctrl-C or ``kill -9`` leaves the old file whole and no temporary file
behind (a named one left by a killed kb is removed by the next write to that folder).  A symbolic
link is followed: the file it points to is replaced, the link stays.  A device or a FIFO
(/dev/null, /dev/stdout, a pipe) is written to, as the shell's ``>`` does; a directory or a socket
is refused.  A missing folder is refused too unless the caller makes folders (``make_dirs``): kb
does not create a path the user may have mistyped.  Every OSError is said in Chinese (KbError).
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import stat

from kb.errors import KbError, os_error


def write_atomic(path: str | os.PathLike, data, make_dirs: bool = False) -> None:
    """Put ``data`` (bytes, or an iterable of bytes written as they come) at ``path``, all or
    nothing (see the module docstring)."""
    path = os.fspath(path)
    target = os.path.realpath(path)            # through any symbolic links
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise os_error(e, path, writing=True) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise KbError("这是一个目录，不是文件：请给出文件名", path)
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode) or stat.S_ISBLK(st.st_mode):
            _write_through(data, target, path)
            return
        raise KbError("这不是普通文件（套接字等），不能写入", path)
    folder = os.path.dirname(target) or "."
    if make_dirs and not os.path.isdir(folder):
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as e:
            raise os_error(e, folder, writing=True) from None
    if not os.path.isdir(folder):
        what = "不是目录" if os.path.exists(folder) else "不存在"
        raise KbError(f"输出文件所在的目录{what}：{os.path.dirname(os.path.abspath(path))}", path)
    _replace(data, target, st, path)


def _write_through(data: bytes, target: str, path: str) -> None:
    try:
        with open(target, "wb") as f:
            _write_all(f, data)
    except OSError as e:
        raise os_error(e, path, writing=True) from None


#: a temporary file kb names while writing (only where the file system has no unnamed ones)
_TMP_NAME = re.compile(r"^\.kb-(\d+)-[A-Za-z0-9_]+\.tmp$")


def _replace(data: bytes, target: str, st, path: str) -> None:
    folder = os.path.dirname(target) or "."
    _remove_stale(folder)
    fd, named = _temporary(folder, path)
    try:
        try:
            with os.fdopen(fd, "wb") as f:
                _write_all(f, data)
                f.flush()
                if st is not None:      # the file keeps its mode (and owner, when kb may give it)
                    os.fchmod(f.fileno(), stat.S_IMODE(st.st_mode))
                    if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                        try:
                            os.fchown(f.fileno(), st.st_uid, st.st_gid)
                        except OSError:
                            pass
                os.fsync(f.fileno())
                if named is None:       # give the unnamed file a name, then put it in place
                    named = os.path.join(folder, f".kb-{os.getpid()}-{secrets.token_hex(4)}.tmp")
                    _link_unnamed(f.fileno(), named)
            os.replace(named, target)
            named = None
        except OSError as e:
            raise os_error(e, path, writing=True) from None
    finally:
        if named is not None:
            try:
                os.unlink(named)
            except OSError:
                pass


def _link_unnamed(fd: int, name: str) -> None:
    """Give the unnamed file ``fd`` the name ``name`` (linkat through /proc/self/fd, following
    the link: Python calls plain link(), which would not, unless a directory fd is given)."""
    fds = os.open("/proc/self/fd", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.link(str(fd), name, src_dir_fd=fds, follow_symlinks=True)
    finally:
        os.close(fds)


def _temporary(folder: str, path: str) -> tuple[int, str | None]:
    """(fd, None) of an unnamed file in ``folder`` (nothing stays if kb is killed), or (fd, name)
    of a named one where the file system cannot make unnamed files."""
    tmpfile = getattr(os, "O_TMPFILE", 0)
    if tmpfile and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(folder, tmpfile | os.O_WRONLY | getattr(os, "O_CLOEXEC", 0), 0o666), None
        except OSError as e:
            if e.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise os_error(e, path, writing=True) from None
    import tempfile

    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=f".kb-{os.getpid()}-", suffix=".tmp")
    except OSError as e:
        raise os_error(e, path, writing=True) from None
    # mkstemp makes the file private (0600); give it the mode an ordinary open() would
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
    return fd, name


def _remove_stale(folder: str) -> None:
    """Remove the named temporary files that a killed kb left in ``folder`` (their process gone)."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(".kb-") and n.endswith(".tmp")]
    except OSError:
        return
    for n in names:
        m = _TMP_NAME.match(n)
        if m and int(m.group(1)) != os.getpid() and not alive(int(m.group(1))):
            try:
                os.unlink(os.path.join(folder, n))
            except OSError:
                pass


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return True


def _write_all(f, data) -> None:
    if isinstance(data, (bytes, bytearray, memoryview)):
        f.write(data)
    else:
        for chunk in data:
            f.write(chunk)
