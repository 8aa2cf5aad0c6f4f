"""Score amending: the round trip over real revisions, and real amendments against the consolidated
text.

    kb score-amend [-v]          (or python3 -m kb.dev.score_amend)

1. Round trip: for each version pair of the regulations of ../shared/corpus/version-pairs.txt (41 listed;
   the ones held out this session, :func:`kb.dev.heldout.held_out_regulations`, left out) and the
   hand-made revised draft of the seed (../shared/fixtures), draft the 修改决定 that turns OLD into
   NEW (kb.amend.draft, decision style), write it out, read it back (kb.text.amendment), apply it to
   OLD (kb.amend.apply) and compare the result with NEW's body: the text from its first heading or
   article on (below the metadata block, the title and any table of contents), whitespace,
   invisible characters and character width (“:” and “：”, which a decision does not amend) ignored.  Every failure is printed with the first place where the texts part.
2. Real documents: the latest 刑法修正案 and 宪法修正案 against the consolidated 刑法 and 宪法 that
   include them (kb.amend.verify): for every operation, is its place found and does its new wording
   read there exactly as given?
"""
from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import click

from kb.dev import paths
from kb.dev.heldout import held_out_regulations
from kb.errors import KbError

FIXTURE = "fixtures/suining-revised-draft.txt"
SEED = paths.REPO / "regulation" / "suining-community" / "draft.txt"
LATEST = [("刑法/刑法修正案（十二）(2023-12-29).md", "刑法/刑法.md"),
          ("宪法/宪法修正案（2018年）.md", "宪法/宪法.md")]


def version_pairs(corpus: Path, held_out: bool = False) -> list[tuple[str, str]]:
    """Consecutive versions of each regulation listed in version-pairs.txt (dated files in order, the
    undated current one last), the held-out regulations (:func:`held_out_regulations`) left out unless
    ``held_out``."""
    import glob

    skip = set() if held_out else held_out_regulations()
    out = []
    for pre in paths.version_pair_regulations(corpus):
        if Path(pre).name in skip:
            continue
        files = sorted(glob.glob(str(corpus / (glob.escape(pre) + "(*).md"))))
        if (corpus / (pre + ".md")).exists():
            files.append(str(corpus / (pre + ".md")))
        out += list(zip(files, files[1:]))
    return out


def body(text: str) -> str:
    """The words of a text from its first heading or article on (its title, metadata block and
    table of contents left out), for comparing: no whitespace, no invisible characters, full-width forms as
    half-width (kb.amend.state.folded)."""
    from kb.amend.state import folded
    from kb.text.parse import parse_text

    doc = parse_text(text)
    first = next((c for c in doc.root.children if c.kind != "preamble"), None)
    return folded(text[first.start:]) if first is not None else ""


def round_trip(old_path: str, new_path: str) -> dict:
    """Draft, write, read back, apply, compare; the decision's make-up and the verdict."""
    from kb.amend.apply import apply
    from kb.amend.draft import draft
    from kb.text.amendment import parse_amendment_text
    from kb.text.parse import parse_file

    old, new = parse_file(old_path), parse_file(new_path)
    t0 = time.process_time()
    d = draft(old, new)
    seconds = time.process_time() - t0
    am = parse_amendment_text(d.text, "<决定>")
    res = apply(old, am)
    got, want = body(res.text), body(new.text)
    ops = Counter(op.action for ops in d.instructions for op in ops)
    out = {"old": old_path, "new": new_path, "ok": got == want, "instructions": len(am.instructions),
           "ops": dict(ops), "seconds": seconds, "articles": (len(old.articles), len(new.articles)),
           "repaired": d.repaired}
    if got != want:
        k = next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        out["why"] = f"第 {k} 字起不同：应用后“{got[max(0, k - 15):k + 25]}”，新文本“{want[max(0, k - 15):k + 25]}”"
    return out


def real_amendments(corpus: Path) -> list[dict]:
    from kb.amend.verify import summary, verify
    from kb.text.amendment import read_amendment
    from kb.text.parse import parse_file

    out = []
    for am_path, law_path in LATEST:
        am = read_amendment(str(corpus / am_path))
        checks = verify(am, parse_file(str(corpus / law_path)))
        out.append({"amendment": am_path, "law": law_path, "instructions": len(am.instructions),
                    **summary(checks), "misses": [c.to_dict() for c in checks if not c.matches]})
    return out


def run(corpus_dir: str | None = None, verbose: bool = False) -> dict:
    corpus = Path(corpus_dir) if corpus_dir else paths.corpus_dir()
    for needed in (corpus, corpus.parent / "version-pairs.txt", paths.shared_dir() / FIXTURE):
        if not needed.exists():          # missing input (exit 2), not a failed score (exit 1)
            raise KbError(paths.missing(needed))
    pairs = version_pairs(corpus) + [(str(SEED), str(paths.shared_dir() / FIXTURE))]
    print("往返：起草修改决定（OLD→NEW）→ 读回 → 应用于 OLD → 与 NEW 正文比较（忽略空白和全角半角之别）")
    rows, total_ops = [], Counter()
    for o, n in pairs:
        r = round_trip(o, n)
        rows.append(r)
        total_ops.update(r["ops"])
        name = Path(o).name
        if verbose or not r["ok"]:
            print(f"  {'通过' if r['ok'] else '失败'}  {r['articles'][0]:>3}→{r['articles'][1]:<3} 条  "
                  f"{r['instructions']:>3} 项指令  {r['seconds']:.2f} s  {name}")
        if not r["ok"]:
            print(f"        {r['why']}")
    ok = sum(r["ok"] for r in rows)
    print(f"往返：{ok}/{len(rows)} 通过（{100 * ok / len(rows):.0f}%；{len(rows) - 1} 对版本 + 手工修改稿，留出的 {len(held_out_regulations())} 部法规不比）；"
          f"起草最慢 {max(r['seconds'] for r in rows):.2f} s（CPU 时间）")
    from kb.text.amendment import ACTIONS

    fixed = [r for r in rows if r["repaired"]]
    if fixed:
        print(f"  起草时的自查：{len(fixed)} 对中有 {sum(r['repaired'] for r in fixed)} 条字句修改应用后不一致，改为整条修改")
    else:
        print("  起草时的自查：每一处字句修改应用后都与新文本一致，没有一条需要改为整条修改")
    print("  指令中的操作：" + "，".join(f"{ACTIONS.get(k, k)}（{k}）{v}" for k, v in total_ops.most_common()))
    print()
    print("真实修正案：每项操作的位置是否在合并文本中找到，新文字是否与指令给出的完全一致")
    real = real_amendments(corpus)
    for r in real:
        print(f"  {Path(r['amendment']).stem}：{r['instructions']} 项指令、{r['operations']} 处操作，"
              f"找到 {r['found']}，文字一致 {r['matches']}（合并文本：{r['law']}）")
        for m in r["misses"]:
            print(f"      {m['instruction']} {m['op']}：{m['why']}")
    return {"ok": ok == len(rows) and all(r["matches"] == r["operations"] for r in real),
            "round_trip": {"passed": ok, "pairs": len(rows), "failures": [r for r in rows if not r["ok"]]},
            "ops": dict(total_ops), "real": real}


@click.command("score-amend")
@click.option("-v", "--verbose", is_flag=True, help="列出每一对版本（默认只列失败的）")
@click.option("--corpus", default=None, help="语料目录（默认 ../shared/corpus/lawrefbook）")
def score_cmd(verbose, corpus):
    """给修改决定的起草与应用打分：语料版本对（留出的法规除外）与手工修改稿的往返，最新刑法、宪法修正案与合并文本的核对。"""
    res = run(corpus, verbose)
    if not res.get("ok"):
        raise click.exceptions.Exit(1)


if __name__ == "__main__":
    import sys

    from kb.errors import run_tool

    sys.exit(run_tool(score_cmd))
