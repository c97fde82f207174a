"""Open a master document, whatever its format, and return the document tree.

This is the only reader entry point: a file (text or HTML) or a book folder (a Publican
multi-page build). It refuses what is not a document (empty, binary, undecodable) with one
line naming the file, picks the reader by suffix and settles the locale (``--locale``,
else ``<name>.<locale>.<ext>`` or ``<name>.<locale>/``, else what the markup says).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from bs4 import BeautifulSoup

from relnotes.errors import SourceError
from relnotes.locales import LocaleId
from relnotes.model import Document
from relnotes.read.assemble import Event, assemble
from relnotes.read.book import read_pages
from relnotes.read.html import html_events, html_lang, parse_html
from relnotes.read.text import text_events

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?[\w-]+""", re.IGNORECASE)
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def _refuse_binary(path: str, data: bytes, encoding: str | None) -> None:
    if not data.strip():
        raise SourceError(path, "empty file; expected a release-notes chapter as text or HTML")
    if encoding is None and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise SourceError(path, "UTF-16 file; convert it to UTF-8 or pass --encoding utf-16")
    if encoding is not None and encoding.lower().replace("-", "").startswith(("utf16", "utf32")):
        return  # NUL bytes are how these encodings write ASCII
    head = data[:65536]
    if b"\0" in head or sum(head.count(bytes([c])) for c in _CONTROL) > len(head) // 100:
        raise SourceError(path, "binary file; expected a release-notes chapter as text or HTML")


def decode(path: str, data: bytes, encoding: str | None) -> str:
    """Decode strictly: a wrong guess would garble every accented word into the catalogs."""
    try:
        return data.decode(encoding or "utf-8-sig")
    except LookupError as exc:
        raise SourceError(path, f"unknown encoding {encoding!r}; pass one Python knows, like latin-1") from exc
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise SourceError(
            path,
            f"not valid {encoding or 'UTF-8'} (byte 0x{byte:02x}); convert the file to UTF-8 "
            "or pass --encoding (e.g. --encoding latin-1)",
            line,
        ) from exc


def locale_from_name(path: Path) -> str | None:
    """``chapter.pt_BR.txt`` and a book folder ``handbook.pt_BR/`` say their locale."""
    parts = path.name.split(".")
    if path.is_dir():
        return parts[-1] if len(parts) >= 2 else None
    return parts[-2] if len(parts) >= 3 else None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic GC while a chapter is built.

    The tree holds no reference cycles, yet each generation-2 pass walks every block read
    so far: on a 50 MB chapter that made reading 21x slower than on 5 MB instead of 10x.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_html(path: Path, encoding: str | None) -> BeautifulSoup:
    shown = str(path)
    data = _read_bytes(path, encoding)
    # A declared charset is the author's word; without one, decode strictly as UTF-8.
    declared = _CHARSET.search(data[:4096]) is not None
    return parse_html(data if declared and encoding is None else decode(shown, data, encoding))


def _read_bytes(path: Path, encoding: str | None) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    _refuse_binary(str(path), data, encoding)
    return data


def _book_events(folder: Path, encoding: str | None, langs: list[str]) -> Iterator[Event]:
    boxes = count(1)
    for name, soup in read_pages(folder, lambda page: _read_html(page, encoding)):
        if not langs and (lang := html_lang(soup)):
            langs.append(lang)
        yield from html_events(soup, str(folder / name), page=name, boxes=boxes)


def read_document(path: str | Path, *, locale: str | None = None, encoding: str | None = None) -> Document:
    """The document at ``path``: a text or HTML file, or a book folder."""
    path = Path(path)
    shown = str(path)
    langs: list[str] = []
    if path.is_dir():
        events: Iterable[Event] = _book_events(path, encoding, langs)
        chosen = locale or locale_from_name(path)
    elif path.suffix.lower() in HTML_SUFFIXES:
        soup = _read_html(path, encoding)
        chosen = locale or locale_from_name(path) or html_lang(soup)
        events = html_events(soup, shown)
    else:
        text = decode(shown, _read_bytes(path, encoding), encoding)
        chosen = locale or locale_from_name(path)
        events = text_events(text)
    with _collector_paused():
        if path.is_dir():
            events = list(events)  # the pages say their language as they are read
            chosen = chosen or (langs[0] if langs else None)
        if not chosen:
            raise SourceError(
                shown, "cannot tell the locale; name it like chapter.pt_BR.txt or handbook.pt_BR/, or pass --locale"
            )
        locale_id = LocaleId.parse(chosen, path=shown)
        return assemble(shown, locale_id.posix, events, book=path.is_dir())
