"""The document tree every reader produces and every later stage consumes.

Records are frozen and slotted: a parsed document is a value that detection, catalogs and
pages share without copying or fear of mutation. Positions (``line``, ``page``) point into
the published files so that warnings can speak in ``path:line`` terms.

One shape serves a release-notes chapter and a whole book: a document is chapters; a
chapter or section holds its own blocks (introduction, prose), then release-notes items
(in architecture groups where headings name architectures), then its subsections. Items
and groups exist only where the document has them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")  # an id that is a page name as it is
# Names a chapter page never takes: the site's own pages and folders, and what reads as a
# language folder (``de``, ``pt-br``).
_TAKEN = {"index", "status", "search", "assets", "badges", "book-files", "404", "sitemap"}
# A title made a key: split at spaces and at what a reference or a URL gives a meaning (GNU/Linux).
_KEY_SPLIT = re.compile(r"[\s/#:?%]+")
_LANGUAGE_LIKE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")


class BlockKind(StrEnum):
    HEADING = "heading"  # chapter, section and architecture-group titles
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    CODE = "code"  # quoted verbatim: screens, program listings, error messages
    TITLE = "title"  # the title of an admonition, table, figure or example
    TERM = "term"  # a variable-list term
    CELL = "cell"  # a table cell
    IMAGE = "image"  # a figure's image; its text is the image's path in the published files
    ALT = "alt"  # the alternative text of the image just before it: translated, shown as its alt

    @property
    def translatable(self) -> bool:
        """Code and images are published as they are, never translated."""
        return self not in {BlockKind.CODE, BlockKind.IMAGE}


@dataclass(frozen=True, slots=True)
class Box:
    """The frame a block is shown in: an admonition, a table, a figure, an example, a list.

    Consecutive blocks with the same box are one frame on the page (``number`` tells two
    adjacent notes apart); ``row`` places a table cell.
    """

    kind: str  # note | tip | important | warning | caution | sidebar | table | figure | example | varlist
    number: int
    row: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    """A cross-reference or URL inside a block: its words, and where it points as published."""

    text: str
    target: str  # "sect.apt-get.html#sect.apt-update", "https://…"


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    line: int
    page: str | None = None  # the published page (file name) of a book; None for a single file
    anchor: str | None = None  # the id it carries in the published markup (cross-reference target)
    box: Box | None = None
    links: tuple[Link, ...] = ()
    level: int = 0  # nesting of a list entry (0: top level)

    def __repr__(self) -> str:
        preview = self.text if len(self.text) < 40 else self.text[:37] + "..."
        return f"<{self.kind} @{self.page or ''}:{self.line} {preview!r}>"


@dataclass(frozen=True, slots=True)
class Item:
    number: int  # 1-based position of the item in the whole document
    line: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """An architecture group (``6.2.1. All Architectures``) or a section's bare item list."""

    number: str | None
    arch: str | None
    heading: Block | None
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A chapter (at the top of a document) or a section at any depth below it."""

    number: str | None
    heading: Block
    groups: tuple[Group, ...] = ()
    blocks: tuple[Block, ...] = ()  # its own blocks: introduction and prose, before items
    sections: tuple[Section, ...] = ()

    @property
    def key(self) -> str:
        """How references name the section: its number, else its published id, else its title."""
        return (
            self.number or self.heading.anchor or "-".join(_KEY_SPLIT.split(self.heading.text.lower())).strip("-")[:40]
        )

    def walk(self) -> Iterator[tuple[int, Section]]:
        """This section and every section below it, with its depth (0 for this one)."""
        yield 0, self
        for child in self.sections:
            for depth, section in child.walk():
                yield depth + 1, section


@dataclass(frozen=True, slots=True)
class Placement:
    """One block at one place of the document: the unit of detection, references and anchors."""

    section: str | None  # the key of the section the block stands in (None: the chapter itself)
    group: str | None
    arch: str | None
    item: int | None
    index: int  # position of the block inside its item or section (0 for headings)
    block: Block
    ref: str  # as written in ``#:`` references, without the document's name
    chapter: int = 0  # position of the chapter in the document's parts (its site pages)


@dataclass(frozen=True, slots=True)
class Document:
    source: str
    locale: str  # POSIX form, e.g. ``pt_BR``
    chapters: tuple[Section, ...]
    pages: tuple[str, ...] = ()  # a book's pages in reading order; empty for a single file
    # What the reader met and survived, one line each: (page or None, line, message).
    problems: tuple[tuple[str | None, int, str], ...] = ()

    @property
    def name(self) -> str:
        """The document's short name (``virtualization``), used in catalog references."""
        return document_name(self.source)

    @property
    def is_book(self) -> bool:
        """Whether each chapter is a page of its own on the site, told by the document's shape.

        Several pages or several chapters make a book. So does one page whose title carries no
        number and whose top-level sections are its chapters (an Asciidoctor or Sphinx single
        page): a release-notes chapter is numbered as a part of a larger whole
        (``6. Virtualization``) or has architecture groups.
        """
        if self.pages or len(self.chapters) > 1:
            return True
        chapter = self.chapters[0]
        if chapter.number is not None or len(chapter.sections) < 2:
            return False
        return not any(group.arch for _depth, section in chapter.walk() for group in section.groups)

    @property
    def parts(self) -> tuple[Section, ...]:
        """The chapters as the site publishes them, one page each for a book.

        A single-page book whose chapters are the top-level sections of its one title is split
        there: the title keeps its own blocks (the home page), each section becomes a chapter.
        """
        if len(self.chapters) == 1 and not self.pages and self.is_book:
            title = self.chapters[0]
            return (Section(title.number, title.heading, title.groups, title.blocks), *title.sections)
        return self.chapters

    def slugs(self) -> list[tuple[str, Section]]:
        """Each part with its site page, unique within the document (see :func:`chapter_slug`)."""
        taken: set[str] = set()
        found = []
        single = not self.pages
        for position, part in enumerate(self.parts):
            slug = "index" if single and position == 0 else chapter_slug(part, position, self.locale)
            base, n = slug, 1
            while slug in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug)
            found.append((slug, part))
        return found

    # A one-chapter document (the release-notes chapter) reads as that chapter.
    @property
    def number(self) -> str | None:
        return self.chapters[0].number

    @property
    def heading(self) -> Block:
        return self.chapters[0].heading

    @property
    def intro(self) -> tuple[Block, ...]:
        return self.chapters[0].blocks

    @property
    def sections(self) -> tuple[Section, ...]:
        """Every chapter's top-level sections, in reading order."""
        return tuple(section for chapter in self.chapters for section in chapter.sections)

    def items(self) -> Iterator[tuple[Section, Group, Item]]:
        for chapter in self.chapters:
            for _depth, section in chapter.walk():
                for group in section.groups:
                    for item in group.items:
                        yield section, group, item

    def placements(self) -> Iterator[Placement]:
        """Every block in document order, each with the place it stands in."""
        if not self.is_book:
            yield from self._chapter_placements(0, self.chapters[0], "index", book=False)
            return
        for position, (page, chapter) in enumerate(self.slugs()):
            yield from self._chapter_placements(position, chapter, page, book=True)

    def _chapter_placements(self, position: int, chapter: Section, page: str, *, book: bool) -> Iterator[Placement]:
        for depth, section in chapter.walk():
            key = None if depth == 0 else section.key
            anchor = section.heading.anchor or section_anchor(section.key)
            if depth == 0 and not book:
                heading_ref, block_ref = "title", "intro"
            elif depth > 0 and section.number and not book:
                heading_ref, block_ref = section.number, f"{page}#{anchor}/"
            else:
                heading_ref, block_ref = f"{page}#{anchor}", f"{page}#{anchor}/"
            yield Placement(key, None, None, None, 0, section.heading, heading_ref, position)
            for index, block in enumerate(section.blocks):
                ref = block_ref if block_ref == "intro" else f"{block_ref}{index}"
                yield Placement(key, None, None, None, index, block, ref, position)
            for group in section.groups:
                if group.heading is not None:
                    ref = f"{group.number or section.key}/{group.arch}"
                    yield Placement(key, group.number, group.arch, None, 0, group.heading, ref, position)
                for item in group.items:
                    where = f"{page}#{anchor}" if book else section.key
                    ref = f"{where}/{group.arch or '-'}/{item.number}"
                    for index, block in enumerate(item.blocks):
                        yield Placement(key, group.number, group.arch, item.number, index, block, ref, position)


def document_name(source: str) -> str:
    """``sources/virtualization.pt_BR.txt`` and ``sources/handbook.en/`` -> ``virtualization``, ``handbook``."""
    base = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return base.split(".", 1)[0]


def section_anchor(key: str) -> str:
    """The anchor of a section's heading on a page: ``section-6-3``."""
    return "section-" + "-".join(key.replace(".", " ").split())


def page_stem(page: str, locale: str | None = None) -> str:
    """A published page's name without its extension and without the language suffix of the
    book's locale (``ch01.de.html`` -> ``ch01``): editions that share one folder name their
    pages by language, and the site gives each language its own folder instead."""
    stem = page.rsplit(".", 1)[0]
    base, _, suffix = stem.rpartition(".")
    if base and locale:
        ours = {locale.lower().replace("_", "-"), locale.split("_")[0].lower()}
        if suffix.lower().replace("_", "-") in ours:
            return base
    return stem


def chapter_slug(chapter: Section, position: int, locale: str | None = None) -> str:
    """The site page of a book's chapter: its first published page's name, else its number
    (``chapter-3``, ``chapter-a``), else the id it is published under, else its position."""
    page = chapter.heading.page
    if page:
        return page_stem(page, locale)
    if chapter.number:
        return f"chapter-{chapter.number}".replace(".", "-").lower()
    anchor = (chapter.heading.anchor or "").lower()
    if _SLUG.fullmatch(anchor) and anchor not in _TAKEN and not _LANGUAGE_LIKE.fullmatch(anchor):
        return anchor
    return f"part-{position + 1}"
