"""Tests of the seed build from the seed as shipped (review item 18): the README's own example adds a version to
regulation/suining-community, and the test suite must still pass afterwards."""
from __future__ import annotations

import shutil

import yaml

from conftest import ROOT, SEED_VERSIONS, copy_seed, need_shared, run_kb


def test_copy_seed_leaves_out_the_versions_a_user_added(tmp_path, capsys):
    fixture = need_shared() / "fixtures" / "suining-revised-draft.txt"
    user = tmp_path / "user"
    user.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", user / "mkdocs.yml")
    shutil.copytree(ROOT / "regulation" / "suining-community", user / "regulation" / "suining-community")
    # the README's example, in a user's project
    rc, out, err = run_kb(["add", str(fixture), "-r", "suining-community", "-v", "revised", "--label", "修改稿",
                           "--no-index"], user, capsys)
    assert rc == 0, err
    added = yaml.safe_load((user / "regulation/suining-community/meta.yml").read_text(encoding="utf-8"))
    assert [v["name"] for v in added["versions"]][-1] == "revised"
    seed = copy_seed(tmp_path / "copy", root=user)
    meta_text = (seed / "meta.yml").read_text(encoding="utf-8")
    meta = yaml.safe_load(meta_text)
    assert tuple(v["name"] for v in meta["versions"]) == SEED_VERSIONS
    assert sorted(p.name for p in seed.iterdir()) == ["draft.txt", "meta.yml"]
    # as written: the comments stay, and the other fields
    assert "# 征求意见期限：原文未载明" in meta_text
    assert {k: v for k, v in meta.items() if k != "versions"} == {k: v for k, v in added.items() if k != "versions"}
    assert (seed / "draft.txt").read_bytes() == (ROOT / "regulation/suining-community/draft.txt").read_bytes()
