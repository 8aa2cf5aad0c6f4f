"""``kb score-repeat``: the ``upper-repeat`` check against the hand annotations of repetition of upper
law (tests/data/related/repeat-*.yml: the seed and five local regulations, annotated before the check
existed).  Per text and overall: precision, recall and F1 of the articles reported as repetitions,
and how many of the right ones name (one of) the annotated upper provisions."""
from __future__ import annotations

from pathlib import Path

import click

from kb.errors import KbError


def score(root: Path, files: list[Path], lib=None, threshold: float | None = None) -> dict:
    from kb.dev.related_agreement import prf
    from kb.dev.score_related import libraries
    from kb.library.annotations import read_annotations
    from kb.library.repeat import THRESHOLD, repetitions
    from kb.project import list_regulations

    out = {}
    # a file with extra_laws: in a copy of the project that also holds those laws (kb.dev.extra_laws)
    for r, lib_, fs in libraries(root, files, lib):
        regs = list_regulations(r)
        for f in fs:
            ann = read_annotations(f, regs)
            reg = next(x for x in regs if x.id == ann.regulation)
            found = repetitions(lib_, reg.id, reg.versions[-1].name, THRESHOLD if threshold is None else threshold)
            out[f.name] = _counts(reg.id, found, ann)
    tot = {k: sum(v[k] for v in out.values()) for k in ("tp", "fp", "fn", "same_upper")}
    out["总计"] = tot
    for v in out.values():
        v["P"], v["R"], v["F1"] = prf(v["tp"], v["fp"], v["fn"])
    return out


def check(root: Path, files: list[Path], lib=None) -> dict:
    """Each file checked whole without running the check (what ``kb score-related --check`` does for the related files;
    an annotator of round 30r found the repeat files had no such check): every article it lists, as a repeat or as judged
    not one, is an article of its text, none is listed both ways, and every upper provision it names is in the knowledge
    base and of the kind 上位法 for the text (KbError naming the file otherwise).  Per file: its set, the repeats, the
    articles judged not repeats, the text's articles listed neither way."""
    from kb.library.annotations import article_label, eid_of, read_annotations
    from kb.library.kinds import KIND_NAMES
    from kb.dev.score_related import libraries
    from kb.project import list_regulations

    out = {}
    for r, lib_, fs in libraries(root, files, lib):
        regs = list_regulations(r)
        latest = {(e.reg.id, e.label): e for e in lib_.entries if e.latest}
        for f in fs:
            ann = read_annotations(f, regs)
            reg = next(x for x in regs if x.id == ann.regulation)
            checked = {int(a) if str(a).isdigit() else a for a in ann.checked}
            both = sorted(set(ann.repeats) & checked, key=str)
            if both:
                raise KbError(f"第{both[0]}条既列为重复又列为非重复", str(f))
            for art in [*ann.repeats, *checked]:
                if not isinstance(art, int) or lib_.get(reg.id, reg.versions[-1].name, eid_of(art)) is None:
                    raise KbError(f"标注的条文在知识库中找不到：{reg.id} {article_label(art) if isinstance(art, int) else art}",
                                  str(f))
            for art, refs in ann.repeats.items():
                e = lib_.get(reg.id, reg.versions[-1].name, eid_of(art))
                for p in sorted(refs):
                    if p not in latest:
                        raise KbError(f"第{art}条标注的上位条文在知识库中找不到：{p[0]} {p[1]}", str(f))
                    kind = lib_.kind(e, latest[p])
                    if kind != "upper":
                        raise KbError(f"第{art}条的重复列了 {p[0]} {p[1]}，它对本法规是{KIND_NAMES.get(kind, '无关系的法规')}",
                                      str(f))
            articles = {e.node.number for e in lib_.entries if e.reg.id == reg.id and e.latest and e.node.kind == "article"}
            out[f.name] = [ann.set_name, len(ann.repeats), len(checked), len(articles - set(ann.repeats) - checked)]
    return out


def _counts(reg_id: str, found, ann) -> dict:
    """One text's right, false and missed reports (``found``, kb.library.repeat.repetitions) against its annotation."""
    got = {r.entry.node.number: r for r in found}
    gold = set(ann.repeats)
    tp = got.keys() & gold
    same_upper = sum(1 for a in tp if {(u.entry.reg.id, u.entry.label) for u in got[a].upper} & ann.repeats[a])
    return {"regulation": reg_id, "tp": len(tp), "fp": len(got.keys() - gold), "fn": len(gold - got.keys()),
            "same_upper": same_upper, "found": found, "gold": gold}


@click.command("score-repeat")
@click.option("--data", "data_dir", default=None, type=click.Path(file_okay=False), metavar="目录",
              help="标注目录（默认 tests/data/related）")
@click.option("-v", "--verbose", is_flag=True, help="列出每个文本找到的重复条文")
@click.option("--check", "check_only", is_flag=True,
              help="只检查标注文件（条文都在文本中、上位条文都在知识库中且是上位法），不运行检查、不打分")
@click.pass_context
def score_cmd(ctx, data_dir, verbose, check_only):
    """重复上位法检查（upper-repeat）对人工标注的 P/R/F1：种子和 5 部地方性法规。"""
    from kb.cli.core import project_root
    from kb.outputs.formats import table

    from kb.dev.score_related import _f, annotation_files

    root = project_root(ctx)
    files = annotation_files(root, data_dir, "repeat-*.yml", "重复上位法")
    if check_only:
        rows = [[name, *c] for name, c in check(root, files).items()]
        click.echo(table(["标注文件", "集合", "重复", "判为非重复", "未列出的条文"], rows))
        return
    res = score(root, files)
    rows = [[name, v.get("regulation", ""), v["tp"], v["fp"], v["fn"], _f(v["P"]), _f(v["R"]), _f(v["F1"]),
             v["same_upper"]] for name, v in res.items()]
    click.echo(table(["标注", "法规", "对", "错报", "漏报", "P", "R", "F1", "上位条文一致"], rows))
    if verbose:
        for name, v in res.items():
            for r in v.get("found", []):
                ok = "✓" if r.entry.node.number in v["gold"] else "✗"
                ups = "、".join(f"{u.entry.reg.short_title or u.entry.reg.id}{u.entry.label}" for u in r.upper[:2])
                click.echo(f"{ok} {v['regulation']} {r.entry.label} {r.share:.0%} ← {ups}")

