"""``kb check``: the drafting office's proofreader (rules in kb.check)."""
from __future__ import annotations

from pathlib import Path

import click

from kb.check.registry import SEVERITIES, STAGES
from kb.cli import decided
from kb.cli.core import load_target, project_root, tell_written
from kb.errors import KbError

FORMATS = ("table", "json", "sarif", "html", "docx")


def _rule_ids(values: tuple[str, ...]) -> list[str] | None:
    ids = [r.strip() for v in values for r in v.replace("，", ",").split(",") if r.strip()]
    return ids or None


def list_rules() -> str:
    """Every rule: id, family, default severity, what it checks, and its example written wrong and right."""
    from kb.check.registry import FAMILIES, SEVERITY_NAMES
    from kb.check.rules import all_rules

    out = []
    for r in all_rules().values():
        sev = "关闭：" + r.needs if r.needs else SEVERITY_NAMES.get(r.describe_severity(), r.describe_severity())
        out.append(f"{r.id}　［{FAMILIES[r.family]}］{sev}　{r.title}")
        out.append(f"    错：{r.bad.replace(chr(10), '／')}")
        out.append(f"    对：{r.good.replace(chr(10), '／')}")
    return "\n".join(out)


@click.command("check")
@click.argument("source", required=False, metavar="[文本]")
@click.option("--regulation", "-r", default=None, help="法规（regulation/ 下的目录名，也可写 法规@版本）；默认为配置中的默认法规")
@click.option("--version", "-v", "version", default=None, help="版本名；默认为最新版本")
@click.option("--rule", "rules", multiple=True, metavar="规则",
              help="只运行这些规则（可多次给出，或用逗号分隔）；--list-rules 列出全部")
@click.option("--severity", type=click.Choice(SEVERITIES), default="info", show_default=True,
              help="只报告不低于此级别的问题；有这样的问题时退出码为 1")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="输出格式：表格、JSON、SARIF 2.1.0、HTML（原文与问题对照）、DOCX（审校意见表）")
@click.option("-o", "--output", default=None, help="写入文件（DOCX 必须指定；写入是原子的）")
@click.option("--stage", type=click.Choice(STAGES), default=None,
              help="文本所处阶段（默认由状态推断：征求意见稿为 comment，草案、审议稿为 vote，其余为 adopted）")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="另读一个检查配置文件（在 mkdocs.yml 的 check: 和 check.yml 之后）")
@click.option("--list-rules", "list_rules_", is_flag=True, help="列出全部规则、默认级别和例子")
@click.option("--upper", is_flag=True, help="只检查重复上位法（upper-repeat），按重复比例从高到低列出")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, metavar="比例",
              help="upper-repeat：条文中与上位法相同的字句至少占多少才报告（默认 0.5）")
@click.pass_context
def check_cmd(ctx, source, regulation, version, rules, severity, fmt, output, stage, config_file, list_rules_,
              upper, threshold):
    """按立法技术规范检查一个文本（结构、引用、引用法律、术语、义务、格式），逐条给出条款、行号、原文和建议。

    文本为文件路径或 法规@版本（默认为配置中的默认法规的最新版本）。退出码：0 没有不低于 --severity
    的问题，1 有，2 输入或配置有误。规则可在 mkdocs.yml（kb 插件的 check:）或项目根的 check.yml 中关闭或改级别。"""
    if list_rules_:
        click.echo(list_rules())
        return
    from kb.check.config import load_config, read_config_file
    from kb.check.engine import check

    if fmt == "docx" and not output:
        raise KbError("DOCX 审校意见需要用 -o 指定输出文件")
    target, doc = load_target(ctx, source, regulation, version, say_numbering=False)   # findings of its own
    root = project_root(ctx, required=False)
    cfg = load_config(root)
    if config_file:
        cfg = read_config_file(Path(config_file), cfg)
    if threshold is not None:
        cfg.upper_threshold = threshold
    only = ["upper-repeat"] if upper else _rule_ids(rules)
    rep = check(doc, root, cfg, only=only, stage=stage)
    if upper:       # the articles that repeat upper law, most repeated first
        rep.findings.sort(key=lambda f: -(f.score or 0))
    shown = rep.at_least(severity)
    decided(ctx, 1 if shown else 0)     # kept if the reader goes away (kb check | head)
    _write(rep, shown, fmt, output, doc, root)
    if shown:
        ctx.exit(1)


def _write(rep, shown, fmt, output, doc, root) -> None:
    from kb.outputs.formats import write_bytes, write_text

    if fmt == "table":
        from kb.check.report import table
        text = table(rep, shown)
        if output:
            write_text(text, output)
        else:
            click.echo(text)
    elif fmt == "json":
        from kb.check.report import to_json
        write_text(to_json(rep, shown), output)
    elif fmt == "sarif":
        from kb.check.sarif import to_sarif_json
        write_text(to_sarif_json(rep, shown, root), output)
    elif fmt == "html":
        from kb.check.html import to_html
        write_text(to_html(rep, shown, doc.text), output)
    else:
        from kb.check.docx import to_docx
        write_bytes(to_docx(rep, shown), output)
    tell_written(output)         # not for -o - (the report went to stdout)


def build_gate(root: Path) -> bool:
    """For ``kb build --check``: check the latest version of each regulation; print the errors and
    return False when there are any (the build does not start)."""
    from kb.check.engine import check_project
    from kb.check.report import table

    ok = True
    for rep in check_project(root):
        errors = rep.at_least("error")
        if errors:
            ok = False
            click.echo(table(rep, errors), err=True)
    if ok:
        click.echo("· kb check：没有“错误”级别的问题", err=True)
    return ok
