"""How far each chapter and section of a book is in each language, for the status page.

The status page of release notes counts by the places ``#:`` references name (section ×
architecture). A book is read by chapter and section title instead: this counts the blocks
of each of its site pages (chapters) and of each top-level section of a chapter, in reading
order, in every language, with the same states as :mod:`relnotes.track` (a text counts once
per place it is shown).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import polib

from relnotes.catalog.template import TemplateEntry
from relnotes.locales import LocaleId
from relnotes.model import Block, Document, Section, section_anchor
from relnotes.track import Counts, index, state
from relnotes.track.places import page_url


@dataclass(frozen=True, slots=True)
class SectionProgress:
    number: str | None
    title: str  # as the status page's language shows it
    link: str  # from the site root of a language: ``chapter-3/#install``
    counts: dict[str, Counts]  # POSIX locale -> counts


@dataclass(frozen=True, slots=True)
class ChapterProgress:
    number: str | None
    title: str
    link: str  # from the site root of a language: ``chapter-3/``
    counts: dict[str, Counts]  # the whole chapter page
    own: dict[str, Counts]  # its title and introduction, before its first section
    sections: tuple[SectionProgress, ...] = ()


@dataclass(frozen=True, slots=True)
class BookProgress:
    title: str
    chapters: tuple[ChapterProgress, ...] = field(default_factory=tuple)


def _own_blocks(section: Section) -> Iterator[Block]:
    yield section.heading
    yield from section.blocks
    for group in section.groups:
        if group.heading is not None:
            yield group.heading
        for item in group.items:
            yield from item.blocks


def _all_blocks(section: Section) -> Iterator[Block]:
    for _depth, inner in section.walk():
        yield from _own_blocks(inner)


class Counter:
    """Each block's state in each language: counted once per section, whichever page asks."""

    def __init__(self, template: Sequence[TemplateEntry], catalogs: dict[LocaleId, polib.POFile | None]) -> None:
        self.entries = {entry.msgid: entry for entry in template}
        self.catalogs = {locale.posix: index(catalog) for locale, catalog in catalogs.items()}
        self.languages = {locale.posix: locale.language for locale in catalogs}
        self._done: dict[tuple[int, bool], dict[str, Counts]] = {}

    def count(self, section: Section, *, whole: bool) -> dict[str, Counts]:
        """The section's blocks (``whole``: with every section below it) in every language."""
        key = (id(section), whole)
        if key not in self._done:
            self._done[key] = self._count(_all_blocks(section) if whole else _own_blocks(section))
        return self._done[key]

    def _count(self, blocks: Iterator[Block]) -> dict[str, Counts]:
        counts = {locale: Counts() for locale in self.catalogs}
        for block in blocks:
            entry = self.entries.get(block.text) if block.kind.translatable else None
            if entry is None:
                continue
            for locale, entries in self.catalogs.items():
                counts[locale].add(state(entry, self.languages[locale], entries))
        return counts


def book_progress(document: Document, prefix: str, counter: Counter, title: Callable[[Block], str]) -> BookProgress:
    """Every chapter page of ``document`` and each of its top-level sections, in reading order.

    ``prefix`` is where the document's pages live below a language's root; ``title`` shows a
    heading in the status page's language. ``counter`` must outlive the document's pages.
    """
    chapters = []
    for slug, chapter in document.slugs():
        link = prefix + page_url(slug)
        sections = tuple(
            SectionProgress(
                section.number,
                title(section.heading),
                f"{link}#{section.heading.anchor or section_anchor(section.key)}",
                counter.count(section, whole=True),
            )
            for section in chapter.sections
        )
        own = counter.count(chapter, whole=False)
        chapters.append(
            ChapterProgress(
                chapter.number, title(chapter.heading), link, counter.count(chapter, whole=True), own, sections
            )
        )
    return BookProgress(title(document.heading), tuple(chapters))
