"""Score the obligation extractor against hand annotations in ``tests/data/obligations``.

Three measures, per document and pooled, for the tuning set and the held-out set apart (the
``set:`` of each file):

* (article, actor, modality): P/R/F1 over the distinct keys;
* (article, paragraph, item, actor, modality): P/R/F1 over the distinct keys;
* duty level (schema-2 files): each gold duty is matched one-to-one to a record of kb with the
  same (article, paragraph, item, actor, modality) whose action overlaps the gold action (bigram
  Dice >= 0.5 after the gold's …… is expanded to the span it elides) and whose time limit has the
  same number and unit (or the same words when it has no number; none matches none).  Recall is
  the issue's figure; precision counts kb's records that match no gold duty.

Actors are matched through the registry (aliases, a department's level prefix split off), and a
name with a modifier ending in 的 matches its head (接到举报的部门 = 部门, 分管……的负责人 = 负责人),
as the annotation README asks, and a department its stem (城乡规划主管部门 = 城乡规划部门); statements without an actor are not scored (they are listed apart,
as the spec says).  The prefixes the gold files disagree on are ignored in the comparison only, kb's records keep the
text's words (the lead's decision, thirteenth session; ``actor_key``): a leading quantifier 任何 (任何单位 = 单位), a
locator 当地 or ……所在地 (当地人民政府 = 户籍所在地人民政府 = 人民政府) and 国家 before a body's name (国家有关部门 =
有关部门, 国家国防交通主管机构 = 国防交通主管机构); 国家 alone, the state, stays a party.  ``kb.dev.obligation_agreement``
compares two annotations through the same key.

    kb score-obligations                      # every annotated file, tuning and held-out apart
    kb score-obligations --set tuning -v      # one set, with the differences
    kb score-obligations seed -v              # one file
    kb score-obligations --coverage [-v]      # the corpus measure: what every modal word became
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from kb.dev import paths

DATA = paths.DATA / "obligations"
SETS = ("tuning", "held-out")
MODALITIES = ("obligation", "prohibition", "permission", "encouragement", "sanction", "liability")
#: the least bigram Dice between a gold action and kb's for the two to be the same duty
ACTION_OVERLAP = 0.5


@dataclass
class Score:
    name: str
    tp: int
    fp: int
    fn: int

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.name, self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class GoldDuty:
    article: str
    p: int
    i: int | None
    actor: str
    m: str
    action: str | None = None          # schema 1 has none
    limit: str | None = None
    items: list[int] = field(default_factory=list)
    explicit: bool = True

    @property
    def key5(self) -> tuple:
        return (self.article, self.p, self.i, self.actor, self.m)


@dataclass
class GoldFile:
    path: Path
    data: dict
    schema: int
    set: str
    duties: list[GoldDuty]

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass
class FileScore:
    name: str
    set: str
    articles: int
    s3: Score
    s5: Score
    duty: Score | None                  # None for a schema-1 file
    fps: list = field(default_factory=list)
    fns: list = field(default_factory=list)
    duty_misses: list = field(default_factory=list)    # gold duties kb did not find

    def __iter__(self):                  # s3, s5, fps, fns, n: the shape older callers unpack
        return iter((self.s3, self.s5, self.fps, self.fns, self.articles))


# --- gold files ---------------------------------------------------------------------------------

def load_gold_file(path: Path) -> GoldFile:
    """An annotation file: a file whose shape is not an annotation's (a record with no paragraph, an actor that is no
    text, a modality kb does not know, a set other than tuning / held-out …) is a KbError with the file, the line and
    what is wrong (code review 18: it was a TypeError or KeyError traceback, or, for an unknown set, a file scored in
    neither set)."""
    from kb.errors import KbError
    from kb.text.sources import load_yaml

    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise KbError("标注文件应为键值映射（schema:、corpus:、articles: ……），不是列表或单个值", str(path))
    if data.get("schema") not in (None, 1, 2):
        raise KbError(f"schema 应为 1 或 2，不是“{data.get('schema')}”", str(path), _gold_line(path, ("schema",)))
    schema = int(data.get("schema") or 1)
    which = str(data.get("set") or "tuning")
    if which not in ("tuning", "held-out"):
        raise KbError(f"标注的集合“{which}”无效：应为 tuning 或 held-out", str(path), _gold_line(path, ("set",)))
    articles = data.get("articles") or {}
    if not isinstance(articles, dict):
        raise KbError("articles 应为条号到记录列表的映射", str(path), _gold_line(path, ("articles",)))
    duties = []
    for art, rows in articles.items():
        if not isinstance(rows, (list, type(None))):
            raise KbError(f"第{art}条应为记录列表", str(path), _gold_line(path, ("articles", art)))
        for k, r in enumerate(rows or []):
            wrong = _gold_row_problem(r, schema)
            if wrong:
                raise KbError(f"第{art}条的第 {k + 1} 条记录：{wrong}", str(path), _gold_line(path, ("articles", art, k)))
            if schema == 1:
                duties.append(GoldDuty(str(art), r[0], r[1], r[2], r[3]))
            else:
                duties.append(GoldDuty(str(art), r["p"], r.get("i"), r["actor"], r["m"], r.get("action"),
                                       r.get("limit"), list(r.get("items") or []), r.get("explicit", True)))
    return GoldFile(path, data, schema, which, duties)


def _gold_row_problem(r, schema: int) -> str | None:
    """What is wrong with one record of an annotation file (None when nothing)."""
    def number(x):
        return isinstance(x, int) and not isinstance(x, bool)

    if schema == 1:
        if not isinstance(r, list) or len(r) != 4:
            return "schema 1 的记录应为 [款, 项, 主体, 情态] 四项"
        p, i, actor, m = r
    else:
        if not isinstance(r, dict):
            return "应为 {p: 款, actor: 主体, m: 情态, …} 映射"
        p, i, actor, m = r.get("p"), r.get("i"), r.get("actor"), r.get("m")
        if not isinstance(r.get("action"), (str, type(None))):
            return "action（义务内容）应为文字"
        if not isinstance(r.get("items"), (list, type(None))):
            return "items 应为项号列表"
    if not number(p):
        return "p（款号）应为整数"
    if i is not None and not number(i):
        return "i（项号）应为整数"
    if not isinstance(actor, str) or not actor:
        return "actor（主体）应为文字"
    if m not in MODALITIES:
        return f"m（情态）“{m}”无效：应为 {'、'.join(MODALITIES)} 之一"
    return None


def _gold_line(path: Path, keys: tuple) -> int | None:
    """The line of the node at ``keys`` (mapping keys, sequence indexes) of the YAML file at ``path``, for a message."""
    import yaml

    try:
        node = yaml.compose(Path(path).read_text(encoding="utf-8"))
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                node = next(v for k, v in node.value if k.value == str(key))
            else:
                node = node.value[key]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, StopIteration, IndexError, TypeError):
        return None
    return node.start_mark.line + 1


def load_gold(path: Path):
    """(data, [(article, paragraph, item, actor, modality)]) of a gold file of either schema."""
    g = load_gold_file(path)
    return g.data, [(d.article, d.p, d.i, d.actor, d.m) for d in g.duties]


def load_doc(data: dict, path: Path):
    from kb.text.parse import parse_file
    if data.get("corpus"):
        f = paths.shared_dir() / "corpus" / "lawrefbook" / data["corpus"]
        if not f.exists():
            return None
        return parse_file(str(f))
    src = paths.REPO / data["source"]
    return parse_file(str(src))


# --- matching duties -----------------------------------------------------------------------------

def expand_action(action: str, text: str) -> str:
    """The gold action with its …… replaced by what it elides in the provision text (as written
    when the pieces are not found in order)."""
    parts = [p for p in action.split("……") if p]
    if len(parts) < 2:
        return action.replace("……", "")
    a = text.find(parts[0])
    b = text.find(parts[-1], a + len(parts[0])) if a >= 0 else -1
    return text[a:b + len(parts[-1])] if a >= 0 and b >= 0 else "".join(parts)


def dice(a: str, b: str) -> float:
    """Bigram Dice of two strings (a one-character string counts as its own bigram)."""
    if a == b:
        return 1.0
    ga = Counter(a[i:i + 2] for i in range(max(1, len(a) - 1)))
    gb = Counter(b[i:i + 2] for i in range(max(1, len(b) - 1)))
    tot = sum(ga.values()) + sum(gb.values())
    return 2 * sum((ga & gb).values()) / tot if tot else 0.0


_LIMIT_NUM = re.compile(r"([0-9０-９]+|[一二三四五六七八九十两百零]+)个?(工作日|日|天|个月|月|年|小时|分钟|周)")


def limit_key(limit: str | None):
    """A time limit by its number and unit (15个工作日 = 十五个工作日), else its words."""
    if not limit:
        return None
    from kb.text.numerals import parse_numeral, to_ascii_digits
    m = _LIMIT_NUM.search(limit)
    if not m:
        return re.sub(r"^(?:在|于|自)", "", limit)
    n = to_ascii_digits(m.group(1))
    num = int(n) if n.isdigit() else parse_numeral(n)
    return num, {"天": "日", "月": "个月"}.get(m.group(2), m.group(2))


def match_duties(gold: list[GoldDuty], pred: list, canon, text_of) -> tuple[int, list[GoldDuty]]:
    """(matched, unmatched gold duties): one-to-one, the closest actions first."""
    used_g, _ = pair_duties(gold, pred, canon, text_of)
    return len(used_g), [g for gi, g in enumerate(gold) if gi not in used_g]


def pair_duties(gold: list[GoldDuty], pred: list, canon, text_of) -> tuple[set[int], set[int]]:
    """(indexes of the gold duties matched, indexes of kb's records matched): one-to-one, the closest actions first
    (``kb.dev.duty_misses`` classifies what is left on both sides)."""
    by_key: dict[tuple, list[int]] = {}
    for j, s in enumerate(pred):
        by_key.setdefault((str(s.article), s.paragraph, s.item, canon(s.actor), s.modality), []).append(j)
    cand = []
    for gi, g in enumerate(gold):
        k = (g.article, g.p, g.i, canon(g.actor), g.m)
        for j in by_key.get(k, ()):
            s = pred[j]
            ga = expand_action(g.action or "", text_of(s.eid))
            sim = dice(ga, s.action or "")
            if sim >= ACTION_OVERLAP and limit_key(g.limit) == limit_key(getattr(s, "deadline", None)):
                cand.append((sim, gi, j))
    used_g, used_p = set(), set()
    for sim, gi, j in sorted(cand, key=lambda c: -c[0]):
        if gi not in used_g and j not in used_p:
            used_g.add(gi)
            used_p.add(j)
    return used_g, used_p


# --- scoring --------------------------------------------------------------------------------------

# The lead's decision of the thirteenth session on the prefixes the gold files disagree on: kb's record keeps the
# text's words, and the scorer compares names modulo a leading quantifier 任何 (任何单位 = 单位), a locator 当地 or
# ……所在地 (当地人民政府 = 户籍所在地人民政府 = 人民政府) and 国家 before a body's name (国家有关部门 = 有关部门); 国家
# alone, the state, stays a party, and so does a name 国家 forms with a person or a one-character rest (国家工作人员).
# (code review 18 item 4: not 任何国家 — any state is not the state —, not the 国家 of 国家安全, a body's own name, and not
# a verb before ……所在地: 报所在地人民政府 is no locator)
_QUANTIFIER = re.compile(r"^任何(?=..)(?!国家$)")
_LOCATOR = re.compile(r"^(?:当地|(?![报向由到在经])[^，、和及或的]{0,8}?所在地的?)(?=..)")
_STATE = re.compile(r"^国家(?!安全(?!生产))(?=有关|.*(?:部门|机关|机构|委员会|局)$)(?=...)")


def _unprefixed(name: str) -> str:
    """The name without the prefixes the scorer ignores (each, repeatedly: 任何当地…)."""
    prev = None
    while name != prev:
        prev = name
        for pat in (_QUANTIFIER, _LOCATOR, _STATE):
            name = pat.sub("", name, count=1)
    return name


def actor_key(reg):
    """The name two records are compared by: ``Registry.match_key`` of the name without a leading 任何, a locator
    (当地, ……所在地) or 国家 before a body's name — before and after the registry's own reduction (有关国家机关 →
    国家机关 → 机关 is not taken: 机关 alone is too short to be a body's name here)."""
    def key(name):
        if not name:
            return reg.match_key(name)
        c = reg.match_key(_unprefixed(name))
        while c:
            bare = _unprefixed(c)
            if bare == c:
                break
            c = reg.match_key(bare)
        return c
    return key


def predicted(gf, doc, reg) -> list:
    """kb's records with an actor for a gold file's text: of the articles it lists only, when it is ``partial``."""
    from kb.layers.obligations import extract

    pred = [s for s in extract(doc, reg) if s.actor]
    if gf.data.get("partial"):
        listed = {str(a) for a in gf.data.get("articles") or {}}
        pred = [s for s in pred if str(s.article) in listed]
    return pred


def texts_of(doc):
    """eid -> the text of that node of doc ("" when it has none): what a record's action is compared in."""
    def text_of(eid):
        node = doc.get(eid)
        return node.text if node is not None else ""
    return text_of


def provision_texts(doc) -> dict:
    """{(article, paragraph, item): (the provision's text — an item's with its sub-items —, whether its article is in
    a liability chapter)}: where a gold duty stands, for the dev tools that read misses."""
    from kb.layers.obligations.liability import liability_chapter
    out = {}
    for art in doc.articles:
        liab = liability_chapter(art)
        for para in art.children:
            if para.kind != "paragraph":
                continue
            out[(str(art.number), para.number, None)] = (para.text or "", liab)
            for it in para.children:
                if it.kind == "item":
                    sub = "".join(s.text or "" for s in it.children)
                    out[(str(art.number), para.number, it.number)] = ((it.text or "") + sub, liab)
    return out


def score_file(path: Path, registry=None) -> FileScore | None:
    """The three measures of one gold file, or None when its corpus text is not available."""
    from kb.layers.actors import load_registry

    gf = load_gold_file(path)
    doc = load_doc(gf.data, path)
    if doc is None:
        return None
    reg = registry or load_registry(paths.REPO)
    canon = actor_key(reg)
    pred = predicted(gf, doc, reg)
    listed = {str(a) for a in gf.data.get("articles") or {}}
    g5 = {(a, p, i, canon(x), m) for a, p, i, x, m in (d.key5 for d in gf.duties)}
    p5 = {(str(s.article), s.paragraph, s.item, canon(s.actor), s.modality) for s in pred}
    g3 = {(a, x, m) for a, _, _, x, m in g5}
    p3 = {(a, x, m) for a, _, _, x, m in p5}
    s3 = Score(gf.name, len(g3 & p3), len(p3 - g3), len(g3 - p3))
    s5 = Score(gf.name, len(g5 & p5), len(p5 - g5), len(g5 - p5))
    duty = misses = None
    if gf.schema >= 2:
        matched, misses = match_duties(gf.duties, pred, canon, texts_of(doc))
        duty = Score(gf.name, matched, len(pred) - matched, len(gf.duties) - matched)
    return FileScore(gf.name, gf.set, len(listed), s3, s5, duty, sorted(p5 - g5, key=_k), sorted(g5 - p5, key=_k),
                     misses or [])


def _k(t):
    a = t[0]
    return (int(a.split("-")[0]) if a.split("-")[0].isdigit() else 0, str(t))


def gold_files(names=(), which: str | None = None) -> list[Path]:
    """The gold files (of one set when which is given; by name when names are given)."""
    files = sorted(DATA.glob("*.yml"))
    if names:
        files = [f for f in files if f.stem in names]
    if which:
        files = [f for f in files if load_gold_file(f).set == which]
    return files


def refuse_unknown_names(names, which: str = "tuning") -> bool:
    """Are some of the names no gold file of the set?  Then say which on stderr: a dev tool refuses them with exit 2
    (code review 24 finding 6) rather than reading the rest or reporting "nothing found"."""
    unknown = [n for n in names if not (DATA / f"{n}.yml").is_file() or load_gold_file(DATA / f"{n}.yml").set != which]
    if unknown:
        label = "调参文本" if which == "tuning" else "留出文本"
        print(f"没有名为 {'、'.join(unknown)} 的{label}（tests/data/obligations/*.yml 中 set: {which} 的文件名）",
              file=sys.stderr)
    return bool(unknown)


_LABELS = (("s3", "(art, actor, mod)"), ("s5", "(art, para, item, actor, mod)"), ("duty", "duty (recall: the issue)"))


def _line(name: str, n, label: str, s: Score | None) -> str:
    if s is None:
        return f"{name:24} {n:>5}  {label:30} {'—':>6} {'—':>6} {'—':>6}  schema 1: no actions"
    return f"{name:24} {n:>5}  {label:30} {s.p:6.3f} {s.r:6.3f} {s.f1:6.3f}  {s.tp}/{s.fp}/{s.fn}"


def report(results: list[FileScore], verbose: bool = False, out=print) -> dict[str, dict[str, Score]]:
    """Print per-document and pooled figures, one block per set; return the pooled scores."""
    pooled: dict[str, dict[str, Score]] = {}
    out(f"{'file':24} {'arts':>5}  {'measure':30} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn")
    sets = [x for x in SETS if any(r.set == x for r in results)] + \
        sorted({r.set for r in results} - set(SETS))
    for which in sets:
        rs = [r for r in results if r.set == which]
        out(f"== {which} ({len(rs)} texts) " + "=" * 60)
        for r in rs:
            for attr, label in _LABELS:
                out(_line(r.name, r.articles, label, getattr(r, attr)))
            if verbose:
                for t in r.fps:
                    out(f"   FP {t}")
                for t in r.fns:
                    out(f"   FN {t}")
                for g in r.duty_misses:
                    out(f"   duty FN {g.article}.{g.p}" + (f".{g.i}" if g.i else "") +
                        f" {g.actor} {g.m} {g.action!r}" + (f" limit {g.limit!r}" if g.limit else ""))
        tot = {}
        for attr, label in _LABELS:
            ss = [getattr(r, attr) for r in rs if getattr(r, attr) is not None]
            if ss:
                s = sum(ss[1:], ss[0])
                tot[attr] = Score(f"pooled {which}", s.tp, s.fp, s.fn)
                out(_line(f"POOLED {which}", sum(r.articles for r in rs), label, tot[attr]))
        pooled[which] = tot
    return pooled


#: what a modal word may become, for the corpus measure (labels for people)
FATES = (("record", "有主体的义务记录"), ("no_actor", "无主体的陈述（--no-actor 列出）"),
         ("modifier", "修饰语（应由……办理的事项）"), ("condition", "条件（……后方可……）"),
         ("definition", "定义句（所称……是指）"), ("deleted", "已删除的条文（……删除）"), ("none", "两者皆非：既无记录也不在无主体陈述中（目标 0）"))


def coverage(corpus: Path | None = None, examples: int = 0, out=print) -> dict[str, int]:
    """Every modal word of every article of the corpus, by what it became (``modal_fates``); prints
    the counts (and a few examples of each reason with ``examples``) and returns them; KbError when
    the corpus folder is not there or holds no text."""
    from collections import Counter

    from kb.errors import KbError
    from kb.layers.actors import load_registry
    from kb.layers.obligations import modal_fates
    from kb.text.parse import parse_file

    root = Path(corpus) if corpus else paths.corpus_dir()
    if not root.is_dir():
        raise KbError(paths.missing(root))          # missing reference data: exit 2 (README: 退出码)
    every = sorted(root.rglob("*.md"))
    if not every:
        raise KbError("语料目录中没有 .md 文本", str(root))
    # the texts held out this session, and kb check's, are never read by kb's corpus-wide tools (kb.dev.heldout.may_read)
    files = paths.corpus_texts(root)
    held = len(every) - len(files)
    reg = load_registry(paths.REPO)
    counts: Counter = Counter()
    shown: dict[str, list[str]] = {}
    n_docs = 0
    for f in files:
        try:
            doc = parse_file(str(f))
        except KbError:
            continue                      # refused or broken texts: the parser says why
        n_docs += 1
        for eid, p, w, fate in modal_fates(doc, reg):
            counts[fate] += 1
            if examples and fate not in ("record", "no_actor") and len(shown.setdefault(fate, [])) < examples:
                text = doc.get(eid).text
                shown[fate].append(f"{f.stem} {doc.get(eid).citation}：……{text[max(0, p - 20):p + 16]}……")
    total = sum(counts.values())
    out(f"语料 {n_docs} 个文本，条文中的情态词 {total} 个（{root}；本会话与 kb check 的留出文本 {held} 个未读）")
    for fate, label in FATES:
        out(f"  {counts.get(fate, 0):>8}  {label}")
        for line in shown.get(fate, []):
            out(f"            {line}")
    return dict(counts)


def main(argv=None) -> int:
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    if "--coverage" in args:
        from kb.errors import KbError
        try:
            counts = coverage(examples=5 if verbose else 0)
        except KbError as e:
            print(f"错误：{e}", file=sys.stderr)
            return 2
        return 0 if counts else 1
    which = None
    if "--set" in args:
        which = args[args.index("--set") + 1]
        args = [a for a in args if a not in ("--set", which)]
    names = [a for a in args if not a.startswith("-")]
    known = sorted(f.stem for f in DATA.glob("*.yml"))
    unknown = [n for n in names if n not in known]
    if unknown:         # a name given that has no annotation: a usage error, not "nothing to score"
        print(f"错误：没有这些文本的标注文件：{'、'.join(unknown)}（{DATA} 中有：{'、'.join(known)}）", file=sys.stderr)
        return 2
    files = gold_files(names, which)
    if not files:       # e.g. --set held-out before any held-out text is annotated
        print("没有标注文件", file=sys.stderr)
        return 1
    results = []
    no_corpus = not paths.corpus_dir().is_dir()
    for f in files:
        r = score_file(f)
        if r is None:
            if not no_corpus:       # one file missing from the corpus; with no corpus at all, one line below says it
                print(f"{f.stem:24} skipped: corpus file not found under {paths.shared_dir()}")
            continue
        results.append(r)
    report(results, verbose)
    if len(results) < len(files) and no_corpus:
        # no ../shared at all: the figures above leave out every corpus text; missing input is exit 2 (one line, not a
        # "skipped" line for each of the corpus texts' ~170 annotation files before the figures: code review 16)
        print(f"{paths.missing(paths.corpus_dir())}：上表只有不取自语料的文本，"
              f"{len(files) - len(results)} 个语料文本的标注未评分", file=sys.stderr)
        return 2
    return 0


@click.command("score-obligations")
@click.argument("names", nargs=-1, metavar="[文本名]...")
@click.option("--set", "which", type=click.Choice(SETS), default=None, help="只评这一组：调参集或留出集")
@click.option("--verbose", "-v", is_flag=True, help="列出多报（FP）和漏报（FN）")
@click.option("--coverage", is_flag=True, help="语料测量：每个情态词成为了什么（既无记录也非无主体陈述的个数，目标 0）")
def score_cmd(names, which, verbose, coverage):
    """用 tests/data/obligations 的人工标注给义务抽取打分：按（条、主体、情态）、按（条、款、项、主体、情态）
    的 P/R/F1 和逐项义务的召回率，调参集与留出集分开列出；--coverage 在整个语料上数情态词的去向。"""
    rc = main(list(names) + (["--set", which] if which else []) + (["-v"] if verbose else []) +
              (["--coverage"] if coverage else []))
    if rc:
        raise click.exceptions.Exit(rc)


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
