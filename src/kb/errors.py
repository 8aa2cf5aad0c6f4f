"""The one exception kb raises for bad input; the CLI turns it into exit code 2."""
from __future__ import annotations


class KbError(Exception):
    """A user-facing error: names the file (and line when it helps)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __reduce__(self):
        # whole, with its file and line, when a worker process (kb.pool) hands it to the command
        return type(self), (self.message, self.file, self.line)

    def __str__(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}: {self.message}"
        if self.file:
            return f"{self.file}: {self.message}"
        return self.message


class UnwritableError(KbError):
    """A file or folder kb had to write could not be written (read-only or full disk, no
    permission): callers that can go on elsewhere (a catalog in a temporary folder) catch it."""


#: what an OSError's errno means, said to a reader (kb's messages are in Chinese)
_READING = {
    "ENOENT": "文件不存在",
    "EACCES": "没有读取权限",
    "EPERM": "没有读取权限",
    "ELOOP": "符号链接形成循环（链接最终指回自己），无法读取",
    "ENOTDIR": "路径中有一段不是目录",
    "ENAMETOOLONG": "路径过长",
    "EISDIR": "这是一个目录，不是文件",
    "EIO": "读取时发生输入输出错误（磁盘或网络文件系统故障）",
    "ENXIO": "这是没有对应设备的特殊文件（如套接字），不是普通文件",
}
_WRITING = {
    "ENOENT": "所在目录不存在",
    "EACCES": "没有写入权限",
    "EPERM": "没有写入权限",
    "EROFS": "所在的文件系统是只读的",
    "ENOSPC": "磁盘已满",
    "EDQUOT": "超出磁盘配额",
    "EFBIG": "文件超过系统允许的大小",
    "ENOTDIR": "路径中有一段不是目录（是一个文件）",
    "EISDIR": "这是一个目录，不是文件",
    "ELOOP": "符号链接形成循环",
    "ENAMETOOLONG": "路径过长",
    "EIO": "写入时发生输入输出错误（磁盘或网络文件系统故障）",
    "EXDEV": "不能跨文件系统改名",
}


def os_error(e: OSError, path=None, writing: bool = False) -> KbError:
    """A KbError saying in Chinese what went wrong reading (or ``writing``) a file."""
    import errno

    name = errno.errorcode.get(e.errno or 0, "")
    table = _WRITING if writing else _READING
    what = table.get(name) or (f"无法写入（{e.strerror or e}）" if writing else f"无法读取（{e.strerror or e}）")
    where = path if path is not None else (e.filename if e.filename is not None else None)
    return (UnwritableError if writing else KbError)(what, None if where is None else str(where))


def run_tool(main) -> int | None:
    """Run a ``python -m kb.dev.…`` tool's ``main``: a KbError ends it as it ends a kb command — 错误：file:line: message
    on stderr, exit 2 — not as a traceback (code review 27 finding 6)."""
    import sys

    try:
        return main()
    except KbError as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
