"""Frames: admonitions, sidebars, examples, tables and variable lists, each read as the
blocks it shows inside one :class:`~relnotes.model.Box`.

A mixin of the page walker (:class:`relnotes.read.html.PageReader`): a frame's content is
ordinary markup again (paragraphs, screens, lists), which the walker reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import count
from typing import TYPE_CHECKING

from bs4 import Tag

from relnotes.model import BlockKind, Box
from relnotes.read.assemble import BlockEvent, Event, split_caption
from relnotes.read.book import Book
from relnotes.read.markup import BLOCK_TAGS, anchor, classes, inline
from relnotes.read.text import normalise

if TYPE_CHECKING:
    from relnotes.read.html import PageReader

    _Base = PageReader
else:
    _Base = object


CAPTIONED = {"table", "figure", "example"}  # formal objects: DocBook numbers their titles


class FrameReader(_Base):
    boxes: count
    book: Book

    def frame(self, tag: Tag, kind: str, depth: int, box: Box | None) -> Iterator[Event]:
        inner = Box(kind, next(self.boxes))
        if kind == "table":
            events: Iterator[Event] = self.table(tag, inner)
        elif "admonitionblock" in classes(tag):  # Asciidoctor: a one-row table (icon title, content)
            events = (event for cell in tag.find_all("td") for event in self.walk(cell, depth, inner))
        else:
            events = self.walk(tag, depth, inner)
        yield from _anchored(tag, events)

    def table(self, tag: Tag, box: Box) -> Iterator[Event]:
        """A title, then every cell in row order: ``thead`` rows come first, as published."""
        title = tag.find(["p", "div", "caption"], class_="title") or tag.find("caption")
        if title is not None:
            yield from self.title(title, box)
        table = tag if tag.name == "table" else tag.find("table")
        if table is None:
            return
        for row_number, row in enumerate(table.find_all("tr")):
            if row.find_parent("table") is not table:
                continue  # a nested table's rows are its own
            cell_box = Box(box.kind, box.number, row_number)
            for cell in row.find_all(["td", "th"], recursive=False):
                if any(c.name in BLOCK_TAGS for c in cell.children if isinstance(c, Tag)):
                    for event in self.walk(cell, 0, cell_box):
                        if isinstance(event, BlockEvent) and event.block.kind is BlockKind.PARAGRAPH:
                            event = BlockEvent(replace(event.block, kind=BlockKind.CELL), False)
                        yield event
                else:
                    text, links = inline(list(cell.children))
                    if text:
                        yield BlockEvent(self.block(BlockKind.CELL, text, cell, cell_box, links), False)

    def varlist(self, tag: Tag, depth: int, box: Box) -> Iterator[Event]:
        """Each ``dt`` a term, each ``dd`` the blocks that define it."""
        for child in tag.children:
            if not isinstance(child, Tag):
                continue
            if child.name == "dt":
                text, links = inline(list(child.children))
                if text:
                    yield BlockEvent(self.block(BlockKind.TERM, text, child, box, links, anchor(child)), False)
            elif child.name == "dd":
                yield from self.walk(child, depth, box)

    def title(self, tag: Tag, box: Box | None) -> Iterator[Event]:
        text, links = inline(list(tag.children))
        if box is not None and box.kind in CAPTIONED:
            text = split_caption(text)
        if text:
            yield BlockEvent(self.block(BlockKind.TITLE, text, tag, box, links, anchor(tag)), False)

    def image(self, tag: Tag, box: Box | None) -> Iterator[Event]:
        """The image's path, then its alternative text when it says something in words."""
        src = tag.get("src")
        if src and not self.book.holds(str(src), self.page, tag.sourceline or 0):
            return
        if src and "callout" not in classes(tag):
            yield BlockEvent(self.block(BlockKind.IMAGE, self.book.path_of(str(src), self.page), tag, box), False)
            alt = normalise(str(tag.get("alt") or ""))
            stem = str(src).rsplit("/", 1)[-1].rsplit(".", 1)[0]
            if sum(c.isalpha() for c in alt) >= 2 and alt.lower() not in {stem.lower(), str(src).lower()}:
                yield BlockEvent(self.block(BlockKind.ALT, alt, tag, box), False)


def _anchored(tag: Tag, events: Iterator[Event]) -> Iterator[Event]:
    """Give a frame's title the frame's id (``<div id>`` or a leading ``<a id>``): xrefs point there."""
    found = tag.get("id") or next((a.get("id") for a in tag.find_all("a", recursive=False) if a.get("id")), None)
    for event in events:  # the title may follow the content (a DocBook figure's does)
        if found and isinstance(event, BlockEvent) and event.block.kind is BlockKind.TITLE:
            event = BlockEvent(replace(event.block, anchor=str(found)), False)
            found = None
        yield event
