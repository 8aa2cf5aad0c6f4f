"""The floor of a one-pass extractor that ``kb bench obligations`` prints (kb.dev.bench_obligations.one_pass): it must
see what the rules start from, or the floor it measures is lower than any real one-pass extractor's."""
import pytest

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


def test_without_a_same_run_baseline_no_ratio_is_claimed(tmp_path, capsys):
    """Without git or the baseline revision the figure stands alone: a ratio to the figure recorded on 2026-12-03 (another
    sample, another load) read 0.77x in a copy of the code where the same-run baseline gave 1.40x (code review 14)."""
    from kb.dev.bench_obligations import run

    law = tmp_path / "shared" / "corpus" / "lawrefbook" / "行政法" / "测试法(2020-01-01).md"
    law.parent.mkdir(parents=True)
    law.write_text("# 测试法\n\n第一条　县级以上人民政府应当加强管理，由民政部门负责。\n\n"
                   "第二条　居民委员会可以协助街道办事处开展工作。\n", encoding="utf-8")
    res = run(str(law.parents[1]), limit=1, against=None)
    out = capsys.readouterr().out
    assert res["ok"] and res["ratio"] is None and res["now"]["texts"] == 1
    assert "no ratio" in out and "x the recorded" not in out


def test_a_bad_argument_is_a_usage_error():
    """Code review 15: --limit with no value was IndexError, --limit abc ValueError (tracebacks, exit 1); now usage
    errors, exit 2, before any text is read."""
    import subprocess
    import sys

    for args, says in ((["--limit"], "expected one argument"), (["--limit", "abc"], "应为正整数：abc"),
                       (["--limit", "0"], "应为正整数：0"), (["--against"], "expected one argument"),
                       (["--rounds", "0"], "应为正整数：0"), (["--chunk", "abc"], "应为正整数：abc")):
        r = subprocess.run([sys.executable, "-m", "kb.dev.bench_obligations", *args], capture_output=True, text=True,
                           timeout=120)
        assert r.returncode == 2 and says in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)


def test_the_sides_take_turns_in_alternating_order_and_the_rounds_spread_is_reported():
    """Engineer p11c (twenty-fourth session): run once each, current code first, the bench read 1.41x and 1.51x within
    the hour for the same code. Now the sides take turns (now/base, then base/now …, round after round) and each
    round's ratio is kept, so that the median and the range show the noise. A fake side: no timing in a unit test."""
    from kb.dev.bench_obligations import BASE, NOW, alternate, orders, spread

    assert orders(3, 1) == [[(NOW, BASE)], [(BASE, NOW)], [(NOW, BASE)]]
    cpu = {NOW: [1.0, 2.0, 2.0, 2.0, 3.0, 3.0], BASE: [1.0, 1.0, 1.0, 1.0, 1.2, 1.2]}
    calls = []

    def measure(side, chunk):
        calls.append((side, chunk))
        return cpu[side].pop(0)

    done = alternate(measure, rounds=3, chunks=2)
    assert calls == [(NOW, 0), (BASE, 0), (BASE, 1), (NOW, 1),
                     (BASE, 0), (NOW, 0), (NOW, 1), (BASE, 1),
                     (NOW, 0), (BASE, 0), (BASE, 1), (NOW, 1)]
    assert [r["first"] for r in done] == [[NOW, BASE], [BASE, NOW], [NOW, BASE]]
    assert [(r[NOW], r[BASE]) for r in done] == [(3.0, 2.0), (4.0, 2.0), pytest.approx((6.0, 2.4))]
    noise = spread(done)
    assert noise["ratios"] == pytest.approx([1.5, 2.0, 2.5])
    assert (noise["median"], noise["min"], noise["max"]) == pytest.approx((2.0, 1.5, 2.5))


def test_each_round_extracts_every_text_afresh_in_turns_of_a_chunk():
    """A side's process lives through all the rounds: each round starts by clearing what it kept, or the second
    round would time a read of the layer cache, not the extraction; the turns cover the sample, chunk by chunk."""
    from kb.dev.bench_obligations import BASE, NOW, _measure

    class FakeSide:
        def __init__(self):
            self.asked = []

        def ask(self, *command):
            self.asked.append(command)
            return {} if command == ("clear",) else {"cpu": 1.0, "statements": command[2] - command[1]}

    sides = {NOW: FakeSide(), BASE: FakeSide()}
    done, statements = _measure(sides, files=5, rounds=2, chunk=2)
    round_ = [("clear",), ("x", 0, 2), ("x", 2, 4), ("x", 4, 6)]
    assert sides[NOW].asked == sides[BASE].asked == round_ * 2
    assert statements == {NOW: 6, BASE: 6} and [(r[NOW], r[BASE]) for r in done] == [(3.0, 3.0)] * 2
