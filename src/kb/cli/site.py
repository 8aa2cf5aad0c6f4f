"""``kb build`` and ``kb serve``: the public site (mkdocs + the kb plugin in kb.site)."""
from __future__ import annotations

import errno
import time
from pathlib import Path

import click

from kb.cli.core import project_root
from kb.errors import KbError, os_error


def _log_to_terminal(quiet: bool):
    """mkdocs reports through logging: show its warnings (and errors) in Chinese form."""
    import logging

    class H(logging.Handler):
        def emit(self, record):
            if record.levelno >= logging.WARNING:
                tag = "错误" if record.levelno >= logging.ERROR else "警告"
                click.echo(f"{tag}：{record.getMessage().strip()}", err=True)

    h = H(logging.WARNING)
    lg = logging.getLogger("mkdocs")
    lg.addHandler(h)
    lg.setLevel(logging.INFO)
    lg.propagate = False
    return h


def build_site(root: Path, site_dir: str | None = None, strict: bool = False, catalog: bool = True,
               progress=None, force: bool = False) -> dict:
    """Refresh the catalog, then build the site with mkdocs: nothing when no input changed since
    the last build (found before mkdocs is imported: kb.site.freshness.up_to_date), only the changed
    regulations' pages (and the site's own) when only their files changed, else everything (always
    with ``force``); see :mod:`kb.site.freshness`.  Returns figures for the summary."""
    from kb.site import freshness

    say = progress or (lambda m: None)
    t0 = time.perf_counter()
    kept = None if force else freshness.up_to_date(root, site_dir, catalog, strict)
    if kept is not None:
        if catalog:
            say("检索目录已是最新")
        say(_FRESH)
        out = {"catalog": "已是最新" if catalog else None, "rebuilt": "fresh", "mkdocs_seconds": 0.0,
               "seconds": time.perf_counter() - t0, **kept}
        if not out["local_site_url"]:
            del out["local_site_url"]
        return out
    from mkdocs import exceptions as mkx
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from urllib.parse import urlsplit

    from kb.catalog import configured_engine, open_catalog
    from kb.site import progress as site_progress
    from kb.site.rendering import LOCAL_HOSTS

    out = {"catalog": None}
    catalog_fresh = False
    if catalog:
        t = time.perf_counter()
        say("刷新检索目录 …")
        try:
            cat = open_catalog(root, configured=configured_engine(root))
            if cat.is_stale():
                cat.build()
                out["catalog"] = f"已重建（{time.perf_counter() - t:.1f} 秒）"
            else:
                out["catalog"] = "已是最新"
            catalog_fresh = True
            say(f"检索目录{out['catalog']}")
        except KbError:
            raise
        except Exception as e:  # noqa: BLE001 - the site does not depend on the catalog
            out["catalog"] = f"刷新失败：{type(e).__name__}: {e}"
            click.echo(f"警告：检索目录{out['catalog']}（网站照常生成）", err=True)
    site_progress.PROGRESS = say
    target = str(Path(site_dir).resolve()) if site_dir else None
    try:
        kw = {"site_dir": target} if site_dir else {}
        cfg = load_config(str(root / "mkdocs.yml"), strict=strict, **kw)
        target = cfg.site_dir
        t = time.perf_counter()
        fp, todo, previous = _what_to_build(root, cfg, force, strict)
        out["rebuilt"] = todo
        plugin = cfg.plugins.get("kb") if hasattr(cfg.plugins, "get") else None
        if todo == "fresh":
            say(_FRESH)
            fp.update({k: previous.get(k) for k in ("panels", "listings", "indexes")})
        else:
            freshness.forget(root, cfg.site_dir)
            if isinstance(todo, set):
                say(f"只重建改动的法规：{'、'.join(sorted(todo))}（及首页、专题汇编）")
                _dirty_build(build, cfg, todo, previous.get("panels") or {}, previous.get("listings") or {},
                             previous.get("indexes") or {})
                out["panels_changed"] = set(plugin.panels_changed)
                if plugin.panels_changed:
                    say(f"相关条文有变化，也重建：{'、'.join(sorted(plugin.panels_changed))}")
                out["listed_changed"] = set(plugin.listed_changed)
                if plugin.listed_changed:
                    say(f"跨法规的主体页有增减，也重建：{'、'.join(sorted(plugin.listed_changed))}")
            else:
                build(cfg)
            if plugin is not None:
                fp["panels"] = plugin.panels
                fp["listings"] = plugin.listings
                fp["indexes"] = plugin.indexes
        out["mkdocs_seconds"] = time.perf_counter() - t
        walk = freshness.site_walk(Path(cfg.site_dir))
        if walk is None:
            raise KbError("网站构建后找不到网站目录", str(cfg.site_dir))
        local = cfg.site_url if cfg.site_url and urlsplit(cfg.site_url).hostname in LOCAL_HOSTS else None
        fp.update(outputs=walk.pop("digest"), local_site_url=local,
                  catalog=freshness.catalog_state(root) if catalog_fresh else None,
                  strict=strict or (todo == "fresh" and previous.get("strict") is True))
        if plugin is not None and freshness.unchanged_since(root, cfg.site_dir, fp):
            freshness.remember(root, fp, default=site_dir is None)    # (a site kb does not make: always in full)
        elif plugin is not None:
            say("构建期间有输入文件被改动：不记下这次构建，下次 kb build 全部重建")
    except mkx.Abort as e:
        raise KbError(f"网站构建中止：{e}", str(root / "mkdocs.yml")) from None
    except (mkx.ConfigurationError, mkx.PluginError, mkx.BuildError) as e:
        raise KbError(f"网站构建失败：{e}", str(root / "mkdocs.yml")) from None
    except OSError as e:
        # mkdocs writes the site (copies the theme's files, writes the pages) without a word of
        # its own: a read-only or full disk, no permission, a file where a folder should be
        where = e.filename or target or str(root)
        writing = target is None or str(where).startswith(str(target)) or e.errno in (errno.ENOSPC, errno.EROFS)
        raise os_error(e, where, writing=writing) from None
    finally:
        site_progress.PROGRESS = None
    out["seconds"] = time.perf_counter() - t0
    out["site_dir"] = str(cfg.site_dir)
    if local:
        out["local_site_url"] = local
    out.update(walk)
    return out


_FRESH = "网站已是最新：原文、元数据、模板和 kb 都没有改动（kb build --force 全部重建）"


def _what_to_build(root: Path, cfg, force: bool, strict: bool = False):
    """(fingerprint of the inputs, "fresh" | {regulation ids} | "full", the last build's record); ``strict`` after a
    build that was not: "full", for mkdocs to see every page's warnings (that build may have had some)."""
    from kb.site import freshness

    plugin = cfg.plugins.get("kb") if hasattr(cfg.plugins, "get") else None
    folders = [cfg.docs_dir, getattr(cfg.theme, "custom_dir", None)]
    if plugin is not None:
        folders.append(root / plugin.config.templates)
    previous = freshness.previous(root, cfg.site_dir)
    fp = freshness.fingerprint(root, Path(cfg.site_dir), [Path(f) for f in folders if f], previous)
    if force or plugin is None or (strict and previous.get("strict") is not True):
        return fp, "full", previous
    return fp, freshness.plan(previous or None, fp, freshness.site_walk(Path(cfg.site_dir))), previous


def _dirty_build(build, cfg, regs: set[str], panels: dict, listings: dict | None = None,
                 indexes: dict | None = None) -> None:
    """mkdocs' dirty build with only ``regs``' pages marked modified (the kb plugin's ``only``), and the
    actor pages across regulations that list one of them or changed (``listings``: the previous build's;
    ``indexes``: the hashes of the search indexes it wrote, which tell whether a kept one may be reused):
    their old output is removed first, so a page the text no longer has does not linger; mkdocs'
    warning that dirty builds are for development does not apply and is not shown."""
    import logging
    import shutil

    from kb.site.plugin import valid_listings

    for r in regs:
        shutil.rmtree(Path(cfg.site_dir) / r, ignore_errors=True)
    plugin = cfg.plugins["kb"]
    plugin.only = set(regs)
    plugin.previous_panels = panels
    plugin.previous_listings = valid_listings(listings)
    plugin.previous_indexes = indexes if isinstance(indexes, dict) else {}
    quiet = logging.Filter()
    quiet.filter = lambda record: "'dirty' build" not in record.getMessage()
    lg = logging.getLogger("mkdocs.commands.build")
    lg.addFilter(quiet)
    try:
        build(cfg, dirty=True)
    finally:
        lg.removeFilter(quiet)
        plugin.only = None
        plugin.previous_panels = {}
        plugin.previous_listings = {}
        plugin.previous_indexes = {}


@click.command("build")
@click.option("-d", "--site-dir", default=None, help="输出目录（默认为 mkdocs.yml 中的 site_dir，即 site/）")
@click.option("--strict", is_flag=True, help="把 mkdocs 的警告当作错误（退出码 2）")
@click.option("--no-catalog", is_flag=True, help="不刷新检索目录（kb.catalog）")
@click.option("-q", "--quiet", is_flag=True, help="只输出错误与最后的摘要")
@click.option("--check", "run_check", is_flag=True,
              help="先用 kb check 检查各法规的最新版本，有“错误”级别的问题时不生成网站（退出码 1）")
@click.option("--force", is_flag=True, help="全部重建（默认只重建有改动的法规；什么都没改时不重建）")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="用几个进程解析各版本、计算分析层（默认每个核一个；1：只用本进程）")
@click.pass_context
def build_cmd(ctx, site_dir, strict, no_catalog, quiet, run_check, force, jobs):
    """从 regulation/ 生成网站：全部页面（由模型经 templates/ 模板生成）、站内检索索引、
    下载文件（原文、JSON、义务矩阵 CSV/XLSX、Akoma Ntoso XML、新旧对照表 DOCX），并刷新检索目录。"""
    root = project_root(ctx)
    if run_check:
        from kb.cli.check import build_gate
        if not build_gate(root):
            click.echo("构建中止：kb check 发现错误（见上）", err=True)
            ctx.exit(1)
    handler = _log_to_terminal(quiet)
    say = (lambda m: None) if quiet else (lambda m: click.echo(f"· {m}", err=True))
    from kb import pool
    try:
        with pool.using(jobs):
            r = build_site(root, site_dir, strict=strict, catalog=not no_catalog, progress=say, force=force)
    finally:
        import logging
        logging.getLogger("mkdocs").removeHandler(handler)
    _no_last_collection()
    if r.get("local_site_url"):
        click.echo(f"提示：site_url 是本机地址（{r['local_site_url']}）；发布前请用 KB_SITE_URL 设定网站的发布地址",
                   err=True)
    click.echo(f"完成：{r['site_dir']}　{r['pages']} 个页面（HTML 共 {r['html_bytes'] / 1e6:.1f} MB，"
               f"全部文件 {r['bytes'] / 1e6:.1f} MB），{len(r['downloads'])} 个下载文件，"
               f"用时 {r['seconds']:.1f} 秒")


def _no_last_collection() -> None:
    """At the end of the process (atexit, which runs before it), the objects alive are set aside from the
    collection the interpreter makes as it ends: it would walk the whole site's model once more (0.3 s of CPU
    at 200 regulations) to free what the end of the process frees anyway.  A process that goes on after the
    build (tests calling the command) is left as it is until it ends."""
    import atexit
    import gc

    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


@click.command("serve")
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="监听地址:端口")
@click.option("--no-livereload", is_flag=True, help="不自动刷新")
@click.pass_context
def serve_cmd(ctx, dev_addr, no_livereload):
    """本地预览网站；regulation/ 下的文本或模板改动后自动重建并刷新浏览器。"""
    from mkdocs import exceptions as mkx
    from mkdocs.commands.serve import serve

    root = project_root(ctx)
    _log_to_terminal(False)
    click.echo(f"预览地址：http://{dev_addr}/（Ctrl+C 结束）", err=True)
    try:
        serve(str(root / "mkdocs.yml"), livereload=not no_livereload, dev_addr=dev_addr)
    except (mkx.ConfigurationError, mkx.PluginError, mkx.Abort) as e:
        raise KbError(f"网站预览失败：{e}", str(root / "mkdocs.yml")) from None
