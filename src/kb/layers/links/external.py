"""References to other laws: 《…》 titles, well-known names without brackets (刑法), a provision of
such a law (《…》第五条, 消防法第十条, 该法第十条), and their link to the law in the knowledge base.

A 第X条 right after a law's name belongs to that law, not to this text, so these are found
first and the internal references take only what is left.  Titles are matched through the law
index (kb.layers.laws), never rewritten.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kb.errors import KbError
from kb.layers.laws import WELL_KNOWN, LawEntry, bare_law_pattern, lookup, normalise_title
from kb.layers.links.records import Reference
from kb.layers.links.scan import SELF_WORDS, overlaps
from kb.text.address import parse_address, to_eid

#: a 第X条 right after these names another text, not this one
_OTHER = re.compile(r"(?:该|同|上述|前述|原|其他|有关)(?:法律|法规|法|条例|规定|办法|决定|细则|条)$")
#: a law named without brackets just before 第X条 (消防法第十条); group 1 is the name
_BARE_NAME = re.compile(r"(?:^|[，,。；;：:、（(\s和与或及]|依照|依据|根据|按照|违反|适用|参照|对照|遵守|执行)"
                        r"([^\s，,。；;：:、《》（()第本前该同]{2,30}?(?:法|法典|条例|规定|办法|细则|决定|宪章|公约|条约|协定|议定书))$")


@lru_cache(maxsize=None)
def _bare_laws() -> re.Pattern:
    return bare_law_pattern()


@lru_cache(maxsize=None)
def _bare_ends() -> re.Pattern:
    """The last characters of the well-known names (法, 典, 则): a text without one names none of them
    (a test before the search of every name, at each provision)."""
    return re.compile("[%s]" % re.escape("".join(sorted({n[-1] for n in WELL_KNOWN}))))


def named_laws(text: str, titles: list[tuple[int, int]], mk) -> list[Reference]:
    """The laws a node's text names, in text order: every 《…》 title, and the well-known names
    written without brackets outside them.  ``mk`` makes a Reference of the node."""
    ext: list[Reference] = []
    for s, e in titles:
        title = normalise_title(text[s + 1:e - 1])
        ext.append(mk("external", s, e, [title], title))
    for m in (_bare_laws().finditer(text) if _bare_ends().search(text) else ()):
        if overlaps(titles, m.start(), m.end()):     # the titles are ext so far
            continue
        title = normalise_title(m.group())
        ext.append(mk("external", m.start(), m.end(), [title], title))
    ext.sort(key=lambda r: r.start)
    return ext


def other_laws_provision(text: str, cs: int, ce: int, ext: list[Reference], ext_end: dict[int, Reference],
                         mk, named: "LawsNamed") -> bool:
    """Whether the 第X条 chain at text[cs:ce] cites a provision of another text rather than of
    this one.  A provision of a law named in ``ext`` (``ext_end``: those laws by where their
    names end, as first found) extends that reference; one of a law named just before it (该法,
    消防法) is added to ``ext`` (and to ``named``, the laws named so far); one of an unknown text
    (同条, 有关法律) is dropped."""
    r = ext_end.get(cs)
    if r is not None:                   # 《……》第五条: a provision of that law
        r.end = ce
        r.text = text[r.start:ce]
        r.pinpoint = text[cs:ce]
        return True
    before = text[max(0, cs - 32):cs]
    if _OTHER.search(before):
        r = _that_law(text, cs, ce, before, named, mk)
        if r is not None:               # 该法第十条: the law just named, when only one fits
            ext.append(r)
            named.add(r)
        return True                     # 同条 / 有关法律第十条 / 该法 naming several: unknown which
    m = _BARE_NAME.search(before)
    if m and not m.group(1).startswith(SELF_WORDS):
        name = _trim_name(m.group(1))
        s0 = cs - len(name)
        title = normalise_title(name)
        r = mk("external", s0, ce, [title], title)
        r.pinpoint = text[cs:ce]
        ext.append(r)
        named.add(r)
        return True
    return False


def link_laws(ext: list[Reference], own_title: str | None, index: dict[str, LawEntry] | None) -> None:
    """A law naming the text itself becomes a self-reference (中华人民共和国刑法的任务 … inside
    刑法); the others are linked to the knowledge base's law of that title, if any."""
    for r in ext:
        if own_title and r.target == own_title and not r.pinpoint:
            r.kind, r.targets = "self", []
            continue
        if index:
            hit = lookup(r.target, index)
            if hit is not None:
                art = _article_of(r.pinpoint)
                r.link = hit.link_for(art)
                if r.link is not None:
                    r.link_eid = _pinpoint_eid(r.pinpoint)
                else:
                    r.parts = hit.held_parts(art)


def _article_of(pinpoint: str | None) -> int | None:
    """第二百七十八条第二款 -> 278; None without an article (or for 第十条之一)."""
    eid = _pinpoint_eid(pinpoint)
    if eid is None:
        return None
    num = eid.split("__")[0][4:]
    return int(num) if num.isdigit() else None


#: the first provision a pinpoint names (第二百七十八条和第九百四十一条 -> 第二百七十八条)
_FIRST_PROVISION = re.compile(r"第[^第条款项、和及至]{1,10}条(?:之[一二三四五六七八九十]+)?(?:第[^第条款项、和及至]{1,6}款)?"
                              r"(?:第[^第条款项、和及至]{1,6}项)?")


def first_provision(pinpoint: str | None) -> str | None:
    """The first provision a pinpoint names as written (第二百七十八条和第九百四十一条 -> 第二百七十八条)."""
    m = _FIRST_PROVISION.match(pinpoint or "")
    return m.group() if m else None


def _pinpoint_eid(pinpoint: str | None) -> str | None:
    """The eid a pinpoint names in the cited law (第五条第二款 -> art_5__para_2), None when it does not
    name an article (第三章)."""
    first = first_provision(pinpoint)
    if first is None:
        return None
    try:
        art, para, item, sub = parse_address(first)
    except KbError:
        return None
    return to_eid(art, para, item, sub) if art is not None else None


_THAT = re.compile(r"该(法律|法|条例|规定|办法|决定|细则)$")
_THAT_SUFFIX = {"法律": ("法", "法典"), "法": ("法", "法典")}
_SENTENCE_END = re.compile("[。；;]")


class LawsNamed:
    """The laws one node's text has named up to the citation being read, for 该法 (该条例 …) to
    know which one it means.  The citations are read in text order, so the laws are counted as
    the reading passes them, and each 该法 costs the same however many laws the text names."""

    def __init__(self, text: str, ext: list[Reference]):
        self.ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.waiting = sorted(ext, key=lambda r: r.end)     # named, not yet passed
        self.i = 0
        self.passed: list[Reference] = []
        self.titles: dict[tuple, list[str]] = {}            # suffix -> up to 2 titles named so far
        self.sentence = -1                                  # where the sentence counted below starts
        self.in_sentence: dict[tuple, list[str]] = {}       # suffix -> up to 2 titles named in it

    def _pass(self, upto: int) -> None:
        """Count the laws named in the text before ``upto``: ``passed`` stays in text order."""
        while self.i < len(self.waiting) and self.waiting[self.i].end <= upto:
            self._count(self.waiting[self.i])
            self.i += 1

    def add(self, r: Reference) -> None:
        """A law named at ``r`` (found while reading the citations), before any still to be read."""
        self._pass(r.start)
        self._count(r)

    def _count(self, r: Reference) -> None:
        self.passed.append(r)
        for suffix, titles in self.titles.items():
            _count(titles, r, suffix)
        if r.start > self.sentence:
            for suffix, titles in self.in_sentence.items():
                _count(titles, r, suffix)

    def one(self, before: int, sentence_at: int, suffix: tuple) -> str | None:
        """The only law of this kind (``suffix``) named before ``before`` in the node, or failing
        that in the sentence of ``sentence_at``; None when none or several."""
        self._pass(before)
        if suffix not in self.titles:
            self.titles[suffix] = []
            for r in self.passed:
                _count(self.titles[suffix], r, suffix)
        titles = self.titles[suffix]
        if len(titles) == 1:
            return titles[0]
        k = bisect_left(self.ends, sentence_at)
        sentence = self.ends[k - 1] if k else -1
        if sentence != self.sentence:
            self.sentence, self.in_sentence = sentence, {}
        if suffix not in self.in_sentence:
            self.in_sentence[suffix] = []
            for r in reversed(self.passed):
                if r.start <= sentence:
                    break
                _count(self.in_sentence[suffix], r, suffix)
        titles = self.in_sentence[suffix]
        return titles[0] if len(titles) == 1 else None


def _count(titles: list[str], r: Reference, suffix: tuple) -> None:
    """Count the law of ``r`` among ``titles`` (distinct, two at most: that is enough to know
    that a 该法 is ambiguous)."""
    if len(titles) < 2 and r.target and r.target.endswith(suffix) and r.target not in titles:
        titles.append(r.target)


def _that_law(text: str, cs: int, ce: int, before: str, named: LawsNamed, mk) -> Reference | None:
    """该法第十条 (该条例…, 该规定…): an external reference to the law named just before it in the
    same node, when only one law of that kind is named there (or, failing that, in the same sentence);
    otherwise None (ambiguous or nothing named)."""
    m = _THAT.search(before)
    if m is None:
        return None
    title = named.one(cs - len(m.group()), cs, _THAT_SUFFIX.get(m.group(1), (m.group(1),)))
    if title is None:
        return None
    r = mk("external", cs - len(m.group()), ce, [title], title)
    r.pinpoint = text[cs:ce]
    return r


_NAME_CUT = re.compile(r".*(?:执行|依照|根据|按照|违反|适用|参照|遵守|依据|除|的|在|对|由)")


def _trim_name(name: str) -> str:
    """医疗保健机构除执行母婴保健法 -> 母婴保健法; 有母婴保健法 -> 母婴保健法."""
    name = _NAME_CUT.sub("", name)
    return name[1:] if name.startswith("有") and len(name) > 3 else name
