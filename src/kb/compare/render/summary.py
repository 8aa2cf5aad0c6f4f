"""The summary lines above every table: what changed, in numbers and in renumbering runs.

Kept apart from the table because the terminal, HTML, Markdown and DOCX renderers all print it,
and because for two different regulations it reports correspondence rather than amendments.
"""
from __future__ import annotations

from kb.compare.diff import Comparison
from kb.compare.render.table import numbering_note, same_regulation


#: what the lines above the articles are called
FRONT_ZH = {"title": "标题", "status": "状态"}


def summary_text(cmp: Comparison) -> str:
    note = numbering_note(cmp)
    text = _summary_text(cmp)
    return f"{note}\n{text}" if note else text


def _summary_text(cmp: Comparison) -> str:
    s = cmp.summary
    if not s.get("related", True):
        pairs = [p for p in cmp.pairs if p.old is not None and p.new is not None]
        if not pairs:
            return (f"两个文本没有对应的条文（旧 {s['old_articles']} 条，新 {s['new_articles']} 条）："
                    "内容互不相关，未强行配对。")
        return (f"两个文本大部分条文没有对应（旧 {s['old_articles']} 条，新 {s['new_articles']} 条）：只有 "
                f"{len(pairs)} 对条文相近（" +
                "，".join(f"{p.old_label}≈{p.new_label} {p.similarity:.2f}" for p in pairs[:8]) +
                "）；其余条文没有对应，未强行配对。")
    if not same_regulation(cmp):
        return _cross_summary(cmp)
    parts = [f"旧 {s['old_articles']} 条，新 {s['new_articles']} 条",
             f"未修改 {s['unchanged']}", f"修改 {s['modified']}", f"新增 {s['added']}",
             f"删除 {s['deleted']}", f"拆分 {s['split']}", f"合并 {s['merged']}",
             f"条号变动 {s['renumbered']}", f"移至他章 {s['moved']}"]
    out = "；".join(parts[:1]) + "：" + "，".join(parts[1:]) + "。"
    front = s.get("front") or {}
    if front:
        out += "\n" + "；".join(f"{FRONT_ZH[k]}：{v['old'] or '（无）'} → {v['new'] or '（无）'}"
                                for k, v in front.items()) + "。"
    if s["renumberings"]:
        out += f"\n条号变动（{len(s['renumberings'])} 处）：" + "，".join(renumbering_runs(cmp))
    if cmp.references:
        out += f"\n需要检查的引用：{len(cmp.references)} 处"
    return out


def renumbering_runs(cmp: Comparison, min_run: int = 3) -> list[str]:
    """The renumberings old → new, every one of them, each old article once: runs of consecutive
    articles that moved together written as one range (第十一条至第十七条→第二十二条至第二十八条),
    an article split into several with all its new numbers (第二十二条→第二十九条、第三十一条)."""
    ren = [p for p in cmp.pairs if p.old is not None and p.new is not None and p.renumbered]
    news: dict[str, dict] = {}
    olds = {}
    for p in ren:
        olds.setdefault(p.old.eid, p.old)
        news.setdefault(p.old.eid, {})[p.new.eid] = p.new
    runs: list[list] = []
    for eid, o in olds.items():
        ns = sorted(news[eid].values(), key=lambda n: n.start)
        last = runs[-1][-1] if runs else None
        if (len(ns) == 1 and last is not None and len(last[1]) == 1 and isinstance(o.number, int)
                and isinstance(last[0].number, int) and isinstance(ns[0].number, int)
                and isinstance(last[1][0].number, int)
                and o.number == last[0].number + 1 and ns[0].number == last[1][0].number + 1):
            runs[-1].append((o, ns))
        else:
            runs.append([(o, ns)])
    out = []
    for r in runs:
        if len(r) >= min_run:
            out.append(f"{r[0][0].label}至{r[-1][0].label}→{r[0][1][0].label}至{r[-1][1][0].label}")
        else:
            out += [f"{o.label}→{'、'.join(n.label for n in ns)}" for o, ns in r]
    return out


def _cross_summary(cmp: Comparison) -> str:
    """Two different regulations: which articles correspond and how closely."""
    s = cmp.summary
    to, tn = cmp.old_doc.title or "旧文本", cmp.new_doc.title or "新文本"
    paired = [p for p in cmp.pairs if p.old is not None and p.new is not None]
    k_old, k_new = len({p.old.eid for p in paired}), len({p.new.eid for p in paired})
    bands = [sum(1 for p in paired if p.similarity >= .8), sum(1 for p in paired if .5 <= p.similarity < .8),
             sum(1 for p in paired if p.similarity < .5)]
    out = (f"两部法规的条文对应：{to} {s['old_articles']} 条中有 {k_old} 条、{tn} {s['new_articles']} 条中有 "
           f"{k_new} 条在对方有对应条文，共 {len(paired)} 对，平均相似度 {s['mean_similarity']:.2f}"
           f"（高度相近 ≥0.80：{bands[0]} 对，部分相近 0.50–0.80：{bands[1]} 对，略有相近 <0.50：{bands[2]} 对）；"
           f"{to}另有 {s['old_articles'] - k_old} 条、{tn}另有 {s['new_articles'] - k_new} 条没有对应。")
    if paired:
        out += "\n对应条文（相似度）：" + "，".join(f"{p.old_label}≈{p.new_label} {p.similarity:.2f}" for p in paired)
    return out
