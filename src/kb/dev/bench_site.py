"""``kb bench site``: build time, memory, page weight and search payload of the generated site.

For knowledge bases of 1, 10, 50, 100 and 200 corpus regulations (taken evenly from
../shared/corpus/lawrefbook, the smaller ones the first of the larger), each ``kb build`` runs in a
process of its own: the first build (nothing cached), again with nothing changed, and after one
regulation's text changed; printed with its time, CPU, peak memory and the page bytes per
regulation, beside the baseline: the *same pages* (paths, titles, navigation, text) as static
Markdown with the same downloads and search indexes as files, built by plain mkdocs + material.
At 100 regulations it measures what one site search downloads (chromium), and on the seed the
search quality of kb's worker against material's.  ``--against REV`` builds the same sites with kb
at an earlier commit.

Run: ``python3 -m kb.dev.bench_site [CORPUS_DIR] [--sizes 1,10,50,100,200] [--against REV]``
or ``kb bench site``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from kb.dev import paths


def _root() -> Path:
    return paths.REPO


def _config(proj: Path, plugin: str, nav: list | None = None, root: Path | None = None) -> str:
    """mkdocs.yml of a bench site: the kb plugin (downloads on, PDF off: LibreOffice's conversion is
    cached and optional), or (``static``) plain mkdocs + material over ``proj/docs``; ``root`` is
    the kb checkout whose templates and overrides are used (default: this one)."""
    root = root or _root()
    import yaml

    cfg = {
        "site_name": "基准测试",
        "docs_dir": str(proj / "docs") if plugin == "static" else str(root / "templates" / "static"),
        "site_dir": "site",
        "theme": {"name": "material", "custom_dir": str(root / "overrides"), "language": "zh",
                  "font": False, "features": ["navigation.prune"]},
        "extra_css": ["kb/kb.css"], "extra_javascript": ["kb/kb.js"],
        "plugins": [] if plugin == "static" else ["search"],
    }
    if plugin == "kb":
        cfg["plugins"].append({"kb": {"templates": str(root / "templates"), "pdf": False,
                                      "comment_email": "bench@example.org"}})
    if nav is not None:
        cfg["nav"] = nav
    return yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False)


def corpus_project(dest: Path, corpus: Path, n: int, names: tuple[str, ...] = ()) -> Path:
    """A project with n corpus regulations, one version each (copied into a temporary folder), spread evenly over
    the corpus, or ``names`` (paths relative to the corpus) first; the texts held out this session (kb.dev.heldout)
    are never taken, nor opened."""
    from kb.dev.heldout import may_read
    from kb.dev.paths import corpus_texts
    from kb.errors import KbError
    from kb.text.parse import parse_file

    # the tests' sites (3, 4, 8 regulations) took 北京市预算监督条例, held out, as their second or third text
    all_files = corpus_texts(corpus)
    step = max(1, len(all_files) // n)
    # a test that needs particular texts names them: the even spread shifts with every held-out draw (the thirteenth
    # and fourteenth sessions' draws broke tests/site/test_incremental_build.py's shard choice that way)
    named = [corpus / name for name in names if may_read(name)]
    order = named + all_files[::step] + [f for f in all_files if f not in all_files[::step]]
    files = []
    for f in order:                 # evenly spread; texts without articles (决定, 修正案) are skipped
        if len(files) == n:
            break
        if f in files:
            continue
        try:
            parse_file(str(f))
        except KbError:
            if f in named:
                raise           # a text the caller names is missing from the corpus or has no articles: say so, rather
            continue            # than put the spread's next text in its place (code review 19 item 5)
        files.append(f)
    for i, f in enumerate(files):
        rid = f"r{i + 1:03d}"
        d = dest / "regulation" / rid
        d.mkdir(parents=True)
        shutil.copy(f, d / "current.md")
        first = f.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff").splitlines()[0]
        title = first.lstrip("# ").strip() or f.stem
        import yaml
        (d / "meta.yml").write_text(yaml.safe_dump({
            "title": title, "category": f.relative_to(corpus).parts[0],
            "versions": [{"name": "current", "file": "current.md", "status": "现行有效"}]},
            allow_unicode=True), encoding="utf-8")
    return dest


def _build(proj: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import logging
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    cfg = load_config(str(proj / "mkdocs.yml"))
    t = time.perf_counter()
    build(cfg)
    return time.perf_counter() - t


#: run in a fresh process (``python3 -c CHILD PROJECT [force]``, kb from PYTHONPATH): one site build as
#: ``kb build`` does it, catalog included; prints its figures as JSON on the last line
CHILD = """
import inspect, json, logging, os, sys, time
from pathlib import Path
logging.getLogger("mkdocs").setLevel(logging.ERROR)
from kb.cli.site import build_site
from kb.site.progress import TIMINGS
proj = Path(sys.argv[1])
kw = {"force": True} if "force" in inspect.signature(build_site).parameters and sys.argv[2:] == ["force"] else {}
t = time.perf_counter()
r = build_site(proj, **kw)
print(json.dumps({"wall_s": time.perf_counter() - t, "rebuilt": str(r.get("rebuilt", "full")),
                  "catalog": r.get("catalog"), "stages": dict(TIMINGS)}, ensure_ascii=False))
"""

#: the same for the baseline: plain mkdocs over a folder of Markdown and files
STATIC_CHILD = """
import json, logging, sys, time
logging.getLogger("mkdocs").setLevel(logging.ERROR)
from mkdocs.commands.build import build
from mkdocs.config import load_config
cfg = load_config(sys.argv[1] + "/mkdocs.yml")
t = time.perf_counter()
build(cfg)
print(json.dumps({"wall_s": time.perf_counter() - t}))
"""


def _run(code: str, args: list[str], src: Path | None = None) -> dict:
    """``code`` in a process of its own (kb from ``src``, default this checkout): its figures, its
    whole time from the start of the interpreter, and the CPU time and peak memory of that process
    and its sub-processes (whoosh's writers) as the kernel reports them when it ends."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(src or _root() / "src"))
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=out, stderr=err, env=env, text=True)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"构建失败（{' '.join(args)}）：{err.read()[-2000:]}")
        res = json.loads(out.read().strip().splitlines()[-1])
    res.update(process_s=wall, cpu_s=ru.ru_utime + ru.ru_stime, peak_mib=ru.ru_maxrss / 1024)
    return res


def _html_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.html")) if folder.is_dir() else 0


def _static_copy(kb_proj: Path, dest: Path) -> Path:
    """The kb site's pages, as static Markdown (same paths, titles, navigation and text)."""
    from lxml import html as lh

    site = kb_proj / "site"
    docs = dest / "docs"
    from mkdocs.config import load_config
    cfg = load_config(str(kb_proj / "mkdocs.yml"))
    plugin = cfg.plugins["kb"]
    plugin.on_config(cfg)
    from kb.site.urls import page_url

    for src, info in plugin.pages.items():
        html_path = site / page_url(src) / "index.html" if page_url(src) else site / "index.html"
        tree = lh.fromstring(html_path.read_bytes())
        art = tree.xpath("//article[contains(@class,'md-content__inner')]")[0]
        lines = [f"# {info['title']}", ""]
        for el in art.iter("h2", "h3", "p", "li", "td", "dt", "dd"):
            t = re.sub(r"\s+", " ", el.text_content()).replace("¶", "").strip()
            if not t:
                continue
            t = re.sub(r"([\\`*_{}\[\]()#+!|<>-])", r"\\\1", t)
            lines += [("## " if el.tag == "h2" else "### " if el.tag == "h3" else "") + t, ""]
        out = docs / src
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(lines), encoding="utf-8")
    (dest / "kb").mkdir(exist_ok=True)
    shutil.copytree(_root() / "templates" / "static" / "kb", docs / "kb", dirs_exist_ok=True)
    nav = json.loads(json.dumps(cfg.nav))
    (dest / "mkdocs.yml").write_text(_config(dest, "static", nav), encoding="utf-8")
    return dest


def _static_baseline(kb_proj: Path, dest: Path) -> Path:
    """The kb site's pages as static Markdown (same paths, titles, navigation and text) with the
    same downloads and search indexes as plain files: what mkdocs + material take to publish the
    same site when nothing has to be derived from the texts."""
    static = _static_copy(kb_proj, dest)
    site, docs = kb_proj / "site", static / "docs"
    for f in site.rglob("*"):
        rel = f.relative_to(site)
        if f.is_file() and f.suffix != ".html" and rel.parts[0] not in ("assets", "kb") \
                and rel.name != "sitemap.xml.gz" and rel.name != "sitemap.xml":
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, docs / rel)
    return static


def _touch_one(proj: Path, rid: str) -> None:
    """Change one regulation's text (one sentence longer), as an editor would."""
    f = proj / "regulation" / rid / "current.md"
    text = f.read_text(encoding="utf-8")
    i = text.rindex("。")
    f.write_text(text[:i + 1] + "（基准测试改动。）" + text[i + 1:], encoding="utf-8")


def measure_size(n: int, corpus: Path, tmp: Path, src: Path | None = None, kb_root: Path | None = None,
                 incremental: bool = True, baseline: bool = True, payload: bool = False) -> dict:
    """A site of the first ``n`` of the evenly spread corpus regulations: the first ``kb build``
    (nothing cached), the same again with nothing changed, after one regulation's text changed,
    and the baseline (plain mkdocs + material over the same pages, downloads and search indexes)."""
    proj = corpus_project(tmp / f"kb-{n}", corpus, n)
    (proj / "mkdocs.yml").write_text(_config(proj, "kb", root=kb_root), encoding="utf-8")
    first = _run(CHILD, [str(proj)], src)
    site = proj / "site"
    regs = [d for d in site.iterdir() if d.is_dir() and (proj / "regulation" / d.name).is_dir()]
    row = {"n": n, "first": first, "pages": len(list(site.rglob("*.html"))),
           "reg_kb": sum(_html_bytes(d) for d in regs) / 1e3 / max(1, len(regs)),
           "r001_kb": _html_bytes(site / "r001") / 1e3,
           "home_kb": (site / "index.html").stat().st_size / 1e3,
           "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6}
    if payload:
        row["payload"] = kb_search_payload(site)
    if incremental:
        row["again"] = _run(CHILD, [str(proj)], src)
        _touch_one(proj, "r001")
        row["one"] = _run(CHILD, [str(proj)], src)
    if baseline:
        static = _static_baseline(proj, tmp / f"static-{n}")
        row["static"] = _run(STATIC_CHILD, [str(static)])
    shutil.rmtree(proj, ignore_errors=True)
    return row


SEARCH_JS = """(q) => new Promise((resolve, reject) => {
    const cfg = JSON.parse(document.getElementById('__config').textContent);
    const w = new Worker(new URL(cfg.search, location.href));
    w.onerror = e => reject(e.message);
    w.onmessage = ev => {
      if (ev.data.type === 1) w.postMessage({type: 2, data: q});
      else if (ev.data.type === 3) { w.terminate(); resolve(ev.data.data.items); }
    };
    fetch(new URL('search/search_index.json', new URL(cfg.base, location.href))).then(r => r.json())
      .then(idx => w.postMessage({type: 0, data: {config: idx.config, docs: idx.docs, options: {}}}));
})"""


CHROMIUM = Path("/usr/bin/chromium")


def _browser_ok(what: str) -> bool:
    """Whether chromium and playwright are here; says what is skipped when not."""
    import importlib.util

    if importlib.util.find_spec("playwright") is None:
        print(f"（没有 playwright，跳过{what}）", file=sys.stderr)
        return False
    if not CHROMIUM.exists():
        print(f"（没有 {CHROMIUM}，跳过{what}）", file=sys.stderr)
        return False
    return True


def _launch(p):
    return p.chromium.launch(executable_path=str(CHROMIUM), args=[
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"])


def _serve(directory: Path, sent: list | None = None):
    """A local HTTP server for a built site, in a thread.  Nothing it serves may be cached (so every
    fetch of a measurement reaches it), and with ``sent`` it notes (path, bytes) of each file served."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_GET(self):
            f = Path(self.translate_path(self.path))
            if sent is not None and f.is_file():
                sent.append((self.path.split("?")[0], f.stat().st_size))
            super().do_GET()

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def _seed_vocab():
    """The seed's draft and its vocabulary: every defined term and actor name, sorted (the queries)."""
    from kb.layers.actors import load_registry
    from kb.layers.links import definitions
    from kb.layers.obligations import extract
    from kb.project import find_root, load, resolve

    root = _root()
    doc = load(resolve(find_root(root), "suining-community@draft"))
    return doc, sorted({d.term for d in definitions(doc)} |
                       {s.actor for s in extract(doc, load_registry(root)) if s.actor})


def search_quality(top: int = 10) -> list[dict] | None:
    """Every defined term and actor name of the seed as a query, through three search set-ups, in chromium:
    material's own worker and index (jieba), the same with the regulation's vocabulary as jieba's user
    dictionary, and kb's literal worker.  Precision of the top results and recall of the provisions."""
    import unicodedata

    if not _browser_ok("检索质量测量"):
        return None
    from playwright.sync_api import sync_playwright

    root = _root()
    doc, vocab = _seed_vocab()

    def norm(x):
        return "".join(n if len(n := unicodedata.normalize("NFKC", c).lower()) == 1 else c for c in x)

    def art_text(a):
        return norm("\n".join([a.label + (f"（{a.title}）" if a.title else "")] +
                               [(n.label if n.kind in ("item", "subitem") else "") + (n.text or "")
                                for n in a.walk() if n.kind != "article"]))
    texts = {a.eid: art_text(a) for a in doc.articles}
    setups = [("material 自带检索（jieba 分词）", {"search": "material"}, {}),
              ("material + 本法规词表（jieba 用户词典）", {"search": "material"}, {"jieba_dict_user": "VOCAB"}),
              ("kb 字面检索（本站）", {}, {})]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kb-bench-search-") as t, sync_playwright() as p:
        browser = _launch(p)
        for k, (label, kbopts, searchopts) in enumerate(setups):
            proj = Path(t) / f"p{k}"
            shutil.copytree(root / "regulation", proj / "regulation")
            import yaml
            cfg = yaml.safe_load(_config(proj, "kb"))
            (proj / "vocab.txt").write_text("".join(f"{w} 100000\n" for w in vocab), encoding="utf-8")
            so = {kk: (str(proj / "vocab.txt") if v == "VOCAB" else v) for kk, v in searchopts.items()}
            cfg["plugins"] = [{"search": so} if so else "search",
                              {"kb": {**cfg["plugins"][1]["kb"], "downloads": False, **kbopts}}]
            (proj / "mkdocs.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
            _build(proj)
            srv = _serve(proj / "site")
            pg = browser.new_page()
            pg.goto(f"http://127.0.0.1:{srv.server_address[1]}/suining-community/draft/chp_1/")
            prec, rec, bad_top1, t_ms = [], [], [], []
            for q in vocab:
                t0 = time.perf_counter()
                groups = pg.evaluate(SEARCH_JS, q)
                t_ms.append((time.perf_counter() - t0) * 1000)
                docs = sorted((d for g in groups for d in g if "#" in d["location"]),
                              key=lambda d: -d["score"]) if "kb" not in label else \
                    [d for g in groups for d in g if "#" in d["location"]]
                arts = []
                for d in docs:
                    eid = d["location"].split("#")[1].split("__")[0]
                    if eid in texts and eid not in arts:
                        arts.append(eid)
                want = {e for e, x in texts.items() if norm(q) in x}
                topn = arts[:top]
                if topn:            # precision over the queries that return provisions
                    prec.append(sum(1 for e in topn if norm(q) in texts[e]) / len(topn))
                    if norm(q) not in texts[topn[0]]:
                        bad_top1.append(q)
                if want:            # recall over the queries that occur in the text
                    rec.append(len(want & set(arts)) / len(want))
            srv.shutdown()
            pg.close()
            rows.append({"setup": label, "queries": len(vocab), "in_text": len(rec),
                         "precision": sum(prec) / max(1, len(prec)),
                         "recall": sum(rec) / max(1, len(rec)), "bad_top1": bad_top1,
                         "ms": sorted(t_ms)[len(t_ms) // 2]})
        browser.close()
    return rows


#: queries beside the seed's vocabulary: words most regulations hold, a citation, a single character
#: (no pair of characters to look up: every regulation is a candidate) and two words apart
KB_QUERIES = ["人民政府", "罚款", "第十五条", "法", "社区 治理", "居委会"]


def kb_search_payload(site: Path) -> dict | None:
    """What one search across a site of many regulations downloads, in chromium: for each query (the
    seed's terms and actor names, and KB_QUERIES), from a fresh search worker with nothing cached, the
    bytes and requests of the index files it fetches — this regulation's index, the knowledge-base
    map, the shards the query's pairs of characters fall in, the other regulations' indexes it then
    loads.  Baseline: every regulation's index, what a search that did not know where to look loads."""
    if not _browser_ok("知识库检索载荷测量"):
        return None
    from playwright.sync_api import sync_playwright

    manifest = json.loads((site / "search" / "kb.json").read_text(encoding="utf-8"))
    all_indexes = [(site / r[0]).stat().st_size for r in manifest["regs"]]
    queries = _seed_vocab()[1] + KB_QUERIES
    sent: list[tuple[str, int]] = []
    srv = _serve(site, sent)
    rows = []
    try:
        with sync_playwright() as p:
            browser = _launch(p)
            pg = browser.new_page()
            pg.goto(f"http://127.0.0.1:{srv.server_address[1]}/{manifest['regs'][0][2]}")
            for q in queries:
                sent.clear()
                groups = pg.evaluate(SEARCH_JS, q)
                # material's own (empty) index is the page's, fetched when it loads, not by the search
                got = [(u, b) for u, b in sent if u.endswith(".json") and not u.endswith("/search_index.json")]
                rows.append({"query": q, "bytes": sum(b for _, b in got), "requests": len(got),
                             "indexes": sum(1 for u, _ in got if u.endswith("/search.json")),
                             "results": sum(len(g) for g in groups)})
            browser.close()
    finally:
        srv.shutdown()
    rows.sort(key=lambda r: r["bytes"])
    return {"regs": len(manifest["regs"]), "shards": manifest["shards"], "queries": rows,
            "all_indexes": sum(all_indexes), "largest_index": max(all_indexes)}


def _print_payload(label: str, pay: dict) -> None:
    from kb.outputs.formats import table

    rows, kb = pay["queries"], 1e3

    def at(f):
        return rows[min(len(rows) - 1, int(f * len(rows)))]
    worst = rows[-1]
    print(table(["站点", "查询数", "每次检索下载 KB：中位", "p90", "最大（查询）", "请求数最多", "载入索引最多",
                 "基线：全部法规索引 KB", "最大的单个索引 KB"],
                [[label, len(rows), f"{at(0.5)['bytes'] / kb:.0f}", f"{at(0.9)['bytes'] / kb:.0f}",
                  f"{worst['bytes'] / kb:.0f}（{worst['query']}）", max(r["requests"] for r in rows),
                  max(r["indexes"] for r in rows), f"{pay['all_indexes'] / kb:.0f}",
                  f"{pay['largest_index'] / kb:.0f}"]], max_width=200))
    print(f"知识库检索：{pay['regs']} 部法规，{pay['shards']} 个分片；一次检索从新的检索进程开始、不用缓存，计本法规索引、"
          "知识库清单、分片和载入的其他法规索引（JSON，未压缩）。")


def _kb_checkout(rev: str, tmp: Path) -> Path:
    """kb's src/, templates/ and overrides/ at ``rev`` (git archive), to build with an earlier kb."""
    dest = tmp / f"kb-{rev}"
    dest.mkdir()
    arch = subprocess.run(["git", "-C", str(_root()), "archive", rev, "src", "templates", "overrides"],
                          capture_output=True, check=True).stdout
    import io
    import tarfile
    tarfile.open(fileobj=io.BytesIO(arch)).extractall(dest)
    return dest


#: the size of the knowledge base whose site search downloads are measured (search=True)
PAYLOAD_N = 100


def run(corpus_dir: str | None = None, sizes: str = "1,10,50,100,200", search: bool = True,
        against: str | None = None) -> dict:
    from kb.outputs.formats import table

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root = _root()
    corpus = Path(corpus_dir) if corpus_dir else root.parent / "shared" / "corpus" / "lawrefbook"
    if not corpus.is_dir():
        print(f"（没有语料目录 {corpus}，无法测量）", file=sys.stderr)
        return {"rows": []}
    ns = [int(x) for x in str(sizes).split(",")]
    rows, old = [], []
    with tempfile.TemporaryDirectory(prefix="kb-bench-site-") as t:
        tmp = Path(t)
        for n in ns:
            print(f"· {n} 部法规 …", file=sys.stderr)
            rows.append(measure_size(n, corpus, tmp, payload=search and n == PAYLOAD_N))
        if against:
            kb_old = _kb_checkout(against, tmp)
            for n in ns:
                print(f"· {n} 部法规，kb {against} …", file=sys.stderr)
                work = tmp / f"old-{n}"
                work.mkdir()
                old.append(measure_size(n, corpus, work, src=kb_old / "src", kb_root=kb_old,
                                        incremental=False, baseline=False))
    head = ["法规数", "kb build 秒", "CPU 秒", "峰值 MiB", "再次（未改）秒", "改一部后秒",
            "基线 秒", "倍数", "页数", "每部法规 HTML KB", "r001 的页面 KB", "首页 KB", "站点 MB"]
    body = []
    for r in rows:
        f = r["first"]
        body.append([r["n"], f"{f['process_s']:.1f}", f"{f['cpu_s']:.0f}", f"{f['peak_mib']:.0f}",
                     f"{r['again']['process_s']:.1f}（{r['again']['process_s'] / f['process_s']:.0%}）",
                     f"{r['one']['process_s']:.1f}（{r['one']['process_s'] / f['process_s']:.0%}）",
                     f"{r['static']['process_s']:.1f}", f"{f['process_s'] / r['static']['process_s']:.1f}×",
                     r["pages"], f"{r['reg_kb']:.0f}", f"{r['r001_kb']:.0f}", f"{r['home_kb']:.0f}",
                     f"{r['site_mb']:.1f}"])
    print(table(head, body, max_width=220))
    print("kb build：新项目上第一次构建（检索目录、分析层都未缓存；下载文件含 TXT/JSON/CSV/XLSX/AKN/DOCX，不含 PDF）；"
          "再次：什么都没改；改一部后：r001 的原文改了一句。秒数含解释器启动；CPU 秒与峰值内存含其子进程（检索目录用 whoosh 引擎时它的写入进程）。"
          "基线：同样的页面（路径、标题、导航、正文）写成静态 Markdown，加上同样的下载文件和检索索引，"
          "由 mkdocs + material 直接生成。每部法规 HTML KB：各法规文件夹内页面的平均总大小；r001 的页面：同一部法规"
          "（每种规模都含它）的页面总大小，知识库变大时它不应变大。")
    big = rows[-1]["first"]["stages"]
    if big:
        print(f"{rows[-1]['n']} 部法规时 kb 插件各阶段秒数：" + "，".join(f"{k} {v:.1f}" for k, v in big.items()))
    if old:
        print(table(["法规数", f"kb {against} 秒（CPU）", "峰值 MiB", "本版 秒（CPU）", "峰值 MiB", "加速（CPU）"],
                    [[o["n"], f"{o['first']['process_s']:.1f}（{o['first']['cpu_s']:.0f}）", f"{o['first']['peak_mib']:.0f}",
                      f"{r['first']['process_s']:.1f}（{r['first']['cpu_s']:.0f}）", f"{r['first']['peak_mib']:.0f}",
                      f"{o['first']['process_s'] / r['first']['process_s']:.1f}×"
                      f"（{o['first']['cpu_s'] / r['first']['cpu_s']:.1f}×）"] for o, r in zip(old, rows)],
                    max_width=160))
        print("加速：同一台机器、同样的项目，先后构建；机器忙时秒数随负载变化，CPU 时间不随之变化。")
    payload = next((r["payload"] for r in rows if r.get("payload")), None)
    if payload:
        print()
        _print_payload(f"语料 {PAYLOAD_N} 部法规", payload)
    q = search_quality() if search else None
    if q:
        print()
        print(table(["检索方式", "查询数（文中出现）", "前 10 条精确率", "召回率", "首条不含查询词的查询", "中位耗时 ms"],
                    [[r["setup"], f"{r['queries']}（{r['in_text']}）", f"{r['precision']:.3f}", f"{r['recall']:.3f}",
                      f"{len(r['bad_top1'])}：" + "、".join(r["bad_top1"][:6]) + ("…" if len(r["bad_top1"]) > 6 else ""),
                      f"{r['ms']:.0f}"] for r in q], max_width=200))
        print("查询：种子的全部定义术语与主体名称；精确率=前 10 条结果中含查询词的条文比例（对有结果的查询平均）；"
              "召回率=含查询词的条文被找到的比例（对在文中出现的查询平均）。")
    return {"rows": rows, "against": old, "search": q, "kb_search": payload}


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="网站生成性能")
    ap.add_argument("corpus_dir", nargs="?")
    ap.add_argument("--sizes", default="1,10,50,100,200", help="法规数，逗号分隔")
    ap.add_argument("--no-search", action="store_true", help="不测检索质量（需要 chromium）")
    ap.add_argument("--against", help="同时用这个提交的 kb 构建同样的站点（git 版本号）")
    ap.add_argument("--json", help="把全部数字另存为这个 JSON 文件")
    a = ap.parse_args()
    res = run(a.corpus_dir, a.sizes, not a.no_search, a.against)
    if a.json:
        Path(a.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
