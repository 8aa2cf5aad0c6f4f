"""kb obligations / kb matrix / kb actors / kb score-obligations."""
from __future__ import annotations

import click

from kb.cli.core import load_target, project_root, target_options
from kb.errors import KbError
from kb.outputs.formats import FORMATS, table, to_csv, to_json, write_text

MODALITY_CHOICES = ("obligation", "prohibition", "permission", "encouragement", "sanction")


def _registry(ctx, target=None):
    from kb.layers.actors import load_registry
    root = project_root(ctx, required=False)
    reg_id = getattr(target, "regulation", None)
    reg_id = getattr(reg_id, "id", reg_id) if reg_id is not None else None
    return load_registry(root, reg_id if isinstance(reg_id, str) else None)


def _filter(stmts, reg, actor, modality, article):
    out = stmts
    if actor:
        want = reg.canonical(actor)
        out = [s for s in out if s.actor and (reg.canonical(s.actor) == want or s.actor == actor)]
    if modality:
        out = [s for s in out if s.modality == modality]
    if article:
        from kb.text.address import parse_address
        a, para, item, _ = parse_address(article)
        out = [s for s in out if str(s.article) == str(a) and (para is None or s.paragraph == para)
               and (item is None or s.item == item)]
    return out


@click.command("obligations")
@click.argument("source", required=False)
@target_options
@click.option("--actor", "-a", default=None, help="只看这个主体（可用别名，如 居委会）")
@click.option("--modality", "-m", type=click.Choice(MODALITY_CHOICES), default=None, help="只看这种情态")
@click.option("--article", default=None, help="只看这一条（或款、项）：15、15.2、第十五条第二款")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.pass_context
def obligations_cmd(ctx, source, regulation, version, strict, actor, modality, article, fmt):
    """列出义务、禁止、授权、鼓励和处罚条款：主体、情态、出处和原文。"""
    from kb.layers.obligations import MODALITY_NAMES, extract

    target, doc = load_target(ctx, source, regulation, version, strict)
    reg = _registry(ctx, target)
    stmts = _filter(extract(doc, reg), reg, actor, modality, article)
    if fmt == "json":
        write_text(to_json([dict(s.to_dict(), citation=s.citation, text=doc.get(s.eid).text[s.start:s.end])
                            for s in stmts]))
    elif fmt == "csv":
        write_text(to_csv(["article", "paragraph", "item", "citation", "eid", "actor", "modality", "explicit",
                           "action", "deadline", "quantity", "levels", "text"],
                          [[s.article, s.paragraph, s.item, s.citation, s.eid, s.actor, s.modality,
                            "yes" if s.explicit else "no", s.action, s.deadline, s.quantity, "、".join(s.levels),
                            doc.get(s.eid).text[s.start:s.end]] for s in stmts]))
    else:
        rows = [[s.citation, s.actor or "（无主体）", MODALITY_NAMES[s.modality] + ("" if s.explicit else "*"),
                 doc.get(s.eid).text[s.start:s.end]] for s in stmts]
        if rows:
            click.echo(table(["出处", "主体", "情态", "原文"], rows))
            click.echo(f"共 {len(rows)} 条（* 表示没有情态词，由“负责”“由……”等推定）", err=True)
    if not stmts:
        click.echo("没有找到符合条件的条款", err=True)
        ctx.exit(1)


@click.command("matrix")
@click.argument("source", required=False)
@target_options
@click.option("--by", "by", type=click.Choice(["modality", "chapter", "article"]), default="modality",
              help="列：情态、章或条")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx", "md"]), default="table",
              help="输出格式（xlsx 含按情态、按章、按条三个工作表，须用 -o）")
@click.option("-o", "--output", default=None, help="写入文件（xlsx 必须指定）")
@click.option("--width", type=int, default=100, show_default=True, help="表格宽度（列）")
@click.pass_context
def matrix_cmd(ctx, source, regulation, version, strict, by, fmt, output, width):
    """义务矩阵：行是主体（按类别、层级分组），列是情态/章/条，格子是条数和条款。"""
    from kb.outputs import matrix as mx
    from kb.layers.obligations import extract

    target, doc = load_target(ctx, source, regulation, version, strict)
    reg = _registry(ctx, target)
    stmts = extract(doc, reg)
    if fmt == "xlsx":
        if not output:
            raise KbError("xlsx 是二进制格式，请用 -o 指定输出文件")
        from kb.outputs.formats import write_bytes
        write_bytes(mx.render_xlsx(doc, reg, stmts), output)
        click.echo(f"已写入 {output}", err=True)
        return
    m = mx.build(doc, stmts, by, reg)
    if fmt == "json":
        text = to_json(m.to_dict())
    elif fmt == "csv":
        text = mx.render_csv(m)
    elif fmt == "md":
        text = mx.render_md(m)
    else:
        text = mx.render_table(m, width)
    if output:
        if fmt == "csv":
            from kb.outputs.formats import write_bytes
            write_bytes(text.encode("utf-8"), output)
        else:
            write_text(text, output)
        click.echo(f"已写入 {output}", err=True)
    else:
        write_text(text)
    if not m.rows:
        click.echo("没有找到任何义务条款", err=True)
        ctx.exit(1)


@click.command("actors")
@click.argument("source", required=False)
@target_options
@click.option("--unknown", is_flag=True, help="只列出文本中发现、词表里没有的主体（可补进 actors.yml）")
@click.option("--all", "show_all", is_flag=True, help="也列出本文没有出现的词表主体")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.pass_context
def actors_cmd(ctx, source, regulation, version, strict, unknown, show_all, fmt):
    """参与主体词表及其在本文中的条款数；--unknown 列出词表外的新主体。"""
    from kb.layers.actors import KIND_NAMES
    from kb.layers.obligations import _extract_all

    target, doc = load_target(ctx, source, regulation, version, strict)
    reg = _registry(ctx, target)
    x = _extract_all(doc, reg)
    counts: dict[str, int] = {}
    for s in x.out.values():
        if s.actor:
            counts[s.actor] = counts.get(s.actor, 0) + 1
    if unknown:
        rows = [{"name": n, "kind": reg.actor(n).kind, "count": counts.get(n, 0),
                 "where": sorted(set(eids))} for n, eids in sorted(x.unknown.items())]
        if fmt == "json":
            write_text(to_json(rows))
        elif fmt == "csv":
            write_text(to_csv(["name", "kind", "count", "where"],
                              [[r["name"], r["kind"], r["count"], " ".join(r["where"])] for r in rows]))
        elif rows:
            click.echo(table(["主体", "推测类别", "条款数", "位置"],
                             [[r["name"], KIND_NAMES.get(r["kind"], r["kind"]), r["count"], " ".join(r["where"])]
                              for r in rows]))
            click.echo("可把这些主体加入项目根目录的 actors.yml（格式同 kb/data/actors.yml）", err=True)
        if not rows:
            click.echo("没有发现词表外的主体", err=True)
            ctx.exit(1)
        return
    names = list(counts)
    if show_all:
        names += [a.name for a in reg if a.name not in counts]
    rows = []
    for n in names:
        a = reg.actor(n)
        rows.append({"name": a.name, "aliases": a.aliases, "kind": a.kind, "level": a.level, "parent": a.parent,
                     "count": counts.get(n, 0), "known": reg.is_known(n)})
    from kb.layers.actors import KINDS
    rows.sort(key=lambda r: (KINDS.index(r["kind"]) if r["kind"] in KINDS else 99, -r["count"], r["name"]))
    if fmt == "json":
        write_text(to_json(rows))
    elif fmt == "csv":
        write_text(to_csv(["name", "aliases", "kind", "level", "parent", "count", "known"],
                          [[r["name"], "、".join(r["aliases"]), r["kind"], r["level"], r["parent"], r["count"],
                            "yes" if r["known"] else "no"] for r in rows]))
    else:
        click.echo(table(["主体", "类别", "层级", "上级", "别名", "条款数"],
                         [[r["name"] + ("" if r["known"] else " ?"), KIND_NAMES.get(r["kind"], r["kind"]),
                           r["level"] or "", r["parent"] or "", "、".join(r["aliases"]), r["count"]]
                          for r in rows]))
        if any(not r["known"] for r in rows):
            click.echo("? 表示词表里没有的主体（kb actors --unknown）", err=True)
    if not rows:
        ctx.exit(1)
