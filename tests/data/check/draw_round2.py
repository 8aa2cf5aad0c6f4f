"""The draw of kb check's second held-out set (issue 15, round 2), kept so anyone can repeat it.

Run from the checkout: ``PYTHONPATH=src python3 tests/data/check/draw_round2.py`` prints the 8 texts of
README.md's "held-out, round 2".  It reads the texts the first round used (texts.yml's tuning and held-out
sets, and plant.yml) and the corpus file names the repository mentioned, all as they were at commit 4c5af94
(where it was drawn: texts.yml has changed since, and holds these 8 among its tuning texts now), so it gives
the same 8 texts later.  It parses the
candidates (to keep those without numbering warnings) and never runs kb check.
"""
import random
import re
import subprocess
from pathlib import Path

import yaml

from kb.dev import paths
from kb.errors import KbError
from kb.text.parse import parse_file

DRAWN_AT = "4c5af94"
SEED = 152
WANT = {"national": 3, "beijing": 2, "gd-province": 1, "gd-city": 1, "chongqing": 1}
HERE = Path(__file__).resolve().parent


def regulation(name: str) -> str:
    """A file's regulation, whatever its version."""
    return re.sub(r"\(\d{4}-\d\d-\d\d\)\.md$|\.md$", "", name)


def subject(rel: str) -> str:
    """The title without place and kind: 北京市优化营商环境条例 -> 优化营商环境."""
    name = re.sub(r"\(.*?\)|\.md$", "", rel.split("/")[-1])
    name = re.sub(r"^(北京市|广东省|重庆市|中华人民共和国|[^省市]{2,4}市|[^县]{2,8}县|[^区]{2,6}区)", "", name)
    return re.sub(r"(暂行条例|条例|实施办法|办法|规定|规则|法)$", "", name)


def close(a: str, b: str) -> bool:
    """Two subjects sharing two character pairs (文明行为促进 / 文明行为) are one subject."""
    return len(set(zip(a, a[1:])) & set(zip(b, b[1:]))) >= 2


def stratum(rel: str, name: str) -> str:
    if rel.startswith("DLC/北京"):
        return "beijing"
    if rel.startswith("DLC/重庆"):
        return "chongqing"
    if rel.startswith("DLC/广东"):
        return "gd-province" if name.startswith("广东省") else "gd-city"
    return "national"


def _at_draw(path: str) -> str:
    """A file of the repository as it was when the draw was made."""
    return subprocess.run(["git", "-C", str(HERE), "show", f"{DRAWN_AT}:{path}"], capture_output=True, text=True,
                          check=True).stdout


def main() -> None:
    corpus = paths.corpus_dir()
    data = HERE.parent
    refused = set(yaml.safe_load((data / "corpus/refused.yml").read_text(encoding="utf-8")))
    broken = set(yaml.safe_load((data / "corpus/broken.yml").read_text(encoding="utf-8")))
    texts = yaml.safe_load(_at_draw("tests/data/check/texts.yml"))
    used = [p for p in list(texts["tuning"].values()) + list(texts["held_out"].values()) if p.endswith(".md")]
    used += yaml.safe_load(_at_draw("tests/data/check/plant.yml"))["texts"]
    used_regs = {regulation(p) for p in used}
    # texts the repository names (in code, tests or docs) may be read while working: not held out
    named = subprocess.run(["git", "-C", str(HERE), "grep", "-hoE", r"[^\"' /()]+(\([0-9]{4}-[0-9]{2}-[0-9]{2}\))?\.md",
                            DRAWN_AT, "--", ":/"], capture_output=True, text=True, check=True).stdout.split()
    named_regs = {regulation(n.split(":", 1)[-1]) for n in named}

    pool: dict[str, list[str]] = {k: [] for k in WANT}
    for f in sorted(corpus.rglob("*.md")):
        rel = f.relative_to(corpus).as_posix()
        if rel.split("/")[0] in ("民法典", "宪法", "其他") or rel in refused or rel in broken:
            continue
        if not 3_000 <= f.stat().st_size <= 45_000 or re.search("修正案|决定", f.name):
            continue
        if regulation(rel) in used_regs or regulation(f.name) in named_regs:
            continue
        pool[stratum(rel, f.name)].append(rel)

    rng = random.Random(SEED)
    chosen: list[str] = []
    for kind, n in WANT.items():
        cands = pool[kind][:]
        rng.shuffle(cands)
        cats: set[str] = set()
        for rel in cands:
            if n == 0:
                break
            cat = rel.split("/")[0]
            if kind == "national" and cat in cats:        # national laws from three different branches
                continue
            if any(close(subject(rel), subject(t)) for t in chosen + used):
                continue
            try:
                if parse_file(str(corpus / rel)).warnings:
                    continue
            except KbError:
                continue
            chosen.append(rel)
            cats.add(cat)
            n -= 1
    print("\n".join(chosen))


if __name__ == "__main__":
    main()
