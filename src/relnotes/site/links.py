"""Cross-references and images of a published document, mapped onto the site's pages.

A Publican book links ``sect.apt-get.html#sect.apt-update``; on the site that section is a
part of the chapter page ``apt/``. The map is built once per document from the tree (which
page file belongs to which chapter, which anchors each chapter page carries) so that a
link is either made to work or left as plain text, never broken. Only web and mail links
leave the site; anything else (``javascript:``) stays text.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from relnotes.model import BlockKind, Document, Link, page_stem, section_anchor
from relnotes.site.bookfiles import book_uri
from relnotes.track.places import page_url

_OUTSIDE = {"http", "https", "mailto", "ftp"}


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link between two pages of the same language (``use_directory_urls``)."""
    up = "../" * page_url(from_page).count("/")
    target = up + page_url(to_page)
    return f"{target or './'}#{anchor}" if anchor else (target or "./")


@dataclass
class LinkMap:
    pages: dict[str, str] = field(default_factory=dict)  # published file -> site page
    first_anchor: dict[str, str] = field(default_factory=dict)  # published file -> its first heading's anchor
    anchors: set[tuple[str, str]] = field(default_factory=set)  # (site page, anchor) that exist
    holder: dict[str, str] = field(default_factory=dict)  # anchor -> the site page holding it (first)
    published_in: dict[str, str] = field(default_factory=dict)  # anchor -> the published file holding it
    own_file: str | None = None  # a single-page book's own file name: links to it stay in the book
    images: dict[str, Path] = field(default_factory=dict)  # site file (below the document) -> published file
    locale: str | None = None  # the book's, whose language suffix its page names drop

    @classmethod
    def of(cls, document: Document) -> LinkMap:
        found = cls(locale=document.locale)
        book = document.is_book
        folder = Path(document.source) if document.pages else Path(document.source).parent
        if book and not document.pages:
            found.own_file = Path(document.source).name
        for slug, chapter in document.slugs() if book else [("index", document.chapters[0])]:
            for _depth, section in chapter.walk():
                anchor = section.heading.anchor or section_anchor(section.key)
                found._anchor(slug, anchor)
                page = section.heading.page
                if page:
                    found.pages.setdefault(page, slug)
                    found.first_anchor.setdefault(page, anchor)
                    found.published_in.setdefault(anchor, page)
                blocks = [*section.blocks, *(b for g in section.groups for i in g.items for b in i.blocks)]
                for block in blocks:
                    if block.anchor:
                        found._anchor(slug, block.anchor)
                        if block.page:
                            found.published_in.setdefault(block.anchor, block.page)
                    if block.kind is BlockKind.IMAGE:
                        found.images.setdefault(_image_uri(block.text), folder / block.text)
                for group in section.groups:
                    for item in group.items:
                        found._anchor(slug, f"item-{item.number}")
        return found

    def _anchor(self, slug: str, anchor: str) -> None:
        self.anchors.add((slug, anchor))
        self.holder.setdefault(anchor, slug)

    def href(self, target: str, from_page: str) -> str | None:
        """The site URL of a published link, relative to ``from_page``; None if it cannot work.

        In a single-page book split into chapter pages, ``#ch03s02`` (or ``manual.html#ch03s02``)
        names the chapter page that now holds that anchor.
        """
        try:
            parts = urlsplit(target)
        except ValueError:  # "https://[x": no address a browser could follow; the words stay text
            return None
        if parts.scheme:
            return target if parts.scheme.lower() in _OUTSIDE else None
        fragment = unquote(parts.fragment) or None
        path = unquote(parts.path).lstrip("./") if parts.path else ""
        if self.own_file is not None and path in ("", self.own_file):
            # An id the book does not hold was a broken link already as published: it stays text.
            page = self.holder.get(fragment) if fragment else "index"
        elif fragment and path and self.published_in.get(fragment) == path:
            page = self.holder[fragment]  # a published page read as several chapters: the one holding the id
        else:
            page = self.pages.get(path) if path else from_page
        if page is None:
            return None
        if fragment is None and path:
            fragment = self.first_anchor.get(path)
            if fragment is not None and (page, fragment) in self.anchors and self._chapter_top(page, parts.path):
                fragment = None
        if fragment is not None and (page, fragment) not in self.anchors:
            fragment = None
        if page == from_page and fragment:
            return f"#{fragment}"
        return relative(from_page, page, fragment)

    def _chapter_top(self, page: str, path: str) -> bool:
        """A chapter's own first page links to the top of the chapter page."""
        stem = page_stem(PurePosixPath(path).name, self.locale)
        return page == stem or (page == "index" and path.endswith("index.html"))

    def image_url(self, from_page: str) -> Callable[[str], str]:
        up = "../" * page_url(from_page).count("/")
        return lambda src: up + _image_uri(src)


def _image_uri(src: str) -> str:
    """Where a published image is copied on the site, below the document's folder (its own namespace)."""
    return book_uri(src)


def linkify(text: str, links: Sequence[Link], resolve: Callable[[Link], str | None]) -> str:
    """Escape ``text`` and turn each link's words into an anchor where they still occur."""
    out: list[str] = []
    position = 0
    for link in links:
        target = resolve(link)
        found = text.find(link.text, position) if target else -1
        if found < 0:
            continue
        out.append(html.escape(text[position:found]))
        out.append(f'<a href="{html.escape(target or "")}">{html.escape(link.text)}</a>')
        position = found + len(link.text)
    out.append(html.escape(text[position:]))
    return "".join(out)
