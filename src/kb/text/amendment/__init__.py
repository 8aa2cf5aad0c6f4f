"""Amendment documents (修改决定, 修正案) read into numbered instructions and operations.

- ``read_amendment(path) -> Amendment`` / ``parse_amendment(source)`` / ``parse_amendment_text(text)``
- ``looks_like_amendment(source) -> bool``
- the records ``Amendment``, ``Instruction``, ``Op``, ``Target`` (records.py)

quotes.py splits an instruction into its own words and what it quotes, targets.py reads the places
named (第X条第Y款、序言第N自然段 …), clauses.py the clause grammar, reader.py the document.
"""
from kb.text.amendment.reader import looks_like_amendment, parse_amendment, parse_amendment_text, read_amendment
from kb.text.amendment.records import ACTIONS, Amendment, Instruction, Op, Target

__all__ = ["ACTIONS", "Amendment", "Instruction", "Op", "Target", "looks_like_amendment", "parse_amendment",
           "parse_amendment_text", "read_amendment"]
