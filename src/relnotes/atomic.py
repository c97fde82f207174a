"""Replace a file in one step, so an interrupted write never leaves half a catalog.

The temporary file lives in the target's folder (``os.replace`` is only atomic within
one file system) and is flushed to disk before the rename. It gets the mode the file had,
or the one a plain ``open`` would give (``mkstemp`` makes it private to its owner, which
would lock translators and web servers out of a catalog written by someone else).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_if_changed(path: str | Path, data: bytes) -> bool:
    """Write only when the bytes differ: unchanged catalogs keep their mtime and their diff."""
    path = Path(path)
    if path.exists() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True
