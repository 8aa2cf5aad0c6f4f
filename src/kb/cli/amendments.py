"""What the core commands show of amendments: ``kb parse``/``kb export`` of a 修正案 or 修改决定,
and ``kb show … --as-of DATE`` (the version in force and the article's history).  Kept apart from
kb.cli.amend (the ``kb amend`` command), which reads targets through kb.cli.core."""
from __future__ import annotations

import click

from kb.errors import KbError
from kb.outputs.screen import style


def amendment_at(target):
    """The amendment a target's file holds, or None when it is a regulation."""
    from kb.text.amendment import looks_like_amendment, parse_amendment
    from kb.text.sources import read_source

    if target.regulation is not None:
        return None
    src = read_source(str(target.path))
    return parse_amendment(src) if looks_like_amendment(src) else None


def show_amendment(am, fmt: str) -> None:
    """``kb parse`` of a 修正案 or 修改决定: what it is and its instructions, one row per operation."""
    from kb.outputs.formats import clip, table, to_csv, to_json, write_text
    from kb.text.amendment import ACTIONS

    rows = []
    for ins in am.instructions:
        for op in ins.ops:
            what = op.text if op.old is None else f"“{op.old}”→“{op.text or ''}”"
            rows.append([ins.label.rstrip("、") or "—", op.line, ACTIONS.get(op.action, op.action)
                         + ("（说明）" if op.informational else ""), op.describe().rsplit(" ", 1)[0],
                         (what or "").replace("\n", "／")])
    if fmt == "json":
        write_text(to_json(am.to_dict()))
        return
    if fmt == "csv":
        write_text(to_csv(["指令", "行", "操作", "位置", "内容"], rows))
        return
    info = [["文件", am.source], ["标题", am.title or ""], ["类型", am.kind_zh], ["修改对象", am.law or ""],
            ["通过日期", am.date or ""], ["施行", am.effective or ""],
            ["条文顺序", "相应调整" if am.renumber else "不调整（新增条文用“之一”）"],
            ["指令", len(am.instructions)], ["操作", len(rows)], ["警告", len(am.warnings)]]
    click.echo(table(["项目", "值"], [r for r in info if r[1] not in ("", None)]))
    click.echo()
    click.echo(table(["指令", "行", "操作", "位置", "内容"], [r[:4] + [clip(r[4], 60)] for r in rows]))
    for w in am.warnings:
        click.echo(f"警告：{w}", err=True)


def _iso_date(s: str) -> str:
    from kb.project import date_argument

    return date_argument(s, "--as-of")


def in_force_target(ctx, target, as_of: str, strict: bool):
    """``kb show … --as-of DATE``: (Target, Document, InForce) of the version in force on that date — or, when its
    施行 date is unknown, of the latest adopted by then — for the regulation ``target`` (resolved without a version)
    belongs to."""
    from kb.amend.effective import in_force
    from kb.project import Target, is_draft, load

    date = _iso_date(as_of)
    reg = target.regulation
    if reg is None:
        raise KbError("--as-of 需要知识库中的法规（法规名或 法规@版本），不能是单独的文件", str(target.path))
    answer = in_force(reg, date)
    if answer.version is None:
        # only an adopted version is in force: a draft dated before that day is said to be one
        adopted = [f"{x.label or x.name}（{x.date}）" for x in reg.versions if x.date and not is_draft(reg, x)]
        drafts = [f"{x.label or x.name}（{x.date}）" for x in reg.versions
                  if x.date and x.date <= date and is_draft(reg, x)]
        also = f"；{'、'.join(drafts)}是草案，草案不施行" if drafts else ""
        why = ("：" + "；".join(f"{e.describe()}，该日尚未施行" for e in answer.pending) if answer.pending
               else "：这一日期以前没有已通过的版本")
        click.echo(f"错误：{reg.id} 在 {date} 没有施行的版本{why}{also}"
                   f"（有日期的已通过版本：{'、'.join(adopted) or '无'}）", err=True)
        ctx.exit(1)
    v = answer.version
    t = Target(reg.path(v), reg, v)
    return t, load(t, strict=strict), answer


def history_dict(target, number) -> list[dict]:
    from kb.amend.history import article_history

    return [s.to_dict() for s in article_history(target.regulation, target.version, number)]


def print_history(target, number, answer) -> None:
    from kb.amend.history import article_history

    steps = article_history(target.regulation, target.version, number)
    click.echo()
    click.echo(style(f"{answer.headline()}；本条沿革：", dim=True))
    for s in steps:
        where = f"{s.old}→{s.new}" if s.old and s.old != s.new else (s.new or "")
        click.echo(f"  {s.date or '（无日期）'}  {s.label or s.version}  {s.how}  {where}")
        for c in s.changes:
            click.echo(f"      {c}")
    if not answer.certain and answer.earlier is not None:
        # the other text the day may have had: where this article stood in it, as a command to show it
        e = answer.earlier
        then = next((s.new for s in steps if s.version == e.version.name), None)
        if then:
            click.echo(f"若{answer.effect.name}该日尚未施行，该日的这一条是{e.name}的{then}："
                       f"kb show {then} -r {target.regulation.id}@{e.version.name}")
        else:
            click.echo(f"若{answer.effect.name}该日尚未施行，该日没有这一条（{e.name}中没有与之对应的条文）")
