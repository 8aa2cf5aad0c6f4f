"""Names of laws: well-known short names, normalisation to the full title, and lookup of
a title in the knowledge base (``regulation/`` folders, or a corpus directory of Markdown
files whose first ``# title`` line names the law); and which laws are no longer in force
(``data/validity.yml``, or a regulation's own ``validity:`` in its meta.yml).

Normalisation is for matching only; the source text is never rewritten.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kb.project import list_regulations

PRC = "中华人民共和国"

#: national laws commonly cited without brackets and without 中华人民共和国 (short -> full title)
WELL_KNOWN = {name: PRC + name for name in (
    "宪法", "民法典", "刑法", "民法通则", "民法总则", "物权法", "合同法", "侵权责任法", "婚姻法", "继承法",
    "担保法", "收养法", "刑事诉讼法", "民事诉讼法", "行政诉讼法", "行政处罚法", "行政许可法",
    "行政强制法", "行政复议法", "国家赔偿法", "治安管理处罚法", "立法法", "监察法", "公务员法",
    "劳动法", "劳动合同法", "公司法", "合伙企业法", "个人独资企业法", "企业破产法", "证券法",
    "保险法", "票据法", "商业银行法", "消费者权益保护法", "产品质量法", "食品安全法", "药品管理法",
    "环境保护法", "土地管理法", "城乡规划法", "城市房地产管理法", "预算法", "税收征收管理法",
    "个人所得税法", "企业所得税法", "会计法", "审计法", "统计法", "档案法", "保守国家秘密法",
    "突发事件应对法", "安全生产法", "消防法", "道路交通安全法", "未成年人保护法", "妇女权益保障法",
    "老年人权益保障法", "残疾人保障法", "义务教育法", "教育法", "高等教育法", "教师法",
    "慈善法", "反家庭暴力法", "人民调解法", "村民委员会组织法", "城市居民委员会组织法",
    "地方各级人民代表大会和地方各级人民政府组织法", "网络安全法", "数据安全法", "个人信息保护法",
    "著作权法", "专利法", "商标法", "反不正当竞争法", "反垄断法", "招标投标法", "政府采购法",
    "仲裁法", "律师法", "法官法", "检察官法", "人民法院组织法", "人民检察院组织法", "国籍法",
    "兵役法", "国防法", "森林法", "草原法", "水法", "矿产资源法", "农业法", "农村土地承包法",
    "传染病防治法", "职业病防治法", "社会保险法", "就业促进法", "劳动争议调解仲裁法",
    "英雄烈士保护法", "反恐怖主义法", "国家安全法", "出境入境管理法", "人口与计划生育法",
    "野生动物保护法", "大气污染防治法", "水污染防治法", "固体废物污染环境防治法", "行政监察法",
)}
#: short names whose full title is not simply 中华人民共和国 + name
ALIASES = {
    "选举法": PRC + "全国人民代表大会和地方各级人民代表大会选举法",
    "代表法": PRC + "全国人民代表大会和地方各级人民代表大会代表法",
    "地方组织法": PRC + "地方各级人民代表大会和地方各级人民政府组织法",
    "香港基本法": PRC + "香港特别行政区基本法",
    "澳门基本法": PRC + "澳门特别行政区基本法",
}
#: laws whose official title does not begin with 中华人民共和国
NOT_PREFIXED = {"反分裂国家法", "全国人民代表大会常务委员会关于维护互联网安全的决定"}

#: a well-known name must not run on into a longer word (劳动法律, 公司法人, 宪法学 …)
_RUN_ON = set("律规人院官学庭务令制治理定")


@lru_cache(maxsize=1)
def bare_law_pattern() -> re.Pattern:
    """The well-known names as one pattern (made once: building it took 0.16 ms, and the links layer
    asks for it at every node)."""
    names = sorted(WELL_KNOWN, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    first = "".join(sorted({n[0] for n in names} | {PRC[0]}))
    return re.compile(rf"(?=[{first}])(?:{PRC})?(?:{alt})(?![{''.join(sorted(_RUN_ON))}])")


_NATIONAL = re.compile(r"(?<!办)法(?:典)?(?:实施条例|实施细则|实施办法)?$")
_LOCAL = re.compile(r"(省|自治区|自治州|自治县|[^城都]市|[^郡]县)")


def book_title(title: str) -> str:
    """《title》, a title inside it in 〈〉 (《北京市实施〈中华人民共和国矿山安全法〉办法》): book-title marks do not nest."""
    return "《" + title.replace("《", "〈").replace("》", "〉") + "》"


def normalise_title(title: str) -> str:
    """《民法典》 -> 中华人民共和国民法典; local regulations and other documents unchanged.
    Brackets, spaces and 〈〉 are dropped for matching (〈〉 -> 《》)."""
    t = re.sub(r"\s+", "", title.strip().strip("《》"))
    t = t.replace("〈", "《").replace("〉", "》")
    if t.startswith(PRC) or t in NOT_PREFIXED or t.startswith("中华人民"):
        return t                    # (中华人民和国… is a typo in a source title: leave it)
    if t in ALIASES:
        return ALIASES[t]
    if t in WELL_KNOWN:
        return WELL_KNOWN[t]
    if _NATIONAL.search(t) and not _LOCAL.search(t.split("法")[0]) and "《" not in t:
        return PRC + t
    return t


def match_key(title: str) -> str:
    """Key used to compare titles: normalised, without the dated-version suffix."""
    t = normalise_title(title)
    t = re.sub(r"[（(]\d{4}[-年].*?[）)]$", "", t)
    return t.replace("《", "").replace("》", "")


@dataclass
class LawEntry:
    title: str            # full title as the knowledge base has it
    link: str             # reg@version for regulation/, or the file path for a corpus file
    kind: str             # "regulation" | "corpus"
    #: a law the knowledge base holds in parts or excerpts (民法典 物权编, 合同编):
    #: [(regulation id, first article, last article)], from each part's meta.yml ``articles``
    parts: list = field(default_factory=list)
    #: regulation id -> the file of its latest version, for each regulation a citation may land on (the law,
    #: or each part of it): where kb.layers.links.provisions reads whether the cited provision is there
    texts: dict = field(default_factory=dict)

    def link_for(self, article: int | None) -> str | None:
        """Where a citation of this law's ``article`` (None: the law as a whole) lands: the part
        holding that article, when the law is held in parts; None when no part holds it — nor for the law
        as a whole, which no excerpt is (民法典 cited for its 特别法人 does not land on 物权编's chapter);
        the corpus, when it holds the whole law, takes both."""
        if not self.parts:
            return self.link
        for reg_id, lo, hi in self.parts if article is not None else ():
            if lo <= article <= hi:
                return reg_id
        return self.link if self.kind == "corpus" else None

    def held_parts(self, article: int | None) -> list[str]:
        """The regulations holding parts of this law when a citation of ``article`` (None: the law as a
        whole) lands on none of them: the knowledge base holds the law only in part, not the part cited."""
        return [reg_id for reg_id, _, _ in self.parts] if self.parts and self.link_for(article) is None else []


_INDEX_CACHE: dict[tuple, dict[str, LawEntry]] = {}


def law_index(root: Path | None = None, corpus: str | Path | None = None) -> dict[str, LawEntry]:
    """match_key(title) -> LawEntry for every law in the knowledge base.

    ``root`` is the project root (its ``regulation/`` folders are read through
    kb.project); ``corpus`` a directory of Markdown files (``# title`` first line).
    For a corpus law with several dated files, the undated file (in force) wins, then the latest.
    """
    key = (str(root) if root else None, str(corpus) if corpus else None)
    if key in _INDEX_CACHE:
        return _INDEX_CACHE[key]
    index: dict[str, LawEntry] = {}
    if corpus:
        groups: dict[str, list[tuple[str, Path]]] = {}
        for p in sorted(Path(corpus).rglob("*.md")):
            title = _md_title(p)
            if title:
                groups.setdefault(match_key(title), []).append((title, p))
        for key_, entries in groups.items():
            undated = [e for e in entries if not re.search(r"\(\d{4}-\d\d-\d\d\)$", e[1].stem)]
            if len(undated) > 1 and len({e[1].parent for e in undated}) == 1:
                # one law split over several files of a folder (民法典/总则.md, 物权编.md …)
                index[key_] = LawEntry(undated[0][0], str(undated[0][1].parent), "corpus")
                continue
            # the version in force (undated) wins, else the latest dated version
            best = undated[0] if undated else max(entries, key=lambda e: e[1].stem[-11:])
            index[key_] = LawEntry(best[0], str(best[1]), "corpus")
    if root:
        try:
            regs = list_regulations(Path(root))
        except Exception:       # a broken metadata file must not break linking
            regs = []
        held: dict[str, list] = {}
        for r in regs:
            held.setdefault(match_key(r.title), []).append(r)
        for key_, rs in held.items():
            parts = sorted(((r.id, *_article_range(r)) for r in rs if _article_range(r)), key=lambda x: x[1])
            texts = {r.id: str(r.path(r.versions[-1])) for r in rs if r.versions}
            if len(rs) == 1 and not parts:
                index[key_] = LawEntry(rs[0].title, rs[0].id, "regulation", texts=texts)
            elif key_ in index:
                # the corpus has the whole law, the knowledge base only parts of it: citations of
                # the law as a whole go to the corpus, those of an article held here to its part
                index[key_].parts = parts
                index[key_].texts = texts
            else:
                index[key_] = LawEntry(rs[0].title, parts[0][0] if parts else rs[0].id, "regulation", parts=parts,
                                       texts=texts)
    _INDEX_CACHE[key] = index
    return index


_FINGERPRINTS: dict[int, tuple] = {}


def index_fingerprint(index: dict[str, LawEntry] | None) -> str:
    """A hash of a law index's content ("" for none): what references linked with it depend on."""
    if not index:
        return ""
    hit = _FINGERPRINTS.get(id(index))
    if hit is None or hit[0] is not index or hit[1] != len(index):
        from kb.layers.cache import fingerprint

        hit = _FINGERPRINTS[id(index)] = (index, len(index), fingerprint(sorted((k, vars(v)) for k, v in index.items())))
    return hit[2]


def _article_range(reg) -> tuple[int, int] | None:
    """(first, last) article number of a regulation that holds part of a law (meta.yml
    ``articles: [271, 287]``), None for a whole law."""
    a = (reg.raw or {}).get("articles")
    if isinstance(a, list) and len(a) == 2 and all(isinstance(x, int) for x in a):
        return a[0], a[1]
    return None


def lookup(title: str, index: dict[str, LawEntry] | None) -> LawEntry | None:
    if not index:
        return None
    return index.get(match_key(title))


def _md_title(p: Path) -> str | None:
    try:
        with p.open(encoding="utf-8-sig") as f:
            for _ in range(5):
                line = f.readline()
                if not line:
                    break
                m = re.match(r"^#\s+(.+?)\s*$", line)
                if m:
                    return m.group(1)
    except (OSError, UnicodeDecodeError):
        return None
    return None



VALIDITY_TABLE = Path(__file__).resolve().parent / "data" / "validity.yml"
REPEALED = "已废止"


@dataclass
class Validity:
    """Whether a law is in force: 有效, 已修改 or 已废止, and what replaced a repealed one."""
    title: str
    validity: str
    repealed: str | None = None        # the date it ceased to be in force
    successor: str | None = None       # the full title of the text that replaced it
    basis: str | None = None           # the provision or decision that repealed it
    source: str = ""                   # where this was read: the table, or a regulation's meta.yml

    @property
    def in_force(self) -> bool:
        return self.validity != REPEALED


@lru_cache(maxsize=None)
def validity_table(path: str = str(VALIDITY_TABLE)) -> dict[str, Validity]:
    """match_key(title) -> Validity for every law of the table (repealed laws and their successors)."""
    import yaml

    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    out = {}
    for e in data.get("laws") or []:
        v = Validity(title=e["title"], validity=e.get("validity") or REPEALED,
                     repealed=str(e["repealed"]) if e.get("repealed") else None,
                     successor=e.get("successor"), basis=e.get("basis"), source=path)
        out[match_key(v.title)] = v
    return out


_KB_VALIDITY: dict[str, tuple] = {}


def _meta_stamp(root: Path) -> tuple:
    """What the knowledge base's metadata files are now: (folder, size, mtime) of each regulation/*/meta.yml."""
    import os

    out = []
    try:
        folders = sorted(os.scandir(Path(root) / "regulation"), key=lambda d: d.name)
    except OSError:
        return ()
    for d in folders:
        try:
            st = os.stat(os.path.join(d.path, "meta.yml"))
        except OSError:
            continue
        out.append((d.name, st.st_size, st.st_mtime_ns))
    return tuple(out)


def _kb_validity(root: Path) -> dict[str, Validity]:
    """What the regulations of the knowledge base say of themselves (meta.yml: validity, successor,
    repealed); read once and kept while no meta.yml changes (a check asks for every law a text cites)."""
    key, stamp = str(root), _meta_stamp(root)
    hit = _KB_VALIDITY.get(key)
    if hit is None or hit[0] != stamp:
        hit = _KB_VALIDITY[key] = (stamp, _read_kb_validity(root))
    return hit[1]


def _read_kb_validity(root: Path) -> dict[str, Validity]:
    out = {}
    try:
        regs = list_regulations(Path(root))
    except Exception:       # a broken metadata file is reported by the commands that read it
        regs = []
    for r in regs:
        raw = r.raw or {}
        if raw.get("validity"):
            out[match_key(r.title)] = Validity(
                title=r.title, validity=str(raw["validity"]),
                repealed=str(raw["repealed"]) if raw.get("repealed") else None,
                successor=raw.get("successor"), basis=raw.get("basis"), source=str(r.folder / "meta.yml"))
    return out


def validity(title: str, root: Path | None = None) -> Validity | None:
    """The validity of the law called ``title`` (any form: 《合同法》, 中华人民共和国合同法): from the
    knowledge base's own metadata when ``root`` holds it, else from the table; None when nothing
    is known (laws in force are not listed)."""
    key = match_key(title)
    if root is not None:
        hit = _kb_validity(root).get(key)
        if hit is not None:
            return hit
    return validity_table().get(key)


def successor_in_force(v: Validity, root: Path | None = None) -> str | None:
    """The text in force that replaced ``v``, following successors that were replaced in turn
    (经济合同法 → 合同法 → 民法典); None when it was repealed without one."""
    seen = {match_key(v.title)}
    title = v.successor
    while title:
        nxt = validity(title, root)
        if nxt is None or nxt.in_force or not nxt.successor or match_key(nxt.successor) in seen:
            return title
        seen.add(match_key(title))
        title = nxt.successor
    return None
