"""How far two hand annotations of related provisions of the same text agree, by the measures
``kb score-related`` uses.

The goal for related provisions (P@1 ≥ 0.85, R@3 ≥ 0.9 per kind) only means something beside what two
careful annotators reach on the same articles: "the same point" leaves room, most of all for 同类立法.
One file is the reference (A); the other (B) is read as if it were kb's ranked answer (its list, best
first), so P@1 is "B's first answer is one A accepts, or both say none" and R@3 "one of B's first three
is one A accepts" over A's articles with answers.  Both directions are printed; neither file is
compared with kb and no text is parsed.  Two annotations of repetition (``repeat-*.yml``: the repeated
articles) are compared as ``kb score-repeat`` scores kb: B's repeated articles against A's (P, R, F1), over
the articles both judged (``repeats`` and ``not_repeats_checked``, when a file lists them).

    python3 -m kb.dev.related_agreement A.yml B.yml [-v]
    python3 -m kb.dev.related_agreement --all [-v]   # every tests/data/related/agreement/<name>.yml with the
                                                     # first annotation of the same text in tests/data/related,
                                                     # and agreement/outside-kb/<name>.yml with outside-kb/'s
"""
from __future__ import annotations

import sys
from pathlib import Path

from kb.dev import paths
from kb.dev.agreement import run_report, same_name_pairs
from kb.dev.score_related import _count
from kb.errors import KbError
from kb.library.annotations import KIND_KEYS, NONE, article_number, canonical_label

DATA = paths.REPO / "tests" / "data" / "related"
AGREEMENT = DATA / "agreement"
#: (first folder, second folder): a second annotation of a text of the knowledge base beside the first at the top level; one
#: of a text outside it (round 12r's, tuning since the sixth session of 2026-12-05) in agreement/outside-kb/, beside the
#: first in outside-kb/ — so that `kb score-related --data agreement` still reads only texts of the knowledge base
FOLDERS = ((DATA, AGREEMENT), (DATA / "outside-kb", AGREEMENT / "outside-kb"))
KIND_NAMES = {"upper": "上位法", "peer": "同类立法", "repeat": "重复"}


def _load(path: Path) -> dict:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise KbError(f"不是有效的 YAML：{e}", str(path)) from None


def read(path: Path) -> tuple[str, dict]:
    """(the annotated text, {article: {kind: [provision, …] best first, or NONE}})."""
    data = _load(path)
    text = data.get("regulation") or data.get("corpus")

    def provision(ref) -> tuple[str, str]:
        p, _, label = str(ref).partition("#")
        return p, canonical_label(label, path)

    out = {}
    for art, kinds in (data.get("articles") or {}).items():
        answers = {}
        for k, v in (kinds or {}).items():
            if k not in KIND_KEYS:
                raise KbError(f"第{art}条的类别“{k}”无效：应为 upper（上位法）或 peer（同类立法）", str(path))
            if v != NONE and not isinstance(v, list):
                raise KbError(f"第{art}条的 {k}：应为条文列表或 none", str(path))
            answers[KIND_KEYS[k]] = NONE if v == NONE else [provision(x) for x in v]
        out[article_number(art, path)] = answers
    return text, out


def read_repeats(path: Path) -> tuple[str, dict, set]:
    """(the annotated text, {repeated article: {provision, …}}, the articles judged — the repeated ones and
    ``not_repeats_checked``; empty when the file does not list the others)."""
    data = _load(path)
    repeats = {}
    for art, refs in (data.get("repeats") or {}).items():
        if not isinstance(refs, list) or not refs:
            raise KbError(f"第{art}条的重复：应为上位条文列表", str(path))
        repeats[article_number(art, path)] = {(str(r).partition("#")[0], canonical_label(str(r).partition("#")[2], path))
                                              for r in refs}
    checked = {article_number(a, path) for a in data.get("not_repeats_checked") or []}
    return data.get("regulation") or data.get("corpus"), repeats, (set(repeats) | checked) if checked else set()


def compare_repeats(ref: tuple[dict, set], other: tuple[dict, set]) -> dict:
    """``other``'s repeated articles against ``ref``'s as ``kb score-repeat`` counts kb's: {"right", "false",
    "missed", "same_upper" (right ones naming a provision in common)}, over the articles both judged (all,
    when either file does not list its non-repeats)."""
    (a, judged_a), (b, judged_b) = ref, other
    both = judged_a & judged_b if judged_a and judged_b else None
    gold = {k for k in a if both is None or k in both}
    got = {k for k in b if both is None or k in both}
    return {"right": len(gold & got), "false": len(got - gold), "missed": len(gold - got),
            "same_upper": sum(1 for k in gold & got if a[k] & b[k]),
            "only_ref": sorted(gold - got, key=str), "only_other": sorted(got - gold, key=str)}


def prf(right: int, false: int, missed: int) -> tuple:
    """(P, R, F1) of counts as ``kb score-repeat`` prints them (it calls this): None where nothing was found or expected."""
    p = right / (right + false) if right + false else None
    r = right / (right + missed) if right + missed else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


def compare(ref: dict, other: dict) -> dict:
    """{kind: tallies of ``kb score-related`` ("p1", "n", "r3", "n_some", "wrong": [(article, ref answers,
    other's first three)])}: ``other`` scored against ``ref`` as kb's answers are, over the (article, kind)
    both annotated."""
    out: dict = {}
    for art in sorted(set(ref) & set(other), key=str):
        for kind in set(ref[art]) & set(other[art]):
            gold, got = ref[art][kind], other[art][kind]
            _count(out, kind, gold if gold == NONE else set(gold), [] if got == NONE else got, (art,), NONE)
    return out


def report(pairs: list[tuple[Path, Path]], verbose: bool = False, out=None) -> dict:
    """Print each pair both ways and the pooled figures; return {("A→B"|"B→A", kind): (P@1, R@3)} pooled."""
    out = out or sys.stdout
    pooled: dict = {}
    repeat_pairs = [(a, b) for a, b in pairs if _is_repeat(a) or _is_repeat(b)]
    result = _report_repeats(repeat_pairs, verbose, out) if repeat_pairs else {}
    for path_a, path_b in pairs:
        if (path_a, path_b) in repeat_pairs:
            continue
        text_a, a = read(path_a)
        text_b, b = read(path_b)
        if text_a != text_b:
            raise ValueError(f"{path_b}: 与 {path_a.name} 标注的不是同一个文本")
        print(f"{path_a.name}（A）/ {path_b.name}（B）: {len(set(a) & set(b))} 条", file=out)
        for direction, ref, other in (("B 对照 A", a, b), ("A 对照 B", b, a)):
            for kind, s in sorted(compare(ref, other).items()):
                t = pooled.setdefault((direction, kind), {"p1": 0, "n": 0, "r3": 0, "n_some": 0})
                for k in t:
                    t[k] += s[k]
                print(f"  {direction} {KIND_NAMES[kind]}: P@1 {_ratio(s['p1'], s['n'])}（{s['n']} 条）"
                      f"  R@3 {_ratio(s['r3'], s['n_some'])}（{s['n_some']} 条有答案）", file=out)
                if verbose:
                    for art, gold, got in s["wrong"]:
                        print(f"      第{art}条 参照 {_show(gold)}；另一份前三 {_show(got) or 'none'}", file=out)
    for (direction, kind), t in sorted(pooled.items()):
        result[(direction, kind)] = (t["p1"] / t["n"] if t["n"] else None,
                                     t["r3"] / t["n_some"] if t["n_some"] else None)
    if len(pairs) - len(repeat_pairs) > 1:
        for (direction, kind), (p1, r3) in result.items():
            if kind != "repeat":
                print(f"合计 {direction} {KIND_NAMES[kind]}: P@1 {_f(p1)}  R@3 {_f(r3)}", file=out)
    return result


def _is_repeat(path: Path) -> bool:
    """A repetition annotation (``repeats:``) rather than one of related provisions (``articles:``)."""
    data = _load(path)
    return "repeats" in data or ("articles" not in data and path.name.startswith("repeat-"))


def _report_repeats(pairs: list[tuple[Path, Path]], verbose: bool, out) -> dict:
    """Print each pair of repetition annotations (B against A: P, R, F1; A against B swaps P and R) and the
    pooled counts; return {("B 对照 A"|"A 对照 B", "repeat"): (P, R)} pooled (F1 is the same both ways)."""
    total = {"right": 0, "false": 0, "missed": 0, "same_upper": 0}
    for path_a, path_b in pairs:
        if not (_is_repeat(path_a) and _is_repeat(path_b)):
            raise ValueError(f"{path_b}: 与 {path_a.name} 一份是重复标注、一份是相关条文标注")
        text_a, *a = read_repeats(path_a)
        text_b, *b = read_repeats(path_b)
        if text_a != text_b:
            raise ValueError(f"{path_b}: 与 {path_a.name} 标注的不是同一个文本")
        s = compare_repeats(tuple(a), tuple(b))
        for k in total:
            total[k] += s[k]
        p, r, f = prf(s["right"], s["false"], s["missed"])
        print(f"{path_a.name}（A）/ {path_b.name}（B）: 重复 A {s['right'] + s['missed']} 条、B {s['right'] + s['false']} 条，"
              f"共同 {s['right']} 条（上位条文一致 {s['same_upper']}）", file=out)
        print(f"  B 对照 A 重复: P {_f(p)}  R {_f(r)}  F1 {_f(f)}", file=out)
        if verbose:
            print(f"      只在 A：{_arts(s['only_ref'])}；只在 B：{_arts(s['only_other'])}", file=out)
    p, r, f = prf(total["right"], total["false"], total["missed"])
    if len(pairs) > 1:
        print(f"合计 B 对照 A 重复: P {_f(p)}  R {_f(r)}  F1 {_f(f)}（共同 {total['right']}，只在 B {total['false']}，"
              f"只在 A {total['missed']}）", file=out)
    return {("B 对照 A", "repeat"): (p, r), ("A 对照 B", "repeat"): (r, p)}


def _arts(numbers: list) -> str:
    return "、".join(f"第{n}条" for n in numbers) or "—"


def _ratio(a: int, n: int) -> str:
    return _f(a / n if n else None)


def _f(x) -> str:
    return "—" if x is None else f"{x:.3f}"


def _show(answers) -> str:
    if answers == NONE:
        return "none"
    return "、".join(f"{Path(p).stem.split('(')[0]}{label}" for p, label in answers)


def agreement_pairs() -> list[tuple[Path, Path]]:
    """Every second annotation in tests/data/related/agreement/ (and its outside-kb/) with the first one of the same name
    (FOLDERS)."""
    return [pair for first, second in FOLDERS for pair in same_name_pairs(first, second, "*.yml")]


def main(argv=None) -> int:
    return run_report(argv, agreement_pairs, "python3 -m kb.dev.related_agreement A.yml B.yml [A2.yml B2.yml …] [-v]"
                      " | --all [-v]", AGREEMENT, report)


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
