"""Read the text rendering of a chapter (as the documentation portal prints it).

The rendering keeps structure only in layout: numbered headings at column 0, items as
``  • `` bullets, nested lists as ``    • ``, an item's further blocks as indented lines.
A line that follows one ending in ``:`` is quoted material (an error message, a config
line) and becomes a code block. The first column-0 line that is neither a heading nor
the intro starts the site chrome (logo line, footer), which is not content.
"""

from __future__ import annotations

from collections.abc import Iterator

from relnotes.model import Block, BlockKind
from relnotes.read.assemble import BlockEvent, Event, HeadingEvent, ItemEvent, split_number

BULLET = "\u2022"


def normalise(text: str) -> str:
    return " ".join(text.split())


def text_events(text: str) -> Iterator[Event]:
    seen_section = False
    previous: Block | None = None  # last block of the current item, to spot code
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        stripped = raw.lstrip()
        indent = len(raw) - len(stripped)
        if indent == 0:
            heading_number, title = split_number(raw)
            if heading_number is not None:
                depth = heading_number.count(".")
                seen_section = seen_section or depth >= 1
                previous = None
                yield HeadingEvent(depth, heading_number, normalise(title), number)
            elif stripped.startswith(BULLET):
                previous = None
                yield ItemEvent(number)
                previous = Block(BlockKind.PARAGRAPH, normalise(stripped[1:]), number)
                yield BlockEvent(previous, True)
            elif seen_section:
                return  # site chrome: everything after the last item
            else:
                yield BlockEvent(Block(BlockKind.PARAGRAPH, normalise(raw), number), False)
        elif stripped.startswith(BULLET):
            kind = BlockKind.PARAGRAPH if indent <= 2 else BlockKind.LIST_ITEM
            if kind is BlockKind.PARAGRAPH:
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
