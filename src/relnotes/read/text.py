"""Read the text rendering of a chapter (as the documentation portal prints it).

The rendering keeps structure only in layout: numbered headings at column 0, items as
``  • `` bullets, nested lists as ``    • ``, an item's further blocks as indented lines.
A line that follows one ending in ``:`` is quoted material (an error message, a config
line) and becomes a code block. Column-0 lines that are not headings are prose (an
introduction, a section of text); after the last heading, the first such line that follows
an item starts the site chrome (logo line, footer), which is not content.
"""

from __future__ import annotations

from collections.abc import Iterator

from relnotes.model import Block, BlockKind
from relnotes.read.assemble import BlockEvent, Event, HeadingEvent, ItemEvent, split_number

BULLET = "\u2022"


def normalise(text: str) -> str:
    return " ".join(text.split())


def _last_heading(lines: list[str]) -> int:
    """Index of the last numbered heading: what follows the items after it may be chrome."""
    last = -1
    for index, raw in enumerate(lines):
        if raw[:1].strip() and split_number(raw)[0] is not None:
            last = index
    return last


def text_events(text: str) -> Iterator[Event]:
    lines = text.splitlines()
    last_heading = _last_heading(lines)
    seen_item = False
    previous: Block | None = None  # last block of the current item, to spot code
    for index, raw in enumerate(lines):
        number = index + 1
        if not raw.strip():
            continue
        stripped = raw.lstrip()
        indent = len(raw) - len(stripped)
        if indent == 0:
            heading_number, title = split_number(raw)
            if heading_number is not None:
                previous = None
                yield HeadingEvent(heading_number.count("."), heading_number, normalise(title), number)
            elif stripped.startswith(BULLET):
                seen_item = True
                yield ItemEvent(number)
                previous = Block(BlockKind.PARAGRAPH, normalise(stripped[1:]), number)
                yield BlockEvent(previous, True)
            elif seen_item and index > last_heading:
                return  # site chrome: everything after the last item
            else:
                previous = Block(BlockKind.PARAGRAPH, normalise(raw), number)
                yield BlockEvent(previous, False)
        elif stripped.startswith(BULLET):
            kind = BlockKind.PARAGRAPH if indent <= 2 else BlockKind.LIST_ITEM
            if kind is BlockKind.PARAGRAPH:
                seen_item = True
                yield ItemEvent(number)
            previous = Block(kind, normalise(stripped[1:]), number)
            yield BlockEvent(previous, True)
        else:
            quoted = previous is not None and previous.kind is not BlockKind.CODE and previous.text.endswith(":")
            if quoted:
                previous = Block(BlockKind.CODE, stripped.rstrip(), number)
            else:
                previous = Block(BlockKind.PARAGRAPH, normalise(stripped), number)
            yield BlockEvent(previous, True)
