"""``kb related``: the related provisions of an article across the knowledge base."""
from __future__ import annotations

import sys

import click

from kb.cli.core import load_target, project_root, provision, target_options
from kb.errors import KbError
from kb.outputs.formats import split_width, table, terminal_width, to_csv, to_json, write_text
from kb.outputs.screen import style

KIND_CHOICES = {"upper": "upper", "peer": "peer", "version": "version", "lower": "lower",
                "上位法": "upper", "同类立法": "peer", "本法规其他版本": "version", "下位法": "lower"}


@click.command("related")
@click.argument("ref", metavar="条款")
@click.argument("source", required=False, metavar="[文本]")
@target_options
@click.option("--kind", "kinds_", multiple=True, type=click.Choice(sorted(KIND_CHOICES)),
              help="只列这一类（可重复）：upper 上位法、peer 同类立法、version 本法规其他版本、lower 下位法")
@click.option("--limit", type=click.IntRange(min=1), default=5, show_default=True,
              help="每类最多列出几条（同类立法的较弱答案也算在内）")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", help="输出格式")
@click.pass_context
def related_cmd(ctx, ref, source, regulation, version, strict, kinds_, limit, fmt):
    """一条的相关条文：上位法依据、同类立法（其他地方的同级法规）、本法规其他版本。

    \b
    例：kb related 15                       默认法规第十五条的相关条文
        kb related 7 --kind upper           只列上位法
        kb related 3 北京市物业管理条例      另一部法规的第三条
        kb related 15 --format json
    相似度是两条原文字二元组 TF-IDF 向量的余弦；相关度再乘以与对方法规主题的相近程度、依据关系
    （README“相关条文”）：低于阈值的不列，某类一条也没有时写明“无”；按相关度排序，只是上位法达到阈值的
    前三条再按“相关度 × 覆盖”排序——覆盖是本条按 TF-IDF 加权的字二元组见于对方条文的比重，上位法的表中
    列为“覆盖”（JSON 的 "cover"，这几条 "ordered": true；CSV 的“覆盖”“按覆盖排序”两列），所以这三行的
    相关度可能不是从高到低；JSON 按列出的先后。【】标出与本条相同的字句，“相同字句”是它们占本条的比例。
    同类立法有一条达到阈值时，其后接着列出相关度稍低的几条，相关度旁标“弱”（JSON 中 "weak": true）。
    """
    from kb.library.kinds import KIND_NAMES, KINDS
    from kb.library.related import FOLLOW, THRESHOLDS, grounds_outside, load_library
    from kb.text.address import to_eid

    target, doc = load_target(ctx, source, regulation, version, strict)
    if target.regulation is None:
        raise KbError("kb related 需要知识库中的法规（regulation/ 下），不能是单独的文件", str(target.path))
    # a provision the text lacks is said before the knowledge base is read (kb.cli.core.provision: exit 2);
    # the related provisions are those of its article
    eid = to_eid(provision(doc, ref)[1][0])
    root = project_root(ctx)
    with click.progressbar(length=1, label="读取知识库", file=sys.stderr) as bar:
        def progress(done, total, _key):
            bar.length = total
            bar.update(1)
        lib = load_library(root, progress=progress)
    e = lib.get(target.regulation.id, target.version.name, eid)
    if e is None:
        raise KbError(f"知识库的相关条文索引中没有“{ref}”：请运行 kb index 或 kb build 更新", doc.source)
    kinds = tuple(dict.fromkeys(KIND_CHOICES[k] for k in kinds_)) or KINDS
    rel = lib.related(e, kinds=kinds, limit=limit)
    # "none" said per kind, not left to an absent section: and where no 上位法 comes, the laws the 依据
    # article cites that the knowledge base lacks (the ground kb could not compare with)
    empty = [k for k in kinds if not any(r.kind == k for r in rel)]
    outside = grounds_outside(root, doc) if "upper" in empty else []
    if fmt == "json":
        write_text(to_json({"regulation": e.reg.id, "version": e.version.name, "eid": e.eid, "label": e.label,
                            "text": e.text, "related": [r.to_dict() for r in rel], "none": empty,
                            "grounds_not_in_kb": outside}))
    elif fmt == "csv":
        write_text(to_csv(["类别", "法规", "版本", "条款", "相似度", "相关度", "覆盖", "按覆盖排序", "共有罕见字比例",
                           "较弱", "原文"],
                          [[KIND_NAMES[r.kind], r.entry.reg.id, r.entry.version.name, r.entry.label,
                            f"{r.similarity:.3f}", f"{r.relevance:.4f}", f"{r.cover:.3f}", "是" if r.ordered else "",
                            f"{r.shared:.3f}", "较弱" if r.weak else "", r.entry.text]
                           for r in rel]))
    else:
        note = _version_note(e.version)
        click.echo(style(f"{e.reg.title}{note}{' ' if note.startswith('@') else ''}{e.label}", bold=True))
        # without --kind, "无" is said for the two kinds a drafter asks about; other kinds show when found
        said = kinds if kinds_ else tuple(k for k in kinds if k in ("upper", "peer") or k not in empty)
        for k in said:
            mine = [r for r in rel if r.kind == k]
            click.echo()
            if not mine:
                why = ("施行日期条款，不与其他法规的条文比较" if e.index in lib.inert and k != "version"
                       else "本法规在知识库中只有这一个版本" if k == "version" and len(target.regulation.versions) < 2
                       else f"知识库中没有足够相近的条文（相关度都低于 {THRESHOLDS[k]:.3f}）")
                click.echo(f"{style(KIND_NAMES[k], bold=True)}：无——{why}")
                if k == "upper" and outside:
                    click.echo("  本法规的依据条文引用的" + "、".join(f"《{t}》" for t in outside)
                               + "不在知识库中，无从比较（可用 kb add 加入）")
                continue
            click.echo(style(KIND_NAMES[k], bold=True))
            # the regulation (with its version) and the article say which provision a row is: never cut; when
            # the terminal is narrow the title goes on over lines (at least 10 characters a line, fewer when the
            # terminal cannot hold that: table() lowers the minimums rather than print past the edge) and so does 原文
            # where the first answers are ordered by relevance × coverage (ORDER), the coverage is shown beside the
            # relevance, so that the order can be checked (code review 21, item 6); a single row has no order to check
            ordered = sum(r.ordered for r in mine)
            ordered = ordered if ordered > 1 else 0
            cover = ["覆盖"] if ordered else []
            click.echo(table(["法规", "条", "相关度", *cover, "相似度", "相同字句", "原文（【】为相同字句）"],
                             [[_reg_name(r.entry, r.kind), r.entry.label,
                               f"{r.relevance:.3f}" + (" 弱" if r.weak else ""),
                               *([f"{r.cover:.0%}"] if ordered else []), f"{r.similarity:.2f}",
                               f"{r.shared:.0%}", _marked(r.entry.text, r.marks)] for r in mine],
                             wrap=(len(cover) + 5, 0), keep=(1,), least={0: 20, len(cover) + 5: 20}))
            if ordered:
                note = (f"前 {ordered} 条按“相关度 × 覆盖”从高到低排列，覆盖是本条按 TF-IDF 加权的字二元组见于该条的比重"
                        "（短而只共用本条几个词的条文排在完整规定本条事项的条文之后），所以相关度不一定从高到低；"
                        "相同字句是【】标出的字句占本条的比例")
                for line in split_width(note, terminal_width()):
                    click.echo(line)
            if any(r.weak for r in mine):
                # the followers (kb.library.related.FOLLOW), after the answers above the threshold: said in a line
                # that goes on over lines as the table does (a short mark in 相关度 keeps the other columns whole)
                note = (f"弱：较弱的答案，相关度在 {lib.threshold(k, e, FOLLOW):.3f} 以上，但低于阈值 "
                        f"{lib.threshold(k, e, THRESHOLDS):.3f} 或所在法规与本法规主题相近的依据不足，"
                        "列在达到阈值的答案之后，仅供参考")
                for line in split_width(note, terminal_width()):
                    click.echo(line)
    if not rel:
        ctx.exit(1)


def _reg_name(e, kind: str) -> str:
    """The regulation of a related article by its (short) title, not its folder name; its version when it is not
    the latest, and always for 本法规其他版本 (which version is the point)."""
    r = e.reg
    return (r.short_title or r.title) + ("" if e.latest and kind != "version" else _version_note(e.version))


def _version_note(v) -> str:
    """（草案修改稿） beside a title: the version's label, status or date; a version without any of its own by its
    name (@draft, not （draft）: kb.project.VersionMeta)."""
    return f"（{v.label}）" if v.label != v.name else f"@{v.name}"


def _marked(text: str, marks: list, width: int = 80) -> str:
    out, pos = [], 0
    for s, t in marks:
        out.append(text[pos:s] + "【" + text[s:t] + "】")
        pos = t
    out.append(text[pos:])
    flat = "".join(out).replace("\n", " ")
    return flat if len(flat) <= width else flat[:width - 1] + "…"
