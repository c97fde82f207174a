"""Which of a document's own files (its images) the site publishes, and where.

A book's page names its images by whatever path its author wrote: ``images/fig.png``, but
also ``/etc/passwd``, ``../../secret`` or ``images/`` being a link to ``/etc``. Only a file
that resolves, symlinks included, inside the book's folder is published; anything else is
a warning naming the page and the file, and the page keeps an image that does not load.

Published files live in a namespace of their own below the document's folder
(``book-files/``), so a book file named like a theme file (Material's
``assets/javascripts/bundle.*.min.js``) or a site file (``status.json``) can never replace it.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from relnotes.model import BlockKind, Document

NAMESPACE = "book-files"
log = logging.getLogger("relnotes.site")


def book_uri(src: str) -> str:
    """Where an image the document names is published, below the document's folder.

    Normalized as a path below the namespace whatever ``src`` holds (``..``, a leading
    ``/``, percent-escapes), so the address can never point above the namespace.
    """
    path = posixpath.normpath("/" + unquote(src).replace("\\", "/")).lstrip("/")
    return f"{NAMESPACE}/{path}" if path and path != "." else NAMESPACE


def document_folder(document: Document) -> Path:
    """The folder a document's files must stay in: the book's folder, or a single file's."""
    source = Path(document.source)
    return source if document.pages else source.parent


@dataclass(frozen=True, slots=True)
class Refused:
    """A file a page names that the site does not publish, and why."""

    where: str  # the page (and line) naming it
    src: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: image {self.src!r} {self.reason}; it is not published"


def book_files(document: Document) -> tuple[dict[str, Path], list[Refused]]:
    """The document's images to publish (site URI below the document's folder -> file), and the refused."""
    folder = document_folder(document)
    root = folder.resolve()
    files: dict[str, Path] = {}
    refused: list[Refused] = []
    seen: set[str] = set()
    for placement in document.placements():
        block = placement.block
        if block.kind is not BlockKind.IMAGE or block.text in seen:
            continue
        seen.add(block.text)
        page = folder / block.page if block.page else Path(document.source)
        where = f"{page}:{block.line}"
        source = folder / unquote(block.text)
        try:
            resolved = source.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            refused.append(Refused(where, block.text, "cannot be resolved (a link loop?)"))
            continue
        if not resolved.is_relative_to(root):
            refused.append(Refused(where, block.text, f"leaves the document's folder {folder}"))
        elif not resolved.is_file():
            refused.append(Refused(where, block.text, "is missing"))
        else:
            files.setdefault(book_uri(block.text), resolved)
    return files, refused


def published_files(document: Document) -> dict[str, Path]:
    """:func:`book_files`, each refused file reported once as a warning (never an abort)."""
    files, refused = book_files(document)
    for problem in refused:
        log.warning("%s", problem)
    return files
