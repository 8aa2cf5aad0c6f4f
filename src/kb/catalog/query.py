"""The catalog's query language: what a user may type into ``kb search`` (and a site
collection's ``query``), parsed into a tree of words and a set of field filters.  It is
engine-neutral on purpose: an engine translates the tree into its own queries, and
:func:`matches` evaluates the same tree on a plain text, so the paragraphs shown inside a
matching article are those that satisfy the query by themselves.

Query language::

    经费                      a word (must occur literally)
    居民委员会 协助            both words (AND is implied)
    "居民 委员会"              an exact phrase (spaces inside quotes are ignored)
    社区 OR 小区               either
    社区 NOT 物业 / 社区 -物业  exclude
    (社区 OR 小区) AND 服务    grouping
    type:definition  actor:居民委员会  modality:obligation  regulation:R
    version:V  chapter:3                field filters
    heading:经费  text:经费              a word in the headings only, or in the text only

Malformed queries and filter values raise :class:`kb.errors.KbError` with a Chinese
message.  This module is on the ``kb search`` path: it imports nothing heavy.
"""
from __future__ import annotations

import re
import dataclasses
from dataclasses import dataclass, field

from kb.catalog.analysis import normalize, variants
from kb.errors import KbError
from kb.text.numerals import NUMERAL_CHARS, parse_numeral

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 32

#: field filters the query language and ``Catalog.search`` accept
FILTER_FIELDS = ("type", "regulation", "version", "chapter", "actor", "modality")
TEXT_FIELDS = ("heading", "text")
FIELD_ALIASES = {"reg": "regulation", "ver": "version", "chp": "chapter", "kind": "type",
                 "类型": "type", "法规": "regulation", "版本": "version", "章": "chapter",
                 "主体": "actor", "情态": "modality", "标题": "heading", "正文": "text"}
TYPES = ("article", "paragraph", "item", "definition", "obligation", "chapter")
MODALITIES = ("obligation", "prohibition", "permission", "encouragement", "sanction", "liability")
TYPE_ALIASES = {"条": "article", "款": "paragraph", "项": "item", "定义": "definition",
                "义务": "obligation", "articles": "article", "paragraphs": "paragraph",
                "definitions": "definition", "obligations": "obligation", "items": "item",
                "章节": "chapter", "chapters": "chapter", "heading": "chapter", "headings": "chapter"}
#: the names kb shows for the modalities (kb.layers.obligations.MODALITY_NAMES: not imported, start-up time)
MODALITY_LABELS = {"obligation": "义务", "prohibition": "禁止", "permission": "授权", "encouragement": "鼓励",
                   "sanction": "追责", "liability": "责任"}
#: what a modality may be written as, the same in kb search (--modality, modality:) and kb obligations:
#: its code, its name (MODALITY_LABELS) or a modal word
MODALITY_ALIASES = {**{label: code for code, label in MODALITY_LABELS.items()},
                    "应当": "obligation", "必须": "obligation", "不得": "prohibition", "可以": "permission",
                    "许可": "permission"}
#: words for a liability clause that name neither of its two roles: refused, saying which are meant
#: (kb never writes 处罚: 责令改正 is not a penalty)
BOTH_ROLES = ("处罚", "罚则", "法律责任")
#: --modality's help, the same in every command that has it
MODALITY_HELP = "、".join(f"{c} {label}" for c, label in MODALITY_LABELS.items()) + "（也可写 应当、不得、可以 等情态词）"


@dataclass
class Word:
    text: str                      # normalised, no whitespace
    field: str | None = None       # None: all text fields; "heading"; "text" (not headings or terms)
    raw: str = ""
    # (dataclasses.field: the attribute ``field`` above hides the function in this class body)
    also: list[str] = dataclasses.field(default_factory=list)    # other names searched too (kb.catalog.synonyms)

    def variants(self) -> list[str]:
        """Every spelling the word is searched under: as written and its other names, each
        with 第15条 and 第十五条 alike."""
        out: list[str] = []
        for s in (self.text, *self.also):
            out += [v for v in variants(s) if v not in out]
        return out


@dataclass
class BoolOp:
    op: str                        # AND | OR | NOT
    children: list = field(default_factory=list)


@dataclass
class ParsedQuery:
    tree: object | None            # Word | BoolOp | None (filters only)
    filters: dict                  # field -> value (from field:value in the query)
    text: str
    #: (word as written, other spellings searched too, excluded?) (kb.catalog.synonyms.expand)
    expansions: list = field(default_factory=list)
    #: words marked in the hits without being searched (a cited law's name in the provisions citing it)
    marks: list = field(default_factory=list)

    def positives(self) -> list[Word]:
        """Words that must or may occur (not under NOT), in query order."""
        out: list[Word] = []

        def walk(n, neg=False):
            if isinstance(n, Word):
                if not neg:
                    out.append(n)
            elif isinstance(n, BoolOp):
                for c in n.children:
                    walk(c, neg or n.op == "NOT")
        walk(self.tree)
        return out

    def has_or(self) -> bool:
        def walk(n):
            return isinstance(n, BoolOp) and (n.op == "OR" or any(walk(c) for c in n.children))
        return walk(self.tree)


_OPS = ("AND", "OR", "NOT")


def _lex(q: str) -> list[tuple[str, str]]:
    """Tokens: ("(", ""), (")", ""), ("OP", AND|OR|NOT), ("NEG", ""), ("WORD", w), ("PHRASE", p),
    ("FIELD", "name\\x00value\\x00quoted")."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
            continue
        if c in "()":
            out.append((c, ""))
            i += 1
            continue
        if c == '"':
            j = q.find('"', i + 1)
            if j < 0:
                raise KbError(f"引号不成对：第 {i + 1} 个字符处的 \" 没有对应的结束引号")
            out.append(("PHRASE", q[i + 1:j]))
            i = j + 1
            continue
        if c == "-" and i + 1 < n and not q[i + 1].isspace() and q[i + 1] not in "-)" and \
                (i == 0 or q[i - 1].isspace() or q[i - 1] == "("):
            out.append(("NEG", ""))
            i += 1
            continue
        j = i
        while j < n and not q[j].isspace() and q[j] not in '()"':
            j += 1
        w = q[i:j]
        m = re.match(r"^([A-Za-z]+|类型|法规|版本|章|主体|情态|标题|正文)[:：](.*)$", w)
        if w in _OPS:
            out.append(("OP", w))
        elif m:
            name, value = m.group(1), m.group(2)
            if not value and j < n and q[j] == '"':
                k = q.find('"', j + 1)
                if k < 0:
                    raise KbError(f"引号不成对：第 {j + 1} 个字符处的 \" 没有对应的结束引号")
                value, j = q[j + 1:k], k + 1
            out.append(("FIELD", f"{name}\x00{value}"))
        else:
            out.append(("WORD", w))
        i = j
    return out


class _Parser:
    def __init__(self, toks, filters):
        self.toks = toks
        self.i = 0
        self.filters = filters
        self.depth = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else (None, None)

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def parse(self):
        if not self.toks:
            return None
        node = self.or_expr()
        kind, val = self.peek()
        if kind == ")":
            raise KbError("括号不成对：多了一个“)”")
        if kind is not None:  # pragma: no cover - or_expr consumes everything else
            raise KbError(f"无法理解查询中的“{val}”")
        return node

    def or_expr(self):
        parts = [self.and_expr()]
        while self.peek() == ("OP", "OR"):
            self.take()
            if self.peek()[0] in (None, ")") or self.peek() in (("OP", "OR"), ("OP", "AND")):
                raise KbError("OR 两边都需要检索词")
            parts.append(self.and_expr())
        parts = [p for p in parts if p is not None]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        if any(p is _FILTER for p in parts):
            raise KbError("字段过滤（如 type:definition）不能放在 OR 里：请把它和其他条件并列")
        return BoolOp("OR", parts)

    def and_expr(self):
        parts = []
        while True:
            kind, val = self.peek()
            if kind is None or kind == ")" or (kind == "OP" and val == "OR"):
                break
            if kind == "OP" and val == "AND":
                self.take()
                if not parts:
                    raise KbError("AND 两边都需要检索词")
                k2, v2 = self.peek()
                if k2 in (None, ")") or (k2 == "OP" and v2 in ("AND", "OR")):
                    raise KbError("AND 两边都需要检索词")
                continue
            parts.append(self.unary())
        if not parts:
            if self.peek()[0] is None and self.i == 0:
                return None
            raise KbError("OR 两边都需要检索词" if self.peek() == ("OP", "OR") else "缺少检索词")
        real = [p for p in parts if p is not _FILTER]
        if not real:
            return _FILTER
        if len(real) == 1:
            return real[0]
        return BoolOp("AND", real)

    def unary(self):
        kind, val = self.peek()
        if (kind == "OP" and val == "NOT") or kind == "NEG":
            self.take()
            k2, v2 = self.peek()
            if k2 in (None, ")") or (k2 == "OP" and v2 in ("AND", "OR")):
                raise KbError("NOT 后面缺少要排除的检索词")
            child = self.unary()
            if child is _FILTER:
                raise KbError("字段过滤（如 type:definition）不能被 NOT 排除")
            return BoolOp("NOT", [child])
        return self.primary()

    def primary(self):
        kind, val = self.take()
        if kind == "(":
            self.depth += 1
            if self.depth > 10:
                raise KbError("括号嵌套过深（最多 10 层）")
            if self.peek()[0] == ")":
                raise KbError("括号内是空的")
            node = self.or_expr()
            if self.take()[0] != ")":
                raise KbError("括号不成对：缺少“)”")
            self.depth -= 1
            if node is _FILTER:
                raise KbError("字段过滤（如 type:definition）不能放在括号里")
            if node is None:
                raise KbError("括号内是空的")
            return node
        if kind == ")":
            raise KbError("括号不成对：多了一个“)”")
        if kind == "WORD":
            return _word(val)
        if kind == "PHRASE":
            text = "".join(val.split())
            if not text:
                raise KbError("引号里是空的：请在引号之间写要查找的短语")
            return _word(text, raw=f'"{val}"')
        if kind == "FIELD":
            name, value = val.split("\x00")
            fname = FIELD_ALIASES.get(name, name.lower())
            if fname in TEXT_FIELDS:
                text = "".join(value.split())
                if not text:
                    raise KbError(f"字段“{name}:”后面缺少检索词")
                return _word(text, field=fname, raw=f"{name}:{value}")
            if fname not in FILTER_FIELDS:
                known = "、".join(FILTER_FIELDS + TEXT_FIELDS)
                raise KbError(f"未知的字段“{name}”；可用的字段：{known}")
            if self.depth:
                raise KbError("字段过滤（如 type:definition）不能放在括号里")
            if not value.strip():
                raise KbError(f"字段“{name}:”后面缺少取值")
            if fname in self.filters and self.filters[fname] != value:
                raise KbError(f"字段“{fname}”给了两个不同的取值")
            self.filters[fname] = value.strip()
            return _FILTER
        if kind == "OP":
            raise KbError(f"{val} 的位置不对：{val} 需要放在两个检索词之间" if val != "NOT"
                          else "NOT 后面缺少要排除的检索词")
        raise KbError("缺少检索词")  # pragma: no cover


_FILTER = object()   # marker: a field filter consumed into ParsedQuery.filters


def _word(text: str, field: str | None = None, raw: str | None = None) -> Word:
    return Word(text=normalize(text), field=field, raw=raw if raw is not None else text)


def parse_query(q: str) -> ParsedQuery:
    """Parse a user query; raise KbError with a clear Chinese message if malformed."""
    if isinstance(q, (bytes, bytearray)):
        try:
            q = bytes(q).decode("utf-8")
        except UnicodeDecodeError as e:
            raise KbError(f"查询不是有效的 UTF-8（第 {e.start + 1} 个字节无法解码）") from None
    if q is not None and not isinstance(q, str):
        raise KbError(f"查询应为文本，而不是 {type(q).__name__}")
    if q is None or not q.strip():
        raise KbError("查询为空：请给出要查找的词")
    try:
        q.encode("utf-8")
    except UnicodeEncodeError as e:
        # a lone surrogate: how Python keeps bytes that were not UTF-8 (a command line, a file)
        raise KbError(f"查询中有无法解码的字符（第 {e.start + 1} 个字符 U+{ord(q[e.start]):04X}）：请用 UTF-8 文本") \
            from None
    if len(q) > MAX_QUERY_CHARS:
        raise KbError(f"查询过长（{len(q)} 个字符，最多 {MAX_QUERY_CHARS} 个）：请缩短查询")
    if "\x00" in q:
        raise KbError("查询中含有不可见的控制字符")
    toks = _lex(q)
    words = sum(1 for k, _ in toks if k in ("WORD", "PHRASE"))
    if words > MAX_QUERY_TERMS:
        raise KbError(f"检索词过多（{words} 个，最多 {MAX_QUERY_TERMS} 个）")
    filters: dict = {}
    p = _Parser(toks, filters)
    tree = p.parse()
    if tree is _FILTER:
        tree = None
    pq = ParsedQuery(tree, filters, q)
    if tree is not None and not pq.positives():
        raise KbError("不能只有排除条件（NOT）：请至少给出一个要查找的词")
    if tree is not None and _only_negative_or(tree):
        raise KbError("OR 的每一边都需要要查找的词，不能只有排除条件")
    return pq


def _only_negative_or(n) -> bool:
    if not isinstance(n, BoolOp):
        return False
    if n.op == "OR" and any(isinstance(c, BoolOp) and c.op == "NOT" for c in n.children):
        return True
    return any(_only_negative_or(c) for c in n.children)


def matches(node, text: str, heading: str = "") -> bool:
    """Does a (normalised) text satisfy the query tree?  Used to find, inside a matching
    article, the paragraphs, items and statements that match by themselves."""
    if node is None:
        return True
    if isinstance(node, Word):
        hay = heading if node.field == "heading" else text
        return any(v in hay for v in node.variants())
    if node.op == "OR":
        return any(matches(c, text, heading) for c in node.children)
    if node.op == "NOT":
        return not matches(node.children[0], text, heading)
    return all(matches(c, text, heading) for c in node.children)


def combine_filters(pq: ParsedQuery, options: dict) -> dict:
    """The filters of a search, canonicalised: those written in the query (``type:definition``)
    and those given as options (``--type``, in ``options``); a value given both ways must
    agree."""
    f = dict(pq.filters)
    for name, val in options.items():
        if val is None or val == "":
            continue
        val = str(val)
        if name in f and check_filter(name, f[name]) != check_filter(name, val):
            raise KbError(f"查询里的 {name}:{f[name]} 与选项 --{name} {val} 矛盾")
        f[name] = val
    for name in list(f):
        f[name] = check_filter(name, f[name])
    return f


def check_filter(name: str, value: str) -> str:
    """Validate and canonicalise a filter value (type, modality)."""
    v = value.strip()
    if name == "type":
        v = TYPE_ALIASES.get(v, v.lower())
        if v not in TYPES:
            raise KbError(f"未知的类型“{value}”；可用：{'、'.join(TYPES)}")
    elif name == "modality":
        v = modality_code(v)
        if v is None:
            raise KbError(f"未知的情态“{value}”；{modality_choices(value)}")
    elif name == "chapter":
        v = _chapter_key(v, value)
    return v


def modality_code(value: str) -> str | None:
    """The code of a modality written any way :data:`MODALITY_ALIASES` takes; None when it is none."""
    v = value.strip()
    v = MODALITY_ALIASES.get(v, v.lower())
    return v if v in MODALITIES else None


def modality_choices(value: str = "") -> str:
    """The modalities to choose from, for a message refusing ``value``."""
    out = "可用：" + "、".join(f"{c}（{label}）" for c, label in MODALITY_LABELS.items()) + \
        "，或 " + "、".join(w for w in MODALITY_ALIASES if w not in MODALITY_LABELS.values())
    if value.strip() in BOTH_ROLES:
        out = "法律责任条款有两个角色：追责（sanction，采取措施的机关）和责任（liability，被追究的一方），请选一个；" + out
    return out


_CHP_HELP = "示例：3、第三章、chp_3；分编的法律：第二编第三章、part_2__chp_3、第二编、第三章第一节"
#: the containers a chapter filter names, outermost first: the kind in an eid (part_2__chp_3) and the unit in a label
#: (第二编第三章) — read here, written back by kb.catalog.searching.container_label
CONTAINERS = {"part": "编", "subpart": "分编", "chp": "章", "sec": "节"}
_CONTAINER_EID = re.compile(r"(?:part_\d+)?(?:(?:^|__)subpart_\d+)?(?:(?:^|__)chp_\d+)?(?:__sec_\d+)?")
_CONTAINER_LABEL = re.compile("".join(rf"(?:第([{NUMERAL_CHARS}]+){unit})?" for unit in CONTAINERS.values()))


def _chapter_key(v: str, value: str) -> str:
    """The catalog key of a --chapter value: a chapter number (3, 第三章, chp_3: chapter 3
    wherever it is) or the eid of a part, subpart, chapter or section (第二编第三章 ->
    part_2__chp_3, 第二编 -> part_2, 第三章第一节 -> chp_3__sec_1)."""
    s = "".join(v.split()).lower()
    bad = KbError(f"无法识别的章“{value}”（{_CHP_HELP}）")
    m = re.fullmatch(r"chp_(\d+)", s) or re.fullmatch(rf"第?([{NUMERAL_CHARS}]+)章?", s)
    if m:
        try:
            return str(parse_numeral(m.group(1)))
        except ValueError:
            raise bad from None
    if s and _CONTAINER_EID.fullmatch(s):
        return s
    m = _CONTAINER_LABEL.fullmatch(s)
    if not s or not m or not any(m.groups()):
        raise bad
    try:
        part, sub, chp, sec = (parse_numeral(g) if g else None for g in m.groups())
    except ValueError:
        raise bad from None
    if sec is not None and chp is None:
        raise KbError(f"“{value}”：节要和章一起给出，如 第三章第一节（{_CHP_HELP}）")
    if sub is not None and chp is not None:
        sub = None       # a chapter's eid does not name its subpart (part_1__chp_3)
    return "__".join(f"{kind}_{n}" for kind, n in zip(CONTAINERS, (part, sub, chp, sec)) if n is not None)


_BARE_NUMBER = re.compile(rf"[0-9０-９]+|[{NUMERAL_CHARS}]+")


def text_only(q: str) -> ParsedQuery:
    """A one-word query searched in the text alone (not in headings or defined terms): what
    cites a provision, not the provision's own label."""
    return ParsedQuery(_word("".join(q.split()), field="text", raw=q), {}, q)


#: 的 joining two words of two characters or more (居民委员会的职责), or leading a word (的职责)
_PARTICLE_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff]{2})的(?=[\u4e00-\u9fff]{2})")
_PARTICLE_EDGE = re.compile(r"^(\(?)的(?=[\u4e00-\u9fff]{2})|(?<=[\u4e00-\u9fff]{2})的(?=\)?$)")


def loosen(q: str) -> str | None:
    """The query with the particle 的 taken as a space between words, for a query found nothing as
    written: a newcomer types 居民委员会的职责 or 居委会 的职责, the text says 居民委员会……职责
    (its heading: 居民委员会职责).  Quoted phrases, excluded words (-词), field filters and short
    words (目的, 有的) are left as they are; None when nothing changes."""
    out = []
    for part in re.split(r'("[^"]*"|\s+)', q or ""):
        if part and not part.startswith('"') and not part.isspace() and not part.startswith("-") \
                and not re.search(r"[:：]", part):
            part = _PARTICLE_EDGE.sub(lambda m: m.group(1) or "", _PARTICLE_INSIDE.sub(" ", part))
        out.append(part)
    loose = "".join(out)
    return loose if loose.split() != (q or "").split() else None


def citation(q: str):
    """(address, bare) when the whole query names a provision -- 第15条, 十五条,
    第十五条第二款, 15.2, 第十条之一 -- (address as :func:`kb.text.address.parse_address`
    returns it; ``bare``: a bare number such as 15 or 十五, which is also searched as
    written); None for any other query."""
    from kb.text.address import parse_address

    s = "".join((q or "").split())
    if not s or len(s) > 30 or any(c in s for c in '"():：'):
        return None
    try:
        address = parse_address(s)
    except KbError:
        return None
    return address, bool(_BARE_NUMBER.fullmatch(s))


def spoken(address) -> str:
    """A provision's address (as :func:`citation` gives it) as a text cites it: (15, 2, None, None)
    -> 第十五条第二款, ("10-1", …) -> 第十条之一."""
    from kb.text.numerals import to_chinese

    art, para, item, sub = address
    base, _, extra = str(art).partition("-")
    out = f"第{to_chinese(int(base))}条" + (f"之{to_chinese(int(extra))}" if extra else "")
    for n, unit in ((para, "款"), (item, "项"), (sub, "目")):
        if n is not None:
            out += f"第{to_chinese(n)}{unit}"
    return out


def flatten_words(words: list[Word]) -> list[str]:
    """Every spelling of the words (see :func:`kb.catalog.analysis.variants`), once each, in
    query order: what snippets and headings are marked with."""
    out: list[str] = []
    for w in words:
        for v in w.variants():
            if v not in out:
                out.append(v)
    return out
