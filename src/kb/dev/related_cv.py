"""Leave-one-file-out cross-validation of the related-provision ranking and of the repetition check,
over the hand annotations of the tuning set (tests/data/related/).

    python3 -m kb.dev.related_cv [related [--least 0.016] [--by-round] | repeat]

``related`` — for each kind (上位法, 同类立法), each variant of the relevance formula (kb.library.related:
cosine^(1 − r) × rare^r × subject × (1 + ground weight × ground) × fit, the threshold raised by OUTSIDE, and signals
tried beside it) with each threshold on a grid: every fold chooses the variant's parameter, ground weight and
threshold with the best P@1 + R@3 on the other tuning files and is scored on the one left out; the pooled P@1 and
R@3 of the folds are printed with the choices — kb's 同类立法 followers counted as kb lists them (``FOLLOWERS``: after an
answer above the threshold, the next candidates down to kb.library.related.FOLLOW, which the variant
"同类立法的后随答案（相关度下限）" lets the folds choose), and kb's order of the first 上位法 answers by the share of the
article each holds (``ORDERED``: kb.library.related.ORDER, which "前三个答案按覆盖排序（覆盖指数）" lets the folds choose);
``--least X`` lets the folds choose only thresholds of at least X
(0.016: those kb can take, kb.library.related.GROUND); ``--by-round`` prints under each variant its folds pooled per
group (:func:`fold_groups`: the texts of the knowledge base, those of ``outside-kb/``, and each outside-kb round — the
population the held-out rounds are drawn from, whose figures the pooled one does not show).  The tuning files are
those whose ``set:`` says so (the fourth, fifth and sixth rounds' ``related-heldout-*.yml`` are tuning now), with those
of ``outside-kb/`` (a text not in the knowledge base, whose articles ask a copy of the library extended with it), less
any file of a text of a round being annotated (``HELD_OUT_TEXTS``: round 31r's two texts, being annotated now; no file
of them is in the repository yet); the library leaves out ``HELD_OUT_REGULATIONS`` (none).

``repeat`` — the same for the least share of an article's wording found in its single closest upper
provision (kb.library.repeat.MIN_BEST), over the tuning repetition annotations (all of them since round 6 was
scored: 北京 村委会若干规定's file is back in) and, since the third session of 2026-12-05, those of ``outside-kb/`` (each
text checked in a copy of the library extended with it, as ``kb check`` checks a draft), F1 pooled over the folds —
kb's other bounds in force, the pair of closest provisions (kb.library.repeat.PAIR, PAIR_REST) among them; then the
least share the two closest provisions hold together with the most other provisions may add (``PAIR``, ``PAIR_REST``;
``MIN_BEST`` kb's), and the least share of all of them together (``THRESHOLD``), each chosen the same way; and (mode
"义务主体", seventeenth session, measured, not in kb) whether an article below ``THRESHOLD`` but at ``DUTY_SHARES`` whose
closest provision names the bodies its duties are laid on (the obligation layer's actors, not read of a text held out for
that layer: :func:`_obligations_held_out`) is reported too.

Neither mode reads a held-out annotation nor computes a held-out article's related provisions.
"""
from __future__ import annotations

import functools
import math
import sys
from pathlib import Path

#: the regulations of a held-out round being annotated that are left out of the library here: none (in rounds 5 and 6
#: the round's text of the knowledge base stayed in it, an acceptable peer of tuning articles)
HELD_OUT_REGULATIONS: tuple = ()
#: whether the folds score kb's rule for a penalty clause whose duties have no 上位法 (kb.library.related.DUTIES)
DUTIES = True
#: whether the folds score kb's 同类立法 followers (kb.library.related.FOLLOW: once an answer passes, the next candidates
#: down to FOLLOW's relevance, whatever their regulation's subject) at kb's FOLLOW, in every variant but the one that
#: chooses it ("同类立法的后随答案")
FOLLOWERS = True
#: whether the folds score kb's order of the first answers (kb.library.related.ORDER: the first ORDER_AMONG above the
#: threshold by relevance × the share of the article they hold^ORDER × the first clauses' cosine^ORDER_HEAD, none pinned)
#: at kb's ORDER and ORDER_HEAD, in every variant but those that choose one ("前三个答案按覆盖排序（覆盖指数）",
#: "前三个答案按覆盖与首句排序（首句指数）", "前三个答案按长度排序（长度指数）")
ORDERED = True
#: the regulations of a round being annotated whose own articles are never looked at (no annotation of theirs is read,
#: no answer is computed for them): round 31r's two texts (kb.dev.heldout.HELD_OUT_FILES), being annotated this session
#: (round 6's and the later rounds' files, scored once, are tuning — round 30r's since the twenty-fourth session, 2026-12-08)
HELD_OUT_TEXTS: tuple = ("北京市实施《动物防疫法》办法", "重庆市各级人民代表大会常务委员会人事任免工作条例")
#: whether the folds score kb's bound on 同类立法 answers across the shared-subject gate (kb.library.related.ACROSS_MOST:
#: the best one only, and no followers after it alone) in every variant that offers such answers; False: every one that
#: passes, followed, as kb answered before the nineteenth session (code review 25, finding 1)
ACROSS_BOUND = True
_KB = object()          # scores_at' follow: kb's (kb.library.related.FOLLOW)
THRESHOLDS = (0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.01, 0.012, 0.014, 0.016, 0.02, 0.025)
GROUND = {"upper": (1, 2, 3), "peer": (0, 1, 2)}
POOL = 15       # the candidates ranked per kind (kb.library.related.CANDIDATES)


def tuning_files(root: Path, pattern: str, folder: str = "tests/data/related") -> list[Path]:
    """The annotation files ``pattern`` of the tuning set (``set:``) in ``folder`` that are not of a text of the round
    being annotated."""
    import yaml

    from kb.library.annotations import set_of

    out = []
    for f in sorted((root / folder).glob(pattern)):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        where = str(data.get("regulation") or data.get("corpus") or "")
        if set_of(data, f) == "tuning" and not any(_plain(h) in _plain(where) for h in HELD_OUT_TEXTS):
            out.append(f)
    return out


def _plain(s: str) -> str:
    """A title without brackets and the 中华人民共和国 of a law's full name (a corpus path, an id)."""
    import re

    return re.sub(r"[《》（）()]|中华人民共和国", "", s)


def _vec(lib, text: str) -> tuple[dict, float]:
    """A text's bigram TF-IDF vector by the library's IDF, and its norm."""
    from kb.compare.similarity import bigrams, normalize

    unseen = math.log((lib._indexed + 1) / 0.5)
    v = {g: (1 + math.log(tf)) * lib.idf.get(g, unseen) for g, tf in bigrams(normalize(text)).items()}
    return v, math.sqrt(sum(w * w for w in v.values())) or 1.0


def _cos(a: tuple, b: tuple) -> float:
    (va, na), (vb, nb) = a, b
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(w * vb.get(g, 0.0) for g, w in va.items()) / (na * nb)


def _views(root: Path, lib, extra: dict | None = None) -> dict:
    """Entry index -> (vector without boilerplate clauses, vector of its normative core, the names of its duties'
    actors): the core is what its duties say — actor, modal word and action of each statement of the obligations layer —
    and, for an article stating no duty, its text without boilerplate; the names as the text writes them (ACTORS
    compares their bodies, kb.library.related.actor_body, since the fourth session of 2026-12-05).  ``extra``: regulation id -> the parsed text
    of a regulation outside the project that ``lib`` was extended with (the views of its articles only)."""
    from kb.compare.boilerplate import without_boilerplate
    from kb.layers.obligations import extract
    from kb.layers.obligations.records import MODALITY_NAMES
    from kb.project import Target, list_regulations, load

    regs = {r.id: r for r in list_regulations(root)}
    out = {}
    for f in lib._firsts:
        r = None if extra else regs.get(f.reg.id)
        if r is None and f.reg.id not in (extra or {}):
            continue
        doc = extra[f.reg.id] if r is None else load(Target(r.path(f.version), r, f.version))
        by_art: dict = {}
        for s in extract(doc):
            by_art.setdefault(s.eid.split("__")[0], []).append(s)
        for e in (x for x in lib.entries if x.reg.id == f.reg.id and x.version.name == f.version.name):
            nb = without_boilerplate(e.text)
            st = by_art.get(e.eid, [])
            core = "".join(f"{s.actor}{MODALITY_NAMES.get(s.modality, s.modality)}{s.action}" for s in st) or nb
            out[e.index] = (_vec(lib, nb), _vec(lib, core), frozenset(s.actor for s in st if s.actor))
    return out


def annotated_items(root: Path) -> list[dict]:
    """Every annotated (article, kind) of the tuning files with its candidates' signals: the files of texts of the
    knowledge base, and those of ``outside-kb/`` (texts not in it, whose articles ask a copy of the library extended
    with them — :meth:`kb.library.related.Library.extended`, as ``kb check`` asks for a draft — and are nobody's
    candidates)."""
    from kb.dev.score_related import annotated
    from kb.library.related import load_library
    from kb.project import list_regulations

    regs = [r.id for r in list_regulations(root) if r.id not in HELD_OUT_REGULATIONS]
    lib = load_library(root, regulations=regs)
    views = {root: _views(root, lib)}
    out = _annotated_items(lib, annotated(root, tuning_files(root, "related-*.yml"), lib), views[root])
    for f, ann, lib2, doc, home in _outside_kb(root, lib):
        if home not in views:           # a copy of the project with the file's extra_laws: its base's articles
            views[home] = _views(home, lib2)
        out += _annotated_items(lib2, _entries(f, ann, lib2),
                                {**views[home], **_views(home, lib2, {ann.regulation: doc})})
    return out


def outside_kb_annotated(root: Path, lib) -> list[tuple]:
    """(a library extended with the text, its annotated articles as :func:`kb.dev.score_related.annotated` gives
    them) for each tuning file of ``outside-kb/`` (:func:`_outside_kb`): the articles of those files the folds score
    (kb.dev.related_errors classifies their errors too)."""
    return [(lib2, _entries(f, ann, lib2)) for f, ann, lib2, _, _ in _outside_kb(root, lib)]


def _entries(f: Path, ann, lib2) -> list[tuple]:
    """(file, Annotated, article, its Entry, {kind: acceptable set or NONE}) for the articles of the outside-kb/ text of
    ``ann`` in the library ``lib2`` extended with it."""
    from kb.library.annotations import eid_of
    from kb.library.related import EXTRA_VERSION

    entries = [(f, ann, art, lib2.get(ann.regulation, EXTRA_VERSION, eid_of(art)), kinds)
               for art, kinds in ann.articles.items()]
    return [x for x in entries if x[3] is not None]


def _annotated_items(lib, annotated, views: dict) -> list[dict]:
    """The items of ``annotated`` ((file, Annotated, article, its Entry, {kind: acceptable set or NONE})) with the
    signals of each kind's candidates."""
    regsim = {}
    out = []
    for f, ann, art, e, kinds in annotated:
        for kind, gold in kinds.items():
            cands, pinned = _candidates(lib, e, kind, views, regsim)
            it = {"file": f.name, "kind": kind, "gold": gold, "cands": cands, "pinned": pinned}
            if kind == "upper" and DUTIES:
                # a penalty clause's duties (Library.violated): kb answers none where none of them has a 上位法
                # (Library.owes_nothing), each judged by the same variant and threshold (scores_at)
                owed = lib.violated(e) if not pinned else []
                if owed:
                    it["duties"] = [_candidates(lib, d, kind, views, regsim) for d in owed]
            out.append(it)
    return out


def _candidates(lib, e, kind: str, views: dict, regsim: dict) -> tuple[list, list]:
    """(the signals of each of ``e``'s POOL best candidates of ``kind``, the provisions kb pins first)."""
    from kb.compare.similarity import containment, cosine
    from kb.library.related import ORDER_HEAD, RARE, head_cosine

    if e.vec is None:       # an article of a text the library was extended with, weighed when first looked up
        lib._vector(e)
    cands = []
    mine = views[e.index]
    for s, j in lib.retrieved(e, (kind,)).get(kind, [])[:POOL]:
        b = lib.entries[j]
        theirs = views[j]
        if (e.reg.id, b.reg.id) not in regsim:
            regsim[(e.reg.id, b.reg.id)] = _cos(lib.centroids[e.reg.id], lib.centroids[b.reg.id])
        ground = lib.ground(kind, e, b)
        basis, public, penalty = lib.mismatch(e, b, ground, kind)
        cos, subj, own = cosine(e, b), lib.subject(e, b.reg.id), lib.subject(b, b.reg.id)
        cands.append({"key": (b.reg.id, b.label), "cos": cos, "subj": subj, "resid": _residual(cos, subj, own),
                      "part": lib.closest(e, b, cos) if kind in ("upper", "lower") else cos,
                      "subj2": lib.subject(b, e.reg.id), "ground": ground, "kind": kind,
                      "outside": e.reg.id in lib.outside, "basis": basis, "public": public, "penalty": penalty,
                      "rare": s / (e.norm2 * b.norm2), "rarew": RARE[kind], "dpos": abs(lib.place(e) - lib.place(b)),
                      "nb": _cos(mine[0], theirs[0]), "core": _cos(mine[1], theirs[1]),
                      "actors": lib.shared_actors(e, b),        # kb's own (ACTORS): the bodies the actors name
                      "names": _share(mine[2], theirs[2]),      # … and the actors' names, as before
                      "generic": _share(*(frozenset(map(_generic_body, v[2])) for v in (mine, theirs))),
                      "regsim": regsim[(e.reg.id, b.reg.id)],
                      "topic": lib.topic(e, b.reg.id) if kind == "upper" else 1.0,
                      # 同类立法: how far each article is on the other's regulation's subject (Library.topic), the
                      # lesser — an article-level shared subject, for a candidate the regulations' gate turns away
                      "mutual": min(lib.topic(e, b.reg.id), lib.topic(b, e.reg.id)) if kind == "peer" else 1.0,
                      "bodies": lib.other_bodies(e, b),     # OTHER_BODIES: the titles name other kinds of body
                      "shared": lib.shared_subject(e.reg.id, b.reg.id),
                      # ACROSS: whether either article is a frame article (Library.frame), which no peer across the
                      # shared-subject gate may be
                      "frame": lib.frame(e) or lib.frame(b),
                      "chars": len(b.text),
                      "cover": containment(e, b),      # ORDER: the share of the article's weight the candidate holds
                      # ORDER_HEAD: how alike the two first clauses are
                      "head": head_cosine(e.text, b.text) if kind in ORDER_HEAD else 1.0})
    # the provisions kb puts first whatever their relevance (Library.pinned: those the article cites by number,
    # the 依据 clause of the law a 依据 clause names), as kb answers
    pinned = [(b.reg.id, b.label) for b in lib.pinned(e)] if kind == "upper" and e.index not in lib.inert else []
    return cands, pinned


#: ACTOR_BODIES of the fourth session of 2026-12-05: the bodies with a level or place and the generic tails (部门, 单位,
#: 主任, 代表 …) that made 民政部门 and 财政部门 one actor (code review 9, M9), for the variant that compares them
_GENERIC_BODIES = ("人民政府", "常务委员会", "人民代表大会", "主席团", "代表", "主任会议", "专门委员会", "工作委员会", "调查委员会",
                   "选举委员会", "居民委员会", "村民委员会", "业主委员会", "业主大会", "业主", "物业服务企业", "物业服务人",
                   "村民会议", "村民代表会议", "居民会议", "村民小组", "居民小组", "组成人员", "主管部门", "有关部门", "部门", "机关",
                   "机构", "办事处", "人民法院", "人民检察院", "单位", "组织", "个人", "村民", "居民", "委员会", "会议", "主任", "成员")


def _generic_body(name: str) -> str:
    """kb.library.related.actor_body with the fourth session's list (_GENERIC_BODIES)."""
    from kb.library.related import actor_body

    return actor_body(name, _GENERIC_BODIES)


def _share(mine: frozenset, theirs: frozenset) -> float:
    """|both| / |either| (0 when both are empty), as kb.library.related.Library.shared_actors counts it."""
    either = len(mine | theirs)
    return len(mine & theirs) / either if either else 0.0


def _residual(cos: float, mine: float, theirs: float) -> float:
    """The cosine of two articles once the direction of the candidate's regulation (its centroid) is taken out of both
    (a partial correlation): ``cos`` their cosine, ``mine`` and ``theirs`` each one's cosine with that centroid — what
    the two share beyond the vocabulary every article of that law shares (村民委员会, 村民会议 in the 村民委员会组织法)."""
    return (cos - mine * theirs) / math.sqrt(max((1 - mine * mine) * (1 - theirs * theirs), 1e-12))


def _outside_kb(root: Path, lib, pattern: str = "related-*.yml") -> list[tuple]:
    """(annotation file, Annotated, a library extended with its text, the parsed text, the root of the project that
    library is of) for each tuning file ``pattern`` of tests/data/related/outside-kb/ whose corpus text is at hand
    (../shared), less the texts of the round being annotated.  The library is ``lib`` (of ``root``), or for a file
    with ``extra_laws:`` that of a copy of the project that also holds those laws (kb.dev.extra_laws).  The text's
    level and place are read from its place in the corpus, as ``kb add`` reads them."""
    import math

    import yaml

    from kb.dev.extra_laws import extra_laws, with_laws
    from kb.dev.paths import corpus_dir
    from kb.layers.laws import law_index
    from kb.layers.links import references
    from kb.library.annotations import read_annotations, set_of
    from kb.library.corpus import read_corpus_text
    from kb.library.related import EXTRA_ID, cited_provisions, cited_regulations, outside_text, rests_outside
    from kb.project import list_regulations
    from kb.text.parse import parse_file

    out = []
    for f in sorted((root / "tests/data/related/outside-kb").glob(pattern)):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        path = corpus_dir() / str(data.get("corpus") or "")
        if set_of(data, f) != "tuning" or not path.is_file() \
                or any(_plain(h) in _plain(str(data.get("corpus"))) for h in HELD_OUT_TEXTS):
            continue
        home = with_laws(root, extra_laws(data, f), f)
        base = lib if home == root else _library(home)
        ct = read_corpus_text(path, corpus_dir())
        doc = parse_file(str(path), meta={"title": ct.title, "level": ct.level, "jurisdiction": ct.jurisdiction})
        reg, version = outside_text(doc, {"files": [data["corpus"]]})
        # the text's date, as `kb add` dates its version: the repetition check compares an older text with the upper
        # law's version in force then when the base holds it (kb.library.repeat.earlier_texts)
        version.date = ct.date
        refs = references(doc, law_index(root=home))
        lib2 = base.extended(reg, version, doc, cited_regulations(refs), rests_outside(doc, refs), cited_provisions(refs))
        # the text's subject (the centroid of its articles), which the base does not hold for a query-only text
        cent: dict = {}
        for e in lib2.entries[len(base.entries):]:
            lib2._vector(e)
            for g, w in e.vec.items():
                cent[g] = cent.get(g, 0.0) + w / e.norm2
        lib2.centroids = {**base.centroids, EXTRA_ID: (cent, math.sqrt(sum(w * w for w in cent.values())) or 1.0)}
        out.append((f, read_annotations(f, list_regulations(home) + [reg]), lib2, doc, home))
    return out


@functools.cache
def _library(root: Path):
    """The library of the project at ``root`` less ``HELD_OUT_REGULATIONS``, built once (a copy with extra laws)."""
    from kb.library.related import load_library
    from kb.project import list_regulations

    return load_library(root, regulations=[r.id for r in list_regulations(root) if r.id not in HELD_OUT_REGULATIONS])


def base_relevance(g: float, c: dict, rare: float | None = None, cos: float | None = None, part: float | None = None,
          **signals) -> float:
    """kb's relevance (kb.library.related) of candidate ``c`` with ground weight ``g``, divided by the factor the
    threshold is raised by for an article of a regulation resting on a law outside the knowledge base (OUTSIDE), so
    that one threshold applies to every article; ``rare``: another weight of the rare-bigram cosine than kb's for the
    kind, ``cos``: another cosine in place of the article's (the closest parts' not mixed in), ``part``: another weight of
    the closest parts' cosine (SEGMENTS) than kb's; ``signals``: other values than kb's of ``outside``,
    ``basis``, ``public``, ``penalty`` (OUTSIDE, BASIS, PUBLIC, PENALTY; 1 leaves one out), ``topic`` and ``off_topic``
    (TOPIC and OFF_TOPIC: a topic of 0 leaves both out), ``shared_subject`` (SHARED_SUBJECT: 0 leaves it out),
    ``actors`` (ACTORS: 0 leaves it out), ``position`` (POSITION: 0 leaves it out), ``other_bodies`` (OTHER_BODIES: 1
    leaves it out), ``across`` (ACROSS: a candidate the shared-subject gate turns away, neither article a frame article,
    at its relevance divided by this; 0: none)."""
    from kb.library import related as r

    k = c["kind"]
    o, u, q, p, t, s, a, at, ob = (signals.get(n, getattr(r, n.upper())[k])
                                  for n in ("outside", "basis", "public", "penalty", "topic", "shared_subject", "actors",
                                            "position", "other_bodies"))
    topic = r.on_topic(c["topic"], t, signals.get("off_topic")) if t and not c["ground"] else 1.0
    across = 1.0
    if s and not c["ground"] and c["shared"] < s:
        across = signals.get("across", r.ACROSS.get(k, 0.0))
        if not across or c["frame"]:
            return 0.0
    if cos is None:
        w = r.SEGMENTS[k] if part is None else part
        cos = c["cos"] ** (1 - w) * c["part"] ** w if w else c["cos"]
    return r.distinctive(cos, c["rare"], c["rarew"] if rare is None else rare) \
        * max(c["subj"], 0.0) * (1 + g * c["ground"]) / (o if c["outside"] else 1.0) \
        * (u if c["basis"] else 1.0) * (q if c["public"] else 1.0) * (p if c["penalty"] else 1.0) * topic \
        * (1 + a * c["actors"]) * (math.exp(-at * c["dpos"]) if at else 1.0) * (ob if c["bodies"] else 1.0) / across


def _gated(c: dict) -> bool:
    """Whether candidate ``c``'s regulation fails its kind's shared-subject gate (SHARED_SUBJECT; base_relevance gives it 0)."""
    from kb.library.related import SHARED_SUBJECT

    s = SHARED_SUBJECT[c["kind"]]
    return bool(s) and not c["ground"] and c["shared"] < s


def _actors(kind: str) -> float:
    from kb.library.related import ACTORS

    return ACTORS[kind]


def _order(kind: str, head: bool = False) -> float:
    """kb's weight of ``kind``'s coverage in the order of the first answers (kb.library.related.ORDER), or with ``head``
    that of the first clauses' cosine (ORDER_HEAD)."""
    from kb.library import related

    return (related.ORDER_HEAD if head else related.ORDER).get(kind, 0.0)


def _mix(c: dict, key: str, p: float) -> float:
    """The article cosine with weight ``p`` moved to the cosine ``key`` (cos^(1 − p) × c[key]^p)."""
    return c["cos"] ** (1 - p) * max(c[key], 1e-9) ** p


#: the rare-bigram weight per kind before round 8r's files were tuning (同类立法 0.5; the earlier formulas below use it)
_RARE8 = {"upper": 0.0, "peer": 0.5, "version": 0.0, "lower": 0.0}


#: name -> (parameters, score(parameter, ground weight, candidate)); a parameter of 0 is the formula itself,
#: so that a fold may leave the signal out
VARIANTS = {
    "原公式": ((None,), lambda p, g, c: base_relevance(g, c)),
    "第五轮的公式（不用下面四个信号）": ((None,), lambda p, g, c: base_relevance(g, c, outside=1, basis=1, public=1, penalty=1, topic=0,
                                                                  shared_subject=0, rare=_RARE8[c["kind"]], actors=0,
                                                                  position=0, other_bodies=1)),
    "第七轮的公式（不用最相近款项）": ((None,), lambda p, g, c: base_relevance(g, c, part=0, topic=0, shared_subject=0,
                                                              rare=_RARE8[c["kind"]], actors=0, position=0, other_bodies=1)),
    "不看主题的公式（TOPIC 之前）": ((None,), lambda p, g, c: base_relevance(g, c, topic=0, shared_subject=0, rare=_RARE8[c["kind"]],
                                                              actors=0, position=0, other_bodies=1)),
    "第八轮的公式（同类立法不看共同主题，罕见二元组 0.5）": ((None,), lambda p, g, c: base_relevance(g, c, shared_subject=0,
                                                                        rare=_RARE8[c["kind"]], actors=0, position=0,
                                                                        other_bodies=1)),
    "第九轮的公式（不看主体重合）": ((None,), lambda p, g, c: base_relevance(g, c, actors=0, position=0, other_bodies=1)),
    "主体按名称（第十一轮之前）": ((None,), lambda p, g, c: base_relevance(g, c, actors=0, position=0, other_bodies=1)
                                * (1 + _actors(c["kind"]) * c["names"])),
    "主体按机关含通名（第十二轮之前）": ((None,), lambda p, g, c: base_relevance(g, c, actors=0, position=0, other_bodies=1)
                                          * (1 + _actors(c["kind"]) * c["generic"])),
    "第十三轮之前（不看位置）": ((None,), lambda p, g, c: base_relevance(g, c, position=0, other_bodies=1)),
    "第十四轮之前（不看法规名称所指机关）": ((None,), lambda p, g, c: base_relevance(g, c, other_bodies=1)),
    "法规名称所指机关种类不同": ((1, 0.5, 0.25, 0), lambda p, g, c: base_relevance(g, c, other_bodies=p)),
    "依据条引库外法律时的阈值倍数": ((1, 1.5, 2, 3, 4), lambda p, g, c: base_relevance(g, c, outside=p)),
    "目的依据条对其他条": ((1, 0.5, 0.25), lambda p, g, c: base_relevance(g, c, basis=p)),
    "公权主体条对不提公权的条": ((1, 0.3, 0.1), lambda p, g, c: base_relevance(g, c, public=p)),
    "罚则对非依据法律的罚则": ((1, 0.7, 0.5, 0.3), lambda p, g, c: base_relevance(g, c, penalty=p)),
    "四个信号（各折一起选）": ([(o, u, q, r) for o in (1, 1.5, 2, 3) for u in (1, 0.5) for q in (1, 0.3, 0.1)
                          for r in (1, 0.5, 0.3)],
                         lambda p, g, c: base_relevance(g, c, outside=p[0], basis=p[1], public=p[2], penalty=p[3])),
    "位置（相对位置之差）": ((0, 0.25, 0.5, 0.75, 1), lambda p, g, c: base_relevance(g, c, position=p)),
    "罕见二元组余弦的权重": ((0, 0.25, 0.5, 0.75), lambda p, g, c: base_relevance(g, c, rare=p)),
    "候选对本法规的主题": ((0, 0.5, 1), lambda p, g, c: base_relevance(g, c) * max(c["subj2"], 1e-9) ** p),
    "去套语余弦": ((0, 0.25, 0.5, 0.75, 1), lambda p, g, c: base_relevance(g, c, cos=_mix(c, "nb", p))),
    "规范核心余弦": ((0, 0.25, 0.5, 0.75, 1), lambda p, g, c: base_relevance(g, c, cos=_mix(c, "core", p))),
    "去法规主题的余弦": ((0, 0.25, 0.5, 0.75, 1), lambda p, g, c: base_relevance(g, c, cos=_mix(c, "resid", p))),
    "阈值倍数只对本法规未引的法律": ((1, 1.5, 2, 3, 4), lambda p, g, c: base_relevance(g, c, outside=1)
                          / (p if c["outside"] and not c["ground"] else 1.0)),
    "最相近款项的余弦": ((0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6), lambda p, g, c: base_relevance(g, c, part=p)),
    "主体重合": ((0, 0.25, 0.5, 0.75, 1, 2), lambda p, g, c: base_relevance(g, c, actors=p)),
    "法规同主题": ((0, 0.5, 1, 2), lambda p, g, c: base_relevance(g, c) * max(c["regsim"], 1e-9) ** p),
    "同类立法的主题门槛（共同依据或法规主题余弦）": ((0, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12, 0.14),
                                   lambda p, g, c: base_relevance(g, c, shared_subject=p)),
    "主题门槛与罕见二元组权重（各折一起选）": ([(s, w) for s in (0, 0.08, 0.09, 0.1, 0.11, 0.12) for w in (0, 0.25, 0.5)],
                                 lambda p, g, c: base_relevance(g, c, shared_subject=p[0], rare=p[1])),
        "未引用的法律离题者减权（TOPIC、OFF_TOPIC）": ([(0, 0)] + [(s, o) for s in (0.03, 0.05, 0.08) for o in (0, 0.02, 0.025, 0.03)],
                                     lambda p, g, c: base_relevance(g, c, topic=p[0], off_topic=p[1])),
    # the candidate's length as a factor of relevance (pivoted length normalisation): × (characters / pivot)^w,
    # (pivot, w); it moves which answers pass the threshold too (tests/data/related/README.md, Twenty-fifth round)
    "候选条文长度（枢轴归一）": ([0] + [(v, w) for v in (60, 100, 150, 200) for w in (0.05, 0.1, 0.15, 0.2)],
                     lambda p, g, c: base_relevance(g, c) * ((c["chars"] / p[0]) ** p[1] if p else 1.0)),
    # the first three answers above the threshold ordered by relevance × the share of the article's weight they hold^w
    # (kb.library.related.ORDER), 0: by relevance alone; which answers pass does not move; and the same by their length
    # (characters^w: pivoted length normalisation, measured in the Twenty-fifth round, not adopted)
    "前三个答案按覆盖排序（覆盖指数）": ((0, 0.25, 0.5, 1, 2), lambda p, g, c: base_relevance(g, c),
                          lambda p: {"order": ("cover", p, "head", _order("upper", head=True))}),
    # … and by relevance × coverage^ORDER × the cosine of the first clauses (head_cosine)^p: what the article says first
    # against what the provision says first (twenty-third session, engineer 14d: the largest class of wrong first 上位法
    # answers outside the knowledge base is an acceptable provision second or third)
    "前三个答案按覆盖与首句排序（首句指数）": ((0, 0.05, 0.1, 0.15, 0.2, 0.3), lambda p, g, c: base_relevance(g, c),
                              lambda p: {"order": ("cover", _order("upper"), "head", p)}),
    "前三个答案按长度排序（长度指数）": ((0, 0.05, 0.1, 0.15, 0.2), lambda p, g, c: base_relevance(g, c),
                           lambda p: {"order": ("chars", p)}),
    # a "none" rule for 上位法 (twenty-seventh round, tests/data/related/README.md): the article is left none when kb's first
    # answer (not pinned, after ORDER) holds less than p of the article's weight (containment, ORDER's signal), or — for an
    # article of a text resting on a law the knowledge base lacks only — shares the article's rare bigrams less than p
    # (the rare-bigram cosine); 0: no rule.  The twelfth to twenty-fifth rounds found 上位法's "annotated none, kb offers"
    # the second class of wrong first answers
    "无答案规则：第一答案的覆盖下限": ((0, 0.06, 0.08, 0.1, 0.12, 0.14), lambda p, g, c: base_relevance(g, c),
                          lambda p: {"none": ("cover", p, False)}),
    "无答案规则：依据在库外时第一答案的罕见二元组余弦下限": ((0, 0.06, 0.08, 0.1, 0.12), lambda p, g, c: base_relevance(g, c),
                                     lambda p: {"none": ("rare", p, True)}),
    # … and a threshold of its own for a candidate of the law the article's regulation cites (its ground: 138 of the 139
    # first answers offered where the annotation has none on 43 folds are of it, as 1,146 of 1,183 right ones): the
    # ground's candidates divided by p (1: kb's one threshold)
    "依据法律的候选另设阈值倍数": ((1, 1.25, 1.5, 2), lambda p, g, c: base_relevance(g, c) / (p if c["ground"] else 1.0)),
    # 同类立法's followers (kb.library.related.FOLLOW) down to p, None: none; the highest of those with the best P@1 + R@3
    # wins a tie (the fewest weaker answers listed)
    # a 同类立法 candidate whose regulation fails the shared-subject gate (SHARED_SUBJECT) offered even so when the two
    # articles' duties name a body in common, its relevance divided by p (0: the gate, kb's): 75 of the 154 R@3 misses of
    # 43 folds are acceptable peers among the 15 candidates that the gate turns away, 15 more beyond them
    # (kb.dev.peer_recall; tests/data/related/README.md, Twenty-seventh round (engineer 14b)); measured, not adopted —
    # R@3 bought with P@1
    "同类立法门槛外有共同主体的候选（相关度除以倍数）": ((0, 1.5, 2, 3), lambda p, g, c: base_relevance(g, c) if not _gated(c) else (
        base_relevance(g, c, shared_subject=0) / p if p and c["actors"] > 0 else 0.0)),
    # … or when each article is on the other's regulation's subject (the lesser of the two topics, ``mutual``) at least
    # p[1], its relevance divided by p[0]
    "同类立法门槛外两条互在对方主题上的候选（倍数, 主题下限）": (
        [0] + [(m, x) for m in (2, 3, 4) for x in (0.025, 0.03, 0.04, 0.05)],
        lambda p, g, c: base_relevance(g, c) if not _gated(c) else (
            base_relevance(g, c, shared_subject=0) / p[0] if p and c["mutual"] >= p[1] else 0.0)),
    # a 同类立法 candidate whose regulation fails the shared-subject gate offered where neither article is a frame article
    # (Library.frame), its relevance divided by p (kb.library.related.ACROSS; 0: the gate alone, as before the eighteenth
    # session): tests/data/related/README.md, "Peers across the gate (eighteenth session)"
    "同类立法门槛外的非框架条（相关度除以倍数）": ((0, 1.5, 2, 2.5, 3, 4), lambda p, g, c: base_relevance(g, c, across=p)),
    "同类立法的后随答案（相关度下限）": ((None, 0.006, 0.005, 0.004, 0.003, 0.002, 0.001), lambda p, g, c: base_relevance(g, c),
                           lambda p: {"follow": p}),
}


def score_at(items: list[dict], f, threshold: float, follow=_KB, order=_KB, none=None) -> dict:
    """file -> [P@1 right, n, R@3 right, n with answers]."""
    return scores_at(items, f, (threshold,), follow, order, none)[threshold]


def scores_at(items: list[dict], f, thresholds, follow=_KB, order=_KB, none=None) -> dict:
    """threshold -> :func:`score_at` at that threshold: the candidates scored and ranked once for all the
    thresholds (those kept at a threshold are the ranking's first ones scoring at least that much).  ``follow``: the
    least relevance of 同类立法's followers (kb.library.related.FOLLOW; kb's by default, with FOLLOWERS; None: none);
    ``order``: (the candidates' signal, its weight[, a second signal, its weight]) ordering the first answers
    (kb.library.related.ORDER: the share of the article they hold, ``cover``, and ORDER_HEAD: the first clauses' cosine,
    ``head``; kb's by default, with ORDERED; a weight of 0: none); ``none``: (the candidates' signal,
    its least value, whether only for an article resting on a law the knowledge base lacks) — a 上位法 first answer (not
    pinned) below it leaves the article none (a "none" rule measured in the twenty-seventh round; None: kb's, no such
    rule)."""
    from kb.library.annotations import NONE
    from kb.library.related import ACROSS_MOST, FOLLOW, ORDER, ORDER_AMONG, ORDER_HEAD

    out: dict = {t: {} for t in thresholds}
    for it in items:
        pinned = it.get("pinned", [])
        scores = [(f(c), c) for c in it["cands"] if c["key"] not in pinned]
        most = ACROSS_MOST.get(it["kind"]) if ACROSS_BOUND else None
        if follow is _KB:
            least = FOLLOW.get(it["kind"]) if FOLLOWERS else None
        else:
            least = follow if it["kind"] in FOLLOW else None
        # every candidate as kb ranks it with the subject gate (SHARED_SUBJECT) not asked: the followers' ranking, and
        # what tells a candidate offered across the gate (ACROSS: scored, but less than without the gate)
        opened = {c["key"]: f({**c, "shared": math.inf}) for c in it["cands"]} \
            if most is not None or least is not None else {}
        crossed = {c["key"] for v, c in scores if v > 0 and v != opened[c["key"]]} if most is not None else set()
        ranked = sorted(((v, c["key"]) for v, c in scores), reverse=True)
        if crossed:
            # the best ``most`` across the gate only (Library._across)
            ahead = [k for _, k in ranked if k in crossed][:most]
            ranked = [(v, k) for v, k in ranked if k not in crossed or k in ahead]
        ranked = ranked[:5]
        duties = it.get("duties")
        owed = [(p, sorted((f(c) for c in cs if c["key"] not in p), reverse=True)[:1]) for cs, p in duties or ()]
        free = sorted(((v, k) for k, v in opened.items()), reverse=True) \
            if least is not None and ranked and ranked[0][0] >= min(thresholds) else []
        key, w, *then = ("cover", ORDER.get(it["kind"], 0.0) if ORDERED else 0.0, "head", ORDER_HEAD.get(it["kind"], 0.0)) \
            if order is _KB else (order[0], order[1] if it["kind"] in ORDER else 0.0, *order[2:])
        by = {c["key"]: c[key] for c in it["cands"]} if w and not pinned else None
        # (a second signal of the order, its weight: × its value^weight, 1e-3 at the least; a candidate made without the
        # signal — a test's — weighs 1)
        by2 = {c["key"]: max(c.get(then[0], 1.0), 1e-3) ** then[1] for c in it["cands"]} if by and then and then[1] \
            else None
        cands = {c["key"]: c for c in it["cands"]} if none and none[1] and it["kind"] == "upper" else None
        for threshold in thresholds:
            got = (pinned + [k for s, k in ranked if s >= threshold])[:5]
            if by and len(got) > 1:
                # the first answers by relevance × coverage^w (Library.related: ORDER), none pinned
                top = sorted(((s, k) for s, k in ranked[:ORDER_AMONG] if s >= threshold),
                             key=lambda x: -x[0] * by[x[1]] ** w * (by2[x[1]] if by2 else 1.0))
                got = [k for _, k in top] + got[len(top):]
            if got and duties and not any(p or (best and best[0] >= threshold) for p, best in owed):
                got = []        # a penalty clause whose duties have no 上位法 has none (Library.owes_nothing)
            if got and cands and got[0] not in pinned and (not none[2] or cands[got[0]]["outside"]) \
                    and cands[got[0]][none[0]] < none[1]:
                got = []        # the first answer too weak by ``none``'s signal: the article has none
            if got and free and not all(k in crossed for k in got):
                # … and once an answer passed, the next candidates down to ``least`` follow it (Library.related) — not
                # an answer across the gate alone (ACROSS_MOST)
                got = (got + [k for s, k in free if s >= least and k not in got])[:5]
            t = out[threshold].setdefault(it["file"], [0, 0, 0, 0])
            t[1] += 1
            if it["gold"] == NONE:
                t[0] += not got
            else:
                t[0] += bool(got) and got[0] in it["gold"]
                t[2] += bool(set(got[:3]) & it["gold"])
                t[3] += 1
    return out


def pool(counts: dict, files) -> list[int]:
    return [sum(counts.get(f, [0] * 4)[i] for f in files) for i in range(4)]


def by_count(chosen: list) -> list:
    """The folds' distinct choices, most chosen first; a tie in the order the folds first chose them (a set's order of
    tuples holding None changes from process to process, so the printed list did: code review 12 item 7)."""
    return sorted(dict.fromkeys(chosen), key=lambda c: -chosen.count(c))


def figures(t: list[int]) -> tuple[float, float]:
    return t[0] / (t[1] or 1), t[2] / (t[3] or 1)


def related(root: Path, out=sys.stdout, least: float = 0.0, variants=None, items: list | None = None,
            groups: dict | None = None, by_group: dict | None = None) -> dict:
    """(kind, variant) -> (P@1, R@3, each fold's choice), printed as it goes.  ``least``: the folds choose among the
    thresholds of the grid of at least this (kb's 上位法 threshold cannot go below 0.016 — GROUND says why —, so that is
    the choice kb can take: ``--least 0.016``); ``variants``: the names of VARIANTS to cross-validate (all when None);
    ``items``: :func:`annotated_items` of ``root``, when the caller has them; ``groups``: name -> annotation file names (as
    :func:`fold_groups` gives them) — each variant's folds are also pooled per group, every fold scored at its own
    choice as in the figure of all folds, printed under it and put in ``by_group`` ((kind, variant, group) -> (P@1,
    R@3, [P@1 right, n, R@3 right, n with answers])) when given: the held-out rounds are texts outside the knowledge
    base, whose folds the pooled figure, carried by the texts of the knowledge base, does not show (nineteenth session,
    engineer 14j: 同类立法 R@3 0.689 on all 49 folds, 0.391 on outside-kb/'s, 0.071 on rounds 20r–25r's)."""
    from kb.dev.paths import corpus_dir, missing

    if not corpus_dir().is_dir():
        # the outside-kb/ files' texts are corpus files: without them the folds differ from the README's figures
        print(f"{missing(corpus_dir())}：outside-kb/ 的标注（库外文本）未计入，下列数字与 README 所记不同",
              file=sys.stderr)
    items = annotated_items(root) if items is None else items
    thresholds = tuple(t for t in THRESHOLDS if t >= least)
    res = {}
    for kind in ("upper", "peer"):
        its = [i for i in items if i["kind"] == kind]
        files = sorted({i["file"] for i in its})
        for name, (params, fn, *rule) in VARIANTS.items():
            if variants is not None and name not in variants:
                continue
            # (a variant's third element: kb's rules at its parameter — the followers' least relevance, the weight of
            # the length in the first answers' order —, kb's otherwise)
            grid = [((p, g, t), counts) for p in params for g in GROUND[kind]
                    for t, counts in scores_at(its, (lambda p, g: lambda c: fn(p, g, c))(p, g), thresholds,
                                             **(rule[0](p) if rule else {})).items()]
            # every file's counts and their sum, once per point: a fold's "rest" is the sum less the file held out
            per_file = [(point, [pool(counts, [f]) for f in files]) for point, counts in grid]
            sums = [[sum(x[i] for x in by_file) for i in range(4)] for _, by_file in per_file]
            total, chosen, held_out = [0] * 4, [], {}
            for j, held in enumerate(files):
                best = max(range(len(grid)), key=lambda k: sum(figures(
                    [a - b for a, b in zip(sums[k], per_file[k][1][j])])))
                chosen.append(grid[best][0])
                held_out[held] = per_file[best][1][j]
                total = [a + b for a, b in zip(total, per_file[best][1][j])]
            p1, r3 = figures(total)
            res[(kind, name)] = (p1, r3, chosen)
            print(f"{kind:5} {name:12} 交叉验证 P@1 {p1:.3f} R@3 {r3:.3f}  各折（参数, 依据权重, 阈值）"
                  f"{by_count(chosen)}", file=out, flush=True)
            if groups:
                shown = []
                for g, members in groups.items():
                    t = [sum(held_out[f][i] for f in members if f in held_out) for i in range(4)]
                    if by_group is not None:
                        by_group[(kind, name, g)] = (*figures(t), t)
                    shown.append(f"{g} {t[0] / (t[1] or 1):.3f} / {t[2] / (t[3] or 1):.3f}（{t[1]} 条，有答案 {t[3]}）")
                print("      按折分组 P@1 / R@3：" + "；".join(shown), file=out, flush=True)
    return res


def fold_groups(root: Path) -> dict[str, list[str]]:
    """Group -> the tuning annotation files (names, as the folds know them) of that group, for :func:`related`'s
    ``groups``: 知识库内 (the texts of the knowledge base), 库外 (those of ``outside-kb/``: texts outside it, the kind every
    held-out round since 20r draws), and each outside-kb round (``12r`` …, read from the first "round NNr" of the file's
    header, where the round it was held out in is named), in order — a round's figure is its files' folds, each choosing
    on all the others."""
    import re

    def round_of(f: Path) -> int:
        m = re.search(r"round (\d+)r", f.read_text(encoding="utf-8"))
        return int(m.group(1)) if m else 0

    inside = [f.name for f in tuning_files(root, "related-*.yml")]
    outside = tuning_files(root, "related-*.yml", "tests/data/related/outside-kb")
    rounds: dict[int, list[str]] = {}
    for f in outside:
        rounds.setdefault(round_of(f), []).append(f.name)
    return {"知识库内": inside, "库外": [f.name for f in outside],
            **{(f"{r}r" if r else "库外（未记轮次）"): names for r, names in sorted(rounds.items())}}


def repeat(root: Path, out=sys.stdout) -> dict:
    from dataclasses import replace

    from kb.library.repeat import (BY_VALUE, LOCAL_SENTENCE, MIN_BEST, OWN_FINE, PAIR, PAIR_REST, PART, PART_WHOLE,
                                   REFERRAL, SPREAD_PART, THRESHOLD, TRIPLE, TRIPLE_REST, local_cover, own_figures,
                                   own_fine, repetition, unreported)

    rows, gold = [], {}
    for f, ann, lib_ in repeat_texts(root):
        gold[f.name] = len(ann.repeats)
        # the duties' actors (the obligation layer's, Library.actors) are not read of a text held out for that layer, nor
        # where the text's upper law is (the mode "义务主体" leaves such articles to kb's rule)
        duties = not _obligations_held_out(f)
        for e in lib_.entries:
            if e.reg.id == ann.regulation and e.version.name == e.reg.versions[-1].name:
                rep = repetition(lib_, e)
                # every bound of kb's but MIN_BEST, PAIR, PART, SPREAD_PART, THRESHOLD, OWN_FINE, LOCAL_SENTENCE and
                # REFERRAL, which the folds choose (the share from SHARES' least); the article's quantities
                # compared with its upper provisions' by value and as written (BY_VALUE, which the folds choose too):
                # whether it passes the bounds, whether its fine is its own, the least upper wording of a sentence
                # stating a quantity of its own (local_cover)
                ways = {}
                covered = {i for s, t in rep.marks for i in range(s, t)} if rep else set()
                for values in (True, False):
                    uppers = [r.entry.text for r in rep.upper] if rep else []
                    figures = own_figures(e.text, uppers, values)
                    r2 = rep and replace(rep, own_figures=figures, own_fine=own_fine(e.text, uppers, values),
                                         local=local_cover(e.text, covered, figures))
                    ways[values] = (unreported(r2, threshold=min(DUTY_SHARES), best=0.0, part=None, fine=False,
                                               local=None, spread_part=None, refer=False) is None,
                                    bool(r2 and r2.own_fine), r2.local if r2 else 1.0)
                if ways[True][0] or ways[False][0]:
                    # the share of the bodies the article's duties and its closest provision's name in common
                    # (Library.shared_actors), None when the article names none or its text is held out for the layer
                    acted = (lib_.shared_actors(e, rep.upper[0].entry) if duties and lib_.actors(e) else None)
                    rows.append((f.name, e.node.number in ann.repeats, rep.best, rep.pair, rep.share, rep.part, ways,
                                 acted, rep.triple, rep.referral))

    def counts(least, files, two=PAIR, share=THRESHOLD, besides=PAIR_REST, part=(PART, PART_WHOLE), fine=OWN_FINE,
               values=BY_VALUE, duty=None, three=(TRIPLE, TRIPLE_REST), local=LOCAL_SENTENCE, spread=SPREAD_PART,
               refer=REFERRAL):
        # kb's rule (kb.library.repeat.unreported): the closest provision holds ``least`` — and the article takes ``part[0]``
        # of that provision's wording or is ``part[1]`` upper law's (``part[0]`` None: not checked) —, or the two closest
        # ``two`` (None: not at all) with at most ``besides`` of the article the wording of other provisions; with ``fine``,
        # no article imposing a fine of an amount its upper provisions do not state (OWN_FINE); its quantities compared by
        # value or as written (``values``); with ``duty`` (least share, least shared actors), an article below ``share``
        # but at its least share whose duties' bodies its closest provision names at least as much is held to ``share``'s;
        # or, neither the closest nor the two closest holding enough, the three closest ``three[0]`` (None: not at all) with
        # at most ``three[1]`` of the article other provisions' wording (kb.library.repeat.TRIPLE, TRIPLE_REST); no article
        # a sentence of which, at most ``local`` upper law's wording (None: not checked), states a quantity of its own
        # (kb.library.repeat.LOCAL_SENTENCE); an article reported through the two or three closest taking at least
        # ``spread`` of its closest provision's wording (None: not checked; kb.library.repeat.SPREAD_PART); with
        # ``refer``, no reference clause whose closest provision is no referral (kb.library.repeat.REFERRAL)
        hits = [(f, g) for f, g, b, t, s, p, w, a, x, z in rows
                if f in files and w[values][0] and not (fine and w[values][1]) and not (refer and z)
                and not (local is not None and w[values][2] <= local)
                and (s >= share or (duty is not None and s >= duty[0] and a is not None and a >= duty[1]))
                and ((b >= least and (part[0] is None or p >= part[0] or s >= part[1]))
                     or (b < least and (spread is None or p >= spread)
                         and ((two is not None and t >= two and round(s - t, 9) <= besides)
                              or (three[0] is not None and x >= three[0] and round(s - x, 9) <= three[1]))))]
        tp = sum(1 for f, g in hits if g)
        return tp, len(hits) - tp, sum(gold[f] for f in files) - tp

    def f1(c):
        return 2 * c[0] / (2 * c[0] + c[1] + c[2]) if c[0] else 0.0

    res = {}
    for name, grid in (("0–0.5，步长 0.05", [0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]),
                       ("0.3–0.55，步长约 0.02", [0, 0.3, 0.35, 0.38, 0.4, 0.42, 0.44, 0.45, 0.46, 0.48, 0.5, 0.55])):
        total, chosen = [0, 0, 0], []
        for held in gold:
            rest = [f for f in gold if f != held]
            best = max(grid, key=lambda b: (f1(counts(b, rest)), -b))
            chosen.append(best)
            total = [a + b for a, b in zip(total, counts(best, [held]))]
        res[name] = (f1(total), total, chosen)
        print(f"最相近一条的比例下限，网格 {name}：交叉验证 F1 {f1(total):.3f}（对 {total[0]}，错报 {total[1]}，"
              f"漏报 {total[2]}），各折选 {chosen}", file=out)
    # a repeat spread over two provisions (村民会议的职权 from three articles of the law) is missed by MIN_BEST: also report an
    # article whose two closest provisions together hold ``two`` of its letters (None: not at all) with at most ``besides`` of
    # it the wording of other provisions (kb.library.repeat.PAIR, PAIR_REST, since the twelfth session of 2026-12-06)
    grid = [(t, r) for t in (0.5, 0.55, 0.6, 0.7, 0.8, 0.9) for r in (0.1, 0.15, 0.2, 0.3, 1.0)] + [(None, PAIR_REST)]
    total, chosen = [0, 0, 0], []
    for held in gold:
        rest = [f for f in gold if f != held]
        two = max(grid, key=lambda p: (f1(counts(MIN_BEST, rest, p[0], besides=p[1])), p[0] is None, p[0] or 0, -p[1]))
        chosen.append(two)
        total = [a + b for a, b in zip(total, counts(MIN_BEST, [held], two[0], besides=two[1]))]
    res["前两条合计"] = (f1(total), total, chosen)
    print(f"最相近一条 ≥ {MIN_BEST}，或最相近两条合计 ≥ 下限、其余上位条文的字句不超过上限（None：不用；kb 的 PAIR {PAIR}、"
          f"PAIR_REST {PAIR_REST}）：交叉验证 F1 {f1(total):.3f}（对 {total[0]}，错报 {total[1]}，漏报 {total[2]}），"
          f"各折选 {chosen}", file=out)

    def by_folds(grid, bound, ties):
        # each fold's choice among ``grid`` of counts()'s keyword ``bound``: the best F1 on the other files, ``ties`` (of a
        # choice) ranking equal ones
        total, chosen = [0, 0, 0], []
        for held in gold:
            rest = [f for f in gold if f != held]
            pick = max(grid, key=lambda p: (f1(counts(MIN_BEST, rest, **{bound: p})), *ties(p)))
            chosen.append(pick)
            total = [a + b for a, b in zip(total, counts(MIN_BEST, [held], **{bound: pick}))]
        return f1(total), total, chosen

    # a repeat spread over three provisions (重庆市实施《村民委员会组织法》办法 第十六条, the law's 第二、八、九、十条 item by
    # item): also report an article whose three closest provisions together hold ``three`` of its letters
    # (None: not at all) with at most ``rest`` of it other provisions' wording (kb.library.repeat.TRIPLE, TRIPLE_REST, since
    # the twentieth session of 2026-12-07)
    res["前三条合计"] = f, total, chosen = by_folds(
        [(t, r) for t in (0.6, 0.65, 0.7, 0.8) for r in (0.05, 0.1, 0.15)] + [(None, TRIPLE_REST)], "three",
        lambda p: (p[0] is None, -(p[0] or 0), -p[1]))
    print(f"最相近一条、两条都不够时，最相近三条合计 ≥ 下限、其余上位条文的字句不超过上限（None：不用；kb 的 TRIPLE {TRIPLE}、"
          f"TRIPLE_REST {TRIPLE_REST}）：交叉验证 F1 {f:.3f}（对 {total[0]}，错报 {total[1]}，漏报 {total[2]}），"
          f"各折选 {by_count(chosen)}", file=out)
    # an article reported through its closest provision restates a good part of it: the least share of that provision's
    # wording it must take, and the share of upper law's wording in the article from which it is reported whatever part it
    # takes (kb.library.repeat.PART, PART_WHOLE, since the thirteenth session of 2026-12-06; None: not checked)
    res["所取比例"] = f, total, chosen = by_folds(
        [(p, w) for p in (0.1, 0.15, 0.2, 0.25) for w in (0.6, 0.7, 0.75, 0.8)] + [(None, PART_WHOLE)], "part",
        lambda p: (p[0] is None, -(p[0] or 0), p[1]))
    print(f"最相近一条 ≥ {MIN_BEST} 时，文章至少取该条字句的比例、或上位法字句占文章的比例达上限（None：不查；kb 的 PART {PART}、"
          f"PART_WHOLE {PART_WHOLE}）：交叉验证 F1 {f:.3f}（对 {total[0]}，错报 {total[1]}，漏报 {total[2]}），"
          f"各折选 {by_count(chosen)}", file=out)
    def either(bound):
        # each fold's choice of a rule on (True) or off (False) — ``bound``, the keyword of counts() it sets —, off on a tie
        return by_folds((False, True), bound, lambda o: (not o,))

    # a sentence of the article's own wording stating a quantity its upper provisions lack (kb.library.repeat.LOCAL_SENTENCE,
    # since the twenty-first session of 2026-12-07): the folds choose the most upper wording such a sentence may hold
    # (None: not checked)
    res["本地数量"] = f, total, chosen = by_folds([None, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6], "local",
                                               lambda p: (p is None, -(p or 0)))
    print(f"条文中上位法字句不超过上限的一句写有上位条文所无的数量时不报（None：不查；kb 的 LOCAL_SENTENCE {LOCAL_SENTENCE}）："
          f"交叉验证 F1 {f:.3f}（对 {total[0]}，错报 {total[1]}，漏报 {total[2]}），各折选 {by_count(chosen)}", file=out)
    # an article reported through its two or three closest provisions (PAIR, TRIPLE) that takes a phrase of its
    # closest one (kb.library.repeat.SPREAD_PART, since the twenty-second session of 2026-12-07): the folds choose the
    # least share of that provision's wording it must take (None: not checked)
    res["分散时所取比例"] = f, total, chosen = by_folds([None, 0.03, 0.05, 0.07, 0.1, 0.12, 0.15], "spread",
                                                  lambda p: (p is None, -(p or 0)))
    print(f"最相近两条、三条合计报出的条文至少取最相近一条字句的比例（None：不查；kb 的 SPREAD_PART {SPREAD_PART}）："
          f"交叉验证 F1 {f:.3f}（对 {total[0]}，错报 {total[1]}，漏报 {total[2]}），各折选 {by_count(chosen)}", file=out)
    # a reference clause (…的，由有关部门依法处理: kb.library.repeat.REFERRAL, since the twenty-fourth session of 2026-12-08):
    # the folds choose whether an article referring the act to a body's handling, its closest provision no referral, is
    # reported
    res["转致条款"] = f, total, chosen = either("refer")
    print(f"仅规定由有关部门依法处理的转致条款不报（最相近的上位条文本身不是转致条款时；kb 的 REFERRAL {REFERRAL}）："
          f"交叉验证 F1 {f:.3f}（对 {total[0]}，错报 {total[1]}，漏报 {total[2]}），各折选 {by_count(chosen)}", file=out)
    # a fine of the text's own amount (kb.library.repeat.OWN_FINE, since the fifteenth session of 2026-12-06): the folds
    # choose whether an article imposing a 罚款 of an amount its upper provisions do not state is reported
    res["罚款数额"] = f, total, chosen = either("fine")
    print(f"罚款数额为上位条文所无的条文不报（kb 的 OWN_FINE {OWN_FINE}）：交叉验证 F1 {f:.3f}（对 {total[0]}，"
          f"错报 {total[1]}，漏报 {total[2]}），各折选 {by_count(chosen)}", file=out)
    # the quantities of an article and of its upper provisions compared by value whatever the numerals (1万元 the law's 一万元,
    # 15日 its 十五日), or as written (kb.library.repeat.BY_VALUE, since the sixteenth session of 2026-12-06): the folds choose
    res["数额按数值比较"] = f, total, chosen = either("values")
    print(f"条文与上位条文的数量按数值比较（kb 的 BY_VALUE {BY_VALUE}）：交叉验证 F1 {f:.3f}（对 {total[0]}，"
          f"错报 {total[1]}，漏报 {total[2]}），各折选 {by_count(chosen)}", file=out)
    # the least share of the article's wording found in its upper provisions together (THRESHOLD), MIN_BEST kb's
    total, chosen = [0, 0, 0], []
    for held in gold:
        rest = [f for f in gold if f != held]
        share = max(SHARES, key=lambda s: (f1(counts(MIN_BEST, rest, share=s)), -s))
        chosen.append(share)
        total = [a + b for a, b in zip(total, counts(MIN_BEST, [held], share=share))]
    res["合计比例下限"] = (f1(total), total, chosen)
    print(f"全部上位条文合计的比例下限（THRESHOLD），最相近一条 ≥ {MIN_BEST}：交叉验证 F1 {f1(total):.3f}（对 {total[0]}，"
          f"错报 {total[1]}，漏报 {total[2]}），各折选 {chosen}", file=out)
    # a reworded repeat (the same rule in other words: 0.4–0.5 of it upper law's wording) against a local rule worded as
    # closely: the article's duties laid on the bodies its closest provision names (Library.shared_actors, the obligation
    # layer's actors) — the folds choose the least share and the least shared actors, or none (seventeenth session)
    grid = [None] + [(lo, a) for lo in DUTY_SHARES for a in (0.5, 1.0)]
    total, chosen = [0, 0, 0], []
    for held in gold:
        rest = [f for f in gold if f != held]
        duty = max(grid, key=lambda d: (f1(counts(MIN_BEST, rest, duty=d)), d is None))
        chosen.append(duty)
        total = [a + b for a, b in zip(total, counts(MIN_BEST, [held], duty=duty))]
    res["义务主体"] = (f1(total), total, chosen)
    print(f"合计比例不足 {THRESHOLD} 但达下限、且条文义务的主体与最相近上位条文相同（比例达下限；None：不用）："
          f"交叉验证 F1 {f1(total):.3f}（对 {total[0]}，错报 {total[1]}，漏报 {total[2]}），各折选 {by_count(chosen)}",
          file=out)
    for least in (0, MIN_BEST):
        c = counts(least, list(gold))
        print(f"下限 {least}（全部调参文件合计）：F1 {f1(c):.3f}（对 {c[0]}，错报 {c[1]}，漏报 {c[2]}）", file=out)
    return res


def repeat_texts(root: Path, outside: bool = True) -> list[tuple]:
    """(annotation file, Annotated, the library its text is checked in) for the tuning repetition files: those of texts
    of the knowledge base (the files ``kb score-repeat`` scores, in its library) and, with ``outside``, those of
    ``outside-kb/`` (a text not in it, checked as ``kb check`` checks a draft: in a copy of the library extended with
    it, :func:`_outside_kb`) — the texts the repetition folds score and kb.dev.related_errors classifies."""
    from kb.library.annotations import read_annotations
    from kb.library.related import load_library
    from kb.project import list_regulations

    regs = list_regulations(root)
    lib = load_library(root)
    texts = [(f, read_annotations(f, regs), lib) for f in tuning_files(root, "repeat-*.yml")]
    if outside:
        texts += [(f, ann, lib2) for f, ann, lib2, _, _ in _outside_kb(root, lib, "repeat-*.yml")]
    return texts


#: the least shares of an article's wording found in its upper provisions together (kb.library.repeat.THRESHOLD) the
#: repetition cross-validation chooses among
SHARES = (0.45, 0.5, 0.52, 0.55, 0.58, 0.6, 0.65)
#: the least shares of an article's wording found in its upper provisions from which the mode "义务主体" of the repetition
#: cross-validation reports an article whose duties' bodies its closest provision names (below SHARES' least)
DUTY_SHARES = (0.4, 0.45)


def _obligations_held_out(f: Path) -> bool:
    """Whether the text of repetition file ``f``, or a law it rests on (``extra_laws:``), is a corpus text held out this
    session or by kb check (kb.dev.heldout.may_read): the obligation layer is not run on it (the rows' actors)."""
    import yaml

    from kb.dev.extra_laws import extra_laws
    from kb.dev.heldout import may_read

    data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
    return any(not may_read(p) for p in (str(data.get("corpus") or ""), *extra_laws(data, f)) if p)


def main(argv=None) -> int:
    from kb.dev.paths import REPO

    argv = sys.argv[1:] if argv is None else argv
    which = argv[0] if argv else "related"
    modes = {"related": related, "repeat": repeat}
    rest = argv[1:]
    by_round = which == "related" and "--by-round" in rest
    if by_round:
        rest = [a for a in rest if a != "--by-round"]
    least = _least(rest) if which == "related" else (None if rest else 0.0)
    if which not in modes or least is None:
        print(f"用法：python3 -m kb.dev.related_cv [related [--least 阈值下限，不超过 {max(THRESHOLDS)}] [--by-round] | repeat]"
              f"（不认识：{' '.join(argv)}）", file=sys.stderr)
        return 2
    if which == "related":
        related(REPO, least=least, groups=fold_groups(REPO) if by_round else None)
    else:
        repeat(REPO)
    return 0


def _least(args: list) -> float | None:
    """The threshold floor of ``related [--least X]`` (0 without it; None for anything else: a usage error)."""
    if not args:
        return 0.0
    if len(args) != 2 or args[0] != "--least":
        return None
    try:
        least = float(args[1])
    except ValueError:
        return None
    # a floor above the grid's largest threshold (or nan) leaves the folds nothing to choose from: refused here, before
    # the items are built, not a ValueError of max() minutes later (code review 13 item 13)
    return least if least <= max(THRESHOLDS) else None


if __name__ == "__main__":
    from kb.errors import run_tool

    sys.exit(run_tool(main))
