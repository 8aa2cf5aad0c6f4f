"""What kb prints for people: the text of a regulation is shown on a terminal, never obeyed.

A source text (or a title in meta.yml) may hold terminal control sequences — an OSC that sets
the window title or writes a hyperlink, a CSI that moves the cursor, clears the screen or hides
what follows.  Printed as they are, the terminal would act on them.  Everything kb writes for
people goes through :class:`SafeStream` (``kb`` installs it on stdout and stderr): every control
character a terminal acts on (C0 but tab, newline and carriage return; DEL; C1, whose 0x9b is a
CSI of its own) is shown as its Unicode picture (ESC as ␛) or as ``\\x9b``, and a bidirectional
control (U+202E RIGHT-TO-LEFT OVERRIDE and its kin, which reorder what the terminal shows) as
``\\u202e``.

kb's own emphasis (bold titles, the redline's colours) cannot be written as escape sequences,
which would be shown the same way: :func:`style` marks it with private-use characters that the
stream turns into the terminal's codes when it colours, or drops when it does not.  Output for
programs (``--format json|csv``) goes to the stream's :meth:`SafeStream.raw`: exact when it goes
to a file or a pipe, controls shown when it goes straight to a terminal.
"""
from __future__ import annotations

import os
import re

#: control characters a terminal acts on (tab, newline and carriage return are text), and the
#: bidirectional controls (U+202E and its kin reorder what follows them on the screen: a line
#: could be made to read other than it is)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

#: kb's emphasis: SGR parameter of each, and the private-use character that marks it in text
_SGR = {"reset": 0, "bold": 1, "dim": 2, "underline": 4, "strikethrough": 9,
        "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36}
_MARK = {name: chr(0xF8E0 + i) for i, name in enumerate(_SGR)}
_NAME = {mark: name for name, mark in _MARK.items()}
_MARKS = re.compile(f"[{_MARK['reset']}-{_MARK['cyan']}]")


def _picture(m: re.Match) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)          # ␀ … ␟ (␛ for ESC)
    if c == 0x7F:
        return "␡"
    return f"\\x{c:02x}" if c <= 0xFF else f"\\u{c:04x}"


def visible(text: str) -> str:
    """``text`` with every control character a terminal acts on shown instead (ESC as ␛)."""
    return _CONTROL.sub(_picture, text)


def style(text: str, fg: str | None = None, bold: bool = False, dim: bool = False, underline: bool = False,
          strikethrough: bool = False) -> str:
    """``text`` with kb's emphasis (as click.style, for the colours kb uses), marked for
    :func:`render`."""
    names = [n for n, on in (("bold", bold), ("dim", dim), ("underline", underline),
                             ("strikethrough", strikethrough)) if on]
    if fg:
        names.append(fg)
    return "".join(_MARK[n] for n in names) + text + _MARK["reset"]


def render(text: str, color: bool) -> str:
    """Text for a terminal (or a file of terminal output): controls shown, kb's emphasis as the
    terminal's codes when ``color``, else left out."""
    text = visible(text)
    if color:
        return _MARKS.sub(lambda m: f"\x1b[{_SGR[_NAME[m.group()]]}m", text)
    return _MARKS.sub("", text)


def colors(stream) -> bool:
    """Whether output to ``stream`` is coloured: a terminal, unless NO_COLOR is set."""
    try:
        return stream.isatty() and "NO_COLOR" not in os.environ
    except (AttributeError, ValueError, OSError):
        return False


class SafeStream:
    """A text stream for people (see the module docstring); anything else is the wrapped
    stream's.  ``color``: whether to colour (True/False), or a function of the wrapped stream saying
    so (None: when the stream is a terminal and NO_COLOR is not set)."""

    def __init__(self, stream, color=None):
        self._stream = stream
        self._color = color

    def _colors(self) -> bool:
        c = self._color(self._stream) if callable(self._color) else self._color
        return colors(self._stream) if c is None else bool(c)

    def write(self, s: str) -> int:
        self._stream.write(render(s, self._colors()))
        return len(s)

    def raw(self, s: str) -> None:
        """Output for programs: exact, unless it goes straight to a terminal."""
        self._stream.write(visible(s) if _isatty(self._stream) else s)

    def rendered(self, s: str, color: bool | None = None) -> None:
        """Text for people with colour decided by the caller (``kb diff --color``)."""
        self._stream.write(render(s, self._colors() if color is None else color))

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def install(color=None):
    """Put SafeStreams on sys.stdout and sys.stderr (unless they are already); returns a function
    that puts the streams back."""
    import sys

    out, err = sys.stdout, sys.stderr
    if not isinstance(out, SafeStream):
        sys.stdout = SafeStream(out, color)
    if not isinstance(err, SafeStream):
        sys.stderr = SafeStream(err, color)

    def restore() -> None:
        sys.stdout, sys.stderr = out, err
    return restore


def write_raw(stream, s: str) -> None:
    """Output for programs to ``stream`` (a SafeStream's raw(), or the stream as it is)."""
    if isinstance(stream, SafeStream):
        stream.raw(s)
    else:
        stream.write(s)


def write_rendered(stream, s: str, color: bool | None = None) -> None:
    """Text for people marked with :func:`style`, to ``stream`` (coloured as ``color`` says, or
    as the stream is)."""
    if isinstance(stream, SafeStream):
        stream.rendered(s, color)
    else:
        stream.write(render(s, colors(stream) if color is None else color))
