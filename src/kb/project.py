"""The project on disk: its root (where mkdocs.yml is), configuration, and the
regulations under ``regulation/``, each with a ``meta.yml`` and one source file
per version.  Versions are addressed as ``regulation@version``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kb.errors import KbError


@dataclass
class VersionMeta:
    name: str
    file: str
    label: str = ""
    status: str | None = None
    date: str | None = None
    comment: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)


@dataclass
class RegulationMeta:
    id: str
    folder: Path
    title: str
    short_title: str | None = None
    jurisdiction: str | None = None
    issuing_body: str | None = None
    versions: list[VersionMeta] = field(default_factory=list)
    raw: dict = field(default_factory=dict)

    def version(self, name: str | None) -> VersionMeta:
        if not self.versions:
            raise KbError("元数据中没有列出任何版本", str(self.folder / "meta.yml"))
        if name is None:
            return self.versions[-1]
        for v in self.versions:
            if v.name == name or v.label == name:
                return v
        names = "、".join(v.name for v in self.versions)
        raise KbError(f"法规“{self.id}”没有版本“{name}”（已有：{names}）", str(self.folder / "meta.yml"))

    def path(self, v: VersionMeta) -> Path:
        return self.folder / v.file

    def doc_meta(self, v: VersionMeta) -> dict:
        """Metadata handed to the parser: version values override regulation values."""
        return {"title": self.title, "status": v.status, "regulation": self.id, "version": v.name,
                "version_label": v.label, "date": v.date, "comment": v.comment,
                "jurisdiction": self.jurisdiction, "issuing_body": self.issuing_body,
                "short_title": self.short_title}


def find_root(start: str | os.PathLike | None = None) -> Path:
    p = Path(start or os.getcwd()).resolve()
    for d in (p, *p.parents):
        if (d / "mkdocs.yml").is_file():
            return d
    raise KbError("找不到项目根目录（从当前目录向上没有 mkdocs.yml）；请在项目内运行或使用 --root", str(p))


def _yaml_load(path: Path):
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold !!python/name: tags (material's emoji settings); read them as text
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=_Loader) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise KbError(f"YAML 格式错误：{getattr(e, 'problem', e)}", str(path),
                      mark.line + 1 if mark else None) from None


def load_config(root: Path) -> dict:
    """kb's settings: the options of the ``kb`` plugin in mkdocs.yml."""
    cfg = _yaml_load(root / "mkdocs.yml")
    for p in cfg.get("plugins") or []:
        if isinstance(p, dict) and "kb" in p:
            return p["kb"] or {}
    return {}


def load_regulation(root: Path, reg_id: str) -> RegulationMeta:
    folder = root / "regulation" / reg_id
    meta_path = folder / "meta.yml"
    if not meta_path.is_file():
        known = "、".join(r.id for r in list_regulations(root)) or "无"
        raise KbError(f"没有法规“{reg_id}”（已有：{known}）", str(root / "regulation"))
    raw = _yaml_load(meta_path)
    if not raw.get("title"):
        raise KbError("元数据缺少 title", str(meta_path))
    versions = []
    for v in raw.get("versions") or []:
        if not v.get("name") or not v.get("file"):
            raise KbError("每个版本都需要 name 和 file", str(meta_path))
        versions.append(VersionMeta(name=str(v["name"]), file=v["file"], label=v.get("label") or v["name"],
                                    status=v.get("status"), date=str(v["date"]) if v.get("date") else None,
                                    comment=v.get("comment") or {}, raw=v))
    return RegulationMeta(id=reg_id, folder=folder, title=raw["title"], short_title=raw.get("short_title"),
                          jurisdiction=raw.get("jurisdiction"), issuing_body=raw.get("issuing_body"),
                          versions=versions, raw=raw)


def list_regulations(root: Path) -> list[RegulationMeta]:
    base = root / "regulation"
    if not base.is_dir():
        return []
    return [load_regulation(root, d.name) for d in sorted(base.iterdir()) if (d / "meta.yml").is_file()]


def default_regulation(root: Path) -> str:
    cfg = load_config(root)
    if cfg.get("default_regulation"):
        return cfg["default_regulation"]
    regs = list_regulations(root)
    if not regs:
        raise KbError("regulation/ 下没有任何法规", str(root / "regulation"))
    return regs[0].id


def split_spec(spec: str) -> tuple[str, str | None]:
    reg, _, ver = spec.partition("@")
    return reg, (ver or None)


@dataclass
class Target:
    """What a command works on: a known version, or a bare file."""
    path: Path
    regulation: RegulationMeta | None = None
    version: VersionMeta | None = None

    @property
    def spec(self) -> str:
        if self.regulation and self.version:
            return f"{self.regulation.id}@{self.version.name}"
        return str(self.path)

    def meta(self) -> dict:
        return self.regulation.doc_meta(self.version) if self.regulation else {}


def looks_like_path(source: str) -> bool:
    """A file path rather than a regulation name: has a folder separator or an extension."""
    return os.sep in source or "/" in source or "." in os.path.basename(source)


def resolve(root: Path | None, source: str | None = None, regulation: str | None = None,
            version: str | None = None) -> Target:
    """A file path, a ``reg@ver`` spec, or --regulation/--version (defaults from configuration)."""
    if source and "@" not in source and (os.path.exists(source) or looks_like_path(source)):
        path = Path(source)
        if root is not None:
            # a file inside regulation/ is known to the project: use its metadata
            for reg in list_regulations(root):
                for v in reg.versions:
                    if path.exists() and reg.path(v).resolve() == path.resolve():
                        return Target(path, reg, v)
        return Target(path)
    if source:
        regulation, v2 = split_spec(source)
        version = v2 or version
    if root is None:
        raise KbError("找不到项目根目录（从当前目录向上没有 mkdocs.yml）；请在项目内运行或使用 --root")
    reg = load_regulation(root, regulation or default_regulation(root))
    v = reg.version(version)
    return Target(reg.path(v), reg, v)


def load(target: Target, strict: bool = False):
    from kb.text.parse import parse_file

    return parse_file(str(target.path), meta=target.meta(), strict=strict)
