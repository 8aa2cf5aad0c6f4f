"""The package's layout is its architecture: stages import only stages below them, and no module
imports itself back through others (README, 架构).  Read statically, so a lazy import inside a
function counts as much as one at the top of a module."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "kb"

#: stage -> rank; a module may import modules of its own stage or of a lower rank
RANKS = {"errors": 0, "files": 0.5, "pool": 0.5, "text": 1, "project": 2, "layers": 3, "catalog": 4, "compare": 4, "outputs": 4,
         "amend": 4.5,       # applies and drafts decisions: above the comparison and the outputs, below the site
         "library": 4,
         "site": 5, "check": 5, "cli": 6, "dev": 7}


def module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PKG.rglob("*.py")}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """kb modules a file imports (``from kb.x import y`` counts kb.x.y when that is a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path)
    pkg = here if path.name == "__init__.py" else here.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("kb.")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(pkg.split(".")[: len(pkg.split(".")) - node.level + 1] + ([base] if base else []))
            if not base.startswith("kb"):
                continue
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.add(sub if sub in known else base)
    return {m for m in out if m in known and m != here}


def stage(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else "kb"


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    mods = modules()
    return {m: imports_of(p, set(mods)) for m, p in mods.items()}


def test_every_module_belongs_to_a_stage(graph):
    assert {stage(m) for m in graph} - {"kb", "__main__"} <= set(RANKS)


def test_lower_stages_never_import_higher_ones(graph):
    bad = [(m, d) for m, deps in graph.items() for d in deps
           if stage(m) in RANKS and stage(d) in RANKS and RANKS[stage(d)] > RANKS[stage(m)]]
    assert not bad, "\n".join(f"{m} imports {d}" for m, d in sorted(bad))


def test_the_model_knows_nothing_of_the_project(graph):
    assert not any(d.startswith(("kb.project", "kb.catalog", "kb.site", "kb.cli"))
                   for d in graph["kb.text.model"])


def test_the_site_knows_nothing_of_the_proofreader(graph):
    # kb check is for the drafting office; only `kb build --check` (in cli) runs it before a build
    assert not any(d.startswith("kb.check") for m, deps in graph.items() if stage(m) == "site" for d in deps)


def test_no_import_cycles(graph):
    seen, stack, cycles = set(), [], []

    def visit(m):
        if m in stack:
            cycles.append(stack[stack.index(m):] + [m])
            return
        if m in seen:
            return
        seen.add(m)
        stack.append(m)
        for d in sorted(graph.get(m, ())):
            visit(d)
        stack.pop()

    for m in sorted(graph):
        visit(m)
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


def test_stages_form_no_cycle_between_packages(graph):
    edges = {(stage(m), stage(d)) for m, deps in graph.items() for d in deps if stage(m) != stage(d)}
    same_rank = [(a, b) for a, b in edges if (b, a) in edges]
    assert not same_rank, same_rank
