"""Count how many regulations of the corpus use each clause, for :mod:`kb.compare.boilerplate`.

    python3 -m kb.dev.boilerplate [--check]

A clause is a stretch of an article's text between two punctuation marks (，；。：！？), normalised
as alignment compares text (letters and digits only).  Its count is the number of regulations (not
versions: the versions of one regulation count once) of ../shared/corpus/lawrefbook whose articles
use it.  Clauses used by at least ``KEEP`` regulations are written, most used first, to
src/kb/compare/data/clauses.tsv (count, tab, clause); alignment treats those used by at least
:data:`kb.compare.boilerplate.MIN_LAWS` as boilerplate (构成犯罪的 444, 依法追究刑事责任 441,
依法给予处分 118, 法律行政法规另有规定的 26 in the corpus of 2026-12-08, twenty-fourth session: the ten texts of obligations
round 35 and related round 31r left out, those of rounds 34 and 30r counted, kb check's eight held-out texts left out
(kb.dev.heldout.may_read), no alignment round held out: 919 clauses, 82 at MIN_LAWS or more — 根据有关法律行政法规 19 -> 20
and 给予表彰和奖励 19 -> 20 crossed it, none fell below; `kb score-align --tuned -v` identical output);
927 in the twenty-third session (rounds 34 and 30r left out, 80 at MIN_LAWS — 责令停止违法行为 19 -> 20
crossed it, 根据有关法律行政法规 20 -> 19 fell below; 构成犯罪的 443, 依法追究刑事责任 440, 依法给予处分 118);
926 in the twenty-second session (rounds 33 and 29r left out, 80 at MIN_LAWS — 本法下列用语的含义 19 -> 20
crossed it, 给予表彰和奖励 20 -> 18 and 责令停止违法行为 20 -> 19 fell below; 构成犯罪的 441, 依法追究刑事责任 437);
914 in the twenty-first session (rounds 32 and 28r left out, 81 at MIN_LAWS — 本法下列用语的含义 20 -> 19 fell below it;
构成犯罪的 442, 依法追究刑事责任 438, 依法给予处分 115, 法律行政法规另有规定的 26; `kb score-align --tuned` F1 0.928, identical
output, and kb score-repeat, kb score-related identical);
923 in the twentieth session (rounds 31 and 27r left out, 82 at MIN_LAWS, none crossing it; 构成犯罪的 439,
依法追究刑事责任 438, 依法给予处分 116, 法律行政法规另有规定的 25); 920 in the nineteenth session (rounds 30 and 26r left out, 82 at
MIN_LAWS — 责令停止违法行为 19 -> 20 crossed it; 构成犯罪的 441, 依法追究刑事责任 438, 依法给予处分 119, 法律行政法规另有规定的
26); 922 in the eighteenth session (rounds 29 and 25r
left out, kb check's held-out texts too since then, 81 at MIN_LAWS; 构成犯罪的 440, 依法追究刑事责任 437, 依法给予处分 116,
法律行政法规另有规定的 26; 930 / 82 with kb check's held-out texts counted: 构成犯罪的 446, 依法追究刑事责任 444, 依法给予处分
116, 法律行政法规另有规定的 27); 931 in the seventeenth session (rounds 28 and 24r left
out, 80 at MIN_LAWS; 构成犯罪的 445, 依法追究刑事责任 443, 依法给予处分 118, 法律行政法规另有规定的 26); 943 in the sixteenth session (rounds 27 and 23r left
out, 82 at MIN_LAWS; 构成犯罪的 448, 依法追究刑事责任 445, 依法给予处分 118, 法律行政法规另有规定的 27); 930 in the fifteenth session (rounds 26 and 22r left
out, 81 at MIN_LAWS; 构成犯罪的 446, 依法追究刑事责任 444, 依法给予处分 118, 法律行政法规另有规定的 26); 932 in the fourteenth session (the thirteen texts of round 25
— 民法典 侵权责任编 and 人格权编 among them — and 21r left out, 80 at MIN_LAWS; 构成犯罪的 445, 依法追究刑事责任 443,
依法给予处分 117, 法律行政法规另有规定的 26); 938 in the thirteenth
session (rounds 24 and 20r left out, 81 at MIN_LAWS; 构成犯罪的 449, 依法追究刑事责任 447, 依法给予处分 117,
法律行政法规另有规定的 27); 934 in the twelfth session (rounds 23 and 19r left out, 80 at MIN_LAWS; 构成犯罪的 447, 依法追究刑事责任 446, 依法给予处分 118,
法律行政法规另有规定的 26); 928 in the eleventh
session (rounds 22 and 18r left out, 81 at MIN_LAWS; 构成犯罪的 449, 依法给予处分 119, 法律行政法规另有规定的 27); 930 in the tenth
session (rounds 21 and 17r left out, 81 at MIN_LAWS; 构成犯罪的 448, 依法追究刑事责任 446); 937 in the ninth
session (rounds 20 and 16r left out, 81 at MIN_LAWS); 927 in the eighth
session (rounds 19 and 15r left out, 82 at MIN_LAWS); 939 in the
seventh session (rounds 18 and 14r left out, 80 at MIN_LAWS); 937 in the sixth session (rounds 17 and 13r left out, 81 at MIN_LAWS);
923 in the fifth session (rounds 16 and 12r left out, 82 at MIN_LAWS); 932 in the fourth session (rounds 15 and 11r left out); 921 in the third (round 13's
two laws and the other rounds being annotated left out, round 12 counted);
945 with round 12's held out instead and the texts of obligations round 13 and related round 9r counted, 943 with
round 11's, 944 with round 10's, 938 with round 9's, 949 with no law held out, counted before round 10 was drawn).
The held-out laws (:data:`kb.dev.align_signals.HELD_OUT_LAWS`: the laws of the alignment round being annotated,
empty between rounds) are left out: nothing is learnt from them; so is every corpus file of a round being annotated
(:func:`kb.dev.heldout.may_read`: the obligations and related-provisions rounds and kb check's held-out texts too), which
this tool does not parse.  Recount when a round is drawn or scored (tests/dev/test_boilerplate.py checks the table is exact).
``--check`` exits 1 when the file differs from what the corpus gives.
"""
from __future__ import annotations

import sys
from collections import defaultdict

from kb.dev import paths

KEEP = 5
OUT = paths.REPO / "src" / "kb" / "compare" / "data" / "clauses.tsv"


def count(corpus=None) -> dict[str, int]:
    """clause -> number of regulations of the corpus (held-out laws aside) whose articles use it."""
    from kb.compare.boilerplate import clauses_of
    from kb.compare.similarity import article_text
    from kb.dev.align_signals import HELD_OUT_LAWS, _law
    from kb.errors import KbError
    from kb.text.parse import parse_file

    corpus = corpus or paths.corpus_dir()
    laws: dict[str, set[str]] = defaultdict(set)
    for p in paths.corpus_texts(corpus):
        law = _law(str(p))
        if law in HELD_OUT_LAWS:
            continue
        try:
            articles = parse_file(str(p)).articles
        except KbError:         # no articles (an amending decision without 第X条 …)
            continue
        for a in articles:
            for c in clauses_of(article_text(a)):
                laws[c].add(law)
    return {c: len(v) for c, v in laws.items()}


def table(counts: dict[str, int]) -> str:
    rows = sorted(((n, c) for c, n in counts.items() if n >= KEEP), key=lambda r: (-r[0], r[1]))
    return "".join(f"{n}\t{c}\n" for n, c in rows)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    corpus = paths.corpus_dir()
    if not corpus.exists():
        print(paths.missing(corpus), file=sys.stderr)
        return 2
    text = table(count(corpus))
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("clauses.tsv 与语料一致" if same else "clauses.tsv 与语料不一致：重新运行 python3 -m kb.dev.boilerplate")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10))} 个子句")
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
