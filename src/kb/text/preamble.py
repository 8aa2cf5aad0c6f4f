"""The preamble: the lines before a text's body.  Where the body begins (after the title block
and any table of contents that lists the headings again) and what the preamble says of the text:
its title, its status (草案, 试行 …) and its notes, and the body that made the text, as its
notes name it (:func:`issuing_body`).

Read from the classified lines (kb.text.grammar) before any node is built, so that the builder
(kb.text.parse) knows where the body starts and what to record on the Document.
"""
from __future__ import annotations

import re

from kb.text.grammar import HEADINGS, WS, Line
from kb.text.sources import INFO_END

_MD_TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*$")
#: the words of a draft's status (草案, 草案征求意见稿, 修改稿, 送审稿 …): a text whose status holds one
#: is a draft, not law in force.  The one list: the parser, ``kb add DIR`` (kb.library.corpus), the
#: AKN output (bill or act) and the site (its banner and tag) all read it, so that they agree
DRAFT_WORDS = ("草案", "征求意见", "送审稿", "审议稿", "修改稿", "修订稿", "建议稿", "讨论稿")
_STATUS_WORDS = DRAFT_WORDS + ("试行",)
#: a title line that ends in the draft's status, the usual form of a draft (××条例（草案）,
#: ××条例（草案征求意见稿）): the title, then the status.  试行 is not among them: ××办法（试行） is the
#: title of an adopted text
_TITLE_DRAFT = re.compile(r"(?P<title>.*?\S)\s*[（(](?P<status>[^（）()]*(?:"
                          + "|".join(DRAFT_WORDS) + r")[^（）()]*)[）)]")


def is_draft_status(status: str | None) -> bool:
    """Whether a status (草案修改稿, 征求意见稿 …) is a draft's: it holds one of :data:`DRAFT_WORDS`."""
    return bool(status) and any(w in status for w in DRAFT_WORDS)


def split_status(title: str) -> tuple[str, str | None]:
    """(title, status) of a title that ends in a draft's bracket — 某条例（草案修改稿） is (某条例, 草案修改稿),
    某条例（修改草案） is (某条例, 修改草案) — else (title, None)."""
    m = _TITLE_DRAFT.fullmatch(title)
    return (m.group("title"), m.group("status").strip()) if m else (title, None)


def body_start(lines: list[Line]) -> int:
    """Index of the first line of the body: the preamble (title, status, notes, a table of
    contents that lists chapters) comes before it."""
    first_art = next(i for i, l in enumerate(lines) if l.kind == "article")
    info_end = next((i + 1 for i, l in enumerate(lines[:first_art]) if l.content.strip() == INFO_END), 0)
    heads = [i for i in range(info_end, first_art) if lines[i].kind in HEADINGS + ("prologue",)]
    seen: dict[str, int] = {}
    toc_end = None
    for i in heads:
        key = lines[i].m.group("label") if lines[i].m else lines[i].kind
        key = re.sub(rf"{WS}", "", key)
        if key in seen:
            toc_end = i   # the same heading again: what came before was a table of contents
            break
        seen[key] = i
    if toc_end is not None:
        return toc_end
    # a run of three or more chapter (or part) headings with nothing but blank lines between
    # them is a table of contents, even when the body then omits the headings
    run: list[int] = []
    for i in heads:
        if run and lines[i].kind == lines[run[-1]].kind and \
                all(l.kind == "blank" for l in lines[run[-1] + 1:i]):
            run.append(i)
        elif len(run) >= 3:
            break
        else:
            run = [i]
    if len(run) >= 3 and lines[run[0]].kind in ("part", "chapter"):
        nxt = run[-1] + 1
        while nxt < first_art and lines[nxt].kind == "blank":
            nxt += 1
        return nxt
    if heads:
        return heads[0]
    return first_art


def read_preamble(lines: list[Line], fmt: str) -> tuple[str | None, str | None, list[str]]:
    """(title, status, notes) of a text from its preamble lines; ``fmt`` is the source's format
    (in Markdown, loose lines outside the metadata block are not notes)."""
    title: str | None = None
    status: str | None = None
    notes: list[str] = []
    in_info = any(l.content.strip() == INFO_END for l in lines)
    for l in lines:
        s = l.stripped
        if not s or l.kind == "toc" or l.kind in HEADINGS:
            continue
        if s == INFO_END:
            in_info = False
            continue
        md = _MD_TITLE.match(s)
        if md:
            if title is None:
                title, status = _title_and_status(md.group("title"), status)
            continue
        if re.fullmatch(r"附件\s*[0-9０-９一二三四五六七八九十]*[:：]?", s):
            continue
        if s[0] in "（(" and s[-1] in "）)":
            inner = s[1:-1].strip()
            if status is None and any(w in inner for w in _STATUS_WORDS):
                status = inner
            else:
                notes.append(inner)
            continue
        if title is None:
            title, status = _title_and_status(s, status)
        elif in_info or fmt != "markdown":
            notes.append(s)
    return title, status, notes


def _title_and_status(line: str, status: str | None) -> tuple[str, str | None]:
    """(title, status) of a title line: ××条例（草案） is the title ××条例 with the status 草案
    (unless a status was read already); any other line is the title as it is."""
    if status is not None:
        return line, status
    return split_status(line)


#: the enacting body in a note (2017年9月22日北京市第十四届人民代表大会常务委员会第四十次会议通过):
#: a place, perhaps a term of office, then the body
_BODY = re.compile(r"(?P<place>[\u4e00-\u9fa5]{0,12}?)(?:第[零〇一二三四五六七八九十百]+届)?"
                   r"(?P<body>全国人民代表大会常务委员会|全国人民代表大会|人民代表大会常务委员会|人民代表大会|国务院"
                   r"|人民政府)")
_NOTE_DATE = re.compile(r"^\s*\d{4}年\d{1,2}月\d{1,2}日\s*")


def issuing_body(notes: list[str]) -> str | None:
    """The body that made a text (制定机关), as its notes name it: the one whose session or
    announcement adopted it (通过, 公布, 批准, 发布) -- the first such note, so a later amending
    body does not replace it; None when no note names one."""
    for note in notes or ():
        if not re.search(r"通过|公布|批准|发布", note):
            continue
        m = _BODY.search(_NOTE_DATE.sub("", note))
        if m:
            place = m.group("place").removeprefix("中华人民共和国")
            return place + m.group("body") if m.group("body") not in ("全国人民代表大会常务委员会",
                                                                       "全国人民代表大会", "国务院") else m.group("body")
    return None
