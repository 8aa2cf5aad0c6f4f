"""``kb amend BASE DECISION``: apply a 修改决定 or 修正案 to a regulation."""
from __future__ import annotations

import os
import re
import sys

import click

from kb.errors import KbError


@click.command("amend")
@click.argument("base", metavar="法规")
@click.argument("decision", metavar="修改决定")
@click.option("-o", "--output", default=None, help="修改后的文本写入此文件（原子写入）；默认输出到标准输出")
@click.option("--register", "register", default=None,
              help="把修改后的文本登记为该法规的一个新版本，以此为版本名（写入 regulation/，更新 meta.yml）")
@click.option("--label", default=None, help="与 --register 同用：新版本的名称标签（默认：根据决定修正）")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="修改清单的格式")
@click.option("--strict", is_flag=True, help="把法规的编号警告当作错误（退出码 2）")
@click.pass_context
def amend_cmd(ctx, base, decision, output, register, label, fmt, strict):
    """把修改决定或修正案应用于法规：得出修改后的文本和修改清单。

    法规为文件路径或 法规@版本。指令按顺序执行，条文按“对条文顺序作相应调整”重新编号，
    文中引用随之更新。任何一条指令无法执行时以退出码 2 停止，写明是哪一条、为什么，不写出任何文件。
    """
    from kb.amend.apply import apply
    from kb.cli.core import load_target, project_root, tell_written
    from kb.outputs.formats import to_json, write_text
    from kb.text.amendment import read_amendment

    target, doc = load_target(ctx, base, None, None, strict)
    am = read_amendment(decision)
    if register and target.regulation is None:
        raise KbError("--register 需要法规是知识库中的法规版本（法规@版本，或 regulation/ 下的文件）", base)
    try:
        res = apply(doc, am)
    except KbError as e:
        raise KbError(e.message + _default_version_note(base, target), e.file, e.line) from None
    registered = None
    if register:
        registered = _register(project_root(ctx), target, am, res, register, label, decision)
    if output:
        write_text(res.text, output)
    elif not register and fmt == "table":
        sys.stdout.write(res.text)
    report = _report(res, am)
    if fmt == "json":
        data = {"decision": am.to_dict(), **res.to_dict()}
        if registered is not None:
            data["registered"] = registered
        if not output and not register:
            data["text"] = res.text
        write_text(to_json(data))
        return
    # the list of changes: on stdout when the text went to a file, else beside it on stderr
    click.echo(report, err=not (output or register))
    tell_written(output)
    if registered:
        click.echo(f"已登记为 {registered['regulation']}@{registered['version']}（{registered['file']}）", err=True)
    for w in res.warnings:
        click.echo(f"警告：{w}", err=True)


def _default_version_note(base: str, target) -> str:
    """When a regulation was named without a version (kb amend suining-community 决定) and it has several: the decision
    went to the latest, which may already be the text it makes (a decision drafted from @draft, applied after @revised
    was added) — say so, and how to name the version it was drafted for."""
    reg = target.regulation
    if reg is None or "@" in base or os.path.exists(base) or len(reg.versions) < 2:
        return ""
    others = [v.name for v in reg.versions if v.name != target.version.name]
    return (f"（没有写版本，应用于最新版本 {reg.id}@{target.version.name}；修改决定针对的若是另一版本，"
            f"写 法规@版本，如 {reg.id}@{others[0]}）")


def _report(res, am) -> str:
    from kb.outputs.formats import table

    from kb.text.amendment import ACTIONS

    rows = [[c.instruction, ACTIONS.get(c.action, c.action), c.old or "—", c.new or "—", c.detail]
            for c in res.changes]
    head = (f"{am.title or os.path.basename(am.source)}：{len(am.instructions)} 项指令，"
            f"{len(res.changes)} 处修改；{len(res.renumbered)} 条重新编号；"
            f"{len(res.references)} 处引用随之更新")
    out = [head, "", table(["指令", "操作", "原条款", "修改后", "说明"], rows)]
    if res.references:
        out += ["", table(["条", "原引用", "更新为"], [list(r) for r in res.references])]
    return "\n".join(out)


def _register(root, target, am, res, name: str, label: str | None, decision_path: str) -> dict:
    from kb.project import add_version

    reg, base = target.regulation, target.version
    suffix = os.path.splitext(target.path)[1].lower()
    suffix = suffix if suffix in (".txt", ".md") else ".txt"
    ext = os.path.splitext(decision_path)[1].lower()
    decision_file = f"decisions/{name}{ext if ext in ('.txt', '.md') else '.txt'}"
    title = (am.title or "修改决定").replace("《", "〈").replace("》", "〉")
    fields = {"label": label or f"根据《{title}》修正",
              "status": base.status, "date": _iso(am.effective) or am.date,
              "adopted": am.date, "effective": am.effective, "base": base.name, "amended_by": decision_file}
    v = add_version(root, reg.id, name, res.text, suffix, {k: v for k, v in fields.items() if v},
                    {decision_file: am.text})
    return {"regulation": reg.id, "version": v.name, "file": str(reg.folder / v.file), "decision": decision_file}


def _iso(s: str | None) -> str | None:
    m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", s or "")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def write_decision(old_doc, new_doc, fmt: str, output: str | None, style: str, effective: str | None) -> None:
    """``kb diff OLD NEW --as decision``: the decision drafted, in txt, md, docx or json."""
    from kb.amend.draft import draft
    from kb.amend.write import docx_bytes, markdown
    from kb.outputs.formats import to_json, write_bytes, write_text

    if fmt in ("html", "xlsx", "csv"):
        raise KbError("修改决定可输出为 txt、md、docx、pdf 或 json")
    if fmt in ("docx", "pdf") and not output:
        raise KbError(f"{fmt} 是二进制格式，需要用 -o 指定输出文件")
    d = draft(old_doc, new_doc, style, effective)
    if fmt in ("docx", "pdf"):
        data = docx_bytes(d.text)
        if fmt == "pdf":
            from kb.site.pdf import pdfs_of
            data = pdfs_of([data], ["修改决定"])[0]
        write_bytes(data, output)
    elif fmt == "md":
        write_text(markdown(d.text), output)
    elif fmt == "json":
        write_text(to_json({"style": style, "law": d.law, "text": d.text, "renumber": d.renumber,
                            "instructions": [[o.to_dict() for o in ops] for ops in d.instructions],
                            "problems": d.problems, "typographic": d.typographic}), output)
    else:
        write_text(d.text, output)
    from kb.cli.core import tell_written
    tell_written(output)
    if d.typographic:
        click.echo(f"说明：新文本的{'、'.join(d.typographic)}中另有只是全角、半角不同的字符（如“:”与“：”），"
                   "不是修改，未写入决定", err=True)
    for p in d.problems:
        click.echo(f"警告：{p}", err=True)
