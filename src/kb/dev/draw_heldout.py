"""Draw a session's held-out texts at random, before any work, by rules fixed in this file.

    python -m kb.dev.draw_heldout SEED [--obligations 8] [--related 2] [--rule quoted|named]

Obligations round: corpus texts of OBLIGATION_ARTICLES (10–130) articles that no file of the obligation stage
(OBLIGATION_FILES) names.
Related round: local regulations (DLC/) of RELATED_ARTICLES (20–130) articles that no file of the related stage
(RELATED_FILES: the shipped regulations, the related data, the library's code and tests) names, whose first article
cites a national law of the corpus that the knowledge base (regulation/) does not ship; the upper law is the corpus'
latest version of that law.  The related round is drawn first and the obligations draw leaves out what it took.

"Names" (review 11 item 1, review 12 item 1): the repository's tracked text and the titles are compared normalised
(line wraps, spaces, brackets, book-title marks, quotes and 中华人民共和国 removed); a title is named when the text
holds it whole, without the place that opens it (北京市…), by its last eight characters, as a contraction
(北京市实施《X》办法 → X实施办法) or as an abridgement (its first six characters, an ellipsis, its last two).
Decisions, amendments and interpretations (决定, 修正案, 解释) are not drawn: they carry no articles of their own to
annotate as a regulation's.

Widened on 2026-12-06 (eleventh session) from 15–60 and 20–60 articles: after round 21 the old rules left five
obligation candidates and no related one (37 unnamed texts in all; most of what is left has 60–80 articles).
Widened again in the twelfth session (2026-12-06) from 15–80 and 20–110, and the related round drawn first: after
round 22 the corpus held 26 unnamed texts, 14 of them of 15–80 articles and two related candidates, one of which the
obligations draw could have taken.  The bounds are the module's constants (code review 16 item 11: they were written
in four places).

Since the thirteenth session (2026-12-06) a related text need only be unnamed by the related stage's files: after
round 19r no local text was unnamed by the whole repository and grounded as the rule asks.  A text named only by the
obligation data (annotated for its duties, never for its upper law or peers) has had no related rule written on it,
so it is as unseen for the related ranking as an unnamed one; 173 texts qualify (2 before).  The obligations round keeps
the whole repository as its name check (12 candidates of 10–130 articles before round 24).

After that session's draw (code review 18 item 2) the related stage's files include the dev tools and tests that run
the ranking or the check on a corpus text (test_extra_laws imports 北京市实施《水法》办法 and asserts its 上位法), and the
pools hold one version per title, the latest: a rerun of a past session's seed gives that session's draw only with the
rules of its own commit.

Since the fourteenth session (2026-12-06) the obligations round's name check reads the obligation stage's files
(``OBLIGATION_FILES``: the extractor and its registry, the obligation data and its scorer, the tests that pin
constructions, the README that states the conventions), as the related round's reads the related stage's: after round 24
three unnamed texts of 10–130 articles were left in the whole repository, and a text named only by the related data,
a site test has had no obligation rule written on it; 104 texts qualify.
The same session's code review (19 item 1) found five of the eight drawn texts in kb check's material (its duty rules
read the obligation layer's output: tests/data/check/texts.yml, judged/, tests/check/) and the parser's: the obligation
stage now includes kb check and the parser with their data and tests, and the messages of the commits that touched any
of its files; five more texts were drawn under that rule (seed 20261206g) so that eight are unseen under it.

After round 27 (sixteenth session, 2026-12-06) one text of 10–130 articles is left that no file of the obligation stage
names: the commit messages and READMEs name most of the corpus, often only to count a corpus diff.  ``--rule quoted``
(written then for the next round; the default since the seventeenth session, below) draws the obligations round from
the texts no annotation of the obligation stage covers (``ANNOTATED``: its gold files, kb check's texts and judgements, the parser's data; every
corpus path their tracked files hold), that the knowledge base does not ship and that are not held out this session
(``unannotated``), and reads the stage's files with their commit messages for what they say of each text's articles
rather than whether they name the text: an article is quoted when a stretch of ``QUOTE`` characters of it (normalised)
stands in those files and in at most ``QUOTE_TITLES`` corpus titles — a clause that many laws write (构成犯罪的，依法追究
刑事责任) is no quotation of this one — or when they give its number right after the text's title (公务员法 107 p2,
种子法 71, arts. 52-54, 第一百零七条: ``numbered_articles``; code review 21 item 7).  A text of which more than
``QUOTED_SHARE`` of the articles are quoted is no candidate; the others' quoted articles are printed and left out of the
round: the annotation lists only the others (``partial: true``, which kb score-obligations already honours).  What an
engineer read and did not write down (a corpus diff's sample judged by count only) no rule can catch: the commit
messages of the audits give article numbers, which is why the numbers count.  Measured on the corpus and repository
of 2026-12-06 (sixteenth session; latest versions, 10–130 articles, unannotated, not shipped, not held out): 264 texts,
16,726 articles, 2,075 of them quoted (12.4%); 213 texts within the share.

Since the seventeenth session (2026-12-07) ``quoted`` is the default (the lead's decision: under ``named`` one
candidate was left); ``--rule named`` still gives the earlier rounds' rule, for rerunning their seeds.  Round 28 was the
first drawn with it (``python -m kb.dev.draw_heldout 20261207a --rule quoted``, commit dadb480): 211 candidates; of the
eight texts' 547 articles, 60 were quoted by the stage's files and left out of the round (its annotations are
``partial: true``).

Since the eighteenth session (2026-12-07; the lead's decision on code review 23 item 1) the quoted rule leaves out, as
annotated, every text the repository's data hold (``ANNOTATED`` = tests/data/: the related annotations and the laws they
import, the link and alignment gold, not only the obligation stage's) and the regulations of the corpus' version pairs
(:func:`version_pair_titles`): four of round 28's eight texts were other stages' data, unseen by the obligation stage
only by a caveat.  Round 29 (``python -m kb.dev.draw_heldout 20261207b``): 94 candidates (211 under the narrower rule a
session before); of the eight texts' 551 articles, 56 quoted and left out.
Round 30 (``python -m kb.dev.draw_heldout 20261207c``, nineteenth session): 82 candidates; of the eight texts' 490
articles, 48 quoted and left out.  Round 31 (``python -m kb.dev.draw_heldout 20261207d``, twentieth session): 73
candidates; of the eight texts' 532 articles, 45 quoted and left out.  Round 32 (``python -m kb.dev.draw_heldout 20261207e``,
twenty-first session): 66 candidates; of the eight texts' 481 articles, 64 quoted and left out.  Round 33 (``python -m kb.dev.draw_heldout
20261207f``, twenty-second session): 56 candidates; of the eight texts' 335 articles, 37 quoted and left out.  Round 34
(``python -m kb.dev.draw_heldout 20261207g``, twenty-third session): 46 candidates; of the eight texts' 471 articles, 48
quoted and left out; the related round's check asks ``nicknamed`` too since that draw (100 candidates, 101 before).  Round 35
(``python -m kb.dev.draw_heldout 20261208a``, twenty-fourth session): 38 candidates; of the eight texts' 490 articles, 57
quoted and left out (related round 31r: 98 candidates).

Before 2026-12-06 (tenth session) the draw scripts lived outside the repository (draw19.py, draw20.py) and were lost
with the machine; this one restates their rules.  It prints the candidates' counts and the draw; it writes nothing.
"""
from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

from kb.dev import paths as kb_paths
from kb.dev.heldout import may_read, title_of

_NUM = "零〇一二三四五六七八九十百千"
_ARTICLE = re.compile(rf"^\s*第[{_NUM}]+条")
_DROP = re.compile(r"[\s（）()《》〈〉“”‘’\"'「」『』]|中华人民共和国")
_PLACE = re.compile(r"^(.{2,8}?(?:省|自治区|市|自治州|县|区))")
_CITE = re.compile(r"《(?:中华人民共和国)?([^》]{2,40}?法)》")
_SKIP_TITLE = ("决定", "修正案", "解释")
OBLIGATION_ARTICLES = (10, 130)
RELATED_ARTICLES = (20, 130)
# the files that shape the related ranking or record what it was scored on: a text they name is seen by that stage
# (code review 18 item 2: and the dev tools and tests that run the ranking or the check on a corpus text — extra_laws,
# score_related / score_repeat, bench_related, kb check's tests)
RELATED_FILES = ("regulation/", "tests/data/related/", "src/kb/library/", "src/kb/dev/related", "tests/library/",
                 "tests/dev/test_related", "src/kb/dev/extra_laws", "tests/dev/test_extra_laws", "src/kb/dev/score_related",
                 "src/kb/dev/score_repeat", "src/kb/dev/bench_related", "tests/dev/test_bench_related", "src/kb/check/",
                 "tests/check/")
# the files that shape the obligation rules or record what they were scored on (fourteenth session): the extractor and
# its registry, the obligation data, the scorer and the tests that pin constructions, and the README that states the
# conventions with their examples; and the list of the texts being annotated (kb.dev.heldout), so a rerun of the
# session's seed draws other texts
# (code review 19 item 1, the same session: and kb check's duty rules, their data and tests, which read the obligation
# layer's output on their texts, and the parser, whose rules were written for obligations too; with the messages of
# the commits that touched any of these, where engineers name the texts whose output they read)
# (fifteenth session: and the parser's data, tests/data/corpus/ — broken.yml named 预备役军官法, drawn in round 26 because
# the folder was missing here; that text is reported apart from the round's seven others)
OBLIGATION_FILES = ("regulation/", "README.md", "src/kb/dev/heldout.py", "src/kb/check/", "tests/check/",
                    "tests/data/check/", "src/kb/text/", "tests/text/", "tests/data/corpus/", "tests/data/obligations/", "src/kb/layers/", "tests/layers/",
                    "src/kb/dev/score_obligations", "src/kb/dev/obligation_agreement", "src/kb/dev/bench_obligations",
                    "tests/dev/test_obligation", "tests/dev/test_score_actor", "tests/dev/test_bench_obligations",
                    "src/kb/cli/obligations", "tests/cli/test_obligations_cli", "src/kb/compare/obligations",
                    "src/kb/library/actors", "tests/library/test_actors")


# --rule quoted (sixteenth session): what the obligation stage's data annotate is seen whole; what its other files quote
# of a text is seen article by article
# (code review 23 item 1, decided at the eighteenth session's draw: and what any other stage's data hold — the related
# annotations with the laws they import, the link and alignment gold — with the regulations of the corpus' version pairs,
# which kb compare and the amendment tools diff, obligations included: engineers of those stages read kb's output on
# them, and four of round 28's eight texts were such data, unseen by the obligation stage only by a caveat)
ANNOTATED = ("tests/data/",)
QUOTE = 16
QUOTE_TITLES = 2
QUOTED_SHARE = 0.2
_CORPUS_PATH = re.compile(r"[^\s:'\"]+?\.md")


def _span(bounds: tuple[int, int]) -> str:
    return f"{bounds[0]}–{bounds[1]}"


def normalise(text: str) -> str:
    return _DROP.sub("", text)


def body_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if "INFO END" in line:
            return lines[i + 1:]
    return lines


def articles(path: Path) -> list[str]:
    """The article lines (each article's first line)."""
    return [line for line in body_lines(path) if _ARTICLE.match(line)]


def article_texts(path: Path) -> list[tuple[str, str]]:
    """Each article's label (第十二条) and its whole text: its first line and the lines up to the next article or
    heading."""
    out: list[tuple[str, str]] = []
    for line in body_lines(path):
        m = _ARTICLE.match(line)
        if m:
            out.append((m.group(0).strip(), line))
        elif out and not line.startswith("#"):
            out[-1] = (out[-1][0], out[-1][1] + line)
    return out


def annotated_titles(repo: Path) -> set[str]:
    """The titles of the corpus files that the repository's data hold (``ANNOTATED``: the obligation stage's
    annotations and, since the eighteenth session, every other stage's): every corpus path their tracked files hold."""
    files = subprocess.run(["git", "ls-files", "-z", "--", *ANNOTATED], cwd=repo, capture_output=True,
                           check=True).stdout.split(b"\0")
    titles = set()
    for name in files:
        if not name:
            continue
        try:
            text = (repo / name.decode()).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        titles |= {title_of(m) for m in _CORPUS_PATH.findall(text)}
    return titles


def quoted_articles(texts: dict[Path, list[tuple[str, str]]], stage_text: str, corpus_files: list[Path]) -> dict[Path, list[str]]:
    """The labels of each text's articles that the stage's text quotes — a stretch of ``QUOTE`` normalised characters
    found there and in at most ``QUOTE_TITLES`` corpus titles — or names by number right after the text's title
    (``numbered_articles``).  Hashes, not strings, keep the stage's five million stretches in memory."""
    seen = {hash(stage_text[i:i + QUOTE]) for i in range(len(stage_text) - QUOTE + 1)}

    def hits(body: str) -> set[int]:
        n = normalise(body)
        return {h for h in (hash(n[i:i + QUOTE]) for i in range(len(n) - QUOTE + 1)) if h in seen}

    found = {p: [(label, hits(body)) for label, body in arts] for p, arts in texts.items()}
    wanted = set().union(*(h for arts in found.values() for _, h in arts)) if found else set()
    holders: dict[int, set[str]] = {}
    for f in corpus_files:
        n = normalise(f.read_text(encoding="utf-8"))
        for i in range(len(n) - QUOTE + 1):
            h = hash(n[i:i + QUOTE])
            if h in wanted:
                holders.setdefault(h, set()).add(title_of(f))
    out = {}
    for p, arts in found.items():
        numbers = numbered_articles(title_of(p), stage_text)
        out[p] = [label for k, (label, h) in enumerate(arts)
                  if _number(label, k) in numbers or any(len(holders.get(x, ())) <= QUOTE_TITLES for x in h)]
    return out


def _number(label: str, index: int) -> int:
    """An article's number from its label (第十二条 → 12); the index + 1 where the label is no numeral."""
    from kb.text.numerals import parse_numeral

    try:
        return parse_numeral(label.removeprefix("第").removesuffix("条").strip())
    except (ValueError, KeyError):
        return index + 1


def repository_text(repo: Path, prefixes: tuple[str, ...] = ("",), log: bool = False) -> str:
    """The tracked files' text (those whose path opens with one of the prefixes), normalised; with ``log``, and the
    messages of the commits that touched them."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=repo, capture_output=True, check=True).stdout.split(b"\0")
    parts = []
    if log:
        # a pathspec names a whole path or folder: a prefix (src/kb/dev/score_obligations) must be a glob, or the
        # commits that touched score_obligations.py are not read (code review 19 item 1)
        specs = [f":(glob){p}**" for p in prefixes]
        parts.append(subprocess.run(["git", "log", "--format=%B", "--", *specs], cwd=repo, capture_output=True,
                                    check=True).stdout.decode("utf-8", "replace"))
    for name in files:
        if not name or not name.decode().startswith(prefixes):
            continue
        try:
            parts.append((repo / name.decode()).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
    return normalise("\n".join(parts))


def title_forms(title: str) -> tuple[set[str], re.Pattern]:
    """The forms a text's title takes in the repository (normalised): whole, its last eight characters, without the
    place that opens it, contracted, and the pattern of its abridgement (first six characters, an ellipsis, last two)."""
    t = normalise(title)
    forms = {t, t[-8:]}
    # the usual contraction of a congress' name: 北京市人大常委会组成人员守则 names the 2010 text of 北京市人民代表大会常务
    # 委员会组成人员守则, another version of the same rules (found by the thirteenth session's first draw)
    short = t.replace("人民代表大会常务委员会", "人大常委会").replace("人民代表大会", "人大")
    if short != t:
        forms |= {short, short[-8:]}
    place = _PLACE.match(t)
    if place and len(t) > len(place.group(1)) + 2:
        forms.add(t[len(place.group(1)):])
    m = re.match(r"^(.*?)实施(.+?法)(.*)$", t)
    if m:
        forms.add(m.group(2) + "实施" + m.group(3))
        forms.add(m.group(2) + m.group(3))
    abridged = re.compile(re.escape(t[:6]) + r"[\u4e00-\u9fff]{0,12}(?:……|…|⋯)[\u4e00-\u9fff]{0,12}" + re.escape(t[-2:]))
    return {f for f in forms if f}, abridged


def mentions(title: str, text: str) -> list[int]:
    """Where the text names the title (the end of each mention)."""
    forms, abridged = title_forms(title)
    # 海南自由贸易港法规 does not name 海南自由贸易港法
    ends = [m.end() for f in forms for m in re.finditer(re.escape(f) + "(?!规)", text)]
    return sorted(ends + [m.end() for m in abridged.finditer(text)])


def named(title: str, text: str) -> bool:
    """Whether the text names the title: the first mention will do (mentions finds them all)."""
    forms, abridged = title_forms(title)
    return any(re.search(re.escape(f) + "(?!规)", text) for f in forms) or bool(abridged.search(text))


# an article named by its number right after a title (code review 21 item 7): the engineers' notes write 公务员法 107 p2,
# 种子法 71, arts. 52-54, 第一百零七条 — normalised, 公务员法107p2; a paragraph or item number (p2, i3), a year or a
# figure (2018, 0.85) is no article
_AFTER_TITLE = 40
_NUMBER_RUN = re.compile(r"^(?:[\d\-–,、.]|arts?|第[零〇一二三四五六七八九十百千]+条|[pi]\d+|and|至|和|及|条|款|项|第)+")
_ARABIC = re.compile(r"(?<!\d)(?<!\d\.)(?<![pi])(\d{1,3})(?:[-–](\d{1,3}))?(?![\d%]|\.\d)")
_CHINESE = re.compile(r"第([零〇一二三四五六七八九十百千]+)条")
_DATE = re.compile(r"\d{4}(?:-\d{1,2}){0,2}")


def numbered_articles(title: str, text: str) -> set[int]:
    """The article numbers the text gives right after naming the title."""
    from kb.text.numerals import parse_numeral

    found: set[int] = set()
    for end in mentions(title, text):
        run = _NUMBER_RUN.match(text[end:end + _AFTER_TITLE])
        if not run:
            continue
        numbers = _DATE.sub(" ", run.group(0))          # 北京市公园条例(2019-07-26), normalised: a date, no articles
        for m in _ARABIC.finditer(numbers):
            first, last = int(m.group(1)), int(m.group(2) or m.group(1))
            found |= set(range(first, last + 1)) if 0 < last - first <= 20 else {first}
        found |= {parse_numeral(n) for n in _CHINESE.findall(run.group(0))}
    return found


# a local text's short name in an engineer's note (code review of the twenty-third session's draw: the related README
# read kb's peers of 梅江河 6, 11 and 16 — 秀山土家族苗族自治县梅江河流域水生态环境保护条例 — and the draw took it): the
# title less the place that opens it (the shortest, a 自治县's whole name included), its first three characters, right
# before an article number
_LOCAL_PLACE = re.compile(r"^.{2,12}?(?:自治区|自治州|自治县|省|市|县|区)")


def nicknamed(title: str, text: str) -> bool:
    """Whether the text names a local title by its short name followed by an article number (梅江河 11)."""
    t = normalise(title)
    place = _LOCAL_PLACE.match(t)
    if not place or len(t) - place.end() < 5:
        return False
    # (not inside a longer word: 非机动车20元 names no 机动车 title)
    return re.search(r"(?<![\u4e00-\u9fff])" + re.escape(t[place.end():place.end() + 3]) + r"\d", text) is not None


def shipped_titles(repo: Path) -> set[str]:
    """The corpus titles the knowledge base ships (``regulation/*/meta.yml``'s source files; a folder's own name where
    it names none), normalised: a shipped text is seen whatever the rule (:func:`shipped`), and a law it ships is no
    related round's upper law.  The one notion of "shipped" of both rules and both rounds: the related round compared
    the folder names of regulation/ (民法典-合同编 for the source 合同编), the quoted rule these titles."""
    import yaml

    titles = set()
    for meta in (repo / "regulation").glob("*/meta.yml"):
        data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
        files = (data.get("source") or {}).get("files") or []
        titles |= {normalise(title_of(f)) for f in files} or {normalise(meta.parent.name)}
    return titles


def shipped(title: str, titles: set[str]) -> bool:
    """Whether a corpus title (a file's, :func:`title_of`, or a law a text cites) is one the knowledge base ships
    (``titles``: :func:`shipped_titles`)."""
    return normalise(title) in titles


def latest_versions(corpus: Path, files=None) -> dict[str, Path]:
    """Each title's latest file (of ``files``, else of the whole corpus): an undated file is the version in force, else
    the latest date."""
    best: dict[str, Path] = {}
    for path in corpus.rglob("*.md") if files is None else files:
        title = title_of(path)
        if title not in best or _version_key(path) > _version_key(best[title]):
            best[title] = path
    return best


def _version_key(path: Path) -> str:
    m = re.search(r"\((\d{4}-\d\d-\d\d)\)", path.name)
    return m.group(1) if m else "9999"


def drawable_files(corpus: Path, files: list[Path]) -> list[Path]:
    """The files a round may draw: no decision, amendment or interpretation, and one version per title, the latest
    (code review 18 item 2: the related pool held two versions of five titles, and a draw could take the older one)."""
    kept = [p for p in files if not any(w in title_of(p) for w in _SKIP_TITLE)]
    return sorted(latest_versions(corpus, kept).values(), key=lambda p: str(p.relative_to(corpus)))


def version_pair_titles(corpus: Path) -> set[str]:
    """The titles of the regulations ../shared/corpus/version-pairs.txt lists (none when it is missing)."""
    return {title_of(pre) for pre in kb_paths.version_pair_regulations(corpus)}


def unannotated(repo: Path, drawable: list[Path], ships: set[str] | None = None,
                corpus: Path | None = None) -> list[Path]:
    """The texts ``--rule quoted`` may draw from: no data of the repository covers them (``ANNOTATED``) and they are
    no regulation of the corpus' version pairs (read beside ``corpus`` when given), the knowledge base does not ship them
    (``ships``: :func:`shipped_titles`, read when not given), and they are not held out this session — the session's
    own round is in no annotation yet (code review 21 item 8)."""
    annotated = annotated_titles(repo) | (version_pair_titles(corpus) if corpus else set())
    ships = shipped_titles(repo) if ships is None else ships
    return [p for p in drawable if title_of(p) not in annotated and not shipped(title_of(p), ships)
            and may_read(p)]


def draw(seed: str, repo: Path, corpus: Path, n_obligations: int, n_related: int, out=sys.stdout,
         rule: str = "quoted") -> None:
    text = repository_text(repo, OBLIGATION_FILES, log=True)
    related_text = repository_text(repo, RELATED_FILES)
    ships = shipped_titles(repo)
    # the session's held-out texts are never opened, here neither (code review 23 item 2: the quotation count and the
    # related pool's sizes read them); at a draw, before the new round is listed, nothing is lost.  Nor are kb check's
    # (kb.dev.heldout.may_read): a related pick's upper law is opened to count its articles, and draw 20261207a's upper
    # law was one of them
    files = sorted(kb_paths.corpus_texts(corpus), key=lambda p: str(p.relative_to(corpus)))
    latest = latest_versions(corpus, files)
    national = {title: path for title, path in latest.items() if not str(path.relative_to(corpus)).startswith("DLC/")}
    drawable = drawable_files(corpus, files)
    if rule == "quoted":
        unnamed = unannotated(repo, drawable, ships, corpus)
    else:
        # (a shipped text is named by its meta.yml's source path too: left out in its own right, as the quoted rule does)
        unnamed = [p for p in drawable if not shipped(title_of(p), ships) and not named(title_of(p), text)]
    unseen_by_related = [p for p in drawable if str(p.relative_to(corpus)).startswith("DLC/")
                         and not named(title_of(p), related_text) and not nicknamed(title_of(p), related_text)]
    sizes = {p: len(articles(p)) for p in {*unnamed, *unseen_by_related}}

    rng = random.Random(seed)
    low, high = RELATED_ARTICLES
    related = []
    for p in unseen_by_related:
        if not low <= sizes[p] <= high:
            continue
        first = articles(p)[0]
        for law in _CITE.findall(first):
            law = normalise(law)
            if law in national and not shipped(law, ships):
                related.append((p, national[law]))
                break
    chosen = rng.sample(related, min(n_related, len(related)))
    taken = {p for p, _ in chosen}

    low, high = OBLIGATION_ARTICLES
    pool = [p for p in unnamed if low <= sizes[p] <= high and p not in taken]
    quoted: dict[Path, list[str]] = {}
    if rule == "quoted":
        quoted = quoted_articles({p: article_texts(p) for p in pool}, text, files)
        pool = [p for p in pool if len(quoted[p]) <= QUOTED_SHARE * sizes[p]]
        what = (f"unannotated by the obligation stage or any other, at most {QUOTED_SHARE:.0%} of the articles quoted by its files, "
                f"not drawn for related")
    else:
        what = "unnamed, not drawn for related"
    picked = rng.sample(pool, min(n_obligations, len(pool)))
    print(f"obligations: {len(pool)} candidates ({_span(OBLIGATION_ARTICLES)} articles, {what}); drawn {len(picked)}:",
          file=out)
    for p in picked:
        left = f"; quoted, left out: {'、'.join(quoted[p])}" if quoted.get(p) else ""
        print(f"  {p.relative_to(corpus)}  ({sizes[p]} articles{left})", file=out)
    print(f"related: {len(related)} candidates (local, {_span(RELATED_ARTICLES)} articles, unnamed by the related "
          f"stage, first article cites a corpus law the knowledge base does not ship); drawn {len(chosen)}:", file=out)
    for p, law in chosen:
        print(f"  {p.relative_to(corpus)}  ({sizes[p]} articles) — upper law {law.relative_to(corpus)} "
              f"({len(articles(law))} articles)", file=out)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from kb.dev.paths import shared_dir

    def count(value: str) -> int:
        # a negative count was a ValueError traceback from random.sample (code review 15 item 6): a usage error, exit 2
        if not value.isdigit():
            raise argparse.ArgumentTypeError(f"应为非负整数：{value}")
        return int(value)

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed")
    parser.add_argument("--obligations", type=count, default=8)
    parser.add_argument("--related", type=count, default=2)
    parser.add_argument("--rule", choices=("quoted", "named"), default="quoted",
                        help="the obligations round's rule: texts no annotation covers, less the articles its files "
                             "quote (quoted, the default since the seventeenth session), or texts no file of the "
                             "stage names (named, rounds up to 27)")
    args = parser.parse_args(argv)
    repo = Path(__file__).resolve().parents[3]
    corpus = shared_dir() / "corpus" / "lawrefbook"
    if not corpus.is_dir():
        print(f"没有语料：{corpus}", file=sys.stderr)
        return 2
    draw(args.seed, repo, corpus, args.obligations, args.related, rule=args.rule)
    return 0


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
