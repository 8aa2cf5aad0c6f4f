"""The one exception kb raises for bad input; the CLI turns it into exit code 2."""
from __future__ import annotations


class KbError(Exception):
    """A user-facing error: names the file (and line when it helps)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        if self.file and self.line:
            return f"{self.file}:{self.line}: {self.message}"
        if self.file:
            return f"{self.file}: {self.message}"
        return self.message
