"""A check's report for people (a table whose last column wraps) and for programs (JSON)."""
from __future__ import annotations

import json

from kb.check.engine import Report
from kb.check.registry import SEVERITY_NAMES, STAGE_NAMES, Finding


def heading(rep: Report) -> str:
    title = (rep.title or rep.file) + (f"（{rep.status}）" if rep.status else "")
    return f"{title}　{rep.file}"


def counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings of each severity."""
    c = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        c[f.severity] += 1
    return c


def summary(rep: Report, shown: list[Finding]) -> str:
    c = counts(shown)
    if not shown:
        return "没有发现问题。"
    return f"共 {len(shown)} 个问题：错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}。"


def table(rep: Report, shown: list[Finding], width: int | None = None) -> str:
    """One row per finding (行, 条款, 级别, 规则, 问题); the problem and the suggestion wrap under
    their column instead of being cut."""
    from kb.outputs.formats import pad, split_width, width as w

    if width is None:
        import shutil
        width = shutil.get_terminal_size((100, 24)).columns
    out = [heading(rep), f"阶段：{STAGE_NAMES[rep.stage]}；运行规则 {len(rep.rules)} 条"
           + (f"（未运行：{'、'.join(rep.skipped)}）" if rep.skipped else "")]
    if shown:
        rows = [[str(f.line), f.citation, SEVERITY_NAMES[f.severity], f.rule] for f in shown]
        heads = ["行", "条款", "级别", "规则"]
        cols = [max(w(h), *(w(r[i]) for r in rows)) for i, h in enumerate(heads)]
        lead = sum(cols) + 2 * len(cols)
        room = max(20, width - lead)
        out.append("")
        out.append("  ".join(pad(h, c) for h, c in zip(heads, cols)) + "  问题")
        out.append("  ".join("─" * c for c in cols) + "  " + "─" * min(room, 40))
        for f, r in zip(shown, rows):
            text = f.message + (f"（原文：“{f.words}”）" if f.words.strip() and f.words not in f.message else "") \
                + (f"　建议：{f.suggestion}" if f.suggestion else "")
            parts = split_width(text, room)
            out.append("  ".join(pad(v, c) for v, c in zip(r, cols)) + "  " + parts[0])
            out += [" " * lead + p for p in parts[1:]]
    out.append("")
    out.append(summary(rep, shown))
    return "\n".join(out)


def to_dict(rep: Report, shown: list[Finding]) -> dict:
    """``counts``: the findings listed (those at or above ``--severity``), by severity, as ``findings`` holds
    them; ``counts_all``: every finding of the run, before ``--severity`` filtered them."""
    return {"file": rep.file, "title": rep.title, "status": rep.status, "stage": rep.stage,
            "rules": rep.rules, "skipped": rep.skipped, "counts": counts(shown), "counts_all": rep.counts(),
            "findings": [f.to_dict() for f in shown]}


def to_json(rep: Report, shown: list[Finding]) -> str:
    return json.dumps(to_dict(rep, shown), ensure_ascii=False, indent=2)
