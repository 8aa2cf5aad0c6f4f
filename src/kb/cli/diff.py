"""``kb diff OLD NEW``: compare two versions (or two regulations)."""
from __future__ import annotations

import re
import sys

import click

from kb.errors import KbError

DIFF_FORMATS = ("table", "html", "json", "docx", "md", "txt")
DIRECTION_ZH = {"shortened": "期限缩短", "lengthened": "期限延长", "stricter": "要求加重", "relaxed": "要求放宽"}
FIELD_ZH = {"modality": "情态", "deadline": "期限", "quantity": "数量", "action": "行为"}


@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(DIFF_FORMATS), default="table",
              help="输出格式：table（终端对照）、html、json、docx（Word 对照表，需 -o）、md")
@click.option("-o", "--output", default=None, help="写入文件（docx 必须指定）")
@click.option("--obligations", is_flag=True, help="比较各主体的义务：新增、删除、改变（情态、期限）")
@click.option("--notes-column", is_flag=True, help="对照表加第三栏“修改说明”（留空待填）")
@click.option("--changed-only", is_flag=True, help="对照表只列有变化的条文（终端输出总是只列有变化的）")
@click.option("--color/--no-color", default=None, help="终端输出是否着色（默认：输出到终端时着色）")
@click.option("--strict", is_flag=True, help="把编号警告当作错误（退出码 2）")
@click.option("--as", "as_", type=click.Choice(["comparison", "decision"]), default="comparison",
              help="decision：起草把 OLD 改为 NEW 的修改决定（--format txt|md|docx|json）")
@click.option("--style", type=click.Choice(["decision", "amendment"]), default="decision",
              help="与 --as decision 同用：decision 为修改决定（条文顺序相应调整），amendment 为修正案（第X条之一）")
@click.option("--effective", default=None, help="与 --as decision 同用：施行日期（如 2025年1月1日；默认“公布之日”）")
@click.pass_context
def diff_cmd(ctx, old, new, fmt, output, obligations, notes_column, changed_only, color, strict, as_, style,
             effective):
    """比较两个版本：按内容对齐条文，逐字标出修改，生成新旧对照表。

    OLD、NEW 为文件路径或 法规@版本（如 suining-community@draft）；也可以是两部不同的法规。
    """
    from kb.cli.core import load_target
    from kb.compare.diff import compare
    from kb.outputs.formats import to_json, write_bytes, write_text

    _, old_doc = load_target(ctx, old, None, None, strict)
    _, new_doc = load_target(ctx, new, None, None, strict)
    if as_ == "decision":
        from kb.cli.amend import write_decision
        write_decision(old_doc, new_doc, fmt, output, style, effective)
        return
    if fmt == "txt":
        raise KbError("--format txt 用于 --as decision；版本对照请用 table、md、html、json 或 docx")
    cmp = compare(old_doc, new_doc)
    if obligations:
        if fmt == "docx":
            raise KbError("--obligations 输出文本或 JSON：请用 --format table 或 --format json")
        from kb.compare.obligations import obligation_diff
        od = obligation_diff(cmp)
        if fmt == "json":
            data = cmp.to_dict()
            data["obligations"] = od
            write_text(to_json(data), output)
        else:
            write_text(_obligations_text(od), output)
        if not cmp.summary["related"]:
            ctx.exit(1)
        return
    if fmt == "json":
        write_text(cmp.to_json(), output)
    elif fmt == "html":
        from kb.compare.render.html import html_page
        write_text(html_page(cmp, notes_column=notes_column, changed_only=changed_only), output)
    elif fmt == "md":
        from kb.compare.render.markdown import markdown
        write_text(markdown(cmp, notes_column=notes_column, changed_only=changed_only), output)
    elif fmt == "docx":
        if not output:
            raise KbError("docx 是二进制格式，需要用 -o 指定输出文件")
        from kb.compare.render.docx import docx_bytes
        write_bytes(docx_bytes(cmp, notes_column=notes_column, changed_only=changed_only), output)
        click.echo(f"已写入 {output}", err=True)
    else:
        from kb.compare.render.terminal import terminal
        if color is None:
            color = output is None and sys.stdout.isatty()
        write_text(terminal(cmp, color=color), output)
    if not cmp.summary["related"]:
        ctx.exit(1)               # ran fine, but the texts have (almost) nothing in common


def _obligations_text(od: dict) -> str:
    from kb.compare.obligations import MODALITY_ZH

    def one(s):
        bits = [s.get("article") or "", MODALITY_ZH.get(s.get("modality"), s.get("modality") or "")]
        if s.get("deadline"):
            bits.append(f"期限：{_deadline(s['deadline'])}")
        return f"{bits[0]}［{bits[1]}］{s.get('action') or ''}" + (f"（{bits[2]}）" if len(bits) > 2 else "")

    lines = []
    # the gist first: how many actors are affected, and every change of modality or deadline
    touched = [a for a, d in od.items() if d["added"] or d["removed"] or d["changed"]]
    if touched:
        tot = {k: sum(len(od[a][k]) for a in touched) for k in ("added", "removed", "changed")}
        lines.append(f"义务变化涉及 {len(touched)} 个主体：新增 {tot['added']}，删除 {tot['removed']}，"
                     f"改变 {tot['changed']}。")
        by_change: dict[str, list[str]] = {}      # one line per change; coordinated actors share it
        for a in touched:
            for c in od[a]["changed"]:
                for x in c["changes"]:
                    if x["field"] in ("modality", "deadline"):
                        k = (f"{c['old'].get('article')} → {c['new'].get('article')}　"
                             f"{FIELD_ZH[x['field']]}：{_v(x['old'], x['field'])} → {_v(x['new'], x['field'])}"
                             + (f"，{DIRECTION_ZH[x['direction']]}" if x.get("direction") else ""))
                        by_change.setdefault(k, []).append(a)
        key = [f"  {'、'.join(actors)}　{k}" for k, actors in by_change.items()]
        if key:
            lines.append(f"情态或期限改变（{len(key)} 处）：")
            lines += key
        lines.append("")
    for actor, d in od.items():
        if not (d["added"] or d["removed"] or d["changed"]):
            continue
        lines.append(f"{actor}：新增 {len(d['added'])}，删除 {len(d['removed'])}，改变 {len(d['changed'])}，"
                     f"未变 {d['unchanged']}")
        for s in d["added"]:
            lines.append(f"  + {one(s)}")
        for s in d["removed"]:
            lines.append(f"  - {one(s)}")
        for c in d["changed"]:
            ch = "；".join(f"{FIELD_ZH.get(x['field'], x['field'])}：{_v(x['old'], x['field'])} → "
                          f"{_v(x['new'], x['field'])}" + (f"，{DIRECTION_ZH[x['direction']]}"
                                                           if x.get("direction") else "")
                          for x in c["changes"] if x["field"] != "action")
            lines.append(f"  ~ {c['old'].get('article')} → {c['new'].get('article')}　{c['new'].get('action') or ''}"
                         + (f"（{ch}）" if ch else "（表述改变）"))
    return "\n".join(lines) + "\n" if lines else "各主体的义务没有变化。\n"


_DEADLINE_TEXT = re.compile(
    r"(?:自?[^，。；自]{0,40}?之日起(?:或者[^，。；]{0,30}?起)?)?(?:最长)?(?:不得超过|不超过)?"
    r"[零〇一二三四五六七八九十百千两\d]+个?(?:工作日|日|天|个月|月|年|小时)(?:内|以内)?")


def _deadline(x):
    """The time expression of a deadline span (自收到申请之日起五日内), without the actor and modal
    verb the extractor may have kept in front of it."""
    if not isinstance(x, str):
        return x
    m = _DEADLINE_TEXT.search(x)
    return re.sub(r"^[^自]*?(应当|可以|必须|不得)", "", m.group(0)) if m else x


def _v(x, field):
    from kb.compare.obligations import MODALITY_ZH
    if field == "modality":
        return MODALITY_ZH.get(x, x)
    if field == "deadline":
        x = _deadline(x)
    return "无" if x in (None, "", []) else x
