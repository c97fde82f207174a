"""The few exceptions relnotes raises on purpose.

Each one carries the file (and line, when known) it is about, so that the CLI and the
MkDocs plugin can print the compiler-style ``path:line: message`` users can act on. Only
the CLI prints; everything below it raises.
"""

from __future__ import annotations


class RelnotesError(Exception):
    """Base of every error that is the input's or the user's fault (exit code 2)."""

    def __init__(self, path: str | None, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = self.path or "relnotes"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class SourceError(RelnotesError):
    """Raised by the readers: a master document that cannot be read as a chapter."""


class LocaleError(RelnotesError):
    """Raised by :mod:`relnotes.locales` for an identifier Babel does not accept."""


class CatalogError(RelnotesError):
    """Raised when a ``.po``/``.pot`` file or the overrides file cannot be parsed."""


class LockedError(RelnotesError):
    """Raised when another ``relnotes`` process holds the catalogs' lock for too long."""
