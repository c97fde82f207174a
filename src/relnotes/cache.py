"""Read each input once per change: what was read is kept, pickled, until its files change.

A book is a hundred pages of HTML and its catalogs hold thousands of entries; parsing them
is most of what ``status``, ``check`` and every site build cost once the catalogs are
written. As Sphinx keeps its doctrees, the value read is stored under the project's
``build/`` folder, keyed by every file's name, size and modification time and by the code
that read it, so an edited page or catalog, or a new relnotes, is read afresh and nothing
stale is ever served. A cache that cannot be read or written is only a cache: the input
is read as usual. Each load returns a fresh value, so callers may change what they get.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from relnotes import __version__
from relnotes.atomic import write_atomic

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent
_stamps: dict[tuple[Path, ...], str] = {}


def _code_stamp(code: Sequence[Path]) -> str:
    """The reading code's source: a fix in it invalidates every value it stored."""
    key = tuple(code)
    if key not in _stamps:
        digest = hashlib.sha256(__version__.encode())
        for path in sorted(code):
            digest.update(path.read_bytes())
        _stamps[key] = digest.hexdigest()
    return _stamps[key]


def _files_stamp(path: Path) -> str:
    digest = hashlib.sha256(str(path.resolve()).encode())
    entries = sorted(os.scandir(path), key=lambda e: e.name) if path.is_dir() else [path]
    for entry in entries:
        try:
            stat = entry.stat()
        except OSError:  # a symlink loop or a dangling link: the link itself is what changes
            stat = os.lstat(entry)
        name = entry.name  # not the path as given: the same file, from any folder, is one entry
        digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cached(path: Path, cache: Path, kind: str, code: Sequence[Path], load: Callable[[Path], T]) -> T:
    """``load(path)``, from ``cache`` when neither ``path`` (a file or folder) nor ``code`` changed."""
    place = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    key = hashlib.sha256((_code_stamp(code) + _files_stamp(path)).encode()).hexdigest()[:24]
    stored = cache / f"{kind}.{place}.{key}.pickle"
    try:
        with stored.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError):
        pass
    value = load(path)
    try:
        for old in cache.glob(f"{kind}.{place}.*.pickle"):
            old.unlink(missing_ok=True)
        write_atomic(stored, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return value


def reader_code() -> list[Path]:
    """What a document's tree depends on: the readers and the model."""
    return [*(_PACKAGE / "read").glob("*.py"), _PACKAGE / "model.py"]


def catalog_code() -> list[Path]:
    """What a parsed catalog depends on: relnotes' PO module (polib's version is in relnotes')."""
    return [_PACKAGE / "catalog" / "pofile.py"]
