"""Footnotes a single page gathers at its end go back to the chapter that cites them.

Asciidoctor (and AsciiDoc, and LaTeX-style converters) write every footnote of a page in one
list after its last section. A single-page book is published one page per chapter, so left
there every footnote would land on the last chapter's page, far from its reference (and its
backlink would cross pages). DocBook XSL and Sphinx already put a footnote at the end of
its chapter or section, and chunked books at the end of its page; this changes nothing there.

A footnote is told by how it is cited, not by a toolchain's class names: a block carrying
an id that another block links to with a note mark as the link's text (``1``, ``[2]``,
``*``), and which links back to its citation with that mark (a bibliography's ``[1] Knuth…``
is cited the same way but has no backlink, and stays). Only the notes at the very end of
the document move, each to the end of the part (chapter, or top-level section of a
one-title page) holding the first block that cites it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from relnotes.model import Block, Section

_NOTE_MARK = re.compile(r"^[\[(]?(?:\d{1,4}|[*†‡§]{1,3}|[a-z])[\])]?$")


def _blocks(section: Section) -> list[Block]:
    found = [section.heading, *section.blocks]
    found += [block for group in section.groups for item in group.items for block in item.blocks]
    for child in section.sections:
        found += _blocks(child)
    return found


def _last(section: Section) -> Section:
    return _last(section.sections[-1]) if section.sections else section


def _with_last(section: Section, blocks: tuple[Block, ...]) -> Section:
    """``section`` with the blocks of its deepest last section replaced by ``blocks``."""
    if section.sections:
        return replace(section, sections=(*section.sections[:-1], _with_last(section.sections[-1], blocks)))
    return replace(section, blocks=blocks)


def _cited(parts: tuple[Section, ...]) -> dict[str, int]:
    """Each id cited as a note, with the part that cites it first."""
    cited: dict[str, int] = {}
    for position, part in enumerate(parts):
        for block in _blocks(part):
            for link in block.links:
                if link.target.startswith("#") and _NOTE_MARK.match(link.text.strip()):
                    cited.setdefault(link.target[1:], position)
    return cited


def _is_note(block: Block, cited: dict[str, int]) -> bool:
    """Cited as a note, and linking back to its citation with its mark (``[1]`` -> ``#f1``), as
    every footnote does; a reference list's entries (``[1] Knuth…``) have no backlink."""
    return (block.anchor or "") in cited and any(
        link.target.startswith("#") and _NOTE_MARK.match(link.text.strip()) for link in block.links
    )


def home_footnotes(parts: tuple[Section, ...]) -> tuple[Section, ...]:
    """The parts of a single page (its chapters, or the sections of its one title) with its
    trailing footnotes moved to the end of the part that cites each; the last part keeps its own."""
    if len(parts) < 2:
        return parts
    cited = _cited(parts)
    tail = _last(parts[-1]).blocks
    start = len(tail)
    while start and _is_note(tail[start - 1], cited):
        start -= 1
    notes = tail[start:]
    last = len(parts) - 1
    if all(cited[block.anchor or ""] == last for block in notes):
        return parts
    moved: dict[int, list[Block]] = {}
    for block in notes:
        moved.setdefault(cited[block.anchor or ""], []).append(block)
    sections = list(parts)
    sections[-1] = _with_last(parts[-1], (*tail[:start], *moved.pop(last, [])))
    for position, blocks in sorted(moved.items()):
        sections[position] = _with_last(sections[position], (*_last(sections[position]).blocks, *blocks))
    return tuple(sections)
