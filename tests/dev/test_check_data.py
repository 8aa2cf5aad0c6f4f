"""The data kb score-check reads (tests/data/check): the held-out texts stay apart from every text the
rules were written on, and every judgement row is well formed."""
from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest
import yaml

from conftest import CORPUS, DATA, REPO, ROOT, need_shared
from kb.dev.score_check import HELD_OUT_DIR

CHECK = DATA / "check"
TEXTS = yaml.safe_load((CHECK / "texts.yml").read_text(encoding="utf-8"))
PLANT = yaml.safe_load((CHECK / "plant.yml").read_text(encoding="utf-8"))["texts"]


def regulation(path: str) -> str:
    return re.sub(r"\(\d{4}-\d\d-\d\d\)\.md$|\.md$", "", path)


SCAN = TEXTS.get("scan") or {}


def test_held_out_texts_share_no_regulation_with_tuning_planted_or_scanned_texts():
    held = {regulation(p) for p in TEXTS["held_out"].values()}
    seen = {regulation(p) for p in list(TEXTS["tuning"].values()) + PLANT + [x["text"] for x in SCAN.values()]}
    assert len(held) == len(TEXTS["held_out"]) == 8
    assert not held & seen
    assert not set(TEXTS["held_out"]) & set(TEXTS["tuning"])
    assert not set(SCAN) & (set(TEXTS["held_out"]) | set(TEXTS["tuning"]))


def test_scanned_texts_name_rules_that_exist():
    from kb.check.rules import all_rules
    assert SCAN and all(set(x["rules"]) <= set(all_rules()) for x in SCAN.values())


def test_the_held_out_texts_of_rounds_one_to_five_are_tuning_texts_now():
    for name in ("nongchanpin", "yj-wenming", "cq-dibao", "jianchaguan", "yuye", "cq-jiaoyu-duzhao",
                 "bj-xiangcun", "renda-yishi", "bj-laji", "bj-qixiang", "cq-guiqiao", "bj-fankong",
                 "cq-zimaoqu", "fan-zhapian", "cq-youzheng", "gd-linmu"):
        assert name in TEXTS["tuning"]
        assert (CHECK / "judged" / f"{name}.tsv").is_file()
    for old in ("held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5"):
        assert not (CHECK / "judged" / old).exists()


ROUND_TWO = ["jianchaguan", "yuye", "shangye-yinhang", "bj-nongcun-gufen", "bj-yingshang", "gd-dili-biaozhi",
             "sz-maodun", "cq-jiaoyu-duzhao"]


def test_no_file_of_the_repository_names_a_held_out_text():
    """The lead drew them among texts the repository does not use: only this data names them, so nobody
    read them while writing rules, tests or docs."""
    if subprocess.run(["git", "-C", str(REPO), "rev-parse"], capture_output=True).returncode:
        pytest.skip("不是 git 工作区")
    for path in TEXTS["held_out"].values():
        title = re.sub(r"\(\d{4}-\d\d-\d\d\)$", "", regulation(path).rsplit("/", 1)[-1])
        out = subprocess.run(["git", "-C", str(REPO), "grep", "-l", "-F", title], capture_output=True, text=True)
        named = [f for f in out.stdout.split() if not f.startswith("tests/data/check/")]
        assert not named, (title, named)


def test_every_judgement_row_is_well_formed():
    files = sorted(CHECK.glob("judged/**/*.tsv"))
    assert len(files) >= 20
    for path in files:
        assert path.stem in (SCAN if path.parent.name == "scan" else TEXTS["held_out"] if path.parent.name == HELD_OUT_DIR
                             else TEXTS["tuning"]), path
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        for row in rows:
            assert row["verdict"] in ("0", "1"), (path.name, row)
            assert row["rule"] and int(row["line"]) > 0, (path.name, row)


def test_the_round_two_draw_gives_its_texts_again():
    need_shared(CORPUS)
    if subprocess.run(["git", "-C", str(REPO), "cat-file", "-e", "4c5af94^{commit}"], capture_output=True).returncode:
        pytest.skip("没有 4c5af94 这一提交（浅克隆），无法重演抽取")
    out = subprocess.run([sys.executable, str(CHECK / "draw_round2.py")], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin",
                              "KB_SHARED": str(CORPUS.parents[1])})
    assert out.stdout.split() == [TEXTS["tuning"][name] for name in ROUND_TWO]


def test_the_judges_files_are_what_the_scorer_reads(tmp_path):
    """The held-out procedure on a tuning text: kb score-check --dump-to writes every finding with an empty
    verdict; once a judge fills the verdicts (here: from judged/seed.tsv) the file, copied among the
    judgements, matches every finding; and a judge's file is never overwritten."""
    from click.testing import CliRunner

    from kb.dev.score_check import load_judgements, score_cmd

    out = tmp_path / "heldout"
    res = CliRunner().invoke(score_cmd, ["--dump-to", str(out), "--only", "seed"])
    assert res.exit_code == 0, res.output
    with (out / "seed.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert rows and all(r["verdict"] == "" and r["rule"] and int(r["line"]) > 0 and r["source"] for r in rows)
    assert all(r["text"] == "suining-community@draft" for r in rows)
    judged = load_judgements(CHECK / "judged" / "seed.tsv")
    for r in rows:                       # the judge's work: a verdict in each row
        r["verdict"] = str(judged[(r["rule"], int(r["line"]), r["words"])][0])
    filled = tmp_path / "seed.tsv"
    with filled.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    assert set(load_judgements(filled)) == {(r["rule"], int(r["line"]), r["words"]) for r in rows}
    again = CliRunner().invoke(score_cmd, ["--dump-to", str(out), "--only", "seed"])
    assert again.exit_code != 0 and "不覆盖" in again.output


def test_runs_over_the_whole_corpus_leave_the_held_out_texts_out(tmp_path):
    """kb bench check reads the whole corpus: never the held-out texts, nor another version of them."""
    need_shared(CORPUS)
    import shutil

    from kb.dev.bench_check import _texts
    from kb.dev.score_check import _regulation, held_out_files

    held = held_out_files(CORPUS)
    assert {CORPUS / p for p in TEXTS["held_out"].values()} <= held
    # a held-out law filed under two branches (反电信网络诈骗法 was: 行政法/ and 社会法/) is left out in both
    assert all(_regulation(f.name) in {_regulation(p.rsplit("/", 1)[-1]) for p in TEXTS["held_out"].values()}
               for f in held)
    for rel in [TEXTS["held_out"]["cq-gangkou"], TEXTS["tuning"]["guanshui"]]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# 占位\n", encoding="utf-8")    # never a held-out text's words
    shutil.copy(CORPUS / TEXTS["tuning"]["guanshui"], tmp_path / TEXTS["tuning"]["guanshui"])
    text = (CORPUS / TEXTS["tuning"]["guanshui"]).read_text(encoding="utf-8")
    other_version = re.sub(r"\(\d{4}-\d\d-\d\d\)", "(1989-04-04)", TEXTS["held_out"]["cq-gangkou"])
    elsewhere = "行政法/" + other_version.rsplit("/", 1)[-1]
    for rel in (other_version, elsewhere):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert [f.relative_to(tmp_path).as_posix() for f in _texts(tmp_path, None)] == [TEXTS["tuning"]["guanshui"]]


def test_the_score_gives_every_rule_and_what_a_drafter_is_warned_about_apart():
    """kb score-check prints two overall figures: every rule, and the rules at 警告/错误 by default; a rule
    at 提示 is out of the second and listed apart with its precision (a demotion hides nothing)."""
    from kb.check.rules import all_rules
    from kb.dev.score_check import Tally, pool, report, warns

    rules = all_rules()
    assert not warns(rules["form-trailing-space"]) and warns(rules["placeholder"]) and warns(rules["ref-missing"])
    tallies = {"ref-missing": Tally(judged=10, right=10, planted=10, found=10),
               "form-trailing-space": Tally(judged=10, right=2, planted=10, found=10)}
    assert pool(tallies, rules).p == 0.6 and pool(tallies, ["ref-missing"]).f1 == 1.0
    out = report(tallies, "标题").splitlines()
    every = next(x for x in out if x.startswith("全部规则（合计）")).split()
    warned = next(x for x in out if x.startswith("警告及以上的规则（合计）")).split()
    assert every[1:4] == ["20", "12", "0.600"] and every[-1] == "0.750"
    assert warned[2:5] == ["10", "10", "1.000"] and warned[-1] == "1.000"
    apart = out[out.index(next(x for x in out if x.startswith("默认为“提示”的规则"))) + 1:]
    assert "  form-trailing-space：P 0.200（2/10）" in apart
    assert not any("ref-missing" in x for x in apart)
