"""The context step stays linear: a heading's context is the headings around it, bounded.

Before, every heading took every other heading of the document (deduplicated in a list):
a generated book of 2,000 one-section pages took 71 s to inspect, growing cubically
(scripts/bench_inspect.py prints the figures).
"""

from __future__ import annotations

import sys
from pathlib import Path

from relnotes.detect import HEADING_NEIGHBOURS, MAX_CONTEXT, _contexts
from relnotes.model import BlockKind
from relnotes.read import read_document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from bench_inspect import write_book


def test_a_chapter_of_release_notes_keeps_every_other_heading_as_a_headings_context(chapter):
    placements = list(chapter.placements())
    headings = list(dict.fromkeys(p.block.text for p in placements if p.block.kind is BlockKind.HEADING))
    assert 2 < len(headings) <= HEADING_NEIGHBOURS
    contexts = _contexts(chapter, placements)
    for text in headings:
        assert contexts[text] == [t for t in headings if t != text]


def test_a_long_book_gives_each_heading_its_neighbours_only(tmp_path):
    document = read_document(write_book(tmp_path / "book.pt_BR", 200))
    placements = list(document.placements())
    headings = [p.block.text for p in placements if p.block.kind is BlockKind.HEADING]
    assert len(headings) == 401 and len(set(headings)) == 401
    contexts = _contexts(document, placements)
    middle = 200
    assert contexts[headings[middle]] == [
        t for t in headings[middle - HEADING_NEIGHBOURS : middle + HEADING_NEIGHBOURS + 1] if t != headings[middle]
    ]
    assert contexts[headings[0]] == headings[1 : HEADING_NEIGHBOURS + 1]
    assert max(len(c) for c in contexts.values()) <= 2 * HEADING_NEIGHBOURS <= MAX_CONTEXT


def test_a_text_repeated_in_every_chapter_has_a_bounded_context(tmp_path):
    from relnotes.model import Block, Document, Section

    chapters = tuple(
        Section(
            number=str(n),
            heading=Block(BlockKind.HEADING, f"Capítulo {n}", n),
            sections=(Section(number=f"{n}.1", heading=Block(BlockKind.HEADING, "Problemas conhecidos", n)),),
        )
        for n in range(1, 400)
    )
    document = Document("book.pt_BR", "pt_BR", chapters)
    contexts = _contexts(document, list(document.placements()))
    assert len(contexts["Problemas conhecidos"]) == MAX_CONTEXT
    assert contexts["Problemas conhecidos"][:2] == ["Capítulo 1", "Capítulo 2"]
