"""Open a master document, whatever its format, and return the document tree.

This is the only reader entry point: a file (text or HTML) or a book folder (pages in
reading order, :mod:`relnotes.read.book`). It refuses what is not a document (empty,
binary, undecodable) with one line naming the file, picks the reader by suffix and settles
the locale: ``--locale``, else the name (``<name>.<locale>.<ext>``, ``<name>.<locale>/``, a
folder named ``de`` or ``pt_BR``, a start page ``index.de.html``), else what the markup says
(``lang`` on ``html``, ``body`` or the content element).

What a reader meets on the way and survives (a link out of the book, an invalid byte in a
page) is kept on the document as a problem, one line each, for the commands to print.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from itertools import count
from pathlib import Path

from bs4 import BeautifulSoup

from relnotes.errors import LocaleError, SourceError
from relnotes.locales import LocaleId
from relnotes.model import Document
from relnotes.read.assemble import Event, assemble
from relnotes.read.book import Walk, is_book_folder, read_pages, single_page_copies
from relnotes.read.html import html_events, html_lang, parse_html
from relnotes.read.text import text_events

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
__all__ = ["HTML_SUFFIXES", "is_book_folder", "locale_from_name", "read_document"]
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w-]+)""", re.IGNORECASE)
# What a file name or folder name says when it names a language: de, pt_BR, pt-BR, zh_CN, sr@latin.
_LOCALE_NAME = re.compile(r"^[a-z]{2,3}(?:[_-](?:[A-Za-z]{2}|[A-Z][a-z]{3}|\d{3}))?(?:@\w+)?$")
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
    """``chapter.pt_BR.txt``, a book folder ``handbook.pt_BR/`` or ``pt-BR/``, a page in a
    folder ``de/`` say their locale.

    A dotted part says it when it is shaped like a locale (an unknown one is then refused
    by the caller: the user meant it); a folder's whole name only when Babel knows it, so a
    folder ``html`` or ``doc`` names none.
    """
    parts = path.name.split(".")
    candidate = parts[-1] if path.is_dir() else parts[-2] if len(parts) >= 3 else ""
    if not candidate and path.suffix.lower() in HTML_SUFFIXES:
        # One page of a per-language install (kicad/help/de/pcbnew.html): its folder's name.
        return locale_from_name(path.parent) if "." not in path.parent.name else None
    if not _LOCALE_NAME.match(candidate):
        return None
    if len(parts) == 1:
        try:
            LocaleId.parse(candidate)
        except LocaleError:
            return None
    return candidate


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


def _declared(data: bytes) -> str | None:
    match = _XML_ENCODING.match(data[:256]) or _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _read_html(path: Path, encoding: str | None, problems: list | None = None) -> BeautifulSoup:
    """A page, decoded as ``--encoding`` or its declared charset says, else strictly as UTF-8.

    A page that declares UTF-8 and holds an invalid byte is decoded as UTF-8 with a
    replacement character there, and the byte reported: never the whole page guessed as
    another charset ("VirtualizaĂ§ĂŁo").
    """
    shown = str(path)
    data = _read_bytes(path, encoding)
    declared = None if encoding else _declared(data)
    if declared and declared.replace("-", "").replace("_", "") in {"utf8", "utf8sig"}:
        try:
            return parse_html(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            message = f"invalid UTF-8 byte 0x{data[exc.start]:02x} in a page declaring UTF-8; read as U+FFFD"
            if problems is None:
                raise SourceError(shown, message, line) from exc
            problems.append((str(path), line, message))
            return parse_html(data.decode("utf-8-sig", errors="replace"))
    if declared:
        try:
            return parse_html(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            return parse_html(data)  # an unknown or wrong charset: BeautifulSoup's own detection
    return parse_html(decode(shown, data, encoding))


def _read_bytes(path: Path, encoding: str | None) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    _refuse_binary(str(path), data, encoding)
    return data


def _book_events(folder: Path, encoding: str | None, langs: list[str], walk: Walk, locale: str | None):
    boxes = count(1)
    for name, soup in read_pages(folder, lambda page: _read_html(page, encoding, walk.problems), locale, walk):
        if not langs and (lang := html_lang(soup)):
            langs.append(lang)
        yield from html_events(soup, str(folder / name), page=name, boxes=boxes, book=walk)


def read_document(path: str | Path, *, locale: str | None = None, encoding: str | None = None) -> Document:
    """The document at ``path``: a text or HTML file, or a book folder."""
    path = Path(path)
    shown = str(path)
    langs: list[str] = []
    walk = Walk(path if path.is_dir() else path.parent)
    if path.is_dir():
        chosen = locale or locale_from_name(path)
        events: Iterable[Event] = _book_events(path, encoding, langs, walk, chosen)
    elif path.suffix.lower() in HTML_SUFFIXES:
        soup = _read_html(path, encoding, walk.problems)
        chosen = locale or locale_from_name(path) or html_lang(soup)
        events = html_events(soup, shown, book=walk)
    else:
        text = decode(shown, _read_bytes(path, encoding), encoding)
        chosen = locale or locale_from_name(path)
        events = text_events(text)
    with _collector_paused():
        if path.is_dir():
            events = list(events)  # the pages say their language as they are read
            chosen = chosen or walk.locale or (langs[0] if langs else None)
        if not chosen:
            raise SourceError(
                shown, "cannot tell the locale; name it like chapter.pt_BR.txt or handbook.pt_BR/, or pass --locale"
            )
        locale_id = LocaleId.parse(chosen, path=shown)
        document = assemble(shown, locale_id.posix, events, book=path.is_dir())
        if path.is_dir():
            anchors = [c.heading.anchor for c in document.chapters[1:] if c.heading.page != document.pages[0]]
            for copy in single_page_copies(path, document.pages, [a for a in anchors if a]):
                message = f"{copy} is a single-page copy of this book; the chunked pages are read, it is left aside"
                walk.problems.append((None, 0, message))
        return replace(document, problems=_problems(path, walk.problems)) if walk.problems else document


def _problems(path: Path, found: list[tuple[str | None, int, str]]) -> tuple[tuple[str | None, int, str], ...]:
    """Each problem on its book page (relative to the book), or on the single file (None)."""
    if not path.is_dir():
        return tuple((None, line, message) for _page, line, message in found)
    return tuple(
        (Path(page).relative_to(path).as_posix() if page and Path(page).is_relative_to(path) else page, line, message)
        for page, line, message in found
    )
