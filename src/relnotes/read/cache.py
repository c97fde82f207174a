"""Read each master once per change: the tree is kept, pickled, until its files change.

A book is a hundred pages of HTML; parsing them is most of what ``update``, ``status`` and
every site build cost once the catalogs are written. As Sphinx keeps its doctrees, the
tree is stored under the project's ``build/`` folder, keyed by every file's name, size and
modification time and by the reader's own code, so an edited page or a new relnotes
reads afresh and nothing stale is ever served. A cache that cannot be read or written is
only a cache: the document is read as usual.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from relnotes import __version__
from relnotes.atomic import write_atomic
from relnotes.model import Document, document_name

_CODE = Path(__file__).resolve().parent


def _code_stamp() -> str:
    """The reader's and the model's source: a reader fix invalidates every stored tree."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*_CODE.glob("*.py"), _CODE.parent / "model.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files_stamp(path: Path) -> str:
    digest = hashlib.sha256(str(path.resolve()).encode())
    files = sorted(os.scandir(path), key=lambda e: e.name) if path.is_dir() else [path]
    for entry in files:
        stat = entry.stat()
        digest.update(f"{getattr(entry, 'name', str(entry))}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def read_cached(path: Path, cache: Path, read) -> Document:
    """``read(path)``'s document, from ``cache`` when nothing it was read from has changed."""
    key = hashlib.sha256((_code_stamp() + _files_stamp(path)).encode()).hexdigest()[:24]
    stored = cache / f"{document_name(str(path))}.{key}.pickle"
    try:
        with stored.open("rb") as handle:
            document = pickle.load(handle)
        if isinstance(document, Document):
            return document
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    document = read(path)
    try:
        for old in cache.glob(f"{document_name(str(path))}.*.pickle"):
            old.unlink(missing_ok=True)
        write_atomic(stored, pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass
    return document
