"""Benchmark of ``kb index`` over the whole shared corpus (``kb bench index`` /
``python3 -m kb.dev.bench_index [CORPUS]``), beside its baseline in the same run.

Each build runs in a process of its own, so its time and peak memory are its own:

* kb, layers not cached: a first ``kb index`` (parse, definitions and obligations, whoosh);
* kb, layers cached: the same full rebuild once the layer cache holds every text's layers
  (what ``kb index`` costs after ``kb build``, ``kb export`` or a change of kb's catalog code);
* kb on one core: the same, whoosh writing in one process (the former ``kb index``);
* kb with the FTS5 engine (the default): the same full rebuild written by the catalog's SQLite
  FTS5 engine (``kb index --engine fts5``: the same entries, the same answers as whoosh's), layers
  not cached unless a whoosh build ran before it;
* kb with the FTS5 engine, layers cached: the same again once the layer cache holds every text's
  layers (a second ``kb index --full``);
* whoosh's floor: parse every text and write the baseline's article texts as bigrams with their
  counts only (no positions, no stored fields, one segment, no merge): the least whoosh can do
  for the job, so that whether 4× is reachable with whoosh at all is measured, not guessed;
* the baseline: parse every text and insert the same article texts into SQLite FTS5 with the
  trigram tokenizer (C), parsing included as kb's build includes it.

Printed for each: wall time, CPU time (the process and its writer sub-processes: what the
work costs whatever else the machine runs), peak memory (the main process, and the largest
writer sub-process) and the size on disk; then the ratio to the baseline (the target was 4×),
and where kb's time goes (parse, layers, entries, whoosh: the build's own account of its CPU
time, with the layer cache's) over the first texts, uncached, whoosh in one process; with
kb-fts5 (uncached), the same for the FTS5 engine over every text (parse, the obligations layer,
the links layer, entries with the layer cache's writing, FTS5's writing), and what the build costs
without its two layers, against the baseline's CPU: the floor the catalog's own work sets.
``--modes=whoosh-floor,fts5`` measures only the builds named (the baseline always).
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kb.dev import paths

TARGET = 4.0
#: texts of the corpus whose build is broken down into steps
STEPS_TEXTS = 120


def _usage() -> dict:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
            "peak_mib": me.ru_maxrss / 1024, "child_peak_mib": kids.ru_maxrss / 1024}


def _specs(corpus: Path):
    from kb.dev.bench_search import corpus_sources

    return corpus_sources(paths.corpus_texts(corpus), base=corpus)


def child(mode: str, corpus: str, work: str) -> dict:
    """One measured build, in this (fresh) process."""
    corpus_p, work_p = Path(corpus), Path(work)
    specs = _specs(corpus_p)
    if mode == "fts5":
        return _fts5(specs, work_p)
    if mode == "whoosh-floor":
        return _whoosh_floor(specs, work_p)
    from kb.catalog import open_catalog

    engine = "fts5" if mode.startswith("kb-fts5") else "whoosh"
    if mode in ("kb-serial", "kb-steps"):
        os.environ["KB_INDEX_PROCS"] = "1"
    if mode in ("kb-steps", "kb-fts5-steps"):      # where the time goes: layers computed, one process
        from kb.layers import cache

        if mode == "kb-steps":
            specs = specs[:STEPS_TEXTS]
            os.environ["KB_LAYER_CACHE"] = "off"
        else:                        # an empty cache, written as a first kb index writes it
            os.environ["KB_LAYER_CACHE"] = str(work_p / "layers-steps")
        os.environ["KB_JOBS"] = "1"
    (work_p / "mkdocs.yml").write_text("site_name: bench\n", encoding="utf-8")
    cat = open_catalog(work_p, path=work_p / f"catalog-{mode}", sources=specs, engine=engine)
    t = time.perf_counter()
    s = cat.build(full=True)
    out = {"wall_s": time.perf_counter() - t, "entries": s["entries"], "size_mb": cat.size_bytes() / 1e6,
           "texts": len(specs) - len(s["skipped"]), "steps": s.get("steps", {})}
    if mode == "kb-steps":
        layers = sum(cache.stats["seconds"].values())
        st = out["steps"]
        out["steps"] = {"解析": st["parse"], "分析层（定义、引用、义务）": layers,
                        "条目": st["entries"] - layers, "whoosh 写入": st["index"]}
    if mode == "kb-fts5-steps":
        secs = cache.stats["seconds"]
        obligations = secs.get("obligations", 0.0)
        links = sum(secs.values()) - obligations
        st = out["steps"]
        out["steps"] = {"解析": st["parse"], "义务层": obligations, "定义与引用层": links,
                        "条目（含写分析层缓存）": st["entries"] - obligations - links,
                        "FTS5 写入（切分二元组、插入、索引、统计）": st["index"]}
    out.update(_usage())
    return out


def _articles(spec, doc):
    """(key, text) of each article as the baselines index it: its number and title, then the text of
    its paragraphs and items."""
    from kb.catalog.entries import own_text

    for a in doc.articles:
        body = "\n".join(own_text(x) for x in a.walk() if x.kind in ("paragraph", "item", "subitem"))
        yield f"{spec.key}/{a.eid}", f"{a.label} {a.title or ''}\n{body}"


def _parsed(specs):
    """(spec, parsed document) of each text that parses: a baseline skips the rest, as kb index does."""
    from kb.errors import KbError
    from kb.text.parse import parse_file

    for s in specs:
        try:
            yield s, parse_file(s.path, meta=s.meta)
        except KbError:
            continue


def _fts5(specs, work: Path) -> dict:
    import sqlite3

    t = time.perf_counter()
    con = sqlite3.connect(work / "fts5.db")
    con.execute("CREATE VIRTUAL TABLE p USING fts5(key UNINDEXED, body, tokenize='trigram')")
    n = texts = 0
    for s, doc in _parsed(specs):
        texts += 1
        rows = list(_articles(s, doc))
        con.executemany("INSERT INTO p(key, body) VALUES (?, ?)", rows)
        n += len(rows)
    con.commit()
    con.close()
    out = {"wall_s": time.perf_counter() - t, "entries": n, "texts": texts,
           "size_mb": os.path.getsize(work / "fts5.db") / 1e6}
    out.update(_usage())
    return out


def _floor_field():
    """A whoosh text field that costs the least whoosh can do with bigrams: each article's bigrams
    with their counts, no positions (phrases could be checked elsewhere), nothing stored.  A class of
    this module (whoosh pickles the schema), made on first use."""
    if "FloorText" in globals():
        return globals()["FloorText"]
    from whoosh import analysis, fields, formats
    from whoosh.system import pack_uint

    from kb.catalog.analysis import bigram_positions

    class FloorText(fields.FieldType):
        def __init__(self):
            self.analyzer = analysis.IDTokenizer()       # not used: index() below makes the terms
            self.format = formats.Frequency()
            self.vector = self.column_type = None
            self.scorable, self.stored, self.unique, self.spelling = True, False, False, False

        def index(self, value, **kwargs):
            for tok, poslist in bigram_positions(value).items():
                yield tok.encode("utf-8"), len(poslist), float(len(poslist)), pack_uint(len(poslist))

    FloorText.__module__, FloorText.__qualname__ = __name__, "FloorText"
    globals()["FloorText"] = FloorText
    return FloorText


def _whoosh_floor(specs, work: Path) -> dict:
    """What whoosh costs at the least for the baseline's job: parse, then the same article texts
    (:func:`_articles`) as bigrams without positions, the key the only other field, one writer with
    memory for one segment (no merge)."""
    from whoosh import fields, index

    t = time.perf_counter()
    (work / "floor").mkdir()
    ix = index.create_in(str(work / "floor"), fields.Schema(key=fields.ID(stored=True), body=_floor_field()()))
    w = ix.writer(limitmb=1024)
    n = texts = 0
    for s, doc in _parsed(specs):
        texts += 1
        for key, body in _articles(s, doc):
            w.add_document(key=key, body=body)
            n += 1
    w.commit(merge=False)
    size = sum(f.stat().st_size for f in (work / "floor").iterdir())
    out = {"wall_s": time.perf_counter() - t, "entries": n, "texts": texts, "size_mb": size / 1e6}
    out.update(_usage())
    return out


def _measure(mode: str, corpus: Path, work: Path, env: dict) -> dict:
    r = subprocess.run([sys.executable, "-m", "kb.dev.bench_index", "--child", mode, str(corpus), str(work)],
                       capture_output=True, text=True, env=env, check=False)
    if r.returncode != 0:
        raise RuntimeError(f"{mode}: {r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


#: every build the benchmark measures, in order (the baseline last)
MODES = ("kb-cold", "kb-warm", "kb-serial", "kb-fts5", "kb-fts5-warm", "whoosh-floor", "fts5")


def run(corpus_dir=None, out=print, modes: tuple[str, ...] = MODES) -> dict:
    """Measure ``modes`` (the FTS5 baseline always; the breakdown of kb's time with kb-cold)."""
    corpus = Path(corpus_dir) if corpus_dir else paths.corpus_dir()
    if not corpus.is_dir():
        out(paths.missing(corpus))
        return {"ok": False}
    work = Path(tempfile.mkdtemp(prefix="kb-bench-index-"))
    res: dict = {}
    try:
        env = dict(os.environ, KB_LAYER_CACHE=str(work / "layers"), PYTHONDONTWRITEBYTECODE="1")
        env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).resolve().parents[2])] +
                                            ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
        names = {"kb-cold": "kb index，分析层未缓存（两核写入）", "kb-warm": "kb index，分析层已缓存（两核写入）",
                 "kb-serial": "kb index，分析层已缓存（单核写入，原来的做法）",
                 "kb-fts5": "kb index --engine fts5，分析层" + ("已缓存" if "kb-cold" in modes else "未缓存"),
                 "kb-fts5-warm": "kb index --engine fts5，分析层已缓存",
                 "whoosh-floor": "whoosh 的下限：解析 + 只写同样的条的二元组（无位置、无存储字段、一个段、不合并）",
                 "fts5": "基线：解析 + SQLite FTS5 trigram 插入同样的条（标题与各款项原文）"}
        modes = tuple(m for m in MODES if m in modes or m == "fts5")
        if "kb-fts5-warm" in modes and not {"kb-cold", "kb-fts5"} & set(modes):
            _measure("kb-fts5", corpus, work, env)      # fills the layer cache, not reported
        for mode in modes:
            r = res[mode] = _measure(mode, corpus, work, env)
            out(f"{names[mode]}：{r['texts']} 个文本、{r['entries']} 个条目；用时 {r['wall_s']:.1f} 秒"
                f"（CPU {r['cpu_s']:.1f} 秒），峰值内存 {r['peak_mib']:.0f} MiB"
                + (f"（写入子进程各 ≤ {r['child_peak_mib']:.0f} MiB）" if r["child_peak_mib"] > 10 else "")
                + f"，大小 {r['size_mb']:.0f} MB")
        base, base_cpu = res["fts5"]["wall_s"], res["fts5"]["cpu_s"]
        for mode in modes[:-1]:
            res[mode]["ratio"] = res[mode]["wall_s"] / base
            res[mode]["cpu_ratio"] = res[mode]["cpu_s"] / base_cpu
        res["ok"] = True
        labels = {"kb-cold": "未缓存", "kb-warm": "已缓存", "kb-serial": "单核",
                  "kb-fts5": "FTS5 引擎" + ("" if "kb-cold" in modes else "未缓存"), "kb-fts5-warm": "FTS5 引擎已缓存",
                  "whoosh-floor": "whoosh 下限"}
        out("与基线之比，用时（CPU）：" + "，".join(
            f"{labels[m]} {res[m]['ratio']:.1f}×（{res[m]['cpu_ratio']:.1f}×）" for m in modes[:-1])
            + f"；目标 {TARGET:.0f}×" + _verdict(res))
        if "kb-fts5" in modes and "kb-cold" not in modes:
            steps = res["fts5_steps"] = _measure("kb-fts5-steps", corpus, work, env)["steps"]
            total = sum(steps.values()) or 1.0
            out(f"FTS5 引擎未缓存时的时间花在哪里（全部 {res['kb-fts5']['texts']} 个文本，单进程 CPU 时间，共 {total:.1f} 秒）："
                + "，".join(f"{k} {v:.1f} 秒（{v / total:.0%}）" for k, v in steps.items())
                + f"；除去两个分析层是基线 CPU 的 {(total - steps['义务层'] - steps['定义与引用层']) / base_cpu:.1f} 倍")
        if "kb-cold" not in modes:
            return res
        steps = res["steps"] = _measure("kb-steps", corpus, work, env)["steps"]
        total = sum(steps.values()) or 1.0
        out(f"kb 的时间花在哪里（前 {min(STEPS_TEXTS, res['kb-cold']['texts'])} 个文本，分析层未缓存，单进程 CPU 时间）："
            + "，".join(f"{k} {v:.1f} 秒（{v / total:.0%}）" for k, v in steps.items())
            + "。whoosh 是纯 Python：每个（条文，二元组）写一条倒排记录；检索目录在 Catalog 接口"
            "（kb.catalog.interface）之后，可换用 FTS5 之类的 C 引擎而不动命令行和网站")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return res


def _verdict(res: dict) -> str:
    warm = res.get("kb-fts5-warm")
    cold = res.get("kb-fts5") if "kb-cold" not in res else None      # kb-fts5 is uncached then
    if warm and warm["cpu_ratio"] <= TARGET and cold and cold["cpu_ratio"] > TARGET:
        return "，FTS5 引擎已缓存时达到，未缓存时达不到"
    if warm and warm["cpu_ratio"] <= TARGET and not cold:
        return "，FTS5 引擎已缓存时达到"
    if "kb-fts5" in res and res["kb-fts5"]["cpu_ratio"] <= TARGET:
        return "，FTS5 引擎已达到" + ("（whoosh 达不到）" if "kb-warm" in res and res["kb-warm"]["cpu_ratio"] > TARGET else "")
    if "kb-warm" in res and res["kb-warm"]["cpu_ratio"] <= TARGET:
        return "，已达到"
    if "whoosh-floor" in res and res["whoosh-floor"]["cpu_ratio"] > TARGET:
        return "，whoosh 达不到（连它的下限也达不到）"
    return "，whoosh 达不到" if "kb-warm" in res else ""


def main() -> None:
    if len(sys.argv) >= 5 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3], sys.argv[4])))
        return
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    modes = next((a.split("=", 1)[1].split(",") for a in sys.argv[1:] if a.startswith("--modes=")), MODES)
    unknown = set(modes) - set(MODES)
    if unknown:
        sys.exit(f"未知的构建：{'、'.join(sorted(unknown))}（可选：{','.join(MODES)}）")
    r = run(args[0] if args else None, modes=tuple(modes))
    if "--json" in sys.argv:
        print(json.dumps(r, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
