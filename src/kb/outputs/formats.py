"""Output for people (aligned tables, CJK-aware) and programs (JSON, CSV with BOM)."""
from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
import unicodedata

from kb.errors import KbError
from kb.files import write_atomic

FORMATS = ("table", "json", "csv")


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in s)


def clip(s: str, w: int) -> str:
    """Cut s to display width w, with … when cut."""
    s = s.replace("\n", " ")
    if width(s) <= w:
        return s
    out, used = [], 0
    for c in s:
        cw = width(c)
        if used + cw > w - 1:
            break
        out.append(c)
        used += cw
    return "".join(out) + "…"


def pad(s: str, w: int) -> str:
    return s + " " * max(0, w - width(s))


def terminal_width(default: int = 100) -> int:
    """The terminal's width in columns (default when not a terminal)."""
    import shutil
    return shutil.get_terminal_size((default, 24)).columns


def table(headers: list[str], rows: list[list], max_width: int | None = None,
          wrap_last: bool = False, keep: tuple[int, ...] = (), wrap: int | tuple[int, ...] | None = None,
          least: dict[int, int] | None = None) -> str:
    """A plain aligned table that fits max_width (default: the terminal's width).  Columns are
    clipped, the widest first, except those in ``keep`` (an actor's name is never cut); the columns
    ``wrap`` (or the last one with ``wrap_last``) go on over continuation lines instead of being cut.
    The first of them (the main text) keeps about twice the width of any other that must shrink.
    ``least``: column -> the width it does not shrink below (6 for the others)."""
    if max_width is None:
        max_width = terminal_width()
    if wrap_last and wrap is None:
        wrap = len(headers) - 1
    wraps = () if wrap is None else (wrap,) if isinstance(wrap, int) else tuple(wrap)
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in r] for r in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    gap = 2
    total = sum(widths) + gap * (len(widths) - 1)
    if total > max_width and widths:
        least = dict(least or {})
        over = _shrink(widths, total - max_width, keep, wraps, least)
        spare = {k: widths[k] - 6 for k in least if k not in keep and widths[k] > 6}
        if over > 0 and spare:
            # the minimums do not fit the terminal: lower them, each by its share of what is over (never below
            # 6), rather than print past the edge
            whole = sum(spare.values())
            for k, v in spare.items():
                least[k] = max(6, widths[k] - math.ceil(over * v / whole))
            _shrink(widths, over, keep, wraps, least)
    lines = ["  ".join(pad(clip(h, widths[i]), widths[i]) for i, h in enumerate(headers)).rstrip(),
             "  ".join("─" * w for w in widths)]
    for r in cells:
        pieces = [split_width(v, widths[i]) if i in wraps else [v if i in keep else clip(v, widths[i])]
                  for i, v in enumerate(r)]
        for n in range(max(len(p) for p in pieces)):
            lines.append("  ".join(pad(p[n] if n < len(p) else "", widths[i]) for i, p in enumerate(pieces)).rstrip())
    return "\n".join(lines)


def _shrink(widths: list[int], over: int, keep, wraps, least: dict) -> int:
    """Take ``over`` columns from ``widths``: the widest first, the main wrapped column (``wraps[0]``, it goes on
    over lines) counted at half its width, none of ``keep``, none below its ``least`` (6 by default).  What
    could not be taken is returned."""
    while over > 0:
        free = [k for k in range(len(widths)) if k not in keep and widths[k] > least.get(k, 6)]
        if not free:
            break
        i = max(free, key=lambda k: widths[k] if wraps and k == wraps[0] else 2 * widths[k])
        widths[i] -= 1
        over -= 1
    return over


#: Chinese line breaking: punctuation a line does not start with (it closes what comes before it) …
NO_LINE_START = frozenset("，。、；：？！）」』”’》〉】〕］｝…—,.;:?!)]}")
#: … and punctuation a line does not end with (it opens what comes after it)
NO_LINE_END = frozenset("（「『“‘《〈【〔［｛([{")


def split_width(s: str, w: int) -> list[str]:
    """s in pieces of display width at most w (at least one piece), broken by the Chinese rules: no
    piece starts with closing punctuation (、，）…) nor ends with opening punctuation (（《“…); the
    break moves back a character or two for that, unless the piece would be left empty."""
    out, start, used = [], 0, 0
    for i, c in enumerate(s):
        cw = width(c)
        if used + cw > w and i > start:
            cut = i
            while cut > start + 1 and (s[cut] in NO_LINE_START or s[cut - 1] in NO_LINE_END):
                cut -= 1
            if s[cut] in NO_LINE_START or s[cut - 1] in NO_LINE_END:
                cut = i                          # nowhere better in this piece: break where it is full
            out.append(s[start:cut])
            start, used = cut, width(s[cut:i])
            if used + cw > w:                    # what moved down leaves no room for c: break where it is full
                out.append(s[start:i])
                start, used = i, 0
        used += cw
    out.append(s[start:])
    return out


#: characters JSON may hold as they are but a terminal would act on (DEL, C1 controls)
_C1 = re.compile("[\x7f-\x9f]")


def to_json(data) -> str:
    """JSON for programs, Chinese as written; DEL and the C1 controls (json leaves them as they
    are, a terminal would obey them) escaped like the other controls, losing nothing."""
    return "".join(json_pieces(data))


def json_pieces(data, size: int = 8192):
    """The JSON of ``data`` (as :func:`to_json`) in pieces of ``size`` tokens.  json.dumps with an
    indent makes a list of every token before joining them (for a large document, ten times the
    memory of the text); here the tokens are joined a batch at a time, as they come.  Data that
    orjson writes exactly as json does, and not large, is written by orjson in one piece."""
    from itertools import islice

    whole = _orjson(data)
    if whole is not None:
        yield whole
        return
    tokens = json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data)
    while batch := list(islice(tokens, size)):
        yield _C1.sub(_escape, "".join(batch))


def _escape(m: re.Match) -> str:
    return f"\\u{ord(m.group()):04x}"


#: data whose strings hold more characters than this is written in pieces (the json path's memory)
ORJSON_MAX_CHARS = 4_000_000
#: the floats orjson writes as json does (its shortest form, without an exponent)
_PLAIN_FLOAT = (1e-4, 1e16)
_C1_BYTES = re.compile(rb"\x7f|\xc2[\x80-\x9f]")


def _orjson(data) -> str | None:
    """The JSON of data as the json encoder writes it (ensure_ascii off, indent 2) with DEL and the
    C1 controls escaped, made by orjson (C, about thirty times faster), or None when orjson is not
    installed, the data is large, or it holds what orjson writes otherwise (a float with an exponent,
    NaN or an infinity, a key that is not a string, a type json does not know) or refuses (an integer
    beyond 64 bits, a lone surrogate): json writes those, as before."""
    try:
        import orjson
    except ImportError:
        return None
    if not _orjson_writes_as_json(data):
        return None
    try:
        out = orjson.dumps(data, option=orjson.OPT_INDENT_2)
    except (TypeError, orjson.JSONEncodeError):
        return None
    if b"\x7f" in out or b"\xc2" in out:        # the search is the costly part: only when one may be there
        out = _C1_BYTES.sub(lambda m: f"\\u{ord(m.group().decode()):04x}".encode(), out)
    return out.decode("utf-8")


def _orjson_writes_as_json(data) -> bool:
    """Does data hold only dicts with string keys, lists, tuples, strings, integers, booleans, None
    and floats written without an exponent, its strings not past ORJSON_MAX_CHARS in all?"""
    chars = 0
    todo = [data]
    while todo:
        x = todo.pop()
        t = type(x)
        if t is str:
            chars += len(x)
            if chars > ORJSON_MAX_CHARS:
                return False
        elif t is dict:
            for k in x:
                if type(k) is not str:
                    return False
                chars += len(k)
            todo.extend(x.values())
        elif t is list or t is tuple:
            todo.extend(x)
        elif t is float:
            if not (x == 0.0 or _PLAIN_FLOAT[0] <= abs(x) < _PLAIN_FLOAT[1]):
                return False         # also NaN and the infinities, which fail every comparison
        elif not (x is None or t is int or t is bool):
            return False
    return True


def write_json(data, path: str | None = None) -> None:
    """:func:`to_json` of ``data`` written as it is made (to stdout as write_text does, or all or
    nothing to a file), never held whole in memory."""
    if path is None or path == "-":
        from kb.outputs.screen import write_raw
        for piece in json_pieces(data):
            write_raw(sys.stdout, piece)
        sys.stdout.write("\n")
        return
    write_bytes(_lines_encoded(json_pieces(data)), path)


def json_bytes(data) -> bytes:
    """The bytes :func:`write_json` writes to a file for ``data``."""
    return b"".join(_lines_encoded(json_pieces(data)))


def _lines_encoded(pieces):
    for piece in pieces:
        yield piece.encode("utf-8")
    yield b"\n"


#: a spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection"), the
#: full-width forms too (an input method's ＝ ＋ － ＠ become a formula in Excel as the ASCII ones do)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: what a spreadsheet may pass over before it sees the formula: spaces, full-width ones included
_LEADING = " \u3000\u00a0"


def as_text_cell(v):
    """A CSV value a spreadsheet shows as the text it is: a text starting like a formula (after
    any spaces) gets the apostrophe Excel and LibreOffice themselves use to mark a cell as text."""
    if v is None:
        return ""
    if isinstance(v, str) and (v.startswith(FORMULA_START) or v.lstrip(_LEADING).startswith(FORMULA_START)):
        return "'" + v
    return v


def to_csv(headers: list[str], rows: list[list], bom: bool = True) -> str:
    """CSV that Excel opens correctly with Chinese: UTF-8 with BOM, CRLF; no cell is a formula."""
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([as_text_cell(h) for h in headers])
    for r in rows:
        w.writerow([as_text_cell(v) for v in r])
    return buf.getvalue()


def write_text(text: str, path: str | None = None) -> None:
    """Output for programs (JSON, CSV, Markdown …): to stdout — exact, but with control characters
    shown when stdout is a terminal (kb.outputs.screen) — or atomically to a file (no half-written
    output on failure)."""
    if path is None or path == "-":
        from kb.outputs.screen import write_raw
        write_raw(sys.stdout, text if text.endswith("\n") else text + "\n")
        return
    write_bytes(text.encode("utf-8"), path)


def write_human(text: str, path: str | None = None, color: bool | None = None) -> None:
    """Text for people, emphasis marked with kb.outputs.screen.style: to stdout (coloured as
    ``color`` says, or when stdout is a terminal), or to a file (coloured only when ``color``);
    a source's control characters are shown, never written as they are."""
    from kb.outputs.screen import render, write_rendered

    text = text if text.endswith("\n") else text + "\n"
    if path is None or path == "-":
        write_rendered(sys.stdout, text, color)
        return
    write_bytes(render(text, bool(color)).encode("utf-8"), path)


def write_bytes(data, path: str) -> None:
    """Write ``data`` to the file the user named with -o, all or nothing (kb.files.write_atomic:
    an existing file keeps its mode, a symbolic link is followed, a device or FIFO is written
    through as the shell's ``>`` does, a directory or a missing folder is refused)."""
    if path == "-":
        raise KbError("这是二进制格式，不能写到标准输出（-o -）；请用 -o 给出文件名")
    write_atomic(path, data)
