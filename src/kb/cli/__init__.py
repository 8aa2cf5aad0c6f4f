"""The ``kb`` command.  Subcommands live in their own modules and are imported only
when invoked (``COMMANDS``), so ``kb --help`` and ``kb search`` start fast.

Exit codes: 0 success; 1 ran fine but found nothing / a check failed; 2 bad input
or usage (message names the file and line).
"""
from __future__ import annotations

import importlib
import os
import signal
import sys

import click

from kb.cli.chinese import ChineseGroup, show_error
from kb.errors import KbError

#: command name -> "module:function" (a click.Command)
COMMANDS = {
    "parse": "kb.cli.core:parse_cmd",
    "toc": "kb.cli.core:toc_cmd",
    "show": "kb.cli.core:show_cmd",
    "export": "kb.cli.core:export_cmd",
    "bench": "kb.dev.bench:bench_cmd",
    "define": "kb.cli.links:define_cmd",
    "refs": "kb.cli.links:refs_cmd",
    "build": "kb.cli.site:build_cmd",
    "serve": "kb.cli.site:serve_cmd",
    "diff": "kb.cli.diff:diff_cmd",
    "amend": "kb.cli.amend:amend_cmd",
    "index": "kb.cli.search:index_cmd",
    "search": "kb.cli.search:search_cmd",
    "obligations": "kb.cli.obligations:obligations_cmd",
    "matrix": "kb.cli.obligations:matrix_cmd",
    "actors": "kb.cli.obligations:actors_cmd",
    "score-obligations": "kb.dev.score_obligations:score_cmd",
    "score-links": "kb.dev.score_links:score_cmd",
    "score-align": "kb.dev.score_align:score_cmd",
    "check": "kb.cli.check:check_cmd",
    "score-check": "kb.dev.score_check:score_cmd",
    "score-amend": "kb.dev.score_amend:score_cmd",
    "add": "kb.cli.add:add_cmd",
    "related": "kb.cli.related:related_cmd",
    "score-related": "kb.dev.score_related:score_cmd",
    "score-repeat": "kb.dev.score_repeat:score_cmd",
}

#: one-line Chinese help shown by ``kb --help`` without importing the module
SUMMARIES = {
    "parse": "解析一个文本并显示摘要（标题、状态、章、条、警告）",
    "toc": "显示目录",
    "show": "显示一条（或一款、一项）",
    "export": "导出解析结果（JSON 等）",
    "bench": "性能基准测试",
    "define": "显示术语定义、出处和使用次数",
    "refs": "显示一条引用了什么、被什么引用",
    "build": "生成网站 site/（页面、站内检索、下载文件），并刷新检索目录",
    "serve": "本地预览网站，改动原文后自动刷新",
    "diff": "比较两个版本：条文对齐、逐字修改、新旧对照表、义务变化；--as decision 起草修改决定",
    "amend": "把修改决定或修正案应用于法规：修改后的文本、修改清单，可登记为新版本",
    "index": "建立或更新检索目录（增量、原子替换）",
    "search": "全文检索条文、款项、定义和义务",
    "obligations": "列出义务、禁止、授权、鼓励、追责和责任条款（可按主体、情态、条筛选）",
    "matrix": "义务矩阵：主体 × 情态/章/条（表格、CSV、JSON、Markdown、XLSX）",
    "actors": "参与主体词表和条款数；--unknown 列出词表外的新主体",
    "score-obligations": "用人工标注给义务抽取打分（P/R/F1）",
    "score-links": "用人工标注给定义、术语使用和引用打分（P/R/F1）",
    "score-align": "用人工对齐给版本对照的条文对齐打分（P/R/F1）",
    "check": "按立法技术规范审校文本：结构、引用、术语、义务、格式（表格、JSON、SARIF、HTML、DOCX）",
    "score-check": "kb check 的准确率：人工判定的精确率、植入错误的召回率（P/R/F1）",
    "score-amend": "修改决定的往返（语料版本对，留出的除外）与真实修正案核对",
    "add": "把文本加入知识库：一个文件作为某法规的一个版本，或导入整个目录（语料）",
    "related": "一条的相关条文：上位法依据、同类立法、本法规其他版本",
    "score-related": "用人工标注给相关条文打分（P@1、R@3，调参集与留出集分开）",
    "score-repeat": "用人工标注给重复上位法检查打分（P/R/F1）",
}


class PipeClosed(BaseException):
    """The reader of kb's output went away (``kb search … | head -2``).  A BaseException, so that
    click's own handling of a broken pipe (which ends the command with exit code 1, the code for
    "nothing found") does not take it: ``kb`` stops quietly with exit code 0, as ``grep … | head``
    does when the reader has what it wanted (README: 退出码) -- or with the code the command had
    already decided (``decided``): ``kb check | head`` still exits 1 when there are findings."""

    @property
    def exit_code(self) -> int:
        return self.args[0] if self.args else 0


_DECIDED = "kb.exit_code"


def decided(ctx: click.Context, rc: int) -> None:
    """A command whose exit code carries its result (kb check: findings → 1) says so before it writes
    the result, so that a reader going away in the middle does not turn it into 0."""
    ctx.meta[_DECIDED] = rc


class LazyGroup(ChineseGroup):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise PipeClosed(ctx.meta.get(_DECIDED, 0)) from None

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        mod, _, attr = target.partition(":")
        return getattr(importlib.import_module(mod), attr)

    def format_commands(self, ctx, formatter):
        rows = [(n, SUMMARIES.get(n, "")) for n in self.list_commands(ctx)]
        with formatter.section("命令"):
            formatter.write_dl(rows)


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.option("--root", type=click.Path(file_okay=False), default=None,
              help="项目根目录（含 mkdocs.yml）；默认从当前目录向上查找")
@click.option("--max-input-mb", type=click.FloatRange(min=0, min_open=True), default=None,
              help="读取原文的大小上限（兆字节，默认 10；也可用环境变量 KB_MAX_INPUT_MB）")
@click.version_option(package_name="kb", message="kb %(version)s", help="显示 kb 的版本号并退出")
@click.pass_context
def cli(ctx, root, max_input_mb):
    """kb：中国法规知识库（解析、检索、义务矩阵、版本对照、网站）。"""
    from kb.outputs.screen import install

    # (main() has put them there already; a caller invoking the group itself, as click's test
    # runner does, gets them here, colouring as its context says)
    ctx.call_on_close(install(lambda stream: not click.utils.should_strip_ansi(stream, ctx.color)))
    ctx.ensure_object(dict)
    ctx.obj["root"] = root
    if max_input_mb is not None:        # read by kb.text.sources (and by a build's mkdocs plugin)
        os.environ["KB_MAX_INPUT_MB"] = repr(max_input_mb)


def main(argv=None) -> int:
    """Run kb; what it prints for people goes through kb.outputs.screen.SafeStream, so a
    source's terminal control sequences are shown, never obeyed."""
    from kb.outputs.screen import install

    restore = install()
    signals = _on_termination()
    rc = 0
    stopped = None
    try:
        rc = _main(argv)
        try:
            sys.stdout.flush()      # what is still buffered meets a closed pipe here, not at exit
        except BrokenPipeError:     # (the command's own exit code stands)
            _quiet_stdout()
        return rc
    except PipeClosed as e:
        _quiet_stdout()
        return e.exit_code
    except BrokenPipeError:         # met outside a command's invoke (click's own writing)
        _quiet_stdout()
        return rc
    except Terminated as e:
        click.echo(f"已终止（信号 {e.args[0]}）", err=True)
        stopped = e.args[0]
        return 128 + e.args[0]
    finally:
        restore()
        for sig, handler in signals.items():
            signal.signal(sig, handler)
        if stopped is not None:
            # what kb was writing is cleaned up by now; the signal goes on to whoever called kb (the process's own
            # disposition: a shell, a test runner or a CI cancel sees a process stopped by it, not a command that
            # returned 143 and let its caller run on — code review 23 item 9)
            os.kill(os.getpid(), stopped)


def _quiet_stdout() -> None:
    """stdout's reader is gone: what is left in its buffer goes to /dev/null, so that Python's own
    flush at exit does not fail again and print a traceback (the way Python's documentation gives
    for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class Terminated(BaseException):
    """SIGTERM or SIGHUP: kb stops as on Ctrl-C, so that what it was writing is removed (a
    temporary file, a half-built index) and nothing half-written is left."""


def _on_termination() -> dict:
    def stop(signum, frame):
        raise Terminated(signum)

    old = {}
    for sig in (signal.SIGTERM, signal.SIGHUP):
        try:
            old[sig] = signal.signal(sig, stop)
        except (ValueError, OSError):       # not the main thread
            pass
    return old


def _main(argv) -> int:
    try:
        rc = cli.main(args=argv, prog_name="kb", standalone_mode=False)
        # a command ending with ctx.exit(n) returns n here (standalone_mode=False)
        if type(rc) is int:
            return rc
    except KbError as e:
        click.echo(f"错误：{e}", err=True)
        return 2
    except click.exceptions.Abort:
        click.echo("已中止", err=True)
        return 130
    except click.ClickException as e:
        show_error(e)
        return 2 if e.exit_code in (1, 2) else e.exit_code
    except click.exceptions.Exit as e:
        return e.exit_code
    except KeyboardInterrupt:
        click.echo("已中断", err=True)
        return 130
    return 0


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
