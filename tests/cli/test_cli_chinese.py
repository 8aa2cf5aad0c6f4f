"""Help pages, usage lines and usage errors are Chinese for every command: no English text of
click's (Usage:, Options, Show this message and exit., Missing argument …) reaches the user."""
from __future__ import annotations

import re

import click
import pytest

from kb.cli import COMMANDS, cli
from kb.cli.chinese import HEADINGS, MESSAGES, TYPE_NAMES, USAGE_PIECES, columns, translate, wrap_lines
from conftest import ROOT, run_kb


def _english_fragments() -> list[str]:
    """Every piece of English click can write: its messages (cut at their placeholders), the
    words of its help pages and the names of its parameter types."""
    out = {"Usage:", "Error:", "Try '", "for help", "[default:", "[required]", "env var:", "(dynamic)",
           "Aborted!"}
    for msgid in MESSAGES:
        for piece in re.split(r"\{[^}]*\}", msgid):
            piece = piece.strip(" .:()'\n\t")
            if len(re.findall(r"[A-Za-z]", piece)) >= 4:
                out.add(piece)
    out |= {f"{h}:" for h in HEADINGS} | set(USAGE_PIECES)
    out |= {f" {name.upper()}\n" for name in TYPE_NAMES} | {f" {name.upper()} " for name in TYPE_NAMES}
    return sorted(out)


ENGLISH = _english_fragments()


def _assert_chinese(text: str) -> None:
    found = [f for f in ENGLISH if f in text]
    assert not found, f"click 的英文出现在输出中：{found}\n{text}"


def _all_commands() -> list[list[str]]:
    """[name] of every command, and [group, name] of every subcommand of a group."""
    out = []
    ctx = click.Context(cli)
    for name in sorted(COMMANDS):
        out.append([name])
        cmd = cli.get_command(ctx, name)
        if isinstance(cmd, click.Group):
            out += [[name, sub] for sub in cmd.list_commands(ctx)]
    return out


def test_english_fragments_cover_clicks_words():
    # the list the tests check against really holds click's English
    assert "Show this message and exit" in ENGLISH
    assert "Usage:" in ENGLISH and "Options:" in ENGLISH and "[OPTIONS]" in ENGLISH
    assert " TEXT " in ENGLISH and " INTEGER\n" in ENGLISH


@pytest.mark.parametrize("argv", [[], *_all_commands()], ids=lambda a: " ".join(a) or "kb")
def test_help_of_every_command_is_chinese(argv, capsys):
    rc, out, err = run_kb([*argv, "--help"], ROOT, capsys)
    assert rc == 0, err
    assert out.startswith("用法：kb")
    assert "选项：" in out and "显示本帮助并退出" in out
    _assert_chinese(out + err)
    # an option's value is named in Chinese too (kb's own metavars: no NAME, DATE …), and by what it is
    # where kb knows it: -o 文件, -r 法规, -v 版本 rather than click's 文本
    columns_ = [re.split(r"\s{2,}", line.strip())[0] for line in out.splitlines() if line.lstrip().startswith("-")]
    metavars = [c.split()[-1] for c in columns_ if not c.split()[-1].startswith("-")]
    assert not [m for m in metavars if re.fullmatch(r"[A-Z_]{2,}(\.\.\.)?", m)], out
    # and so are the arguments, in the usage line and wherever the help names them (no QUERY, OLD NEW, REF …)
    usage = out.splitlines()[0]
    assert not re.findall(r"\b[A-Z_]{3,}\b", usage.replace("[选项]", "")), usage
    assert not re.findall(r"\b(?:SOURCE|QUERY|OLD|NEW|REF|TERM|BASE|DECISION|GOLD|NAMES|CORPUS)\b", out), out
    for option, what in (("--output", "文件"), ("--regulation", "法规"), ("--version", "版本")):
        assert f"{option} 文本" not in out
        if re.search(rf"{option} \S", out):
            assert f"{option} {what}" in out, out


def test_the_range_of_a_number_option_is_said_in_words(capsys):
    # click's [x>=1], [0<=x<=1], [x>0] stood after the Chinese help of --jobs, --threshold, --max-input-mb (newcomer
    # review 12): a bound is said as 至少 1, 0 到 1, 大于 0, in every help page
    for argv, said in ((["build"], "[至少 1]"), (["check"], "[0 到 1]"), ([], "[大于 0]"), (["search"], "[默认：10；至少 0]")):
        rc, out, _ = run_kb([*argv, "--help"], ROOT, capsys)
        assert rc == 0 and said in " ".join(out.split()), (argv, out)
    for argv in [[], *_all_commands()]:
        rc, out, _ = run_kb([*argv, "--help"], ROOT, capsys)
        assert not re.search(r"\[[^\[\]]*(x[<>]|[<>]=?x)[^\[\]]*\]", out), (argv, out)
    from kb.cli.chinese import _range
    assert [_range(x) for x in ("x<=5", "0<x<1", "0<x<=1", "默认", "x")] == ["至多 5", "大于 0、小于 1", "大于 0、至多 1", None,
                                                                             None]


def test_help_lines_fit_the_width_they_are_laid_out_for(capsys):
    # Chinese takes two columns: the option column stays aligned and no line overflows
    rc, out, _ = run_kb(["search", "--help"], ROOT, capsys)
    assert rc == 0
    lines = out.splitlines()
    assert max(columns(l) for l in lines) <= 100
    # the column where each option's help starts, for options short enough to share the line
    opts = [l for l in lines if re.match(r"  -\S", l) and re.search(r"\S  +\S", l)]
    starts = {columns(re.match(r"(.*?\S)  +(?=\S)", l).group(0)) for l in opts}
    assert len(opts) >= 8 and len(starts) == 1, out
    assert "-n, --limit 整数" in out and "[默认：10；至少 0]" in out


USAGE_ERRORS = [
    (["search"], "缺少参数 检索词。"),
    (["amend"], "缺少参数 法规。"),
    (["diff", "a"], "缺少参数 新版本。"),
    (["search", "经费", "--limit", "abc"], "“abc”不是有效的整数"),
    (["search", "经费", "--limit", "-3"], "不在允许的范围"),
    (["search", "经费", "--type", "foo"], "可选：article、paragraph"),
    (["search", "经费", "--limit"], "选项 --limit 后面缺少取值"),
    (["search", "经费", "--bogus"], "没有选项 --bogus"),
    (["search", "经费", "--limt", "3"], "是不是：--limit"),
    (["serch", "经费"], "没有命令“serch”"),
    (["toc", "a", "b", "c"], "多余的参数：b c"),
    (["--root"], "选项 --root 后面缺少取值"),
    (["bench", "nonesuch"], "没有命令“nonesuch”"),
]


@pytest.mark.parametrize("argv,message", USAGE_ERRORS, ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_usage_errors_are_chinese(argv, message, capsys):
    rc, out, err = run_kb(argv, ROOT, capsys)
    assert rc == 2
    assert "错误：" in err and message in err, err
    _assert_chinese(out + err)
    if argv[0] in ("search", "diff", "toc", "serch") and "--limit" != argv[-1]:
        assert "用法：kb" in err and "查看用法" in err


def test_kb_without_a_command_shows_chinese_help(capsys):
    rc, out, err = run_kb([], ROOT, capsys)
    assert "用法：kb [选项] 命令 [参数]..." in out + err
    _assert_chinese(out + err)


def test_translate_reads_clicks_messages_and_leaves_others_alone():
    assert translate("'x' is not one of 'a', 'b'.") == "“x”不是可选的取值；可选：a、b。"
    assert translate("Invalid value for '--limit' / '-n': 'abc' is not a valid integer.") == \
        "--limit/-n 的取值无效：“abc”不是有效的整数。"
    assert translate("Directory '/nope' does not exist.") == "目录“/nope”不存在。"
    assert translate("没有找到“经费”") == "没有找到“经费”"


def test_wrapping_breaks_chinese_anywhere_and_latin_words_at_spaces():
    lines = wrap_lines("只查某类条目：article 条、paragraph 款和项、definition 定义、obligation 义务", 30)
    assert all(columns(l) <= 30 for l in lines)
    assert all(w in "".join(lines).replace(" ", "") for w in ("paragraph", "definition", "obligation"))
    words = re.findall(r"[a-z]+", " ".join(lines))       # no Latin word cut in two
    assert words == ["article", "paragraph", "definition", "obligation"]
    assert not any(l.startswith(("，", "、", "。")) for l in lines)
