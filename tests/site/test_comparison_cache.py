"""The comparison the 对照表 download works out is the one the comparison page shows (kb.site.planning.SitePlan.
comparison): kept by the versions it compares — each one's spec and text — not by the ids of the objects holding
them, which a new object may take once one is gone."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT


def _version(spec: str, text: str, tmp: Path):
    from kb.text.parse import parse_file

    f = tmp / f"{spec.replace('@', '-')}.txt"
    f.write_text(text, encoding="utf-8")
    return SimpleNamespace(spec=spec, doc=parse_file(str(f)))


def test_a_comparison_is_kept_by_the_versions_it_compares_not_by_object_ids(tmp_path):
    from kb.site.planning import SitePlan

    text = (ROOT / "regulation" / "suining-community" / "draft.txt").read_text(encoding="utf-8")
    changed = text.replace("社区", "街道", 1)
    old, new = _version("r@old", text, tmp_path), _version("r@new", changed, tmp_path)
    plan = SitePlan(ROOT, None, True, "", [], "r")
    made = plan.comparison(old, new, keep=True)
    # the same versions held by other objects (the download's and the page's need not be the same ones)
    assert plan.comparison(SimpleNamespace(spec=old.spec, doc=old.doc),
                           SimpleNamespace(spec=new.spec, doc=new.doc)) is made
    # the page took it: asked again, it is worked out afresh
    assert plan.comparison(old, new) is not made
    # another text under the same spec is another comparison, never the one kept
    kept = plan.comparison(old, new, keep=True)
    (tmp_path / "edited").mkdir()
    other = _version("r@new", changed.replace("街道", "乡镇", 1), tmp_path / "edited")
    assert plan.comparison(old, other, keep=True) is not kept
    assert plan.comparison(old, new) is kept
