"""kb obligations / kb matrix / kb actors (kb score-obligations lives in kb.dev)."""
from __future__ import annotations

import click

from kb.catalog.query import MODALITY_HELP
from kb.cli.core import REGULATION_HELP, load_target, project_root, target_options
from kb.cli.search import modality_option
from kb.errors import KbError
from kb.outputs.duties import carried_note, counted, how_many, leads, reading
from kb.outputs.formats import FORMATS, table, to_csv, to_json, write_text

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


def _label(s) -> str:
    from kb.layers.obligations import MODALITY_NAMES
    return MODALITY_NAMES[s.modality] + ("" if s.explicit else "*")


@click.command("obligations")
@click.argument("source", required=False, metavar="[文本]")
@target_options(regulation_help=REGULATION_HELP + "；写 all 则查知识库中的全部法规（最新版本，按效力级别分组），"
                "可与 --actor、--modality 合用")
@click.option("--actor", "-a", default=None, help="只看这个主体（可用别名，如 居委会）")
@click.option("--modality", "-m", default=None, callback=modality_option, help=f"只看这种情态：{MODALITY_HELP}")
@click.option("--article", default=None, help="只看这一条（或款、项）：15、15.2、第十五条第二款")
@click.option("--no-actor", "no_actor", is_flag=True, help="列出没有主体的陈述（不算任何人的义务，供起草者查看）")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.pass_context
def obligations_cmd(ctx, source, regulation, version, strict, actor, modality, article, no_actor, fmt):
    """列出每一项义务：出处、主体、情态（义务、禁止、授权、鼓励、追责、责任）、行为和期限。

    \b
    -r all 查整个知识库，例如：
      kb obligations -r all --modality 禁止           全部法规中的禁止性规定
      kb obligations -r all --actor 民政部门          该主体在每部法规中的规定
    """
    from kb.layers.obligations import MODALITY_NAMES, NO_ACTOR, extract, without_actor

    if regulation == "all":              # every regulation of the knowledge base (an actor's, a modality's duties)
        from kb.cli.across import obligations_across, refuse_with_all
        refuse_with_all(source=source, version=version, article=article, no_actor=no_actor, strict=strict)
        return obligations_across(ctx, actor, modality, fmt)
    target, doc = load_target(ctx, source, regulation, version, strict)
    if article:
        # a provision the text lacks is an error (exit 2) saying what it has, as in every command reading one,
        # not "no duty found" (exit 1): 第九十九条 of a 45-article text has no duties to find
        from kb.cli.core import provision

        provision(doc, article)
    reg = _registry(ctx, target)
    if no_actor:
        if actor:
            raise KbError("--no-actor 与 --actor 不能同时使用：没有主体的陈述不属于任何主体")
        stmts = _filter(without_actor(doc, reg), reg, None, modality, article)
    else:
        found = extract(doc, reg)
        if actor:
            from kb.library.actors import check_actor
            check_actor(actor, reg, {s.actor for s in found})
        stmts = _filter(found, reg, actor, modality, article)
    # an item a list's lead-in carries reads with the lead-in's verb, and is counted with it (kb.outputs.duties)
    carried = leads(stmts)
    lead = lambda s: carried.get(id(s))                       # noqa: E731
    if fmt == "json":
        write_text(to_json([dict(s.to_dict(), citation=s.citation, modality_label=_label(s).rstrip("*"),
                                 reading=reading(s, lead(s)), lead=lead(s).citation if lead(s) else None,
                                 text=doc.get(s.eid).text[s.start:s.end]) for s in stmts]))
    elif fmt == "csv":
        write_text(to_csv(["条", "款", "项", "分句", "出处", "标识", "主体", "情态", "明示", "行为", "期限", "数量",
                           "层级", "所含各项", "原文", "读作", "引导语出处"],
                          [[s.article, s.paragraph, s.item, s.clause, s.citation, s.eid, s.actor or NO_ACTOR,
                            MODALITY_NAMES[s.modality], "是" if s.explicit else "否", s.action, s.deadline, s.quantity,
                            "、".join(s.levels), "、".join(map(str, s.items)), doc.get(s.eid).text[s.start:s.end],
                            reading(s, lead(s)), lead(s).citation if lead(s) else ""]
                           for s in stmts]))
    elif stmts and no_actor:
        click.echo(table(["出处", "情态", "原文"], [[s.citation, _label(s), doc.get(s.eid).text[s.start:s.end]]
                                                for s in stmts], wrap=2))
        click.echo(f"\n共 {len(stmts)} 条没有主体的陈述（不属于任何主体的义务，不计入义务矩阵和评分）")
    elif stmts:
        rows = [[s.citation, s.actor, _label(s),
                 reading(s, lead(s)) + (f"（含第{'、'.join(map(str, s.items))}项）" if s.items else ""),
                 s.deadline or ""] for s in stmts]
        click.echo(table(["出处", "主体", "情态", "行为", "期限"], rows, keep=(0, 1), wrap=(3, 4)))
        legend = "（* 表示没有情态词，由“负责”“由……”等推定）"
        if carried:     # a list's items are rows of their own: say what the rows add up to
            click.echo(f"\n共 {how_many(stmts)}：{carried_note(stmts)}\n{legend}")
        else:
            click.echo(f"\n共 {how_many(stmts)}{legend}")
    if not stmts:
        who = f"“{actor}”" if actor else ""
        what = "没有主体的陈述" if no_actor else "义务条款"
        click.echo(f"没有找到{who}符合条件的{what}", err=True)
        ctx.exit(1)


@click.command("matrix")
@click.argument("source", required=False, metavar="[文本]")
@target_options
@click.option("--by", "by", type=click.Choice(["modality", "chapter", "article"]), default="modality",
              help="列：情态、章或条")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "xlsx", "md"]), default="table",
              help="输出格式（xlsx 含按情态、按章、按条三个工作表和条款明细，须用 -o）")
@click.option("-o", "--output", default=None, help="写入文件（xlsx 必须指定）")
@click.option("--width", type=int, default=None, help="表格宽度（列），默认为终端宽度")
@click.pass_context
def matrix_cmd(ctx, source, regulation, version, strict, by, fmt, output, width):
    """义务矩阵：行是主体（按类别、层级分组），列是情态/章/条，格子是规定数（项义务、项禁止……）和条款。"""
    from kb.layers.obligations import extract
    from kb.outputs import matrix as mx

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
    if output and output != "-":
        write_text(text, output)
        click.echo(f"已写入 {output}", err=True)
    elif fmt == "table":
        click.echo(text)
    else:
        write_text(text)
    if not m.rows:
        click.echo("没有找到任何义务条款", err=True)
        ctx.exit(1)


@click.command("actors")
@click.argument("source", required=False, metavar="[文本]")
@target_options
@click.option("--unknown", is_flag=True, help="只列出文本中发现、词表里没有的主体（可补进 actors.yml）")
@click.option("--all", "show_all", is_flag=True, help="也列出本文没有出现的词表主体")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.pass_context
def actors_cmd(ctx, source, regulation, version, strict, unknown, show_all, fmt):
    """参与主体词表及其在本文中的规定数、条款数；--unknown 列出词表外的新主体。"""
    from kb.layers.actors import KIND_NAMES, KINDS
    from kb.layers.obligations import extract, unknown_actors

    target, doc = load_target(ctx, source, regulation, version, strict)
    reg = _registry(ctx, target)
    stmts = extract(doc, reg)
    duties: dict[str, int] = {}
    provisions: dict[str, set] = {}
    for s in counted(stmts):            # a list's lead-in and its items: one 规定, in the lead-in's provision
        duties[s.actor] = duties.get(s.actor, 0) + 1
        provisions.setdefault(s.actor, set()).add(s.eid)
    if unknown:
        # where in the text's order (第九条 before 第十条, not art_10 before art_9 as strings sort), and citations[i]
        # the citation of where[i]: for people 第十九条第二款, as every other table says it (not art_19__para_2)
        order = {n.eid: k for k, n in enumerate(doc.nodes())}
        rows = [{"name": n, "kind": reg.actor(n).kind, "count": duties.get(n, 0),
                 "where": sorted(set(eids), key=lambda e: (order.get(e, len(order)), e))}
                for n, eids in sorted(unknown_actors(doc, reg).items())]
        for r in rows:
            r["citations"] = [doc.get(e).citation if doc.get(e) is not None else e for e in r["where"]]
        if fmt == "json":
            write_text(to_json(rows))
        elif fmt == "csv":
            write_text(to_csv(["主体", "推测类别", "规定数", "位置"],
                              [[r["name"], KIND_NAMES.get(r["kind"], r["kind"]), r["count"], "、".join(r["citations"])]
                               for r in rows]))
        elif rows:
            click.echo(table(["主体", "推测类别", "规定数", "位置"],
                             [[r["name"], KIND_NAMES.get(r["kind"], r["kind"]), r["count"], "、".join(r["citations"])]
                              for r in rows], keep=(0,), wrap=3))
            click.echo("\n可把这些主体加入项目根目录的 actors.yml（格式同 kb/layers/data/actors.yml）")
        if not rows:
            click.echo("没有发现词表外的主体", err=True)
            ctx.exit(1)
        return
    names = list(duties)
    if show_all:
        names += [a.name for a in reg if a.name not in duties]
    rows = []
    for n in names:
        a = reg.actor(n)
        rows.append({"name": a.name, "aliases": a.aliases, "kind": a.kind, "level": a.level, "parent": a.parent,
                     "count": duties.get(n, 0), "provisions": len(provisions.get(n, ())), "known": reg.is_known(n)})
    rows.sort(key=lambda r: (KINDS.index(r["kind"]) if r["kind"] in KINDS else 99, -r["count"], r["name"]))
    if fmt == "json":
        write_text(to_json(rows))
    elif fmt == "csv":
        write_text(to_csv(["主体", "别名", "类别", "层级", "上级", "规定数", "条款数", "在词表中"],
                          [[r["name"], "、".join(r["aliases"]), KIND_NAMES.get(r["kind"], r["kind"]), r["level"],
                            r["parent"], r["count"], r["provisions"], "是" if r["known"] else "否"] for r in rows]))
    else:
        from kb.outputs.formats import width

        kinds = [KIND_NAMES.get(r["kind"], r["kind"]) or "" for r in rows]
        # a category is a short name (政府及派出机关): the aliases give way before it is broken over two lines
        click.echo(table(["主体", "类别", "层级", "上级", "别名", "规定数", "条款数"],
                         [[r["name"] + ("" if r["known"] else " ?"), k, r["level"] or "", r["parent"] or "",
                           "、".join(r["aliases"]), r["count"], r["provisions"]] for r, k in zip(rows, kinds)],
                         keep=(0, 3), wrap=(4, 1, 2), least={1: max(map(width, kinds), default=6)}))
        if any(not r["known"] for r in rows):
            click.echo("\n? 表示词表里没有的主体（kb actors --unknown）")
    if not rows:
        ctx.exit(1)
