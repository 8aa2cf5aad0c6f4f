"""Commands ``kb define`` (definitions and their uses) and ``kb refs`` (references and
back-references of a provision)."""
from __future__ import annotations

from pathlib import Path

import click

from kb.cli.core import load_target, project_root, target_options
from kb.errors import KbError
from kb.outputs.formats import FORMATS, table, to_csv, to_json, write_text
from kb.outputs.screen import style


def _index(ctx, corpus: str | None):
    from kb.layers.laws import law_index

    if corpus and not Path(corpus).is_dir():
        raise KbError("语料目录不存在", corpus)
    root = project_root(ctx, required=False)
    return law_index(root=root, corpus=corpus)


def _split_args(first: str | None, source: str | None) -> tuple[str | None, str | None]:
    """``kb define FILE`` means the file, not a term called FILE."""
    if first and source is None and ("@" in first or Path(first).is_file()):
        return None, first
    return first, source


def _where(doc, eid: str) -> str:
    n = doc.get(eid)
    return n.citation if n is not None and n.citation else eid


#: kb define's CSV columns
DEFINE_COLUMNS = ["术语", "出处", "标识", "行", "范围", "使用次数", "使用条款数", "定义"]


@click.command("define")
@click.argument("term", required=False, metavar="[术语]")
@click.argument("source", required=False, metavar="[文本]")
@target_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.option("--uses", "show_uses", is_flag=True, help="列出该术语的每一次使用（同一条款用到两次列两行）")
@click.pass_context
def define_cmd(ctx, term, source, regulation, version, strict, fmt, show_uses):
    """显示术语的定义、出处和使用次数；不给术语时列出全部定义。

    \b
    例：kb define 社区
        kb define                      列出全部定义
        kb define 社区 --uses          并列出每一处使用
    """
    from kb.layers import links

    term, source = _split_args(term, source)
    _, doc = load_target(ctx, source, regulation, version, strict)
    defs = links.definitions(doc)
    uses = links.term_uses(doc)
    if term:
        defs = [d for d in defs if d.term == term.strip()]
        if not defs:
            # JSON and CSV stay what a program reads (an empty list, the header row), as kb search and
            # kb obligations write them; the reason goes to stderr, and the exit code says "nothing found"
            if fmt != "table":
                write_text(to_json([]) if fmt == "json" else to_csv(DEFINE_COLUMNS, []))
            known = "、".join(dict.fromkeys(d.term for d in links.definitions(doc))) or "（无）"
            click.echo(f"没有找到术语“{term}”的定义。本文定义的术语：{known}", err=True)
            ctx.exit(1)
    rows = []
    for d, mine, provisions in links.uses_by_definition(defs, uses):
        rows.append({"term": d.term, "source": _where(doc, d.eid), "eid": d.eid, "line": d.line,
                     "scope": d.scope, "scope_label": _where(doc, d.scope) if d.scope else "全文",
                     "uses": len(mine), "provisions": len(provisions), "definition": d.definition,
                     "use_list": [{"eid": u.eid, "citation": _where(doc, u.eid), "start": u.start, "end": u.end}
                                  for u in mine]})
    if fmt == "json":
        data = [{k: v for k, v in r.items() if k != "scope_label" and (show_uses or k != "use_list")} for r in rows]
        write_text(to_json(data[0] if term and len(data) == 1 else data))
        return
    if fmt == "csv":
        write_text(to_csv(DEFINE_COLUMNS,
                          [[r["term"], r["source"], r["eid"], r["line"], r["scope"] or "", r["uses"],
                            r["provisions"], r["definition"]] for r in rows]))
        return
    if term:
        for r in rows:
            click.echo(style(r["term"], bold=True))
            click.echo(f"出处：{r['source']}（{doc.source}:{r['line']}）")
            click.echo(f"适用范围：{r['scope_label']}")
            click.echo(f"定义：{r['definition']}")
            click.echo(f"使用：{_count(r)}")
            if show_uses:
                for u in r["use_list"]:
                    text = doc.get(u["eid"]).text
                    s, e = u["start"], u["end"]
                    click.echo(f"  {u['citation']}：…{text[max(0, s - 12):s]}【{text[s:e]}】{text[e:e + 12]}…")
        return
    if not rows:
        click.echo("本文没有找到定义。", err=True)
        ctx.exit(1)
    click.echo(table(["术语", "出处", "范围", "使用", "定义"],
                     [[r["term"], r["source"], r["scope_label"], _count(r), r["definition"]] for r in rows]))


def _count(row) -> str:
    """处 are provisions, as on the site glossary (出现在以下 N 处); 次 the uses in them."""
    if row["uses"] == row["provisions"]:
        return f"{row['provisions']} 处"
    return f"{row['provisions']} 处（{row['uses']} 次）"


@click.command("refs")
@click.argument("ref", required=False, metavar="[条款]")
@click.argument("source", required=False, metavar="[文本]")
@target_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.option("--corpus", default=None, type=click.Path(file_okay=False),
              help="外部法律到此目录（Markdown，首行 # 标题）中查找并链接")
@click.option("--unresolved", is_flag=True,
              help="只列出无法解析的引用（附文件和行号）：本文不存在的条款，及知识库中的法律没有的条款")
@click.option("--kind", "kinds_", multiple=True, type=click.Choice(["internal", "external", "self"]),
              help="只列出这一类引用（可重复）：internal 内部、external 外部法律、self 本法/本条例")
@click.pass_context
def refs_cmd(ctx, ref, source, regulation, version, strict, fmt, corpus, unresolved, kinds_):
    """一条（款、项）引用了什么、被什么引用（含知识库中其他法规写明引用本条的条文，及引用本法而未写明条文的）；
    不给条款时列出全文的引用。

    \b
    例：kb refs 15            第十五条引用的和引用第十五条的
        kb refs 15.2
        kb refs               全部引用
        kb refs --unresolved  无法解析的引用
    """
    from kb.cli.core import provision
    from kb.layers import links

    if ref and source is None and not _looks_like_address(ref):
        ref, source = None, ref
    target, doc = load_target(ctx, source, regulation, version, strict)
    index = _index(ctx, corpus)
    refs = links.references(doc, index)
    rows = []
    others: tuple[list, list] = ([], [])
    if ref:
        eid = provision(doc, ref)[0].eid
        if not unresolved and (not kinds_ or "external" in kinds_):
            others = _cited_elsewhere(ctx, target, doc, eid, quiet=fmt != "table")

        def under(e: str) -> bool:
            return e == eid or e.startswith(eid + "__")

        for r in refs:
            if under(r.eid):
                rows.append(("out", r))
        for r in refs:
            # cited from elsewhere, or by another part of the provision (第十五条第二款's 前款 cites
            # 第十五条第一款: a citation of 第十五条 as the site counts it, listed under both directions),
            # not by a part pointing at itself or its own items (下列)
            if r.kind == "internal" and any(under(t) and not (under(r.eid) and links.own_part(r.eid, t))
                                            for t in r.targets):
                rows.append(("in", r))
    else:
        rows = [("out", r) for r in refs]
    unfiltered = rows
    if unresolved:
        rows = [(d, r) for d, r in rows if not r.resolved]
    if kinds_:
        rows = [(d, r) for d, r in rows if r.kind in kinds_]
    for w in links.link_warnings(doc, [r for _, r in rows]):
        click.echo(f"警告：{w}", err=True)
    names = {"out": "引用", "in": "被引用"}
    kinds = {"internal": "内部", "external": "外部", "self": "本文"}

    def target_text(r) -> str:
        if r.kind == "internal":
            if len(r.targets) > 2:
                return f"{_where(doc, r.targets[0])}至{_where(doc, r.targets[-1])}（{len(r.targets)} 处）"
            return "、".join(_where(doc, t) for t in r.targets) or f"（无法解析：{r.warning}）"
        if r.kind == "external":
            return (r.target or "") + (r.pinpoint or "")
        return r.target or "本文"

    elsewhere = [(d, h) for d, hits in zip(_ELSEWHERE, others) for h in hits]
    if fmt == "json":
        write_text(to_json([dict(direction=d, **r.to_dict()) for d, r in rows]
                           + [_elsewhere_dict(d, h) for d, h in elsewhere]))
    elif fmt == "csv":
        write_text(to_csv(["方向", "出处", "标识", "行", "原文", "类型", "指向条款", "指向", "链接"],
                          [[names[d], _where(doc, r.eid), r.eid, r.line, r.text, kinds[r.kind], ";".join(r.targets),
                            r.target or "", r.link or ""] for d, r in rows]
                          + [[_ELSEWHERE[d], f"《{h.title}》{h.citation}", f"{h.regulation}@{h.version}#{h.eid}",
                              h.line or "", h.snippet, "外部", "", doc.title or "", ""] for d, h in elsewhere]))
    else:
        if ref:
            cited = [r for d, r in rows if d == "in"]
            inside = sum(under(r.eid) for r in cited)
            note = "" if not inside else "（都在本条内）" if inside == len(cited) else f"（其中本条内 {inside} 处）"
            elsewhere_said = "" if not any(others) else \
                f"；其他法规引用本条 {len(others[0])} 处，引用本法（未写明条文）{len(others[1])} 处"
            # a filter says what it leaves out: 引用 0 处 under --kind external is not "第十五条 cites nothing"
            only = "、".join(kinds[k] for k in kinds_) + "引用" if kinds_ else "引用"
            limited = "" if len(rows) == len(unfiltered) else \
                (f"（只列{'无法解析的' if unresolved else ''}{only}；不加限定时引用 "
                 f"{sum(d == 'out' for d, _ in unfiltered)} 处，被引用 {sum(d == 'in' for d, _ in unfiltered)} 处）")
            click.echo(style(f"{_where(doc, eid)}：引用 {sum(d == 'out' for d, _ in rows)} 处，"
                        f"被引用 {len(cited)} 处{note}{limited}{elsewhere_said}", bold=True))
        # 出处 (第三条第一款: "第三…" could be 第三十条) is never cut; 原文, 指向 and 链接 go on over lines rather than
        # lose their end (城市居民委员会组织法 99（不存在））, 链接 at least 26 columns while the terminal holds it
        if rows:
            click.echo(table(["方向", "出处", "原文", "类型", "指向", "链接"],
                             [[names[d], _where(doc, r.eid), r.text, kinds[r.kind], target_text(r), _link_text(r)]
                              for d, r in rows], wrap=(2, 4, 5), keep=(1,), least={5: 26}))
        elif not ref:       # (a provision's line above says 引用 0 处，被引用 0 处)
            click.echo(_none_said(unresolved, kinds_), err=True)
        if ref:
            _print_elsewhere(doc, eid, others)
    if not rows and not elsewhere:
        ctx.exit(1)


#: kb refs' directions for the provisions of other regulations citing the provision, or its law as a whole
_ELSEWHERE = {"in_other": "被其他法规引用", "in_other_law": "被其他法规引用（未写明条文）"}


def _cited_elsewhere(ctx, target, doc, eid: str, quiet: bool = False) -> tuple[list, list]:
    """(the articles of the knowledge base's other regulations citing this provision, those citing its
    law without naming an article), from the catalog kb search uses (built when missing, with a note
    when out of date; ``quiet``, for JSON and CSV: built without a word, as a program reads the output);
    nothing for a file outside the knowledge base or a text without a title."""
    from kb.catalog.citing import cited_elsewhere
    from kb.cli.search import _bring_up_to_date, _catalog

    if not doc.title or target.regulation is None or project_root(ctx, required=False) is None:
        return [], []
    return cited_elsewhere(_bring_up_to_date(_catalog(ctx), quiet=quiet), doc.title, eid, target.regulation.id)


def _elsewhere_dict(direction: str, h) -> dict:
    return {"direction": direction, "regulation": h.regulation, "version": h.version, "title": h.title,
            "eid": h.eid, "citation": h.citation, "line": h.line, "source": h.source,
            "text": h.snippet}


def _print_elsewhere(doc, eid: str, others: tuple[list, list]) -> None:
    """The provisions of other regulations citing this one, then those citing the law without naming an
    article, each list under its own line (as kb search 法律名第X条 shows them)."""
    said = _where(doc, eid)
    for direction, hits in zip(_ELSEWHERE, others):
        if hits:
            what = f"本法{said}" if direction == "in_other" else "本法（未写明条文）"
            click.echo(style(f"知识库中其他法规引用{what}的条文：", bold=True))
            click.echo(table(["法规", "条款", "原文"],
                             [[h.regulation, h.citation, h.snippet] for h in hits], wrap=(2,), keep=(0, 1)))


def _none_said(unresolved: bool, kinds_) -> str:
    """What kb refs says instead of an empty table: no dangling reference is good news, said as such."""
    kind = "、".join({"internal": "内部", "external": "外部", "self": "本文"}[k] for k in kinds_)
    if unresolved:
        return f"没有悬空引用：本文的{kind}引用都能解析"
    return f"本文没有{kind}引用" if kind else "本文没有引用"


def _link_text(r) -> str:
    """Where an external reference lands: 城市居民委员会组织法 第十七条第二款, or that the law is not
    in the knowledge base."""
    if r.kind != "external":
        return ""
    if not r.link and r.parts:
        # 民法典 as a whole, or an article outside the excerpts the knowledge base holds
        held = "、".join(r.parts)
        return f"（知识库只收其一部分：{held}{'，不含所引条文' if r.pinpoint else ''}）"
    if not r.link:
        return "（知识库中没有）"
    from kb.layers.links import dotted

    if r.missing:
        # the law is there, the provision cited is not (第九十九条 of a law of 23 articles): the warning says why
        return f"{r.link} {dotted(r.link_eid)}（不存在）"
    if r.link_eid:
        return f"{r.link} {dotted(r.link_eid)}"
    return r.link


def _looks_like_address(s: str) -> bool:
    from kb.text.address import parse_address

    try:
        parse_address(s)
        return True
    except KbError:
        return False
