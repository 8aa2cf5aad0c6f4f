"""``kb bench related``: the related-provision computation at 100, 300 and all parseable corpus texts —
seconds and memory per regulation — beside a baseline measured in the same run: comparing every
article with every other (what the rare-bigram candidate retrieval avoids), on 25, 50 and 100 texts.

Each size runs in a fresh process, so its peak resident memory is its own; memory per regulation is
that peak less the peak of a process with no text, divided by the number of texts (the parsed texts
included: the panels quote them).  The texts are parsed first and not timed (parsing has its own
bench); what is timed (CPU) is building the index (vectors, postings, centroids) and computing every
article's related provisions (per kind, marks included).
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SIZES = (100, 300, None)      # None: every parseable text
BASELINE = (25, 50, 100)      # the all-pairs baseline grows with the square: smaller sizes


def _texts(corpus: Path, n: int | None):
    """(RegulationMeta, VersionMeta, Document, True) of ``n`` parseable corpus texts (all when None),
    drawn in a fixed shuffled order, so 100 and 300 texts spread over the whole corpus — less this session's
    held-out texts and kb check's (kb.dev.heldout.may_read), which are never opened."""
    import random

    from kb.errors import KbError
    from kb.library.corpus import read_corpus_text
    from kb.library.importer import texts_in
    from kb.project import RegulationMeta, VersionMeta
    from kb.text.parse import parse_file

    from kb.dev.heldout import may_read

    files = texts_in(corpus)
    random.Random(14).shuffle(files)
    out = []
    for p in files:
        if n is not None and len(out) >= n:
            break
        if not may_read(p):
            continue        # this session's held-out texts and kb check's are never opened (the others keep their shuffled order)
        try:
            doc = parse_file(str(p))
        except KbError:
            continue
        ct = read_corpus_text(p, corpus)
        # a file holding one part of a law (民法典/物权编.md) is an excerpt of it, as kb add imports it: one law with the
        # other parts (kb.project.laws), neither their 上位法 nor their 同类立法
        reg = RegulationMeta(ct.rel, p.parent, ct.title, jurisdiction=ct.jurisdiction, level=ct.level,
                             raw={"part": ct.part} if ct.part else {})
        out.append((reg, VersionMeta(ct.version_name, p.name), doc, True))
    return out


def one(corpus: str, n: int | None, brute: bool = False) -> dict:
    from kb.compare.similarity import cosine
    from kb.library.related import Library
    from kb.project import count_laws

    versions = _texts(Path(corpus), n)
    t0 = time.process_time()
    lib = Library(versions)
    t1 = time.process_time()
    pairs = 0
    if brute:
        ents = lib.entries
        for i, a in enumerate(ents):
            for b in ents[i + 1:]:
                cosine(a, b)
                pairs += 1
    else:
        for e in lib.entries:
            pairs += len(lib.related(e))
    t2 = time.process_time()
    out = {"texts": len(versions), "regulations": count_laws(reg for reg, *_ in versions),
           "articles": len(lib.entries), "build": t1 - t0, "related": t2 - t1,
           "answers": pairs, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    if not brute:
        out.update(work(lib))
    return out


def work(lib) -> dict:
    """The work per article that bounds its time, counted after the timing (so as not to skew it) on
    every tenth article: posting entries read by the retrieval (at most QUERY_BIGRAMS × DF_MAX) and
    cosines computed (at most CANDIDATES per kind).  Unlike CPU seconds on a shared machine these do not
    vary from run to run, and they show whether the per-article work is bounded."""
    from kb.library.related import CANDIDATES

    sample = lib.entries[::10]
    if not sample:
        return {"postings": 0.0, "cosines": 0.0}
    postings = cosines = 0
    for e in sample:
        postings += lib.postings_read(e)
        cosines += sum(min(CANDIDATES, len(found)) for found in lib.retrieved(e).values())
    return {"postings": postings / len(sample), "cosines": cosines / len(sample)}


def _child(corpus: Path, n: int | None, brute: bool) -> dict:
    code = ("import json,sys; from kb.dev.bench_related import one; "
            f"print(json.dumps(one({str(corpus)!r}, {n!r}, {brute!r})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(corpus_dir: str | None = None) -> dict:
    from kb.dev.paths import corpus_dir as default_corpus
    from kb.library.related import CANDIDATES, DF_MAX, QUERY_BIGRAMS
    from kb.outputs.formats import table

    corpus = Path(corpus_dir) if corpus_dir else default_corpus()
    base = _child(corpus, 0, False)          # no text: the memory every size starts from
    rows, res = [], {}
    for n in SIZES:
        r = _child(corpus, n, False)
        res[r["texts"]] = r
        per = (r["build"] + r["related"]) / max(r["regulations"], 1)      # the 民法典's parts: one regulation
        # answers per article beside the time: a larger base holds more related provisions above the
        # thresholds, and each answer is scored and marked, so part of the time per regulation is output
        rows.append([r["texts"], r["regulations"], r["articles"], f"{r['build']:.2f}", f"{r['related']:.2f}",
                     f"{per * 1000:.1f}",
                     f"{r['answers'] / max(r['articles'], 1):.2f}", f"{r['postings']:.0f}", f"{r['cosines']:.1f}",
                     f"{(r['rss_mb'] - base['rss_mb']) / max(r['regulations'], 1):.2f}", f"{r['rss_mb']:.0f}"])
        print(f"  {r['texts']} 个文本：{per * 1000:.1f} 毫秒/部，峰值 {r['rss_mb']:.0f} MB", file=sys.stderr, flush=True)
    print(table(["文本", "法规", "条", "建索引 秒", "相关条文 秒", "每部法规 毫秒", "答案/条", "读倒排/条", "余弦/条",
                 "每部法规 MB", "峰值 MB"], rows, max_width=140))     # a report, as the other benches': no header cut
    print(f"（读倒排/条、余弦/条：每条读的倒排表项与算的余弦，上限 {QUERY_BIGRAMS * DF_MAX:,} 与每类 {CANDIDATES}）")
    brows = []
    for n in BASELINE:
        b = _child(corpus, n, True)
        brows.append([b["texts"], b["regulations"], b["articles"], f"{b['answers']:,}", f"{b['related']:.2f}",
                      f"{b['related'] / max(b['regulations'], 1) * 1000:.1f}"])
    print("\n基线：每条与其他每一条比较（两两余弦，不含标记字句）")
    print(table(["文本", "法规", "条", "比较次数", "秒", "每部法规 毫秒"], brows))
    return {"ok": True, "sizes": res}
