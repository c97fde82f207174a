"""A book: a folder of published pages (a Publican multi-page build) read as one document.

Reading order is the publisher's: from ``index.html`` along each page's ``<link rel="next">``;
pages the chain does not reach but the index's table of contents names follow in that
order (a chain broken half-way still gives the whole book). A page the chain or the table
of contents names that is not in the folder is refused, never skipped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from relnotes.errors import SourceError

INDEX = "index.html"


def _local(href: str) -> str | None:
    """The page file a link names, if it is a page of this folder."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path or "/" in parts.path.strip("./"):
        return None
    name = unquote(parts.path).lstrip("./")
    return name if name.endswith((".html", ".htm")) else None


def _next_page(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="next")
    return _local(str(link.get("href", ""))) if isinstance(link, Tag) else None


def _toc_pages(soup: BeautifulSoup) -> list[str]:
    toc = soup.find(class_="toc") or soup.find(id="toc")
    if not isinstance(toc, Tag):
        return []
    pages = (_local(str(a.get("href", ""))) for a in toc.find_all("a", href=True))
    return list(dict.fromkeys(p for p in pages if p))


def read_pages(folder: Path, parse: Callable[[Path], BeautifulSoup]) -> Iterator[tuple[str, BeautifulSoup]]:
    """Each page of the book in reading order, parsed once."""
    index = folder / INDEX
    if not index.is_file():
        raise SourceError(
            str(folder), f"no {INDEX} in this folder; a book is a Publican HTML build (index.html + pages)"
        )
    seen: set[str] = set()
    pending = [INDEX]
    toc: list[str] = []
    while pending:
        name = pending.pop(0)
        if name in seen:
            continue
        path = folder / name
        if not path.is_file():
            raise SourceError(
                str(path),
                "page named by the book's next link or table of contents is missing; restore it or rebuild the book",
            )
        seen.add(name)
        soup = parse(path)
        yield name, soup
        if name == INDEX:
            toc = _toc_pages(soup)
        following = _next_page(soup)
        if following and following not in seen:
            pending.insert(0, following)
        elif not pending:
            pending = [page for page in toc if page not in seen]
