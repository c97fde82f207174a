"""Turn the flat event stream of a reader into the document tree.

Both readers (text and HTML) emit the same three events, so the rules that give a chapter
its shape (what opens a section, which architecture a group is about, where the intro
ends) live here once and the readers cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from relnotes.errors import SourceError
from relnotes.model import Block, BlockKind, Document, Group, Item, Section

# Longest names first, so that x86_64 is not read as x86.
_ARCH = re.compile(
    r"(?<![\w])(x86_64|aarch64|ppc64le|ppc64|s390x|s390|ia64|x86|i686|i386|amd64|arm64|ppc)(?![\w])",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")


@dataclass(frozen=True, slots=True)
class HeadingEvent:
    depth: int  # 0 chapter, 1 section, 2 architecture group
    number: str | None
    title: str
    line: int


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


def arch_of(title: str) -> str:
    """The architecture a group heading names; a group naming none is about all of them."""
    match = _ARCH.search(title)
    return match.group(1).lower() if match else "all"


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.chapter: HeadingEvent | None = None
        self.intro: list[Block] = []
        self.sections: list[Section] = []
        self.section: HeadingEvent | None = None
        self.groups: list[Group] = []
        self.group: HeadingEvent | None = None
        self.items: list[Item] = []
        self.item_line: int | None = None
        self.blocks: list[Block] = []
        self.count = 0
        self.stray: list[Block] = []

    def close_item(self) -> None:
        if self.item_line is not None and self.blocks:
            self.count += 1
            self.items.append(Item(self.count, self.item_line, tuple(self.blocks)))
        self.item_line, self.blocks = None, []

    def close_group(self) -> None:
        self.close_item()
        if self.group is not None or self.items:
            heading = self.group
            self.groups.append(
                Group(
                    heading.number if heading else None,
                    arch_of(heading.title) if heading else None,
                    Block(BlockKind.HEADING, heading.title, heading.line) if heading else None,
                    tuple(self.items),
                )
            )
        self.group, self.items = None, []

    def close_section(self) -> None:
        self.close_group()
        if self.section is not None:
            heading = Block(BlockKind.HEADING, self.section.title, self.section.line)
            self.sections.append(Section(self.section.number, heading, tuple(self.groups)))
        self.section, self.groups = None, []

    def feed(self, event: Event) -> None:
        if isinstance(event, HeadingEvent):
            if event.depth == 0 and self.chapter is None and self.section is None:
                self.chapter = event
            elif event.depth <= 1:
                self.close_section()
                self.section = event
            else:
                self.close_group()
                self.group = event
        elif isinstance(event, ItemEvent):
            if self.section is None:
                raise SourceError(
                    self.path, "item outside any numbered section; add a heading like '1.1. Title'", event.line
                )
            self.close_item()
            self.item_line = event.line
        elif event.in_item and self.item_line is not None:
            self.blocks.append(event.block)
        elif self.section is None:
            self.intro.append(event.block)
        else:
            self.stray.append(event.block)


def assemble(path: str, locale: str, events: Iterable[Event]) -> tuple[Document, list[Block]]:
    """Build the tree; also return blocks that stood outside any item after the intro."""
    builder = _Builder(path)
    for event in events:
        builder.feed(event)
    builder.close_section()
    if builder.chapter is None and not builder.sections:
        raise SourceError(path, "no numbered heading (like '6.1. Title') found; is this a release-notes chapter?")
    if builder.count == 0:
        raise SourceError(
            path, "no items found (bulleted entries under the headings); is this a release-notes chapter?"
        )
    chapter = builder.chapter or HeadingEvent(0, None, builder.sections[0].heading.text, 1)
    document = Document(
        source=path,
        locale=locale,
        number=chapter.number,
        heading=Block(BlockKind.HEADING, chapter.title, chapter.line),
        intro=tuple(builder.intro),
        sections=tuple(builder.sections),
    )
    return document, builder.stray
