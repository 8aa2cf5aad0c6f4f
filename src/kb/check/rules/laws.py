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
        node = ctx.doc.get(r.eid)
        right = misnamed(r.target, known_titles(ctx))
        if right:
            yield ctx.at("law-title", node, r.start, r.start + len(name),
                         f"《{inner}》不是法律的名称，应为《{right}》", f"改为《{right}》")
        elif r.target.startswith(PRC) and not inner.startswith(PRC):
            yield ctx.at("law-title", node, r.start, r.start + len(name),
                         f"《{inner}》不是该法的全称", f"改为《{r.target}》")


def known_titles(ctx) -> frozenset[str]:
    """The full titles of the national laws kb knows: its well-known names, the validity table (repealed laws
    and their successors) and the law index (the knowledge base's regulations; the corpus's titles when a
    corpus is given)."""
    index = ctx.law_index
    key = id(index) if index else None
    hit = _KNOWN.get(key)
    if hit is None or hit[0] is not index:
        from kb.layers.laws import ALIASES, NOT_PREFIXED, WELL_KNOWN, match_key, validity_table

        titles = set(WELL_KNOWN.values()) | set(ALIASES.values()) | {PRC + t for t in NOT_PREFIXED}
        for v in validity_table().values():
            titles.update(t for t in (v.title, v.successor) if t)
        titles.update(e.title for e in (index or {}).values())
        # as the law index compares titles: normalised, without a version's date
        hit = _KNOWN[key] = (index, frozenset(k for k in map(match_key, titles) if k.startswith(PRC)))
    return hit[1]


_KNOWN: dict = {}
#: the kind a title ends in: a citation and the title it stands for are of one kind (法 for 法)
_KIND_END = re.compile(r"(?:法典|法|条例|规定|办法|细则|决定)$")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _gaps(short: str, long: str) -> int:
    """How many runs of ``long`` are left out when ``short`` is read in it from left to right (greedy)."""
    taken, j = [], 0
    for c in long:
        hit = j < len(short) and short[j] == c
        taken.append(hit)
        j += hit
    return sum(1 for i, t in enumerate(taken) if not t and (i == 0 or taken[i - 1]))


#: words a drafter adds to a law's name that its title does not have (《城乡规划管理法》 for 城乡规划法)
_ADDED = ("管理", "保护", "促进", "保障", "监督", "实施")


def misnamed(target: str | None, known: frozenset[str]) -> str | None:
    """The known title a national law's cited name stands for, when the name is no known title but close to
    exactly one: words of the title left out (《中华人民共和国居民委员会组织法》, 《……城市居委会组织法》: the
    name read in the title in order, one or two gaps, at most a third of the title missing), or a generic word
    added (《……城乡规划管理法》); both of the same kind (法 and 法).  None otherwise — a name close to no title
    or to several is not judged: kb does not know every law, and a real title it does not know is no fault."""
    from kb.layers.laws import match_key

    target = match_key(target) if target else target
    if not target or not target.startswith(PRC) or target in known:
        return None
    name = target[len(PRC):]
    kind = _KIND_END.search(name)
    if kind is None or len(name) < 4:
        return None
    close = set()
    for t in known:
        title = t[len(PRC):]
        if not title.endswith(kind.group()) or title == name:
            continue
        d = len(title) - len(name)
        if 0 < d <= max(2, len(title) // 3) and _subsequence(name, title) and _gaps(name, title) <= 2:
            close.add(t)
        elif d < 0 and any(name == _insert(title, w) for w in _ADDED):
            close.add(t)
    return next(iter(close)) if len(close) == 1 else None


def _insert(title: str, word: str) -> str:
    """The title with a generic word before its kind (城乡规划法 -> 城乡规划管理法)."""
    m = _KIND_END.search(title)
    return title[:m.start()] + word + title[m.start():]


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


@rule("law-provision-missing", "laws", "warning",
      "引用了知识库中的法律所没有的条、款、项（如只有二十三条的法律的第九十九条）",
      bad="依照《中华人民共和国城市居民委员会组织法》第九十九条的规定",
      good="依照《中华人民共和国城市居民委员会组织法》第十七条的规定")
def law_provision_missing(ctx):
    """The law is in the knowledge base, the provision cited is not in it (kb.layers.links.provisions): a warning,
    not an error, for the knowledge base may hold another version of the law than the one the drafter cites."""
    from kb.check.rules.terms import amendment

    if amendment(ctx):
        return                       # 宪法第三十三条增加一款: the amendment makes the provision it cites
    for r in _external(ctx):
        if r.missing:
            node = ctx.doc.get(r.eid)
            yield ctx.at("law-provision-missing", node, r.start, r.end, f"“{r.text}”：{r.missing}",
                         "核对所引法律的条号（以及所引的是哪一个版本）")
