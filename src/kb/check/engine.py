"""Running the rules on one document: which rules run (the configuration, ``--rule``), at which
severity (the rule's default for the text's stage, or the project's choice), and the findings in
document order."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb.check.config import CheckConfig, OFF
from kb.check.context import Context
from kb.check.registry import RANK, Finding, Rule
from kb.check.rules import all_rules
from kb.errors import KbError
from kb.text.model import Document


@dataclass
class Report:
    """What one run of the rules on one document found."""
    file: str
    title: str | None
    status: str | None
    stage: str
    findings: list[Finding]
    rules: dict[str, str]                                   # rule id -> severity it ran at
    skipped: dict[str, str] = field(default_factory=dict)   # rule id -> why it did not run

    def at_least(self, severity: str) -> list[Finding]:
        return [f for f in self.findings if RANK[f.severity] >= RANK[severity]]

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            out[f.severity] += 1
        return out


def select(config: CheckConfig, only: list[str] | None, stage: str) -> tuple[dict[str, Rule], dict[str, str], dict[str, str]]:
    """(rules to run, their severities, rules skipped with why).  Rules named with ``only`` run even
    when the configuration switches them off; a rule that cannot run yet is an error when named."""
    rules = all_rules()
    if only:
        unknown = [r for r in only if r not in rules]
        if unknown:
            raise KbError(f"没有规则“{'、'.join(unknown)}”（可用：{'、'.join(rules)}；kb check --list-rules 列出说明）")
        for r in only:
            if rules[r].needs:
                raise KbError(f"规则 {r} 暂不能运行：{rules[r].needs}")
    run, sev, skipped = {}, {}, {}
    for rid, r in rules.items():
        if only and rid not in only:
            continue
        if r.needs:
            skipped[rid] = r.needs
            continue
        s = config.severity(rid, stage, r.severity_for(stage))
        if s == OFF:
            if not only:
                skipped[rid] = f"已在配置中关闭（{config.where(rid)}）"
                continue
            s = r.severity_for(stage)
        run[rid], sev[rid] = r, s
    return run, sev, skipped


def check(doc: Document, root: Path | None = None, config: CheckConfig | None = None,
          only: list[str] | None = None, stage: str | None = None, corpus: str | Path | None = None) -> Report:
    """Run the rules on ``doc``: every rule the configuration leaves on, or only those named."""
    config = config or CheckConfig()
    ctx = Context(doc, root, stage=stage, corpus=corpus, variants=config.variants)
    ctx.config = config
    run, sev, skipped = select(config, only, ctx.stage)
    order = {rid: i for i, rid in enumerate(run)}
    seen, findings = set(), []
    for rid, r in run.items():
        for f in r.check(ctx):
            key = (f.rule, f.line, f.column, f.words, f.message)
            if key in seen:
                continue
            seen.add(key)
            f.severity = sev[rid]
            findings.append(f)
    findings.sort(key=lambda f: (f.line, f.column or 0, order[f.rule]))
    return Report(doc.source, doc.title, doc.status, ctx.stage, findings, sev, skipped)


def check_project(root: Path, config: CheckConfig | None = None) -> list[Report]:
    """The latest version of every regulation the site builds (the plugin's ``regulations``, or all),
    each checked with the project's settings: what ``kb build --check`` gates the build on."""
    from kb.check.config import load_config
    from kb.project import Target, list_regulations, load, load_config as kb_config

    config = config or load_config(root)
    wanted = kb_config(root).get("regulations")
    reports = []
    for reg in list_regulations(root):
        if wanted and reg.id not in wanted or not reg.versions:
            continue
        v = reg.versions[-1]
        reports.append(check(load(Target(reg.path(v), reg, v)), root, config))
    return reports
