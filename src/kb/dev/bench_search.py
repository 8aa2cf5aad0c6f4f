"""Benchmark of the catalog (``python3 -m kb.dev.bench_search`` / ``kb bench search``).

All in one run, over the whole ../shared/corpus (LawRefBook Markdown) plus the seed:
  - index build time and size;
  - recall and precision of ``Catalog.search`` against a plain substring scan over
    the same provisions, for a few hundred query strings (terms, actor names, 2-8
    character phrases, mixed digits like 15个工作日, frequent words);
  - in-process query latency, top-10, p50/p95, and the first call on a catalog just opened
    (nothing cached) beside the same query repeated;
  - the time of a whole ``kb search`` process;
  - the other engine of the catalog (whoosh beside FTS5, the default): its build time, and whether
    it gives the same hits (regulation, version, entry, score, snippet, in the same order) for
    every query of the benchmark, top-10 and every hit;
beside two baselines run on the same queries: ripgrep over the source files
(one process per query) and SQLite FTS5 with the trigram tokenizer over the same
provisions (MATCH for queries of 3+ characters; shorter ones, which trigram cannot index, by a
table scan whose results are unranked), its build time including the parse of the texts.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb.catalog import DEFAULT_ENGINE, ENGINES, Catalog, SourceSpec, open_catalog
from kb.catalog.analysis import normalize, variants
from kb.dev import paths

ROOT = paths.REPO
SHARED = paths.shared_dir()
CORPUS = SHARED / "corpus" / "lawrefbook"
SEED = ROOT / "regulation" / "suining-community" / "draft.txt"

ACTORS = ["居民委员会", "人民政府", "街道办事处", "乡镇人民政府", "民政部门", "国务院", "人民法院",
          "人民检察院", "公安机关", "财政部门", "居民会议", "业主委员会", "物业服务企业", "社会组织",
          "村民委员会", "县级以上地方人民政府", "国务院有关部门", "市场监督管理部门", "用人单位", "当事人"]
FREQUENT = ["应当", "可以", "不得", "人民政府", "规定", "管理", "依法", "有关部门", "本法", "违反"]
TERMS = ["社区", "社区发展治理", "社区综合服务设施", "经费", "居民公约", "网格化", "负面事项清单",
         "协助事项", "第十五条", "第15条", "15个工作日", "三十日内", "行政处罚", "法律责任"]
#: multi-word queries of frequent words: the exact-phrase and all-words tiers are computed for them
MULTI = ["人民政府 应当", "县级以上 人民政府", "居民委员会 协助", "应当 依法", "不得 违反", "有关部门 应当",
         "应当 OR 可以", "国务院 有关部门 规定", "人民政府 -国务院"]
_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")
_SPECIAL = re.compile(r'["()\s]')


def corpus_sources(files=None, seed: bool = True, base: Path = CORPUS) -> list[SourceSpec]:
    """SourceSpecs for corpus Markdown files (regulation = path without date, version =
    the date or "current"; the latest of a regulation's files is marked latest) + the seed."""
    from kb.dev.paths import corpus_texts

    base = Path(base)
    if files is None:
        files = corpus_texts(base) if base.is_dir() else []
    groups: dict[str, list] = {}
    for f in files:
        rel = Path(f).relative_to(base).with_suffix("")
        m = _DATE.search(str(rel))
        reg = _DATE.sub("", str(rel)).strip()
        ver = m.group(1) if m else "current"
        groups.setdefault(reg, []).append((ver, str(f)))
    out = []
    for reg, vs in groups.items():
        vs.sort(key=lambda x: ("9999" if x[0] == "current" else x[0]))
        for i, (ver, path) in enumerate(vs):
            out.append(SourceSpec(f"{reg}@{ver}", path, {"regulation": reg, "version": ver},
                                  latest=(i == len(vs) - 1)))
    if seed and SEED.is_file():
        from kb.project import find_root, resolve

        t = resolve(find_root(ROOT), "suining-community@draft")
        out.append(SourceSpec("suining-community@draft", str(t.path), t.meta(), latest=True))
    return out


def article_texts(cat: Catalog) -> list[tuple[str, str, str]]:
    """(key, regulation, scan text) of every article entry, from the catalog's stored fields:
    the same text the index was given (label + heading, then the provisions)."""
    out = []
    for key, regulation, data in cat.articles():
        head = f"{data.get('label') or ''} {data.get('heading') or ''}"
        body = "\n".join(p[3] for p in data.get("parts") or [])
        terms = " ".join(data.get("terms") or [])
        out.append((key, regulation, normalize(head + "\n" + body + "\n" + terms)))
    return out


def make_queries(texts: list[str], n_phrases: int = 160, seed: int = 7) -> list[tuple[str, str]]:
    """(category, query string) drawn from the texts: 2-8 character phrases, mixed digits,
    plus fixed terms, actor names and frequent words."""
    rnd = random.Random(seed)
    qs: list[tuple[str, str]] = [("term", t) for t in TERMS] + [("actor", a) for a in ACTORS] + \
        [("frequent", w) for w in FREQUENT]
    pool = [t for t in texts if len(t) > 20]
    tries = 0
    while sum(1 for c, _ in qs if c == "phrase") < n_phrases and pool and tries < n_phrases * 50:
        tries += 1
        t = rnd.choice(pool)
        k = rnd.randint(2, 8)
        i = rnd.randrange(0, max(1, len(t) - k))
        q = t[i:i + k]
        if len(q) == k and not _SPECIAL.search(q) and q not in ("AND", "OR", "NOT") and not q.startswith("-") \
                and ":" not in q:
            qs.append(("phrase", q))
    digits = set()
    rx = re.compile(r"[0-9]+(?:个工作日|日内|日|个月|年|万元|元|%|倍)")
    for t in rnd.sample(pool, min(len(pool), 4000)):
        for m in rx.finditer(t):
            digits.add(m.group())
    for q in sorted(digits)[:40]:
        qs.append(("digits", q))
    seen, out = set(), []
    for c, q in qs:
        if q not in seen:
            seen.add(q)
            out.append((c, q))
    return out


def expected(q: str, texts: list[tuple[str, str, str]]) -> set[str]:
    vs = variants(normalize(q))
    return {k for k, _, t in texts if any(v in t for v in vs)}


def recall_check(cat: Catalog, queries, texts) -> dict:
    """Search every query literally (no other names of actors: a substring scan knows none) with
    limit=0 over article entries of every version; compare with the scan."""
    missed, false, total = 0, 0, 0
    worst = []
    for c, q in queries:
        exp = expected(q, texts)
        got = {f"{h.regulation}@{h.version}/{h.article_eid}" for h in
               cat.search(f'"{q}"', type="article", version="all", limit=0, literal=True)}
        total += len(exp)
        m, f = len(exp - got), len(got - exp)
        missed += m
        false += f
        if m or f:
            worst.append((q, m, f))
    return {"queries": len(queries), "expected_hits": total, "missed": missed, "false": false,
            "recall": 1.0 if total == 0 else (total - missed) / total, "problems": worst[:10]}


def jieba_check(texts, queries, max_docs: int | None = None) -> dict:
    """The alternative: whoosh with jieba's ChineseAnalyzer (word segmentation) over the same
    articles and queries, compared with the same substring scan.  Returns missed/false counts
    and the dictionary load time that every new process would pay."""
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    t = time.perf_counter()
    import jieba
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    load_s = time.perf_counter() - t
    from jieba.analyse import ChineseAnalyzer
    from whoosh import index as wix
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.qparser import QueryParser

    docs = texts if max_docs is None else texts[:max_docs]
    d = tempfile.mkdtemp(prefix="kb-bench-jieba-")
    try:
        ix = wix.create_in(d, Schema(key=ID(stored=True), body=TEXT(analyzer=ChineseAnalyzer())))
        t = time.perf_counter()
        w = ix.writer(limitmb=256)
        for k, _, txt in docs:
            w.add_document(key=k, body=txt)
        w.commit()
        build_s = time.perf_counter() - t
        qp = QueryParser("body", ix.schema)
        missed = false = total = 0
        with ix.searcher() as s:
            for _, q in queries:
                exp = {k for k, _, txt in docs if normalize(q) in txt}
                got = {r["key"] for r in s.search(qp.parse('"' + normalize(q) + '"'), limit=None)}
                total += len(exp)
                missed += len(exp - got)
                false += len(got - exp)
        ix.close()
    finally:
        shutil.rmtree(d, ignore_errors=True)
    return {"docs": len(docs), "expected_hits": total, "missed": missed, "false": false,
            "dict_load_s": load_s, "build_s": build_s}


def _pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


BIAS_QUERIES = ["应当", "人民政府", "人民政府 应当", "县级以上 人民政府", "可以"]


def bias_check(cat: Catalog, queries) -> dict:
    """For frequent queries (where a top-10 search scores only the best candidates): how
    many of the top 10 are in the first 10 of the ranking of every hit (limit=0), now and
    with the former scan in catalog order (the baseline, same catalog, same run: the whoosh
    catalog's ``rank_whole_catalog`` switched off)."""
    def key(h):
        return (h.regulation, h.version, h.article_eid or h.eid)

    out = {}
    for q in queries:
        full = {key(h) for h in cat.search(q, limit=0, literal=True)[:10]}
        top = cat.search(q, limit=10, literal=True)
        cat.rank_whole_catalog = False                            # the catalog-order scan
        try:
            old = cat.search(q, limit=10, literal=True)
        finally:
            cat.rank_whole_catalog = True
        out[q] = {"overlap": len(full & {key(h) for h in top}),
                  "overlap_catalog_order": len(full & {key(h) for h in old})}
    return out


def same_hits(a: Catalog, b: Catalog, queries) -> dict:
    """Whether two catalogs of the same texts (two engines) answer every query alike: the same
    hits with the same scores, snippets and order, top-10 (kb search's default listing) and
    every hit of every version (limit=0).  ``queries``: query strings as searched."""
    def answers(cat, q, **kw):
        return [(h.regulation, h.version, h.eid, h.type, h.score, h.snippet, h.marks)
                for h in cat.search(q, literal=True, **kw)]

    same_top = same_all = 0
    differ = []
    for q in queries:
        top = answers(a, q, limit=10) == answers(b, q, limit=10)
        every = answers(a, q, limit=0, version="all") == answers(b, q, limit=0, version="all")
        same_top += top
        same_all += every
        if not (top and every):
            differ.append(q + ("" if every else "（全部命中）"))
    return {"queries": len(queries), "same_top10": same_top, "same_all": same_all, "differ": differ}


def latency(fn, queries) -> dict:
    ts = []
    for _, q in queries:
        t = time.perf_counter()
        fn(q)
        ts.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": _pct(ts, 50), "p95_ms": _pct(ts, 95), "max_ms": max(ts), "mean_ms": statistics.mean(ts)}


#: queries whose first call (a catalog just opened) is timed
FIRST_CALLS = 40


def parse_time(specs) -> float:
    """Seconds to parse every source (what the FTS5 baseline's build adds to its inserts)."""
    from kb.errors import KbError
    from kb.text.parse import parse_file

    t = time.perf_counter()
    for s in specs:
        try:
            parse_file(s.path, meta=s.meta)
        except KbError:
            pass
    return time.perf_counter() - t


def fts5_build(texts, path) -> tuple[sqlite3.Connection, float]:
    t = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("CREATE VIRTUAL TABLE p USING fts5(key UNINDEXED, body, tokenize='trigram')")
    con.executemany("INSERT INTO p(key, body) VALUES (?, ?)", [(k, txt) for k, _, txt in texts])
    con.commit()
    return con, time.perf_counter() - t


def fts5_query(con, q, limit=10):
    q = normalize(q)
    if len(q) >= 3:
        sql = "SELECT key FROM p WHERE p MATCH ? ORDER BY rank" + (f" LIMIT {limit}" if limit else "")
        return [r[0] for r in con.execute(sql, ('"' + q.replace('"', '""') + '"',))]
    # trigram cannot index fewer than 3 characters (LIKE then finds nothing): scan the table,
    # unranked (the figure is labelled so)
    sql = "SELECT key FROM p WHERE instr(body, ?) > 0" + (f" LIMIT {limit}" if limit else "")
    return [r[0] for r in con.execute(sql, (q,))]


def run(corpus_dir=None, out=print, n_phrases: int = 160, files=None, engine: str | None = None,
        against: str | None = "other") -> dict:
    """The whole benchmark on a catalog of ``engine`` (default: the default engine), beside one of
    ``against`` ("other": the other engine; None: none); prints as it goes and returns the figures
    (``ok``: recall is total and nothing false was returned)."""
    engine = engine or DEFAULT_ENGINE
    if against == "other":
        against = next(e for e in sorted(ENGINES) if e != engine)
    corpus = Path(corpus_dir) if corpus_dir else CORPUS
    if not corpus.is_dir():
        out(paths.missing(corpus))
        return {"ok": False}
    res: dict = {}
    work = Path(tempfile.mkdtemp(prefix="kb-bench-search-"))
    try:
        specs = corpus_sources(files, base=corpus)
        proj = work / "proj"
        (proj / "regulation").mkdir(parents=True)
        (proj / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
        cat = open_catalog(proj, sources=specs, engine=engine)
        t = time.perf_counter()
        s = cat.build()
        res["build_s"] = time.perf_counter() - t
        res["engine"] = engine
        res["sources"] = len(specs)
        res["skipped"] = len(s["skipped"])
        res["entries"] = s["entries"]
        res["size_mb"] = cat.size_bytes() / 1e6
        res["layers"] = s["layers"]
        out(f"kb 检索目录（{engine} 引擎）：{len(specs)} 个文本（跳过 {len(s['skipped'])} 个无条文的），{s['entries']} 个条目，"
            f"建立 {res['build_s']:.1f} 秒，大小 {res['size_mb']:.1f} MB；分析层：{'、'.join(s['layers']) or '无'}")
        t = time.perf_counter()
        s2 = cat.build()
        res["rebuild_noop_s"] = time.perf_counter() - t
        res["rebuild_noop_full"] = s2["full"]
        out(f"无变化时再次 kb index：{res['rebuild_noop_s']:.2f} 秒"
            + ("（期间 kb.links/kb.obligations 等模块被修改，只能全部重建）" if s2["full"] else "（只比对源文件哈希）"))

        texts = article_texts(cat)
        res["articles"] = len(texts)
        queries = make_queries([t for _, _, t in texts], n_phrases=n_phrases)
        res["queries"] = len(queries)

        # recall / precision against the substring scan, whole corpus, every version
        t = time.perf_counter()
        rc = recall_check(cat, queries, texts)
        res["recall"] = rc
        res["ok"] = rc["missed"] == 0 and rc["false"] == 0
        out(f"召回：{rc['queries']} 个查询，子串扫描命中 {rc['expected_hits']} 条；kb 漏掉 {rc['missed']}，"
            f"多出 {rc['false']}（召回率 {rc['recall']:.4%}，{time.perf_counter() - t:.1f} 秒）")
        if rc["problems"]:
            out(f"  问题查询：{rc['problems']}")

        # first call: a catalog just opened (its postings, bounds and lengths not yet cached), as
        # the first search of a new process meets it; then the same query again
        first, again = [], []
        for _, q in queries[::max(1, len(queries) // FIRST_CALLS)][:FIRST_CALLS]:
            fresh = open_catalog(proj, sources=specs, engine=engine)
            t = time.perf_counter()
            fresh.search(f'"{q}"', limit=10)
            first.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            fresh.search(f'"{q}"', limit=10)
            again.append((time.perf_counter() - t) * 1000)
            fresh.close()
        res["kb_first_call"] = {"n": len(first), "p50_ms": _pct(first, 50), "max_ms": max(first),
                                "repeated_p50_ms": _pct(again, 50), "repeated_max_ms": max(again)}
        fc = res["kb_first_call"]
        out(f"kb 首次查询（刚打开的目录，缓存全空，含打开索引；{fc['n']} 个查询各开一次）：中位 {fc['p50_ms']:.1f} ms，"
            f"最慢 {fc['max_ms']:.1f} ms；同一查询再查一次：中位 {fc['repeated_p50_ms']:.1f} ms，最慢 {fc['repeated_max_ms']:.1f} ms")

        # in-process latency, top 10 (default search: one hit per article, latest versions)
        cat.search("应当")  # open the index once
        lat = latency(lambda q: cat.search(f'"{q}"', limit=10, literal=True), queries)
        freq = latency(lambda q: cat.search(q, limit=10, literal=True), [("f", w) for w in FREQUENT])
        multi = latency(lambda q: cat.search(q, limit=10, literal=True), [("m", w) for w in MULTI])
        res["kb_latency"], res["kb_frequent"], res["kb_multi"] = lat, freq, multi
        out(f"kb 进程内 top-10：p50 {lat['p50_ms']:.1f} ms，p95 {lat['p95_ms']:.1f} ms，最大 {lat['max_ms']:.1f} ms"
            f"（高频词 {'、'.join(FREQUENT[:3])}… p95 {freq['p95_ms']:.1f} ms；"
            f"高频词组合 {MULTI[0]}… p50 {multi['p50_ms']:.1f} ms，p95 {multi['p95_ms']:.1f} ms）")

        # frequent queries: does the capped top-10 agree with the ranking of every hit?
        bias = bias_check(cat, BIAS_QUERIES)
        res["bias"] = bias
        out("高频查询 top-10 与全部命中排序的前 10 重合："
            + "；".join(f"{q} {b['overlap']}/10" + (f"（按目录顺序截断扫描 {b['overlap_catalog_order']}/10）"
                                                   if engine == "whoosh" else "")
                       for q, b in bias.items()))

        if against:
            other = open_catalog(proj, path=work / f"catalog-{against}", sources=specs, engine=against)
            t = time.perf_counter()
            other.build()
            ob = time.perf_counter() - t
            qs = [f'"{q}"' for _, q in queries] + FREQUENT + MULTI + list(BIAS_QUERIES)
            sh = res["against"] = dict(same_hits(cat, other, qs), engine=against, build_s=ob)
            # the same latencies on the other engine, measured the same way in the same run
            sh["latency"] = latency(lambda q: other.search(f'"{q}"', limit=10, literal=True), queries)
            sh["frequent"] = latency(lambda q: other.search(q, limit=10, literal=True), [("f", w) for w in FREQUENT])
            sh["multi"] = latency(lambda q: other.search(q, limit=10, literal=True), [("m", w) for w in MULTI])
            other.close()
            out(f"对照 {against} 引擎（同样的文本）：建立 {ob:.1f} 秒（{engine} {res['build_s']:.1f} 秒，"
                f"{ob / res['build_s']:.1f} 倍）；{sh['queries']} 个查询中 top-10 相同 {sh['same_top10']} 个、"
                f"全部命中（各版本）相同 {sh['same_all']} 个（命中、得分、摘要、顺序）"
                + (f"；不同：{'、'.join(sh['differ'][:8])}" if sh["differ"] else ""))
            la, lf, lm = sh["latency"], sh["frequent"], sh["multi"]
            out(f"{against} 引擎进程内 top-10（同样的查询）：p50 {la['p50_ms']:.1f} ms，p95 {la['p95_ms']:.1f} ms，"
                f"最大 {la['max_ms']:.1f} ms（高频词 p95 {lf['p95_ms']:.1f} ms；高频词组合 p50 {lm['p50_ms']:.1f} ms，"
                f"p95 {lm['p95_ms']:.1f} ms）")

        # whole kb search process
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        ts = []
        for q in ["经费", "应当", "居民委员会", "15个工作日", "第十五条"]:
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kb.cli", "--root", str(proj), "search", q],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
            ts.append(time.perf_counter() - t)
        res["kb_process_s"] = {"median": statistics.median(ts), "max": max(ts)}
        out(f"整个 kb search 进程：中位 {statistics.median(ts):.3f} 秒，最慢 {max(ts):.3f} 秒")

        # ripgrep over the source files
        rg = shutil.which("rg")
        if rg:
            rg_paths = [str(corpus), str(SEED)]
            lat_rg = latency(lambda q: subprocess.run([rg, "-F", "-l", "-e", q, *rg_paths], stdout=subprocess.DEVNULL,
                                                      stderr=subprocess.DEVNULL, check=False), queries)
            res["rg_latency"] = lat_rg
            out(f"基线 ripgrep（每个查询一个进程，扫描源文件，只列出文件，不排序）：p50 {lat_rg['p50_ms']:.1f} ms，"
                f"p95 {lat_rg['p95_ms']:.1f} ms")

        # SQLite FTS5 trigram over the same provisions; its build time includes parsing the
        # texts, as kb's does
        parse_s = parse_time(specs)
        con, bt = fts5_build(texts, str(work / "fts5.db"))
        bt += parse_s
        size = os.path.getsize(work / "fts5.db") / 1e6
        lat_f = latency(lambda q: fts5_query(con, q), queries)
        short = [(c, q) for c, q in queries if len(q) < 3]
        lat_fs = latency(lambda q: fts5_query(con, q), short) if short else None
        miss_f = 0
        for c, q in queries:
            exp = {k for k, _, t in texts if normalize(q) in t}
            miss_f += len(exp - set(fts5_query(con, q, limit=0)))
        res["fts5"] = {"build_s": bt, "parse_s": parse_s, "size_mb": size, "latency": lat_f,
                       "short_latency": lat_fs, "missed": miss_f}
        out(f"基线 SQLite FTS5 trigram（同样的条文）：建立 {bt:.1f} 秒（含解析 {parse_s:.1f} 秒），{size:.1f} MB；"
            f"top-10 p50 {lat_f['p50_ms']:.1f} ms，p95 {lat_f['p95_ms']:.1f} ms"
            + (f"（两字查询 trigram 索引不到，只能 instr 全表扫描，结果不排序：p95 {lat_fs['p95_ms']:.1f} ms）"
               if lat_fs else "")
            + f"；漏掉 {miss_f}")
        con.close()

        # the word-segmenter alternative, on the same articles and queries
        try:
            jb = jieba_check(texts, queries)
            res["jieba"] = jb
            out(f"对照 jieba 分词（whoosh ChineseAnalyzer，同样的 {jb['docs']} 条、同样的查询）：子串命中 "
                f"{jb['expected_hits']}，漏掉 {jb['missed']}，多出 {jb['false']}；词典加载 {jb['dict_load_s']:.2f} 秒/进程")
        except ImportError:
            out("（未安装 jieba，跳过分词对照）")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return res


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="kb 检索基准")
    ap.add_argument("--json", action="store_true", help="最后输出 JSON")
    ap.add_argument("--phrases", type=int, default=160)
    ap.add_argument("--engine", choices=sorted(ENGINES), default=None, help=f"检索引擎（默认 {DEFAULT_ENGINE}）")
    ap.add_argument("--no-against", action="store_true", help="不建另一个引擎的目录对照")
    ap.add_argument("corpus", nargs="?", default=None, help="语料目录（默认 ../shared/corpus/lawrefbook）")
    a = ap.parse_args()
    r = run(a.corpus, n_phrases=a.phrases, engine=a.engine, against=None if a.no_against else "other")
    if a.json:
        print(json.dumps(r, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
