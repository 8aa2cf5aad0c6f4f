"""``kb index`` and ``kb search``: the catalog from the command line.

Start-up matters here (a whole ``kb search`` process should take <= 0.3 s), so this
module imports only click and kb.catalog's light modules at the top; whoosh's query
and reading modules are imported when the search runs, and nothing else heavy
(no jieba, lxml or YAML) is loaded on that path.
"""
from __future__ import annotations

import os
from pathlib import Path

import click

from kb.catalog import open_catalog
from kb.cli.chinese import wrap_spans
from kb.catalog.query import MODALITIES, TYPES
from kb.errors import KbError

#: how the table names a statement's modality (json/csv keep the codes)
MODALITY_NAMES = {"obligation": "应当", "prohibition": "禁止", "permission": "可以", "encouragement": "鼓励",
                  "sanction": "罚则"}
FORMATS = ("table", "json", "csv")      # as kb.output.FORMATS (not imported: start-up time)


def _catalog(ctx):
    """The project's catalog.  Finds the root like kb.cli_core.project_root, without importing
    kb.cli_core/kb.project/kb.output (each costs a few ms to compile on every start)."""
    root = (ctx.find_root().obj or {}).get("root")
    if root:
        p = Path(root)
        if not (p / "mkdocs.yml").is_file():
            raise KbError("不是项目根目录（没有 mkdocs.yml）", str(p))
        return open_catalog(p.resolve())
    here = Path(os.getcwd()).resolve()
    for d in (here, *here.parents):
        if (d / "mkdocs.yml").is_file():
            return open_catalog(d)
    raise KbError("找不到项目根目录（从当前目录向上没有 mkdocs.yml）；请在项目内运行或使用 --root", str(here))


def _summary_line(s: dict) -> str:
    parts = []
    for name, key in (("新增", "added"), ("更新", "updated"), ("删除", "removed")):
        if s.get(key):
            parts.append(f"{name} {len(s[key])}")
    parts.append(f"未变 {s.get('unchanged', 0)}")
    layers = "、".join(s.get("layers") or []) or "无"
    return f"检索目录已更新（{'，'.join(parts)}）：共 {s.get('entries', 0)} 个条目，用时 {s['seconds']:.2f} 秒；" \
           f"分析层：{layers}"


@click.command("index")
@click.option("--full", is_flag=True, help="不做增量更新，全部重建")
@click.option("--quiet", "-q", is_flag=True, help="不显示进度")
@click.pass_context
def index_cmd(ctx, full, quiet):
    """建立或更新检索目录（.kb/catalog/）：只重建有变化的版本；中断时旧目录仍然可用。"""
    cat = _catalog(ctx)

    tty = click.get_text_stream("stderr").isatty()

    def progress(done, total, key):
        if not quiet and tty:
            click.echo(f"\r索引 {done}/{total} {key}".ljust(60), err=True, nl=(done == total))

    s = cat.build(progress=progress, full=full)
    for msg in s.get("skipped") or []:
        click.echo(f"警告：跳过 {msg}", err=True)
    click.echo(_summary_line(s))


def _bold(text: str, marks) -> str:
    out, last = [], 0
    for start, end in sorted(marks):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(click.style(text[start:end], bold=True, fg="red"))
        last = end
    out.append(text[last:])
    return "".join(out)


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--type", "-t", "type_", type=click.Choice(TYPES), default=None,
              help="只查某类条目：article 条、paragraph 款和项、definition 定义、obligation 义务")
@click.option("--regulation", "-r", default=None, help="只查某部法规（regulation/ 下的目录名）")
@click.option("--version", "-v", "version", default=None, help="只查某个版本；all 为全部版本（默认：各法规的最新版本）")
@click.option("--chapter", "-c", default=None, help="只查某一章：3、第三章、chp_3；分编的法律：第二编第三章、part_2__chp_3，或整编 第二编、一节 第三章第一节")
@click.option("--actor", "-a", default=None, help="只查某个主体（义务层的主体名称，如 居民委员会）")
@click.option("--modality", "-m", type=click.Choice(MODALITIES), default=None, help="只查某种情态（义务、禁止……）")
@click.option("--limit", "-n", type=click.IntRange(min=0), default=10, show_default=True, help="最多显示几条；0 为全部")
@click.option("--all-hits", is_flag=True, help="不按条合并：同一条的多个命中都列出")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.pass_context
def search_cmd(ctx, query, type_, regulation, version, chapter, actor, modality, limit, all_hits, fmt):
    """全文检索。QUERY 中：空格分开的词都要出现；"带引号的短语"；OR、NOT（或 -词）；
    括号分组；字段过滤 type:definition、actor:居民委员会、chapter:3、heading:经费 等。
    默认每条只显示最相关的一款；第15条、第十五条、全角数字视为相同。"""
    q = " ".join(query)
    cat = _catalog(ctx)
    if not cat.usable():
        click.echo("还没有检索目录（或是旧格式），正在建立（kb index）……", err=True)
        s = cat.build()
        click.echo(_summary_line(s), err=True)
    else:
        reasons = cat.stale_reasons()
        if reasons:
            more = f"等 {len(reasons)} 处" if len(reasons) > 1 else ""
            click.echo(f"注意：检索目录已过期（{reasons[0]}{more}），结果可能不是最新的；运行 kb index 更新。",
                       err=True)
    try:
        hits = cat.search(q, type=type_, regulation=regulation, version=version, chapter=chapter, actor=actor,
                          modality=modality, limit=limit, group_by_article=not all_hits)
        why = None
        if not hits:
            from kb.catalog.query import parse_query

            f = parse_query(q).filters        # filters written in the query (regulation:R …) count too
            why = cat.unknown_filter(regulation=regulation or f.get("regulation"),
                                     version=version or f.get("version"),
                                     chapter=chapter or f.get("chapter"), actor=actor or f.get("actor"))
    finally:
        cat.close()
    if why:
        raise KbError(why)
    if fmt == "json":
        from kb.outputs.formats import to_json, write_text

        write_text(to_json({"query": q, "count": len(hits), "hits": [h.to_dict() for h in hits]}))
    elif fmt == "csv":
        from kb.outputs.formats import to_csv, write_text

        cols = ["rank", "regulation", "version", "eid", "article", "citation", "type", "score", "term", "heading",
                "label", "line", "snippet", "path"]
        rows = [[i] + [getattr(h, c) for c in cols[1:]] for i, h in enumerate(hits, 1)]
        write_text(to_csv(cols, rows))
    else:
        _print_table(hits)
    if not hits:
        click.echo(f"没有找到“{q}”", err=True)
        ctx.exit(1)


def _print_table(hits) -> None:
    import shutil

    width = shutil.get_terminal_size((100, 24)).columns
    regs = {(h.regulation, h.version) for h in hits}
    for i, h in enumerate(hits, 1):
        head = h.citation or h.label
        title = ""
        if h.heading:
            title = "（" + _bold(h.heading, h.heading_marks) + "）"
        mods = "、".join(MODALITY_NAMES.get(m, m) for m in h.modalities)
        kind = {"definition": f"定义：{h.term}",
                "obligation": f"义务：{'、'.join(h.actors) or '（未识别主体）'}" + (f"（{mods}）" if mods else ""),
            "prologue": "序言", "annex": "附件"}.get(h.type, "")
        where = f"{h.title}" if len(regs) > 1 else ""
        if len(regs) > 1 and h.version:
            where += f"@{h.version}"
        extra = "  ".join(x for x in (kind, where, f"第 {h.line} 行" if h.line else "") if x)
        click.echo(f"{i:>2}. " + click.style(head, bold=True) + title + ("  " + click.style(extra, dim=True)
                                                                         if extra else ""))
        snip = h.snippet.replace("\n", " ")
        for a, b in wrap_spans(snip, width - 4):
            marks = [[max(s, a) - a, min(e, b) - a] for s, e in h.marks if s < b and e > a]
            click.echo("    " + _bold(snip[a:b], marks))
