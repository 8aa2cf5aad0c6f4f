"""Characters XML cannot hold, said instead of dropped.

A source text may contain control characters (U+0001, an escape), a lone surrogate
or U+FFFE / U+FFFF.  JSON writes them escaped and plain text keeps them; XML 1.0 has no way to write
them at all, not even as a character reference.  So the XML outputs — Akoma Ntoso, the Word
documents made from a text (kb diff --format docx, the site's downloads), and with them kb build —
refuse such a text with its file and line (exit 2) rather than lose a character silently (the
XLSX writer keeps them: SpreadsheetML's _xHHHH_ escape is lossless, kb.outputs.xlsx).
"""
from __future__ import annotations

import re

from kb.errors import KbError

#: what XML 1.0 cannot hold (tab, newline and carriage return it can), less what kb reads as a line
#: break (str.splitlines: vertical tab, form feed, U+001C–U+001E), which no provision's text keeps
NOT_XML = re.compile("[\x00-\x08\x0e-\x1b\x1f\ud800-\udfff\ufffe\uffff]")


def check_xml_text(text: str | None, source: str | None, what: str) -> None:
    """Raise KbError naming ``source`` and the line of the first character of ``text`` that XML
    cannot hold; ``what`` names the output (AKN, Word …)."""
    if not text:
        return
    m = NOT_XML.search(text)
    if m is None:
        return
    line = text.count("\n", 0, m.start()) + 1
    col = m.start() - text.rfind("\n", 0, m.start())
    raise KbError(f"第 {col} 个字符是 U+{ord(m.group()):04X}，XML 不允许这个字符，{what}写不进它（kb 不会悄悄丢掉原文"
                  f"中的字符）：删除或替换它后再试；JSON 导出（kb export）与纯文本原样保留它", source, line)


def check_doc(doc, what: str) -> None:
    """:func:`check_xml_text` of a Document's text (its file named)."""
    check_xml_text(getattr(doc, "text", None), getattr(doc, "source", None), what)
