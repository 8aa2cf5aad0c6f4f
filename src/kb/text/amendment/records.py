"""The plain-data records of an amendment document: where a change applies (:class:`Target`),
what it does (:class:`Op`), the numbered instruction that states it (:class:`Instruction`) and
the whole decision or 修正案 (:class:`Amendment`).

Targets are always written in the numbering of the text *before* the amendment, as the drafting
conventions do (新增条文的“作为第X条” gives the number it will have afterwards).  Everything here
is plain data: the applying stage (kb.amend) reads it, the CLI and the site show it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kb.text.model import Issue
from kb.text.numerals import article_label, to_chinese

#: what an operation does -> its Chinese name, for lists of changes
ACTIONS = {
    "replace": "修改",              # restate the target (article, paragraph, item, chapter …)
    "replace_text": "修改",         # “A”“B”修改为“C”“D”: old wording quoted, then the new
    "replace_words": "修改字句",     # 将……中的“A”修改为“B”
    "delete_words": "删去字句",      # 删去……中的“A”
    "insert_words": "增加字句",      # 在……中的“A”后增加“B”；末尾增加；后增写一句
    "delete": "删去",               # 删去第X条 / 第X款 / 第X项 / 第X章（连同其条文）
    "delete_heading": "删去章节名",  # 删去第X章的章名（条文留下）
    "insert": "增加",               # 在第X条后增加一条 / 增加一章 …
    "add_paragraph": "增加款",       # 在第X条中增加一款，作为第N款
    "add_item": "增加项",            # 在第X条第Y款中增加一项，作为第N项
    "move": "移动",                 # 将第X条移至第Y条后
    "rename": "修改名称",            # 将第X章的章名修改为 / 将标题修改为
    "renumber": "调整序号",          # 原第二款作为第三款；第七节相应改为第八节
    "result": "核对",               # 这一自然段相应修改为：“……”
}

#: the kinds a target can name, outermost first
LEVELS = ("part", "subpart", "chapter", "section", "article", "paragraph", "item", "subitem")
_LEVEL_NAMES = {"part": "编", "subpart": "分编", "chapter": "章", "section": "节", "paragraph": "款",
                "item": "项", "subitem": "目"}


@dataclass
class Target:
    """A place in the amended text, in its numbering before the amendment."""
    law: str | None = None              # 刑法, 宪法, 《……》 as written; None: the law being amended
    part: int | None = None
    subpart: int | None = None
    chapter: int | None = None
    section: int | None = None
    article: int | str | None = None    # 15, or "10-1" for 第十条之一
    paragraph: int | None = None        # 款 (in the prologue: 自然段)
    item: int | None = None
    subitem: int | None = None
    prologue: bool = False              # 序言
    title: bool = False                 # the law's title (名称)
    name: bool = False                  # the name of a 编/章/节 (章名), not its content
    locator: str | None = None          # quoted words that single out a paragraph (宪法第六十二条“……”中)

    @property
    def level(self) -> str:
        """The innermost kind named: article, paragraph, item, chapter, prologue, title …"""
        if self.title:
            return "title"
        if self.prologue:
            return "prologue_paragraph" if self.paragraph else "prologue"
        for lv in reversed(LEVELS):
            if getattr(self, lv) is not None:
                return lv
        return "document"

    @property
    def heading_path(self) -> tuple:
        return (self.part, self.subpart, self.chapter, self.section)

    def citation(self) -> str:
        """第十五条第二款, 第三章第一节, 序言第七自然段, 标题 …"""
        if self.title:
            return "标题"
        if self.prologue:
            return "序言" + (f"第{to_chinese(self.paragraph)}自然段" if self.paragraph else "")
        out = ""
        for lv in ("part", "subpart", "chapter", "section"):
            v = getattr(self, lv)
            if v is not None and self.article is None:
                out += f"第{to_chinese(v)}{_LEVEL_NAMES[lv]}"
        if self.article is not None:
            out += article_label(self.article)
        for lv in ("paragraph", "item", "subitem"):
            v = getattr(self, lv)
            if v is not None:
                out += f"第{to_chinese(v)}{_LEVEL_NAMES[lv]}"
        if self.name:
            out += {"section": "节名", "chapter": "章名", "part": "编名", "subpart": "分编名"}.get(
                self.level, "名称")
        return out or "全文"

    def article_only(self) -> "Target":
        return Target(law=self.law, article=self.article)

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if v not in (None, False)}
        d["level"] = self.level
        d["citation"] = self.citation()
        return d


@dataclass
class Op:
    """One change.  ``targets`` holds one place, or several for 第一款、第二款 / 第三条、第十条."""
    action: str
    targets: list[Target]
    line: int
    text: str | None = None            # the new wording; paragraphs joined by "\n"
    old: str | None = None             # the wording to find (“A” of “A”修改为“B”), paragraphs joined by "\n"
    position: str | None = None        # after | before | in | end | start (inserts, moves, words)
    anchor: Target | None = None       # the place an insertion or move is relative to
    numbers: list = field(default_factory=list)   # 作为第N条 / 第N款 …: the numbers given (ints or "10-1")
    unit: str | None = None            # what is added or renumbered: 条 款 项 章 节
    title: str | None = None           # the name of an added 章/节
    informational: bool = False        # restated by a later op of the same instruction (增加一款……，将该条修改为)
    count: int = 1                     # how many are added (增加五条)
    article_numbers: list = field(default_factory=list)   # 增加一节……；增加五条，分别作为……: the articles' numbers

    @property
    def target(self) -> Target:
        """The (first) place changed; for an insertion with no anchor, the whole text."""
        return self.targets[0] if self.targets else (self.anchor or Target())

    def describe(self) -> str:
        """A short Chinese description: 第十五条第二款 修改字句."""
        where = "、".join(t.citation() for t in self.targets)
        if self.action == "insert" and self.anchor is not None:
            where = self.anchor.citation() + {"after": "后", "before": "前", "in": "中"}.get(self.position or "", "")
        return f"{where} {ACTIONS.get(self.action, self.action)}".strip()

    def to_dict(self) -> dict:
        d = {"action": self.action, "action_zh": ACTIONS.get(self.action, self.action),
             "targets": [t.to_dict() for t in self.targets], "line": self.line}
        for k in ("text", "old", "position", "unit", "title"):
            v = getattr(self, k)
            if v is not None:
                d[k] = v
        if self.anchor is not None:
            d["anchor"] = self.anchor.to_dict()
        if self.numbers:
            d["numbers"] = list(self.numbers)
        if self.article_numbers:
            d["article_numbers"] = list(self.article_numbers)
        if self.count != 1:
            d["count"] = self.count
        if self.informational:
            d["informational"] = True
        return d


@dataclass
class Instruction:
    """One numbered instruction (一、…… / 第三十二条 ……), or the unnumbered one of a short 修正案."""
    number: int | None
    label: str                          # 一、 / 第三十二条 / ""
    line: int
    start: int                          # its slice of the source text
    end: int
    text: str                           # as written, without the label
    ops: list[Op] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)   # parts that could not be read

    def to_dict(self) -> dict:
        return {"number": self.number, "label": self.label, "line": self.line, "text": self.text,
                "ops": [o.to_dict() for o in self.ops], "problems": list(self.problems)}


@dataclass
class Amendment:
    """A 修改决定 or 修正案, read into instructions.  ``segments`` own the source text in order
    (preamble, intro, instructions, closing …), so joining them rebuilds it exactly."""
    source: str
    text: str
    title: str | None
    kind: str                           # decision | amendment
    law: str | None                     # the law amended, as named (中华人民共和国刑法)
    instructions: list[Instruction]
    segments: list[tuple[str, int, int]]   # (kind, start, end)
    date: str | None = None             # adopted (YYYY-MM-DD), from the preamble
    effective: str | None = None        # 施行日期 as written (2024年3月1日 / 公布之日)
    renumber: bool = False              # 对条文顺序作相应调整 (or the numbers are adjusted explicitly)
    republish: bool = False             # 根据本决定作相应修改……重新公布
    closing: list[str] = field(default_factory=list)
    encoding: str = "utf-8"
    bom: bool = False
    format: str = "text"
    warnings: list[Issue] = field(default_factory=list)

    @property
    def kind_zh(self) -> str:
        return "修正案" if self.kind == "amendment" else "修改决定"

    @property
    def ops(self) -> list[Op]:
        return [o for i in self.instructions for o in i.ops]

    def rebuild(self) -> str:
        return "".join(self.text[s:e] for _, s, e in self.segments)

    def to_dict(self) -> dict:
        return {"source": self.source, "title": self.title, "kind": self.kind, "kind_zh": self.kind_zh,
                "law": self.law, "date": self.date, "effective": self.effective, "renumber": self.renumber,
                "republish": self.republish, "closing": list(self.closing),
                "instructions": [i.to_dict() for i in self.instructions],
                "warnings": [{"file": w.file, "line": w.line, "message": w.message} for w in self.warnings]}
