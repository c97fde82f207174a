"""Turn the flat event stream of a reader into the document tree.

Every reader (text, HTML, a book's pages) emits the same three events, so the rules that
give a document its shape live here once and the readers cannot drift apart:

- a heading opens a chapter (depth 0) or a section below the nearest shallower one;
- blocks outside items are the section's own (its introduction, its prose);
- bulleted entries are release-notes *items* only where a section is an introduction
  followed by lists; where prose follows a list, the list was part of the prose and its
  entries become list-item blocks;
- subsections made only of items become *architecture groups* when one of them names an
  architecture (``6.2.2. x86 Architectures``, ``All Architectures``, ``Todas as arquiteturas``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from relnotes.errors import SourceError
from relnotes.model import Block, BlockKind, Document, Group, Item, Link, Section
from relnotes.read.footnotes import home_footnotes

# Longest names first, so that x86_64 is not read as x86.
_ARCH = re.compile(
    r"(?<![\w])(x86_64|aarch64|ppc64le|ppc64|s390x|s390|ia64|x86|i686|i386|amd64|arm64|ppc)(?![\w])",
    re.IGNORECASE,
)
# "All architectures" in the languages release notes are published in (word order varies).
_ALL_ARCHES = re.compile(
    r"\b(all|todas?|todos|toutes?|alle|tutte|tutti|semua|wszystkie|všechny)\b.*\bar(ch|qu)it|"
    r"\bar(ch|qu)it\w*\s+(all|todas?|toutes?|alle|tutte)\b|"
    r"全(て|部)?の?アーキテクチャ|すべてのアーキテクチャ|所有架构|모든 아키텍처",
    re.IGNORECASE,
)
# "3.1.2. Title"; an appendix's sections are lettered ("A.1. Title"), never a lone letter.
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*|[A-Z](?:\.\d+)+)\.?\s+(\S.*)$")
# A chapter title as DocBook labels it: "Chapter 6. APT", "Apêndice A. …", "第 6 章 …", "6장. …".
_LABELLED = re.compile(r"^(?:\S+\s+)?(?:第\s*)?(\d+|[A-Z])(?:\s*[章장])?[.:]?\s+(\S.*)$")


@dataclass(frozen=True, slots=True)
class HeadingEvent:
    depth: int  # 0 chapter, 1 section, 2 subsection or architecture group, …
    number: str | None
    title: str
    line: int
    page: str | None = None
    anchor: str | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemEvent:
    line: int


@dataclass(frozen=True, slots=True)
class BlockEvent:
    block: Block
    in_item: bool


Event = HeadingEvent | ItemEvent | BlockEvent


def split_number(title: str) -> tuple[str | None, str]:
    """``6.2.1. All Architectures`` -> (``6.2.1``, ``All Architectures``): numbers are structure."""
    match = _NUMBERED.match(title.strip())
    if match:
        return match.group(1), match.group(2).strip()
    return None, title.strip()


def split_label(title: str) -> tuple[str | None, str]:
    """A chapter or appendix title without its generated label: ``Capítulo 6. APT`` -> (``6``, ``APT``)."""
    number, rest = split_number(title)
    if number is not None:
        return number, rest
    match = _LABELLED.match(title.strip())
    if match:
        return match.group(1), match.group(2).strip()
    return None, title.strip()


# A formal object's caption as DocBook labels it: "Example 6.1. …", "図 3.2 …", "شكل 3.2. …".
# Scripts without spaces write the label against its number: "表7.1 List of desktop environment".
_CAPTION = re.compile(
    r"^(?:\S+\s+(?:[A-Z]|\d+)(?:\.\d+)*\.?\s+|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{1,3}\s*\d+(?:\.\d+)*\.?\s*)(\S.*)$"
)


def split_caption(title: str) -> str:
    """A table's, figure's or example's title without its generated label and number.

    The label is the toolchain's, in the page's language: kept, it would make ``Example 6.1.
    Example entry format`` and ``مثال 6.1. Example entry format`` two texts, and the second a
    "translation" that translated nothing.
    """
    match = _CAPTION.match(title.strip())
    return match.group(1) if match else title.strip()


def arch_of(title: str) -> str | None:
    """The architecture a group heading names, ``all`` for "all architectures", else None."""
    match = _ARCH.search(title)
    if match:
        return match.group(1).lower()
    return "all" if _ALL_ARCHES.search(title) else None


@dataclass
class _Entry:
    line: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class _Node:
    """A chapter or section while it is being read: content in order, children after."""

    depth: int
    number: str | None
    heading: Block
    content: list[Block | _Entry] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    @property
    def entries(self) -> list[_Entry]:
        return [x for x in self.content if isinstance(x, _Entry) and x.blocks]

    def split(self) -> tuple[list[Block], list[_Entry]]:
        """Own blocks and items; lists that prose follows are prose (their entries list items)."""
        first_entry = next((i for i, x in enumerate(self.content) if isinstance(x, _Entry)), len(self.content))
        if all(isinstance(x, _Entry) for x in self.content[first_entry:]):
            return [x for x in self.content if isinstance(x, Block)], self.entries
        blocks: list[Block] = []
        for x in self.content:
            if isinstance(x, Block):
                blocks.append(x)
                continue
            for position, block in enumerate(x.blocks):
                lead = position == 0 and block.kind is BlockKind.PARAGRAPH
                blocks.append(_as_list_item(block) if lead else block)
        return blocks, []

    @property
    def group_like(self) -> bool:
        blocks, entries = self.split()
        return bool(entries) and not blocks and not self.children


def _as_list_item(block: Block) -> Block:
    return replace(block, kind=BlockKind.LIST_ITEM)


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.chapters: list[_Node] = []
        self.stack: list[_Node] = []
        self.front: list[Block] = []  # blocks before the first heading
        self.entry: _Entry | None = None
        self.count = 0
        self.pages: list[str] = []

    def _page(self, page: str | None) -> None:
        if page and (not self.pages or self.pages[-1] != page):
            self.pages.append(page)

    def feed(self, event: Event) -> None:
        if isinstance(event, HeadingEvent):
            self._page(event.page)
            self.entry = None
            heading = Block(BlockKind.HEADING, event.title, event.line, event.page, event.anchor, None, event.links)
            node = _Node(event.depth, event.number, heading)
            while self.stack and self.stack[-1].depth >= event.depth:
                self.stack.pop()
            if self.stack:
                self.stack[-1].children.append(node)
            else:
                if not self.chapters and self.front:
                    node.content.extend(self.front)
                self.chapters.append(node)
            self.stack.append(node)
        elif isinstance(event, ItemEvent):
            if not self.stack:
                raise SourceError(
                    self.path, "bulleted entry before any heading; add a heading like '1. Title'", event.line
                )
            self.entry = _Entry(event.line)
            self.stack[-1].content.append(self.entry)
        else:
            self._page(event.block.page)
            if event.in_item and self.entry is not None:
                self.entry.blocks.append(event.block)
            elif self.stack:
                self.entry = None
                self.stack[-1].content.append(event.block)
            else:
                self.front.append(event.block)

    # -- freezing: numbering items in document order ----------------------------------------
    def _items(self, entries: list[_Entry]) -> tuple[Item, ...]:
        items = []
        for entry in entries:
            self.count += 1
            items.append(Item(self.count, entry.line, tuple(entry.blocks)))
        return tuple(items)

    def freeze(self, node: _Node) -> Section:
        blocks, entries = node.split()
        groups: list[Group] = []
        if entries:
            groups.append(Group(None, None, None, self._items(entries)))
        named = any(arch_of(c.heading.text) for c in node.children if c.group_like)
        sections: list[Section] = []
        for child in node.children:
            if named and child.group_like:
                _, child_entries = child.split()
                arch = arch_of(child.heading.text) or "all"
                groups.append(Group(child.number, arch, child.heading, self._items(child_entries)))
            else:
                sections.append(self.freeze(child))
        return Section(node.number, node.heading, tuple(groups), tuple(blocks), tuple(sections))


def assemble(path: str, locale: str, events: Iterable[Event], *, book: bool = False) -> Document:
    """Build the tree from a reader's events; refuse a document with nothing to translate."""
    builder = _Builder(path)
    for event in events:
        builder.feed(event)
    if not builder.chapters:
        if builder.front:
            raise SourceError(path, "no heading found; start the document with a heading like '1. Title'")
        raise SourceError(path, "no heading and no paragraph found; is this a document with text?")
    chapters = tuple(builder.freeze(node) for node in builder.chapters)
    if not book and len(chapters) == 1:
        chapters = (replace(chapters[0], sections=home_footnotes(chapters[0].sections)),)
    elif not book:
        chapters = home_footnotes(chapters)
    return Document(path, locale, chapters, tuple(builder.pages) if book else ())
