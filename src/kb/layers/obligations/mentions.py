"""One actor element: the unit a list of actors is made of.

A known name with what qualifies it (本市……, 物业所在地……), levels before a government or a
department (县级以上人民政府), a government followed by its own department (市人民政府民政部门,
with the government's level kept as the department's), a list of department stems, or a
discovered name.
"""
from __future__ import annotations

import re

from kb.layers.actors import SUFFIXES
from kb.layers.obligations.names import SEP, STOP_IN_NAME, NameScanner
from kb.layers.obligations.records import Mention


class MentionScanner(NameScanner):
    """Adds the element (one or more mentions read as one unit) to the name lookups."""

    def element(self, text: str, i: int, discover: bool) -> tuple[list[Mention], int] | None:
        """The mentions of the element at i and its end (discover: also names the lexicon lacks)."""
        reg = self.reg
        # 1. a known name (longest match); 本市各级人民政府: 本市 qualifies what follows
        if text.startswith("本市", i):
            nxt = self.element(text, i + 2, discover)
            if nxt is not None:
                return nxt
        # 物业所在地县级人民政府……, 户籍所在地的……: a place qualifies the body that follows
        m = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:所在地|住所地|户籍地|居住地)的?").match(text, i)
        if m and not STOP_IN_NAME.search(text[i:m.start() + len(m.group(0)) - 3]):
            nxt = self.element(text, m.end(), discover)
            if nxt is not None and self.reg.kind_of(nxt[0][0].name) in ("government", "department"):
                return nxt
        s = self.lexicon(text, i)
        levels, j = self.level_list(text, i)
        if s and (not levels or len(s) >= j - i + 2 or not self._after_level(text, j)):
            e = i + len(s)
            if s.endswith("人民政府"):
                m = re.compile(r"的?(?:有关|相关)部门").match(text, e)
                if m:
                    return [Mention("有关部门", text[i:m.end()], i, m.end())], m.end()
            if reg.kind_of(reg.canonical(s)) == "government" and not s.endswith(("办事处", "机关", "法院", "检察院")):
                # 市人民政府房地产行政主管部门, 国务院城乡规划主管部门: the government's department
                sub = self._gov_department(text, e, discover)
                if sub:
                    lv = s[:-4] if s.endswith("人民政府") and len(s) > 4 else s
                    for x in sub[0]:
                        x.levels = [lv]
                        x.start = i
                    return sub
            m = re.compile(r"(?:所在|所属|下属)?[\u4e00-\u9fff]{0,4}?(?:%s)" % "|".join(SUFFIXES)).match(text, e)
            if m and discover and re.compile(r"所在|所属|下属").match(text, e) and not SEP.search(m.group(0)):
                name = text[i:m.end()]
                c = reg.canonical(name)
                return [Mention(c, name, i, m.end(), known=reg.is_known(c))], m.end()
            # 市辖区的人民政府有关部门 style: gov + 有关部门 -> 有关部门
            return [Mention(reg.canonical(s), s, i, e)], e
        # 2. levels + government / department / known actor
        if levels:
            r = self._after_level(text, j)
            if r:
                kind, names, e = r
                if kind == "gov":
                    head = names[0]
                    out = [Mention(reg.canonical(f"{lv}{head}") if head == "人民政府" else f"{lv}{head}",
                                   text[i:e], i, e, [lv]) for lv in levels]
                    m = re.compile(r"的?(?:有关|相关)?部门").match(text, e)
                    if m and head == "人民政府":
                        return [Mention("有关部门", text[i:m.end()], i, m.end(), levels)], m.end()
                    if head == "人民政府":      # 县级以上人民政府侨务部门: the government's department
                        k = e + (1 if text.startswith("的", e) else 0)
                        sub = None
                        if not SEP.match(text, k) and not text.startswith(("及", "和", "或"), k):
                            sub = self.element(text, k, discover=False) or self._dept_discover(text, k)
                        if sub and all(reg.kind_of(x.name) == "department" for x in sub[0]):
                            for x in sub[0]:
                                x.levels = list(levels)
                                x.start = i
                            return sub
                    return out, e
                return [Mention(reg.canonical(n), n, i, e, list(levels)) for n in names], e
        # 3. department stems list
        d = self.dept_list(text, i)
        if d:
            names, e = d
            return [Mention(reg.canonical(n), n, i, e) for n in names], e
        # 4. discovery
        if discover:
            r = self.discover(text, i)
            if r:
                name, e = r
                c = reg.canonical(name)
                return [Mention(c, text[i:e], i, e, known=reg.is_known(c))], e
        return None

    def _gov_department(self, text: str, e: int, discover: bool):
        """A department named right after its government (no separator in between)."""
        k = e + (1 if text.startswith("的", e) else 0)
        if SEP.match(text, k) or text.startswith(("及", "和", "或", "等"), k):
            return None
        sub = self.element(text, k, discover=False) or self._dept_discover(text, k)
        if sub and all(self.reg.kind_of(x.name) == "department" for x in sub[0]):
            return sub
        return None

    def _after_level(self, text: str, j: int):
        for head in ("人民代表大会常务委员会", "人民代表大会", "人民政府"):
            if text.startswith(head, j):
                return "gov", [head], j + len(head)
        if text.startswith("政府", j) and not text.startswith("政府其他", j):
            return "gov", ["人民政府"], j + 2
        s = self.lexicon(text, j)
        if s and len(s) >= 2:
            return "known", [s], j + len(s)
        d = self.dept_list(text, j)
        if d:
            return "known", d[0], d[1]
        d = self._dept_discover(text, j)      # 市、县级城乡基层网格化服务管理工作主管部门
        if d:
            return "known", [x.name for x in d[0]], d[1]
        return None
