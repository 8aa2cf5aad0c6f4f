"""The catalog's boundary: the rest of kb reaches the catalog only through kb.catalog's
interface, never whoosh or the engine's modules; and what makes a catalog stale covers
every module of the layers, however they are split into subpackages."""
from __future__ import annotations

import ast
from pathlib import Path

from kb.catalog import Catalog, fingerprints, open_catalog

PKG = Path(__file__).resolve().parents[2] / "src" / "kb"
#: modules outside kb.catalog allowed to import whoosh itself, and why
WHOOSH_ELSEWHERE = {
    "dev/bench_search.py": "its jieba baseline is a second, competing whoosh index (like its FTS5 one)",
    "dev/bench_index.py": "its whoosh floor is a second, minimal whoosh index (what whoosh costs at the least, "
                          "beside its FTS5 baseline)",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            out |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return out


def test_only_the_catalog_imports_whoosh_and_its_engine():
    bad = []
    for p in sorted(PKG.rglob("*.py")):
        rel = p.relative_to(PKG).as_posix()
        if rel.startswith("catalog/"):
            continue
        for m in imported_modules(p):
            if m.startswith("kb.catalog.whoosh"):
                bad.append(f"{rel} imports {m}: use kb.catalog's interface (open_catalog)")
            elif (m == "whoosh" or m.startswith("whoosh.")) and rel not in WHOOSH_ELSEWHERE:
                bad.append(f"{rel} imports {m}: only kb.catalog knows its engine")
    assert not bad, "\n".join(bad)


def test_open_catalog_gives_the_interface(tmp_path):
    cat = open_catalog(tmp_path)
    assert isinstance(cat, Catalog)
    assert cat.path == tmp_path / ".kb" / "catalog"
    assert not cat.exists() and not cat.usable() and cat.is_stale()
    assert cat.stale_reasons() == ["还没有建立检索目录"]


def test_layer_signature_covers_every_layer_module_and_data_file(tmp_path, monkeypatch):
    layers = tmp_path / "layers"
    for rel in ("__init__.py", "links/__init__.py", "links/definitions.py", "obligations/rules/deontic.py",
                "data/actors.yml", "notes.txt"):
        (layers / rel).parent.mkdir(parents=True, exist_ok=True)
        (layers / rel).write_text(rel, encoding="utf-8")
    monkeypatch.setattr(fingerprints, "LAYERS_DIR", layers)
    sig = fingerprints.layer_signature()
    assert list(sig) == ["__init__.py", "data/actors.yml", "links/__init__.py", "links/definitions.py",
                         "obligations/rules/deontic.py"]
    (layers / "obligations/rules/deontic.py").write_text("changed", encoding="utf-8")
    assert fingerprints.layer_signature() != sig
    assert set(fingerprints.layer_stats()) == set(sig)


def test_the_real_layers_are_all_fingerprinted():
    files = set(fingerprints.layer_files())
    for pattern in ("*.py", "*.yml"):
        found = {p.relative_to(PKG / "layers").as_posix() for p in (PKG / "layers").rglob(pattern)}
        assert found and found <= files, pattern
