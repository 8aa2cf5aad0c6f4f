"""Click in Chinese: the help pages, usage lines and usage errors of every ``kb`` command.

click writes its own words in English (Usage:, Options, Show this message and exit.,
Missing argument …) through :func:`gettext.gettext`, which only a compiled catalogue and
the user's locale variables could change.  kb's UI is Chinese whatever the locale, so the
words are translated where they are written out instead:

- help pages and usage lines go through :class:`ChineseFormatter` (a
  :class:`click.HelpFormatter`), which every command's context uses (:class:`ChineseContext`,
  installed by :func:`localize`);
- a usage error is shown by :func:`show_error`: the usage line, a hint and the message,
  built from the exception's own fields (which parameter, which option, which command)
  or, for messages click composes in its parser and types, translated by the patterns in
  :data:`MESSAGES`.

Every English text click can show here is listed in :data:`MESSAGES` or :data:`TYPE_NAMES`;
the tests check that none of them reaches a help page or a common usage error.
"""
from __future__ import annotations

import re

import click

#: click's messages (its msgids, with their {placeholders}) and what kb shows instead
MESSAGES: dict[str, str] = {
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "Missing command.": "缺少命令。",
    "Got unexpected extra argument ({args})": "多余的参数：{args}",
    "Got unexpected extra arguments ({args})": "多余的参数：{args}",
    "Option {name!r} requires an argument.": "选项 {name} 后面缺少取值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 后面需要 {nargs} 个取值。",
    "Option {name!r} does not take a value.": "选项 {name} 不接受取值。",
    "No such option {name!r}.": "没有选项 {name}。",
    "No such command {name!r}.": "没有命令“{name}”。",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在允许的范围 {range} 内。",
    "{value!r} is not one of {choices}.": "“{value}”不是可选的取值；可选：{choices}。",
    "{value!r} is not {choice}.": "“{value}”不是可选的取值；只能是 {choice}。",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "“{value}”不是有效的是/否取值；可用：{states}",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID。",
    "{value!r} does not match the format {format}.": "“{value}”不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "“{value}”不符合格式 {formats} 中的任何一个。",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a file.": "{name}“{filename}”是文件。",
    "{name} {filename!r} is a directory.": "{name}“{filename}”是目录。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”不可读。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”不可写。",
    "{name} {filename!r} is not executable.": "{name}“{filename}”不可执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件“{filename}”：{message}",
    "Value must be an iterable.": "取值必须是一组值。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个取值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个取值，给了 {len} 个。",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 需要 {nargs} 个取值。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个取值，给了 {len_value} 个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个取值，给了 {len_value} 个。",
    "Invalid value: {message}": "取值无效：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的取值无效：{message}",
    "Choose from:\n\t{choices}": "可选：{choices}",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看用法。",
    "Aborted!": "已中止",
    "unknown error": "未知错误",
}

#: click's names of parameter types (shown as metavars in help and in messages)
TYPE_NAMES = {"text": "文本", "integer": "整数", "integer range": "整数", "float": "数", "float range": "数",
              "path": "路径", "directory": "目录", "file": "文件", "filename": "文件", "boolean": "是/否",
              "uuid": "UUID", "datetime": "日期时间"}
#: what an option's value is, named by the option, where click would only name its type (TEXT → 文本):
#: "-o, --output 文件" tells a newcomer what to give, "-o, --output 文本" does not
OPTION_METAVARS = {"--output": "文件", "--regulation": "法规", "--version": "版本", "--site-dir": "目录",
                   "--corpus": "目录", "--date": "日期", "--effective": "日期", "--as-of": "日期", "--label": "名称",
                   "--status": "状态", "--title": "标题", "--level": "效力级别", "--jurisdiction": "地域",
                   "--issuing-body": "制定机关", "--actor": "主体", "--chapter": "章", "--article": "条款",
                   "--modality": "情态", "--only": "文本名", "--dev-addr": "地址:端口", "--register": "版本名"}
#: the words of click's help pages
HEADINGS = {"Options": "选项", "Commands": "命令", "Arguments": "参数"}
USAGE = "用法："
USAGE_PIECES = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]...", "COMMAND1 [ARGS]...": "命令1 [参数]...",
                "[COMMAND2 [ARGS]...]...": "[命令2 [参数]...]..."}
EXTRA_ITEMS = {"default": "默认", "env var": "环境变量"}
REQUIRED = {"required": "必需"}

_OPTION_METAVAR = re.compile(r"(--[\w-]+) TEXT(\.\.\.)?$")
_METAVAR = re.compile(r"(?<= )(" + "|".join(sorted((re.escape(k.upper()) for k in TYPE_NAMES), key=len,
                                                     reverse=True)) + r")(\.\.\.)?$")


def _pattern(msgid: str) -> re.Pattern:
    """A msgid as a regular expression: ``{x!r}`` matches a quoted value, ``{x}`` anything."""
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)(!r)?\}", msgid):
        out.append(re.escape(msgid[pos:m.start()]))
        name = m.group(1)
        out.append(rf"(?P<{name}>'[^']*'|\"[^\"]*\"|\S+)" if m.group(2) else rf"(?P<{name}>.+?)")
        pos = m.end()
    out.append(re.escape(msgid[pos:]))
    return re.compile("".join(out), re.S)


_PATTERNS = [(_pattern(k), v) for k, v in sorted(MESSAGES.items(), key=lambda kv: -len(kv[0]))]


def _unquote(s: str) -> str:
    return s[1:-1] if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"" else s


def translate(text: str) -> str:
    """click's English ``text`` in Chinese when it is one of its messages (or a message inside
    another, such as the reason of an invalid value); otherwise ``text`` unchanged."""
    for pat, zh in _PATTERNS:
        m = pat.fullmatch(text)
        if m is None:
            continue
        values = {k: v if k == "choices" else _unquote(v) for k, v in m.groupdict().items()}
        for k in ("message",):
            if k in values:
                values[k] = translate(values[k])
        for k in ("number_type", "name"):       # click writes a path type's name title-cased
            if str(values.get(k, "")).lower() in TYPE_NAMES:
                values[k] = TYPE_NAMES[values[k].lower()]
        if "choices" in values:
            values["choices"] = "、".join(_unquote(c.strip()) for c in re.split(r",\s*", values["choices"]))
        if "param_hint" in values:
            values["param_hint"] = _hint(m.group("param_hint"))
        return zh.format(**values)
    return text


def _hint(param_hint: str) -> str:
    """'--limit' / '-n' -> --limit/-n"""
    return "/".join(_unquote(p.strip()) for p in param_hint.split(" / "))


class ChineseFormatter(click.HelpFormatter):
    """click's help pages with kb's words (用法：, 选项：, the help of --help, 默认 …), laid out
    by display width: a Chinese character takes two columns, and Chinese text wraps between
    characters (click's own wrapping only breaks at spaces and counts characters)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for en, zh in USAGE_PIECES.items():
            args = args.replace(en, zh)
        super().write_usage(prog, args, USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        for k, (keep, para) in enumerate(_paragraphs(text)):
            if k:
                self.write("\n")
            lines = para.splitlines() if keep else wrap_lines(para, self.width - self.current_indent)
            self.write("".join(f"{indent}{line}\n" for line in lines))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_metavar(first), _help_text(second)) for first, second in rows]
        first_col = min(max((columns(f) for f, _ in rows), default=0), col_max) + col_spacing
        pad = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if columns(first) <= first_col - col_spacing:
                self.write(" " * (first_col - columns(first)))
            else:
                self.write("\n" + pad)
            lines = wrap_lines(second, max(self.width - first_col - 2, 10))
            self.write(lines[0] + "\n" + "".join(f"{pad}{line}\n" for line in lines[1:]))


def _metavar(first: str) -> str:
    """An option's column with its value named in Chinese: by what the option takes where kb knows it
    (OPTION_METAVARS), else by click's type name."""
    m = _OPTION_METAVAR.search(first)
    if m and m.group(1) in OPTION_METAVARS:
        return first[:m.start()] + f"{m.group(1)} {OPTION_METAVARS[m.group(1)]}{m.group(2) or ''}"
    return _METAVAR.sub(lambda m: TYPE_NAMES[m.group(1).lower()] + (m.group(2) or ""), first)


def _paragraphs(text: str) -> list[tuple[bool, str]]:
    """(keep as written, text) of each paragraph of a help text: paragraphs are separated by an
    empty line; one starting with a line holding only \\b is not rewrapped (click's rule).  The
    lines of a paragraph are joined without a space between two Chinese characters."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [l.strip() for l in block.splitlines()]
        if lines and lines[0] == "\b":
            out.append((True, "\n".join(lines[1:])))
            continue
        joined = ""
        for line in filter(None, lines):
            if joined and not (_wide(joined[-1]) and _wide(line[0])):
                joined += " "
            joined += line
        out.append((False, joined))
    return out


def _wide(ch: str) -> bool:
    from unicodedata import east_asian_width

    return east_asian_width(ch) in "WF"


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes (a Chinese character: two)."""
    return sum(2 if _wide(c) else 1 for c in text)


#: characters a line should not start with (they stay at the end of the previous one)
NO_LINE_START = set("，。、；：？！）」』”’》〉】…,.;:?!)")


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """[start, end) of each line of ``text`` wrapped to ``width`` terminal columns: Chinese text
    breaks between any two characters, a run of Latin letters or digits only at a space or next
    to a Chinese character, and no line starts with closing punctuation."""
    width = max(width, 20)
    out, start, cols, brk = [], 0, 0, None       # brk: the last place a line may start
    for i, ch in enumerate(text):
        w = 2 if _wide(ch) else 1
        if cols + w > width and i > start and ch not in NO_LINE_START:
            cut = i
            if not _wide(ch) and not ch.isspace() and not _wide(text[i - 1]) and not text[i - 1].isspace() \
                    and brk is not None and brk > start:
                cut = brk                        # do not cut a Latin word in two
            out.append((start, cut))
            start, cols = cut, columns(text[cut:i])
        cols += w
        if ch.isspace() or _wide(ch) or (i + 1 < len(text) and _wide(text[i + 1])):
            brk = i + 1
    out.append((start, len(text)))
    return out


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` columns (see :func:`wrap_spans`), each line without the
    spaces it was broken at."""
    return [text[a:b].strip() for a, b in wrap_spans(text, width)] or [""]


def _help_text(text: str) -> str:
    """An option's help: click's own sentences translated, and its [default: …; required]."""
    m = re.search(r"\s*\[([^\[\]]*)\]$", text)
    body, extra = (text[:m.start()], m.group(1)) if m else (text, None)
    body = translate(body)
    if extra is None:
        return body
    items = []
    for item in extra.split("; "):
        key, sep, value = item.partition(": ")
        if sep and key in EXTRA_ITEMS:
            items.append(f"{EXTRA_ITEMS[key]}：{value}")
        else:
            items.append(REQUIRED.get(item) or _range(item) or item)
    return f"{body}  [{'；'.join(items)}]"


#: click's range of a number option (x>=1, 0<=x<=1, x>0) in words
_BOUNDS = {">=": "至少", ">": "大于", "<=": "至多", "<": "小于"}
_RANGE = re.compile(r"(?:(?P<lo>[-\d.]+)(?P<lop><=?))?x(?:(?P<op>[<>]=?)(?P<hi>[-\d.]+))?")


def _range(item: str) -> str | None:
    """click's ``x>=1``, ``0<=x<=1``, ``x>0`` as 至少 1, 0 到 1, 大于 0 (None: not a range)."""
    m = _RANGE.fullmatch(item)
    if m is None or not (m["lo"] or m["hi"]):
        return None
    if m["lo"] and m["hi"] and m["lop"] == "<=" and m["op"] == "<=":
        return f"{m['lo']} 到 {m['hi']}"
    out = []
    if m["lo"]:                                     # lo<x: x is more than lo
        out.append(f"{_BOUNDS['>=' if m['lop'] == '<=' else '>']} {m['lo']}")
    if m["hi"]:
        out.append(f"{_BOUNDS[m['op']]} {m['hi']}")
    return "、".join(out)


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


def localize(cmd: click.Command) -> click.Command:
    """Make ``cmd`` (and the commands registered on a group) speak Chinese: their contexts
    format help and usage with :class:`ChineseFormatter`.  Idempotent."""
    cmd.context_class = ChineseContext
    if isinstance(cmd, click.Group):
        for sub in cmd.commands.values():
            localize(sub)
    return cmd


class ChineseGroup(click.Group):
    """A group whose subcommands, however it finds them (registered, or made or imported on
    demand by an overridden :meth:`get_command`), speak Chinese.  kb's groups derive from it."""

    context_class = ChineseContext

    def resolve_command(self, ctx, args):
        name, cmd, rest = super().resolve_command(ctx, args)
        return name, (localize(cmd) if cmd is not None else None), rest


def error_message(e: click.ClickException) -> str:
    """The message of a click exception in Chinese, built from its fields where click keeps them."""
    if isinstance(e, click.MissingParameter) and e.param is not None:
        p = e.param
        if isinstance(p, click.Argument):
            what = f"缺少参数 {p.human_readable_name.strip('[]').removesuffix('...')}"
        else:
            what = f"缺少选项 {'/'.join(p.opts)}"
        if isinstance(p.type, click.Choice):
            what += f"；可选：{'、'.join(map(str, p.type.choices))}"
        return what + "。"
    if isinstance(e, click.BadParameter) and not isinstance(e, click.MissingParameter):
        hint = e.param_hint if e.param_hint is not None else (
            "/".join(e.param.opts) if isinstance(e.param, click.Option) else
            e.param.human_readable_name if e.param is not None else None)
        if isinstance(hint, (list, tuple)):
            hint = "/".join(hint)
        reason = translate(e.message)
        return f"{hint} 的取值无效：{reason}" if hint else f"取值无效：{reason}"
    if isinstance(e, (click.NoSuchOption, click.NoSuchCommand)):
        name = getattr(e, "option_name", None) or getattr(e, "command_name", "")
        text = (f"没有选项 {name}" if isinstance(e, click.NoSuchOption) else f"没有命令“{name}”")
        if e.possibilities:
            text += f"；是不是：{'、'.join(sorted(e.possibilities))}？"
        return text + ("" if e.possibilities else "。")
    if isinstance(e, click.FileError):
        return translate("Could not open file {filename!r}: {message}".format(filename=e.ui_filename,
                                                                             message=e.message))
    return translate(e.format_message())


def show_error(e: click.ClickException) -> None:
    """What click's ``e.show()`` prints, in Chinese: for a usage error, the usage line and
    where to find help first, then 错误：…"""
    ctx = getattr(e, "ctx", None)
    if isinstance(e, click.exceptions.NoArgsIsHelpError):
        click.echo(e.format_message(), err=True)
        return
    if ctx is not None:
        lines = [ctx.get_usage()]
        names = ctx.command.get_help_option_names(ctx) if ctx.command.add_help_option else []
        if names:
            lines.append(f"运行“{ctx.command_path} {max(names, key=len)}”查看用法。")
        click.echo("\n".join(lines) + "\n", err=True)
    click.echo(f"错误：{error_message(e)}", err=True)
