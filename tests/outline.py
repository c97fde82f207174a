"""A document tree as indented lines, so a test can state a whole tree exactly and a failure
shows which line differs.

``§6.1 Title #anchor`` a chapter or section; ``group 6.2.1 x86``; ``item 3``; a block is
``kind/box-number[r row] [L level] 'text' [#anchor] [-> link targets]``.
"""

from __future__ import annotations

from collections.abc import Iterator

from relnotes.model import Block, Document, Section


def describe(block: Block) -> str:
    text = str(block.kind)
    if block.box is not None:
        text += f"/{block.box.kind}{block.box.number}" + (f"r{block.box.row}" if block.box.row else "")
    if block.level:
        text += f" L{block.level}"
    text += f" {block.text!r}"
    if block.anchor:
        text += f" #{block.anchor}"
    if block.links:
        text += " -> " + " ".join(link.target for link in block.links)
    return text


def _section(section: Section, depth: int) -> Iterator[str]:
    pad = "  " * depth
    heading = section.heading
    yield f"{pad}§{section.number or '-'} {heading.text}" + (f" #{heading.anchor}" if heading.anchor else "")
    for block in section.blocks:
        yield f"{pad}  {describe(block)}"
    for group in section.groups:
        yield f"{pad}  group {group.number or '-'} {group.arch or '-'}"
        for item in group.items:
            yield f"{pad}    item {item.number}"
            yield from (f"{pad}      {describe(block)}" for block in item.blocks)
    for child in section.sections:
        yield from _section(child, depth + 1)


def outline(document: Document) -> list[str]:
    return [line for chapter in document.chapters for line in _section(chapter, 0)]
