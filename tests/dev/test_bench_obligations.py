"""The floor of a one-pass extractor that ``kb bench obligations`` prints (kb.dev.bench_obligations.one_pass): it must
see what the rules start from, or the floor it measures is lower than any real one-pass extractor's."""
from kb.dev.bench_obligations import one_pass, one_pass_pattern, provision_texts
from kb.dev.paths import REPO
from kb.layers.actors import load_registry
from kb.layers.obligations.modals import find_modals
from kb.text.parse import parse_file

SEED = REPO / "regulation" / "suining-community" / "draft.txt"


def test_one_pass_finds_names_levels_modal_words_and_marks_longest_first():
    pattern, kinds = one_pass_pattern(load_registry())
    text = "县级以上人民政府应当加强管理，由民政部门负责。"
    assert [(text[a:b], kind) for a, b, kind in one_pass(text, pattern, kinds)] == [
        ("县级以上", "level"), ("人民政府", "name"), ("应当", "modal"), ("，", "mark"), ("由", "mark"),
        ("民政部门", "name"), ("负责", "mark"), ("。", "mark")]


def test_the_seed_provisions_are_what_the_extractor_reads_and_each_modal_word_is_a_token():
    doc = parse_file(str(SEED))
    texts = provision_texts(doc)
    paragraphs = [p for a in doc.articles for p in a.children if p.kind == "paragraph" and p.text]
    assert len(texts) >= len(paragraphs) > 50
    pattern, kinds = one_pass_pattern(load_registry())
    modals = 0
    for text in texts:
        found = {(a, b) for a, b, kind in one_pass(text, pattern, kinds) if kind == "modal"}
        for (p, e, _, _) in find_modals(text, 0, len(text)):
            assert (p, e) in found, (text, p)
            modals += 1
    assert modals > 30
