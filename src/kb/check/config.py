"""A project's settings for ``kb check``: rules switched off or given another severity, and more
ways of writing the same notion for ``term-variant``.

Read from the kb plugin's options in mkdocs.yml (``check:``) and from ``check.yml`` at the project
root (which wins, rule by rule)::

    rules:
      form-halfwidth: off            # off | error | warning | info (错误 / 警告 / 提示)
      duty-modal-word: info
      placeholder: {comment: info, vote: error, adopted: error}   # per stage of the text
    variants:
      - [居民委员会, 居委会]          # the first is the preferred form

A setting kb does not know is an error naming the file and line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kb.check.registry import SEVERITIES, SEVERITY_NAMES, STAGES
from kb.errors import KbError

OFF = "off"
DEFAULT = "default"
_OFF_WORDS = {"off", "false", "no", "关", "关闭", "否"}
_ON_WORDS = {"on", "true", "yes", "开", "开启", "是"}
_BY_NAME = {v: k for k, v in SEVERITY_NAMES.items()}
KEYS = ("rules", "variants")
HELP = "可用：error、warning、info、off，或按阶段写 {comment: info, vote: error, adopted: error}"


@dataclass
class CheckConfig:
    rules: dict[str, str | dict[str, str]] = field(default_factory=dict)
    variants: list[list[str]] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)    # rule id -> "file:line" of its setting
    files: list[str] = field(default_factory=list)
    upper_threshold: float | None = None    # upper-repeat: least share of repeated wording (kb check --threshold)

    def severity(self, rule_id: str, stage: str, default: str) -> str:
        s = self.rules.get(rule_id, DEFAULT)
        if isinstance(s, dict):
            s = s.get(stage, DEFAULT)
        return default if s == DEFAULT else s

    def where(self, rule_id: str) -> str:
        return self.origin.get(rule_id, "")


def load_config(root: Path | None) -> CheckConfig:
    """The project's settings (mkdocs.yml's kb plugin ``check:``, then check.yml); empty outside a project."""
    cfg = CheckConfig()
    if root is None:
        return cfg
    mk = Path(root) / "mkdocs.yml"
    node = _plugin_check_node(mk) if mk.is_file() else None
    if node is not None:
        _read(node, str(mk), cfg)
    own = Path(root) / "check.yml"
    if own.is_file():
        doc = _compose(own)
        if doc is not None:
            _read(doc, str(own), cfg)
    return cfg


def read_config_file(path: Path, cfg: CheckConfig | None = None) -> CheckConfig:
    """Settings from one file (``kb check --config FILE``), on top of ``cfg``."""
    cfg = cfg or CheckConfig()
    if not path.is_file():
        raise KbError("找不到检查配置文件", str(path))
    doc = _compose(path)
    if doc is not None:
        _read(doc, str(path), cfg)
    return cfg


# -- reading YAML with line numbers -------------------------------------------------------------

def _compose(path: Path):
    """The YAML node tree of a file (nodes keep their line); tags (mkdocs.yml's !!python/name) are
    left unresolved, so any file mkdocs reads can be read here."""
    import yaml

    from kb.text.sources import decode_utf8, yaml_error

    with open(path, "rb") as f:
        text = decode_utf8(f.read(), path)
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        raise yaml_error(e, path, text) from None


def _line(node) -> int:
    return node.start_mark.line + 1


def _get(node, key: str):
    import yaml

    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _plugin_check_node(path: Path):
    import yaml

    doc = _compose(path)
    plugins = _get(doc, "plugins") if doc is not None else None
    if not isinstance(plugins, (yaml.SequenceNode, yaml.MappingNode)):
        return None
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else [yaml.MappingNode("", [kv]) for kv in plugins.value]
    for p in entries:
        kb = _get(p, "kb")
        if kb is not None:
            return _get(kb, "check")
    return None


def _read(node, file: str, cfg: CheckConfig) -> None:
    import yaml

    from kb.check.rules import all_rules

    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return
    if not isinstance(node, yaml.MappingNode):
        raise KbError("检查配置应为映射（rules:、variants:）", file, _line(node))
    cfg.files.append(file)
    rules = all_rules()
    for k, v in node.value:
        if k.value == "rules":
            if isinstance(v, yaml.ScalarNode) and v.value in ("", "~", "null"):
                continue
            if not isinstance(v, yaml.MappingNode):
                raise KbError("rules 应为“规则: 设置”的映射", file, _line(v))
            for rk, rv in v.value:
                if rk.value not in rules:
                    raise KbError(f"没有规则“{rk.value}”（可用：{'、'.join(rules)}）", file, _line(rk))
                cfg.rules[rk.value] = _setting(rk.value, rv, file)
                cfg.origin[rk.value] = f"{file}:{_line(rk)}"
        elif k.value == "variants":
            cfg.variants.extend(_variants(v, file))
        else:
            raise KbError(f"未知的检查配置项“{k.value}”（可用：{'、'.join(KEYS)}）", file, _line(k))


def _setting(rule_id: str, node, file: str) -> str | dict[str, str]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        out = {}
        for sk, sv in node.value:
            if sk.value not in STAGES:
                raise KbError(f"规则 {rule_id}：没有阶段“{sk.value}”（可用：{'、'.join(STAGES)}）", file, _line(sk))
            out[sk.value] = _severity_word(rule_id, sv, file)
        return out
    return _severity_word(rule_id, node, file)


def _severity_word(rule_id: str, node, file: str) -> str:
    import yaml

    word = node.value.strip() if isinstance(node, yaml.ScalarNode) else None
    if word is not None:
        w = word.lower()
        if w in _OFF_WORDS:
            return OFF
        if w in _ON_WORDS:
            return DEFAULT
        if w in SEVERITIES:
            return w
        if word in _BY_NAME:
            return _BY_NAME[word]
    shown = word if word is not None else "（非单个值）"
    raise KbError(f"规则 {rule_id} 的设置“{shown}”无效（{HELP}）", file, _line(node))


def _variants(node, file: str) -> list[list[str]]:
    import yaml

    if not isinstance(node, yaml.SequenceNode):
        raise KbError("variants 应为列表，每项是同一概念的几种写法，如 [居民委员会, 居委会]", file, _line(node))
    out = []
    for g in node.value:
        forms = [x.value.strip() for x in g.value if isinstance(x, yaml.ScalarNode)] \
            if isinstance(g, yaml.SequenceNode) else []
        if len(forms) < 2 or not all(forms) or len(forms) != len(g.value):
            raise KbError("variants 的每一项应列出至少两种写法，如 [居民委员会, 居委会]", file, _line(g))
        out.append(forms)
    return out
