"""``kb index`` and ``kb search``: the catalog from the command line.

Start-up matters here (a whole ``kb search`` process should take <= 0.3 s), so this
module imports only click and kb.catalog's light modules at the top; whoosh's query
and reading modules are imported when the search runs, and nothing else heavy
(no jieba, lxml or YAML) is loaded on that path.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from kb.catalog import DEFAULT_ENGINE, ENGINES, configured_engine, open_catalog
from kb.cli.chinese import wrap_spans
from kb.catalog.query import MODALITY_HELP, TYPES, modality_choices, modality_code
from kb.errors import KbError, UnwritableError
from kb.outputs.screen import style

#: how the table names a heading hit
HEADING_NAMES = {"part": "编", "subpart": "分编", "chapter": "章", "section": "节"}
#: how the table names a statement's modality (json/csv keep the codes)
MODALITY_NAMES = {"obligation": "应当", "prohibition": "禁止", "permission": "可以", "encouragement": "鼓励",
                  "sanction": "追责", "liability": "责任"}
NO_ACTOR = "（无主体）"                   # as kb.layers.obligations.NO_ACTOR (not imported: start-up time)
#: the CSV's columns: the hit's field (JSON's key) and its Chinese head (a spreadsheet's reader sees these)
CSV_COLUMNS = {"rank": "序号", "regulation": "法规", "version": "版本", "eid": "标识", "article": "条",
               "citation": "出处", "type": "类型", "score": "得分", "term": "术语", "heading": "条标或章名",
               "label": "编号", "line": "行", "snippet": "摘要", "path": "所在章节", "version_label": "版本名称",
               "actors": "主体", "modalities": "情态", "action": "行为", "deadline": "期限"}
#: how the CSV names a hit's type (the table's words; JSON keeps the codes)
TYPE_NAMES = {"article": "条", "paragraph": "款", "item": "项", "definition": "定义", "obligation": "义务",
              "prologue": "序言", "annex": "附件", **HEADING_NAMES}
FORMATS = ("table", "json", "csv")      # as kb.output.FORMATS (not imported: start-up time)


def _catalog(ctx, engine: str | None = None, configured: bool = False):
    """The project's catalog (of ``engine``; ``configured``: the engine mkdocs.yml names counts,
    which reads YAML: not on kb search's path).  Finds the root like kb.cli_core.project_root,
    without importing kb.cli_core/kb.project/kb.output (each costs a few ms to compile on every
    start)."""
    def opened(d: Path):
        return open_catalog(d, engine=engine, configured=configured_engine(d) if configured else None)

    root = (ctx.find_root().obj or {}).get("root")
    if root:
        p = Path(root)
        if not (p / "mkdocs.yml").is_file():
            raise KbError("不是项目根目录（没有 mkdocs.yml）", str(p))
        return opened(p.resolve())
    here = Path(os.getcwd()).resolve()
    for d in (here, *here.parents):
        if (d / "mkdocs.yml").is_file():
            return opened(d)
    raise KbError("找不到项目根目录（从当前目录向上没有 mkdocs.yml）；请在项目内运行或使用 --root", str(here))


def _check_text(value: str | None, what: str) -> None:
    """An argument that cannot be text: bytes that were not UTF-8 reach Python as lone
    surrogates (its way of keeping them), which no index or terminal can take."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise KbError(f"{what}中有无法解码的字节（位置 {e.start + 1}）：请用 UTF-8 输入") from None


def _summary_line(s: dict) -> str:
    parts = []
    for name, key in (("新增", "added"), ("更新", "updated"), ("删除", "removed")):
        if s.get(key):
            parts.append(f"{name} {len(s[key])}")
    parts.append(f"未变 {s.get('unchanged', 0)}")
    layers = "、".join(s.get("layers") or []) or "无"
    return f"检索目录已更新（{'，'.join(parts)}）：共 {s.get('entries', 0)} 个条目，用时 {s['seconds']:.2f} 秒；" \
           f"分析层：{layers}"


@click.command("index")
@click.option("--full", is_flag=True, help="不做增量更新，全部重建")
@click.option("--engine", type=click.Choice(sorted(ENGINES)), default=None,
              help="检索引擎（默认：mkdocs.yml 中 kb 插件的 catalog_engine，否则沿用已有目录的引擎，否则 "
                   f"{DEFAULT_ENGINE}）；换引擎时全部重建")
@click.option("--quiet", "-q", is_flag=True, help="不显示进度")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="用几个进程解析各版本、计算分析层（默认每个核一个；1：只用本进程）")
@click.pass_context
def index_cmd(ctx, full, engine, quiet, jobs):
    """建立或更新检索目录（.kb/catalog/）：只重建有变化的版本；中断时旧目录仍然可用。"""
    cat = _catalog(ctx, engine, configured=True)

    tty = sys.stderr.isatty()

    def progress(done, total, key):
        if not quiet and tty:
            click.echo(f"\r索引 {done}/{total} {key}".ljust(60), err=True, nl=(done == total))

    from kb import pool
    with pool.using(jobs):          # the FTS5 engine's versions on every core (whoosh: its own writer processes)
        s = cat.build(progress=progress, full=full)
    for msg in s.get("skipped") or []:
        click.echo(f"警告：跳过 {msg}", err=True)
    click.echo(_summary_line(s))


def _bold(text: str, marks) -> str:
    out, last = [], 0
    for start, end in sorted(marks):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(style(text[start:end], bold=True, fg="red"))
        last = end
    out.append(text[last:])
    return "".join(out)


def modality_option(ctx, param, value):
    """--modality written any way kb.catalog.query.MODALITY_ALIASES takes (kb search, kb obligations)."""
    if value is None:
        return None
    code = modality_code(value)
    if code is None:
        raise click.BadParameter(f"“{value}”不是情态；{modality_choices(value)}")
    return code


#: prefix that keeps a word written -经费 (the query language's NOT) from being read as an option
_NOT_OPTION = "\uf8ff"


class _SearchCommand(click.Command):
    """``kb search 社区 -经费``: a word after a minus sign is the query's NOT, not an option.  An
    option of kb is an ASCII letter (-t, -r, -n5); an argument that starts with a minus sign and
    then anything but an ASCII character is a query word, and is handed to the query as written."""

    def parse_args(self, ctx, args):
        out, literal = [], False
        for a in args:
            if a == "--":
                literal = True
            elif not literal and len(a) > 1 and a[0] == "-" and not a[1].isascii():
                a = _NOT_OPTION + a
            out.append(a)
        return super().parse_args(ctx, out)


@click.command("search", cls=_SearchCommand)
@click.argument("query", nargs=-1, required=True, metavar="检索词...")
@click.option("--type", "-t", "type_", type=click.Choice(TYPES), default=None,
              help="只查某类条目：article 条、paragraph 款和项、definition 定义、obligation 义务、chapter 编章节标题")
@click.option("--regulation", "-r", default=None, help="只查某部法规（regulation/ 下的目录名，也可写 法规@版本）")
@click.option("--version", "-v", "version", default=None, help="只查某个版本；all 为全部版本（默认：各法规的最新版本）")
@click.option("--chapter", "-c", default=None, help="只查某一章：3、第三章、chp_3；分编的法律：第二编第三章、part_2__chp_3，或整编 第二编、一节 第三章第一节")
@click.option("--actor", "-a", default=None, help="只查某个主体（义务层的主体名称，如 居民委员会）")
@click.option("--modality", "-m", default=None, callback=modality_option, help=f"只查某种情态：{MODALITY_HELP}")
@click.option("--limit", "-n", type=click.IntRange(min=0), default=10, show_default=True, help="最多显示几条；0 为全部")
@click.option("--all-hits", is_flag=True, help="不按条合并：同一条的多个命中都列出")
@click.option("--literal", is_flag=True, help="只按原词检索：不同时检索主体的其他名称（居委会／居民委员会），找不到时也不拆开“的”连接的词")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.pass_context
def search_cmd(ctx, query, type_, regulation, version, chapter, actor, modality, limit, all_hits, literal, fmt):
    """全文检索。检索词中：空格分开的词都要出现；"带引号的短语"（按原样检索）；OR、NOT（或 -词）；
    括号分组；字段过滤 type:definition、actor:居民委员会、chapter:3、heading:经费 等。
    默认每条只显示最相关的一款；第15条、第十五条、全角数字视为相同；编、章、节的标题也能查到。
    主体的名称和简称互相检索（居委会／居民委员会），--literal 关闭。
    按原样找不到时，“的”连接的词分开检索（居民委员会的职责 → 居民委员会 职责），--literal 关闭。
    检索词是条款编号（第15条、十五条、第十五条第二款、15.2）时先显示该条款，再列出提到它的条文；
    单独一个数字（15）按原样检索，并先给出该条。检索词后面可直接写 法规@版本（同 -r 法规@版本）。
    默认列前 10 条，还有更多时写明共多少条。"""
    from kb.catalog.query import citation, loosen, spoken, text_only

    q = " ".join(w.removeprefix(_NOT_OPTION) for w in query)
    regulation, version, chapter, actor = (v.removeprefix(_NOT_OPTION) if v else v
                                           for v in (regulation, version, chapter, actor))
    _check_text(q, "检索词")
    for name, value in (("--regulation", regulation), ("--version", version), ("--chapter", chapter),
                        ("--actor", actor)):
        _check_text(value, name)
    q, regulation = _trailing_spec(q, regulation)
    if regulation and "@" in regulation:       # -r 法规@版本 is -r 法规 -v 版本
        from kb.project import regulation_option

        regulation, version = regulation_option(regulation, version)
    cat = _bring_up_to_date(_catalog(ctx))
    cite = citation(q)
    provisions = []
    loose = law = None
    try:
        options = dict(type=type_, regulation=regulation, version=version, chapter=chapter, actor=actor,
                       modality=modality, limit=limit, group_by_article=not all_hits)
        # a law's provision (城市居民委员会组织法第三条): that article of that law, then what cites it
        law = _cited_law(cat, q, options) if cite is None else None
        if law is not None:
            pq, (provisions, hits, _) = text_only(q), law.found
        else:
            # a citation: what cites the provision (or, for a bare number, the number as written)
            # (a citation without 第 -- 十五条 -- is looked for as 第十五条: 第三十五条 holds 十五条 too)
            pq = cat.prepare(q, literal) if cite is None else text_only(q if cite[1] else spoken(cite[0]))
            hits = cat.search(pq, **options)
        if not hits and cite is None and law is None and not literal and (loose := loosen(q)):
            # nothing as written: 居民委员会的职责 is searched as 居民委员会 职责 (and says so)
            pq = cat.prepare(loose, literal)
            hits = cat.search(pq, **options)
        if cite is not None:
            provisions = cat.provisions(cite[0], regulation=regulation or pq.filters.get("regulation"),
                                        version=version or pq.filters.get("version"))
        why = narrowed = None
        if provisions or not hits:
            # a provision is shown whatever the filters say: a name that points nowhere (-r nosuch) is
            # an error then too, as in every other search
            f = pq.filters        # filters written in the query (regulation:R …) count too
            why = cat.unknown_filter(regulation=regulation or f.get("regulation"),
                                     version=version or f.get("version"),
                                     chapter=chapter or f.get("chapter"), actor=actor or f.get("actor"))
            if not why and not hits and not provisions:
                narrowed = _narrowed(cat, pq, options)
    finally:
        cat.close()
    if why:
        raise KbError(why)
    total, exact = getattr(hits, "total", len(hits)), getattr(hits, "exact", True)
    also = [{"word": w, "also": a, "excluded": neg, "names": {name: others for name, others in names}}
            for w, a, neg, names in pq.expansions]
    if fmt == "json":
        from kb.outputs.formats import to_json, write_text

        write_text(to_json({"query": q, "count": total, "count_exact": exact, "shown": len(hits),
                            "also_searched": also, "searched_as": loose,
                            **({"cited": law.to_dict()} if law else {}),
                            "provisions": [h.to_dict() for h in provisions], "hits": [h.to_dict() for h in hits]}))
    elif fmt == "csv":
        from kb.outputs.formats import to_csv, write_text

        rows = [[0 if i <= len(provisions) else i - len(provisions)] + _csv_row(h)
                for i, h in enumerate(provisions + hits, 1)]
        write_text(to_csv(list(CSV_COLUMNS.values()), rows))
        for line in _also_lines(also) + _more_lines(total, exact, hits):
            click.echo(line, err=True)
    else:
        if loose and hits:
            click.echo(style(f"没有找到“{q}”，改为检索“{loose}”（“的”两边的词分开出现也算；加 --literal 只按原样检索）", dim=True))
        for line in _also_lines(_found(also, hits)):
            click.echo(style(line, dim=True))
        if law is not None:
            _print_cited(law, provisions, hits)
        else:
            shown = _print_provisions(provisions, cite, q)
            if shown and hits:
                click.echo()
                click.echo(style(f"提到“{spoken(cite[0])}”的条文：" if not cite[1] else f"含“{q}”的条文：", bold=True))
            _print_table(hits)
        for line in _more_lines(total, exact, hits):
            click.echo(style(line, dim=True))
    if not hits and not provisions:
        click.echo(f"没有找到“{q}”" + (f"：{narrowed}" if narrowed else ""), err=True)
        ctx.exit(1)


#: how the message of a search its conditions left empty names each condition
_CONDITIONS = {"type": "类型“{}”", "regulation": "法规“{}”", "version": "版本“{}”", "chapter": "章“{}”",
               "actor": "主体“{}”", "modality": "情态“{}”"}


def _narrowed(cat, pq, options: dict) -> str | None:
    """Why a search found nothing when its words are there: the conditions given (--modality 禁止, -r …,
    or written in the query, type:definition) leave none of their hits -- said with the conditions and how
    many hits there are without them; None when the words are not found at all."""
    from dataclasses import replace

    from kb.catalog.query import MODALITY_LABELS

    given = {k: v for k, v in pq.filters.items() if k in _CONDITIONS and v}
    given.update((k, v) for k, v in options.items() if k in _CONDITIONS and v)
    # first without the conditions on the provisions (--type, --chapter, --actor, --modality) in the
    # regulations searched, then without the choice of regulation and version too
    for dropped in (("type", "chapter", "actor", "modality"), tuple(_CONDITIONS)):
        said = {k: v for k, v in given.items() if k in dropped}
        if not said:
            continue
        kept = {k: v for k, v in given.items() if k not in dropped}
        free = cat.search(replace(pq, filters={}), limit=1, group_by_article=options.get("group_by_article", True),
                          **kept)
        n = getattr(free, "total", len(free))
        if n:
            names = "、".join(_CONDITIONS[k].format(MODALITY_LABELS.get(v, v) if k == "modality" else v)
                              for k, v in said.items())
            return f"限定{names}时一条也没有（不加这{'些' if len(said) > 1 else '一'}限定时有 {n:,} 条）"
    return None


class _CitedLaw:
    """A query naming a law's provision (城市居民委员会组织法第三条) and what it found
    (kb.catalog.citing.search_cited: the provision, the provisions citing it, how many of those cite
    the provision itself rather than the law as a whole)."""

    def __init__(self, laws, address, provision: str, found):
        self.laws, self.address, self.provision, self.found = laws, address, provision, found

    def to_dict(self) -> dict:
        from kb.text.address import to_eid

        # provision_found false: the knowledge base does not hold the law, or its latest version lacks
        # the provision (城市居民委员会组织法第九十九条); what cites it and the law is listed all the same
        return {"laws": [{"title": t, "regulations": regs} for _, t, regs in self.laws], "provision": self.provision,
                "eid": to_eid(*self.address), "provision_found": bool(self.found[0]),
                "citing_provision": self.found[2]}


def _cited_law(cat, q: str, options: dict) -> _CitedLaw | None:
    """The law and provision a query names, and what the catalog holds of them; None when the query
    does not name a law's provision, or when neither the provision nor any citation of it is found
    (本规定第三条 is then searched as words)."""
    from kb.catalog.citing import law_citation, laws_named, search_cited

    named = law_citation(q)
    if named is None:
        return None
    name, address, provision = named
    laws = laws_named(name, cat.titles())
    if not laws:
        return None
    found = search_cited(cat, laws, address, provision, options)
    return _CitedLaw(laws, address, provision, found) if found[0] or found[1] else None


def _print_cited(law: _CitedLaw, provisions, hits) -> None:
    """The provision a law's citation names (the whole of it), then the provisions citing it: those that
    cite that provision, then those that cite the law as a whole, each list under its own line."""
    from kb.catalog.query import spoken

    itself = law.found[2]
    said = spoken(law.address)
    titles = "、".join(f"《{t}》" for _, t, _ in law.laws)
    if provisions:
        _print_provisions(provisions, (law.address, False), said)
    else:
        held = [t for _, t, regs in law.laws if regs]
        click.echo(style(f"{'、'.join(f'《{t}》' for t in held)}没有{said}" if held
                         else f"知识库中没有{titles}", dim=True))
    if provisions and hits:
        click.echo()
    if itself:
        click.echo(style(f"引用{titles}{said}的条文：", bold=True))
        _print_table(hits[:itself])
    elif hits:
        click.echo(style(f"没有条文写明引用{titles}{said}。", dim=True))
    if len(hits) > itself:
        if itself:
            click.echo()
        click.echo(style(f"引用{titles}（未写明条文）的条文：", bold=True))
        _print_table(hits[itself:], start=itself + 1)


#: a 法规@版本 written after the words searched (kb search 网格 suining-community@draft)
_SPEC = re.compile(r'(?:(.*\S)\s+)?([^\s@"()]+@[^\s@"()]*)')


def _trailing_spec(q: str, regulation: str | None) -> tuple[str, str | None]:
    """(the words searched, -r) for a query ending in 法规@版本: as the other reading commands take
    法规@版本 written directly, kb search takes it after its words, as -r 法规@版本 (no text holds
    an @: it is never a word searched)."""
    m = _SPEC.fullmatch(q.strip())
    if m is None:
        return q, regulation
    words, spec = m.groups()
    if not words:
        raise KbError(f"只写了 {spec}，没有检索词：写 kb search 检索词 {spec}（或 kb search 检索词 -r {spec}）")
    if regulation and regulation.split("@")[0] != spec.split("@")[0]:
        raise KbError(f"检索词后的 {spec} 与 -r {regulation} 指定了不同的法规：只写一处")
    if regulation and "@" in regulation and "@" in spec and regulation != spec:
        raise KbError(f"检索词后的 {spec} 与 -r {regulation} 指定了不同的版本：只写一处")
    return words, spec if "@" not in (regulation or "") else regulation


def _more_lines(total: int, exact: bool, hits) -> list[str]:
    """What the limit left out: 显示前 10 条，共 28 条 (共 N 条以上: a lower bound, see
    kb.catalog.interface.Hits); nothing when every hit is shown."""
    if exact and total <= len(hits):
        return []
    return [f"显示前 {len(hits)} 条，共 {total:,} 条{'' if exact else '以上'}；用 --limit 查看更多（--limit 0 显示全部）"]


def _bring_up_to_date(cat, quiet: bool = False):
    """Build a missing (or old-format) catalog; warn when the catalog is out of date.  Returns
    the catalog to search: in a project kb cannot write (a read-only checkout, a full disk), one
    built in a temporary folder for this search alone.  ``quiet`` (JSON and CSV, read by programs):
    the same without a word on stderr."""
    def say(msg: str) -> None:
        if not quiet:
            click.echo(msg, err=True)

    if not cat.usable():
        say("还没有检索目录（或是旧格式），正在建立（kb index）……")
        if not cat.exists() and cat.root is not None:     # a first catalog: of the engine mkdocs.yml names
            cat = open_catalog(cat.root, path=cat.path, configured=configured_engine(cat.root))
        try:
            s = cat.build()
        except UnwritableError as e:
            import atexit
            import shutil
            import tempfile

            tmp = tempfile.mkdtemp(prefix="kb-catalog-")
            atexit.register(shutil.rmtree, tmp, True)
            say(f"注意：{e}；这次检索的目录建在临时文件夹中，用后删除")
            cat = open_catalog(cat.root, path=Path(tmp) / "catalog")
            s = cat.build()
        say(_summary_line(s))
        return cat
    reasons = cat.stale_reasons() if not quiet else []
    if reasons:
        more = f"等 {len(reasons)} 处" if len(reasons) > 1 else ""
        say(f"注意：检索目录已过期（{reasons[0]}{more}），结果可能不是最新的；运行 kb index 更新。")
    return cat


def _found(also: list[dict], hits) -> list[dict]:
    """The other names a listing should mention: those some hit shows (a name nothing was
    found under changed nothing, and would only be noise above the hits)."""
    from kb.catalog.analysis import normalize

    shown = normalize(" ".join(f"{h.heading or ''} {h.snippet}" for h in hits))
    out = []
    for a in also:
        names = [x for x in a["also"] if x in shown]
        if names or a["excluded"]:
            out.append(dict(a, also=names or a["also"]))
    return out


def _also_lines(also: list[dict]) -> list[str]:
    """也检索了“居民委员会”（与“居委会”指同一主体）…; for a word that holds a name,
    也检索了“居民委员会职责”（“居委会”与“居民委员会”指同一主体）…"""
    out = []
    for a in also:
        verb = "也排除了" if a["excluded"] else "也检索了"
        spelt = "、".join(f"“{x}”" for x in a["also"])
        names = a.get("names") or {}
        if list(names) in ([], [a["word"]]):
            why = f"与“{a['word']}”指同一主体"
        else:
            why = "；".join(f"“{n}”与{'、'.join(f'“{x}”' for x in others)}指同一主体" for n, others in names.items())
        out.append(f"{verb}{spelt}（{why}；加 --literal 只按原词检索）")
    return out


#: at most this many provisions are shown for a citation (one per regulation and version)
PROVISIONS_SHOWN = 3


def _print_provisions(provisions, cite, q: str) -> bool:
    """The provision a citation names (the whole of it), or the article a bare number may mean
    (its beginning); True when something was printed."""
    if not provisions:
        return False
    import shutil

    width = shutil.get_terminal_size((100, 24)).columns
    bare = cite[1]
    several = len({(h.regulation, h.version) for h in provisions}) > 1
    if bare:
        click.echo(style(f"要找的是{'这些条文' if several else '这一条'}吗？（kb show {q} 显示全文）", bold=True))
    shared = _shared(provisions)
    for h in provisions[:PROVISIONS_SHOWN]:
        title = f"（{h.heading}）" if h.heading else ""
        extra = "  ".join(x for x in (_where(h, shared), f"第 {h.line} 行" if h.line else "") if x)
        click.echo(style(h.citation or h.label, bold=True) + title
                   + ("  " + style(extra, dim=True) if extra else ""))
        text = h.snippet
        lines = [l for l in text.split("\n") if l]
        if bare:
            lines = lines[:1]
        for para in lines:
            for a, b in wrap_spans(para, width - 4):
                click.echo("    " + para[a:b])
    if len(provisions) > PROVISIONS_SHOWN:
        click.echo(style(f"另有 {len(provisions) - PROVISIONS_SHOWN} 部法规或版本有此条；用 -r/-v 指定", dim=True))
    return True


def _csv_row(h) -> list:
    """A hit's CSV cells after its rank: codes in the table's words, lists joined with 、."""
    out = []
    for c in list(CSV_COLUMNS)[1:]:
        v = getattr(h, c)
        if c == "type":
            v = TYPE_NAMES.get(v, v)
        elif c == "modalities":
            v = [MODALITY_NAMES.get(m, m) for m in v]
        out.append("、".join(v) if isinstance(v, list) else v)
    return out


def _shared(hits) -> set:
    """The titles that hits of two regulations share: those hits name their regulation's id too."""
    from kb.project import shared_titles

    return shared_titles((h.regulation, h.title or h.regulation) for h in hits)


def _where(h, shared: set = frozenset()) -> str:
    """Which regulation and version a hit is from: every hit says so, also when all of them fall in
    one regulation -- the knowledge base holds many, and the hit line is the only place that says which.
    A title two regulations of the hits share is followed by the regulation's id (某条例（my-eldercare）@draft)."""
    out = h.title or h.regulation
    if out in shared:
        out += f"（{h.regulation}）"
    if h.version:
        # a version without a label, status or date of its own is named by its name alone (@draft, not @draft（draft）)
        label = h.version_label if h.version_label != h.version else ""
        out += f"@{h.version}" + (f"（{label or h.status}）" if (label or h.status) else "")
    return out


def _print_table(hits, start: int = 1) -> None:
    """Ranked hits, each with its snippet (and, when its words are spread over several
    paragraphs, which paragraph holds which); every hit names its regulation and version.
    ``start``: the number of the first (a list that goes on another)."""
    import shutil

    width = shutil.get_terminal_size((100, 24)).columns
    shared = _shared(hits)
    for i, h in enumerate(hits, start):
        # words spread over an article's paragraphs: the hit is the article (第十五条), not the paragraph shown, which
        # holds only some of them (第十五条第一款第一项 for 经费 保障 held 保障 alone); the note below says where each is
        head = h.label if h.spread and h.label else h.citation or h.label
        title = ""
        if h.heading:
            title = "（" + _bold(h.heading, h.heading_marks) + "）"
        mods = "、".join(MODALITY_NAMES.get(m, m) for m in h.modalities)
        kind = {"definition": f"定义：{h.term}",
                "obligation": f"义务：{'、'.join(h.actors) or NO_ACTOR}" + (f"（{mods}）" if mods else ""),
                "prologue": "序言", "annex": "附件"}.get(h.type, HEADING_NAMES.get(h.type, ""))
        where = _where(h, shared)
        extra = "  ".join(x for x in (kind, where, f"第 {h.line} 行" if h.line else "") if x)
        click.echo(f"{i:>2}. " + style(head, bold=True) + title + ("  " + style(extra, dim=True)
                                                                         if extra else ""))
        if h.type == "obligation" and h.action:
            # what this duty is: two duties of one actor in one paragraph read apart (第三十条：两项义务)
            duty = f"行为：{h.action}" + (f"（期限：{h.deadline}）" if h.deadline else "")
            for a, b in wrap_spans(duty, width - 4):
                click.echo("    " + style(duty[a:b], bold=True))
        snip = h.snippet.replace("\n", " ")
        for a, b in wrap_spans(snip, width - 4):
            marks = [[max(s, a) - a, min(e, b) - a] for s, e in h.marks if s < b and e > a]
            click.echo("    " + _bold(snip[a:b], marks))
        # where each word is, and in which form when the place holds another name of it (居委会 → 居民委员会)
        spread = "；".join(f"“{w}”在" + "、".join(c + (f"（作“{f}”）" if f else "") for c, f in zip(where, forms))
                          for w, where, forms in h.spread if where)
        if spread:
            click.echo(style(f"    （没有一款同时含有全部检索词：{spread}）", dim=True))
