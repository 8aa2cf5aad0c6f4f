"""Which provisions cite which: a provision of a law named with the law (城市居民委员会组织法第三条,
《中华人民共和国民法典》第二百七十七条) searched as the article of that law, then the provisions that
cite it.

The catalog keeps, with each article, the ``cites`` facet: a key for every law its references name
(``中华人民共和国民法典``: the law cited as a whole) and for every article of a law they cite
(``中华人民共和国民法典#art_277``; a provision below an article also as itself,
``…#art_277__para_1``).  A law is keyed by :func:`kb.layers.laws.match_key` of its title, never by where
it is in the knowledge base, so a version indexed before the cited law was added still finds it.  The
references of a text to its own provisions (本法第三条, 前条) are keyed with its own title.

On the ``kb search`` path: the query side imports nothing heavy until a query looks like a law's name
followed by a provision (then kb.layers.laws, for the law's full title).
"""
from __future__ import annotations

import re

from kb.text.numerals import NUMERAL_RE

#: a law's name then a provision: 城市居民委员会组织法第三条, 《民法典》第二百七十七条第一款
_LAW_THEN_PROVISION = re.compile(rf"(?P<name>.+?)(?P<provision>第{NUMERAL_RE}条(?:之{NUMERAL_RE})?"
                                 rf"(?:第{NUMERAL_RE}[款项目])*)")
#: how a law's title ends (a name that ends otherwise is a word searched, not a law)
_LAW_ENDING = re.compile(r"(?:法|法典|条例|规定|办法|细则|决定|规则|章程|纲要|通则)$")
#: the numbers of one list of a pinpoint and its unit: 第十三条, 第十三、十四条, 第十三条至第十五条
_SEP = r"(?:、|和|及|或者|或|至|到)"
_LIST = re.compile(rf"第?(?P<nums>{NUMERAL_RE}(?:之{NUMERAL_RE})?(?:条?{_SEP}第?{NUMERAL_RE}(?:之{NUMERAL_RE})?)*)"
                   rf"(?P<unit>条|款|项|目)")
#: a range longer than this is not expanded (a misread, not a citation)
MAX_RANGE = 200


def cite_key(law: str, eid: str | None = None) -> str:
    """The facet value of a citation of ``law`` (its match key), or of its provision ``eid``."""
    return law.replace(",", "，") + (f"#{eid}" if eid else "")


def law_key(title: str) -> str:
    """A law's key: its title as kb.layers.laws matches titles (中华人民共和国 added to a national
    law's short name, 《》 and dated suffixes dropped)."""
    from kb.layers.laws import match_key

    return match_key(title)


# ---- building: what each article cites


def article_cites(doc) -> dict[str, list[str]]:
    """article eid -> the ``cites`` facet values of the references in it (see the module's docstring).
    A reference to a part of its own article (前款, 下列) cites nothing else and is left out."""
    from kb.layers import links

    own = law_key(doc.title) if doc.title else None
    out: dict[str, dict[str, None]] = {}
    for r in links.references(doc):
        art = r.eid.split("__", 1)[0]
        keys = out.setdefault(art, {})
        if r.kind == "external" and r.target:
            law = law_key(r.target)
            eids = pinpoint_eids(r.pinpoint)
            for eid in eids or [None]:
                keys[cite_key(law, eid)] = None
        elif r.kind == "internal" and own:
            for t in r.targets:
                if t.split("__", 1)[0] != art:
                    keys[cite_key(own, t.split("__", 1)[0])] = None
                    keys[cite_key(own, t)] = None
    return {a: list(k) for a, k in out.items() if k}


def pinpoint_eids(pinpoint: str | None) -> list[str]:
    """The articles a pinpoint names (第十三条、第十四条和第十五条, 第十三条至第十五条, 第十三、十四条),
    and the provision it names first when that is below an article (第三条第二款: art_3 and
    art_3__para_2); empty when it names no article (第三章)."""
    from kb.errors import KbError
    from kb.text.address import parse_address

    if not pinpoint:
        return []
    out: list[str] = []
    for m in _LIST.finditer(pinpoint):
        if m.group("unit") != "条":
            continue
        nums = re.split(rf"条?{_SEP}第?", m.group("nums"))
        seps = re.findall(_SEP, m.group("nums"))
        arts = []
        for n in nums:
            try:
                arts.append(parse_address(f"第{n}条")[0])
            except KbError:
                arts.append(None)
        for i, a in enumerate(arts):
            if a is None:
                continue
            if i and seps[i - 1] in ("至", "到") and isinstance(a, int) and isinstance(arts[i - 1], int) \
                    and 0 < a - arts[i - 1] <= MAX_RANGE:
                out += [f"art_{x}" for x in range(arts[i - 1] + 1, a)]
            out.append(f"art_{a}")
    first = _first_provision(pinpoint)
    if first is not None and "__" in first:
        out.append(first)
    return list(dict.fromkeys(out))


def _first_provision(pinpoint: str) -> str | None:
    from kb.errors import KbError
    from kb.layers.links.external import first_provision
    from kb.text.address import parse_address, to_eid

    first = first_provision(pinpoint)
    try:
        return to_eid(*parse_address(first)) if first else None
    except KbError:
        return None


# ---- searching: a query naming a law's provision


def law_citation(q: str) -> tuple[str, tuple, str] | None:
    """(the law's name as written, the provision's address, the provision as written) when the whole
    query is a law's name followed by a provision (城市居民委员会组织法第三条, 《民法典》 第二百七十七条);
    None for any other query."""
    from kb.errors import KbError
    from kb.text.address import parse_address

    s = "".join((q or "").split())
    if not s or len(s) > 80 or any(c in s for c in '"():：'):
        return None
    m = _LAW_THEN_PROVISION.fullmatch(s)
    if m is None:
        return None
    name = m.group("name").strip("《》〈〉")
    if len(name) < 2 or any(c in name for c in "《》"):
        return None
    try:
        address = parse_address(m.group("provision"))
    except KbError:
        return None
    return name, address, m.group("provision")


def laws_named(name: str, titles: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    """The laws ``name`` means, as (key, full title, the regulations holding it) from ``titles``
    (regulation -> title, the catalog's): the law whose title it is (民法典, 《中华人民共和国民法典》,
    城市居民委员会组织法), else the laws whose titles end with it (居民委员会组织法).  A law the
    knowledge base does not hold is still named (刑法: its key and full title, no regulation), as long as
    the name reads as a law's title; empty when it does not."""
    from kb.layers.laws import normalise_title

    held: dict[str, tuple[str, list[str]]] = {}
    for reg, title in sorted(titles.items()):
        key = law_key(title)
        held.setdefault(key, (title, []))[1].append(reg)
    key = law_key(name)
    if key in held:
        return [(key, held[key][0], held[key][1])]
    bare = name.strip("《》")
    ends = [k for k in held if len(bare) >= 4 and k.endswith(bare)]
    if ends:
        return [(k, held[k][0], held[k][1]) for k in ends]
    if _LAW_ENDING.search(bare):
        return [(key, normalise_title(bare), [])]
    return []


def search_cited(cat, laws, address, provision: str, options: dict):
    """What ``kb search 城市居民委员会组织法第三条`` shows: (the provision in each law ``laws`` names
    (:func:`laws_named`: the latest version of the regulations holding it), the provisions citing it --
    first those citing that article (or provision), then those citing the law as a whole -- as one
    :class:`~kb.catalog.interface.Hits`, and how many of those shown cite the provision itself).  ``options`` are
    the search's filters and limit (kb.catalog.interface.Catalog.search), applied to the citing provisions."""
    from kb.catalog.analysis import normalize
    from kb.catalog.interface import Hits
    from kb.catalog.query import ParsedQuery, Word
    from kb.text.address import to_eid

    eid = to_eid(*address)
    provisions = []
    for _, _, regs in laws:
        for reg in regs:
            provisions += cat.provisions(address, regulation=reg)
    limit = options.get("limit")
    names = [normalize(x) for _, title, _ in laws for x in (title, title.removeprefix("中华人民共和国"))]
    pq = ParsedQuery(None, {}, "", marks=[Word(x) for x in dict.fromkeys(names + [normalize(provision)])])
    # those citing the provision, then those citing the law as a whole (根据《……》等法律)
    keys = [cite_key(key, e) for e in (eid, None) for key, _, _ in laws]
    lists = [cat.search(pq, cites=k, **options) for k in keys]
    seen, out, total, exact, itself = set(), [], 0, True, 0
    for i, hits in enumerate(lists):
        total += hits.total
        exact = exact and hits.exact
        for h in hits:
            k = (h.regulation, h.version, h.article_eid)
            if k in seen:
                total -= 1
                continue
            seen.add(k)
            out.append(h)
            itself += i < len(laws)
    if any(len(hits) < hits.total for hits in lists):
        # an article a limited list leaves out may be in another list too (it cites the provision and
        # the law as a whole): the articles citing any of the keys, each once
        every = cat.search(pq, cites=",".join(keys), **{**options, "limit": 1})
        total, exact = every.total, every.exact
    out = out[:limit] if limit else out
    return provisions, Hits(out, total, exact), min(itself, len(out))


# ---- the cited side: kb refs, the provisions of other regulations citing an article


def cited_elsewhere(cat, title: str, eid: str, own: str | None) -> tuple[list, list]:
    """(the articles of the other regulations of the catalog citing provision ``eid`` of the law
    ``title`` -- the article or a provision in it --, those citing the law without naming an article),
    each an article once (latest versions, as kb search lists them); ``own`` (the cited text's
    regulation) is left out: its own references are the links layer's."""
    from kb.catalog.query import ParsedQuery

    key = law_key(title)
    art = eid.split("__", 1)[0]
    keys = list(dict.fromkeys([cite_key(key, eid), cite_key(key, art)]))

    def found(k: str) -> list:
        hits = cat.search(ParsedQuery(None, {}, "", marks=[]), cites=k, limit=0)
        return [h for h in hits if h.regulation != own]

    cite_article = found(",".join(keys))
    seen = {(h.regulation, h.article_eid) for h in cite_article}
    cite_law = [h for h in found(cite_key(key)) if (h.regulation, h.article_eid) not in seen]
    return cite_article, cite_law
