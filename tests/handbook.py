"""Where the Debian package debian-handbook puts the published book (read there, never copied)."""

from __future__ import annotations

from pathlib import Path

HANDBOOK = Path("/usr/share/doc/debian-handbook/html")


def edition(name: str) -> Path:
    """One published edition (``pt-BR``); a clear failure, not a skip, when the package is missing."""
    folder = HANDBOOK / name
    if not (folder / "index.html").is_file():
        raise AssertionError(f"{folder} not found: apt-get install debian-handbook (.ci/run installs it)")
    return folder
