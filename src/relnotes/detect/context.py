"""The texts around each block of a document: what a short or uncertain block is decided with.

A block of two words, or one the backend is unsure of, says little alone; the blocks around
it on the page say which language the page is in at that place (``relnotes.detect.page``).
"""

from __future__ import annotations

from collections import defaultdict

from relnotes.model import BlockKind, Document, Placement

NEIGHBOURS = 3  # paragraphs outside items take this many neighbours each side as context
HEADING_NEIGHBOURS = 25  # headings take this many headings each side as context
MAX_CONTEXT = 100  # a text's context (over all its places) stops growing at this many texts


def contexts_of(document: Document, placements: list[Placement]) -> dict[str, list[str]]:
    """The texts around each distinct block text, over every place it appears.

    A heading's context is the headings around it (``HEADING_NEIGHBOURS`` each side: every
    other heading of a chapter of release notes, the nearby ones in a book); an item's
    block, the rest of its item; a paragraph outside any item (a chapter intro, a book's
    prose), its ``NEIGHBOURS`` paragraphs each side within the same section and group.

    Linear in the blocks: each place adds a bounded window, deduplicated in a dict, and a
    text's context stops growing at ``MAX_CONTEXT`` texts. (Every heading took every other
    heading, deduplicated in a list: 2,000 one-section pages took 70 s, growing cubically.)
    """
    headings = [position for position, p in enumerate(placements) if p.block.kind is BlockKind.HEADING]
    heading_at = {position: at for at, position in enumerate(headings)}
    item_texts: dict[int, list[str]] = defaultdict(list)
    loose: dict[tuple[str | None, str | None], list[int]] = defaultdict(list)
    for position, p in enumerate(placements):
        if not p.block.kind.translatable:
            continue
        if p.item is not None:
            item_texts[p.item].append(p.block.text)
        elif p.block.kind is not BlockKind.HEADING:
            loose[(p.section, p.group)].append(position)
    neighbours: dict[int, list[str]] = {}
    for positions in loose.values():
        for at, position in enumerate(positions):
            window = positions[max(0, at - NEIGHBOURS) : at] + positions[at + 1 : at + 1 + NEIGHBOURS]
            neighbours[position] = [placements[n].block.text for n in window]
    found: dict[str, dict[str, None]] = defaultdict(dict)
    for position, p in enumerate(placements):
        text = p.block.text
        if p.block.kind is BlockKind.HEADING:
            at = heading_at[position]
            window = headings[max(0, at - HEADING_NEIGHBOURS) : at + 1 + HEADING_NEIGHBOURS]
            around = [placements[n].block.text for n in window]
        elif p.item is not None:
            around = item_texts[p.item]
        else:
            around = neighbours.get(position, [])
        seen = found[text]
        for other in around:
            if len(seen) >= MAX_CONTEXT:
                break
            if other != text:
                seen[other] = None
    return {text: list(seen) for text, seen in found.items()}
