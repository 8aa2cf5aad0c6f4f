"""The alternative the issue asks to measure when rules fall short: subjects from a word segmenter's
part-of-speech tags (jieba.posseg) instead of kb's rules, scored on the same tuning files.

    python3 -m kb.dev.pos_alternative [NAMES…]

For each modal word kb's own reader finds (so that both sides answer the same questions), the subject
is the run of nouns (and the 、/和/及/或者 joining them) that opens its sentence, read from jieba's tags;
each noun of the run is an actor, named as the registry names it.  Nothing else of kb's rules is used
(no lexicon heads, no carried subject, no lists, no liability roles), so the figure is what tags alone
give.  A third line keeps kb's rules and asks the tags only for the statements kb leaves without an
actor (rules+POS): what the tags would add as a fallback.  Printed beside kb's figures on the same files, with the CPU time per article of each.  jieba is
not a dependency of kb: the script says so and stops when it is missing.  Only ``set: tuning`` files are
read (held-out files are scored once, by people, with ``kb score-obligations``).
"""
from __future__ import annotations

import sys
import time
from types import SimpleNamespace

#: jieba's tags of a noun (common, organisation, other proper, person, place, abbreviation) and a
#: verb used as a noun: what a subject is made of
_NOUN = ("n", "nt", "nz", "nr", "ns", "nrt", "j", "vn", "ng")
_JOIN = ("、", "和", "及", "或者", "以及", "或", "与")


def subject_run(pseg, sentence: str) -> list[str]:
    """The nouns that open sentence (split at 、 和 及 或者), by jieba's tags."""
    names, cur = [], ""
    for w in pseg.lcut(sentence):
        if w.flag in _NOUN or (w.flag.startswith("n") and w.flag != "nx"):
            cur += w.word
        elif w.word in _JOIN and cur:
            names.append(cur)
            cur = ""
        else:
            break
    if cur:
        names.append(cur)
    return names


def extract_pos(doc, reg):
    """Statements of doc whose subject comes from part-of-speech tags (the modal words are kb's)."""
    import jieba.posseg as pseg

    from kb.layers.obligations.modals import find_modals

    out = []
    for art in doc.articles:
        for para in art.children:
            if para.kind != "paragraph":
                continue
            nodes = [(para, None)] + [(it, it.number) for it in para.children if it.kind == "item"]
            for node, item in nodes:
                text = node.text or ""
                for i, _, _, modality in find_modals(text, 0, len(text)):
                    start = max(text.rfind("。", 0, i), text.rfind("；", 0, i)) + 1
                    for name in subject_run(pseg, text[start:i]):
                        out.append(SimpleNamespace(article=art.number, paragraph=para.number, item=item,
                                                   actor=reg.canonical(name), modality=modality, eid=node.eid,
                                                   action=text[i:text.find("。", i) if "。" in text[i:] else len(text)],
                                                   deadline=None))
    return out


def extract_hybrid(doc, reg):
    """kb's statements, and for each statement kb leaves without an actor, the subject from the tags."""
    import jieba.posseg as pseg

    from kb.layers.obligations import without_actor

    out = list(_RULES[0](doc, reg))
    for s in without_actor(doc, reg):
        text = doc.get(s.eid).text
        start = max(text.rfind("。", 0, s.start), text.rfind("；", 0, s.start)) + 1
        for name in subject_run(pseg, text[start:s.end]):
            out.append(SimpleNamespace(article=s.article, paragraph=s.paragraph, item=s.item,
                                       actor=reg.canonical(name), modality=s.modality, eid=s.eid,
                                       action=s.action, deadline=s.deadline))
    return out


_RULES: list = []


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        import jieba
    except ImportError:
        print("没有安装 jieba（它不是 kb 的依赖）：pip install jieba 后再比较", file=sys.stderr)
        return 2
    jieba.setLogLevel(60)
    import kb.layers.obligations as layer
    from kb.dev import paths
    from kb.dev.score_obligations import gold_files, load_gold_file, score_file
    from kb.layers.actors import load_registry
    from kb.layers.cache import clear_memory
    from kb.layers.obligations.layer import _LAYER_CACHE

    reg = load_registry(paths.REPO)
    files = [f for f in gold_files([a for a in args if not a.startswith("-")], "tuning")
             if load_gold_file(f).set == "tuning"]
    rules = layer.extract
    _RULES[:] = [rules]
    rows = {}
    t_import = time.process_time()
    jieba.initialize()
    t_import = time.process_time() - t_import
    for f in files:                         # warm up: the texts parsed and the lexicon read before timing
        score_file(f, reg)
    for label, fn in (("kb rules", rules), ("jieba POS", extract_pos), ("rules+POS", extract_hybrid)):
        layer.extract = fn
        _LAYER_CACHE.clear()                # each side computes its own statements: no reuse between them
        clear_memory()
        try:
            t0 = time.process_time()
            scores = [r for r in (score_file(f, reg) for f in files) if r is not None]
            rows[label] = (scores, time.process_time() - t0)
        finally:
            layer.extract = rules
    n_art = sum(r.articles for r in rows["kb rules"][0])
    print(f"tuning set: {len(rows['kb rules'][0])} texts, {n_art} articles")
    print(f"{'extractor':12} {'measure':30} {'P':>6} {'R':>6} {'F1':>6}   CPU s (extraction, scoring)")
    for label, (scores, cpu) in rows.items():
        for attr, name in (("s3", "(art, actor, mod)"), ("s5", "(art, para, item, actor, mod)"),
                           ("duty", "duty (recall: the issue)")):
            ss = [getattr(r, attr) for r in scores if getattr(r, attr) is not None]
            s = sum(ss[1:], ss[0])
            print(f"{label:12} {name:30} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}   {cpu:.1f}")
    print(f"jieba: loading its dictionary costs {t_import:.2f} s CPU once per process (kb's CLI start would pay it)")
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
