"""A book: a folder of published pages read as one document, as its toolchain installed it.

Where it starts: ``index.<lang>.html`` when a language is asked for and the folder holds its
pages side by side with other languages' (DocBook XSL's ``ch01.pt.html``, as web servers
negotiate them), else ``index.html``, else the one ``index.<lang>.html`` there is. A folder
of several languages and no language asked for is refused, naming the languages it holds.

Reading order is the publisher's: along each page's next link (``<link rel="next">``, else
``<a rel="next">`` or the ``accesskey="n"`` link); pages the chain does not reach but the
start page's table of contents names follow in that order (a chain broken half-way still
gives the whole book). Every link is resolved (URL-decoded, symlinks followed) before it is
opened: a page outside the book folder, or a symlink loop, is never read but reported in one
line. A page inside the book that the chain names but is missing is refused.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from relnotes.errors import SourceError

INDEX = "index.html"
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
_SUFFIXED_INDEX = re.compile(r"^index\.([A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?)\.html?$")


def _split(url: str) -> SplitResult | None:
    """The parts of a URL a page wrote, or None where it is no URL at all (``https://[x``)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


@dataclass
class Book:
    """The folder a book's files must stay in, and the problems met reading it."""

    root: Path
    problems: list[tuple[str | None, int, str]] = field(default_factory=list)  # (page, line, message)

    def path_of(self, src: str, page: str | None) -> str:
        """A file a page names, as a path from the book's folder (``install/index.html``'s
        ``../_images/a.png`` is ``_images/a.png``); an address or a top-level page's as written."""
        parts = _split(src)
        if parts is None or parts.scheme or parts.netloc or not page or "/" not in page:
            return src
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), src))

    def holds(self, src: str, page: str | None, line: int) -> bool:
        """Whether a file a page names (an image) is inside the book, symlinks resolved.

        A file elsewhere (``../../../etc/passwd``, a link to ``/etc``) is reported and
        dropped: nothing outside the book is ever read, copied or published.
        """
        parts = _split(src)
        if parts is None or parts.scheme or parts.netloc:
            return True  # an address on the web (or none a browser could open): never read
        base = (self.root / page).parent if page else self.root
        target = Path(os.path.normpath(base.absolute() / unquote(parts.path)))
        try:
            inside = target.is_relative_to(self.root.absolute()) and target.resolve().is_relative_to(
                self.root.resolve()
            )
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            self.problems.append((page, line, f"file {src!r} is outside the book; left out"))
        return inside


@dataclass
class Walk(Book):
    """Reading a book's pages: also the language its start page names (``index.de.html``)."""

    locale: str | None = None


def _languages(folder: Path) -> dict[str, str]:
    """``{language: index page}`` for the suffixed index pages a folder holds."""
    found: dict[str, str] = {}
    for path in sorted(folder.glob("index.*.htm*")):
        match = _SUFFIXED_INDEX.match(path.name)
        if match:
            found[match.group(1)] = path.name
    return found


def _variants(locale: str) -> list[str]:
    """``pt_BR`` as file names write it: ``pt_BR``, ``pt-BR``, ``pt-br``, then ``pt``."""
    dashed = locale.replace("_", "-")
    return list(dict.fromkeys([locale, dashed, dashed.lower(), locale.lower(), locale.split("_")[0].split("-")[0]]))


def start_page(folder: Path, locale: str | None) -> tuple[str, str | None]:
    """The page a book starts at, and the language its name says (None: it names none)."""
    languages = _languages(folder)
    if locale:
        for variant in _variants(locale):
            if variant in languages:
                return languages[variant], variant
    names = ", ".join(languages)
    if locale and languages:
        raise SourceError(str(folder), f"no index page for {locale} in this folder (it holds {names})")
    if (folder / INDEX).is_file():
        if languages and not _is_suffixed_copy(folder, languages):  # a language chooser
            raise SourceError(str(folder), f"this folder holds a book in several languages ({names}); pass --locale")
        target = (folder / INDEX).resolve().name
        match = _SUFFIXED_INDEX.match(target)
        return INDEX, match.group(1) if match else None
    if len(languages) == 1:
        ((language, page),) = languages.items()
        return page, language
    if languages:
        raise SourceError(str(folder), f"this folder holds a book in several languages ({names}); pass --locale")
    raise SourceError(
        str(folder), "no index.html (or index.<lang>.html) in this folder; a book folder starts at its index page"
    )


def is_book_folder(folder: Path) -> bool:
    """Whether a folder is a book as toolchains install one: it has an index page."""
    return (folder / INDEX).is_file() or bool(_languages(folder))


def _is_suffixed_copy(folder: Path, languages: dict[str, str]) -> bool:
    """``index.html`` that is one of the suffixed pages (a link to ``index.en.html``)."""
    return (folder / INDEX).resolve().name in languages.values()


def _next_href(soup: BeautifulSoup) -> tuple[str, int] | None:
    link = soup.find("link", rel="next")
    if not isinstance(link, Tag):
        link = soup.find("a", rel="next") or soup.find("a", accesskey="n")
    return (str(link.get("href", "")), link.sourceline or 0) if isinstance(link, Tag) else None


def _toc_hrefs(soup: BeautifulSoup) -> list[tuple[str, int]]:
    toc = soup.find(class_="toc") or soup.find(id="toc") or soup.find(class_="toctree-wrapper")
    if not isinstance(toc, Tag):
        return []
    return [(str(a["href"]), a.sourceline or 0) for a in toc.find_all("a", href=True)]


class _Resolver:
    """Turns a link in a page into a page of the book, or says why it cannot be one."""

    def __init__(self, folder: Path, walk: Walk) -> None:
        self.folder = folder.absolute()
        self.real = folder.resolve()
        self.walk = walk

    def page(self, href: str, line: int, current: str) -> str | None:
        """The book-relative name of the page ``href`` leads to; None if it is none."""
        parts = _split(href)
        if parts is None or parts.scheme or parts.netloc or not parts.path:
            return None
        target = Path(os.path.normpath((self.folder / current).parent / unquote(parts.path)))
        try:
            if target.is_dir():
                target = target / INDEX  # Sphinx dirhtml: a page is a folder's index.html
            real = target.resolve()
        except (OSError, RuntimeError):
            self.walk.problems.append((current, line, f"link {href!r} is a symlink loop; not followed"))
            return None
        if not (target.is_relative_to(self.folder) and real.is_relative_to(self.real)):
            self.walk.problems.append((current, line, f"link {href!r} leads outside the book; not read"))
            return None
        if not real.name.lower().endswith(PAGE_SUFFIXES):
            return None
        return target.relative_to(self.folder).as_posix()


def read_pages(
    folder: Path, parse: Callable[[Path], BeautifulSoup], locale: str | None = None, walk: Walk | None = None
) -> Iterator[tuple[str, BeautifulSoup]]:
    """Each page of the book in reading order, parsed once."""
    walk = walk or Walk(folder)
    start, walk.locale = start_page(folder, locale)
    resolver = _Resolver(folder, walk)
    seen: set[Path] = set()
    pending = [start]
    toc: list[str] = []
    while pending:
        name = os.path.normpath(pending.pop(0)).replace(os.sep, "/")
        path = folder / name
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            walk.problems.append((None, 0, f"page {name} is a symlink loop; not read"))
            continue
        if real in seen:
            continue
        if not real.is_relative_to(resolver.real):
            walk.problems.append((None, 0, f"page {name} is a link to a file outside the book; not read"))
            continue
        if not path.is_file():
            raise SourceError(
                str(path),
                "page named by the book's next link or table of contents is missing; restore it or rebuild the book",
            )
        seen.add(real)
        soup = parse(path)
        # Links are taken before the page is read: reading removes its chrome.
        if name == start:
            toc = [p for href, line in _toc_hrefs(soup) if (p := resolver.page(href, line, name))]
        link = _next_href(soup)
        following = resolver.page(*link, current=name) if link else None
        yield name, soup
        if following and (folder / following).resolve() not in seen:
            pending.insert(0, following)
        elif not pending:
            pending = [page for page in dict.fromkeys(toc) if (folder / page).resolve() not in seen]


def single_page_copies(folder: Path, pages: tuple[str, ...], anchors: list[str]) -> list[str]:
    """Pages beside the chunked ones that hold their sections too (Sphinx's singlehtml copy).

    A page the reading order never reached that carries the ids of several chapters read
    from other pages is the same book on one page: it is left aside, and said so.
    """
    read = set(pages)
    marks = [f'id="{anchor}"'.encode() for anchor in anchors[:3]]
    if len(marks) < 2:
        return []
    found = []
    for path in sorted(folder.glob("*.htm*")):
        if path.name in read or path.is_symlink() or not path.is_file():
            continue
        head = path.read_bytes()
        if all(mark in head for mark in marks):
            found.append(path.name)
    return found
