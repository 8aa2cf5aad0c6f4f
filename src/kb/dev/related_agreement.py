"""How far two hand annotations of related provisions of the same text agree, by the measures
``kb score-related`` uses.

The goal for related provisions (P@1 ≥ 0.85, R@3 ≥ 0.9 per kind) only means something beside what two
careful annotators reach on the same articles: "the same point" leaves room, most of all for 同类立法.
One file is the reference (A); the other (B) is read as if it were kb's ranked answer (its list, best
first), so P@1 is "B's first answer is one A accepts, or both say none" and R@3 "one of B's first three
is one A accepts" over A's articles with answers.  Both directions are printed; neither file is
compared with kb and no text is parsed.

    python3 -m kb.dev.related_agreement A.yml B.yml [-v]
    python3 -m kb.dev.related_agreement --all [-v]   # every tests/data/related/agreement/<name>.yml with the
                                                     # first annotation of the same text in tests/data/related
"""
from __future__ import annotations

import sys
from pathlib import Path

from kb.dev import paths
from kb.dev.agreement import pairs_from_args, same_name_pairs
from kb.dev.score_related import _count
from kb.errors import KbError
from kb.library.annotations import KIND_KEYS, NONE, article_number, canonical_label

DATA = paths.REPO / "tests" / "data" / "related"
AGREEMENT = DATA / "agreement"
KIND_NAMES = {"upper": "上位法", "peer": "同类立法"}


def read(path: Path) -> tuple[str, dict]:
    """(the annotated text, {article: {kind: [provision, …] best first, or NONE}})."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise KbError(f"不是有效的 YAML：{e}", str(path)) from None
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
    for path_a, path_b in pairs:
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
    result = {}
    for (direction, kind), t in sorted(pooled.items()):
        result[(direction, kind)] = (t["p1"] / t["n"] if t["n"] else None,
                                     t["r3"] / t["n_some"] if t["n_some"] else None)
    if len(pairs) > 1:
        for (direction, kind), (p1, r3) in result.items():
            print(f"合计 {direction} {KIND_NAMES[kind]}: P@1 {_f(p1)}  R@3 {_f(r3)}", file=out)
    return result


def _ratio(a: int, n: int) -> str:
    return _f(a / n if n else None)


def _f(x) -> str:
    return "—" if x is None else f"{x:.3f}"


def _show(answers) -> str:
    if answers == NONE:
        return "none"
    return "、".join(f"{Path(p).stem.split('(')[0]}{label}" for p, label in answers)


def agreement_pairs() -> list[tuple[Path, Path]]:
    """Every second annotation in tests/data/related/agreement/ with the first one of the same name."""
    return same_name_pairs(DATA, AGREEMENT, "*.yml")


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    pairs = pairs_from_args(argv, agreement_pairs, "python3 -m kb.dev.related_agreement A.yml B.yml [A2.yml B2.yml …] [-v]"
                            " | --all [-v]", AGREEMENT)
    if isinstance(pairs, int):
        return pairs
    try:
        report(pairs, "-v" in argv)
    except (OSError, ValueError, KbError) as e:
        print(f"错误：{e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
