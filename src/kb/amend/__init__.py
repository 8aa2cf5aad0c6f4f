"""Amending: apply a 修改决定 or 修正案 to a regulation (apply.py, on the text laid out by state.py,
numbered again by renumber.py), and draft the decision that turns one version into another
(draft.py, written out by write.py).  Above the comparison (kb.compare) and the cross-link layer
(kb.layers.links), below the site and the CLI."""
