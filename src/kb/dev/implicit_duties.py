"""Recall of the duties stated without a modal word (gold ``explicit: false``), by construction.

Issue 11's miss classes put "duties without a modal word" among the largest (round 20: 112 texts, 698 records), but no
measure said which of its forms kb misses.  This tool matches kb's records to the gold duties of the annotated texts
exactly as ``kb score-obligations`` does at duty level (``match_duties``: same article, paragraph, item, actor and
modality, the action overlapping, the same time limit), then sorts every gold duty by the construction that states it —
read from the words of its provision just before its action (the clause from the last 。；：, up to the action's first
characters) — and prints recall by construction, by records and by texts (a text counts as missed for a construction
when one of its duties of that construction is missed).  The records kb adds with ``explicit: false`` that match no gold
duty are sorted the same way (a declarative that is no duty, or a duty kb gave to a wrong actor).

    python -m kb.dev.implicit_duties                 # the tuning set
    python -m kb.dev.implicit_duties --set held-out  # (only once a round is scored: held-out texts are not read before)
    python -m kb.dev.implicit_duties -v 负责          # the missed duties and the false records of one construction

The classes are a reading aid, not a rule of kb's: the first that fits wins, in the order of ``CONSTRUCTIONS``.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict

from kb.dev import paths
from kb.dev.score_obligations import (actor_key, expand_action, gold_files, load_doc, load_gold_file, pair_duties,
                                      predicted, provision_texts, texts_of)

#: (name, pattern over the clause before the action, pattern over the action's start); the first that fits names the
#: construction.  The clause is the text from the last 。；： before the action to its start (the subject and what stands
#: between it and the verb), the head the action's first 12 characters.
CONSTRUCTIONS: list[tuple[str, re.Pattern | None, re.Pattern | None]] = [
    ("要", re.compile(r"(?<![需重主只必所])要$"), None),
    ("不予 (refusal)", None, re.compile(r"^不予")),
    ("负责", re.compile(r"负责$"), re.compile(r"^负责")),
    ("主管", re.compile(r"主管$"), re.compile(r"^主管")),
    ("履行/承担……职责", None, re.compile(r"^(?:具体)?(?:履行|承担|行使)")),
    ("按照职责做好", None, re.compile(r"^(?:按照|依照|根据|在)(?:各自|其)?(?:的)?(?:职责|职能|职权)")),
    ("协助/配合", None, re.compile(r"^(?:依法)?(?:协助|配合)")),
    ("牵头/会同/组织", re.compile(r"(?:牵头|会同[^，]*)$"), re.compile(r"^(?:牵头|会同|组织|统筹|协调)")),
    ("对Y给予 (grant)", re.compile(r"对[^，。；]*$|^国家"),
     re.compile(r"^(?:依法|按照[^，]{0,12}规定)?(?:给予|予以|奖励|表彰|补偿|补贴)")),
    ("实行……", None, re.compile(r"^(?:实行|实施|建立|设立)")),
    ("承担……责任 (civil)", None, re.compile(r"^(?:依法)?(?:承担|负责赔偿|赔偿|支付)")),
    ("督促/责令的对象", re.compile(r"(?:督促|责令|要求)[^，。；]*$"), None),
    ("由X + verb", re.compile(r"由[^，。；]*$"), None),
    ("的任务是/职责是/职权是 list", re.compile(r"(?:任务|职责|职权|义务)(?:是|为|如下|包括)?$"), None),
]
OTHER = "other declarative"
ITEM = "list item (lead-in without modal)"
#: a modal word of the spec standing in the clause before the action: the duty is explicit there (gold says so too)
_MODAL = re.compile(r"应当|(?<![相供适反效])应(?![急用对变])|必须|(?<![无必])须|不得|禁止|严禁|可以|(?<![许])可(?![能见])|有权")


def construction(text: str, start: int, action: str, item: bool = False) -> str:
    """The construction that states the duty whose action begins at start in the node's text."""
    cut = max(text.rfind(c, 0, start) for c in "。；：")
    before = text[cut + 1:start].strip()
    head = action[:12]
    for name, pb, pa in CONSTRUCTIONS:
        if (pb is not None and pb.search(before)) or (pa is not None and pa.search(head)):
            return name
    if item and not before:
        return ITEM
    return OTHER


def _locate(text: str, action: str) -> int:
    """Where the gold action starts in the node's text (-1 when it is not found there)."""
    first = (action or "").split("……")[0]
    for n in (len(first), 12, 6, 3):
        if n and first[:n] and (i := text.find(first[:n])) >= 0:
            return i
    return -1


def measure(which: str = "tuning"):
    """Per construction: gold duties (found, total), texts (missed in, with), false explicit=false records; and the
    explicit duties' (found, total); with the examples for -v."""
    from kb.layers.actors import load_registry

    reg = load_registry(paths.REPO)
    canon = actor_key(reg)
    rec = defaultdict(lambda: [0, 0])          # construction -> [found, total]
    texts = defaultdict(lambda: [set(), set()])  # construction -> [texts missing one, texts having one]
    false = Counter()
    false_texts = defaultdict(set)
    explicit = [0, 0]
    examples = defaultdict(list)
    reasons = defaultdict(Counter)              # construction -> why its misses were missed -> count
    for f in gold_files(which=which):
        gf = load_gold_file(f)
        if gf.schema < 2:
            continue
        doc = load_doc(gf.data, f)
        if doc is None:
            continue
        nodes = provision_texts(doc)
        pred = predicted(gf, doc, reg)
        text_of = texts_of(doc)
        used_g, used_p = pair_duties(gf.duties, pred, canon, text_of)
        for gi, g in enumerate(gf.duties):
            hit = gi in used_g
            if g.explicit:
                explicit[0] += hit
                explicit[1] += 1
                continue
            text = nodes.get((g.article, g.p, g.i), ("", False))[0]
            at = _locate(text, g.action or "")
            c = construction(text, at, g.action or "", g.i is not None) if at >= 0 else OTHER
            rec[c][0] += hit
            rec[c][1] += 1
            texts[c][1].add(gf.name)
            if not hit:
                texts[c][0].add(gf.name)
                why = _why(g, pred, canon, text_of)
                reasons[c][why] += 1
                examples[c].append(f"  miss[{why}] {gf.name} {g.article}.{g.p}{'.' + str(g.i) if g.i else ''} "
                                   f"{g.actor} {g.m}: {text[max(0, at - 25):at + 30] if at >= 0 else g.action}")
        # kb's explicit=false records that match no gold duty (the scorer's one-to-one pairing: its false records)
        for j, s in enumerate(pred):
            if s.explicit or j in used_p:
                continue
            text = text_of(s.eid)
            at = text.find(s.action) if s.action else -1
            c = construction(text, at, s.action or "", s.item is not None) if at >= 0 else OTHER
            false[c] += 1
            false_texts[c].add(gf.name)
            examples["false " + c].append(f"  false {gf.name} {s.article}.{s.paragraph}{'.' + str(s.item) if s.item else ''}"
                                          f" {s.actor} {s.modality}: {text[max(0, at - 25):at + 30]}")
    return rec, texts, false, false_texts, explicit, examples, reasons


def _why(g, pred, canon, text_of) -> str:
    """Why kb missed the gold duty g: "action" when kb has a record of its (article, paragraph, item, actor, modality)
    whose action or time limit differs; "actor" when kb states the duty (same place and modality, the action
    overlapping) of another actor or of none it gave this name; "none" when kb states nothing like it there."""
    place = (g.article, g.p, g.i)
    here = [s for s in pred if (str(s.article), s.paragraph, s.item) == place and s.modality == g.m]
    if any(canon(s.actor) == canon(g.actor) for s in here):
        return "action"
    if any(_same(g, s, text_of) for s in here):
        return "actor"
    return "none"


def _same(g, s, text_of) -> bool:
    """Is kb's record s the gold duty g (its action overlapping, the same time limit: match_duties' test)?"""
    from kb.dev.score_obligations import ACTION_OVERLAP, dice, limit_key
    return dice(expand_action(g.action or "", text_of(s.eid)), s.action or "") >= ACTION_OVERLAP and \
        limit_key(g.limit) == limit_key(getattr(s, "deadline", None))


def _arguments(argv):
    """The options, checked (code review 24 finding 7: a hand-rolled reader gave a traceback for ``--set`` without a
    value, measured nothing for a mistyped set and ignored an unknown option); None after a refusal (exit 2)."""
    import argparse

    ap = argparse.ArgumentParser(prog="python -m kb.dev.implicit_duties", description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="constructions (a part of the name: 负责, grant) whose misses and false "
                                             "records to print; naming one prints them without -v")
    ap.add_argument("--set", dest="which", choices=("tuning", "held-out"), default="tuning", help="the gold files' set")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the misses and false records of every class")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:     # argparse's usage error (2), or --help (0)
        return e.code if isinstance(e.code, int) else 2
    known = [name for name, _, _ in CONSTRUCTIONS] + [OTHER, ITEM]
    unknown = [o for o in args.names if not any(o in c for c in known)]
    if unknown:
        print(f"没有名为 {'、'.join(unknown)} 的句式（可用：{'、'.join(known)}）", file=sys.stderr)
        return 2
    return args


def main(argv=None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else list(argv))
    if isinstance(args, int):
        return args
    which, only = args.which, args.names
    verbose = args.verbose or bool(only)
    if not gold_files(which=which):
        print(f"没有 set: {which} 的标注文件", file=sys.stderr)
        return 1
    rec, texts, false, false_texts, explicit, examples, reasons = measure(which)
    tot = [sum(v[0] for v in rec.values()), sum(v[1] for v in rec.values())]
    print(f"{which}: explicit duties found {explicit[0]} / {explicit[1]} = {explicit[0] / max(1, explicit[1]):.3f}; "
          f"explicit: false {tot[0]} / {tot[1]} = {tot[0] / max(1, tot[1]):.3f}")
    print(f"{'construction':34} {'recall':>6} {'found':>6} {'gold':>5} {'missed':>6} {'texts missed/with':>18} "
          f"{'false recs':>10} {'texts':>5}  misses: actor / action / none")
    names = sorted(set(rec) | set(false), key=lambda c: -(rec[c][1] - rec[c][0]) if c in rec else 0)
    for c in names:
        found, total = rec[c] if c in rec else (0, 0)
        t = texts[c] if c in texts else (set(), set())
        print(f"{c:34} {found / total if total else 0:6.3f} {found:6} {total:5} {total - found:6} "
              f"{len(t[0]):>8} / {len(t[1]):<8} {false[c]:10} {len(false_texts[c]):5}  "
              f"{reasons[c]['actor']} / {reasons[c]['action']} / {reasons[c]['none']}")
    if verbose:
        for c in names:
            if only and c not in only and not any(o in c for o in only):
                continue
            for k in (c, "false " + c):
                if examples.get(k):
                    print(f"\n## {k}")
                    print("\n".join(examples[k]))
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
