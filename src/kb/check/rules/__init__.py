"""The rules, one module per family; importing this package registers them all (registry.RULES)."""
from kb.check.registry import FAMILIES, RULES, Rule
from kb.check.rules import structure, references, laws, terms, duties, form, upper  # noqa: F401  (registers)


def all_rules() -> dict[str, Rule]:
    """Every rule, family by family, in the order each module registers them."""
    order = list(FAMILIES)
    return dict(sorted(RULES.items(), key=lambda kv: order.index(kv[1].family)))
