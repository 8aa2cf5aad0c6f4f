"""The background layer: documents that belong to a version — its 起草说明, 立法依据, the notice that
published it — named in meta.yml under the version::

    documents:
      - title: 关于《……（草案征求意见稿）》的起草说明
        file: qicao-shuoming.txt        # in the regulation's folder
        kind: 起草说明

Each becomes a page of the site, listed on the version's home page; the paragraphs of a document
that cite an article of the version (第四条, 草案第五条 — not 《某法》第五条, which is another law's)
are linked from that article, so a reader of 第四条 finds what the drafters said about it.  A
document that is missing, unreadable or outside the regulation's folder stops the build with a
message naming meta.yml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.errors import KbError
from kb.text.numerals import parse_numeral

#: 第四条, 第十条之一 — in Chinese numerals or digits
ARTICLE = re.compile(r"第([零〇一二两三四五六七八九十百千0-9０-９]+)条(?:之([一二三四五六七八九十]+))?")
SLUG = re.compile(r"[A-Za-z0-9_-]+")


@dataclass
class Background:
    title: str
    kind: str
    file: str
    slug: str
    paragraphs: list = field(default_factory=list)   # [(anchor id, text, [article eids it cites])]

    def cites(self, eid: str) -> list[str]:
        """The anchors of the paragraphs that cite an article."""
        return [pid for pid, _, eids in self.paragraphs if eid in eids]


def load_background(reg, v, doc) -> list[Background]:
    """The documents meta.yml names for version ``v`` of ``reg``, read and linked to ``doc``."""
    from kb.text.sources import read_source

    meta = reg.folder / "meta.yml"
    entries = (v.raw or {}).get("documents") or []
    if not isinstance(entries, list):
        raise KbError(f"版本“{v.name}”的 documents 应为列表", str(meta))
    out: list[Background] = []
    folder = reg.folder.resolve()
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not e.get("title") or not e.get("file"):
            raise KbError(f"版本“{v.name}”的 documents 第 {i + 1} 项需要 title 和 file", str(meta))
        path = (reg.folder / str(e["file"])).resolve()
        if folder not in path.parents:
            raise KbError(f"背景材料“{e['file']}”不在法规目录 {reg.folder} 内", str(meta))
        if not path.is_file():
            raise KbError(f"找不到背景材料“{e['file']}”", str(meta))
        try:
            text = read_source(str(path)).text
        except OSError as err:
            raise KbError(f"无法读取背景材料“{e['file']}”：{err.strerror}", str(meta)) from None
        stem = path.stem
        slug = stem if SLUG.fullmatch(stem) else f"doc-{i + 1}"
        if any(b.slug == slug for b in out):
            slug = f"{slug}-{i + 1}"
        bg = Background(str(e["title"]), str(e.get("kind") or "背景材料"), str(e["file"]), slug)
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        for k, line in enumerate(lines):
            bg.paragraphs.append((f"p{k + 1}", line, _cited_articles(line, doc)))
        out.append(bg)
    return out


def article_spans(line: str, doc) -> list[tuple[int, int, str]]:
    """(start, end, eid) of each citation in ``line`` of an article of ``doc``; a citation right
    after a law's title in 《》 is that law's, not this text's."""
    out = []
    for m in ARTICLE.finditer(line):
        if line[max(0, m.start() - 1):m.start()] == "》":
            continue
        try:
            n = parse_numeral(m.group(1))
            number = f"{n}-{parse_numeral(m.group(2))}" if m.group(2) else n
        except ValueError:
            continue
        a = doc.article(number)
        if a is not None:
            out.append((m.start(), m.end(), a.eid))
    return out


def _cited_articles(line: str, doc) -> list[str]:
    """The articles of ``doc`` a line cites, in order, once each."""
    return list(dict.fromkeys(eid for _, _, eid in article_spans(line, doc)))


def mentions(docs: list[Background]) -> dict[str, list[tuple[Background, str]]]:
    """article eid -> [(document, anchor of its first paragraph that cites the article)]."""
    out: dict[str, list] = {}
    for bg in docs:
        for pid, _, eids in bg.paragraphs:
            for eid in eids:
                lst = out.setdefault(eid, [])
                if all(b is not bg for b, _ in lst):
                    lst.append((bg, pid))
    return out
