"""SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), so editors and CI show the findings.

Built from the properties the specification requires (version, runs[].tool.driver.name and rules,
results[].ruleId, level, message.text and a physical location with the artifact's URI and the start
line); the column is counted in Unicode code points (``columnKind``), as kb counts characters.
"""
from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

from kb.check.engine import Report
from kb.check.registry import Finding
from kb.check.rules import all_rules

VERSION = "2.1.0"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(file: str, base: Path | None = None) -> str:
    """The file as a URI reference: relative to ``base`` (the project root or the current folder)
    when it lies below it, with / separators and non-ASCII characters percent-encoded."""
    p = Path(file)
    base = base or Path.cwd()
    try:
        rel = p.resolve().relative_to(base.resolve())
        s = rel.as_posix()
    except ValueError:
        return p.resolve().as_uri()
    return urllib.parse.quote(s, safe="/")


def to_sarif(rep: Report, shown: list[Finding], base: Path | None = None) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    try:
        kb_version = version("kb")
    except PackageNotFoundError:
        kb_version = "0"
    rules = all_rules()
    ids = list(rules)
    driver = {"name": "kb check", "version": kb_version,
              "rules": [{"id": r.id, "name": r.id,
                         "shortDescription": {"text": r.title},
                         "fullDescription": {"text": f"{r.title}。例：{r.bad} → {r.good}"},
                         "help": {"text": f"错误写法：{r.bad}\n正确写法：{r.good}"},
                         "defaultConfiguration": {"enabled": r.id in rep.rules,
                                                  "level": LEVEL[rep.rules.get(r.id) or r.severity_for(rep.stage)]},
                         "properties": {"family": r.family}}
                        for r in rules.values()]}
    uri = artifact_uri(rep.file, base)
    results = []
    for f in shown:
        region = {"startLine": f.line}
        if f.column:
            region["startColumn"] = f.column
            if f.words and "\n" not in f.words:
                region["endColumn"] = f.column + len(f.words)
            region["snippet"] = {"text": f.words}
        text = f.message + (f"（建议：{f.suggestion}）" if f.suggestion else "")
        res = {"ruleId": f.rule, "ruleIndex": ids.index(f.rule), "level": LEVEL[f.severity],
               "message": {"text": text},
               "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri, "index": 0}, "region": region},
                              "logicalLocations": [{"name": f.citation, "kind": "member"}]}]}
        results.append(res)
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "artifacts": [{"location": {"uri": uri}, "mimeType": "text/plain", "encoding": "utf-8"}],
           "results": results,
           "properties": {"title": rep.title, "status": rep.status, "stage": rep.stage}}
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def to_sarif_json(rep: Report, shown: list[Finding], base: Path | None = None) -> str:
    return json.dumps(to_sarif(rep, shown, base), ensure_ascii=False, indent=2)
