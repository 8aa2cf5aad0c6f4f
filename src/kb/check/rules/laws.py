"""Laws cited: by a name that is not their title, repealed or replaced, or without 《》."""
from __future__ import annotations

import re

from kb.check.registry import rule

PRC = "中华人民共和国"


def _external(ctx):
    for r in ctx.references:
        if r.kind == "external" and r.target:
            yield r


def _short_names(ctx) -> set[str]:
    """Short names a text introduces for a law: 《中华人民共和国矿山安全法》（以下简称《矿山安全法》）."""
    return {m.group(1) for n in ctx.scanned for m in re.finditer(r"简称《([^《》]{1,40})》", n.text)}


def _name_part(r) -> str:
    """The law's name as written, without a pinpoint (《……》 of 《……》第五条)."""
    return r.text[:len(r.text) - len(r.pinpoint)] if r.pinpoint and r.text.endswith(r.pinpoint) else r.text


@rule("law-title", "laws", "warning", "引用法律没有使用全称（如《民法典》应为《中华人民共和国民法典》）",
      bad="依照《城市居民委员会组织法》的规定", good="依照《中华人民共和国城市居民委员会组织法》的规定")
def law_title(ctx):
    short = _short_names(ctx)
    for r in _external(ctx):
        name = _name_part(r)
        if not name.startswith("《"):
            continue                       # law-brackets reports it, with the full title
        inner = name.strip("《》").replace(" ", "").replace("　", "")
        if inner in short:
            continue                       # （以下简称《矿山安全法》）: the text introduced the short name
        if r.target.startswith(PRC) and not inner.startswith(PRC):
            node = ctx.doc.get(r.eid)
            yield ctx.at("law-title", node, r.start, r.start + len(name),
                         f"《{inner}》不是该法的全称", f"改为《{r.target}》")


@rule("law-repealed", "laws", "error", "引用了已废止或被取代的法律（如《物权法》已由《民法典》取代）",
      bad="依照《中华人民共和国物权法》的规定", good="依照《中华人民共和国民法典》的规定")
def law_repealed(ctx):
    from kb.layers.laws import successor_in_force, validity

    for r in _external(ctx):
        v = validity(r.target, ctx.root)
        if v is None or v.in_force:
            continue
        node = ctx.doc.get(r.eid)
        if _REPEALED_HERE.match(node.text, r.end):
            continue                 # ……《企业所得税暂行条例》同时废止: the text itself repeals it
        name = _name_part(r)
        when = f"已于{_date(v.repealed)}废止" if v.repealed else "已废止"
        succ = successor_in_force(v, ctx.root)
        basis = f"（{v.basis}）" if v.basis else ""
        yield ctx.at("law-repealed", node, r.start, r.start + len(name),
                     f"《{v.title}》{when}{basis}" + (f"，由《{succ}》取代" if succ else ""),
                     f"改为引用《{succ}》的相应规定" if succ else "删去或改为引用现行有效的规定")


#: after a citation, the words of the text's own repealing clause (……同时废止, 和《……》同时废止)
_REPEALED_HERE = re.compile(r"(?:[^，。；]{0,60}?)(?:同时|即行|予以)?废止")


def _date(iso: str) -> str:
    y, m, d = (iso.split("-") + ["", ""])[:3]
    return f"{y}年{int(m)}月{int(d)}日" if m and d else iso


_CONSTITUTION = ("宪法", "中华人民共和国宪法")


@rule("law-brackets", "laws", "warning", "引用法律没有加书名号（如“民法典”应为《中华人民共和国民法典》）",
      bad="落实民法典等法律法规", good="落实《中华人民共和国民法典》等法律法规")
def law_brackets(ctx):
    for r in _external(ctx):
        name = _name_part(r)
        if name.startswith(("《", "〈", "该", "同", "上述", "前述")) or name in _CONSTITUTION:
            continue                 # 根据宪法: the constitution is cited without 书名号 by settled usage
        node = ctx.doc.get(r.eid)
        yield ctx.at("law-brackets", node, r.start, r.start + len(name),
                     f"引用法律“{name}”没有加书名号", f"改为《{r.target}》")
