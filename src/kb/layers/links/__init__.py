"""Cross-link layer: definitions, term uses, internal/external references, back-references.

Computed from a parsed :class:`~kb.text.model.Document` without changing it; everything is keyed
by node eid and offsets into that node's ``text`` (paragraphs, items and subitems are the
nodes scanned; the preamble – title block and table of contents – is not).

Public API (agreed with the other layers), importable from ``kb.layers.links``:

- ``definitions(doc) -> list[Definition]``                         (defining.py)
- ``term_uses(doc) -> list[TermUse]``                              (terms.py)
- ``uses_by_definition(definitions, uses)``: each definition, its uses and the provisions they stand in
  (what kb define and the site glossary count as 处; terms.py)
- ``references(doc, index=None) -> list[Reference]``               (internal.py; ``index``:
  :func:`kb.layers.laws.law_index`; citations.py, resolve.py and external.py find them)
- ``backrefs(doc) -> dict[target_eid, list[Reference]]``           (targets.py)
- ``link_warnings(doc) -> list[Issue]`` (references that point nowhere, with file and line; targets.py)
- ``problem_kind(reference.warning)``: what an unresolved reference gets wrong (missing, previous,
  range, list, unclear; resolve.py)
- ``export_layer(doc) -> {"definitions": [...], "references": [...], "uses": [...]}`` (export.py)
- the records ``Definition``, ``TermUse``, ``Reference`` and ``dotted(eid)`` (records.py)

Everything is cached per Document (weakly, scan.py), so the site and search can call freely.
"""
from kb.layers.links.defining import definitions
from kb.layers.links.export import export_layer
from kb.layers.links.internal import references
from kb.layers.links.records import Definition, Reference, TermUse, dotted
from kb.layers.links.resolve import problem_kind
from kb.layers.links.targets import backrefs, link_warnings, own_part
from kb.layers.links.terms import term_uses, uses_by_definition

__all__ = ["Definition", "Reference", "TermUse", "backrefs", "own_part", "definitions", "dotted", "export_layer",
           "link_warnings", "problem_kind", "references", "term_uses",
           "uses_by_definition"]
