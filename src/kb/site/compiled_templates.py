"""The templates a build compiles, kept for the next build.

jinja2 compiles each template a build uses (kb's pages and the theme's, some sixty) to Python before it renders
it: a twentieth of rebuilding one regulation of 200.  Their compiled code is kept in the project's cache, in the
folder of this version of kb's code (kb.layers.cache.code_folder: private to its owner, left behind when kb's code
changes), under a name made of what compiling depends on besides the template's own text — jinja2's, mkdocs' and
the theme's versions and the environment's syntax and compiling options —, each template by its name, its file
and a checksum of its text (jinja2's FileSystemBytecodeCache; written atomically, so concurrent builds only ever
read whole files).  Where the cache is off or not private, nothing is kept; a cache that cannot be written or read
costs the next build the compiling only.
"""
from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache


class _Kept(FileSystemBytecodeCache):
    """jinja2's cache of compiled templates in a folder, each template's compiled code checked against its text and
    what compiling it depended on besides (_options: the environment as it is when the template is loaded); a file
    that cannot be read or written (the folder removed meanwhile, a full disk) means compiling, never a failed
    build."""

    def get_bucket(self, environment, name, filename, source):
        options = _options(environment)
        bucket = Bucket(environment, self.get_cache_key(name, filename),
                        self.get_source_checksum(f"{options!r}\0{source}"))
        if options is not None:
            self.load_bytecode(bucket)
        return bucket

    def set_bucket(self, bucket) -> None:
        if _options(bucket.environment) is not None:
            super().set_bucket(bucket)

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def keep_compiled(env: jinja2.Environment, root: Path | None) -> None:
    """Let ``env`` keep the templates it compiles for the project at ``root``, and read those kept (see the module
    docstring); nothing when the project's cache is off or not private."""
    from kb.layers.cache import code_folder

    folder = code_folder(root) if root is not None else None
    if folder is None:
        return
    where = folder / "templates"
    try:
        os.makedirs(where, mode=0o700, exist_ok=True)
    except OSError:
        return
    env.bytecode_cache = _Kept(str(where))


def _options(env: jinja2.Environment) -> tuple | None:
    """What compiling a template depends on besides its text (jinja2's, mkdocs' and the theme's versions, the
    environment's syntax and options, how each filter and test is called), or None when that includes code no
    name says (autoescaping decided by a function, a finalize function: jinja2 compiles the call of it into every
    output and applies it to the template's constant text when compiling)."""
    if not isinstance(env.autoescape, bool) or env.finalize is not None:
        return None
    syntax = (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
              env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
              env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
              env.keep_trailing_newline)
    policies = sorted((k, v) for k, v in env.policies.items() if isinstance(v, (str, int, float, bool, type(None))))
    # the code calls each filter and test with the context, the environment or neither, as the function says
    called = [sorted((n, str(getattr(f, "jinja_pass_arg", None))) for n, f in table.items())
              for table in (env.filters, env.tests)]
    return (*_versions(), syntax, env.autoescape, env.optimized, env.is_async, sorted(env.extensions), policies, called)


@functools.cache
def _versions() -> tuple[str, ...]:
    """jinja2's, mkdocs' and the theme's versions, read once per process: importlib.metadata looks through every
    folder of sys.path at each call (0.7 ms; a build loads some sixty templates, each asking), and the code a process
    runs is the code it imported, whatever is installed meanwhile."""
    from importlib import metadata

    versions = []
    for dist in ("jinja2", "mkdocs", "mkdocs-material"):
        try:
            versions.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{dist}=")
    return tuple(versions)
