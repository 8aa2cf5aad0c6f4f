"""``kb diff OLD NEW``: compare two versions (or two regulations)."""
from __future__ import annotations

import sys

import click

from kb.errors import KbError

DIFF_FORMATS = ("table", "html", "json", "docx", "pdf", "xlsx", "csv", "md", "txt")
#: formats written as bytes: they need -o
BINARY = ("docx", "pdf", "xlsx")


@click.command("diff")
@click.argument("old", metavar="旧版本")
@click.argument("new", metavar="新版本")
@click.option("--format", "fmt", type=click.Choice(DIFF_FORMATS), default="table",
              help="输出格式：table（终端对照）、html、json、docx（Word 对照表）、pdf（Word 对照表经 LibreOffice 转换）、"
                   "xlsx、csv（每行一对条文，含修改类型和留空的修改说明栏，供标注）、md；docx、pdf、xlsx 需 -o；"
                   "txt 只用于 --as decision")
@click.option("-o", "--output", default=None, help="写入文件（docx、pdf、xlsx 必须指定）")
@click.option("--obligations", is_flag=True, help="比较各主体的义务：新增、删除、改变（情态、期限）")
@click.option("--notes-column", is_flag=True, help="对照表加第三栏“修改说明”（留空待填）")
@click.option("--changed-only", is_flag=True, help="对照表只列有变化的条文（终端输出总是只列有变化的）")
@click.option("--hide-renumbered", is_flag=True, help="也不列只是条号变动的条文：只列文字或位置（章）有变化的")
@click.option("--color/--no-color", default=None, help="终端输出是否着色（默认：输出到终端时着色）")
@click.option("--strict", is_flag=True, help="把编号警告当作错误（退出码 2）")
@click.option("--as", "as_", type=click.Choice(["comparison", "decision"]), default="comparison",
              help="decision：起草把旧版本改为新版本的修改决定（--format txt|md|docx|pdf|json）")
@click.option("--style", type=click.Choice(["decision", "amendment"]), default="decision",
              help="与 --as decision 同用：decision 为修改决定（条文顺序相应调整），amendment 为修正案（第X条之一）")
@click.option("--effective", default=None, help="与 --as decision 同用：施行日期（如 2025年1月1日；默认“公布之日”）")
@click.pass_context
def diff_cmd(ctx, old, new, fmt, output, obligations, notes_column, changed_only, hide_renumbered, color,
             strict, as_, style, effective):
    """比较两个版本：按内容对齐条文，逐字标出修改，生成新旧对照表。

    旧版本、新版本为文件路径或 法规@版本（如 suining-community@draft）；也可以是两部不同的法规。
    """
    from kb.cli import decided
    from kb.cli.core import load_target, tell_written
    from kb.compare.diff import compare
    from kb.outputs.formats import to_json, write_bytes, write_human, write_text

    _, old_doc = load_target(ctx, old, None, None, strict)
    _, new_doc = load_target(ctx, new, None, None, strict)
    if as_ == "decision":
        from kb.cli.amend import write_decision
        write_decision(old_doc, new_doc, fmt, output, style, effective)
        return
    if fmt == "txt":
        raise KbError("--format txt 用于 --as decision；版本对照请用 table、md、html、json、docx、pdf、xlsx 或 csv")
    if fmt in BINARY and not output:
        raise KbError(f"{fmt} 是二进制格式，需要用 -o 指定输出文件")
    cmp = compare(old_doc, new_doc, _correspondence(ctx, old_doc, new_doc))
    decided(ctx, 0 if cmp.summary["related"] else 1)   # kept if the reader goes away (kb diff … | head)
    if obligations:
        _obligations(cmp, fmt, output)
        tell_written(output)
        if not cmp.summary["related"]:
            ctx.exit(1)
        return
    table = {"notes_column": notes_column, "changed_only": changed_only, "hide_renumbered": hide_renumbered}
    if fmt == "json":
        write_text(cmp.to_json(), output)
    elif fmt == "html":
        from kb.compare.render.html import html_page
        write_text(html_page(cmp, **table), output)
    elif fmt == "md":
        from kb.compare.render.markdown import markdown
        write_text(markdown(cmp, **table), output)
    elif fmt in ("docx", "pdf"):
        from kb.compare.render.docx import docx_bytes
        data = docx_bytes(cmp, **table)
        if fmt == "pdf":
            from kb.site.pdf import pdfs_of
            data = pdfs_of([data], ["对照表"])[0]
        write_bytes(data, output)
    elif fmt in ("xlsx", "csv"):
        from kb.compare.render import sheet
        opts = {"changed_only": changed_only, "hide_renumbered": hide_renumbered}
        if fmt == "xlsx":
            write_bytes(sheet.xlsx_bytes(cmp, **opts), output)
        else:
            write_text(sheet.csv_text(cmp, **opts), output)
    else:
        from kb.compare.render.terminal import terminal
        if color is None:
            color = output is None and sys.stdout.isatty()
        write_human(terminal(cmp, color=color, hide_renumbered=hide_renumbered), output, color)
    tell_written(output)
    if not cmp.summary["related"]:
        ctx.exit(1)               # ran fine, but the texts have (almost) nothing in common


def _correspondence(ctx, old_doc, new_doc):
    """Two different regulations (another city's 同类条例): the pairs of corresponding articles the related-provision
    scorer finds (kb.library.peers); None for two versions of one regulation, which the version alignment pairs
    exactly as before."""
    from kb.cli.core import project_root
    from kb.compare.diff import same_regulation

    if same_regulation(old_doc, new_doc):
        return None
    from kb.library.peers import correspondence

    return correspondence(old_doc, new_doc, project_root(ctx, required=False))


def _obligations(cmp, fmt: str, output) -> None:
    """``--obligations``: each actor's duties added, removed and changed, in the format asked
    for (a Word document is a 对照表 only: refused)."""
    from kb.compare.obligations import obligation_diff
    from kb.compare.render import obligations as render
    from kb.outputs.formats import to_json, write_human, write_text

    if fmt in ("docx", "pdf", "xlsx", "csv"):
        raise KbError("--obligations 输出文本、Markdown、HTML 或 JSON：请用 --format table、md、html 或 json")
    od = obligation_diff(cmp)
    title = f"{cmp.new_doc.title or cmp.old_doc.title or ''}修改前后各主体的义务变化"
    if fmt == "json":
        data = cmp.to_dict()
        data["obligations"] = od
        write_text(to_json(data), output)
    elif fmt == "md":
        write_text(render.obligations_markdown(od, title), output)
    elif fmt == "html":
        write_text(render.obligations_html(od, title), output)
    else:
        write_human(render.obligations_text(od), output)
