"""Score the cross-link layer against hand-checked gold data, and measure it on a corpus.

    python3 -m kb.dev.score_links                   # seed: definitions, uses, references (P/R/F1)
    python3 -m kb.dev.score_links --corpus DIR      # also: internal references resolved / unresolved

Gold files (tests/data/links): seed_definitions.tsv, seed_uses.tsv, seed_references.tsv.
A prediction counts as correct only when every field matches (node, offsets, term or targets).
"""
from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import click

from kb.layers import links
from kb.dev import paths

DATA = paths.DATA / "links"


def _rows(path: Path) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("\t"))
    return out


def gold(data: Path = DATA) -> dict[str, set]:
    defs = {(r[0], r[1], None if r[2] == "-" else r[2]) for r in _rows(data / "seed_definitions.tsv")}
    uses = {(r[0], int(r[1]), int(r[2]), r[3]) for r in _rows(data / "seed_uses.tsv")}
    refs = {(r[0], int(r[1]), int(r[2]), r[3], r[4], r[5]) for r in _rows(data / "seed_references.tsv")}
    return {"definitions": defs, "uses": uses, "references": refs}


def predicted(doc) -> dict[str, set]:
    defs = {(d.term, d.eid, d.scope) for d in links.definitions(doc)}
    uses = {(u.eid, u.start, u.end, u.term) for u in links.term_uses(doc)}
    refs = set()
    for r in links.references(doc):
        tg = (",".join(links.dotted(t) for t in r.targets) if r.kind == "internal"
              else (",".join(r.targets) or "-"))
        refs.add((r.eid, r.start, r.end, r.text, r.kind, tg))
    return {"definitions": defs, "uses": uses, "references": refs}


def prf(pred: set, gold_: set) -> tuple[float, float, float, int, int, int]:
    tp = len(pred & gold_)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold_) if gold_ else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, len(pred), len(gold_)


def score_seed(doc=None, data: Path = DATA) -> dict[str, tuple]:
    if doc is None:
        from kb.project import find_root, load, resolve
        doc = load(resolve(find_root(paths.REPO), "suining-community@draft"))
    g, p = gold(data), predicted(doc)
    return {k: prf(p[k], g[k]) for k in g}


def corpus_stats(corpus: Path, samples: int | None = None) -> dict:
    """Internal references over every parsable Markdown file under ``corpus`` but the texts held out this session
    and kb check's (paths.corpus_texts, kb.dev.heldout.may_read: never opened)."""
    from kb.errors import KbError
    from kb.text.parse import parse_file

    files = paths.corpus_texts(corpus)
    st = collections.Counter()
    unresolved = []
    for f in files:
        try:
            doc = parse_file(str(f))
        except KbError:
            st["skipped_files"] += 1
            continue
        st["files"] += 1
        st["definitions"] += len(links.definitions(doc))
        st["uses"] += len(links.term_uses(doc))
        for r in links.references(doc):
            st[r.kind] += 1
            if r.kind == "internal":
                if r.targets:
                    st["resolved"] += 1
                else:
                    st["unresolved"] += 1
                    unresolved.append({"file": str(f.relative_to(corpus)), "line": r.line, "eid": r.eid,
                                       "text": r.text, "reason": r.warning,
                                       "context": doc.get(r.eid).text[max(0, r.start - 20):r.end + 15]})
    out = dict(st)
    out["unresolved_refs"] = unresolved if samples is None else unresolved[:samples]
    return out


def score_checked(corpus: Path, data: Path = DATA) -> dict[str, tuple[int, int]]:
    """Hand-checked corpus samples: (agreeing, total) for references and definitions.
    A reference row agrees when the same node has a reference with that text and those targets;
    a definition row marked ok when the term is found there with that scope, one marked absent
    when it is not found."""
    from kb.text.parse import parse_file

    docs: dict[str, object] = {}

    def doc(f):
        if f not in docs:
            docs[f] = parse_file(str(Path(corpus) / f))
        return docs[f]

    ok = tot = 0
    for f, eid, text, targets, *_ in _rows(data / "corpus_refs_checked.tsv"):
        tot += 1
        got = {(r.text, ",".join(links.dotted(t) for t in r.targets))
               for r in links.references(doc(f)) if r.eid == eid and r.kind == "internal"}
        ok += (text, targets) in got
    dok = dtot = 0
    for f, eid, term, scope, verdict, *_ in _rows(data / "corpus_defs_checked.tsv"):
        dtot += 1
        found = any(d.eid == eid and d.term == term and (d.scope or "-") == scope
                    for d in links.definitions(doc(f)))
        dok += found if verdict == "ok" else not found
    uok = utot = 0
    for f, eid, start, end, term, *_ in _rows(data / "corpus_uses_checked.tsv"):
        utot += 1
        uok += any(u.eid == eid and u.start == int(start) and u.end == int(end) and u.term == term
                   for u in links.term_uses(doc(f)))
    return {"references": (ok, tot), "definitions": (dok, dtot), "uses": (uok, utot)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="kb score-links")
    ap.add_argument("--corpus", default=None, help="a directory of Markdown laws (e.g. ../shared/corpus/lawrefbook)")
    ap.add_argument("--show", type=int, default=0, help="print this many unresolved references")
    a = ap.parse_args(argv)
    if a.corpus and not Path(a.corpus).is_dir():
        print(f"语料目录不存在：{a.corpus}", file=sys.stderr)        # missing input: exit 2
        return 2
    print("seed (suining-community@draft) against tests/data/links gold:")
    for k, (p, r, f, tp, np_, ng) in score_seed().items():
        print(f"  {k:12s} P={p:.3f} R={r:.3f} F1={f:.3f}  (correct {tp}, predicted {np_}, gold {ng})")
    if a.corpus:
        t = time.perf_counter()
        st = corpus_stats(Path(a.corpus))
        dt = time.perf_counter() - t
        tot = st.get("resolved", 0) + st.get("unresolved", 0)
        print(f"corpus {a.corpus}: {st.get('files', 0)} files parsed ({st.get('skipped_files', 0)} skipped), "
              f"{dt:.1f}s")
        print(f"  internal references {tot}: resolved {st.get('resolved', 0)} "
              f"({st.get('resolved', 0) / max(tot, 1):.2%}), unresolved {st.get('unresolved', 0)}")
        print(f"  external {st.get('external', 0)}, self {st.get('self', 0)}, "
              f"definitions {st.get('definitions', 0)}, term uses {st.get('uses', 0)}")
        reasons = collections.Counter((u["reason"] or "").split("：", 1)[-1][:16] for u in st["unresolved_refs"])
        for reason, n in reasons.most_common(8):
            print(f"    {n:4d}  {reason}")
        for k, (ok, tot) in score_checked(Path(a.corpus)).items():
            print(f"  hand-checked sample, {k}: {ok}/{tot} agree with the annotation")
        for u in st["unresolved_refs"][:a.show]:
            print(f"  {u['file']}:{u['line']}: {u['text']} — {u['reason']}  …{u['context']}…")
    return 0


@click.command("score-links", context_settings={"ignore_unknown_options": True})
@click.option("--corpus", default=None, help="另给一个语料目录（如 ../shared/corpus/lawrefbook）：统计内部引用的解析率")
@click.option("--show", type=int, default=0, help="列出这么多条无法解析的引用")
def score_cmd(corpus, show):
    """用 tests/data/links 的人工标注给定义、术语使用和引用打分（P/R/F1）。"""
    rc = main((["--corpus", corpus] if corpus else []) + ["--show", str(show)])
    if rc:
        raise click.exceptions.Exit(rc)


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
