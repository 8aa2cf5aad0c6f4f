"""Core commands: parse, toc, show, export; and the options every command shares."""
from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import click

from kb.errors import KbError
from kb.outputs.formats import FORMATS, table, to_json, write_json, write_text
from kb.outputs.screen import style

#: kb export's formats (docx and pdf: the site's Word download, and that document as PDF)
EXPORT_FORMATS = ("json", "akn", "docx", "pdf")


REGULATION_HELP = "法规（regulation/ 下的目录名，也可写 法规@版本）；默认为配置中的默认法规"


def target_options(f=None, *, regulation_help: str = REGULATION_HELP):
    """--regulation / --version / --strict, shared by every command that reads a text (``@target_options``;
    ``@target_options(regulation_help=…)`` where -r takes more, as kb obligations' ``all``)."""
    def decorate(f):
        @click.option("--regulation", "-r", default=None, help=regulation_help)
        @click.option("--version", "-v", "version", default=None, help="版本名；默认为最新版本")
        @click.option("--strict", is_flag=True, help="把编号警告当作错误（退出码 2）")
        @functools.wraps(f)
        def wrapper(*a, **kw):
            return f(*a, **kw)
        return wrapper
    return decorate(f) if f is not None else decorate


def project_root(ctx: click.Context, required: bool = True) -> Path | None:
    from kb.project import find_root

    root = (ctx.find_root().obj or {}).get("root")
    if root:
        p = Path(root)
        if not (p / "mkdocs.yml").is_file():
            raise KbError("不是项目根目录（没有 mkdocs.yml）", str(p))
        return p.resolve()
    try:
        return find_root()
    except KbError:
        if required:
            raise
        return None


def resolve_target(ctx: click.Context, source: str | None, regulation: str | None, version: str | None):
    """The Target of a file path, a reg@ver spec, or the defaults (not read yet)."""
    from kb.project import looks_like_path, resolve

    needs_root = not source or "@" in source or not (Path(source).exists() or looks_like_path(source))
    root = project_root(ctx, required=needs_root)
    return resolve(root, source, regulation, version)


def load_target(ctx: click.Context, source: str | None, regulation: str | None, version: str | None,
                strict: bool = False, say_reading: bool = True, say_numbering: bool = True):
    """(Target, Document) for a file path, a reg@ver spec, or the defaults.  What reading the
    source decided (a .docx's tracked changes) is said on stderr unless ``say_reading`` is
    False (a command that prints every warning itself), and what is wrong with its numbering
    (:func:`say_numbering_warnings`) unless ``say_numbering`` is False (kb check, whose findings hold them)."""
    from kb.project import load

    target = resolve_target(ctx, source, regulation, version)
    doc = load(target, strict=strict)
    if say_reading:
        say_what_reading_decided(doc)
    if say_numbering:
        say_numbering_warnings(doc)
    return target, doc


def tell_written(output: str | None) -> None:
    """Say where the output went when the user named a file (-o): every command that writes one says
    so, whatever the format, so that a silent run never leaves one wondering whether anything was written."""
    if output and output != "-":
        click.echo(f"已写入 {output}", err=True)


def say_what_reading_decided(doc) -> None:
    for w in doc.reading:
        click.echo(f"警告：{w}", err=True)


def say_numbering_warnings(doc) -> None:
    """What parsing found wrong with the text's numbering (条号重复, 条号不连续, 项的编号 …) on stderr, the
    lines kb parse prints (file:line), once for each text in a command (kb diff A A reads A twice): who
    reads an article, a table of contents or a comparison of a misnumbered text learns that it is one."""
    ctx = click.get_current_context(silent=True)
    said = ctx.find_root().meta.setdefault("kb.numbering_said", set()) if ctx is not None else set()
    if doc.source in said:
        return
    said.add(doc.source)
    for w in doc.warnings:
        if w not in doc.reading:            # (said by say_what_reading_decided)
            click.echo(f"警告：{w}", err=True)


def warn_lines(doc) -> None:
    for w in doc.warnings:
        click.echo(f"警告：{w}", err=True)


def provision(doc, ref: str):
    """The node a provision's address names in ``doc`` (15, 15.2, 第十五条第二款 …), with its address
    ((article, paragraph, item, subitem)).  Every command that reads one provision finds it here, so a
    text lacking it is one error in all of them (exit code 2, the file and, for a missing paragraph or
    item, the article's line: :func:`missing_address`); an address that is none is also 2."""
    from kb.text.address import parse_address, to_eid

    address = parse_address(ref)
    node = doc.get(to_eid(*address))
    if node is None:
        raise missing_address(doc, ref, address[0])
    return node, address


def missing_address(doc, ref: str, art) -> KbError:
    """What a text lacking the provision ``ref`` (of article ``art``) has instead: how many articles
    (本文共 45 条（第一条至第四十五条）), or that the article has no such paragraph or item."""
    a = doc.get(f"art_{art}")
    if a is None:
        arts = doc.articles
        span = f"（{arts[0].label}至{arts[-1].label}）" if arts else ""
        # a misnumbered text (条号重复, 条号不连续: the warnings above) may lack the number it should have
        also = "；本文条号有误，见上面的警告" if any(w.code == "article-number" for w in doc.warnings) else ""
        return KbError(f"没有找到“{ref}”：本文共 {len(arts)} 条{span}{also}", doc.source)
    return KbError(f"没有找到“{ref}”：{a.citation}没有这一款或项", doc.source, a.line)


@click.command("parse")
@click.argument("source", required=False, metavar="[文本]")
@target_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.pass_context
def parse_cmd(ctx, source, regulation, version, strict, fmt):
    """解析文本（文件路径，或 法规@版本）并显示摘要；修正案、修改决定显示其修改指令。"""
    from kb.cli.amendments import amendment_at, show_amendment
    from kb.project import load

    target = resolve_target(ctx, source, regulation, version)
    am = amendment_at(target)
    if am is not None:
        show_amendment(am, fmt)
        return
    doc = load(target, strict=strict)
    chapters = doc.chapters
    summary = {
        "source": doc.source, "title": doc.title, "status": doc.status, "format": doc.format,
        "encoding": doc.encoding, "parts": sum(1 for _ in doc.nodes("part")), "chapters": len(chapters),
        "sections": sum(1 for _ in doc.nodes("section")), "articles": len(doc.articles),
        "paragraphs": sum(1 for _ in doc.nodes("paragraph")), "items": sum(1 for _ in doc.nodes("item")),
        "annexes": sum(1 for _ in doc.nodes("annex")),
        "chapter_list": [{"eid": c.eid, "label": c.label, "title": c.title, "line": c.line,
                          "part": _part_of(c), "articles": sum(1 for n in c.walk() if n.kind == "article")}
                         for c in chapters],
        "warnings": [{"file": w.file, "line": w.line, "message": w.message} for w in doc.warnings],
    }
    from kb.layers.links import link_warnings as dangling
    link_warnings = dangling(doc)          # 悬空引用（第九十条 in a 45-article text）
    summary["link_warnings"] = [{"file": w.file, "line": w.line, "message": w.message} for w in link_warnings]
    if fmt == "json":
        write_text(to_json(summary))
        return
    names = {"source": "文件", "title": "标题", "status": "状态", "format": "格式", "encoding": "编码",
             "parts": "编", "chapters": "章", "sections": "节", "articles": "条", "paragraphs": "款",
             "items": "项", "annexes": "附件"}
    if fmt == "csv":          # one row, the table's items as its columns
        from kb.outputs.formats import to_csv
        write_text(to_csv([*names.values(), "警告", "引用警告"],
                          [[summary[k] for k in names] + [len(doc.warnings), len(link_warnings)]]))
        return
    rows = [[names[k], summary[k]] for k in names if summary[k] not in (None, 0) or k in ("chapters", "articles")]
    rows.append(["警告", len(doc.warnings)])
    rows.append(["引用警告", len(link_warnings)])
    click.echo(table(["项目", "值"], rows))
    if chapters:
        click.echo()
        # in a text divided into parts (编) chapters are numbered again in each: name the part
        parts = ["编"] if any(_part_of(c) for c in chapters) else []
        # a narrow table folds the part, the title and the articles over lines rather than cut them (第二百七十六条至
        # 第二百八十…: how many articles was lost); the chapter and the line are short and kept whole
        n = len(parts)
        click.echo(table(parts + ["章", "标题", "条", "行"],
                         [([_part_of(c) or ""] if parts else []) + [c.label, c.title or "", _article_range(c), c.line]
                          for c in chapters], keep=(n, n + 3), wrap=(n + 2, n + 1, *range(n))))
    warn_lines(doc)
    for w in link_warnings:
        click.echo(f"警告：{w}", err=True)


def _part_of(chapter) -> str | None:
    """The part (编, and 分编) a chapter sits in, as a reader names it: 第二编　分则."""
    names = [f"{p.label}　{p.title}".rstrip("　") if p.title else p.label
             for p in (chapter.ancestor("subpart"), chapter.ancestor("part")) if p is not None]
    return "／".join(reversed(names)) or None


def _article_range(node) -> str:
    arts = [n for n in node.walk() if n.kind == "article"]
    if not arts:
        return ""
    return arts[0].label if len(arts) == 1 else f"{arts[0].label}至{arts[-1].label}（{len(arts)} 条）"


@click.command("toc")
@click.argument("source", required=False, metavar="[文本]")
@target_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", help="输出格式")
@click.pass_context
def toc_cmd(ctx, source, regulation, version, strict, fmt):
    """显示目录：编、章、节及各条的标题。"""
    _, doc = load_target(ctx, source, regulation, version, strict)
    rows = []
    for n in doc.nodes():
        if n.kind in ("part", "subpart", "chapter", "section"):
            rows.append({"kind": n.kind, "eid": n.eid, "label": n.label, "title": n.title, "line": n.line,
                         "depth": _depth(n)})
        elif n.kind == "article":
            rows.append({"kind": "article", "eid": n.eid, "label": n.label, "title": n.title, "line": n.line,
                         "depth": _depth(n)})
    if fmt == "json":
        write_text(to_json({"title": doc.title, "status": doc.status, "toc": rows}))
        return
    if fmt == "csv":
        from kb.outputs.formats import to_csv
        from kb.text.model import KIND_NAMES
        write_text(to_csv(["类别", "标识", "编号", "标题", "行"],
                          [[KIND_NAMES[r["kind"]], r["eid"], r["label"], r["title"], r["line"]] for r in rows]))
        return
    click.echo(f"{doc.title or ''}" + (f"（{doc.status}）" if doc.status else ""))
    for r in rows:
        indent = "  " * r["depth"]
        title = r["title"] or ""
        if r["kind"] == "article":
            click.echo(f"{indent}{r['label']}" + (f"　{title}" if title else ""))
        else:
            click.echo(style(f"{indent}{r['label']}　{title}".rstrip(), bold=True))


def _depth(n) -> int:
    d, p = 0, n.parent
    while p is not None and p.kind != "document":
        d += 1
        p = p.parent
    return d


@click.command("show")
@click.argument("ref", metavar="条款")
@click.argument("source", required=False, metavar="[文本]")
@target_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式")
@click.option("--as-of", "as_of", default=None,
              help="显示该日期（如 2024-03-01）施行的版本中的这一条，并列出使它成为现在这样的各次修改；"
                   "施行日期取文本的施行条款或元数据，未注明时说明不能确定")
@click.pass_context
def show_cmd(ctx, ref, source, regulation, version, strict, fmt, as_of):
    """显示一条、一款或一项。条款可写作 15、15.2、15.1.3、第十五条第二款、第15条、１５、10-1、第十条之一。"""
    from kb.outputs.export import article_dict, item_dict

    if as_of:
        from kb.cli.amendments import in_force_target
        if version:
            raise KbError("--as-of 按日期选择版本，不能同时指定 --version")
        target, doc, answer = in_force_target(ctx, resolve_target(ctx, source, regulation, None), as_of, strict)
        say_what_reading_decided(doc)
        say_numbering_warnings(doc)
    else:
        target, doc = load_target(ctx, source, regulation, version, strict)
    node, (art, _, _, _) = provision(doc, ref)
    _say_which_of_twins(node, doc)
    if fmt == "json":
        if node.kind == "article":
            data = article_dict(node)
        elif node.kind == "paragraph":
            data = {"eid": node.eid, "citation": node.citation, "text": node.text, "line": node.line,
                    "items": [item_dict(i) for i in node.children]}
        else:
            data = item_dict(node)
        if as_of:
            from kb.cli.amendments import history_dict
            data = {"as_of": as_of, "version": target.version.name, "in_force": answer.to_dict(), **data,
                    "history": history_dict(target, art)}
        write_text(to_json(data))
        return
    art_node = node if node.kind == "article" else node.ancestor("article")
    chapter = art_node.ancestor("chapter")
    where = f"{chapter.label}　{chapter.title or ''}".rstrip() if chapter else ""
    head = art_node.label + (f"　{''.join([art_node.brackets[0], art_node.title, art_node.brackets[1]])}"
                             if art_node.title else "")
    click.echo(style(f"{doc.title or ''}　{where}".strip(), dim=True))
    click.echo(style(head if node.kind == "article" else f"{node.citation}", bold=True))
    click.echo(node.full_text() if node.kind != "article" else _article_text(node))
    if as_of:
        from kb.cli.amendments import print_history
        print_history(target, art, answer)


def _say_which_of_twins(node, doc) -> None:
    """A number the text gives two articles (条号重复): which of them is shown, on stderr."""
    from kb.text.numerals import number_key

    art = node if node.kind == "article" else node.ancestor("article")
    same = [a for a in doc.articles if number_key(a.number) == number_key(art.number)]
    if len(same) > 1:
        lines = "、".join(str(a.line) for a in same)
        click.echo(f"注意：本文有 {len(same)} 条{art.label}（第 {lines} 行），显示的是第 {art.line} 行的一条", err=True)


def _article_text(a) -> str:
    out = []
    for p in a.children:
        out.append("　　" + p.text if p.text else "")
        for it in p.children:
            out.append("　　" + it.display_text().replace("\n", "\n　　"))
    return "\n".join(x for x in out if x)


@click.command("export")
@click.argument("sources", nargs=-1, metavar="[文本]...")
@target_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="json",
              help="导出格式：json、akn（Akoma Ntoso XML）、docx（Word，与网站下载的版式相同）、pdf（该 Word 文档经 "
                   "LibreOffice 转换）；docx、pdf 需 -o")
@click.option("-o", "--output", default=None, help="写入文件（默认输出到标准输出）；多个文本时为目录，每个文本一个文件")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="多个文本时用几个进程（默认每个核一个；1：只用本进程）")
@click.pass_context
def export_cmd(ctx, sources, regulation, version, strict, fmt, output, jobs):
    """导出整个文本的解析结果。文本为文件路径或 法规@版本；修正案、修改决定导出其修改指令。
    多个文本（-o 目录）分给各个核导出，每个写成 目录/<文件名>.json（或 .xml）。"""
    if fmt in ("docx", "pdf") and (not output or output == "-"):
        raise KbError(f"{fmt} 是二进制格式，需要用 -o 指定输出文件（多个文本时为目录）")
    if len(sources) > 1:
        _export_many(ctx, sources, regulation, version, strict, fmt, output, jobs)
        return
    target = resolve_target(ctx, sources[0] if sources else None, regulation, version)
    _export(target, fmt, strict, output, lambda msg: click.echo(msg, err=True), project_root(ctx, required=False))
    tell_written(output)


def _word(doc, fmt: str) -> bytes:
    """A text as the site's Word download, or that document as PDF (LibreOffice, kb.site.pdf)."""
    from kb.outputs.word import export_docx

    data = export_docx(doc)
    if fmt == "pdf":
        from kb.site.pdf import pdfs_of
        data = pdfs_of([data], [doc.source or doc.title or "文本"])[0]
    return data


def _amendment_json(target, fmt: str) -> str | None:
    """The export of a 修正案 or 修改决定 (its instructions, JSON only), None when target is a regulation."""
    from kb.cli.amendments import amendment_at

    am = amendment_at(target)
    if am is None:
        return None
    if fmt != "json":
        raise KbError("修正案、修改决定只能导出为 JSON（--format json）", str(target.path))
    return to_json({"amendment": am.to_dict()})


def _export(target, fmt: str, strict: bool, output: str | None, say, root: Path | None = None) -> None:
    """Export one text to output (stdout when None or -); say(line) says what reading it decided;
    ``root``: the command's project (--root, else found from where it was run), whose laws a
    citation links to."""
    from kb.project import load

    am = _amendment_json(target, fmt)
    if am is not None:
        write_text(am, output)
        return
    doc = load(target, strict=strict)
    for w in doc.reading:                    # what reading the source decided (say_what_reading_decided)
        say(f"警告：{w}")
    if fmt == "json":
        from kb.outputs.export import document_dict, streamed
        write_json(document_dict(doc, lazy=streamed(doc), root=root), output)   # a large text: made as it is written
        return
    if fmt in ("docx", "pdf"):
        from kb.outputs.formats import write_bytes
        write_bytes(_word(doc, fmt), output)
        return
    from kb.outputs.akn import akn_pieces
    xml = akn_pieces(doc, root)                    # written as it is made: never the whole XML at once
    if not output or output == "-":
        sys.stdout.flush()
        out = sys.stdout.buffer     # like the JSON export (click.get_binary_stream goes in Click 9)
        for piece in xml:
            out.write(piece)
        return
    from kb.outputs.formats import write_bytes
    write_bytes(xml, output)


def _export_job(job: tuple) -> tuple[bytes, list[str]]:
    """One text of ``kb export A B … -o DIR``, in a worker process (kb.pool): the bytes of its file as
    ``kb export TEXT -o FILE`` writes them, and what reading it decided.  The command writes the files,
    in order, so that an error leaves the same files written whatever the number of processes."""
    from kb.outputs.formats import json_bytes
    from kb.project import load

    target, fmt, strict, root = job
    am = _amendment_json(target, fmt)
    if am is not None:
        return am.encode("utf-8"), []
    doc = load(target, strict=strict)
    said = [f"警告：{w}" for w in doc.reading]
    if fmt == "json":
        from kb.outputs.export import document_dict, streamed
        return json_bytes(document_dict(doc, lazy=streamed(doc), root=root)), said
    if fmt == "docx":                   # (a PDF: the Word documents of all texts are converted in one run)
        return _word(doc, fmt), said
    from kb.outputs.akn import akn_pieces
    return b"".join(akn_pieces(doc, root)), said


class _Writer:
    """The files of ``kb export … -o DIR`` written (all or nothing each, kb.files) by a thread of their
    own while the next texts are exported: writing a file waits for the disk (its fsync), which took a
    sixth of the command's time when done between two texts.  Started with the first file, so after
    kb.pool has forked its workers (it forks none while other threads run); at most ``AHEAD`` files
    wait to be written.  An error writing a file is raised by the next ``write`` or by ``close``."""

    AHEAD = 8

    def __init__(self):
        self.pool = None
        self.pending: list = []

    def write(self, data: bytes, path: str) -> None:
        from kb.outputs.formats import write_bytes

        if self.pool is None:
            from concurrent.futures import ThreadPoolExecutor
            self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kb-export-writer")
        self.pending.append(self.pool.submit(write_bytes, data, path))
        while len(self.pending) > self.AHEAD or (self.pending and self.pending[0].done()):
            self.pending.pop(0).result()

    def close(self) -> None:
        """Wait for every file; the first error is raised."""
        while self.pending:
            self.pending.pop(0).result()

    def stop(self) -> None:
        """No file is written after this returns (an error or ^C: the files not yet begun are not)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        self.pending = []


def _export_many(ctx, sources, regulation, version, strict, fmt, output, jobs) -> None:
    """kb export of several texts into the folder output, one file each, on every core; the files are
    the same as one ``kb export`` of each text writes.  An error stops the export at its text (its file
    and line, exit 2) and writes nothing: the files go into the folder only when every text exported."""
    from kb import pool

    if regulation or version:
        raise KbError("导出多个文本时不能用 --regulation/--version：请写 法规@版本")
    if not output or output == "-":
        raise KbError("导出多个文本需要用 -o 给出一个目录（每个文本写成其中一个文件）")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise KbError("导出多个文本时 -o 应为目录，这是一个文件", output)
    targets = [resolve_target(ctx, s, None, None) for s in sources]
    suffix = {"json": ".json", "akn": ".xml", "docx": ".docx", "pdf": ".pdf"}[fmt]
    names = [(t.spec.replace("/", "_") if t.regulation is not None else Path(t.path).stem) + suffix for t in targets]
    seen: dict[str, str] = {}
    for s, name in zip(sources, names):
        if name in seen:
            raise KbError(f"两个文本会写成同一个文件 {name}：{seen[name]} 与 {s}（请分两次导出到不同目录）")
        seen[name] = s
    # written into a sibling temporary folder and moved into the folder only when every text has
    # exported: bad input leaves nothing half-written (nor a mix of old and new files)
    import shutil

    from kb.errors import os_error

    tmp = folder.parent / f".{folder.name}.kb-{os.getpid()}.tmp"
    try:
        tmp.mkdir()
    except OSError as e:
        raise os_error(e, output, writing=True) from None
    said: list[str] = []
    root = project_root(ctx, required=False)       # once, for every text: the project its citations link to
    work = [(t, "docx" if fmt == "pdf" else fmt, strict, root) for t in targets]
    writer = _Writer()
    try:
        try:
            words = []
            with pool.using(jobs), click.progressbar(length=len(work), label="导出", file=sys.stderr) as bar:
                for name, (data, msgs) in zip(names, pool.ordered_map(_export_job, work,
                                                                      name=lambda job: job[0].spec)):
                    if fmt == "pdf":
                        words.append(data)
                    else:
                        writer.write(data, str(tmp / name))
                    said += msgs
                    bar.update(1)
            if fmt == "pdf":
                from kb.site.pdf import pdfs_of
                for name, data in zip(names, pdfs_of(words, list(sources))):
                    writer.write(data, str(tmp / name))
            writer.close()
        finally:
            writer.stop()
            for msg in said:
                click.echo(msg, err=True)
        try:
            if not folder.exists():
                os.rename(tmp, folder)
            else:
                for name in names:
                    os.replace(tmp / name, folder / name)
        except OSError as e:
            raise os_error(e, output, writing=True) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    click.echo(f"已写入 {len(work)} 个文件到 {output}", err=True)
