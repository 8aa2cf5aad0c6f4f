"""``kb score-check``: how right ``kb check`` is, rule by rule.

Precision comes from findings judged by hand: ``kb check`` runs on the texts of
``tests/data/check/texts.yml`` and each finding is matched (rule, line, words) to a judgement in
``tests/data/check/judged/<name>.tsv`` (verdict 1: a real fault by the rule's own criterion, 0: wrong).
A finding nobody judged is listed and makes the run fail, so the judgements keep up with the rules.
Recall comes from faults planted into clean corpus texts (kb.dev.plant_check).  The held-out texts
(``--held-out``: the sixth held-out set, the first five being tuning texts since) are scored apart, once,
after the last rule change: precision from their findings judged by hand, recall from faults planted
into them.
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from kb.dev import paths

DATA = paths.DATA / "check"
HEAD = ["rule", "line", "words", "verdict", "note"]


@dataclass
class Tally:
    judged: int = 0
    right: int = 0
    planted: int = 0
    found: int = 0
    unjudged: list = field(default_factory=list)

    @property
    def p(self) -> float | None:
        return self.right / self.judged if self.judged else None

    @property
    def r(self) -> float | None:
        return self.found / self.planted if self.planted else None

    @property
    def f1(self) -> float | None:
        p, r = self.p, self.r
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


def _texts_yml() -> dict:
    import yaml

    return yaml.safe_load((DATA / "texts.yml").read_text(encoding="utf-8"))


def texts(held_out: bool = False) -> dict[str, str]:
    return dict(_texts_yml()["held_out" if held_out else "tuning"])


def _regulation(path: str) -> str:
    """A corpus file's title without its version date: every version of one regulation, wherever the corpus
    files it (some national laws are filed under two branches, e.g. 行政法/ and 社会法/)."""
    import re
    return re.sub(r"\(\d{4}-\d\d-\d\d\)\.md$|\.md$", "", path.rsplit("/", 1)[-1])


def held_out_files(corpus: Path) -> set[Path]:
    """The corpus files of the held-out regulations, every version: runs over the whole corpus (kb bench
    check) leave them out so that kb check is never run on them before the held-out run."""
    from kb.dev.heldout import check_held_out_titles, title_of

    regs = check_held_out_titles()
    return {f for f in corpus.rglob("*.md") if title_of(f) in regs}


def scanned_texts() -> dict[str, tuple[str, frozenset[str]]]:
    """The corpus texts found by running the rules that fire rarely over the corpus (tuning side): name ->
    (path, the rules judged on it).  Only those rules' findings count there."""
    return {name: (x["text"], frozenset(x["rules"])) for name, x in (_texts_yml().get("scan") or {}).items()}


HELD_OUT_DIR = "held-out-6"     # the judgements of the sixth held-out set (the first five joined judged/)


SCAN_DIR = "scan"               # the judgements of the corpus scan's findings (rules that fire rarely)


def judgement_file(name: str, held_out: bool = False, scan: bool = False) -> Path:
    return DATA / "judged" / (HELD_OUT_DIR if held_out else SCAN_DIR if scan else "") / f"{name}.tsv"


def load_judgements(path: Path) -> dict[tuple, tuple[int, str]]:
    """(rule, line, words) -> (verdict, note)."""
    out = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["verdict"] in ("0", "1"):
                out[(row["rule"], int(row["line"]), row["words"])] = (int(row["verdict"]), row.get("note") or "")
    return out


def check_text(spec: str, corpus: Path):
    """The report of ``kb check`` on one text of the list (the seed through the project, with its metadata)."""
    from kb.check.engine import check

    if "@" in spec:
        from kb.project import load, resolve
        target = resolve(paths.REPO, spec)
        return check(load(target), paths.REPO)
    from kb.text.parse import parse_file
    return check(parse_file(str(corpus / spec)))


def _jobs(held_out: bool, only: tuple[str, ...] = ()) -> list[tuple]:
    """(name, spec, the rules judged there or None for all, judgement file) of each text of one side."""
    jobs = [(name, spec, None, judgement_file(name, held_out)) for name, spec in texts(held_out).items()]
    if not held_out:
        jobs += [(name, spec, rules, judgement_file(name, scan=True)) for name, (spec, rules) in scanned_texts().items()]
    if only:
        unknown = set(only) - {j[0] for j in jobs}
        if unknown:
            raise click.ClickException(f"texts.yml 中没有这些文本：{'、'.join(sorted(unknown))}")
        jobs = [j for j in jobs if j[0] in only]
    return jobs


def _needs_corpus(held_out: bool, only: tuple[str, ...], plant: bool) -> bool:
    """Whether the run reads the corpus: planting faults does, and so does every text but the seed (a
    regulation@version of the project)."""
    return plant or any("@" not in spec for _, spec, _, _ in _jobs(held_out, only))


def precision(held_out: bool, corpus: Path, tallies: dict[str, Tally], dump: bool = False,
              only: tuple[str, ...] = ()) -> None:
    for name, spec, rules, path in _jobs(held_out, only):
        judged = load_judgements(path)
        rep = check_text(spec, corpus)
        todo = []
        for f in rep.findings:
            if rules is not None and f.rule not in rules:
                continue
            t = tallies[f.rule]
            j = judged.get((f.rule, f.line, f.words))
            if j is None:
                t.unjudged.append((name, f))
                todo.append(f)
                continue
            t.judged += 1
            t.right += j[0]
        if dump and todo:
            _append_stubs(path, todo)


def _append_stubs(path: Path, findings) -> None:
    """Write unjudged findings (verdict left empty) for a person to judge."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.is_file()
    with path.open("a", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        if new:
            w.writerow(HEAD)
        for x in findings:
            w.writerow([x.rule, x.line, x.words, "", f"{x.citation}：{x.message}"])


JUDGE_HEAD = HEAD + ["text", "source"]


def dump_for_judge(held_out: bool, corpus: Path, out: Path, only: tuple[str, ...] = ()) -> list[tuple[Path, int]]:
    """Write every finding of each text, unjudged, to ``out/<name>.tsv`` for a judge: the columns of
    judged/*.tsv (rule, line, words, an empty verdict, note = citation and message) and, to judge by,
    the text's path and its source line.  Existing files are never overwritten (a judge's work)."""
    jobs = _jobs(held_out, only)
    targets = [out / f"{name}.tsv" for name, *_ in jobs]
    there = [t for t in targets if t.exists()]
    if there:
        raise click.ClickException(f"{there[0]} 已经存在（可能是判定结果），不覆盖；请换一个目录")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for (name, spec, rules, _), target in zip(jobs, targets):
        rep = check_text(spec, corpus)
        lines = _source_lines(spec, corpus)
        rows = [f for f in rep.findings if rules is None or f.rule in rules]
        with target.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(JUDGE_HEAD)
            for x in rows:
                src = lines[x.line - 1].strip() if 0 < x.line <= len(lines) else ""
                w.writerow([x.rule, x.line, x.words, "", f"{x.citation}：{x.message}", spec, src])
        written.append((target, len(rows)))
    return written


def _source_lines(spec: str, corpus: Path) -> list[str]:
    """The text's lines, numbered as the parser numbers them (a finding's line)."""
    from kb.text.grammar import split_lines
    if "@" in spec:
        from kb.project import load, resolve
        text = load(resolve(paths.REPO, spec)).text
    else:
        from kb.text.parse import parse_file
        text = parse_file(str(corpus / spec)).text
    return [x.content for x in split_lines(text)]


def recall(corpus: Path, tallies: dict[str, Tally], progress=None, held_out: bool = False) -> list:
    """Plant faults into plant.yml's texts, or (held out) into the held-out texts themselves."""
    from kb.dev.plant_check import run

    outcomes = run(corpus, progress=progress, texts=list(texts(True).values()) if held_out else None)
    for o in outcomes:
        tallies[o.rule].planted += 1
        tallies[o.rule].found += o.found
    return outcomes


def fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def warns(rule) -> bool:
    """Whether a rule warns a drafter by default: its severity is 警告 or 错误 at some stage of a text
    (placeholder: 提示 in a 征求意见稿, 错误 before a vote).  A rule at 提示 at every stage — by nature
    (form-trailing-space) or demoted for precision below 0.8 (the issue) — only informs."""
    sev = rule.severity
    return any(v != "info" for v in ([sev] if isinstance(sev, str) else [v for _, v in sev]))


def pool(tallies: dict[str, Tally], rules) -> Tally:
    out = Tally()
    for rid in rules:
        t = tallies.get(rid, Tally())
        out.judged += t.judged
        out.right += t.right
        out.planted += t.planted
        out.found += t.found
    return out


def _row(name: str, level: str, t: Tally) -> list:
    return [name, level, t.judged, t.right, fmt(t.p), t.planted, t.found, fmt(t.r), fmt(t.f1)]


def report(tallies: dict[str, Tally], title: str) -> str:
    """P/R/F1 per rule, then two overall figures: over every rule (all findings kb check gives) and over
    the rules that warn by default (what a drafter is warned about: the goal F1 ≥ 0.9 is read on this
    one, the issue letting a rule below 0.8 precision be demoted to 提示 instead of fixed); the 提示 rules
    are listed apart with their precision, so that a demotion hides nothing."""
    from kb.check.registry import SEVERITY_NAMES
    from kb.check.rules import all_rules
    from kb.outputs.formats import table

    rules = all_rules()
    rows = [_row(rid, "、".join(dict.fromkeys(SEVERITY_NAMES[v] for v in (
        [r.severity] if isinstance(r.severity, str) else [v for _, v in r.severity]))),
        tallies.get(rid, Tally())) for rid, r in rules.items()]
    warning = [rid for rid, r in rules.items() if warns(r)]
    info = [rid for rid in rules if rid not in warning]
    rows.append(_row("全部规则（合计）", "", pool(tallies, rules)))
    rows.append(_row("警告及以上的规则（合计）", "警告、错误", pool(tallies, warning)))
    out = [title, table(["规则", "默认级别", "判定", "正确", "P", "植入", "发现", "R", "F1"], rows, max_width=200)]
    apart = [f"  {rid}：P {fmt(tallies.get(rid, Tally()).p)}（{tallies.get(rid, Tally()).right}/"
             f"{tallies.get(rid, Tally()).judged}）" for rid in info]
    out.append("默认为“提示”的规则（不计入“警告及以上”的合计；精确率低于 0.8 的规则降为提示）：\n" + "\n".join(apart))
    return "\n".join(out)


@click.command("score-check")
@click.option("--held-out", is_flag=True, help="只对留出的文本（第六轮）计算精确率和召回率（在最后一次修改规则之后运行一次）")
@click.option("--no-plant", is_flag=True, help="不做植入错误的召回率测量")
@click.option("--dump", is_flag=True, help="把未判定的问题追加到 tests/data/check/judged/<文本>.tsv，供人工判定")
@click.option("--corpus", type=click.Path(file_okay=False), default=None, help="语料目录（默认 ../shared/corpus/lawrefbook）")
@click.option("-v", "--verbose", is_flag=True, help="列出植入后未被发现的错误")
@click.option("--dump-to", "dump_to", type=click.Path(file_okay=False), default=None,
              help="不计分：把每部文本的全部问题（判定栏留空）写到 目录/<文本>.tsv，供人工判定（不覆盖已有文件）")
@click.option("--only", multiple=True, help="只看 texts.yml 中的这些文本（名称，可重复）")
def score_cmd(held_out, no_plant, dump, corpus, verbose, dump_to, only):
    """kb check 的准确率：人工判定的精确率（P）、植入错误的召回率（R）与 F1，逐条规则。"""
    given = corpus
    corpus = Path(corpus) if corpus else paths.corpus_dir()
    if not corpus.is_dir() and _needs_corpus(held_out, tuple(only), plant=not (no_plant or dump_to)):
        # missing input (exit 2), said as every scorer says it; a run of the seed alone needs no corpus
        click.echo(f"语料目录不存在：{corpus}" if given else paths.missing(corpus), err=True)
        sys.exit(2)
    if dump_to:
        for target, n in dump_for_judge(held_out, corpus, Path(dump_to), tuple(only)):
            click.echo(f"{target}：{n} 个问题待判定")
        return
    tallies: dict[str, Tally] = defaultdict(Tally)
    precision(held_out, corpus, tallies, dump, tuple(only))
    outcomes = []
    if not no_plant:
        outcomes = recall(corpus, tallies, progress=lambda t: click.echo(f"· 植入：{t}", err=True), held_out=held_out)
    which = "留出文本（第六轮）" if held_out else "调试文本（含语料扫描中少见规则的问题）"
    planted = "留出文本" if held_out else "另外的干净语料"
    click.echo(report(tallies, f"kb check：精确率来自{which}的人工判定" + ("" if no_plant else f"，召回率来自植入{planted}的错误")))
    if verbose:
        for o in outcomes:
            if not o.found:
                click.echo(f"未发现：{o.rule}　{o.text}:{o.line}　{o.what}")
    unjudged = [(n, f) for t in tallies.values() for n, f in t.unjudged]
    if unjudged:
        click.echo(f"\n{len(unjudged)} 个问题尚未判定" + ("（已追加到 judged/*.tsv）" if dump else "（--dump 追加到 judged/*.tsv）") + "：",
                   err=True)
        for n, f in unjudged[:40]:
            click.echo(f"  {n}:{f.line} {f.rule} “{f.words}” {f.message}", err=True)
        sys.exit(1)
