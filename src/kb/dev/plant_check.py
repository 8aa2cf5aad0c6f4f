"""Plant known faults into copies of clean corpus texts, one rule at a time, and see whether ``kb check``
finds each at its line (the recall side of ``kb score-check``).

For every text of ``tests/data/check/plant.yml`` and every rule, a planter changes a copy of the text
the way a drafter's slip would (a renumbered article, 前款 in a first paragraph, a half-width comma, a
definition never used …) and says on which line the fault now is.  The copy is checked with that rule
alone, and the plant counts as found when the rule reports more findings on that line than it did on
the clean text.  Places are drawn with a seeded random generator, so a run is repeatable.
"""
from __future__ import annotations

import random
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kb.dev import paths

PLANT_LIST = paths.DATA / "check" / "plant.yml"
NOVEL = "蓝莓种植园"          # a term no corpus text uses


@dataclass
class Plant:
    rule: str
    text: str           # the whole planted source
    line: int           # where the fault now is (1-based)
    what: str           # what was planted, for the report


class Source:
    """A clean text: its lines (with their ends), its parse, and helpers to change a copy."""

    def __init__(self, path: Path):
        from kb.text.parse import parse_file

        self.path = path
        self.doc = parse_file(str(path))
        self.text = self.doc.text
        self.lines = self.text.splitlines(keepends=True)
        self.eol = "\r\n" if "\r\n" in self.text else "\n"
        title = self.doc.title or ""
        self.self_word = next((w for s, w in (("条例", "本条例"), ("办法", "本办法"), ("规定", "本规定"), ("法", "本法"))
                               if title.endswith(s)), "本条例")
        self.articles = self.doc.articles

    def with_line(self, no: int, new: str) -> str:
        lines = list(self.lines)
        end = lines[no - 1][len(lines[no - 1].rstrip("\r\n")):]
        lines[no - 1] = new + end
        return "".join(lines)

    def with_inserted(self, after: int, content: str) -> tuple[str, int]:
        """Insert a paragraph (blank line + content) after line ``after``: (text, its line)."""
        lines = list(self.lines)
        if not lines[after - 1].endswith(("\n", "\r")):
            lines[after - 1] += self.eol
        lines[after:after] = [self.eol, content + self.eol]
        return "".join(lines), after + 2

    def line(self, no: int) -> str:
        return self.lines[no - 1].rstrip("\r\n")

    def paragraphs(self, min_len: int = 20) -> list:
        """Body paragraphs written on one line that end a sentence: safe places to change."""
        out = []
        for a in self.articles:
            for p in a.children:
                if p.kind == "paragraph" and len(p.text) >= min_len and "\n" not in p.text and p.text.endswith("。") \
                        and p.text in self.line(p.line):
                    out.append(p)
        return out

    def last_line_of(self, node) -> int:
        """The last non-blank line of a node's subtree."""
        last = max((n for n in node.walk()), key=lambda n: n.line)
        return last.line + last.text.count("\n")

    def liability_articles(self) -> list:
        chapters = [c for c in self.doc.chapters if c.title and re.search(r"责任|罚则", c.title)]
        return [a for a in self.articles if a.ancestor("chapter") in chapters]


def _append_clause(src: Source, p, clause: str) -> tuple[str, int]:
    """Add a clause before the final 。 of paragraph p."""
    line = src.line(p.line)
    i = line.rfind("。")
    return src.with_line(p.line, line[:i] + clause + line[i:]), p.line


def _with_clause(src: Source, rng: random.Random, rule: str, clause) -> Plant | None:
    """A clause added before the final 。 of a paragraph away from both ends: ``clause()`` gives the clause and what the
    report says of it, called after the paragraph is drawn (a planter's draws stay in their order)."""
    p = _middle(src.paragraphs(), rng)
    if p is None:
        return None
    words, what = clause()
    text, line = _append_clause(src, p, words)
    return Plant(rule, text, line, what)


def _middle(items: list, rng: random.Random):
    """An element away from both ends (first and last provisions are special)."""
    if not items:
        return None
    lo, hi = len(items) // 5, max(len(items) // 5, len(items) * 4 // 5 - 1)
    return items[rng.randint(lo, hi)]


# -- one planter per rule --------------------------------------------------------------------------

def p_num_article(src, rng):
    a = _middle(src.articles[1:-1], rng)
    if a is None or not isinstance(a.number, int):
        return None
    line = src.line(a.line)
    from kb.text.numerals import to_chinese
    new = line.replace(a.label, f"第{to_chinese(a.number + 2)}条", 1)
    return Plant("num-article", src.with_line(a.line, new), a.line, f"{a.label} → 第{to_chinese(a.number + 2)}条")


def p_num_heading(src, rng):
    chs = [c for c in src.doc.chapters if isinstance(c.number, int) and c.number > 1]
    c = rng.choice(chs) if chs else None
    if c is None:
        return None
    from kb.text.numerals import to_chinese
    line = src.line(c.line)
    new = line.replace(c.label, f"第{to_chinese(c.number + 1)}章", 1)
    return Plant("num-heading", src.with_line(c.line, new), c.line, f"{c.label} → 第{to_chinese(c.number + 1)}章")


def p_num_item(src, rng):
    from kb.text.numerals import to_chinese
    paras = [p for p in src.doc.nodes("paragraph") if sum(1 for c in p.children if c.kind == "item") >= 3
             and all(c.label.startswith("（") for c in p.children if c.kind == "item")]
    p = rng.choice(paras) if paras else None
    if p is None:
        return None
    it = [c for c in p.children if c.kind == "item"][1]
    line = src.line(it.line)
    new = line.replace(it.label, f"（{to_chinese(it.number + 1)}）", 1)
    return Plant("num-item", src.with_line(it.line, new), it.line, f"{it.label} → （{to_chinese(it.number + 1)}）")


def p_empty_article(src, rng):
    arts = [a for a in src.articles[1:-1] if len(a.children) == 1 and not a.children[0].children
            and a.children[0].line == a.line and a.label in src.line(a.line)]
    a = _middle(arts, rng)
    if a is None:
        return None
    return Plant("empty-article", src.with_line(a.line, a.label), a.line, f"{a.label}的内容删去")


def p_placeholder(src, rng):
    ps = [p for p in src.paragraphs() if "人民政府" in p.text]
    p = _middle(ps, rng)
    if p is None:
        return None
    line = src.line(p.line)
    return Plant("placeholder", src.with_line(p.line, line.replace("人民政府", "××人民政府", 1)), p.line,
                 "人民政府 → ××人民政府")


def p_final_chapter(src, rng):
    chs = src.doc.chapters
    if len(chs) < 3:
        return None
    c = rng.choice(chs[1:-1])
    line = src.line(c.line)
    if not c.title or c.title not in line:
        return None
    return Plant("final-chapter", src.with_line(c.line, line.replace(c.title, "附则", 1)), c.line,
                 f"{c.label}的标题改为附则")


def p_ref_missing(src, rng):
    from kb.text.numerals import to_chinese
    n = to_chinese(len(src.articles) + 50)
    return _with_clause(src, rng, "ref-missing", lambda: (f"，依照{src.self_word}第{n}条的规定执行", f"引用不存在的第{n}条"))


def p_ref_previous(src, rng):
    arts = [a for a in src.articles[1:] if a.children and a.children[0].kind == "paragraph"
            and a.children[0].text and a.children[0].text in src.line(a.children[0].line)]
    a = _middle(arts, rng)
    if a is None:
        return None
    p = a.children[0]
    line = src.line(p.line)
    i = line.find(p.text)
    return Plant("ref-previous", src.with_line(p.line, line[:i] + "依照前款规定，" + line[i:]), p.line,
                 f"{a.label}第一款开头加“依照前款规定”")


def p_ref_range(src, rng):
    p = _middle(src.paragraphs(), rng)
    if p is None or len(src.articles) < 6:
        return None
    from kb.text.numerals import to_chinese
    text, line = _append_clause(src, p, f"，{src.self_word}第{to_chinese(5)}条至第{to_chinese(3)}条另有规定的除外")
    return Plant("ref-range", text, line, "第五条至第三条")


def p_ref_self_name(src, rng):
    wrong = "本办法" if src.self_word != "本办法" else "本条例"
    ps = [p for p in src.paragraphs(10) if src.self_word in p.text and p.line > src.articles[0].line]
    p = _middle(ps, rng)
    if p is None:
        return None
    line = src.line(p.line)
    return Plant("ref-self-name", src.with_line(p.line, line.replace(src.self_word, wrong, 1)), p.line,
                 f"{src.self_word} → {wrong}")


def p_law_title(src, rng):
    return _with_clause(src, rng, "law-title", lambda: ("，并遵守《消防法》的有关规定", "《消防法》"))


def p_law_repealed(src, rng):
    def clause():
        law = rng.choice(["中华人民共和国合同法", "中华人民共和国物权法", "中华人民共和国侵权责任法", "中华人民共和国民法通则"])
        return f"，依照《{law}》的有关规定处理", f"《{law}》"
    return _with_clause(src, rng, "law-repealed", clause)


def p_law_brackets(src, rng):
    def clause():
        law = rng.choice(["民法典", "行政处罚法", "安全生产法"])
        return f"，依照{law}的有关规定处理", law
    return _with_clause(src, rng, "law-brackets", clause)


def _final_article(src):
    """Where a definition of the whole text goes: the 附则 chapter's first article, or the last but one."""
    for c in src.doc.chapters:
        if c.title and re.sub(r"\s+", "", c.title) == "附则":
            arts = [a for a in c.walk() if a.kind == "article"]
            if arts:
                return arts[0]
    return src.articles[-2] if len(src.articles) > 2 else None


def p_term_unused(src, rng):
    a = _final_article(src)
    if a is None:
        return None
    text, line = src.with_inserted(src.last_line_of(a), f"{src.self_word}所称{NOVEL}，是指种植蓝莓的园地。")
    return Plant("term-unused", text, line, f"定义未使用的术语“{NOVEL}”")


def p_term_before_definition(src, rng):
    chs = [c for c in src.doc.chapters if c.title and re.sub(r"\s+", "", c.title) not in ("总则", "附则")]
    if len(chs) < 2:
        return None
    late = [a for a in chs[-1].walk() if a.kind == "article"]
    early = [p for p in src.paragraphs() if p.ancestor("chapter") is chs[0]]
    if not late or not early:
        return None
    use = rng.choice(early)
    text1, line1 = _append_clause(src, use, f"，包括{NOVEL}")
    src2 = _Reparsed(text1, src)
    d = late[0]
    text2, _ = src2.with_inserted(src2.last_line_of(src2.doc.get(d.eid)), f"{src.self_word}所称{NOVEL}，是指种植蓝莓的园地。")
    return Plant("term-before-definition", text2, line1, f"“{NOVEL}”在{chs[0].label}使用，在{chs[-1].label}定义")


def p_term_duplicate(src, rng):
    arts = src.articles
    if len(arts) < 6:
        return None
    a, b = arts[1], _final_article(src) or arts[-2]
    text1, _ = src.with_inserted(src.last_line_of(a), f"{src.self_word}所称{NOVEL}，是指种植蓝莓的园地。")
    src2 = _Reparsed(text1, src)
    b2 = src2.doc.get(b.eid)
    text2, line2 = src2.with_inserted(src2.last_line_of(b2), f"{src.self_word}所称{NOVEL}，是指种植蓝莓的土地。")
    return Plant("term-duplicate", text2, line2, f"“{NOVEL}”定义两次")


def p_term_quoted(src, rng):
    return _with_clause(src, rng, "term-quoted", lambda: ("，鼓励“社区合伙人”参与", "“社区合伙人”"))


def p_term_variant(src, rng):
    """The full form in one paragraph, the short form in a later one, of a group the text does not use."""
    from kb.check.rules.terms import _shipped_groups

    ps = src.paragraphs()
    if len(ps) < 4:
        return None
    for group in _shipped_groups():
        if any(f in src.text for f in group):
            continue
        i = rng.randint(0, len(ps) // 2 - 1)
        j = rng.randint(len(ps) // 2, len(ps) - 1)
        first, second = ps[i], ps[j]
        text1, _ = _append_clause(src, first, f"，并告知{group[0]}")
        src2 = _Reparsed(text1, src)
        text2, line2 = _append_clause(src2, src2.doc.get(second.eid), f"，并告知{group[-1]}")
        return Plant("term-variant", text2, line2, f"{group[0]}（{first.citation}）与{group[-1]}（{second.citation}）")
    return None


def _new_paragraph(src, rng, sentence: str, rule: str, what: str):
    arts = [a for a in src.articles[1:-1] if a.ancestor("chapter") is None or
            not re.search(r"责任|罚则|附则", a.ancestor("chapter").title or "")]
    a = _middle(arts, rng)
    if a is None:
        return None
    text, line = src.with_inserted(src.last_line_of(a), sentence)
    return Plant(rule, text, line, what)


def p_duty_no_actor(src, rng):
    return _new_paragraph(src, rng, f"{NOVEL}的建设经费应当得到保障。", "duty-no-actor", "……经费应当得到保障")


def p_duty_unknown_actor(src, rng):
    return _new_paragraph(src, rng, "网格协调员应当及时报告发现的问题。", "duty-unknown-actor", "网格协调员")


def p_duty_modal_word(src, rng):
    ps = [p for p in src.paragraphs() if "应当" in p.text]
    p = _middle(ps, rng)
    if p is None or len(ps) < 2:
        return None
    line = src.line(p.line)
    return Plant("duty-modal-word", src.with_line(p.line, line.replace("应当", "必须", 1)), p.line, "应当 → 必须")


def p_duty_deadline_start(src, rng):
    return _new_paragraph(src, rng, "有关部门应当在十五日内作出处理决定。", "duty-deadline-start", "十五日内（无起算点）")


def p_duty_no_liability(src, rng):
    if not src.liability_articles():
        return None
    return _new_paragraph(src, rng, f"任何单位和个人不得擅自拆除{NOVEL}的围栏。", "duty-no-liability",
                          f"不得擅自拆除{NOVEL}的围栏")


def p_liability_no_duty(src, rng):
    liab = src.liability_articles()
    a = rng.choice(liab) if liab else None
    if a is None:
        return None
    text, line = src.with_inserted(src.last_line_of(a), f"违反{src.self_word}第一条规定的，由有关部门责令改正。")
    return Plant("liability-no-duty", text, line, "违反第一条（立法目的）")


def _replace_first_comma(src, rng, rule: str, by: str):
    """The first ， of a paragraph in the middle of the text written as `by`."""
    p = _middle([p for p in src.paragraphs() if "，" in p.text], rng)
    if p is None:
        return None
    return Plant(rule, src.with_line(p.line, src.line(p.line).replace("，", by, 1)), p.line, f"， → {by}")


def p_form_halfwidth(src, rng):
    return _replace_first_comma(src, rng, "form-halfwidth", ",")


def p_form_brackets(src, rng):
    ps = [p for p in src.paragraphs() if "）" in p.text or "》" in p.text]
    p = _middle(ps, rng)
    if p is None:
        return None
    line = src.line(p.line)
    c = "）" if "）" in p.text else "》"
    return Plant("form-brackets", src.with_line(p.line, line.replace(c, "", 1)), p.line, f"删去一个“{c}”")


def p_form_double_punct(src, rng):
    return _replace_first_comma(src, rng, "form-double-punct", "，，")


def p_form_trailing_space(src, rng):
    p = _middle(src.paragraphs(), rng)
    if p is None:
        return None
    return Plant("form-trailing-space", src.with_line(p.line, src.line(p.line) + "  "), p.line, "行尾加两个空格")


def p_form_heading(src, rng):
    arts = [a for a in src.articles[1:-1] if src.line(a.line).startswith(a.label + " ")]
    a = _middle(arts, rng)
    if a is None:
        return None
    line = src.line(a.line)
    return Plant("form-heading", src.with_line(a.line, a.label + "　" + line[len(a.label) + 1:]), a.line,
                 "条号后的半角空格 → 全角空格")


class _Reparsed(Source):
    """A planted text parsed again, to plant a second change at a place found in the first."""

    def __init__(self, text: str, like: Source):
        from kb.text.parse import parse_text

        self.path = like.path
        self.doc = parse_text(text, str(like.path), fmt=like.doc.format)
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.eol = like.eol
        self.self_word = like.self_word
        self.articles = self.doc.articles


PLANTERS = {
    "num-article": p_num_article, "num-heading": p_num_heading, "num-item": p_num_item,
    "empty-article": p_empty_article, "placeholder": p_placeholder, "final-chapter": p_final_chapter,
    "ref-missing": p_ref_missing, "ref-previous": p_ref_previous, "ref-range": p_ref_range,
    "ref-self-name": p_ref_self_name, "law-title": p_law_title, "law-repealed": p_law_repealed,
    "law-brackets": p_law_brackets, "term-unused": p_term_unused, "term-before-definition": p_term_before_definition,
    "term-duplicate": p_term_duplicate, "term-quoted": p_term_quoted, "term-variant": p_term_variant,
    "duty-no-actor": p_duty_no_actor, "duty-unknown-actor": p_duty_unknown_actor, "duty-modal-word": p_duty_modal_word,
    "duty-deadline-start": p_duty_deadline_start, "duty-no-liability": p_duty_no_liability,
    "liability-no-duty": p_liability_no_duty, "form-halfwidth": p_form_halfwidth, "form-brackets": p_form_brackets,
    "form-double-punct": p_form_double_punct, "form-trailing-space": p_form_trailing_space,
    "form-heading": p_form_heading,
}


@dataclass
class Outcome:
    rule: str
    text: str            # corpus path
    what: str
    line: int
    found: bool
    extra: int           # other new findings of the rule in the planted copy (not at the planted line)


def plant_list() -> tuple[list[str], int]:
    import yaml

    data = yaml.safe_load(PLANT_LIST.read_text(encoding="utf-8"))
    return list(data["texts"]), int(data.get("plants_per_text", 1))


def run(corpus: Path | None = None, rules: list[str] | None = None, progress=None,
        texts: list[str] | None = None) -> list[Outcome]:
    """Plant every rule's faults into every text of the list (plant.yml's, or ``texts``); one Outcome per plant."""
    from collections import Counter

    from kb.check.engine import check
    from kb.text.parse import parse_file

    corpus = corpus or paths.corpus_dir()
    listed, per_text = plant_list()
    texts = texts or listed
    out: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="kb-plant-") as tmp:
        for rel in texts:
            src = Source(corpus / rel)
            if progress:
                progress(rel)
            for rule, planter in PLANTERS.items():
                if rules and rule not in rules:
                    continue
                before = Counter(f.line for f in check(src.doc, only=[rule]).findings)
                seen = set()
                for k in range(per_text):
                    rng = random.Random(f"{rel}|{rule}|{k}")
                    plant = planter(src, rng)
                    if plant is None or (plant.line, plant.what) in seen:
                        continue
                    seen.add((plant.line, plant.what))
                    copy = Path(tmp) / f"{len(out)}{src.path.suffix}"
                    copy.write_text(plant.text, encoding="utf-8")
                    after = check(parse_file(str(copy)), only=[rule]).findings
                    at_line = sum(1 for f in after if f.line == plant.line)
                    base = 0 if plant.line > len(src.lines) or src.line(plant.line) != plant.text.splitlines()[plant.line - 1] \
                        else before.get(plant.line, 0)
                    extra = max(0, len(after) - at_line - sum(c for ln, c in before.items() if ln != plant.line))
                    out.append(Outcome(rule, rel, plant.what, plant.line, at_line > base, extra))
    return out
