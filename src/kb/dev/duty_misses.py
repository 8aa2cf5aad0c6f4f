"""The duty-level differences of kb against the gold files, classed by construction (issue 11).

Every gold duty kb misses and every record of kb's that matches no gold duty (``score_obligations.pair_duties``,
the scorer's own matching) is put in one class, mechanically: a miss is paired with kb's unmatched record of the
same article, paragraph and item (the same modality and the closest name first) and classed by what differs; a miss
with no such record is classed by what the gold names there and how the provision writes it; a record left unpaired
is a false record.  Classes are counted by the texts they occur in (a class one text alone has is no general defect,
the brief of the seventeenth session), beside the number of duties.  Engineer 11b classed rounds 24–26 the same way
with a script outside the repository (tests/data/obligations/README.md, "The next causes after ranks and posts"); this
is that reading kept, so that the next round's table is one command:

    python -m kb.dev.duty_misses --round 27              # the texts held out in round 27 (tuning since)
    python -m kb.dev.duty_misses --round 24-26 -v        # rounds 24 to 26, with every difference
    python -m kb.dev.duty_misses                         # the whole tuning set

Besides the classes, each difference is tagged with the named constructions the brief of issue 11 asks about
(``TAGS``: army bodies by 军区 / 部队, 主体 or 用户 as a party's head, a violator named only in the article cited),
so that their spread can be counted on the same run.  Only the tuning set's gold files are read (``set: tuning``); a
text held out by another stage can be one of them (code review 24 finding 1: 北京市中医药条例, related round 25r).  The
lead's decision (twenty-fourth session, 2026-12-08, after engineer e11j's first run printed the differences of
beijing-dongwu-fangyi, the obligation data of related round 31r's 北京市实施《动物防疫法》办法): such a file is left out
(``kb.dev.related_cv.HELD_OUT_TEXTS``, the related round's texts), and the count of files left out is printed — kb's
duties of a text being annotated for another stage are no one's to read until its round is scored.  The obligation
round's own files join the tuning set only once scored, and are read then (``--round 35`` right after the scoring).
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass

#: the classes, in the order a difference is tested (the first that applies); label for the table
CLASSES = (
    ("boundary", "party and modality right: the action or the time limit differs"),
    ("modality", "the party right, another modality"),
    ("cut", "a party's name cut short (a modifier or a list's shared words lost)"),
    ("long", "a party's name too long"),
    ("as_one", "another party taken: a list's members read as one"),
    ("other_party", "another party of the clause taken"),
    ("other_both", "another party and another modality"),
    ("violator", "no record: the violator of a liability clause not seen"),
    ("body_acts", "no record: the body that acts on a violation not seen"),
    ("item", "no record: a list item whose party is named only in its lead-in"),
    ("not_in_text", "no record: the gold's name is not written in the provision (an annotator's name or a carried party)"),
    ("relative", "no record: a party named by a relative clause (……的X)"),
    ("member", "no record: a member of a list of parties"),
    ("subject", "no record: the party written in the provision not found"),
    ("false_liability", "false: a sanction or a liability no gold records"),
    ("false_node", "false: a record in a provision the gold gives no duty"),
    ("false", "false: another record no gold duty matches"),
)
LABELS = dict(CLASSES)

#: named constructions (issue 11's brief of the seventeenth session): tag -> (label, test on the gold or kb name, test
#: on the provision's text)
TAGS = {
    "army": ("an army body by 军区 / 部队", re.compile(r"(?:军区|军分区|警备区|部队)$"), None),
    "zhuti": ("主体 as a party's head", re.compile(r"主体$"), None),
    "yonghu": ("用户 / 用水户 as a party's head", re.compile(r"(?:用户|用水户|用电户|用气户)$"), None),
    "cited": ("a violator named only in the article cited (违反本条例第X条规定)", None,
              re.compile(r"违反本(?:条例|法|办法|规定|细则)第[一二三四五六七八九十百零〇]+条")),
}

_LIST_SEP = re.compile(r"[、和及或与]")
_LEVEL = re.compile(r"\s*\[[^\]]*\]$")


@dataclass
class Difference:
    text: str               # the gold file's stem
    cls: str
    article: str
    p: int
    i: int | None
    gold: str | None        # the gold duty's actor and modality ("actor modality"), None for a false record
    kb: str | None          # kb's record's actor and modality, None when kb has none there
    tags: tuple = ()
    actions: tuple = ("", "")  # the gold's action and kb's (for reading a boundary difference)

    def line(self) -> str:
        where = f"{self.article}.{self.p}" + (f".{self.i}" if self.i else "")
        acts = f" «{self.actions[0][:30]}» / «{self.actions[1][:30]}»" if self.cls == "boundary" else ""
        return f"{self.text} {where} [{self.cls}] gold: {self.gold or '—'} | kb: {self.kb or '—'}" + \
            (f" ({', '.join(self.tags)})" if self.tags else "") + acts


def _bare(name: str) -> str:
    """A gold actor without its levels in brackets (河长 [市级] → 河长)."""
    return _LEVEL.sub("", name or "")


def classify_miss(g, cands: list, canon, text: str, lead: str) -> tuple[str, object]:
    """(class, kb's record paired with the miss or None): g a gold duty kb missed, cands kb's unmatched records of
    the same provision, text the provision's text, lead its paragraph's text (for an item)."""
    ga = canon(g.actor)
    same = [s for s in cands if canon(s.actor) == ga]
    for s in same:
        if s.modality == g.m:
            return "boundary", s
    if same:
        return "modality", same[0]
    bare = _bare(g.actor)
    mod = [s for s in cands if s.modality == g.m]
    for s in mod:
        if s.actor and s.actor != bare and s.actor in bare:
            return "cut", s
    for s in mod:
        if s.actor and bare in s.actor and s.actor != bare:
            return "long", s
    for s in mod:
        if s.actor and _LIST_SEP.search(s.actor) and (bare[-2:] in s.actor):
            return "as_one", s
    if mod:
        return "other_party", mod[0]
    if cands:
        return "other_both", cands[0]
    if g.m == "liability":
        return "violator", None
    if g.m == "sanction":
        return "body_acts", None
    if bare not in text:
        if g.i is not None and bare in lead:
            return "item", None
        return "not_in_text", None
    at = text.find(bare)
    before = text[:at]
    if before.endswith("的"):
        return "relative", None
    after = text[at + len(bare):at + len(bare) + 1]
    if (before[-1:] and _LIST_SEP.match(before[-1:])) or (after and _LIST_SEP.match(after)):
        return "member", None
    return "subject", None


def _tags(names: list[str], text: str, liable: str | None = None) -> tuple:
    """The named constructions of a difference: names the gold's and kb's actors, liable the gold's liable party when
    the difference is a missed liability (a violator the provision does not write, only the article it cites)."""
    out = []
    for tag, (_, name_re, text_re) in TAGS.items():
        if name_re is not None and any(n and name_re.search(_bare(n)) for n in names):
            out.append(tag)
        if text_re is not None and liable and _bare(liable) not in text and text_re.search(text):
            out.append(tag)
    return tuple(out)


def differences(path, reg=None) -> list[Difference] | None:
    """Every duty-level difference of one gold file, classed (None when its corpus text is not available or the file
    has no actions: schema 1)."""
    from kb.dev.paths import REPO
    from kb.dev.score_obligations import (actor_key, load_doc, load_gold_file, pair_duties, predicted, provision_texts,
                                          texts_of)
    from kb.layers.actors import load_registry

    gf = load_gold_file(path)
    if gf.schema < 2:
        return None
    doc = load_doc(gf.data, path)
    if doc is None:
        return None
    reg = reg or load_registry(REPO)
    canon = actor_key(reg)
    pred = predicted(gf, doc, reg)
    used_g, used_p = pair_duties(gf.duties, pred, canon, texts_of(doc))
    nodes = provision_texts(doc)
    left: dict[tuple, list] = defaultdict(list)
    for j, s in enumerate(pred):
        if j not in used_p:
            left[(str(s.article), s.paragraph, s.item)].append(s)
    gold_nodes = {(d.article, d.p, d.i) for d in gf.duties}
    out = []
    for gi, g in enumerate(gf.duties):
        if gi in used_g:
            continue
        key = (g.article, g.p, g.i)
        text, _ = nodes.get(key, ("", False))
        lead = nodes.get((g.article, g.p, None), ("", False))[0]
        cands = left.get(key, [])
        # the closest name first among the records of the same modality (a shared character run)
        cands.sort(key=lambda s: (s.modality != g.m, -len(set(s.actor) & set(_bare(g.actor)))))
        cls, s = classify_miss(g, cands, canon, text, lead)
        if s is not None:
            cands.remove(s)
        names = [g.actor] + ([s.actor] if s is not None else [])
        out.append(Difference(gf.name, cls, g.article, g.p, g.i, f"{g.actor} {g.m}",
                              f"{s.actor} {s.modality}" if s is not None else None,
                              _tags(names, text, g.actor if g.m == "liability" else None),
                              (g.action or "", s.action if s is not None else "")))
    for key, ss in left.items():
        text = nodes.get(key, ("", False))[0]
        for s in ss:
            if s.modality in ("sanction", "liability"):
                cls = "false_liability"
            elif key not in gold_nodes:
                cls = "false_node"
            else:
                cls = "false"
            out.append(Difference(gf.name, cls, key[0], key[1], key[2], None, f"{s.actor} {s.modality}",
                                  _tags([s.actor], text)))
    return out


_ROUNDS = re.compile(r"([0-9]+)(?:-([0-9]+))?")


def rounds_arg(value: str) -> frozenset[int]:
    """The held-out rounds of ``--round`` ("27", "24-26", "24,25"); argparse refuses anything else with exit 2 (code
    review 24 finding 6: ``--round x`` was a traceback and ``--round 28-27`` an empty selection, "nothing found")."""
    import argparse

    wanted = set()
    for part in value.split(","):
        m = _ROUNDS.fullmatch(part.strip())
        if m is None or int(m.group(2) or m.group(1)) < int(m.group(1)):
            raise argparse.ArgumentTypeError(f"轮次应为 N、N-M（N ≤ M）或以逗号分隔的这些，给的是 {value!r}")
        wanted.update(range(int(m.group(1)), int(m.group(2) or m.group(1)) + 1))
    return frozenset(wanted)


def select(rounds: frozenset[int] | None, names=(), readable_only: bool = True) -> list:
    """The tuning gold files: of the held-out rounds given (``rounds_arg``), or all — never one whose text this session
    holds out for another stage (:func:`readable`) unless ``readable_only`` is False (only to count them)."""
    from kb.dev.score_obligations import gold_files
    from kb.dev.subject_cv import held_out_round
    files = gold_files(names, "tuning")
    if readable_only:
        files = [f for f in files if readable(f)]
    if not rounds:
        return files
    return [f for f in files if held_out_round(f) in rounds]


def readable(path) -> bool:
    """Whether a gold file's text may be read this session: not a text the related round holds out
    (``kb.dev.related_cv.HELD_OUT_TEXTS``); a file without a corpus text (the seed's) may."""
    import yaml

    from kb.dev.heldout import title_of
    from kb.dev.related_cv import HELD_OUT_TEXTS

    corpus = (yaml.safe_load(open(path, encoding="utf-8")) or {}).get("corpus")
    return not corpus or title_of(corpus) not in HELD_OUT_TEXTS


def table(diffs: list[Difference]) -> list[tuple[str, int, int]]:
    """[(class, duties, texts)] in CLASSES order, then the tags: ("tag:army", duties, texts)."""
    n, t = Counter(), defaultdict(set)
    for d in diffs:
        n[d.cls] += 1
        t[d.cls].add(d.text)
        for tag in d.tags:
            n["tag:" + tag] += 1
            t["tag:" + tag].add(d.text)
    rows = [(c, n[c], len(t[c])) for c, _ in CLASSES if n[c]]
    rows += [("tag:" + tag, n["tag:" + tag], len(t["tag:" + tag])) for tag in TAGS if n["tag:" + tag]]
    return rows


def main(argv=None) -> int:
    import argparse

    from kb.dev.paths import REPO
    from kb.layers.actors import load_registry

    ap = argparse.ArgumentParser(prog="python -m kb.dev.duty_misses", description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="gold files by stem (default: every tuning file of the rounds)")
    ap.add_argument("--round", dest="rounds", type=rounds_arg,
                    help="held-out rounds the texts came from: 27, 24-26, 24,25")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every difference")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:     # argparse's usage error (2), or --help (0)
        return e.code if isinstance(e.code, int) else 2
    from kb.dev.score_obligations import refuse_unknown_names
    if refuse_unknown_names(args.names):
        return 2
    every = select(args.rounds, args.names, readable_only=False)
    files = [f for f in every if readable(f)]
    held = len(every) - len(files)
    if held:
        print(f"{held} 个标注文件的文本本会话为相关条文环节留出，不读（kb.dev.related_cv.HELD_OUT_TEXTS）", file=sys.stderr)
    if not files:     # a valid round with no tuning file (yet): nothing found
        print("没有符合条件的标注文件", file=sys.stderr)
        return 1
    reg = load_registry(REPO)
    diffs, texts = [], 0
    for f in files:
        d = differences(f, reg)
        if d is None:
            continue
        texts += 1
        diffs += d
        if args.verbose:
            for x in sorted(d, key=lambda x: (x.cls, x.article)):
                print(x.line())
    misses = sum(1 for d in diffs if d.gold)
    print(f"{texts} texts: {misses} gold duties missed, {len(diffs) - misses} false records")
    print(f"{'class':16} {'duties':>6} {'texts':>5}  label")
    for c, n, k in table(diffs):
        label = LABELS.get(c) or TAGS[c[4:]][0]
        print(f"{c:16} {n:>6} {k:>5}  {label}")
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
