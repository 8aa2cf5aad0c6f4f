"""``kb obligations --regulation all``: the duties in every regulation of the knowledge base (an actor's with
--actor, one modality's with --modality, or all), grouped by regulation and level."""
from __future__ import annotations

import sys

import click

from kb.cli.core import project_root
from kb.errors import KbError
from kb.outputs.duties import how_many, leads, wording
from kb.outputs.formats import table, to_csv, to_json, write_text
from kb.outputs.screen import style


#: what -r all cannot be combined with, and why (one text, one version, one article are one regulation's)
_NOT_WITH_ALL = {"source": "文本参数只用于一部法规，不能与 --regulation all 同用",
                 "version": "--version 只用于一部法规；--regulation all 读每部法规的最新版本",
                 "article": "--article 只用于一部法规（各法规的条号互不相干），不能与 --regulation all 同用",
                 "no_actor": "--no-actor 只用于一部法规，不能与 --regulation all 同用",
                 "strict": "--strict 只用于一部法规（把该文本的编号警告当作错误），不能与 --regulation all 同用"}


def refuse_with_all(**given) -> None:
    """A usage error (exit 2) for an option -r all cannot take, rather than ignoring it."""
    for name, value in given.items():
        if value:
            raise KbError(_NOT_WITH_ALL[name])


def obligations_across(ctx, actor: str | None, modality: str | None, fmt: str) -> None:
    from kb.layers.obligations import MODALITY_NAMES
    from kb.library.actors import duties_across

    root = project_root(ctx)
    with click.progressbar(length=1, label="读取知识库", file=sys.stderr) as bar:
        def progress(done, total, _key):
            bar.length = total
            bar.update(1)
        named: set[str] = set()
        groups = duties_across(root, actor, modality, progress, named)
    # a misspelt actor is an error (exit 2), as in one regulation; so is a name kb would only read as
    # a known actor's by its head noun (不存在的机关 is not 机关), though 机关 has duties
    if actor:
        from kb.library.actors import check_actor
        from kb.layers.actors import load_registry
        check_actor(actor, load_registry(root), named)
    # an item a list's lead-in carries is said with the lead-in's words (kb.outputs.duties)
    said = {id(s): wording(doc, s, lead.get(id(s))) for _, _, doc, stmts in groups for lead in (leads(stmts),)
            for s in stmts}
    rows = [(reg, v, doc, s, said[id(s)]) for reg, v, doc, stmts in groups for s in stmts]
    if fmt == "json":
        write_text(to_json([{"regulation": reg.id, "title": reg.title, "level": reg.level,
                             "jurisdiction": reg.jurisdiction, "version": v.name, "citation": s.citation,
                             **s.to_dict(), "text": doc.get(s.eid).text[s.start:s.end], "reading": text}
                            for reg, v, doc, s, text in rows]))
    elif fmt == "csv":
        write_text(to_csv(["效力级别", "地区", "法规", "出处", "主体", "情态", "原文"],
                          [[reg.level or "", reg.jurisdiction or "", reg.id, s.citation, s.actor,
                            MODALITY_NAMES[s.modality], text]
                           for reg, v, _, s, text in rows]))
    else:
        from kb.project import shared_titles

        level, shared = None, shared_titles((reg.id, reg.title) for reg, *_ in groups)
        for reg, v, doc, stmts in groups:
            if reg.level != level:
                level = reg.level
                click.echo(style(f"\n【{level or '未注明级别'}】", bold=True))
            # a regulation without a jurisdiction: （20 项）, not （，20 项）; one whose title another has: （brk，20 项）
            where = "，".join(x for x in (reg.id if reg.title in shared else None, reg.jurisdiction,
                                         how_many(stmts)) if x)
            click.echo(style(f"{reg.title}（{where}）", bold=True))
            click.echo(table(["出处", "主体", "情态", "原文"],
                             [[s.citation, s.actor, MODALITY_NAMES[s.modality], said[id(s)]]
                              for s in stmts], keep=(0, 1), wrap=3))     # an actor's name is never cut; the words wrap
        if rows:
            from kb.project import count_laws

            # the excerpts of one law (民法典's 物权编 and 合同编) are one regulation
            click.echo(f"{how_many(*(stmts for *_, stmts in groups))}，{count_laws(reg for reg, *_ in groups)} 部法规",
                       err=True)
    if not rows:
        which = f"“{actor}”的" if actor else "符合条件的"
        click.echo(f"知识库中没有{which}规定" + (f"（情态：{MODALITY_NAMES[modality]}）" if modality else ""), err=True)
        ctx.exit(1)
