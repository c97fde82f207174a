"""Read published HTML (DocBook XSL, Publican, Sphinx, Asciidoctor, AsciiDoc, any book whose
sections are headings) with BeautifulSoup into events.

Structure is explicit in this markup, so the reader follows it rather than guessing:
``section`` elements and ``div.section`` (Asciidoctor: ``div.sect1``…) nesting give heading
depth, chapter-like divisions (``div.chapter``, ``preface``, ``appendix``, ``article``,
``book``) start at depth 0; ``div.para`` and ``p`` are paragraphs (one block each, however
much inline markup or how many URLs they hold); ``pre`` is code; admonitions, tables,
figures, examples and variable lists are frames (:mod:`relnotes.read.frames`). A list that
stands directly in a section yields release-notes item events; the tree builder decides
whether they stay items.

Before the walk, a page nested deeper than any document is refused in one line, the
content is taken from the page's one ``main`` landmark when it has one, tag soup is
repaired (:mod:`relnotes.read.markup`) and chrome removed by role (:mod:`relnotes.read.roles`),
so the walk never exhausts Python's stack and never reads navigation as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from itertools import count
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from relnotes.errors import SourceError
from relnotes.model import Block, BlockKind, Box
from relnotes.read.assemble import BlockEvent, Event, HeadingEvent, ItemEvent, split_label, split_number
from relnotes.read.book import Book
from relnotes.read.frames import FrameReader
from relnotes.read.markup import (
    BLOCK_TAGS,
    CHAPTERS,
    HEADINGS,
    LIST_TAGS,
    PARA_CLASSES,
    SECTIONS,
    TITLE_CLASSES,
    anchor,
    box_kind,
    classes,
    html_lang,
    inline,
    is_chrome,
    parse_html,
    refuse_deep,
    repair_soup,
)
from relnotes.read.roles import strip_chrome

__all__ = ["html_events", "html_lang", "parse_html"]

# Inside a paragraph these are its continuation (a list or screen the sentence runs into);
# so is a division holding them (``div.itemizedlist``), not one holding words (``div.url``).
_NESTED = {"pre", "ul", "ol", "dl", "table", "blockquote"}
_NESTED_INSIDE = [*_NESTED, "p", "div", "img"]


class PageReader(FrameReader):
    """Walks one page; ``depth`` is the section depth, ``box`` the frame blocks are shown in."""

    def __init__(self, path: str, page: str | None, boxes: count, book: Book | None = None) -> None:
        self.path = path
        self.page = page
        self.boxes = boxes
        self.book = book or Book(Path(path).parent)

    def block(self, kind: BlockKind, text: str, tag: Tag, box: Box | None, links=(), anchor=None, level=0) -> Block:
        return Block(kind, text, tag.sourceline or 0, self.page, anchor, box, tuple(links), level)

    def walk(self, node: Tag, depth: int, box: Box | None) -> Iterator[Event]:
        """The blocks of ``node`` at section ``depth``.

        Headings side by side in one container (a page of ``h1``, ``h2``, ``h3`` and no
        section elements) nest by their level, counted from the container's first heading.
        """
        loose: list[Tag | NavigableString] = []
        base: int | None = None
        for child in node.children:
            if not isinstance(child, Tag) or child.name not in BLOCK_TAGS:
                if isinstance(child, Tag) and is_chrome(child):
                    continue
                loose.append(child)
                continue
            yield from self._flush(loose, node, box, in_item=False)
            if is_chrome(child):
                continue
            at = depth
            if child.name in HEADINGS and box is None:
                level = int(child.name[1])
                base = level if base is None else base
                at = depth + max(0, level - base)
            yield from self.element(child, at, box)
        yield from self._flush(loose, node, box, in_item=False, anchor=_note_anchor(node))

    def _flush(self, loose: list, where: Tag, box: Box | None, *, in_item: bool, kind=BlockKind.PARAGRAPH, anchor=None):
        text, links = inline(loose)
        loose.clear()
        if text and not _is_note_label(text, links):
            yield BlockEvent(self.block(kind, text, where, box, links, anchor), in_item)

    def element(self, tag: Tag, depth: int, box: Box | None) -> Iterator[Event]:
        names = classes(tag)
        name = tag.name
        if names & CHAPTERS:
            yield from self.walk(tag, 0, box)
        elif names & SECTIONS or (name == "section"):
            yield from self.walk(tag, depth + 1, box)
        elif name in HEADINGS:
            yield from self.heading(tag, depth, box, names)
        elif name == "pre":
            text = tag.get_text().strip("\n").rstrip()
            if text.strip():
                yield BlockEvent(self.block(BlockKind.CODE, text, tag, box), box is None)
        elif name == "dl":
            inner = box if box is not None and box.kind == "varlist" else Box("varlist", next(self.boxes))
            yield from self.varlist(tag, depth, inner)
        elif (kind := box_kind(tag)) is not None:
            yield from self.frame(tag, kind, depth, box)
        elif name in LIST_TAGS:
            yield from self.list(tag, depth, box, level=0, items=box is None)
        elif names & TITLE_CLASSES or name == "figcaption":
            yield from self.title(tag, box)
        elif name == "p" or names & PARA_CLASSES:
            yield from self.para(tag, depth, box)
        elif name == "img":
            yield from self.image(tag, box)
        else:
            yield from self.walk(tag, depth, box)

    def heading(self, tag: Tag, depth: int, box: Box | None, names: set[str]) -> Iterator[Event]:
        """A chapter or section title opens a level; a subtitle, an author or a box title is a block."""
        text, links = inline(list(tag.children))
        if not text:
            return
        if box is not None or (names and "title" not in names):
            yield BlockEvent(self.block(BlockKind.TITLE, text, tag, box, links, anchor(tag)), False)
            return
        number, title = split_label(text) if depth == 0 else split_number(text)
        yield HeadingEvent(depth, number, title, tag.sourceline or 0, self.page, anchor(tag), tuple(links))

    def para(self, tag: Tag, depth: int, box: Box | None, kind=BlockKind.PARAGRAPH, in_item=False):
        """One block for the paragraph's own text; a list or screen inside it follows it.

        Publican writes ``div.para`` because a DocBook paragraph may hold a list, a table or
        a screen (often wrapped in a ``div.itemizedlist``): those are the paragraph's
        continuation, framed with it, never part of its text.
        """
        own: list = []
        nested: list[Tag] = []
        for child in tag.children:
            if isinstance(child, Tag) and _continues(child):
                nested.append(child)
            elif not (isinstance(child, Tag) and is_chrome(child)):
                own.append(child)
        for event in self._flush(own, tag, box, in_item=in_item, kind=kind):
            target = _paragraph_anchor(tag)
            yield BlockEvent(replace(event.block, anchor=target), event.in_item) if target else event
        for child in nested:
            yield from self.element(child, depth, box or Box("para", next(self.boxes)))

    def list(self, tag: Tag, depth: int, box: Box | None, *, level: int, items: bool) -> Iterator[Event]:
        for li in tag.find_all("li", recursive=False):
            if items:
                yield ItemEvent(li.sourceline or 0)
            yield from self.entry(li, depth, box, level=level, items=items)

    def entry(self, li: Tag, depth: int, box: Box | None, *, level: int, items: bool) -> Iterator[Event]:
        """A list entry. In an item, its blocks are the item's; elsewhere its first block is a list
        item at ``level`` and the others continue it (``level + 1``), so pages can nest them back."""
        loose: list = []
        state = {"lead": True}

        def emit(block: Block) -> BlockEvent:
            lead, state["lead"] = state["lead"], False
            if items and block.level == 0 and block.kind is not BlockKind.LIST_ITEM:
                return BlockEvent(block, True)
            if lead and block.kind is BlockKind.PARAGRAPH:
                kind, at = BlockKind.LIST_ITEM, level
            else:
                kind, at = block.kind, max(block.level, level + (block.kind is not BlockKind.LIST_ITEM))
            return BlockEvent(replace(block, kind=kind, level=at), items)

        for child in li.children:
            if isinstance(child, Tag) and is_chrome(child):
                continue
            if not isinstance(child, Tag) or child.name not in BLOCK_TAGS:
                loose.append(child)
                continue
            for event in self._flush(loose, li, box, in_item=items):
                yield emit(event.block)
            nested = child if child.name in LIST_TAGS else None
            if nested is None and child.name == "div" and not classes(child) & PARA_CLASSES:
                found = child.find(LIST_TAGS)
                nested = found if found is not None and found.find_parent("div") is child else None
            if nested is not None:
                for sub in nested.find_all("li", recursive=False):
                    for event in self.entry(sub, depth, box, level=level + 1, items=False):
                        yield BlockEvent(event.block, items) if isinstance(event, BlockEvent) else event
                state["lead"] = False
                continue
            for event in self.element(child, depth, box):
                if isinstance(event, HeadingEvent):
                    event = BlockEvent(_entry_title(event), items)
                yield emit(event.block) if isinstance(event, BlockEvent) else event
        for event in self._flush(loose, li, box, in_item=items):
            yield emit(event.block)


def _paragraph_anchor(tag: Tag) -> str | None:
    """The id a cross-reference or footnote link reaches a paragraph by: its own, an empty
    ``<a id>`` it starts with (DocBook), or that of the footnote it is the text of."""
    if tag.get("id"):
        return str(tag["id"])
    first = next((c for c in tag.children if isinstance(c, Tag) or str(c).strip()), None)
    if isinstance(first, Tag) and first.name == "a" and first.get("id") and not first.get("href"):
        return str(first["id"])
    parent = tag.parent
    note = _note_anchor(parent) if isinstance(parent, Tag) else None
    return note if note and parent.find(["p", "div"], recursive=False) is tag else None


def _note_anchor(tag: Tag) -> str | None:
    """The id of a footnote, for the paragraph that is its text or for its text standing in it
    directly (Asciidoctor's ``div.footnote``), so that its citation keeps working as a link."""
    names = " ".join([*classes(tag), str(tag.get("role", ""))])
    return str(tag["id"]) if tag.get("id") and "footnote" in names else None


_NOTE_LABEL = re.compile(r"^[\[(]?\d{1,4}[\])]?\.?$")


def _is_note_label(text: str, links: list) -> bool:
    """A footnote's generated label ("[1]") standing alone, linked back to its reference."""
    return bool(links) and _NOTE_LABEL.match(text) is not None and all(ln.target.startswith("#") for ln in links)


def _entry_title(event: HeadingEvent) -> Block:
    """A heading inside a list entry leads the entry like its first paragraph would; it opens
    no section in the middle of a list."""
    text = f"{event.number}. {event.title}" if event.number else event.title
    return Block(BlockKind.PARAGRAPH, text, event.line, event.page, event.anchor, None, event.links)


def _continues(tag: Tag) -> bool:
    """Whether markup inside a paragraph is block content that follows the paragraph's text."""
    if tag.name in _NESTED or box_kind(tag):
        return True
    return tag.name == "div" and tag.find(_NESTED_INSIDE) is not None


def content_root(soup: BeautifulSoup, mains: list[Tag]) -> Tag:
    """Where the page's content is: its one ``main`` landmark, else its body."""
    landmarks = [tag for tag in mains if tag.name == "main"] or mains
    if len(landmarks) == 1 and landmarks[0].get_text(strip=True):
        return landmarks[0]
    return soup.body or soup


def html_events(
    soup: BeautifulSoup, path: str, page: str | None = None, boxes: count | None = None, book: Book | None = None
) -> Iterator[Event]:
    """The events of one page; ``boxes`` numbers frames across the pages of a book, ``book``
    is the folder its files must stay in (a single page's: the folder it is in)."""
    root = content_root(soup, refuse_deep(soup, path))
    if root.find(HEADINGS) is None and root.find(["p", "li"]) is None and not root.select("div.para"):
        raise SourceError(path, "no heading, paragraph or list found; is this a documentation page?")
    repair_soup(root)
    strip_chrome(root)
    yield from PageReader(path, page, boxes or count(1), book).walk(root, 0, None)
