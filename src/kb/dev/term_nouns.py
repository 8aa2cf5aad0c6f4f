"""The term uses that the rule "a use is the term standing alone, not the first characters of another
noun" (kb.layers.links.terms.heads_a_listed_noun) takes away, over the corpus: each one with its
context, to be read, and the totals.

Run: ``python3 -m kb.dev.term_nouns [CORPUS_DIR] [--skip NAME ...]`` (``--skip``: texts whose file path
contains NAME are not read, e.g. texts held out for annotation).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kb.dev import paths


def main(argv: list[str] | None = None) -> int:
    import kb.layers.links.terms as terms
    from kb.errors import KbError
    from kb.text.parse import parse_file

    ap = argparse.ArgumentParser(prog="python3 -m kb.dev.term_nouns")
    ap.add_argument("corpus", nargs="?", default=None)
    ap.add_argument("--skip", nargs="*", default=[])
    args = ap.parse_args(argv)
    root = Path(args.corpus) if args.corpus else paths.corpus_dir()
    if not root.exists():
        print(paths.missing(root), file=sys.stderr)
        return 2
    rule = terms.heads_a_listed_noun
    terms.heads_a_listed_noun = lambda *a: False     # every use as it would be without the rule
    # the held-out texts (this session's, kb check's) are never opened (kb.dev.heldout.may_read); --skip leaves out more
    files = [f for f in paths.corpus_texts(root) if not any(s in str(f) for s in args.skip)]
    total = removed = 0
    try:
        for f in files:
            try:
                doc = parse_file(str(f))
            except KbError:
                continue
            # computed here, not through the layer cache: uses found with the rule switched off must not be
            # kept as the text's term uses for the commands that run after this one
            for u in terms._find(doc):
                total += 1
                t = doc.get(u.eid).text
                if rule(t, u.start, u.end):
                    removed += 1
                    print(f"{f.relative_to(root)}\t{u.eid}\t{u.term}\t"
                          f"{t[max(0, u.start - 12):u.start]}[{t[u.start:u.end]}]{t[u.end:u.end + 14]}")
    finally:
        terms.heads_a_listed_noun = rule
    print(f"{len(files)} 个文本，{total} 处术语使用，规则去掉 {removed} 处", file=sys.stderr)
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
