"""What a corpus text says about itself, for ``kb add DIR``: title, level, jurisdiction, issuing
body, dates and validity.

The corpus (../shared/corpus/lawrefbook) keeps only the adoption history in its metadata block
(the lines before ``<!-- INFO END -->``), so the level and the jurisdiction come from the folder a
text sits in (宪法相关法/ → 法律, 全国; DLC/北京地方法规/地方性法规/ → 地方性法规, 北京市), the dates and
the issuing body from the history lines, the version date from the file name's ``(YYYY-MM-DD)``, and
whether a law is still in force from the repo's table of repealed laws (kb.layers.laws.validity).
Anything the folder does not tell falls back to the options the caller gives, then to defaults.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kb.layers.laws import PRC, match_key, normalise_title
from kb.project import LEVEL_RANK
from kb.text.preamble import is_draft_status, split_status
from kb.text.sources import INFO_END

#: top folders of the national laws (lawrefbook's categories) and their level
NATIONAL_FOLDERS = {"宪法": "宪法", "宪法相关法": "法律", "民法典": "法律", "民法商法": "法律", "行政法": "法律",
                    "经济法": "法律", "社会法": "法律", "刑法": "法律", "诉讼与非诉讼程序法": "法律",
                    "其他": "其他"}
#: provinces named without their suffix in the corpus' folders (北京地方法规 → 北京市)
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
_REGIONS = {"内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区",
            "新疆": "新疆维吾尔自治区", "香港": "香港特别行政区", "澳门": "澳门特别行政区"}
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_FILE_DATE = re.compile(r"\((\d{4}-\d\d-\d\d)\)$")
_BODY = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日\s*(?P<place>[^第\s]*?)第[一二三四五六七八九十]+届"
                   r"(?P<nat>全国)?人民代表大会(?P<sc>常务委员会)?")
_CITY = re.compile(r"^(?:[^省市]{2,7}省)?([^省市县]{2,5}?(?:市|自治州|州|盟|地区))")
_ZONE = re.compile(r"^(深圳|珠海|汕头|厦门)经济特区")


@dataclass
class CorpusText:
    """The metadata of one corpus file."""
    path: Path
    rel: str                            # path relative to the corpus root (as the annotations name it)
    title: str
    part: str | None = None             # 物权编 for one file of a law split over several (民法典)
    level: str | None = None
    jurisdiction: str | None = None
    issuing_body: str | None = None
    adopted: str | None = None          # first date of the history
    date: str | None = None             # this version's date
    effective: str | None = None        # this version's 施行 date, when the history states it
    history: list[str] = field(default_factory=list)
    status: str | None = None           # a draft's stage (草案、草案修改稿、征求意见稿); None for an adopted text
    corpus: bool = False                # the public corpus's own file: decided by :func:`as_found` alone
    titled: bool = True                 # the text states its title (else ``title`` is the file's name)

    @property
    def draft(self) -> bool:
        return self.status is not None

    @property
    def regulation_id(self) -> str:
        """The regulation's folder name: the title without 中华人民共和国 and brackets."""
        return title_id(self.title) + (f"-{self.part}" if self.part else "")

    @property
    def version_name(self) -> str:
        """The date; for an undated draft, draft and its stage (草案 → draft, 草案修改稿 → draft-修改稿,
        征求意见稿 → draft-征求意见稿), so that a folder holding a draft's stages imports each as its own
        version, under the same name on every import; else text."""
        if self.date:
            return self.date
        if not self.draft:
            return "text"
        stage = re.sub(r"[\s/\\@#?%:*\"<>|]", "", self.status)
        stage = stage[2:] if stage.startswith("草案") else stage
        return f"draft-{stage}"[:120] if stage else "draft"

    def label(self) -> str:
        """How the version is named to a reader: 2018年修正 / 1991年通过 / 草案修改稿."""
        if self.draft:
            return self.status
        if not self.date:
            # a text of one's own folder says nothing of being in force
            return "现行文本" if self.corpus else "文本"
        # the last event of the history (a 施行 line after it dates no version: 通过, then 2022年5月1日 施行)
        last = next((h for h in reversed(self.history) if any(w in h for w in ("通过", "修正", "修订", "公布"))), "")
        how = next((w for w in ("修订", "修正", "通过") if w in last), "版")
        return f"{self.date[:4]}年{how if self.date == _iso(last) else '版'}"


def title_id(title: str) -> str:
    """A title as a folder name: without 中华人民共和国 and brackets (城市居民委员会组织法)."""
    t = normalise_title(title)
    if t.startswith(PRC) and len(t) > len(PRC):
        t = t[len(PRC):]
    return re.sub(r"[《》〈〉\s/\\\\@#?%:*\"<>|]", "", t)


def read_corpus_text(path: Path, corpus_root: Path | None = None, files: "CorpusFiles | None" = None) -> CorpusText:
    """Metadata of one corpus file (read from its first lines and its place in the corpus).  Whether it is the
    public corpus's own file is decided in one place, :func:`as_found`, when ``files`` is given; without it the text
    claims no corpus (``corpus`` False): a metadata block or a category folder is no proof."""
    path = Path(path)
    rel = _relative(path, corpus_root)
    lines, block = _head(path)
    titles = [l[2:].strip() for l in lines if l.startswith("# ")]
    status = None
    if titles:
        title = titles[0]
    else:
        # not a corpus Markdown file (a draft, a .txt or .docx of one's own): the title and status the text
        # states, as ``kb add FILE`` reads them; a text that does not parse keeps its file name, and the
        # import then refuses it with the parser's reason; one that states no title is marked untitled
        title, status = _own_title(path)
    titled = bool(title)
    title = title or path.stem
    title, bracket = _draft_bracket(title)
    part = titles[1] if len(titles) > 1 and titles[1].endswith(("编", "则")) else None
    # the adoption history is the metadata block's (the first lines of a text of one's own are its body)
    history = [l.strip() for l in lines if _DATE.search(l) and not l.startswith("#")] if block else []
    ct = CorpusText(path=path, rel=rel, title=normalise_title(title), part=part, history=history, titled=titled)
    folders = rel.split("/")[:-1]
    if bracket or is_draft_status(status) or "草案" in folders or path.parent.name == "草案":
        ct.status = bracket or (status if is_draft_status(status) else "草案")
    m = _FILE_DATE.search(path.stem)
    events = [h for h in history if any(w in h for w in ("通过", "修正", "修订", "公布"))]
    ct.adopted = _iso(history[0]) if history else None
    ct.date = m.group(1) if m else (_iso(events[-1]) if events else ct.adopted)
    # a 施行 line dated before this version's date is an earlier version's (通过, 施行, then 修正)
    eff = [_iso(h) for h in history if h.rstrip("）)").endswith("施行")]
    ct.effective = eff[-1] if eff and eff[-1] and (not ct.date or eff[-1] >= ct.date) else None
    ct.level, ct.jurisdiction = _place(rel, ct.title)
    ct.issuing_body = _issuing_body(history)
    return as_found(ct, files) if files is not None else ct


class CorpusFiles:
    """The public corpus's own files (../shared/corpus/lawrefbook beside the project or beside kb's checkout, or under
    ``$KB_SHARED/corpus``), to tell a corpus text from a text of one's own that only looks like one: a file is the
    corpus's when it lies in the corpus, or when its bytes are those of a corpus file (a copy of some of its folders,
    such as ``cp -r lawrefbook/社会法 /tmp/x/``).  A folder merely laid out like the corpus (a text of one's own with a
    metadata block in a folder named 社会法) is not: nothing shows where it came from.  The corpus is listed (names and
    sizes) when first asked, and only files of the same size are read."""

    def __init__(self, homes):
        self.homes = [h.resolve() for h in dict.fromkeys(Path(h) for h in homes) if h.is_dir()]
        self._by_size: dict[int, list[Path]] | None = None

    @classmethod
    def near(cls, root: Path) -> "CorpusFiles":
        import os

        here = Path(__file__).resolve().parents[3]          # kb's checkout (src/kb/library/corpus.py)
        homes = [Path(root).resolve().parent / "shared", here.parent / "shared"]
        if os.environ.get("KB_SHARED"):
            homes.insert(0, Path(os.environ["KB_SHARED"]))
        return cls(h / "corpus" / "lawrefbook" for h in homes)

    def find(self, path: Path) -> str | None:
        """``path``'s place in the corpus (relative to its root, as the corpus names it), or None when it is not a corpus
        file."""
        target = Path(path).resolve()
        for h in self.homes:
            if target.is_relative_to(h):
                return target.relative_to(h).as_posix()
        if self._by_size is None:
            self._by_size = {}
            for h in self.homes:
                for f in sorted(h.rglob("*.md")):
                    self._by_size.setdefault(f.stat().st_size, []).append(f)
        same = self._by_size.get(target.stat().st_size, [])
        if not same:
            return None
        data = target.read_bytes()
        for f in same:
            if f.read_bytes() == data:
                return next(f.relative_to(h).as_posix() for h in self.homes if f.is_relative_to(h))
        return None


def as_found(ct: CorpusText, files: CorpusFiles) -> CorpusText:
    """``ct`` as the corpus's own text, read from its place in the corpus (level, jurisdiction, the path the source
    names), when ``files`` holds it; else as a text of one's own (``corpus`` False: its source claims no corpus and
    nothing shows it to be in force), whatever folder it sits in."""
    rel = files.find(ct.path)
    ct.corpus = rel is not None
    if rel is not None and rel != ct.rel:
        ct.rel = rel
        ct.level, ct.jurisdiction = _place(rel, ct.title)
    return ct


def _draft_bracket(title: str) -> tuple[str, str | None]:
    """(title without it, the stage) when the title ends in a draft's bracket (某市居民委员会工作条例（草案）,
    ……（草案修改稿）, ……（修改稿）, ……（修改草案）), else (title, None): the parser's reading of a title line."""
    return split_status(title.strip())


def _own_title(path: Path) -> tuple[str | None, str | None]:
    """(title, status) the text itself states (its preamble; None when it states none), or (file name, None)
    when it does not parse."""
    from kb.errors import KbError
    from kb.text.parse import parse_file

    try:
        doc = parse_file(str(path))
    except (KbError, OSError, ValueError):
        return path.stem, None
    return doc.title or None, doc.status


def is_category(name: str) -> bool:
    """Whether a folder name is one of the corpus' categories (宪法相关法, DLC, 北京地方法规, 地方性法规 …)."""
    return name in NATIONAL_FOLDERS or name == "DLC" or name.endswith("地方法规") or name in LEVEL_RANK


def find_corpus_root(folder: Path) -> Path:
    """The corpus root above ``folder``: the parent of its outermost folder that names a category
    (宪法相关法, DLC, 北京地方法规, 地方性法规 …), so ``kb add …/lawrefbook/宪法相关法`` still knows
    the texts are national laws.  ``folder`` itself when none does."""
    folder = Path(folder).resolve()
    top = None
    for d in (folder, *folder.parents):
        if is_category(d.name):
            top = d
    return top.parent if top is not None else folder


def _head(path: Path) -> tuple[list[str], bool]:
    """The lines of the metadata block (up to INFO END), at most 60, and whether INFO END closed them."""
    out = []
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        for _ in range(60):
            line = f.readline()
            if line.strip() == INFO_END:
                return out, True
            if not line:
                break
            out.append(line.rstrip("\n"))
    return out, False


def _relative(path: Path, corpus_root: Path | None) -> str:
    if corpus_root is not None:
        try:
            return path.resolve().relative_to(Path(corpus_root).resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def _iso(line: str) -> str | None:
    m = _DATE.search(line or "")
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _place(rel: str, title: str) -> tuple[str | None, str | None]:
    """(level, jurisdiction) from the folders of the corpus path (and the title, for a city)."""
    parts = rel.split("/")[:-1]
    if parts and parts[0] in NATIONAL_FOLDERS:
        return NATIONAL_FOLDERS[parts[0]], "全国"
    level = next((p for p in parts if p in LEVEL_RANK), None)
    prov = next((p[:-4] for p in parts if p.endswith("地方法规")), None)
    if prov is None:
        return level, None
    province = prov + "市" if prov in _MUNICIPALITIES else _REGIONS.get(prov, prov + "省")
    z = _ZONE.match(title)
    if z:
        return level, province + z.group(1) + "市"
    m = _CITY.match(title)
    if prov not in _MUNICIPALITIES and m and not title.startswith(province) and not m.group(1).startswith(prov):
        return level, province + m.group(1)
    return level, province


def _issuing_body(history: list[str]) -> str | None:
    """The body that adopted the text: 北京市第十五届人民代表大会常务委员会… → 北京市人民代表大会常务委员会."""
    for h in history:
        m = _BODY.search(h)
        if m and ("通过" in h or "修订" in h):
            place = "全国" if m.group("nat") else m.group("place")
            return f"{place}人民代表大会" + ("常务委员会" if m.group("sc") else "")
    return None


def same_law(a: CorpusText, b: CorpusText) -> bool:
    return match_key(a.title) == match_key(b.title) and a.part == b.part
