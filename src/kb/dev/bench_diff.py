"""Benchmark of version comparison (``kb bench diff`` / ``python3 -m kb.dev.bench_diff``).

1. 公司法 2018 → 2023 (218 → 266 articles, a full revision): align, character diff and
   render every format (terminal, JSON, HTML, Markdown, DOCX); printed beside a plain
   ``difflib`` line diff of the same two files, timed in the same run.
2. Scale: two texts of 1,260 articles built from the 民法典 files.  The new text is the
   old one with known edits (deleted, added, modified, split, merged, moved articles,
   then renumbered throughout), so the alignment is also scored against that known
   answer.  Alignment time at 630 and 1,260 articles shows the growth is not quadratic.
"""
from __future__ import annotations

import difflib
import statistics
import random
import re
import sys
import time
from pathlib import Path
from kb.dev import paths

ROOT = paths.REPO
SHARED = paths.shared_dir()

CIVIL_CODE_PARTS = ("总则", "物权编", "合同编", "人格权编", "婚姻家庭编", "继承编", "侵权责任编", "附则")
COMPANY_LAW = ("民法商法/公司法(2018-10-26).md", "民法商法/公司法(2023-12-29).md")
#: what the bench reads of its corpus (kb bench diff checks the folder given holds them, laid out as lawrefbook)
CORPUS_FILES = COMPANY_LAW + tuple(f"民法典/{p}.md" for p in CIVIL_CODE_PARTS)
_ART = re.compile(r"^第[一二三四五六七八九十百千零〇两]+条(之[一二三四五六七八九十]+)?\s*")


#: alternating rounds of the growth measurement (see run)
GROWTH_ROUNDS = 7


def _corpus(corpus_dir) -> Path:
    return Path(corpus_dir) if corpus_dir else SHARED / "corpus" / "lawrefbook"


def civil_code_blocks(corpus: Path) -> list[tuple[str, object]]:
    """The 民法典 as a list of ("heading", line) and ("article", [paragraph lines]) blocks."""
    from kb.text.numerals import to_chinese
    from kb.text.sources import INFO_END

    blocks: list[tuple[str, object]] = []
    for k, part in enumerate(CIVIL_CODE_PARTS):
        text = (corpus / "民法典" / f"{part}.md").read_text(encoding="utf-8")
        body = text.split(INFO_END, 1)[1]
        if part != "附则":
            blocks.append(("heading", f"第{to_chinese(k + 1)}编　{part.replace('编', '')}"))
        for line in body.splitlines():
            s = line.strip().lstrip("#").strip()
            if not s:
                continue
            if re.match(r"^第[一二三四五六七八九十]+(分编|章|节)", s):
                blocks.append(("heading", s))
            elif _ART.match(s):
                blocks.append(("article", [_ART.sub("", s)]))
            elif blocks and blocks[-1][0] == "article":
                blocks[-1][1].append(s)
    return blocks


def render(blocks, title="中华人民共和国民法典") -> tuple[str, list[str]]:
    """Text with articles numbered 1..n; returns (text, labels in order)."""
    from kb.text.numerals import to_chinese

    out = [title, ""]
    labels = []
    for kind, val in blocks:
        if kind == "heading":
            out += [val, ""]
        else:
            lab = f"第{to_chinese(len(labels) + 1)}条"
            labels.append(lab)
            out.append(f"{lab}　{val[0]}")
            out += list(val[1:])
            out.append("")
    return "\n".join(out), labels


def perturb(blocks, seed: int = 7, extra_articles: list[list[str]] | None = None):
    """A revised text with known answers.  Returns (new_blocks, gold) where gold is a set of
    (old ordinal, new ordinal) links, ordinals counting articles from 0."""
    rng = random.Random(seed)
    arts = [(i, b) for i, b in enumerate(x for x in blocks if x[0] == "article")]
    art_of_block = {}
    k = 0
    for j, b in enumerate(blocks):
        if b[0] == "article":
            art_of_block[j] = k
            k += 1
    extra = list(extra_articles or [])
    new: list[tuple[str, object, tuple[int, ...]]] = []   # (kind, value, old ordinals)
    moved: list[tuple[list[str], tuple[int, ...]]] = []
    j = 0
    blist = list(blocks)
    while j < len(blist):
        kind, val = blist[j]
        if kind == "heading":
            new.append(("heading", val, ()))
            j += 1
            continue
        o = art_of_block[j]
        r = rng.random()
        paras = list(val)
        if r < 0.02:                                   # deleted
            pass
        elif r < 0.03 and len(paras) >= 2:             # split into two articles
            cut = max(1, len(paras) // 2)
            new.append(("article", paras[:cut], (o,)))
            new.append(("article", paras[cut:], (o,)))
        elif r < 0.04 and j + 1 < len(blist) and blist[j + 1][0] == "article":   # merged with the next
            nxt = art_of_block[j + 1]
            new.append(("article", paras + list(blist[j + 1][1]), (o, nxt)))
            j += 1
        elif r < 0.045:                                # moved to a later place (another chapter)
            moved.append((paras, (o,)))
        elif r < 0.20:                                 # modified: a phrase replaced, one inserted
            p = rng.randrange(len(paras))
            s = paras[p]
            if len(s) > 20:
                a = rng.randrange(0, len(s) - 10)
                s = s[:a] + rng.choice(["依照有关规定", "按照国家规定", "及时", "依法", "并予以公告"]) + s[a + 4:]
            paras[p] = s + rng.choice(["", "，法律另有规定的除外。", "。具体办法由国务院规定。"])
            new.append(("article", paras, (o,)))
        else:
            new.append(("article", paras, (o,)))
        if rng.random() < 0.02 and extra:              # an added article (text from another law)
            new.append(("article", extra.pop(rng.randrange(len(extra))), ()))
        if moved and rng.random() < 0.01:
            paras_m, src = moved.pop(0)
            new.append(("article", paras_m, src))
        j += 1
    for paras_m, src in moved:
        new.insert(len(new) - 2, ("article", paras_m, src))
    gold = set()
    n = 0
    out_blocks = []
    for kind, val, src in new:
        out_blocks.append((kind, val))
        if kind == "article":
            for o in src:
                gold.add((o, n))
            n += 1
    return out_blocks, gold


def civil_code_pair(corpus: Path, n_articles: int | None = None, seed: int = 7):
    """(old Document, new Document, gold links as (old eid, new eid))."""
    from kb.text.parse import parse_text

    blocks = civil_code_blocks(corpus)
    if n_articles:
        cut, k = [], 0
        for b in blocks:
            if b[0] == "article":
                if k >= n_articles:
                    break
                k += 1
            cut.append(b)
        blocks = cut
    extra = []
    try:
        from kb.text.parse import parse_file
        src = parse_file(str(corpus / COMPANY_LAW[1]))
        extra = [a.full_text().split("\n") for a in src.articles]
    except Exception:
        pass
    new_blocks, gold = perturb(blocks, seed, extra)
    old_text, _ = render(blocks)
    new_text, _ = render(new_blocks)
    old_doc = parse_text(old_text, "民法典(构造旧版).txt")
    new_doc = parse_text(new_text, "民法典(构造新版).txt")
    oa, na = old_doc.articles, new_doc.articles
    gold_eids = {(oa[o].eid, na[n].eid) for o, n in gold}
    return old_doc, new_doc, gold_eids, old_text, new_text


def _prf(pred: set, gold: set):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(corpus_dir: str | None = None) -> dict:
    from kb.compare.align import align
    from kb.compare.baselines import align_greedy, align_numbers
    from kb.compare.diff import compare
    from kb.text.parse import parse_file
    from kb.compare.render.docx import docx_bytes
    from kb.compare.render.html import html_page
    from kb.compare.render.markdown import markdown
    from kb.compare.render.terminal import terminal

    corpus = _corpus(corpus_dir)
    if not corpus.exists():
        print(paths.missing(corpus), file=sys.stderr)
        return {"ok": False}
    res: dict = {"ok": True}

    # 1. 公司法
    f_old, f_new = (corpus / f for f in COMPANY_LAW)
    old_doc, new_doc = parse_file(str(f_old)), parse_file(str(f_new))
    t_old, t_new = old_doc.text, new_doc.text
    best = {}
    for _ in range(3):
        t0 = time.perf_counter()
        cmp = compare(old_doc, new_doc)
        t1 = time.perf_counter()
        outs = [terminal(cmp, color=True), cmp.to_json(), html_page(cmp), markdown(cmp)]
        t2 = time.perf_counter()
        outs.append(docx_bytes(cmp))
        t3 = time.perf_counter()
        d0 = time.perf_counter()
        line_diff = list(difflib.unified_diff(t_old.splitlines(), t_new.splitlines(), lineterm=""))
        d1 = time.perf_counter()
        for k, v in (("compare", t1 - t0), ("text formats", t2 - t1), ("docx", t3 - t2),
                     ("total", t3 - t0), ("difflib", d1 - d0)):
            best[k] = min(best.get(k, 1e9), v)
    s = cmp.summary
    print(f"公司法 2018 → 2023：{s['old_articles']} → {s['new_articles']} 条；未修改 {s['unchanged']}，修改 "
          f"{s['modified']}，新增 {s['added']}，删除 {s['deleted']}，拆分 {s['split']}，合并 {s['merged']}，"
          f"条号变动 {s['renumbered']}")
    print(f"  kb diff（对齐+逐字差异）        {best['compare'] * 1000:7.1f} ms")
    print(f"  渲染 终端/JSON/HTML/Markdown    {best['text formats'] * 1000:7.1f} ms")
    print(f"  渲染 DOCX                       {best['docx'] * 1000:7.1f} ms")
    print(f"  合计（全部格式）                {best['total'] * 1000:7.1f} ms   {'< 1 s ✓' if best['total'] < 1 else '≥ 1 s ✗'}")
    print(f"  基线：difflib 按行比较          {best['difflib'] * 1000:7.1f} ms"
          f"（{len(line_diff)} 行输出，不知道条文对应关系）")
    res["company_law"] = {k: round(v, 4) for k, v in best.items()}

    # 2. 民法典, 1,260 articles, and half of it.  The growth figure compares two timings, so
    # both sizes are measured in alternating rounds (load on the shared machine hits both
    # alike), in CPU time, and the ratio is given from the best and from the median round.
    print()
    pairs = {n: civil_code_pair(corpus, n) for n in (630, None)}
    times: dict = {n: {"align": [], "compare": [], "difflib": []} for n in pairs}
    for _ in range(GROWTH_ROUNDS):
        for n, (o, nw, gold, ot, nt) in pairs.items():
            t0 = time.process_time()
            al = align(o, nw)
            t1 = time.process_time()
            compare(o, nw)
            t2 = time.process_time()
            list(difflib.unified_diff(ot.splitlines(), nt.splitlines(), lineterm=""))
            t3 = time.process_time()
            for k, v in (("align", t1 - t0), ("compare", t2 - t1), ("difflib", t3 - t2)):
                times[n][k].append(v)
    for n, (o, nw, gold, ot, nt) in pairs.items():
        al = align(o, nw)
        ta, tc, td = (min(times[n][k]) for k in ("align", "compare", "difflib"))
        pred = {(al.old[l.old].eid, al.new[l.new].eid) for l in al.links
                if l.old is not None and l.new is not None}
        p, r, f = _prf(pred, gold)
        pn, rn, fn = _prf(set(align_numbers(o, nw)), gold)
        pg, rg, fg = _prf(set(align_greedy(o, nw)), gold)
        print(f"民法典构造对：{len(o.articles)} → {len(nw.articles)} 条（{len(o.text)} → {len(nw.text)} 字符）")
        print(f"  对齐 {1000 * ta:7.1f} ms；对齐+逐字差异+引用检查 {1000 * tc:7.1f} ms；"
              f"基线 difflib 按行 {1000 * td:7.1f} ms（CPU 时间，{GROWTH_ROUNDS} 轮中最快）")
        print(f"  对齐准确度（已知答案，{len(gold)} 个链接）：kb.align P {p:.3f} R {r:.3f} F1 {f:.3f}；"
              f"按条号 F1 {fn:.3f}；贪心一对一 F1 {fg:.3f}")
        res[f"civil_code_{len(o.articles)}"] = {"align_s": round(ta, 4), "compare_s": round(tc, 4),
                                                "difflib_s": round(td, 4), "f1": round(f, 4),
                                                "f1_number": round(fn, 4), "f1_greedy": round(fg, 4),
                                                "align_median_s": round(statistics.median(times[n]["align"]), 4)}
    a = res.get("civil_code_630", {})
    b = res.get("civil_code_1260", {})
    if a and b:
        best, med = b["align_s"] / a["align_s"], b["align_median_s"] / a["align_median_s"]
        res["growth"] = {"best": round(best, 3), "median": round(med, 3), "rounds": GROWTH_ROUNDS}
        print(f"  文本加倍，对齐时间 ×{best:.2f}（最快一轮之比；中位数之比 ×{med:.2f}；{GROWTH_ROUNDS} 轮交替测量 CPU 时间，"
              f"机器忙时也稳定；平方增长应约为 ×4）")
    return res


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(lambda: 0 if run(sys.argv[1] if len(sys.argv) > 1 else None).get("ok") else 1))
