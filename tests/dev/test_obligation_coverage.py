"""kb score-obligations --coverage, the corpus measure of modal words, leaves out the texts held out this session
(kb.dev.heldout): it read every corpus file, so run on ../shared it parsed and extracted the texts being annotated."""
from __future__ import annotations

from kb.dev.heldout import HELD_OUT_FILES
from kb.dev.score_obligations import coverage


def test_the_corpus_measure_reads_no_held_out_text(tmp_path):
    # a file at a held-out text's path (any content: the name is what counts) and an ordinary one
    held = tmp_path / HELD_OUT_FILES[0]
    held.parent.mkdir(parents=True)
    held.write_text("第一条 市人民政府应当做好工作。第二条 区人民政府应当做好工作。\n", encoding="utf-8")
    other = tmp_path / "社会法" / "某某条例(2020-01-01).md"
    other.parent.mkdir(parents=True)
    other.write_text("第一条 居民委员会应当协助做好工作。\n", encoding="utf-8")
    lines: list[str] = []
    counts = coverage(tmp_path, out=lines.append)
    assert sum(counts.values()) == 1 and counts.get("record") == 1
    assert "语料 1 个文本" in lines[0] and "留出文本 1 个未读" in lines[0]
