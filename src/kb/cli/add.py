"""``kb add``: put a text into the knowledge base — one file as a version of a regulation, or every
text of a folder (a corpus) with its metadata."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kb.cli.core import project_root
from kb.errors import KbError
from kb.outputs.formats import to_json, write_text


@click.command("add")
@click.argument("path", metavar="文件或目录")
@click.option("--regulation", "-r", default=None, help="法规名（regulation/ 下的目录名，也可写 法规@版本）；新法规会被创建")
@click.option("--version", "-v", "version", default=None, help="版本名（如 draft、revised、2024-03-29）")
@click.option("--label", default=None, help="版本的显示名称（如 修改稿）；不给时不写，读者看到的是版本的状态、日期或版本名")
@click.option("--status", default=None, help="版本状态（如 草案征求意见稿、现行有效）")
@click.option("--date", default=None, help="版本日期（YYYY-MM-DD）")
@click.option("--title", default=None, help="新法规的标题；默认取文本自己的标题（文本没有标题时必须给出）")
@click.option("--level", default=None, help="效力级别（法律、行政法规、地方性法规……）；目录导入时为无法从目录推断者的默认值")
@click.option("--jurisdiction", default=None, help="地域（全国、北京市、四川省遂宁市……）")
@click.option("--issuing-body", default=None, help="制定机关")
@click.option("--validity", default=None, type=click.Choice(["有效", "已修改", "已废止", "草案"]),
              help="效力状态；目录导入时默认按废止法律表判断，语料的文本为 有效，自己目录中的非草案文本不注明")
@click.option("--corpus-root", default=None, type=click.Path(file_okay=False), metavar="目录",
              help="目录导入：语料的根目录（source.files 中的路径相对于它）；默认从所给目录向上推断")
@click.option("--no-index", is_flag=True, help="不刷新检索目录")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", help="输出格式")
@click.pass_context
def add_cmd(ctx, path, regulation, version, label, status, date, title, level, jurisdiction, issuing_body,
            validity, corpus_root, no_index, fmt):
    """把文本加入知识库：文件作为一部法规的一个版本，或导入目录中的全部文本。

    \b
    例：kb add 修改稿.docx --regulation suining-community --version revised --label 修改稿
        kb add 新条例.txt -r my-law -v draft --title 某市某某条例 --level 地方性法规
        kb add ../shared/corpus/lawrefbook/DLC/北京地方法规     导入一个目录（带进度条）
    文本逐字节复制到 regulation/<法规>/，元数据写入 meta.yml；重复添加同一文本不做任何改动。
    """
    root = project_root(ctx)
    p = Path(path)
    if not p.exists():
        raise KbError("文件或目录不存在", path)
    meta = {k: v for k, v in (("level", level), ("jurisdiction", jurisdiction), ("issuing_body", issuing_body),
                              ("validity", validity)) if v}
    if p.is_dir():
        rc = _add_folder(root, p, meta, corpus_root, fmt)
    else:
        _add_file(root, p, regulation, version, label, status, date, dict(meta, title=title), fmt)
        rc = 0
    if not no_index:
        _refresh_catalog(root)
    ctx.exit(rc)


def _add_file(root, p, regulation, version, label, status, date, meta, fmt) -> None:
    from kb.library.importer import corpus_file
    from kb.project import add_file, regulation_option

    regulation, version = regulation_option(regulation, version)      # -r 法规@版本 is -r 法规 -v 版本
    if not regulation or not version:
        raise KbError("添加文件需要 --regulation 和 --version（如 kb add 修改稿.docx -r suining-community -v revised）",
                      str(p))
    meta = {k: v for k, v in meta.items() if v}
    effective = None
    found = corpus_file(root, p, regulation)
    if found is not None:
        # the public corpus's own file: what kb add DIR reads from it (level, jurisdiction, issuing body, dates,
        # validity, source), the caller's options before it
        corpus_meta, fields = found
        meta = {**{k: v for k, v in corpus_meta.items() if v is not None}, **meta}
        label, status = label or fields["label"], status or fields["status"]
        date, effective = date or fields["date"], fields["effective"]
    added = add_file(root, p, regulation, version, label=label, status=status, date=date, meta=meta,
                     effective=effective)
    _say_warnings([added])
    if fmt == "json":
        write_text(to_json({"regulation": added.regulation, "version": added.version, "path": str(added.path),
                            "created": added.created, "unchanged": added.unchanged}))
        return
    if added.unchanged:
        click.echo(f"{added.regulation}@{added.version} 已有同一文本，未做改动")
    else:
        what = "新建法规并添加" if added.created else "已添加"
        click.echo(f"{what} {added.regulation}@{added.version}（{added.path.relative_to(root)}）")


def _add_folder(root, folder, defaults, corpus_root, fmt) -> int:
    from kb.library.importer import import_folder, texts_in

    from kb.text.sources import SUPPORTED

    total = len(texts_in(folder))
    if total == 0:
        # nothing to import is "ran, no result" (exit 1), not success: the folder may be the wrong one
        if fmt == "json":
            write_text(to_json({"imported": [], "unchanged": [], "refused": []}))
        click.echo(f"没有找到可导入的文本：{folder} 中没有 {'、'.join(e for e in SUPPORTED if e)} 文件", err=True)
        return 1
    with click.progressbar(length=total, label="导入", file=sys.stderr,
                           show_pos=True) as bar:
        def progress(done, _total, _rel):
            bar.update(1)
        report = import_folder(root, folder, defaults, Path(corpus_root) if corpus_root else None, progress)
    _say_warnings(report.imported + report.unchanged)
    if fmt == "json":
        write_text(to_json({"imported": [f"{a.regulation}@{a.version}" for a in report.imported],
                            "unchanged": [f"{a.regulation}@{a.version}" for a in report.unchanged],
                            "refused": [{"file": str(p), "reason": r} for p, r in report.refused],
                            "validity_unstated": [f"{a.regulation}@{a.version}" for a in report.unstated],
                            "known": [{"file": str(p), "same_as": there} for p, there in report.known],
                            "joined": [{"file": str(p), "as": f"{a.regulation}@{a.version}"} for p, a in report.joined]}))
    else:
        known = f"，{len(report.known)} 个已在知识库中（另有名称）未重复导入" if report.known else ""
        click.echo(f"导入 {len(report.imported)} 个文本，{len(report.unchanged)} 个已存在未改动{known}，"
                   f"{len(report.refused)} 个被拒绝（共 {total} 个文件）")
        for p, reason in report.refused:
            click.echo(f"拒绝：{p}：{reason}")
        for p, there in report.known:
            click.echo(f"已在知识库中：{p} 与 {there} 的文本相同，未重复导入")
        for p, a in report.joined:
            click.echo(f"并入已有法规：{p} 的标题与 {a.regulation} 相同，作为它的版本 {a.regulation}@{a.version} 导入"
                       "（该法规的元数据不变）")
        if report.unstated:
            names = "、".join(f"{a.regulation}@{a.version}" for a in report.unstated)
            click.echo(f"未注明效力状态：{names}（不是取自公开语料，也不是草案，无从判断是否有效；网站上显示“元数据未注明效力状态”。"
                       "已知时可用 --validity 指定，或改 meta.yml 的 validity）")
    return 0 if report.ok else 1


def _say_warnings(added) -> None:
    """What reading each file decided (a .docx's unaccepted tracked changes: file, paragraph, and
    which reading was kept) and what parsing it found (file:line: 条号不连续 …), on stderr as kb parse, kb show
    and kb build say it: kb add is where a text comes in, and where its faults are first told."""
    for a in added:
        for w in a.warnings:
            click.echo(f"警告：{w}", err=True)


def _refresh_catalog(root) -> None:
    from kb.catalog import configured_engine, open_catalog

    cat = open_catalog(root, configured=configured_engine(root))
    with click.progressbar(length=1, label="刷新检索目录", file=sys.stderr) as bar:
        def progress(done, total, key):
            bar.length = total
            bar.update(1)
        cat.build(progress=progress)
