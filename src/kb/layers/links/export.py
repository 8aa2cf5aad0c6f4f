"""The layer's part of ``kb export``: definitions, references and term uses as plain dicts
(kb.outputs.export calls ``export_layer`` of each layer)."""
from __future__ import annotations

from pathlib import Path

from kb.layers.laws import law_index
from kb.layers.links.defining import definitions
from kb.layers.links.internal import references
from kb.layers.links.terms import term_uses
from kb.project import project_of
from kb.text.model import Document


def export_layer(doc: Document, root: Path | None = None) -> dict:
    """``root``: the knowledge base being exported (the command's project, the site's); None: the one
    the document's file is in.  Never the current directory: a site built with ``--root`` from
    elsewhere linked no citation to its laws."""
    root = root if root is not None else project_of(doc)
    try:
        index = law_index(root=root) if root is not None else None
    except Exception:                 # outside a project: external references stay unlinked
        index = None
    return {"definitions": [d.to_dict() for d in definitions(doc)],
            "references": [r.to_dict() for r in references(doc, index)],
            "uses": [u.to_dict() for u in term_uses(doc)]}
