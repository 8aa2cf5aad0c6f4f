"""Repetition of upper law (rule ``upper-repeat`` of ``kb check``): the articles of a draft that
substantially repeat a provision of an upper-level law in the knowledge base — 立法法: 对上位法已经
明确规定的内容，一般不作重复性规定.

An article's candidates are its upper-law related provisions (kb.library.related: the same subject, so
a clause worded like a 社区矫正法 one is not a repetition of it); its *share* is the
part of its text (letters and digits) that is the same wording as one of them, in runs of at least
``MIN_RUN`` characters, the spans of several upper provisions taken together (an article may restate
two).  An article whose share reaches ``THRESHOLD``, and which repeats at least ``MIN_REPEATED``
letters (less is a formula, not a rule), is reported with the provisions it shares text
with, the share, and the marked overlap.  THRESHOLD was chosen on the seed's annotations only
(tests/data/related/repeat-seed.yml); ``kb score-repeat`` reports P/R/F1 on all six annotated texts.

An article that copies most of an upper provision but adds figures of its own — two or more quantities
(十五日内, 三十人, 五千元以上一万元以下) that the provisions it shares wording with do not state — is
implementing the law with local detail, which the annotators did not count as repetition: such an
article is not reported (``MAX_OWN_FIGURES``; chosen by leave-one-file-out cross-validation over the six
annotated texts, each fold picking the same bound).

Wording every law has is no repetition: letters of a boilerplate clause (kb.compare.boilerplate — 构成犯罪的，依法追究
刑事责任, 依法给予治安管理处罚) do not count towards ``MIN_REPEATED`` (北京市物业管理条例 第一百零二条 beside the
老年人权益保障法's 第七十八条, newcomer review 5, item 4); and an upper law on another subject is no candidate
(kb.library.related: TOPIC), nor one the regulation does not cite whose subject the article is not on in full
(``REPEAT_TOPIC``: 重庆市志愿服务条例第七条's list of bodies beside the 妇女权益保障法's).

An article repeats a provision: most of its wording must come from one of them, not from phrases of four
or five provisions pieced together (施工现场公示规划许可证 assembled from the 城乡规划法's articles on
permits, publication and penalties restates none of them).  The provision it shares most with must
cover ``MIN_BEST`` of its letters on its own (leave-one-file-out over the six texts: every fold picks
0.45 on a grid of 0–0.5 by 0.05).

Or from two of them: a repeat spread over two provisions (村务监督委员会 from the 村民委员会组织法's 第三十二条 and its
第二十七条's 依照法律、法规和村民自治章程; 男女同工同酬 and 福利待遇 from two articles of the 妇女权益保障法) is reported when
the two closest together hold ``PAIR`` of its letters and at most ``PAIR_REST`` of them is wording of other upper
provisions — phrases of three or four provisions pieced together still restate none (twelfth session, 2026-12-06: every
fold of the repetition cross-validation takes 0.55 and 0.15).  Or from three: the three closest together hold ``TRIPLE`` of it
and other provisions' wording at most ``TRIPLE_REST`` (a list of duties restating four articles of the law item by item,
重庆市实施《村民委员会组织法》办法 第十六条; twentieth session, 2026-12-07: every fold takes 0.6 and 0.1) — the seed's draft
article pieced from four provisions still restates none (its fourth provision adds 0.14).

A repeat restates a good part of its provision: an article whose closest provision holds ``MIN_BEST`` of it but which
takes less than ``PART`` of that provision's wording — a phrase or two of a long provision (the 地方组织法's 第二十二条 on 议案
and 质询案 beside a local rule on withdrawing a 质询案 in the 常务委员会, 北京市国民经济和社会发展计划审查监督条例's July report
beside the 监督法's 第二十七条 on 决算 and 审计) — restates none of it, unless ``PART_WHOLE`` of the article is upper law's
wording (thirteenth session, 2026-12-06: every fold of the repetition cross-validation takes 0.15 and 0.75).
An article reported through its two or three closest provisions (PAIR, TRIPLE) takes ``SPREAD_PART`` of its closest
one's wording: a phrase of a long provision beside another's is a local step worded with the law's words
(北京市村民委员会选举办法 第三十一条, the result confirmed, announced and filed: 0.04 of the 村民委员会组织法's 第十五条;
twenty-second session, 2026-12-07: every fold of the repetition cross-validation takes 0.07).

A rule for another body is no source of a local article's repetition — the annotators' "not a repetition" (tenth session,
2026-12-06): an upper provision for the 全国人民代表大会 and its 法律案 alone, restated for the 市人民代表大会 and its 法规案
(:func:`another_legislature`; 重庆市地方立法条例, 31 false reports), and a provision of a law whose title names another kind of
body than the article's regulation's (kb.library.related.Library.other_bodies, as OTHER_BODIES reads it: the 选举法's rules for
electing 人民代表大会 deputies restated for the 村民委员会's election, 北京市村民委员会选举办法 第二十九、三十条).  Nor is a
purpose and ground clause reported (:func:`ground_clause`).

A fine of the text's own amount is a local rule — the annotators' "a fine of an amount the law does not give" (rounds 8r–21r:
测绘 第四十九条's 5万元 cap, 种子 第五十九条's 3万元 for the law's 3000–3万元, 广东省固体废物污染环境防治条例 第五十一条's
五千元以上五万元以下): an article imposing a 罚款 that states an amount of money its upper provisions do not state is not
reported (``OWN_FINE``), though one figure of its own (MAX_OWN_FIGURES) would not stop another article (fifteenth session,
2026-12-06: every fold of the repetition cross-validation takes it).

A sentence of the article's own that states a figure of its own is a local rule — the annotators' "a concrete local deadline,
body, standard or procedure the upper law does not give" (twenty-first session, 2026-12-07: 村民代表总数一般不得少于三十人, 听证会举行十日前
…予以公告, 在二十个工作日内将处理情况回复建议人 beside the provision they restate): an article one of whose sentences is at most
``LOCAL_SENTENCE`` upper law's wording and states a quantity its upper provisions lack (:func:`local_cover`) is not reported,
though one figure of its own (MAX_OWN_FIGURES) inside the restated wording would not stop it.

A reference clause refers an act to a body's handling and restates no rule — the annotators' "a clause that refers the act to
依法处理 or to other laws is not" (rounds 6, 10r, 11r, 27r, 30r): an article that is one sentence ending …的，由…依法处理 (依法
查处, 依照…处罚), with no sanction of its own, is not reported (``REFERRAL``; :func:`referral`: 北京市反食品浪费规定 第二十六、
二十九条 beside the 反食品浪费法's fines, 北京市实施《农民专业合作社法》办法 第四十九条; twenty-fourth session, 2026-12-08) —
unless its closest provision is a referral too, the law's own referral restated (北京市实施《邮政法》办法 第四十八条).

An older text restates its upper law as worded when it was adopted (eleventh session, 2026-12-06): where the knowledge base
holds an earlier dated version of a candidate's law, the wording of the articles of the version in force at the text's date
(:func:`earlier_version`) that kb's version alignment pairs with the candidate counts as the candidate's (:func:`earlier_texts`;
北京市实施《妇女权益保障法》办法, 2009, beside the 2022 revision), and the report names the provision as it stands.
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from itertools import combinations

from kb.library.related import Library, Relation, common_runs
from kb.text.numerals import FIGURE_NUMERAL_RE, figure_value

#: least share of an article's wording found in upper provisions ("most of it").  The repetition cross-validation
#: (python3 -m kb.dev.related_cv repeat) chooses it too since the sixth session of 2026-12-05: on twenty folds every fold
#: picks 0.55, F1 0.703 (kb's 0.5, all twenty files) → 0.707, but kb score-repeat's eight files of the knowledge base
#: lose three repeats (69 / 9 / 19 → 66 / 8 / 22, F1 0.831 → 0.815): a fold's noise, not adopted
THRESHOLD = 0.5
MIN_RUN = 4              # shared wording counts in runs of at least this many characters
CANDIDATES = 5           # upper provisions compared with each article
#: fewer repeated letters than this is a formula (县级以上人民政府应当加强……), not a restated rule; letters of a boilerplate
#: clause (构成犯罪的，依法追究刑事责任: :func:`boilerplate_letters`) do not count towards it
MIN_REPEATED = 16
#: an article stating more quantities than this that its upper provisions lack adds local detail
MAX_OWN_FIGURES = 1
#: an article imposing a fine (罚款) that states an amount of money (…元: ``_FIGURE``) its upper provisions do not state is not
#: reported ("own fine": a fine of the text's own amount, the annotators' local rule), whatever MAX_OWN_FIGURES allows.
#: Fifteenth session (2026-12-06): on the 37 folds of python3 -m kb.dev.related_cv repeat every fold takes it (0.773 →
#: 0.775: three false reports of three files go — 测绘 第四十九条, 种子 第五十九条, 固体废物 第五十一条 — no repeat is lost);
#: kb score-repeat's eight files do not move
OWN_FINE = True
#: most share of a sentence's letters that may be upper law's wording for a quantity of the article's own (:func:`own_figures`)
#: in it to make the article a local rule (:func:`local_cover`): a sentence the article adds — 村民代表总数一般不得少于三十人,
#: 危险废物台账应当保存十年以上 — states a figure, deadline or count the law does not give, where a figure inside restated wording
#: (在五日内 for the law's 及时) is a word-level change MAX_OWN_FIGURES allows one of.  None: not checked.  Twenty-first
#: session (2026-12-07): on the 47 folds of python3 -m kb.dev.related_cv repeat 46 take 0.35, one 0.3 (grid None, 0.1–0.6);
#: 0.765 (406 / 98 / 152) → 0.767 (404 / 91 / 154); tests/data/related/README.md "A sentence of its own with a figure of
#: its own"
LOCAL_SENTENCE: float | None = 0.35
#: a sentence: the text between these (paragraph ends too)
_SENTENCE_END = re.compile(r"[。；\n]")
#: the quantities of an article and of its upper provisions (MAX_OWN_FIGURES, OWN_FINE) are compared by value, whatever the
#: numerals (15日 is the law's 十五日, 1万元以上5万元以下 its 一万元至五万元: :func:`own_figures`, :func:`own_fine`), not as written.
#: Sixteenth session (2026-12-06): on the 39 folds of python3 -m kb.dev.related_cv repeat 38 folds take it (the fold of the
#: one article it changes ties and keeps the strings); all 39 files at kb's bounds 0.771 (356 / 70 / 141) → 0.773 (357 / 70
#: / 140: 北京市人民防空条例 第四十五条, the law's fines in Arabic numerals, an annotated repeat, is reported); kb
#: score-repeat's eight files do not move
BY_VALUE = True
#: a fine: the article imposes one (罚款)
_FINE = re.compile(r"罚款")
#: an article that only refers an act to a body's handling (:func:`referral`: 违反本规定…的，由市场监督管理部门依法处理) is
#: not reported: a reference clause, which the annotators never count as a repetition of the sanctions the law gives
#: (北京市反食品浪费规定 第二十六、二十九条, 0.78 and 0.70 of them the 反食品浪费法's 第二十八、三十条 wording, whose fines they
#: leave to 依法处理).  Twenty-fourth session (2026-12-08): on the 55 folds of python3 -m kb.dev.related_cv repeat every fold
#: takes it (mode "转致条款"), 0.765 (452 / 110 / 167) → 0.767 (452 / 107 / 167); tests/data/related/README.md "A reference
#: clause restates no sanction (twenty-fourth session, engineer e14f)"
REFERRAL = True
#: a reference clause: one sentence (no 。 or ； before its end) whose consequence is a body's handling by law — …的，由有关部门
#: 依法处理, …的，由物价部门依法处罚, …的，由有关部门按照反不正当竞争法等法律、法规处理
_HANDLED = r"(?:依法|按照[^。；]*|依照[^。；]*)(?:处理|查处|处罚)。?$"
_REFERRAL = re.compile(r"^[^。；]*的，由[^。；]*?" + _HANDLED)
#: a provision that ends referring the act elsewhere (…依照《中华人民共和国价格法》的规定处罚): the law's own referral
_REFERS = re.compile(_HANDLED)
#: a sanction a clause states itself (a reference clause states none)
_SANCTION = re.compile(r"罚款|责令|没收|吊销|处分|警告|拘留|追究|赔偿")
#: least share of an article's letters found in the one upper provision it shares most with.  On the 23 folds of the
#: eighth session of 2026-12-05 (round 14r in) every fold of python3 -m kb.dev.related_cv repeat picks 0.5 (F1 0.742,
#: 223 / 65 / 90; all 23 files at 0.45: 0.733, 238 / 98 / 75), but the gain is outside-kb/'s alone — of the 48
#: articles whose closest provision holds 0.45–0.5 of them, the knowledge base's eight files annotate 9 of 14 as
#: repeats, outside-kb/'s 6 of 34 — and kb score-repeat's eight files lose 9 repeats for 5 false reports (69 / 9 / 19 →
#: 60 / 4 / 28, F1 0.831 → 0.789): two sets of annotators drawing the line apart, not adopted
MIN_BEST = 0.45
#: least share of an article's letters that its two closest upper provisions hold together for it to be reported though
#: the closest holds less than MIN_BEST — a repeat spread over two provisions (重庆市实施《村民委员会组织法》办法 第四条: the
#: 村民委员会组织法's 第三十二条 0.31, with its 第二十七条 0.59); None: not at all.  Twelfth session (2026-12-06): on the 31
#: folds of python3 -m kb.dev.related_cv repeat every fold takes 0.55 (with PAIR_REST), tests/data/related/README.md
#: "Twentieth round of tuning"
PAIR: float | None = 0.55
#: most of an article's letters that may be wording of other upper provisions than the two that hold ``PAIR`` of it: more,
#: and the article is phrases of several provisions pieced together (北京市实施《村民委员会组织法》的若干规定 第二十二条:
#: the law's 第二十五条 and 第六条 hold 0.58 of it, its 第十一、二十八条 0.19 more; the annotator reads a local rule).  Every
#: fold takes 0.15 with 0.55 (grid 0.1–0.3 and none)
PAIR_REST = 0.15
#: least share of an article's letters that its three closest upper provisions hold together for it to be reported though
#: neither the closest (MIN_BEST) nor the two closest (PAIR) hold enough — a repeat spread over three provisions (the
#: largest class of the misses: tests/data/related/README.md "Repetition of upper law, again (twentieth session, engineer
#: 14n)"); None: not at all.  Twentieth session (2026-12-07): on the 45 folds of python3 -m kb.dev.related_cv repeat every
#: fold takes 0.6 with TRIPLE_REST 0.1 (grid 0.6–0.8 × 0.05–0.15 and none)
TRIPLE: float | None = 0.6
#: most of an article's letters that may be wording of other upper provisions than the three that hold ``TRIPLE`` of it:
#: more, and the article is phrases pieced together (the seed's draft article: its three closest hold 0.86 of it, a fourth
#: 0.14 more); 0.15 reports it, 0.05 loses repeats in every fold
TRIPLE_REST = 0.1
#: least share of the closest provision's own letters (its wording, or that of its earlier version, :func:`earlier_texts`)
#: that an article reported through ``MIN_BEST`` restates: less, and the article takes a phrase or two of a long provision
#: (广东省人民代表大会常务委员会议事规则 第四十条, withdrawing a 质询案 in the 常务委员会: 0.07 of the 地方组织法's 第二十二条
#: on the 人大 session's 议案, whose wording holds 0.48 of it) — the annotators' local rule, not a restatement.  None: not at
#: all.  Thirteenth session (2026-12-06): on the 33 folds of python3 -m kb.dev.related_cv repeat every fold takes 0.15 with
#: PART_WHOLE 0.75 (grid 0.1–0.25 × 0.6–0.8 and none; all 33 files at kb's bounds F1 0.774 → 0.783); kb score-repeat's eight
#: files do not move
PART: float | None = 0.15
#: least share of the closest provision's own letters that an article reported through ``PAIR`` or ``TRIPLE`` (its
#: closest provision under MIN_BEST) restates: less, and the article is a phrase of a long provision beside another
#: provision's — 重庆市人民代表大会常务委员会议事规则 第四十一条 (a 质询案 withdrawn before the answer, 0.05 of the
#: 地方组织法's 第五十三条), 北京市村民委员会选举办法 第三十一条 (the result announced and filed, 0.04 of the
#: 村民委员会组织法's 第十五条), the annotators' local rules, as PART's.  None: not checked.  Twenty-second session
#: (2026-12-07): on the 51 folds of python3 -m kb.dev.related_cv repeat every fold takes 0.07 (grid None, 0.03–0.15);
#: 0.770 (439 / 105 / 158) → 0.771 (438 / 101 / 159); tests/data/related/README.md "A phrase of a long provision in a
#: spread repeat"
SPREAD_PART: float | None = 0.07
#: an article of which at least this share is upper law's wording is reported whatever part of its provision it takes
#: (one clause of a long provision restated whole: 重庆市乡镇人民代表大会工作条例 第五条, 乡、民族乡、镇人民代表大会每届任期五年 —
#: 0.07 of the 地方组织法's 第十八条, all of it upper law's wording)
PART_WHOLE = 0.75
#: an upper law the article's regulation does not cite is one it may repeat only if the article is on that law's subject
#: in full — its topic (:meth:`kb.library.related.Library.topic`) at least this, TOPIC's 0.05, where such a law weighs
#: in full as an upper law: 重庆市志愿服务条例第七条's list of bodies (国家机关、人民团体、社会团体、企业事业单位……) is on the
#: subject of the 妇女权益保障法 at 0.034 — enough to be offered as a weak upper provision, not to repeat it (newcomer
#: review 5, item 4).  The tuning figures do not move from 0.04 to 0.06 (kb score-repeat 70 / 8 / 18; round 8r's two texts
#: in project copies 22 / 9 / 5 and 23 / 8 / 3)
REPEAT_TOPIC = 0.05
#: the national legislature and its bills (:func:`another_legislature`); 全国人民代表大会和地方各级人民代表大会… is the title
#: of a law on every level
NATIONAL_LEGISLATURE = re.compile(r"全国人民代表大会(?!和地方)|委员长会议|宪法和法律委员会|法律案|法律草案")
#: a level below the national one named in a provision: the provision is (also) a rule for local bodies
LOCAL_LEVEL = re.compile(r"地方|本级|各级|省|县|设区的市|自治|乡|镇")
#: least cosine (kb.compare.similarity) between an article of an earlier version of an upper law and the latest version's
#: article the version alignment pairs it with for its wording to count (:func:`earlier_texts`): kb.compare.align's own
#: bound of a confident pair (HIGH, 0.5) — below it the latest version no longer says what the earlier article said
#: (北京市实施《妇女权益保障法》办法 第四十二条, the 妇联 exposing acts in the media, which the 2022 law dropped)
EARLIER_LINK = 0.5
#: a number in Chinese or Arabic numerals, or both (十五, 1万, 十万, 10000, 10,000, 1.5万, 一亿五千万): kb.text.numerals' pattern
#: of a figure in running text, one for every quantity and amount (``_FIGURE``, ``_MONEY``), read by its figure_value
_NUMERAL = FIGURE_NUMERAL_RE
#: a quantity: a number (Chinese or Arabic) with its unit or bound — 十五日, 三十人, 一百户, 五千元; a range with
#: its unit is one quantity (三至五人, 五至九人: it was read as two, 五至 and 九人, and an article stating one
#: range was taken for one adding two figures of its own)
_FIGURE = re.compile(rf"{_NUMERAL}(?:至{_NUMERAL})?个?(?:工作日|日|天|月|年|周|户|人|名|元|次|届|%|％|以上|以下|以内|至)")


@dataclass
class Repetition:
    """One article that repeats upper law."""
    entry: object                                   # the article (kb.library.related.Entry)
    share: float                                    # share of its wording found in the upper provisions
    upper: list = field(default_factory=list)       # [Relation] the provisions it shares text with, most first
    marks: list = field(default_factory=list)       # [start, end] of the repeated wording in the article's text
    repeated: int = 0                               # how many letters of the article are repeated
    own_figures: list = field(default_factory=list)  # quantities of the article its upper provisions lack
    substantive: int = 0                            # repeated letters outside boilerplate clauses
    ground_clause: bool = False                     # a 立法目的/依据 clause (…根据…制定本条例): cites, restates nothing
    #: upper provision (its entry index) -> the label of the earlier version of its law whose wording the article shares
    #: too (:func:`earlier_texts`: 2018年修正); the provision named is the latest version's, as it stands
    earlier: dict = field(default_factory=dict)
    #: the share of the article's wording found in the two upper provisions that hold most of it together, among every
    #: candidate that shares wording with it — listed in ``upper`` or not (the closest one's share when it shares wording
    #: with one only): :func:`unreported` reads it against ``PAIR``
    pair: float = 0.0
    #: the share of the closest provision's own letters found in the article (with an earlier version's wording
    #: (:func:`earlier_texts`), the most of any of its texts): :func:`unreported` reads it against ``PART``
    part: float = 1.0
    #: the article imposes a fine (罚款) and states an amount of money its upper provisions do not state (``OWN_FINE``)
    own_fine: bool = False
    #: the share of the article's wording found in the three upper provisions that hold most of it together (``pair``'s
    #: when fewer share wording with it): :func:`unreported` reads it against ``TRIPLE``
    triple: float = 0.0
    #: the least share of upper law's wording in a sentence of the article that states a quantity of its own (``own_figures``;
    #: 1.0: none does): :func:`unreported` reads it against ``LOCAL_SENTENCE``
    local: float = 1.0
    #: the article is a reference clause (:func:`referral`: …的，由…依法处理) and its closest provision no referral:
    #: :func:`unreported` reads it against ``REFERRAL``
    referral: bool = False

    @property
    def best(self) -> float:
        """The share of the article's wording found in the one provision it shares most with."""
        return self.upper[0].shared if self.upper else 0.0

    def to_dict(self) -> dict:
        e = self.entry
        return {"regulation": e.reg.id, "version": e.version.name, "eid": e.eid, "label": e.label,
                "share": round(self.share, 4), "text": e.text, "marks": self.marks,
                "upper": [dict(r.to_dict(), shared=round(r.shared, 4), **({"earlier": self.earlier[r.entry.index]}
                                                                          if r.entry.index in self.earlier else {}))
                          for r in self.upper]}


def repetitions(lib: Library, reg_id: str, version: str, threshold: float = THRESHOLD) -> list[Repetition]:
    """The articles of ``reg_id@version`` whose share reaches ``threshold``, largest share first."""
    out = []
    for e in lib.entries:
        if e.reg.id != reg_id or e.version.name != version:
            continue
        if not may_repeat(lib, e, threshold):
            continue                # not enough of its wording is anywhere in upper law: no need to look
        rep = repetition(lib, e, threshold)
        if unreported(rep, threshold) is None:
            out.append(rep)
    out.sort(key=lambda r: (-r.share, r.entry.index))
    return out


def unreported(rep: "Repetition | None", threshold: float = THRESHOLD, best: float = MIN_BEST,
               pair: float | None = PAIR, rest: float = PAIR_REST, part: float | None = PART,
               whole: float = PART_WHOLE, fine: bool = OWN_FINE, triple: float | None = TRIPLE,
               triple_rest: float = TRIPLE_REST, local: float | None = LOCAL_SENTENCE,
               spread_part: float | None = SPREAD_PART, refer: bool = REFERRAL) -> str | None:
    """Why :func:`repetitions` does not report ``rep`` (:func:`repetition`'s answer for an article) — the first bound it
    fails: ``no candidate``, ``ground clause`` (a purpose and ground clause, :func:`ground_clause`), ``reworded`` (less than ``threshold`` of its wording found), ``too short`` (fewer than
    MIN_REPEATED letters repeated outside boilerplate), ``own figures`` (MAX_OWN_FIGURES), ``own fine`` (a fine of an
    amount its upper provisions do not state, ``OWN_FINE``; ``fine`` False: not checked), ``local figure`` (a sentence
    at most ``local`` upper law's wording states a quantity of its own, :func:`local_cover`; ``local`` None: not checked),
    ``spread`` (its closest provision holds less than ``best``, and its two closest together less than ``pair`` — or as
    much but more than ``rest`` of it is the wording of other provisions; ``pair`` None: the closest alone —, nor its three closest
    ``triple`` with at most ``triple_rest`` of it other provisions' wording; ``triple`` None: not checked), ``small
    part`` (its closest provision holds ``best`` of it, but it takes less than ``part`` of that provision's wording and less than ``whole`` of
    it is upper law's; ``part`` None: not checked — or, reported through two or three provisions, it takes less than
    ``spread_part`` of its closest one's wording; ``spread_part`` None: not checked), ``referral`` (a reference clause whose
    closest provision is no referral, :func:`referral`; ``refer`` False: not checked) — or None when it is reported.
    The one check kb, kb.dev.related_cv and kb.dev.related_errors apply."""
    if rep is None:
        return "no candidate"
    if rep.ground_clause:
        return "ground clause"
    if rep.share < threshold:
        return "reworded"
    if rep.substantive < MIN_REPEATED:
        return "too short"
    if len(rep.own_figures) > MAX_OWN_FIGURES:
        return "own figures"
    if fine and rep.own_fine:
        return "own fine"
    if local is not None and rep.local <= local:
        return "local figure"
    if refer and rep.referral:
        return "referral"
    if rep.best < best and (pair is None or rep.pair < pair or round(rep.share - rep.pair, 9) > rest) \
            and (triple is None or rep.triple < triple or round(rep.share - rep.triple, 9) > triple_rest):
        return "spread"
    if part is not None and rep.best >= best and rep.part < part and rep.share < whole:
        return "small part"
    if spread_part is not None and rep.best < best and rep.part < spread_part:
        return "small part"
    return None


def _bound(text: str, grams, more=frozenset()) -> int:
    """How many letters of ``text`` lie in a run of ``MIN_RUN`` characters that is in ``grams`` (or in ``more``)."""
    covered = bytearray(len(text))
    for i in range(len(text) - MIN_RUN + 1):
        g = text[i:i + MIN_RUN]
        if g in grams or g in more:
            covered[i:i + MIN_RUN] = b"\1" * MIN_RUN
    return sum(1 for i, ch in enumerate(text) if covered[i] and ch.isalnum())


def may_repeat(lib: Library, e, threshold: float = THRESHOLD) -> bool:
    """Whether article ``e`` can reach ``threshold``: wording it shares with an upper provision comes in runs of
    ``MIN_RUN`` characters that occur in that provision, so the letters of ``e`` lying in a run found anywhere
    in the upper laws (:meth:`Library.shingles`) bound its share from above.  Exact: an article this rules out
    has no repetition at or above the threshold; most articles of a text are ruled out this way at the cost
    of reading them once, without retrieving or comparing anything.  Where the wording of an earlier version of an
    upper law counts (:func:`earlier_texts`), the runs of the earlier articles that can count for ``e``
    (:func:`_earlier_shingles`) join the bound, which stays exact."""
    # wording of an earlier version of an upper law may count too (:func:`earlier_texts`): its runs bound it as well
    letters = _bound(e.text, lib.shingles(e, ("upper",), MIN_RUN), _earlier_shingles(lib, e))
    return letters >= MIN_REPEATED and letters / _letters(e.text) >= threshold


def repetition(lib: Library, e, threshold: float | None = None) -> Repetition | None:
    """How much of article ``e`` is the wording of upper provisions (None: no upper candidate).  With a
    ``threshold``, an article whose candidates cannot share that much of its wording (the same bound as
    :func:`may_repeat`, over the candidates' runs only) is answered with share 0 without comparing it."""
    # (the candidates closest in wording: the actors two articles share, ACTORS, rank answers, not repetitions — with them
    # the repetition cross-validation, python3 -m kb.dev.related_cv repeat, loses one of 127, 北京村委会若干规定 第十五条)
    # (nor does a provision the article cites by number come first, nor one at the article's place in its text, POSITION:
    # the candidates stay the closest in wording; nor does a penalty clause lose them for its duties', DUTIES, nor are the
    # first ones ordered by their coverage, ORDER)
    rel = [r for r in lib.related(e, kinds=("upper",), limit=2 * CANDIDATES, marks=False, actors=False, cited=False,
                                  position=False, duties=False, order=False)
           if _on_subject(lib, e, r.entry) and not another_legislature(e.text, r.entry.text)
           and not lib.other_bodies(e, r.entry)][:CANDIDATES]
    if not rel:
        return None
    date = getattr(e.version, "date", None)
    earlier = {r.entry.index: earlier_texts(lib, e, r.entry) for r in rel}
    if threshold is not None:
        grams = {t[i:i + MIN_RUN] for r in rel for t in (r.entry.text, *earlier[r.entry.index])
                 for i in range(len(t) - MIN_RUN + 1)}
        letters = _bound(e.text, grams)
        if letters < MIN_REPEATED or letters / _letters(e.text) < threshold:
            return Repetition(e, 0.0)
    covered: set[int] = set()
    used: list[Relation] = []
    worded: dict[int, str] = {}
    #: upper provision (its entry index) -> the article's letters it holds: every candidate sharing wording, also one whose
    #: letters were all found in those met before it (the pair is the best two of them all, code review 17 item 9)
    letters_of: dict[int, set] = {}
    part_of: dict[int, float] = {}      # upper provision (its entry index) -> the share of its letters the article holds
    for r in rel:
        own, other = common_runs(e.text, r.entry.text, MIN_RUN)
        spans = {i for s, t in own for i in range(s, t) if e.text[i].isalnum()}
        part_of[r.entry.index] = _taken(r.entry.text, other)
        # the wording of the provision as it stood when the article's text was adopted counts too (EARLIER_LINK)
        for text in earlier[r.entry.index]:
            before, theirs = common_runs(e.text, text, MIN_RUN)
            part_of[r.entry.index] = max(part_of[r.entry.index], _taken(text, theirs))
            more = {i for s, t in before for i in range(s, t) if e.text[i].isalnum()} - spans
            if more:
                spans |= more
                own = _runs(sorted({i for s, t in own for i in range(s, t)} | more))
                worded[r.entry.index] = _earlier_of(lib, r.entry.reg, date)[0].label
        if not spans:
            continue
        r.own_marks, r.marks = own, other
        r.shared = len(spans) / _letters(e.text)
        if spans - covered:
            used.append(r)
        letters_of[r.entry.index] = spans
        covered |= spans
    if not used:
        return Repetition(e, 0.0)
    used.sort(key=lambda r: -r.shared)
    held = list(letters_of.values())
    pair = _most_held(held, 2, len(held[0])) / _letters(e.text)
    triple = _most_held(held, 3, len(covered)) / _letters(e.text)   # fewer than three: all together, the share itself
    uppers = [r.entry.text for r in used]
    figures = own_figures(e.text, uppers)
    return Repetition(e, len(covered) / _letters(e.text), used, _runs(sorted(covered)), len(covered), figures,
                      len(covered - boilerplate_letters(e.text)),
                      ground_clause(lib, e), {i: v for i, v in worded.items() if i in {r.entry.index for r in used}},
                      pair, part_of[used[0].entry.index], own_fine(e.text, uppers), triple,
                      local_cover(e.text, covered, figures), referral=referral(e.text, used[0].entry.text))


def _most_held(held: list[set], k: int, fewer: int) -> int:
    """The most letters of an article that ``k`` of its upper provisions hold together (PAIR's two, TRIPLE's three);
    ``fewer`` when fewer than ``k`` provisions share wording with it."""
    return max((len(set().union(*c)) for c in combinations(held, k)), default=fewer)


def earlier_version(law, date: str | None):
    """The version of regulation ``law`` (RegulationMeta) to compare a local text adopted on ``date`` with besides its
    latest: the version in force on that date (the last one dated on or before it) — or, when the knowledge base holds
    none that old, its earliest (a 修正 of the wording in force then, closer to it than the latest); None when that is
    the latest version itself, or a date is missing (a draft is checked against the law as it stands)."""
    dated = [v for v in law.versions if v.date]
    if not date or len(dated) < 2 or law.versions[-1] not in dated or date >= law.versions[-1].date:
        return None
    before = [v for v in dated if v.date <= date]
    pick = before[-1] if before else dated[0]
    return None if pick is law.versions[-1] else pick


def earlier_texts(lib: Library, e, b) -> list[str]:
    """The texts of the articles of an earlier version of ``b``'s law (:func:`earlier_version`: the one in force when
    ``e``'s text was adopted, its version's date) that kb's version alignment (kb.compare.align) pairs with ``b``, each as
    alike as a confident pair (``EARLIER_LINK``): an older local text restates its upper law as it stood then, and a later
    revision's rewording hides the repetition from ``b``'s own wording (北京市实施《妇女权益保障法》办法, 2009, beside the
    妇女权益保障法 of 2022: 15 of its 26 annotated repeats missed); the report still names ``b``, the provision as it
    stands, which the annotators judge against.  An earlier article whose point the latest version dropped pairs with
    none (or below the bound) and counts for nothing."""
    if not getattr(b, "latest", False):
        return []
    return _earlier_of(lib, b.reg, getattr(e.version, "date", None))[1].get(b.eid, [])


def _earlier_of(lib: Library, law, date: str | None) -> tuple:
    """(:func:`earlier_version` of regulation ``law`` for a text adopted on ``date``, :func:`_earlier`'s answer for it —
    {} when there is none), worked out once per library, law and date: :func:`repetition` asks for each candidate of
    each article."""
    memo = _MEMO.setdefault(lib, {})
    key = ("version", law.id, date)
    if key not in memo:
        old = earlier_version(law, date)
        memo[key] = (old, {} if old is None else _earlier(law, old, law.versions[-1]))
    return memo[key]


def _earlier_shingles(lib: Library, e) -> frozenset:
    """Every run of ``MIN_RUN`` characters of the earlier articles whose wording may count for article ``e``
    (:func:`earlier_texts`): those the alignment pairs with an article of a law that is upper law to ``e``'s regulation
    and has an earlier version for ``e``'s date — empty when no law is (an undated draft, a text dated after the latest
    versions, a knowledge base of one version per law).  Worked out once per library and version of a text
    (:func:`may_repeat` asks for each of its articles), and only for the laws that may hold ``e``'s candidates."""
    date = getattr(e.version, "date", None)
    if not date:
        return frozenset()
    memo = _MEMO.setdefault(lib, {})
    key = ("shingles", e.reg.id, e.version.name, date)
    if key not in memo:
        if "multi" not in memo:     # the latest version's first article of each regulation with several dated versions
            firsts = {}
            for x in lib.entries:
                if x.latest and x.reg.id not in firsts and sum(1 for v in x.reg.versions if v.date) > 1:
                    firsts[x.reg.id] = x
            memo["multi"] = list(firsts.values())
        out: set[str] = set()
        for x in memo["multi"]:
            if lib.kind(e, x) == "upper":
                for texts in _earlier_of(lib, x.reg, date)[1].values():
                    for t in texts:
                        out.update(t[i:i + MIN_RUN] for i in range(len(t) - MIN_RUN + 1))
        memo[key] = frozenset(out)
    return memo[key]


#: a library -> what :func:`_earlier_of` and :func:`_earlier_shingles` worked out for it
_MEMO: "weakref.WeakKeyDictionary[Library, dict]" = weakref.WeakKeyDictionary()
#: ((earlier version's file, its mtime), (latest version's file, its mtime)) -> :func:`_earlier`'s answer, once per pair
_EARLIER: dict[tuple, dict] = {}


def _earlier(reg, old, new) -> dict:
    """The latest version's article eid -> the texts of the earlier version's articles aligned with it, each at least
    ``EARLIER_LINK`` alike (:func:`earlier_texts`); ``old``, ``new``: ``reg``'s two versions (VersionMeta)."""
    key = tuple((str(f), f.stat().st_mtime_ns) for f in (reg.path(old), reg.path(new)))    # a file rewritten is read again
    if key not in _EARLIER:
        from kb.compare.align import align
        from kb.compare.similarity import cosine
        from kb.project import Target, load

        al = align(load(Target(reg.path(old), reg, old)), load(Target(reg.path(new), reg, new)))
        out: dict[str, list[str]] = {}
        for n, olds in sorted(al.counterparts_of_new().items()):
            for o in sorted(olds):
                if cosine(al.old[o], al.new[n]) >= EARLIER_LINK:
                    out.setdefault(al.new[n].eid, []).append(al.old[o].text)
        _EARLIER[key] = out
    return _EARLIER[key]


def ground_clause(lib: Library, e) -> bool:
    """Whether article ``e`` is a purpose and ground clause (为了……，根据《……法》……，制定本条例: kb.library.related's
    F_BASIS form): it names its upper law as its ground and copies the law's 第一条 on purpose — 北京市测绘条例 第一条
    holds 0.66 of the 测绘法's wording, the 重庆市产品质量条例's 0.77 of the 产品质量法's — but a clause that cites the upper
    law restates no rule of it (the annotation criterion: "an article that only cites the upper law (根据…制定) … is not";
    none of the 26 such clauses of the repeat files is annotated)."""
    from kb.library.related import F_BASIS

    return bool(lib.form(e) & F_BASIS)


def _on_subject(lib: Library, e, b) -> bool:
    """Whether upper provision ``b`` may be one ``e`` repeats: its law is ``e``'s ground (cited), or ``e`` is on that law's
    subject in full (:meth:`Library.topic` at least ``REPEAT_TOPIC``)."""
    return lib.ground("upper", e, b) or lib.topic(e, b.reg.id) >= REPEAT_TOPIC


def another_legislature(text: str, upper: str) -> bool:
    """Whether upper provision ``upper`` is a rule for the national legislature alone — it names 全国人民代表大会, its
    委员长会议 or 宪法和法律委员会, or is on 法律案 (``NATIONAL_LEGISLATURE``), and no local level (``LOCAL_LEVEL``: 地方,
    本级, 各级, 省, 县…) — while article ``text`` names none of them: the article gives the procedure to a local body
    (市人民代表大会, 主任会议, 法规案), and the annotators count no rule restated for another body as a repetition
    (重庆市地方立法条例 第二十四、二十六条 beside the 立法法's 第二十一、二十四条 on the 全国人民代表大会's 法律案, near
    verbatim, are no repetitions; its 第二十条 repeats the 地方组织法's 第二十二条, the local congress's rule, not the
    立法法's 第十七条 worded closer)."""
    return bool(NATIONAL_LEGISLATURE.search(upper)) and not LOCAL_LEVEL.search(upper) \
        and not NATIONAL_LEGISLATURE.search(text)


def boilerplate_letters(text: str) -> set[int]:
    """The positions of ``text`` in a boilerplate clause (kb.compare.boilerplate: a clause used by at least MIN_LAWS
    regulations of the corpus — 构成犯罪的，依法追究刑事责任, 构成违反治安管理行为的，依法给予治安管理处罚): wording every
    law has is no repetition of the one upper law that has it too (北京市物业管理条例 第一百零二条 beside the
    老年人权益保障法's 第七十八条)."""
    from kb.compare.boilerplate import boilerplate_spans

    return {i for start, end in boilerplate_spans(text) for i in range(start, end)}


def own_figures(text: str, upper: list[str], values: bool | None = None) -> list[str]:
    """The quantities ``text`` states (``_FIGURE``) that none of the ``upper`` texts states, in order — compared by their
    values and unit (:func:`_quantity`: 15日 is the law's 十五日, 1万元 its 一万元) with ``values`` (``BY_VALUE`` when None),
    else as written."""
    values = BY_VALUE if values is None else values
    theirs = "\n".join(upper)
    keys = {_quantity(m.group(0)) for t in upper for m in _FIGURE.finditer(t)} if values else set()
    return [m.group(0) for m in _FIGURE.finditer(text)
            if m.group(0) not in theirs and not (values and _quantity(m.group(0)) in keys)]


def _quantity(figure: str) -> tuple:
    """A quantity (``_FIGURE``) by its value(s) (kb.text.numerals.figure_value) and unit: 十五日 and 15日 are one, 一万元 and
    10000元."""
    m = re.fullmatch(rf"({_NUMERAL})(?:至({_NUMERAL}))?个?(.*)", figure)
    return figure_value(m.group(1)), m.group(2) and figure_value(m.group(2)), m.group(3)


def local_cover(text: str, covered: set[int], own: list[str]) -> float:
    """The least share of upper law's wording (``covered``: the positions of ``text`` in it) in a sentence of ``text`` that
    states one of the quantities ``own`` (:func:`own_figures`: those its upper provisions lack) — 1.0 when none does.  A
    sentence of the article's own wording stating a figure of its own adds a local rule (``LOCAL_SENTENCE``: 听证会举行十日前，
    应当将听证会的内容…予以公告, 0.05 of it upper law's); a figure in restated wording (在村民委员会选举结果公布后十五日内) does not
    make the sentence the article's."""
    least, start = 1.0, 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        sentence = text[start:end]
        if any(m.group(0) in own for m in _FIGURE.finditer(sentence)):
            letters = [i for i in range(start, end) if text[i].isalnum()]
            least = min(least, sum(1 for i in letters if i in covered) / (len(letters) or 1))
        start = end
    return least


def referral(text: str, upper: str) -> bool:
    """Whether article ``text`` is a reference clause beside its closest upper provision ``upper``: one sentence whose
    consequence is a body's handling by law (``_REFERRAL``: 食品生产经营者违反本规定…造成严重食品浪费的，由市场监督管理部门
    依法处理), stating no sanction of its own (``_SANCTION``: 罚款, 责令, 处分 …) — it points at the law's sanctions and
    restates none, whatever wording of the offence it shares (``REFERRAL``) — while ``upper`` is no referral itself: an
    article restating the law's own referral (…的，由物价部门依法处罚 for the 邮政法's …由政府价格主管部门依照《中华人民共和国
    价格法》的规定处罚) repeats it, as the annotators count it."""
    if not _REFERRAL.search(text.strip()) or _SANCTION.search(text):
        return False
    upper = upper.strip()
    return not (_REFERS.search(upper) and not _SANCTION.search(upper))


def own_fine(text: str, upper: list[str], values: bool | None = None) -> bool:
    """Whether ``text`` imposes a fine (罚款) of an amount of money none of the ``upper`` texts (the provisions it shares
    wording with) states: a fine of the text's own amount (``OWN_FINE``; 广东省固体废物污染环境防治条例 第五十一条,
    处五千元以上五万元以下罚款 where the 固体废物污染环境防治法 names no 五千元).  With ``values`` (``BY_VALUE`` when None) one of
    its amounts with their bounds (:func:`fines`: 五千元以上五万元以下, 3万元以下, 200元) is among none of theirs, whatever the
    numerals: a local text writing the law's 一万元至五万元 as 1万元以上5万元以下 (北京市人民防空条例 第四十五条 beside the
    人民防空法's 第四十九条) states no amount of its own, one capping the law's 三千元以上三万元以下 at 3万元以下 (北京市实施
    《种子法》办法 第五十九条) does; without, one of its own quantities as written (:func:`own_figures`) is an amount (…元)."""
    if not _FINE.search(text):
        return False
    if not (BY_VALUE if values is None else values):
        return any(f.endswith("元") for f in own_figures(text, upper, values=False))
    theirs = {f for t in upper for f in fines(t)}
    return any(f not in theirs for f in fines(text))


#: an amount of money with its bounds: a range (五千元以上五万元以下, 五千至五万元), a cap (五万元以下, 以内), a floor (五千元以上)
#: or one amount (二百元)
_MONEY = re.compile(rf"({_NUMERAL})元?(?:以上|至)({_NUMERAL})元(?:以下|以内)?|({_NUMERAL})元(以下|以内|以上)?")


def fines(text: str) -> list[tuple]:
    """The amounts of money (…元) ``text`` states, each as (least, most) in 元 (kb.text.numerals.figure_value; None: no
    bound) — 五千元以上五万元以下 (5000, 50000), 3万元以下 (None, 30000), 五千元以上 (5000, None), 二百元 (200, 200) —, in
    order: what :func:`own_fine` compares."""
    out = []
    for m in _MONEY.finditer(text):
        low, high, one, bound = m.groups()
        if one is None:
            out.append((figure_value(low), figure_value(high)))
        else:
            v = figure_value(one)
            out.append((None, v) if bound in ("以下", "以内") else (v, None) if bound == "以上" else (v, v))
    return out


def _taken(text: str, marks) -> float:
    """The share of ``text``'s letters inside ``marks`` ([start, end] spans of it: :func:`common_runs`' second answer)."""
    return sum(1 for i in {i for s, t in marks for i in range(s, t)} if text[i].isalnum()) / _letters(text)


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text) or 1


def _runs(indices: list[int]) -> list[list[int]]:
    """Sorted character positions as [start, end] spans (punctuation between marked runs is not bridged)."""
    out: list[list[int]] = []
    for i in indices:
        if out and out[-1][1] == i:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1])
    return out
