"""``kb bench``: performance benchmarks (not part of the test run).

Each subcommand lives in its own module ``kb.dev.bench_<topic>`` with a ``run()`` function that
prints its figure beside a baseline measured in the same run.  Modules are imported only
when their subcommand runs; one that does not exist yet gives a clear message.
"""
from __future__ import annotations

import importlib
import inspect
import re

import click

from kb.cli.chinese import ChineseGroup
from kb.errors import KbError

#: subcommand -> "module:function"
BENCHES = {
    "parse": "kb.dev.bench_parse:run",
    "search": "kb.dev.bench_search:run",
    "index": "kb.dev.bench_index:run",
    "diff": "kb.dev.bench_diff:run",
    "site": "kb.dev.bench_site:run",
    "links": "kb.dev.bench_links:run",
    "obligations": "kb.dev.bench_obligations:run",
    "check": "kb.dev.bench_check:run",
    "amend": "kb.dev.bench_amend:run",
    "export": "kb.dev.bench_export:run",
    "related": "kb.dev.bench_related:run",
    "linear": "kb.dev.bench_linear:run",
    "memory": "kb.dev.bench_memory:run",
}

SUMMARIES = {
    "parse": "解析整个共享语料，报告 MB/s（与纯正则扫描对比）",
    "search": "检索性能",
    "index": "kb index 建立整个语料的检索目录：用时、CPU、峰值内存、大小（与解析 + SQLite FTS5 对比）",
    "diff": "版本对照性能",
    "site": "网站生成性能",
    "links": "定义、引用层与 Akoma Ntoso 导出的速度（与解析对比）",
    "obligations": "义务抽取速度（与解析对比）",
    "check": "kb check 审校整个语料的时间（与同一次运行中 kb export 导出 JSON 对比，目标 < 2 倍）",
    "amend": "300 条的法律起草、应用修改决定的速度（与解析对比）",
    "export": "kb export --format json 整个语料的速度（首次与分析层已缓存，与解析对比）",
    "related": "相关条文的计算：100、300 与全部可解析语料文本，每部法规的时间和内存（与两两比较对比）",
    "linear": "各阶段用时与输入成正比：万行级的敌意形态下测增长指数（可给行数，如 2000,4000,8000）",
    "memory": "几种大小（MB）的输入下 kb parse / export 的峰值内存（目标 < 30×输入 + 200 MB；可给大小，如 1,2）",
}


#: what a bench's one optional argument is, where it is not a corpus folder: usage metavar, what it is, the
#: name of its default in the bench module (read from there: one source of truth), an example
ARGUMENTS = {
    "linear": ("[行数,…]", "逗号分隔的行数", "SIZES", "2000,4000"),
    "memory": ("[大小MB,…]", "逗号分隔的输入大小（MB）", "SIZES_MB", "1,2"),
}
_NUMBERS = re.compile(r"\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)*")
CORPUS_HELP = ("参数为语料目录，默认 ../shared/corpus/lawrefbook（可设 KB_SHARED）。注意：默认语料含全部文本，"
               "包括正在留出标注的文本；留出期间请给一个去掉这些文本的语料副本。")


def corpus_files(name: str) -> tuple[str, ...]:
    """The files a bench reads from its corpus by name (its module's ``CORPUS_FILES``), which the folder given
    must therefore hold where lawrefbook does; none for a bench that reads whatever texts the folder holds."""
    mod_name = BENCHES[name].partition(":")[0]
    try:
        return tuple(getattr(importlib.import_module(mod_name), "CORPUS_FILES", ()))
    except ModuleNotFoundError:
        return ()


def argument_default(name: str) -> str:
    """The default of a bench's argument as it is written on the command line (1,2,4), from its module."""
    _, _, attr, _ = ARGUMENTS[name]
    value = getattr(importlib.import_module(BENCHES[name].partition(":")[0]), attr)
    return ",".join(str(x) for x in value)      # as Python writes it: 1000000, not :g's 1e+06 (which _NUMBERS refuses)


def _help(name: str) -> str:
    """The bench's summary, then what its argument is."""
    if name in ARGUMENTS:
        _, what, _, _ = ARGUMENTS[name]
        arg = f"参数为{what}（默认 {argument_default(name)}），不是语料目录。"
    elif corpus_files(name):
        arg = CORPUS_HELP + "目录须与 lawrefbook 的布局相同：要读其中的 " + "、".join(corpus_files(name)) + "。"
    else:
        arg = CORPUS_HELP
    return f"{SUMMARIES.get(name, '')}\n\n{arg}"


def check_layout(name: str, corpus) -> None:
    """A bench that reads given files of its corpus: a folder without them is bad input (exit 2), said before the
    bench starts, naming the files and the layout it needs."""
    from pathlib import Path

    from kb.dev import paths

    folder = Path(corpus) if corpus else paths.corpus_dir()
    missing = [f for f in corpus_files(name) if not (folder / f).is_file()]
    if missing and folder.is_dir():
        raise KbError(f"kb bench {name} 需要与 lawrefbook 布局相同的语料目录，这个目录中缺少：{'、'.join(missing)}",
                      str(folder))


def _load(name: str):
    mod_name, _, attr = BENCHES[name].partition(":")
    try:
        mod = importlib.import_module(mod_name)
    except ModuleNotFoundError as e:
        if e.name != mod_name:
            raise
        raise KbError(f"基准测试“{name}”尚未实现（缺少模块 {mod_name}）") from None
    fn = getattr(mod, attr, None)
    if fn is None:
        raise KbError(f"基准测试“{name}”尚未实现（{mod_name} 中没有 {attr}()）")
    return fn


def _make(name: str) -> click.Command:
    @click.command(name, help=_help(name), short_help=SUMMARIES.get(name, ""))
    @click.argument("corpus", required=False, metavar=ARGUMENTS.get(name, ("[语料目录]",))[0])
    def cmd(corpus):
        if name in ARGUMENTS and corpus is not None and not _NUMBERS.fullmatch(corpus):
            _, what, _, example = ARGUMENTS[name]
            raise KbError(f"kb bench {name} 的参数是{what}，如 {example}；“{corpus}”不是")
        check_layout(name, corpus)
        fn = _load(name)
        params = inspect.signature(fn).parameters
        kwargs = {}
        if corpus is not None:
            key = "corpus_dir" if "corpus_dir" in params else next(iter(params), None)
            if key is None:
                raise KbError(f"基准测试“{name}”不接受参数")
            kwargs[key] = corpus
        res = fn(**kwargs)
        if isinstance(res, dict) and res.get("ok") is False:
            raise click.exceptions.Exit(2)     # its reference material is missing (bad input)
    return cmd


class _BenchGroup(ChineseGroup):
    def list_commands(self, ctx):
        return list(BENCHES)

    def get_command(self, ctx, name):
        return _make(name) if name in BENCHES else None

    def format_commands(self, ctx, formatter):
        with formatter.section("基准"):
            formatter.write_dl([(n, SUMMARIES.get(n, "")) for n in BENCHES])


@click.group("bench", cls=_BenchGroup)
def bench_cmd():
    """性能基准测试（不属于测试套件）。每项都在同一次运行中测量一个对照基线。"""
