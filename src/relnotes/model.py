"""The document tree every reader produces and every later stage consumes.

Records are frozen and slotted: a parsed chapter is a value that detection, catalogs and
pages share without copying or fear of mutation. Positions (``line``) point into the
source file so that warnings can speak in ``path:line`` terms.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    CODE = "code"

    @property
    def translatable(self) -> bool:
        """Code is quoted verbatim (error messages, config lines), never translated."""
        return self is not BlockKind.CODE


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    line: int

    def __repr__(self) -> str:
        preview = self.text if len(self.text) < 40 else self.text[:37] + "..."
        return f"<{self.kind} @{self.line} {preview!r}>"


@dataclass(frozen=True, slots=True)
class Item:
    number: int  # 1-based position of the item in the whole chapter
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
    number: str | None
    heading: Block
    groups: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class Placement:
    """One block at one place of the chapter: the unit of detection, references and anchors."""

    section: str | None
    group: str | None
    arch: str | None
    item: int | None
    index: int  # position of the block inside its item (0 for headings and intro)
    block: Block

    @property
    def ref(self) -> str:
        """Where the block stands, as written in ``#:`` references.

        ``6.3/ia64/47`` for an item's block, ``6.3.4/ia64`` for a group heading, ``6.3`` for a
        section heading, ``title`` and ``intro`` for the chapter's own.
        """
        if self.item is not None:
            return f"{self.section}/{self.arch or '-'}/{self.item}"
        if self.block.kind is BlockKind.HEADING:
            if self.group:
                return f"{self.group}/{self.arch}"
            return self.section or "title"
        return "intro"


@dataclass(frozen=True, slots=True)
class Document:
    source: str
    locale: str  # POSIX form, e.g. ``pt_BR``
    number: str | None
    heading: Block
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]

    @property
    def name(self) -> str:
        """The document's short name (``virtualization``), used in catalog references."""
        base = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return base.split(".", 1)[0]

    def items(self) -> Iterator[tuple[Section, Group, Item]]:
        for section in self.sections:
            for group in section.groups:
                for item in group.items:
                    yield section, group, item

    def placements(self) -> Iterator[Placement]:
        """Every block in document order, each with the place it stands in."""
        yield Placement(None, None, None, None, 0, self.heading)
        for block in self.intro:
            yield Placement(None, None, None, None, 0, block)
        for section in self.sections:
            yield Placement(section.number, None, None, None, 0, section.heading)
            for group in section.groups:
                if group.heading is not None:
                    yield Placement(section.number, group.number, group.arch, None, 0, group.heading)
                for item in group.items:
                    for index, block in enumerate(item.blocks):
                        yield Placement(section.number, group.number, group.arch, item.number, index, block)
